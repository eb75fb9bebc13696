"""Labels of the attendance written with another separator than a colon, as other templates and
extractions give them: « Présents - A, B », « Pouvoirs :: X à Y », « EXCUSÉS  Monsieur X ». A dash is
the label's colon; a bare label heads a list only when capitalised and followed by a name, never a
roll's mark after a name (« Paul GUIGNARD - PROCURATION ») nor a heading in capitals."""
from __future__ import annotations

import itertools
import re
import unicodedata

import pytest

from checker.reader import read_text


def fold(name):
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"^(?:m|mme|mr|monsieur|madame)\.? +", "", plain)
    return " ".join(sorted(plain.replace("-", " ").split()))


HEAD = ("COMMUNE DE SAINT-AY\nEXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\n"
        "Séance du 12 mars 2024\nL'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil "
        "municipal, régulièrement convoqué le 5 mars 2024, s'est réuni sous la présidence de M. Jean DUPONT, Maire.\n")
TAIL = "Objet : Budget primitif 2024\nLe conseil municipal, après en avoir délibéré, à l'unanimité, adopte le budget.\n"

LABELS = {
    "presents": ["Présents", "PRÉSENTS", "Étaient présents"],
    "pouvoirs": ["Pouvoirs", "Procurations", "POUVOIRS"],
    "absents": ["Absents", "Excusés", "ABSENTS"],
    "secretaire": ["Secrétaire de séance", "SECRÉTAIRE DE SÉANCE"],
}
SEPARATORS = [" : ", " - ", " – ", " :: ", " ", "  "]


def text(labels, separator, civility):
    m, mme = ("M. ", "Mme ") if civility else ("", "")
    return (HEAD + f"{labels[0]}{separator}{m}Jean DUPONT, {mme}Claire ROUX, {m}Paul MARTIN, {mme}Anne PETIT\n"
            f"{labels[1]}{separator}{mme}Sophie LEROY à {m}Paul MARTIN, {m}Yves GARNIER à {mme}Anne PETIT\n"
            f"{labels[2]}{separator}{m}Marc BERNARD\n"
            f"{labels[3]}{separator}{mme}Claire ROUX\n" + TAIL)


@pytest.mark.parametrize("separator", SEPARATORS)
@pytest.mark.parametrize("labels", list(zip(*[LABELS[k] for k in ("presents", "pouvoirs", "absents")],
                                            itertools.cycle(LABELS["secretaire"]))))
@pytest.mark.parametrize("civility", [True, False])
def test_lists_under_labels_without_their_colon(labels, separator, civility):
    seance = read_text(text(labels, separator, civility), "t.txt")["seance"]
    pairs = {(fold(p["mandant"]), fold(p["mandataire"])) for p in seance.get("pouvoirs", [])}
    assert pairs == {(fold("Sophie LEROY"), fold("Paul MARTIN")), (fold("Yves GARNIER"), fold("Anne PETIT"))}
    assert {fold(n) for n in seance.get("absents", [])} == {fold("Marc BERNARD")}
    assert [fold(n) for n in seance.get("secretaires", [])] == [fold("Claire ROUX")]


@pytest.mark.parametrize("mark", ["PROCURATION", "Procuration", "ABSENT", "POUVOIR"])
@pytest.mark.parametrize("joiner", ["-", " - ", " – ", " ("])
def test_a_rolls_mark_after_a_name_heads_no_list(mark, joiner):
    close = ")" if "(" in joiner else ""
    roll = (f"Étaient présents : Jean DUPONT, Claire ROUX, Paul MARTIN{joiner}{mark}{close} Anne PETIT, "
            f"Yves GARNIER{joiner}{mark}{close} Marc BERNARD\n")
    seance = read_text(HEAD + roll + "Secrétaire de séance : Claire ROUX\n" + TAIL, "t.txt")["seance"]
    # No list of the absent or of proxies opens on the mark: whatever the roll gives, no one listed
    # after the mark is read absent or a giver.
    assert not {fold(n) for n in seance.get("absents", [])} & {fold("Anne PETIT"), fold("Marc BERNARD")}
    assert not {fold(p["mandant"]) for p in seance.get("pouvoirs", [])} & {fold("Anne PETIT"), fold("Marc BERNARD")}


def test_a_label_in_a_heading_in_capitals_heads_no_list():
    body = ("Présents : Jean DUPONT, Claire ROUX, Paul MARTIN, Anne PETIT\nSecrétaire de séance : Claire ROUX\n"
            "Adopté à l'UNANIMITÉ des PRÉSENTS et REPRÉSENTÉS.\nMODIFICATION DU TABLEAU DES EFFECTIFS\n")
    seance = read_text(HEAD + body + TAIL, "t.txt")["seance"]
    assert not seance.get("pouvoirs")
    assert not seance.get("absents")


def test_a_bare_roll_label_after_a_name_is_a_columns_title():
    # Two columns side by side, interleaved by extraction: the bare « Présents » after the president's
    # title heads no roll, so nothing is counted from it.
    body = ("sous la présidence de M. Jean DUPONT, Maire de Saint-Ay Présents DUPONT Jean ROUX Claire "
            "MARTIN Paul jusque 23h00 PETIT Anne Excusés ayant donné procuration LEROY Sophie GARNIER Yves "
            "MARTIN Paul\n")
    record = read_text(HEAD + body + TAIL, "t.txt")
    assert "presents" not in record["seance"]
