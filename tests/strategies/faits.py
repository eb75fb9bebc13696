"""Partial records: the same meeting with facts taken out, or only asserted (issue 4).

A fact is a key of the record with its value; a fact given with its source is taken whole. The
structure is not a fact (the `seance` and `deliberations` keys, a deliberation of the list), nor
is a key the schema requires (the meeting date, a member's name, a proxy's giver and holder):
removing those makes another record, or none.
"""
from __future__ import annotations

import copy
import re

from hypothesis import strategies as st

from strategies.dossiers import SCHEMA, dossiers, entiers
from strategies.schema import schema_valide

WRAPPER_KEYS = frozenset({"valeur", "source", "confiance", "affirme"})
STRUCTURE = frozenset({("seance",), ("deliberations",), ("seance", "date")})


def _required_names(node, out: set) -> set:
    if isinstance(node, dict):
        out.update(node.get("required", ()))
        for value in node.values():
            _required_names(value, out)
    elif isinstance(node, list):
        for value in node:
            _required_names(value, out)
    return out


# Keys some object of the schema requires (`nom`, `mandant`, `mandataire`, `membre`…).
CLES_REQUISES = frozenset(_required_names(SCHEMA, set()))


def est_enveloppe(value) -> bool:
    return isinstance(value, dict) and bool(value) and value.keys() <= WRAPPER_KEYS and (
        "valeur" in value or "affirme" in value)


def chemins_de_faits(data: dict) -> list[tuple]:
    """The path of every fact of `data` that can be taken out, parents before children."""
    out: list[tuple] = []

    def walk(node, path):
        if isinstance(node, dict) and not est_enveloppe(node):
            for key, value in node.items():
                here = path + (key,)
                if here not in STRUCTURE and not (key in CLES_REQUISES and path):
                    out.append(here)
                walk(value, here)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + (index,))
    walk(data, ())
    return out


def texte(chemin: tuple) -> str:
    """`("deliberations", 0, "vote", "pour")` → `deliberations[0].vote.pour`, as findings name paths."""
    out = ""
    for part in chemin:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def parent(data, chemin):
    """The mapping or list that holds the fact at `chemin`."""
    node = data
    for part in chemin[:-1]:
        node = node[part]
    return node


def retirer(data: dict, chemins) -> dict:
    """A copy of `data` without the facts at `chemins` (a fact inside a removed one is skipped)."""
    out = copy.deepcopy(data)
    done: list[tuple] = []
    for chemin in sorted(chemins, key=len):
        if any(chemin[: len(d)] == d for d in done):
            continue
        del parent(out, chemin)[chemin[-1]]
        done.append(chemin)
    return out


def affirmer(data: dict, chemin: tuple, source: str = "fait affirmé par le document") -> dict:
    """A copy of `data` where the fact at `chemin` is only asserted, without its value."""
    out = copy.deepcopy(data)
    parent(out, chemin)[chemin[-1]] = {"affirme": True, "source": source}
    return out


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def valeur_au_chemin(root, chemin: str):
    """The value a normalised record holds at a finding's path (`deliberations[0].icpe`), or KeyError."""
    node = root
    for name, index in _PART.findall(chemin):
        if index:
            node = node[int(index)]
        else:
            node = node[name]
    return node


@st.composite
def dossiers_partiels(draw, variantes: int = 1, **options):
    """(complete record, [(the same with one to four facts taken out or only asserted, what changed)…]).

    `variantes` partial records are drawn from the same complete record, each independently. The
    complete record is coherent (`dossiers(coherent=True)`), so that no fact left in a partial
    record contradicts one taken out.
    """
    complet = draw(dossiers(**options))
    chemins = chemins_de_faits(complet)
    return complet, [_partiel(draw, complet, chemins) for _ in range(variantes)]


def _partiel(draw, complet, chemins):
    count = draw(entiers(1, min(4, len(chemins))))
    chosen = sorted({chemins[draw(entiers(0, len(chemins) - 1))] for _ in range(count)}, key=texte)
    target = chosen[0]
    value = parent(complet, target)[target[-1]]
    if (est_enveloppe(value) or not isinstance(value, (dict, list))) and draw(entiers(0, 3)) == 0:
        partiel = affirmer(complet, target)
        if schema_valide(partiel):
            return partiel, ("affirme", [target])
    return retirer(complet, chosen), ("retire", chosen)
