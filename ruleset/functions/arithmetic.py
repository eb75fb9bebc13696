"""Counting functions: majorities, thirds, quarters, rounding."""
from __future__ import annotations

import math

from ruleset.functions import helper


@helper("majorite_absolue")
def _majorite_absolue(n):
    """Plus de la moitié de `n` : le plus petit entier strictement supérieur à n / 2."""
    return int(n) // 2 + 1


@helper("tiers")
def _tiers(n):
    """Le tiers de `n`, arrondi à l'entier supérieur."""
    return math.ceil(int(n) / 3)


@helper("quart")
def _quart(n):
    """Le quart de `n`, arrondi à l'entier supérieur."""
    return math.ceil(int(n) / 4)


@helper("deux_tiers")
def _deux_tiers(n):
    """Les deux tiers de `n`, arrondis à l'entier supérieur."""
    return math.ceil(2 * int(n) / 3)


@helper("plafond")
def _plafond(x):
    """Arrondi à l'entier supérieur."""
    return math.ceil(x)


@helper("plancher")
def _plancher(x):
    """Arrondi à l'entier inférieur."""
    return math.floor(x)


@helper("min")
def _min(a, b):
    """Le plus petit de deux nombres."""
    return min(a, b)


@helper("max")
def _max(a, b):
    """Le plus grand de deux nombres."""
    return max(a, b)
