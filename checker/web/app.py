"""The application: routes, the guard in front of them, and errors said in French."""
from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from checker.web import api, pages, suivi
from checker.web.config import Settings
from checker.web.errors import TITLES, ErreurWeb, TropVolumineux, error_response
from checker.web.security import Garde
from ruleset.errors import InputError

STATIC = Path(__file__).with_name("static")
log = logging.getLogger("delibcheck.web")


def _respond(request: Request, error: ErreurWeb):
    path = request.url.path
    if path.startswith("/api/"):
        from starlette.responses import JSONResponse
        return JSONResponse(error.to_dict(), status_code=error.status)
    return pages.error_page(request, error)


async def on_web_error(request: Request, exc: ErreurWeb):
    return _respond(request, exc)


async def on_input_error(request: Request, exc: InputError):
    return _respond(request, ErreurWeb.from_input(400, exc))


async def on_too_big(request: Request, exc: TropVolumineux):
    return _respond(request, ErreurWeb(413, str(exc), "corps de la requête"))


async def on_http(request: Request, exc: HTTPException):
    messages = {404: "adresse inconnue", 405: f"méthode {request.method} non admise à cette adresse"}
    message = messages.get(exc.status_code, TITLES.get(exc.status_code, "requête refusée").lower())
    return _respond(request, ErreurWeb(exc.status_code, message, "adresse" if exc.status_code == 404 else None))


async def on_unexpected(request: Request, exc: Exception):
    # Logged for the administrator; the user gets a French sentence, never a traceback.
    log.exception("erreur inattendue sur %s", request.url.path)
    if isinstance(exc, MemoryError):
        message = "requête trop lourde pour la mémoire disponible"
    elif isinstance(exc, RecursionError):
        message = "données trop profondément imbriquées"
    else:
        message = "erreur interne inattendue ; la requête n'a pas abouti, le serveur continue"
    return error_response(request.url.path, 500, message)


def warm_up() -> None:
    """Load the rules and the reference data with one check, then set aside what is loaded for good.

    After `gc.freeze()` the collector no longer walks the rules, the compiled expressions and the
    reference data: a full collection of that heap took hundreds of milliseconds, stalling whichever
    request met it."""
    import gc

    from checker.web.api import check_bytes
    from checker.web.checking import Options, json_document
    # A body looked up in the reference data, a convocation counted in jours francs over holidays:
    # what loads the communes, the EPCIs and the holiday calendars on their first use.
    record = (b'{"collectivite": {"nom": "Commune de Saint-Exemple", "nature": "commune", "population": 5000, '
              b'"departement": "35"}, "seance": {"date": "2023-12-19", "membres_en_exercice": 29, "presents": 22}, '
              b'"convocation": {"date_envoi": "2023-12-14"}, "deliberations": [{"numero": "1"}]}')
    try:
        from checker.referentiel.donnees import SEUIL_INDEX
    except ImportError:
        SEUIL_INDEX = 1
    # The reference data builds its indexes after so many look-ups: built here, before the freeze.
    for _ in range(SEUIL_INDEX + 1):
        result, _ = check_bytes(record, "echauffement", "dossier", "json", Options(), Settings())
    # The decision and its deadline (holiday calendars again) are computed when the answer is written.
    json_document([result], Options())
    gc.collect()
    gc.freeze()


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()

    @contextlib.asynccontextmanager
    async def lifespan(app):
        from checker.web import isolation
        warm_up()
        isolation.start(settings)
        made = settings.dossier_travail is None
        workdir = Path(tempfile.mkdtemp(prefix="delibcheck-web-")) if made else Path(settings.dossier_travail)
        workdir.mkdir(parents=True, exist_ok=True)
        app.state.workdir = workdir
        try:
            yield
        finally:
            isolation.stop(settings)
            if made:
                shutil.rmtree(workdir, ignore_errors=True)

    app = Starlette(
        routes=[Mount("/api/v1", routes=api.ROUTES), *pages.ROUTES, *suivi.ROUTES,
                Mount("/static", app=StaticFiles(directory=STATIC), name="static")],
        middleware=[Middleware(Garde, settings=settings)],
        exception_handlers={ErreurWeb: on_web_error, InputError: on_input_error, TropVolumineux: on_too_big,
                            HTTPException: on_http, Exception: on_unexpected},
        lifespan=lifespan,
    )
    app.state.settings = settings
    return app


def app_from_env() -> Starlette:
    """For `uvicorn --factory` with several workers: the settings travel in the environment."""
    return create_app(Settings.from_env())
