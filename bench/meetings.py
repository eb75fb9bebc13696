"""Random meetings across 1990–2027 for the five families the hand-written checker decides.

Dates are drawn near the days the law changed (the 1992 split at 3 500, the 1996 code, the ICPE
extension of 19 August 2015, each COVID period's first and last day, the July 2022 reform) as
often as anywhere else; the exceptions are drawn on purpose: urgency invoked with and without a
shortened delay, the council's vote on it, Alsace-Moselle communes and syndicates, ICPE items,
the first meeting after a renewal, a second convocation after a failed quorum, two or three
proxies in one hand, ties and casting votes, and facts left out.

    python bench/meetings.py 1000 > bench/out/meetings.jsonl
"""
from __future__ import annotations

import datetime as dt
import json
import random
import sys

FIRST, LAST = dt.date(1990, 1, 1), dt.date(2027, 12, 31)
LANDMARKS = [dt.date(1992, 2, 8), dt.date(1996, 2, 24), dt.date(2015, 8, 19), dt.date(2020, 3, 24),
             dt.date(2020, 4, 3), dt.date(2020, 7, 11), dt.date(2020, 8, 31), dt.date(2020, 11, 16),
             dt.date(2021, 10, 1), dt.date(2021, 11, 12), dt.date(2022, 8, 1), dt.date(2022, 7, 1),
             dt.date(1989, 3, 24), dt.date(1995, 6, 23), dt.date(2001, 3, 23), dt.date(2008, 3, 21),
             dt.date(2011, 5, 19), dt.date(2014, 3, 28), dt.date(2020, 5, 23), dt.date(2026, 3, 20),
             dt.date(1988, 1, 6)]
POPULATIONS = [80, 450, 1200, 2999, 3499, 3500, 3501, 8000, 52000]
DEPARTEMENTS = ["57", "67", "68", "35", "59", "13", "2A"]


def _maybe(rng: random.Random, value, absent: float = 0.1):
    return None if rng.random() < absent else value


def _day(rng: random.Random) -> dt.date:
    if rng.random() < 0.5:
        return rng.choice(LANDMARKS) + dt.timedelta(days=rng.randint(-6, 6))
    return FIRST + dt.timedelta(days=rng.randrange((LAST - FIRST).days + 1))


def _put(target: dict, key: str, value) -> None:
    if value is not None:
        target[key] = value


def meeting(rng: random.Random, n: int = 0) -> dict:
    day = _day(rng)
    nature = rng.choices(["commune", "syndicat_de_communes", "syndicat_mixte_ferme", "syndicat_mixte_ouvert"],
                         [70, 18, 8, 4])[0]
    collectivite: dict = {"nom": f"Collectivité {n}", "nature": nature}
    _put(collectivite, "departement", _maybe(rng, rng.choice(DEPARTEMENTS), 0.2))
    if nature == "commune":
        _put(collectivite, "population", _maybe(rng, rng.choice(POPULATIONS), 0.07))
    else:
        membres = []
        for k in range(rng.randint(1, 4)):
            membre = {"nom": f"Membre {k}"}
            _put(membre, "population", _maybe(rng, rng.choice(POPULATIONS), 0.05))
            membres.append(membre)
        if rng.random() > 0.05:
            collectivite["membres"] = membres

    en_exercice = rng.randint(5, 45)
    presents = rng.randint(max(1, en_exercice // 4), en_exercice)
    names = [f"M{i}" for i in range(en_exercice)]
    here, away = names[:presents], names[presents:]
    proxies = []
    for giver in away[: rng.randint(0, len(away))]:
        # One holder in five takes a second or third proxy.
        holder = rng.choice(here[:3]) if rng.random() < 0.2 else rng.choice(here)
        proxy = {"mandant": giver, "mandataire": holder}
        _put(proxy, "ecrit", rng.choice([True, True, True, True, None, False]))
        _put(proxy, "seances_consecutives", _maybe(rng, rng.choice([1, 1, 2, 3, 4]), 0.15))
        if rng.random() < 0.1:
            proxy["maladie"] = rng.random() < 0.5
        proxies.append(proxy)
    seance: dict = {"date": day.isoformat()}
    _put(seance, "membres_en_exercice", _maybe(rng, en_exercice, 0.05))
    _put(seance, "presents", _maybe(rng, presents, 0.05))
    if proxies or rng.random() < 0.5:
        seance["pouvoirs"] = proxies
    if rng.random() < 0.15:
        seance["premiere_reunion_apres_renouvellement"] = rng.random() < 0.7
    if rng.random() > 0.15:
        liste = seance["liste_deliberations"] = {}
        _put(liste, "date_affichage", _maybe(rng, (day + dt.timedelta(days=rng.randint(0, 11))).isoformat()))
        if rng.random() < 0.4:
            liste["date_mise_en_ligne"] = (day + dt.timedelta(days=rng.randint(0, 11))).isoformat()
    if rng.random() < 0.5:
        collectivite["site_internet"] = rng.random() < 0.7

    convocation: dict = {}
    if rng.random() > 0.1:
        convocation["date_envoi"] = (day - dt.timedelta(days=rng.choice([0, 1, 2, 3, 4, 4, 5, 6, 6, 7, 9]))).isoformat()
    for key, chance in (("urgence", 0.3), ("delai_abrege", 0.2), ("urgence_prononcee", 0.25)):
        if rng.random() < chance:
            convocation[key] = rng.random() < 0.6
    if rng.random() < 0.12:
        convocation["seconde_convocation"] = rng.random() < 0.8
        if rng.random() < 0.7:
            convocation["date_seance_sans_quorum"] = (day - dt.timedelta(days=rng.randint(2, 12))).isoformat()
        if rng.random() < 0.5:
            convocation["mention_quorum_non_requis"] = rng.random() < 0.6

    deliberations = []
    for k in range(rng.randint(1, 3)):
        deliberation: dict = {"numero": f"{day.year}-{n}-{k}"}
        if rng.random() < 0.15:
            deliberation["icpe"] = rng.random() < 0.7
        if rng.random() < 0.2:
            deliberation["presents"] = rng.randint(max(1, presents - 4), presents)
        elif rng.random() < 0.15:
            deliberation["departs"] = here[: rng.randint(1, min(3, len(here)))]
        if convocation.get("seconde_convocation") and rng.random() < 0.7:
            deliberation["reportee_faute_de_quorum"] = rng.random() < 0.7
        votants = presents + len(proxies)
        vote: dict = {}
        _put(vote, "mode", _maybe(rng, rng.choice(["main_levee", "scrutin_public", "scrutin_secret"]), 0.2))
        if rng.random() < 0.2:
            pour = contre = rng.randint(0, votants // 2)
        else:
            contre = rng.randint(0, votants // 2 + 1)
            pour = rng.randint(0, max(0, votants - contre))
        _put(vote, "pour", _maybe(rng, pour, 0.07))
        _put(vote, "contre", _maybe(rng, contre, 0.07))
        _put(vote, "abstentions", _maybe(rng, max(0, votants - pour - contre), 0.3))
        if pour == contre and rng.random() < 0.6:
            vote["voix_preponderante"] = rng.random() < 0.5
        if rng.random() < 0.4:
            vote["resultat"] = rng.choice(["adoptee", "rejetee"])
        if vote:
            deliberation["vote"] = vote
        deliberations.append(deliberation)
    return {"format": 1, "reference": f"meeting-{n}", "collectivite": collectivite, "seance": seance,
            "convocation": convocation, "deliberations": deliberations}


def meetings(count: int, seed: int = 1):
    rng = random.Random(seed)
    for n in range(count):
        yield meeting(rng, n)


if __name__ == "__main__":
    for record in meetings(int(sys.argv[1]) if len(sys.argv) > 1 else 1000):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
