"""The proposed action per act: recours gracieux, demande de pièces, observations, aucune suite."""
import copy
import datetime as dt
import glob
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.decision import (AUCUNE_SUITE, DEMANDE_DE_PIECES, OBSERVATIONS, RECOURS_GRACIEUX, decide)
from ruleset.errors import InputError
from checker.inputs import read_document
from checker.record import build_record

from conftest import ROOT

CORPUS = Path("/work/shared/corpus/real")
if not CORPUS.is_dir():
    CORPUS = ROOT.parent / "shared" / "corpus" / "real"

BASE = {
    "collectivite": {"nom": "Commune de Saint-Exemple", "nature": "commune", "population": 5000, "departement": "35"},
    "seance": {"date": "2023-02-27", "membres_en_exercice": 29, "presents": 22, "representes": 4,
               "secretaires": ["Claire DUPONT"]},
    "convocation": {"date_envoi": "2023-02-21", "note_explicative_synthese": True},
    "deliberations": [{"numero": "2023-08", "objet": "Budget primitif 2023",
                       "vote": {"mode": "main_levee", "pour": 20, "contre": 4, "abstentions": 2},
                       "transmission": {"date_reception": "2023-03-03"}}],
}


def dossier(**changes):
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        node = data
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is None:
            node.pop(keys[-1], None)
        else:
            node[keys[-1]] = value
    return data


def decision_of(engine, data):
    record = build_record(data, "test.yaml")
    return decide(record, engine.check(record))


def test_a_compliant_act_is_aucune_suite_with_the_deferes_last_day(engine):
    decision = decision_of(engine, dossier())
    assert decision.action == AUCUNE_SUITE
    # cgct.md §10 cas 45: received Friday 3 March 2023 → last day Thursday 4 May 2023.
    assert decision.echeance.jour == dt.date(2023, 5, 4)
    assert decision.echeance.base == "reception"
    assert decision.pieces == []


def test_a_deadline_on_a_weekend_moves_to_the_next_working_day(engine):
    data = dossier(seance__date="2024-04-30", convocation__date_envoi="2024-04-24",
                   deliberations__0__transmission={"date_reception": "2024-05-06"})
    # 6 May 2024 + 2 months = Sat 6 July; the day after, Sunday 7 → Monday 8 July 2024.
    assert decision_of(engine, data).echeance.jour == dt.date(2024, 7, 8)


def test_a_danthony_defect_with_a_wide_margin_is_observations(engine):
    decision = decision_of(engine, dossier(convocation__date_envoi="2023-02-22"))
    assert decision.action == OBSERVATIONS
    assert [f.regle for f in decision.violations] == ["L2121-12.delai"]
    assert "Danthony" in decision.motif and "L2121-12" in decision.motif


def test_a_danthony_defect_the_absent_could_have_overturned_is_a_recours(engine):
    data = dossier(convocation__date_envoi="2023-02-22", seance__presents=15, seance__representes=2,
                   deliberations__0__vote={"pour": 9, "contre": 8})
    decision = decision_of(engine, data)
    assert decision.action == RECOURS_GRACIEUX
    assert "influence" in decision.motif


def test_a_same_day_convocation_is_a_recours_before_the_deadline(engine):
    decision = decision_of(engine, dossier(convocation__date_envoi="2023-02-27"))
    assert decision.action == RECOURS_GRACIEUX
    assert decision.echeance.jour == dt.date(2023, 5, 4)
    assert decision.motif.endswith(".") and decision.motif.count(". ") == 0


def test_a_missing_quorum_is_a_recours(engine):
    decision = decision_of(engine, dossier(seance__presents=10, seance__representes=8))
    assert decision.action == RECOURS_GRACIEUX
    assert any(f.regle == "L2121-17.quorum" for f in decision.violations)


def test_a_silent_extract_is_aucune_suite_with_its_unchecked_points_grouped(engine):
    data = dossier(convocation=None, seance__secretaires=None)
    decision = decision_of(engine, data)
    assert decision.action == AUCUNE_SUITE
    themes = [key for key, _, _ in decision.non_verifie]
    assert "convocation" in themes and len(themes) == len(set(themes))
    assert decision.non_verifiables >= 3


def test_an_unknown_number_present_asks_for_the_attendance_register(engine):
    decision = decision_of(engine, dossier(seance__presents=None, seance__representes=None))
    assert decision.action == DEMANDE_DE_PIECES
    assert [p.cle for p in decision.pieces] == ["registre_presence"]
    out = decision.to_dict()
    assert "357031" in out["fondement_pieces"]
    assert out["pieces"][0]["regles"] == ["L2121-17.quorum"]


def test_an_asserted_convocation_is_a_request_only_for_a_rushed_meeting(engine):
    asserted = {"affirme": True, "source": "convoqué dans les délais légaux"}
    calm = decision_of(engine, dossier(convocation__date_envoi=asserted))
    assert calm.action == AUCUNE_SUITE
    rushed = decision_of(engine, dossier(convocation__date_envoi=asserted,
                                         seance__presents=15, seance__representes=2,
                                         deliberations__0__vote={"pour": 9, "contre": 8}))
    assert rushed.action == DEMANDE_DE_PIECES
    # The two proxies could also overturn a 9–8 vote: both documents, one entry each.
    assert [p.cle for p in rushed.pieces] == ["convocation", "pouvoirs"]
    assert "affirmée" in rushed.pieces[0].motifs[0] and "serré" in rushed.pieces[0].motifs[0]
    assert "renverser" in rushed.pieces[1].motifs[0]


def test_a_defect_read_with_low_confidence_is_to_be_confirmed_not_charged(engine):
    doubtful = {"valeur": "2023-02-27", "source": "convoqué le 27 fév", "confiance": 0.6}
    decision = decision_of(engine, dossier(convocation__date_envoi=doubtful))
    assert decision.action == DEMANDE_DE_PIECES
    assert decision.violations == []
    assert decision.a_confirmer and decision.pieces[0].cle == "convocation"
    sure = dict(doubtful, confiance=0.95)
    assert decision_of(engine, dossier(convocation__date_envoi=sure)).action == RECOURS_GRACIEUX


def test_contradictory_proxies_under_a_unanimous_vote_are_noted_not_asked(engine):
    data = dossier(seance__pouvoirs=[{"mandant": "A", "mandataire": "B"}, {"mandant": "B", "mandataire": "A"}],
                   seance__representes=None,
                   seance__membres=[{"nom": "A", "presence": "represente"}, {"nom": "B", "presence": "represente"}],
                   deliberations__0__vote={"unanimite": True})
    decision = decision_of(engine, data)
    assert decision.action in (AUCUNE_SUITE, OBSERVATIONS)
    assert not any(p.cle == "pouvoirs" for p in decision.pieces)


def test_without_receipt_the_deadline_is_the_earliest_possible(engine):
    decision = decision_of(engine, dossier(deliberations__0__transmission=None))
    assert decision.echeance.base == "seance"
    # Meeting Monday 27 February 2023: 27 April + 1 day = Friday 28 April 2023.
    assert decision.echeance.jour == dt.date(2023, 4, 28)


def test_json_carries_the_decision(tmp_path):
    path = tmp_path / "acte.json"
    path.write_text(json.dumps(dossier(convocation__date_envoi="2023-02-27")), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "jsonl"])
    document = json.loads(result.stdout)
    assert document["decision"]["action"] == RECOURS_GRACIEUX
    assert document["decision"]["echeance"] == "2023-05-04"
    assert document["decision"]["violations"][0]["article"] == "L2121-11"


def test_sarif_results_carry_the_decision(tmp_path):
    path = tmp_path / "acte.json"
    path.write_text(json.dumps(dossier(convocation__date_envoi="2023-02-27")), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "sarif"])
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert results and all(r["properties"]["action"] == RECOURS_GRACIEUX for r in results)
    assert {r["properties"]["echeance"] for r in results} == {"2023-05-04"}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus réel absent")
def test_real_corpus_looks_like_a_week_of_legality_control(engine):
    actions = Counter()
    by_file = {}
    for path in sorted(glob.glob(str(CORPUS / "*.txt"))):
        try:
            record = read_document(Path(path), path)
        except InputError:   # an unreadable text is an error result, not an act to decide on
            continue
        decision = decide(record, engine.check(record))
        actions[decision.action] += 1
        by_file[Path(path).stem] = decision.action
    total = sum(actions.values())
    assert total >= 50
    # Most acts need nothing; requests stay the exception, not the flood of « indéterminé ».
    assert actions[AUCUNE_SUITE] / total > 0.6
    assert actions[DEMANDE_DE_PIECES] / total < 0.25
    # Saint-Ay: convened the very day of the meeting.
    assert by_file["004"] == RECOURS_GRACIEUX


def test_a_point_of_law_in_doubt_is_for_the_service_not_a_request(engine):
    data = dossier(deliberations__0__nomination=True,
                   deliberations__0__vote={"mode": "main_levee", "unanimite": True})
    decision = decision_of(engine, data)
    assert not any("L2121-21" in r for p in decision.pieces for r in p.regles)
    themes = {key: rules for key, _, rules in decision.non_verifie}
    assert "L2121-21.scrutin_secret_nominations" in themes.get("droit_incertain", [])


def test_every_decision_follows_the_published_output_schema(tmp_path):
    import jsonschema
    schema = json.loads((ROOT / "checker" / "schemas" / "resultat.schema.json").read_text(encoding="utf-8"))
    records = [dossier(), dossier(convocation__date_envoi="2023-02-27"), dossier(convocation__date_envoi="2023-02-22"),
               dossier(seance__presents=None, seance__representes=None),
               dossier(deliberations__0__transmission=None)]
    source = tmp_path / "lot.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(source), "--format", "jsonl"]).stdout
    decisions = [json.loads(line)["decision"] for line in out.splitlines()]
    assert {d["action"] for d in decisions} == {AUCUNE_SUITE, RECOURS_GRACIEUX, OBSERVATIONS, DEMANDE_DE_PIECES}
    validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/decision"})
    for decision in decisions:
        validator.validate(decision)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**decisions[0], "action": "deferer_sans_attendre"})


def test_an_undated_convocation_for_a_meeting_held_in_urgency_is_a_request(engine):
    asserted = {"affirme": True, "source": "convoqué en urgence"}
    decision = decision_of(engine, dossier(convocation__date_envoi=asserted, convocation__urgence=True))
    assert decision.action == DEMANDE_DE_PIECES
    assert any(p.cle == "convocation" and "urgence" in p.motifs[0] for p in decision.pieces)


def test_an_inexistent_act_is_a_recours_without_deadline(engine):
    data = dossier(deliberations__0__signatures={"nombre_signataires": 0, "autre_preuve_adoption": False})
    decision = decision_of(engine, data)
    assert decision.action == RECOURS_GRACIEUX and decision.sans_delai
    out = decision.to_dict()
    assert out["echeance"] is None and out["sans_delai"] is True
