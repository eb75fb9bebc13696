"""Decoding a JSON record: the shared decoder of `checker.record.parse_json` reads every text as
`json.loads` with the hook that refuses duplicate keys did, errors and their messages included;
so does its fast path for the lines of a batch (orjson, taken only where it reads the same)."""
from __future__ import annotations

import json
import math

from hypothesis import given, settings, strategies as st

from checker.record import _refuse_lone_surrogates, _reject_duplicates, _SURROGATE_ESCAPE, parse_json
from ruleset.errors import InputError
from ruleset.traduction import json_message, python_message


def reference(text: str, fichier: str):
    """`parse_json` as it was written with `json.loads`, each call making its own decoder."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = json.loads(text, object_pairs_hook=_reject_duplicates)
        return _refuse_lone_surrogates(data, fichier) if _SURROGATE_ESCAPE.search(text) else data
    except InputError as exc:
        raise InputError(exc.message, fichier=fichier)
    except json.JSONDecodeError as exc:
        raise InputError(f"JSON mal formé : {json_message(exc.msg)}", fichier=fichier, ligne=exc.lineno)
    except RecursionError:
        raise InputError("document trop profondément imbriqué", fichier=fichier)
    except ValueError as exc:
        raise InputError(f"JSON illisible : {python_message(exc)}", fichier=fichier)


def outcome(parse, text: str):
    try:
        return "valeur", _comparable(parse(text, "flux.jsonl"))
    except InputError as exc:
        return "erreur", exc.message, exc.fichier, exc.ligne


def _comparable(value):
    """NaN is not equal to itself: compared by its text."""
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, dict):
        return [(k, _comparable(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return (type(value).__name__, value)


KEYS = st.sampled_from(["seance", "date", "membres", "a", "é", "a:b", '"', "", ":", '":'])
SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(min_value=2 ** 62, max_value=2 ** 70)
           | st.integers(min_value=-(2 ** 70), max_value=-(2 ** 62)) | st.floats(allow_nan=True)
           | st.text(max_size=8) | st.sampled_from([":", " : ", "18:30", '":', "\\"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
                      max_leaves=12)


@st.composite
def texts(draw):
    """JSON texts and near misses: keys doubled, a byte order mark or two, lone surrogates,
    cut short, spaced out, with a character inserted anywhere."""
    text = json.dumps(draw(VALUES), ensure_ascii=draw(st.booleans()))
    change = draw(st.sampled_from(["aucun", "double", "bom", "deux_bom", "surrogate", "coupe", "insere", "espaces",
                                   "double_espace"]))
    if change == "double" and "{" in text and ":" in text:
        # The first key of the first object, repeated in front of it: `{"k": 1, "k": …`.
        start = text.index("{") + 1
        end = text.find(",", start)
        member = text[start:end if end > 0 else max(start, text.rfind("}"))]
        if member.strip():
            text = text[:start] + member + "," + text[start:]
    elif change == "double_espace" and "{" in text and ":" in text:
        # The same, the first key written with a space before its colon: `{"k" : 1, "k": …`.
        start = text.index("{") + 1
        end = text.find(",", start)
        member = text[start:end if end > 0 else max(start, text.rfind("}"))]
        if member.strip():
            text = text[:start] + member.replace('":', '" :', 1) + "," + text[start:]
    elif change == "bom":
        text = "\ufeff" + text
    elif change == "deux_bom":
        text = "\ufeff\ufeff" + text
    elif change == "surrogate":
        text = '{"a": "\\ud800", "b": ' + text + "}"
    elif change == "coupe" and text:
        text = text[: draw(st.integers(0, len(text) - 1))]
    elif change == "insere":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(list(',:{}[]"\\\n x0\x01'))) + text[at:]
    elif change == "espaces":
        text = "\n \t" + text.replace(",", " ,\r\n ") + "\n"
    if draw(st.booleans()):
        # A colon of a string spelt as an escape: the text then has one colon fewer than
        # the data written back.
        text = text.replace("18:30", "18\\u003a30").replace("a:b", "a\\u003Ab")
    return text


@settings(max_examples=400, deadline=None)
@given(texts())
def test_parse_json_reads_every_text_as_json_loads_did(text):
    assert outcome(parse_json, text) == outcome(reference, text)
    assert outcome(fast_parse, text) == outcome(reference, text)


def fast_parse(text: str, fichier: str):
    return parse_json(text, fichier, fast=True)


def test_fast_path_refuses_and_keeps_what_the_strict_decoder_does():
    # orjson alone would keep the last of the doubled keys, and read 2⁶⁴ and beyond as floats.
    for text in ('{"a": 1, "a": 2}', '{"a" : 1, "a": 2}', '{"a": ":", "a": 2}',
                 '{"x": [{"b": 1, "b\u0022": 2, "b": 3}]}',
                 '{"n": 123456789012345678901234567890}', '{"n": -18446744073709551617}', '18446744073709551616',
                 '[1e19, 18446744073709551616]', '{"a": 1, "a": 2, "h": "18:30"}', '{"a": NaN}', '{"a": "\ud800"}',
                 '{"a\u003a": 1, "a:": 2}', '{"a": 1} x', "[" * 1100 + "]" * 1100,
                 '{"a" :1,"a":2,"h":"18:30"}', '{"a":1,"a":":"}', '{"a":1,"a":2,"b":"x\\":y"}',
                 '{"h":"18:30","a":1,"a"\t:2}', '{"h":"18:30","a":1,"a"' + "\n" + ':2}',
                 r'{"a\u003a": 1, "a:": 2}', r'{"a": "\u003a", "a": 2}', r'{"s": "x\" : y", "s": 1}'):
        assert outcome(fast_parse, text) == outcome(reference, text), text
    kind, message, *_ = outcome(fast_parse, '{"seance": {"date": "2024-01-01", "date": "2024-01-02"}}')
    assert kind == "erreur" and "« date » en double" in message
    assert fast_parse('{"n": 18446744073709551616}', "x") == {"n": 18446744073709551616}
    assert type(fast_parse('{"n": 18446744073709551616}', "x")["n"]) is int


def test_duplicate_key_refused_at_every_depth_and_decoder_reused():
    # The same decoder, used again after a refusal, still refuses and still reads.
    for text in ('{"a": 1, "a": 2}', '{"x": {"seance": 1, "seance": 1}}', '[{"b": [], "b": []}]'):
        kind, message, *_ = outcome(parse_json, text)
        assert kind == "erreur" and "en double" in message
    assert parse_json('{"a": {"a": 1}, "b": [{"a": 2}]}', "x") == {"a": {"a": 1}, "b": [{"a": 2}]}


def test_second_byte_order_mark_is_named_as_json_loads_named_it():
    kind, message, fichier, ligne = outcome(parse_json, "\ufeff\ufeff{}")
    assert (kind, fichier, ligne) == ("erreur", "flux.jsonl", 1)
    assert "BOM" in message


def test_fast_path_reads_a_plain_record_with_orjson():
    from checker.record import _orjson_reading
    text = json.dumps({"seance": {"date": "2024-01-01", "presents": [1, 2.5, None, True]}, "deliberations": [{}]})
    assert _orjson_reading(text) == json.loads(text)
    # A colon inside a string: the keys are counted by their `":`, unless a quote is followed
    # by a blank (a key may be written `"k" :`), which leaves the text to the strict decoder.
    assert _orjson_reading('{"heure": "18:30", "source": "p. 2 : vote"}') == {"heure": "18:30", "source": "p. 2 : vote"}
    assert _orjson_reading('{"heure": "18:30", "a" : 1}') == {"heure": "18:30", "a": 1}
    assert _orjson_reading('{"heure": " 18:30"}') == {"heure": " 18:30"}
    # A key doubled is seen by the colons written back, wherever the text has other colons.
    assert _orjson_reading('{"heure": "18:30", "a" : 1, "a": 2}') is None
    assert _orjson_reading('{"a": "x:y", "a": "z"}') is None
    assert fast_parse('{"heure": "18:30", "a" : 1}', "x") == {"heure": "18:30", "a": 1}


def test_fast_path_counts_keys_one_by_one_where_the_colons_cannot_tell():
    from checker.record import _orjson_reading
    # An escaped colon in the text and a key doubled: as many colons on both sides.
    assert _orjson_reading(r'{"a": 1, "a": 2, "h": "18\u003a30"}') is None
    assert _orjson_reading(r'{"h": "18\u003a30"}') == {"h": "18:30"}
    # A float of 2⁶³ or more may be an integer orjson could not hold: the strict decoder reads it.
    assert _orjson_reading('{"n": 1e19}') is None
    assert _orjson_reading('{"n": 1.5e3, "s": "a+b"}') == {"n": 1500.0, "s": "a+b"}


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=2.0 ** 63, allow_infinity=False) | st.floats(max_value=-(2.0 ** 63), allow_infinity=False))
def test_orjson_writes_every_float_beyond_64_bits_with_an_exponent(value):
    # What `_orjson_reading` rests on to leave such numbers to the strict decoder.
    import orjson
    assert b"e+" in orjson.dumps([value])
