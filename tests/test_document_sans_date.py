"""A document whose only date the reader would not take for the meeting's: refused with the reader's
reason and the way to give the date, the rest of a batch going on (the reader's contract, issue 11)."""
import json

from click.testing import CliRunner

from checker.cli import main

UNDATED = ("COMMUNE DE TESTVILLE\nCompte rendu du conseil municipal\n"
           "Présents : M. Jean Dupont, Mme Anne Martin\nSecrétaire de séance : M. Jean Dupont\n"
           "Objet : budget voté le 12 mars 2024\nAdopté à l unanimité.\n")


def run(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def test_the_refusal_quotes_the_date_seen_and_says_how_to_give_it(tmp_path):
    path = tmp_path / "extrait.txt"
    path.write_text(UNDATED, encoding="utf-8")
    result = run(["check", str(path), "--format", "json"])
    assert result.exit_code == 2
    error = json.loads(result.stdout)["resultats"][0]["erreur"]
    assert error["champ"] == "seance.date"
    assert "aucune date de séance sûre" in error["message"]
    assert "« 12 mars 2024 »" in error["message"]
    assert "formule d'ouverture" in error["message"]
    assert f"delibcheck extrait {path}" in error["message"]
    assert "clé obligatoire manquante" not in error["message"]


def test_in_a_batch_the_undated_document_alone_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"seance": {"date": "2024-03-12"}}), encoding="utf-8")
    result = run(["check", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 3
    statuts = [json.loads(line)["statut"] for line in result.stdout.splitlines()]
    assert sorted(statuts) == ["erreur", "indetermine"]


def test_a_record_given_without_date_keeps_the_schema_message(tmp_path):
    path = tmp_path / "seance.json"
    path.write_text(json.dumps({"seance": {"heure": "20:00"}}), encoding="utf-8")
    result = run(["check", str(path), "--format", "json"])
    assert result.exit_code == 2
    assert "clé obligatoire manquante" in json.loads(result.stdout)["resultats"][0]["erreur"]["message"]
