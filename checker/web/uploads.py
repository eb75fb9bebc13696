"""Receiving files: what kind each is, under which name it is shown, and unpacking a zip safely.

A file's name as sent is shown to the user and nothing else: the server stores each file under a
name of its own making inside its temporary directory. A zip is unpacked entry by entry, counting
the bytes actually inflated (never trusting the sizes it announces), so a zip bomb stops at the
limit with a French message instead of filling the disk or the memory.
"""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from checker.inputs import CSV_SUFFIXES, DOCUMENT_SUFFIXES, LINES_SUFFIXES, RECORD_SUFFIXES
from checker.web.config import Settings

ZIP_SUFFIXES = (".zip",)
KINDS = {**{s: "dossier" for s in RECORD_SUFFIXES}, **{s: "lignes" for s in LINES_SUFFIXES},
         **{s: "scdl" for s in CSV_SUFFIXES}, **{s: "document" for s in DOCUMENT_SUFFIXES},
         **{s: "zip" for s in ZIP_SUFFIXES}}
ADMIS = ", ".join(KINDS)
_CHUNK = 64 * 1024


@dataclass
class Piece:
    """One file received: `nom` is shown to the user, `chemin` is where the server stored it."""

    nom: str
    kind: str
    chemin: Path | None = None
    erreur: str | None = None


def display_name(filename: str | None, default: str = "document") -> str:
    """The last component of the name sent, printable characters only, at most 120 of them."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable()).strip()[:120]
    return name or default


def suffix_of(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def kind_of(name: str, head: bytes) -> str | None:
    """The kind of a file from its name, or from its first bytes when the name has no known suffix."""
    kind = KINDS.get(suffix_of(name))
    if kind is not None:
        return kind
    if head.startswith(b"%PDF-"):
        return "document"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    stripped = head.lstrip()
    if stripped.startswith((b"{", b"[")):
        return "dossier"
    return None


def unsupported(name: str) -> str:
    suffix = suffix_of(name) or "(sans extension)"
    return f"type de fichier non pris en charge « {suffix} » ; admis : {ADMIS}"


class Depot:
    """The files of one request or one batch, stored under `dossier` with names the server chooses."""

    def __init__(self, dossier: Path, settings: Settings):
        self.dossier = dossier
        self.settings = settings
        self.pieces: list[Piece] = []
        self.inflated = 0

    def _store(self, data_chunks, name: str, kind: str) -> Piece:
        target = self.dossier / f"{len(self.pieces) + 1:05d}{_safe_suffix(name, kind)}"
        size = 0
        with open(target, "wb") as out:
            for chunk in data_chunks:
                size += len(chunk)
                if size > self.settings.taille_max_document:
                    out.close()
                    target.unlink()
                    return Piece(name, kind, erreur=f"fichier trop volumineux : "
                                 f"{self.settings.taille_max_document // (1024 * 1024)} Mo au plus par fichier")
                out.write(chunk)
        return Piece(name, kind, target)

    def add(self, name: str, stream) -> None:
        """A file sent by the user (a binary stream); a zip is unpacked into its entries."""
        head = stream.read(8)
        kind = kind_of(name, head)
        if kind is None:
            self.pieces.append(Piece(name, "erreur", erreur=unsupported(name)))
            return
        chunks = _chunks(stream, head)
        if kind == "zip":
            piece = self._store(chunks, name, kind)
            if piece.erreur:
                self.pieces.append(piece)
                return
            self._unzip(piece)
            return
        self.pieces.append(self._store(chunks, name, kind))

    def _unzip(self, archive: Piece) -> None:
        settings = self.settings
        try:
            with zipfile.ZipFile(archive.chemin) as zf:
                entries = [i for i in zf.infolist() if not i.is_dir() and not _hidden(i.filename)]
                if len(entries) > settings.fichiers_zip_max:
                    self.pieces.append(Piece(archive.nom, "erreur", erreur=f"archive de {len(entries)} fichiers : "
                                             f"{settings.fichiers_zip_max} au plus"))
                    return
                for info in entries:
                    shown = f"{archive.nom}/{display_name(info.filename, 'entrée')}"
                    inner = display_name(info.filename, "entrée")
                    kind = KINDS.get(suffix_of(inner))
                    if kind is None or kind == "zip":
                        why = "archive dans l'archive non dépliée" if kind == "zip" else unsupported(inner)
                        self.pieces.append(Piece(shown, "erreur", erreur=why))
                        continue
                    if info.flag_bits & 0x1:
                        self.pieces.append(Piece(shown, "erreur", erreur="entrée chiffrée : illisible sans mot de passe"))
                        continue
                    if not self._inflate(zf, info, shown, kind):
                        return
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
            self.pieces.append(Piece(archive.nom, "erreur", erreur=f"archive zip illisible ({_why(exc)})"))
        finally:
            archive.chemin.unlink(missing_ok=True)

    def _inflate(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str, kind: str) -> bool:
        """Unpack one entry, counting the bytes inflated; False when the archive must stop there."""
        limit = self.settings.decompresse_max
        stop = False

        def counted():
            nonlocal stop
            with zf.open(info) as entry:
                while True:
                    chunk = entry.read(_CHUNK)
                    if not chunk:
                        return
                    self.inflated += len(chunk)
                    if self.inflated > limit:
                        stop = True
                        raise _Bomb()
                    yield chunk

        try:
            self.pieces.append(self._store(counted(), shown, kind))
        except _Bomb:
            for leftover in self.dossier.glob(f"{len(self.pieces) + 1:05d}*"):
                leftover.unlink()
            self.pieces.append(Piece(shown, "erreur", erreur=f"archive trop volumineuse une fois dépliée : "
                                     f"{limit // (1024 * 1024)} Mo au plus (bombe de décompression ?)"))
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            self.pieces.append(Piece(shown, "erreur", erreur=f"entrée d'archive illisible ({_why(exc)})"))
        return not stop


class _Bomb(Exception):
    pass


def _why(exc: Exception) -> str:
    text = str(exc)
    return text if text and len(text) < 120 else type(exc).__name__


def _hidden(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return any(p.startswith(".") or p == "__MACOSX" for p in parts if p)


def _safe_suffix(name: str, kind: str) -> str:
    suffix = suffix_of(name)
    if KINDS.get(suffix) == kind:
        return suffix
    return {"dossier": ".json", "document": ".pdf", "zip": ".zip", "lignes": ".jsonl", "scdl": ".csv"}[kind]


def _chunks(stream, head: bytes):
    yield head
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return
        yield chunk

