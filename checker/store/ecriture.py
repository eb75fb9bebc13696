"""Writing checked records into the store, one transaction per chunk of the batch.

A chunk's inputs are written together or not at all: the run's items (one per input, errors
included, which is the store's side of the « nothing lost » count), the meetings as read, the acts
and their history. A meeting already stored identically is not stored again, and an act whose
content (record, findings, catalogue, decision) has not changed gets no new version: a batch
re-run after a crash, or twice, records nothing twice.

Then the acts the chunk completes are checked again, in the same transaction: a commune's
adhesion stored before its syndicate's deliberation arrived, a later meeting of a body whose
proxies this meeting now precedes. What each syndicate operation still awaits is recomputed for
every act that shares it.
"""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import exists, or_, select

from checker.store import attentes, delais
from checker.store.acte import SeancePayload, build
from checker.store.contexte import has_proxies, rebuild, related, same_body
from checker.store.dossier import to_stored
from checker.store.tables import actes, actions, elements_lot, lots, operations, seances, versions_actes

SUIVANTES = 3


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def start_lot(connection, catalogue: str, auteur: str | None) -> int:
    return connection.execute(lots.insert().values(debut=now(), etat="en_cours", auteur=auteur, catalogue=catalogue)
                              .returning(lots.c.id)).scalar_one()


def finish_lot(connection, lot_id: int, summary: dict) -> None:
    connection.execute(lots.update().where(lots.c.id == lot_id).values(
        fin=now(), etat="termine", lus=summary["lus"], resume=json.dumps(summary, sort_keys=True)))


def _ids_by(connection, column, id_column, keys) -> dict:
    """{key: id} of the rows whose unique `column` is in `keys`."""
    return dict(connection.execute(select(column, id_column).where(column.in_(sorted(keys)))).all()) if keys else {}


def _insert_many(connection, table, rows: list[dict], key, id_column) -> dict:
    """Insert `rows` and return {key: id}. The rows go as one executemany (a pipeline of one
    prepared statement on PostgreSQL, one statement on SQLite) and their ids are read back by
    their unique key in the same transaction: an INSERT … RETURNING of many rows is sent as one
    statement of a thousand rows of placeholders, which psycopg parses anew, in Python, each time
    — a third of a chunk's time at size."""
    if not rows:
        return {}
    connection.execute(table.insert(), rows)
    return _ids_by(connection, key, id_column, {r[key.name] for r in rows})


def _seance_ids(connection, payloads: list[SeancePayload]) -> dict:
    known = _ids_by(connection, seances.c.empreinte, seances.c.id, {p.empreinte for p in payloads})
    missing, stamp = {}, now()
    for p in payloads:
        if p.empreinte not in known and p.empreinte not in missing:
            missing[p.empreinte] = {
                "empreinte": p.empreinte, "organisme": p.organisme, "nom_plie": p.nom_plie, "siren": p.siren,
                "nature": p.nature, "date_seance": p.date_seance, "fichier": p.fichier, "dossier": p.dossier,
                "enregistre_le": stamp}
    known.update(_insert_many(connection, seances, list(missing.values()), seances.c.empreinte, seances.c.id))
    return known


def follow_up(date_reception, alsace_moselle, echeance_deferee, done: list, date_seance=None) -> delais.Echeance:
    """The act's next deadline and its state after the agents' actions: without any, the deadline
    the findings computed (which reads a prefect's request the record itself reports)."""
    if not done and echeance_deferee is not None:
        return delais.Echeance(echeance_deferee, "ouvert", [
            f"déféré possible jusqu'au {echeance_deferee.strftime('%d/%m/%Y')} (constat L2131-6)"])
    return delais.compute(date_reception, alsace_moselle, done, date_seance)


def _actions_of(connection, acte_ids) -> dict:
    out: dict = {}
    if acte_ids:
        for row in connection.execute(select(actions.c.acte_id, actions.c.nature, actions.c.date_action)
                                      .where(actions.c.acte_id.in_(sorted(acte_ids)))):
            out.setdefault(row.acte_id, []).append((row.nature, row.date_action))
    return out


def write_payloads(connection, payloads: list[SeancePayload], lot_id: int | None, catalogue: str,
                   motif: str = "controle", seance_ids: dict | None = None) -> set:
    """Store meetings and their acts; the ids of the acts created or changed (with an operation)."""
    if seance_ids is None:
        seance_ids = _seance_ids(connection, payloads)
    latest: dict = {}
    for payload in payloads:
        for act in payload.actes:
            # Within one chunk the later copy of an act wins, as it would in two chunks.
            latest[act.identite] = (payload, act)
    identities = sorted(latest)
    existing = {row.identite: row for row in connection.execute(
        select(actes.c.id, actes.c.identite, actes.c.version, actes.c.empreinte).where(actes.c.identite.in_(identities))
        .with_for_update())} if identities else {}
    stamp = now()
    new_rows, changed = [], []
    for identite in identities:
        payload, act = latest[identite]
        row = existing.get(identite)
        if row is not None and row.empreinte == act.empreinte:
            continue
        values = {
            "identite": identite, "identifiant_actes": act.identifiant_actes, "organisme": payload.organisme,
            "organisme_nom": payload.organisme_nom, "nature": payload.nature, "date_seance": payload.date_seance,
            "numero": act.numero, "objet": act.objet, "seance_id": seance_ids[payload.empreinte], "rang": act.rang,
            "empreinte": act.empreinte, "catalogue": catalogue, "statut": act.statut,
            "date_reception": act.date_reception, "alsace_moselle": act.alsace_moselle,
            "echeance_deferee": act.echeance_deferee,
            "decision": json.dumps(act.decision, ensure_ascii=False, sort_keys=True) if act.decision else None,
            "modifie_le": stamp}
        if row is None:
            values.update(version=1, suivi_clos=False, echeance_suivi=follow_up(
                act.date_reception, act.alsace_moselle, act.echeance_deferee, [], payload.date_seance).date)
            new_rows.append((values, act))
        else:
            changed.append((row, values, act))
    ids: dict = {}
    ids.update(_insert_many(connection, actes, [v for v, _ in new_rows], actes.c.identite, actes.c.id))
    done = _actions_of(connection, [row.id for row, _, _ in changed])
    for row, values, act in changed:
        state = follow_up(act.date_reception, act.alsace_moselle, act.echeance_deferee, done.get(row.id, []),
                          payload.date_seance)
        values.update(version=row.version + 1, echeance_suivi=state.date, suivi_clos=state.etat == "clos")
        connection.execute(actes.update().where(actes.c.id == row.id).values(**values))
        connection.execute(operations.delete().where(operations.c.acte_id == row.id))
        ids[row.identite] = row.id
    history, index = [], []
    for values, act in [(v, a) for v, a in new_rows] + [(v, a) for _, v, a in changed]:
        acte_id = ids[values["identite"]]
        history.append({"acte_id": acte_id, "version": values["version"], "lot_id": lot_id,
                        "seance_id": values["seance_id"], "empreinte": act.empreinte, "catalogue": catalogue,
                        "statut": act.statut, "echeance_deferee": act.echeance_deferee,
                        "decision": values["decision"], "constats": act.constats, "motif": motif,
                        "enregistre_le": stamp})
        index.extend(dict(op, acte_id=acte_id) for op in act.operations)
    if history:
        connection.execute(versions_actes.insert(), history)
    if index:
        connection.execute(operations.insert(), index)
    return {ids[v["identite"]] for v, a in new_rows + [(v, a) for _, v, a in changed] if a.operations}


def _affected(connection, payloads: list[SeancePayload], written: set) -> list:
    """Stored meetings that the new ones complete: communes awaiting a syndicate, later proxies."""
    rows: dict = {}
    for payload in payloads:
        if payload.nature != "commune" and any(a.operations for a in payload.actes):
            matches = []
            if payload.siren:
                matches.append(operations.c.syndicat_siren == payload.siren)
            if payload.nom_plie:
                matches.append(operations.c.syndicat_nom == payload.nom_plie)
            if matches:
                query = (select(seances.c.id, seances.c.fichier, seances.c.dossier, seances.c.organisme, seances.c.date_seance)
                         .where(seances.c.id.in_(select(actes.c.seance_id).join(operations, operations.c.acte_id == actes.c.id)
                                                 .where(operations.c.role == "demande", or_(*matches)))))
                for row in connection.execute(query):
                    rows.setdefault(row.id, row)
    rows.update(_later_meetings(connection, payloads))
    return [row for seance_id, row in sorted(rows.items()) if seance_id not in written]


def _later_meetings(connection, payloads: list[SeancePayload]) -> dict:
    """The next `SUIVANTES` stored meetings of each new meeting's body, found in one query for the
    chunk (bodies told apart as `contexte.same_body` does)."""
    keys = sorted({p.organisme for p in payloads})
    names = sorted({p.nom_plie for p in payloads if p.nom_plie})
    condition = seances.c.organisme.in_(keys)
    if names:
        condition = or_(condition, seances.c.nom_plie.in_(names))
    candidates = list(connection.execute(
        select(seances.c.id, seances.c.organisme, seances.c.nom_plie, seances.c.siren, seances.c.date_seance)
        .where(condition, exists().where(actes.c.seance_id == seances.c.id))))
    wanted = set()
    for payload in payloads:
        later = sorted((r.date_seance, r.id) for r in candidates if r.date_seance > payload.date_seance
                       and same_body(r, payload.organisme, payload.siren, payload.nom_plie))
        dates = set()
        for date, seance_id in later:
            if len(dates) >= SUIVANTES and date not in dates:
                break
            dates.add(date)
            wanted.add(seance_id)
    if not wanted:
        return {}
    query = (select(seances.c.id, seances.c.fichier, seances.c.dossier, seances.c.organisme, seances.c.date_seance)
             .where(seances.c.id.in_(sorted(wanted))))
    return {row.id: row for row in connection.execute(query)}


def recheck(connection, rows, engine, catalogue: str, lot_id: int | None, prepare=None) -> set:
    from checker.joins import apply_joins

    payloads = []
    for row in rows:
        record = rebuild(row)
        if record is None:
            continue
        operations_in = any(isinstance(d, dict) and isinstance(d.get("syndicat"), dict)
                            for d in record.root["deliberations"])
        if not operations_in and not has_proxies(record):
            continue
        dossier = to_stored(record.root)
        together = [record] + related(connection, [record])
        if prepare is not None:
            prepare(together)
        apply_joins(together)
        findings = engine.check(record)
        if prepare is not None:
            prepare.annotate(record, findings)
        payloads.append(build(record, findings, catalogue, dossier))
    return write_payloads(connection, payloads, lot_id, catalogue, motif="rapprochement") if payloads else set()


def write_chunk(connection, lot_id: int | None, items: list, catalogue: str, engine=None, prepare=None) -> None:
    """`items`: (rank in the run, fichier, statut, error text, SeancePayload or None)."""
    payloads = [p for *_, p in items if p is not None]
    seance_ids = _seance_ids(connection, payloads) if payloads else {}
    touched = write_payloads(connection, payloads, lot_id, catalogue, seance_ids=seance_ids) if payloads else set()
    if lot_id is not None and items:
        connection.execute(elements_lot.insert(), [
            {"lot_id": lot_id, "rang": rang, "fichier": fichier, "statut": statut, "erreur": erreur,
             "seance_id": seance_ids.get(p.empreinte) if p is not None else None}
            for rang, fichier, statut, erreur, p in items])
    if engine is not None and payloads:
        touched |= recheck(connection, _affected(connection, payloads, set(seance_ids.values())), engine, catalogue, lot_id,
                           prepare)
    if touched:
        attentes.refresh(connection, touched)


