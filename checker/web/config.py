"""The server's settings: where it listens, who may call it, how much it accepts."""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

ENV = "DELIBCHECK_WEB"
MO = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    hote: str = "127.0.0.1"
    port: int = 8000
    # When set, every page and every API call needs it (Bearer header, or the cookie the
    # connexion page sets): a server opened to a network is not a public checker.
    jeton: str | None = None
    # A request body beyond this is refused with 413 before it is read whole.
    taille_max: int = 20 * MO
    # One record or one document inside a request.
    taille_max_document: int = 10 * MO
    pages_max: int = 200
    # Reading one document (PDF or text) runs in its own process, stopped after this time and
    # within this memory: a hostile PDF costs a process, never the server.
    delai_lecture: float = 20.0
    memoire_lecture: int = 768 * MO
    # Reading processes per server process: documents beyond that wait their turn.
    lecteurs: int = 2
    # A batch (several files, or a zip): how many acts and how much unpacked data at most.
    actes_max: int = 5000
    decompresse_max: int = 100 * MO
    fichiers_zip_max: int = 2000
    # Batches kept for their downloads, then removed with their files.
    duree_lot: int = 3600
    # Where batches keep their files (a directory the server creates and removes); None: a
    # fresh temporary directory.
    dossier_travail: str | None = None

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> "Settings":
        raw = os.environ.get(ENV)
        return cls(**json.loads(raw)) if raw else cls()
