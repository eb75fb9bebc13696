"""How often each kind of reading of the attendance counts is right, by its source in the trace.

    python bench/comptes_derivations.py [--corpus DOSSIER] [--sondes DOSSIER] [--details]

A count reaches the record by one of several roads: printed after its label, counted on a list of
names (once, or twice between its separators), made up from others (« calculé : présents +
représentés », votants − représentés, the total of a vote), confirmed or not by another total. The
reader names the road in the count's `source`. This bench reads the TUNING parts of the labelled
corpus (the shared texts 004–025, the even ones of 056–088, the reference document, and
`bench/corpus/reglage`) and the probes of `/work/sondes/` when they are there, and counts, per count
and per kind of reading, how many were right, wrong, or given where the label has none — apart at the
gate (≥ 0.9) and below it. It never reads a validation text (the odd texts of 056–089 and
`bench/corpus/validation`): a kind is kept or left out of the field on these figures and the legal
logic, never on the validation aggregate. `--details` lists every wrong reading (tuning and probes
only).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import reader_accuracy as accuracy  # noqa: E402

from checker.errors import InputError  # noqa: E402
from checker.reader import read_text  # noqa: E402

SEUIL = 0.9
FIELDS = (("members_in_office", "membres_en_exercice"), ("present", "presents"), ("represented", "representes"),
          ("voters", "votants"))
# The roads a count takes, recognised in its source, most specific first.
KINDS = [
    ("bornes (min, max)", None),
    ("calculé : présents + représentés, recoupé par un vote", re.compile(r"^calculé : présents .*recoupé")),
    ("calculé : présents + représentés", re.compile(r"^calculé : présents \(")),
    ("calculé : total des voix", re.compile(r"^calculé : total des voix")),
    ("calculé : votants − représentés", re.compile(r"^calculé : votants \(\d+\) − représentés")),
    ("calculé : votants − présents", re.compile(r"^calculé : votants \(\d+\) − présents")),
    ("calculé : suffrages exprimés", re.compile(r"^calculé : (?:suffrages exprimés|exprimés|aucun pouvoir)")),
    ("calculé : autre", re.compile(r"^calculé")),
    ("liste comptée deux fois, recoupée par un vote", re.compile(r"^compté sur la liste \(deux.*recoupé")),
    ("liste comptée deux fois", re.compile(r"^compté sur la liste \(deux")),
    ("liste comptée, recoupée par un vote", re.compile(r"^compté sur la liste : .*recoupé")),
    ("liste comptée", re.compile(r"^compté sur la liste")),
    ("imprimé, recoupé par un vote", re.compile(r"recoupé par le plus grand vote")),
    ("imprimé, autant de noms", re.compile(r"autant de noms sur la liste")),
    ("imprimé", re.compile(r"")),
]


def kind_of(fact: dict) -> str:
    if "min" in fact:
        return KINDS[0][0]
    source = str(fact.get("source", ""))
    return next(name for name, pattern in KINDS[1:] if pattern.search(source))


def tuning_documents(corpus: Path):
    for text, label, part in accuracy.documents(corpus, ROOT / "bench" / "corpus"):
        if part in ("reglage", "reglage+"):
            yield part, text.name, text.read_text(encoding="utf-8"), json.loads(label.read_text(encoding="utf-8"))


def probes(folder: Path):
    for path in sorted(folder.glob("[0-9][0-9][0-9].json")):
        probe = json.loads(path.read_text(encoding="utf-8"))
        yield "sondes", path.name, probe.get("texte", ""), probe.get("attendu", {})


def tally(documents, table: dict, wrong: list, probes_only_scored: bool) -> None:
    for part, name, text, label in documents:
        try:
            record = read_text(text, name.replace(".json", ".txt"))
        except InputError:
            record = {}
        seance = record.get("seance", {})
        for key, field in FIELDS:
            if probes_only_scored and key not in label:
                continue
            expected = label.get(key)
            fact = seance.get(field)
            if not isinstance(fact, dict) or (fact.get("valeur") is None and "min" not in fact):
                table[(part, field, "non lu", "")]["non lu" if expected is not None else "rien"] += 1
                continue
            band = "≥ 0,9" if fact.get("confiance", 1.0) >= SEUIL else "< 0,9"
            kind = kind_of(fact)
            if "min" in fact:
                outcome = ("sans étiquette" if expected is None
                           else "juste" if fact["min"] <= expected <= fact["max"] else "faux")
            else:
                outcome = ("sans étiquette" if expected is None
                           else "juste" if fact["valeur"] == expected else "faux")
            table[(part, field, band, kind)][outcome] += 1
            if outcome != "juste":
                wrong.append((part, name, field, band, expected, fact.get("valeur", (fact.get("min"), fact.get("max"))),
                              fact.get("confiance"), str(fact.get("source", ""))[:160]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=accuracy._default_corpus())
    parser.add_argument("--sondes", type=Path, default=Path("/work/sondes"))
    parser.add_argument("--details", action="store_true", help="chaque lecture fausse (réglage et sondes)")
    args = parser.parse_args(argv)
    table: dict = defaultdict(lambda: defaultdict(int))
    wrong: list = []
    tally(tuning_documents(args.corpus), table, wrong, False)
    if args.sondes.is_dir():
        tally(probes(args.sondes), table, wrong, True)
    print(f"{'partie':<9} {'compte':<20} {'seuil':<6} {'lecture':<52} {'justes':>6} {'faux':>5} {'sans étiq.':>10}")
    for (part, field, band, kind), outcomes in sorted(table.items()):
        if band == "non lu":
            print(f"{part:<9} {field:<20} {'-':<6} {'non lu':<52} {'':>6} {outcomes['non lu']:>5} {'':>10}")
            continue
        print(f"{part:<9} {field:<20} {band:<6} {kind:<52} {outcomes['juste']:>6} {outcomes['faux']:>5} "
              f"{outcomes['sans étiquette']:>10}")
    if args.details:
        print()
        for row in wrong:
            print(" | ".join(str(x) for x in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
