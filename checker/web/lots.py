"""A batch sent from the page « Vérifier un lot »: stored, checked in the background, kept for download.

Each batch has a folder of its own under the server's working directory, named by a random
token; its files are stored there under names the server makes (`uploads.Depot`), checked one
chunk at a time (`checking`), and every report format is written as the acts go, so that memory
stays flat and a download never runs the rules again. The token in an address is only compared
with the names of existing folders: it never becomes a path itself. Batches older than
`Settings.duree_lot` are removed with their files.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import threading
import time
from pathlib import Path

from checker.batch import Totals
from checker.reports import FORMATS
from checker.web import checking
from checker.web.config import Settings
from checker.web.uploads import Depot, Piece

TOKEN = re.compile(r"^[A-Za-z0-9_-]{22}$")
EXTENSIONS = {"texte": "txt", "json": "json", "jsonl": "jsonl", "junit": "xml", "sarif": "sarif", "html": "html"}
WORKLIST = "actes.jsonl"
STATE = "etat.json"
# One batch at a time per server process: the others wait their turn rather than share the cores.
_TURN = threading.Semaphore(1)


def root(workdir: Path) -> Path:
    folder = workdir / "lots"
    folder.mkdir(exist_ok=True)
    return folder


def find(workdir: Path, token: str) -> Path | None:
    """The folder of the batch `token`, found among the existing ones, or None."""
    if not TOKEN.fullmatch(token or ""):
        return None
    for entry in os.scandir(root(workdir)):
        if entry.is_dir() and secrets.compare_digest(entry.name, token):
            return Path(entry.path)
    return None


def purge(workdir: Path, settings: Settings) -> None:
    limit = time.time() - settings.duree_lot
    for entry in os.scandir(root(workdir)):
        if entry.is_dir() and entry.stat().st_mtime < limit:
            shutil.rmtree(entry.path, ignore_errors=True)


def create(workdir: Path, settings: Settings) -> tuple[str, Path, Depot]:
    purge(workdir, settings)
    token = secrets.token_urlsafe(16)
    folder = root(workdir) / token
    (folder / "sources").mkdir(parents=True)
    write_state(folder, {"etat": "reception", "faits": 0, "total": None})
    return token, folder, Depot(folder / "sources", settings)


def write_state(folder: Path, state: dict) -> None:
    temporary = folder / (STATE + ".tmp")
    temporary.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, folder / STATE)


def read_state(folder: Path) -> dict:
    try:
        return json.loads((folder / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"etat": "inconnu", "faits": 0, "total": None}


def estimate(pieces: list[Piece]) -> int:
    """How many acts the batch holds, counted cheaply (lines of JSON Lines, rows of CSV)."""
    total = 0
    for piece in pieces:
        if piece.chemin is not None and piece.kind in ("lignes", "scdl"):
            with open(piece.chemin, "rb") as stream:
                lines = sum(1 for line in stream if line.strip())
            total += max(lines - (1 if piece.kind == "scdl" else 0), 1)
        else:
            total += 1
    return total


def run(folder: Path, pieces: list[Piece], options: checking.Options, settings: Settings) -> None:
    """Check the batch and write its reports; the state file says how far it is."""
    total = min(estimate(pieces), settings.actes_max + 1)
    write_state(folder, {"etat": "attente", "faits": 0, "total": total})
    with _TURN:
        outputs = {fmt: open(folder / f"rapport.{EXTENSIONS[fmt]}", "w", encoding="utf-8") for fmt in FORMATS}
        worklist = open(folder / WORKLIST, "w", encoding="utf-8")
        try:
            reports = [checking.Report(fmt, options, out) for fmt, out in outputs.items()]
            lines = checking.Report("jsonl", checking.Options(tout=False, avant_vote=options.avant_vote), worklist)
            totals = Totals()
            done = 0
            last = 0.0
            items = checking.items_of(pieces, settings)
            for result in checking.check_items(items, options, limit=settings.actes_max):
                for report in reports:
                    report.add(result)
                lines.add(result)
                checking.count(totals, result)
                done += 1
                now = time.monotonic()
                if now - last > 0.3:
                    write_state(folder, {"etat": "controle", "faits": done, "total": max(total, done)})
                    last = now
            summary = totals.as_dict()
            for report in reports:
                report.finish(summary)
            # The page reads the reports and the worklist, and the sources are gone, as soon as the
            # state says « fini »: everything is settled on disk before it says so, never after.
            _close(folder, outputs, worklist)
        except Exception as exc:  # the page must say the batch failed rather than wait for ever
            with contextlib.suppress(OSError):
                _close(folder, outputs, worklist)
            write_state(folder, {"etat": "echec", "faits": 0, "total": None,
                                 "message": f"le contrôle du lot a échoué ({type(exc).__name__})"})
            raise
        write_state(folder, {"etat": "fini", "faits": done, "total": done, "resume": summary})


def _close(folder: Path, outputs: dict, worklist) -> None:
    for stream in (*outputs.values(), worklist):
        stream.close()
    shutil.rmtree(folder / "sources", ignore_errors=True)


def start(folder: Path, pieces: list[Piece], options: checking.Options, settings: Settings) -> None:
    threading.Thread(target=run, args=(folder, pieces, options, settings), daemon=True,
                     name=f"lot-{folder.name[:6]}").start()


def results(folder: Path, most: int = 2000) -> tuple[list[dict], int]:
    """The acts of a finished batch (at most `most` of them) and how many there are."""
    acts = []
    count = 0
    with open(folder / WORKLIST, encoding="utf-8") as stream:
        for line in stream:
            count += 1
            if len(acts) < most:
                acts.append(json.loads(line))
    return acts, count
