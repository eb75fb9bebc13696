"""A rule as JSON data, with the same field names in `regles`, `explique` and `documentation`."""
from __future__ import annotations

import hashlib

from ruleset.model import Rule


def _one_line(text) -> str | None:
    return " ".join(str(text).split()) if text is not None else None


def version_to_dict(rule: Rule, version, full: bool) -> dict:
    out = {"du": version.du.isoformat(), "au": version.au.isoformat() if version.au else None,
           "legiarti": version.legiarti, "url": rule.url(version), "texte": version.texte}
    if full:
        sources = version.sources or {}
        out["applicable"] = _one_line(sources.get("applicable"))
        out["valeurs"] = {name: _one_line(text) for name, text in (sources.get("valeurs") or {}).items()}
        out["exigence"] = _one_line(sources.get("exigence"))
        out["messages"] = dict(version.messages)
    return out


def rule_to_dict(rule: Rule, full: bool = False) -> dict:
    """`full` adds the text, the reading, the expressions and the examples (`explique`)."""
    current = rule.versions[-1]
    out = {"id": rule.id, "article": rule.article, "code": rule.code, "alinea": rule.alinea, "titre": rule.titre,
           "gravite": rule.gravite, "portee": rule.portee, "exception_de": rule.exception_de,
           "legiarti": current.legiarti, "legiarti_a_verifier": _one_line(rule.legiarti_a_verifier),
           "url": rule.url(current), "confiance": rule.confiance,
           "versions": [version_to_dict(rule, v, full) for v in rule.versions]}
    if full:
        out["citation"] = _one_line(rule.citation)
        out["lecture"] = _one_line(rule.lecture)
        out["limites"] = _one_line(rule.limites)
        out["sources"] = list(rule.sources)
        out["exemples"] = [{"nom": e.nom, "attendu": e.attendu, "commentaire": _one_line(e.commentaire)}
                           for e in (rule.exemples or ())]
    return out


def catalogue_version(rules) -> str:
    """The version of a rule catalogue: the latest date from which a version applies, the number
    of rules and a fingerprint of their content — two catalogues that differ never share it."""
    latest = max((v.du for r in rules for v in r.versions), default=None)
    digest = hashlib.sha256()
    for rule in rules:
        digest.update(repr(rule_to_dict(rule)).encode("utf-8"))
    return f"{latest.isoformat() if latest else '—'}, {len(rules)} règles, empreinte {digest.hexdigest()[:12]}"
