"""The line ends and blank lines of the text as extracted, kept apart from the normalized text (one line):
`Document.breaks` says where the spaces that stood for a line end between two words are (a two-column table
read row by row runs the right cell of one row into the left cell of the next, « Mr ROUSSEAU\\nCALLEDE »),
`Document.paragraphs` where a blank line stood. The text is unchanged."""
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.reader.normalize import Document, normalize
from checker.reader.zones import within, without


def test_each_line_end_between_two_words_is_a_break_and_the_text_is_unchanged():
    raw = "Mr COUILLAUD Romain   Mr ROUSSEAU\nCALLEDE Mr LOUEDEC\nMarc\n David"
    doc = Document(raw)
    assert doc.text == normalize(raw) == "Mr COUILLAUD Romain Mr ROUSSEAU CALLEDE Mr LOUEDEC Marc David"
    assert [(doc.text[b - 8:b], doc.text[b + 1:b + 8]) for b in doc.breaks] == [
        ("ROUSSEAU", "CALLEDE"), (" LOUEDEC", "Marc Da"), ("DEC Marc", "David")]


def test_a_word_cut_at_the_line_end_and_joined_again_holds_no_break():
    doc = Document("le 12 novem-\nbre 2023 à vingt heures")
    assert doc.text.startswith("le 12 novembre 2023")
    assert doc.breaks == ()


def test_the_breaks_within_a_span_and_in_a_part_of_the_document():
    doc = Document("Jean DUPONT\nMarie MARTIN\nPaul LEROY")
    assert doc.breaks == (11, 24)
    assert doc.breaks_within(0, 12) == (11,)
    assert doc.breaks_within(12, 40) == (24,)
    assert within(doc, 20).breaks == (11,)
    assert without(doc, (0, 20)).breaks == (24,)


def test_a_blank_line_is_a_paragraph_and_a_break():
    doc = Document("Fin du rapport\n\nCR du conseil municipal")
    assert doc.paragraphs == (14,) and doc.breaks == (14,)
    assert without(doc, (10, 20)).paragraphs == ()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Jean", "DUPONT", "l'an", "Mme", "  ", "   ", "\t", " ", "\n", "\n\n", "—", "2O23",
                                 "novem-", "bre", "17", "/", "é", "\u00a0", "Page 2/6"]), max_size=40).map("".join))
def test_each_break_and_paragraph_is_one_of_the_text_s_spaces_in_order(raw):
    doc = Document(raw)
    assert doc.text == normalize(raw)
    for places in (doc.breaks, doc.paragraphs):
        assert list(places) == sorted(set(places))
        assert all(doc.text[p] == " " for p in places)
    assert set(doc.paragraphs) <= set(doc.breaks)
