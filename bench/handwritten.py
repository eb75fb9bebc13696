"""A hand-written checker of five families of rules, the yardstick for the engine's cost.

Written from the legal specification (/work/shared/legal/cgct.md), not from the YAML rules:
convocation delay (L2121-11/12; the code des communes before 1996, one regime for all communes
before the loi ATR of 8 February 1992; urgency, whose council vote is owed only when the delay
was actually shortened; Alsace-Moselle local law, for communes only; the ICPE extension from
19 August 2015; the first meeting after a renewal), quorum (L2121-17 with the second convocation
and the COVID thirds), proxies per holder (L2121-20, two during COVID), majority and vote
counting (L2121-20: absolute majority of the votes cast, casting vote, irregular proxies
neutralised) and the list of deliberations posted within a week (L2121-25 since 1 July 2022).

It reads the raw JSON dict and answers, for each family and subject (`seance` or
`deliberations[i]`), the status the rules give: `non_conforme`, `indetermine`, `conforme`, or
`non_applicable` when nothing of the family applies (bench/families.py, the same question put to
the engine). A fact the record does not give is unknown; where the law depends on it (the
population's side of 3 500, a proxy's regularity), each possibility is decided and the answer is
known only if they agree. Facts that only open an exception (urgency invoked, an ICPE item, the
first meeting, a second convocation, Alsace-Moselle) must be established by the record: absent,
the ordinary rule applies. Where cgct.md does not say what the law was (a syndicate or an
Alsace-Moselle commune before 1996; proxies and the majority of the votes cast before 1992), the
answer is `indetermine`, never a guess.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

D = dt.date
ATR = D(1992, 2, 8)            # loi n° 92-125: the split at 3 500 and the 5-day delay
CGCT = D(1996, 2, 24)          # legislative part of the CGCT in force
VOTE_URGENCE = D(1988, 1, 6)   # before, who could shorten the delay and how far is not established
ICPE = D(2015, 8, 19)          # loi n° 2015-992, L2121-12 last paragraph
LISTE = D(2022, 7, 1)          # ord. n° 2021-1310, L2121-25
# COVID periods (cgct.md §2.2), [start, end): quorum of a third present, two proxies per holder.
COVID = ((D(2020, 3, 24), D(2020, 8, 31)), (D(2020, 11, 16), D(2021, 10, 1)), (D(2021, 11, 12), D(2022, 8, 1)))
C2 = (D(2020, 4, 3), D(2020, 7, 11))   # present *or represented*
C2_MAIRE = D(2020, 5, 15)              # … except for electing the mayor and adjoints (ord. 2020-562)
ALSACE = {"57", "67", "68"}

NC, IND, OK, NA = "non_conforme", "indetermine", "conforme", "non_applicable"
UNKNOWN = None


def _status(holds) -> str:
    return OK if holds is True else NC if holds is False else IND


def _merge(statuses) -> str:
    """One answer for several possible worlds: known only when they all agree."""
    found = set(statuses)
    return found.pop() if len(found) == 1 else IND


def _worst(statuses) -> str:
    found = set(statuses)
    for status in (NC, IND, OK):
        if status in found:
            return status
    return NA


def _and(*values):
    if any(v is False for v in values):
        return False
    return True if all(v is True for v in values) else UNKNOWN


def _or(*values):
    if any(v is True for v in values):
        return True
    return False if all(v is False for v in values) else UNKNOWN


def _not(value):
    return UNKNOWN if value is None else not value


def _date(value):
    return D.fromisoformat(value) if isinstance(value, str) else None


def _int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _bool(value):
    return value if isinstance(value, bool) else None


def _in(day, periods) -> bool:
    return any(start <= day < end for start, end in periods)


def _large(body: dict):
    """≥ 3 500 inhabitants: the commune's population; for a syndicate or an EPCI, at least one
    member commune of that size (L5211-1, L5711-1). None when the record cannot tell."""
    if body.get("nature", "commune") == "commune":
        population = _int(body.get("population"))
        return None if population is None else population >= 3500
    members = body.get("membres")
    if not isinstance(members, list) or not members:
        return None
    sizes = [_int(m.get("population")) for m in members]
    if any(s is not None and s >= 3500 for s in sizes):
        return True
    return None if any(s is None for s in sizes) else False


def _alsace_moselle(body: dict) -> bool:
    flag = body.get("alsace_moselle")
    if isinstance(flag, bool):
        return flag
    departement = body.get("departement")
    return isinstance(departement, str) and (departement.lstrip("0") or departement) in ALSACE


def _worlds(large):
    return (True, False) if large is None else (large,)


# ---------------------------------------------------------------- convocation delay


def _delay(day, clear, commune, local, large, icpe, first, convocation, sure: bool = True) -> str:
    """One act's delay in one world (population side known). Not `sure` of that side, an exception
    that only a side opens (the first meeting of a large commune, urgency under one article or the
    other) is not relied on: the ordinary delay must have been kept."""
    abrege = _bool(convocation.get("delai_abrege"))
    # A delay shortened for urgency is urgency invoked (issue 13 §3: two facts, one implying the other).
    urgence = convocation.get("urgence") is True or abrege is True
    prononcee = _bool(convocation.get("urgence_prononcee"))
    if day < CGCT:
        # Code des communes (L121-10): 3 jours francs for every commune, then, from the loi ATR,
        # 5 for 3 500 and more; the first meeting after a renewal keeps 3 (cgct.md §1.3, the case
        # law before the 2011 text). Syndicates and local law before 1996: not in cgct.md.
        if not commune or (local and (day < ATR or not large)):
            return IND
        required = 3 if day < ATR or not large or first else 5
        # Before the loi ATR cgct.md says nothing of a council vote on urgency: not owed for sure.
        floor, vote_known = 1, day >= ATR
    elif local and commune and not large and not (icpe and day >= ICPE):
        # L2541-2: three days (read as jours francs), in urgency « la veille ».
        required, floor, vote_known = 3, 0, True
    else:
        icpe_rule = icpe and day >= ICPE
        required = 5 if (large or icpe_rule) else 3
        if first and commune and large and sure:
            # L2121-7: the first meeting after a renewal, 3 jours francs instead of 5.
            required = 3
        floor, vote_known = 1, True
        if not sure and not icpe_rule:
            return _status(_and(None if clear is None else clear >= required,
                                _or(_not(urgence), (clear >= required) if clear is not None else (
                                    _not(abrege) if abrege is not None else None), prononcee)))
    if urgence and abrege is not False:
        if day < VOTE_URGENCE:
            return IND if clear is None or clear < required else OK
        # The sending date decides whether the delay was shortened, whatever the convocation says
        # (issue 13 §2); the record's `delai_abrege` only when the date is unknown.
        shortened = (clear < required) if clear is not None else abrege
        floor_met = None if clear is None else clear >= floor
        if shortened is False:
            return _status(floor_met)
        vote = prononcee if vote_known else (True if prononcee else None)
        if shortened is None:
            # Shortened or not is unknown only when the sending date is: nothing is known.
            return IND
        status_floor = _status(floor_met)
        status_vote = _status(vote)
        return _worst((status_floor, status_vote))
    status = _status(None if clear is None else clear >= required)
    if ATR <= day < CGCT and not sure and not first and status == NC:
        # One article, whose delay hangs on the population: unknown, a short delay is unproven.
        return IND
    return status


def _delays(record: dict, day, body, out: dict) -> None:
    convocation = record.get("convocation") or {}
    sent = _date(convocation.get("date_envoi"))
    clear = None if sent is None else (day - sent).days - 1
    nature = body.get("nature", "commune")
    if nature == "syndicat_mixte_ouvert" and day >= CGCT:
        return
    commune = nature == "commune"
    local = _alsace_moselle(body) and commune
    large = _large(body)
    first = (record.get("seance") or {}).get("premiere_reunion_apres_renouvellement") is True
    if day >= CGCT:
        # Whatever the regime, the convocation leaves at the latest the day before the meeting.
        out[("delai", "seance")] = _status(None if clear is None else clear >= 0)
    for index, deliberation in enumerate(record.get("deliberations") or []):
        icpe = deliberation.get("icpe") is True
        # An ICPE item is under L2121-12 whatever the population: the regime is known.
        sure = large is not None or (icpe and day >= ICPE and day >= CGCT)
        worlds = [_delay(day, clear, commune, local, world, icpe, first, convocation, sure)
                  for world in _worlds(large)]
        status = _merge(worlds)
        if not sure and status == NC and day >= CGCT:
            # A delay is found wanting against an article, whose application needs the side of
            # 3 500 the body is on: unknown, the delay missed under every article stays unproven.
            status = IND
        out[("delai", f"deliberations[{index}]")] = status


# ---------------------------------------------------------------- quorum


def _counts(record: dict, deliberation: dict):
    seance = record.get("seance") or {}
    present = _int(deliberation.get("presents"))
    if present is None and "presents" not in deliberation:
        present = _int(seance.get("presents"))
        if present is not None:
            # Members who arrived or left since the opening (the record lists them per act).
            present += len(deliberation.get("arrivees") or []) - len(deliberation.get("departs") or [])
    represented = _int(deliberation.get("representes"))
    moved = bool(deliberation.get("arrivees") or deliberation.get("departs"))
    if represented is None and not moved:
        # After arrivals or departures the proxies still voted are not known: a holder who left
        # did not vote for the member he represented.
        proxies = seance.get("pouvoirs")
        represented = len(proxies) if isinstance(proxies, list) else _int(seance.get("representes"))
    return present, represented


def _quorum(record: dict, day, body, out: dict) -> None:
    nature = body.get("nature", "commune")
    if nature == "syndicat_mixte_ouvert" and day >= CGCT:
        return
    commune = nature == "commune"
    local = _alsace_moselle(body) and commune
    seance = record.get("seance") or {}
    convocation = record.get("convocation") or {}
    office = _int(seance.get("membres_en_exercice"))
    sent = _date(convocation.get("date_envoi"))
    clear = None if sent is None else (day - sent).days - 1
    second = convocation.get("seconde_convocation") is True
    for index, deliberation in enumerate(record.get("deliberations") or []):
        key = ("quorum", f"deliberations[{index}]")
        if day < CGCT and not commune:
            out[key] = IND
            continue
        present, represented = _counts(record, deliberation)
        covid = _in(day, COVID) and day >= CGCT
        if office is None:
            needed = None
        else:
            needed = -(-office // 3) if covid else office // 2 + 1
        held = None if present is None or needed is None else present >= needed
        if covid and C2[0] <= day < C2[1]:
            # C2: members present or represented count, except for electing the mayor (the
            # record never says it is not that election: unknown for a commune from 15 May).
            with_proxies = None if present is None or represented is None or needed is None \
                else present + represented >= needed
            if commune and day >= C2_MAIRE:
                held = _or(held, _and(with_proxies, None))
            else:
                held = _or(held, with_proxies)
        carried = second and deliberation.get("reportee_faute_de_quorum") is True
        if carried:
            if local:
                if day < CGCT:
                    held = _or(held, None)
                else:
                    # L2541-4: no interval, but the second convocation must say it expressly.
                    held = _or(_bool(convocation.get("mention_quorum_non_requis")), held)
            else:
                # « à trois jours au moins d'intervalle », read as jours francs (CE 1997 Pfister).
                held = _or(None if clear is None else clear >= 3, held)
        out[key] = _status(held)


# ---------------------------------------------------------------- proxies


def _proxy_limit(day) -> int:
    return 2 if _in(day, COVID) else 1


def _proxies(record: dict, day, body, out: dict) -> None:
    if body.get("nature", "commune") == "syndicat_mixte_ouvert" and day >= CGCT:
        return
    seance = record.get("seance") or {}
    proxies = seance.get("pouvoirs")
    if isinstance(proxies, list):
        if not proxies:
            return
        if day < ATR:
            out[("pouvoirs", "seance")] = IND
            return
        per_holder = Counter(p.get("mandataire") for p in proxies)
        out[("pouvoirs", "seance")] = _status(max(per_holder.values()) <= _proxy_limit(day))
        return
    represented = _int(seance.get("representes"))
    if represented == 0:
        return
    if represented is None:
        out[("pouvoirs", "seance")] = IND
        return
    out[("pouvoirs", "seance")] = IND if day < ATR or represented > _proxy_limit(day) else OK


# ---------------------------------------------------------------- majority and vote counting


def _irregular(proxy: dict):
    written = _bool(proxy.get("ecrit"))
    meetings = _int(proxy.get("seances_consecutives"))
    ill = proxy.get("maladie") is True
    # Beyond three consecutive meetings, except for duly established illness (L2121-20).
    too_long = False if ill else (None if meetings is None else meetings > 3)
    return _or(_not(written), too_long)


def _irregular_count(proxies: list, marks: list, limit: int) -> int:
    carried, bad = Counter(), Counter()
    for proxy, mark in zip(proxies, marks):
        holder = proxy.get("mandataire")
        carried[holder] += 1
        bad[holder] += mark
    # A holder of k proxies of which b irregular: b, and the regular ones beyond the limit.
    return sum(max(bad[h], carried[h] - limit) for h in carried)


def _survives(pour, contre, removed, adopted, secret):
    """Whether the result stands once `removed` votes are taken from the side that won."""
    if pour is None or contre is None or adopted is None or removed is None:
        return UNKNOWN
    if adopted:
        removed = min(removed, pour)
        # A tie left after removal is not an adoption any more (a casting vote could decide).
        return removed == 0 or pour - removed > contre
    removed = min(removed, contre)
    if removed == 0:
        return True
    left = contre - removed
    if left != pour:
        return left > pour
    # A tie: rejected in a secret ballot, open again (casting vote) otherwise; an absent mode is
    # unknown, not public.
    return secret


def _tie_status(vote: dict, adopted, secret, pour, day, deliberation: dict) -> str:
    """A tie (L2121-20): a compte administratif is adopted unless a majority is against it (L1612-12,
    from 1996); a secret ballot is a rejection; otherwise the president's vote carries the decision
    in the sense he voted (`vote_du_president`, else the older `voix_preponderante`: true when it
    made the act adopted). No vote for at all: the president did not vote for, a rejection."""
    if day >= CGCT and deliberation.get("compte_administratif") is True:
        expected = True
    elif pour == 0:
        expected = False
    else:
        president = vote.get("vote_du_president")
        by_president = president == "pour" if isinstance(president, str) else _bool(vote.get("voix_preponderante"))
        expected = _and(_not(secret), by_president)
    if adopted is None or expected not in (True, False):
        return IND
    return OK if adopted == expected else NC


def _majority_one(record: dict, day, deliberation: dict):
    vote = deliberation.get("vote") or {}
    unanimous = vote.get("unanimite") is True
    result = vote.get("resultat") if vote.get("resultat") in ("adoptee", "rejetee") else ("adoptee" if unanimous else None)
    adopted = None if result is None else result == "adoptee"
    pour = _int(vote.get("pour"))
    contre = _int(vote.get("contre"))
    if contre is None and unanimous:
        contre = 0
    mode = vote.get("mode")
    secret = None if mode is None else mode == "scrutin_secret"
    statuses = []
    tie = None if pour is None or contre is None else pour == contre
    if unanimous:
        tie = False
    if day < ATR:
        # The code des communes before 1992: majority of the votes cast or of the voters is not
        # settled by cgct.md; a count that satisfies both (or neither) is still decided.
        abstentions = _int(vote.get("abstentions"))
        if abstentions is None and unanimous:
            abstentions = 0
        if tie is True:
            statuses.append(_tie_status(vote, adopted, secret, pour, day, deliberation))
        elif tie is False or tie is None:
            of_cast = None if pour is None or contre is None else pour > (pour + contre) // 2
            of_voters = None if pour is None or contre is None or abstentions is None \
                else pour > (pour + contre + abstentions) // 2
            if adopted is None:
                base = UNKNOWN
            elif adopted:
                base = True if unanimous else _or(of_voters, _and(of_cast, None))
            else:
                base = _or(_not(of_cast), _and(_not(of_voters), None))
            if tie is None:
                tie_status = _tie_status(vote, adopted, secret, pour, day, deliberation)
                statuses.append(_merge((_status(base), tie_status)))
            else:
                statuses.append(_status(base))
        statuses.append(_neutralisation(record, day, deliberation, pour, contre, adopted, secret, unanimous))
        return _worst(statuses)
    if tie is True:
        # The president's vote decides a tie, except in a secret ballot where it is a rejection.
        statuses.append(_tie_status(vote, adopted, secret, pour, day, deliberation))
    else:
        cast = None if pour is None or contre is None else pour + contre
        majority = None if cast is None else pour > cast // 2
        if adopted is None:
            base = UNKNOWN
        else:
            base = (True if unanimous else majority) if adopted else _not(majority)
        if tie is None:
            tie_status = _tie_status(vote, adopted, secret, pour, day, deliberation)
            statuses.append(_merge((_status(base), tie_status)))
        else:
            statuses.append(_status(base))
    statuses.append(_neutralisation(record, day, deliberation, pour, contre, adopted, secret, unanimous))
    return _worst(statuses)


def _neutralisation(record, day, deliberation, pour, contre, adopted, secret, unanimous) -> str:
    seance = record.get("seance") or {}
    proxies = seance.get("pouvoirs")
    _, represented = _counts(record, deliberation)
    if isinstance(proxies, list):
        if not proxies:
            return NA
    elif represented == 0:
        return NA
    elif represented is None:
        return IND
    if day < CGCT:
        # The votes of irregular proxies were taken out before 1996 too (the obligation dates
        # from the 1884 law), but how cgct.md does not say: not decided.
        return IND
    limit = _proxy_limit(day)
    if isinstance(proxies, list):
        marks = [_irregular(p) for p in proxies]
        least = _irregular_count(proxies, [m is True for m in marks], limit)
        most = _irregular_count(proxies, [m is not False for m in marks], limit)
        exact = None if any(m is None for m in marks) else _irregular_count(proxies, marks, limit)
    else:
        least, most, exact = 0, represented, None
    if most == 0:
        return OK
    holds = _or(_survives(pour, contre, most, adopted, secret),
                _and(_survives(pour, contre, least, adopted, secret), _survives(pour, contre, exact, adopted, secret)))
    return _status(holds)


def _majority(record: dict, day, body, out: dict) -> None:
    if body.get("nature", "commune") == "syndicat_mixte_ouvert" and day >= CGCT:
        return
    for index, deliberation in enumerate(record.get("deliberations") or []):
        out[("majorite", f"deliberations[{index}]")] = _majority_one(record, day, deliberation)


# ---------------------------------------------------------------- list of deliberations


def _liste(record: dict, day, body, out: dict) -> None:
    if day < LISTE or body.get("nature", "commune") == "syndicat_mixte_ouvert":
        return
    seance = record.get("seance") or {}
    posted = seance.get("liste_deliberations") or {}
    limit = day + dt.timedelta(days=7)
    shown = _date(posted.get("date_affichage"))
    online = _date(posted.get("date_mise_en_ligne"))
    website = True if online is not None else _bool(body.get("site_internet"))
    on_time = None if shown is None else shown <= limit
    online_ok = _or(_not(website), None if online is None else online <= limit)
    out[("liste", "seance")] = _status(_and(on_time, online_ok))


def check(record: dict) -> dict:
    """{(family, subject path): status} of the families that apply to the record."""
    seance = record.get("seance") or {}
    day = D.fromisoformat(seance["date"])
    body = record.get("collectivite") or {}
    out: dict = {}
    _delays(record, day, body, out)
    _quorum(record, day, body, out)
    _proxies(record, day, body, out)
    _majority(record, day, body, out)
    _liste(record, day, body, out)
    return {key: status for key, status in out.items() if status != NA}
