"""Counting functions: majorities, thirds, quarters, rounding.

Each is non-decreasing in its arguments, so over numbers known as bounds it gives the bounds of
its results (`ruleset.intervals.monotone`): the majority of 33 to 49 members is 17 to 25.
"""
from __future__ import annotations

import math

from ruleset.functions import helper
from ruleset.intervals import bounds, monotone, why_of
from ruleset.values import Interval, bounded


def _majorite_absolue_point(n):
    return int(n) // 2 + 1


@helper("majorite_absolue", intervals=True)
def _majorite_absolue(n):
    """Plus de la moitié de `n` : le plus petit entier strictement supérieur à n / 2."""
    return monotone(_majorite_absolue_point, n)


def _tiers_point(n):
    return math.ceil(int(n) / 3)


@helper("tiers", intervals=True)
def _tiers(n):
    """Le tiers de `n`, arrondi à l'entier supérieur."""
    return monotone(_tiers_point, n)


def _quart_point(n):
    return math.ceil(int(n) / 4)


@helper("quart", intervals=True)
def _quart(n):
    """Le quart de `n`, arrondi à l'entier supérieur."""
    return monotone(_quart_point, n)


def _deux_tiers_point(n):
    return math.ceil(2 * int(n) / 3)


@helper("deux_tiers", intervals=True)
def _deux_tiers(n):
    """Les deux tiers de `n`, arrondis à l'entier supérieur."""
    return monotone(_deux_tiers_point, n)


def _plafond_point(x):
    return math.ceil(x)


@helper("plafond", intervals=True)
def _plafond(x):
    """Arrondi à l'entier supérieur."""
    return monotone(_plafond_point, x)


def _plancher_point(x):
    return math.floor(x)


@helper("plancher", intervals=True)
def _plancher(x):
    """Arrondi à l'entier inférieur."""
    return monotone(_plancher_point, x)


@helper("min", intervals=True)
def _min(a, b):
    """Le plus petit de deux nombres."""
    if type(a) is Interval or type(b) is Interval:
        (a1, a2), (b1, b2) = bounds(a), bounds(b)
        return bounded(min(a1, b1), min(a2, b2), why_of(a, b))
    return min(a, b)


@helper("max", intervals=True)
def _max(a, b):
    """Le plus grand de deux nombres."""
    if type(a) is Interval or type(b) is Interval:
        (a1, a2), (b1, b2) = bounds(a), bounds(b)
        return bounded(max(a1, b1), max(a2, b2), why_of(a, b))
    return max(a, b)
