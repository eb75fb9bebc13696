"""Posting and publication stamps read by what the law in force at their date lets them mean (L2131-1).

Until 30 June 2022 an act was « publié ou affiché »: « publié » alone meant a publication on paper or a posting,
never said which, and going online was only a complement — so « Publié le 12/03/2019 » is no online publication,
and is not read (the reason is kept in `lecture.rejetees`). From 1 July 2022 electronic publication is the rule:
« Publié le … » is read as the act put online, below the accusation threshold. A posting is a posting in every
period, and a stamp that says « en ligne », « site » or « électronique » is an online publication in every period.
Invented extracts."""
import pytest
from reader_support import schema_errors, value

from checker.confiance import SEUIL
from checker.reader import read_text

YEARS_IN_WORDS = {2019: "dix-neuf", 2023: "vingt-trois"}


def extract(year: int, stamp: str) -> str:
    return (f"COMMUNE DE VALBRUNE-SUR-OURCE\nL'an deux mille {YEARS_IN_WORDS[year]}, le cinq mars à 20 h 30, le "
            f"conseil municipal, convoqué le 26 février {year}, s'est réuni sous la présidence de Mme Agnès LORIOT, "
            f"Maire.\nDélibération n° {year}-17. Objet : travaux du lavoir. Après en avoir délibéré, le conseil adopte "
            f"à l'unanimité.\n{stamp.format(y=year)}\n")


def publicity(year: int, stamp: str) -> tuple[dict, list]:
    record = read_text(extract(year, stamp), "t.txt")
    assert schema_errors(record) == []
    found = {}
    for act in record.get("deliberations", []):
        found.update(act.get("publicite") or {})
    reasons = [r for r in record.get("lecture", {}).get("rejetees", []) if "publicite" in r["champ"]]
    return found, reasons


@pytest.mark.parametrize("stamp", ["Publié le 12/03/{y}", "Publiée le : 12/03/{y}", "Date de publication : 12/03/{y}",
                                   "Publié ou notifié le 12/03/{y}", "Publication : 12/03/{y}",
                                   "Certifiée exécutoire par le Maire compte tenu de sa publication le 12/03/{y} et de "
                                   "sa transmission au contrôle de légalité le 11/03/{y}"])
def test_published_before_july_2022_is_not_read_as_online(stamp):
    found, reasons = publicity(2019, stamp)
    assert "date_mise_en_ligne" not in found
    assert any("avant le 1er juillet 2022" in r["raison"] for r in reasons)


@pytest.mark.parametrize("stamp", ["Publié le 12/03/{y}", "Date de publication : 12/03/{y}",
                                   "Publié ou notifié le 12/03/{y}"])
def test_published_since_july_2022_is_read_as_online_below_the_threshold(stamp):
    found, reasons = publicity(2023, stamp)
    assert value(found["date_mise_en_ligne"]) == "2023-03-12"
    assert found["date_mise_en_ligne"]["confiance"] < SEUIL
    assert reasons == []


@pytest.mark.parametrize("year", [2019, 2023])
@pytest.mark.parametrize("stamp", ["Publié sur le site internet de la commune le 12/03/{y}",
                                   "Publié sous forme électronique le 12/03/{y}", "Mis en ligne le 12/03/{y}",
                                   "Mise en ligne sur le site internet : 12/03/{y}"])
def test_a_stamp_that_says_online_is_online_in_every_period(year, stamp):
    found, _ = publicity(year, stamp)
    assert value(found["date_mise_en_ligne"]) == f"{year}-03-12"


@pytest.mark.parametrize("year", [2019, 2023])
@pytest.mark.parametrize("stamp", ["Affiché à la porte de la mairie le 12 mars {y}", "Compte rendu affiché le 12 mars {y}",
                                   "Certifié exécutoire compte tenu de l'affichage le 12/03/{y} et de la transmission "
                                   "en préfecture le 11/03/{y}", "Affichage : du 12/03/{y} au 12/05/{y}",
                                   "Publié par affichage le 12/03/{y}", "Affiché le | Transmis le\n12/03/{y} | 11/03/{y}",
                                   "Affiché(e) le : 12/03/{y}", "Affichage en date du 12/03/{y}",
                                   "Affiché et certifié exécutoire le 12/03/{y}"])
def test_a_posting_is_read_as_a_posting_in_every_period(year, stamp):
    found, _ = publicity(year, stamp)
    assert value(found["date_affichage"]) == f"{year}-03-12"
    assert "date_mise_en_ligne" not in found


def test_a_stamp_box_pairs_the_posting_and_the_sending_by_their_order():
    record = read_text(extract(2019, "Affiché le | Transmis le\n12/03/{y} | 11/03/{y}"), "t.txt")
    act = record["deliberations"][0]
    assert value(act["publicite"]["date_affichage"]) == "2019-03-12"
    assert value(act["transmission"]["date_envoi"]) == "2019-03-11"


def test_a_participle_written_for_either_gender_is_read():
    record = read_text(extract(2019, "Envoyé(e) en préfecture le 11/03/{y}\nReçu(e) en préfecture le 11/03/{y}"), "t.txt")
    transmission = record["deliberations"][0]["transmission"]
    assert value(transmission["date_envoi"]) == "2019-03-11"
    assert value(transmission["date_reception"]) == "2019-03-11"
