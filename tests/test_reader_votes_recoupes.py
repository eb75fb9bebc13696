"""A vote's counts checked against the attendance, and the votes that are not the act's own.

Invented texts only (no corpus text): each test states a reading the law or the shape of a vote
imposes (L2121-20: each member present or represented votes once on an item).
"""
import pytest
from hypothesis import given, strategies as st

from checker.reader import read_text
from checker.reader.normalize import Document
from checker.reader.vote_checks import REORIENTED, UNCONFIRMED, check_votes
from checker.reader.votes import other_orientations, read_vote
from checker.confiance import SEUIL

_MINUTES = """COMMUNE DE SAINT-EXEMPLE
Séance du conseil municipal du 12 mars 2024
L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal de la commune de Saint-Exemple, \
dûment convoqué le 5 mars 2024, s'est réuni en séance publique sous la présidence de M. Jean MARTIN, maire.
Membres en exercice : 15 - Présents : 12 - Représentés : 2 - Votants : 14
Secrétaire de séance : Mme Claire DURAND
Délibération n° 2024-01 - Objet : Tarifs de la cantine scolaire
Le maire présente les tarifs. Après en avoir délibéré, le conseil municipal adopte les tarifs par {vote}.
"""


def _read(vote: str) -> dict:
    return read_text(_MINUTES.format(vote=vote), "invente.txt")


def _vote(text: str) -> dict:
    doc = Document(text)
    return read_vote(doc, 0, len(doc.text)).facts


def test_counts_that_make_up_the_votants_are_cross_checked():
    record = _read("12 voix pour, 1 voix contre et 1 abstention")
    vote = record["deliberations"][0]["vote"]
    assert {k: vote[k]["valeur"] for k in ("pour", "contre", "abstentions")} == {"pour": 12, "contre": 1,
                                                                                 "abstentions": 1}
    assert all(vote[k]["confiance"] == 0.85 for k in ("pour", "contre", "abstentions"))
    assert "recoupé : pour (12) + contre (1) + abstentions (1) = votants (14)" in vote["pour"]["source"]


def test_counts_nothing_confirms_stay_below_the_gate():
    # 12 votes where 14 could vote: someone left the room, or the counts are another vote's.
    record = _read("11 voix pour et 1 voix contre")
    vote = record["deliberations"][0]["vote"]
    assert vote["pour"]["valeur"] == 11 and vote["contre"]["valeur"] == 1
    assert vote["pour"]["confiance"] == vote["contre"]["confiance"] == UNCONFIRMED < SEUIL
    assert "recoupé" not in vote["pour"]["source"]


def test_more_votes_than_members_in_office_are_not_read_and_say_why():
    record = _read("14 voix pour, 8 voix contre et 1 abstention")
    vote = record["deliberations"][0].get("vote", {})
    assert not {"pour", "contre", "abstentions"} & set(vote)
    [entry] = [e for e in record["lecture"]["rejetees"] if e["champ"] == "deliberations[0].vote"]
    assert entry["valeur"] == {"pour": 14, "contre": 8, "abstentions": 1}
    assert "plus que les 15 membres en exercice" in entry["raison"]


def test_a_misread_vote_does_not_set_aside_the_attendance():
    record = _read("14 voix pour, 8 voix contre et 1 abstention")
    assert record["seance"]["presents"]["valeur"] == 12
    assert not any(e["champ"].startswith("seance.") for e in record.get("lecture", {}).get("rejetees", []))


def _record(vote: dict, **seance) -> dict:
    facts = {key: {"valeur": value, "source": "s", "confiance": 0.85} for key, value in vote.items()}
    return {"seance": {key: {"valeur": value, "source": "s", "confiance": 0.9} for key, value in seance.items()},
            "deliberations": [{"vote": facts}]}


def test_a_unanimity_drawn_from_counts_goes_with_them_a_written_one_stays():
    drawn = _record({"pour": 30, "contre": 0, "abstentions": 0}, membres_en_exercice=15)
    drawn["deliberations"][0]["vote"]["unanimite"] = {"valeur": True, "source": "Pour : 30 Contre : 0",
                                                     "confiance": 0.85}
    check_votes(drawn)
    assert drawn["deliberations"][0]["vote"] == {}
    written = _record({"pour": 30}, membres_en_exercice=15)
    written["deliberations"][0]["vote"]["unanimite"] = {"valeur": True, "source": "à l'unanimité (30 voix)",
                                                       "confiance": 0.85}
    check_votes(written)
    assert set(written["deliberations"][0]["vote"]) == {"unanimite"}


def test_an_acts_own_attendance_checks_its_vote():
    # Two members left before this item: 12 votes make up the item's own votants.
    record = _record({"pour": 11, "contre": 1}, presents=12, representes=2, votants=14)
    record["deliberations"][0]["votants"] = {"valeur": 12, "source": "Votants : 12", "confiance": 0.85}
    check_votes(record)
    assert record["deliberations"][0]["vote"]["pour"]["confiance"] == 0.85
    assert "= votants (12)" in record["deliberations"][0]["vote"]["pour"]["source"]


def test_those_not_taking_part_count_with_the_members_present():
    record = _record({"pour": 10, "contre": 1, "ne_prenant_pas_part": 1}, presents=10, representes=2, votants=12)
    check_votes(record)
    assert "présents (10) + représentés (2)" in record["deliberations"][0]["vote"]["pour"]["source"]


def test_no_attendance_read_leaves_the_counts_below_the_gate():
    record = _record({"pour": 10, "contre": 1})
    check_votes(record)
    assert record["deliberations"][0]["vote"]["pour"]["confiance"] == UNCONFIRMED


@pytest.mark.parametrize("text", [
    "Le bureau communautaire a émis un avis favorable à l'unanimité. Le conseil, après en avoir délibéré, "
    "approuve la convention.",
    "Le conseil d'exploitation, réuni le 3 mars, a rendu un avis favorable à l'unanimité. Après en avoir "
    "délibéré, le conseil approuve le tarif.",
    "Par délibération du 12 mars 2020 adoptée à l'unanimité, le conseil a créé le service. Après en avoir "
    "délibéré, le conseil fixe les tarifs.",
])
def test_a_vote_another_body_cast_or_an_earlier_one_is_not_the_acts(text):
    assert "unanimite" not in _vote(text)


def test_the_councils_own_vote_after_another_bodys_is_read():
    facts = _vote("Le bureau a émis un avis favorable à l'unanimité. Après en avoir délibéré, le conseil "
                  "approuve la convention par 20 voix pour et 3 voix contre.")
    assert (facts["pour"], facts["contre"], facts["unanimite"]) == (20, 3, False)


def test_an_amendments_vote_is_not_the_acts():
    facts = _vote("L'amendement n° 2 est adopté par 10 voix pour et 8 contre. Après en avoir délibéré, le "
                  "conseil approuve le budget amendé à l'unanimité.")
    assert facts.get("unanimite") is True
    assert "pour" not in facts and "contre" not in facts


def test_a_vote_without_amendment_is_the_acts():
    facts = _vote("Le budget, sans amendement, est adopté par 18 voix pour et 2 voix contre.")
    assert (facts["pour"], facts["contre"]) == (18, 2)


@pytest.mark.parametrize("text", ["Après en avoir délibéré, le conseil municipal, unanimement, approuve la convention.",
                                  "Le conseil municipal approuve unanimement la convention."])
def test_unanimement_is_a_unanimity(text):
    assert _vote(text)["unanimite"] is True


@pytest.mark.parametrize("text, expected", [
    # A figure-first run: the 0 before « voix contre » is that side's, not the count for of « 25 voix contre 2 ».
    ("Le conseil adopte par 12 voix pour 0 voix contre 0 abstention.", {"pour": 12, "contre": 0, "abstentions": 0}),
    # A side-first run whose last side is left blank: each side takes the figure after it.
    ("Pour 12 Contre 1 Abstention", {"pour": 12, "contre": 1}),
    ("POUR : 12 CONTRE 0 ABSTENTION 0", {"pour": 12, "contre": 0, "abstentions": 0}),
    ("13 votes pour 1 abstention 4/ Rapport du syndicat des eaux", {"pour": 13, "abstentions": 1}),
    ("Vote : 14 voix pour 1 contre 0 abstention", {"pour": 14, "contre": 1, "abstentions": 0}),
    ("Pour - 12 Contre - 1 Abstention - 0", {"pour": 12, "contre": 1, "abstentions": 0}),
])
def test_each_side_takes_its_own_figure(text, expected):
    facts = _vote(text)
    assert {k: facts[k] for k in ("pour", "contre", "abstentions") if k in facts} == expected


def test_counts_against_a_written_unanimity_are_set_aside_with_why():
    text = _MINUTES.format(vote="12 voix pour").replace(
        "adopte les tarifs par 12 voix pour.", "à l'unanimité, adopte les tarifs. Pour : 12 Contre : 2 Abstention : 0")
    record = read_text(text, "invente.txt")
    vote = record["deliberations"][0]["vote"]
    assert vote["unanimite"]["valeur"] is True and not {"pour", "contre", "abstentions"} & set(vote)
    [entry] = [e for e in record["lecture"]["rejetees"] if e["champ"] == "deliberations[0].vote"]
    assert entry["valeur"] == {"pour": 12, "contre": 2, "abstentions": 0}
    assert "« à l'unanimité » et pour 12, contre 2" in entry["raison"]


_COUNT = st.one_of(st.none(), st.integers(0, 120))


@given(sides=st.fixed_dictionaries({}, optional={k: st.integers(0, 80) for k in
                                                 ("pour", "contre", "abstentions", "ne_prenant_pas_part")}),
       office=_COUNT, present=_COUNT, represented=_COUNT, voters=_COUNT)
def test_no_vote_kept_has_more_voices_than_members_in_office(sides, office, present, represented, voters):
    seance = {k: v for k, v in (("membres_en_exercice", office), ("presents", present), ("representes", represented),
                                ("votants", voters)) if v is not None}
    record = _record(sides, **seance)
    check_votes(record)
    vote = record["deliberations"][0]["vote"]
    kept = {k: fact["valeur"] for k, fact in vote.items() if isinstance(fact, dict)}
    if office is not None:
        assert sum(kept.values()) <= office
    assert set(kept) <= set(sides)
    for fact in vote.values():
        confirmed = "recoupé" in fact["source"]
        assert fact["confiance"] == (0.85 if confirmed else UNCONFIRMED)
    if kept != sides:
        assert kept == {} and record["lecture"]["rejetees"][0]["valeur"] == sides


_TABLE = _MINUTES.replace("Le maire présente les tarifs. Après en avoir délibéré, le conseil municipal adopte les tarifs "
                          "par {vote}.", "Le maire présente les tarifs.\nVOTE : {vote}\nLe conseil municipal adopte "
                          "les tarifs.")


def _table(vote: str, votants: int = 14) -> dict:
    return read_text(_TABLE.replace("Votants : 14", f"Votants : {votants}").format(vote=vote), "invente.txt")


def test_every_votant_for_is_a_unanimity_the_text_does_not_write():
    # « Contre : » and « Abstention : » left blank, 14 for out of 14 votants: nobody can have voted
    # against or abstained.
    vote = _table("Pour : 14 Contre : Abstention :")["deliberations"][0]["vote"]
    assert vote["pour"]["valeur"] == 14 and "contre" not in vote and "abstentions" not in vote
    assert vote["unanimite"]["valeur"] is True
    assert vote["unanimite"]["confiance"] < vote["pour"]["confiance"] < SEUIL
    assert "recoupé : pour (14) = votants (14)" in vote["unanimite"]["source"]


def test_fewer_votes_for_than_votants_say_nothing_of_unanimity():
    # 13 for out of 14 votants, the other sides blank: a member left the room, or voted against.
    vote = _table("Pour : 13 Contre : Abstention :")["deliberations"][0]["vote"]
    assert vote["pour"]["valeur"] == 13
    assert "unanimite" not in vote


def test_votes_for_that_make_up_present_and_represented_are_a_unanimity():
    record = _record({"pour": 14}, presents=12, representes=2)
    record["deliberations"][0]["vote"]["pour"]["source"] = "POUR : 14 CONTRE : ABSTENTIONS :"
    check_votes(record)
    unanimity = record["deliberations"][0]["vote"]["unanimite"]
    assert unanimity["valeur"] is True
    assert "présents (12) + représentés (2)" in unanimity["source"]


def test_a_written_majority_is_not_overridden_by_the_count():
    record = _record({"pour": 14}, votants=14)
    record["deliberations"][0]["vote"]["unanimite"] = {"valeur": False, "source": "à la majorité", "confiance": 0.85}
    check_votes(record)
    assert record["deliberations"][0]["vote"]["unanimite"]["valeur"] is False


@pytest.mark.parametrize("vote", ["14 voix pour", "la majorité par 14 voix pour"])
def test_votes_for_alone_without_the_blank_sides_are_left_as_written(vote):
    # « 14 voix pour » does not print the other sides; « à la majorité » says the council was not unanimous.
    vote = _read(vote)["deliberations"][0]["vote"]
    assert vote["pour"]["valeur"] == 14
    assert vote.get("unanimite", {}).get("valeur") is not True


_RUN = """COMMUNE DE SAINT-EXEMPLE
Séance du conseil municipal du 12 mars 2024
L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal de la commune de Saint-Exemple, \
dûment convoqué le 5 mars 2024, s'est réuni en séance publique sous la présidence de M. Jean MARTIN, maire.
Membres en exercice : 23 - Présents : 19 - Représentés : 2 - Votants : 21
Secrétaire de séance : Mme Claire DURAND
Délibération n° 2024-01 - Objet : Tarifs de la cantine scolaire
Le maire présente les tarifs. Après en avoir délibéré, le conseil municipal adopte les tarifs.
{vote}
"""


def _run(vote: str) -> dict:
    return read_text(_RUN.format(vote=vote), "invente.txt")


def _sides(record: dict) -> dict:
    vote = record["deliberations"][0].get("vote", {})
    return {key: vote[key]["valeur"] for key in ("pour", "contre", "abstentions") if key in vote}


@pytest.mark.parametrize("vote, sides", [
    # A page's number before a side-first run: figure first, 4 + 21 + 0 = 25 votes for 23 members in office.
    ("4 POUR 21 CONTRE 0 ABSTENTION 0", {"pour": 21, "contre": 0, "abstentions": 0}),
    # Figure first, 3 + 18 + 2 = 23 for 21 votants; side first, 18 + 2 + 1 = 21.
    ("3 Pour 18 Contre 2 Abstention 1", {"pour": 18, "contre": 2, "abstentions": 1}),
])
def test_the_orientation_of_a_run_is_the_one_the_votants_confirm(vote, sides):
    record = _run(vote)
    assert _sides(record) == sides
    read = record["deliberations"][0]["vote"]
    assert all(read[key]["confiance"] == REORIENTED < SEUIL for key in sides)
    assert "lu dans l'autre sens" in read["pour"]["source"]
    [entry] = [e for e in record["lecture"]["rejetees"] if e["champ"] == "deliberations[0].vote"]
    assert "lus dans l'autre sens" in entry["raison"] and entry["valeur"] != sides


@pytest.mark.parametrize("vote, sides", [
    ("POUR 19 CONTRE 2 ABSTENTION 0", {"pour": 19, "contre": 2, "abstentions": 0}),
    ("19 POUR - 2 CONTRE - 0 ABSTENTION", {"pour": 19, "contre": 2, "abstentions": 0}),
    # Neither way makes up the votants (a member left the room): kept as read, unconfirmed.
    ("Pour 17 Contre 2 Abstention 0", {"pour": 17, "contre": 2, "abstentions": 0}),
])
def test_a_run_read_as_it_stands_is_kept_when_no_other_way_is_confirmed(vote, sides):
    record = _run(vote)
    assert _sides(record) == sides
    assert not any(e["champ"] == "deliberations[0].vote" for e in record.get("lecture", {}).get("rejetees", []))


def test_a_written_unanimity_refuses_a_turned_reading_with_votes_against():
    record = _record({"pour": 3, "contre": 18, "abstentions": 2}, votants=21)
    vote = record["deliberations"][0]["vote"]
    for fact in vote.values():
        fact["source"] = "3 Pour 18 Contre 2 Abstention 1"
    vote["unanimite"] = {"valeur": True, "source": "adopté à l'unanimité", "confiance": 0.85}
    check_votes(record)
    assert "lu dans l'autre sens" not in str(record["deliberations"][0]["vote"])


def test_other_orientations_read_the_run_the_other_ways():
    assert other_orientations("4 POUR 21 CONTRE 0 ABSTENTION 0") == [{"pour": 21, "contre": 0, "abstentions": 0}]
    assert other_orientations("Pour 12 Contre 1 Abstention 0") == []
    assert other_orientations("sans vote") == []


@pytest.mark.parametrize("text", [
    "Toutes les communes membres ont délibéré à l'unanimité pour approuver le transfert. Le comité syndical prend acte.",
    "Les conseils municipaux des communes membres se sont prononcés favorablement à l'unanimité. Le comité approuve.",
    "Les membres du comité de pilotage ont validé à l'unanimité le schéma. Le conseil communautaire prend acte.",
])
def test_a_vote_told_of_the_member_communes_or_a_preparing_body_is_not_the_acts(text):
    # No « Après en avoir délibéré » follows: these bodies never deliberate here, whatever follows.
    assert "unanimite" not in _vote(text)


def test_the_acts_own_vote_follows_the_member_communes_told():
    facts = _vote("Toutes les communes membres ont délibéré à l'unanimité. Le conseil communautaire adopte la "
                  "modification à la majorité.")
    assert facts["unanimite"] is False


def test_the_council_naming_the_member_communes_votes_itself():
    assert _vote("Après en avoir délibéré, le conseil communautaire approuve à l'unanimité la convention avec les "
                 "communes membres.")["unanimite"] is True
