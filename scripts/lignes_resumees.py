"""Write `tests/data/lignes_resumees.json`: the digests of the lean JSON lines of every rule
example and of generated batches (`tests/lignes_resumees.py`), which
`tests/test_lignes_resumees_identiques.py` holds the code to, byte for byte.

    python scripts/lignes_resumees.py          # write them
    python scripts/lignes_resumees.py --check  # exit 1 when a line differs

Write them again only for a change that means to change the report (a rule's legal content, the
output schema); a change for speed must leave every line as it was.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import lignes_resumees  # noqa: E402
from checker.engine import Engine  # noqa: E402
from ruleset.loader import load_rules  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    rules = load_rules(str(ROOT / "rules"))
    found = lignes_resumees.lines(Engine(rules), rules)
    target = lignes_resumees.DIGESTS
    if args.check:
        kept = json.loads(target.read_text(encoding="utf-8"))
        changed = sorted(name for name in kept.keys() | found.keys() if kept.get(name) != found.get(name))
        for name in changed[:20]:
            print(f"ligne changée : {name}", file=sys.stderr)
        return 1 if changed else 0
    target.write_text(json.dumps(found, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{target.relative_to(ROOT)} : {len(found)} lignes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
