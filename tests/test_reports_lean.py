"""The lean json/jsonl report (`--preuves resumees`, the command line's default) against the full one.

Same act status, counts and decision; the non_conforme and indetermine findings with the same
evidence (their facts read given by position in the act's `faits`); the conforme ones as rule ids
by subject; non_applicable ones counted, listed with --tout. Every line follows the output schema.
"""
from __future__ import annotations

import json
import sys

import jsonschema
from click.testing import CliRunner

from checker.cli import main
from checker.inputs import Source, load_source

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402

SCHEMA = json.loads((ROOT / "checker" / "schemas" / "resultat.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator({**SCHEMA, "$ref": "#/$defs/resultat"})


def _lines(path, *options) -> list[dict]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "jsonl", "-q", *options], catch_exceptions=False)
    return [json.loads(line) for line in result.stdout.splitlines()]


def _batch(tmp_path, count: int = 120):
    path = tmp_path / "lot.jsonl"
    path.write_text("\n".join(generate.lines(count, seed=3)) + "\n", encoding="utf-8")
    return path


def test_lean_lines_keep_the_full_reports_verdicts_and_evidence(tmp_path):
    path = _batch(tmp_path)
    lean = _lines(path)
    full = _lines(path, "--preuves", "completes")
    assert len(lean) == len(full) == 120
    for short, whole in zip(lean, full):
        assert short["statut"] == whole["statut"]
        assert short["compte"] == whole["compte"]
        assert short.get("decision") == whole.get("decision")
        if whole["statut"] == "erreur":
            assert short == whole
            continue
        assert short["preuves"] == "resumees" and "preuves" not in whole
        shown = [c for c in whole["constats"] if c["statut"] in ("non_conforme", "indetermine")]
        assert [c["regle"] for c in short["constats"]] == [c["regle"] for c in shown]
        for lean_finding, finding in zip(short["constats"], shown):
            assert lean_finding["message"] == finding["message"]
            assert lean_finding["manquants"] == finding["manquants"]
            assert [short["faits"][i] for i in lean_finding["faits_lus"]] == finding["faits"]
            assert lean_finding["valeurs"] == {k: v for k, v in finding["valeurs"].items() if v is not None}
        conformes: dict = {}
        for finding in whole["constats"]:
            if finding["statut"] == "conforme":
                conformes.setdefault(finding["chemin"], []).append(finding["regle"])
        assert short["conformes"] == conformes
        assert "non_applicables" not in short


def test_lean_lines_follow_the_output_schema_and_list_what_does_not_apply_with_tout(tmp_path):
    path = _batch(tmp_path, 40)
    for line in _lines(path, "--tout"):
        assert not list(VALIDATOR.iter_errors(line)), line["fichier"]
        if line["statut"] != "erreur":
            listed = sum(len(ids) for ids in line["non_applicables"].values())
            assert listed == line["compte"]["non_applicable"]


def test_a_lean_act_is_several_times_smaller_than_the_full_one(tmp_path):
    path = _batch(tmp_path, 60)
    lean = sum(len(json.dumps(line, ensure_ascii=False)) for line in _lines(path))
    full = sum(len(json.dumps(line, ensure_ascii=False)) for line in _lines(path, "--preuves", "completes"))
    assert lean * 2 < full


def test_the_error_of_a_broken_line_is_kept_without_its_traceback():
    item = load_source(Source("lot.jsonl:3", "json_text", '{"seance": {"date": "2023-02-31"}}', line=3), 0)
    assert item.error is not None
    assert item.error.__traceback__ is None and item.error.__context__ is None
