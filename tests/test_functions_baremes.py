"""Population brackets (barèmes) read from the table written in the rule."""
import pytest

from ruleset.functions import HELPERS

SEUILS = [100, 500, 1500, 2500, 3500]
SIEGES = [7, 11, 15, 19, 23, 27]


def call(name, *args):
    return HELPERS[name].function(*args)


@pytest.mark.parametrize("population, sieges", [(0, 7), (99, 7), (100, 11), (499, 11), (500, 15),
                                                (3499, 23), (3500, 27), (250000, 27)])
def test_a_bracket_starts_at_its_threshold(population, sieges):
    assert call("selon_tranche", population, SEUILS, SIEGES) == sieges


@pytest.mark.parametrize("population, libelle", [
    (80, "moins de 100 habitants"),
    (1200, "de 500 à 1\u202f499 habitants"),
    (3500, "3\u202f500 habitants et plus"),
])
def test_the_bracket_is_named_in_words(population, libelle):
    assert call("tranche_habitants", population, SEUILS) == libelle


def test_the_bracket_is_found_back_from_its_result():
    assert call("tranche_de_resultat", 15, SEUILS, SIEGES) == "de 500 à 1\u202f499 habitants"
    assert call("tranche_de_resultat", 1, [10, 20], [1, 2, 1]) == "moins de 10 habitants ou 20 habitants et plus"
    with pytest.raises(ValueError, match="aucune tranche"):
        call("tranche_de_resultat", 16, SEUILS, SIEGES)


@pytest.mark.parametrize("seuils, resultats, message", [
    ([500, 100], [1, 2, 3], "croissant"),
    ([100, 500], [1, 2], "appellent 3 résultats"),
    ([100, "500"], [1, 2, 3], "seuil invalide"),
])
def test_a_malformed_table_is_refused(seuils, resultats, message):
    with pytest.raises(ValueError, match=message):
        call("selon_tranche", 10, seuils, resultats)


def test_a_negative_population_is_refused():
    with pytest.raises(ValueError, match="positif"):
        call("selon_tranche", -1, SEUILS, SIEGES)
