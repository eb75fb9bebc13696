"""Two versions of the code timed against each other in one process, on the same records, in turn.

    nice -n 10 python bench/ab.py main .                  (main against the working tree)
    nice -n 10 python bench/ab.py main main               (A/A: the noise floor at the current load)
    nice -n 10 python bench/ab.py HEAD~1 HEAD --banc familles
    nice -n 10 python bench/ab.py main . --etapes evaluate,render --processus 6

On a machine shared by several sessions, two runs of the same code in two processes differ by
10 to 20 %: the load moves between them. Here both versions run in one process on the same
records, act by act: for each stage, A then B on one act, B then A on the next (the joins of
derive, which read a whole chunk, chunk by chunk), each call timed by `time.process_time_ns`, so
that what the load does in a given millisecond it does to both. Records come in rounds of
`--actes` acts, the lot of `--lot` acts gone round again and again, each chunk met in both orders.

Three things measured on this machine (load 7–10 on 2 cores) shaped it:
- the second of two calls on the same act runs some 8 % faster than the first (caches warm):
  hence the order flipped act by act and chunk by chunk;
- a collection of the collector set off inside a timed call costs several acts' time and falls on
  whichever version made the 20 000th allocation: the collector is off while the rounds run and
  collects, untimed, between them (`--collecteur` leaves it on, as in a batch's worker);
- within one process, the version whose objects were made first runs 1–3 % slower (where the
  objects fall in memory): `--processus` processes (4 by default, keep it even) are run one after
  the other, each loading the versions in the other order, and their rounds are pooled.

Printed, per stage and for the whole: each version's CPU per act, B/A of the sums (below 1: B is
faster), its 95 % interval over the rounds (a bootstrap: it leaves out the process-to-process
spread, which the last columns show), the median and range of the rounds' ratios, and each
process's B/A. An A/A (`main main`) at load 9–10 gave 0.999 on the whole (0.994–1.004), the
processes 0.985–1.009: a change is worth keeping when every process puts it on the same side.
The interval and the processes' spread still understate the noise from one run to the next: the
same comparison (the five families, load 10–16) ran four times gave 1.018, 0.988, 1.001 and
1.011 on evaluate. Below 2 %, run it again, and believe what does not change side.
The clock calls (about a microsecond per call) and the cold caches of the alternation make each
version's time per act higher than in a batch: read the ratios, not the times.

A version is a git ref, copied by `git archive` into /tmp/delibcheck-ab (kept there for the next
runs, keyed by its commit; never `git stash`), or a directory (`.`: the working tree as it is,
uncommitted changes included). Each version's packages (`checker`, `ruleset`, the benches it
imports) are imported from its tree and kept apart: before a version's call, its modules are put
back in `sys.modules` and its tree first on `sys.path`, so that an import made while it runs finds
its own code. Each version's engine is cached in a directory of its own (`DELIBCHECK_CACHE`), every
version compiled, and a first untimed pass over the lot makes the plans, as a long batch has them.

Benches (`--banc`):
- `catalogue` (default): generated acts (`bench/generate.py`) through what a batch's worker does
  to a chunk in `--preuves resumees`: decode (`load_source`), derive (reference data and joins),
  evaluate (`Engine.evaluate`), decide (the lean result's status and decision), render (the lean
  JSON line). Lines whose bytes differ between the versions are counted (an A/A gives 0).
- `familles`: the random meetings of `bench/meetings.py` on the five families' rules, as
  `bench/engine_vs_handwritten.py` times them: decode (`build_record`), evaluate
  (`Engine.evaluate(record, only=…)`), fold (into one status per family and subject), and the
  hand-written function (`manuscrit`); the families' statuses that differ are counted.

`--cpu N` pins the processes to one processor (`os.sched_setaffinity`; the last one by default),
`--cpu -1` does not pin. `--json FILE` keeps every round's figures.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TREES = Path("/tmp/delibcheck-ab")

CATALOGUE_STAGES = ("decode", "derive", "evaluate", "decide", "render")
FAMILY_STAGES = ("decode", "evaluate", "fold", "manuscrit")


def _tree(spec: str, side: str) -> Path:
    """The directory of the version `spec`: a directory as it is, or a git ref's files copied
    out of the repository once (two sides given the same ref get a copy each: an A/A compares
    two sets of modules, as an A/B does)."""
    if Path(spec).is_dir() and (Path(spec) / "checker").is_dir():
        return Path(spec).resolve()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", spec + "^{commit}"],
                            capture_output=True, text=True, check=False)
    if commit.returncode != 0:
        sys.exit(f"ni répertoire ni révision git : {spec}")
    target = TREES / f"{commit.stdout.strip()[:12]}-{side}"
    if not (target / "checker").is_dir():
        partial = target.with_name(target.name + ".partiel")
        partial.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit.stdout.strip()],
                                 capture_output=True, check=True)
        tar_path = partial / ".archive.tar"
        tar_path.write_bytes(archive.stdout)
        with tarfile.open(tar_path) as tar:
            tar.extractall(partial, filter="data")
        tar_path.unlink()
        partial.rename(target)
    return target


class Version:
    """One version's modules, imported from its tree and swapped into `sys.modules` for its turns."""

    def __init__(self, label: str, root: Path):
        self.label, self.root = label, root
        self.paths = [str(root), str(root / "bench")]
        self.modules: dict = {}
        self.known = -1
        self.cache = TREES / "cache" / hashlib.blake2b(str(root).encode(), digest_size=6).hexdigest()

    def owns(self, module) -> bool:
        path = getattr(module, "__file__", None)
        return path is not None and path.startswith(str(self.root) + os.sep)

    def enter(self, versions: list) -> None:
        for other in versions:
            for name, module in other.modules.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
        sys.path[:] = self.paths + [p for p in sys.path if p not in _ALL_PATHS]
        os.environ["DELIBCHECK_CACHE"] = str(self.cache)
        sys.modules.update(self.modules)
        self.known = len(sys.modules)

    def leave(self) -> None:
        # Modules the turn imported for the first time are this version's from now on.
        if len(sys.modules) == self.known:
            return
        for name, module in list(sys.modules.items()):
            if name not in self.modules and self.owns(module):
                self.modules[name] = module


_ALL_PATHS: set = set()


def _strip_trees() -> None:
    # Whatever tree `PYTHONPATH` or the current directory put first must not shadow the versions'
    # (the installed copy in site-packages stays: the versions' trees go before it).
    def holds_code(entry: str) -> bool:
        folder = Path(entry or ".").resolve()
        return ((folder / "checker" / "__init__.py").is_file() and (folder / "bench").is_dir()) \
            or (folder / "families.py").is_file()
    sys.path[:] = [p for p in sys.path if not holds_code(p)]
    for name in list(sys.modules):
        if name.split(".")[0] in ("checker", "ruleset", "generate", "families", "meetings", "handwritten"):
            del sys.modules[name]


def _catalogue(version: Version, lines: list) -> dict:
    """The stages of a batch's worker, bound to `version`'s code: each but derive (the joins
    read the whole chunk) takes one act, and gives what the next stage takes."""
    from checker.batch import Options, _init, _Referentiel, _STATE
    from checker.engine_cache import compiled_for_workers
    from checker.inputs import Source, load_source
    from checker.joins import apply_joins
    from checker.results import LeanResult

    _init(Options(fmt="jsonl", preuves="resumees"))
    engine = compiled_for_workers(None)
    _STATE["engine"] = engine
    writer = _STATE["writer"]
    referentiel = _Referentiel(engine)
    annotate = _Referentiel.annotate
    sources = [Source(f"ab:{n}", "json_text", line, n) for n, line in enumerate(lines, 1)]

    def decode(n):
        item = load_source(sources[n], n)
        return None if item.record is None else item

    def derive(items):
        records = [item.record for item in items if item is not None]
        referentiel(records)
        try:
            apply_joins(records)
        except Exception:  # noqa: BLE001 - as `process_chunk`: a failed join leaves the records alone
            pass
        return items

    def evaluate(item):
        return item, engine.evaluate(item.record)

    def decide(evaluated):
        item, entries = evaluated
        result = LeanResult(item.fichier, item.record, engine, entries, item.line, None, annotate)
        result.statut
        result.decision
        return result

    def render(result):
        return writer.fragment_bytes(result)

    return {"decode": (True, decode), "derive": (False, derive), "evaluate": (True, evaluate),
            "decide": (True, decide), "render": (True, render)}


def _families(version: Version, meetings_raw: list) -> dict:
    import families
    import handwritten

    from checker.engine_cache import compiled_for_workers
    from checker.record import build_record

    engine = compiled_for_workers(None)
    only = families.RULES
    texts = [json.dumps(r) for r in meetings_raw]
    raw = [json.loads(t) for t in texts]

    def decode(n):
        return n, build_record(json.loads(texts[n]), "bench")

    def evaluate(built):
        return built[0], engine.evaluate(built[1], only=only)

    def fold(evaluated):
        return evaluated[0], families.engine_families(evaluated[1])

    def manuscrit(folded):
        handwritten.check(raw[folded[0]])
        return folded[1]

    return {"decode": (True, decode), "evaluate": (True, evaluate), "fold": (True, fold),
            "manuscrit": (True, manuscrit)}


def _turn(stages: dict, names: tuple, chunk: list) -> list:
    """One version's pass over `chunk`, untimed (the first pass that makes the plans)."""
    values = chunk
    for name in names:
        per_item, function = stages[name]
        values = [None if v is None else function(v) for v in values] if per_item else function(values)
    return values


def _spread(values: list) -> str:
    return f"{statistics.median(values):.3f} [{min(values):.3f} – {max(values):.3f}]"


def _interval(a: list, b: list, draws: int = 2000) -> str:
    """The 95 % interval of sum(b) / sum(a) over the rounds drawn again with replacement (a
    bootstrap, seeded: the same rounds give the same interval)."""
    import random

    rng = random.Random(0)
    n = len(a)
    ratios = []
    for _ in range(draws):
        picks = [rng.randrange(n) for _ in range(n)]
        ratios.append(sum(b[i] for i in picks) / sum(a[i] for i in picks))
    ratios.sort()
    return f"{ratios[int(0.025 * draws)]:.3f} – {ratios[int(0.975 * draws) - 1]:.3f}"


def _measure(args, names: tuple, pinned: int) -> dict:
    """One process's rounds: for each, each version's CPU (ns) per stage."""
    _strip_trees()
    versions = [Version("A", _tree(args.a, "a")), Version("B", _tree(args.b, "b"))]
    if versions[0].root == versions[1].root:
        sys.exit("A et B sont le même répertoire : une A/A se fait entre deux révisions "
                 "(main main), copiées chacune")
    for version in versions:
        _ALL_PATHS.update(version.paths)
    if pinned >= 0:
        os.sched_setaffinity(0, {pinned})

    # The same records for both, made by this file's generators before any version is imported.
    sys.path.insert(0, str(HERE))
    if args.banc == "catalogue":
        import generate
        data = list(generate.lines(args.lot, seed=args.graine))
    else:
        import meetings
        data = [json.loads(json.dumps(r)) for r in meetings.meetings(args.lot, seed=args.graine)]
    sys.path.remove(str(HERE))
    for name in ("generate", "meetings"):
        sys.modules.pop(name, None)

    bound = [None, None]
    # Which version is loaded first (its objects lower in memory, older in the allocator's
    # arenas) changes from one process to the next.
    for index in ((0, 1) if args.rang % 2 == 0 else (1, 0)):
        version = versions[index]
        version.enter(versions)
        start = time.process_time()
        stages = (_catalogue if args.banc == "catalogue" else _families)(version, data)
        for module_name in ("checker", "ruleset"):
            module = sys.modules[module_name]
            if not version.owns(module):
                sys.exit(f"{version.label} : {module_name} importé de {module.__file__}, pas de {version.root}")
        # A first pass over the whole lot, untimed: the plans of every period made, caches warm.
        for first in range(0, args.lot, args.actes):
            _turn(stages, names, list(range(first, min(args.lot, first + args.actes))))
        version.leave()
        bound[index] = stages
        print(f"{version.label} = {version.root} (prête en {time.process_time() - start:.1f} s de CPU)",
              file=sys.stderr)

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)
    if not args.collecteur:
        # A collection set off inside a timed call costs 5 to 10 acts' time and falls on whichever
        # version made the 20 000th allocation: a few of them weigh more than the change measured.
        # They are run between the rounds instead, untimed (--collecteur: as in a worker).
        gc.disable()
    chunks = [list(range(first, first + args.actes)) for first in range(0, args.lot - args.actes + 1, args.actes)]
    rounds = []
    differing = acts = 0
    clock = time.process_time_ns
    for number in range(args.tours):
        chunk = chunks[number % len(chunks)]
        # Each chunk is met with both orders, every other time it comes round: the second of a
        # pair runs some 8 % faster (its caches warm), and a chunk always met in one order
        # would favour one version.
        order = (0, 1) if (number + number // len(chunks)) % 2 == 0 else (1, 0)
        spent, outputs = [[], []], [chunk, chunk]
        gc.collect()
        # The two versions one after the other on each act (the joins: on the chunk), the order
        # flipped from one act to the next: what the load does in this millisecond it does to both.
        for name in names:
            per_item, _ = bound[0][name]
            took = [0, 0]
            if per_item:
                made = [[], []]
                for position, pair in enumerate(zip(outputs[0], outputs[1])):
                    for index in (order if position % 2 == 0 else order[::-1]):
                        value = pair[index]
                        if value is None:
                            made[index].append(None)
                            continue
                        versions[index].enter(versions)
                        function = bound[index][name][1]
                        start = clock()
                        made[index].append(function(value))
                        took[index] += clock() - start
                        versions[index].leave()
                outputs = made
            else:
                for index in order:
                    versions[index].enter(versions)
                    start = clock()
                    outputs[index] = bound[index][name][1](outputs[index])
                    took[index] += clock() - start
                    versions[index].leave()
            spent[0].append(took[0])
            spent[1].append(took[1])
        differing += sum(x != y for x, y in zip(outputs[0], outputs[1])) + abs(len(outputs[0]) - len(outputs[1]))
        acts += sum(v is not None for v in outputs[0])
        rounds.append(spent)
    gc.enable()
    return {"rounds": rounds, "acts": acts, "differing": differing, "load": os.getloadavg()}


def _report(args, names: tuple, shown: tuple, pinned: int, runs: list) -> None:
    rounds = [r for run in runs for r in run["rounds"]]
    acts = sum(run["acts"] for run in runs)
    differing = sum(run["differing"] for run in runs)
    load = runs[-1]["load"]
    print(f"banc {args.banc} : {len(runs)} processus × {args.tours} tours de {args.actes} actes ({acts} actes par "
          f"version), ordre alterné, processeur {'libre' if pinned < 0 else pinned}, "
          f"charge {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"A = {args.a}   B = {args.b}")
    print(f"{'étape':10} {'A ms/acte':>10} {'B ms/acte':>10} {'B/A somme':>10} {'IC 95 %':>13}   "
          f"B/A par tour : médiane [min – max]" + ("   B/A par processus" if len(runs) > 1 else ""))

    def line(label: str, indices: list) -> None:
        a = [sum(r[0][i] for i in indices) for r in rounds]
        b = [sum(r[1][i] for i in indices) for r in rounds]
        ratios = [y / x for x, y in zip(a, b) if x > 0]
        each = ""
        if len(runs) > 1:
            def ratio(run):
                return sum(sum(r[1][i] for i in indices) for r in run["rounds"]) / \
                    sum(sum(r[0][i] for i in indices) for r in run["rounds"])
            each = "   " + " ".join(f"{ratio(run):.3f}" for run in runs)
        print(f"{label:10} {sum(a) / acts / 1e6:10.4f} {sum(b) / acts / 1e6:10.4f} {sum(b) / sum(a):10.3f} "
              f"{_interval(a, b):>13}   {_spread(ratios) if ratios else '—'}{each}")

    for name in shown:
        line(name, [names.index(name)])
    line("tout", [names.index(s) for s in shown])
    if args.banc == "familles":
        engine_part = [names.index("evaluate"), names.index("fold")]
        hand = names.index("manuscrit")
        for side, label in ((0, "A"), (1, "B")):
            ratios = [sum(r[side][i] for i in engine_part) / r[side][hand] for r in rounds if r[side][hand] > 0]
            total = sum(sum(r[side][i] for i in engine_part) for r in rounds) / sum(r[side][hand] for r in rounds)
            print(f"rapport moteur (evaluate + fold) / manuscrit, {label} : {total:.3f}, par tour {_spread(ratios)}")
    print(f"{'sorties différentes' if args.banc == 'catalogue' else 'statuts des familles différents'} : "
          f"{differing} sur {acts}")
    if args.json:
        Path(args.json).write_text(json.dumps({"a": args.a, "b": args.b, "banc": args.banc, "etapes": list(names),
                                               "processus": runs}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a", help="version A : révision git (copiée par git archive) ou répertoire")
    parser.add_argument("b", help="version B, comparée à A (B/A < 1 : B plus rapide)")
    parser.add_argument("--banc", choices=("catalogue", "familles"), default="catalogue")
    parser.add_argument("--actes", type=int, default=25, help="actes par tour")
    parser.add_argument("--tours", type=int, default=40, help="tours par processus")
    parser.add_argument("--processus", type=int, default=4,
                        help="processus lancés l'un après l'autre, dont les tours sont mis ensemble")
    parser.add_argument("--lot", type=int, default=200, help="actes générés, parcourus par tranches de --actes")
    parser.add_argument("--graine", type=int, default=None, help="graine des actes (11 ; familles : 2026)")
    parser.add_argument("--etapes", default=None, help="étapes affichées (toutes par défaut)")
    parser.add_argument("--cpu", type=int, default=None,
                        help="processeur où s'épingler (par défaut le dernier ; -1 : pas d'épinglage)")
    parser.add_argument("--collecteur", action="store_true",
                        help="laisser le ramasse-miettes passer pendant les mesures, comme dans un processus du lot")
    parser.add_argument("--json", default=None, help="écrire aussi les mesures de chaque tour dans ce fichier")
    parser.add_argument("--un-processus", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--rang", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.graine is None:
        args.graine = 11 if args.banc == "catalogue" else 2026
    names = CATALOGUE_STAGES if args.banc == "catalogue" else FAMILY_STAGES
    if args.etapes:
        wanted = [s for s in args.etapes.split(",") if s]
        for stage in wanted:
            if stage not in names:
                parser.error(f"étape inconnue pour le banc {args.banc} : {stage} (parmi {', '.join(names)})")
        # Every stage runs (each takes what the one before gives); the others are only not shown.
        shown = tuple(s for s in names if s in wanted)
    else:
        shown = names
    if args.actes < 1 or args.tours < 1 or args.processus < 1 or args.lot < args.actes:
        parser.error("--actes, --tours et --processus ≥ 1, --lot ≥ --actes")
    cpus = sorted(os.sched_getaffinity(0))
    pinned = cpus[-1] if args.cpu is None else args.cpu
    if pinned >= 0 and pinned not in cpus:
        parser.error(f"--cpu {pinned} : processeurs permis {cpus}")
    if args.un_processus:
        Path(args.un_processus).write_text(json.dumps(_measure(args, names, pinned)))
        return
    # Each process lays the two versions' objects out in memory its own way, which moves their
    # ratio by a percent or so: several processes, their rounds pooled, average that out.
    import tempfile

    runs = []
    with tempfile.TemporaryDirectory(prefix="delibcheck-ab-") as folder:
        for number in range(args.processus):
            out = Path(folder) / f"{number}.json"
            child = subprocess.run([sys.executable, __file__, *sys.argv[1:], "--un-processus", str(out),
                                    "--rang", str(number)], check=False)
            if child.returncode != 0:
                sys.exit(child.returncode)
            runs.append(json.loads(out.read_text()))
    _report(args, names, shown, pinned, runs)


if __name__ == "__main__":
    main()
