"""JSON Lines: one compact JSON object per act, UTF-8, no blank lines."""
from __future__ import annotations

from checker.reports.encoding import compact_json, compact_json_bytes


class Writer:
    totals_first = False
    separator = ""

    def __init__(self, **options):
        self.options = options

    def header(self, rules) -> str:
        return ""

    def fragment(self, result) -> str:
        document = result.to_dict(show_all=bool(self.options.get("show_all")))
        return compact_json(document) + "\n"

    def fragment_bytes(self, result) -> bytes:
        """`fragment` in UTF-8: what a batch's worker sends to the process that writes the report."""
        document = result.to_dict(show_all=bool(self.options.get("show_all")))
        return compact_json_bytes(document) + b"\n"

    def footer(self, totals: dict) -> str:
        return ""
