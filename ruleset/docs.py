"""Documentation generated from the rules: one page per rule and an index (docs/regles/).

The rule file is the single source: its title, quotation, reading, versions and examples become
the page. A test regenerates the pages and fails when the committed ones are stale.
"""
from __future__ import annotations

from pathlib import Path

from ruleset.model import SEVERITY_LABELS, Rule

OUTCOME_TITLES = (
    ("conforme", "Ce qui passe"),
    ("non_conforme", "Ce qui échoue"),
    ("indetermine", "Ce qui reste indéterminé"),
    ("non_applicable", "Quand la règle ne s'applique pas"),
)


def _one_line(text) -> str:
    return " ".join(str(text).split())


def rule_page(rule: Rule) -> str:
    lines = [f"# {rule.id} — {rule.titre}", ""]
    current = rule.url(rule.versions[-1])
    link = f"[{rule.article}]({current})" if current else rule.article
    lines += [
        f"- Article : {link} ({rule.code}), alinéa {rule.alinea}",
        f"- Gravité : {SEVERITY_LABELS[rule.gravite]}",
        f"- Portée : {'la séance' if rule.portee == 'seance' else 'chaque délibération'}",
        f"- Confiance dans la lecture : {rule.confiance}",
    ]
    if rule.organes is not None:
        lines.append(f"- Organes couverts : {rule.organes_label()}")
    if rule.exception_de:
        lines.append(f"- Exception à : [{rule.exception_de}]({rule.exception_de}.md)")
    if rule.droit_anterieur:
        earlier = ", ".join(f"[{e}]({e}.md)" for e in rule.droit_anterieur)
        lines.append(f"- Avant sa première version : {earlier}")
    if rule.obligation_depuis:
        obligation = rule.obligation_depuis
        lines.append(f"- Obligation depuis le {obligation.du.isoformat()} ({_one_line(obligation.texte)} ; "
                     f"source : {_one_line(obligation.source)}) : avant la première version encodée, "
                     "« droit applicable à cette date non encodé »")
    lines += ["", "## Texte", "", f"> {_one_line(rule.citation)}", "", "## Lecture", "", _one_line(rule.lecture), ""]
    lines += ["## Versions", "", "| période | texte | Légifrance |", "|---|---|---|"]
    for version in rule.versions:
        url = rule.url(version)
        ref = f"[{version.legiarti}]({url})" if url else "à vérifier"
        lines.append(f"| `{version.period()}` | {_one_line(version.texte)} | {ref} |")
    lines.append("")
    for version in rule.versions:
        lines.append(f"### `{version.period()}`")
        lines.append("")
        if version.sources.get("applicable") is not None:
            lines.append(f"- s'applique si : `{_one_line(version.sources['applicable'])}`")
        for name, text in version.sources["valeurs"].items():
            lines.append(f"- `{name}` ({rule.libelle(name)}) = `{_one_line(text)}`")
        lines.append(f"- exige : `{_one_line(version.sources['exigence'])}`")
        lines.append("")
    for outcome, title in OUTCOME_TITLES:
        examples = [e for e in rule.exemples if e.attendu == outcome]
        if not examples:
            continue
        lines += [f"## {title}", ""]
        for example in examples:
            comment = f" — {_one_line(example.commentaire)}" if example.commentaire else ""
            lines.append(f"- `{example.nom}`{comment}")
        lines.append("")
    lines += ["## Sources", ""] + [f"- {_one_line(s)}" for s in rule.sources] + [""]
    limits = [text for text in (rule.limites, rule.legiarti_a_verifier) if text]
    if limits:
        lines += ["## Limites connues", ""] + [f"- {_one_line(text)}" for text in limits] + [""]
    return "\n".join(lines)


def index_page(rules: list[Rule]) -> str:
    lines = ["# Règles de delibcheck", "",
             "Pages générées depuis `rules/` par `delibcheck documentation` ; ne pas les modifier à la main.", "",
             "| règle | article | titre | gravité | versions |", "|---|---|---|---|---|"]
    for rule in sorted(rules, key=lambda r: r.id):
        periods = " ".join(f"`{v.period()}`" for v in rule.versions)
        lines.append(f"| [{rule.id}]({rule.id}.md) | {rule.article} | {_one_line(rule.titre)} | "
                     f"{SEVERITY_LABELS[rule.gravite]} | {periods} |")
    return "\n".join(lines) + "\n"


def render_all(rules) -> dict[str, str]:
    pages = {f"{rule.id}.md": rule_page(rule) for rule in rules}
    pages["README.md"] = index_page(list(rules))
    return pages


def write_all(rules, directory: Path) -> list[str]:
    """Write every page, remove pages of rules that no longer exist; return the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    pages = render_all(rules)
    for stale in directory.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    for name, text in pages.items():
        (directory / name).write_text(text, encoding="utf-8")
    return sorted(pages)
