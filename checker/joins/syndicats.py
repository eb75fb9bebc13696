"""A commune's adhesion, transfer or withdrawal, joined with the syndicate's concordant deliberation.

The commune's deliberation (`deliberation.syndicat`: operation, siren or nom of the syndicate) only
takes effect with the syndicate's own deliberation (L5721-2-1 for a syndicat mixte ouvert; for the
others it precedes the prefect's arrêté, L5211-17 to L5211-19). When the run also holds the
syndicate's record, its deliberation on the same operation for this commune is found and its date,
and its executory date when both formalities are known, are written into the commune's record with a
source naming the syndicate's record. A fact the commune's record already gives is never replaced,
and nothing is filled when the match is not unique: a wrong join would make a finding conforme on
another body's act.
"""
from __future__ import annotations

import datetime as dt

from ruleset.names import fold_name
from ruleset.values import Node

OPERATIONS = ("adhesion", "transfert_competence", "retrait")
PUBLICITE = (("date_mise_en_ligne", "mise en ligne"), ("date_affichage", "affichage"),
             ("date_publication_papier", "publication sur papier"))


def join(records) -> None:
    syndicats = [r for r in records if _nature(r) != "commune"]
    if not syndicats:
        return
    for record in records:
        if _nature(record) != "commune":
            continue
        commune = _text(record.root["collectivite"].get("nom"))
        for deliberation in record.root["deliberations"]:
            demande = deliberation.get("syndicat")
            if type(demande) is not Node or demande.get("operation") not in OPERATIONS:
                continue
            matches = [(s, d) for s in syndicats if s is not record and _same_body(s, demande)
                       for d in s.root["deliberations"] if _concordante(s, d, demande, commune)]
            if len(matches) == 1:
                _fill(demande, *matches[0])


def _nature(record) -> str:
    nature = record.root["collectivite"].get("nature")
    return nature if isinstance(nature, str) else "commune"


def _text(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _same_body(record, demande: Node) -> bool:
    collectivite = record.root["collectivite"]
    siren, wanted_siren = _text(collectivite.get("siren")), _text(demande.get("siren"))
    if siren and wanted_siren:
        return siren == wanted_siren
    nom, wanted_nom = _text(collectivite.get("nom")), _text(demande.get("nom"))
    return bool(nom and wanted_nom) and fold_name(nom) == fold_name(wanted_nom)


def _concordante(record, deliberation: Node, demande: Node, commune: str | None) -> bool:
    """The syndicate's deliberation decides this operation for this commune, and was not rejected."""
    decision = deliberation.get("syndicat")
    if type(decision) is not Node or not _adoptee(record, deliberation):
        return False
    operation = decision.get("operation")
    membres = decision.get("membres_concernes")
    if isinstance(membres, list) and membres:
        # A statute change of a syndicat mixte ouvert is how it admits or releases a member.
        named = commune is not None and any(isinstance(m, str) and fold_name(m) == fold_name(commune) for m in membres)
        return named and operation in (demande.get("operation"), "modification_statuts")
    if operation != "transfert_competence" or demande.get("operation") != "transfert_competence":
        return False
    competence, wanted = _text(decision.get("competence")), _text(demande.get("competence"))
    return bool(competence and wanted) and fold_name(competence) == fold_name(wanted)


def _adoptee(record, deliberation: Node) -> bool:
    """Not rejected; for a syndicat mixte ouvert, shown to be adopted.

    L5721-2-1: without a statutory procedure, two thirds of the members making up the comité. A
    deliberation not shown to reach them is not joined, whatever its statutes say, since they are
    not read here: the commune's adhesion stays undecided rather than effective on a failed vote
    (the syndicate's own record reports the breach).
    """
    vote = deliberation.get("vote")
    vote = vote if type(vote) is Node else Node("vote")
    resultat = vote.get("resultat")
    if resultat == "rejetee":
        return False
    if _nature(record) != "syndicat_mixte_ouvert":
        return True
    collectivite = record.root["collectivite"]
    if collectivite.get("statuts_procedure_modification") is True:
        return resultat == "adoptee"
    pour = vote.get("pour")
    en_exercice = record.root["seance"].get("membres_en_exercice")
    sieges = collectivite.get("effectif_legal")
    if type(pour) is not int or type(en_exercice) is not int:
        return False
    composition = max(en_exercice, sieges) if type(sieges) is int else en_exercice
    return 3 * pour >= 2 * composition


def _fill(demande: Node, syndicat_record, deliberation: Node) -> None:
    concordante = demande.get("deliberation_concordante")
    if concordante is None:
        concordante = Node(demande.child_path("deliberation_concordante"))
        demande["deliberation_concordante"] = concordante
    elif type(concordante) is not Node:
        return
    numero = deliberation.get("numero")
    origine = (f"dossier du groupement {syndicat_record.fichier} ({syndicat_record.label}), "
               f"délibération {numero if isinstance(numero, str) else 'sans numéro'}")
    if "date" not in concordante:
        concordante["date"] = syndicat_record.date
        concordante.sources["date"] = (f"rapproché : date de la séance, {origine}", None)
    if "date_executoire" not in concordante:
        executoire = _executoire(deliberation)
        if executoire is not None:
            date, how = executoire
            concordante["date_executoire"] = date
            concordante.sources["date_executoire"] = (f"rapproché : {how}, {origine}", None)
    if "reference" not in concordante and isinstance(numero, str):
        concordante["reference"] = numero
        concordante.sources["reference"] = (f"rapproché : {origine}", None)


def _executoire(deliberation: Node) -> tuple[dt.date, str] | None:
    """The later of publicity and receipt by the prefecture (L2131-1), when both are known.

    When several forms of publicity are dated, the latest is taken: without knowing which form the
    syndicate had to use, the act is not read as executory earlier than all of them.
    """
    publicite = deliberation.get("publicite")
    transmission = deliberation.get("transmission")
    if type(publicite) is not Node or type(transmission) is not Node:
        return None
    publiees = [(publicite[k], label) for k, label in PUBLICITE if isinstance(publicite.get(k), dt.date)]
    reception = transmission.get("date_reception")
    if not publiees or not isinstance(reception, dt.date):
        return None
    publication, forme = max(publiees)
    date = max(publication, reception)
    how = (f"exécutoire le plus tard de la publicité ({forme} le {publication.strftime('%d/%m/%Y')}) et de la "
           f"réception en préfecture (le {reception.strftime('%d/%m/%Y')})")
    return date, how
