"""Batch benchmark: throughput and peak memory of `delibcheck check` on JSON Lines, the cold
start of a one-record run, where a record's time goes, and the engine's cost against a
hand-written checker of five rules.

    python bench/run.py --tailles 10000,100000,1000000 --jobs 2

Generated inputs go to bench/out/ (ignored by git), results to bench/out/results.json. Peak
memory is the sum of the resident sizes of the whole process tree (main process and workers),
sampled every 50 ms from /proc. Besides wall time, each run reports the CPU seconds of the whole
tree (user + system of the main process and its workers), the main process's own share (reading
the input, handing chunks to the workers, writing their lines), and the machine's load average
during the run: on a shared machine wall time varies with the neighbours, CPU time much less (but
it grows too when both cores are shared, each process then running slower).

`--parties demarrage` installs a clean copy of this tree in a new venv and times a one-record run
there (`bench/cold_start.py --venv-neuf`): the first run, which builds the caches, then the cold
starts after it.

`--parties etapes` splits a worker's CPU per record by stage (decode, derive, evaluate, decide,
render, write; see `stages`).

`--parties frais` measures what a batch spends outside the checking of its chunks: the workers'
CPU outside `process_chunk` (the pool, the chunks unpickled, the outcomes pickled) and the main
process's (reading, handing out, receiving, writing), user and system, on the first size of
`--tailles` (see `overhead`).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import handwritten  # noqa: E402

FIVE_RULES = {"L2121-11.delai", "L2121-12.delai", "L2121-17.quorum", "L2121-20.pouvoirs_par_mandataire",
              "L2121-20.majorite_absolue", "L2121-25.liste_deliberations"}


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


_TICK = os.sysconf("SC_CLK_TCK")


def own_cpu_seconds(pid: int) -> float | None:
    """User + system CPU of the process `pid` alone (not of its children), from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # After the command's name: state is field 3, utime and stime fields 14 and 15.
    return (int(fields[11]) + int(fields[12])) / _TICK


def tree_rss_kb(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += _rss_kb(current)
        stack.extend(_children(current))
    return total


def timed_run(args: list[str], stdin=None, count_output: bool = False) -> dict:
    """Wall time, CPU time of the tree and of its main process alone (the workers' is the rest),
    peak tree RSS (kB), output bytes, exit code and the machine's load average (1 minute, sampled
    every second: lowest, mean, highest) of one command."""
    peak = 0
    parent_cpu = 0.0
    loads = [os.getloadavg()[0]]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(args, stdin=stdin, stderr=subprocess.DEVNULL,
                               stdout=subprocess.PIPE if count_output else subprocess.DEVNULL)
    done = threading.Event()

    def sample():
        nonlocal peak, parent_cpu
        ticks = 0
        while not done.is_set():
            peak = max(peak, tree_rss_kb(process.pid))
            # The last reading before the process ends: up to 50 ms of its CPU may be missed.
            parent_cpu = own_cpu_seconds(process.pid) or parent_cpu
            time.sleep(0.05)
            ticks += 1
            if ticks % 20 == 0:
                loads.append(os.getloadavg()[0])

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    size = 0
    if count_output:
        while True:
            block = process.stdout.read(1 << 20)
            if not block:
                break
            size += len(block)
    code = process.wait()
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    done.set()
    sampler.join()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    loads.append(os.getloadavg()[0])
    load = [round(min(loads), 1), round(sum(loads) / len(loads), 1), round(max(loads), 1)]
    return {"seconds": elapsed, "cpu_seconds": cpu, "cpu_parent_seconds": parent_cpu, "peak_kb": peak, "output_bytes": size, "exit": code,
            "load_average": load}


def ensure_input(size: int) -> Path:
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    path = out / f"{size}.jsonl"
    if not path.exists():
        with open(path, "w", encoding="utf-8") as f:
            for line in generate.lines(size):
                f.write(line + "\n")
    return path


def throughput(sizes: list[int], jobs: int, cpu_cap_minutes: float | None = None) -> list[dict]:
    """One batch per size. With `cpu_cap_minutes`, a size whose CPU time, foreseen from the CPU
    per record of the size before it, would pass the cap is not run (the row says so)."""
    rows = []
    # The caches (parsed rules, the engine with every version compiled) built before the clock
    # starts, by a short run with the same number of workers, as any later run finds them.
    subprocess.run([_script(), "check", str(ensure_input(20)), "--format", "jsonl", "--jobs", str(jobs), "-q"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    for size in sizes:
        measured = [row for row in rows if "cpu_ms_per_record" in row]
        if cpu_cap_minutes and measured:
            foreseen = measured[-1]["cpu_ms_per_record"] * size / 1000 / 60
            if foreseen > cpu_cap_minutes:
                rows.append({"records": size, "not_run": f"{foreseen:.0f} min of CPU foreseen, over {cpu_cap_minutes:g}"})
                print(f"{size:>9} records: not run, {foreseen:.0f} min of CPU foreseen (cap {cpu_cap_minutes:g})", flush=True)
                continue
        path = ensure_input(size)
        # Counting the output costs the benchmark a core's share on large runs: only up to 100 000.
        run = timed_run([_script(), "check", str(path), "--format", "jsonl", "--jobs", str(jobs), "-q"],
                        count_output=size <= 100_000)
        row = {"records": size, "jobs": jobs, "seconds": round(run["seconds"], 2),
               "records_per_s": round(size / run["seconds"]), "cpu_seconds": round(run["cpu_seconds"], 1),
               "cpu_ms_per_record": round(run["cpu_seconds"] / size * 1000, 3),
               "cpu_main_process_ms_per_record": round(run["cpu_parent_seconds"] / size * 1000, 3),
               "peak_mb": round(run["peak_kb"] / 1024, 1), "exit": run["exit"],
               "load_average_min_mean_max": run["load_average"]}
        if run["output_bytes"]:
            row["output_bytes_per_record"] = round(run["output_bytes"] / size)
        rows.append(row)
        print(f"{size:>9} records: {run['seconds']:8.2f} s, {size / run['seconds']:7.0f} records/s, "
              f"CPU {row['cpu_ms_per_record']:.3f} ms/record ({row['cpu_main_process_ms_per_record']:.3f} in the main "
              f"process), peak {row['peak_mb']:7.1f} MB, "
              f"load average {run['load_average'][1]} ({run['load_average'][0]}–{run['load_average'][2]})", flush=True)
    return rows


def _script() -> str:
    """The installed `delibcheck` script beside this Python: a version manager's shim on the PATH
    (pyenv's costs 100 ms of bash per call) is not part of delibcheck's start."""
    beside = Path(sys.executable).parent / "delibcheck"
    return str(beside) if beside.exists() else "delibcheck"


def cold_start(runs: int = 9, premiers: int = 3) -> dict:
    """A one-record run from a fresh venv where a clean copy of this tree is installed
    (`bench/cold_start.py --venv-neuf`): the median of `premiers` first runs, each building the
    caches, and the median of `runs` cold starts after them."""
    import shutil
    import tempfile

    import cold_start as cold

    folder = Path(tempfile.mkdtemp(prefix="delibcheck-froid-"))
    try:
        python, install = cold.fresh_venv(folder)
        report = cold.measure(python, runs, cache=folder / "cache", premiers=premiers)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report["pip_install_s"] = round(install, 1)
    first, runs_seen = report["first_run_building_caches"], report["cold_start"]
    print(f"one-record run from a fresh pip install: first run (median of {premiers}) {first['wall_ms']['median']} ms "
          f"wall, {first['cpu_ms']['median']} ms CPU (caches built); then, median of {runs}: {runs_seen['wall_ms']['median']} ms wall, "
          f"{runs_seen['cpu_ms']['median']} ms CPU (load average {runs_seen['load_average_1min']['mean']})", flush=True)
    return report


def stages(count: int = 3000) -> dict:
    """CPU time per record of each stage of a batch worker, measured in this process on chunks of
    the batch's size, with the lean JSON Lines report:

    - decode: the line parsed and the record built (`load_source`);
    - derive: the reference data filled in and the records of a chunk joined;
    - evaluate: every rule decided (`Engine.evaluate`: statuses, values, facts read);
    - decide: the findings whose evidence the report shows, the gate on doubtful readings and the
      decision per act;
    - render: the JSON line, as UTF-8 bytes (what a batch's worker sends: `fragment_bytes`);
    - write: what the pool does with it — the lines pickled to the parent and back — and the
      line written to a file.

    The full report (`--preuves completes`) is measured beside it."""
    import pickle
    import tempfile

    from checker.batch import CHUNK, Options, _Referentiel, _STATE, _init, _outcome
    from checker.inputs import iter_sources, load_source
    from checker.joins import apply_joins
    from checker.results import LeanResult, Result

    path = ensure_input(10_000)
    options = Options(fmt="jsonl", preuves="resumees")
    _init(options)
    # As a batch over workers has it: every version compiled (a short run starts on the interpreter).
    from checker.engine_cache import compiled_for_workers
    compiled_for_workers(None)
    engine, writer = _STATE["engine"], _STATE["writer"]
    sources = list(islice(iter_sources([str(path)], "auto"), count + 200))
    # Warm-up: plans made, the reference data's indexes built, as in a long batch.
    for source in sources[:200]:
        item = load_source(source, 0)
        if item.record is not None:
            _Referentiel(engine)([item.record])
            _outcome(item, engine, writer, options)
    sources = sources[200:]
    times = dict.fromkeys(("decode", "derive", "evaluate", "decide", "render", "write"), 0.0)
    clock = time.process_time
    made = size = 0
    full_check = full_render = full_size = 0.0
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryFile("wb") as out:
        for start in range(0, len(sources), CHUNK):
            chunk = sources[start:start + CHUNK]
            t0 = clock()
            items = [load_source(source, start + index) for index, source in enumerate(chunk)]
            t1 = clock()
            records = [item.record for item in items if item.record is not None]
            _Referentiel(engine)(records)
            apply_joins(records)
            t2 = clock()
            checked = [(item, engine.evaluate(item.record)) for item in items if item.record is not None]
            t3 = clock()
            results = [LeanResult(item.fichier, item.record, engine, entries, item.line, None, _Referentiel.annotate)
                       for item, entries in checked]
            for result in results:
                result.statut
                result.decision
            t4 = clock()
            fragments = [writer.fragment_bytes(result) for result in results]
            t5 = clock()
            for fragment in pickle.loads(pickle.dumps(fragments, pickle.HIGHEST_PROTOCOL)):
                out.write(fragment)
            out.flush()
            t6 = clock()
            for name, (a, b) in zip(times, ((t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5), (t5, t6))):
                times[name] += b - a
            made += len(results)
            size += sum(len(fragment) for fragment in fragments)
            t0 = clock()
            full = [Result(item.fichier, item.record, engine.check(item.record), ligne=item.line) for item, _ in checked]
            for result in full:
                result.decision
            t1 = clock()
            full_size += sum(len(writer.fragment(result).encode("utf-8")) for result in full)
            t2 = clock()
            full_check += t1 - t0
            full_render += t2 - t1
    n = made
    out = {"records": len(sources), "acts_checked": n,
           "cpu_us_per_record": {name: round(value / n * 1e6) for name, value in times.items()},
           "total_us": round(sum(times.values()) / n * 1e6), "bytes_per_act": round(size / n),
           "full_report": {"check_and_decision_us": round(full_check / n * 1e6),
                           "render_jsonl_us": round(full_render / n * 1e6), "bytes_per_act": round(full_size / n)},
           "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)]}
    print(json.dumps(out, ensure_ascii=False), flush=True)
    return out


def overhead(size: int, jobs: int) -> dict:
    """A batch of `size` generated acts run in this process (`run_batch`, lean JSON Lines, `jobs`
    workers forked from it), each worker timing its calls of `process_chunk`: what a worker spends
    outside them is the pool's (chunks unpickled, outcomes pickled, the pipe), and the main
    process's whole CPU (its threads included: reading, pickling the chunks, unpickling the
    outcomes, writing) is the rest of the batch's cost beyond checking. A short batch run first
    loads the rules and compiles them, which a long batch pays once."""
    import shutil
    import tempfile

    import checker.batch as batch
    from checker.batch import Options, run_batch

    folder = Path(tempfile.mkdtemp(prefix="delibcheck-frais-"))
    inner = batch.process_chunk
    spent = {"in": 0.0}

    def process_chunk(chunk):
        start = time.process_time()
        try:
            return inner(chunk)
        finally:
            spent["in"] += time.process_time() - start
            usage = resource.getrusage(resource.RUSAGE_SELF)
            (folder / str(os.getpid())).write_text(f"{spent['in']} {usage.ru_utime} {usage.ru_stime}")

    # Sent to the workers by name, as the function it stands for.
    process_chunk.__module__, process_chunk.__qualname__ = inner.__module__, inner.__qualname__
    path = ensure_input(size)
    with open(os.devnull, "w", encoding="utf-8") as out:
        run_batch([str(ensure_input(20))], Options(fmt="jsonl", preuves="resumees"), out, jobs=jobs)
    batch.process_chunk = process_chunk
    loads = [os.getloadavg()[0]]
    try:
        with open(os.devnull, "w", encoding="utf-8") as out:
            before = resource.getrusage(resource.RUSAGE_SELF)
            start = time.perf_counter()
            totals = run_batch([str(path)], Options(fmt="jsonl", preuves="resumees"), out, jobs=jobs)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_SELF)
        workers = [tuple(map(float, f.read_text().split())) for f in folder.iterdir()]
    finally:
        batch.process_chunk = inner
        shutil.rmtree(folder, ignore_errors=True)
    loads.append(os.getloadavg()[0])
    n = sum(totals.counts.values())
    inside = sum(w[0] for w in workers)
    worker_cpu = sum(w[1] + w[2] for w in workers)

    def ms(seconds: float) -> float:
        return round(seconds / n * 1000, 4)

    main_user, main_sys = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
    row = {"records": n, "jobs": jobs, "seconds": round(wall, 2), "workers": len(workers),
           "ms_per_record": {"process_chunk": ms(inside), "workers_outside": ms(worker_cpu - inside),
                             "main_user": ms(main_user), "main_system": ms(main_sys),
                             "total": ms(worker_cpu + main_user + main_sys)},
           "outside_share": round((worker_cpu - inside + main_user + main_sys) / (worker_cpu + main_user + main_sys), 4),
           "load_average": [round(x, 1) for x in loads]}
    print(json.dumps(row, ensure_ascii=False), flush=True)
    return row


def engine_vs_handwritten(count: int = 20000) -> dict:
    from checker.engine import Engine
    from checker.record import build_record
    from ruleset.loader import load_rules

    records = []
    for line in generate.lines(count, seed=7):
        try:
            data = json.loads(line)
            build_record(data, "bench")
        except Exception:
            continue
        records.append(data)
    rules = load_rules()
    present = {r.id for r in rules}
    five = FIVE_RULES & present
    engine = Engine(rules)
    interpreter = Engine(rules, compiled=False)
    # Compiled code and plans made before the clock starts, as the cache gives them to a batch.
    engine.compile_all()
    start = time.process_time()
    for data in records:
        handwritten.check(data)
    hand = time.process_time() - start
    built = []
    start = time.process_time()
    for data in records:
        built.append(build_record(data, "bench"))
    build = time.process_time() - start
    for record in built[:300]:
        engine.check(record, only=five)
        engine.check(record)
        interpreter.check(record, only=five)
    start = time.process_time()
    for record in built:
        engine.evaluate(record, only=five)
    five_statuses = time.process_time() - start
    start = time.process_time()
    for record in built:
        engine.check(record, only=five)
    five_time = time.process_time() - start
    start = time.process_time()
    for record in built:
        interpreter.check(record, only=five)
    five_interpreted = time.process_time() - start
    start = time.process_time()
    for record in built:
        engine.check(record)
    full = time.process_time() - start
    n = len(records)
    result = {
        "records": n, "rules_compared": sorted(five), "missing_rules": sorted(FIVE_RULES - present),
        "handwritten_us": round(hand / n * 1e6, 1), "record_build_us": round(build / n * 1e6, 1),
        "engine_five_statuses_us": round(five_statuses / n * 1e6, 1),
        "engine_five_us": round(five_time / n * 1e6, 1), "engine_full_catalogue_us": round(full / n * 1e6, 1),
        "interpreter_five_us": round(five_interpreted / n * 1e6, 1),
        "full_catalogue_rules": len(rules),
        "ratio_engine_five_statuses_over_handwritten": round(five_statuses / hand, 2),
        "ratio_engine_five_over_handwritten": round(five_time / hand, 2),
        "ratio_with_record_build": round((five_time + build) / hand, 2),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False), flush=True)
    return result


PARTS = ("debit", "demarrage", "etapes", "frais", "comparaison")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tailles", default="10000,100000", help="sizes of the JSON Lines inputs, comma-separated")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--plafond-cpu", type=float, default=None, metavar="MINUTES",
                        help="skip a size whose CPU time, foreseen from the size before it, passes MINUTES")
    parser.add_argument("--parties", default=",".join(PARTS), help=f"parts to run, among {', '.join(PARTS)}")
    args = parser.parse_args()
    sizes = [int(s) for s in args.tailles.split(",") if s]
    parts = {p for p in args.parties.split(",") if p}
    report: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}
    if "debit" in parts:
        report["throughput"] = throughput(sizes, args.jobs, args.plafond_cpu)
    if "demarrage" in parts:
        report["cold_start"] = cold_start()
    if "etapes" in parts:
        report["stages"] = stages()
    if "frais" in parts:
        report["overhead"] = overhead(sizes[0], args.jobs)
    if "comparaison" in parts:
        report["engine_vs_handwritten"] = engine_vs_handwritten()
    (HERE / "out").mkdir(exist_ok=True)
    name = "results.json" if parts == set(PARTS) else f"results-{'-'.join(sorted(parts))}.json"
    (HERE / "out" / name).write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
