"""Bytecodes run per act by the decide and render stages of a batch worker, by function and by
line, counted by the interpreter's own tracing (`sys.settrace` with `f_trace_opcodes`).

    python bench/opcodes.py [--etape render|decide] [--actes 100] [--lignes 30]

Callgrind (`bench/instructions.py`, `bench/instructions_etapes.py`) gives a stage's exact cost but
not where in the Python code it goes, and takes minutes under valgrind; a profiler's timings move
with the machine's load and inflate small calls. The number of bytecodes each line runs depends on
the code and the records only: it is exact and the same from one run to the next, takes seconds,
and says which loop of a function is worth rewriting. It does not weigh the bytecodes (a dict made
costs more than a local read, a call into C more than either): a change is judged by its
instructions (callgrind), this count says where to look.

Records are generated (`bench/generate.py`), decoded, given the reference data and joined, and
evaluated beforehand; 200 acts are decided and rendered first, uncounted, so that the memos of a
long batch are warm.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WARM = 200


def _prepared(acts: int) -> tuple:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    import generate

    from checker.batch import Options, _Referentiel, _STATE, _init
    from checker.engine_cache import compiled_for_workers
    from checker.inputs import Source, load_source
    from checker.joins import apply_joins

    _init(Options(fmt="jsonl", preuves="resumees"))
    compiled_for_workers(None)
    engine, writer = _STATE["engine"], _STATE["writer"]
    lines = list(generate.lines(acts + WARM, seed=11))
    items = [load_source(Source(f"bench:{n}", "json_text", line, n), n) for n, line in enumerate(lines, 1)]
    items = [item for item in items if item.record is not None]
    records = [item.record for item in items]
    _Referentiel(engine)(records)
    apply_joins(records)
    return engine, writer, [(item, engine.evaluate(item.record)) for item in items]


def _results(engine, evaluated: list) -> list:
    from checker.batch import _Referentiel
    from checker.results import LeanResult
    return [LeanResult(item.fichier, item.record, engine, entries, item.line, None, _Referentiel.annotate)
            for item, entries in evaluated]


def _decide(results: list) -> None:
    for result in results:
        result.statut
        result.decision


def _render(writer, results: list) -> None:
    for result in results:
        writer.fragment_bytes(result)


def counted(stage: str, acts: int) -> tuple[Counter, int]:
    """The bytecodes run by `stage` on `acts` acts, by (file, function, line)."""
    engine, writer, evaluated = _prepared(acts)
    warm, measured = evaluated[:WARM], evaluated[WARM:]
    first = _results(engine, warm)
    _decide(first)
    _render(writer, first)
    results = _results(engine, measured)
    if stage == "render":
        _decide(results)
    counts: Counter = Counter()

    def local(frame, event, arg):
        if event == "opcode":
            code = frame.f_code
            counts[(code.co_filename, code.co_name, frame.f_lineno)] += 1
        return local

    def called(frame, event, arg):
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        return local

    sys.settrace(called)
    try:
        if stage == "render":
            _render(writer, results)
        else:
            _decide(results)
    finally:
        sys.settrace(None)
    return counts, len(results)


def _short(filename: str) -> str:
    path = Path(filename)
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return path.name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--etape", choices=("render", "decide"), default="render")
    parser.add_argument("--actes", type=int, default=100)
    parser.add_argument("--lignes", type=int, default=30, help="les lignes les plus coûteuses montrées")
    args = parser.parse_args()
    if args.actes < 1:
        parser.error("--actes doit être positif")
    counts, acts = counted(args.etape, args.actes)
    total = sum(counts.values())
    print(f"{args.etape} : {total / acts:.0f} bytecodes par acte ({acts} actes)")
    functions: Counter = Counter()
    for (filename, name, _), count in counts.items():
        functions[(filename, name)] += count
    print("\npar fonction (bytecodes par acte) :")
    for (filename, name), count in functions.most_common(args.lignes):
        print(f"{count / acts:9.0f}  {_short(filename)}:{name}")
    print("\npar ligne :")
    for (filename, name, line), count in counts.most_common(args.lignes):
        print(f"{count / acts:9.1f}  {_short(filename)}:{line} ({name})")


if __name__ == "__main__":
    main()
