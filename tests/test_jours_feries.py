"""The written-out holiday table (ruleset/jours_feries.py) says what the `holidays` library says,
for every year it covers, nationally and in Alsace-Moselle; outside it, the library answers."""
from __future__ import annotations

import datetime as dt

import holidays
import pytest

from ruleset import dates, jours_feries


@pytest.mark.parametrize("alsace_moselle", [False, True])
def test_the_table_is_the_librarys_calendar_for_every_year(alsace_moselle):
    for year in range(jours_feries.FIRST, jours_feries.LAST + 1):
        library = holidays.France(subdiv="57", years=year) if alsace_moselle else holidays.France(years=year)
        assert dates._holidays(year, alsace_moselle) == frozenset(library.keys()), year


def test_years_outside_the_table_are_asked_of_the_library():
    year = jours_feries.FIRST - 1
    assert dates.jour_ferie(dt.date(year, 12, 25)) and not dates.jour_ferie(dt.date(year, 12, 24))
    assert dates._holidays(year, True) == frozenset(holidays.France(subdiv="57", years=year).keys())


def test_a_check_does_not_import_the_holidays_library(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys, datetime as dt; from ruleset import dates; "
            "assert dates.delai_franc_mois(dt.date(2024, 5, 6), 2) == dt.date(2024, 7, 8); "
            "print('holidays' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
