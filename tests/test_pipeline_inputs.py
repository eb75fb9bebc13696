"""Inputs a pipeline really sends: nothing lost, each broken piece its own error with its place.

Each test here was a defect (issue 14): it failed before the fix it guards."""
import json

import pytest
from click.testing import CliRunner

from checker.cli import main

SCDL_COLUMNS = ("COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM",
                "DELIB_OBJET", "PREF_DATE", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")
SCDL_ROW = ("Ville d'Été", "21590009700011", "D1", "2023-05-02", "7.1", "Finances", "Budget été", "2023-05-04",
            "10", "9", "3")


def record(day: str, numero: str = "1") -> str:
    return json.dumps({"seance": {"date": day}, "deliberations": [{"numero": numero}]})


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def lines_of(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_byte_that_is_not_utf8_spoils_its_own_line_only(tmp_path):
    # Before: the file was decoded in 8 kB chunks and one bad byte replaced the whole file
    # (lines before it included) by a single error without a line number.
    import datetime as dt
    good = [record((dt.date(2023, 1, 1) + dt.timedelta(days=d)).isoformat()).encode() for d in range(199)]
    data = b"\n".join(good[:150] + [b'{"seance": {"date": "2023-02-\xff01"}}'] + good[150:]) + b"\n"
    path = tmp_path / "flux.jsonl"
    path.write_bytes(data)
    results = lines_of(run(["check", str(path), "--format", "jsonl"]))
    assert len(results) == 200
    assert [r["ligne"] for r in results] == list(range(1, 201))
    bad = [r for r in results if r["statut"] == "erreur"]
    assert [r["ligne"] for r in bad] == [151]
    assert bad[0]["erreur"]["ligne"] == 151 and "UTF-8" in bad[0]["erreur"]["message"]


def test_a_bare_carriage_return_inside_a_record_does_not_split_it(tmp_path):
    # CR is JSON whitespace: splitting on it gave 3 results for 2 records, later lines off by one.
    path = tmp_path / "flux.jsonl"
    path.write_bytes(b'{"seance": {"date": "2023-01-01"},\r "deliberations": [{"numero": "1"}]}\n'
                     + record("2023-01-02", "2").encode() + b"\n")
    results = lines_of(run(["check", str(path), "--format", "jsonl"]))
    assert [(r["ligne"], r["statut"] != "erreur") for r in results] == [(1, True), (2, True)]
    assert results[1]["seance"] == "2023-01-02"


def test_standard_input_does_not_bet_the_feed_on_its_first_line():
    feed = "pas du JSON\n" + record("2023-01-01") + "\n" + record("2023-01-02") + "\n"
    results = lines_of(run(["check", "-", "--format", "jsonl"], input=feed))
    assert [r["statut"] == "erreur" for r in results] == [True, False, False]
    assert [r["ligne"] for r in results] == [1, 2, 3]


def test_standard_input_with_a_bom_is_read():
    feed = "\ufeff" + record("2023-01-01") + "\n" + record("2023-01-02") + "\n"
    results = lines_of(run(["check", "-", "--format", "jsonl"], input=feed.encode("utf-8")))
    assert len(results) == 2 and all(r["statut"] != "erreur" for r in results)


def test_standard_input_pretty_json_yaml_and_text_are_told_apart():
    pretty = json.dumps({"seance": {"date": "2023-01-01"}, "deliberations": [{"numero": "1"}]}, indent=2)
    assert [r["seance"] for r in lines_of(run(["check", "-", "--format", "jsonl"], input=pretty))] == ["2023-01-01"]
    yaml_text = "seance:\n  date: '2023-01-01'\ndeliberations:\n  - numero: '1'\n"
    assert [r["seance"] for r in lines_of(run(["check", "-", "--format", "jsonl"], input=yaml_text))] == ["2023-01-01"]


def test_text_on_standard_input_is_read_as_a_document():
    text = ("COMMUNE DE SAINT-EXEMPLE\nExtrait du registre des délibérations du conseil municipal\n"
            "Séance du 19 décembre 2023\nL'an deux mille vingt-trois, le dix-neuf décembre, le conseil municipal "
            "s'est réuni sous la présidence de M. Jean Dupont, maire.\nDate de convocation : 13/12/2023\n"
            "Nombre de conseillers en exercice : 27\nPrésents : 20\n")
    for args in (["--entree", "texte"], []):
        result = run(["check", "-", "--format", "jsonl", *args], input=text)
        results = lines_of(result)
        assert len(results) == 1 and results[0]["statut"] != "erreur", result.stdout
        assert results[0]["seance"] == "2023-12-19"


def _csv(tmp_path, name, separator, encoding, bom=b""):
    text = separator.join(SCDL_COLUMNS) + "\r\n" + separator.join(SCDL_ROW) + "\r\n"
    path = tmp_path / name
    path.write_bytes(bom + text.encode(encoding))
    return path


@pytest.mark.parametrize("separator, encoding, bom, said", [
    (",", "utf-8", b"\xef\xbb\xbf", "UTF-8 avec BOM"),
    (";", "utf-8", b"", "séparateur « ; »"),
    (";", "cp1252", b"", "Windows-1252"),
])
def test_spreadsheet_csv_exports_are_read_and_what_was_found_is_said(tmp_path, separator, encoding, bom, said):
    path = _csv(tmp_path, "export.csv", separator, encoding, bom)
    result = run(["check", str(path), "--format", "jsonl"])
    results = lines_of(result)
    assert len(results) == 1 and results[0]["statut"] != "erreur", result.stdout
    assert results[0]["collectivite"] == "Ville d'Été"
    if said != "UTF-8 avec BOM" or bom:
        assert said in result.stderr


def test_a_csv_row_that_does_not_decode_is_its_own_error(tmp_path):
    path = tmp_path / "export.csv"
    row = ",".join(SCDL_ROW).encode("utf-8")
    # A UTF-8 export (accents in every row) with one row spoilt by a byte that is not UTF-8.
    path.write_bytes(",".join(SCDL_COLUMNS).encode() + b"\n" + row + b"\n" + row.replace(b"Budget", b"\xff\xfe") + b"\n"
                     + row + b"\n")
    results = lines_of(run(["check", str(path), "--format", "jsonl"]))
    assert [r["statut"] == "erreur" for r in results] == [False, True, False]
    assert results[1]["ligne"] == 3


def test_json_file_with_a_bom_is_read(tmp_path):
    path = tmp_path / "seance.json"
    path.write_bytes(b"\xef\xbb\xbf" + record("2023-01-01").encode())
    results = lines_of(run(["check", str(path), "--format", "jsonl"]))
    assert results[0]["statut"] != "erreur", results


def test_an_empty_directory_is_reported_and_is_not_a_success(tmp_path):
    empty = tmp_path / "vide"
    empty.mkdir()
    (empty / "notes.odt").write_bytes(b"x")
    result = run(["check", str(empty), "--format", "jsonl"])
    results = lines_of(result)
    assert len(results) == 1 and results[0]["statut"] == "erreur"
    assert "aucun fichier pris en charge" in results[0]["erreur"]["message"]
    assert result.exit_code == 2


def test_an_unreadable_subdirectory_is_reported_not_skipped(tmp_path):
    import os
    if os.geteuid() == 0:
        # root reads every folder: the walk is given a folder that vanishes instead.
        pytest.skip("permissions are not enforced for root")
    root = tmp_path / "actes"
    (root / "ferme").mkdir(parents=True)
    (root / "a.json").write_text(record("2023-01-01"), encoding="utf-8")
    (root / "ferme").chmod(0)
    try:
        results = lines_of(run(["check", str(root), "--format", "jsonl"]))
    finally:
        (root / "ferme").chmod(0o755)
    assert any(r["statut"] == "erreur" and "dossier illisible" in r["erreur"]["message"] for r in results)


def test_the_walk_reports_a_folder_it_cannot_list(tmp_path, monkeypatch):
    from checker import inputs
    root = tmp_path / "actes"
    (root / "ferme").mkdir(parents=True)
    (root / "a.json").write_text(record("2023-01-01"), encoding="utf-8")
    real_walk = inputs.os.walk

    def walk(top, onerror=None, **kw):
        for folder, dirs, files in real_walk(top, onerror=onerror, **kw):
            if folder.endswith("ferme"):
                onerror(PermissionError(13, "Permission denied", folder))
                dirs[:] = []
                continue
            yield folder, dirs, files
    monkeypatch.setattr(inputs.os, "walk", walk)
    sources = list(inputs.iter_sources([str(root)]))
    assert [s.kind for s in sources] == ["file", "error"]
    assert "dossier illisible (permission refusée)" in sources[1].payload.message


def test_exclude_and_label_files_are_left_out_of_a_walk(tmp_path):
    root = tmp_path / "corpus"
    (root / "brouillons").mkdir(parents=True)
    (root / "004.txt").write_text("Séance du 19 décembre 2023", encoding="utf-8")
    (root / "004.json").write_text('{"attendu": {}}', encoding="utf-8")
    (root / "seance.json").write_text(record("2023-01-01"), encoding="utf-8")
    (root / "brouillons" / "b.json").write_text(record("2023-01-02"), encoding="utf-8")
    names = [r["fichier"].rsplit("/", 1)[-1] for r in lines_of(run(
        ["check", str(root), "--format", "jsonl", "--exclude", "brouillons", "--sans-etiquettes"]))]
    assert names == ["004.txt", "seance.json"]


def test_messages_cut_long_values_and_speak_french(tmp_path):
    huge = "x" * 2_000_000
    path = tmp_path / "long.json"
    path.write_text(json.dumps({"seance": {"date": huge}}), encoding="utf-8")
    result = run(["check", str(path), "--format", "jsonl"])
    error = lines_of(result)[0]["erreur"]
    assert len(error["texte"]) < 1500 and "caractères" in error["texte"]
    digits = tmp_path / "chiffres.yaml"
    digits.write_text("seance:\n  date: '2023-01-01'\n  presents: " + "9" * 5000 + "\n", encoding="utf-8")
    tag = tmp_path / "tag.yaml"
    tag.write_text("seance: !!python/object:os.system {}\n", encoding="utf-8")
    bad_json = tmp_path / "mauvais.json"
    bad_json.write_text('{"seance": }', encoding="utf-8")
    for path, expected in ((digits, "chiffres"), (tag, "étiquette YAML"), (bad_json, "valeur attendue")):
        message = lines_of(run(["check", str(path), "--format", "jsonl"]))[0]["erreur"]["message"]
        assert expected in message, message
        for english in ("Exceeds the limit", "could not determine", "Expecting value", "constructor"):
            assert english not in message


def test_a_schema_error_in_a_json_file_gives_its_line(tmp_path):
    path = tmp_path / "seance.json"
    path.write_text('{\n  "seance": {\n    "date": "2023-01-01",\n    "presents": "vingt"\n  }\n}\n', encoding="utf-8")
    error = lines_of(run(["check", str(path), "--format", "jsonl"]))[0]["erreur"]
    assert error["ligne"] == 4 and error["champ"] == "seance.presents"


def test_control_characters_and_ansi_escapes_are_shown_not_obeyed_in_texte(tmp_path):
    path = tmp_path / "seance.json"
    path.write_text(json.dumps({"collectivite": {"nom": "Ville\x1b[2J\x1b[31mROUGE\x07"},
                                "seance": {"date": "2023-01-01"}}), encoding="utf-8")
    output = run(["check", str(path)]).stdout
    assert "\x1b" not in output and "\x07" not in output
    assert "\\x1b[2J" in output
