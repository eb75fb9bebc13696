"""Kinds of layout and phrasing of the attendance's names that the probes of other bodies showed the
reader missing or misreading, each in a general form on synthetic passages (names, labels, order,
case, punctuation and line breaks varied). The reader must read each right or decline it: a name
read wrong in a list makes a false « plus d'un pouvoir par mandataire » or a false quorum.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.reader import read_text
from checker.reader.names import read_list
from noms_support import fold


HEAD = ("COMMUNE DE SAINT-AY\nEXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\n"
        "L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal, régulièrement "
        "convoqué le 5 mars 2024, s'est réuni sous la présidence de {president}, Maire.\n")
TAIL = "Objet : Budget primitif 2024\nLe conseil municipal, après en avoir délibéré, à l'unanimité, adopte le budget.\n"

# (civility, given name, surname)
CAST = [("M.", "Jean", "DUPONT"), ("Mme", "Claire", "ROUX"), ("M.", "Paul", "MARTIN"), ("Mme", "Anne", "PETIT"),
        ("M.", "Yves", "GARNIER")]
GIVER = ("Mme", "Sophie", "LEROY")
ABSENT = ("M.", "Marc", "BERNARD")
LONG = {"M.": "Monsieur", "Mme": "Madame"}


def written(person, style):
    civility, first, surname = person
    return {"Prénom NOM": f"{civility} {first} {surname}", "NOM Prénom": f"{civility} {surname} {first}",
            "Monsieur Prénom NOM": f"{LONG[civility]} {first} {surname}",
            "sans civilité": f"{first} {surname}"}[style]


def named(person):
    return fold(f"{person[1]} {person[2]}")


def read(text):
    seance = read_text(text)["seance"]
    president = seance.get("president")
    president = president.get("valeur") if isinstance(president, dict) else president
    return {"pouvoirs": {(fold(p["mandant"]), fold(p["mandataire"])) for p in seance.get("pouvoirs", [])} or None,
            "absents": {fold(n) for n in seance.get("absents", [])} or None,
            "secretaires": {fold(n) for n in seance.get("secretaires", [])} or None,
            "president": fold(president),
            "presents": {fold(m["nom"]) for m in seance.get("membres", []) if m.get("presence") == "present"}}


def wrong(got, expected):
    return {k: (got[k], v) for k, v in expected.items() if got[k] is not None and got[k] != v}


def roll(style, sep=", ", end="."):
    return "Etaient présents : " + sep.join(written(p, style) for p in CAST) + end


STYLES = ["Prénom NOM", "NOM Prénom", "Monsieur Prénom NOM", "sans civilité"]

# « Mme X s'est fait représenter par M. Y »: a proxy said in a sentence, after the roll or among the
# absent.
REPRESENTED = ["{g} s'est fait représenter par {h}.", "{g} s'était fait représenter par {h}.",
               "{g} se fait représenter par {h}.", "{g}, absente, s'est fait représenter par {h}.",
               "{g} s est fait représenter par {h}."]


@pytest.mark.parametrize("phrase", REPRESENTED)
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("place", ["après la liste", "parmi les excusés"])
def test_a_proxy_said_by_se_faire_representer_par_a_member_present_is_read(phrase, style, place):
    sentence = phrase.format(g=written(GIVER, style), h=written(CAST[3], style))
    if place == "après la liste":
        body = roll(style) + "\n" + sentence + "\n"
    else:
        body = roll(style) + "\nAbsents excusés : " + sentence.rstrip(".") + ", " + written(ABSENT, style) + ".\n"
    text = HEAD.format(president=written(CAST[0], style)) + body + TAIL
    got = read(text)
    assert got["pouvoirs"] == {(named(GIVER), named(CAST[3]))}
    assert named(GIVER) not in got["presents"]


@pytest.mark.parametrize("holder_note", [", suppléante", " (suppléante)", ", déléguée suppléante", " qui la remplace"])
@pytest.mark.parametrize("style", STYLES)
def test_represented_by_a_suppleant_is_no_proxy(holder_note, style):
    # In a comité or a conseil communautaire the suppléant sits in the titulaire's place: no proxy.
    sentence = f"{written(GIVER, style)} s'est fait représenter par {written(('Mme', 'Zoé', 'BLANC'), style)}{holder_note}."
    text = HEAD.format(president=written(CAST[0], style)) + roll(style) + "\n" + sentence + "\n" + TAIL
    assert read(text)["pouvoirs"] is None


@pytest.mark.parametrize("style", STYLES)
def test_represented_by_someone_not_in_the_roll_is_no_proxy_read(style):
    sentence = f"{written(GIVER, style)} s'est fait représenter par {written(('Mme', 'Zoé', 'BLANC'), style)}."
    text = HEAD.format(president=written(CAST[0], style)) + roll(style) + "\n" + sentence + "\n" + TAIL
    assert read(text)["pouvoirs"] is None


# An absent named in a sentence of its own just after the roll (the extraction runs the roll on past
# its full stop).
STATED = ["{a} était absent.", "{a} est excusé.", "{a}, absent excusé.", "{a}, excusé.", "{a} s'est excusé.",
          "{a} était absent et excusé.", "{a}, absent."]


@pytest.mark.parametrize("phrase", STATED)
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("joiner", ["\n", " ", "\n\n"])
def test_an_absent_stated_in_a_sentence_after_the_roll_is_absent_not_present(phrase, style, joiner):
    text = (HEAD.format(president=written(CAST[0], style)) + roll(style) + joiner
            + phrase.format(a=written(ABSENT, style)) + "\nSecrétaire de séance : " + written(CAST[1], style) + "\n" + TAIL)
    got = read(text)
    assert named(ABSENT) not in got["presents"]
    assert got["absents"] in (None, {named(ABSENT)})
    assert got["absents"] == {named(ABSENT)}


@pytest.mark.parametrize("phrase", ["{a} était absent pour le point 4.", "{a} était absent lors du vote du point 3.",
                                   "{a}, absent à partir de la délibération n° 5."])
def test_an_absence_for_part_of_the_meeting_is_none_at_the_opening(phrase):
    text = HEAD.format(president=written(CAST[0], "Prénom NOM")) + roll("Prénom NOM") + "\n" + phrase.format(
        a=written(ABSENT, "Prénom NOM")) + "\n" + TAIL
    assert read(text)["absents"] is None


# A name in title case whose paragraph's end the extraction lost: the next sentence's first word is
# no part of it.
OPENERS = ["Avant de commencer, Madame Roux informe le conseil.", "Après lecture, le procès-verbal est adopté.",
           "Conformément à l'ordre du jour, le Maire présente le budget.", "Lors de la séance, le Maire rappelle.",
           "Il est procédé à l'examen de l'ordre du jour.", "Puis le Maire donne la parole.",
           "Dans le cadre du budget, le Maire expose."]


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize("label", ["Secrétaire de séance : {s}", "Désignation secrétaire de séance : {s}",
                                   "Secrétaire : {s}"])
@pytest.mark.parametrize("person", [("Monsieur", "Christophe", "Vignal"), ("Madame", "Anne", "Petit"),
                                    ("M.", "Luc", "Bernard-Morel")])
def test_a_secretary_in_title_case_ends_before_the_next_sentence(opener, label, person):
    text = (HEAD.format(president="M. Jean DUPONT") + "Etaient présents : M. Jean DUPONT, Mme Claire ROUX.\n"
            + label.format(s=" ".join(person)) + "\n\n" + opener + "\n" + TAIL)
    assert read(text)["secretaires"] == {fold(f"{person[1]} {person[2]}")}


# An extraction that spaces every hyphen (« procès - verbal », « Marie - Thérèse »): a given name in
# two halves is one.
@pytest.mark.parametrize("given", ["Marie - Thérèse", "Jean - Claude", "Jean - Baptiste", "Anne - Sophie"])
@pytest.mark.parametrize("surname", ["BAYZE", "BROCA - LANNAUD", "LE GALL"])
@pytest.mark.parametrize("order", ["NOM Prénom", "Prénom NOM"])
def test_a_given_name_with_a_spaced_hyphen_is_one_name(given, surname, order):
    name = f"{surname} {given}" if order == "NOM Prénom" else f"{given} {surname}"
    full = fold(f"{given.replace(' - ', '-')} {surname.replace(' - ', '-')}")
    listed = [n.text for n in read_list(f"MM. AUGUSTIN Philippe, {name}, DAUGA Benoît").names]
    assert [fold(n) for n in listed] == [fold("Philippe AUGUSTIN"), full, fold("Benoît DAUGA")]
    text = (HEAD.format(president="M. Philippe AUGUSTIN") + f"PRESENTS : MM. AUGUSTIN Philippe, {name}, DAUGA Benoît.\n"
            + f"SECRETAIRE DE SEANCE : Mme {name} Ordre du jour : budget\n" + TAIL)
    assert read(text)["secretaires"] in (None, {full})


@pytest.mark.parametrize("text, names", [
    ("DUPONT Jean - MARTIN Marie", ["Jean DUPONT", "Marie MARTIN"]),
    ("Jean DUPONT - Marie MARTIN", ["Jean DUPONT", "Marie MARTIN"]),
    ("DUPONT Jean - Marie MARTIN", ["Jean DUPONT", "Marie MARTIN"]),
    ("DUPONT Jean - Mme MARTIN Marie", ["Jean DUPONT", "Marie MARTIN"]),
    ("DUPONT Jean - Secrétaire de séance", ["Jean DUPONT"]),
])
def test_a_dash_between_two_people_still_parts_them(text, names):
    assert [n.text for n in read_list(text).names] == names


# The president named with a surname of three words (« COSTA RIBEIRO GOMES »), as the roll lists him,
# a line break inside or not.
@pytest.mark.parametrize("surname", ["COSTA RIBEIRO GOMES", "DOS SANTOS PEREIRA", "MARTIN DU GARD LEROY"])
@pytest.mark.parametrize("cut", [" ", "\n"])
@pytest.mark.parametrize("form", ["sous la présidence de Madame Marie-Claude {s}.",
                                  "La séance a été ouverte sous la présidence de Mme Marie-Claude {s}."])
def test_a_president_with_a_long_surname_listed_in_the_roll_is_read_whole(surname, cut, form):
    president = form.format(s=surname.replace(" ", cut, 1))
    text = ("CONSEIL COMMUNAUTAIRE\nL'an deux mille dix-neuf, le 19 mars à 20 h, les membres du conseil communautaire "
            "se sont réunis au siège. " + president + "\nEtaient présents :\nM. Michel GRIGNON, Mme Marie-Claude "
            + surname + ", M. Pascal HEUDE.\nAbsents : M. Régis LE PENRU.\n" + TAIL)
    assert read(text)["president"] == fold(f"Marie-Claude {surname}")


def test_a_heading_in_capitals_run_into_the_president_is_still_cut_when_the_roll_does_not_list_it():
    text = (HEAD.format(president="M. Jean DUPONT AFFAIRES GENERALES BUDGET")
            + "Etaient présents : M. Jean DUPONT, Mme Claire ROUX.\n" + TAIL)
    assert read(text)["president"] == fold("Jean DUPONT")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(style=st.sampled_from(STYLES), phrase=st.sampled_from(REPRESENTED), stated=st.sampled_from(STATED),
       opener=st.sampled_from(OPENERS), joiner=st.sampled_from(["\n", " "]), order=st.permutations([0, 1]))
def test_any_mix_of_these_kinds_is_never_read_wrong(style, phrase, stated, opener, joiner, order):
    sentences = [phrase.format(g=written(GIVER, style), h=written(CAST[2], style)),
                 stated.format(a=written(ABSENT, style))]
    text = (HEAD.format(president=written(CAST[0], style)) + roll(style) + joiner
            + joiner.join(sentences[i] for i in order) + "\nSecrétaire de séance : " + written(CAST[1], style)
            + "\n\n" + opener + "\n" + TAIL)
    expected = {"pouvoirs": {(named(GIVER), named(CAST[2]))}, "absents": {named(ABSENT)},
                "secretaires": {named(CAST[1])}, "president": named(CAST[0])}
    assert wrong(read(text), expected) == {}


# An officer who attends without being a member (the treasurer, the receveur) stated excused is no
# member's absence.
@pytest.mark.parametrize("officer", ["Trésorier", "Trésorière", "Receveur", "comptable public"])
@pytest.mark.parametrize("style", ["Monsieur Paul André {o}", "M. Paul ANDRÉ, {o},", "Mme Anne Petit-Roux {o}"])
def test_an_officer_stated_excused_is_no_absent_member(officer, style):
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\n"
            + style.format(o=officer) + " est excusé.\n" + TAIL)
    got = read(text)
    assert got["absents"] is None


# Two headings of the absent, the second without its colon and with « non »: both lists are read.
@pytest.mark.parametrize("first", ["Absents excusés", "Absents excusés :", "Excusés :"])
@pytest.mark.parametrize("second", ["Absents non excusés", "Absent non excusé", "Absents non excusés :",
                                    "Etaient absents non excusés"])
@pytest.mark.parametrize("joiner", [". ", ".\n", "\n"])
def test_the_absent_not_excused_under_a_second_heading_without_colon_are_read_too(first, second, joiner):
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\n"
            + f"{first} Françoise SATET, Gilles RIVIERE et Michel GARRIGUE{joiner}{second} Christelle ALONSO, "
            "Laure CANAL et Auguste BLANC.\nSecrétaire de séance : Mme Claire ROUX\n" + TAIL)
    got = read(text)
    assert got["absents"] in (None, {fold(n) for n in ["Françoise SATET", "Gilles RIVIERE", "Michel GARRIGUE",
                                                         "Christelle ALONSO", "Laure CANAL", "Auguste BLANC"]})
    assert got["absents"] is not None


# « Secrétaire de séance Jean-Pierre FOURLON. »: a label without its colon.
@pytest.mark.parametrize("name, expected", [("Jean-Pierre FOURLON", "Jean-Pierre FOURLON"),
                                            ("Monsieur Paul ROUX", "Paul ROUX"), ("DURAND Anne", "Anne DURAND")])
@pytest.mark.parametrize("after", [".", ". Objet : budget", " — PV arrêté"])
def test_a_secretary_label_without_colon(name, expected, after):
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\nSecrétaire de séance " + name + after
            + "\n" + TAIL)
    assert read(text)["secretaires"] == {fold(expected)}


@pytest.mark.parametrize("sentence", ["le secrétaire de séance Jean DUPONT lit le procès-verbal.",
                                      "Secrétaire de séance FINANCES Budget primitif."])
def test_no_secretary_is_read_from_prose_or_a_heading_after_a_bare_label(sentence):
    text = HEAD.format(president="M. Jean DUPONT") + "Etaient présents : M. Jean DUPONT, Mme Claire ROUX.\n" + sentence + "\n" + TAIL
    assert read(text)["secretaires"] is None


def test_an_acronym_run_into_the_secretary_named_in_the_roll_is_no_part_of_the_name():
    text = (HEAD.format(president="M. Jean DUPONT") + "Présents : DUPONT Jean, PAYERAS Brigitte, ROUX Claire.\n"
            "Secrétaire de séance Brigitte PAYERAS CCBHAP — PV arrêté le 2 février\n" + TAIL)
    assert read(text)["secretaires"] == {fold("Brigitte PAYERAS")}


# « Ont donné procuration – Suppléant(e)s » then the pairs: a heading without its colon, a column's
# title in inclusive writing.
@pytest.mark.parametrize("heading", ["Ont donné procuration – Suppléant(e)s", "Ont donné pouvoir - Conseiller(e)s",
                                     "Avaient donné procuration –"])
def test_a_proxies_heading_with_a_dash_and_an_inclusive_column_title(heading):
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\n" + heading
            + " Sophie LEROY à Paul MARTIN et Marc BERNARD à Anne PETIT.\nMembres en exercice : 7\nPrésents : 5\n"
            "Votants : 7\n" + TAIL)
    got = read(text)
    assert got["pouvoirs"] == {(fold("Sophie LEROY"), fold("Paul MARTIN")), (fold("Marc BERNARD"), fold("Anne PETIT"))}


# The president by surname alone, which is another member's given name: the member whose surname it is.
@pytest.mark.parametrize("other", ["Julien TROUSSIER", "Julien PETIT"])
def test_a_president_by_surname_alone_that_is_another_members_given_name(other):
    text = ("L'an deux mille dix-huit, le vingt-deux mars, le conseil municipal s'est réuni sous la présidence de "
            "Monsieur JULIEN, maire. Etaient présents : M. Jean-Luc JULIEN, M. Guy ANDRÉ, Mme Christine VELLA. "
            f"Absents excusés : M. {other}, M. Michel BOIN.\n" + TAIL)
    assert read(text)["president"] == fold("Jean-Luc JULIEN")


# A numbered list of proxies (« 1- M. X a donné procuration à Mme Y, 2- … »): the numbers part the
# items, they are no count.
@pytest.mark.parametrize("number", ["{i}- ", "{i}) ", "{i}. ", "{i} - "])
@pytest.mark.parametrize("heading", ["PROCURATIONS :", "Pouvoirs :", "Procurations de vote :"])
def test_a_numbered_list_of_proxies_is_read_and_its_numbers_are_no_count(number, heading):
    items = [f"M. Luc BERNARD a donné procuration à M. Paul MARTIN", f"Mme Sophie LEROY a donné procuration à Mme Anne PETIT"]
    listed = ", ".join(number.format(i=i + 1) + item for i, item in enumerate(items))
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\n" + heading + " " + listed
            + " Excusés : Luc BERNARD, Sophie LEROY. Absents : Marc ROUX et Jean-Luc DUPOUX A été nommée secrétaire : "
            "Mme Claire ROUX\n" + TAIL)
    got = read(text)
    assert got["pouvoirs"] in (None, {(fold("Luc BERNARD"), fold("Paul MARTIN")), (fold("Sophie LEROY"), fold("Anne PETIT"))})
    assert got["absents"] in (None, {fold("Marc ROUX"), fold("Jean-Luc DUPOUX")})
    assert got["secretaires"] == {fold("Claire ROUX")}


def test_a_list_of_proxies_whose_opening_is_unreadable_leaves_the_absent_in_doubt():
    # The givers are named again among the excused: with their pairs unread, the excused are no absents.
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\nPROCURATIONS : voir ci-dessous la liste "
            "transmise : M. Luc BERNARD a donné procuration à M. Paul MARTIN\nExcusés : Luc BERNARD, Marc ROUX.\n" + TAIL)
    got = read(text)
    assert got["absents"] in (None, {fold("Marc ROUX")})


# A syndicate's roll by member body in capitals without colons (« COMMUNE DE BRENTHONNE TROSSET Guy,
# pouvoir à RAPIN Christiane »): where the commune ends and the surname starts is unknown.
@pytest.mark.parametrize("body", ["COMMUNE DE BRENTHONNE", "COMMUNE D'ARMOY", "VILLE DE SCIEZ", "COMMUNE DU LYAUD",
                                  "COMMUNE DE LA BAUME"])
@pytest.mark.parametrize("heading", ["ABSENTS EXCUSES AYANT DONNE POUVOIR :", "ABSENTS EXCUSES :"])
def test_a_member_body_in_capitals_without_colon_leaves_the_names_after_it_unread(body, heading):
    text = ("COMITE SYNDICAL\nL'an deux mille dix-huit, le 19 juin, le comité syndical s'est réuni sous la présidence "
            "de M. Jean DUPONT.\nPRESENTS : " + f"{body} DUPONT Jean ROUX Claire COMMUNE DE MARIN PETIT Anne\n"
            + heading + f" {body} TROSSET Guy, pouvoir à ROUX Claire COMMUNE DE MARIN LEROY Sophie\n" + TAIL)
    got = read(text)
    assert got["pouvoirs"] in (None, {(fold("Guy TROSSET"), fold("Claire ROUX"))})
    assert got["absents"] in (None, {fold("Guy TROSSET"), fold("Sophie LEROY")}, {fold("Sophie LEROY")})


@pytest.mark.parametrize("short", ["Ph.", "Ch.", "Th."])
def test_a_given_name_shortened_with_its_dot_keeps_it(short):
    assert [n.text for n in read_list(f"A. MARTIN donne pouvoir à {short} SEGUIN, J. ROTUREAU").names] == [
        "A. MARTIN", f"{short} SEGUIN", "J. ROTUREAU"]


@pytest.mark.parametrize("glued, expected", [("M.Jean-Yves AZZOPARDI", "Jean-Yves AZZOPARDI"),
                                             ("Mme.Claire ROUX", "Claire ROUX"), ("Mr.Paul DURAND", "Paul DURAND")])
def test_a_civility_glued_to_a_given_name(glued, expected):
    text = HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\nSecrétaire de séance : " + glued + "\n\n" + TAIL
    assert read(text)["secretaires"] == {fold(expected)}


@pytest.mark.parametrize("dash", ["–", "-"])
@pytest.mark.parametrize("given, surname", [("Jean – Antoine", "Brun"), ("Marie – Claire", "Dubois")])
def test_a_given_name_with_a_spaced_dash_before_a_surname_in_title_case(dash, given, surname):
    given = given.replace("–", dash)
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + f"\nM. {given} {surname} est élu secrétaire de séance.\n" + TAIL)
    assert read(text)["secretaires"] == {fold(f"{given.replace(' ' + dash + ' ', '-')} {surname}")}


@pytest.mark.parametrize("prose", ["Conformément à l'article L2121-15 du CGCT le Conseil Communautaire désigne",
                                   "Il est procédé à la désignation du secrétaire de séance selon le CGCT, le conseil choisit"])
def test_prose_after_a_secretary_label_names_no_secretary_from_its_words(prose):
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + f"\nSECRETAIRE DE SEANCE : {prose} M.\n"
            "Jean François THILLET, Maire, délégué communautaire.\n" + TAIL)
    assert read(text)["secretaires"] in (None, {fold("Jean François THILLET")})


# A surname that is a word of an agenda heading (« Sandra BUREAU », « Didier BUDGET ») is still a surname.
@pytest.mark.parametrize("surname", ["BUREAU", "BUDGET", "PATRIMOINE", "VOIRIE"])
@pytest.mark.parametrize("form", ["Mme Florence DEROUIN (pouvoir à Sandra {s})", "Mme Florence DEROUIN donne pouvoir à Mme Sandra {s}"])
def test_a_holder_whose_surname_is_a_headings_word(surname, form):
    text = (HEAD.format(president="M. Jean DUPONT") + "Présents : M. Jean DUPONT, Mme Sandra " + surname
            + ", M. Paul MARTIN.\nAbsents : " + form.format(s=surname) + ", M. Marc BERNARD.\n" + TAIL)
    assert read(text)["pouvoirs"] in (None, {(fold("Florence DEROUIN"), fold(f"Sandra {surname}"))})
    if surname == "BUREAU":
        # (A word that ends a list of names, « BUDGET », leaves the pair unread: declined, not wrong.)
        assert read(text)["pouvoirs"] is not None


# Each member followed by the commune it represents in brackets, giver and holder.
@pytest.mark.parametrize("heading", ["Avait donné pouvoir :", "Ont donné pouvoir :", "Pouvoirs :"])
@pytest.mark.parametrize("giver_body, holder_body", [("(Lanobre)", "(Lanobre)"), ("(Boulay les Barres)", "(Bricy)"),
                                                     ("(Saint Péravy la Colombe)", "(Saint-Ay)")])
def test_a_commune_in_brackets_after_giver_and_holder(heading, giver_body, holder_body):
    text = (HEAD.format(president="M. Jean DUPONT") + "Présents : Jean DUPONT (Bricy), Paul MARTIN " + holder_body
            + ", Anne PETIT (Tavers).\n" + f"{heading} Madame Sophie LEROY {giver_body} à Monsieur Paul MARTIN {holder_body}\n"
            "Nombre de membres présents : 3 Nombre de votants : 4\n" + TAIL)
    assert read(text)["pouvoirs"] == {(fold("Sophie LEROY"), fold("Paul MARTIN"))}


# « Etaient porteurs d'un pouvoir : Mme ANCELLIN pour M. PERARDEL »: the holder first.
@pytest.mark.parametrize("heading", ["Etaient porteurs d'un pouvoir :", "Porteurs d'une procuration :",
                                     "Détenteurs d'un pouvoir :"])
def test_a_list_of_holders_each_for_a_giver(heading):
    text = (HEAD.format(president="M. Jean DUPONT") + "Présents : M. Jean DUPONT, Mme Anne PETIT, M. Paul MARTIN.\n"
            + f"{heading} Mme PETIT pour M. BERNARD M. MARTIN pour Mme LEROY\nMembres en exercice : 5 Présents : 3 "
            "Votants : 5\n" + TAIL)
    got = read(text)
    assert got["pouvoirs"] == {(fold("BERNARD"), fold("Anne PETIT")), (fold("LEROY"), fold("Paul MARTIN"))}


# One list of proxies joining its pairs by « à » and, for some, by « par » before a civility.
@pytest.mark.parametrize("order", [("à", "par"), ("par", "à"), ("à", "à")])
@pytest.mark.parametrize("heading", ["Délégués représentés par pouvoir :", "Pouvoirs :", "Ont donné pouvoir :"])
def test_a_list_of_proxies_mixing_a_and_par(order, heading):
    first, second = order
    text = (HEAD.format(president="M. Jean DUPONT") + "Présents : M. Jean DUPONT, M. Paul MARTIN, Mme Anne PETIT.\n"
            + f"{heading}\nM. LEROY Sophie {first} M. MARTIN Paul\nM. BERNARD Marc {second} Mme PETIT Anne\n"
            "Membres en exercice : 5 Présents : 3 Votants : 5\n" + TAIL)
    assert read(text)["pouvoirs"] == {(fold("Sophie LEROY"), fold("Paul MARTIN")), (fold("Marc BERNARD"), fold("Anne PETIT"))}


# A table of two columns, giver and holder, flattened row by row under its column heads.
@pytest.mark.parametrize("heads", ["Absents/excusés Pouvoir à", "Excusés Procuration donnée à", "Mandants Mandataires",
                                   "Nom Pouvoir à"])
@pytest.mark.parametrize("rows", [2, 3])
def test_a_flattened_table_of_givers_and_holders_under_column_heads(heads, rows):
    pairs = [("Martine CRINIERE", "Paul MARTIN"), ("Michelle BOUSSARD", "Anne PETIT"), ("Sabrina RAPPART", "Yves GARNIER")][:rows]
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\nAbsents/Excusés ayant donné procuration : "
            + heads + " " + " ".join(f"{g} {h}" for g, h in pairs) + f"\nEn exercice 8 Présents 5 Pouvoirs {rows} "
            f"Votants {5 + rows}\nSecrétaire de séance : Claire ROUX\n" + TAIL)
    assert read(text)["pouvoirs"] == {(fold(g), fold(h)) for g, h in pairs}


def test_an_odd_number_of_names_under_column_heads_leaves_the_pairs_unread():
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\nAbsents/Excusés ayant donné procuration : "
            "Absents/excusés Pouvoir à Martine CRINIERE Paul MARTIN Michelle BOUSSARD\n" + TAIL)
    assert read(text)["pouvoirs"] is None


# The giver's body in apposition between the name and the verb.
@pytest.mark.parametrize("apposition", [", commune de REMOULINS,", ", Délégué de la Commune de MONTOULIEU,",
                                        ", communauté de communes du Pont du Gard", ", Déléguée titulaire de la commune d'AULON,"])
def test_the_givers_body_in_apposition_is_no_name(apposition):
    text = (HEAD.format(president="M. Jean DUPONT") + "Présents : M. Jean DUPONT, M. Paul MARTIN, Mme Anne PETIT.\n"
            + f"Pouvoirs : M. BALSAN Jean Max{apposition} donne procuration à M. MARTIN Paul, Mme LEROY Sophie{apposition} "
            "donne procuration à Mme PETIT Anne.\nMembres en exercice : 5 Présents : 3 Votants : 5\n" + TAIL)
    assert read(text)["pouvoirs"] == {(fold("Jean Max BALSAN"), fold("Paul MARTIN")), (fold("Sophie LEROY"), fold("Anne PETIT"))}


# Each absent followed by the commune he represents in capitals, in brackets: no holder, for no member
# present bears that name.
@pytest.mark.parametrize("bodies", [["MILHARS", "LIVERS-CAZELLES", "LE RIOLS"], ["PENNE", "CORDES", "VAOUR"]])
def test_a_commune_in_capitals_in_brackets_after_each_absent_is_no_holder(bodies):
    absents = ["Pierre PAILLAS", "Denis DONNADIEU", "Claude BLANC"]
    text = ("COMMUNAUTE DE COMMUNES\nL'an deux mille vingt, le 3 mars, le conseil communautaire s'est réuni sous la "
            "présidence de M. Jean DUPONT.\nEtaient présents : Monsieur Jean DUPONT, Madame Renée GAUTIER, Monsieur Paul "
            "QUILES.\nAbsents et excusés : " + ", ".join(f"Monsieur {a} ({b})" for a, b in zip(absents, bodies)) + "\n" + TAIL)
    got = read(text)
    assert got["pouvoirs"] is None
    assert got["absents"] in (None, {fold(a) for a in absents})


def test_a_holder_in_brackets_who_sits_is_still_read():
    text = (HEAD.format(president="M. DUPONT") + "Présents : MM. DUPONT, MARTIN, Mme PETIT.\n"
            "Absents excusés : Mme LEROY (MARTIN), M. BERNARD.\nMembres en exercice : 5 Présents : 3 "
            "Votants : 4\n" + TAIL)
    assert read(text)["pouvoirs"] == {(fold("LEROY"), fold("MARTIN"))}


# Surnames in capitals parted by full stops alone (« MM. ALTEYRAC.TIEBOT.Mmes PEREZ.DUMAS. »), or each
# marked by an asterisk (« Mme PARIS* Mme PERRIN* »).
@pytest.mark.parametrize("joiner", [".", ". ", "* ", "*"])
def test_surnames_parted_by_full_stops_or_asterisks(joiner):
    present = ["DUPONT", "MARTIN", "PETIT", "GARNIER"]
    excused = ["LAFONT", "CLENET", "PADERI"]
    glue = joiner if joiner.strip() == "." else joiner

    def listed(names):
        if joiner.startswith("*"):
            return " ".join(f"M. {n}*" for n in names)
        return "MM. " + glue.join(names) + "."
    assert [n.text for n in read_list(listed(present)).names] == present
    text = (HEAD.format(president="M. DUPONT") + "PRESENTS : " + listed(present) + "\nEXCUSES : " + listed(excused)
            + "\nPOUVOIRS : M. LAFONT donne procuration à M. MARTIN.\nSecrétaire de séance : M. PETIT\n" + TAIL)
    got = read(text)
    assert got["absents"] in (None, {fold(n) for n in excused[1:]})
    assert got["pouvoirs"] in (None, {(fold("LAFONT"), fold("MARTIN"))})


def test_initials_glued_by_stops_are_not_parted():
    assert [n.text for n in read_list("J.P.DURAND, JP.MARTIN").names] == ["J.P. DURAND", "JP. MARTIN"]


# A name that does not look like a person's (an acronym: « du CGCT », « SIVOM ») is set aside into
# `lecture.rejetees` with its reason, never given.
@pytest.mark.parametrize("label, field", [("Secrétaire de séance : M. CGCT", "seance.secretaires"),
                                          ("Secrétaire de séance : du CGCT", "seance.secretaires")])
def test_an_acronym_read_as_a_secretary_is_set_aside_with_its_reason(label, field):
    record = read_text(HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\n" + label + "\n" + TAIL)
    assert not record["seance"].get("secretaires")
    aside = [r for r in record.get("lecture", {}).get("rejetees", []) if r["champ"] == field]
    assert aside and "sigle" in aside[0]["raison"]


def test_an_acronym_read_as_the_president_is_set_aside():
    record = read_text("L'an deux mille vingt, le 3 mars, le conseil municipal s'est réuni sous la présidence de M. SIVU BRZ.\n"
                       + roll("Prénom NOM") + "\n" + TAIL)
    president = record["seance"].get("president")
    assert not president or "BRZ" not in str(president)


# More ways of naming the secretary, seen in other bodies' minutes.
SECRETARY_PROBES = [
    "Secrétariat de séance : {s}", "Secrétariat de séance : {s}.",
    "Le secrétariat de la séance est réalisé par {s}", "Le secrétariat de séance est tenu par {s}.",
    "Le Conseil Municipal décide à l'unanimité des membres présents que {s} sera Secrétaire de séance.",
    "Conformément à l'article L.2121-15 du CGCT, est désignée avec son accord, en qualité de secrétaire de séance, {s}.",
    "Le maire propose la candidature de {s}, conseillère, en qualité de secrétaire de séance, qui est acceptée.",
    "{s}, déléguée titulaire, a été élue secrétaire de séance.",
    "{s}, conseillère municipale, est désignée secrétaire de séance.",
]


@pytest.mark.parametrize("form", SECRETARY_PROBES)
@pytest.mark.parametrize("style", STYLES)
def test_more_designations_of_the_secretary_from_the_probes(form, style):
    text = (HEAD.format(president=written(CAST[0], style)) + roll(style) + "\n"
            + form.format(s=written(CAST[1], style)) + "\n" + TAIL)
    assert read(text)["secretaires"] == {named(CAST[1])}


@pytest.mark.parametrize("civility", ["M", "M.", "Mme", "Monsieur"])
def test_a_secretary_by_surname_in_title_case_after_a_civility(civility):
    text = (HEAD.format(president="M. Jean DUPONT") + "Présents : mesdames Bianchin, Gabory, messieurs Alizon, Mothu, "
            f"Renon\nSecrétaire de séance : {civility} Mothu\n\nLe conseil municipal débute à 20h\n" + TAIL)
    assert read(text)["secretaires"] == {fold("Mothu")}


def test_a_heading_in_title_case_after_the_secretarys_given_name_is_no_part_of_it():
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\nLe secrétariat de la séance est réalisé par "
            "Mme SENDIM-DE-RIBAS-LIRA Nathalie\nEtat de présence (les noms soulignés)\n" + TAIL)
    assert read(text)["secretaires"] == {fold("Nathalie SENDIM-DE-RIBAS-LIRA")}


# « Procurations : de X à Y, de Z à W »: each item opens with the giver's preposition.
@pytest.mark.parametrize("heading", ["Procurations :", "Pouvoirs :", "Procurations de vote :"])
@pytest.mark.parametrize("style", ["NOM Prénom", "Prénom NOM"])
def test_each_item_of_proxies_opening_with_de(heading, style):
    def nm(first, last):
        return f"{last} {first}" if style == "NOM Prénom" else f"{first} {last}"
    text = (HEAD.format(president="M. Jean DUPONT") + "Présents : " + ", ".join(nm(f, l) for f, l in
            [("Jean", "DUPONT"), ("Viviane", "DARGERY"), ("Loïc", "CHAPON")]) + " ;\n"
            + f"{heading} de {nm('Caroline', 'BREMOND-DICK')} à {nm('Viviane', 'DARGERY')}, de {nm('Philippe', 'CASANOVA')} "
            f"à {nm('Loïc', 'CHAPON')}, et de {nm('Laure', 'FOURNIER')} à {nm('Loïc', 'CHAPON')} ;\n"
            "Président de séance : Jean DUPONT, Maire ;\nSecrétaire de séance : Loïc CHAPON.\n" + TAIL)
    assert read(text)["pouvoirs"] == {(fold("Caroline BREMOND-DICK"), fold("Viviane DARGERY")),
                                      (fold("Philippe CASANOVA"), fold("Loïc CHAPON")), (fold("Laure FOURNIER"), fold("Loïc CHAPON"))}


def test_a_giver_whose_surname_opens_with_de_in_one_item_only_keeps_it():
    text = (HEAD.format(president="M. Jean DUPONT") + "Présents : Jean DUPONT, Paul MARTIN, Anne PETIT.\n"
            "Pouvoirs : Hervé de LA FONTAINE à Paul MARTIN, Sophie LEROY à Anne PETIT.\nMembres en exercice : 5 "
            "Présents : 3 Votants : 5\n" + TAIL)
    assert read(text)["pouvoirs"] == {(fold("Hervé de LA FONTAINE"), fold("Paul MARTIN")), (fold("Sophie LEROY"), fold("Anne PETIT"))}


# After the list's full stop, « Mme le Maire informe … que M. X a prévenu de son retard » is prose.
@pytest.mark.parametrize("office", ["Mme le Maire", "M. le Président", "Madame la Présidente", "Monsieur le Maire"])
def test_an_office_after_a_civility_opens_prose_after_a_list(office):
    text = (HEAD.format(president="M. Jean DUPONT") + roll("Prénom NOM") + "\nAbsents représentés : M. Marc BERNARD "
            f"représenté par Mme Anne PETIT. {office} informe le conseil municipal que M. Rémy DELFORGE a prévenu de son "
            "retard.\nSecrétaire de séance : Mme Claire ROUX\n" + TAIL)
    got = read(text)
    assert got["pouvoirs"] in (None, {(fold("Marc BERNARD"), fold("Anne PETIT"))})
    assert got["pouvoirs"] is not None


@pytest.mark.parametrize("name", ["Josiane GUINVARC'H", "Alexis MANAC'H", "Yann LE FLOC'H"])
def test_a_breton_surname_with_c_apostrophe_h_is_a_name(name):
    assert [n.text for n in read_list(f"Jean DUPONT, {name}, Paul MARTIN").names] == ["Jean DUPONT", name, "Paul MARTIN"]


def test_a_given_name_cut_after_its_hyphen_by_a_line_break():
    assert [n.text for n in read_list("MAURAS Marie- Claude ; DOUMENJOU Elisabeth").names] == [
        "Marie-Claude MAURAS", "Elisabeth DOUMENJOU"]


def test_the_commune_in_brackets_before_a_proxy_verb_is_no_holder():
    text = (HEAD.format(president="M. Jean DUPONT") + "Présents : DUPONT Jean, DELHOSTE Pierre, GABAS Michel.\n"
            "Représentés : DOUMENJOU Elisabeth (CAZAUBON) a donné procuration à DELHOSTE Pierre ; BLAYA Bruno (EAUZE) a "
            "donné procuration à GABAS Michel ;\nMembres en exercice : 5 Présents : 3 Votants : 5\n" + TAIL)
    assert read(text)["pouvoirs"] == {(fold("Elisabeth DOUMENJOU"), fold("Pierre DELHOSTE")), (fold("Bruno BLAYA"), fold("Michel GABAS"))}


# A roll with dot leaders before each title (« M. WEIL Jean-Claude... Président M. MULLER Roger... 1er
# Vice-Président »): the member titled president is presumed to preside.
@pytest.mark.parametrize("leader", ["... ", "…… ", ".... "])
def test_a_roll_with_dot_leaders_before_the_presidents_title(leader):
    text = ("COMMUNAUTE DE COMMUNES\nL'an deux mille treize, le 18 avril, le conseil communautaire s'est réuni.\n"
            f"Étaient présents : M. WEIL Jean-Claude{leader}Président M. MULLER Roger{leader}1er Vice-Président "
            f"Mme ROUX Claire{leader}Déléguée\n" + TAIL)
    assert read(text)["president"] == fold("Jean-Claude WEIL")


# A roll of surnames in title case, each after its civility or a plural one (« M. Dupont, Mme Roux »,
# « Mesdames Bacconier, Meniaud, Messieurs Leclere, Tonkens »).
@pytest.mark.parametrize("present, excused, expected", [
    ("M. Dupont, Mme Roux, M. Martin, Mme Petit", "M. Bernard, Mme Blanc", {"bernard", "blanc"}),
    ("Messieurs Dupont, Martin, Mesdames Roux, Petit", "Mesdames Bacconier, Meniaud, Messieurs Leclere, Tonkens",
     {"bacconier", "meniaud", "leclere", "tonkens"}),
    ("M Dupont, Mme Roux", "M Bernard", {"bernard"}),
])
def test_surnames_in_title_case_after_their_civility(present, excused, expected):
    text = (HEAD.format(president="M. Dupont") + f"Etaient présents : {present}.\nExcusés : {excused}.\n"
            "Secrétaire de séance : Mme Roux\n" + TAIL)
    got = read(text)
    assert got["absents"] == expected
    assert got["secretaires"] == {"roux"}


@pytest.mark.parametrize("heading_word", ["BUDGET", "VOIRIE", "FINANCES"])
def test_a_given_name_alone_before_a_heading_word_in_capitals_is_no_name(heading_word):
    # (The heading's word in capitals may be the surname cut off; a surname alone in title case before a
    # heading in title case, « Mme Roux Objet : », stays a name.)
    assert [n.text for n in read_list(f"Mme Claire ROUX, Mme Sandra {heading_word} primitif").names] == ["Claire ROUX"]
