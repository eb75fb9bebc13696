"""Before the rules: the facts of the body that the record lacks, filled from the reference data.

A fact the record gives wins; where the reference data says otherwise, the difference is kept
as an « écart » and reported with the findings that read the fact, never resolved silently.
Every filled fact carries its provenance (« référentiel : … ») as its source, and the findings
that read one say so in their message, so that every report format shows it.
"""
from __future__ import annotations

import datetime as dt

from checker.record import ALSACE_MOSELLE_DEPARTEMENTS, Record, derive_again
from checker.referentiel.donnees import PAQUET, Commune, Donnees, charger
from checker.referentiel.population import population_au_renouvellement
from checker.referentiel.recherche import NATURES_EPCI, NATURES_SYNDICAT, Trouve, identifier
from checker.referentiel.renouvellements import renouvellements_depuis, renouvellements_possibles
from checker.referentiel.sieges import sieges
from checker.referentiel.sieges_epci import PROPRES, sieges_epci
from checker.findings import format_value
from ruleset.values import Interval, Node, NodeList, bounded, imprecise
from ruleset.messages import nombre

PREFIXE = "référentiel : "
# The filled facts the short report names.
RESUMES = ("population", "effectif_legal", "membres_en_exercice", "membres", "commune_nouvelle")
PLM = ("75056", "69123", "13055")
DEFAUT_NATURE = "calculé : nature absente du dossier"


class Rempli:
    __slots__ = ("chemin", "valeur", "provenance", "court")

    def __init__(self, chemin: str, valeur: object, provenance: str, court: str = ""):
        self.chemin = chemin
        self.valeur = valeur
        self.provenance = provenance
        self.court = court  # the provenance in a few words, for the findings' messages


class Ecart:
    __slots__ = ("chemin", "dossier", "referentiel", "provenance")

    def __init__(self, chemin: str, dossier: object, referentiel: object, provenance: str):
        self.chemin = chemin
        self.dossier = dossier
        self.referentiel = referentiel
        self.provenance = provenance


class Referentiel:
    """What the reference data did for one record."""

    __slots__ = ("collectivite", "trouvee_par", "remplis", "ecarts", "motif", "notes")

    def __init__(self, collectivite: str | None = None, trouvee_par: str | None = None,
                 remplis: list | None = None, ecarts: list | None = None, motif: str | None = None,
                 notes: list | None = None):
        self.collectivite = collectivite
        self.trouvee_par = trouvee_par
        self.remplis = list() if remplis is None else remplis
        self.ecarts = list() if ecarts is None else ecarts
        self.motif = motif
        self.notes = list() if notes is None else notes

    def to_dict(self) -> dict:
        out: dict = {"collectivite": self.collectivite, "trouvee_par": self.trouvee_par}
        if self.motif:
            out["motif"] = self.motif
        out["remplis"] = [{"chemin": r.chemin, "valeur": format_value(r.valeur, iso=True), "source": PREFIXE + r.provenance}
                          for r in self.remplis]
        out["ecarts"] = [{"chemin": e.chemin, "dossier": format_value(e.dossier, iso=True),
                          "referentiel": format_value(e.referentiel, iso=True), "source": PREFIXE + e.provenance}
                         for e in self.ecarts]
        if self.notes:
            out["notes"] = list(self.notes)
        return out

    def resume(self) -> list[str]:
        """One line of what was filled, one per difference: the short report."""
        if self.collectivite is None:
            return [f"  Référentiel : {self.motif}"] if self.motif else []
        filled = " ; ".join(r.court for r in self.remplis if r.court and r.chemin.split(".")[-1] in RESUMES)
        lines = [f"  Référentiel : {self.collectivite}" + (f" — {filled}" if filled else "")]
        if self.ecarts:
            lines.append("  Écart avec le référentiel (le dossier est retenu) : " + " ; ".join(
                f"{e.chemin} = {format_value(e.dossier)} au dossier, {format_value(e.referentiel)} au référentiel"
                for e in self.ecarts))
        return lines

    def lignes(self) -> list[str]:
        if self.collectivite is None:
            return [f"  Référentiel : {self.motif}"] if self.motif else []
        lines = [f"  Référentiel : {self.collectivite} — trouvée par {self.trouvee_par}"]
        for r in self.remplis:
            lines.append(f"    {r.chemin} = {format_value(r.valeur)} ({r.provenance})")
        for e in self.ecarts:
            lines.append(f"    écart : {e.chemin} = {format_value(e.dossier)} au dossier, "
                         f"{format_value(e.referentiel)} au référentiel ({e.provenance}) ; le dossier est retenu")
        for note in self.notes:
            lines.append(f"    {note}")
        return lines


def _date_label(date: dt.date) -> str:
    return date.strftime("%d/%m/%Y")


class _Filler:
    def __init__(self, record: Record, rules: dict, data: Donnees, report: Referentiel):
        self.root = record.root
        self.date = record.date
        self.rules = rules
        self.data = data
        self.report = report

    def put(self, node: Node, key: str, value, provenance: str, compare=None, court: str = "") -> bool:
        """Fill `node[key]` unless the record gives it; report a difference with what it gives."""
        path = node.child_path(key)
        if key in node:
            given = node[key]
            differs = compare(given, value) if compare is not None else (given != value)
            if differs:
                self.report.ecarts.append(Ecart(path, given, value, provenance))
            return False
        node[key] = value
        node.sources[key] = (PREFIXE + provenance, None)
        self.report.remplis.append(Rempli(path, value, provenance, court or provenance))
        return True

    def commune(self, found: Trouve) -> None:
        commune, data, date = found.commune, self.data, self.date
        collectivite = self.root["collectivite"]
        version = data.versions[data.version_a(date)]
        where = f"COG {version.cog} ({PAQUET} {version.paquet})"
        self.nature("commune", where)
        if "nom" not in collectivite:
            self.put(collectivite, "nom", commune.nom, where)
        self.put(collectivite, "code_insee", commune.code, where)
        siren = commune.siren_a(data.version_a(date))
        if siren:
            self.put(collectivite, "siren", siren, where)
        self.put(collectivite, "departement", commune.departement, where, _other_departement)
        if "alsace_moselle" not in collectivite:
            local = commune.departement in ALSACE_MOSELLE_DEPARTEMENTS
            self.put(collectivite, "alsace_moselle", local, f"département {commune.departement}, {where}",
                     court=f"{'droit local' if local else 'hors Alsace-Moselle'}, département {commune.departement} "
                           f"(COG {version.cog})")
        population = population_au_renouvellement(data, commune, date)
        if not population.connue:
            self.report.notes.append(f"population au dernier renouvellement non établie : {population.motif}")
            return
        path = collectivite.child_path("population")
        value = bounded(population.bas, population.haut,
                        imprecise(path, population.bas, population.haut, PREFIXE + population.provenance))
        # A current figure given by the record is kept apart (`population_courante`): the frozen
        # figure of the renewal is what it lacks.
        self.put(collectivite, "population", value, population.provenance, _outside,
                 court=f"population {format_value(value)} au {population.renouvellement}")
        self.seats(commune, population.bas, population.haut)

    def nature(self, nature: str, where: str) -> None:
        collectivite = self.root["collectivite"]
        source = collectivite.sources.get("nature") if collectivite._sources else None
        if source is not None and source[0] and source[0].startswith(DEFAUT_NATURE):
            # The format's default is no fact of the record: the reference data replaces it.
            del collectivite["nature"]
            del collectivite.sources["nature"]
        self.put(collectivite, "nature", nature, where, court=f"{nature.replace('_', ' ')} ({where.split(' (')[0]})")

    def seats(self, commune: Commune, low: int, high: int) -> None:
        collectivite, seance, date = self.root["collectivite"], self.root["seance"], self.date
        if commune.code in PLM:
            self.report.notes.append("Paris, Lyon, Marseille : effectif propre (L2511-1 et suivants), non déduit")
            return
        special = _commune_nouvelle(commune, date)
        if special is None:
            self.report.notes.append(
                f"commune nouvelle créée entre le {commune.creee.replace('/', ' et le ')} : son effectif (L2113-7, L2113-8) "
                "n'est pas déduit du tableau")
            return
        if special:
            self.put(collectivite, "commune_nouvelle", True,
                     f"commune nouvelle créée le {commune.creee}, moins de deux renouvellements généraux depuis")
            self.report.notes.append("commune nouvelle avant son deuxième renouvellement : effectif non déduit du tableau")
            return
        if defaut_vrai(collectivite.get("commune_nouvelle")) or defaut_vrai(collectivite.get("reputee_complete")):
            return
        found = sieges(self.rules, low, high, date)
        if found is None:
            self.report.notes.append("tableau de L2121-2 introuvable dans les règles en vigueur à cette date")
            return
        path = collectivite.child_path("effectif_legal")
        seats = bounded(found.bas, found.haut, imprecise(path, found.bas, found.haut, PREFIXE + found.provenance))
        self.put(collectivite, "effectif_legal", seats, found.provenance, _outside,
                 court=f"{format_value(seats)} sièges (L2121-2)")
        path = seance.child_path("membres_en_exercice")
        office = bounded(found.en_exercice_bas, found.haut,
                         imprecise(path, found.en_exercice_bas, found.haut, PREFIXE + found.provenance_en_exercice))
        self.put(seance, "membres_en_exercice", office, found.provenance_en_exercice, _outside,
                 court=f"membres en exercice {format_value(office)} (sièges de L2121-2 ; code électoral L258, L270)")

    def epci(self, found: Trouve) -> None:
        epci, data, date = found.epci, self.data, self.date
        collectivite = self.root["collectivite"]
        index = data.version_a(date)
        version = data.versions[index]
        where = f"COG {version.cog} ({PAQUET} {version.paquet})"
        nature = collectivite.get("nature")
        if nature in NATURES_SYNDICAT:
            self.report.ecarts.append(Ecart(collectivite.child_path("nature"), nature, epci.nature, where))
            return
        self.nature(epci.nature, where)
        if "nom" not in collectivite:
            self.put(collectivite, "nom", epci.nom, where)
        self.put(collectivite, "siren", epci.siren, where)
        members = data.membres(epci, index)
        if members is None:
            self.report.notes.append(f"composition de l'EPCI absente du COG {version.cog}")
            return
        if "membres" in collectivite:
            return
        listed = NodeList(collectivite.child_path("membres"))
        unknown = []
        for position, code in enumerate(members):
            commune = data.commune(code)
            node = Node(f"{listed.path}[{position}]")
            node["nom"] = commune.nom if commune else code
            node["nature"] = "commune"
            if commune is not None:
                population = population_au_renouvellement(data, commune, date)
                if population.connue:
                    path = node.child_path("population")
                    node["population"] = bounded(population.bas, population.haut,
                                                 imprecise(path, population.bas, population.haut,
                                                           PREFIXE + population.provenance))
                    node.sources["population"] = (PREFIXE + population.provenance, None)
                else:
                    unknown.append(commune.nom)
            listed.append(node)
        collectivite["membres"] = listed
        collectivite.sources["membres"] = (PREFIXE + f"communes membres au {where}", None)
        self.report.remplis.append(Rempli(listed.path, f"{len(listed)} communes membres",
                                          f"communes membres au {where}, population de chacune au dernier "
                                          "renouvellement général (règles ≥ 3 500 habitants : L5211-1)",
                                          f"{len(listed)} communes membres (COG {version.cog}), population au "
                                          "dernier renouvellement"))
        if unknown:
            self.report.notes.append("population au renouvellement non établie pour " + nombre(len(unknown), "# membre|# membres") + " : "
                                     + ", ".join(unknown[:10]))
        self.seats_epci(epci, members, index)

    def seats_epci(self, epci, members: tuple, index: int) -> None:
        """The council's seats by L5211-6-1 as bounds, and the members in office under them."""
        collectivite, seance, data, date = self.root["collectivite"], self.root["seance"], self.data, self.date
        if epci.siren in PROPRES:
            self.report.notes.append(f"sièges fixés par {PROPRES[epci.siren]} : non déduits de L5211-6-1")
            return
        found, why = None, None
        # The council elected at a renewal is installed some weeks after the mayors (L5211-6):
        # until then the former one may sit.
        for renewal in {r.annee: r for day in (date - dt.timedelta(days=42), date)
                        for r in renouvellements_possibles(day)}.values():
            populations, why = _recomposition(data, epci, members, index, renewal.annee)
            if populations is None:
                found = None
                break
            one = sieges_epci(populations, epci.nature)
            one.detail = f"renouvellement de {renewal.libelle} : {one.detail}, {why}"
            if found is None:
                found = one
            else:
                found.bas, found.haut = min(found.bas, one.bas), max(found.haut, one.haut)
                if one.certain != found.certain:
                    found.certain = f"{found.certain} ; ou {one.certain}"
                found.detail = f"{found.detail} ; ou {one.detail}"
        if found is None:
            self.report.notes.append(f"sièges du conseil (L5211-6-1) non déduits : {why or 'séance avant 2008'}")
            return
        provenance = f"L5211-6-1 (identifiant LEGIARTI à vérifier) : {found.certain} ({found.detail})"
        path = collectivite.child_path("effectif_legal")
        seats = bounded(found.bas, found.haut, imprecise(path, found.bas, found.haut, PREFIXE + provenance))
        self.put(collectivite, "effectif_legal", seats, provenance, _outside,
                 court=f"{format_value(seats)} sièges (L5211-6-1)")
        in_office = (f"au plus les {found.haut} sièges (L5211-6-1) ; aucun minimum légal : un siège peut rester "
                     "vacant (code électoral L273-10)")
        path = seance.child_path("membres_en_exercice")
        office = bounded(0, found.haut, imprecise(path, 0, found.haut, PREFIXE + in_office))
        self.put(seance, "membres_en_exercice", office, in_office, _outside,
                 court=f"membres en exercice {format_value(office)} (L5211-6-1)")


def _recomposition(data: Donnees, epci, members: tuple, index: int, annee: int):
    """The members' populations municipales authenticated the year before the renewal of `annee`
    (R5211-1-1 I: in force on 1 January of that year), each for the perimeter the commune has in
    version `index`; None and why when one is missing, or when the EPCI's members changed since
    the recomposition (then made again with another year's figures, L5211-6-2)."""
    target = dt.date(annee - 1, 1, 1)
    versions = [i for i, v in enumerate(data.versions) if v.population_en_vigueur == target]
    if not versions:
        return None, f"population en vigueur au 1er janvier {annee - 1} absente du référentiel"
    p = versions[0]
    version = data.versions[p]
    populations = []
    for code in members:
        commune = data.commune(code)
        if commune is None or not commune.presente[p] or commune.populations[p] is None \
                or commune.perimetre(p) != commune.perimetre(index):
            return None, (f"la commune membre {commune.nom if commune else code} n'a pas au COG {version.cog} le "
                          "périmètre qu'elle a à la séance : conseil recomposé en cours de mandat (L5211-6-2)")
        populations.append(commune.populations[p])
    for i, v in enumerate(data.versions[:index + 1]):
        if v.cog >= annee - 1 and data.membres(epci, i) is not None and set(data.membres(epci, i)) != set(members):
            return None, (f"composition de l'EPCI modifiée entre le COG {v.cog} et la séance : conseil recomposé "
                          "en cours de mandat (L5211-6-2)")
    return populations, (f"population municipale en vigueur au 1er janvier {annee - 1} (recensement "
                         f"{version.recensement}, COG {version.cog}, paquet {version.paquet})")


def defaut_vrai(value) -> bool:
    return value is True


def _other_departement(given, value) -> bool:
    return isinstance(given, str) and given.lstrip("0") != value.lstrip("0")


def _outside(given, value) -> bool:
    """A number of the record outside what the reference data allows (a bound or a range)."""
    if isinstance(given, bool) or not isinstance(given, (int, Interval)):
        return False
    low, high = (value.lo, value.hi) if type(value) is Interval else (value, value)
    given_low, given_high = (given.lo, given.hi) if type(given) is Interval else (given, given)
    return given_high < low or given_low > high


def _commune_nouvelle(commune: Commune, date: dt.date) -> bool | None:
    """Whether the commune is a commune nouvelle before its second general renewal on `date`:
    True, False, or None when its creation date leaves it open."""
    if not commune.creee:
        return False
    first, _, last = commune.creee.partition("/")
    if dt.date.fromisoformat(first) > date:
        # Made after the meeting: the commune that met was the former one.
        return False
    counts = {renouvellements_depuis(dt.date.fromisoformat(day), date) for day in (first, last or first)}
    if all(n >= 2 for n in counts):
        return False
    if all(n < 2 for n in counts):
        return True
    return None


def completer(record: Record, rules: dict) -> Referentiel:
    """Fill `record` from the reference data; the report is kept on the record and returned."""
    report = Referentiel()
    record.referentiel = report
    root = record.root
    collectivite = root["collectivite"]
    source = collectivite.sources.get("nature") if collectivite._sources else None
    nature = collectivite.get("nature")
    if source is not None and source[0] and source[0].startswith(DEFAUT_NATURE):
        nature = None
    if nature in NATURES_SYNDICAT and not isinstance(collectivite.get("siren"), str):
        report.motif = ("syndicat : les syndicats (SIVU, SIVOM, syndicats mixtes) ne figurent pas au référentiel ; "
                        "leurs membres se donnent dans le dossier (collectivite.membres)")
        return report
    if nature is not None and nature not in NATURES_EPCI and nature != "commune":
        report.motif = f"nature « {nature} » hors du référentiel (communes et EPCI à fiscalité propre)"
        return report
    found = identifier(charger(), collectivite, root["deliberations"], record.date, nature)
    if found.trouve is None:
        report.motif = found.motif
        return report
    body = found.trouve
    filler = _Filler(record, rules, charger(), report)
    if body.commune is not None:
        c = body.commune
        siren = c.siren_a(charger().version_a(record.date))
        report.collectivite = f"{c.nom} (commune, INSEE {c.code}" + (f", SIREN {siren}" if siren else "") + \
            f", département {c.departement})"
        report.trouvee_par = body.comment
        if nature is not None and nature != "commune":
            report.ecarts.append(Ecart(collectivite.child_path("nature"), nature, "commune", body.comment))
            return report
        filler.commune(body)
    else:
        e = body.epci
        report.collectivite = f"{e.nom} ({e.nature.replace('_', ' ')}, SIREN {e.siren})"
        report.trouvee_par = body.comment
        filler.epci(body)
    if report.remplis:
        derive_again(root)
    return report


def annoter(findings: list, report: Referentiel | None) -> list:
    """Say, in the message of each finding that reads a filled fact or a fact the reference data
    contradicts, where the fact comes from: every report format shows the message."""
    if report is None or not (report.remplis or report.ecarts):
        return findings
    filled = {r.chemin: r for r in report.remplis}
    differing = {e.chemin: e for e in report.ecarts}
    for finding in findings:
        if finding.statut == "non_applicable":
            continue
        notes = []
        for fact in finding.faits:
            path = fact.chemin
            if path in filled:
                notes.append(filled[path].court)
            elif path.startswith("collectivite.membres[") and "collectivite.membres" in filled:
                notes.append(filled["collectivite.membres"].court)
            if path in differing:
                e = differing[path]
                notes.append(f"écart sur {path} : {format_value(e.referentiel)} au référentiel, "
                             f"{format_value(e.dossier)} au dossier, retenu")
        if notes:
            finding.message = f"{finding.message} [référentiel : {' ; '.join(dict.fromkeys(notes))}]"
    return findings
