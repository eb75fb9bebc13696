"""The clerk's and the agent's forms, server side (no browser): rosters, roll calls, act forms."""
from __future__ import annotations

import warnings
from html import unescape
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from checker.web.app import create_app  # noqa: E402
from checker.web.config import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ROSTER = """nom,pouvoir_a,pouvoir_premiere_seance,pouvoir_seances
Anne ARNAUD,,,
Bruno BLANC,Anne ARNAUD,2024-05-01,3
Chloé CARON,,,
David DUBOIS,,,
Émilie ÉTIENNE,,,
"""


@pytest.fixture(scope="module")
def web():
    with TestClient(create_app(Settings())) as c:
        yield c


def test_roster_file_fills_the_roll_call_with_its_proxies(web):
    response = web.post("/seance", data={"seance": "2024-05-10", "population": "300"},
                        files={"registre": ("conseil.csv", ROSTER.encode())})
    assert response.status_code == 200
    html = response.text
    for name in ("Anne ARNAUD", "Bruno BLANC", "Émilie ÉTIENNE"):
        assert f'name="membre" value="{name}"' in html
    assert '<option selected>Anne ARNAUD</option>' in html
    assert 'id="verdict-quorum"' in html


def test_roster_errors_name_the_file_and_never_the_server_path(web):
    response = web.post("/seance", data={"seance": "2024-05-10", "population": "300"},
                        files={"registre": ("conseil.csv", b"prenom\nAnne\n")})
    assert response.status_code == 400
    assert "conseil.csv" in response.text and "colonne « nom » absente" in response.text
    assert "registre-" not in response.text


def test_roll_call_sent_without_script_gives_quorum_checklist_and_notes(web):
    names = ["A", "B", "C", "D", "E"]
    data = {"seance": "2024-05-10", "population": "300", "membre": names, "present": ["A", "B", "C"],
            "pouvoir_3": "A", "pouvoir_0": "B", "en_exercice": "5"}
    response = web.post("/seance", data=data)
    html = unescape(response.text)
    assert "ATTEINT" in html and "3 présents, 3 requis" in html
    assert "A est coché présent : son pouvoir à B n'est pas compté." in html
    assert 'id="reponse-checklist"' in html


def test_roll_call_refuses_a_holder_outside_the_list(web):
    data = {"seance": "2024-05-10", "population": "300", "membre": ["A", "B"], "pouvoir_1": "Z"}
    response = web.post("/seance", data=data)
    assert response.status_code == 400 and "« Z » n'est pas un membre de la liste" in unescape(response.text)


def test_skeleton_download_is_a_record_the_checker_reads(web):
    import yaml

    from checker.record import build_record
    data = {"seance": "2024-05-10", "population": "300", "collectivite": "Commune de Test", "envoi": "2024-05-06",
            "membre": ["A", "B", "C"], "present": ["A", "B"], "pouvoir_2": "A", "points": "Budget\nVoirie"}
    response = web.post("/seance/dossier", data=data)
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="seance-2024-05-10.yaml"'
    record = yaml.safe_load(response.text)
    assert [d["objet"] for d in record["deliberations"]] == ["Budget", "Voirie"]
    assert record["seance"]["pouvoirs"][0]["mandant"] == "C"
    build_record(record, "squelette")


def test_convocation_error_is_shown_on_the_page_with_its_field(web):
    response = web.get("/seance", params={"seance": "2024-05-10"})
    assert response.status_code == 400
    assert "population obligatoire" in response.text and "<code>population</code>" in response.text


def test_act_form_checks_what_is_filled(web):
    data = {"action": "formulaire", "acte.collectivite.nom": "Commune de Forme", "acte.collectivite.population": "5000",
            "acte.seance.date": "2023-12-19", "acte.convocation.date_envoi": "2023-12-15",
            "acte.deliberations[0].numero": "2023-1"}
    response = web.post("/acte", data=data)
    assert response.status_code == 200
    assert "Commune de Forme — séance du 19/12/2023" in response.text
    assert 'data-regle="L2121-12.delai"' in response.text and "non conforme" in response.text


def test_act_form_without_date_names_the_field(web):
    response = web.post("/acte", data={"action": "formulaire", "acte.seance.presents": "3"})
    assert response.status_code == 400 and "acte.seance.date" in response.text


def test_pasted_yaml_and_a_correction_round_trip(web):
    text = (ROOT / "examples" / "convocation-tardive.yaml").read_text(encoding="utf-8")
    response = web.post("/acte", data={"action": "yaml", "texte_dossier": text})
    assert response.status_code == 200 and "Saint-Exemple" in response.text
    bad = web.post("/acte", data={"action": "yaml", "texte_dossier": "seance: [1, 2"})
    assert bad.status_code == 400 and "YAML" in bad.text


def test_correction_of_a_read_fact_changes_the_finding():
    import json

    from checker.web import facts
    record = {"seance": {"date": {"valeur": "2023-12-19", "source": "le 19 décembre", "confiance": 0.9},
                         "presents": {"valeur": 3, "source": "3 présents", "confiance": 0.5}},
              "convocation": {"date_envoi": {"affirme": True, "source": "cinq jours francs"}}}
    corrected, changed = facts.correct(json.loads(json.dumps(record)),
                                       {"fait:seance.presents": "12", "fait:convocation.date_envoi": "13/12/2023",
                                        "fait:seance.date": "2023-12-19", "fait:inconnu": "x"})
    assert changed == ["seance.presents", "convocation.date_envoi"]
    assert corrected["seance"]["presents"]["valeur"] == 12
    assert corrected["seance"]["presents"]["source"] == "saisi à la main ; lu : « 3 présents »"
    assert corrected["convocation"]["date_envoi"]["valeur"] == "2023-12-13"
    emptied, changed = facts.correct(json.loads(json.dumps(record)), {"fait:seance.presents": ""})
    assert "presents" not in emptied["seance"] and changed == ["seance.presents"]


def test_pages_escape_what_the_user_sent(web):
    response = web.get("/seance", params={"seance": "2024-05-10", "population": "<script>alert(1)</script>"})
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_body_found_in_the_reference_data_fills_the_clerk_form(web):
    pytest.importorskip("checker.referentiel.remplissage")
    found = web.get("/api/v1/referentiel", params={"q": "Villeneuve d'Ascq", "date": "2024-05-10"}).json()
    assert found["trouvee"] is True and found["valeurs"]["nature"] == "commune"
    response = web.post("/seance", data={"collectivite": "Villeneuve d'Ascq", "seance": "2024-05-10",
                                         "chercher": "oui"})
    assert response.status_code == 200
    html = unescape(response.text)
    assert 'id="trouve"' in html and "Villeneuve" in html
    population = found["valeurs"]["population"]
    shown = f"{population['min']}-{population['max']}" if isinstance(population, dict) else str(population)
    assert f'name="population" id="population" inputmode="numeric" value="{shown}"' in html
    # Over 3 500 inhabitants whatever the estimate: five clear days, as for any population in the bounds.
    import datetime as dt

    from checker.clerk import convocation as module
    from checker.clerk.present import jour
    from checker.engine_cache import engine_for
    low = population["min"] if isinstance(population, dict) else population
    expected = module.answer(engine_for(None), module.Convocation(dt.date(2024, 5, 10), population=low))
    import re
    text = re.sub(r"<[^>]+>", "", html)
    assert f"Dernier jour d'envoi : {jour(expected.dernier_jour)} (5 jours francs requis)" in text


def test_body_search_without_reference_data_says_so():
    from checker.web import bodies
    if bodies.available():
        pytest.skip("données de référence installées")
    with TestClient(create_app(Settings())) as c:
        response = c.get("/api/v1/referentiel", params={"q": "Villeneuve d'Ascq"})
    assert response.status_code == 501 and "données de référence" in response.json()["erreur"]["message"]


def test_act_before_the_vote_shows_the_meeting_checklist(web):
    path = ROOT / "examples" / "villeneuve-dascq-2023-12-19.yaml"
    with open(path, "rb") as f:
        response = web.post("/acte", data={"avant_vote": "oui"}, files={"fichier": (path.name, f)})
    assert response.status_code == 200
    assert 'id="avant-vote"' in response.text and "Désigner au début de la séance" in response.text
