"""Document level, session 13: a dash between a side of the vote and its figure read in the direction of
its run (« Pour - 12 Contre - 1 » against « 13 POUR - 0 CONTRE »), and a stamp box whose labels are
printed before their dates read in order, or not at all when labels and dates do not pair."""
import pytest
from reader_support import schema_errors, value

from checker.reader import read_text

TARIFS = ("Le 12 mars 2024 à 20 h 00, le conseil municipal s'est réuni sous la présidence de M. Paul EXEMPLE, Maire. "
          "Présents : M. Paul EXEMPLE. Objet : Tarifs. Après en avoir délibéré, le conseil adopte. ")


def read(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return record


def _vote(record):
    return {key: value(fact) for key, fact in record["deliberations"][0].get("vote", {}).items()
            if key in ("pour", "contre", "abstentions", "unanimite")}


@pytest.mark.parametrize("printed, sides", [
    ("Pour - 12 Contre - 1 Abstention - 0", (12, 1, 0)),
    ("POUR - 12 CONTRE - 1 ABSTENTIONS - 2", (12, 1, 2)),
    ("Votants 15 Pour - 12 Contre - 1 Abstention - 2", (12, 1, 2)),
    ("13 POUR - 0 CONTRE - 2 ABSTENTIONS", (13, 0, 2)),
    ("Vote : 13 pour - 1 contre - 0 abstention", (13, 1, 0)),
])
def test_a_dash_between_a_side_and_its_figure_is_read_in_the_direction_of_its_run(printed, sides):
    vote = _vote(read(TARIFS + printed + "."))
    assert (vote.get("pour"), vote.get("contre"), vote.get("abstentions")) == sides


def test_a_figure_after_a_dashed_side_is_never_the_next_side_s_count():
    # « Pour - 12 Contre - 1 »: 12 is the count for, never « contre 12 ».
    vote = _vote(read(TARIFS + "Pour - 12 Contre - 1."))
    assert vote.get("contre") != 12
    assert vote.get("pour") == 12


def test_a_slash_after_a_dashed_side_is_none():
    vote = _vote(read(TARIFS + "POUR - 14 CONTRE - / ABSTENTION - /."))
    assert (vote.get("pour"), vote.get("contre"), vote.get("abstentions")) == (14, 0, 0)


MEETING = ("Le 16 janvier 2023 à 20 h 00, le conseil municipal s'est réuni sous la présidence de M. Paul EXEMPLE, "
           "Maire. Présents : M. Paul EXEMPLE, Mme Anne MODELE. Délibération n° 2023-01 : Tarifs. Après en avoir "
           "délibéré, le conseil adopte à l'unanimité. ")


def _stamps(record):
    found = {}
    for entry in record.get("deliberations", []):
        for section in ("publicite", "transmission"):
            for key, fact in entry.get(section, {}).items():
                found[key] = value(fact)
    return found


def test_a_flattened_stamp_box_gives_each_label_its_own_date_in_order():
    record = read(MEETING + "Envoyé en préfecture le Reçu en préfecture le Affiché le 18/01/2023 19/01/2023 "
                            "20/01/2023 Le Maire.")
    assert _stamps(record) == {"date_envoi": "2023-01-18", "date_reception": "2023-01-19",
                               "date_affichage": "2023-01-20"}
    sources = [fact.get("source", "") for entry in record["deliberations"]
               for section in ("publicite", "transmission") for fact in entry.get(section, {}).values()
               if isinstance(fact, dict)]
    assert all("lues dans l'ordre" in source for source in sources)


def test_a_flattened_stamp_box_whose_dates_do_not_pair_with_its_labels_gives_none():
    # Three labels, two dates: which label lacks its date cannot be told; the last label does not take
    # the first date either.
    record = read(MEETING + "Date de télétransmission : Date de réception préfecture : Affiché le : 18/01/2023 "
                            "19/01/2023 Le Maire.")
    assert _stamps(record) == {}


def test_stamps_each_with_its_date_are_read_as_before():
    record = read(MEETING + "Envoyé en préfecture le 18/01/2023 Reçu en préfecture le 19/01/2023 Affiché le "
                            "20/01/2023 Publié le ID : 045-214502940-20230116-2023001-DE")
    stamps = _stamps(record)
    assert (stamps["date_envoi"], stamps["date_reception"], stamps["date_affichage"]) == (
        "2023-01-18", "2023-01-19", "2023-01-20")
    assert "date_mise_en_ligne" not in stamps


def _finding(missing_path):
    from checker.findings import Fact, Finding
    return Finding(regle="R", titre="t", article="L0", alinea=None, legiarti=None, url=None, version=None,
                   statut="indetermine", gravite="majeure", _message="m", chemin="deliberations[0]", objet="o",
                   manquants=[Fact(missing_path)])


def test_a_vote_set_aside_whole_explains_each_of_its_missing_sides():
    from checker.confiance import gate
    root = {"lecture": {"rejetees": [{"champ": "deliberations[0].vote",
                                      "raison": "vote compté deux fois autrement ; aucun des deux gardé"}]}}
    finding = gate([_finding("deliberations[0].vote.pour")], root)[0]
    assert "lecture écartée : vote compté deux fois autrement" in finding.manquants[0].source
    # Another item's side is not explained by this item's vote.
    other = gate([_finding("deliberations[1].vote.pour")], root)[0]
    assert other.manquants[0].source is None


@pytest.mark.parametrize("sentence", [
    "Le 12 juin 2014 à 18 h 00, les délégués du comité syndical, régulièrement convoqués par le Président, "
    "Monsieur Paul EXEMPLE, le 5 juin 2014, se sont réunis au siège.",
    "Le conseil municipal, convoqué par le Maire, M. Jean MODELE, le 5 juin 2014, s'est réuni le 12 juin 2014 à 18 h.",
    "Le 12 juin 2014 à 18 h, le quorum n'ayant pas été atteint le 3 juin, le comité syndical, de nouveau convoqué, "
    "par courrier en date du 5 juin 2014, s'est réuni sans condition de quorum.",
])
def test_a_convocation_by_an_office_then_its_holder_s_name_is_dated(sentence):
    record = read(sentence + " Présents : M. Paul EXEMPLE. Objet : Budget. Adopté à l'unanimité.")
    assert value(record["seance"]["date"]) == "2014-06-12"
    assert value(record["convocation"]["date_envoi"]) == "2014-06-05"


_REPORT_PAGE = ("Rapport d'orientation budgétaire 2023. Le présent rapport présente les grandes orientations du budget, "
                "les engagements pluriannuels et la structure de la dette de la collectivité. ") * 4
_STAMP = "Envoyé en préfecture le 07/03/2023 Reçu en préfecture le 07/03/2023 ID : 077-217703370-20230127-ROB_2023-BF "
_OTHER_EXTRACT = ("COMMUNE DE SAINT-AUTRE SÉANCE DU 2 AVRIL 2021 L'an deux mil vingt et un, le 2 avril à vingt heures "
                  "quarante, les membres du Conseil Municipal, convoqués le 29 mars 2021, se sont réunis sous la "
                  "présidence de Monsieur Jean AUTRE. Présents : M. Jean AUTRE, Mme Lise AUTRE. Objet : Tarifs. Après "
                  "en avoir délibéré, le conseil adopte à l'unanimité.")


def test_a_date_the_head_stamps_on_every_page_beats_a_later_formula_of_another_day():
    # A report whose pages carry the ACTES identifier of the act of 27 January 2023, then another meeting's
    # extract joined after it: the document's meeting is the head's, below the gate, with the reason.
    text = _STAMP + "Conseil municipal. " + (_REPORT_PAGE + _STAMP) * 3 + _OTHER_EXTRACT
    record = read(text)
    date = record["seance"]["date"]
    assert value(date) == "2023-01-27"
    assert date["confiance"] < 0.9
    assert value(record.get("convocation", {}).get("date_envoi")) != "2021-03-29"


def test_a_date_the_head_prints_once_leaves_a_later_formula_chosen():
    # One title at the head is no proof: a cover page may name another meeting than the minutes after it.
    text = "Conseil municipal du 27 janvier 2023. " + _REPORT_PAGE * 3 + _OTHER_EXTRACT
    assert value(read(text)["seance"]["date"]) == "2021-04-02"
