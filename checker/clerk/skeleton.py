"""`delibcheck nouveau`: the record of the next meeting, prepared from the body's roster.

The roster (registre) is a small file kept from one meeting to the next: the body, its members,
and the proxies given for several meetings. The skeleton it yields is a record of the usual schema
with presence and proxies filled in — members present unless absent or represented — so that the
clerk corrects what changes instead of retyping the council, and checks it with
`delibcheck check --avant-vote` before the meeting.

A proxy given for several meetings carries its rank in the series (`seances_consecutives`), read
from the previous meeting's record: L2121-20 limits a proxy to three consecutive meetings except
for illness, and the rules, not this module, say when that limit is passed.
"""
from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path

from checker.record import build_record, read_record_file
from ruleset.errors import InputError
from ruleset.yaml_loader import load_yaml
from ruleset.messages import de, nombre

ROSTER_KEYS = ("collectivite", "membres_en_exercice", "membres", "pouvoirs")
MEMBER_KEYS = ("nom", "date_naissance")
PROXY_KEYS = ("mandant", "mandataire", "premiere_seance", "seances", "jusqu_au", "maladie", "ecrit",
              "date_signature")
CSV_COLUMNS = ("nom", "date_naissance", "pouvoir_a", "pouvoir_premiere_seance", "pouvoir_seances",
               "pouvoir_jusqu_au", "maladie", "date_signature")


@dataclass
class Pouvoir:
    mandant: str
    mandataire: str
    premiere_seance: dt.date | None = None
    seances: int | None = None
    jusqu_au: dt.date | None = None
    maladie: bool | None = None
    ecrit: bool = True
    date_signature: dt.date | None = None

    def covers(self, date: dt.date) -> bool:
        started = self.premiere_seance is None or self.premiere_seance <= date
        return started and (self.jusqu_au is None or date <= self.jusqu_au)


@dataclass
class Registre:
    fichier: str
    collectivite: dict = field(default_factory=dict)
    membres: list[dict] = field(default_factory=list)
    membres_en_exercice: int | None = None
    pouvoirs: list[Pouvoir] = field(default_factory=list)

    @property
    def noms(self) -> list[str]:
        return [m["nom"] for m in self.membres]


def _date(value, fichier: str, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"date impossible « {value} » (attendu AAAA-MM-JJ)", fichier=fichier, champ=where)


def _int(value, fichier: str, where: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not str(value).strip().isdigit():
        raise InputError(f"« {value} » n'est pas un nombre entier positif", fichier=fichier, champ=where)
    return int(str(value).strip())


def _bool(value, fichier: str, where: str) -> bool | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("oui", "vrai", "true", "1", "o"):
        return True
    if text in ("non", "faux", "false", "0", "n"):
        return False
    raise InputError(f"« {value} » : attendu oui ou non", fichier=fichier, champ=where)


def _keys(node: dict, allowed: tuple, fichier: str, where: str, line: int | None = None) -> None:
    unknown = [k for k in node if k not in allowed]
    if unknown:
        raise InputError(f"clé inconnue « {unknown[0]} » ; clés admises : {', '.join(allowed)}",
                         fichier=fichier, ligne=line, champ=where)


def _proxy(entry: dict, fichier: str, where: str) -> Pouvoir:
    for key in ("mandant", "mandataire"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise InputError(f"pouvoir sans « {key} »", fichier=fichier, champ=where)
    return Pouvoir(entry["mandant"].strip(), entry["mandataire"].strip(),
                   _date(entry.get("premiere_seance"), fichier, f"{where}.premiere_seance"),
                   _int(entry.get("seances"), fichier, f"{where}.seances"),
                   _date(entry.get("jusqu_au"), fichier, f"{where}.jusqu_au"),
                   _bool(entry.get("maladie"), fichier, f"{where}.maladie"),
                   _bool(entry.get("ecrit"), fichier, f"{where}.ecrit") is not False,
                   _date(entry.get("date_signature"), fichier, f"{where}.date_signature"))


def _from_yaml(text: str, fichier: str) -> Registre:
    data = load_yaml(text, fichier)
    if not isinstance(data, dict):
        raise InputError("le registre doit être un objet avec « membres » (et « collectivite », « pouvoirs »)",
                         fichier=fichier)
    _keys(data, ROSTER_KEYS, fichier, "(racine)")
    registre = Registre(fichier, dict(data.get("collectivite") or {}))
    members = data.get("membres")
    if not isinstance(members, list) or not members:
        raise InputError("le registre doit lister les membres : membres: [Nom PRÉNOM, …]", fichier=fichier,
                         champ="membres")
    for index, member in enumerate(members):
        where = f"membres[{index}]"
        if isinstance(member, str):
            member = {"nom": member}
        if not isinstance(member, dict) or not isinstance(member.get("nom"), str):
            raise InputError("un membre s'écrit « Nom PRÉNOM » ou {nom: …, date_naissance: …}", fichier=fichier,
                             champ=where)
        _keys(member, MEMBER_KEYS, fichier, where, getattr(member, "line", None))
        entry = {"nom": member["nom"].strip()}
        born = _date(member.get("date_naissance"), fichier, f"{where}.date_naissance")
        if born is not None:
            entry["date_naissance"] = born.isoformat()
        registre.membres.append(entry)
    registre.membres_en_exercice = _int(data.get("membres_en_exercice"), fichier, "membres_en_exercice")
    for index, entry in enumerate(data.get("pouvoirs") or []):
        where = f"pouvoirs[{index}]"
        if not isinstance(entry, dict):
            raise InputError("un pouvoir s'écrit {mandant: …, mandataire: …, premiere_seance: …}", fichier=fichier,
                             champ=where)
        _keys(entry, PROXY_KEYS, fichier, where, getattr(entry, "line", None))
        registre.pouvoirs.append(_proxy(entry, fichier, where))
    return registre


def _from_csv(text: str, fichier: str) -> Registre:
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "nom" not in header:
        raise InputError(f"colonne « nom » absente ; colonnes admises : {', '.join(CSV_COLUMNS)}", fichier=fichier,
                         ligne=1)
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        raise InputError(f"colonne inconnue « {unknown[0]} » ; colonnes admises : {', '.join(CSV_COLUMNS)}",
                         fichier=fichier, ligne=1)
    registre = Registre(fichier)
    for number, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        if not row.get("nom"):
            if any(row.values()):
                raise InputError("ligne sans nom de membre", fichier=fichier, ligne=number)
            continue
        entry = {"nom": row["nom"]}
        born = _date(row.get("date_naissance"), fichier, f"ligne {number}, date_naissance")
        if born is not None:
            entry["date_naissance"] = born.isoformat()
        registre.membres.append(entry)
        if row.get("pouvoir_a"):
            registre.pouvoirs.append(_proxy({
                "mandant": row["nom"], "mandataire": row["pouvoir_a"],
                "premiere_seance": row.get("pouvoir_premiere_seance"), "seances": row.get("pouvoir_seances"),
                "jusqu_au": row.get("pouvoir_jusqu_au"), "maladie": row.get("maladie"),
                "date_signature": row.get("date_signature")}, fichier, f"ligne {number}"))
    if not registre.membres:
        raise InputError("le registre ne liste aucun membre", fichier=fichier)
    return registre


def read_roster(path: str) -> Registre:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("registre introuvable", fichier=path)
    except UnicodeDecodeError:
        raise InputError("le registre n'est pas encodé en UTF-8", fichier=path)
    except OSError as exc:
        raise InputError(f"lecture impossible ({exc.strerror or exc})", fichier=path)
    return parse_roster(text, path, csv_format=path.lower().endswith(".csv"))


def parse_roster(text: str, fichier: str, csv_format: bool = False) -> Registre:
    """The roster written in `text` (YAML, JSON or CSV), checked as a roster file is."""
    registre = _from_csv(text, fichier) if csv_format else _from_yaml(text, fichier)
    _check_people(registre)
    return registre


def roster_data(registre: Registre) -> dict:
    """The roster as the data of a roster file (what `parse_roster` reads back)."""
    proxies = []
    for proxy in registre.pouvoirs:
        entry = {"mandant": proxy.mandant, "mandataire": proxy.mandataire}
        for key in ("premiere_seance", "seances", "jusqu_au", "maladie", "date_signature"):
            value = getattr(proxy, key)
            if value is not None:
                entry[key] = value.isoformat() if isinstance(value, dt.date) else value
        if not proxy.ecrit:
            entry["ecrit"] = False
        proxies.append(entry)
    data: dict = {"collectivite": _plain(registre.collectivite), "membres": [dict(m) for m in registre.membres]}
    if registre.membres_en_exercice is not None:
        data["membres_en_exercice"] = registre.membres_en_exercice
    if proxies:
        data["pouvoirs"] = proxies
    return data


def _known(registre: Registre, name: str, where: str) -> None:
    if name not in registre.noms:
        close = difflib.get_close_matches(name, registre.noms, n=3)
        hint = f" ; vouliez-vous dire {', '.join(close)} ?" if close else ""
        raise InputError(f"{where} : « {name} » n'est pas un membre du registre{hint}", fichier=registre.fichier)


def _check_people(registre: Registre) -> None:
    seen = set()
    for name in registre.noms:
        if name in seen:
            raise InputError(f"membre « {name} » inscrit deux fois", fichier=registre.fichier)
        seen.add(name)
    if registre.membres_en_exercice is not None and registre.membres_en_exercice < len(registre.membres):
        raise InputError(f"membres_en_exercice ({registre.membres_en_exercice}) inférieur au nombre de membres "
                         f"listés ({len(registre.membres)})", fichier=registre.fichier)
    for proxy in registre.pouvoirs:
        _known(registre, proxy.mandant, "pouvoir")
        _known(registre, proxy.mandataire, "pouvoir")
        if proxy.mandant == proxy.mandataire:
            raise InputError(f"pouvoir de « {proxy.mandant} » à lui-même", fichier=registre.fichier)


@dataclass
class Squelette:
    data: dict
    notes: list[str]


def _previous_rank(previous: dict | None, proxy: Pouvoir) -> int | None:
    """The proxy's rank at the previous meeting, when that meeting's record lists it."""
    if previous is None:
        return None
    seance = previous.get("seance", {})
    date = seance.get("date")
    if proxy.premiere_seance is not None and isinstance(date, dt.date) and date < proxy.premiere_seance:
        return None
    for entry in seance.get("pouvoirs", []):
        if entry.get("mandant") != proxy.mandant or entry.get("mandataire") != proxy.mandataire:
            continue
        signed = entry.get("date_signature")
        if proxy.date_signature is not None and isinstance(signed, dt.date) and signed != proxy.date_signature:
            continue
        rank = entry.get("seances_consecutives")
        return rank if isinstance(rank, int) and not isinstance(rank, bool) else None
    return None


def build(registre: Registre, date: dt.date, *, absents=(), pouvoirs=(), points=(), envoi: dt.date | None = None,
          urgence: bool = False, precedente: str | None = None) -> Squelette:
    """The skeleton record of the meeting of `date`, and what the clerk should know about it."""
    notes: list[str] = []
    for name in absents:
        _known(registre, name, "--absent")
    previous = None
    if precedente is not None:
        previous_record = read_record_file(Path(precedente), precedente)
        previous = previous_record.root
        if previous_record.date >= date:
            raise InputError(f"la séance précédente ({previous_record.date.isoformat()}) ne précède pas celle du "
                             f"{date.isoformat()}", fichier=precedente)
    given = [Pouvoir(a, b, premiere_seance=date) for a, b in pouvoirs]
    for proxy in given:
        _known(registre, proxy.mandant, "--pouvoir")
        _known(registre, proxy.mandataire, "--pouvoir")
    proxies: list[dict] = []
    givers: set[str] = set()
    for proxy in [p for p in registre.pouvoirs if p.covers(date)] + given:
        if proxy.mandant in givers:
            notes.append(f"{proxy.mandant} a plusieurs pouvoirs en cours : seul le premier est repris.")
            continue
        if proxy.mandant in absents:
            notes.append(f"{proxy.mandant} est déclaré absent mais a donné pouvoir : il est inscrit comme représenté.")
        entry: dict = {"mandant": proxy.mandant, "mandataire": proxy.mandataire, "ecrit": proxy.ecrit}
        if proxy.premiere_seance == date:
            rank = 1
        else:
            before = _previous_rank(previous, proxy)
            rank = before + 1 if before is not None else None
        if rank is not None and proxy.seances is not None and rank > proxy.seances:
            notes.append(f"Le pouvoir {de(proxy.mandant)} à {proxy.mandataire} couvrait "
                         f"{nombre(proxy.seances, '# séance|# séances')} : "
                         "il ne couvre plus celle-ci et n'est pas repris.")
            continue
        if rank is not None:
            entry["seances_consecutives"] = rank
        else:
            notes.append(f"Rang inconnu du pouvoir {de(proxy.mandant)} à {proxy.mandataire} dans la suite des séances "
                         "consécutives : donner le dossier de la séance précédente (--precedente) ou compléter "
                         "« seances_consecutives ».")
        if proxy.maladie is not None:
            entry["maladie"] = proxy.maladie
        if proxy.date_signature is not None:
            entry["date_signature"] = proxy.date_signature.isoformat()
        proxies.append(entry)
        givers.add(proxy.mandant)
    holders = {p["mandataire"] for p in proxies}
    for holder in sorted(holders & set(absents)):
        notes.append(f"{holder} détient un pouvoir mais est déclaré absent.")
    members = []
    for member in registre.membres:
        name = member["nom"]
        presence = "represente" if name in givers else ("absent_excuse" if name in absents else "present")
        members.append({**member, "presence": presence})
    seance: dict = {"date": date.isoformat(),
                    "membres_en_exercice": registre.membres_en_exercice or len(registre.membres),
                    "membres": members}
    if proxies:
        seance["pouvoirs"] = proxies
    convocation: dict = {}
    if envoi is not None:
        convocation["date_envoi"] = envoi.isoformat()
    if urgence:
        convocation["urgence"] = True
    deliberations = [{"numero": str(i), "objet": objet} for i, objet in enumerate(points, start=1)]
    data = {"format": 1, "collectivite": registre.collectivite, "seance": seance}
    if convocation:
        data["convocation"] = convocation
    data["deliberations"] = deliberations or [{"numero": "1"}]
    data = _plain(data)
    try:
        build_record(data, registre.fichier)
    except InputError as exc:
        raise InputError(f"le dossier préparé n'est pas valide : {exc.message}", fichier=registre.fichier,
                         champ=exc.champ)
    return Squelette(data, notes)


def _plain(value):
    """The skeleton as plain data (what the record schema validates)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
