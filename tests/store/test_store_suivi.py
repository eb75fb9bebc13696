"""The worklist: acts by next deadline, overdue first; actions move the déféré deadline as the law
says (cgct.md §5.5, §10 cas 45 et 46)."""
import csv
import datetime as dt
import io
import json

import pytest

from checker.decision import ACTIONS
from checker.store.delais import compute
from store.store_support import acts, check, suivi, write

RECU = dt.date(2023, 3, 3)  # Friday 3 March 2023: last day Thursday 4 May 2023 (cas 45)


def record(numero, reception, nom="Commune de Lille-Essai", departement="59"):
    return {"collectivite": {"nom": nom, "departement": departement},
            "seance": {"date": "2023-02-27"},
            "deliberations": [{"numero": numero, "transmission": {"date_reception": reception}}]}


@pytest.mark.parametrize("actions, date, etat", [
    ([], "2023-05-04", "ouvert"),
    # Recours gracieux sent 20 April, no answer: implicit rejection 20 June, two months francs
    # → 21 August 2023 (the rule's example recours_gracieux_sans_reponse).
    ([("recours_gracieux", "2023-04-20")], "2023-08-21", "attente_reponse"),
    # Answered 15 May: 15 July + 1 = Sunday 16 → Monday 17 July 2023.
    ([("recours_gracieux", "2023-04-20"), ("reponse_recours", "2023-05-15")], "2023-07-17", "ouvert"),
    # Sent on 5 May, after the deadline: nothing interrupted (cas 46 recours_gracieux_hors_delai).
    ([("recours_gracieux", "2023-05-05")], "2023-05-04", "ouvert"),
    # Documents asked for: no deadline runs until they arrive; then two months from receipt.
    ([("demande_pieces", "2023-04-10")], None, "attente_pieces"),
    ([("demande_pieces", "2023-04-10"), ("pieces_recues", "2023-06-12")], "2023-08-14", "ouvert"),
    # A second recours gracieux moves nothing.
    ([("recours_gracieux", "2023-04-20"), ("reponse_recours", "2023-05-15"), ("recours_gracieux", "2023-06-01")],
     "2023-07-17", "ouvert"),
    ([("recours_gracieux", "2023-04-20"), ("defere", "2023-06-01")], None, "clos"),
    ([("sans_suite", "2023-03-20")], None, "clos"),
])
def test_actions_move_the_deadline_as_the_law_says(actions, date, etat):
    result = compute(RECU, False, [(n, dt.date.fromisoformat(d)) for n, d in actions])
    assert (result.date.isoformat() if result.date else None, result.etat) == (date, etat), result.explication


def test_unknown_alsace_moselle_keeps_the_earlier_deadline():
    # Received 28 January 2024: 29 March 2024 (Good Friday) outside local law, 2 April in Moselle.
    result = compute(dt.date(2024, 1, 28), None, [])
    assert result.date == dt.date(2024, 3, 29) and "Alsace-Moselle inconnue" in result.explication[0]
    assert compute(dt.date(2024, 1, 28), True, []).date == dt.date(2024, 4, 2)


def test_suivi_lists_overdue_first_and_recorded_actions_move_and_close(base, tmp_path):
    check(base, write(tmp_path, "a.json", record("A", "2025-11-03")),   # last day 5 January 2026
          write(tmp_path, "b.json", record("B", "2025-09-01")),         # 3 November 2025: overdue
          write(tmp_path, "c.json", record("C", "2025-12-01")),         # 2 February 2026
          write(tmp_path, "d.json", {"collectivite": {"nom": "Sans réception"}, "seance": {"date": "2025-12-01"},
                                     "deliberations": [{"numero": "D"}]}))
    listed = json.loads(suivi(base, "--format", "json").stdout)
    assert [a["numero"] for a in listed["actes"]] == ["B", "A", "C", "D"]
    assert [a["depassee"] for a in listed["actes"]] == [True, False, False, False]
    assert listed["actes"][1]["jours_restants"] == 0
    # Receipt unknown: the earliest possible deadline, two months francs from the meeting of
    # 1 December 2025 → Monday 2 February 2026, the same day as C's (received that day).
    assert listed["actes"][3]["echeance"] == listed["actes"][2]["echeance"] == "2026-02-02"
    assert "réception en préfecture inconnue : au plus tôt" in listed["actes"][3]["explication"][0]
    assert listed["compte"] == {"actes": 4, "ouverts": 4, "depasses": 1, "sans_echeance": 0, "clos": 0}
    assert listed["actes"][0]["decision"]["action"] in ACTIONS
    text = suivi(base).stdout
    assert text.index("DÉPASSÉE") < text.index("J-0") < text.index("J-28") and "proposé : " in text

    identite = "nom:commune de lille essai|2023-02-27|C"
    moved = json.loads(suivi(base, "--format", "json", "recours", identite, "--date", "2025-12-15",
                             "--auteur", "Mme Agent", "--note", "retrait demandé").stdout)
    # Sent 15 December 2025: implicit rejection 15 February 2026 (a Sunday: the date stands),
    # two months francs → 16 April 2026.
    assert moved["echeance"] == "2026-04-16" and moved["etat"] == "attente_reponse"
    assert moved["actions"] == [{"nature": "recours_gracieux", "date": "2025-12-15", "auteur": "Mme Agent",
                                 "note": "retrait demandé", "enregistre_le": moved["actions"][0]["enregistre_le"]}]
    assert acts(base)[identite].echeance_suivi == dt.date(2026, 4, 16)
    suivi(base, "defere", "nom:commune de lille essai|2023-02-27|B", "--date", "2025-10-30", "--auteur", "M. Chef")
    listed = json.loads(suivi(base, "--format", "json").stdout)
    assert [a["numero"] for a in listed["actes"]] == ["A", "D", "C"]  # C's deadline moved to April
    assert listed["compte"]["clos"] == 1
    assert [a["numero"] for a in json.loads(suivi(base, "--format", "json", "--clos").stdout)["actes"]][:1] == ["A"]

    week = json.loads(suivi(base, "semaine", "--du", "2025-12-15", "--au", "2025-12-21").stdout)
    assert [a["numero"] for a in week["actes"]] == ["C"]
    rows = list(csv.DictReader(io.StringIO(suivi(base, "semaine", "--du", "2025-10-27", "--au", "2025-12-21",
                                                 "--export", "csv").stdout)))
    assert {r["numero"]: r["etat"] for r in rows} == {"B": "clos", "C": "attente_reponse"}
    assert {r["numero"]: r["actions"] for r in rows}["C"] == "recours_gracieux 2025-12-15 (Mme Agent)"


def test_suivi_refuses_bad_requests_in_french(base, tmp_path):
    check(base, write(tmp_path, "a.json", record("A", "2025-11-03")))
    missing = suivi(base, "recours", "inconnu", "--date", "2025-12-01", "--auteur", "X", expect=(2,))
    assert "absent de la base" in missing.output
    future = suivi(base, "recours", "nom:commune de lille essai|2023-02-27|A", "--date", "2026-02-01",
                   "--auteur", "X", expect=(2,))
    assert "postérieure à aujourd'hui" in future.output
    both = suivi(base, "pieces", "nom:commune de lille essai|2023-02-27|A", "--auteur", "X", expect=(2,))
    assert "soit --demandees DATE, soit --recues DATE" in both.output
    bad_date = suivi(base, "recours", "A", "--date", "32/13/2025", "--auteur", "X", expect=(2,))
    assert "illisible" in bad_date.output


def test_the_act_view_shows_history_and_actions(base, tmp_path):
    check(base, write(tmp_path, "a.json", record("A", "2025-11-03")))
    check(base, write(tmp_path, "a.json", record("A", "2025-11-04")))
    identite = "nom:commune de lille essai|2023-02-27|A"
    suivi(base, "pieces", identite, "--demandees", "2025-12-01", "--auteur", "Agent")
    view = json.loads(suivi(base, "--format", "json", "acte", identite).stdout)
    assert [v["version"] for v in view["historique"]] == [1, 2]
    assert view["etat"] == "attente_pieces" and view["echeance"] is None
    assert any(c["regle"] == "L2131-6.delai_defere" for c in view["historique"][-1]["constats"])
    text = suivi(base, "acte", identite).stdout
    assert "pièces attendues" in text and "action : demande_pieces le 01/12/2025 par Agent" in text
