"""SARIF 2.1.0: the rules with their Légifrance link as helpUri, one result per finding.

`kind` carries the verdict: pass (conforme), fail (non conforme), review (indéterminé: a person
must look), notApplicable (only with --tout, to keep reports of large batches small). Locations
are the file (and line for JSON Lines and CSV) plus the logical place in the record.
"""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from checker.findings import CONFORME, ERREUR, INDETERMINE, NON_APPLICABLE, NON_CONFORME
from checker.version import VERSION

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
KINDS = {CONFORME: "pass", NON_CONFORME: "fail", INDETERMINE: "review", NON_APPLICABLE: "notApplicable",
         "a_venir": "open"}
LEVELS = {"inexistence": "error", "illegalite": "error", "illegalite_sauf_absence_de_prejudice": "error",
          "non_executoire": "warning", "irregularite_sans_incidence": "note", "information": "note"}
READ_RULE = "delibcheck.lecture"
ACT_RULE = "delibcheck.acte"


def artifact_uri(path: str) -> str:
    """A file name as a SARIF `uri` (RFC 3986): relative paths stay relative, with `/` between
    folders; spaces, `#`, `%`, accents and the like are percent-encoded; an absolute path is a `file:` URI."""
    posix = path.replace(os.sep, "/")
    encoded = quote(posix, safe="/", errors="surrogateescape")
    if posix.startswith("/"):
        return "file://" + encoded
    if ":" in encoded.split("/", 1)[0]:
        # A first segment with a colon would read as a URI scheme.
        encoded = "./" + encoded
    return encoded


def _location(fichier: str, logical: str | None, line: int | None = None) -> dict:
    uri = fichier
    if line is None:
        head, _, tail = fichier.rpartition(":")
        if head and tail.isdigit():
            uri, line = head, int(tail)
    elif fichier.endswith(f":{line}"):
        uri = fichier[: -len(f":{line}")]
    physical: dict = {"artifactLocation": {"uri": artifact_uri(uri)}}
    if line is not None:
        physical["region"] = {"startLine": line}
    location: dict = {"physicalLocation": physical}
    if logical:
        location["logicalLocations"] = [{"fullyQualifiedName": logical, "kind": "member"}]
    return location


class Writer:
    totals_first = False
    separator = ",\n"

    def __init__(self, show_all: bool = False, **options):
        self.show_all = show_all

    def header(self, rules) -> str:
        descriptors = [{
            "id": READ_RULE, "name": "lecture",
            "shortDescription": {"text": "Le dossier doit être lisible et conforme au format d'enregistrement."},
        }, {
            "id": ACT_RULE, "name": "acte",
            "shortDescription": {"text": "Acte contrôlé sans règle applicable (aucun constat à rapporter)."},
        }]
        for rule in rules or ():
            url = rule.url(rule.versions[-1])
            descriptor = {
                "id": rule.id, "name": rule.id.replace(".", "_").replace("-", "_"),
                "shortDescription": {"text": rule.titre},
                "fullDescription": {"text": " ".join(rule.lecture.split())},
                "properties": {"article": rule.article, "gravite": rule.gravite,
                               "versions": [v.period() for v in rule.versions]},
            }
            if url:
                descriptor["helpUri"] = url
            descriptors.append(descriptor)
        driver = {"name": "delibcheck", "version": VERSION, "informationUri": "https://www.legifrance.gouv.fr/",
                  "rules": descriptors}
        opening = {"$schema": SCHEMA, "version": "2.1.0"}
        text = json.dumps(opening, ensure_ascii=False)[:-1]
        return (text + ', "runs": [{"tool": {"driver": ' + json.dumps(driver, ensure_ascii=False)
                + '}, "columnKind": "unicodeCodePoints", "results": [\n')

    def fragment(self, result) -> str:
        if result.statut == ERREUR:
            item = {"ruleId": READ_RULE, "kind": "fail", "level": "error",
                    "message": {"text": str(result.error)},
                    "locations": [_location(result.fichier, None, getattr(result, "ligne", None))]}
            return json.dumps(item, ensure_ascii=False)
        items = []
        # The proposed action rides on every result of the act, so that a pipeline routes on it
        # whichever result it reads first.
        decision = result.decision
        routing = {}
        if decision is not None:
            routing = {"action": decision.action, "echeance": decision.to_dict()["echeance"],
                       "motif": decision.motif}
        for finding in result.findings:
            if finding.statut == NON_APPLICABLE and not self.show_all:
                continue
            kind = KINDS.get(finding.statut, "review")
            item = {
                "ruleId": finding.regle, "kind": kind,
                "level": LEVELS[finding.gravite] if kind == "fail" else "none",
                "message": {"text": finding.message},
                "locations": [_location(result.fichier, f"{result.fichier}#{finding.chemin}",
                                        getattr(result, "ligne", None))],
                "properties": {"statut": finding.statut, "gravite": finding.gravite, "objet": finding.objet,
                               "version": finding.version, **routing},
            }
            items.append(json.dumps(item, ensure_ascii=False))
        if not items:
            # Every act gives at least one result: one without any applicable rule is still seen.
            item = {"ruleId": ACT_RULE, "kind": "notApplicable", "level": "none",
                    "message": {"text": f"{result.record.label} : aucun constat à rapporter "
                                        f"({len(result.findings)} règles non applicables)"},
                    "locations": [_location(result.fichier, result.fichier, getattr(result, "ligne", None))],
                    "properties": {"statut": result.statut, **routing}}
            items.append(json.dumps(item, ensure_ascii=False))
        return ",\n".join(items)

    def footer(self, totals: dict) -> str:
        return ('\n], "invocations": [{"executionSuccessful": true, "properties": {"resume": '
                + json.dumps(totals, ensure_ascii=False) + '}}]}]}\n')
