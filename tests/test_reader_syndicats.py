"""Syndicates and the bodies the code submits to their rules, read from their headings: a syndicat
mixte is open or closed as the text says, closed by default with a doubt that no accusation may rest
on; PETR and pôles métropolitains follow the rules of closed syndicats mixtes (L5741-1, L5731-1)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reader_support import schema_errors, undated, value

from checker.reader import read_text

MET = " Le comité syndical s'est réuni le 19 décembre 2023 à 18 heures."


def read(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return record


def doubt(record):
    return record.get("lecture", {}).get("confiances", {}).get("collectivite.nature")


@pytest.mark.parametrize("head, nature", [
    ("SYNDICAT MIXTE OUVERT DU NUMÉRIQUE EXEMPLE Extrait du registre des délibérations.", "syndicat_mixte_ouvert"),
    ("SYNDICAT MIXTE FERMÉ DES EAUX DE L'EXEMPLE Extrait du registre des délibérations.", "syndicat_mixte_ferme"),
    # The articles cited say which.
    ("SYNDICAT MIXTE DU BASSIN DE L'EXEMPLE Vu les articles L. 5721-1 et suivants du CGCT.", "syndicat_mixte_ouvert"),
    ("SYNDICAT MIXTE DU BASSIN DE L'EXEMPLE Vu l'article L5711-1 du CGCT.", "syndicat_mixte_ferme"),
    # A département among the members: its delegates sit.
    ("SYNDICAT MIXTE DU PARC DE L'EXEMPLE Extrait du registre. Délégués du Département : M. Jean DUPONT.",
     "syndicat_mixte_ouvert"),
    ("SYNDICAT MIXTE DU PARC DE L'EXEMPLE Présents : Conseil départemental : Mme Anne PETIT.",
     "syndicat_mixte_ouvert"),
])
def test_a_syndicat_mixte_is_open_or_closed_as_the_text_says(head, nature):
    record = read(head + MET)
    assert record["collectivite"]["nature"] == nature
    assert doubt(record) is None


@pytest.mark.parametrize("head", [
    "SYNDICAT MIXTE LOIRE ET EXEMPLE Procès-verbal du comité syndical.",
    # A letterhead's département is no member.
    "RÉPUBLIQUE FRANÇAISE Département de l'Exemple Arrondissement de Villexemple SYNDICAT MIXTE DU BASSIN DE L'EXEMPLE",
    "SMICTOM DE LA VALLÉE DE L'EXEMPLE Extrait du registre des délibérations.",
])
def test_a_syndicat_mixte_that_does_not_say_is_closed_with_a_doubt(head):
    record = read(head + MET)
    assert record["collectivite"]["nature"] == "syndicat_mixte_ferme"
    assert doubt(record) < 0.9


@pytest.mark.parametrize("head", [
    "PÔLE D'ÉQUILIBRE TERRITORIAL ET RURAL DU PAYS DE L'EXEMPLE Extrait du registre des délibérations.",
    "PETR du Pays de l'Exemple Extrait du registre des délibérations.",
    "Pôle métropolitain Exemple Val Extrait du registre des délibérations.",
])
def test_petr_and_pole_metropolitain_are_read_as_syndicats_mixtes(head):
    assert read(head + MET)["collectivite"]["nature"].startswith("syndicat_mixte")


def test_a_comite_syndical_with_no_syndicate_named_is_a_syndicate_read_with_doubt():
    record = read("Extrait du registre des délibérations." + MET)
    assert record["collectivite"]["nature"] == "syndicat_de_communes"
    assert doubt(record) < 0.9


def test_a_syndicat_mixte_the_council_joins_is_not_the_body():
    record = read("Objet : adhésion au Syndicat mixte du Bassin de l'Exemple. Le conseil municipal de la commune "
                  "de Saint-Ay s'est réuni le 19 décembre 2023.")
    assert record["collectivite"]["nature"] == "commune"
    assert doubt(record) is None


def test_the_syndicate_s_name_is_read_from_its_heading():
    record = read("SYNDICAT MIXTE LOIRE ET EXEMPLE Procès-verbal du comité syndical." + MET)
    assert value(record["collectivite"]["nom"]) == "Syndicat mixte LOIRE ET EXEMPLE"


def test_a_petr_follows_the_closed_syndicates_rules_without_doubt():
    record = read("PETR du Pays de l'Exemple Extrait du registre des délibérations." + MET)
    assert record["collectivite"]["nature"] == "syndicat_mixte_ferme"
    assert doubt(record) is None


@pytest.mark.parametrize("head, name", [
    ("Syndicat Départemental d'Énergies de la Loire Extrait du registre.", "Syndicat départemental d'Énergies de la Loire"),
    ("Syndicat des Eaux du Roumois et du Plateau du Neubourg Extrait du registre.",
     "Syndicat des Eaux du Roumois et du Plateau du Neubourg"),
    ("PETR DU PAYS DE LA VALLÉE DU LOIR Extrait du registre.", "PETR DU PAYS DE LA VALLÉE DU LOIR"),
    ("Pôle métropolitain Loire Exemple Extrait du registre.", "Pôle métropolitain Loire Exemple"),
])
def test_a_syndicate_s_whole_name_with_its_small_words(head, name):
    nom = read(head + MET)["collectivite"]["nom"]
    assert value(nom) == name
    # Not in the reference data: read from the heading alone, with some doubt.
    assert nom["confiance"] <= 0.85


# Made-up place words (no stop word of the heading, no word of an assembly), joined as real names are.
PLACE = st.sampled_from(["Loire", "Goulaine", "Exemple", "Vallée", "Orne", "Odon", "Brenne", "Roumois", "Plateau",
                         "Bassin", "Haute-Rive", "Val-Doux", "Marais", "Pays"])
LINK = st.sampled_from([" ", " de la ", " du ", " des ", " et ", " et du ", " de "])


@st.composite
def syndicate_names(draw):
    words = draw(st.lists(PLACE, min_size=1, max_size=4))
    links = [draw(LINK) for _ in words[1:]]
    return words[0] + "".join(link + word for link, word in zip(links, words[1:]))


@settings(max_examples=60, deadline=None)
@given(syndicate_names(), st.sampled_from(["Syndicat mixte", "SYNDICAT MIXTE", "Syndicat intercommunal du",
                                           "SIVOM du", "Syndicat des Eaux du"]))
def test_any_syndicate_heading_gives_a_syndicate_and_its_whole_name(name, kind):
    record = read(f"{kind} {name} Extrait du registre des délibérations.{MET}")
    assert record["collectivite"]["nature"].startswith("syndicat")
    read_name = value(record["collectivite"]["nom"])
    assert read_name.lower().endswith(name.lower())


@settings(max_examples=40, deadline=None)
@given(syndicate_names())
def test_a_syndicate_the_council_joins_never_makes_the_council_a_syndicate(name):
    record = read(f"Objet : adhésion au Syndicat mixte {name}. Le conseil municipal de la commune de Saint-Ay s'est "
                  "réuni le 19 décembre 2023.")
    assert record["collectivite"]["nature"] == "commune"


QUORUM_MISSED = ("{head} Extrait du registre des délibérations du comité syndical. Séance du 12 mars 2024. L'an deux "
                 "mille vingt-quatre, le douze mars à dix-huit heures, le comité syndical, régulièrement convoqué le "
                 "1er mars 2024, s'est réuni sous la présidence de M. Jean DUPONT. Nombre de délégués en exercice : "
                 "30. Présents : 8. Votants : 8. Secrétaire de séance : M. Paul MARTIN. Objet : budget primitif. Le "
                 "comité syndical, après en avoir délibéré, approuve à l'unanimité.")


def quorum_findings(head):
    from checker.engine_cache import engine_for
    from checker.record import build_record

    record = build_record(read(QUORUM_MISSED.format(head=head)), "extrait.txt")
    return {f.statut for f in engine_for().check(record) if f.regle.startswith("L2121-17")}


def test_a_quorum_missed_in_a_syndicat_mixte_of_unknown_kind_is_no_accusation():
    # An open syndicate follows its statutes, not L2121-17: read closed by default, the nature is
    # too doubtful to accuse on.
    statuses = quorum_findings("SYNDICAT MIXTE DU BASSIN DE L'EXEMPLE")
    assert "non_conforme" not in statuses and "indetermine" in statuses


def test_a_quorum_missed_in_a_closed_syndicat_mixte_is_an_accusation():
    assert "non_conforme" in quorum_findings("SYNDICAT MIXTE FERMÉ DU BASSIN DE L'EXEMPLE")


@pytest.mark.parametrize("text", [
    "Extrait du registre des délibérations du bureau syndical. Le bureau syndical s'est réuni le 12 mars 2024.",
    "Extrait du registre. Le Comité du Syndicat s'est réuni le 12 mars 2024.",
])
def test_a_syndicate_s_bureau_or_comite_is_a_syndicate(text):
    assert read(text)["collectivite"]["nature"].startswith("syndicat")


def test_a_council_that_names_a_delegate_to_a_comite_syndical_is_a_commune():
    record = read("Le conseil municipal s'est réuni le 12 mars 2024. Objet : désignation d'un délégué au comité "
                  "syndical du SIVOM.")
    assert record["collectivite"]["nature"] == "commune"


def test_a_text_that_speaks_of_its_author_as_le_syndicat_is_a_syndicate_s_read_with_doubt():
    record = read_text("Vu pour être annexé à la délibération du 13 octobre 2022. Rapport d'orientations "
                       "budgétaires. Le rapport présente les orientations du Syndicat. Le Syndicat accompagne ses "
                       "collectivités adhérentes.")
    # The only date is a deliberation's the report is annexed to, not a meeting's: none is given.
    assert undated(record)
    assert record["collectivite"]["nature"] == "syndicat_de_communes"
    assert doubt(record) < 0.9


def test_a_commune_s_text_about_its_syndicate_stays_a_commune_s():
    record = read("Séance du 13 octobre 2022. Le Syndicat a modifié ses statuts ; le Syndicat demande l'avis de ses "
                  "membres. La Commune approuve.")
    assert record.get("collectivite", {}).get("nature") != "syndicat_de_communes"
