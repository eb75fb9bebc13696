"""Property 10 (issue 4): two- and three-month deadlines (cgct.md §0.4, §5.5, §7.2).

The déféré (L2131-6) is a two-month délai franc: it ends the day after the same day two months
later (the last day of a shorter month standing for a day it lacks), moved to the next working
day when that is a Saturday, a Sunday or a public holiday. The three months of L5211-17/18/19
follow art. 641 CPC: the same day three months later, or the last day of a shorter month.

The public holidays are recomputed here from the list of cgct.md §11 (Easter by the Gregorian
computus), not read from the `holidays` package the code uses.
"""
import calendar
import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from ruleset import dates
from ruleset.functions import HELPERS

from strategies import dates_sensibles

D = dt.date
UN_JOUR = dt.timedelta(days=1)
EVENEMENTS = dates_sensibles(D(1996, 2, 24), D(2099, 10, 31))


def paques(year: int) -> dt.date:
    """Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return D(year, month, day + 1)


def feries(year: int, alsace_moselle: bool) -> set[dt.date]:
    """cgct.md §11: the eleven national holidays, plus Good Friday and 26 December in Alsace-Moselle."""
    easter = paques(year)
    days = {D(year, 1, 1), easter + UN_JOUR, D(year, 5, 1), D(year, 5, 8), easter + dt.timedelta(days=39),
            easter + dt.timedelta(days=50), D(year, 7, 14), D(year, 8, 15), D(year, 11, 1), D(year, 11, 11),
            D(year, 12, 25)}
    if alsace_moselle:
        days |= {easter - dt.timedelta(days=2), D(year, 12, 26)}
    return days


def lundi_de_pentecote_2005_2007(day: dt.date) -> bool:
    # TODO (2026-11-28, open legal question): in 2005–2007 Whit Monday was the default "journée
    # de solidarité" (loi n° 2004-626); it stayed in the Code du travail's list of holidays, but
    # the `holidays` package treats it as a working day. Either reading is accepted on those
    # three days until the question is settled.
    return day.year in (2005, 2006, 2007) and day == paques(day.year) + dt.timedelta(days=50)


def ouvre(day: dt.date, alsace_moselle: bool) -> bool:
    return day.weekday() < 5 and day not in feries(day.year, alsace_moselle)


def meme_quantieme(evenement: dt.date, mois: int) -> dt.date | None:
    """The same day of the month `mois` months later, if that month has it."""
    index = evenement.year * 12 + evenement.month - 1 + mois
    try:
        return D(index // 12, index % 12 + 1, evenement.day)
    except ValueError:
        return None


def fin_du_mois(evenement: dt.date, mois: int) -> dt.date:
    index = evenement.year * 12 + evenement.month - 1 + mois
    year, month = index // 12, index % 12 + 1
    return D(year, month, calendar.monthrange(year, month)[1])


@given(evenement=EVENEMENTS, mois=st.sampled_from((2, 3)), alsace_moselle=st.booleans())
@example(evenement=D(2023, 3, 3), mois=2, alsace_moselle=False)     # cgct.md §10 cas 45 → Thu 4 May 2023
@example(evenement=D(2024, 5, 6), mois=2, alsace_moselle=False)     # → Sat 6, Sun 7 July → Mon 8 July 2024
@example(evenement=D(2023, 12, 31), mois=2, alsace_moselle=False)   # 31 December → no 31 February
@example(evenement=D(2023, 12, 29), mois=2, alsace_moselle=False)   # 29 February 2024 exists
@example(evenement=D(2024, 10, 24), mois=2, alsace_moselle=True)    # → 25, then 26 December in Alsace-Moselle
@example(evenement=D(2024, 1, 28), mois=2, alsace_moselle=True)     # → Good Friday 29 March 2024 in Alsace-Moselle
def test_the_deferes_last_day_is_a_working_day_never_before_the_same_day_months_later(evenement, mois, alsace_moselle):
    last = dates.delai_franc_mois(evenement, mois, alsace_moselle)
    assert HELPERS["delai_franc_mois"].function(evenement, mois, alsace_moselle) == last
    same = meme_quantieme(evenement, mois) or fin_du_mois(evenement, mois)
    # A délai franc: the same day does not count, so the last day is at least the day after.
    assert last >= same + UN_JOUR, f"{evenement} → {last}, avant le lendemain de {same}"
    assert last.weekday() < 5, f"{evenement} → {last} tombe un {calendar.day_name[last.weekday()]}"
    assert last not in feries(last.year, alsace_moselle) or lundi_de_pentecote_2005_2007(last), (
        f"{evenement} → {last}, jour férié")
    # …and the first such day: every day between the day after and the last day is a day off.
    day = same + UN_JOUR
    while day < last:
        assert not ouvre(day, alsace_moselle) or lundi_de_pentecote_2005_2007(day), (
            f"{evenement} → {last}, alors que le {day} est ouvré")
        day += UN_JOUR


@given(evenement=EVENEMENTS, mois=st.sampled_from((2, 3)))
@example(evenement=D(2021, 3, 31), mois=3)    # cgct.md §10 cas 51 → 30 June 2021
@example(evenement=D(2023, 11, 30), mois=3)   # → 29 February 2024
@example(evenement=D(2023, 12, 31), mois=2)   # → 29 February 2024
def test_the_month_deadline_is_the_same_day_months_later_or_the_last_day_of_a_shorter_month(evenement, mois):
    end = dates.echeance_mois(evenement, mois)
    assert HELPERS["echeance_mois"].function(evenement, mois) == end
    same = meme_quantieme(evenement, mois)
    if same is not None:
        assert end == same, f"{evenement} + {mois} mois → {end}, attendu {same}"
    else:
        assert end == fin_du_mois(evenement, mois), f"{evenement} + {mois} mois → {end}"
