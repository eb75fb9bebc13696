"""`delibcheck extrait FILE`: the record read, in YAML or JSON; errors in French, exit code 2."""
import json

import yaml
from click.testing import CliRunner
from reader_support import DATA

from checker.cli_extrait import extrait

VILLENEUVE = str(DATA / "corpus" / "villeneuve-dascq-2023-12-19.txt")


def test_yaml_by_default():
    result = CliRunner().invoke(extrait, [VILLENEUVE])
    assert result.exit_code == 0
    record = yaml.safe_load(result.output)
    assert record["seance"]["date"]["valeur"] == "2023-12-19"


def test_json_on_request():
    result = CliRunner().invoke(extrait, [VILLENEUVE, "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["seance"]["heure"] == "18:45"


def test_missing_file_is_a_french_message_and_exit_code_2(tmp_path):
    result = CliRunner().invoke(extrait, [str(tmp_path / "absent.pdf")])
    assert result.exit_code == 2
    assert "fichier introuvable" in result.output
    assert "Traceback" not in result.output


def test_document_without_date_is_exit_code_2(tmp_path):
    path = tmp_path / "vide.txt"
    path.write_text("Rien à lire ici.", encoding="utf-8")
    result = CliRunner().invoke(extrait, [str(path)])
    assert result.exit_code == 2
    assert "aucune date de séance lisible" in result.output
