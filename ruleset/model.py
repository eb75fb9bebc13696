"""Compiled rules: what the loader builds from the YAML files and the engine runs."""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from ruleset.expressions import Compiled

LEGIFRANCE = {
    "CGCT": "https://www.legifrance.gouv.fr/codes/article_lc/{}",
    "CCOM": "https://www.legifrance.gouv.fr/codes/article_lc/{}",
    "LODA": "https://www.legifrance.gouv.fr/loda/article_lc/{}",
}

# The CGCT rules encoded are those of the communes (2nd part) and of their groupings (5th part);
# a département or a région has its own articles (L3121-x, L4132-x): a rule that does not say
# which bodies it covers (`organes`) is never applied to them.
BODIES_OUTSIDE_BLOC_COMMUNAL = ("departement", "region")
BODY_LABELS = {"departement": "département", "region": "région", "communaute_d_agglomeration": "communauté d'agglomération",
               "epci_a_fiscalite_propre": "EPCI à fiscalité propre", "metropole": "métropole",
               "communaute_urbaine": "communauté urbaine", "syndicat_mixte_ferme": "syndicat mixte fermé"}

SEVERITY_ORDER = ("inexistence", "illegalite", "illegalite_sauf_absence_de_prejudice",
                  "non_executoire", "irregularite_sans_incidence", "information")

SEVERITY_LABELS = {
    "inexistence": "acte inexistant",
    "illegalite": "illégalité",
    "illegalite_sauf_absence_de_prejudice": ("illégalité, sauf si le vice n'a pu exercer d'influence sur le sens de la "
                                             "décision ni priver les intéressés d'une garantie"),
    "non_executoire": "acte non exécutoire",
    "irregularite_sans_incidence": "irrégularité sans incidence sur la légalité",
    "information": "information",
}


@dataclass
class Version:
    du: dt.date
    au: dt.date | None
    legiarti: str | None
    texte: str
    alinea: str | None
    citation: str | None
    applicable: Compiled | None
    valeurs: list[tuple[str, Compiled]]
    exigence: Compiled
    messages: dict[str, str]
    sources: dict[str, object] = field(default_factory=dict)

    def covers(self, date: dt.date) -> bool:
        return self.du <= date and (self.au is None or date < self.au)

    def period(self) -> str:
        text = self.__dict__.get("_period")
        if text is None:
            end = self.au.isoformat() if self.au else "…"
            text = self.__dict__["_period"] = f"[{self.du.isoformat()}, {end})"
        return text


@dataclass(frozen=True)
class Obligation:
    """Since when the obligation a rule checks is known to exist, before its first encoded version."""

    du: dt.date
    texte: str
    source: str


@dataclass
class Example:
    nom: str
    attendu: str
    dossier: dict
    deliberation: int
    commentaire: str | None
    ligne: int | None


@dataclass
class Rule:
    id: str
    article: str
    code: str
    titre: str
    alinea: str
    citation: str
    lecture: str
    confiance: str
    sources: list[str]
    gravite: str
    portee: str
    exception_de: str | None
    limites: str | None
    versions: list[Version]
    exemples: list[Example]
    fichier: str
    ligne: int | None
    legiarti_a_verifier: str | None = None
    obligation_depuis: Obligation | None = None
    droit_anterieur: tuple[str, ...] = ()
    libelles: dict = field(default_factory=dict)
    # The bodies the rule covers: « tous », a list of natures, or None for the bloc communal.
    organes: object = None
    _starts: list = field(default_factory=list, repr=False)
    _last: Version | None = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        self._starts = [v.du for v in self.versions]

    def version_at(self, date: dt.date) -> Version | None:
        # A batch meets the same version again and again: try the last one found before searching.
        last = self._last
        if last is not None and last.covers(date):
            return last
        index = bisect.bisect_right(self._starts, date) - 1
        if index < 0:
            return None
        version = self.versions[index]
        if not version.covers(date):
            return None
        self._last = version
        return version

    def says_only_not_encoded(self) -> bool:
        """A rule that only says the law of a body is not encoded (a département, a région, the
        rest of an SMO's statutes): every version requires `droit_non_encode(…)`, so it is never
        met nor broken — undecided for the bodies it covers, not applicable to the others."""
        return all(str(v.sources["exigence"]).strip().startswith("droit_non_encode(") for v in self.versions)

    def covers(self, nature) -> bool:
        """Whether the rule covers a body of this nature (`organes`; None: the bloc communal)."""
        if self.organes == "tous":
            return True
        if self.organes is None:
            return nature not in BODIES_OUTSIDE_BLOC_COMMUNAL
        return nature in self.organes

    def organes_label(self) -> str | None:
        """The bodies the rule covers, in French, when its file says so (« tous », a list)."""
        if self.organes is None:
            return None
        if self.organes == "tous":
            return "tous les organes délibérants"
        return ", ".join(BODY_LABELS.get(n, n.replace("_", " ")) for n in self.organes)

    def libelle(self, name: str) -> str:
        """The French label of a computed value, as the rule file gives it."""
        return self.libelles.get(name) or name.replace("_", " ")

    def url(self, version: Version | None = None, date: dt.date | None = None) -> str | None:
        """The Légifrance address of the article, at `date` when given (the version in force then)."""
        legiarti = (version or self.versions[-1]).legiarti
        if legiarti is None:
            return None
        url = LEGIFRANCE[self.code].format(legiarti)
        return f"{url}/{date.isoformat()}" if date else url
