"""More of the clerk's and the agent's ways through the pages, in headless Chromium: a roster joined
and ticked live, an act's report downloaded in every format, a zip with a broken file, the rule
catalogue's examples checked, Légifrance reached from every finding. Screenshots under test-artefacts/."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
import yaml

pytest.importorskip("uvicorn")
pytest.importorskip("starlette")
playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
expect.set_options(timeout=20_000)

from web_support import server, text_as_pdf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTEFACTS = ROOT / "test-artefacts"
VILLENEUVE = ROOT / "tests" / "data" / "corpus" / "villeneuve-dascq-2023-12-19.txt"
ROSTER = """collectivite: {nom: Commune de Saint-Exemple, nature: commune, population: 300}
membres:
  - {nom: Anne ARNAUD, date_naissance: 1950-02-01}
  - Bruno BLANC
  - Chloé CARON
  - David DUBOIS
  - Émilie ÉTIENNE
pouvoirs:
  - {mandant: Bruno BLANC, mandataire: Anne ARNAUD, premiere_seance: 2024-03-01, maladie: oui,
     date_signature: 2024-02-27}
"""


@pytest.fixture(scope="module")
def serveur():
    with server() as address:
        yield address


def shot(page, name: str) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"web-{name}.png"), full_page=True)


def test_clerk_joins_a_roster_ticks_live_and_the_record_keeps_the_proxy_details(page, serveur, tmp_path):
    roster = tmp_path / "conseil.yaml"
    roster.write_text(ROSTER, encoding="utf-8")
    page.goto(serveur + "/seance")
    page.fill("#population", "300")
    page.fill("#seance", "2024-05-10")
    page.set_input_files("#registre", str(roster))
    page.click("#calculer")
    row = page.locator('#appel tr[data-membre="Bruno BLANC"]')
    expect(row).to_contain_text("pouvoir au registre à Anne ARNAUD, depuis le 01/03/2024, maladie constatée, "
                                "signé le 27/02/2024")
    expect(page.get_by_label("pouvoir de Bruno BLANC")).to_have_value("Anne ARNAUD")
    # Ticked in the page: the answers are recomputed by the script, without the roster file.
    for name in ("Anne ARNAUD", "Chloé CARON"):
        page.get_by_label(f"{name} présent").check()
    expect(page.locator("#verdict-quorum")).to_contain_text("NON ATTEINT")
    page.get_by_label("David DUBOIS présent").check()
    expect(page.locator("#verdict-quorum")).to_contain_text("ATTEINT — 3 présents, 3 requis")
    expect(page.locator("#reponse-checklist")).to_contain_text("Rang inconnu du pouvoir de Bruno BLANC")
    shot(page, "seance-registre")
    with page.expect_download() as download:
        page.click("#telecharger")
    record = yaml.safe_load(Path(download.value.path()).read_text(encoding="utf-8"))
    assert record["seance"]["pouvoirs"] == [{"mandant": "Bruno BLANC", "mandataire": "Anne ARNAUD", "ecrit": True,
                                             "maladie": True, "date_signature": "2024-02-27"}]
    assert record["seance"]["membres"][0]["date_naissance"] == "1950-02-01"
    assert record["collectivite"]["nom"] == "Commune de Saint-Exemple"


def test_agent_downloads_the_act_report_in_every_format(page, serveur):
    page.goto(serveur + "/acte")
    page.set_input_files("#fichier", str(VILLENEUVE))
    page.click("#verifier")
    expect(page.locator("#statut-acte")).to_be_visible()
    shown = page.locator("#statut-acte .badge").inner_text()
    contents = {}
    for fmt, ext in (("texte", "txt"), ("json", "json"), ("jsonl", "jsonl"), ("junit", "xml"), ("sarif", "sarif"),
                     ("html", "html")):
        with page.expect_download() as download:
            page.click(f'#rapports-acte button[value="{fmt}"]')
        assert download.value.suggested_filename == f"delibcheck-villeneuve-dascq-2023-12-19.{ext}"
        contents[fmt] = Path(download.value.path()).read_text(encoding="utf-8")
    document = json.loads(contents["json"])
    (result,) = document["resultats"]
    assert result["fichier"] == VILLENEUVE.name
    assert {"indetermine": "indéterminé", "non_conforme": "non conforme", "conforme": "conforme"}[result["statut"]] \
        == shown
    assert json.loads(contents["jsonl"])["statut"] == result["statut"]
    assert "Villeneuve d'Ascq" in contents["texte"] and "<testsuite" in contents["junit"]
    assert json.loads(contents["sarif"])["version"] == "2.1.0" and "<html" in contents["html"].lower()


def test_every_finding_links_to_legifrance(page, serveur):
    page.goto(serveur + "/acte")
    page.set_input_files("#fichier", str(VILLENEUVE))
    page.click("#verifier")
    findings = page.locator("article.constat")
    expect(findings.first).to_be_visible()
    references = page.locator("article.constat p.ref")
    unlinked = references.filter(has_not=page.locator('a[href^="https://www.legifrance.gouv.fr/"]'))
    assert references.count() > 20
    # Only the 1884 law and the 2020 ordinance, whose texts have no identifier in the project yet.
    assert all(("loi-1884" in text or "ord-2020-391" in text) for text in unlinked.all_text_contents())


def test_batch_zip_with_a_broken_and_a_corrupt_file_shows_every_act_and_both_errors(page, serveur, tmp_path):
    archive = tmp_path / "lot.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for example in sorted((ROOT / "examples").glob("*.yaml")):
            z.write(example, f"actes/{example.name}")
        z.writestr("actes/casse.yaml", "seance: {date: 2024-13-45\n")
        z.writestr("actes/abime.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer\n%%EOF")
        z.writestr("actes/extrait.pdf", text_as_pdf(VILLENEUVE.read_text(encoding="utf-8"), 3))
    page.goto(serveur + "/lot")
    page.set_input_files("#fichiers", str(archive))
    page.click("#envoyer")
    rows = page.locator("#liste-travail tbody tr")
    expect(rows).to_have_count(6)
    expect(page.locator("#resume")).to_contain_text("6 actes lus")
    expect(page.locator("#resume")).to_contain_text("2 erreurs")
    table = page.locator("#liste-travail")
    expect(table).to_contain_text("casse.yaml, ligne 2 : YAML mal formé")
    expect(table.locator("tr", has_text="abime.pdf")).to_contain_text("entrée illisible")
    expect(table.locator("tr", has_text="extrait.pdf")).to_contain_text("Villeneuve d'Ascq")
    for name in ("convocation-tardive.yaml", "quorum-non-atteint.yaml", "villeneuve-dascq-2023-12-19.yaml"):
        expect(table).to_contain_text(name)
    shot(page, "lot-zip")


def test_a_rule_example_is_checked_from_the_catalogue(page, serveur):
    page.goto(serveur + "/regles/L2121-12.delai")
    example = page.locator("tr", has_text="quatre_jours_francs").first
    expect(example.locator(".badge")).to_have_text("non conforme")
    example.locator("summary").click()
    expect(example.locator("pre")).to_contain_text("date_envoi")
    example.locator("button").click()
    expect(page.locator('article[data-regle="L2121-12.delai"] .badge')).to_have_text("non conforme")
    shot(page, "regle-exemple")
