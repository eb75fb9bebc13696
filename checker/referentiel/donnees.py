"""The derived data file (`donnees/cog.tsv`, made by scripts/referentiel.py), read lazily.

The file is read only when a record needs a body looked up, and then only as text: a look-up
finds its line by searching the text (a code, a SIREN, a name's key), and only the lines found
are split. A batch that looks many bodies up pays once for indexes built after a few look-ups.
Layout of the lines: checker/referentiel/DONNEES.md.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

FICHIER = Path(__file__).resolve().parent / "donnees" / "cog.tsv"
PAQUET = "@etalab/decoupage-administratif"
# After this many look-ups by search, the indexes are built: cheaper from then on.
SEUIL_INDEX = 40


class Version:
    __slots__ = ("paquet", "cog", "population_en_vigueur", "recensement")

    def __init__(self, paquet: str, cog: int, population_en_vigueur: dt.date, recensement: int):
        self.paquet = paquet
        self.cog = cog
        self.population_en_vigueur = population_en_vigueur
        self.recensement = recensement


class Commune:
    __slots__ = ("code", "siren", "departement", "nom", "cles", "cles_anciennes", "populations",
                 "perimetres", "presente", "creee", "sirens")

    def __init__(self, code: str, siren: str | None, departement: str, nom: str, cles: tuple,
                 cles_anciennes: tuple, populations: tuple, perimetres: tuple | None, presente: tuple,
                 creee: str, sirens: tuple | None = None):
        self.code = code
        self.siren = siren
        self.departement = departement
        self.nom = nom
        self.cles = cles
        self.cles_anciennes = cles_anciennes
        self.populations = populations  # one per version, None where the code was not a commune
        self.perimetres = perimetres  # one per version: same number, same perimeter (None: always the same)
        self.presente = presente  # one bool per version
        self.creee = creee  # "AAAA-MM-JJ", "AAAA-MM-JJ/AAAA-MM-JJ" (between) or ""
        self.sirens = sirens  # one per version where the SIREN changed (None: always `siren`)

    def perimetre(self, index: int):
        return 0 if self.perimetres is None else self.perimetres[index]

    def siren_a(self, index: int) -> str | None:
        """The SIREN in version `index`: where the version carries none (before 2022), that of the
        first later version with the same perimeter."""
        if self.sirens is None:
            return self.siren
        for i in range(index, len(self.sirens)):
            if self.sirens[i] and self.perimetre(i) == self.perimetre(index):
                return self.sirens[i]
        return None


class Epci:
    __slots__ = ("siren", "nom", "cles", "nature", "listes")

    def __init__(self, siren: str, nom: str, cles: tuple, nature: str, listes: tuple):
        self.siren = siren
        self.nom = nom
        self.cles = cles
        self.nature = nature
        self.listes = listes  # one per version: index of its member list, or None


def _split_keys(field: str) -> tuple:
    return tuple(k for k in field.split("|") if k)


def _numbers(field: str) -> tuple:
    return tuple(int(x) if x else None for x in field.split(","))


# The key fields of the lines read by `_commune` (C, code, SIREN, département, name, keys, former
# keys) and `_epci` (E, SIREN, name, keys).
_COMMUNE_KEYS = re.compile(rb"^C\t[^\t\n]*\t[^\t\n]*\t[^\t\n]*\t[^\t\n]*\t([^\t\n]*)\t([^\t\n]*)", re.M)
_EPCI_KEYS = re.compile(rb"^E\t[^\t\n]*\t[^\t\n]*\t([^\t\n]*)", re.M)


def _commune(line: str) -> Commune:
    parts = line.split("\t")
    return Commune(parts[1], parts[2] or None, parts[3], parts[4], _split_keys(parts[5]), _split_keys(parts[6]),
                   _numbers(parts[7]), _numbers(parts[8]) if parts[8] else None,
                   tuple(c == "1" for c in parts[9]), parts[10],
                   tuple(x or None for x in parts[11].split(",")) if parts[11] else None)


def _epci(line: str) -> Epci:
    parts = line.split("\t")
    return Epci(parts[1], parts[2], _split_keys(parts[3]), parts[4], _numbers(parts[5]))


class Donnees:
    """The reference data: versions, communes, EPCI and their member lists."""

    def __init__(self, text: bytes):
        # Kept as bytes: decoding the whole file cost more than every search of a run.
        self.text = text
        header = json.loads(text[1:text.index(b"\n")].decode("utf-8"))
        self.source = header["source"]
        self.versions = tuple(Version(v["paquet"], v["cog"], dt.date.fromisoformat(v["population_en_vigueur"]),
                                      v["recensement"]) for v in header["versions"])
        self.searches = 0
        self._by_code = self._by_siren = self._by_key = self._epci_by_siren = self._epci_by_key = None
        self._lists: dict = {}
        self._names: tuple[frozenset, frozenset] | None = None

    # Search in the text (before the indexes exist).
    def _lines(self, needle: str, start_of_line: bool = False) -> list[str]:
        out, text, position = [], self.text, 0
        pattern = needle.encode("utf-8")
        while True:
            found = text.find(pattern, position)
            if found < 0:
                return out
            begin = text.rfind(b"\n", 0, found) + 1
            end = text.find(b"\n", found)
            end = len(text) if end < 0 else end
            if not start_of_line or begin == found:
                out.append(text[begin:end].decode("utf-8"))
            position = end

    def _first(self, needle: str) -> str | None:
        """The first line that starts with `needle` (a code is unique: the search stops there)."""
        text = self.text
        found = text.find(("\n" + needle).encode("utf-8"))
        if found < 0:
            return None
        end = text.find(b"\n", found + 1)
        return text[found + 1:len(text) if end < 0 else end].decode("utf-8")

    def _count(self) -> bool:
        self.searches += 1
        if self.searches == SEUIL_INDEX:
            self._index()
        return self._by_code is not None

    def _index(self) -> None:
        by_code, by_siren, by_key = {}, {}, {}
        epci_siren, epci_key = {}, {}
        for line in self.text.decode("utf-8").split("\n")[1:]:
            if line.startswith("C\t"):
                commune = _commune(line)
                by_code[commune.code] = commune
                for siren in commune.sirens or (commune.siren,):
                    if siren:
                        by_siren[siren] = commune
                for key in commune.cles + commune.cles_anciennes:
                    by_key.setdefault(key, []).append(commune)
            elif line.startswith("E\t"):
                epci = _epci(line)
                epci_siren[epci.siren] = epci
                for key in epci.cles:
                    epci_key.setdefault(key, []).append(epci)
            elif line.startswith("M\t"):
                parts = line.split("\t")
                self._lists[int(parts[1])] = tuple(parts[2].split(",")) if parts[2] else ()
        self._by_code, self._by_siren, self._by_key = by_code, by_siren, by_key
        self._epci_by_siren, self._epci_by_key = epci_siren, epci_key

    def cles_noms(self) -> tuple[frozenset, frozenset]:
        """(every key of a commune's name, present or former; every key of an EPCI's name), for a
        reader that only asks whether a name exists: taken from the text, without building the
        indexes of every commune."""
        if self._names is None:
            communes = _COMMUNE_KEYS.findall(self.text)
            epci = _EPCI_KEYS.findall(self.text)
            self._names = (frozenset(b"|".join(a + b"|" + b for a, b in communes).decode("utf-8").split("|")) - {""},
                           frozenset(b"|".join(epci).decode("utf-8").split("|")) - {""})
        return self._names

    def commune(self, code: str) -> Commune | None:
        if self._count():
            return self._by_code.get(code)
        line = self._first(f"C\t{code}\t")
        return _commune(line) if line is not None else None

    def commune_par_siren(self, siren: str) -> Commune | None:
        if self._count():
            return self._by_siren.get(siren)
        text = self.text
        found = text.find(f"\t{siren}\t".encode("ascii"))
        if found >= 0 and text.startswith(b"C\t", text.rfind(b"\n", 0, found) + 1):
            end = text.find(b"\n", found)
            line = text[text.rfind(b"\n", 0, found) + 1:len(text) if end < 0 else end].decode("utf-8")
            if line.split("\t")[2] == siren:
                return _commune(line)
        # A SIREN a commune nouvelle no longer bears is only in the history field.
        for line in self._lines(siren):
            if line.startswith("C\t"):
                parts = line.split("\t")
                if parts[2] == siren or siren in parts[11].split(","):
                    return _commune(line)
        return None

    def communes_par_cle(self, key: str) -> list[Commune]:
        if self._count():
            return list(self._by_key.get(key, ()))
        return [_commune(line) for line in self._lines(f"|{key}|") if line.startswith("C\t")]

    def epci(self, siren: str) -> Epci | None:
        if self._count():
            return self._epci_by_siren.get(siren)
        line = self._first(f"E\t{siren}\t")
        return _epci(line) if line is not None else None

    def epci_par_cle(self, key: str) -> list[Epci]:
        if self._count():
            return list(self._epci_by_key.get(key, ()))
        return [_epci(line) for line in self._lines(f"|{key}|") if line.startswith("E\t")]

    def membres(self, epci: Epci, index: int) -> tuple | None:
        ref = epci.listes[index]
        if ref is None:
            return None
        if ref not in self._lists:
            parts = self._first(f"M\t{ref}\t").split("\t")
            self._lists[ref] = tuple(parts[2].split(",")) if parts[2] else ()
        return self._lists[ref]

    def epci_de(self, code: str, index: int) -> list[Epci]:
        """The EPCI whose members include the commune `code` in version `index`."""
        if self._by_code is None:
            self._index()
        out = []
        for epci in self._epci_by_siren.values():
            members = self.membres(epci, index)
            if members and code in members:
                out.append(epci)
        return out

    def version_a(self, date: dt.date) -> int:
        """The version whose geography (COG of 1 January) is in force on `date`: the latest COG
        year not after the date's year, or the earliest there is."""
        candidates = [i for i, v in enumerate(self.versions) if v.cog <= date.year]
        return candidates[-1] if candidates else 0


_CHOISI: dict = {"fichier": FICHIER}


def utiliser(fichier: str | Path | None) -> None:
    """Read `fichier` (another derived file, named by the configuration) instead of the one
    shipped; None: the one shipped."""
    chosen = Path(fichier) if fichier else FICHIER
    if chosen != _CHOISI["fichier"]:
        _CHOISI["fichier"] = chosen
        charger.cache_clear()


def verifier(fichier: Path) -> None:
    """A French error naming `fichier` unless it is a derived file this module can read."""
    from ruleset.errors import InputError
    from ruleset.traduction import os_message
    try:
        with open(fichier, "rb") as handle:
            first = handle.readline()
        header = json.loads(first[1:].decode("utf-8")) if first.startswith(b"#") else None
    except OSError as exc:
        raise InputError(f"fichier de référentiel illisible ({os_message(exc)})", fichier=str(fichier)) from None
    except (UnicodeDecodeError, ValueError):
        header = None
    if not isinstance(header, dict) or not isinstance(header.get("versions"), list):
        raise InputError("ce n'est pas un fichier de référentiel : la première ligne doit être « # » suivi de "
                         "l'en-tête JSON écrit par scripts/referentiel.py", fichier=str(fichier))


@lru_cache(maxsize=1)
def charger() -> Donnees:
    return Donnees(_CHOISI["fichier"].read_bytes())
