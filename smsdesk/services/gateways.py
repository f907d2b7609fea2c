"""Gateway settings and status: which gateway sends, its settings, what it can do.

Qt-free, for Preferences, the status bar, the command line and the app wiring. Every
gateway is described by its `GatewaySpec` (providers/spec.py, listed in
providers/registry.py): this service reads and writes the spec's fields, builds the
provider with the spec's factory and tests it with the spec's connection test, so
nothing here names a particular gateway except the typed OVH/SMPP helpers at the end.

Where each value lives:
- non-secret fields in the `setting` table, under `gateway.<gateway>.<field>`;
- secret fields in the OS keyring (providers/secrets.py), never in the database;
- the environment variable a field names wins over both, so a headless server or a
  machine without a keyring is configured the python-ovh way.

Providers: `shared(name)` is THE cache (one provider per gateway, thread-safe) for the
services (campaigns, recipients, history, replies, the status bar); `provider(name)`
gives a new one with its own connections, for each dispatcher. Both follow the settings:
after a save, the next call rebuilds the provider from the new values.
"""

from __future__ import annotations

import enum
import logging
import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smsdesk.providers import registry, secrets
from smsdesk.providers.base import (
    BulkReceipts,
    Capability,
    Estimate,
    GatewayRefusal,
    IncomingSms,
    NumberCheck,
    OutgoingSms,
    PermanentError,
    Provider,
    ProviderError,
    PushedReceipt,
    PushesReceipts,
    PushesReplies,
    Receipt,
    ReceiptSink,
    Replies,
    ReplySink,
    SenderInfo,
    SentRecord,
    SubmitResult,
)
from smsdesk.providers.registry import PROVIDER_NAMES, UnknownProviderError
from smsdesk.providers.spec import (
    TRANSLATION_CONTEXT,
    ActionResult,
    BuildContext,
    ConfigField,
    FieldKind,
    GatewaySpec,
)

if TYPE_CHECKING:
    from smsdesk.providers.ovh import OvhConfig
    from smsdesk.providers.smpp import SmppConfig
    from smsdesk.services.settings import SettingsService

log = logging.getLogger(__name__)

# re-exported: the window builds its gateway forms from these (ui imports services only)
__all__ = [
    "PROVIDER_NAMES",
    "TRANSLATION_CONTEXT",
    "ActionResult",
    "Capability",
    "ConfigField",
    "FieldKind",
    "GatewaySpec",
    "UnknownProviderError",
]

ENV_PROVIDER = "SMSDESK_PROVIDER"
KEY_PROVIDER = "gateway.provider"
KEY_OVH_ENDPOINT = "gateway.ovh.endpoint"
KEY_OVH_APPLICATION_KEY = "gateway.ovh.application_key"
KEY_OVH_SERVICE = "gateway.ovh.service"
KEY_SMPP_HOST = "gateway.smpp.host"
KEY_SMPP_PORT = "gateway.smpp.port"
KEY_SMPP_SYSTEM_ID = "gateway.smpp.system_id"
DEFAULT_OVH_ENDPOINT = "ovh-eu"
DEFAULT_SMPP_PORT = 2775
OVH_ENDPOINT_NAMES = ("ovh-eu", "ovh-ca", "ovh-us", "kimsufi-eu", "kimsufi-ca")


def rate_key(name: str) -> str:
    return f"gateway.{name}.rate"


class GatewaySettingsError(ValueError):
    """A value typed in Preferences is not usable: `field` names it (its label), and the
    message says why (it names no secret)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class Source(enum.Enum):
    """Where a setting's value comes from."""

    ENVIRONMENT = "environment"
    SETTINGS = "settings"
    KEYRING = "keyring"
    MISSING = "missing"


@dataclass(frozen=True)
class GatewayInfo:
    name: str
    label: str
    capabilities: frozenset[Capability]


@dataclass(frozen=True)
class FieldState:
    """What Preferences shows for one field: a secret's value is never read back."""

    name: str
    value: str  # "" for a secret
    source: Source


@dataclass(frozen=True)
class KeyringStatus:
    available: bool
    backend: str  # the keyring backend's class name, e.g. "SecretService Keyring"
    advice: str  # what to do when secrets cannot be kept here ("" when they can)


@dataclass(frozen=True)
class OvhSettings:
    """What Settings shows for OVH. Secrets appear only as where they come from."""

    endpoint: str = DEFAULT_OVH_ENDPOINT
    application_key: str = ""
    service: str = ""
    rate_per_second: float | None = None
    application_secret: Source = Source.MISSING
    consumer_key: Source = Source.MISSING
    from_environment: frozenset[str] = frozenset()  # variables that override Settings

    @property
    def complete(self) -> bool:
        return bool(
            self.endpoint
            and self.application_key
            and self.service
            and self.application_secret is not Source.MISSING
            and self.consumer_key is not Source.MISSING
        )


@dataclass(frozen=True)
class OvhForm:
    """OVH values as typed in Settings. An empty secret keeps the stored one."""

    endpoint: str
    application_key: str
    service: str = ""
    application_secret: str = field(default="", repr=False)
    consumer_key: str = field(default="", repr=False)
    rate_per_second: float | None = None


@dataclass(frozen=True)
class SmppSettings:
    host: str = ""
    port: int = DEFAULT_SMPP_PORT
    system_id: str = ""
    rate_per_second: float | None = None
    password: Source = Source.MISSING
    from_environment: frozenset[str] = frozenset()

    @property
    def complete(self) -> bool:
        return bool(self.host and self.system_id and self.password is not Source.MISSING)


@dataclass(frozen=True)
class SmppForm:
    host: str
    port: int
    system_id: str
    password: str = field(default="", repr=False)
    rate_per_second: float | None = None


@dataclass(frozen=True)
class SaveReport:
    """What `save` did: secrets that could not be kept (no keyring) go by environment."""

    not_stored: tuple[str, ...] = ()  # environment variable names to set instead
    shadowed: tuple[str, ...] = ()  # saved, but an environment variable overrides them
    not_stored_fields: tuple[str, ...] = ()  # the same, as field labels (for the window)
    shadowed_fields: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """For the command line (which names the variables to set)."""
        lines = []
        if self.not_stored:
            lines.append(
                "No keyring on this system: set "
                + ", ".join(self.not_stored)
                + " in the environment before starting smsdesk."
            )
        if self.shadowed:
            lines.append("Saved, but the environment overrides: " + ", ".join(self.shadowed) + ".")
        return " ".join(lines) or "Saved."


@dataclass(frozen=True)
class ConnectionReport:
    ok: bool
    message: str
    credits_left: float | None = None
    senders: tuple[SenderInfo, ...] = ()


@dataclass(frozen=True)
class ConsumerKeyRequest:
    """An OVH consumer key waiting for the user to validate it at `validation_url`."""

    validation_url: str
    consumer_key: str = field(repr=False)


def spec_of(name: str) -> GatewaySpec:
    """The spec of gateway `name`; raises UnknownProviderError."""
    return registry.spec(name)


def capabilities_of(name: str) -> frozenset[Capability]:
    """What gateway `name` can do, without connecting to it."""
    return registry.spec(name).capabilities


def keyring_status() -> KeyringStatus:
    available = secrets.keyring_available()
    try:
        import keyring

        backend = str(getattr(keyring.get_keyring(), "name", type(keyring.get_keyring()).__name__))
    except Exception:  # a broken keyring setup: report it as absent
        backend = "none"
    advice = ""
    if not available:
        advice = (
            "No keyring was found on this system, so passwords and keys cannot be saved "
            "here; the other fields can. See the README to give them to smsdesk at start."
        )
    return KeyringStatus(available, backend, advice)


def _parse_rate(text: str | None) -> float | None:
    if not text:
        return None
    try:
        rate = float(text)
    except ValueError:
        return None
    return rate if rate > 0 else None


def _rate_text(rate: float | None) -> str:
    return f"{rate:g}" if rate else ""


class GatewayService:
    def __init__(self, preferences: SettingsService, *, data_dir: Path) -> None:
        self._preferences = preferences
        self._context = BuildContext(data_dir=data_dir)
        self._generation = 0  # bumped by every save: open providers rebuild themselves
        self._lock = threading.Lock()
        self._shared: dict[str, LiveProvider] = {}  # THE provider cache of the services

    # -- which gateway ---------------------------------------------------------------

    @staticmethod
    def specs() -> list[GatewaySpec]:
        return registry.specs()

    @staticmethod
    def spec(name: str) -> GatewaySpec:
        """One gateway's spec (only its module is imported)."""
        return registry.spec(name)

    @staticmethod
    def gateways() -> list[GatewayInfo]:
        return [GatewayInfo(s.name, s.label, s.capabilities) for s in registry.specs()]

    @staticmethod
    def provider_from_environment() -> str | None:
        """SMSDESK_PROVIDER when set: it wins over the choice saved in Settings."""
        return os.environ.get(ENV_PROVIDER) or None

    def default_provider(self) -> str:
        """The gateway new campaigns use: SMSDESK_PROVIDER, else Settings, else simulator."""
        chosen = self.provider_from_environment() or self._preferences.get(KEY_PROVIDER)
        return chosen if chosen in PROVIDER_NAMES else "simulator"

    def choose(self, name: str) -> None:
        registry.spec(name)  # raises UnknownProviderError
        self._preferences.set(KEY_PROVIDER, name)

    @property
    def generation(self) -> int:
        return self._generation

    # -- providers -------------------------------------------------------------------

    def provider(self, name: str) -> LiveProvider:
        """A new provider for gateway `name`, with its own connections (one per
        dispatcher); it follows later saves. The caller closes it."""
        registry.spec(name)
        return LiveProvider(name, self)

    def shared(self, name: str) -> LiveProvider:
        """THE provider of gateway `name` for the services (estimates, senders, credits,
        cancellations, number checks, remote deletion, replies): one per gateway, safe to
        use from several threads; its `close()` is left to `GatewayService.close`."""
        with self._lock:
            live = self._shared.get(name)
            if live is None:
                registry.spec(name)
                live = self._shared[name] = LiveProvider(name, self, shared=True)
            return live

    def build(self, name: str) -> Provider:
        """A provider built now from the environment, Settings and the keyring."""
        spec = registry.spec(name)
        provider = spec.factory(self.resolve(name), self._context)
        provider.rate_per_second = self.rate_per_second(name)
        return provider

    def configuration_problem(self, name: str) -> str | None:
        """Why gateway `name` cannot be used with the settings as they are now (one line,
        naming what is missing, never a secret), or None. No network call."""
        spec = registry.spec(name)
        try:
            self.resolve(name)
        except PermanentError as exc:
            return f"the {spec.short_label or name} gateway is not configured: {exc}"
        return None

    def rate_per_second(self, name: str) -> float | None:
        return _parse_rate(self._preferences.get(rate_key(name)))

    def credits_left(self, name: str) -> float | None:
        """Credits left at the gateway; None when it has no such notion."""
        if Capability.CREDITS not in capabilities_of(name):
            return None
        return self.shared(name).credits_left()

    def senders(self, name: str) -> list[SenderInfo]:
        if Capability.SENDERS not in capabilities_of(name):
            return []
        return self.shared(name).senders()

    def close(self) -> None:
        with self._lock:
            shared, self._shared = self._shared, {}
        for live in shared.values():
            live.close_connections()

    # -- the spec's fields -----------------------------------------------------------

    def field_states(self, name: str) -> list[FieldState]:
        """Every field of gateway `name` as Preferences shows it."""
        spec = registry.spec(name)
        states = []
        for config_field in spec.fields:
            if config_field.secret:
                states.append(FieldState(config_field.name, "", self._secret_source(config_field)))
            else:
                value, source = self._stored(spec, config_field)
                states.append(FieldState(config_field.name, value or config_field.default, source))
        return states

    def resolve(
        self, name: str, typed: Mapping[str, str] | None = None, *, require: bool = True
    ) -> dict[str, str]:
        """The values of gateway `name`'s fields (secrets included): `typed` as typed in
        Preferences (an empty secret: the stored one), else the stored ones; defaults
        filled. Raises GatewayRefusal naming what is missing or wrong, never a value."""
        spec = registry.spec(name)
        values: dict[str, str] = {}
        for config_field in spec.fields:
            if config_field.secret:
                value = (typed or {}).get(config_field.name, "")
                if not value and config_field.env:
                    value = secrets.get_secret(config_field.env) or ""
            elif typed is not None and config_field.name in typed:
                value = typed[config_field.name].strip()
            else:
                value = self._stored(spec, config_field)[0]
            values[config_field.name] = value or config_field.default
        if require:
            missing = [f.env or f.label for f in spec.fields if f.required and not values[f.name]]
            if missing:
                raise GatewayRefusal(
                    f"{spec.short_label or name} settings missing: " + ", ".join(missing)
                )
            for config_field in spec.fields:
                problem = config_field.problem(values[config_field.name])
                if problem:
                    raise GatewayRefusal(f"{config_field.label}: {problem}")
        return values

    def problems(self, name: str, typed: Mapping[str, str]) -> list[GatewaySettingsError]:
        """What is wrong with the values typed for gateway `name`, each naming its field
        by label (a required secret may be left empty when one is stored)."""
        spec = registry.spec(name)
        found = []
        for config_field in spec.fields:
            text = typed.get(config_field.name, "")
            text = text if config_field.secret else text.strip()
            problem = config_field.problem(text)
            if problem:
                found.append(
                    GatewaySettingsError(f"{config_field.label}: {problem}", config_field.label)
                )
        return found

    def save(self, name: str, typed: Mapping[str, str]) -> SaveReport:
        """Store the fields of gateway `name` as typed (secrets to the keyring; an empty
        secret keeps the stored one). Raises GatewaySettingsError naming the field."""
        spec = registry.spec(name)
        problems = self.problems(name, typed)
        if problems:
            raise problems[0]
        typed_secrets: dict[ConfigField, str] = {}
        for config_field in spec.fields:
            if config_field.name not in typed:
                continue
            if config_field.secret:
                typed_secrets[config_field] = typed[config_field.name]
                continue
            text = typed[config_field.name].strip() or config_field.default
            self._preferences.set(spec.setting_key(config_field.name), text or None)
        not_stored: list[ConfigField] = []
        for config_field, value in typed_secrets.items():
            if not value:
                continue
            try:
                secrets.set_secret(config_field.env, value)
            except secrets.SecretStoreError:
                not_stored.append(config_field)
        shadowed = [
            f
            for f, v in typed_secrets.items()
            if v and f not in not_stored and f.env and os.environ.get(f.env)
        ]
        self._generation += 1
        return SaveReport(
            tuple(f.env for f in not_stored),
            tuple(f.env for f in shadowed),
            tuple(f.label for f in not_stored),
            tuple(f.label for f in shadowed),
        )

    def test(self, name: str, typed: Mapping[str, str] | None = None) -> ConnectionReport:
        """Build gateway `name` from `typed` (or the saved settings) and ask it for its
        credits and senders; never raises for a gateway's answer."""
        spec = registry.spec(name)

        def opened() -> Provider:
            provider = spec.factory(self.resolve(name, typed), self._context)
            if spec.connection_test is not None:
                try:
                    spec.connection_test(provider)
                except BaseException:
                    provider.close()
                    raise
            return provider

        return self._test_provider(opened)

    def test_connection(self, name: str) -> ConnectionReport:
        """Try the saved settings of gateway `name`."""
        return self.test(name)

    def run_action(self, name: str, action: str, typed: Mapping[str, str]) -> ActionResult:
        """Run the spec's action (e.g. OVH's consumer key) on the values as typed."""
        spec = registry.spec(name)
        chosen = next((a for a in spec.actions if a.name == action), None)
        if chosen is None:
            raise KeyError(action)
        return chosen.run(self.resolve(name, typed, require=False))

    def save_rate(self, name: str, rate_per_second: float | None) -> None:
        registry.spec(name)
        self._preferences.set(rate_key(name), _rate_text(rate_per_second) or None)
        self._generation += 1

    # -- value lookup ----------------------------------------------------------------

    def _stored(self, spec: GatewaySpec, config_field: ConfigField) -> tuple[str, Source]:
        env = config_field.env
        from_env = os.environ.get(env) if env else None
        if from_env:
            return from_env, Source.ENVIRONMENT
        stored = self._preferences.get(spec.setting_key(config_field.name))
        if stored:
            return stored, Source.SETTINGS
        # values entered before Settings kept them in the database
        from_keyring = secrets.get_secret(env) if env else None
        if from_keyring:
            return from_keyring, Source.KEYRING
        return "", Source.MISSING

    @staticmethod
    def _secret_source(config_field: ConfigField) -> Source:
        if config_field.env and os.environ.get(config_field.env):
            return Source.ENVIRONMENT
        stored = secrets.get_secret(config_field.env) if config_field.env else None
        return Source.KEYRING if stored else Source.MISSING

    @staticmethod
    def overridden(name: str) -> frozenset[str]:
        """The fields of gateway `name` an environment variable sets (field names)."""
        return frozenset(
            f.name for f in registry.spec(name).fields if f.env and os.environ.get(f.env)
        )

    # -- typed helpers for OVH and SMPP (tests, scripts) -----------------------------

    def _legacy(self, name: str) -> tuple[dict[str, FieldState], frozenset[str]]:
        states = {s.name: s for s in self.field_states(name)}
        spec = registry.spec(name)
        env = frozenset(spec.field(n).env for n in self.overridden(name))
        return states, env

    def ovh_settings(self) -> OvhSettings:
        states, env = self._legacy("ovh")
        return OvhSettings(
            endpoint=states["endpoint"].value or DEFAULT_OVH_ENDPOINT,
            application_key=states["application_key"].value,
            service=states["service"].value,
            rate_per_second=self.rate_per_second("ovh"),
            application_secret=states["application_secret"].source,
            consumer_key=states["consumer_key"].source,
            from_environment=env,
        )

    @staticmethod
    def _ovh_typed(form: OvhForm) -> dict[str, str]:
        return {
            "endpoint": form.endpoint,
            "application_key": form.application_key,
            "application_secret": form.application_secret,
            "consumer_key": form.consumer_key,
            "service": form.service,
            "rate": _rate_text(form.rate_per_second),
        }

    def ovh_config(self, form: OvhForm | None = None, **overrides: Any) -> OvhConfig:
        """The OVH configuration of `form` (empty secrets: the stored ones), or of the
        saved settings. Raises PermanentError naming what is missing."""
        from smsdesk.providers.ovh import OvhConfig

        values = self.resolve("ovh", self._ovh_typed(form) if form else None)
        return OvhConfig(
            endpoint=values["endpoint"],
            application_key=values["application_key"],
            application_secret=values["application_secret"],
            consumer_key=values["consumer_key"],
            service=values["service"],
            **overrides,
        )

    def save_ovh(self, form: OvhForm) -> SaveReport:
        return self.save("ovh", self._ovh_typed(form))

    def test_ovh(self, form: OvhForm) -> ConnectionReport:
        return self.test("ovh", self._ovh_typed(form))

    def request_consumer_key(self, form: OvhForm) -> ConsumerKeyRequest:
        result = self.run_action("ovh", "consumer_key", self._ovh_typed(form))
        return ConsumerKeyRequest(result.open_url, result.values["consumer_key"])

    def ovh_services(self, form: OvhForm) -> list[str]:
        """The SMS accounts the credentials of `form` reach (the service may be empty)."""
        return list(self.run_action("ovh", "accounts", self._ovh_typed(form)).choices["service"])

    def smpp_settings(self) -> SmppSettings:
        states, env = self._legacy("smpp")
        try:
            port = int(states["port"].value or DEFAULT_SMPP_PORT)
        except ValueError:
            port = DEFAULT_SMPP_PORT
        return SmppSettings(
            host=states["host"].value,
            port=port,
            system_id=states["system_id"].value,
            rate_per_second=self.rate_per_second("smpp"),
            password=states["password"].source,
            from_environment=env,
        )

    @staticmethod
    def _smpp_typed(form: SmppForm) -> dict[str, str]:
        return {
            "host": form.host,
            "port": str(form.port),
            "system_id": form.system_id,
            "password": form.password,
            "rate": _rate_text(form.rate_per_second),
        }

    def smpp_config(self, form: SmppForm | None = None, **overrides: Any) -> SmppConfig:
        from smsdesk.providers.smpp import SmppConfig

        values = self.resolve("smpp", self._smpp_typed(form) if form else None)
        return SmppConfig(
            host=values["host"],
            port=int(values["port"]),
            system_id=values["system_id"],
            password=values["password"],
            **overrides,
        )

    def save_smpp(self, form: SmppForm) -> SaveReport:
        return self.save("smpp", self._smpp_typed(form))

    def test_smpp(self, form: SmppForm) -> ConnectionReport:
        return self.test("smpp", self._smpp_typed(form))

    # -- connection test -------------------------------------------------------------

    @staticmethod
    def _test_provider(open_provider: Callable[[], Provider]) -> ConnectionReport:
        try:
            provider = open_provider()
        except (ProviderError, ValueError) as exc:
            return ConnectionReport(False, str(exc))
        try:
            credits = None
            senders: tuple[SenderInfo, ...] = ()
            if Capability.CREDITS in provider.capabilities:
                credits = provider.credits_left()
            if Capability.SENDERS in provider.capabilities:
                senders = tuple(provider.senders())
        except (ProviderError, ValueError) as exc:
            return ConnectionReport(False, str(exc))
        finally:
            provider.close()
        words = "Connection works"
        if credits is not None:
            words += f": {credits:g} credits left"
        return ConnectionReport(True, words, credits, senders)


class LiveProvider:
    """A Provider that follows the settings: after a save, the next call builds the
    gateway again from the new values (the old one is closed once no call uses it)."""

    def __init__(self, name: str, gateways: GatewayService, *, shared: bool = False) -> None:
        self.name = name
        self.capabilities = capabilities_of(name)
        self._gateways = gateways
        self._shared = shared  # GatewayService.shared's: only the service closes it
        self._lock = threading.Lock()
        self._current: Provider | None = None
        self._built_at = -1  # the settings generation it was built from
        self._rate: float | None = None
        self._rate_set = False  # True: set by the caller, the settings no longer apply
        self._max_batch: int | None = None
        self._busy: dict[int, int] = {}  # id(provider) -> calls in progress
        self._retired: list[Provider] = []
        self._receipt_sink: ReceiptSink | None = None
        self._reply_sink: ReplySink | None = None

    # -- plumbing --------------------------------------------------------------------

    def _fresh(self) -> Provider:
        """The provider for the current settings (built on first use or after a save)."""
        with self._lock:
            if self._current is not None and self._built_at == self._gateways.generation:
                return self._current
            generation = self._gateways.generation
            built = self._gateways.build(self.name)  # may raise: nothing is kept then
            if self._receipt_sink is not None and isinstance(built, PushesReceipts):
                built.set_receipt_sink(self._receipt_sink)
            if self._reply_sink is not None and isinstance(built, PushesReplies):
                built.set_reply_sink(self._reply_sink)
            old, self._current, self._built_at = self._current, built, generation
            if self._rate_set:
                built.rate_per_second = self._rate
            else:
                self._rate = built.rate_per_second
            if old is not None:
                self._retired.append(old)
            idle = [p for p in self._retired if not self._busy.get(id(p))]
            self._retired = [p for p in self._retired if self._busy.get(id(p))]
        for provider in idle:
            provider.close()
        return built

    @contextmanager
    def _using(self) -> Iterator[Provider]:
        provider = self._fresh()
        with self._lock:
            self._busy[id(provider)] = self._busy.get(id(provider), 0) + 1
        try:
            yield provider
        finally:
            close = False
            with self._lock:
                left = self._busy[id(provider)] - 1
                if left:
                    self._busy[id(provider)] = left
                else:
                    del self._busy[id(provider)]
                    if provider in self._retired:
                        self._retired.remove(provider)
                        close = True
            if close:
                provider.close()

    # -- receipts pushed by the gateway (PushesReceipts, when the gateway does) --------

    def set_receipt_sink(self, sink: ReceiptSink | None) -> None:
        with self._lock:
            self._receipt_sink = sink
            current = self._current
        if current is not None and isinstance(current, PushesReceipts):
            current.set_receipt_sink(sink)

    def set_reply_sink(self, sink: ReplySink | None) -> None:
        """Replies pushed by the gateway (PushesReplies) go here before it is answered."""
        with self._lock:
            self._reply_sink = sink
            current = self._current
        if current is not None and isinstance(current, PushesReplies):
            current.set_reply_sink(sink)

    def remember_receipts(self, receipts: Sequence[PushedReceipt]) -> None:
        with self._using() as provider:
            if isinstance(provider, PushesReceipts):
                provider.remember_receipts(receipts)

    def part_refs(self, provider_ref: str) -> list[str]:
        provider = self._fresh()
        if isinstance(provider, PushesReceipts):
            return provider.part_refs(provider_ref)
        return [provider_ref]

    @property
    def provider(self) -> Provider:
        """The provider behind (built now if needed), e.g. for SmppProvider.wait_bound."""
        return self._fresh()

    @property
    def max_batch(self) -> int:
        return self._max_batch or self._fresh().max_batch

    @max_batch.setter
    def max_batch(self, value: int) -> None:
        self._max_batch = value

    @property
    def rate_per_second(self) -> float | None:
        """The limit saved in Settings (or set here), without connecting to the gateway."""
        if self._rate_set:
            return self._rate
        if self._built_at != self._gateways.generation:
            return self._gateways.rate_per_second(self.name)
        return self._rate

    @rate_per_second.setter
    def rate_per_second(self, value: float | None) -> None:
        self._rate, self._rate_set = value, True

    # -- Provider --------------------------------------------------------------------

    def submit(
        self,
        batch: Sequence[OutgoingSms],
        *,
        batch_ref: str,
        deferred_until: datetime | None = None,
    ) -> list[SubmitResult]:
        with self._using() as provider:
            return provider.submit(batch, batch_ref=batch_ref, deferred_until=deferred_until)

    def reconcile(self, batch: Sequence[OutgoingSms], *, batch_ref: str) -> list[SentRecord]:
        with self._using() as provider:
            return provider.reconcile(batch, batch_ref=batch_ref)

    def poll_receipts(self, provider_refs: Sequence[str]) -> list[Receipt]:
        with self._using() as provider:
            return provider.poll_receipts(provider_refs)

    def poll_receipts_bulk(
        self, refs_by_batch: Mapping[str, Sequence[str]], *, sent_since: datetime | None = None
    ) -> list[Receipt]:
        """BulkReceipts when the gateway has it (RECEIPTS_BULK), else one ref at a time."""
        with self._using() as provider:
            if isinstance(provider, BulkReceipts):
                return provider.poll_receipts_bulk(refs_by_batch, sent_since=sent_since)
            return provider.poll_receipts([r for refs in refs_by_batch.values() for r in refs])

    def fetch_replies(
        self, since: datetime | None, *, known: Callable[[str], bool] | None = None
    ) -> list[IncomingSms]:
        """Replies (REPLIES); a gateway that cannot tell has none."""
        with self._using() as provider:
            if isinstance(provider, Replies):
                return provider.fetch_replies(since, known=known)
            return []

    def cancel_deferred(self, provider_refs: Sequence[str]) -> None:
        with self._using() as provider:
            provider.cancel_deferred(provider_refs)

    def senders(self) -> list[SenderInfo]:
        with self._using() as provider:
            return provider.senders()

    def credits_left(self) -> float | None:
        with self._using() as provider:
            return provider.credits_left()

    def estimate(self, body: str, *, commercial: bool) -> Estimate:
        with self._using() as provider:
            return provider.estimate(body, commercial=commercial)

    def check_numbers(self, numbers: Sequence[str]) -> list[NumberCheck]:
        with self._using() as provider:
            return provider.check_numbers(numbers)

    def delete_remote(self, provider_refs: Sequence[str]) -> None:
        with self._using() as provider:
            provider.delete_remote(provider_refs)

    def close(self) -> None:
        """Close the connections; a shared provider is closed by GatewayService.close."""
        if not self._shared:
            self.close_connections()

    def close_connections(self) -> None:
        with self._lock:
            providers = [*self._retired, *([self._current] if self._current else [])]
            self._retired, self._current, self._built_at = [], None, -1
        for provider in providers:
            provider.close()
