"""The extra labelled texts of bench/corpus: every label keeps the shared corpus's format, its text can be
rebuilt from the public source exactly as it was labelled, and it sits in the part the split rule of
scripts/corpus_extra.py gives it.

The texts are not committed (they belong to their source): the tests rebuild them in a temporary
folder when the source snapshot is on the machine. They look at labels and texts only through their
structure and fingerprints: nobody reads the validation texts."""
import datetime
import json
import shutil

import jsonschema
import pytest
from conftest import ROOT, load_script
CORPUS = ROOT / "bench" / "corpus"
SCHEMA = json.loads((CORPUS / "etiquette.schema.json").read_text(encoding="utf-8"))
LABELS = sorted(CORPUS.glob("*/[0-9][0-9][0-9].json"))
DATES = ("convocation_date", "posting_date", "online_publication_date", "prefecture_receipt_date")


def _script():
    return load_script(ROOT / "scripts" / "corpus_extra.py")


def test_there_are_labelled_texts_in_both_parts():
    parts = {path.parent.name for path in LABELS}
    assert parts == {"reglage", "validation"}


def _is_date(text, parse):
    try:
        parse(text)
    except ValueError:
        return False
    return True


# Validation labels must never be shown to anyone running the tests: the checks below report the
# field at fault, never its value.
@pytest.mark.parametrize("path", LABELS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_label_follows_the_format(path):
    label = json.loads(path.read_text(encoding="utf-8"))
    faults = [f"{'/'.join(map(str, e.path)) or '(racine)'} : {e.validator}"
              for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(label)]
    assert faults == []
    bad_dates = [key for key in DATES if label[key] is not None and not _is_date(label[key], datetime.date.fromisoformat)]
    if label["meeting_datetime"] and not _is_date(label["meeting_datetime"], datetime.datetime.fromisoformat):
        bad_dates.append("meeting_datetime")
    assert bad_dates == []
    out_of_order = [(first, second) for first, second in (("convocation_date", "meeting_datetime"),
                                                          ("meeting_datetime", "posting_date"),
                                                          ("meeting_datetime", "prefecture_receipt_date"))
                    if label[first] and label[second] and label[first][:10] > label[second][:10]]
    assert out_of_order == []
    too_many = label["present"] is not None and label["members_in_office"] is not None \
        and label["present"] > label["members_in_office"]
    assert not too_many, "présents > en exercice"


def test_every_label_has_a_recorded_text_fingerprint_and_back():
    recorded = json.loads((CORPUS / "empreintes.json").read_text(encoding="utf-8"))
    assert sorted(recorded) == sorted(path.stem for path in LABELS)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*/[0-9][0-9][0-9].txt")), ids=lambda p: p.name)
def test_a_text_present_here_is_the_one_labelled(path):
    recorded = json.loads((CORPUS / "empreintes.json").read_text(encoding="utf-8"))
    assert path.with_suffix(".json").exists()
    assert _script().sha256(path.read_text(encoding="utf-8")) == recorded[path.stem]


def _missing_sources(script):
    """The sources of selected texts whose snapshot is not on this machine."""
    missing = [] if script._git_dir(script.source_dir()).is_dir() else [script.REPOSITORY]
    for name in {script.other_source(ident)[0] for _, ident, *_ in script.SELECTION if script.other_source(ident)}:
        if not script._git_dir(script.other_source_dir(name)).is_dir():
            missing.append(script.OTHER_SOURCES[name][0])
    return missing


def test_every_text_is_rebuilt_from_its_source_as_labelled(tmp_path):
    script = _script()
    shared = script.shared_corpus()
    if _missing_sources(script) or not (shared / "real").is_dir():
        pytest.skip(f"sources {_missing_sources(script)} ou ../shared/corpus absentes de cette machine")
    source = script.source_dir()
    shutil.copy(CORPUS / "empreintes.json", tmp_path / "empreintes.json")
    messages = []
    assert script.build(source, shared, tmp_path, report=messages.append) == 0, messages
    for label in LABELS:
        text = tmp_path / label.parent.name / f"{label.stem}.txt"
        assert text.is_file() and text.stat().st_size > 500, label.name


def test_every_placed_text_has_a_label_unless_withdrawn():
    script = _script()
    placed = {f"{number:03d}" for number, *_ in script.placement()}
    assert sorted(path.stem for path in LABELS) == sorted(placed - set(script.WITHDRAWN))
    assert set(script.WITHDRAWN) <= placed


def test_texts_sit_in_the_part_the_split_rule_gives():
    placed = {f"{number:03d}": (part, kind) for number, part, kind, _ in _script().placement()}
    for path in LABELS:
        part, kind = placed[path.stem]
        assert path.parent.name == part, path.name
        assert json.loads(path.read_text(encoding="utf-8"))["type"] == kind, path.name


def test_split_rule_alternates_within_each_kind_and_never_moves_a_placed_text():
    script = _script()
    placed = script.placement()
    numbers = [number for number, *_ in placed]
    assert numbers == list(range(script.FIRST_NUMBER, script.FIRST_NUMBER + len(placed)))
    taking_turns = {number for number, (_, _, *given) in zip(numbers, script.SELECTION) if not given}
    for kind in script.KINDS:
        parts = [part for number, part, k, _ in placed if k == kind and number in taking_turns]
        assert parts == ["reglage" if i % 2 == 0 else "validation" for i in range(len(parts))]
    for extra in (("syndicat", "9999/exemple.pdf"), ("commune", "9999/autre.pdf", "validation")):
        script.SELECTION.append(extra)
        try:
            assert script.placement()[:len(placed)] == placed
        finally:
            script.SELECTION.pop()


def test_a_part_given_by_body_is_a_known_part_and_does_not_shift_the_turns():
    script = _script()
    assert all(entry[2] in script.PARTS for entry in script.SELECTION if len(entry) == 3)
    assert all(len(entry) in (2, 3) for entry in script.SELECTION)
    before = script.placement()
    script.SELECTION.append(("syndicat", "9999/donne.pdf", "reglage"))
    script.SELECTION.append(("syndicat", "9999/tour.pdf"))
    try:
        after = script.placement()
    finally:
        del script.SELECTION[-2:]
    turns = [part for (_, _, *given), (_, part, kind, _) in zip(script.SELECTION, before) if kind == "syndicat" and not given]
    assert after[-2][1] == "reglage"
    assert after[-1][1] == ("reglage" if len(turns) % 2 == 0 else "validation")


def test_a_text_already_in_the_shared_corpus_is_refused():
    script = _script()
    text = "PROCES-VERBAL DU CONSEIL MUNICIPAL " * 20
    prints = {script.fingerprint(text)}
    assert script.already_labelled("1/x.pdf", "  " + text.lower(), prints, [])
    assert not script.already_labelled("1/x.pdf", "Autre texte " * 40, prints, [])
    ids = [("2965/6335018", "_bureau.pdf"), ("1086/ee2ec_2023_1_1.pdf", "")]
    assert script.already_labelled("2965/6335018aa_bureau.pdf", "x", set(), ids)
    assert script.already_labelled("1086/ee2ec_2023_1", "x", set(), ids)
    assert not script.already_labelled("1086/ff_2023.pdf", "x", set(), ids)


def test_a_rebuilt_text_that_differs_from_the_labelled_one_is_refused(tmp_path):
    script = _script()
    source, shared = script.source_dir(), script.shared_corpus()
    if not script._git_dir(source).is_dir() or not (shared / "real").is_dir():
        pytest.skip(f"source {script.REPOSITORY} ou ../shared/corpus absents de cette machine")
    recorded = json.loads((CORPUS / "empreintes.json").read_text(encoding="utf-8"))
    first = min(recorded)
    recorded[first] = "0" * 64
    (tmp_path / "empreintes.json").write_text(json.dumps(recorded), encoding="utf-8")
    messages = []
    assert script.build(source, shared, tmp_path, report=messages.append) == 1
    assert messages and messages[0].startswith(f"{first} : ") and "diffère" in messages[0]


# Words of a kind of body, not of one body: « énergies » names the competence of every energy syndicate (the SIEML, the
# SIPPEREC, the SDE of each département), as « syndicat » names their form.
GENERIC_WORDS = {"commune", "communes", "communaute", "agglomeration", "bureau", "communautaire", "saint",
                 "sainte", "syndicat", "intercommunal", "metropole", "conseil", "grand", "ville", "energie", "energies"}


def _distinctive_words(name):
    import re
    import unicodedata
    plain = unicodedata.normalize("NFKD", re.sub(r"\(.*?\)| [—–] .*$", "", name or ""))
    plain = plain.encode("ascii", "ignore").decode().lower()
    return {word for word in re.split(r"[^a-z]+", plain) if len(word) > 4 and word not in GENERIC_WORDS}


def test_no_text_is_another_document_of_a_meeting_of_the_shared_corpus():
    """Same meeting date and a distinctive word of the body's name in common with a label of
    ../shared/corpus/real: the same facts would sit in two parts. Only our numbers are reported."""
    shared = _script().shared_corpus() / "real"
    if not shared.is_dir():
        pytest.skip("../shared/corpus absent de cette machine")
    meetings = []
    for path in shared.glob("*.json"):
        label = json.loads(path.read_text(encoding="utf-8"))
        meetings.append(((label.get("meeting_datetime") or "")[:10], _distinctive_words(label.get("collectivite"))))
    clashes = []
    for path in LABELS:
        label = json.loads(path.read_text(encoding="utf-8"))
        date, words = (label["meeting_datetime"] or "")[:10], _distinctive_words(label["collectivite"])
        if date and any(date == other_date and words & other_words for other_date, other_words in meetings):
            clashes.append(path.stem)
    assert clashes == []


def test_every_selected_id_names_the_loria_table_or_a_known_other_source():
    """An id « name:path » must name one of OTHER_SOURCES (a typo would send it to the LORIA table)."""
    script = _script()
    for _, ident, *_ in script.SELECTION:
        name, sep, path = ident.partition(":")
        if sep and not ident.startswith("http"):
            assert script.other_source(ident) == (name, path), ident
            assert path.endswith((".pdf", ".txt", ".html", ".md")), ident


def _pdf(*pages: bytes) -> bytes:
    """A PDF whose pages draw the given text operators in Helvetica."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
    import io
    writer = PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    for operators in pages:
        page = writer.add_blank_page(width=400, height=200)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        stream = DecodedStreamObject()
        stream.set_data(operators)
        page[NameObject("/Contents")] = writer._add_object(stream)
    data = io.BytesIO()
    writer.write(data)
    return data.getvalue()


def test_a_pdf_text_is_whitespace_cleaned_only():
    """The extraction keeps every word and line of the PDF's text layer; only no-break spaces, runs of
    spaces and blank lines are cleaned."""
    data = _pdf(b"BT /F1 12 Tf 20 150 Td (Presents :   Jean-Pierre, Yves) Tj 0 -40 Td (Absent : Marc) Tj ET")
    text = _script().pdf_text(data)
    assert text == "Presents : Jean-Pierre, Yves\nAbsent : Marc\n"


def test_an_html_document_gives_a_line_per_paragraph_with_its_words_only():
    """A word processor's document saved as HTML: its head and styles are no text, a paragraph's own line wraps and
    runs of spaces are single spaces, a paragraph, heading, table row or line break ends a line, entities are read."""
    page = (b'<html><head><title>COMPTE RENDU</title><style>p { color: #000 }</style></head><body>'
            b'<h1>CONSEIL\nMUNICIPAL</h1><p><u>Pr\xc3\xa9sents&nbsp;</u>:\nDaniel <span>Jugy</span>,   Odile'
            b' Mouzard.<br/>Absente : Karine Esmiol.</p><p> </p><table><tr><td>En exercice</td><td>15</td></tr>'
            b'<tr><td>Pr\xc3\xa9sents</td><td>9</td></tr></table><script>var x = 1;</script></body></html>')
    assert _script().html_text(page) == ("CONSEIL MUNICIPAL\nPrésents : Daniel Jugy, Odile Mouzard.\n"
                                         "Absente : Karine Esmiol.\nEn exercice 15\nPrésents 9\n")


def test_a_long_pdf_read_only_up_to_the_cut_gives_the_text_of_the_whole_pdf_cut():
    """Reading the pages of a long PDF stops past the cut; the text kept must be exactly the whole text cut,
    wherever the cut falls (inside a page, at a page's last line, past the end)."""
    script = _script()
    pages = [b"BT /F1 12 Tf 20 150 Td (Page %d ligne une) Tj 0 -40 Td (Page %d ligne deux) Tj ET" % (n, n)
             for n in range(1, 6)]
    data = _pdf(*pages)
    whole = script.pdf_text(data)
    assert whole.count("\n") == 10
    for cut in range(0, len(whole) + 5):
        assert script.cut_text(script.pdf_text(data, cut), cut) == script.cut_text(whole, cut), cut
    assert len(script.pdf_text(data, 10)) < len(whole)


# From this number on, texts are chosen so that every body's texts sit in one part; the Brenne texts chosen
# before (103 in validation, 106 and 127 in tuning) stay where the rule placed them.
ONE_SIDE_FROM = 138


def _side_of_shared(stem):
    return "validation" if int(stem) >= 56 and int(stem) % 2 == 1 else "reglage"


def test_a_body_new_texts_sit_in_the_same_part_as_its_other_texts():
    """Two texts of one body in two parts would teach the tuning part the layout the validation part
    measures. Compared by the distinctive words of the body's name; only our numbers are reported."""
    ours = []
    for path in LABELS:
        label = json.loads(path.read_text(encoding="utf-8"))
        ours.append((path.stem, path.parent.name, _distinctive_words(label["collectivite"])))
    others = list(ours)
    shared = _script().shared_corpus() / "real"
    for path in shared.glob("*.json") if shared.is_dir() else []:
        label = json.loads(path.read_text(encoding="utf-8"))
        others.append((None, _side_of_shared(path.stem), _distinctive_words(label.get("collectivite"))))
    split = sorted({stem for stem, part, words in ours if int(stem) >= ONE_SIDE_FROM
                    for other, other_part, other_words in others
                    if other != stem and words & other_words and other_part != part})
    assert split == []


def test_a_long_text_is_cut_at_the_end_of_a_line():
    script = _script()
    text = "ligne une\nligne deux\nligne trois\n"
    assert script.cut_text(text, 12) == "ligne une\nligne deux\n"
    assert script.cut_text(text, None) == text
    assert script.cut_text(text, 500) == text


def test_a_label_from_another_source_cites_its_repository_commit_and_id():
    script = _script()
    placed = {f"{number:03d}": ident for number, _, _, ident in script.placement()}
    for path in LABELS:
        ident = placed[path.stem]
        other = script.other_source(ident)
        source = json.loads(path.read_text(encoding="utf-8"))["source"]
        if other:
            repository, commit = script.OTHER_SOURCES[other[0]][:2]
            assert repository in source and commit in source and f"id={ident}" in source, path.name
        else:
            assert script.COMMIT in source and f"doc_id={ident}" in source, path.name


def test_a_name_scores_the_same_with_a_straight_or_a_typographic_apostrophe():
    """Labels copy names with one apostrophe or the other; the text as extracted keeps its own. A name must
    not count as wrong for that alone, nor two different names become the same."""
    bench = load_script(ROOT / "bench" / "reader_accuracy.py")
    assert bench.person("Fouad EL M'KHANTER") == bench.person("Fouad EL M\u2019KHANTER")
    assert bench.person("C.O. N\u2019DIAYE") == bench.person("C.O. N'DIAYE")
    assert bench.person("Fouad EL M'KHANTER") != bench.person("Fouad EL KHANTER")


def _git_source(tmp_path, files: dict) -> str:
    """A git repository holding `files` (path → bytes) in one commit, as a source snapshot; its commit."""
    import subprocess
    for name, data in files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "s"], check=True)
    return subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()


def test_a_stored_text_is_taken_as_stored_and_cut_at_the_end_of_a_line(tmp_path, monkeypatch):
    """A source that stores the text it extracted: the script keeps it byte for byte, only cut."""
    script = _script()
    text = "Séance du 4 mars\nPrésents : Jean DUPONT, Marie MARTIN\nAbsent : Paul DURAND\n"
    commit = _git_source(tmp_path, {"textes/cm.txt": text.encode("utf-8")})
    monkeypatch.setitem(script.OTHER_SOURCES, "essai", ("github:x/y", commit, tmp_path, "essai", 20))
    assert script.text_from_other_source("essai:textes/cm.txt") == "Séance du 4 mars\nPrésents : Jean DUPONT, Marie MARTIN\n"


def test_a_document_inside_a_zip_archive_is_read_from_its_member(tmp_path, monkeypatch):
    """« archive.zip!member.pdf » names one PDF of an archive the source publishes as one file: its text layer is
    read, the archive's other members are not."""
    import io
    import zipfile
    script = _script()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("seances/pv.pdf", _pdf(b"BT /F1 12 Tf 20 150 Td (Presents : Jean DUPONT) Tj ET"))
        bundle.writestr("seances/autre.pdf", _pdf(b"BT /F1 12 Tf 20 150 Td (Autre seance) Tj ET"))
    commit = _git_source(tmp_path, {"donnees/pv.zip": archive.getvalue()})
    monkeypatch.setitem(script.OTHER_SOURCES, "essai", ("github:x/y", commit, tmp_path, "essai", None))
    assert script.text_from_other_source("essai:donnees/pv.zip!seances/pv.pdf") == "Presents : Jean DUPONT\n"
    assert script.other_source("essai:donnees/pv.zip!seances/pv.pdf") == ("essai", "donnees/pv.zip!seances/pv.pdf")


def test_a_stored_markdown_text_drops_the_sources_own_heading(tmp_path, monkeypatch):
    """A source that stores its extraction as Markdown heads it with its own lines (file name, PDF) and « --- »:
    only what follows is the document's text, kept as stored; a file without that line is kept whole."""
    script = _script()
    stored = "# cr-2025\n\nSource : cr-2025.pdf\n\n---\n\n— Page 1 —\nSéance du 4 mars\nPrésents : Jean DUPONT\n"
    commit = _git_source(tmp_path, {"static/cr.md": stored.encode("utf-8"),
                                    "static/nu.md": "Séance du 5 mars\n--- suite\n".encode("utf-8")})
    monkeypatch.setitem(script.OTHER_SOURCES, "essai", ("github:x/y", commit, tmp_path, "essai", None))
    assert script.text_from_other_source("essai:static/cr.md") == "— Page 1 —\nSéance du 4 mars\nPrésents : Jean DUPONT\n"
    assert script.text_from_other_source("essai:static/nu.md") == "Séance du 5 mars\n--- suite\n"
