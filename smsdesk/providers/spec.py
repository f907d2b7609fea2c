"""What a gateway is, as data: `GatewaySpec`, the one object services, CLI and UI iterate.

A gateway module (simulator.py, ovh.py, smpp.py, nullgateway.py) ends with `SPEC =
GatewaySpec(...)` and is listed once in `registry.GATEWAY_MODULES`. Everything else
(the choice in Preferences, its form, where each value is stored, the connection test,
the status bar's capabilities, the CLI's --provider choices) reads the spec.

Qt-free: labels are English source strings the UI translates (context "GatewaySpec");
the UI builds its form from the fields.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from smsdesk.providers.base import Capability

if TYPE_CHECKING:
    from smsdesk.providers.base import Provider

TRANSLATION_CONTEXT = "GatewaySpec"  # QCoreApplication.translate context of every label


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for the catalogue, without Qt: pyside6-lupdate reads these calls in
    the gateway modules (so a new gateway's words reach the .ts by themselves); the UI
    translates them with QCoreApplication.translate(TRANSLATION_CONTEXT, text)."""
    return text


class FieldKind(enum.Enum):
    TEXT = "text"
    SECRET = "secret"  # kept in the OS keyring, never in the database nor shown back
    INTEGER = "integer"
    RATE = "rate"  # messages per second, empty or 0: no limit
    CHOICE = "choice"  # free text with suggestions (`choices`)


Validator = Callable[[str], str | None]  # the typed text -> a problem (English) or None


@dataclass(frozen=True)
class ConfigField:
    """One setting of a gateway.

    Stored in the `setting` table under `gateway.<gateway>.<name>`, or in the keyring
    under `env` when secret; the environment variable `env`, when set, wins over both.
    """

    name: str
    label: str  # translatable source ("Application key")
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    env: str = ""  # environment variable that overrides it (and the keyring name)
    default: str = ""
    tooltip: str = ""  # translatable source
    placeholder: str = ""  # an example, not translated
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    minimum: int | None = None  # INTEGER
    maximum: int | None = None  # INTEGER
    validator: Validator | None = None

    @property
    def secret(self) -> bool:
        return self.kind is FieldKind.SECRET

    def problem(self, text: str) -> str | None:
        """What is wrong with `text` for this field (English, naming no value), or None.
        An empty value is judged by `required` elsewhere (a secret may be stored)."""
        if not text:
            return None
        if self.max_length is not None and len(text) > self.max_length:
            return f"longer than {self.max_length} characters"
        if self.kind is FieldKind.INTEGER:
            try:
                number = int(text)
            except ValueError:
                return "not a whole number"
            if (self.minimum is not None and number < self.minimum) or (
                self.maximum is not None and number > self.maximum
            ):
                return f"must be between {self.minimum} and {self.maximum}"
        if self.kind is FieldKind.RATE:
            try:
                rate = float(text)
            except ValueError:
                return "not a number"
            if rate < 0:
                return "cannot be negative"
        if self.validator is not None:
            return self.validator(text)
        return None


RATE_FIELD = ConfigField(
    "rate",
    QT_TRANSLATE_NOOP("GatewaySpec", "Rate limit"),
    FieldKind.RATE,
    tooltip=QT_TRANSLATE_NOOP(
        "GatewaySpec", "At most this many messages per second through this gateway (0: no limit)"
    ),
)


@dataclass(frozen=True)
class BuildContext:
    """What a factory may need besides the values: where smsdesk keeps its files."""

    data_dir: Path


@dataclass(frozen=True)
class ActionResult:
    """What a gateway action gives back to the form."""

    message: str  # English, shown as is (no secret)
    open_url: str = ""  # to open in the browser
    values: Mapping[str, str] = field(default_factory=dict, repr=False)  # fields to fill
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # suggestions


@dataclass(frozen=True)
class GatewayAction:
    """A button of the gateway's form, e.g. OVH's "Create consumer key…"; `run` takes the
    values as typed (secrets left empty are the stored ones) and runs in a worker."""

    name: str
    label: str  # translatable source
    tooltip: str
    run: Callable[[Mapping[str, str]], ActionResult]


@dataclass(frozen=True)
class GatewaySpec:
    name: str  # stored in campaigns and messages: never rename
    label: str  # translatable source ("OVH SMS")
    description: str  # translatable source, one or two sentences for Preferences
    capabilities: frozenset[Capability]
    # values: field name -> text (secrets included, defaults filled, checked present)
    factory: Callable[[Mapping[str, str], BuildContext], Provider]
    fields: tuple[ConfigField, ...] = ()
    # after the factory, before credits and senders are read: e.g. wait for an SMPP bind
    connection_test: Callable[[Provider], None] | None = None
    actions: tuple[GatewayAction, ...] = ()
    short_label: str = ""  # "OVH" in "OVH settings missing: ..."; defaults to name

    def field(self, name: str) -> ConfigField:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)

    @property
    def secret_fields(self) -> tuple[ConfigField, ...]:
        return tuple(f for f in self.fields if f.secret)

    @property
    def needs_secrets(self) -> bool:
        return bool(self.secret_fields)

    def setting_key(self, field_name: str) -> str:
        return f"gateway.{self.name}.{field_name}"
