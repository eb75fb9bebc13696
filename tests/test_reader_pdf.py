"""PDF input: the text layer is read; a scan or a broken file is a clear InputError."""
import pytest
from reader_support import blank_pdf, make_pdf, value

from checker.errors import InputError
from checker.reader import read_file

EXTRACT = [
    "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL",
    "L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal de la commune",
    "de Saint-Ay s'est réuni sous la présidence de M. Frédéric CUILLERIER, Maire.",
    "Date de convocation : 13/12/2023",
    "Présents : Frédéric CUILLERIER, Marie DUPONT, Joël GIRARD.",
    "Pouvoirs : Valérie LABOUACHRA à Joël GIRARD.",
    "Délibération n° 2023-045 : Tarifs de la restauration scolaire",
    "Après en avoir délibéré, le conseil municipal, à l'unanimité, approuve.",
    "Envoyé en préfecture le 22/12/2023 Reçu en préfecture le 22/12/2023",
]


def test_text_layer_pdf_is_read(tmp_path):
    path = tmp_path / "extrait.pdf"
    path.write_bytes(make_pdf(EXTRACT))
    record = read_file(path)
    assert value(record["seance"]["date"]) == "2023-12-19"
    assert value(record["convocation"]["date_envoi"]) == "2023-12-13"
    assert record["seance"]["pouvoirs"][0]["mandant"] == "Valérie LABOUACHRA"
    delib = record["deliberations"][0]
    assert delib["numero"] == "2023-045" and value(delib["vote"]["unanimite"]) is True
    assert record["reference"] == str(path)


def test_pdf_without_any_text_says_so(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(blank_pdf())
    with pytest.raises(InputError) as error:
        read_file(path)
    # Without OCR: what to install (tests/test_reader_ocr.py); with it: a blank page reads nothing.
    assert "PDF sans couche texte" in str(error.value)
    assert error.value.fichier == str(path)


@pytest.mark.parametrize("data", [b"%PDF-1.4\n garbage", b"%PDF-", make_pdf(EXTRACT)[:200], b""])
def test_broken_pdf_is_an_input_error(tmp_path, data):
    path = tmp_path / "casse.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError):
        read_file(path)
