"""Where a list of names ends when nothing but the next words says so: an agenda item's label
(« Rapporteur : »), a date, a heading in title case or in capitals run into the last name. The name
before the boundary is read whole and nothing after it joins the list; where only the name's length
hints at a heading, the list is left unread with the reason, never given with a wrong name."""
from __future__ import annotations

import pytest

from checker.reader import read_text
from checker.reader.members import NameBook, read_secretaries
from checker.reader.normalize import Document
from noms_support import fold

HEAD = ("COMMUNE DE SAINT-AY\nEXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\n"
        "L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal, régulièrement "
        "convoqué le 5 mars 2024, s'est réuni sous la présidence de M. Jean DUPONT, Maire.\n"
        "Présents : M. Jean DUPONT, Mme Claire ROUX, M. Paul MARTIN, Mme Anne PETIT, M. Luc BLANC, M. Yves GARNIER.\n")
TAIL = "\nLe conseil municipal, après en avoir délibéré, à l'unanimité, adopte le budget.\n"

FOLLOWING = [
    "Rapporteur : M. Luc BLANC",
    "Nomenclature : 7.1 Décisions budgétaires",
    "CONSEIL MUNICIPAL DU 12 MARS 2024",
    "Plan Local d'Urbanisme",
    "Syndicat Départemental d'Energie",
    "Demande De Subvention DETR",
    "PLAN LOCAL D'URBANISME",
    "SYNDICAT DEPARTEMENTAL D'ENERGIE",
]
ABSENT_LISTS = ["Absents : M. Marc BERNARD, Mme Zoé BLANC ", "Absents excusés : Marc BERNARD, Zoé BLANC "]
PROXY_LISTS = ["Pouvoirs : Mme Sophie LEROY à M. Paul MARTIN ",
               "Absents excusés : Sophie LEROY (pouvoir à Paul MARTIN), Marc BERNARD "]


def seance(text: str) -> dict:
    return read_text(text, "bornes.txt")["seance"]


@pytest.mark.parametrize("following", FOLLOWING)
@pytest.mark.parametrize("listed", ABSENT_LISTS)
def test_the_next_heading_is_no_absent(listed, following):
    got = seance(HEAD + listed + following + TAIL)
    assert {fold(n) for n in got.get("absents", [])} == {fold("Marc BERNARD"), fold("Zoé BLANC")}


@pytest.mark.parametrize("following", FOLLOWING)
@pytest.mark.parametrize("listed", PROXY_LISTS)
def test_the_next_heading_is_no_holder(listed, following):
    got = seance(HEAD + listed + following + TAIL)
    assert {(fold(p["mandant"]), fold(p["mandataire"])) for p in got.get("pouvoirs", [])} == {
        (fold("Sophie LEROY"), fold("Paul MARTIN"))}


def test_a_long_surname_in_capitals_is_not_cut_on_its_length_alone():
    # Three words in capitals and nothing that says a heading: a surname of three words, or a heading
    # run into one; the list is not given rather than given cut or whole at a guess.
    record = read_text(HEAD + "Absents : M. Marc BERNARD, Mme Zoé BLANC COSTA RIBEIRO GOMES" + TAIL, "bornes.txt")
    assert "absents" not in record["seance"]
    reasons = [r["raison"] for r in record["lecture"]["rejetees"] if r["champ"] == "seance.absents"]
    assert reasons and "intitulé suivant" in reasons[0]


def test_a_date_inside_brackets_leaves_the_list_whole():
    # A remark in brackets may carry a date (« arrivé le 12 mars »): only a date outside brackets ends
    # the list.
    got = seance(HEAD + "Absents : M. Marc BERNARD (démission du 12 mars), Mme Zoé BLANC." + TAIL)
    assert {fold(n) for n in got.get("absents", [])} == {fold("Marc BERNARD"), fold("Zoé BLANC")}


# A name read alone (the secretary, a proxy's holder) with the next heading's words in title case run on
# after it: shown given names first, the run-on words could no longer be told from given names, so the
# boundary is found in the order of the text, by the roll where it names the member, else by a heading's
# word or by the count of given names.
RUN_ON = ["Accord Cadre", "Taxe Foncière", "Nouvelle Aquitaine", "Compte Administratif 2023", "Bretagne Romantique",
          "Association Les Amis De Saint-Ay", "Réunion du Conseil Municipal", "Salle Jean Moulin"]
SHOWN = ["Mme Claire ROUX", "ROUX Claire", "Madame ROUX Claire", "Mme ROUX"]


# After a surname alone, the heading must say itself (a heading's word, two words or more): one word
# in title case is taken for the given name (« Mme ROUX Réunion du … » stays ambiguous).
SECRETARY_CASES = [(shown, following) for shown in SHOWN for following in RUN_ON
                   if shown != "Mme ROUX" or following.split()[0] not in ("Association", "Réunion")]


@pytest.mark.parametrize("shown, following", SECRETARY_CASES)
def test_the_secretary_on_the_roll_ends_where_the_heading_starts(shown, following):
    # A surname printed alone is given as printed (L2121-15's check finds the member who bears it).
    got = seance(HEAD + "Secrétaire de séance : " + shown + " " + following + TAIL)
    assert got.get("secretaires") == (["Mme ROUX"] if shown == "Mme ROUX" else ["Claire ROUX"])


def test_one_word_after_a_surname_is_its_given_name_though_the_roll_names_another():
    # Two columns of a roll run together (« PETIT Christian PESSEY Tony ») can give the roll a « Christian
    # PESSEY »: the secretary « PESSEY Tony » is still Tony PESSEY, not the roll's one bearer of the surname.
    text = (BARE_HEAD + "Présents : M. Jean DUPONT, M. Christian PESSEY, Mme Claire ROUX, M. Paul MARTIN.\n"
            "Secrétaire de séance : PESSEY Tony\n" + TAIL)
    assert [fold(n) for n in seance(text).get("secretaires", [])] == [fold("Tony PESSEY")]


@pytest.mark.parametrize("following", RUN_ON)
@pytest.mark.parametrize("shown", SHOWN[:3])
def test_a_holder_on_the_roll_ends_where_the_heading_starts(shown, following):
    got = seance(HEAD + "Mme Sophie LEROY a donné pouvoir à " + shown + " " + following + TAIL)
    assert {(fold(p["mandant"]), fold(p["mandataire"])) for p in got.get("pouvoirs", [])} == {
        (fold("Sophie LEROY"), fold("Claire ROUX"))}


BARE_HEAD = HEAD.split("Présents")[0]


@pytest.mark.parametrize("following", ["Compte Administratif 2023", "Budget Primitif", "Tarifs Cantine",
                                       "Accord Cadre Marchés Publics"])
def test_without_a_roll_a_heading_word_or_a_third_given_name_ends_the_name(following):
    got = seance(BARE_HEAD + "Secrétaire de séance : ROUX Claire " + following + TAIL)
    assert [fold(n) for n in got.get("secretaires", [])] == [fold("Claire ROUX")]


def test_a_giver_is_not_taken_for_the_member_of_the_roll_who_bears_the_surname():
    # « MARTIN Sophie » gave a proxy; « Paul MARTIN » sits. A giver is not on the roll of those present:
    # one given name after her surname is hers, not a heading's.
    text = (BARE_HEAD + "Présents : M. Jean DUPONT, Mme Claire ROUX, M. Paul MARTIN, Mme Anne PETIT.\n"
            "Pouvoirs : MARTIN Sophie à ROUX Claire.\n" + TAIL)
    got = seance(text)
    assert {(fold(p["mandant"]), fold(p["mandataire"])) for p in got.get("pouvoirs", [])} == {
        (fold("Sophie MARTIN"), fold("Claire ROUX"))}


def test_four_words_in_title_case_are_no_name_read_alone():
    record = read_text(BARE_HEAD + "Secrétaire de séance : Claire Roux Nouvelle Aquitaine Tourisme\n" + TAIL, "bornes.txt")
    assert "secretaires" not in record["seance"]


def test_a_secretary_read_past_the_attendance_is_a_member_of_the_roll():
    # No secretary in the attendance: one read further on (a signature at the foot, past another
    # meeting's heading) is taken only if the roll names him (the secretary is chosen among the members,
    # L2121-15); another extract's secretary is not on this one's roll.
    book = NameBook(["Jean DUPONT", "Claire ROUX", "Anne PETIT"], ["Jean DUPONT", "Claire ROUX", "Anne PETIT"])
    foot = Document("Le conseil adopte.\nLe secrétaire de séance, Pierre VERNOT\n")
    assert read_secretaries(foot, book)[0] == ["Pierre VERNOT"]
    assert read_secretaries(foot, book, on_roll=True)[0] == []
    signed = Document("Le conseil adopte.\nLe secrétaire de séance, Mme PETIT\n")
    assert read_secretaries(signed, book, on_roll=True)[0] == ["Mme PETIT"]


@pytest.mark.parametrize("office", ["président de la commission finances", "présidente de la commission des travaux",
                                    "président du CCAS", "présidente de l'association des parents"])
def test_the_president_of_a_commission_is_not_taken_for_the_meeting_s(office):
    # Without a sentence saying who presides, the maire or the body's president is presumed to; the
    # president of a commission or of an association presides something else.
    text = (BARE_HEAD.replace(" sous la présidence de M. Jean DUPONT, Maire", "") + "Présents : Jean DUPONT, Claire ROUX, "
            "Paul MARTIN, Anne PETIT.\nMonsieur Jean DUPONT cède la parole à Monsieur Paul MARTIN, " + office
            + ", qui présente le budget." + TAIL)
    president = seance(text).get("president")
    assert president is None or fold(president["valeur"]) != fold("Paul MARTIN")
