"""The names are read without the page furniture (`without_furniture`), and still see where the columns
of a table met and where its lines ended (`Document.gaps`, `.breaks`, `.paragraphs`): taking a stamp or a
page's heading out of the text moves every place after it, and a place beside a piece or inside it stands
where the two sides now meet. Without them, a roll laid out in two columns read in a document that holds
a stamp anywhere (26 of the 94 deux_colonnes variants of the tuning texts) ran its cells together."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.reader import read_text
from checker.reader.furniture import furniture_spans, without_furniture
from checker.reader.normalize import Document

STAMP = ("Envoyé en préfecture le 15/03/2024\nReçu en préfecture le 15/03/2024\n"
         "ID : 045-214502345-20240312-DEL2024_01-DE")
HEAD = ("COMMUNE DE SAINT-AY CONSEIL MUNICIPAL DU 12 MARS 2024\nL'an deux mille vingt-quatre, le douze mars à "
        "vingt heures, le conseil municipal, régulièrement convoqué le 5 mars 2024, s'est réuni sous la "
        "présidence de M. Jean DUPONT, Maire.\n")
ROLL = ("Présents : Mesdames et Messieurs\nDUPONT          ROUX\nMARTIN          PETIT\nBLANC           LEROY\n"
        "Secrétaire de séance : Mme Claire ROUX\n")
ACT = ("Objet : Budget primitif 2024\nLe conseil municipal, après en avoir délibéré, à l'unanimité, adopte le "
       "budget.\n")


def around(doc: Document, place: int) -> tuple:
    """The words on each side of the space at `place`."""
    return doc.text[:place].split()[-1], doc.text[place + 1:].split()[0]


def test_gaps_and_line_ends_after_a_stamp_stand_between_the_same_words():
    doc = Document(HEAD + STAMP + "\n" + ROLL + ACT)
    assert furniture_spans(doc)
    part = without_furniture(doc)
    assert part is not doc and "préfecture" not in part.text
    assert len(part.gaps) == len(doc.gaps) == 3
    assert [around(part, g) for g in part.gaps] == [around(doc, g) for g in doc.gaps] == [
        ("DUPONT", "ROUX"), ("MARTIN", "PETIT"), ("BLANC", "LEROY")]
    kept = [around(doc, b) for b in doc.breaks if not any(s - 1 <= b <= e for s, e in furniture_spans(doc))]
    assert [around(part, b) for b in part.breaks if around(part, b) in kept] == kept
    assert all(part.text[b] == " " for b in part.gaps + part.breaks)


def test_a_line_end_beside_a_piece_of_furniture_stands_where_the_two_sides_meet():
    # The stamp stays under « Présents : » (a line ended by a colon, nothing cut); taken out, it leaves
    # the label and the roll's first cell side by side: the line's end still parts them.
    doc = Document(HEAD + "Présents :\n" + STAMP + "\n" + ROLL.split("\n", 1)[1] + ACT)
    assert ("15/03/2024", "DUPONT") in [around(doc, b) for b in doc.breaks]
    part = without_furniture(doc)
    assert "Présents : DUPONT ROUX" in part.text
    assert (":", "DUPONT") in [around(part, b) for b in part.breaks]


def test_a_document_without_furniture_is_given_back_as_it_is():
    doc = Document(HEAD + ROLL + ACT)
    assert not furniture_spans(doc)
    assert without_furniture(doc) is doc


def test_a_two_column_roll_is_counted_alike_with_or_without_a_stamp_after_it():
    # The count the roll gives rests on its cells: before, the stamp at the foot of the act took the
    # gaps away and the six surnames were one run (nothing counted).
    plain = read_text(HEAD + ROLL + ACT, "t.txt")["seance"]
    stamped = read_text(HEAD + ROLL + ACT + STAMP + "\n", "t.txt")["seance"]
    assert "6 noms" in plain["presents"]["source"]
    assert stamped["presents"] == plain["presents"]


_WORD = st.text(alphabet="ABCDEFGHIJ", min_size=2, max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORD, _WORD), min_size=1, max_size=6), st.integers(0, 6),
       st.sampled_from(["Page 2/4", STAMP, "Affiché le 16/03/2024"]))
def test_every_place_kept_lies_on_a_space_in_order(rows, at, piece):
    lines = [f"{a}      {b}" for a, b in rows]
    lines.insert(min(at, len(lines)), piece)
    doc = Document(HEAD + "Présents :\n" + "\n".join(lines) + "\n" + ACT)
    part = without_furniture(doc)
    for name in ("gaps", "breaks", "paragraphs"):
        places = getattr(part, name)
        assert list(places) == sorted(set(places))
        assert all(0 <= p < len(part.text) and part.text[p] == " " for p in places)
    assert sorted(around(part, g) for g in part.gaps) == sorted(around(doc, g) for g in doc.gaps)
