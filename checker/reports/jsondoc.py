"""Machine-readable findings: one JSON document with every result and the reconciled counts."""
from __future__ import annotations

import json

from checker.results import SCHEMA_VERSION
from checker.version import VERSION


class Writer:
    totals_first = False
    separator = ",\n"

    def __init__(self, **options):
        self.options = options

    def header(self, rules) -> str:
        return ('{\n"schema_version": ' + json.dumps(SCHEMA_VERSION) + ',\n"delibcheck": ' + json.dumps(VERSION)
                + ',\n"resultats": [\n')

    def fragment(self, result) -> str:
        document = result.to_dict(show_all=bool(self.options.get("show_all")))
        if self.options.get("avant_vote") and result.error is None:
            from checker.clerk.prevote import to_json
            document.update(to_json(result.record, result.findings))
        return json.dumps(document, ensure_ascii=False, indent=2)

    def footer(self, totals: dict) -> str:
        return '\n],\n"resume": ' + json.dumps(totals, ensure_ascii=False, indent=2) + "\n}\n"

