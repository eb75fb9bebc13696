"""One configuration file, `delibcheck.toml`: the store (`[base]`), the reference data
(`referentiel`), the default body (`[contexte]`); the store's former YAML file still read, with a
French notice saying what to write instead."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.referentiel.donnees import FICHIER

VILLENEUVE = {"collectivite": {"nom": "Villeneuve d'Ascq"}, "seance": {"date": "2023-12-19"},
              "deliberations": [{"numero": "1"}]}


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """A working directory with no configuration above it that we do not write, and no YAML."""
    monkeypatch.chdir(tmp_path)
    for name in ("DELIBCHECK_CONFIG", "DELIBCHECK_BASE", "DELIBCHECK_AUTEUR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    (tmp_path / "v.json").write_text(json.dumps(VILLENEUVE), encoding="utf-8")
    return tmp_path


def run(args):
    return CliRunner().invoke(main, args)


def filled(result) -> dict:
    out = json.loads(result.stdout)["resultats"][0].get("referentiel") or {}
    return {item["chemin"]: item for item in out.get("remplis", ())}


def test_the_base_table_gives_the_store_and_the_author_to_check_and_suivi(isolated):
    (isolated / "delibcheck.toml").write_text('[base]\nurl = "actes.sqlite"\nauteur = "Agent Toml"\n', encoding="utf-8")
    sub = isolated / "lot"
    sub.mkdir()
    (sub / "v.json").write_text(json.dumps(VILLENEUVE), encoding="utf-8")
    import os
    os.chdir(sub)
    result = run(["check", "v.json", "--format", "json"])
    assert result.exit_code == 0, result.output
    # Relative to the file, not to the working directory.
    assert (isolated / "actes.sqlite").exists() and not (sub / "actes.sqlite").exists()
    assert "concorde" in result.stderr and "obsolète" not in result.stderr
    listed = json.loads(run(["suivi", "--format", "json"]).stdout)
    assert len(listed["actes"]) == 1
    identite = listed["actes"][0]["acte"]
    recorded = run(["suivi", "recours", identite, "--date", "2024-01-10"])
    assert recorded.exit_code == 0, recorded.output
    listed = json.loads(run(["suivi", "--format", "json"]).stdout)
    assert [a["auteur"] for a in listed["actes"][0]["actions"]] == ["Agent Toml"]


def test_the_former_yaml_is_read_with_a_french_notice_saying_what_to_write(isolated):
    yaml_file = isolated / "xdg" / "delibcheck" / "config.yaml"
    yaml_file.parent.mkdir(parents=True)
    yaml_file.write_text(f"base: {isolated / 'ancienne.sqlite'}\nauteur: Agent Yaml\n", encoding="utf-8")
    result = run(["check", "v.json"])
    assert result.exit_code == 0 and (isolated / "ancienne.sqlite").exists()
    assert "obsolète" in result.stderr and "delibcheck.toml" in result.stderr
    assert f'url = "{isolated / "ancienne.sqlite"}"' in result.stderr and 'auteur = "Agent Yaml"' in result.stderr
    # The TOML file wins over the YAML one, and then nothing is said of the YAML.
    (isolated / "delibcheck.toml").write_text('[base]\nurl = "nouvelle.sqlite"\nauteur = "Agent Toml"\n', encoding="utf-8")
    result = run(["check", "v.json"])
    assert result.exit_code == 0 and (isolated / "nouvelle.sqlite").exists() and "obsolète" not in result.stderr
    # --isole reads neither.
    (isolated / "nouvelle.sqlite").unlink()
    result = run(["--isole", "check", "v.json"])
    assert "base" not in result.stderr and not (isolated / "nouvelle.sqlite").exists()


def test_referentiel_false_turns_the_reference_data_off(isolated):
    with_data = run(["check", "v.json", "--format", "json"])
    assert "collectivite.population" in filled(with_data)
    (isolated / "delibcheck.toml").write_text("referentiel = false\n", encoding="utf-8")
    without = run(["check", "v.json", "--format", "json"])
    assert without.exit_code == 0 and filled(without) == {}
    refused = run(["collectivite", "Villeneuve d'Ascq"])
    assert refused.exit_code == 2 and "désactivé" in refused.stderr


def test_referentiel_names_another_derived_file(isolated):
    lines = FICHIER.read_text(encoding="utf-8").split("\n")
    line = next(x for x in lines if x.startswith("C\t59009\t")).split("\t")
    line[7] = ",".join(["2000"] * len(line[7].split(",")))   # every version: 2 000 inhabitants
    (isolated / "autre.tsv").write_text(lines[0] + "\n" + "\t".join(line) + "\n", encoding="utf-8")
    (isolated / "delibcheck.toml").write_text('referentiel = "autre.tsv"\n', encoding="utf-8")
    result = run(["check", "v.json", "--format", "json"])
    population = filled(result)["collectivite.population"]["valeur"]
    assert isinstance(population, dict) and population["max"] < 3500
    shown = json.loads(run(["collectivite", "59009", "--date", "2023-12-19", "--format", "json"]).stdout)
    assert all(p["population"] == 2000 for p in shown["populations"])
    # Back to the shipped file in the same process when the configuration does not name one.
    (isolated / "delibcheck.toml").unlink()
    assert filled(run(["check", "v.json", "--format", "json"]))["collectivite.population"]["valeur"]["min"] > 50000


@pytest.mark.parametrize("content, expected", [
    ('referentiel = "absent.tsv"\n', "référentiel illisible"),
    ('referentiel = "v.json"\n', "pas un fichier de référentiel"),
    ("referentiel = 3\n", "false (pas de référentiel)"),
    ('[base]\nadresse = "x"\n', "clé inconnue « base.adresse »"),
    ('[base]\nurl = ""\n', "texte non vide"),
    ("[base]\nauteur = 7\n", "« base.auteur » doit être un texte"),
])
def test_a_bad_base_or_referentiel_is_a_usage_error_naming_the_file(isolated, content, expected):
    (isolated / "delibcheck.toml").write_text(content, encoding="utf-8")
    result = run(["check", "v.json"])
    assert result.exit_code == 2 and "delibcheck.toml" in result.stderr and expected in result.stderr


def test_the_default_body_of_the_configuration_is_completed_from_the_reference_data(isolated):
    (isolated / "delibcheck.toml").write_text('[contexte.collectivite]\nsiren = "215900093"\n', encoding="utf-8")
    (isolated / "s.json").write_text(json.dumps({"seance": {"date": "2023-12-19"}, "deliberations": [{"numero": "1"}]}),
                                     encoding="utf-8")
    result = run(["check", "s.json", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert filled(result)["collectivite.departement"]["valeur"] == "59"


def test_the_pyproject_table_takes_the_same_keys(isolated):
    (isolated / "pyproject.toml").write_text('[tool.delibcheck]\nreferentiel = false\n[tool.delibcheck.base]\n'
                                             'url = "p.sqlite"\n', encoding="utf-8")
    result = run(["check", "v.json", "--format", "json"])
    assert result.exit_code == 0 and filled(result) == {} and Path(isolated / "p.sqlite").exists()


def test_the_environment_wins_over_the_base_table(isolated, monkeypatch):
    (isolated / "delibcheck.toml").write_text('[base]\nurl = "fichier.sqlite"\n', encoding="utf-8")
    monkeypatch.setenv("DELIBCHECK_BASE", str(isolated / "env.sqlite"))
    assert run(["check", "v.json"]).exit_code == 0
    assert (isolated / "env.sqlite").exists() and not (isolated / "fichier.sqlite").exists()
    assert run(["check", "v.json", "--base", "option.sqlite"]).exit_code == 0
    assert (isolated / "option.sqlite").exists()


def test_the_readers_lexicon_follows_the_reference_file_chosen():
    from checker.reader import lexique
    from checker.referentiel import donnees
    lines = FICHIER.read_text(encoding="utf-8").split("\n")
    only_villeneuve = [lines[0]] + [x for x in lines if x.startswith("C\t59009\t")]
    other = Path(__import__("tempfile").mkdtemp()) / "autre.tsv"
    other.write_text("\n".join(only_villeneuve) + "\n", encoding="utf-8")
    try:
        assert lexique.is_commune("Lille") and lexique.is_commune("Villeneuve d'Ascq")
        donnees.utiliser(other)
        assert lexique.is_commune("Villeneuve d'Ascq") and not lexique.is_commune("Lille")
    finally:
        donnees.utiliser(None)
    assert lexique.is_commune("Lille")
