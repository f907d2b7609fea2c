"""`{prénom}` with 40 % of names outside GSM-7: the preview says how many messages the
merged values turn into UCS-2 and what they cost, and transliterating the merged values
only (ç -> c, ô -> o, ë -> e; GSM-7's own é è stay) brings every message back to GSM-7."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from smsdesk.app import Services
from smsdesk.db.models import Campaign, Message
from smsdesk.domain.encoding import replace_typographic
from smsdesk.services.campaigns import CampaignRequest

# 4 of 10 names (40 %) hold a letter GSM-7 lacks; é and è (Hélène, Zoé...) are GSM-7's own
NAMES = {
    "0612345601": "François",  # ç
    "0612345602": "Benoît",  # î
    "0612345603": "Noël",  # ë
    "0612345604": "Jérôme",  # ô (é stays)
    "0612345605": "Paul",
    "0612345606": "Hélène",
    "0612345607": "Léa",
    "0612345608": "Marc",
    "0612345609": "Zoé",
    "0612345610": "André",
}
# 70 characters besides the name (4 to 8): one GSM-7 part (<= 160) with any of these names, two
# UCS-2 parts (> 70) as soon as the message holds one letter GSM-7 lacks
BODY = "Bonjour {prénom}, votre rendez-vous de jeudi à la mairie est confirmé. Merci !"


def _list(services: Services) -> None:
    table = "Prénom;Mobile\n" + "".join(f"{name};{number}\n" for number, name in NAMES.items())
    report = services.recipients.import_text(table, list_name="Adhérents")
    assert report.imported == 10


def test_preview_counts_the_ucs2_messages_and_the_parts_saved(services: Services) -> None:
    _list(services)
    assert len(BODY.replace("{prénom}", "")) == 70
    request = CampaignRequest(body=BODY, list_name="Adhérents")
    preview = services.campaigns.preview(request)
    assert preview.recipients == 10
    assert preview.ucs2_messages == 4
    assert preview.total_parts == 6 * 1 + 4 * 2  # 14
    assert preview.ucs2_from_fields == 4
    assert preview.transliterated_parts == 10

    after = services.campaigns.preview(
        CampaignRequest(body=BODY, list_name="Adhérents", transliterate=True)
    )
    assert (after.ucs2_messages, after.total_parts) == (0, 10)
    assert after.transliterated_parts is None  # nothing more to gain
    assert all(sample.parts == 1 for sample in after.samples)


def test_the_campaign_sends_the_transliterated_names_only(services: Services) -> None:
    _list(services)
    created = services.campaigns.create(
        CampaignRequest(body=BODY, list_name="Adhérents", transliterate=True)
    )
    assert (created.messages, created.total_parts) == (10, 10)
    with services.sessions() as session:
        bodies = {m.receiver: (m.body, m.parts) for m in session.scalars(select(Message))}
    assert bodies["+33612345601"] == (BODY.replace("{prénom}", "Francois"), 1)
    assert bodies["+33612345603"] == (BODY.replace("{prénom}", "Noel"), 1)
    assert bodies["+33612345604"] == (BODY.replace("{prénom}", "Jérome"), 1)
    assert bodies["+33612345606"] == (BODY.replace("{prénom}", "Hélène"), 1)
    # the text the user wrote keeps its own letters (à, é): only merged values change
    assert all("à la mairie est confirmé" in body for body, _ in bodies.values())


def test_one_table_for_the_transliteration() -> None:
    assert replace_typographic("ç œ ê ë î ô û Ç", strip_accents=True) == "c oe e e i o u Ç"
    assert replace_typographic("é è ù à ì ò", strip_accents=True) == "é è ù à ì ò"


def test_editing_the_text_keeps_the_transliterate_choice(services: Services) -> None:
    _list(services)
    later = datetime.now(UTC) + timedelta(days=1)
    created = services.campaigns.create(
        CampaignRequest(body=BODY, list_name="Adhérents", transliterate=True, scheduled_at=later)
    )
    assert services.campaigns.edit_message(created.id, "Salut {prénom} !") == 10
    with services.sessions() as session:
        bodies = set(session.scalars(select(Message.body)))
        assert session.scalar(select(Campaign.transliterate)) is True
    assert "Salut Francois !" in bodies and "Salut Jérome !" in bodies
    assert "Salut François !" not in bodies
    # said otherwise: the names as written, and that choice is kept in turn
    services.campaigns.edit_message(created.id, "Bonne fête {prénom}", transliterate=False)
    services.campaigns.edit_message(created.id, "Re {prénom}")
    with services.sessions() as session:
        bodies = set(session.scalars(select(Message.body)))
    assert "Re François" in bodies


def test_editing_a_campaign_of_two_lists_fills_the_fields_of_both(services: Services) -> None:
    recipients = services.recipients
    recipients.import_text("Nom;Mobile\nAnne;0612345678\nPaul;0623456789\n", list_name="A")
    recipients.import_text("Nom;Mobile\nAnne B;0612345678\nZoé;0781234567\n", list_name="B")
    [b_id] = [c.id for c in services.campaigns.recipient_lists() if c.name == "B"]
    later = datetime.now(UTC) + timedelta(days=1)
    created = services.campaigns.create(
        CampaignRequest(body="Bonjour {nom}", list_name="A", list_ids=(b_id,), scheduled_at=later)
    )
    assert (created.messages, created.duplicates) == (3, 1)
    services.campaigns.edit_message(created.id, "Salut {nom}")
    with services.sessions() as session:
        bodies = dict(session.execute(select(Message.receiver, Message.body)).all())
    assert bodies == {
        "+33612345678": "Salut Anne",  # the first list's name, as when it was created
        "+33623456789": "Salut Paul",
        "+33781234567": "Salut Zoé",
    }
