"""Acts, their history, the meetings as read and the runs.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lots",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("debut", sa.DateTime, nullable=False),
        sa.Column("fin", sa.DateTime),
        sa.Column("etat", sa.String(16), nullable=False),
        sa.Column("auteur", sa.String(200)),
        sa.Column("catalogue", sa.String(80), nullable=False),
        sa.Column("lus", sa.Integer),
        sa.Column("resume", sa.Text),
    )
    op.create_table(
        "seances",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("empreinte", sa.String(64), nullable=False, unique=True),
        sa.Column("organisme", sa.String(300), nullable=False),
        sa.Column("nom_plie", sa.String(300)),
        sa.Column("siren", sa.String(9)),
        sa.Column("nature", sa.String(40), nullable=False),
        sa.Column("date_seance", sa.Date, nullable=False),
        sa.Column("fichier", sa.Text, nullable=False),
        sa.Column("dossier", sa.LargeBinary, nullable=False),
        sa.Column("enregistre_le", sa.DateTime, nullable=False),
    )
    op.create_index("ix_seances_organisme_date", "seances", ["organisme", "date_seance"])
    op.create_index("ix_seances_siren", "seances", ["siren"])
    op.create_index("ix_seances_nom", "seances", ["nom_plie"])
    op.create_table(
        "actes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("identite", sa.String(400), nullable=False, unique=True),
        sa.Column("identifiant_actes", sa.String(120)),
        sa.Column("organisme", sa.String(300), nullable=False),
        sa.Column("organisme_nom", sa.Text),
        sa.Column("nature", sa.String(40), nullable=False),
        sa.Column("date_seance", sa.Date, nullable=False),
        sa.Column("numero", sa.String(120)),
        sa.Column("objet", sa.Text),
        sa.Column("seance_id", sa.Integer, sa.ForeignKey("seances.id"), nullable=False),
        sa.Column("rang", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("empreinte", sa.String(64), nullable=False),
        sa.Column("catalogue", sa.String(80), nullable=False),
        sa.Column("statut", sa.String(20), nullable=False),
        sa.Column("date_reception", sa.Date),
        sa.Column("alsace_moselle", sa.Boolean),
        sa.Column("echeance_deferee", sa.Date),
        sa.Column("decision", sa.Text),
        sa.Column("modifie_le", sa.DateTime, nullable=False),
    )
    op.create_index("ix_actes_organisme_date", "actes", ["organisme", "date_seance"])
    op.create_index("ix_actes_seance", "actes", ["seance_id"])
    op.create_table(
        "versions_actes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("acte_id", sa.Integer, sa.ForeignKey("actes.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("lot_id", sa.Integer, sa.ForeignKey("lots.id")),
        sa.Column("seance_id", sa.Integer, sa.ForeignKey("seances.id"), nullable=False),
        sa.Column("empreinte", sa.String(64), nullable=False),
        sa.Column("catalogue", sa.String(80), nullable=False),
        sa.Column("statut", sa.String(20), nullable=False),
        sa.Column("echeance_deferee", sa.Date),
        sa.Column("decision", sa.Text),
        sa.Column("constats", sa.LargeBinary, nullable=False),
        sa.Column("motif", sa.String(40), nullable=False),
        sa.Column("enregistre_le", sa.DateTime, nullable=False),
        sa.UniqueConstraint("acte_id", "version", name="uq_versions_acte_version"),
    )
    op.create_table(
        "elements_lot",
        sa.Column("lot_id", sa.Integer, sa.ForeignKey("lots.id"), primary_key=True),
        sa.Column("rang", sa.Integer, primary_key=True),
        sa.Column("fichier", sa.Text, nullable=False),
        sa.Column("statut", sa.String(20), nullable=False),
        sa.Column("seance_id", sa.Integer, sa.ForeignKey("seances.id")),
        sa.Column("erreur", sa.Text),
    )


def downgrade() -> None:
    for table in ("elements_lot", "versions_actes", "actes", "seances", "lots"):
        op.drop_table(table)
