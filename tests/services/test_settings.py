from datetime import time

from smsdesk.app import Services, build_services
from smsdesk.domain.sending_window import COMMERCIAL_FR, SendingWindow
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.settings import KEY_COMMERCIAL_WINDOW, SendPreferences


def test_defaults_then_saved_preferences_survive_a_restart(services: Services, db_url: str):
    assert services.preferences.preferences() == SendPreferences()
    window = SendingWindow(start=time(9, 0), end=time(19, 0), weekdays={0, 1, 2, 3, 4})
    services.preferences.save_preferences(
        SendPreferences(
            commercial_window=window,
            default_sender="MAIRIE",
            region="BE",
            test_number="+33612345678",
        )
    )
    reopened = build_services(db_url)
    prefs = reopened.preferences.preferences()
    assert prefs.commercial_window == window
    assert (prefs.default_sender, prefs.region, prefs.test_number) == (
        "MAIRIE",
        "BE",
        "+33612345678",
    )
    # campaigns take the commercial window from Settings
    preview = reopened.campaigns.preview(
        CampaignRequest(body="x", receivers=["0612345678"], commercial=True)
    )
    assert preview.window == window
    reopened.close()


def test_unreadable_window_falls_back_to_the_legal_default(services: Services):
    services.preferences.set(KEY_COMMERCIAL_WINDOW, "{not json")
    assert services.preferences.commercial_window() == COMMERCIAL_FR
    services.preferences.set(KEY_COMMERCIAL_WINDOW, None)
    assert services.preferences.get(KEY_COMMERCIAL_WINDOW) is None


def test_language_and_time_zone_are_kept(services: Services, db_url: str):
    assert (services.preferences.preferences().language, SendPreferences().time_zone) == ("", "")
    services.preferences.save_preferences(
        SendPreferences(language="en", time_zone="America/Martinique", region="MQ")
    )
    reopened = build_services(db_url)
    prefs = reopened.preferences.preferences()
    assert (prefs.language, prefs.time_zone, prefs.region) == ("en", "America/Martinique", "MQ")
    reopened.close()
