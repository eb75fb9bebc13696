"""Cold start of a one-record check, as a user meets it after `pip install .`: wall and CPU time
of `delibcheck check` on one file, and where the import time goes.

    python bench/cold_start.py --venv-neuf --runs 15
    python bench/cold_start.py --python /tmp/venv/bin/python --runs 15

`--venv-neuf` copies the files git tracks in this tree (no cache, no `__pycache__`, no bench
output) to a temporary folder, makes a new venv and runs `pip install` of that copy in it; the
runs then use the venv's `delibcheck` script, as a user types it, with an empty cache directory
of their own (`XDG_CACHE_HOME`) and neither `PYTHONPATH` nor `DELIBCHECK_CACHE`. The first run
builds the caches (parsed rules, compiled rules, schemas): it is reported apart. Each later run
is a new process, a cold start with the caches built: their median, lowest and highest wall and
CPU time (user + system of the process) are reported with the load average around each run,
since on a shared machine wall time mostly measures the neighbours and CPU time much less.
`python -c pass` is measured the same way: the interpreter's own start, below which no run goes.
The import breakdown keeps, for each top-level package, the lowest `-X importtime` self time over
several runs (one run's figures are noise).

One first run is one sample: `--premiers N` makes N of them, each with a new empty cache
directory (the venv's files stay warm after the first). `--contre REV` installs the tree of the
git revision REV (`git archive`) in a second new venv and runs both in turn, round by round, so
that both meet the same load: each report, then the medians of the paired ratios (this tree's CPU
over REV's), first runs and later runs apart.

    python bench/cold_start.py --venv-neuf --premiers 9 --runs 15 --contre main
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "villeneuve-dascq-2023-12-19.yaml"
LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def clean_copy(target: Path) -> Path:
    """The files git tracks in this tree, as they are in the working tree (uncommitted edits
    included), copied to `target`: what `pip install .` of a fresh checkout would see."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True).stdout
    for name in listed.decode("utf-8").split("\0"):
        if not name or not (ROOT / name).is_file():
            continue
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)
    return target


def archive_copy(revision: str, target: Path) -> Path:
    """The tree of the git revision `revision` of this repository, extracted to `target`."""
    import io
    import tarfile

    data = subprocess.run(["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True).stdout
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        # This repository's own tree.
        archive.extractall(target)  # noqa: S202
    return target


def fresh_venv(folder: Path, revision: str | None = None) -> tuple[str, float]:
    """A new venv in `folder` with this tree (or the tree of `revision`) installed by pip; its
    Python and the install's seconds."""
    source = clean_copy(folder / "source") if revision is None else archive_copy(revision, folder / "source")
    subprocess.run([sys.executable, "-m", "venv", str(folder / "venv")], check=True)
    python = folder / "venv" / "bin" / "python"
    start = time.perf_counter()
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(source)],
                   check=True, stdout=subprocess.DEVNULL, env=_user_env(folder / "cache"))
    return str(python), time.perf_counter() - start


def _user_env(cache: Path) -> dict:
    """A user's environment: this tree not on the path, the cache under an empty home of its own."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.pop("DELIBCHECK_CACHE", None)
    env["XDG_CACHE_HOME"] = str(cache)
    return env


def _command(python: str, example: Path) -> list[str]:
    # The venv's own script, as a user runs it (not `python -m`, which imports runpy and puts the
    # working folder first on the path).
    script = Path(python).parent / "delibcheck"
    head = [str(script)] if script.exists() else [python, "-m", "checker.cli"]
    return head + ["check", str(example)]


def one_run(command: list[str], env: dict) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False,
                   cwd=tempfile.gettempdir())
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "load": (load + os.getloadavg()[0]) / 2}


def summary(runs: list[dict]) -> dict:
    walls = [r["wall"] * 1000 for r in runs]
    cpus = [r["cpu"] * 1000 for r in runs]
    loads = [r["load"] for r in runs]
    return {"runs": len(runs),
            "wall_ms": {"median": round(statistics.median(walls)), "min": round(min(walls)), "max": round(max(walls))},
            "cpu_ms": {"median": round(statistics.median(cpus)), "min": round(min(cpus)), "max": round(max(cpus))},
            "load_average_1min": {"min": round(min(loads), 1), "mean": round(statistics.mean(loads), 1),
                                  "max": round(max(loads), 1)}}


def imports(python: str, example: Path, env: dict, runs: int) -> dict:
    """The lowest self time (ms) of each module over `runs` runs, summed by top-level package
    (by sub-package for delibcheck's own), and the total."""
    lowest: dict = defaultdict(lambda: float("inf"))
    command = _command(python, example)
    if command[0] != python:
        command = [python, *command]
    for _ in range(runs):
        done = subprocess.run([command[0], "-X", "importtime", *command[1:]], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env=env, text=True, check=False, cwd=tempfile.gettempdir())
        for match in LINE.finditer(done.stderr):
            lowest[match.group(4)] = min(lowest[match.group(4)], int(match.group(1)) / 1000)
    by_package: Counter = Counter()
    for name, value in lowest.items():
        parts = name.split(".")
        by_package[".".join(parts[:2]) if parts[0] in ("checker", "ruleset") else parts[0]] += value
    top = {name: round(value, 1) for name, value in by_package.most_common() if value >= 1}
    return {"total_ms": round(sum(lowest.values()), 1), "modules": len(lowest), "by_package_ms": top}


def measure(python: str, runs: int, example: Path = EXAMPLE, cache: Path | None = None, premiers: int = 1) -> dict:
    """First runs (caches built) and `runs` cold starts of a one-record check by `python`'s delibcheck."""
    return measure_all([python], runs, example, [cache or Path(tempfile.mkdtemp(prefix="delibcheck-cache-"))],
                       premiers)[0]


def measure_all(pythons: list, runs: int, example: Path, caches: list, premiers: int = 1) -> list:
    """`measure` of each of `pythons` (each with its cache folder), their runs taken in turn."""
    commands = [_command(python, example) for python in pythons]
    envs = [_user_env(cache) for cache in caches]
    firsts = [[] for _ in pythons]
    for index in range(premiers):
        for python, command, cache, runs_of in zip(pythons, commands, caches, firsts):
            # A new empty cache directory: each of these runs builds the caches.
            runs_of.append(one_run(command, _user_env(cache.with_name(f"{cache.name}-premier-{index}"))))
    for command, env in zip(commands, envs):
        one_run(command, env)
    cold = [[] for _ in pythons]
    bare = [[] for _ in pythons]
    for _ in range(runs):
        for command, env, runs_of in zip(commands, envs, cold):
            runs_of.append(one_run(command, env))
    for _ in range(runs):
        for python, env, runs_of in zip(pythons, envs, bare):
            runs_of.append(one_run([python, "-c", "pass"], env))
    reports = []
    for python, command, env, first, cold_runs, bare_runs in zip(pythons, commands, envs, firsts, cold, bare):
        reports.append({
            "python": python, "command": " ".join(Path(c).name if i == 0 else c for i, c in enumerate(command)),
            "first_run_building_caches": summary(first),
            "cold_start": summary(cold_runs),
            "interpreter_alone": summary(bare_runs),
            "imports": imports(python, example, env, 5),
        })
    if len(pythons) == 2:
        reports.append({"cpu_ratio_paired_median": {
            "first_run": _ratio(firsts), "cold_start": _ratio(cold)}})
    return reports


def _ratio(pairs: list) -> float:
    """The median over rounds of the first one's CPU over the second's."""
    return round(statistics.median(a["cpu"] / b["cpu"] for a, b in zip(*pairs)), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--venv-neuf", action="store_true",
                        help="install a clean copy of this tree in a new venv and measure it (the default without --python)")
    parser.add_argument("--python", default=None, help="the interpreter of an existing venv whose delibcheck is measured")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--premiers", type=int, default=1, help="first runs, each with a new empty cache")
    parser.add_argument("--contre", default=None, metavar="REV",
                        help="also install the tree of the git revision REV in a new venv, and run both in turn")
    parser.add_argument("--fichier", default=str(EXAMPLE), help="the one record checked")
    args = parser.parse_args()
    example = Path(args.fichier).resolve()
    if args.python and not args.venv_neuf:
        report = measure(args.python, args.runs, example, premiers=args.premiers)
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    folder = Path(tempfile.mkdtemp(prefix="delibcheck-froid-"))
    try:
        python, install = fresh_venv(folder / "ici")
        pythons, caches = [python], [folder / "ici" / "cache"]
        if args.contre:
            pythons.append(fresh_venv(folder / "contre", args.contre)[0])
            caches.append(folder / "contre" / "cache")
        reports = measure_all(pythons, args.runs, example, caches, args.premiers)
        reports[0]["pip_install_s"] = round(install, 1)
        if args.contre:
            reports[1]["revision"] = args.contre
            print(json.dumps({"ici": reports[0], "contre": reports[1], **reports[2]}, indent=2, ensure_ascii=False))
        else:
            print(json.dumps(reports[0], indent=2, ensure_ascii=False))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
