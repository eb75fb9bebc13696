"""Deliberation records as a clerk or a document reader would write them (issue 4).

`dossiers()` draws one meeting with its body, members, presence, proxies, convocation, urgency
and deliberations (arrivals, departures, votes, publicity, transmission). The counts are drawn
near the thresholds the law uses (the majority, the third, 3 500 inhabitants, the L2121-2
brackets) so that both sides of each threshold are reached.

With `coherent=True` (the default) facts that say the same thing twice agree: the explicit
number present and the list of members, `representes` and the list of proxies, the convocation
date and the latest per-member sending, a deliberation's `presents` and the arrivals and
departures since the opening. The record may still be unlawful (proxies that break the rules,
votes that do not add up, a late convocation): what it does not do is contradict itself, so that
removing one of two redundant facts cannot change what the other one says. With `coherent=False`
the redundant facts are drawn independently.

Every key is checked against the record schema before it is written, so that a key the schema
drops makes the strategy omit it rather than produce invalid records.
"""
from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from pathlib import Path

import yaml
from hypothesis import strategies as st

from strategies.dates import dates_sensibles, periode_covid

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = yaml.safe_load((ROOT / "checker" / "schemas" / "seance.schema.yaml").read_text(encoding="utf-8"))
DEFS = SCHEMA["$defs"]

NATURES = tuple(DEFS["collectivite"]["properties"]["nature"]["enum"])
NATURES_OU_ABSENTE = st.one_of(st.none(), st.just("commune"), st.sampled_from(NATURES))
NATURES_SYNDICALES = tuple(n for n in NATURES if n not in ("commune", "autre"))

# L2121-2: population brackets and the council sizes they give (cgct.md §8.1, with the 2014 and
# 2026 small-commune rows).
SEUILS_L2121_2 = (100, 500, 1000, 1500, 2500, 3500, 5000, 10000, 20000, 30000, 40000, 50000, 60000,
                  80000, 100000, 150000, 200000, 250000, 300000)
EFFECTIFS_L2121_2 = (5, 7, 9, 11, 13, 15, 19, 23, 27, 29, 33, 35, 39, 43, 45, 49, 53, 55, 59, 61, 65, 69)

DEPARTEMENTS = ("35", "57", "67", "68", "75", "01", "2A", "2B", "971", "976", "13")

PRENOMS = ("Jean", "Claire", "Élodie", "Marc", "Anne-Sophie", "Hervé", "Zoé", "Loïc", "Maëlle", "Paul",
           "Inès", "Noël", "Agnès", "Théo", "Léa")
NOMS = ("MARTIN", "DUPONT", "LEFÈVRE", "N'DIAYE", "O'BRIEN", "DE LA TOUR", "MÜLLER", "GARÇON", "ROUX",
        "BERNARD", "PETIT", "FAURE")
# Distinct even when accents and case are ignored (ruleset.names.fold_name).
NOMS_DE_MEMBRES = tuple(f"{p} {n}" for n in NOMS for p in PRENOMS)

BOOLEENS = st.booleans()


@lru_cache(maxsize=None)
def entiers(low: int, high: int) -> st.SearchStrategy:
    """`st.integers(low, high)`, built once: a strategy drawn thousands of times is built once."""
    return st.integers(low, high)


@lru_cache(maxsize=None)
def parmi(*values) -> st.SearchStrategy:
    """`st.sampled_from(values)`, built once."""
    return st.sampled_from(values)


SOURCES = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
TEXTES = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)


def admis(definition: str, data: dict) -> dict:
    """`data` without the keys the schema does not define for `definition`."""
    allowed = DEFS[definition]["properties"]
    return {k: v for k, v in data.items() if k in allowed and v is not None}


def populations() -> st.SearchStrategy:
    """Around 3 500 inhabitants, around an L2121-2 bracket, or anything up to Paris."""
    return st.one_of(
        st.sampled_from((3499, 3500, 3501)),
        entiers(3300, 3700),
        st.sampled_from(SEUILS_L2121_2).flatmap(lambda s: parmi(s - 1, s, s + 1)),
        entiers(0, 2_200_000),
    )


POPULATIONS = populations()


def effectifs() -> st.SearchStrategy:
    """Members en exercice: a full council of the L2121-2 table, one with vacant seats, or a tiny one."""
    return st.one_of(
        st.sampled_from(EFFECTIFS_L2121_2),
        st.sampled_from(EFFECTIFS_L2121_2).flatmap(lambda n: entiers(max(1, n - 4), n)),
        entiers(1, 8),
    )


EFFECTIFS = effectifs()


@lru_cache(maxsize=None)
def autour(*seuils: int, borne: int) -> st.SearchStrategy:
    """An integer in [0, borne], most of the time within two of one of `seuils`."""
    near = [x for s in seuils for x in range(s - 2, s + 3) if 0 <= x <= borne]
    parts = [entiers(0, borne)]
    if near:
        parts.insert(0, st.sampled_from(sorted(set(near))))
    return st.one_of(*parts)


def fait(draw, valeur, affirmable: bool = False):
    """`valeur` as written, or wrapped with its source, or (when allowed) only asserted.

    A plain function called with `draw` (not a strategy): it runs for most facts of every record.
    """
    kind = draw(entiers(0, 9))
    if kind <= 6:
        return valeur
    if kind <= 8 or not affirmable:
        out = {"valeur": valeur}
        if draw(BOOLEENS):
            out["source"] = draw(SOURCES)
        if draw(BOOLEENS):
            out["confiance"] = draw(st.floats(0, 1, allow_nan=False))
        return out
    out = {"affirme": True}
    if draw(BOOLEENS):
        out["source"] = draw(SOURCES)
    return out


@st.composite
def collectivites(draw, natures=None):
    nature = draw(parmi(*natures) if natures else NATURES_OU_ABSENTE)
    data: dict = {"nature": nature}
    if draw(BOOLEENS):
        data["nom"] = fait(draw, draw(TEXTES))
    if nature in (None, "commune", "autre") or draw(BOOLEENS):
        if draw(entiers(0, 3)):
            data["population"] = fait(draw, draw(POPULATIONS), affirmable=True)
    if nature in NATURES_SYNDICALES:
        membres = draw(st.lists(st.tuples(POPULATIONS, entiers(0, 5)), min_size=1, max_size=5))
        # One member in six has no known population: the 3 500 test is then undecidable.
        data["membres"] = [{"nom": f"Commune {i}", **({"population": p} if connue else {})}
                           for i, (p, connue) in enumerate(membres)]
    departement = draw(parmi(None, *DEPARTEMENTS))
    data["departement"] = departement
    if draw(entiers(0, 4)) == 0:
        data["alsace_moselle"] = fait(draw, departement in ("57", "67", "68") if departement else draw(BOOLEENS))
    if draw(entiers(0, 3)) == 0:
        data["effectif_legal"] = draw(parmi(*EFFECTIFS_L2121_2))
    if draw(entiers(0, 5)) == 0:
        data["reputee_complete"] = draw(BOOLEENS)
    return admis("collectivite", data)


def _nombre(draw, valeur: int, coherent: bool, borne: int):
    """An explicit count: the true one, or (incoherent records) any count."""
    if coherent or draw(BOOLEENS):
        return valeur
    return draw(entiers(0, borne))


@st.composite
def dossiers(draw, dates=None, natures=None, coherent: bool = True, convocation_datee: bool = False,
             deliberations=(1, 3), avec_pouvoirs: bool = True, quorum_probable: bool = False,
             defauts_de_pouvoir=None):
    """One meeting record (see the module docstring).

    `quorum_probable` draws enough members present for the quorum of the date (the majority, a
    third in the COVID periods), most often right at it, so that a property about a quorum that
    held has cases to work on. `defauts_de_pouvoir` narrows the defects a proxy may have (one of
    them is then always drawn when there are proxies).
    """
    date = draw(dates if dates is not None else dates_sensibles())
    collectivite = draw(collectivites(natures))
    n = draw(EFFECTIFS)
    p = draw(autour(n // 2 + 1, math.ceil(n / 3), borne=n))
    if quorum_probable:
        p = max(p, math.ceil(n / 3) if periode_covid(date) else n // 2 + 1)
    noms = list(NOMS_DE_MEMBRES[:n]) if n <= len(NOMS_DE_MEMBRES) else [f"Membre {i}" for i in range(n)]
    presents, autres = noms[:p], noms[p:]

    # Proxies: valid ones go from a member who is away to a present member, one each (two in the
    # COVID periods); a drawn defect breaks one of them (cgct.md §3.1).
    limite = 2 if periode_covid(date) else 1
    pouvoirs: list[dict] = []
    if avec_pouvoirs and presents and autres:
        most = min(len(autres), len(presents) * limite)
        r = min(draw(st.one_of(entiers(0, 4), entiers(0, most))), most)   # a few proxies, most often
        for i, mandant in enumerate(autres[:r]):
            pouvoirs.append({"mandant": mandant, "mandataire": presents[i // limite]})
        # A giver who is present (or gives to himself) contradicts the roll, which says present:
        # only incoherent records draw those.
        defauts = ("deux_par_mandataire", "mandataire_absent", "inconnu", "non_ecrit", "quatrieme_seance") + (
            () if coherent else ("mandant_present", "soi_meme"))
        defaut = draw(parmi(*defauts_de_pouvoir) if defauts_de_pouvoir else parmi(None, None, None, *defauts))
        if pouvoirs and defaut:
            victime = pouvoirs[draw(entiers(0, len(pouvoirs) - 1))]
            if defaut == "deux_par_mandataire" and len(pouvoirs) >= 2:
                pouvoirs[0]["mandataire"] = pouvoirs[1]["mandataire"]
            elif defaut == "mandant_present":
                victime["mandant"] = presents[-1]
            elif defaut == "mandataire_absent" and len(autres) > r:
                victime["mandataire"] = autres[-1]
            elif defaut == "inconnu":
                victime["mandataire"] = "Personne INCONNUE"
            elif defaut == "soi_meme":
                victime["mandataire"] = victime["mandant"]
            elif defaut == "non_ecrit":
                victime["ecrit"] = False
            elif defaut == "quatrieme_seance":
                victime["seances_consecutives"] = 4
                victime["maladie"] = draw(BOOLEENS)
        extras = draw(entiers(0, 3))
        rang = draw(entiers(1, 3)) if extras >= 2 else None
        for pouvoir in pouvoirs:
            if extras in (1, 3):
                pouvoir.setdefault("ecrit", True)
            if rang is not None:
                pouvoir.setdefault("seances_consecutives", rang)
        pouvoirs = [admis("pouvoir", x) for x in pouvoirs]
    representes = {x["mandant"] for x in pouvoirs if x["mandant"] not in presents}

    seance: dict = {"date": fait(draw, date.isoformat())}
    if draw(entiers(0, 7)):
        seance["membres_en_exercice"] = fait(draw, _nombre(draw, n, coherent, 80), affirmable=True)
    facon = draw(parmi("nombre", "liste", "les_deux", "aucune"))
    if facon in ("nombre", "les_deux"):
        # Only asserted when no roll is written: the reader keeps an assertion over the count the
        # roll gives, so the two would not say the same thing.
        seance["presents"] = fait(draw, _nombre(draw, p, coherent, 80), affirmable=facon == "nombre" or not coherent)
    if facon in ("liste", "les_deux"):
        membres = []
        for i, nom in enumerate(noms):
            presence = ("present" if nom in presents else "represente" if nom in representes
                        else ("absent", "absent_excuse")[i % 2])
            membres.append({"nom": nom, "presence": presence})
        seance["membres"] = membres
    if pouvoirs or draw(BOOLEENS):
        style = draw(parmi("liste", "nombre", "les_deux"))
        if style in ("liste", "les_deux"):
            seance["pouvoirs"] = pouvoirs
        if style in ("nombre", "les_deux"):
            seance["representes"] = fait(draw, _nombre(draw, len(pouvoirs), coherent, 40))
    if presents and draw(BOOLEENS):
        seance["president"] = fait(draw, presents[0])
    if presents and draw(BOOLEENS):
        seance["secretaires"] = [presents[-1]]
    if draw(entiers(0, 3)) == 0:
        seance["heure"] = draw(parmi("18:30", "20h00", "09:05", "23:59"))

    convocation = draw(_convocations(date, noms, coherent, convocation_datee))

    count = draw(entiers(*deliberations))
    numeros = [f"{date.year}-{i + 1:02d}" for i in range(count)]
    # Arrivals (members away at the opening) and departures, each before one deliberation
    # (index 1 … count - 1); the lists of a deliberation hold every move since the opening.
    libres = [nom for nom in autres if nom not in representes]
    arrivals, departures = {}, {}
    if count > 1:
        for nom in libres[len(libres) - draw(entiers(0, min(2, len(libres)))):]:
            arrivals[nom] = draw(entiers(1, count - 1))
        for nom in presents[:draw(entiers(0, min(2, len(presents))))]:
            departures[nom] = draw(entiers(1, count - 1))
    if "membres" in seance and draw(BOOLEENS):
        for membre in seance["membres"]:
            if 0 < arrivals.get(membre["nom"], 0) <= count - 1:
                membre["arrivee_avant"] = numeros[arrivals[membre["nom"]]]
            if 0 < departures.get(membre["nom"], 0) <= count - 1:
                membre["depart_avant"] = numeros[departures[membre["nom"]]]
    if "membres" in seance:
        seance["membres"] = [admis("membre", m) for m in seance["membres"]]

    deliberations_ = []
    for k, numero in enumerate(numeros):
        arrivees = [nom for nom, at in arrivals.items() if 0 < at <= k]
        departs = [nom for nom, at in departures.items() if 0 < at <= k]
        deliberations_.append(draw(_deliberations(date, numero, p, len(pouvoirs), arrivees, departs, coherent)))

    record = {"seance": admis("seance", seance), "deliberations": deliberations_}
    if collectivite:
        record["collectivite"] = collectivite
    if convocation:
        record["convocation"] = convocation
    if draw(entiers(0, 9)) == 0:
        record["reference"] = draw(TEXTES)
    return record


# Days between sending and meeting, most often around the 1, 3 and 5 jours francs thresholds;
# sometimes negative: a record whose convocation left after the meeting (a reading error, or worse).
AVANCES = st.one_of(st.integers(-2, 8), st.integers(-5, 90), st.integers(-40, -1))


@st.composite
def _convocations(draw, date: dt.date, noms: list, coherent: bool, datee: bool):
    convocation: dict = {}
    avance = draw(AVANCES)
    envoi = date - dt.timedelta(days=avance)
    facon = draw(parmi("date", "date", "date", "envois", "affirmee", *(() if datee else ("aucune",))))
    if facon == "date":
        convocation["date_envoi"] = fait(draw, envoi.isoformat())
    elif facon == "affirmee":
        if datee:
            convocation["date_envoi"] = envoi.isoformat()
        else:
            convocation["date_envoi"] = {"affirme": True, "source": "convocation adressée cinq jours francs avant la séance"}
    elif facon == "envois":
        envois = []
        for i, nom in enumerate(noms[: draw(entiers(1, max(1, min(len(noms), 4))))]):
            jour = envoi if i == 0 else envoi - dt.timedelta(days=draw(entiers(0, 3)))
            item = {"membre": nom, "date_envoi": jour.isoformat()}
            if draw(BOOLEENS):
                item["canal"] = draw(parmi(*DEFS["canal"]["enum"]))
            if draw(entiers(0, 3)) == 0:
                item["date_reception"] = (jour + dt.timedelta(days=draw(entiers(0, 3)))).isoformat()
            envois.append(admis("envoi", item))
        convocation["envois"] = envois
        if datee or draw(BOOLEENS):
            latest = max(dt.date.fromisoformat(e["date_envoi"]) for e in envois)
            if not coherent and draw(BOOLEENS):
                latest = latest + dt.timedelta(days=draw(entiers(-3, 3)))
            convocation["date_envoi"] = latest.isoformat()
    for key in ("urgence", "note_explicative_synthese", "urgence_prononcee"):
        if draw(entiers(0, 2)) == 0:
            convocation[key] = fait(draw, draw(BOOLEENS), affirmable=key != "urgence")
    if draw(entiers(0, 9)) == 0:
        convocation["seconde_convocation"] = True
        convocation["date_seance_sans_quorum"] = (envoi - dt.timedelta(days=draw(entiers(0, 3)))).isoformat()
    if draw(entiers(0, 4)) == 0:
        convocation["canal"] = draw(parmi(*DEFS["canal"]["enum"]))
    return admis("convocation", convocation)


@st.composite
def _deliberations(draw, date, numero, p, r, arrivees, departs, coherent):
    deliberation: dict = {"numero": numero}
    if draw(BOOLEENS):
        deliberation["objet"] = fait(draw, draw(TEXTES))
    if arrivees:
        deliberation["arrivees"] = arrivees
    if departs:
        deliberation["departs"] = departs
    presents_ici = p + len(arrivees) - len(departs)
    if draw(entiers(0, 4)) == 0:
        deliberation["presents"] = _nombre(draw, presents_ici, coherent, 80)
    if draw(entiers(0, 4)) == 0:
        deliberation["icpe"] = draw(BOOLEENS)
    if draw(entiers(0, 4)) == 0:
        deliberation["reportee_faute_de_quorum"] = draw(BOOLEENS)
    nomination = draw(parmi(None, True, False))
    deliberation["nomination"] = nomination
    if nomination and draw(BOOLEENS):
        deliberation["election_executif"] = draw(BOOLEENS)
    if draw(entiers(0, 5)) == 0:
        deliberation["compte_administratif"] = True
        deliberation["maire_present_au_vote"] = draw(BOOLEENS)
    if draw(entiers(0, 2)):
        votants = presents_ici + (0 if arrivees or departs else r)
        if coherent and draw(BOOLEENS):
            pour = draw(entiers(0, max(0, votants)))
            contre = draw(entiers(0, max(0, votants - pour)))
            abstentions = max(0, votants - pour - contre)
        else:
            pour, contre, abstentions = (draw(entiers(0, 80)) for _ in range(3))
        vote = {"mode": draw(parmi(*DEFS["vote"]["properties"]["mode"]["enum"])),
                "pour": fait(draw, pour), "contre": contre, "abstentions": abstentions}
        if contre == 0 and abstentions == 0 and draw(BOOLEENS):
            vote["unanimite"] = True
        if draw(BOOLEENS):
            vote["resultat"] = "adoptee" if pour > contre else draw(parmi("adoptee", "rejetee"))
        deliberation["vote"] = admis("vote", vote)
    if draw(BOOLEENS):
        delay = dt.timedelta(days=draw(entiers(0, 40)))
        deliberation["publicite"] = {draw(parmi("date_affichage", "date_mise_en_ligne")): (date + delay).isoformat()}
    if draw(BOOLEENS):
        deliberation["transmission"] = {"date_reception": (date + dt.timedelta(days=draw(entiers(0, 70)))).isoformat()}
    return admis("deliberation", deliberation)
