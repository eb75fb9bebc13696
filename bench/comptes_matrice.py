"""How the reader reads the attendance counts across a phrasing matrix, kind by kind.

    python bench/comptes_matrice.py [--exemples N] [--graine G]

Draws N attendance blocks of each kind (label/value pairs in any order, separator, case and
layout; intercommunal labels; other numbers among the counts; flattened tables; counts in words;
runs written number first; lists of names with and without the members in office, and checked by
the votes that follow; counts in a sentence; « tous présents »; the shapes of the tuning texts
written anew; clauses with their verbs, runs with no sign between a number and its word, a header of
effectif légal, en exercice and votants) with counts that hold together, reads each
(`checker.reader.read_text`) and counts, per count (en exercice, présents, représentés, votants):
right at the gate (≥ 0.9), right below it, not given, wrong below the gate, wrong at the gate. The
matrix is the one `tests/test_reader_comptes_matrice.py` asserts on; this prints the figures for a
report, on any version of the reader (`PYTHONPATH=… python bench/comptes_matrice.py`).
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_reader_comptes_matrice import (  # noqa: E402
    BODY, CASES, FIELDS, FIRST_NAMES, HEAD, JOINERS, LABELS, SENTENCE_NOUNS, SEPARATORS, SHAPES, SURNAMES, VOTE_UNANIMOUS,
    VOTES_SIDES, WOMEN, _side_text, in_words)

from checker.reader import read_text  # noqa: E402

SEUIL = 0.9
OUTCOMES = ("juste", "juste < 0,9", "non lu", "faux < 0,9", "FAUX ≥ 0,9")


def counts(rnd: random.Random) -> dict:
    office = rnd.randint(9, 69)
    present = rnd.randint(office // 2 + 1, office)
    represented = rnd.randint(0, min(office - present, present))
    return {"membres_en_exercice": office, "presents": present, "representes": represented,
            "votants": present + represented}


def pairs(rnd, c, labels=LABELS):
    order = rnd.sample(FIELDS, 4)
    separator, joiner, case = rnd.choice(SEPARATORS), rnd.choice(JOINERS), rnd.choice(CASES)
    return joiner.join(case(rnd.choice(labels[k])) + separator + str(c[k]) for k in order), c


def others(rnd, c):
    absent = c["membres_en_exercice"] - c["votants"]
    extra = [("Quorum", c["membres_en_exercice"] // 2 + 1), ("Majorité absolue", c["votants"] // 2 + 1),
             ("Excusés", absent + c["representes"]), ("Absents", absent), ("Suffrages exprimés", c["votants"]),
             ("Pour", c["votants"]), ("Contre", 0), ("Abstentions", 0), ("Excusés sans pouvoir", absent),
             ("Date de convocation", "12 décembre 2023")]
    items = [(rnd.choice(LABELS[k][:3]), c[k]) for k in FIELDS] + rnd.sample(extra, rnd.randint(1, 4))
    rnd.shuffle(items)
    separator, joiner = rnd.choice([" : ", " ", ": "]), rnd.choice(["\n", " ", "; "])
    return joiner.join(f"{label}{separator}{n}" for label, n in items), c


def table(rnd, c):
    order = rnd.sample(FIELDS, 4)
    names = {"membres_en_exercice": "En exercice", "presents": "Présents", "representes": "Pouvoirs",
             "votants": "Votants"}
    joiner = rnd.choice([" ", "\n", " | "])
    labels = joiner.join(names[k] for k in order)
    values = joiner.join(str(c[k]) for k in order)
    return (labels + joiner + values if rnd.random() < 0.5 else values + joiner + labels), c


def words(rnd, c):
    if rnd.random() < 0.5:
        order = rnd.sample(FIELDS, 4)
        return rnd.choice(["\n", " ", "; "]).join(
            rnd.choice(LABELS[k][:3]) + " : " + in_words(c[k]) for k in order), c
    return (f"{in_words(c['membres_en_exercice']).capitalize()} conseillers en exercice, {in_words(c['presents'])} "
            f"présents, {in_words(c['representes'])} pouvoir{'s' if c['representes'] > 1 else ''}, "
            f"{in_words(c['votants'])} votants."), c


def number_first(rnd, c):
    opening = rnd.choice(["{} conseillers en exercice", "Délégués : {} en exercice", "Conseillers : {} en exercice"])
    return (opening.format(c["membres_en_exercice"]) + f", {c['presents']} présents, {c['representes']} "
            f"{rnd.choice(['pouvoirs', 'procurations', 'représentés'])}, {c['votants']} votants."), c


def names(rnd, c):
    office = min(c["membres_en_exercice"], 29)
    present = min(c["presents"], office)
    represented = min(c["representes"], office - present, 5)
    c = {"membres_en_exercice": office, "presents": present, "representes": represented,
         "votants": present + represented}
    people = [f"{FIRST_NAMES[i]} {SURNAMES[i]}" for i in rnd.sample(range(30), office)]
    here, proxies, away = people[:present], people[present:present + represented], people[present + represented:]

    def named(person):
        woman = person.split()[0] in WOMEN
        return ("Mme " if woman else "M. ") + person

    text = f"Membres en exercice : {office}\n" if rnd.random() < 0.6 else ""
    if not text:
        c = dict(c, membres_en_exercice=None)
    text += "Présents : " + ", ".join(named(p) for p in here) + ".\n"
    if proxies:
        text += "Pouvoirs : " + ", ".join(f"{named(p)} (pouvoir à {named(rnd.choice(here))})" for p in proxies) + ".\n"
    if away:
        text += "Absents : " + ", ".join(named(p) for p in away) + ".\n"
    head = HEAD.replace("M. Jean DUPONT", named(here[0]))
    return (head, text), c


def all_present(rnd, c):
    office = c["membres_en_exercice"]
    sentence = rnd.choice(["Tous les membres en exercice étaient présents.", "Présents : tous.",
                           "Tous les conseillers sont présents."])
    return f"Membres en exercice : {office}. {sentence}", {
        "membres_en_exercice": office, "presents": office, "representes": 0, "votants": office}


def shapes(rnd, c):
    shape, _ = rnd.choice(SHAPES)
    office, present = c["membres_en_exercice"], c["presents"]
    represented = max(1, min(c["representes"], office - present - 1))
    present = min(present, office - represented - 1)
    c = {"membres_en_exercice": office, "presents": present, "representes": represented,
         "votants": present + represented}
    text = shape.format(e=office, p=present, p1=present + 1, r=represented, v=c["votants"],
                        a=office - present - represented, s=c["votants"] - 1, q=office // 2 + 1)
    return text, c


def roll_and_votes(rnd, c):
    """Lists of names without a total, then the items' votes, the largest making up the roll."""
    office = min(c["membres_en_exercice"], 27)
    present = max(office // 2 + 1, min(c["presents"], office - 1))
    represented = min(c["representes"], office - present, 4)
    people = [f"{FIRST_NAMES[i]} {SURNAMES[i]}" for i in rnd.sample(range(30), office)]
    here, givers, away = people[:present], people[present:present + represented], people[present + represented:]

    def named(person):
        return ("Mme " if person.split()[0] in WOMEN else "M. ") + person

    text = "Présents : " + ", ".join(named(p) for p in here) + ".\n"
    if givers and rnd.random() < 0.5:
        text += "Pouvoirs : " + ", ".join(f"{named(g)} à {named(rnd.choice(here))}" for g in givers) + ".\n"
        text += ("Absents : " + ", ".join(named(p) for p in away) + ".\n") if away else ""
    else:
        text += "Excusés : " + ", ".join([f"{named(g)} (pouvoir donné à {named(rnd.choice(here))})" for g in givers]
                                         + [f"{named(p)} (pas de pouvoir)" for p in away]) + ".\n"
    voters = present + represented
    items = rnd.randint(1, 4)
    where = rnd.randrange(items)
    body = f"\nSecrétaire de séance : {named(here[-1])}."
    for number in range(items):
        body += f"\n{number + 1}) Objet : décision n° {number + 1}. Le conseil municipal, après en avoir délibéré : "
        if number != where and rnd.random() < 0.5:
            body += rnd.choice(VOTE_UNANIMOUS)
            continue
        total = voters if number == where else rnd.randint(max(1, voters - 3), voters)
        against = rnd.randint(0, min(2, total - 1))
        body += _side_text(rnd.choice(VOTES_SIDES), total, against, rnd.randint(0, min(2, total - 1 - against)))
    return (HEAD.replace("M. Jean DUPONT", named(here[0])), text + body), {
        "membres_en_exercice": None, "presents": present, "representes": represented, "votants": voters}


def sentence(rnd, c):
    """Counts in a sentence, out of the members in office, in figures or words."""
    number = in_words if rnd.random() < 0.5 else str
    noun = rnd.choice(SENTENCE_NOUNS)
    office, present = number(c["membres_en_exercice"]), number(c["presents"])
    form = rnd.choice([f"Sur les {office} {noun} en exercice, {present} étaient présents.",
                       f"Le conseil, composé de {office} {noun} en exercice dont {present} présents, délibère.",
                       f"Avec {present} {noun} présents sur {office} en exercice, le quorum est atteint.",
                       f"{present} {noun} étant présents, le conseil peut valablement délibérer."])
    office_named = "en exercice" in form
    return form, {"membres_en_exercice": c["membres_en_exercice"] if office_named else None, "presents": c["presents"],
                  "representes": None, "votants": None}


def clauses(rnd, c):
    """Counts stated by clauses with their verbs (« A l'ouverture de la séance, 20 délégués étaient présents ;
    3 avaient donné pouvoir », « Sur 27 conseillers en exercice, 20 sont présents et 3 ont donné pouvoir »)."""
    office, present, represented = c["membres_en_exercice"], c["presents"], c["representes"]
    noun = rnd.choice(["délégués", "membres", "conseillers"])
    if rnd.random() < 0.5:
        text = (f"En exercice : {office}. " + rnd.choice(["A l'ouverture de la séance, ", "", "Lors de l'appel, "])
                + f"{present} {noun} {rnd.choice(['étaient', 'sont'])} présents{rnd.choice([' ; ', ', ', ' et '])}"
                + f"{represented} "
                + rnd.choice(["avaient donné pouvoir", "ont donné procuration", "ont donné un pouvoir"]) + ".")
    else:
        text = (f"Sur {office} {noun} en exercice, {present} sont présents et {represented} "
                + rnd.choice(["ont donné pouvoir", "sont représentés"]) + ".")
    return text, {"membres_en_exercice": office, "presents": present, "representes": represented, "votants": None}


def signless_runs(rnd, c):
    """Runs with no sign between a number and its word, number first (« 27 membres en exercice – 18 présents –
    3 procurations – 21 votants ») or label first (« En exercice 27 – Présents 18 – … »)."""
    office, present, represented, voters = (c[k] for k in ("membres_en_exercice", "presents", "representes",
                                                           "votants"))
    between = rnd.choice([" ", " – ", " - "])
    if rnd.random() < 0.5:
        noun = rnd.choice(["conseillers ", "membres ", ""])
        text = between.join([f"{office} {noun}en exercice", f"{present} présents", f"{represented} pouvoirs",
                             f"{voters} votants"]) + "\n\nLe conseil désigne son secrétaire."
    else:
        text = between.join([f"En exercice {office}", f"Présents {present}", f"Pouvoirs {represented}",
                             f"Votants {voters}"])
    return text, c


def legal_size_table(rnd, c):
    """A flattened header of effectif légal, en exercice and votants between date columns."""
    office, voters = c["membres_en_exercice"], c["votants"]
    legal = office + rnd.randint(0, 4)
    text = ("Nombre de membres : Afférents au Conseil de Communauté : En exercice : "
            f"Ayant pris part à la délibération : Date de la Convocation : {legal} {office} {voters} 14/02/2019")
    return text, {"membres_en_exercice": office, "presents": None, "representes": None, "votants": voters}


KINDS = {
    "étiquette : valeur": pairs,
    "étiquettes intercommunales": lambda rnd, c: pairs(rnd, c, {k: v[-4:] for k, v in LABELS.items()}),
    "autres nombres parmi les comptes": others,
    "tableau aplati": table,
    "en lettres": words,
    "nombre d'abord": number_first,
    "listes de noms": names,
    "tous présents": all_present,
    "formes des textes de réglage": shapes,
    "listes de noms et votes": roll_and_votes,
    "comptes dans une phrase": sentence,
    "propositions avec leur verbe": clauses,
    "suites sans signe": signless_runs,
    "effectif légal et votants": legal_size_table,
}


def outcome(fact, expected) -> str:
    found = fact.get("valeur") if isinstance(fact, dict) else fact
    if found is None:
        return "non lu"
    sure = (fact.get("confiance", 1.0) if isinstance(fact, dict) else 1.0) >= SEUIL
    if found == expected:
        return "juste" if sure else "juste < 0,9"
    return "FAUX ≥ 0,9" if sure else "faux < 0,9"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exemples", type=int, default=60, help="blocs tirés par sorte (défaut : 60)")
    parser.add_argument("--graine", type=int, default=1, help="graine du tirage (défaut : 1)")
    args = parser.parse_args(argv)
    print(f"Matrice des comptes de présence : {args.exemples} blocs par sorte, graine {args.graine}")
    print(f"{'sorte':34}{'compte':22}" + "".join(f"{o:>13}" for o in OUTCOMES))
    total: Counter = Counter()
    for kind, make in KINDS.items():
        rnd = random.Random(f"{args.graine}-{kind}")
        tally: dict = {k: Counter() for k in FIELDS}
        for _ in range(args.exemples):
            text, expected = make(rnd, counts(rnd))
            head, text = text if isinstance(text, tuple) else (HEAD, text)
            seance = read_text(head + text + BODY)["seance"]
            for key in FIELDS:
                if expected[key] is None:
                    continue
                tally[key][outcome(seance.get(key), expected[key])] += 1
        for key in FIELDS:
            total.update(tally[key])
            n = sum(tally[key].values())
            print(f"{kind:34}{key:22}" + "".join(f"{100 * tally[key][o] / n:12.1f}%" if n else f"{'-':>13}"
                                                 for o in OUTCOMES))
    n = sum(total.values())
    print(f"{'TOUTES SORTES':34}{'(' + str(n) + ' comptes)':22}"
          + "".join(f"{100 * total[o] / n:12.1f}%" for o in OUTCOMES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
