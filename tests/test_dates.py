"""Legal date arithmetic pinned on the specification's computed examples (cgct.md §11)."""
import datetime as dt

import pytest

from ruleset import dates

D = dt.date


@pytest.mark.parametrize("sent, meeting, clear", [
    (D(2023, 12, 13), D(2023, 12, 19), 5), (D(2023, 12, 14), D(2023, 12, 19), 4),
    (D(2024, 5, 6), D(2024, 5, 10), 3), (D(2024, 12, 31), D(2025, 1, 6), 5),
    (D(1989, 12, 21), D(1989, 12, 26), 4), (D(2026, 3, 16), D(2026, 3, 20), 3),
])
def test_jours_francs_examples(sent, meeting, clear):
    assert dates.jours_francs(sent, meeting) == clear


def test_latest_sending_day():
    assert dates.dernier_jour_envoi(D(2023, 12, 19), 5) == D(2023, 12, 13)


@pytest.mark.parametrize("event, last", [
    (D(2023, 3, 3), D(2023, 5, 4)), (D(2024, 5, 6), D(2024, 7, 8)), (D(2024, 10, 1), D(2024, 12, 2)),
])
def test_deferre_two_month_delai_franc(event, last):
    assert dates.delai_franc_mois(event, 2) == last


def test_month_end_needs_an_explicit_choice():
    with pytest.raises(dates.AmbiguousDate):
        dates.ajouter_mois(D(2024, 1, 31), 1)
    assert dates.ajouter_mois(D(2024, 1, 31), 1, "dernier_jour") == D(2024, 2, 29)
    assert dates.ajouter_mois(D(2024, 1, 31), 1, "jour_suivant") == D(2024, 3, 1)
    assert dates.echeance_mois(D(2021, 3, 31), 3) == D(2021, 6, 30)
    assert dates.delai_franc_mois_incertain(D(2023, 12, 31), 2)
    assert not dates.delai_franc_mois_incertain(D(2023, 3, 3), 2)


def test_alsace_moselle_local_holidays():
    assert dates.jour_ferie(D(2024, 3, 29), alsace_moselle=True)
    assert not dates.jour_ferie(D(2024, 3, 29))
    assert dates.jour_ferie(D(2024, 12, 26), alsace_moselle=True)
    assert dates.jour_ouvre_suivant(D(2024, 12, 25), alsace_moselle=True) == D(2024, 12, 27)
    assert dates.jour_ouvre_suivant(D(2024, 12, 25)) == D(2024, 12, 26)
