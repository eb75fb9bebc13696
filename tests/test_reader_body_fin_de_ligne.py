"""A body's name read in a heading whose parts stand on lines of their own: where the document keeps its line
ends (`Document.breaks`), a name that runs past one into a line no link word joins to it is set aside, not given;
without line ends, the name is read as before."""
import pytest

from checker.reader.body import read_body
from checker.reader.normalize import Document

OPENING = ("L'an deux mille vingt-trois, le quatorze mars à dix-huit heures, le comité syndical, régulièrement convoqué "
           "le 7 mars 2023, s'est réuni sous la présidence de M. Paul ORSINI. ")


class Lined(Document):
    """A Document that keeps the places of its line ends, as the reader's normalisation gives them: the index of
    the space that stands for each line end of the text as written."""

    __slots__ = () if "breaks" in Document.__slots__ else ("breaks",)

    def __init__(self, text: str):
        super().__init__(text)
        lines = text.split("\n")
        ends, at = [], 0
        for line in lines[:-1]:
            at += len(" ".join(line.split()))
            ends.append(at)
            at += 1
        assert self.text == " ".join(" ".join(line.split()) for line in lines), "plain test texts only"
        self.breaks = tuple(ends)


def test_the_test_document_puts_its_line_ends_where_the_text_has_them():
    doc = Lined("SYNDICAT MIXTE DU LOIR\nNOTE DE SYNTHESE\n" + OPENING)
    assert [doc.text[b - 4:b + 5] for b in doc.breaks] == ["LOIR NOTE", "HESE L'an"]


@pytest.mark.parametrize("next_line", ["NOTE DE SYNTHESE", "Loir-et-Cher", "Secrétariat : Mairie de Vendôme",
                                       "Quorum : 7", "« Musique et Danse en Velay »", "Sommaire"])
def test_a_name_that_runs_into_the_heading_s_next_line_is_set_aside_with_its_reason(next_line):
    text = "SYNDICAT MIXTE DU BASSIN DU LOIR\n" + next_line + "\n" + OPENING
    read = read_body(Lined(text))
    assert "nom" not in read
    name, _, reason = read["nom_ecarte"]
    assert name.startswith("SYNDICAT MIXTE DU BASSIN DU LOIR")
    assert "fin de la ligne" in reason
    # The nature does not depend on where the name ends.
    assert read["nature"].startswith("syndicat_mixte")


@pytest.mark.parametrize("next_line", ["Compte rendu du comité syndical du 14 mars 2023", "SEANCE DU 14 MARS 2023",
                                       "EXTRAIT DU REGISTRE DES DELIBERATIONS"])
def test_a_name_whose_line_ends_before_a_heading_word_is_read_whole(next_line):
    read = read_body(Lined("SYNDICAT MIXTE DU BASSIN DU LOIR\n" + next_line + "\n" + OPENING))
    assert read["nom"][0] == "Syndicat mixte DU BASSIN DU LOIR"


@pytest.mark.parametrize("heading, name", [
    # The line ends on a link word, or the next line opens with one: one name on two lines.
    ("SYNDICAT INTERCOMMUNAL D'ALIMENTATION EN EAU POTABLE DE LA\nVALLÉE DU LOIR",
     "Syndicat intercommunal D'ALIMENTATION EN EAU POTABLE DE LA VALLÉE DU LOIR"),
    ("SYNDICAT INTERCOMMUNAL D'ALIMENTATION EN EAU POTABLE\nDE LA VALLÉE DU LOIR",
     "Syndicat intercommunal D'ALIMENTATION EN EAU POTABLE DE LA VALLÉE DU LOIR"),
    ("Syndicat Mixte du Bassin de la\nVienne", "Syndicat mixte du Bassin de la Vienne"),
    # A name in quotes carries its own end.
    ("SIVOM « VAL DE\nSOLOGNE »", "SIVOM VAL DE SOLOGNE"),
])
def test_a_name_that_wraps_onto_a_line_a_link_word_joins_is_read_whole(heading, name):
    read = read_body(Lined(heading + "\nCompte rendu\n" + OPENING))
    assert read["nom"][0] == name


@pytest.mark.parametrize("next_line", ["NOTE DE SYNTHESE", "Quorum : 7"])
def test_without_line_ends_the_name_is_read_as_before(next_line):
    text = "SYNDICAT MIXTE DU BASSIN DU LOIR\n" + next_line + "\n" + OPENING
    plain = Document(text)
    if getattr(plain, "breaks", None):
        pytest.skip("Document keeps its line ends: the test document above covers it")
    read = read_body(plain)
    assert read["nom"][0].startswith("Syndicat mixte DU BASSIN DU LOIR ")
