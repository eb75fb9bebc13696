"""A presidency given to an office, not a person: the name read after the sentence is not the president's.

« sous la présidence de Monsieur le premier adjoint. Etaient présents : M. Paul ROUQUETTE … »: the first name
after « présidence de » is the roll's first member, not the deputy who presided. Documents invented for the
test; names made up."""
from __future__ import annotations

from checker.reader import read_text
from checker.reader.names import first_name_at, trim_heading

HEAD = """COMMUNE DE SAINT-ALBAN-DU-PLATEAU
CONSEIL MUNICIPAL DU 14 MARS 2024
L'an deux mille vingt-quatre, le quatorze mars à vingt heures, le Conseil municipal s'est réuni {presidence}
Etaient présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, Mme Lise PUECH, M. Marc SOULIÉ.
Absents excusés : M. Jean DELMAS.
Secrétaire de séance : Mme Lise PUECH
OBJET : Tarifs de la cantine
Le conseil municipal, à l'unanimité, adopte les tarifs.
"""


def president(presidence: str):
    found = read_text(HEAD.format(presidence=presidence))["seance"].get("president")
    return found and found["valeur"]


def test_a_deputy_presiding_unnamed_is_not_the_first_member_of_the_roll():
    assert president("sous la présidence de Monsieur le premier adjoint.") != "Paul ROUQUETTE"
    assert president("sous la présidence de Madame la Vice-Présidente. ") != "Paul ROUQUETTE"


def test_the_office_then_the_name_is_read():
    assert president("sous la présidence de Monsieur le Maire, Paul ROUQUETTE.") == "Paul ROUQUETTE"
    assert president("sous la présidence de M. Paul ROUQUETTE, premier adjoint.") == "Paul ROUQUETTE"


def test_the_name_after_another_office_and_a_label_is_not_the_first_name():
    text = "Monsieur le premier adjoint. Etaient présents : M. Paul ROUQUETTE, Mme Odile FABRE"
    assert first_name_at(text) is None
    assert first_name_at("Monsieur le Maire, Paul ROUQUETTE. Etaient présents").text == "Paul ROUQUETTE"


def test_a_title_after_the_civility_is_no_name():
    """« sous la présidence de Monsieur le Doyen d'âge »: « Doyen » is a title, not a surname in title case."""
    assert president("sous la présidence de Monsieur le Doyen d'âge,") != "Doyen"


def test_a_heading_in_capitals_after_a_surname_alone_is_cut():
    """« Secrétaire de séance : M. GARNIER CANTINE SCOLAIRE »: after a surname in capitals one given name
    may follow (« GARNIER Louis »), never a word in capitals: it is the next heading's."""
    text = HEAD.format(presidence="sous la présidence de M. Paul ROUQUETTE, Maire.").replace(
        "Secrétaire de séance : Mme Lise PUECH", "Secrétaire de séance : M. GARNIER CANTINE SCOLAIRE")
    assert read_text(text)["seance"]["secretaires"] == ["M. GARNIER"]


def test_trim_heading_keeps_one_given_name_after_the_surname_but_no_word_in_capitals():
    assert trim_heading("GARNIER Louis CANTINE SCOLAIRE") == "GARNIER Louis"
    assert trim_heading("GARNIER CANTINE SCOLAIRE") == "GARNIER"
