"""The name of a commune whose council met, when the minutes name it only past the attendance: a commune the council
contracts with (« une convention avec la commune de X », « auprès de la commune de X », « la commune voisine de X ») is
a partner, however often it is named, and is not read as the body; the council's own commune, a party to its own
convention (« entre la communauté d'agglomération et la commune de X »), still is."""
import pytest

from checker.reader import lexique
from checker.reader.body import read_body
from checker.reader.normalize import Document

pytestmark = pytest.mark.skipif(not lexique.available(), reason="données de référence absentes")

HEAD = ("PROCES-VERBAL DU CONSEIL MUNICIPAL\nSéance du 14 mars 2023\nL'an deux mille vingt-trois, le quatorze mars à "
        "vingt heures, le conseil municipal de cette commune, régulièrement convoqué le 7 mars 2023, s'est réuni sous "
        "la présidence de M. Paul ORSINI, Maire.\nPrésents : M. Paul ORSINI, Mme Anne VIDAL, M. Jean LAFFORGUE.\n"
        "Secrétaire de séance : Mme Anne VIDAL\n")


def body(text):
    return read_body(Document(text))


@pytest.mark.parametrize("business", [
    "1. Voirie\nLe Maire présente la convention avec la commune de Lectoure pour l'entretien de la voirie. La "
    "convention avec la commune de Lectoure est approuvée.\n",
    "1. École\nLa participation aux frais de scolarité est demandée auprès de la commune de Lectoure ; le titre de "
    "recettes sera émis auprès de la commune de Lectoure.\n",
    "1. Chemin rural\nLe chemin longe la commune voisine de Lectoure ; la limite avec la commune de Lectoure est "
    "bornée.\n",
])
def test_a_partner_commune_named_past_the_attendance_is_not_the_body(business):
    read = body(HEAD + business)
    assert read.get("nature") == "commune"
    assert "nom" not in read or "Lectoure" not in read["nom"][0]


def test_the_councils_own_commune_a_party_to_its_convention_is_still_read():
    read = body(HEAD + "1. Assainissement\nUne convention de collaboration entre la communauté d'agglomération et la "
                "commune de Lectoure est proposée ; la commune de Lectoure en assure le suivi.\n")
    assert read["nom"][0] == "Commune de Lectoure"


def test_the_heading_still_names_the_body_whatever_partner_follows():
    read = body("COMMUNE DE FLEURANCE\n" + HEAD + "1. Voirie\nLa convention avec la commune de Lectoure est "
                "approuvée ; la convention avec la commune de Lectoure est signée.\n")
    assert read["nom"][0] == "Commune de FLEURANCE"
