"""The engine: for each rule, the version in force on the meeting date, evaluated on the record.

One finding per rule and per subject (the meeting, or each deliberation for rules whose scope is
the deliberation). A rule with exceptions (`exception_de`) is decided together with them: the
exception that applies sets the verdict and the rule it overrides is reported as set aside; when
whether an exception applies is itself unknown, the verdict stands only if it is the same either way.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checker.confiance import gate
from checker.findings import (CONFORME, INDETERMINE, NON_APPLICABLE, NON_CONFORME, Fact, Finding,
                              format_value)
from checker.record import Record
from ruleset.expressions import TRACE_KEY, EvaluationError, referenced_names
from ruleset.model import Rule, Version
from ruleset.functions.incertitude import NON_ENCODE as NOT_ENCODED
from ruleset.messages import render as render_message
from ruleset.values import Missing, Unknown


@dataclass(slots=True)
class Outcome:
    status: str
    version: Version | None
    message: str = ""
    values: dict = field(default_factory=dict)
    trace: list = field(default_factory=list)
    missing: frozenset = frozenset()
    applicability_unknown: bool = False
    error: str | None = None
    set_aside_by: str | None = None


def _status_of(verdict) -> str:
    if verdict is True:
        return CONFORME
    if verdict is False:
        return NON_CONFORME
    if type(verdict) is Unknown:
        return INDETERMINE
    raise EvaluationError(f"l'exigence doit valoir vrai ou faux, elle vaut {verdict!r}")


class _Formatter(dict):
    def __missing__(self, key):
        return "{" + key + "}"


class Engine:
    def __init__(self, rules: tuple[Rule, ...] | list[Rule]):
        self.rules = list(rules)
        self.by_id = {r.id: r for r in self.rules}
        self.exceptions: dict[str, list[Rule]] = {}
        for rule in self.rules:
            if rule.exception_de:
                self.exceptions.setdefault(rule.exception_de, []).append(rule)
        self.base_rules = [r for r in self.rules if not r.exception_de]
        # A deliberation-scoped family whose expressions never read `deliberation` gives the same
        # outcome for every deliberation of a record: it is decided once per record.
        self.same_for_every_deliberation = {
            rule.id for rule in self.base_rules
            if rule.portee == "deliberation" and not any(
                _reads(version, "deliberation") for member in [rule] + self.exceptions.get(rule.id, [])
                for version in member.versions)
        }
        self._static_parts: dict = {}
        self._periods: dict = {}
        self._family_cache: dict = {}

    def check(self, record: Record, only: set[str] | None = None) -> list[Finding]:
        root = record.root
        date = record.date
        base_env = {
            "collectivite": root["collectivite"], "seance": root["seance"],
            "convocation": root["convocation"], "deliberations": root["deliberations"],
        }
        subjects = {"seance": [("seance", "séance", base_env)], "deliberation": []}
        for index, deliberation in enumerate(root["deliberations"]):
            env = dict(base_env)
            env["deliberation"] = deliberation
            numero = deliberation.get("numero")
            label = f"délibération {numero}" if isinstance(numero, str) else f"délibération n° {index + 1}"
            subjects["deliberation"].append((f"deliberations[{index}]", label, env))
        findings: list[Finding] = []
        append = findings.append
        for rule, family, shareable in self._families(only):
            shared = None
            for path, label, env in subjects[rule.portee]:
                if shared is None or not shareable:
                    shared = outcomes = self._decide(rule, family[1:], env, date)
                else:
                    outcomes = shared
                for member, outcome in zip(family, outcomes):
                    if only is None or member.id in only:
                        append(self._finding(member, outcome, path, label, date))
        return gate(findings, root)

    def _families(self, only: set[str] | None) -> list:
        """Each base rule with its exceptions, restricted to those `only` names, computed once."""
        key = None if only is None else frozenset(only)
        families = self._family_cache.get(key)
        if families is None:
            families = []
            for rule in self.base_rules:
                family = [rule] + self.exceptions.get(rule.id, [])
                if only is None or any(r.id in only for r in family):
                    families.append((rule, family, rule.id in self.same_for_every_deliberation))
            if len(self._family_cache) < 64:
                self._family_cache[key] = families
        return families

    def _decide(self, rule: Rule, exceptions: list[Rule], env: dict, date: dt.date) -> list[Outcome]:
        if not exceptions:
            return [self._evaluate(rule, env, date)]
        applies, unknown, results = [], [], {}
        env[TRACE_KEY] = None
        for exception in exceptions:
            version = exception.version_at(date)
            if version is None:
                results[exception.id] = self._not_in_force(exception, date)
                continue
            try:
                trigger = version.applicable(env) if version.applicable is not None else True
            except EvaluationError as exc:
                results[exception.id] = Outcome(INDETERMINE, version, error=str(exc))
                unknown.append(exception)
                continue
            if trigger is True:
                applies.append(exception)
            elif type(trigger) is Unknown:
                unknown.append(exception)
            else:
                results[exception.id] = Outcome(NON_APPLICABLE, version, _plain_message(version, NON_APPLICABLE))
        if len(applies) > 1:
            names = " et ".join(e.id for e in applies)
            conflict = f"conflit : {names} s'appliquent toutes deux au même cas"
            base = Outcome(INDETERMINE, rule.version_at(date), error=conflict)
            for exception in applies:
                results[exception.id] = Outcome(INDETERMINE, exception.version_at(date), error=conflict)
            return [base] + [results[e.id] for e in exceptions]
        if applies:
            winner = applies[0]
            results[winner.id] = self._evaluate(winner, env, date)
            base = Outcome(NON_APPLICABLE, rule.version_at(date),
                           f"Écartée par {winner.article} : {winner.titre}.", set_aside_by=winner.id)
            return [base] + [results[e.id] for e in exceptions]
        base = self._evaluate(rule, env, date)
        for exception in unknown:
            if exception.id in results:
                outcome = results[exception.id]
            else:
                outcome = self._evaluate(exception, env, date, force=True)
                results[exception.id] = outcome
            trigger_missing = _missing_of_applicability(exception, env, date)
            if outcome.status != base.status or outcome.error:
                base.status = INDETERMINE
                base.missing = base.missing | trigger_missing
                base.message = _render(rule.version_at(date), INDETERMINE, base.values) if base.version else base.message
                outcome.status = INDETERMINE
                outcome.missing = outcome.missing | trigger_missing
                outcome.message = _render(outcome.version, INDETERMINE, outcome.values)
            outcome.applicability_unknown = True
        return [base] + [results[e.id] for e in exceptions]

    def _not_in_force(self, rule: Rule, date: dt.date) -> Outcome:
        periods = self._periods.get(rule.id)
        if periods is None:
            periods = self._periods[rule.id] = ", ".join(v.period() for v in rule.versions)
        day = _DAY_LABELS.get(date)
        if day is None:
            day = date.strftime("%d/%m/%Y")
            if len(_DAY_LABELS) < 50_000:
                _DAY_LABELS[date] = day
        if date < rule.versions[0].du:
            # Before its first version the obligation may already have existed (a codification
            # restates older law): the earlier rules answer for that date, or, when none does,
            # the verdict is that the law of that date is not encoded — never that nothing applies.
            for earlier_id in rule.droit_anterieur:
                if self._answers_for(self.by_id.get(earlier_id), date):
                    return Outcome(NON_APPLICABLE, None,
                                   f"Règle non en vigueur le {day} : le droit de cette date relève de {earlier_id}.")
            obligation = rule.obligation_depuis
            if obligation is not None and date >= obligation.du:
                return Outcome(
                    INDETERMINE, None,
                    f"Droit applicable le {day} non encodé : l'obligation existait ({obligation.texte}), "
                    f"aucune version de la règle ne couvre cette date (versions : {periods}).",
                    missing=frozenset((Missing(f"{NOT_ENCODED} : {obligation.texte}"),)))
        return Outcome(NON_APPLICABLE, None, f"Règle non en vigueur le {day} (versions : {periods}).")

    def _answers_for(self, rule: Rule | None, date: dt.date) -> bool:
        """Whether `rule` gives the verdict on `date`: a version in force, or the law not encoded."""
        if rule is None:
            return False
        if rule.version_at(date) is not None:
            return True
        if date >= rule.versions[0].du:
            return False
        if rule.obligation_depuis is not None and date >= rule.obligation_depuis.du:
            return True
        return any(self._answers_for(self.by_id.get(e), date) for e in rule.droit_anterieur)

    def _evaluate(self, rule: Rule, env: dict, date: dt.date, force: bool = False) -> Outcome:
        version = rule.version_at(date)
        if version is None:
            return self._not_in_force(rule, date)
        trace: list = []
        # The subject's environment is reused from rule to rule: a version reads only the record
        # and the values it computes itself, in order, which the loader has checked.
        local = env
        local[TRACE_KEY] = trace
        values: dict = {}
        try:
            applicable = True
            if version.applicable is not None and not force:
                applicable = version.applicable(local)
                if applicable is False:
                    return Outcome(NON_APPLICABLE, version, _plain_message(version, NON_APPLICABLE), trace=trace)
                if applicable is not True and type(applicable) is not Unknown:
                    raise EvaluationError(f"la condition d'application doit valoir vrai ou faux, elle vaut {applicable!r}")
            for name, compute in version.valeurs:
                value = compute(local)
                local[name] = value
                values[name] = value
            verdict = version.exigence(local)
            status = _status_of(verdict)
        except EvaluationError as exc:
            return Outcome(INDETERMINE, version, "Règle non évaluable sur ce dossier.", values, trace,
                           error=str(exc))
        missing = verdict.missing if type(verdict) is Unknown else frozenset()
        applicability_unknown = type(applicable) is Unknown
        if applicability_unknown and status != CONFORME:
            # The requirement fails or cannot be decided, and whether it applies at all is unknown:
            # only a fulfilled requirement can be reported whatever the missing fact turns out to be.
            status = INDETERMINE
            missing = missing | applicable.missing
        return Outcome(status, version, _render(version, status, values), values, trace, missing,
                       applicability_unknown)

    def _finding(self, rule: Rule, outcome: Outcome, path: str, label: str, date: dt.date) -> Finding:
        version = outcome.version
        alinea, legiarti, base_url, period = self._static(rule, version)
        url = f"{base_url}/{date.isoformat()}" if base_url else None
        status = outcome.status
        if status == NON_APPLICABLE:
            return Finding(rule.id, rule.titre, rule.article, alinea, legiarti, url, period, status,
                           rule.gravite, outcome.message, path, label, outcome.values, [], [],
                           outcome.set_aside_by, outcome.error, rule.libelles)
        facts, seen = [], set()
        for node, key, value in outcome.trace:
            marker = (id(node), key)
            if marker in seen:
                continue
            seen.add(marker)
            source = node.sources.get(key)
            facts.append(Fact(node.child_path(key), value, source[0] if source else None))
        missing = ([Fact(m.path, None, m.source, m.asserted) for m in sorted(outcome.missing, key=_by_path)]
                   if outcome.missing else [])
        message = outcome.message
        if outcome.applicability_unknown and status == CONFORME:
            message += " (exigence remplie, que la règle s'applique ou non)"
        return Finding(rule.id, rule.titre, rule.article, alinea, legiarti, url, period, status,
                       rule.gravite, message, path, label, outcome.values, facts, missing,
                       outcome.set_aside_by, outcome.error, rule.libelles)

    def _static(self, rule: Rule, version: Version | None) -> tuple:
        """The parts of a finding that depend only on the rule's version, computed once."""
        key = (rule.id, id(version))
        cached = self._static_parts.get(key)
        if cached is None:
            if version is None:
                cached = (rule.alinea, None, None, None)
            else:
                cached = (version.alinea or rule.alinea, version.legiarti, rule.url(version), version.period())
            self._static_parts[key] = cached
        return cached


def _by_path(missing) -> str:
    return missing.path


def _reads(version: Version, name: str) -> bool:
    texts = [version.sources.get("applicable"), version.sources["exigence"], *version.sources["valeurs"].values()]
    return any(isinstance(text, str) and name in referenced_names(text) for text in texts)


def _missing_of_applicability(rule: Rule, env: dict, date: dt.date) -> frozenset:
    version = rule.version_at(date)
    if version is None or version.applicable is None:
        return frozenset()
    env[TRACE_KEY] = None
    try:
        trigger = version.applicable(env)
    except EvaluationError:
        return frozenset()
    return trigger.missing if type(trigger) is Unknown else frozenset()


_DAY_LABELS: dict = {}
_PLAIN: dict = {}


def _plain_message(version: Version, status: str) -> str:
    key = (id(version), status)
    text = _PLAIN.get(key)
    if text is None:
        template = version.messages.get(status)
        if template is None:
            text = "Règle sans objet pour ce dossier." if status == NON_APPLICABLE else ""
        else:
            text = render_message(template, {}, _Formatter, format_value)
        _PLAIN[key] = text
    return text


def _render(version: Version, status: str, values: dict) -> str:
    template = version.messages.get(status)
    if template is None:
        return ""
    return render_message(template, values, _Formatter, format_value)
