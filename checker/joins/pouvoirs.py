"""Proxies across the meetings of one body: how many consecutive meetings a proxy has covered.

L2121-20 says a proxy is valid for three consecutive meetings at most, save duly established
illness. One record shows one meeting; a run over several meetings of the same body can count. The
records of one body (same SIREN; without one, same name, accents and case aside) are read in date
order as its consecutive meetings. A proxy continues from one meeting to the next when it links
the same mandant to the same mandataire, unless the two records give different signature dates
(a proxy renewed in writing is a new proxy). Each count goes into `seances_consecutives`, with a
source naming the meetings it rests on, and only where the record does not already give it.

The first meeting of a body in the run may follow meetings that are not in the run: a chain that
reaches back to it is only a lower bound, written only once it exceeds three (the verdict is then
the same whatever came before); a chain that starts after a meeting of the run without that proxy,
or from a count the record gives, is exact.
"""
from __future__ import annotations

import datetime as dt

from ruleset.messages import de
from ruleset.names import fold_name

LIMITE = 3


class _Chain:
    """A proxy's run of consecutive meetings: its count, whether it is exact, and the meetings it
    rests on as (record, rank the record gives or None), made into text only for the source of a
    count that is written (most chains are not: their record gives the count, or it is too short)."""

    __slots__ = ("count", "exact", "meetings", "signature")

    def __init__(self, count: int, exact: bool, meetings: tuple, signature: dt.date | None):
        self.count = count
        self.exact = exact
        self.meetings = meetings
        self.signature = signature


def join(records) -> None:
    siren_by_name = {}
    for record in records:
        collectivite = record.root.get("collectivite", {})
        siren, nom = collectivite.get("siren"), collectivite.get("nom")
        if isinstance(siren, str) and isinstance(nom, str) and nom.strip():
            siren_by_name.setdefault(fold_name(nom), siren)
    bodies: dict = {}
    for order, record in enumerate(records):
        key = _body(record, siren_by_name)
        if key is not None:
            bodies.setdefault(key, []).append((record.date, order, record))
    for meetings in bodies.values():
        # A body met once in the run has no chain to count: its proxies are each the first of
        # their chain, a lower bound of 1 that is never written.
        if len(meetings) > 1:
            meetings.sort(key=lambda item: (item[0], item[1]))
            _count([record for _, _, record in meetings])


def _body(record, siren_by_name: dict):
    collectivite = record.root.get("collectivite", {})
    siren = collectivite.get("siren")
    if isinstance(siren, str):
        return siren
    nom = collectivite.get("nom")
    if isinstance(nom, str) and nom.strip():
        folded = fold_name(nom)
        return siren_by_name.get(folded, ("nom", folded))
    return None


def _count(meetings: list) -> None:
    previous: dict | None = None
    for record in meetings:
        current: dict = {}
        pouvoirs = record.root["seance"].get("pouvoirs")
        for pouvoir in pouvoirs if isinstance(pouvoirs, list) else ():
            mandant, mandataire = pouvoir.get("mandant"), pouvoir.get("mandataire")
            if not isinstance(mandant, str) or not isinstance(mandataire, str):
                continue
            pair = (fold_name(mandant), fold_name(mandataire))
            signature = pouvoir.get("date_signature")
            signature = signature if isinstance(signature, dt.date) else None
            before = previous.get(pair) if previous is not None else None
            if before is not None and signature and before.signature and signature != before.signature:
                before = None
            given = pouvoir.get("seances_consecutives")
            if isinstance(given, int) and not isinstance(given, bool):
                chain = _Chain(given, True, ((record, given),), signature)
            elif before is not None:
                chain = _Chain(before.count + 1, before.exact, before.meetings + ((record, None),),
                               signature or before.signature)
            else:
                # Exact only when an earlier meeting of the run shows this proxy was not in use.
                chain = _Chain(1, previous is not None, ((record, None),), signature)
            current[pair] = chain
            if "seances_consecutives" not in pouvoir and (chain.exact or chain.count > LIMITE):
                pouvoir["seances_consecutives"] = chain.count
                pouvoir.sources["seances_consecutives"] = (_source(mandant, mandataire, chain), None)
        previous = current


def _meeting(record, given: int | None) -> str:
    label = f"{record.date.strftime('%d/%m/%Y')} ({record.fichier})"
    return label if given is None else f"{label}, rang {given} selon le dossier"


def _source(mandant: str, mandataire: str, chain: _Chain) -> str:
    rang = str(chain.count) if chain.exact else f"au moins {chain.count}"
    return (f"calculé : pouvoir {de(mandant)} à {mandataire} présent aux séances successives du "
            f"{', du '.join(_meeting(record, given) for record, given in chain.meetings)} ; rang {rang} "
            "(séances du lot lues comme consécutives et même pouvoir d'une séance à l'autre faute de dates "
            "de signature différentes)")
