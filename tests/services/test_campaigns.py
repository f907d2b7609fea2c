from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from smsdesk.app import Services
from smsdesk.db.models import Campaign, Contact, Message, RecipientList, StopEntry
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.domain.encoding import message_info
from smsdesk.domain.phone import split_numbers
from smsdesk.domain.sending_window import ALWAYS_OPEN, SendingWindow
from smsdesk.services.campaigns import (
    CampaignError,
    CampaignRequest,
    CampaignService,
    Renderer,
    contact_fields,
    placeholders,
    sender_problem,
)


def _messages(services: Services) -> list[Message]:
    with services.sessions() as session:
        return list(session.scalars(select(Message).order_by(Message.id)))


def test_create_normalises_and_dedupes(services: Services):
    created = services.campaigns.create(
        CampaignRequest(
            body="Bonjour",
            receivers=["06 12 34 56 78", "+33 6 12 34 56 78; 0698765432", "0033698765432"],
            sender="MAIRIE",
            tag="t1",
        )
    )
    assert created.messages == 2
    assert created.duplicates == 2
    assert created.status is CampaignStatus.SCHEDULED
    rows = _messages(services)
    assert [m.receiver for m in rows] == ["+33612345678", "+33698765432"]
    assert {m.status for m in rows} == {MessageStatus.QUEUED}
    assert {m.sender for m in rows} == {"MAIRIE"}
    assert {m.tag for m in rows} == {"t1"}


@pytest.mark.parametrize(
    ("request_kwargs", "reason"),
    [
        ({"body": "  ", "receivers": ["0612345678"]}, "the message is empty"),
        ({"body": "x", "receivers": ["0612"]}, "1 number\\(s\\) left out \\('0612': too short\\)"),
        ({"body": "x", "receivers": ["0145454545"]}, "not a mobile"),
        ({"body": "x", "receivers": []}, "no recipient"),
        ({"body": "x", "receivers": ["0612345678"], "sender": "TOOLONGSENDER"}, "11"),
        ({"body": "x", "list_name": "nope"}, "no recipient list named 'nope'"),
    ],
)
def test_bad_input_changes_nothing(services: Services, request_kwargs, reason):
    with pytest.raises(CampaignError, match=reason):
        services.campaigns.create(CampaignRequest(**request_kwargs))
    assert _messages(services) == []
    assert services.campaigns.list() == []


def test_stop_list_is_never_sent_to(services: Services):
    with services.sessions.begin() as session:
        session.add(StopEntry(e164="+33612345678", reason="STOP"))
    created = services.campaigns.create(
        CampaignRequest(body="x", receivers=["0612345678", "0698765432"])
    )
    assert created.messages == 1
    assert created.stopped == 1
    assert [m.receiver for m in _messages(services)] == ["+33698765432"]


def test_scheduled_campaign_is_listed_then_cancelled(services: Services):
    at = datetime.now(UTC) + timedelta(days=1)
    created = services.campaigns.create(
        CampaignRequest(body="Plus tard", receivers=["0612345678", "0698765432"], scheduled_at=at)
    )
    [summary] = services.campaigns.list(scheduled_only=True)
    assert summary.id == created.id
    assert summary.recipients == 2
    assert summary.scheduled_at == at.replace(microsecond=summary.scheduled_at.microsecond)
    assert summary.first_receivers == ("+33612345678", "+33698765432")
    assert services.campaigns.cancel(created.id) == 2
    assert services.campaigns.list(scheduled_only=True) == []
    assert {m.status for m in _messages(services)} == {MessageStatus.CANCELLED}
    with pytest.raises(CampaignError, match="already cancelled"):
        services.campaigns.cancel(created.id)
    with pytest.raises(CampaignError, match="no campaign with id 42"):
        services.campaigns.cancel(42)


def test_sender_rules():
    assert sender_problem("") is None
    assert sender_problem("MAIRIE") is None
    assert sender_problem("+33612345678") is None
    assert "11" in (sender_problem("ABCDEFGHIJKL") or "")
    assert sender_problem("12345") is None  # a short code
    assert sender_problem("Café!") is not None


def test_pasted_numbers_split_as_the_import_splits_them(services: Services):
    pasted = "06 12 34 56 78\n0698765432, 0798765432;0781234567"
    assert split_numbers(pasted) == ["06 12 34 56 78", "0698765432", "0798765432", "0781234567"]
    audience = services.campaigns.audience([pasted])
    assert [r.e164 for r in audience.recipients] == [
        "+33612345678",
        "+33698765432",
        "+33798765432",
        "+33781234567",
    ]


def test_a_slash_between_two_numbers_is_two_numbers_in_send_as_in_import(services: Services):
    cell = "06 12 34 56 78 / 07 98 76 54 32"
    assert split_numbers(cell) == ["06 12 34 56 78", "07 98 76 54 32"]  # the import's reading
    created = services.campaigns.create(CampaignRequest(body="Bonjour", receivers=[cell]))
    assert created.messages == 2
    assert [m.receiver for m in _messages(services)] == ["+33612345678", "+33798765432"]
    report = services.recipients.import_text(
        f"Nom;Mobile\nAnne;{cell}\n", list_name="L", all_numbers=True
    )
    assert report.imported == 2


def test_pasted_landlines_and_invalid_numbers_are_left_out_counted_never_blocking(
    services: Services,
):
    pasted = ["0612345678", "01 45 67 89 01", "06 12 34 56 7", "bonjour", "0698765432"]
    preview = services.campaigns.preview(CampaignRequest(body="Bonjour", receivers=pasted))
    assert preview.recipients == 2
    assert preview.problem is None  # the send goes on with the two mobiles
    reasons = {i.value: i.reason for i in preview.invalid}
    assert reasons["01 45 67 89 01"] == "not a mobile"
    assert set(reasons) == {"01 45 67 89 01", "06 12 34 56 7", "bonjour"}
    created = services.campaigns.create(CampaignRequest(body="Bonjour", receivers=pasted))
    assert created.messages == 2
    assert [m.receiver for m in _messages(services)] == ["+33612345678", "+33698765432"]


# -- personalisation, audience, preview ---------------------------------------------------


def _make_list(services: Services, name: str, contacts: list[tuple[str, str, dict]]) -> None:
    with services.sessions.begin() as session:
        recipient_list = RecipientList(name=name)
        session.add(recipient_list)
        session.flush()
        for e164, contact_name, extra in contacts:
            session.add(
                Contact(list_id=recipient_list.id, e164=e164, name=contact_name, extra=extra)
            )


def _stop(services: Services, *numbers: str) -> None:
    with services.sessions.begin() as session:
        for number in numbers:
            session.add(StopEntry(e164=number, reason="STOP"))


def test_render_fills_placeholders_whatever_their_case():
    renderer = Renderer("Bonjour {Name}, RDV à {ville } le {date}.")
    assert renderer.personalised
    fields = contact_fields("Zoé", {"Ville": "Metz", "DATE": "12/03"})
    assert renderer.render(fields) == "Bonjour Zoé, RDV à Metz le 12/03."
    assert renderer.render({}) == "Bonjour , RDV à  le ."
    assert not Renderer("no field").personalised
    assert placeholders("{a} {B} {a} {b}") == ["a", "B"]


def test_audience_merges_list_and_pasted_numbers(services: Services):
    _make_list(
        services,
        "clients",
        [
            ("+33612345671", "Ann", {"ville": "Metz"}),
            ("+33612345672", "Bob", {"ville": "Nancy"}),
            ("+33612345673", "Cid", {}),
            ("+33612345674", "Dan", {}),
            ("+33612345675", "Eve", {}),
        ],
    )
    _stop(services, "+33612345673", "+33612345674", "+33612345675")
    audience = services.campaigns.audience(["0612345671", "0698765432", "0698765432", "0612"])
    assert [r.e164 for r in audience.recipients] == ["+33612345671", "+33698765432"]
    assert audience.duplicates == 1
    assert [i.value for i in audience.invalid] == ["0612"]
    audience = services.campaigns.audience(["0612345671", "0698765432"], "clients")
    assert [r.e164 for r in audience.recipients] == [
        "+33612345671",
        "+33698765432",
        "+33612345672",
    ]
    assert audience.stopped == 3
    assert audience.duplicates == 1  # Ann pasted and in the list: kept once, with her fields
    assert audience.recipients[0].fields["ville"] == "Metz"
    assert {"name", "ville"} <= set(audience.columns)


def test_preview_counts_each_personalised_message(services: Services):
    long_name = "Maximilien-Alexandre " * 4  # pushes that one message past 160
    _make_list(
        services,
        "clients",
        [
            ("+33612345671", "Ann", {}),
            ("+33612345672", long_name.strip(), {}),
            ("+33612345673", "Zoë", {}),  # ë is not GSM-7: this one is UCS-2
        ],
    )
    body = "Bonjour {name}, " + "x" * 140
    preview = services.campaigns.preview(CampaignRequest(body=body, list_name="clients"))
    expected = [
        message_info(f"Bonjour {n}, " + "x" * 140).segments
        for n in ("Ann", long_name.strip(), "Zoë")
    ]
    assert expected == [1, 2, 3]
    assert preview.total_parts == 6
    assert preview.recipients == 3
    assert [s.receiver for s in preview.samples] == ["+33612345671", "+33612345672", "+33612345673"]
    assert preview.samples[0].body == "Bonjour Ann, " + "x" * 140
    assert preview.longest is not None and preview.longest.receiver == "+33612345673"
    assert preview.ucs2_messages == 1
    assert preview.problem is None
    created = services.campaigns.create(CampaignRequest(body=body, list_name="clients"))
    assert created.total_parts == 6
    assert created.parts_per_message == 3
    assert sorted((m.receiver, m.parts) for m in _messages(services)) == [
        ("+33612345671", 1),
        ("+33612345672", 2),
        ("+33612345673", 3),
    ]
    [summary] = services.campaigns.list()
    assert summary.total_parts == 6
    assert summary.sample_body == "Bonjour Ann, " + "x" * 140


def test_stop_clause_is_counted_in_every_message(services: Services):
    body = "a" * 150  # 1 part alone, 2 with the 11 characters of the STOP clause
    plain = services.campaigns.preview(CampaignRequest(body=body, receivers=["0612345678"]))
    commercial = services.campaigns.preview(
        CampaignRequest(body=body, receivers=["0612345678"], commercial=True, window=ALWAYS_OPEN)
    )
    assert (plain.total_parts, commercial.total_parts) == (1, 2)


def test_unknown_placeholder_is_refused(services: Services):
    request = CampaignRequest(body="Bonjour {prenom}", receivers=["0612345678"])
    assert services.campaigns.preview(request).problem == "no column for {prenom} in the recipients"
    with pytest.raises(CampaignError, match=r"no column for \{prenom\}"):
        services.campaigns.create(request)


def test_quote_asks_the_gateway(services: Services):
    quote = services.campaigns.quote(
        CampaignRequest(body="ê" * 80, receivers=["0612345678", "0698765432"])
    )
    assert quote.preview.total_parts == 4
    assert quote.credits == 4.0  # the simulator: one credit a part
    assert quote.credits_left is not None and quote.credits_left > 0


# -- windows, reschedule, edit --------------------------------------------------------------

PARIS = ZoneInfo("Europe/Paris")


def _service_at(services: Services, instant: datetime) -> CampaignService:
    return CampaignService(services.sessions, clock=lambda: instant.astimezone(UTC))


def test_commercial_send_now_outside_the_window_is_postponed(services: Services):
    sunday = datetime(2025, 3, 16, 15, 0, tzinfo=PARIS)
    campaigns = _service_at(services, sunday)
    request = CampaignRequest(body="Soldes", receivers=["0612345678"], commercial=True)
    preview = campaigns.preview(request)
    assert preview.postponed
    assert preview.starts_at == datetime(2025, 3, 17, 8, 0, tzinfo=PARIS)
    created = campaigns.create(request)
    assert created.postponed
    assert created.scheduled_at == datetime(2025, 3, 17, 8, 0, tzinfo=PARIS)
    [message] = _messages(services)
    assert message.next_attempt_at == datetime(2025, 3, 17, 7, 0, tzinfo=UTC)
    # non-commercial: no window, goes now
    plain = campaigns.create(CampaignRequest(body="Alerte", receivers=["0612345678"]))
    assert (plain.postponed, plain.scheduled_at) == (False, None)


def test_custom_and_default_windows(services: Services):
    saturday_noon = datetime(2025, 3, 15, 12, 0, tzinfo=PARIS)
    short_hours = SendingWindow(start=time(14, 0), end=time(16, 0))
    campaigns = CampaignService(
        services.sessions,
        clock=lambda: saturday_noon.astimezone(UTC),
        default_window=lambda: short_hours,
    )
    created = campaigns.create(CampaignRequest(body="x", receivers=["0612345678"], commercial=True))
    assert created.starts_at == datetime(2025, 3, 15, 14, 0, tzinfo=PARIS)
    forced = campaigns.create(
        CampaignRequest(body="x", receivers=["0612345678"], commercial=True, window=ALWAYS_OPEN)
    )
    assert not forced.postponed
    summaries = {s.id: s for s in campaigns.list()}
    assert summaries[created.id].window == short_hours
    assert summaries[forced.id].window is None


def test_reschedule_and_send_now(services: Services):
    friday = datetime(2025, 3, 14, 10, 0, tzinfo=PARIS)
    campaigns = _service_at(services, friday)
    created = campaigns.create(
        CampaignRequest(
            body="x",
            receivers=["0612345678", "0698765432"],
            commercial=True,
            scheduled_at=friday + timedelta(days=3),
        )
    )
    start = campaigns.reschedule(created.id, datetime(2025, 3, 16, 9, 0, tzinfo=PARIS))  # Sunday
    assert start == datetime(2025, 3, 17, 8, 0, tzinfo=PARIS)
    assert {m.next_attempt_at for m in _messages(services)} == {start}
    assert campaigns.get(created.id).scheduled_at == start
    now = campaigns.send_now(created.id)
    assert now == friday
    assert {m.next_attempt_at for m in _messages(services)} == {friday}


def test_edit_message_before_the_start(services: Services):
    _make_list(services, "clients", [("+33612345671", "Ann", {}), ("+33612345672", "Bob", {})])
    later = datetime.now(UTC) + timedelta(days=1)
    created = services.campaigns.create(
        CampaignRequest(body="Hello {name}", list_name="clients", scheduled_at=later)
    )
    assert services.campaigns.edit_message(created.id, "Salut {name}, " + "ê" * 70) == 2
    bodies = {m.receiver: (m.body, m.parts) for m in _messages(services)}
    assert bodies["+33612345671"] == ("Salut Ann, " + "ê" * 70, 2)
    summary = services.campaigns.get(created.id)
    assert summary.body == "Salut {name}, " + "ê" * 70
    assert summary.parts == 2
    with pytest.raises(CampaignError, match="no column"):
        services.campaigns.edit_message(created.id, "{nope}")
    with services.sessions.begin() as session:
        session.execute(
            update(Campaign).values(status=CampaignStatus.SENDING, started_at=datetime.now(UTC))
        )
    with pytest.raises(CampaignError, match="has started"):
        services.campaigns.edit_message(created.id, "too late")


def test_overdue_lists_what_fell_due_while_closed(services: Services):
    yesterday = datetime.now(UTC) - timedelta(days=1)
    past = CampaignService(services.sessions, clock=lambda: yesterday)
    created = past.create(
        CampaignRequest(
            body="x", receivers=["0612345678"], scheduled_at=yesterday + timedelta(hours=2)
        )
    )
    services.campaigns.create(
        CampaignRequest(
            body="y", receivers=["0612345678"], scheduled_at=datetime.now(UTC) + timedelta(hours=1)
        )
    )
    [overdue] = services.campaigns.overdue()
    assert (overdue.id, overdue.messages) == (created.id, 1)
    assert overdue.due_at == yesterday + timedelta(hours=2)


def test_recipient_lists_with_counts(services: Services):
    _make_list(services, "b", [("+33612345671", "Ann", {})])
    _make_list(services, "a", [])
    assert [(c.name, c.contacts) for c in services.campaigns.recipient_lists()] == [
        ("a", 0),
        ("b", 1),
    ]


def test_gateway_info_lists_the_simulated_senders(services: Services):
    info = services.campaigns.gateway_info("simulator")
    assert [(s.name, s.status) for s in info.senders] == [
        ("SMSDESK", "enable"),
        ("MYSHOP", "waitingValidation"),
    ]
    assert (info.can_defer, info.can_estimate) == (False, True)


def test_pasted_landlines_and_invalid_numbers_are_left_out_and_counted(services: Services):
    pasted = "06 12 34 56 78\n01 42 68 53 00\n06 12 34 56 7 / 0698765432\nn/a"
    request = CampaignRequest(body="Bonjour", receivers=[pasted])
    preview = services.campaigns.preview(request)
    assert preview.recipients == 2
    assert [(i.value, i.reason) for i in preview.invalid] == [
        ("01 42 68 53 00", "not a mobile"),
        ("06 12 34 56 7", "too short"),
        ("n/a", "not a phone number"),
    ]
    assert preview.problem is None  # they never block the send
    created = services.campaigns.create(request)
    assert created.messages == 2
    assert [m.receiver for m in _messages(services)] == ["+33612345678", "+33698765432"]


def test_pasted_lines_use_the_imports_splitter(services: Services):
    text = "06 12 34 56 78 ::: 07 98 76 54 32\n0612345678 / 0698765432"
    assert split_numbers(text) == [
        *split_numbers("06 12 34 56 78 ::: 07 98 76 54 32"),
        *split_numbers("0612345678 / 0698765432"),
    ]
    audience = services.campaigns.audience([text])
    assert [r.e164 for r in audience.recipients] == [
        "+33612345678",
        "+33798765432",
        "+33698765432",
    ]
    assert audience.duplicates == 1


def test_several_lists_and_pasted_numbers_in_one_campaign(services: Services):
    recipients = services.recipients
    recipients.import_text("Nom;Mobile\nAnne;0612345678\nPaul;0623456789\n", list_name="A")
    recipients.import_text("Nom;Mobile\nAnne B;0612345678\nZoé;0781234567\n", list_name="B")
    request = CampaignRequest(
        body="Bonjour {nom}",
        receivers=["0623456789\n0698765432"],
        list_name="A",
        more_lists=("B",),
    )
    preview = services.campaigns.preview(request)
    # pasted 2 + A 2 + B 2, of which 0612... (A, B) and 0623... (pasted, A) twice
    assert (preview.recipients, preview.duplicates) == (4, 2)
    created = services.campaigns.create(request)
    assert created.messages == 4
    bodies = {m.receiver: m.body for m in _messages(services)}
    assert bodies == {
        "+33623456789": "Bonjour Paul",  # pasted, and in A: the list's fields
        "+33698765432": "Bonjour ",
        "+33612345678": "Bonjour Anne",  # the first list's fields
        "+33781234567": "Bonjour Zoé",
    }


def test_preview_counts_the_recipients_reading_an_empty_field(services: Services):
    services.recipients.import_text("Prénom;Mobile\nAnne;0612345678\n;0623456789\n", list_name="L")
    request = CampaignRequest(body="Bonjour {prénom}", list_name="L", receivers=["0698765432"])
    preview = services.campaigns.preview(request)
    # the contact without a first name and the pasted number read "Bonjour "
    assert (preview.recipients, preview.empty_fields) == (3, 2)
    assert services.campaigns.preview(replace(request, body="Bonjour")).empty_fields == 0
