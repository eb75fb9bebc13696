"""One straight-line function per plan: the engine's loop over a period's rules, written out.

A plan (`checker.engine.Engine._plan`) lists, for a stretch of dates, each rule with the version
in force and how it is decided. For most rules that is one compiled function called for each
subject (the meeting, or each act), its result turned into an outcome; the engine's loop did it
rule after rule, and its bookkeeping cost as much as a small rule. This writes that loop out as
one function, from fixed templates, in the rules' order, so that the entries come out exactly
as the loop gives them.

The source holds no rule data either: every object it uses (a rule, its compiled function, the
outcome « non applicable » of a version, the engine's own step for a family with exceptions) is
bound to a generated name, described in the recipe as a place in the plan (`("run", 3)`: the
compiled function of the plan's fourth step), so that the compiled code can be cached with the
engine and bound again to the plan rebuilt after unpickling. It is checked against the same
closed grammar as rule code before it is compiled. The function has no `try`: any exception
leaves it, and the engine then decides the record again with its loop, which re-runs the
interpreter for the rule whose compiled code failed.
"""
from __future__ import annotations

from functools import partial

from ruleset.compiler.generate import Constants, Writer

# A step of the layout: ("simple", on each deliberation, same for every deliberation, its
# condition of application reads the meeting alone, the positions of its guards: the plain tests
# that open its condition, among the plan's, see `generate.guard_conjuncts`);
# ("family", on each deliberation, same for every deliberation, for each exception whether it is
# in force, the members whose outcomes are kept, for each exception whether its condition reads
# the meeting alone, the guards of the base rule and of each exception): a compiled rule with
# exceptions, decided here
# when none applies or may apply and by the engine's `_family_decided` otherwise; ("fixed", on each
# deliberation, the members kept): no member in force, the same outcomes for every subject;
# ("general",): decided by the engine's own step (not compiled).
SIMPLE, FAMILY, FIXED, GENERAL = "simple", "family", "fixed", "general"


class _Recipe:
    """The generated names of a plan function and, for each, the place of its value in the plan."""

    def __init__(self):
        self.items: list = []
        self._names: dict = {}

    def name(self, item: tuple) -> str:
        found = self._names.get(item)
        if found is None:
            found = self._names[item] = f"k{len(self.items)}"
            self.items.append(item)
        return found


def plan_source(layout: list) -> tuple[str, tuple]:
    """Source of `f0(env, acts, out, un, cx)` and its recipe.

    `env` is the meeting's environment, `acts` the list of (path, label, environment) of each
    act, `out` the list of entries (rule, outcome, path, label) it fills, `un` the ids of the
    rules that do not cover this body, and `cx` what the engine's own step needs (passed on)."""
    recipe = _Recipe()
    k = recipe.name
    w = Writer(Constants())
    general = k(("general",))
    guarded = None
    used = [guards for step in layout for guards in _every_guard(step)]
    if any(of_meeting or of_act for of_meeting, of_act in used):
        # The plan's guards computed before any rule, each once: those that read the meeting alone
        # once per record (`meeting_guards` gives their values in a tuple), those that read the
        # act once per act (`act_guards`); each act is walked as (path, label, environment,
        # values of its guards) by the rules they guard.
        guarded = (w.temp("l"), w.temp("t"))
        w.line(f"{guarded[1]} = None")
        if any(of_meeting for of_meeting, _ in used):
            w.line("if acts:")
            with w.block():
                w.line(f"{guarded[1]} = {k(('meeting_guards',))}(env, [])")
        w.line(f"{guarded[0]} = []")
        act_path, act_label, act_env = _act(w)
        with w.block():
            values = f"{k(('act_guards',))}({act_env}, [])" if any(of_act for _, of_act in used) else "None"
            w.line(f"{guarded[0]}.append(({act_path}, {act_label}, {act_env}, {values}))")
    for index, step in enumerate(layout):
        if step[0] == GENERAL:
            w.line(f"{general}({k(('step', index))}, cx)")
            continue
        w.line(f"if {k(('rule_id', index))} in un:")
        with w.block():
            _uncovered(w, k, index, step)
        w.line("else:")
        with w.block():
            if step[0] == FAMILY:
                _family(w, k, index, step, guarded)
                continue
            if step[0] == FIXED:
                _fixed(w, k, index, step)
                continue
            _, on_each_act, shareable, condition_of_meeting, guards = step
            if on_each_act and not shareable and condition_of_meeting:
                _condition_once(w, k, index)
                continue
            if any(_guards_of(step)):
                _guarded(w, k, index, _guards_of(step), guarded)
                continue
            _subjects(w, k, on_each_act, shareable, partial(_outcome, w, k, index),
                      _keep_rule(w, k(("rule", index))))
    w.line("return out")
    return "def f0(env, acts, out, un, cx):\n" + "\n".join(w.lines) + "\n", tuple(recipe.items)


def _uncovered(w: Writer, k, index: int, step: tuple) -> None:
    """The law of another body (`organes`): for each subject, each member kept with its outcome
    « règle d'un autre organe », the same for every record (the engine's step written out)."""
    on_each_act = step[1]
    members = (0,) if step[0] == SIMPLE else step[4] if step[0] == FAMILY else step[2]
    if not members:
        w.line(f"{k(('general',))}({k(('step', index))}, cx)")
        return
    _constant_members(w, k, index, members, on_each_act, "not_covered")


def _act(w: Writer) -> tuple[str, str, str]:
    """`for` over the acts, each unpacked into (path, label, environment): the names given."""
    names = (w.temp("x"), w.temp("x"), w.temp("x"))
    w.line(f"for {', '.join(names)} in acts:")
    return names


def _member_outcome(w: Writer, k, index: int, position: int, env: str, forced: bool) -> str:
    """The outcome of the exception at `position` on `env` (`forced`: as if its condition held), as
    the engine's `_decide` makes it."""
    return _run(w, k, ("member_run", index, position), ("rest", index, position),
                ("member_version", index, position), env, forced)


def _outcome(w: Writer, k, index: int, env: str) -> str:
    """The outcome of the step's compiled function on `env`, as the engine's loop makes it."""
    return _run(w, k, ("run", index), ("not_applicable", index), ("version", index), env, False)


def _run(w: Writer, k, run: tuple, otherwise: tuple, version: tuple, env: str, forced: bool) -> str:
    """One compiled rule run on `env`: its outcome made from the result and trace, or the outcome
    `otherwise` names when the rule does not apply."""
    trace, result, outcome = w.temp("l"), w.temp(), w.temp("o")
    w.line(f"{trace} = []")
    w.line(f"{result} = {k(run)}({env}, {trace}, {forced})")
    w.line(f"if {result} is None:")
    with w.block():
        w.line(f"{outcome} = {k(otherwise)}")
    _made(w, k, outcome, k(version), result, trace)
    return outcome


def _every_guard(step: tuple) -> list:
    """The guards a step tests: (positions among the meeting's, among the act's) for each."""
    if step[0] == SIMPLE:
        return [_guards_of(step)]
    if step[0] == FAMILY:
        _, on_each_act, shareable, _, _, _, (base, exceptions) = step
        return [base, *exceptions] if on_each_act and not shareable else []
    return []


def _guard_test(w: Writer, k, guards: tuple, of_meeting: str, values: str) -> str:
    """The test that one of `guards` is false (the meeting's in `of_meeting`, the act's in `values`)."""
    return " or ".join([f"{of_meeting}[{k(('value', position))}] is False" for position in guards[0]]
                       + [f"{values}[{k(('value', position))}] is False" for position in guards[1]])


def _guards_of(step: tuple) -> tuple:
    """(positions among the meeting's guards, among the act's) of a simple step's guards."""
    _, on_each_act, shareable, condition_of_meeting, guards = step
    return guards if on_each_act and not shareable and not condition_of_meeting else ((), ())


def _guarded(w: Writer, k, index: int, guards: tuple, names: tuple) -> None:
    """A rule on each act whose condition opens with plain tests: on an act where one of them is
    false, the rule does not apply (`generate.guard_conjuncts`) and is not run; elsewhere it runs."""
    acts, of_meeting = names
    act_path, act_label, act_env, values = w.temp("x"), w.temp("x"), w.temp("x"), w.temp("x")
    w.line(f"for {act_path}, {act_label}, {act_env}, {values} in {acts}:")
    with w.block():
        w.line(f"if {_guard_test(w, k, guards, of_meeting, values)}:")
        with w.block():
            w.line(f"out.append(({k(('rule', index))}, {k(('not_applicable', index))}, {act_path}, {act_label}))")
        w.line("else:")
        with w.block():
            outcome = _outcome(w, k, index, act_env)
            w.line(f"out.append(({k(('rule', index))}, {outcome}, {act_path}, {act_label}))")


def _condition_once(w: Writer, k, index: int) -> None:
    """A rule on each act whose condition of application reads the meeting alone: when the rule
    does not apply to the record's first act, its condition is false for every act, which gets the
    « non applicable » outcome without running the rule again. Otherwise each act runs the rule."""
    applies = w.temp("d")
    w.line(f"{applies} = True")
    act_path, act_label, act_env = _act(w)
    with w.block():
        w.line(f"if {applies} is True:")
        with w.block():
            trace, result, outcome = w.temp("l"), w.temp(), w.temp("o")
            w.line(f"{trace} = []")
            w.line(f"{result} = {k(('run', index))}({act_env}, {trace}, False)")
            w.line(f"if {result} is None:")
            with w.block():
                w.line(f"{outcome} = {k(('not_applicable', index))}")
                w.line(f"{applies} = False")
            _made(w, k, outcome, k(("version", index)), result, trace)
            w.line(f"out.append(({k(('rule', index))}, {outcome}, {act_path}, {act_label}))")
        w.line("else:")
        with w.block():
            w.line(f"out.append(({k(('rule', index))}, {k(('not_applicable', index))}, {act_path}, {act_label}))")


def _made(w: Writer, k, outcome: str, version: str, result: str, trace: str, keyword: str = "elif") -> None:
    """`outcome` made from a compiled version's result (not None) as `Engine._make_outcome`
    makes it, the cases of a rule that applies written out (requirement met, not met, unknown);
    `keyword`: `elif` continues the caller's chain, `if` starts one."""
    if keyword == "elif":
        w.line("else:")
        with w.block():
            _made(w, k, outcome, version, result, trace, "if")
        return
    applies, values, verdict = w.temp("a"), w.temp(), w.temp()
    made = k(("outcome_class",))
    other = f"{outcome} = {k(('make_outcome',))}({version}, {result}, {trace})"
    w.line(f"{applies}, {values}, {verdict} = {result}")
    w.line(f"if {applies} is True:")
    with w.block():
        w.line(f"if {verdict} is True:")
        with w.block():
            w.line(f"{outcome} = {made}({k(('conforme',))}, {version}, None, {values}, {trace})")
        w.line(f"elif {verdict} is False:")
        with w.block():
            w.line(f"{outcome} = {made}({k(('non_conforme',))}, {version}, None, {values}, {trace})")
        w.line(f"elif {k(('type',))}({verdict}) is {k(('unknown',))}:")
        with w.block():
            w.line(f"{outcome} = {made}({k(('indetermine',))}, {version}, None, {values}, {trace}, {verdict}.missing)")
        w.line("else:")
        with w.block():
            w.line(other)
    w.line("else:")
    with w.block():
        # Whether the rule applies is unknown (or the verdict is not one: the engine then raises,
        # and its loop re-runs the interpreter).
        w.line(other)


def _subjects(w: Writer, k, on_each_act: bool, shareable: bool, decide, keep) -> None:
    """For the meeting, or for each act, `decide(env)` (which writes the code that names the
    outcomes) then `keep(outcomes, path, label)`; for a family the same for every act, decided
    on the first act only."""
    if not on_each_act:
        keep(decide("env"), k(("value", "seance")), k(("value", "séance")))
        return
    if shareable:
        shared = w.temp("o")
        w.line(f"{shared} = None")
        act_path, act_label, act_env = _act(w)
        with w.block():
            w.line(f"if {shared} is None:")
            with w.block():
                w.line(f"{shared} = {decide(act_env)}")
            keep(shared, act_path, act_label)
    else:
        act_path, act_label, act_env = _act(w)
        with w.block():
            keep(decide(act_env), act_path, act_label)


def _keep_rule(w: Writer, rule: str):
    def keep(outcome: str, path: str, label: str) -> None:
        w.line(f"out.append(({rule}, {outcome}, {path}, {label}))")
    return keep


def _keep_members(w: Writer, k, index: int, kept: tuple):
    def keep(outcomes: str, path: str, label: str) -> None:
        for member in kept:
            w.line(f"out.append(({k(('member', index, member))}, {outcomes}[{k(('value', member))}], {path}, {label}))")
    return keep


def _family(w: Writer, k, index: int, step: tuple, guarded: tuple | None) -> None:
    """The engine's `_run_step` written out: each exception's condition in order; when none is
    true or unknown, the base rule's outcome followed by the exceptions' « non applicable »; when
    one is true and none after it is true or unknown, that exception's outcome with the rule set
    aside (`_winner`); else the engine decides the family on that subject (`Engine._family_decided`),
    given the position and value of the first condition found true or unknown, the earlier ones
    being neither. A member whose guards (`_guarded`) are false on the act is not run: its
    condition is false there."""
    _, on_each_act, shareable, in_force, kept, of_meeting, (base_guards, guards) = step
    unknown, kind = k(("unknown",)), k(("type",))
    tested = any(any(g) for g in _every_guard(step))
    values = w.temp("x") if tested else None

    def skipped(member_guards: tuple) -> str | None:
        if not tested or not any(member_guards):
            return None
        return _guard_test(w, k, member_guards, guarded[1], values)
    # The condition of an exception that reads the meeting alone has the same value on every act
    # of a record: computed on the first act that asks for it, kept for the others.
    once = {}
    if on_each_act and not shareable:
        for position, present in enumerate(in_force):
            if present and of_meeting[position]:
                once[position] = w.temp()
                w.line(f"{once[position]} = None")

    def decide(env: str) -> str:
        outcomes, applies, found = w.temp("o"), w.temp("d"), w.temp("a")
        w.line(f"{applies} = False")
        w.line(f"{found} = None")
        for position, present in enumerate(in_force):
            if not present:
                continue
            value = once.get(position) or w.temp()
            test = skipped(guards[position])
            w.line(f"if {applies} is False:" if test is None else f"if {applies} is False and not ({test}):")
            with w.block():
                if position in once:
                    w.line(f"if {value} is None:")
                    with w.block():
                        w.line(f"{value} = {k(('trigger', index, position))}({env}, [])")
                else:
                    w.line(f"{value} = {k(('trigger', index, position))}({env}, [])")
                w.line(f"if {value} is True or {kind}({value}) is {unknown}:")
                with w.block():
                    w.line(f"{applies} = {k(('value', position))}")
                    w.line(f"{found} = {value}")
        test = skipped(base_guards)
        if test is not None:
            w.line(f"if {applies} is False and ({test}):")
            with w.block():
                w.line(f"{outcomes} = {k(('not_applicable_all', index))}")
        w.line(f"{'if' if test is None else 'elif'} {applies} is False:")
        with w.block():
            trace, result = w.temp("l"), w.temp()
            w.line(f"{trace} = []")
            w.line(f"{result} = {k(('run', index))}({env}, {trace}, False)")
            w.line(f"if {result} is None:")
            with w.block():
                w.line(f"{outcomes} = {k(('not_applicable_all', index))}")
            w.line("else:")
            with w.block():
                first = w.temp("o")
                _made(w, k, first, k(("version", index)), result, trace, "if")
                rest = [k(("rest", index, position)) for position in range(len(in_force))]
                w.line(f"{outcomes} = [{', '.join([first, *rest])}]")
        decided = f"{outcomes} = {k(('decided',))}({k(('step', index))}, {env}, cx, {applies}, {found})"
        for position, present in enumerate(in_force):
            if present:
                w.line(f"elif {applies} is {k(('value', position))} and {found} is True:")
                with w.block():
                    _winner(w, k, index, in_force, position, env, outcomes, decided)
                # Set only to True or an Unknown: here, whether the exception applies is unknown.
                w.line(f"elif {applies} is {k(('value', position))}:")
                with w.block():
                    _either_way(w, k, index, in_force, position, env, outcomes, found, decided)
        w.line("else:")
        with w.block():
            w.line(decided)
        return outcomes

    if tested:
        act_path, act_label, act_env = w.temp("x"), w.temp("x"), w.temp("x")
        w.line(f"for {act_path}, {act_label}, {act_env}, {values} in {guarded[0]}:")
        with w.block():
            _keep_members(w, k, index, kept)(decide(act_env), act_path, act_label)
        return
    _subjects(w, k, on_each_act, shareable, decide, _keep_members(w, k, index, kept))


def _winner(w: Writer, k, index: int, in_force: tuple, position: int, env: str, outcomes: str, decided: str) -> None:
    """The engine's `_decide` written out when the exception at `position` applies (its condition
    true) and none after it applies or may apply: the rule is set aside by it, the exception
    decides, the others do not apply. Any other case (a second exception that applies: a
    conflict; one that may) is left to the engine (`decided`)."""
    clear = _later_clear(w, k, index, in_force, position, env)
    w.line(f"if {clear} is True:")
    with w.block():
        outcome = _member_outcome(w, k, index, position, env, False)
        members = [k(("rest", index, other)) if other != position else outcome for other in range(len(in_force))]
        w.line(f"{outcomes} = [{', '.join([k(('set_aside', index, position)), *members])}]")
    w.line("else:")
    with w.block():
        w.line(decided)


def _later_clear(w: Writer, k, index: int, in_force: tuple, position: int, env: str) -> str:
    """The code that computes whether no exception after `position` applies or may apply (each
    condition computed until one is true or unknown): the name of that truth value."""
    kind, unknown = k(("type",)), k(("unknown",))
    clear = w.temp("d")
    w.line(f"{clear} = True")
    for later in range(position + 1, len(in_force)):
        if not in_force[later]:
            continue
        value = w.temp()
        w.line(f"if {clear} is True:")
        with w.block():
            w.line(f"{value} = {k(('trigger', index, later))}({env}, [])")
            w.line(f"if {value} is True or {kind}({value}) is {unknown}:")
            with w.block():
                w.line(f"{clear} = False")
    return clear


def _either_way(w: Writer, k, index: int, in_force: tuple, position: int, env: str, outcomes: str, found: str,
                decided: str) -> None:
    """The engine's `_decide` written out when whether the exception at `position` applies is
    unknown (`found`, an Unknown) and none after it applies or may apply: the rule and the
    exception both decided, the exception as if it applied, and the two outcomes kept only where
    they agree (`checker.engine._either_way`, bound). Any other case is left to the engine."""
    clear = _later_clear(w, k, index, in_force, position, env)
    w.line(f"if {clear} is True:")
    with w.block():
        base = _outcome(w, k, index, env)
        # As if the exception applied: its condition is not computed again.
        outcome = _member_outcome(w, k, index, position, env, True)
        w.line(f"{base}, {outcome} = {k(('either_way',))}({base}, {outcome}, {found}.missing)")
        members = [k(("rest", index, other)) if other != position else outcome for other in range(len(in_force))]
        w.line(f"{outcomes} = [{', '.join([base, *members])}]")
    w.line("else:")
    with w.block():
        w.line(decided)


def _fixed(w: Writer, k, index: int, step: tuple) -> None:
    """No member in force: the same outcomes for every subject, each bound to a name of its own."""
    _, on_each_act, kept = step
    _constant_members(w, k, index, kept, on_each_act, "fixed_member")


def _constant_members(w: Writer, k, index: int, members, on_each_act: bool, outcome: str) -> None:
    """Each member kept for each subject with an outcome bound once for all records (`outcome`
    names which: another body's law, or no version in force)."""
    def keep(path: str, label: str) -> None:
        for member in members:
            w.line(f"out.append(({k(('member', index, member))}, {k((outcome, index, member))}, {path}, {label}))")
    if not on_each_act:
        keep(k(("value", "seance")), k(("value", "séance")))
        return
    act_path, act_label, _ = _act(w)
    with w.block():
        keep(act_path, act_label)
