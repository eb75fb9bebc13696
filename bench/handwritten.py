"""A plain hand-written checker of five rules, the yardstick for the engine's cost.

Convocation delay (L2121-11/12, with L5211-1 for syndicates), quorum (L2121-17, with the COVID
thirds), proxies per holder (L2121-20, two during COVID), absolute majority (L2121-20), list of
deliberations posted within a week (L2121-25 since 1 July 2022). It reads the raw JSON dict,
validates nothing and cites nothing: it is what a developer would write in an afternoon.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

COVID = [(dt.date(2020, 3, 24), dt.date(2020, 8, 31)), (dt.date(2020, 11, 16), dt.date(2021, 10, 1)),
         (dt.date(2021, 11, 12), dt.date(2022, 8, 1))]
C2 = (dt.date(2020, 4, 3), dt.date(2020, 7, 11))


def _in(day, periods):
    return any(start <= day < end for start, end in periods)


def check(record: dict) -> dict:
    out = {}
    seance = record.get("seance", {})
    day = dt.date.fromisoformat(seance["date"])
    body = record.get("collectivite", {})
    if body.get("nature", "commune") == "commune":
        large = body.get("population") is not None and body["population"] >= 3500
    else:
        large = any((m.get("population") or 0) >= 3500 for m in body.get("membres", []))
    sent = record.get("convocation", {}).get("date_envoi")
    if sent is None:
        out["delai"] = "indetermine"
    else:
        clear = (day - dt.date.fromisoformat(sent)).days - 1
        out["delai"] = "conforme" if clear >= (5 if large else 3) else "non_conforme"
    covid = _in(day, COVID)
    en_exercice = seance.get("membres_en_exercice")
    proxies = seance.get("pouvoirs", [])
    for i, deliberation in enumerate(record.get("deliberations", [])):
        presents = deliberation.get("presents")
        if presents is None and seance.get("presents") is not None:
            presents = seance["presents"] - len(deliberation.get("departs", [])) + len(deliberation.get("arrivees", []))
        if presents is None or en_exercice is None:
            out[f"quorum{i}"] = "indetermine"
        else:
            counted = presents + (len(proxies) if _in(day, [C2]) else 0)
            needed = -(-en_exercice // 3) if covid else en_exercice // 2 + 1
            out[f"quorum{i}"] = "conforme" if counted >= needed else "non_conforme"
        vote = deliberation.get("vote", {})
        if "pour" in vote and "contre" in vote:
            out[f"majorite{i}"] = "conforme" if vote["pour"] * 2 > vote["pour"] + vote["contre"] else "non_conforme"
        else:
            out[f"majorite{i}"] = "indetermine"
    per_holder = Counter(p["mandataire"] for p in proxies)
    out["pouvoirs"] = "conforme" if max(per_holder.values(), default=0) <= (2 if covid else 1) else "non_conforme"
    if day >= dt.date(2022, 7, 1):
        posted = seance.get("liste_deliberations", {}).get("date_affichage")
        if posted is None:
            out["liste"] = "indetermine"
        else:
            out["liste"] = "conforme" if dt.date.fromisoformat(posted) <= day + dt.timedelta(days=7) else "non_conforme"
    return out
