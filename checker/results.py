"""One result per input: the record's findings, or the error that kept it from being checked."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.findings import (A_VENIR, CONFORME, ERREUR, INDETERMINE, NON_APPLICABLE, NON_CONFORME, Finding,
                              act_status, format_value)
from checker.record import Record
from ruleset.errors import InputError
from ruleset.values import Unknown


# The version of the JSON output (`checker/schemas/resultat.schema.json`): a field added is a minor
# change ("1.1"), a field removed or changed in meaning a major one ("2.0").
SCHEMA_VERSION = "2.0"
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
        self._header(out)
        out["compte"] = compte
        decision = self.decision
        if decision is not None:
            out["decision"] = decision.to_dict()
        out["constats"] = [f.to_dict() for f in self.findings if show_all or f.statut != "non_applicable"]
        return out


    def _header(self, out: dict) -> None:
        """The act's identity, shared by the full and the lean JSON."""
        actes = self.actes()
        # A meeting of one act is known by that act (its ACTES identifier, else its number); a
        # meeting of several acts has no single one: each is in `actes`.
        out["identifiant"] = (actes[0]["identifiant_actes"] or actes[0]["numero"]) if len(actes) == 1 else None
        out["collectivite"] = _text(self.record.root["collectivite"].get("nom"))
        out["seance"] = self.record.date.isoformat()
        referentiel = getattr(self.record, "referentiel", None)
        if referentiel is not None:
            out["referentiel"] = referentiel.to_dict()
        out["actes"] = actes


class LeanResult(Result):
    """A checked record whose findings are made only where a report shows their evidence.

    In the lean JSON a finding keeps its evidence (message, values known, facts read, missing
    facts) but not what depends on its rule alone (title, article, version, link, severity: see
    `delibcheck regles --format json`); values that could not be computed are left out (the
    missing facts say why).

    The engine decides every rule (`Engine.evaluate`); a finding with its message, facts and
    missing facts is made only for what is undecided or non-compliant (and for the rules the
    decision per act reads: those with such a finding, and the déféré deadline), the rest being
    kept as statuses. Its JSON (`to_dict`) is the lean report: act status, counts, the full
    evidence of `non_conforme` and `indetermine` findings, `conforme` rules by subject and
    `non_applicable` ones counted (listed by subject with `show_all`). `findings` still gives
    every finding, made on first use, for whatever needs them all."""

    def __init__(self, fichier: str, record: Record, engine, entries: list, ligne: int | None = None,
                 gravite_min: str | None = None, annotate=None):
        super().__init__(fichier, record, [], None, ligne)
        if gravite_min is not None:
            from ruleset.model import SEVERITY_ORDER
            limit = SEVERITY_ORDER.index(gravite_min)
            entries = [e for e in entries if SEVERITY_ORDER.index(e[0].gravite) <= limit]
        self._engine = engine
        self._entries = entries
        # Applied to the findings made (`annotate(record, findings)`): the reference data's notes.
        self._annotate = annotate
        self._all = None
        self._evidence = None
        self._changed = None
        self._status_list = None

    @property
    def findings(self) -> list[Finding]:
        if self._all is None:
            self._all = self._made(self._entries)
        return self._all

    def _made(self, entries: list) -> list[Finding]:
        findings = self._engine.findings_of(self.record, entries)
        if self._annotate is not None:
            self._annotate(self.record, findings)
        return findings

    @findings.setter
    def findings(self, value) -> None:
        # Set by the dataclass's __init__ (to an empty list) before the entries are known.
        self._all = value or None

    def evidence(self) -> list[Finding]:
        """The findings that reports and the decision read: every finding of a rule that is
        `non_conforme` or `indetermine` somewhere in the act, and the déféré deadline's."""
        if self._evidence is None:
            if self._all is not None:
                made, chosen = self._entries, self._all
            else:
                wanted = {e[0].id for e in self._entries if e[1].status in (NON_CONFORME, INDETERMINE)}
                from checker.decision.echeance import DELAI_REGLE
                wanted.add(DELAI_REGLE)
                made = [e for e in self._entries if e[0].id in wanted]
                chosen = self._made(made)
            # The findings follow their entries (unless `findings` was set from outside); the gate
            # may have changed a status (`checker.confiance`): those are noted, by entry.
            self._changed = ({id(entry): finding.statut for entry, finding in zip(made, chosen)
                              if finding.statut != entry[1].status} if len(made) == len(chosen) else None)
            self._evidence = chosen
        return self._evidence

    def _statuses(self) -> list[tuple]:
        """(rule id, subject path, status) of every finding, the gated statuses included; listed once."""
        if self._status_list is None:
            self.evidence()
            changed = self._changed
            if changed is None:
                found = {(f.regle, f.chemin): f.statut for f in self._evidence}
                self._status_list = [(e[0].id, e[2], found.get((e[0].id, e[2]), e[1].status)) for e in self._entries]
            elif changed:
                self._status_list = [(e[0].id, e[2], changed.get(id(e), e[1].status)) for e in self._entries]
            else:
                self._status_list = [(e[0].id, e[2], e[1].status) for e in self._entries]
        return self._status_list

    @property
    def decision(self):
        if self.error is not None:
            return None
        cached = self.__dict__.get("_decision")
        if cached is None:
            from checker.decision import decide
            cached = self.__dict__["_decision"] = decide(self.record, self.evidence())
        return cached

    @property
    def statut(self) -> str:
        statuses = {status for _, _, status in self._statuses()}
        for status in (NON_CONFORME, INDETERMINE, A_VENIR, CONFORME):
            if status in statuses:
                return status
        return NON_APPLICABLE

    def deadline(self):
        """The soonest `echeance_deferee` any outcome computed (the batch's `--tri echeance`)."""
        import datetime as dt
        days = [e[1].values.get("echeance_deferee") for e in self._entries]
        days = [d for d in days if isinstance(d, dt.date)]
        return min(days) if days else None

    def to_dict(self, show_all: bool = False) -> dict:
        statuses = self._statuses()
        counts = Counter(status for _, _, status in statuses)
        out: dict = {"schema_version": SCHEMA_VERSION, "fichier": self.chemin, "ligne": self.ligne,
                     "statut": self.statut}
        self._header(out)
        out["compte"] = {status: counts.get(status, 0) for status in COUNTED}
        decision = self.decision
        if decision is not None:
            out["decision"] = _lean_decision(decision.to_dict())
        out["preuves"] = "resumees"
        out["constats"], out["faits"] = _lean_findings(
            [f for f in self.evidence() if f.statut in (NON_CONFORME, INDETERMINE)])
        conformes: dict = {}
        absent: dict = {}
        for rule_id, path, status in statuses:
            if status == CONFORME:
                conformes.setdefault(path, []).append(rule_id)
            elif status == NON_APPLICABLE and show_all:
                absent.setdefault(path, []).append(rule_id)
        out["conformes"] = conformes
        if show_all:
            out["non_applicables"] = absent
        return out


# What the lean decision leaves out: sentences that depend on nothing but the decision's kind
# (the warning, the case law on documents requested, a theme's label) and, in its findings, what
# the act's `constats` already give (the message) or depends on the rule alone (the link).
_CONSTANT_DECISION_KEYS = ("avertissement", "fondement_pieces")
_DECISION_FINDINGS = ("violations", "a_confirmer", "irregularites_mineures")


def _lean_decision(decision: dict) -> dict:
    out = {k: v for k, v in decision.items() if k not in _CONSTANT_DECISION_KEYS}
    for key in _DECISION_FINDINGS:
        if key in out:
            out[key] = [{k: v for k, v in f.items() if k not in ("message", "url")} for f in out[key]]
    out["non_verifie"] = [{k: v for k, v in theme.items() if k != "libelle"} for theme in out["non_verifie"]]
    return out


def _relative(path: str, subject: str) -> str:
    """A missing fact inside the finding's subject, from that subject: `.signatures` for
    `deliberations[1].signatures` — the same on each act, so that the finding is written once."""
    if path.startswith(subject) and path[len(subject):len(subject) + 1] == ".":
        return path[len(subject):]
    return path


def _same(a, b) -> bool:
    """Equal as JSON: `True` is not `1`, not even inside a list."""
    return type(a) is type(b) and a == b and (type(a) not in (list, dict) or repr(a) == repr(b))


def _lean_findings(findings: list) -> tuple[list, list]:
    """The lean `constats` and the act's `faits` they read.

    Each fact read is written once per act, and a fact inside another one read whole (a proxy's
    holder inside the list of proxies) is given by that one; a value computed under the name of
    a fact read with the same value is given by the fact; a finding with the same evidence on
    several subjects is written once with all of them (`chemins`), a missing fact inside the
    subject being written from it (`.vote.resultat`). Messages are kept for
    `non_conforme` findings: an undecided finding's evidence is its values and facts, read and
    missing (its message with `--preuves completes`)."""
    # The facts read whole whose parts may be read too: the lists and objects of the record.
    containers: dict = {}
    for finding in findings:
        for fact in finding.faits:
            if not fact.source and not fact.affirme and isinstance(fact.valeur, (list, dict)):
                containers.setdefault(fact.chemin, fact)
    folded: dict = {}
    leaf_names: dict = {}
    facts: list = []
    positions: dict = {}
    constats: list = []
    merged: dict = {}
    for finding in findings:
        taken = []
        leaves: dict = {}
        valued = bool(finding.valeurs)
        for fact in finding.faits:
            path = fact.chemin
            plain = not fact.source and not fact.affirme
            if valued and not fact.affirme and fact.valeur is not None:
                leaf = leaf_names.get(path)
                if leaf is None:
                    leaf = leaf_names[path] = path.rsplit(".", 1)[-1].split("[", 1)[0]
                leaves.setdefault(leaf, []).append(fact.valeur)
            if containers and plain:
                parent = folded.get(path, False)
                if parent is False:
                    parent = folded[path] = next(
                        (whole for chemin, whole in containers.items()
                         if len(path) > len(chemin) and path.startswith(chemin) and path[len(chemin)] in ".["), None)
                if parent is not None:
                    fact = parent
            # Within an act a path has one value, read from the record, computed or asserted
            # (with its source): the record does not change while its rules are decided.
            key = (fact.chemin, fact.source, fact.affirme)
            position = positions.get(key)
            if position is None:
                position = positions[key] = len(facts)
                facts.append(fact.to_dict())
            if position not in taken:
                taken.append(position)
        out: dict = {"regle": finding.regle, "statut": finding.statut}
        if finding.statut == NON_CONFORME:
            out["message"] = finding.message
        values = {}
        for name, value in finding.valeurs.items():
            if type(value) is Unknown:
                continue
            shown = format_value(value, iso=True)
            if name not in leaves or not any(_same(shown, format_value(given, iso=True)) for given in leaves[name]):
                values[name] = shown
        if values:
            out["valeurs"] = values
        out["faits_lus"] = taken
        missing = [m.to_dict() for m in finding.manquants]
        if missing:
            out["manquants"] = [_relative(m["chemin"], finding.chemin) if len(m) == 1 else m for m in missing]
        finding._flags(out)
        signature = (out["regle"], out["statut"], out.get("message"), tuple(taken),
                     tuple(m if type(m) is str else repr(m) for m in out.get("manquants", ())),
                     tuple(k for k in out if k not in _COMPARED))
        twins = merged.setdefault(signature, [])
        twin = next((t for t in twins if _same(t.get("valeurs"), out.get("valeurs"))
                     and all(t.get(k) == out[k] for k in signature[5])), None)
        if twin is not None:
            twin["chemins"].append(finding.chemin)
            continue
        out["chemins"] = [finding.chemin]
        twins.append(out)
        constats.append(out)
    return constats, facts


# The keys of a lean finding compared apart when findings are merged; the others are its flags.
_COMPARED = ("regle", "statut", "message", "valeurs", "faits_lus", "manquants", "chemins")
