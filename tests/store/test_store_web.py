"""The worklist page in headless Chromium, against `delibcheck serve` reading a SQLite store."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")
pytest.importorskip("starlette")
playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
# As the other pages' tests: a page served by a loaded machine answers in seconds, not in milliseconds.
expect.set_options(timeout=20_000)

from web_support import server  # noqa: E402

from store.store_support import check, write  # noqa: E402

ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artefacts"


def _record(numero: str, reception: dt.date) -> dict:
    return {"collectivite": {"nom": "Commune de Lille-Essai", "departement": "59"},
            "seance": {"date": (reception - dt.timedelta(days=3)).isoformat()},
            "deliberations": [{"numero": numero, "objet": "Marché de voirie",
                               "transmission": {"date_reception": reception.isoformat()}}]}


def test_the_worklist_page_lists_overdue_first_and_records_an_action(page, tmp_path, monkeypatch):
    base = str(tmp_path / "actes.sqlite")
    today = dt.date.today()
    late = today - dt.timedelta(days=75)      # its two months are over
    soon = today - dt.timedelta(days=50)      # about ten days left
    check(base, write(tmp_path, "tard.json", _record("T-1", late)), write(tmp_path, "bientot.json", _record("B-2", soon)))
    monkeypatch.setenv("DELIBCHECK_BASE", base)
    with server() as address:
        page.goto(f"{address}/suivi")
        rows = page.locator("table.suivi tbody tr")
        expect(rows).to_have_count(2)
        expect(rows.nth(0)).to_contain_text("délibération T-1")
        expect(rows.nth(0)).to_contain_text("dépassée de")
        expect(rows.nth(1)).to_contain_text("délibération B-2")
        expect(page.locator("#compte")).to_contain_text("2 actes ouverts")
        expect(page.locator("#compte")).to_contain_text("1 échéance dépassée")
        second = rows.nth(1)
        second.locator("select[name=nature]").select_option("recours_gracieux")
        second.locator("input[name=date]").fill(today.isoformat())
        second.locator("input[name=auteur]").fill("Mme Agent")
        second.locator("button").click()
        expect(page.locator("#enregistre")).to_be_visible()
        moved = page.locator("tr[data-acte$='|B-2']")
        expect(moved).to_contain_text(f"recours gracieux le {today.strftime('%d/%m/%Y')} par Mme Agent")
        expect(moved).to_contain_text("délai interrompu")
        ARTEFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTEFACTS / "suivi.png"), full_page=True)
    from click.testing import CliRunner

    from checker.cli import main
    data = json.loads(CliRunner().invoke(main, ["suivi", "--base", base, "--format", "json"]).stdout)
    # The command line reads the same store and sees the action.
    assert [a["actions"][0]["auteur"] for a in data["actes"] if a["actions"]] == ["Mme Agent"]


def test_without_a_base_the_page_says_how_to_configure_one(page, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("DELIBCHECK_BASE", raising=False)
    with server() as address:
        page.goto(f"{address}/suivi")
        expect(page.locator("#sans-base")).to_contain_text("DELIBCHECK_BASE")
