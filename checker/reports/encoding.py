"""JSON encoding of the reports.

orjson writes a batch's JSON several times faster than the standard library, which matters when
a prefecture checks a year of acts; its output is the standard library's compact form. It refuses
text that is not valid UTF-8 (a file name with a lone surrogate, which the operating system can
give): then the standard library writes it, escaped.
"""
from __future__ import annotations

import json

import orjson


def compact_json(document) -> str:
    try:
        return orjson.dumps(document).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(document, ensure_ascii=True, separators=(",", ":"))


def compact_json_bytes(document) -> bytes:
    """`compact_json` encoded in UTF-8, as orjson writes it: a batch's line is never decoded to
    be encoded again."""
    try:
        return orjson.dumps(document)
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(document, ensure_ascii=True, separators=(",", ":")).encode("ascii")
