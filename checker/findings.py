"""Findings: the checker's verdict, rule by rule, with its evidence and legal reference."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from ruleset.dates import format_date
from ruleset.values import Asserted, Interval, Unknown

CONFORME = "conforme"
NON_CONFORME = "non_conforme"
INDETERMINE = "indetermine"
NON_APPLICABLE = "non_applicable"
ERREUR = "erreur"
# Before the vote (`check --avant-vote`): undecidable only for facts the meeting has yet to produce
# (vote, signatures, publicity, transmission…). Nothing is wrong yet, so it is not non_conforme.
A_VENIR = "a_venir"

STATUS_LABELS = {
    CONFORME: "conforme",
    NON_CONFORME: "non conforme",
    INDETERMINE: "indéterminé",
    NON_APPLICABLE: "non applicable",
    ERREUR: "erreur",
    A_VENIR: "à venir",
}


@dataclass(slots=True)
class Fact:
    chemin: str
    valeur: object = None
    source: str | None = None
    affirme: bool = False

    def to_dict(self) -> dict:
        out = {"chemin": self.chemin}
        if not self.affirme and self.valeur is not None:
            out["valeur"] = format_value(self.valeur, iso=True)
        if self.affirme:
            out["affirme"] = True
        if self.source:
            out["source"] = self.source
        return out


@dataclass(slots=True)
class Finding:
    """A rule's verdict on one subject. Its message is rendered when first read (`render`, given
    by the engine): a lean report shows only those of non-compliant findings."""

    regle: str
    titre: str
    article: str
    alinea: str | None
    legiarti: str | None
    url: str | None
    version: str | None
    statut: str
    gravite: str
    _message: str | None
    chemin: str
    objet: str
    valeurs: dict = field(default_factory=dict)
    faits: list[Fact] = field(default_factory=list)
    manquants: list[Fact] = field(default_factory=list)
    ecartee_par: str | None = None
    erreur_regle: str | None = None
    # The French label of each computed value, from the rule file (shared, never copied).
    libelles: dict = field(default_factory=dict)
    # Why a finding that would be non_conforme rests on a doubtful reading (checker/confiance.py).
    doute: str | None = None
    render: Callable[[], str] | None = field(default=None, repr=False, compare=False)

    @property
    def message(self) -> str:
        if self._message is None and self.render is not None:
            self._message, self.render = self.render(), None
        return self._message

    @message.setter
    def message(self, value: str) -> None:
        self._message, self.render = value, None

    def __getstate__(self):
        # Pickled with its message: the function that renders it stays in this process.
        self.message
        return None, {name: getattr(self, name) for name in self.__slots__}

    def libelle(self, name: str) -> str:
        return self.libelles.get(name) or name.replace("_", " ")

    @property
    def asserted_only(self) -> bool:
        """Undecidable only because the document asserts a fact without giving it."""
        return self.statut == INDETERMINE and bool(self.manquants) and all(m.affirme for m in self.manquants)

    @property
    def point_de_droit(self) -> str | None:
        """« droit_incertain » or « droit_non_encode » when every missing fact is a point of law
        (uncertain, or not encoded) rather than a fact a document would give; else None."""
        return point_de_droit(self.manquants)

    def to_dict(self) -> dict:
        out = {
            "regle": self.regle, "titre": self.titre, "article": self.article, "alinea": self.alinea,
            "legiarti": self.legiarti, "url": self.url, "version": self.version,
            "statut": self.statut, "gravite": self.gravite, "message": self.message,
            "chemin": self.chemin, "objet": self.objet,
            "valeurs": {k: format_value(v, iso=True) for k, v in self.valeurs.items()},
            "faits": [f.to_dict() for f in self.faits],
            "manquants": [m.to_dict() for m in self.manquants],
        }
        self._flags(out)
        return out

    def _flags(self, out: dict) -> None:
        if self.asserted_only:
            out["affirme_seulement"] = True
        if self.ecartee_par:
            out["ecartee_par"] = self.ecartee_par
        if self.erreur_regle:
            out["erreur_regle"] = self.erreur_regle
        if self.doute:
            out["doute"] = self.doute


# The types whose values JSON gives as they are (`format_value(value, iso=True) is value`).
_AS_IS = frozenset((str, int, bool, type(None)))


def format_value(value, iso: bool = False):
    kind = type(value)
    if kind is str or kind is int or value is None:
        return value
    if kind is bool:
        return value if iso else ("oui" if value else "non")
    if kind is Unknown:
        return None if iso else "inconnu"
    if isinstance(value, dt.date):
        return value.isoformat() if iso else format_date(value)
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, list):
        if iso:
            # Text, numbers, booleans and null are JSON as they are: no call for each.
            return [v if type(v) in _AS_IS else format_value(v, iso) for v in value]
        return ", ".join(str(format_value(v)) for v in value)
    if isinstance(value, dict):
        # A part of the record read whole (a member, a proxy): an object in JSON, its fields in
        # text; it used to be the Python repr, which changed with the order of the keys in the file.
        if iso:
            return {k: v if type(v) in _AS_IS else format_value(v, iso) for k, v in value.items()}
        return "{" + ", ".join(f"{k} : {format_value(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, Asserted):
        return {"affirme": True} if iso else "affirmé"
    if kind is Interval:
        return {"min": format_value(value.lo, iso), "max": format_value(value.hi, iso)} if iso else value.label()
    if isinstance(value, (int, str)):
        return value
    return str(value)


def point_de_droit(missing) -> str | None:
    """See `Finding.point_de_droit`; `missing` the finding's missing facts."""
    if not missing:
        return None
    from ruleset.functions.incertitude import NON_ENCODE, PREFIXE
    if all(m.chemin.startswith(PREFIXE) for m in missing):
        return "droit_incertain"
    if all(m.chemin.startswith(NON_ENCODE) for m in missing):
        return "droit_non_encode"
    return None


def act_status(findings: list[Finding]) -> str:
    statuses = {f.statut for f in findings}
    for status in (ERREUR, NON_CONFORME, INDETERMINE, A_VENIR, CONFORME):
        if status in statuses:
            return status
    return NON_APPLICABLE
