"""The never-seen synthetic documents of bench/corpus/inedits/ (issue #11): written the same way every
time, and labelled so that every label is held by its text (bench/corpus/README.md, « Convention
d'étiquetage »). These tests read the generator's output, never the reader's."""
from __future__ import annotations

import collections
import datetime as dt
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "corpus" / "inedits" / "ecrire.py"
SCHEMA = json.loads((ROOT / "bench" / "corpus" / "etiquette.schema.json").read_text(encoding="utf-8"))

_spec = importlib.util.spec_from_file_location("inedits_ecrire", SCRIPT)
ecrire = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ecrire)

MONTHS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
          "decembre")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


@pytest.fixture(scope="module")
def documents():
    return ecrire.generate()


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return ecrire.write(tmp_path_factory.mktemp("inedits"))


def fold(text: str) -> str:
    return ecrire.fold(text)


def tokens(text: str) -> list:
    return re.sub(r"[/.]", " ", fold(text)).split()


def printed_name(name: str, words: list) -> bool:
    """Whether the words of `name` stand together in the text, in either order (« Jean DUPONT »,
    « DUPONT Jean »)."""
    wanted = sorted(tokens(name))
    size = len(wanted)
    return any(sorted(words[i:i + size]) == wanted for i in range(len(words) - size + 1))


def date_forms(day: dt.date) -> list:
    """The ways a date is printed, written here apart from the generator: figures, the month in
    words, the whole date in words (« le douze mars » with the year « deux mille … » nearby)."""
    month = MONTHS[day.month - 1]
    first = "1er" if day.day == 1 else str(day.day)
    return [f"{day.day:02d}/{day.month:02d}/{day.year}", f"{day.day:02d}.{day.month:02d}.{day.year}",
            f"{day.day} {month} {day.year}", f"{first} {month} {day.year}"]


def date_printed(day: dt.date, text: str) -> bool:
    folded = fold(text)
    if any(form in folded for form in date_forms(day)):
        return True
    day_words = "premier" if day.day == 1 else fold(ecrire.words(day.day))
    return (f"le {day_words} {MONTHS[day.month - 1]}" in folded and fold(ecrire.words(day.year)) in folded) or \
        f"le {day.day} {MONTHS[day.month - 1]}" in folded and f"l an {day.year}" in folded


def test_generation_is_deterministic(tmp_path, documents):
    again = ecrire.generate()
    assert again == documents
    other = ecrire.generate(seed=ecrire.SEED + 1)
    assert [text for _, text, _ in other] != [text for _, text, _ in documents]


def test_same_documents_in_another_process(tmp_path):
    """The documents do not depend on the interpreter's string hashing (sets, dict order): two runs of the
    script under different hash seeds write the same bytes."""
    outputs = []
    for hash_seed in ("1", "2"):
        target = tmp_path / hash_seed
        subprocess.run([sys.executable, str(SCRIPT), str(target), "--nombre", "12"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": hash_seed})
        outputs.append({p.name: p.read_bytes() for p in (target / "gabarits" / "tenus").iterdir()})
    assert len(outputs[0]) == 24
    assert outputs[0] == outputs[1]


def test_files_are_where_the_bench_reads_them(written, documents):
    names = sorted(p.name for p in written.iterdir())
    assert names == sorted([f"{n}.txt" for n, _, _ in documents] + [f"{n}.json" for n, _, _ in documents])
    assert written.parts[-2:] == ("gabarits", "tenus")
    for name, text, label in documents:
        assert (written / f"{name}.txt").read_text(encoding="utf-8") == text
        assert json.loads((written / f"{name}.json").read_text(encoding="utf-8")) == label


def test_about_sixty_documents_a_third_each_kind(documents):
    assert 55 <= len(documents) <= 65
    kinds = collections.Counter(label["type"] for _, _, label in documents)
    for kind in ("commune", "epci", "syndicat"):
        assert abs(kinds[kind] - len(documents) / 3) <= 2, kinds
    sizes = collections.Counter(f for _, _, label in documents for f in label["flags"] if f.startswith("kind_commune"))
    assert abs(sizes["kind_commune_petite"] - sizes["kind_commune_grande"]) <= 1


def test_eras_spread_within_each_kind(documents):
    spread = collections.Counter()
    for _, _, label in documents:
        kind = next(f for f in label["flags"] if f.startswith("kind_"))
        era = next(f for f in label["flags"] if f.startswith("era_"))
        spread[(kind, era)] += 1
        year = int(label["meeting_datetime"][:4])
        assert {"era_avant2020": year < 2020, "era_covid": 2020 <= year <= 2022,
                "era_apres2022": year >= 2022}[era], (label["meeting_datetime"], era)
    for kind in ("kind_commune_petite", "kind_commune_grande", "kind_epci", "kind_syndicat"):
        for era in ("era_avant2020", "era_covid", "era_apres2022"):
            assert spread[(kind, era)] >= 3, (kind, era, spread)


def test_layouts_vary(documents):
    flags = collections.Counter(f for _, _, label in documents for f in set(label["flags"]))
    for prefix, least in (("doc_", 4), ("list_", 7), ("proxies_", 6), ("opening_", 4), ("heading_", 6),
                          ("counts_", 5)):
        kinds = {f for f in flags if f.startswith(prefix)}
        assert len(kinds) >= least, (prefix, kinds)
    for noise in ("apostrophes_lost", "flattened", "ocr_noise", "hyphenated", "page_furniture"):
        assert 5 <= flags[noise] <= len(documents) - 5, (noise, flags[noise])


def test_labels_follow_the_schema(documents):
    for name, _, label in documents:
        jsonschema.validate(label, SCHEMA)


def test_every_labelled_date_is_printed(documents):
    checked = 0
    for name, text, label in documents:
        for key in ("meeting_datetime", "convocation_date", "posting_date", "online_publication_date",
                    "prefecture_receipt_date"):
            if label[key]:
                assert date_printed(dt.date.fromisoformat(label[key][:10]), text), (name, key, label[key])
                checked += 1
        if label["act_identifier"]:
            assert label["act_identifier"] in text, name
    assert checked > 150


def test_dates_keep_their_order(documents):
    for name, _, label in documents:
        meeting = dt.date.fromisoformat(label["meeting_datetime"][:10])
        if label["convocation_date"]:
            assert dt.date.fromisoformat(label["convocation_date"]) < meeting, name
        for key in ("posting_date", "online_publication_date", "prefecture_receipt_date"):
            if label[key]:
                assert dt.date.fromisoformat(label[key]) > meeting, (name, key)


def test_online_publication_by_period(documents):
    """Before 1 July 2022 a bare « Publié le » says neither posting nor online (the convention): the
    stamp then prints « Affiché le », and an online date is labelled only where the text says where."""
    for name, text, label in documents:
        if label["online_publication_date"] and label["meeting_datetime"] < "2022-07-01":
            assert re.search(r"site internet|mis en ligne", fold(text)), name


def test_printed_weekdays_fit_their_dates(documents):
    pattern = re.compile(r"\b(" + "|".join(WEEKDAYS) + r") (\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})")
    seen = 0
    for name, text, _ in documents:
        for weekday, day, month, year in pattern.findall(fold(text)):
            date = dt.date(int(year), MONTHS.index(month) + 1, int(day))
            assert WEEKDAYS[date.weekday()] == weekday, (name, weekday, date)
            seen += 1
    assert seen >= 5


def test_meeting_time_is_printed(documents):
    for name, text, label in documents:
        if "T" in label["meeting_datetime"]:
            hour, minute = (int(x) for x in label["meeting_datetime"][11:].split(":"))
            folded = fold(text)
            forms = [f"{hour}h{minute:02d}", f"{hour} h {minute:02d}", f"{hour} heures {minute:02d}", f"heure {hour:02d} {minute:02d}",
                     fold(ecrire.time_fr(hour, minute, "words"))]
            if minute == 0:
                forms += [f"{hour}h", f"{hour} heures"]
            assert any(form in folded for form in forms), (name, label["meeting_datetime"])


def test_counts_add_up(documents):
    voters = pairs = whole = 0
    for name, _, label in documents:
        present, represented = label["present"], label["represented"]
        if label["voters"] is not None and present is not None and represented is not None:
            assert label["voters"] == present + represented, name
            voters += 1
        if label["proxies"]:
            assert len(label["proxies"]) == represented, name
            pairs += 1
        office = label["members_in_office"]
        if office is not None and present is not None and represented is not None:
            absent = office - present - represented
            assert absent >= 0, name
            if "absents_named" in label["flags"]:
                assert absent == len(label["absent_without_proxy"]), name
                whole += 1
        vote = label["vote"]
        if None not in (vote["pour"], vote["contre"], vote["abstention"]) and label["voters"] is not None:
            assert vote["pour"] + vote["contre"] + vote["abstention"] == label["voters"], name
        if vote["unanimite"] is False:
            assert (vote["contre"] or 0) + (vote["abstention"] or 0) > 0, name
        if vote["unanimite"] is True:
            assert not vote["contre"] and not vote["abstention"], name
    assert voters >= 30 and pairs >= 20 and whole >= 8, (voters, pairs, whole)


def test_represented_zero_only_without_any_proxy(documents):
    for name, text, label in documents:
        if label["represented"] == 0:
            assert not label["proxies"]
            assert not re.search(r"pouvoir (?:a|de)|procuration a|represente[e]? par", fold(text)), name


def test_every_labelled_name_is_printed(documents):
    checked = 0
    for name, text, label in documents:
        words = tokens(text)
        people = [n for pair in label["proxies"] for n in pair] + label["absent_without_proxy"]
        if label["secretary"]:
            people += label["secretary"].split(" et ")
        if label["president"]:
            people.append(re.sub(r"\s*\(.*\)$", "", label["president"]))
        for person in people:
            assert printed_name(person, words), (name, person)
            checked += 1
        body = re.sub(r"^(?:commune|ville) de ", "", fold(label["collectivite"]))
        assert body in " ".join(words), (name, label["collectivite"])
    assert checked > 200


def test_one_person_one_surname(documents):
    """Each surname names one person in a document, so a name printed alone is never ambiguous."""
    for name, _, label in documents:
        people = {n for pair in label["proxies"] for n in pair} | set(label["absent_without_proxy"])
        by_surname = collections.defaultdict(set)
        for person in people:
            by_surname[person.split()[-1] if person.split()[-1].isupper() else person].add(person)
        for surname, names in by_surname.items():
            full = {n for n in names if " " in n and n.split()[-1] == surname}
            assert len(full) <= 1, (name, names)


def test_blind_to_the_reader():
    """The generator imports nothing of the reader and reads none of the older synthetic documents."""
    source = SCRIPT.read_text(encoding="utf-8")
    assert not re.search(r"checker\.reader|checker/reader|fabrique|test_reader|test_lecture", source)
    assert "referentiel" in source
