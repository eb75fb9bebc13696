"""The words around a vote as OCR misreads them (« après en avolr délibéré », « 12 votcs pour », « avis des
commlssions ») are read as those words: a misread word must not turn a commission's count into the council's,
nor hide the council's own decision so that a later vote is taken for it."""
import pytest
from reader_support import schema_errors, value

from checker.reader import read_text
from checker.reader.normalize import Document

HEAD = ("L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal, dûment convoqué, s'est réuni. "
        "Présents : M. Paul CLAIRE, Mme Anne MODELE. ")


def _vote(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return {k: value(v) for k, v in record["deliberations"][0].get("vote", {}).items() if isinstance(v, dict)}


@pytest.mark.parametrize("commissions, entendu, apres", [
    ("commlssions", "entcndu", "apres"), ("cornmissions", "entendu", "aprcs"), ("commissions", "cntendu", "après")])
def test_a_commission_s_count_misread_by_ocr_is_still_the_commission_s(commissions, entendu, apres):
    text = (HEAD + "Objet : Convention. Avis favorable après examen des " + commissions + " en date du 9 février 2023 "
            "(pour : 21 ; contre : 0 ; abstentions : 2). Cet exposé " + entendu + " et " + apres + " en avoir "
            "délibéré, le Conseil Municipal, à l'unanimité des voix, approuve le projet de convention.")
    assert _vote(text) == {"unanimite": True}


@pytest.mark.parametrize("word, read", [("votcs", "votes"), ("avolr", "avoir"), ("contrc", "contre"),
                                        ("adoptc", "adopte"), ("commlssion", "commission"), ("dccide", "decide")])
def test_the_words_of_a_vote_are_mended(word, read):
    from checker.reader.normalize import fold
    assert fold(Document(f"Le conseil {word} ici.").text) == f"le conseil {read} ici."


@pytest.mark.parametrize("word", ["avait", "voter", "centre", "entente", "adapte", "decade", "mission"])
def test_a_real_word_near_a_vote_word_is_never_mended_into_it(word):
    assert Document(f"Le mot {word} reste.").text == f"Le mot {word} reste."
