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


def same_body(row, key: str, siren: str | None, folded: str | None) -> bool:
    """The stored meeting is of the same body, as `checker.joins.pouvoirs` tells bodies apart: by
    SIREN when known (a meeting without one joins by name), else by name."""
    return row.organisme == key or (folded is not None and row.nom_plie == folded and (siren is None or row.siren is None))


def _earlier_meetings(connection, records) -> dict:
    """The last `PRECEDENTES` stored meetings of each record's body, in one query for them all."""
    if not records:
        return {}
    bodies = []
    for record in records:
        collectivite = record.root["collectivite"]
        nom = text(collectivite.get("nom"))
        bodies.append((record, organisme(collectivite, record.fichier), text(collectivite.get("siren")),
                       fold_name(nom) if nom else None))
    condition = seances.c.organisme.in_(sorted({key for _, key, _, _ in bodies}))
    names = sorted({folded for *_, folded in bodies if folded})
    if names:
        condition = or_(condition, seances.c.nom_plie.in_(names))
    candidates = list(connection.execute(_current(condition).with_only_columns(
        seances.c.id, seances.c.organisme, seances.c.nom_plie, seances.c.siren, seances.c.date_seance)))
    wanted = set()
    for record, key, siren, folded in bodies:
        earlier = sorted(((r.date_seance, r.id) for r in candidates
                          if r.date_seance < record.date and same_body(r, key, siren, folded)), reverse=True)
        dates = set()
        for date, seance_id in earlier:
            if len(dates) >= PRECEDENTES and date not in dates:
                break
            dates.add(date)
            wanted.add(seance_id)
    if not wanted:
        return {}
    return {row.id: row for row in connection.execute(_current(seances.c.id.in_(sorted(wanted))))}


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
    rows.update(_earlier_meetings(connection, [r for r in records if has_proxies(r)]))
    latest: dict = {}
    for row in sorted(rows.values(), key=lambda r: r.id):
        if (row.organisme, row.date_seance) not in present:
            latest[(row.organisme, row.date_seance)] = row
    return [r for r in (rebuild(row) for row in latest.values()) if r is not None]
