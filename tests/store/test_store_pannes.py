"""Faults: a batch killed (SIGKILL) at random points then re-run loses nothing and doubles
nothing; two writers at once corrupt nothing and lose no update."""
import importlib.util
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from checker.record import build_record
from checker.store import Store
from checker.store.identite import identites
from checker.store.tables import actes, actions, elements_lot, lots, seances, versions_actes

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)


def _feed(path: Path, count: int, seed: int, start: int = 0) -> set:
    """`count` generated lines (some broken on purpose); the identities of the acts they hold."""
    lines = list(generate.lines(start + count, seed))[start:]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = set()
    for number, line in enumerate(lines):
        try:
            record = build_record(json.loads(line), f"{path}:{number + 1}")
        except Exception:
            continue
        expected.update(key for _, key, _ in identites(record))
    return expected


def _run(base: str, *paths: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-m", "checker.cli", "check", *paths, "--base", base, "--format", "jsonl"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)


def _count(store: Store, query) -> int:
    with store.reading() as connection:
        return connection.execute(query).scalar_one()


def _state(base: str) -> dict:
    store = Store(base)
    with store.reading() as connection:
        out = {
            "identites": {r[0] for r in connection.execute(select(actes.c.identite))},
            "versions_max": connection.execute(select(func.max(actes.c.version))).scalar_one(),
            "versions": connection.execute(select(func.count()).select_from(versions_actes)).scalar_one(),
            "seances": connection.execute(select(func.count()).select_from(seances)).scalar_one(),
            "lots": [(r.id, r.etat, r.lus) for r in connection.execute(select(lots).order_by(lots.c.id))],
            "elements": dict(connection.execute(select(elements_lot.c.lot_id, func.count())
                                                .group_by(elements_lot.c.lot_id)).all()),
        }
    store.close()
    return out


def test_a_batch_killed_at_random_points_then_rerun_loses_and_doubles_nothing(base, tmp_path):
    # Five chunks of 100: after the first chunk is committed, four remain to be killed in, even on a
    # fast idle machine (two chunks let the run end before the kill there).
    feed = tmp_path / "flux.jsonl"
    size = 450
    expected = _feed(feed, size, seed=7)
    rng = random.Random(int(os.environ.get("DELIBCHECK_GRAINE_PANNE", "0")) or None)
    Store(base).close()
    kills = 0
    for _ in range(1):
        process = _run(base, str(feed))
        store = Store(base, upgrade=False)
        deadline = time.monotonic() + 60
        # Wait for the run to have committed a chunk (so the kill falls in the middle of the
        # batch), then kill it a random moment later.
        while process.poll() is None and time.monotonic() < deadline:
            last = _count(store, select(func.max(lots.c.id)))
            if last and _count(store, select(func.count()).select_from(elements_lot).where(elements_lot.c.lot_id == last)):
                break
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.05))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait()
        store.close()
    final = _run(base, str(feed))
    _, err = final.communicate(timeout=120)
    assert final.returncode == 1, err  # non-compliant acts, whatever the broken lines (issue 14)
    assert f"{size} éléments enregistrés" in err.decode() and "concorde avec le résumé" in err.decode()
    state = _state(base)
    assert state["identites"] == expected
    assert state["versions_max"] == 1 and state["versions"] == len(expected)
    assert state["seances"] == len([x for x in feed.read_text().splitlines()
                                    if x.startswith("{") and '"format"' in x])
    *killed, (last_id, etat, lus) = state["lots"]
    assert (etat, lus, state["elements"][last_id]) == ("termine", size, size)
    for lot_id, lot_state, _ in killed:
        # A chunk is written whole or not at all: a killed run holds whole chunks of 100.
        assert lot_state == "termine" or state["elements"].get(lot_id, 0) % 100 == 0
    assert kills >= 1


def test_two_batches_at_once_on_overlapping_inputs(base, tmp_path):
    first = _feed(tmp_path / "un.jsonl", 70, seed=3)
    second = _feed(tmp_path / "deux.jsonl", 70, seed=3, start=35)
    Store(base).close()
    runs = [_run(base, str(tmp_path / "un.jsonl")), _run(base, str(tmp_path / "deux.jsonl"))]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode in (0, 1, 2) and "concorde avec le résumé" in err.decode(), err
    state = _state(base)
    assert state["identites"] == first | second
    assert state["versions_max"] == 1 and state["versions"] == len(first | second)
    assert [(etat, lus) for _, etat, lus in state["lots"]] == [("termine", 70), ("termine", 70)]


def _act_writer(base: str, identite: str, who: str, count: int) -> None:
    from checker.store.suivi import record_action
    import datetime as dt
    store = Store(base, upgrade=False)
    for k in range(count):
        with store.writing() as connection:
            record_action(connection, identite, "recours_gracieux" if k % 2 else "demande_pieces",
                          dt.date(2024, 1, 1) + dt.timedelta(days=k), who, note=str(k))
    store.close()


def _version_writer(base: str, tag: str, count: int) -> None:
    from checker.engine_cache import engine_for
    from checker.store.acte import build
    from checker.store.ecriture import write_payloads
    engine = engine_for(None)
    store = Store(base, upgrade=False)
    for k in range(count):
        record = build_record({"collectivite": {"nom": "Ville"}, "seance": {"date": "2024-01-15"},
                               "deliberations": [{"numero": "1", "objet": f"{tag} {k}"}]}, f"{tag}.json")
        payload = build(record, engine.check(record), "test")
        with store.writing() as connection:
            write_payloads(connection, [payload], None, "test")
    store.close()


def test_two_writers_at_once_lose_no_update(base, tmp_path):
    from checker.engine_cache import engine_for
    engine_for(None)  # built once, before the processes share its cache
    Store(base).close()
    _version_writer(base, "depart", 1)
    identite = "nom:ville|2024-01-15|1"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_act_writer, args=(base, identite, who, 12)) for who in ("A", "B")]
    workers += [context.Process(target=_version_writer, args=(base, tag, 8)) for tag in ("x", "y")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    store = Store(base)
    with store.reading() as connection:
        act = connection.execute(select(actes).where(actes.c.identite == identite)).one()
        done = list(connection.execute(select(actions.c.auteur, actions.c.note).where(actions.c.acte_id == act.id)))
        numbers = [r[0] for r in connection.execute(select(versions_actes.c.version)
                                                    .where(versions_actes.c.acte_id == act.id)
                                                    .order_by(versions_actes.c.version))]
        last = connection.execute(select(versions_actes.c.empreinte).where(
            versions_actes.c.acte_id == act.id, versions_actes.c.version == act.version)).scalar_one()
    store.close()
    assert sorted(done) == sorted((who, str(k)) for who in ("A", "B") for k in range(12))
    assert numbers == list(range(1, 18)) and act.version == 17 and last == act.empreinte
