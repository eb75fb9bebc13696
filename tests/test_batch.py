"""Batches: any mix of inputs, every format, nothing lost, counts that reconcile, order kept."""
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import main

from conftest import ROOT

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
SCDL_HEADER = ("COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,"
               "PREF_DATE,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION")


def record(i, sent="2023-12-13"):
    return {"collectivite": {"nom": f"Commune {i % 3}", "population": 5000},
            "seance": {"date": "2023-12-19", "membres_en_exercice": 27, "presents": 20},
            "convocation": {"date_envoi": sent}, "deliberations": [{"numero": str(i)}]}


@pytest.fixture
def batch(tmp_path):
    lines = [json.dumps(record(i, "2023-12-14" if i % 2 else "2023-12-13")) for i in range(7)]
    lines.insert(2, '{"seance": {"date": "2023-02-31"}}')
    lines.insert(4, "pas du JSON")
    jsonl = tmp_path / "lot.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    csv = tmp_path / "scdl.csv"
    csv.write_text(SCDL_HEADER + "\nVille A,21590009700011,D1,2023-05-02,7.1,Finances/Budget,Budget,2023-05-04,10,9,3\n"
                   "Ville A,21590009700011,D2,2023-05-02,7.1,x/y,Objet,2023-05-04,dix,1,0\n", encoding="utf-8")
    folder = tmp_path / "dossier"
    folder.mkdir()
    (folder / "a.yaml").write_text(json.dumps(record(9)), encoding="utf-8")
    (folder / "b.json").write_text("{", encoding="utf-8")
    return [str(jsonl), str(csv), str(folder)]


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def jsonl_results(output):
    return [json.loads(line) for line in output.splitlines()]


def test_every_input_gives_one_result_in_order_and_counts_reconcile(batch):
    result = run(["check", *batch, "--format", "jsonl"])
    results = jsonl_results(result.stdout)
    assert len(results) == 9 + 2 + 2
    # The file and the line are separate fields (a tool must not parse « flux.jsonl:4 »).
    assert [(r["fichier"].rsplit("/", 1)[-1], r["ligne"]) for r in results][:4] == [
        ("lot.jsonl", 1), ("lot.jsonl", 2), ("lot.jsonl", 3), ("lot.jsonl", 4)]
    errors = [r for r in results if r["statut"] == "erreur"]
    assert {e["erreur"]["ligne"] for e in errors if "lot.jsonl" in e["fichier"]} == {3, 5}
    assert any("VOTE_POUR" in (e["erreur"]["champ"] or "") for e in errors)
    # Broken inputs do not hide the non-compliant acts: 1, not the « unreadable » code.
    assert any(r["statut"] == "non_conforme" for r in results)
    assert result.exit_code == 1
    summary = result.stderr.strip().splitlines()[-1]
    assert "13 lus" in summary and f"{len(errors)} erreurs" in summary


def test_parallel_jobs_keep_input_order_and_give_the_same_output(batch):
    one = run(["check", *batch, "--format", "jsonl"]).stdout
    two = run(["check", *batch, "--format", "jsonl", "--jobs", "2"]).stdout
    assert one == two


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_and_sarif_documents_are_valid(batch, fmt):
    output = run(["check", *batch, "--format", fmt]).stdout
    document = json.loads(output)
    if fmt == "sarif":
        jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(document)
        kinds = {r["kind"] for r in document["runs"][0]["results"]}
        assert {"pass", "fail", "review"} <= kinds
        rules = {r["id"]: r for r in document["runs"][0]["tool"]["driver"]["rules"]}
        assert "L2121-12.delai" in rules
    else:
        assert document["resume"]["lus"] == len(document["resultats"]) == 13


def test_junit_parses_with_one_testsuite_per_act(batch):
    tree = ET.fromstring(run(["check", *batch, "--format", "junit"]).stdout)
    suites = tree.findall("testsuite")
    assert len(suites) == 13
    assert sum(int(s.get("errors")) for s in suites) == 4
    assert any(int(s.get("failures")) for s in suites)
    for suite in suites:
        assert int(suite.get("tests")) == len(suite.findall("testcase"))


def test_html_page_has_summary_filters_and_a_timeline(batch):
    page = run(["check", *batch, "--format", "html"]).stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count('class="acte"') == 13
    assert 'id="f-gravite"' in page and 'id="f-collectivite"' in page and 'id="f-action"' in page
    assert "<svg" in page and "convocation envoyée" in page and "dernier jour du déféré" in page


def test_gravite_min_filters_findings_and_the_exit_code(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record(1, "2023-12-14")), encoding="utf-8")
    assert run(["check", str(path)]).exit_code == 1
    filtered = run(["check", str(path), "--gravite-min", "illegalite", "--format", "json", "--preuves", "completes"])
    findings = json.loads(filtered.stdout)["resultats"][0]["constats"]
    assert all(f["gravite"] in ("inexistence", "illegalite") for f in findings)
    assert filtered.exit_code == 0


def test_standard_input_jsonl_and_yaml():
    lines = "\n".join(json.dumps(record(i)) for i in range(3)) + "\n"
    result = run(["check", "-", "--format", "jsonl"], input=lines)
    assert [(r["fichier"], r["ligne"]) for r in jsonl_results(result.stdout)] == [("-", 1), ("-", 2), ("-", 3)]
    yaml_record = "seance:\n  date: 2023-12-19\n"
    assert len(jsonl_results(run(["check", "-", "--format", "jsonl"], input=yaml_record).stdout)) == 1


def test_scdl_row_decides_what_it_can_and_says_the_rest_is_undecidable(tmp_path):
    path = tmp_path / "scdl.csv"
    path.write_text(SCDL_HEADER + "\nVille A,21590009700011,D1,2023-05-02,7.1,Finances/Budget,Budget,,10,9,3\n",
                    encoding="utf-8")
    [result] = jsonl_results(run(["check", str(path), "--format", "jsonl"]).stdout)
    delay = [f for f in result["constats"] if f["regle"].endswith(".delai") and f["statut"] != "non_applicable"]
    assert delay and all(f["statut"] == "indetermine" for f in delay)


def test_bad_scdl_header_is_one_error_naming_the_columns(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("A,B\n1,2\n", encoding="utf-8")
    result = run(["check", str(path), "--format", "jsonl"])
    [error] = jsonl_results(result.stdout)
    assert "COLL_NOM" in error["erreur"]["message"] and result.exit_code == 2


def test_tri_echeance_orders_acts_by_the_last_day_of_the_deferre(tmp_path):
    received = ["2024-05-06", "2023-03-03", None, "2023-12-20"]
    lines = []
    for i, day in enumerate(received):
        data = record(i)
        if day:
            data["deliberations"][0]["transmission"] = {"date_reception": day}
        lines.append(json.dumps(data))
    path = tmp_path / "lot.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = jsonl_results(run(["check", str(path), "--format", "jsonl", "--tri", "echeance", "--preuves", "completes"]).stdout)
    # The act whose receipt date is unknown (line 3) takes the earliest day its déféré could end,
    # counted from the meeting of 19 December 2023, as its decision prints it.
    assert [r["ligne"] for r in results] == [2, 3, 4, 1]
    assert {r["decision"]["action"] for r in results} == {"aucune_suite"}
    assert [r["decision"]["echeance"] for r in results] == ["2023-05-04", "2024-02-20", "2024-02-21", "2024-07-08"]
