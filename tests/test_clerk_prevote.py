"""`delibcheck check --avant-vote`: findings that await the vote are « à venir », decided from their
missing facts alone; the report ends with what the meeting must do and record."""
import copy
import json

import pytest

from checker.clerk.prevote import a_venir, mark_prevote
from checker.findings import A_VENIR, CONFORME, INDETERMINE, NON_CONFORME, Fact, Finding, act_status
from clerk_support import run

BEFORE_THE_VOTE = {
    "collectivite": {"nom": "Commune de Saint-Exemple", "nature": "commune", "population": 5000, "departement": "35",
                     "site_internet": True},
    "seance": {"date": "2024-03-18", "lieu_type": "mairie", "membres_en_exercice": 3,
               "membres": [{"nom": "A", "presence": "present"}, {"nom": "B", "presence": "present"},
                           {"nom": "C", "presence": "represente"}],
               "pouvoirs": [{"mandant": "C", "mandataire": "A", "ecrit": True, "seances_consecutives": 1,
                             "mandataire_designe": True, "seance_designee": True}]},
    "convocation": {"date_envoi": "2024-03-12", "convoque_par": "maire", "canal": "electronique",
                    "envois": [{"membre": m, "date_envoi": "2024-03-12", "canal": "electronique"} for m in "ABC"],
                    "ordre_du_jour": ["Tarifs de la cantine"], "date_affichage": "2024-03-12",
                    "mentionnee_au_registre": True, "note_explicative_synthese": True,
                    "note_explicative_suffisante": True},
    "deliberations": [{"numero": "2024-10", "objet": "Tarifs de la cantine", "inscrite_ordre_du_jour": True,
                       "interesses": [], "decision_envers_organisme": "autre"}],
}


def finding(*missing, statut=INDETERMINE, asserted=False, error=None):
    return Finding("X.y", "titre", "X", None, None, None, None, statut, "information", "message",
                   "deliberations[0]", "délibération 1",
                   manquants=[Fact(m, None, None, asserted) for m in missing], erreur_regle=error)


@pytest.mark.parametrize("missing, expected", [
    (["deliberations[0].vote"], True),
    (["deliberations[3].vote.pour", "deliberations[3].signatures.maire"], True),
    (["deliberations[0].transmission.date_reception", "deliberations[0].publicite"], True),
    (["seance.proces_verbal", "seance.liste_deliberations", "seance.secretaires"], True),
    (["convocation.urgence_prononcee"], True),
    (["deliberations[0].syndicat.deliberation_concordante.date"], True),
    (["deliberations[0].vote", "droit incertain : le juge apprécie"], True),
    (["droit incertain : le juge apprécie"], False),
    (["deliberations[0].vote", "deliberations[0].inscrite_ordre_du_jour"], False),
    (["deliberations[0].votes"], False),
    (["deliberations[0].syndicat"], False),
    (["convocation.date_envoi"], False),
    (["seance.presents"], False),
    ([], False),
])
def test_a_venir_is_read_off_the_missing_facts_only(missing, expected):
    assert a_venir(finding(*missing)) is expected


def test_asserted_facts_rule_errors_and_decided_findings_are_never_a_venir():
    assert not a_venir(finding("deliberations[0].vote", asserted=True))
    assert not a_venir(finding("deliberations[0].vote", error="expression invalide"))
    assert not a_venir(finding("deliberations[0].vote", statut=NON_CONFORME))


def test_mark_prevote_copies_and_leaves_the_engine_findings_alone():
    original = finding("deliberations[0].signatures")
    [marked] = mark_prevote([original])
    assert marked.statut == A_VENIR and original.statut == INDETERMINE


@pytest.mark.parametrize("statuses, expected", [
    ({A_VENIR, CONFORME}, A_VENIR),
    ({INDETERMINE, A_VENIR}, INDETERMINE),
    ({NON_CONFORME, A_VENIR}, NON_CONFORME),
    ({CONFORME}, CONFORME),
])
def test_act_status_ranks_a_venir_below_undecidable_and_above_compliant(statuses, expected):
    assert act_status([finding(statut=s) for s in statuses]) == expected


def check(record, *options):
    return run("check", "-", *options, input=json.dumps(record))


def test_a_meeting_prepared_in_full_is_a_venir_not_indetermine_and_exits_0():
    result = check(BEFORE_THE_VOTE, "--avant-vote", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    [outcome] = document["resultats"]
    assert outcome["statut"] == "a_venir"
    assert outcome["compte"][INDETERMINE] == 0 and outcome["compte"][A_VENIR] > 0
    assert document["resume"]["a_venir"] == 1
    awaited = {f["regle"] for f in outcome["constats"] if f["statut"] == A_VENIR}
    assert {"L2121-20.majorite_absolue", "L2121-15.secretaire", "L2131-2.transmission"} <= awaited
    assert [t["article"] for t in outcome["a_faire_en_seance"]][:2] == ["L2121-15", "L2121-17"]
    facts = [item["fait"] for item in outcome["a_consigner_apres_le_vote"]]
    assert facts[:2] == ["le résultat du vote", "les signatures"]


def test_without_avant_vote_the_same_findings_stay_indetermine():
    result = check(BEFORE_THE_VOTE, "--format", "json")
    [outcome] = json.loads(result.stdout)["resultats"]
    assert outcome["statut"] == INDETERMINE and outcome["compte"][A_VENIR] == 0
    assert "a_faire_en_seance" not in outcome


def test_a_non_compliance_known_before_the_vote_still_exits_1():
    late = copy.deepcopy(BEFORE_THE_VOTE)
    late["convocation"]["date_envoi"] = "2024-03-14"
    result = check(late, "--avant-vote")
    assert result.exit_code == 1
    blocking = result.stdout[result.stdout.index("Ce qui empêche de voter régulièrement"):]
    assert "✗ L2121-12 al. 3 — Convocation envoyée le 14/03/2024" in blocking
    assert "✗ NON CONFORME — L2121-12.delai" in check(late, "--avant-vote", "--detail").stdout


def test_the_pre_vote_report_shows_the_checklist_first_then_only_what_blocks_the_vote():
    out = check(BEFORE_THE_VOTE, "--avant-vote").stdout
    assert out.index("Avant le vote — ce que la séance doit faire") < out.index("Rien n'empêche de voter")
    assert "À VENIR" not in out and "INDÉTERMINÉ" not in out
    assert len(out.splitlines()) < 30


def test_detailed_text_report_marks_a_venir_after_the_checklist():
    meeting = copy.deepcopy(BEFORE_THE_VOTE)
    meeting["convocation"]["urgence"] = True
    # The vote on urgency is due only when the delay was actually shortened (issue 13 §2): the
    # sending date shows it, whatever the convocation says.
    meeting["convocation"]["delai_abrege"] = True
    meeting["convocation"]["date_envoi"] = "2024-03-15"
    for envoi in meeting["convocation"]["envois"]:
        envoi["date_envoi"] = "2024-03-15"
    meeting["deliberations"] += [
        {"numero": "2024-11", "objet": "Compte administratif 2023", "compte_administratif": True},
        {"numero": "2024-12", "objet": "Délégué au syndicat des eaux", "nomination": True},
        {"numero": "2024-13", "objet": "Subvention au club", "interesses": [{"nom": "B", "motif": "président du club"}]},
    ]
    out = check(meeting, "--avant-vote", "--detail").stdout
    assert "… À VENIR — L2121-20.majorite_absolue (délibération 2024-10)" in out
    assert out.index("Avant le vote") < out.index("… À VENIR")
    assert "fait à venir : deliberations[0].vote" in out
    assert "à venir" in out.split("\n")[1]
    checklist = out[out.index("Avant le vote — ce que la séance doit faire et consigner"):]
    assert "1. Désigner au début de la séance un ou plusieurs secrétaires" in checklist
    assert "Urgence : le maire en rend compte dès l'ouverture ; le conseil se prononce sur l'urgence" in checklist
    assert "vérifié par L2121-12.urgence_prononcee" in checklist
    assert ("Nomination : scrutin secret, sauf si le conseil décide à l'unanimité de ne pas y recourir" in checklist
            and "[délibération 2024-12 (Délégué au syndicat des eaux)]" in checklist)
    assert "Membre intéressé : B — quitter la salle avant le débat" in checklist
    assert "Compte administratif : le conseil élit son président de séance ; le maire" in checklist
    assert "quitte la salle au moment du vote" in checklist
    assert "À consigner après le vote, puis relancer « delibcheck check » sans --avant-vote" in checklist
    assert "Dossiers lus : 1" in out


def test_without_avant_vote_no_checklist():
    assert "Avant le vote" not in check(BEFORE_THE_VOTE).stdout
