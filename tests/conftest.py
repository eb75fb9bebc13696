"""Shared fixtures and Hypothesis profiles."""
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from checker.engine import Engine
from ruleset.loader import load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = ROOT / "rules"

settings.register_profile("ci", max_examples=60, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("approfondi", max_examples=2000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("DELIBCHECK_HYPOTHESIS", "ci"))


@pytest.fixture(scope="session")
def rules():
    return load_rules(str(RULES_DIR))


@pytest.fixture(scope="session")
def engine(rules):
    return Engine(rules)
