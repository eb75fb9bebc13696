"""The HTTP API (`/api/v1`), through Starlette's test client: same JSON as the command line,
HTTP codes that mean what they say, French errors naming the field, hostile inputs refused."""
from __future__ import annotations

import io
import json
import warnings
from html import unescape
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from web_support import flate_bomb_pdf, pages_pdf, text_as_pdf  # noqa: E402

from checker.batch import Options, run_batch  # noqa: E402
from checker.web.app import create_app  # noqa: E402
from checker.web.config import MO, Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
VILLENEUVE = ROOT / "tests" / "data" / "corpus" / "villeneuve-dascq-2023-12-19.txt"


def client(**settings) -> TestClient:
    return TestClient(create_app(Settings(**settings)))


@pytest.fixture(scope="module")
def api():
    with client() as c:
        yield c


def cli_json(path: Path, **options) -> dict:
    out = io.StringIO()
    run_batch([str(path)], Options(fmt="json", **options), out, io.StringIO())
    return json.loads(out.getvalue())


def same_as_cli(answer: dict, path: Path, name: str, **options) -> None:
    expected = cli_json(path, **options)
    for result in expected["resultats"]:
        result["fichier"] = name
        if "erreur" in result:
            result["erreur"]["texte"] = result["erreur"]["texte"].replace(str(path), name)
    assert answer == expected


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_check_of_a_record_is_the_json_of_the_command_line(api, example):
    with open(EXAMPLES / example, "rb") as f:
        response = api.post("/api/v1/controle", files={"fichier": (example, f)})
    assert response.status_code == 200
    document = response.json()
    same_as_cli(document, EXAMPLES / example, example)
    assert response.headers["x-delibcheck-statut"] == document["resultats"][0]["statut"]


def test_check_before_the_vote_is_the_json_of_the_command_line(api):
    path = EXAMPLES / "villeneuve-dascq-2023-12-19.yaml"
    with open(path, "rb") as f:
        response = api.post("/api/v1/controle?avant_vote=oui", files={"fichier": (path.name, f)})
    same_as_cli(response.json(), path, path.name, avant_vote=True)
    assert "a_faire_en_seance" in response.json()["resultats"][0]


def test_record_as_a_json_body_with_all_findings(api):
    import yaml
    data = yaml.safe_load((EXAMPLES / "convocation-tardive.yaml").read_text(encoding="utf-8"))
    response = api.post("/api/v1/controle?tout=oui", content=json.dumps(data, default=str),
                        headers={"content-type": "application/json"})
    assert response.status_code == 200
    document = response.json()
    statuses = {f["statut"] for f in document["resultats"][0]["constats"]}
    assert "non_applicable" in statuses and "non_conforme" in statuses
    assert document["resultats"][0]["fichier"] == "-"


def test_reference_document_gives_the_decision_of_the_command_line(api):
    with open(VILLENEUVE, "rb") as f:
        response = api.post("/api/v1/controle", files={"fichier": (VILLENEUVE.name, f, "text/plain")})
    assert response.status_code == 200
    same_as_cli(response.json(), VILLENEUVE, VILLENEUVE.name)
    assert "decision" in response.json()["resultats"][0]


def test_a_text_layer_pdf_reads_like_its_text(api):
    text = VILLENEUVE.read_text(encoding="utf-8")
    response = api.post("/api/v1/controle", files={"fichier": ("extrait.pdf", text_as_pdf(text, 10))})
    assert response.status_code == 200
    result = response.json()["resultats"][0]
    assert result["collectivite"] and result["seance"] == "2023-12-19"


def test_bad_record_is_400_naming_the_field_and_line(api):
    response = api.post("/api/v1/controle", content="seance:\n  date: 2023-02-30\n",
                        headers={"content-type": "application/yaml"})
    assert response.status_code == 400
    error = response.json()["resultats"][0]["erreur"]
    assert error["champ"] == "seance.date" and error["ligne"] == 2
    assert "date impossible" in error["message"]
    assert response.json()["resume"]["erreurs"] == 1


def test_unknown_key_is_400_and_says_what_is_allowed(api):
    response = api.post("/api/v1/controle", content=json.dumps({"seance": {"date": "2023-01-05", "bidule": 1}}),
                        headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert "bidule" in response.json()["resultats"][0]["erreur"]["texte"]


@pytest.mark.parametrize("data, why", [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog", "PDF illisible"),
    (pages_pdf([[]]), "sans couche texte"),
])
def test_unreadable_document_is_422_in_french(api, data, why):
    response = api.post("/api/v1/controle", files={"fichier": ("acte.pdf", data)})
    assert response.status_code == 422
    assert why in response.json()["resultats"][0]["erreur"]["message"]


def test_too_many_pages_is_422():
    with client(pages_max=3) as c:
        response = c.post("/api/v1/controle", files={"fichier": ("acte.pdf", pages_pdf([["Séance"]] * 4))})
    assert response.status_code == 422
    assert "PDF de 4 pages : 3 pages au plus" in response.json()["resultats"][0]["erreur"]["message"]


def test_hostile_pdf_is_stopped_by_the_memory_limit_and_the_server_goes_on():
    with client(memoire_lecture=200 * MO) as c:
        response = c.post("/api/v1/controle", files={"fichier": ("bombe.pdf", flate_bomb_pdf(600 * MO))})
        assert response.status_code == 422
        # pypdf's own decompression limit or the cage's memory limit, whichever comes first.
        message = response.json()["resultats"][0]["erreur"]["message"]
        assert message.startswith(("PDF illisible", "document trop lourd", "lecture du document interrompue"))
        after = c.get("/api/v1/regles")
        assert after.status_code == 200


def test_reading_within_a_memory_cap_too_small_fails_cleanly():
    # The document alone outweighs the cap: whatever the reading process already holds when its
    # limit is set, taking in nine megabytes of text must fail. (A small document may still fit in
    # memory the process had already mapped, so it says nothing about the cap.)
    document = VILLENEUVE.read_bytes()
    heavy = document * (9 * MO // len(document) + 1)
    assert len(heavy) < Settings().taille_max_document
    with client(memoire_lecture=8 * MO) as c:
        response = c.post("/api/v1/controle", files={"fichier": (VILLENEUVE.name, heavy)})
        assert response.status_code == 422
        assert "mémoire" in response.json()["resultats"][0]["erreur"]["message"]
        assert c.get("/sante").text == "ok"


def test_reading_past_the_time_limit_is_422():
    with client(delai_lecture=0.001) as c:
        with open(VILLENEUVE, "rb") as f:
            response = c.post("/api/v1/controle", files={"fichier": (VILLENEUVE.name, f)})
    assert response.status_code == 422
    assert "lecture interrompue après" in response.json()["resultats"][0]["erreur"]["message"]


def test_body_over_the_limit_is_413_announced_or_not():
    with client(taille_max=1 * MO) as c:
        announced = c.post("/api/v1/controle", content=b"x" * (2 * MO), headers={"content-type": "application/json"})
        assert announced.status_code == 413
        assert "requête trop volumineuse : 1 Mo au plus" in announced.json()["erreur"]["message"]

        def chunks():
            for _ in range(8):
                yield b"{" * (512 * 1024)

        streamed = c.post("/api/v1/lot", content=chunks(), headers={"content-type": "application/x-ndjson"})
        assert streamed.status_code == 413
        assert c.get("/sante").text == "ok"


def test_document_over_its_own_limit_is_413():
    with client(taille_max_document=1 * MO) as c:
        response = c.post("/api/v1/controle", files={"fichier": ("gros.yaml", b"#" * (MO + 10))})
    assert response.status_code == 413
    assert response.json()["erreur"]["champ"] == "fichier"


def test_unsupported_content_type_names_what_is_allowed(api):
    response = api.post("/api/v1/controle", content=b"<x/>", headers={"content-type": "application/xml"})
    assert response.status_code == 400
    assert response.json()["erreur"]["champ"] == "Content-Type"
    assert "multipart/form-data" in response.json()["erreur"]["message"]


def test_multipart_without_the_file_names_the_field(api):
    response = api.post("/api/v1/controle", data={"autre": "x"}, files={"piece": ("a.txt", b"x")})
    assert response.status_code == 400
    assert response.json()["erreur"]["champ"] == "fichier"


def test_batch_streams_one_line_per_act_broken_lines_included(api):
    import yaml
    data = json.dumps(yaml.safe_load((EXAMPLES / "convocation-tardive.yaml").read_text(encoding="utf-8")),
                      default=str)
    body = "\n".join([data, "{cassé", data, json.dumps({"seance": {}}), ""]).encode()
    response = api.post("/api/v1/lot", content=body, headers={"content-type": "application/x-ndjson"})
    assert response.status_code == 200
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [r["statut"] for r in lines] == ["non_conforme", "erreur", "non_conforme", "erreur"]
    assert [(r["fichier"], r["ligne"]) for r in lines] == [("-", 1), ("-", 2), ("-", 3), ("-", 4)]
    assert lines[1]["erreur"]["ligne"] == 2 and "JSON mal formé" in lines[1]["erreur"]["message"]
    assert lines[3]["erreur"]["champ"] == "seance"


def test_batch_in_json_carries_the_reconciled_summary(api):
    body = b'{"seance": {"date": "2024-01-10"}}\nnot json\n'
    document = api.post("/api/v1/lot?format=json", content=body,
                        headers={"content-type": "application/x-ndjson"}).json()
    summary = document["resume"]
    assert summary["lus"] == 2 == summary["conformes"] + summary["non_conformes"] + summary["indetermines"] \
        + summary["sans_objet"] + summary["erreurs"] + summary["a_venir"]


def test_batch_of_scdl_csv(api):
    header = ("COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,"
              "VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION")
    rows = ["Commune A,21350000000011,D1,2023-05-10,7.1,Finances locales/Décisions budgétaires,Budget,15,15,12,3,0",
            "Commune A,21350000000011,D2,pas-une-date,7.1,Finances locales/Décisions budgétaires,Budget,15,15,12,3,0"]
    response = api.post("/api/v1/lot", content="\n".join([header, *rows]).encode(),
                        headers={"content-type": "text/csv"})
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == 2 and lines[1]["statut"] == "erreur"


def test_unknown_batch_format_is_400(api):
    response = api.post("/api/v1/lot?format=pdf", content=b"", headers={"content-type": "application/x-ndjson"})
    assert response.status_code == 400 and response.json()["erreur"]["champ"] == "format"


def test_convocation_is_the_clerk_command(api):
    from checker.clerk import convocation as module
    from checker.engine_cache import engine_for
    import datetime as dt
    response = api.post("/api/v1/convocation", json={"seance": "2024-05-10", "population": 900,
                                                     "envoi": "2024-05-07"})
    assert response.status_code == 200
    expected = module.to_json(module.answer(engine_for(None), module.Convocation(
        dt.date(2024, 5, 10), population=900, envoi=dt.date(2024, 5, 7))))
    assert response.json() == json.loads(json.dumps(expected))
    assert response.json()["dernier_jour_envoi"] == "2024-05-06" and response.json()["reponse"] == "non"
    by_query = api.get("/api/v1/convocation", params={"seance": "10/05/2024", "population": "900",
                                                       "envoi": "2024-05-07"})
    assert by_query.json() == response.json()


@pytest.mark.parametrize("body, field, words", [
    ({"population": 900}, "seance", "date obligatoire"),
    ({"seance": "2024-02-30", "population": 900}, "seance", "date impossible"),
    ({"seance": "2024-05-10"}, "population", "population obligatoire"),
    ({"seance": "2024-05-10", "population": -3}, "population", "positif ou nul"),
    ({"seance": "2024-05-10", "nature": "royaume"}, "nature", "valeurs admises"),
    ({"seance": "2024-05-10", "nature": "syndicat"}, "membres", "communes membres"),
    ({"seance": "2024-05-10", "nature": "syndicat", "membres": [{"nom": "A"}]}, "membres[0]", "NOM=POPULATION"),
])
def test_convocation_errors_name_the_field(api, body, field, words):
    response = api.post("/api/v1/convocation", json=body)
    assert response.status_code == 400
    assert response.json()["erreur"]["champ"] == field
    assert words in response.json()["erreur"]["message"]


def test_quorum_is_the_clerk_command(api):
    from checker.clerk import quorum as module
    from checker.engine_cache import engine_for
    import datetime as dt
    response = api.post("/api/v1/quorum", json={"en_exercice": 27, "presents": 9, "pouvoirs": 4,
                                                "date": "2021-11-15"})
    expected = module.to_json(module.answer(engine_for(None), module.Quorum(dt.date(2021, 11, 15), 27, 9, 4)))
    assert response.json() == json.loads(json.dumps(expected))
    assert response.json()["reponse"] == "oui"


@pytest.mark.parametrize("body, field", [
    ({"en_exercice": 10, "presents": 11}, "presents"),
    ({"en_exercice": 10, "presents": 8, "pouvoirs": 3}, "pouvoirs"),
    ({"en_exercice": 10, "presents": 3, "mandats": [{"mandant": "A", "mandataire": "A"}]}, "mandats"),
    ({"en_exercice": 0, "presents": 0}, "en_exercice"),
    ({"en_exercice": "dix", "presents": 0}, "en_exercice"),
])
def test_quorum_refuses_impossible_facts(api, body, field):
    response = api.post("/api/v1/quorum", json=body)
    assert response.status_code == 400 and response.json()["erreur"]["champ"] == field


def test_malformed_json_body_is_400(api):
    response = api.post("/api/v1/quorum", content=b"{", headers={"content-type": "application/json"})
    assert response.status_code == 400 and "JSON mal formé" in response.json()["erreur"]["message"]
    response = api.post("/api/v1/quorum", content=b"[1]", headers={"content-type": "application/json"})
    assert response.status_code == 400


def test_catalogue_is_what_regles_prints(api):
    from click.testing import CliRunner

    from checker.cli import main
    printed = CliRunner().invoke(main, ["regles", "--format", "json"]).output
    assert api.get("/api/v1/regles").json() == json.loads(printed)


def test_a_rule_explained_and_an_unknown_one(api):
    from checker.explain import explain
    from ruleset.loader import load_rules
    rule = next(r for r in load_rules(None) if r.id == "L2121-12.delai")
    detail = api.get("/api/v1/regles/L2121-12.delai").json()
    assert detail["explication"] == explain(rule)
    assert [e["nom"] for e in detail["exemples"]] == [e.nom for e in rule.exemples]
    unknown = api.get("/api/v1/regles/L2121-12.dela")
    assert unknown.status_code == 404 and "L2121-12.delai" in unknown.json()["erreur"]["message"]


def test_reference_data_lookup_needs_a_query(api):
    response = api.get("/api/v1/referentiel")
    assert response.status_code == 400 and response.json()["erreur"]["champ"] == "q"


def test_openapi_documents_every_route():
    from starlette.routing import Mount

    from checker.web.catalogue import openapi
    app = create_app(Settings())
    mount = next(r for r in app.routes if isinstance(r, Mount) and r.path == "/api/v1")
    spec = openapi()
    assert spec["openapi"].startswith("3.")
    for route in mount.routes:
        assert route.path in spec["paths"], route.path
        for method in route.methods - {"HEAD"}:
            assert method.lower() in spec["paths"][route.path]
    assert set(spec["paths"]) == {r.path for r in mount.routes}


def test_security_headers_and_no_inline_script_or_style(api):
    response = api.get("/seance")
    csp = response.headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    templates = Path(__file__).resolve().parent.parent / "checker" / "web" / "templates"
    for template in templates.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "<script>" not in text and "style=" not in text and "<style" not in text, template.name
        assert "http://" not in text.replace('href="{{', "") and "https://" not in text, template.name


def test_token_guards_the_api_and_the_pages():
    with client(jeton="s3cret") as c:
        refused = c.get("/api/v1/regles")
        assert refused.status_code == 401 and "jeton" in refused.json()["erreur"]["message"]
        assert c.get("/api/v1/regles", headers={"authorization": "Bearer faux"}).status_code == 401
        assert c.get("/api/v1/regles", headers={"authorization": "Bearer s3cret"}).status_code == 200
        page = c.get("/seance", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/connexion"
        assert c.post("/connexion", data={"jeton": "faux"}).status_code == 401
        logged = c.post("/connexion", data={"jeton": "s3cret"}, follow_redirects=False)
        assert logged.status_code == 303 and "httponly" in logged.headers["set-cookie"].lower()
        assert c.get("/seance").status_code == 200


def test_uploads_stay_in_the_temporary_directory_and_are_removed(api):
    workdir = api.app.state.workdir
    hostile = "../../../../tmp/delibcheck-evasion.yaml"
    response = api.post("/api/v1/controle", files={"fichier": (hostile, b"seance: {date: 2024-01-10}\n")})
    assert response.json()["resultats"][0]["fichier"] == "delibcheck-evasion.yaml"
    assert not Path("/tmp/delibcheck-evasion.yaml").exists()
    api.post("/api/v1/lot", content=b'{"seance": {"date": "2024-01-10"}}\n',
             headers={"content-type": "application/x-ndjson"})
    leftovers = [p for p in Path(workdir).rglob("*") if p.is_file()]
    assert leftovers == []


def test_natures_offered_are_those_of_the_record_schema():
    import yaml

    from checker.web.forms import natures
    schema = yaml.safe_load((ROOT / "checker" / "schemas" / "seance.schema.yaml").read_text(encoding="utf-8"))
    assert list(natures()) == schema["$defs"]["collectivite"]["properties"]["nature"]["enum"]


def test_unexpected_routes_and_methods_answer_in_french(api):
    assert api.get("/api/v1/nulle-part").json()["erreur"]["message"] == "adresse inconnue"
    wrong = api.get("/api/v1/controle")
    assert wrong.status_code == 405 and "méthode GET non admise" in wrong.json()["erreur"]["message"]
    assert "Page introuvable" in api.get("/nulle-part").text


def test_a_stopped_read_leaves_the_next_one_readable():
    from dataclasses import replace

    from checker.web import isolation
    from ruleset.errors import InputError
    patient = Settings(delai_lecture=30)
    hurried = replace(patient, delai_lecture=0.001)
    data = VILLENEUVE.read_bytes()
    with pytest.raises(InputError, match="lecture interrompue"):
        isolation.read_document(data, VILLENEUVE.name, hurried)
    assert isolation.read_document(data, VILLENEUVE.name, patient)["seance"]["date"]["valeur"] == "2023-12-19"
    isolation.stop(patient)


def test_multipart_refusals_are_in_french():
    with client(taille_max=5 * MO) as c:
        response = c.post("/api/v1/controle", content=b"--x\r\n", headers={"content-type": "multipart/form-data"})
        assert response.status_code == 400 and "séparateur" in response.json()["erreur"]["message"]
        files = [("fichier", (f"f{i}.yaml", b"x")) for i in range(3)]
        response = c.post("/api/v1/controle", files=files)
        assert response.status_code == 400 and "trop de fichiers" in response.json()["erreur"]["message"]


def test_batch_is_the_json_lines_of_the_command_line(api, tmp_path):
    import yaml
    lines = [json.dumps(yaml.safe_load(p.read_text(encoding="utf-8")), default=str)
             for p in sorted(EXAMPLES.glob("*.yaml"))]
    path = tmp_path / "flux.jsonl"
    path.write_text("\n".join(lines[:1] + ["{cassé"] + lines[1:]) + "\n", encoding="utf-8")
    out = io.StringIO()
    run_batch([str(path)], Options(fmt="jsonl"), out, io.StringIO())
    expected = []
    for line in out.getvalue().splitlines():
        result = json.loads(line)
        result["fichier"] = result["fichier"].replace(str(path), "-")
        if "erreur" in result:
            result["erreur"]["texte"] = result["erreur"]["texte"].replace(str(path), "-")
        expected.append(result)
    response = api.post("/api/v1/lot", content=path.read_bytes(), headers={"content-type": "application/x-ndjson"})
    assert [json.loads(line) for line in response.text.splitlines()] == expected


def test_answers_follow_the_published_output_schema(api):
    import jsonschema
    schema = json.loads((ROOT / "checker" / "schemas" / "resultat.schema.json").read_text(encoding="utf-8"))

    def valid(document, definition):
        jsonschema.Draft202012Validator({**schema, "$ref": f"#/$defs/{definition}"},
                                        format_checker=jsonschema.FormatChecker()).validate(document)

    with open(VILLENEUVE, "rb") as f:
        valid(api.post("/api/v1/controle", files={"fichier": (VILLENEUVE.name, f)}).json(), "document")
    valid(api.post("/api/v1/controle", content=b"seance: {date: 2023-02-30}",
                   headers={"content-type": "application/yaml"}).json(), "document")
    for line in api.post("/api/v1/lot", content=b'{"seance": {"date": "2024-01-10"}}\n{x\n',
                         headers={"content-type": "application/x-ndjson"}).text.splitlines():
        valid(json.loads(line), "resultat")


@pytest.mark.parametrize("path, words", [
    ("/", "Préparer une séance"), ("/api", "POST /api/v1/controle"), ("/regles?q=L2121-17", "L2121-17.quorum"),
    ("/acte", "Déposer un fichier"), ("/lot", "Vérifier le lot"), ("/seance", "La liste d'appel"),
    ("/connexion", "ne demande pas de jeton"),
])
def test_every_page_answers_in_french(api, path, words):
    response = api.get(path)
    assert response.status_code == 200 and words in unescape(response.text)
    assert response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("members", [0, 700])
def test_a_json_body_small_or_large_is_the_json_of_the_command_line(api, tmp_path, members):
    """Small JSON records are checked in the event loop, larger ones in a thread: the same answer."""
    import yaml

    from checker.web.api import INLINE_MAX
    data = yaml.safe_load((EXAMPLES / "convocation-tardive.yaml").read_text(encoding="utf-8"))
    if members:
        data["seance"]["membres_en_exercice"] = members
        data["seance"]["membres"] = [{"nom": f"Membre NUMÉRO{i:04d}", "presence": "present"} for i in range(members)]
    body = json.dumps(data, default=str)
    assert (len(body.encode()) > INLINE_MAX) == bool(members)
    path = tmp_path / "dossier.json"
    path.write_text(body, encoding="utf-8")
    response = api.post("/api/v1/controle", content=body, headers={"content-type": "application/json"})
    same_as_cli(response.json(), path, "-")


def test_the_loaded_heap_is_set_aside_from_the_collector():
    """After start-up, a full collection no longer walks the rules and the reference data."""
    import gc
    with client():
        assert gc.get_freeze_count() > 50_000
