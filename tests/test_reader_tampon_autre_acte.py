"""A stamp printed with only another day's ACTES identifier is that act's stamp, even when the identifier begins
near the edge of the stamp's box and ends past it (the identifier is read whole)."""
import pytest
from reader_support import schema_errors, value

from checker.reader import read_text

HEAD = ("Commune de Saint-Exemple. Extrait du registre des délibérations. L'an deux mille vingt-deux, le sept "
        "décembre à 18 h 30, le conseil municipal s'est réuni. Présents : M. Paul EXEMPLE, Mme Anne MODELE. "
        "Objet : Tarifs. Adopté à l'unanimité. Date de réception préfecture : 09/12/2022. ")


@pytest.mark.parametrize("filler", [95, 105, 110])
def test_a_sending_stamp_whose_box_names_another_day_s_identifier_is_set_aside(filler):
    other = ("Envoyé en préfecture le 27/03/2024 " + "x" * filler +
             " ID : 028-200069953-20240321-204_03_01-AR Extrait du registre des délibérations")
    record = read_text(HEAD + other)
    assert schema_errors(record) == []
    transmission = record["deliberations"][0].get("transmission", {})
    assert "date_envoi" not in transmission
    assert value(transmission["date_reception"]) == "2022-12-09"
