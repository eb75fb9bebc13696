"""Who an act is: its ACTES identifier when known, else its body, meeting date and number.

The body is known by its SIREN when the record gives one, else by its name folded (accents, case
and spacing aside), else only by the file it came from. Two deliberations of one record with the
same number (or the same ACTES identifier) are told apart by their rank: the record is then
ambiguous and neither may overwrite the other.
"""
from __future__ import annotations

from collections import Counter

from ruleset.names import fold_name


def text(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def organisme(collectivite, fichier: str) -> str:
    siren = text(collectivite.get("siren"))
    if siren:
        return f"siren:{siren}"
    nom = text(collectivite.get("nom"))
    if nom:
        return f"nom:{fold_name(nom)}"
    return f"fichier:{fichier}"


def nature(collectivite) -> str:
    value = collectivite.get("nature")
    return value if isinstance(value, str) else "commune"


def identites(record) -> list[tuple[int, str, str | None]]:
    """(rank, identity, ACTES identifier) of each act of the record; a record without
    deliberations is one act, its meeting."""
    body = organisme(record.root["collectivite"], record.fichier)
    date = record.date.isoformat()
    deliberations = record.root["deliberations"]
    if not deliberations:
        return [(0, f"{body}|{date}|seance", None)]
    keys = []
    for rang, deliberation in enumerate(deliberations):
        transmission = deliberation.get("transmission") if isinstance(deliberation, dict) else None
        actes_id = text(transmission.get("identifiant_actes")) if isinstance(transmission, dict) else None
        numero = text(deliberation.get("numero")) if isinstance(deliberation, dict) else None
        key = f"actes:{actes_id}" if actes_id else f"{body}|{date}|{numero if numero else f'rang {rang + 1}'}"
        keys.append((rang, key, actes_id))
    seen = Counter(key for _, key, _ in keys)
    return [(rang, key if seen[key] == 1 else f"{key}#rang {rang + 1}", actes_id) for rang, key, actes_id in keys]
