"""SQLAlchemy 2.0 tables. Every instant is stored as naive UTC and read back aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from smsdesk.db.sqlite_file import utc_from_text


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, naive UTC in the database, aware UTC out.

    Naive UTC keeps SQLite's text form sortable and identical across dialects.
    """

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use aware UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # raw SQL results on SQLite
            return utc_from_text(value)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class RecipientList(Base):
    __tablename__ = "recipient_list"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Contact(Base):
    __tablename__ = "contact"
    __table_args__ = (UniqueConstraint("list_id", "e164", name="uq_contact_list_e164"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("recipient_list.id", ondelete="CASCADE"))
    e164: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300), default="")
    # the other columns of the imported row, for {placeholders} in messages
    extra: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)


class StopEntry(Base):
    __tablename__ = "stop_list"

    e164: Mapped[str] = mapped_column(String(20), primary_key=True)
    reason: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # the reply that put it there (a STOP answered to a campaign) (0006)
    incoming_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class StopRelease(Base):
    """A number taken off the stop list: who asked and why (the consent proof) (0006)."""

    __tablename__ = "stop_release"
    __table_args__ = (Index("ix_stop_release_e164", "e164", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    e164: Mapped[str] = mapped_column(String(20))
    released_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(Text)  # the consent: how and when it was given again
    stop_reason: Mapped[str] = mapped_column(String(200), default="")  # why it was stopped
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Incoming(Base):
    """An SMS a receiver sent back: a reply, a STOP (0006)."""

    __tablename__ = "incoming"
    __table_args__ = (
        UniqueConstraint("provider", "provider_ref", name="uq_incoming_provider_ref"),
        Index("ix_incoming_received", "received_at", "id"),
        Index("ix_incoming_sender", "sender", "id"),
        Index("ix_incoming_campaign", "campaign_id", "is_stop"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sender: Mapped[str] = mapped_column(String(20))  # E.164 of who wrote
    body: Mapped[str] = mapped_column(Text)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="SET NULL"), nullable=True
    )
    message_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # what it answers
    provider: Mapped[str] = mapped_column(String(40))
    provider_ref: Mapped[str] = mapped_column(String(200))  # the gateway's id: no double
    is_stop: Mapped[bool] = mapped_column(Boolean)


class Template(Base):
    __tablename__ = "template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    body: Mapped[str] = mapped_column(Text)
    commercial: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Campaign(Base):
    __tablename__ = "campaign"
    __table_args__ = (Index("ix_campaign_status_scheduled", "status", "scheduled_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    sender: Mapped[str] = mapped_column(String(20), default="")
    body: Mapped[str] = mapped_column(Text)
    encoding: Mapped[str] = mapped_column(String(8))
    segments: Mapped[int] = mapped_column(Integer)
    tag: Mapped[str] = mapped_column(String(128), default="")
    provider: Mapped[str] = mapped_column(String(40), default="simulator")
    commercial: Mapped[bool] = mapped_column(Boolean, default=False)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # SendingWindow as JSON (domain/sending_window.py); NULL = any time
    window: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    # the provider's job ids when the schedule was handed to the gateway
    provider_job_ref: Mapped[str | None] = mapped_column(Text, nullable=True)
    # True: the schedule is handed to the gateway (submit(deferred_until=...))
    provider_deferred: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # the recipient list it was made from: {placeholders} when the message is edited
    list_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # why the campaign is `paused` (the gateway refused us, no credits left...) (0004)
    paused_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    # merged values sent transliterated, and every list sent to (JSON ids): kept so that
    # editing the text renders it as it was created (0007)
    transliterate: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    list_ids: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Message(Base):
    """One SMS to one receiver: the outbox row while sending, the history row after."""

    __tablename__ = "message"
    __table_args__ = (
        # the dispatcher's claim: due queued rows
        Index("ix_message_status_due", "status", "next_attempt_at"),
        # History sorts and filters; id breaks ties so pages are stable
        Index("ix_message_created", "created_at", "id"),
        Index("ix_message_submitted", "submitted_at", "id"),  # 0009: History's Date
        Index("ix_message_receiver", "receiver", "id"),
        Index("ix_message_sender", "sender", "id"),
        Index("ix_message_status", "status", "id"),
        Index("ix_message_campaign", "campaign_id", "id"),
        Index("ix_message_operator", "operator_code", "id"),  # 0002
        Index("ix_message_parts", "parts", "id"),  # 0002
        Index("ix_message_tag", "tag", "id"),  # 0002
        Index("ix_message_campaign_status", "campaign_id", "status"),
        Index("ix_message_provider_ref", "provider_ref"),
        Index("ix_message_batch_ref", "batch_ref"),
        # the campaign report (0006): counts by status, code, operator in the index only
        Index(
            "ix_message_campaign_report",
            "campaign_id",
            "status",
            "ptt",
            "operator_code",
            "parts",
            "credits",
        ),
        Index("ix_message_campaign_delivered", "campaign_id", "delivered_at"),  # 0006
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="SET NULL"), nullable=True
    )
    receiver: Mapped[str] = mapped_column(String(20))
    sender: Mapped[str] = mapped_column(String(20), default="")
    body: Mapped[str] = mapped_column(Text)
    parts: Mapped[int] = mapped_column(Integer, default=1)
    tag: Mapped[str] = mapped_column(String(128), default="")
    status: Mapped[str] = mapped_column(String(16))
    provider: Mapped[str] = mapped_column(String(40), default="simulator")
    # the gateway's id; SMPP: the part ids of a long message, space-separated (0004)
    provider_ref: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    batch_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    ptt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    dlr: Mapped[int | None] = mapped_column(Integer, nullable=True)
    operator_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    credits: Mapped[float | None] = mapped_column(Float, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    claimed_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    # the claim's lease, on the database's clock: renewed by its owner while it works,
    # recovery settles `submitting` rows only once it has passed (0004)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # when a submitted message stops waiting for its receipt and becomes `expired` (0004)
    receipt_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)


class PushedReceiptRow(Base):
    """A receipt the gateway pushed (SMPP), stored before it was acknowledged; read back by
    the receipt poll of any process, and dropped once its message has its verdict (0005)."""

    __tablename__ = "pushed_receipt"

    provider: Mapped[str] = mapped_column(String(40), primary_key=True)
    part_ref: Mapped[str] = mapped_column(String(100), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    error_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Dispatcher(Base):
    """A running dispatcher: lets a restart tell its own orphaned claims from live ones."""

    __tablename__ = "dispatcher"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)  # host:pid:token
    host: Mapped[str] = mapped_column(String(100))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Setting(Base):
    """Non-secret preferences shared by the window and the command line."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
