"""Where a name, a list of names and the list of the absent end; the president read as the signer.

Passages are short and in the phrasings of real extracts (the tuning texts and the issue's list); they
are read by the attendance reader itself, before the cross-checks, so that each test asserts what the
names reader gives, whatever counts the passage prints.
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.reader import read_text
from checker.reader.members import OFFICE_HOLDER, build_members, read_attendance, read_president
from checker.reader.names import read_list
from checker.reader.normalize import Document

HEAD = "L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal de Saint-Ay s'est réuni. "
PRESENT = "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND. "


def members(text):
    return build_members(read_attendance(Document(HEAD + text)))


def pairs(found):
    return {(p["mandant"], p["mandataire"]) for p in found["pouvoirs"]}


def test_a_list_ends_with_its_sentence_when_prose_follows():
    read = read_list("M. GERBOUIN, M. FRICOT. Il a été procédé, conformément à l'article L2121-15 du code, à la "
                     "nomination d'un secrétaire parmi les membres du conseil")
    assert [n.text for n in read.names] == ["GERBOUIN", "FRICOT"]
    assert read.stopped_at is not None


def test_the_last_absent_before_a_sentence_is_kept():
    found = members(PRESENT + "Excusés : M. CAUCHOIS, Mme LESAGE. Absents : M. GERBOUIN, M. FRICOT. Il a été procédé "
                              "à la nomination d'un secrétaire : Madame Marie MARTIN a été désignée.")
    assert sorted(found["absents"]) == ["CAUCHOIS", "FRICOT", "GERBOUIN", "LESAGE"]


@pytest.mark.parametrize("heading", ["FINANCES - BUDGET PRIMITIF 2024", "Travaux de voirie : réfection",
                                     "APPROBATION DU PROCÈS-VERBAL", "Subventions aux associations"])
def test_an_agenda_heading_ends_a_list_read_without_a_full_stop(heading):
    assert [n.text for n in read_list(f"Mme Sophie LEROY, M. Luc PETIT {heading} Le conseil").names] == [
        "Sophie LEROY", "Luc PETIT"]


def test_a_surname_that_looks_like_a_heading_word_after_a_civility_is_a_name():
    assert [n.text for n in read_list("M. Luc PETIT, Mme BUDGET, M. Didier BUREAU").names] == [
        "Luc PETIT", "BUDGET", "Didier BUREAU"]


@pytest.mark.parametrize("name", ["Claire de La Tour-Dupin", "Jean Le Gall", "Anne Du Pont"])
def test_a_capitalised_particle_inside_a_name(name):
    assert [n.text for n in read_list(f"Mme Sophie LEROY, {name}, M. Luc PETIT").names] == [
        "Sophie LEROY", name, "Luc PETIT"]


def test_a_remark_on_a_name_is_no_heading():
    found = members(PRESENT + "Absents : M. Luc PETIT excusé, Mme Sophie LEROY excusée ayant donné pouvoir à M. DUPONT, "
                              "M. Marc BERNARD. Secrétaire : M. DURAND")
    assert pairs(found) == {("Sophie LEROY", "Jean DUPONT")}
    assert sorted(found["absents"]) == ["Luc PETIT", "Marc BERNARD"]


def test_absents_excused_and_represented():
    found = members("Présents : DUPONT Jean, MARTIN Marie, DURAND Paul Absents excusés représentés : LEROY Sophie par "
                    "DUPONT Jean ; PETIT Luc par MARTIN Marie Absents excusés : BERNARD Marc")
    assert pairs(found) == {("Sophie LEROY", "Jean DUPONT"), ("Luc PETIT", "Marie MARTIN")}
    assert found["absents"] == ["Marc BERNARD"]


@pytest.mark.parametrize("run_on", [", pouvoir à", "- pouvoir à", " - procuration à"])
def test_a_run_on_proxy_inside_the_excused_list(run_on):
    found = members(PRESENT + f"Absents excusés : Mme Sophie LEROY{run_on} M. DUPONT, M. Luc PETIT. Secrétaire de séance : "
                              "M. Paul DURAND")
    assert pairs(found) == {("Sophie LEROY", "Jean DUPONT")}
    assert found["absents"] == ["Luc PETIT"]


def test_a_member_listed_late_among_the_present_and_among_the_absent_is_absent():
    found = members("Etaient présents : Messieurs Cyril Piazza, Francis Tujague, Pierre Donadey (arrivée après la "
                    "délibération 5) Maurice Lavagna. Absents : Monsieur Pierre Donadey (arrivée après la délibération 5), "
                    "Madame Sandrine Barralis. Madame Evelyne Laborde a été nommée secrétaire de séance")
    assert sorted(found["absents"]) == ["Pierre Donadey", "Sandrine Barralis"]
    assert found["present_count"] == 3 and not found["present_unsettled"]


def test_a_member_listed_present_and_excused_leaves_the_number_present_unsettled():
    found = members("Présents : M. Robert Jean-Paul ; M. Grousset Francis ; M. Cornuault Patrick ; M. Lapleau Eric "
                    "Excusés : M. Durand Benoît, M. Cornuault Patrick")
    assert sorted(found["absents"]) == ["Benoît Durand", "Patrick Cornuault"] or sorted(found["absents"]) == [
        "Cornuault Patrick", "Durand Benoît"]
    assert found["present_unsettled"]
    assert "presents" not in read_text(HEAD + "Présents : M. Robert Jean-Paul ; M. Grousset Francis ; M. Cornuault "
                                              "Patrick ; M. Lapleau Eric Excusés : M. Durand Benoît, M. Cornuault "
                                              "Patrick")["seance"]


def test_names_of_the_sentence_that_designates_the_secretaries_are_not_absent():
    found = members(PRESENT + "Etaient absents : M. DELOUZILLIERE, Mme QUERNEAU, M. WILK. Mme Émilie BOUDOT et Mme "
                              "Annaïck RICHARD sont désignées comme secrétaires de séance.")
    assert found["absents"] == ["DELOUZILLIERE", "QUERNEAU", "WILK"]


def president(text):
    doc = Document(text)
    return read_president(doc, build_members(read_attendance(doc))["book"])


SIGNED = ("Commune d'Ibos Séance du 23 janvier 2023 Présents : {present}, Gisèle VINCENT, Régine TOSON. Absents : "
          "Noémie DEUTSCH. Le conseil municipal, à l'unanimité, autorise M. le Maire à solliciter une subvention. "
          "Extrait certifié conforme et exécutoire : Le Maire, {signer}")


@pytest.mark.parametrize("signer", ["Denis FEGNE", "ee à Denis FEGNE", "M. Denis FEGNE"])
def test_the_president_read_as_the_signer(signer):
    found = president(SIGNED.format(present="Denis FEGNE", signer=signer))
    assert found is not None and found[0] == "Denis FEGNE" and found[2] < 0.9


def test_a_signer_the_roll_does_not_name_is_not_read_as_president():
    assert president(SIGNED.format(present="Jean TRILLE", signer="Denis FEGNE")) is None


@pytest.mark.parametrize("signature", ["Pour le Maire empêché, l'adjoint, Jean TRILLE", "Le Maire-adjoint, Jean TRILLE",
                                       "Le maire Jean TRILLE a été chargé de l'exécution"])
def test_a_signature_for_the_maire_or_prose_is_no_president(signature):
    text = SIGNED.format(present="Jean TRILLE", signer="").replace("Le Maire, ", signature)
    assert president(text) is None


def test_a_stated_presidency_outranks_the_signer():
    text = ("Séance du 23 janvier 2023 sous la présidence de Mme Gisèle VINCENT, première adjointe. " +
            SIGNED.format(present="Denis FEGNE", signer="Denis FEGNE"))
    assert president(text)[0] == "Gisèle VINCENT"


# Properties: a list's parse does not depend on its separators, and never swallows the next heading.
GIVEN = st.sampled_from(["Jean", "Marie", "Anne-Sophie", "Luc", "Émilie", "Pierre-Alain", "Noémie", "Hervé"])
SURNAME = st.sampled_from(["DUPONT", "MARTIN", "LE GALL", "DE LA TOUR", "BEILLE-TOURSCHER", "N'DIAYE", "ÉVERARD", "ROUX"])
CIVILITY = st.sampled_from(["", "M. ", "Mme ", "Monsieur ", "Madame "])
PERSON = st.tuples(CIVILITY, GIVEN, SURNAME, st.booleans())


def written(person):
    civility, given, surname, surname_first = person
    return civility + (f"{surname} {given}" if surname_first else f"{given} {surname}")


def first_name_first(person):
    _, given, surname, _ = person
    return f"{given} {surname}"


PEOPLE = st.lists(PERSON, min_size=1, max_size=6, unique_by=lambda p: (p[1], p[2]))


@settings(max_examples=60, deadline=None)
@given(PEOPLE, st.sampled_from([", ", " ; ", " - ", " et ", " • ", ", et "]))
def test_a_lists_names_do_not_depend_on_its_separator(people, separator):
    names = [n.text for n in read_list(separator.join(written(p) for p in people)).names]
    assert names == [n.text for n in read_list(", ".join(written(p) for p in people)).names]
    assert names == [first_name_first(p) for p in people]


@settings(max_examples=60, deadline=None)
@given(PEOPLE, st.sampled_from(["FINANCES - BUDGET PRIMITIF 2024", "Secrétaire de séance", "1. Travaux de voirie",
                                "APPROBATION DU PROCÈS-VERBAL", "Délibération n° 2024-03", "Le Conseil Municipal, après"
                                " en avoir délibéré", "Objet : subventions"]))
def test_a_name_never_swallows_the_heading_after_it(people, heading):
    text = ", ".join(written(p) for p in people)
    names = [n.text for n in read_list(f"{text} {heading} Le conseil").names][:len(people)]
    assert names == [first_name_first(p) for p in people]


TWO = {("Sophie LEROY", "Jean DUPONT"), ("Luc PETIT", "Marie MARTIN")}


@pytest.mark.parametrize("passage", [
    "Absents excusés ayant donné pouvoir : Mme Sophie LEROY (M. Jean DUPONT), M. Luc PETIT (Mme Marie MARTIN)",
    "Absents excusés représentés : Mme Sophie LEROY (M. Jean DUPONT), M. Luc PETIT (Mme Marie MARTIN).",
    "Pouvoirs : Mme Sophie LEROY \u279d M. Jean DUPONT, M. Luc PETIT \u279d Mme Marie MARTIN",
    "Absents excusés : Mme Sophie LEROY pouvoir à M. Jean DUPONT, M. Luc PETIT pouvoir à Mme Marie MARTIN.",
    "Absents représentés : Mme Sophie LEROY par m. dupont, M. Luc PETIT par mme martin.",
])
def test_holders_in_brackets_with_a_civility_after_an_arrow_run_on_or_in_lower_case(passage):
    found = members(PRESENT + passage + " Absent : M. Marc BERNARD. Secrétaire de séance : M. Paul DURAND")
    # A holder in lower case is read by its surname alone (« m. dupont »), resolved to the listed name.
    assert {(giver, holder.split()[-1].upper()) for giver, holder in pairs(found)} == {
        (giver, holder.split()[-1]) for giver, holder in TWO}
    assert found["absents"] == ["Marc BERNARD"]


@pytest.mark.parametrize("lower", ["par le maire", "par son suppléant", "par courrier"])
def test_words_in_lower_case_after_par_are_no_holder(lower):
    found = members(PRESENT + f"Absents représentés : Mme Sophie LEROY {lower}. Absent : M. Marc BERNARD.")
    assert not any(p["mandataire"].islower() and p["mandataire"] != OFFICE_HOLDER for p in found["pouvoirs"])


COUNTED = "Nombre de membres en exercice : 9. Présents : 3. "


def seance_of(text):
    record = read_text(HEAD + text)
    rejected = {r["champ"]: r for r in record.get("lecture", {}).get("rejetees", [])}
    return record["seance"], rejected


def test_a_clean_list_of_absents_is_given_below_the_gate_without_a_printed_count():
    seance, _ = seance_of(PRESENT + "Absents excusés : Mme Sophie LEROY (pouvoir à M. Jean DUPONT), M. Luc PETIT. "
                                    "Absent : M. Marc BERNARD. Secrétaire de séance : M. Paul DURAND")
    assert sorted(seance["absents"]) == ["Luc PETIT", "Marc BERNARD"]


@pytest.mark.parametrize("passage, doubt", [
    # A proxy word no pair was read from: the giver may be among the names.
    ("Absents excusés : Mme Sophie LEROY (procuration), M. Luc PETIT.", "pouvoir sans mandant ou mandataire"),
    ("Absents excusés : Mme Sophie LEROY, M. Luc PETIT, mandat à venir.", "hors d'un pouvoir lu"),
    # Prose between two names: the list was read across something else.
    ("Absents excusés : Mme Sophie LEROY qui rejoindra la séance plus tard, M. Luc PETIT.", "prose entre deux noms"),
    # A surname alone, without civility or given name, may be no person's name.
    ("Absents excusés : LEROY, M. Luc PETIT.", "un nom seul"),
    # OCR debris inside a name.
    ("Absents excusés : Thierry BESSE RO ORRAOROK, M. Luc PETIT.", "deux lettres"),
])
def test_a_doubtful_list_of_absents_is_set_aside_with_its_reason(passage, doubt):
    seance, rejected = seance_of(PRESENT + passage + " Secrétaire de séance : M. Paul DURAND")
    assert "absents" not in seance
    assert doubt in rejected["seance.absents"]["raison"]


def test_an_absent_read_as_the_secretary_sets_the_list_aside():
    seance, rejected = seance_of(PRESENT + "Absents : M. Luc PETIT, M. Paul DURAND. Secrétaire de séance : M. Paul DURAND")
    assert "absents" not in seance and "seance.absents" in rejected


def test_a_printed_count_still_decides_over_a_clean_list():
    seance, rejected = seance_of(COUNTED + "Représentés : 0. " + PRESENT + "Absents : M. Luc PETIT, M. Marc BERNARD. "
                                 "Secrétaire de séance : M. Paul DURAND")
    assert "absents" not in seance and "en exercice" in rejected["seance.absents"]["raison"]


def secretaries(text):
    return read_text(HEAD + PRESENT + text)["seance"].get("secretaires")


@pytest.mark.parametrize("sentence", [
    "Mme Claire ROUX et M. Paul DURAND sont désignés secrétaires de séance.",
    "Mme Claire ROUX et M. Paul DURAND ont été désignés secrétaires de séance.",
    "Le conseil désigne Mme Claire ROUX et M. Paul DURAND comme secrétaires de séance.",
    "Secrétaires de séance : Mme Claire ROUX et M. Paul DURAND",
])
def test_two_secretaries_designated_in_one_sentence(sentence):
    assert sorted(secretaries(sentence)) == ["Claire ROUX", "Paul DURAND"]


@pytest.mark.parametrize("sentence", [
    "Secrétaire(s) de séance : Mme Claire ROUX",
    "Le Conseil Municipal désigne, à l'unanimité, Mme Claire ROUX secrétaire de séance.",
    "Le conseil municipal a élu Mme Claire ROUX secrétaire de séance.",
])
def test_secretary_phrasings(sentence):
    assert secretaries(sentence) == ["Claire ROUX"]


def test_one_secretary_designated_alone_is_not_joined_to_the_name_before():
    assert secretaries("Absent : M. Marc BERNARD et Mme Claire ROUX a été désignée secrétaire de séance.") == [
        "Claire ROUX"]


def test_a_count_of_proxies_then_their_names_in_brackets():
    found = members(PRESENT + "Pouvoirs : 2 (Mme Sophie LEROY à M. Jean DUPONT, M. Luc PETIT à Mme Marie MARTIN). "
                              "Absent : M. Marc BERNARD.")
    assert pairs(found) == TWO
    wrong_count = members(PRESENT + "Pouvoirs : 3 (Mme Sophie LEROY à M. Jean DUPONT, M. Luc PETIT à Mme Marie MARTIN).")
    assert not wrong_count["pouvoirs"]


@pytest.mark.parametrize("excused, listed", [
    ("Mme Sophie LEROY-MARTIN (pouvoir à M. Jean DUPONT)", "Mme LEROY à M. DUPONT"),
    ("Mme Sophie LEROY (pouvoir à M. Jean DUPONT)", "Mme Sophie Leroy à M. Jean Dupont"),
    ("Mme LEROY Sophie (pouvoir à M. DUPONT Jean)", "Sophie LEROY à Jean DUPONT"),
])
def test_one_giver_written_two_ways_gives_one_proxy(excused, listed):
    found = members(PRESENT + f"Absents excusés : {excused}, M. Luc PETIT. Pouvoirs : {listed}. Secrétaire de séance : "
                              "M. Paul DURAND")
    assert len(found["pouvoirs"]) == 1
    assert found["absents"] == ["Luc PETIT"]



@pytest.mark.parametrize("roll", ["Mme Claire ROUX (secrétaire de séance)", "Mme Claire ROUX secrétaire de séance"])
def test_the_secretary_marked_in_the_roll(roll):
    record = read_text(HEAD + f"Présents : M. Jean DUPONT, {roll}, M. Paul DURAND. Absent : M. Marc BERNARD.")
    assert record["seance"]["secretaires"] == ["Claire ROUX"]


def test_a_designation_outranks_the_mark_in_the_roll():
    record = read_text(HEAD + "Présents : M. Jean DUPONT, Mme Claire ROUX (secrétaire de séance), M. Paul DURAND. "
                              "M. Paul DURAND a été désigné secrétaire de séance.")
    assert record["seance"]["secretaires"] == ["Paul DURAND"]
