"""Makes the compression dictionary of the store (`checker/store/dictionnaire-1.txt`), once.

A zlib preset dictionary holds the strings that recur in every act the store keeps — the keys of
a finding, rule identifiers, titles, articles, message openings, the proposed decision — so that
one act's findings compress to some 2 kB instead of 5. It is made from generated records checked
with the catalogue of the day; once made it must never change (stored acts name it by its
checksum, `checker.store.dossier`), and a new one would be `dictionnaire-2.txt`, read beside it.

    python bench/store_dictionnaire.py checker/store/dictionnaire-1.txt
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZE = 32 * 1024


def main(target: str) -> None:
    from checker.engine_cache import engine_for
    from checker.record import build_record
    from checker.store.acte import build
    from checker.store.dossier import dumps, unpack

    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    engine = engine_for(None)
    acts, seen = [], set()
    for n, line in enumerate(generate.lines(300, seed=1818)):
        try:
            record = build_record(json.loads(line), f"dictionnaire:{n}")
        except Exception:
            continue
        # One act of each kind of body and size: their findings differ in which rules apply.
        collectivite = record.root["collectivite"]
        kind = (collectivite.get("nature"), (collectivite.get("population") or 0) >= 3500)
        if kind in seen:
            continue
        seen.add(kind)
        payload = build(record, engine.check(record), "dictionnaire")
        acts.append(dumps(unpack(payload.actes[0].constats)))
    # Whole acts as the store packs them (same separators, same key order): zlib finds long
    # matches in them, and those nearest the end most cheaply.
    data = b"\n".join(acts)[-SIZE:]
    Path(target).write_bytes(data)
    print(f"{target} : {len(data)} octets", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "checker" / "store" / "dictionnaire-1.txt"))
