"""history by sending date: the Date column and its filters are the sending instant

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # `id` last so that pages of equal instants come in a stable order
    op.create_index("ix_message_submitted", "message", ["submitted_at", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_message_submitted", table_name="message")
