"""Finding a body (commune, syndicate, EPCI) by name or code in the reference data.

The reference data and its lookups are `checker.referentiel`'s; this module only hands the web's
query to it, and says so plainly when this installation has no reference data.
"""
from __future__ import annotations

from checker.web.errors import ErreurWeb


def available() -> bool:
    try:
        import checker.referentiel  # noqa: F401
    except ImportError:
        return False
    return True


def search(champs) -> dict:
    query = champs.brut("q")
    if not query:
        raise ErreurWeb(400, "texte à chercher manquant : nom ou code (SIREN, INSEE) de la collectivité", "q")
    if not available():
        raise ErreurWeb(501, "données de référence des collectivités absentes de cette installation : saisir la "
                             "nature et la population à la main", "q")
    from checker.referentiel.consultation import decrire
    departement = champs.brut("departement") or None
    return decrire(query, departement)[1]
