"""Report formats. Each writer renders one result at a time (in a worker process when the batch
runs in parallel), so that a report of a million acts never holds them all; `header` and `footer`
frame the fragments, and a writer that must show the totals first (`totals_first`) has its
fragments spooled and written after its header."""
from __future__ import annotations

import importlib

FORMATS = ("texte", "json", "jsonl", "junit", "sarif", "html")
_MODULES = {"texte": "texte", "json": "jsondoc", "jsonl": "jsonl", "junit": "junit", "sarif": "sarif", "html": "html"}


def writer_for(fmt: str, **options):
    module = importlib.import_module(f"{__name__}.{_MODULES[fmt]}")
    return module.Writer(**options)
