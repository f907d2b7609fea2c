"""How fast message_info counts 160-character messages.

Generates 1,000,000 varied 160-character messages (mostly GSM-7 French with accents, some with
extension characters, some UCS-2 with typographic quotes or emoji), counts each one (a quarter
with the STOP clause) and prints JSON: {"messages", "seconds", "per_second", "mix"}.
Only the counting is timed; messages are built in batches so memory stays small.

Run: .venv/bin/python benchmarks/message_info.py [--messages N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import time

from smsdesk.domain.encoding import Encoding, message_info

LENGTH = 160
BATCH = 50_000

FRENCH_TEXT = (
    "bonjour votre rendez-vous chez le médecin est confirmé pour demain à 10h merci de "
    "prévenir en cas d'absence répondez OUI pour confirmer la livraison de votre colis "
    "aura lieu entre 8h et 12h soldes jusqu'à -50% sur toute la boutique ce week-end "
    "code promo valable dès aujourd'hui où que vous soyez élève après-midi réunion"
)
ASCII_TEXT = (
    "your order has shipped track it online reply STOP to opt out meeting moved to 3pm "
    "the code is valid until Sunday call us back at your convenience thanks"
)
FRENCH_WORDS = FRENCH_TEXT.split()
ASCII_WORDS = ASCII_TEXT.split()
EXTENSION_BITS = ["5€", "[info]", "{code}", "a|b", "~", "^", "\\", "20€ offerts"]
UCS2_BITS = ["l’équipe", "« offre »", "fête", "ça", "œuvre", "…", "\U0001f600", "très bientôt"]


def _sentence(rng: random.Random, words: list[str], extras: list[str], extra_rate: float) -> str:
    pieces: list[str] = []
    size = 0
    while size < LENGTH + 20:
        word = rng.choice(extras) if extras and rng.random() < extra_rate else rng.choice(words)
        pieces.append(word)
        size += len(word) + 1
    return " ".join(pieces)[:LENGTH]


def make_message(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.55:  # French, accents of the GSM-7 set
        return _sentence(rng, FRENCH_WORDS, [], 0.0)
    if kind < 0.70:  # plain ASCII
        return _sentence(rng, ASCII_WORDS, [], 0.0)
    if kind < 0.85:  # extension characters
        return _sentence(rng, FRENCH_WORDS, EXTENSION_BITS, 0.15)
    return _sentence(rng, FRENCH_WORDS, UCS2_BITS, 0.1)  # UCS-2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    seconds = 0.0
    counted = 0
    ucs2 = 0
    multipart = 0
    while counted < args.messages:
        batch = [make_message(rng) for _ in range(min(BATCH, args.messages - counted))]
        stop_flags = [i % 4 == 0 for i in range(len(batch))]
        started = time.perf_counter()
        infos = [
            message_info(text, stop_clause=stop)
            for text, stop in zip(batch, stop_flags, strict=True)
        ]
        seconds += time.perf_counter() - started
        counted += len(batch)
        ucs2 += sum(info.encoding is Encoding.UCS2 for info in infos)
        multipart += sum(info.segments > 1 for info in infos)

    print(
        json.dumps(
            {
                "messages": counted,
                "seconds": round(seconds, 3),
                "per_second": round(counted / seconds),
                "mix": {"ucs2": ucs2, "multipart": multipart},
            }
        )
    )


if __name__ == "__main__":
    main()
