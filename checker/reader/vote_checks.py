"""Each act's vote counts checked against the attendance read, before the checker sees them.

Each member present or represented votes once on an item, for, against or abstaining, or does not
take part (L2121-20): so no side and no total of the sides exceeds the members in office, and the
sides of one vote make up the votants, or the members present and represented, when nobody left the
room. A count that breaks the first bound is another item's, a sub-vote's, or a misread (« 4 POUR 21
CONTRE 0 », an item's number taken for a side): not read, and `lecture.rejetees` says why. A count
that meets the second is cross-checked; one that cannot be (no attendance read, fewer votes than
votants: someone left the room or did not take part, or the counts are another item's) stays read
below the gate, as the measure on the reader's texts supports (`bench/reader_accuracy.py
--calibration-champs`). Votes for alone that make up the votants (« Pour : 28 Contre : Abstention : »,
28 votants) leave no vote against nor abstention: the vote was unanimous though the text does not say so.
A run of sides and figures reads two ways (« 4 POUR 21 CONTRE 0 ABSTENTION 0 »: figure first, 4 for and 21
against, or side first, 21 for and none against); when the way read breaks a bound or is not confirmed and
exactly one other way makes up the votants, or the members present and represented, that way is kept,
below the gate, and the first reading goes to `lecture.rejetees` with why.
"""
from __future__ import annotations

import re

from checker.reader.votes import other_orientations

SIDES = ("pour", "contre", "abstentions", "blancs_nuls")
NOT_TAKING_PART = "ne_prenant_pas_part"
# Counts that no check confirms (no attendance read, or fewer votes than votants): right less often
# than the counts the attendance confirms (bench/reader_accuracy.py --calibration-champs).
UNCONFIRMED = 0.6
# Counts read in the other orientation of their run of sides and figures, which the attendance alone
# confirms: below the counts read as they stand and confirmed (0.85).
REORIENTED = 0.8
# A unanimity inferred from a count for that makes up the votants is as sure as that count, less the
# inference: below the counts' own 0.85.
UNANIMOUS_BY_COUNT = 0.8
_UNANIMITY_WORDS = re.compile(r"unanimit|majorit", re.IGNORECASE)
# A vote table whose other sides are printed, left blank: « Pour : 28 Contre : Abstention : ».
_BLANK_SIDES = re.compile(r"\bcontre\b(?! ?:? ?\d).*\babstention", re.IGNORECASE | re.DOTALL)


def _value(fact):
    return fact.get("valeur") if isinstance(fact, dict) else fact


def _confidence(fact) -> float:
    return fact.get("confiance", 1.0) if isinstance(fact, dict) else 1.0


def _count(node: dict, key: str) -> int | None:
    value = _value(node.get(key))
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def check_votes(record: dict) -> None:
    """Check every act's vote counts in place (see the module's docstring)."""
    seance = record.get("seance") or {}
    rejected = []
    for index, delib in enumerate(record.get("deliberations") or []):
        vote = delib.get("vote")
        if not isinstance(vote, dict):
            continue
        counts = {key: _count(vote, key) for key in (*SIDES, NOT_TAKING_PART)}
        counts = {key: value for key, value in counts.items() if value is not None}
        if not counts:
            continue
        reason, confirmed = _checked(counts, delib, seance, record.get("collectivite") or {})
        if reason is not None or not confirmed:
            turned = _turned(counts, vote, delib, seance, record.get("collectivite") or {})
            if turned is not None:
                rejected.append(_reoriented(index, counts, vote, turned, reason))
                continue
        if reason is not None:
            entry = {"champ": f"deliberations[{index}].vote", "valeur": counts, "raison": reason}
            source = next((vote[k].get("source") for k in counts if isinstance(vote.get(k), dict)
                           and vote[k].get("source")), None)
            if source:
                entry["source"] = source
            rejected.append(entry)
            for key in counts:
                vote.pop(key, None)
            unanimity = vote.get("unanimite")
            if isinstance(unanimity, dict) and not _UNANIMITY_WORDS.search(str(unanimity.get("source", ""))):
                # The unanimity was drawn from the counts (« 21 pour, 0 contre, 0 abstention »): it
                # goes with them.
                vote.pop("unanimite", None)
            continue
        for key in counts:
            fact = vote.get(key)
            if not isinstance(fact, dict):
                continue
            if confirmed:
                fact["source"] = f"{fact.get('source', '')} ; recoupé : {confirmed}".lstrip(" ;")
            else:
                fact["confiance"] = min(fact.get("confiance", 1.0), UNCONFIRMED)
        fact = vote.get("pour")
        if (confirmed and "unanimite" not in vote and set(counts) == {"pour"} and counts["pour"] > 0
                and isinstance(fact, dict) and _BLANK_SIDES.search(str(fact.get("source", "")))
                and not _UNANIMITY_WORDS.search(str(fact.get("source", "")))):
            # « Pour : 28 Contre : Abstention : » with 28 votants: every member who took part voted for,
            # and the sides against and abstaining are printed blank — the vote was unanimous, though
            # the text does not say the word. Fewer votes for than votants says nothing (a member left
            # the room); « 15 pour » alone, or « à la majorité par 53 voix pour », is left as written.
            vote["unanimite"] = {"valeur": True, "confiance": min(_confidence(fact), UNANIMOUS_BY_COUNT),
                                 "source": f"{fact.get('source', '')} ; recoupé : {confirmed}, "
                                           "aucune voix contre ni abstention possible".lstrip(" ;")}
    if rejected:
        record.setdefault("lecture", {}).setdefault("rejetees", []).extend(rejected)


def _source(vote: dict, counts: dict) -> str | None:
    return next((vote[k].get("source") for k in counts if isinstance(vote.get(k), dict) and vote[k].get("source")),
                None)


def _turned(counts: dict, vote: dict, delib: dict, seance: dict, collectivite: dict) -> tuple | None:
    """(counts, what confirms them) of the vote's run of sides and figures read the other way, when the
    reading kept is not confirmed or cannot be the vote's and exactly one other reading makes up the
    votants, or the members present and represented; else None."""
    source = _source(vote, counts)
    if not source:
        return None
    unanimity = vote.get("unanimite")
    written = (isinstance(unanimity, dict) and unanimity.get("valeur") is True
               and _UNANIMITY_WORDS.search(str(unanimity.get("source", ""))))
    fits = []
    for other in other_orientations(source):
        if written and (other.get("contre") or other.get("abstentions")):
            # « à l'unanimité » written out: a reading with votes against or abstentions is not this vote's.
            continue
        reason, confirmed = _checked(other, delib, seance, collectivite)
        if reason is None and confirmed:
            fits.append((other, confirmed))
    return fits[0] if len(fits) == 1 else None


def _reoriented(index: int, counts: dict, vote: dict, turned: tuple, reason: str | None) -> dict:
    """Put the counts read the other way in the vote, and return the entry of `lecture.rejetees` that says
    why the first reading was set aside."""
    other, confirmed = turned
    source = _source(vote, counts)
    for key in counts:
        vote.pop(key, None)
    for key, value in other.items():
        vote[key] = {"valeur": value, "source": f"{source} ; recoupé, lu dans l'autre sens : {confirmed}",
                     "confiance": REORIENTED}
    unanimity = vote.get("unanimite")
    if not (isinstance(unanimity, dict) and _UNANIMITY_WORDS.search(str(unanimity.get("source", "")))):
        # A unanimity drawn from the first reading goes with it; the counts kept say their own.
        vote.pop("unanimite", None)
        against, abstained = other.get("contre"), other.get("abstentions")
        if other.get("pour") and (against or abstained):
            vote["unanimite"] = {"valeur": False, "source": vote["pour"]["source"], "confiance": REORIENTED}
        elif other.get("pour") and against == 0 and abstained == 0:
            vote["unanimite"] = {"valeur": True, "source": vote["pour"]["source"], "confiance": REORIENTED}
    shown = " + ".join(f"{key.replace('_', ' ')} ({value})" for key, value in counts.items())
    why = reason or f"{shown} : ni les votants ni les présents et représentés"
    return {"champ": f"deliberations[{index}].vote", "valeur": counts, "source": source,
            "raison": f"{why} ; lus dans l'autre sens, les mêmes côtés et nombres donnent {confirmed}"}


def _attendance(delib: dict, seance: dict, key: str) -> int | None:
    """The act's own count when it printed one (members came or left), else the meeting's."""
    own = _count(delib, key)
    return own if own is not None else _count(seance, key)


def _checked(counts: dict, delib: dict, seance: dict, collectivite: dict) -> tuple[str | None, str | None]:
    """(why the counts cannot be this vote's, or None; what confirms them, « » when nothing does)."""
    cast = sum(value for key, value in counts.items() if key != NOT_TAKING_PART)
    seated = cast + counts.get(NOT_TAKING_PART, 0)
    shown = " + ".join(f"{key.replace('_', ' ')} ({value})" for key, value in counts.items())
    office = _count(seance, "membres_en_exercice")
    legal = _count(collectivite, "effectif_legal")
    for bound, name in ((office, "membres en exercice"), (legal, "effectif légal")):
        if bound is not None and seated > bound:
            return (f"{shown} = {seated} voix, plus que les {bound} {name} : un membre ne vote qu'une fois, "
                    f"ces nombres sont ceux d'un autre vote ou une erreur de lecture"), None
    present, represented, voters = (_attendance(delib, seance, key) for key in ("presents", "representes", "votants"))
    sitting = present + represented if present is not None and represented is not None else None
    if voters is not None and cast == voters:
        return None, f"{shown} = votants ({voters})"
    if sitting is not None and seated == sitting:
        return None, f"{shown} = présents ({present}) + représentés ({represented})"
    return None, ""
