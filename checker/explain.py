"""A rule told in French: its text, reading, versions and examples (`delibcheck explique`)."""
from __future__ import annotations

from ruleset.model import SEVERITY_LABELS, Rule


def explain(rule: Rule) -> str:
    lines = [f"{rule.id} — {rule.titre}", f"Article {rule.article} ({rule.code}), alinéa {rule.alinea}",
             f"Gravité : {SEVERITY_LABELS[rule.gravite]} ; portée : {rule.portee} ; confiance : {rule.confiance}"]
    if rule.organes is not None:
        lines.append(f"Organes couverts : {rule.organes_label()}")
    if rule.exception_de:
        lines.append(f"Exception à : {rule.exception_de}")
    lines += ["", "Texte :", f"  {rule.citation.strip()}", "", "Lecture :", f"  {rule.lecture.strip()}"]
    if rule.limites:
        lines += ["", "Limites :", f"  {rule.limites.strip()}"]
    if rule.legiarti_a_verifier:
        lines += ["", "Identifiant Légifrance :", f"  {rule.legiarti_a_verifier.strip()}"]
    lines += ["", "Versions :"]
    for version in rule.versions:
        url = rule.url(version)
        lines.append(f"  {version.period()} — {version.texte}" + (f" — {url}" if url else ""))
        if version.sources.get("applicable") is not None:
            lines.append(f"    s'applique si : {' '.join(str(version.sources['applicable']).split())}")
        for name, text in version.sources["valeurs"].items():
            lines.append(f"    {name} = {' '.join(str(text).split())}")
        lines.append(f"    exige : {' '.join(str(version.sources['exigence']).split())}")
    lines += ["", "Sources :"] + [f"  - {s}" for s in rule.sources]
    lines += ["", "Exemples :"]
    for example in rule.exemples:
        comment = f" — {example.commentaire.strip()}" if example.commentaire else ""
        lines.append(f"  {example.attendu:<15} {example.nom}{comment}")
    return "\n".join(lines)
