import pytest

from smsdesk.domain.replies import is_stop


@pytest.mark.parametrize(
    "body",
    ["STOP", "stop", "Stop.", " STOPP ", "ARRET", "arrêt merci", "Arrêt!", "UNSUBSCRIBE", "«Stop»"],
)
def test_stop_words(body: str) -> None:
    assert is_stop(body)


@pytest.mark.parametrize("body", ["", "Oui, merci !", "Non stop", "stopper", "ARRETEZ", "STOP1"])
def test_not_stop(body: str) -> None:
    assert not is_stop(body)
