"""The store's tables, in SQLAlchemy Core: the shape the last migration leaves.

The migrations under `migrations/versions/` create and change the tables; this module describes
their state at the head revision so that queries are written once for SQLite and PostgreSQL. A
test checks that a store migrated to the head has exactly these tables and columns.

Bulky parts (the record as read, the findings) are kept as zlib-compressed JSON: a record's
findings are some 40 kB of JSON and compress about tenfold, which is what lets a store hold a
million acts on an ordinary disk.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData,
                        String, Table, Text, UniqueConstraint)

# The head revision of `migrations/versions/`, which these tables describe (a test holds it).
HEAD = "0003"

metadata = MetaData()

# One run of `check --base`: its totals are those of the « nothing lost » summary.
lots = Table(
    "lots", metadata,
    Column("id", Integer, primary_key=True),
    Column("debut", DateTime, nullable=False),
    Column("fin", DateTime),
    Column("etat", String(16), nullable=False),  # en_cours, termine
    Column("auteur", String(200)),
    Column("catalogue", String(80), nullable=False),
    Column("lus", Integer),
    Column("resume", Text),
)

# One record (a meeting) as it was read, with the provenance of its facts; identical records are
# stored once (by their fingerprint), so a re-run records nothing twice.
seances = Table(
    "seances", metadata,
    Column("id", Integer, primary_key=True),
    Column("empreinte", String(64), nullable=False, unique=True),
    Column("organisme", String(300), nullable=False),
    Column("nom_plie", String(300)),
    Column("siren", String(9)),
    Column("nature", String(40), nullable=False),
    Column("date_seance", Date, nullable=False),
    Column("fichier", Text, nullable=False),
    Column("dossier", LargeBinary, nullable=False),
    Column("enregistre_le", DateTime, nullable=False),
)
Index("ix_seances_organisme_date", seances.c.organisme, seances.c.date_seance)
Index("ix_seances_siren", seances.c.siren)
Index("ix_seances_nom", seances.c.nom_plie)

# One act (a deliberation) by its identity; its current state. Its history is `versions_actes`.
actes = Table(
    "actes", metadata,
    Column("id", Integer, primary_key=True),
    Column("identite", String(400), nullable=False, unique=True),
    Column("identifiant_actes", String(120)),
    Column("organisme", String(300), nullable=False),
    Column("organisme_nom", Text),
    Column("nature", String(40), nullable=False),
    Column("date_seance", Date, nullable=False),
    Column("numero", String(120)),
    Column("objet", Text),
    Column("seance_id", Integer, ForeignKey("seances.id"), nullable=False),
    Column("rang", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("empreinte", String(64), nullable=False),
    Column("catalogue", String(80), nullable=False),
    Column("statut", String(20), nullable=False),
    Column("date_reception", Date),
    Column("alsace_moselle", Boolean),
    Column("echeance_deferee", Date),
    Column("decision", Text),
    Column("attentes", Text),
    Column("echeance_suivi", Date),
    Column("suivi_clos", Boolean, nullable=False),
    Column("modifie_le", DateTime, nullable=False),
)
Index("ix_actes_suivi", actes.c.suivi_clos, actes.c.echeance_suivi)
Index("ix_actes_organisme_date", actes.c.organisme, actes.c.date_seance)
Index("ix_actes_seance", actes.c.seance_id)

versions_actes = Table(
    "versions_actes", metadata,
    Column("id", Integer, primary_key=True),
    Column("acte_id", Integer, ForeignKey("actes.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("lot_id", Integer, ForeignKey("lots.id")),
    Column("seance_id", Integer, ForeignKey("seances.id"), nullable=False),
    Column("empreinte", String(64), nullable=False),
    Column("catalogue", String(80), nullable=False),
    Column("statut", String(20), nullable=False),
    Column("echeance_deferee", Date),
    Column("decision", Text),
    Column("constats", LargeBinary, nullable=False),
    Column("motif", String(40), nullable=False),  # controle, rapprochement
    Column("enregistre_le", DateTime, nullable=False),
    UniqueConstraint("acte_id", "version", name="uq_versions_acte_version"),
)

# What each input of a run gave: the store's side of the batch's « nothing lost » count.
elements_lot = Table(
    "elements_lot", metadata,
    Column("lot_id", Integer, ForeignKey("lots.id"), primary_key=True),
    Column("rang", Integer, primary_key=True),
    Column("fichier", Text, nullable=False),
    Column("statut", String(20), nullable=False),
    Column("seance_id", Integer, ForeignKey("seances.id")),
    Column("erreur", Text),
)

# Added by the second migration: the worklist's actions and the index of syndicate operations.
actions = Table(
    "actions", metadata,
    Column("id", Integer, primary_key=True),
    Column("acte_id", Integer, ForeignKey("actes.id"), nullable=False),
    Column("nature", String(40), nullable=False),
    Column("date_action", Date, nullable=False),
    Column("auteur", String(200), nullable=False),
    Column("note", Text),
    Column("enregistre_le", DateTime, nullable=False),
)
Index("ix_actions_acte", actions.c.acte_id)

operations = Table(
    "operations", metadata,
    Column("id", Integer, primary_key=True),
    Column("acte_id", Integer, ForeignKey("actes.id"), nullable=False),
    Column("role", String(16), nullable=False),  # demande, decision, avis
    Column("operation", String(40), nullable=False),
    Column("syndicat_siren", String(9)),
    Column("syndicat_nom", String(300)),
    Column("syndicat_nature", String(40)),
    Column("syndicat_libelle", Text),
    Column("membre", String(300)),
    Column("competence", String(300)),
    Column("date_notification", Date),
    # Added by the third migration: the date of the group's deliberation the row refers to.
    Column("date_decision", Date),
)
Index("ix_operations_siren", operations.c.syndicat_siren)
Index("ix_operations_nom", operations.c.syndicat_nom)
Index("ix_operations_acte", operations.c.acte_id)
