"""Instructions per act of every stage of a JSON Lines batch, the worker's and the main process's,
counted by callgrind (as `bench/instructions.py` counts evaluate, decide and render).

    python bench/instructions_etapes.py [--actes 100] [--passes 1] [--etapes lecture,decode,...]

The stages, in the order a line goes through them (`checker.batch`):

- lecture: the input file read into sources, cut into chunks (the main process);
- envoi: a chunk pickled to a worker and unpickled there (the pool's pipe, both ends);
- decode: the line parsed and the record built (`load_source`);
- derive: the reference data filled in and the records of a chunk joined;
- evaluate: every rule decided (`Engine.evaluate`);
- decide: the findings shown, the confidence gate, the decision per act;
- render: the lean JSON line as UTF-8 bytes (`fragment_bytes`), and within it
  `render.constats` (`lean_findings`: the trace walk, the facts and findings written) and
  `render.json` (orjson's encoding of the document);
- retour: the outcomes made (`Outcome`) and pickled back, unpickled by the main process;
- ecriture: the main process's tally and its writing of the lines (`_Sink`).

Each stage is counted in a run of its own under callgrind (its function called through
`operator.call`, whose C function turns the count on and off), every pass after a first one that
warms the plans and caches as a long batch has them. One run takes one to three minutes.
"""
from __future__ import annotations

import argparse
import gc
import operator
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
UNDER = "DELIBCHECK_ETAPE_SOUS_CALLGRIND"
STAGES = ("lecture", "envoi", "decode", "derive", "evaluate", "decide", "render", "render.constats",
          "render.json", "retour", "ecriture")


def _measured(actes: int, passes: int, stage: str) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    import generate
    from instructions import _decide, _evaluate

    import checker.reports.jsonl as jsonl
    import checker.results as results
    from checker.batch import CHUNK, Options, Outcome, Totals, _Referentiel, _STATE, _Sink, _chunks, _init
    from checker.engine_cache import compiled_for_workers
    from checker.inputs import iter_sources, load_source
    from checker.joins import apply_joins
    from checker.results import LeanResult

    options = Options(fmt="jsonl", preuves="resumees")
    _init(options)
    compiled_for_workers(None)
    # The plans compiled after `_init`'s freeze would sit in the collected generations, and every
    # full collection would walk them: frozen like a worker's, or decode's count depends on them.
    gc.collect()
    gc.freeze()
    engine, writer = _STATE["engine"], _STATE["writer"]
    folder = Path(tempfile.mkdtemp(prefix="delibcheck-etapes-"))
    path = folder / "lot.jsonl"
    path.write_text("".join(line + "\n" for line in generate.lines(actes, seed=11)), encoding="utf-8")

    def counted_if(name):
        return operator.call if name == stage else _direct

    if stage in ("render.constats", "render.json"):
        inner = results.lean_findings if stage == "render.constats" else jsonl.compact_json_bytes

        def wrapped(*args):
            return operator.call(inner, *args) if counting[0] else inner(*args)
        if stage == "render.constats":
            results.lean_findings = wrapped
        else:
            jsonl.compact_json_bytes = wrapped
    counting = [False]
    acts = 0
    out = open(os.devnull, "w", encoding="utf-8")
    for number in range(passes + 1):
        counting[0] = number > 0
        call = (lambda name: counted_if(name)) if counting[0] else (lambda name: _direct)
        chunks = call("lecture")(_read, iter_sources, _chunks, str(path), CHUNK)
        totals = Totals()
        sink = _Sink(out)
        for chunk in chunks:
            chunk = call("envoi")(_sent, chunk)
            items = call("decode")(_decode, load_source, chunk)
            items = [item for item in items if item.record is not None]
            records = [item.record for item in items]
            call("derive")(_derive, _Referentiel(engine), apply_joins, records)
            evaluated = call("evaluate")(_evaluate, engine, records)
            made = [LeanResult(item.fichier, item.record, engine, entries, item.line, None, _Referentiel.annotate)
                    for item, entries in zip(items, evaluated)]
            call("decide")(_decide, made)
            fragments = call("render")(_render, writer, made)
            outcomes = call("retour")(_returned, Outcome, made, fragments)
            call("ecriture")(_written, totals, sink, outcomes)
            if counting[0]:
                acts += len(made)
        sink.close()
    shutil.rmtree(folder, ignore_errors=True)
    print(f"actes mesurés : {acts}", file=sys.stderr)


def _direct(function, *args):
    return function(*args)


def _read(iter_sources, chunks, path, size) -> list:
    return list(chunks(iter_sources([path], "auto"), size))


def _sent(chunk):
    return pickle.loads(pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL))


def _decode(load_source, chunk) -> list:
    return [load_source(source, index) for index, source in chunk]


def _derive(referentiel, apply_joins, records) -> None:
    referentiel(records)
    apply_joins(records)


def _render(writer, made) -> list:
    return [writer.fragment_bytes(result) for result in made]


def _returned(outcome, made, fragments) -> list:
    # What `checker.batch._outcome` makes of a result once rendered, then the pool's pipe.
    outcomes = []
    for result, fragment in zip(made, fragments):
        raw = result.record.root["collectivite"].get("nom")
        decision = result.decision
        outcomes.append(outcome(result.statut, fragment, raw if isinstance(raw, str) else None, None,
                                None if decision is None else decision.action, None))
    return pickle.loads(pickle.dumps(outcomes, pickle.HIGHEST_PROTOCOL))


def _written(totals, sink, outcomes) -> None:
    for outcome in outcomes:
        totals.add(outcome)
        sink.write(outcome.fragment)
    sink.drain()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actes", type=int, default=100)
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--etapes", default=",".join(STAGES), help=f"parmi {', '.join(STAGES)}")
    args = parser.parse_args()
    wanted = [s for s in args.etapes.split(",") if s]
    for stage in wanted:
        if stage not in STAGES:
            parser.error(f"étape inconnue : {stage}")
    if os.environ.get(UNDER):
        _measured(args.actes, args.passes, wanted[0])
        return
    from instructions import counted_run

    total = 0.0
    warm = ["--actes", "1", "--passes", "0", "--etapes", "lecture"]
    for stage in wanted:
        collected, acts = counted_run(__file__, UNDER, warm if stage == wanted[0] else None,
                                      ["--actes", str(args.actes), "--passes", str(args.passes), "--etapes", stage])
        per_act = collected / acts / 1e6
        if "." not in stage:
            total += per_act
        print(f"{stage:16} {per_act:7.3f} millions d'instructions par acte", flush=True)
    if len(wanted) > 1:
        print(f"{'total':16} {total:7.3f}")


if __name__ == "__main__":
    main()
