"""PDF layout: a header table written column by column is read back by word positions, its labels
next to their values; pypdf's order, the fallback, loses the pairing."""
import pytest
from reader_support import escape_pdf_text, make_pdf, one_page_pdf, schema_errors, value

from checker.reader import read_file
from checker.reader.pdf import layout_pages, pdf_text

pytest.importorskip("pdfplumber")


def positioned_pdf(pieces: list) -> bytes:
    """A one-page PDF whose text pieces (x, y, text) are written in the order given, each at its
    place: the order of the file and the order of the page differ when the pieces do."""
    return one_page_pdf(b" ".join(b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (x, y, escape_pdf_text(text))
                                  for x, y, text in pieces))


LABELS = ["Membres en exercice", "Présents", "Procurations", "Votants", "Date de convocation"]
VALUES = ["27", "18", "3", "21", "13/12/2023"]


def header_table_pdf() -> bytes:
    rows = range(700, 700 - 14 * len(LABELS), -14)
    pieces = [(40, 800, "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL"),
              (40, 780, "L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal"),
              (40, 766, "de la commune de Saint-Exemple s'est réuni sous la présidence de M. Paul MARTIN, Maire.")]
    # The table's first column, then its second: the order in which many editors write it.
    pieces += [(40, y, label) for y, label in zip(rows, LABELS)]
    pieces += [(260, y, number) for y, number in zip(rows, VALUES)]
    pieces += [(40, 600, "Délibération n° 2023-045 : Tarifs de la restauration scolaire"),
               (40, 586, "Après en avoir délibéré, le conseil municipal, à l'unanimité, approuve.")]
    return positioned_pdf(pieces)


def test_the_positions_pair_each_label_with_its_value(tmp_path):
    path = tmp_path / "tableau.pdf"
    path.write_bytes(header_table_pdf())
    record = read_file(path)
    assert schema_errors(record) == []
    seance = record["seance"]
    assert (value(seance["membres_en_exercice"]), value(seance["presents"]), value(seance["representes"]),
            value(seance["votants"])) == (27, 18, 3, 21)
    assert value(record["convocation"]["date_envoi"]) == "2023-12-13"
    assert seance["presents"]["source"] == "Présents 18"


def test_the_order_of_the_file_loses_the_pairing(monkeypatch):
    # The fallback (pdfplumber missing or failing): pypdf's text keeps the file's order, labels
    # first — the reason the layout is read.
    monkeypatch.setattr("checker.reader.pdf.layout_pages", lambda data, wanted=None: None)
    text = " ".join(pdf_text(header_table_pdf(), "tableau.pdf").split())
    assert "Membres en exercice Présents Procurations Votants Date de convocation 27 18 3 21" in text


def test_a_page_in_two_columns_keeps_the_order_of_the_file():
    left = [f"Colonne gauche ligne {i} du compte rendu" for i in range(12)]
    right = [f"Colonne droite ligne {i} de la suite" for i in range(12)]
    pieces = [(40, 780 - 14 * i, line) for i, line in enumerate(left)]
    pieces += [(320, 780 - 14 * i, line) for i, line in enumerate(right)]
    assert layout_pages(positioned_pdf(pieces)) == {0: None}
    text = " ".join(pdf_text(positioned_pdf(pieces), "colonnes.pdf").split())
    assert " ".join(left) in text


def test_a_simple_page_reads_the_same_both_ways():
    lines = ["Séance du 19 décembre 2023", "Le conseil municipal s'est réuni."]
    assert " ".join(layout_pages(make_pdf(lines))[0].split()) == " ".join(lines)


def test_only_pages_with_a_run_of_labels_are_read_by_positions(monkeypatch):
    asked = []
    monkeypatch.setattr("checker.reader.pdf.layout_pages", lambda data, wanted=None: asked.append(wanted))
    pdf_text(make_pdf(["Séance du 19 décembre 2023", "Le conseil municipal s'est réuni."]), "prose.pdf")
    pdf_text(header_table_pdf(), "tableau.pdf")
    assert asked == [[0]]


@pytest.mark.parametrize("data", [b"%PDF-1.4\n garbage", b"", b"not a pdf"])
def test_an_unreadable_file_gives_no_layout(data):
    assert layout_pages(data) is None
