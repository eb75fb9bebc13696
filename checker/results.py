"""One result per input: the record's findings, or the error that kept it from being checked."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.findings import A_VENIR, CONFORME, ERREUR, INDETERMINE, NON_APPLICABLE, NON_CONFORME, Finding, act_status
from checker.record import Record
from ruleset.errors import InputError


# The version of the JSON output (`checker/schemas/resultat.schema.json`): a field added is a minor
# change ("1.1"), a field removed or changed in meaning a major one ("2.0").
SCHEMA_VERSION = "1.0"
COUNTED = (CONFORME, NON_CONFORME, INDETERMINE, A_VENIR, NON_APPLICABLE)


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


@dataclass
class Result:
    """`fichier` is the place as reports show it (`flux.jsonl:4` for a line); `ligne` the line alone."""

    fichier: str
    record: Record | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None
    ligne: int | None = None

    @property
    def chemin(self) -> str:
        """The file alone, without the line."""
        if self.ligne is not None and self.fichier.endswith(f":{self.ligne}"):
            return self.fichier[: -len(f":{self.ligne}")]
        return self.fichier

    def actes(self) -> list[dict]:
        """The acts of the meeting, with what identifies them: the ACTES identifier, the number."""
        out = []
        for index, deliberation in enumerate(self.record.root["deliberations"]):
            transmission = deliberation.get("transmission")
            actes_id = transmission.get("identifiant_actes") if hasattr(transmission, "get") else None
            out.append({"chemin": f"deliberations[{index}]", "numero": _text(deliberation.get("numero")),
                        "identifiant_actes": _text(actes_id), "objet": _text(deliberation.get("objet"))})
        return out

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
        out: dict = {"schema_version": SCHEMA_VERSION, "fichier": self.chemin, "ligne": self.ligne,
                     "statut": self.statut}
        counts = Counter(f.statut for f in self.findings)
        compte = {status: counts.get(status, 0) for status in COUNTED}
        if self.error is not None:
            out.update(identifiant=None, collectivite=None, seance=None, actes=[], compte=compte)
            out["erreur"] = {"message": self.error.message, "ligne": self.error.ligne, "champ": self.error.champ,
                             "texte": str(self.error)}
            return out
        root = self.record.root
        actes = self.actes()
        # A meeting of one act is known by that act (its ACTES identifier, else its number); a
        # meeting of several acts has no single one: each is in `actes`.
        out["identifiant"] = (actes[0]["identifiant_actes"] or actes[0]["numero"]) if len(actes) == 1 else None
        out["collectivite"] = _text(root["collectivite"].get("nom"))
        out["seance"] = self.record.date.isoformat()
        referentiel = getattr(self.record, "referentiel", None)
        if referentiel is not None:
            out["referentiel"] = referentiel.to_dict()
        out["actes"] = actes
        out["compte"] = compte
        decision = self.decision
        if decision is not None:
            out["decision"] = decision.to_dict()
        out["constats"] = [f.to_dict() for f in self.findings if show_all or f.statut != "non_applicable"]
        return out
