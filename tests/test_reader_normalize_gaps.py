"""The wide gaps of a line (a tab, three spaces and more) kept apart from the normalized text.

A table laid out with spaces puts two names side by side (« Mr ROUSSEAU      CALLEDE »); normalized,
the line reads « Mr ROUSSEAU CALLEDE », one name to a reader of names. The text stays as it was (every
other reading unchanged); `Document.gaps` says where the spaces that stood for a column gap are.
"""
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.reader.normalize import Document, normalize
from checker.reader.zones import within, without


def test_a_run_of_spaces_between_two_names_is_a_gap_and_the_text_is_unchanged():
    raw = "Présents :\nMr ROUSSEAU      CALLEDE\nMme Jeanne PRUNIER\n"
    doc = Document(raw)
    assert doc.text == normalize(raw) == "Présents : Mr ROUSSEAU CALLEDE Mme Jeanne PRUNIER"
    assert [doc.text[g - 8:g + 8] for g in doc.gaps] == ["ROUSSEAU CALLEDE"]
    assert doc.text[doc.gaps[0]] == " "


def test_a_tab_is_a_gap_and_one_or_two_spaces_are_not():
    doc = Document("Jean DUPONT\tMarie MARTIN\nPaul  LEROY Anne BRUN")
    assert [doc.text[g + 1:g + 6] for g in doc.gaps] == ["Marie"]


def test_an_indented_line_has_no_gap_at_its_start():
    assert Document("Présents :\n      Mr ROUSSEAU\n      Mme PRUNIER").gaps == ()


def test_the_gaps_within_a_span():
    doc = Document("A   B C   D")
    assert doc.gaps == (1, 5)
    assert doc.gaps_within(0, 3) == (1,)
    assert doc.gaps_within(2, 11) == (5,)
    assert doc.gaps_within(6, 11) == ()


def test_a_part_of_the_document_keeps_its_gaps():
    doc = Document("Pierre JALBERT    Rose TISSOT. Suite   du texte")
    assert len(doc.gaps) == 2
    assert within(doc, 20).gaps == doc.gaps[:1]
    assert without(doc, (0, 20)).gaps == doc.gaps[1:]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Jean", "DUPONT", "l'an", "Mme", "  ", "   ", "\t", " ", "\n", "—", "2O23",
                                 "17", "/", "é", "\u00a0\u00a0\u00a0", "Page 2/6"]), max_size=40).map("".join))
def test_the_text_is_the_normalized_text_and_each_gap_is_one_of_its_spaces(raw):
    doc = Document(raw)
    assert doc.text == normalize(raw)
    assert list(doc.gaps) == sorted(set(doc.gaps))
    assert all(doc.text[g] == " " for g in doc.gaps)
