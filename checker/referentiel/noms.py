"""Names of bodies as keys: the same key for « Villeneuve d'Ascq », « VILLENEUVE-D'ASCQ » and
« Commune de Villeneuve d’Ascq », for « St-Jean » and « Saint-Jean », for « Le Mans » and « Mans ».

The derived data file stores the keys this module makes (scripts/referentiel.py), so a name is
found by looking its key up, never by folding every name of the file at run time.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# What precedes the name itself in a document: « Commune de … », « Ville d'… », « Mairie du … ».
_PREFIXES = re.compile(
    r"^(?:(?:conseil municipal|commune nouvelle|commune|ville|mairie|municipalite)\s+(?:de la|de l|des|du|de|d)\s+)")
_ARTICLE = re.compile(r"^(?:le|la|les|l)\s+")
# Intercommunalities are written in full in documents, by their initials in the data.
_EPCI = (
    (re.compile(r"\bcommunaute de communes\b"), "cc"),
    (re.compile(r"\bcommunaute d agglomeration\b"), "ca"),
    (re.compile(r"\bcommunaute urbaine\b"), "cu"),
    (re.compile(r"\bcommunaute de l agglomeration\b"), "ca"),
)
_SAINTS = ((re.compile(r"\bste\b"), "sainte"), (re.compile(r"\bst\b"), "saint"))


@lru_cache(maxsize=16384)
def cle(nom: str) -> str:
    """The key of a body's name: no accents, case, punctuation, leading article or « Commune de »."""
    decomposed = unicodedata.normalize("NFKD", nom)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    bare = re.sub(r"[^0-9a-z]+", " ", bare.replace("œ", "oe").replace("æ", "ae")).strip()
    for pattern, short in _EPCI:
        bare = pattern.sub(short, bare)
    for pattern, full in _SAINTS:
        bare = pattern.sub(full, bare)
    bare = _PREFIXES.sub("", bare)
    bare = _ARTICLE.sub("", bare)
    return " ".join(bare.split())
