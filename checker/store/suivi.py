"""The prefecture's worklist: open acts by their next deadline, and the agents' actions.

Acts are listed by the deadline `delais` computes from their receipt and the actions recorded
(overdue first, since they have the earliest dates; acts whose deadline cannot be computed —
receipt unknown, documents awaited — come last); a closed act (déféré filed, no further action)
leaves the list. Each action is kept with its date, its author and when it was recorded; the
deadline is recomputed by law each time.
"""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, or_, select

from checker.store import delais
from checker.store.connexion import StoreError
from checker.store.dossier import unpack
from checker.store.ecriture import follow_up, now
from checker.store.tables import actes, actions, versions_actes

COLUMNS = (actes.c.id, actes.c.identite, actes.c.identifiant_actes, actes.c.organisme_nom, actes.c.nature,
           actes.c.date_seance, actes.c.numero, actes.c.objet, actes.c.statut, actes.c.version,
           actes.c.catalogue, actes.c.date_reception, actes.c.alsace_moselle, actes.c.echeance_deferee,
           actes.c.echeance_suivi, actes.c.suivi_clos, actes.c.decision, actes.c.attentes, actes.c.modifie_le)


def find(connection, reference: str):
    """The act named by its identity, its ACTES identifier or its number in the store."""
    conditions = [actes.c.identite == reference, actes.c.identite == f"actes:{reference}",
                  actes.c.identifiant_actes == reference]
    if reference.isdigit():
        conditions.append(actes.c.id == int(reference))
    rows = list(connection.execute(select(*COLUMNS).where(or_(*conditions)).limit(2)))
    if not rows:
        raise StoreError(f"acte « {reference} » absent de la base ; donner son identité, son identifiant ACTES "
                         "ou son numéro (voir « delibcheck suivi »)", champ="ACTE")
    if len(rows) > 1:
        raise StoreError(f"« {reference} » désigne plusieurs actes ; donner l'identité complète", champ="ACTE")
    return rows[0]


def actions_of(connection, acte_ids) -> dict:
    out: dict = {}
    if not acte_ids:
        return out
    query = (select(actions).where(actions.c.acte_id.in_(sorted(acte_ids)))
             .order_by(actions.c.date_action, actions.c.id))
    for row in connection.execute(query):
        out.setdefault(row.acte_id, []).append(row)
    return out


def _awaited(attentes_json: str | None, today: dt.date) -> list[dict]:
    out = []
    for group in json.loads(attentes_json) if attentes_json else []:
        for item in group.get("attendus", []):
            echeance = item.get("echeance")
            passed = echeance is not None and dt.date.fromisoformat(echeance) < today
            out.append(dict(item, depassee=passed, operation=group.get("operation"), syndicat=group.get("syndicat")))
    return out


def describe(row, done: list, today: dt.date) -> dict:
    state = follow_up(row.date_reception, row.alsace_moselle, row.echeance_deferee,
                      [(a.nature, a.date_action) for a in done], row.date_seance)
    groups = json.loads(row.attentes) if row.attentes else []
    return {
        "acte": row.identite, "numero_base": row.id, "identifiant_actes": row.identifiant_actes,
        "collectivite": row.organisme_nom, "nature": row.nature, "seance": row.date_seance.isoformat(),
        "numero": row.numero, "objet": row.objet, "statut": row.statut, "version": row.version,
        "catalogue": row.catalogue,
        "reception": row.date_reception.isoformat() if row.date_reception else None,
        "echeance": state.date.isoformat() if state.date else None,
        "depassee": state.date is not None and state.date < today,
        "jours_restants": (state.date - today).days if state.date else None,
        "etat": state.etat, "explication": state.explication,
        "decision": json.loads(row.decision) if row.decision else None,
        "actions": [{"nature": a.nature, "date": a.date_action.isoformat(), "auteur": a.auteur, "note": a.note,
                     "enregistre_le": a.enregistre_le.isoformat()} for a in done],
        "rapprochements": groups, "attendus": _awaited(row.attentes, today),
    }


def worklist(connection, today: dt.date, limit: int | None = 50, closed: bool = False) -> list[dict]:
    query = select(*COLUMNS)
    if not closed:
        query = query.where(actes.c.suivi_clos.is_(False))
    query = query.order_by(actes.c.echeance_suivi.asc().nulls_last(), actes.c.date_seance, actes.c.id)
    if limit:
        query = query.limit(limit)
    rows = list(connection.execute(query))
    done = actions_of(connection, [r.id for r in rows])
    return [describe(r, done.get(r.id, []), today) for r in rows]


def counts(connection, today: dt.date) -> dict:
    open_ = actes.c.suivi_clos.is_(False)
    total, overdue, unknown, closed = connection.execute(select(
        func.count(),
        func.count().filter(open_ & (actes.c.echeance_suivi < today)),
        func.count().filter(open_ & actes.c.echeance_suivi.is_(None)),
        func.count().filter(actes.c.suivi_clos.is_(True)))).one()
    return {"actes": total, "ouverts": total - closed, "depasses": overdue, "sans_echeance": unknown, "clos": closed}


def record_action(connection, reference: str, nature: str, date: dt.date, auteur: str, note: str | None = None,
                  today: dt.date | None = None) -> dict:
    if nature not in delais.NATURES:
        raise StoreError(f"action inconnue « {nature} » ; admises : {', '.join(delais.NATURES)}")
    row = find(connection, reference)
    connection.execute(actions.insert().values(acte_id=row.id, nature=nature, date_action=date, auteur=auteur,
                                               note=note, enregistre_le=now()))
    done = actions_of(connection, [row.id]).get(row.id, [])
    state = follow_up(row.date_reception, row.alsace_moselle, row.echeance_deferee,
                      [(a.nature, a.date_action) for a in done], row.date_seance)
    connection.execute(actes.update().where(actes.c.id == row.id)
                       .values(echeance_suivi=state.date, suivi_clos=state.etat == "clos"))
    row = find(connection, row.identite)
    return describe(row, done, today or date)


def history(connection, reference: str, today: dt.date) -> dict:
    row = find(connection, reference)
    out = describe(row, actions_of(connection, [row.id]).get(row.id, []), today)
    out["historique"] = [
        {"version": v.version, "statut": v.statut, "motif": v.motif, "catalogue": v.catalogue,
         "enregistre_le": v.enregistre_le.isoformat(), "lot": v.lot_id,
         "echeance_deferee": v.echeance_deferee.isoformat() if v.echeance_deferee else None,
         "constats": unpack(v.constats)["constats"]}
        for v in connection.execute(select(versions_actes).where(versions_actes.c.acte_id == row.id)
                                    .order_by(versions_actes.c.version))]
    return out


def week(connection, du: dt.date, au: dt.date, today: dt.date) -> list[dict]:
    """Acts checked again or acted upon in [du, au]: the week's decisions."""
    start, end = dt.datetime.combine(du, dt.time()), dt.datetime.combine(au + dt.timedelta(days=1), dt.time())
    checked = select(versions_actes.c.acte_id).where(versions_actes.c.enregistre_le >= start,
                                                      versions_actes.c.enregistre_le < end)
    acted = select(actions.c.acte_id).where(actions.c.date_action >= du, actions.c.date_action <= au)
    rows = list(connection.execute(select(*COLUMNS).where(or_(actes.c.id.in_(checked), actes.c.id.in_(acted)))
                                   .order_by(actes.c.echeance_suivi.asc().nulls_last(), actes.c.id)))
    done = actions_of(connection, [r.id for r in rows])
    return [describe(r, done.get(r.id, []), today) for r in rows]
