"""The qualified majority of L5211-5 II, required to create an EPCI and, by reference, to transfer
competences (L5211-17), admit a member (L5211-18) or let one withdraw (L5211-19).

L5211-5 II: « deux tiers au moins des conseils municipaux des communes intéressées représentant plus
de la moitié de la population totale de celles-ci, ou […] la moitié au moins des conseils municipaux
des communes représentant les deux tiers de la population ». Cette majorité doit comprendre :
1° pour un syndicat (et un syndicat mixte fermé, L5711-1), les conseils municipaux des communes dont
la population est supérieure au quart de la population totale concernée ; 2° pour une communauté de
communes ou d'agglomération, le conseil municipal de la commune la plus peuplée, lorsque sa
population est supérieure au quart de la population totale (cgct.md §7.2).

Every comparison is made on integers (3 × accords ≥ 2 × conseils rather than a rounded two thirds),
so that no rounding decides a majority.
"""
from __future__ import annotations


def majorite_qualifiee(populations: list[int], accords: list[bool], syndicat: bool = True) -> bool:
    """True when the favourable councils form the qualified majority of L5211-5 II.

    `populations[i]` and `accords[i]` describe the same member; `syndicat` selects the member that
    must be among the favourable ones (every commune above one quarter of the total for a syndicate,
    the most populous one above one quarter for a communauté). When several communes tie as the most
    populous, each of them is required: the text names « la commune » and does not say which.
    """
    populations = list(populations)
    accords = list(accords)
    if len(populations) != len(accords):
        raise ValueError(f"{len(populations)} populations pour {len(accords)} avis : une population et un avis par membre")
    if not populations:
        raise ValueError("aucun membre : la majorité qualifiée se calcule sur les membres consultés")
    for population in populations:
        if isinstance(population, bool) or not isinstance(population, int) or population < 0:
            raise ValueError(f"population invalide {population!r} : un nombre entier d'habitants, positif ou nul")
    for accord in accords:
        if not isinstance(accord, bool):
            raise ValueError(f"avis invalide {accord!r} : vrai (favorable) ou faux (défavorable)")
    total = sum(populations)
    if total == 0:
        raise ValueError("population totale nulle : la majorité qualifiée ne peut se calculer")
    conseils = len(populations)
    favorables = sum(1 for a in accords if a)
    population_favorable = sum(p for p, a in zip(populations, accords) if a)

    deux_tiers_des_conseils_et_plus_de_la_moitie = 3 * favorables >= 2 * conseils and 2 * population_favorable > total
    moitie_des_conseils_et_deux_tiers = 2 * favorables >= conseils and 3 * population_favorable >= 2 * total
    if not (deux_tiers_des_conseils_et_plus_de_la_moitie or moitie_des_conseils_et_deux_tiers):
        return False
    return all(accords[i] for i in membres_indispensables(populations, syndicat))


def membres_indispensables(populations: list[int], syndicat: bool = True) -> list[int]:
    """Indices of the members whose agreement the majority must include (L5211-5 II 1° and 2°)."""
    total = sum(populations)
    plus_du_quart = [i for i, p in enumerate(populations) if 4 * p > total]
    if syndicat:
        return plus_du_quart
    if not populations:
        return []
    plus_peuplee = max(populations)
    return [i for i in plus_du_quart if populations[i] == plus_peuplee]
