"""The store at size: acts recorded per second into SQLite and PostgreSQL, store size, the time
of a join lookup and of the worklist.

    python bench/store.py --actes 100000 [--sqlite-seulement | --postgresql-seulement] [--postgresql URL]

Checking records is measured by `bench/run.py`; this measures what the store adds. A sample of
generated records (`bench/generate.py`) is checked once, and what the store keeps of them
(`checker.store.acte.build`: record, findings, decision) is written again and again under new
identities — chunks of 100 meetings, one transaction each, as `check --base` writes them — so
each act written carries real findings. One meeting in fifty is a commune's adhesion to one of 500
syndicates, and one in a hundred that syndicate's decision on it, so that the join lookups have
material (at 1 000 000 acts, some 16 adhesions and 8 decisions per syndicate).
Then, at that size: the join lookup of a new commune's adhesion (`contexte.related`), the acts a
new syndicate completes (`ecriture._affected`), what an operation awaits (`attentes.for_act`),
the worklist (`suivi.worklist`, 50 acts, and its counts). PostgreSQL is a throwaway cluster
started on 127.0.0.1 (see tests/store/cluster.py) unless a URL is given. The end-to-end cost of
`check --base` against `check` is measured on the sample.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sample_payloads(count: int):
    from checker.engine_cache import engine_for
    from checker.record import build_record
    from checker.store.acte import build

    generate = _module("bench_generate", ROOT / "bench" / "generate.py")
    engine = engine_for(None)
    payloads = []
    for n, line in enumerate(generate.lines(count, seed=18)):
        try:
            record = build_record(json.loads(line), f"bench:{n}")
        except Exception:
            continue
        payloads.append(build(record, engine.check(record), "bench"))
    return payloads


def clone(payload, i: int):
    """The payload as a different meeting: new body, identities and fingerprints."""
    nature, nom = payload.nature, payload.organisme_nom
    operations = []
    if i % 50 == 0:
        # The commune of meeting i asks to join syndicate (i // 50) % 500 …
        nature, nom = "commune", f"Commune {i}"
        syndicat = (i // 50) % 500
        operations = [{"role": "demande", "operation": "adhesion", "syndicat_siren": None,
                       "syndicat_nom": f"syndicat {syndicat}", "syndicat_nature": "syndicat_de_communes",
                       "syndicat_libelle": f"Syndicat {syndicat}", "membre": f"commune {i}", "competence": None,
                       "date_notification": None, "date_decision": None}]
    elif i % 100 == 1:
        # … and, for one commune in two, that syndicate's decision follows.
        syndicat = ((i - 1) // 50) % 500
        nature, nom = "syndicat_de_communes", f"Syndicat {syndicat}"
        operations = [{"role": "decision", "operation": "adhesion", "syndicat_siren": None,
                       "syndicat_nom": f"syndicat {syndicat}", "syndicat_nature": nature,
                       "syndicat_libelle": nom, "membre": f"commune {i - 1}", "competence": None,
                       "date_notification": None, "date_decision": None}]
    actes = [dataclasses.replace(a, identite=f"bench:{i}|{a.rang}", empreinte=f"{i}-{a.rang}-{a.empreinte[:40]}",
                                 operations=operations if a.rang == 0 else []) for a in payload.actes]
    return dataclasses.replace(payload, empreinte=f"{i}-{payload.empreinte[:48]}", organisme=f"nom:{nom.lower()}",
                               organisme_nom=nom, nom_plie=nom.lower(), siren=None, nature=nature, actes=actes,
                               date_seance=payload.date_seance + dt.timedelta(days=i % 7))


def fill(base: str, sample, acts_wanted: int) -> dict:
    from checker.store import Store
    from checker.store.ecriture import start_lot, write_chunk

    store = Store(base)
    with store.writing() as connection:
        lot = start_lot(connection, "bench", "bench")
    written, meetings, started, chunk_times = 0, 0, time.perf_counter(), []
    while written < acts_wanted:
        chunk = []
        for _ in range(100):
            payload = clone(sample[meetings % len(sample)], meetings)
            chunk.append((meetings, payload.fichier, "indetermine", None, payload))
            written += len(payload.actes)
            meetings += 1
        t = time.perf_counter()
        with store.writing() as connection:
            write_chunk(connection, lot, chunk, "bench")
        chunk_times.append(time.perf_counter() - t)
        if len(chunk_times) % 500 == 0:
            print(f"{written} actes, {round(written / (time.perf_counter() - started))} actes/s, "
                  f"charge {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    store.close()
    return {"actes": written, "seances": meetings, "secondes": round(elapsed, 1),
            "actes_par_seconde": round(written / elapsed), "transaction_mediane_ms": round(1000 * statistics.median(chunk_times), 1),
            "derniers_lots_ms": round(1000 * statistics.median(chunk_times[-20:]), 1),
            "charge_moyenne_fin": [round(x, 1) for x in os.getloadavg()]}


def _timed(function, repeat: int = 9) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        function()
        times.append(time.perf_counter() - t)
    return round(1000 * statistics.median(times), 2)


def lookups(base: str, seances: int) -> dict:
    from sqlalchemy import select

    from checker.record import build_record
    from checker.store import Store
    from checker.store.attentes import for_act
    from checker.store.contexte import related
    from checker.store.ecriture import _affected
    from checker.store.suivi import counts, worklist
    from checker.store.tables import actes

    store = Store(base)
    commune = build_record({"collectivite": {"nom": "Commune nouvelle"}, "seance": {"date": "2024-05-01"},
                            "deliberations": [{"numero": "1", "syndicat": {"operation": "adhesion",
                                                                           "nom": "Syndicat 7"}}]}, "bench")
    syndicat = clone(sample_payloads(1)[0], 101)  # a syndicate's decision (101 % 100 == 1)
    today = dt.date(2026, 1, 5)
    with store.reading() as connection:
        some_act = connection.execute(select(actes.c.id).where(actes.c.identite == f"bench:{seances - 50 - seances % 50}|0")).scalar()
        out = {
            "jointure_commune_vers_syndicat_ms": _timed(lambda: related(connection, [commune])),
            "jointure_syndicat_vers_communes_ms": _timed(lambda: _affected(connection, [syndicat], set())),
            "attentes_d_une_operation_ms": _timed(lambda: for_act(connection, some_act)) if some_act else None,
            "suivi_50_actes_ms": _timed(lambda: worklist(connection, today, 50)),
            "suivi_comptes_ms": _timed(lambda: counts(connection, today), repeat=3),
        }
    store.close()
    return out


def size(base: str) -> int:
    if "://" not in base:
        return sum(os.path.getsize(p) for p in (base, base + "-wal") if os.path.exists(p))
    from sqlalchemy import text

    from checker.store import Store
    store = Store(base)
    with store.reading() as connection:
        value = connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
    store.close()
    return value


def end_to_end(records: int) -> dict:
    generate = _module("bench_generate", ROOT / "bench" / "generate.py")
    with tempfile.TemporaryDirectory() as directory:
        feed = Path(directory) / "flux.jsonl"
        feed.write_text("\n".join(generate.lines(records, seed=5)) + "\n")
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        out = {}
        for label, extra in (("sans_base", []), ("avec_base_sqlite", ["--base", str(Path(directory) / "b.sqlite")])):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "checker.cli", "check", str(feed), "--format", "jsonl", *extra],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
            out[label + "_s"] = round(time.perf_counter() - t, 1)
        out["dossiers"] = records
        out["surcout_par_dossier_ms"] = round(1000 * (out["avec_base_sqlite_s"] - out["sans_base_s"]) / records, 2)
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actes", type=int, default=100_000)
    parser.add_argument("--echantillon", type=int, default=500, help="records checked once and cloned")
    parser.add_argument("--bout-en-bout", type=int, default=1000, help="records of the end-to-end comparison (0: none)")
    parser.add_argument("--sqlite-seulement", action="store_true")
    parser.add_argument("--postgresql-seulement", action="store_true")
    parser.add_argument("--postgresql", default=None, help="URL of an existing PostgreSQL database")
    args = parser.parse_args()
    sample = sample_payloads(args.echantillon)
    report: dict = {"echantillon": len(sample), "actes_par_seance": round(sum(len(p.actes) for p in sample) / len(sample), 2)}
    if not args.postgresql_seulement:
        with tempfile.TemporaryDirectory() as directory:
            base = str(Path(directory) / "bench.sqlite")
            filled = fill(base, sample, args.actes)
            report["sqlite"] = dict(filled, taille_mo=round(size(base) / 1e6, 1), **lookups(base, filled["seances"]))
            print(json.dumps(report, ensure_ascii=False), file=sys.stderr)
    if not args.sqlite_seulement:
        cluster = None
        url = args.postgresql
        if url is None:
            cluster = _module("cluster", ROOT / "tests" / "store" / "cluster.py").Cluster()
            url = cluster.start()
        try:
            filled = fill(url, sample, args.actes)
            report["postgresql"] = dict(filled, taille_mo=round(size(url) / 1e6, 1), **lookups(url, filled["seances"]))
        finally:
            if cluster is not None:
                cluster.stop()
    if args.bout_en_bout:
        report["bout_en_bout"] = end_to_end(args.bout_en_bout)
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
