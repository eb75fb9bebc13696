"""Page furniture is recognised by one set of words (checker/reader/furniture.py), whether the text
is set right before reading (`normalize`: by lines and on one line) or the names are read without it
(`without_furniture`): every form one of them knows, the other knows too."""
from __future__ import annotations

import pytest

from checker.reader import read_text
from checker.reader.furniture import furniture_spans, inline_aside, lines_aside
from checker.reader.normalize import Document, fold

STAMPS = ["Envoyé en préfecture le 15/03/2024", "Envoyée en préfecture le 15/03/2024",
          "Envoye en prefecture le 15/03/2024", "Reçu en préfecture le 15/03/2024",
          "Reçue en préfecture le 15/03/2024", "Recu en prefecture le 15/03/2024",
          "Affiché le 16/03/2024", "Publiée le 16/03/2024", "ID : 045-214502345-20240312-DEL2024_01-DE"]
PAGES = ["Page 2/4", "Page 2 sur 4", "page 2/4"]


def raw(text: str) -> Document:
    """A document as is, without the normalisation that already sets furniture aside."""
    doc = Document.__new__(Document)
    doc.text, doc.fold = text, fold(text)
    return doc


SENTENCE = ("Le conseil municipal, après en avoir délibéré, décide d'approuver la convention avec la commune de "
            "Saint-Ay et autorise le Maire à la signer.")


@pytest.mark.parametrize("stamp", STAMPS)
def test_a_stamp_on_its_line_is_moved_after_the_sentence_it_cuts(stamp):
    cut = SENTENCE.index(" avec")
    text = "\n".join(["EXTRAIT DU REGISTRE", SENTENCE[:cut], stamp, SENTENCE[cut + 1:], "Fin."])
    moved = lines_aside(text)
    assert SENTENCE[:cut] + "\n" + SENTENCE[cut + 1:] in moved
    assert stamp in moved


@pytest.mark.parametrize("stamp", STAMPS)
def test_a_stamp_is_furniture_for_the_names_too(stamp):
    doc = Document("EXTRAIT DU REGISTRE Présents : M. Paul MARTIN, " + stamp + " Mme Anne PETIT.")
    spans = furniture_spans(doc)
    assert len(spans) == 1
    start, end = spans[0]
    assert doc.text[start:end].strip(" .").lower().startswith(stamp.split()[0].lower()[:5])
    assert "PETIT" not in doc.text[start:end] and "MARTIN" not in doc.text[start:end]


@pytest.mark.parametrize("page", PAGES)
def test_a_page_number_is_dropped_on_its_line_and_on_one_line_and_skipped_by_the_names(page):
    cut = SENTENCE.index(" avec")
    by_lines = lines_aside("\n".join(["EXTRAIT DU REGISTRE", SENTENCE[:cut], page, SENTENCE[cut + 1:]]))
    assert page not in by_lines and SENTENCE[cut + 1:] in by_lines
    one_line = inline_aside(f"EXTRAIT DU REGISTRE {SENTENCE[:cut]} {page} {SENTENCE[cut + 1:]}")
    assert page not in one_line and SENTENCE[cut + 1:] in one_line
    # Once normalized the page number is gone; the names' own pass knows it too.
    assert page not in Document(f"EXTRAIT DU REGISTRE Présents : M. Paul MARTIN, {page} Mme Anne PETIT.").text
    doc = raw(f"EXTRAIT DU REGISTRE Présents : M. Paul MARTIN, {page} Mme Anne PETIT.")
    assert [doc.text[start:end] for start, end in furniture_spans(doc)] == [page]


def test_a_feminine_stamp_inside_the_formula_does_not_hide_the_date():
    text = ("COMMUNE DE SAINT-AY\nL'an deux mille vingt-quatre,\nReçue en préfecture le 20/03/2024\n"
            "le douze mars à vingt heures, le conseil municipal s'est réuni.\nPrésents : M. Paul MARTIN.")
    record = read_text(text, "t.txt")
    date = record["seance"]["date"]
    assert (date["valeur"] if isinstance(date, dict) else date) == "2024-03-12"
