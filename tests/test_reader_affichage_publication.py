"""The posting and publication of an act, read once in the stamps and certificates, each with its check.

Since 1 July 2022 (L2131-1) an act becomes enforceable by its publication, online as a rule; before,
by its posting. The extracts and procès-verbaux print the dates in many ways: « affiché le », a place
between the participle and its date, the paper named (« le présent compte rendu »), a form's blank
filled in, a header box flattened labels first. Each date must follow the meeting; the receipt must
follow the sending; a stamp printed with another act's @ctes identifier is that act's. Every phrasing
here is invented for these tests.
"""
import pytest
from reader_support import schema_errors, value

from checker.reader import read_text
from checker.reader.normalize import normalize

MEETING = ("Commune de Valbrune-sur-Ource. L'an deux mille vingt-quatre, le mardi 9 avril à 20 h 30, le conseil municipal "
           "s'est réuni sous la présidence de Mme Agnès LORIOT, Maire. Délibération n° 2024-17. Objet : travaux du "
           "lavoir. Après en avoir délibéré, le conseil adopte à l'unanimité. ")


def act(tail: str, head: str = "") -> dict:
    record = read_text(head + MEETING + tail)
    assert schema_errors(record) == []
    assert value(record["seance"]["date"]) == "2024-04-09"
    return record


def first(record: dict) -> dict:
    return record["deliberations"][0]


def reasons(record: dict) -> list:
    return [r["raison"] for r in record.get("lecture", {}).get("rejetees", [])]


@pytest.mark.parametrize("stamp", [
    "Affichée aux portes de la mairie le 12 avril 2024.",
    "Affiché sur les panneaux municipaux le 12/04/2024.",
    "Affiché au tableau d'affichage de l'hôtel de ville le 12 avril 2024.",
    "La présente délibération a été affichée à la mairie annexe le 12.04.2024.",
    "Affichage du compte rendu le 12 avril 2024.",
    "Affichage du procès-verbal : 12/04/2024",
    "Affichage effectué le 12/04/2024",
    "Le Maire certifie avoir affiché le présent compte rendu le 12 avril 2024.",
    "Affiché : 12/04/2024",
    "Affiché le ______ 12/04/2024",
    "Affiché le - 12 AVR. 2024",
    "Affiché le 12/O4/2024",
])
def test_a_posting_phrasing_gives_the_posting_date(stamp):
    posted = first(act(stamp))["publicite"]["date_affichage"]
    assert value(posted) == "2024-04-12"


def test_a_posting_without_its_year_takes_the_meetings_with_doubt():
    posted = first(act("Affiché en mairie le 12 avril."))["publicite"]["date_affichage"]
    assert value(posted) == "2024-04-12"
    assert posted["confiance"] < 0.9


def test_a_day_without_year_that_would_precede_the_meeting_is_not_pushed_a_year_on():
    # « 2 avril » before the meeting of 9 April: no year puts it in the weeks after, nothing is read.
    assert "publicite" not in first(act("Affiché en mairie le 2 avril."))


@pytest.mark.parametrize("head", [
    "MAIRIE DE VALBRUNE-SUR-OURCE Date de convocation : Date d'affichage : En exercice : Présents : Votants : "
    "02/04/2024 12/04/2024 15 12 13 ",
    "Date de la convocation : Date d'affichage : Conseillers en exercice : 02.04.2024 12.04.2024 15 ",
])
def test_a_flattened_header_box_gives_each_date_to_its_label(head):
    record = act("", head)
    assert value(first(record)["publicite"]["date_affichage"]) == "2024-04-12"
    assert value(record["convocation"]["date_envoi"]) == "2024-04-02"


def test_a_flattened_box_with_fewer_dates_than_labels_gives_none():
    record = act("", "Date de convocation : Date d'affichage : En exercice : Présents : 12/04/2024 15 12 ")
    assert "publicite" not in (record.get("deliberations") or [{}])[0]


@pytest.mark.parametrize("stamp, field, day", [
    ("Date de transmission au contrôle de légalité : 11/04/2024", "date_envoi", "2024-04-11"),
    ("Date d'envoi au représentant de l'État : 11/04/2024", "date_envoi", "2024-04-11"),
    ("Date de réception par la préfecture : 11/04/2024", "date_reception", "2024-04-11"),
    ("Date de réception par le sous-préfet : 11/04/2024", "date_reception", "2024-04-11"),
])
def test_a_transmission_label_naming_its_addressee_gives_its_date(stamp, field, day):
    assert value(first(act(stamp))["transmission"][field]) == day


def test_the_convocation_posted_at_the_doors_is_not_the_acts_posting():
    record = act("", "La convocation a été affichée aux portes de la mairie le 2 avril 2024. ")
    assert "publicite" not in (record.get("deliberations") or [{}])[0]


def test_a_posting_dated_before_the_meeting_is_set_aside_with_its_reason():
    record = act("Affichée aux portes de la mairie le 2 avril 2024.")
    assert "date_affichage" not in (first(record).get("publicite") or {})
    assert any("antérieur" in r and "02/04/2024" in r for r in reasons(record))


def test_a_receipt_before_the_sending_sets_both_aside():
    record = act("Date de transmission au contrôle de légalité : 15/04/2024 Date de réception par la préfecture : "
                 "11/04/2024")
    assert not (first(record).get("transmission") or {}).get("date_reception")
    assert not (first(record).get("transmission") or {}).get("date_envoi")
    assert any("antérieure à l'envoi" in r for r in reasons(record))


def test_a_stamp_printed_with_another_acts_identifier_is_that_acts():
    # A convention of 26 March annexed to this act and sent with it: its box is not this act's stamp.
    record = act("Annexe : convention de mise à disposition. Accusé de réception en préfecture "
                 "021-212100000-20240326-2024_12-DE Date de télétransmission : 11/04/2024 Date de réception "
                 "préfecture : 11/04/2024")
    assert "transmission" not in first(record) or "date_reception" not in first(record)["transmission"]
    assert any("autre acte" in r and "26/03/2024" in r for r in reasons(record))


def test_a_stamp_printed_with_the_acts_own_identifier_is_read():
    record = act("Accusé de réception en préfecture 021-212100000-20240409-2024_17-DE Date de télétransmission : "
                 "11/04/2024 Date de réception préfecture : 11/04/2024")
    assert value(first(record)["transmission"]["date_reception"]) == "2024-04-11"


@pytest.mark.parametrize("raw, mended", [
    ("le O3/07/2018", "le 03/07/2018"),
    ("le 1O/12/2023 à", "le 10/12/2023 à"),
    ("le 03/O7/2018", "le 03/07/2018"),
    # Not a date in figures: letters stay.
    ("M. BOO 12/03/2019", "M. BOO 12/03/2019"),
    ("Mme O 12/03/2019", "Mme O 12/03/2019"),
])
def test_a_zero_read_as_the_letter_o_is_mended_only_inside_a_date_in_figures(raw, mended):
    assert normalize(raw) == mended


@pytest.mark.parametrize("stamp, section, field", [
    ("La présente délibération sera affichée le 12 avril 2024.", "publicite", "date_affichage"),
    ("La présente délibération sera publiée sur le site de la commune le 12/04/2024.", "publicite",
     "date_mise_en_ligne"),
    ("La délibération sera immédiatement transmise au contrôle de légalité le 11/04/2024.", "transmission",
     "date_envoi"),
])
def test_a_date_announced_in_the_future_is_read_below_the_gate(stamp, section, field):
    announced = first(act(stamp))[section][field]
    assert announced["confiance"] < 0.9
    assert "annoncé" in announced["source"]


def test_a_stamp_certified_done_after_an_announced_one_keeps_its_trust():
    delib = first(act("La délibération sera affichée le 12 avril 2024. Affiché le 12/04/2024. Reçu en préfecture le "
                      "11/04/2024."))
    assert delib["transmission"]["date_reception"]["confiance"] >= 0.9


@pytest.mark.parametrize("stamp, day", [
    ("Affiché du 12 au 26 avril 2024.", "2024-04-12"),
    ("Affichée en mairie du 12 au 26/04/2024", "2024-04-12"),
    ("Affiché du 1er au 15 mai 2024.", "2024-05-01"),
    ("Affiché du 12 avril au 2 mai 2024.", "2024-04-12"),
    ("Affiché du 12 avril jusqu'au 2 mai 2024.", "2024-04-12"),
])
def test_a_posting_range_gives_its_first_day(stamp, day):
    posted = first(act(stamp))["publicite"]["date_affichage"]
    assert value(posted) == day
    assert posted["confiance"] >= 0.9


def test_a_range_whose_first_day_follows_its_last_gives_none():
    assert "publicite" not in first(act("Affiché du 28 au 2 mai 2024."))
