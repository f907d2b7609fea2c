"""ReceiptService on a real SQLite file: in-between states, verdicts, errors, no churn."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from smsdesk.app import Services
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.providers.base import Capability, Receipt
from smsdesk.services.campaigns import CampaignRequest, CampaignService
from smsdesk.services.receipts import ReceiptService

DONE_AT = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)


class ScriptedGateway:
    """Answers poll_receipts from a script, the way OVH does: in-between, then verdict."""

    name = "ovh"
    capabilities = frozenset({Capability.RECEIPTS_POLL})

    def __init__(self) -> None:
        self.answers: dict[str, Receipt] = {}
        self.asked: list[list[str]] = []

    def poll_receipts(self, provider_refs: Sequence[str]) -> list[Receipt]:
        self.asked.append(list(provider_refs))
        return [self.answers[ref] for ref in provider_refs if ref in self.answers]


def submitted(services: Services, count: int) -> list[str]:
    """`count` messages sent through "ovh" and waiting for receipts; their refs."""
    # only the rows matter here: a service that does not ask whether OVH is configured
    CampaignService(services.sessions).create(
        CampaignRequest(
            body="Bonjour", receivers=[f"+3361234{i:04d}" for i in range(count)], provider="ovh"
        )
    )
    with services.sessions.begin() as session:
        ids = list(session.scalars(select(Message.id).order_by(Message.id)))
        session.execute(
            update(Message),
            [{"id": i, "status": MessageStatus.SUBMITTED, "provider_ref": f"r{i}"} for i in ids],
        )
    return [f"r{i}" for i in ids]


def state(services: Services) -> dict[str, tuple[str, int | None, int | None, str | None]]:
    with services.sessions() as session:
        return {
            str(ref): (status, ptt, dlr, error)
            for ref, status, ptt, dlr, error in session.execute(
                select(
                    Message.provider_ref, Message.status, Message.ptt, Message.dlr, Message.error
                )
            )
        }


def test_in_between_states_are_written_once_then_the_verdict(services: Services) -> None:
    refs = submitted(services, 3)
    gateway = ScriptedGateway()
    now = [datetime.now(UTC)]
    receipts = ReceiptService(services.sessions, lambda _name: gateway, clock=lambda: now[0])
    gateway.answers = {ref: Receipt(ref, ptt=3, dlr=0) for ref in refs}

    assert receipts.poll() == 3  # ptt 3: accepted by the operator, still on its way
    assert set(state(services).values()) == {(MessageStatus.SUBMITTED, 3, 0, None)}
    assert receipts.outstanding() == 3
    assert receipts.poll() == 0  # asked a moment ago: not asked again yet (backoff)
    assert len(gateway.asked) == 1
    now[0] += timedelta(minutes=11)  # past the longest poll interval
    assert receipts.poll() == 0  # the same in-between state again: nothing written
    assert len(gateway.asked) == 2
    now[0] += timedelta(minutes=11)

    gateway.answers = {
        refs[0]: Receipt(refs[0], ptt=4, dlr=1, operator_code="20801", delivered_at=DONE_AT),
        refs[1]: Receipt(refs[1], ptt=5, dlr=2, error="stat:UNDELIV err:001"),
        refs[2]: Receipt(refs[2], ptt=8, dlr=2),
    }
    assert receipts.poll() == 3
    after = state(services)
    assert after[refs[0]] == (MessageStatus.DELIVERED, 4, 1, None)
    assert after[refs[1]] == (MessageStatus.FAILED, 5, 2, "stat:UNDELIV err:001")
    assert after[refs[2]] == (MessageStatus.EXPIRED, 8, 2, None)
    with services.sessions() as session:
        row = session.scalars(select(Message).where(Message.provider_ref == refs[0])).one()
        assert (row.delivered_at, row.operator_code) == (DONE_AT, "20801")
    assert receipts.outstanding() == 0
    assert receipts.poll() == 0  # nothing left to ask
    assert len(gateway.asked) == 3


def test_a_late_in_between_report_does_not_undo_a_verdict(services: Services) -> None:
    refs = submitted(services, 2)
    receipts = ReceiptService(services.sessions, lambda _name: ScriptedGateway())
    assert receipts.apply("ovh", [Receipt(r, ptt=4, dlr=1) for r in refs]) == 2
    assert receipts.apply("ovh", [Receipt(r, ptt=3, dlr=0) for r in refs]) == 0  # late
    assert receipts.apply("ovh", [Receipt(r, ptt=4, dlr=1) for r in refs]) == 0  # repeated
    assert {s[0] for s in state(services).values()} == {MessageStatus.DELIVERED}
    # a correction of the verdict (a later part failed) is applied
    assert receipts.apply("ovh", [Receipt(refs[0], ptt=5, dlr=2, error="stat:UNDELIV")]) == 1
    assert state(services)[refs[0]] == (MessageStatus.FAILED, 5, 2, "stat:UNDELIV")


def test_receipts_only_touch_their_gateway_and_sent_messages(services: Services) -> None:
    refs = submitted(services, 2)
    with services.sessions.begin() as session:
        session.execute(
            update(Message)
            .where(Message.provider_ref == refs[1])
            .values(status=MessageStatus.CANCELLED)
        )
    receipts = ReceiptService(services.sessions, lambda _name: ScriptedGateway())
    assert receipts.apply("smpp", [Receipt(refs[0], ptt=4, dlr=1)]) == 0  # another gateway
    assert receipts.apply("ovh", [Receipt("nobody", ptt=4, dlr=1)]) == 0
    assert receipts.apply("ovh", [Receipt(refs[1], ptt=4, dlr=1)]) == 0  # cancelled
    assert state(services)[refs[1]][0] == MessageStatus.CANCELLED
