"""One result per input: the record's findings, or the error that kept it from being checked."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.engine import Engine
from checker.findings import A_VENIR, CONFORME, ERREUR, INDETERMINE, NON_CONFORME, Finding, act_status
from checker.inputs import Item
from checker.joins import apply_joins
from checker.record import Record
from ruleset.errors import InputError


@dataclass
class Result:
    fichier: str
    record: Record | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None

    @property
    def statut(self) -> str:
        return ERREUR if self.error is not None else act_status(self.findings)

    def to_dict(self, show_all: bool = True) -> dict:
        """The result as JSON data; without `show_all`, rules that do not apply are only counted."""
        out: dict = {"fichier": self.fichier, "statut": self.statut}
        if self.error is not None:
            out["erreur"] = {"message": self.error.message, "ligne": self.error.ligne, "champ": self.error.champ,
                             "texte": str(self.error)}
            return out
        root = self.record.root
        nom = root["collectivite"].get("nom")
        out["collectivite"] = nom if isinstance(nom, str) else None
        out["seance"] = self.record.date.isoformat()
        out["compte"] = dict(sorted(Counter(f.statut for f in self.findings).items()))
        out["constats"] = [f.to_dict() for f in self.findings if show_all or f.statut != "non_applicable"]
        return out


def check_items(items: list[Item], engine: Engine) -> list[Result]:
    """Check every readable record; records of one run are joined first (syndicate, proxies)."""
    records = [item.record for item in items if item.record is not None]
    apply_joins(records)
    results = []
    for item in items:
        if item.error is not None:
            results.append(Result(item.fichier, error=item.error))
        else:
            results.append(Result(item.fichier, item.record, engine.check(item.record)))
    return results


def summary(results: list[Result]) -> dict:
    counts = Counter(r.statut for r in results)
    return {
        "lus": len(results),
        "conformes": counts.get(CONFORME, 0),
        "non_conformes": counts.get(NON_CONFORME, 0),
        "indetermines": counts.get(INDETERMINE, 0),
        "a_venir": counts.get(A_VENIR, 0),
        "sans_objet": counts.get("non_applicable", 0),
        "erreurs": counts.get(ERREUR, 0),
    }


def exit_code(results: list[Result]) -> int:
    """0 nothing found, 1 a non-compliance, 2 an input error (which takes precedence)."""
    statuses = {r.statut for r in results}
    if ERREUR in statuses:
        return 2
    return 1 if NON_CONFORME in statuses else 0
