"""JSON Lines: one compact JSON object per act, UTF-8, no blank lines."""
from __future__ import annotations

from checker.reports.encoding import compact_json


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

    def footer(self, totals: dict) -> str:
        return ""
