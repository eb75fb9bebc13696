"""Synthetic headers of deliberations: the phrasing matrix of the reader's heading (issue 11).

Each builder draws, from a `random.Random`, one way real extracts write a fact — the opening formula
in words or digits, the time before or after the date, apostrophes lost, capitals, line breaks,
OCR noise (« l2 » for 12), the quoted dates that are not the meeting's (an approved procès-verbal,
the convocation, the posting and transmission stamps, another body's deliberation, a printing
date) — and returns the text with the truth it encodes. Nothing here is copied from a document:
the words are the forms the issue lists and the tuning texts use, recombined.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre"]
JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_UNITES = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
           "treize", "quatorze", "quinze", "seize"]
_DIZAINES = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante"}


def en_lettres(n: int, rng: random.Random | None = None) -> str:
    """French words for 0 ≤ n < 100 (« vingt et un » or « vingt-et-un », both in use)."""
    if n < 17:
        return _UNITES[n]
    if n < 20:
        return "dix-" + _UNITES[n - 10]
    if n < 60:
        tens, unit = _DIZAINES[n - n % 10], n % 10
        if unit == 0:
            return tens
        if unit == 1:
            return tens + (" et un" if rng is None or rng.random() < 0.6 else "-et-un")
        return f"{tens}-{_UNITES[unit]}"
    if n < 80:
        return "soixante" + ("-et-onze" if n == 71 else "" if n == 60 else "-" + en_lettres(n - 60))
    return "quatre-vingt" + ("s" if n == 80 else "-" + en_lettres(n - 80))


def annee_en_lettres(year: int, rng: random.Random) -> str:
    mille = rng.choice(["mille", "mil"]) if year >= 2000 else "mille"
    rest = year % 1000
    words = f"deux {mille}" + (f" {en_lettres(rest, rng)}" if rest else "")
    style = rng.random()
    if style < 0.15:
        return words.replace(" ", "-")          # « deux-mille-vingt-trois » (1990 spelling)
    if style < 0.3:
        return words.replace("-", " ")          # « deux mille vingt trois »: hyphens lost
    return words


def jour_en_lettres(day: int, rng: random.Random) -> str:
    return "premier" if day == 1 else en_lettres(day, rng)


def jour_en_chiffres(day: int, rng: random.Random) -> str:
    if day == 1:
        return rng.choice(["1er", "1er", "1", "01"])
    return rng.choice([str(day), f"{day:02d}"]) if day < 10 else str(day)


def date_en_lettres(date: dt.date, rng: random.Random, weekday: bool = False) -> str:
    lead = f"{JOURS[date.weekday()]} " if weekday else ""
    return f"{lead}{jour_en_lettres(date.day, rng)} {MOIS[date.month - 1]} {annee_en_lettres(date.year, rng)}"


def date_ecrite(date: dt.date, rng: random.Random, weekday: bool = False, numeric: bool = True) -> str:
    """A date as extracts print it: digits and month, all in words, or all in figures."""
    lead = f"{JOURS[date.weekday()]} " if weekday else ""
    forms = ["mois", "mois", "lettres"] + (["slash", "points"] if numeric else [])
    form = rng.choice(forms)
    if form == "lettres":
        return date_en_lettres(date, rng, weekday)
    if form == "slash":
        return f"{lead}{date.day:02d}/{date.month:02d}/{date.year if rng.random() < 0.8 else date.year % 100:02d}"
    if form == "points":
        return f"{lead}{date.day:02d}.{date.month:02d}.{date.year}"
    return f"{lead}{jour_en_chiffres(date.day, rng)} {MOIS[date.month - 1]} {date.year}"


def heure_ecrite(hour: int, minute: int, rng: random.Random) -> str:
    if rng.random() < 0.35:
        words = f"{en_lettres(hour, rng)} heure{'s' if hour > 1 else ''}"
        if minute == 30 and rng.random() < 0.4:
            return words + " trente" if rng.random() < 0.5 else words + " et demie"
        return words + (f" {en_lettres(minute, rng)}" if minute else "")
    forms = [f"{hour}h{minute:02d}", f"{hour} h {minute:02d}", f"{hour}H{minute:02d}", f"{hour} heures {minute:02d}",
             f"{hour}:{minute:02d}", f"{hour}h {minute:02d}"]
    if minute == 0:
        forms += [f"{hour}h", f"{hour} heures", f"{hour} H"]
    return rng.choice(forms)


COMMUNES = ["Saint-Ay", "Lons-le-Saunier", "Montreuil", "Villeneuve-d'Ascq", "Bourg-en-Bresse", "Chalon-sur-Saône",
            "Les Herbiers", "L'Isle-Jourdain", "Saint-Jean-de-Luz", "Arcachon", "Annecy", "Quimper"]
PLACES = ["de la Vallée de l'Ain", "du Pays de Gex", "des Monts du Lyonnais", "de la Haute-Saône", "du Val de Loire",
          "Rhône-Alpes Sud", "du Bassin de Thau", "de la Région d'Arcachon"]


@dataclass
class Corps:
    """An assembly and its body: the words that name them, and the truth they encode."""

    nature: str
    nom: str
    assemblee: str
    entete: str
    dans_la_phrase: str
    membres: str = "conseillers municipaux"
    ville: str = ""


def corps(rng: random.Random) -> Corps:
    kind = rng.choice(["commune", "commune", "commune_nouvelle", "cc", "ca", "sivom", "syndicat_eaux", "mixte",
                       "metropole", "syndicat_sigle", "syndicat_long"])
    commune = rng.choice(COMMUNES)
    place = rng.choice(PLACES)
    if kind in ("commune", "commune_nouvelle"):
        de = "d'" if commune[0] in "AEIOUÉ" else "de "
        nom = f"Commune {de}{commune}"
        entete = rng.choice([f"COMMUNE {de.upper()}{commune.upper()}", f"Commune {de}{commune}",
                             f"MAIRIE {de.upper()}{commune.upper()}", f"Ville {de}{commune}"])
        if kind == "commune_nouvelle":
            entete = rng.choice([f"COMMUNE NOUVELLE {de.upper()}{commune.upper()}", f"Commune nouvelle {de}{commune}"])
        return Corps("commune", nom, "conseil municipal", entete,
                     rng.choice([f"le conseil municipal de la commune {de}{commune}",
                                 f"le Conseil Municipal {de}{commune}", "le conseil municipal"]), ville=commune)
    if kind == "cc":
        nom = f"Communauté de communes {place}"
        entete = rng.choice([nom.upper(), nom.upper().replace("É", "E"), f"Communauté de Communes {place}"])
        return Corps("communaute_de_communes", nom, "conseil communautaire", entete,
                     rng.choice([f"le conseil communautaire de la {nom[0].lower()}{nom[1:]}", "le conseil communautaire",
                                 "le Conseil de Communauté"]), "conseillers communautaires")
    if kind == "ca":
        nom = f"Communauté d'agglomération {place}"
        return Corps("communaute_d_agglomeration", nom, "conseil communautaire",
                     rng.choice([nom.upper(), nom]), "le conseil communautaire", "conseillers communautaires")
    if kind == "metropole":
        nom = f"Métropole {place}"
        return Corps("metropole", nom, "conseil de la métropole", nom.upper(), "le conseil de la Métropole",
                     "conseillers métropolitains")
    if kind == "sivom":
        nom = f"SIVOM {place}"
        return Corps("syndicat_de_communes", nom, "comité syndical", rng.choice([f"Comité syndical du {nom}", nom]),
                     f"le comité syndical du {nom}", "délégués")
    if kind == "syndicat_eaux":
        nom = f"Syndicat intercommunal des eaux {place}"
        if rng.random() < 0.3:
            nom = f"SIAEP {place}"
            return Corps("syndicat_de_communes", nom, "comité syndical", nom, f"le comité syndical du {nom}", "délégués")
        return Corps("syndicat_de_communes", nom, "comité syndical", nom.upper(),
                     rng.choice(["le comité syndical", "le Comité Syndical", "le conseil syndical"]), "délégués")
    if kind == "syndicat_sigle":
        # A syndicate named by what it does, its initials in brackets or dotted, then its place.
        lieu = rng.choice([p for p in PLACES if p.startswith(("de ", "du ", "des "))])
        nature, nom = rng.choice([
            ("syndicat_de_communes", f"Syndicat intercommunal à vocation unique (SIVU) {lieu}"),
            ("syndicat_de_communes", f"Syndicat intercommunal à vocation scolaire (SIVOS) {lieu}"),
            ("syndicat_de_communes", f"Syndicat intercommunal d'alimentation en eau potable (SIAEP) {lieu}"),
            ("syndicat_de_communes", f"S.I.V.O.M. {lieu}"),
            ("syndicat_mixte", f"Syndicat mixte de collecte et de traitement des ordures ménagères (SMICTOM) {lieu}"),
            ("syndicat_mixte", f"Syndicat Mixte de Collecte et de Traitement des Ordures Ménagères (SMICTOM) {lieu}"),
        ])
        entete = rng.choice([nom, nom.upper() if "." not in nom else nom, f"Comité syndical du {nom}"])
        return Corps(nature, nom.replace(".", "") if nom.startswith("S.") else nom, "comité syndical", entete,
                     rng.choice(["le comité syndical", "le Comité Syndical"]), "délégués")
    if kind == "syndicat_long":
        # A syndicate whose name runs on in words the name reader may not follow — what it does, in
        # lower case between capitals, a saint's name in lower case: read whole, or not at all.
        lieu = rng.choice([p for p in PLACES if p.startswith(("de ", "du ", "des "))])
        nature, nom = rng.choice([
            ("syndicat_de_communes", f"Syndicat intercommunal {lieu} pour la Collecte et le Traitement des Ordures Ménagères"),
            ("syndicat_de_communes", f"Syndicat Départemental de Traitement et de Valorisation des Ordures Ménagères "
                                     f"et déchets assimilés {lieu}"),
            ("syndicat_de_communes", "Syndicat intercommunal de regroupement scolaire Le Breuil saint-Martin La Forêt"),
            ("syndicat_mixte", f"Syndicat mixte {lieu} pour l'Aménagement et la gestion des Rivières"),
        ])
        entete = rng.choice([nom, nom.upper(), f"Comité syndical du {nom}"])
        return Corps(nature, nom, "comité syndical", entete, rng.choice(["le comité syndical", "le Comité Syndical"]),
                     "délégués")
    nom = f"Syndicat mixte {place}"
    return Corps("syndicat_mixte", nom, "comité syndical", rng.choice([nom.upper(), nom]), "le comité syndical",
                 "délégués")


@dataclass
class Entete:
    """A heading and opening formula, with what a careful reader takes from them."""

    texte: str
    date: dt.date
    heure: str | None
    convocation: dt.date | None
    corps: Corps
    formule: str
    pieges: list = field(default_factory=list)
    bruit_ocr: bool = False
    # The stamps placed among the traps: « affichage » and « transmission » dates.
    tampons: dict = field(default_factory=dict)


def _apostrophes(text: str, rng: random.Random) -> str:
    mode = rng.choice(["'", "'", "\u2019", " ", ""])
    if mode == "":
        # Lost without a space only where the reader can tell (« Lan », « sest »), as extraction does.
        return text.replace("L'an", "Lan").replace("s'est", "sest")
    return text.replace("'", mode)


def _retours(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(1, len(words)) if len(words) > 1 else 0
        words[i] = "\n" + words[i]
    return " ".join(words).replace(" \n", "\n")


def entete(rng: random.Random, pieges: bool = True) -> Entete:
    date = dt.date(2008, 1, 1) + dt.timedelta(days=rng.randrange(0, 6900))
    hour, minute = rng.choice([18, 19, 20, 20, 9, 14, 17, 18]), rng.choice([0, 0, 0, 30, 15, 45])
    heure = None if rng.random() < 0.15 else f"{hour:02d}:{minute:02d}"
    temps = heure_ecrite(hour, minute, rng) if heure else ""
    a_temps = f" à {temps}" if heure else ""
    c = corps(rng)
    convocation = date - dt.timedelta(days=rng.randint(3, 12)) if rng.random() < 0.8 else None
    convoque = ""
    ligne_convocation = None
    if convocation and rng.random() < 0.4:
        # The convocation on a line of its own, in the heading's box or after the formula.
        ligne_convocation = rng.choice([
            f"Date de convocation : {convocation:%d/%m/%Y}",
            f"Date de la convocation : {date_ecrite(convocation, rng)}",
            f"Convocation envoyée le {date_ecrite(convocation, rng)}",
            f"Date d'envoi de la convocation : {date_ecrite(convocation, rng)}",
            f"Les conseillers ont été convoqués le {date_ecrite(convocation, rng)}.",
            f"La convocation a été adressée aux membres le {date_ecrite(convocation, rng)} par voie dématérialisée.",
            f"Convocation du {date_ecrite(convocation, rng)}",
            f"Convoqué le : {convocation:%d/%m/%Y}",
            f"La convocation a été remise au domicile des conseillers le {date_ecrite(convocation, rng)}.",
        ])
    elif convocation:
        convoque = rng.choice([
            f", légalement convoqué le {date_ecrite(convocation, rng)},",
            f", régulièrement convoqué le {date_ecrite(convocation, rng)},",
            f", dûment convoqué le {date_ecrite(convocation, rng, numeric=False)},",
            f", sur convocation en date du {date_ecrite(convocation, rng)},",
            f", convoqué par courrier en date du {date_ecrite(convocation, rng)},",
        ])
    verbe = rng.choice(["s'est réuni", "s'est réuni", "s'est assemblé", "s'est réuni en session ordinaire",
                        "s'est légalement réuni", "s'est réuni au nombre prescrit par la loi"])
    ailleurs = rng.choice([x for x in COMMUNES if x not in c.nom])
    lieu = rng.choice([" à la mairie", " au lieu habituel de ses séances", " à la salle des fêtes", "",
                       f" à la salle polyvalente de {ailleurs}", f" au siège, à {ailleurs}"])
    sujet = c.dans_la_phrase
    formule = rng.choice(["lan_lettres", "lan_chiffres", "le_date", "reuni_le", "heure_avant", "lan_lettres",
                          "titre_seul", "se_sont_reunis"])
    weekday = rng.random() < 0.4
    if formule == "lan_lettres":
        jour = jour_en_lettres(date.day, rng)
        texte = (f"L'an {annee_en_lettres(date.year, rng)}{rng.choice([',', ',', ' et', ''])} le "
                 f"{JOURS[date.weekday()] + ' ' if weekday else ''}"
                 f"{jour} {MOIS[date.month - 1]}{a_temps}, {sujet}{convoque} {verbe}{lieu}")
    elif formule == "lan_chiffres":
        texte = (f"L'an {date.year}, le {JOURS[date.weekday()] + ' ' if weekday else ''}"
                 f"{jour_en_chiffres(date.day, rng)} {MOIS[date.month - 1]}{a_temps}, {sujet}{convoque} {verbe}{lieu}")
    elif formule == "le_date":
        texte = f"Le {date_ecrite(date, rng, weekday)}{a_temps}, {sujet}{convoque} {verbe}{lieu}"
    elif formule == "reuni_le":
        sujet = sujet[0].upper() + sujet[1:]
        texte = f"{sujet}{convoque} {verbe}{lieu} le {date_ecrite(date, rng, weekday)}{a_temps}"
    elif formule == "titre_seul":
        # The date only in the title above; the formula gives the hour.
        sujet = sujet[0].upper() + sujet[1:]
        texte = (f"{rng.choice(['SÉANCE DU', 'Séance ordinaire du', 'Réunion du ' + c.assemblee + ' du'])} "
                 f"{date_ecrite(date, rng, weekday)}\n{sujet}{convoque} {verbe}{lieu}{a_temps}")
    elif formule == "se_sont_reunis":
        texte = (f"Le {date_ecrite(date, rng, weekday)}{a_temps}, les {c.membres}{convoque} se sont réunis{lieu}")
    else:
        texte = (f"{'À ' + temps + ', le' if heure else 'Le'} {date_ecrite(date, rng, weekday)}, {sujet}{convoque}"
                 f" {verbe}{lieu}")
    texte += ", sous la présidence de M. Jean DUPONT."
    if rng.random() < 0.2:
        texte = texte.upper()
    bruit = False
    if rng.random() < 0.15 and "1" in str(date.day) and formule in ("lan_chiffres", "le_date", "reuni_le", "heure_avant"):
        day = str(date.day)
        noisy = day.replace("1", rng.choice(["l", "I"]))
        for written in (f" {day} {MOIS[date.month - 1]}", f" {day} {MOIS[date.month - 1].upper()}", f" {date.day:02d}/",
                        f" {date.day:02d}."):
            if written in texte:
                texte = texte.replace(written, written.replace(day, noisy), 1)
                bruit = True
                break
    texte = _apostrophes(texte, rng)
    texte = _retours(texte, rng)
    titre = rng.choice(["EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", "Extrait du registre des délibérations du "
                        + c.assemblee, "PROCÈS-VERBAL", "DÉLIBÉRATION"])
    if c.nature != "commune" and rng.random() < 0.15:
        # No title: the heading's name runs straight into the roll or the president's words (the line
        # break lost by extraction).
        titre = rng.choice(["Représentant la commune de Saint-Ay : M. Jean DUPONT", "DÉLÉGUÉS TITULAIRES PRÉSENTS :",
                            "Monsieur le Président ouvre la séance.", "Étaient présents les délégués suivants :",
                            "Président : M. Jean DUPONT", "Délégués suppléants : Mme Anne MARTIN"])
    avant, apres = [], []
    poses = []
    tampons: dict = {}
    if pieges:
        for piege in rng.sample(PIEGES, rng.randint(0, 4)):
            morceau = piege(date, rng)
            if isinstance(morceau, tuple):
                morceau, tampon = morceau
                if any(tampons.get(k, v) != v for k, v in tampon.items()):
                    # Two stamps of one kind with two dates: an act prints one.
                    continue
                tampons.update(tampon)
            poses.append(piege.__name__)
            (avant if rng.random() < 0.4 and piege.__name__ not in APRES_SEULEMENT else apres).append(morceau)
    presents = "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Paul DURAND."
    if c.nature != "commune" and rng.random() < 0.5:
        # The delegates of member communes, one line each: no line names the body.
        autres = rng.sample([x for x in COMMUNES if x != "Saint-Ay"], 2)
        presents = ("Délégués présents :\n" + "\n".join(f"Commune {'d' + chr(39) if x[0] in 'AEIOUÉ' else 'de '}{x} : "
                                                          f"{rng.choice(['Monsieur', 'M.', 'Madame', 'Mme'])} "
                                                          f"{rng.choice(['Jean', 'Anne', 'Paul'])} {x[:3].upper()}ET"
                                                          for x in autres))
    entete_lignes = [c.entete]
    if rng.random() < 0.4:
        # A letterhead: the State's motto, the département and arrondissement, an address.
        entete_lignes = rng.sample(["RÉPUBLIQUE FRANÇAISE", "Département de la Gironde", "Arrondissement de Bordeaux",
                                    "Liberté Égalité Fraternité"], 2) + entete_lignes
        if rng.random() < 0.5:
            # A mairie's address is in its commune; a community's or a syndicate's seat is in one of its members.
            ville = c.ville or ailleurs
            entete_lignes.append(f"12 place de la Mairie - 33000 {ville.upper()}")
    if rng.random() < 0.2:
        # A letter's date line above the minutes, written after the meeting.
        written = date + dt.timedelta(days=rng.randint(1, 20))
        # A commune's letters are dated from its own town; a community's or a syndicate's from its seat.
        entete_lignes.append(f"{c.ville or rng.choice(COMMUNES)}, le {date_ecrite(written, rng, numeric=False)}")
    if rng.random() < 0.3:
        apres.append(f"Vu la délibération du conseil municipal de la commune de {ailleurs} du 3 mai 2010 ;")
    if ligne_convocation:
        (avant if rng.random() < 0.5 else apres).insert(0, ligne_convocation)
    if c.nature == "commune" and c.dans_la_phrase != "le conseil municipal" and rng.random() < 0.25:
        # No heading: the body is named only inside the opening formula.
        entete_lignes = [line for line in entete_lignes if line != c.entete]
    corps_texte = "\n".join([*entete_lignes, titre, *avant, texte, presents, *apres,
                             "Objet : Budget primitif", "Après en avoir délibéré, adopte le budget."])
    return Entete(corps_texte, date, heure, convocation, c, formule, poses, bruit, tampons)


def proces_verbal_approuve(date: dt.date, rng: random.Random) -> str:
    prev = date - dt.timedelta(days=rng.randint(20, 90))
    return rng.choice([f"Approbation du procès-verbal de la séance du {date_ecrite(prev, rng)}.",
                       f"Le procès-verbal de la séance du {date_ecrite(prev, rng)} est approuvé à l'unanimité.",
                       f"Approbation du compte rendu de la réunion du {date_ecrite(prev, rng)}"])


def affichage(date: dt.date, rng: random.Random) -> str:
    later = date + dt.timedelta(days=rng.randint(1, 10))
    if rng.random() < 0.15:
        # A posting dated before the meeting (another paper's, or a misprint): never read, and the
        # record says why (`lecture.rejetees`).
        earlier = date - dt.timedelta(days=rng.randint(1, 40))
        return rng.choice([f"Affiché le {date_ecrite(earlier, rng)}.", f"Publié le {earlier:%d/%m/%Y}",
                           f"Mis en ligne le {date_ecrite(earlier, rng)}"]), {"avant_la_seance": earlier}
    forms = [(f"Affiché le {date_ecrite(later, rng)}.", {"affichage": later}),
             (f"Date d'affichage : {later:%d/%m/%Y}", {"affichage": later}),
             (f"Affiché à la porte de la mairie le {date_ecrite(later, rng)}", {"affichage": later}),
             (f"Publié le {later:%d/%m/%Y}", {"en_ligne": later}),
             (f"Mis en ligne le {date_ecrite(later, rng)}", {"en_ligne": later}),
             (f"Mise en ligne sur le site internet de la commune le {later:%d/%m/%Y}", {"en_ligne": later}),
             (f"Publié et affiché le {later:%d/%m/%Y}", {"en_ligne": later, "affichage": later}),
             (f"Affiché et publié le {date_ecrite(later, rng)}", {"en_ligne": later, "affichage": later}),
             (f"{rng.choice(['Affichage', 'Date de mise en affichage', 'Date de publication par affichage', 'Date d’affichage en mairie'])}"
              f"{rng.choice([' : ', ' :', ': '])}{later:%d/%m/%Y}", {"affichage": later}),
             (f"Publié ou notifié le {later:%d/%m/%Y}", {"en_ligne": later})]
    texte, tampons = rng.choice(forms)
    return (texte.upper() if rng.random() < 0.15 else texte), tampons


def transmission(date: dt.date, rng: random.Random) -> tuple:
    later = date + dt.timedelta(days=rng.randint(1, 15))
    posted = later + dt.timedelta(days=rng.randint(0, 3))
    actes = f"033-213300000-{later:%Y%m%d}-DEL{later.year}_12-DE"
    forms = [
        (f"Reçu en préfecture le {later:%d/%m/%Y}", {"transmission": later}),
        (f"Accusé de réception en préfecture {actes} Date de télétransmission : {later:%d/%m/%Y} "
         f"Date de réception préfecture : {later:%d/%m/%Y}", {"transmission": later, "envoi": later}),
        (f"Envoyé en préfecture le {later:%d/%m/%Y} Reçu en préfecture le {later:%d/%m/%Y} Affiché le ID : {actes}",
         {"transmission": later, "envoi": later}),
        (f"Certifié exécutoire compte tenu de la transmission en préfecture le {date_ecrite(later, rng, numeric=False)} "
         f"et de la publication le {date_ecrite(posted, rng, numeric=False)}", {"envoi": later, "en_ligne": posted}),
        (f"Acte rendu exécutoire après envoi en Préfecture le {later:%d-%m-%Y} et publication le {posted:%d-%m-%Y}",
         {"envoi": later, "en_ligne": posted}),
        (f"Transmis au représentant de l'État le {date_ecrite(later, rng)}.", {"envoi": later}),
        (f"Date de réception de l'AR : {later:%d/%m/%Y}", {"transmission": later}),
        (f"Visé par la sous-préfecture le {date_ecrite(later, rng)}", {"transmission": later}),
        (f"Rendu exécutoire après dépôt en préfecture le {later:%d/%m/%Y} et publication le {posted:%d/%m/%Y}",
         {"transmission": later, "en_ligne": posted}),
        (f"Exécutoire après publication le {date_ecrite(posted, rng)} et transmission au contrôle de légalité le "
         f"{date_ecrite(later, rng)}", {"envoi": later, "en_ligne": posted}),
    ]
    return rng.choice(forms)


def autre_deliberation(date: dt.date, rng: random.Random) -> str:
    prev = date - dt.timedelta(days=rng.randint(30, 700))
    return rng.choice([f"Vu la délibération du conseil communautaire du {date_ecrite(prev, rng)} ;",
                       f"Vu la délibération n° 2019-12 du comité syndical en date du {date_ecrite(prev, rng)},",
                       f"Considérant que par délibération du {date_ecrite(prev, rng)}, le conseil a décidé"])


def impression(date: dt.date, rng: random.Random) -> str:
    later = date + dt.timedelta(days=rng.randint(1, 400))
    return rng.choice([f"Imprimé le {later:%d/%m/%Y} Page 1/2", f"Édité le {date_ecrite(later, rng)}",
                       f"Date d'édition : {later:%d/%m/%Y}"])


def loi(date: dt.date, rng: random.Random) -> str:
    return rng.choice(["Vu la loi n° 2020-1379 du 14 novembre 2020 ;",
                       "Vu le décret du 3 mai 2016 relatif aux marchés ;"])


def proces_verbal_reproduit(date: dt.date, rng: random.Random) -> str:
    """The minutes approved, reproduced under their title: another meeting's own formula."""
    prev = date - dt.timedelta(days=rng.randint(20, 90))
    return (f"{rng.choice(['Approbation du procès-verbal de la séance du', 'Lecture du compte rendu du'])} "
            f"{date_ecrite(prev, rng)}\nL'an {annee_en_lettres(prev.year, rng)}, le {jour_en_lettres(prev.day, rng)} "
            f"{MOIS[prev.month - 1]}, le conseil s'est réuni sous la présidence de M. Jean DUPONT.")


PIEGES = [proces_verbal_approuve, affichage, transmission, autre_deliberation, impression, loi, proces_verbal_reproduit]
APRES_SEULEMENT = {"affichage", "transmission", "impression"}
