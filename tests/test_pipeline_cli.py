"""The command's conventions: exit codes that mean one thing, French help for every command,
-o/-q/-v/-V, colour only on a terminal, a configuration file found like ruff's."""
import ast
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from checker import cli_fr
from checker.cli import main
from checker.progress import Progress

LATE = {"collectivite": {"nom": "Commune A", "population": 5000},
        "seance": {"date": "2023-12-19", "membres_en_exercice": 27, "presents": 20},
        "convocation": {"date_envoi": "2023-12-14"}, "deliberations": [{"numero": "1"}]}
UNDECIDED = {"seance": {"date": "2023-12-19"}, "deliberations": [{"numero": "2"}]}
ENGLISH = ("Usage:", "Options:", "Show this message", "Show the version", "Error:", "No such option",
           "Missing argument", "is not one of", "Try '", "Aborted", "[default", "[required]", "Commands:")


def run(args, input=None, env=None, color=False):
    return CliRunner(env=env).invoke(main, args, input=input, catch_exceptions=False, color=color)


def jsonl(tmp_path, name, *records):
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("records, extra, code", [
    ([UNDECIDED], [], 0),
    ([LATE, UNDECIDED], [], 1),
    ([LATE, "cassé"], [], 1),                       # 1 whatever else happened
    ([UNDECIDED, "cassé"], [], 3),                  # some inputs unreadable, none non-compliant
    (["cassé", "{"], [], 2),                        # nothing at all could be read
    ([UNDECIDED], ["--echec-sur", "non_conforme,indetermine"], 1),
    ([UNDECIDED, "cassé"], ["--echec-sur", "non_conforme"], 0),
    ([LATE, "cassé"], ["--echec-sur", "erreur"], 3),
    ([LATE], ["--echec-sur", "aucun"], 0),
    (["cassé"], ["--echec-sur", "aucun"], 2),       # nothing read is never a success
])
def test_exit_codes_mean_one_thing_each(tmp_path, records, extra, code):
    result = run(["check", jsonl(tmp_path, "lot.jsonl", *records), "--format", "jsonl", *extra])
    assert result.exit_code == code, result.stderr


def test_a_batch_with_broken_records_still_says_non_conforme(tmp_path):
    # Before: 61 broken records out of 3 000 made the exit code 2 and hid 2 128 non-compliant acts.
    records = [LATE] * 30 + ["cassé"] * 2 + [UNDECIDED] * 10
    assert run(["check", jsonl(tmp_path, "lot.jsonl", *records), "-q"]).exit_code == 1


def test_usage_errors_are_2_and_in_french():
    for args in (["check", "--nope", "x"], ["check"], ["check", "--format", "xml", "x"], ["inconnue"],
                 ["check", "--echec-sur", "tout", "x"], ["explique"], ["regles", "--format", "csv"]):
        result = run(args)
        assert result.exit_code == 2, args
        assert "Erreur :" in result.stderr or "delibcheck :" in result.stderr
        for english in ENGLISH:
            assert english not in result.stderr, (args, english, result.stderr)


def _commands():
    ctx = click.Context(main)
    return ["", *main.list_commands(ctx)]


@pytest.mark.parametrize("command", _commands())
def test_help_is_entirely_french_with_examples_and_output_option(command):
    args = [command, "--help"] if command else ["--help"]
    text = run(args).stdout
    for english in ENGLISH:
        assert english not in text, (command, english)
    assert "Utilisation :" in text and "Options :" in text
    assert "Exemple" in text
    if command in ("check", ""):
        assert "Codes de sortie" in text and "141" in text and " 3 " in text
    if command:
        assert "--sortie" in text


def test_the_french_catalogue_covers_every_message_of_click():
    """Click's messages are read from its source: an upgrade that adds one fails here rather
    than printing English."""
    missing = []
    for path in sorted(Path(click.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.id == "_" and texts:
                missing += [t for t in texts if t not in cli_fr.CATALOGUE]
            elif node.func.id == "ngettext" and len(texts) == 2 and tuple(texts) not in cli_fr.PLURALS:
                missing.append(texts)
    assert missing == []


def test_choices_are_shown_in_help():
    assert "[commune|syndicat_de_communes" in run(["convocation", "--help"]).stdout
    assert "[texte|json|jsonl|junit|sarif|html]" in run(["check", "--help"]).stdout


def test_version_names_the_rule_catalogue():
    for flag in ("-V", "--version"):
        text = run([flag]).stdout
        assert text.startswith("delibcheck ") and "catalogue de règles" in text and "règles" in text


def test_output_file_quiet_and_verbose(tmp_path):
    path = jsonl(tmp_path, "lot.jsonl", LATE, UNDECIDED)
    target = tmp_path / "constats.jsonl"
    result = run(["check", path, "--format", "jsonl", "-o", str(target)])
    assert result.stdout == "" and len(target.read_text(encoding="utf-8").splitlines()) == 2
    assert "2 lus" in result.stderr
    assert run(["check", path, "-q"]).stderr == ""
    assert "règles chargées" in run(["check", path, "-v"]).stderr
    quorum = tmp_path / "quorum.json"
    run(["quorum", "--en-exercice", "27", "--presents", "9", "--format", "json", "-o", str(quorum)])
    assert "quorum" in json.loads(quorum.read_text(encoding="utf-8")) or quorum.stat().st_size > 0


def test_colour_only_on_a_terminal_and_never_with_no_color(tmp_path):
    path = jsonl(tmp_path, "lot.jsonl", LATE)
    assert "\x1b[" not in run(["check", path]).stdout                     # a pipe: none
    assert "\x1b[31" in run(["--couleur", "toujours", "check", path], color=True).stdout
    no_color = run(["check", path], env={"NO_COLOR": "1"}, color=True).stdout
    assert "\x1b[" not in no_color


def test_progress_bar_on_a_terminal_only():
    class Terminal(io.StringIO):
        def isatty(self):
            return True
    silent = io.StringIO()
    Progress(silent, total=10, every=0).tick(3)
    assert silent.getvalue() == ""
    shown = Terminal()
    bar = Progress(shown, total=10, every=0)
    bar.tick(4)
    text = shown.getvalue()
    assert "4/10" in text and "/s" in text and "reste" in text


def test_configuration_is_found_upward_and_command_line_wins(tmp_path, monkeypatch):
    project = tmp_path / "projet"
    deep = project / "a" / "b"
    deep.mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        '[tool.delibcheck]\nformat = "jsonl"\nexclude = ["brouillon*"]\n'
        '[tool.delibcheck.contexte.collectivite]\nnom = "Commune de Configuration"\npopulation = 5000\n',
        encoding="utf-8")
    (deep / "seance.json").write_text(json.dumps(UNDECIDED), encoding="utf-8")
    (deep / "brouillon.json").write_text("{", encoding="utf-8")
    monkeypatch.chdir(deep)
    monkeypatch.delenv("DELIBCHECK_CONFIG", raising=False)
    lines = [json.loads(line) for line in run(["check", "."]).stdout.splitlines()]
    assert len(lines) == 1 and lines[0]["collectivite"] == "Commune de Configuration"
    assert run(["check", ".", "--format", "texte"]).stdout.startswith("Commune de Configuration")
    (deep / "delibcheck.toml").write_text('format = "json"\n', encoding="utf-8")
    assert json.loads(run(["check", "."]).stdout)["schema_version"]


def test_a_fact_from_the_context_says_where_it_comes_from_and_never_overrides(tmp_path, monkeypatch):
    (tmp_path / "delibcheck.toml").write_text('[contexte.collectivite]\nnom = "Autre"\npopulation = 800\n',
                                              encoding="utf-8")
    (tmp_path / "seance.json").write_text(json.dumps(LATE), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DELIBCHECK_CONFIG", raising=False)
    result = json.loads(run(["check", "seance.json", "--format", "json"]).stdout)["resultats"][0]
    assert result["collectivite"] == "Commune A"
    assert result["statut"] == "non_conforme"          # population 5000 kept: five jours francs


@pytest.mark.parametrize("content, expected", [
    ("format = 3\n", "doit être un texte"),
    ("formatt = 'json'\n", "clé inconnue"),
    ("format = \n", "TOML mal formé"),
    ("[contexte.collectivite]\npopulation = 'beaucoup'\n", "contexte"),
])
def test_a_bad_configuration_is_a_usage_error_naming_the_file(tmp_path, monkeypatch, content, expected):
    (tmp_path / "delibcheck.toml").write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DELIBCHECK_CONFIG", raising=False)
    result = run(["check", "x.json"])
    assert result.exit_code == 2
    assert "delibcheck.toml" in result.stderr and expected in result.stderr


def test_shell_completion_offers_the_choices():
    result = CliRunner(env={"_DELIBCHECK_COMPLETE": "bash_complete", "COMP_WORDS": "delibcheck check --format ",
                            "COMP_CWORD": "3"}).invoke(main, [], prog_name="delibcheck")
    assert result.exit_code == 0
    assert "plain,jsonl" in result.stdout and "plain,sarif" in result.stdout
