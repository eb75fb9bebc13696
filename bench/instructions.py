"""Instructions per act of a batch worker's evaluate, decide and render stages, counted by callgrind.

    python bench/instructions.py [--actes 100] [--passes 2] [--partie tout|evaluate|decide|render]
    python bench/instructions.py --partie cinq_moteur, then --partie cinq_manuscrit (the ratio)
    python bench/instructions.py --partie cinq_familles (the engine and the fold into families)
    python bench/instructions.py --partie evaluate --statut indetermine (the rules' compiled code
        alone, on the runs whose outcome has that status: non_applicable, conforme, indetermine,
        non_conforme; the four together against `--partie evaluate` give the engine's own share)
    python bench/instructions.py --partie evaluate --piece lecteurs|declencheurs|plan (the plans'
        readers alone, the exceptions' conditions alone, or the plan functions with all they call)
    python bench/instructions.py --partie cinq_moteur --piece lecteurs|declencheurs|plan|regles (the
        same pieces of the yardstick's engine, and `regles`: the rules' compiled code alone)
    python bench/instructions.py --partie evaluate|cinq_moteur|cinq_familles --par-code 30 (no
        callgrind, seconds: the Python bytecode instructions per act by rule, plan, reader and function)
    python bench/instructions.py --partie cinq_manuscrit --par-code 30 (the same count of the
        hand-written function on the same meetings: the yardstick's bytecodes by function)

On a machine shared by several sessions, CPU time moves by 5 to 10 % from one run to the next
and a change worth 1 or 2 % cannot be seen in it. The number of instructions the processor runs
does not depend on the neighbours: this script runs itself under valgrind's callgrind (Debian's
`valgrind`) with the hash seed fixed, and counts only what runs inside the stages measured (each
is called through `operator.call`, whose C function turns the count on and off), so the set-up
(imports, the engine, the records decoded and evaluated) is left out. Two runs of the same code
give the same count within 0.05 %; two versions of the code differ by what they do — and by the
way their objects fall in memory, about 0.5 %: compare changes larger than that.

The stages are those of `bench/run.py --parties etapes`: evaluate (`Engine.evaluate`: every
rule decided on the record, statuses, values, facts read), decide (the findings shown, the
confidence gate, the decision per act) and render (the lean JSON line), on generated records
(`bench/generate.py`); decide and render take the entries evaluate gave. A run takes some 40 s of CPU per 100 acts (callgrind
runs the interpreter some fifty times slower).

What the lean report's contract (« non_applicable » counted, « conforme » as rule ids) would let a
lean engine path drop was measured so in session 17 (main 1bf63c6, per act): evaluate 2.206 M,
decide 0.777 M, render 1.471 M; the rules' code of the « conforme » runs 0.373 M, of which their
traces 0.025 M; every trace of every run removed from the generated code (an oracle that knew each
status before the run): evaluate -1.9 % (-3.7 % in time, bench/ab.py); the « non_applicable »
entries not appended by the plan functions: evaluate -1.5 to -2.1 %, decide -3.2 %, the whole
0.983–1.002 in time. Each of these is a prototype's figure, at most some 3 % of a batch together:
a second engine path for the lean report was not built. (The `--statut` split is indicative: the
four statuses' shares did not move as the whole did under the trace-free prototype.)
"""
from __future__ import annotations

import argparse
import operator
import os
import re
import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
UNDER = "DELIBCHECK_SOUS_CALLGRIND"


def _measured(actes: int, passes: int, partie: str, statut: str | None = None, piece: str | None = None) -> None:
    """Run inside callgrind: the set-up, then the stages through `operator.call`."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    if partie in FIVE:
        _five_families(actes, passes, partie, piece)
        return
    import generate

    from checker.batch import CHUNK, Options, _Referentiel, _STATE, _init
    from checker.engine_cache import compiled_for_workers
    from checker.inputs import Source, load_source
    from checker.joins import apply_joins
    from checker.results import LeanResult

    _init(Options(fmt="jsonl", preuves="resumees"))
    compiled_for_workers(None)
    engine, writer = _STATE["engine"], _STATE["writer"]
    lines = list(generate.lines(actes + 20, seed=11))
    sources = [Source(f"bench:{n}", "json_text", line, n) for n, line in enumerate(lines, 1)]

    def prepare():
        prepared = []
        for start in range(0, len(sources), CHUNK):
            items = [load_source(source, start + index) for index, source in enumerate(sources[start:start + CHUNK])]
            records = [item.record for item in items if item.record is not None]
            _Referentiel(engine)(records)
            apply_joins(records)
            prepared.append([(item, engine.evaluate(item.record)) for item in items if item.record is not None])
        return prepared

    if statut is not None:
        _by_status(engine, prepare, statut)
        return
    if piece is not None:
        _by_piece(engine, prepare, piece)
        return
    prepared = prepare()
    # The first 20 acts warm the plans, memos and caches, as a long batch has them.
    warm, prepared = prepared[0][:20], [prepared[0][20:]] + prepared[1:]
    for item, entries in warm:
        writer.fragment_bytes(LeanResult(item.fichier, item.record, engine, entries, item.line, None,
                                         _Referentiel.annotate))
    evaluated = operator.call if partie in ("tout", "evaluate") else _direct
    counted = operator.call if partie in ("tout", "decide") else _direct
    rendered = operator.call if partie in ("tout", "render") else _direct
    acts = 0
    for _ in range(passes):
        for checked in prepared:
            evaluations = evaluated(_evaluate, engine, [item.record for item, _ in checked])
            results = [LeanResult(item.fichier, item.record, engine, entries, item.line, None, _Referentiel.annotate)
                       for (item, _), entries in zip(checked, evaluations)]
            counted(_decide, results)
            rendered(_render, writer, results)
            acts += len(results)
    print(f"actes mesurés : {acts}", file=sys.stderr)


STATUSES = ("non_applicable", "conforme", "indetermine", "non_conforme")


def _by_status(engine, prepare, statut: str) -> None:
    """The instructions of the rules' compiled code (each version's `run`) on the runs whose
    outcome has `statut`: the records are evaluated, uncounted, to learn each run's status in
    the order the engine makes them, then decoded and evaluated again (a new memo per record:
    the same runs, in the same order) with only those runs counted."""
    def status_of(result) -> str:
        if result is None:
            return "non_applicable"
        applicable, _, verdict = result
        if verdict is True:
            return "conforme"
        if verdict is False and applicable is True:
            return "non_conforme"
        return "indetermine"

    seen, position, learning = [], [0], [True]

    def wrapped(run):
        def counted_if(env, trace, force):
            if learning[0]:
                result = run(env, trace, force)
                seen.append(status_of(result))
                return result
            index = position[0]
            position[0] += 1
            if seen[index] == statut:
                return operator.call(run, env, trace, force)
            return run(env, trace, force)
        return counted_if

    for compiled in list(engine._compiled.values()):
        if compiled is not None:
            compiled.run = wrapped(compiled.run)
    engine._plans.clear()
    # A first pass makes the plans again (their functions bound to the wrapped code), the second
    # learns the statuses, the third is counted.
    prepare()
    seen.clear()
    prepare()
    learning[0] = False
    prepared = prepare()
    learned = len(seen)
    acts = sum(len(checked) for checked in prepared)
    print(f"exécutions : {learned}, dont {seen.count(statut)} {statut}", file=sys.stderr)
    print(f"actes mesurés : {acts}", file=sys.stderr)


PIECES = ("lecteurs", "declencheurs", "plan", "regles")


def _switched(counting: list):
    """A wrapper for the functions of one piece: their calls go through `operator.call`, the C
    function callgrind is told to count, once `counting[0]` is set, and run uncounted before."""
    def counted(function):
        def call(*args):
            if counting[0]:
                return operator.call(function, *args)
            return function(*args)
        return call
    return counted


def _by_piece(engine, prepare, piece: str) -> None:
    """The instructions of one piece of evaluate: the readers of the plans (each path of the
    meeting once per record, of an act once per act), the conditions of the exceptions
    (`trigger`, called by the plan functions before the rule they set aside), or the plan
    functions with everything they call (the rules' compiled code included). The wrapped
    functions are counted only on the last pass, after a pass that makes the plans again."""
    counting = [False]
    counted = _switched(counting)

    if piece == "declencheurs":
        for compiled in list(engine._compiled.values()):
            if compiled is not None and compiled.trigger is not None:
                compiled.trigger = counted(compiled.trigger)
    engine._plans.clear()
    prepare()
    if piece == "lecteurs":
        for reader in list(engine._readers.values()):
            if reader is not None:
                reader.read = counted(reader.read)
        engine._plans.clear()
        prepare()
    elif piece == "plan":
        for key, (steps, readers, function) in list(engine._plans.items()):
            if function is not None:
                engine._plans[key] = (steps, readers, counted(function))
    counting[0] = True
    prepared = prepare()
    print(f"actes mesurés : {sum(len(checked) for checked in prepared)}", file=sys.stderr)


# The yardstick of `bench/engine_vs_handwritten.py` counted: the engine on the five families'
# rules (`Engine.evaluate(record, only=…)`, compiled, plans made beforehand) and the hand-written
# function, on the same random meetings, each in a run of its own.
FIVE = ("cinq_moteur", "cinq_familles", "cinq_manuscrit")


def _five_families(records: int, passes: int, partie: str, piece: str | None = None) -> None:
    import json

    import families
    import handwritten
    import meetings

    from checker.engine_cache import compiled_for_workers
    from checker.record import build_record

    # The cached engine, every version compiled (the cache is built before callgrind starts).
    engine = compiled_for_workers(None)
    raw = [json.loads(json.dumps(r)) for r in meetings.meetings(records, seed=2026)]
    built = [build_record(json.loads(json.dumps(r)), "bench") for r in raw]
    # The plans of every period the meetings fall in made (and their functions compiled) first.
    for record in built:
        engine.evaluate(record, only=families.RULES)
    if piece is not None:
        # One piece of the engine's evaluation counted alone (see `_by_piece`), the rest run.
        _five_piece(engine, built, passes, families.RULES, piece)
        return
    if partie == "cinq_moteur":
        function, items = partial(_evaluated_five, engine, families.RULES), built
    elif partie == "cinq_familles":
        # What `engine_families_us` of the timed bench measures: the outcomes folded as well,
        # into the one status per family and subject that the hand-written function answers.
        function, items = partial(_folded_five, engine, families), built
    else:
        function, items = _handwritten_five, raw
    for _ in range(passes):
        operator.call(function, items, handwritten)
    print(f"actes mesurés : {len(items) * passes}", file=sys.stderr)


def _five_piece(engine, records: list, passes: int, only, piece: str) -> None:
    """The instructions of one piece of `Engine.evaluate(record, only=…)` on the five families:
    the plans' readers, the exceptions' conditions, the plan functions with all they call, or the
    rules' compiled code (`regles`: each version's `run` and `trigger`)."""
    counting = [False]
    counted = _switched(counting)

    for compiled in list(engine._compiled.values()):
        if compiled is None:
            continue
        if piece in ("declencheurs", "regles") and compiled.trigger is not None:
            compiled.trigger = counted(compiled.trigger)
        if piece == "regles":
            compiled.run = counted(compiled.run)
    engine._plans.clear()
    for record in records:
        engine.evaluate(record, only=only)
    if piece == "lecteurs":
        for reader in list(engine._readers.values()):
            if reader is not None:
                reader.read = counted(reader.read)
        engine._plans.clear()
        for record in records:
            engine.evaluate(record, only=only)
    elif piece == "plan":
        for key, (steps, readers, function) in list(engine._plans.items()):
            if function is not None:
                engine._plans[key] = (steps, readers, counted(function))
    counting[0] = True
    for _ in range(passes):
        for record in records:
            engine.evaluate(record, only=only)
    print(f"actes mesurés : {len(records) * passes}", file=sys.stderr)


def _evaluated_five(engine, only, records, _) -> None:
    for record in records:
        engine.evaluate(record, only=only)


def _folded_five(engine, families, records, _) -> None:
    for record in records:
        families.engine_families(engine.evaluate(record, only=families.RULES))


def _handwritten_five(items, handwritten) -> None:
    for item in items:
        handwritten.check(item)


def _by_code(actes: int, partie: str, top: int) -> None:
    """Without callgrind: the Python bytecode instructions run per record, by code object (each
    rule version's compiled code, each exception's condition, the plan functions, the readers,
    every other Python function by file and name), counted through `sys.settrace`'s opcode events.
    The count is exact and the same from run to run; it says where the interpreter loop goes, not
    what each instruction costs (a call or an allocation costs more than a local's load)."""
    import collections

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    from checker.engine_cache import compiled_for_workers
    if partie == "evaluate":
        import generate

        from checker.batch import Options, _Referentiel, _init
        from checker.inputs import Source, load_source
        from checker.joins import apply_joins
        _init(Options(fmt="jsonl", preuves="resumees"))
        engine, only = compiled_for_workers(None), None
        lines = generate.lines(actes, seed=11)
        items = [load_source(Source(f"bench:{n}", "json_text", line, n), n) for n, line in enumerate(lines, 1)]
        records = [item.record for item in items if item.record is not None]
        _Referentiel(engine)(records)
        apply_joins(records)
    else:
        import json

        import families
        import meetings

        from checker.record import build_record
        engine, only = compiled_for_workers(None), families.RULES
        records = [build_record(json.loads(json.dumps(r)), "bench") for r in meetings.meetings(actes, seed=2026)]
    if partie == "cinq_manuscrit":
        import handwritten
        raw = [json.loads(json.dumps(r)) for r in meetings.meetings(actes, seed=2026)]
        run, items = handwritten.check, raw
    else:
        run, items = partial(engine.evaluate, only=only), records
    for item in items:
        run(item)
    # Equal code objects (versions, or rules, of the same text) are counted together, under the
    # label of the first rule met that holds one.
    labels: dict = {}
    for rule in engine.rules:
        for compiled in (engine._compiled.get(id(version)) for version in rule.versions):
            if compiled is not None:
                labels.setdefault(compiled.run.__code__, f"règle {rule.id}")
                if compiled.trigger is not None:
                    labels.setdefault(compiled.trigger.__code__, f"condition {rule.id}")
    for _, _, function in engine._plans.values():
        if function is not None:
            labels[function.__code__] = "fonctions des plans"
    for reader in engine._readers.values():
        if reader is not None:
            labels[reader.read.__code__] = "lecteurs"
    counts: collections.Counter = collections.Counter()

    def called(frame, event, arg):
        code = frame.f_code
        label = labels.get(code) or f"{Path(code.co_filename).name}:{code.co_name}"
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False

        def step(frame, event, arg):
            if event == "opcode":
                counts[label] += 1
            return step
        return step

    fold = None
    if partie == "cinq_familles":
        import families
        fold = families.engine_families
    sys.settrace(called)
    for item in items:
        entries = run(item)
        if fold is not None:
            fold(entries)
    sys.settrace(None)
    total = sum(counts.values())
    groups: collections.Counter = collections.Counter()
    for label, count in counts.items():
        groups[label.split(" ")[0] if label.startswith(("règle ", "condition ")) else label] += count
    n = len(items)
    print(f"{partie} : {total / n:.0f} instructions de bytecode par acte ({n} actes)")
    for label, count in groups.most_common(6):
        print(f"  {count / n:9.1f}  {100 * count / total:5.1f} %  {label}{' (toutes)' if label in ('règle', 'condition') else ''}")
    print("  —")
    for label, count in counts.most_common(top):
        print(f"  {count / n:9.1f}  {100 * count / total:5.1f} %  {label}")


def _direct(function, *args):
    return function(*args)


def _evaluate(engine, records) -> list:
    return [engine.evaluate(record) for record in records]


def _decide(results) -> None:
    for result in results:
        result.statut
        result.decision


def _render(writer, results) -> None:
    for result in results:
        writer.fragment_bytes(result)


def counted_run(script: str, under: str, warm: list | None, measured: list) -> tuple[int, int]:
    """`script` run again under callgrind (with `under` set in its environment), counting only what goes through `operator.call`:
    (instructions, acts measured). A first run outside callgrind (`warm`) builds the caches (the
    engine with every version compiled): the count leaves them out anyway, but building them under
    callgrind takes minutes; None when an earlier call made them."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("valgrind est introuvable : apt-get install valgrind")
    env = dict(os.environ, PYTHONHASHSEED="0", **{under: "1"})
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    if warm is not None:
        subprocess.run([sys.executable, script, *warm], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
    run = subprocess.run([valgrind, "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=_operator_call",
                          "--callgrind-out-file=/dev/null", sys.executable, script, *measured],
                         env=env, capture_output=True, text=True, check=False)
    collected = re.search(r"Collected : (\d+)", run.stderr)
    acts = re.search(r"actes mesurés : (\d+)", run.stderr)
    if run.returncode != 0 or collected is None or acts is None:
        sys.exit(f"la mesure a échoué ({' '.join(measured)}) :\n{run.stderr[-2000:]}")
    return int(collected.group(1)), int(acts.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actes", type=int, default=100)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--partie", choices=("tout", "evaluate", "decide", "render", *FIVE), default="tout")
    parser.add_argument("--statut", choices=STATUSES, default=None,
                        help="avec --partie evaluate : les seules exécutions du code des règles dont l'issue a ce statut")
    parser.add_argument("--piece", choices=PIECES, default=None,
                        help="avec --partie evaluate ou cinq_moteur : les lecteurs des plans, les conditions des exceptions, "
                             "les fonctions des plans avec ce qu'elles appellent, ou (cinq_moteur) le code des règles seul")
    parser.add_argument("--par-code", type=int, default=0, metavar="N",
                        help="sans callgrind : les instructions de bytecode par acte, par règle, plan, lecteur et "
                             "fonction (les N premiers), comptées par sys.settrace")
    args = parser.parse_args()
    parser_checks = ((args.statut, "--statut"), (args.piece, "--piece"))
    for given, option in parser_checks:
        if given is not None and args.partie != "evaluate" and not (option == "--piece" and args.partie == "cinq_moteur"):
            parser.error(f"{option} va avec --partie evaluate" + (" ou cinq_moteur" if option == "--piece" else ""))
    if args.piece == "regles" and args.partie != "cinq_moteur":
        parser.error("--piece regles va avec --partie cinq_moteur")
    if args.statut is not None and args.piece is not None:
        parser.error("--statut ou --piece, pas les deux")
    if args.par_code:
        if args.statut or args.piece or args.partie == "tout" or args.partie in ("decide", "render"):
            parser.error("--par-code va avec --partie evaluate, cinq_moteur, cinq_familles ou cinq_manuscrit, "
                         "sans --statut ni --piece")
        _by_code(args.actes, args.partie, args.par_code)
        return
    if os.environ.get(UNDER):
        _measured(args.actes, args.passes, args.partie, args.statut, args.piece)
        return
    count, made = counted_run(__file__, UNDER, ["--actes", "1", "--passes", "0"],
                              ["--actes", str(args.actes), "--passes", str(args.passes), "--partie", args.partie,
                               *(("--statut", args.statut) if args.statut else ()),
                               *(("--piece", args.piece) if args.piece else ())])
    label = args.partie + (f" ({args.statut or args.piece})" if args.statut or args.piece else "")
    print(f"{label} : {count} instructions pour {made} actes, {count / made / 1e6:.3f} millions par acte")


if __name__ == "__main__":
    main()
