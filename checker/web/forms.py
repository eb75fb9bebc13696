"""The clerk's questions from a web form or a JSON body, with French errors naming the field.

The same questions as `delibcheck convocation` and `delibcheck quorum` (`checker.clerk`), and the
same refusals of impossible facts as their options (more present than the council counts, a proxy
from a member who comes); the answers are the rules', never this module's.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from checker.clerk.convocation import Convocation
from checker.clerk.quorum import Quorum
from checker.clerk.saisie import ALIASES, date_saisie
from checker.web.errors import ErreurWeb

NATURE_LABELS = {
    "commune": "commune", "syndicat_de_communes": "syndicat de communes",
    "syndicat_mixte_ferme": "syndicat mixte fermé", "syndicat_mixte_ouvert": "syndicat mixte ouvert",
    "communaute_de_communes": "communauté de communes", "communaute_d_agglomeration": "communauté d'agglomération",
    "communaute_urbaine": "communauté urbaine", "metropole": "métropole",
    "epci_a_fiscalite_propre": "EPCI à fiscalité propre", "departement": "département (non couvert)",
    "region": "région (non couverte)", "autre": "autre organe",
}
_BOUNDS = re.compile(r"(\d{1,9})[-–à](\d{1,9})")
VRAI = ("on", "oui", "vrai", "true", "1", "o")
FAUX = ("", "off", "non", "faux", "false", "0", "n")


def natures() -> tuple[str, ...]:
    """The natures the record schema admits (a test keeps this list equal to its enum)."""
    return tuple(NATURE_LABELS)


class Champs:
    """Typed access to a form (a multidict of texts) or a JSON object, each error naming its field."""

    def __init__(self, data: Any):
        if data is None:
            data = {}
        if not hasattr(data, "get"):
            raise ErreurWeb(400, "le corps doit être un objet JSON {\"champ\": valeur, …}", "(corps)")
        self.data = data

    def brut(self, key: str):
        value = self.data.get(key)
        if isinstance(value, str):
            value = value.strip()
            return value if value else None
        return value

    def liste(self, key: str) -> list:
        if hasattr(self.data, "getlist"):
            return [v for v in self.data.getlist(key) if not (isinstance(v, str) and not v.strip())]
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise ErreurWeb(400, "une liste est attendue", key)
        return value

    def date(self, key: str, required: bool = False) -> dt.date | None:
        value = self.brut(key)
        if value is None:
            if required:
                raise ErreurWeb(400, "date obligatoire (AAAA-MM-JJ ou JJ/MM/AAAA)", key)
            return None
        text = str(value)
        try:
            return date_saisie(text)
        except ValueError:
            raise ErreurWeb(400, f"date impossible « {text[:40]} » (attendu une date réelle, AAAA-MM-JJ ou "
                                 "JJ/MM/AAAA)", key)

    def entier(self, key: str, minimum: int = 0, required: bool = False) -> int | None:
        value = self.brut(key)
        if value is None:
            if required:
                raise ErreurWeb(400, "nombre obligatoire", key)
            return None
        if isinstance(value, bool) or isinstance(value, float):
            raise ErreurWeb(400, f"« {value} » n'est pas un nombre entier", key)
        text = str(value).replace("\u202f", "").replace(" ", "")
        if not re.fullmatch(r"-?\d{1,9}", text):
            raise ErreurWeb(400, f"« {str(value)[:40]} » n'est pas un nombre entier", key)
        number = int(text)
        if number < minimum:
            what = "positif ou nul" if minimum == 0 else f"au moins égal à {minimum}"
            raise ErreurWeb(400, f"{number} n'est pas admis, le nombre doit être {what}", key)
        return number

    def population(self, key: str = "population"):
        """A number, or bounds « min-max » when only those are known (an estimated population: the
        rules then decide only what holds over the whole interval)."""
        value = self.brut(key)
        if isinstance(value, str):
            match = _BOUNDS.fullmatch(value.replace("\u202f", "").replace(" ", ""))
            if match:
                low, high = int(match.group(1)), int(match.group(2))
                if low > high:
                    raise ErreurWeb(400, f"bornes inversées « {value} » : la plus petite d'abord", key)
                return {"min": low, "max": high}
        return self.entier(key, 0)

    def booleen(self, key: str) -> bool:
        value = self.brut(key)
        if value is None or isinstance(value, bool):
            return bool(value)
        text = str(value).lower()
        if text in VRAI:
            return True
        if text in FAUX:
            return False
        raise ErreurWeb(400, f"« {str(value)[:40]} » : attendu oui ou non", key)

    def nature(self, key: str = "nature") -> str:
        value = self.brut(key) or "commune"
        text = ALIASES.get(str(value), str(value))
        if text not in natures():
            raise ErreurWeb(400, f"« {str(value)[:40]} » n'est pas admis ; valeurs admises : "
                                 f"{', '.join(natures() + tuple(ALIASES))}", key)
        return text

    def paires(self, key: str, separator: str, left: str, right: str, number: bool) -> list[tuple]:
        """Pairs given as JSON objects {left: …, right: …} or as lines « gauche<sep>droite »."""
        out = []
        for index, entry in enumerate(self.liste(key)):
            where = f"{key}[{index}]"
            if isinstance(entry, dict):
                a, b = entry.get(left), entry.get(right)
            elif isinstance(entry, str):
                lines = [line for line in entry.splitlines() if line.strip()]
                if len(lines) > 1:
                    out.extend(Champs({key: lines}).paires(key, separator, left, right, number))
                    continue
                a, sep, b = entry.rpartition(separator)
                if not sep:
                    a = b = None
            else:
                a = b = None
            a = a.strip() if isinstance(a, str) else a
            b = b.strip() if isinstance(b, str) else b
            if not a or b in (None, ""):
                shape = f"{left}{separator}{right}".upper()
                raise ErreurWeb(400, f"« {str(entry)[:60]} » ne suit pas la forme {shape}", where)
            if number:
                b = Champs({where: b}).entier(where, 0, required=True)
            elif not isinstance(b, str):
                raise ErreurWeb(400, f"« {right} » doit être un nom", where)
            out.append((a, b))
        return out


def convocation(champs: Champs) -> Convocation:
    nature = champs.nature()
    population = champs.population("population")
    membres = champs.paires("membres", "=", "nom", "population", number=True)
    if nature == "commune":
        if population is None:
            raise ErreurWeb(400, "population obligatoire pour une commune (population municipale retenue au dernier "
                                 "renouvellement général)", "population")
        if membres:
            raise ErreurWeb(400, "les communes membres ne valent que pour un syndicat ou un EPCI (nature)", "membres")
    elif not membres and nature != "syndicat_mixte_ouvert":
        raise ErreurWeb(400, "donner les communes membres et leur population : « Ville=4000 », une par ligne",
                        "membres")
    return Convocation(champs.date("seance", required=True), nature, population, membres,
                       champs.booleen("urgence"), champs.booleen("alsace_moselle"),
                       champs.booleen("premiere_reunion"), champs.booleen("icpe"), champs.date("envoi"))


def quorum(champs: Champs, today: dt.date | None = None) -> Quorum:
    en_exercice = champs.entier("en_exercice", 1, required=True)
    presents = champs.entier("presents", 0, required=True)
    pouvoirs = champs.entier("pouvoirs", 0)
    mandats = champs.paires("mandats", ":", "mandant", "mandataire", number=False)
    if presents > en_exercice:
        raise ErreurWeb(400, f"{presents} présents pour {en_exercice} membres en exercice, c'est plus que le "
                             "conseil n'en compte", "presents")
    if mandats and pouvoirs is not None and pouvoirs != len(mandats):
        raise ErreurWeb(400, f"{pouvoirs} pouvoirs annoncés pour {len(mandats)} pouvoirs détaillés", "pouvoirs")
    pouvoirs = len(mandats) if pouvoirs is None else pouvoirs
    if presents + pouvoirs > en_exercice:
        raise ErreurWeb(400, f"{pouvoirs} pouvoirs pour {en_exercice - presents} membres absents ; seul un absent "
                             "peut donner pouvoir", "pouvoirs")
    givers = [a for a, _ in mandats]
    if len(set(givers)) != len(givers):
        raise ErreurWeb(400, "un même mandant ne peut donner qu'un pouvoir pour la séance", "mandats")
    for giver, holder in mandats:
        if giver == holder:
            raise ErreurWeb(400, f"pouvoir de « {giver} » à lui-même", "mandats")
    date = champs.date("date") or today or dt.date.today()
    return Quorum(date, en_exercice, presents, pouvoirs, champs.nature(), champs.booleen("alsace_moselle"),
                  champs.booleen("election"), mandats)
