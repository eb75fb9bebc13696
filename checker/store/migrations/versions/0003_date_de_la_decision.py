"""The date of the group's deliberation an operation row refers to: how a member's opinion on a
statutes change (L5211-20) is matched with the EPCI's or syndicate's deliberation it answers,
which no commune and no competence names.

Rows indexed under 0002 keep no date: re-checking their act fills it.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("operations") as batch:
        batch.add_column(sa.Column("date_decision", sa.Date))


def downgrade() -> None:
    with op.batch_alter_table("operations") as batch:
        batch.drop_column("date_decision")
