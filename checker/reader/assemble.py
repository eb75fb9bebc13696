"""Putting what was read into a record of the seance schema, every fact with its source."""
from __future__ import annotations

import datetime as dt
import re

from checker.confiance import SEUIL, rate_plain_reads
from checker.errors import InputError
from checker.reader.body import read_body
from checker.reader.appel import Roll, count_roll, excepted, first_name_roll, proxies_remarked, runs_on, sitting_apart, staff_after, vote_tallies
from checker.reader.coherence import COUNTED, COUNTED_TWICE, _listed, cross_check
from checker.reader.counts import other_meeting_heading, quorum_stated, read_counts, read_item_counts
from checker.reader.deliberations import added_in_session, read_deliberations
from checker.reader.furniture import without_furniture
from checker.reader.members import (OFFICE_HOLDER, build_members, named_among, not_a_person, office_holder,
                                    read_attendance, read_president, read_secretaries)
from checker.reader.normalize import Document, fold_name
from checker.reader.seance import (UNCONFIRMED_MEETING_DATE, confirmed_by_order, convocation_after_meeting,
                                   meeting_date_doubts, posting_after_meeting, read_convocation, read_meeting_date, read_place,
                                   read_second_convocation, reproduced_after)
from checker.reader.stamps import actes_day, read_actes_ids, read_online_assertion, read_stamps
from checker.reader.votes import settle_unanimity
from checker.reader.vote_checks import check_votes
from checker.reader.zones import cut, within, without

_DERIVED_CONFIDENCE = 0.6
_TWICE_CONFIDENCE = 0.8
_FEW_LATE = 2


def fact(value, source: str | None, confidence: float) -> dict:
    envelope = {"valeur": value}
    if source:
        envelope["source"] = source
    envelope["confiance"] = round(min(1.0, max(0.0, confidence)), 2)
    return envelope


def asserted(source: str) -> dict:
    return {"affirme": True, "source": source, "confiance": 0.8}


def _iso(date: dt.date) -> str:
    return date.isoformat()


def _meeting_counts(block: Document, meeting) -> tuple[dict, list]:
    """The counts read up to the heading of another meeting or body printed after the opening
    (a commission's or a bureau's minutes, an earlier meeting's procès-verbal): those printed after
    it are that meeting's, set aside with their reason rather than given as this meeting's; so are
    those printed with an arrival or a departure (an item's)."""
    moments: list = []
    other = other_meeting_heading(block, meeting.date, meeting.start)
    counts = read_counts(block if other is None else within(block, other[0]), moments)
    aside = []
    fields = ("membres_en_exercice", "presents", "representes", "votants")
    for field, count in moments:
        if field in fields and field not in counts:
            # « Arrivée de Mme X (présents : 19, votants : 23) »: the count from then on, an item's.
            aside.append({"champ": f"seance.{field}", "valeur": count.value, "source": count.source,
                          "raison": "imprimé avec une arrivée ou un départ : le compte d'un point, pas celui de "
                                    "l'ouverture de la séance"})
    if other is None:
        return counts, aside
    for field, count in read_counts(block, []).items():
        if field in fields and field not in counts and count.start >= other[0]:
            aside.append({"champ": f"seance.{field}", "valeur": count.value, "source": count.source,
                          "raison": f"imprimé après l'en-tête d'une autre réunion (« {other[1]} »)"})
    return counts, aside


def read_document(doc: Document, source_name: str) -> dict:
    meeting = read_meeting_date(doc)
    if meeting is None:
        raise InputError("aucune date de séance lisible dans le document", fichier=source_name)
    # The meeting's own block: a procès-verbal of another meeting reproduced after it has its own
    # president, secretary and convocation.
    # Another meeting's procès-verbal reproduced whole further on, under the item that approves it,
    # is set aside too; the items after it are this meeting's.
    own = without(doc, meeting.reproduced)
    for span in reproduced_after(doc, meeting):
        own = without(own, span)
    block = within(own, cut(own, meeting).meeting[1])
    # A second extract or another body's minutes printed after this one opens with its own heading,
    # of another date (« Procès-verbal du Conseil Municipal Séance du lundi 13 février 2023 »), even
    # when its opening formula is missing or comes after its own attendance and counts: the roll, the
    # proxies, the president, the counts and the votes that check them are read before it.
    other = other_meeting_heading(block, meeting.date, meeting.start)
    roll_block = block if other is None else within(block, other[0])
    record: dict = {"format": 1, "reference": source_name}
    seance: dict = {"date": fact(_iso(meeting.date), meeting.source, meeting.confidence)}
    if meeting.time:
        seance["heure"] = meeting.time
    elif meeting.time_doubt:
        record.setdefault("lecture", {}).setdefault("rejetees", []).append(
            {"champ": "seance.heure", "valeur": meeting.time_doubt[0], "source": meeting.source,
             "raison": meeting.time_doubt[1]})

    body = read_body(block, meeting.date)
    collectivite = {}
    if "nom" in body:
        name, source, confidence = body["nom"]
        collectivite["nom"] = fact(name, source, confidence)
    if "nature" in body:
        collectivite["nature"] = body["nature"]
    if collectivite:
        record["collectivite"] = collectivite

    place = read_place(block)
    if place:
        value, source, kind = place
        seance["lieu"] = fact(value, source, 0.75)
        if kind:
            seance["lieu_type"] = kind
            if kind == "visioconference":
                seance["visioconference"] = fact(True, source, 0.75)

    # Names are read in the block without its page furniture (page numbers, stamps, the heading
    # repeated on each page), which a page break puts between two names of a list.
    names_block = without_furniture(roll_block)
    attendance = read_attendance(names_block)
    members = build_members(attendance)
    book = members["book"]
    # The president and the secretary sit: a name read among the absent or the givers is not theirs,
    # and the list that names him away is doubtful too.
    # A name also listed present (« M. DUPONT » absent, « Jean DUPONT » present: two of one family, or
    # a late arrival) says nothing.
    listed = {m["nom"] for m in members["membres"] if m.get("presence") == "present"} | set(members["present_unsettled"])
    away = (set(members["absents"]) | {p["mandant"] for p in members["pouvoirs"]}) - listed
    intercommunal = collectivite.get("nature", "commune") != "commune"
    president = read_president(names_block, book, away, intercommunal)
    names_aside = []
    if president and not_a_person(president[0]):
        # A name that does not look like a person's is set aside with its reason, not given.
        names_aside.append({"champ": "seance.president", "valeur": president[0], "source": president[1],
                            "raison": f"« {president[0]} » : {not_a_person(president[0])}"})
        president = None
    if president:
        seance["president"] = fact(*president)
    _name_office_holders(members, office_holder(names_block, book, president[0] if president else None, away,
                                                intercommunal))
    # The secretary may sign at the foot of the document only, past another meeting's heading; read
    # there, only a member on the roll (another extract's secretary is not).
    foot = not read_secretaries(names_block, book, away)[0]
    secretary_block = block if foot else names_block
    secretaries, _ = read_secretaries(secretary_block, book, away, on_roll=foot)
    for name in [(read_president(names_block, book, intercommunal=intercommunal) or ("",))[0]] + read_secretaries(secretary_block, book,
                                                                                        on_roll=foot)[0]:
        if name and name not in secretaries and (not president or name != president[0]) and named_among(name, away):
            members["absents_doutes"].append(f"« {name} » lu absent ou mandant, et président ou secrétaire de séance")
    odd = [name for name in secretaries if not_a_person(name)]
    if odd:
        names_aside.append({"champ": "seance.secretaires", "valeur": secretaries,
                            "raison": f"« {odd[0]} » : {not_a_person(odd[0])}"})
        secretaries = []
    if secretaries:
        seance["secretaires"] = secretaries

    # Read up to the other meeting's heading; what it prints after it is kept in the trace.
    counts, counts_aside = _meeting_counts(block, meeting)
    for field in ("membres_en_exercice", "presents", "representes", "votants"):
        if field in counts:
            count = counts[field]
            seance[field] = fact(count.value, count.source, count.confidence)
    if "effectif_legal" in counts:
        count = counts["effectif_legal"]
        record.setdefault("collectivite", {})["effectif_legal"] = fact(count.value, count.source, count.confidence)
    counted = _counted_from_lists(names_block, attendance, members, seance, counts)
    for field, count in counted.items():
        seance.setdefault(field, count)

    by_difference = _presence_by_difference(block)
    if by_difference:
        # « Tous les membres en exercice étaient présents ou représentés à l'exception de … »: the
        # names listed are the represented and the absent; who was present is not listed, so the
        # roll is partial and the number present is en exercice − représentés − absents.
        by_difference, clause = by_difference
        seance["presence_par_difference"] = fact(True, by_difference, 0.9)
        members["membres"] = []
        seance.pop("presents", None)
        counted.pop("presents", None)
        office = seance.get("membres_en_exercice")
        derived = _present_by_difference(office, members, clause, by_difference) if office is not None else None
        if derived is not None:
            seance["presents"] = derived
    if members["membres"]:
        seance["membres"] = members["membres"]
    if members["pouvoirs"]:
        seance["pouvoirs"] = members["pouvoirs"]
    if members["absents"]:
        seance["absents"] = members["absents"]

    convocation_read = read_convocation(block, meeting.date, meeting.start)
    convocation: dict = {}
    if "date_envoi" in convocation_read:
        found = convocation_read["date_envoi"]
        convocation["date_envoi"] = fact(_iso(found.date), found.source, found.confidence)
    elif "date_envoi_affirme" in convocation_read:
        convocation["date_envoi"] = asserted(convocation_read["date_envoi_affirme"])
    if "date_affichage" in convocation_read:
        found = convocation_read["date_affichage"]
        convocation["date_affichage"] = fact(_iso(found.date), found.source, found.confidence)
    elif "date_affichage_affirme" in convocation_read:
        convocation["date_affichage"] = asserted(convocation_read["date_affichage_affirme"])
    if "convoque_par" in convocation_read:
        convocation["convoque_par"] = convocation_read["convoque_par"]
    second = read_second_convocation(doc, meeting.date)
    if second is not None:
        convocation["seconde_convocation"] = fact(True, second.source, 0.85)
        if second.failed_meeting is not None:
            convocation["date_seance_sans_quorum"] = fact(_iso(second.failed_meeting.date),
                                                          second.failed_meeting.source,
                                                          second.failed_meeting.confidence)
    if convocation:
        record["convocation"] = convocation

    stamps_aside: list = []
    deliberations = _deliberations(block, meeting.date, seance, second, stamps_aside)
    if meeting.guess:
        # No meeting date read: the record says so rather than give a guess; the checker, which needs
        # the date for every delay and for the law in force, then refuses the record until it is given.
        seance.pop("date")
        record.setdefault("lecture", {}).setdefault("rejetees", []).append(
            {"champ": "seance.date", "valeur": _iso(meeting.date), "source": meeting.source, "raison": meeting.guess})
    record["seance"] = seance
    if deliberations:
        record["deliberations"] = deliberations
    absents = counts.get("absents")
    # A vote's counts are checked before they check the attendance (coherence.py): a misread vote
    # must not set aside the counts of those present.
    check_votes(record)
    record = cross_check(record, counted, absents.value if absents else None, absents_doubts=members["absents_doutes"],
                         absents_partial=members["absents_partiels"], pouvoirs_doubts=members["pouvoirs_doutes"],
                         pouvoirs_disagreements=members["pouvoirs_desaccords"],
                         tallies=vote_tallies(roll_block),
                         expressed=counts["exprimes"].value if "exprimes" in counts else None,
                         proxies_remarked=_proxies_remarked(names_block, attendance),
                         quorum=quorum_stated(roll_block),
                         late=count_roll(names_block.text[slice(*attendance.present_span)]).late
                         if attendance.present_source else 0)
    if stamps_aside:
        record.setdefault("lecture", {}).setdefault("rejetees", []).extend(stamps_aside)
    if names_aside:
        record.setdefault("lecture", {}).setdefault("rejetees", []).extend(names_aside)
    if counts_aside:
        record.setdefault("lecture", {}).setdefault("rejetees", []).extend(counts_aside)
    if "nom" not in body and "nom_ecarte" in body:
        name, source, reason = body["nom_ecarte"]
        record.setdefault("lecture", {}).setdefault("rejetees", []).append(
            {"champ": "collectivite.nom", "valeur": name, "source": source, "raison": reason})
    for entry in record.get("deliberations", []):
        # A stamp set aside by the cross-check leaves nothing of its section.
        for section in ("publicite", "transmission"):
            if section in entry and not entry[section]:
                del entry[section]
    # A convocation dated after the meeting contradicts its date even beside another read before it.
    _weigh_meeting_date(record, meeting, convocation_after_meeting(block, meeting.date),
                        meeting_date_doubts(block, meeting))
    if "nature_confiance" in body and "nature" in body:
        # A nature read by default (a syndicat mixte that does not say whether it is open): its
        # doubt goes with it, so that no accusation rests on it.
        record.setdefault("lecture", {}).setdefault("confiances", {})["collectivite.nature"] = body["nature_confiance"]
    rate_plain_reads(record)
    return record


def _weigh_meeting_date(record: dict, meeting, late_convocation=None, contradictions: list = ()) -> None:
    """The meeting's date below the accusation threshold when nothing confirms it (its weekday,
    another passage, the convocation before it, a stamp after it) or when a convocation is dated
    after it, and the reason when two readings disagree (`lecture.rejetees`, the date kept)."""
    date_fact = record["seance"].get("date")
    if date_fact is None:
        return
    doubt = meeting.doubt
    if late_convocation is not None:
        doubt = (f"convocation datée du {late_convocation.date:%d/%m/%Y} (« {late_convocation.source} »), après la "
                 f"date de séance lue ; date gardée, confiance abaissée")
        date_fact["confiance"] = min(date_fact["confiance"], UNCONFIRMED_MEETING_DATE)
    if doubt:
        record.setdefault("lecture", {}).setdefault("rejetees", []).append(
            {"champ": "seance.date", "valeur": date_fact["valeur"], "source": date_fact["source"], "raison": doubt})
    for reason in contradictions:
        date_fact["confiance"] = min(date_fact["confiance"], UNCONFIRMED_MEETING_DATE)
        record.setdefault("lecture", {}).setdefault("rejetees", []).append(
            {"champ": "seance.date", "valeur": date_fact["valeur"], "source": date_fact["source"],
             "raison": f"{reason} ; date gardée, confiance abaissée"})
    if date_fact["confiance"] < SEUIL or meeting.confirmed:
        return
    sent = record.get("convocation", {}).get("date_envoi")
    convocation = (dt.date.fromisoformat(sent["valeur"]) if isinstance(sent, dict) and sent.get("confiance", 0) >= 0.8
                   and isinstance(sent.get("valeur"), str) else None)
    later = [dt.date.fromisoformat(found["valeur"]) for delib in record.get("deliberations", [])
             for section in ("publicite", "transmission") for key, found in (delib.get(section) or {}).items()
             if key.startswith("date") and isinstance(found, dict) and isinstance(found.get("valeur"), str)
             and found.get("confiance", 0) >= 0.8]
    if not confirmed_by_order(meeting.date, convocation, later):
        date_fact["confiance"] = min(date_fact["confiance"], UNCONFIRMED_MEETING_DATE)


_PROXY_WORDS = re.compile(r"pouvoir|procuration|represente|mandat|suppleant|delegations? de vote|delegue son vote"
                          r"|vote par delegation|donne delegation")
_AROUND_ROLL = 1500


def _counted_from_lists(block: Document, attendance, members: dict, seance: dict, counts: dict) -> dict:
    """Counts not printed but listed name by name: the list is the source, read with less trust.
    They also stand in for a printed count that the cross-checks set aside.

    The list of those present is counted a second way, item by item between its separators
    (checker/reader/appel.py): when both readings give the same number and every item is one
    person's name, or when the items with the proxies and absents read make up the printed number
    in office, the count is given exactly (still below the gate: a list never founds an
    accusation alone)."""
    counted = {}
    if members["pouvoirs"]:
        counted["representes"] = fact(len(members["pouvoirs"]), COUNTED + (attendance.proxies_source or
                                      members["pouvoirs"][0]["source"]), _DERIVED_CONFIDENCE)
    if members["present_count"] < 2 or not attendance.present_source or members["present_unsettled"]:
        # A member listed among the present and the absent leaves the number present unsettled.
        if not members["present_unsettled"] and not members["pouvoirs"]:
            counted.update(_counted_given_names(block, counts))
        return counted
    given = first_name_roll(block.text)
    if given is not None and given.start <= attendance.present_span[0] <= given.end:
        # A roll of given names the names reader also read: counted item by item, a member written
        # there with a proxy in brackets (« Adeline (procuration à Mario) ») is represented.
        for field, count in _counted_given_names(block, counts).items():
            if field == "presents" or "representes" not in counted:
                counted[field] = count
        return counted
    sitting = _sitting_unlisted(members, seance.get("president"))
    start, end = attendance.present_span
    roll = count_roll(block.text[start:end], *_cells_of(block, start, end))
    if roll.clean and staff_after(block.fold, end):
        # The roll's last name is one of the staff (`appel.count_roll`): no exact count.
        roll = Roll(roll.count, roll.late, False, left=roll.left)
    sitting_apart_lists = []
    if "membres_en_exercice" not in counts and len(attendance.present_spans) > 1 and sitting_apart(block.text, end):
        # The suppléants who sat, listed under their own heading after the roll (« Suppléants siégeant
        # pour un titulaire : A (pour B) ») and read present by the names reader, are counted with it,
        # item by item too. (With the number in office printed, the seats check counts them instead,
        # and gives the represented and the voters with them.)
        for apart_start, apart_end in attendance.present_spans[1:]:
            more = count_roll(block.text[apart_start:apart_end])
            roll = Roll(roll.count + more.count, roll.late + more.late, roll.clean and more.clean,
                        left=roll.left + more.left)
            sitting_apart_lists.append(block.span(apart_start, apart_end))
        end = attendance.present_spans[-1][1]
    # Several members arriving « à partir de la délibération n° … » make the opening's count depend
    # on an order of items the extract may not give: counted, not trusted.
    sure = (roll.clean and roll.late <= _FEW_LATE and not runs_on(block.text, end)
            and not sitting_apart(block.text, end))
    # The names reader leaves out of its count a member listed present for part of the meeting only; the
    # roll counts at the opening (L2121-17) those it says left later (« (jusqu'à 21h45) »): the two
    # readings agree when those members are the whole difference.
    # Two members of one surname told apart by the commune each sits for are one name to the names
    # reader, two items of the roll: the readings agree when they are the whole difference too, each
    # such name read once among those present.
    merged = sum(1 for name in roll.told_apart if _named_once(name, members["membres"]))
    twice = sure and roll.count - merged in (members["present_count"], members["present_count"] + roll.left)
    office = counts.get("membres_en_exercice")
    away = len(members["pouvoirs"]) + len(members["absents"])
    complete = (sure and not twice and office is not None and office.confidence >= 0.9
                and roll.count + len(sitting) + away == office.value)
    # Two readings that disagree on a clean roll: the count item by item, which keeps the names the
    # names reader could not cut (« C.BUZOS », a remark after the last name), is the centre of the
    # bounds the cross-checks give (on the tuning texts it was the right number each time).
    value = roll.count if complete or sure else members["present_count"]
    how = (COUNTED_TWICE if twice or complete else COUNTED)
    source = how + attendance.present_source + "".join(f" + {name}" for name in sitting_apart_lists + sitting)
    counted["presents"] = fact(value + len(sitting), source,
                               _TWICE_CONFIDENCE if twice or complete else _DERIVED_CONFIDENCE)
    if (twice or complete) and not members["pouvoirs"] and "representes" not in counts and not _PROXY_WORDS.search(
            block.fold, max(0, start - _AROUND_ROLL), end + _AROUND_ROLL):
        # A roll read whole, with no word of a proxy anywhere around it: no one was represented.
        counted["representes"] = fact(0, COUNTED + "aucun pouvoir ni procuration autour de la liste : "
                                      + attendance.present_source, _DERIVED_CONFIDENCE)
    return counted



def _named_once(name: str, members: list) -> bool:
    """Whether exactly one member read present bears the name `name` (folded words of a roll's item)."""
    words = fold_name(name).split()
    return sum(1 for member in members if member.get("presence") == "present"
               and fold_name(member["nom"]).split()[-len(words):] == words) == 1


def _cells_of(block: Document, start: int, end: int) -> tuple:
    """Where the names reader cuts the list between `start` and `end` (`names.read_list`): at each
    column gap, and in a table (a list with gaps) at each line's end too; relative to `start`."""
    gaps = block.gaps_within(start, end)
    if not gaps:
        return (), False
    # A document that keeps its line ends (not one rebuilt without them) tells a table's cells apart.
    table = getattr(block, "breaks", None) is not None
    breaks = block.breaks_within(start, end) if table else ()
    return tuple(sorted({g - start for g in gaps} | {b - start for b in breaks})), table


def _proxies_remarked(block: Document, attendance) -> int | None:
    """The proxies noted in brackets around the roll (`appel.proxies_remarked`), in the whole block
    when there is no roll, or None."""
    if attendance.present_source:
        start, end = attendance.present_span
    else:
        given = first_name_roll(block.text)
        if given is None:
            return proxies_remarked(block.fold, 0, len(block.fold))
        start, end = given.start, given.end
    return proxies_remarked(block.fold, max(0, start - _AROUND_ROLL), end + _AROUND_ROLL)


def _counted_given_names(block: Document, counts: dict) -> dict:
    """A roll of given names only, which the names reader does not read (checker/reader/appel.py):
    counted, below the gate (the cross-checks keep bounds around it, or the first vote's total)."""
    roll = first_name_roll(block.text)
    if roll is None:
        return {}
    counted = {"presents": fact(roll.present, COUNTED + roll.source, _DERIVED_CONFIDENCE)}
    if roll.represented is not None and "representes" not in counts:
        counted["representes"] = fact(roll.represented, COUNTED + roll.source, _DERIVED_CONFIDENCE)
    return counted


_BY_DIFFERENCE = re.compile(
    r"\b(?:tous les|l'ensemble des) (?:membres|conseillers|delegues|elus)(?: municipaux| communautaires| syndicaux)?"
    r"(?: en exercice)?,? (?:etaient |sont |etant )?presente?s?(?: ou representee?s?)?,? "
    r"(?:a l'exception de|sauf|excepte)"
    r"|\btous presents,? sauf\b|\bpresents ou representes a l'exception de"
    # « Présents : Tous les Conseillers, sauf absents excusés : … »
    # « Etaient présents : Tous les membres en exercice, à l'exception de : … »
    r"|\bpresente?s? ?: ?tous(?: les (?:membres|conseillers|delegues|elus)(?: municipaux| communautaires| syndicaux)?"
    r"(?: en exercice)?)?,?"
    r" (?:a l'exception de|sauf|excepte)\b")


def _sitting_unlisted(members: dict, president) -> list:
    """The president of the meeting when the list of those present leaves him out (an extract often
    lists « Présents : » after the Maire who presides): he sits. Only a president the text names as
    presiding (« sous la présidence de »), not one presumed from the roll, who may be the absent
    Maire. A proxy's holder missing from the list is not added: on the validation texts such a
    holder was more often a pair misread than a member left out."""
    if not (isinstance(president, dict) and isinstance(president.get("valeur"), str)
            and president.get("confiance", 0) >= 0.9):
        return []
    key = fold_name(president["valeur"])
    listed = {fold_name(m["nom"]) for m in members["membres"]}
    away = {fold_name(p["mandant"]) for p in members["pouvoirs"]} | {fold_name(n) for n in members["absents"]}
    # « GUIRAUD I. » in the list is « Isabelle GUIRAUD » presiding: the surname (in capitals,
    # else the last word) found among a listed name's words is the president listed.
    words = president["valeur"].split()
    capitals = {fold_name(w) for w in words if len(w) >= 2 and w.isupper()}
    surname = capitals if 0 < len(capitals) < len(words) else {fold_name(words[-1])} if words else set()
    if not key or _listed(key, listed) or _listed(key, away) or any(
            key.split()[-1] == other.split()[-1] or surname <= set(other.split()) for other in listed if other):
        return []
    return [president["valeur"]]


def _name_office_holders(members: dict, president: str | None) -> None:
    """A proxy given « à M. le Maire » goes to the office holder (`members.office_holder`: the president
    of the meeting, or the maire named where a deputy presides), when read; without his name the pair
    cannot be written: the list, one pair short, is in doubt."""
    kept = []
    for pouvoir in members["pouvoirs"]:
        if pouvoir["mandataire"] == OFFICE_HOLDER:
            if president is None or fold_name(president) == fold_name(pouvoir["mandant"]):
                members["pouvoirs_doutes"].append(f"« {pouvoir['mandant']} » : pouvoir au maire ou au président, "
                                                  "dont le nom n'est pas lu")
                continue
            pouvoir = dict(pouvoir, mandataire=president)
        kept.append(pouvoir)
    members["pouvoirs"] = kept


def _presence_by_difference(doc: Document) -> tuple | None:
    """The phrase that says all sat but some (its source) and the members it excepts
    (`appel.excepted`, None when they cannot all be read)."""
    m = _BY_DIFFERENCE.search(doc.fold)
    return (doc.span(m.start(), m.end()), excepted(doc, m.end())) if m else None


def _present_by_difference(office: dict, members: dict, clause, phrase: str) -> dict | None:
    """The number present when all sat but the members excepted: every one of them is either
    absent or represented (a giver does not sit either, L2121-20), so the number is derived only
    when each excepted name is read. Read by the names reader as an absent or a giver: en exercice
    − représentés − absents. Not read by it (« Présents : tous les membres, sauf M. Paul MARTIN »):
    the excepted are absent, given as such when no proxy is said of any of them; when one is,
    the number present still follows (en exercice − excepted), not who among them is represented."""
    if clause is None:
        return None
    away = [fold_name(p["mandant"]) for p in members["pouvoirs"]] + [fold_name(n) for n in members["absents"]]
    named = [fold_name(n) for n in clause.names]
    if away:
        if not all(_listed(name, set(away)) for name in named):
            return None
        represented, absent = len(members["pouvoirs"]), len(members["absents"])
        derived = office["valeur"] - represented - absent
        how = f"représentés ({represented}) − absents ({absent})"
    else:
        if not clause.proxies:
            members["absents"] = list(clause.names)
        derived = office["valeur"] - len(named)
        how = f"membres excepté(s) ({len(named)} : {', '.join(clause.names)})"
    if derived < 0:
        return None
    return fact(derived, f"calculé : membres en exercice ({office['valeur']}) − {how}, d'après « {phrase} »",
                min(office["confiance"], 0.7))


_SIGNED = re.compile(r"\b(?:ont signe (?:au registre )?(?:tous )?les membres presents|(?:au registre )?ont signe"
                     r" (?:tous )?les membres presents|signee? (?:au registre )?par tous les membres presents"
                     r"|ont signe au registre tous les membres presents)")


def _signatures(doc: Document) -> list:
    return [(doc.span(m.start(), m.end()), m.start()) for m in _SIGNED.finditer(doc.fold)]


_ALSO_ONLINE = re.compile(r" et (?:publiee?|mise? en ligne) sur (?:le site|internet)[^.]{0,60}")

_VOTE_BOOLEANS = ("unanimite", "renonciation_scrutin_secret")
_VOTE_COUNTS = ("pour", "contre", "abstentions", "blancs_nuls", "ne_prenant_pas_part")


def _vote_record(vote) -> tuple[dict, bool]:
    result = {}
    # The counts may come from a box above the heading, read apart (checker/reader/deliberations.py).
    settle_unanimity(vote.facts)
    for key, value in vote.facts.items():
        if key in _VOTE_BOOLEANS or key in _VOTE_COUNTS:
            result[key] = fact(value, vote.source, 0.85)
        elif key in ("mode", "unanimite_de", "resultat"):
            result[key] = value
    return result, bool(vote.facts.get("nomination"))


def _is_minutes(doc: Document) -> bool:
    return bool(re.search(r"proces[- ]?verbal|\bpv\b|compte[- ]rendu", doc.fold[:400]))


def _item_counts(doc: Document, delib, seance: dict, entry: dict) -> None:
    """The counts a deliberation prints for itself that differ from the meeting's (members came
    or left): that item's, below the gate; the meeting's stay the meeting's."""
    office = seance.get("membres_en_exercice")
    office = office.get("valeur") if isinstance(office, dict) else None
    for key, count in read_item_counts(doc, delib.heading_start, delib.end, office).items():
        meeting = seance.get(key)
        if isinstance(meeting, dict) and meeting.get("valeur") != count.value:
            entry[key] = fact(count.value, count.source, min(count.confidence, 0.85))


# The stamps the cross-check of the dates (coherence.py) sets aside when dated before the meeting; another kind so
# dated is set aside here, with the same reason.
_ORDER_CHECKED = {"publicite.date_affichage", "publicite.date_mise_en_ligne", "transmission.date_envoi",
                  "transmission.date_reception"}
_STAMP_NAMES = {"publicite.date_affichage": "affichage", "publicite.date_mise_en_ligne": "mise en ligne",
                "publicite.date_publication_papier": "publication sur papier",
                "transmission.date_envoi": "envoi en préfecture", "transmission.date_reception": "réception en préfecture"}


def _deliberations(doc: Document, meeting: dt.date, seance: dict, second=None, rejected: list | None = None) -> list:
    delibs = read_deliberations(doc)
    records = []
    for delib in delibs:
        entry: dict = {}
        if delib.numero:
            entry["numero"] = delib.numero
        if delib.objet:
            entry["objet"] = fact(delib.objet[0], delib.objet[1], 0.7)
        added = added_in_session(doc, delib.heading_start if len(delibs) > 1 else 0, delib.end)
        if added:
            entry["inscrite_ordre_du_jour"] = fact(False, added, 0.85)
        if second is not None and not added:
            # A meeting on a second convocation takes up the items of the one without quorum:
            # each act is read as deferred, with less trust, unless its own zone says it was added
            # in session (a new item always needs the quorum, L2121-17 al. 2).
            entry["reportee_faute_de_quorum"] = fact(True, second.source, 0.7)
        if len(delibs) > 1:
            _item_counts(doc, delib, seance, entry)
        if delib.doubt and rejected is not None:
            rejected.append({"champ": f"deliberations[{len(records)}].vote", "raison": delib.doubt})
        if delib.vote.aside and rejected is not None:
            counts, reason = delib.vote.aside
            rejected.append({"champ": f"deliberations[{len(records)}].vote", "valeur": counts, "source": delib.vote.source,
                             "raison": reason})
        vote, nomination = _vote_record(delib.vote)
        if vote:
            entry["vote"] = vote
        if nomination:
            entry["nomination"] = fact(True, delib.vote.source, 0.7)
        records.append(entry)
    # Read once: the stamps run over the whole text, often repeated on every page.
    set_aside: list = []
    foreign: list = []
    unsure: list = []
    stamps = read_stamps(doc, meeting, set_aside, foreign, unsure)
    if rejected is not None:
        seen_foreign = set()
        for stamp, day in foreign:
            if (stamp.field, stamp.date, day) in seen_foreign:
                continue
            seen_foreign.add((stamp.field, stamp.date, day))
            rejected.append({"champ": stamp.field, "valeur": _iso(stamp.date), "source": stamp.source,
                             "raison": f"{_STAMP_NAMES[stamp.field]} du {stamp.date:%d/%m/%Y} imprimé(e) avec "
                                       f"l'identifiant ACTES d'un acte du {day:%d/%m/%Y}, autre jour que la séance du "
                                       f"{meeting:%d/%m/%Y} : le tampon d'un autre acte"})
        seen_unsure = set()
        for stamp in unsure:
            if (stamp.field, stamp.date) in seen_unsure:
                continue
            seen_unsure.add((stamp.field, stamp.date))
            rejected.append({"champ": stamp.field, "valeur": _iso(stamp.date), "source": stamp.source,
                             "raison": f"publication du {stamp.date:%d/%m/%Y}, avant le 1er juillet 2022 : « publié » disait "
                                       "alors un affichage ou une publication sur papier (L2131-1), sans dire lequel ni "
                                       "une mise en ligne ; non retenue"})
    if not records:
        # A header box's « Date d'affichage : » after the meeting is the posting of what was decided there,
        # even in minutes whose items carry no heading.
        records_needed = stamps or read_actes_ids(doc) or posting_after_meeting(doc, meeting)
        if not records_needed:
            return []
        delibs = []
        records = [{}]

    def target(pos: int) -> int:
        index = 0
        for i, delib in enumerate(delibs):
            if delib.start <= pos:
                index = i
        return index

    minutes = _is_minutes(doc)
    for stamp in stamps:
        section, key = stamp.field.split(".")
        if minutes and key == "date_mise_en_ligne" and "site" in stamp.source.lower():
            pv = seance.setdefault("proces_verbal", {})
            pv.setdefault("date_publication", fact(_iso(stamp.date), stamp.source, stamp.confidence))
            continue
        entry = records[target(stamp.start)]
        entry.setdefault(section, {}).setdefault(key, fact(_iso(stamp.date), stamp.source, stamp.confidence))
    seen_aside = set()
    for stamp in set_aside:
        # A stamp dated before the meeting: kept where no stamp of its kind was read, so that the
        # cross-check of the dates sets it aside with its reason (`lecture.rejetees`); beside a
        # stamp of its kind after the meeting, the reason is given here.
        section, key = stamp.field.split(".")
        index = target(stamp.start)
        entry = records[index]
        if (stamp.field, stamp.date) in seen_aside:
            continue
        seen_aside.add((stamp.field, stamp.date))
        other = key in entry.get(section, {}) or any(s.field == stamp.field for s in stamps)
        if not other and stamp.field in _ORDER_CHECKED:
            entry.setdefault(section, {})[key] = fact(_iso(stamp.date), stamp.source, stamp.confidence)
        elif rejected is not None:
            rejected.append({"champ": f"deliberations[{index}].{stamp.field}", "valeur": _iso(stamp.date),
                             "source": stamp.source,
                             "raison": f"{_STAMP_NAMES[stamp.field]} du {stamp.date:%d/%m/%Y} antérieur(e) à la "
                                       f"séance du {meeting:%d/%m/%Y}"
                                       + (" ; l'autre date lue gardée" if other else "")})
    for found in posting_after_meeting(doc, meeting):
        entry = records[target(found.start)]
        entry.setdefault("publicite", {}).setdefault(
            "date_affichage", fact(_iso(found.date), found.source, found.confidence))
    for stamp in stamps:
        if stamp.field != "publicite.date_affichage":
            continue
        after = doc.fold[stamp.start:stamp.start + 260]
        sentence_end = after.find(". ")
        joint = _ALSO_ONLINE.search(after, 0, sentence_end if sentence_end > 0 else len(after))
        if joint:
            entry = records[target(stamp.start)]
            publicite = entry.setdefault("publicite", {})
            # « affiché le vendredi 22 décembre 2023 à la porte de la mairie et publié sur le site
            # internet » : the date governs both participles.
            publicite.setdefault("date_mise_en_ligne", fact(_iso(stamp.date), doc.span(
                stamp.start, stamp.start + joint.end()), 0.8))
    for source, pos in _signatures(doc):
        entry = records[target(pos)]
        entry.setdefault("signatures", {}).setdefault("membres_presents", fact(True, source, 0.9))
    online = read_online_assertion(doc)
    if online:
        source, pos = online
        entry = records[target(pos)]
        publicite = entry.setdefault("publicite", {})
        if "date_mise_en_ligne" not in publicite and not (minutes and "proces_verbal" in seance):
            publicite["date_mise_en_ligne"] = asserted(source)
    numbers = {re.sub(r"\W", "", d.numero).lower(): i for i, d in enumerate(delibs) if d.numero}
    for identifier, pos in read_actes_ids(doc):
        day = actes_day(identifier)
        if day is not None and day != meeting:
            # The identifier dates the act it transmits (the day it was decided): another day's is
            # another act's stamp (an annexed convention, an earlier act), never this one's.
            if rejected is not None and not any(r.get("valeur") == identifier for r in rejected):
                rejected.append({"champ": "transmission.identifiant_actes", "valeur": identifier,
                                 "raison": f"identifiant ACTES daté du {day:%d/%m/%Y}, autre jour que la séance du "
                                           f"{meeting:%d/%m/%Y} : le tampon d'un autre acte"})
            continue
        act_number = re.sub(r"\W", "", identifier.split("-")[3]).lower()
        index = numbers.get(act_number)
        if index is None:
            index = next((i for key, i in numbers.items() if key and (key.endswith(act_number)
                                                                    or act_number.endswith(key))), None)
        if index is None:
            index = target(pos)
        transmission = records[index].setdefault("transmission", {})
        transmission.setdefault("identifiant_actes", identifier)
    return [r for r in records if r]
