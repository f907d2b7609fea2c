"""The operator check (HLR): ask the networks whether each number of a list is reachable,
and by which operator, at a price said first (quote_check); the user then chooses what is
removed (check_list with remove_unreachable=False, then remove_contacts)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from smsdesk.providers.base import Capability, NumberCheck, Provider
from smsdesk.services.cancellation import raise_if_cancelled as _check
from smsdesk.services.recipient_import import Progress, RecipientsError

# NumberCheck re-exported: the window reads answers through services, not providers
__all__ = ["NumberCheck"]

HLR_CREDITS_PER_NUMBER = 0.1  # OVH's price of one operator look-up
CHECK_BATCH = 100  # numbers per operator check call


class _ListInfo(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def contacts(self) -> int: ...


class Lists(Protocol):
    """What the check needs of the lists (RecipientService)."""

    def get_list(self, list_id: int) -> _ListInfo: ...
    def numbers_of(self, list_id: int) -> list[str]: ...
    def remove_contacts(self, list_id: int, numbers: Sequence[str]) -> int: ...


@dataclass(frozen=True)
class CheckQuote:
    """What an operator check of a list would cost, before doing it."""

    list_id: int
    list_name: str
    numbers: int
    credits: float
    provider: str
    supported: bool  # the gateway can do it (Capability.HLR)


@dataclass(frozen=True)
class CheckReport:
    """After an operator check: the numbers no network knows were removed from the list."""

    list_id: int
    checked: int
    reachable: int
    unreachable: tuple[NumberCheck, ...]
    unanswered: int  # the gateway gave no answer (yet): kept
    removed: int
    credits: float
    answers: tuple[NumberCheck, ...] = ()  # every answer, in the list's order


class NumberCheckService:
    def __init__(self, lists: Lists, providers: Callable[[str], Provider] | None) -> None:
        self._lists = lists
        self._providers = providers

    def quote_check(self, list_id: int, provider: str) -> CheckQuote:
        """The cost of checking a list with the networks, without connecting anywhere."""
        from smsdesk.services.gateways import capabilities_of

        info = self._lists.get_list(list_id)
        try:
            supported = Capability.HLR in capabilities_of(provider)
        except ValueError:
            supported = False
        return CheckQuote(
            list_id=list_id,
            list_name=info.name,
            numbers=info.contacts,
            credits=round(info.contacts * HLR_CREDITS_PER_NUMBER, 4),
            provider=provider,
            supported=supported,
        )

    def check_list(
        self,
        list_id: int,
        provider: str,
        *,
        remove_unreachable: bool = True,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> CheckReport:
        """Ask the networks about every number of a list (paid at OVH: see quote_check),
        then remove the numbers that are invalid or that no network can reach.

        A cancel stops asking and removes nothing (the numbers already checked are paid).
        Raises RecipientsError, ProviderError, Cancelled.
        """
        if self._providers is None:
            raise RecipientsError("no gateway is configured")
        gateway = self._providers(provider)
        if Capability.HLR not in gateway.capabilities:
            raise RecipientsError(f"the {provider} gateway cannot check numbers")
        self._lists.get_list(list_id)  # it exists
        numbers = self._lists.numbers_of(list_id)
        answers: dict[str, NumberCheck] = {}
        for start in range(0, len(numbers), CHECK_BATCH):
            _check(cancel)
            batch = numbers[start : start + CHECK_BATCH]
            for check in gateway.check_numbers(batch):
                answers[check.e164] = check
            if progress is not None:
                progress(start + len(batch), len(numbers))
        _check(cancel)
        asked = set(numbers)
        answered = [answers[number] for number in numbers if number in answers]
        unreachable = tuple(c for c in answered if not (c.valid and c.reachable))
        removed = 0
        if remove_unreachable and unreachable:
            removed = self._lists.remove_contacts(list_id, [c.e164 for c in unreachable])
        return CheckReport(
            list_id=list_id,
            checked=len(answered),
            reachable=len(answered) - len(unreachable),
            unreachable=unreachable,
            unanswered=len(asked) - len(answered),
            removed=removed,
            credits=round(len(numbers) * HLR_CREDITS_PER_NUMBER, 4),
            answers=tuple(answered),
        )
