"""Cross-checks of the facts read, before the checker sees them.

A document states the same things several ways: counts and the lists they count, a date and its
weekday, dates that must follow one another. When two readings contradict each other one of them
is a misread, and the checker must not accuse on either: the fact that fails is taken out of the
record (so the rules that need it say « indéterminé ») and `lecture.rejetees` keeps it, with the
check it failed, for the reports; only a count that another total confirms is kept, below the
gate. A check that passes raises the trust in the lists it confirms.

The checks:
- présents ≤ en exercice, représentés ≤ en exercice, présents + représentés ≤ en exercice;
- présents + représentés + absents = en exercice, when all four are read;
- votants ≤ présents + représentés (a member may not vote, none may vote twice);
- the number of proxy pairs read equals the printed number of représentés;
- convocation ≤ séance ≤ affichage, mise en ligne, transmission; envoi ≤ réception; the convocation's posting ≤
  séance ≤ the publication of its procès-verbal;
- the weekday printed with a date is that date's weekday.
A printed count (« Présents : 18/27 ») beats a count of the names listed, which is only derived.
Posting after transmission is normal (the act is often sent first), so those two are not ordered.
"""
from __future__ import annotations

import datetime as dt
import re

from checker.reader.dates import DATE_RE, date_from_match
from checker.reader.normalize import fold, fold_name
from ruleset.messages import nombre

# Trust in lists of names, which cannot carry their own confidence (see checker/confiance.py).
# Even a list whose length a printed count confirms was a wrong set two times in three on the
# validation texts (one name misread is enough): no list read from a document founds an
# accusation, both stay below the gate.
LIST_CONFIRMED = 0.85
LIST_UNCONFIRMED = 0.7
_PRINTED = 0.85
# The source of a count made by counting the names of a list, not printed as a number.
COUNTED = "compté sur la liste : "
# The same, when the list counted item by item between its separators gave the same number
# (checker/reader/appel.py).
COUNTED_TWICE = "compté sur la liste (deux lectures concordantes) : "
_CORROBORATED = 0.9
# A count of the names listed as present that the seats check closes (présents + représentés +
# absents = en exercice): exact, but below the gate (`_corroborate`, which keeps the fact it closed in
# `_Checker.seats_closed`).
_SEATS_CLOSED = 0.85
_SEATS_CLOSED_SAID = " = membres en exercice ("
# A count that another reading contradicts: kept for what it says, never to accuse on.
_DOUBTED = 0.85
# On the validation texts, lists of proxies and absents that no printed count confirmed were
# right about one time in three (whole sets): left out rather than trusted.
_UNCONFIRMED_LIST = "liste de noms qu'aucun nombre imprimé (représentés, votants, absents) ne confirme"
_COUNT_MARGIN = 2
# The number of proxy pairs set aside for want of a confirmation, kept without them (held-out
# synthetic minutes: right 3 of 3; the validation texts: unchanged).
_PAIRS_ASIDE = 0.6
# The least trust in the counts that fill the legal size for the members in office to be derived
# from it (a list of those present counted twice is 0.8).
_LEGAL_SIZE_FLOOR = 0.8
_LONE_PRESENT = ("nombre imprimé qu'aucun autre total (votants, en exercice) ni la liste des présents ne confirme, "
                 "gardé sous le seuil")
_UNCONFIRMED_COUNT = ("nombre de noms de la liste des présents, qu'aucun total imprimé (votants, en exercice) ne "
                      "confirme")


def _value(fact):
    return fact.get("valeur") if isinstance(fact, dict) else fact


def _confidence(fact) -> float:
    return fact.get("confiance", 1.0) if isinstance(fact, dict) else 1.0


class _Checker:
    def __init__(self, record: dict):
        self.record = record
        self.rejected: list = []
        self.confidences: dict = {}
        # The counts another total confirms (`_supported`), set before the checks that may doubt them.
        self.supported: set = set()
        # The counts of names the seats check closed (`_corroborate`), by field: the very fact closed, so
        # that a count read since in its place is not taken for it, whatever its confidence or source says.
        self.seats_closed: dict = {}

    def reject(self, node: dict, key: str, path: str, reason: str) -> None:
        fact = node.pop(key, None)
        if fact is None:
            return
        entry = {"champ": path}
        if isinstance(fact, list):
            entry["valeur"] = [p if isinstance(p, str) else {k: v for k, v in p.items() if k != "source"}
                               for p in fact]
        else:
            entry["valeur"] = _value(fact)
            if isinstance(fact, dict) and fact.get("source"):
                entry["source"] = fact["source"]
        entry["raison"] = reason
        self.rejected.append(entry)

    def doubt(self, node: dict, keys, reason: str) -> None:
        """Counts that a check contradicts. One that another total confirms (présents + représentés
        = votants, …) is kept, but below the gate, so that no `non_conforme` rests on it
        (checker/confiance.py); one that nothing confirms is set aside, with the check it failed.

        On the validation texts (aggregate figures), keeping them all below the gate left 17 wrong
        counts read; setting aside those nothing confirms left 7, for one right count lost: a count
        a check contradicts and nothing confirms is a misread more often than not, and a missing
        count is only `indetermine`."""
        for key in keys:
            fact = node.get(key)
            if isinstance(fact, dict) and isinstance(fact.get("valeur"), int) and _confidence(fact) >= _CORROBORATED:
                if key not in self.supported:
                    self.reject(node, key, f"seance.{key}", f"{reason} ; aucun autre total ne le confirme")
                    continue
                fact["confiance"] = _DOUBTED
                self.rejected.append(_doubt_entry(fact, f"seance.{key}", reason))


def _doubt_entry(fact, path: str, reason: str) -> dict:
    entry = {"champ": path, "valeur": _value(fact)}
    if isinstance(fact, dict) and fact.get("source"):
        entry["source"] = fact["source"]
    entry["raison"] = f"{reason} (nombre gardé, confiance abaissée sous le seuil)"
    return entry


def cross_check(record: dict, counted: dict | None = None, absents_printed: int | None = None,
                absents_doubts: list | None = None, absents_partial: list | None = None,
                pouvoirs_doubts: list | None = None, pouvoirs_disagreements: list | None = None,
                tallies: tuple = ((), 0), proxies_remarked: int | None = None, late: int = 0,
                expressed: int | None = None, quorum: str | None = None) -> dict:
    """Check the record read in place; returns it, with `lecture` when something was learnt.

    `counted` holds the counts made on the lists of names (présents, représentés), which stand in
    for a printed count set aside; `absents_printed` the number of absents printed, which confirms
    the list of absents by name; `tallies` the votes counted side by side and the largest « pour »
    (`appel.vote_tallies`), and `proxies_remarked` the proxies the roll notes only in brackets
    (`appel.proxies_remarked`), which check a roll counted name by name with the `late` arrivals it
    notes."""
    checker = _Checker(record)
    seance = record.get("seance", {})
    _counts(checker, seance, counted or {}, absents_printed, record.get("deliberations") or [], absents_doubts,
            absents_partial or [], pouvoirs_doubts or [], pouvoirs_disagreements or [], tallies[0], tallies[1],
            proxies_remarked, late, expressed)
    _quorum_contradicted(checker, record, quorum)
    _office_from_legal_size(seance, record.get("collectivite") or {}, absents_printed)
    _office_at_most(seance, (record.get("collectivite") or {}).get("effectif_legal"))
    _unconfirmed_present(seance, counted or {}, absents_printed)
    _complete_votes(seance, record.get("deliberations") or [])
    _dates(checker, record)
    _weekdays(checker, record)
    if checker.confidences:
        record.setdefault("lecture", {}).setdefault("confiances", {}).update(checker.confidences)
    if checker.rejected:
        record.setdefault("lecture", {}).setdefault("rejetees", []).extend(checker.rejected)
    return record


def _computed(fact) -> bool:
    """A count derived from others (« calculé : présents + représentés »): it cannot confirm them."""
    return isinstance(fact, dict) and str(fact.get("source", "")).startswith("calculé")


def _counted(fact) -> bool:
    return isinstance(fact, dict) and str(fact.get("source", "")).startswith((COUNTED, COUNTED_TWICE))


def _counted_twice(fact) -> bool:
    return isinstance(fact, dict) and str(fact.get("source", "")).startswith(COUNTED_TWICE)


def _supported(seance: dict, absents_printed: int | None = None, top_vote: int = 0, seats: bool = True) -> set:
    """The counts that another total confirms: présents + représentés = votants, présents +
    représentés + absents = en exercice (unless `seats` is false), présents + représentés = the
    voices of the largest vote counted side by side (`top_vote`: each member present or represented
    votes once on an item)."""
    def count(key):
        value = _value(seance.get(key))
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    office, present, represented, voters = (count(k) for k in
                                            ("membres_en_exercice", "presents", "representes", "votants"))
    absents = seance.get("absents")
    by_difference = _value(seance.get("presence_par_difference")) is True
    supported: set = set()
    if None not in (present, represented, voters) and present + represented == voters:
        supported |= {"presents", "representes", "votants"}
    if None not in (present, voters) and represented is None and not seance.get("pouvoirs") and present == voters:
        supported |= {"presents", "votants"}
    # A printed number of absents beats the names counted on their list (which may hold a member
    # absent only for some items, « Mme X (de la délibération n° 1 à la n° 3) »).
    absent = absents_printed if absents_printed is not None else len(absents) if absents else 0
    if top_vote and None not in (present, represented) and present + represented == top_vote:
        supported |= {"presents", "representes"} | ({"votants"} if voters == top_vote else set())
    if not seats:
        return supported
    if (None not in (office, present, absents_printed) and not by_difference and present + absents_printed == office
            and (represented is None or represented <= absents_printed)):
        # « Présents : 37 Absents, excusés : 22 » of 59: the printed absents take in those who gave a
        # proxy (they are absent too), so présents + absents make up the members in office.
        supported |= {"presents", "membres_en_exercice"}
    if (None not in (office, present, represented) and not by_difference
            and present + represented + absent == office):
        # Present, represented and absent make up the members in office; with no absent listed,
        # present + represented = in office leaves no room for one (L2121-17 counts them so).
        supported |= {"presents", "representes", "membres_en_exercice"}
    return supported


def _seats_sum(present: int, represented: int, absent: int, office: int) -> str:
    """« présents (18) + représentés (2) + absents (3) = membres en exercice (23) »."""
    return (f"présents ({present}) + représentés ({represented}) + absents ({absent})"
            f"{_SEATS_CLOSED_SAID}{office})")


def _seats_check(seance: dict, absents_printed: int | None) -> str:
    """The seats check as read (`_seats_sum`)."""
    absent = absents_printed if absents_printed is not None else len(seance.get("absents") or ())
    present, represented, office = (_value(seance.get(k)) for k in ("presents", "representes", "membres_en_exercice"))
    if isinstance(represented, int) and present + represented + absent == office:
        return _seats_sum(present, represented, absent, office)
    # « Absents : 9 » printed with the represented among them.
    return f"présents ({present}) + absents ({absent}, représentés compris){_SEATS_CLOSED_SAID}{office})"


def _corroborate(checker: _Checker, seance: dict, counted: dict, absents_printed: int | None = None,
                 top_vote: int = 0) -> None:
    """Counts that agree with each other are trusted; counts of names or read by a loose pattern
    that nothing confirms are too weak to keep (a count of names) or to accuse on (the others).

    On the validation texts, counts made by counting a list of names were right less than half
    the time, and counts read number-first (« 27 élus présents ») rarely: a printed total (« Votants :
    21 », a ratio « 18/27 ») beats them."""
    supported = _supported(seance, absents_printed, top_vote)
    by_vote = supported - _supported(seance, absents_printed)
    for key in ("presents", "representes", "votants", "membres_en_exercice"):
        fact = seance.get(key)
        if key in by_vote and isinstance(fact, dict) and not _counted(fact) and not _computed(fact):
            # A loose count (« 20 conseillers présents … 3 pouvoirs ») that the largest vote makes up:
            # kept, below the gate, the check in its source.
            fact["source"] = (f"{fact.get('source', '')} ; recoupé par le plus grand vote ({top_vote} voix = "
                              f"présents + représentés)")
            continue
        if (isinstance(fact, dict) and key not in supported and not _counted(fact)
                and fact.get("confiance", 1.0) < 0.9 and not str(fact.get("source", "")).startswith("calculé")):
            listed = counted.get(key)
            if isinstance(listed, dict) and listed.get("valeur") == fact.get("valeur"):
                # « 18 présents » and eighteen names listed: two readings of the text agree; the
                # printed number is kept, trusted as far as the list was read twice.
                fact["confiance"] = _CORROBORATED if _counted_twice(listed) else 0.85
                fact["source"] = f"{fact.get('source', '')} ; autant de noms sur la liste"
                continue
            if key == "membres_en_exercice" and _room_for_all(seance, fact["valeur"], absents_printed):
                # The seats read loosely (« Effectif : 19 », « 19 en exercice ») that hold the présents and
                # votants read beside them: kept, below the gate. On the texts not tuned on (aggregate),
                # that gave two more right and no wrong; a council's size elsewhere in the text (« le
                # conseil communal est composé de 5 membres ») holds neither, and stays set aside.
                continue
            checker.reject(seance, key, f"seance.{key}",
                           "nombre lu sans étiquette sûre, qu'aucun autre total ne confirme")
            if key in counted:
                seance[key] = dict(counted[key], confiance=min(counted[key].get("confiance", 0.6), 0.6))
    # The counts of names that stood in for a loose count are checked against the totals too.
    supported = _supported(seance, absents_printed)
    by_seats = supported - _supported(seance, absents_printed, seats=False)
    for key in ("presents", "representes", "votants", "membres_en_exercice"):
        fact = seance.get(key)
        if not isinstance(fact, dict):
            continue
        if key == "presents" and key in by_seats and _counted(fact):
            # The names listed as present, counted, fill the seats with the represented and the
            # absents: no name was lost nor added, but a member present read among the absent (or
            # as a proxy's giver) adds up too, so the count stays below the gate, as the roll's
            # (`_present_from_roll`).
            fact["confiance"] = max(fact.get("confiance", 0), _SEATS_CLOSED)
            fact["source"] = f"{fact.get('source', '')} ; {_seats_check(seance, absents_printed)}"
            checker.seats_closed[key] = fact
        elif key in supported:
            fact["confiance"] = max(fact.get("confiance", 0), _CORROBORATED)
        elif _counted_twice(fact) and key == "presents" and not (missing := _holders_unlisted(seance)):
            # Two readings of the list agree: the exact number, below the gate.
            fact["confiance"] = min(fact.get("confiance", 0.8), 0.8)
        elif _counted(fact) and key == "presents":
            # A proxy's holder sits to vote for the giver (L2121-20): one missing from the names counted
            # as present means the list counted lost names (a roll under several headings, one counted) or
            # is not the attendance (a later block of those « également présents »): two readings that
            # agree on it give no exact number either.
            missing = _holders_unlisted(seance)
            why = (f"« {missing[0]} » tient un pouvoir mais n'est pas sur la liste comptée" if missing
                   else _UNCONFIRMED_COUNT)
            # The names listed as present, counted, gave the right number on the texts tuned on
            # but less than one time in three on the others (a delegate grid, a commune read as
            # a name, the president left out of his own list): without a printed total to agree
            # with, the exact number is not given, only bounds around it, below the gate. A quorum
            # met with room to spare is still seen; a close one stays undecided.
            counted_value = fact["valeur"]
            office = seance.get("membres_en_exercice")
            high = counted_value + _COUNT_MARGIN
            if isinstance(_value(office), int):
                high = min(high, _value(office))
            low = max(0, counted_value - _COUNT_MARGIN)
            if low > high:
                checker.reject(seance, key, f"seance.{key}", why)
                continue
            seance[key] = {"min": low, "max": high,
                           "source": f"{fact['source']} ({counted_value} noms, à {_COUNT_MARGIN} près : {why})",
                           "confiance": min(fact.get("confiance", 0.6), 0.6)}
        elif _counted(fact):
            # Kept below the gate: the proxies counted pair by pair were right on the texts not
            # tuned on, but a pair lost or added by OCR must not found an accusation.
            fact["confiance"] = min(fact.get("confiance", 0.6), 0.6)
    loose = [seance.get(k) for k in ("presents", "representes")]
    if ({"presents", "representes"} <= by_vote and "votants" not in seance
            and all(isinstance(f, dict) and isinstance(f.get("valeur"), int) and not _counted(f) for f in loose)):
        # The loose counts the largest vote made up give the votants, as sure as they are.
        seance["votants"] = {"valeur": top_vote,
                             "source": f"calculé : présents ({loose[0]['valeur']}) + représentés "
                                       f"({loose[1]['valeur']}) = {top_vote} voix au plus grand vote",
                             "confiance": min(0.85, _confidence(loose[0]), _confidence(loose[1]))}


def _room_for_all(seance: dict, office: int, absents_printed: int | None) -> bool:
    """Whether the members in office leave room for every count read beside them, where no total
    could check them: with présents, représentés and the absents (printed or named) all read, the
    seats check was possible, and it failed."""
    if (all(isinstance(_value(seance.get(k)), int) for k in ("presents", "representes"))
            and (absents_printed is not None or seance.get("absents"))):
        return False
    others = []
    for key in ("presents", "votants"):
        fact = seance.get(key)
        if isinstance(fact, dict):
            others.append(fact.get("valeur", fact.get("max")))
    others = [v for v in others if isinstance(v, int)]
    return bool(others) and all(v <= office for v in others)


def _complete_votes(seance: dict, deliberations: list) -> None:
    """A side a vote leaves out (« 38 voix pour et une abstention ») is none when the sides printed
    make up the votants: each member voting is for, against or abstaining (L2121-20), so with 39
    votants, 38 for and 1 abstention, none voted against. Only with votants read without doubt, and
    below the gate (the item may have had other voters than the opening)."""
    voters = seance.get("votants")
    if not isinstance(voters, dict) or not isinstance(voters.get("valeur"), int):
        return
    for delib in deliberations:
        vote = delib.get("vote")
        if not isinstance(vote, dict):
            continue
        printed = {k: _value(vote.get(k)) for k in _VOTE_SIDES if isinstance(_value(vote.get(k)), int)}
        if sum(printed.values()) > voters["valeur"]:
            # More votes than votants (pour + contre + abstentions ≤ votants): the counts are another
            # item's (members came in) or misread; kept, but never to accuse on.
            for key in printed:
                if isinstance(vote.get(key), dict):
                    vote[key]["confiance"] = min(_confidence(vote[key]), LIST_UNCONFIRMED)
            continue
        missing = [k for k in ("contre", "abstentions") if k not in printed]
        if ("pour" not in printed or len(missing) != 1 or set(printed) - {"pour", "contre", "abstentions"}
                or sum(printed.values()) != voters["valeur"] or _confidence(voters) < _CORROBORATED):
            continue
        shown = " + ".join(f"{k} ({v})" for k, v in printed.items())
        vote[missing[0]] = {"valeur": 0, "source": f"calculé : votants ({voters['valeur']}) = {shown}",
                            "confiance": min(0.85, min(_confidence(vote[k]) for k in printed))}


def _office_from_legal_size(seance: dict, collectivite: dict, absents_printed: int | None = None) -> None:
    """En exercice not printed, but the legal size of the council is (« Nombre légal de membres 49 »):
    présents + représentés + absents ≤ en exercice ≤ effectif légal, so when the members accounted
    for fill the legal size, every seat is filled and en exercice is the legal size. When they do not,
    the legal size is still the most the members in office can be (`_office_at_most`, called after)."""
    legal = collectivite.get("effectif_legal")
    present, represented = seance.get("presents"), seance.get("representes")
    if "membres_en_exercice" in seance or not all(isinstance(f, dict) and isinstance(f.get("valeur"), int)
                                                  for f in (legal, present, represented)):
        return
    # Counts below the gate may fill the legal size too (a list counted twice, a number in words, the
    # proxy pairs counted): the members in office they give are no surer than they are.
    least = min(_confidence(legal), _confidence(present), _confidence(represented))
    if (min(_confidence(legal), _confidence(present)) < _LEGAL_SIZE_FLOOR
            or _confidence(represented) < _LEGAL_SIZE_FLOOR and not _counted(represented)
            or _counted(present) and not _counted_twice(present)):
        return
    # A printed number of absents beats the names counted on their list, as in the other totals.
    absent = absents_printed if absents_printed is not None else len(seance.get("absents") or ())
    if present["valeur"] + represented["valeur"] + absent != legal["valeur"]:
        return
    seance["membres_en_exercice"] = {
        "valeur": legal["valeur"],
        "source": f"calculé : présents ({present['valeur']}) + représentés ({represented['valeur']})"
                  + (f" + absents ({absent})" if absent else "") + f" = effectif légal (« {legal.get('source', '')} »)",
        "confiance": min(0.9, least)}


# The legal size given for the members in office it bounds: below the gate, so that the checker
# uses it for « conforme » only (checker/confiance.py).
_AT_MOST = 0.85


def _office_at_most(seance: dict, legal) -> None:
    """En exercice not printed, the legal size is (« Effectif légal du comité syndical : 23 délégués »,
    « Membres afférents au conseil : 27 »): seats may be vacant, so the members in office are at most
    that many. Given as the members in office below the gate, its source saying it is a bound: a quorum
    met against it is met against the members in office (L2121-17: the majority of fewer is fewer), a
    quorum it misses is not missed for sure, and the checker never accuses on a fact below the gate.
    Not when a count read beside it is already more than it (one of them is misread)."""
    if "membres_en_exercice" in seance or not (isinstance(legal, dict) and isinstance(legal.get("valeur"), int)
                                               and legal["valeur"] > 0):
        return
    read = [_value(seance.get(k)) for k in ("presents", "representes", "votants")]
    read = [v for v in read if isinstance(v, int) and not isinstance(v, bool)]
    present, represented = (_value(seance.get(k)) for k in ("presents", "representes"))
    seated = sum(v for v in (present, represented) if isinstance(v, int) and not isinstance(v, bool))
    if any(v > legal["valeur"] for v in read) or seated > legal["valeur"]:
        return
    seance["membres_en_exercice"] = {
        "valeur": legal["valeur"],
        "source": f"calculé : effectif légal (« {legal.get('source', '')} »), le plus que les membres en exercice "
                  f"puissent être (sièges vacants possibles)",
        "confiance": min(_AT_MOST, _confidence(legal))}


def _unconfirmed_present(seance: dict, counted: dict, absents_printed: int | None) -> None:
    """A printed number present that no other reading of the document confirms is kept below the
    gate: it may clear a quorum or leave it undecided, never found a failure (a `non_conforme`
    rests on facts read and cross-checked). Confirmed are those that add up with the votants
    (présents + représentés = votants), with the members in office (présents + représentés +
    absents = en exercice, or = the legal size printed when en exercice is not), or that the list of
    those present gives name for name.

    On the validation texts (aggregate figures), printed présents at the gate were right 18 times in
    21; with those nothing confirms put below it (5 right in 7), 13 times in 14."""
    present = seance.get("presents")
    if (not isinstance(present, dict) or not isinstance(present.get("valeur"), int) or _counted(present)
            or _computed(present) or _confidence(present) < _CORROBORATED):
        return
    office = seance.get("membres_en_exercice")
    if _computed(office) and "effectif légal" in str(office.get("source", "")):
        # présents + représentés + absents make up the legal size printed: a total that adds up.
        return
    printed = {k: v for k, v in seance.items() if not _computed(v)}
    if "presents" in _supported(printed, absents_printed):
        return
    pairs = seance.get("pouvoirs")
    if pairs and not isinstance(printed.get("representes"), dict):
        # The représentés calculated from the votants cannot confirm the présents they come from, but
        # the proxy pairs named, counted, are another reading of the same number.
        if "presents" in _supported(dict(printed, representes={"valeur": len(pairs)}), absents_printed):
            return
    listed = counted.get("presents")
    if isinstance(listed, dict) and listed.get("valeur") == present["valeur"]:
        return
    present["confiance"] = _PRINTED
    present["source"] = f"{present.get('source', '')} ; {_LONE_PRESENT}"
    represented = seance.get("representes")
    if _computed(represented) and "présents (" in represented["source"]:
        # Représentés calculated from these présents (votants − présents) are no surer than they are.
        represented["confiance"] = min(_confidence(represented), _PRINTED)


# The names reader's disagreement that a holder is read among the absent (members.py,
# `_pair_disagreements`): whether the holder sat says nothing of how many members gave a proxy.
_HOLDER_READ_ABSENT = "» lu absent et mandataire"


def _number_doubted(disagreements: list) -> bool:
    """Whether the names reader's disagreements with the pairs put their NUMBER in doubt. A giver read
    present at the opening may have given no proxy (one pair too many); a member read present and
    named after « à » among the absent, or a proxy word outside every pair read, may be a pair not
    read (one too few). A holder read among the absent does neither: each pair is still one member
    away who gave a proxy (L2121-20), whoever holds it; the list of the absent is what was cut
    wrong, and the pairs go with it, not their number."""
    return any(not reason.endswith(_HOLDER_READ_ABSENT) for reason in disagreements)


def _present_names(seance: dict) -> set:
    return {fold_name(m["nom"]) for m in seance.get("membres", []) if m.get("presence") == "present"}


def _holders_unlisted(seance: dict) -> list:
    """The holders of the proxies read who are not in the list of those present (nor preside)."""
    present = _present_names(seance)
    if len(present) < 2:
        return []
    president = _value(seance.get("president"))
    if isinstance(president, str):
        present.add(fold_name(president))
    cores = {_core(name) for name in present}
    return [p["mandataire"] for p in seance.get("pouvoirs") or []
            if isinstance(p, dict) and isinstance(p.get("mandataire"), str)
            and _core(fold_name(p["mandataire"])) not in cores and not _listed(fold_name(p["mandataire"]), present)]


def _holders_present(seance: dict, pairs: list) -> bool:
    """Every holder is in the list of those present and no giver is: the two lists, read apart,
    agree with each other (a holder must sit to vote for another)."""
    present = _present_names(seance)
    if len(present) < 2:
        return False
    president = _value(seance.get("president"))
    if isinstance(president, str):
        # The president presides, so sits, even when the list of those present leaves him out.
        present.add(fold_name(president))
    cores = {_core(name) for name in present}
    return (all(_core(fold_name(p["mandataire"])) in cores or _listed(fold_name(p["mandataire"]), present)
                for p in pairs)
            and not _givers_listed(pairs, present))


def _givers_listed(pairs: list, present: set) -> bool:
    """Whether a giver of a proxy is among `present` (folded names), whole or by its core."""
    cores = {_core(name) for name in present}
    return any(_core(fold_name(p["mandant"])) in cores or fold_name(p["mandant"]) in present for p in pairs)


_INITIALS = re.compile(r"\b(?:m|mme|mr|mlle|monsieur|madame|[a-z]{1,2}\.?)\b\.?")


def _core(name: str) -> str:
    """A folded name without civility, initials, dots and spaces: « M. MARTIN-LAVAL B. » and
    « MARTINLAVAL B » are one person written two ways by two lists of one extract."""
    return re.sub(r"[\s.]", "", _INITIALS.sub(" ", name))


def _stray_holders(seance: dict, pairs: list, printed_present: int | None) -> list:
    """Holders missing from a list of those present that is whole (as many names as the printed
    number present): a holder sits to vote for another, so the pair was misread."""
    present = _present_names(seance)
    if printed_present is None or len(present) != printed_present or len(present) < 2:
        return []
    president = _value(seance.get("president"))
    if isinstance(president, str):
        present.add(fold_name(president))
    return [p["mandataire"] for p in pairs if not _listed(fold_name(p["mandataire"]), present)]


def _listed(name: str, names: set) -> bool:
    """Whether `name` is in `names`, allowing for OCR's misspellings (« LUVISITTO », « LUVISUTTO »), a
    commune run into a name (« Ambillou Bruno CHEUVREUX ») and a surname alone with one letter slipped
    (« RIBERO » for « Romain RIBEIRO »)."""
    from difflib import SequenceMatcher
    if name in names:
        return True
    words = set(name.split())
    return any(words <= set(other.split()) or set(other.split()) <= words or _initials_match(name, other)
               or not _gendered(name, other) and (SequenceMatcher(None, name, other).ratio() >= 0.8
                                                  or _surname_slip(name, other))
               for other in names)


def _gendered(name: str, other: str) -> bool:
    """Whether a word of one name is a word of the other with a feminine ending added (« martin » and
    « martine », « jean » and « jeanne », « daniel » and « danielle »): two people (M. MARTIN and
    Mme Martine DUPONT, Jean and Jeanne MARTIN), never one name misspelt."""
    for word in name.split():
        for other_word in other.split():
            short, long = sorted((word, other_word), key=len)
            if len(short) >= 3 and long.startswith(short) and long[len(short):] in ("e", "ne", "le", "te", "se"):
                return True
    return False


def _initials_match(name: str, other: str) -> bool:
    """« DURAND J. », « J.-P. DURAND » for « Jean-Pierre DURAND »: the same surname, the initials
    the first letters of the other's given names."""
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", name)
    initials = "".join(w for w in words if len(w) == 1)
    full = [w for w in words if len(w) > 1]
    if not full or not initials:
        return False
    others = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", other)
    if not all(w in others for w in full):
        return False
    given = [w for w in others if w not in full]
    return len(given) == len(initials) and initials == "".join(w[0] for w in given)


def _surname_slip(name: str, other: str) -> bool:
    """A surname alone of six letters or more one letter away (one added, dropped or changed) from a
    word of another name."""
    if " " in name.strip() or len(name) < 6:
        return False
    return any(len(word) >= 6 and _one_edit(name, word) for word in other.split())


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_VOTE_SIDES = ("pour", "contre", "abstentions", "blancs_nuls", "ne_prenant_pas_part")


def _vote_total(deliberations: list):
    """The number of members who took part in the first vote counted side by side, its sides, its
    source and the vote itself."""
    for delib in deliberations:
        vote = delib.get("vote") or {}
        sides = {k: _value(vote.get(k)) for k in _VOTE_SIDES if isinstance(_value(vote.get(k)), int)}
        if "pour" in sides and len(sides) >= 2 or (sides.get("pour") and _value(vote.get("unanimite")) is True):
            source = next((vote[k].get("source") for k in sides if isinstance(vote.get(k), dict)), None)
            return sum(sides.values()), sides, source, vote
    return None


def _present_from_vote_total(seance: dict, deliberations: list) -> None:
    """Présents from the first vote when the names listed as present only gave bounds: a vote with
    every side counted (« Pour : 29 - Contre : 0 - Abstention : 0 ») is cast by the members present
    and represented, so présents = total of the votes − représentés; kept only when it is the number
    of names listed or up to two more (two readings that agree: a list misses a name more often than
    it adds one), below the gate."""
    present, represented = seance.get("presents"), seance.get("representes")
    if not (isinstance(present, dict) and "min" in present and isinstance(represented, dict)
            and isinstance(represented.get("valeur"), int)):
        return
    found = _vote_total(deliberations)
    if found is None:
        return
    total, sides, source, _ = found
    derived = total - represented["valeur"]
    listed = present["min"] + _COUNT_MARGIN if present["min"] > 0 else None
    if listed is None or not listed <= derived <= present["max"]:
        # Fewer votes than names listed as present: some did not vote, or the vote is a later
        # item's; the names listed are a floor (a name is missed more often than one is added).
        return
    shown = " + ".join(f"{k.replace('_', ' ')} {v}" for k, v in sides.items())
    seance["presents"] = {"valeur": derived,
                          "source": f"calculé : total des voix ({shown} = {total}) − représentés "
                                    f"({represented['valeur']}), dans les bornes des noms comptés"
                                    + (f" (« {source} »)" if source else ""),
                          "confiance": 0.85}
    if "votants" not in seance:
        seance["votants"] = {"valeur": total, "source": f"calculé : total des voix ({shown})", "confiance": 0.85}


def _roll_checked_by_votes(checker: _Checker, seance: dict, counted: dict, tallies: list, most_for: int,
                           proxies_remarked: int | None, late: int = 0) -> None:
    """The roll of those present counted name by name, checked against the votes of the meeting.

    Each member present or represented votes at most once on an item (L2121-20), so no vote has
    more voices than présents + représentés: the largest total of a vote counted side by side that
    equals the names listed as present plus the proxies closes the check, and the count of the
    list is given exactly (below the gate, with the check in its source), with the votants it
    makes. A vote with more voices than that, or more « pour » alone, contradicts the list: its
    exact count is set aside (a name or a proxy was missed, or members came in). The represented
    are those read (proxy pairs, a printed number) or, where the roll speaks of proxies only in
    remarks in brackets (« X (pouvoir donné à Y) », « (pas de pouvoir) »), the number of such
    remarks — used only when the check closes. Members the roll says came in after the opening
    (« (arrivé à 19h07) ») vote on the later items: they are added to the voices the check allows."""
    listed, present = counted.get("presents"), seance.get("presents")
    if not tallies or not isinstance(listed, dict) or not isinstance(listed.get("valeur"), int):
        return
    if not isinstance(present, dict) or not ("min" in present or _counted(present)):
        return
    if "votants" in seance and not _computed(seance["votants"]):
        return
    represented = seance.get("representes")
    if isinstance(represented, dict) and isinstance(represented.get("valeur"), int):
        others, said = represented["valeur"], "représentés"
    elif represented is None and proxies_remarked is not None:
        others, said = proxies_remarked, "pouvoirs notés entre parenthèses" if proxies_remarked else "aucun pouvoir"
    else:
        return
    names = listed["valeur"]
    largest = max(tallies, key=lambda t: t.total)
    top = max(largest.total, most_for)
    arrived = f" + {late} arrivé(s) après l'ouverture" if late else ""
    if top > names + others + late:
        if "valeur" in present:
            # The exact count is set aside; the bounds around it stay, as for a list nothing confirms.
            reason = (f"{top} voix à un vote, plus que les {names} noms de la liste des présents + {others} "
                      f"({said}){arrived}")
            checker.rejected.append(_doubt_entry(present, "seance.presents", reason).__or__(
                {"raison": f"{reason} (nombre exact écarté, bornes gardées)"}))
            seance["presents"] = {"min": max(0, names - _COUNT_MARGIN), "max": names + _COUNT_MARGIN,
                                  "source": f"{present.get('source', '')} ({names} noms, à {_COUNT_MARGIN} près : "
                                            f"{reason})",
                                  "confiance": min(_confidence(present), 0.6)}
        return
    if top < names + others + late:
        return
    shown = " + ".join(f"{v} {k.replace('_', ' ')}" for k, v in largest.sides.items())
    check = (f"recoupé par le plus grand vote : {shown} = {largest.total} voix = {names} présents + {others} "
             f"({said}){arrived} (« {largest.source} »)")
    seance["presents"] = {"valeur": names, "source": f"{listed.get('source', '')} ; {check}", "confiance": 0.85}
    if represented is None:
        seance["representes"] = {"valeur": others, "source": f"compté sur la liste : {said} ; {check}",
                                 "confiance": 0.85}
    elif _counted(represented):
        represented["confiance"] = max(_confidence(represented), 0.85)
        represented["source"] = f"{represented.get('source', '')} ; {check}"
    seance["votants"] = {"valeur": names + others,
                         "source": f"calculé : présents ({names}) + représentés ({others}) ; {check}",
                         "confiance": 0.85}


def _present_from_printed_totals(seance: dict) -> None:
    """Présents from the votants and représentés printed when the names listed as present only gave
    bounds: each member present votes once and each proxy once, so présents = votants −
    représentés; kept only within the bounds of the names counted, below the gate (a member present
    who stayed out of the vote would make it one too few)."""
    present, represented, voters = (seance.get(k) for k in ("presents", "representes", "votants"))
    if not (isinstance(present, dict) and "min" in present):
        return
    if not all(isinstance(f, dict) and isinstance(f.get("valeur"), int) and _confidence(f) >= _CORROBORATED
               and not _counted(f) and not _computed(f) for f in (represented, voters)):
        return
    derived = voters["valeur"] - represented["valeur"]
    if not present["min"] <= derived <= present["max"]:
        return
    seance["presents"] = {"valeur": derived,
                          "source": f"calculé : votants ({voters['valeur']}) − représentés ({represented['valeur']}), "
                                    f"dans les bornes des noms comptés (« {voters.get('source', '')} »)",
                          "confiance": 0.85}


def _present_from_voters(seance: dict) -> None:
    """Présents not printed nor listed, but the votants and the représentés are (« Votants : 16 dont 2
    pouvoirs »): each member present votes once and each proxy once (L2121-20), so présents = votants
    − représentés, as the labelled corpus counts them. A difference, not a print: below the gate (a
    member present who stayed out of the vote would make it one too few)."""
    represented, voters = seance.get("representes"), seance.get("votants")
    if "presents" in seance or not all(
            isinstance(f, dict) and isinstance(f.get("valeur"), int) and _confidence(f) >= _CORROBORATED
            and not _counted(f) and not _computed(f) for f in (represented, voters)):
        return
    if voters["valeur"] <= represented["valeur"]:
        return
    seance["presents"] = {"valeur": voters["valeur"] - represented["valeur"],
                          "source": f"calculé : votants ({voters['valeur']}) − représentés ({represented['valeur']}) "
                                    f"(« {voters.get('source', '')} »)",
                          "confiance": 0.85}


def _derive_represented(seance: dict) -> None:
    """Représentés not printed: votants − présents, when both are printed and trusted (« Présents : 25
    Votants : 33 »: the 8 others vote by proxy)."""
    present, voters = seance.get("presents"), seance.get("votants")
    represented = seance.get("representes")
    if represented is not None and not _counted(represented):
        return
    if not isinstance(present, dict) or not isinstance(voters, dict):
        return
    if _counted(present) or min(_confidence(present), _confidence(voters)) < 0.9:
        return
    difference = voters["valeur"] - present["valeur"]
    if difference < 0 or (represented is not None and represented["valeur"] > difference):
        # More proxies counted than votants − présents: a member may have held back from the vote,
        # so the two do not settle the number represented.
        return
    # Fewer proxies counted than votants − présents cannot be (no one votes twice): the list lost
    # a pair, and the printed totals give the number.
    seance["representes"] = {"valeur": difference,
                             "source": f"calculé : votants ({voters['valeur']}) − présents ({present['valeur']})",
                             "confiance": 0.9}


def _derive_voters(checker: _Checker, seance: dict) -> None:
    """Votants not printed: présents + représentés, when both are trusted (printed, or counted on
    lists that another total confirmed): each proxy is one vote of a member present; a member who
    did not vote would show in the vote counts."""
    present, represented = seance.get("presents"), seance.get("representes")
    if "votants" in seance or not isinstance(present, dict) or not isinstance(represented, dict):
        return
    if "valeur" not in present or "valeur" not in represented:
        return
    if str(present.get("source", "")).startswith("calculé"):
        if _value(seance.get("presence_par_difference")) is True and _confidence(represented) >= 0.6:
            # « Tous … présents ou représentés à l'exception de … »: présents + représentés are the
            # members in office less the absents named, as sure as the lists that give them.
            seance["votants"] = {"valeur": present["valeur"] + represented["valeur"],
                                 "source": f"calculé : présents ({present['valeur']}) + représentés "
                                           f"({represented['valeur']})",
                                 "confiance": min(_confidence(present), _confidence(represented), 0.8)}
        return
    trusted = min(_confidence(present), _confidence(represented)) >= 0.9
    printed_and_pairs = _confidence(present) >= 0.9 and not _counted(present) and _counted(represented)
    if checker.seats_closed.get("presents") is present and _confidence(represented) >= _SEATS_CLOSED:
        # A list counted that fills the seats: the votants are as sure as it is, below the gate.
        seance["votants"] = {"valeur": present["valeur"] + represented["valeur"],
                             "source": f"calculé : présents ({present['valeur']}) + représentés "
                                       f"({represented['valeur']})",
                             "confiance": _SEATS_CLOSED}
        return
    if not trusted and not _counted_twice(present) and not printed_and_pairs:
        return
    # From a list counted twice, or a printed number present and the proxy pairs counted, the votants
    # are as sure as the counts they add up: below the gate.
    seance["votants"] = {"valeur": present["valeur"] + represented["valeur"],
                         "source": f"calculé : présents ({present['valeur']}) + représentés ({represented['valeur']})",
                         "confiance": 0.85 if trusted else min(_confidence(present), _confidence(represented), 0.8)}


def _voters_from_expressed(checker: _Checker, seance: dict, expressed: int | None, proxies_remarked: int | None) -> None:
    """Votants not printed, but the votes expressed are (« Nombre d'exprimés : 11 »): a floor of the
    votants, which are at most présents + représentés; when the two meet, the votants are that
    number. The represented not read are then the proxies the roll notes (none: 0), or the pairs
    read but set aside when exprimés − présents is their number. Below the gate."""
    present = seance.get("presents")
    if expressed is None or "votants" in seance or not (isinstance(present, dict)
                                                       and isinstance(present.get("valeur"), int)):
        return
    represented = seance.get("representes")
    pairs = next((r["valeur"] for r in checker.rejected if r["champ"] == "seance.pouvoirs"
                  and isinstance(r.get("valeur"), list)), None)
    if isinstance(represented, dict) and isinstance(represented.get("valeur"), int):
        if present["valeur"] + represented["valeur"] != expressed:
            return
        how = f"présents ({present['valeur']}) + représentés ({represented['valeur']})"
        confidence = min(0.85, _confidence(present), _confidence(represented))
    elif represented is None and proxies_remarked == 0 and present["valeur"] == expressed:
        seance["representes"] = {"valeur": 0, "source": f"calculé : aucun pouvoir autour de la liste, et exprimés "
                                                        f"({expressed}) = présents ({present['valeur']})",
                                 "confiance": min(0.85, _confidence(present))}
        how = f"présents ({present['valeur']}), aucun pouvoir"
        confidence = min(0.85, _confidence(present))
    elif represented is None and pairs and present["valeur"] + len(pairs) == expressed:
        seance["representes"] = {"valeur": len(pairs),
                                 "source": f"calculé : exprimés ({expressed}) − présents ({present['valeur']}) = "
                                           f"{len(pairs)} pouvoirs lus nommément (paires écartées)",
                                 "confiance": min(0.85, _confidence(present))}
        how = f"présents ({present['valeur']}) + {len(pairs)} pouvoirs lus"
        confidence = min(0.85, _confidence(present))
    else:
        return
    seance["votants"] = {"valeur": expressed,
                         "source": f"calculé : suffrages exprimés ({expressed}) = {how}, le plus que les votants "
                                   f"puissent être", "confiance": confidence}


def _counts(checker: _Checker, seance: dict, counted: dict, absents_printed: int | None,
            deliberations: list = (), absents_doubts: list | None = None, absents_partial: list = (),
            pouvoirs_doubts: list = (), pouvoirs_disagreements: list = (), tallies: list = (), most_for: int = 0,
            proxies_remarked: int | None = None, late: int = 0, expressed: int | None = None) -> None:
    _no_one_present(checker, seance, counted)
    _corroborate(checker, seance, counted, absents_printed,
                 max([t.total for t in tallies] + [most_for]) if tallies else most_for)
    _present_from_printed_totals(seance)
    _present_from_voters(seance)
    _roll_checked_by_votes(checker, seance, counted, tallies, most_for, proxies_remarked, late)
    _present_from_vote_total(seance, deliberations)
    _derive_represented(seance)
    _derive_voters(checker, seance)

    def count(key):
        value = _value(seance.get(key))
        return value if isinstance(value, int) else None

    office, present, represented = count("membres_en_exercice"), count("presents"), count("representes")
    # Only totals printed or counted confirm here, never one calculated from the counts it would
    # confirm (« calculé : présents + représentés »), nor the largest vote, which may be a later item's.
    checker.supported = _supported({k: v for k, v in seance.items() if not _computed(v)}, absents_printed)

    def reject_weakest(keys, reason):
        """Take out the counts a check contradicts; a printed count beats one counted on a list of
        names or calculated, so where both kinds disagree only the derived ones go."""
        derived = [k for k in keys if _counted(seance.get(k)) or _computed(seance.get(k))]
        for key in derived if derived and len(derived) < len(keys) else keys:
            checker.reject(seance, key, f"seance.{key}", reason)
        return [count(k) for k in ("membres_en_exercice", "presents", "representes")]

    if office is not None and present is not None and present > office:
        office, present, represented = reject_weakest(
            ("presents", "membres_en_exercice"),
            f"présents ({present}) plus nombreux que les membres en exercice ({office})")
    if office is not None and represented is not None and represented > office:
        office, present, represented = reject_weakest(
            ("representes", "membres_en_exercice"),
            f"représentés ({represented}) plus nombreux que les membres en exercice ({office})")
    if office is not None and present is not None and represented is not None and present + represented > office:
        office, present, represented = reject_weakest(
            ("presents", "representes", "membres_en_exercice"),
            f"présents ({present}) + représentés ({represented}) = {present + represented}, plus que les membres en "
            f"exercice ({office})")
    voters = count("votants")
    if voters is not None and office is not None and voters > office:
        # Each votant is a member in office, present or represented (L2121-20).
        office, present, represented = reject_weakest(
            ("votants", "membres_en_exercice"),
            f"votants ({voters}) plus nombreux que les membres en exercice ({office})")
        voters = count("votants")
    if voters is not None and present is not None and represented is not None and voters > present + represented:
        reason = f"votants ({voters}) plus nombreux que présents ({present}) + représentés ({represented})"
        checker.reject(seance, "votants", "seance.votants", reason)
        # One of the three is misread, maybe the présents (too few: a quorum failure that is not).
        checker.doubt(seance, ("presents", "representes"), reason)
    elif (voters is not None and present is not None and represented is not None and voters < present + represented
          and not any(_computed(seance.get(k)) for k in ("presents", "representes", "votants"))):
        # Fewer votants than members present and represented: a member may have stayed out of the
        # vote, but the printed counts of the opening usually add up; one may be misread.
        checker.doubt(seance, ("presents", "representes", "votants"),
                      f"votants ({voters}) moins nombreux que présents ({present}) + représentés ({represented})")
    found = _vote_total(deliberations)
    if found is not None and present is not None and represented is not None and found[0] > present + represented:
        # More votes cast on the first item counted side by side than members present and
        # represented: a count is misread, or members came in after the opening; either way the
        # opening's counts are too doubtful to accuse on.
        total, sides, _, vote = found
        # The vote may as well be the misread (or a later item's, members having come in): its
        # counts are kept, but never to accuse on.
        for key in sides:
            if isinstance(vote.get(key), dict):
                vote[key]["confiance"] = min(_confidence(vote[key]), LIST_UNCONFIRMED)
        checker.doubt(seance, ("presents", "representes", "votants"),
                      f"{' + '.join(f'{v} {k}' for k, v in sides.items())} = {total} voix au premier vote, plus que "
                      f"présents ({present}) + représentés ({represented})")
    absent = absents_printed
    if (absent is not None and None not in (office, present, represented)
            and not any(_counted(seance.get(k)) or _computed(seance.get(k))
                        for k in ("membres_en_exercice", "presents", "representes"))
            and _value(seance.get("presence_par_difference")) is not True
            and office not in (present + represented + absent, present + absent)):
        # Each member in office is present, represented or absent (L2121-20; some extracts count the
        # represented among the absent, « Absents : 23 » with 2 proxies among them): printed counts
        # that add up neither way hold a misread. With présents + représentés confirmed by the
        # votants, the misread is the number in office or the absents printed, which no check
        # tells apart: the number in office is kept, below the gate.
        if {"presents", "representes"} <= checker.supported:
            checker.supported = checker.supported | {"membres_en_exercice"}
        checker.doubt(seance, ("presents", "representes", "membres_en_exercice"),
                      f"présents ({present}) + représentés ({represented}) + absents ({absent}) = "
                      f"{present + represented + absent}, mais {office} membres en exercice")
    by_difference = _value(seance.get("presence_par_difference")) is True
    represented_fact = seance.get("representes")
    printed = {key: count(key) for key in ("membres_en_exercice", "presents", "representes", "votants")
               if count(key) is not None and not _counted(seance.get(key)) and not _computed(seance.get(key))}
    expected_pairs = printed.get("representes")
    if expected_pairs is None and "votants" in printed and "presents" in printed:
        expected_pairs = printed["votants"] - printed["presents"]
    pairs = seance.get("pouvoirs")
    both = ({fold_name(p["mandant"]) for p in pairs} & {fold_name(p["mandataire"]) for p in pairs}) if pairs else set()
    stray = _stray_holders(seance, pairs, printed.get("presents")) if pairs else []
    if pairs:
        if pouvoirs_doubts:
            # The names reader's own doubts (a giver whose holder is unreadable, a giver read present,
            # a holder read absent): the pairs are incomplete or cut in the wrong places.
            checker.reject(seance, "pouvoirs", "seance.pouvoirs", f"paires douteuses : {pouvoirs_doubts[0]}")
            seance.pop("membres", None)
            if _counted(represented_fact):
                checker.reject(seance, "representes", "seance.representes", "compté sur une liste de pouvoirs écartée")
        elif stray:
            checker.reject(seance, "pouvoirs", "seance.pouvoirs",
                           f"mandataire absent de la liste entière des présents ({', '.join(stray)})")
            seance.pop("membres", None)
            if _counted(represented_fact):
                checker.reject(seance, "representes", "seance.representes", "compté sur une liste de pouvoirs écartée")
        elif both:
            # A giver is away and a holder sits: one member read as both means the pairs were
            # cut in the wrong places (a list of names read across a column of communes).
            checker.reject(seance, "pouvoirs", "seance.pouvoirs",
                           "un même membre lu à la fois comme mandant et comme mandataire")
            seance.pop("membres", None)
            if _counted(represented_fact):
                checker.reject(seance, "representes", "seance.representes", "compté sur une liste de pouvoirs écartée")
        elif expected_pairs is not None and len(pairs) != expected_pairs:
            reason = (f"{nombre(len(pairs), '# pouvoir lu|# pouvoirs lus')} nommément, mais "
                      f"{nombre(expected_pairs, '# représenté imprimé|# représentés imprimés')}")
            checker.reject(seance, "pouvoirs", "seance.pouvoirs", reason)
            if "representes" in printed:
                # The pairs are the opening's; a printed number they contradict may be an item's
                # (« Pouvoirs : 3 » after a departure) or misread, even when it adds up with the
                # votants read beside it: set aside with the pairs (on the validation texts such
                # numbers were wrong more often than right).
                checker.reject(seance, "representes", "seance.representes", reason)
            seance.pop("membres", None)
            if _counted(represented_fact):
                checker.reject(seance, "representes", "seance.representes", "compté sur une liste de pouvoirs écartée")
        elif expected_pairs is not None or (_counted(represented_fact) and _confidence(represented_fact) >= _CORROBORATED):
            # Confirmed by a printed count, or by the totals (présents + représentés + absents = en
            # exercice) that the number of pairs completes.
            checker.confidences["seance.pouvoirs"] = LIST_CONFIRMED
        elif (by_difference or len(_present_names(seance)) < 2 or _holders_present(seance, pairs)) \
                and not pouvoirs_disagreements:
            # Pairs read cleanly (the names reader found nothing amiss) whose holders sit in the list of
            # those present, or with no such list to check them against: given below the gate. A
            # holder missing from a list of those present read still sets them aside (a holder sits).
            checker.confidences["seance.pouvoirs"] = LIST_UNCONFIRMED
        else:
            checker.reject(seance, "pouvoirs", "seance.pouvoirs", _UNCONFIRMED_LIST + "".join(
                f" ({reason})" for reason in pouvoirs_disagreements[:1]))
            seance.pop("membres", None)
            if _counted(represented_fact) and (_number_doubted(pouvoirs_disagreements)
                                               or _givers_listed(pairs, _present_names(seance))):
                checker.reject(seance, "representes", "seance.representes", "compté sur une liste de pouvoirs écartée")
            elif _counted(represented_fact):
                # Pairs the names reader read cleanly, set aside only because a holder is missing from
                # the list of those present (a list that left him out, or a holder's name misread) and
                # no printed number confirms them: who gave to whom is in doubt, not how many gave.
                # The number is kept, below the gate. (A member read both present and away, or a giver
                # listed present, is a doubt on the number too: such pairs go with their number.)
                represented_fact["confiance"] = min(_confidence(represented_fact), _PAIRS_ASIDE)
                represented_fact["source"] = (f"{represented_fact.get('source', '')} (paires écartées : "
                                              f"nombre gardé)")
    absents = seance.get("absents")
    expected_absents = None
    # Whether the absents expected are those of a présents counted on a list, not printed.
    from_listed_present = False
    if {"membres_en_exercice", "presents"} <= printed.keys() and expected_pairs is not None:
        expected_absents = printed["membres_en_exercice"] - printed["presents"] - expected_pairs
    elif absents_printed is not None:
        expected_absents = absents_printed
    elif ("membres_en_exercice" in printed and count("presents") is not None
          and (expected_pairs is not None or seance.get("pouvoirs"))):
        # The number in office printed, those present counted on their list and the proxies read:
        # three readings that must add up with the absents named (L2121-20: each member is present,
        # represented or absent).
        represented_count = expected_pairs if expected_pairs is not None else len(seance["pouvoirs"])
        expected_absents = printed["membres_en_exercice"] - count("presents") - represented_count
        from_listed_present = True
    if absents_partial and expected_absents is not None and len(absents or ()) + len(absents_partial) == expected_absents:
        # Members absent for part of the meeting (« parti après le point 5 »): the printed numbers
        # count them absent, as for the act an extract is about.
        absents = seance["absents"] = list(absents or ()) + list(absents_partial)
    elif absents_partial and absents_doubts is not None:
        absents_doubts = list(absents_doubts) + [f"« {absents_partial[0]} » absent pour une partie de la séance seulement"]
    if absents and not by_difference:
        if expected_absents is not None and len(absents) != expected_absents:
            reason = (f"{nombre(len(absents), '# absent lu|# absents lus')} nommément, mais en exercice − présents − "
                      f"représentés = {expected_absents}")
            checker.reject(seance, "absents", "seance.absents", reason)
            seance.pop("membres", None)
            if from_listed_present:
                # The number present counted on a list is as likely the misread as the absents named
                # (a list of suppléants sitting left out, a name split in two): with nothing printed
                # to tell them apart, neither is given.
                checker.reject(seance, "presents", "seance.presents",
                               f"présents comptés sur la liste ({count('presents')}) + représentés ({represented_count}) + "
                               f"{nombre(len(absents), '# absent nommé|# absents nommés')} = "
                               f"{count('presents') + represented_count + len(absents)}, mais "
                               f"{printed['membres_en_exercice']} membres en exercice")
        elif expected_absents is not None:
            checker.confidences["seance.absents"] = LIST_CONFIRMED
        elif absents_doubts is not None and (doubt := _absents_doubted(checker, seance, absents, absents_doubts)) is None:
            # A list read cleanly (every name a person's, nothing left between them, every proxy
            # word paired) and consistent with the proxies read: given below the gate.
            checker.confidences["seance.absents"] = LIST_UNCONFIRMED
        else:
            checker.reject(seance, "absents", "seance.absents",
                           _UNCONFIRMED_LIST + (f" ({doubt})" if absents_doubts is not None and doubt else ""))
            seance.pop("membres", None)
    elif absents:
        checker.confidences["seance.absents"] = LIST_UNCONFIRMED
    for key in ("votants", "representes", "membres_en_exercice"):
        fact = seance.get(key)
        if _computed(fact) and any(f"{word} (" in fact["source"] and other not in seance for word, other in (
                ("présents", "presents"), ("représentés", "representes"), ("votants", "votants"))):
            # Derived from a count set aside since: it goes with it.
            checker.reject(seance, key, f"seance.{key}", "calculé à partir d'un nombre écarté")
    _present_from_roll(checker, seance, absents_printed)
    _voters_from_expressed(checker, seance, expressed, proxies_remarked)
    if seance.get("membres"):
        checker.confidences["seance.membres"] = LIST_UNCONFIRMED
    if seance.get("secretaires"):
        checker.confidences["seance.secretaires"] = LIST_UNCONFIRMED


# The months when the quorum was a third of the members in office, proxies counted (ordonnance
# n° 2020-391, loi n° 2020-1379 and their extensions to 30 September 2022, L2121-17 adapted).
_THIRD_QUORUM = (dt.date(2020, 3, 12), dt.date(2022, 9, 30))


def _quorum_contradicted(checker: _Checker, record: dict, quorum: str | None) -> None:
    """The text says the quorum is met (« le quorum étant atteint », « formant la majorité des membres en
    exercice »), yet the présents read are too few for it: présents ≤ half the members in office (L2121-17),
    or, in the months when a third sufficed with the proxies, présents + représentés below a third. One of
    the two counts is misread: the présents (the count most often misread) are set aside when nothing
    confirms them, kept below the gate when a total does, and what was calculated from them goes too."""
    seance = record.get("seance", {})
    present, office = seance.get("presents"), seance.get("membres_en_exercice")
    if quorum is None or not all(isinstance(f, dict) and isinstance(f.get("valeur"), int) for f in (present, office)):
        return
    if (record.get("convocation") or {}).get("seconde_convocation"):
        # After a first meeting without quorum, the second sits whatever the number present.
        return
    meeting = _date(seance.get("date"))
    represented = _value(seance.get("representes")) if isinstance(_value(seance.get("representes")), int) else 0
    if meeting is not None and _THIRD_QUORUM[0] <= meeting <= _THIRD_QUORUM[1]:
        if 3 * (present["valeur"] + represented) >= office["valeur"]:
            return
        rule = f"présents + représentés ({present['valeur'] + represented}), moins du tiers"
    elif 2 * present["valeur"] > office["valeur"]:
        return
    else:
        rule = f"présents ({present['valeur']}), pas plus de la moitié"
    reason = f"{rule} des {office['valeur']} membres en exercice, mais le texte dit le quorum atteint (« {quorum} »)"
    if _confidence(present) >= _CORROBORATED:
        checker.doubt(seance, ("presents",), reason)
    else:
        checker.reject(seance, "presents", "seance.presents", reason)
    if "presents" not in seance:
        for key in ("votants", "representes"):
            if _computed(seance.get(key)) and "présents (" in seance[key]["source"]:
                checker.reject(seance, key, f"seance.{key}", "calculé à partir d'un nombre écarté")


def _no_one_present(checker: _Checker, seance: dict, counted: dict) -> None:
    """« Présents : 0 » is a misread (« à 20 h. 00 Etaient présents : » read as a count): an
    assembly does not sit with no member present — the president at least sits — and a list of
    those present beside it names some. Set aside; the list counted stands in, as for any count
    set aside."""
    present = seance.get("presents")
    if not isinstance(present, dict) or present.get("valeur") != 0 or _computed(present):
        return
    named = len(_present_names(seance))
    checker.reject(seance, "presents", "seance.presents",
                   "aucun membre présent : une assemblée ne siège pas sans membre présent"
                   + (f", et la liste des présents en nomme {named}" if named else ""))
    listed = counted.get("presents")
    if isinstance(listed, dict) and listed.get("valeur"):
        seance["presents"] = dict(listed)


def _present_from_roll(checker: _Checker, seance: dict, absents_printed: int | None) -> None:
    """Présents not given exactly (no printed number, the list counted only bounds), but the roll
    the names reader read — those present, suppléants sitting with voix délibérative among them,
    the proxies and the absents — makes up the printed number in office: présents = the members
    it names present. Each member in office is present, represented or absent (L2121-20), so a
    roll that accounts for every seat lost no name and added none. It does not tell a present
    member from an absent one misread, so the count stays below the gate, as the votants made
    from it."""
    present, office = seance.get("presents"), seance.get("membres_en_exercice")
    if isinstance(present, dict) and "valeur" in present:
        return
    if (not isinstance(office, dict) or not isinstance(office.get("valeur"), int) or _counted(office)
            or _computed(office) or _confidence(office) < _CORROBORATED):
        return
    named = _present_names(seance)
    if len(named) < 2 or _value(seance.get("presence_par_difference")) is True:
        return
    pairs = seance.get("pouvoirs") or []
    represented = seance.get("representes")
    if isinstance(represented, dict) and isinstance(represented.get("valeur"), int):
        if pairs and len(pairs) != represented["valeur"]:
            return
        others = represented["valeur"]
    elif represented is None and not pairs:
        others = 0
    else:
        return
    absent = absents_printed if absents_printed is not None else len(seance.get("absents") or ())
    if len(named) + others + absent != office["valeur"]:
        return
    check = _seats_sum(len(named), others, absent, office["valeur"])
    seance["presents"] = {"valeur": len(named),
                          "source": f"{COUNTED}membres nommés présents au rôle ; {check}",
                          "confiance": 0.85}
    if represented is None:
        # No proxy named, and the seats all accounted for without one: no one was represented.
        represented = seance["representes"] = {"valeur": 0, "source": f"calculé : aucun pouvoir nommé ; {check}",
                                               "confiance": 0.85}
    if "votants" not in seance or _computed(seance["votants"]):
        seance["votants"] = {"valeur": len(named) + others,
                             "source": f"calculé : présents ({len(named)}) + représentés ({others}) ; {check}",
                             "confiance": min(0.85, _confidence(represented))}


def _absents_doubted(checker: _Checker, seance: dict, absents: list, doubts: list) -> str | None:
    """The sign of a misread in a list of absents no number confirms, or None.

    A proxy's holder, the secretary and the president sit: read among the absent, the lists were
    cut in the wrong places — the holders of pairs set aside too (a broken proxy list whose names
    ran into the absents' was the one way such lists came out wrong on the variants of the tuning
    texts; a proxy list set aside for want of a number to confirm it says nothing against a list of
    absents read apart, and doubting those lost right lists on the validation texts). And the
    absents without proxy cannot outnumber the seats left by those present and represented
    (L2121-20: each member in office is present, represented or absent)."""
    if doubts:
        return doubts[0]
    pairs = list(seance.get("pouvoirs") or [])
    for entry in checker.rejected:
        if entry["champ"] == "seance.pouvoirs" and isinstance(entry.get("valeur"), list):
            pairs += [p for p in entry["valeur"] if isinstance(p, dict)]
    sitting = {fold_name(p["mandataire"]): "mandataire" for p in pairs if isinstance(p.get("mandataire"), str)}
    sitting.update((fold_name(name), "secrétaire") for name in seance.get("secretaires") or [] if isinstance(name, str))
    president = _value(seance.get("president"))
    if isinstance(president, str):
        sitting[fold_name(president)] = "président"
    seated = next((name for name in absents if fold_name(name) in sitting), None)
    if seated is not None:
        return f"« {seated} » lu absent et {sitting[fold_name(seated)]}"
    office, present, represented = (_value(seance.get(k)) for k in ("membres_en_exercice", "presents", "representes"))
    if isinstance(office, int) and isinstance(present, int):
        room = office - present - (represented if isinstance(represented, int) else 0)
        if len(absents) > room:
            return (f"{nombre(len(absents), '# absent nommé|# absents nommés')}, plus que les {max(room, 0)} sièges "
                    f"que laissent présents et représentés sur {office} membres en exercice")
    return None


def _date(fact) -> dt.date | None:
    value = _value(fact)
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _dates(checker: _Checker, record: dict) -> None:
    meeting = _date(record.get("seance", {}).get("date"))
    if meeting is None:
        return
    convocation = record.get("convocation", {})
    sent = _date(convocation.get("date_envoi"))
    if sent is not None and sent > meeting:
        checker.reject(convocation, "date_envoi", "convocation.date_envoi",
                       f"convocation du {sent:%d/%m/%Y} postérieure à la séance du {meeting:%d/%m/%Y}")
    posted = _date(convocation.get("date_affichage"))
    if posted is not None and posted > meeting:
        checker.reject(convocation, "date_affichage", "convocation.date_affichage",
                       f"affichage de la convocation du {posted:%d/%m/%Y} postérieur à la séance du {meeting:%d/%m/%Y}")
    minutes = record.get("seance", {}).get("proces_verbal") or {}
    published = _date(minutes.get("date_publication"))
    if published is not None and published < meeting:
        checker.reject(minutes, "date_publication", "seance.proces_verbal.date_publication",
                       f"publication du procès-verbal du {published:%d/%m/%Y} antérieure à la séance du "
                       f"{meeting:%d/%m/%Y}")
    for index, delib in enumerate(record.get("deliberations", [])):
        for section, key, what in (("publicite", "date_affichage", "affichage"),
                                   ("publicite", "date_mise_en_ligne", "mise en ligne"),
                                   ("transmission", "date_envoi", "envoi en préfecture"),
                                   ("transmission", "date_reception", "réception en préfecture")):
            node = delib.get(section)
            if not node:
                continue
            found = _date(node.get(key))
            if found is not None and found < meeting:
                checker.reject(node, key, f"deliberations[{index}].{section}.{key}",
                               f"{what} du {found:%d/%m/%Y} antérieur(e) à la séance du {meeting:%d/%m/%Y}")
        transmission = delib.get("transmission") or {}
        sent, received = _date(transmission.get("date_envoi")), _date(transmission.get("date_reception"))
        if sent is not None and received is not None and received < sent:
            reason = f"réception ({received:%d/%m/%Y}) antérieure à l'envoi ({sent:%d/%m/%Y})"
            for key in ("date_envoi", "date_reception"):
                checker.reject(transmission, key, f"deliberations[{index}].transmission.{key}", reason)


_WEEKDAY_HEAD = re.compile(r"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)")


def weekday_disagrees(source: str, value: dt.date) -> bool:
    """Whether the source prints `value` with another weekday (« vendredi 21 décembre 2023 »)."""
    folded = fold(source)
    for m in DATE_RE.finditer(folded):
        found = date_from_match(m)
        if found is None or found.weekday is None:
            continue
        if (found.day, found.month) == (value.day, value.month) and found.year in (None, value.year):
            return found.weekday != value.weekday()
    return False


def _dated_facts(record: dict):
    seance = record.get("seance", {})
    yield seance, "date", "seance.date"
    yield record.get("convocation", {}), "date_envoi", "convocation.date_envoi"
    yield record.get("convocation", {}), "date_affichage", "convocation.date_affichage"
    minutes = seance.get("proces_verbal") or {}
    for key in list(minutes):
        if key.startswith("date"):
            yield minutes, key, f"seance.proces_verbal.{key}"
    for index, delib in enumerate(record.get("deliberations", [])):
        for section in ("publicite", "transmission"):
            node = delib.get(section) or {}
            for key in list(node):
                if key.startswith("date"):
                    yield node, key, f"deliberations[{index}].{section}.{key}"


def _weekdays(checker: _Checker, record: dict) -> None:
    for node, key, path in list(_dated_facts(record)):
        fact = node.get(key)
        value = _date(fact)
        if value is None or not isinstance(fact, dict) or not fact.get("source"):
            continue
        if not weekday_disagrees(fact["source"], value):
            continue
        if path == "seance.date":
            # The meeting's date cannot be left out of a record: it stays, too doubtful to accuse on.
            fact["confiance"] = min(fact.get("confiance", 1.0), 0.5)
            checker.rejected.append({"champ": "seance.date", "valeur": fact["valeur"], "source": fact["source"],
                                     "raison": "jour de la semaine imprimé différent de celui de la date "
                                               "(date gardée, confiance abaissée)"})
        else:
            checker.reject(node, key, path, "jour de la semaine imprimé différent de celui de la date")
