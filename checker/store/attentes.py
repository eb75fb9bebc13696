"""What a syndicate operation still awaits, and the acts it rests on (joins across time).

An adhesion, withdrawal, competence transfer or statutes change is made of several acts that
reach the prefecture apart: the commune's own deliberation (`demande`), the syndicate's
(`decision`), and, where the law asks for the members' qualified majority (L5211-17, L5211-18,
L5211-19 by L5211-5 II), every other member's opinion (`avis`). The store indexes them
(`operations`) and this module groups those of one operation — same syndicate (its SIREN when
both acts give it, else its folded name), same commune concerned (or same competence
transferred) — then says, for each act of the group, what it rests on and what is still awaited:
- the syndicate's own deliberation: no deadline and no silence worth agreement (L5211-18: the
  organ's agreement must be express, cgct.md §7.3; L5721-2-1: the comité decides);
- the commune's own deliberation;
- each member's opinion, by the three months from its notification (art. 641 CPC method,
  `echeance_mois`), after which silence is deemed favourable (L5211-17, L5211-18, L5211-20),
  unfavourable (L5211-19), or of uncertain effect (transfer in a syndicat mixte fermé, L5711-1;
  cgct.md §7.2).
A statutes change of the group itself (L5211-20) concerns no member: a member's opinion is
matched with the group's deliberation it names (`deliberation_concordante.date`), else with the
only one of that group whose three months cover its notification.
A syndicat mixte ouvert asks no opinion of its members unless its statutes do (L5721-2-1).

The members consulted are those the syndicate's record lists with their answers
(`syndicat.avis_membres`), else its members (`collectivite.membres`). Nothing here depends on
today's date: whether a deadline has passed is said when the worklist is shown.
"""
from __future__ import annotations

import json

from sqlalchemy import or_, select

from checker.store.dossier import unpack
from checker.store.tables import actes, operations, seances
from ruleset.dates import echeance_mois, format_date
from ruleset.names import fold_name

MOIS = 3
SILENCE = {
    "adhesion": ("favorable", "L5211-18"),
    "transfert_competence": ("favorable", "L5211-17"),
    "retrait": ("defavorable", "L5211-19"),
}
COMPATIBLE = {"modification_statuts": ("adhesion", "retrait", "modification_statuts")}


def _same_syndicate(a, b) -> bool:
    if a.syndicat_siren and b.syndicat_siren:
        return a.syndicat_siren == b.syndicat_siren
    return bool(a.syndicat_nom and b.syndicat_nom) and a.syndicat_nom == b.syndicat_nom


def _same_operation(a, b) -> bool:
    if a.operation == b.operation:
        return True
    return b.operation in COMPATIBLE.get(a.operation, ()) or a.operation in COMPATIBLE.get(b.operation, ())


def _same_subject(a, b, decisions=()) -> bool:
    if a.membre and b.membre:
        return a.membre == b.membre
    if _statutes(a) and _statutes(b):
        date = _answered(a, decisions)
        return date is not None and date == _answered(b, decisions)
    return bool(a.competence and b.competence) and a.competence == b.competence


def _statutes(row) -> bool:
    """A statutes change of the group itself (L5211-20): no member, no competence in question."""
    return row.operation == "modification_statuts" and not row.membre and not row.competence


def _answered(row, decisions):
    """The date of the group's deliberation a statutes-change row is about: its own for the
    group's act; for a member's opinion the one it names, else the only one of the group
    notified within the three months before (none when two could be meant)."""
    if row.role == "decision":
        return row.date_seance
    if row.date_decision is not None:
        return row.date_decision
    if row.date_notification is None:
        return None
    dates = {d.date_seance for d in decisions
             if d.date_seance <= row.date_notification <= echeance_mois(d.date_seance, MOIS)}
    return dates.pop() if len(dates) == 1 else None


def _rows(connection, condition):
    query = (select(operations, actes.c.identite, actes.c.date_seance, actes.c.numero, actes.c.organisme_nom,
                    actes.c.seance_id)
             .join(actes, actes.c.id == operations.c.acte_id).where(condition))
    return list(connection.execute(query))


def groups_of(connection, acte_ids) -> list[list]:
    """The operation groups the acts `acte_ids` belong to, each with all its stored rows."""
    seeds = _rows(connection, operations.c.acte_id.in_(sorted(acte_ids))) if acte_ids else []
    found, seen = [], set()
    for seed in seeds:
        if seed.id in seen:
            continue
        conditions = []
        if seed.syndicat_siren:
            conditions.append(operations.c.syndicat_siren == seed.syndicat_siren)
        if seed.syndicat_nom:
            conditions.append(operations.c.syndicat_nom == seed.syndicat_nom)
        if not conditions:
            continue
        candidates = _rows(connection, or_(*conditions))
        decisions = [r for r in candidates if r.role == "decision" and _statutes(r) and _same_syndicate(seed, r)]
        group = [r for r in candidates
                 if _same_syndicate(seed, r) and _same_operation(seed, r) and _same_subject(seed, r, decisions)]
        seen.update(r.id for r in group)
        found.append(group)
    return found


def _ref(row) -> dict:
    return {"identite": row.identite, "date": row.date_seance.isoformat(), "numero": row.numero,
            "organisme": row.organisme_nom, "role": row.role}


def _label(row) -> str:
    numero = f"délibération {row.numero}" if row.numero else "délibération sans numéro"
    return f"{row.organisme_nom or 'organisme non nommé'}, {numero} du {format_date(row.date_seance)}"


def _members(connection, decision) -> tuple[list, str | None]:
    """(name, folded name, notification, answer) of each member consulted, from the syndicate's record."""
    if decision is None:
        return [], None
    blob = connection.execute(select(seances.c.dossier, seances.c.nature).where(seances.c.id == decision.seance_id)).first()
    if blob is None:
        return [], None
    dossier = unpack(blob.dossier)
    kind = blob.nature
    for deliberation in dossier.get("deliberations") or []:
        syndicat = deliberation.get("syndicat") if isinstance(deliberation, dict) else None
        if str(deliberation.get("numero")) == str(decision.numero) or decision.numero is None:
            avis = syndicat.get("avis_membres") if isinstance(syndicat, dict) else None
            if isinstance(avis, list) and avis:
                return [(m.get("nom"), fold_name(m["nom"]), _plain(m.get("date_notification")), _plain(m.get("avis")))
                        for m in avis if isinstance(m, dict) and isinstance(m.get("nom"), str)], kind
    membres = (dossier.get("collectivite") or {}).get("membres")
    if isinstance(membres, list):
        return [(m["nom"], fold_name(m["nom"]), None, None) for m in membres
                if isinstance(m, dict) and isinstance(m.get("nom"), str)], kind
    return [], kind


def _plain(value):
    return value.get("valeur") if isinstance(value, dict) and "valeur" in value else value


def describe(connection, group) -> dict:
    """What the group's operation rests on and awaits (one description shared by its acts)."""
    import datetime as dt

    head = group[0]
    demandes = [r for r in group if r.role == "demande"]
    decisions = [r for r in group if r.role == "decision"]
    avis = [r for r in group if r.role == "avis"]
    decision = max(decisions, key=lambda r: r.date_seance) if decisions else None
    members, record_nature = _members(connection, decision)
    nature = record_nature or next((r.syndicat_nature for r in group if r.syndicat_nature), None)
    syndicat = (next((r.organisme_nom for r in decisions), None)
                or next((r.syndicat_libelle for r in group if r.syndicat_libelle), None)
                or head.syndicat_siren or "syndicat non nommé")
    operation = (decision or head).operation if not demandes else demandes[0].operation
    membre = head.membre
    attendus, notes = [], []
    if not decisions:
        attendus.append({"quoi": f"délibération concordante de l'organe de {syndicat}", "echeance": None,
                         "effet_silence": None,
                         "texte": "pas de délai ni de silence valant accord : l'accord de l'organe doit être exprès"})
    if not demandes and membre and operation in ("adhesion", "retrait", "modification_statuts"):
        attendus.append({"quoi": f"délibération de la collectivité concernée ({membre})", "echeance": None,
                         "effet_silence": None, "texte": "sa propre délibération sur l'opération"})
    silence = SILENCE.get(operation)
    if operation == "modification_statuts" and not membre:
        silence = ("favorable", "L5211-20")
    if nature == "syndicat_mixte_ouvert":
        notes.append("syndicat mixte ouvert : le comité décide (deux tiers des membres le composant, à défaut de "
                     "statuts, L5721-2-1) ; pas d'avis des membres requis par la loi")
    elif silence is None:
        notes.append("modification statutaire portant sur l'adhésion ou le retrait d'un membre : effet du silence "
                     "des autres membres non encodé (L5211-18, L5211-19 selon le cas)")
    elif decision is not None:
        effect, article = silence
        if operation == "transfert_competence" and nature == "syndicat_mixte_ferme":
            effect = "incertain"
            notes.append("syndicat mixte fermé : L5711-1 écarte le silence favorable de L5211-17 ; effet incertain (cgct.md §7.2)")
        if not members:
            notes.append("membres consultés non énumérés au dossier du groupement : avis attendus non déterminables")
        by_member = {}
        for row in avis:
            by_member.setdefault(fold_name(row.organisme_nom or ""), row)
        for nom, folded, notification, answer in members:
            if folded == membre:
                continue
            notification = dt.date.fromisoformat(notification) if isinstance(notification, str) else None
            deadline = echeance_mois(notification, MOIS) if notification else None
            given = by_member.get(folded)
            if answer in ("favorable", "defavorable"):
                continue
            if given is not None:
                late = deadline is not None and given.date_seance > deadline
                if late:
                    attendus.append({"quoi": f"avis de {nom}", "echeance": deadline.isoformat(), "effet_silence": effect,
                                     "texte": f"délibéré le {format_date(given.date_seance)}, après l'échéance du "
                                              f"{format_date(deadline)} : réputé {effect} ({article})"})
                continue
            if deadline is None:
                texte = f"date de notification inconnue : échéance non calculable ; silence réputé {effect} après trois mois ({article})"
            else:
                texte = f"silence réputé {effect} le {format_date(deadline)} (trois mois après la notification du {format_date(notification)}, {article})"
            attendus.append({"quoi": f"avis de {nom}", "echeance": deadline.isoformat() if deadline else None,
                             "effet_silence": effect, "texte": texte})
    return {"operation": operation, "syndicat": syndicat, "membre": membre, "competence": head.competence,
            "actes": [_ref(r) for r in sorted(group, key=lambda r: (r.date_seance, r.identite))],
            "attendus": attendus, "notes": notes}


def for_act(connection, acte_id: int) -> list[dict]:
    """The descriptions of every operation the act takes part in, each without the act itself."""
    out = []
    for group in groups_of(connection, [acte_id]):
        description = describe(connection, group)
        own = {r.identite for r in group if r.acte_id == acte_id}
        description["actes"] = [a for a in description["actes"] if a["identite"] not in own]
        out.append(description)
    return out


def refresh(connection, acte_ids) -> None:
    """Recompute what every act sharing an operation with `acte_ids` rests on and awaits."""
    touched = set()
    for group in groups_of(connection, acte_ids):
        touched.update(r.acte_id for r in group)
    for acte_id in sorted(touched):
        value = for_act(connection, acte_id)
        connection.execute(actes.update().where(actes.c.id == acte_id)
                           .values(attentes=json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None))
