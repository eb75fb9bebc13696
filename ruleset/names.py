"""Comparing the names of persons across documents.

A name is folded (accents, case, hyphens aside) to compare two spellings of it; a surname printed alone
(« M. DUPONT », « DUPONT J. ») designates the listed names that bear it. The rule language (`nom_dans`)
and the reader of documents (checker/reader/members.py) share these helpers, so a surname alone means
the same person to both."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """A person's name without accents, case or extra spaces, to compare names across documents."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("-", " ").split())


_CIVILITIES = frozenset({"m", "mr", "mme", "mlle", "mm", "mmes", "monsieur", "madame", "mademoiselle",
                         "messieurs", "mesdames"})
_PARTICLES = frozenset({"de", "du", "des", "d'", "le", "la", "les", "van", "von", "der", "den", "di", "da",
                        "del", "della", "dos", "das", "do"})
_INITIAL = re.compile(r"(?:[^\W\d_]{1,2}\.-?)+[^\W\d_]?\.?|[^\W\d_]")


def _words(name: str) -> tuple[list, tuple]:
    """A name's words without its leading civility, and the letters of its initials (« J.-P. »)."""
    words = name.replace("\u2019", "'").split()
    while words and fold_name(words[0]).rstrip(".") in _CIVILITIES:
        words = words[1:]
    rest, initials = [], []
    for word in words:
        if _INITIAL.fullmatch(word) and (len(word) > 1 or word.isupper()):
            initials.extend(fold_name(piece)[0] for piece in re.findall(r"[^\W\d_]{1,2}", word))
        else:
            rest.append(word)
    return rest, tuple(initials)


def in_capitals(word: str) -> bool:
    """A word written in capitals (« DUPONT », « LE »): a surname in a name that mixes cases."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _core(words) -> tuple:
    return tuple(w for w in fold_name(" ".join(words)).split() if w not in _PARTICLES)


@lru_cache(maxsize=4096)
def surname_alone(name: str) -> tuple | None:
    """(surname words, initials) when the name is a surname without a given name: one word after
    any civility and initials, or only words in capitals; None for a whole name."""
    rest, initials = _words(name)
    if not rest:
        return None
    if len(rest) == 1 or all(in_capitals(w) or fold_name(w) in _PARTICLES for w in rest):
        core = _core(rest)
        return (core, initials) if core else None
    return None


@lru_cache(maxsize=4096)
def given_letters(name: str, surname: tuple) -> tuple | None:
    """The first letters of the given names of `name` when it bears `surname`, else None. In a name
    that mixes cases the surname is in capitals; otherwise it stands first or last (« DUPONT Jean »,
    « Jean Dupont »)."""
    rest, initials = _words(name)
    caps = [w for w in rest if in_capitals(w)]
    if caps and len(caps) < len(rest):
        if _core(caps) != surname:
            return None
        return tuple(w[0] for w in _core(w for w in rest if not in_capitals(w))) + initials
    words = _core(rest)
    k = len(surname)
    if words == surname:
        return initials
    if len(words) > k and words[:k] == surname:
        return tuple(w[0] for w in words[k:]) + initials
    if len(words) > k and words[-k:] == surname:
        return tuple(w[0] for w in words[:-k]) + initials
    return None


def compatible(initials: tuple, given: tuple) -> bool:
    """Whether initials printed with a surname fit a listed person's given names (unknown ones fit)."""
    shortest = min(len(initials), len(given))
    return initials[:shortest] == given[:shortest]
