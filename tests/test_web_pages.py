"""The pages in headless Chromium, against `delibcheck serve` on a free port of 127.0.0.1.

A clerk prepares a meeting around a holiday and a roll call below the quorum; an agent drops the
reference document and corrects a fact; a batch with a broken file lists every act and the error.
Screenshots are kept under test-artefacts/."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

pytest.importorskip("uvicorn")
pytest.importorskip("starlette")
playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
# The machine that runs the suite may be busy: answers recomputed by the server get time to arrive.
expect.set_options(timeout=20_000)

from web_support import server  # noqa: E402

from checker.clerk import convocation as convocation_module  # noqa: E402
from checker.clerk import quorum as quorum_module  # noqa: E402
from checker.engine_cache import engine_for  # noqa: E402
from checker.inputs import read_document  # noqa: E402
from checker.referentiel.remplissage import completer  # noqa: E402
from checker.results import Result  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTEFACTS = ROOT / "test-artefacts"
VILLENEUVE = ROOT / "tests" / "data" / "corpus" / "villeneuve-dascq-2023-12-19.txt"
NAMES = ["Anne ARNAUD", "Bruno BLANC", "Chloé CARON", "David DUBOIS", "Émilie ÉTIENNE", "Fabrice FAURE",
         "Gaëlle GARNIER", "Hugo HENRY", "Inès IMBERT", "Jules JOLY", "Karima KHALIL"]


@pytest.fixture(scope="module")
def serveur():
    with server() as address:
        yield address


def shot(page, name: str) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"web-{name}.png"), full_page=True)
    page.screenshot(path=str(ARTEFACTS / f"web-{name}-ecran.png"))


def test_clerk_reads_the_last_sending_day_around_a_holiday(page, serveur):
    expected = convocation_module.answer(engine_for(None), convocation_module.Convocation(dt.date(2024, 5, 10),
                                                                                          population=900))
    assert expected.dernier_jour == dt.date(2024, 5, 6)
    page.goto(serveur + "/seance")
    page.fill("#collectivite", "Commune de Saint-Exemple")
    page.fill("#population", "900")
    page.fill("#seance", "2024-05-10")
    page.click("#calculer")
    expect(page.locator("#dernier-jour")).to_contain_text("Dernier jour d'envoi : lundi 06/05/2024 (3 jours francs requis)")
    holidays = page.locator("#calendrier tr.ferie")
    expect(holidays).to_have_count(2)
    expect(holidays.nth(0)).to_contain_text("08/05/2024")
    expect(holidays.nth(1)).to_contain_text("09/05/2024")
    expect(page.locator("#calendrier tr.dernier")).to_contain_text("06/05/2024")
    expect(page.locator("#note-synthese")).to_be_visible()
    shot(page, "seance-convocation")


def test_roll_call_below_the_quorum_is_reported_live(page, serveur):
    page.goto(serveur + "/seance")
    page.fill("#population", "900")
    page.fill("#seance", "2024-05-10")
    page.fill("#noms", "\n".join(NAMES))
    page.click("#calculer")
    table = page.locator("#appel")
    expect(table.locator("tbody tr")).to_have_count(len(NAMES))
    # « de » elided before a vowel, as French writes it.
    expect(page.get_by_label(f"pouvoir d'{NAMES[0]}", exact=True)).to_have_count(1)
    expect(page.get_by_label(f"pouvoir d'{NAMES[4]}", exact=True)).to_have_count(1)
    for name in NAMES[:3]:
        page.get_by_label(f"{name} présent").check()
    page.get_by_label(f"pouvoir de {NAMES[5]}").select_option(NAMES[0])
    expected = quorum_module.answer(engine_for(None), quorum_module.Quorum(dt.date(2024, 5, 10), len(NAMES), 3, 1,
                                                                           mandats=[(NAMES[5], NAMES[0])]))
    assert expected.reponse == "non" and expected.manque == 3
    verdict = page.locator("#verdict-quorum")
    # Live: the answer follows the ticks without sending the form.
    expect(verdict).to_contain_text(f"NON ATTEINT — il manque {expected.manque} présents ({expected.requis} requis)")
    expect(page.locator("#reponse-quorum h2")).to_contain_text("3 présents, 1 pouvoir, 11 membres en exercice")
    shot(page, "seance-appel-sous-quorum")
    for name in NAMES[3:6]:
        page.get_by_label(f"{name} présent").check()
    page.get_by_label(f"pouvoir de {NAMES[5]}").select_option("")
    expect(verdict).to_contain_text("ATTEINT — 6 présents, 6 requis")
    page.click("#calculer")
    expect(page.locator("#verdict-quorum")).to_contain_text("ATTEINT — 6 présents, 6 requis")
    expect(page.locator("#reponse-checklist")).to_contain_text("Désigner au début de la séance")
    shot(page, "seance-appel-checklist")
    with page.expect_download() as download:
        page.click("#telecharger")
    record = yaml.safe_load(Path(download.value.path()).read_text(encoding="utf-8"))
    presences = {m["nom"]: m["presence"] for m in record["seance"]["membres"]}
    assert sum(1 for p in presences.values() if p == "present") == 6
    assert presences[NAMES[10]] == "absent_excuse"
    assert record["seance"]["date"] == "2024-05-10" and record["collectivite"]["population"] == 900


def test_reference_document_dropped_shows_its_decision_and_a_fact_can_be_corrected(page, serveur):
    record = read_document(VILLENEUVE, VILLENEUVE.name)
    # The page fills the record from the reference data, as `check` does.
    completer(record, engine_for(None).by_id)
    expected = Result(VILLENEUVE.name, record, engine_for(None).check(record))
    page.goto(serveur + "/acte")
    page.set_input_files("#fichier", str(VILLENEUVE))
    page.click("#verifier")
    expect(page.locator("#resultat h2")).to_contain_text("Villeneuve d'Ascq — séance du 19/12/2023")
    label = {"indetermine": "indéterminé", "non_conforme": "non conforme", "conforme": "conforme"}[expected.statut]
    expect(page.locator("#statut-acte")).to_contain_text(f"Statut : {label}")
    expect(page.locator("#action")).to_have_text(expected.decision.libelle)
    source = page.locator("#faits-lus tr", has_text="convocation.date_envoi")
    expect(source).to_contain_text("cinq jours francs avant la séance")
    shot(page, "acte-villeneuve")
    delay = page.locator('#constats article[data-regle="L2121-12.delai"]')
    expect(delay.locator(".badge")).to_have_text("indéterminé")
    page.get_by_label("convocation.date_envoi").fill("2023-12-13")
    page.click("#reverifier")
    expect(page.locator('#conformes article[data-regle="L2121-12.delai"] .badge')).to_have_text("conforme")
    expect(page.locator("#faits-lus tr.corrige")).to_contain_text("saisi à la main")
    shot(page, "acte-villeneuve-corrige")


def test_batch_with_a_broken_file_lists_every_act_and_the_error(page, serveur, tmp_path):
    files = []
    for example in ("convocation-tardive.yaml", "quorum-non-atteint.yaml", "villeneuve-dascq-2023-12-19.yaml"):
        shutil.copy(ROOT / "examples" / example, tmp_path / example)
        files.append(tmp_path / example)
    broken = tmp_path / "casse.yaml"
    broken.write_text("seance:\n  date: 2023-12-19\n  presents: [\n", encoding="utf-8")
    lines = tmp_path / "flux.jsonl"
    lines.write_text('{"seance": {"date": "2024-01-10"}, "collectivite": {"nom": "Commune de Flux"}}\n{oups\n',
                     encoding="utf-8")
    files += [broken, lines]
    page.goto(serveur + "/lot")
    page.set_input_files("#fichiers", [str(f) for f in files])
    page.click("#envoyer")
    rows = page.locator("#liste-travail tbody tr")
    expect(rows).to_have_count(6)
    expect(page.locator("#resume")).to_contain_text("6 actes lus")
    expect(page.locator("#resume")).to_contain_text("2 erreurs")
    expect(page.locator("#liste-travail")).to_contain_text("casse.yaml")
    expect(page.locator("#liste-travail")).to_contain_text("flux.jsonl, ligne 2")
    for name in ("Saint-Exemple", "Villeneuve d'Ascq", "Commune de Flux"):
        expect(page.locator("#liste-travail")).to_contain_text(name)
    shot(page, "lot-liste-de-travail")
    for fmt in ("texte", "json", "jsonl", "junit", "sarif", "html"):
        link = page.locator(f'#resume a[href$="rapport.{fmt}"]')
        response = page.request.get(serveur + link.get_attribute("href"))
        assert response.status == 200, fmt
        assert len(response.body()) > 100, fmt
    jsonl = page.request.get(serveur + page.locator('#resume a[href$="rapport.jsonl"]').get_attribute("href"))
    assert len(jsonl.text().splitlines()) == 6


def test_rules_are_browsable(page, serveur):
    page.goto(serveur + "/regles")
    page.fill("input[name=q]", "L2121-12")
    page.click("form.recherche button")
    page.click("text=L2121-12.delai")
    expect(page.locator("h1")).to_contain_text("L2121-12.delai")
    expect(page.locator("body")).to_contain_text("Exemples")
    expect(page.locator("blockquote")).to_contain_text("cinq jours francs")
    shot(page, "regle")


def test_a_100_mb_body_is_refused_and_the_server_stays_up(serveur):
    import httpx
    chunk = b"x" * (1024 * 1024)

    def body():
        for _ in range(100):
            yield chunk

    with httpx.Client(base_url=serveur, timeout=60) as client:
        announced = client.post("/api/v1/controle", content=chunk * 100, headers={"content-type": "application/json"})
        assert announced.status_code == 413
        assert announced.json()["erreur"]["message"] == "requête trop volumineuse : 20 Mo au plus"
        try:
            streamed = client.post("/api/v1/lot", content=body(), headers={"content-type": "application/x-ndjson"})
            assert streamed.status_code == 413
        except httpx.HTTPError:
            # The server may close the connection once it has answered 413, before the body is all sent.
            pass
        assert client.get("/sante").text == "ok"
        assert client.post("/api/v1/quorum", json={"en_exercice": 11, "presents": 6}).json()["reponse"] == "oui"


def test_two_workers_share_their_batches(tmp_path):
    import httpx
    with server("--workers", "2") as address, httpx.Client(base_url=address, timeout=60) as client:
        files = [("fichiers", ("a.yaml", (ROOT / "examples" / "convocation-tardive.yaml").read_bytes()))]
        created = client.post("/lot", files=files)
        assert created.status_code == 303
        page = created.headers["location"]
        import time
        # Bounded by time, not by a count of polls (each poll is slower on a loaded machine).
        deadline = time.monotonic() + 180
        while True:
            states = {client.get(page + "/etat").json()["etat"] for _ in range(4)}
            if states == {"fini"} or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert states == {"fini"}
        assert all(client.get(page).status_code == 200 for _ in range(6))
