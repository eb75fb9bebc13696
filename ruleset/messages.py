"""Messages of the rules: a template per verdict, with the version's computed values.

A value that is unknown is never pasted into a sentence (« au moins inconnu jour(s) franc(s) »):
the part of a message that cites a value which may be missing is written between ⟨ and ⟩, and
that part is left out when one of its values is unknown. Segments do not nest.
"""
from __future__ import annotations

import string

from ruleset.values import Unknown

OPEN, CLOSE = "⟨", "⟩"

_PARSED: dict = {}


def segments(template: str) -> list[tuple[bool, str, tuple[str, ...]]]:
    """(optional, text, placeholders) for each part of `template`; raises ValueError if malformed."""
    parsed = _PARSED.get(template)
    if parsed is not None:
        return parsed
    parts, optional, rest = [], False, template
    while rest:
        mark = CLOSE if optional else OPEN
        index = rest.find(mark)
        other = rest.find(OPEN if optional else CLOSE)
        if other != -1 and (index == -1 or other < index):
            raise ValueError(f"« {OPEN if optional else CLOSE} » inattendu : les parties facultatives "
                             f"s'écrivent {OPEN}…{CLOSE}, sans imbrication")
        if index == -1:
            if optional:
                raise ValueError(f"partie facultative ouverte par « {OPEN} » et jamais fermée")
            text, rest = rest, ""
        else:
            text, rest = rest[:index], rest[index + 1:]
        if text:
            names = tuple(f for _, f, _, _ in string.Formatter().parse(text) if f)
            parts.append((optional, text, names))
        if index != -1:
            optional = not optional
    if optional:
        raise ValueError(f"partie facultative ouverte par « {OPEN} » et jamais fermée")
    _PARSED[template] = parts
    return parts


def render(template: str, values: dict, formatter, format_value) -> str:
    """The message with its values; optional parts citing an unknown value are left out."""
    out = []
    for optional, text, names in segments(template):
        if not names and "{" not in text and "}" not in text:
            out.append(text)
            continue
        mapping = formatter()
        for name in names:
            if name in values:
                value = values[name]
                if optional and type(value) is Unknown:
                    break
                mapping[name] = format_value(value)
            elif optional:
                break
        else:
            out.append(text.format_map(mapping))
    return "".join(out)


def unknown_in_sentence(template: str, values: dict) -> list[str]:
    """The values of `template` that are unknown outside an optional part (they would read « inconnu »)."""
    return [name for optional, _, names in segments(template) if not optional
            for name in names if type(values.get(name)) is Unknown]
