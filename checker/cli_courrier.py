"""`delibcheck courrier`: the draft letter for an act (lettre d'observations, demande de pièces),
and the same for a whole batch, one file per act that calls for one."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from checker.decision.courrier import TYPES
from ruleset.messages import nombre

FORMATS = ("markdown", "texte", "docx")
SUFFIXES = {"markdown": ".md", "texte": ".txt", "docx": ".docx"}


def _letters(fichiers, kind, regles_dir):
    """(fichier, letter or None, error message or None) for every act of the inputs."""
    from checker.decision.courrier import build_letter
    from checker.engine_cache import engine_for
    from checker.inputs import iter_sources, load_source
    from checker.joins import apply_joins
    from checker.results import Result
    from ruleset.errors import InputError

    engine = engine_for(regles_dir)
    rules = {rule.id: rule for rule in engine.rules}
    items = [load_source(source, index) for index, source in enumerate(iter_sources(list(fichiers), "auto"))]
    apply_joins([item.record for item in items if item.record is not None])
    for item in items:
        if item.error is not None:
            yield item.fichier, None, str(item.error)
            continue
        result = Result(item.fichier, item.record, engine.check(item.record))
        try:
            yield item.fichier, build_letter(result, result.decision, rules, kind), None
        except InputError as exc:
            yield item.fichier, None, str(exc)


def _name(fichier: str, index: int, kind: str, fmt: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", Path(fichier.split(":")[0]).stem)[:60] or "acte"
    line = fichier.rsplit(":", 1)[-1] if re.search(r":\d+$", fichier) else ""
    return f"{index:04d}-{stem}{'-' + line if line else ''}-{kind}{SUFFIXES[fmt]}"


@click.command("courrier")
@click.argument("actes", nargs=-1, required=True)
@click.option("--type", "kind", type=click.Choice(TYPES), default=None,
              help="observations (lettre d'observations, valant recours gracieux si le retrait est proposé) ou "
                   "pieces (demande de pièces) ; par défaut, ce que propose la décision de chaque acte.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="markdown", show_default=True,
              help="markdown (lisible aussi en texte), texte, ou docx (traitement de texte).")
@click.option("--sortie", type=click.Path(), default=None,
              help="Fichier (un seul acte) ou dossier (plusieurs actes, ou docx) où écrire les courriers.")
@click.option("--regles", "regles_dir", type=click.Path(file_okay=False), default=None,
              help="Dossier de règles à utiliser à la place des règles fournies.")
def courrier(actes, kind, fmt, sortie, regles_dir):
    """Rédige le projet de courrier du contrôle de légalité pour chaque acte : destinataire, acte,
    irrégularités avec leurs faits, l'article et la jurisprudence, pièces demandées, délai et son
    fondement. Un acte sans suite proposée n'en reçoit pas, sauf --type.

    \b
    Exemples :
      delibcheck courrier acte.json
      delibcheck courrier acte.pdf --type pieces --format docx --sortie demande.docx
      delibcheck courrier actes/ flux.jsonl --sortie courriers/
    """
    from checker.decision.courrier_rendu import docx, markdown, texte

    results = list(_letters(actes, kind, regles_dir))
    letters = [(f, letter) for f, letter, _ in results if letter is not None]
    skipped = [(f, message) for f, letter, message in results if letter is None]
    single = len(results) == 1
    if single and not letters:
        click.echo(f"delibcheck : {skipped[0][1]}", err=True)
        sys.exit(2)
    if single and fmt != "docx" and sortie is None:
        click.echo((markdown if fmt == "markdown" else texte)(letters[0][1]), nl=False)
        return
    if sortie is None:
        raise click.UsageError("--sortie DOSSIER est requis pour plusieurs actes ou pour le format docx")
    target = Path(sortie)
    if single and target.suffix.lower() == SUFFIXES[fmt]:
        target.parent.mkdir(parents=True, exist_ok=True)
        paths = [target]
    else:
        target.mkdir(parents=True, exist_ok=True)
        paths = [target / _name(f, i, letter.type, fmt) for i, (f, letter) in enumerate(letters, start=1)]
    for path, (_, letter) in zip(paths, letters):
        if fmt == "docx":
            docx(letter, path)
        else:
            path.write_text((markdown if fmt == "markdown" else texte)(letter), encoding="utf-8")
    quiet = 0
    for fichier, message in skipped:
        if "aucune suite proposée" in message:
            quiet += 1
        else:
            click.echo(f"delibcheck : pas de courrier — {message}", err=True)
    where = paths[0] if len(paths) == 1 else target
    click.echo(f"delibcheck : {nombre(len(letters), '# courrier écrit|# courriers écrits')} dans {where} ; "
               f"{nombre(len(skipped), '# acte|# actes')} sans "
               f"courrier (dont {quiet} sans suite proposée), sur {nombre(len(results), '# lu|# lus')}", err=True)
