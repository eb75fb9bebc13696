"""Every report format stays valid whatever one record holds, and the JSON output follows its
published schema (`checker/schemas/resultat.schema.json`).

Each defect test here failed before its fix (issue 14)."""
import json
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import main

from conftest import ROOT

OUTPUT_SCHEMA = json.loads((ROOT / "checker" / "schemas" / "resultat.schema.json").read_text(encoding="utf-8"))
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def validator(definition=None):
    schema = OUTPUT_SCHEMA if definition is None else {**OUTPUT_SCHEMA, "$ref": f"#/$defs/{definition}"}
    if definition is not None:
        schema = {k: v for k, v in schema.items() if k != "oneOf"}
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture
def mixed(tmp_path):
    """Compliant, non-compliant, undecidable and broken inputs, with hostile values."""
    base = {"collectivite": {"nom": "Commune\x00 de « Test »\x1b[31m", "population": 5000},
            "seance": {"date": "2023-12-19", "membres_en_exercice": 27, "presents": 20},
            "convocation": {"date_envoi": "2023-12-13"},
            "deliberations": [{"numero": "2023-1\uffff", "objet": "Budget\x01",
                               "transmission": {"date_reception": "9999-12-31",
                                                "identifiant_actes": "035-213500000-20231219-2023_45-DE"}}]}
    late = json.loads(json.dumps(base))
    late["convocation"]["date_envoi"] = "2023-12-14"
    lines = [json.dumps(base), json.dumps(late), '{"seance": {"date": "2023-02-31"}}', "pas du JSON\x07",
             json.dumps({"seance": {"date": "2023-01-01"}})]
    path = tmp_path / "séance du 12 mars #2.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(path)]


def test_a_date_at_the_end_of_the_calendar_does_not_take_the_html_report_down(mixed):
    # Before: `9999-12-31` in transmission.date_reception raised out of the timeline and the
    # command wrote nothing at all.
    result = run(["check", *mixed, "--format", "html"])
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.rstrip().endswith("</html>")
    assert result.stdout.count('class="acte"') == 5


@pytest.mark.parametrize("fmt", ["texte", "json", "jsonl", "junit", "sarif", "html"])
def test_a_record_that_breaks_a_writer_becomes_its_own_error_and_the_report_is_whole(mixed, fmt, monkeypatch):
    from checker.reports import writer_for
    import checker.batch as batch

    def breaking(original):
        def fragment(result):
            if result.error is None and result.record.date.isoformat() == "2023-01-01":
                raise OverflowError("simulated")
            return original(result)
        return fragment

    def fragile(fmt_, **options):
        writer = writer_for(fmt_, **options)
        # Both ways a writer gives a record's text: JSON Lines give the batch UTF-8 bytes.
        for name in ("fragment", "fragment_bytes"):
            original = getattr(writer, name, None)
            if original is not None:
                setattr(writer, name, breaking(original))
        return writer
    monkeypatch.setattr(batch, "writer_for", fragile)
    result = run(["check", *mixed, "--format", fmt])
    assert "Traceback" not in result.output
    assert "4 erreurs" not in result.stderr and "3 erreurs" in result.stderr
    assert "5 lus" in result.stderr


def test_junit_is_valid_xml_whatever_control_characters_the_values_hold(mixed):
    output = run(["check", *mixed, "--format", "junit"]).stdout
    root = ET.fromstring(output.encode("utf-8"))
    assert len(root.findall("testsuite")) == 5
    assert "\\x00" in output or "\\x1b" in output


def test_sarif_uris_are_percent_encoded_and_every_act_has_a_result(tmp_path, mixed):
    lonely = tmp_path / "sans règle.json"
    # Kept to the gravest findings, a meeting with no deliberation has none left to report:
    # before, such an act was missing from SARIF altogether.
    lonely.write_text(json.dumps({"seance": {"date": "2023-01-01"}}), encoding="utf-8")
    document = json.loads(run(["check", *mixed, str(lonely), "--format", "sarif", "--gravite-min", "inexistence"]).stdout)
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(document)
    results = document["runs"][0]["results"]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]}
    for uri in uris:
        assert not set(uri) & set(" #%é<>\"{}|\\^`") - {"%"}, uri
        assert all(ord(c) < 128 for c in uri), uri
    assert {unquote(u).rsplit("/", 1)[-1] for u in uris} == {"séance du 12 mars #2.jsonl", "sans règle.json"}
    lines = {r["locations"][0]["physicalLocation"].get("region", {}).get("startLine") for r in results
             if "jsonl" in unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])}
    assert lines == {1, 2, 3, 4, 5}
    assert any(r["ruleId"] == "delibcheck.acte" and "sans%20r%C3%A8gle.json" in
               r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_json_and_jsonl_follow_the_published_schema(mixed, jobs):
    document = json.loads(run(["check", *mixed, "--format", "json", "--jobs", jobs]).stdout)
    validator().validate(document)
    assert document["schema_version"].startswith("2.")
    lines = [json.loads(line) for line in run(["check", *mixed, "--format", "jsonl", "--jobs", jobs]).stdout.splitlines()]
    one = validator("resultat")
    for line in lines:
        one.validate(line)
    assert [(r["fichier"].rsplit("/", 1)[-1], r["ligne"]) for r in lines] == [
        ("séance du 12 mars #2.jsonl", n) for n in range(1, 6)]
    assert lines[0]["identifiant"] == "035-213500000-20231219-2023_45-DE"
    assert all(set(r["compte"]) == {"conforme", "non_conforme", "indetermine", "a_venir", "non_applicable"}
               for r in lines)


def test_the_schema_refuses_what_it_must():
    one = validator("resultat")
    good = {"schema_version": "2.0", "fichier": "a.jsonl", "ligne": 1, "statut": "erreur", "identifiant": None,
            "collectivite": None, "seance": None, "actes": [], "compte": {s: 0 for s in (
                "conforme", "non_conforme", "indetermine", "a_venir", "non_applicable")},
            "erreur": {"message": "m", "ligne": 1, "champ": None, "texte": "a.jsonl, ligne 1 : m"}}
    one.validate(good)
    for broken in ({**good, "fichier": 3}, {k: v for k, v in good.items() if k != "erreur"},
                   {**good, "compte": {"conforme": 0}}, {**good, "statut": "ok"}):
        with pytest.raises(jsonschema.ValidationError):
            one.validate(broken)


def test_rules_explain_and_documentation_speak_json_with_the_same_names(tmp_path):
    listed = json.loads(run(["regles", "--format", "json"]).stdout)
    delai = next(r for r in listed if r["id"] == "L2121-12.delai")
    assert {"id", "article", "titre", "legiarti", "legiarti_a_verifier", "versions"} <= set(delai)
    assert all("legiarti" in v for v in delai["versions"])
    explained = json.loads(run(["explique", "L2121-12.delai", "--format", "json"]).stdout)
    assert explained["id"] == "L2121-12.delai" and explained["exemples"] and explained["lecture"]
    assert set(delai) <= set(explained)
    target = tmp_path / "regles.json"
    run(["documentation", "--format", "json", "-o", str(target)])
    documented = json.loads(target.read_text(encoding="utf-8"))
    assert len(documented["regles"]) == len(listed)
    assert documented["regles"][[r["id"] for r in listed].index("L2121-12.delai")] == explained


def test_the_html_report_of_hostile_records_opens_whole_in_a_browser(mixed, page, tmp_path):
    target = tmp_path / "rapport.html"
    run(["check", *mixed, "--format", "html", "-o", str(target)])
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(target.as_uri())
    assert errors == []
    assert page.locator("[data-statut]").count() == 5
    assert page.locator("[data-statut='erreur']").count() == 2
    shots = ROOT / "test-artefacts"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / "rapport-hostile.png"), full_page=False)
