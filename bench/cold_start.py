"""Cold start of a one-record check: wall and CPU time of `delibcheck check` on one file, and
where the import time goes.

    python bench/cold_start.py --python /tmp/coldvenv/bin/python --runs 15

With `--python` it measures that interpreter's installed delibcheck (a fresh `pip install .` in a
venv: the first run builds the caches, the runs after it are the cold starts measured); without,
this Python. Each run is a new process: wall time, CPU time of the process (user + system) and
the load average are reported, since on a shared machine wall time mostly measures the
neighbours. The import breakdown sums `-X importtime` self times by top-level package, over
several runs (one run's figures are noise).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "villeneuve-dascq-2023-12-19.yaml"
LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def one_run(python: str, example: Path, env: dict) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # From a neutral folder: `-m` puts the working folder first on the path, which would run this
    # tree instead of the installed package.
    subprocess.run([python, "-m", "checker.cli", "check", str(example)], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=env, check=False, cwd=tempfile.gettempdir())
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def imports(python: str, example: Path, env: dict, runs: int) -> dict:
    """Median self time (ms) of each top-level package's imports, and the total."""
    per_run: list[Counter] = []
    for _ in range(runs):
        done = subprocess.run([python, "-X", "importtime", "-m", "checker.cli", "check", str(example)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True, check=False,
                              cwd=tempfile.gettempdir())
        totals: Counter = Counter()
        for match in LINE.finditer(done.stderr):
            name = match.group(4)
            top = ".".join(name.split(".")[:2]) if name.split(".")[0] in ("checker", "ruleset") else name.split(".")[0]
            totals[top] += int(match.group(1))
        per_run.append(totals)
    names = set().union(*per_run)
    medians = {name: statistics.median(run.get(name, 0) for run in per_run) / 1000 for name in names}
    top = dict(sorted(((n, round(v, 1)) for n, v in medians.items() if v >= 1), key=lambda kv: -kv[1]))
    return {"total_ms": round(statistics.median(sum(run.values()) for run in per_run) / 1000, 1), "by_package_ms": top}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--python", default=sys.executable, help="the interpreter whose delibcheck is measured")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--fichier", default=str(EXAMPLE), help="the one record checked")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.python != sys.executable:
        # A fresh venv is measured as installed: neither this tree nor a cache directory set for it.
        env.pop("PYTHONPATH", None)
        env.pop("DELIBCHECK_CACHE", None)
    example = Path(args.fichier)
    first_wall, first_cpu = one_run(args.python, example, env)
    walls, cpus = [], []
    for _ in range(args.runs):
        wall, cpu = one_run(args.python, example, env)
        walls.append(wall)
        cpus.append(cpu)
    report = {
        "python": args.python, "fichier": str(example), "load_average": [round(x, 2) for x in os.getloadavg()],
        "first_run": {"wall_ms": round(first_wall * 1000), "cpu_ms": round(first_cpu * 1000)},
        "runs": args.runs, "wall_ms_median": round(statistics.median(walls) * 1000),
        "wall_ms_min": round(min(walls) * 1000), "cpu_ms_median": round(statistics.median(cpus) * 1000),
        "cpu_ms_min": round(min(cpus) * 1000),
        "imports": imports(args.python, example, env, 5),
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
