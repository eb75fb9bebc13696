"""The deliberation record: read it, check it against its schema, and normalise it for the engine.

Normalising turns dates into dates, unwraps facts given with their source
(`{valeur, source, confiance}`), keeps asserted facts as `Asserted`, and derives the few facts that
follow from others (the number present from the list of members), each derived fact saying so
in its source.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ruleset.errors import InputError
from ruleset.traduction import cite, json_message, os_message, python_message
from ruleset.schema_errors import field_path, line_of, load_schema, validate
from ruleset.intervals import arithmetic
from ruleset.values import Asserted, Interval, Node, NodeList, bounded, imprecise
from ruleset.yaml_loader import LineDict, LineList, load_yaml

WRAPPER_KEYS = frozenset({"valeur", "source", "confiance", "affirme"})
BOUND_KEYS = frozenset({"min", "max", "source", "confiance"})
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Record:
    root: Node
    fichier: str
    index: int | None = None
    # What the reference data filled or found to differ (checker.referentiel), when it was used.
    referentiel: object = None
    # Whether the data gave some fact with a confidence (`{valeur, confiance}`), as `build_record`
    # saw it; None when not known (a record made otherwise: its nodes are looked through).
    confiances: bool | None = None

    @property
    def date(self) -> dt.date:
        return self.root["seance"]["date"]

    @property
    def label(self) -> str:
        name = self.root.get("collectivite", {}).get("nom") if isinstance(self.root.get("collectivite"), dict) else None
        name = name if isinstance(name, str) else "collectivité non nommée"
        return f"{name} — séance du {self.date.strftime('%d/%m/%Y')}"


def _reject_duplicates(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"clé « {key} » en double ; chaque clé ne peut apparaître qu'une fois")
        out[key] = value
    return out


# A \uD800–\uDFFF escape: JSON lets it stand alone, Unicode does not.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _refuse_lone_surrogates(data, fichier: str):
    """A lone surrogate (`"\\ud800"`) parses but can be written nowhere: the report crashed on it."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("JSON illisible : caractère \\u invalide (moitié isolée d'une paire de substitution UTF-16)",
                         fichier=fichier)
    return data


# One decoder for every record: `json.loads` with a hook makes a decoder and its scanner for each
# text: 4 µs of the 29 a line of a generated batch took. The scanner keeps nothing from one text to
# the next but a cache of keys it empties after each.
_DECODE = json.JSONDecoder(object_pairs_hook=_reject_duplicates).decode
# orjson parses a record in a quarter of that time, but keeps the last of two equal keys without a
# word and reads an integer beyond 64 bits as a float: its reading is taken only when neither can
# have happened (`_orjson_reading`), else the strict decoder reads the text again.
_WIDE = 2.0 ** 63


def _keys(data) -> int:
    """The number of keys of every object in `data`, or -1 when a number in it is a float too
    large to tell from an integer orjson could not hold (|x| ≥ 2⁶³)."""
    if type(data) is dict:
        count = len(data)
        data = data.values()
    else:
        count = 0
    for value in data:
        kind = type(value)
        if kind is dict or kind is list:
            inner = _keys(value)
            if inner < 0:
                return -1
            count += inner
        elif kind is float and not -_WIDE < value < _WIDE:
            return -1
    return count


# orjson, imported by the first line of a batch (a single record does not pay its import) and
# kept: an import statement costs thousands of instructions each time it runs.
_ORJSON = None


def _orjson():
    global _ORJSON
    import orjson
    _ORJSON = orjson
    return orjson


def _orjson_reading(text: str):
    """`text` parsed by orjson, or None when the strict decoder must read it.

    Every key of a text is followed by its one colon (blanks between them allowed); the other
    colons are inside strings. orjson writes every colon of a string as it is, and a key and its
    colon for each key it kept: so, when the text spells no colon as an escape (`\\u003a`), the
    data written back by orjson has as many colons as the text if and only if no key was dropped
    as a double (a dropped key takes its colon, and those of its strings, with it). Writing back
    is done in C; counting the keys by a walk of the data cost twice the parse. Where that cannot
    be told (an escape that may be a colon; an exponent, with which orjson writes every float of
    2⁶³ and beyond, one of which may be an integer it made a float; data too deep to write back),
    the keys are counted as before by `_counted_reading`. orjson refuses what `json` refuses and more (NaN, lone surrogates, depth
    beyond 1024): those texts, and any it cannot be trusted with, go to the strict decoder,
    which accepts them or says why not as before."""
    orjson = _ORJSON or _orjson()
    try:
        data = orjson.loads(text)
    except ValueError:
        return None
    # A backslash is looked for first: one character is found at the speed of memory, and
    # most texts hold none. A `+` written back is an exponent's (or a string's).
    if "\\" not in text or "\\u003" not in text:
        try:
            written = orjson.dumps(data)
        except TypeError:
            written = None
        if written is not None and b"+" not in written:
            return data if written.count(b":") == text.count(":") else None
    return _counted_reading(text, data)


def _counted_reading(text: str, data):
    """`data`, orjson's reading of `text`, when its keys, counted one by one, show that none was
    dropped as a double and no float may be an integer beyond 64 bits; else None.

    When the objects parsed hold as many keys as the text has colons, no key was dropped. A text
    with colons inside its strings (« 18:30 ») is judged by its `":` instead: each key written
    without a blank before its colon gives one, so when no quote is followed by a blank and the
    `":` are as many as the keys parsed, none was dropped either."""
    try:
        keys = _keys((data,))
    except RecursionError:
        return None
    if keys < 0:
        return None
    if keys == text.count(":"):
        return data
    if keys == text.count('":') and not any(blank in text for blank in _QUOTE_BLANKS):
        return data
    return None


# A quote followed by a blank: a key written `"k" : 1` (or a string opening with a blank).
_QUOTE_BLANKS = ('" ', '"\t', '"\n', '"\r')


def parse_json(text: str, fichier: str, fast: bool = False):
    """The JSON `text`, keys doubled refused; `fast`: parsed by orjson where it reads the text as
    the strict decoder would (the lines of a batch: a single record does not pay its import)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        if text.startswith("\ufeff"):
            # What `json.loads` says of a second mark, which the decoder alone would not see.
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        if fast:
            data = _orjson_reading(text)
            if data is not None:
                return data
        data = _DECODE(text)
        return _refuse_lone_surrogates(data, fichier) if _SURROGATE_ESCAPE.search(text) else data
    except InputError as exc:
        raise InputError(exc.message, fichier=fichier)
    except json.JSONDecodeError as exc:
        raise InputError(f"JSON mal formé : {json_message(exc.msg)}", fichier=fichier, ligne=exc.lineno)
    except RecursionError:
        raise InputError("document trop profondément imbriqué", fichier=fichier)
    except ValueError as exc:
        raise InputError(f"JSON illisible : {python_message(exc)}", fichier=fichier)


def parse_record_text(text: str, fichier: str, fmt: str | None = None):
    """Parse YAML or JSON text; JSON is valid YAML but is parsed as JSON for its error messages."""
    if fmt is None:
        fmt = "json" if fichier.lower().endswith((".json", ".jsonl")) else "yaml"
    return parse_json(text, fichier) if fmt == "json" else load_yaml(text, fichier)


def read_record_file(path: Path, fichier: str | None = None, prepare=None) -> Record:
    """A YAML or JSON record file; `prepare` may complete the data before it is checked."""
    fichier = fichier or str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"fichier trop volumineux (plus de {MAX_BYTES // (1024 * 1024)} Mo)", fichier=fichier)
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"le fichier n'est pas encodé en UTF-8 (octet 0x{exc.object[exc.start]:02x} à la position "
                         f"{exc.start + 1})", fichier=fichier)
    except OSError as exc:
        raise InputError(f"lecture impossible ({os_message(exc)})", fichier=fichier)
    data = parse_record_text(text, fichier)
    if prepare is not None:
        data = prepare(data)
    try:
        return build_record(data, fichier)
    except InputError as exc:
        if exc.ligne is None and fichier.lower().endswith(".json"):
            exc.ligne = _json_line(text, fichier, exc)
        raise


def _json_line(text: str, fichier: str, error: InputError) -> int | None:
    """The line of a schema error in a JSON file: the JSON parser keeps no lines, so the text is
    read again, on this error path only, by the YAML loader (JSON is YAML) that keeps them."""
    try:
        build_record(load_yaml(text, fichier), fichier)
    except InputError as again:
        if again.message == error.message:
            return again.ligne
    except (RecursionError, ValueError):
        return None
    return None


def build_record(data, fichier: str, index: int | None = None) -> Record:
    """Validate raw data against the record schema and normalise it."""
    if not isinstance(data, dict):
        raise InputError("le dossier doit être un objet (clé: valeur) contenant au moins « seance »", fichier=fichier)
    _undated_document(data, fichier)
    validate(load_schema("checker", "seance.schema.yaml"), data, fichier)
    given = _GIVEN_CONFIDENCES[0]
    try:
        root = _mapping(data, _ROOT)
    except _BadDate as bad:
        path = bad.parts[::-1]
        raise InputError(f"date impossible « {bad.value} » (attendu une date réelle AAAA-MM-JJ)",
                         fichier=fichier, ligne=line_of(data, path), champ=field_path(path)) from None
    except _BadBounds as bad:
        raise InputError(f"bornes inversées : min {bad.low} supérieur à max {bad.high} (attendu min ≤ max)",
                         fichier=fichier, champ=bad.field) from None
    for section in ("collectivite", "seance", "convocation"):
        if section not in root:
            root[section] = Node(section)
    if "deliberations" not in root:
        root["deliberations"] = NodeList("deliberations")
    if not isinstance(root["seance"].get("date"), dt.date):
        raise InputError("la date de la séance doit être une date AAAA-MM-JJ (elle ne peut être seulement affirmée)",
                         fichier=fichier, champ="seance.date")
    if "nature" not in root["collectivite"]:
        _set_derived(root["collectivite"], "nature", "commune", "nature absente du dossier, lue comme une commune (défaut du format)")
    _derive_alsace_moselle(root)
    _frozen_population(root)
    _derive(root)
    return Record(root, fichier, index, confiances=_GIVEN_CONFIDENCES[0] != given)


def _undated_document(data: dict, fichier: str) -> None:
    """A document whose reader saw a date but would not take it for the meeting's: every delay and
    the law in force hang on that date, so the act is refused with the reader's reason and the way to
    give the date, rather than with the schema's bare « clé obligatoire manquante »."""
    seance = data.get("seance")
    if not isinstance(seance, dict) or "date" in seance:
        return
    lecture = data.get("lecture")
    rejetees = lecture.get("rejetees") if isinstance(lecture, dict) else None
    if not isinstance(rejetees, list):
        return
    for entry in rejetees:
        if isinstance(entry, dict) and entry.get("champ") == "seance.date":
            raise InputError(
                f"aucune date de séance sûre dans le document : « {cite(str(entry.get('source', '')))} » "
                f"({cite(str(entry.get('raison', '')), 300)}) ; pour la donner : delibcheck extrait {fichier} "
                f"> seance.yaml, compléter « seance.date » (AAAA-MM-JJ), puis delibcheck check seance.yaml",
                fichier=fichier, champ="seance.date")


class _BadDate(Exception):
    """A date that does not exist, on its way up to the root: each level adds its key, so that
    the field path (and the line) is worked out only for the one record that needs it."""

    def __init__(self, value: str, parts: list):
        super().__init__(value)
        self.value = value
        self.parts = parts


class _Dates(dict):
    """Dates by their text, shared by every record (a date cannot change): the records of a
    batch fall on few dates, and a date read again is a look-up rather than a parse and an
    object more to free."""

    def __missing__(self, text: str) -> dt.date:
        try:
            date = _from_iso(text)
        except ValueError:
            raise _BadDate(text, []) from None
        if len(self) < 10_000:
            self[text] = date
        return date


_DATES = _Dates()


def _date(value: str, *inner) -> dt.date:
    try:
        return _DATES[value]
    except _BadDate as bad:
        bad.parts.extend(inner)
        raise


class _DateKeys(dict):
    """Whether a key names a date: `str.startswith` parses its arguments on every call, and a
    record asks for every text it holds. The schema closes every mapping, so few keys come;
    the bound only guards against a schema that would one day open one."""

    def __missing__(self, key) -> bool:
        dated = key.startswith("date")
        if len(self) < 4096:
            self[key] = dated
        return dated


_DATED = _DateKeys()


class _Level:
    """One field path, with the levels below it by key or index: `out` as `field_path` gives
    it (before its `(racine)` fallback) and `path` as its Node or NodeList carries it. Levels are
    kept from record to record, as the records of a batch share their paths: making the strings
    again for each record was a fifth of its conversion. The bound caps the memory they take."""

    __slots__ = ("out", "path", "below")
    kept = 0

    def __init__(self, out: str, path: str | None = None):
        self.out = out
        self.path = (out or "(racine)") if path is None else path
        self.below: dict = {}

    def at(self, part) -> "_Level":
        """The level below for a `str` key or an `int` index, made if it is not kept yet."""
        level = self.below.get(part)
        if level is None:
            if type(part) is int:
                level = _Level(f"{self.out}[{part}]")
            else:
                level = _Level(f"{self.out}.{part}" if self.out else part)
            if _Level.kept < 20_000:
                _Level.kept += 1
                self.below[part] = level
        return level


_ROOT = _Level("", "")

# Types of the values kept as they are (a `str` may still be a date).
_PLAIN = frozenset({str, int, bool, float, type(None)})
_MAPPINGS = frozenset({dict, LineDict})
_SEQUENCES = frozenset({list, LineList})

# Nodes are made without calling their __init__ (a Python frame per node, as dear as the rest
# of the node): keep the attributes set here in step with Node.__init__ and NodeList.__init__.
_new_dict = dict.__new__
_new_list = list.__new__
_from_iso = dt.date.fromisoformat


def _mapping(value: dict, level: _Level) -> Node:
    """A mapping as a Node; the common kinds of entry are handled here, the others by `_entry`."""
    node = _new_dict(Node)
    node.path = level.path
    node._sources = None
    below = level.below
    try:
        for key, child in value.items():
            kind = type(child)
            if kind in _PLAIN:
                # The look-up also refuses, as `str.startswith` did, a key that is not a text.
                node[key] = _DATES[child] if _DATED[key] and kind is str else child
            elif type(key) is not str:
                _entry(node, key, child, level)
            elif kind in _MAPPINGS and "valeur" not in child and "affirme" not in child and "min" not in child:
                try:
                    sub = below[key]
                except KeyError:
                    sub = level.at(key)
                node[key] = _mapping(child, sub)
            elif kind in _SEQUENCES:
                try:
                    sub = below[key]
                except KeyError:
                    sub = level.at(key)
                node[key] = _sequence(child, key, sub)
            else:
                _entry(node, key, child, level)
    except _BadDate as bad:
        bad.parts.append(key)
        raise
    return node


def _entry(node: Node, key, child, level: _Level) -> None:
    """The entries the loop of `_mapping` leaves: facts with their source (and mappings that
    only look like one), keys that are not texts, and kinds of value that a parser does not make."""
    if isinstance(child, dict):
        if "min" in child and "max" in child and child.keys() <= BOUND_KEYS:
            _bounds(node, key, child, level)
            return
        if ("valeur" in child or "affirme" in child) and child.keys() <= WRAPPER_KEYS:
            if "valeur" in child:
                fact = child["valeur"]
                node[key] = _date(fact, "valeur") if key.startswith("date") and isinstance(fact, str) else fact
                confidence = child.get("confiance")
                if child.get("source") is not None or confidence is not None:
                    node.sources[key] = (child.get("source"), confidence)
                    if confidence is not None:
                        _GIVEN_CONFIDENCES[0] += 1
            else:
                node[key] = Asserted(child.get("source"))
            return
        node[key] = _mapping(child, _Level(_child_out(level.out, key)))
    elif isinstance(child, list):
        node[key] = _sequence(child, key, _Level(_child_out(level.out, key)))
    else:
        node[key] = _date(child) if key.startswith("date") and isinstance(child, str) else child


class _BadBounds(Exception):
    """Bounds the wrong way round (`min` above `max`): the schema cannot say it."""

    def __init__(self, field: str, low, high):
        super().__init__(field)
        self.field = field
        self.low = low
        self.high = high


def _bounds(node: Node, key: str, child: dict, level: _Level) -> None:
    """A number known only between two bounds: `{min: 28, max: 45, source: …}` (a point when they meet)."""
    low, high = child["min"], child["max"]
    path = node.child_path(key)
    if low > high:
        raise _BadBounds(path, low, high)
    source = child.get("source")
    node[key] = bounded(low, high, imprecise(path, low, high, source))
    confidence = child.get("confiance")
    if source is not None or confidence is not None:
        node.sources[key] = (source, confidence)
        if confidence is not None:
            _GIVEN_CONFIDENCES[0] += 1


def _child_out(out: str, key) -> str:
    """`field_path` of the parent's parts plus `key`, for the keys `_Level.at` does not keep."""
    if isinstance(key, int):
        return f"{out}[{key}]"
    return f"{out}.{key}" if out else str(key)


def _sequence(items: list, key, level: _Level) -> NodeList:
    """A list as a NodeList; its items are read as if under the list's own key."""
    converted = _new_list(NodeList)
    converted.path = level.path
    if type(key) is str and not _DATED[key] and _PLAIN.issuperset(map(type, items)):
        converted.extend(items)
        return converted
    append = converted.append
    below = level.below
    index = 0
    try:
        for index, item in enumerate(items):
            if isinstance(item, (dict, list)):
                try:
                    sub = below[index]
                except KeyError:
                    sub = level.at(index)
                append(_mapping(item, sub) if isinstance(item, dict) else _sequence(item, key, sub))
            else:
                append(_date(item) if key.startswith("date") and isinstance(item, str) else item)
    except _BadDate as bad:
        bad.parts.append(index)
        raise
    return converted


# How many facts the records built so far gave with a confidence: `build_record` tells by the
# count before and after it whether its record gave one (the lean report then skips a walk of
# the record's nodes, `checker.results.LeanResult._as_read`). Derived facts get none of their own.
_GIVEN_CONFIDENCES = [0]

# The source of each kind of derived fact, shared by every record: a tuple per derived fact was
# an object more for the garbage collector to count and walk with each record kept.
_DERIVED_SOURCES: dict = {}


def _set_derived(node: Node, key: str, value, how: str) -> None:
    node[key] = value
    source = _DERIVED_SOURCES.get(how)
    if source is None:
        source = (f"calculé : {how}", None)
        if len(_DERIVED_SOURCES) < 1024:
            _DERIVED_SOURCES[how] = source
    node.sources[key] = source


def derive_again(root: Node) -> None:
    """Derive the facts that follow from others again, after facts were added to the record (the
    reference data's members in office): the facts derived before are taken out first."""
    for node in [root["seance"], *root["deliberations"]]:
        for key in ("presents", "representes", "votants"):
            source = node.sources.get(key) if node._sources else None
            if key in node and source is not None and source[0] and source[0].startswith("calculé : "):
                del node[key]
                del node.sources[key]
    _derive(root)


def _partial_roll(seance: Node, membres) -> bool:
    """A roll that cannot tell who was present: the document gives presence by difference (it
    lists only the represented and the absent), or it names fewer members than are in office."""
    if seance.get("presence_par_difference") is True:
        return True
    office = seance.get("membres_en_exercice")
    low = office.lo if type(office) is Interval else office
    return isinstance(low, int) and not isinstance(low, bool) and isinstance(membres, list) and len(membres) < low


def _by_difference(seance: Node) -> None:
    """présents = membres en exercice − représentés − absents (« tous les membres en exercice
    étaient présents ou représentés à l'exception de … »), in bounds when the members in office are."""
    office, represented = seance.get("membres_en_exercice"), seance.get("representes")
    absents = seance.get("absents")
    if not isinstance(absents, list):
        membres = seance.get("membres")
        absents = [m for m in membres if m.get("presence") in ("absent", "absent_excuse")] if isinstance(
            membres, list) and membres else None
    if absents is None or not isinstance(represented, int) or isinstance(represented, bool):
        return
    if type(office) is Interval:
        count = arithmetic("-", office, represented + len(absents))
        if type(count) is not Interval and not isinstance(count, int):
            return
        low, high = (count.lo, count.hi) if type(count) is Interval else (count, count)
        if high < 0:
            # More represented and absent than members in office can be: the counts contradict
            # each other, so nothing is derived from them.
            return
        if low < 0:
            count = bounded(0, high, count.why) if type(count) is Interval else 0
    elif isinstance(office, int) and not isinstance(office, bool):
        count = office - represented - len(absents)
        if count < 0:
            return
    else:
        return
    _set_derived(seance, "presents", count, "membres en exercice − représentés − absents (présence par différence)")


def _doubt(node: Node, key: str) -> float | None:
    """The confidence of a fact given with one below the gate's threshold, else None."""
    if not node._sources or key not in node.sources:
        return None
    from checker.confiance import SEUIL
    confidence = node.sources[key][1]
    if isinstance(confidence, (int, float)) and not isinstance(confidence, bool) and confidence < SEUIL:
        return confidence
    return None


def _open(node: Node, key: str) -> bool:
    """Whether the record may derive `key`: it is not given, or given with doubt.

    A fact given with a confidence below the gate's threshold gives way to the same fact derived
    from the others (the roll of members, the proxies, the convocations sent, the département):
    kept, it would hide what they say, and taking it out would make a finding more decided than
    with it (found by the property on removed facts: a doubtful `seance.presents` copied into the
    deliberation left `decompte_des_voix` indéterminé where the roll made it non conforme). The
    derived fact says in its source which given value it replaced, and whether it agreed; facts
    derived from facts read with doubt pass their confidence on (checker/confiance.py)."""
    return key not in node or _doubt(node, key) is not None


def _replacing(node: Node, key: str, value, how: str) -> None:
    doubt = _doubt(node, key) if key in node else None
    if doubt is not None:
        given = node[key]
        shown = f"{doubt:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        verdict = "qu'il confirme" if given == value else "qu'il contredit et remplace"
        how = f"{how} ; la valeur donnée ({given}, lue avec une confiance de {shown}) est celle {verdict}"
    _set_derived(node, key, value, how)


_TAKEN_FROM_SEANCE = {key: f"repris de seance.{key} (aucune arrivée ni départ)" for key in ("presents", "representes", "votants")}


def _derive(root: Node) -> None:
    seance = root["seance"]
    membres = seance.get("membres")
    listed = isinstance(membres, list) and bool(membres) and all("presence" in m for m in membres)
    if listed and _partial_roll(seance, membres):
        listed = False
    if _open(seance, "representes"):
        if isinstance(seance.get("pouvoirs"), list):
            _replacing(seance, "representes", len(seance["pouvoirs"]), "nombre de pouvoirs dans seance.pouvoirs")
        elif listed:
            _replacing(seance, "representes", sum(1 for m in membres if m["presence"] == "represente"),
                       "membres dont la présence est « represente » dans seance.membres")
    if "presents" not in seance and seance.get("presence_par_difference") is True:
        _by_difference(seance)
    if listed and _open(seance, "presents"):
        _replacing(seance, "presents",
                   sum(1 for m in membres if m["presence"] == "present" and "arrivee_avant" not in m),
                   "membres présents à l'ouverture dans seance.membres")
    convocation = root["convocation"]
    envois = convocation.get("envois")
    if _open(convocation, "date_envoi") and isinstance(envois, list) and envois and all(
            isinstance(e.get("date_envoi"), dt.date) for e in envois):
        _replacing(convocation, "date_envoi", max(e["date_envoi"] for e in envois),
                   "envoi le plus tardif dans convocation.envois")
    by_roll = _presence_by_deliberation(root) if listed else None
    roll_moves = isinstance(membres, list) and any(
        isinstance(m, dict) and ("arrivee_avant" in m or "depart_avant" in m) for m in membres)
    for index, deliberation in enumerate(root["deliberations"]):
        if by_roll is not None and _open(deliberation, "presents") and by_roll[index] is not None:
            _replacing(deliberation, "presents", by_roll[index],
                       "seance.membres : présents à l'ouverture, arrivées et départs jusqu'à ce point")
        moved = bool(deliberation.get("arrivees")) or bool(deliberation.get("departs"))
        for key in ("presents", "representes", "votants"):
            if not _open(deliberation, key) or key not in seance or _doubt(seance, key) is not None and key in deliberation:
                continue
            if roll_moves and by_roll is None and not moved:
                # The roll records arrivals or departures but not every member's presence: the
                # opening count is not that of every item (found by the property on removed facts:
                # one presence taken out turned a lost quorum into a quorum held).
                continue
            if by_roll is not None and key != "presents" and any(
                    "arrivee_avant" in m or "depart_avant" in m for m in membres):
                continue
            if not moved and (by_roll is None or key != "presents"):
                _replacing(deliberation, key, seance[key], _TAKEN_FROM_SEANCE[key])
            elif key == "presents" and moved and isinstance(seance[key], int):
                count = seance[key] + len(deliberation.get("arrivees", ())) - len(deliberation.get("departs", ()))
                _replacing(deliberation, key, count,
                           "seance.presents + arrivées − départs survenus depuis l'ouverture")


def _presence_by_deliberation(root: Node) -> list | None:
    """Members present at each deliberation, from the roll's `arrivee_avant` / `depart_avant`.

    None when nobody arrived or left (the meeting's count applies), and None for a deliberation
    that a named arrival or departure cannot be placed against (its number is not in the record).
    """
    membres = root["seance"]["membres"]
    if not any("arrivee_avant" in m or "depart_avant" in m for m in membres):
        return None
    deliberations = root["deliberations"]
    position = {d.get("numero"): i for i, d in enumerate(deliberations) if isinstance(d.get("numero"), str)}
    counts: list = []
    for index, deliberation in enumerate(deliberations):
        if any(deliberation.get(k) for k in ("arrivees", "departs")):
            counts.append(None)
            continue
        count = 0
        for membre in membres:
            arrival = membre.get("arrivee_avant")
            departure = membre.get("depart_avant")
            if (arrival is not None and arrival not in position) or (departure is not None and departure not in position):
                count = None
                break
            here = membre["presence"] == "present" or arrival is not None
            if arrival is not None and position[arrival] > index:
                here = False
            if departure is not None and position[departure] <= index:
                here = False
            count += here
        counts.append(count)
    return counts


CURRENT_FIGURES = ("municipale", "totale")


def _frozen_population(root: Node) -> None:
    """Council rules use the population municipale of the last general renewal (cgct.md §0.2).

    A record that gives another figure (the current population municipale or totale) keeps it as
    `population_courante`; the council figure is then unknown rather than guessed from it.
    """
    collectivite = root["collectivite"]
    if collectivite.get("population_type") in CURRENT_FIGURES and "population" in collectivite:
        collectivite["population_courante"] = collectivite.pop("population")
        source = collectivite.sources.pop("population", None)
        if source is not None:
            collectivite.sources["population_courante"] = source


ALSACE_MOSELLE_DEPARTEMENTS = ("57", "67", "68")


def _derive_alsace_moselle(root: Node) -> None:
    """Moselle, Bas-Rhin and Haut-Rhin follow local law (L2541-1): read it off the département."""
    collectivite = root["collectivite"]
    if not _open(collectivite, "alsace_moselle"):
        return
    departement = collectivite.get("departement")
    how = "département"
    if not isinstance(departement, str) and isinstance(collectivite.get("code_insee"), str):
        departement, how = collectivite["code_insee"][:2], "code INSEE"
    if not isinstance(departement, str):
        for deliberation in root["deliberations"]:
            identifier = deliberation.get("transmission", {}).get("identifiant_actes")
            if isinstance(identifier, str):
                departement, how = identifier[:3].lstrip("0"), "identifiant ACTES"
                break
    if isinstance(departement, str):
        departement = departement.lstrip("0") or departement
        _replacing(collectivite, "alsace_moselle", departement in ALSACE_MOSELLE_DEPARTEMENTS,
                   f"déduit du {how} ({departement})")


def to_plain(value):
    """The record back to plain YAML/JSON data (dates as text, sources dropped)."""
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Asserted):
        return {"affirme": True, "source": value.source} if value.source else {"affirme": True}
    return value


__all__ = ["Record", "build_record", "read_record_file", "parse_record_text", "to_plain", "LineDict", "LineList"]
