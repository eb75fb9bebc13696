"""The batch page's server side: files and zips received safely, every act kept, reports written."""
from __future__ import annotations

import io
import json
import time
import warnings
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from web_support import zip_bomb  # noqa: E402

from checker.web.app import create_app  # noqa: E402
from checker.web.config import MO, Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOOD = (ROOT / "examples" / "convocation-tardive.yaml").read_bytes()


def finished(c: TestClient, files) -> tuple[str, dict, str]:
    response = c.post("/lot", files=files, follow_redirects=False)
    assert response.status_code == 303, response.text
    page = response.headers["location"]
    # The batch runs in the server's own workers; on a loaded machine their first start alone can
    # take seconds, so the wait is bounded by time, generously, and what is asserted is unchanged.
    deadline = time.monotonic() + 180
    while True:
        state = c.get(page + "/etat").json()
        if state["etat"] in ("fini", "echec") or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert state["etat"] in ("fini", "echec"), state
    return page, state, c.get(page).text


def test_zip_bomb_stops_at_the_limit_and_the_rest_is_checked(tmp_path):
    archive = zip_bomb(tmp_path / "lot.zip", 64 * MO, {"bon.yaml": GOOD, "notes.docx": b"PK"})
    with TestClient(create_app(Settings(decompresse_max=8 * MO))) as c:
        page, state, html = finished(c, [("fichiers", ("lot.zip", archive.read_bytes(), "application/zip"))])
        assert state["etat"] == "fini"
        assert state["resume"]["lus"] == 3 and state["resume"]["erreurs"] == 2
        assert "bombe de décompression" in html and "lot.zip/notes.docx" in html
        assert "type de fichier non pris en charge « .docx »" in html
        assert "Saint-Exemple" in html
        lines = c.get(page + "/rapport.jsonl").text.splitlines()
        assert [json.loads(line)["fichier"] for line in lines] == ["lot.zip/bon.yaml", "lot.zip/notes.docx",
                                                                   "lot.zip/bombe.yaml"]
        workdir = Path(c.app.state.workdir)
        assert not list(workdir.rglob("sources/*"))


def test_every_report_format_is_the_batch_written_once(tmp_path):
    with TestClient(create_app(Settings())) as c:
        files = [("fichiers", ("a.yaml", GOOD)), ("fichiers", ("b.jsonl", b'{"seance": {"date": "2024-01-10"}}\n'))]
        page, state, _ = finished(c, files)
        assert state["resume"]["lus"] == 2
        document = c.get(page + "/rapport.json").json()
        assert [(r["fichier"], r["ligne"]) for r in document["resultats"]] == [("a.yaml", None), ("b.jsonl", 1)]
        assert document["resume"] == state["resume"]
        sarif = c.get(page + "/rapport.sarif").json()
        assert sarif["version"] == "2.1.0"
        assert c.get(page + "/rapport.junit").text.startswith("<?xml")
        assert "Contrôle de légalité" in c.get(page + "/rapport.html").text
        assert "Dossiers lus : 2" in c.get(page + "/rapport.texte").text
        assert c.get(page + "/rapport.exe").status_code == 404


def test_a_batch_is_found_by_its_token_only():
    with TestClient(create_app(Settings())) as c:
        assert c.get("/lot/AAAAAAAAAAAAAAAAAAAAAA").status_code == 404
        assert c.get("/lot/..%2F..%2Fetc").status_code == 404
        unknown = c.get("/lot/nope/etat")
        assert unknown.status_code == 404 and "lot inconnu ou expiré" in unknown.text


def test_a_corrupt_zip_is_one_error_result():
    with TestClient(create_app(Settings())) as c:
        _, state, html = finished(c, [("fichiers", ("lot.zip", b"PK\x03\x04 pas une archive"))])
        assert state["resume"] == {**state["resume"], "lus": 1, "erreurs": 1}
        assert "archive zip illisible" in html


def test_no_file_is_a_french_error():
    with TestClient(create_app(Settings())) as c:
        response = c.post("/lot", data={"tout": "oui"})
        assert response.status_code == 400 and "aucun fichier reçu" in response.text


def test_encrypted_entry_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.yaml", GOOD)
    data = bytearray(buffer.getvalue())
    # Set the "encrypted" flag of the entry in the central directory and the local header.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 0x1
    with TestClient(create_app(Settings())) as c:
        _, state, html = finished(c, [("fichiers", ("chiffre.zip", bytes(data)))])
        assert "entrée chiffrée" in html and state["resume"]["erreurs"] == 1


def test_reports_are_complete_when_the_state_says_finished(tmp_path, monkeypatch):
    """The page reads the worklist as soon as the state is « fini »: it must hold every act then, and
    the sources must be gone (the zip-bomb test looks for them right after « fini »)."""
    from checker.web import checking, lots
    from checker.web.uploads import Piece

    folder = tmp_path / "lot"
    (folder / "sources").mkdir(parents=True)
    seen = {}
    write_state = lots.write_state

    def watching(where, state):
        if state["etat"] == "fini":
            seen["actes"] = lots.results(where)[1]
            seen["jsonl"] = (where / "rapport.jsonl").read_text(encoding="utf-8").count("\n")
            seen["sources"] = (where / "sources").exists()
        write_state(where, state)

    monkeypatch.setattr(lots, "write_state", watching)
    pieces = [Piece("a.zip", "erreur", erreur="archive zip illisible (essai)"), Piece("b.zip", "erreur", erreur="x")]
    lots.run(folder, pieces, checking.Options(), Settings())
    assert seen == {"actes": 2, "jsonl": 2, "sources": False}


def test_a_batch_that_fails_says_so_with_its_files_closed_and_sources_gone(tmp_path, monkeypatch):
    from checker.web import checking, lots
    from checker.web.uploads import Piece

    folder = tmp_path / "lot"
    (folder / "sources").mkdir(parents=True)
    seen = {}
    write_state = lots.write_state

    def watching(where, state):
        if state["etat"] == "echec":
            seen["sources"] = (where / "sources").exists()
        write_state(where, state)

    def broken(self, totals):
        raise OSError("disque plein (essai)")

    monkeypatch.setattr(lots, "write_state", watching)
    monkeypatch.setattr(checking.Report, "finish", broken)
    with pytest.raises(OSError):
        lots.run(folder, [Piece("a.zip", "erreur", erreur="x")], checking.Options(), Settings())
    state = lots.read_state(folder)
    assert state["etat"] == "echec" and "OSError" in state["message"]
    assert seen == {"sources": False}
