"""Message templates: save, load, rename, delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Template, utcnow

MAX_NAME = 200


class TemplateError(ValueError):
    """Bad input for a template: one line that says what and why."""


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    name: str
    body: str
    commercial: bool
    updated_at: datetime


def _to_info(row: Template) -> TemplateInfo:
    return TemplateInfo(row.id, row.name, row.body, row.commercial, row.updated_at)


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise TemplateError("a template needs a name")
    if len(name) > MAX_NAME:
        raise TemplateError(f"a template name is at most {MAX_NAME} characters")
    return name


class TemplateService:
    def __init__(
        self, sessions: sessionmaker[Session], *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    def list(self) -> list[TemplateInfo]:
        with self._sessions() as session:
            rows = session.scalars(select(Template).order_by(Template.name))
            return [_to_info(r) for r in rows]

    def get(self, name: str) -> TemplateInfo:
        with self._sessions() as session:
            row = session.scalar(select(Template).where(Template.name == name))
            if row is None:
                raise TemplateError(f"no template named {name!r}")
            return _to_info(row)

    def save(self, name: str, body: str, *, commercial: bool = False) -> TemplateInfo:
        """Create the template, or overwrite the one with this name."""
        name = _clean_name(name)
        if not body.strip():
            raise TemplateError("the message is empty")
        now = self._clock()
        with self._sessions.begin() as session:
            row = session.scalar(select(Template).where(Template.name == name))
            if row is None:
                row = Template(
                    name=name, body=body, commercial=commercial, created_at=now, updated_at=now
                )
                session.add(row)
            else:
                row.body = body
                row.commercial = commercial
                row.updated_at = now
            session.flush()
            return _to_info(row)

    def rename(self, old: str, new: str) -> TemplateInfo:
        new = _clean_name(new)
        with self._sessions.begin() as session:
            row = session.scalar(select(Template).where(Template.name == old))
            if row is None:
                raise TemplateError(f"no template named {old!r}")
            if new != old and session.scalar(select(Template.id).where(Template.name == new)):
                raise TemplateError(f"a template named {new!r} already exists")
            row.name = new
            row.updated_at = self._clock()
            session.flush()
            return _to_info(row)

    def delete(self, name: str) -> None:
        with self._sessions.begin() as session:
            row = session.scalar(select(Template).where(Template.name == name))
            if row is None:
                raise TemplateError(f"no template named {name!r}")
            session.delete(row)
