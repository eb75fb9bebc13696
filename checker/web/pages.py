"""The pages: Préparer une séance, Vérifier un acte, Vérifier un lot, Les règles.

Plain HTML forms that work without JavaScript; `static/app.js` only makes them livelier (the
quorum recomputed as boxes are ticked, the progress of a batch). Every answer comes from the
functions the command line calls.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path

import jinja2
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from checker.web import bodies, catalogue, checking, facts, lots, presentation
from checker.web.api import check_bytes, form_of, read_upload
from checker.web.config import Settings
from checker.web.errors import TITLES, ErreurWeb
from checker.web.forms import NATURE_LABELS, Champs, convocation, quorum
from checker.web.security import COOKIE, token_ok
from checker.web.uploads import display_name, kind_of
from ruleset.errors import InputError

TEMPLATES = Path(__file__).with_name("templates")
MEMBRES_MAX = 300
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


async def _roster(request: Request, form, settings: Settings) -> dict:
    """The members of the roll call: from the roster file, else from the typed names or the table."""
    upload = form.get("registre")
    names: list[str] = []
    roster_proxies: dict[str, str] = {}
    en_exercice = None
    collectivite = {}
    if isinstance(upload, UploadFile) and upload.filename:
        name = display_name(upload.filename, "registre")
        data = await read_upload(upload, settings.taille_max_document, "registre")
        registre = await run_in_threadpool(_read_roster, data, name, request.app.state.workdir)
        names = registre.noms
        en_exercice = registre.membres_en_exercice
        collectivite = registre.collectivite
        date = Champs(form).date("seance")
        for proxy in registre.pouvoirs:
            if date is None or proxy.covers(date):
                roster_proxies.setdefault(proxy.mandant, proxy.mandataire)
    elif form.getlist("membre"):
        names = [n.strip() for n in form.getlist("membre") if n.strip()]
    else:
        typed = form.get("noms") or ""
        names = [line.strip() for line in typed.splitlines() if line.strip()]
    if len(names) > MEMBRES_MAX:
        raise ErreurWeb(400, f"{len(names)} membres : {MEMBRES_MAX} au plus", "noms")
    if len(set(names)) != len(names):
        double = next(n for n in names if names.count(n) > 1)
        raise ErreurWeb(400, f"membre « {double} » inscrit deux fois", "noms")
    return {"noms": names, "pouvoirs_registre": roster_proxies, "en_exercice": en_exercice,
            "collectivite": collectivite}


def _read_roster(data: bytes, name: str, workdir: Path):
    from checker.clerk import skeleton
    folder = Path(tempfile.mkdtemp(prefix="registre-", dir=workdir))
    try:
        suffix = ".csv" if name.lower().endswith(".csv") else ".yaml"
        stored = folder / f"registre{suffix}"
        stored.write_bytes(data)
        try:
            return skeleton.read_roster(str(stored))
        except InputError as exc:
            if exc.fichier == str(stored):
                exc.fichier = name
            raise ErreurWeb.from_input(400, exc)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _roll_call(form, roster: dict) -> dict:
    """Who is ticked present, who gave a proxy to whom, from the table of the roll call."""
    names = roster["noms"]
    ticked = set(form.getlist("present"))
    submitted = bool(form.getlist("membre"))
    mandats = []
    notes = []
    for index, name in enumerate(names):
        holder = (form.get(f"pouvoir_{index}") or "").strip() if submitted else roster["pouvoirs_registre"].get(name, "")
        if not holder:
            continue
        if holder not in names:
            raise ErreurWeb(400, f"« {holder} » n'est pas un membre de la liste", f"pouvoir_{index}")
        if name in ticked:
            notes.append(f"{name} est coché présent : son pouvoir à {holder} n'est pas compté.")
            continue
        if holder == name:
            raise ErreurWeb(400, f"pouvoir de « {name} » à lui-même", f"pouvoir_{index}")
        if holder not in ticked and submitted:
            notes.append(f"{holder} détient le pouvoir de {name} mais n'est pas coché présent.")
        mandats.append((name, holder))
    present = [n for n in names if n in ticked]
    absents = [n for n in names if n not in ticked and n not in {a for a, _ in mandats}]
    return {"presents": present, "mandats": mandats, "absents": absents, "notes": notes, "submitted": submitted}


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
        context["form"] = form
        champs = Champs(form)
        if champs.brut("seance") is not None:
            question = convocation(champs)
            context["convocation"] = await run_in_threadpool(_answer_convocation, question)
        roster = await _roster(request, form, settings)
        if roster["noms"]:
            context["roster"] = roster
            appel = _roll_call(form, roster)
            context["appel"] = appel
            en_exercice = champs.entier("en_exercice", 1) or roster["en_exercice"] or len(roster["noms"])
            if en_exercice < len(roster["noms"]):
                raise ErreurWeb(400, f"{en_exercice} membres en exercice pour {len(roster['noms'])} noms listés",
                                "en_exercice")
            context["en_exercice"] = en_exercice
            question = quorum(Champs({"en_exercice": en_exercice, "presents": len(appel["presents"]),
                                      "mandats": [{"mandant": a, "mandataire": b} for a, b in appel["mandats"]],
                                      "date": form.get("seance"), "nature": form.get("nature"),
                                      "alsace_moselle": form.get("alsace_moselle")}))
            context["quorum"] = await run_in_threadpool(_answer_quorum, question)
            if appel["submitted"] and champs.brut("seance") is not None:
                context["checklist"] = await run_in_threadpool(_checklist, form, roster, appel, en_exercice)
    except ErreurWeb as error:
        context["erreur"] = error
    return context


def _skeleton(form, roster: dict, appel: dict, en_exercice: int):
    from checker.clerk import skeleton
    champs = Champs(form)
    collectivite = dict(roster.get("collectivite") or {})
    if champs.brut("collectivite"):
        collectivite["nom"] = champs.brut("collectivite")
    collectivite["nature"] = champs.nature()
    population = champs.entier("population", 0)
    if population is not None:
        collectivite["population"] = population
    if champs.booleen("alsace_moselle"):
        collectivite["alsace_moselle"] = True
    registre = skeleton.Registre("(liste d'appel)", collectivite, [{"nom": n} for n in roster["noms"]], en_exercice)
    points = [line.strip() for line in (form.get("points") or "").splitlines() if line.strip()]
    try:
        return skeleton.build(registre, champs.date("seance", required=True), absents=appel["absents"],
                              pouvoirs=appel["mandats"], points=points, envoi=champs.date("envoi"),
                              urgence=champs.booleen("urgence"))
    except InputError as exc:
        raise ErreurWeb.from_input(400, exc)


def _checklist(form, roster: dict, appel: dict, en_exercice: int) -> dict:
    """`delibcheck check --avant-vote` on the meeting's skeleton: what the meeting must do and record."""
    from checker.clerk import prevote
    from checker.inputs import Item
    from checker.record import build_record
    out = _skeleton(form, roster, appel, en_exercice)
    result = checking.check_one(Item("(liste d'appel)", build_record(out.data, "(liste d'appel)")),
                                checking.Options(avant_vote=True))
    record, findings = result.record, result.findings
    data = prevote.to_json(record, findings)
    data["notes"] = out.notes
    data["non_conformes"] = [f.to_dict() for f in findings if f.statut == "non_conforme"]
    return data


async def _form_or_query(request: Request):
    if request.method == "POST":
        return await form_of(request, max_files=1)
    return request.query_params


async def seance(request: Request):
    form = await _form_or_query(request)
    try:
        context = await _seance_context(request, form)
    finally:
        if hasattr(form, "close"):
            await form.close()
    status = context["erreur"].status if context["erreur"] else 200
    return render(request, "seance.html", status, **context)


async def seance_fragment(request: Request):
    """The answers of the page, without the page: what the script puts in place as boxes are ticked."""
    form = await _form_or_query(request)
    try:
        context = await _seance_context(request, form)
    finally:
        if hasattr(form, "close"):
            await form.close()
    status = context["erreur"].status if context["erreur"] else 200
    return render(request, "seance_reponses.html", status, **context)


async def seance_dossier(request: Request):
    form = await form_of(request, max_files=1)
    try:
        roster = await _roster(request, form, settings_of(request))
        if not roster["noms"]:
            raise ErreurWeb(400, "liste des membres vide : saisir les noms ou joindre le registre", "noms")
        appel = _roll_call(form, roster)
        en_exercice = Champs(form).entier("en_exercice", 1) or roster["en_exercice"] or len(roster["noms"])
        out = await run_in_threadpool(_skeleton, form, roster, appel, en_exercice)
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
                  nom_fichier=nom, form={}, yaml_dossier=_yaml_of(raw))


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
    return render(request, "regle.html", regle=catalogue.detail(request.path_params["regle_id"]))


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
