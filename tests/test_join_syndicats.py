"""A commune's adhesion joined with the syndicate's concordant deliberation (checker/joins/syndicats.py)."""
import datetime as dt

from checker.joins import apply_joins
from checker.joins.syndicats import join
from checker.record import build_record

SMO = "Syndicat mixte ouvert du numérique"


def commune(**syndicat):
    demande = {"operation": "adhesion", "nature": "syndicat_mixte_ouvert", "nom": SMO}
    demande.update(syndicat)
    return build_record({
        "collectivite": {"nature": "commune", "nom": "Villeneuve-d'Ascq"},
        "seance": {"date": "2023-02-13"},
        "deliberations": [{"numero": "2023-11", "syndicat": demande}],
    }, "commune.yaml")


def syndicat(nom=SMO, siren=None, membres=("Villeneuve-d'Ascq",), operation="modification_statuts",
             publicite=None, transmission=None, resultat=None, competence=None, pour=25,
             nature="syndicat_mixte_ouvert", statuts=None):
    collectivite = {"nature": nature, "nom": nom}
    if siren:
        collectivite["siren"] = siren
    if statuts is not None:
        collectivite["statuts_procedure_modification"] = statuts
    decision = {"operation": operation}
    if membres:
        decision["membres_concernes"] = list(membres)
    if competence:
        decision["competence"] = competence
    deliberation = {"numero": "2023-07", "syndicat": decision}
    if publicite:
        deliberation["publicite"] = publicite
    if transmission:
        deliberation["transmission"] = transmission
    vote = {"pour": pour} if pour is not None else {}
    if resultat:
        vote["resultat"] = resultat
    deliberation["vote"] = vote
    return build_record({"collectivite": collectivite, "seance": {"date": "2023-03-28", "membres_en_exercice": 31},
                         "deliberations": [deliberation]}, "syndicat.yaml")


def concordante(record):
    return record.root["deliberations"][0]["syndicat"].get("deliberation_concordante")


def test_the_syndicates_deliberation_naming_the_commune_is_joined_with_its_source():
    a, s = commune(), syndicat(publicite={"date_mise_en_ligne": "2023-03-31"},
                               transmission={"date_reception": "2023-04-03"})
    apply_joins([a, s])
    node = concordante(a)
    assert node["date"] == dt.date(2023, 3, 28)
    assert node["date_executoire"] == dt.date(2023, 4, 3)
    assert node["reference"] == "2023-07"
    assert "syndicat.yaml" in node.sources["date"][0]
    assert "réception en préfecture" in node.sources["date_executoire"][0]


def test_joined_facts_turn_the_adhesion_from_undecided_to_effective(engine):
    a, s = commune(), syndicat(publicite={"date_mise_en_ligne": "2023-03-31"},
                               transmission={"date_reception": "2023-04-03"})
    [before] = engine.check(a, only={"L5721-2-1.effet_adhesion"})
    assert before.statut == "indetermine"
    join([a, s])
    [after] = engine.check(a, only={"L5721-2-1.effet_adhesion"})
    assert after.statut == "conforme", after.message
    assert any("syndicat.yaml" in (f.source or "") for f in after.faits)


def test_without_both_formalities_only_the_date_is_filled():
    a, s = commune(), syndicat(publicite={"date_mise_en_ligne": "2023-03-31"})
    join([a, s])
    assert concordante(a)["date"] == dt.date(2023, 3, 28)
    assert "date_executoire" not in concordante(a)


def test_a_fact_the_commune_already_gives_is_never_replaced():
    a = commune(deliberation_concordante={"date": "2023-03-20"})
    join([a, syndicat()])
    assert concordante(a)["date"] == dt.date(2023, 3, 20)


def test_a_deliberation_that_does_not_name_the_commune_is_not_joined():
    a = commune()
    join([a, syndicat(membres=("Lille",))])
    assert concordante(a) is None


def test_a_rejected_deliberation_is_not_concordant():
    a = commune()
    join([a, syndicat(resultat="rejetee")])
    assert concordante(a) is None


def test_the_siren_decides_when_both_records_give_it():
    a = commune(siren="200012345")
    join([a, syndicat(siren="200099999")])
    assert concordante(a) is None
    join([a, syndicat(nom="Autre nom", siren="200012345")])
    assert concordante(a)["date"] == dt.date(2023, 3, 28)


def test_two_candidate_deliberations_fill_nothing():
    a = commune()
    join([a, syndicat(), syndicat()])
    assert concordante(a) is None


def test_a_transfer_is_matched_on_the_competence_when_no_member_is_named():
    a = commune(operation="transfert_competence", nature="syndicat_de_communes", competence="Éclairage public")
    join([a, syndicat(membres=(), operation="transfert_competence", competence="eclairage public",
                      nature="syndicat_de_communes", pour=None)])
    assert concordante(a)["date"] == dt.date(2023, 3, 28)
    b = commune(operation="transfert_competence", nature="syndicat_de_communes")
    join([b, syndicat(membres=(), operation="transfert_competence", competence="eclairage public",
                      nature="syndicat_de_communes")])
    assert concordante(b) is None


def test_an_smo_deliberation_below_two_thirds_of_the_comite_is_not_joined():
    a = commune()
    join([a, syndicat(pour=20)])
    assert concordante(a) is None
    join([a, syndicat(pour=None)])
    assert concordante(a) is None


def test_under_statutes_of_its_own_only_a_deliberation_said_adopted_is_joined():
    a = commune()
    join([a, syndicat(pour=12, statuts=True)])
    assert concordante(a) is None
    join([a, syndicat(pour=12, statuts=True, resultat="adoptee")])
    assert concordante(a)["date"] == dt.date(2023, 3, 28)
