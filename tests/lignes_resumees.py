"""The lean JSON lines whose bytes `tests/test_lignes_resumees_identiques.py` holds fixed: every
rule example, and generated batches (broken lines, the reference data and the joins included),
each line written as a batch's worker writes it (`fragment_bytes`), with and without `--tout`.

`python scripts/lignes_resumees.py` writes their digests to `tests/data/lignes_resumees.json`;
only a change that means to change the report (a rule, the output schema) writes them again.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = ROOT / "tests" / "data" / "lignes_resumees.json"
# Generated batches: (records, seed). The first is also written with `--tout`.
BATCHES = ((300, 11), (200, 2026))


def digest(line: bytes) -> str:
    return hashlib.sha256(line).hexdigest()[:24]


def lines(engine, rules) -> dict:
    """Each line's digest by a name that says where it comes from (`exemple:…`, `lot:…`)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import generate

    from checker.batch import Options, _outcome, _Referentiel
    from checker.inputs import Source, load_source
    from checker.joins import apply_joins
    from checker.record import build_record
    from checker.reports import writer_for
    from checker.results import LeanResult

    out: dict = {}
    for show_all in (False, True):
        writer = writer_for("jsonl", show_all=show_all)
        tag = "tout:" if show_all else ""
        for rule in rules:
            for example in rule.exemples:
                record = build_record(example.dossier, f"{rule.fichier}:{example.nom}")
                result = LeanResult(f"exemple:{rule.id}:{example.nom}", record, engine, engine.evaluate(record))
                out[f"{tag}exemple:{rule.id}:{example.nom}"] = digest(writer.fragment_bytes(result))
        options = Options(fmt="jsonl", preuves="resumees", show_all=show_all)
        for count, seed in BATCHES[:1] if show_all else BATCHES:
            sources = [Source(f"lot{seed}.jsonl:{n}", "json_text", line, n)
                       for n, line in enumerate(generate.lines(count, seed=seed), 1)]
            items = [load_source(source, index) for index, source in enumerate(sources)]
            records = [item.record for item in items if item.record is not None]
            _Referentiel(engine)(records)
            apply_joins(records)
            for item in items:
                fragment = _outcome(item, engine, writer, options).fragment
                out[f"{tag}lot:{seed}:{item.line}"] = digest(fragment if type(fragment) is bytes
                                                              else fragment.encode("utf-8"))
    return out
