"""Messages of the rules: a template per verdict, with the version's computed values.

A value that is unknown is never pasted into a sentence (« au moins inconnu jour(s) franc(s) »):
the part of a message that cites a value which may be missing is written between ⟨ and ⟩, and
that part is left out when one of its values is unknown. Segments do not nest.

Words that agree with a number are written with the value, never as « jour(s) franc(s) »:
`{jours:# jour franc|# jours francs}` gives « 1 jour franc », « 0 jour franc », « 3 jours francs »
(`#` stands for the value; a form without `#` gives the words alone, `{noms:porte|portent}`). French
puts the singular below two (« 0 jour franc », « 1,5 jour »); a list agrees with its length, a number
known between bounds with its upper bound, and a value that is not a number with the plural.
"""
from __future__ import annotations

import re
import string

from ruleset.values import Interval, Unknown

OPEN, CLOSE = "⟨", "⟩"

_PARSED: dict = {}
_PIECES: dict = {}


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


def plural_forms(spec: str) -> tuple[str, str]:
    """(singular, plural) of a placeholder's agreement `singulier|pluriel`; ValueError otherwise."""
    forms = _FORMS.get(spec)
    if forms is None:
        split = spec.split("|")
        if len(split) != 2 or not all(f.strip() for f in split):
            raise ValueError(f"accord « {spec} » mal formé : il s'écrit {{valeur:# singulier|# pluriel}}")
        forms = split[0], split[1]
        if len(_FORMS) < 10_000:
            _FORMS[spec] = forms
    return forms


# The agreements of the rules' messages and of the reports' sentences, by spec: the same few
# hundred on every act.
_FORMS: dict = {}


def is_plural(value) -> bool:
    """Whether words that agree with `value` take the plural (French: from two on)."""
    kind = type(value)
    if kind is bool:
        return False
    if kind is int or kind is float:
        return abs(value) >= 2
    if isinstance(value, (list, tuple)):
        return len(value) >= 2
    if kind is Interval:
        return is_plural(value.hi)
    return True


_VOWELS = frozenset("AEIOUYÀÂÉÈÊËÎÏÔÙÛaeiouyàâéèêëîïôùû")
_ELIDED = re.compile(r"\b([dD])e #")


def agree(value, spec: str, shown: str) -> str:
    """The form of `spec` that agrees with `value`, with `#` replaced by the value as shown; « de »
    before a vowel is elided (« pouvoir d'Anne »), as French writes it."""
    singular, plural = plural_forms(spec)
    form = plural if is_plural(value) else singular
    if "e #" in form and shown[:1] in _VOWELS:
        form = _ELIDED.sub(r"\1'#", form)
    return form.replace("#", shown)


def de(text) -> str:
    """« de » before `text`, elided before a vowel: de("Anne") is « d'Anne »."""
    text = str(text)
    return f"d'{text}" if text[:1] in _VOWELS else f"de {text}"


def nombre(count, spec: str) -> str:
    """`count` with the words that agree with it: nombre(1, "# point|# points") is « 1 point »."""
    return agree(count, spec, str(count))


def _pieces(text: str) -> list[tuple[str, str | None, str]]:
    parsed = _PIECES.get(text)
    if parsed is None:
        parsed = [(literal, name, spec or "") for literal, name, spec, _ in string.Formatter().parse(text)]
        _PIECES[text] = parsed
    return parsed


def render(template: str, values: dict, formatter, format_value) -> str:
    """The message with its values; optional parts citing an unknown value are left out, words
    that agree with a value take its number."""
    out = []
    for optional, text, names in segments(template):
        if optional and any(type(values.get(name)) is Unknown or name not in values for name in names):
            continue
        for literal, name, spec in _pieces(text):
            out.append(literal)
            if name is None:
                continue
            if name not in values:
                out.append(formatter({})[name])
                continue
            shown = str(format_value(values[name]))
            out.append(agree(values[name], spec, shown) if spec else shown)
    return "".join(out)


def unknown_in_sentence(template: str, values: dict) -> list[str]:
    """The values of `template` that are unknown outside an optional part (they would read « inconnu »)."""
    return [name for optional, _, names in segments(template) if not optional
            for name in names if type(values.get(name)) is Unknown]
