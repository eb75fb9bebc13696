"""Write `ruleset/rules_snapshot.json`, the bundled rule files as the strict YAML loader reads
them (see `ruleset/snapshot.py`), so that the first run after an install does not parse them.

    python scripts/rules_snapshot.py          # write it
    python scripts/rules_snapshot.py --check  # exit 1 when it does not match rules/**

Run it after any change to a file under `rules/`: `tests/test_rules_snapshot.py` fails until then.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ruleset import snapshot  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    text = snapshot.dumps(snapshot.build(ROOT / "rules"))
    target = ROOT / "ruleset" / snapshot.FILENAME
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target.relative_to(ROOT)} ne correspond plus à rules/** : lancer python scripts/rules_snapshot.py",
                  file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"{target.relative_to(ROOT)} : {len(text) // 1024} ko")
    return 0


if __name__ == "__main__":
    sys.exit(main())
