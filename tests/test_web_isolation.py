"""The cage of the document reader: a read stopped on its time limit takes its whole process tree
with it (Tesseract, started by the reader for a scanned PDF, included), and the next read works."""
from __future__ import annotations

import os
import shutil
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from web_support import scanned_pdf

from checker.web import isolation
from checker.web.config import Settings
from ruleset.errors import InputError

VILLENEUVE = Path(__file__).resolve().parent / "data" / "corpus" / "villeneuve-dascq-2023-12-19.txt"


def _reading(pid: int) -> bool:
    """Whether `pid` is Tesseract reading an image (not the short `tesseract --list-langs`)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return command[0].endswith(b"tesseract") and any(b"_input" in part for part in command)


def _stat(pid: int) -> tuple[str, int, str] | None:
    """(name, parent, state) of a live process, None when it is gone or a zombie."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = raw[raw.index("(") + 1:raw.rindex(")")]
    state, parent = raw[raw.rindex(")") + 2:].split()[:2]
    return None if state in ("Z", "X") else (name, int(parent), state)


def _descendants(roots: set[int]) -> set[int]:
    family = set(roots)
    grew = True
    while grew:
        grew = False
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) not in family:
                stat = _stat(int(entry))
                if stat and stat[1] in family:
                    family.add(int(entry))
                    grew = True
    return family - set(roots)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="lecture des processus par /proc (Linux)")
def test_a_read_stopped_during_ocr_leaves_no_tesseract_behind():
    from checker.reader.ocr import ocr_available
    if ocr_available() is not None or shutil.which("tesseract") is None:
        pytest.skip("Tesseract absent : le document scanné ne serait pas lu par OCR")
    # Its own limits, hence its own pool of reading processes.
    settings = Settings(delai_lecture=15.0, lecteurs=1, memoire_lecture=1536 * 1024 * 1024)
    outcome: dict = {}
    # The time limit runs from the submission: the pool is started first, so that on a loaded
    # machine its start does not eat the limit before Tesseract has begun.
    isolation.lecteurs(settings).current(settings).submit(isolation._read, b"", "demarrage.txt", 1).result(120)

    def read():
        try:
            # Many small pages of noise: Tesseract starts on the first one after half a second of
            # work, 5 s at a load of 21 on two cores (with 4000-pixel pages it took 7 s at a load of
            # 15, and a limit of 8 s ran out before Tesseract was seen), and sixty of them keep it busy
            # well past the limit on a fast idle machine (a 2000-pixel page takes a second there).
            isolation.read_document(scanned_pdf(2000, pages=60), "scan.pdf", settings)
        except InputError as exc:
            outcome["erreur"] = exc.message

    reading = threading.Thread(target=read)
    reading.start()
    seen: set[int] = set()
    folders: set[str] = set()
    while reading.is_alive():
        pool = isolation.lecteurs(settings).pool
        if pool is not None and getattr(pool, "folder", None):
            folders.add(pool.folder)
        workers = set(getattr(pool.executor, "_processes", {}) or {}) if pool else set()
        seen |= {pid for pid in _descendants(workers) if _reading(pid)}
        time.sleep(0.05)
    reading.join()
    try:
        assert "lecture interrompue après 15 s" in outcome.get("erreur", "")
        assert seen, "Tesseract n'a pas été vu au travail pendant la lecture"
        deadline = time.monotonic() + 10   # SIGKILL is sent; a loaded machine takes its time to end them
        while any(_stat(pid) for pid in seen) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [pid for pid in seen if _stat(pid)] == []
        # Tesseract's image and output files went with the stopped pool's folder.
        assert folders and not any(Path(folder).exists() for folder in folders)
        patient = replace(settings, delai_lecture=60.0)
        assert isolation.read_document(VILLENEUVE.read_bytes(), VILLENEUVE.name, patient)["seance"]["date"]["valeur"] \
            == "2023-12-19"
    finally:
        isolation.stop(settings)


def test_folders_left_by_a_killed_server_are_swept_and_live_ones_kept(tmp_path):
    import subprocess
    import sys
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    stale = tmp_path / f"delibcheck-lecture-{dead_pid}-abc"
    mine = tmp_path / f"delibcheck-lecture-{os.getpid()}-def"
    parent_alive = tmp_path / f"delibcheck-lecture-{os.getppid()}-ghi"
    other = tmp_path / "autre-dossier"
    for folder in (stale, mine, parent_alive, other):
        folder.mkdir()
    (stale / "page.png").write_bytes(b"x")
    removed = isolation.sweep_stale_folders(str(tmp_path))
    assert removed == [stale.name]
    assert not stale.exists() and mine.exists() and parent_alive.exists() and other.exists()


class _HeldPool:
    """A stand-in for the reading processes whose reads end only when the test says so."""

    def __init__(self):
        from concurrent.futures import Future
        self.futures = [Future(), Future()]
        self.submitted: list[bool] = []
        self.killed = False

    def submit(self, *args):
        # Whether the first read was over when the second one was handed over.
        self.submitted.append(self.futures[0].done())
        return self.futures[len(self.submitted) - 1]

    def kill(self):
        self.killed = True


def test_a_queued_document_is_handed_over_only_when_a_reading_process_is_free():
    # The time limit runs from the hand-over: a document queued behind another must not have its
    # wait counted against it (before, it could be stopped, and its pool killed, for that wait).
    settings = Settings(delai_lecture=120.0, lecteurs=1)
    lecteurs = isolation.Lecteurs(settings.lecteurs)
    held = lecteurs.pool = _HeldPool()
    results: dict = {}

    def read(key):
        results[key] = lecteurs.read(b"texte", f"{key}.txt", settings)

    first = threading.Thread(target=read, args=("premier",))
    first.start()
    while not held.submitted:
        time.sleep(0.01)
    second = threading.Thread(target=read, args=("second",))
    second.start()
    second.join(0.3)
    assert held.submitted == [False], "le second document a été confié avant qu'un lecteur soit libre"
    held.futures[0].set_result(("ok", {"lu": 1}))
    first.join(30)
    while len(held.submitted) < 2:
        time.sleep(0.01)
    held.futures[1].set_result(("ok", {"lu": 2}))
    second.join(30)
    assert held.submitted == [False, True]
    assert results == {"premier": {"lu": 1}, "second": {"lu": 2}}
    assert not held.killed
