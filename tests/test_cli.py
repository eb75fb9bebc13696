"""The command line as a clerk, an agent or a pipeline uses it (issue 2 acceptance checks)."""
import json

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import main

from conftest import ROOT

EXAMPLES = ROOT / "examples"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def findings(result, rule_id):
    document = json.loads(result.stdout)
    return [f for r in document["resultats"] for f in r.get("constats", []) if f["regle"] == rule_id]


def commune(population, sent, seance="2023-12-19", **extra):
    record = {"collectivite": {"nature": "commune", "population": population},
              "seance": {"date": seance}, "deliberations": [{"numero": "1"}]}
    if sent:
        record["convocation"] = {"date_envoi": sent}
    record.update(extra)
    return record


def test_villeneuve_example_runs_and_reports_the_asserted_convocation():
    result = run("check", str(EXAMPLES / "villeneuve-dascq-2023-12-19.yaml"), "--format", "json", "--preuves", "completes")
    assert result.exit_code == 0
    [delay] = findings(result, "L2121-12.delai")
    assert delay["statut"] == "indetermine"
    assert delay["affirme_seulement"] is True
    assert delay["manquants"][0]["source"].startswith("suite à la convocation")
    [quorum] = findings(result, "L2121-17.quorum")
    assert quorum["statut"] == "conforme"
    assert quorum["valeurs"]["quorum"] == 25


@pytest.mark.parametrize("sent, status, code", [("2023-12-14", "non_conforme", 1), ("2023-12-13", "conforme", 0)])
def test_commune_of_5000_convened_for_19_december(tmp_path, sent, status, code):
    result = run("check", write(tmp_path, "r.yaml", commune(5000, sent)), "--format", "json", "--preuves", "completes")
    [delay] = findings(result, "L2121-12.delai")
    assert delay["statut"] == status
    assert result.exit_code == code
    if status == "non_conforme":
        assert delay["valeurs"]["jours"] == 4 and delay["valeurs"]["requis"] == 5
        assert delay["valeurs"]["dernier_jour"] == "2023-12-13"


def test_commune_of_2000_convened_on_14_december_is_compliant(tmp_path):
    result = run("check", write(tmp_path, "r.yaml", commune(2000, "2023-12-14")), "--format", "json", "--preuves", "completes")
    [delay] = findings(result, "L2121-11.delai")
    assert delay["statut"] == "conforme"
    assert result.exit_code == 0


def test_no_convocation_date_is_undecidable_not_compliant(tmp_path):
    result = run("check", write(tmp_path, "r.yaml", commune(5000, None)), "--format", "json", "--preuves", "completes")
    [delay] = findings(result, "L2121-12.delai")
    assert delay["statut"] == "indetermine"
    assert delay["manquants"] == [{"chemin": "convocation.date_envoi"}]


def test_quorum_fails_with_13_present_and_8_proxies(tmp_path):
    record = {"seance": {"date": "2024-03-15", "membres_en_exercice": 27, "presents": 13, "representes": 8},
              "deliberations": [{"numero": "1"}]}
    result = run("check", write(tmp_path, "r.yaml", record), "--format", "json", "--preuves", "completes")
    [quorum] = findings(result, "L2121-17.quorum")
    assert quorum["statut"] == "non_conforme"
    assert result.exit_code == 1


@pytest.mark.parametrize("name", ["convocation-tardive.yaml", "quorum-non-atteint.yaml"])
def test_failing_examples_exit_1(name):
    assert run("check", str(EXAMPLES / name)).exit_code == 1


@pytest.mark.parametrize("content, expected", [
    ("seance: {date: 2023-02-31}\n", "date impossible « 2023-02-31 »"),
    ("seance:\n  date: 2023-01-01\n  date: 2023-01-02\n", "clé « date » en double"),
    ("seance: [\n", "YAML mal formé"),
    ("seance:\n  date: 2023-01-01\n  foo: 1\n", "clé inconnue « foo »"),
    ("collectivite: {nom: X}\n", "clé obligatoire manquante : « seance »"),
    ("seance: {date: 2023-01-01, presents: -3}\n", "hors limites"),
    ("- 1\n- 2\n", "doit être un objet"),
])
def test_bad_input_exits_2_with_a_french_message_naming_file_and_place(tmp_path, content, expected):
    path = write(tmp_path, "mauvais.yaml", content)
    result = run("check", path)
    assert result.exit_code == 2
    assert expected in result.output
    assert "mauvais.yaml" in result.output
    assert "Traceback" not in result.output


def test_bad_json_names_the_line(tmp_path):
    path = write(tmp_path, "mauvais.json", '{\n "seance": {"date": "2023-01-01",}\n}')
    result = run("check", path, "--format", "json", "--preuves", "completes")
    assert result.exit_code == 2
    error = json.loads(result.stdout)["resultats"][0]["erreur"]
    assert error["ligne"] == 2 and "JSON mal formé" in error["message"]


def test_missing_file_and_unknown_extension(tmp_path):
    other = tmp_path / "notes.docx"
    other.write_text("x")
    result = run("check", str(tmp_path / "absent.yaml"), str(other), "--format", "json", "--preuves", "completes")
    assert result.exit_code == 2
    errors = [r["erreur"]["message"] for r in json.loads(result.stdout)["resultats"]]
    assert errors[0] == "fichier introuvable"
    assert "non pris en charge" in errors[1]


def test_a_broken_record_does_not_stop_the_others(tmp_path):
    good = write(tmp_path, "bon.yaml", commune(5000, "2023-12-14"))
    bad = write(tmp_path, "mauvais.yaml", "seance: {date: 2023-13-01}\n")
    document = json.loads(run("check", good, bad, "--format", "json", "--preuves", "completes").stdout)
    assert [r["statut"] for r in document["resultats"]] == ["non_conforme", "erreur"]
    assert document["resume"]["lus"] == 2 and document["resume"]["erreurs"] == 1


def test_regles_lists_ids_articles_and_periods():
    result = run("regles")
    assert result.exit_code == 0
    assert "L2121-12.delai" in result.output and "[2015-08-19, …)" in result.output


def test_explique_shows_text_versions_and_examples():
    result = run("explique", "L2121-12.delai")
    assert result.exit_code == 0
    assert "cinq jours francs" in result.output
    assert "quatre_jours_francs" in result.output


def test_explique_unknown_rule_exits_2():
    result = run("explique", "L9999-1.rien")
    assert result.exit_code == 2
    assert "règle inconnue" in result.output
