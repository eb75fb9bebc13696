"""The cached engine: compiled as records need it, kept across runs, and a cache directory that is
missing, unwritable, truncated or written by two processes at once never gives a wrong engine."""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from checker import engine_cache
from checker.engine import Engine
from checker.record import build_record
from ruleset import parse_cache
from ruleset.loader import load_rules

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "villeneuve-dascq-2023-12-19.yaml"


def _findings(engine, record) -> list:
    return [(f.regle, f.chemin, f.statut, f.message, [(x.chemin, x.valeur) for x in f.faits],
             [x.chemin for x in f.manquants]) for f in engine.check(record)]


def _records(count: int, year: int = 2023) -> list:
    """`count` records of one period (the same law in force), some of their facts varying."""
    example = next(r for r in load_rules() if r.id == "L2121-17.quorum").exemples[0].dossier
    records = []
    for index in range(count):
        data = json.loads(json.dumps(example, default=str))
        data["seance"]["date"] = dt.date(year, 3, 1 + index % 28).isoformat()
        if index % 3 == 0:
            data["seance"].pop("presents", None)
        records.append(build_record(data, f"dossier-{index}"))
    return records


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DELIBCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("DELIBCHECK_MOTEUR", raising=False)
    engine_cache._engine_for.cache_clear()
    yield tmp_path / "cache"
    engine_cache._engine_for.cache_clear()


def test_a_new_engine_checks_a_few_records_without_compiling_and_agrees_with_compiled_code(fresh_cache, monkeypatch):
    monkeypatch.setattr(engine_cache, "COMPILE_AFTER", 5)
    engine = engine_cache.engine_for(None)
    reference = Engine(engine.rules, compiled=True)
    records = _records(12)
    for record in records[:5]:
        assert _findings(engine, record) == _findings(reference, record)
    assert engine.compiled_count() == 0
    # The period has served its five records on the interpreter: the next one compiles it.
    for record in records[5:]:
        assert _findings(engine, record) == _findings(reference, record)
    assert engine.compiled_count() > 0
    assert not engine.fully_compiled


def test_the_code_a_run_compiled_is_found_by_the_next_run(fresh_cache, monkeypatch):
    monkeypatch.setattr(engine_cache, "COMPILE_AFTER", 1)
    engine = engine_cache.engine_for(None)
    for record in _records(3):
        engine.check(record)
    compiled = engine.compiled_count()
    assert compiled > 0
    engine_cache._keep_compiled()
    engine_cache._engine_for.cache_clear()
    again = engine_cache.engine_for(None)
    assert again is not engine and again.compiled_count() == compiled
    # Its period is compiled already: its first record runs compiled code, not the interpreter.
    record = _records(1)[0]
    assert again._interpreted(record.date) is None


def test_workers_get_every_version_compiled_and_cached(fresh_cache):
    engine = engine_cache.compiled_for_workers(None)
    assert engine.fully_compiled and engine.compile_after == 0
    engine_cache._engine_for.cache_clear()
    assert engine_cache.engine_for(None).fully_compiled


def test_a_one_record_run_writes_its_caches_and_the_next_run_reads_them(tmp_path):
    cache = tmp_path / "cache"
    env = {**os.environ, "DELIBCHECK_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    env.pop("DELIBCHECK_MOTEUR", None)
    command = [sys.executable, "-m", "checker.cli", "check", "--format", "json", str(EXAMPLE)]
    first = subprocess.run(command, capture_output=True, env=env, cwd=tmp_path)
    written = sorted(p.name for p in cache.iterdir())
    assert any(name.endswith(".moteur.pickle") for name in written)
    # The engine's entry holds the rules: they are not pickled a second time as a catalogue.
    assert not any(name.endswith(".catalogue.pickle") for name in written)
    second = subprocess.run(command, capture_output=True, env=env, cwd=tmp_path)
    assert first.returncode == second.returncode and first.returncode in (0, 1)
    assert first.stdout == second.stdout
    assert sorted(p.name for p in cache.iterdir()) == written


@pytest.mark.parametrize("setting", ["not-a-directory", "missing"])
def test_a_cache_that_cannot_be_written_or_is_missing_costs_only_speed(tmp_path, setting):
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")
    # Under a regular file no folder can be made (root ignores permissions, not this).
    cache = blocker / "cache" if setting == "not-a-directory" else tmp_path / "absent" / "cache"
    env = {**os.environ, "DELIBCHECK_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "checker.cli", "check", "--format", "json", str(EXAMPLE)]
    done = subprocess.run(command, capture_output=True, env=env, cwd=tmp_path)
    reference = subprocess.run(command, capture_output=True, env={**env, "DELIBCHECK_CACHE": "0"}, cwd=tmp_path)
    assert done.returncode == reference.returncode and done.stdout == reference.stdout
    assert b"Traceback" not in done.stderr
    assert cache.is_dir() is (setting == "missing")


def test_a_truncated_or_foreign_cache_file_is_rebuilt(fresh_cache):
    engine = engine_cache.engine_for(None)
    entry = engine_cache._engine_for(None, True)[1]
    path = fresh_cache / entry
    whole = path.read_bytes()
    for damaged in (whole[: len(whole) // 2], b"", pickle.dumps({"autre": "chose"})):
        path.write_bytes(damaged)
        engine_cache._engine_for.cache_clear()
        rebuilt = engine_cache.engine_for(None)
        assert type(rebuilt) is Engine and [r.id for r in rebuilt.rules] == [r.id for r in engine.rules]
        assert path.read_bytes() != damaged


def test_an_engine_built_without_a_cached_catalogue_leaves_none_and_reads_one_cached_later(fresh_cache, monkeypatch):
    load_rules.cache_clear()
    engine = engine_cache.engine_for(None)
    assert not list(fresh_cache.glob("*.catalogue.pickle"))
    # A command that lists or explains the rules caches them with their examples…
    rules = load_rules()
    assert any(rule.exemples for rule in rules)
    [entry] = fresh_cache.glob("*.catalogue.pickle")
    # …and an engine built later (its own entry lost) reads them from there.
    next(fresh_cache.glob("*.moteur.pickle")).unlink()
    engine_cache._engine_for.cache_clear()
    read = []
    original = parse_cache.load

    def spy(name):
        read.append(name)
        return original(name)

    monkeypatch.setattr(parse_cache, "load", spy)
    loaded = engine_cache.engine_for(None)
    assert entry.name in read
    assert not list(fresh_cache.glob(".tmp-*")) and len(list(fresh_cache.glob("*.catalogue.pickle"))) == 1
    assert [r.id for r in loaded.rules] == [r.id for r in engine.rules]
    record = _records(1)[0]
    assert _findings(loaded, record) == _findings(engine, record)
    load_rules.cache_clear()


@pytest.mark.parametrize("foreign", [(), ("pas", "des", "règles"), ({"id": "L2121-17.quorum"},), None])
def test_a_catalogue_entry_that_does_not_hold_rules_is_rebuilt(fresh_cache, foreign):
    load_rules.cache_clear()
    rules = load_rules()
    [entry] = fresh_cache.glob("*.catalogue.pickle")
    entry.write_bytes(pickle.dumps(foreign) if foreign is not None else entry.read_bytes()[:1000])
    load_rules.cache_clear()
    engine_cache._engine_for.cache_clear()
    for found in (load_rules(), engine_cache.engine_for(None).rules):
        assert [r.id for r in found] == [r.id for r in rules]
    load_rules.cache_clear()


def test_a_check_turns_the_collector_back_on_and_leaves_the_rules_out_of_its_sight(fresh_cache):
    import gc

    from click.testing import CliRunner

    from checker.cli import main

    assert gc.isenabled()
    done = CliRunner().invoke(main, ["check", "--format", "json", str(EXAMPLE)])
    assert done.exit_code in (0, 1), done.output
    assert gc.isenabled()
    engine = engine_cache.engine_for(None)
    assert not gc.is_tracked(engine) or engine not in gc.get_objects()
    assert gc.get_freeze_count() > 0


def _write_many(folder: str, name: str, value, times: int) -> None:
    os.environ["DELIBCHECK_CACHE"] = folder
    for _ in range(times):
        parse_cache.store(name, value)


def test_two_processes_writing_one_entry_never_let_a_reader_see_half_of_it(tmp_path, monkeypatch):
    monkeypatch.setenv("DELIBCHECK_CACHE", str(tmp_path))
    name = "essai.concurrence.pickle"
    # Large enough that a write takes many system calls: a reader would meet a half-written file.
    values = [list(range(200_000)), [str(i) for i in range(120_000)]]
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_write_many, args=(str(tmp_path), name, value, 15)) for value in values]
    for writer in writers:
        writer.start()
    while any(w.is_alive() for w in writers):
        found = parse_cache.load(name)
        assert found is None or found in values
    for writer in writers:
        writer.join()
        assert writer.exitcode == 0
    assert parse_cache.load(name) in values
    # No temporary file is left behind by either writer.
    assert [p.name for p in tmp_path.iterdir()] == [name]
