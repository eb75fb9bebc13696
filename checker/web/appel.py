"""The roll call of « Préparer une séance »: the members, the proxies, the meeting's record.

The roster (registre) the clerk joins once is the file of `delibcheck nouveau`: besides the names
it holds birth dates and the proxies given for several meetings, with their first meeting, their
number of meetings, their end, the illness that lifts the three-meeting limit (L2121-20) and the
signature date. The page carries it whole from one answer to the next (a hidden field read back
by the roster's own parser, never trusted as is), so that a proxy the clerk keeps in the roll call
goes into the record with its details; a proxy the clerk picks in the page is one given for this
meeting. A proxy that started before this meeting has the rank the previous meeting's record
gives it, or none: the rules then say « indéterminé », never « conforme » on a rank made up.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from checker.clerk import skeleton
from checker.web.errors import ErreurWeb
from checker.web.forms import Champs
from ruleset.errors import InputError
from ruleset.messages import de

MEMBRES_MAX = 300


@dataclass
class Liste:
    """The members of the roll call, and the roster they come from when one was joined."""

    noms: list[str]
    registre: skeleton.Registre | None = None
    # Each member's proxy the roster says covers the meeting's date (the first, as `nouveau` does).
    pouvoirs_registre: dict[str, skeleton.Pouvoir] = field(default_factory=dict)
    source: str = "(liste d'appel)"

    @property
    def en_exercice(self) -> int | None:
        return self.registre.membres_en_exercice if self.registre else None

    @property
    def collectivite(self) -> dict:
        return dict(self.registre.collectivite) if self.registre else {}

    def hidden(self) -> str:
        """The roster as the page keeps it between two answers (JSON, read back by `parse_roster`)."""
        if self.registre is None:
            return ""
        return json.dumps(skeleton.roster_data(self.registre), ensure_ascii=False)

    def details(self, name: str) -> str:
        """What the roster says of `name`'s proxy, for the clerk to see beside the choice."""
        proxy = self.pouvoirs_registre.get(name)
        if proxy is None:
            return ""
        parts = [f"pouvoir au registre à {proxy.mandataire}"]
        if proxy.premiere_seance:
            parts.append(f"depuis le {proxy.premiere_seance:%d/%m/%Y}")
        if proxy.seances:
            parts.append(f"pour {proxy.seances} séance{'s' if proxy.seances > 1 else ''}")
        if proxy.jusqu_au:
            parts.append(f"jusqu'au {proxy.jusqu_au:%d/%m/%Y}")
        if proxy.maladie:
            parts.append("maladie constatée")
        if proxy.date_signature:
            parts.append(f"signé le {proxy.date_signature:%d/%m/%Y}")
        if not proxy.ecrit:
            parts.append("sans écrit")
        return ", ".join(parts)


def parse(data: bytes | str, name: str) -> skeleton.Registre:
    """A roster joined to the page or kept in it, checked as `delibcheck nouveau` checks its file."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise ErreurWeb(400, "le registre n'est pas encodé en UTF-8", "registre")
    try:
        return skeleton.parse_roster(text, name, csv_format=name.lower().endswith(".csv"))
    except InputError as exc:
        raise ErreurWeb.from_input(400, exc)


def members(form, registre: skeleton.Registre | None, date: dt.date | None, source: str) -> Liste:
    """The roll call's members: the roster's, else the table's, else the names typed one per line."""
    if registre is not None:
        covering: dict[str, skeleton.Pouvoir] = {}
        for proxy in registre.pouvoirs:
            if date is None or proxy.covers(date):
                covering.setdefault(proxy.mandant, proxy)
        liste = Liste(registre.noms, registre, covering, source)
    elif form.getlist("membre"):
        liste = Liste([n.strip() for n in form.getlist("membre") if n.strip()])
    else:
        typed = form.get("noms") or ""
        liste = Liste([line.strip() for line in typed.splitlines() if line.strip()])
    if len(liste.noms) > MEMBRES_MAX:
        raise ErreurWeb(400, f"{len(liste.noms)} membres : {MEMBRES_MAX} au plus", "noms")
    seen: set[str] = set()
    for name in liste.noms:
        if name in seen:
            raise ErreurWeb(400, f"membre « {name} » inscrit deux fois", "noms")
        seen.add(name)
    return liste


def roll_call(form, liste: Liste) -> dict:
    """Who is ticked present, who gave a proxy to whom, from the table of the roll call."""
    names = liste.noms
    ticked = set(form.getlist("present"))
    submitted = bool(form.getlist("membre"))
    mandats = []
    notes = []
    for index, name in enumerate(names):
        if submitted:
            holder = (form.get(f"pouvoir_{index}") or "").strip()
        else:
            proxy = liste.pouvoirs_registre.get(name)
            holder = proxy.mandataire if proxy else ""
        if not holder:
            continue
        if holder not in names:
            raise ErreurWeb(400, f"« {holder} » n'est pas un membre de la liste", f"pouvoir_{index}")
        if name in ticked:
            notes.append(f"{name} est coché présent : son pouvoir à {holder} n'est pas compté.")
            continue
        if holder == name:
            raise ErreurWeb(400, f"pouvoir de « {name} » à lui-même", f"pouvoir_{index}")
        if holder not in ticked and submitted:
            notes.append(f"{holder} détient le pouvoir {de(name)} mais n'est pas coché présent.")
        mandats.append((name, holder))
    present = [n for n in names if n in ticked]
    givers = {a for a, _ in mandats}
    absents = [n for n in names if n not in ticked and n not in givers]
    return {"presents": present, "mandats": mandats, "absents": absents, "notes": notes, "submitted": submitted}


def meeting_record(form, liste: Liste, appel: dict, en_exercice: int, precedente: bytes | None,
                   workdir: Path) -> skeleton.Squelette:
    """The meeting's record (`delibcheck nouveau`'s skeleton) from the roll call as ticked.

    A proxy kept as the roster has it keeps its details; any other is given for this meeting."""
    champs = Champs(form)
    date = champs.date("seance", required=True)
    collectivite = liste.collectivite
    if champs.brut("collectivite"):
        collectivite["nom"] = champs.brut("collectivite")
    collectivite["nature"] = champs.nature()
    population = champs.entier("population", 0)
    if population is not None:
        collectivite["population"] = population
    if champs.booleen("alsace_moselle"):
        collectivite["alsace_moselle"] = True
    kept = []
    given = []
    for giver, holder in appel["mandats"]:
        proxy = liste.pouvoirs_registre.get(giver)
        if proxy is not None and proxy.mandataire == holder:
            kept.append(proxy)
        else:
            given.append((giver, holder))
    membres = liste.registre.membres if liste.registre else [{"nom": n} for n in liste.noms]
    registre = skeleton.Registre(liste.source, collectivite, membres, en_exercice, kept)
    points = [line.strip() for line in (form.get("points") or "").splitlines() if line.strip()]
    folder = Path(tempfile.mkdtemp(prefix="precedente-", dir=workdir)) if precedente else None
    try:
        previous = None
        if folder is not None:
            previous = folder / "seance-precedente.yaml"
            previous.write_bytes(precedente)
        try:
            out = skeleton.build(registre, date, absents=appel["absents"], pouvoirs=given, points=points,
                                 envoi=champs.date("envoi"), urgence=champs.booleen("urgence"),
                                 precedente=str(previous) if previous else None)
            # The command line's option, named as the page names it.
            out.notes[:] = [note.replace("(--precedente)", "(champ « Dossier de la séance précédente »)")
                            for note in out.notes]
            return out
        except InputError as exc:
            if previous is not None and exc.fichier == str(previous):
                # Said of the file as the clerk knows it, not of the server's temporary copy.
                exc.fichier = "dossier de la séance précédente"
            raise ErreurWeb.from_input(400, exc)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

