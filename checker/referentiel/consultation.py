"""What the reference data knows of a body named by a query (SIREN, INSEE code, ACTES identifier or
name): the facts `check` would fill for it on a date. Used by `delibcheck collectivite` and the web."""
from __future__ import annotations

import datetime as dt

from checker.findings import format_value
from checker.referentiel.recherche import ACTES, INSEE, SIREN


def record_for_query(query: str, departement: str | None, date: dt.date) -> dict:
    """A record that names only the body sought (SIREN, INSEE code, ACTES id or name) at `date`."""
    collectivite: dict = {}
    deliberations: list = []
    query = query.strip()
    if SIREN.match(query):
        collectivite["siren"] = query
    elif INSEE.match(query.upper()):
        collectivite["code_insee"] = query.upper()
    elif ACTES.match(query.upper()):
        deliberations.append({"transmission": {"identifiant_actes": query.upper()}})
    else:
        collectivite["nom"] = query
    if departement:
        collectivite["departement"] = departement.upper()
    return {"collectivite": collectivite, "seance": {"date": date.isoformat()}, "deliberations": deliberations}


def decrire(requete: str, departement: str | None = None, date: dt.date | None = None):
    """(report, document): the filling report and its JSON form, with the populations of every
    version for a commune and the member communes of an EPCI."""
    from checker.engine_cache import engine_for
    from checker.record import build_record
    from checker.referentiel.donnees import charger
    from checker.referentiel.remplissage import completer

    date = date or dt.date.today()
    record = build_record(record_for_query(requete, departement, date), "collectivite")
    report = completer(record, engine_for(None).by_id)
    found = report.collectivite is not None
    document = {"requete": requete, "date": date.isoformat(), "trouvee": found, **report.to_dict()}
    if not found:
        return report, document
    data = charger()
    code = record.root["collectivite"].get("code_insee")
    commune = data.commune(code) if isinstance(code, str) and report.remplis else None
    if commune is not None:
        document["populations"] = [
            {"cog": v.cog, "paquet": v.paquet, "en_vigueur": v.population_en_vigueur.isoformat(),
             "recensement": v.recensement, "population": commune.populations[i]}
            for i, v in enumerate(data.versions) if commune.presente[i]]
    members = record.root["collectivite"].get("membres")
    if members is not None and any(r.chemin == "collectivite.membres" for r in report.remplis):
        document["membres"] = [{"nom": m["nom"], "population": format_value(m.get("population"), iso=True)}
                               for m in members]
    return report, document
