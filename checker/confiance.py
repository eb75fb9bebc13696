"""Confidence gating: a fact read with doubt never founds an accusation.

A fact read from a document carries a `confiance` (or, for lists of names, a confidence per path
in the record's `lecture.confiances`). On the reader's validation texts, facts below `SEUIL`
were right too rarely to accuse on them (see `bench/reader_accuracy.py`, calibration table):
such a fact may support `conforme` or `indetermine`, but a `non_conforme` that rests on one
becomes `indetermine`, and the message says which fact and why. Facts given without a confidence
(a record written by hand, a pipeline's data) are trusted as given.

Facts the record derives (« calculé : repris de seance.presents ») inherit the confidence of the
facts they are computed from. Facts the reader read and then set aside (`lecture.rejetees`) are
absent from the record; the missing fact of a finding says why it was set aside.
"""
from __future__ import annotations

import re

from checker.evidence import Memo
from checker.findings import CONFORME, INDETERMINE, NON_CONFORME, Fact, Finding

SEUIL = 0.9

# The reader's facts written as plain values, without a confidence of their own, by field. Measured on the
# tuning texts, the synthetic layouts and the label-preserving variants of the tuning texts — never on the
# validation texts (bench/reader_accuracy.py --calibration-reglage, bench/variantes.py) —, the three below
# were right at least 98 % of the time: they stay as read, trusted as a fact given is.
#   collectivite.nature             réglage 132/132, gabarits 92/92, variantes 2 810/2 810
#   seance.heure                    réglage 106/106, gabarits 71/71, variantes 2 309/2 310
#   transmission.identifiant_actes  réglage 11/11, gabarits 3/3, variantes 233/233
MEASURED_PLAIN = ("collectivite.nature", "seance.heure", "transmission.identifiant_actes")
# The others no label measures: how the council voted (« à main levée »), the outcome drawn from « adopté »
# or « rejeté », whose votes a unanimity counts, who convened the council, where it sat. Nothing shows
# they are right often enough to accuse: the reader rates them below the gate (`rate_plain_reads`).
UNMEASURED_PLAIN = ("convocation.convoque_par", "seance.lieu_type")
UNMEASURED_VOTE = ("mode", "resultat", "unanimite_de")
UNMEASURED = 0.8

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_DERIVED_FROM = re.compile(r"\b(?:seance|convocation|collectivite)\.[a-z_]+(?:\.[a-z_]+)*")


# The steps of a path, parsed once: the same few hundred paths come back on every act of a batch.
_STEPS = Memo(lambda path: tuple(int(index) if index else name for name, index in _STEP.findall(path)))
# The facts a derived fact's source names (« calculé : repris de seance.presents »): a few texts.
_ORIGINS = Memo(lambda source: tuple(_DERIVED_FROM.findall(source)))


def _lookup(root, path: str):
    """(parent node, key) of the fact at `path` (« deliberations[0].vote.pour »), or None."""
    steps = _STEPS[path]
    if not steps:
        return None
    current = root
    for step in steps[:-1]:
        try:
            current = current[step]
        except (KeyError, IndexError, TypeError):
            return None
    return current, steps[-1]


def _prefixed(confidences: dict, path: str) -> float | None:
    best = None
    for prefix, value in confidences.items():
        if path == prefix or path.startswith(prefix + ".") or path.startswith(prefix + "["):
            best = value if best is None else min(best, value)
    return best


def confidence_of(root, path: str, confidences: dict, depth: int = 0) -> float | None:
    """The confidence of the fact at `path`: its own, that of its list, or that of the facts it is
    derived from; None when the fact was given without one."""
    found = _lookup(root, path)
    own = None
    source = None
    if found is not None:
        node, key = found
        sources = getattr(node, "_sources", None)
        if sources and key in sources:
            source, own = sources[key]
    # The least of its own, its list's and its origins' confidences, kept as `min` keeps it.
    least = own
    if confidences:
        listed = _prefixed(confidences, path)
        if listed is not None and (least is None or listed < least):
            least = listed
    if own is None and isinstance(source, str) and source.startswith("calculé") and depth < 3:
        for origin in _ORIGINS[source]:
            inherited = confidence_of(root, origin, confidences, depth + 1)
            if inherited is not None and (least is None or inherited < least):
                least = inherited
    return least


def _reading(root) -> tuple[dict, dict, dict]:
    lecture = root.get("lecture") if hasattr(root, "get") else None
    if not isinstance(lecture, dict):
        return {}, {}, {}
    confidences = lecture.get("confiances")
    confidences = dict(confidences) if isinstance(confidences, dict) else {}
    rejected = {}
    contradicted = {}
    for entry in lecture.get("rejetees") or ():
        if isinstance(entry, dict) and isinstance(entry.get("champ"), str):
            rejected.setdefault(entry["champ"], entry)
            if _KEPT in str(entry.get("raison", "")):
                contradicted.setdefault(entry["champ"], entry)
    return confidences, rejected, contradicted


# The reader keeps a count that another reading contradicts, below the gate, saying so
# (checker/reader/coherence.py): « … (nombre gardé, confiance abaissée sous le seuil) ».
_KEPT = "gardé"
_KEPT_NOTE = re.compile(r" \((?:nombre|date) gardée?[^)]*\)$")


def contradicted(root) -> bool:
    """Whether the reader kept a fact that a cross-check contradicts: the gate may then make a
    `conforme` that rests on it `indetermine`."""
    return bool(_reading(root)[2])


def _contradiction(root, path: str, contradicted: dict, depth: int = 0) -> dict | None:
    """The check that the fact at `path`, or a fact it is derived from, failed; None if none."""
    entry = contradicted.get(path)
    if entry is not None or depth >= 3:
        return entry
    found = _lookup(root, path)
    sources = getattr(found[0], "_sources", None) if found is not None else None
    if sources and found[1] in sources:
        source = sources[found[1]][0]
        if isinstance(source, str) and source.startswith("calculé"):
            for origin in _ORIGINS[source]:
                entry = _contradiction(root, origin, contradicted, depth + 1)
                if entry is not None:
                    return entry
    return None


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def gate(findings: list[Finding], root) -> list[Finding]:
    """The findings, with every `non_conforme` that rests on a doubtful fact made `indetermine`,
    every `conforme` that rests on a fact a cross-check contradicts too, and the missing facts that
    the reader set aside marked with the reason."""
    confidences, rejected, contradicted = _reading(root)
    # A fact read by several findings is looked up once.
    levels: dict = {}
    for finding in findings:
        if contradicted and finding.statut == CONFORME:
            _unless_contradicted(finding, root, contradicted)
        if finding.statut == NON_CONFORME:
            doubtful = []
            for fact in finding.faits:
                path = fact.chemin
                level = levels.get(path, levels)
                if level is levels:
                    level = levels[path] = confidence_of(root, path, confidences)
                if level is not None and level < SEUIL:
                    doubtful.append((fact, level))
            if doubtful:
                why = " ; ".join(f"{fact.chemin} lu avec une confiance de {_number(level)}"
                                 + _shown_source(root, fact.source, confidences, contradicted)
                                 for fact, level in doubtful)
                finding.statut = INDETERMINE
                finding.doute = f"{why}, sous le seuil de {_number(SEUIL)}"
                finding.message = (f"Non conforme d'après la lecture du document, mais ce constat repose sur {why}, "
                                   f"sous le seuil de {_number(SEUIL)} : à vérifier sur le document avant toute "
                                   f"conclusion. {finding.message}")
        if rejected and finding.manquants:
            finding.manquants = [_explained(m, rejected) for m in finding.manquants]
    return findings


def _shown_source(root, source, confidences: dict, contradicted: dict) -> str:
    """The source of a doubtful fact as the message shows it: a derived fact's own (« calculé :
    repris de seance.presents ») says only where it comes from; the agent must also see why that
    origin is doubtful, so the origins below the gate follow, each with its source in the document
    and the check it failed."""
    if not source:
        return ""
    origins = _doubtful_origins(root, source, confidences, contradicted, 0) if source.startswith("calculé") else []
    return f" (« {source} »" + "".join(f", {origin}" for origin in origins) + ")"


def _doubtful_origins(root, source: str, confidences: dict, contradicted: dict, depth: int) -> list[str]:
    shown = []
    for origin in _ORIGINS[source]:
        level = confidence_of(root, origin, confidences)
        if level is None or level >= SEUIL:
            continue
        found = _lookup(root, origin)
        sources = getattr(found[0], "_sources", None) if found is not None else None
        own = sources[found[1]] if sources and found[1] in sources else (None, None)
        text = f"où {origin} est lu avec une confiance de {_number(level)}"
        if isinstance(own[0], str) and own[0]:
            text += f" (« {own[0]} »)"
        entry = contradicted.get(origin)
        if entry is not None and str(entry.get("raison", "")) not in text:
            text += f", {_KEPT_NOTE.sub('', str(entry['raison']))}"
        shown.append(text)
        if (own[1] is None and isinstance(own[0], str) and own[0].startswith("calculé") and depth < 2):
            shown.extend(_doubtful_origins(root, own[0], confidences, contradicted, depth + 1))
    return shown


def _unless_contradicted(finding: Finding, root, contradicted: dict) -> None:
    """A `conforme` that rests on a count another reading of the document contradicts (présents +
    représentés ≠ votants, …) is as unsure as the count: `indetermine`, with the check it failed. A
    misread must not clear an act any more than it may accuse it."""
    doubts: dict = {}
    for fact in finding.faits:
        entry = _contradiction(root, fact.chemin, contradicted)
        if entry is not None:
            doubts.setdefault(_KEPT_NOTE.sub("", str(entry["raison"])), []).append(fact.chemin)
    if doubts:
        why = " ; ".join(f"{', '.join(paths)} ({reason})" for reason, paths in doubts.items())
        # No `doute`: that marks a defect to confirm (checker/decision); here nothing points to
        # one, the point is only not checkable on this reading.
        finding.statut = INDETERMINE
        finding.message = (f"Conforme d'après la lecture du document, mais ce constat repose sur {why} : "
                           f"lecture contredite par un recoupement, à vérifier sur le document. {finding.message}")


_PER_ITEM_COUNT = re.compile(r"deliberations\[\d+\]\.(presents|representes|votants)")


def _set_aside_above(path: str, rejected: dict) -> dict | None:
    """The entry of a whole the reader set aside that holds the fact at `path`: a vote left out whole
    (« deliberations[0].vote », counted twice in two ways) is why each of its sides is missing."""
    cut = max(path.rfind("."), path.rfind("["))
    while cut > 0:
        path = path[:cut]
        entry = rejected.get(path)
        if entry is not None:
            return entry
        cut = max(path.rfind("."), path.rfind("["))
    return None


def _explained(missing: Fact, rejected: dict) -> Fact:
    entry = rejected.get(missing.chemin)
    if entry is None:
        # An item's counts are the meeting's carried over (checker/record.py): a meeting count the
        # reader set aside is why the item's is missing, and the agent must see the check it failed.
        per_item = _PER_ITEM_COUNT.fullmatch(missing.chemin)
        entry = rejected.get(f"seance.{per_item.group(1)}") if per_item else None
    if entry is None:
        entry = _set_aside_above(missing.chemin, rejected)
    if entry is None:
        return missing
    text = f"lecture écartée : {entry['raison']}"
    if entry.get("source"):
        text += f" — d'après « {entry['source']} »"
    return Fact(missing.chemin, None, text, missing.affirme)


def rate_plain_reads(record: dict) -> None:
    """Rate, in the record's `lecture.confiances`, the facts the reader wrote as plain values that no
    measure supports (`UNMEASURED_PLAIN`, `UNMEASURED_VOTE`): a `non_conforme` resting on one becomes
    `indetermine`, as on any fact read below the gate. A rating already there is kept when lower."""
    paths = [path for path in UNMEASURED_PLAIN if _plain(record, path)]
    for index, delib in enumerate(record.get("deliberations") or ()):
        vote = delib.get("vote") if isinstance(delib, dict) else None
        if isinstance(vote, dict):
            paths += [f"deliberations[{index}].vote.{key}" for key in UNMEASURED_VOTE
                      if key in vote and not isinstance(vote[key], dict)]
    if not paths:
        return
    confidences = record.setdefault("lecture", {}).setdefault("confiances", {})
    for path in paths:
        confidences[path] = min(confidences.get(path, UNMEASURED), UNMEASURED)


def _plain(record: dict, path: str) -> bool:
    section, key = path.split(".")
    node = record.get(section)
    return isinstance(node, dict) and key in node and not isinstance(node[key], dict)
