"""history indexes: every History column sorts along an index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (name, columns): `id` last so that pages of equal values come in a stable order
INDEXES = (
    ("ix_message_operator", ["operator_code", "id"]),
    ("ix_message_parts", ["parts", "id"]),
    ("ix_message_tag", ["tag", "id"]),
)


def upgrade() -> None:
    for name, columns in INDEXES:
        op.create_index(name, "message", columns, unique=False)


def downgrade() -> None:
    for name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name="message")
