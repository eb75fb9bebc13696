"""Batch benchmark: throughput and peak memory of `delibcheck check` on JSON Lines, the cold
start of a one-record run, and the engine's cost against a hand-written checker of five rules.

    python bench/run.py --tailles 10000,100000,1000000 --jobs 2

Generated inputs go to bench/out/ (ignored by git). Peak memory is the sum of the resident sizes
of the whole process tree (main process and workers), sampled every 50 ms from /proc.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
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


def tree_rss_kb(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += _rss_kb(current)
        stack.extend(_children(current))
    return total


def timed_run(args: list[str], stdin=None) -> tuple[float, int, int]:
    """Wall time, peak tree RSS (kB) and exit code of one command, output discarded."""
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(args, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kb(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    return elapsed, peak, code


def ensure_input(size: int) -> Path:
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    path = out / f"{size}.jsonl"
    if not path.exists():
        with open(path, "w", encoding="utf-8") as f:
            for line in generate.lines(size):
                f.write(line + "\n")
    return path


def throughput(sizes: list[int], jobs: int) -> list[dict]:
    rows = []
    for size in sizes:
        path = ensure_input(size)
        elapsed, peak, code = timed_run(["delibcheck", "check", str(path), "--format", "jsonl", "--jobs", str(jobs)])
        rows.append({"records": size, "seconds": round(elapsed, 2), "records_per_s": round(size / elapsed),
                     "peak_mb": round(peak / 1024, 1), "exit": code})
        print(f"{size:>9} records: {elapsed:8.2f} s, {size / elapsed:8.0f} records/s, peak {peak / 1024:7.1f} MB", flush=True)
    return rows


def cold_start(runs: int = 7) -> float:
    example = ROOT / "examples" / "villeneuve-dascq-2023-12-19.yaml"
    times = [timed_run(["delibcheck", "check", str(example)])[0] for _ in range(runs)]
    median = statistics.median(times)
    print(f"one-record run (cold start, median of {runs}): {median * 1000:.0f} ms", flush=True)
    return median


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
    start = time.perf_counter()
    for data in records:
        handwritten.check(data)
    hand = time.perf_counter() - start
    built = []
    start = time.perf_counter()
    for data in records:
        built.append(build_record(data, "bench"))
    build = time.perf_counter() - start
    start = time.perf_counter()
    for record in built:
        engine.check(record, only=five)
    five_time = time.perf_counter() - start
    start = time.perf_counter()
    for record in built:
        engine.check(record)
    full = time.perf_counter() - start
    n = len(records)
    result = {
        "records": n, "rules_compared": sorted(five), "missing_rules": sorted(FIVE_RULES - present),
        "handwritten_us": round(hand / n * 1e6, 1), "record_build_us": round(build / n * 1e6, 1),
        "engine_five_us": round(five_time / n * 1e6, 1), "engine_full_catalogue_us": round(full / n * 1e6, 1),
        "full_catalogue_rules": len(rules),
        "ratio_engine_five_over_handwritten": round(five_time / hand, 2),
        "ratio_with_record_build": round((five_time + build) / hand, 2),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tailles", default="10000,100000", help="sizes of the JSON Lines inputs, comma-separated")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    sizes = [int(s) for s in args.tailles.split(",") if s]
    report = {"throughput": throughput(sizes, args.jobs), "cold_start_s": round(cold_start(), 3),
              "engine_vs_handwritten": engine_vs_handwritten()}
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "results.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
