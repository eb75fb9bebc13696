"""Synthetic votes of a deliberation: the phrasing matrix of the vote (issue 11).

Each builder draws, from a `random.Random`, one way extracts write how the council voted — a plain
unanimity, the unanimity of the votes cast (abstentions possible), a majority, the sides counted
in figures or in words, with or without colons, labels first in a flattened table, « Vote :
unanimité » in a table — around a vote that is not this act's (minutes approved, a deliberation
recalled in the visas, a commission's opinion), and returns the text with the truth it encodes.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from strategies.entete import en_lettres


@dataclass
class Vote:
    texte: str
    votants: int
    unanimite: bool | None
    pour: int | None = None
    contre: int | None = None
    abstentions: int | None = None
    forme: str = ""
    pieges: list = field(default_factory=list)


def _nombre(n: int, rng: random.Random, mots: bool) -> str:
    return en_lettres(n, rng) if mots and n < 60 else str(n)


def _pluriel(n: int, mot: str) -> str:
    return mot + ("s" if n > 1 else "")


def phrase_de_vote(rng: random.Random, votants: int) -> Vote:
    forme = rng.choice(["unanimite", "unanimite", "unanimite_qualifiee", "exprimes", "exprimes_abst", "majorite",
                        "comptes_prose", "comptes_mots", "comptes_labels", "comptes_labels_sans_deux_points",
                        "comptes_table", "vote_unanimite_table", "unanimite_moins", "majorite_comptes", "unanimite_nommes",
                        "votants_avant", "npp", "contre_n", "majorite_membres", "exprimes_abst_apres"])
    contre = rng.randint(1, 4)
    abst = rng.randint(0, 3)
    pour = votants - contre - abst
    if forme == "unanimite":
        texte = rng.choice(["Adopté à l'unanimité.", "ADOPTÉ À L'UNANIMITÉ", "Le conseil municipal, à l'unanimité, DÉCIDE",
                            "Après en avoir délibéré, le conseil, à l'unanimité, approuve", "adoptée à l unanimité"])
        return Vote(texte, votants, True, forme=forme)
    if forme == "unanimite_qualifiee":
        texte = rng.choice(["À l'unanimité des membres présents et représentés, approuve",
                            "adopte à l'unanimité des votants", "Vote : à l'unanimité des présents"])
        return Vote(texte, votants, True, forme=forme)
    if forme == "exprimes":
        # The unanimity of the votes cast says nothing of abstentions: unanimous or not, unknown.
        return Vote("Adopté à l'unanimité des suffrages exprimés.", votants, None, forme=forme)
    if forme == "exprimes_abst":
        n = rng.randint(1, 3)
        mots = rng.random() < 0.5
        texte = rng.choice([f"Adopté à l'unanimité des suffrages exprimés ({_nombre(n, rng, mots)} "
                            f"{_pluriel(n, 'abstention')}).",
                            f"À l'unanimité des suffrages exprimés, {votants - n} pour, {n} {_pluriel(n, 'abstention')}."])
        return Vote(texte, votants, False, None if "pour," not in texte else votants - n, None if "pour," not in texte
                    else 0, n, forme=forme)
    if forme == "majorite":
        return Vote(rng.choice(["Adopté à la majorité.", "ADOPTÉ À LA MAJORITÉ", "approuve à la majorité des voix"]),
                    votants, False, forme=forme)
    if forme == "unanimite_moins":
        texte = rng.choice([f"Adopté à l'unanimité moins {_nombre(abst or 1, rng, True)} "
                            f"{_pluriel(abst or 1, 'abstention')}.",
                            f"à l'unanimité ({abst or 1} {_pluriel(abst or 1, 'abstention')})"])
        return Vote(texte, votants, False, None, None, abst or 1, forme=forme)
    if forme == "unanimite_nommes":
        noms = rng.sample(["M. Paul DURAND", "Mme Anne MARTIN", "Monsieur Luc PETIT", "Madame Rose BLANC"], rng.randint(1, 2))
        qui = " et ".join(noms)
        pluriel = len(noms) > 1
        cote = rng.choice(["abstentions", "contre"])
        if cote == "abstentions":
            suite = rng.choice([f"({qui} {'s' + chr(39) + 'abstiennent' if pluriel else 's' + chr(39) + 'abstient'})",
                                f", {qui} s'étant abstenu{'s' if pluriel else ''}"])
        else:
            suite = rng.choice([f", {qui} ayant voté contre", f"({qui} {'votent' if pluriel else 'vote'} contre)"])
        vote = Vote(f"Adopté à l'unanimité {suite}.", votants, False, forme=forme)
        setattr(vote, cote, len(noms))
        return vote
    if forme == "npp":
        # Not taking part in the vote leaves the others' unanimity whole.
        return Vote("Adopté à l'unanimité, M. Paul DURAND ne prenant pas part au vote.", votants, True, forme=forme)
    if forme == "majorite_membres":
        # A majority « des membres présents » is a vote, not the quorum (« la majorité des membres en exercice »).
        texte = rng.choice(["Adopté à la majorité des membres présents.", "à la majorité des votants, approuve",
                            "ADOPTÉ À LA MAJORITÉ DES MEMBRES PRÉSENTS ET REPRÉSENTÉS",
                            "Le conseil, à la majorité des membres présents, décide."])
        return Vote(texte, votants, False, forme=forme)
    if forme == "exprimes_abst_apres":
        # The unanimity of the votes cast, the abstentions printed after the decision.
        n = rng.randint(1, 3)
        qui = ", ".join(["M. Paul DURAND", "Mme Anne MARTIN", "M. Luc PETIT"][:n])
        texte = rng.choice([f"À l'unanimité des suffrages exprimés, approuve le projet. ({n} {_pluriel(n, 'abstention')} : {qui})",
                            f"Adopté à l'unanimité des suffrages exprimés. {_nombre(n, rng, True).capitalize()} "
                            f"{_pluriel(n, 'abstention')} ({qui}).",
                            f"Adopté à l'unanimité des exprimés : {votants - n} pour, {n} {_pluriel(n, 'abstention')}"])
        pour = votants - n if " pour," in texte else None
        # With the sides for and abstaining printed, making up the votants, none voted against.
        return Vote(texte, votants, False, pour, 0 if pour is not None else None, n, forme=forme)
    if forme == "contre_n":
        # « par 25 voix contre 2 »: the count before « contre » is the side for.
        suite = f" et {_nombre(abst, rng, False)} {_pluriel(abst, 'abstention')}" if abst else ""
        texte = rng.choice([f"Adopté par {pour} voix contre {contre}{suite}.",
                            f"Le conseil, par {pour} voix contre {contre}{suite}, approuve",
                            f"APPROUVÉ PAR {pour} VOIX CONTRE {contre}{suite.upper()}"])
        # No abstention printed: the sides printed make up the votants, so none abstained.
        return Vote(texte, votants, False, pour, contre, abst, forme=forme)
    if forme == "votants_avant":
        # Other counts of the table printed before the sides: each number is its own label's.
        sep = rng.choice([" : ", " ", ": ", "\n"])
        joint = rng.choice([" ", " – ", "\n", " ; "])
        autres = rng.sample([("Votants", votants), ("Exprimés", votants - abst), ("Suffrages exprimés", votants - abst),
                             ("Quorum", votants // 2 + 1), ("Majorité absolue", (votants - abst) // 2 + 1),
                             ("Présents", max(1, votants - 2)), ("Membres en exercice", votants + 2),
                             ("Inscrits", votants + 2), ("Absents", 2)], rng.randint(1, 3))
        cellules = [f"{label}{sep}{n}" for label, n in autres]
        cellules += [f"Pour{sep}{pour}", f"Contre{sep}{contre}", f"Abstention{sep}{abst}"]
        texte = joint.join(cellules)
        if rng.random() < 0.25:
            texte = texte.upper()
        return Vote(texte, votants, False, pour, contre, abst, forme=forme)
    mots = forme == "comptes_mots"
    if forme in ("comptes_prose", "comptes_mots"):
        parts = [f"{_nombre(pour, rng, mots)} voix pour", f"{_nombre(contre, rng, mots)} {rng.choice(['voix ', ''])}contre"]
        if abst:
            parts.append(f"{_nombre(abst, rng, mots)} {_pluriel(abst, 'abstention')}")
        texte = f"Adopté par {', '.join(parts[:-1])} et {parts[-1]}."
        # No abstention printed: the sides printed make up the votants, so none abstained.
        return Vote(texte, votants, False, pour, contre, abst, forme=forme)
    if forme == "comptes_labels":
        sep = rng.choice([" : ", " :", ": "])
        sep2 = rng.choice([" ", " - ", " ; ", "\n"])
        zero = rng.choice(["0", "0", "/", "néant"])
        labels = [f"Pour{sep}{pour}", f"Contre{sep}{contre}", f"{rng.choice(['Abstention', 'Abstentions', 'Abstention(s)'])}{sep}"
                  f"{abst if abst else zero}"]
        texte = ("Vote :" + sep2 if rng.random() < 0.3 else "") + sep2.join(labels)
        if rng.random() < 0.3:
            texte = texte.upper()
        return Vote(texte, votants, False, pour, contre, abst, forme=forme)
    if forme == "comptes_labels_sans_deux_points":
        texte = f"Pour {pour} Contre {contre} Abstention {abst}"
        return Vote(texte, votants, False, pour, contre, abst, forme=forme)
    if forme == "comptes_table":
        texte = f"Pour Contre Abstention {pour} {contre} {abst}"
        return Vote(texte, votants, False, pour, contre, abst, forme=forme)
    if forme == "vote_unanimite_table":
        texte = rng.choice(["Vote : unanimité", "VOTE : UNANIMITE", "Résultat du vote : Unanimité"])
        return Vote(texte, votants, True, forme=forme)
    texte = f"Adopté à la majorité ({pour} pour, {contre} contre{f', {abst} abstention' + ('s' if abst > 1 else '') if abst else ''})."
    return Vote(texte, votants, False, pour, contre, abst, forme=forme)


def minutes_approuvees(rng: random.Random) -> str:
    return rng.choice(["Le procès-verbal de la séance du 3 février est approuvé à l'unanimité.",
                       "Approbation du procès-verbal de la séance précédente : adopté à l'unanimité.",
                       "Madame Anne MARTIN est désignée secrétaire de séance à l'unanimité."])


def visa_unanime(rng: random.Random) -> str:
    return rng.choice(["Vu la délibération du 12 janvier adoptée à l'unanimité ;",
                       "Vu l'avis favorable de la commission des finances (pour : 7 ; contre : 0) ;",
                       "Considérant que le conseil avait approuvé le projet à l'unanimité ;"])


def vote_d_un_autre_organe(rng: random.Random) -> str:
    """A vote or opinion of another body, or the council's own earlier vote, told in the report before
    the council deliberates: not this act's vote."""
    organe = rng.choice(["Le conseil d'exploitation", "Le bureau communautaire", "La commission des finances",
                         "La CLECT, réunie le 10 octobre,", "Le comité technique", "Le conseil d'école",
                         "Le conseil municipal, lors de sa séance du 5 avril 2023,", "Le comité syndical du SIVOM"])
    issue = rng.choice(["à l'unanimité", "à l'unanimité de ses membres", "à la majorité", "par 7 voix pour et 2 contre"])
    phrase = rng.choice([f"{organe} a approuvé le projet {issue}.", f"{organe} a émis un avis favorable {issue}.",
                         f"{organe} a adopté {issue} le rapport présenté.", f"{organe} s'est prononcé {issue} en faveur du projet."])
    return phrase.upper() if rng.random() < 0.15 else phrase


def item_precedent(rng: random.Random) -> str:
    return rng.choice(["Objet : Budget annexe de l'eau. Adopté par 12 voix pour et 3 contre. ",
                       "Objet : Tarifs de la cantine. Adopté à la majorité. "])


def deliberation(rng: random.Random, pieges: bool = True) -> Vote:
    votants = rng.randint(9, 33)
    vote = phrase_de_vote(rng, votants)
    presents = votants - rng.randint(0, 3)
    head = (f"COMMUNE DE SAINT-AY\nL'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal de la "
            f"commune de Saint-Ay s'est réuni.\nMembres en exercice : {votants + 2} Présents : {presents} "
            f"Votants : {votants}\n")
    avant, poses = [], []
    if pieges:
        if rng.random() < 0.4:
            avant.append(minutes_approuvees(rng))
            poses.append("minutes")
        if rng.random() < 0.3:
            avant.append(item_precedent(rng))
            poses.append("item_precedent")
    visa = visa_unanime(rng) if pieges and rng.random() < 0.4 else ""
    if visa:
        poses.append("visa")
    if pieges and rng.random() < 0.4:
        visa = (visa + " " + vote_d_un_autre_organe(rng)).strip()
        poses.append("autre_organe")
    corps = (f"Objet : Travaux de voirie\nLe Maire expose le projet. {visa}\nAprès en avoir délibéré, "
             f"{vote.texte}\nAffiché le 21 décembre 2023.")
    vote.texte = head + " ".join(avant) + "\n" + corps
    vote.pieges = poses
    return vote


def _approbation_des_minutes(rng: random.Random, unanime: bool) -> str:
    """One way minutes say the council approved the minutes of its earlier meeting."""
    pv = rng.choice(["procès-verbal", "procès verbal", "compte rendu", "compte-rendu", "PV"])
    seance = rng.choice(["de la séance du 3 février 2023", "de la séance précédente", "du conseil municipal du 14 novembre",
                         "de la dernière séance"])
    issue = "à l'unanimité" if unanime else rng.choice(["à la majorité", "à la majorité (2 contre)"])
    verbe = rng.choice(["approuvé", "adopté", "validé"])
    phrase = rng.choice([
        f"Le {pv} {seance} est {verbe} {issue}.",
        f"Le {pv} {seance} a été {verbe} {issue}.",
        f"Approbation du {pv} {seance} : {verbe} {issue}.",
        f"Approbation du {pv} {seance}\nLe {pv} est {verbe} {issue}.",
        f"Le conseil municipal approuve {issue} le {pv} {seance}.",
    ])
    return phrase.upper() if rng.random() < 0.15 else phrase


def proces_verbal_sans_entetes(rng: random.Random, extrait: bool = False) -> Vote:
    """Minutes of a meeting whose items carry no deliberation heading (« 1) Tarifs … Après en avoir
    délibéré, … »), opening with the approval of the earlier minutes: that approval is the meeting's
    first vote. With `extrait`, one act follows the approval: the act's vote is the record's."""
    votants = rng.randint(9, 33)
    unanime = rng.random() < 0.6
    approbation = _approbation_des_minutes(rng, unanime)
    votes = [phrase_de_vote(rng, votants) for _ in range(1 if extrait else rng.randint(2, 3))]
    titres = ["Tarifs de la cantine scolaire", "Travaux de voirie", "Subventions aux associations"]
    numero = rng.choice(["{i}) ", "{i}. ", "Point {i} – ", "", "- "])
    items = []
    for i, vote in enumerate(votes, start=2):
        items.append(f"{numero.format(i=i)}{titres[i - 2]}\nLe Maire expose le projet. "
                     f"{rng.choice(['Après en avoir délibéré', 'Le conseil, après en avoir délibéré', 'Après délibération'])}"
                     f", {vote.texte}")
    head = (f"COMPTE RENDU DU CONSEIL MUNICIPAL\nL'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil "
            f"municipal de la commune de Saint-Ay s'est réuni.\nMembres en exercice : {votants + 2} "
            f"Votants : {votants}\nSecrétaire de séance : Mme Anne MARTIN\n")
    texte = head + approbation + "\n" + "\n".join(items)
    if extrait:
        first = votes[0]
        return Vote(texte, votants, first.unanimite, first.pour, first.contre, first.abstentions, forme=first.forme,
                    pieges=["minutes"])
    return Vote(texte, votants, unanime, forme="minutes_" + ("unanimite" if unanime else "majorite"))
