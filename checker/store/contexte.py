"""Stored records that a new record must be joined with, read back from the store.

The joins of `checker.joins` work on a list of records; across time, that list is the new records
plus the stored ones they may be joined with:
- for a commune's adhesion, transfer or withdrawal (`deliberation.syndicat`), the stored meetings
  of that syndicate (same SIREN, or same folded name) — the join itself then decides, as it does
  within one run, which deliberation is concordant;
- for a meeting with proxies, the body's last stored meetings before it (`PRECEDENTES`: enough for
  the three-meeting limit, whose count beyond three is a lower bound anyway).
Only the current version of a stored meeting is read (the one its acts point to), and never a
meeting of the same body and date as a new record: the new record replaces it, and two copies
would make a match ambiguous.
"""
from __future__ import annotations

from sqlalchemy import and_, exists, or_, select

from checker.joins.syndicats import OPERATIONS
from checker.record import build_record
from checker.store.dossier import unpack
from checker.store.identite import nature, organisme, text
from checker.store.tables import actes, seances
from ruleset.errors import InputError
from ruleset.names import fold_name

PRECEDENTES = 4
LIMITE_SYNDICATS = 50


def _current(condition, order=None, limit=None):
    query = (select(seances.c.id, seances.c.organisme, seances.c.date_seance, seances.c.fichier, seances.c.dossier)
             .where(exists().where(actes.c.seance_id == seances.c.id))
             .where(condition))
    if order is not None:
        query = query.order_by(*order)
    return query.limit(limit) if limit else query


def body_condition(key: str, siren: str | None, nom: str | None):
    """Stored meetings of the same body, as `checker.joins.pouvoirs` tells bodies apart: by SIREN
    when known (a meeting without one joins by name), else by name."""
    conditions = [seances.c.organisme == key]
    if nom:
        same_name = seances.c.nom_plie == fold_name(nom)
        conditions.append(and_(same_name, seances.c.siren.is_(None)) if siren else same_name)
    return or_(*conditions)


def rebuild(row):
    """A stored meeting as a record again; None if it no longer reads (a stricter schema)."""
    try:
        record = build_record(unpack(row.dossier), row.fichier)
    except InputError:
        return None
    record.stored_id = row.id
    return record


def wanted_syndicates(record) -> tuple[set, set]:
    sirens, names = set(), set()
    if nature(record.root["collectivite"]) != "commune":
        return sirens, names
    for deliberation in record.root["deliberations"]:
        demande = deliberation.get("syndicat") if isinstance(deliberation, dict) else None
        if isinstance(demande, dict) and demande.get("operation") in OPERATIONS:
            siren, nom = text(demande.get("siren")), text(demande.get("nom"))
            if siren:
                sirens.add(siren)
            if nom:
                names.add(fold_name(nom))
    return sirens, names


def has_proxies(record) -> bool:
    pouvoirs = record.root["seance"].get("pouvoirs")
    return isinstance(pouvoirs, list) and bool(pouvoirs)


def related(connection, records) -> list:
    """The stored records the joins of `records` need, each once."""
    present = {(organisme(r.root["collectivite"], r.fichier), r.date) for r in records}
    rows: dict = {}
    sirens, names = set(), set()
    for record in records:
        s, n = wanted_syndicates(record)
        sirens |= s
        names |= n
    if sirens or names:
        matches = []
        if sirens:
            matches.append(seances.c.siren.in_(sorted(sirens)))
        if names:
            matches.append(seances.c.nom_plie.in_(sorted(names)))
        query = _current(and_(seances.c.nature != "commune", or_(*matches)),
                         order=(seances.c.date_seance.desc(), seances.c.id.desc()), limit=LIMITE_SYNDICATS)
        for row in connection.execute(query):
            rows.setdefault(row.id, row)
    for record in records:
        if not has_proxies(record):
            continue
        collectivite = record.root["collectivite"]
        same_body = body_condition(organisme(collectivite, record.fichier), text(collectivite.get("siren")),
                                   text(collectivite.get("nom")))
        query = _current(and_(same_body, seances.c.date_seance < record.date),
                         order=(seances.c.date_seance.desc(), seances.c.id.desc()), limit=PRECEDENTES * 2)
        dates = set()
        for row in connection.execute(query):
            if len(dates) >= PRECEDENTES and row.date_seance not in dates:
                break
            dates.add(row.date_seance)
            rows.setdefault(row.id, row)
    latest: dict = {}
    for row in sorted(rows.values(), key=lambda r: r.id):
        if (row.organisme, row.date_seance) not in present:
            latest[(row.organisme, row.date_seance)] = row
    return [r for r in (rebuild(row) for row in latest.values()) if r is not None]
