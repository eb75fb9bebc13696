"""The engine: for each rule, the version in force on the meeting date, evaluated on the record.

One finding per rule and per subject (the meeting, or each deliberation for rules whose scope is
the deliberation). A rule with exceptions (`exception_de`) is decided together with them: the
exception that applies sets the verdict and the rule it overrides is reported as set aside; when
whether an exception applies is itself unknown, the verdict stands only if it is the same either way.

The engine works from a plan per period: the stretches of dates in which the set of versions in
force does not change, each with its versions looked up once, and its readers: each path of the
meeting that the plan's compiled code reads is read once per record, each path of an act once per
act, and no path of a rule the plan does not hold. What a rule on each deliberation computes from
the meeting alone is computed for the record's first act and kept for the others (`MEMO`, see
`ruleset.compiler.generate.Memo`). Versions run compiled
(`ruleset.compiler`) unless the engine is built with `compiled=False` (or `DELIBCHECK_MOTEUR=interprete`);
the interpreter remains the specification, and any exception in compiled code re-runs it for the
rule. Each plan's steps are written out as one compiled function (`ruleset.compiler.plan`) that
the engine calls instead of looping over the steps; on any exception the loop decides the record
again. That function tests, once per act, the plain tests that open its rules' conditions of
application, and does not run a rule on an act where one of them is false. Statuses come first: a
finding's message is rendered only when it is read.
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
import threading
from dataclasses import dataclass, field
from functools import partial

from checker.confiance import gate
from checker.findings import (CONFORME, INDETERMINE, NON_APPLICABLE, NON_CONFORME, Fact, Finding,
                              format_value)
from checker.record import Record
from ruleset.compiler import DELIBERATION, MEETING, MEETING_READS, MEMO, READS, Reads
from ruleset.expressions import TRACE_KEY, EvaluationError, referenced_names
from ruleset.functions.incertitude import NON_ENCODE as NOT_ENCODED
from ruleset.messages import render as render_message
from ruleset.model import Rule, Version
from ruleset.values import Missing, Unknown

ROOT_NAMES = frozenset({"collectivite", "seance", "convocation", "deliberations"})
SCOPE_NAMES = {"seance": ROOT_NAMES, "deliberation": ROOT_NAMES | {"deliberation"}}


@dataclass(slots=True)
class Outcome:
    status: str
    version: Version | None
    # None: rendered from the version's template when the finding is made (see `Engine._message`).
    message: str | None = None
    values: dict = field(default_factory=dict)
    trace: list = field(default_factory=list)
    missing: frozenset = frozenset()
    applicability_unknown: bool = False
    error: str | None = None
    set_aside_by: str | None = None


def _guard_conjuncts(version: Version, compiled) -> tuple:
    """The guards of a compiled version (`ruleset.compiler.generate.guard_conjuncts`), none when
    its code or the guards made now would not call the same `defaut` and `connu` (a caller
    watching the rules' lenient calls must see the same calls with and without guards)."""
    text = version.sources.get("applicable")
    if text is None or not getattr(compiled, "plain", False):
        return ()
    from ruleset.compiler.generate import guard_conjuncts, lenient_plain
    if not lenient_plain():
        return ()
    return guard_conjuncts(text, SCOPE_NAMES["deliberation"])


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


_NOT_COMPILED = object()


class Engine:
    def __init__(self, rules: tuple[Rule, ...] | list[Rule], compiled: bool | None = None):
        self.rules = list(rules)
        self.compiled = (os.environ.get("DELIBCHECK_MOTEUR") != "interprete") if compiled is None else compiled
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
        # The dates at which some version starts or ends: between two of them, the same versions
        # are in force, and one plan serves every record.
        self._bounds = sorted({d for r in self.rules for v in r.versions for d in (v.du, v.au) if d is not None}
                              | {r.obligation_depuis.du for r in self.rules if r.obligation_depuis is not None})
        self._static_parts: dict = {}
        # Whether a version reads `deliberation`, by id(version) (see `_plan`).
        self._act_readers: dict = {}
        self._periods: dict = {}
        self._family_cache: dict = {}
        self._plans: dict = {}
        # The code of each plan's function and its recipe, by period (and `only`): cached with
        # the engine, bound again to the plan rebuilt after unpickling.
        self._plan_codes: dict = {}
        self._not_applicable: dict = {}
        self._uncovered_by_nature: dict = {}
        # Compiled versions by id(version); the positions of the paths their code reads ahead
        # (`Reads`), and the functions that read them, by kind and by the positions a plan needs:
        # each path a plan's versions read of the meeting is read once per record, each path
        # under `deliberation` once per act, and no other.
        self._compiled: dict = {}
        self._reads = Reads()
        self._readers: dict = {}
        # How many records the interpreter checks before versions are compiled (0: compiled on
        # first use). Generating and compiling the catalogue's code costs what the interpreter
        # takes for some thousands of records: a short run is over before that would pay (see
        # `checker.engine_cache`); once this many records are checked, each period compiles on
        # first use.
        self.compile_after = 0
        self._interpreted_records = 0
        # The periods whose plan has been compiled: the interpreter no longer stands in for them.
        self._compiled_periods: set = set()
        self._interpreter: Engine | None = None
        # Plans are built, and versions compiled, by one thread at a time: the positions of the
        # paths read ahead (`Reads`) are handed out as versions compile.
        self._lock = threading.Lock()

    def __getstate__(self):
        state = dict(self.__dict__)
        # Plans and outcomes shared between records are rebuilt on first use after unpickling;
        # compiled versions are keyed by rule and position, ids do not survive pickling.
        state["_plans"] = {}
        state["_not_applicable"] = {}
        state["_interpreted_records"] = 0
        state["_interpreter"] = None
        del state["_lock"]
        positions = {id(v): (r.id, i) for r in self.rules for i, v in enumerate(r.versions)}
        # Compiled versions, and whether a version reads the act (a walk of its texts, which a
        # run from the cache would otherwise make again for each plan), keyed by rule and position.
        for name in ("_compiled", "_act_readers"):
            state[name] = {positions[k]: v for k, v in getattr(self, name).items() if k in positions}
        return state

    def __setstate__(self, state):
        kept = {name: state.pop(name, {}) for name in ("_compiled", "_act_readers")}
        self.__dict__.update(state)
        self._lock = threading.Lock()
        for name, values in kept.items():
            setattr(self, name, {id(self.by_id[rule_id].versions[index]): value
                                 for (rule_id, index), value in values.items()})

    def compile_all(self) -> None:
        """Compile every version now (before the engine is cached), not on first use."""
        if not self.compiled:
            return
        with self._lock:
            for rule in self.rules:
                for version in rule.versions:
                    self._compiled_of(rule, version)
        self.compile_after = 0
        # The readers of every period's plan of the whole catalogue, cached with the engine.
        for period in range(len(self._bounds) + 1):
            self._plan(self._bounds[period - 1] if period else dt.date.min, None)

    @property
    def fully_compiled(self) -> bool:
        """Whether every version is compiled (or the engine runs the interpreter alone)."""
        return not self.compiled or len(self._compiled) == sum(len(rule.versions) for rule in self.rules)

    def compiled_count(self) -> int:
        return len(self._compiled)

    def _interpreted(self, date: dt.date) -> Engine | None:
        """The interpreter's engine while fewer than `compile_after` records have been checked
        and the period of `date` is not compiled, else None. It shares this engine's rules and
        the caches that do not depend on how a version runs; its outcomes are the compiled
        code's (the differential tests hold them equal)."""
        if self._interpreted_records >= self.compile_after:
            return None
        if bisect.bisect_right(self._bounds, date) in self._compiled_periods:
            return None
        self._interpreted_records += 1
        interpreter = self._interpreter
        if interpreter is None:
            interpreter = Engine.__new__(Engine)
            interpreter.__dict__.update(self.__dict__)
            interpreter.compiled = False
            interpreter.compile_after = 0
            interpreter._plans = {}
            interpreter._interpreter = None
            self._interpreter = interpreter
        return interpreter

    def check(self, record: Record, only: set[str] | None = None) -> list[Finding]:
        return self.findings_of(record, self.evaluate(record, only))

    def findings_of(self, record: Record, entries: list) -> list[Finding]:
        """The findings of `entries` (some of what `evaluate` gave for `record`), gated as `check` gates them."""
        date = record.date
        finding = self._finding
        # The facts of one record, made once: most findings of an act read the same few facts.
        facts: dict = {}
        return gate([finding(member, outcome, path, label, date, facts) for member, outcome, path, label in entries],
                    record.root)

    def evaluate(self, record: Record, only: set[str] | None = None) -> list[tuple]:
        """The outcomes of a record, each as (rule, outcome, subject path, subject label), in the
        order of `check`; no message is rendered and no finding made."""
        entries = self._evaluate_once(record, only)
        if record.root["seance"].get("presence_par_difference") is True:
            from checker import correlation
            split = correlation.points(record)
            if split:
                return correlation.merge(entries, [self._evaluate_once(point, only) for _, point in split])
        return entries

    def _evaluate_once(self, record: Record, only: set[str] | None = None) -> list[tuple]:
        if self.compile_after:
            interpreter = self._interpreted(record.date)
            if interpreter is not None:
                return interpreter._evaluate_once(record, only)
        root = record.root
        date = record.date
        base_env = {
            "collectivite": root["collectivite"], "seance": root["seance"],
            "convocation": root["convocation"], "deliberations": root["deliberations"],
        }
        plan, (meeting_reader, reader), function = self._plan(date, only)
        if self.compiled:
            # What the rules on each deliberation compute from the meeting alone, kept for the
            # record's other deliberations (`ruleset.compiler.generate.Memo`).
            base_env[MEMO] = {}
        if meeting_reader is not None:
            # Each path of the meeting that the plan's compiled code reads, read once per record.
            base_env[MEETING_READS] = meeting_reader.read(base_env, None)
        subjects = {"seance": [("seance", "séance", base_env)], "deliberation": []}
        for index, deliberation in enumerate(root["deliberations"]):
            env = dict(base_env)
            env["deliberation"] = deliberation
            if reader is not None:
                env[READS] = reader.read(env, None)
            numero = deliberation.get("numero")
            label = f"délibération {numero}" if isinstance(numero, str) else f"délibération n° {index + 1}"
            subjects["deliberation"].append((f"deliberations[{index}]", label, env))
        entries: list = []
        uncovered = self._uncovered(root["collectivite"].get("nature"))
        context = (subjects, entries, only, uncovered, date)
        if function is not None:
            try:
                return function(base_env, subjects["deliberation"], entries, uncovered, context)
            except Exception:
                # Compiled code failed on this record: the loop decides it again, and re-runs the
                # interpreter for the rule whose code failed (what the function kept of the
                # meeting in `MEMO` was computed right and is kept).
                entries.clear()
        step = self._step_entries
        for item in plan:
            step(item, context)
        return entries

    def _step_entries(self, item: tuple, context: tuple) -> None:
        """Adds to the record's entries the outcomes of one step of the plan (a family in its
        period) for each subject of its scope; the plan function (`ruleset.compiler.plan`) calls
        it for the steps it does not write out."""
        rule, family, shareable, versions, step = item
        subjects, entries, only, uncovered, date = context
        append = entries.append
        if rule.id in uncovered:
            # The law of another body (`organes`): neither applied, nor said « not encoded ».
            for path, label, _ in subjects[rule.portee]:
                for member, version in zip(family, versions):
                    if only is None or member.id in only:
                        append((member, self._not_covered(member, version), path, label))
            return
        shared = None
        if type(step) is tuple and not step[2]:
            # A compiled rule without exceptions: `_run_step` written out, as most rules are.
            # (With `only`, the plan holds it only if `only` names it: see `_families`.)
            run, not_applicable, _ = step
            version = versions[0]
            for path, label, env in subjects[rule.portee]:
                if shared is None or not shareable:
                    trace: list = []
                    try:
                        result = run(env, trace, False)
                        if result is None:
                            shared = not_applicable[0]
                        else:
                            shared = _outcome_of(version, result, trace)
                    except Exception:
                        # The interpreter is the specification: it decides, and explains the error.
                        shared = self._interpret(version, env)
                append((rule, shared, path, label))
            return
        if type(step) is list:
            # No member in force in this period: the same outcomes for every subject.
            shareable, shared = True, step
        for path, label, env in subjects[rule.portee]:
            if shared is not None and shareable:
                outcomes = shared
            elif step is not None:
                shared = outcomes = self._run_step(step, family, versions, env, date)
            else:
                shared = outcomes = self._decide(family, versions, env, date)
            if len(outcomes) == 1:
                if only is None or rule.id in only:
                    append((rule, outcomes[0], path, label))
                continue
            for member, outcome in zip(family, outcomes):
                if only is None or member.id in only:
                    append((member, outcome, path, label))

    def _family_decided(self, item: tuple, env: dict, context: tuple, position: int, value) -> list:
        """The outcomes of one step of the plan on one subject when the condition of its exception
        at `position` is `value` (true or unknown), those before it found neither: what `_run_step`
        does then, without computing the conditions again (the plan function calls it)."""
        _, family, _, versions, step = item
        known = {member.id: False for member, (earlier, _) in zip(family[1:], step[2][:position])
                 if earlier is not None}
        known[family[1 + position].id] = value
        return self._decide(family, versions, env, context[4], known)

    def _run_step(self, step: tuple, family: list, versions: tuple, env: dict, date: dt.date) -> list:
        """A compiled family, its outcomes made here without the calls of `_decide` and `_evaluate`
        in the common case: the rule applies or not, and none of its exceptions does. Any other
        case (an exception that applies or may apply, an error) goes through `_decide`."""
        run, not_applicable, triggers = step
        rest = []
        for trigger, outcome in triggers:
            if trigger is not None:
                try:
                    value = trigger(env, [])
                except Exception:
                    return self._decide(family, versions, env, date)
                if value is True or type(value) is Unknown:
                    # `_decide` takes the conditions computed here rather than computing them
                    # again: this one's value, and for those before it, found neither true nor
                    # unknown, False (which `_decide` reads alike: the exception does not apply).
                    known = {member.id: False for member, (earlier, _) in zip(family[1:], triggers[:len(rest)])
                             if earlier is not None}
                    known[family[1 + len(rest)].id] = value
                    return self._decide(family, versions, env, date, known)
            rest.append(outcome)
        trace: list = []
        try:
            result = run(env, trace, False)
            if result is None:
                return not_applicable + rest if rest else not_applicable
            first = _make_outcome(versions[0], result, trace)
        except Exception:
            # The interpreter is the specification: it decides, and explains the error.
            first = self._interpret(versions[0], env)
        return [first, *rest]

    def _plan(self, date: dt.date, only: set[str] | None) -> tuple:
        """The families with the version of each member in force on `date`, one list per period,
        and the readers of the meeting's and of each act's paths that their compiled code reads."""
        period = bisect.bisect_right(self._bounds, date)
        key = (period, None if only is None else frozenset(only))
        plan = self._plans.get(key)
        if plan is None:
            with self._lock:
                plan = self._plans.get(key)
                if plan is None:
                    steps = []
                    for rule, family, shareable in self._families(only):
                        versions = tuple(member.version_at(date) for member in family)
                        if not shareable and rule.portee == "deliberation":
                            # A family that reads the act in some versions only (the ICPE delays
                            # since 2015) is the same for every act in the periods of the others.
                            shareable = not any(self._reads_act(version) for version in versions)
                        steps.append((rule, family, shareable, versions, self._step(family, versions, date)))
                    plan = (steps, self._readers_of(steps), self._plan_function(key, steps))
                    if self.compiled:
                        self._compiled_periods.add(period)
                    if len(self._plans) < 512:
                        self._plans[key] = plan
        return plan

    def _reads_act(self, version: Version | None) -> bool:
        """Whether the expressions of `version` read `deliberation` (no version: nothing read)."""
        if version is None:
            return False
        found = self._act_readers.get(id(version))
        if found is None:
            found = self._act_readers[id(version)] = _reads(version, "deliberation")
        return found

    def _plan_function(self, key: tuple, steps: list):
        """The plan's steps written out as one compiled function (`ruleset.compiler.plan`), or None
        (the interpreter alone, or code that could not be made: the engine's loop then runs)."""
        if not self.compiled:
            return None
        from ruleset.compiler.plan import FAMILY, FIXED, GENERAL, SIMPLE
        only = key[1]
        layout = []
        # The plain tests that open the conditions of the plan's rules on each act, each once by
        # text (`ruleset.compiler.generate.guard_conjuncts`): the plan computes those that read the
        # meeting alone once per record, the others once per act, and runs a rule on an act only
        # where none of its own is false. Most rules on each act apply to few acts (a syndicate's
        # withdrawal, a vote by secret ballot): their runs that found them not applicable were a
        # sixth of the catalogue's evaluation.
        atoms: tuple = ({}, {})

        def guards_of(version) -> tuple:
            found: tuple = ([], [])
            if version is not None:
                for text in _guard_conjuncts(version, self._compiled.get(id(version))):
                    kind = 1 if "deliberation" in referenced_names(text) else 0
                    found[kind].append(atoms[kind].setdefault(text, len(atoms[kind])))
            return tuple(found[0]), tuple(found[1])

        for rule, family, shareable, versions, step in steps:
            on_each_act = rule.portee == "deliberation"
            kept = tuple(m for m, member in enumerate(family) if only is None or member.id in only)
            each = on_each_act and not shareable
            if type(step) is tuple and not step[2]:
                of_meeting = self._condition_of_meeting(family[0], versions[0])
                layout.append((SIMPLE, on_each_act, shareable, of_meeting,
                               guards_of(versions[0] if each and not of_meeting else None)))
            elif type(step) is tuple:
                of_meeting = tuple(version is not None and self._condition_of_meeting(member, version)
                                   for member, version in zip(family[1:], versions[1:]))
                # The base rule's guards, and each exception's whose condition reads the act.
                guards = (guards_of(versions[0] if each else None),
                          tuple(guards_of(version if each and not once else None)
                                for version, once in zip(versions[1:], of_meeting)))
                layout.append((FAMILY, on_each_act, shareable, tuple(t is not None for t, _ in step[2]), kept,
                               of_meeting, guards))
            elif type(step) is list:
                layout.append((FIXED, on_each_act, kept))
            else:
                layout.append((GENERAL,))
        layout = tuple(layout)
        texts = (tuple(atoms[0]), tuple(atoms[1]))
        made = self._plan_codes.get(key)
        if made is None or made[0] != layout or made[2] != texts:
            from ruleset.compiler import compile_guards, compile_plan
            guards = [None, None]
            for kind, scope in enumerate(("seance", "deliberation")):
                if texts[kind]:
                    guards[kind] = compile_guards(texts[kind], SCOPE_NAMES[scope], self._reads)
            taken = self._taken_by(steps)
            # The guards read what the plan's readers read, and nothing else: a path they alone
            # would read is not in the lists its reader makes.
            if any(texts[kind] and (guards[kind] is None or not guards[kind].reads <= taken) for kind in (0, 1)):
                guards = [None, None]
                none = ((), ())
                layout = tuple((*s[:4], none) if s[0] == SIMPLE
                               else (*s[:6], (none, tuple(none for _ in s[6][1]))) if s[0] == FAMILY else s
                               for s in layout)
            made = (layout, compile_plan(list(layout)), texts, tuple(guards))
            if len(self._plan_codes) < 512:
                self._plan_codes[key] = made
        if made[1] is None:
            return None
        from ruleset.compiler import plan_function
        code, recipe = made[1]
        return plan_function(code, tuple(self._bound(item, steps, made[3]) for item in recipe))

    def _condition_of_meeting(self, rule: Rule, version: Version) -> bool:
        """Whether `version` (of a rule on each act, compiled) has a condition of application that
        reads the meeting alone: its value is the same for every act of a record."""
        if rule.portee != "deliberation" or version.applicable is None:
            return False
        return "deliberation" not in referenced_names(version.sources["applicable"])

    def _bound(self, item: tuple, steps: list, guards=None):
        """The value of a plan function's generated name, from its place in the plan (`ruleset.compiler.plan`)."""
        kind = item[0]
        if kind == "value":
            return item[1]
        if kind == "meeting_guards":
            return guards[0].run
        if kind == "act_guards":
            return guards[1].run
        if kind == "general":
            return self._step_entries
        if kind == "make_outcome":
            return _make_outcome
        if kind == "outcome_class":
            return Outcome
        if kind == "conforme":
            return CONFORME
        if kind == "non_conforme":
            return NON_CONFORME
        if kind == "indetermine":
            return INDETERMINE
        if kind == "decided":
            return self._family_decided
        if kind == "either_way":
            return _either_way
        if kind == "unknown":
            return Unknown
        if kind == "type":
            return type
        rule, family, _, versions, step = steps[item[1]]
        if kind == "step":
            return steps[item[1]]
        if kind == "rule_id":
            return rule.id
        if kind == "rule":
            return rule
        if kind == "run":
            return step[0]
        if kind == "not_applicable":
            return step[1][0]
        if kind == "version":
            return versions[0]
        if kind == "member":
            return family[item[2]]
        if kind == "trigger":
            return step[2][item[2]][0]
        if kind == "rest":
            return step[2][item[2]][1]
        if kind == "not_covered":
            return self._not_covered(family[item[2]], versions[item[2]])
        if kind == "member_run":
            return self._compiled_of(family[1 + item[2]], versions[1 + item[2]]).run
        if kind == "member_version":
            return versions[1 + item[2]]
        if kind == "set_aside":
            return self._set_aside(versions[0], family[1 + item[2]])
        if kind == "not_applicable_all":
            return step[1] + [outcome for _, outcome in step[2]]
        if kind == "fixed_member":
            return step[item[2]]
        raise ValueError(f"unknown place in a plan: {item!r}")

    def _readers_of(self, steps: list) -> tuple:
        """(meeting's reader, act's reader) of the paths the compiled versions of `steps` read ahead."""
        if not self.compiled:
            return None, None
        taken = self._taken_by(steps)
        return tuple(self._reader(kind, frozenset(p for k, p in taken if k == kind))
                     for kind in (MEETING, DELIBERATION))

    def _taken_by(self, steps: list) -> set:
        """The (kind, position) of the paths the compiled versions of `steps` read ahead."""
        taken = set()
        for _, family, _, versions, _ in steps:
            for member, version in zip(family, versions):
                if version is not None:
                    compiled = self._compiled_of(member, version)
                    if compiled is not None:
                        taken |= compiled.reads
        return taken

    def _step(self, family: list, versions: tuple, date: dt.date):
        """What `_run_step` needs of a family in a period, or None when it must go through
        `_decide` (the interpreter, a version not compiled, the base rule not in force); when no
        member of the family is in force, its outcomes themselves (they depend on the period alone)."""
        if all(version is None for version in versions):
            return [self._not_in_force(member, date) for member in family]
        if not self.compiled:
            return None
        # Every version of the plan is compiled now, so that the readers know their paths
        # before any record is read.
        compiled = [self._compiled_of(m, v) if v is not None else None for m, v in zip(family, versions)]
        if versions[0] is None or compiled[0] is None:
            return None
        triggers = []
        for member, version, code in zip(family[1:], versions[1:], compiled[1:]):
            if version is None:
                triggers.append((None, self._not_in_force(member, date)))
            elif code is None or code.trigger is None:
                return None
            else:
                triggers.append((code.trigger, self._not_applicable_outcome(version)))
        return compiled[0].run, [self._not_applicable_outcome(versions[0])], tuple(triggers)

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

    def _decide(self, family: list[Rule], versions: tuple, env: dict, date: dt.date,
                known: dict | None = None) -> list[Outcome]:
        """The outcomes of a family; `known` holds the conditions of application already computed
        by the compiled code, by exception id."""
        rule = family[0]
        if known is None:
            known = {}
        if len(family) == 1:
            return [self._evaluate(rule, versions[0], env, date)]
        exceptions = family[1:]
        applies, unknown, results = [], [], {}
        for exception, version in zip(exceptions, versions[1:]):
            if version is None:
                results[exception.id] = self._not_in_force(exception, date)
                continue
            try:
                trigger = known[exception.id] if exception.id in known else self._trigger(exception, version, env)
            except EvaluationError as exc:
                results[exception.id] = Outcome(INDETERMINE, version, error=str(exc))
                unknown.append((exception, version))
                continue
            if trigger is True:
                applies.append((exception, version))
            elif type(trigger) is Unknown:
                unknown.append((exception, version))
            else:
                results[exception.id] = self._not_applicable_outcome(version)
        if len(applies) > 1:
            names = " et ".join(e.id for e, _ in applies)
            conflict = f"conflit : {names} s'appliquent toutes deux au même cas"
            base = Outcome(INDETERMINE, versions[0], "", error=conflict)
            for exception, version in applies:
                results[exception.id] = Outcome(INDETERMINE, version, "", error=conflict)
            return [base] + [results[e.id] for e in exceptions]
        if applies and unknown:
            # One exception applies and another may apply too: were it to, the two would conflict
            # (above). Until the facts of the other are known nothing is decided, and what is asked
            # for is what decides whether it applies.
            winner = applies[0][0]
            names = " et ".join(e.id for e, _ in unknown)
            conflict = f"conflit possible : {winner.id} s'applique et {names} peut s'appliquer aussi"
            missing = frozenset().union(*(self._missing_of_applicability(e, v, env, known.get(e.id))
                                          for e, v in unknown))
            base = Outcome(INDETERMINE, versions[0], "", missing=missing, error=conflict)
            for exception, version in applies + unknown:
                results[exception.id] = Outcome(INDETERMINE, version, "", missing=missing, error=conflict)
            return [base] + [results[e.id] for e in exceptions]
        if applies:
            winner, version = applies[0]
            results[winner.id] = self._evaluate(winner, version, env, date)
            return [self._set_aside(versions[0], winner)] + [results[e.id] for e in exceptions]
        base = self._evaluate(rule, versions[0], env, date)
        for exception, version in unknown:
            if exception.id in results:
                outcome = results[exception.id]
            else:
                outcome = self._evaluate(exception, version, env, date, force=True)
            trigger_missing = self._missing_of_applicability(exception, version, env, known.get(exception.id))
            base, results[exception.id] = _either_way(base, outcome, trigger_missing)
        return [base] + [results[e.id] for e in exceptions]

    def _set_aside(self, version: Version | None, winner: Rule) -> Outcome:
        """The outcome of a rule set aside by its exception `winner`: the same for every subject,
        shared (as « non applicable » outcomes are: never changed, copied to be)."""
        key = ("ecartee", id(version), winner.id)
        outcome = self._not_applicable.get(key)
        if outcome is None:
            outcome = self._not_applicable[key] = Outcome(
                NON_APPLICABLE, version, f"Écartée par {winner.article} : {winner.titre}.", set_aside_by=winner.id)
        return outcome

    def _not_in_force(self, rule: Rule, date: dt.date) -> Outcome:
        """The outcome of a rule with no version in force on `date`: the same for every date of a
        period (see `_absence`), shared, its message rendered from the date when read."""
        key = (rule.id, bisect.bisect_right(self._bounds, date))
        outcome = self._not_applicable.get(key)
        if outcome is None:
            kind, detail = self._absence(rule, date)
            if kind == "non_encode":
                outcome = Outcome(INDETERMINE, None,
                                  missing=frozenset((Missing(f"{NOT_ENCODED} : {detail.texte}"),)))
            else:
                outcome = Outcome(NON_APPLICABLE, None)
            self._not_applicable[key] = outcome
        return outcome

    def _absence(self, rule: Rule, date: dt.date) -> tuple:
        """Why `rule` has no version on `date`: (« anterieur », the earlier rule that answers),
        (« non_encode », the obligation that existed) or (« hors_vigueur », None)."""
        if date < rule.versions[0].du:
            # Before its first version the obligation may already have existed (a codification
            # restates older law): the earlier rules answer for that date, or, when none does,
            # the verdict is that the law of that date is not encoded — never that nothing applies.
            for earlier_id in rule.droit_anterieur:
                if self._answers_for(self.by_id.get(earlier_id), date):
                    return "anterieur", earlier_id
            obligation = rule.obligation_depuis
            if obligation is not None and date >= obligation.du:
                return "non_encode", obligation
        return "hors_vigueur", None

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

    def _uncovered(self, nature) -> frozenset:
        """The base rules that do not cover a body of this nature (a département meets none of
        the commune's rules), computed once per nature."""
        try:
            found = self._uncovered_by_nature.get(nature)
        except TypeError:
            nature, found = None, None
        if found is None:
            found = self._uncovered_by_nature[nature] = frozenset(
                rule.id for rule in self.base_rules if not rule.covers(nature))
        return found

    def _not_covered(self, rule: Rule, version: Version | None) -> Outcome:
        key = (rule.id, "organe", id(version))
        outcome = self._not_applicable.get(key)
        if outcome is None:
            covered = rule.organes_label() or "les communes et leurs groupements"
            outcome = self._not_applicable[key] = Outcome(
                NON_APPLICABLE, version, f"Règle d'un autre organe délibérant ({covered}) : elle ne s'applique pas à celui-ci.")
        return outcome

    def _not_applicable_outcome(self, version: Version) -> Outcome:
        key = id(version)
        outcome = self._not_applicable.get(key)
        if outcome is None:
            outcome = self._not_applicable[key] = Outcome(NON_APPLICABLE, version)
        return outcome

    def _compiled_of(self, rule: Rule, version: Version):
        compiled = self._compiled.get(id(version), _NOT_COMPILED)
        if compiled is _NOT_COMPILED:
            from ruleset.compiler import compile_version
            compiled = self._compiled[id(version)] = compile_version(
                version.sources, SCOPE_NAMES[rule.portee], self._reads, rule.portee == "deliberation")
        return compiled

    def _reader(self, kind: str, positions: frozenset):
        """The function that reads the paths of `kind` (the meeting's or an act's) at `positions`
        into a list that places every such path of the engine up to the last one asked for,
        positions not asked for left empty: compiled versions find each path at its position
        whatever the plan."""
        if not positions:
            return None
        size = self._reads.size(kind)
        key = (kind, positions, size)
        reader = self._readers.get(key)
        if reader is None:
            from ruleset.compiler import compile_reader
            reader = self._readers[key] = compile_reader(self._reads.of(kind, positions), size, SCOPE_NAMES[kind])
        return reader

    def _trigger(self, rule: Rule, version: Version, env: dict):
        """The value of the version's condition of application, as the interpreter gives it."""
        if version.applicable is None:
            return True
        if self.compiled:
            compiled = self._compiled_of(rule, version)
            if compiled is not None:
                try:
                    return compiled.trigger(env, [])
                except Exception:
                    pass
        env[TRACE_KEY] = None
        return version.applicable(env)

    def _missing_of_applicability(self, rule: Rule, version: Version | None, env: dict, trigger=None) -> frozenset:
        if version is None or version.applicable is None:
            return frozenset()
        if trigger is None:
            try:
                trigger = self._trigger(rule, version, env)
            except EvaluationError:
                return frozenset()
        return trigger.missing if type(trigger) is Unknown else frozenset()

    def _evaluate(self, rule: Rule, version: Version | None, env: dict, date: dt.date,
                  force: bool = False) -> Outcome:
        if version is None:
            return self._not_in_force(rule, date)
        if self.compiled:
            compiled = self._compiled_of(rule, version)
            if compiled is not None:
                trace: list = []
                try:
                    result = compiled.run(env, trace, force)
                    if result is None:
                        return self._not_applicable_outcome(version)
                    return _make_outcome(version, result, trace)
                except Exception:
                    # The interpreter is the specification: it decides, and explains the error.
                    return self._interpret(version, env, force)
        return self._interpret(version, env, force)

    def _interpret(self, version: Version, env: dict, force: bool = False) -> Outcome:
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
                    return self._not_applicable_outcome(version)
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
        return Outcome(status, version, None, values, trace, missing, applicability_unknown)

    def message(self, rule: Rule, outcome: Outcome, date: dt.date) -> str:
        """The outcome's message, rendered now (statuses are decided without it)."""
        if outcome.message is not None:
            return outcome.message
        version = outcome.version
        if version is None:
            periods = self._periods.get(rule.id)
            if periods is None:
                periods = self._periods[rule.id] = ", ".join(v.period() for v in rule.versions)
            day = _DAY_LABELS.get(date)
            if day is None:
                day = date.strftime("%d/%m/%Y")
                if len(_DAY_LABELS) < 50_000:
                    _DAY_LABELS[date] = day
            kind, detail = self._absence(rule, date)
            if kind == "anterieur":
                return f"Règle non en vigueur le {day} : le droit de cette date relève de {detail}."
            if kind == "non_encode":
                return (f"Droit applicable le {day} non encodé : l'obligation existait ({detail.texte}), "
                        f"aucune version de la règle ne couvre cette date (versions : {periods}).")
            return f"Règle non en vigueur le {day} (versions : {periods})."
        if outcome.status == NON_APPLICABLE:
            return _plain_message(version, NON_APPLICABLE)
        return _render(version, outcome.status, outcome.values)

    def _finding(self, rule: Rule, outcome: Outcome, path: str, label: str, date: dt.date,
                 known: dict | None = None) -> Finding:
        """The finding of an outcome; `known` holds the facts already made for the record, by node and key
        (a record is not changed while its findings are made, and a fact is never changed once made)."""
        version = outcome.version
        alinea, legiarti, base_url, period = self._static(rule, version)
        if base_url:
            day = _ISO_DAYS.get(date)
            if day is None:
                day = date.isoformat()
                if len(_ISO_DAYS) < 50_000:
                    _ISO_DAYS[date] = day
            url = f"{base_url}/{day}"
        else:
            url = None
        status = outcome.status
        if status == NON_APPLICABLE:
            return Finding(rule.id, rule.titre, rule.article, alinea, legiarti, url, period, status,
                           rule.gravite, self.message(rule, outcome, date), path, label, outcome.values, [], [],
                           outcome.set_aside_by, outcome.error, rule.libelles)
        # The message is rendered when read: a lean report reads those of non-compliant findings only.
        message, render = outcome.message, None
        if message is None and version is None:
            message = self.message(rule, outcome, date)
        elif message is None:
            render = partial(_render, version, status, outcome.values,
                             outcome.applicability_unknown and status == CONFORME)
        if known is None:
            known = {}
        # The trace holds each fact once, in the order first read (`ruleset.expressions.read_path`).
        facts = []
        for node, key, value in outcome.trace:
            marker = (id(node), key)
            fact = known.get(marker)
            if fact is None:
                source = node.sources.get(key)
                fact = known[marker] = Fact(node.child_path(key), value, source[0] if source else None)
            facts.append(fact)
        missing = ([Fact(m.path, None, m.source, m.asserted) for m in sorted(outcome.missing, key=_by_path)]
                   if outcome.missing else [])
        if message is not None and outcome.applicability_unknown and status == CONFORME:
            message += _EITHER_WAY
        return Finding(rule.id, rule.titre, rule.article, alinea, legiarti, url, period, status,
                       rule.gravite, message, path, label, outcome.values, facts, missing,
                       outcome.set_aside_by, outcome.error, rule.libelles, None, render)

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


def _outcome_of(version: Version, result: tuple, trace: list) -> Outcome:
    """The outcome of a compiled version's result (not None), the common case first."""
    applicable, values, verdict = result
    if applicable is True:
        if verdict is True:
            return Outcome(CONFORME, version, None, values, trace)
        if verdict is False:
            return Outcome(NON_CONFORME, version, None, values, trace)
    return _make_outcome(version, result, trace)


def _make_outcome(version: Version, result: tuple, trace: list) -> Outcome:
    """The outcome of a compiled version's (applicable, values, verdict), as `_interpret` makes it;
    raises on a verdict that is not one (the interpreter then explains it)."""
    applicable, values, verdict = result
    if verdict is True:
        status, missing = CONFORME, frozenset()
    elif verdict is False:
        status, missing = NON_CONFORME, frozenset()
    elif type(verdict) is Unknown:
        status, missing = INDETERMINE, verdict.missing
    else:
        raise EvaluationError("not a verdict")
    applicability_unknown = type(applicable) is Unknown
    if applicability_unknown and status != CONFORME:
        status = INDETERMINE
        missing = missing | applicable.missing
    return Outcome(status, version, None, values, trace, missing, applicability_unknown)


def _either_way(base: Outcome, outcome: Outcome, trigger_missing: frozenset) -> tuple:
    """(the rule's outcome, the exception's) when whether the exception applies is unknown
    (`trigger_missing`: what would tell), `outcome` being the exception's decided as if it
    applied: the verdict stands only where both give it, else both are indeterminate, missing
    what would tell whether it applies."""
    if outcome.status != base.status or outcome.error:
        # Outcomes may be shared between records (« non applicable »): changed, they are copied.
        base = _copy(base)
        base.status = INDETERMINE
        base.missing = base.missing | trigger_missing
        if base.version is not None:
            base.message = None
        outcome = _copy(outcome)
        outcome.status = INDETERMINE
        outcome.missing = outcome.missing | trigger_missing
        outcome.message = None
    else:
        outcome = _copy(outcome)
    outcome.applicability_unknown = True
    return base, outcome


def _copy(outcome: Outcome) -> Outcome:
    return Outcome(outcome.status, outcome.version, outcome.message, outcome.values, outcome.trace,
                   outcome.missing, outcome.applicability_unknown, outcome.error, outcome.set_aside_by)


def _by_path(missing) -> str:
    return missing.path


def _reads(version: Version, name: str) -> bool:
    texts = [version.sources.get("applicable"), version.sources["exigence"], *version.sources["valeurs"].values()]
    return any(isinstance(text, str) and name in referenced_names(text) for text in texts)


_DAY_LABELS: dict = {}
_ISO_DAYS: dict = {}


def _plain_message(version: Version, status: str) -> str:
    # Kept on the version itself (as `Version.period`), not by its id in a table of the module: a
    # version freed (another catalogue loaded, a cache dropped) leaves its id to a new one, which
    # would have been given the old version's message.
    kept = version.__dict__.get("_plain")
    if kept is None:
        kept = version.__dict__["_plain"] = {}
    text = kept.get(status)
    if text is None:
        template = version.messages.get(status)
        if template is None:
            text = "Règle sans objet pour ce dossier." if status == NON_APPLICABLE else ""
        else:
            text = render_message(template, {}, _Formatter, format_value)
        kept[status] = text
    return text


_EITHER_WAY = " (exigence remplie, que la règle s'applique ou non)"


def _render(version: Version, status: str, values: dict, either_way: bool = False) -> str:
    template = version.messages.get(status)
    text = render_message(template, values, _Formatter, format_value) if template is not None else ""
    return text + _EITHER_WAY if either_way else text
