"""Cross-checks of the facts read, before the checker sees them.

A document states the same things several ways: counts and the lists they count, a date and its
weekday, dates that must follow one another. When two readings contradict each other one of them
is a misread, and the checker must not accuse on either: the fact that fails is taken out of the
record (so the rules that need it say « indéterminé ») and `lecture.rejetees` keeps it, with the
check it failed, for the reports. A check that passes raises the trust in the lists it confirms.

The checks:
- présents ≤ en exercice, représentés ≤ en exercice, présents + représentés ≤ en exercice;
- présents + représentés + absents = en exercice, when all four are read;
- votants ≤ présents + représentés (a member may not vote, none may vote twice);
- the number of proxy pairs read equals the printed number of représentés;
- convocation ≤ séance ≤ affichage, mise en ligne, transmission; envoi ≤ réception;
- the weekday printed with a date is that date's weekday.
A printed count (« Présents : 18/27 ») beats a count of the names listed, which is only derived.
Posting after transmission is normal (the act is often sent first), so those two are not ordered.
"""
from __future__ import annotations

import datetime as dt
import re

from checker.reader.dates import DATE_RE, date_from_match
from checker.reader.normalize import fold

# Trust in lists of names, which cannot carry their own confidence (see checker/confiance.py):
# a list confirmed by a printed count is trusted like a printed fact, otherwise it is not enough
# to accuse on.
LIST_CONFIRMED = 0.9
LIST_UNCONFIRMED = 0.7
_PRINTED = 0.85


def _value(fact):
    return fact.get("valeur") if isinstance(fact, dict) else fact


def _confidence(fact) -> float:
    return fact.get("confiance", 1.0) if isinstance(fact, dict) else 1.0


class _Checker:
    def __init__(self, record: dict):
        self.record = record
        self.rejected: list = []
        self.confidences: dict = {}

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


def cross_check(record: dict) -> dict:
    """Check the record read in place; returns it, with `lecture` when something was learnt."""
    checker = _Checker(record)
    seance = record.get("seance", {})
    _counts(checker, seance)
    _dates(checker, record)
    _weekdays(checker, record)
    lecture = {}
    if checker.confidences:
        lecture["confiances"] = checker.confidences
    if checker.rejected:
        lecture["rejetees"] = checker.rejected
    if lecture:
        record["lecture"] = lecture
    return record


def _counts(checker: _Checker, seance: dict) -> None:
    def count(key):
        value = _value(seance.get(key))
        return value if isinstance(value, int) else None

    office, present, represented = count("membres_en_exercice"), count("presents"), count("representes")
    if office is not None and present is not None and present > office:
        reason = f"présents ({present}) plus nombreux que les membres en exercice ({office})"
        checker.reject(seance, "presents", "seance.presents", reason)
        checker.reject(seance, "membres_en_exercice", "seance.membres_en_exercice", reason)
        office = present = None
    if office is not None and represented is not None and represented > office:
        reason = f"représentés ({represented}) plus nombreux que les membres en exercice ({office})"
        checker.reject(seance, "representes", "seance.representes", reason)
        checker.reject(seance, "membres_en_exercice", "seance.membres_en_exercice", reason)
        office = represented = None
    if office is not None and present is not None and represented is not None and present + represented > office:
        reason = (f"présents ({present}) + représentés ({represented}) = {present + represented}, plus que les "
                  f"membres en exercice ({office})")
        for key in ("presents", "representes", "membres_en_exercice"):
            checker.reject(seance, key, f"seance.{key}", reason)
        office = present = represented = None
    voters = count("votants")
    if voters is not None and present is not None and represented is not None and voters > present + represented:
        checker.reject(seance, "votants", "seance.votants",
                       f"votants ({voters}) plus nombreux que présents ({present}) + représentés ({represented})")
    pairs = seance.get("pouvoirs")
    represented_fact = seance.get("representes")
    printed_represented = represented is not None and _confidence(represented_fact) >= _PRINTED
    if pairs:
        if printed_represented and len(pairs) != represented:
            checker.reject(seance, "pouvoirs", "seance.pouvoirs",
                           f"{len(pairs)} pouvoir(s) lu(s) nommément, mais « {represented} » représentés imprimé")
            seance.pop("membres", None)
        else:
            checker.confidences["seance.pouvoirs"] = LIST_CONFIRMED if printed_represented else LIST_UNCONFIRMED
    absents = seance.get("absents")
    by_difference = _value(seance.get("presence_par_difference")) is True
    if absents and not by_difference:
        if None not in (office, present, represented) and _confidence(seance.get("presents")) >= _PRINTED:
            if present + represented + len(absents) != office:
                checker.reject(seance, "absents", "seance.absents",
                               f"présents ({present}) + représentés ({represented}) + {len(absents)} absent(s) lus"
                               f" ≠ {office} membres en exercice")
                seance.pop("membres", None)
            else:
                checker.confidences["seance.absents"] = LIST_CONFIRMED
        else:
            checker.confidences["seance.absents"] = LIST_UNCONFIRMED
    elif absents:
        checker.confidences["seance.absents"] = LIST_UNCONFIRMED
    if seance.get("membres"):
        checker.confidences["seance.membres"] = LIST_UNCONFIRMED
    if seance.get("secretaires"):
        checker.confidences["seance.secretaires"] = LIST_UNCONFIRMED


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
