"""Writes the synthetic minutes of comités syndicaux and conseils communautaires of `bench/corpus/gabarits/`.

Every body, person, number and date here is invented (member communes are place names of south-west France, many of
them real communes: see README.md). The layouts (where the attendance stands, how a
suppléant, a proxy, a count or a stamp is written) are those seen in public minutes of syndicates and EPCI of several
eras (see README.md); no sentence of those minutes is copied. Each document is described once (`DOCUMENTS`): who sat,
for whom, who gave a proxy to whom, who was absent; the text is written from that description by the renderer of its
layout, and its label is derived from the same description, so text and label cannot disagree.

    python bench/corpus/gabarits/fabrique.py          # rewrites reglage/ and tenus/ (texts and labels)
    python bench/corpus/gabarits/fabrique.py --check  # says whether the committed files are the ones written here
    python bench/corpus/gabarits/fabrique.py --jamais-vus DIR   # the held-out documents of layouts never tuned on,
    python bench/reader_accuracy.py --extra DIR                 # scored alone: the honest generalisation figure
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = "synthetic: bench/corpus/gabarits/fabrique.py (invented body, names, numbers and dates; layout learnt from public minutes)"

JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre"]
_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
          "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante"}


def words(n: int) -> str:
    """A number below 60 in French words (days, hours, minutes)."""
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TENS[tens * 10]
    if unit == 1:
        return f"{_TENS[tens * 10]} et un"
    return f"{_TENS[tens * 10]}-{_UNITS[unit]}"


def day_words(d: int) -> str:
    return "premier" if d == 1 else words(d)


def year_words(y: int, mil: str = "mille") -> str:
    rest = y - 2000
    return f"deux {mil}" + (f" {words(rest)}" if rest else "")


def long_date(d: dt.date, weekday: bool = False) -> str:
    day = "1er" if d.day == 1 else str(d.day)
    text = f"{day} {MOIS[d.month - 1]} {d.year}"
    return f"{JOURS[d.weekday()]} {text}" if weekday else text


def num_date(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def hour_words(h: int, m: int) -> str:
    text = f"{words(h)} heure{'s' if h > 1 else ''}"
    return text + (f" {words(m)}" if m else "")


# ---------------------------------------------------------------- people
@dataclass
class P:
    first: str
    last: str
    sex: str  # "M" or "F"

    @property
    def full(self):
        return f"{self.first} {self.last}"

    @property
    def rev(self):
        return f"{self.last} {self.first}"

    @property
    def civ(self):
        return "M." if self.sex == "M" else "Mme"

    @property
    def civ_long(self):
        return "Monsieur" if self.sex == "M" else "Madame"

    @property
    def initial(self):
        return f"{self.last} {'.'.join(part[0] for part in self.first.split('-'))}."

    @property
    def label_initial(self):
        # As printed, « NOM I. »: a label « M. NOM » would read as a civility and a surname.
        return self.initial


@dataclass
class Seat:
    """One titulaire's seat: who holds it, what happened to it at this meeting."""
    holder: P
    member: str  # the commune or EPCI the delegate represents
    state: str = "present"  # present | suppleant | proxy | absent
    suppleant: P | None = None
    proxy_to: "Seat | None" = None


FIRST_M = ["Alain", "Bernard", "Christophe", "Didier", "Étienne", "Fabrice", "Gérard", "Hervé", "Jacques", "Jean-Marc",
           "Laurent", "Marcel", "Nicolas", "Olivier", "Patrick", "Rémi", "Serge", "Thierry", "Yves", "Gilles",
           "Pascal", "Dominique", "Hugues", "Lionel", "Maurice", "Régis", "Sylvain", "Vincent", "Jean-Paul", "Claude"]
FIRST_F = ["Agnès", "Brigitte", "Catherine", "Danièle", "Élise", "Françoise", "Geneviève", "Hélène", "Isabelle",
           "Josiane", "Karine", "Laurence", "Martine", "Nadège", "Odile", "Pascale", "Roselyne", "Sandrine", "Valérie",
           "Marie-Claude", "Corinne", "Muriel", "Annick", "Chantal", "Sylvie", "Anne-Laure", "Béatrice", "Delphine"]
LAST = ["ARNOULET", "BAZERQUE", "BELLOCQ", "BOISSARD", "BRUNETEAU", "CAILLAVET", "CASTAGNÉ", "CHAMBRUN", "CLAVELIER",
        "COUDERC", "DALMAYRAC", "DEBRESSE", "DELPONT", "DUCASSOU", "DURANTHON", "ESCANDE", "FAUVEL", "FERRANDOU",
        "FOURNEYRON", "GALINIER", "GARROUSTE", "GAUZENS", "GIBERTEAU", "GOUSSARD", "GRANEL", "HAURIE", "JAMMES",
        "LABORDÈRE", "LACAZETTE", "LAFFONTAS", "LAMOTHE-VIEL", "LANDRIEU", "LAPLAGNE", "LARRIEU", "LASSERRE",
        "LECOURTOIS", "LÉGERON", "LESCURAS", "MAILHOS", "MARCADIER", "MASSEBIAU", "MAZOYER", "MÉRIGOT", "MONTAUDON",
        "MOUREAUX", "NAUDOT", "NOGARET", "PAILHOUS", "PARAYRE", "PÉCASTAING", "PEYRONNET", "PIQUEMALE", "POUYDEBAT",
        "PRADELLE", "QUINTARD", "RAMONDOU", "RAYSSAC", "RIBEYROLLES", "ROUQUETTE", "SABATHÉ", "SALVAGNAC", "SERRADELL",
        "SOUBIRAN", "TAILHADES", "TEYSSÈDRE", "TOURNAYRE", "TRUFFAUT", "VALADIER", "VERDALLE", "VIGNERAC", "VIGUIÉ",
        "BARRAQUÉ", "BESOMBES", "CARRÈRE", "COSTEDOAT", "DARRIGADE", "DOUSTEYSSIER", "ESPAGNAC", "FONTANILLE",
        "GRATACAP", "HOURCADE", "JOUANOLOU", "LABARTHE-ROUX", "LAVIGNASSE", "MAUVEZIN", "NOUGAROL", "PÉRISSÉ",
        "ROUMÉGOUX", "SARRAMÉA", "TOUJAS", "VERGNOLLE"]


class People:
    """Invented people, each name used once in a document."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used = set()

    def one(self) -> P:
        while True:
            sex = self.rng.choice("MF")
            first = self.rng.choice(FIRST_M if sex == "M" else FIRST_F)
            last = self.rng.choice(LAST)
            if last not in self.used:
                self.used.add(last)
                return P(first, last, sex)


@dataclass
class Meeting:
    ident: str
    part: str  # reglage | tenus
    kind: str  # syndicat | epci
    name: str  # the body's name as the label gives it
    heading: str  # how the heading prints it
    date: dt.date
    hour: tuple | None
    convocation: dt.date | None
    seats: list
    president: P
    secretary: P | None
    era: str
    layout: str
    members_in_office_printed: bool = True
    vote: dict = field(default_factory=lambda: {"pour": None, "contre": None, "abstention": None, "unanimite": True})
    posting: dt.date | None = None
    online: dt.date | None = None
    receipt: dt.date | None = None
    act: str | None = None
    flags: list = field(default_factory=list)
    notes: str = ""
    place: str = ""
    previous: dt.date | None = None
    surnames_only: bool = False
    initials: bool = False
    extra: dict = field(default_factory=dict)

    # -- the facts, from the seats
    def present_people(self):
        out = []
        for seat in self.seats:
            if seat.state == "present":
                out.append(seat.holder)
            elif seat.state == "suppleant":
                out.append(seat.suppleant)
        return out

    def proxies(self):
        return [(s.holder, s.proxy_to.holder) for s in self.seats if s.state == "proxy"]

    def absents(self):
        return [s.holder for s in self.seats if s.state == "absent"]

    @property
    def n_present(self):
        return len(self.present_people())

    @property
    def n_proxies(self):
        return len(self.proxies())

    @property
    def n_voters(self):
        return self.n_present + self.n_proxies


def build_seats(people: People, members: list, per_member, states: dict, rng: random.Random) -> list:
    """Seats for the `members` (communes or EPCI), `per_member` titulaires each (an int or a list); `states` gives how
    many seats are held by a suppléant, given by proxy, or absent; the rest are present."""
    seats = []
    for i, member in enumerate(members):
        count = per_member[i] if isinstance(per_member, list) else per_member
        for _ in range(count):
            seats.append(Seat(people.one(), member))
    order = list(range(len(seats)))
    rng.shuffle(order)
    cursor = 0
    for state in ("suppleant", "proxy", "absent"):
        for _ in range(states.get(state, 0)):
            seat = seats[order[cursor]]
            cursor += 1
            seat.state = state
            if state == "suppleant":
                seat.suppleant = people.one()
    present = [s for s in seats if s.state == "present"]
    limit = states.get("max_per_holder", 1)
    load = {}
    for seat in seats:
        if seat.state == "proxy":
            choices = [p for p in present if load.get(id(p), 0) < limit]
            holder = rng.choice(choices)
            load[id(holder)] = load.get(id(holder), 0) + 1
            seat.proxy_to = holder
    return seats


# ---------------------------------------------------------------- shared pieces
def vote_sentence(m: Meeting) -> str:
    v = m.vote
    if v["unanimite"]:
        return m.extra.get("unanimity", "Le procès-verbal est adopté à l'unanimité.")
    return (f"Le procès-verbal est adopté par {v['pour']} voix pour, {v['contre']} voix contre et "
            f"{v['abstention']} abstention{'s' if v['abstention'] > 1 else ''}.")


def first_item(m: Meeting, number: str = "1") -> str:
    prev = m.previous or (m.date - dt.timedelta(days=63))
    return (f"{number}. Approbation du procès-verbal de la séance du {long_date(prev)}\n"
            f"{vote_sentence(m)}\n")


def business(m: Meeting, start: int = 2) -> str:
    topics = m.extra.get("topics", ["Budget annexe : décision modificative n° 2",
                                    "Convention de mise à disposition de personnel",
                                    "Questions diverses"])
    lines = []
    for i, topic in enumerate(topics, start):
        lines.append(f"{i}. {topic}")
        lines.append(m.extra.get("topic_text", "Le rapporteur présente le dossier. Après en avoir délibéré, "
                                 "l'assemblée adopte la proposition à l'unanimité."))
    return "\n".join(lines) + "\n"


def stamps(m: Meeting, posting: bool = True) -> str:
    out = []
    if m.posting and posting:
        out.append(m.extra.get("posting_text", "Compte rendu affiché au siège le {d}.").format(
            d=num_date(m.posting), D=long_date(m.posting), r=num_date(m.receipt) if m.receipt else ""))
    if m.online:
        out.append(m.extra.get("online_text", "Publié sur le site internet le {d}.").format(d=long_date(m.online)))
    if m.receipt and not m.extra.get("receipt_in_posting"):
        if m.act:
            out.append(f"Accusé de réception en préfecture\n{m.act}\nDate de réception préfecture : {num_date(m.receipt)}")
        else:
            out.append(f"Transmis au contrôle de légalité, reçu en préfecture le {num_date(m.receipt)}.")
    return "\n".join(out) + ("\n" if out else "")


def join(items, sep=", ", last=None):
    items = list(items)
    if last and len(items) > 1:
        return sep.join(items[:-1]) + last + items[-1]
    return sep.join(items)


def by_member(seats):
    groups = {}
    for s in seats:
        groups.setdefault(s.member, []).append(s)
    return groups


def commune_de(name: str) -> str:
    return f"d'{name}" if name[0] in "AEIOUYÉÈH" else f"de {name}"


# ---------------------------------------------------------------- renderers (one per layout seen)
def r_commune_lines(m: Meeting) -> str:
    """Heading in capitals, the meeting « compte rendu de la réunion du », attendance as « Commune de X : Monsieur Y,
    Madame Z » by member commune (surnames), proxies as sentences, excused surnames by civility, quorum sentence, the
    secretary designated, the previous report approved."""
    lines = [m.heading.upper(), "", f"COMPTE RENDU DE LA REUNION DU {long_date(m.date).upper()}", "", "Etaient présents :"]
    chunks = []
    for member, seats in by_member(m.seats).items():
        sitting = [s.holder if s.state == "present" else s.suppleant for s in seats if s.state in ("present", "suppleant")]
        if not sitting:
            continue
        if len(sitting) == 1:
            chunks.append(f"Commune {commune_de(member)} : {sitting[0].civ_long} {sitting[0].last.title()}")
        else:
            civ = "Messieurs" if all(p.sex == "M" for p in sitting) else (
                "Mesdames" if all(p.sex == "F" for p in sitting) else "Mme et M.")
            chunks.append(f"Commune {commune_de(member)} : {civ} {join(p.last.title() for p in sitting)}")
    lines.append(", ".join(chunks))
    lines.append("")
    if m.proxies():
        lines.append("Pouvoirs : " + ", ".join(f"{a.civ_long} {a.last.title()} a donné pouvoir à {b.civ_long} {b.last.title()}"
                                               for a, b in m.proxies()))
    ab = m.absents()
    if ab:
        lines.append("Excusés : " + join(f"{p.civ_long} {p.last.title()}" for p in ab))
    lines.append("")
    lines.append(m.extra.get("guests", "Assistaient également à la réunion : le technicien du syndicat et la secrétaire administrative."))
    lines.append("")
    lines.append(f"Le quorum étant atteint, {'le Président' if m.president.sex == 'M' else 'la Présidente'} "
                 f"déclare la séance ouverte.")
    lines.append("")
    lines.append(f"Désignation secrétaire de séance : {m.secretary.civ_long} {m.secretary.full.title() if False else m.secretary.first + ' ' + m.secretary.last.title()}")
    lines.append("")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_sivom_formula(m: Meeting) -> str:
    """Department and address header, « PROCES-VERBAL DU COMITE SYNDICAL DU <full name> », the opening formula in
    words with a convocation sent five days before, titulaires then suppléants « avec voix délibérative »
    as NOM Prénom, the absent titulaires, the secretary, then the convocation-and-posting line and the seats."""
    d = m.date
    lines = ["REPUBLIQUE FRANCAISE", m.extra.get("dept", "DEPARTEMENT DU LOT-ET-GARONNE"),
             m.extra.get("address", "Siège administratif : 4, place de la Halle - 47310 VAURELLES"),
             f"PROCES-VERBAL DU COMITE SYNDICAL DU {m.heading.upper()}"]
    h, mi = m.hour
    formula = (f"L'an {year_words(d.year)}, le {day_words(d.day)} {MOIS[d.month - 1]} à {hour_words(h, mi)}, le Comité "
               f"Syndical du {m.extra.get('short', m.heading)} s'est réuni {m.place}, sur convocation adressée à chaque "
               f"délégué cinq jours francs avant la séance.")
    lines.append(formula)
    titulaires = [s.holder for s in m.seats if s.state == "present"]
    suppl = [s.suppleant for s in m.seats if s.state == "suppleant"]
    lines.append("Etaient présents : Membres titulaires : " + join(p.rev for p in titulaires) + ".")
    if suppl:
        lines.append("Membres suppléants avec voix délibérative : " +
                     join(f"{s.suppleant.rev} (pour {s.holder.rev})" for s in m.seats if s.state == "suppleant") + ".")
    if m.proxies():
        lines.append("Membres titulaires ayant donné pouvoir : " + join(f"{a.rev} à {b.rev}" for a, b in m.proxies()) + ".")
    lines.append("Membres titulaires absents, excusés : " + join(p.rev for p in m.absents()) + ".")
    sec = m.secretary
    lines.append(f"Secrétaire de séance : {sec.civ_long} {sec.last}.")
    lines.append(f"Date de la convocation et de son affichage : {long_date(m.convocation)}")
    lines.append(f"Nombre de membres en exercice : {len(m.seats)}")
    lines.append("")
    lines.append(f"Approbation du procès-verbal du comité syndical du {long_date(m.previous)} : "
                 + ("adopté à l'unanimité." if m.vote["unanimite"] else
                    f"adopté par {m.vote['pour']} voix pour, {m.vote['contre']} contre, {m.vote['abstention']} abstentions."))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_mixte_roles(m: Meeting) -> str:
    """« SYNDICAT MIXTE … », « Compte-rendu du Comité Syndical du <weekday date> », place and time on a line, a
    sentence of convocation, the present delegates by « Mesdames : » and « Messieurs : » each with (titulaire),
    (suppléant de …) or (Président), the absent titulaires likewise, proxies after."""
    d = m.date
    h, mi = m.hour
    lines = [m.heading.upper(), m.extra.get("subtitle", ""), "Compte-rendu",
             f"du Comité Syndical du {long_date(d, weekday=True)}", f"{m.place} à {h}h{mi:02d}", ""]
    if m.extra.get("second"):
        first = m.extra["second"]
        lines.append(f"Lors de la réunion du comité syndical du {long_date(first)}, le quorum n'a pas été atteint. "
                     f"Le comité syndical a donc été de nouveau convoqué, par courrier en date du "
                     f"{long_date(m.convocation)}, et s'est réuni sans condition de quorum, sous la présidence de "
                     f"{m.president.full}, Président du syndicat mixte.")
    else:
        lines.append(f"Le comité syndical, régulièrement convoqué par courrier en date du {long_date(m.convocation)}, "
                     f"s'est réuni sous la présidence de {m.president.full}, "
                     f"{'Président' if m.president.sex == 'M' else 'Présidente'} du syndicat mixte.")
    lines.append("")

    def tag(seat, person):
        if person is m.president:
            return f"{person.full} ({'Président' if person.sex == 'M' else 'Présidente'})"
        if seat.state == "suppleant":
            return f"{person.full} (suppléant{'e' if person.sex == 'F' else ''} de {seat.holder.full})"
        return f"{person.full} (titulaire)"

    sitting = [(s, s.holder if s.state == "present" else s.suppleant) for s in m.seats if s.state in ("present", "suppleant")]
    lines.append("Etaient présents :")
    lines.append("Mesdames : " + join(tag(s, p) for s, p in sitting if p.sex == "F") + ",")
    lines.append("Messieurs : " + join(tag(s, p) for s, p in sitting if p.sex == "M") + ",")
    lines.append("")
    if m.proxies():
        lines.append("Pouvoirs : " + join(f"{a.full} à {b.full}" for a, b in m.proxies()))
    ab = m.absents()
    lines.append("Etaient absents ou excusés :")
    lines.append(join(f"{p.full} ({'titulaire'})" for p in ab) + ",")
    lines.append("")
    lines.append(f"{m.secretary.full} est désigné{'e' if m.secretary.sex == 'F' else ''} secrétaire de séance.")
    lines.append("")
    lines.append(first_item(m, "I"))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cc_dashes(m: Meeting) -> str:
    """« COMMUNAUTE DE COMMUNES X », « COMPTE-RENDU DU CONSEIL DE COMMUNAUTE », « Séance du <date> à <place> », the
    formula in words with « dûment convoqué le <date> » and the time in words, names as « NOM I. » parted by dashes,
    a suppléant « (remplace NOM I.) », the excused with « (remplacé par …) » and « (pouvoir à …) »."""
    d = m.date
    h, mi = m.hour
    lines = [m.heading.upper(), "-" * 33 + "COMPTE-RENDU DU CONSEIL DE COMMUNAUTE",
             f"Séance du {long_date(d)} à {m.place}",
             f"L'an {year_words(d.year)}, le {day_words(d.day)} {MOIS[d.month - 1]}, le Conseil de Communauté, dûment "
             f"convoqué le {long_date(m.convocation)}, s'est réuni, à {m.place}, en séance ordinaire, à "
             f"{hour_words(h, mi)}, sous la présidence de {m.president.civ_long} {m.president.first} {m.president.last}."]
    present = []
    for s in m.seats:
        if s.state == "present":
            present.append(s.holder.initial)
        elif s.state == "suppleant":
            present.append(f"{s.suppleant.initial} (remplace {s.holder.initial})")
    m.rng.shuffle(present)
    lines.append("Etaient présents : " + " – ".join(present))
    ab = m.absents()
    lines.append("Etaient absents : " + (" – ".join(p.initial for p in ab) if ab else "néant"))
    excused = [f"{s.holder.initial} ({'remplacée' if s.holder.sex == 'F' else 'remplacé'} par {s.suppleant.initial})"
               for s in m.seats if s.state == "suppleant"]
    excused += [f"{a.initial} (pouvoir à {b.initial})" for a, b in m.proxies()]
    lines.append("Etaient excusés : " + " – ".join(excused))
    lines.append(f"Secrétaire de séance : {m.secretary.initial}")
    lines.append("ORDRE DU JOUR")
    lines.append(first_item(m, "I."))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cc_member_blocks(m: Meeting) -> str:
    """« PROCES-VERBAL du Conseil de la Communauté de Communes … », « Réunion du <Weekday> <date> à 19 h 30 », the
    present delegates under each member commune in capitals, « (suppléant de M. NOM Prénom) », « Formant la majorité
    des membres en exercice », proxies « M. A à M. B », absent delegates « de COMMUNE »."""
    d = m.date
    h, mi = m.hour
    lines = ["PROCES-VERBAL du", f"Conseil de la {m.heading}",
             f"Réunion du {JOURS[d.weekday()].title()} {d.day} {MOIS[d.month - 1].title()} {d.year} à {h} h {mi:02d}",
             "Etaient présents :"]
    for member, seats in by_member(m.seats).items():
        sitting = [s for s in seats if s.state in ("present", "suppleant")]
        lines.append(member.upper())
        for s in sitting:
            if s.state == "present":
                lines.append(f"{s.holder.civ} {s.holder.rev}")
            else:
                lines.append(f"{s.suppleant.civ} {s.suppleant.rev} (suppléant{'e' if s.suppleant.sex == 'F' else ''} de")
                lines.append(f"{s.holder.civ} {s.holder.rev})")
    lines.append("Formant la majorité des membres en exercice.")
    lines.append("Délégués représentés par pouvoir :")
    for a, b in m.proxies():
        lines.append(f"{a.civ} {a.rev} à {b.civ} {b.rev}")
    lines.append("Délégués absents excusés :")
    for s in m.seats:
        if s.state == "absent":
            lines.append(f"{s.holder.civ} {s.holder.rev} de {s.member.upper()}")
    lines.append(f"{m.secretary.civ} {m.secretary.rev} est désigné{'e' if m.secretary.sex == 'F' else ''} "
                 f"secrétaire de séance.")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_siaep_replaced(m: Meeting) -> str:
    """« SIAEP de X Réunion du <date> », the president in a « Sous la présidence de » line, PRESENTS by Mmes and MM.
    as NOM Prénom, « remplacé(e) par son suppléant NOM Prénom » inline, ABSENTS - EXCUSES, SECRETAIRE DE SEANCE, the
    agenda."""
    lines = [m.heading.upper(), f"{m.extra['short']} Réunion du {long_date(m.date)}",
             f"Sous la présidence de {m.president.civ_long} {m.president.rev}, "
             f"{'Président' if m.president.sex == 'M' else 'Présidente'},"]

    def show(s):
        if s.state == "present":
            return s.holder.rev
        word = "remplacée" if s.holder.sex == "F" else "remplacé"
        own = "sa suppléante" if s.suppleant.sex == "F" else "son suppléant"
        return f"{s.holder.rev} {word} par {own} {s.suppleant.rev}"

    sitting = [s for s in m.seats if s.state in ("present", "suppleant")]
    women = [show(s) for s in sitting if s.holder.sex == "F"]
    men = [show(s) for s in sitting if s.holder.sex == "M"]
    lines.append("PRESENTS : " + (f"Mmes {join(women)}, " if women else "") + f"MM. {join(men)}.")
    ab = m.absents()
    if m.proxies():
        lines.append("POUVOIRS : " + join(f"{a.civ} {a.rev} à {b.civ} {b.rev}" for a, b in m.proxies()) + ".")
    wa = [p.rev for p in ab if p.sex == "F"]
    ma = [p.rev for p in ab if p.sex == "M"]
    lines.append("ABSENTS - EXCUSES : " + (f"Mme{'s' if len(wa) > 1 else ''} {join(wa)}, " if wa else "")
                 + (f"MM. {join(ma)}." if ma else ""))
    lines.append(f"SECRETAIRE DE SEANCE : {m.secretary.civ} {m.secretary.rev}")
    lines.append("Ordre du jour : - Approbation du compte-rendu de la réunion précédente - Tarifs de l'eau - "
                 "Questions diverses")
    lines.append(first_item(m, "1)"))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_mixte_counts_by_epci(m: Meeting) -> str:
    """Address header, « RÉUNION DU COMITÉ SYNDICAL DU <WEEKDAY DATE> », « PROCÈS-VERBAL », a sentence with the
    convocation and the presiding vice-president, the formula in words, then label lines: convocation date,
    titulaires and suppléants in office, the quorum, the president and secretary of the meeting, the number present;
    delegates grouped by member EPCI « Prénom NOM (Commune) »; proxies by « donne pouvoir à »."""
    d = m.date
    h, mi = m.hour
    pres = m.president
    lines = [m.heading.upper(), m.extra.get("address", "12, chemin des Aulnes - 95470 SAINT-ORMIN"),
             f"RÉUNION DU COMITÉ SYNDICAL DU {long_date(d, weekday=True).upper()}", m.place, "PROCÈS-VERBAL",
             f"Le Comité du {m.heading}, légalement convoqué le {long_date(m.convocation, weekday=True)}, s'est réuni le "
             f"{long_date(d, weekday=True)} {m.place}, sous la Présidence de {pres.full}, "
             f"{m.extra.get('pres_title', 'Président du Syndicat')}.",
             f"L'an {year_words(d.year)}, le {JOURS[d.weekday()]} {day_words(d.day)} {MOIS[d.month - 1]} à "
             f"{hour_words(h, mi)},",
             f"Date de la convocation : Le {long_date(m.convocation, weekday=True)}",
             f"Délégués titulaires en exercice : {len(m.seats)}",
             f"Délégués suppléants en exercice : {len(m.seats)}",
             f"Quorum requis : {m.extra['quorum']} délégués",
             f"Président de séance : {pres.full}",
             f"Secrétaire de séance : {m.secretary.full}, délégué{'e' if m.secretary.sex == 'F' else ''} de la commune "
             f"{commune_de(m.extra['secretary_commune'])}",
             f"Nombre de présents : ({m.n_present})"]
    if m.extra.get("covid"):
        lines.append(m.extra["covid"])
    groups = {}
    for s in m.seats:
        if s.state in ("present", "suppleant"):
            person = s.holder if s.state == "present" else s.suppleant
            groups.setdefault(m.extra["epci_of"][s.member], {}).setdefault(s.member, []).append(person)
    for epci, communes in groups.items():
        chunk = []
        for commune, persons in communes.items():
            chunk.append(f"{join((p.full for p in persons), last=' et ')} ({commune})")
        lines.append(f"{epci} : " + join(chunk) + ".")
    suppl = [s for s in m.seats if s.state == "suppleant"]
    if suppl:
        lines.append("Dont suppléants siégeant avec voix délibérative : " +
                     join(f"{s.suppleant.full} pour {s.holder.full}" for s in suppl) + ".")
    if m.proxies():
        lines.append(f"Nombre de pouvoirs : ({m.n_proxies})")
        for a, b in m.proxies():
            lines.append(f"{a.full} donne pouvoir à {b.full}")
    ab = m.absents()
    lines.append("Absents excusés : " + join(p.full for p in ab) + ".")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_x_table(m: Meeting) -> str:
    """A sentence of convocation and meeting, then the attendance as a flattened table of four columns (delegate,
    member body, an X when present or replaced, the suppléant or the proxy holder)."""
    d = m.date
    h, mi = m.hour
    lines = [m.heading.upper(), f"Compte-rendu du Comité Syndical du {long_date(d)}", "",
             f"Le comité syndical s'est réuni le {long_date(d, weekday=True)} à {h}h{mi:02d} {m.place}, sur "
             f"convocation de {'son Président' if m.president.sex == 'M' else 'sa Présidente'}, "
             f"{m.president.civ_long} {m.president.rev}, du {long_date(m.convocation)}.", "",
             "Liste d'émargement des délégués à voix délibérative",
             "Délégué Collectivité Présent Suppléant ou mandataire"]
    for s in m.seats:
        if s.state == "present":
            lines.append(f"{s.holder.rev} {s.member} X")
        elif s.state == "suppleant":
            lines.append(f"{s.holder.rev} {s.member} X {s.suppleant.rev}")
        elif s.state == "proxy":
            lines.append(f"{s.holder.rev} {s.member} {s.proxy_to.holder.rev}")
        else:
            lines.append(f"{s.holder.rev} {s.member}")
    lines.append("")
    lines.append(f"Secrétaire de séance : {m.secretary.full}")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_ts_by_epci(m: Meeting) -> str:
    """A report « de la réunion du » then the formula « L'an …, le … à …, le Comité Syndical du Syndicat, régulièrement
    convoqué, s'est réuni … au nombre prescrit par la loi », present delegates grouped by member EPCI as « NOM Prénom
    (T) » or « (S) », excused, proxies, the secretary."""
    d = m.date
    h, mi = m.hour
    lines = [m.heading.upper(), "COMPTE RENDU", f"de la réunion du {long_date(d)}", "",
             f"L'an {year_words(d.year)} et le {day_words(d.day)} {MOIS[d.month - 1]} à {hour_words(h, mi)}, le "
             f"Comité Syndical du Syndicat, régulièrement convoqué le {num_date(m.convocation)}, s'est réuni en séance, "
             f"au nombre prescrit par la loi, dans le lieu habituel de ses séances, sous la présidence de "
             f"{m.president.civ_long} {m.president.full}.", "", "Etaient présents(es) :"]
    groups = {}
    for s in m.seats:
        if s.state == "present":
            groups.setdefault(s.member, []).append(f"{s.holder.rev} (T)")
        elif s.state == "suppleant":
            groups.setdefault(s.member, []).append(f"{s.suppleant.rev} (S, pour {s.holder.rev})")
    for member in dict.fromkeys(s.member for s in m.seats):
        lines.append(f"{member.upper()} : " + join(groups.get(member, [])) + ".")
    lines.append("Étaient excusés : " + join(p.rev for p in m.absents()) + ".")
    if m.proxies():
        lines.append("Pouvoirs : " + join(f"{a.rev} à {b.rev}" for a, b in m.proxies()) + ".")
    lines.append(f"Secrétaire de séance : {m.secretary.rev}")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_energy_counts(m: Meeting) -> str:
    """« <NAME> PROCES-VERBAL », « Le <date>, sur convocation datée du <date>, le Comité du Syndicat … s'est réuni, en
    session ordinaire à 14h00, …, sous la Présidence de …, et en présence de …, Secrétaire », the seats and the
    quorum on one line, a sentence giving the numbers present and represented at the opening,
    then present delegates by arrondissement and commune « COMMUNE : Prénom NOM »."""
    d = m.date
    h, mi = m.hour
    pres = m.president
    sec = m.secretary
    lines = [f"{m.heading.upper()}", "PROCES-VERBAL", "_" * 21,
             f"Le {long_date(d)}, sur convocation datée du {long_date(m.convocation)}, le Comité du {m.heading} s'est "
             f"réuni, en session ordinaire à {h}h{mi:02d}, {m.place}, sous la Présidence de {pres.civ} {pres.full}, "
             f"{'Président' if pres.sex == 'M' else 'Présidente'}, et en présence de {sec.civ} {sec.full}, "
             f"Secrétaire.",
             f"Membres en exercice : {len(m.seats)} Quorum : {len(m.seats) // 2 + 1} délégués",
             f"À l'ouverture de la séance, {m.n_present} délégués sont présents et {m.n_proxies} sont représentés par "
             f"un pouvoir écrit.",
             "Délégués présents :"]
    for area, members in m.extra["areas"].items():
        chunk = []
        for s in m.seats:
            if s.member in members and s.state in ("present", "suppleant"):
                p = s.holder if s.state == "present" else s.suppleant
                chunk.append(f"{s.member.upper()} : {p.full}")
        lines.append(f"Arrondissement {area} : " + " ".join(chunk))
    lines.append("Pouvoirs : " + join(f"{a.full} à {b.full}" for a, b in m.proxies()))
    lines.append(first_item(m, "1 -"))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cc_covid_box(m: Meeting) -> str:
    """a procès-verbal's title and « Séance du <Weekday date> à 19h00 <place> », the
    formula with the electronic convocation, the count box « En exercice N Présents N Pouvoirs N Votants N », the
    present with « (visioconférence) » or « (suppléant de …) », the proxies as a flattened two-column table."""
    d = m.date
    h, mi = m.hour
    lines = ["Procès-verbal du Conseil Communautaire",
             f"Séance du {JOURS[d.weekday()].title()} {d.day} {MOIS[d.month - 1].title()} {d.year} à {h}h{mi:02d} {m.place}",
             f"L'an {year_words(d.year)}, le {d.day} {MOIS[d.month - 1].title()} à {h} heures"
             + (f" {mi:02d}" if mi else ""),
             f"Le Conseil Communautaire de la {m.heading} s'est réuni {m.place}, sous la Présidence de "
             f"{m.president.civ} {m.president.full} ; la convocation, l'ordre du jour et la note de synthèse ont été "
             f"adressés par courriel à chaque conseiller le "
             f"{d.day if False else m.convocation.day} {MOIS[m.convocation.month - 1].title()} {m.convocation.year}.",
             f"En exercice {len(m.seats)} Présents {m.n_present} Pouvoirs {m.n_proxies} Votants {m.n_voters}",
             "Etaient présents :",
             f"{m.president.civ} {m.president.full}, {'Président' if m.president.sex == 'M' else 'Présidente'}"]
    visio = set(m.extra.get("visio", []))
    entries = []
    for i, s in enumerate(m.seats):
        if s.state == "present" and s.holder is not m.president:
            entries.append(f"{s.holder.civ} {s.holder.full}" + (" (visioconférence)" if i in visio else ""))
        elif s.state == "suppleant":
            entries.append(f"{s.suppleant.civ} {s.suppleant.full} (suppléant{'e' if s.suppleant.sex == 'F' else ''} "
                           f"de {s.holder.civ} {s.holder.full})")
    lines.append(" ; ".join(entries) + ".")
    lines.append("Procurations : Mandant Mandataire " +
                 " ".join(f"{a.full} {b.full}" for a, b in m.proxies()))
    ab = m.absents()
    lines.append("Absents/Excusés : " + (join(p.full for p in ab) if ab else "néant"))
    lines.append(f"Secrétaire de séance : {m.secretary.full}")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_delegates_of(m: Meeting) -> str:
    """« COMPTE RENDU CONSEIL COMMUNAUTAIRE Séance du <weekday date> A 15 h 00 – à <Town> », the formula in words
    with « légalement convoqué », each present « Prénom NOM (Délégué titulaire de X) » or « (Déléguée suppléante de
    X) », proxies as « A à B », the absents, the secretary."""
    d = m.date
    h, mi = m.hour
    lines = ["COMPTE RENDU CONSEIL COMMUNAUTAIRE",
             f"Séance du {long_date(d, weekday=True)} A {h} h {mi:02d} – à {m.place}",
             f"L'an {year_words(d.year)}, le {day_words(d.day)} {MOIS[d.month - 1]}, à {hour_words(h, mi)}, Le Conseil "
             f"Communautaire de la {m.heading}, légalement convoqué le {num_date(m.convocation)}, s'est réuni, en "
             f"session ordinaire, à la salle des fêtes, à {m.place.upper()}, sous la présidence de "
             f"{m.president.civ_long} {m.president.full}."]

    def of(p, member, titre):
        word = ("Déléguée" if p.sex == "F" else "Délégué") + " " + titre
        return f"{p.full} ({word} {commune_de(member)})"

    entries = []
    for s in m.seats:
        if s.state == "present":
            entries.append(of(s.holder, s.member, "titulaire"))
        elif s.state == "suppleant":
            entries.append(of(s.suppleant, s.member, "suppléante" if s.suppleant.sex == "F" else "suppléant"))
    lines.append("Présents : " + join(entries) + ".")
    lines.append("Procurations : " + (join(f"{a.full} à {b.full}" for a, b in m.proxies()) if m.proxies() else "néant") + ".")
    ab = m.absents()
    lines.append("Absents excusés : " + (join(p.full for p in ab) if ab else "néant") + ".")
    lines.append(f"Secrétaire de séance : {m.secretary.full}")
    if m.extra.get("covid"):
        lines.append(m.extra["covid"])
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_installation(m: Meeting) -> str:
    """« PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE <WEEKDAY DATE> – <PLACE> », « PRESIDENT : », then capitals headings
    ETAIENT PRESENTS (the bureau first, then « Membres titulaires : »), ETAIENT REPRESENTES, ETAIENT ABSENTS EXCUSES,
    the suppléants replacing a titulaire, SECRETAIRE DE SEANCE."""
    d = m.date
    lines = ["PROCES-VERBAL DU", "CONSEIL COMMUNAUTAIRE",
             f"{long_date(d, weekday=True).upper()} – {m.place.upper()}", f"PRESIDENT : {m.president.full}"]
    present = [s.holder for s in m.seats if s.state == "present"]
    lines.append("ETAIENT PRESENTS : " + join(p.full for p in present[:3]) + " Membres titulaires : "
                 + join(p.full for p in present[3:]))
    lines.append("ETAIENT REPRESENTES : " + join(f"{a.full} par {b.full}" for a, b in m.proxies()))
    lines.append("ETAIENT ABSENTS EXCUSES : " + join(p.full for p in m.absents()))
    suppl = [s for s in m.seats if s.state == "suppleant"]
    lines.append("Suppléants siégeant pour un titulaire : " +
                 join(f"{s.suppleant.full} (pour {s.holder.full})" for s in suppl))
    lines.append(f"SECRETAIRE DE SEANCE : {m.secretary.full}")
    lines.append("-" * 12)
    lines.append(f"{m.president.full} ouvre la séance et procède à l'appel des délégués désignés par les communes "
                 f"membres de la {m.heading}.")
    if m.extra.get("covid"):
        lines.append(m.extra["covid"])
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_mm_surnames(m: Meeting) -> str:
    """The formula with a numeric day and time (« L'an deux mil vingt, le 21 octobre à 18h30 »), « Etaient présents :
    MM. A, B, Mme C … » surnames only, the excused with « (pouvoir à M. X) » and « (remplacée par M. Y) », the
    secretary, then the count line « En exercice : N Présents : N Votants : N » and the quorum."""
    d = m.date
    h, mi = m.hour
    lines = [m.heading.upper(), f"COMPTE RENDU Conseil Communautaire du {d.day} {MOIS[d.month - 1].upper()} {d.year}", "",
             f"L'an {year_words(d.year, 'mil')}, le {d.day} {MOIS[d.month - 1]} à {h}h{mi:02d}, le Conseil de "
             f"Communauté, légalement convoqué le {long_date(m.convocation)}, s'est réuni en séance publique "
             f"{m.place}, sous la présidence de {m.president.civ} {m.president.first} {m.president.last}", ""]
    sitting = sorted([s.holder if s.state == "present" else s.suppleant for s in m.seats
                      if s.state in ("present", "suppleant")], key=lambda p: p.last)
    chunks = []
    for p in sitting:
        chunks.append(f"{'M.' if p.sex == 'M' else 'Mme'} {p.last}")
    lines.append("Etaient présents : " + join(chunks) + ".")
    excused = []
    for s in m.seats:
        if s.state == "absent":
            excused.append(f"{s.holder.civ} {s.holder.last}")
        elif s.state == "proxy":
            excused.append(f"{s.holder.civ} {s.holder.last} (pouvoir à {s.proxy_to.holder.civ} {s.proxy_to.holder.last})")
        elif s.state == "suppleant":
            excused.append(f"{s.holder.civ} {s.holder.last} ({'remplacée' if s.holder.sex == 'F' else 'remplacé'} par "
                           f"{s.suppleant.civ} {s.suppleant.last})")
    lines.append("Excusés : " + join(excused) + ". " +
                 f"Secrétaire de séance : {m.secretary.civ} {m.secretary.full}")
    lines.append("")
    lines.append(f"En exercice : {len(m.seats)} Présents : {m.n_present} Votants : {m.n_voters}")
    lines.append("")
    lines.append("Le quorum est atteint, le conseil peut délibérer.")
    lines.append(f"La séance est ouverte sous la présidence de {m.president.civ_long} {m.president.full}, "
                 f"{'Président' if m.president.sex == 'M' else 'Présidente'}. L'appel fait, le procès-verbal de la "
                 f"séance du {long_date(m.previous)} est soumis à l'assemblée. {vote_sentence(m)}")
    lines.append(business(m, 1))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_counts_then_lists(m: Meeting) -> str:
    """« COMPTE-RENDU DU COMITE SYNDICAL SEANCE DU <date> à 10 HEURES », the formula with the year also in figures
    and the President's convocation dated with its weekday, the composition, seats and number
    attending, then present, absent, « Etaient suppléés : A par B », « Avaient donné pouvoir : A à B »."""
    d = m.date
    h, mi = m.hour
    lines = [f"COMPTE-RENDU DU COMITE SYNDICAL SEANCE DU {d.day:02d} {MOIS[d.month - 1]} {d.year} à {h} HEURES"
             + (f" {mi:02d}" if mi else ""),
             f"L'an {year_words(d.year)} ({d.year}), le {d.day} {MOIS[d.month - 1]}, à {h}h{mi:02d}, les membres du "
             f"Comité Syndical du {m.heading} se sont réunis, {m.place}, convoqués par le Président le "
             f"{long_date(m.convocation, weekday=True)}, selon les articles "
             "L 2121-10 et L 2121-12 du Code Général des Collectivités Territoriales.",
             f"Sièges prévus par les statuts : {m.extra.get('statutory', len(m.seats))} – Membres en exercice : "
             f"{len(m.seats)} – Membres assistant à la séance : {m.n_present}"]
    sitting = [s.holder if s.state == "present" else s.suppleant for s in m.seats if s.state in ("present", "suppleant")]
    lines.append("Etaient présents : " + join(p.full for p in sorted(sitting, key=lambda p: p.last)) + ".")
    lines.append("Etaient absents excusés : " + join(p.full for p in m.absents()) + ".")
    suppl = [s for s in m.seats if s.state == "suppleant"]
    lines.append("Etaient suppléés : " + join(f"{s.holder.full} par {s.suppleant.full}" for s in suppl) + ".")
    lines.append("Avaient donné pouvoir : " + join(f"{a.full} à {b.full}" for a, b in m.proxies()))
    lines.append(f"Secrétaire de séance : {m.secretary.full}")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_delegue_titulaire_lines(m: Meeting) -> str:
    """« COMPTE-RENDU DE LA RÉUNION DU COMITE SYNDICAL du <date> », the formula with the weekday and the time in
    words and « dûment convoqué le », then one present delegate a line « M. Prénom NOM, délégué titulaire, commune
    de X », suppléants likewise, proxies and excused after."""
    d = m.date
    h, mi = m.hour
    lines = [f"COMPTE-RENDU DE LA RÉUNION DU COMITE SYNDICAL du {long_date(d)}", "",
             f"L'An {year_words(d.year, 'mil')} le {JOURS[d.weekday()]} {d.day} {MOIS[d.month - 1]} à "
             f"{hour_words(h, mi)}, le Comité Syndical du {m.heading}, dûment convoqué le {long_date(m.convocation)}, "
             f"s'est réuni {m.place} sous la Présidence de {m.president.civ_long} {m.president.full}, "
             f"{'Président' if m.president.sex == 'M' else 'Présidente'}.", "", "ÉTAIENT PRÉSENTS"]
    for s in m.seats:
        if s.state == "present":
            p, t = s.holder, "titulaire"
        elif s.state == "suppleant":
            p, t = s.suppleant, "suppléant"
        else:
            continue
        word = "déléguée" if p.sex == "F" else "délégué"
        lines.append(f"{p.civ} {p.full}, {word} {t}{'e' if p.sex == 'F' and t == 'suppléant' else ''}, "
                     f"commune {commune_de(s.member)}")
    lines.append("ÉTAIENT REPRÉSENTÉS")
    for a, b in m.proxies():
        lines.append(f"{a.civ} {a.full}, pouvoir à {b.civ} {b.full}")
    lines.append("ÉTAIENT EXCUSÉS")
    for p in m.absents():
        lines.append(f"{p.civ} {p.full}")
    lines.append(f"{m.secretary.civ} {m.secretary.full} a été élu{'e' if m.secretary.sex == 'F' else ''} secrétaire de séance.")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_dotted_surnames(m: Meeting) -> str:
    """« PROCES VERBAL DU COMITE SYNDICAL DU <DATE> à <PLACE> », the formula with « et le » and a time « à 20H 30 »,
    PRESENTS as surnames run together with dots, EXCUSES likewise, POUVOIRS « M. NOM Prénom, commune de X, donne
    procuration à M. NOM Prénom », « Formant la majorité des membres en exercice », the secretary « est nommé »."""
    d = m.date
    h, mi = m.hour
    lines = [f"PROCES VERBAL DU COMITE SYNDICAL", f"DU {d.day} {MOIS[d.month - 1].upper()} {d.year} à {m.place.upper()}",
             f"L'an {year_words(d.year)}, et le {words(d.day).replace('-', ' ')} {MOIS[d.month - 1].title()}, à "
             f"{h}H {mi:02d}, le Comité syndical du {m.heading}, régulièrement convoqué le {num_date(m.convocation)}, "
             f"s'est réuni {m.extra.get('room', 'à la salle polyvalente')} de {m.place}, en séance publique sous la "
             f"présidence de {m.president.full}, Président."]

    def dotted(persons):
        men = [p.last for p in persons if p.sex == "M"]
        women = [p.last for p in persons if p.sex == "F"]
        return (f"MM. {'.'.join(men)}." if men else "") + (f"Mmes {'.'.join(women)}." if women else "")

    sitting = [s.holder if s.state == "present" else s.suppleant for s in m.seats if s.state in ("present", "suppleant")]
    lines.append("PRESENTS : " + dotted(sitting))
    lines.append("EXCUSES : " + dotted(m.absents()))
    lines.append("POUVOIRS : " + ", ".join(f"{a.civ} {a.rev}, commune {commune_de(s.member)}, donne procuration à "
                                          f"{b.civ} {b.rev}" for s in m.seats if s.state == "proxy"
                                          for a, b in [(s.holder, s.proxy_to.holder)]) + ".")
    lines.append("Formant la majorité des membres en exercice.")
    lines.append(f"{m.secretary.civ_long} {m.secretary.last} est nommé{'e' if m.secretary.sex == 'F' else ''} "
                 f"secrétaire de séance.")
    lines.append(first_item(m, "1 -"))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_register_extract(m: Meeting) -> str:
    """An extract of the register of deliberations of an EPCI after July 2022: the body's heading, the count box
    (« Nombre de conseillers : en exercice, présents, votants »), the meeting sentence with the date of convocation,
    present and represented lists, the secretary, one deliberation with its vote, and the signature and publication
    block (« Publié sous forme électronique le … », « Reçu en préfecture le … »)."""
    d = m.date
    h, mi = m.hour
    word = m.extra.get("assembly", "Conseil communautaire")
    lines = [m.heading.upper(), f"EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU {word.upper()}",
             f"Séance du {long_date(d, weekday=True)}", "",
             f"Nombre de conseillers : en exercice : {len(m.seats)} - présents : {m.n_present} - votants : {m.n_voters}",
             f"Date de convocation : {num_date(m.convocation)}", "",
             f"Le {long_date(d, weekday=True)} à {h} h {mi:02d}, le {m.extra.get('sitting', word + ' de la ' + m.heading)}, "
             f"dûment convoqué, s'est "
             f"réuni {m.place}, sous la présidence de {m.president.civ} {m.president.full}.", ""]
    sitting = [s.holder if s.state == "present" else s.suppleant for s in m.seats if s.state in ("present", "suppleant")]
    lines.append("Présents : " + join(f"{p.civ} {p.full}" for p in sitting))
    suppl = [s for s in m.seats if s.state == "suppleant"]
    if suppl:
        lines.append("Suppléants : " + join(f"{s.suppleant.civ} {s.suppleant.full} suppléant{'e' if s.suppleant.sex == 'F' else ''} "
                                           f"de {s.holder.civ} {s.holder.full}" for s in suppl))
    lines.append("Représentés : " + join(f"{a.civ} {a.full} par {b.civ} {b.full}" for a, b in m.proxies()))
    lines.append("Absents : " + (join(f"{p.civ} {p.full}" for p in m.absents()) if m.absents() else "/"))
    lines.append(f"Secrétaire de séance : {m.secretary.civ} {m.secretary.full}")
    lines.append("")
    lines.append(f"Délibération n° {m.extra['numero']}")
    lines.append(f"Objet : {m.extra.get('objet', 'Attribution des fonds de concours aux communes membres')}")
    lines.append("Le rapporteur expose le projet. Après en avoir délibéré, le conseil :")
    v = m.vote
    if v["unanimite"]:
        lines.append("ADOPTE à l'unanimité des membres présents et représentés.")
    else:
        lines.append(f"ADOPTE par {v['pour']} voix pour, {v['contre']} voix contre, {v['abstention']} abstentions.")
    lines.append(f"Fait et délibéré les jour, mois et an susdits. Pour extrait conforme.")
    lines.append(f"{'Le Président' if m.president.sex == 'M' else 'La Présidente'}, {m.president.full}")
    lines.append(f"Le secrétaire de séance, {m.secretary.full}")
    lines.append(stamps(m))
    return "\n".join(lines)


# -- three layouts written only in tenus/: the held-out part then also measures layouts never tuned on.
def r_ratio_titulaire(m: Meeting) -> str:
    """« COMPTE-RENDU DU COMITE SYNDICAL dd/mm/yyyy », the formula with its words capitalised (« L'an Deux Mille
    Dix-Neuf, le Vingt Deux Juin »), « s'est réuni au nombre prescrit par la loi », the convocation on a label line,
    the agenda as numbered deliberations, then « Étaient présents : Membres (present/seats) : » with each delegate
    « Prénom NOM (titulaire COMMUNE) », two of a commune « A et B (titulaires COMMUNE) », « (suppléant COMMUNE) »."""
    d = m.date
    formula_year = " ".join(w.capitalize() for w in year_words(d.year).split(" "))
    day = " ".join(w.capitalize() for w in words(d.day).replace("-", " ").split(" "))
    lines = [m.heading.upper(), f"COMPTE-RENDU DU COMITE SYNDICAL {num_date(d)}",
             f"L'an {formula_year}, le {day} {MOIS[d.month - 1].capitalize()},",
             f"Le comité syndical, régulièrement convoqué, s'est réuni au nombre prescrit par la loi, {m.place}, sous "
             f"la présidence de {m.president.civ} {m.president.full}, "
             f"{'Président' if m.president.sex == 'M' else 'Présidente'}.",
             f"Date de la convocation : {num_date(m.convocation)}",
             f"Ordre du jour : - Délibération n°{d.year}-09 : désignation d'un(e) "
             f"secrétaire de séance ; - Délibération n°{d.year}-10 : décision budgétaire modificative ; - Questions "
             "diverses."]
    chunks = []
    for member, seats in by_member(m.seats).items():
        titulaires = [s.holder for s in seats if s.state == "present"]
        suppl = [s.suppleant for s in seats if s.state == "suppleant"]
        if titulaires:
            plural = "s" if len(titulaires) > 1 else ""
            chunks.append(f"{join((p.full for p in titulaires), last=' et ')} (titulaire{plural} {member.upper()})")
        for p in suppl:
            chunks.append(f"{p.full} (suppléant{'e' if p.sex == 'F' else ''} {member.upper()})")
    lines.append(f"Étaient présents : Membres ({m.n_present}/{len(m.seats)}) : " + join(chunks) + ".")
    lines.append("Pouvoirs : " + (join(f"{a.full} à {b.full}" for a, b in m.proxies()) if m.proxies() else "aucun") + ".")
    lines.append("Excusés : " + join(p.full for p in m.absents()) + ".")
    lines.append(f"Délibération n°{d.year}-09 : désignation d'un(e) secrétaire de séance")
    lines.append(f"{m.secretary.full} est désigné{'e' if m.secretary.sex == 'F' else ''} secrétaire de séance.")
    lines.append(first_item(m, "2."))
    lines.append(business(m, 3))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_all_except(m: Meeting) -> str:
    """« <NAME> PROCES VERBAL DE LA REUNION du <date> », the formula with a numeric day and « à 19 h », the
    convocation's date, the seats on a line of their own, then « Etaient présents : Tous
    les membres en exercice, à l'exception de : Mesdames I NOM, …, Messieurs I NOM, … » (initial and surname), and
    the proxies among them."""
    d = m.date
    h, mi = m.hour
    out = [s.holder for s in m.seats if s.state in ("absent", "proxy")]
    women = [f"{p.first[0]} {p.last}" for p in out if p.sex == "F"]
    men = [f"{p.first[0]} {p.last}" for p in out if p.sex == "M"]
    lines = [f"{m.heading.upper()} PROCES VERBAL DE LA REUNION du {long_date(d)}",
             f"L'an {year_words(d.year, 'mil')}, le {d.day} {MOIS[d.month - 1]} à {h} h"
             + (f" {mi:02d}" if mi else "") + f", le Comité Syndical s'est réuni {m.place}, sous la présidence de "
             f"{m.president.civ_long} {m.president.full}, {'Président' if m.president.sex == 'M' else 'Présidente'}, "
             f"sur convocation du {long_date(m.convocation)}.",
             f"Nombre de membres en exercice : {len(m.seats)}",
             "Etaient présents : Tous les membres en exercice, à l'exception de : "
             + (f"Mesdames {join(women)} " if women else "") + (f"Messieurs {join(men)}" if men else ""),
             "Dont ayant donné pouvoir : " + join(f"{a.first[0]} {a.last} à {b.first[0]} {b.last}" for a, b in m.proxies()),
             f"Secrétaire de séance : {m.secretary.civ_long} {m.secretary.full}",
             "Etaient invités : le trésorier du syndicat et le délégataire du service.",
             first_item(m, "I -"), business(m), stamps(m)]
    return "\n".join(lines)


def r_pour_commune(m: Meeting) -> str:
    """« <Name> Compte rendu de réunion du Conseil communautaire du <date> », the formula in words with the time
    « à dix-huit heures trente minutes », « convoqués le <day month> » (no year), the present by member
    commune « MM A et B et Mme C pour COMMUNE » (surnames), the absent « pour COMMUNE », « M. X donne pouvoir à M. Y »,
    the secretary designated, then the vote as « Pour : N - Contre : N - Abstention : N »."""
    d = m.date
    h, mi = m.hour
    lines = [f"{m.heading} Compte rendu de réunion du Conseil communautaire du {long_date(d)}",
             f"L'an {year_words(d.year)}, le {day_words(d.day)} {MOIS[d.month - 1]}, à {hour_words(h, 0)}"
             + (f" {words(mi)} minutes" if mi else "") + f", les membres du Conseil Communautaire de la {m.heading}, "
             f"convoqués le {m.convocation.day} {MOIS[m.convocation.month - 1]}, se sont réunis en séance publique à "
             f"{m.place.upper()}, sous la Présidence de {m.president.civ_long} {m.president.full}, "
             f"{'Président' if m.president.sex == 'M' else 'Présidente'}.", "", "Étaient présents :"]
    for member, seats in by_member(m.seats).items():
        sitting = [s.holder if s.state == "present" else s.suppleant for s in seats if s.state in ("present", "suppleant")]
        if not sitting:
            continue
        men = [p.last for p in sitting if p.sex == "M"]
        women = [p.last for p in sitting if p.sex == "F"]
        parts = []
        if men:
            parts.append(f"{'MM' if len(men) > 1 else 'M.'} {join(men, last=' et ')}")
        if women:
            parts.append(f"{'Mmes' if len(women) > 1 else 'Mme'} {join(women, last=' et ')}")
        lines.append(f"• {' et '.join(parts)} pour {member.upper()}")
    if m.absents():
        lines.append("Étaient absents excusés :")
        for s in m.seats:
            if s.state == "absent":
                lines.append(f"• {s.holder.civ} {s.holder.last} pour {s.member.upper()}")
    if m.proxies():
        lines.append("Pouvoirs :")
        for a, b in m.proxies():
            lines.append(f"• {a.civ} {a.last} donne pouvoir à {b.civ} {b.last}")
    sec = m.secretary
    lines.append("DESIGNATION DU SECRETAIRE DE SEANCE")
    lines.append(f"Le Conseil communautaire décide de désigner {sec.civ} {sec.first} {sec.last}, "
                 f"délégué{'e' if sec.sex == 'F' else ''} de {next(s.member for s in m.seats if s.holder is sec).upper()}, "
                 "pour assurer le secrétariat de la séance.")
    v = m.vote
    lines.append(f"APPROBATION DU COMPTE RENDU DE LA SÉANCE DU {long_date(m.previous).upper()}")
    if v["unanimite"]:
        lines.append("Le compte rendu est approuvé à l'unanimité.")
    else:
        lines.append(f"Pour : {v['pour']} - Contre : {v['contre']} - Abstention : {v['abstention']} - Ne prennent pas "
                     "part au vote : 0")
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_flat_columns(m: Meeting) -> str:
    """A two-column attendance table flattened by extraction: under « Étaient présents : » first the member commune of
    every delegate present, one per line in capitals (a commune repeated for each of its delegates), then the
    delegates in the same order, « Monsieur NOM » or « Madame NOM » (surnames only); the heading gives the meeting
    (« CONSEIL COMMUNAUTAIRE », « SEANCE DU <WEEKDAY DATE> », « Convocation du <date> ») and the agenda comes before
    the attendance; the excused and the proxies follow as sentences."""
    d = m.date
    lines = [m.heading.upper(), m.extra.get("assembly", "CONSEIL COMMUNAUTAIRE"),
             f"SEANCE DU {long_date(d, weekday=True).upper()}", f"Convocation du {long_date(m.convocation)}",
             "L'ordre du jour étant le suivant :", "- Approbation du procès-verbal de la séance précédente",
             "- Budget annexe : décision modificative", "- Questions diverses", "Étaient présents :"]
    sitting = [(s, s.holder if s.state == "present" else s.suppleant) for s in m.seats if s.state in ("present", "suppleant")]
    lines += [s.member.upper() for s, _ in sitting]
    lines += [f"{p.civ_long} {p.last}" for _, p in sitting]
    lines.append("Étaient excusés : " + join(f"{p.civ_long} {p.last}" for p in m.absents()) + ".")
    if m.proxies():
        lines.append("Pouvoirs : " + join(f"{a.civ_long} {a.last} à {b.civ_long} {b.last}" for a, b in m.proxies()) + ".")
    lines.append(f"{m.secretary.civ_long} {m.secretary.last} est désigné{'e' if m.secretary.sex == 'F' else ''} "
                 f"secrétaire de séance.")
    lines.append(f"La séance est ouverte à {m.hour[0]} h {m.hour[1]:02d} sous la présidence de {m.president.civ_long} "
                 f"{m.president.full}.")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


# -- conseils municipaux (communes: a new kind in this part, session 14). The council is one member, the commune; no
# suppléant sits for a councillor; the Maire presides and is among the present.
def _maire(m: Meeting) -> str:
    return "Madame le Maire" if m.president.sex == "F" else "Monsieur le Maire"


def _civ_upper(p: P) -> str:
    return "MR" if p.sex == "M" else "MME"


def _elu(p: P, word: str = "désigné") -> str:
    return word + ("e" if p.sex == "F" else "")


def r_cm_sommaire_counts(m: Meeting) -> str:
    """A town's « COMPTE RENDU SOMMAIRE » with the town's name spaced out in capitals, the formula with the weekday
    and day in words and a figure time, « sur convocation régulière en date du … », the present as « M. Prénom NOM,
    Maire, Mmes et MM. Prénom NOM, … », proxies « Mme X donne pouvoir à M. le Maire » (the office, not the name),
    the secretary, then one count line « Conseillers en exercice : N - Présents : N - Votants : N - Majorité
    absolue : N »."""
    d = m.date
    h, mi = m.hour
    town = m.extra["town"]
    lines = [" ".join(f"VILLE DE {town.upper()}"), f"CONSEIL MUNICIPAL DU {long_date(d).upper()}", "COMPTE RENDU SOMMAIRE",
             f"L'an {year_words(d.year)}, le {JOURS[d.weekday()]} {day_words(d.day)} {MOIS[d.month - 1]} à {h} h "
             f"{mi:02d}, le Conseil Municipal de {town}, sur convocation régulière en date du {long_date(m.convocation)}, "
             f"s'est réuni {m.place}, en session ordinaire, sous la Présidence de {m.president.civ} "
             f"{m.president.last}, Maire."]
    others = [p for p in m.present_people() if p is not m.president]
    lines.append(f"Présents : {m.president.civ} {m.president.full}, Maire, Mmes et MM. " + join(p.full for p in others) + ".")
    if m.proxies():
        lines.append("Pouvoirs : " + join(
            f"{a.civ} {a.full} donne pouvoir à " + (f"{b.civ} le Maire" if b is m.president else f"{b.civ} {b.full}")
            for a, b in m.proxies()) + ".")
    if m.absents():
        lines.append("Absents : " + join(f"{p.civ} {p.full}" for p in m.absents()) + ".")
    lines.append(f"Secrétaire de séance : {m.secretary.full}")
    lines.append(f"Conseillers en exercice : {len(m.seats)} - Présents : {m.n_present} - Votants : {m.n_voters} - "
                 f"Majorité absolue : {m.n_voters // 2 + 1}")
    lines.append(first_item(m, "I"))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cm_excuses_pouvoir(m: Meeting) -> str:
    """A small commune's « COMPTE RENDU CONSEIL MUNICIPAL DU <DATE> », the formula in words (« L'an deux mil …, le …,
    à vingt heures trente, les membres du Conseil Municipal de X, légalement convoqués, se sont assemblés au lieu
    ordinaire de leurs séances »), the present by civility and surname (« Monsieur Prénom NOM, Maire, Messieurs A,
    B, Madame C, … Messieurs D et E »), the proxies inside the excused list (« Monsieur X donne pouvoir à Monsieur
    Y »), the opening hour in words, the secretary « est désigné secrétaire de séance, conformément à l'article … »."""
    d = m.date
    h, mi = m.hour
    town = m.extra["town"]
    lines = [f"COMPTE RENDU CONSEIL MUNICIPAL DU {long_date(d).upper()}",
             f"L'an {year_words(d.year, 'mil')}, le {day_words(d.day).replace('-', ' ')} {MOIS[d.month - 1]}, à "
             f"{hour_words(h, mi)}, les membres du Conseil Municipal de {town}, légalement convoqués, se sont assemblés "
             f"au lieu ordinaire de leurs séances, sous la Présidence de {m.president.civ_long} {m.president.first} "
             f"{m.president.last}, Maire.", "Présents :"]
    chunks, run = [], []
    for p in [p for p in m.present_people() if p is not m.president]:
        if run and run[-1].sex != p.sex:
            chunks.append(run)
            run = []
        run.append(p)
    if run:
        chunks.append(run)
    words_ = [f"{m.president.civ_long} {m.president.first} {m.president.last}, Maire"]
    for run in chunks:
        if len(run) == 1:
            words_.append(f"{run[0].civ_long} {run[0].last}")
        else:
            civ = "Messieurs" if run[0].sex == "M" else "Mesdames"
            words_.append(f"{civ} {join((p.last for p in run), last=' et ')}")
    lines.append(join(words_) + ".")
    excused = [f"{a.civ_long} {a.last} donne pouvoir à {b.civ_long} {b.last}" for a, b in m.proxies()]
    excused += [f"{p.civ_long} {p.last}" for p in m.absents()]
    if excused:
        lines.append("Absents excusés : " + join(excused) + ".")
    om = min(mi + 10, 59)
    lines.append(f"{_maire(m)} ouvre la séance à {hour_words(h, om)}.")
    lines.append(f"{m.secretary.civ_long} {m.secretary.first} {m.secretary.last} est {_elu(m.secretary)} secrétaire de "
                 "séance, conformément à l'article L.2121-15 du Code Général des Collectivités Territoriales.")
    lines.append(vote_sentence(m))
    lines.append(business(m, 1))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cm_bullet_pairs(m: Meeting) -> str:
    """« Compte rendu du conseil municipal du <date> », the formula with the weekday and a figure day, « à vingt
    heures trente », « régulièrement convoqué, s'est réuni dans le lieu habituel de ses séances, sous la présidence
    de Monsieur Prénom NOM, Maire de X », the present two a line (« - Prénom NOM,- Prénom NOM, ») under « Mesdames et
    Messieurs les Conseillers Municipaux », then « POUVOIRS : Monsieur A à Madame B », « ABSENTS : Messieurs C, D. »,
    « Secrétariat de séance : Monsieur Prénom NOM. »."""
    d = m.date
    h, mi = m.hour
    town = m.extra["town"]
    lines = [f"Compte rendu du conseil municipal du {long_date(d)}", "",
             f"L'an {year_words(d.year, 'mil')}, le {JOURS[d.weekday()]} {d.day} {MOIS[d.month - 1]}, à "
             f"{hour_words(h, mi)}, le Conseil Municipal, régulièrement convoqué, s'est réuni dans le lieu habituel de "
             f"ses séances, sous la présidence de {m.president.civ_long} {m.president.first} {m.president.last}, Maire "
             f"de {town.upper()}.", "", "Etaient présents :", "", "Mesdames et Messieurs les Conseillers Municipaux :"]
    others = [p.full for p in m.present_people() if p is not m.president]
    for i in range(0, len(others), 2):
        pair = others[i:i + 2]
        lines.append("- " + ",- ".join(pair) + ("," if i + 2 < len(others) else "."))
    if m.proxies():
        lines.append("POUVOIRS : " + join(f"{a.civ_long} {a.last} à {b.civ_long} {b.last}" for a, b in m.proxies()))
    ab = m.absents()
    if ab:
        men = [p.last for p in ab if p.sex == "M"]
        women = [p.last for p in ab if p.sex == "F"]
        parts = []
        if women:
            parts.append(("Mesdames " if len(women) > 1 else "Madame ") + join(women))
        if men:
            parts.append(("Messieurs " if len(men) > 1 else "Monsieur ") + join(men))
        lines.append("ABSENTS : " + ", ".join(parts) + ".")
    lines.append(f"Secrétariat de séance : {m.secretary.civ_long} {m.secretary.first} {m.secretary.last}.")
    lines.append("Le procès-verbal de la précédente séance est approuvé à l'unanimité.")
    lines.append(business(m, 1))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cm_header_block(m: Meeting) -> str:
    """An extract whose header is a table of labels and values flattened by extraction: « Date de la convocation »
    and its date, « Nombre de membres » then the three labels « En exercice / Présents / Votants » and after them the
    three values « : N », « Date de l'affichage » and its date; then « Extrait du Registre des Délibérations du
    Conseil Municipal de la Commune de X », « La réunion a débuté le … à 19h00 sous la présidence du Maire, M NOM
    Prénom », the lists as « Mme NOM Prénom » (empty labels kept), the quorum, one deliberation and its act number."""
    d = m.date
    h, mi = m.hour
    town = m.extra["town"]
    civ = lambda p: "M" if p.sex == "M" else "Mme"  # noqa: E731 - as printed, without the full stop
    lines = ["Date de la convocation", long_date(m.convocation), "Nombre de membres", "En exercice", "Présents", "Votants",
             f" : {len(m.seats)}", f" : {m.n_present}", f" : {m.n_voters}", "Date de l'affichage", long_date(m.posting),
             "Extrait du Registre des Délibérations", f"du Conseil Municipal de la Commune de {town.upper()}", "",
             f"Séance du {long_date(d)}", "",
             f"La réunion a débuté le {long_date(d)} à {h}h{mi:02d} sous la présidence du Maire, {civ(m.president)} "
             f"{m.president.rev}.", "",
             "Présents : " + join(f"{civ(p)} {p.rev}" for p in sorted(m.present_people(), key=lambda p: p.last)) + ".",
             "", "Représentés : " + join(f"{civ(a)} {a.rev} par {civ(b)} {b.rev}" for a, b in m.proxies()), "",
             "Absents : " + join(f"{civ(p)} {p.rev}" for p in m.absents()), "",
             f"Secrétaire : {civ(m.secretary)} {m.secretary.rev}.", "",
             f"Le quorum (plus de la moitié des {len(m.seats)} membres), atteint, la séance est ouverte.", "",
             f"Objet : {m.extra.get('objet', 'Vente d une parcelle communale')} N° interne de l'acte : {m.extra['numero']}",
             "Le Maire expose le dossier. Après en avoir délibéré, le Conseil Municipal :"]
    v = m.vote
    lines.append("ADOPTE à l'unanimité." if v["unanimite"] else
                 f"ADOPTE par {v['pour']} voix pour, {v['contre']} contre et {v['abstention']} abstention"
                 f"{'s' if v['abstention'] > 1 else ''}.")
    lines.append(stamps(m, posting=False))
    return "\n".join(lines)


def r_cm_represented_by(m: Meeting) -> str:
    """« Commune de X - <département> - », « Conseil municipal du <DD MOIS YYYY> », « Le Conseil Municipal de X s'est
    réuni en séance ordinaire le <date>, sous la présidence de Madame NOM Prénom, Maire. », the convocation and the
    seats on label lines, « Présents : MM. Prénom NOM, … » (MM. before women too), « Absents représentés : X
    représenté par Y », « Absent non représenté : Z (excusée) », « Secrétaire de séance : Madame Prénom NOM »."""
    d = m.date
    town = m.extra["town"]
    lines = [f"Commune de {town.upper()} - {m.extra.get('dept', 'gers')} -", "",
             f"Conseil municipal du {d.day:02d} {MOIS[d.month - 1].upper()} {d.year}", "",
             f"Le Conseil Municipal de {town} s'est réuni en séance ordinaire le {d.day:02d} {MOIS[d.month - 1]} "
             f"{d.year}, sous la présidence de {m.president.civ_long} {m.president.rev}, Maire.", "",
             f"Date de convocation : {long_date(m.convocation)}", "",
             f"Nombre de conseillers en exercice : {len(m.seats)}", "",
             "Présents : MM. " + join(p.full for p in m.present_people()) + ","]
    if m.proxies():
        lines.append("Absents représentés : " + join(f"{a.full} représenté{'e' if a.sex == 'F' else ''} par {b.full}"
                                                     for a, b in m.proxies()))
    ab = m.absents()
    if ab:
        word = "Absents non représentés" if len(ab) > 1 else "Absent non représenté"
        lines.append(f"{word} : " + join(f"{p.full} (excusé{'e' if p.sex == 'F' else ''})" for p in ab))
    lines.append(f"Secrétaire de séance : {m.secretary.civ_long} {m.secretary.full}")
    lines.append(f"{_maire(m)} demande s'il y a des observations sur le compte-rendu de la séance du "
                 f"{long_date(m.previous)}. {vote_sentence(m)}")
    lines.append(business(m, 1))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cm_pouvoirs_lines(m: Meeting) -> str:
    """« MAIRIE de X », a dashed rule, « REUNION DU CONSEIL MUNICIPAL », « Du <DATE> », the formula with the day and
    time in words and « dument convoqué », the convocation on its own label line, « Présents : M. NOM, Mme NOM, … »
    (surnames; the Maire's initial where a councillor shares his surname), « Absents : » listing also those who gave
    a proxy, one proxy a line « M. X a donné pouvoir à Mme Y », « Secrétaire : Mme X a été élue secrétaire de
    séance »."""
    d = m.date
    h, mi = m.hour
    town = m.extra["town"]
    lines = [f"SÉANCE DU {long_date(d).upper()}", f"MAIRIE de {town.upper()}", "-" * 9, "REUNION DU CONSEIL MUNICIPAL",
             f"Du {long_date(d).upper()}",
             f"L'an {year_words(d.year, 'mil')}, le {day_words(d.day)} {MOIS[d.month - 1]} à {hour_words(h, mi)} le conseil "
             f"municipal dument convoqué s'est réuni au lieu habituel de ses séances, sous la présidence de "
             f"{'monsieur' if m.president.sex == 'M' else 'madame'} {m.president.rev} maire.",
             f"Date de convocation du Conseil Municipal : {long_date(m.convocation)}",
             "Présents : " + join(f"{p.civ} {p.last}" for p in m.present_people())]
    out = [s.holder for s in m.seats if s.state in ("absent", "proxy")]
    if out:
        lines.append("Absents : " + join(f"{p.civ} {p.last}" for p in out))
    if m.proxies():
        lines.append("Pouvoirs : " + "\n".join(f"{a.civ} {a.last} a donné pouvoir à {b.civ} {b.last}"
                                                for a, b in m.proxies()))
    lines.append(f"Secrétaire : {m.secretary.civ} {m.secretary.last} a été {_elu(m.secretary, 'élu')} secrétaire de "
                 "séance")
    lines.append(f"{_maire(m)} ouvre la séance et fait procéder à la lecture du procès-verbal de la séance du "
                 f"{long_date(m.previous)}. Aucune observation n'étant formulée, le procès-verbal est adopté à "
                 "l'unanimité." if m.vote["unanimite"] else vote_sentence(m))
    lines.append(business(m, 1))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cm_register_extract(m: Meeting) -> str:
    """« EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL », the formula in words with « dûment convoqué,
    s'est réuni en session ordinaire, à la Mairie, sous la présidence de Monsieur NOM Prénom, Maire », the seats and
    the convocation on one line, « Etaient PRESENTS : M NOM Prénom, M. NOM Prénom, Mme … », « Etai(en)t EXCUSE(E)S : », proxies « X a donné pouvoir à Y », « Mme X a été élue secrétaire. »."""
    d = m.date
    town = m.extra["town"]
    lines = ["EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL", "",
             f"L'an {year_words(d.year)}, le {day_words(d.day)} {MOIS[d.month - 1]}, le Conseil Municipal de la Commune "
             f"de {town.upper()}, dûment convoqué, s'est réuni en session ordinaire, à la Mairie, sous la présidence de "
             f"{m.president.civ_long} {m.president.rev}, Maire.", "",
             f"Nombre de Conseillers Municipaux en exercice : {len(m.seats)} Date de convocation du Conseil Municipal : "
             f"le {long_date(m.convocation)}", ""]
    entries = []
    for i, p in enumerate(m.present_people()):
        # The first civility printed without its full stop, as typed.
        civ = ("M" if i == 0 else "M.") if p.sex == "M" else "Mme"
        entries.append(f"{civ} {p.rev}")
    lines.append("Etaient PRESENTS : " + join(entries) + ".")
    ab = m.absents()
    if ab:
        fem = all(p.sex == "F" for p in ab)
        word = ("Etaient EXCUSE" + ("E" if fem else "") + "S") if len(ab) > 1 else ("Etait EXCUSE" + ("E" if fem else ""))
        lines.append(f"{word} : " + join(f"{p.civ} {p.rev}" for p in ab))
    for a, b in m.proxies():
        lines.append(f"{a.civ} {a.rev} a donné pouvoir à {b.civ} {b.rev}.")
    lines.append(f"{m.secretary.civ} {m.secretary.rev} a été {_elu(m.secretary, 'élu')} secrétaire.")
    lines.append(f"Approbation à l'unanimité du compte-rendu de la réunion du {long_date(m.previous)}."
                 if m.vote["unanimite"] else vote_sentence(m))
    lines.append(business(m, 1))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cm_caps_sections(m: Meeting) -> str:
    """Headings in capitals, each followed by its names on the next line: « PRÉSENTS : » then « Prénom NOM, … »,
    « ABSENTS AYANT DONNÉ PROCURATION : » then « X a donné procuration à Y, » one a line, « ABSENTS : » then the
    names, « SECRÉTAIRE DE SÉANCE : Prénom NOM », the previous report approved; no opening formula, the date only in
    the title."""
    d = m.date
    lines = [f"Conseil municipal du {long_date(d)}", f"Commune de {m.extra['town']}", "PRÉSENTS :",
             join(p.full for p in m.present_people()) + "."]
    if m.proxies():
        lines.append("ABSENTS AYANT DONNÉ PROCURATION :")
        lines += [f"{a.full} a donné procuration à {b.full}," for a, b in m.proxies()]
    if m.absents():
        lines.append("ABSENTS :")
        lines.append(join(p.full for p in m.absents()))
    lines.append(f"SÉCRETAIRE DE SÉANCE : {m.secretary.full}")
    lines.append(f"Le compte rendu du Conseil Municipal du {long_date(m.previous)} est approuvé.")
    lines.append(business(m, 1))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cm_agenda_first(m: Meeting) -> str:
    """« COMMUNE DE X », « Compte-rendu de la réunion du Conseil Municipal du <date> », « Date de convocation : »,
    the agenda as dashed items (the first names the previous meeting's report), then « Présents : Prénom NOM, … »,
    « Absents excusés : » listing also who gave a proxy, « Procurations : A à B », « Secrétaire de séance : »."""
    d = m.date
    lines = [f"COMMUNE DE {m.extra['town'].upper()}", f"Compte-rendu de la réunion du Conseil Municipal du {long_date(d)}",
             f"Date de convocation : {long_date(m.convocation)}", "Ordre du jour :",
             f"   - Approbation du compte-rendu du conseil municipal du {long_date(m.previous)}",
             "   - Transfert de la compétence eau", "   - Recensement de la population : agent recenseur",
             "   - Divers", ""]
    lines.append("Présents : " + join(p.full for p in m.present_people()))
    out = [s.holder for s in m.seats if s.state in ("absent", "proxy")]
    if out:
        lines.append("Absents excusés : " + join(p.full for p in out) + ",")
    if m.proxies():
        lines.append("Procurations : " + join(f"{a.full} à {b.full}" for a, b in m.proxies()))
    lines.append(f"Secrétaire de séance : {m.secretary.full}")
    lines.append(f"Le compte-rendu de la réunion du Conseil Municipal du {long_date(m.previous)}, après lecture faite, "
                 + ("est approuvé à l'unanimité" if m.vote["unanimite"] else
                    f"est approuvé par {m.vote['pour']} voix pour, {m.vote['contre']} contre et {m.vote['abstention']} "
                    f"abstention{'s' if m.vote['abstention'] > 1 else ''}"))
    lines.append(business(m, 2))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cc_caps_counts(m: Meeting) -> str:
    """« COMMUNAUTE DE COMMUNES X », « COMPTE RENDU DU CONSEIL COMMUNAUTAIRE DU <WEEKDAY DATE> », the formula « les
    membres du Conseil Communautaire … se sont réunis à <town>, dûment convoqués le <day in words> <month> <year>,
    sous la présidence de M. Prénom NOM », « PRESENTS : MM. surnames. MMES surnames. » (suppléants among them),
    « POUVOIRS : » and « EXCUSES : MM. … », then « Nombre de membres : En exercice : N - Présents : N – Votants
    (présents ou représentés) : N. »."""
    d = m.date
    h, mi = m.hour
    c = m.convocation
    lines = [m.heading.upper(), f"COMPTE RENDU DU CONSEIL COMMUNAUTAIRE DU {long_date(d, weekday=True).upper()}",
             f"L'an {year_words(d.year)}, le {day_words(d.day)} {MOIS[d.month - 1]} à {hour_words(h, mi)}, les membres du "
             f"Conseil Communautaire de la {m.heading} se sont réunis à {m.place}, dûment convoqués le "
             f"{day_words(c.day)} {MOIS[c.month - 1]} {c.year}, sous la présidence de {m.president.civ} "
             f"{m.president.full}."]
    sitting = m.present_people()
    men = sorted(p.last for p in sitting if p.sex == "M")
    women = sorted(p.last for p in sitting if p.sex == "F")
    lines.append("PRESENTS : " + (f"MM. {join(men)}." if men else "") + (f"\nMMES {join(women)}." if women else ""))
    suppl = [s for s in m.seats if s.state == "suppleant"]
    if suppl:
        lines.append("Suppléants : " + join(f"{s.suppleant.last} pour {s.holder.last}" for s in suppl) + ".")
    if m.proxies():
        lines.append("POUVOIRS : " + join(f"{a.last} à {b.last}" for a, b in m.proxies()) + ".")
    ab = m.absents()
    if ab:
        lines.append("EXCUSES : " + join(f"{p.civ} {p.last}" for p in ab) + ".")
    lines.append("Nombre de membres :")
    lines.append(f"En exercice : {len(m.seats)} - Présents : {m.n_present} – Votants (présents ou représentés) : "
                 f"{m.n_voters}.")
    lines.append(f"{m.secretary.civ} {m.secretary.last} est {_elu(m.secretary)} secrétaire de séance.")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_excuses_supplee(m: Meeting) -> str:
    """A count line at the head (« Nbre de membres en exercice : N Quorum : N Date de la convocation : dd/mm/yyyy »),
    the meeting sentence with a figure time, « Présents : MM NOM Prénom, … Mmes NOM Prénom, … » (the suppléants among
    them), then « Excusés : » listing every titulaire who did not sit: the one a suppléant replaced with « (Supplée
    par Mr NOM Prénom) », the one who gave a proxy with « (pouvoir à M. NOM Prénom) », the others bare."""
    d = m.date
    h, mi = m.hour
    assembly = m.extra.get("assembly", "comité syndical")
    lines = [m.heading.upper(), f"COMPTE RENDU DE LA RÉUNION DU {assembly.upper()} DU {long_date(d).upper()}",
             f"Nbre de membres en exercice : {len(m.seats)} Quorum : {len(m.seats) // 2 + 1} Date de la convocation : "
             f"{num_date(m.convocation)}",
             f"Le {long_date(d)} à {h} h {mi:02d}, le {assembly} s'est réuni {m.place} sous la présidence de "
             f"{m.president.civ} {m.president.full}, {'Président' if m.president.sex == 'M' else 'Présidente'}."]
    sitting = sorted(m.present_people(), key=lambda p: p.last)
    men = [p.rev for p in sitting if p.sex == "M"]
    women = [p.rev for p in sitting if p.sex == "F"]
    lines.append("Présents : " + (f"MM {join(men)}" if men else "") + (", " if men and women else "")
                 + (f"Mmes {join(women)}" if women else "") + ".")
    excused = []
    for s in m.seats:
        if s.state == "suppleant":
            excused.append(f"{s.holder.rev} (Supplé{'e' if s.holder.sex == 'F' else ''} par "
                           f"{'Mr' if s.suppleant.sex == 'M' else 'Mme'} {s.suppleant.rev})")
        elif s.state == "proxy":
            excused.append(f"{s.holder.rev} (pouvoir à {s.proxy_to.holder.civ} {s.proxy_to.holder.rev})")
        elif s.state == "absent":
            excused.append(s.holder.rev)
    lines.append("Excusés : " + join(excused) + ".")
    lines.append(f"Secrétaire de séance : {m.secretary.civ} {m.secretary.rev}")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cm_blog_points(m: Meeting) -> str:
    """A commune's web page: the date it was put online on top (« 17/01/2025 », later than the meeting), « Le Conseil
    Municipal s'est réuni <weekday date> en salle du conseil autour des points à l'ordre du jour suivants : » and the
    points as bullets, then « Etaient présents : NOM Prénom, … », « Absents avec pouvoir : X, pouvoir à Y »,
    « Absents et excusés : » (empty when none), « Secrétaire de séance : NOM Prénom », the previous report approved."""
    d = m.date
    lines = [num_date(m.online), "", f"Le Conseil Municipal s'est réuni {long_date(d, weekday=True)} en salle du conseil "
             "autour des points à l'ordre du jour suivants : ", "",
             "  • Assurance statutaire : adhésion au groupement du centre de gestion",
             "  • Nomination d'un référent pour la protection des données",
             "  • Subvention exceptionnelle à une association", "  • Questions diverses",
             "Etaient présents : " + join(p.rev for p in m.present_people())]
    lines.append("Absents avec pouvoir : " + join(f"{a.rev}, pouvoir à {b.rev}" for a, b in m.proxies()))
    lines.append("Absents et excusés : " + join(p.rev for p in m.absents()))
    lines.append(f"Secrétaire de séance : {m.secretary.rev}")
    lines.append("")
    lines.append(f"Approbation à l'unanimité de la proposition du compte rendu du Conseil Municipal du "
                 f"{long_date(m.previous)}" if m.vote["unanimite"] else vote_sentence(m))
    lines.append("DELIBERATIONS")
    lines.append(business(m, 1))
    return "\n".join(lines)


def r_cm_second_convocation(m: Meeting) -> str:
    """A failed quorum and the meeting held without one: « C.R. du <dd/mm/yyyy> », « Réunion du Conseil Municipal »,
    the few who came to the first meeting named (« Mme A, M. B …, soit N élus, se sont déplacés. M. X s'est fait
    représenter. »), « Un minimum de N élus est nécessaire … Faute de quorum, la réunion … n'a pas eu lieu. », the
    council convened again « pour une réunion sans quorum », then that meeting's own roll and business."""
    d, first = m.date, m.extra["first"]
    came = m.extra["came"]
    lines = [f"C.R. du {num_date(first)}", "", "Réunion du Conseil Municipal", "",
             join(f"{'Mme' if p.sex == 'F' else 'Mr'} {p.last.title()}" for p in came[:-1])
             + f" et {'Mme' if came[-1].sex == 'F' else 'Mr'} {came[-1].last.title()}, soit {len(came)} élus, se sont "
             f"déplacés. {'Mme' if m.extra['represented'].sex == 'F' else 'Mr'} {m.extra['represented'].last.title()} "
             "s'est fait représenter.", "",
             f"Un minimum de {len(m.seats) // 2 + 1} élus est nécessaire pour que le Conseil Municipal puisse valablement "
             "délibérer.", "", "Faute de quorum, la réunion du Conseil Municipal n'a pas eu lieu.", "",
             "Le Conseil municipal a été de nouveau convoqué, pour une réunion sans quorum,", "",
             f"Le {long_date(d, weekday=True)} à {m.hour[0]}h{m.hour[1]:02d}", "", f"C.R. du {num_date(d)}", "",
             f"Séance du {long_date(d)}, tenue sans condition de quorum (article L. 2121-17 du CGCT), sous la présidence "
             f"de {m.president.civ_long} {m.president.full}, Maire.",
             "Présents : " + join(f"{p.civ} {p.full}" for p in m.present_people()) + "."]
    if m.proxies():
        lines.append("Pouvoirs : " + join(f"{a.civ} {a.full} à {b.civ} {b.full}" for a, b in m.proxies()) + ".")
    if m.absents():
        lines.append("Absents : " + join(f"{p.civ} {p.full}" for p in m.absents()) + ".")
    lines.append(f"Secrétaire de séance : {m.secretary.civ} {m.secretary.full}")
    lines.append(vote_sentence(m))
    lines.append(business(m, 1))
    lines.append(stamps(m))
    return "\n".join(lines)


# -- five layouts written only in tenus/ (session 14): nobody tunes on them.
def r_cm_numbered_roll(m: Meeting) -> str:
    """The installation of a council after the elections: « PROCES-VERBAL DES DELIBERATIONS DU CONSEIL MUNICIPAL DE LA
    COMMUNE DE X DE LA SEANCE DU <DATE> », the formula « les membres du conseil municipal proclamés par le bureau
    électoral … se sont réunis … sur la convocation qui leur a été adressée par le Maire », then « Conseillers
    présents : » as a numbered list flattened by extraction (the first ten numbers with their names, then the
    remaining numbers in a row and the remaining names after them), a proxy, the installation by the outgoing Maire,
    the eldest presiding the election."""
    d = m.date
    h, _ = m.hour
    town = m.extra["town"]
    lines = [f"COMMUNE DE {town.upper()} PROCES-VERBAL DES DELIBERATIONS DU CONSEIL MUNICIPAL DE LA COMMUNE DE "
             f"{town.upper()} DE LA SEANCE DU {d.day} {MOIS[d.month - 1].upper()} {d.year}",
             f"L'an {year_words(d.year)}, le {day_words(d.day)} {MOIS[d.month - 1]} à {h} heures, les membres du conseil "
             f"municipal de la commune de {town} proclamés par le bureau électoral à la suite des opérations de vote du "
             f"{long_date(m.extra['election'])}, se sont réunis dans la salle de la Mairie sur la convocation qui leur a "
             "été adressée par le Maire, conformément à l'article L.2121-10 du CGCT."]
    present = m.present_people()
    first, rest = present[:10], present[10:]
    roll = " ".join(f"{i}. {p.rev}" for i, p in enumerate(first, 1))
    if rest:
        roll += " " + " ".join(f"{i}." for i in range(11, len(present) + 1)) + " " + " ".join(p.rev for p in rest)
    lines.append("Conseillers présents : " + roll)
    if m.proxies():
        lines.append("Procuration : " + join(f"{a.rev} à {b.rev}" for a, b in m.proxies()))
    if m.absents():
        lines.append("Absent(s) : " + join(p.rev for p in m.absents()))
    lines.append("Ordre du jour 1. Installation des conseillers municipaux 2. Election du Maire 3. Détermination du "
                 "nombre des adjoints 4. Election des adjoints")
    lines.append(f"POINT 1 - La séance est ouverte par le Maire sortant, {m.extra['outgoing']}, qui après l'appel nominal "
                 "déclare installés les conseillers municipaux dans leurs fonctions.")
    lines.append(f"POINT 2 - {m.extra['eldest'].civ} {m.extra['eldest'].full}, le plus âgé des membres du conseil, prend "
                 f"la présidence. {m.secretary.civ} {m.secretary.full} est {_elu(m.secretary)} secrétaire.")
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cm_runon(m: Meeting) -> str:
    """A procès-verbal run into one paragraph by extraction: « COMMUNE DE X CONSEIL MUNICIPAL Procès-verbal Séance
    ordinaire DU <WEEKDAY> <date> », « Le <day in words> <Month> <year>, à 18 heures 30 » (day in words, year in
    figures), « s'est réuni au nombre prescrit par la loi », « Présents : NOM Prénom, … », « Absente Excusée :
    Madame NOM Prénom, Procuration : Monsieur A à Monsieur B », the secretary after « Conformément à l'article
    L. 2121-15 … », then the agenda numbered « 06.19. I - »."""
    d = m.date
    h, mi = m.hour
    tag = f"{d.month:02d}.{d.year % 100:02d}."
    parts = [f"COMMUNE DE {m.extra['town'].upper()} CONSEIL MUNICIPAL Procès-verbal Séance ordinaire DU "
             f"{JOURS[d.weekday()].upper()} {d.day} {MOIS[d.month - 1]} {d.year}",
             f"Le {day_words(d.day)} {MOIS[d.month - 1].title()} {d.year}, à {h} heures" + (f" {mi}" if mi else "")
             + f", le Conseil Municipal, régulièrement convoqué, s'est réuni au nombre prescrit par la loi, dans le lieu "
             f"habituel de ses séances, sous la présidence de {m.president.civ_long} {m.president.full}, Maire.",
             "Présents : " + join(p.rev for p in m.present_people())]
    ab = m.absents()
    if ab:
        word = ("Absente Excusée" if ab[0].sex == "F" else "Absent Excusé") if len(ab) == 1 else "Absents Excusés"
        parts.append(f"{word} : " + join(f"{p.civ_long} {p.rev}" for p in ab) + ",")
    if m.proxies():
        parts.append(("Procuration : " if len(m.proxies()) == 1 else "Procurations : ")
                     + join(f"{a.civ_long} {a.rev} à {b.civ_long} {b.rev}" for a, b in m.proxies()))
    parts.append(f"Conformément à l'article L. 2121-15 du code général des collectivités territoriales, "
                 f"{m.secretary.civ_long} {m.secretary.rev} a été {_elu(m.secretary)} secrétaire de séance.")
    parts.append(f"ORDRE DU JOUR {tag} I - Adoption du procès-verbal de séance du Conseil Municipal du "
                 f"{m.previous.day} {MOIS[m.previous.month - 1].title()} {m.previous.year} "
                 f"{tag} II - Vente d'un terrain communal {tag} III - Location du logement de l'ancienne école")
    parts.append(f"{tag} I - Le procès-verbal est adopté" + (" à l'unanimité." if m.vote["unanimite"] else
                 f" par {m.vote['pour']} voix pour, {m.vote['contre']} contre et {m.vote['abstention']} abstention"
                 f"{'s' if m.vote['abstention'] > 1 else ''}."))
    return " ".join(parts) + "\n" + stamps(m)


def r_cm_inline_procuration(m: Meeting) -> str:
    """« SÉANCE DU <DATE> », the formula in words with a figure time « à 20 H 30 », « les membres du Conseil Municipal,
    légalement convoqués, se sont réunis à la mairie sous la présidence de M. Prénom NOM, Maire », then one run-on
    line: « Étaient présents : MM. et Mmes NOM Prénom, … » with the proxy sentence « M. A donne procuration à M. B »
    glued to the last name, « Excusés : M. C, Mme D », « Secrétaire de séance : M. E »."""
    d = m.date
    h, mi = m.hour
    lines = [f"COMMUNE DE {m.extra['town'].upper()}", f"SÉANCE DU {long_date(d).upper()}",
             f"L'an {year_words(d.year)}, le {words(d.day).replace('-', ' ')} {MOIS[d.month - 1]}, à {h} H {mi:02d}, les "
             f"membres du Conseil Municipal, légalement convoqués, se sont réunis à la mairie sous la présidence de "
             f"{m.president.civ} {m.president.full}, Maire."]
    line = "Étaient présents : MM. et Mmes " + join(p.rev for p in m.present_people())
    if m.proxies():
        line += " " + " ".join(f"{a.civ} {a.rev} donne procuration à {b.civ} {b.rev}" for a, b in m.proxies())
    if m.absents():
        line += " Excusés : " + join(f"{p.civ} {p.rev}" for p in m.absents())
    line += f" Secrétaire de séance : {m.secretary.civ} {m.secretary.rev}"
    lines.append(line)
    lines.append(f"APPROBATION DU PROCES-VERBAL DE LA SEANCE DU {long_date(m.previous).upper()} " + vote_sentence(m))
    lines.append(business(m, 1))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cm_counts_after_list(m: Meeting) -> str:
    """A village's minutes posted as a blog entry: « Au Conseil Municipal », the formula « L'an …, le …, à vingt et une
    heures, le Conseil Municipal, légalement convoqué, s'est réuni à la Mairie en séance publique sous la présidence
    de Monsieur NOM Prénom, Maire », « Etaient présents : MM. A, B, Mmes C, D, M. E et Mme F formant la majorité des
    membres en exercice. » (surnames), « Absents excusés : MM. … », proxies as a sentence, then the counts one a line
    and the convocation's date after them, the secretary last."""
    d = m.date
    h, mi = m.hour
    lines = [f"{long_date(d, weekday=True)}", "", "Au Conseil Municipal", "",
             f"L'an {year_words(d.year)}, le {words(d.day).replace('-', ' ')} {MOIS[d.month - 1]}, à {hour_words(h, mi)}, "
             f"le Conseil Municipal de {m.extra['town']}, légalement convoqué, s'est réuni à la Mairie en séance publique "
             f"sous la présidence de {m.president.civ_long} {m.president.rev}, Maire."]
    present = m.present_people()
    chunks, run = [], []
    for p in present:
        if run and run[-1].sex != p.sex:
            chunks.append(run)
            run = []
        run.append(p)
    if run:
        chunks.append(run)
    said = []
    for run in chunks:
        civ = ("MM." if len(run) > 1 else "M.") if run[0].sex == "M" else ("Mmes" if len(run) > 1 else "Mme")
        said.append(f"{civ} {join(p.last for p in run)}")
    lines.append("Etaient présents : " + join(said, last=" et ") + " formant la majorité des membres en exercice.")
    ab = m.absents()
    if ab:
        lines.append("Absents excusés : " + join(f"{p.civ} {p.last}" for p in ab) + ".")
    for a, b in m.proxies():
        lines.append(f"{a.civ} {a.last} a donné pouvoir à {b.civ} {b.last}.")
    lines += ["", f"Nombre de conseillers en exercice : {len(m.seats)}", "",
              f"Nombre de conseillers présents : {m.n_present}", "", f"Nombre de conseillers votants : {m.n_voters}", "",
              f"Date de convocation : {m.convocation.day} {MOIS[m.convocation.month - 1].title()} {m.convocation.year}",
              "", f"Secrétaire de séance : {m.secretary.civ} {m.secretary.last}", "",
              "Le précédent compte rendu est lu, approuvé et signé par tous les membres sans observation."
              if m.vote["unanimite"] else vote_sentence(m)]
    lines.append(business(m, 1))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cm_caps_civilities(m: Meeting) -> str:
    """« Conseil municipal, SEANCE DU <DATE> », « L'an deux mil …, le … à 20 heures 45, le Conseil Municipal,
    légalement convoqué le <date>, s'est réuni au lieu habituel de ses séances sous la présidence de Monsieur NOM
    Prénom, Maire », « Présents : MRS A, B, MME C, D, … » (surnames in capitals, the civility in capitals where the
    sex changes), « Absents : MR X. », « Madame X a été élue secrétaire de séance. »."""
    d = m.date
    h, mi = m.hour
    lines = [f"Conseil municipal de {m.extra['town']}, SEANCE DU {long_date(d).upper()}", "",
             f"L'an {year_words(d.year, 'mil')}, le {words(d.day).replace('-', ' ')} {MOIS[d.month - 1]} à {h} heures "
             f"{mi:02d}, le Conseil Municipal, légalement convoqué le {long_date(m.convocation)}, s'est réuni au lieu "
             f"habituel de ses séances sous la présidence de {m.president.civ_long} {m.president.rev}, Maire."]
    said, previous = [], None
    for p in m.present_people():
        if p.sex != previous:
            said.append(f"{'MRS' if p.sex == 'M' else 'MME'} {p.last}")
            previous = p.sex
        else:
            said.append(p.last)
    lines.append("Présents : " + join(said) + ".")
    if m.proxies():
        lines.append("Procurations : " + join(f"{_civ_upper(a)} {a.last} à {_civ_upper(b)} {b.last}"
                                              for a, b in m.proxies()) + ".")
    if m.absents():
        lines.append("Absents : " + join(f"{_civ_upper(p)} {p.last}" for p in m.absents()) + ".")
    lines.append(f"{m.secretary.civ_long} {m.secretary.last} a été {_elu(m.secretary, 'élu')} secrétaire de séance.")
    lines.append("Le procès verbal de la dernière séance a été approuvé." if m.vote["unanimite"] else vote_sentence(m))
    lines.append(business(m, 1))
    lines.append(stamps(m))
    return "\n".join(lines)


def r_cs_delegates_bracketed(m: Meeting) -> str:
    """A comité syndical's numbered procès-verbal: « Procès-verbal n° N-YY Comité Syndical », « Convocation du <date> »,
    « Les membres du Comité Syndical se sont réunis le <date>, à <H>h<MM>, <place> », then « Présents » with
    « Délégués titulaires / communes : M. Prénom NOM (COMMUNE), … » and « Délégués suppléants / communes avec voix
    délibérative : … » (each name followed by its commune in capitals and brackets), « Délégués représentés par
    pouvoir : M. Prénom NOM (COMMUNE) à M. Prénom NOM », « Délégués absents excusés : … », no count printed, the
    President named after the lists (« La séance est ouverte sous la présidence de … »), then the secretary."""
    d = m.date
    h, mi = m.hour
    number = m.extra.get("number", 3)

    def said(p: P, member: str) -> str:
        return f"{p.civ} {p.first} {p.last} ({member.upper()})"

    lines = [m.heading.upper(), f"Procès-verbal n° {number}-{d.year % 100:02d}", "Comité Syndical",
             f"Convocation du {long_date(m.convocation)}",
             f"Les membres du Comité Syndical se sont réunis le {long_date(d)}, à {h}h{mi:02d}, {m.place}.", "Présents"]
    titulaires = [said(s.holder, s.member) for s in m.seats if s.state == "present"]
    lines.append("Délégués titulaires / communes : " + join(titulaires) + ",")
    suppleants = [said(s.suppleant, s.member) for s in m.seats if s.state == "suppleant"]
    if suppleants:
        lines.append("Délégués suppléants / communes avec voix délibérative : " + join(suppleants) + ",")
    member_of = {id(s.holder): s.member for s in m.seats}
    if m.proxies():
        lines.append("Délégués représentés par pouvoir : "
                     + join(f"{said(a, member_of[id(a)])} à {b.civ} {b.first} {b.last}" for a, b in m.proxies()) + ",")
    if m.absents():
        lines.append("Délégués absents excusés : " + join(said(p, member_of[id(p)]) for p in m.absents()) + ".")
    lines.append(f"La séance est ouverte sous la présidence de {m.president.civ} {m.president.first} {m.president.last}, "
                 f"{'Président' if m.president.sex == 'M' else 'Présidente'} du syndicat.")
    lines.append(f"Secrétaire de séance : {m.secretary.civ} {m.secretary.first} {m.secretary.last}")
    lines.append(first_item(m))
    lines.append(business(m))
    lines.append(stamps(m))
    return "\n".join(lines)


RENDERERS = {f.__name__[2:]: f for f in (r_commune_lines, r_sivom_formula, r_mixte_roles, r_cc_dashes,
                                          r_cc_member_blocks, r_siaep_replaced, r_mixte_counts_by_epci, r_x_table,
                                          r_ts_by_epci, r_energy_counts, r_cc_covid_box, r_delegates_of,
                                          r_installation, r_mm_surnames, r_counts_then_lists,
                                          r_delegue_titulaire_lines, r_dotted_surnames, r_register_extract,
                                          r_ratio_titulaire, r_all_except, r_pour_commune, r_flat_columns,
                                          r_cm_sommaire_counts, r_cm_excuses_pouvoir, r_cm_bullet_pairs,
                                          r_cm_header_block, r_cm_represented_by, r_cm_pouvoirs_lines,
                                          r_cm_register_extract, r_cm_caps_sections, r_cm_agenda_first, r_cc_caps_counts,
                                          r_cm_numbered_roll, r_cm_runon, r_cm_inline_procuration,
                                          r_cm_counts_after_list, r_cm_caps_civilities, r_excuses_supplee,
                                          r_cm_blog_points, r_cm_second_convocation,
                                          r_cs_delegates_bracketed)}


# ---------------------------------------------------------------- how each layout prints names
# lists: present/absent lists; proxies; secretary; president (None: the layout does not name who presides).
STYLES = {
    "commune_lines": dict(lists="surname", proxies="surname", secretary="full", president=None),
    "sivom_formula": dict(lists="full", proxies="full", secretary="surname", president=None),
    "mixte_roles": dict(lists="full", proxies="full", secretary="full", president="full"),
    "cc_dashes": dict(lists="initial", proxies="initial", secretary="initial", president="full"),
    "cc_member_blocks": dict(lists="full", proxies="full", secretary="full", president=None),
    "siaep_replaced": dict(lists="full", proxies="full", secretary="full", president="full"),
    "mixte_counts_by_epci": dict(lists="full", proxies="full", secretary="full", president="full"),
    # The President convenes; the text does not say who presides.
    "x_table": dict(lists="full", proxies="full", secretary="full", president=None),
    "ts_by_epci": dict(lists="full", proxies="full", secretary="full", president="full"),
    "energy_counts": dict(lists="full", proxies="full", secretary="full", president="full"),
    "cc_covid_box": dict(lists="full", proxies="full", secretary="full", president="full"),
    "delegates_of": dict(lists="full", proxies="full", secretary="full", president="full"),
    "installation": dict(lists="full", proxies="full", secretary="full", president="full"),
    "mm_surnames": dict(lists="surname", proxies="surname", secretary="full", president="full"),
    "counts_then_lists": dict(lists="full", proxies="full", secretary="full", president=None),
    "delegue_titulaire_lines": dict(lists="full", proxies="full", secretary="full", president="full"),
    "dotted_surnames": dict(lists="surname", proxies="full", secretary="surname", president="full"),
    "register_extract": dict(lists="full", proxies="full", secretary="full", president="full"),
    "ratio_titulaire": dict(lists="full", proxies="full", secretary="full", president="full"),
    "all_except": dict(lists="initial_surname", proxies="initial_surname", secretary="full", president="full"),
    "pour_commune": dict(lists="surname", proxies="surname", secretary="full", president="full"),
    "flat_columns": dict(lists="surname", proxies="surname", secretary="surname", president="full"),
    "cm_sommaire_counts": dict(lists="full", proxies="full", secretary="full", president="full"),
    "cm_excuses_pouvoir": dict(lists="surname", proxies="surname", secretary="full", president="full"),
    "cm_bullet_pairs": dict(lists="surname", proxies="surname", secretary="full", president="full"),
    "cm_header_block": dict(lists="full", proxies="full", secretary="full", president="full"),
    "cm_represented_by": dict(lists="full", proxies="full", secretary="full", president="full"),
    "cm_pouvoirs_lines": dict(lists="surname", proxies="surname", secretary="surname", president="full"),
    "cm_register_extract": dict(lists="full", proxies="full", secretary="full", president="full"),
    # No opening formula: who presides is not said.
    "cm_caps_sections": dict(lists="full", proxies="full", secretary="full", president=None),
    "cm_agenda_first": dict(lists="full", proxies="full", secretary="full", president=None),
    "cc_caps_counts": dict(lists="surname", proxies="surname", secretary="surname", president="full"),
    # The outgoing Maire opens the meeting, the eldest presides the election: the one who opens, as the corpus labels an
    # installation (bench/corpus/reglage/255).
    "cm_numbered_roll": dict(lists="full", proxies="full", secretary="full", president="full"),
    "cm_runon": dict(lists="full", proxies="full", secretary="full", president="full"),
    "cm_inline_procuration": dict(lists="full", proxies="full", secretary="full", president="full"),
    "cm_counts_after_list": dict(lists="surname", proxies="surname", secretary="surname", president="full"),
    "cm_caps_civilities": dict(lists="surname", proxies="surname", secretary="surname", president="full"),
    "excuses_supplee": dict(lists="full", proxies="full", secretary="full", president="full"),
    # A web page: no formula, who presides is not said.
    "cm_blog_points": dict(lists="full", proxies="full", secretary="full", president=None),
    "cm_second_convocation": dict(lists="full", proxies="full", secretary="full", president="full"),
    "cs_delegates_bracketed": dict(lists="full", proxies="full", secretary="full", president="full"),
}


def shown(p: P, style: str) -> str:
    if style == "surname":
        return p.last
    if style == "initial":
        return p.label_initial
    if style == "initial_surname":
        return f"{p.first[0]} {p.last}"
    return p.full


COMMUNES = ["Aubrac-le-Vieux", "Auzelle", "Barjouville-sur-Lèze", "Beaucens", "Belcastel-Vieux", "Bernadets",
            "Boussan", "Brassempouy-le-Haut", "Castelnau-Rivière", "Caubiac", "Cazalens", "Cintegabelle-Basse",
            "Couffoulens", "Escalquens-Vieux", "Espérausses", "Fabas", "Fontrailles", "Gaujac-sur-Save", "Gensac",
            "Goudourville", "Issus-le-Haut", "Jouvensac", "Labastide-Paumès", "Lacroix-Falgarde", "Lagardelle",
            "Lamothe-Cumont", "Lasserre-de-Prouille", "Laurabuc", "Lézignan-Bas", "Lombers", "Marignac-Laspeyres",
            "Martres-sur-Volp", "Montbernard", "Montcarel", "Montesquieu-Volvestre-le-Bas", "Montgazin", "Mouchan",
            "Nailloux-le-Vieux", "Noueilles", "Ordan", "Ornézan", "Palaminy", "Peyssies", "Pouy-Loubrin",
            "Puydaniel", "Roquelaure-Saint-Aubin", "Sabonnères", "Saint-Araille", "Saint-Élix-le-Bas", "Saint-Ormin",
            "Salles-sur-Garonne", "Samouillan", "Sauveterre-de-Save", "Seysses-Savès", "Tournecoupe", "Urdens",
            "Vaudrelle", "Verfeil-sur-Seye", "Vieillevigne-Basse", "Villefranche-d'Astarac"]

COVID_2020 = ("En application de la loi n° 2020-1379 du 14 novembre 2020, le quorum est fixé au tiers des membres en "
              "exercice, présents ou représentés, et un membre peut être porteur de deux pouvoirs.")
COVID_2022 = ("En application de la loi n° 2022-46 du 22 janvier 2022, le quorum est atteint lorsque le tiers des "
              "membres en exercice est présent, et un membre peut être porteur de deux pouvoirs.")


def doc(ident, part, layout, kind, name, heading, date, hour, convocation, n_members, per_member, states,
        era, vote=None, posting=None, online=None, receipt=None, act=None, flags=(), notes="", place="",
        extra=None, print_seats=True):
    seed = sum(ord(c) * (i + 1) for i, c in enumerate(ident))
    rng = random.Random(seed)
    people = People(seed)
    members = rng.sample(COMMUNES, n_members)
    seats = build_seats(people, members, per_member, states, rng)
    present_holders = [s.holder for s in seats if s.state == "present"]
    president = present_holders[0]
    secretary = present_holders[len(present_holders) // 2]
    d = dt.date.fromisoformat(date)
    m = Meeting(ident=ident, part=part, kind=kind, name=name, heading=heading, date=d, hour=hour,
                convocation=dt.date.fromisoformat(convocation) if convocation else None, seats=seats,
                president=president, secretary=secretary, era=era, layout=layout,
                members_in_office_printed=print_seats, posting=_d(posting), online=_d(online), receipt=_d(receipt),
                act=act, flags=list(flags), notes=notes, place=place, extra=dict(extra or {}),
                previous=d - dt.timedelta(days=rng.choice([28, 35, 42, 56, 63, 70])))
    m.rng = rng
    if vote:
        contre, abstention = vote
        m.vote = {"pour": m.n_voters - contre - abstention, "contre": contre, "abstention": abstention,
                  "unanimite": False}
    if layout == "energy_counts":
        half = len(members) // 2
        m.extra["areas"] = {"Nord": members[:half], "Sud": members[half:]}
    if layout == "cm_second_convocation":
        # Those who came to the failed first meeting: fewer than the quorum, some of whom sit again.
        quorum = len(seats) // 2 + 1
        m.extra["came"] = m.present_people()[:quorum - 2]
        m.extra["represented"] = next(s.holder for s in seats if s.holder not in m.extra["came"]
                                      and s.holder is not president)
        m.extra["first"] = d - dt.timedelta(days=5)
    if layout == "cm_numbered_roll":
        m.extra["eldest"] = m.present_people()[-2]
        m.extra["outgoing"] = f"{president.civ_long} {president.full}"
    if layout == "mixte_counts_by_epci":
        epcis = m.extra.pop("epcis")
        m.extra["epci_of"] = {c: epcis[i % len(epcis)] for i, c in enumerate(members)}
        m.extra["secretary_commune"] = next(s.member for s in seats if s.holder is secretary)
    return m


def cdoc(ident, part, layout, town, date, hour, convocation, seats, states, era, **kw):
    """A conseil municipal: one member, the commune, whose councillors are the seats."""
    extra = dict(kw.pop("extra", None) or {}, town=town)
    extra.setdefault("posting_text", "Compte rendu affiché à la porte de la mairie le {d}.")
    extra.setdefault("online_text", "Mis en ligne sur le site internet de la commune le {d}.")
    return doc(ident, part, layout, C, f"Commune de {town}", f"Commune de {town}", date, hour, convocation, 1, [seats],
               states, era, extra=extra, **kw)


def _d(text):
    return dt.date.fromisoformat(text) if text else None


def label(m: Meeting) -> dict:
    st = STYLES[m.layout]
    hour = f"T{m.hour[0]:02d}:{m.hour[1]:02d}" if m.hour and m.layout not in ("commune_lines", "installation") else ""
    if m.layout in ("commune_lines", "siaep_replaced", "installation", "ratio_titulaire"):
        hour = ""
    convocation = m.convocation if m.layout not in ("commune_lines", "siaep_replaced", "installation") else None
    v = m.vote if m.layout not in VOTE_NOT_PRINTED else dict.fromkeys(("pour", "contre", "abstention", "unanimite"))
    return {
        "source": SOURCE + f"; layout « {m.layout} »",
        "collectivite": m.name,
        "type": m.kind,
        "population_if_stated": None,
        "meeting_datetime": m.date.isoformat() + hour,
        "convocation_date": convocation.isoformat() if convocation else None,
        "convocation_statement": (f"convocation dated {convocation.isoformat()} ({m.layout})" if convocation
                                  else None),
        "members_in_office": len(m.seats) if m.members_in_office_printed and m.layout in PRINTS_SEATS else None,
        "present": m.n_present,
        "represented": m.n_proxies,
        "voters": m.n_voters,
        "proxies": [[shown(a, st["proxies"]), shown(b, st["proxies"])] for a, b in m.proxies()],
        "absent_without_proxy": ([] if m.layout == "energy_counts" else [shown(p, st["lists"]) for p in m.absents()]),
        "secretary": shown(m.secretary, st["secretary"]) if m.secretary else None,
        "president": shown(m.president, st["president"]) if st["president"] else None,
        "vote": {"pour": v["pour"], "contre": v["contre"], "abstention": v["abstention"], "unanimite": v["unanimite"]},
        "posting_date": m.posting.isoformat() if m.posting else None,
        "online_publication_date": m.online.isoformat() if m.online else None,
        "prefecture_receipt_date": m.receipt.isoformat() if m.receipt else None,
        "act_identifier": m.act,
        "notes": (f"SYNTHETIC document (invented body, people, numbers and dates), era « {m.era} », layout « {m.layout} »: "
                  + (RENDERERS[m.layout].__doc__ or "").replace("\n    ", " ").strip()
                  + (" " + m.notes if m.notes else "")
                  + " Counts taken as the label convention of bench/corpus/README.md: a suppléant sitting is present, "
                    "the titulaire he replaces is neither absent nor represented; voters = present + represented."),
        "flags": ["synthetic", f"era_{m.era}", f"layout_{m.layout}", *m.flags]
                 + (["absents_not_named"] if m.layout == "energy_counts" else []),
    }


# Layouts whose documents are all held out (tenus/): nobody tunes on them, so they measure layouts never seen.
HELD_OUT_LAYOUTS = {"ratio_titulaire", "all_except", "pour_commune", "cm_numbered_roll", "cm_runon",
                    "cm_inline_procuration", "cm_counts_after_list", "cm_caps_civilities", "cs_delegates_bracketed"}

# Layouts that print no vote (an installation: the elections that follow are not a vote of the business).
VOTE_NOT_PRINTED = {"cm_numbered_roll"}

# Layouts that print the number of seats (« en exercice »); the others give only lists.
PRINTS_SEATS = {"sivom_formula", "mixte_counts_by_epci", "energy_counts", "cc_covid_box", "mm_surnames",
                "counts_then_lists", "register_extract", "ratio_titulaire", "all_except", "cm_sommaire_counts",
                "cm_header_block", "cm_represented_by", "cm_register_extract", "cc_caps_counts",
                "cm_counts_after_list", "excuses_supplee"}


S, E, C = "syndicat", "epci", "commune"
R, T = "reglage", "tenus"
DOCUMENTS = [
    # -- syndicates, before 2020
    doc("g01", R, "commune_lines", S, "Syndicat intercommunal des eaux de la Vèze et du Roubion",
        "Syndicat intercommunal des eaux de la Vèze et du Roubion", "2019-11-07", None, None, 14, 2,
        {"proxy": 2, "absent": 9}, "pre2020", posting="2019-11-12"),
    doc("g03", R, "sivom_formula", S, "Syndicat intercommunal à vocation multiple Val de Serre",
        "Syndicat Intercommunal à Vocation Multiple « Val de Serre »", "2009-04-07", (18, 30), "2009-03-31", 16, 2,
        {"suppleant": 4, "absent": 7, "proxy": 2}, "pre2020", place="à son siège, la mairie de Vaudrelle",
        extra={"short": "S.I.V.O.M. Val de Serre"}),
    doc("g04", R, "sivom_formula", S, "Syndicat intercommunal à vocation multiple des Coteaux de l'Arrats",
        "Syndicat Intercommunal à Vocation Multiple des Coteaux de l'Arrats", "2017-06-29", (18, 30), "2017-06-22",
        11, 2, {"suppleant": 3, "absent": 3}, "pre2020", place="à la salle du conseil de Mouchan",
        vote=(0, 2), extra={"short": "SIVOM des Coteaux de l'Arrats", "dept": "DEPARTEMENT DU GERS",
                            "address": "Siège : 2, rue de l'Église - 32390 MOUCHAN"}),
    doc("g05", R, "mixte_roles", S, "Syndicat mixte du conservatoire des Monts du Velay",
        "Syndicat mixte du conservatoire des Monts du Velay", "2019-07-09", (17, 0), "2019-07-06", 9, 2,
        {"suppleant": 2, "absent": 7, "proxy": 1}, "pre2020", place="En salle du conseil, hôtel du Département, Espaly",
        extra={"second": dt.date(2019, 6, 27), "subtitle": "« Musique et Danse en Velay »"},
        flags=["second_convocation_without_quorum"],
        notes="Second convocation after a failed quorum: the comité sits without a quorum condition."),
    doc("g07", R, "counts_then_lists", S,
        "Syndicat départemental de traitement des ordures ménagères des Pyrénées-Cerdanes",
        "Syndicat Départemental de Traitement des Ordures Ménagères des Pyrénées-Cerdanes (SYDOM 66)",
        "2014-09-15", (9, 30), "2014-09-03", 15, 3, {"suppleant": 3, "proxy": 4, "absent": 4}, "pre2020",
        place="au siège du syndicat, route de Fabas à Saint-Ormin", extra={"statutory": 46}),
    doc("g09", R, "delegue_titulaire_lines", S,
        "Syndicat mixte pour l'enlèvement et le traitement des ordures ménagères de la région de Montbrie",
        "Syndicat Mixte pour l'Enlèvement et le Traitement des Ordures Ménagères de la Région de Montbrie (SIETOM)",
        "2015-11-30", (18, 30), "2015-11-13", 10, 2, {"suppleant": 3, "proxy": 2, "absent": 3}, "pre2020",
        place="dans la salle du conseil syndical à Montbrie", vote=(1, 1)),
    doc("g10", R, "dotted_surnames", S, "Syndicat intercommunal de collecte des déchets de la Gardonnenque",
        "Syndicat Intercommunal de Collecte des Déchets de la Gardonnenque", "2004-06-29", (20, 45), "2004-06-21",
        18, 2, {"absent": 8, "proxy": 2}, "pre2020", place="Sabonnères", extra={"room": "au foyer communal"}),
    doc("g11", R, "energy_counts", S, "Syndicat départemental d'énergies du Marvejol",
        "Syndicat Départemental d'Énergies du Marvejol", "2015-04-28", (14, 30), "2015-04-14", 60, 1,
        {"proxy": 3, "absent": 15}, "pre2020", place="à la salle des congrès de Lombers"),
    doc("g13", R, "x_table", S, "Syndicat mixte numérique des Hautes-Cévennes",
        "Syndicat mixte numérique des Hautes-Cévennes", "2014-10-06", (17, 30), "2014-09-25", 12, 2,
        {"suppleant": 4, "proxy": 2, "absent": 4}, "pre2020", place="à la maison des services de Montcarel"),
    # -- syndicates, COVID period (derogations of 2020-2022)
    doc("g14", R, "siaep_replaced", S, "Syndicat intercommunal d'alimentation en eau potable de Lannemartin",
        "Syndicat intercommunal d'alimentation en eau potable de Lannemartin", "2021-04-14", None, None, 13, 2,
        {"suppleant": 3, "absent": 5}, "covid", extra={"short": "SIAEP de Lannemartin"}, vote=(0, 1)),
    doc("g15", R, "mixte_counts_by_epci", S,
        "Syndicat mixte pour l'aménagement hydraulique de la vallée de l'Orvanne",
        "Syndicat Mixte pour l'Aménagement Hydraulique de la Vallée de l'Orvanne", "2020-12-07", (9, 30),
        "2020-12-01", 16, 2, {"suppleant": 3, "proxy": 6, "absent": 6, "max_per_holder": 2}, "covid",
        place="au centre culturel de Saint-Ormin",
        extra={"quorum": 11, "covid": COVID_2020, "epcis": ["CA Plaine de l'Orvanne", "CC Vexin bocager"],
               "pres_title": "Vice-Président, qui préside en l'absence du Président"},
        flags=["covid_quorum_third", "two_proxies_per_holder"], receipt="2020-12-11"),
    doc("g17", R, "ts_by_epci", S, "Syndicat mixte de gestion des déchets du Sud-Bazadais",
        "Syndicat mixte de gestion des déchets du Sud-Bazadais", "2022-03-23", (18, 0), "2022-03-16", 6,
        [6, 4, 5, 3, 2, 1], {"suppleant": 2, "proxy": 3, "absent": 4, "max_per_holder": 2}, "covid",
        flags=["two_proxies_per_holder"]),
    # -- syndicates, after July 2022
    doc("g18", R, "mixte_counts_by_epci", S, "Syndicat mixte des rivières du Vexin bocager",
        "Syndicat Mixte des Rivières du Vexin bocager", "2023-03-14", (9, 30), "2023-03-07", 12, 2,
        {"suppleant": 2, "proxy": 3, "absent": 5}, "post2022", place="à la salle des fêtes de Montgazin",
        online="2023-03-21",
        extra={"quorum": 13, "epcis": ["CC du Vexin bocager", "CC Sausseron-Orvanne", "CA Cergy-Vaudrelle"],
               "online_text": "Procès-verbal publié sur le site internet du syndicat le {d}."}),
    doc("g20", R, "counts_then_lists", S,
        "Syndicat mixte de collecte et de traitement des ordures ménagères du Val de Brie",
        "Syndicat Mixte de Collecte et de Traitement des Ordures Ménagères du Val de Brie (SMICTOM)",
        "2022-10-04", (10, 0), "2022-09-27", 12, 2, {"suppleant": 2, "proxy": 3, "absent": 3}, "post2022",
        place="au siège du syndicat à Ordan", vote=(2, 0), online="2022-10-10",
        receipt="2022-10-06", act="077-257700123-20221004-DEL2022_31-DE",
        extra={"online_text": "Mis en ligne sur le site internet du syndicat le {d}."}),
    doc("g22", R, "dotted_surnames", S, "Syndicat intercommunal de voirie du canton de Lombers",
        "Syndicat Intercommunal de Voirie du canton de Lombers", "2024-02-08", (18, 0), "2024-01-31", 15, 2,
        {"absent": 6, "proxy": 3}, "post2022", place="Lombers", online="2024-02-15",
        extra={"room": "à la mairie"}),
    # -- EPCI, before 2020
    doc("g23", R, "cc_dashes", E, "Communauté de communes du Causse de Varenne",
        "Communauté de communes du Causse de Varenne", "2013-10-15", (20, 0), "2013-10-03", 15,
        [4, 2, 2, 2, 3, 2, 2, 2, 3, 2, 2, 2, 2, 3, 2], {"suppleant": 2, "absent": 5, "proxy": 2}, "pre2020",
        place="Gensac"),
    doc("g25", R, "cc_member_blocks", E, "Communauté de communes du Pays de Marnoise",
        "Communauté de Communes du Pays de Marnoise", "2007-03-20", (20, 0), None, 16,
        [2, 1, 1, 3, 2, 2, 1, 1, 2, 1, 1, 2, 1, 2, 1, 2], {"suppleant": 3, "proxy": 6, "absent": 3}, "pre2020"),
    doc("g26", R, "cc_member_blocks", E, "Communauté de communes des Deux Vallons",
        "Communauté de Communes des Deux Vallons", "2016-11-15", (20, 0), None, 12,
        [3, 2, 2, 2, 1, 1, 2, 2, 1, 1, 2, 3], {"suppleant": 2, "proxy": 3, "absent": 2}, "pre2020",
        vote=(1, 3), posting="2016-11-22"),
    doc("g28", R, "delegates_of", E, "Communauté d'agglomération du Grand Vernal",
        "Communauté d'agglomération du Grand Vernal", "2018-04-26", (18, 0), "2018-04-19", 14,
        [6, 3, 2, 2, 2, 2, 1, 1, 2, 3, 2, 1, 2, 3], {"suppleant": 1, "proxy": 5, "absent": 4}, "pre2020",
        place="Montcarel", posting="2018-05-02"),
    # -- EPCI, COVID period
    doc("g29", R, "cc_covid_box", E, "Communauté de communes Vallée de l'Auzon",
        "Communauté de Communes Vallée de l'Auzon", "2020-12-03", (18, 30), "2020-11-26", 17,
        [4, 2, 3, 2, 2, 1, 2, 2, 3, 2, 2, 1, 2, 3, 2, 2, 1], {"suppleant": 1, "proxy": 3, "absent": 0}, "covid",
        place="à la salle des Tilleuls de Caubiac", extra={"visio": [3, 9, 17, 21]},
        flags=["visioconference"]),
    doc("g30", R, "delegates_of", E, "Communauté de communes Orb et Lirou",
        "Communauté de communes Orb et Lirou", "2021-04-15", (14, 30), "2021-04-08", 15,
        [5, 2, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2, 1, 2, 2], {"suppleant": 2, "proxy": 6, "absent": 3,
                                                        "max_per_holder": 2}, "covid",
        place="Bernadets", extra={"covid": COVID_2020}, flags=["covid_quorum_third", "two_proxies_per_holder"]),
    doc("g32", R, "installation", E, "Communauté de communes des Landes de Gascogne océane",
        "Communauté de communes des Landes de Gascogne océane", "2020-07-21", (18, 0), None, 12,
        [4, 3, 2, 2, 3, 2, 2, 3, 2, 2, 3, 2], {"suppleant": 2, "proxy": 2, "absent": 3}, "covid",
        place="Salles-sur-Garonne", flags=["installation_meeting"],
        extra={"covid": "La séance se tient dans le respect des règles sanitaires, le public étant limité à dix personnes."}),
    doc("g34", R, "mm_surnames", E, "Communauté de communes de l'Iton et Risle",
        "Communauté de communes de l'Iton et Risle", "2020-11-04", (19, 0), "2020-10-28", 22,
        [5, 3, 2, 4, 2, 3, 2, 2, 3, 2, 4, 2, 3, 2, 3, 2, 2, 3, 2, 2, 4, 3],
        {"suppleant": 1, "proxy": 4, "absent": 6}, "covid", place="dans la salle des fêtes de Cazalens"),
    # -- EPCI, after July 2022
    doc("g36", R, "register_extract", E, "Métropole du Val de Sorgue", "Métropole du Val de Sorgue", "2023-06-26",
        (18, 0), "2023-06-20", 20, [6, 4, 3, 3, 3, 2, 2, 2, 3, 2, 2, 2, 3, 2, 2, 3, 2, 2, 2, 2],
        {"proxy": 8, "absent": 5}, "post2022", place="en l'hôtel de la Métropole, salle des assemblées",
        vote=(3, 4), online="2023-06-30", receipt="2023-06-29", act="084-200099871-20230626-DEL2023_114-DE",
        extra={"assembly": "Conseil de la Métropole", "numero": "DEL2023_114",
               "sitting": "Conseil de la Métropole du Val de Sorgue"}),
    doc("g37", R, "cc_dashes", E, "Communauté de communes du Haut-Astarac",
        "Communauté de communes du Haut-Astarac", "2023-11-23", (20, 0), "2023-11-16", 14,
        [3, 2, 2, 2, 2, 2, 3, 2, 2, 2, 2, 2, 2, 2], {"suppleant": 3, "absent": 4, "proxy": 3}, "post2022",
        place="Samouillan", online="2023-11-30"),
    # ---------------------------------------------------------------- held out (tenus): nobody tunes on these
    doc("g02", T, "commune_lines", S, "Syndicat intercommunal des eaux du Haut-Lirac",
        "Syndicat intercommunal des eaux du Haut-Lirac", "2023-02-14", None, None, 12, 2,
        {"proxy": 3, "absent": 5}, "post2022", online="2023-02-16"),
    doc("g06", T, "mixte_roles", S, "Syndicat mixte de la médiathèque du Pays de Brassac",
        "Syndicat mixte de la médiathèque du Pays de Brassac", "2021-06-17", (18, 0), "2021-06-10", 8, 2,
        {"suppleant": 2, "absent": 3, "proxy": 2}, "covid", place="En salle des fêtes de Fabas"),
    doc("g08", T, "siaep_replaced", S, "Syndicat intercommunal d'alimentation en eau potable de Castelbrune",
        "Syndicat intercommunal d'alimentation en eau potable de Castelbrune", "2024-03-20", None, None, 11, 2,
        {"suppleant": 2, "absent": 4, "proxy": 2}, "post2022", extra={"short": "SIAEP de Castelbrune"},
        online="2024-03-27"),
    doc("g12", T, "energy_counts", S, "Syndicat départemental d'énergies de la Haute-Arnelle",
        "Syndicat Départemental d'Énergies de la Haute-Arnelle", "2019-12-05", (15, 0), "2019-11-22", 48, 1,
        {"proxy": 2, "absent": 14}, "pre2020", place="à la salle des congrès de Puydaniel"),
    doc("g16", T, "x_table", S, "Syndicat mixte de transport des Landes d'Albret",
        "Syndicat mixte de transport des Landes d'Albret", "2022-12-06", (17, 30), "2022-11-28", 10, 2,
        {"suppleant": 3, "proxy": 3, "absent": 3}, "post2022", place="au siège du syndicat à Labastide-Paumès"),
    doc("g19", T, "delegue_titulaire_lines", S,
        "Syndicat intercommunal à vocation unique de la piscine des Trois Cantons",
        "Syndicat Intercommunal à Vocation Unique de la Piscine des Trois Cantons (SIVU)", "2021-04-20", (18, 30),
        "2021-04-13", 7, 2, {"suppleant": 2, "proxy": 3, "absent": 1, "max_per_holder": 2}, "covid",
        place="par visioconférence", flags=["visioconference", "two_proxies_per_holder"]),
    doc("g21", T, "dotted_surnames", S, "Syndicat intercommunal d'assainissement de la Basse-Cèze",
        "Syndicat Intercommunal d'Assainissement de la Basse-Cèze", "2011-10-04", (20, 30), "2011-09-26", 12, 2,
        {"absent": 5, "proxy": 2}, "pre2020", place="Goudourville", vote=(0, 3)),
    doc("g24", T, "cc_dashes", E, "Communauté de communes des Coteaux du Lézert",
        "Communauté de communes des Coteaux du Lézert", "2018-04-05", (20, 30), "2018-03-29", 12,
        [3, 2, 2, 3, 2, 2, 2, 3, 2, 2, 2, 2], {"suppleant": 2, "absent": 4, "proxy": 2}, "pre2020",
        place="Ornézan", vote=(2, 1)),
    doc("g27", T, "installation", E, "Communauté d'agglomération du Pays de Brézolles",
        "Communauté d'agglomération du Pays de Brézolles", "2014-04-17", (18, 0), None, 15,
        [6, 3, 3, 2, 2, 2, 3, 2, 2, 3, 2, 2, 3, 2, 3], {"suppleant": 1, "proxy": 4, "absent": 3}, "pre2020",
        place="Palaminy", flags=["installation_meeting"], posting="2014-04-24"),
    doc("g31", T, "cc_covid_box", E, "Communauté de communes du Pays d'Aurignac-Save",
        "Communauté de Communes du Pays d'Aurignac-Save", "2021-02-25", (19, 0), "2021-02-18", 14,
        [4, 2, 3, 2, 2, 2, 3, 2, 2, 2, 3, 2, 2, 3], {"suppleant": 2, "proxy": 5, "absent": 2,
                                                     "max_per_holder": 2}, "covid",
        place="à la salle polyvalente de Peyssies",
        flags=["visioconference", "two_proxies_per_holder"], posting="2021-03-08",
        extra={"visio": [2, 5, 11], "posting_text": "Date d'affichage : {d}"}),
    doc("g33", T, "mm_surnames", E, "Communauté d'agglomération du Val d'Essonnière",
        "Communauté d'agglomération du Val d'Essonnière", "2023-09-28", (18, 30), "2023-09-21", 20,
        [6, 4, 3, 3, 2, 3, 2, 2, 3, 3, 2, 2, 3, 2, 2, 3, 2, 2, 3, 2], {"suppleant": 2, "proxy": 7, "absent": 5},
        "post2022", place="dans la salle du conseil de Fontrailles", vote=(4, 2), online="2023-10-04"),
    doc("g35", T, "register_extract", E, "Communauté d'agglomération du Pays de Vaubrun",
        "Communauté d'agglomération du Pays de Vaubrun", "2024-05-23", (18, 30), "2024-05-16", 18,
        [5, 3, 3, 2, 2, 3, 2, 2, 2, 3, 2, 2, 2, 3, 2, 2, 2, 2], {"suppleant": 2, "proxy": 6, "absent": 5},
        "post2022", place="au siège communautaire, salle Jean Moulin", online="2024-05-29", receipt="2024-05-27",
        act="062-200099877-20240523-DEL2024_045-DE", extra={"numero": "DEL2024_045"}),
    doc("g38", T, "delegates_of", E, "Communauté de communes du Comminges-Volvestre",
        "Communauté de communes du Comminges-Volvestre", "2022-05-12", (18, 0), "2022-05-05", 16,
        [4, 2, 2, 3, 2, 2, 1, 2, 2, 3, 2, 2, 1, 2, 2, 2], {"suppleant": 2, "proxy": 5, "absent": 4,
                                                           "max_per_holder": 2}, "covid",
        place="Castelnau-Rivière", extra={"covid": COVID_2022}, flags=["covid_quorum_third", "two_proxies_per_holder"]),
    doc("g44", R, "flat_columns", E, "Communauté de communes de la Serre et du Mirail",
        "Communauté de communes de la Serre et du Mirail", "2015-10-08", (20, 0), "2015-09-25", 16,
        [1, 2, 1, 3, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 1], {"suppleant": 1, "proxy": 2, "absent": 5}, "pre2020"),
    doc("g45", R, "flat_columns", S, "Syndicat intercommunal à vocation multiple du Bas-Comminges",
        "Syndicat intercommunal à vocation multiple du Bas-Comminges", "2022-12-06", (18, 0), "2022-11-29", 13, 2,
        {"proxy": 3, "absent": 6}, "post2022", online="2022-12-13",
        extra={"assembly": "COMITÉ SYNDICAL"}),
    doc("g46", T, "flat_columns", E, "Communauté de communes du Val de Lèze",
        "Communauté de communes du Val de Lèze", "2021-02-04", (18, 30), "2021-01-25", 14,
        [2, 1, 1, 2, 1, 3, 1, 1, 2, 1, 1, 2, 1, 1], {"suppleant": 1, "proxy": 3, "absent": 3, "max_per_holder": 2},
        "covid", flags=["two_proxies_per_holder"]),
    doc("g39", T, "ratio_titulaire", S, "Syndicat intercommunal des eaux de l'Euronne et de la Volp",
        "Syndicat intercommunal des eaux de l'Euronne et de la Volp", "2019-07-06", (9, 30), "2019-06-27", 16, 2,
        {"suppleant": 3, "proxy": 2, "absent": 8}, "pre2020", place="salle communale de Montbernard"),
    doc("g40", T, "all_except", S, "Syndicat intercommunal des eaux du Bas-Volvestre",
        "Syndicat intercommunal des eaux du Bas-Volvestre", "2015-05-26", (18, 30), "2015-05-12", 24, 2,
        {"proxy": 3, "absent": 12}, "pre2020", place="en la mairie de Palaminy"),
    doc("g41", T, "pour_commune", E, "Communauté de communes du Pays de Verfeil",
        "Communauté de Communes du Pays de Verfeil", "2016-11-15", (18, 0), "2016-11-07", 12,
        [4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 2], {"proxy": 2, "absent": 2}, "pre2020", place="Verfeil-sur-Seye",
        vote=(0, 1), flags=["convocation_without_year"],
        notes="The convocation date is printed without its year (« convoqués le 7 novembre »): the year of "
              "the meeting, a week later."),
    doc("g42", T, "ratio_titulaire", S, "Syndicat mixte d'eau potable du Haut-Savès",
        "Syndicat mixte d'eau potable du Haut-Savès", "2023-04-15", (9, 30), "2023-04-06", 14, 2,
        {"suppleant": 2, "proxy": 3, "absent": 6}, "post2022", place="salle des fêtes de Seysses-Savès",
        online="2023-04-21"),
    doc("g43", T, "pour_commune", E, "Communauté de communes des Coteaux de Save",
        "Communauté de Communes des Coteaux de Save", "2021-05-20", (18, 0), "2021-05-12", 14,
        [3, 2, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 1, 2], {"proxy": 4, "absent": 3, "max_per_holder": 2}, "covid",
        place="Sauveterre-de-Save", flags=["two_proxies_per_holder", "convocation_without_year"]),
    # ---------------------------------------------------------------- conseils municipaux (session 14)
    cdoc("g47", R, "cm_sommaire_counts", "Castelvieil-Haut", "2021-06-11", (19, 0), "2021-06-04", 29,
         {"proxy": 4, "absent": 2, "max_per_holder": 2}, "covid", place="à la salle Jean-Jaurès de Castelvieil-Haut",
         flags=["two_proxies_per_holder"]),
    cdoc("g48", T, "cm_sommaire_counts", "Montferrand-de-Lèze", "2023-02-09", (18, 30), "2023-02-02", 27,
         {"proxy": 3, "absent": 3}, "post2022", place="à l'espace Garonne de Montferrand-de-Lèze", vote=(3, 1),
         online="2023-02-15"),
    cdoc("g49", R, "cm_excuses_pouvoir", "Lescazaux", "2004-04-29", (20, 30), None, 15, {"proxy": 2, "absent": 2},
         "pre2020", posting="2004-05-05"),
    cdoc("g50", R, "cm_excuses_pouvoir", "Aurignolles", "2012-10-18", (20, 0), None, 19, {"proxy": 3, "absent": 1},
         "pre2020", vote=(1, 2)),
    cdoc("g51", R, "cm_bullet_pairs", "Sérignac-Vieux", "2010-02-11", (20, 30), None, 23, {"proxy": 2, "absent": 3},
         "pre2020"),
    cdoc("g52", T, "cm_bullet_pairs", "Puylaurens-le-Bas", "2016-06-09", (20, 45), None, 19, {"proxy": 3, "absent": 2},
         "pre2020", posting="2016-06-15"),
    cdoc("g53", R, "cm_header_block", "Gimbrède-Vieille", "2022-12-08", (19, 0), "2022-12-01", 15,
         {"proxy": 2, "absent": 1}, "post2022", posting="2022-12-09", extra={"numero": "2022-47"}),
    cdoc("g54", T, "cm_header_block", "Lasserre-Cazaux", "2024-03-14", (20, 0), "2024-03-07", 15,
         {"proxy": 2, "absent": 1}, "post2022", posting="2024-03-18", vote=(2, 1),
         extra={"numero": "2024-12", "objet": "Tarifs de la cantine scolaire"}),
    cdoc("g55", R, "cm_represented_by", "Roquefixade-Basse", "2017-05-23", None, "2017-05-16", 15,
         {"proxy": 1, "absent": 2}, "pre2020", extra={"dept": "ariège"}),
    cdoc("g56", T, "cm_represented_by", "Cadeillan-Vieux", "2021-03-16", None, "2021-03-09", 15,
         {"proxy": 2, "absent": 2}, "covid"),
    cdoc("g57", R, "cm_pouvoirs_lines", "Ferrières-sur-Ayrolle", "2023-06-26", (19, 0), "2023-06-19", 11,
         {"proxy": 3, "absent": 1}, "post2022", online="2023-07-03"),
    cdoc("g58", R, "cm_pouvoirs_lines", "Bragayrac-le-Haut", "2020-11-30", (20, 0), "2020-11-26", 15,
         {"proxy": 3, "absent": 2, "max_per_holder": 2}, "covid", flags=["two_proxies_per_holder"]),
    cdoc("g59", R, "cm_register_extract", "Villefranque-sur-Gimone", "2015-12-03", None, "2015-11-26", 15,
         {"proxy": 1, "absent": 2}, "pre2020"),
    cdoc("g60", T, "cm_register_extract", "Labastidette-sur-Lèze", "2022-09-15", None, "2022-09-08", 19,
         {"proxy": 2, "absent": 3}, "post2022", online="2022-09-22"),
    cdoc("g61", R, "cm_caps_sections", "Montgaillard-sur-Bèze", "2021-10-14", None, None, 23,
         {"proxy": 4, "absent": 1, "max_per_holder": 2}, "covid", flags=["two_proxies_per_holder"]),
    cdoc("g62", T, "cm_caps_sections", "Saint-Aubin-de-Lanne", "2024-01-25", None, None, 19, {"proxy": 2, "absent": 2},
         "post2022", online="2024-02-01"),
    cdoc("g63", R, "cm_agenda_first", "Mauvezin-sur-Arrats", "2018-10-08", None, "2018-10-02", 11,
         {"proxy": 1}, "pre2020"),
    cdoc("g64", R, "cm_agenda_first", "Escoussac", "2023-05-22", None, "2023-05-15", 15, {"proxy": 2, "absent": 1},
         "post2022", vote=(0, 2), online="2023-05-30"),
    doc("g65", R, "cc_caps_counts", E, "Communauté de communes des Coteaux d'Auradé",
        "Communauté de communes des Coteaux d'Auradé", "2016-03-10", (18, 0), "2016-02-29", 14,
        [3, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 1], {"suppleant": 1, "proxy": 2, "absent": 3}, "pre2020",
        place="Lagardelle"),
    doc("g66", T, "cc_caps_counts", E, "Communauté de communes du Val de Saudrune",
        "Communauté de communes du Val de Saudrune", "2021-03-23", (18, 30), "2021-03-16", 13,
        [4, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 1, 1], {"suppleant": 2, "proxy": 3, "absent": 2, "max_per_holder": 2},
        "covid", place="Noueilles", vote=(2, 0), flags=["two_proxies_per_holder"]),
    # -- five layouts written only in tenus/ (session 14)
    cdoc("g67", T, "cm_numbered_roll", "Pradères-le-Vieux", "2020-05-26", (20, 0), None, 15, {"proxy": 1},
         "covid", flags=["installation_meeting"], extra={"election": dt.date(2020, 3, 15)},
         notes="The installation of the council elected in March 2020; the outgoing Maire opens the meeting (the "
               "president labelled), the eldest presides the election."),
    cdoc("g68", T, "cm_numbered_roll", "Lamarque-Saubole", "2008-03-21", (18, 0), None, 19, {"proxy": 1, "absent": 1},
         "pre2020", flags=["installation_meeting"], extra={"election": dt.date(2008, 3, 9)}),
    cdoc("g69", T, "cm_runon", "Caumont-sur-Osse", "2018-07-09", (18, 30), None, 15, {"proxy": 1, "absent": 2},
         "pre2020"),
    cdoc("g70", T, "cm_runon", "Peyrelongue-Vieille", "2023-11-13", (19, 0), None, 15, {"proxy": 1, "absent": 2},
         "post2022", online="2023-11-20"),
    cdoc("g71", T, "cm_inline_procuration", "Lagraulet-Haut", "2017-02-21", (20, 30), None, 15,
         {"proxy": 1, "absent": 2}, "pre2020"),
    cdoc("g72", T, "cm_inline_procuration", "Tachoires-Haut", "2022-02-15", (20, 0), None, 19,
         {"proxy": 2, "absent": 2, "max_per_holder": 2}, "covid", vote=(1, 1)),
    cdoc("g73", T, "cm_counts_after_list", "Aubiac-sur-Gers", "2020-10-29", (21, 0), "2020-10-26", 11, {"absent": 4},
         "covid"),
    cdoc("g74", T, "cm_counts_after_list", "Montcuq-Bas", "2013-06-20", (20, 30), "2013-06-13", 15,
         {"proxy": 1, "absent": 3}, "pre2020"),
    cdoc("g75", T, "cm_caps_civilities", "Sarrancolin-Vieux", "2007-09-27", (20, 45), "2007-09-20", 15,
         {"proxy": 1, "absent": 2}, "pre2020"),
    cdoc("g76", T, "cm_caps_civilities", "Castéra-Bouzet-Haut", "2024-06-20", (20, 30), "2024-06-13", 15,
         {"proxy": 1, "absent": 2}, "post2022", online="2024-06-27"),
    # -- how communes print their posting (session 14): the field the real validation part reads worst.
    cdoc("g77", R, "cm_agenda_first", "Saint-Clar-de-Rivière-Haute", "2019-03-25", None, "2019-03-18", 15,
         {"proxy": 1, "absent": 2}, "pre2020", posting="2019-03-29", receipt="2019-03-27",
         extra={"receipt_in_posting": True,
                "posting_text": "Certifié exécutoire par le Maire compte tenu de la transmission en préfecture le {r} "
                                "et de l'affichage le {d}."}),
    cdoc("g78", R, "cm_excuses_pouvoir", "Labastide-Vieille", "2009-02-26", (20, 30), None, 15,
         {"proxy": 1, "absent": 3}, "pre2020", posting="2009-03-04", extra={"posting_text": "Affiché le {d}"}),
    cdoc("g79", R, "cm_represented_by", "Aurensan-Haut", "2021-09-21", None, "2021-09-14", 15,
         {"proxy": 2, "absent": 1}, "covid", posting="2021-09-24",
         extra={"posting_text": "Le présent compte rendu a été affiché à la porte de la mairie le {D}, conformément à "
                                "l'article L. 2121-25 du code général des collectivités territoriales."}),
    cdoc("g80", T, "cm_bullet_pairs", "Lartigue-sur-Save", "2014-11-18", (20, 30), None, 15, {"proxy": 2, "absent": 1},
         "pre2020", posting="2014-11-24", extra={"posting_text": "Date d'affichage du compte rendu : {d}"}),
    cdoc("g81", T, "cm_register_extract", "Montbrun-Vieux", "2018-12-13", None, "2018-12-06", 15,
         {"proxy": 1, "absent": 2}, "pre2020", posting="2018-12-17",
         extra={"posting_text": "Pour extrait conforme. Affiché le {d}. Le Maire"}),
    cdoc("g82", R, "cm_sommaire_counts", "Castillon-la-Garonne", "2017-04-06", (19, 0), "2017-03-30", 27,
         {"proxy": 3, "absent": 2}, "pre2020", place="à l'hôtel de ville", posting="2017-04-12",
         extra={"posting_text": "Publié par affichage en mairie le {D}."}),
    # -- a titulaire replaced by his suppléant listed among the excused (session 14)
    doc("g83", R, "excuses_supplee", S, "Syndicat intercommunal d'assainissement du Val de Gimone",
        "Syndicat intercommunal d'assainissement du Val de Gimone", "2013-05-14", (18, 30), "2013-05-06", 11, 2,
        {"suppleant": 3, "proxy": 2, "absent": 3}, "pre2020", place="à la mairie de Goudourville"),
    doc("g84", T, "excuses_supplee", E, "Communauté de communes du Pays de Lomagne gasconne",
        "Communauté de communes du Pays de Lomagne gasconne", "2021-11-16", (18, 0), "2021-11-09", 14,
        [3, 2, 2, 1, 1, 2, 1, 2, 1, 2, 1, 2, 1, 1], {"suppleant": 3, "proxy": 3, "absent": 2, "max_per_holder": 2},
        "covid", place="à la salle des fêtes de Mouchan", flags=["two_proxies_per_holder"],
        extra={"assembly": "conseil communautaire"}),
    # -- a commune's web page and a commune meeting held without quorum (session 14)
    cdoc("g85", R, "cm_blog_points", "Saint-Romain-le-Haut", "2024-10-09", None, None, 15, {"proxy": 1, "absent": 2},
         "post2022", online="2024-12-16",
         notes="The date on top (the page's) is the online publication, two months after the meeting."),
    cdoc("g86", T, "cm_blog_points", "Bourg-Saint-Andéol-le-Vieux", "2023-03-08", None, None, 15,
         {"proxy": 2, "absent": 1}, "post2022", online="2023-04-20"),
    cdoc("g87", R, "cm_second_convocation", "Tracol-sur-Oise", "2008-06-17", (20, 30), None, 19,
         {"proxy": 1, "absent": 8}, "pre2020", flags=["second_convocation_without_quorum"],
         notes="The first meeting, five days before, failed for want of quorum; its attendance is not this meeting's."),
    cdoc("g88", T, "cm_second_convocation", "Morlincourt-Haut", "2012-01-24", (20, 0), None, 15,
         {"proxy": 2, "absent": 6}, "pre2020", flags=["second_convocation_without_quorum"]),
    # -- a comité syndical's numbered procès-verbal, delegates with their commune in brackets (session 15): held out only,
    # a syndicate layout nobody tunes on (COVID period, two proxies per delegate; and after 1 July 2022, published online).
    doc("g89", T, "cs_delegates_bracketed", S, "Syndicat intercommunal d'eau potable de la Haute-Lèze",
        "Syndicat intercommunal d'eau potable de la Haute-Lèze", "2021-03-18", (17, 30), "2021-03-09", 13, 2,
        {"suppleant": 3, "proxy": 3, "absent": 5, "max_per_holder": 2}, "covid", place="dans la salle des fêtes de Fabas",
        flags=["two_proxies_per_holder"], extra={"number": 2}),
    doc("g90", T, "cs_delegates_bracketed", S, "Syndicat mixte de collecte des déchets du Volvestre-Arize",
        "Syndicat Mixte de Collecte des Déchets du Volvestre-Arize", "2023-11-28", (18, 0), "2023-11-20", 17,
        [2, 2, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1], {"suppleant": 2, "proxy": 2, "absent": 6}, "post2022",
        place="au siège du syndicat à Palaminy", vote=(1, 2), online="2023-12-06", extra={"number": 7}),
]


def write(folder: Path) -> dict:
    """The texts and labels, by path relative to `folder`."""
    out = {}
    for m in DOCUMENTS:
        text = RENDERERS[m.layout](m)
        text = "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"
        out[f"{m.part}/{m.ident}.txt"] = text
        out[f"{m.part}/{m.ident}.json"] = json.dumps(label(m), ensure_ascii=False, indent=1) + "\n"
    return out


def never_seen(folder: Path) -> int:
    """The held-out documents of layouts never tuned on, alone in an `--extra` folder of bench/reader_accuracy.py."""
    for sub in ("reglage", "validation", "gabarits/reglage", "gabarits/tenus"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    chosen = [m for m in DOCUMENTS if m.layout in HELD_OUT_LAYOUTS]
    for m in chosen:
        for ext in ("txt", "json"):
            name = f"{m.ident}.{ext}"
            (folder / "gabarits" / "tenus" / name).write_bytes((HERE / "tenus" / name).read_bytes())
    print(f"{len(chosen)} documents de mises en page jamais réglées copiés dans {folder / 'gabarits' / 'tenus'}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="vérifier que les fichiers du dépôt sont ceux écrits ici")
    parser.add_argument("--jamais-vus", metavar="DOSSIER", type=Path,
                        help="copier dans DOSSIER/gabarits/tenus les seuls documents tenus à l'écart dont la mise en "
                             "page n'a aucun document de réglage (à noter avec bench/reader_accuracy.py --extra DOSSIER)")
    args = parser.parse_args(argv)
    if args.jamais_vus:
        return never_seen(args.jamais_vus)
    files = write(HERE)
    if args.check:
        stale = [name for name, content in files.items()
                 if not (HERE / name).exists() or (HERE / name).read_text(encoding="utf-8") != content]
        for name in stale:
            print(f"différent ou absent : {name}", file=sys.stderr)
        return 1 if stale else 0
    for name, content in files.items():
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    print(f"{len(files) // 2} documents écrits dans {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
