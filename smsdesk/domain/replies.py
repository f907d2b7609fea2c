"""What a reply means: is it a STOP?"""

from __future__ import annotations

import unicodedata

# First words that unsubscribe (French and English habits); compared without case or accents
STOP_WORDS = frozenset({"STOP", "STOPP", "ARRET", "UNSUBSCRIBE"})


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def is_stop(body: str) -> bool:
    """True when the reply's first word is STOP, STOPP, ARRET / ARRÊT or UNSUBSCRIBE (any
    case, accents optional, punctuation around it ignored): "Stop.", "arrêt merci"."""
    words = body.split()
    if not words:
        return False
    first = words[0].strip(".,;:!?()[]\"'«»-*")
    return _plain(first) in STOP_WORDS
