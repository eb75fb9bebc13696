"""bench/reader_accuracy.py --comptes-manques: why a labelled count is unread or wrong, in fixed classes."""
from __future__ import annotations

from conftest import ROOT, load_script

bench = load_script(ROOT / "bench" / "reader_accuracy.py")

LABEL = {"present": 15, "represented": 2, "voters": 17, "members_in_office": 19}


def _causes(seance: dict, rejected: list = ()) -> dict:
    counter: dict = {}
    bench.count_causes(counter, {"seance": seance, "lecture": {"rejetees": list(rejected)}}, LABEL)
    return counter


def test_right_counts_have_no_cause():
    assert _causes({"presents": {"valeur": 15}, "representes": {"valeur": 2}, "votants": {"valeur": 17},
                    "membres_en_exercice": {"valeur": 19}}) == {}


def test_a_count_set_aside_is_classed_by_its_check_and_by_how_far_it_was():
    found = _causes({"presents": {"valeur": 15}, "representes": {"valeur": 2}, "membres_en_exercice": {"valeur": 19}},
                    [{"champ": "seance.votants", "valeur": 18,
                      "raison": "votants (18) plus nombreux que présents (15) + représentés (2)"}])
    assert found == {("votants", "écarté : votants > présents + représentés", "valeur écartée écart 1"): 1}


def test_a_count_kept_below_the_gate_is_not_set_aside():
    found = _causes({"presents": {"valeur": 14, "source": "Présents : 14", "confiance": 0.85},
                     "representes": {"valeur": 2}, "votants": {"valeur": 17}, "membres_en_exercice": {"valeur": 19}},
                    [{"champ": "seance.presents", "valeur": 14,
                      "raison": "votants (17) moins nombreux … (nombre gardé, confiance abaissée sous le seuil)"}])
    assert found == {("presents", "faux : imprimé", "écart 1, confiance < 0.9"): 1}


def test_bounds_then_the_counts_that_follow_presents():
    found = _causes({"presents": {"min": 13, "max": 17, "source": "compté sur la liste : … (15 noms, à 2 près : "
                                  "nombre de noms de la liste des présents, qu'aucun total imprimé ne confirme)"},
                     "membres_en_exercice": {"valeur": 19}})
    assert found == {
        ("presents", "bornes seulement : aucun total ne confirme la liste", "étiquette dans les bornes"): 1,
        ("representes", "présents non lu : ne peut suivre", "présents en bornes"): 1,
        ("votants", "présents non lu : ne peut suivre", "présents en bornes"): 1}


def test_counts_never_read_say_whether_the_reader_saw_the_number():
    roll = [{"nom": f"M{i}", "presence": "present"} for i in range(15)]
    found = _causes({"presents": {"valeur": 15}, "representes": {"valeur": 2}, "votants": {"valeur": 17},
                     "lieu": {"valeur": "Mairie", "source": "19 membres, salle du conseil"}, "membres": roll})
    assert found == {("membres_en_exercice", "jamais lu : valeur dans les passages lus", "-"): 1}
    found = _causes({"presents": {"valeur": 15}, "representes": {"valeur": 2}, "votants": {"valeur": 17},
                     "membres": roll + [{"nom": f"A{i}", "presence": "absent"} for i in range(4)]})
    assert found == {("membres_en_exercice", "jamais lu : valeur = un nombre de noms lus", "rôle entier"): 1}
    assert _causes({}) == {(field, "aucune présence lue", "-"): 1 for field in
                           ("presents", "membres_en_exercice")} | {
        (field, "présents non lu : ne peut suivre", "présents absent"): 1 for field in ("representes", "votants")}


def test_the_table_shows_counts_only():
    found = {"reglage": {("presents", "aucune présence lue", "-"): 2},
             "validation": {("presents", "aucune présence lue", "-"): 1}}
    lines = bench.count_causes_table(found)
    row = next(line for line in lines if line.startswith("presents"))
    assert row.split()[-3:] == ["2", "1", "1"]
