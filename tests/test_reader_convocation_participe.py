"""« convoqué » with its manner or its law between the participle and the date it governs (« convoqué
individuellement et par écrit le … », « convoqué dans les formes légales le … », « convoqué conformément aux
articles L2121-10 et L2121-12 du CGCT le … », « convoqué à domicile le … »): the date of the convocation, read
below the accusation threshold as a loose phrase is. A meeting's own day named after « convoqué … pour le » is
never taken for it. Invented formulas."""
import pytest
from reader_support import schema_errors, value

from checker.confiance import SEUIL
from checker.reader import read_text

FORMULA = ("COMMUNE DE VALBRUNE-SUR-OURCE\nL'an deux mille vingt-quatre, le neuf avril à 20 h 30, le conseil "
           "municipal, {c} s'est réuni sous la présidence de Mme Agnès LORIOT, Maire.\nDélibération n° 2024-17. "
           "Objet : travaux du lavoir. Après en avoir délibéré, le conseil adopte à l'unanimité.\n")


def convocation(words: str) -> dict | None:
    record = read_text(FORMULA.format(c=words), "t.txt")
    assert schema_errors(record) == []
    assert value(record["seance"]["date"]) == "2024-04-09"
    return record.get("convocation", {}).get("date_envoi")


@pytest.mark.parametrize("words", [
    "convoqué individuellement et par écrit le 2 avril 2024,",
    "convoqué dans les formes légales le 2 avril 2024,",
    "convoqué conformément aux articles L2121-10 et L2121-12 du CGCT le 2 avril 2024,",
    "convoqué à domicile le 2 avril 2024,",
    "convoqué par écrit et à domicile le 2 avril 2024,",
])
def test_the_participle_governs_its_date_across_its_manner(words):
    sent = convocation(words)
    assert value(sent) == "2024-04-02"
    assert sent["confiance"] < SEUIL


@pytest.mark.parametrize("words", [
    "convoqué individuellement et par écrit pour le 9 avril 2024,",
    "convoqué dans les formes légales,",
])
def test_no_date_of_its_own_gives_no_convocation_date(words):
    assert convocation(words) is None
