"""A batch run as the store sees it: one `lots` row, each chunk written in its own transaction.

The run's totals are checked against what the store holds for it: every input of the run has its
item, with the same status, so the summary's « nothing lost » count and the store agree (the
reconciliation is returned and printed by `check`). A run killed midway stays `en_cours` with the
chunks it committed; re-running it records nothing twice (see `ecriture`).
"""
from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from checker.store import Store, catalogue_version
from checker.store.ecriture import finish_lot, start_lot, write_chunk
from checker.store.tables import elements_lot

# The statuses of the batch summary, as `Totals.as_dict` names them.
SUMMARY_KEYS = {"conforme": "conformes", "non_conforme": "non_conformes", "indetermine": "indetermines",
                "a_venir": "a_venir", "non_applicable": "sans_objet", "erreur": "erreurs"}


class Recorder:
    def __init__(self, base: str, regles_dir: str | None, auteur: str | None, engine, prepare=None):
        self.store = Store(base)
        self.catalogue = catalogue_version(regles_dir)
        self.engine = engine
        # What the run does to a record before its rules (the reference data), done again to the
        # stored records checked anew, so that they are identified and decided as in the run.
        self.prepare = prepare
        self.rank = 0
        with self.store.writing() as connection:
            self.lot_id = start_lot(connection, self.catalogue, auteur)

    def chunk(self, outcomes) -> None:
        items = []
        for outcome in outcomes:
            fichier, erreur, payload = outcome.stockage
            items.append((self.rank, fichier, outcome.statut, erreur, payload))
            self.rank += 1
        with self.store.writing() as connection:
            write_chunk(connection, self.lot_id, items, self.catalogue, self.engine, self.prepare)

    def finish(self, summary: dict) -> dict:
        with self.store.writing() as connection:
            finish_lot(connection, self.lot_id, summary)
        with self.store.reading() as connection:
            counts = Counter(dict(connection.execute(
                select(elements_lot.c.statut, func.count()).where(elements_lot.c.lot_id == self.lot_id)
                .group_by(elements_lot.c.statut)).all()))
        self.store.close()
        stored = {name: counts.get(status, 0) for status, name in SUMMARY_KEYS.items()}
        stored["lus"] = sum(counts.values())
        agree = all(stored[k] == summary.get(k, 0) for k in stored)
        return {"base": self.store.label, "lot": self.lot_id, "elements": stored, "concorde": agree}


def summary_line(info: dict) -> str:
    e = info["elements"]
    verdict = "concorde avec le résumé" if info["concorde"] else "NE CONCORDE PAS avec le résumé"
    return (f"delibcheck : base {info['base']}, lot {info['lot']} : {e['lus']} éléments enregistrés "
            f"({e['lus'] - e['erreurs']} dossiers, {e['erreurs']} erreurs) — {verdict}")
