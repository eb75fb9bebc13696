"""Finding a body (commune, EPCI) by name or code in the reference data.

The reference data and its look-ups are `checker.referentiel`'s: a record holding only the query
is filled the way `delibcheck check` fills a record (and `delibcheck collectivite` shows it), so
what the page proposes for a body is what the check will take. This module only turns the web's
query into that record, and says so plainly when this installation has no reference data.
"""
from __future__ import annotations

import datetime as dt
import re

from checker.web.errors import ErreurWeb

DEPARTEMENT = re.compile(r"^([0-9]{2,3}|2A|2B)$")
# What the clerk's form takes from a body found (the other facts stay the record's business).
FORM_FACTS = ("nom", "nature", "population", "alsace_moselle", "departement", "code_insee", "siren")


def available() -> bool:
    try:
        import checker.referentiel.remplissage  # noqa: F401
    except ImportError:
        return False
    return True


def search(champs, today: dt.date | None = None) -> dict:
    """The body the reference data finds for `q` (SIREN, INSEE code, ACTES identifier or name)."""
    query = champs.brut("q")
    if not query:
        raise ErreurWeb(400, "texte à chercher manquant : nom, SIREN, code INSEE ou identifiant ACTES de la "
                             "collectivité", "q")
    query = str(query).strip()[:200]
    departement = champs.brut("departement")
    if departement is not None:
        departement = str(departement).upper()
        if not DEPARTEMENT.match(departement):
            raise ErreurWeb(400, "département attendu : deux ou trois chiffres, 2A ou 2B", "departement")
    date = champs.date("date") or today or dt.date.today()
    if not available():
        raise ErreurWeb(501, "données de référence des collectivités absentes de cette installation : saisir la "
                             "nature et la population à la main", "q")
    from checker.engine_cache import engine_for
    from checker.findings import format_value
    from checker.record import build_record
    from checker.referentiel.consultation import record_for_query
    from checker.referentiel.remplissage import completer
    from ruleset.errors import InputError
    try:
        record = build_record(record_for_query(query, departement, date), "(recherche)")
    except InputError as exc:
        raise ErreurWeb.from_input(400, exc)
    report = completer(record, engine_for(None).by_id)
    out = {"requete": query, "date": date.isoformat(), "trouvee": report.collectivite is not None,
           **report.to_dict()}
    if out["trouvee"]:
        root = record.root["collectivite"]
        out["valeurs"] = {key: format_value(root.get(key), iso=True) for key in FORM_FACTS if key in root}
        members = root.get("membres")
        if members is not None and out["valeurs"].get("nature") != "commune":
            out["valeurs"]["membres"] = [{"nom": m.get("nom"), "population": format_value(m.get("population"),
                                                                                         iso=True)}
                                         for m in members]
    return out


def form_values(found: dict) -> dict[str, str]:
    """The clerk's form fields a body found fills (an estimated population as its bounds « min-max »)."""
    values = found.get("valeurs") or {}
    out: dict[str, str] = {}
    if isinstance(values.get("nom"), str):
        out["collectivite"] = values["nom"]
    if isinstance(values.get("nature"), str):
        out["nature"] = values["nature"]
    population = values.get("population")
    if isinstance(population, int) and not isinstance(population, bool):
        out["population"] = str(population)
    elif isinstance(population, dict) and isinstance(population.get("min"), int) and isinstance(population.get("max"), int):
        out["population"] = f"{population['min']}-{population['max']}"
    if values.get("alsace_moselle") is True:
        out["alsace_moselle"] = "oui"
    members = values.get("membres") or []
    lines = [f"{m['nom']}={m['population']}" for m in members
             if isinstance(m.get("nom"), str) and isinstance(m.get("population"), int)]
    if lines and len(lines) == len(members):
        out["membres"] = "\n".join(lines)
    return out
