"""One result per input: the record's findings, or the error that kept it from being checked."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.findings import A_VENIR, ERREUR, Finding, act_status
from checker.record import Record
from ruleset.errors import InputError


@dataclass
class Result:
    fichier: str
    record: Record | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None

    @property
    def decision(self):
        """The action proposed to the prefecture's agent (`checker.decision`); None for an error, or
        before the vote (`check --avant-vote`), when there is no adopted act to decide on."""
        if self.error is not None or any(f.statut == A_VENIR for f in self.findings):
            return None
        cached = self.__dict__.get("_decision")
        if cached is None:
            from checker.decision import decide
            cached = self.__dict__["_decision"] = decide(self.record, self.findings)
        return cached

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
        referentiel = getattr(self.record, "referentiel", None)
        if referentiel is not None:
            out["referentiel"] = referentiel.to_dict()
        out["compte"] = dict(sorted(Counter(f.statut for f in self.findings).items()))
        decision = self.decision
        if decision is not None:
            out["decision"] = decision.to_dict()
        out["constats"] = [f.to_dict() for f in self.findings if show_all or f.statut != "non_applicable"]
        return out
