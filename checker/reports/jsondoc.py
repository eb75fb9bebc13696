"""Machine-readable findings: one JSON document with every result and the reconciled counts."""
from __future__ import annotations

import json

from checker.results import Result, summary
from checker.version import VERSION


def render(results: list[Result]) -> str:
    document = {
        "delibcheck": VERSION,
        "resultats": [r.to_dict() for r in results],
        "resume": summary(results),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
