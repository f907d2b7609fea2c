"""Recipient lists and their contacts: create, rename, delete, merge; contacts searched,
added by hand, edited and deleted.

RecipientService is also the one door the CLI and the window use for everything about
contacts: it hands the import to recipient_import.RecipientImporter, the stop list to
stop_list.StopListService and the operator check to number_check.NumberCheckService
(thin methods below, so callers need one object).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, insert, or_, select
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Contact, RecipientList, StopEntry
from smsdesk.domain.phone import NumberKind, PhoneNormalizer, precise_reason
from smsdesk.providers.base import Provider
from smsdesk.services.cancellation import Cancelled
from smsdesk.services.number_check import (
    HLR_CREDITS_PER_NUMBER,
    CheckQuote,
    CheckReport,
    NumberCheckService,
)
from smsdesk.services.recipient_files import RecipientFileError
from smsdesk.services.recipient_import import (
    IN_CHUNK,
    ImportReport,
    RecipientImporter,
    RecipientsError,
    RejectedRow,
    check_region,
    clean_list_name,
    save_rejected_csv,
    supported_regions,
)
from smsdesk.services.recipient_reading import MAX_CONTACT_NAME
from smsdesk.services.stop_list import StopListService, StopReport, StopRow

__all__ = [
    "HLR_CREDITS_PER_NUMBER",
    "Cancelled",
    "CheckQuote",
    "CheckReport",
    "ContactRow",
    "ImportReport",
    "ListInfo",
    "RecipientFileError",
    "RecipientService",
    "RecipientsError",
    "RejectedRow",
    "StopReport",
    "StopRow",
    "save_rejected_csv",
    "supported_regions",
]

PAGE_SIZE = 200


@dataclass(frozen=True)
class ListInfo:
    id: int
    name: str
    contacts: int
    created_at: datetime


@dataclass(frozen=True)
class ContactRow:
    id: int
    e164: str
    name: str
    extra: dict[str, str]


def _matches(search: str) -> ColumnElement[bool]:
    """A contact whose name (or other columns) holds `search`, or whose number holds
    its digits ("06 12" finds +33612...: the national 0 aside)."""
    text = search.strip()
    condition: ColumnElement[bool] = Contact.name.icontains(text, autoescape=True)
    digits = "".join(char for char in text if char.isdigit())
    if digits:
        wanted = digits.lstrip("0") or digits
        condition = or_(condition, Contact.e164.contains(wanted, autoescape=True))
    return condition


def _clean_extra(extra: dict[str, str] | None) -> dict[str, str] | None:
    if not extra:
        return None
    kept = {key.strip(): value.strip() for key, value in extra.items() if key.strip()}
    return {key: value for key, value in kept.items() if value} or None


def _chunks(values: Sequence[str], size: int = IN_CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class RecipientService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        providers: Callable[[str], Provider] | None = None,
    ) -> None:
        self._sessions = sessions
        self.importer = RecipientImporter(sessions)
        self.stop_list = StopListService(sessions)
        self.number_check = NumberCheckService(self, providers)
        # the engines' own methods, under the names callers know
        self.import_file = self.importer.import_file
        self.import_text = self.importer.import_text
        self.stop_count = self.stop_list.count
        self.stop_entries = self.stop_list.entries
        self.is_stopped = self.stop_list.is_stopped
        self.add_stop = self.stop_list.add
        self.import_stop_file = self.stop_list.import_file
        self.quote_check = self.number_check.quote_check
        self.check_list = self.number_check.check_list

    outcomes = staticmethod(RecipientImporter.outcomes)

    # -- lists -----------------------------------------------------------------------

    def lists(self) -> list[ListInfo]:
        with self._sessions() as session:
            found = session.execute(
                select(
                    RecipientList.id,
                    RecipientList.name,
                    RecipientList.created_at,
                    func.count(Contact.id),
                )
                .outerjoin(Contact, Contact.list_id == RecipientList.id)
                .group_by(RecipientList.id, RecipientList.name, RecipientList.created_at)
                .order_by(RecipientList.name)
            ).all()
        return [ListInfo(id_, name, count, created) for id_, name, created, count in found]

    def get_list(self, list_id: int) -> ListInfo:
        with self._sessions() as session:
            found = session.get(RecipientList, list_id)
            if found is None:
                raise RecipientsError(f"no recipient list {list_id}")
            count = session.scalar(
                select(func.count()).select_from(Contact).where(Contact.list_id == list_id)
            )
            return ListInfo(found.id, found.name, int(count or 0), found.created_at)

    def find_list(self, name: str) -> ListInfo | None:
        with self._sessions() as session:
            list_id = session.scalar(
                select(RecipientList.id).where(RecipientList.name == " ".join(name.split()))
            )
        return None if list_id is None else self.get_list(list_id)

    def create_list(self, name: str) -> ListInfo:
        cleaned = clean_list_name(name)
        with self._sessions.begin() as session:
            if session.scalar(select(RecipientList.id).where(RecipientList.name == cleaned)):
                raise RecipientsError(f"a list named {cleaned!r} already exists")
            created = RecipientList(name=cleaned)
            session.add(created)
            session.flush()
            return ListInfo(created.id, created.name, 0, created.created_at)

    def rename_list(self, list_id: int, name: str) -> ListInfo:
        cleaned = clean_list_name(name)
        with self._sessions.begin() as session:
            found = session.get(RecipientList, list_id)
            if found is None:
                raise RecipientsError(f"no recipient list {list_id}")
            other = session.scalar(select(RecipientList.id).where(RecipientList.name == cleaned))
            if other is not None and other != list_id:
                raise RecipientsError(f"a list named {cleaned!r} already exists")
            found.name = cleaned
        return self.get_list(list_id)

    def delete_list(self, list_id: int) -> int:
        """Delete a list and its contacts; returns how many contacts went with it."""
        with self._sessions.begin() as session:
            if session.get(RecipientList, list_id) is None:
                raise RecipientsError(f"no recipient list {list_id}")
            removed = session.execute(delete(Contact).where(Contact.list_id == list_id))
            session.execute(delete(RecipientList).where(RecipientList.id == list_id))
        return int(getattr(removed, "rowcount", 0) or 0)

    def count_contacts(self, list_id: int) -> int:
        with self._sessions() as session:
            count = session.scalar(
                select(func.count()).select_from(Contact).where(Contact.list_id == list_id)
            )
        return int(count or 0)

    def contacts_page(
        self,
        list_id: int,
        *,
        after: str | None = None,
        limit: int = PAGE_SIZE,
        search: str | None = None,
        offset: int = 0,
    ) -> list[ContactRow]:
        """Contacts of a list in number order, `limit` after the number `after`: a seek
        along the (list_id, e164) index, as fast deep in a big list as at its start.
        `offset`: rows skipped first (a window that jumps to a page far down).
        `search`: the name contains it (any case), or the number its digits."""
        query = select(Contact.id, Contact.e164, Contact.name, Contact.extra).where(
            Contact.list_id == list_id
        )
        if after is not None:
            query = query.where(Contact.e164 > after)
        if search is not None and search.strip():
            query = query.where(_matches(search))
        query = query.order_by(Contact.e164).limit(limit).offset(offset or None)
        with self._sessions() as session:
            found = session.execute(query).all()
        return [ContactRow(id_, e164, name, dict(extra or {})) for id_, e164, name, extra in found]

    def names_of(self, list_id: int, numbers: Sequence[str]) -> dict[str, str]:
        """The names of these numbers in the list (for the operator check's results)."""
        names: dict[str, str] = {}
        with self._sessions() as session:
            for chunk in _chunks(list(numbers)):
                names.update(
                    (e164, name)
                    for e164, name in session.execute(
                        select(Contact.e164, Contact.name).where(
                            Contact.list_id == list_id, Contact.e164.in_(chunk)
                        )
                    )
                )
        return names

    def count_matching(self, list_id: int, search: str) -> int:
        with self._sessions() as session:
            count = session.scalar(
                select(func.count())
                .select_from(Contact)
                .where(Contact.list_id == list_id, _matches(search))
            )
        return int(count or 0)

    def _number_for(self, session: Session, list_id: int, number: str, region: str) -> str:
        parsed = PhoneNormalizer(check_region(region)).parse(number)
        if parsed.e164 is None:
            reason = precise_reason(parsed, region) or "not a phone number"
            raise RecipientsError(f"{number!r} is not a phone number: {reason}")
        if parsed.kind is not NumberKind.MOBILE:
            raise RecipientsError(f"{number!r} is not a mobile number: it cannot receive SMS")
        if session.get(StopEntry, parsed.e164) is not None:
            raise RecipientsError(f"{parsed.e164} is on the stop list")
        return parsed.e164

    def add_contact(
        self,
        list_id: int,
        number: str,
        *,
        name: str = "",
        extra: dict[str, str] | None = None,
        region: str = "FR",
    ) -> ContactRow:
        """One contact added by hand. Raises RecipientsError (not a mobile, on the stop
        list, already in the list)."""
        self.get_list(list_id)
        with self._sessions.begin() as session:
            e164 = self._number_for(session, list_id, number, region)
            if session.scalar(
                select(Contact.id).where(Contact.list_id == list_id, Contact.e164 == e164)
            ):
                raise RecipientsError(f"{e164} is already in the list")
            contact = Contact(
                list_id=list_id,
                e164=e164,
                name=" ".join(name.split())[:MAX_CONTACT_NAME],
                extra=_clean_extra(extra),
            )
            session.add(contact)
            session.flush()
            return ContactRow(contact.id, e164, contact.name, dict(contact.extra or {}))

    def update_contact(
        self,
        contact_id: int,
        *,
        number: str | None = None,
        name: str | None = None,
        extra: dict[str, str] | None = None,
        region: str = "FR",
    ) -> ContactRow:
        """Change a contact's number, name or other columns (None: unchanged)."""
        with self._sessions.begin() as session:
            contact = session.get(Contact, contact_id)
            if contact is None:
                raise RecipientsError(f"no contact {contact_id}")
            if number is not None:
                e164 = self._number_for(session, contact.list_id, number, region)
                other = session.scalar(
                    select(Contact.id).where(
                        Contact.list_id == contact.list_id,
                        Contact.e164 == e164,
                        Contact.id != contact_id,
                    )
                )
                if other is not None:
                    raise RecipientsError(f"{e164} is already in the list")
                contact.e164 = e164
            if name is not None:
                contact.name = " ".join(name.split())[:MAX_CONTACT_NAME]
            if extra is not None:
                contact.extra = _clean_extra(extra)
            session.flush()
            return ContactRow(contact.id, contact.e164, contact.name, dict(contact.extra or {}))

    def delete_contact_ids(self, ids: Sequence[int]) -> int:
        removed = 0
        with self._sessions.begin() as session:
            for start in range(0, len(ids), IN_CHUNK):
                chunk = list(ids[start : start + IN_CHUNK])
                result = session.execute(delete(Contact).where(Contact.id.in_(chunk)))
                removed += int(getattr(result, "rowcount", 0) or 0)
        return removed

    def merge_lists(self, sources: Sequence[int], into: str) -> tuple[ListInfo, int, int]:
        """Copy the contacts of `sources` into the list `into` (created when new),
        a number once: returns (the list, contacts added, duplicates left out)."""
        cleaned = clean_list_name(into)
        with self._sessions.begin() as session:
            for source in sources:
                if session.get(RecipientList, source) is None:
                    raise RecipientsError(f"no recipient list {source}")
            target = session.scalar(select(RecipientList).where(RecipientList.name == cleaned))
            if target is None:
                target = RecipientList(name=cleaned)
                session.add(target)
                session.flush()
            existing = set(
                session.scalars(select(Contact.e164).where(Contact.list_id == target.id))
            )
            added = duplicates = 0
            for source in sources:
                if source == target.id:
                    continue
                rows = session.execute(
                    select(Contact.e164, Contact.name, Contact.extra)
                    .where(Contact.list_id == source)
                    .order_by(Contact.id)
                ).all()
                fresh = []
                for e164, name, extra in rows:
                    if e164 in existing:
                        duplicates += 1
                        continue
                    existing.add(e164)
                    fresh.append({"list_id": target.id, "e164": e164, "name": name, "extra": extra})
                if fresh:
                    session.execute(insert(Contact), fresh)
                    added += len(fresh)
            target_id = target.id
        return self.get_list(target_id), added, duplicates

    def remove_contacts(self, list_id: int, numbers: Sequence[str]) -> int:
        removed = 0
        with self._sessions.begin() as session:
            for chunk in _chunks(list(numbers)):
                result = session.execute(
                    delete(Contact).where(Contact.list_id == list_id, Contact.e164.in_(chunk))
                )
                removed += int(getattr(result, "rowcount", 0) or 0)
        return removed

    def numbers_of(self, list_id: int) -> list[str]:
        """Every number of a list, in the order they were added."""
        with self._sessions() as session:
            return list(
                session.scalars(
                    select(Contact.e164).where(Contact.list_id == list_id).order_by(Contact.id)
                )
            )

    # -- stop list (stop_list) --------------------------------------------------------

    def remove_stop(
        self, numbers: Sequence[str], *, reason: str = "removed by hand in Contacts"
    ) -> int:
        """Off the stop list, the removal recorded with `reason` (StopListService.remove)."""
        return self.stop_list.remove(numbers, reason=reason)
