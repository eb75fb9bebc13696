"""One result per input: the record's findings, or the error that kept it from being checked."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.findings import (A_VENIR, CONFORME, ERREUR, INDETERMINE, NON_APPLICABLE, NON_CONFORME, Finding,
                              act_status)
from checker.record import Record
from ruleset.values import Node, NodeList
from ruleset.errors import InputError
from checker.evidence import ActFacts, LightFinding, lean_findings


# The version of the JSON output (`checker/schemas/resultat.schema.json`): a field added is a minor
# change ("1.1"), a field removed or changed in meaning a major one ("2.0").
SCHEMA_VERSION = "2.0"
COUNTED = (CONFORME, NON_CONFORME, INDETERMINE, A_VENIR, NON_APPLICABLE)


# `checker.decision.decide` and the déféré deadline's rule id, imported on first use (a report
# with no decision does not load the decision's modules), then kept: an import statement run
# again costs 4 000 to 8 000 instructions each time, three of them a tenth of an act's decide.
_DECISION: tuple | None = None


def _decision() -> tuple:
    global _DECISION
    if _DECISION is None:
        from checker.decision import decide
        from checker.decision.echeance import DELAI_REGLE
        _DECISION = decide, DELAI_REGLE
    return _DECISION


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
            cached = self.__dict__["_decision"] = (_DECISION or _decision())[0](self.record, self.findings)
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

    The engine decides every rule (`Engine.evaluate`); a finding is made only for what is
    undecided or non-compliant (and for the rules the decision per act reads: those with such a
    finding, and the déféré deadline), the rest being kept as statuses; those are made light
    (`checker.evidence`: what the lean line and the decision read, straight from the outcome),
    the non-compliant ones in full when the gate or the reference data could change them. Its
    JSON (`to_dict`) is the lean report: act status, counts, the full evidence of `non_conforme`
    and `indetermine` findings, `conforme` rules by subject and `non_applicable` ones counted
    (listed by subject with `show_all`). `findings` still gives
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
        self._counts = None
        # Whether `evidence` left out the findings that the decision reads only the subject of.
        self._partial = False

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

    def evidence(self) -> list:
        """The findings that reports and the decision read: every finding of a rule that is
        `non_conforme` or `indetermine` somewhere in the act, and the déféré deadline's. They are
        made light (`checker.evidence`), the non-compliant ones in full when the gate or the
        reference data could change them (`_as_read`), and all in full when the record's reading
        set facts aside, whose missing facts the gate then explains."""
        if self._evidence is None:
            if self._all is not None:
                made, chosen = self._entries, self._all
                changed = _changes(made, chosen)
            else:
                # The few entries that are not `non_applicable` (a fifth of an act's), taken in
                # one pass, are counted and give the rules to show, the findings the decision
                # reads and the `conforme` rules by subject in another (a `Counter` of them cost
                # more than the count in that loop); the others are counted by difference.
                DELAI_REGLE = (_DECISION or _decision())[1]
                entries = self._entries
                live = [entry for entry in entries if entry[1].status != NON_APPLICABLE]
                counts: dict | None = dict.fromkeys(COUNTED, 0)
                counts[NON_APPLICABLE] = len(entries) - len(live)
                wanted = {DELAI_REGLE}
                conformes: dict = {}
                # The findings shown and the déféré deadline's, in the entries' order, and the
                # non-compliant ones among them (every one of them is in `made` below, in order).
                shown: list = []
                wrong: list = []
                deadlines = 0
                for entry in live:
                    status = entry[1].status
                    counts[status] += 1
                    rule_id = entry[0].id
                    if status == CONFORME:
                        listed = conformes.get(entry[2])
                        if listed is None:
                            conformes[entry[2]] = [rule_id]
                        else:
                            listed.append(rule_id)
                    elif status == NON_CONFORME or status == INDETERMINE:
                        wanted.add(rule_id)
                        shown.append(entry)
                        if status == NON_CONFORME:
                            wrong.append(entry)
                        if rule_id == DELAI_REGLE:
                            deadlines += 1
                        continue
                    if rule_id == DELAI_REGLE:
                        shown.append(entry)
                        deadlines += 1
                root = self.record.root
                if conformes and _set_aside(root):
                    from checker.confiance import contradicted
                    if contradicted(root):
                        # A fact kept though a cross-check contradicts it: the gate may make a
                        # `conforme` resting on it undecided, so those findings are made too.
                        wanted.update(rule for rules in conformes.values() for rule in rules)
                if (deadlines == len(root["deliberations"]) and not _set_aside(root)
                        and root["seance"].get("presence_par_difference") is not True):
                    # Every deadline found among the entries that apply (one per deliberation):
                    # the decision needs of the other findings of the rules shown only their
                    # subjects, asked of the entries when it asks for documents (`subjects`).
                    made = shown
                    self._partial = True
                else:
                    made = [entry for entry in entries if entry[0].id in wanted]
                if _set_aside(self.record.root):
                    chosen = self._made(made)
                    changed = _changes(made, chosen)
                else:
                    chosen, changed = self._light(made, wrong)
                if changed:
                    # The gate turned non-compliances into undecided findings: counted again (a
                    # change to or from `conforme`, which the gate never makes, is left to `_tally`).
                    moved = [(entry[1].status, changed[id(entry)]) for entry in made if id(entry) in changed]
                    if any(CONFORME in pair for pair in moved):
                        counts = None
                    else:
                        for before, now in moved:
                            counts[before] -= 1
                            counts[now] = counts.get(now, 0) + 1
                if counts is not None:
                    self._counts = counts, conformes
            self._changed = changed
            self._evidence = chosen
        return self._evidence

    def _light(self, made: list, wrong: list) -> tuple[list, dict]:
        """The findings of `made`, the non-compliant ones (`wrong`, those of `made` in its order)
        in full unless nothing would change them, and the statuses the gate changed."""
        act = ActFacts(self._engine, self.record, self._annotate)
        if not wrong or self._as_read():
            # Nothing the gate or the reference data would change: the non-compliant findings
            # too are light, their message rendered when read.
            return LightFinding.made(made, act), {}
        light = iter(LightFinding.made([e for e in made if e[1].status != NON_CONFORME], act))
        chosen = [next(light) if e[1].status != NON_CONFORME else None for e in made]
        changed = {}
        if wrong:
            full = iter(self._made(wrong))
            for position, entry in enumerate(made):
                if chosen[position] is None:
                    finding = chosen[position] = next(full)
                    if finding.statut != NON_CONFORME:
                        changed[id(entry)] = finding.statut
        return chosen, changed

    def _as_read(self) -> bool:
        """Whether the findings of this record are what the engine gave, as they stand: no fact of
        the record carries a confidence (the gate, `checker.confiance`, then changes nothing), the
        reference data filled nothing and found no difference (`annotate` adds no note), and no
        deliberation was decided apart (a presence by difference: its facts are another record's)."""
        record = self.record
        root = record.root
        if root["seance"].get("presence_par_difference") is True:
            return False
        lecture = root.get("lecture")
        if isinstance(lecture, dict) and lecture.get("confiances"):
            return False
        if self._annotate is not None:
            report = record.referentiel
            if report is not None and (report.remplis or report.ecarts):
                return False
        # Known from the record's decoding when it was built from data (no walk of its nodes).
        given = record.confiances
        return not (_confidences(root) if given is None else given)

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

    def _tally(self) -> tuple[dict, dict]:
        """The count of each status and the `conforme` rules by subject, in one pass."""
        self.evidence()
        if self._counts is None:
            counts: dict = dict.fromkeys(COUNTED, 0)
            conformes: dict = {}
            changed = self._changed
            if changed is None:
                for rule_id, path, status in self._statuses():
                    counts[status] = counts.get(status, 0) + 1
                    if status == CONFORME:
                        conformes.setdefault(path, []).append(rule_id)
            else:
                for entry in self._entries:
                    status = entry[1].status
                    if changed:
                        status = changed.get(id(entry), status)
                    counts[status] = counts.get(status, 0) + 1
                    if status == CONFORME:
                        listed = conformes.get(entry[2])
                        if listed is None:
                            conformes[entry[2]] = [entry[0].id]
                        else:
                            listed.append(entry[0].id)
            self._counts = counts, conformes
        return self._counts

    @property
    def decision(self):
        if self.error is not None:
            return None
        cached = self.__dict__.get("_decision")
        if cached is None:
            decide = (_DECISION or _decision())[0]
            findings = self.evidence()
            cached = self.__dict__["_decision"] = decide(self.record, findings,
                                                         self._subjects if self._partial else None)
        return cached

    def _subjects(self, rules: set) -> list[str]:
        """The subject of every entry of these rules, whatever its status."""
        return [entry[2] for entry in self._entries if entry[0].id in rules]

    @property
    def statut(self) -> str:
        counts = self._tally()[0]
        for status in (NON_CONFORME, INDETERMINE, A_VENIR, CONFORME):
            if counts.get(status):
                return status
        return NON_APPLICABLE

    def deadline(self):
        """The soonest `echeance_deferee` any outcome computed (the batch's `--tri echeance`)."""
        import datetime as dt
        days = [e[1].values.get("echeance_deferee") for e in self._entries]
        days = [d for d in days if isinstance(d, dt.date)]
        return min(days) if days else None

    def to_dict(self, show_all: bool = False) -> dict:
        counts, conformes = self._tally()
        out: dict = {"schema_version": SCHEMA_VERSION, "fichier": self.chemin, "ligne": self.ligne,
                     "statut": self.statut}
        self._header(out)
        out["compte"] = {status: counts[status] for status in COUNTED}
        decision = self.decision
        if decision is not None:
            out["decision"] = decision.to_lean_dict()
        out["preuves"] = "resumees"
        out["constats"], out["faits"] = lean_findings(
            [f for f in self.evidence() if f.statut == NON_CONFORME or f.statut == INDETERMINE])
        out["conformes"] = {path: list(rules) for path, rules in conformes.items()}
        if show_all:
            absent: dict = {}
            for rule_id, path, status in self._statuses():
                if status == NON_APPLICABLE:
                    absent.setdefault(path, []).append(rule_id)
            out["non_applicables"] = absent
        return out


def _changes(made: list, findings: list) -> dict | None:
    """The statuses the gate changed (`checker.confiance`), by entry; None when the findings do
    not follow the entries (set from outside)."""
    if len(made) != len(findings):
        return None
    return {id(entry): finding.statut for entry, finding in zip(made, findings) if finding.statut != entry[1].status}


def _confidences(node) -> bool:
    """Whether some fact of the record was given with a confidence (a fact derived from others
    only inherits theirs)."""
    sources = node._sources if type(node) is Node else None
    if sources:
        for _, confidence in sources.values():
            if confidence is not None:
                return True
    for value in (node.values() if type(node) is Node else node):
        kind = type(value)
        if (kind is Node or kind is NodeList) and _confidences(value):
            return True
    return False


def _set_aside(root) -> bool:
    """Whether the reading of the record set facts aside (`lecture.rejetees`): the gate then
    explains the missing facts of every finding (`checker.confiance.gate`)."""
    lecture = root.get("lecture") if hasattr(root, "get") else None
    return isinstance(lecture, dict) and bool(lecture.get("rejetees"))
