"""The déféré deadline of an act as the agents' actions move it (L2131-6; cgct.md §5.5, §0.4).

- Two months from receipt at the prefecture, a délai franc moved to the next working day
  (`delai_franc_mois`), as the rule L2131-6.delai_defere computes it.
- A recours gracieux sent within that deadline interrupts it: a new two months runs from the
  answer (CE 16 mai 1984, n° 19816), or from the implicit rejection two months after it was
  received (the rule L2131-6.prorogation reads it so, confidence medium). The agent records the
  date the recours was sent: its receipt is at best that day, so the implicit rejection is dated
  from it — the earliest possible, never a deadline later than the law's.
- A request for the documents needed to assess legality, made within the deadline, defers it: the
  two months run from their receipt (CE Sect. 13 janv. 1988). Until they arrive no deadline runs;
  the act is listed as waiting for them.
- Only the first recours gracieux and the first request for documents move the deadline: a second
  one of the same kind is recorded but moves nothing (an administrative recourse interrupts a
  deadline once).
- A déféré filed, or no further action, closes the act.
When the receipt at the prefecture is not known, the deadline is computed from the meeting date:
an act is received on the day of its meeting at the earliest, so this is the earliest possible last
day (as `checker.decision.echeance` does), and the worklist errs towards urgency.
When the record does not say whether the body is in Alsace-Moselle (whose holidays differ), the
earlier of the two deadlines is kept, and the explanation says so.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ruleset.dates import delai_franc_mois, echeance_mois, format_date

NATURES = {
    "recours_gracieux": "recours gracieux envoyé",
    "reponse_recours": "réponse au recours gracieux reçue",
    "demande_pieces": "pièces demandées",
    "pieces_recues": "pièces reçues",
    "defere": "déféré déposé",
    "sans_suite": "pas de suite",
}
CLOSING = ("defere", "sans_suite")


@dataclass
class Echeance:
    date: dt.date | None
    etat: str  # ouvert, attente_pieces, attente_reponse, clos, inconnu
    explication: list[str] = field(default_factory=list)


def _two_months(start: dt.date, alsace_moselle: bool | None) -> tuple[dt.date, str]:
    if alsace_moselle is None:
        general, local = delai_franc_mois(start, 2, False), delai_franc_mois(start, 2, True)
        if general != local:
            return min(general, local), " (Alsace-Moselle inconnue : la plus proche des deux échéances)"
        return general, ""
    return delai_franc_mois(start, 2, alsace_moselle), ""


def compute(date_reception: dt.date | None, alsace_moselle: bool | None, actions: list,
            date_seance: dt.date | None = None) -> Echeance:
    """`actions`: (nature, date) pairs in any order."""
    ordered = sorted(actions, key=lambda a: (a[1], list(NATURES).index(a[0]) if a[0] in NATURES else 99))
    for nature, date in ordered:
        if nature in CLOSING:
            return Echeance(None, "clos", [f"{NATURES[nature]} le {format_date(date)} : suivi clos"])
    if date_reception is None and date_seance is None:
        return Echeance(None, "inconnu", ["date de réception en préfecture inconnue : échéance du déféré non calculable"])
    if date_reception is None:
        deadline, note = _two_months(date_seance, alsace_moselle)
        lines = [f"réception en préfecture inconnue : au plus tôt, déféré possible jusqu'au {format_date(deadline)}"
                 f"{note} (deux mois francs depuis la séance du {format_date(date_seance)})"]
    else:
        deadline, note = _two_months(date_reception, alsace_moselle)
        lines = [f"reçu en préfecture le {format_date(date_reception)} : déféré possible jusqu'au {format_date(deadline)}{note}"]
    state = "ouvert"
    recours = pieces = None
    used = set()
    for nature, date in ordered:
        if nature == "recours_gracieux":
            if "recours" in used:
                lines.append(f"second recours gracieux du {format_date(date)} : sans effet sur le délai")
                continue
            used.add("recours")
            if deadline is not None and date > deadline:
                lines.append(f"recours gracieux du {format_date(date)} envoyé après l'échéance : n'interrompt pas le délai")
                continue
            recours = date
            implicit = echeance_mois(date, 2)
            deadline, note = _two_months(implicit, alsace_moselle)
            state = "attente_reponse"
            lines.append(f"recours gracieux envoyé le {format_date(date)} : délai interrompu ; sans réponse, rejet "
                         f"implicite le {format_date(implicit)} et déféré possible jusqu'au {format_date(deadline)}{note}")
        elif nature == "reponse_recours" and recours is not None and date >= recours and state == "attente_reponse":
            deadline, note = _two_months(date, alsace_moselle)
            state = "ouvert"
            lines.append(f"réponse au recours reçue le {format_date(date)} : déféré possible jusqu'au {format_date(deadline)}{note}")
        elif nature == "demande_pieces":
            if "pieces" in used:
                lines.append(f"nouvelle demande de pièces du {format_date(date)} : sans effet sur le délai")
                continue
            used.add("pieces")
            if deadline is not None and date > deadline:
                lines.append(f"pièces demandées le {format_date(date)}, après l'échéance : le délai n'est pas reporté")
                continue
            pieces = date
            deadline = None
            state = "attente_pieces"
            lines.append(f"pièces nécessaires au contrôle demandées le {format_date(date)} : le délai courra de leur réception")
        elif nature == "pieces_recues" and pieces is not None and date >= pieces and state == "attente_pieces":
            deadline, note = _two_months(date, alsace_moselle)
            state = "ouvert"
            lines.append(f"pièces reçues le {format_date(date)} : déféré possible jusqu'au {format_date(deadline)}{note}")
    return Echeance(deadline, state, lines)
