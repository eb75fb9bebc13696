"""The worklist (agents' actions, the deadline they move) and the index of syndicate operations.

Acts stored under 0001 keep their state: their follow-up deadline starts as the déféré deadline
their findings computed, and they are open (no action yet). Their syndicate operations are not
indexed by this migration (the record must be read again): re-checking them fills the index.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("actes") as batch:
        batch.add_column(sa.Column("attentes", sa.Text))
        batch.add_column(sa.Column("echeance_suivi", sa.Date))
        batch.add_column(sa.Column("suivi_clos", sa.Boolean, nullable=False, server_default=sa.false()))
    op.execute("UPDATE actes SET echeance_suivi = echeance_deferee")
    op.create_index("ix_actes_suivi", "actes", ["suivi_clos", "echeance_suivi"])
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("acte_id", sa.Integer, sa.ForeignKey("actes.id"), nullable=False),
        sa.Column("nature", sa.String(40), nullable=False),
        sa.Column("date_action", sa.Date, nullable=False),
        sa.Column("auteur", sa.String(200), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("enregistre_le", sa.DateTime, nullable=False),
    )
    op.create_index("ix_actions_acte", "actions", ["acte_id"])
    op.create_table(
        "operations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("acte_id", sa.Integer, sa.ForeignKey("actes.id"), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("operation", sa.String(40), nullable=False),
        sa.Column("syndicat_siren", sa.String(9)),
        sa.Column("syndicat_nom", sa.String(300)),
        sa.Column("syndicat_nature", sa.String(40)),
        sa.Column("syndicat_libelle", sa.Text),
        sa.Column("membre", sa.String(300)),
        sa.Column("competence", sa.String(300)),
        sa.Column("date_notification", sa.Date),
    )
    op.create_index("ix_operations_siren", "operations", ["syndicat_siren"])
    op.create_index("ix_operations_nom", "operations", ["syndicat_nom"])
    op.create_index("ix_operations_acte", "operations", ["acte_id"])


def downgrade() -> None:
    op.drop_table("operations")
    op.drop_table("actions")
    op.drop_index("ix_actes_suivi", "actes")
    with op.batch_alter_table("actes") as batch:
        batch.drop_column("suivi_clos")
        batch.drop_column("echeance_suivi")
        batch.drop_column("attentes")
