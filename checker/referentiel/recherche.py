"""Which body a record is about: by SIREN (given, or read in an ACTES identifier), INSEE code, or
name (and département). A name that fits several bodies is ambiguous: nothing is chosen."""
from __future__ import annotations

import datetime as dt
import re

from checker.referentiel.donnees import Commune, Donnees, Epci
from checker.referentiel.noms import cle

# DDD-SIREN-AAAAMMJJ-… (ecosystem.md): the département, then the SIREN of the body that sends the act.
ACTES = re.compile(r"^(\d{3}|02A|02B)-(\d{9})-")
INSEE = re.compile(r"^(\d{2}|2A|2B)\d{3}$")
SIREN = re.compile(r"^\d{9}$")
NATURES_EPCI = ("communaute_de_communes", "communaute_d_agglomeration", "communaute_urbaine", "metropole",
                "epci_a_fiscalite_propre")
NATURES_SYNDICAT = ("syndicat_de_communes", "syndicat_mixte_ferme", "syndicat_mixte_ouvert")


class Trouve:
    """A body of the reference data, and how it was found."""

    __slots__ = ("commune", "epci", "comment", "ancien_nom")

    def __init__(self, commune: Commune | None = None, epci: Epci | None = None, comment: str = "",
                 ancien_nom: bool = False):
        self.commune = commune
        self.epci = epci
        self.comment = comment
        self.ancien_nom = ancien_nom

    @property
    def nom(self) -> str:
        return self.commune.nom if self.commune else self.epci.nom


class Recherche:
    """The outcome of a look-up: a body, or why none (ambiguous, unknown, not covered)."""

    __slots__ = ("trouve", "motif", "candidats")

    def __init__(self, trouve: Trouve | None = None, motif: str | None = None, candidats: list | None = None):
        self.trouve = trouve
        self.motif = motif
        self.candidats = list() if candidats is None else candidats


def departement_de(valeur: str | None) -> str | None:
    """« 059 » (ACTES), « 59 », « 2A », « 971 » → the code of the data (« 59 », « 2A », « 971 »)."""
    if not valeur:
        return None
    valeur = valeur.upper()
    if len(valeur) == 3 and valeur.startswith("0"):
        valeur = valeur[1:]
    return valeur


def par_siren(data: Donnees, siren: str, comment: str) -> Recherche:
    commune = data.commune_par_siren(siren)
    if commune is not None:
        return Recherche(Trouve(commune=commune, comment=comment))
    epci = data.epci(siren)
    if epci is not None:
        return Recherche(Trouve(epci=epci, comment=comment))
    return Recherche(motif=f"SIREN {siren} absent du référentiel (les syndicats n'y figurent pas : "
                           "SIVU, SIVOM, syndicats mixtes)")


def par_insee(data: Donnees, code: str, comment: str) -> Recherche:
    commune = data.commune(code)
    if commune is None:
        return Recherche(motif=f"code INSEE {code} absent du référentiel")
    return Recherche(Trouve(commune=commune, comment=comment))


def par_nom(data: Donnees, nom: str, departement: str | None, date: dt.date, nature: str | None) -> Recherche:
    """The commune or EPCI named `nom` on `date` (in `departement` when given).

    Names of the day come first; former names (communes déléguées, merged communes, earlier
    names) only when no body bears the name that day. Several bodies: ambiguous, none chosen."""
    key = cle(nom)
    if not key:
        return Recherche(motif=f"nom « {nom} » vide une fois normalisé")
    index = data.version_a(date)
    label = f"nom « {nom} »" + (f", département {departement}" if departement else "")
    if nature is None or nature == "commune":
        communes = [c for c in data.communes_par_cle(key) if c.presente[index]
                    and (departement is None or c.departement == departement)]
        current = [c for c in communes if key in c.cles]
        former = [c for c in communes if key not in c.cles]
        chosen = current or former
        if len(chosen) == 1:
            ancien = not current
            how = label + (" (ancien nom ou commune déléguée)" if ancien else "")
            return Recherche(Trouve(commune=chosen[0], comment=how, ancien_nom=ancien))
        if len(chosen) > 1:
            names = [f"{c.nom} ({c.departement}, {c.code})" for c in chosen]
            return Recherche(motif=f"{label} ambigu : {len(chosen)} communes le portent ({', '.join(names[:8])})",
                             candidats=names)
    if nature is None or nature in NATURES_EPCI:
        epcis = [e for e in data.epci_par_cle(key) if e.listes[index] is not None or nature is not None]
        if departement is not None and len(epcis) > 1:
            epcis = [e for e in epcis if _epci_dans(data, e, index, departement)]
        if len(epcis) == 1:
            return Recherche(Trouve(epci=epcis[0], comment=label))
        if len(epcis) > 1:
            names = [f"{e.nom} ({e.siren})" for e in epcis]
            return Recherche(motif=f"{label} ambigu : {len(epcis)} EPCI le portent", candidats=names)
    if nature in NATURES_SYNDICAT:
        return Recherche(motif="syndicat : les syndicats (SIVU, SIVOM, syndicats mixtes) ne figurent pas au référentiel")
    return Recherche(motif=f"{label} : aucune collectivité de ce nom au référentiel")


def _epci_dans(data: Donnees, epci: Epci, index: int, departement: str) -> bool:
    members = data.membres(epci, index) or ()
    return any(code.startswith(departement) for code in members)


# Below this confidence a name read from a document does not identify the body.
NOM_DOUTEUX = 0.7


def identifier(data: Donnees, collectivite: dict, deliberations, date: dt.date, nature: str | None) -> Recherche:
    """The body of a record, from what identifies it best: SIREN, INSEE code, ACTES identifier,
    name. The first that the data knows is taken; what it does not know is said in the motive."""
    motifs = []
    siren = collectivite.get("siren")
    if isinstance(siren, str) and SIREN.match(siren):
        found = par_siren(data, siren, f"SIREN {siren} du dossier")
        if found.trouve is not None:
            return found
        motifs.append(found.motif)
    code = collectivite.get("code_insee")
    if isinstance(code, str) and INSEE.match(code):
        found = par_insee(data, code, f"code INSEE {code} du dossier")
        if found.trouve is not None:
            return found
        motifs.append(found.motif)
    departement = collectivite.get("departement")
    departement = departement_de(departement) if isinstance(departement, str) else None
    for deliberation in deliberations:
        transmission = deliberation.get("transmission") if isinstance(deliberation, dict) else None
        identifiant = transmission.get("identifiant_actes") if isinstance(transmission, dict) else None
        match = ACTES.match(identifiant) if isinstance(identifiant, str) else None
        if match:
            found = par_siren(data, match.group(2), f"SIREN {match.group(2)} de l'identifiant ACTES {identifiant}")
            if found.trouve is not None:
                return found
            motifs.append(found.motif)
            departement = departement or departement_de(match.group(1))
            break
    nom = collectivite.get("nom")
    read = getattr(collectivite, "_sources", None) or {}
    confidence = read.get("nom", (None, None))[1]
    if isinstance(nom, str) and confidence is not None and confidence < NOM_DOUTEUX:
        # A name the reader only guessed (named twice in the text, not in the heading): another
        # commune's population and council size must not come in on a guess.
        motifs.append(f"nom « {nom} » lu avec doute (confiance {confidence:g}) : pas d'identification par le nom")
        nom = None
    if isinstance(nom, str) and nom.strip() and not (nature in NATURES_SYNDICAT):
        found = par_nom(data, nom, departement, date, nature)
        if found.trouve is not None or found.candidats:
            return found
        motifs.append(found.motif)
    if nature in NATURES_SYNDICAT:
        motifs.append("syndicat : les syndicats (SIVU, SIVOM, syndicats mixtes) ne figurent pas au référentiel")
    if not motifs:
        motifs.append("le dossier ne donne ni SIREN, ni code INSEE, ni identifiant ACTES, ni nom de la collectivité")
    return Recherche(motif=" ; ".join(dict.fromkeys(motifs)))
