"""Properties of the API over generated input: whatever is sent, a French answer with the right
code and never a 500; a valid record gets the engine's findings, an invalid one a 400 naming it."""
from __future__ import annotations

import json
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from strategies.dossiers import dossiers  # noqa: E402
from strategies.invalides import ecrire, entrees_invalides  # noqa: E402

from checker.engine_cache import engine_for  # noqa: E402
from checker.findings import act_status  # noqa: E402
from checker.record import build_record  # noqa: E402
from checker.web.app import create_app  # noqa: E402
from checker.web.config import Settings  # noqa: E402

CLIENT = None


def client() -> TestClient:
    global CLIENT
    if CLIENT is None:
        CLIENT = TestClient(create_app(Settings()))
        CLIENT.__enter__()
    return CLIENT


@pytest.fixture(scope="module", autouse=True)
def _close_client():
    yield
    if CLIENT is not None:
        CLIENT.__exit__(None, None, None)


@given(dossiers(), st.sampled_from([".yaml", ".json"]))
@settings(max_examples=40)
def test_a_valid_record_gets_the_engine_status(data, suffix):
    response = client().post("/api/v1/controle", files={"fichier": ("dossier" + suffix, ecrire(data, suffix))})
    assert response.status_code == 200
    expected = act_status(engine_for(None).check(build_record(json.loads(json.dumps(data, default=str)), "x")))
    assert response.json()["resultats"][0]["statut"] == expected


@given(entrees_invalides())
@settings(max_examples=60)
def test_invalid_input_is_a_400_in_french(entry):
    suffix, content = entry
    response = client().post("/api/v1/controle", files={"fichier": ("entree" + suffix, content)})
    assert response.status_code == 400
    result = response.json()["resultats"][0]
    assert result["statut"] == "erreur" and result["erreur"]["texte"].startswith("entree" + suffix)


@given(st.binary(max_size=2000), st.sampled_from([".txt", ".pdf"]))
@settings(max_examples=30)
def test_any_document_is_read_or_refused_with_422(content, suffix):
    response = client().post("/api/v1/controle", files={"fichier": ("doc" + suffix, content)})
    assert response.status_code in (200, 422)
    if response.status_code == 422:
        assert response.json()["resultats"][0]["erreur"]["message"]


FIELDS = st.dictionaries(st.sampled_from(["seance", "population", "nature", "urgence", "envoi", "membres",
                                          "en_exercice", "presents", "pouvoirs", "mandats", "date", "election"]),
                         st.one_of(st.none(), st.booleans(), st.integers(-5, 10 ** 12), st.text(max_size=12),
                                   st.lists(st.text(max_size=8), max_size=3),
                                   st.lists(st.dictionaries(st.text(max_size=10), st.text(max_size=5), max_size=2),
                                            max_size=2)),
                         max_size=6)


@given(FIELDS, st.sampled_from(["/api/v1/convocation", "/api/v1/quorum"]))
@settings(max_examples=80)
def test_clerk_questions_answer_or_name_the_field(body, path):
    response = client().post(path, json=body)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        error = response.json()["erreur"]
        assert error["champ"] and error["message"]
