"""« Publication sur papier le … »: the publication on paper L2131-1 names beside the posting, read as
publicite.date_publication_papier below the accusation threshold (no label scores it: the field is read for the
rules of L2131-1 and L2122-21, which count it as the act's publicity before 1 July 2022). Invented extracts."""
import pytest
from reader_support import schema_errors, value

from checker.confiance import SEUIL
from checker.reader import read_text


def extract(stamp: str) -> str:
    return ("COMMUNE DE VALBRUNE-SUR-OURCE\nL'an deux mille dix-neuf, le cinq mars à 20 h 30, le conseil municipal, "
            "convoqué le 26 février 2019, s'est réuni sous la présidence de Mme Agnès LORIOT, Maire.\n"
            "Délibération n° 2019-17. Objet : travaux du lavoir. Après en avoir délibéré, le conseil adopte à "
            f"l'unanimité.\n{stamp}\n")


def publicity(stamp: str) -> tuple[dict, list]:
    record = read_text(extract(stamp), "t.txt")
    assert schema_errors(record) == []
    found = {}
    for act in record.get("deliberations", []):
        found.update(act.get("publicite") or {})
    return found, record.get("lecture", {}).get("rejetees", [])


@pytest.mark.parametrize("stamp", ["Publication sur papier le 12/03/2019", "Publié sous forme papier le 12 mars 2019",
                                   "Date de publication papier : 12/03/2019", "Publication papier : 12/03/2019",
                                   "Reçu en préfecture le 11/03/2019\nPublication sur papier le 12/03/2019"])
def test_a_paper_publication_is_read_below_the_threshold(stamp):
    found, _ = publicity(stamp)
    assert value(found["date_publication_papier"]) == "2019-03-12"
    assert found["date_publication_papier"]["confiance"] < SEUIL
    assert "date_affichage" not in found and "date_mise_en_ligne" not in found


def test_a_paper_publication_beside_a_posting_and_an_online_one_is_read_apart():
    found, _ = publicity("Affiché le 12/03/2019\nPublication sur papier le 13/03/2019\nMis en ligne le 14/03/2019")
    assert value(found["date_affichage"]) == "2019-03-12"
    assert value(found["date_publication_papier"]) == "2019-03-13"
    assert value(found["date_mise_en_ligne"]) == "2019-03-14"


def test_a_bare_publication_is_no_paper_publication():
    found, _ = publicity("Date de publication : 12/03/2019")
    assert "date_publication_papier" not in found


def test_a_paper_publication_dated_before_the_meeting_is_set_aside_with_its_reason():
    found, rejected = publicity("Publication sur papier le 02/03/2019")
    assert "date_publication_papier" not in found
    reasons = [r["raison"] for r in rejected if r["champ"].endswith("publicite.date_publication_papier")]
    assert reasons == ["publication sur papier du 02/03/2019 antérieur(e) à la séance du 05/03/2019"]


def test_before_july_2022_the_paper_publication_makes_the_act_executory_and_never_grounds_an_accusation():
    from checker.engine_cache import engine_for
    from checker.record import build_record
    record = build_record(read_text(extract("Reçu en préfecture le 11/03/2019\nPublication sur papier le 12/03/2019"),
                                    "t.txt"), "t.txt")
    found = {f.regle: f.statut for f in engine_for().check(record) if f.regle.startswith(("L2131-1", "L2122-21"))}
    assert found["L2131-1.caractere_executoire"] == "conforme"
    assert "non_conforme" not in found.values()
