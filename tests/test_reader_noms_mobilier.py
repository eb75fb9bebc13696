"""Page furniture between two names of a list: a multi-page PDF's text layer puts each page's header,
footer and stamp where the page ends, often inside the roll or the list of proxies. The names are read
without them: never a list cut short, two names joined, or a piece of furniture read as a name."""
from __future__ import annotations

import re
import unicodedata

import pytest

from checker.reader import read_text
from checker.reader.furniture import furniture_spans, without_furniture
from checker.reader.normalize import Document


def fold(name):
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"^(?:m|mme|mr|monsieur|madame)\.? +", "", plain)
    return " ".join(sorted(plain.replace("-", " ").split()))


TITLE = "COMMUNE DE SAINT-AY CONSEIL MUNICIPAL DU 12 MARS 2024"
HEAD = (TITLE + "\nL'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal, régulièrement "
        "convoqué le 5 mars 2024, s'est réuni sous la présidence de M. Jean DUPONT, Maire.\n")
TAIL = ("Objet : Budget primitif 2024\nLe conseil municipal, après en avoir délibéré, à l'unanimité, adopte le "
        "budget.\nEnvoyé en préfecture le 15/03/2024\nReçu en préfecture le 15/03/2024\n"
        "ID : 045-214502345-20240312-DEL2024_01-DE\n")

FURNITURE = {
    "page": "Page 2/4",
    "page_sur": "Page 2 sur 4",
    "page_et_entete": "Page 2/4\n" + TITLE,
    "entete_seul": TITLE,
    "folio": "-1/84-",
    "tampon": ("Envoyé en préfecture le 15/03/2024\nReçu en préfecture le 15/03/2024\nAffiché le\n"
               "ID : 045-214502345-20240312-DEL2024_01-DE"),
    "tampon_autre_acte": ("Envoyé en préfecture le 02/01/2024\nReçu en préfecture le 02/01/2024\nAffiché le 03/01/2024\n"
                          "ID : 045-214502345-20240102-AN07-DE"),
    "accuse": ("Accusé de réception en préfecture 045-214502345-20240312-DEL2024_01-DE Date de télétransmission : "
               "15/03/2024 Date de réception préfecture : 15/03/2024"),
}

LINES = ["Présents : M. Jean DUPONT, Mme Claire ROUX,", "M. Paul MARTIN, Mme Anne PETIT,", "M. Luc BLANC",
         "Pouvoirs : Mme Sophie LEROY à M. Paul MARTIN,", "M. Yves GARNIER à", "Mme Anne PETIT",
         "Absents : M. Marc BERNARD,", "Mme Julie MOREAU", "Secrétaire de séance :", "Mme Claire ROUX"]


def document(furniture, at, flat):
    lines = LINES[:at] + [furniture] + LINES[at:]
    body = "\n".join(lines) + "\n"
    text = HEAD + body + TAIL
    return " ".join(text.split()) if flat else text


@pytest.mark.parametrize("flat", [False, True])
@pytest.mark.parametrize("at", range(1, len(LINES)))
@pytest.mark.parametrize("kind", sorted(FURNITURE))
def test_names_read_across_page_furniture(kind, at, flat):
    seance = read_text(document(FURNITURE[kind], at, flat), "t.txt")["seance"]
    pairs = {(fold(p["mandant"]), fold(p["mandataire"])) for p in seance.get("pouvoirs", [])}
    assert pairs == {(fold("Sophie LEROY"), fold("Paul MARTIN")), (fold("Yves GARNIER"), fold("Anne PETIT"))}
    assert {fold(n) for n in seance.get("absents", [])} == {fold("Marc BERNARD"), fold("Julie MOREAU")}
    assert [fold(n) for n in seance.get("secretaires", [])] == [fold("Claire ROUX")]
    assert fold(seance["president"]["valeur"]) == fold("Jean DUPONT")


@pytest.mark.parametrize("kind", sorted(FURNITURE))
def test_furniture_is_taken_out_and_nothing_else(kind):
    doc = Document(document(FURNITURE[kind], 4, False))
    clean = without_furniture(doc)
    assert len(clean.text) == len(clean.fold)
    for word in ("préfecture", "Page 2", "-1/84-", "ID :"):
        assert word not in clean.text
    # The heading stays where it opens the document; every name of the lists stays.
    assert clean.text.startswith(TITLE)
    for line in LINES:
        for name in re.findall(r"[A-Z]{4,}", line):
            assert name in clean.text


def test_a_stamp_is_still_read_once_the_names_skip_it():
    record = read_text(document(FURNITURE["tampon"], 4, False), "t.txt")
    reception = record["deliberations"][0]["transmission"]["date_reception"]
    assert (reception["valeur"] if isinstance(reception, dict) else reception) == "2024-03-15"


def test_a_body_named_in_a_delegates_line_is_not_its_heading():
    # The heading in capitals is furniture where it is printed again; the same words in a delegate's
    # line, written otherwise, are not.
    doc = Document("SYNDICAT DES EAUX DU VAL\nComité syndical\nPrésents : Syndicat des eaux du Val : M. Paul MARTIN")
    assert furniture_spans(doc) == []
