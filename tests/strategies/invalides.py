"""Input that is not a record: what a broken pipeline, a hostile file or a typo sends (issue 4).

Each strategy gives `(suffixe, contenu)`: the file name ending that says how to read it and the
bytes written. Every input drawn is invalid by construction or checked to be (schema, real
dates), so that the expected exit code is 2 without asking the checker.
"""
from __future__ import annotations

import calendar
import copy
import json

import yaml
from hypothesis import assume
from hypothesis import strategies as st

from strategies.dossiers import dossiers, entiers, parmi
from strategies.faits import chemins_de_faits, est_enveloppe, parent
from strategies.schema import schema_valide

SUFFIXES = (".yaml", ".json", ".yml")

# Dates the schema's pattern accepts and the calendar does not have.
DATES_IMPOSSIBLES = ("2023-02-29", "2100-02-29", "2021-02-30", "2022-04-31", "2023-13-01", "2023-00-10",
                     "2023-06-00", "0000-01-01", "2023-11-31", "1900-02-29")

VALEURS_QUELCONQUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
              st.text(max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=6)


def ecrire(data, suffixe: str) -> bytes:
    """`data` written as JSON or YAML, as a user would write it."""
    if suffixe == ".json":
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@st.composite
def _remplacement(draw, valeur_strategy, seulement=None):
    """A valid record with one value replaced; kept only if the schema then refuses it."""
    data = draw(dossiers())
    chemins = [c for c in chemins_de_faits(data) if seulement is None or seulement(data, c)]
    chemins.append(("seance", "date"))
    chemin = chemins[draw(entiers(0, len(chemins) - 1))]
    out = copy.deepcopy(data)
    parent(out, chemin)[chemin[-1]] = draw(valeur_strategy)
    return out


@st.composite
def mauvais_types(draw):
    """A value of the wrong kind: a list where a date is, a text where a count is, a record that is a list."""
    if draw(entiers(0, 5)) == 0:
        data = draw(st.sampled_from(([], [{"seance": {"date": "2023-01-01"}}], "seance", 42, None, True, 1.5)))
    else:
        data = draw(_remplacement(VALEURS_QUELCONQUES))
        assume(not schema_valide(data))
    suffixe = draw(parmi(*SUFFIXES))
    return suffixe, ecrire(data, suffixe)


def _date(data, chemin) -> bool:
    return isinstance(chemin[-1], str) and chemin[-1].startswith("date")


@st.composite
def dates_impossibles(draw):
    """A date the pattern AAAA-MM-JJ accepts and the calendar refuses (31 November, 29 February 2023)."""
    year = draw(entiers(1, 9999))
    month = draw(entiers(1, 12))
    jour = f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1] + draw(entiers(1, 68)):02d}"
    valeur = draw(st.one_of(parmi(*DATES_IMPOSSIBLES), st.just(jour)))
    data = draw(_remplacement(st.one_of(st.just(valeur), st.just({"valeur": valeur, "source": "x"})), _date))
    suffixe = draw(parmi(*SUFFIXES))
    return suffixe, ecrire(data, suffixe)


@st.composite
def cles_inconnues(draw):
    """A key the schema does not know, in any mapping of the record (each one is closed)."""
    data = draw(dossiers())
    mappings = [()] + [c for c in chemins_de_faits(data) if isinstance(_value(data, c), dict)]
    where = mappings[draw(entiers(0, len(mappings) - 1))]
    key = draw(st.one_of(parmi("cle_inconnue", "Seance", "présents", "date ", "valeur_", "__proto__"),
                         st.text(min_size=1, max_size=12)))
    target = data if where == () else _value(data, where)
    assume(key not in target)
    target[key] = draw(VALEURS_QUELCONQUES)
    assume(not schema_valide(data))
    suffixe = draw(parmi(*SUFFIXES))
    return suffixe, ecrire(data, suffixe)


def _value(data, chemin):
    return parent(data, chemin)[chemin[-1]]


def _entier(data, chemin) -> bool:
    value = _value(data, chemin)
    if est_enveloppe(value):
        value = value.get("valeur")
    return isinstance(value, int) and not isinstance(value, bool)


@st.composite
def nombres_enormes(draw):
    """A count far beyond any council: 10⁹, 10⁴⁰⁰, a number of five thousand digits, 1e308, −1."""
    data = draw(dossiers())
    chemins = [c for c in chemins_de_faits(data) if _entier(data, c)] or [("seance", "presents")]
    chemin = chemins[draw(entiers(0, len(chemins) - 1))]
    if chemin == ("seance", "presents"):
        data["seance"]["presents"] = 0
    digits = draw(parmi("1000000000", "9" * 20, "1" + "0" * 400, "7" * 5000, "-1", "1e308", "-0.5", "1e400",
                        "123456789012345678901234567890"))
    parent(data, chemin)[chemin[-1]] = "@@ENORME@@"
    suffixe = draw(parmi(*SUFFIXES))
    text = ecrire(data, suffixe).decode("utf-8")
    for quoted in ('"@@ENORME@@"', "'@@ENORME@@'", "@@ENORME@@"):
        text = text.replace(quoted, digits)
    return suffixe, text.encode("utf-8")


# LibYAML composes by recursion in C: beyond some 30 000 levels the process dies (SIGSEGV) unless
# the loader avoids it. In-process tests stay below, so that a regression fails a test instead of
# killing the test run; the real-process test of property 7 goes beyond.
PROFONDEUR_YAML_EN_PROCESSUS = 5000


@st.composite
def imbrications_profondes(draw, profondeur_yaml_max: int = PROFONDEUR_YAML_EN_PROCESSUS):
    """Lists or mappings nested hundreds to a hundred thousand levels deep, in JSON or YAML."""
    depth = draw(parmi(50, 500, 990, 1500, 5000, 100_000))
    kind = draw(parmi("json_liste", "json_objet", "yaml_flux", "yaml_blocs"))
    if kind.startswith("yaml"):
        depth = min(depth, profondeur_yaml_max)
    where = draw(parmi("seance", "racine", "membres"))
    if kind == "json_liste":
        inner = "[" * depth + "]" * depth
    elif kind == "json_objet":
        inner = '{"a": ' * depth + "1" + "}" * depth
    elif kind == "yaml_flux":
        inner = "[" * depth + "]" * depth
    else:
        depth = min(depth, 1200)   # block style grows with the square of the depth
        inner = "\n" + "".join("  " * (i + 2) + "a:\n" for i in range(depth)) + "  " * (depth + 2) + "1"
    suffixe = ".json" if kind.startswith("json") else ".yaml"
    if suffixe == ".json":
        if where == "racine":
            text = inner
        elif where == "membres":
            text = '{"seance": {"date": "2023-01-01", "membres": ' + inner + "}}"
        else:
            text = '{"seance": {"date": "2023-01-01", "x": ' + inner + "}}"
    elif kind == "yaml_flux":
        text = inner if where == "racine" else "seance:\n  date: '2023-01-01'\n  membres: " + inner + "\n"
    else:
        text = "seance:\n  date: '2023-01-01'\n  huis_clos:" + inner + "\n"
    return suffixe, text.encode("utf-8")


@st.composite
def octets_aleatoires(draw):
    """Random bytes, random text, or a valid record cut short or with a stray byte."""
    kind = draw(entiers(0, 3))
    if kind == 0:
        content = draw(st.binary(max_size=600))
    elif kind == 1:
        content = draw(st.text(max_size=300)).encode("utf-8")
    else:
        suffixe = draw(parmi(*SUFFIXES))
        valid = ecrire(draw(dossiers()), suffixe)
        cut = draw(entiers(0, len(valid)))
        content = valid[:cut] + (draw(st.binary(min_size=1, max_size=4)) if kind == 3 else b"")
    assume(not _pourrait_etre_un_dossier(content))
    return draw(parmi(*SUFFIXES)), content


def _pourrait_etre_un_dossier(content: bytes) -> bool:
    """Whether random bytes happen to read as a record (then they are not invalid input)."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    for parse in (json.loads, yaml.safe_load):
        try:
            data = parse(text)
        except Exception:  # noqa: BLE001 - any failure means "not a record", which is what we want
            continue
        if isinstance(data, dict) and "seance" in data:
            return True
    return False


YAML_PIEGES = (
    b"seance: !!python/object/apply:os.system ['echo pwned']\n",
    b"seance: &a {date: '2023-01-01'}\ncollectivite: *a\n",
    b"a: &a [*a, *a]\n",
    b"seance:\n  date: '2023-01-01'\n  date: '2023-01-02'\n",
    b"seance:\n\tdate: '2023-01-01'\n",
    b"seance: {date: '2023-01-01', presents: .nan}\n",
    b"seance: {date: '2023-01-01', presents: .inf}\n",
    b"seance: {date: '2023-01-01', presents: true}\n",
    b"seance: {date: 2023-01-01 10:00:00}\n",
    b"? [a, b]\n: 1\nseance: {date: '2023-01-01'}\n",
    b"---\nseance: {date: '2023-01-01'}\n---\nseance: {date: '2023-01-02'}\n",
    b"",
    b"~\n",
    b"\xef\xbb\xbf\xef\xbb\xbfseance: {date: '2023-01-01', x: 1}\n",
    b"seance: {date: '2023-01-01'}\n\x00",
    b'{"seance": {"date": "2023-01-01", "presents": NaN}}',
    b'{"seance": {"date": "2023-01-01"}, "seance": {"date": "2023-01-02"}}',
    b'{"seance": {"date": "2023-01-01", "presents": 1e999}}',
    b'{"seance": {"date": "\\ud800"}}',
)


def pieges_yaml_json() -> st.SearchStrategy:
    """Hand-made traps: tags, alias bombs, duplicate keys, tabs, NaN, several documents, BOMs, NUL."""
    return st.tuples(parmi(".yaml", ".json"), st.sampled_from(YAML_PIEGES))


def entrees_invalides() -> st.SearchStrategy:
    """Any invalid input of the kinds issue 4 lists."""
    return st.one_of(mauvais_types(), dates_impossibles(), cles_inconnues(), nombres_enormes(),
                     imbrications_profondes(), octets_aleatoires(), pieges_yaml_json())


__all__ = ["entrees_invalides", "mauvais_types", "dates_impossibles", "cles_inconnues", "nombres_enormes",
           "imbrications_profondes", "octets_aleatoires", "pieges_yaml_json", "ecrire"]
