"""Find, validate and compile the rule files. Rules are discovered by globbing, never listed.

The compiled catalogue is cached (see `ruleset.catalogue`): on a hit nothing is parsed,
validated or compiled.
"""
from __future__ import annotations

import datetime as dt
import string
from functools import lru_cache
from pathlib import Path

from ruleset import parse_cache
from ruleset.catalogue import RulePickler, compiled_expression, decode, default_rules_dir, rule_files, sources_of
from ruleset.errors import InputError, RuleError
from ruleset.expressions import ExpressionError, referenced_names
from ruleset.messages import plural_forms, segments
from ruleset.model import Example, Obligation, Rule, Version
from ruleset.schema_errors import load_schema, validate
from ruleset.yaml_loader import LineDict, load_yaml

ROOT_NAMES = frozenset({"collectivite", "seance", "convocation", "deliberations"})
SCOPE_NAMES = {"seance": ROOT_NAMES, "deliberation": ROOT_NAMES | {"deliberation"}}
STATUSES = ("conforme", "non_conforme", "indetermine", "non_applicable")


@lru_cache(maxsize=8)
def load_rules(directory: str | None = None) -> tuple[Rule, ...]:
    """Load every rule under `directory` (the bundled rules by default), compiled once."""
    rules, entry, built = _rules(directory)
    if built:
        parse_cache.store(entry, rules, RulePickler)
    return rules


def rules_for_engine(directory: str | None = None) -> tuple[Rule, ...]:
    """The rules of `load_rules(directory)`, raising as it does, for an engine that is cached with
    them (`checker.engine_cache`): rules built here are not written to the cache as a catalogue
    of their own. The engine's entry holds them already; pickling them a second time, examples
    included, was a fifth of the first check after an install. A catalogue cached by an earlier
    `load_rules` is read."""
    return _rules(directory)[0]


def _rules(directory: str | None) -> tuple[tuple[Rule, ...], str, bool]:
    """The rules under `directory`, their cache entry, and whether they were built (not read from the cache)."""
    sources, entry = sources_of(directory)
    cached = parse_cache.load(entry)
    # What the entry holds is used only if it is rules, of these files and of no other (each file
    # holds at least one rule): anything else is built again.
    if (type(cached) is tuple and all(type(rule) is Rule for rule in cached)
            and {rule.fichier for rule in cached} == {name for _, name, _ in sources}):
        return cached, entry, False
    from ruleset import snapshot

    # Every file is parsed before any is built, so that which error is reported first does not
    # change. A bundled file, unchanged, is read from the snapshot PyYAML's parse left (`ruleset.snapshot`).
    parsed = [(path, name, _parse(decode(data, name), name, snapshot.parsed(data))) for path, name, data in sources]
    rules: list[Rule] = []
    for path, name, data in parsed:
        rules.extend(_build_file(data, path, name))
    _check_ids(rules)
    return tuple(rules), entry, True


def _parse(text: str, name: str, data=None) -> LineDict:
    """Parse (unless `data` is what parsing it gives) and validate one rule file (the part of
    loading that the cache can skip)."""
    try:
        if data is None:
            data = load_yaml(text, name)
        validate(load_schema("ruleset", "regle.schema.yaml"), data, name)
    except RuleError:
        raise
    except InputError as exc:
        raise RuleError(exc.message, fichier=exc.fichier, ligne=exc.ligne, champ=exc.champ)
    return data


def load_rule_file(path: Path, base: Path | None = None) -> list[Rule]:
    name = str(path.relative_to(base)) if base else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"fichier de règles illisible ({exc})", fichier=name)
    return _build_file(_parse(text, name), path, name)


def _build_file(data: LineDict, path: Path, name: str) -> list[Rule]:
    article = data["article"]
    if path.stem != article:
        raise RuleError(f"le fichier doit porter le nom de son article : « {article}.yaml »",
                        fichier=name, ligne=data.lines.get("article"))
    rules = [_build_rule(entry, data, name) for entry in data["regles"]]
    for rule in rules:
        for version in rule.versions:
            version.legiarti = version.legiarti or data.get("legiarti")
            if version.legiarti is None and not data.get("legiarti_a_verifier"):
                raise RuleError(
                    f"la version {version.period()} de « {rule.id} » n'a pas d'identifiant LEGIARTI : "
                    "donner « legiarti » (article ou version) ou dire pourquoi dans « legiarti_a_verifier »",
                    fichier=name, ligne=rule.ligne)
        rule.legiarti_a_verifier = data.get("legiarti_a_verifier")
    _check_labels(rules, data, name)
    return rules


def _check_labels(rules: list[Rule], data: LineDict, name: str) -> None:
    """Every computed value has a French label, and every label names a value of the file."""
    labels = data.get("libelles", LineDict())
    values = {key for rule in rules for version in rule.versions for key, _ in version.valeurs}
    for key in sorted(values - set(labels)):
        raise RuleError(f"la valeur « {key} » n'a pas de libellé en français : l'ajouter sous « libelles »",
                        fichier=name, ligne=data.lines.get("libelles") or data.lines.get("regles"))
    for key in sorted(set(labels) - values):
        raise RuleError(f"libellé « {key} » sans valeur de ce nom dans le fichier",
                        fichier=name, ligne=labels.lines.get(key) if hasattr(labels, "lines") else None)
    for rule in rules:
        rule.libelles = {key: labels[key] for key in values}


def _build_rule(entry: LineDict, data: LineDict, name: str) -> Rule:
    rule_id = entry["id"]
    if not rule_id.startswith(data["article"] + "."):
        raise RuleError(f"l'identifiant « {rule_id} » doit commencer par l'article « {data['article']}. »",
                        fichier=name, ligne=entry.lines.get("id"))
    names = SCOPE_NAMES[entry["portee"]]
    versions = [_build_version(v, names, name) for v in entry["versions"]]
    _check_periods(versions, entry, name)
    exemples = [
        Example(e["nom"], e["attendu"], e["dossier"], e.get("deliberation", 0), e.get("commentaire"), e.line)
        for e in entry["exemples"]
    ]
    seen = set()
    for example, raw in zip(exemples, entry["exemples"]):
        if example.nom in seen:
            raise RuleError(f"exemple « {example.nom} » en double", fichier=name, ligne=raw.line)
        seen.add(example.nom)
    obligation = None
    if "obligation_depuis" in entry:
        node = entry["obligation_depuis"]
        obligation = Obligation(_parse_date(node["du"], node, "du", name), node["texte"], node["source"])
        if versions and obligation.du >= versions[0].du:
            raise RuleError(
                f"« obligation_depuis » ({obligation.du}) doit précéder la première version ({versions[0].du}) : "
                "elle dit depuis quand l'obligation existait avant d'être encodée",
                fichier=name, ligne=node.lines.get("du"))
    return Rule(
        id=rule_id, article=data["article"], code=data["code"], titre=entry["titre"],
        alinea=entry["alinea"], citation=entry["citation"], lecture=entry["lecture"],
        confiance=entry["confiance"], sources=list(entry["sources"]), gravite=entry["gravite"],
        portee=entry["portee"], exception_de=entry.get("exception_de"), limites=entry.get("limites"),
        versions=versions, exemples=exemples, fichier=name, ligne=entry.line,
        obligation_depuis=obligation, droit_anterieur=tuple(entry.get("droit_anterieur", ())),
        organes=entry.get("organes") if entry.get("organes") == "tous" or entry.get("organes") is None
        else tuple(entry["organes"]),
    )


def _parse_date(text: str, node: LineDict, key: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise RuleError(f"date impossible « {text} » (attendu AAAA-MM-JJ)", fichier=name, ligne=node.lines.get(key))


def _compile(node: LineDict, key: str, text, names, name: str, line: int | None = None):
    try:
        return compiled_expression(text, frozenset(names))
    except ExpressionError as exc:
        where = f" (colonne {exc.column})" if exc.column else ""
        raise RuleError(f"expression « {key} » invalide{where} : {exc.message}", fichier=name,
                        ligne=line if line is not None else node.lines.get(key))


def _build_version(node: LineDict, names: frozenset, name: str) -> Version:
    du = _parse_date(node["du"], node, "du", name)
    au = _parse_date(node["au"], node, "au", name) if node["au"] is not None else None
    if au is not None and au <= du:
        raise RuleError(f"période vide : « au » ({au}) doit suivre « du » ({du})", fichier=name, ligne=node.lines.get("au"))
    applicable = _compile(node, "applicable", node["applicable"], names, name) if "applicable" in node else None
    valeurs: list = []
    bound = set(names)
    raw_values = node.get("valeurs", LineDict())
    for key, text in raw_values.items():
        if key in bound or key.startswith("_"):
            raise RuleError(f"la valeur « {key} » masque un nom existant", fichier=name, ligne=raw_values.lines.get(key))
        valeurs.append((key, _compile(raw_values, key, text, bound, name)))
        bound.add(key)
    exigence = _compile(node, "exigence", node["exigence"], bound, name)
    messages = dict(node["message"])
    _check_placeholders(messages, bound - names, node, name)
    sources = {"applicable": node.get("applicable"), "exigence": node["exigence"], "valeurs": dict(raw_values)}
    return Version(du, au, node.get("legiarti"), node["texte"], node.get("alinea"), node.get("citation"),
                   applicable, valeurs, exigence, messages, sources)


def _check_placeholders(messages: dict, values: set, node: LineDict, name: str) -> None:
    for status, text in messages.items():
        try:
            segments(text)
            parsed = [(f, spec, conversion) for _, f, spec, conversion in string.Formatter().parse(text)
                      if f is not None]
            for placeholder, spec, conversion in parsed:
                if conversion:
                    raise ValueError(f"{{{placeholder}!{conversion}}} : pas de conversion dans un message")
                if spec:
                    plural_forms(spec)
            fields = [f for f, _, _ in parsed]
        except ValueError as exc:
            raise RuleError(f"message « {status} » mal formé : {exc}", fichier=name, ligne=node.lines.get("message"))
        for placeholder in fields:
            if placeholder not in values:
                raise RuleError(
                    f"le message « {status} » cite {{{placeholder}}} qui n'est pas une valeur de la version ; "
                    f"valeurs admises : {', '.join(sorted(values)) or 'aucune'}",
                    fichier=name, ligne=node.lines.get("message"))


def _check_periods(versions: list[Version], entry: LineDict, name: str) -> None:
    ordered = sorted(versions, key=lambda v: v.du)
    if ordered != versions:
        raise RuleError(f"les versions de « {entry['id']} » doivent être rangées par date de début",
                        fichier=name, ligne=entry.lines.get("versions"))
    for before, after in zip(versions, versions[1:]):
        if before.au is None or before.au > after.du:
            raise RuleError(
                f"les versions {before.period()} et {after.period()} de « {entry['id']} » se chevauchent",
                fichier=name, ligne=entry.lines.get("versions"))
        if before.au < after.du:
            raise RuleError(
                f"trou entre les versions {before.period()} et {after.period()} de « {entry['id']} » : "
                "une règle qui existe doit avoir une version à chaque date",
                fichier=name, ligne=entry.lines.get("versions"))


def _check_ids(rules: list[Rule]) -> None:
    by_id: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in by_id:
            raise RuleError(f"règle « {rule.id} » définie deux fois (aussi dans {by_id[rule.id].fichier})",
                            fichier=rule.fichier, ligne=rule.ligne)
        by_id[rule.id] = rule
    articles = {rule.article for rule in rules}
    for rule in rules:
        for earlier_id in rule.droit_anterieur:
            earlier = by_id.get(earlier_id)
            if earlier is None and earlier_id.rsplit(".", 1)[0] not in articles:
                # A partial catalogue (`--regles`) may leave out the older article: the rule then
                # says, before its first version, what its own `obligation_depuis` says.
                continue
            if earlier is None:
                raise RuleError(f"« droit_anterieur » désigne une règle inconnue : « {earlier_id} »",
                                fichier=rule.fichier, ligne=rule.ligne)
            # Earlier law must begin earlier: this also rules out a rule deferring to itself in a loop.
            if earlier.versions[0].du >= rule.versions[0].du:
                raise RuleError(
                    f"« droit_anterieur » : « {earlier_id} » commence le {earlier.versions[0].du}, "
                    f"pas avant « {rule.id} » ({rule.versions[0].du})",
                    fichier=rule.fichier, ligne=rule.ligne)
    for rule in rules:
        if rule.exception_de is None:
            continue
        base = by_id.get(rule.exception_de)
        if base is None:
            raise RuleError(f"« exception_de » désigne une règle inconnue : « {rule.exception_de} »",
                            fichier=rule.fichier, ligne=rule.ligne)
        if base.portee != rule.portee:
            raise RuleError(f"l'exception « {rule.id} » doit avoir la même portée que « {base.id} »",
                            fichier=rule.fichier, ligne=rule.ligne)
        if base.exception_de is not None:
            raise RuleError(f"« {rule.id} » ne peut être l'exception d'une autre exception ({base.id})",
                            fichier=rule.fichier, ligne=rule.ligne)


__all__ = ["load_rules", "rules_for_engine", "load_rule_file", "rule_files", "default_rules_dir", "STATUSES", "referenced_names"]
