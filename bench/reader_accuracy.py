"""Field-level precision and recall of the reader on the labelled corpus.

    python bench/reader_accuracy.py [--corpus DIR] [--details]

Reads `DIR/real/*.txt` with their `*.json` labels, and `DIR/villeneuve-dascq-2023-12-19.txt`
with the labels in `tests/data/`; then the extra labelled texts of `bench/corpus/reglage/` and
`bench/corpus/validation/` (see `bench/corpus/README.md`). Dates, counts, names and proxy pairs are compared with a
tolerance for accents, case, hyphens and apostrophes only, and names whatever the order of their
words (« TORNIER Emilie » is « Emilie TORNIER ») or words glued by extraction (« RoberteHABERT »). For a single value, a wrong value counts once against precision
and once against recall; lists (proxies, absents, secretaries) are counted item by item.
`n` is the number of documents (or items) the labels give a value for.

Under each part's strict table, one more line (« TOUS, nom seul reconnu au rôle ») scores every field
again with one convention for names: a label that keeps a name as the text prints it alone (« Secrétaire :
Monsieur LEBLANC ») is the full name the reader gives from the roll (« Michel LEBLANC ») when that full
name is printed in the document and no other name printed there holds the word. The strict tables stay
the headline.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.confiance import SEUIL  # noqa: E402
from checker.errors import InputError  # noqa: E402
from checker.reader import read_text  # noqa: E402
from checker.reader.normalize import fold_name  # noqa: E402

ACTES_ID = re.compile(r"(?:\d{3}|02[AB])-\d{9}-\d{8}-[A-Za-z0-9_]{1,15}-(?:DE|AR|AI|CC|BF|AU)\b")
# Names are compared folded (no accents, case, hyphens or apostrophes): « Commune d'Annecy » is
# « commune d annecy » by then, so the elided forms are matched as « d ». « Ville d'Annecy » and
# « Commune d'Annecy », « Commune du Pouliguen » and « Ville du Pouliguen » name one body.
BODY_WORDS = re.compile(r"^(?:commune nouvelle de |commune membre de |commune de |commune d |commune des |commune du "
                        r"|ville de |ville d |ville des |ville du |communaute de communes (?:du |de la |des |de |d )?"
                        r"|communaute d agglomeration (?:du |de la |des |de |d )?)")


def value(fact):
    if isinstance(fact, dict):
        return fact.get("valeur")
    return fact


def confidence(fact):
    if isinstance(fact, dict):
        return fact.get("confiance")
    return None


# A civility title is not part of a name: the labels sometimes keep it (« Mme CAUZARD »), the reader
# never does.
CIVILITY = re.compile(r"^(?:m|mme|mmes|mlle|mr|monsieur|madame|mademoiselle)\.? +", re.IGNORECASE)


# Two words glued by the text's extraction (« RoberteHABERT », « Jean-ClaudeGAUTHIER »), kept so in
# some labels: the same person as « Roberte HABERT ».
GLUED = re.compile(r"(?<=[a-zß-öø-ÿ]{3})(?=[A-ZÀ-ÖØ-Þ])")


def person(name: str | None) -> str | None:
    """A person's name for comparison: the words of « TORNIER Emilie » and « Emilie TORNIER » are
    the same person's, whichever order the text or the label prints them in; « M’KHANTER » with a
    typographic apostrophe is « M'KHANTER »."""
    if not name:
        return None
    plain = GLUED.sub(" ", CIVILITY.sub("", re.sub(r"\(.*?\)", "", name.replace("\u2019", "'")).strip()))
    return " ".join(sorted(fold_name(plain).split())) or None


# « M. » before a surname is « Monsieur » or a first name's initial (« M. SALVAGNAC » in a list of
# « N. QUINTARD », « SALVAGNAC M. » in another layout): nothing in the name tells which.
_INITIAL_M = re.compile(r"^M\. +(?=\S)")


def as_labelled(labelled, name: str | None) -> str | None:
    """`person(name)`, or the labelled name's own form when the two are one name once a leading
    « M. » is kept as an initial: the label's « M. SALVAGNAC » and the read « SALVAGNAC M. », or the
    reverse, are the same person; « SALVAGNAC » read for « SALVAGNAC M. » stays wrong."""
    own = person(name)
    if own is None:
        return None
    kept = _initial_kept(name)
    for label in labelled:
        if label and own != person(label) and kept == _initial_kept(label):
            return person(label)
    return own


def _initial_kept(name: str) -> str | None:
    initial = _INITIAL_M.match(name.replace("\u2019", "'").strip())
    return person(name) if initial is None else " ".join(sorted(["m.", *(person(name) or "").split()]))


# The scoring convention reported next to the strict one (the lead's agreement, session 9): the labels
# keep a name as the text prints it where it stands alone (« Secrétaire : Monsieur LEBLANC », « pouvoir
# donné à Nelly »); the reader gives the member the roll names in full. Such a read is the labelled
# person when it holds the label's one word, is printed in full in the document, and no other name
# printed in the document holds that word.
_NOT_NAME_WORDS = {"m", "mme", "mmes", "mm", "mr", "mlle", "monsieur", "madame", "mademoiselle", "messieurs",
                   "mesdames", "le", "la", "les", "de", "du", "des", "et", "a", "par", "maire", "adjoint",
                   "adjointe", "president", "presidente", "secretaire", "conseiller", "conseillere",
                   "seance", "pouvoir", "procuration", "excuse", "excusee", "absent", "absente", "present",
                   "presente"}


class Roll:
    """The words of a document, for the convention above."""

    def __init__(self, text: str):
        found = list(re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text))
        self.words = [m.group(0) for m in found]
        self.folded = [fold_name(w.replace("’", "'")) for w in self.words]
        # Whether only spaces stand between a word and the next (a comma or a bracket parts two names).
        self.joined = [not text[a.end():b.start()].strip() for a, b in zip(found, found[1:])]

    def printed(self, name: str) -> bool:
        """Whether the words of `name` (compared as `person` gives them) stand together in the text."""
        words = sorted(name.split())
        size = len(words)
        flat = [w for f in self.folded for w in f.split()]
        return any(sorted(flat[i:i + size]) == words for i in range(len(flat) - size + 1))

    def other_bearer(self, word: str, name: str) -> bool:
        """Whether a capitalised word beside `word` somewhere in the text makes another person's name."""
        own = set(name.split())
        for i, folded in enumerate(self.folded):
            if word not in folded.split():
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(self.words) and self.joined[min(i, j)] and self.words[j][:1].isupper():
                    neighbour = self.folded[j]
                    if neighbour not in _NOT_NAME_WORDS and not set(neighbour.split()) <= own:
                        return True
        return False


def in_roll(expected: str | None, got: str | None, roll: "Roll | None") -> bool:
    """Whether `got` (a full name read) is the person of `expected` (a label of one word) by the
    convention above."""
    if roll is None or not expected or not got or " " in expected or expected == got:
        return False
    return expected in got.split() and roll.printed(got) and not roll.other_bearer(expected, got)


def by_roll(expected: set, got: set, roll: "Roll | None") -> set:
    """The names read, each given as the label's one word where the convention makes them one."""
    alone = [e for e in expected if e and " " not in e]
    mapped = set()
    for name in got:
        matches = [e for e in alone if in_roll(e, name, roll)] if name not in expected else []
        mapped.add(matches[0] if len(matches) == 1 else name)
    return mapped


# The labels' annotations in English after the value: « … (Nord) — bureau communautaire » names
# the organ of the body (the record has no field for it), « Pia IMBS (Présidente); Jeanne
# BARSEGHIAN presided for point 32 » or « …, except deliberation 04 presided by … » a second
# president for one item, « François LALOT and Claude ABLITZER » two secretaries.
_ANNOTATION = re.compile(r" [—–] .*$|;.*$|, except .*$")


def label_value(text: str | None) -> str | None:
    return _ANNOTATION.sub("", re.sub(r"\(.*?\)", "", text)).strip() if text else text


def body_name(name: str | None) -> str | None:
    if not name:
        return None
    core = fold_name(re.sub(r"\(.*?\)", "", label_value(name)).replace("\u2019", "'"))
    return BODY_WORDS.sub("", core).strip() or None


JUSTE, FAUX, MANQUE = "juste", "faux", "manque"


class Tally:
    """Strict scoring of one field: a fact is right, wrong or missed, never half right.

    `n` counts the documents whose labels give the fact; `lus` the documents where the reader gives
    one. A value read where the labels say the text has none is wrong, as is a list that is not
    exactly the labelled set.
    """

    def __init__(self, name: str = ""):
        self.name = name
        self.n = self.lus = self.justes = self.faux = self.manques = 0
        self.misses: list = []
        self.last_outcome = None

    def record(self, doc, expected, got, confidence=None, calibration=None, kind=None):
        if expected is None and got is None:
            return
        if expected is not None:
            self.n += 1
        if got is not None:
            self.lus += 1
        if got is not None and expected == got:
            self.justes += 1
            outcome = JUSTE
        elif got is not None:
            self.faux += 1
            outcome = FAUX
        else:
            self.manques += 1
            outcome = MANQUE
        self.last_outcome = outcome
        if outcome != JUSTE:
            self.misses.append((doc, outcome, expected, got))
        if calibration is not None and got is not None:
            calibration.append((confidence, outcome == JUSTE, self.name))
        return outcome

    def single(self, doc, expected, got, confidence=None, calibration=None):
        return self.record(doc, expected, got, confidence, calibration)

    def many(self, doc, expected: set, got: set, confidence=None, calibration=None):
        return self.record(doc, frozenset(expected) or None, frozenset(got) or None, confidence, calibration)

    def add(self, other: "Tally"):
        self.n += other.n
        self.lus += other.lus
        self.justes += other.justes
        self.faux += other.faux
        self.manques += other.manques

    def row(self, name):
        accuracy = self.justes / self.n if self.n else None
        wrong = self.faux / self.lus if self.lus else None
        show = lambda x: "    -  " if x is None else f"{100 * x:6.1f}%"
        return f"{name:<34} {show(accuracy)}  {show(wrong)}  {self.n:>4} {self.lus:>4} {self.faux:>4}"


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
    """The fact of the chosen deliberation, else of the first one that has it."""
    for d in [chosen, *record.get("deliberations", [])]:
        found = d.get(section, {}).get(key)
        if value(found) is not None:
            return found
    return None


def compare(tallies, doc, record, label, calibration=None, roll=None):
    """Score one document; with `roll` (its words), names by the convention of `in_roll`."""
    seance = record.get("seance", {})

    def single(field, expected, fact):
        got = value(fact)
        tallies[field].single(doc, expected, got, confidence(fact), calibration)

    datetime = label.get("meeting_datetime") or ""
    single("seance.date", datetime[:10] or None, seance.get("date"))
    single("seance.heure", datetime[11:16] or None, seance.get("heure"))
    single("convocation.date_envoi", label.get("convocation_date"), record.get("convocation", {}).get("date_envoi"))
    for key, field in (("members_in_office", "membres_en_exercice"), ("present", "presents"),
                       ("represented", "representes"), ("voters", "votants")):
        single(f"seance.{field}", label.get(key), seance.get(field))
    lists = record.get("lecture", {}).get("confiances", {})
    proxies = label.get("proxies") or []
    expected_pairs = {(person(a), person(b)) for a, b in proxies}
    got_pairs = {(as_labelled([a for a, _ in proxies], p["mandant"]), as_labelled([b for _, b in proxies], p["mandataire"]))
                 for p in seance.get("pouvoirs", [])}
    if roll is not None:
        givers = {a for a, _ in expected_pairs}
        holders = {b for _, b in expected_pairs}
        got_pairs = {(next(iter(by_roll(givers, {a}, roll))), next(iter(by_roll(holders, {b}, roll))))
                     for a, b in got_pairs}
    tallies["seance.pouvoirs (paires)"].many(doc, expected_pairs, got_pairs, lists.get("seance.pouvoirs"),
                                            calibration)
    labelled_absents = label.get("absent_without_proxy") or []
    expected_absents = {person(n) for n in labelled_absents}
    got_absents = {as_labelled(labelled_absents, n) for n in seance.get("absents", [])}
    tallies["seance.absents (noms)"].many(doc, expected_absents,
                                         by_roll(expected_absents, got_absents, roll) if roll else got_absents,
                                         lists.get("seance.absents"), calibration)
    secretary = label.get("secretary")
    labelled_secretaries = re.split(r" et | and ", re.sub(r"\(.*?\)", "", secretary)) if secretary else []
    expected_secretaries = {person(n) for n in labelled_secretaries}
    got_secretaries = {as_labelled(labelled_secretaries, n) for n in seance.get("secretaires", [])}
    tallies["seance.secretaires (noms)"].many(doc, expected_secretaries,
                                             by_roll(expected_secretaries, got_secretaries, roll) if roll
                                             else got_secretaries,
                                             lists.get("seance.secretaires"), calibration)
    president = seance.get("president")
    labelled_president = label_value(label.get("president"))
    expected_president = person(labelled_president)
    got_president = as_labelled([labelled_president], value(president))
    if roll is not None and in_roll(expected_president, got_president, roll):
        got_president = expected_president
    tallies["seance.president"].single(doc, expected_president, got_president, confidence(president), calibration)
    chosen = choose_deliberation(record, label)
    vote = chosen.get("vote", {})
    expected_vote = label.get("vote") or {}
    unanimous = expected_vote.get("unanimite")
    single("vote.unanimite", True if unanimous else (False if unanimous is False else None),
           vote.get("unanimite"))
    for key, field in (("pour", "pour"), ("contre", "contre"), ("abstention", "abstentions")):
        single(f"vote.{field}", expected_vote.get(key), vote.get(field))
    single("publicite.date_affichage", label.get("posting_date"),
           any_delib(record, "publicite", "date_affichage", chosen))
    online = any_delib(record, "publicite", "date_mise_en_ligne", chosen)
    if online is None or value(online) is None:
        online = seance.get("proces_verbal", {}).get("date_publication")
    single("publicite.date_mise_en_ligne", label.get("online_publication_date"), online)
    single("transmission.date_reception", label.get("prefecture_receipt_date"),
           any_delib(record, "transmission", "date_reception", chosen))
    identifier = ACTES_ID.search(label.get("act_identifier") or "")
    single("transmission.identifiant_actes", identifier.group(0) if identifier else None,
           any_delib(record, "transmission", "identifiant_actes", chosen))
    nature = record.get("collectivite", {}).get("nature")
    nature = nature and ("epci" if nature.startswith("communaute") or nature in ("metropole", "epci_a_fiscalite_propre")
                         else "syndicat" if nature.startswith("syndicat") else None if nature == "autre" else nature)
    tallies["collectivite.nature"].single(doc, label.get("type"), nature, None, calibration)
    name = record.get("collectivite", {}).get("nom")
    tallies["collectivite.nom"].single(
        doc, body_name(label.get("collectivite")) if "not stated" not in (label.get("collectivite") or "") else None,
        body_name(value(name)), confidence(name), calibration)


RAW_LISTS = ("seance.pouvoirs", "seance.absents")

# The dates a document may print, by the label that holds them.
DATE_LABELS = (("seance.date", "meeting_datetime"), ("convocation.date_envoi", "convocation_date"),
               ("publicite.date_affichage", "posting_date"), ("publicite.date_mise_en_ligne", "online_publication_date"),
               ("transmission.date_reception", "prefecture_receipt_date"))
MISSED_DATE_KINDS = ("écartée", "ailleurs", "nulle part")


def _dates_in(node, path=""):
    """Every (path, ISO date) of a record, a fact's value as well as a plain string."""
    if isinstance(node, dict):
        if "valeur" in node and isinstance(node["valeur"], str):
            yield path, node["valeur"][:10]
        for key, item in node.items():
            if key not in ("valeur", "source"):
                yield from _dates_in(item, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for item in node:
            yield from _dates_in(item, path)
    elif isinstance(node, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", node):
        yield path, node


def missed_dates(counter, record, label, tallies):
    """Where a labelled date the reader did not give went: set aside by a cross-check (`lecture.rejetees`),
    read under another field, or nowhere. Aggregate only, validation included: it says whether a miss is a
    phrasing not seen or a reading placed or rejected wrongly."""
    rejected = {str(r.get("valeur"))[:10] for r in record.get("lecture", {}).get("rejetees", [])}
    elsewhere = list(_dates_in({k: v for k, v in record.items() if k != "lecture"}))
    for field, key in DATE_LABELS:
        wanted = (label.get(key) or "")[:10] or None
        if wanted is None or tallies[field].last_outcome != MANQUE:
            continue
        if wanted in rejected:
            kind = "écartée"
        elif any(value == wanted for _, value in elsewhere):
            kind = "ailleurs"
        else:
            kind = "nulle part"
        counter[(field, kind)] = counter.get((field, kind), 0) + 1


SET_ASIDE_KINDS = ("acte étiqueté, justes", "acte étiqueté, faux", "autre acte")
_SET_ASIDE_VOTE = re.compile(r"deliberations\[(\d+)\]\.vote")


def votes_set_aside(counter: dict, record: dict, label: dict) -> None:
    """What the vote counts the reader set aside (`lecture.rejetees`) would have scored: those of the act
    the labels describe, right (every side the labels give) or wrong, and those of other acts."""
    delibs = record.get("deliberations", [])
    chosen = choose_deliberation(record, label)
    expected = label.get("vote") or {}
    for entry in (record.get("lecture") or {}).get("rejetees", []):
        found = _SET_ASIDE_VOTE.fullmatch(str(entry.get("champ", "")))
        if found is None or not isinstance(entry.get("valeur"), dict):
            continue
        index = int(found.group(1))
        delib = delibs[index] if index < len(delibs) else None
        if delib is not chosen and not (delib is not None and not chosen.get("vote", {}).get("pour")
                                        and not any(d.get("vote") for d in delibs[:index])):
            kind = SET_ASIDE_KINDS[2]
        else:
            got = entry["valeur"]
            right = all(expected.get(key) == got.get(field) for key, field in
                        (("pour", "pour"), ("contre", "contre"), ("abstention", "abstentions")) if field in got)
            kind = SET_ASIDE_KINDS[0 if right else 1]
        counter[kind] = counter.get(kind, 0) + 1


def raw_lists(tallies, doc, record, label):
    """The lists of names as read, before the cross-checks set any aside: how good the reading of
    names is, apart from what the checks let through."""
    seance = record.get("seance", {})
    rejected = {r["champ"]: r.get("valeur") for r in record.get("lecture", {}).get("rejetees", [])}

    def read(key):
        return seance.get(key) or rejected.get(f"seance.{key}") or []

    tallies["seance.pouvoirs"].many(doc, {(person(a), person(b)) for a, b in label.get("proxies") or []},
                                    {(person(p["mandant"]), person(p["mandataire"])) for p in read("pouvoirs")})
    tallies["seance.absents"].many(doc, {person(n) for n in label.get("absent_without_proxy") or []},
                                   {person(n) for n in read("absents")})


FIELDS = ["seance.date", "seance.heure", "convocation.date_envoi", "seance.membres_en_exercice",
          "seance.presents", "seance.representes", "seance.votants", "seance.pouvoirs (paires)",
          "seance.absents (noms)", "seance.secretaires (noms)", "seance.president", "vote.unanimite",
          "vote.pour", "vote.contre", "vote.abstentions", "publicite.date_affichage",
          "publicite.date_mise_en_ligne", "transmission.date_reception", "transmission.identifiant_actes",
          "collectivite.nature", "collectivite.nom"]


# Session 4 split: the 22 texts 004–025 came from one source and could not teach the reader the
# phrasings of intercommunal bodies and syndicates, so the even texts of 056–088 joined the tuning
# part; the odd texts 057–089 (communes, EPCI and three syndicates) stay the validation part, never
# tuned on, and their figure is the one that counts.
VALIDATION_FIRST = 56


def is_validation(stem: str) -> bool:
    return stem.isdigit() and int(stem) >= VALIDATION_FIRST and int(stem) % 2 == 1


def documents(corpus: Path, extra: Path | None = None):
    """(text, labels, part) for every labelled text; the reference document is in the tuning part.

    The extra texts of `bench/corpus/` keep their own parts (« reglage+ », « validation+ »): their split
    is fixed by `scripts/corpus_extra.py`, and their validation texts fall under the same rule as the
    odd texts of the shared corpus."""
    for text in sorted((corpus / "real").glob("*.txt")):
        label = text.with_suffix(".json")
        if label.exists():
            part = "validation" if is_validation(text.stem) else "reglage"
            yield text, label, part
    villeneuve = corpus / "villeneuve-dascq-2023-12-19.txt"
    if villeneuve.exists():
        yield villeneuve, ROOT / "tests" / "data" / "villeneuve-dascq-2023-12-19.labels.json", "reglage"
    if extra is not None:
        rebuild_extra_texts(corpus, extra)
    for folder, part in (("reglage", "reglage+"), ("validation", "validation+")):
        for label in sorted((extra / folder).glob("[0-9][0-9][0-9].json")) if extra is not None else []:
            text = label.with_suffix(".txt")
            if text.exists():
                yield text, label, part
    # Synthetic minutes of syndicates, EPCI and communes in layouts learnt from public minutes
    # (bench/corpus/gabarits/README.md): reported apart, never in the validation figure; « tenus » is their own held-out part.
    for folder, part in (("reglage", "gabarits"), ("tenus", "gabarits-tenus")):
        for label in sorted((extra / "gabarits" / folder).glob("g[0-9][0-9].json")) if extra is not None else []:
            yield label.with_suffix(".txt"), label, part


def rebuild_extra_texts(corpus: Path, extra: Path) -> None:
    """The texts of bench/corpus are not committed (they belong to their public source): rebuild the
    missing ones with scripts/corpus_extra.py, and say so when that cannot be done."""
    missing = [label for label in extra.glob("*/[0-9][0-9][0-9].json") if not label.with_suffix(".txt").exists()]
    if not missing:
        return
    import importlib.util
    spec = importlib.util.spec_from_file_location("corpus_extra", ROOT / "scripts" / "corpus_extra.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    source = script.source_dir()
    if script._git_dir(source).is_dir():
        script.build(source, corpus, extra, report=lambda line: print(line, file=sys.stderr))
    still = [label for label in missing if not label.with_suffix(".txt").exists()]
    if still:
        print(f"bench/corpus : {len(still)} textes absents, non notés (python scripts/corpus_extra.py "
              f"--source <copie de {script.REPOSITORY}>)", file=sys.stderr)


PARTS = ["reglage", "validation", "reglage+", "validation+", "gabarits", "gabarits-tenus"]
TUNING_PARTS = ("reglage", "reglage+")
# The synthetic part may be read and tuned on like the tuning parts, but is no real text: bench/variantes.py leaves it.
DETAIL_PARTS = (*TUNING_PARTS, "gabarits")
VALIDATION_PARTS = ("validation", "validation+")
TITLES = {"reglage": "RÉGLAGE (004–025, les pairs de 056–088 et le document de référence)",
          "validation": "VALIDATION (les impairs de 057–089, jamais utilisés pour régler)",
          "reglage+": "RÉGLAGE+ (bench/corpus/reglage)",
          "validation+": "VALIDATION+ (bench/corpus/validation, jamais utilisés pour régler)",
          "gabarits": "GABARITS (bench/corpus/gabarits/reglage : syndicats, EPCI et communes synthétiques)",
          "gabarits-tenus": "GABARITS TENUS À L'ÉCART (bench/corpus/gabarits/tenus, jamais utilisés pour régler)"}


def _plain_person(name):
    return re.sub(r"\s*\(.*?\)", "", name).strip() if name else name


def corrected_record(record: dict, label: dict) -> dict:
    """The record read, with every labelled fact replaced by what the labels say (removed when the
    labels say the text does not give it): the checker's verdicts on it are the ones a careful
    reader would reach, given what the reader also found that the labels do not cover."""
    fixed = json.loads(json.dumps(record))
    seance = fixed.setdefault("seance", {})
    fixed.pop("lectures_rejetees", None)
    datetime = label.get("meeting_datetime") or ""

    def put(node, key, wanted):
        if wanted is None:
            if not (isinstance(node.get(key), dict) and node[key].get("affirme")):
                node.pop(key, None)
        else:
            node[key] = wanted

    if datetime:
        seance["date"] = datetime[:10]
    put(seance, "heure", datetime[11:16] or None)
    put(fixed.setdefault("convocation", {}), "date_envoi", label.get("convocation_date"))
    for key, field in (("members_in_office", "membres_en_exercice"), ("present", "presents"),
                       ("represented", "representes"), ("voters", "votants")):
        put(seance, field, label.get(key))
    seance.pop("membres", None)
    seance.pop("presence_par_difference", None)
    put(seance, "pouvoirs", [{"mandant": a, "mandataire": b} for a, b in label.get("proxies") or []] or None)
    put(seance, "absents", list(label.get("absent_without_proxy") or []) or None)
    secretary = label.get("secretary")
    put(seance, "secretaires", [_plain_person(n) for n in re.split(r" et | and ", secretary)] if secretary else None)
    put(seance, "president", _plain_person(label_value(label.get("president"))))
    kind = label.get("type")
    collectivite = fixed.setdefault("collectivite", {})
    nature = collectivite.get("nature") or "commune"
    if kind == "commune":
        collectivite["nature"] = "commune"
    elif kind == "epci" and not (nature.startswith("communaute") or nature in ("metropole", "epci_a_fiscalite_propre")):
        collectivite["nature"] = "communaute_de_communes"
    elif kind == "syndicat" and not nature.startswith("syndicat"):
        collectivite["nature"] = "syndicat_de_communes"
    chosen = choose_deliberation(fixed, label)
    expected_vote = label.get("vote") or {}
    for delib in fixed.get("deliberations", []):
        vote = delib.setdefault("vote", {})
        for key in ("pour", "contre", "abstentions", "unanimite"):
            vote.pop(key, None)
        if delib is chosen:
            for key, field in (("pour", "pour"), ("contre", "contre"), ("abstention", "abstentions"),
                               ("unanimite", "unanimite")):
                if expected_vote.get(key) is not None:
                    vote[field] = expected_vote[key]
        for section, key, wanted in (("publicite", "date_affichage", label.get("posting_date")),
                                     ("publicite", "date_mise_en_ligne", label.get("online_publication_date")),
                                     ("transmission", "date_reception", label.get("prefecture_receipt_date"))):
            put(delib.setdefault(section, {}), key, wanted)
    return fixed


def verdicts(engine, record: dict, name: str) -> dict | None:
    """The decided findings (conforme and non conforme) of the checker on a record, by rule and path."""
    from checker.findings import CONFORME, NON_CONFORME
    from checker.record import build_record
    try:
        built = build_record(record, name)
    except InputError:
        return None
    return {(f.regle, f.chemin): f.statut for f in engine.check(built) if f.statut in (CONFORME, NON_CONFORME)}


def _with_status(found: dict | None, status: str) -> set:
    return {key for key, value in (found or {}).items() if value == status}


class Agreement:
    """The checker's decided verdicts on the records read against those on the labelled records, rule by
    rule: how many « conforme » and « non conforme » it derives from what the reader took, and how many of
    them the labelled facts do not give (a « conforme » where a careful reader's facts give « non
    conforme » or leave the rule undecided; a « non conforme » they do not give)."""

    COLUMNS = ("c_lus", "c_faux", "c_faux_nc", "nc_lus", "nc_faux", "nc_manques")

    def __init__(self):
        self.counts: dict = {}

    def add(self, group: str, got: dict | None, truth: dict | None):
        from checker.findings import CONFORME, NON_CONFORME
        got_c, got_nc = _with_status(got, CONFORME), _with_status(got, NON_CONFORME)
        truth_c, truth_nc = _with_status(truth, CONFORME), _with_status(truth, NON_CONFORME)
        for name, found in (("c_lus", got_c), ("c_faux", got_c - truth_c), ("c_faux_nc", got_c & truth_nc),
                            ("nc_lus", got_nc), ("nc_faux", got_nc - truth_nc), ("nc_manques", truth_nc - got_nc)):
            for rule, _ in found:
                cell = self.counts.setdefault((group, rule), dict.fromkeys(self.COLUMNS, 0))
                cell[name] += 1

    def table(self, groups: list) -> list:
        head = "".join(f" | {g[:29]:^29}" for g in groups)
        lines = ["Accord des verdicts (fiche lue contre fiche étiquetée), par règle où ils diffèrent : C = « conforme » "
                 "sur la fiche lue, fauxC = dont pas « conforme » sur l'étiquetée (indéterminé, souvent faute du rôle "
                 "des membres que les étiquettes ne donnent pas, ou non conforme), dNC = dont « non conforme » "
                 "étiqueté (une irrégularité cachée) ; NC = « non conforme » sur la fiche lue, fauxNC = dont pas sur "
                 "l'étiquetée ; manq = « non conforme » de la fiche étiquetée que la fiche lue ne donne pas",
                 f"{'règle':<44}{head}",
                 f"{'':<44}" + "".join(f" | {'C':>4} {'fauxC':>5} {'dNC':>3} {'NC':>3} {'fauxNC':>6} {'manq':>4}"
                                       for _ in groups)]
        rules = sorted({rule for _, rule in self.counts})
        totals = {g: dict.fromkeys(self.COLUMNS, 0) for g in groups}
        for rule in rules:
            cells = []
            for g in groups:
                cell = self.counts.get((g, rule), dict.fromkeys(self.COLUMNS, 0))
                for key in self.COLUMNS:
                    totals[g][key] += cell[key]
                cells.append(cell)
            if any(cell["c_faux"] or cell["nc_faux"] or cell["nc_manques"] for cell in cells):
                lines.append(f"{rule[:44]:<44}" + "".join(self._cells(cell) for cell in cells))
        lines.append(f"{'TOUTES LES RÈGLES (' + str(len(rules)) + ')':<44}"
                     + "".join(self._cells(totals[g]) for g in groups))
        return lines

    @staticmethod
    def _cells(cell):
        return (f" | {cell['c_lus']:>4} {cell['c_faux']:>5} {cell['c_faux_nc']:>3} {cell['nc_lus']:>3} "
                f"{cell['nc_faux']:>6} {cell['nc_manques']:>4}")


BUCKETS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
KINDS = ["commune", "epci", "syndicat"]


ROLL_LINE = "TOUS, nom seul reconnu au rôle"


def table(title: str, tallies: dict) -> list:
    lines = [title, f"{'champ':<34} {'justes':>7}  {'faux/lus':>7}  {'n':>4} {'lus':>4} {'faux':>4}"]
    total = Tally()
    for field in FIELDS:
        lines.append(tallies[field].row(field))
        total.add(tallies[field])
    lines.append(total.row("TOUS LES CHAMPS"))
    return lines


def total_of(tallies: dict) -> Tally:
    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    return total


# The tuning groups whose calibration `--calibration-reglage` prints: the real tuning texts, and the
# synthetic layouts (both of their parts were diagnosed text by text, so both are in-sample now).
TUNING_CALIBRATION = (("réglage : 004–025, pairs de 056–088, bench/corpus/reglage", TUNING_PARTS),
                      ("gabarits : réglage et tenus", ("gabarits", "gabarits-tenus")))


def calibration_by_field(calibration: list, unrated: bool = False) -> list:
    """Per field, right/read at each confidence band and the wrong reads at or above the gate; with
    `unrated`, also the wrong reads that carry no confidence (the gate trusts them as given)."""
    lines = []
    for field in FIELDS:
        cells = []
        for low, high in BUCKETS + [(None, None)]:
            inside = [ok for c, ok, f in calibration if f == field and (
                c is None if low is None else c is not None and low <= c < high)]
            if inside:
                wrong = len(inside) - sum(inside)
                cells.append(f"{'sans' if low is None else low}: {sum(inside)}/{len(inside)}"
                             + (f" ({wrong} faux)" if wrong else ""))
        above = sum(1 for c, ok, f in calibration if f == field and not ok and c is not None and c >= SEUIL)
        bare = sum(1 for c, ok, f in calibration if f == field and not ok and c is None) if unrated else 0
        if cells:
            lines.append(f"  {field:<34} " + "  ".join(cells) + (f"  — faux ≥ seuil : {above}" if above else "")
                         + (f"  — faux sans confiance : {bare}" if bare else ""))
    return lines


def _wrong_at_gate(calibration: list) -> str:
    """How many reads at or above the gate were wrong, and how many without a confidence."""
    above = sum(1 for c, ok, _ in calibration if not ok and c is not None and c >= SEUIL)
    bare = sum(1 for c, ok, _ in calibration if not ok and c is None)
    return f"{above} ({bare})"


def _default_corpus() -> Path:
    for parent in (ROOT.parent, ROOT.parent.parent):
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    return ROOT.parent / "shared" / "corpus"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=_default_corpus(),
                        help="dossier du corpus étiqueté (défaut : ../shared/corpus à côté du dépôt, ou à côté "
                             "du dossier qui le contient pour un arbre de travail git)")
    parser.add_argument("--details", action="store_true",
                        help="afficher les écarts document par document de la partie de réglage (jamais ceux "
                             "de la validation)")
    parser.add_argument("--constats", action="store_true",
                        help="compter aussi les « non conforme » qui tombent une fois les faits étiquetés rétablis")
    parser.add_argument("--listes-brutes", action="store_true",
                        help="noter aussi les listes de noms telles que lues, avant les recoupements (agrégé)")
    parser.add_argument("--calibration-champs", action="store_true",
                        help="calibration de la validation champ par champ (agrégée, sans détail par texte)")
    parser.add_argument("--calibration-reglage", action="store_true",
                        help="calibration champ par champ des parties de réglage et des gabarits (jamais la "
                             "validation) : ce sur quoi les confiances par champ se règlent")
    parser.add_argument("--dates-manquees", action="store_true",
                        help="où sont passées les dates étiquetées non lues : écartées par un recoupement, lues sous "
                             "un autre champ, ou nulle part (agrégé, validation comprise)")
    parser.add_argument("--votes-ecartes", action="store_true",
                        help="les décomptes de vote que les recoupements écartent : combien l'étiquette aurait "
                             "donnés justes ou faux (agrégé, validation comprise)")
    parser.add_argument("--comptes-manques", action="store_true",
                        help="pourquoi les nombres étiquetés (présents, représentés, votants, en exercice) sont non lus "
                             "ou lus faux, en classes fixes tirées de la trace du lecteur (agrégé, validation comprise)")
    parser.add_argument("--dates-causes", action="store_true",
                        help="pourquoi une date étiquetée n'est lue sous aucun champ, et un nom de collectivité faux ou "
                             "non lu : comptes par classe de cause fixée d'avance (agrégé, validation comprise)")
    parser.add_argument("--listes-manquees", action="store_true",
                        help="pourquoi les pouvoirs, absents, secrétaires et présidents étiquetés ne sont pas lus ou "
                             "sont lus faux : classes fixes tirées de la trace du lecteur (agrégé, validation comprise)")
    parser.add_argument("--votes-faux", action="store_true",
                        help="pour chaque fait de vote (pour, contre, abstentions, unanimité) lu faux ou non lu, sa "
                             "cause en classes fixes tirées de la trace du lecteur (agrégé par partie, validation "
                             "comprise ; avec --details, texte par texte pour les seules parties de réglage)")
    parser.add_argument("--extra", type=Path, default=ROOT / "bench" / "corpus",
                        help="textes étiquetés supplémentaires (reglage/ et validation/) ; défaut : bench/corpus")
    args = parser.parse_args(argv)
    if not (args.corpus / "real").is_dir():
        print(f"corpus introuvable : {args.corpus}", file=sys.stderr)
        return 2
    parts = {part: {field: Tally(field) for field in FIELDS} for part in PARTS}
    by_roll_parts = {part: {field: Tally(field) for field in FIELDS} for part in PARTS}
    by_kind = {(part, kind): {field: Tally(field) for field in FIELDS} for part in parts for kind in KINDS}
    calibration: list = []
    tuning_calibration: dict = {part: [] for part in PARTS if part not in VALIDATION_PARTS}
    raw = {part: {field: Tally(field) for field in RAW_LISTS} for part in parts}
    missed: dict = {part: {} for part in PARTS}
    set_aside_votes: dict = {}
    count_missed: dict = {}
    counts = {part: 0 for part in PARTS}
    refused = {part: 0 for part in PARTS}
    engine = None
    if args.constats:
        from checker.engine_cache import engine_for
        from checker.findings import CONFORME, NON_CONFORME
        engine = engine_for()
    false_nc = {part: [] for part in PARTS}
    read_nc = {part: 0 for part in PARTS}
    # The checker's verdicts on the read record against those on the labelled one. A « conforme »
    # where the labelled facts give « non conforme » hides an irregularity from the prefecture; a
    # « conforme » where they give « indetermine » is not counted, since the labelled record lacks what
    # the reader also found that the labels do not cover (the roll of members, other deliberations).
    false_c = {part: [] for part in PARTS}
    truth_nc_count = {part: 0 for part in PARTS}
    found_nc = {part: 0 for part in PARTS}
    agreement = Agreement()
    vote_faults: dict = {}
    zones_seen = _ZonesSeen() if args.votes_faux else None
    date_found: dict = {}
    name_found: dict = {}
    lists_missed: dict = {part: {} for part in PARTS}
    for text_path, label_path, part in documents(args.corpus, args.extra):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        try:
            with zones_seen or _nothing():
                record = read_text(text_path.read_text(encoding="utf-8"), text_path.name)
        except InputError as error:
            # A validation text's refusal is counted, never shown: its message quotes the text.
            if part in VALIDATION_PARTS:
                refused[part] += 1
            else:
                print(f"{text_path.name}: {error}", file=sys.stderr)
            record = {}
        compare(parts[part], text_path.name, record, label,
                calibration if part in VALIDATION_PARTS else tuning_calibration[part])
        if args.dates_manquees:
            by_date = {field: Tally(field) for field in FIELDS}
            compare(by_date, text_path.name, record, label)
            missed_dates(missed[part], record, label, by_date)
        raw_lists(raw[part], text_path.name, record, label)
        if args.votes_ecartes:
            votes_set_aside(set_aside_votes.setdefault(part, {}), record, label)
        if args.comptes_manques:
            count_causes(count_missed.setdefault(part, {}), record, label)
        if args.dates_causes:
            date_causes_of(date_found, name_found, part, text_path.read_text(encoding="utf-8"), record, label)
        if args.listes_manquees:
            missed_names(lists_missed[part], text_path.read_text(encoding="utf-8"), record, label)
        if zones_seen is not None:
            faults = vote_faults_of(vote_faults.setdefault(part, {}), record, label, zones_seen.last if record else None)
            if args.details and part in DETAIL_PARTS:
                # Text by text, the tuning parts only (never a validation text).
                vote_faults.setdefault("détails", []).extend((text_path.name, *fault) for fault in faults)
        compare(by_roll_parts[part], text_path.name, record, label,
                roll=Roll(text_path.read_text(encoding="utf-8")))
        kind = label.get("type")
        if kind in KINDS:
            compare(by_kind[(part, kind)], text_path.name, record, label)
        counts[part] += 1
        if engine is not None and record:
            got = verdicts(engine, record, text_path.name)
            truth = verdicts(engine, corrected_record(record, label), text_path.name)
            got_nc, truth_nc = _with_status(got, NON_CONFORME), _with_status(truth, NON_CONFORME)
            got_c = _with_status(got, CONFORME)
            read_nc[part] += len(got_nc)
            for finding in sorted(got_nc - truth_nc):
                false_nc[part].append((text_path.name, *finding))
            for finding in sorted(got_c & truth_nc):
                false_c[part].append((text_path.name, *finding))
            truth_nc_count[part] += len(truth_nc)
            found_nc[part] += len(truth_nc & got_nc)
            agreement.add(part, got, truth)
    lines = [f"Lecteur : notation stricte sur {args.corpus} (juste = valeur exacte ; une liste n'est juste "
             "que si tout l'ensemble l'est ; une valeur lue fausse compte comme fausse)", ""]
    for part in PARTS:
        lines += table(f"== {TITLES[part]} : {counts[part]} documents"
                       + (f" ({refused[part]} refusés par le lecteur)" if refused[part] else ""), parts[part])
        for kind in KINDS:
            total = total_of(by_kind[(part, kind)])
            lines.append(total.row(f"  dont {kind}"))
        lines.append(total_of(by_roll_parts[part]).row(ROLL_LINE))
        if args.listes_brutes:
            for field in RAW_LISTS:
                lines.append(raw[part][field].row(f"  {field} avant recoupements"))
        lines.append("")
    combined = {field: Tally(field) for field in FIELDS}
    for part in VALIDATION_PARTS:
        for field in FIELDS:
            combined[field].add(parts[part][field])
    lines += table("== VALIDATION COMBINÉE (impairs de 057–089 + bench/corpus/validation) : "
                   f"{sum(counts[part] for part in VALIDATION_PARTS)} documents", combined)
    for kind in KINDS:
        total = Tally()
        for part in VALIDATION_PARTS:
            total.add(total_of(by_kind[(part, kind)]))
        lines.append(total.row(f"  dont {kind}"))
    rolled = Tally()
    for part in VALIDATION_PARTS:
        rolled.add(total_of(by_roll_parts[part]))
    lines.append(rolled.row(ROLL_LINE))
    lines.append("")
    lines.append("Calibration sur la validation (impairs de 057–089 et bench/corpus/validation) : "
                 "part des faits lus justes par niveau de confiance")
    lines.append(f"{'confiance':<14} {'lus':>5} {'justes':>7}")
    for low, high in BUCKETS:
        inside = [ok for c, ok, _ in calibration if c is not None and low <= c < high]
        if inside:
            lines.append(f"[{low:.1f}, {min(high, 1.0):.1f}{']' if high > 1 else ')'}    {len(inside):>5} "
                         f"{100 * sum(inside) / len(inside):6.1f}%")
    unrated = [ok for c, ok, _ in calibration if c is None]
    if unrated:
        lines.append(f"{'sans (listes…)':<14} {len(unrated):>5} {100 * sum(unrated) / len(unrated):6.1f}%")
    if args.calibration_champs:
        lines.append("")
        lines.append("Calibration par champ (validation) : justes/lus par niveau de confiance, et où sont les faux "
                     f"(« faux ≥ seuil » : lus faux à la confiance qui peut fonder un « non conforme », {SEUIL})")
        lines += calibration_by_field(calibration)
    if args.calibration_reglage:
        for title, group in TUNING_CALIBRATION:
            lines.append("")
            lines.append(f"Calibration par champ ({title}) : justes/lus par niveau de confiance ; « faux ≥ seuil » : "
                         f"lus faux à {SEUIL} ou plus ; « faux sans confiance » : lus faux sans confiance, que le "
                         "contrôle prend tels quels")
            lines += calibration_by_field([fact for part in group for fact in tuning_calibration[part]],
                                          unrated=True)
        lines.append("")
        lines.append(f"Lus faux à {SEUIL} ou plus (sans confiance entre parenthèses), par partie : " + " ; ".join(
            f"{part} {_wrong_at_gate(facts)}" for part, facts in
            [*tuning_calibration.items(), ("validation combinée", calibration)]))
    if args.dates_manquees:
        lines.append("")
        lines.append("Dates étiquetées non lues : " + " / ".join(MISSED_DATE_KINDS))
        for part in PARTS:
            cells = []
            for field, _ in DATE_LABELS:
                found = [missed[part].get((field, kind), 0) for kind in MISSED_DATE_KINDS]
                if any(found):
                    cells.append(f"{field} {'/'.join(map(str, found))}")
            lines.append(f"  {part:<12} " + ("  ".join(cells) or "aucune"))
    if args.votes_ecartes:
        lines.append("")
        lines.append("Décomptes de vote écartés par les recoupements (par acte) : " + " / ".join(SET_ASIDE_KINDS))
        for part in PARTS:
            found = set_aside_votes.get(part, {})
            lines.append(f"  {part:<14} " + " / ".join(str(found.get(kind, 0)) for kind in SET_ASIDE_KINDS))
    if args.comptes_manques:
        lines += count_causes_table(count_missed)
    if args.votes_faux:
        lines += vote_faults_table(vote_faults)
    if engine is not None:
        lines.append("")
        for part in PARTS:
            lines.append(f"« non conforme » sur les fiches lues ({part}) : {read_nc[part]} ; "
                         f"qui tombent avec les faits étiquetés : {len(false_nc[part])}")
            for doc, rule, path in false_nc[part] if part in TUNING_PARTS else []:
                lines.append(f"    {doc} {rule} {path}")
            lines.append(f"« non conforme » sur les fiches étiquetées ({part}) : {truth_nc_count[part]} ; "
                         f"retrouvés sur les fiches lues : {found_nc[part]} ; "
                         f"donnés « conforme » à tort : {len(false_c[part])}")
            for doc, rule, path in false_c[part] if part in TUNING_PARTS else []:
                lines.append(f"    {doc} {rule} {path}")
        lines.append("")
        lines += agreement.table(PARTS)
    if args.listes_manquees:
        lines += missed_names_table(lists_missed)
    if args.details:
        for doc, field, classes in vote_faults.get("détails", []):
            lines.append(f"vote.{field:<29} {doc:<40} " + " ; ".join(f"{d} : {k}" for d, k in classes.items()))
        lines.append("")
        for part in DETAIL_PARTS:
            for field in FIELDS:
                for doc, outcome, expected, got in parts[part][field].misses:
                    lines.append(f"{field:<34} {doc:<40} {outcome:<6} attendu={expected!r} lu={got!r}")
            for field in RAW_LISTS if args.listes_brutes else ():
                for doc, outcome, expected, got in raw[part][field].misses:
                    lines.append(f"{field + ' (brute)':<34} {doc:<40} {outcome:<6} attendu={expected!r} lu={got!r}")
    if args.dates_causes:
        lines += ["", *dates_causes_table(date_found, name_found)]
    print("\n".join(lines))
    return 0


# `--comptes-manques`: the classes are fixed (session 19) before any look at the validation figures;
# a count set aside is classed by the check that set it aside, in this order (the first that matches).
_COUNT_LABELS = (("presents", "present"), ("representes", "represented"), ("votants", "voters"),
                 ("membres_en_exercice", "members_in_office"))
_ASIDE_KINDS = (
    ("premier vote > présents + représentés", r"voix au premier vote"),
    ("un vote dépasse la liste", r"voix à un vote, plus que"),
    ("votants > présents + représentés", r"votants \(\d+\) plus nombreux que présents"),
    ("votants < présents + représentés", r"moins nombreux que présents"),
    ("dépasse les membres en exercice", r"plus nombreux que les membres en exercice|plus que les membres en exercice"),
    ("sièges : p + r + absents ≠ en exercice", r"mais \d+ membres en exercice"),
    ("nombre sans étiquette sûre", r"sans étiquette sûre"),
    ("liste de pouvoirs écartée", r"liste de pouvoirs écartée|pouvoirs? lus? nommément"),
    ("calculé d'un nombre écarté", r"calculé à partir d'un nombre écarté"),
    ("quorum dit atteint, contredit", r"quorum atteint"),
    ("présents = 0", r"aucun membre présent"),
    ("liste des présents non confirmée", r"tient un pouvoir|qu'aucun total imprimé"),
    ("arrivée ou départ", r"arrivée ou un départ"),
    ("autre réunion", r"autre réunion"),
)
_BOUNDS_KINDS = (("aucun total ne confirme la liste", r"qu'aucun total imprimé"),
                 ("détenteur de pouvoir hors liste", r"tient un pouvoir"),
                 ("un vote dépasse la liste", r"voix à un vote"))


def _gap(got, wanted) -> str:
    if got == wanted:
        return "juste"
    if not isinstance(got, int) or isinstance(got, bool):
        return "non nombre"
    return f"écart {abs(got - wanted)}" if abs(got - wanted) <= 2 else "écart > 2"


def _count_cause(field: str, wanted: int, record: dict) -> tuple:
    """(class, sub-class) of one labelled count unread or read wrong, from the record's trace only."""
    seance = record.get("seance") or {}
    fact = seance.get(field)
    got = value(fact)
    if got is not None:
        source = str(fact.get("source", "")) if isinstance(fact, dict) else ""
        kind = ("calculé" if source.startswith("calculé") else "compté (deux lectures)"
                if source.startswith("compté sur la liste (deux") else "compté sur la liste"
                if source.startswith("compté") else "imprimé")
        sure = "≥ 0.9" if (confidence(fact) or 1.0) >= 0.9 else "< 0.9"
        return f"faux : {kind}", f"{_gap(got, wanted)}, confiance {sure}"
    rejected = (record.get("lecture") or {}).get("rejetees") or []
    for entry in rejected:
        reason = str(entry.get("raison", ""))
        if entry.get("champ") != f"seance.{field}" or "nombre gardé" in reason or "bornes gardées" in reason:
            continue
        kind = next((name for name, pattern in _ASIDE_KINDS if re.search(pattern, reason)), "autre raison")
        return f"écarté : {kind}", f"valeur écartée {_gap(entry.get('valeur'), wanted)}"
    if isinstance(fact, dict) and "min" in fact:
        source = str(fact.get("source", ""))
        kind = next((name for name, pattern in _BOUNDS_KINDS if re.search(pattern, source)), "autre")
        inside = "étiquette dans les bornes" if fact["min"] <= wanted <= fact["max"] else "étiquette hors des bornes"
        return f"bornes seulement : {kind}", inside
    present = seance.get("presents")
    if field in ("representes", "votants") and value(present) is None:
        return "présents non lu : ne peut suivre", "présents en bornes" if isinstance(present, dict) else "présents absent"
    members = seance.get("membres") or []
    names = {"présents nommés": sum(1 for m in members if m.get("presence") == "present"),
             "paires": len(seance.get("pouvoirs") or []), "absents nommés": len(seance.get("absents") or []),
             "rôle entier": len(members)}
    anything = any(seance.get(k) is not None for k, _ in _COUNT_LABELS) or any(
        str(e.get("champ", "")) in {f"seance.{k}" for k, _ in _COUNT_LABELS} for e in rejected)
    if not anything and not members and not names["paires"] and not names["absents nommés"]:
        return "aucune présence lue", "-"
    seen = set()
    for key, item in seance.items():
        if isinstance(item, dict) and isinstance(item.get("source"), str):
            seen |= {int(n) for n in re.findall(r"\d+", item["source"])}
    for entry in rejected:
        if str(entry.get("champ", "")).startswith("seance."):
            seen |= {int(n) for n in re.findall(r"\d+", str(entry.get("source", "")))}
            if isinstance(entry.get("valeur"), int):
                seen.add(entry["valeur"])
    if wanted in seen:
        return "jamais lu : valeur dans les passages lus", "-"
    equal = [name for name, n in names.items() if n == wanted]
    if equal:
        return "jamais lu : valeur = un nombre de noms lus", equal[0]
    if wanted is not None:
        return "jamais lu : valeur nulle part dans ce qui est lu", "-"
    return "autre", "-"


def count_causes(counter: dict, record: dict, label: dict) -> None:
    """Why each labelled count is unread or wrong, by (field, class, sub-class): counts only."""
    seance = record.get("seance") or {}
    for field, key in _COUNT_LABELS:
        wanted = label.get(key)
        if wanted is None or value(seance.get(field)) == wanted:
            continue
        cause = (field, *_count_cause(field, wanted, record))
        counter[cause] = counter.get(cause, 0) + 1


def count_causes_table(found: dict) -> list:
    """The table of `count_causes`, one line per (field, class, sub-class) and one column per part."""
    shown = [part for part in PARTS if part in found]
    lines = ["", "Nombres étiquetés non lus ou lus faux, par cause (classes fixes ; par partie, puis validation combinée)",
             f"{'champ':<20} {'classe':<54} {'détail':<36} " + " ".join(f"{part[:10]:>10}" for part in shown)
             + f" {'valid. comb.':>12}"]
    causes = sorted({cause for part in shown for cause in found[part]},
                    key=lambda c: ([f for f, _ in _COUNT_LABELS].index(c[0]), c[1], c[2]))
    for cause in causes:
        cells = [found[part].get(cause, 0) for part in shown]
        combined = sum(found[part].get(cause, 0) for part in VALIDATION_PARTS if part in found)
        lines.append(f"{cause[0]:<20} {cause[1]:<54} {cause[2]:<36} " + " ".join(f"{n:>10}" for n in cells)
                     + f" {combined:>12}")
    return lines



# `--dates-causes` (lecture-document, session 19): why a labelled date is read nowhere, and why a body's
# name is read wrong or not at all, in classes fixed before the table was first printed (see the session's
# note). Counts per part, field and class only: a class never names or quotes a text.
DATE_CAUSE_KEYWORDS = (("affich*", r"affich\w*"), ("publi*", r"publi\w*"), ("executoire", r"executoire\w*"),
                       ("transmis*/prefecture", r"transmi\w*|(?:sous-)?prefecture\w*"),
                       ("recu*/reception", r"recue?s?|reception"), ("certifi*", r"certifi\w*"),
                       ("convoc*", r"convo\w*"), ("seance/reuni*", r"seances?|reuni\w*"))
DATE_CAUSE_NO_KEYWORD = "lue : aucun mot-clé à 15 mots"
DATE_CAUSE_FORMATS = ("non lue : plage du … au …", "non lue : sans année", "non lue : mobilier de page",
                      "non lue : chiffres à points ou espaces", "non lue : année à deux chiffres",
                      "non lue : mois abrégé", "non lue : mots collés", "non lue : en lettres",
                      "non lue : chiffres OCR", "non lue : autre forme")
DATE_CAUSE_ABSENT = "absente du texte"
DATE_CAUSES = (*(f"lue : {name}" for name, _ in DATE_CAUSE_KEYWORDS), DATE_CAUSE_NO_KEYWORD, *DATE_CAUSE_FORMATS,
               DATE_CAUSE_ABSENT)
NAME_CAUSES = ("faux : sous-chaîne", "faux : sigle", "faux : ligne de délégué", "faux : commune membre",
               "faux : tampon ou préfecture", "faux : autre", "non lu : écarté", "non lu : en tête",
               "non lu : plus loin", "non lu : partiel", "non lu : absent",
               # « autre » split after the first run: a name read where the labels say the text names none.
               "faux : autre, aucun nom étiqueté")


def _date_keyword(folded: str, position: int) -> tuple:
    """The keyword class nearest before `position` within 15 words, and its distance in words."""
    words = re.findall(r"[\w-]+", folded[max(0, position - 400):position])[-15:]
    for distance, word in enumerate(reversed(words)):
        for name, pattern in DATE_CAUSE_KEYWORDS:
            if re.fullmatch(pattern, word):
                return f"lue : {name}", distance
    return DATE_CAUSE_NO_KEYWORD, 99


def _date_format_cause(folded: str, raw: str, wanted) -> str:
    """The fixed format class of a labelled date dates.py does not find whole in the reader's text."""
    from checker.reader.dates import MONTHS, WEEKDAY, find_dates, int_to_words
    day, month, year = wanted.day, wanted.month, wanted.year
    months = "|".join(sorted({name for name, number in MONTHS.items() if number == month}, key=len, reverse=True))
    full = max((name for name, number in MONTHS.items() if number == month), key=len)
    abbreviations = "|".join(full[:size] for size in range(len(full) - 1, 2, -1))
    d, m, yy = rf"0?{day}(?: ?er)?", rf"0?{month}", rf"(?:{year}|{year % 100:02d})"
    ocr_digit = {"0": "[0oO]", "1": "[1lI|i]", "5": "[5sS]", "8": "[8B]"}
    ocr = "".join(ocr_digit.get(c, c) if c.isdigit() else r" ?[/.-] ?" for c in f"{day:02d}/{month:02d}/{year}")
    words = {int_to_words(day), int_to_words(day).replace("-", " ")} | ({"premier"} if day == 1 else set())
    tests = (
        (0, rf"\bdu (?:{d}|{'|'.join(words)})(?: ?(?:[/.-] ?{m}|{months}))?(?: ?[/.-]? ?\d{{2,4}})? au\b"),
        (3, rf"(?<![\d.])0?{day}(?: {{1,3}}| ?\.{{2,}} ?| ?[.]{{1,2}} (?=\d))0?{month}"
            rf"(?: {{1,3}}|[ .]{{1,3}}){yy}(?!\d)"),
        (4, rf"(?<!\d){d} ?(?:{months})\.? ?'?{year % 100:02d}(?!\d)"
            rf"|(?<!\d)0?{day} ?[/.-] ?{m} ?[/.-] ?{year % 100:02d}(?!\d)"),
        (5, rf"(?<!\d){d} ?(?:{abbreviations})\.?(?![a-z])" if abbreviations else r"(?!)"),
        (6, rf"(?:{WEEKDAY}|[a-z]){d} ?(?:{months}|[/.-] ?{m}\b)"),
        (7, rf"\b(?:{'|'.join(re.escape(w) for w in words)})[ -]{{1,2}}(?:{months})\b"),
        (8, ocr),
        (9, rf"\b{year} ?[/.-] ?{m} ?[/.-] ?0?{day}\b|\b{m}/0?{day}/{year}\b"
            rf"|(?<![\d/.])0?{day} ?[/.-] ?{m}(?![\d/.-])"),
    )
    for index, pattern in tests[:1]:
        if re.search(pattern, folded) or re.search(pattern, raw):
            return DATE_CAUSE_FORMATS[index]
    if any(found.date == wanted for found in find_dates(raw)):
        return DATE_CAUSE_FORMATS[2]
    for index, pattern in tests[1:-1]:
        found = [m.group(0) for m in re.finditer(pattern, raw)] + [m.group(0) for m in re.finditer(pattern, folded)]
        if index == 8:
            found = [f for f in found if re.search(r"[a-z|]", f, re.IGNORECASE)]
        if found:
            return DATE_CAUSE_FORMATS[index]
    if any(found.year is None and (found.day, found.month) == (day, month) for found in find_dates(folded)):
        return DATE_CAUSE_FORMATS[1]
    if re.search(tests[-1][1], raw):
        return DATE_CAUSE_FORMATS[9]
    return DATE_CAUSE_ABSENT


def date_cause(text: str, wanted_iso: str) -> str:
    """The fixed class of a labelled date (ISO) the reader gives under no field."""
    import datetime as dt
    from checker.reader.dates import find_dates
    from checker.reader.normalize import Document, fold
    try:
        wanted = dt.date.fromisoformat(wanted_iso)
    except ValueError:
        return DATE_CAUSE_ABSENT
    document = Document(text)
    occurrences = [found for found in find_dates(document.fold) if found.date == wanted]
    if occurrences:
        cause, _, at = min(((*_date_keyword(document.fold, found.start), found.start) for found in occurrences),
                           key=lambda k: k[1])
        return f"{cause} ; {_date_zone(document, at)}"
    raw = " ".join(fold(text).split())
    return _date_format_cause(document.fold, raw, wanted)


DATE_ZONES = ("Z1 bloc, avant la formule", "Z2 bloc, après la formule", "Z3 procès-verbal reproduit",
              "Z4 après le bloc")


def _date_zone(document, position: int) -> str:
    """Where a date stands against the text the reader keeps for the meeting (as read_document cuts it)."""
    from checker.reader.seance import read_meeting_date
    from checker.reader.zones import cut, without
    from checker.reader.assemble import reproduced_after
    meeting = read_meeting_date(document)
    if meeting is None:
        return "pas de séance lue"
    spans = [span for span in (meeting.reproduced, *reproduced_after(document, meeting)) if span]
    if any(start <= position < end for start, end in spans):
        return DATE_ZONES[2]
    own = document
    for span in spans:
        own = without(own, span)
    if position >= cut(own, meeting).meeting[1]:
        return DATE_ZONES[3]
    return DATE_ZONES[0] if position < meeting.start else DATE_ZONES[1]


def _acronym(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,8}", name.strip()))


def _initials(name: str) -> str:
    return "".join(word[0] for word in fold_name(name).split() if len(word) > 3 or word in ("eau", "est"))


def name_cause(text: str, label: dict, record: dict, outcome: str) -> str | None:
    """The fixed class of a body's name read wrong or not read (None for a right or unlabelled one)."""
    from checker.reader.normalize import Document
    labelled = label.get("collectivite")
    if outcome == JUSTE or outcome is None:
        return None
    if not labelled or "not stated" in labelled:
        return NAME_CAUSES[11] if outcome == FAUX else None
    expected = body_name(labelled)
    folded = Document(text).fold
    flat = " ".join(fold_name(folded).split())
    if outcome == FAUX:
        got_raw = value(record.get("collectivite", {}).get("nom")) or ""
        got = body_name(got_raw) or ""
        if expected and got and (expected in got or got in expected):
            return NAME_CAUSES[0]
        plain_label = label_value(labelled)
        if (_acronym(got_raw) or _acronym(plain_label) or _initials(plain_label) == fold_name(got_raw).replace(" ", "")
                or _initials(got_raw) == fold_name(plain_label).replace(" ", "")):
            return NAME_CAUSES[1]
        spots = [m.start() for m in re.finditer(re.escape(got), flat)] if got else []
        for at in spots:
            after = re.match(r" ?(?:[^ :]+ ){0,3}?: ?(?:m|mme|monsieur|madame)\b", flat[at + len(got):])
            around = " ".join(flat[max(0, at - 80):at + len(got) + 80].split())
            if after or re.search(r"\b(?:delegue\w*|representant\w*)\b", around):
                return NAME_CAUSES[2]
        if label.get("type") in ("epci", "syndicat") and any(
                re.search(r"\bcommune (?:de|d|des|du) $", flat[max(0, at - 14):at]) for at in spots):
            return NAME_CAUSES[3]
        for at in spots:
            around = " ".join(flat[max(0, at - 90):at + len(got) + 90].split())
            if re.search(r"\b(?:prefecture|prefet|accuse|recu|reception|affich\w*|certifi\w*|transmi\w*)\b", around):
                return NAME_CAUSES[4]
        return NAME_CAUSES[5]
    if any(str(entry.get("champ")) == "collectivite.nom" for entry in record.get("lecture", {}).get("rejetees", [])):
        return NAME_CAUSES[6]
    whole = expected or ""
    head = " ".join(fold_name(folded[:600]).split())
    if whole and whole in head:
        return NAME_CAUSES[7]
    if whole and whole in flat:
        return NAME_CAUSES[8]
    longest = max(whole.split(), key=len, default="")
    if len(longest) >= 4 and re.search(rf"\b{re.escape(longest)}\b", flat):
        return NAME_CAUSES[9]
    return NAME_CAUSES[10]


def date_causes_of(dates: dict, names: dict, part: str, text: str, record: dict, label: dict) -> None:
    """Count, for one labelled text of `part`, its dates read nowhere and its body's name by cause class."""
    tallies = {field: Tally(field) for field in FIELDS}
    compare(tallies, "", record, label)
    read_anywhere = {found for _, found in _dates_in({k: v for k, v in record.items() if k != "lecture"})}
    set_aside = {str(r.get("valeur"))[:10] for r in record.get("lecture", {}).get("rejetees", [])}
    for field, key in DATE_LABELS:
        wanted = (label.get(key) or "")[:10] or None
        if wanted is None or tallies[field].last_outcome != MANQUE or wanted in read_anywhere | set_aside:
            continue
        cause = date_cause(text, wanted)
        dates[(part, field, cause)] = dates.get((part, field, cause), 0) + 1
    cause = name_cause(text, label, record, tallies["collectivite.nom"].last_outcome)
    if cause is not None:
        names[(part, cause)] = names.get((part, cause), 0) + 1


def dates_causes_table(dates: dict, names: dict) -> list:
    """The two cause tables of `--dates-causes`, every part included (aggregate counts only)."""
    lines = ["Dates étiquetées lues sous aucun champ, par classe de cause (partie : champ classe=n)"]
    for part in PARTS:
        cells = [f"{field} « {c} »={count}" for field, _ in DATE_LABELS for cause in DATE_CAUSES
                 for (p, f, c), count in sorted(dates.items())
                 if (p, f) == (part, field) and c.split(" ; ")[0] == cause]
        lines.append(f"  {part:<14} " + ("  ".join(cells) or "aucune"))
    lines.append("Nom de la collectivité faux ou non lu, par classe de cause")
    for part in PARTS:
        cells = [f"{cause}={names[(part, cause)]}" for cause in NAME_CAUSES if (part, cause) in names]
        lines.append(f"  {part:<14} " + ("  ".join(cells) or "aucun"))
    return lines



# --listes-manquees (lecture-noms): why a labelled list of names or a person is not read, or read wrong, in
# fixed classes taken from the reader's own trace (its zones, its lists read then set aside with the reason its
# cross-checks write). Counts per part and class only: no text's name nor words.
NAME_FIELDS = (("seance.pouvoirs (paires)", "pouvoirs"), ("seance.absents (noms)", "absents"),
               ("seance.secretaires (noms)", "secretaires"), ("seance.president", "president"))
SET_ASIDE_REASONS = {
    "pouvoirs": (("nombre ≠ représentés imprimés", r"pouvoirs? lus? nommément, mais"),
                 ("mandataire hors des présents", r"mandataire absent de la liste entière"),
                 ("un membre mandant et mandataire", r"un même membre lu à la fois"),
                 ("doute : nom illisible", r"sans mandataire lisible|sans mandataire unique|sans mandant ni mandataire"),
                 ("doute : présent et mandant, absent et mandataire",
                  r"lu présent à l'ouverture et mandant|lu absent et mandataire"),
                 ("doute : deux mandants, deux mandataires, porteurs",
                  r"deux mandants|deux mandataires|plusieurs membres|son propre mandataire"),
                 ("doute : mots hors des noms", r"capitales hors des noms|collectivité membre collée"),
                 ("aucun nombre ne confirme", r"qu'aucun nombre imprimé")),
    "absents": (("nombre ≠ exercice − présents − représentés", r"absents? lus? nommément, mais"),
                ("doute : pouvoir non apparié", r"hors d'un pouvoir lu|pouvoir sans mandant ou mandataire"),
                ("doute : nom seul, deux lettres, coupé", r"un nom seul|deux lettres|coupé en deux"),
                ("doute : prose, mots hors des noms", r"prose entre|capitales hors des noms|collectivité membre collée"),
                ("doute : lu absent et siégeant", r"lu absent et|présent à l'ouverture et absent|et président ou secrétaire"),
                ("doute : plus d'absents que de sièges", r"plus que les"),
                ("doute : absent pour une partie", r"pour une partie de la séance"),
                ("doute : colonnes côte à côte", r"côte à côte"),
                ("aucun nombre ne confirme, sans doute nommé", r"ne confirme$"),
                # « autre raison » split after the first run on validation (the only split allowed):
                ("doute : pouvoir non lu", r"pouvoir non lu"),
                ("doute : une autre liste après, non lue", r"une autre liste après"),
                ("doute : pas un nom de personne", r"intitulé|trop de mots|quatre mots|trois lettres|sigle"),
                ("doute : nom sur l'intitulé suivant, lettre seule", r"courir sur l'intitulé|avant une lettre seule")),
    "secretaires": (("pas un nom de personne", r"intitulé|trop de mots|quatre mots|trois lettres|sigle"),),
    "president": (("pas un nom de personne", r"intitulé|trop de mots|quatre mots|trois lettres|sigle"),),
}
MISSED_NAME_CLASSES = ("M2 orthographe introuvable", "M3 aucune zone de présence", "M4 zone sans étiquette de la liste",
                       "M5 étiquette trouvée, rien lu", "M6 nom dans le texte, aucune formule lue", "M7 autre")
WRONG_NAME_CLASSES = ("F1 lu sans étiquette", "F2 un nom de trop", "F3 un nom de moins",
                      "F4 mandant et mandataire inversés", "F5 nom coupé ou soudé", "F6 personnel ou non-membre",
                      "F7 orthographe introuvable", "F8 autre")


def _attendance_headings(text: str) -> set:
    """The kinds of list heading the reader finds where it reads names (the blocks of `read_document`)."""
    from checker.reader import members
    from checker.reader.counts import other_meeting_heading
    from checker.reader.furniture import without_furniture
    from checker.reader.normalize import Document
    from checker.reader.seance import read_meeting_date, reproduced_after
    from checker.reader.zones import cut, within, without
    doc = Document(text)
    meeting = read_meeting_date(doc)
    if meeting is None:
        return set()
    own = without(doc, meeting.reproduced)
    for span in reproduced_after(doc, meeting):
        own = without(own, span)
    block = within(own, cut(own, meeting).meeting[1])
    other = other_meeting_heading(block, meeting.date, meeting.start)
    names_block = without_furniture(block if other is None else within(block, other[0]))
    kinds = {kind for _, _, kind in members._headers(names_block) if kind != members.STOP}
    attendance = members.read_attendance(names_block)
    if attendance.pairs or attendance.present or attendance.absent:
        kinds.add("lu")
    return kinds


def _surnames(names) -> set:
    """The longest word of each labelled name (its surname as far as a word tells), folded."""
    found = set()
    for name in names:
        words = (person(name) or "").split()
        if words:
            found.add(max(words, key=len))
    return found


def _labelled_names(label: dict, key: str) -> list:
    if key == "pouvoirs":
        return [n for pair in label.get("proxies") or [] for n in pair]
    if key == "absents":
        return list(label.get("absent_without_proxy") or [])
    if key == "secretaires":
        secretary = label.get("secretary")
        return re.split(r" et | and ", re.sub(r"\(.*?\)", "", secretary)) if secretary else []
    president = label_value(label.get("president"))
    return [president] if president else []


def _wrong_name_class(key: str, expected, got, text_words: set, folded_text: str) -> str:
    from checker.reader.members import _STAFF, not_a_person
    if expected is None:
        return WRONG_NAME_CLASSES[0]
    expected = set(expected) if key != "president" else {expected}
    got = set(got) if key != "president" else {got}
    extra, lacking = got - expected, expected - got
    if len(extra) == 1 and not lacking:
        return WRONG_NAME_CLASSES[1]
    if len(lacking) == 1 and not extra:
        return WRONG_NAME_CLASSES[2]
    if key == "pouvoirs" and any((b, a) in expected for a, b in extra):
        return WRONG_NAME_CLASSES[3]
    flat = lambda items: [w for item in items for w in (item if isinstance(item, tuple) else (item,)) if w]
    if len(extra) == len(lacking) and all(
            any(set(a.split()) < set(b.split()) or set(b.split()) < set(a.split()) for b in flat(lacking))
            for a in flat(extra) if a not in flat(lacking)):
        return WRONG_NAME_CLASSES[4]
    staff = re.compile(r"(?:[ ,(\u2013-] ?(?:(?:la|le|notre|votre) )?" + _STAFF + ")")
    for name in flat(extra):
        if name in flat(lacking):
            continue
        if not_a_person(name):
            return WRONG_NAME_CLASSES[5]
        for word in name.split():
            at = folded_text.find(word)
            while at >= 0:
                if staff.match(folded_text, at + len(word), at + len(word) + 60) or re.search(
                        _STAFF + r"[^.;\n]{0,40}$", folded_text[max(0, at - 60):at]):
                    return WRONG_NAME_CLASSES[5]
                at = folded_text.find(word, at + 1)
    if any(max(w.split(), key=len) not in text_words for w in flat(lacking) if w):
        return WRONG_NAME_CLASSES[6]
    # « autre » split after the first run on validation (the only split allowed):
    if key == "pouvoirs" and {a for a, _ in extra} & {a for a, _ in lacking}:
        return "F8a même mandant, autre mandataire"
    if len(extra) == 1 and len(lacking) == 1:
        return "F8b un autre nom à la place d'un nom"
    if len(extra) + len(lacking) > 2:
        return "F8c plusieurs écarts"
    return WRONG_NAME_CLASSES[7]


def missed_names(counter: dict, text: str, record: dict, label: dict) -> None:
    """One class per name fact not read or read wrong (see NAME_FIELDS); `counter[(field, class)]` counts them."""
    tallies = {field: Tally(field) for field in FIELDS}
    compare(tallies, "", record, label)
    rejected = {}
    for entry in record.get("lecture", {}).get("rejetees", []):
        rejected.setdefault(entry.get("champ"), entry)
    folded_text = fold_name(text.replace("\u2019", "'"))
    text_words = set(re.findall(r"[a-z0-9']+", folded_text.replace("-", " ")))
    headings = None
    for field, key in NAME_FIELDS:
        outcome = tallies[field].last_outcome
        if outcome not in (MANQUE, FAUX) or not tallies[field].misses:
            continue
        _, _, expected, got = tallies[field].misses[-1]
        if outcome == FAUX:
            cls = _wrong_name_class(key, expected, got, text_words, folded_text)
            counter[(key, cls)] = counter.get((key, cls), 0) + 1
            continue
        aside = rejected.get(f"seance.{key}")
        if aside is not None:
            reason = str(aside.get("raison", ""))
            kind = next((name for name, pattern in SET_ASIDE_REASONS[key] if re.search(pattern, reason)), "autre raison")
            trial = json.loads(json.dumps(record))
            put = aside.get("valeur")
            trial.setdefault("seance", {})[key] = {"valeur": put} if key == "president" else put
            again = {f: Tally(f) for f in FIELDS}
            compare(again, "", trial, label)
            right = "brute juste" if again[field].last_outcome == JUSTE else "brute fausse"
            cls = f"M1 écartée : {kind} ({right})"
        elif any(s not in text_words for s in _surnames(_labelled_names(label, key))):
            cls = MISSED_NAME_CLASSES[0]
        elif key in ("pouvoirs", "absents"):
            if headings is None:
                headings = _attendance_headings(text)
            from checker.reader.members import ABSENT, ABSENT_EXCUSED, ABSENT_MIXED, PROXY
            own = {PROXY} if key == "pouvoirs" else {ABSENT, ABSENT_EXCUSED, ABSENT_MIXED}
            if not headings:
                cls = MISSED_NAME_CLASSES[1]
            elif not headings & own:
                cls = MISSED_NAME_CLASSES[2]
            else:
                cls = MISSED_NAME_CLASSES[3]
        else:
            cls = MISSED_NAME_CLASSES[4]
        counter[(key, cls)] = counter.get((key, cls), 0) + 1


def missed_names_table(missed: dict) -> list:
    """The table of `--listes-manquees`: the name facts of every labelled text, classed by `missed_names`."""
    lines = ["", "Listes de noms et personnes non lues ou lues fausses, par cause (classes fixes ; agrégé, "
                 "validation comprise) : partie : nombre"]
    for _, key in NAME_FIELDS:
        classes = sorted({cls for part in missed for k, cls in missed[part] if k == key})
        lines.append(f"  {key}")
        for cls in classes:
            cells = "  ".join(f"{part} {missed[part].get((key, cls), 0)}" for part in PARTS
                              if missed[part].get((key, cls)))
            lines.append(f"    {cls:<70} {cells}")
    return lines


# --votes-faux: why a vote fact is read wrong or left unread, in fixed classes drawn from the reader's own trace (the
# acts' zones as read, the source of each vote fact, what the cross-checks set aside). Written before the table was
# run on the validation part (session 19); only « autre » may be split after. Counts per part and class, never a text.
VOTE_FAULT_FIELDS = (("pour", "pour"), ("contre", "contre"), ("abstention", "abstentions"), ("unanimite", "unanimite"))
VOTE_FAULT_CLASSES = {
    "issue": ("faux, étiquette sans valeur", "faux, autre valeur", "non lu", "juste"),
    "acte": ("1re délibération", "autre délibération", "aucune délibération lue"),
    "actes lus": ("un", "plusieurs", "aucun"),
    "lieu": ("phrase de vote de l'acte", "ailleurs dans la zone de l'acte", "préambule (avant le 1er acte)",
             "approbation d'un procès-verbal", "zone d'un autre acte", "calculé d'autres faits", "non lu",
             "autre"),
    "unanimité": ("lue pour l'acte", "écrite dans la zone, non lue", "non écrite dans la zone"),
    "somme/votants": ("égale", "inférieure", "supérieure", "votants non lus", "pas de décompte lu"),
    "somme/prés.+repr.": ("égale", "inférieure", "supérieure", "non lus", "pas de décompte lu"),
    "valeur étiquetée": ("dans la zone de l'acte", "ailleurs dans le texte", "nulle part", "étiquette sans valeur",
                         "sans objet"),
    "forme": ("côté puis nombre", "nombre puis côté", "en lettres ou « / », « - »", "mot « unanimité »", "mot « majorité »",
              "déduite des décomptes", "autre", "non lu"),
    "confiance": ("0.85", "0.8", "0.6", "autre", "non lu"),
    "écarté": ("décompte de l'acte écarté par un recoupement", "rien d'écarté"),
}


class _ZonesSeen:
    """While a text is read, the document and the acts `read_deliberations` cut in it (the reader's own zones)."""

    def __init__(self):
        self.last = None

    def __enter__(self):
        from checker.reader import assemble
        self._module, self._original, self.last = assemble, assemble.read_deliberations, None

        def seen(doc):
            found = self._original(doc)
            self.last = (doc, found)
            return found

        assemble.read_deliberations = seen
        return self

    def __exit__(self, *exc):
        self._module.read_deliberations = self._original
        return False


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


_WORD_NUMBERS = {"zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                 "huit": 8, "neuf": 9, "dix": 10}
_VOTE_WORD = re.compile(r"unanimit|majorit|\badopte|\bapprouve|\bvote")


def _located(doc, source: str | None) -> int | None:
    """Where in the document the passage a fact was read from starts (its first piece found), or None."""
    for piece in re.split(r" … | ; ", source or ""):
        piece = piece.rstrip("…").strip()
        if len(piece) >= 8:
            at = doc.text.find(piece)
            if at >= 0:
                return at
    return None


_SIDE_THEN_NUMBER = re.compile(r"(?:pour|contre|abstentions?)\b ?[:-]? ?\d")
_NUMBER_THEN_SIDE = re.compile(r"\d{1,4} (?:voix |votes |suffrages )?(?:pour|contre|abstentions?)\b")


def _vote_form(folded: str, pos: int | None, unanimity: bool) -> str:
    """How the vote fact read at `pos` is printed (« forme » of --votes-faux)."""
    if pos is None:
        return "autre"
    if unanimity:
        return ("mot « unanimité »" if folded.startswith("unanimit", pos) or folded.startswith("unanimement", pos)
                else "mot « majorité »" if folded.startswith("majorit", pos) else "déduite des décomptes")
    if _SIDE_THEN_NUMBER.match(folded, pos):
        return "côté puis nombre"
    if _NUMBER_THEN_SIDE.match(folded, pos):
        return "nombre puis côté"
    return "en lettres ou « / », « - »" if re.match(r"[a-z]", folded[pos:pos + 1]) else "autre"


def _vote_place(doc, delibs, index: int, source: str | None, unanimity: bool) -> tuple[str, int | None]:
    """(class of « lieu », position) of a vote fact read from `source` for the act `index`."""
    from checker.reader.votes import _DECISION, _minutes_approval, _read_counts, _sentence_end, _sentence_start
    if str(source or "").startswith("calculé"):
        return "calculé d'autres faits", None
    at = _located(doc, source)
    if at is None or index >= len(delibs):
        return "autre", None
    folded = doc.fold
    piece_end = at + len(source.split(" ; ")[0])
    word = re.compile(r"unanim|majorit").search(folded, at, piece_end) if unanimity else None
    counted = None if word is not None else _read_counts(folded, at, piece_end)
    pos = word.start() if word is not None else counted[1] if counted else at
    first, own = delibs[0].heading_start, delibs[index]
    if pos < first:
        zone_start = 0
    elif own.heading_start <= pos < own.end:
        zone_start = own.heading_start
    else:
        return "zone d'un autre acte", pos
    if _minutes_approval(folded, zone_start, pos, len(folded)):
        return "approbation d'un procès-verbal", pos
    if pos < first and index == 0 and first > 0:
        return "préambule (avant le 1er acte)", pos
    sentence = folded[_sentence_start(folded, zone_start, pos):_sentence_end(folded, pos)]
    decision = _DECISION.search(folded, zone_start, own.end)
    same = decision is not None and decision.start() <= pos and not re.search(r"\. ", folded[decision.end():pos])
    return ("phrase de vote de l'acte" if same or _VOTE_WORD.search(sentence) else "ailleurs dans la zone de l'acte"), pos


def vote_faults_of(counter: dict, record: dict, label: dict, zones) -> list:
    """Add to `counter` ((group, dimension, class) → count) the causes of every vote fact of the labelled act read
    wrong or left unread, in the fixed classes of VOTE_FAULT_CLASSES; the facts read right are counted under the
    same classes in groups of their own (« … lus justes »). Returns (field, classes) of each fact read wrong or unread."""
    chosen = choose_deliberation(record, label)
    delibs_read = record.get("deliberations", [])
    index = next((i for i, d in enumerate(delibs_read) if d is chosen), None)
    vote = chosen.get("vote", {}) if chosen else {}
    expected_vote = label.get("vote") or {}
    doc, delibs = zones if zones else (None, [])
    zone = (delibs[index].heading_start, delibs[index].end) if index is not None and index < len(delibs) else None
    aside = any(str(entry.get("champ", "")) == f"deliberations[{index}].vote" and isinstance(entry.get("valeur"), dict)
                for entry in (record.get("lecture") or {}).get("rejetees", []))
    sides = {key: value(vote.get(key)) for key in ("pour", "contre", "abstentions")}
    cast = sum(v for v in sides.values() if isinstance(v, int) and not isinstance(v, bool))
    any_count = any(isinstance(v, int) and not isinstance(v, bool) for v in sides.values())

    def against(*keys):
        found = [value(chosen.get(k)) if value(chosen.get(k)) is not None else value(record.get("seance", {}).get(k))
                 for k in keys]
        if not any_count:
            return "pas de décompte lu"
        if None in found:
            return None
        total = sum(found)
        return "égale" if cast == total else "inférieure" if cast < total else "supérieure"

    unanimity = vote.get("unanimite")
    written = isinstance(unanimity, dict) and unanimity.get("valeur") is True and bool(
        re.search(r"unanimit", str(unanimity.get("source", "")), re.IGNORECASE))
    from checker.reader.votes import _UNANIMITY
    in_zone = zone is not None and _UNANIMITY.search(doc.fold, *zone) is not None
    numbers = set()
    if zone is not None:
        for word in re.findall(r"\b(?:\d{1,4}|[a-z]+)\b", doc.fold[zone[0]:zone[1]]):
            numbers.add(int(word) if word.isdigit() else _WORD_NUMBERS.get(word))
    everywhere = {int(n) for n in re.findall(r"\b\d{1,4}\b", doc.fold)} if doc is not None else set()
    faults = []
    for key, field in VOTE_FAULT_FIELDS:
        wanted = expected_vote.get(key)
        if key == "unanimite":
            wanted = True if wanted else (False if wanted is False else None)
        fact = vote.get(field)
        got = value(fact)
        if got is None and wanted is None:
            continue
        right = got is not None and wanted == got
        classes = {"issue": "juste" if right else "non lu" if got is None else "faux, étiquette sans valeur"
                   if wanted is None else "faux, autre valeur",
                   "acte": "aucune délibération lue" if index is None else "1re délibération" if index == 0
                   else "autre délibération"}
        classes["actes lus"] = "aucun" if not delibs_read else "un" if len(delibs_read) == 1 else "plusieurs"
        if got is None:
            classes["lieu"] = classes["forme"] = "non lu"
        elif zones is None or index is None:
            classes["lieu"] = classes["forme"] = "autre"
        else:
            classes["lieu"], pos = _vote_place(doc, delibs, index, fact.get("source") if isinstance(fact, dict)
                                               else None, key == "unanimite")
            classes["forme"] = _vote_form(doc.fold, pos, key == "unanimite")
        classes["unanimité"] = ("lue pour l'acte" if written else "écrite dans la zone, non lue" if in_zone
                                else "non écrite dans la zone")
        classes["somme/votants"] = against("votants") or "votants non lus"
        classes["somme/prés.+repr."] = against("presents", "representes") or "non lus"
        classes["valeur étiquetée"] = ("sans objet" if key == "unanimite" else "étiquette sans valeur" if wanted is None
                                       else "dans la zone de l'acte" if wanted in numbers
                                       else "ailleurs dans le texte" if wanted in everywhere else "nulle part")
        rate = confidence(fact)
        classes["confiance"] = ("non lu" if got is None else "0.85" if rate == 0.85 else "0.8" if rate == 0.8
                                else "0.6" if rate == 0.6 else "autre")
        classes["écarté"] = "décompte de l'acte écarté par un recoupement" if aside else "rien d'écarté"
        # The right reads are counted apart, under the same classes: what a cut on a class would cost.
        group = ("unanimité" if key == "unanimite" else "décomptes") + (" lus justes" if right else "")
        for dimension, kind in classes.items():
            counter[(group, dimension, kind)] = counter.get((group, dimension, kind), 0) + 1
        counter[(group, "total", "")] = counter.get((group, "total", ""), 0) + 1
        if not right:
            faults.append((field, classes))
    return faults


def vote_faults_table(faults: dict) -> list:
    """The table of --votes-faux: per group of facts (counts, unanimity), per dimension, the count of each class by
    part, the validation parts also combined."""
    columns = [*PARTS, "validation combinée"]
    merged = {part: found for part, found in faults.items() if part in PARTS}
    merged["validation combinée"] = {}
    for part in VALIDATION_PARTS:
        for key, count in faults.get(part, {}).items():
            merged["validation combinée"][key] = merged["validation combinée"].get(key, 0) + count
    lines = ["", "Faits de vote lus faux ou non lus de l'acte étiqueté, par cause (classes fixes ; nombre de faits par "
                 "partie ; les lus justes à part, sous les mêmes classes : ce que coûterait une coupe) : " + " / ".join(columns)]
    for group in ("décomptes", "unanimité", "décomptes lus justes", "unanimité lus justes"):
        lines.append(f"  {group} — total : " + " / ".join(str(merged.get(c, {}).get((group, "total", ""), 0))
                                                          for c in columns))
        for dimension, kinds in VOTE_FAULT_CLASSES.items():
            lines.append(f"    {dimension}")
            for kind in kinds:
                cells = [merged.get(c, {}).get((group, dimension, kind), 0) for c in columns]
                if any(cells):
                    lines.append(f"      {kind:<46} " + " / ".join(map(str, cells)))
    return lines


if __name__ == "__main__":
    sys.exit(main())
