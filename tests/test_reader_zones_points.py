"""An act's zone ends where the next item of the minutes begins, even an item the heading reader does not
see (« 30. Questions diverses : … », a number and a title in sentence case, no act number): the vote and
the counts printed after it are that item's, never the act's."""
import pytest
from reader_support import schema_errors, value

from checker.reader import read_text
from checker.reader.deliberations import item_breaks, read_deliberations
from checker.reader.normalize import Document

HEAD = ("Commune de Saint-Exemple. Procès-verbal du conseil municipal. L'an deux mille vingt-quatre, le douze mars "
        "à vingt heures, le conseil municipal s'est réuni sous la présidence de M. Paul EXEMPLE, maire. "
        "Présents : 15. Votants : 15. ")
ACT = ("5. VIREMENT DE CREDITS N° 2/2024 Le maire présente le virement de crédits nécessaire au paiement des "
       "travaux de voirie engagés au printemps, que la commission des finances a examiné. ")
LATER = ("17. Questions diverses : convention de mise à disposition de locaux Départ de deux conseillers avant ce "
         "point. Présents : 13 – Votants : 13 Pour : 12 – Contre : 1 – Abstention : 0")


def read(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return record


def _vote(record):
    return {key: value(found) for delib in record.get("deliberations", [])[:1]
            for key, found in delib.get("vote", {}).items() if isinstance(found, dict)}


@pytest.mark.parametrize("joiner", [" ", "\n"])
def test_the_counts_of_a_later_numbered_item_are_not_the_act_s(joiner):
    record = read(HEAD + joiner + ACT + joiner + LATER)
    assert "contre" not in _vote(record) and "pour" not in _vote(record)
    assert _vote(record).get("unanimite") is not False


def test_an_act_keeps_its_own_vote_and_the_later_item_keeps_its_own():
    own = ACT + "Le conseil municipal, après en avoir délibéré, approuve à l'unanimité le virement. "
    record = read(HEAD + own + LATER)
    assert _vote(record) == {"unanimite": True}


def test_an_agenda_of_numbered_items_does_not_cut_the_act_that_lists_it():
    # The agenda's lines follow one another: no item deliberated there.
    text = (HEAD + "Délibération n° 2024-01 Ordre du jour : 1. Budget communal : décision modificative. 2. Tarifs "
            "municipaux : cantine. 3. Questions diverses : néant. Le conseil municipal, après en avoir délibéré, "
            "approuve à l'unanimité le procès-verbal de la séance du 5 février 2024.")
    breaks = item_breaks(Document(text))
    assert len(breaks) <= 1 and all(text[b:].startswith("3. Questions diverses") for b in breaks)
    assert value(read(text)["deliberations"][0]["vote"]["unanimite"]) is True


@pytest.mark.parametrize("passage", [
    "Nombre de conseillers en exercice : 75. Conseillers présents : M. Paul EXEMPLE.",
    "arrivée après la délibération 23 03 05) Absents : Monsieur Pierre EXEMPLE.",
    "SÉJOUR AU LAVANDOU (83) Le séjour comprend : le transport.",
    "conformément à l'article 5. Le présent règlement : texte annexé.",
])
def test_a_count_a_list_label_a_bracketed_number_or_a_reference_is_no_item(passage):
    assert item_breaks(Document(HEAD + passage + " " + "Le conseil délibère. " * 20)) == []


def test_a_numbered_sub_point_inside_an_act_s_report_before_its_vote_keeps_the_vote():
    # Sub-points of the report follow one another within a few lines: the act's vote after them is its own.
    text = (HEAD + "Délibération n° 2024-07 Objet : budget primitif. 1. La section de fonctionnement : elle "
            "s'équilibre à 1 200 000 euros. 2. La section d'investissement : elle s'équilibre à 800 000 euros. "
            "Le conseil municipal, après en avoir délibéré, adopte le budget par 14 voix pour et 1 voix contre.")
    delibs = read_deliberations(Document(text))
    assert delibs[0].vote.facts.get("pour") == 14 and delibs[0].vote.facts.get("contre") == 1


def test_minutes_without_headings_keep_their_first_vote_before_a_later_item_with_its_own_attendance():
    # The first vote is told in a sentence; an « après en avoir délibéré » later on has no vote of its own
    # (the text runs on), and the numbered item after it restates its attendance and counts its vote.
    text = (HEAD + "Les membres du conseil valident à l'unanimité le fait d'ajouter deux points à l'ordre du jour. "
            "Le maire présente le projet de centrale photovoltaïque. Après en avoir délibéré, le conseil "
            "municipal prend connaissance du rapport annuel et des chiffres du service. " + LATER)
    assert _vote(read(text)) == {"unanimite": True}
