"""Helpers for the clerk's tools tests: run a command, and ask `delibcheck check` the same question."""
from __future__ import annotations

import json

from click.testing import CliRunner

from checker.cli import main


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def tool(*args):
    """A clerk command with --format json: its result and its JSON answer."""
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return result, json.loads(result.stdout)


def check(record: dict, *options) -> tuple[int, dict]:
    """`delibcheck check` on a record given as the clerk would write it: exit code and findings."""
    # Every finding with its evidence: the clerk's tools are compared with each of them.
    result = run("check", "-", "--format", "json", "--preuves", "completes", *options, input=json.dumps(record))
    assert result.exit_code in (0, 1), result.output
    document = json.loads(result.stdout)
    [outcome] = document["resultats"]
    return result.exit_code, {(f["regle"], f["chemin"]): f for f in outcome["constats"]}


def assert_agrees(answer_findings: list[dict], record: dict) -> dict:
    """Every rule the tool cites has the same verdict in `delibcheck check` on the same facts."""
    _, checked = check(record)
    for finding in answer_findings:
        same = checked[(finding["regle"], finding["chemin"])]
        assert same["statut"] == finding["statut"], (finding["regle"], finding["message"], same["message"])
        assert same["version"] == finding["version"]
    return checked


def commune(seance: str, population: int, envoi: str | None = None, **convocation) -> dict:
    """A record as a clerk writes it by hand: no flag the clerk would not think of writing."""
    record = {"collectivite": {"nature": "commune", "population": population},
              "seance": {"date": seance}, "deliberations": [{"numero": "1"}]}
    if envoi is not None:
        convocation["date_envoi"] = envoi
    if convocation:
        record["convocation"] = convocation
    return record
