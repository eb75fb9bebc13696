"""Kinds of phrasing of the names in attendance lists, each in a general form on synthetic passages:
OCR's civilities, debris glued to a name, remarks on an absent member's part of the meeting, a
surname in title case after its civility, a surname cut in two by the extraction.
"""
import pytest

from checker.reader import read_text
from checker.reader.members import build_members, read_attendance
from checker.reader.names import read_list
from checker.reader.normalize import Document

HEAD = "L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal de Saint-Ay s'est réuni. "
PRESENT = "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, Mme Claire ROUX. "


def members(text):
    return build_members(read_attendance(Document(HEAD + text)))


def pairs(found):
    return {(p["mandant"], p["mandataire"]) for p in found["pouvoirs"]}


@pytest.mark.parametrize("civility", ["Mmc", "Mrne", "Mme"])
def test_an_ocr_civility_before_a_holder_after_a_bare_a(civility):
    found = members(PRESENT + f"A donné pouvoir : Mme LEROY à {civility} MARTIN M. PETIT à M. DURAND "
                              "Absents excusés : M. BERNARD")
    assert pairs(found) == {("LEROY", "Marie MARTIN"), ("PETIT", "Paul DURAND")}


def test_an_ocr_plural_civility_is_no_part_of_the_first_name():
    found = members(PRESENT + "Absents excusés : Mrnes LEROY, PETIT et BLANC Secrétaire de séance : M. Jean DUPONT")
    assert found["absents"] == ["LEROY", "PETIT", "BLANC"]


def test_debris_glued_by_a_slash_is_not_part_of_a_name():
    assert [n.text for n in read_list("Jean DUPONT, Marie MARTIN/I, Paul DURAND").names] == [
        "Jean DUPONT", "Marie MARTIN", "Paul DURAND"]


def test_a_reference_after_a_slash_is_not_a_name():
    assert [n.text for n in read_list("Jean DUPONT PROJ/17-2024 Etude").names] == ["Jean DUPONT"]


def test_a_member_late_from_an_item_counts_not_at_the_opening_even_when_the_a_is_lost():
    found = members("Présents : M. Jean DUPONT, Mme Marie MARTIN à partir du point n°4, M. Paul DURAND. ")
    assert found["present_count"] == 2


def test_an_absent_until_a_later_item_was_absent_at_the_opening():
    found = members(PRESENT + "Absents : Mme Sophie LEROY (jusqu'au point 6), M. Luc PETIT (jusqu'à la délibération "
                              "n° 3), M. Marc BERNARD. Secrétaire de séance : M. Paul DURAND.")
    assert found["absents"] == ["Sophie LEROY", "Luc PETIT", "Marc BERNARD"]
    assert found["absents_partiels"] == []


@pytest.mark.parametrize("remark", ["à partir de la délibération n° 4 jusqu'à la fin", "parti après le point 5",
                                    "départ à 21h30", "arrivé à 20h40"])
def test_an_absent_from_a_later_item_is_left_to_the_printed_numbers(remark):
    found = members(PRESENT + f"Absents : M. Marc BERNARD, M. Luc PETIT ({remark}). "
                              "Secrétaire de séance : M. Paul DURAND.")
    assert found["absents"] == ["Marc BERNARD"]
    assert found["absents_partiels"] == ["Luc PETIT"]


def test_an_absent_at_the_opening_then_later_is_absent():
    found = members(PRESENT + "Absents : Mme Sophie LEROY (à l'ouverture – puis à partir de la délibération n° 4 "
                              "jusqu'à la fin). Secrétaire de séance : M. Paul DURAND.")
    assert found["absents"] == ["Sophie LEROY"]


ROLL = ("Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, Mme Claire ROUX. "
        "Absents : M. Marc BERNARD, M. Luc PETIT (parti après le point 2). ")


@pytest.mark.parametrize("absent, expected", [(1, ["Marc BERNARD"]), (2, ["Marc BERNARD", "Luc PETIT"])])
def test_the_printed_numbers_say_whether_a_member_who_left_is_counted_absent(absent, expected):
    record = read_text(HEAD + f"Membres en exercice : {4 + absent}. Présents : 4. Votants : 4. " + ROLL
                       + "Secrétaire de séance : M. Paul DURAND.")
    assert record["seance"]["absents"] == expected


def test_without_a_printed_number_a_member_who_left_makes_the_list_doubtful():
    record = read_text(HEAD + ROLL + "Secrétaire de séance : M. Paul DURAND.")
    assert "absents" not in record["seance"]
    rejected = [r for r in record["lecture"]["rejetees"] if r["champ"] == "seance.absents"]
    assert "pour une partie de la séance" in rejected[0]["raison"]


@pytest.mark.parametrize("civility", ["Monsieur", "Madame", "M."])
def test_a_surname_in_title_case_after_its_civility_is_designated_secretary(civility):
    # Given as printed: L2121-15's check finds the one member of the roll who bears the surname.
    record = read_text(HEAD + PRESENT + f"{civility} Roux est désigné secrétaire de séance. La séance est ouverte.")
    assert record["seance"]["secretaires"] == [f"{civility} Roux"]
    record = read_text(HEAD + f"{civility} Bernier est désigné secrétaire de séance. La séance est ouverte.")
    assert record["seance"]["secretaires"] == [f"{civility} Bernier"]


def test_a_surname_cut_in_two_by_the_extraction_makes_the_absents_doubtful():
    found = members(PRESENT + "Absents excusés : Mme Sophie LEROY-MAR TIN, M. Luc PETIT. Secrétaire de séance : "
                              "M. Paul DURAND.")
    assert any("coupé en deux" in doubt for doubt in found["absents_doutes"])


@pytest.mark.parametrize("name", ["Anne DE GOUVION St CYR", "Marc LE ROY", "Luc DA COSTA"])
def test_a_short_surname_after_a_particle_is_whole(name):
    found = members(PRESENT + f"Absents excusés : {name}, M. Luc PETIT. Secrétaire de séance : M. Paul DURAND.")
    assert not found["absents_doutes"]


# Cross-checks of the pairs against each other and against the other lists, before the checker sees
# them: a doubtful list of proxies is set aside with its reason, never given.

def rejected(record, field):
    return [r["raison"] for r in record.get("lecture", {}).get("rejetees", []) if r["champ"] == field]


def test_a_giver_whose_holder_is_unreadable_makes_the_pairs_doubtful():
    found = members(PRESENT + "A donné pouvoir : Mme LEROY à M. CO11'AVE Mme BLANC à M. DURAND "
                              "Absents excusés : M. BERNARD")
    assert pairs(found) == {("BLANC", "Paul DURAND")}
    assert any("LEROY" in doubt and "sans mandataire" in doubt for doubt in found["pouvoirs_doutes"])
    record = read_text(HEAD + "Membres en exercice : 7. Présents : 4. Votants : 5. " + PRESENT
                       + "A donné pouvoir : Mme LEROY à M. CO11'AVE Mme BLANC à M. DURAND Absents excusés : M. BERNARD")
    assert "pouvoirs" not in record["seance"]
    assert any("sans mandataire lisible" in reason or "imprimé" in reason for reason in rejected(record, "seance.pouvoirs"))


def test_a_giver_read_with_two_holders_makes_the_pairs_doubtful():
    found = members(PRESENT + "Pouvoirs : Mme Sophie LEROY à M. Jean DUPONT, Mme Sophie LEROY à Mme Marie MARTIN.")
    assert any("deux mandataires" in doubt for doubt in found["pouvoirs_doutes"])
    record = read_text(HEAD + PRESENT + "Pouvoirs : Mme Sophie LEROY à M. Jean DUPONT, Mme Sophie LEROY à Mme Marie "
                                       "MARTIN. Représentés : 1.")
    assert "pouvoirs" not in record["seance"]
    assert rejected(record, "seance.pouvoirs")


def test_one_proxy_written_twice_is_no_doubt():
    found = members(PRESENT + "Absents excusés : Mme Sophie LEROY (pouvoir à M. Jean DUPONT). "
                              "Pouvoirs : Mme LEROY à M. DUPONT.")
    assert found["pouvoirs_doutes"] == []
    assert len(found["pouvoirs"]) == 1


PROXIES = "Absents excusés : Mme Sophie LEROY (pouvoir à M. Jean DUPONT), M. Luc PETIT (pouvoir à Mme Marie MARTIN). "


def test_a_giver_also_listed_present_sets_unconfirmed_pairs_aside():
    record = read_text(HEAD + "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, M. Luc PETIT. " + PROXIES
                       + "Secrétaire de séance : M. Paul DURAND.")
    assert "pouvoirs" not in record["seance"]
    assert any("présent à l'ouverture et mandant" in reason for reason in rejected(record, "seance.pouvoirs"))


def test_the_same_lists_agreeing_keep_the_unconfirmed_pairs_below_the_gate():
    record = read_text(HEAD + "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND. " + PROXIES
                       + "Secrétaire de séance : M. Paul DURAND.")
    assert len(record["seance"]["pouvoirs"]) == 2
    assert record["lecture"]["confiances"]["seance.pouvoirs"] < 0.9


def test_a_printed_count_outweighs_a_giver_listed_present():
    record = read_text(HEAD + "Présents : 3. Représentés : 2. "
                       "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, M. Luc PETIT. " + PROXIES
                       + "Secrétaire de séance : M. Paul DURAND.")
    assert len(record["seance"]["pouvoirs"]) == 2
    assert record["lecture"]["confiances"]["seance.pouvoirs"] < 0.9


def test_a_holder_listed_absent_makes_the_lists_disagree():
    found = members("Présents : M. Paul DURAND, Mme Claire ROUX. Absents excusés : Mme Sophie LEROY (pouvoir à "
                    "M. Jean DUPONT), M. Jean DUPONT. ")
    assert any("absent et mandataire" in doubt for doubt in found["pouvoirs_desaccords"])


@pytest.mark.parametrize("verb", ["ouvre la séance", "préside la séance", "constate que le quorum est atteint"])
def test_a_member_named_in_the_sentence_after_a_list_is_not_in_it(verb):
    found = members(PRESENT + f"Pouvoirs : Mme LEROY à M. DUPONT, M. PETIT à Mme MARTIN. M. DUPONT {verb}.")
    assert found["pouvoirs_doutes"] == []
    assert pairs(found) == {("LEROY", "Jean DUPONT"), ("PETIT", "Marie MARTIN")}


@pytest.mark.parametrize("heading", ["Pouvoirs de :", "Procurations de vote :", "Délégations de vote :"])
def test_headings_that_announce_proxies(heading):
    found = members(PRESENT + f"{heading} Mme Sophie LEROY à Mme Marie MARTIN, M. Luc PETIT à M. Paul DURAND.")
    assert pairs(found) == {("Sophie LEROY", "Marie MARTIN"), ("Luc PETIT", "Paul DURAND")}


def test_a_bare_a_before_a_civility_under_the_excused_is_a_proxy():
    found = members(PRESENT + "Absents excusés : Mme Sophie de LA TOUR à Mme Marie MARTIN, M. Luc PETIT à M. le Maire, "
                              "M. Marc BERNARD à partir du point 3.")
    assert ("Sophie de LA TOUR", "Marie MARTIN") in pairs(found)
    assert "Marie MARTIN" not in found["absents"]


def test_names_under_a_proxies_heading_without_their_holders_are_not_absents():
    found = members(PRESENT + "Pouvoirs : Mme Sophie LEROY pour Mme Marie MARTIN.")
    assert found["absents"] == []
    assert found["pouvoirs"] == []
    assert found["pouvoirs_doutes"]


def test_a_count_whose_row_holds_no_list_leaves_no_doubt():
    found = members(PRESENT + "Représentés : 1 LECTURE DU PROCÈS-VERBAL DE LA SÉANCE PRÉCÉDENTE Le procès-verbal est approuvé.")
    assert found["pouvoirs_doutes"] == []
    assert found["absents"] == []


@pytest.mark.parametrize("holder, reason", [
    ("M. PERSONNEL", "intitulé ou de fonction"),
    ("Mme URBANISME TRAVAUX", "intitulé ou de fonction"),
])
def test_a_name_that_is_no_person_makes_the_pairs_doubtful(holder, reason):
    found = members(PRESENT + f"Absents excusés : Mme Sophie LEROY (pouvoir à {holder}).")
    assert any(reason in doubt for doubt in found["pouvoirs_doutes"])


@pytest.mark.parametrize("name", ["AURIAC A.", "Jean-Marie DA BENTA", "Anne DE GOUVION St CYR", "S.L. DIARRA",
                                  "Didier BUREAU"])
def test_names_of_persons_are_no_doubt(name):
    found = members(PRESENT + f"Absents excusés : M. {name} (pouvoir à M. Paul DURAND).")
    assert found["pouvoirs_doutes"] == []
    assert len(found["pouvoirs"]) == 1


@pytest.mark.parametrize("verb", ["a donné pouvoir de voter en son nom à", "donne mandat à", "a donné mandat à",
                                  "a délégué son vote à", "a remis son pouvoir à", "a confié sa procuration à",
                                  "a transmis son pouvoir à", "ayant donné mandat à"])
@pytest.mark.parametrize("heading", ["Absents excusés :", "Absents :", "Excusés :"])
def test_verbs_of_a_proxy(verb, heading):
    found = members(PRESENT + f"{heading} Mme Sophie LEROY {verb} Mme Marie MARTIN, M. Luc PETIT {verb} M. Paul DURAND, "
                              "M. Marc BERNARD. Secrétaire de séance : Mme Claire ROUX.")
    assert pairs(found) == {("Sophie LEROY", "Marie MARTIN"), ("Luc PETIT", "Paul DURAND")}
    assert found["absents"] == ["Marc BERNARD"]


@pytest.mark.parametrize("word", ["pouvoir", "procuration", "mandataire"])
def test_a_holder_in_brackets_after_a_colon(word):
    found = members(PRESENT + f"Absents excusés : Mme Sophie LEROY ({word} : Mme Marie MARTIN), M. Luc PETIT ({word} : "
                              "M. Paul DURAND). Secrétaire de séance : Mme Claire ROUX.")
    assert pairs(found) == {("Sophie LEROY", "Marie MARTIN"), ("Luc PETIT", "Paul DURAND")}
    assert found["pouvoirs_doutes"] == []


def test_a_proxy_left_unread_makes_the_absents_doubtful():
    found = members(PRESENT + "Absents excusés : Mme Sophie LEROY pouvoir à M. CO11'AVE, M. Marc BERNARD. "
                              "Secrétaire de séance : Mme Claire ROUX.")
    assert any(doubt.startswith("pouvoir non lu") for doubt in found["absents_doutes"])


# A syndicate's comité: délégués titulaires and suppléants, rolls by member body.
SYNDICATE = ("L'an deux mille vingt-quatre, le douze mars à vingt heures, le comité syndical du SIVOM de Saint-Ay s'est "
             "réuni sous la présidence de M. Jean DUPONT, Président. ")


def syndicate(text):
    return build_members(read_attendance(Document(SYNDICATE + text)))


def test_the_substitutes_present_after_the_titulaires_are_one_roll():
    found = syndicate("Délégués titulaires présents : M. Jean DUPONT, Mme Marie MARTIN. Délégués suppléants présents : "
                      "M. Paul DURAND (suppléant de M. Luc PETIT). Absents excusés : Mme Sophie LEROY (pouvoir à "
                      "Mme Marie MARTIN), M. Marc BERNARD.")
    assert found["present_count"] == 3
    assert found["absents"] == ["Marc BERNARD"]
    assert pairs(found) == {("Sophie LEROY", "Marie MARTIN")}


@pytest.mark.parametrize("sits_for", ["suppléant de M. Luc PETIT", "suppléante de M. Luc PETIT",
                                      "en remplacement de M. Luc PETIT", "remplaçant de M. Luc PETIT",
                                      "(suppléant pour M. Luc PETIT)"])
def test_the_titulaire_a_substitute_sits_for_is_not_present(sits_for):
    found = syndicate(f"Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND {sits_for}. Absent excusé : "
                      "M. Marc BERNARD.")
    names = {m["nom"] for m in found["membres"] if m.get("presence") == "present"}
    assert names == {"Jean DUPONT", "Marie MARTIN", "Paul DURAND"}
    assert found["present_count"] == 3


def test_a_roll_by_member_body_reads_the_delegates_not_the_bodies():
    found = syndicate("Présents : Commune de Saint-Ay : M. Jean DUPONT, Mme Marie MARTIN ; Commune de Bou : "
                      "M. Paul DURAND ; Ville d'Orléans : Mme Claire ROUX. Absents excusés : Commune de Chécy : "
                      "Mme Sophie LEROY (pouvoir à Mme Marie MARTIN), M. Marc BERNARD.")
    assert found["present_count"] == 4
    assert found["absents"] == ["Marc BERNARD"]
    assert pairs(found) == {("Sophie LEROY", "Marie MARTIN")}


@pytest.mark.parametrize("heading", ["CRÉATION D'UN POSTE D'ADJOINT", "MODIFICATION DES STATUTS DU SIVOM",
                                     "Transfert de compétence eau", "ACQUISITION D'UNE PARCELLE",
                                     "ADHÉSION AU GROUPEMENT DE COMMANDES"])
def test_an_agenda_title_run_into_the_secretary_is_not_part_of_the_name(heading):
    record = read_text(HEAD + PRESENT + f"Secrétaire de séance : Mme Claire ROUX {heading} Le conseil municipal")
    assert record["seance"]["secretaires"] == ["Claire ROUX"]


@pytest.mark.parametrize("heading", ["CRÉATION D'UN POSTE", "MODIFICATION DES STATUTS", "Adhésion au groupement"])
def test_an_agenda_title_ends_a_list_of_absents(heading):
    found = members(PRESENT + f"Absents : M. Luc PETIT, Mme Sophie LEROY {heading} Le conseil municipal")
    assert found["absents"] == ["Luc PETIT", "Sophie LEROY"]


@pytest.mark.parametrize("name", ["Maria DE JESUS CARLOS", "Sandra LE TARNEC", "Marie LEFEBVRE D'ARGENCE",
                                  "Jean-Pierre DUPONT LAJOINIE"])
def test_a_surname_of_two_words_stays_whole(name):
    record = read_text(HEAD + PRESENT + f"Secrétaire de séance : Mme {name}. Le conseil municipal")
    assert record["seance"]["secretaires"] == [name]


def test_a_name_of_many_words_is_no_person():
    from checker.reader.members import _not_a_person
    assert "trop de mots" in _not_a_person("Marie Anne MARTIN Duval Leroy Petit Blanc")
    assert _not_a_person("Marie-Anne MARTIN-DUVAL") is None


FLATTENED = ("Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, Mme Claire ROUX, M. Marc BERNARD. "
             "Ont donné pouvoir : Sophie LEROY, procuration à Marie MARTIN Luc PETIT, procuration à Paul DURAND "
             "présents : 5 Procurations : 4 Anne BLANC, procuration à Claire ROUX Nombre de votants : 9 "
             "Pierre NOIR, procuration à Marc BERNARD Absents excusés : Louise VERT. Secrétaire de séance : "
             "M. Jean DUPONT.")


def test_a_list_of_proxies_cut_by_the_counts_of_a_flattened_table_is_read_whole():
    found = members(FLATTENED)
    assert pairs(found) == {("Sophie LEROY", "Marie MARTIN"), ("Luc PETIT", "Paul DURAND"),
                            ("Anne BLANC", "Claire ROUX"), ("Pierre NOIR", "Marc BERNARD")}
    record = read_text(HEAD + FLATTENED)
    assert len(record["seance"]["pouvoirs"]) == 4
    assert record["seance"]["absents"] == ["Louise VERT"]


def test_a_run_on_proxy_far_from_the_lists_is_not_read():
    found = members(PRESENT + "Absents : M. Marc BERNARD. Secrétaire de séance : M. Jean DUPONT. "
                    + "Le conseil examine le budget. " * 40 + "Anne BLANC, procuration à Claire ROUX.")
    assert found["pouvoirs"] == []


def test_a_secretary_read_among_the_absent_is_passed_over_for_the_next_statement():
    record = read_text(HEAD + PRESENT + "Absents excusés : Mme Sophie LEROY (pouvoir à M. Jean DUPONT), M. Luc PETIT. "
                       "Secrétaire : M. Luc PETIT. Mme Claire ROUX a été désignée secrétaire de séance.")
    assert record["seance"]["secretaires"] == ["Claire ROUX"]


def test_a_secretary_read_only_among_those_who_gave_a_proxy_is_not_given():
    record = read_text(HEAD + PRESENT + "Absents excusés : Mme Sophie LEROY (pouvoir à M. Jean DUPONT). "
                       "Secrétaire de séance : Mme Sophie LEROY.")
    assert "secretaires" not in record["seance"]


def test_a_president_read_among_those_who_gave_a_proxy_is_passed_over():
    record = read_text("L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal de Saint-Ay "
                       "s'est réuni sous la présidence de M. Luc PETIT. Présidente de séance : Mme Marie MARTIN. "
                       + PRESENT + "Absents excusés : M. Luc PETIT (pouvoir à Mme Marie MARTIN).")
    assert record["seance"]["president"]["valeur"] == "Marie MARTIN"


def test_a_secretary_label_run_into_the_list_before_it():
    record = read_text(HEAD + "Présents : Madame Marie MARTIN, Monsieur Paul DURAND, Madame Claire ROUX. Pouvoirs : "
                       "- Madame Sophie LEROY à Madame Marie MARTIN Secrétaire : Madame Claire ROUX ________ "
                       "Madame le Maire ouvre la séance.")
    assert record["seance"]["secretaires"] == ["Claire ROUX"]


def test_a_secretary_named_in_lower_case_prose_is_no_label():
    record = read_text(HEAD + PRESENT + "Le courrier de la secrétaire : Mme Anne VIDAL a écrit au préfet. "
                       "Mme Claire ROUX a été désignée secrétaire de séance.")
    assert record["seance"]["secretaires"] == ["Claire ROUX"]


@pytest.mark.parametrize("bullet", ["\uf02d ", "\uf0a7 ", "\uf0b7", "– ", "➢ ", "► "])
def test_a_symbol_font_bullet_separates_names(bullet):
    found = members(PRESENT + f"Pouvoirs :\n{bullet}Madame Sophie LEROY à Madame Marie MARTIN\n{bullet}Monsieur Luc PETIT à "
                              "Monsieur Paul DURAND\nAbsent : Monsieur Marc BERNARD")
    assert pairs(found) == {("Sophie LEROY", "Marie MARTIN"), ("Luc PETIT", "Paul DURAND")}
    assert found["absents"] == ["Marc BERNARD"]


@pytest.mark.parametrize("heading", ["Non présents :", "Ne siégeaient pas :"])
def test_headings_of_the_absent(heading):
    found = members(PRESENT + f"{heading} M. Marc BERNARD, Mme Louise VERT. Secrétaire de séance : Mme Claire ROUX.")
    assert found["absents"] == ["Marc BERNARD", "Louise VERT"]


@pytest.mark.parametrize("remark", ["(pouvoir {g})", "(mandataire de {g})", ", mandataire de {g}", "(+ pouvoir de {g})"])
def test_a_proxy_written_on_its_holder_among_those_present(remark):
    found = members("Présents : M. Jean DUPONT, Mme Marie MARTIN " + remark.format(g="Mme Sophie LEROY")
                    + ", M. Paul DURAND " + remark.format(g="M. Luc PETIT") + ", Mme Claire ROUX. Absent : "
                    "M. Marc BERNARD. Secrétaire de séance : Mme Claire ROUX.")
    assert pairs(found) == {("Sophie LEROY", "Marie MARTIN"), ("Luc PETIT", "Paul DURAND")}
    assert found["present_count"] == 4
    assert found["absents"] == ["Marc BERNARD"]


# A small council's minutes that name its members by first names only.
FIRST_NAMES_HEAD = "Conseil municipal du 12 mars 2024 à 20h00. "


def by_first_names(text):
    return build_members(read_attendance(Document(FIRST_NAMES_HEAD + text)))


def test_a_roll_by_first_names_with_proxies_in_brackets():
    found = by_first_names("Présents : Jean-Pierre, Yves, Jacques, Anne-Marie, Patrick, Agnès. Excusés : Maryline (pas de "
                           "pouvoir donné) / Marielle (pouvoir donné à Agnès) / Marc (pouvoir donné à Yves). "
                           "Ordre du jour : budget.")
    assert pairs(found) == {("Marielle", "Agnès"), ("Marc", "Yves")}
    assert found["absents"] == ["Maryline"]
    assert found["present_count"] == 6
    assert found["absents_doutes"] == []


def test_a_proxy_shown_by_one_mark_beside_the_giver_and_the_holder():
    found = by_first_names("Présents : Jean-Pierre (Pr*), Anne-Marie, Nelly, Agnès (Pr**), Jacques. "
                           "Absents excusés : Marielle (Pr**), Marc, David (Pr*). Ordre du jour : budget.")
    assert pairs(found) == {("Marielle", "Agnès"), ("David", "Jean-Pierre")}
    assert found["absents"] == ["Marc"]


def test_a_mark_without_a_single_holder_is_a_doubt():
    found = by_first_names("Présents : Jean-Pierre (Pr*), Anne-Marie (Pr*), Nelly, Agnès, Jacques. "
                           "Absents excusés : Marielle (Pr*), Marc. Ordre du jour : budget.")
    assert found["pouvoirs"] == []
    assert any("marque de pouvoir" in doubt for doubt in found["pouvoirs_doutes"])


def test_single_capitalised_words_are_names_only_in_a_roll_by_first_names():
    found = members("Présents : M. Jean DUPONT, Mme Marie MARTIN, Budget, Paul. Absents : M. Marc BERNARD.")
    assert {m["nom"] for m in found["membres"]} == {"Jean DUPONT", "Marie MARTIN", "Marc BERNARD"}


def test_an_absent_who_arrived_later_and_is_listed_present_late_is_absent_at_the_opening():
    found = members("Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Luc PETIT (arrivé après la délibération 3), "
                    "M. Paul DURAND. Absents : M. Marc BERNARD, M. Luc PETIT (arrivé après la délibération 3). "
                    "Secrétaire de séance : M. Paul DURAND.")
    assert found["absents"] == ["Marc BERNARD", "Luc PETIT"]


EPCI = ("L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil communautaire de la Communauté de "
        "communes du Val s'est réuni")


@pytest.mark.parametrize("text", [
    EPCI + " sous la présidence de M. Jean DUPONT. Présents : MM. DUPONT, MARTIN. Pouvoirs : Mme DUPONT à M. MARTIN.",
    EPCI + ". Présents : M. Jean DUPONT, Président, Mme Marie MARTIN. Absents : M. DUPONT. Objet. Le Président, "
           "Jean DUPONT",
])
def test_a_member_of_the_presidents_family_away_leaves_the_president(text):
    assert read_text(text)["seance"]["president"]["valeur"] == "Jean DUPONT"


def test_the_president_read_away_by_a_surname_alone_is_kept():
    from checker.reader.members import named_among
    assert not named_among("Jean DUPONT", {"DUPONT"})
    assert named_among("Jean DUPONT", {"DUPONT Jean"})


def test_a_secretary_designated_unanimously_between_commas():
    record = read_text(HEAD + PRESENT + "Madame Claire ROUX est désignée, à l'unanimité, secrétaire de séance.")
    assert record["seance"]["secretaires"] == ["Claire ROUX"]


def test_not_excused_heads_the_absent_without_reading_non_as_a_name():
    found = by_first_names("Présents : Jean-Pierre, Yves, Jacques, Agnès, Mario. Excusés : David (pouvoir donné à "
                           "Jean-Pierre) / Marc (pouvoir donné à Mario). Non excusé : Mathieu (pas de pouvoir donné). "
                           "Ordre du jour : budget.")
    assert found["absents"] == ["Mathieu"]
    assert pairs(found) == {("David", "Jean-Pierre"), ("Marc", "Mario")}


def test_two_secretaries_under_a_plural_label():
    record = read_text(HEAD + PRESENT + "Secrétaires : Madame Claire ROUX, Monsieur Paul DURAND ________ Ordre du jour")
    assert record["seance"]["secretaires"] == ["Claire ROUX", "Paul DURAND"]


@pytest.mark.parametrize("sub", ["Mmes et MM. les Conseillers municipaux :", "Mesdames et Messieurs les Adjoints :",
                                 "Mmes et MM. les Conseillers-es :", "Mmes et MM. les Vice-présidents-es :"])
def test_a_sub_heading_inside_a_list_continues_it(sub):
    found = members(f"Etaient présents : Mmes et MM. les Adjoints : M. Jean DUPONT, Mme Marie MARTIN ; {sub} "
                    f"M. Paul DURAND. Absents excusés : {sub} M. Luc PETIT, Mme Sophie LEROY. Secrétaire de séance : "
                    "M. Jean DUPONT.")
    assert {m["nom"] for m in found["membres"] if m.get("presence") == "present"} == {
        "Jean DUPONT", "Marie MARTIN", "Paul DURAND"}
    assert found["absents"] == ["Luc PETIT", "Sophie LEROY"]


def test_the_heading_that_leaves_present_unsaid_still_heads_the_roll():
    found = members("Mesdames et Messieurs les Conseillers Municipaux : M. Jean DUPONT, Mme Marie MARTIN. "
                    "Absents : M. Luc PETIT.")
    assert found["present_count"] == 2
    assert found["absents"] == ["Luc PETIT"]


@pytest.mark.parametrize("roll", ["Mmes et MM. DUPONT, MARTIN, DURAND, ROUX.",
                                  "Commune de Bou : M. DUPONT, Mme MARTIN ; Commune de Val : M. DURAND."])
def test_the_signer_named_in_full_sits_when_the_roll_names_him_by_surname(roll):
    record = read_text(EPCI + f". Présents : {roll} Objet : budget. Le conseil adopte. Pour extrait conforme, "
                              "Le Président, Jean DUPONT")
    assert record["seance"]["president"]["valeur"] == "Jean DUPONT"
    other = read_text(EPCI + f". Présents : {roll} Objet : budget. Le conseil adopte. Pour extrait conforme, "
                             "Le Président, Jean LEROY")
    assert "president" not in other["seance"]
