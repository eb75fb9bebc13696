"""The snapshot of the bundled rule files (`ruleset/rules_snapshot.json`) is what PyYAML reads
from them, line numbers included; a rule file not in it is parsed as before."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ruleset import snapshot
from ruleset.catalogue import decode as text_of
from ruleset.catalogue import default_rules_dir, rule_files
from ruleset.errors import RuleError
from ruleset.loader import load_rules
from ruleset.yaml_loader import LineDict, LineList, load_yaml

ROOT = Path(__file__).resolve().parent.parent


def _same(parsed, restored, where="") -> None:
    """Equal values, of the same types, with the same lines at every level."""
    assert type(restored) is type(parsed), where
    if isinstance(parsed, LineDict):
        assert list(restored) == list(parsed), where
        assert restored.line == parsed.line and restored.lines == parsed.lines, where
        for key in parsed:
            _same(parsed[key], restored[key], f"{where}.{key}")
    elif isinstance(parsed, LineList):
        assert len(restored) == len(parsed), where
        assert restored.line == parsed.line and restored.lines == parsed.lines, where
        for index, (a, b) in enumerate(zip(parsed, restored)):
            _same(a, b, f"{where}[{index}]")
    else:
        assert restored == parsed, where


def test_the_snapshot_is_up_to_date_with_the_rule_files():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "rules_snapshot.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + " (lancer : python scripts/rules_snapshot.py)"


@pytest.mark.parametrize("path", rule_files(default_rules_dir()), ids=lambda p: p.name)
def test_each_bundled_file_is_in_the_snapshot_as_pyyaml_reads_it(path):
    data = path.read_bytes()
    restored = snapshot.parsed(data)
    assert restored is not None, f"{path.name} absent de {snapshot.FILENAME} : lancer python scripts/rules_snapshot.py"
    _same(load_yaml(text_of(data, path.name), path.name), restored)


def test_an_edited_rule_file_is_parsed_not_taken_from_the_snapshot(tmp_path, monkeypatch):
    monkeypatch.setenv("DELIBCHECK_CACHE", "0")
    rules = tmp_path / "regles"
    shutil.copytree(default_rules_dir(), rules, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    target = next(p for p in rule_files(rules) if p.name == "L2121-17.yaml")
    text = target.read_text(encoding="utf-8")
    old = "    titre: Majorité des membres en exercice physiquement présents\n"
    assert old in text
    target.write_text(text.replace(old, "    titre: Titre modifié après l'instantané\n"), encoding="utf-8")
    assert snapshot.parsed(target.read_bytes()) is None
    loaded = {rule.id: rule for rule in load_rules(str(rules))}
    assert loaded["L2121-17.quorum"].titre == "Titre modifié après l'instantané"
    # A broken edit is reported against its own line, as PyYAML reads it.
    target.write_text(text.replace(old, old + "    titre: deux fois\n"), encoding="utf-8")
    load_rules.cache_clear()
    with pytest.raises(RuleError) as raised:
        load_rules(str(rules))
    assert "en double" in raised.value.message
    assert raised.value.ligne == text[:text.index(old)].count("\n") + 2


def test_a_file_of_the_snapshot_keeps_its_line_numbers_in_later_errors(tmp_path, monkeypatch):
    """A bundled file read from the snapshot and a rule directory where it breaks a cross-file
    check: the message still names the file and its line."""
    monkeypatch.setenv("DELIBCHECK_CACHE", "0")
    source = next(p for p in rule_files(default_rules_dir()) if p.name == "L2121-17.yaml")
    rules = tmp_path / "regles"
    (rules / "cgct").mkdir(parents=True)
    shutil.copy(source, rules / "cgct" / "L2121-17.yaml")
    shutil.copy(source, rules / "cgct" / "L2121-17-bis.yaml")
    assert snapshot.parsed(source.read_bytes()) is not None
    with pytest.raises(RuleError) as raised:
        load_rules(str(rules))
    # The copy's name no longer matches its article: the error points at the line of « article ».
    assert raised.value.fichier.endswith("L2121-17-bis.yaml")
    assert raised.value.ligne == load_yaml(source.read_text(encoding="utf-8"), "x").lines["article"]


def test_rules_from_the_snapshot_are_the_rules_parsed_from_yaml(monkeypatch):
    monkeypatch.setenv("DELIBCHECK_CACHE", "0")
    load_rules.cache_clear()
    with_snapshot = load_rules()
    load_rules.cache_clear()
    monkeypatch.setattr(snapshot, "parsed", lambda data: None)
    parsed = load_rules()
    load_rules.cache_clear()
    assert [r.id for r in with_snapshot] == [r.id for r in parsed]
    for a, b in zip(with_snapshot, parsed):
        assert (a.ligne, a.titre, a.exemples, a.libelles, a.legiarti_a_verifier) == \
            (b.ligne, b.titre, b.exemples, b.libelles, b.legiarti_a_verifier)
        assert [(v.du, v.au, v.legiarti, v.sources, v.messages) for v in a.versions] == \
            [(v.du, v.au, v.legiarti, v.sources, v.messages) for v in b.versions]
