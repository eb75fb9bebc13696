"""Colour for the text report on a terminal: the verdict heads only, never a value from a record
(those were made visible first, so a record cannot colour the terminal itself)."""
from __future__ import annotations

import re
from typing import TextIO

import click

_HEADS = (
    (re.compile(r"^(  ✗ NON CONFORME)", re.M), {"fg": "red", "bold": True}),
    (re.compile(r"^(  ! ERREUR)", re.M), {"fg": "red", "bold": True}),
    (re.compile(r"^(  \? INDÉTERMINÉ)", re.M), {"fg": "yellow", "bold": True}),
    (re.compile(r"^(  … À VENIR)", re.M), {"fg": "blue"}),
    (re.compile(r"^(  ✓ CONFORME)", re.M), {"fg": "green"}),
    (re.compile(r"^(  Statut : non conforme)", re.M), {"fg": "red"}),
)


def colour(text: str) -> str:
    for pattern, style in _HEADS:
        text = pattern.sub(lambda m, s=style: click.style(m.group(1), **s), text)
    return text


class ColouredText:
    """A text stream that colours the verdicts of what is written to it."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(colour(text))

    def flush(self) -> None:
        self.stream.flush()
