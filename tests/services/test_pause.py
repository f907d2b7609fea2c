"""A gateway that refuses *us* (credentials, settings, credits) pauses the campaign with
its reason instead of failing its messages; after a fix and a resume the rest goes out
exactly once. Also: answers that may have reached the gateway are `unknown`, never resent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from smsdesk.app import Services
from smsdesk.cli import main
from smsdesk.db.models import Campaign, Message
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.providers.base import (
    GatewayRefusal,
    NotEnoughCredits,
    OutgoingSms,
    PermanentError,
    Provider,
    SubmitResult,
)
from smsdesk.providers.simulator import SimulatorProvider
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService

SIGNATURE = "OVH refused the credentials: Invalid signature"


def _numbers(count: int, start: int = 23_000_100) -> list[str]:
    return [f"+336{start + i}" for i in range(count)]  # none ends in a failure suffix


def _statuses(services: Services) -> dict[str, int]:
    with services.sessions() as session:
        return dict(
            session.execute(select(Message.status, func.count()).group_by(Message.status)).all()
        )


def _campaigns(services: Services) -> list[tuple[str, str | None]]:
    with services.sessions() as session:
        return [
            (status, reason)
            for status, reason in session.execute(
                select(Campaign.status, Campaign.paused_reason).order_by(Campaign.id)
            )
        ]


def _resume_all(services: Services) -> None:
    """The PAUSE CONTRACT's resume (CampaignService.resume is written elsewhere)."""
    now = datetime.now(UTC)
    with services.sessions.begin() as session:
        session.execute(
            update(Campaign)
            .where(Campaign.status == CampaignStatus.PAUSED)
            .values(status=CampaignStatus.SENDING, paused_reason=None)
        )
        session.execute(
            update(Message)
            .where(Message.status == MessageStatus.QUEUED, Message.next_attempt_at.is_(None))
            .values(next_attempt_at=now)
        )


class WrongCredentials(SimulatorProvider):
    def __init__(self, path: Path) -> None:
        super().__init__(path, delivery_delay=0)
        self.calls = 0

    def submit(self, batch: Sequence[OutgoingSms], *, batch_ref: str, deferred_until=None):
        self.calls += 1
        raise GatewayRefusal(SIGNATURE)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_wrong_credentials_pause_the_campaigns_then_resume_sends_the_rest_once(
    services: Services, db_url: str, tmp_path: Path, capsys, monkeypatch
):
    services.campaigns.create(CampaignRequest(body="Bonjour", receivers=_numbers(300)))
    services.campaigns.create(CampaignRequest(body="Salut", receivers=_numbers(20, 23_001_000)))
    wrong = WrongCredentials(tmp_path / "ledger.sqlite3")
    monkeypatch.setattr(Services, "provider", lambda self, name: wrong)

    code, out, err = _run(
        capsys, "--db", db_url, "dispatch", "--once", "--batch-size", "100", "--receipt-wait", "0"
    )
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "Invalid signature" in err and "resume" in err
    assert wrong.calls == 1  # the gateway refused once: nobody asked it again
    assert _statuses(services) == {"queued": 320}
    campaigns = _campaigns(services)
    assert {status for status, _ in campaigns} == {CampaignStatus.PAUSED}
    reason = campaigns[0][1]
    assert reason is not None and "Invalid signature" in reason and reason in err
    assert campaigns[1][1] == reason  # the other campaign due on that gateway too
    with services.sessions() as session:
        assert set(session.execute(select(Message.attempts, Message.next_attempt_at))) == {
            (0, None)
        }
    # paused: another pass sends nothing and says nothing failed
    assert DispatcherService(services.sessions, lambda _n: wrong).dispatch_due().claimed == 0
    assert wrong.calls == 1

    fixed = SimulatorProvider(tmp_path / "ledger.sqlite3", delivery_delay=0)
    monkeypatch.setattr(Services, "provider", lambda self, name: fixed)
    _resume_all(services)
    code, out, err = _run(capsys, "--db", db_url, "dispatch", "--once", "--receipt-wait", "5")
    assert code == 0, err
    assert out.startswith("sent 320, failed 0")
    counts = fixed.received_count_by_message()
    assert len(counts) == 320
    assert set(counts.values()) == {1}
    assert _statuses(services) == {"delivered": 320}
    assert {status for status, _ in _campaigns(services)} == {CampaignStatus.DONE}


def test_missing_settings_pause_instead_of_failing(services: Services, db_url: str, capsys):
    # made for a gateway whose settings were removed since (creation checks them)
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(5)))
    with services.sessions.begin() as session:
        session.execute(update(Campaign).values(provider="smpp"))
        session.execute(update(Message).values(provider="smpp"))
    code, out, err = _run(capsys, "--db", db_url, "dispatch", "--once", "--receipt-wait", "0")
    assert (code, out) == (1, "")
    assert "SMPP settings missing" in err
    assert _statuses(services) == {"queued": 5}
    [(status, reason)] = _campaigns(services)
    assert status == CampaignStatus.PAUSED
    assert reason is not None and "SMPP settings missing" in reason


class CreditsRunOut(SimulatorProvider):
    """Takes two batches, then the account is empty."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, delivery_delay=0)
        self.calls = 0

    def submit(self, batch: Sequence[OutgoingSms], *, batch_ref: str, deferred_until=None):
        self.calls += 1
        if self.calls > 2:
            raise NotEnoughCredits("12 credits left, 25 needed")
        return super().submit(batch, batch_ref=batch_ref, deferred_until=deferred_until)


def test_credits_running_out_mid_campaign_pause_the_rest(services: Services, tmp_path: Path):
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(100)))
    gateway = CreditsRunOut(tmp_path / "ledger.sqlite3")
    report = DispatcherService(services.sessions, lambda _n: gateway, batch_size=25).dispatch_due()
    assert (report.submitted, report.failed, report.paused) == (50, 0, 1)
    assert report.refusals == (
        "Not enough credits at the gateway: 12 credits left, 25 needed — top up, then resume",
    )
    assert _statuses(services) == {"submitted": 50, "queued": 50}
    assert _campaigns(services) == [(CampaignStatus.PAUSED, report.refusals[0])]

    gateway.calls = -10  # topped up
    _resume_all(services)
    again = DispatcherService(services.sessions, lambda _n: gateway, batch_size=25).dispatch_due()
    assert (again.submitted, again.failed, again.paused) == (50, 0, 0)
    counts = gateway.received_count_by_message()
    assert len(counts) == 100
    assert set(counts.values()) == {1}


def test_a_refused_message_without_campaign_fails_with_the_reason(
    services: Services, tmp_path: Path
):
    now = datetime.now(UTC)
    with services.sessions.begin() as session:
        session.add(
            Message(receiver="+33623000100", body="x", status="queued", next_attempt_at=now)
        )
    wrong = WrongCredentials(tmp_path / "ledger.sqlite3")
    report = DispatcherService(services.sessions, lambda _n: wrong).dispatch_due()
    assert report.failed == 1
    with services.sessions() as session:
        row = session.scalars(select(Message)).one()
    assert row.status == MessageStatus.FAILED
    assert row.error is not None and "Invalid signature" in row.error


def test_a_gateway_that_cannot_be_built_pauses(services: Services):
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(3)))

    def factory(name: str) -> Provider:
        raise ValueError("the rate limit cannot be negative")

    report = DispatcherService(services.sessions, factory).dispatch_due()
    assert (report.failed, report.paused) == (0, 1)
    assert "the rate limit cannot be negative" in report.refusals[0]
    assert _statuses(services) == {"queued": 3}


class HalfAnswering(SimulatorProvider):
    """Says `uncertain` for the first message and nothing at all for the second."""

    def submit(self, batch: Sequence[OutgoingSms], *, batch_ref: str, deferred_until=None):
        results = super().submit(batch, batch_ref=batch_ref, deferred_until=deferred_until)
        first, second = batch[0].message_id, batch[1].message_id
        return [
            SubmitResult(first, accepted=False, error="no submit_sm_resp", uncertain=True),
            *(r for r in results if r.message_id not in (first, second)),
        ]


def test_uncertain_and_unanswered_messages_are_unknown_and_never_resent(
    services: Services, tmp_path: Path
):
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(4)))
    gateway = HalfAnswering(tmp_path / "ledger.sqlite3", delivery_delay=0)
    dispatcher = DispatcherService(services.sessions, lambda _n: gateway)
    report = dispatcher.dispatch_due()
    assert (report.submitted, report.unknown, report.failed, report.retried) == (2, 2, 0, 0)
    with services.sessions() as session:
        unknown = dict(
            session.execute(
                select(Message.id, Message.error).where(Message.status == MessageStatus.UNKNOWN)
            ).all()
        )
    assert len(unknown) == 2
    assert "no submit_sm_resp" in unknown.values()
    assert any(e and "did not answer" in e for e in unknown.values())
    assert dispatcher.dispatch_due().claimed == 0
    assert set(gateway.received_count_by_message().values()) == {1}


def test_a_refusal_while_recovering_pauses_and_the_resumed_claim_asks_first(
    services: Services, tmp_path: Path
):
    """A batch that reached the gateway, its dispatcher dead; recovery cannot ask (the
    settings are broken): paused, batch kept. After the fix it is found, not resent."""
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(3)))
    ledger = SimulatorProvider(tmp_path / "ledger.sqlite3", delivery_delay=0)
    doomed = DispatcherService(services.sessions, lambda _n: ledger)
    claimed = doomed._claim(3)
    ledger.submit(
        [OutgoingSms(c.id, c.receiver, c.sender, c.body) for c in claimed],
        batch_ref=claimed[0].batch_ref,
    )
    later = datetime.now(UTC) + timedelta(minutes=10)  # past the dead one's lease

    def broken(name: str) -> Provider:
        raise PermanentError("SMPP settings missing: SMSDESK_SMPP_HOST")

    recovered = DispatcherService(services.sessions, broken, db_clock=lambda: later).recover()
    assert (recovered.reconciled, recovered.requeued, recovered.unknown) == (0, 0, 0)
    assert _statuses(services) == {"queued": 3}
    assert [status for status, _ in _campaigns(services)] == [CampaignStatus.PAUSED]
    with services.sessions() as session:
        kept = set(session.execute(select(Message.batch_ref, Message.attempts)))
    assert kept == {(claimed[0].batch_ref, 1)}

    _resume_all(services)
    report = DispatcherService(services.sessions, lambda _n: ledger).dispatch_due()
    assert report.submitted == 3
    assert set(ledger.received_count_by_message().values()) == {1}


def test_the_reason_names_the_gateway_once():
    from smsdesk.services.dispatcher import refusal_reason

    assert refusal_reason("ovh", GatewayRefusal(SIGNATURE)) == (
        "OVH refused the credentials: Invalid signature — fix it in Settings, then resume"
    )
    assert refusal_reason("ovh", GatewayRefusal("Invalid signature")) == (
        "OVH SMS refused: Invalid signature — fix it in Settings, then resume"
    )
    assert refusal_reason("smpp", NotEnoughCredits("balance 0")) == (
        "Not enough credits at the gateway: balance 0 — top up, then resume"
    )
    assert refusal_reason("simulator", NotEnoughCredits("Not enough credits: 12 needed")) == (
        "Not enough credits: 12 needed — top up, then resume"
    )
