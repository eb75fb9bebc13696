"""Label-preserving rewrites of a whole tuning document, one function per kind.

Each kind turns a real text into the shape another real document of the same meeting could have
(another extraction tool, another template, a scan read by OCR, a multi-page PDF) while every labelled
fact stays true BY CONSTRUCTION: a careful reader would take exactly the same facts from the variant.
When a kind cannot keep a text's labels true, it raises `Skip` with the reason, and the bench counts it.

A kind is `kind(text, label, rng, others) -> str`: `rng` is a `random.Random` seeded by the text and the
kind (`seed`), so a variant is the same on every run and every machine; `others` are the other tuning
documents (`Source`), for the kinds that put two meetings in one text.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Sequence

from num2words import num2words


class Skip(Exception):
    """The kind cannot keep this text's labels true; the message says why."""


@dataclass(frozen=True)
class Source:
    """A tuning document: its file name, text, labels and corpus part."""
    name: str
    text: str
    label: dict
    part: str


Kind = Callable[[str, dict, random.Random, Sequence[Source]], str]
KINDS: dict[str, Kind] = {}
DESCRIPTIONS: dict[str, str] = {}


def kind(name: str):
    def register(function: Kind) -> Kind:
        KINDS[name] = function
        DESCRIPTIONS[name] = (function.__doc__ or "").strip().splitlines()[0]
        return function
    return register


def seed(doc: str, kind_name: str) -> random.Random:
    """The generator of one variant: the same text and kind give the same variant everywhere."""
    digest = hashlib.sha256(f"{doc}\0{kind_name}".encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def variant(source: Source, kind_name: str, others: Sequence[Source] = ()) -> str:
    """The variant of `source` of that kind (raises `Skip`)."""
    return KINDS[kind_name](source.text, source.label, seed(source.name, kind_name), others)


# ---------------------------------------------------------------------------------------------------
# Helpers

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def _date(label: dict, key: str = "meeting_datetime") -> dt.date | None:
    text = (label.get(key) or "")[:10]
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _in_words(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _lines_text(text: str) -> bool:
    """Whether the text keeps its line breaks (a PDF's text layer), rather than one line (the OCR corpus)."""
    return text.count("\n") >= 5


# Places where a page may end in a text of one line: after punctuation ending a clause or an item of a
# list, never inside a name or a number.
_BREAK_AFTER = re.compile(r"(?<=[,.;:])[ ](?=\S)")


def _break_points(text: str) -> list[int]:
    """Offsets where a page ends: line ends when the text keeps its lines, else after punctuation."""
    if _lines_text(text):
        return [m.start() for m in re.finditer(r"\n", text)]
    return [m.start() for m in _BREAK_AFTER.finditer(text)]


def _every(points: list[int], text: str, rng: random.Random, pages: int) -> list[int]:
    """About `pages - 1` page ends spread evenly over the text, each at the break point nearest."""
    if not points:
        return []
    chosen = []
    for page in range(1, pages):
        target = len(text) * page // pages + rng.randint(-40, 40)
        chosen.append(min(points, key=lambda p: abs(p - target)))
    return sorted(set(chosen))


def _insert(text: str, at: list[int], blocks: list[str]) -> str:
    """`text` with `blocks[i]` put at offset `at[i]`, on its own lines when the text keeps its lines."""
    own_lines = _lines_text(text)
    out, last = [], 0
    for offset, block in zip(at, blocks):
        out.append(text[last:offset])
        out.append(("\n" + block) if own_lines else (" " + block))
        last = offset
    out.append(text[last:])
    return "".join(out)


def _wrap(text: str, rng: random.Random, hyphenate: bool = False) -> str:
    """Every line cut at 50-70 columns between words (the width drawn once); with `hyphenate`, a long
    word in lower case that overflows is cut across the line with a hyphen, as typesetting does."""
    width = rng.randint(50, 70)
    out = []
    for line in text.split("\n"):
        current = ""
        for word in line.split(" "):
            if not current:
                current = word
                continue
            if len(current) + 1 + len(word) <= width:
                current += " " + word
                continue
            room = width - len(current) - 2
            if hyphenate and re.fullmatch(r"[a-zà-öø-ÿ]{8,}", word) and room >= 3:
                cut = min(room, len(word) - 3)
                out.append(f"{current} {word[:cut]}-")
                current = word[cut:]
            else:
                out.append(current)
                current = word
        out.append(current)
    return "\n".join(out)


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _same_case(model: str, word: str) -> str:
    """`word` in the case of `model` (all capitals, or as written)."""
    return word.upper() if model.isupper() else word


# ---------------------------------------------------------------------------------------------------
# The kinds

@kind("identite")
def identity(text, label, rng, others):
    """The text as it is: the reference every kind is measured against."""
    return text


@kind("lignes_jointes")
def joined_lines(text, label, rng, others):
    """Every paragraph on one line (an extraction that joins the lines of a block, as the OCR corpus does)."""
    if not _lines_text(text):
        raise Skip("texte déjà sur une ligne")
    paragraphs = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(re.sub(r"[ \t]*\n[ \t]*", " ", p) for p in paragraphs)


@kind("lignes_coupees")
def cut_lines(text, label, rng, others):
    """Lines cut at 50-70 columns between words (a PDF of narrow columns, a mail body)."""
    return _wrap(text, rng)


@kind("cesure")
def hyphenated(text, label, rng, others):
    """Lines cut at 50-70 columns and long lower-case words hyphenated across lines (typeset PDFs)."""
    return _wrap(text, rng, hyphenate=True)


@kind("entete_pied")
def page_furniture(text, label, rng, others):
    """A page header (the document's first line, repeated) and footer « Page i/N » between lines or list
    items every page, as a multi-page PDF's text layer gives them."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    words = first.split()
    header = " ".join(words[:8]) if len(first) > 80 else first
    pages = rng.randint(3, 6)
    at = _every(_break_points(text), text, rng, pages)
    if not at:
        raise Skip("aucun endroit où couper une page")
    blocks = [f"Page {i + 1}/{pages}\n{header}" if _lines_text(text) else f"Page {i + 1}/{pages} {header}"
              for i in range(len(at))]
    return _insert(text, at, blocks)


ACTES_ID = re.compile(r"(?:\d{3}|02[AB])-\d{9}-\d{8}-[A-Za-z0-9_]{1,15}-(?:DE|AR|AI|CC|BF|AU)\b")


def _stamp(sent: dt.date, received: dt.date, posted: dt.date | None, identifier: str | None) -> str:
    lines = [f"Envoyé en préfecture le {sent:%d/%m/%Y}", f"Reçu en préfecture le {received:%d/%m/%Y}",
             f"Affiché le {posted:%d/%m/%Y}" if posted else "Affiché le"]
    if identifier:
        lines.append(f"ID : {identifier}")
    return "\n".join(lines)


@kind("tampon_acte")
def own_stamp(text, label, rng, others):
    """The act's own transmission stamp (« Envoyé en préfecture le … Reçu en préfecture le … ID : … »)
    repeated on every page, as the @ctes platforms print it on each page of the PDF: only texts whose
    labels give the receipt date (the stamp repeats the labelled values, nothing else)."""
    received = _date(label, "prefecture_receipt_date")
    if received is None:
        raise Skip("pas de date de réception étiquetée")
    identifier = ACTES_ID.search(label.get("act_identifier") or "")
    stamp = _stamp(received, received, _date(label, "posting_date"), identifier.group(0) if identifier else None)
    if not _lines_text(text):
        stamp = stamp.replace("\n", " ")
    at = _every(_break_points(text), text, rng, rng.randint(3, 5))
    if not at:
        raise Skip("aucun endroit où couper une page")
    return _insert(text, at, [stamp] * len(at))


@kind("tampon_aplati")
def flattened_stamp(text, label, rng, others):
    """The act's @ctes receipt box as a table extraction flattens it, labels first and values after
    (« Accusé de réception en préfecture Date de télétransmission : Date de réception préfecture :
    <identifier> <sent> <received> »), on every page as the platforms print it: only texts whose labels
    give the receipt date (the box repeats the labelled values, nothing else)."""
    received = _date(label, "prefecture_receipt_date")
    if received is None:
        raise Skip("pas de date de réception étiquetée")
    identifier = ACTES_ID.search(label.get("act_identifier") or "")
    parts = ["Accusé de réception en préfecture", "Date de télétransmission :", "Date de réception préfecture :"]
    if identifier and rng.random() < 0.5:
        parts.append(identifier.group(0))
    parts += [f"{received:%d/%m/%Y}", f"{received:%d/%m/%Y}"]
    stamp = "\n".join(parts) if _lines_text(text) else " ".join(parts)
    at = _every(_break_points(text), text, rng, rng.randint(3, 5))
    if not at:
        raise Skip("aucun endroit où couper une page")
    return _insert(text, at, [stamp] * len(at))


@kind("tampon_anterieur")
def earlier_stamp(text, label, rng, others):
    """Another act's stamp, received before the meeting (an annexed convention or an earlier act), between
    lines: a date no label of this meeting can hold; a careful reader does not take it."""
    meeting = _date(label)
    if meeting is None:
        raise Skip("pas de date de séance étiquetée")
    received = meeting - dt.timedelta(days=rng.randint(20, 200))
    siren = f"2{rng.randint(10, 95):02d}{rng.randint(0, 999999):06d}"
    identifier = f"0{rng.randint(10, 95)}-{siren}-{received:%Y%m%d}-AN{rng.randint(1, 99):02d}-DE"
    stamp = _stamp(received, received, None, identifier)
    if not _lines_text(text):
        stamp = stamp.replace("\n", " ")
    at = _every(_break_points(text), text, rng, rng.randint(2, 4))
    if not at:
        raise Skip("aucun endroit où couper une page")
    return _insert(text, at, [stamp] * len(at))


@kind("apostrophes")
def lost_apostrophes(text, label, rng, others):
    """Apostrophes lost by extraction (« L an deux mille », « s est réuni », « d Ascq »)."""
    return re.sub(r"(?<=\w)['’](?=\w)", " ", text)


@kind("accents_hors_noms")
def lost_accents_words(text, label, rng, others):
    """Accents lost on the words in lower case (a keyboard or extraction without them); capitalised
    words, where names stand, keep theirs."""
    return re.sub(r"\b[a-zà-öø-ÿ][\wÀ-ÿ]*", lambda m: _strip_accents(m.group(0)), text)


@kind("accents_partout")
def lost_accents(text, label, rng, others):
    """Accents lost everywhere, names included (OCR of a poor scan, an ASCII export)."""
    return _strip_accents(text)


# The words that label attendance, counts and votes.
LABEL_WORDS = re.compile(
    r"\b(?:membres? en exercice|conseillers? en exercice|[ée]taient pr[ée]sents?|pr[ée]sents?|"
    r"absents? excus[ée]s?|absents?|excus[ée]s?|pouvoirs?|procurations?|repr[ée]sent[ée]s?|votants?|"
    r"suffrages exprim[ée]s|exprim[ée]s|secr[ée]taire de s[ée]ance|(?:pour|contre|abstentions?)(?=\s*:?\s*\d))\b",
    re.IGNORECASE)


@kind("etiquettes_majuscules")
def labels_upper(text, label, rng, others):
    """The labels of attendance, counts and votes in capitals (« PRÉSENTS : », « POUVOIRS : »)."""
    return LABEL_WORDS.sub(lambda m: m.group(0).upper(), text)


@kind("etiquettes_minuscules")
def labels_lower(text, label, rng, others):
    """The labels of attendance, counts and votes in lower case (« présents : », « votants : »)."""
    return LABEL_WORDS.sub(lambda m: m.group(0).lower(), text)


# Labels that mean the same, where they stand as a label (before a colon). A count and a list take
# different synonyms (« Ont donné pouvoir » heads a list, not a number).
_SYNONYMS = [
    (r"(?:[ÉE]taient pr[ée]sents|Membres pr[ée]sents|Conseillers pr[ée]sents|Pr[ée]sents)(?=\s*:)",
     ["Présents", "Membres présents", "Étaient présents", "Conseillers présents"]),
    (r"(?:Pouvoirs|Procurations|Ont donn[ée] pouvoir)(?=\s*:\s*[^\d\s])",
     ["Pouvoirs", "Procurations", "Ont donné pouvoir"]),
    (r"(?:Pouvoirs|Procurations)(?=\s*:\s*\d)", ["Pouvoirs", "Procurations"]),
    (r"(?:Absents excus[ée]s|Membres excus[ée]s|Excus[ée]s)(?=\s*:)",
     ["Absents excusés", "Excusés", "Membres excusés"]),
    (r"(?:Membres absents|[ÉE]taient absents|Absents)(?=\s*:)", ["Absents", "Membres absents", "Étaient absents"]),
    (r"Secr[ée]taire de s[ée]ance(?=\s*:)", ["Secrétaire de séance", "Secrétaire"]),
    (r"(?:Nombre de (?:membres|conseillers) en exercice|Membres en exercice|Conseillers en exercice)(?=\s*:?\s*\d)",
     ["Membres en exercice", "Conseillers en exercice", "Nombre de membres en exercice"]),
    (r"(?:Nombre de votants|Votants)(?=\s*:?\s*\d)", ["Votants", "Nombre de votants"]),
]


@kind("synonymes")
def label_synonyms(text, label, rng, others):
    """Each label of attendance or counts replaced by an equivalent one (« Présents » / « Membres
    présents » / « Étaient présents », « Pouvoirs » / « Procurations » / « Ont donné pouvoir », « Absents
    excusés » / « Excusés », « Secrétaire de séance » / « Secrétaire »), as another template writes it."""
    changed = 0

    def swap(match, choices):
        nonlocal changed
        found = match.group(0)
        options = [c for c in choices if _strip_accents(c).lower() != _strip_accents(found).lower()]
        changed += 1
        return _same_case(found, rng.choice(options))

    for pattern, choices in _SYNONYMS:
        text = re.sub(pattern, lambda m, c=choices: swap(m, c), text, flags=re.IGNORECASE)
    if not changed:
        raise Skip("aucune étiquette à remplacer")
    return text


# A colon after a word (a label), not inside a time (« 18:30 ») or an address (« https: »).
_LABEL_COLON = re.compile(r"(?<=[^\W\d_])[ \t\u00a0]*:(?=[ \t\n])(?!//)")


@kind("deux_points")
def colons(text, label, rng, others):
    """The colons after labels dropped, turned into a dash, or doubled (one way per text), as templates
    and extractions differ (« Présents 12 », « Présents - 12 », « Présents :: 12 »)."""
    mode = rng.choice([" ", " -", " ::"])
    result, count = _LABEL_COLON.subn(mode, text)
    if not count:
        raise Skip("aucun deux-points d'étiquette")
    return result


_COUNT_LABEL = re.compile(
    r"(?P<label>\b(?:membres? en exercice|en exercice|pr[ée]sents?|repr[ée]sent[ée]s?|votants?|pour|contre|"
    r"abstentions?|pouvoirs?|procurations?|absents?|exprim[ée]s)\s*[:\-]?\s*)(?P<n>\d{1,3})(?![\d/,.]\d)\b",
    re.IGNORECASE)


@kind("nombres_en_lettres")
def counts_in_words(text, label, rng, others):
    """Counts after their label written in words (« Présents : dix-huit », « Pour : vingt-sept »), as
    some clerks write them; written by num2words."""
    result, count = _COUNT_LABEL.subn(lambda m: m.group("label") + num2words(int(m.group("n")), lang="fr"), text)
    if not count:
        raise Skip("aucun nombre après une étiquette")
    return result


def _folded(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", _strip_accents(text).lower())) + " "


@kind("nombres_en_chiffres")
def numbers_in_digits(text, label, rng, others):
    """Numbers written in words turned into digits (« L'an 2023, le 16 février à 19 heures », « vingt-sept »
    → « 27 »), as other clerks and some extractions write them; by text2num's alpha2digit. A text where a
    word of a labelled name would change is skipped."""
    from text_to_num import alpha2digit
    result = alpha2digit(text, "fr")
    if result == text:
        raise Skip("aucun nombre en lettres")
    # A year in words cut by a scrambled layout (« deux mille [Procurations : 5] Vingt-trois ») would become
    # another year: every new number of four digits must be the year of a labelled date.
    years = {(label.get(key) or "")[:4] for key in ("meeting_datetime", "convocation_date", "posting_date",
                                                     "online_publication_date", "prefecture_receipt_date")}
    if set(re.findall(r"\b\d{4}\b", result)) - set(re.findall(r"\b\d{4}\b", text)) - years:
        raise Skip("une année en lettres coupée par la mise en page")
    before, after = _folded(text), _folded(result)
    for name in _label_names(label):
        for word in _folded(name).split():
            if f" {word} " in before and f" {word} " not in after:
                raise Skip("un nom étiqueté changerait")
    return result


@kind("espaces")
def whitespace(text, label, rng, others):
    """Blank lines removed, no-break spaces before colons, some spaces doubled or turned into tabs or
    no-break spaces, trailing spaces (word-processor exports, PDF text layers)."""
    text = re.sub(r"\n[ \t]*\n+", "\n", text)
    text = re.sub(r" :", "\u00a0:", text)

    def space(match):
        draw = rng.random()
        return "  " if draw < 0.08 else "\t" if draw < 0.12 else "\u00a0" if draw < 0.16 else " "

    text = re.sub(r"(?<=\S) (?=\S)", space, text)
    return re.sub(r"\n", lambda m: ("   \n" if rng.random() < 0.2 else "\n"), text)


# The opening formula of the meeting's own record.
_OPENING = re.compile(r"\bL[’' ]?an\s+(?:deux|mil|\d)|\bs[’' ]est\s+r[ée]uni|\bse\s+sont\s+r[ée]unis",
                      re.IGNORECASE)


def _vote_sentence(label: dict) -> str | None:
    """A vote with exactly the labelled values, or None when the labels give no vote."""
    vote = label.get("vote") or {}
    counts = [vote.get(k) for k in ("pour", "contre", "abstention")]
    if all(c is not None for c in counts):
        return (f"Le procès-verbal est adopté par {counts[0]} voix pour, {counts[1]} contre et "
                f"{counts[2]} abstention{'s' if counts[2] > 1 else ''}.")
    if vote.get("unanimite") is True and all(c is None for c in counts):
        return "Le procès-verbal est adopté à l'unanimité."
    return None


def _opening_start(text: str) -> int:
    """Where the sentence of the meeting's opening formula begins (raises `Skip`)."""
    found = _OPENING.search(text)
    if found is None:
        raise Skip("aucune formule d'ouverture")
    start = found.start()
    if not found.group(0).lower().startswith("l"):
        stop = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
        if stop < 0 or start - stop > 300:
            raise Skip("début de la formule d'ouverture introuvable")
        start = stop + 1
        while start < len(text) and text[start] == " ":
            start += 1
    return start


@kind("seance_anterieure")
def earlier_meeting(text, label, rng, others):
    """An earlier meeting quoted before the opening formula (« Approbation du procès-verbal de la séance
    du <an earlier date> » and its vote), as procès-verbaux open; the vote given is the labelled one
    when the labels give a vote, so that no label can change."""
    meeting = _date(label)
    if meeting is None:
        raise Skip("pas de date de séance étiquetée")
    start = _opening_start(text)
    earlier = meeting - dt.timedelta(days=rng.randint(20, 70))
    parts = [f"Approbation du procès-verbal de la séance du {_in_words(earlier)}."]
    vote = _vote_sentence(label)
    if vote:
        parts.append(vote)
    joiner = "\n" if _lines_text(text) else " "
    return text[:start] + joiner.join(parts) + joiner + text[start:]


STAMP_FACTS = ("posting_date", "online_publication_date", "prefecture_receipt_date", "act_identifier")


def _other_meeting(text: str, label: dict, rng: random.Random, others: Sequence[Source],
                   earlier: bool = False) -> Source:
    """Another tuning meeting, on another day (with `earlier`, before this one), whose labels give no stamp
    fact this text's lack."""
    meeting = _date(label)
    choices = [o for o in others if o.text != text and _date(o.label) is not None and _date(o.label) != meeting
               and (not earlier or meeting is not None and _date(o.label) < meeting)
               and all(label.get(key) or not o.label.get(key) for key in STAMP_FACTS)]
    if meeting is None or not choices:
        raise Skip("pas d'autre séance à joindre")
    return choices[rng.randrange(len(choices))]


@kind("second_extrait")
def second_extract(text, label, rng, others):
    """A second extract, of another tuning meeting, after the text (two extracts in one PDF): by the
    labels' convention the facts are the first meeting's. The convention does not say whose a stamp
    printed after the second extract is: the second is one whose labels give no stamp fact the first's
    lack."""
    other = _other_meeting(text, label, rng, others)
    return text.rstrip() + "\n\n" + other.text


# The item approving an earlier meeting's minutes, up to the end of its title.
_APPROVAL = re.compile(r"approbation (?:du|des) (?:dernier |pr[ée]c[ée]dent )?proc[èe]s[- ]verbaux?[^\n.]*[.\n]",
                       re.IGNORECASE)


@kind("pv_reproduit")
def reproduced_minutes(text, label, rng, others):
    """The procès-verbal of an earlier meeting (another tuning text) reproduced whole inside this one, under
    the item approving it (or else under the first item's title), between « Procès-verbal de la séance du
    <its date> soumis à approbation : » and « Fin du procès-verbal de la séance du <its date>. », as some
    minutes reproduce the one they approve: the facts are this meeting's, whose opening formula comes
    first."""
    opening = _opening_start(text)
    found = _APPROVAL.search(text, opening)
    if found is None and _lines_text(text):
        found = _ITEM_TITLE.search(text, opening)
    if found is None:
        raise Skip("aucun point sous lequel reproduire un procès-verbal")
    at = found.end()
    other = _other_meeting(text, label, rng, others, earlier=True)
    earlier = _in_words(_date(other.label))
    quoted = (f"\nProcès-verbal de la séance du {earlier} soumis à approbation :\n{other.text.strip()}\n"
              f"Fin du procès-verbal de la séance du {earlier}.\n")
    return text[:at] + quoted + text[at:]


# Heads of the attendance lists.
_LIST_HEAD = re.compile(
    r"(?:(?:[ÉE]tai(?:en)?t|Membres)\s+)?(?:pr[ée]sents?|absents? (?:non )?excus[ée]s?|(?:non )?excus[ée]s?|absents?|"
    r"pouvoirs|procurations|ont donn[ée] pouvoir)\s*:\s*", re.IGNORECASE)
# The end of a list: a blank line, the next list's head, or a sentence of prose (a capitalised word then
# a word in lower case, not a civility title).
_LIST_END = re.compile(r"\n[ \t]*\n|\.\s+(?!(?:M|Mme|Mmes|MM|Mlle|Melle|Mr)\b)(?=[A-ZÉ][a-zé]+\s+[a-zé])|;")


# An item of a list of members: a name, perhaps with a civility title and a remark in brackets.
_NAME_ITEM = re.compile(r"(?:(?:M|Mme|Mmes|MM|Mlle|Mr|Monsieur|Madame)\.?\s+)?[A-ZÀ-Þ][\w'’.\-]*"
                        r"(?:\s+[\w'’.\-]+){0,4}")
# Words that head a list or a count, never the first word of a name.
_NOT_A_NAME = re.compile(r"(?i)(?:absents?|excus[ée]s?|pr[ée]sents?|pouvoirs?|procurations?|secr[ée]taire|votants?|"
                         r"nombre|membres|conseillers|[ée]taient?|ont|a)\b")


def _is_name(item: str) -> bool:
    plain = re.sub(r"\s*\([^()]*\)", "", item)
    # A full stop after a word of two letters or more ends a sentence: not one name.
    return bool(_NAME_ITEM.fullmatch(plain)) and not re.search(r"\w{2,}\.\s", plain) and not _NOT_A_NAME.match(plain)


def _split(span: str) -> list[tuple[str, int]]:
    """The items of a list and the offset of the separator after each: split at commas outside brackets,
    or at line ends when the list has no comma (one name a line); a name broken across lines stays one
    (its whitespace made single spaces). The last piece, with no separator after it, is given with the
    offset len(span)."""
    depth, commas = 0, False
    for char in span:
        depth += char == "("
        depth -= char == ")" and depth > 0
        commas = commas or (depth == 0 and char == ",")
    separators = "," if commas else "\n"
    pieces, depth, begin = [], 0, 0
    for at, char in enumerate(span + separators[0]):
        depth += char == "("
        depth -= char == ")" and depth > 0
        if depth == 0 and char in separators:
            item = " ".join(span[begin:at].split())
            if item:
                pieces.append((item, at))
            begin = at + 1
    return pieces


def _items(span: str) -> tuple[list[str], int] | None:
    """The leading items of a list that are names, separated from what follows, and the offset of the
    separator after the last of them; None under four."""
    items = []
    for item, at in _split(span):
        if at >= len(span) or not _is_name(item):
            break
        items.append((item, at))
    if len(items) < 4:
        return None
    return [i for i, _ in items], items[-1][1]


def _lists(text: str):
    """(start, end, items) of each attendance list of four names or more (its leading names)."""
    heads = list(_LIST_HEAD.finditer(text))
    for index, head in enumerate(heads):
        limit = heads[index + 1].start() if index + 1 < len(heads) else len(text)
        end = _LIST_END.search(text, head.end(), limit)
        stop = min(end.start() if end else limit, head.end() + 1500)
        found = _items(text[head.end():stop])
        if found:
            yield head.end(), head.end() + found[1] + 1, found[0]


def _whole_list(text: str, start: int, stop: int) -> list[str] | None:
    """The names of `text[start:stop]` when every item of it is a name (the last one may end with a full
    stop), else None."""
    items = [re.sub(r"[\s.;]+$", "", item) for item, _ in _split(text[start:stop])]
    items = [item for item in items if item]
    return items if items and all(_is_name(item) for item in items) else None


@kind("colonnes_entrelacees")
def interleaved_columns(text, label, rng, others):
    """Two attendance lists that follow each other (« Présents : … Absents excusés : … ») printed side by side
    as the two columns of one table and read row by row, each column under its head, as a PDF's text layer
    gives such a table (« Jean DUPONT        Paul MARTIN »). Only lists whose every item is a name."""
    heads = list(_LIST_HEAD.finditer(text))
    out, last, done = [], 0, 0
    for first, second, after in zip(heads, heads[1:], heads[2:] + [None]):
        if first.start() < last:
            continue
        left = _whole_list(text, first.end(), second.start())
        end = _LIST_END.search(text, second.end(), after.start() if after else len(text))
        stop = end.start() if end else (after.start() if after else len(text))
        right = _whole_list(text, second.end(), stop)
        if not left or not right or len(left) + len(right) < 4:
            continue
        width = max(len(i) for i in left + [first.group(0).strip()]) + rng.randint(4, 10)
        rows = [first.group(0).strip().ljust(width) + second.group(0).strip()]
        for index in range(max(len(left), len(right))):
            cell = left[index] if index < len(left) else ""
            rows.append((cell.ljust(width) + (right[index] if index < len(right) else "")).rstrip())
        out.append(text[last:first.start()])
        out.append("\n" + "\n".join(rows) + "\n")
        last = stop
        done += 1
    if not done:
        raise Skip("pas deux listes de noms qui se suivent")
    out.append(text[last:])
    return "".join(out)


@kind("deux_colonnes")
def two_columns(text, label, rng, others):
    """An attendance list laid out as a table of two columns, read row by row (« Jean DUPONT      Marie
    MARTIN » on one line), as the text layer of a PDF table gives it: the same names in the same list."""
    found = list(_lists(text))
    if not found:
        raise Skip("aucune liste de présence de quatre noms ou plus")
    out, last = [], 0
    for start, stop, items in found:
        rows = [items[i:i + 2] for i in range(0, len(items), 2)]
        width = max(len(i) for i in items) + rng.randint(3, 8)
        out.append(text[last:start])
        out.append("\n" + "\n".join(row[0].ljust(width) + (row[1] if len(row) > 1 else "") for row in rows) + "\n")
        last = stop
    out.append(text[last:])
    return "".join(out)


# A count after its label, for the flattened tables.
_PAIR = re.compile(
    r"(?P<label>(?:Nombre de )?(?:membres? en exercice|conseillers? en exercice|conseillers? pr[ée]sents|"
    r"membres? pr[ée]sents|pr[ée]sents|repr[ée]sent[ée]s|votants|pouvoirs|procurations|absents|exprim[ée]s|"
    r"suffrages exprim[ée]s|pour|contre|abstentions?))\s*:?\s*(?P<n>\d{1,3})(?![\d/])\b", re.IGNORECASE)


@kind("tableau_aplati")
def flattened_table(text, label, rng, others):
    """Consecutive « label : count » pairs (a header box, a vote table) flattened labels first, then the
    values in the same order (« En exercice Présents Votants 15 12 14 »), as OCR reads a table by rows."""
    pairs = list(_PAIR.finditer(text))
    blocks, current = [], []
    for pair in pairs:
        if current and re.fullmatch(r"[\s,;\-–|]*", text[current[-1].end():pair.start()]):
            current.append(pair)
        else:
            if len(current) >= 2:
                blocks.append(current)
            current = [pair]
    if len(current) >= 2:
        blocks.append(current)
    if not blocks:
        raise Skip("aucune suite de deux comptes étiquetés")
    joiner = "\n" if _lines_text(text) else " "
    out, last = [], 0
    for block in blocks:
        out.append(text[last:block[0].start()])
        out.append(" ".join(p.group("label") for p in block) + joiner + " ".join(p.group("n") for p in block))
        last = block[-1].end()
    out.append(text[last:])
    return "".join(out)


# The title of a deliberation or an item of the agenda, on its own line.
_ITEM_TITLE = re.compile(r"^[ \t]*(?:\d{1,2}\s*[.)–-]\s+|[IVX]{1,4}\s*[.)–-]\s+|(?:Point|Objet|OBJET|POINT)\b\s*"
                         r"(?:n°\s*)?\d*\s*:?\s*)\S.{5,}$", re.MULTILINE)


@kind("presence_deplacee")
def attendance_after_title(text, label, rng, others):
    """The attendance block (from its first list head to the first item) printed after the first item's
    title, as some registers print each deliberation's title first: the same block, moved whole."""
    if not _lines_text(text):
        raise Skip("texte sur une ligne : pas de titre de point isolable")
    head = _LIST_HEAD.search(text)
    if head is None:
        raise Skip("aucune liste de présence")
    start = text.rfind("\n", 0, head.start()) + 1
    title = _ITEM_TITLE.search(text, head.end())
    if title is None or title.start() - start > 4000:
        raise Skip("aucun titre de point après la présence")
    block = text[start:title.start()]
    line_end = text.find("\n", title.end())
    line_end = len(text) if line_end < 0 else line_end
    return text[:start] + text[title.start():line_end] + "\n" + block.rstrip("\n") + text[line_end:]


@kind("second_point")
def second_item(text, label, rng, others):
    """A last item after the others whose own counts differ (two members left before it) and, when the
    labels give a vote, its own different vote: the meeting's counts are those at its opening and the vote
    recorded an earlier one, so no label changes. Only texts whose labels give the number present."""
    present = label.get("present")
    if present is None or present < 5:
        raise Skip("pas de nombre de présents étiqueté")
    gone = rng.randint(1, 3)
    represented = label.get("represented") or 0
    voters = present - gone + represented
    lines = [f"{rng.randint(12, 40)}. Questions diverses : convention de mise à disposition de locaux",
             f"{'Départ de ' + num2words(gone, lang='fr') + ' conseillers' if gone > 1 else 'Départ d’un conseiller'}"
             " avant ce point.",
             f"Présents : {present - gone} – Votants : {voters}"]
    if label.get("vote") and any(value is not None for value in label["vote"].values()):
        lines.append(f"Pour : {voters - 1} – Contre : 1 – Abstention : 0")
    joiner = "\n" if _lines_text(text) else " "
    return text.rstrip() + joiner + joiner.join(lines) + "\n"


# OCR confusions inside words in lower case (never a capitalised word, where names stand, nor a digit).
_CONFUSIONS = [("m", "rn"), ("rn", "m"), ("é", "e"), ("è", "e"), ("l", "I"), ("i", "l"), ("e", "c")]


@kind("ocr_confusions")
def ocr_confusions(text, label, rng, others):
    """Letters confused by OCR in one word in lower case out of eight (« rn » for « m », « I » for « l »,
    « c » for « e »), names and numbers untouched, as a scan read by OCR gives them. A word of a labelled
    name is never touched, even printed in lower case (« pouvoir à nelly »)."""
    named = set(_strip_accents(" ".join(_label_names(label))).lower().replace("-", " ").replace("'", " ").split())

    def confuse(match):
        word = match.group(0)
        if len(word) < 4 or rng.random() >= 0.125 or word in _NUMBER_WORDS or _strip_accents(word) in named:
            return word
        options = [(a, b) for a, b in _CONFUSIONS if a in word[1:]]
        if not options:
            return word
        a, b = options[rng.randrange(len(options))]
        at = word.index(a, 1)
        return word[:at] + b + word[at + len(a):]

    return re.sub(r"\b[a-zà-öø-ÿ][a-zà-öø-ÿ]*\b", confuse, text)


def _label_names(label: dict) -> list[str]:
    """Every name the labels give: proxies, absents, secretary, president, body."""
    names = [n for pair in label.get("proxies") or [] for n in pair] + list(label.get("absent_without_proxy") or [])
    return names + [label.get(key) or "" for key in ("secretary", "president", "collectivite")]


# Number words stay intact: a count or a date written in words is a labelled value.
_NUMBER_WORDS = {num2words(n, lang="fr") for n in range(0, 101)} | {
    "mille", "mil", "cent", "cents", "vingts", "janvier", "février", "mars", "avril", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre", "heures", "heure", "minutes", "trente", "quarante",
    "cinquante", "soixante"}

# The kinds that change only the surface of the text, chained lightly by `tout_leger`.
_LIGHT = ["lignes_coupees", "entete_pied", "apostrophes", "accents_hors_noms", "etiquettes_minuscules",
          "synonymes", "deux_points", "nombres_en_lettres", "espaces", "ocr_confusions", "deux_colonnes"]
# (colonnes_entrelacees is left out of the chain: a kind before it would change the lists it lays out.)


@kind("tout_leger")
def all_lightly(text, label, rng, others):
    """Four surface kinds drawn for the text, one after the other (a document that is at once re-typed,
    paginated and read by OCR); a kind that cannot rewrite the text is left out of the chain."""
    chosen = rng.sample(_LIGHT, 4)
    applied = 0
    for name in chosen:
        try:
            text = KINDS[name](text, label, random.Random(rng.random()), others)
            applied += 1
        except Skip:
            continue
    if not applied:
        raise Skip("aucune des variantes tirées ne s'applique")
    return text
