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

from ruleset.compiler.generate import Constants, Writer

# A step of the layout: ("simple", on each deliberation, same for every deliberation), or
# ("general",): decided by the engine's own step (exceptions, not compiled, no version in force).
SIMPLE, GENERAL = "simple", "general"


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
    path, label, subject_env = k(("value", 0)), k(("value", 1)), k(("value", 2))
    for index, step in enumerate(layout):
        if step[0] == GENERAL:
            w.line(f"{general}({k(('step', index))}, cx)")
            continue
        _, on_each_act, shareable = step
        w.line(f"if {k(('rule_id', index))} in un:")
        with w.block():
            w.line(f"{general}({k(('step', index))}, cx)")
        w.line("else:")
        with w.block():
            rule = k(("rule", index))
            if not on_each_act:
                outcome = _outcome(w, k, index, "env")
                w.line(f"out.append(({rule}, {outcome}, {k(('value', 'seance'))}, {k(('value', 'séance'))}))")
                continue
            act = w.temp("x")
            if shareable:
                # The same outcome for every act (the rule reads nothing of the act): decided on the first.
                shared = w.temp("o")
                w.line(f"{shared} = None")
                w.line(f"for {act} in acts:")
                with w.block():
                    w.line(f"if {shared} is None:")
                    with w.block():
                        act_env = w.temp()
                        w.line(f"{act_env} = {act}[{subject_env}]")
                        outcome = _outcome(w, k, index, act_env)
                        w.line(f"{shared} = {outcome}")
                    w.line(f"out.append(({rule}, {shared}, {act}[{path}], {act}[{label}]))")
            else:
                w.line(f"for {act} in acts:")
                with w.block():
                    act_env = w.temp()
                    w.line(f"{act_env} = {act}[{subject_env}]")
                    outcome = _outcome(w, k, index, act_env)
                    w.line(f"out.append(({rule}, {outcome}, {act}[{path}], {act}[{label}]))")
    w.line("return out")
    return "def f0(env, acts, out, un, cx):\n" + "\n".join(w.lines) + "\n", tuple(recipe.items)


def _outcome(w: Writer, k, index: int, env: str) -> str:
    """The outcome of the step's compiled function on `env`, as the engine's loop makes it."""
    trace, result, outcome = w.temp("l"), w.temp(), w.temp("o")
    w.line(f"{trace} = []")
    w.line(f"{result} = {k(('run', index))}({env}, {trace}, False)")
    w.line(f"if {result} is None:")
    with w.block():
        w.line(f"{outcome} = {k(('not_applicable', index))}")
    w.line("else:")
    with w.block():
        w.line(f"{outcome} = {k(('outcome_of',))}({k(('version', index))}, {result}, {trace})")
    return outcome
