"""`delibcheck serve`: the web pages and the HTTP API (extra `delibcheck[web]`)."""
from __future__ import annotations

import os
import shutil
import tempfile

import click

from checker.cli_clerk import ClerkCommand, Entier, ErreurOptions


def _check_port(ctx, hote: str, port: int) -> None:
    import socket
    try:
        family = socket.AF_INET6 if ":" in hote else socket.AF_INET
        with socket.socket(family) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((hote, port))
    except (OSError, UnicodeError) as exc:
        import errno
        why = {errno.EADDRINUSE: "port déjà utilisé", errno.EACCES: "permission refusée",
               errno.EADDRNOTAVAIL: "adresse absente de cette machine"}.get(getattr(exc, "errno", None),
                                                                           "adresse ou port invalide")
        raise ErreurOptions(f"--port : écoute impossible sur {hote}:{port} ({why}) ; choisir un autre --port ou "
                            "--hote", ctx)


@click.command("serve", cls=ClerkCommand)
@click.option("--hote", default="127.0.0.1", show_default=True,
              help="Adresse d'écoute ; 0.0.0.0 ouvre le serveur au réseau (donner alors un --jeton).")
@click.option("--port", type=Entier(1), default=8000, show_default=True, help="Port d'écoute.")
@click.option("--workers", type=Entier(1), default=1, show_default=True, help="Processus serveurs.")
@click.option("--jeton", envvar="DELIBCHECK_JETON", default=None,
              help="Jeton exigé par l'API et les pages (ou variable DELIBCHECK_JETON).")
@click.option("--taille-max", type=Entier(1), default=20, show_default=True, help="Taille d'une requête, en Mo.")
@click.option("--pages-max", type=Entier(1), default=200, show_default=True, help="Pages d'un PDF.")
@click.option("--delai-lecture", type=Entier(1), default=20, show_default=True,
              help="Secondes accordées à la lecture d'un document.")
@click.pass_context
def serve(ctx, hote, port, workers, jeton, taille_max, pages_max, delai_lecture):
    """Lance le serveur web : pages « Préparer une séance », « Vérifier un acte », « Vérifier un lot »,
    « Les règles », et l'API sous /api/v1 (description : /api/v1/openapi.json).

    Exemple : delibcheck serve --port 8000, puis ouvrir http://127.0.0.1:8000/
    """
    try:
        import uvicorn

        from checker.web.app import create_app
        from checker.web.config import ENV, MO, Settings
    except ImportError as exc:
        raise ErreurOptions(f"le serveur web demande l'extra « web » : pip install 'delibcheck[web]' ({exc.name} "
                            "absent)", ctx)
    if hote not in ("127.0.0.1", "localhost", "::1") and not jeton:
        click.echo(f"delibcheck : attention, serveur ouvert sur {hote} sans jeton (--jeton ou DELIBCHECK_JETON)",
                   err=True)
    _check_port(ctx, hote, port)
    workdir = tempfile.mkdtemp(prefix="delibcheck-web-")
    settings = Settings(hote=hote, port=port, jeton=jeton, taille_max=taille_max * MO,
                        taille_max_document=min(taille_max, 10) * MO, pages_max=pages_max,
                        delai_lecture=float(delai_lecture), dossier_travail=workdir)
    click.echo(f"delibcheck : pages sur http://{hote}:{port}/ — API sur http://{hote}:{port}/api/v1 "
               "(Ctrl+C pour arrêter)", err=True)
    try:
        if workers == 1:
            uvicorn.run(create_app(settings), host=hote, port=port, log_level="warning", access_log=False)
        else:
            os.environ[ENV] = settings.to_env()
            uvicorn.run("checker.web.app:app_from_env", factory=True, host=hote, port=port, workers=workers,
                        log_level="warning", access_log=False)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
