"""Property 6 (issue 4): temporal coverage — on every date, exactly one version of each rule applies.

Where a rule exists (from its first version's `du` to its last version's `au`, if any), exactly
one version's period [du, au) contains the date; before and after, none does. The engine uses
that version: each finding names its period, and a rule that does not exist on the meeting date
is reported as not in force. Catala's temporal coverage test, over every loaded rule.
"""
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.findings import INDETERMINE, NON_APPLICABLE
from checker.record import build_record
from strategies import DERNIER_JOUR, dates_sensibles

def existe(rule, date) -> bool:
    last = rule.versions[-1].au
    return rule.versions[0].du <= date and (last is None or date < last)


@pytest.fixture(scope="module")
def days(rules):
    """Dates from well before the oldest version to well after today, weighted towards every `du` and `au`."""
    bornes = sorted({d for rule in rules for v in rule.versions for d in (v.du, v.au) if d is not None})
    first = min(bornes) - dt.timedelta(days=400)
    last = max(max(bornes), DERNIER_JOUR) + dt.timedelta(days=400)
    return dates_sensibles(first, last, charnieres=bornes)


@given(data=st.data())
def test_on_every_date_exactly_one_version_of_each_rule_applies_where_the_rule_exists(rules, engine, days, data):
    # Several dates per example: one check is cheap, and the boundaries are many.
    for date in data.draw(st.lists(days, min_size=1, max_size=8), label="dates"):
        _check_coverage(rules, engine, date)


def _check_coverage(rules, engine, date):
    record = build_record({"seance": {"date": date.isoformat()}, "deliberations": [{"numero": "1"}]}, "propriete-6")
    findings = {(f.regle, f.chemin): f for f in engine.check(record)}
    subject = {"seance": "seance", "deliberation": "deliberations[0]"}
    by_id = {r.id: r for r in rules}
    for rule in rules:
        covering = [v for v in rule.versions if v.du <= date and (v.au is None or date < v.au)]
        expected = 1 if existe(rule, date) else 0
        assert len(covering) == expected, (
            f"{rule.id} le {date} : {len(covering)} version(s) en vigueur ({[v.period() for v in covering]}), "
            f"{expected} attendue(s)")
        assert rule.version_at(date) is (covering[0] if covering else None), f"{rule.id} le {date}"
        finding = findings[(rule.id, subject[rule.portee])]
        if covering:
            assert finding.version == covering[0].period(), f"{rule.id} le {date} : {finding.version}"
        else:
            # Before its first version, a rule whose obligation already existed says that the law
            # of that date is not encoded — unless an earlier rule answers for that date (issue 13).
            expected_status = INDETERMINE if _not_encoded(rule, date, by_id) else NON_APPLICABLE
            assert finding.version is None and finding.statut == expected_status, f"{rule.id} le {date}"
            if expected_status == INDETERMINE:
                assert any("non encodé" in m.chemin for m in finding.manquants), f"{rule.id} le {date}"


def _answers(rule, date, by_id) -> bool:
    if rule is None:
        return False
    if rule.version_at(date) is not None:
        return True
    if date >= rule.versions[0].du:
        return False
    if rule.obligation_depuis is not None and rule.obligation_depuis.du <= date:
        return True
    return any(_answers(by_id.get(e), date, by_id) for e in rule.droit_anterieur)


def _not_encoded(rule, date, by_id) -> bool:
    return (date < rule.versions[0].du and rule.obligation_depuis is not None
            and rule.obligation_depuis.du <= date
            and not any(_answers(by_id.get(e), date, by_id) for e in rule.droit_anterieur))


def test_the_dates_drawn_reach_every_version(rules):
    # The strategies draw meetings up to a fixed day (so that a commit passes or fails the same way
    # whatever day it runs): a version starting after it would never be drawn by the other properties.
    latest = max(v.du for rule in rules for v in rule.versions)
    assert latest <= DERNIER_JOUR, f"une version commence le {latest} : avancer DERNIER_JOUR (tests/strategies/dates.py)"
