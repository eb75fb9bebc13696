"""A community named before the word « Agglomération » or « Communauté » printed in capitals with its accent
(« ROANNAIS AGGLOMÉRATION ») is read as it is without the accent. Invented extracts; the names are the reference
data's."""
import pytest

from checker.reader import read_text

FORMULA = ("L'an deux mille dix-neuf, le cinq mars à 20 h 30, le conseil communautaire, dûment convoqué, s'est réuni "
           "sous la présidence de Mme Agnès LORIOT, Présidente.\nPrésents : M. Paul DURAND, Mme Anne MARTIN.\n"
           "Objet : travaux. Après en avoir délibéré, le conseil adopte à l'unanimité.\n")


@pytest.mark.parametrize("heading", ["ROANNAIS AGGLOMÉRATION", "ROANNAIS AGGLOMERATION", "Roannais Agglomération"])
def test_the_community_is_read_whatever_the_accent_of_its_capitals(heading):
    record = read_text(f"{heading}\nExtrait du registre des délibérations du conseil communautaire\n{FORMULA}", "t.txt")
    name = record["collectivite"]["nom"]
    assert name["valeur"].lower().endswith("roannais agglomération") or name["valeur"].lower().endswith(
        "roannais agglomeration")
    assert name["confiance"] < 0.9


def test_a_word_that_only_begins_with_the_kind_is_no_community():
    record = read_text(f"ROANNAIS AGGLOMÉRATIONS\n{FORMULA}", "t.txt")
    assert "Roannais" not in str(record.get("collectivite", {}).get("nom"))
