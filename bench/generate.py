"""Realistic deliberation records for benchmarks, as JSON Lines.

Communes of every size, syndicates with member communes, meetings from 2015 to 2025 (COVID
periods included), convocations on time and late, full and partial rolls, proxies, votes,
publicity and transmission dates; about 2 % of lines are broken on purpose (impossible date,
unknown key, not JSON), as a real feed has them.

    python bench/generate.py 100000 > bench/out/100k.jsonl
"""
from __future__ import annotations

import datetime as dt
import json
import random
import sys

FIRST_NAMES = ["Marie", "Jean", "Claire", "Luc", "Sophie", "Paul", "Anne", "Michel", "Julie", "Pierre", "Nadia", "Karim"]
LAST_NAMES = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "PETIT", "DURAND", "LEROY", "MOREAU", "SIMON",
              "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER"]
SIZES = [(80, 7), (300, 11), (900, 15), (2000, 19), (3000, 23), (3499, 23), (3500, 27), (4200, 27), (7000, 29),
         (15000, 33), (25000, 35), (62727, 49), (120000, 55)]
SUBJECTS = [("7.1", "Budget primitif"), ("3.2", "Cession d'un terrain"), ("5.3", "Désignation d'un délégué"),
            ("4.1", "Création d'un poste"), ("8.3", "Travaux de voirie"), ("5.7", "Adhésion au syndicat")]


def _name(rng: random.Random, i: int) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}-{i}"


def record(rng: random.Random, n: int) -> dict:
    population, seats = rng.choice(SIZES)
    seance = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 11 * 365))
    en_exercice = seats - rng.choice([0, 0, 0, 1, 2])
    members = [_name(rng, i) for i in range(en_exercice)]
    presents = rng.randint(max(1, en_exercice // 3), en_exercice)
    present_names = members[:presents]
    absent_names = members[presents:]
    proxies = []
    holders = list(present_names)
    rng.shuffle(holders)
    for giver in absent_names[: rng.randint(0, len(absent_names))]:
        holder = holders[len(proxies) % len(holders)] if rng.random() > 0.03 else holders[0]
        proxies.append({"mandant": giver, "mandataire": holder, "ecrit": True, "seances_consecutives": rng.randint(1, 4)})
    sent = seance - dt.timedelta(days=rng.choice([2, 3, 4, 5, 6, 6, 7, 8, 10]))
    nature = "commune" if rng.random() > 0.1 else "syndicat_de_communes"
    collectivite: dict = {"nom": f"Collectivité {n % 5000}", "nature": nature, "departement": rng.choice(["35", "59", "57", "13"]),
                          "siren": f"2{n % 100000000:08d}"}
    if nature == "commune":
        collectivite["population"] = population
    else:
        collectivite["membres"] = [{"nom": f"Membre {k}", "population": rng.choice(SIZES)[0]} for k in range(rng.randint(2, 6))]
    deliberations = []
    for k in range(rng.randint(1, 4)):
        code, subject = rng.choice(SUBJECTS)
        votants = presents + len(proxies)
        contre = rng.randint(0, votants // 3)
        abstentions = rng.randint(0, max(0, votants - contre) // 5)
        pour = votants - contre - abstentions
        deliberation = {
            "numero": f"{seance.year}-{n}-{k}", "objet": subject, "matiere_code": code,
            "vote": {"mode": "main_levee", "pour": pour, "contre": contre, "abstentions": abstentions},
            "publicite": {"date_mise_en_ligne": (seance + dt.timedelta(days=rng.randint(1, 12))).isoformat()},
            "transmission": {"date_reception": (seance + dt.timedelta(days=rng.randint(0, 20))).isoformat()},
        }
        if rng.random() < 0.2:
            deliberation["departs"] = [present_names[0]]
        deliberations.append(deliberation)
    data = {
        "format": 1, "reference": f"bench-{n}", "collectivite": collectivite,
        "seance": {"date": seance.isoformat(), "membres_en_exercice": en_exercice, "presents": presents,
                   "representes": len(proxies), "pouvoirs": proxies, "absents": absent_names[len(proxies):],
                   "secretaires": [present_names[-1]],
                   "liste_deliberations": {"date_affichage": (seance + dt.timedelta(days=rng.randint(1, 9))).isoformat()}},
        "convocation": {"date_envoi": sent.isoformat(), "note_explicative_synthese": rng.random() > 0.05},
        "deliberations": deliberations,
    }
    if rng.random() < 0.3:
        del data["convocation"]["date_envoi"]
    return data


def broken(rng: random.Random) -> str:
    return rng.choice(['{"seance": {"date": "2023-02-31"}}', '{"seance": {"date": "2023-01-01", "inconnu": 1}}',
                       "pas du JSON", '{"seance": {"date": "2023-01-01"}'])


def lines(count: int, seed: int = 1):
    rng = random.Random(seed)
    for n in range(count):
        yield broken(rng) if rng.random() < 0.02 else json.dumps(record(rng, n), ensure_ascii=False)


if __name__ == "__main__":
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    out = sys.stdout
    for line in lines(total):
        out.write(line + "\n")
