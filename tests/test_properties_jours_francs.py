"""Property 1 (issue 4): jours francs against the standard library, and the last day to send.

cgct.md §0.3: neither the day of sending nor the day of the meeting counts, weekends and holidays
count, nothing is extended; the latest sending date for N clear days is the meeting minus N + 1.
"""
import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checker.findings import CONFORME, NON_CONFORME
from checker.record import build_record
from ruleset import dates
from ruleset.functions import HELPERS

from strategies import dates_sensibles
from strategies.regles import DELAIS_DE_CONVOCATION, par_id

D = dt.date


def jours_strictement_entre(a: dt.date, b: dt.date) -> int:
    """The oracle: calendar days lying strictly between a and b, by day numbers (proleptic Gregorian)."""
    return b.toordinal() - a.toordinal() - 1


@given(st.dates(), st.dates())
@example(D(2024, 2, 28), D(2024, 3, 1))      # 29 February lies between
@example(D(2023, 2, 28), D(2023, 3, 1))      # no 29 February in 2023
@example(D(1900, 2, 28), D(1900, 3, 1))      # 1900 is not a leap year
@example(D(2000, 2, 28), D(2000, 3, 1))      # 2000 is
@example(D(2023, 12, 31), D(2024, 1, 1))     # consecutive days: no clear day
@example(D(2024, 1, 1), D(2024, 1, 1))       # same day: -1
@example(D(1989, 12, 21), D(1989, 12, 26))   # CE 13 oct. 1993, n° 141677: 4 clear days
@example(D.min, D.max)
def test_jours_francs_is_the_number_of_days_strictly_between_sending_and_meeting(envoi, seance):
    expected = jours_strictement_entre(envoi, seance)
    assert expected == (seance - envoi).days - 1
    assert dates.jours_francs(envoi, seance) == expected
    assert HELPERS["jours_francs"].function(envoi, seance) == expected


@given(st.dates(D(1, 1, 1) + dt.timedelta(days=400), D.max), st.integers(0, 365))
@example(D(2023, 12, 19), 5)   # cgct.md §10 cas 1: 13 December
@example(D(2024, 3, 1), 3)     # across 29 February
@example(D(2025, 1, 6), 5)     # across New Year's Day
def test_the_latest_sending_day_leaves_exactly_n_clear_days_and_the_day_after_leaves_fewer(seance, n):
    dernier = dates.dernier_jour_envoi(seance, n)
    assert dernier == HELPERS["dernier_jour_envoi"].function(seance, n)
    assert jours_strictement_entre(dernier, seance) == n
    assert jours_strictement_entre(dernier + dt.timedelta(days=1), seance) == n - 1
    assert dates.jours_francs(dernier, seance) >= n
    assert dates.jours_francs(dernier + dt.timedelta(days=1), seance) < n


@pytest.fixture(scope="module")
def delay_rules(rules):
    by_id = par_id(rules)
    missing = [rule_id for rule_id in DELAIS_DE_CONVOCATION if rule_id not in by_id]
    if missing:
        pytest.skip(f"règle(s) de délai de convocation absente(s) : {', '.join(missing)}")
    return [by_id[rule_id] for rule_id in DELAIS_DE_CONVOCATION]


# 2 000 inhabitants: L2121-11 (three days); 5 000: L2121-12 (five days). Not in Alsace-Moselle,
# no urgency, no ICPE: the ordinary delay of each article applies.
POPULATIONS = {"L2121-11.delai": 2000, "L2121-12.delai": 5000}


@given(seance=dates_sensibles(), index=st.integers(0, len(DELAIS_DE_CONVOCATION) - 1))
@example(seance=D(2023, 12, 19), index=1)
@example(seance=D(2020, 3, 1), index=0)
def test_a_convocation_sent_on_the_reported_last_day_is_compliant_and_one_sent_the_day_after_is_not(
        engine, delay_rules, seance, index):
    rule = delay_rules[index]

    def check(envoi=None):
        record = {"collectivite": {"nature": "commune", "population": POPULATIONS[rule.id], "departement": "35"},
                  "seance": {"date": seance.isoformat()}, "deliberations": [{"numero": "1"}]}
        if envoi is not None:
            record["convocation"] = {"date_envoi": envoi.isoformat()}
        [finding] = [f for f in engine.check(build_record(record, "propriete-1"), only={rule.id})
                     if f.regle == rule.id]
        return finding

    undated = check()
    requis = undated.valeurs["requis"]
    dernier = undated.valeurs["dernier_jour"]
    assert dernier == seance - dt.timedelta(days=requis + 1), undated.message
    on_time, late = check(dernier), check(dernier + dt.timedelta(days=1))
    assert on_time.statut == CONFORME, on_time.message
    assert on_time.valeurs["jours"] == requis
    assert late.statut == NON_CONFORME, late.message
    assert late.valeurs["jours"] == requis - 1
