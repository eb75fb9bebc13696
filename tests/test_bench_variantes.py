"""The variants bench (bench/variantes.py): deterministic, label-preserving kinds, tuning texts only,
and the strict scoring of bench/reader_accuracy.py."""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from text_to_num import alpha2digit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import reader_accuracy as accuracy  # noqa: E402
import variantes  # noqa: E402
import variantes_kinds as kinds  # noqa: E402

DATA = ROOT / "tests" / "data"


def _sources():
    found = []
    for stem in ("006", "014", "018"):
        found.append(kinds.Source(f"{stem}.txt", (DATA / "corpus" / f"{stem}.txt").read_text(encoding="utf-8"),
                                  json.loads((DATA / "corpus" / f"{stem}.labels.json").read_text(encoding="utf-8")),
                                  "reglage"))
    name = "villeneuve-dascq-2023-12-19"
    found.append(kinds.Source(f"{name}.txt", (DATA / "corpus" / f"{name}.txt").read_text(encoding="utf-8"),
                              json.loads((DATA / f"{name}.labels.json").read_text(encoding="utf-8")), "reglage"))
    return found


SOURCES = _sources()
ALL = [(source, name) for source in SOURCES for name in kinds.KINDS]
# Another meeting for the kinds that join two: 014's text, as if it had met in January with no stamp.
OTHERS = SOURCES + [kinds.Source("014-janvier.txt", SOURCES[1].text + "\n",
                                 {**SOURCES[1].label, "meeting_datetime": "2023-01-12T18:00"}, "reglage")]


def _variant(source, name):
    try:
        return kinds.variant(source, name, OTHERS)
    except kinds.Skip:
        return None


@pytest.mark.parametrize("source,name", ALL, ids=[f"{s.name[:3]}-{k}" for s, k in ALL])
def test_every_kind_is_deterministic(source, name):
    first, second = _variant(source, name), _variant(source, name)
    assert first == second


@pytest.mark.parametrize("name", [k for k in kinds.KINDS if k != "identite"])
def test_every_kind_rewrites_some_text(name):
    """A kind that changed nothing would measure nothing."""
    rewritten = [(v, s) for v, s in ((_variant(s, name), s) for s in SOURCES) if v is not None]
    assert rewritten or name in ("lignes_jointes", "presence_deplacee", "colonnes_entrelacees"), \
        f"{name} saute tous les textes d'essai"
    assert any(v != s.text for v, s in rewritten) or not rewritten


def test_seed_differs_by_text_and_kind():
    draws = {(doc, k): kinds.seed(doc, k).random() for doc in ("006.txt", "014.txt") for k in ("espaces", "cesure")}
    assert len(set(draws.values())) == 4


def _plain(text: str) -> str:
    """A text as a careful reader compares it: hyphenation across lines undone, accents, case, apostrophes
    and punctuation ignored, numbers in words as digits."""
    text = re.sub(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])", "", text)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = re.sub(r"[’'\u00a0\t]", " ", text)
    text = re.sub(r"\bzero\b", "0", alpha2digit(text.lower(), "fr", threshold=0))
    return " " + " ".join(re.findall(r"[a-z0-9]+", text)) + " "


def _evidence(label: dict) -> list[str]:
    """What the text must show for each labelled value: the digits of counts, the words of names."""
    found = []
    for key in ("members_in_office", "present", "represented", "voters"):
        if label.get(key) is not None:
            found.append(str(label[key]))
    for key in ("pour", "contre", "abstention"):
        if (label.get("vote") or {}).get(key) is not None:
            found.append(str(label["vote"][key]))
    names = [n for pair in label.get("proxies") or [] for n in pair] + list(label.get("absent_without_proxy") or [])
    names += [label.get("secretary") or ""]
    for name in names:
        found += [w for w in _plain(accuracy.label_value(name) or "").split() if len(w) > 2]
    return found


@pytest.mark.parametrize("source,name", ALL, ids=[f"{s.name[:3]}-{k}" for s, k in ALL])
def test_every_kind_keeps_the_evidence_of_every_label(source, name):
    text = _variant(source, name)
    if text is None:
        return
    before, after = _plain(source.text), _plain(text)
    shown = [e for e in _evidence(source.label) if f" {e} " in before]
    assert shown, "l'essai ne vérifierait rien"
    lost = [e for e in shown if f" {e} " not in after]
    assert not lost


def test_counts_in_words_are_written_by_num2words():
    source = SOURCES[0]
    text = kinds.variant(source, "nombres_en_lettres")
    assert "Présents : vingt-sept" in text and "Présents : 27" not in text


def test_the_earlier_meeting_comes_before_the_opening_formula_and_repeats_the_labelled_vote():
    source = SOURCES[3]
    text = kinds.variant(source, "seance_anterieure")
    quoted = text.index("Approbation du procès-verbal de la séance du")
    assert quoted < kinds._OPENING.search(text).start()
    assert quoted > 0 and "Approbation du procès-verbal" not in source.text
    assert "à l'unanimité" in text[quoted:quoted + 200]


def test_the_own_stamp_repeats_the_labelled_receipt_date_and_no_identifier_the_bench_cannot_score():
    source = SOURCES[2]
    text = kinds.variant(source, "tampon_acte")
    assert text.count("Reçu en préfecture le 23/02/2023") >= 2
    # « 2023-021 » holds a hyphen: not an ACTES identifier as the bench reads labels, so none is printed.
    assert text.count("ID :") == source.text.count("ID :")


def test_the_own_stamp_repeats_an_actes_identifier():
    label = {**SOURCES[2].label, "act_identifier": "065-200070787-20230216-2023_021-DE (délibération)"}
    source = kinds.Source("018.txt", SOURCES[2].text, label, "reglage")
    text = kinds.variant(source, "tampon_acte")
    assert text.count("ID : 065-200070787-20230216-2023_021-DE") >= 2


def test_the_earlier_stamp_is_dated_before_the_meeting():
    for source in SOURCES:
        text = kinds.variant(source, "tampon_anterieur")
        meeting = source.label["meeting_datetime"][:10]
        for day, month, year in re.findall(r"Reçu en préfecture le (\d\d)/(\d\d)/(\d{4})", text[len(source.text) // 10:]):
            if f"Reçu en préfecture le {day}/{month}/{year}" not in source.text:
                assert f"{year}-{month}-{day}" < meeting


def test_a_second_extract_is_another_meeting_after_the_text():
    source = SOURCES[0]
    text = kinds.variant(source, "second_extrait", SOURCES)
    assert text.startswith(source.text.rstrip())
    assert any(text.endswith(o.text) for o in SOURCES if o is not source)


@pytest.mark.parametrize("relative", ["real/057.txt", "real/089.txt", "validation/150.txt"])
def test_the_loader_refuses_validation_texts_before_reading_them(tmp_path, relative):
    # The files do not exist: a loader that read them would fail otherwise than by refusing.
    text = tmp_path / relative
    with pytest.raises(variantes.ValidationText):
        variantes.load(text, text.with_suffix(".json"), "reglage")


def test_the_loader_refuses_the_validation_parts(tmp_path):
    text = tmp_path / "real" / "058.txt"
    for part in accuracy.VALIDATION_PARTS:
        with pytest.raises(variantes.ValidationText):
            variantes.load(text, text.with_suffix(".json"), part)


def test_only_tuning_texts_are_loaded(tmp_path):
    corpus, extra = tmp_path / "corpus", tmp_path / "extra"
    for folder, stem in ((corpus / "real", "057"), (corpus / "real", "058"), (extra / "reglage", "107"),
                         (extra / "validation", "108")):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{stem}.txt").write_text("Séance du 3 mars 2023", encoding="utf-8")
        (folder / f"{stem}.json").write_text("{}", encoding="utf-8")
    assert [s.name for s in variantes.tuning_sources(corpus, extra)] == ["058.txt", "107.txt"]


@pytest.mark.parametrize("index", [1, 3])
def test_identity_is_scored_as_reader_accuracy_scores_the_text(index):
    source = SOURCES[index]
    direct = {field: accuracy.Tally(field) for field in accuracy.FIELDS}
    accuracy.compare(direct, source.name, variantes.read(source.text, source.name), source.label)
    facts = variantes.score(kinds.variant(source, "identite"), source.name, source.label)
    for field in accuracy.FIELDS:
        ours, theirs = variantes.tally([facts], field), direct[field]
        assert (ours.n, ours.lus, ours.justes, ours.faux) == (theirs.n, theirs.lus, theirs.justes, theirs.faux), field
    assert variantes.tally([facts]).n > 10


def test_the_table_measures_a_kind_against_the_same_plain_texts():
    results, skipped = variantes.run(SOURCES[1:2], ["apostrophes", "lignes_jointes"], jobs=1)
    rows = {row["kind"]: row for row in variantes.summary(SOURCES[1:2], ["apostrophes", "lignes_jointes"],
                                                          results, skipped)}
    assert rows["identite"]["perte_justes"] == 0 and rows["identite"]["faux_nouveaux"] == 0
    assert rows["lignes_jointes"]["sautes"] == 1 and rows["lignes_jointes"]["n"] == 0
    assert rows["apostrophes"]["textes"] == 1 and rows["apostrophes"]["n"] == rows["identite"]["n"]


def test_two_columns_only_moves_the_separators_of_a_list():
    for source in SOURCES[:3]:
        text = kinds.variant(source, "deux_colonnes")
        assert text != source.text
        assert re.sub(r"[\s,]+", " ", text) == re.sub(r"[\s,]+", " ", source.text)


SYNTHETIC = ("COMMUNE DE SAINT-ESSAI\nSéance du 3 mars 2023\nMembres en exercice : 15\nPrésents : 12\nVotants : 14\n"
             "Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT, Luc MOREAU\n"
             "Secrétaire de séance : Marie MARTIN\n1. Budget primitif 2023\nLe conseil adopte le budget.\n"
             "Pour : 13 Contre : 1\n")


def test_a_flattened_table_keeps_the_labels_and_values_in_order():
    text = kinds.flattened_table(SYNTHETIC, {}, kinds.seed("x", "tableau_aplati"), [])
    assert "Membres en exercice Présents Votants\n15 12 14" in text
    assert "Pour Contre\n13 1" in text


def test_the_attendance_block_moves_whole_after_the_first_title():
    text = kinds.attendance_after_title(SYNTHETIC, {}, kinds.seed("x", "presence_deplacee"), [])
    assert text.index("1. Budget primitif 2023") < text.index("Présents : Jean DUPONT")
    assert sorted(text.splitlines()) == sorted(SYNTHETIC.splitlines())


def test_the_last_item_counts_differ_and_come_after_everything():
    label = {"present": 12, "represented": 2, "vote": {"pour": 13, "contre": 1, "abstention": None,
                                                       "unanimite": False}}
    text = kinds.second_item(SYNTHETIC, label, kinds.seed("x", "second_point"), [])
    assert text.startswith(SYNTHETIC.rstrip())
    added = text[len(SYNTHETIC.rstrip()):]
    present, voters = map(int, re.search(r"Présents : (\d+) – Votants : (\d+)", added).groups())
    assert present < 12 and voters == present + 2 and "Pour :" in added
    with pytest.raises(kinds.Skip):
        kinds.second_item(SYNTHETIC, {"present": None}, kinds.seed("x", "second_point"), [])


def test_ocr_confusions_leave_names_numbers_and_number_words_alone():
    source = SOURCES[1]
    text = kinds.variant(source, "ocr_confusions")
    assert text != source.text
    assert re.findall(r"\b[A-ZÀ-Þ][\w'’-]*|\d+", text) == re.findall(r"\b[A-ZÀ-Þ][\w'’-]*|\d+", source.text)


def test_the_checker_verdicts_are_counted_apart_from_the_fields():
    facts = variantes.score(SOURCES[3].text, SOURCES[3].name, SOURCES[3].label)
    from checker.engine_cache import engine_for
    with_verdicts = variantes.score(SOURCES[3].text, SOURCES[3].name, SOURCES[3].label, engine_for())
    assert with_verdicts[:len(facts)] == facts
    assert all(name in variantes.VERDICTS and outcome == accuracy.FAUX for name, _, _, outcome in with_verdicts[len(facts):])
    assert variantes.tally([with_verdicts]).n == variantes.tally([facts]).n
    # The reference document gives no false accusation once read (issue 11).
    assert variantes.tally([with_verdicts], variantes.VERDICT_NC).faux == 0


def test_ocr_confusions_never_touch_a_labelled_name_printed_in_lower_case():
    text = "Pouvoir donné par madame bernadette à monsieur lefebvre. " * 40
    label = {"proxies": [["Bernadette", "LEFEBVRE"]]}
    confused = kinds.ocr_confusions(text, label, kinds.seed("x", "ocr_confusions"), [])
    assert confused != text
    assert confused.count("bernadette") == confused.count("lefebvre") == 40


def test_the_fields_a_kind_changes_are_the_difference_with_the_plain_text():
    source = SOURCES[3]
    results, skipped = variantes.run([source], ["deux_points"], jobs=1)
    row = variantes.summary([source], ["deux_points"], results, skipped)[1]
    plain, moved = results[(0, "identite")], results[(0, "deux_points")]
    for name in accuracy.FIELDS:
        change = variantes.tally([moved], name).justes - variantes.tally([plain], name).justes
        assert row["champs"].get(name, {"justes": 0})["justes"] == change
    assert sum(c["justes"] for c in row["champs"].values()) == variantes.tally([moved]).justes - variantes.tally([plain]).justes


def test_a_reproduced_procès_verbal_is_an_earlier_meeting_before_the_opening_formula():
    source = SOURCES[3]
    text = kinds.variant(source, "pv_reproduit", OTHERS)
    # The only meeting of the test set that is earlier and gives no stamp fact the reference document lacks.
    assert "Procès-verbal de la séance du 12 janvier 2023 soumis à approbation :" in text
    other = OTHERS[-1]
    assert text.index(other.text.strip()) < text.index(source.text[kinds._opening_start(source.text):][:200])
    assert text.replace(text[text.index("Procès-verbal de la séance du"):text.index("Fin du procès-verbal")], "") \
        .replace(re.search(r"Fin du procès-verbal de la séance du [^.]+\.\n", text).group(0), "") == source.text


def test_two_lists_side_by_side_keep_each_name_under_its_head():
    text = ("COMMUNE DE SAINT-ESSAI\nSéance du 3 mars 2023\nPrésents : Jean DUPONT, Marie MARTIN, Adeline\nTEXEIRA, "
            "Paul DURAND.\nAbsents non excusés : Anne PETIT (pouvoir à Jean DUPONT), Luc MOREAU.\n"
            "Secrétaire de séance : Marie MARTIN\n1. Budget\n")
    table = kinds.interleaved_columns(text, {}, kinds.seed("x", "colonnes_entrelacees"), [])
    rows = [re.split(r" {3,}", line) for line in table.splitlines()[3:8]]
    assert rows == [["Présents :", "Absents non excusés :"], ["Jean DUPONT", "Anne PETIT (pouvoir à Jean DUPONT)"],
                    ["Marie MARTIN", "Luc MOREAU"], ["Adeline TEXEIRA"], ["Paul DURAND"]]
    assert table.endswith("Paul DURAND\n.\nSecrétaire de séance : Marie MARTIN\n1. Budget\n")


def test_lists_are_not_laid_out_when_an_item_is_not_a_name():
    text = "Présents : Jean DUPONT, Marie MARTIN. Le conseil délibère, puis vote.\nAbsents : Anne PETIT, Luc MOREAU\n"
    with pytest.raises(kinds.Skip):
        kinds.interleaved_columns(text, {}, kinds.seed("x", "colonnes_entrelacees"), [])
