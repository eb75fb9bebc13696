"""A secretary of the meeting written with a staff title is not read as the secretary.

The secretary is chosen among the members (CGCT L2121-15); the staff who assist the meeting
(« auxiliaires ») are not members. « Secrétaire de séance : Mme Claire ROUX, DGS » names an officer: the
reader leaves the secretaries unread rather than give a non-member, while a member's own office
(« adjointe au maire », « 2ème adjoint », « conseillère municipale ») keeps the read. Only the title's
words are tested, never the roll (many a secretary rightly read is missing from the roll read).
Documents invented for the test; names made up."""
from __future__ import annotations

import pytest

from test_reader_noms_secretaire_formules import secretaries


@pytest.mark.parametrize("line", [
    "Secrétaire de séance : Mme Claire ROUX, DGS\n",
    "Secrétaire de séance : Mme Claire ROUX, D.G.S.\n",
    "Secrétaire de séance : Mme Claire ROUX, Directrice Générale des Services\n",
    "Secrétaire de séance : Mme Claire ROUX, secrétaire de mairie\n",
    "Secrétaire de séance : Mme Claire ROUX (secrétaire de mairie)\n",
    "Secrétaire de séance : M. Pierre VIDAL, DGA\n",
    "Secrétaire de séance : M. Pierre VIDAL, Secrétaire Général\n",
    "Secrétaire de séance : Mme Claire ROUX, agent administratif\n",
    "Secrétaire de séance : Mme Claire ROUX, attachée territoriale\n",
    "Secrétaire de séance : Mme Claire ROUX, rédactrice principale\n",
    "Secrétaire de séance : la DGS, Mme Claire ROUX\n",
    "Mme Claire ROUX, directrice générale des services, est désignée secrétaire de séance.\n",
    # One of the two is an officer: the pair is not the meeting's secretaries as written.
    "Secrétaires de séance : Mme Odile FABRE et Mme Claire ROUX, DGS\n",
])
def test_a_secretary_with_a_staff_title_is_not_read(line):
    assert not secretaries(line)


@pytest.mark.parametrize("line, name", [
    ("Secrétaire de séance : Mme Odile FABRE\n", "Odile FABRE"),
    ("Secrétaire de séance : Mme Odile FABRE, adjointe au maire\n", "Odile FABRE"),
    ("Secrétaire de séance : M. Henri GASC, 2ème adjoint\n", "Henri GASC"),
    ("Secrétaire de séance : Mme Odile FABRE, conseillère municipale\n", "Odile FABRE"),
    ("Secrétaire de séance : Mme Odile FABRE, assistée de Mme Claire ROUX, DGS\n", "Odile FABRE"),
    ("Secrétaire de séance : Mme Odile FABRE\nAssistait également : Mme Claire ROUX, DGS\n", "Odile FABRE"),
    # Not on the roll read, no title: kept (the roll read is often short of the secretary).
    ("Secrétaire de séance : Mme Claire ROUX\n", "Claire ROUX"),
])
def test_a_member_with_or_without_an_office_is_read(line, name):
    assert secretaries(line) == [name]
