"""Shared fixtures and Hypothesis profiles."""
import importlib.util
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from checker.engine import Engine
from ruleset.loader import load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = ROOT / "rules"


def load_script(path: Path):
    """A script of bench/ or scripts/ (no package) loaded as a module for its tests, under its file's
    name, registered first: a dataclass looks its module up by name while the class is built."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module

# The default profile is derandomized: a given commit passes or fails the same way on every run,
# so the suite never lands by luck. The thorough profile explores at random.
settings.register_profile("ci", max_examples=60, deadline=None, print_blob=True, derandomize=True,
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


CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def navigateur():
    """Debian's Chromium driven by Playwright (no browser download: `executable_path`).

    Skipped, saying what is missing, where neither can be had; `scripts/dependances-test.sh`
    installs Chromium when the test command runs as root on Debian."""
    import shutil
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("Chromium absent : installer le paquet Debian « chromium » (scripts/dependances-test.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright absent : pip install '.[test]'")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture()
def page(navigateur, tmp_path):
    """A fresh browser page; a screenshot is kept under `tmp_path` by the tests that take one."""
    context = navigateur.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
