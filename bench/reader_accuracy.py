"""Field-level precision and recall of the reader on the labelled corpus.

    python bench/reader_accuracy.py [--corpus DIR] [--details]

Reads `DIR/real/*.txt` with their `*.json` labels, and `DIR/villeneuve-dascq-2023-12-19.txt`
with the labels in `tests/data/`. Dates, counts, names and proxy pairs are compared with a
tolerance for accents, case, hyphens and apostrophes only (names are written « Prénom NOM » by
the reader, as in the labels). For a single value, a wrong value counts once against precision
and once against recall; lists (proxies, absents, secretaries) are counted item by item.
`n` is the number of documents (or items) the labels give a value for.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.errors import InputError  # noqa: E402
from checker.reader import read_text  # noqa: E402
from checker.reader.normalize import fold_name  # noqa: E402

ACTES_ID = re.compile(r"(?:\d{3}|02[AB])-\d{9}-\d{8}-[A-Za-z0-9_]{1,15}-(?:DE|AR|AI|CC|BF|AU)\b")
BODY_WORDS = re.compile(r"^(?:commune nouvelle de |commune membre de |commune de |commune d'|commune des |ville de "
                        r"|communaute de communes (?:du |de la |des |de |d')?|communaute d'agglomeration (?:du |de la "
                        r"|des |de |d')?)")


def value(fact):
    if isinstance(fact, dict):
        return fact.get("valeur")
    return fact


def person(name: str | None) -> str | None:
    if not name:
        return None
    return fold_name(re.sub(r"\(.*?\)", "", name)) or None


def body_name(name: str | None) -> str | None:
    if not name:
        return None
    core = fold_name(re.sub(r"\(.*?\)", "", name).replace("'", " ' "))
    return BODY_WORDS.sub("", core.replace(" ' ", "'")).replace("'", " ").strip() or None


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = self.n = 0
        self.misses: list = []

    def single(self, doc, expected, got):
        if expected is not None:
            self.n += 1
        if expected is not None and got is not None and expected == got:
            self.tp += 1
            return
        if got is not None:
            self.fp += 1
        if expected is not None:
            self.fn += 1
        if expected is not None or got is not None:
            self.misses.append((doc, expected, got))

    def many(self, doc, expected: set, got: set):
        self.n += len(expected)
        self.tp += len(expected & got)
        self.fp += len(got - expected)
        self.fn += len(expected - got)
        if expected != got:
            self.misses.append((doc, sorted(expected - got), sorted(got - expected)))

    def row(self, name):
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        show = lambda x: "   -  " if x is None else f"{100 * x:5.1f}%"
        return f"{name:<34} {show(precision)}  {show(recall)}  {self.n:>4}"


def choose_deliberation(record, label):
    delibs = record.get("deliberations", [])
    wanted = re.sub(r"\W", "", (label.get("act_identifier") or "")).lower()
    if wanted:
        for d in delibs:
            numero = re.sub(r"\W", "", d.get("numero", "")).lower()
            if numero and numero in wanted:
                return d
    for d in delibs:
        if d.get("vote"):
            return d
    return delibs[0] if delibs else {}


def any_delib(record, section, key, chosen):
    found = value(chosen.get(section, {}).get(key))
    if found is not None:
        return found
    for d in record.get("deliberations", []):
        found = value(d.get(section, {}).get(key))
        if found is not None:
            return found
    return None


def compare(tallies, doc, record, label):
    seance = record.get("seance", {})
    datetime = label.get("meeting_datetime") or ""
    tallies["seance.date"].single(doc, datetime[:10] or None, value(seance.get("date")))
    expected_time = datetime[11:16] or None
    tallies["seance.heure"].single(doc, expected_time, seance.get("heure"))
    envoi = record.get("convocation", {}).get("date_envoi")
    tallies["convocation.date_envoi"].single(doc, label.get("convocation_date"), value(envoi))
    for key, field in (("members_in_office", "membres_en_exercice"), ("present", "presents"),
                       ("represented", "representes"), ("voters", "votants")):
        tallies[f"seance.{field}"].single(doc, label.get(key), value(seance.get(field)))
    expected_pairs = {(person(a), person(b)) for a, b in label.get("proxies") or []}
    got_pairs = {(person(p["mandant"]), person(p["mandataire"])) for p in seance.get("pouvoirs", [])}
    tallies["seance.pouvoirs (paires)"].many(doc, expected_pairs, got_pairs)
    tallies["seance.absents (noms)"].many(doc, {person(n) for n in label.get("absent_without_proxy") or []},
                                         {person(n) for n in seance.get("absents", [])})
    secretary = label.get("secretary")
    expected_secretaries = ({person(n) for n in re.split(r" et ", re.sub(r"\(.*?\)", "", secretary))}
                            if secretary else set())
    tallies["seance.secretaires (noms)"].many(doc, expected_secretaries,
                                             {person(n) for n in seance.get("secretaires", [])})
    tallies["seance.president"].single(doc, person(label.get("president")), person(value(seance.get("president"))))
    chosen = choose_deliberation(record, label)
    vote = chosen.get("vote", {})
    expected_vote = label.get("vote") or {}
    tallies["vote.unanimite"].single(doc, True if expected_vote.get("unanimite") else None,
                                     value(vote.get("unanimite")))
    for key, field in (("pour", "pour"), ("contre", "contre"), ("abstention", "abstentions")):
        tallies[f"vote.{field}"].single(doc, expected_vote.get(key), value(vote.get(field)))
    tallies["publicite.date_affichage"].single(doc, label.get("posting_date"),
                                               any_delib(record, "publicite", "date_affichage", chosen))
    online = any_delib(record, "publicite", "date_mise_en_ligne", chosen)
    if online is None:
        online = value(seance.get("proces_verbal", {}).get("date_publication"))
    tallies["publicite.date_mise_en_ligne"].single(doc, label.get("online_publication_date"), online)
    tallies["transmission.date_reception"].single(doc, label.get("prefecture_receipt_date"),
                                                  any_delib(record, "transmission", "date_reception", chosen))
    identifier = ACTES_ID.search(label.get("act_identifier") or "")
    tallies["transmission.identifiant_actes"].single(
        doc, identifier.group(0) if identifier else None,
        any_delib(record, "transmission", "identifiant_actes", chosen))
    nature = record.get("collectivite", {}).get("nature")
    tallies["collectivite.nature"].single(doc, label.get("type"),
                                          "epci" if nature and nature.startswith("communaute") else nature)
    tallies["collectivite.nom"].single(doc, body_name(label.get("collectivite")) if "not stated" not in
                                       (label.get("collectivite") or "") else None,
                                       body_name(value(record.get("collectivite", {}).get("nom"))))


FIELDS = ["seance.date", "seance.heure", "convocation.date_envoi", "seance.membres_en_exercice",
          "seance.presents", "seance.representes", "seance.votants", "seance.pouvoirs (paires)",
          "seance.absents (noms)", "seance.secretaires (noms)", "seance.president", "vote.unanimite",
          "vote.pour", "vote.contre", "vote.abstentions", "publicite.date_affichage",
          "publicite.date_mise_en_ligne", "transmission.date_reception", "transmission.identifiant_actes",
          "collectivite.nature", "collectivite.nom"]


def documents(corpus: Path):
    for text in sorted((corpus / "real").glob("*.txt")):
        label = text.with_suffix(".json")
        if label.exists():
            yield text, label
    villeneuve = corpus / "villeneuve-dascq-2023-12-19.txt"
    if villeneuve.exists():
        yield villeneuve, ROOT / "tests" / "data" / "villeneuve-dascq-2023-12-19.labels.json"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus",
                        help="dossier du corpus étiqueté (défaut : ../shared/corpus à côté du dépôt)")
    parser.add_argument("--details", action="store_true", help="afficher les écarts document par document")
    args = parser.parse_args(argv)
    if not (args.corpus / "real").is_dir():
        print(f"corpus introuvable : {args.corpus}", file=sys.stderr)
        return 2
    tallies = {field: Tally() for field in FIELDS}
    count = 0
    for text_path, label_path in documents(args.corpus):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        try:
            record = read_text(text_path.read_text(encoding="utf-8"), text_path.name)
        except InputError as error:
            print(f"{text_path.name}: {error}", file=sys.stderr)
            record = {}
        compare(tallies, text_path.name, record, label)
        count += 1
    print(f"Lecteur : précision et rappel par champ sur {count} documents ({args.corpus})\n")
    print(f"{'champ':<34} {'précision':>9} {'rappel':>7}  {'n':>4}")
    for field in FIELDS:
        print(tallies[field].row(field))
    if args.details:
        print()
        for field in FIELDS:
            for doc, expected, got in tallies[field].misses:
                print(f"{field:<34} {doc:<40} attendu={expected!r} lu={got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
