"""Errors as the web tells them: French, naming the field, with the HTTP code that means it.

400 a record or a form that breaks the format; 401 no token; 404 unknown page or rule; 413 too
large; 422 a document that cannot be read (corrupt, scanned, too long to read); 500 never on
purpose — an unexpected error is answered in French too, and the server goes on.
"""
from __future__ import annotations

from html import escape

from starlette.responses import HTMLResponse, JSONResponse, Response

from ruleset.errors import InputError


class ErreurWeb(Exception):
    """An error to answer with `status`: a French message and the field it concerns."""

    def __init__(self, status: int, message: str, champ: str | None = None, fichier: str | None = None,
                 ligne: int | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.champ = champ
        self.fichier = fichier
        self.ligne = ligne

    @classmethod
    def from_input(cls, status: int, exc: InputError) -> "ErreurWeb":
        return cls(status, exc.message, exc.champ, exc.fichier, exc.ligne)

    def texte(self) -> str:
        return str(InputError(self.message, fichier=self.fichier, ligne=self.ligne, champ=self.champ))

    def to_dict(self) -> dict:
        return {"erreur": {"message": self.message, "champ": self.champ, "fichier": self.fichier,
                           "ligne": self.ligne, "texte": self.texte()}}


class TropVolumineux(Exception):
    """The body passed the size limit while it was read."""


def error_response(path: str, status: int, message: str, champ: str | None = None) -> Response:
    error = ErreurWeb(status, message, champ)
    if path.startswith("/api/"):
        return JSONResponse(error.to_dict(), status_code=status)
    return HTMLResponse(error_page(status, error.texte()), status_code=status)


TITLES = {400: "Données invalides", 401: "Accès refusé", 404: "Page introuvable", 405: "Méthode non admise",
          413: "Envoi trop volumineux", 422: "Document illisible", 500: "Erreur interne"}


def error_page(status: int, text: str) -> str:
    """A bare page, for errors met before the templates can be used (the middleware)."""
    title = TITLES.get(status, "Erreur")
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{title} — delibcheck</title>'
            f'<link rel="stylesheet" href="/static/style.css"></head><body><main><h1>{title}</h1>'
            f'<p class="erreur">{escape(text)}</p><p><a href="/">Retour à l\'accueil</a></p></main></body></html>')
