"""Seats of an EPCI à fiscalité propre's council (CGCT L5211-6-1), as bounds.

L5211-6-1 (version from loi n° 2015-264 du 9 mars 2015; LEGIARTI of the version in force: to be
verified, none is listed in legiarti.md) sets the seats in two ways:

- by law (« droit commun », II to VI): the table of III by the EPCI's population gives a number
  of seats, shared among the member communes at the proportional representation with the
  highest average (III); a commune left without one gets one more, beyond the table (IV 1°);
  when those exceed 30 % of the table, 10 % of the seats of III and IV are added (V, rounded
  down: CE 15 nov. 2017, n° 410338); otherwise the communes may add up to 10 % of them (VI).
  The text of V and VI was not read here (cgct.md has no section on L5211-6-1; confidence low):
  both are counted as possible, never as due;
- in a communauté de communes or d'agglomération only, by an « accord local » of the councils
  (I 2°): at most 25 % more than the seats of III and IV (a), each commune at least one (c).

So only part is certain from the reference data. The figures of III, IV and V are computed
exactly; the council's size is then given as bounds: from the droit commun (a métropole or a
communauté urbaine: no accord local) or the number of member communes (an accord local has no
other floor in the text) up to the largest of the droit commun with VI and the accord's ceiling.
The population is the population municipale authenticated the year before the general renewal
(R5211-1-1 I), that is, in force on 1 January of that year: 2019 for the 2020 mandate, 2025 for
the 2026 one. A change of perimeter between renewals recomposes the council (L5211-6-2) with
another year's figures: the seats are then not deduced. The members in office are at most the
seats; the law sets no minimum (a seat may stay vacant, code électoral L273-10), so the bound
below is zero and only a quorum that holds over the whole range is decided.
"""
from __future__ import annotations

import heapq
import math
from fractions import Fraction

# III: (lowest population of the bracket, seats), increasing.
TABLEAU = ((0, 16), (3_500, 18), (5_000, 22), (10_000, 26), (20_000, 30), (30_000, 34), (40_000, 38),
           (50_000, 40), (75_000, 42), (100_000, 48), (150_000, 56), (200_000, 64), (250_000, 72),
           (350_000, 80), (500_000, 90), (700_000, 100), (1_000_001, 130))
ACCORD_LOCAL = ("communaute_de_communes", "communaute_d_agglomeration")
# Métropole du Grand Paris, Aix-Marseille-Provence: seats set by their own articles.
PROPRES = {"200054781": "L5219-2-1 (Métropole du Grand Paris)", "200054807": "L5218-2-1 (Aix-Marseille-Provence)"}


def sieges_du_tableau(population: int) -> int:
    seats = TABLEAU[0][1]
    for lowest, number in TABLEAU:
        if population >= lowest:
            seats = number
    return seats


def plus_forte_moyenne(populations: list[int], nombre: int) -> tuple[Fraction, int, int]:
    """The average that wins the last of `nombre` seats at the highest average (D'Hondt's
    method, which the quotient-then-highest-average rule of III equals), the number of averages
    above it, and the number equal to it (more than the seats left when a tie leaves it open).
    Averages are p/k for k from 1 to `nombre`; the seats are given one by one from a heap."""
    heap = [(-Fraction(p), i, 1) for i, p in enumerate(populations)]
    heapq.heapify(heap)
    cutoff = Fraction(0)
    for _ in range(nombre):
        value, i, k = heapq.heappop(heap)
        cutoff = -value
        if k < nombre:
            heapq.heappush(heap, (-Fraction(populations[i], k + 1), i, k + 1))
    above = equal = 0
    for p in populations:
        if cutoff == 0:
            above += nombre if p > 0 else 0
            equal += nombre if p == 0 else 0
            continue
        q = Fraction(p) / cutoff  # p/k > cutoff exactly when k < q
        above += min(nombre, math.ceil(q) - 1) if q > 0 else 0
        equal += 1 if q.denominator == 1 and 1 <= q <= nombre else 0
    return cutoff, above, equal


class SiegesEpci:
    __slots__ = ("tableau", "sans_siege", "droit_commun", "bas", "haut", "certain", "detail")
    # droit_commun: the seats of III and IV, (fewest, most); bas, haut: the bounds of the council.

    def __init__(self, tableau, sans_siege, droit_commun, bas, haut, certain, detail):
        self.tableau = tableau  # III
        self.sans_siege = sans_siege  # IV 1°: (fewest, most)
        self.droit_commun = droit_commun  # III + IV + V: (fewest, most)
        self.bas = bas
        self.haut = haut
        self.certain = certain  # what part is certain, in words
        self.detail = detail


def _zero_seats(populations: list[int], nombre: int) -> tuple[int, int]:
    """How many communes get no seat at the highest average: fewest and most (a tie for the last
    seats can leave it open)."""
    if not populations:
        return 0, 0
    cutoff, above, equal = plus_forte_moyenne(populations, nombre)
    left = nombre - above  # seats for the averages equal to the cutoff
    certain = sum(1 for p in populations if p < cutoff)
    maybe = sum(1 for p in populations if p == cutoff)  # their first average is the cutoff
    others = equal - maybe  # tied averages of communes that already hold a seat
    if equal == left:
        return certain, certain
    return certain + maybe - min(left, maybe), certain + maybe - max(0, left - others)


def sieges_epci(populations: list[int], nature: str) -> SiegesEpci:
    """The seats of an EPCI whose member communes have `populations` (the year of the
    recomposition), as the law alone leaves them."""
    total = sum(populations)
    table = sieges_du_tableau(total)
    zero_low, zero_high = _zero_seats(populations, table)
    base_low, base_high = table + zero_low, table + zero_high  # III and IV
    # V (10 % more when the seats of IV 1° exceed 30 % of the table's) and VI (up to 10 % more
    # created by the communes, when V did not apply) both stop at a tenth of III and IV, rounded
    # down. Which of them applies to a métropole is not settled here (the Métropole européenne de
    # Lille sits with the seats of III and IV alone): both are counted as possible, never as due.
    tenth = base_high // 10
    v_possible = zero_high * 10 > table * 3
    high = base_high + tenth
    extra = (f" ; 10 % de plus possibles : {tenth} ({'V, les sièges du IV 1° dépassant 30 % du tableau' if v_possible else 'VI'})"
             if tenth else "")
    common = (f"droit commun {_span(base_low, base_high)} sièges (tableau du III : {table} ; communes sans siège à la "
              f"plus forte moyenne, un siège chacune (IV 1°) : {_span(zero_low, zero_high)}){extra}")
    if nature in ACCORD_LOCAL:
        ceiling = base_high * 5 // 4
        high = max(high, ceiling)
        low = min(len(populations), base_low)
        certain = (f"{common} ; un accord local (I 2°) peut donner de {len(populations)} (un siège par commune) à "
                   f"{ceiling} sièges (25 % de plus que III et IV)")
    else:
        low = base_low
        certain = f"{common} ; pas d'accord local dans une {nature.replace('_', ' ')}"
    return SiegesEpci(table, (zero_low, zero_high), (base_low, base_high), low, high, certain,
                      f"population de l'EPCI {total} ; {len(populations)} communes")


def _span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low} à {high}"
