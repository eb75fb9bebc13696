"""A phrasing matrix for the names of the attendance (proxy pairs, absents, secretary, president).

Every passage is synthetic: one cast of members written in the variants real documents use
(labels and their synonyms, colons or none, civilities and their OCR slips, name order, surname
only, particles, compound surnames, separators, bullets, line breaks, the proxy's phrasing). The
reader must read each variant right or decline it (leave the field unread); a list read wrong
would make a false « plus d'un pouvoir par mandataire » or a false quorum.
"""
from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.reader import read_text
from checker.reader.names import read_list


def fold(name: str | None) -> str | None:
    """A name as the bench compares it: accents and case folded, words in any order, the civility
    kept before a surname alone set aside."""
    if not name:
        return None
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"^(?:m|mme|mr|monsieur|madame)\.? +", "", plain)
    return " ".join(sorted(plain.replace("-", " ").replace("\u2013", " ").split()))


# The cast: (civility, first name, surname). Givers are absent; their holders sit.
PRESIDENT = ("M.", "Jean", "DUPONT")
SITTING = [PRESIDENT, ("Mme", "Marie", "MARTIN"), ("M.", "Paul", "DURAND"), ("Mme", "Claire", "ROUX"),
           ("M.", "Pierre", "de LA FONTAINE"), ("Mme", "Anne", "MOINET-TRANVAUX")]
GIVERS = [(("Mme", "Sophie", "LEROY"), ("M.", "Paul", "DURAND")),
          (("M.", "Luc", "PETIT"), ("Mme", "Marie", "MARTIN"))]
# Harder names for givers and holders: particles, a compound surname with a dash or « – » inside,
# accents, a compound first name.
CASTS = {
    "simple": GIVERS,
    "particules": [(("M.", "Hervé", "de LA FONTAINE"), ("M.", "Paul", "DURAND")),
                   (("Mme", "Hélène", "LE GOFF"), ("M.", "Pierre", "de LA FONTAINE"))],
    "composés": [(("Mme", "Marie-Hélène", "ÉTIENNE"), ("Mme", "Anne", "MOINET-TRANVAUX")),
                 (("M.", "Jean-Marc", "DU PLESSIS"), ("Mme", "Marie", "MARTIN"))],
    "tiret long": [(("Mme", "Sophie", "LEROY"), ("Mme", "Anne", "MOINET – TRANVAUX")),
                   (("M.", "Luc", "PETIT"), ("Mme", "Marie", "MARTIN"))],
}
ABSENT = ("M.", "Marc", "BERNARD")
SECRETARY = ("Mme", "Claire", "ROUX")

LONG_CIVILITY = {"M.": "Monsieur", "Mme": "Madame"}
OCR_CIVILITY = {"M.": "M r", "Mme": "Mrne"}


def written(person, style: str) -> str:
    civility, first, surname = person
    if style == "Prénom NOM":
        return f"{civility} {first} {surname}"
    if style == "NOM Prénom":
        return f"{civility} {surname} {first}"
    if style == "Monsieur Prénom NOM":
        return f"{LONG_CIVILITY[civility]} {first} {surname}"
    if style == "sans civilité":
        return f"{first} {surname}"
    if style == "OCR":
        return f"{OCR_CIVILITY[civility]} {first} {surname}"
    if style == "NOM seul":
        return f"{civility} {surname}"
    raise ValueError(style)


def expected_name(person, style: str) -> str:
    _, first, surname = person
    surname = surname.replace(" \u2013 ", "-")
    return fold(surname if style == "NOM seul" else f"{first} {surname}")


PROXY_PHRASINGS = {
    "donne pouvoir à": "{giver} donne pouvoir à {holder}",
    "a donné procuration à": "{giver} a donné procuration à {holder}",
    "ayant donné pouvoir à": "{giver}, ayant donné pouvoir à {holder}",
    "(pouvoir à)": "{giver} (pouvoir à {holder})",
    "(procuration à)": "{giver} (procuration à {holder})",
    "représenté par": "{giver} représenté(e) par {holder}",
    "par": "{giver} par {holder}",
    "à": "{giver} à {holder}",
    "pouvoir à run-on": "{giver} pouvoir à {holder}",
    "- pouvoir à": "{giver} - pouvoir à {holder}",
    "→": "{giver} → {holder}",
}

PROXY_HEADINGS = {
    "Absents excusés ayant donné pouvoir :": "Absents excusés ayant donné pouvoir :",
    "Pouvoirs :": "Pouvoirs :",
    "Procurations :": "Procurations :",
    "Excusés représentés :": "Excusés représentés :",
    "Pouvoirs de :": "Pouvoirs de :",
}

PRESENT_LABELS = ["Présents :", "Etaient présents :", "Étaient présents : ", "PRESENTS :", "Présents",
                  "Assistaient à la réunion", "Etaient présents les conseillers municipaux suivants :"]
ABSENT_LABELS = ["Absents :", "Absent :", "Absents excusés :", "Excusés :", "Absent(s) :", "ABSENT :",
                 # Without a colon, as a table's first column prints them.
                 "Absents excusés", "Excusés", "Absents", "Etaient absents", "Absents et excusés", "Excusé(e)s",
                 "ABSENTS", "Absents -"]
SECRETARY_FORMS = ["Secrétaire de séance : {s}.", "Secrétaire de séance : {s}",
                   "{s} a été désignée secrétaire de séance.", "{s} est désignée secrétaire de séance.",
                   "Secrétaire : {s}.", "Secrétaire de séance : {s} Travaux de voirie",
                   "{s} a été élue secrétaire de séance."]
PRESIDENT_FORMS = ["sous la présidence de {p}, Maire", "sous la présidence de {p}",
                   "sous la présidence de Monsieur {first} {surname}, Maire"]
SEPARATORS = {", ": ", ", " ; ": " ; ", "\n": "\n", "\n- ": "\n- ", "\n• ": "\n• ", " - ": " - "}


def document(style="Prénom NOM", present_label="Présents :", absent_label="Absents excusés :",
             proxy="(pouvoir à)", proxy_place="excusés", separator=", ", secretary_form=SECRETARY_FORMS[0],
             president_form=PRESIDENT_FORMS[0], counts=True, holder_office=False, cast="simple"):
    """A meeting's text with the cast written one way, and what a careful reader takes from it."""
    president = PRESIDENT
    head = ("COMMUNE DE SAINT-AY\nSéance du conseil municipal du 12 mars 2024\n"
            "L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal de Saint-Ay, "
            "régulièrement convoqué, s'est réuni en séance publique à la mairie, "
            + president_form.format(p=written(president, style), first=president[1], surname=president[2])
            + ".\n")
    if counts:
        head += "Membres en exercice : 9\nPrésents : 6\nVotants : 8\n"
    sep = SEPARATORS[separator]
    lead = "- " if sep.startswith("\n- ") else "• " if sep.startswith("\n• ") else ""
    text = head + present_label + (" " if not present_label.endswith(" ") else "")
    if lead or sep == "\n":
        text += "\n"
    tiret = cast == "tiret long"
    sitting = [("Mme", "Anne", "MOINET – TRANVAUX") if tiret and p[2] == "MOINET-TRANVAUX" else p for p in SITTING]
    text += lead + sep.join(written(p, style) for p in sitting) + "\n"

    def holder_text(holder):
        return "M. le Maire" if holder_office and holder == PRESIDENT else written(holder, style)

    givers = CASTS[cast] if not holder_office else [(CASTS[cast][0][0], PRESIDENT), CASTS[cast][1]]
    proxies = [PROXY_PHRASINGS[proxy].format(giver=written(g, style), holder=holder_text(h)) for g, h in givers]
    if proxy_place == "excusés":
        items = proxies + [written(ABSENT, style)]
        text += absent_label + " " + ("\n" if lead or sep == "\n" else "") + lead + sep.join(items) + "\n"
    else:
        text += proxy_place + " " + ("\n" if lead or sep == "\n" else "") + lead + sep.join(proxies) + "\n"
        text += absent_label + " " + written(ABSENT, style) + "\n"
    text += secretary_form.format(s=written(SECRETARY, style)) + "\n"
    text += "Objet : Budget primitif 2024\nLe conseil municipal, après en avoir délibéré, adopte le budget.\n"
    expected = {
        "pouvoirs": {(expected_name(g, style), expected_name(h, style)) for g, h in givers},
        "absents": {expected_name(ABSENT, style)},
        "secretaires": {expected_name(SECRETARY, style)},
        "president": expected_name(president, style if "{p}" in president_form else "Prénom NOM"),
    }
    if holder_office:
        # The holder named by office is the president, named as the text names him where he presides.
        expected["pouvoirs"] = {(g, expected["president"] if h == expected_name(PRESIDENT, style) else h)
                                for g, h in expected["pouvoirs"]}
    return text, expected


def read_names(text: str) -> dict:
    seance = read_text(text)["seance"]
    president = seance.get("president")
    president = president.get("valeur") if isinstance(president, dict) else president
    return {
        "pouvoirs": {(fold(p["mandant"]), fold(p["mandataire"])) for p in seance.get("pouvoirs", [])} or None,
        "absents": {fold(n) for n in seance.get("absents", [])} or None,
        "secretaires": {fold(n) for n in seance.get("secretaires", [])} or None,
        "president": fold(president),
    }


def wrong_fields(text: str, expected: dict) -> dict:
    got = read_names(text)
    return {field: (got[field], expected[field]) for field in expected
            if got[field] is not None and got[field] != expected[field]}


def missed_fields(text: str, expected: dict) -> list:
    got = read_names(text)
    return [field for field in expected if got[field] is None]


STYLES = ["Prénom NOM", "NOM Prénom", "Monsieur Prénom NOM", "sans civilité", "OCR", "NOM seul"]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("proxy", sorted(PROXY_PHRASINGS))
def test_each_proxy_phrasing_in_each_style_of_name_is_read_right_or_declined(style, proxy):
    text, expected = document(style=style, proxy=proxy)
    assert wrong_fields(text, expected) == {}


@pytest.mark.parametrize("proxy", ["donne pouvoir à", "a donné procuration à", "ayant donné pouvoir à",
                                   "(pouvoir à)", "(procuration à)", "représenté par", "pouvoir à run-on",
                                   "- pouvoir à", "→"])
def test_the_proxy_phrasings_with_a_verb_or_a_bracket_are_read_in_the_common_style(proxy):
    text, expected = document(proxy=proxy)
    got = read_names(text)
    assert got["pouvoirs"] == expected["pouvoirs"]
    assert got["absents"] == expected["absents"]


@pytest.mark.parametrize("cast", sorted(CASTS))
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("proxy", ["(pouvoir à)", "donne pouvoir à", "à", "représenté par"])
def test_particles_and_compound_surnames_are_read_right_or_declined(cast, style, proxy):
    text, expected = document(cast=cast, style=style, proxy=proxy)
    assert wrong_fields(text, expected) == {}


@pytest.mark.parametrize("style", ["Prénom NOM", "NOM Prénom", "Monsieur Prénom NOM", "NOM seul"])
def test_a_compound_surname_with_a_spaced_dash_is_one_holder(style):
    text, expected = document(cast="tiret long", style=style)
    assert read_names(text)["pouvoirs"] == expected["pouvoirs"]


@pytest.mark.parametrize("text, names", [
    ("Anne MOINET – TRANVAUX, Jean DUPONT", ["Anne MOINET-TRANVAUX", "Jean DUPONT"]),
    ("MOINET – TRANVAUX Anne, DUPONT Jean", ["Anne MOINET-TRANVAUX", "Jean DUPONT"]),
    ("Mme MOINET – TRANVAUX, M. DUPONT", ["MOINET-TRANVAUX", "DUPONT"]),
    ("Mmes LEROY – PETIT, M. DUPONT", ["LEROY", "PETIT", "DUPONT"]),
    ("Jean DUPONT – Marie MARTIN – Paul ROUX", ["Jean DUPONT", "Marie MARTIN", "Paul ROUX"]),
    ("DUPONT Jean – MARTIN Marie", ["Jean DUPONT", "Marie MARTIN"]),
    ("DUPONT – MARTIN – ROUX", ["DUPONT", "MARTIN", "ROUX"]),
    ("Jean DUPONT - FINANCES", ["Jean DUPONT"]),
])
def test_a_spaced_dash_joins_a_surname_only_where_no_second_person_can_start(text, names):
    assert [n.text for n in read_list(text).names] == names


@pytest.mark.parametrize("heading", sorted(PROXY_HEADINGS))
@pytest.mark.parametrize("proxy", ["donne pouvoir à", "(pouvoir à)", "à", "pouvoir à run-on"])
def test_a_proxies_heading_of_its_own_is_read_right_or_declined(heading, proxy):
    text, expected = document(proxy=proxy, proxy_place=PROXY_HEADINGS[heading], absent_label="Absent :")
    assert wrong_fields(text, expected) == {}


@pytest.mark.parametrize("separator", sorted(SEPARATORS))
@pytest.mark.parametrize("style", ["Prénom NOM", "NOM Prénom", "sans civilité"])
def test_each_separator_of_a_list_is_read_right_or_declined(separator, style):
    text, expected = document(style=style, separator=separator)
    assert wrong_fields(text, expected) == {}


@pytest.mark.parametrize("label", PRESENT_LABELS)
def test_each_label_of_those_present_is_read_right_or_declined(label):
    text, expected = document(present_label=label)
    assert wrong_fields(text, expected) == {}


@pytest.mark.parametrize("label", ABSENT_LABELS)
def test_each_label_of_the_absent_is_read_right_or_declined(label):
    text, expected = document(absent_label=label)
    assert wrong_fields(text, expected) == {}


@pytest.mark.parametrize("form", SECRETARY_FORMS)
@pytest.mark.parametrize("style", ["Prénom NOM", "NOM Prénom", "Monsieur Prénom NOM", "NOM seul"])
def test_each_designation_of_the_secretary_is_read(form, style):
    text, expected = document(style=style, secretary_form=form)
    got = read_names(text)
    assert got["secretaires"] == expected["secretaires"]


SECRETARY_MORE = [
    "{s} est nommée secrétaire de séance.", "{s} a été désignée pour remplir les fonctions de secrétaire de séance.",
    "Le conseil municipal désigne {s} comme secrétaire de séance.", "Secrétaire de séance élue : {s}",
    "{s} est désignée en qualité de secrétaire de séance.", "Désignation du secrétaire de séance : {s}",
    "{s} a été élue secrétaire de séance à l'unanimité.", "{s} a été désignée secrétaire.",
    "Conformément à l'article L. 2121-15 du CGCT, {s} a été désignée secrétaire de séance.",
    "Secrétaire de séance : {s} (Saint-Ay)", "SECRETAIRE DE SEANCE : {s}", "Secrétaire de séance – {s}",
    "Est désignée secrétaire de séance : {s}", "A été désignée secrétaire de séance : {s}",
    "Le secrétaire de séance, {s}", "Secrétaire de séance : {s}, conseillère municipale",
    "{s} est désignée à l'unanimité secrétaire de séance.",
    "{s} a été désignée secrétaire de séance, fonction qu'elle a acceptée.", "Secrétaire(s) de séance : {s}",
    "Le Conseil Municipal a élu {s} secrétaire de séance.", "{s} est élue secrétaire de séance.",
    "{s} a été désignée en tant que secrétaire de séance.", "Secrétaire de la séance : {s}",
]


@pytest.mark.parametrize("form", SECRETARY_MORE)
@pytest.mark.parametrize("style", ["Prénom NOM", "NOM Prénom", "Monsieur Prénom NOM", "sans civilité"])
def test_more_designations_of_the_secretary_are_read(form, style):
    text, expected = document(style=style, secretary_form=form)
    assert read_names(text)["secretaires"] == expected["secretaires"]


@pytest.mark.parametrize("form", PRESIDENT_FORMS)
@pytest.mark.parametrize("style", ["Prénom NOM", "NOM Prénom", "sans civilité"])
def test_the_president_who_chairs_is_read(form, style):
    text, expected = document(style=style, president_form=form)
    assert read_names(text)["president"] == (expected["president"] if "{p}" in form
                                             else expected_name(PRESIDENT, "Prénom NOM"))


PRESIDENT_MORE = ["sous la présidence de {p}, 1er adjoint", "sous la présidence de son Maire, {p}",
                  "sous la présidence de Monsieur le Maire, {p}", "sous la présidence de {p}, Président",
                  "sous la présidence de {p}, Maire de Saint-Ay", "sous la présidence effective de {p}",
                  "sous la présidence de {p} (Maire)", "sous la présidence de {p}, maire.", "SOUS LA PRESIDENCE DE {p}",
                  "sous la présidence de {p} Maire", "sous la présidence de Monsieur le Président, {p}"]


@pytest.mark.parametrize("form", PRESIDENT_MORE)
@pytest.mark.parametrize("style", ["Prénom NOM", "NOM Prénom", "Monsieur Prénom NOM", "sans civilité"])
def test_more_ways_of_naming_who_presides_are_read(form, style):
    text, expected = document(style=style, president_form=form)
    assert read_names(text)["president"] == expected["president"]


@pytest.mark.parametrize("proxy", ["(pouvoir à)", "donne pouvoir à", "représenté par"])
def test_a_proxy_to_the_mayor_by_office_is_the_named_president_or_declined(proxy):
    text, expected = document(proxy=proxy, holder_office=True)
    assert wrong_fields(text, expected) == {}


@pytest.mark.parametrize("proxy", ["(pouvoir à)", "donne pouvoir à"])
def test_without_printed_counts_the_names_are_still_right_or_declined(proxy):
    text, expected = document(proxy=proxy, counts=False)
    assert wrong_fields(text, expected) == {}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(style=st.sampled_from(STYLES), proxy=st.sampled_from(sorted(PROXY_PHRASINGS)),
       present_label=st.sampled_from(PRESENT_LABELS), absent_label=st.sampled_from(ABSENT_LABELS),
       separator=st.sampled_from(sorted(SEPARATORS)), secretary_form=st.sampled_from(SECRETARY_FORMS),
       counts=st.booleans(), holder_office=st.booleans(), cast=st.sampled_from(sorted(CASTS)))
def test_any_combination_of_the_variants_is_never_read_wrong(style, proxy, present_label, absent_label, separator,
                                                             secretary_form, counts, holder_office, cast):
    text, expected = document(style=style, proxy=proxy, present_label=present_label, absent_label=absent_label,
                              separator=separator, secretary_form=secretary_form, counts=counts,
                              holder_office=holder_office, cast=cast)
    assert wrong_fields(text, expected) == {}


HEAD = ("COMMUNE DE SAINT-AY\nSéance du conseil municipal du 12 mars 2024\nL'an deux mille vingt-quatre, le douze mars "
        "à vingt heures, le conseil municipal de Saint-Ay s'est réuni sous la présidence de M. Jean DUPONT, Maire.\n"
        "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, Mme Claire ROUX.\n")
TAIL = "Secrétaire de séance : Mme Claire ROUX.\nObjet : Budget primitif\n"


def rejected(text: str) -> dict:
    return {r["champ"]: r["raison"] for r in read_text(text).get("lecture", {}).get("rejetees", [])}


@pytest.mark.parametrize("mark", ["(pouvoir)", "(procuration)"])
def test_a_proxy_marked_among_the_excused_is_paired_by_the_list_of_proxies(mark):
    text = (HEAD + f"Absents excusés : Mme Sophie LEROY {mark}, M. Luc PETIT - pouvoir à Mme Marie MARTIN, "
            "M. Marc BERNARD.\nPouvoirs : Mme Sophie LEROY à M. Paul DURAND.\n" + TAIL)
    assert read_names(text)["pouvoirs"] == {(fold("Sophie LEROY"), fold("Paul DURAND")),
                                            (fold("Luc PETIT"), fold("Marie MARTIN"))}


def test_a_proxy_marked_among_the_excused_and_paired_nowhere_leaves_the_pairs_unread():
    text = (HEAD + "Absents excusés : Mme Sophie LEROY (pouvoir), M. Luc PETIT - pouvoir à Mme Marie MARTIN, "
            "M. Marc BERNARD.\n" + TAIL)
    assert read_names(text)["pouvoirs"] is None
    assert "mandant ni mandataire" in rejected(text)["seance.pouvoirs"]


@pytest.mark.parametrize("joiner", ["à", "par", "→"])
def test_a_bare_joiner_between_two_names_of_the_absent_is_no_absent_list(joiner):
    text = HEAD + f"Absents : Sophie LEROY {joiner} Paul DURAND ; Luc PETIT {joiner} Marie MARTIN ; Marc BERNARD\n" + TAIL
    got = read_names(text)
    assert got["absents"] in (None, {fold("Marc BERNARD")})
    assert got["pouvoirs"] in (None, {(fold("Sophie LEROY"), fold("Paul DURAND")),
                                      (fold("Luc PETIT"), fold("Marie MARTIN"))})


def test_a_holder_named_among_the_absent_in_an_unknown_phrasing_sets_the_lists_aside():
    text = (HEAD + "Absent :\nSophie LEROY par M. le Maire\nLuc PETIT, qui confie sa voix à Marie MARTIN\n"
            "Marc BERNARD\n" + TAIL)
    assert read_names(text)["absents"] is None
    assert read_names(text)["pouvoirs"] is None
    assert "« Marie MARTIN » lu présent à l'ouverture et absent" in rejected(text)["seance.absents"]


def test_a_member_of_a_roll_by_commune_also_excused_stays_absent():
    text = ("COMMUNE DE SAINT-AY\nSéance du conseil communautaire du 12 mars 2024\nL'an deux mille vingt-quatre, le "
            "douze mars à vingt heures, le conseil communautaire s'est réuni sous la présidence de M. Jean DUPONT.\n"
            "Présents : Saint-Ay : M. Jean DUPONT ; Mme Marie MARTIN Bou : M. Paul DURAND ; M. Luc PETIT "
            "Pouvoirs : Mme Sophie LEROY à M. Paul DURAND Excusés : M. Luc PETIT, M. Marc BERNARD\n" + TAIL)
    assert read_names(text)["absents"] == {fold("Luc PETIT"), fold("Marc BERNARD")}


def test_a_roll_with_a_spaced_dash_in_a_surname_is_counted_exactly():
    record = read_text("Commune de Saint-Exemple. Extrait du registre des délibérations du conseil municipal. "
                       "L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal s'est réuni à la "
                       "mairie. Présents : DUPONT Jean, MARTIN Marie, MOINET – TRANVAUX Vanessa, DURAND Paul, "
                       "PETIT Anne. Pouvoirs : 1. Votants : 6. Objet : Budget. Adopté à l'unanimité.")
    assert record["seance"]["presents"]["valeur"] == 5
    assert "Vanessa MOINET-TRANVAUX" in {m["nom"] for m in record["seance"]["membres"]}


OPENING = ("COMMUNE DE SAINT-AY\nSéance du conseil municipal du 12 mars 2024\nL'an deux mille vingt-quatre, le douze mars "
           "à vingt heures, le conseil municipal de Saint-Ay s'est réuni{chair}.\n")
CHAIRED = OPENING.format(chair=" sous la présidence de M. Jean DUPONT, Maire")
ROLL = "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, Mme Claire ROUX.\n"
TWO_PAIRS = {(fold("Sophie LEROY"), fold("Paul DURAND")), (fold("Luc PETIT"), fold("Marie MARTIN"))}

KINDS = {
    "« par » and a holder in lower case": (
        CHAIRED + ROLL + "Absents excusés : Mme Sophie LEROY par m. durand, M. Luc PETIT par mme martin, M. Marc BERNARD\n",
        {"pouvoirs": TWO_PAIRS, "absents": {fold("Marc BERNARD")}}),
    "one proxy written twice, the giver spelt two ways": (
        CHAIRED + ROLL + "Pouvoirs : Mme LEROY à M. DURAND, M. PETIT à Mme MARTIN\nAbsents excusés : Mme Sophie LEROY "
                         "(pouvoir à M. Paul DURAND), M. Luc PETIT (pouvoir à Mme Marie MARTIN), M. Marc BERNARD\n",
        {"pouvoirs": TWO_PAIRS, "absents": {fold("Marc BERNARD")}}),
    "a délégué suppléant sitting for a titulaire": (
        CHAIRED + "Délégués présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, suppléant de M. Luc PETIT, "
                  "Mme Claire ROUX.\nAbsents excusés : Mme Sophie LEROY (pouvoir à Mme Marie MARTIN), M. Marc BERNARD\n",
        {"pouvoirs": {(fold("Sophie LEROY"), fold("Marie MARTIN"))}, "absents": {fold("Marc BERNARD")}}),
    "the president known by who opens the meeting": (
        OPENING.format(chair="") + ROLL + "Absents excusés : Mme Sophie LEROY (pouvoir à M. Paul DURAND), M. Marc BERNARD\n"
                                          "M. Jean DUPONT, Maire, ouvre la séance.\n",
        {"president": fold("Jean DUPONT")}),
    "the mayor marked in brackets in the roll": (
        OPENING.format(chair="") + "Présents : M. Jean DUPONT (Maire), Mme Marie MARTIN, M. Paul DURAND, Mme Claire ROUX.\n"
                                   "Le Maire ouvre la séance.\n",
        {"president": fold("Jean DUPONT")}),
    "a holder by office with the president named": (
        CHAIRED + ROLL + "Absents excusés : Mme Sophie LEROY (pouvoir à M. le Maire), M. Luc PETIT (pouvoir à Mme Marie "
                         "MARTIN), M. Marc BERNARD\n",
        {"pouvoirs": {(fold("Sophie LEROY"), fold("Jean DUPONT")), (fold("Luc PETIT"), fold("Marie MARTIN"))}}),
    "a holder by office with no president named": (
        OPENING.format(chair="") + "Présents : Mme Marie MARTIN, M. Paul DURAND, Mme Claire ROUX.\nAbsents excusés : Mme "
                                   "Sophie LEROY (pouvoir à M. le Maire), M. Luc PETIT (pouvoir à Mme Marie MARTIN)\n",
        {"pouvoirs": None}),
    "pairs fewer than the printed number represented": (
        CHAIRED + "Membres en exercice : 7 Présents : 4 Représentés : 3\n" + ROLL + "Absents excusés : Mme Sophie LEROY "
                  "(pouvoir à M. Paul DURAND), M. Luc PETIT (pouvoir à Mme Marie MARTIN), M. Marc BERNARD\n",
        {"pouvoirs": None}),
    "a flattened table with a column of crosses": (
        CHAIRED + "Nom Présent Absent Excusé Pouvoir à\nJean DUPONT X\nMarie MARTIN X\nPaul DURAND X\nClaire ROUX X\n"
                  "Sophie LEROY X Paul DURAND\nLuc PETIT X Marie MARTIN\nMarc BERNARD X\n",
        {"pouvoirs": TWO_PAIRS, "absents": {fold("Marc BERNARD")}}),
    "a bulleted list with run-on « Pouvoir à »": (
        CHAIRED + ROLL + "Absents excusés :\n- Mme Sophie LEROY Pouvoir à M. Paul DURAND\n- M. Luc PETIT Pouvoir à Mme "
                         "Marie MARTIN\n- M. Marc BERNARD\n",
        {"pouvoirs": TWO_PAIRS, "absents": {fold("Marc BERNARD")}}),
    "« X à Y » among the absent without civilities": (
        CHAIRED + "Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Claire ROUX.\nAbsents : Sophie LEROY à Paul DURAND, "
                  "Luc PETIT à Marie MARTIN, Marc BERNARD à partir de 20 h\n",
        {"pouvoirs": TWO_PAIRS}),
    "a « Pouvoirs de : » heading": (
        CHAIRED + ROLL + "Pouvoirs de : Mme Sophie LEROY à M. Paul DURAND, M. Luc PETIT à Mme Marie MARTIN\n"
                         "Absent : M. Marc BERNARD\n",
        {"pouvoirs": TWO_PAIRS, "absents": {fold("Marc BERNARD")}}),
}
# What the reader may decline (leave unread) rather than read: never read otherwise.
DECLINED_OK = {"a flattened table with a column of crosses"}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_kind_of_the_issue_is_read_right(name):
    text, expected = KINDS[name]
    got = read_names(text + "Secrétaire de séance : Mme Claire ROUX.\nObjet : Budget primitif\n")
    for field, value in expected.items():
        if name in DECLINED_OK:
            assert got[field] in (None, value), field
        else:
            assert got[field] == value, field


@pytest.mark.parametrize("text, names", [
    ("M r Hervé de LA FONTAINE, Mrne Hélène LE GOFF", ["Hervé de LA FONTAINE", "Hélène LE GOFF"]),
    ("LE GOFF Hélène, de LA FONTAINE Hervé", ["Hélène LE GOFF", "Hervé de LA FONTAINE"]),
    ("M. LE GOFF, M. de LA FONTAINE", ["LE GOFF", "de LA FONTAINE"]),
    ("M r Jean DUPONT, Mrne Marie MARTIN", ["Jean DUPONT", "Marie MARTIN"]),
])
def test_particles_opening_a_surname_and_an_ocr_civility(text, names):
    assert [n.text for n in read_list(text).names] == names


def test_a_lost_boundary_between_two_names_of_the_pairs_sets_them_aside():
    text = (CHAIRED + "Membres en exercice : 8 Présents : 5 Représentés : 2\nPrésents : M. Jean DUPONT, Mme Marie "
                      "MARTIN, M. Paul DURAND, Mme Claire ROUX, Mme Anne MOINET-TRANVAUX.\n"
            + "Excusés : Sophie LEROY → Anne MOINET - TRANVAUX Luc PETIT → Marie MARTIN Marc BERNARD\n"
            + "Secrétaire de séance : Mme Claire ROUX.\nObjet : Budget primitif\n")
    assert read_names(text)["pouvoirs"] in (None, {(fold("Sophie LEROY"), fold("Anne MOINET-TRANVAUX")),
                                                   (fold("Luc PETIT"), fold("Marie MARTIN"))})


@pytest.mark.parametrize("holder, read", [("M. DURANT", True), ("M. DURRAND", True), ("M. DUVAL", False)])
def test_a_holder_by_surname_with_one_letter_slipped_sits_in_the_roll(holder, read):
    text = (CHAIRED + "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, Mme Claire ROUX.\nPouvoirs :\n"
            f"- Mme Sophie LEROY à {holder}\n- M. Luc PETIT à Mme Marie MARTIN\nAbsent : M. Marc BERNARD\n"
            "Secrétaire de séance : Mme Claire ROUX.\nObjet : Budget primitif\n")
    pairs = read_names(text)["pouvoirs"]
    if read:
        assert pairs == {(fold("Sophie LEROY"), fold(holder)), (fold("Luc PETIT"), fold("Marie MARTIN"))}
    else:
        assert pairs is None


def test_a_small_councils_roll_by_first_names_gives_its_pairs_and_its_secretary():
    text = (OPENING.format(chair="") + "Présents : Jean, Marie, Paul, Claire, Pierre, Anne.\nExcusés : Sophie (pouvoir à "
            "Paul), Luc (pouvoir à Marie), Marc\nSecrétaire de séance : Claire\nObjet : Budget\n")
    got = read_names(text)
    assert got["pouvoirs"] == {("sophie", "paul"), ("luc", "marie")}
    assert got["secretaires"] == {"claire"}


def test_a_first_name_not_in_the_roll_is_no_secretary():
    text = (OPENING.format(chair="") + "Présents : Jean, Marie, Paul, Claire, Pierre, Anne.\nExcusés : Marc\n"
            "Secrétaire de séance : Budget\nObjet : Budget\n")
    assert read_names(text)["secretaires"] is None


@pytest.mark.parametrize("tail", [
    "M. Marc BERNARD Travaux de voirie : le conseil approuve.\nSecrétaire de séance : Mme Claire ROUX\n",
    "M. Marc BERNARD FINANCES – BUDGET PRIMITIF 2024\nSecrétaire de séance : Mme Claire ROUX\n",
    "M. Marc BERNARD Ordre du jour : Budget\nSecrétaire de séance : Mme Claire ROUX\n",
    "M. Marc BERNARD\nSecrétaire de séance : Claire ROUX Approbation du procès-verbal\n",
    "M. Marc BERNARD\nSecrétaire de séance : Mme ROUX Urbanisme – Révision du PLU\n",
])
def test_a_heading_run_into_the_last_name_of_a_list_is_no_part_of_it(tail):
    got = read_names(CHAIRED + ROLL + "Absents excusés : Mme Sophie LEROY (pouvoir à M. Paul DURAND), " + tail
                     + "Objet : Budget\n")
    assert got["pouvoirs"] == {(fold("Sophie LEROY"), fold("Paul DURAND"))}
    assert got["absents"] == {fold("Marc BERNARD")}
    assert got["secretaires"] in ({fold("Claire ROUX")}, {"roux"})


SYNDICATE = ("SYNDICAT INTERCOMMUNAL DES EAUX DE LA VALLÉE\nRéunion du comité syndical du 12 mars 2024\nL'an deux mille "
             "vingt-quatre, le douze mars à dix-huit heures, le comité syndical s'est réuni sous la présidence de M. Jean "
             "DUPONT, Président.\n")


@pytest.mark.parametrize("roll, absents", [
    ("Délégués présents : Commune de Bou : M. Jean DUPONT, Mme Marie MARTIN ; Commune de Saint-Ay : M. Paul DURAND "
     "(suppléant de M. Luc PETIT), Mme Claire ROUX.\nAbsents excusés : Mme Sophie LEROY (pouvoir à Mme Marie MARTIN), "
     "M. Marc BERNARD\n", {fold("Marc BERNARD")}),
    ("Présents : M. Jean DUPONT (Bou), Mme Marie MARTIN (Bou), M. Paul DURAND, suppléant de M. Luc PETIT (Saint-Ay), "
     "Mme Claire ROUX (Saint-Ay).\nExcusés : Mme Sophie LEROY (Cléry) a donné pouvoir à Mme Marie MARTIN, M. Marc "
     "BERNARD (Cléry)\n", {fold("Marc BERNARD")}),
    ("Délégués titulaires présents : M. Jean DUPONT, Mme Marie MARTIN, Mme Claire ROUX.\nDélégués suppléants présents : "
     "M. Paul DURAND remplaçant M. Luc PETIT.\nAbsents excusés : Mme Sophie LEROY représentée par Mme Marie MARTIN, "
     "M. Marc BERNARD\n", {fold("Marc BERNARD")}),
    ("Etaient présents : Bou : Jean DUPONT, Marie MARTIN - Saint-Ay : Paul DURAND, Claire ROUX\nPouvoirs : Sophie LEROY "
     "à Marie MARTIN\nAbsents : Luc PETIT, Marc BERNARD\n", {fold("Luc PETIT"), fold("Marc BERNARD")}),
])
def test_a_syndicates_roll_with_member_bodies_and_suppleants(roll, absents):
    got = read_names(SYNDICATE + roll + "Secrétaire de séance : Mme Claire ROUX\nObjet : Budget\n")
    assert got["pouvoirs"] == {(fold("Sophie LEROY"), fold("Marie MARTIN"))}
    assert got["absents"] == absents
    assert got["president"] == fold("Jean DUPONT")


@pytest.mark.parametrize("holder, read", [("M. DURAND P.", True), ("M. P. DURAND", True), ("M. DURAND J.", False)])
def test_a_holder_written_with_initials_sits_in_the_roll_under_his_given_name(holder, read):
    text = (CHAIRED + "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, Mme Claire ROUX.\nPouvoirs :\n"
            f"- Mme Sophie LEROY à {holder}\n- M. Luc PETIT à Mme Marie MARTIN\nAbsent : M. Marc BERNARD\n"
            "Secrétaire de séance : Mme Claire ROUX.\nObjet : Budget primitif\n")
    pairs = read_names(text)["pouvoirs"]
    assert (pairs is not None) == read


@pytest.mark.parametrize("excused, expected", [
    ("M. LEROY, M. PETIT, BERNARD, Mme ROUSSEL, M. LAMBERT", {"leroy", "petit", "bernard", "roussel", "lambert"}),
    ("M. Paul LEROY, M. Luc PETIT, BERNARD, Mme Anne ROUSSEL, M. Yves LAMBERT", None),
])
def test_a_civility_lost_before_one_surname_of_a_list_of_surnames(excused, expected):
    text = (CHAIRED + "Présents : M. DUPONT, Mme MARTIN, M. DURAND, Mme ROUX.\nExcusés : " + excused + "\n"
            "Secrétaire de séance : Mme ROUX.\nObjet : Budget primitif\n")
    assert read_names(text)["absents"] == expected


# Two columns interleaved by extraction: a list of proxies one pair a line, and beside it a column of
# counts, each count coming out between two pairs. Names in title case (« Sophie Leroy »), the line
# breaks lost: the roll tells where a holder ends and the next giver begins.
TITLE_CASE_SITTING = ["Jean Dupont", "Marie Martin", "Paul Durand", "Claire Roux", "Anne Moinet", "Louis Girard"]
TITLE_CASE_PAIRS = [("Sophie Leroy", "Paul Durand"), ("Luc Petit", "Marie Martin"), ("Hervé Blanc", "Anne Moinet"),
                    ("Agnès Morel", "Louis Girard")]
COUNT_COLUMNS = {
    "élus": ["Elus en exercice : 11", "Elus présents : 6", "Ont donné pouvoir : 4", "Absents : 1"],
    "membres": ["Membres en exercice : 11", "Membres présents : 6", "Pouvoirs : 4", "Votants : 10"],
    "sans deux-points": ["En exercice 11", "Présents 6", "Représentés 4", "Votants 10"],
    "nombre de": ["Nombre de conseillers en exercice : 11", "Présents : 6", "Procurations : 4", "Absents : 1"],
}
PAIR_HEADINGS = ["Excusés ont donné pouvoir :", "Pouvoirs :", "Absents excusés ayant donné pouvoir :",
                 "Procurations :"]


def interleaved_document(column: str, heading: str, offset: int, indent: str, pairs: int = 4) -> tuple:
    head = ("COMMUNE DE SAINT-AY\nSéance du conseil municipal du 12 mars 2024\nL'an deux mille vingt-quatre, "
            "le douze mars à vingt heures, le conseil municipal de Saint-Ay s'est réuni sous la présidence de "
            "Jean Dupont, Maire.\nPrésents : " + " - ".join(TITLE_CASE_SITTING) + "\n" + heading + "\n")
    counts = COUNT_COLUMNS[column]
    lines = []
    chosen = TITLE_CASE_PAIRS[:pairs]
    for i, (giver, holder) in enumerate(chosen):
        lines.append(f"{giver} à {holder}")
        if 0 <= i - offset < len(counts) and i < len(chosen) - 1:
            lines.append(indent + counts[i - offset])
    text = head + "\n".join(lines) + "\nAbsent : Marc Bernard\nSecrétaire de séance : Claire Roux\nObjet : Budget\n"
    return text, {(fold(g), fold(h)) for g, h in chosen}


@pytest.mark.parametrize("column", sorted(COUNT_COLUMNS))
@pytest.mark.parametrize("heading", PAIR_HEADINGS)
@pytest.mark.parametrize("offset", [0, 1])
@pytest.mark.parametrize("indent", ["", " ", "\t"])
def test_counts_of_another_column_interleaved_in_a_list_of_proxies_are_read_right_or_declined(column, heading,
                                                                                             offset, indent):
    text, pairs = interleaved_document(column, heading, offset, indent)
    got = read_names(text)["pouvoirs"]
    assert got in (None, pairs)


@pytest.mark.parametrize("column", ["élus", "membres", "nombre de"])
@pytest.mark.parametrize("heading", PAIR_HEADINGS)
def test_the_proxies_of_an_interleaved_list_with_colons_are_all_read(column, heading):
    text, pairs = interleaved_document(column, heading, 0, " ")
    assert read_names(text)["pouvoirs"] == pairs


@pytest.mark.parametrize("pairs", [2, 3, 4])
def test_pairs_one_a_line_in_title_case_without_counts_are_read_right_or_declined(pairs):
    text, expected = interleaved_document("élus", "Pouvoirs :", 10, "", pairs)
    assert read_names(text)["pouvoirs"] in (None, expected)


def test_a_holder_not_in_the_roll_leaves_a_run_of_two_names_unsplit():
    text, _ = interleaved_document("élus", "Pouvoirs :", 10, "", 3)
    text = text.replace("Présents : Jean Dupont - Marie Martin", "Présents : Jean Dupont")
    got = read_names(text)["pouvoirs"]
    assert got is None or (fold("Luc Petit"), fold("Marie Martin")) in got


@pytest.mark.parametrize("count", ["Absents : 1", "Absent : 1", "Excusés : 1"])
def test_a_heading_with_its_count_then_a_name_still_opens_its_own_list(count):
    text = (HEAD + "Pouvoirs :\nSophie Leroy à Paul Durand\nLuc Petit à Marie Martin\n" + count
            + "\nMarc Bernard\n" + TAIL)
    got = read_names(text)
    assert got["pouvoirs"] in (None, {(fold("Sophie Leroy"), fold("Paul Durand")), (fold("Luc Petit"), fold("Marie Martin"))})
    assert got["absents"] in (None, {fold("Marc Bernard")})


@pytest.mark.parametrize("roll, holder", [
    ("Mme Martine LEBRUN", "M. MARTIN"),        # a surname alone against a given name with « e » added
    ("Mme Jeanne MOREAU", "M. Jean MOREAU"),     # Jean and Jeanne MOREAU are two members
    ("Mme Danielle FAURE", "M. Daniel FAURE"),
    ("M. Louis GARNIER", "Mme Louise GARNIER"),
])
def test_a_holder_one_feminine_ending_away_from_a_member_present_is_not_that_member(roll, holder):
    text = (CHAIRED + f"Présents : M. Jean DUPONT, {roll}, M. Paul DURAND, Mme Claire ROUX.\nMembres en exercice : 7\n"
            f"Présents : 4\nReprésentés : 2\nPouvoirs :\n- Mme Sophie LEROY à {holder}\n- M. Luc PETIT à M. Paul DURAND\n"
            "Absent : M. Marc BERNARD\nSecrétaire de séance : Mme Claire ROUX.\nObjet : Budget primitif\n")
    assert read_names(text)["pouvoirs"] is None
    assert "mandataire absent" in rejected(text)["seance.pouvoirs"]


@pytest.mark.parametrize("holder", ["M. LEBRUN", "Mme Martine LEBRUN", "Mme LEBRUM"])
def test_the_same_holder_written_another_way_still_sits(holder):
    text = (CHAIRED + "Présents : M. Jean DUPONT, Mme Martine LEBRUN, M. Paul DURAND, Mme Claire ROUX.\n"
            "Membres en exercice : 7\nPrésents : 4\nReprésentés : 2\nPouvoirs :\n"
            f"- Mme Sophie LEROY à {holder}\n- M. Luc PETIT à M. Paul DURAND\n"
            "Absent : M. Marc BERNARD\nSecrétaire de séance : Mme Claire ROUX.\nObjet : Budget primitif\n")
    # The holder written by surname alone is given under the name the roll prints in full.
    assert read_names(text)["pouvoirs"] in ({(fold("Sophie LEROY"), fold(holder)), (fold("Luc PETIT"), fold("Paul DURAND"))},
                                            {(fold("Sophie LEROY"), fold("Martine LEBRUN")),
                                             (fold("Luc PETIT"), fold("Paul DURAND"))})


# Initials glued to the surname by a lost space (« C.BUZOS », « Ph.VINCENT », « JP.MARTIN »), in every
# list: the same person as « C. BUZOS ».
GLUED_INITIALS = [("M.", "B.", "BERNARD"), ("M.", "Ph.", "BERNARD"), ("M.", "JP.", "BERNARD"), ("M.", "M.", "BERNARD")]


@pytest.mark.parametrize("civility, initial, surname", GLUED_INITIALS)
@pytest.mark.parametrize("label", ["ABSENT :", "Absents :", "Absent excusé :", "Excusés :"])
@pytest.mark.parametrize("with_civility", [True, False])
def test_an_initial_glued_to_the_surname_is_read_right_or_declined(civility, initial, surname, label, with_civility):
    roll = "MM et Mmes J. DUPONT, M.MARTIN, P.DURAND, C.ROUX, Ph.LEGRAND"
    absent = (f"{civility} " if with_civility else "") + initial + surname
    text = (CHAIRED + f"PRESENTS : {roll}\n{label} {absent}\nSecrétaire de séance : C. ROUX\nObjet : Budget primitif\n")
    got = read_names(text)["absents"]
    # « M.BERNARD » is a civility glued, not an initial: the surname alone. A shortened given name keeps
    # its dot as printed (« Ph. BERNARD »), as an initial does.
    expected = fold(surname if initial == "M." else f"{initial} {surname}")
    assert got in (None, {expected})


def test_glued_initials_in_the_roll_read_every_member():
    text = (CHAIRED + "PRESENTS : MM et Mmes J. DUPONT, G. BELIN, C.BUZOS, S. VALLOIR, F.PEDURAND, C.DRILLEAUD, "
            "Ph. VINCENT, J. Ph. PROVOST\nABSENT : F.BAUDON\nSecrétaire de séance : C. BUZOS\nObjet : Budget primitif\n")
    seance = read_text(text)["seance"]
    assert {fold(n) for n in seance.get("absents", [])} == {fold("F. BAUDON")}
    present = [m["nom"] for m in seance.get("membres", []) if m.get("presence") == "present"]
    assert len(present) == 8


@pytest.mark.parametrize("label", ["Absents excusés", "Excusés", "Absents", "Etaient absents", "Absents et excusés",
                                   "Excusé(e)s", "ABSENTS", "Absents -"])
@pytest.mark.parametrize("style", ["Prénom NOM", "NOM Prénom", "sans civilité", "Monsieur Prénom NOM"])
def test_a_heading_of_the_absent_without_a_colon_is_read(label, style):
    text, expected = document(style=style, absent_label=label)
    assert read_names(text)["absents"] == expected["absents"]
    assert read_names(text)["pouvoirs"] == expected["pouvoirs"]


@pytest.mark.parametrize("prose", ["Les conseillers absents sont Mme Sophie LEROY et M. Marc BERNARD.",
                                   "Excusés pour leur retard, M. Marc BERNARD et Mme Sophie LEROY arrivent.",
                                   "Absents de la commune, M. Marc BERNARD et Mme Sophie LEROY ont écrit."])
def test_the_words_of_the_absent_in_prose_head_no_list(prose):
    text = (HEAD + prose + "\n" + TAIL)
    assert read_names(text)["absents"] is None


@pytest.mark.parametrize("mark", ["-ABSENT", " - ABSENT", "-ABSENTE", " – EXCUSÉ", " (Absent)", "/ABSENT"])
def test_a_mark_of_absence_after_a_name_in_the_roll_is_no_heading(mark):
    text = (CHAIRED + f"Etaient présents Saint-Ay Jean DUPONT Bou Marie MARTIN Ay Luc PETIT{mark} Cinq Mars Paul DURAND "
            "Noizay Claire ROUX\nSecrétaire de séance : Mme Claire ROUX.\nObjet : Budget primitif\n")
    assert read_names(text)["absents"] in (None, {fold("Luc PETIT")})


# A roll printed as a table and flattened column by column: all the names, then all their titles in
# the same order, then (sometimes) their communes. The first title names who presides.
TITLE_COLUMNS = {
    "président": "Président 1er Vice-Président 2ème Vice-Président Conseiller communautaire Conseillère communautaire",
    "présidente": "Présidente 1ère Vice-Présidente 2ème Vice-Président Membre du Bureau Conseiller communautaire",
    "maire": "Maire 1er adjoint 2ème adjointe Conseiller municipal Conseillère municipale",
    "premier": "Président Premier Vice-Président Deuxième Vice-Président Conseiller Conseillère",
}
ROLL_FIVE = [("Monsieur", "Jean", "DUPONT"), ("Madame", "Marie", "MARTIN"), ("Monsieur", "Paul", "DURAND"),
             ("Monsieur", "Luc", "PETIT"), ("Madame", "Claire", "ROUX")]


@pytest.mark.parametrize("column", sorted(TITLE_COLUMNS))
@pytest.mark.parametrize("style", ["Monsieur Prénom NOM", "Prénom NOM", "NOM Prénom"])
@pytest.mark.parametrize("heading", ["Etaient présents :", "Présents :", "Etaient présents"])
def test_the_first_of_a_flattened_column_of_titles_names_who_presides(column, style, heading):
    def name(person):
        civility, first, surname = person
        return {"Monsieur Prénom NOM": f"{civility} {first} {surname}", "Prénom NOM": f"{first} {surname}",
                "NOM Prénom": f"{surname} {first}"}[style]
    text = (OPENING.format(chair="") + f"{heading} " + " ".join(name(p) for p in ROLL_FIVE) + " "
            + TITLE_COLUMNS[column] + " Saint-Ay Bou Noizay Vouvray Montlouis\n"
            "Absent : Monsieur Marc BERNARD\nObjet : Budget primitif\n")
    assert read_names(text)["president"] in (None, fold("Jean DUPONT"))
    if style != "NOM Prénom":
        assert read_names(text)["president"] == fold("Jean DUPONT")


@pytest.mark.parametrize("between", ["Le quorum est atteint.", "Secrétaire de séance : Claire ROUX"])
def test_a_column_of_titles_after_other_words_names_no_president(between):
    text = (OPENING.format(chair="") + "Etaient présents : " + " ".join(f"{c} {f} {s}" for c, f, s in ROLL_FIVE)
            + f" {between} " + TITLE_COLUMNS["président"] + "\nObjet : Budget primitif\n")
    assert read_names(text)["president"] is None


def test_a_column_of_titles_that_opens_with_no_president_names_none():
    text = (OPENING.format(chair="") + "Etaient présents : " + " ".join(f"{c} {f} {s}" for c, f, s in ROLL_FIVE)
            + " 1er Vice-Président 2ème Vice-Président Conseiller Conseillère Conseiller\nObjet : Budget primitif\n")
    assert read_names(text)["president"] is None


# Absents spread over several statements that together make the set: lists of the excused, of the
# absent, of the absent not represented, and sentences naming one member (« M. X est excusé. »).
SCATTERED = {
    "listes": ("Excusés : M. Marc BERNARD, Mme Sophie LEROY (pouvoir à M. Paul DURAND).\nAbsents : M. Hervé BLANC.\n"),
    "non représentés": ("Absents excusés : Mme Sophie LEROY (pouvoir à M. Paul DURAND), M. Marc BERNARD.\n"
                        "Absents non représentés : M. Hervé BLANC.\n"),
    "phrase est excusé": ("Absents excusés : Mme Sophie LEROY qui a donné pouvoir à M. Paul DURAND. M. Marc BERNARD est "
                          "excusé. Absent : M. Hervé BLANC.\n"),
    "phrase sont absents": "Pouvoir : Mme Sophie LEROY à M. Paul DURAND. M. Marc BERNARD et M. Hervé BLANC sont absents.\n",
    "phrase était absent": ("Excusés : M. Marc BERNARD, Mme Sophie LEROY (pouvoir à M. Paul DURAND).\n"
                            "M. Hervé BLANC était absent.\n"),
    "sans pouvoir": ("Absents ayant donné pouvoir : Mme Sophie LEROY à M. Paul DURAND\n"
                     "Absents sans pouvoir : M. Marc BERNARD, M. Hervé BLANC\n"),
    "non excusé": "Excusé : M. Marc BERNARD\nNon excusé : M. Hervé BLANC\nPouvoir : Mme Sophie LEROY à M. Paul DURAND\n",
    "trois listes": ("Absents excusés ayant donné pouvoir : Mme Sophie LEROY à M. Paul DURAND.\nAbsents excusés : "
                     "M. Marc BERNARD.\nAbsents : M. Hervé BLANC.\n"),
}
SCATTER_ROLL = "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, Mme Claire ROUX.\n"


@pytest.mark.parametrize("form", sorted(SCATTERED))
@pytest.mark.parametrize("counts", ["", "Membres en exercice : 7\nPrésents : 4\nReprésentés : 1\nVotants : 5\n"])
def test_absents_spread_over_several_statements_make_one_set(form, counts):
    text = (CHAIRED + counts + SCATTER_ROLL + SCATTERED[form] + "Secrétaire de séance : Mme Claire ROUX.\n"
            "Objet : Budget primitif\n")
    got = read_names(text)
    assert got["absents"] == {fold("Marc BERNARD"), fold("Hervé BLANC")}
    assert got["pouvoirs"] == {(fold("Sophie LEROY"), fold("Paul DURAND"))}


@pytest.mark.parametrize("sentence", ["M. Hervé BLANC est absent à partir du point 3.",
                                      "M. Hervé BLANC s'est absenté pour la délibération n° 4.",
                                      "M. Hervé BLANC est excusé pour le point 2."])
def test_an_absence_for_part_of_the_meeting_stated_apart_is_no_absent_at_the_opening(sentence):
    text = (CHAIRED + "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND, Mme Claire ROUX, M. Hervé BLANC.\n"
            "Excusés : M. Marc BERNARD, Mme Sophie LEROY (pouvoir à M. Paul DURAND).\n" + sentence
            + "\nSecrétaire de séance : Mme Claire ROUX.\nObjet : Budget primitif\n")
    assert read_names(text)["absents"] in (None, {fold("Marc BERNARD")})


# One plural civility before a run of surnames goes with each of them.
@pytest.mark.parametrize("absent, expected", [
    ("Messieurs BERNARD et BLANC", {"bernard", "blanc"}),
    ("MM. BERNARD, BLANC et MOREL", {"bernard", "blanc", "morel"}),
    ("Mmes LEROY et MOREL", {"leroy", "morel"}),
    ("Mesdames LEROY, MOREL", {"leroy", "morel"}),
    ("Messieurs BERNARD et Hervé BLANC", {"bernard", fold("Hervé BLANC")}),
])
@pytest.mark.parametrize("label", ["Absents :", "Absent :", "Excusés :", "Absents excusés"])
def test_a_plural_civility_goes_with_each_surname_of_its_run(absent, expected, label):
    text = (CHAIRED + "Présents : Messieurs DUPONT, DURAND, PETIT, Mesdames MARTIN, ROUX.\n"
            f"{label} {absent}\nPouvoirs : Mme ULIVI à M. DURAND\nSecrétaire de séance : Mme ROUX.\nObjet : Budget\n")
    got = read_names(text)
    assert got["absents"] == expected
    assert got["pouvoirs"] == {("ulivi", "durand")}


@pytest.mark.parametrize("statement", ["Mlle Isabelle DENIS a été élue secrétaire de séance.",
                                       "Mme Claire ROUX a été désignée secrétaire de séance.",
                                       "M. Paul DURAND a quitté la séance à 21 h."])
@pytest.mark.parametrize("proxies", ["Pouvoirs: Mme ULIVI à M. DUPONT, Mme FRANCESCAT à Mme MARTIN",
                                     "Procurations : Mme ULIVI a M. DUPONT, Mme FRANCESCAT a Mme MARTIN"])
def test_a_sentence_run_into_a_list_of_proxies_is_no_pair(statement, proxies):
    text = (CHAIRED + "Présents : Messieurs DUPONT, DURAND, PETIT, Mesdames MARTIN, ROUX, DENIS.\n"
            f"{proxies}\n{statement}\nObjet : Budget primitif\n")
    assert read_names(text)["pouvoirs"] == {("ulivi", "dupont"), ("francescat", "martin")}


@pytest.mark.parametrize("joiner", [" ; ", " / ", ", ", " et "])
@pytest.mark.parametrize("label", ["Secrétaires de séance :", "Secrétaire(s) de séance :", "Secrétaires :"])
def test_two_secretaries_under_a_plural_label_are_both_read(joiner, label):
    text = (CHAIRED + ROLL + f"{label} Mme Claire ROUX{joiner}M. Paul DURAND\nObjet : Budget primitif\n")
    assert read_names(text)["secretaires"] == {fold("Claire ROUX"), fold("Paul DURAND")}


@pytest.mark.parametrize("after", [" ; Présidente : Mme Marie MARTIN", " / Travaux de voirie"])
def test_what_follows_a_singular_secretary_is_no_second_one(after):
    text = CHAIRED + ROLL + f"Secrétaire de séance : Mme Claire ROUX{after}\nObjet : Budget primitif\n"
    assert read_names(text)["secretaires"] == {fold("Claire ROUX")}


# A member of the roll with a long remark on a proxy for part of the meeting, in brackets: the roll
# goes on after it, and that member sat (his proxy covers later items, or part of them).
PART_PROXIES = [
    "(a donné procuration à Paul DURAND en début de séance jusqu'au point 1 inclus, puis à compter du point 79)",
    "(a donné procuration à Paul DURAND à compter du point 12 et jusqu'à la fin de la séance)",
    "(présente en début de séance, a donné procuration à Paul DURAND à compter du point 1)",
    "(a donné pouvoir à Paul DURAND pour la dernière motion de la séance du jour)",
]


@pytest.mark.parametrize("remark", PART_PROXIES)
@pytest.mark.parametrize("place", [1, 3])
def test_a_long_remark_on_a_partial_proxy_in_the_roll_neither_cuts_it_nor_makes_a_pair(remark, place):
    members = ["Jean DUPONT", "Marie MARTIN", "Paul DURAND", "Claire ROUX", "Luc PETIT", "Anne MOINET", "Hervé BLANC"]
    roll = ", ".join(m + (f" {remark}" if i == place else "") for i, m in enumerate(members))
    text = (CHAIRED + f"Présents : {roll}.\nEtaient absents et excusés : Sophie LEROY (a donné "
            "procuration à Anne MOINET), Marc BERNARD.\nObjet : Budget primitif\n")
    seance = read_text(text)["seance"]
    got = read_names(text)
    assert got["pouvoirs"] == {(fold("Sophie LEROY"), fold("Anne MOINET"))}
    assert got["absents"] == {fold("Marc BERNARD")}
    present = [m["nom"] for m in seance.get("membres", []) if m.get("presence") == "present"]
    assert {fold(n) for n in present} == {fold(m) for m in members}


# A roll-call table flattened by extraction: a header row of presence words, then one row per member
# with a mark (« X », « P », « A », « E ») or a holder. The marks' columns are lost: nothing may be read
# wrong from it, and the header row heads no list (the president and secretary stated elsewhere stand).
TABLE_HEADERS = ["Nom Présent Absent Excusé Pouvoir à", "Présents Absents Excusés Procurations",
                 "NOM Prénom PRESENT ABSENT EXCUSE POUVOIR A", "Nom / Présent / Absent excusé / Pouvoir donné à",
                 "Membres Présent(e) Absent(e) Représenté(e) par"]
TABLE_ROWS = {
    "X": ["Jean DUPONT X", "Marie MARTIN X", "Paul DURAND X", "Claire ROUX X", "Sophie LEROY X Paul DURAND",
          "Marc BERNARD X"],
    "lettres": ["DUPONT Jean P", "MARTIN Marie P", "DURAND Paul P", "ROUX Claire P", "LEROY Sophie E DURAND Paul",
                "BERNARD Marc A"],
    "civilités": ["M. Jean DUPONT X", "Mme Marie MARTIN X", "M. Paul DURAND X", "Mme Claire ROUX X",
                  "Mme Sophie LEROY X M. Paul DURAND", "M. Marc BERNARD X"],
}


@pytest.mark.parametrize("header", TABLE_HEADERS)
@pytest.mark.parametrize("rows", sorted(TABLE_ROWS))
@pytest.mark.parametrize("joiner", ["\n", " "])
def test_a_flattened_roll_call_table_is_read_right_or_declined(header, rows, joiner):
    text = (CHAIRED + header + "\n" + joiner.join(TABLE_ROWS[rows]) + "\nSecrétaire de séance : Mme Claire ROUX.\n"
            "Objet : Budget primitif\n")
    got = read_names(text)
    assert got["pouvoirs"] in (None, {(fold("Sophie LEROY"), fold("Paul DURAND"))})
    assert got["absents"] in (None, {fold("Marc BERNARD")})
    assert got["president"] == fold("Jean DUPONT")
    assert got["secretaires"] == {fold("Claire ROUX")}


# Two columns side by side, each with its heading: extraction prints both headings, then the lines of
# both lists interleaved. Neither list can be told apart; what the text states elsewhere stands.
SIDE_BY_SIDE = ["Présents : Absents excusés :", "Etaient présents : Etaient absents :", "PRESENTS : EXCUSES :",
                "Présents : | Absents : |", "Présents :\tPouvoirs :"]


@pytest.mark.parametrize("headings", SIDE_BY_SIDE)
@pytest.mark.parametrize("counts", ["", "Membres en exercice : 7\nPrésents : 4\nVotants : 5\n"])
def test_the_lists_of_two_columns_side_by_side_are_read_right_or_declined(headings, counts):
    text = (CHAIRED + counts + headings + "\nM. Jean DUPONT Mme Sophie LEROY (pouvoir à M. Paul DURAND)\n"
            "Mme Marie MARTIN M. Marc BERNARD\nM. Paul DURAND\nMme Claire ROUX\nSecrétaire de séance : Mme Claire ROUX.\n"
            "Objet : Budget primitif\n")
    got = read_names(text)
    assert got["pouvoirs"] in (None, {(fold("Sophie LEROY"), fold("Paul DURAND"))})
    assert got["absents"] in (None, {fold("Marc BERNARD")})
    assert got["president"] == fold("Jean DUPONT")
    assert got["secretaires"] == {fold("Claire ROUX")}
