"""The date inside an ACTES identifier dates the act it transmits; only a deliberation's (nature
« DE ») is a meeting's day. An arrêté (« AR »), a contract (« CC ») or a report sent alone is dated the day
it was signed or sent, which is no meeting's (shared/ecosystem.md, « ACTES »)."""
import pytest
from reader_support import schema_errors, value

from checker.confiance import SEUIL
from checker.reader import read_text

# A report sent to the prefecture: no opening formula, no title naming a meeting; the only dates are
# its stamp's.
REPORT = ("Communauté de communes du Val d'Exemple. Plan climat air énergie territorial. Diagnostic et "
          "stratégie. Accusé de réception en préfecture {id} Date de télétransmission : 14/02/2020 "
          "Date de réception préfecture : 14/02/2020. Le territoire s'engage à réduire ses émissions.")


def read(text):
    record = read_text(text)
    assert schema_errors(record) in ([], ["seance: 'date' is a required property"])
    return record


@pytest.mark.parametrize("identifier", [
    "079-200041317-20200214-C33-02-2020-1AR",   # the nature glued to the number by the extraction
    "079-200041317-20200214-C33_02_2020-AR",
    "079-200041317-20200214-2020_12-AI",
    "079-200041317-20200214-CONV2020-CC",
    "079-200041317-20200214-PCAET 2020-AU",
])
def test_an_identifier_of_another_nature_than_a_deliberation_never_dates_a_meeting(identifier):
    record = read(REPORT.format(id=identifier))
    assert "date" not in record["seance"]
    aside = [entry for entry in record.get("lecture", {}).get("rejetees", []) if entry["champ"] == "seance.date"]
    assert all("non retenue" in entry["raison"] for entry in aside)


@pytest.mark.parametrize("identifier", [
    "079-200041317-20200214-C33-02-2020-1DE",
    "079-200041317-20200214-DEL2020_12-DE",
])
def test_a_deliberation_s_identifier_alone_gives_its_day_below_the_accusation_threshold(identifier):
    record = read(REPORT.format(id=identifier))
    assert value(record["seance"]["date"]) == "2020-02-14"
    assert record["seance"]["date"]["confiance"] < SEUIL


def test_a_deliberation_sent_as_a_regulatory_act_still_confirms_the_formula_of_its_day():
    # A deliberation of regulatory scope is often transmitted with the nature « AR »: beside the formula,
    # its identifier names the same day and the formula's date stands, confirmed.
    text = ("Commune de Saint-Exemple. Extrait du registre des délibérations du conseil municipal. "
            "Reçu en préfecture le 25/03/2024 ID : 028-200069953-20240321-2024_03_01-AR "
            "L'an deux mille vingt-quatre, le 21 mars à 19h30, le conseil municipal s'est réuni. "
            "Objet : Règlement du cimetière. Adopté à l'unanimité.")
    record = read(text)
    assert value(record["seance"]["date"]) == "2024-03-21"
    assert record["seance"]["date"]["confiance"] >= SEUIL
