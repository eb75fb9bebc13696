"""The evidence a lean report shows, made from the engine's outcomes without a full finding each.

A generated act has some 25 undecided findings for one or two non-compliant ones. The lean report
shows of an undecided finding its values, facts read and missing facts, never its message, title,
link or version; the decision reads its rule, severity, subject, values and missing facts. Those
are made here, light (`LightFinding`), straight from the outcome: the facts read are made once per
act and shared by its findings, the missing facts once per set of missing facts and subject.

Non-compliant findings are light too, their message rendered when read, unless something could
change them: then they are made in full by the engine, where the confidence gate may set them
aside (`checker/confiance.py`: a fact of the record given with a confidence) and the reference
data notes what it filled in. A record whose reading set facts aside (`lecture.rejetees`), whose
missing facts the gate rewrites, has every finding made in full (`checker.results.LeanResult`).

`lean_findings` writes the lean `constats` and `faits` of an act from either kind.
"""
from __future__ import annotations

import datetime as dt

from checker.findings import _AS_IS, INDETERMINE, NON_CONFORME, Fact, Finding, format_value, point_de_droit
from ruleset.values import Unknown

# A date exactly (`format_value` writes it as ISO text; anything else, a datetime too, goes through it).
_DATE = dt.date


class ActFacts:
    """The facts read of one act, each made once, and what a light finding needs of its act."""

    __slots__ = ("engine", "record", "annotate", "known")

    def __init__(self, engine, record, annotate=None):
        self.engine = engine
        self.record = record
        self.annotate = annotate
        self.known: dict = {}

    def fact(self, node, key, value) -> Fact:
        """The fact at `key` of `node`, as the engine makes it for a finding (made once per act)."""
        marker = (id(node), key)
        fact = self.known.get(marker)
        if fact is None:
            # `_sources` read directly: most nodes have none, and the property would make one.
            sources = node._sources
            source = sources.get(key) if sources else None
            path = node.path
            fact = self.known[marker] = Fact(f"{path}.{key}" if path else key, value, source[0] if source else None)
        return fact

    def facts(self, trace: list) -> list[Fact]:
        """The facts of a trace, as the engine makes a finding's: in order, each node and key once."""
        out: list = []
        seen: set = set()
        for node, key, value in trace:
            marker = (id(node), key)
            if marker not in seen:
                seen.add(marker)
                out.append(self.fact(node, key, value))
        return out


_KEPT = 20_000


class Memo(dict):
    """`function(key)` by key, computed once (the first `_KEPT` keys kept): read as `memo[key]`,
    a look-up in C where an `lru_cache` is a call that builds its arguments and reorders its list."""

    __slots__ = ("function",)

    def __init__(self, function):
        super().__init__()
        self.function = function

    def __missing__(self, key):
        value = self.function(key)
        if len(self) < _KEPT:
            self[key] = value
        return value


# The missing facts of an outcome as a finding lists them (sorted by path), their lean form from
# the subject, whether they are all asserted and whether they are all points of law (uncertain or
# not encoded), by (missing facts, subject): the same few sets come back on every act of a batch.
def _missing_of(key: tuple) -> tuple:
    missing, subject = key
    facts = tuple(Fact(m.path, None, m.source, m.asserted) for m in sorted(missing, key=_by_path))
    lean = []
    for fact in facts:
        shown = fact.to_dict()
        lean.append(relative(fact.chemin, subject) if len(shown) == 1 else shown)
    return (facts, tuple(lean), bool(facts) and all(fact.affirme for fact in facts), point_de_droit(facts),
            all(type(shown) is str for shown in lean))


_MISSING = Memo(_missing_of)


_NONE = ((), (), False, None, True)


def _by_path(missing) -> str:
    return missing.path


def relative(path: str, subject: str) -> str:
    """A missing fact inside the finding's subject, from that subject: `.signatures` for
    `deliberations[1].signatures` — the same on each act, so that the finding is written once."""
    if path.startswith(subject) and path[len(subject):len(subject) + 1] == ".":
        return path[len(subject):]
    return path


class LightFinding:
    """A finding as the lean report and the decision read it (undecided, non-compliant where
    nothing would change it, or compliant and inapplicable for the decision's sake). What they
    do not read (title, link…) is taken from the full finding, made on first use."""

    __slots__ = ("regle", "statut", "gravite", "chemin", "valeurs", "point_de_droit", "doute", "_entry", "_act",
                 "_missing", "_full", "_message")

    @classmethod
    def made(cls, entries: list, act: ActFacts) -> list:
        """The light finding of each entry (rule, outcome, path, label) of `act`, in one call: an
        instance made by `object.__new__` and its slots set here, rather than a call of the class
        each (Python 3.11 runs `__init__` through `type` and a frame of its own for every finding)."""
        new = object.__new__
        missing_of = _MISSING
        out = []
        for entry in entries:
            finding = new(cls)
            rule, outcome, path, _ = entry
            finding.regle = rule.id
            finding.statut = outcome.status
            finding.gravite = rule.gravite
            finding.chemin = path
            finding.valeurs = outcome.values
            finding._entry = entry
            finding._act = act
            # Made now: the decision reads the point of law of every undecided finding, and the
            # lean line the missing facts of each (a memo's look-up when it has none).
            missing = outcome.missing
            parts = finding._missing = missing_of[missing, path] if missing else _NONE
            finding.point_de_droit = parts[3]
            # Only the confidence gate sets a doubt, on non-compliant findings it may change: made
            # in full. A slot rather than a class attribute, which Python 3.11 reads on its slow path.
            finding.doute = None
            finding._full = None
            finding._message = None
            out.append(finding)
        return out

    @property
    def ecartee_par(self) -> str | None:
        return self._entry[1].set_aside_by

    @property
    def erreur_regle(self) -> str | None:
        return self._entry[1].error

    def _missing_parts(self) -> tuple:
        return self._missing

    @property
    def faits(self) -> list[Fact]:
        return self._act.facts(self._entry[1].trace)

    @property
    def manquants(self) -> tuple:
        return self._missing_parts()[0]

    @property
    def asserted_only(self) -> bool:
        return self.statut == INDETERMINE and self._missing_parts()[2]

    @property
    def titre(self) -> str:
        return self._entry[0].titre

    @property
    def objet(self) -> str:
        return self._entry[3]

    @property
    def alinea(self) -> str | None:
        return self._act.engine._static(self._entry[0], self._entry[1].version)[0]

    @property
    def message(self) -> str:
        """A non-compliant light finding's message, rendered once (`checker.results.LeanResult`
        makes one only where neither the gate nor the reference data would change it); any
        other's, the full finding's."""
        if self.statut != NON_CONFORME:
            return self.full().message
        message = self._message
        if message is None:
            rule, outcome, _, _ = self._entry
            act = self._act
            message = self._message = act.engine.message(rule, outcome, act.record.date)
        return message

    @property
    def article(self) -> str:
        return self._entry[0].article

    def full(self):
        """The finding in full, as `Engine.findings_of` makes it, with the reference data's notes."""
        if self._full is None:
            act = self._act
            made = act.engine.findings_of(act.record, [self._entry])
            if act.annotate is not None:
                act.annotate(act.record, made)
            self._full = made[0]
        return self._full



def _of_full(name: str) -> property:
    def read(self):
        return getattr(self.full(), name)
    return property(read, doc=f"`{name}` of the full finding.")


# message, alinea, url, objet, libelles…: what only a full finding has, read from it. Properties
# rather than a `__getattr__`, which would put every attribute read of a light finding (the lean
# line and the decision read each a dozen times) on the interpreter's slow path.
for _name in dir(Finding):
    if not _name.startswith("_") and _name not in LightFinding.__dict__:
        setattr(LightFinding, _name, _of_full(_name))


def lean_missing(finding) -> list:
    """A full finding's missing facts as the lean report writes them."""
    missing = [m.to_dict() for m in finding.manquants]
    return [relative(m["chemin"], finding.chemin) if len(m) == 1 else m for m in missing]


def _same(a, b) -> bool:
    """Equal as JSON: `True` is not `1`, not even inside a list (the lists and objects compared as
    orjson writes them, in C, rather than by their `repr`)."""
    if type(a) is not type(b) or a != b:
        return False
    if type(a) is not list and type(a) is not dict:
        return True
    try:
        return _json_bytes(a) == _json_bytes(b)
    except TypeError:
        return repr(a) == repr(b)


def _json_bytes(value) -> bytes:
    """`orjson.dumps`, which this function becomes on its first call: a one-record run, whose
    report is not lean, does not load orjson."""
    global _json_bytes
    from orjson import dumps
    _json_bytes = dumps
    return dumps(value)


# The paths a fact may be read inside of (`seance`, `seance.pouvoirs`, `seance.pouvoirs[0]` for
# `seance.pouvoirs[0].mandant`), by path: the same few hundred paths on every act.
_ANCESTORS = Memo(lambda path: tuple(path[:i] for i in range(1, len(path)) if path[i] in ".["))


def _containers(read: list) -> dict:
    """The facts read whole whose parts may be read too (the lists and objects of the record),
    by path, with the order in which they were first read."""
    containers: dict = {}
    for fact in read:
        chemin, value, source, affirme = fact
        if not source and not affirme and isinstance(value, (list, dict)):
            if chemin not in containers:
                containers[chemin] = (len(containers), fact)
    return containers


def _written(read: list) -> tuple[list, list, list, set]:
    """The act's `faits` and, for each fact read, its position there: each fact once, a fact
    inside one read whole given by that one (the first read, if it is inside several); and the
    name each fact read gives its value among a finding's values (None: it gives none), with
    every such name."""
    containers = _containers(read)
    positions: dict = {}
    out: list = []
    placed: list = []
    leaves: list = []
    for fact in read:
        shown = fact
        if not fact[3]:
            leaf, ancestors = _PATHS[fact[0]]
            leaves.append(leaf if fact[1] is not None else None)
            if containers and not fact[2]:
                best = None
                for path in ancestors:
                    whole = containers.get(path)
                    if whole is not None and (best is None or whole[0] < best[0]):
                        best = whole
                if best is not None:
                    shown = best[1]
        else:
            leaves.append(None)
        # Within an act a path has one value, read from the record, computed or asserted (with
        # its source): the record does not change while its rules are decided.
        key = (shown[0], shown[2], shown[3])
        position = positions.get(key)
        if position is None:
            position = positions[key] = len(out)
            chemin, value, source, affirme = shown
            if affirme:
                out.append(Fact(chemin, value, source, affirme).to_dict())
            else:
                # `Fact.to_dict`, without its calls: a plain value as it is, a date as ISO text.
                written = {"chemin": chemin}
                if value is not None:
                    kind = type(value)
                    written["valeur"] = (value if kind in _AS_IS else value.isoformat() if kind is _DATE
                                         else format_value(value, iso=True))
                if source:
                    written["source"] = source
                out.append(written)
        placed.append(position)
    return out, placed, leaves, set(leaves)


def _fact_read(node, key: str, value) -> tuple:
    """The fact a trace entry read, as the lean line writes it — (path, value, source, asserted) —,
    with its source when the document gave one; its path made once per node path and key (the same
    few hundred on every act: a string whose hash is kept)."""
    sources = node._sources
    source = sources.get(key) if sources else None
    return (_CHEMINS[node.path, key], value, source[0] if source else None, False)


# A fact's path from its node's path and its key, by both.
_CHEMINS = Memo(lambda parts: f"{parts[0]}.{parts[1]}" if parts[0] else parts[1])


# A trace longer than this is a rule walking a list (each item's facts): its entries are its own,
# so they are not looked up by identity first (all traces through that look-up: 1 % more).
_LONG = 12


def _long_trace(trace: list, index: dict, read: list) -> list:
    """The indexes in `read` of the facts of a long trace, in its order (each fact is once in a
    trace, as in a short one)."""
    mine: list = []
    for node, key, value in trace:
        marker = (id(node), key)
        at = index.get(marker)
        if at is None:
            at = index[marker] = len(read)
            read.append(_fact_read(node, key, value))
        mine.append(at)
    return mine


def lean_findings(findings: list) -> tuple[list, list]:
    """The lean `constats` and the act's `faits` they read.

    Each fact read is written once per act, and a fact inside another one read whole (a proxy's
    holder inside the list of proxies) is given by that one; a value computed under the name of
    a fact read with the same value is given by the fact; a finding with the same evidence on
    several subjects is written once with all of them (`chemins`), a missing fact inside the
    subject being written from it (`.vote.resultat`). Messages are kept for
    `non_conforme` findings: an undecided finding's evidence is its values and facts, read and
    missing (its message with `--preuves completes`).

    A light finding's facts are found from its trace, by node and key; a full finding's by the
    identity of its facts."""
    # Every fact the findings read, once, in the order first read; each finding's, by index
    # (each index once, in the order first read: the positions written follow that order).
    read: list = []
    index: dict = {}
    # The index of each trace entry met, by the entry's identity: most entries are the tuples the
    # plan's reader made once per subject, shared by the rules that read the path (the traces live
    # as long as the act).
    by_entry: dict = {}
    reads: list = []
    for finding in findings:
        mine: list = []
        if type(finding) is LightFinding:
            trace = finding._entry[1].trace
            if len(trace) > _LONG:
                reads.append(_long_trace(trace, index, read))
                continue
            # A trace holds each fact once (the engine's reader keeps the first read of each
            # node and key), so a finding's indexes are distinct as they come.
            for entry in trace:
                at = by_entry.get(id(entry))
                if at is None:
                    node, key, value = entry
                    marker = (id(node), key)
                    at = index.get(marker)
                    if at is None:
                        at = index[marker] = len(read)
                        read.append(_fact_read(node, key, value))
                    by_entry[id(entry)] = at
                mine.append(at)
        else:
            for fact in finding.faits:
                marker = id(fact)
                at = index.get(marker)
                if at is None:
                    at = index[marker] = len(read)
                    read.append((fact.chemin, fact.valeur, fact.source, fact.affirme))
                    mine.append(at)
                elif at not in mine:
                    mine.append(at)
        reads.append(mine)
    facts_out, placed, leaves, named = _written(read)
    constats: list = []
    formatted: dict = {}
    # The findings written, by rule: a later one with the same evidence adds its subject there.
    by_rule: dict = {}
    # No fact given by another one read whole, none twice: each fact read is written at its own
    # index, and a finding's positions are its indexes as they are.
    as_read = len(facts_out) == len(read)
    for finding, mine in zip(findings, reads):
        if as_read:
            taken = mine
        else:
            taken = []
            for at in mine:
                position = placed[at]
                if position not in taken:
                    taken.append(position)
        statut = finding.statut
        out: dict = {"regle": finding.regle, "statut": statut}
        if statut == NON_CONFORME:
            out["message"] = finding.message
        values = {}
        for name, value in finding.valeurs.items():
            kind = type(value)
            if kind is Unknown:
                continue
            if kind in _AS_IS:
                shown = value
            elif kind is list:
                # `format_value` of a list, inline: the lists of names and flags rules compute.
                shown = [v if type(v) in _AS_IS else format_value(v, iso=True) for v in value]
            elif kind is _DATE:
                shown = value.isoformat()
            else:
                shown = format_value(value, iso=True)
            if name in named and _given(shown, name, mine, leaves, read, formatted):
                continue
            values[name] = shown
        if values:
            out["valeurs"] = values
        out["faits_lus"] = taken
        if type(finding) is LightFinding:
            outcome = finding._entry[1]
            if outcome.missing:
                parts = finding._missing
                # Shared by every act with these missing facts: the objects among them are copied.
                out["manquants"] = list(parts[1]) if parts[4] else [m if type(m) is str else dict(m) for m in parts[1]]
                if parts[2] and statut == INDETERMINE:
                    out["affirme_seulement"] = True
            if outcome.set_aside_by:
                out["ecartee_par"] = outcome.set_aside_by
            if outcome.error:
                out["erreur_regle"] = outcome.error
        else:
            missing = lean_missing(finding)
            if missing:
                out["manquants"] = missing
            finding._flags(out)
        earlier = by_rule.get(finding.regle)
        if earlier is None:
            by_rule[finding.regle] = [out]
        else:
            # The same evidence: the same keys (flags included, always in the same order) with
            # the same values, compared as JSON values (`True` is not `1`).
            twin = None
            for other in earlier:
                out["chemins"] = other["chemins"]
                if out == other and ("valeurs" not in out or _same(out["valeurs"], other["valeurs"])):
                    twin = other
                    break
            if twin is not None:
                twin["chemins"].append(finding.chemin)
                continue
            earlier.append(out)
        out["chemins"] = [finding.chemin]
        constats.append(out)
    return constats, facts_out


def _given(shown, name: str, mine: list, leaves: list, read: list, formatted: dict) -> bool:
    """Whether a value is that of a fact the finding read (`mine`) under the same name: the few
    facts of the finding are looked at, not every fact of the act with that name (an act of
    many deliberations reads a `pour` in each)."""
    for at in mine:
        if leaves[at] == name and _same(shown, _formatted(read, at, formatted)):
            return True
    return False


# The last step of a path without its index (`pouvoirs` for `seance.pouvoirs[2]`), by path.
_LEAVES = Memo(lambda path: path.rsplit(".", 1)[-1].split("[", 1)[0])
# Both, by path: (leaf, ancestors).
_PATHS = Memo(lambda path: (_LEAVES[path], _ANCESTORS[path]))


def _formatted(read: list, at: int, formatted: dict):
    """The value of a fact read as JSON gives it, formatted once per act."""
    shown = formatted.get(at, formatted)
    if shown is formatted:
        shown = formatted[at] = format_value(read[at][1], iso=True)
    return shown
