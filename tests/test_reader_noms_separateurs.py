"""Labels of the attendance written with another separator than a colon, as other templates and
extractions give them: « Présents - A, B », « Pouvoirs :: X à Y », « EXCUSÉS  Monsieur X ». A dash is
the label's colon; a bare label heads a list only when capitalised and followed by a name, never a
roll's mark after a name (« Paul GUIGNARD - PROCURATION ») nor a heading in capitals."""
from __future__ import annotations

import itertools

import pytest

from checker.reader import read_text
from checker.reader.members import NameBook
from noms_support import fold


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


@pytest.mark.parametrize("count", ["deux", "2"])
@pytest.mark.parametrize("label", ["Pouvoirs", "Procurations"])
def test_a_count_in_words_at_a_lists_head_is_no_name(count, label):
    body = (f"Présents : dix-huit\nVotants : vingt\n{label} : {count} Mme Sophie LEROY à M. Paul MARTIN, "
            "M. Yves GARNIER à Mme Anne PETIT\nAbsents : un M. Marc BERNARD\nSecrétaire de séance : Mme Claire ROUX\n")
    seance = read_text(HEAD + body + TAIL, "t.txt")["seance"]
    pairs = {(fold(p["mandant"]), fold(p["mandataire"])) for p in seance.get("pouvoirs", [])}
    assert pairs == {(fold("Sophie LEROY"), fold("Paul MARTIN")), (fold("Yves GARNIER"), fold("Anne PETIT"))}


@pytest.mark.parametrize("count", ["vingt-neuf", "dix-sept", "29"])
def test_a_count_in_words_from_another_column_between_two_pairs(count):
    body = ("Présents : Jean Dupont - Claire Roux - Paul Martin - Anne Petit - Marc Bernard\n"
            "Excusés ont donné pouvoir : Sophie Leroy à Paul Martin\nElus en exercice : " + count +
            "\nYves Garnier à Anne Petit\nElus présents : dix-sept\nLuc Blanc à Jean Dupont\n"
            "Secrétaire de séance : Claire Roux\n")
    seance = read_text(HEAD + body + TAIL, "t.txt")["seance"]
    pairs = {(fold(p["mandant"]), fold(p["mandataire"])) for p in seance.get("pouvoirs", [])}
    assert pairs == {(fold("Sophie Leroy"), fold("Paul Martin")), (fold("Yves Garnier"), fold("Anne Petit")),
                     (fold("Luc Blanc"), fold("Jean Dupont"))}


@pytest.mark.parametrize("label", ["Secrétaire de séance", "Secrétaire", "Désignation du secrétaire de séance",
                                   "SECRÉTAIRE DE SÉANCE", "Secrétariat de séance"])
@pytest.mark.parametrize("separator", [" - ", " : ", " ", " :: "])
@pytest.mark.parametrize("name", ["Monsieur Michel LEBLANC", "Mme Claire ROUX", "Marie-Jeanne CAVALIER"])
def test_a_secretary_after_a_label_without_its_colon(label, separator, name):
    body = (f"Présents : Jean DUPONT, Claire ROUX, Michel LEBLANC, Marie-Jeanne CAVALIER\n{label}{separator}{name}\n"
            "________ Madame le Maire ouvre la séance et rappelle l'ordre du jour.\n")
    seance = read_text(HEAD + body + TAIL, "t.txt")["seance"]
    assert [fold(n) for n in seance.get("secretaires", [])] == [fold(name)]


@pytest.mark.parametrize("separator", [" - ", " : "])
def test_two_secretaries_after_a_dashed_plural_label(separator):
    body = (f"Présents : Jean DUPONT, Claire ROUX, Michel LEBLANC\nSecrétaires{separator}Madame Claire ROUX, "
            "Monsieur Michel LEBLANC\n________ Le quorum est atteint.\n")
    seance = read_text(HEAD + body + TAIL, "t.txt")["seance"]
    assert sorted(fold(n) for n in seance.get("secretaires", [])) == sorted([fold("Claire ROUX"), fold("Michel LEBLANC")])


@pytest.mark.parametrize("prose", ["Le secrétaire Général rappelle l'ordre du jour.",
                                   "La secrétaire générale et l'équipe municipale feront leur possible.",
                                   "Secrétaire Approbation des procès-verbaux des conseils"])
def test_a_secretarys_word_in_prose_names_no_secretary(prose):
    body = f"Présents : Jean DUPONT, Claire ROUX, Michel LEBLANC\n{prose}\n"
    seance = read_text(HEAD + body + TAIL, "t.txt")["seance"]
    assert not seance.get("secretaires")


@pytest.mark.parametrize("label, phrase", [("Pouvolrs", "a donné pouvoir à"), ("Procuratlons", "donnc pouvoir à"),
                                           ("Pouvoirs", "a donnc pouvolr à"), ("POUVOIRS", "a donné pouvo1r à")])
@pytest.mark.parametrize("absent_label", ["Absents", "Abscnts", "Excuses", "Cxcusés"])
def test_labels_and_phrases_with_letters_confused_by_ocr(label, phrase, absent_label):
    body = (f"Présents : M. Jean DUPONT, Mme Claire ROUX, M. Paul MARTIN, Mme Anne PETIT\n{label} : Mme Sophie LEROY "
            f"à M. Paul MARTIN\nM. Yves GARNIER {phrase} Mme Anne PETIT.\n{absent_label} : M. Marc BERNARD\n"
            "Secrétaire de séance : Mme Claire ROUX\n")
    seance = read_text(HEAD + body + TAIL, "t.txt")["seance"]
    pairs = {(fold(p["mandant"]), fold(p["mandataire"])) for p in seance.get("pouvoirs", [])}
    assert pairs == {(fold("Sophie LEROY"), fold("Paul MARTIN")), (fold("Yves GARNIER"), fold("Anne PETIT"))}
    assert {fold(n) for n in seance.get("absents", [])} == {fold("Marc BERNARD")}


@pytest.mark.parametrize("run, alone, whole", [
    ("Chantal RICHAUDEAU RIVAL ULIVI GENTILHOMME", "ULIVI", "ULIVI"),
    ("RIVAL ULIVI GENTILHOMME", "ULIVI", "ULIVI"),
    ("Sophie LEROY", "LEROY", "Sophie LEROY"),
    ("Elodie MARQUES DA SILVA", "SILVA", "Elodie MARQUES DA SILVA"),
    ("Marie-Claude LE GOFF", "GOFF", "Marie-Claude LE GOFF"),
])
def test_a_surname_alone_never_takes_a_run_of_members_read_as_one_name(run, alone, whole):
    # A roll in two columns whose cells ran together once the spaces were collapsed (« Mmes
    # RICHAUDEAU RIVAL ULIVI … »): a holder named by surname alone is not that run of members.
    assert NameBook([run]).resolve(alone) == whole
