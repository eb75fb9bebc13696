"""L5211-20 across time: an EPCI's statutes change and its members' opinions, fed in separate
runs in either order, joined in the store with the opinions still awaited and when silence
becomes agreement."""
import json

import pytest

from store.store_support import acts, check, write

EPCI = "CC des Trois Vallées"
DECISION = "nom:cc des trois vallees|2023-06-26|2023-70"


def epci():
    return {"collectivite": {"nature": "communaute_de_communes", "nom": EPCI},
            "seance": {"date": "2023-06-26"},
            "deliberations": [{"numero": "2023-70", "objet": "Modification des statuts : siège et nom",
                               "syndicat": {"operation": "modification_statuts", "avis_membres": [
                                   {"nom": "Aubrac", "population": 4000, "avis": "sans_reponse",
                                    "date_notification": "2023-07-03"},
                                   {"nom": "Bessuéjouls", "population": 1200, "avis": "sans_reponse",
                                    "date_notification": "2023-07-05"},
                                   {"nom": "Condom", "population": 900, "avis": "sans_reponse",
                                    "date_notification": "2023-07-05"}]}}]}


def commune(nom, date, numero, **extra):
    return {"collectivite": {"nature": "commune", "nom": nom}, "seance": {"date": date},
            "deliberations": [{"numero": numero, "objet": "Avis sur la modification des statuts de la communauté",
                               "syndicat": {"operation": "modification_statuts", "nature": "epci_a_fiscalite_propre",
                                            "nom": EPCI, **extra}}]}


def _group(base, identite):
    [group] = json.loads(acts(base)[identite].attentes)
    return group


@pytest.mark.parametrize("order", ["epci_d_abord", "communes_d_abord"])
def test_the_members_opinions_are_joined_with_the_statutes_change_in_either_order(base, tmp_path, order):
    files = {"epci": write(tmp_path, "epci.json", epci()),
             # Aubrac names the deliberation it answers; Bessuéjouls only its notification.
             "aubrac": write(tmp_path, "aubrac.json", commune(
                 "Aubrac", "2023-09-12", "2023-31", date_notification="2023-07-03",
                 deliberation_concordante={"date": "2023-06-26"})),
             "bessuejouls": write(tmp_path, "bessuejouls.json", commune(
                 "Bessuéjouls", "2023-09-20", "2023-12", date_notification="2023-07-05"))}
    sequence = ["epci", "aubrac", "bessuejouls"] if order == "epci_d_abord" else ["aubrac", "bessuejouls", "epci"]
    for name in sequence:
        check(base, files[name])
    group = _group(base, DECISION)
    assert group["operation"] == "modification_statuts"
    rests_on = {a["identite"]: a for a in group["actes"]}
    assert {a["organisme"] for a in rests_on.values()} == {"Aubrac", "Bessuéjouls"}
    assert all(a["role"] == "avis" for a in rests_on.values())
    # Condom has not answered: its silence is agreement three months after its notification.
    [awaited] = group["attendus"]
    assert awaited["quoi"] == "avis de Condom" and awaited["echeance"] == "2023-10-05"
    assert awaited["effet_silence"] == "favorable" and "L5211-20" in awaited["texte"]
    # Each commune's act names the EPCI's deliberation (and the other opinion) it goes with.
    aubrac = [k for k, a in rests_on.items() if a["organisme"] == "Aubrac"][0]
    assert DECISION in {a["identite"] for a in _group(base, aubrac)["actes"]}


def test_an_opinion_that_could_answer_two_statutes_changes_is_not_joined(base, tmp_path):
    second = epci()
    second["seance"]["date"] = "2023-05-15"
    second["deliberations"][0]["numero"] = "2023-55"
    check(base, write(tmp_path, "epci1.json", epci()))
    check(base, write(tmp_path, "epci2.json", second))
    check(base, write(tmp_path, "b.json", commune("Bessuéjouls", "2023-09-20", "2023-12", date_notification="2023-07-05")))
    stored = acts(base)
    opinion = next(k for k in stored if k.endswith("|2023-09-20|2023-12"))
    # Both deliberations were notified within three months before 5 July: which one it answers
    # is not known, so it rests on neither.
    groups = json.loads(stored[opinion].attentes or "[]")
    assert all(a["identite"] not in (DECISION, "nom:cc des trois vallees|2023-05-15|2023-55")
               for g in groups for a in g["actes"])
    # Naming the deliberation settles it.
    check(base, write(tmp_path, "b2.json", commune("Bessuéjouls", "2023-09-21", "2023-13", date_notification="2023-07-05",
                                                   deliberation_concordante={"date": "2023-06-26"})))
    named = next(k for k in acts(base) if k.endswith("|2023-13"))
    assert [a["identite"] for a in _group(base, named)["actes"] if a["role"] == "decision"] == [DECISION]
