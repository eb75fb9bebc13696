"""What the store keeps of one checked record: the meeting as read and each of its acts.

Built where the record is checked (a worker process, which also compresses it) and written by the
process that holds the store, so it is plain data. Each act gets the findings about it (those at `deliberations[i]`)
and those about its meeting (quorum, convocation…), which bear on every act of the meeting; rules
that do not apply are only counted, as in the default report.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from checker.findings import NON_APPLICABLE, act_status
from checker.store.dossier import dumps, fingerprint, pack, pack_bytes, to_stored
from checker.store.identite import identites, nature, organisme, text
from ruleset.names import fold_name

OPERATIONS = ("adhesion", "transfert_competence", "retrait", "modification_statuts")


@dataclass
class ActePayload:
    rang: int
    identite: str
    identifiant_actes: str | None
    numero: str | None
    objet: str | None
    statut: str
    date_reception: dt.date | None
    alsace_moselle: bool | None
    echeance_deferee: dt.date | None
    decision: dict | None       # the proposed action in brief; in full inside `constats`
    constats: bytes             # packed: counts, findings, full decision
    empreinte: str
    operations: list = field(default_factory=list)


@dataclass
class SeancePayload:
    fichier: str
    empreinte: str
    organisme: str
    organisme_nom: str | None
    nom_plie: str | None
    siren: str | None
    nature: str
    date_seance: dt.date
    dossier: bytes              # packed record as read
    actes: list


def _deadline(findings) -> dt.date | None:
    # A finding set aside by its exception (the deadline restarted) no longer gives the deadline.
    days = [f.valeurs.get("echeance_deferee") for f in findings if not f.ecartee_par]
    days = [d for d in days if isinstance(d, dt.date)]
    return min(days) if days else None


BRIEF = ("action", "libelle", "motif", "echeance", "echeance_base", "sans_delai")


def _decision(record, findings) -> dict:
    """The action `checker.decision` proposes for the act, with its deadline and reason.

    Rules that do not apply weigh on no decision; leaving them out makes `decide` three times
    faster on a whole catalogue (a test holds that the decision is the same)."""
    from checker.decision import decide

    return decide(record, [f for f in findings if f.statut != NON_APPLICABLE]).to_dict()


def brief(decision: dict | None) -> dict | None:
    """What the worklist shows of a decision; the whole of it stays with the findings."""
    return {k: decision[k] for k in BRIEF if k in decision} if decision else None


def _operations(record, deliberation) -> list[dict]:
    """Index rows of a syndicate operation: who asks, who decides, who gives an opinion."""
    demande = deliberation.get("syndicat") if isinstance(deliberation, dict) else None
    if not isinstance(demande, dict) or demande.get("operation") not in OPERATIONS:
        return []
    collectivite = record.root["collectivite"]
    own_nature = nature(collectivite)
    own_name = text(collectivite.get("nom"))
    notification = demande.get("date_notification")
    notification = notification if isinstance(notification, dt.date) else None
    competence = text(demande.get("competence"))
    base = {"operation": demande["operation"], "competence": fold_name(competence) if competence else None,
            "date_notification": notification, "date_decision": None}
    membres = demande.get("membres_concernes")
    membres = [fold_name(m) for m in membres if text(m)] if isinstance(membres, list) else []
    if own_nature == "commune":
        siren, nom = text(demande.get("siren")), text(demande.get("nom"))
        kind = demande.get("nature")
        base.update(syndicat_siren=siren, syndicat_nom=fold_name(nom) if nom else None,
                    syndicat_nature=kind if isinstance(kind, str) else None, syndicat_libelle=nom)
        concordante = demande.get("deliberation_concordante")
        answered = concordante.get("date") if isinstance(concordante, dict) else None
        base["date_decision"] = answered if isinstance(answered, dt.date) else None
        own = fold_name(own_name) if own_name else None
        if demande["operation"] == "modification_statuts" and not membres and kind != "syndicat_mixte_ouvert":
            # L5211-20: the commune gives its opinion on the group's statutes change, which
            # concerns no member in particular.
            return [dict(base, role="avis", membre=None)]
        if not membres or own in membres:
            return [dict(base, role="demande", membre=own)]
        return [dict(base, role="avis", membre=m) for m in membres]
    siren = text(collectivite.get("siren"))
    base.update(syndicat_siren=siren, syndicat_nom=fold_name(own_name) if own_name else None,
                syndicat_nature=own_nature, syndicat_libelle=own_name, date_decision=record.date)
    return [dict(base, role="decision", membre=m) for m in membres] or [dict(base, role="decision", membre=None)]


def build(record, findings, catalogue: str, dossier: dict | None = None) -> SeancePayload:
    """`dossier`: the record as read (`to_stored`), taken before the joins filled it."""
    dossier = to_stored(record.root) if dossier is None else dossier
    collectivite = record.root["collectivite"]
    # The same record read from another file is the same meeting: the file is kept, not compared.
    seance_print = fingerprint(dossier)
    nom = text(collectivite.get("nom"))
    deliberations = record.root["deliberations"]
    shared = [f for f in findings if not f.chemin.startswith("deliberations[")]
    by_rank: dict = {}
    for finding in findings:
        if finding.chemin.startswith("deliberations["):
            rank = finding.chemin[len("deliberations["):].split("]", 1)[0]
            if rank.isdigit():
                by_rank.setdefault(int(rank), []).append(finding)
    alsace = collectivite.get("alsace_moselle")
    # The meeting's findings go with each of its acts: made into JSON data once.
    as_dict = {id(f): f.to_dict() for f in findings if f.statut != NON_APPLICABLE}
    acts = []
    for rang, identite, actes_id in identites(record):
        own = shared + by_rank.get(rang, [])
        deliberation = deliberations[rang] if deliberations else {}
        transmission = deliberation.get("transmission") if isinstance(deliberation, dict) else None
        reception = transmission.get("date_reception") if isinstance(transmission, dict) else None
        decision = _decision(record, own)
        constats = {"compte": dict(sorted(Counter(f.statut for f in own).items())),
                    "constats": [as_dict[id(f)] for f in own if f.statut != NON_APPLICABLE], "decision": decision}
        raw = dumps(constats)
        acts.append(ActePayload(
            rang=rang, identite=identite, identifiant_actes=actes_id,
            numero=text(deliberation.get("numero")) if isinstance(deliberation, dict) else None,
            objet=text(deliberation.get("objet")) if isinstance(deliberation, dict) else None,
            statut=act_status(own), date_reception=reception if isinstance(reception, dt.date) else None,
            alsace_moselle=alsace if isinstance(alsace, bool) else None, echeance_deferee=_deadline(own),
            decision=brief(decision), constats=pack_bytes(raw),
            empreinte=fingerprint(seance_print, rang, catalogue, hashlib.sha256(raw).hexdigest()),
            operations=_operations(record, deliberation)))
    return SeancePayload(
        fichier=record.fichier, empreinte=seance_print,
        organisme=organisme(collectivite, record.fichier), organisme_nom=nom,
        nom_plie=fold_name(nom) if nom else None, siren=text(collectivite.get("siren")),
        nature=nature(collectivite), date_seance=record.date, dossier=pack(dossier), actes=acts)
