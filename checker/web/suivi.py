"""The worklist page (`/suivi`): the store's open acts by next deadline, and the agent's actions.

It reads the store `delibcheck suivi` reads (the base of the configuration: `url` of the `[base]`
table of delibcheck.toml, or `DELIBCHECK_BASE`), lists the acts overdue first, with the
proposed action, what a syndicate operation still awaits, and a form to record what was done; the
deadline is recomputed by `checker.store.delais` as on the command line. The author of an action is
the name typed in the form (the server has no named users), else the configuration's `auteur`.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from checker.web.errors import ErreurWeb

ACTIONS = (("recours_gracieux", "Recours gracieux envoyé"), ("reponse_recours", "Réponse au recours reçue"),
           ("demande_pieces", "Pièces demandées"), ("pieces_recues", "Pièces reçues"),
           ("defere", "Déféré déposé"), ("sans_suite", "Pas de suite"))


@lru_cache(maxsize=4)
def _store(base: str):
    from checker.store import Store
    return Store(base)


def _base() -> str | None:
    from checker.store.configuration import configured
    return configured("base")


def _list(base: str, today: dt.date, limit: int) -> dict:
    from checker.store.suivi import counts, worklist
    store = _store(base)
    with store.reading() as connection:
        return {"actes": worklist(connection, today, limit), "compte": counts(connection, today)}


async def suivi_page(request: Request):
    from checker.web.pages import render
    base = _base()
    if base is None:
        return render(request, "suivi.html", base=None, actes=[], compte=None, actions=ACTIONS)
    today = dt.date.today()
    data = await run_in_threadpool(_list, base, today, 100)
    return render(request, "suivi.html", base=_store(base).label, aujourdhui=today.isoformat(), actions=ACTIONS,
                  enregistre=request.query_params.get("enregistre"), **data)


def _record(base: str, acte: str, nature: str, date: dt.date, auteur: str, note: str | None) -> None:
    from checker.store.suivi import record_action
    store = _store(base)
    with store.writing() as connection:
        record_action(connection, acte, nature, date, auteur, note)


async def suivi_action(request: Request):
    from checker.store.configuration import configured
    base = _base()
    if base is None:
        raise ErreurWeb(409, "aucune base configurée : « base » dans la configuration ou DELIBCHECK_BASE", "base")
    form = await request.form()
    nature = form.get("nature")
    if nature not in dict(ACTIONS):
        raise ErreurWeb(400, f"action inconnue ; admises : {', '.join(dict(ACTIONS))}", "nature")
    try:
        date = dt.date.fromisoformat(str(form.get("date") or ""))
    except ValueError:
        raise ErreurWeb(400, "date illisible : attendu AAAA-MM-JJ", "date") from None
    if date > dt.date.today():
        raise ErreurWeb(400, "date postérieure à aujourd'hui : on enregistre ce qui a été fait", "date")
    auteur = str(form.get("auteur") or "").strip() or configured("auteur")
    if not auteur:
        raise ErreurWeb(400, "auteur inconnu : donner son nom", "auteur")
    note = str(form.get("note") or "").strip() or None
    await run_in_threadpool(_record, base, str(form.get("acte") or ""), nature, date, auteur[:200], note)
    return RedirectResponse(f"/suivi?enregistre={nature}", status_code=303)


ROUTES = [Route("/suivi", suivi_page), Route("/suivi/action", suivi_action, methods=["POST"])]
