"""Attendance and vote facts read from deliberation texts, phrasing by phrasing (issue 11).

Every sentence here is written for the test (none comes from the validation texts); each checks
what a careful reader takes from it, and, where the text is ambiguous, that the reader abstains
rather than guesses. The properties at the end: the reader never crashes on arbitrary text, and
what it returns always passes its own cross-checks.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reader_support import schema_errors, value

from checker.confiance import SEUIL
from checker.reader import read_text
from checker.reader.counts import read_counts
from checker.reader.normalize import Document

HEAD = ("Commune de Saint-Exemple. Extrait du registre des délibérations du conseil municipal. "
        "L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal s'est réuni à la mairie. ")
PRESENT_SIX = "Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT, Luc MOREAU, Éric BLANC. "


def seance(body: str) -> dict:
    return read_text(HEAD + body)["seance"]


def counts(body: str) -> dict:
    return {field: count.value for field, count in read_counts(Document(HEAD + body)).items()}


def pairs(record_seance: dict) -> set:
    return {(p["mandant"], p["mandataire"]) for p in record_seance.get("pouvoirs", [])}


def rejected(record: dict) -> dict:
    return {entry["champ"]: entry["raison"] for entry in record.get("lecture", {}).get("rejetees", [])}


@pytest.mark.parametrize("passage, expected", [
    ("Nombre de délégués en exercice : 61 Présents en séance : 51 Absents ayant donné pouvoir 4",
     {"membres_en_exercice": 61, "presents": 51, "representes": 4}),
    ("Le nombre des conseillers municipaux en exercice est de 35.", {"membres_en_exercice": 35}),
    ("Nombre de présents à l'ouverture de la séance : 26. Nombre de votants : 29.", {"presents": 26, "votants": 29}),
    ("Nombre de conseillers présents ; 27 Nombre de conseillers votants ; 38", {"presents": 27, "votants": 38}),
    ("Présents : membres (18/27)", {"presents": 18, "membres_en_exercice": 27}),
    ("Membres en exercice 15 Membres présents 9 Procurations 2", {"membres_en_exercice": 15, "presents": 9,
                                                                  "representes": 2}),
    # Counts per item range: the first value of each row is the opening's.
    ("Présents : 43 43 42 42 Absents : 2 3 2 3 Pouvoirs : 10 9 10 10", {"presents": 43, "representes": 10,
                                                                       "absents": 2}),
])
def test_count_phrasings(passage, expected):
    found = counts(passage)
    assert {field: found.get(field) for field in expected} == expected


def test_a_day_of_a_date_is_not_a_count():
    # A flattened table whose first value is the convocation date: « 7 » is a day, not the voters.
    found = counts("Convocation envoyée le Nombre de votants 7 FEVRIER 2020 40 26 3 29")
    assert found.get("votants") != 7


def test_a_row_of_values_does_not_lend_its_last_value_to_the_next_label():
    found = counts("Absents : 2 3 2 3 4 3 Pouvoirs : 10 9 10 10 9 10")
    assert found["representes"] == 10


@pytest.mark.parametrize("header, connector", [
    ("Excusés représentés :", "représenté par"),
    ("Représentés :", "par"),
    ("Étaient excusés et avaient donné pouvoir de voter en leur nom :", "à"),
    ("Absents ayant donné procuration :", "procuration à"),
])
def test_proxy_headers(header, connector):
    s = seance("Membres en exercice : 9. Présents : 6. Votants : 8. " + PRESENT_SIX
               + f"{header} M. Louis GARNIER {connector} M. Jean DUPONT, Mme Claire ROUX {connector} "
                 "Mme Marie MARTIN. Absent : Hugo FAURE. Objet : Budget.")
    assert pairs(s) == {("Louis GARNIER", "Jean DUPONT"), ("Claire ROUX", "Marie MARTIN")}
    assert value(s["representes"]) == 2


def test_holder_in_brackets_under_the_excused():
    s = seance("En exercice : 15. Présents : 13. Votants : 15. Absents excusés : Marie Durand (Paul Martin), "
               "Anne PETIT (Luc MOREAU). Objet : Budget.")
    assert pairs(s) == {("Marie Durand", "Paul Martin"), ("Anne PETIT", "Luc MOREAU")}


def test_a_remark_in_brackets_is_no_holder():
    s = seance("En exercice : 15. Présents : 13. Votants : 13. Absents excusés : Marie DURAND (maire adjointe), "
               "Anne PETIT (arrivée à 20h). Objet : Budget.")
    assert "pouvoirs" not in s


@pytest.mark.parametrize("opening", ["Tous présents sauf", "Tous les membres étaient présents sauf",
                                     "Tous les conseillers en exercice étaient présents ou représentés à "
                                     "l'exception de"])
def test_all_present_but_some(opening):
    s = seance(f"Membres en exercice : 15. {opening} Paul DURAND (pouvoir à Jean DUPONT) et Anne PETIT. "
               "Objet : Budget.")
    # Present = in office − represented − absent: 15 − 1 − 1, never the names after « sauf ».
    assert value(s["presents"]) == 13
    assert pairs(s) == {("Paul DURAND", "Jean DUPONT")}
    assert s["absents"] == ["Anne PETIT"]
    assert not any(m.get("presence") == "present" for m in s.get("membres", []))


def test_voters_less_present_is_the_number_represented():
    s = seance("En exercice : 35 - Présents : 25 - Votants : 33. Objet : Budget.")
    assert value(s["representes"]) == 8
    assert s["representes"]["source"].startswith("calculé : votants (33) − présents (25)")


def test_a_printed_number_of_absents_confirms_their_names():
    s = seance(PRESENT_SIX + "Absents : 2. Absents : Hugo FAURE, Lise ROUX. Objet : Budget.")
    assert s["absents"] == ["Hugo FAURE", "Lise ROUX"]
    wrong = read_text(HEAD + PRESENT_SIX + "Absents : 3. Absents : Hugo FAURE, Lise ROUX. Objet : Budget.")
    assert "absents" not in wrong["seance"] and "seance.absents" in rejected(wrong)


def test_a_quoted_quorum_figure_is_no_count_of_those_present():
    # « la condition de quorum est de 18 membres présents » is the threshold, not the attendance.
    record = read_text(HEAD + "Le nombre des conseillers en exercice est de 35 (la condition de quorum est de 18 "
                              "membres présents). Objet : Budget.")
    assert value(record["seance"].get("presents")) != 18


def test_the_first_attendance_list_is_the_meetings_own():
    s = seance("Membres en exercice : 9. Présents : 6. Votants : 7. " + PRESENT_SIX
               + "Pouvoirs : Louis GARNIER à Jean DUPONT. Objet : approbation du procès-verbal de la séance du "
                 "12 novembre 2023. Étaient présents : Hugo FAURE, Lise ROUX. Pouvoirs : Zoé LEROY à Hugo FAURE.")
    assert pairs(s) == {("Louis GARNIER", "Jean DUPONT")}


@pytest.mark.parametrize("decision, expected", [
    ("Adopté par 20 voix pour, 3 contre et 2 abstentions.", {"pour": 20, "contre": 3, "abstentions": 2}),
    ("POUR : 14 CONTRE : 1 ABSTENTION : 0", {"pour": 14, "contre": 1, "abstentions": 0}),
    ("Le conseil rejette la proposition par 5 voix pour et 12 contre.", {"pour": 5, "contre": 12}),
    ("Vote : 18 pour, 2 ne prenant pas part au vote.", {"pour": 18, "ne_prenant_pas_part": 2}),
])
def test_explicit_vote_counts(decision, expected):
    record = read_text(HEAD + "Membres en exercice : 27. Présents : 25. Objet : Budget. " + decision)
    vote = record["deliberations"][0]["vote"]
    assert {key: value(vote.get(key)) for key in expected} == expected
    assert value(vote.get("unanimite")) is not True


# Properties: any text, any attendance sentence built from pieces.

NAMES = ["Jean DUPONT", "Marie MARTIN", "Paul DURAND", "Anne PETIT", "Luc MOREAU", "Éric BLANC", "Hugo FAURE",
         "Lise ROUX", "Yves GARNIER", "Zoé LEROY"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=600))
def test_the_reader_never_crashes_on_arbitrary_text(text):
    try:
        record = read_text(HEAD + text)
    except Exception as error:  # noqa: BLE001 - only the French input error is allowed
        from checker.errors import InputError
        assert isinstance(error, InputError)
        return
    assert schema_errors(record) == []


def _cross_checked(record: dict) -> None:
    s = record["seance"]
    number = {k: value(s.get(k)) for k in ("membres_en_exercice", "presents", "representes", "votants")}
    office, present, represented, voters = (number[k] if isinstance(number[k], int) else None for k in
                                            ("membres_en_exercice", "presents", "representes", "votants"))
    if office is not None and present is not None:
        assert present <= office
    if None not in (office, present, represented):
        assert present + represented <= office
    if None not in (present, represented, voters):
        assert voters <= present + represented
    printed_represented = s.get("representes")
    if s.get("pouvoirs") and isinstance(printed_represented, dict) and not str(
            printed_represented.get("source", "")).startswith("compté"):
        assert len(s["pouvoirs"]) == printed_represented["valeur"]
    confidences = record.get("lecture", {}).get("confiances", {})
    for listed in ("seance.pouvoirs", "seance.absents"):
        if listed in confidences:
            assert confidences[listed] < SEUIL


@settings(max_examples=80, deadline=None)
@given(office=st.integers(0, 40), present=st.integers(0, 45), represented=st.integers(0, 10),
       voters=st.integers(0, 50), givers=st.lists(st.sampled_from(NAMES), max_size=4, unique=True),
       shape=st.sampled_from(["Membres en exercice : {o}. Présents : {p}. Pouvoirs : {r}. Votants : {v}. ",
                              "Présents : membres ({p}/{o}). Votants : {v}. ",
                              "En exercice {o} Présents {p} Procurations {r} ",
                              "{o} {p} {r} {v} Nombre de conseillers en exercice Présents Procurations Votants "]))
def test_what_the_reader_returns_passes_its_own_cross_checks(office, present, represented, voters, givers, shape):
    holders = [n for n in NAMES if n not in givers][:len(givers)]
    proxies = " ".join(f"{g} pouvoir à {h}," for g, h in zip(givers, holders))
    text = HEAD + shape.format(o=office, p=present, r=represented, v=voters) + (
        f"Pouvoirs : {proxies} " if proxies else "") + "Objet : Budget. Adopté à l'unanimité."
    record = read_text(text)
    assert schema_errors(record) == []
    _cross_checked(record)


def test_present_or_represented_together_is_not_the_number_represented():
    found = counts("Nombre de présents : 21. Nombre de présents ou représentés : 25.")
    assert found["presents"] == 21 and found["representes"] == 4
    alone = counts("Présents et représentés : 25.")
    assert "representes" not in alone


def test_a_proxy_from_a_later_item_is_not_one_of_the_openings():
    s = seance("En exercice : 9. Présents : 7. Pouvoirs : 1. Votants : 8. Étaient présents : Jean DUPONT, "
               "Marie MARTIN (a donné procuration à Paul DURAND à compter du point 3), Paul DURAND, Anne PETIT, "
               "Luc MOREAU, Éric BLANC, Hugo FAURE. Pouvoirs : Louis GARNIER à Jean DUPONT. Objet : Budget.")
    assert pairs(s) == {("Louis GARNIER", "Jean DUPONT")}
    assert value(s["representes"]) == 1
    until = seance("En exercice : 9. Présents : 6. Pouvoirs : 1. Votants : 7. " + PRESENT_SIX
                   + "Pouvoirs : Louis GARNIER à Jean DUPONT jusqu'au point 2. Objet : Budget.")
    assert pairs(until) == {("Louis GARNIER", "Jean DUPONT")}
