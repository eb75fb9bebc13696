"""French numbers, dates and times in digits and in words."""
import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checker.reader.dates import find_dates, int_to_words, time_at, words_to_int
from checker.reader.normalize import fold, normalize


@pytest.mark.parametrize("words, number", [
    ("deux mille vingt-trois", 2023), ("deux mil vingt-trois", 2023), ("deux mil vingt et deux", 2022),
    ("deux-mille-vingt-quatre", 2024), ("DEUX MILLE VINGT TROIS".lower(), 2023), ("dix-neuf", 19),
    ("soixante-dix", 70), ("quatre-vingt-dix-sept", 97), ("vingt et un", 21), ("premier", 1),
])
def test_number_words(words, number):
    assert words_to_int(words) == number


@given(st.integers(1, 99_999))
@example(80)
@example(1999)
@example(2000)
@example(71)
def test_number_words_round_trip_against_the_writer(n):
    assert words_to_int(int_to_words(n)) == n


@pytest.mark.parametrize("text, expected", [
    ("le seize février deux mille vingt-trois", dt.date(2023, 2, 16)),
    ("23 FEV.2023", dt.date(2023, 2, 23)),
    ("02/ 02/2023", dt.date(2023, 2, 2)),
    ("le mercredi 30 novem- bre 2022", dt.date(2022, 11, 30)),
    ("1er mars 2023", dt.date(2023, 3, 1)),
    ("dix-sept janvier deux-mille-vingt-trois", dt.date(2023, 1, 17)),
    ("08/02/23", dt.date(2023, 2, 8)),
])
def test_dates(text, expected):
    found = find_dates(fold(normalize(text)))
    assert found and found[0].date == expected


def test_impossible_dates_are_not_read():
    assert all(d.date is None for d in find_dates(fold("29 FEV.273 et le 31/02/2023")))


@pytest.mark.parametrize("text, expected", [
    (" à 18h45", "18:45"), (" à dix-neuf heures trente minutes", "19:30"), (" à 20 heures 30", "20:30"),
    (", à dix-sept heures trente", "17:30"), (" à 18 heures trente", "18:30"), (" à vingt heures, le", "20:00"),
    (" 18 H 00", "18:00"), (" à 18h...", "18:00"), (" à neuf heures et demie", "09:30"),
])
def test_times(text, expected):
    assert time_at(fold(text), 0)[0] == expected


def test_an_hour_out_of_range_is_not_a_time():
    assert time_at(fold(" à 25h70"), 0) is None


@pytest.mark.parametrize("text, expected", [
    ("Communauté d Agglomération de l Etampois", "Communauté d'Agglomération de l'Etampois"),
    ("SYNDICAT INTERCOMMUNAL D ENERGIES DE MAINE ET LOIRE", "SYNDICAT INTERCOMMUNAL D'ENERGIES DE MAINE ET LOIRE"),
    ("COMMUNAUTE D AGGLOMERATION SUD DE L ESSONNE", "COMMUNAUTE D'AGGLOMERATION SUD DE L'ESSONNE"),
    ("Date de mise en ligne de l acte : 02/02/2023", "Date de mise en ligne de l'acte : 02/02/2023"),
    # An initial in a roll of names, or a list's letter, is no lost apostrophe.
    ("MARTIN L ANNE, DUPONT Jean", "MARTIN L ANNE, DUPONT Jean"),
    ("M. L Dupont", "M. L Dupont"),
    ("a) b) c) d) e)", "a) b) c) d) e)"),
])
def test_a_lost_apostrophe_is_put_back_only_where_french_never_writes_the_letter_apart(text, expected):
    assert normalize(text) == expected
