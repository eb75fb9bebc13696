"""`delibcheck suivi`: the prefecture's worklist kept in the store, and the actions that move it.

    delibcheck suivi [--base B] [--format json]         acts by next deadline, overdue first
    delibcheck suivi acte ACTE                          one act: findings, history, actions, joins
    delibcheck suivi recours ACTE --date D              recours gracieux sent
    delibcheck suivi reponse ACTE --date D              answer to the recours received
    delibcheck suivi pieces ACTE --demandees D | --recues D
    delibcheck suivi defere ACTE --date D               déféré filed (closes the act)
    delibcheck suivi sans-suite ACTE --date D           no further action (closes the act)
    delibcheck suivi semaine [--du D] [--au D]          the week's decisions (JSON or CSV)

The base comes from `--base`, else the configuration (`checker.store.configuration`); the author
of an action from `--auteur`, else the configuration.
"""
from __future__ import annotations

import datetime as dt
import json
import sys

import click

from ruleset.dates import format_date

FORMAT = click.Choice(("texte", "json"))


class Jour(click.ParamType):
    """A date as AAAA-MM-JJ or JJ/MM/AAAA."""

    name = "date"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        for form in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(value, form).date()
            except ValueError:
                continue
        self.fail(f"date « {value} » illisible : attendu AAAA-MM-JJ ou JJ/MM/AAAA", param, ctx)


JOUR = Jour()


def _configured(key: str) -> str | None:
    """`key` of the store's settings, from the configuration the root command read (`--config`,
    `--isole`, else the nearest delibcheck.toml)."""
    from checker.store.configuration import configured

    ctx = click.get_current_context(silent=True)
    return configured(key, ctx.find_root().meta.get("delibcheck.config") if ctx is not None else None)


def _store(base):
    from checker.store import Store

    base = base or _configured("base")
    if not base:
        raise click.UsageError("aucune base : donner --base CHEMIN_OU_URL ou « base » dans la configuration")
    return Store(base)


def _today(value):
    return value or dt.date.today()


def _dump(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _line(item: dict) -> str:
    if item["echeance"]:
        days = item["jours_restants"]
        when = (f"DÉPASSÉE de {-days} j" if item["depassee"] else f"J-{days}") + f"  {format_date(dt.date.fromisoformat(item['echeance']))}"
    else:
        when = {"attente_pieces": "pièces attendues", "inconnu": "échéance inconnue", "clos": "clos"}.get(item["etat"], "—")
    numero = f"délibération {item['numero']}" if item["numero"] else "délibération sans numéro"
    seance = format_date(dt.date.fromisoformat(item["seance"]))
    proposed = f" ; proposé : {item['decision']['libelle']}" if item["decision"] else ""
    return (f"{when:<24} {item['collectivite'] or 'collectivité non nommée'} — {numero} du {seance} "
            f"({item['statut']}{proposed}) [{item['acte']}]")


def _show(item: dict, detail: bool = False) -> None:
    click.echo(_line(item))
    for text in (item["explication"][-1:] if not detail else item["explication"]):
        click.echo(f"    {text}")
    for waited in item["attendus"]:
        flag = " (délai expiré)" if waited["depassee"] else ""
        click.echo(f"    attendu : {waited['quoi']} — {waited['texte']}{flag}")
    if detail:
        for group in item["rapprochements"]:
            for acte in group["actes"]:
                click.echo(f"    rapproché de : {acte['organisme']}, délibération {acte['numero'] or 'sans numéro'} "
                           f"du {format_date(dt.date.fromisoformat(acte['date']))} [{acte['identite']}]")
            for note in group["notes"]:
                click.echo(f"    note : {note}")
        for action in item["actions"]:
            click.echo(f"    action : {action['nature']} le {format_date(dt.date.fromisoformat(action['date']))} "
                       f"par {action['auteur']}" + (f" — {action['note']}" if action["note"] else ""))


@click.group("suivi", invoke_without_command=True)
@click.option("--base", default=None, metavar="CHEMIN_OU_URL", help="La base des actes (SQLite ou PostgreSQL).")
@click.option("--format", "fmt", type=FORMAT, default="texte", show_default=True)
@click.option("--limite", type=click.IntRange(0), default=50, show_default=True, help="Nombre d'actes montrés (0 : tous).")
@click.option("--clos", is_flag=True, help="Montrer aussi les actes clos (déféré déposé, pas de suite).")
@click.option("--aujourdhui", type=JOUR, default=None, hidden=True)
@click.pass_context
def suivi(ctx, base, fmt, limite, clos, aujourdhui):
    """Suivi du contrôle de légalité : actes par prochaine échéance (dépassées d'abord), actions des agents.

    \b
    Exemples :
      delibcheck suivi --base controle.sqlite
      delibcheck suivi --base controle.sqlite semaine --format json -o semaine.json
    """
    ctx.ensure_object(dict)
    ctx.obj.update(base=base, fmt=fmt, today=_today(aujourdhui))
    if ctx.invoked_subcommand is not None:
        return
    from checker.store.suivi import counts, worklist

    store = _store(base)
    today = ctx.obj["today"]
    with store.reading() as connection:
        items = worklist(connection, today, limite or None, clos)
        totals = counts(connection, today)
    store.close()
    if fmt == "json":
        _dump({"date": today.isoformat(), "base": store.label, "compte": totals, "actes": items})
        return
    click.echo(f"Suivi au {format_date(today)} — {totals['ouverts']} actes ouverts, {totals['depasses']} échéances "
               f"dépassées, {totals['sans_echeance']} sans échéance calculable, {totals['clos']} clos")
    for item in items:
        _show(item)


def _record(ctx, acte, nature, date, auteur, note, base):
    from checker.store.suivi import record_action

    auteur = auteur or _configured("auteur")
    if not auteur:
        raise click.UsageError("auteur inconnu : donner --auteur NOM ou « auteur » dans la configuration")
    today = ctx.obj["today"]
    if date > today:
        raise click.BadParameter(f"date du {format_date(date)} postérieure à aujourd'hui : on enregistre ce qui a été fait",
                                 param_hint="--date")
    store = _store(base or ctx.obj.get("base"))
    with store.writing() as connection:
        item = record_action(connection, acte, nature, date, auteur, note, today)
    store.close()
    if ctx.obj["fmt"] == "json":
        _dump(item)
        return
    click.echo(f"Enregistré : {nature.replace('_', ' ')} le {format_date(date)} par {auteur}.")
    _show(item, detail=True)


def _action_command(name, nature, help_text):
    @suivi.command(name, help=help_text)
    @click.argument("acte")
    @click.option("--date", "date", type=JOUR, required=True, help="Date de l'action (AAAA-MM-JJ ou JJ/MM/AAAA).")
    @click.option("--auteur", default=None, help="Qui a agi (par défaut : « auteur » de la configuration).")
    @click.option("--note", default=None, help="Une précision libre.")
    @click.option("--base", default=None, metavar="CHEMIN_OU_URL")
    @click.pass_context
    def command(ctx, acte, date, auteur, note, base):
        _record(ctx, acte, nature, date, auteur, note, base)
    return command


_action_command("recours", "recours_gracieux", "Recours gracieux envoyé : interrompt le délai du déféré.")
_action_command("reponse", "reponse_recours", "Réponse au recours gracieux reçue : les deux mois repartent.")
_action_command("defere", "defere", "Déféré déposé au tribunal administratif : clôt le suivi.")
_action_command("sans-suite", "sans_suite", "Pas de suite donnée : clôt le suivi.")


@suivi.command("pieces")
@click.argument("acte")
@click.option("--demandees", type=JOUR, default=None, help="Date de la demande des pièces nécessaires au contrôle.")
@click.option("--recues", type=JOUR, default=None, help="Date de réception des pièces demandées.")
@click.option("--auteur", default=None)
@click.option("--note", default=None)
@click.option("--base", default=None, metavar="CHEMIN_OU_URL")
@click.pass_context
def pieces(ctx, acte, demandees, recues, auteur, note, base):
    """Pièces demandées (le délai courra de leur réception) ou reçues."""
    if (demandees is None) == (recues is None):
        raise click.UsageError("donner soit --demandees DATE, soit --recues DATE")
    if demandees is not None:
        _record(ctx, acte, "demande_pieces", demandees, auteur, note, base)
    else:
        _record(ctx, acte, "pieces_recues", recues, auteur, note, base)


@suivi.command("acte")
@click.argument("acte")
@click.option("--base", default=None, metavar="CHEMIN_OU_URL")
@click.pass_context
def acte(ctx, acte, base):
    """Un acte : échéance, actions, rapprochements, historique de ses contrôles."""
    from checker.store.suivi import history

    store = _store(base or ctx.obj.get("base"))
    with store.reading() as connection:
        item = history(connection, acte, ctx.obj["today"])
    store.close()
    if ctx.obj["fmt"] == "json":
        _dump(item)
        return
    _show(item, detail=True)
    for version in item["historique"]:
        click.echo(f"    version {version['version']} ({version['motif']}, {version['enregistre_le']}) : {version['statut']}")


@suivi.command("semaine")
@click.option("--du", type=JOUR, default=None, help="Premier jour (par défaut : il y a six jours).")
@click.option("--au", type=JOUR, default=None, help="Dernier jour (par défaut : aujourd'hui).")
@click.option("--export", "export", type=click.Choice(("json", "csv")), default="json", show_default=True)
@click.option("--base", default=None, metavar="CHEMIN_OU_URL")
@click.pass_context
def semaine(ctx, du, au, export, base):
    """Les décisions de la semaine : actes contrôlés ou traités dans la période, avec échéance et actions."""
    from checker.store.suivi import week

    today = ctx.obj["today"]
    au = au or today
    du = du or au - dt.timedelta(days=6)
    if du > au:
        raise click.BadParameter("--du doit précéder --au", param_hint="--du")
    store = _store(base or ctx.obj.get("base"))
    with store.reading() as connection:
        items = week(connection, du, au, today)
    store.close()
    if export == "json":
        _dump({"du": du.isoformat(), "au": au.isoformat(), "actes": items})
        return
    import csv

    writer = csv.writer(sys.stdout)
    writer.writerow(["acte", "collectivite", "seance", "numero", "objet", "statut", "echeance", "etat", "decision",
                     "actions"])
    for item in items:
        writer.writerow([item["acte"], item["collectivite"], item["seance"], item["numero"], item["objet"],
                         item["statut"], item["echeance"] or "", item["etat"],
                         json.dumps(item["decision"], ensure_ascii=False) if item["decision"] else "",
                         " ; ".join(f"{a['nature']} {a['date']} ({a['auteur']})" for a in item["actions"])])
