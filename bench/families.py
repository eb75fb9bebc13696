"""The five families the hand-written checker decides, and the engine's status for each, per subject.

A family's status on a subject (the meeting, `seance`, or one act, `deliberations[i]`) is the
worst of its rules' statuses there: non_conforme, then indetermine, then conforme; when no rule of
the family applies (non_applicable), the family is left out, as the hand-written checker leaves
it. `bench/handwritten.py` answers the same question from the raw record;
tests/test_handwritten.py holds them equal on generated meetings.
"""
from __future__ import annotations

FAMILIES = {
    "delai": ("L2121-11.delai", "L2121-11.urgence", "L2121-11.urgence_prononcee", "L2121-11.envoi_la_veille_au_plus_tard",
              "L2121-12.delai", "L2121-12.urgence", "L2121-12.urgence_prononcee", "L2541-2.delai", "L2541-2.urgence",
              "L2541-2.urgence_prononcee", "L2121-7.delai_premiere_reunion", "L121-10.delai", "L121-10.urgence",
              "L121-10.urgence_prononcee", "loi-1884-art-48.delai"),
    "quorum": ("L2121-17.quorum", "L2121-17.seconde_convocation", "L2541-4.seconde_convocation",
               "loi-2020-290-art-10.quorum", "loi-2020-1379-art-6.quorum", "L121-11.quorum",
               "L121-11.seconde_convocation", "loi-1884-art-50.quorum"),
    "pouvoirs": ("L2121-20.pouvoirs_par_mandataire", "loi-2020-290-art-10.deux_pouvoirs",
                 "loi-2020-1379-art-6.deux_pouvoirs", "L121-12.pouvoirs_par_mandataire"),
    "majorite": ("L2121-20.majorite_absolue", "L2121-20.partage_egal_des_voix",
                 "L2121-20.neutralisation_des_pouvoirs_irreguliers", "L121-12.majorite_absolue",
                 "L121-12.partage_egal_des_voix"),
    "liste": ("L2121-25.liste_deliberations",),
}
FAMILY_OF = {rule: family for family, rules in FAMILIES.items() for rule in rules}
RULES = frozenset(FAMILY_OF)
ORDER = ("non_conforme", "indetermine", "conforme", "non_applicable")


# The rank of each status that says a family applies, worst first (ORDER); any other status
# (« non_applicable », « a_venir » before the vote) is no rank: `worst` reads it as not applicable.
_RANK = {"non_conforme": 0, "indetermine": 1, "conforme": 2}


def worst(statuses) -> str:
    found = set(statuses)
    return next((s for s in ORDER if s in found), "non_applicable")


def engine_families(entries) -> dict:
    """{(family, subject path): status} of the families that apply, from `Engine.evaluate`'s
    entries (rule, outcome, path, …), as `handwritten.check` answers: `worst` of each family's
    statuses on each subject; a family whose rules all say `non_applicable` there is left out
    (most entries of a record say it). Ranks are compared only where a subject's family meets a
    second, different status."""
    found: dict = {}
    family_of, get, rank = FAMILY_OF.get, found.get, _RANK
    # Each entry indexed, not unpacked: most are « non applicable » and need their status alone.
    for entry in entries:
        status = entry[1].status
        if status in rank:
            family = family_of(entry[0].id)
            if family is not None:
                key = (family, entry[2])
                held = get(key)
                if held is None or (held != status and rank[status] < rank[held]):
                    found[key] = status
    return found
