"""SCDL « Délibérations » (schema.data.gouv.fr, version 2.1.5): one CSV row becomes one record.

The schema records outcomes, not procedure: no convocation date, no quorum, no proxies. The
checks it can decide (vote counts and majority, reception at the prefecture after the act, the
déféré's deadline) are decided; the others stay `indetermine` because their facts are absent.
Every fact taken from a row names its column in its source.
"""
from __future__ import annotations

import re

from ruleset.errors import InputError
from ruleset.traduction import cite

REQUIRED = ("COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM",
            "DELIB_OBJET")
OPTIONAL = ("BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR",
            "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL")
NOTE = ("Source SCDL : le jeu de données décrit le résultat, pas la procédure ; convocation, quorum et "
        "pouvoirs y manquent et restent indéterminés.")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_INTEGER = re.compile(r"^[0-9]{1,9}$")


def check_header(header) -> str | None:
    if not header:
        return "CSV vide : l'en-tête SCDL « Délibérations » est attendu"
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return (f"colonnes SCDL obligatoires absentes : {', '.join(missing)} ; colonnes du schéma : "
                f"{', '.join(REQUIRED + OPTIONAL)}")
    return None


def _fact(value, column: str, line: int):
    return {"valeur": value, "source": f"SCDL, colonne {column}, ligne {line}"}


def row_to_record(row: dict, fichier: str, line: int) -> dict:
    name = fichier.rsplit(":", 1)[0]

    def cell(column: str) -> str | None:
        value = row.get(column)
        if value is None:
            return None
        value = value.strip()
        return value or None

    def fail(column: str, message: str):
        raise InputError(message, fichier=name, ligne=line, champ=column)

    if None in row:
        fail("(ligne)", "plus de cellules que de colonnes dans l'en-tête")
    for column in REQUIRED:
        if cell(column) is None:
            fail(column, "cellule obligatoire vide")
    date = cell("DELIB_DATE")
    if not _DATE.match(date):
        fail("DELIB_DATE", f"date « {cite(date)} » de forme non admise (attendu AAAA-MM-JJ)")
    siret = cell("COLL_SIRET")
    if not re.fullmatch(r"[0-9]{14}", siret):
        fail("COLL_SIRET", f"SIRET « {cite(siret)} » de forme non admise (14 chiffres)")
    deliberation: dict = {
        "numero": cell("DELIB_ID"),
        "objet": _fact(cell("DELIB_OBJET"), "DELIB_OBJET", line),
        "matiere_code": cell("DELIB_MATIERE_CODE"),
        "source": f"SCDL « Délibérations », {name}, ligne {line}",
    }
    vote: dict = {}
    for column, key in (("VOTE_POUR", "pour"), ("VOTE_CONTRE", "contre"), ("VOTE_ABSTENTION", "abstentions")):
        value = cell(column)
        if value is None:
            continue
        if not _INTEGER.match(value):
            fail(column, f"« {cite(value)} » n'est pas un nombre entier positif")
        vote[key] = _fact(int(value), column, line)
    if vote:
        deliberation["vote"] = vote
    reel = cell("VOTE_REEL")
    if reel is not None:
        if not _INTEGER.match(reel):
            fail("VOTE_REEL", f"« {cite(reel)} » n'est pas un nombre entier positif")
        # VOTE_REEL counted proxies in some drafts of the schema and not in others (ecosystem.md):
        # it is kept as the number of voters, with its column named, never as a presence count.
        deliberation["votants"] = _fact(int(reel), "VOTE_REEL", line)
    received = cell("PREF_DATE")
    if received is not None:
        if not _DATE.match(received):
            fail("PREF_DATE", f"date « {cite(received)} » de forme non admise (attendu AAAA-MM-JJ)")
        deliberation["transmission"] = {"date_reception": _fact(received, "PREF_DATE", line)}
    return {
        "format": 1,
        "reference": f"{name}:{line}",
        "collectivite": {"nom": _fact(cell("COLL_NOM"), "COLL_NOM", line), "siren": siret[:9]},
        "seance": {"date": _fact(date, "DELIB_DATE", line)},
        "deliberations": [deliberation],
        "remarques": NOTE,
    }
