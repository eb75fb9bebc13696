"""bench/reader_accuracy.py --votes-faux: the causes of the vote facts read wrong or left unread, in fixed classes."""
from __future__ import annotations

from conftest import ROOT, load_script

from checker.reader import assemble, read_text

bench = load_script(ROOT / "bench" / "reader_accuracy.py")

# Invented minutes: one act, a written unanimity, counts with no attendance to check them against.
TEXT = """COMMUNE DE VALBRUNE
Séance du conseil municipal du 12 mars 2024
L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal s'est réuni sous la présidence de
M. Jean DUPONT, Maire.
Délibération n° 2024-01 Objet : Travaux de voirie
Le conseil municipal, après en avoir délibéré, à l'unanimité, approuve les travaux. Pour : 12 Contre : 0 Abstention : 0
"""


def _faults(label: dict, text: str = TEXT) -> dict:
    seen = bench._ZonesSeen()
    with seen:
        record = read_text(text, "valbrune.txt")
    counter: dict = {}
    bench.vote_faults_of(counter, record, label, seen.last)
    return counter


def test_counts_read_where_the_labels_give_none_are_classed_from_the_readers_trace():
    counter = _faults({"vote": {"unanimite": True}})
    assert counter[("décomptes", "total", "")] == 3
    for dimension, kind in (("issue", "faux, étiquette sans valeur"), ("acte", "1re délibération"),
                            ("actes lus", "un"), ("lieu", "ailleurs dans la zone de l'acte"),
                            ("unanimité", "lue pour l'acte"), ("somme/votants", "votants non lus"),
                            ("valeur étiquetée", "étiquette sans valeur"), ("forme", "côté puis nombre"),
                            ("confiance", "0.6"), ("écarté", "rien d'écarté")):
        assert counter[("décomptes", dimension, kind)] == 3, (dimension, kind)
    # The unanimity is right: counted apart, under the same classes.
    assert counter[("unanimité lus justes", "issue", "juste")] == 1
    assert ("unanimité", "total", "") not in counter


def test_counts_in_the_sentence_of_the_acts_decision_are_in_its_vote_sentence():
    counter = _faults({"vote": {"unanimite": True}}, TEXT.replace(
        "approuve les travaux. Pour : 12 Contre : 0 Abstention : 0", "approuve les travaux par 12 voix pour et 0 contre."))
    assert counter[("décomptes", "lieu", "phrase de vote de l'acte")] == 2
    assert counter[("décomptes", "forme", "nombre puis côté")] == 2


def test_an_unread_count_says_whether_the_labelled_value_is_printed_in_the_acts_zone():
    counter = _faults({"vote": {"unanimite": True, "pour": 10, "contre": 0, "abstention": 0}},
                      TEXT.replace("Pour : 12 Contre : 0 Abstention : 0", "(dix votants)"))
    assert counter[("décomptes", "issue", "non lu")] == 3
    assert counter[("décomptes", "lieu", "non lu")] == 3
    assert counter[("décomptes", "somme/votants", "pas de décompte lu")] == 3
    # « dix » is 10 in words; no 0 is printed.
    assert counter[("décomptes", "valeur étiquetée", "dans la zone de l'acte")] == 1
    assert counter[("décomptes", "valeur étiquetée", "nulle part")] == 2


def test_the_reader_is_left_as_it_was_after_a_text_is_read():
    original = assemble.read_deliberations
    with bench._ZonesSeen() as seen:
        read_text(TEXT, "valbrune.txt")
    assert assemble.read_deliberations is original and seen.last is not None


def test_the_table_names_no_text_and_combines_the_validation_parts():
    counter = _faults({"vote": {"unanimite": True}})
    lines = bench.vote_faults_table({"validation": counter, "validation+": counter})
    assert not any("valbrune" in line.lower() or "voirie" in line.lower() for line in lines)
    [line] = [line for line in lines if line.strip().startswith("décomptes — total")]
    assert line.endswith("0 / 3 / 0 / 3 / 0 / 0 / 6")
