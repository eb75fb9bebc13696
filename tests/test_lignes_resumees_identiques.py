"""The lean JSON lines, byte for byte, as they were when the work on their speed began: every
rule example and generated batches (broken lines, reference data and joins included), with and
without `--tout` (`tests/lignes_resumees.py`). A change made for speed must leave each line as
it was; a change meant to alter the report writes the digests again with
`python scripts/lignes_resumees.py` (and says so in its commit).
"""
from __future__ import annotations

import json

import lignes_resumees


def test_every_lean_line_is_byte_for_byte_the_one_kept(engine, rules):
    kept = json.loads(lignes_resumees.DIGESTS.read_text(encoding="utf-8"))
    found = lignes_resumees.lines(engine, rules)
    assert len(found) == len(kept) > 2000
    changed = sorted(name for name in kept if found.get(name) != kept[name])
    assert not changed, f"{len(changed)} lignes changées, dont : {changed[:10]}"
