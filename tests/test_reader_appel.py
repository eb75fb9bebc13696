"""The roll call counted item by item (checker/reader/appel.py), on the list shapes of real extracts;
every snippet is written for the test in the style of the tuning texts."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reader_support import value

from checker.confiance import SEUIL
from checker.reader import read_text
from checker.reader.appel import count_roll, word_kind

HEAD = ("Commune de Saint-Exemple. Extrait du registre des délibérations du conseil municipal. "
        "L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal s'est réuni à la mairie, "
        "sous la présidence de Madame Claire FONTAINE, Maire. ")
BODY = " Secrétaire de séance : Paul DURAND. Objet : Budget primitif. Après en avoir délibéré, le conseil adopte."


def test_names_separated_by_commas_and_a_final_et():
    roll = count_roll(" Jean DUPONT, Marie MARTIN, Paul DURAND et Anne PETIT.")
    assert (roll.count, roll.clean) == (4, True)


def test_group_civilities_are_not_persons():
    roll = count_roll(" Mmes et MM. DUPONT, MARTIN, DURAND, PETIT et LEROY")
    assert (roll.count, roll.clean) == (5, True)
    roll = count_roll(" Mesdames BLANC, NOIR et VERT, Messieurs ROUX, GRIS.")
    assert (roll.count, roll.clean) == (5, True)


def test_semicolons_bullets_and_dashes_between_spaces():
    assert count_roll(" M. Jean DUPONT ; Mme Marie MARTIN ; M. Paul DURAND").count == 3
    assert count_roll(" • Jean DUPONT • Marie MARTIN • Paul DURAND").count == 3
    assert count_roll(" - M. DUPONT J. - Mme MARTIN M. - M. DURAND P.").count == 3


def test_a_dash_among_commas_joins_a_double_surname():
    roll = count_roll(" BRIAND Françoise, MOINET – TRANVAUX Vanessa, REBUFFIE Laurent")
    assert (roll.count, roll.clean) == (3, True)


def test_a_civility_starts_the_next_person_when_the_separators_were_lost():
    # A list printed one name a line arrives as one line: « M. X Mme Y M. Z ».
    roll = count_roll(" M. Jean DUPONT Mme Marie MARTIN M. Paul DURAND Mme Anne PETIT")
    assert (roll.count, roll.clean) == (4, True)


def test_names_run_together_without_a_comma_are_told_apart():
    roll = count_roll(" Renaud PEURON Chantal PIGNARD, Marie-Thérèse THEVENET")
    assert (roll.count, roll.clean) == (3, True)
    roll = count_roll(" DUPONT Jean MARTIN Marie, DURAND Paul")
    assert (roll.count, roll.clean) == (3, True)


def test_surname_first_initials_and_particles():
    roll = count_roll(" ALI YAGOUB Abdelrahim, ALLARD Catherine, M. d'EU, Mme GUIRAUD I., M. DE BOISGELIN P., "
                      "M. PAINTRAND J.F, Florence MARQUES DA SILVA, LE JOLIS DE VILLIERS Anne-Aymone")
    assert (roll.count, roll.clean) == (8, True)


def test_titles_go_with_a_name_and_are_never_a_person():
    roll = count_roll(" Mme Hélène DE COMARMOND, Maire, M. Camille VIELHESCAZE, 1er adjoint, Mme Caroline CARLIER, "
                      "conseillère municipale déléguée")
    assert (roll.count, roll.clean) == (3, True)


def test_ocr_glitches_inside_surnames_are_still_names():
    assert word_kind("CO11'AVE-CLAUDET") == "CAPS"
    assert word_kind("DALL'AGLIO") == "CAPS"
    assert word_kind("ALI") == "CAPS"
    assert word_kind("J.F") == "INITIAL"
    roll = count_roll(" Mrs BOUSQUET, CAPY, CO11'AVE-CLAUDET et ZAMBONI. Mmes BELMAS, DAGNAC et PONS.")
    assert (roll.count, roll.clean) == (7, True)


def test_late_arrivals_are_not_counted_at_the_opening_and_departures_are():
    roll = count_roll(" Marie TAUZIN (arrivée à 19h07), Christian MAZUC, Catherine COUFFIN (départ à 22h), "
                      "Raymond BRALEY")
    assert (roll.count, roll.late, roll.clean) == (3, 1, True)
    roll = count_roll(" Joël PATIN à partir de la délibération n° 12, Hélène MENOU, Paul GILLET jusqu'au point 5")
    assert (roll.count, roll.late) == (2, 1)


def test_prose_inside_the_list_makes_it_doubtful():
    roll = count_roll(" Jean DUPONT, Marie MARTIN délégué aux sports et au bien vivre, Paul DURAND")
    assert not roll.clean
    roll = count_roll(" Jean DUPONT, Marie MARTIN, Paul DURAND formant la majorité des membres en exercice")
    assert (roll.count, roll.clean) == (3, True)
    # A commune's name in a delegates' grid is not a person.
    assert not count_roll(" M. Vincent DESJONQUERES Bueil-en-Touraine : Cerelles : Mme Karine BARTHELEMY").clean


def test_the_first_word_of_the_next_heading_after_the_lists_full_stop_is_no_member():
    roll = count_roll(" Jean DUPONT, Marie MARTIN, Paul DURAND. Personne ")
    assert (roll.count, roll.clean) == (3, True)
    # Not after a full stop, nor a word with others after it: a doubt, as before.
    assert not count_roll(" Jean DUPONT, Marie MARTIN, Nota").clean
    assert not count_roll(" Jean DUPONT, Marie MARTIN. Précision sur").clean
    record = read_text(HEAD + "Etaient présents : MM Claire FONTAINE, Jean DUPONT, Marie MARTIN, Paul DURAND, "
                              "Anne PETIT.\nPersonne ayant donné procuration : Mr Luc MOREAU à Mr Jean DUPONT.\n"
                              "Absents : Hugo FAURE." + BODY)
    assert value(record["seance"]["presents"]) == 5


def test_a_roll_read_twice_gives_present_and_votants_below_the_gate():
    record = read_text(HEAD + "Présents : Mmes et MM. Claire FONTAINE, Jean DUPONT, Marie MARTIN, Paul DURAND, "
                              "Anne PETIT. Absents excusés : Luc MOREAU (pouvoir à Jean DUPONT), Lise ROUX. "
                              "Absents : Hugo FAURE" + BODY)
    seance = record["seance"]
    assert (value(seance["presents"]), value(seance["representes"]), value(seance["votants"])) == (5, 1, 6)
    assert seance["presents"]["confiance"] < SEUIL and seance["votants"]["confiance"] < SEUIL


def test_the_president_missing_from_the_list_is_added_once():
    listed = read_text(HEAD + "Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT." + BODY)
    assert value(listed["seance"]["presents"]) == 5
    initials = read_text(HEAD + "Présents : Mme FONTAINE C., M. DUPONT J., Mme MARTIN M., M. DURAND P." + BODY)
    assert value(initials["seance"]["presents"]) == 4


def test_no_one_represented_when_no_proxy_is_mentioned_around_a_whole_roll():
    record = read_text(HEAD + "Présents : Claire FONTAINE, Jean DUPONT, Marie MARTIN, Paul DURAND. "
                              "Absents : Anne PETIT, Luc MOREAU" + BODY)
    assert (value(record["seance"]["presents"]), value(record["seance"]["representes"])) == (4, 0)
    assert value(record["seance"]["votants"]) == 4
    with_proxy = read_text(HEAD + "Présents : Claire FONTAINE, Jean DUPONT, Marie MARTIN, Paul DURAND. "
                                  "Absents : Anne PETIT, Luc MOREAU. Une procuration a été remise en séance." + BODY)
    assert value(with_proxy["seance"].get("representes")) != 0


def test_a_roll_that_makes_up_the_printed_number_in_office_is_exact():
    # The names reader leaves « M. Jean AUFRERE (départ à 16h30 après l'étude du dossier) » as a late
    # arrival; the roll counts him (he sat at the opening), and 4 + 0 + 2 = 6 in office confirms it.
    record = read_text(HEAD + "En exercice : 6. Présents : Mme Claire FONTAINE, M. Jean AUFRERE (départ à 16h30 "
                              "après l'étude du dossier), M. Paul DURAND, Mme Anne PETIT. Étaient absents/excusés : "
                              "M. Luc MOREAU, Mme Lise ROUX" + BODY)
    assert value(record["seance"]["presents"]) == 4


FIRST = ["Jean", "Marie", "Paul", "Anne", "Luc", "Lise", "Hugo", "Zoé", "Éric", "Rémi", "Yves", "Jeanne-Marie"]
LAST = ["DUPONT", "MARTIN", "DURAND", "PETIT", "MOREAU", "ROUX", "FAURE", "LEROY", "BLANC", "CARON", "GARNIER",
        "LE TARNEC", "DA SILVA", "BRIQUET-BOISSIÈRE"]
CIVILITY = ["", "M. ", "Mme ", "Monsieur ", "Madame "]


@st.composite
def rolls(draw):
    size = draw(st.integers(1, 25))
    names = [draw(st.sampled_from(CIVILITY)) + draw(st.sampled_from(FIRST)) + " " + draw(st.sampled_from(LAST))
             for _ in range(size)]
    return names


@given(rolls(), st.sampled_from([", ", " ; ", " • ", " / "]), st.sampled_from([", ", " ; ", " • "]))
@settings(max_examples=60, deadline=None)
def test_the_separator_does_not_change_the_count(names, first, second):
    one = count_roll(" " + first.join(names))
    other = count_roll(" " + second.join(names))
    assert one.count == other.count == len(names)
    assert one.clean and other.clean


@given(rolls(), st.lists(st.sampled_from(["(arrivé à 20h)", "(départ à 22h)", "Maire", "adjointe", "délégué aux "
                                          "sports", "14", "à partir du point 3"]), max_size=6))
@settings(max_examples=60, deadline=None)
def test_the_count_never_exceeds_the_items_listed(names, remarks):
    text = ", ".join(name + (" " + remarks[i] if i < len(remarks) else "") for i, name in enumerate(names))
    roll = count_roll(" " + text)
    assert 0 <= roll.count <= len(names)
    assert roll.count + roll.late <= len(names)


@given(rolls(), st.lists(st.sampled_from(["(Aubin)", "(Belcour)", "(Castel)", ""]), min_size=50, max_size=50))
@settings(max_examples=60, deadline=None)
def test_only_a_name_repeated_with_another_remark_is_told_apart(names, communes):
    # Every name written twice: the repeat is another member only when the commune after each differs.
    bare = {}
    for name in names:
        bare.setdefault(name.split(" ", 1)[1] if name.split(" ", 1)[0] in ("M.", "Mme", "Monsieur", "Madame")
                        else name, name)
    names = list(bare.values())
    first, second = communes[:len(names)], communes[25:25 + len(names)]
    text = ", ".join(f"{name} {commune}".strip() for name, commune in zip(names + names, first + second))
    roll = count_roll(" " + text)
    assert roll.count == 2 * len(names)
    assert len(roll.told_apart) == sum(1 for one, other in zip(first, second) if one and other and one != other)


def test_a_lone_word_in_title_case_is_no_sure_person():
    roll = count_roll(" Messieurs JUBERT, ROCHET et BORGEAIS. Dominique, Monsieur TELLIER")
    assert not roll.clean
    assert count_roll(" Mme Dupont, M. Martin, Mme Durand").count == 3


def test_a_remark_heading_is_no_person_and_the_member_it_says_left_sat_at_the_opening():
    roll = count_roll(" Messieurs JUBERT, ROCHET et BORGEAIS. Précision : Monsieur TELLIER présent en début de séance "
                      "a quitté la salle en cours de séance")
    assert (roll.count, roll.left, roll.clean) == (4, 1, True)
    # Any other remark names someone who may not have sat: the roll is unsure.
    for remark in ("Monsieur TELLIER, absent excusé", "Monsieur TELLIER, invité", "Monsieur TELLIER"):
        assert not count_roll(f" Messieurs JUBERT, ROCHET et BORGEAIS. Précision : {remark}").clean


def test_a_list_cut_by_a_remark_with_names_going_on_after_it_is_not_trusted():
    text = (HEAD + "Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT, Luc MOREAU, Louis BLANC, qui "
                   "ont tous été régulièrement convoqués par lettre du maire en date du douze décembre dernier "
                   "pour la présente réunion ordinaire du conseil, M. Hugo FAURE, Mme Lise ROUX, M. Yves GARNIER. "
                   "Absents : Zoé LEROY" + BODY)
    presents = read_text(text)["seance"].get("presents")
    assert presents is None or value(presents) is None


def test_headings_of_the_list_of_those_present():
    names = "Claire FONTAINE, Jean DUPONT, Marie MARTIN, Paul DURAND"
    for heading in ("Etaient présents les conseillers municipaux suivants : ", "Présents à la séance : ",
                    "Présents (titulaires) : ", "Mesdames et Messieurs les Conseillers Municipaux : ",
                    "Etaient présents : Mesdames et Messieurs les conseillers municipaux : "):
        record = read_text(HEAD + heading + names + ". Absents excusés : Anne PETIT (pouvoir à Jean DUPONT)"
                           + BODY)
        assert value(record["seance"]["presents"]) == 4, heading
        assert value(record["seance"]["votants"]) == 5, heading


@given(st.text(max_size=400))
@settings(max_examples=150, deadline=None)
def test_any_text_gives_a_roll_without_crashing(text):
    roll = count_roll(text)
    assert roll.count >= 0 and roll.late >= 0
    assert roll.count <= len(text.split()) + 1


def test_a_remark_belongs_to_the_name_just_before_it():
    roll = count_roll(" M. Jean DUPONT M. Paul DURAND (arrivé à 20h15), Mme Anne PETIT")
    assert (roll.count, roll.late) == (2, 1)


def test_a_list_separated_by_dashes_with_remarks_in_brackets():
    roll = count_roll(" Anne Morel - Paul Girard (arrivé en cours de séance) - Lise Caron (suppléante de Marc Roy) - "
                      "Yves Perrin - Jean-Luc Faure.")
    # The remarks in brackets are no commas of the list: the dashes separate its members.
    assert (roll.count, roll.late, roll.clean) == (4, 1, True)


def test_four_words_in_title_case_may_be_two_persons_run_together():
    roll = count_roll(" Anne Morel - Yves Nicolas Marc Perrin - Jean-Luc Faure")
    assert not roll.clean
    assert count_roll(" Anne Morel - Jean Paul Perrin - Jean-Luc Faure").count == 3


def test_a_roll_of_given_names_only():
    from checker.reader.appel import first_name_roll
    roll = first_name_roll("Compte rendu du conseil. Présents : Bernard, Sophie, Jean-Marc, Lucie & Hugo (procuration à "
                           "Lucie). Excusés : Paule (pouvoir donné à Bernard) / Gérard (pas de pouvoir donné). "
                           "Ordre du jour")
    # Hugo, written among those present, voted by proxy; Paule too; Gérard gave none.
    assert (roll.present, roll.represented) == (4, 2)
    coded = first_name_roll("Présents : Bernard (P*), Sophie, Jean-Marc, Lucie. Excusés : Paule (P*). Ordre du jour")
    assert coded.present == 4 and coded.represented is None
    # Not a roll of given names: surnames, civilities, prose.
    assert first_name_roll("Présents : Mesdames, Messieurs les conseillers municipaux.") is None
    assert first_name_roll("Présents : Jean DUPONT, Marie MARTIN, Paul DURAND.") is None


def test_given_names_counted_are_confirmed_by_the_first_vote():
    text = ("Commune de Saint-Exemple. Compte rendu du conseil municipal du 3 mars 2023. Présents : Bernard, Sophie, "
            "Jean-Marc, Lucie, Hugo, Rémi. Excusés : Paule (pouvoir donné à Bernard) / Gérard (pouvoir donné à "
            "Sophie). Ordre du jour 1/ Tarifs de la cantine : 7 votes pour, 1 abstention.")
    seance = read_text(text)["seance"]
    assert (value(seance["presents"]), value(seance["representes"]), value(seance["votants"])) == (6, 2, 8)
    assert max(seance[k]["confiance"] for k in ("presents", "representes", "votants")) < SEUIL
    # Without a vote to confirm them, the names give only bounds.
    alone = read_text(text.split(" Ordre du jour")[0])["seance"]
    assert "valeur" not in alone["presents"] and alone["presents"]["min"] <= 6 <= alone["presents"]["max"]


def test_a_vote_delegated_is_a_word_of_a_proxy():
    text = (HEAD + "Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT. Les délégations de vote sont "
                   "jointes en annexe." + BODY)
    # A delegation of vote is a proxy: the roll whole does not mean no one was represented.
    assert value(read_text(text)["seance"].get("representes")) != 0


def test_a_member_written_among_the_given_names_with_a_proxy_is_represented():
    text = ("Conseil municipal du 3 mars 2023\nPrésents :\nBernard, Sophie, Jean-Marc, Lucie, Rémi, Paule, Gilles, "
            "Odile, Marcel, Denise, Yvon, Rose &\nHugo (procuration à Lucie)\nAbsent\nGérard\nOrdre du jour :\n1. Tarifs "
            "de la cantine\nVote : 13 pour / 0 contre / 0 abstention adopté")
    seance = read_text(text)["seance"]
    assert (value(seance["presents"]), value(seance["representes"]), value(seance["votants"])) == (12, 1, 13)


def test_an_initial_glued_to_its_surname_is_one_person():
    roll = count_roll(" MM et Mmes Ph. DUBOURG, G. BELIN, C.BUZOS, S. VALLOIR, F.PEDURAND, Ph.VINCENT, J. Ph. PROVOST")
    assert (roll.count, roll.clean) == (7, True)
    assert "C. BUZOS" in roll.items and "Ph. VINCENT" in roll.items


def test_a_clean_roll_the_names_reader_cut_short_centres_the_bounds():
    names = ["Ph. DUBOURG", "G. BELIN", "P. PEIGNEY", "C.BUZOS", "S. VALLOIR", "E. BANOS", "E. AMART", "G. BAILLET",
             "R. CARSANA", "F.PEDURAND", "C.DRILLEAUD", "Ph. VINCENT", "J. Ph. PROVOST", "D. LESCURE"]
    record = read_text(HEAD.replace("Madame Claire FONTAINE", "M. Ph. DUBOURG") + "PRESENTS : MM et Mmes "
                        + ", ".join(names) + ". ABSENT : F.BAUDON." + BODY)
    presents = record["seance"]["presents"]
    # No printed total confirms the list: the fourteen items (both readings agree now that the names
    # reader splits « C.BUZOS ») or bounds around them, below the gate either way.
    assert (presents.get("valeur") == len(names) or presents["min"] <= len(names) <= presents["max"])
    assert presents["confiance"] < SEUIL


def test_the_names_of_the_next_list_are_not_the_roll_running_on():
    from checker.reader.appel import runs_on
    roll = "Présents Madame Anne PETIT, Monsieur Paul ROUX, Madame Eve BLANC. "
    # The next list's label without its colon (« Pouvoirs - … », « Excusés Madame … »): the roll ended.
    for after in ("Pouvoirs - Madame Claire MOREAU à Madame Anne PETIT - Monsieur Luc NOIR à Monsieur Paul ROUX",
                  "Excusés Madame Claire MOREAU (pouvoir à Madame Anne PETIT), Monsieur Luc NOIR",
                  "Absents ayant donné procuration Mr Luc NOIR à Mr Paul ROUX, Mme Rose GRIS à Mme Eve BLANC"):
        assert not runs_on(roll + after, len(roll)), after
    # Names after a remark, before any heading: the roll goes on where it was read to stop.
    after = "(arrivée au point 2) Monsieur Luc NOIR, Madame Rose GRIS. Pouvoirs : Monsieur Marc VERT à Madame Eve BLANC"
    assert runs_on(roll + after, len(roll))


def test_an_arrival_misread_by_ocr_is_still_an_arrival():
    # « (arrlvé à 19h07) »: the i read as l by OCR; the member came in after the opening.
    for remark in ("(arrivé à 19h07)", "(arrlvé à 19h07)", "(arr1vée à 19h07)"):
        roll = count_roll(f"Madame Anne PETIT, Monsieur Gilles PAPIN {remark}, Madame Eve BLANC")
        assert (roll.count, roll.late) == (2, 1), (remark, roll)


SYNDICATE = ("SYNDICAT INTERCOMMUNAL DES EAUX DU VAL D'EXEMPLE. Procès-verbal de la réunion du comité syndical. "
             "Le comité syndical s'est réuni le mardi 20 mars 2007 à 20 heures.\n"
             "ETAIENT PRESENTS : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT, Luc MOREAU\n"
             "ETAIENT ABSENTS EXCUSES : Claire FAURE, Henri ROUX\n{apart}"
             "SECRETAIRE DE SEANCE : Marie MARTIN\nObjet : Budget. Adopté à l'unanimité.\n")


def test_suppleants_who_sit_listed_after_the_roll_are_counted_with_it():
    # The suppléant sits and votes in the titulaire's place: present. Listed under its own heading after the
    # roll, the names reader reads the list as present, and the roll counted item by item counts it too.
    record = read_text(SYNDICATE.format(apart="Suppléants siégeant pour un titulaire : Eve BLANC (pour Léo GRIS)\n"))
    present = record["seance"]["presents"]
    assert value(present) == 6 and "Eve BLANC" in present["source"]
    assert "votants" not in record["seance"]
    voice = read_text(SYNDICATE.format(apart="Membres suppléants avec voix délibérative : Eve BLANC (pour Léo GRIS)\n"))
    assert value(voice["seance"]["presents"]) == 6
    # Suppléants absent are no one present: the roll counted twice stays exact.
    absent = read_text(SYNDICATE.format(apart="Délégués suppléants absents : Eve BLANC\n"))
    assert value(absent["seance"]["presents"]) == 5
    # « Délégués suppléants en exercice : 32 » counts seats, it lists no one.
    seats = read_text(SYNDICATE.format(apart="Délégués suppléants en exercice : 32\n"))
    assert value(seats["seance"]["presents"]) == 5
    assert value(read_text(SYNDICATE.format(apart=""))["seance"]["presents"]) == 5


def test_a_run_of_surnames_is_counted_cell_by_cell_at_its_gaps():
    # « JUBERT      MAROTTE ⏎ THOMAS      DANVY »: two columns flattened into one run of capitals.
    text = " Mesdames et Messieurs JUBERT MAROTTE THOMAS DANVY PORCHER DOUADY CAMUS."
    cuts = tuple(i for i, c in enumerate(text) if c == " " and text[i - 1].isupper() and text[i + 1].isupper())
    assert count_roll(text).clean is False
    roll = count_roll(text, cuts, True)
    assert (roll.count, roll.clean) == (7, True)
    # Where only the gaps are known, a cell of two surnames may be one double surname or two rows.
    assert count_roll(text, cuts[1::2], False).clean is False


def test_a_gap_between_a_given_name_and_its_surname_cuts_nothing():
    text = " Monsieur Jean DUPONT, Madame Anne PETIT"
    gap = text.index(" DUPONT")
    assert (count_roll(text, (gap,), True).count, count_roll(text, (gap,), True).clean) == (2, True)


def test_a_two_column_roll_of_surnames_gives_the_number_present_and_the_voters():
    roll = ("Présents : Mesdames et Messieurs JUBERT          MAROTTE\nTHOMAS                  DANVY\n"
            "PORCHER                 DOUADY\nFONTAINE                DAUBORD\nTELLIER                 PROUTEAU\n"
            "LALANGE                 MARCQ\nBOISLAIGUE\n VALET. Absents excusés : Monsieur Hervé FLEURY a donné "
            "pouvoir à Monsieur David PORCHER.")
    seance = read_text(HEAD + roll + BODY)["seance"]
    assert value(seance["presents"]) == 14
    assert value(seance["votants"]) == 15
    assert seance["presents"]["confiance"] < SEUIL


def test_a_numbered_roll_is_counted_at_its_numbers():
    roll = count_roll(" 1. LESCURAS Pascale 2. TRUFFAUT Dominique 3. PÉCASTAING Olivier 4. ARNOULET Yves")
    assert (roll.count, roll.clean) == (4, True)
    # A flattened table: the numbers of one column first, the names of the other after them.
    roll = count_roll(" 1. LESCURAS Pascale 2. TRUFFAUT Dominique 3. 4. PÉCASTAING Olivier ARNOULET Yves")
    assert (roll.count, roll.clean) == (4, True)


def test_numbers_part_only_a_roll_numbered_from_one():
    # « 2. » after names that bear no number: no numbered roll, the item is no name.
    roll = count_roll(" Jean DUPONT, Marie MARTIN, 2. Paul DURAND 3. Luc BLANC")
    assert roll.clean is False


def test_a_roll_that_runs_into_a_proxy_sentence_stops_at_its_giver():
    roll = count_roll(" MM. et Mmes LANDRIEU Jean-Marc, PÉRISSÉ Gérard, BELLOCQ Danièle M. PRADELLE Olivier donne "
                      "procuration à M. GOUSSARD Thierry")
    # The giver does not sit and the holder is listed already: three present, not five.
    assert (roll.count, roll.clean) == (3, True)


def test_a_late_arrival_noted_after_the_last_cell_is_that_members():
    text = " Frédéric PEITITA Nathalie VASSEUR Michelle BOUCHON Philippe DECOMBLE à partir du point n°7, Luc BLANC"
    cuts = tuple(text.index(name) - 1 for name in ("Nathalie", "Michelle", "Philippe"))
    roll = count_roll(text, cuts, True)
    # Four cells, the last of the piece arriving later: three at the opening, and Luc BLANC.
    assert (roll.count, roll.late, roll.clean) == (4, 1, True)


def test_surnames_in_capitals_parted_by_a_bare_full_stop():
    roll = count_roll(" MM. MAILHOS.GIBERTEAU.VALADIER.SALVAGNAC.Mmes GAUZENS.GRANEL.LAVIGNASSE.")
    assert (roll.count, roll.clean) == (7, True)
    # An initial glued to its surname is no such stop.
    assert count_roll(" M. J.DUPONT, Mme A.MARTIN").count == 2
    record = read_text(HEAD + "PRESENTS : MM. MAILHOS.GIBERTEAU.VALADIER.SALVAGNAC.Mmes FONTAINE.GAUZENS.GRANEL."
                              "LAVIGNASSE. EXCUSES : M. BRUN." + BODY)
    presents = record["seance"]["presents"]
    assert value(presents) == 8
    assert presents["confiance"] < SEUIL
