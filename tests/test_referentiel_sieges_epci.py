"""Seats of an EPCI's council (L5211-6-1) as bounds, and the quorum decided from them."""
from __future__ import annotations

import json
from fractions import Fraction

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from checker.referentiel.sieges_epci import ACCORD_LOCAL, sieges_du_tableau, sieges_epci

NATURES = ("communaute_de_communes", "communaute_d_agglomeration", "communaute_urbaine", "metropole")


def by_the_text(populations, nombre, tie_order):
    """III as the text says it: the quotient, then the seats left one by one to the highest
    average; `tie_order` breaks a tie (the law's own tie-break is not encoded: any is legal here)."""
    total = sum(populations)
    if total == 0:
        seats = [0] * len(populations)
    else:
        quotient = Fraction(total, nombre)
        seats = [int(Fraction(p) / quotient) for p in populations]
    while sum(seats) < nombre:
        best = max(range(len(populations)),
                   key=lambda i: (Fraction(populations[i], seats[i] + 1), tie_order[i % len(tie_order)]))
        seats[best] += 1
    return seats


@pytest.mark.parametrize("population, seats", [(0, 16), (3499, 16), (3500, 18), (9999, 22), (10000, 26),
                                               (74999, 40), (75000, 42), (1000000, 100), (1000001, 130)])
def test_the_table_of_iii(population, seats):
    assert sieges_du_tableau(population) == seats


@given(st.lists(st.integers(0, 120_000), min_size=1, max_size=45), st.sampled_from(NATURES),
       st.lists(st.integers(0, 1000), min_size=1, max_size=45), st.data())
def test_the_bounds_always_hold_the_figure_the_law_gives(populations, nature, tie_order, data):
    found = sieges_epci(populations, nature)
    table = sieges_du_tableau(sum(populations))
    seats = by_the_text(populations, table, tie_order)
    assert sum(seats) == table
    base = table + sum(1 for s in seats if s == 0)          # III and IV 1°
    assert found.droit_commun[0] <= base <= found.droit_commun[1]
    # V or VI: at most a tenth of III and IV more, rounded down.
    exact = base + data.draw(st.integers(0, base // 10))
    assert found.bas <= exact <= found.haut
    if nature in ACCORD_LOCAL:
        # Any accord local: one seat per commune at least, 25 % above III and IV at most.
        accord = data.draw(st.integers(len(populations), max(len(populations), base * 5 // 4)))
        assert found.bas <= accord <= found.haut
    else:
        assert found.bas == found.droit_commun[0]


def test_a_tie_for_the_last_seat_leaves_the_communes_without_one_open():
    # 7 540 inhabitants, 22 seats: the 22nd goes to the 4th seat of the commune of 1 200 or the
    # first of the commune of 300 (both averages 300).
    found = sieges_epci([5000, 1200, 800, 300, 150, 90], "communaute_de_communes")
    assert found.tableau == 22 and found.sans_siege == (2, 3) and found.droit_commun == (24, 25)


def invoke(*args):
    return CliRunner().invoke(__import__("checker.cli", fromlist=["main"]).main, list(args))


def test_the_metropole_de_lille_gets_its_seats_and_its_members_in_office_as_bounds():
    out = json.loads(invoke("collectivite", "200093201", "--date", "2023-12-19", "--format", "json").stdout)
    filled = {r["chemin"]: r for r in out["remplis"]}
    # 130 by the table, 58 communes without a seat at the highest average: 188, the council it has.
    assert filled["collectivite.effectif_legal"]["valeur"] == {"min": 188, "max": 206}
    assert "L5211-6-1" in filled["collectivite.effectif_legal"]["source"]
    assert "1er janvier 2019" in filled["collectivite.effectif_legal"]["source"]
    assert filled["seance.membres_en_exercice"]["valeur"] == {"min": 0, "max": 206}


@pytest.mark.parametrize("presents, expected", [(150, "conforme"), (104, "conforme"), (103, "indetermine"),
                                                 (20, "indetermine")])
def test_the_quorum_of_an_epci_is_decided_only_over_the_whole_range(tmp_path, presents, expected):
    record = {"collectivite": {"siren": "200093201"}, "seance": {"date": "2023-12-19", "presents": presents},
              "deliberations": [{"numero": "1"}]}
    (tmp_path / "mel.json").write_text(json.dumps(record), encoding="utf-8")
    result = json.loads(invoke("check", str(tmp_path / "mel.json"), "--format", "json", "--preuves", "completes").stdout)
    [quorum] = [c for c in result["resultats"][0]["constats"] if c["regle"] == "L2121-17.quorum"]
    # Never « non conforme »: the members in office have no legal minimum.
    assert quorum["statut"] == expected


def test_a_perimeter_changed_since_the_recomposition_gives_no_seats():
    from checker.referentiel.donnees import Donnees, Epci
    from checker.referentiel.remplissage import _recomposition
    import datetime as dt

    class Fake(Donnees):
        def __init__(self, real, lists):
            self.__dict__.update(real.__dict__)
            self._fake = lists

        def membres(self, epci, index):
            return self._fake[index]

    from checker.referentiel.donnees import charger
    real = charger()
    members = ("59009", "59350")
    lists = [members] * len(real.versions)
    lists[1] = ("59009",)
    populations, why = _recomposition(Fake(real, lists), Epci("1", "x", (), "metropole", ()), members, 3, 2020)
    assert populations is None and "L5211-6-2" in why
    populations, why = _recomposition(Fake(real, [members] * len(real.versions)),
                                      Epci("1", "x", (), "metropole", ()), members, 3, 2020)
    assert populations == [real.commune("59009").populations[0], real.commune("59350").populations[0]]
