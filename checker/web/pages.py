"""The pages: Préparer une séance, Vérifier un acte, Vérifier un lot, Les règles.

Plain HTML forms that work without JavaScript; `static/app.js` only makes them livelier (the
quorum recomputed as boxes are ticked, the progress of a batch). Every answer comes from the
functions the command line calls.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jinja2
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from checker.web import appel as appel_module
from checker.web import bodies, catalogue, checking, facts, lots, presentation
from checker.web.api import check_bytes, form_of, read_upload
from checker.web.config import Settings
from checker.web.errors import TITLES, ErreurWeb
from checker.web.forms import NATURE_LABELS, Champs, convocation, quorum
from checker.web.security import COOKIE, token_ok
from checker.web.uploads import display_name, kind_of
from ruleset.errors import InputError

TEMPLATES = Path(__file__).with_name("templates")
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                          trim_blocks=True, lstrip_blocks=True)
_env.filters.update(presentation.FILTERS)
templates = Jinja2Templates(env=_env)


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    from checker.version import VERSION
    context.setdefault("erreur", None)
    context.update(version=VERSION, chemin=request.url.path)
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, error: ErreurWeb) -> HTMLResponse:
    return render(request, "erreur.html", error.status, titre=TITLES.get(error.status, "Erreur"), erreur=error)


async def accueil(request: Request):
    return render(request, "accueil.html")


async def sante(request: Request):
    return PlainTextResponse("ok")


# ---- Préparer une séance ------------------------------------------------------------------

def _answer_convocation(question) -> dict:
    from checker.web.api import answer_convocation
    return answer_convocation(question)


def _answer_quorum(question) -> dict:
    from checker.web.api import answer_quorum
    return answer_quorum(question)


async def _roster(request: Request, form, settings: Settings) -> appel_module.Liste:
    """The members of the roll call: from the roster joined now or kept by the page, else typed."""
    upload = form.get("registre")
    registre = None
    name = display_name(form.get("registre_nom"), "registre")
    if isinstance(upload, UploadFile) and upload.filename:
        name = display_name(upload.filename, "registre")
        data = await read_upload(upload, settings.taille_max_document, "registre")
        registre = await run_in_threadpool(appel_module.parse, data, name)
    elif form.get("registre_dossier"):
        kept = str(form.get("registre_dossier"))
        if len(kept) > settings.taille_max_document:
            raise ErreurWeb(413, "registre trop volumineux", "registre_dossier")
        registre = await run_in_threadpool(appel_module.parse, kept, name)
    return appel_module.members(form, registre, Champs(form).date("seance"), name)


async def _previous(form, settings: Settings) -> bytes | None:
    upload = form.get("precedente")
    if isinstance(upload, UploadFile) and upload.filename:
        return await read_upload(upload, settings.taille_max_document, "precedente")
    return None


def _look_up_body(form) -> tuple[dict | None, object]:
    """When the clerk asks, the body found in the reference data, and the form with its facts."""
    from starlette.datastructures import MultiDict
    champs = Champs(form)
    if not champs.booleen("chercher") or not bodies.available():
        return None, form
    found = bodies.search(Champs({"q": champs.brut("collectivite"), "departement": champs.brut("departement"),
                                  "date": champs.brut("seance")}))
    values = bodies.form_values(found)
    kept = [(k, v) for k, v in form.multi_items() if k not in values and k != "chercher"]
    return found, MultiDict(kept + list(values.items()))


async def _seance_context(request: Request, form) -> dict:
    settings = settings_of(request)
    context: dict = {"form": form, "natures": NATURE_LABELS, "referentiel": bodies.available(),
                     "convocation": None, "quorum": None, "appel": None, "roster": None, "checklist": None,
                     "erreur": None, "aujourdhui": dt.date.today().isoformat(), "trouve": None}
    champs = Champs(form)
    try:
        context["trouve"], form = await run_in_threadpool(_look_up_body, form)
        roster = await _roster(request, form, settings)
        form = _with_roster_body(form, roster)
        context["form"] = form
        champs = Champs(form)
        if champs.brut("seance") is not None:
            question = convocation(champs)
            context["convocation"] = await run_in_threadpool(_answer_convocation, question)
        if roster.noms:
            context["roster"] = roster
            appel = appel_module.roll_call(form, roster)
            context["appel"] = appel
            en_exercice = _en_exercice(champs, roster)
            context["en_exercice"] = en_exercice
            question = quorum(Champs({"en_exercice": en_exercice, "presents": len(appel["presents"]),
                                      "mandats": [{"mandant": a, "mandataire": b} for a, b in appel["mandats"]],
                                      "date": form.get("seance"), "nature": form.get("nature"),
                                      "alsace_moselle": form.get("alsace_moselle")}))
            context["quorum"] = await run_in_threadpool(_answer_quorum, question)
            if appel["submitted"] and champs.brut("seance") is not None:
                precedente = await _previous(form, settings)
                context["checklist"] = await run_in_threadpool(_checklist, form, roster, appel, en_exercice,
                                                               precedente, request.app.state.workdir)
    except ErreurWeb as error:
        context["erreur"] = error
    return context


# The roster's body facts, for the fields the clerk left empty (the form's own values win).
ROSTER_BODY = (("collectivite", "nom"), ("nature", "nature"), ("population", "population"),
               ("alsace_moselle", "alsace_moselle"))


def _with_roster_body(form, roster: appel_module.Liste):
    from starlette.datastructures import MultiDict
    body = roster.collectivite
    missing = [(field, body[key]) for field, key in ROSTER_BODY
               if not Champs(form).brut(field) and body.get(key) not in (None, "", False)]
    if not missing:
        return form
    return MultiDict(list(form.multi_items()) + [(field, "oui" if value is True else str(value))
                                                 for field, value in missing])


def _en_exercice(champs: Champs, roster: appel_module.Liste) -> int:
    en_exercice = champs.entier("en_exercice", 1) or roster.en_exercice or len(roster.noms)
    if en_exercice < len(roster.noms):
        raise ErreurWeb(400, f"{en_exercice} membres en exercice pour {len(roster.noms)} noms listés", "en_exercice")
    return en_exercice


def _checklist(form, roster: appel_module.Liste, appel: dict, en_exercice: int, precedente: bytes | None,
               workdir: Path) -> dict:
    """`delibcheck check --avant-vote` on the meeting's skeleton: what the meeting must do and record."""
    from checker.clerk import prevote
    from checker.inputs import Item
    from checker.record import build_record
    out = appel_module.meeting_record(form, roster, appel, en_exercice, precedente, workdir)
    result = checking.check_one(Item("(liste d'appel)", build_record(out.data, "(liste d'appel)")),
                                checking.Options(avant_vote=True))
    record, findings = result.record, result.findings
    data = prevote.to_json(record, findings)
    data["notes"] = out.notes
    data["non_conformes"] = [f.to_dict() for f in findings if f.statut == "non_conforme"]
    data["indetermines"] = [f.to_dict() for f in findings if f.statut == "indetermine"
                            and f.regle.startswith("L2121-20.")]
    return data


async def _form_or_query(request: Request):
    if request.method == "POST":
        return await form_of(request, max_files=2)
    return request.query_params


async def _seance_rendered(request: Request, template: str):
    form = await _form_or_query(request)
    try:
        context = await _seance_context(request, form)
    finally:
        if hasattr(form, "close"):
            await form.close()
    status = context["erreur"].status if context["erreur"] else 200
    return render(request, template, status, **context)


async def seance(request: Request):
    return await _seance_rendered(request, "seance.html")


async def seance_fragment(request: Request):
    """The answers of the page, without the page: what the script puts in place as boxes are ticked."""
    return await _seance_rendered(request, "seance_reponses.html")


async def seance_dossier(request: Request):
    settings = settings_of(request)
    form = await form_of(request, max_files=2)
    try:
        roster = await _roster(request, form, settings)
        if not roster.noms:
            raise ErreurWeb(400, "liste des membres vide : saisir les noms ou joindre le registre", "noms")
        appel = appel_module.roll_call(form, roster)
        en_exercice = _en_exercice(Champs(form), roster)
        precedente = await _previous(form, settings)
        out = await run_in_threadpool(appel_module.meeting_record, form, roster, appel, en_exercice, precedente,
                                      request.app.state.workdir)
    finally:
        await form.close()
    import yaml
    date = out.data["seance"]["date"]
    text = ("# Dossier de séance préparé par delibcheck (page « Préparer une séance »).\n"
            "# Avant la séance : delibcheck check --avant-vote ce-fichier.yaml\n"
            + "".join(f"# attention : {note}\n" for note in out.notes)
            + yaml.safe_dump(out.data, allow_unicode=True, sort_keys=False, width=100))
    return Response(text, media_type="application/yaml; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="seance-{date}.yaml"'})


# ---- Vérifier un acte -----------------------------------------------------------------------

ACT_FIELDS = (
    ("collectivite.nom", "Collectivité", "texte"), ("collectivite.nature", "Nature", "nature"),
    ("collectivite.population", "Population municipale", "entier"),
    ("seance.date", "Date de la séance", "date"), ("seance.membres_en_exercice", "Membres en exercice", "entier"),
    ("seance.presents", "Présents", "entier"), ("seance.representes", "Représentés (pouvoirs)", "entier"),
    ("convocation.date_envoi", "Convocation envoyée le", "date"),
    ("convocation.note_explicative_synthese", "Note explicative de synthèse jointe", "oui_non"),
    ("deliberations[0].numero", "Numéro de la délibération", "texte"),
    ("deliberations[0].objet", "Objet", "texte"),
    ("deliberations[0].vote.pour", "Voix pour", "entier"), ("deliberations[0].vote.contre", "Voix contre", "entier"),
    ("deliberations[0].vote.abstentions", "Abstentions", "entier"),
    ("deliberations[0].publicite.date_mise_en_ligne", "Mise en ligne le", "date"),
    ("deliberations[0].transmission.date_reception", "Reçue en préfecture le", "date"),
)


def record_from_fields(form) -> dict:
    """A record from the act form: only the fields filled in (the others stay unknown)."""
    champs = Champs(form)
    record: dict = {"collectivite": {}, "seance": {}, "convocation": {}, "deliberations": [{}]}
    for path, _, kind in ACT_FIELDS:
        key = "acte." + path
        if champs.brut(key) is None:
            continue
        if kind == "entier":
            value = champs.entier(key, 0)
        elif kind == "date":
            value = champs.date(key).isoformat()
        elif kind == "oui_non":
            value = champs.booleen(key)
        elif kind == "nature":
            value = champs.nature(key)
        else:
            value = str(champs.brut(key))[:500]
        node = record
        parts = facts.path_parts(path)
        for part, following in zip(parts, parts[1:]):
            node = node[part] if isinstance(part, int) else node.setdefault(part, [] if isinstance(following, int) else {})
        node[parts[-1]] = value
    if "date" not in record["seance"]:
        raise ErreurWeb(400, "la date de la séance est obligatoire", "acte.seance.date")
    if not record["deliberations"][0]:
        record["deliberations"][0]["numero"] = "1"
    return record


def _check_raw(raw: dict, name: str, options: checking.Options):
    from checker.inputs import Item
    from checker.record import build_record
    try:
        item = Item(name, build_record(json.loads(json.dumps(raw)), name))
    except InputError as exc:
        item = Item(name, error=exc)
    return checking.check_one(item, options)


def _act_view(result, raw: dict | None, options: checking.Options, corrected=()) -> dict:
    from checker.reports.html import timeline_points
    document = result.to_dict(show_all=True)
    findings = presentation.sorted_findings(document.get("constats", []))
    view = {"resultat": document,
            "constats": [f for f in findings if f["statut"] not in ("non_applicable", "conforme")],
            "conformes": [f for f in findings if f["statut"] == "conforme"],
            "non_applicables": [f for f in findings if f["statut"] == "non_applicable"],
            "dossier_json": json.dumps(raw, ensure_ascii=False) if raw is not None else None,
            "faits": facts.facts(raw) if raw is not None else [],
            "membres": facts.members_summary(raw) if raw is not None else {},
            "corriges": list(corrected), "chronologie": [], "decision": document.get("decision"),
            "a_obtenir": [] if document.get("decision") else _to_obtain(findings)}
    if result.error is None:
        view["chronologie"] = [(label, day.isoformat()) for label, day in timeline_points(result)]
        if options.avant_vote:
            from checker.clerk.prevote import to_json
            view["avant_vote"] = to_json(result.record, result.findings)
    return view


def _to_obtain(findings: list[dict]) -> list[dict]:
    """The facts the undecidable findings lack, each with the rules waiting for it."""
    wanted: dict[str, dict] = {}
    for finding in findings:
        if finding["statut"] != "indetermine":
            continue
        for missing in finding.get("manquants", []):
            entry = wanted.setdefault(missing["chemin"], {"chemin": missing["chemin"], "regles": [],
                                                          "affirme": bool(missing.get("affirme")),
                                                          "source": missing.get("source")})
            if finding["regle"] not in entry["regles"]:
                entry["regles"].append(finding["regle"])
    return list(wanted.values())


def _yaml_of(raw: dict | None) -> str:
    if raw is None:
        return ""
    import yaml
    return yaml.safe_dump(raw, allow_unicode=True, sort_keys=False, width=100)


async def acte(request: Request):
    if request.method == "GET":
        return render(request, "acte.html", champs_acte=ACT_FIELDS, natures=NATURE_LABELS, vue=None, form={},
                      yaml_dossier="")
    settings = settings_of(request)
    form = await form_of(request, max_files=1)
    raw = None
    corrected: list[str] = []
    status = 200
    try:
        options = checking.Options(tout=False, avant_vote=Champs(form).booleen("avant_vote"))
        action = form.get("action") or ""
        upload = form.get("fichier")
        if action == "corriger":
            raw, corrected = facts.correct(facts.load_hidden(form.get("dossier")), form)
            name = display_name(form.get("nom_fichier"), "dossier corrigé")
            result = await run_in_threadpool(_check_raw, raw, name, options)
        elif action == "yaml":
            text = form.get("texte_dossier") or ""
            name = display_name(form.get("nom_fichier"), "dossier saisi")
            try:
                raw = await run_in_threadpool(_parse_text, text, name)
            except InputError as exc:
                raise ErreurWeb.from_input(400, exc)
            result = await run_in_threadpool(_check_raw, raw, name, options)
        elif action == "formulaire":
            raw = record_from_fields(form)
            result = await run_in_threadpool(_check_raw, raw, "formulaire", options)
        elif isinstance(upload, UploadFile) and upload.filename:
            name = display_name(upload.filename)
            data = await read_upload(upload, settings.taille_max_document, "fichier")
            kind = kind_of(name, data[:8])
            if kind not in ("dossier", "document"):
                raise ErreurWeb(400, "un dossier (.yaml, .yml, .json) ou un document (.txt, .pdf) est attendu ; "
                                     "pour plusieurs actes, utiliser la page « Vérifier un lot »", "fichier")
            result, raw = await run_in_threadpool(check_bytes, data, name, kind, None, options, settings)
            if raw is None and result.error is None:
                raw = await run_in_threadpool(_parse_text, data.decode("utf-8-sig"), name)
        else:
            raise ErreurWeb(400, "aucun acte reçu : déposer un fichier, remplir le formulaire ou coller un dossier",
                            "fichier")
        if result.error is not None:
            status = 422 if isinstance(result.error, checking.DocumentIllisible) else 400
        vue = _act_view(result, raw, options, corrected)
        nom = result.fichier
    except ErreurWeb as error:
        await form.close()
        return render(request, "acte.html", error.status, champs_acte=ACT_FIELDS, natures=NATURE_LABELS, vue=None,
                      erreur=error, form=dict(form), yaml_dossier=form.get("texte_dossier") or "")
    await form.close()
    return render(request, "acte.html", status, champs_acte=ACT_FIELDS, natures=NATURE_LABELS, vue=vue,
                  nom_fichier=nom, form={}, yaml_dossier=_yaml_of(raw), formats=lots.EXTENSIONS,
                  avant_vote=options.avant_vote)


def _report_of_one(raw: dict, name: str, fmt: str, options: checking.Options) -> str:
    """The act's report in `fmt`, as `delibcheck check --format fmt` writes it for this one record."""
    import io

    from checker.batch import Totals
    result = _check_raw(raw, name, options)
    totals = Totals()
    checking.count(totals, result)
    out = io.StringIO()
    report = checking.Report(fmt, options, out)
    report.add(result)
    report.finish(totals.as_dict())
    return out.getvalue()


async def acte_rapport(request: Request):
    """The act shown, checked again from the facts the page holds, as a report file to download."""
    from checker.web.api import MEDIA
    form = await form_of(request, max_files=0)
    try:
        fmt = form.get("format") or ""
        if fmt not in lots.EXTENSIONS:
            raise ErreurWeb(400, f"format inconnu « {fmt[:20]} » ; formats : {', '.join(lots.EXTENSIONS)}", "format")
        raw = facts.load_hidden(form.get("dossier"))
        name = display_name(form.get("nom_fichier"), "acte")
        options = checking.Options(tout=False, avant_vote=Champs(form).booleen("avant_vote"))
        text = await run_in_threadpool(_report_of_one, raw, name, fmt, options)
    finally:
        await form.close()
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in name.rsplit(".", 1)[0])[:60] or "acte"
    return Response(text, media_type=MEDIA[fmt],
                    headers={"content-disposition": f'attachment; filename="delibcheck-{stem}.{lots.EXTENSIONS[fmt]}"'})


def _parse_text(text: str, name: str) -> dict:
    from checker.record import parse_record_text
    data = parse_record_text(text, name, checking.record_format(name, text))
    if not isinstance(data, dict):
        raise InputError("le dossier doit être un objet (clé: valeur) contenant au moins « seance »", fichier=name)
    return json.loads(json.dumps(data, default=str))


# ---- Vérifier un lot -----------------------------------------------------------------------

async def lot_form(request: Request):
    return render(request, "lot.html", lot=None)


async def lot_create(request: Request):
    settings = settings_of(request)
    form = await form_of(request, max_files=settings.fichiers_zip_max)
    try:
        uploads = [u for u in form.getlist("fichiers") if isinstance(u, UploadFile) and u.filename]
        if not uploads:
            raise ErreurWeb(400, "aucun fichier reçu : choisir un ou plusieurs fichiers, ou une archive zip",
                            "fichiers")
        options = checking.Options(tout=Champs(form).booleen("tout"), avant_vote=Champs(form).booleen("avant_vote"))
        token, folder, depot = lots.create(request.app.state.workdir, settings)
        try:
            for upload in uploads:
                await run_in_threadpool(depot.add, display_name(upload.filename), upload.file)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
    finally:
        await form.close()
    lots.start(folder, depot.pieces, options, settings)
    return RedirectResponse(f"/lot/{token}", status_code=303)


def _lot_folder(request: Request) -> tuple[str, Path]:
    token = request.path_params["jeton"]
    folder = lots.find(request.app.state.workdir, token)
    if folder is None:
        raise ErreurWeb(404, "lot inconnu ou expiré : les lots sont gardés une heure", "lot")
    return token, folder


async def lot_view(request: Request):
    token, folder = _lot_folder(request)
    state = lots.read_state(folder)
    if state.get("etat") != "fini":
        return render(request, "lot.html", lot={"jeton": token, "etat": state}, actes=[], total=0)
    acts, total = await run_in_threadpool(lots.results, folder)
    return render(request, "lot.html", lot={"jeton": token, "etat": state}, actes=presentation.worklist(acts),
                  total=total, formats=lots.EXTENSIONS)


async def lot_state(request: Request):
    _, folder = _lot_folder(request)
    return JSONResponse(lots.read_state(folder))


async def lot_report(request: Request):
    token, folder = _lot_folder(request)
    fmt = request.path_params["format"]
    if fmt not in lots.EXTENSIONS:
        raise ErreurWeb(404, f"format inconnu « {fmt[:20]} » ; formats : {', '.join(lots.EXTENSIONS)}", "format")
    if lots.read_state(folder).get("etat") != "fini":
        raise ErreurWeb(409, "le lot n'est pas encore contrôlé", "lot")
    from checker.web.api import MEDIA
    ext = lots.EXTENSIONS[fmt]
    return FileResponse(folder / f"rapport.{ext}", media_type=MEDIA[fmt],
                        filename=f"delibcheck-lot-{token[:8]}.{ext}")


# ---- Les règles ------------------------------------------------------------------------------

async def regles(request: Request):
    query = (request.query_params.get("q") or "").strip().lower()[:100]
    rules = catalogue.listing()
    if query:
        rules = [r for r in rules if query in f"{r['id']} {r['article']} {r['titre']}".lower()]
    articles: dict[str, list] = {}
    for rule in rules:
        articles.setdefault(rule["article"], []).append(rule)
    return render(request, "regles.html", articles=articles, q=query, nombre=len(rules))


async def regle(request: Request):
    rule = catalogue.detail(request.path_params["regle_id"])
    for example, text in zip(rule["exemples"], catalogue.examples_yaml(rule["id"])):
        example["dossier_yaml"] = text
    return render(request, "regle.html", regle=rule)


async def api_doc(request: Request):
    return render(request, "api.html", spec=catalogue.openapi(), operations=catalogue.operations())


# ---- Connexion (when a token protects the server) ------------------------------------------------

async def connexion(request: Request):
    settings = settings_of(request)
    if request.method == "GET":
        return render(request, "connexion.html", protege=bool(settings.jeton))
    form = await request.form(max_files=0, max_fields=5)
    given = str(form.get("jeton") or "")
    if not token_ok(settings, given):
        return render(request, "connexion.html", 401, protege=True,
                      erreur=ErreurWeb(401, "jeton d'accès incorrect", "jeton"))
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, given, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


ROUTES = [
    Route("/", accueil),
    Route("/sante", sante),
    Route("/seance", seance, methods=["GET", "POST"]),
    Route("/seance/reponses", seance_fragment, methods=["GET", "POST"]),
    Route("/seance/dossier", seance_dossier, methods=["POST"]),
    Route("/acte", acte, methods=["GET", "POST"]),
    Route("/acte/rapport", acte_rapport, methods=["POST"]),
    Route("/favicon.ico", lambda request: Response(status_code=204)),
    Route("/lot", lot_form, methods=["GET"]),
    Route("/lot", lot_create, methods=["POST"]),
    Route("/lot/{jeton}", lot_view),
    Route("/lot/{jeton}/etat", lot_state),
    Route("/lot/{jeton}/rapport.{format}", lot_report),
    Route("/regles", regles),
    Route("/regles/{regle_id}", regle),
    Route("/api", api_doc),
    Route("/connexion", connexion, methods=["GET", "POST"]),
]
