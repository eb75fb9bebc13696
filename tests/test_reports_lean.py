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


LEFT_OUT_OF_THE_DECISION = ("avertissement", "fondement_pieces")


def _lean_decision(decision: dict) -> dict:
    """The full decision less what the lean one leaves out (checker/results.py)."""
    out = {k: v for k, v in decision.items() if k not in LEFT_OUT_OF_THE_DECISION}
    for key in ("violations", "a_confirmer", "irregularites_mineures"):
        if key in out:
            out[key] = [{k: v for k, v in f.items() if k not in ("message", "url")} for f in out[key]]
    out["non_verifie"] = [{k: v for k, v in t.items() if k != "libelle"} for t in out["non_verifie"]]
    return out


def _inside(fact: dict, whole: dict) -> bool:
    """`fact` is `whole`, or a part of it read whole (a proxy's holder in the list of proxies)."""
    if fact == whole:
        return True
    prefix = whole["chemin"]
    if "valeur" not in whole or "source" in whole or not fact["chemin"].startswith(prefix) \
            or fact["chemin"][len(prefix)] not in ".[":
        return False
    value = whole["valeur"]
    for part in fact["chemin"][len(prefix):].replace("[", ".[").split(".")[1:]:
        if part.startswith("["):
            value = value[int(part[1:-1])]
        else:
            value = value[part]
    return {k: v for k, v in fact.items() if k != "chemin"} == ({"valeur": value} if value is not None else {})


def test_lean_lines_keep_the_full_reports_verdicts_and_evidence(tmp_path):
    path = _batch(tmp_path)
    lean = _lines(path)
    full = _lines(path, "--preuves", "completes")
    assert len(lean) == len(full) == 120
    merged = 0
    for short, whole in zip(lean, full):
        assert short["statut"] == whole["statut"]
        assert short["compte"] == whole["compte"]
        if whole["statut"] == "erreur":
            assert short == whole
            continue
        assert short["decision"] == _lean_decision(whole["decision"])
        assert short["preuves"] == "resumees" and "preuves" not in whole
        shown = [c for c in whole["constats"] if c["statut"] in ("non_conforme", "indetermine")]
        # Each finding shown is in exactly one lean finding, under its subject, in the same order.
        places = [(c["regle"], path) for c in short["constats"] for path in c["chemins"]]
        assert sorted(places) == sorted((c["regle"], c["chemin"]) for c in shown)
        merged += len(places) - len(short["constats"])
        for finding in shown:
            lean_finding = next(c for c in short["constats"]
                                if c["regle"] == finding["regle"] and finding["chemin"] in c["chemins"])
            assert lean_finding["statut"] == finding["statut"]
            if finding["statut"] == "non_conforme":
                assert lean_finding["message"] == finding["message"]
            else:
                assert "message" not in lean_finding
            assert [m if isinstance(m, dict) else {"chemin": finding["chemin"] + m if m.startswith(".") else m}
                    for m in lean_finding.get("manquants", [])] == finding["manquants"]
            read = [short["faits"][i] for i in lean_finding["faits_lus"]]
            assert all(any(_inside(fact, r) for r in read) for fact in finding["faits"]), finding["regle"]
            given = {(f["chemin"].rsplit(".", 1)[-1].split("[")[0], json.dumps(f.get("valeur"))) for f in finding["faits"]}
            for name, value in finding["valeurs"].items():
                if value is None:
                    continue
                assert lean_finding.get("valeurs", {}).get(name) == value or (name, json.dumps(value)) in given, name
        conformes: dict = {}
        for finding in whole["constats"]:
            if finding["statut"] == "conforme":
                conformes.setdefault(finding["chemin"], []).append(finding["regle"])
        assert short["conformes"] == conformes
        assert "non_applicables" not in short
    # The batch has acts of several deliberations whose undecided findings are the same on each.
    assert merged > 0


def test_lean_lines_follow_the_output_schema_and_list_what_does_not_apply_with_tout(tmp_path):
    path = _batch(tmp_path, 40)
    for line in _lines(path, "--tout"):
        assert not list(VALIDATOR.iter_errors(line)), line["fichier"]
        if line["statut"] != "erreur":
            listed = sum(len(ids) for ids in line["non_applicables"].values())
            assert listed == line["compte"]["non_applicable"]


def test_a_lean_act_is_several_times_smaller_than_the_full_one_and_under_ten_kilobytes(tmp_path):
    path = _batch(tmp_path, 60)
    lean = [len(json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode()) for line in _lines(path)]
    full = [len(json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode())
            for line in _lines(path, "--preuves", "completes")]
    assert sum(lean) * 3 < sum(full)
    # The target on generated batches (#16): 10 kB per act on average.
    assert sum(lean) / len(lean) <= 10_000


def test_the_error_of_a_broken_line_is_kept_without_its_traceback():
    item = load_source(Source("lot.jsonl:3", "json_text", '{"seance": {"date": "2023-02-31"}}', line=3), 0)
    assert item.error is not None
    assert item.error.__traceback__ is None and item.error.__context__ is None
