"""`/api/v1`: the command line's answers over HTTP, in the same JSON.

`POST /controle` is `delibcheck check --format json` on one record or document; `POST /lot` is
`delibcheck check - --format jsonl` on a JSON Lines (or SCDL CSV) body, streamed act by act;
`/convocation` and `/quorum` are the clerk's commands with `--format json`; `/regles` is
`delibcheck regles --format json` and `/regles/{id}` what `delibcheck explique` prints.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from checker.batch import Totals
from checker.web import catalogue, checking
from checker.web.checking import DocumentIllisible, Options
from checker.web.config import Settings
from checker.web.errors import ErreurWeb
from checker.web.forms import Champs, convocation, quorum
from checker.web.uploads import Piece, display_name, kind_of
from ruleset.errors import InputError

JSON = "application/json"
NDJSON = "application/x-ndjson"
MEDIA = {"jsonl": NDJSON, "json": JSON, "texte": "text/plain; charset=utf-8", "junit": "application/xml",
         "sarif": "application/sarif+json", "html": "text/html; charset=utf-8"}
BODY_KINDS = {"application/json": ("dossier", "json"), "application/yaml": ("dossier", "yaml"),
              "application/x-yaml": ("dossier", "yaml"), "text/yaml": ("dossier", "yaml"),
              "application/pdf": ("document", None), "text/plain": ("document", None)}


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def flag(request: Request, name: str, form=None) -> bool:
    value = request.query_params.get(name)
    if value is None and form is not None:
        value = form.get(name)
    return Champs({name: value}).booleen(name)


async def read_upload(upload: UploadFile, limit: int, field: str) -> bytes:
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise ErreurWeb(413, f"fichier trop volumineux : {limit // (1024 * 1024)} Mo au plus", field)
    return data


async def form_of(request: Request, max_files: int = 1):
    from starlette.exceptions import HTTPException
    from starlette.formparsers import MultiPartException
    try:
        return await request.form(max_files=max_files, max_fields=2000, max_part_size=1024 * 1024)
    except MultiPartException as exc:
        raise ErreurWeb(400, multipart_message(exc.message), "(corps)")
    except HTTPException as exc:
        # Starlette turns the parser's refusals into a 400 with its English message.
        raise ErreurWeb(400, multipart_message(str(exc.detail)), "(corps)")


def multipart_message(english: str) -> str:
    """python-multipart's refusals, said in French."""
    text = english.lower()
    if "too many files" in text:
        return "formulaire refusé : trop de fichiers envoyés à la fois"
    if "too many fields" in text:
        return "formulaire refusé : trop de champs"
    if "exceeded maximum size" in text:
        return "formulaire refusé : un champ dépasse 1 Mo (joindre le dossier comme fichier)"
    if "boundary" in text:
        return "formulaire multipart illisible : séparateur (boundary) absent de l'en-tête Content-Type"
    return "formulaire multipart illisible"


# A JSON record up to this size is checked in the event loop itself (JSON has no aliases to inflate it).
INLINE_MAX = 32 * 1024


def check_bytes(data: bytes, name: str, kind: str, fmt: str | None, options: Options, settings: Settings):
    """One record or document → (result, record read from the document or None)."""
    from checker.inputs import Item
    read = None
    try:
        if kind == "document":
            read, record = checking.read_document(data, name, settings)
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise InputError("le dossier n'est pas encodé en UTF-8", fichier=name)
            record = checking.record_from_text(text, name, fmt or checking.record_format(name, text))
        item = Item(name, record)
    except InputError as exc:
        item = Item(name, error=exc)
    return checking.check_one(item, options), read


def status_of(result) -> int:
    if result.error is None:
        return 200
    return 422 if isinstance(result.error, DocumentIllisible) else 400


async def controle(request: Request) -> Response:
    settings = settings_of(request)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    form = None
    if content_type == "multipart/form-data":
        form = await form_of(request)
        try:
            upload = form.get("fichier")
            if not isinstance(upload, UploadFile):
                raise ErreurWeb(400, "fichier manquant : envoyer le dossier ou le document dans le champ « fichier »",
                                "fichier")
            name = display_name(upload.filename)
            data = await read_upload(upload, settings.taille_max_document, "fichier")
        finally:
            await form.close()
        kind = kind_of(name, data[:8])
        fmt = None
        if kind not in ("dossier", "document"):
            raise ErreurWeb(400, "un dossier (.yaml, .yml, .json) ou un document (.txt, .pdf) est attendu ; pour "
                                 "plusieurs actes, utiliser /api/v1/lot", "fichier")
    else:
        if content_type not in BODY_KINDS:
            raise ErreurWeb(400, f"type de contenu « {content_type or '(absent)'} » non pris en charge ; admis : "
                                 f"multipart/form-data (champ « fichier »), {', '.join(BODY_KINDS)}", "Content-Type")
        data = await request.body()
        if len(data) > settings.taille_max_document:
            raise ErreurWeb(413, f"dossier trop volumineux : {settings.taille_max_document // (1024 * 1024)} Mo au "
                                 "plus", "(corps)")
        name = "-"
        kind, fmt = BODY_KINDS[content_type]
    options = Options(tout=flag(request, "tout", form), avant_vote=flag(request, "avant_vote", form))
    if fmt == "json" and len(data) <= INLINE_MAX:
        # A small JSON record is checked in about a millisecond of CPU: handing it to a thread cost as
        # much again in wake-ups and lock hand-overs, and its share of the latency tail on a busy machine.
        result, _ = check_bytes(data, name, kind, fmt, options, settings)
    else:
        result, _ = await run_in_threadpool(check_bytes, data, name, kind, fmt, options, settings)
    body = checking.json_document([result], options)
    return Response(body, status_code=status_of(result), media_type=JSON,
                    headers={"x-delibcheck-statut": result.statut})


async def extrait(request: Request) -> Response:
    """The record read from a document, as `delibcheck extrait --format json` prints it."""
    settings = settings_of(request)
    form = await form_of(request)
    try:
        upload = form.get("fichier")
        if not isinstance(upload, UploadFile):
            raise ErreurWeb(400, "document manquant : l'envoyer dans le champ « fichier »", "fichier")
        name = display_name(upload.filename)
        data = await read_upload(upload, settings.taille_max_document, "fichier")
    finally:
        await form.close()
    from checker.web.isolation import read_document
    try:
        record = await run_in_threadpool(read_document, data, name, settings)
    except InputError as exc:
        raise ErreurWeb.from_input(422, exc)
    return JSONResponse(record)


def _batch_stream(pieces: list[Piece], fmt: str, options: Options, settings: Settings, folder: Path):
    import io
    try:
        buffer = io.StringIO()
        report = checking.Report(fmt, options, buffer)
        totals = Totals()
        pending = 0
        for result in checking.check_items(checking.items_of(pieces, settings), options):
            report.add(result)
            checking.count(totals, result)
            pending += 1
            if pending >= 20 or result.error is not None:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
                pending = 0
        report.finish(totals.as_dict())
        yield buffer.getvalue()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def lot(request: Request) -> Response:
    settings = settings_of(request)
    fmt = request.query_params.get("format", "jsonl")
    if fmt not in MEDIA:
        raise ErreurWeb(400, f"format « {fmt[:20]} » inconnu ; formats admis : {', '.join(MEDIA)}", "format")
    options = Options(tout=flag(request, "tout"), avant_vote=flag(request, "avant_vote"))
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    kind, suffix = ("scdl", ".csv") if content_type in ("text/csv", "application/csv") else ("lignes", ".jsonl")
    folder = Path(tempfile.mkdtemp(prefix="lot-", dir=request.app.state.workdir))
    try:
        stored = folder / f"corps{suffix}"
        with open(stored, "wb") as out:
            async for chunk in request.stream():
                out.write(chunk)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    pieces = [Piece("-", kind, stored)]
    return StreamingResponse(_batch_stream(pieces, fmt, options, settings, folder), media_type=MEDIA[fmt],
                             background=BackgroundTask(shutil.rmtree, folder, True))


async def _champs(request: Request) -> Champs:
    if request.method == "GET":
        return Champs(request.query_params)
    body = await request.body()
    try:
        return Champs(json.loads(body or b"{}"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ErreurWeb(400, f"JSON mal formé : {getattr(exc, 'msg', exc)}", "(corps)")
    except RecursionError:
        raise ErreurWeb(400, "JSON trop profondément imbriqué", "(corps)")


def answer_convocation(question) -> dict:
    from checker.clerk import convocation as module
    from checker.engine_cache import engine_for
    return module.to_json(module.answer(engine_for(None), question))


def answer_quorum(question) -> dict:
    from checker.clerk import quorum as module
    from checker.engine_cache import engine_for
    return module.to_json(module.answer(engine_for(None), question))


async def convocation_api(request: Request) -> Response:
    question = convocation(await _champs(request))
    return JSONResponse(await run_in_threadpool(answer_convocation, question))


async def quorum_api(request: Request) -> Response:
    question = quorum(await _champs(request))
    return JSONResponse(await run_in_threadpool(answer_quorum, question))


async def regles(request: Request) -> Response:
    return JSONResponse(catalogue.listing())


async def regle(request: Request) -> Response:
    return JSONResponse(catalogue.detail(request.path_params["regle_id"]))


async def referentiel(request: Request) -> Response:
    from checker.web import bodies
    return JSONResponse(bodies.search(Champs(request.query_params)))


async def openapi(request: Request) -> Response:
    return JSONResponse(catalogue.openapi())


ROUTES = [
    Route("/controle", controle, methods=["POST"]),
    Route("/extrait", extrait, methods=["POST"]),
    Route("/lot", lot, methods=["POST"]),
    Route("/convocation", convocation_api, methods=["GET", "POST"]),
    Route("/quorum", quorum_api, methods=["GET", "POST"]),
    Route("/regles", regles, methods=["GET"]),
    Route("/regles/{regle_id}", regle, methods=["GET"]),
    Route("/referentiel", referentiel, methods=["GET"]),
    Route("/openapi.json", openapi, methods=["GET"]),
]
