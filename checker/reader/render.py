"""Writing an extract from a record, in the phrasings French councils use, for round-trip tests.

Each fact is written in one of several forms chosen by `rng`: the meeting date in digits or in
words (« L'an deux mille vingt-trois, le 19 décembre »), proxies as « X à Y », « X (pouvoir à
Y) » or « X a donné pouvoir à Y », votes as « à l'unanimité », « par 12 voix pour, 2 contre »
or « POUR : 14 CONTRE : / ABSTENTION : / »… Facts the record does not hold are not written.
"""
from __future__ import annotations

import datetime as dt
import random
import re

from checker.reader.dates import MONTH_NAMES, WEEKDAYS, int_to_words


def _value(fact):
    return fact.get("valeur") if isinstance(fact, dict) else fact


def _date(fact) -> dt.date | None:
    value = _value(fact)
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _digits(date: dt.date) -> str:
    return date.strftime("%d/%m/%Y")


def _spelled(date: dt.date, rng: random.Random, weekday: bool = False) -> str:
    day = "1er" if date.day == 1 else str(rng.choice([date.day, f"{date.day:02d}"]))
    text = f"{day} {MONTH_NAMES[date.month - 1]} {date.year}"
    if weekday:
        text = f"{WEEKDAYS[date.weekday()]} {text}"
    return text


def _any_date(date: dt.date, rng: random.Random) -> str:
    return _digits(date) if rng.random() < 0.5 else _spelled(date, rng, weekday=rng.random() < 0.3)


def _year_words(year: int, rng: random.Random) -> str:
    words = int_to_words(year)
    if rng.random() < 0.3:
        words = words.replace("mille", "mil")
    return words if rng.random() < 0.5 else words.replace("-", " ")


def _time(value: str, rng: random.Random) -> str:
    hour, minute = int(value[:2]), int(value[3:])
    form = rng.randrange(3)
    if form == 0:
        return f"{hour}h{minute:02d}"
    if form == 1:
        return f"{hour} heures {minute:02d}"
    words = f"{int_to_words(hour)} heures"
    return words if minute == 0 else f"{words} {int_to_words(minute)}"


def _name(name: str, rng: random.Random, civility: bool | None = None) -> str:
    if civility is None:
        civility = rng.random() < 0.3
    return f"{rng.choice(['M.', 'Mme', 'Monsieur', 'Madame'])} {name}" if civility else name


def _surname_first(name: str) -> str:
    parts = name.split(" ")
    cut = next((i for i, p in enumerate(parts) if p.isupper() and len(p) > 1), None)
    if not cut:
        return name
    return " ".join(parts[cut:] + parts[:cut])


def _join(items: list, rng: random.Random) -> str:
    if len(items) > 1 and rng.random() < 0.5:
        return ", ".join(items[:-1]) + " et " + items[-1]
    return rng.choice([", ", " ; "]).join(items)


def _body(record: dict, rng: random.Random) -> tuple[str, str, str]:
    collectivite = record.get("collectivite", {})
    name = _value(collectivite.get("nom")) or ""
    nature = collectivite.get("nature", "commune")
    if nature == "commune" or not nature:
        return name, "le conseil municipal", "Maire"
    return name, "le conseil communautaire", "Président"


def _header(record: dict, rng: random.Random, name: str, assembly: str) -> str:
    seance = record["seance"]
    date = _date(seance["date"])
    title = rng.choice(["EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", "Procès-verbal", "Compte rendu"])
    organ = "DU CONSEIL MUNICIPAL" if "municipal" in assembly else "DU CONSEIL COMMUNAUTAIRE"
    lines = [f"{name.upper() if name and rng.random() < 0.5 else name}".strip(), f"{title} {organ}"]
    if rng.random() < 0.5:
        lines.append(f"Séance du {_spelled(date, rng, weekday=rng.random() < 0.5)}")
    return "\n".join(line for line in lines if line)


def _opening(record: dict, rng: random.Random, name: str, assembly: str, title: str) -> str:
    seance = record["seance"]
    date = _date(seance["date"])
    time = seance.get("heure")
    at = f" à {_time(time.replace('h', ':'), rng)}" if time else ""
    form = rng.randrange(3)
    if form == 0:
        day = "premier" if date.day == 1 and rng.random() < 0.5 else (
            int_to_words(date.day) if rng.random() < 0.4 else str(date.day))
        weekday = f"{WEEKDAYS[date.weekday()]} " if rng.random() < 0.3 else ""
        start = (f"L'an {_year_words(date.year, rng)}{rng.choice([',', ' et', ''])} le {weekday}{day} "
                 f"{MONTH_NAMES[date.month - 1]}{at}, {assembly}")
    elif form == 1:
        start = (f"Le {int_to_words(date.day)} {MONTH_NAMES[date.month - 1]} {_year_words(date.year, rng)}{at}, "
                 f"{assembly}")
    else:
        start = f"{assembly[:1].upper()}{assembly[1:]}"
    town = re.sub(r"^(?:Commune|Ville) (?:de |d')", "", name) if name else ""
    if town and rng.random() < 0.5:
        start += f" de la commune {'d' + chr(39) if town[:1] in 'AEIOUYÉÈ' else 'de '}{town}"
    convocation = record.get("convocation", {}).get("date_envoi")
    conv_date = _date(convocation) if convocation else None
    if conv_date and rng.random() < 0.5:
        start += f", {rng.choice(['légalement', 'régulièrement', 'dûment'])} convoqué le {_any_date(conv_date, rng)}"
        convocation_written = True
    else:
        convocation_written = False
    start += ", s'est réuni"
    if form == 2:
        start += f" le {_spelled(date, rng)}{at}"
    lieu = _value(seance.get("lieu"))
    if lieu:
        start += f" {rng.choice(['à la', 'dans la', 'en la'])} {lieu[:1].lower()}{lieu[1:]}"
    president = _value(seance.get("president"))
    if president:
        start += f", sous la présidence de {_name(president, rng)}, {title}"
    start += "."
    sentences = [start]
    if convocation and not convocation_written:
        if conv_date:
            sentences.append(rng.choice([
                f"Date de convocation : {_digits(conv_date)}",
                f"Date de la convocation : {_spelled(conv_date, rng)}",
                f"Convocation adressée le {_any_date(conv_date, rng)}.",
            ]))
        elif isinstance(convocation, dict) and convocation.get("affirme"):
            sentences.append(rng.choice([
                "La convocation a été adressée aux membres cinq jours francs avant la séance.",
                "Les membres ont été convoqués dans les délais légaux, la convocation ayant été adressée "
                "trois jours francs avant la séance.",
            ]))
    return " ".join(sentences)


def _counts(seance: dict, rng: random.Random) -> str:
    parts = []
    labels = {
        "membres_en_exercice": ["En exercice", "Nombre de conseillers en exercice", "Membres en exercice"],
        "presents": ["Présents", "Nombre de présents"],
        "representes": ["Représentés", "Procurations", "Nombre de pouvoirs"],
        "votants": ["Votants", "Nombre de votants"],
    }
    for field, options in labels.items():
        if field in seance:
            parts.append(f"{rng.choice(options)} : {_value(seance[field])}")
    if not parts:
        return ""
    return rng.choice([" ", " - ", "\n"]).join(parts)


def _attendance(seance: dict, rng: random.Random) -> str:
    out = []
    present = [m["nom"] for m in seance.get("membres", []) if m.get("presence") == "present"]
    surname_first = rng.random() < 0.25
    show = (lambda n: _surname_first(n)) if surname_first else (lambda n: n)
    if present:
        civility = rng.random() < 0.3
        names = [_name(show(n), rng, civility) for n in present]
        out.append(f"{rng.choice(['Présents :', 'Étaient présents :', 'PRÉSENTS :'])} {_join(names, rng)}.")
    pouvoirs = seance.get("pouvoirs", [])
    absents = seance.get("absents", [])
    if pouvoirs:
        form = rng.randrange(4)
        pairs = [(show(p["mandant"]), show(p["mandataire"])) for p in pouvoirs]
        if form == 0:
            out.append("Pouvoirs : " + ", ".join(f"{a} à {b}" for a, b in pairs) + ".")
        elif form == 1:
            out.append("Absents ayant donné pouvoir : " + ", ".join(
                f"{a} ({rng.choice(['pouvoir', 'procuration'])} à {b})" for a, b in pairs) + ".")
        elif form == 2:
            out.append(" ".join(f"{_name(a, rng)} a donné pouvoir à {_name(b, rng)}." for a, b in pairs))
        else:
            out.append("Absents excusés : " + ", ".join(
                f"{a}, ayant donné pouvoir à {b}" for a, b in pairs) + ".")
    if absents:
        header = rng.choice(["Absents :", "Absents excusés :", "Excusés :", "Étaient absents :"])
        out.append(f"{header} {_join([_name(show(n), rng) for n in absents], rng)}.")
    secretaries = seance.get("secretaires", [])
    if secretaries:
        names = [_name(n, rng, civility=True) for n in secretaries]
        form = rng.randrange(3)
        if form == 0 or len(names) > 1:
            out.append(f"Secrétaire{'s' if len(names) > 1 else ''} de séance : {' et '.join(names)}")
        elif form == 1:
            out.append(f"{names[0]} a été {rng.choice(['désigné', 'désignée', 'élu'])} secrétaire de séance.")
        else:
            out.append(f"{names[0]} est {rng.choice(['désigné', 'nommée'])} secrétaire de séance.")
    return "\n".join(out)


def _vote(vote: dict, rng: random.Random) -> str:
    if _value(vote.get("unanimite")) is True and not any(k in vote for k in ("pour", "contre", "abstentions")):
        of = {
            "presents_et_representes": " des présents et des représentés",
            "exprimes": " des suffrages exprimés",
            "presents": " des membres présents",
            "votants": " des votants",
        }.get(vote.get("unanimite_de"), "")
        return f"à l'unanimité{of}"
    pour, contre, abstentions = (_value(vote.get(k)) for k in ("pour", "contre", "abstentions"))
    form = rng.randrange(3)
    if form == 0 and pour is not None:
        text = f"par {pour} voix pour"
        tail = []
        if contre is not None:
            tail.append(f"{contre} contre")
        if abstentions is not None:
            tail.append(f"{abstentions} abstention{'s' if abstentions > 1 else ''}")
        if tail:
            text += ", " + " et ".join(tail)
        return text
    if form == 1:
        show = lambda n: "/" if n == 0 and rng.random() < 0.5 else str(n)
        parts = [f"{label} : {show(n)}" for label, n in (("POUR", pour), ("CONTRE", contre),
                                                       ("ABSTENTION", abstentions)) if n is not None]
        return "après vote (" + " ".join(parts) + ")"
    parts = [f"{n} {label}" for label, n in (("POUR", pour), ("CONTRE", contre), ("ABSTENTION", abstentions))
             if n is not None]
    return "VOTE : " + " - ".join(parts)


def _deliberation(delib: dict, rng: random.Random, assembly: str) -> str:
    numero = delib.get("numero")
    objet = _value(delib.get("objet")) or ""
    form = rng.randrange(3)
    if numero and form == 0:
        head = f"Délibération n° {numero} : {objet}"
    elif numero and form == 1:
        head = f"N° {numero} - {objet}"
    elif numero:
        head = f"OBJET : {objet} (n°{numero})"
    else:
        head = f"Objet : {objet}"
    body = [head.strip(" :-"), "Vu le code général des collectivités territoriales ;"]
    vote = delib.get("vote", {})
    if vote:
        decision = f"Après en avoir délibéré, {assembly}, {_vote(vote, rng)}, approuve la proposition."
        if vote.get("mode") == "main_levee":
            decision += " Il désigne, à main levée, le délégué de la commune."
        elif vote.get("mode") == "scrutin_secret":
            decision += " Il procède au scrutin secret à l'élection du délégué."
        body.append(decision)
    stamps = []
    publicite = delib.get("publicite", {})
    transmission = delib.get("transmission", {})
    if "date_envoi" in transmission:
        stamps.append(f"Envoyé en préfecture le {_digits(_date(transmission['date_envoi']))}")
    if "date_reception" in transmission:
        stamps.append(f"Reçu en préfecture le {_digits(_date(transmission['date_reception']))}")
    if "date_mise_en_ligne" in publicite:
        online = _date(publicite["date_mise_en_ligne"])
        # Before July 2022 « Publié le » said a publication on paper or a posting, not one online (L2131-1).
        stamps.append(rng.choice(["Publié le ", "Mis en ligne le "] if online is None or online >= dt.date(2022, 7, 1) else
                                 ["Publié sous forme électronique le ", "Mis en ligne le "]) + _digits(online))
    if "date_affichage" in publicite:
        stamps.append(f"Affiché le {_any_date(_date(publicite['date_affichage']), rng)}")
    if "identifiant_actes" in transmission:
        stamps.append(f"ID : {transmission['identifiant_actes']}")
    if stamps:
        body.append(" ".join(stamps))
    return "\n".join(body)


def render_text(record: dict, rng: random.Random) -> str:
    """A plausible French extract stating the facts of `record` (a seance-schema record)."""
    name, assembly, title = _body(record, rng)
    parts = [_header(record, rng, name, assembly), _opening(record, rng, name, assembly, title)]
    seance = record["seance"]
    counts = _counts(seance, rng)
    attendance = _attendance(seance, rng)
    if rng.random() < 0.5:
        parts.extend([counts, attendance])
    else:
        parts.extend([attendance, counts])
    for delib in record.get("deliberations", []):
        parts.append(_deliberation(delib, rng, assembly))
    parts.append("Ainsi fait et délibéré les jour, mois et an susdits.")
    return "\n\n".join(p for p in parts if p)
