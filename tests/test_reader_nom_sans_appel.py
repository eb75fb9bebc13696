"""A commune named in the text of a deliberation is a commune the council deals with, not the council's own, even
when extraction lost the colon of the roll's labels (« Présents Jean-Pierre JEANROY, … »): the agenda or the
first decision still says the heading is over. Invented minutes without a heading that names the commune."""
import pytest
from reader_support import schema_errors, value

from checker.reader import read_text

MINUTES = ("CR du conseil municipal 21 janvier 2022\nPrésents{c} Jean-Pierre DUVAL, Nelly WIDMAN, Yves LISKA, "
           "Jacques DELON.\nExcusés{c} Maryline LECLERC (pouvoir donné à M. DUVAL).\nOrdre du jour\n"
           "1/ Pacte financier et fiscal de solidarité : M. LISKA nous présente le pacte, qui doit sécuriser "
           "l'enveloppe de la dotation de solidarité urbaine de la commune d'Héricourt.\nAdopté à l'unanimité.\n")


@pytest.mark.parametrize("colon", [" :", ""])
def test_a_commune_named_once_in_an_item_is_not_the_council_s(colon):
    record = read_text(MINUTES.format(c=colon), "t.txt")
    assert schema_errors(record) == []
    assert "nom" not in record.get("collectivite", {})


def test_the_heading_still_names_the_council_s_commune():
    record = read_text("COMMUNE DE COUTHENANS\n" + MINUTES.format(c=""), "t.txt")
    assert value(record["collectivite"]["nom"]) == "Commune de COUTHENANS"
