"""`delibcheck quorum` on the specification's quorum and COVID cases (cgct.md §10, cases 19–27),
and its agreement with `delibcheck check` on the same facts."""
import pytest

from clerk_support import assert_agrees, check, run, tool
from conftest import ROOT


def quorum(en_exercice, presents, date, *extra):
    return tool("quorum", "--en-exercice", en_exercice, "--presents", presents, "--date", date, *extra)


def record(date, en_exercice, presents, representes=0, pouvoirs=None):
    """The meeting as a clerk writes it: an ordinary deliberation (not an election)."""
    seance = {"date": date, "membres_en_exercice": en_exercice, "presents": presents, "representes": representes}
    if pouvoirs:
        seance["pouvoirs"] = [{"mandant": a, "mandataire": b, "ecrit": True} for a, b in pouvoirs]
        seance["representes"] = len(pouvoirs)
        # What the proxies say of the members: the giver is absent, the holder present.
        seance["membres"] = ([{"nom": a, "presence": "represente"} for a, _ in pouvoirs]
                             + [{"nom": b, "presence": "present"} for b in dict.fromkeys(b for _, b in pouvoirs)])
    return {"seance": seance, "deliberations": [{"numero": "1", "nomination": False}]}


@pytest.mark.parametrize("case, date, en_exercice, presents, pouvoirs, answer, quorum_value, missing", [
    ("19 — 14 présents et 6 pouvoirs", "2023-03-13", 27, 14, 6, "oui", 14, 0),
    ("19 — 13 présents et 8 pouvoirs", "2023-03-13", 27, 13, 8, "non", 14, 1),
    ("20 — sièges vacants", "2023-03-13", 23, 12, 0, "oui", 12, 0),
    ("21 — conseil réputé complet de cinq", "2023-06-07", 5, 3, 0, "oui", 3, 0),
    ("24 — C5, le tiers des présents", "2021-11-15", 27, 9, 4, "oui", 9, 0),
    ("25 — lendemain de la fin des dérogations", "2022-08-01", 27, 9, 4, "non", 14, 5),
    ("26 — dernier jour de C4", "2021-09-30", 27, 9, 0, "oui", 9, 0),
    ("26 — retour au droit commun le 1er octobre 2021", "2021-10-01", 27, 9, 0, "non", 14, 5),
    ("27 — C3, les pouvoirs ne comptent plus", "2020-07-15", 33, 9, 3, "non", 11, 2),
    ("issue 7 — 24 présents sur 49", "2023-11-15", 49, 24, 6, "non", 25, 1),
])
def test_quorum_edge_cases(case, date, en_exercice, presents, pouvoirs, answer, quorum_value, missing):
    result, doc = quorum(en_exercice, presents, date, "--pouvoirs", pouvoirs)
    assert doc["reponse"] == answer, case
    assert result.exit_code == (0 if answer == "oui" else 1)
    assert doc["quorum"] == quorum_value
    assert doc["presents_manquants"] == missing
    assert_agrees(doc["regles"], record(date, en_exercice, presents, pouvoirs))


def test_in_c2_proxies_count_toward_the_third_case_27():
    result, doc = quorum(33, 9, "2020-04-15", "--pouvoirs", 3)
    assert doc["reponse"] == "oui" and doc["quorum"] == 11
    assert doc["regles"][0]["regle"] == "loi-2020-290-art-10.quorum"
    assert doc["regles"][0]["periode"] == "version en vigueur du 03/04/2020 au 14/05/2020"
    assert doc["presents_requis"] == 8 and doc["presents_requis_sans_pouvoirs"] == 11
    assert [f["regle"] for f in doc["regles_ecartees"]] == ["L2121-17.quorum"]
    assert_agrees(doc["regles"], record("2020-04-15", 33, 9, 3))
    assert "Les 3 pouvoirs comptent à cette date : sans eux, 11 présents seraient requis." in run(
        "quorum", "--en-exercice", 33, "--presents", 9, "--pouvoirs", 3, "--date", "2020-04-15").stdout


def test_election_of_the_mayor_in_c2_counts_only_those_present():
    _, doc = quorum(33, 9, "2020-06-01", "--pouvoirs", 3, "--election")
    assert doc["reponse"] == "non"
    _, doc = quorum(33, 9, "2020-06-01", "--pouvoirs", 3)
    assert doc["reponse"] == "oui"


@pytest.mark.parametrize("date, answer", [("2021-11-15", "oui"), ("2022-08-01", "non")])
def test_two_proxies_per_holder_only_in_the_covid_periods_cases_24_25(date, answer):
    proxies = ["A:X", "B:X", "C:Y", "D:Y"]
    args = [a for p in proxies for a in ("--pouvoir", p)]
    result, doc = quorum(27, 9, date, *args)
    assert doc["pouvoirs"]["reponse"] in (answer, "indetermine")
    per_holder = [f for f in doc["pouvoirs"]["regles"] if f["regle"].endswith(("pouvoirs_par_mandataire", "deux_pouvoirs"))]
    assert [f["statut"] for f in per_holder] == ["conforme" if answer == "oui" else "non_conforme"]
    if answer == "non":
        assert result.exit_code == 1
    assert_agrees(doc["pouvoirs"]["regles"], record(date, 27, 9, pouvoirs=[p.split(":") for p in proxies]))


@pytest.mark.parametrize("votants, majority", [(30, 16), (12, 7), (27, 14), (1, 1)])
def test_absolute_majority_if_everyone_votes(votants, majority):
    _, doc = quorum(49, votants, "2023-11-15")
    assert doc["majorite_absolue"]["voix_requises"] == majority
    assert "L2121-20.majorite_absolue" in [f["regle"] for f in doc["majorite_absolue"]["regles"]]
    vote = {"mode": "main_levee", "pour": majority, "contre": votants - majority, "abstentions": 0,
            "resultat": "adoptee", "voix_preponderante": False}
    meeting = record("2023-11-15", 49, votants)
    meeting["deliberations"][0]["vote"] = vote
    _, checked = check(meeting)
    assert checked[("L2121-20.majorite_absolue", "deliberations[0]")]["statut"] == "conforme"
    vote.update(pour=majority - 1, contre=votants - majority + 1)
    code, _ = check(meeting)
    assert code == 1


def test_second_convocation_three_clear_days_case_23():
    _, doc = quorum(15, 4, "2024-03-15")
    second = doc["seconde_convocation"]
    assert second["jours_francs_minimum"] == 3 and second["conditions"] == []
    assert [f["regle"] for f in second["regles"]] == ["L2121-17.seconde_convocation"]
    for sent, status in (("2024-03-11", "conforme"), ("2024-03-12", "non_conforme")):
        meeting = record("2024-03-15", 15, 4)
        meeting["convocation"] = {"seconde_convocation": True, "date_envoi": sent}
        meeting["deliberations"][0]["reportee_faute_de_quorum"] = True
        _, checked = check(meeting)
        assert checked[("L2121-17.seconde_convocation", "deliberations[0]")]["statut"] == status


def test_second_convocation_in_alsace_moselle_needs_the_express_mention_not_three_days():
    _, doc = quorum(15, 4, "2024-03-15", "--alsace-moselle")
    second = doc["seconde_convocation"]
    assert second["jours_francs_minimum"] == 0
    assert second["conditions"] == ["convocation.mention_quorum_non_requis"]
    assert [f["article"] for f in second["regles"]] == ["L2541-4"]


def test_text_answer():
    result = run("quorum", "--en-exercice", 49, "--presents", 24, "--pouvoirs", 6, "--date", "2023-11-15")
    assert result.exit_code == 1
    out = result.stdout
    assert "Quorum : NON ATTEINT — il manque 1 présent (25 requis)." in out
    assert "article L2121-17, alinéa 1, version en vigueur depuis le 24/02/1996" in out
    assert "Majorité absolue si les 30 votants s'expriment tous : 16 voix pour (contre 14)." in out
    assert "au moins 3 jours francs avant la seconde séance" in out


def test_covid_dates_without_their_rules_are_said_plainly(tmp_path):
    rules = tmp_path / "regles" / "cgct"
    rules.mkdir(parents=True)
    (rules / "L2121-17.yaml").write_text((ROOT / "rules" / "cgct" / "L2121-17.yaml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    result = run("quorum", "--en-exercice", 27, "--presents", 9, "--date", "2021-11-15", "--regles",
                 str(tmp_path / "regles"))
    assert result.exit_code == 1
    assert "Dérogations de la crise sanitaire (24 mars 2020 – 31 juillet 2022) : aucune règle du catalogue" in result.stdout
    assert "Majorité des suffrages exprimés : aucune règle du catalogue" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--en-exercice", 10, "--presents", 11], "11 présents pour 10 membres en exercice"),
    (["--en-exercice", 10, "--presents", -1], "--presents : -1 n'est pas admis"),
    (["--en-exercice", 0, "--presents", 0], "--en-exercice : 0 n'est pas admis"),
    (["--en-exercice", 10, "--presents", 5, "--pouvoirs", 6], "6 pouvoirs pour 5 membres absents"),
    (["--en-exercice", 10, "--presents", 5, "--date", "2021-02-29"], "--date : date impossible « 2021-02-29 »"),
    (["--en-exercice", 10, "--presents", 5, "--pouvoirs", 2, "--pouvoir", "A:B"], "ne correspond pas"),
    (["--en-exercice", 10, "--presents", 5, "--pouvoir", "A:B", "--pouvoir", "A:C"], "un même mandant"),
    (["--presents", 5], "option obligatoire manquante : --en-exercice"),
    (["--en-exercice", 10, "--presents"], "l'option --presents attend une valeur"),
])
def test_bad_options_are_french_messages_with_exit_code_2(args, message):
    result = run("quorum", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output and "Error:" not in result.output


@pytest.mark.parametrize("date", ["2024-05-10", "2021-11-15"])
def test_named_proxies_give_the_quorum_of_their_count(date):
    # The two members a proxy names are not the list of members: the quorum must not vanish.
    _, counted = quorum(11, 3, date, "--pouvoirs", 1)
    _, named = quorum(11, 3, date, "--pouvoir", "F:A")
    assert named["reponse"] == counted["reponse"] is not None
    assert named["presents_requis"] == counted["presents_requis"]
    assert [f["regle"] for f in named["regles"]] == [f["regle"] for f in counted["regles"]]
