"""Write never-seen synthetic deliberation documents, labelled by construction (issue #11).

    python bench/corpus/inedits/ecrire.py DIR [--graine N] [--nombre N]

Writes DIR/gabarits/tenus/gNN.txt and gNN.json, so that

    python bench/reader_accuracy.py --corpus ../shared/corpus --extra DIR

scores them alone as its part « GABARITS TENUS À L'ÉCART ». See README.md beside this file: these
documents were written blind to the reader and to the older gabarits, and count as validation for
everyone but their author.

Each document is first described (body, era, meeting, what became of each seat, the deliberations
and their votes, the publicity), then written by choosing, independently, how each part is laid
out. Every renderer records in `Printed` what it put in the text; the label is derived from that
record by the corpus's convention (bench/corpus/README.md, « Convention d'étiquetage »): a fact is
labelled only when the text states it, or the convention derives it from what is stated.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
COG = ROOT / "checker" / "referentiel" / "donnees" / "cog.tsv"
SEED = 11_2026
NUMBER = 60

KINDS = ("commune_petite", "commune_grande", "epci", "syndicat")
ERAS = ("avant2020", "covid", "apres2022")
# Electronic publication became the default form of publicity of acts on 1 July 2022 (art. L2131-1 as
# amended by ordonnance 2021-1310); the COVID derogations on quorum and proxies ran from spring 2020.
ERA_SPANS = {"avant2020": (dt.date(2012, 1, 9), dt.date(2019, 12, 20)),
             "covid": (dt.date(2020, 6, 2), dt.date(2022, 6, 24)),
             "apres2022": (dt.date(2022, 7, 5), dt.date(2025, 11, 28))}

# ---------------------------------------------------------------------------------------------- persons
FIRST_M = """Jean Pierre Michel André Philippe Alain Bernard Jacques Daniel Christian Patrick Gérard Claude
Serge Thierry Didier Pascal Dominique Éric Laurent Frédéric Olivier Stéphane Christophe Nicolas Julien
Sébastien Vincent Franck Hervé Yves Gilles Bruno Marc Régis Lionel Guy Roger Henri Maurice Joël Francis
Jean-Pierre Jean-Claude Jean-Luc Jean-Marc Jean-François Jean-Paul Pierre-Yves Marc-Antoine Rémi Cédric
Fabrice Ludovic Arnaud Benoît Mathieu Guillaume Antoine Maxime Romain Thibault Loïc Yannick Gaëtan Hugues
Raymond Marcel Roland Gilbert Georges Jacky Albert Émile Damien Florent Xavier Karim Mehdi Samir""".split()
FIRST_F = """Marie Nathalie Isabelle Sylvie Catherine Françoise Martine Christine Monique Nicole Valérie Sandrine
Véronique Sophie Corinne Patricia Brigitte Chantal Annie Josiane Hélène Céline Stéphanie Aurélie Émilie
Julie Caroline Laurence Florence Agnès Anne Claire Pascale Danielle Odile Colette Jacqueline Ginette
Marie-Claude Marie-Hélène Anne-Marie Marie-Christine Marie-France Marie-Laure Anne-Sophie Élodie Virginie
Karine Delphine Nadia Samia Fatima Laetitia Mélanie Audrey Estelle Gaëlle Maryse Mireille Évelyne Josette
Yvette Jocelyne Bernadette Geneviève Michèle Solange Ghislaine Régine Murielle Aline Noëlle Carole
Marion Pauline Charlotte Manon Camille Lucie Océane""".split()
SURNAMES = """AUBERTIN BALLAND BARRIÈRE BASTIDE BEAUDOIN BELLANGER BERTHELOT BESNARD BILLAUD BLANCHET BOISSEAU
BONNEFOY BOUCHARD BOUDET BOULANGER BOURDON BRETON BRUNEL CADIOU CAILLAUD CAMUSAT CARPENTIER CASTAGNÉ
CHABOT CHAMPION CHARPENTIER CHASSAING CHAUVET CHEVALLIER CLÉMENT COLLIGNON CORDIER COSTES COUDRAY COURTOIS
CROZET DAGUERRE DANIELOU DELACROIX DELAUNAY DELMAS DESCAMPS DESCHAMPS DEVAUX DIDIER DOUCET DROUET DUBREUIL
DUCHÊNE DUFRESNE DUMONTET DUPRAT DURIEUX ESCOFFIER ESNAULT FABRE FAUCHER FERRAND FLEURY FONTAINE FOUCAULT
FOURNIER GABORIT GAILLARD GARNIER GAUTHIER GERMAIN GILLET GIRAUDEAU GODARD GOUJON GRANGER GRIMAUD GUÉRIN
GUICHARD GUILLOU HAMELIN HÉBRARD HUMBERT JACQUEMIN JAMET JOLIVET JOUBERT LABARTHE LACROIX LAFFITTE LAGARDE
LAMBERT LANGLOIS LAPORTE LARCHER LAURENT LAVAL LEBRETON LECLERC LEDUC LEFEBVRE LEGRAND LEMAIRE LEROUX
LESAGE LHERMITTE LOISEAU LOMBARD MAILLARD MALLET MARCHAND MARECHAL MARTINEAU MASSON MAUREL MÉNARD MERCIER
MEUNIER MICHAUD MILLET MOLINIER MONNIER MOREAU MOULIN NAVARRO NICOLLE NOËL OLIVIER PAGÈS PARENT PASQUIER
PELLETIER PERRIN PEYRAT PICARD PINEAU POIRIER POULAIN PRÉVOST RAYNAUD RENAUD RICHARD RIVIÈRE ROBIN ROCHER
ROLLAND ROUSSEL ROUX ROYER SALMON SAUVAGE SCHMITT SOULIÉ TESSIER THIBAULT TISSOT TOURNIER TRUCHET VALLÉE
VASSEUR VERDIER VIDAL VILLARD VINCENT VOISIN WEBER ZIMMER AMIOT ARNOUX BARTHÈS BÉRAUD BLONDEL BOUVIER
BRIAND CARON CHARRIER COMBES DARRAS ÉTIENNE FERRY GASNIER HOARAU JOUANNO KERBRAT LE BRIS LE GOFF LE MEUR
MADEC NÉGRE OUDIN PÉRON QUÉRÉ RIOU SAVARY TANGUY URVOY VIGNAUD ABGRALL BEAUFILS CASTEL DUBOSC FAVRE
GRÉGOIRE HOULLIER ISNARD JAOUEN KIEFFER LOUVET MORIN NOUVEL PONCET RAMBAUD SÉGUIN THOMASSIN VEILLARD
ALLAIRE BOUTIN CHOLLET DELORME ÉVRARD FOUQUET GOUBERT HERVOUET IMBERT JOSSE LAMOTTE MOUNIER PIGEON
QUINTIN RÉMOND SOUCHON TARDY VALLET BENOÎT COUSIN DA SILVA FERREIRA BENALI HADDAD OUALI""".split()
# « LE BRIS », « DA SILVA » were split by the whitespace split above: glue the particles back.
_PARTICLES = {"LE", "DA"}


def _surnames() -> list:
    out, hold = [], None
    for word in SURNAMES:
        if word in _PARTICLES:
            hold = word
            continue
        out.append(f"{hold} {word}" if hold else word)
        hold = None
    return out


SURNAME_LIST = _surnames()


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes and hyphens as spaces: how names and dates are compared."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9/.]+", " ", text).split())


class Person:
    def __init__(self, first: str, last: str, sex: str):
        self.first, self.last, self.sex = first, last, sex
        self.office = None          # « Maire », « 1er adjoint », « Président », « Vice-présidente »…
        self.commune = None         # the member commune a delegate sits for
        self.state = "present"      # present | proxy | excused | absent | replaced
        self.holder = None          # the member who holds this one's proxy
        self.substitute = None      # the suppléant sitting in this titulaire's seat

    def civ(self, long: bool = False) -> str:
        if long:
            return "Monsieur" if self.sex == "M" else "Madame"
        return "M." if self.sex == "M" else "Mme"

    def e(self) -> str:
        """The feminine ending of a participle or adjective."""
        return "e" if self.sex == "F" else ""


# How a name is printed, and how the label keeps it (« Prénom NOM », or the surname alone when the
# text prints no first name: the corpus's convention).
NAME_STYLES = ("full", "full_civ", "civ_long", "inv", "inv_title", "surname_civ", "title_civ", "mr_full")


def show(p: Person, style: str) -> str:
    if style == "full":
        return f"{p.first} {p.last}"
    if style == "full_civ":
        return f"{p.civ()} {p.first} {p.last}"
    if style == "civ_long":
        return f"{p.civ(True)} {p.first} {p.last}"
    if style == "inv":
        return f"{p.last} {p.first}"
    if style == "inv_title":
        return f"{title(p.last)} {p.first}"
    if style == "surname_civ":
        return f"{p.civ()} {p.last}"
    if style == "surname":
        return p.last
    if style == "title_civ":
        return f"{p.civ()} {p.first} {title(p.last)}"
    if style == "mr_full":
        return f"{'Mr' if p.sex == 'M' else 'Mme'} {p.first} {p.last}"
    raise ValueError(style)


def label_name(p: Person, style: str) -> str:
    return p.last if style in ("surname_civ", "surname") else f"{p.first} {p.last}"


def de(name: str) -> str:
    """« de Figeac », « d'Étival-Clairefontaine »."""
    return f"d'{name}" if unicodedata.normalize("NFKD", name[:1]).lower()[:1] in "aeiouyh" else f"de {name}"


def title(word: str) -> str:
    return "-".join(" ".join(w[:1] + w[1:].lower() for w in part.split(" ")) for part in word.split("-"))


# ------------------------------------------------------------------------------------ numbers in words
_UNITS = ("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
          "dix-sept dix-huit dix-neuf").split()
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def words(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    if n < 70:
        tens, unit = divmod(n, 10)
        if unit == 0:
            return _TENS[tens]
        return f"{_TENS[tens]} et un" if unit == 1 else f"{_TENS[tens]}-{_UNITS[unit]}"
    if n < 80:
        return "soixante et onze" if n == 71 else f"soixante-{_UNITS[n - 60]}"
    if n < 100:
        return "quatre-vingts" if n == 80 else f"quatre-vingt-{_UNITS[n - 80]}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else f"{_UNITS[hundreds]} cent"
        return head if rest == 0 else f"{head} {words(rest)}"
    thousands, rest = divmod(n, 1000)
    head = "mille" if thousands == 1 else f"{words(thousands)} mille"
    return head if rest == 0 else f"{head} {words(rest)}"


MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
WEEKDAYS = "lundi mardi mercredi jeudi vendredi samedi dimanche".split()


def date_fr(d: dt.date, style: str) -> str:
    """A date as French documents print it."""
    if style == "num":
        return d.strftime("%d/%m/%Y")
    if style == "num_dots":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "long_plain":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "weekday":
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "caps":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}".upper()
    if style == "weekday_caps":
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}".upper()
    raise ValueError(style)


def day_words(d: dt.date) -> str:
    return "premier" if d.day == 1 else words(d.day)


def time_fr(h: int, m: int, style: str) -> str:
    if style == "h":
        return f"{h}h{m:02d}" if m else f"{h}h"
    if style == "h_spaced":
        return f"{h} h {m:02d}"
    if style == "heures":
        return f"{h} heures {m:02d}" if m else f"{h} heures"
    if style == "H":
        return f"{h}H{m:02d}"
    if style == "colon":
        return f"{h:02d}:{m:02d}"
    if style == "words":
        text = f"{words(h)} heure{'s' if h > 1 else ''}"
        return f"{text} {words(m)}" if m else text
    raise ValueError(style)


# ------------------------------------------------------------------------------------- reference data
def _load_cog():
    """Communes (name, department, SIREN, latest population) and EPCI (name, nature, SIREN, members) of
    the reference data: the bodies of the documents are real names, their meetings are invented."""
    communes, epci, lists = {}, [], {}
    for line in COG.read_text(encoding="utf-8").split("\n")[1:]:
        parts = line.split("\t")
        if parts[0] == "C" and len(parts) > 9 and parts[2] and parts[9].endswith("1"):
            population = [int(x) for x in parts[7].split(",") if x]
            name = parts[4]
            # Names with an elided or masculine article are printed « Commune du Pouliguen » in practice;
            # left out so that the body's name reads the same in every heading chosen below.
            if not population or re.match(r"(?:Le|Les|L')\b", name) or "'" in name or len(parts[3]) != 2:
                continue
            communes[parts[1]] = (name, parts[3], parts[2], population[-1])
        elif parts[0] == "E":
            epci.append((parts[1], parts[2], parts[4], parts[5]))
        elif parts[0] == "M":
            lists[parts[1]] = parts[2].split(",") if parts[2] else []
    bodies = []
    for siren, name, nature, refs in epci:
        ref = refs.split(",")[-1]
        members = [communes[c] for c in lists.get(ref, []) if c in communes]
        if len(members) >= 6 and "'" not in name:
            bodies.append((siren, name, nature, members))
    return communes, bodies


EPCI_PREFIX = {"CC": "Communauté de communes", "CA": "Communauté d'agglomération", "CU": "Communauté urbaine"}


def epci_name(short: str) -> str:
    head, _, rest = short.partition(" ")
    if head in EPCI_PREFIX:
        return f"{EPCI_PREFIX[head]} {rest.replace(' - ', '-')}"
    return short.replace(" - ", "-")


def seats_for(population: int) -> int:
    """Art. L2121-2 CGCT: the council's size by population."""
    for bound, seats in ((100, 7), (500, 11), (1500, 15), (2500, 19), (3500, 23), (5000, 27), (10000, 29),
                         (20000, 33), (30000, 35), (40000, 39)):
        if population < bound:
            return seats
    return 43


# ------------------------------------------------------------------------------------ deliberations
SUBJECTS = [
    ("Budget primitif {y} – budget principal", "7.1", "Le budget primitif de l'exercice {y} est présenté "
     "chapitre par chapitre. Il s'équilibre en section de fonctionnement à {m1} € et en section "
     "d'investissement à {m2} €."),
    ("Décision modificative n° {k} du budget {y}", "7.1", "Il est nécessaire d'ajuster les crédits ouverts "
     "au budget : virement de {m3} € du chapitre 022 (dépenses imprévues) au chapitre 21."),
    ("Subventions aux associations pour l'année {y}", "7.5", "La commission des finances a examiné les "
     "demandes présentées par les associations ; le montant total proposé s'élève à {m3} €."),
    ("Création d'un emploi permanent d'adjoint technique territorial", "4.1", "Afin de faire face à "
     "l'accroissement des missions d'entretien des bâtiments, il est proposé de créer un emploi à temps "
     "complet à compter du 1er du mois suivant."),
    ("Tarifs de la restauration scolaire", "7.10", "Il est proposé de fixer le prix du repas à {p} € pour "
     "les élèves et à {p2} € pour les adultes, à compter de la rentrée."),
    ("Rapport annuel sur le prix et la qualité du service public de l'eau potable", "8.8", "Conformément à "
     "l'article D.2224-1 du code général des collectivités territoriales, le rapport de l'exercice {y0} est "
     "présenté à l'assemblée ; il sera mis à la disposition du public."),
    ("Admission en non-valeur de produits irrécouvrables", "7.1", "Le comptable public a transmis un état "
     "de produits irrécouvrables pour un montant de {m4} € ; il est proposé de les admettre en non-valeur."),
    ("Convention de mise à disposition de services", "5.7", "Une convention fixe les conditions de "
     "remboursement des frais de fonctionnement du service mis à disposition, sur la base d'un coût "
     "horaire de {p} €."),
    ("Demande de subvention au titre de la DETR {y}", "7.5", "Les travaux de rénovation énergétique sont "
     "estimés à {m2} € HT. Le plan de financement prévoit une aide de l'État de 35 %."),
    ("Modification des statuts", "5.7", "Le projet de statuts modifiés a été transmis à chaque membre ; il "
     "précise les compétences exercées et la représentation de chaque membre."),
    ("Acquisition de la parcelle cadastrée section {sec} n° {num}", "3.1", "Le propriétaire accepte de "
     "céder la parcelle d'une contenance de {sq} m² au prix de {m4} €, frais d'acte à la charge de "
     "l'acheteur."),
    ("Adhésion au groupement de commandes pour l'achat d'énergie", "1.7", "Le groupement permet de "
     "mutualiser les procédures de mise en concurrence ; la participation aux frais est fixée à {p} € par "
     "point de livraison."),
    ("Indemnités de fonction des élus", "5.6", "Les indemnités sont fixées en pourcentage de l'indice brut "
     "terminal de la fonction publique, dans la limite de l'enveloppe prévue par la loi."),
    ("Redevance d'assainissement collectif", "7.2", "La part fixe de la redevance est portée à {p} € par "
     "abonné et la part variable à {p2} € par mètre cube."),
    ("Ouverture de crédits d'investissement avant le vote du budget {y1}", "7.1", "Dans l'attente du vote "
     "du budget, l'exécutif peut engager les dépenses d'investissement dans la limite du quart des crédits "
     "ouverts au budget de l'exercice précédent, soit {m3} €."),
    ("Dénomination d'une voie nouvelle", "9.1", "Il est proposé de dénommer la voie desservant le nouveau "
     "lotissement « rue des {fleur} »."),
    ("Fonds de concours pour la réfection de la voirie", "7.8", "Le montant du fonds de concours demandé "
     "s'élève à {m4} €, soit moins de la moitié du coût restant à la charge du bénéficiaire."),
    ("Régime indemnitaire (RIFSEEP) – mise à jour", "4.1", "Le comité social territorial a émis un avis "
     "favorable ; les plafonds annuels de l'IFSE sont revalorisés par groupe de fonctions."),
    ("Rapport d'orientation budgétaire {y}", "7.1", "Le rapport présente les orientations budgétaires, les "
     "engagements pluriannuels envisagés et la structure de la dette, dont l'encours s'établit à {m1} €."),
    ("Contrat d'assurance des risques statutaires", "1.1", "Le centre de gestion a mené la consultation ; "
     "le taux proposé est de {pc} % de la masse salariale assurée."),
]
FLOWERS = ("Lilas", "Tilleuls", "Érables", "Coquelicots", "Vergers", "Genêts", "Charmes", "Acacias")


# -------------------------------------------------------------------------------------------- model
class Printed:
    """What the text states, as the renderers wrote it: the label is derived from this alone."""

    def __init__(self):
        self.in_office = self.present_count = self.present_list = self.represented_count = False
        self.voters = False
        self.proxy_pairs = False          # every proxy with its giver and holder
        self.absent_names = False         # every absent member without proxy, named
        self.all_but = False              # « tous présents sauf … »
        self.time = False
        self.convocation = None           # (date, phrase)
        self.president = None             # (person, style, annotation)
        self.secretaries = []             # [(person, style)]
        self.posting = None
        self.online = None
        self.receipt = None
        self.act_id = None
        self.pair_styles = {}             # giver -> (giver label, holder label)
        self.absent_labels = []
        self.name_style = "full"
        self.notes = []
        self.flags = []


class Meeting:
    pass


def pick_era_lists(rng: random.Random, n: int):
    """Kinds a third each (communes split under and over 3 500 inhabitants), eras spread within each kind."""
    per_kind = {"commune_petite": n // 6, "commune_grande": n // 6}
    per_kind["epci"] = (n - 2 * (n // 6)) // 2
    per_kind["syndicat"] = n - sum(per_kind.values())
    plan = []
    for kind in KINDS:
        eras = [ERAS[i % 3] for i in range(per_kind[kind])]
        rng.shuffle(eras)
        plan += [(kind, era) for era in eras]
    rng.shuffle(plan)
    return plan


def easter(year: int) -> dt.date:
    """Easter Sunday (the Gregorian computus of Meeus, Jones and Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday(d: dt.date) -> bool:
    fixed = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}
    sunday = easter(d.year)
    movable = {sunday + dt.timedelta(days=n) for n in (1, 39, 50)}
    return (d.month, d.day) in fixed or d in movable


def random_date(rng: random.Random, era: str) -> dt.date:
    start, end = ERA_SPANS[era]
    while True:
        d = start + dt.timedelta(days=rng.randrange((end - start).days))
        # Councils meet on working days; August holds few meetings.
        if d.weekday() < 5 and d.month != 8 and not holiday(d):
            return d


class NamePool:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.surnames = SURNAME_LIST[:]
        rng.shuffle(self.surnames)

    def person(self) -> Person:
        sex = self.rng.choice("MF")
        first = self.rng.choice(FIRST_M if sex == "M" else FIRST_F)
        return Person(first, self.surnames.pop(), sex)


SYNDICATE_SHAPES = [
    ("Syndicat intercommunal d'alimentation en eau potable de la région de {c}", "SIAEP"),
    ("Syndicat intercommunal à vocation multiple du canton de {c}", "SIVOM"),
    ("Syndicat intercommunal à vocation unique du regroupement pédagogique {c}-{d}", "SIVU"),
    ("Syndicat mixte du bassin versant de la {r}", None),
    ("Syndicat intercommunal de collecte et de traitement des ordures ménagères de {c}", "SICTOM"),
    ("Syndicat mixte d'aménagement de la vallée de la {r}", None),
    ("Syndicat intercommunal d'assainissement de {c} et environs", "SIA"),
    ("Syndicat intercommunal de l'école de musique de {c}", None),
    ("Syndicat intercommunal d'électrification rurale de {c}", "SIER"),
    ("Syndicat mixte de la fourrière animale de {c}", None),
]
RIVERS = ("Sèvre", "Vézère", "Dronne", "Seille", "Brême", "Loue", "Cance", "Orge", "Bièvre", "Sioule", "Vire",
          "Touvre", "Semoy", "Lauch", "Veyle", "Tardes")


def build_meeting(rng: random.Random, kind: str, era: str, communes: dict, epcis: list) -> Meeting:
    m = Meeting()
    m.kind, m.era = kind, era
    names = NamePool(rng)
    all_communes = list(communes.values())
    if kind.startswith("commune"):
        small = kind == "commune_petite"
        while True:
            name, dep, siren, population = rng.choice(all_communes)
            if (100 <= population < 3500) if small else (3500 <= population < 30000):
                break
        m.body = name
        m.body_label = f"{'Ville' if not small and rng.random() < 0.4 else 'Commune'} de {name}"
        m.dep, m.siren, m.population = dep, siren, population
        m.seats = seats_for(population)
        m.assembly, m.members_word, m.member_word = "Conseil municipal", "conseillers municipaux", "conseiller"
        m.head_office = ("Maire", "Maire")
        m.members = [names.person() for _ in range(m.seats)]
        m.members[0].office = "Maire"
        for i, p in enumerate(m.members[1:rng.randint(3, 5)], start=1):
            p.office = f"{'1er' if i == 1 else f'{i}e'} adjoint{'e' if p.sex == 'F' else ''}"
    elif kind == "epci":
        siren, short, nature, members = rng.choice(epcis)
        m.body = epci_name(short)
        m.body_label = m.body
        m.dep, m.siren = members[0][1], siren
        m.seats = rng.randint(22, 58) if nature != "metropole" else rng.randint(60, 80)
        m.assembly = "Conseil de la Métropole" if nature == "metropole" else "Conseil communautaire"
        m.members_word, m.member_word = "conseillers communautaires", "conseiller"
        m.head_office = ("Président", "Présidente")
        m.members = [names.person() for _ in range(m.seats)]
        towns = [c[0] for c in members]
        for i, p in enumerate(m.members):
            p.commune = towns[i % len(towns)] if i < len(towns) else rng.choice(towns)
        m.members[0].office = "Président"
        for i, p in enumerate(m.members[1:rng.randint(4, 8)], start=1):
            p.office = f"{'1er' if i == 1 else f'{i}e'} Vice-président{'e' if p.sex == 'F' else ''}"
    else:
        dep = rng.choice(sorted({c[1] for c in all_communes}))
        local = [c for c in all_communes if c[1] == dep]
        towns = rng.sample(local, min(len(local), rng.randint(4, 14)))
        shape, _ = rng.choice(SYNDICATE_SHAPES)
        m.body = shape.format(c=towns[0][0], d=towns[1][0], r=rng.choice(RIVERS))
        m.body_label = m.body
        m.dep = dep
        m.siren = f"25{dep}{rng.randint(10000, 99999)}"[:9].ljust(9, "0")
        per = rng.choice((1, 2, 2, 3)) if len(towns) < 10 else rng.choice((1, 2))
        m.seats = per * len(towns)
        m.assembly, m.members_word, m.member_word = "Comité syndical", "délégués", "délégué"
        m.head_office = ("Président", "Présidente")
        m.members = []
        for town in towns:
            for _ in range(per):
                p = names.person()
                p.commune = town[0]
                m.members.append(p)
        rng.shuffle(m.members)
        m.members[0].office = "Président"
        for i, p in enumerate(m.members[1:rng.randint(2, 4)], start=1):
            p.office = f"{'1er' if i == 1 else f'{i}e'} Vice-président{'e' if p.sex == 'F' else ''}"
    m.head = m.members[0]
    if m.head.office in ("Président",) and m.head.sex == "F":
        m.head.office = "Présidente"
    m.date = random_date(rng, era)
    m.hour, m.minute = rng.choice([(18, 0), (18, 30), (19, 0), (20, 0), (20, 30), (19, 30), (17, 30), (14, 0),
                                   (9, 30), (18, 15), (20, 45)] if kind != "syndicat" else
                                  [(9, 30), (10, 0), (14, 0), (14, 30), (17, 0), (18, 0), (18, 30), (20, 30)])
    m.convocation = m.date - dt.timedelta(days=rng.randint(5, 12) if m.seats >= 27 or kind != "commune_petite"
                                          else rng.randint(3, 9))
    m.covid = era == "covid"
    # Attendance: a titulaire sits, is replaced by his suppléant (syndicates and EPCI of one-seat
    # communes), gives a proxy to a member present, or is absent (excused or not).
    rate = rng.uniform(0.55, 0.92)
    for p in m.members[1:]:
        r = rng.random()
        if r < rate:
            p.state = "present"
        elif kind == "syndicat" and r < rate + 0.06:
            p.state = "replaced"
            p.substitute = names.person()
            p.substitute.commune = p.commune
        elif r < rate + (1 - rate) * 0.55:
            p.state = "proxy"
        else:
            p.state = rng.choice(("excused", "excused", "absent"))
    # The head presides; now and then he is away and his first deputy presides.
    m.chair = m.head
    if rng.random() < 0.1:
        m.head.state = rng.choice(("excused", "proxy"))
        m.chair = m.members[1]
    m.chair.state = "present"
    sitting = [p for p in m.members if p.state == "present"]
    load = {id(p): 0 for p in sitting}
    cap = 2 if m.covid else 1
    for p in m.members:
        if p.state == "proxy":
            free = [h for h in sitting if load[id(h)] < cap]
            if not free:
                p.state = "excused"
                continue
            # By office: a proxy is often given to the one who presides.
            holder = m.chair if load[id(m.chair)] < cap and rng.random() < 0.3 else rng.choice(free)
            p.holder = holder
            load[id(holder)] += 1
    m.present = [p for p in m.members if p.state in ("present", "replaced")]
    m.proxies = [p for p in m.members if p.state == "proxy"]
    m.absents = [p for p in m.members if p.state in ("excused", "absent")]
    m.voters = len(m.present) + len(m.proxies)
    # The deliberations of the meeting, each with its vote.
    m.items = []
    count = rng.choice((1, 1, 2, 3, 4))
    for k, (subject, code, body) in enumerate(rng.sample(SUBJECTS, count)):
        y = m.date.year
        values = dict(y=y, y0=y - 1, y1=y + 1, k=rng.randint(1, 4), m1=money(rng, 400_000, 9_000_000),
                      m2=money(rng, 50_000, 900_000), m3=money(rng, 2_000, 60_000), m4=money(rng, 300, 25_000),
                      p=f"{rng.randint(2, 9)},{rng.randint(0, 99):02d}", p2=f"{rng.randint(3, 12)},{rng.randint(0, 99):02d}",
                      sec=rng.choice(("AB", "ZC", "B", "AK", "ZD")), num=rng.randint(12, 980),
                      sq=rng.randint(150, 4500), fleur=rng.choice(FLOWERS), pc=f"{rng.randint(4, 8)},{rng.randint(0, 99):02d}")
        item = Meeting()
        item.title, item.code, item.body = subject.format(**values), code, body.format(**values)
        item.vote = make_vote(rng, m)
        m.items.append(item)
    m.previous = m.date - dt.timedelta(days=rng.randint(21, 75))
    while m.previous.weekday() > 4 or holiday(m.previous):
        m.previous -= dt.timedelta(days=1)
    # Publicity and transmission.
    m.sent = m.date + dt.timedelta(days=rng.randint(1, 9))
    m.receipt = m.sent if rng.random() < 0.7 else m.sent + dt.timedelta(days=1)
    m.posted = m.date + dt.timedelta(days=rng.randint(1, 8))
    m.online = m.date + dt.timedelta(days=rng.randint(1, 10))
    m.act_number = act_number(rng, m)
    return m


def money(rng: random.Random, low: int, high: int) -> str:
    value = rng.randint(low, high)
    return f"{value:,}".replace(",", " ") + (f",{rng.randint(0, 99):02d}" if rng.random() < 0.5 else "")


def act_number(rng: random.Random, m: Meeting) -> str:
    n = rng.randint(1, 140)
    shape = rng.choice(("DEL{y}_{n:03d}", "{y}-{n:03d}", "D{y}{n:02d}", "{n}_{y}", "DE{y}{mm}{n:02d}"))
    return shape.format(y=m.date.year, n=n, mm=f"{m.date.month:02d}")


def make_vote(rng: random.Random, m: Meeting, voters: int | None = None, gone=()):
    """A vote of the meeting: unanimity, or counts (a few against, some abstaining), with the names of
    those against taken from the members voting (not those who left)."""
    vote = Meeting()
    voters = m.voters if voters is None else voters
    vote.voters = voters
    if rng.random() < 0.62 or voters < 5:
        vote.pour, vote.contre, vote.abstention, vote.unanimous = voters, 0, 0, True
        vote.against = []
    else:
        contre = rng.randint(0, min(4, voters // 4))
        abstention = rng.randint(0 if contre else 1, min(3, voters // 5) or 1)
        vote.contre, vote.abstention = contre, abstention
        vote.pour = voters - contre - abstention
        vote.unanimous = False
        voting = [sitter(p) for p in m.present if p is not m.chair and p not in gone]
        vote.against = rng.sample(voting, min(contre, len(voting)))
    return vote


def sitter(p: Person) -> Person:
    """Who sits in a seat: the titulaire, or the suppléant replacing him."""
    return p.substitute if p.state == "replaced" else p


# ------------------------------------------------------------------------------------------ rendering
DOC_KINDS = ("extrait", "proces_verbal", "compte_rendu", "deliberation", "liste")


def office_of(p: Person, m: Meeting) -> str:
    return p.office or ("conseillère" if p.sex == "F" else "conseiller")


def chair_office(m: Meeting) -> str:
    """The office under which the chair presides (« Maire », « Présidente », « 1er adjoint »)."""
    return m.chair.office or ("conseillère" if m.chair.sex == "F" else "conseiller")


def by_office(m: Meeting, p: Person) -> str:
    """The chair named by office alone, as proxies are often written (« pouvoir à M. le Maire »)."""
    if m.chair.office == "Maire":
        return "M. le Maire" if p.sex == "M" else "Mme le Maire"
    return "M. le Président" if p.sex == "M" else "Mme la Présidente"


class Writer:
    """Writes one document from its meeting, choosing each part's layout independently."""

    def __init__(self, rng: random.Random, m: Meeting, number: int):
        self.rng, self.m, self.number = rng, m, number
        self.pr = Printed()
        self.lines: list = []
        self.by_office: set = set()     # proxies whose holder is written by office (« à M. le Maire »)
        self.roll_chair = None          # the head named with his office in the roll
        self.sign = None
        self.doc_kind = self.choose_doc_kind()
        self.name_style = rng.choice(NAME_STYLES)
        self.pr.flags += [f"kind_{m.kind}", f"era_{m.era}", f"doc_{self.doc_kind}"]

    # -- choices
    def choose_doc_kind(self) -> str:
        kinds = ["extrait", "extrait", "proces_verbal", "compte_rendu", "deliberation"]
        if self.m.era == "apres2022":
            kinds.append("liste")
        return self.rng.choice(kinds)

    def flag(self, name: str) -> None:
        self.pr.flags.append(name)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    # -- parts
    def heading(self) -> None:
        m, rng = self.m, self.rng
        if m.kind.startswith("commune"):
            style = rng.choice(("mairie", "commune_caps", "republique", "ville", "plain"))
            self.flag(f"heading_{style}")
            if style == "mairie":
                self.add(f"MAIRIE DE {m.body.upper()}", f"{rng.randint(1, 40)} {rng.choice(('place de la Mairie', 'rue de la République', 'Grande Rue', 'place du Général de Gaulle'))}")
            elif style == "commune_caps":
                self.add("DÉPARTEMENT", f"COMMUNE DE {m.body.upper()}")
            elif style == "republique":
                self.add("RÉPUBLIQUE FRANÇAISE", "Liberté – Égalité – Fraternité", f"Commune de {m.body}")
            elif style == "ville":
                self.add(f"VILLE DE {m.body.upper()}" if m.population >= 3500 else f"Commune de {m.body}")
            else:
                self.add(m.body.upper())
        elif m.kind == "epci":
            style = rng.choice(("caps", "plain", "address"))
            self.flag(f"heading_{style}")
            name = m.body.upper() if style == "caps" else m.body
            self.add(name)
            if style == "address":
                self.add(f"Siège : {rng.randint(1, 30)} avenue de la Gare – {m.members[0].commune or ''}".rstrip(" –"),
                         f"SIREN {m.siren}")
        else:
            style = rng.choice(("caps", "plain", "siege"))
            self.flag(f"heading_{style}")
            self.add(m.body.upper() if style == "caps" else m.body)
            if style == "siege":
                self.add(f"Siège social : Mairie de {m.members[0].commune}")

    def when(self) -> tuple:
        """The meeting's date and time as a heading prints them."""
        m, rng = self.m, self.rng
        date = date_fr(m.date, rng.choice(("long", "weekday", "num", "caps", "weekday_caps", "long_plain")))
        return date, time_fr(m.hour, m.minute, rng.choice(("h", "h_spaced", "heures", "H")))

    def title(self) -> bool:
        """The document's title; True when it carries the meeting's date."""
        m, rng = self.m, self.rng
        date, time = self.when()
        assembly = m.assembly.upper() if rng.random() < 0.6 else m.assembly
        with_date = rng.random() < 0.7
        kind = self.doc_kind
        if kind == "extrait":
            self.add("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS" + (f" DU {assembly.upper()}" if rng.random() < 0.6 else ""))
        elif kind == "proces_verbal":
            self.add(rng.choice(("PROCÈS-VERBAL", "Procès-verbal de la séance", "PROCES VERBAL DE LA REUNION")) + f" du {assembly}")
        elif kind == "compte_rendu":
            self.add(rng.choice(("COMPTE RENDU SOMMAIRE", "Compte rendu de séance", "COMPTE-RENDU")) + f" du {assembly}")
        elif kind == "deliberation":
            self.add(f"DÉLIBÉRATION N° {m.act_number}", f"du {assembly}")
            self.pr.number = f"N° {m.act_number}"
        else:
            self.add("LISTE DES DÉLIBÉRATIONS EXAMINÉES", f"par le {assembly}",
                     "(article L. 2121-25 du code général des collectivités territoriales)")
        if with_date:
            timed = rng.random() < 0.5
            self.add(f"Séance du {date}" + (f" à {time}" if timed else ""))
            if timed:
                self.pr.time = True
        return with_date

    def opening(self, dated: bool) -> None:
        m, rng = self.m, self.rng
        style = rng.choice(("words", "figures", "mixed", "none", "none") if dated else ("words", "figures", "mixed", "labels"))
        self.flag(f"opening_{style}")
        y, d = m.date.year, m.date
        say_time = rng.random() < 0.85
        if style == "words":
            time = time_fr(m.hour, m.minute, rng.choice(("words", "words", "heures", "h")))
            head = f"L'an {words(y)}, le {day_words(d)} {MONTHS[d.month - 1]}" + (f", à {time}" if say_time else "")
        elif style == "figures":
            time = time_fr(m.hour, m.minute, rng.choice(("h", "h_spaced", "heures", "H")))
            head = f"Le {date_fr(d, rng.choice(('long', 'weekday', 'num')))}" + (f" à {time}" if say_time else "")
        elif style == "mixed":
            time = time_fr(m.hour, m.minute, rng.choice(("h", "heures", "h_spaced")))
            head = f"L'an {y}, le {d.day} {MONTHS[d.month - 1]}" + (f" à {time}" if say_time else "")
        elif style == "labels":
            time = time_fr(m.hour, m.minute, rng.choice(("h", "colon", "H")))
            self.add(f"Date de la séance : {date_fr(d, rng.choice(('num', 'long')))}")
            if say_time:
                self.add(f"Heure : {time}")
            head = None
        else:
            head = None
            say_time = False
        if say_time:
            self.pr.time = True
        convocation = self.convocation_in_formula()
        chair = self.chair_words()
        verb = "s'est réuni" if m.kind != "epci" or rng.random() < 0.5 else "s'est réuni"
        if m.kind.startswith("commune"):
            place = rng.choice(("à la mairie", "dans la salle du conseil", "à la salle des fêtes",
                                "en la salle polyvalente", "en séance publique", "dans la salle des mariages"))
        else:
            town = m.members[-1].commune
            place = rng.choice(("au siège", "dans la salle du conseil", f"à la mairie {de(town)}",
                                "en la salle polyvalente", f"à la salle des fêtes {de(town)}"))
        if m.covid and rng.random() < 0.5:
            place = rng.choice(("à la salle des fêtes, afin de respecter les règles sanitaires",
                                "en visioconférence", "à huis clos, en raison de la crise sanitaire"))
            self.flag("covid_place")
        of = self.body_words()
        who = f"le {m.assembly}" + ((f" {of}" if of.startswith("du ") else f" de {of}") if rng.random() < 0.6 else "")
        if head:
            text = f"{head}, {who}{convocation}, {verb} {place}{chair}."
        else:
            text = f"{who[0].upper()}{who[1:]}{convocation} {verb} {place}{chair}."
        if rng.random() < 0.07 and m.kind != "epci":
            first = m.convocation - dt.timedelta(days=rng.randint(1, 4))
            text += (f" Le quorum n'ayant pas été atteint lors de la réunion du {date_fr(first, 'long')}, le {m.assembly} "
                     f"a été à nouveau convoqué le {date_fr(m.convocation, 'long')} ; il délibère valablement sans condition "
                     f"de quorum (article L. 2121-17 du code général des collectivités territoriales).")
            self.pr.convocation = (m.convocation, "a été à nouveau convoqué le … (second convocation)")
            self.flag("second_convocation")
        self.sidebox = head is not None and self.doc_kind in ("extrait", "deliberation") and rng.random() < 0.3
        if self.sidebox:
            self.side_box(text, [s for s in (head, getattr(self, "chair_shown", None), convocation.strip(", ")) if s])
        else:
            self.add(text)

    def side_box(self, text: str, protect: list) -> None:
        """The margin box of counts and dates beside the opening formula, as PDF extraction reads the two
        columns: a line of the box, then a line of the formula, on one line."""
        m, rng = self.m, self.rng
        box = ["Nombre de membres" if rng.random() < 0.5 else f"Nombre de {m.members_word}",
               f"en exercice : {m.seats}", f"présents : {len(m.present)}"]
        self.pr.in_office = self.pr.present_count = True
        if m.proxies or rng.random() < 0.5:
            box.append(f"{rng.choice(('pouvoirs', 'représentés', 'procurations'))} : {len(m.proxies)}")
            self.pr.represented_count = True
        box.append(f"votants : {m.voters}")
        self.pr.voters = True
        if rng.random() < 0.7:
            conv = date_fr(m.convocation, rng.choice(("num", "long_plain")))
            box += ["Date de convocation :", conv]
            if rng.random() < 0.5:
                # The posting of the convocation, before the meeting: not the act's posting.
                box += ["Date d'affichage :", conv]
            if not self.pr.convocation:
                self.pr.convocation = (m.convocation, "side box « Date de convocation »")
        for phrase in protect:
            text = text.replace(phrase, phrase.replace(" ", "\x00"))
        right, line = [], ""
        for word in text.split(" "):
            if line and len(line) + len(word) > 58:
                right.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        right.append(line)
        right = [r.replace("\x00", " ") for r in right]
        gap = rng.randint(3, 10)
        for i in range(max(len(box), len(right))):
            left = box[i] if i < len(box) else ""
            self.add((f"{left}{' ' * gap}{right[i]}" if i < len(right) else left).strip())
        self.flag("side_box")

    def body_words(self) -> str:
        m = self.m
        if m.kind.startswith("commune"):
            return f"la commune de {m.body}"
        first = m.body.split()[0]
        if first in ("Communauté", "Métropole"):
            return f"la {m.body}"
        return f"du {m.body}" if first.startswith("Syndicat") else m.body

    def convocation_in_formula(self) -> str:
        m, rng = self.m, self.rng
        self.conv_style = rng.choice(("formula", "formula", "line", "line", "sentence", "none"))
        if self.conv_style != "formula":
            return ""
        date = date_fr(m.convocation, rng.choice(("long", "num", "long_plain")))
        phrase = rng.choice((f", dûment convoqué le {date}", f", légalement convoqué le {date}",
                             f", sur convocation en date du {date}", f", convoqué par courrier en date du {date}"))
        self.pr.convocation = (m.convocation, phrase.strip(", "))
        return phrase

    def convocation_apart(self) -> None:
        m, rng = self.m, self.rng
        date = date_fr(m.convocation, rng.choice(("long", "num", "long_plain", "num_dots")))
        if self.conv_style == "line":
            phrase = rng.choice((f"Date de convocation : {date}", f"Convocation du {date}",
                                 f"Date d'envoi de la convocation : {date}", f"Date de la convocation : {date}"))
        elif self.conv_style == "sentence":
            phrase = rng.choice((f"La convocation, accompagnée de l'ordre du jour, a été adressée aux {m.members_word} le {date}.",
                                 f"Les {m.members_word} ont été convoqués le {date} par voie dématérialisée."))
        else:
            return
        self.pr.convocation = (m.convocation, phrase)
        self.add(phrase)

    def chair_words(self) -> str:
        m, rng = self.m, self.rng
        # A deputy presiding is always said so: the text would otherwise name no one who presides.
        if rng.random() < 0.12 and m.chair is m.head:
            self.chair_named = False
            return ""
        style = rng.choice(("full_civ", "civ_long", "full", "title_civ"))
        self.chair_named = True
        office = chair_office(m)
        extra = ""
        if m.chair is not m.head:
            extra = f", {m.head.office} {'excusé' if m.head.sex == 'M' else 'excusée'}" if rng.random() < 0.5 else \
                f", en l'absence {'de la' if m.head.office == 'Présidente' else 'du'} {m.head.office}"
            self.flag("deputy_presides")
        self.pr.president = (m.chair, style, office)
        self.chair_shown = show(m.chair, style)
        return f", sous la présidence de {show(m.chair, style)}, {office}{extra}"

    # -- attendance
    def counts_block(self, style: str) -> None:
        m, rng = self.m, self.rng
        seats, present, proxies, absents = m.seats, len(m.present), len(m.proxies), len(m.absents)
        say = dict(office=rng.random() < 0.8, rep=bool(proxies) or rng.random() < 0.6, voters=rng.random() < 0.7,
                   absent=rng.random() < 0.35)
        rep_word = rng.choice(("Représentés", "Pouvoirs", "Procurations"))
        if style == "colon_lines":
            rows = []
            if say["office"]:
                rows.append(f"Nombre de {m.members_word} en exercice : {seats}")
            rows.append(f"Présents : {present}")
            if say["rep"]:
                rows.append(f"{rep_word} : {proxies}")
            if say["absent"]:
                rows.append(f"Absents : {absents}")
            if say["voters"]:
                rows.append(f"Votants : {m.voters}")
            self.add(*rows)
        elif style == "no_colon":
            parts = []
            if say["office"]:
                parts.append(f"{'Membres' if m.kind != 'syndicat' else 'Délégués'} en exercice {seats}")
            parts.append(f"{'Membres présents' if rng.random() < 0.5 else 'Présents'} {present}")
            if say["rep"]:
                parts.append(f"{rep_word} {proxies}")
            if say["voters"]:
                parts.append(f"Votants {m.voters}")
            self.add(" ".join(parts))
        elif style == "flat_table":
            labels, values = [], []
            if say["office"]:
                labels.append(rng.choice(("Nombre de membres en exercice", f"{m.members_word.capitalize()} en exercice",
                                          "Membres en exercice")))
                values.append(seats)
            labels.append(rng.choice(("Présents", "Nombre de présents", "Membres présents")))
            values.append(present)
            if say["rep"]:
                labels.append(rep_word)
                values.append(proxies)
            if say["voters"]:
                labels.append("Votants")
                values.append(m.voters)
            self.add(" ".join(labels), " ".join(str(v) for v in values))
            self.flag("counts_flattened_table")
        elif style == "ratio":
            say["office"] = True
            self.add(rng.choice((f"Présents : {present}/{seats}", f"Membres présents : {present} sur {seats}",
                                 f"Présents ({present}/{seats})")))
            if say["rep"]:
                self.add(f"{rep_word} : {proxies}")
            if say["voters"]:
                self.add(f"Votants : {m.voters}")
            self.flag("counts_ratio")
        elif style == "sentence":
            text = (f"Nombre de {m.members_word} en exercice : {seats} – " if say["office"] else "") + f"présents : {present}"
            if say["rep"]:
                text += f" – {rep_word.lower()} : {proxies}"
            if say["voters"]:
                text += f" – votants : {m.voters}"
            self.add(text[0].upper() + text[1:])
        elif style == "afferents":
            # The older register's box: the seats the law gives (one may be vacant), those in office, and
            # those who took part in the deliberation (the voters, present and represented).
            legal = seats + (1 if rng.random() < 0.3 else 0)
            rows = [f"Nombre de membres afférents au {m.assembly} : {legal}", f"En exercice : {seats}"]
            say.update(office=True, rep=False, voters=True)
            present_said = rng.random() < 0.5
            if present_said:
                rows.append(f"Présents : {present}")
            rows.append(f"Qui ont pris part à la délibération : {m.voters}")
            self.add(*rows)
        self.pr.in_office |= say["office"]
        self.pr.present_count |= style != "afferents" or present_said
        self.pr.represented_count |= say["rep"]
        self.pr.voters |= say["voters"]
        self.flag(f"counts_{style}")

    def list_names(self, people: list, style: str) -> list:
        return [show(p, style) for p in people]

    def member_text(self, p: Person, style: str, with_office: bool) -> str:
        """A present member as a roll prints him: a suppléant says whom he replaces."""
        m = self.m
        if p.state == "replaced":
            s = p.substitute
            return f"{show(s, style)} ({'suppléante' if s.sex == 'F' else 'suppléant'} de {show(p, style)})"
        text = show(p, style)
        if with_office and p.office:
            text += f", {p.office}" if self.rng.random() < 0.5 else f" ({p.office})"
            if p is m.chair and p is m.head:
                self.roll_chair = (p, style)
        return text

    def attendance(self) -> None:
        m, rng = self.m, self.rng
        list_styles = ["commas", "lines", "two_columns", "gender", "runon", "all_but", "none"]
        if m.kind != "commune_petite" and m.kind != "commune_grande":
            list_styles += ["by_commune", "columns"]
        if any(p.state == "replaced" for p in m.members):
            list_styles.remove("all_but")
        if m.kind == "epci" and m.seats > 45:
            list_styles += ["commas", "by_commune"]
        list_style = rng.choice(list_styles)
        counts_style = rng.choice(("colon_lines", "no_colon", "flat_table", "ratio", "sentence", "none", "none") +
                                  (("afferents", "afferents") if self.doc_kind in ("extrait", "deliberation") else ()))
        if self.sidebox:
            counts_style = "none"
        if list_style in ("none",) and counts_style == "none" and not self.sidebox:
            counts_style = rng.choice(("colon_lines", "no_colon", "flat_table", "ratio", "sentence"))
        if list_style == "all_but" and counts_style == "none" and rng.random() < 0.7:
            counts_style = "in_office_only"
        proxy_styles = ["sentences", "list", "in_excused", "represented_by", "given_to"]
        if list_style in ("commas", "lines", "two_columns"):
            proxy_styles.append("holder_side")
        if counts_style not in ("none", "in_office_only") or (self.sidebox and self.pr.represented_count):
            proxy_styles.append("count_only")
        if list_style == "all_but":
            proxy_styles = ["in_excused"]
        self.proxy_style = rng.choice(proxy_styles)
        self.flag(f"list_{list_style}")
        self.flag(f"proxies_{self.proxy_style}")
        counts_first = rng.random() < 0.6
        if counts_first and counts_style not in ("none", "in_office_only"):
            self.counts_block(counts_style)
            if counts_style in ("flat_table", "no_colon", "ratio", "colon_lines", "sentence") and not self.pr.represented_count and m.proxies:
                self.proxy_style = "list" if self.proxy_style == "count_only" else self.proxy_style
        if counts_style == "in_office_only":
            self.add(f"{rng.choice(('Nombre de membres en exercice', 'Membres en exercice', 'En exercice'))} : {m.seats}")
            self.pr.in_office = True
        style = self.name_style
        if list_style == "gender":
            style = "surname"
        if list_style == "all_but":
            self.all_but(style)
        elif list_style != "none":
            self.roll(list_style, style)
        else:
            self.proxies_and_absents(style)
        if not counts_first and counts_style not in ("none", "in_office_only"):
            self.counts_block(counts_style)
        if self.proxy_style == "count_only" and not self.pr.represented_count:
            self.proxy_style = "list"
            self.proxies_and_absents(style, only_proxies=True)

    def member_title(self, p: Person) -> str:
        if self.m.kind == "epci":
            return "Conseillère communautaire" if p.sex == "F" else "Conseiller communautaire"
        return "Déléguée" if p.sex == "F" else "Délégué"

    def roll(self, list_style: str, style: str) -> None:
        m, rng = self.m, self.rng
        present = m.present[:]
        with_office = rng.random() < 0.5
        holder_side = self.proxy_style == "holder_side"
        texts = []
        for p in present:
            text = self.member_text(p, style, with_office)
            if holder_side:
                given = [g for g in m.proxies if g.holder is p]
                if given:
                    text += " (" + ", ".join(f"pouvoir de {show(g, style)}" for g in given) + ")"
            texts.append(text)
        if holder_side:
            self.pr.proxy_pairs = True
            for g in m.proxies:
                self.pr.pair_styles[id(g)] = (label_name(g, style), label_name(g.holder, style))
            self.flag("proxy_holder_side")
        intro = rng.choice(("Présents :", "Étaient présents :", "Membres présents :", "PRÉSENTS",
                            f"{m.members_word.capitalize()} présents :"))
        if list_style == "commas":
            self.add(f"{intro} " + ", ".join(texts) + ".")
        elif list_style == "lines":
            bullet = rng.choice(("- ", "• ", "", "num"))
            self.add(intro)
            for i, t in enumerate(texts, start=1):
                self.add(f"{i}. {t}" if bullet == "num" else f"{bullet}{t}")
        elif list_style == "two_columns":
            self.add(intro)
            for a, b in zip(texts[::2], texts[1::2] + [""]):
                self.add(f"{a}{' ' * rng.randint(4, 14)}{b}".rstrip())
            self.flag("two_columns")
        elif list_style == "gender":
            women = [p.last for p in present if sitter(p).sex == "F" and p.state != "replaced"]
            men = [p.last for p in present if sitter(p).sex == "M" and p.state != "replaced"]
            subs = [p for p in present if p.state == "replaced"]
            text = f"{intro} " + (f"Mmes {', '.join(women)}" if women else "") + \
                   ("; " if women and men else "") + (f"MM. {', '.join(men)}" if men else "")
            if subs:
                text += "; " + ", ".join(f"{sitter(p).last} ({'suppléante' if sitter(p).sex == 'F' else 'suppléant'} de {p.last})" for p in subs)
            self.add(text + ".")
        elif list_style == "runon":
            self.add(f"Étaient présents Mesdames et Messieurs {', '.join(texts)}, formant la majorité des membres en exercice."
                     if len(m.present) * 2 > m.seats else f"Étaient présents Mesdames et Messieurs {', '.join(texts)}.")
        elif list_style == "columns":
            # A table of three columns (name, office, commune) that extraction reads column after column.
            self.add(intro, " ".join(self.member_text(p, style, False) for p in present),
                     " ".join(sitter(p).office or self.member_title(sitter(p)) for p in present),
                     " ".join(p.commune for p in present))
            self.flag("table_by_columns")
        elif list_style == "by_commune":
            self.add(intro)
            towns = {}
            for p in present:
                towns.setdefault(p.commune, []).append(p)
            shape = rng.choice(("colon", "brackets"))
            for town, people in towns.items():
                if shape == "colon":
                    self.add(f"{town} : " + ", ".join(self.member_text(p, style, False) for p in people))
                else:
                    for p in people:
                        self.add(f"{self.member_text(p, style, False)} ({town.upper()})")
        self.pr.present_list = True
        self.proxies_and_absents(style)

    def proxies_and_absents(self, style: str, only_proxies: bool = False) -> None:
        """The proxies and the absents, in the layout chosen for the proxies."""
        m, rng = self.m, self.rng
        excused = [p for p in m.absents if p.state == "excused"]
        absent = [p for p in m.absents if p.state == "absent"]
        proxy_style = self.proxy_style
        office_word = rng.random() < 0.6 and getattr(self, "chair_named", False)

        def holder(p: Person) -> str:
            if office_word and p.holder is m.chair and m.chair is m.head:
                self.by_office.add(id(p))
                return by_office(m, m.chair)
            return show(p.holder, style)

        def pair(p: Person) -> None:
            self.pr.pair_styles[id(p)] = (label_name(p, style), label_name(p.holder, style))

        say_absents = rng.random() < 0.88 and not only_proxies
        if m.proxies and proxy_style not in ("count_only", "holder_side", "in_excused"):
            if proxy_style == "sentences":
                for p in m.proxies:
                    self.add(f"{show(p, style)} a donné pouvoir à {holder(p)}.")
                    pair(p)
            elif proxy_style == "list":
                word = rng.choice(("Pouvoirs", "Procurations", "Pouvoir(s)"))
                sep = rng.choice((" ; ", ", "))
                self.add(f"{word} : " + sep.join(f"{show(p, style)} à {holder(p)}" for p in m.proxies))
                for p in m.proxies:
                    pair(p)
            elif proxy_style == "represented_by":
                self.add(rng.choice(("Absents représentés :", "Représentés :", "Étaient représentés :")) + " " +
                         ", ".join(f"{show(p, style)} par {holder(p)}" for p in m.proxies))
                for p in m.proxies:
                    pair(p)
            elif proxy_style == "given_to":
                self.add(rng.choice(("Absents ayant donné procuration :", "Absents excusés ayant donné pouvoir :",
                                     "Ont donné pouvoir :")))
                for p in m.proxies:
                    self.add(f"{show(p, style)} {rng.choice(('à', 'donne procuration à', '→'))} {holder(p)}".replace(" → ", " à "))
                    pair(p)
            self.pr.proxy_pairs = True
        if only_proxies:
            return
        if proxy_style == "in_excused":
            self.pr.proxy_pairs = True
            items = []
            form = rng.choice(("(pouvoir à {h})", "(procuration à {h})", ", pouvoir à {h}", "(a donné pouvoir à {h})"))
            for p in m.proxies:
                items.append(f"{show(p, style)} " + form.format(h=holder(p)) if not form.startswith(",")
                             else f"{show(p, style)}" + form.format(h=holder(p)))
                pair(p)
            items += [show(p, style) for p in excused]
            rng.shuffle(items)
            if items:
                self.add(f"{rng.choice(('Absents excusés', 'Excusés', 'Étaient excusés'))} : " + ", ".join(items))
            if absent:
                self.add(f"{rng.choice(('Absents', 'Absent(s)', 'Absents non excusés'))} : " + ", ".join(show(p, style) for p in absent))
            self.pr.absent_names = True
            self.pr.absent_labels = [label_name(p, style) for p in excused + absent]
            return
        if say_absents:
            if excused:
                self.add(f"{rng.choice(('Absents excusés', 'Excusés', 'Étaient absents et excusés'))} : " +
                         ", ".join(show(p, style) for p in excused))
            if absent:
                self.add(f"{rng.choice(('Absents', 'Absent(s)', 'Absents non excusés'))} : " + ", ".join(show(p, style) for p in absent))
            if not m.absents and rng.random() < 0.5:
                self.add(rng.choice(("Absents : néant", "Excusés : /")))
            self.pr.absent_names = True
            self.pr.absent_labels = [label_name(p, style) for p in excused + absent]

    def all_but(self, style: str) -> None:
        m, rng = self.m, self.rng
        items = []
        for p in m.proxies:
            if p.holder is m.chair and m.chair is m.head and getattr(self, "chair_named", False) and rng.random() < 0.5:
                holder = by_office(m, m.chair)
                self.by_office.add(id(p))
            else:
                holder = show(p.holder, style)
            items.append(f"{show(p, style)} (pouvoir à {holder})")
            self.pr.pair_styles[id(p)] = (label_name(p, style), label_name(p.holder, style))
        items += [f"{show(p, style)}" + (" (excusé" + p.e() + ")" if p.state == "excused" else "") for p in m.absents]
        if items:
            self.add(rng.choice(("Tous les membres en exercice étaient présents à l'exception de : ",
                                 f"Tous les {m.members_word} étaient présents sauf : ",
                                 "Étaient présents tous les membres en exercice, à l'exception de ")) + ", ".join(items) + ".")
        else:
            self.add(f"Tous les {m.members_word} en exercice étaient présents.")
        self.pr.all_but = True
        self.pr.proxy_pairs = True
        self.pr.absent_names = True
        self.pr.absent_labels = [label_name(p, style) for p in m.absents]
        self.flag("all_but")

    def secretary(self) -> None:
        m, rng = self.m, self.rng
        choice = rng.random()
        pool = [sitter(p) for p in m.present if p is not m.chair and p.state == "present"]
        if choice < 0.08 or not pool:
            self.flag("no_secretary")
            return
        style = rng.choice(("full_civ", "full", "civ_long", "surname_civ", "inv", "title_civ"))
        if choice < 0.13:
            staff = NamePool(rng).person()
            staff.last = "MARTIN-" + rng.choice(("BOYER", "ROSSI", "LEMOINE", "CARLIER"))
            self.add(f"Secrétaire de séance : {show(staff, 'full_civ')}, secrétaire de mairie" if m.kind.startswith("commune")
                     else f"Secrétaire de séance : {show(staff, 'full_civ')}, {'directrice générale' if staff.sex == 'F' else 'directeur général'} des services")
            self.flag("secretary_staff")
            return
        chosen = rng.sample(pool, 2 if choice > 0.94 and len(pool) > 2 else 1)
        names = " et ".join(show(p, style) for p in chosen)
        p = chosen[0]
        shape = rng.choice(("label", "elected", "article", "appointed"))
        if len(chosen) > 1:
            self.add(f"Secrétaires de séance : {names}")
        elif shape == "label":
            self.add(f"{rng.choice(('Secrétaire de séance', 'Secrétaire', 'Secrétaire de la séance'))} : {names}")
        elif shape == "elected":
            self.add(f"{names} a été {'élue' if p.sex == 'F' else 'élu'} secrétaire de séance.")
        elif shape == "article":
            self.add(f"Conformément à l'article L. 2121-15 du code général des collectivités territoriales, {names} "
                     f"est {'désignée' if p.sex == 'F' else 'désigné'} pour remplir les fonctions de secrétaire de séance.")
        else:
            self.add(f"{names} est {'nommée' if p.sex == 'F' else 'nommé'} secrétaire de séance.")
        self.pr.secretaries = [(q, style) for q in chosen]

    def chair_title(self) -> str:
        m = self.m
        if m.chair is not m.head:
            return "Le président de séance" if m.chair.sex == "M" else "La présidente de séance"
        return {"Maire": "Le Maire", "Présidente": "La Présidente"}.get(m.head.office, "Le Président")

    def quorum(self) -> None:
        m, rng = self.m, self.rng
        if rng.random() < 0.45 or "second_convocation" in self.pr.flags:
            return
        if m.covid and rng.random() < 0.6:
            self.add(rng.choice((
                "Conformément à la loi n° 2020-1379 du 14 novembre 2020, le quorum est fixé au tiers des membres en exercice "
                "et un membre peut être porteur de deux pouvoirs.",
                "Le quorum, apprécié en application des dispositions dérogatoires liées à l'état d'urgence sanitaire, est atteint.")))
            self.flag("covid_quorum")
        else:
            self.add(rng.choice(("Le quorum étant atteint, la séance est ouverte.",
                                 f"{self.chair_title()} constate que le quorum est atteint.",
                                 "Le quorum est atteint ; l'assemblée peut valablement délibérer.")))

    # -- deliberations and votes
    def vote_words(self, vote, style_pool=None) -> tuple:
        """The sentence that decides, and the vote as the label takes it from that sentence."""
        m, rng = self.m, self.rng
        assembly = m.assembly
        people = "l'assemblée" if rng.random() < 0.3 else f"le {assembly}"
        if vote.unanimous:
            shape = rng.choice(("plain", "plain", "present_rep", "votants", "counts_after", "table"))
            if shape == "plain":
                return f"Après en avoir délibéré, {people}, à l'unanimité,", dict(unanimite=True)
            if shape == "present_rep":
                return f"{people[0].upper()}{people[1:]}, après en avoir délibéré, à l'unanimité des membres présents et représentés,", dict(unanimite=True)
            if shape == "votants":
                return f"Après en avoir délibéré, à l'unanimité des votants, {people}", dict(unanimite=True)
            if shape == "counts_after":
                return (f"Après en avoir délibéré, {people}, à l'unanimité ({vote.pour} voix pour),",
                        dict(unanimite=True, pour=vote.pour))
            return (f"Après en avoir délibéré, {people}, à l'unanimité,", dict(unanimite=True, table=True,
                                                                                 pour=vote.pour, contre=0, abstention=0))
        named = ""
        if vote.against and rng.random() < 0.6:
            style = rng.choice(("full_civ", "surname_civ"))
            named = " (" + ", ".join(show(p, style) for p in vote.against) + ")"
        shape = rng.choice(("voices", "majority", "table"))
        if shape == "voices":
            text = (f"Après en avoir délibéré, {people}, par {vote.pour} voix pour, {vote.contre} voix contre{named} "
                    f"et {vote.abstention} abstention{'s' if vote.abstention > 1 else ''},")
        elif shape == "majority":
            text = (f"Après en avoir délibéré, {people}, à la majorité ({vote.pour} pour, {vote.contre} contre{named}, "
                    f"{vote.abstention} abstention{'s' if vote.abstention > 1 else ''}),")
        else:
            return (f"Après en avoir délibéré, {people}, à la majorité,",
                    dict(unanimite=False, table=True, pour=vote.pour, contre=vote.contre, abstention=vote.abstention,
                         named=named))
        return text, dict(unanimite=False, pour=vote.pour, contre=vote.contre, abstention=vote.abstention)

    def vote_table(self, vote, said: dict) -> None:
        m, rng = self.m, self.rng
        shape = rng.choice(("lines", "one_line", "flat"))
        votants = rng.random() < 0.5
        named = said.get("named", "")
        if shape == "lines":
            rows = ([f"Votants : {vote.voters}"] if votants else []) + [f"Pour : {vote.pour}", f"Contre : {vote.contre}{named}",
                                                                     f"Abstention{'s' if rng.random() < 0.5 else ''} : {vote.abstention}"]
            self.add(*rows)
        elif shape == "one_line":
            self.add(("Votants : %d – " % vote.voters if votants else "") +
                     f"Pour : {vote.pour} – Contre : {vote.contre}{named} – Abstentions : {vote.abstention}")
        else:
            self.add(("Votants " if votants else "") + "Pour Contre Abstentions",
                     (f"{vote.voters} " if votants else "") + f"{vote.pour} {vote.contre} {vote.abstention}")
        # Only the opening's number of voters is a label; one printed after a member left is not.
        if votants and vote.voters == m.voters:
            self.pr.voters = True

    def decision(self, item, office: str) -> list:
        rng = self.rng
        verbs = [rng.choice(("- approuve la proposition telle qu'elle vient d'être présentée ;",
                             "- adopte le projet présenté par le rapporteur ;", "- approuve les termes du rapport ;")),
                 f"- autorise {office} à signer tout document relatif à cette affaire."]
        if rng.random() < 0.4:
            verbs.insert(1, "- dit que les crédits nécessaires sont inscrits au budget de l'exercice ;")
        return verbs

    def item_full(self, item, first: bool) -> None:
        """A deliberation written out: visas, report, decision, vote."""
        m, rng = self.m, self.rng
        number = m.act_number if first else f"{m.date.year}-{rng.randint(1, 140):03d}"
        head = rng.choice((f"Objet : {item.title}", f"OBJET : {item.title.upper()}", f"Délibération n° {number} – {item.title}",
                           f"{item.title.upper()}"))
        if self.doc_kind != "deliberation":
            self.add(head)
        if rng.random() < 0.4:
            reporter = sitter(rng.choice(m.present))
            self.add(f"Rapporteur : {show(reporter, 'full_civ')}")
        body = [f"Vu le code général des collectivités territoriales, et notamment son article L. {rng.choice(('2121-29', '5211-1', '5212-16', '2122-21'))} ;",
                item.body]
        if rng.random() < 0.5:
            body.append(f"Vu l'avis de la commission réunie le {date_fr(m.date - dt.timedelta(days=rng.randint(6, 20)), 'long')} ;")
        self.add(*[self.narrative(b) for b in body])
        text, said = self.vote_words(item.vote)
        office = {"Maire": "le Maire", "Président": "le Président", "Présidente": "la Présidente"}.get(m.head.office, "l'exécutif")
        self.add(text, rng.choice(("DÉCIDE :", "décide :", "DÉLIBÈRE ET DÉCIDE :")), *self.decision(item, office))
        if said.get("table"):
            self.vote_table(item.vote, said)
        if self.doc_kind == "proces_verbal" and rng.random() < 0.4:
            speakers = [sitter(p) for p in m.present if p is not m.chair]
            if speakers:
                who = rng.choice(speakers)
                self.add(self.narrative(
                    f"{show(who, rng.choice(('full_civ', 'surname_civ')))} demande des précisions sur le calendrier de mise en "
                    f"œuvre. {self.chair_title()} répond que les services présenteront un point d'étape lors d'une "
                    f"prochaine séance."))
                self.flag("debate")
        return said

    def item_short(self, item, n: int) -> dict:
        """A deliberation in a compte rendu or a list: title and outcome only."""
        rng, vote = self.rng, item.vote
        if not hasattr(self, "numbering"):
            self.numbering = rng.choice(("{n}. ", "{n} – ", "Point n° {n} : ", "{y}-{n:02d} "))
        prefix = self.numbering.format(n=n, y=self.m.date.year)
        if vote.unanimous:
            outcome, said = rng.choice((("Adopté à l'unanimité.", dict(unanimite=True)),
                                        ("Approuvé à l'unanimité des membres présents et représentés.", dict(unanimite=True)),
                                        (f"Unanimité ({vote.pour} voix).", dict(unanimite=True, pour=vote.pour))))
        else:
            outcome = rng.choice((f"Adopté par {vote.pour} voix pour, {vote.contre} contre et {vote.abstention} abstention{'s' if vote.abstention > 1 else ''}.",
                                  f"Vote : {vote.pour} pour – {vote.contre} contre – {vote.abstention} abstention{'s' if vote.abstention > 1 else ''}."))
            said = dict(unanimite=False, pour=vote.pour, contre=vote.contre, abstention=vote.abstention)
        if rng.random() < 0.5:
            self.add(f"{prefix}{item.title}", self.narrative(item.body), outcome)
        else:
            self.add(f"{prefix}{item.title} : {outcome}")
        return said

    def items(self) -> dict:
        """Every deliberation; returns the vote of the first, the one the label records."""
        m, rng = self.m, self.rng
        first_said = None
        items = m.items
        if self.doc_kind in ("extrait", "deliberation"):
            items = items[:1]
        leaver, leaves_at = None, None
        if self.doc_kind in ("proces_verbal", "compte_rendu") and len(items) >= 2 and rng.random() < 0.4:
            # A member leaves during the meeting: counted present at the opening (the convention), the
            # later votes have one voter fewer.
            free = [p for p in m.present if p.state == "present" and p is not m.chair
                    and not any(g.holder is p for g in m.proxies)]
            if free:
                leaver, leaves_at = rng.choice(free), rng.randint(2, len(items))
                for item in items[leaves_at - 1:]:
                    item.vote = make_vote(rng, m, m.voters - 1, gone=(leaver,))
        if self.doc_kind in ("proces_verbal", "compte_rendu") and rng.random() < 0.35:
            agenda = (["Approbation du procès-verbal de la séance précédente"] if rng.random() < 0.5 else []) + \
                [item.title for item in items] + ["Questions diverses"]
            self.add(rng.choice(("ORDRE DU JOUR :", "Ordre du jour", "L'ordre du jour est le suivant :")),
                     *[f"{i}. {t}" if numbered else f"- {t}" for numbered in [rng.random() < 0.7]
                       for i, t in enumerate(agenda, start=1)])
            self.flag("agenda")
        if self.doc_kind == "proces_verbal" and rng.random() < 0.7:
            approval = Meeting()
            approval.title = f"Approbation du procès-verbal de la séance du {date_fr(m.previous, rng.choice(('long', 'num')))}"
            approval.vote = make_vote(random.Random(rng.random()), m) if rng.random() < 0.3 else Meeting()
            if not hasattr(approval.vote, "unanimous"):
                approval.vote.pour, approval.vote.contre, approval.vote.abstention = m.voters, 0, 0
                approval.vote.voters = m.voters
                approval.vote.unanimous, approval.vote.against = True, []
            self.add(approval.title.upper() if rng.random() < 0.5 else approval.title)
            self.add(self.narrative("Le procès-verbal de la séance précédente, transmis à chaque membre, n'appelle pas d'observation."))
            text, said = self.vote_words(approval.vote)
            self.add(text.rstrip(",") + " l'approuve.")
            if said.get("table"):
                self.vote_table(approval.vote, said)
            first_said = said
            self.flag("previous_minutes_approved_first")
        for n, item in enumerate(items, start=1):
            if leaver is not None and n == leaves_at:
                self.add(rng.choice((f"{show(leaver, 'full_civ')} quitte la séance et ne prend pas part aux votes suivants.",
                                     f"Départ de {show(leaver, 'full_civ')} à {time_fr((m.hour + 1) % 24, rng.choice((0, 10, 20, 40)), 'h')}.",
                                     f"{show(leaver, 'surname_civ')} quitte la salle avant l'examen du point n° {n}.")))
                self.flag("member_leaves")
            if self.doc_kind in ("compte_rendu", "liste"):
                said = self.item_short(item, n)
            else:
                said = self.item_full(item, n == 1)
            if first_said is None:
                first_said = said
        self.m.first_items = items
        return first_said

    # -- closing, certificates, stamps
    def closing(self) -> None:
        m, rng = self.m, self.rng
        if rng.random() < 0.5:
            self.add(rng.choice(("Fait et délibéré les jour, mois et an susdits.", "Ainsi fait et délibéré les jour, mois et an que dessus.",
                                 "Pour extrait certifié conforme au registre.")))
        if rng.random() < 0.3:
            end = (m.hour + rng.randint(1, 3)) % 24
            self.add(f"La séance est levée à {time_fr(end, rng.choice((0, 15, 30, 45)), 'h')}.")
        signer = m.chair
        shape = rng.choice(("office_name", "name_office", "none", "office_name"))
        if shape == "office_name":
            office = chair_office(m) if m.chair is m.head else f"Pour le {m.head.office} empêché, {chair_office(m)}"
            style = rng.choice(("full", "full_civ", "inv"))
            self.add(f"{office[0].upper()}{office[1:]},", show(signer, style))
            self.sign = (signer, style, office if m.chair is m.head else chair_office(m))
        elif shape == "name_office":
            style = rng.choice(("full", "title_civ"))
            self.add(f"{show(signer, style)}, {chair_office(m)}")
            self.sign = (signer, style, chair_office(m))
        else:
            self.sign = None
        self.flag(f"signature_{shape}")

    def stamps(self) -> None:
        m, rng = self.m, self.rng
        post2022 = m.date >= dt.date(2022, 7, 1)
        transmitted = self.doc_kind in ("extrait", "deliberation")
        dep = m.dep.zfill(3)
        act_id = f"{dep}-{m.siren}-{m.date.strftime('%Y%m%d')}-{re.sub(r'[^A-Za-z0-9_]', '_', m.act_number)}-DE"
        if transmitted:
            shape = rng.choice(("s2low", "ar_box", "certified", "certified_receipt", "none"))
            self.flag(f"stamp_{shape}")
            if shape == "s2low":
                self.add(f"Envoyé en préfecture le {date_fr(m.sent, 'num')}", f"Reçu en préfecture le {date_fr(m.receipt, 'num')}")
                self.pr.receipt = m.receipt
                if post2022:
                    self.add(f"Publié le {date_fr(m.online, 'num')}")
                    self.pr.online = m.online
                elif rng.random() < 0.6:
                    self.add(f"Affiché le {date_fr(m.posted, 'num')}")
                    self.pr.posting = m.posted
                self.add(f"ID : {act_id}")
                self.pr.act_id = act_id
            elif shape == "ar_box":
                self.add("Accusé de réception en préfecture", act_id, f"Date de télétransmission : {date_fr(m.sent, 'num')}",
                         f"Date de réception préfecture : {date_fr(m.receipt, 'num')}")
                self.pr.receipt, self.pr.act_id = m.receipt, act_id
            elif shape in ("certified", "certified_receipt"):
                if post2022:
                    how = f"de sa publication sur le site internet le {date_fr(m.online, 'long')}"
                    self.pr.online = m.online
                else:
                    how = f"de son affichage le {date_fr(m.posted, 'long')}"
                    self.pr.posting = m.posted
                if shape == "certified_receipt":
                    self.add(f"Certifié exécutoire compte tenu de sa réception en préfecture le {date_fr(m.receipt, 'long')} et {how}.")
                    self.pr.receipt = m.receipt
                else:
                    self.add(f"Acte rendu exécutoire après transmission au représentant de l'État le {date_fr(m.sent, 'num')} et {how}.")
            if shape != "s2low" and rng.random() < 0.3 and not self.pr.posting and not self.pr.online:
                if post2022 and m.kind != "commune_petite":
                    self.add(f"Mis en ligne sur le site internet le {date_fr(m.online, 'num')}")
                    self.pr.online = m.online
                else:
                    self.add(f"Affiché le {date_fr(m.posted, 'num')}")
                    self.pr.posting = m.posted
        else:
            shape = rng.choice(("posted", "online", "both", "none"))
            self.flag(f"publicity_{shape}")
            if shape in ("posted", "both") and (not post2022 or m.kind == "commune_petite" or shape == "both"):
                what = "Le présent compte rendu" if self.doc_kind == "compte_rendu" else (
                    "La présente liste" if self.doc_kind == "liste" else "Le présent procès-verbal")
                self.add(rng.choice((f"{what} a été affiché{'e' if what.startswith('La') else ''} le {date_fr(m.posted, 'long')}.",
                                     f"Date d'affichage : {date_fr(m.posted, 'num')}",
                                     f"Affiché à la porte de la mairie le {date_fr(m.posted, 'num')}"
                                     if m.kind.startswith("commune") else f"Affiché au siège le {date_fr(m.posted, 'num')}")))
                self.pr.posting = m.posted
            if shape in ("online", "both"):
                self.add(rng.choice((f"Mis en ligne sur le site internet le {date_fr(m.online, 'num')}",
                                     f"Publié sur le site internet le {date_fr(m.online, 'long')}")))
                self.pr.online = m.online

    # -- noise
    def narrative(self, text: str) -> str:
        """Running text, where OCR confusions and line-end hyphenation are left as extraction leaves them;
        no labelled fact is written in it."""
        rng = self.rng
        if getattr(self, "ocr", False):
            swaps = (("é", "e"), ("è", "e"), ("l", "1"), ("rn", "m"), ("ti", "d"), ("o", "0"))
            chars = text.split(" ")
            for i, word in enumerate(chars):
                if len(word) > 5 and rng.random() < 0.08 and not any(c.isdigit() for c in word):
                    a, b = rng.choice(swaps)
                    chars[i] = word.replace(a, b, 1)
            text = " ".join(chars)
        if getattr(self, "hyphenate", False):
            out, width = [], 0
            for word in text.split(" "):
                width += len(word) + 1
                if width > 70 and len(word) > 7 and word.isalpha():
                    cut = rng.randint(3, len(word) - 3)
                    out.append(f"{word[:cut]}-\n{word[cut:]}")
                    width = len(word) - cut
                else:
                    out.append(word)
            text = " ".join(out)
        return text

    def furniture(self, lines: list) -> list:
        """Page headers and footers where a page would end, as PDF extraction keeps them."""
        m, rng = self.m, self.rng
        pages = max(2, len(lines) // 22 + 1)
        header = rng.choice((f"{m.assembly} du {date_fr(m.date, 'num')}", f"{m.body} – séance du {date_fr(m.date, 'long')}",
                             f"Séance du {date_fr(m.date, 'long')}"))
        out, page = [], 1
        for i, line in enumerate(lines):
            out.append(line)
            if i and i % 22 == 0 and page < pages:
                out += [rng.choice((f"Page {page}/{pages}", f"- {page} -", f"{page}")),
                        f"Tél. 0{rng.randint(1, 5)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
                        if rng.random() < 0.4 else "", header]
                page += 1
        return [x for x in out if x != ""] + [f"Page {page}/{pages}"]

    # -- the whole
    def write(self) -> str:
        m, rng = self.m, self.rng
        self.ocr = rng.random() < 0.3
        self.hyphenate = rng.random() < 0.3
        self.heading()
        if rng.random() < 0.3 and self.m.kind != "syndicat" and self.doc_kind != "liste":
            self.add(f"Nombre de {m.members_word} en exercice : {m.seats}")
            self.pr.in_office = True
        dated = self.title()
        if self.doc_kind == "deliberation":
            self.add(f"Objet : {m.items[0].title}")
        self.opening(dated)
        if self.conv_style != "formula":
            self.convocation_apart()
        order = rng.random()
        if order < 0.75:
            self.attendance()
            self.secretary()
        else:
            self.secretary()
            self.attendance()
        self.quorum()
        said = self.items()
        self.closing()
        self.stamps()
        lines = self.lines
        if rng.random() < 0.35:
            lines = self.furniture(lines)
            self.flag("page_furniture")
        text = "\n".join(lines)
        apostrophe = rng.random()
        if apostrophe < 0.25:
            text = text.replace("'", " ")
            self.flag("apostrophes_lost")
        elif apostrophe < 0.6:
            text = text.replace("'", "\u2019")
        if rng.random() < 0.3:
            text = re.sub(r"\s*\n\s*", " ", text)
            self.flag("flattened")
        if self.ocr:
            self.flag("ocr_noise")
        if self.hyphenate:
            self.flag("hyphenated")
        self.said = said
        return text + "\n"

    # -- the label, from what was printed
    def label(self, seed: int) -> dict:
        m, pr = self.m, self.pr
        present_known = pr.present_count or pr.present_list or (pr.all_but and pr.in_office)
        present = len(m.present) if present_known else None
        if pr.proxy_pairs or pr.represented_count:
            represented = len(m.proxies)
        elif present_known and not m.proxies:
            # The attendance is given and no proxy is mentioned (the convention's « 0 »).
            represented = 0
        else:
            represented = None
        if pr.voters:
            voters = m.voters
        elif present is not None and represented is not None:
            voters = present + represented
        else:
            voters = None
        president_style = pr.president[1] if pr.president else None
        proxies = []
        if pr.proxy_pairs:
            for p in m.proxies:
                giver, holder = pr.pair_styles[id(p)]
                if id(p) in self.by_office:
                    holder = label_name(m.chair, president_style)
                proxies.append([giver, holder])
        if pr.president:
            chair, style, office = pr.president
            president = f"{label_name(chair, style)} ({office})"
        elif self.sign and m.chair is m.head:
            chair, style, office = self.sign
            president = f"{label_name(chair, style)} ({office}, signs)"
        elif self.roll_chair:
            chair, style = self.roll_chair
            president = f"{label_name(chair, style)} ({chair.office}, named so in the roll)"
        else:
            president = None
        secretary = " et ".join(label_name(p, s) for p, s in pr.secretaries) or None
        said = self.said or {}
        unanimous = said.get("unanimite")
        datetime = m.date.isoformat() + (f"T{m.hour:02d}:{m.minute:02d}" if pr.time else "")
        notes = (f"SYNTHETIC document written blind to the reader (bench/corpus/inedits/README.md): invented meeting and "
                 f"persons, the body's name from the reference data (syndicates invented). Kind {m.kind}, era {m.era}, "
                 f"document {self.doc_kind}; {m.seats} seats, {len(m.present)} sitting (suppléants included), "
                 f"{len(m.proxies)} proxies, {len(m.absents)} absent. Labelled by construction under the « Convention "
                 f"d'étiquetage » of bench/corpus/README.md: only what the text states; the vote is the first of the "
                 f"text's business.")
        return {
            "source": f"synthetic: bench/corpus/inedits/ecrire.py (seed {seed}, document {self.number}; layouts chosen "
                      f"part by part, never copied from a document)",
            "collectivite": m.body_label,
            "type": "commune" if m.kind.startswith("commune") else m.kind,
            "population_if_stated": None,
            "meeting_datetime": datetime,
            "convocation_date": pr.convocation[0].isoformat() if pr.convocation else None,
            "convocation_statement": pr.convocation[1] if pr.convocation else None,
            "members_in_office": m.seats if pr.in_office else None,
            "present": present,
            "represented": represented,
            "voters": voters,
            "proxies": proxies,
            "absent_without_proxy": list(pr.absent_labels) if pr.absent_names else [],
            "secretary": secretary,
            "president": president,
            "vote": {"pour": said.get("pour"), "contre": said.get("contre"), "abstention": said.get("abstention"),
                     "unanimite": unanimous},
            "posting_date": pr.posting.isoformat() if pr.posting else None,
            "online_publication_date": pr.online.isoformat() if pr.online else None,
            "prefecture_receipt_date": pr.receipt.isoformat() if pr.receipt else None,
            "act_identifier": pr.act_id or getattr(pr, "number", None),
            "notes": notes,
            "flags": ["synthetic", "inedit"] + (["absents_named"] if pr.absent_names else []) +
                     [re.sub(r"[^A-Za-z0-9_]", "_", f) for f in dict.fromkeys(pr.flags)],
        }


def generate(seed: int = SEED, number: int = NUMBER) -> list:
    """[(name, text, label)] for every document, in order; the same for the same seed."""
    communes, epcis = _load_cog()
    plan = pick_era_lists(random.Random(f"plan-{seed}"), number)
    out = []
    for i, (kind, era) in enumerate(plan, start=1):
        rng = random.Random(f"{seed}-{i}")
        m = build_meeting(rng, kind, era, communes, epcis)
        writer = Writer(rng, m, i)
        text = writer.write()
        if writer.m.kind.startswith("commune") and any(f == "heading_ville" for f in writer.pr.flags) and m.population >= 3500:
            m.body_label = f"Ville de {m.body}"
        else:
            m.body_label = f"Commune de {m.body}" if kind.startswith("commune") else m.body
        out.append((f"g{i:02d}", text, writer.label(seed)))
    return out


def write(directory: Path, seed: int = SEED, number: int = NUMBER) -> Path:
    target = directory / "gabarits" / "tenus"
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("g[0-9][0-9].*"):
        old.unlink()
    for name, text, label in generate(seed, number):
        (target / f"{name}.txt").write_text(text, encoding="utf-8")
        (target / f"{name}.json").write_text(json.dumps(label, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Écrit des documents de délibération synthétiques jamais vus, "
                                                 "étiquetés par construction (issue #11).")
    parser.add_argument("dossier", type=Path, help="dossier de sortie (les documents vont dans DOSSIER/gabarits/tenus)")
    parser.add_argument("--graine", type=int, default=SEED, help="graine (défaut %(default)s)")
    parser.add_argument("--nombre", type=int, default=NUMBER, help="nombre de documents, au plus 99 (défaut %(default)s)")
    args = parser.parse_args(argv)
    if not 1 <= args.nombre <= 99:
        parser.error("--nombre doit être entre 1 et 99")
    target = write(args.dossier, args.graine, args.nombre)
    print(f"{args.nombre} documents écrits dans {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
