"""Campaigns: who receives what and when, the outbox rows, list, reschedule, edit, cancel.

A campaign's `body` may hold placeholders (`{name}` or any imported column, read from
`contact.extra`); each message gets its own rendered body and its own part count. A
commercial campaign gets the STOP clause (counted in every part count) and, unless told
otherwise, the commercial sending window: a start outside it is postponed to the next
allowed instant, and the dispatcher pauses the campaign when the window closes.
"""

from __future__ import annotations

import builtins
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Campaign, Contact, Message, RecipientList, StopEntry, utcnow
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.domain.encoding import Encoding, message_info, replace_typographic
from smsdesk.domain.phone import NumberKind, PhoneNormalizer, precise_reason, split_numbers
from smsdesk.domain.sending_window import COMMERCIAL_FR, SendingWindow, parse_window
from smsdesk.providers.base import Capability, Provider, ProviderError, SenderInfo
from smsdesk.services.changes import ChangeFeed, publishes

log = logging.getLogger(__name__)

SENDER_ALPHA = re.compile(r"[A-Za-z0-9 .\-]{1,11}")
SENDER_NUMBER = re.compile(r"\+?[0-9]{3,15}")
PLACEHOLDER = re.compile(r"\{([^{}\n]{1,60})\}")
INSERT_CHUNK = 5000
IN_CHUNK = 500
NAME_FIELD = "name"
# not finished: a paused campaign has messages waiting for the user to resume it
OPEN_STATUSES = (
    CampaignStatus.DRAFT,
    CampaignStatus.SCHEDULED,
    CampaignStatus.SENDING,
    CampaignStatus.PAUSED,
)
NOT_STARTED_STATUSES = (CampaignStatus.SCHEDULED, CampaignStatus.DRAFT, CampaignStatus.PAUSED)
# an instant this far behind the clock was meant for the past, not "now"
PAST_TOLERANCE = timedelta(minutes=1)
# more parts than this per message: the user confirms explicitly (--allow-long, a tick)
LONG_MESSAGE_PARTS = 10


class CampaignError(ValueError):
    """Bad input for a campaign: the message is one line that says what and why."""


class OverdraftError(CampaignError):
    """The campaign costs more credits than the gateway says are left."""


class LongMessageError(CampaignError):
    """A message of the campaign is longer than LONG_MESSAGE_PARTS parts."""


def credits_words(value: float) -> str:
    """12400.0 -> '12 400', 0.5 -> '0.5': credits as people read them."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    return f"{value:,.1f}".replace(",", " ")


def shortfall_problem(credits: float | None, credits_left: float | None) -> str | None:
    """The missing credits in words, or None (enough, or one side unknown: no block)."""
    if credits is None or credits_left is None or credits <= credits_left:
        return None
    return (
        f"This campaign needs {credits_words(credits)} credits; the account has "
        f"{credits_words(credits_left)}: {credits_words(credits - credits_left)} missing"
    )


def long_message_problem(parts: int) -> str | None:
    """Why a message of `parts` parts needs an explicit yes, or None."""
    if parts <= LONG_MESSAGE_PARTS:
        return None
    return f"a message is {parts} SMS parts long (more than {LONG_MESSAGE_PARTS})"


def instant_text(instant: datetime) -> str:
    """An instant in local time, the way the command line and the window take it."""
    return instant.astimezone().strftime("%Y-%m-%d %H:%M")


class SenderProblem(StrEnum):
    """What is wrong with a sender, for a window that says it in its own language."""

    TOO_LONG = "too long"
    BAD_CHARACTERS = "bad characters"


def sender_problem_kind(sender: str) -> SenderProblem | None:
    """What is wrong with `sender`, or None. Empty means the provider's default."""
    if not sender or SENDER_NUMBER.fullmatch(sender):
        return None
    if len(sender) > 11:
        return SenderProblem.TOO_LONG
    if not SENDER_ALPHA.fullmatch(sender) or not any(c.isalpha() for c in sender):
        return SenderProblem.BAD_CHARACTERS
    return None


def sender_problem(sender: str) -> str | None:
    """Why `sender` is not acceptable, or None. Empty means the provider's default."""
    kind = sender_problem_kind(sender)
    if kind is SenderProblem.TOO_LONG:
        return f"sender {sender!r} is longer than 11 characters"
    if kind is SenderProblem.BAD_CHARACTERS:
        return f"sender {sender!r} must be 1 to 11 letters or digits (at least one letter)"
    return None


# -- personalisation ---------------------------------------------------------------------


def field_key(name: str) -> str:
    """Placeholders match columns whatever their case and surrounding spaces."""
    return name.strip().casefold()


def placeholders(body: str) -> list[str]:
    """The placeholder names of `body`, in order of first use, as written."""
    seen: dict[str, str] = {}
    for match in PLACEHOLDER.finditer(body):
        seen.setdefault(field_key(match.group(1)), match.group(1).strip())
    return list(seen.values())


class Renderer:
    """`body` with its placeholders filled from one recipient's fields; the template is
    split once, so rendering a large list costs one join per recipient."""

    def __init__(self, body: str) -> None:
        pieces = PLACEHOLDER.split(body)
        self.literals = pieces[0::2]
        self.keys = [field_key(name) for name in pieces[1::2]]

    @property
    def personalised(self) -> bool:
        return bool(self.keys)

    def render(self, fields: Mapping[str, str]) -> str:
        if not self.keys:
            return self.literals[0]
        out = [self.literals[0]]
        for key, literal in zip(self.keys, self.literals[1:], strict=True):
            out.append(fields.get(key, ""))
            out.append(literal)
        return "".join(out)


def contact_fields(name: str, extra: Mapping[str, Any] | None) -> dict[str, str]:
    fields = {field_key(k): "" if v is None else str(v) for k, v in (extra or {}).items()}
    fields[NAME_FIELD] = name or fields.get(NAME_FIELD, "")
    return fields


def unknown_placeholders(body: str, columns: Iterable[str]) -> list[str]:
    """The placeholders of `body` that no recipient column fills."""
    known = {field_key(c) for c in columns}
    return [n for n in placeholders(body) if field_key(n) not in known]


def _require_known(body: str, columns: Iterable[str]) -> None:
    unknown = unknown_placeholders(body, columns)
    if unknown:
        names = ", ".join("{" + n + "}" for n in unknown)
        raise CampaignError(f"no column for {names} in the recipients")


# -- data crossing the boundary ----------------------------------------------------------


@dataclass(frozen=True)
class CampaignRequest:
    body: str
    receivers: Sequence[str] = ()  # raw numbers, in any common format
    list_name: str | None = None
    sender: str = ""
    scheduled_at: datetime | None = None  # aware; None = now
    tag: str = ""
    provider: str = "simulator"
    commercial: bool = False
    name: str = ""
    region: str = "FR"
    # None: the default for the kind of message (the commercial window from Settings for
    # a commercial one, none otherwise); ALWAYS_OPEN: explicitly none
    window: SendingWindow | None = None
    # hand the schedule to the gateway (needs Capability.DEFERRED)
    provider_deferred: bool = False
    # the user said yes to spending more credits than the gateway reports
    allow_overdraft: bool = False
    # the user said yes to messages over LONG_MESSAGE_PARTS parts
    allow_long: bool = False
    # merged values ({prénom}...) in GSM-7 where they can be: see render_all
    transliterate: bool = False
    # other lists sent to with `list_name` (and the pasted numbers), a number once
    more_lists: tuple[str, ...] = ()
    # lists by id (the command line's --list ID, a draft copied from a campaign), with
    # `list_name` and `more_lists`: one campaign, a number once across all of them
    list_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Recipient:
    e164: str
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class InvalidNumber:
    value: str
    reason: str


@dataclass(frozen=True)
class Audience:
    """Who a campaign goes to, once pasted numbers and the list are merged and cleaned."""

    recipients: tuple[Recipient, ...]
    duplicates: int
    stopped: int
    invalid: tuple[InvalidNumber, ...]
    columns: tuple[str, ...]  # placeholder names the recipients have (normalised)
    list_ids: tuple[int, ...] = ()  # the lists merged, in order


@dataclass(frozen=True)
class RenderedMessage:
    receiver: str
    body: str
    encoding: Encoding
    length: int
    parts: int


def transliterated(fields: Mapping[str, str]) -> dict[str, str]:
    """A recipient's values in GSM-7 where they can be (ç -> c, œ -> oe, ê -> e; GSM-7's
    own é è ù à stay): domain/encoding's one table."""
    return {key: replace_typographic(value, strip_accents=True) for key, value in fields.items()}


def render_all(
    body: str,
    recipients: Iterable[tuple[str, Mapping[str, str]]],
    *,
    commercial: bool,
    transliterate: bool = False,
) -> Iterator[RenderedMessage]:
    """Each recipient's own message and its cost. Equal texts are counted once (a list
    without placeholders costs one count). `transliterate`: the merged values only (the
    text the user wrote is sent as written)."""
    renderer = Renderer(body)
    counted: dict[str, tuple[Encoding, int, int]] = {}
    for receiver, fields in recipients:
        text = renderer.render(transliterated(fields) if transliterate else fields)
        cost = counted.get(text)
        if cost is None:
            info = message_info(text, stop_clause=commercial)
            cost = (info.encoding, info.length, info.segments)
            if len(counted) < 10_000:
                counted[text] = cost
        yield RenderedMessage(receiver, text, *cost)


@dataclass(frozen=True)
class CampaignPreview:
    """What pressing Send would do: counts, sample messages, total parts, start."""

    recipients: int
    duplicates: int
    stopped: int
    invalid: tuple[InvalidNumber, ...]
    total_parts: int
    samples: tuple[RenderedMessage, ...]  # the first recipients
    longest: RenderedMessage | None
    ucs2_messages: int
    unknown_placeholders: tuple[str, ...]
    starts_at: datetime  # UTC: the first allowed instant
    postponed: bool  # starts_at is later than asked because of the window
    window: SendingWindow | None
    columns: tuple[str, ...] = ()  # placeholder names the recipients have
    instant_problem: str | None = None  # the asked instant is in the past
    # when merged values turn messages into UCS-2: how many would be GSM-7 again with
    # those values transliterated, and the total parts then (None: nothing to gain)
    ucs2_from_fields: int = 0
    transliterated_parts: int | None = None
    # recipients for whom a placeholder is filled with nothing ("Bonjour , ...")
    empty_fields: int = 0

    @property
    def long_message(self) -> str | None:
        """Why the longest message needs an explicit yes, or None."""
        return long_message_problem(self.longest.parts) if self.longest is not None else None

    @property
    def problem(self) -> str | None:
        """Why the campaign cannot be created as it is, or None."""
        if self.instant_problem:
            return self.instant_problem
        # invalid numbers and landlines are left out and counted, as an import does:
        # they never hold the others back
        if self.unknown_placeholders:
            names = ", ".join("{" + n + "}" for n in self.unknown_placeholders)
            return f"no column for {names} in the recipients"
        if not self.recipients:
            if self.invalid:
                first = self.invalid[0]
                return (
                    f"no recipient to send to: {len(self.invalid)} number(s) left out "
                    f"({first.value!r}: {first.reason})"
                )
            return "no recipient to send to"
        return None


@dataclass(frozen=True)
class Quote:
    """The preview plus what the gateway says it will cost."""

    preview: CampaignPreview
    provider: str
    credits: float | None  # None: the gateway cannot estimate
    credits_left: float | None  # None: the gateway cannot say
    note: str = ""  # why credits are missing, when a gateway call failed

    @property
    def shortfall(self) -> str | None:
        """'This campaign needs X credits; the account has Y: Z missing', or None."""
        return shortfall_problem(self.credits, self.credits_left)


@dataclass(frozen=True)
class CampaignCreated:
    id: int
    status: CampaignStatus
    messages: int
    scheduled_at: datetime | None
    parts_per_message: int  # the largest; personalised messages may differ
    duplicates: int = 0
    stopped: int = 0
    total_parts: int = 0
    starts_at: datetime | None = None  # when the first message may leave (UTC)
    postponed: bool = False  # moved to the window's next opening
    # pasted numbers left out (landlines, invalid), as the import counts them
    left_out: tuple[InvalidNumber, ...] = ()


@dataclass(frozen=True)
class CampaignSummary:
    id: int
    name: str
    status: CampaignStatus
    scheduled_at: datetime | None
    created_at: datetime
    recipients: int
    sender: str
    body: str
    parts: int
    provider: str
    tag: str
    counts: dict[str, int] = field(default_factory=dict)  # message status -> count
    first_receivers: tuple[str, ...] = ()
    commercial: bool = False
    window: SendingWindow | None = None
    total_parts: int = 0
    next_due: datetime | None = None  # earliest queued message (a paused campaign resumes)
    provider_deferred: bool = False
    sample_body: str = ""  # the first recipient's message, placeholders filled
    paused_reason: str | None = None  # why the gateway stopped it (status paused)

    @property
    def sent(self) -> int:
        return (
            self.recipients
            - self.counts.get(MessageStatus.QUEUED, 0)
            - self.counts.get(MessageStatus.SUBMITTING, 0)
        )

    @property
    def started(self) -> bool:
        return self.status is not CampaignStatus.SCHEDULED or self.sent > 0


@dataclass(frozen=True)
class GatewayInfo:
    """What a gateway offers the Send tab."""

    name: str
    senders: tuple[SenderInfo, ...]  # approved (or pending) alphanumeric senders
    can_defer: bool  # can keep a scheduled send (submit(deferred_until=...))
    can_estimate: bool


@dataclass(frozen=True)
class ListChoice:
    name: str
    contacts: int
    id: int = 0


@dataclass(frozen=True)
class OverdueCampaign:
    id: int
    name: str
    due_at: datetime
    messages: int


class CampaignService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], datetime] = utcnow,
        providers: Callable[[str], Provider] | None = None,
        default_window: Callable[[], SendingWindow] | None = None,
        configuration_problem: Callable[[str], str | None] | None = None,
        changes: ChangeFeed | None = None,
    ) -> None:
        self._sessions = sessions
        self._changes = changes  # told after each write (@publishes)
        self._clock = clock
        self._providers = providers
        # why a gateway's settings are not enough to send (GatewayService), or None
        self._configuration_problem = configuration_problem or (lambda _name: None)
        self._default_window = default_window or (lambda: COMMERCIAL_FR)

    def provider(self, name: str) -> Provider:
        """The gateway `name` for estimates, senders and cancellations: `providers` is the
        gateway service's shared, thread-safe cache (GatewayService.shared), which owns it."""
        if self._providers is None:
            raise CampaignError(f"the {name} gateway cannot be reached from here")
        return self._providers(name)

    def gateway_info(self, name: str) -> GatewayInfo:
        """The gateway's senders and abilities; raises ProviderError when it cannot say."""
        provider = self.provider(name)
        capabilities = provider.capabilities
        senders = tuple(provider.senders()) if Capability.SENDERS in capabilities else ()
        return GatewayInfo(
            name=name,
            senders=senders,
            can_defer=Capability.DEFERRED in capabilities,
            can_estimate=Capability.ESTIMATE in capabilities,
        )

    def close(self) -> None:
        """Nothing to close: the gateway service closes the providers it shares."""

    # -- who and when ----------------------------------------------------------------

    def recipient_lists(self) -> list[ListChoice]:
        with self._sessions() as session:
            rows = session.execute(
                select(RecipientList.id, RecipientList.name, func.count(Contact.id))
                .outerjoin(Contact, Contact.list_id == RecipientList.id)
                .group_by(RecipientList.id, RecipientList.name)
                .order_by(RecipientList.name)
            ).all()
        return [ListChoice(name, int(count), list_id) for list_id, name, count in rows]

    def audience(
        self,
        receivers: Sequence[str] = (),
        list_name: str | None = None,
        region: str = "FR",
        more_lists: Sequence[str] = (),
        list_ids: Sequence[int] = (),
    ) -> Audience:
        """Merge pasted numbers and lists (`list_name`, then `more_lists`, then `list_ids`);
        drop duplicates across all of them and stop-listed numbers. Pasted numbers follow
        the import's rules: split by domain.phone.split_numbers, landlines and invalid
        numbers left out and counted (never a reason to refuse the others)."""
        normalizer = PhoneNormalizer(region)
        recipients: dict[str, Recipient] = {}
        invalid: list[InvalidNumber] = []
        duplicates = 0
        columns: set[str] = {NAME_FIELD}
        # line by line, as the import reads cell by cell: a line "n/a" is counted, not lost
        pasted = (
            n for value in receivers for line in value.splitlines() for n in split_numbers(line)
        )
        for raw in pasted:
            parsed = normalizer.parse(raw)
            if parsed.e164 is None:
                reason = precise_reason(parsed, region) or "not a phone number"
                invalid.append(InvalidNumber(raw, reason))
                continue
            if parsed.kind is not NumberKind.MOBILE:
                invalid.append(InvalidNumber(raw, "not a mobile"))
                continue
            if parsed.e164 in recipients:
                duplicates += 1
                continue
            recipients[parsed.e164] = Recipient(parsed.e164)
        names = [name for name in (list_name, *more_lists) if name]
        with self._sessions() as session:
            merged = [self._list_id(session, one_list) for one_list in names]
            merged += [self._known_list(session, list_id) for list_id in list_ids]
            for list_id in dict.fromkeys(merged):
                for e164, name, extra in session.execute(
                    select(Contact.e164, Contact.name, Contact.extra)
                    .where(Contact.list_id == list_id)
                    .order_by(Contact.id)
                ):
                    fields = contact_fields(name, extra)
                    columns.update(fields)
                    if e164 in recipients:
                        duplicates += 1
                        if not recipients[e164].fields:  # pasted too: keep the list's fields
                            recipients[e164] = Recipient(e164, fields)
                        continue
                    recipients[e164] = Recipient(e164, fields)
            stopped = self._stopped(session, list(recipients))
        kept = tuple(r for e164, r in recipients.items() if e164 not in stopped)
        return Audience(
            kept,
            duplicates,
            len(stopped),
            tuple(invalid),
            tuple(sorted(columns)),
            tuple(dict.fromkeys(merged)),
        )

    @staticmethod
    def _list_id(session: Session, list_name: str) -> int:
        list_id = session.scalar(select(RecipientList.id).where(RecipientList.name == list_name))
        if list_id is None:
            raise CampaignError(f"no recipient list named {list_name!r}")
        return list_id

    @staticmethod
    def _known_list(session: Session, list_id: int) -> int:
        if session.get(RecipientList, list_id) is None:
            raise CampaignError(f"no recipient list with id {list_id}")
        return list_id

    @staticmethod
    def _stopped(session: Session, receivers: Sequence[str]) -> set[str]:
        stopped: set[str] = set()
        for start in range(0, len(receivers), IN_CHUNK):
            chunk = receivers[start : start + IN_CHUNK]
            stopped.update(session.scalars(select(StopEntry.e164).where(StopEntry.e164.in_(chunk))))
        return stopped

    def window_for(self, commercial: bool, window: SendingWindow | None) -> SendingWindow | None:
        """The window a campaign gets: None when it may send at any time."""
        if window is None:
            window = self._default_window() if commercial else None
        if window is None or window.never_closes:
            return None
        return window

    def plan_start(
        self, scheduled_at: datetime | None, window: SendingWindow | None
    ) -> tuple[datetime, bool]:
        """(first allowed instant in UTC, postponed?) for a start asked at `scheduled_at`
        (None: now) under `window`."""
        now = self._clock()
        if scheduled_at is not None and scheduled_at.tzinfo is None:
            raise CampaignError("the scheduled instant needs a time zone")
        asked = max(scheduled_at.astimezone(UTC), now) if scheduled_at is not None else now
        if window is None:
            return asked, False
        start = window.next_open(asked)
        return start, start > asked

    def instant_problem(self, at: datetime | None) -> str | None:
        """'<instant> is in the past' for a start asked more than PAST_TOLERANCE ago, or
        None (None asks for now). The one check for --at, the At picker and Reschedule;
        no database, so the window may call it as the user types."""
        if at is None:
            return None
        if at.tzinfo is None:
            return "the scheduled instant needs a time zone"
        if at < self._clock() - PAST_TOLERANCE:
            return f"{instant_text(at)} is in the past"
        return None

    # -- preview and quote -----------------------------------------------------------

    def preview(self, request: CampaignRequest, *, samples: int = 3) -> CampaignPreview:
        audience = self.audience(
            request.receivers,
            request.list_name,
            request.region,
            request.more_lists,
            request.list_ids,
        )
        return self._preview(request, audience, samples)

    def _preview(
        self, request: CampaignRequest, audience: Audience, samples: int
    ) -> CampaignPreview:
        window = self.window_for(request.commercial, request.window)
        starts_at, postponed = self.plan_start(request.scheduled_at, window)
        past = self.instant_problem(request.scheduled_at)
        unknown = tuple(unknown_placeholders(request.body, audience.columns))
        first: list[RenderedMessage] = []
        longest: RenderedMessage | None = None
        total = ucs2 = 0
        for rendered in render_all(
            request.body,
            ((r.e164, r.fields) for r in audience.recipients),
            commercial=request.commercial,
            transliterate=request.transliterate,
        ):
            total += rendered.parts
            if rendered.encoding is Encoding.UCS2:
                ucs2 += 1
            if len(first) < samples:
                first.append(rendered)
            if longest is None or (rendered.parts, rendered.length) > (
                longest.parts,
                longest.length,
            ):
                longest = rendered
        # recipients who read an empty {field} (a pasted number has no name)
        keys = set(Renderer(request.body).keys)
        empty = (
            sum(1 for r in audience.recipients if any(not r.fields.get(k) for k in keys))
            if keys
            else 0
        )
        from_fields, new_total = 0, None
        if ucs2 and not request.transliterate and Renderer(request.body).personalised:
            after = list(
                render_all(
                    request.body,
                    ((r.e164, r.fields) for r in audience.recipients),
                    commercial=request.commercial,
                    transliterate=True,
                )
            )
            from_fields = ucs2 - sum(m.encoding is Encoding.UCS2 for m in after)
            if from_fields:
                new_total = sum(m.parts for m in after)
        return CampaignPreview(
            recipients=len(audience.recipients),
            duplicates=audience.duplicates,
            stopped=audience.stopped,
            invalid=audience.invalid,
            total_parts=total,
            samples=tuple(first),
            longest=longest,
            ucs2_messages=ucs2,
            unknown_placeholders=unknown,
            starts_at=starts_at,
            postponed=postponed,
            window=window,
            columns=audience.columns,
            instant_problem=past,
            ucs2_from_fields=from_fields,
            transliterated_parts=new_total,
            empty_fields=empty,
        )

    def quote(self, request: CampaignRequest) -> Quote:
        """The preview and the gateway's price (estimate, credits left) where it can say."""
        preview = self.preview(request)
        credits = credits_left = None
        note = ""
        if preview.longest is not None:
            credits, credits_left, note = self._cost(
                request.provider, preview.longest.body, request.commercial, preview.total_parts
            )
        return Quote(preview, request.provider, credits, credits_left, note)

    def _cost(
        self, provider_name: str, longest_body: str, commercial: bool, total_parts: int
    ) -> tuple[float | None, float | None, str]:
        """(credits the parts cost, credits left, why unknown): the gateway's price of
        one part times the recipients' real parts. None where the gateway cannot say."""
        credits = credits_left = None
        if self._providers is None:
            return None, None, ""
        try:
            provider = self.provider(provider_name)
            if Capability.ESTIMATE in provider.capabilities:
                estimate = provider.estimate(longest_body, commercial=commercial)
                if estimate.credits is not None and estimate.parts:
                    credits = estimate.credits / estimate.parts * total_parts
            if Capability.CREDITS in provider.capabilities:
                credits_left = provider.credits_left()
        except ProviderError as exc:
            return credits, credits_left, f"the gateway did not answer: {exc}"
        return credits, credits_left, ""

    # -- create ----------------------------------------------------------------------

    def _validate(self, request: CampaignRequest) -> None:
        if not request.body.strip():
            raise CampaignError("the message is empty")
        problem = sender_problem(request.sender)
        if problem:
            raise CampaignError(problem)
        if request.tag and len(request.tag) > 128:
            raise CampaignError("the tag is longer than 128 characters")
        past = self.instant_problem(request.scheduled_at)
        if past:
            raise CampaignError(past)
        unconfigured = self._configuration_problem(request.provider)
        if unconfigured:
            raise CampaignError(unconfigured)
        if request.provider_deferred:
            if request.scheduled_at is None or request.scheduled_at <= self._clock():
                raise CampaignError("only a send planned for later can be handed to the gateway")
            provider = self.provider(request.provider)
            if Capability.DEFERRED not in provider.capabilities:
                raise CampaignError(f"the {request.provider} gateway cannot keep a deferred send")

    @publishes("campaigns", "messages")
    def create(self, request: CampaignRequest) -> CampaignCreated:
        self._validate(request)
        audience = self.audience(
            request.receivers,
            request.list_name,
            request.region,
            request.more_lists,
            request.list_ids,
        )
        if not audience.recipients:
            if audience.invalid:
                first = audience.invalid[0]
                raise CampaignError(
                    f"no recipient left to send to: {len(audience.invalid)} number(s) left "
                    f"out ({first.value!r}: {first.reason})"
                )
            raise CampaignError(
                "no recipient left to send to"
                if audience.stopped or audience.duplicates
                else "no recipient: give --to numbers or a --list"
            )
        _require_known(request.body, audience.columns)
        window = self.window_for(request.commercial, request.window)
        starts_at, postponed = self.plan_start(request.scheduled_at, window)
        now = self._clock()
        scheduled_at = starts_at if postponed else request.scheduled_at
        if scheduled_at is not None:
            scheduled_at = scheduled_at.astimezone(UTC)
        # a schedule handed to the gateway leaves now; the gateway holds it
        due = now if request.provider_deferred else starts_at
        personalised = Renderer(request.body).personalised
        base_info = message_info(request.body, stop_clause=request.commercial)
        rendered = [
            (m.receiver, m.body, m.parts)
            for m in render_all(
                request.body,
                ((r.e164, r.fields) for r in audience.recipients),
                commercial=request.commercial,
                transliterate=request.transliterate,
            )
        ]
        max_parts = max(parts for _, _, parts in rendered)
        total_parts = sum(parts for _, _, parts in rendered)
        long_problem = long_message_problem(max_parts)
        if long_problem and not request.allow_long:
            raise LongMessageError(long_problem)
        if not request.allow_overdraft:
            longest = max(rendered, key=lambda m: m[2])[1]
            credits, credits_left, _ = self._cost(
                request.provider, longest, request.commercial, total_parts
            )
            shortfall = shortfall_problem(credits, credits_left)
            if shortfall:
                raise OverdraftError(shortfall)
        with self._sessions.begin() as session:
            list_ids = builtins.list(audience.list_ids)
            campaign = Campaign(
                name=request.name.strip() or request.body.strip()[:30],
                sender=request.sender,
                body=request.body,
                encoding=str(base_info.encoding),
                segments=max_parts if personalised else base_info.segments,
                tag=request.tag,
                provider=request.provider,
                commercial=request.commercial,
                scheduled_at=scheduled_at,
                window=window.to_json() if window is not None else None,
                status=CampaignStatus.SCHEDULED,
                created_at=now,
                provider_deferred=request.provider_deferred,
                list_id=list_ids[0] if list_ids else None,
                list_ids=json.dumps(list_ids) if len(list_ids) > 1 else None,
                transliterate=request.transliterate,
            )
            session.add(campaign)
            session.flush()
            rows = [
                {
                    "campaign_id": campaign.id,
                    "receiver": receiver,
                    "sender": request.sender,
                    "body": body,
                    "parts": parts,
                    "tag": request.tag,
                    "status": MessageStatus.QUEUED,
                    "provider": request.provider,
                    "attempts": 0,
                    "next_attempt_at": due,
                    "created_at": now,
                }
                for receiver, body, parts in rendered
            ]
            for start in range(0, len(rows), INSERT_CHUNK):
                session.execute(insert(Message), rows[start : start + INSERT_CHUNK])
            return CampaignCreated(
                id=campaign.id,
                status=CampaignStatus.SCHEDULED,
                messages=len(rows),
                scheduled_at=scheduled_at,
                parts_per_message=campaign.segments,
                duplicates=audience.duplicates,
                stopped=audience.stopped,
                total_parts=total_parts,
                starts_at=starts_at,
                postponed=postponed,
                left_out=audience.invalid,
            )

    # -- list ------------------------------------------------------------------------

    def list(
        self, *, scheduled_only: bool = False, open_only: bool = False
    ) -> list[CampaignSummary]:
        """Newest first. `scheduled_only`: not started yet, or paused (not finished, and
        nothing more leaves until resumed); `open_only`: not finished."""
        with self._sessions() as session:
            query = select(Campaign).order_by(Campaign.id.desc())
            if scheduled_only:
                query = query.where(Campaign.status.in_(NOT_STARTED_STATUSES))
            elif open_only:
                query = query.where(Campaign.status.in_(OPEN_STATUSES))
            return self._summaries(session, list(session.scalars(query)))

    def get(self, campaign_id: int) -> CampaignSummary:
        with self._sessions() as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is None:
                raise CampaignError(f"no campaign with id {campaign_id}")
            return self._summaries(session, [campaign])[0]

    def _summaries(
        self, session: Session, campaigns: Sequence[Campaign]
    ) -> builtins.list[CampaignSummary]:
        counts: dict[int, dict[str, int]] = {}
        parts: dict[int, int] = {}
        next_due: dict[int, datetime] = {}
        ids = [c.id for c in campaigns]
        for start in range(0, len(ids), IN_CHUNK):
            chunk = ids[start : start + IN_CHUNK]
            for campaign_id, status, count, part_sum in session.execute(
                select(Message.campaign_id, Message.status, func.count(), func.sum(Message.parts))
                .where(Message.campaign_id.in_(chunk))
                .group_by(Message.campaign_id, Message.status)
            ):
                assert campaign_id is not None
                counts.setdefault(campaign_id, {})[status] = count
                parts[campaign_id] = parts.get(campaign_id, 0) + int(part_sum or 0)
            open_chunk = [
                c.id for c in campaigns[start : start + IN_CHUNK] if c.status in OPEN_STATUSES
            ]
            if open_chunk:
                for campaign_id, due in session.execute(
                    select(Message.campaign_id, func.min(Message.next_attempt_at))
                    .where(
                        Message.campaign_id.in_(open_chunk),
                        Message.status == MessageStatus.QUEUED,
                    )
                    .group_by(Message.campaign_id)
                ):
                    if campaign_id is not None and due is not None:
                        next_due[campaign_id] = due
        summaries = []
        for c in campaigns:
            first_rows = session.execute(
                select(Message.receiver, Message.body)
                .where(Message.campaign_id == c.id)
                .order_by(Message.id)
                .limit(3)
            ).all()
            window = None
            if c.window:
                try:
                    window = parse_window(c.window)
                except ValueError:
                    log.warning("campaign %d has an unreadable sending window", c.id)
            by_status = counts.get(c.id, {})
            summaries.append(
                CampaignSummary(
                    id=c.id,
                    name=c.name,
                    status=CampaignStatus(c.status),
                    scheduled_at=c.scheduled_at,
                    created_at=c.created_at,
                    recipients=sum(by_status.values()),
                    sender=c.sender,
                    body=c.body,
                    parts=c.segments,
                    provider=c.provider,
                    tag=c.tag,
                    counts=by_status,
                    first_receivers=tuple(r for r, _ in first_rows),
                    commercial=c.commercial,
                    window=window,
                    total_parts=parts.get(c.id, 0),
                    next_due=next_due.get(c.id),
                    provider_deferred=c.provider_deferred,
                    sample_body=first_rows[0][1] if first_rows else c.body,
                    paused_reason=c.paused_reason if c.status == CampaignStatus.PAUSED else None,
                )
            )
        return summaries

    def overdue(self) -> builtins.list[OverdueCampaign]:
        """Planned campaigns whose instant has passed with messages still waiting: what
        fell due while nothing was running (the window says so at start, then sends)."""
        now = self._clock()
        with self._sessions() as session:
            rows = session.execute(
                select(
                    Campaign.id,
                    Campaign.name,
                    func.min(Message.next_attempt_at),
                    func.count(Message.id),
                )
                .join(Message, Message.campaign_id == Campaign.id)
                .where(
                    Campaign.status.in_([CampaignStatus.SCHEDULED, CampaignStatus.SENDING]),
                    Campaign.scheduled_at.is_not(None),
                    Campaign.scheduled_at < now,
                    Message.status == MessageStatus.QUEUED,
                    Message.next_attempt_at <= now,
                )
                .group_by(Campaign.id, Campaign.name)
                .order_by(Campaign.id)
            ).all()
        return [
            OverdueCampaign(cid, name, due, int(count))
            for cid, name, due, count in rows
            if due is not None
        ]

    # -- change what is planned ------------------------------------------------------

    def _open_campaign(self, session: Session, campaign_id: int) -> Campaign:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise CampaignError(f"no campaign with id {campaign_id}")
        if campaign.status in (CampaignStatus.DONE, CampaignStatus.CANCELLED):
            raise CampaignError(f"campaign {campaign_id} is already {campaign.status}")
        return campaign

    @publishes("campaigns", "messages")
    def reschedule(self, campaign_id: int, at: datetime | None) -> datetime:
        """Move what has not left yet to `at` (None: now), within the campaign's window.
        Returns the instant the campaign will (re)start, in UTC. A paused campaign stays
        paused: the new instant is the one `resume` starts from."""
        past = self.instant_problem(at)
        if past:
            raise CampaignError(past)
        with self._sessions.begin() as session:
            campaign = self._open_campaign(session, campaign_id)
            if campaign.provider_deferred:
                raise CampaignError(
                    f"campaign {campaign_id} is kept by the gateway: cancel it and plan it again"
                )
            window = parse_window(campaign.window) if campaign.window else None
            start, _ = self.plan_start(at, window)
            if campaign.status != CampaignStatus.PAUSED:
                # (paused: its rows keep next_attempt_at NULL, the PAUSE CONTRACT)
                session.execute(
                    update(Message)
                    .where(
                        Message.campaign_id == campaign_id,
                        Message.status == MessageStatus.QUEUED,
                    )
                    .values(next_attempt_at=start)
                )
            campaign.scheduled_at = start
            return start

    def pause_reason(self, campaign_id: int | None) -> str | None:
        """Why campaign `campaign_id` is paused, or None when it is not paused (for
        History details of a message waiting in it)."""
        if campaign_id is None:
            return None
        with self._sessions() as session:
            row = session.execute(
                select(Campaign.status, Campaign.paused_reason).where(Campaign.id == campaign_id)
            ).first()
        if row is None or row[0] != CampaignStatus.PAUSED:
            return None
        return row[1] or "paused"

    @publishes("campaigns", "messages")
    def resume(self, campaign_id: int) -> CampaignStatus:
        """Send the rest of a paused campaign (the PAUSE CONTRACT): status back to
        scheduled (its instant still ahead and never started) or sending, reason cleared,
        its waiting messages due at max(now, scheduled instant). Returns the new status."""
        now = self._clock()
        with self._sessions.begin() as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is None:
                raise CampaignError(f"no campaign with id {campaign_id}")
            if campaign.status != CampaignStatus.PAUSED:
                raise CampaignError(
                    f"campaign {campaign_id} is {campaign.status}, not paused: nothing to resume"
                )
            ahead = campaign.scheduled_at is not None and campaign.scheduled_at > now
            status = (
                CampaignStatus.SCHEDULED
                if ahead and campaign.started_at is None
                else CampaignStatus.SENDING
            )
            # guarded on 'paused': a concurrent cancel or resume wins, this one says so
            changed = session.execute(
                update(Campaign)
                .where(Campaign.id == campaign_id, Campaign.status == CampaignStatus.PAUSED)
                .values(status=status, paused_reason=None)
                .execution_options(synchronize_session=False)
            )
            if not changed.rowcount:  # type: ignore[attr-defined]
                raise CampaignError(f"campaign {campaign_id} changed meanwhile: look again")
            due = max(now, campaign.scheduled_at) if campaign.scheduled_at else now
            session.execute(
                update(Message)
                .where(
                    Message.campaign_id == campaign_id,
                    Message.status == MessageStatus.QUEUED,
                    Message.next_attempt_at.is_(None),
                )
                .values(next_attempt_at=due)
            )
            return status

    def send_now(self, campaign_id: int) -> datetime:
        """Start at once (still within the campaign's window); returns the start."""
        return self.reschedule(campaign_id, None)

    @publishes("campaigns", "messages")
    def edit_message(
        self, campaign_id: int, body: str, *, transliterate: bool | None = None
    ) -> int:
        """Change the text of a campaign that has not started; returns messages changed.
        The merged values are rendered as the campaign was created (transliterated or not)
        unless `transliterate` says otherwise; the new choice is kept."""
        if not body.strip():
            raise CampaignError("the message is empty")
        renderer = Renderer(body)
        with self._sessions.begin() as session:
            campaign = self._open_campaign(session, campaign_id)
            if transliterate is None:
                transliterate = campaign.transliterate
            # the status test in the UPDATE: a dispatcher may be starting it right now
            claimed = session.execute(
                update(Campaign)
                .where(
                    Campaign.id == campaign_id,
                    Campaign.status == CampaignStatus.SCHEDULED,
                    Campaign.started_at.is_(None),
                    Campaign.provider_deferred.is_(False),
                )
                .values(body=body, transliterate=transliterate)
                .execution_options(synchronize_session=False)
            )
            if not claimed.rowcount:  # type: ignore[attr-defined]
                raise CampaignError(f"campaign {campaign_id} has started: its text is fixed")
            fields: dict[str, dict[str, str]] = {}
            columns = {NAME_FIELD}
            if renderer.personalised:
                # every list it was sent to, in order: a number's first list gives its fields
                for list_id in _campaign_lists(campaign):
                    for e164, name, extra in session.execute(
                        select(Contact.e164, Contact.name, Contact.extra)
                        .where(Contact.list_id == list_id)
                        .order_by(Contact.id)
                    ):
                        values = contact_fields(name, extra)
                        fields.setdefault(e164, values)
                        columns.update(values)
            _require_known(body, columns)
            rows = session.execute(
                select(Message.id, Message.receiver).where(
                    Message.campaign_id == campaign_id, Message.status == MessageStatus.QUEUED
                )
            ).all()
            ids = [message_id for message_id, _ in rows]
            rendered = render_all(
                body,
                ((receiver, fields.get(receiver, {})) for _, receiver in rows),
                commercial=campaign.commercial,
                transliterate=transliterate,
            )
            updates: builtins.list[dict[str, Any]] = [
                {"id": message_id, "body": m.body, "parts": m.parts}
                for message_id, m in zip(ids, rendered, strict=True)
            ]
            max_parts = max((u["parts"] for u in updates), default=0)
            if updates:
                session.execute(update(Message), updates)
            info = message_info(body, stop_clause=campaign.commercial)
            session.execute(
                update(Campaign)
                .where(Campaign.id == campaign_id)
                .values(
                    encoding=str(info.encoding),
                    segments=max_parts if renderer.personalised else info.segments,
                )
                .execution_options(synchronize_session=False)
            )
            return len(updates)

    @publishes("campaigns", "messages")
    def cancel(self, campaign_id: int) -> int:
        """Cancel what has not left yet; returns how many messages were cancelled.

        A schedule handed to the gateway is deleted there first: if the gateway refuses,
        nothing changes here and the error says so.
        """
        with self._sessions() as session:
            campaign = self._open_campaign(session, campaign_id)
            deferred_refs: dict[str, builtins.list[tuple[int, str]]] = {}
            if campaign.provider_deferred:
                for message_id, provider_name, ref in session.execute(
                    select(Message.id, Message.provider, Message.provider_ref).where(
                        Message.campaign_id == campaign_id,
                        Message.status == MessageStatus.SUBMITTED,
                        Message.provider_ref.is_not(None),
                    )
                ):
                    if ref is not None:
                        deferred_refs.setdefault(provider_name, []).append((message_id, ref))
        # the gateway first: if the scheduled instant has passed, there is nothing left there
        still_held = campaign.scheduled_at is None or campaign.scheduled_at > self._clock()
        if deferred_refs and still_held:
            for provider_name, refs in deferred_refs.items():
                try:
                    self.provider(provider_name).cancel_deferred([ref for _, ref in refs])
                except ProviderError as exc:
                    raise CampaignError(f"the gateway did not cancel the campaign: {exc}") from None
        else:
            deferred_refs = {}
        with self._sessions.begin() as session:
            campaign = self._open_campaign(session, campaign_id)
            result = session.execute(
                update(Message)
                .where(Message.campaign_id == campaign_id, Message.status == MessageStatus.QUEUED)
                .values(status=MessageStatus.CANCELLED, next_attempt_at=None)
            )
            cancelled = int(result.rowcount)  # type: ignore[attr-defined]
            held = [message_id for refs in deferred_refs.values() for message_id, _ in refs]
            for start in range(0, len(held), IN_CHUNK):
                chunk = held[start : start + IN_CHUNK]
                result = session.execute(
                    update(Message)
                    .where(Message.id.in_(chunk), Message.status == MessageStatus.SUBMITTED)
                    .values(status=MessageStatus.CANCELLED, next_attempt_at=None)
                )
                cancelled += int(result.rowcount)  # type: ignore[attr-defined]
            campaign.status = CampaignStatus.CANCELLED
            campaign.finished_at = self._clock()
            return cancelled


def _campaign_lists(campaign: Campaign) -> builtins.list[int]:
    """The ids of the lists a campaign was made from, in order (0007 keeps all of them)."""
    if campaign.list_ids:
        try:
            stored = json.loads(campaign.list_ids)
        except ValueError:
            stored = None
        if isinstance(stored, builtins.list) and all(isinstance(i, int) for i in stored):
            return stored
    return [campaign.list_id] if campaign.list_id is not None else []
