"""Property 3 (issue 4): proxies and the quorum, period by period (cgct.md §2.1, §2.2).

Under ordinary law the quorum is the majority of the members en exercice physically present;
proxies never count (TA Toulouse 1987; cgct.md §10 cas 19). In the COVID periods the quorum is a
third of the members en exercice, rounded up: present or represented in C2 (ordonnance
n° 2020-391, 3 April – 10 July 2020), present only in C1, C3, C4 and C5 (cgct.md §10 cas 24–27).

The expected verdict is computed here from the table of cgct.md §2.2, independently of the rules,
and compared with the verdict of the quorum family (L2121-17.quorum and every exception that
names it). The records hold ordinary deliberations: not an election of the mayor (for which, from
15 May 2020, proxies no longer counted in C2), not a point carried over after a failed quorum
(the second convocation decides those).
"""
import math

import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st

from checker.findings import CONFORME, NON_CONFORME
from checker.record import build_record

from strategies.dates import D, PERIODES_COVID, dates_dans_periode, dates_hors_covid, periode_covid
from strategies.dossiers import DEPARTEMENTS, EFFECTIFS, NATURES, NOMS_DE_MEMBRES, autour, entiers, parmi
from strategies.regles import QUORUM, en_vigueur_pendant, exceptions_covid, famille, par_id, verdict_de_famille

# The syndicat mixte ouvert's quorum is set by its statutes (L5721-2), not by L2121-17; a
# département's and a région's by their own articles (L3121-14, L4132-13), which are not encoded.
NATURES_VISEES = tuple(n for n in NATURES if n not in ("syndicat_mixte_ouvert", "departement", "region"))


def quorum_selon_la_loi(date, en_exercice: int, presents: int, representes: int) -> bool:
    """cgct.md §2.2, as a table: who counts and how many are needed on `date`."""
    periode = periode_covid(date)
    if periode is None:
        return presents >= en_exercice // 2 + 1
    tiers = math.ceil(en_exercice / 3)
    if periode == "C2":
        return presents + representes >= tiers
    return presents >= tiers


@st.composite
def reunions(draw, dates):
    """(record, date, en exercice, present, represented): an ordinary deliberation and valid proxies."""
    date = draw(dates)
    # A council of the L2121-2 table (odd), or any size, even ones included: 8 → 5 (cgct.md §2.1).
    n = draw(st.one_of(EFFECTIFS, entiers(1, 69)))
    p = draw(autour(n // 2 + 1, math.ceil(n / 3), borne=n))
    limite = 2 if periode_covid(date) else 1   # proxies per holder (cgct.md §3.1)
    most = min(n - p, p * limite)
    # Half of the time, just enough proxies to reach the quorum if they counted as presence.
    seuil = math.ceil(n / 3) if periode_covid(date) else n // 2 + 1
    r = draw(entiers(0, most)) if draw(st.booleans()) else min(max(seuil - p, 0), most)
    noms = NOMS_DE_MEMBRES[:n] if n <= len(NOMS_DE_MEMBRES) else [f"Membre {i}" for i in range(n)]
    pouvoirs = [{"mandant": noms[p + i], "mandataire": noms[i // limite]} for i in range(r)]
    seance = {"date": date.isoformat(), "membres_en_exercice": n, "presents": p}
    style = draw(parmi("nombre", "liste", "les_deux"))
    if style in ("liste", "les_deux"):
        seance["pouvoirs"] = pouvoirs
    if style in ("nombre", "les_deux"):
        seance["representes"] = r
    collectivite = {"nature": draw(parmi(*NATURES_VISEES))}
    departement = draw(parmi(None, *DEPARTEMENTS))
    if departement:
        collectivite["departement"] = departement
    record = {"collectivite": collectivite, "seance": seance,
              "deliberations": [{"numero": "1", "nomination": False}]}
    return record, date, n, p, r


def _verdict(engine, rules, record):
    ids = {r.id for r in famille(rules, QUORUM)}
    return verdict_de_famille(engine.check(build_record(record, "propriete-3"), only=ids), QUORUM, "deliberations[0]")


def _check(engine, rules, drawn):
    record, date, n, p, r = drawn
    expected = CONFORME if quorum_selon_la_loi(date, n, p, r) else NON_CONFORME
    finding = _verdict(engine, rules, record)
    # The cases that tell the periods apart: the verdict would change if proxies counted as presence.
    proxies_decide = quorum_selon_la_loi(date, n, p + r, 0) != quorum_selon_la_loi(date, n, p, 0)
    event(f"{periode_covid(date) or 'droit commun'} : {expected}" + (" (les pouvoirs décident)" if proxies_decide else ""))
    assert finding.statut == expected, (
        f"{date} ({periode_covid(date) or 'droit commun'}) : {p} présents, {r} représentés, {n} en exercice : "
        f"attendu {expected}, obtenu {finding.statut} par {finding.regle} : {finding.message}")


@pytest.fixture(scope="module")
def quorum_rules(rules):
    if QUORUM not in par_id(rules):
        pytest.skip(f"règle {QUORUM} absente")
    return rules


@given(drawn=reunions(dates_hors_covid()))
@example(drawn=({"seance": {"date": "2023-03-13", "membres_en_exercice": 27, "presents": 13, "representes": 8},
                 "deliberations": [{"numero": "1"}]}, D(2023, 3, 13), 27, 13, 8))   # cgct.md §10 cas 19
@example(drawn=({"seance": {"date": "2022-08-01", "membres_en_exercice": 27, "presents": 9, "representes": 4},
                 "deliberations": [{"numero": "1"}]}, D(2022, 8, 1), 27, 9, 4))     # cas 25, the day after C5
@example(drawn=({"seance": {"date": "2021-10-01", "membres_en_exercice": 27, "presents": 9},
                 "deliberations": [{"numero": "1"}]}, D(2021, 10, 1), 27, 9, 0))     # cas 26, the day after C4
@example(drawn=({"seance": {"date": "2020-08-31", "membres_en_exercice": 33, "presents": 11, "representes": 6},
                 "deliberations": [{"numero": "1"}]}, D(2020, 8, 31), 33, 11, 6))    # the day after C3
@example(drawn=({"seance": {"date": "2024-01-15", "membres_en_exercice": 8, "presents": 4, "representes": 3},
                 "deliberations": [{"numero": "1"}]}, D(2024, 1, 15), 8, 4, 3))      # 8 → 5: half is not a majority
def test_outside_the_covid_periods_proxies_never_count_toward_the_quorum(engine, quorum_rules, drawn):
    _check(engine, quorum_rules, drawn)


def _covid_rules_for(rules, periode: str):
    found = [r for r in exceptions_covid(rules) if en_vigueur_pendant(r, periode)]
    if not found:
        debut, fin = PERIODES_COVID[periode]
        pytest.skip(f"aucune exception de {QUORUM} issue des dérogations COVID n'est en vigueur en {periode} "
                    f"({debut} – {fin}) : la loi y fixe un quorum du tiers que la règle de droit commun ne connaît pas")
    return found


@given(drawn=reunions(dates_dans_periode("C2")))
@example(drawn=({"seance": {"date": "2020-04-15", "membres_en_exercice": 33, "presents": 9, "representes": 3},
                 "deliberations": [{"numero": "1", "nomination": False}]}, D(2020, 4, 15), 33, 9, 3))  # cas 27
def test_inside_c2_proxies_count_toward_the_quorum(engine, quorum_rules, drawn):
    _covid_rules_for(quorum_rules, "C2")
    _check(engine, quorum_rules, drawn)


@pytest.mark.parametrize("periode", ["C1", "C3", "C4", "C5"])
@given(data=st.data())
def test_inside_c1_c3_c4_c5_proxies_do_not_count_toward_the_quorum(engine, quorum_rules, periode, data):
    _covid_rules_for(quorum_rules, periode)
    _check(engine, quorum_rules, data.draw(reunions(dates_dans_periode(periode)), label="réunion"))
