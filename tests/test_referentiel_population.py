"""The population of the March 2020 renewal: in no version of the data, so bounded; the margin is
calibrated on the years the data carries, and this test holds the calibration."""
from __future__ import annotations

import datetime as dt

import pytest

from checker.referentiel.donnees import _commune, charger
from checker.referentiel.population import borner, population_au_renouvellement

# (hidden census year, census years of the figures around it), as the 2017 figure of the 2020
# renewal is bounded from those of 2016, 2019 and 2020.
ANALOGUES = [(2020, (2019, 2022, 2023)), (2022, (2019, 2020, 2023)), (2019, (2016, 2020, 2022)),
             (2020, (2016, 2019, 2022)), (2019, (2016, 2020)), (2020, (2019, 2022))]


@pytest.fixture(scope="module")
def communes():
    data = charger()
    return data, [_commune(line) for line in data.text.decode("utf-8").split("\n")[1:] if line.startswith("C\t")]


def figures(data, commune, years):
    """{census year: figure} of the versions where the commune has the perimeter of the latest one."""
    out = {}
    for i, version in enumerate(data.versions):
        if commune.presente[i] and commune.populations[i] is not None and version.recensement in years:
            out.setdefault(version.recensement, (commune.populations[i], commune.perimetre(i)))
    return out


def test_every_known_figure_hidden_falls_in_the_range_its_neighbours_give(communes):
    data, all_communes = communes
    trials, outside = 0, []
    for hidden, around in ANALOGUES:
        for commune in all_communes:
            known = figures(data, commune, (hidden, *around))
            if len(known) < len(around) + 1 or len({p for _, p in known.values()}) > 1:
                continue
            low, high = borner([known[y][0] for y in around])
            trials += 1
            if not low <= known[hidden][0] <= high:
                outside.append((commune.nom, hidden, known))
    assert trials > 200_000 and outside == []


def test_the_range_of_2020_holds_villeneuve_d_ascqs_figures_including_the_2021_one():
    data = charger()
    population = population_au_renouvellement(data, data.commune("59009"), dt.date(2023, 12, 19))
    # 62 727: INSEE's populations légales 2018, in force in 2021, in no version of the data.
    for figure in (62358, 62727, 61957, 61258):
        assert population.bas <= figure <= population.haut
    assert "absente des données" in population.provenance and "calibrée" in population.provenance


def test_the_2026_renewal_is_exact_and_a_meeting_of_2014_has_no_figure():
    data = charger()
    exact = population_au_renouvellement(data, data.commune("59009"), dt.date(2026, 6, 1))
    assert exact.bas == exact.haut == 62868
    assert not population_au_renouvellement(data, data.commune("59009"), dt.date(2016, 6, 1)).connue
