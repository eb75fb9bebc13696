"""Joins across time: records of a commune and of its syndicate, or of a body's successive
meetings, fed in separate runs, weeks apart, in either order."""
import json

import pytest

from store.store_support import acts, check, finding, suivi, versions, write

SMO = "Syndicat mixte ouvert du numérique"
# The reference data gives the commune its SIREN (checker/referentiel), which identifies it.
COMMUNE = "siren:215900093|2023-02-13|2023-11"
SYNDICAT = "nom:syndicat mixte ouvert du numerique|2023-03-28|2023-07"


def commune_smo():
    return {"collectivite": {"nature": "commune", "nom": "Villeneuve-d'Ascq"},
            "seance": {"date": "2023-02-13"},
            "deliberations": [{"numero": "2023-11", "objet": "Adhésion au syndicat numérique",
                               "syndicat": {"operation": "adhesion", "nature": "syndicat_mixte_ouvert", "nom": SMO},
                               "transmission": {"date_reception": "2023-02-16"}}]}


def syndicat_smo():
    return {"collectivite": {"nature": "syndicat_mixte_ouvert", "nom": SMO},
            "seance": {"date": "2023-03-28", "membres_en_exercice": 31},
            "deliberations": [{"numero": "2023-07", "vote": {"pour": 25},
                               "syndicat": {"operation": "modification_statuts", "membres_concernes": ["Villeneuve-d'Ascq"]},
                               "publicite": {"date_mise_en_ligne": "2023-03-31"},
                               "transmission": {"date_reception": "2023-04-03"}}]}


@pytest.mark.parametrize("order", ["commune_d_abord", "syndicat_d_abord"])
def test_the_syndicates_concordant_deliberation_is_joined_in_either_order(base, tmp_path, order):
    files = {"commune": write(tmp_path, "commune.json", commune_smo()),
             "syndicat": write(tmp_path, "syndicat.json", syndicat_smo())}
    sequence = ["commune", "syndicat"] if order == "commune_d_abord" else ["syndicat", "commune"]
    check(base, files[sequence[0]])
    if order == "commune_d_abord":
        waiting = finding(base, COMMUNE, "L5721-2-1.effet_adhesion")
        assert waiting["statut"] == "indetermine"
        [group] = json.loads(acts(base)[COMMUNE].attentes)
        assert group["attendus"][0]["quoi"] == f"délibération concordante de l'organe de {SMO}"
        assert group["actes"] == []
    check(base, files[sequence[1]])
    joined = finding(base, COMMUNE, "L5721-2-1.effet_adhesion")
    assert joined["statut"] == "conforme", joined["message"]
    assert any("syndicat.json" in (f.get("source") or "") and "délibération 2023-07" in f["source"] for f in joined["faits"])
    history = versions(base, COMMUNE)
    assert [v.motif for v in history] == (["controle", "rapprochement"] if order == "commune_d_abord" else ["controle"])
    [group] = json.loads(acts(base)[COMMUNE].attentes)
    assert group["attendus"] == []
    assert group["actes"] == [{"identite": SYNDICAT, "date": "2023-03-28", "numero": "2023-07", "organisme": SMO,
                               "role": "decision"}]
    assert "syndicat mixte ouvert" in group["notes"][0]
    # The syndicate's act names the commune's, which it rests on too.
    [other] = json.loads(acts(base)[SYNDICAT].attentes)
    assert [a["identite"] for a in other["actes"]] == [COMMUNE]


def test_a_syndicate_of_another_name_or_a_rejected_vote_is_not_joined(base, tmp_path):
    other = syndicat_smo()
    other["collectivite"]["nom"] = "Syndicat mixte des déchets"
    check(base, write(tmp_path, "commune.json", commune_smo()))
    check(base, write(tmp_path, "autre.json", other))
    assert finding(base, COMMUNE, "L5721-2-1.effet_adhesion")["statut"] == "indetermine"
    rejected = syndicat_smo()
    rejected["deliberations"][0]["vote"] = {"pour": 25, "resultat": "rejetee"}
    check(base, write(tmp_path, "rejet.json", rejected))
    assert finding(base, COMMUNE, "L5721-2-1.effet_adhesion")["statut"] == "indetermine"
    assert len(versions(base, COMMUNE)) == 1


EAUX = "Syndicat intercommunal des eaux"


def syndicat_eaux(operation="adhesion", concernee="Nouvelleville"):
    return {"collectivite": {"nature": "syndicat_de_communes", "nom": EAUX, "siren": "251234567"},
            "seance": {"date": "2024-02-20"},
            "deliberations": [{"numero": "2024-05", "syndicat": {
                "operation": operation, "membres_concernes": [concernee],
                "avis_membres": [
                    {"nom": "Amont", "population": 4000, "avis": "favorable", "date_notification": "2024-03-01",
                     "date_deliberation": "2024-04-10"},
                    {"nom": "Basse-Rive", "population": 1200, "date_notification": "2024-03-01"},
                    {"nom": "Combe", "population": 900, "date_notification": "2024-03-29"}]}}]}


def avis_commune(nom, date, operation="adhesion", concernee="Nouvelleville"):
    return {"collectivite": {"nature": "commune", "nom": nom},
            "seance": {"date": date},
            "deliberations": [{"numero": "2024-20", "syndicat": {
                "operation": operation, "nature": "syndicat_de_communes", "siren": "251234567", "nom": EAUX,
                "membres_concernes": [concernee], "date_notification": "2024-03-01"}}]}


def demande_commune(operation="adhesion", nom="Nouvelleville"):
    return {"collectivite": {"nature": "commune", "nom": nom},
            "seance": {"date": "2024-01-15"},
            "deliberations": [{"numero": "2024-02", "syndicat": {
                "operation": operation, "nature": "syndicat_de_communes", "siren": "251234567", "nom": EAUX}}]}


def _awaited(base, identite):
    return {a["quoi"]: a for group in json.loads(acts(base)[identite].attentes) for a in group["attendus"]}


def test_the_qualified_majority_says_which_opinions_are_awaited_and_when_silence_counts(base, tmp_path):
    check(base, write(tmp_path, "demande.json", demande_commune()))
    demande = "nom:nouvelleville|2024-01-15|2024-02"
    assert list(_awaited(base, demande)) == [f"délibération concordante de l'organe de {EAUX}"]
    check(base, write(tmp_path, "syndicat.json", syndicat_eaux()))
    decision = "siren:251234567|2024-02-20|2024-05"
    awaited = _awaited(base, decision)
    # Amont answered in the syndicate's record; the two others are awaited, three months from their
    # notification (art. 641 CPC): 1 March → 1 June 2024, 29 March → 29 June 2024; silence favourable.
    assert set(awaited) == {"avis de Basse-Rive", "avis de Combe"}
    assert awaited["avis de Basse-Rive"]["echeance"] == "2024-06-01"
    assert awaited["avis de Combe"]["echeance"] == "2024-06-29"
    assert awaited["avis de Combe"]["effet_silence"] == "favorable"
    assert "L5211-18" in awaited["avis de Combe"]["texte"] and "29/06/2024" in awaited["avis de Combe"]["texte"]
    # The commune's own act now shows the same awaited opinions, and no longer the syndicate's.
    assert set(_awaited(base, demande)) == {"avis de Basse-Rive", "avis de Combe"}
    check(base, write(tmp_path, "basse-rive.json", avis_commune("Basse-Rive", "2024-04-02")))
    assert set(_awaited(base, decision)) == {"avis de Combe"}
    [group] = json.loads(acts(base)[decision].attentes)
    assert {a["identite"] for a in group["actes"]} == {demande, "nom:basse rive|2024-04-02|2024-20"}
    # The worklist shows a deadline already passed on its date.
    listed = json.loads(suivi(base, "--format", "json", "--limite", "0").stdout)
    item = next(a for a in listed["actes"] if a["acte"] == decision)
    assert item["attendus"][0]["depassee"] is True


def test_an_opinion_given_late_counts_as_silence(base, tmp_path):
    check(base, write(tmp_path, "syndicat.json", syndicat_eaux()))
    check(base, write(tmp_path, "combe.json", avis_commune("Combe", "2024-07-15")))
    awaited = _awaited(base, "siren:251234567|2024-02-20|2024-05")
    assert "après l'échéance du 29/06/2024 : réputé favorable" in awaited["avis de Combe"]["texte"]


def test_a_members_silence_on_a_withdrawal_is_unfavourable(base, tmp_path):
    check(base, write(tmp_path, "syndicat.json", syndicat_eaux("retrait", "Amont")))
    awaited = _awaited(base, "siren:251234567|2024-02-20|2024-05")
    assert awaited["avis de Combe"]["effet_silence"] == "defavorable"
    assert "L5211-19" in awaited["avis de Combe"]["texte"]
    assert "avis de Amont" not in awaited


def reunion(date, pouvoirs=True):
    record = {"collectivite": {"nom": "Commune de Trois-Pouvoirs", "population": 800},
              "seance": {"date": date}, "deliberations": [{"numero": f"{date}-1"}]}
    if pouvoirs:
        record["seance"]["pouvoirs"] = [{"mandant": "Jean MARTIN", "mandataire": "Claire DUPONT", "ecrit": True}]
    return record


DATES = ["2024-01-10", "2024-02-10", "2024-03-10", "2024-04-10"]


def _limit(base, date):
    return finding(base, f"nom:commune de trois pouvoirs|{date}|{date}-1", "L2121-20.trois_seances_consecutives")


@pytest.mark.parametrize("order", [DATES, DATES[::-1]], ids=["dans_l_ordre", "a_rebours"])
def test_the_three_meeting_limit_of_a_proxy_is_checked_across_stored_meetings(base, tmp_path, order):
    check(base, write(tmp_path, "avant.json", reunion("2023-12-10", pouvoirs=False)))
    for date in order:
        check(base, write(tmp_path, f"{date}.json", reunion(date)))
    fourth = _limit(base, "2024-04-10")
    assert fourth["statut"] == "non_conforme", fourth["message"]
    third = _limit(base, "2024-03-10")
    assert third["statut"] == "conforme", third["message"]
    assert any("2024-01-10.json" in (f.get("source") or "") for f in fourth["faits"])


def test_records_of_one_run_in_different_chunks_are_joined_with_two_workers(base, tmp_path):
    filler = [{"collectivite": {"nom": f"Commune {n}"}, "seance": {"date": "2023-03-01"},
               "deliberations": [{"numero": "1"}]} for n in range(140)]
    feed = tmp_path / "flux.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in [commune_smo(), *filler, syndicat_smo()]) + "\n")
    from click.testing import CliRunner

    from checker.cli import main
    result = CliRunner().invoke(main, ["check", str(feed), "--base", base, "--format", "jsonl", "--jobs", "2"])
    assert "142 éléments enregistrés" in result.stderr and "concorde" in result.stderr, result.output
    joined = finding(base, COMMUNE, "L5721-2-1.effet_adhesion")
    assert joined["statut"] == "conforme", joined["message"]
    assert [v.motif for v in versions(base, COMMUNE)] == ["controle", "rapprochement"]
