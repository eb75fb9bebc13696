"""The synthetic minutes of syndicates, EPCI and communes in bench/corpus/gabarits: each label keeps the corpus's format and
agrees with its text (the automatic checks every label of the corpus gets), and the committed files are the ones
the generator writes."""
import datetime
import json
import re
import unicodedata

import jsonschema
import pytest
from conftest import ROOT, load_script

HERE = ROOT / "bench" / "corpus" / "gabarits"
SCHEMA = json.loads((ROOT / "bench" / "corpus" / "etiquette.schema.json").read_text(encoding="utf-8"))
LABELS = sorted(HERE.glob("*/g[0-9][0-9].json"))
MONTHS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
          "decembre"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def _fabrique():
    return load_script(HERE / "fabrique.py")


def _plain(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def test_the_committed_files_are_the_ones_the_generator_writes():
    written = _fabrique().write(HERE)
    on_disk = {f"{p.parent.name}/{p.name}" for p in HERE.glob("*/g[0-9][0-9].*")}
    assert set(written) == on_disk
    assert [name for name, content in written.items() if (HERE / name).read_text(encoding="utf-8") != content] == []


def test_thirty_documents_or_more_a_third_held_out_and_every_kind_and_era_in_both_parts():
    labels = [(p.parent.name, json.loads(p.read_text(encoding="utf-8"))) for p in LABELS]
    assert len(labels) >= 30
    held = [label for part, label in labels if part == "tenus"]
    assert len(labels) // 4 <= len(held) <= len(labels) // 2
    for part in ("reglage", "tenus"):
        kinds = {label["type"] for p, label in labels if p == part}
        eras = {flag for p, label in labels if p == part for flag in label["flags"] if flag.startswith("era_")}
        assert kinds == {"syndicat", "epci", "commune"}
        assert eras == {"era_pre2020", "era_covid", "era_post2022"}


def test_every_layout_of_the_generator_is_used():
    fabrique = _fabrique()
    assert {m.layout for m in fabrique.DOCUMENTS} == set(fabrique.RENDERERS)


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.stem)
def test_label_follows_the_format_and_adds_up(path):
    label = json.loads(path.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(label)) == []
    assert "synthetic" in label["flags"]
    present, represented = label["present"], label["represented"]
    assert label["voters"] == present + represented
    assert len(label["proxies"]) == represented
    seats = label["members_in_office"]
    if seats is not None and "absents_not_named" not in label["flags"]:
        assert present + represented + len(label["absent_without_proxy"]) == seats
    if seats is not None:
        assert present <= seats
    vote = label["vote"]
    if vote["unanimite"] is False:
        assert vote["pour"] + vote["contre"] + vote["abstention"] == label["voters"]


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.stem)
def test_every_printed_weekday_fits_its_date_and_every_labelled_name_is_printed(path):
    label = json.loads(path.read_text(encoding="utf-8"))
    text = _plain(path.with_suffix(".txt").read_text(encoding="utf-8"))
    found = re.findall(rf"\b({'|'.join(DAYS)}) (1er|\d{{1,2}}) ({'|'.join(MONTHS)}) (\d{{4}})", text)
    for weekday, day, month, year in found:
        date = datetime.date(int(year), MONTHS.index(month) + 1, 1 if day == "1er" else int(day))
        assert DAYS[date.weekday()] == weekday, (weekday, day, month, year)
    names = [n for pair in label["proxies"] for n in pair] + label["absent_without_proxy"]
    names += [n for n in (label["secretary"], label["president"]) if n]
    for name in names:
        surname = _plain(max(name.split(" "), key=len))
        assert re.search(rf"\b{re.escape(surname)}\b", text), name
    meeting = datetime.date.fromisoformat(label["meeting_datetime"][:10])
    assert str(meeting.year) in text or "deux mil" in text


def test_no_invented_siren_names_a_real_body():
    """An ACTES identifier's SIREN names its transmitter in the reference data: an invented one that happens to be a
    real body's would make the reader right to read another body than the heading's."""
    from checker.reader import lexique
    if not lexique.available():
        pytest.skip("données de référence absentes")
    for path in LABELS:
        act = json.loads(path.read_text(encoding="utf-8"))["act_identifier"]
        if act:
            assert lexique.body_of_siren(act.split("-")[1]) is None, path.stem


def test_layouts_written_only_for_the_held_out_part_have_no_tuned_document():
    """The honest generalisation figure: layouts nobody tunes on (three of session 13, five of session 14)."""
    fabrique = _fabrique()
    held_only = fabrique.HELD_OUT_LAYOUTS
    assert len(held_only) >= 8
    used = {m.layout: set() for m in fabrique.DOCUMENTS}
    for m in fabrique.DOCUMENTS:
        used[m.layout].add(m.part)
    assert all(used.get(layout) == {"tenus"} for layout in held_only)
    assert {layout for layout, parts in used.items() if parts == {"tenus"}} == held_only


def test_the_never_tuned_layouts_can_be_scored_alone(tmp_path):
    fabrique = _fabrique()
    assert fabrique.main(["--jamais-vus", str(tmp_path)]) == 0
    copied = sorted(p.stem for p in (tmp_path / "gabarits" / "tenus").glob("g*.json"))
    assert copied == sorted(m.ident for m in fabrique.DOCUMENTS if m.layout in fabrique.HELD_OUT_LAYOUTS)
    assert len(copied) >= 15
    assert list((tmp_path / "gabarits" / "reglage").iterdir()) == []


def test_every_commune_is_invented():
    """A commune's minutes name their commune: an invented one must not be a real commune, whose council the text
    would then seem to describe."""
    from checker.reader import lexique
    if not lexique.available():
        pytest.skip("données de référence absentes")
    communes = [json.loads(p.read_text(encoding="utf-8"))["collectivite"] for p in LABELS]
    communes = [name.removeprefix("Commune de ") for name in communes if name.startswith("Commune de ")]
    assert len(communes) >= 25
    assert [name for name in communes if lexique.is_commune(name)] == []


def test_the_readme_names_every_held_out_document_and_only_them():
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    listed = readme[readme.index("- `tenus/`"):readme.index("Both parts hold")]
    assert sorted(set(re.findall(r"\bg\d\d\b", listed))) == sorted(p.stem for p in HERE.glob("tenus/g[0-9][0-9].json"))


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.stem)
def test_a_labelled_time_is_printed_and_an_unprinted_one_is_not_labelled(path):
    label = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8").lower()
    fabrique = _fabrique()
    if "T" not in label["meeting_datetime"]:
        assert not re.search(r"\b\d{1,2} ?h ?\d{2}\b|\b\d{1,2} ?(?:h|heures)\b", text)
        return
    hour, minute = (int(x) for x in label["meeting_datetime"][11:].split(":"))
    forms = [f"{hour}h{minute:02d}", f"{hour} h {minute:02d}", f"{hour}h {minute:02d}", f"{hour} heures {minute:02d}",
             fabrique.hour_words(hour, minute)]
    if minute == 0:
        forms += [f"{hour} h", f"{hour} heures", f"{hour}h"]
    assert any(form in text for form in forms), label["meeting_datetime"]
