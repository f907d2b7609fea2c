"""Gateway settings and status: which gateway sends, its credentials, what it can do.

Qt-free, for the Settings page, the status bar, the command line and the app wiring.

Where each value lives:
- non-secret settings (OVH endpoint, application key, SMS account; SMPP host, port,
  system id; rate limits; the chosen gateway) in the `setting` table;
- secrets (OVH application secret and consumer key, SMPP password) in the OS keyring,
  through providers/secrets.py only, never in the database;
- an environment variable of the same name (DESIGN.md) wins over both, so a headless
  server or a machine without a keyring is configured the python-ovh way.

Providers handed out by `provider(name)` follow the settings: once they are saved, the
next call on an already open provider rebuilds it with the new values, so a running
dispatcher picks up corrected credentials without a restart.
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

import keyring

from smsdesk.providers import secrets
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
from smsdesk.providers.registry import PROVIDER_NAMES, UnknownProviderError, make_provider

if TYPE_CHECKING:
    from smsdesk.providers.ovh import OvhConfig
    from smsdesk.providers.smpp import SmppConfig
    from smsdesk.services.settings import SettingsService

log = logging.getLogger(__name__)

ENV_PROVIDER = "SMSDESK_PROVIDER"
KEY_PROVIDER = "gateway.provider"
KEY_OVH_ENDPOINT = "gateway.ovh.endpoint"
KEY_OVH_APPLICATION_KEY = "gateway.ovh.application_key"
KEY_OVH_SERVICE = "gateway.ovh.service"
KEY_SMPP_HOST = "gateway.smpp.host"
KEY_SMPP_PORT = "gateway.smpp.port"
KEY_SMPP_SYSTEM_ID = "gateway.smpp.system_id"

# environment variable -> setting key, for the values that are not secret
SETTING_KEYS: dict[str, str] = {
    "OVH_ENDPOINT": KEY_OVH_ENDPOINT,
    "OVH_APPLICATION_KEY": KEY_OVH_APPLICATION_KEY,
    "SMSDESK_OVH_SERVICE": KEY_OVH_SERVICE,
    "SMSDESK_SMPP_HOST": KEY_SMPP_HOST,
    "SMSDESK_SMPP_PORT": KEY_SMPP_PORT,
    "SMSDESK_SMPP_SYSTEM_ID": KEY_SMPP_SYSTEM_ID,
}
OVH_SECRETS = ("OVH_APPLICATION_SECRET", "OVH_CONSUMER_KEY")
SMPP_SECRETS = ("SMSDESK_SMPP_PASSWORD",)
DEFAULT_OVH_ENDPOINT = "ovh-eu"
DEFAULT_SMPP_PORT = 2775
OVH_ENDPOINT_NAMES = ("ovh-eu", "ovh-ca", "ovh-us", "kimsufi-eu", "kimsufi-ca")
LABELS = {"simulator": "Simulator (no account)", "ovh": "OVH SMS", "smpp": "SMPP 3.4"}
TEST_TIMEOUT = 10.0  # seconds a connection test waits for an SMPP bind


def rate_key(name: str) -> str:
    return f"gateway.{name}.rate"


class GatewaySettingsError(ValueError):
    """A value typed in Settings is not usable (the message names no secret)."""


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
    """What `save_*` did: secrets that could not be kept (no keyring) go by environment."""

    not_stored: tuple[str, ...] = ()  # environment variable names to set instead
    shadowed: tuple[str, ...] = ()  # saved, but an environment variable overrides them

    @property
    def message(self) -> str:
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
    """An OVH consumer key waiting for the user to validate it at `validation_url`.

    It is kept by the Settings page (in memory) and stored when the page is saved.
    """

    validation_url: str
    consumer_key: str = field(repr=False)


def capabilities_of(name: str) -> frozenset[Capability]:
    """What gateway `name` can do, without connecting to it."""
    if name == "simulator":
        from smsdesk.providers.simulator import SimulatorProvider

        return SimulatorProvider.capabilities
    if name == "ovh":
        from smsdesk.providers.ovh import OvhProvider

        return OvhProvider.capabilities
    if name == "smpp":
        from smsdesk.providers.smpp import SmppProvider

        return SmppProvider.capabilities
    raise UnknownProviderError(
        f"unknown provider {name!r} (choose one of: {', '.join(PROVIDER_NAMES)})"
    )


def keyring_status() -> KeyringStatus:
    available = secrets.keyring_available()
    try:
        backend = str(getattr(keyring.get_keyring(), "name", type(keyring.get_keyring()).__name__))
    except Exception:  # a broken keyring setup: report it as absent
        backend = "none"
    advice = ""
    if not available:
        advice = (
            "No keyring backend was found on this system, so passwords and keys cannot be "
            "saved here. Set them as environment variables before starting smsdesk: "
            "OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY for OVH, SMSDESK_SMPP_PASSWORD "
            "for SMPP (the other fields can still be saved here)."
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


class GatewayService:
    def __init__(self, preferences: SettingsService, *, data_dir: Path) -> None:
        self._preferences = preferences
        self._data_dir = data_dir
        self._generation = 0  # bumped by every save: open providers rebuild themselves
        self._lock = threading.Lock()
        self._status: dict[str, LiveProvider] = {}  # for credits and senders

    # -- which gateway ---------------------------------------------------------------

    @staticmethod
    def gateways() -> list[GatewayInfo]:
        return [GatewayInfo(n, LABELS.get(n, n), capabilities_of(n)) for n in PROVIDER_NAMES]

    @staticmethod
    def provider_from_environment() -> str | None:
        """SMSDESK_PROVIDER when set: it wins over the choice saved in Settings."""
        return os.environ.get(ENV_PROVIDER) or None

    def default_provider(self) -> str:
        """The gateway new campaigns use: SMSDESK_PROVIDER, else Settings, else simulator."""
        chosen = self.provider_from_environment() or self._preferences.get(KEY_PROVIDER)
        return chosen if chosen in PROVIDER_NAMES else "simulator"

    def choose(self, name: str) -> None:
        capabilities_of(name)  # raises UnknownProviderError
        self._preferences.set(KEY_PROVIDER, name)

    @property
    def generation(self) -> int:
        return self._generation

    # -- providers -------------------------------------------------------------------

    def provider(self, name: str) -> LiveProvider:
        """Gateway `name` built from the current settings; it follows later changes.

        Each call gives a provider with its own connections (one per dispatcher).
        """
        capabilities_of(name)
        return LiveProvider(name, self)

    def build(self, name: str) -> Provider:
        """A provider built now from the environment, Settings and the keyring."""
        rate = self.rate_per_second(name)
        if name == "ovh":
            from smsdesk.providers.ovh import OvhProvider

            return OvhProvider(self.ovh_config(), rate_per_second=rate)
        if name == "smpp":
            from smsdesk.providers.smpp import SmppProvider

            return SmppProvider(self.smpp_config(), rate_per_second=rate)
        provider = make_provider(name, data_dir=self._data_dir)
        provider.rate_per_second = rate
        return provider

    def configuration_problem(self, name: str) -> str | None:
        """Why gateway `name` cannot be used with the settings as they are now (one line,
        naming what is missing, never a secret), or None. No network call."""
        try:
            if name == "ovh":
                self.ovh_config()
            elif name == "smpp":
                self.smpp_config()
        except PermanentError as exc:
            label = {"ovh": "OVH", "smpp": "SMPP"}.get(name, name)
            return f"the {label} gateway is not configured: {exc}"
        return None

    def rate_per_second(self, name: str) -> float | None:
        return _parse_rate(self._preferences.get(rate_key(name)))

    def _status_provider(self, name: str) -> LiveProvider:
        with self._lock:
            live = self._status.get(name)
            if live is None:
                live = self._status[name] = self.provider(name)
            return live

    def credits_left(self, name: str) -> float | None:
        """Credits left at the gateway; None when it has no such notion."""
        if Capability.CREDITS not in capabilities_of(name):
            return None
        return self._status_provider(name).credits_left()

    def senders(self, name: str) -> list[SenderInfo]:
        if Capability.SENDERS not in capabilities_of(name):
            return []
        return self._status_provider(name).senders()

    def test_connection(self, name: str) -> ConnectionReport:
        """Try the saved settings of gateway `name`."""
        if name == "ovh":
            return self._test_ovh(self.ovh_config)
        if name == "smpp":
            return self._test_smpp(self.smpp_config)
        return self._test_provider(lambda: self.build(name))

    def close(self) -> None:
        with self._lock:
            status, self._status = self._status, {}
        for live in status.values():
            live.close()

    # -- value lookup ----------------------------------------------------------------

    def _value(self, name: str) -> tuple[str, Source]:
        from_env = os.environ.get(name)
        if from_env:
            return from_env, Source.ENVIRONMENT
        stored = self._preferences.get(SETTING_KEYS[name])
        if stored:
            return stored, Source.SETTINGS
        # values entered before Settings kept them in the database
        from_keyring = secrets.get_secret(name)
        if from_keyring:
            return from_keyring, Source.KEYRING
        return "", Source.MISSING

    @staticmethod
    def _secret_source(name: str) -> Source:
        if os.environ.get(name):
            return Source.ENVIRONMENT
        return Source.KEYRING if secrets.get_secret(name) else Source.MISSING

    @staticmethod
    def _overridden(names: Sequence[str]) -> frozenset[str]:
        return frozenset(name for name in names if os.environ.get(name))

    def _save_secrets(self, values: dict[str, str]) -> tuple[list[str], list[str]]:
        """Store the typed secrets; returns (not stored, shadowed by the environment)."""
        not_stored: list[str] = []
        for name, value in values.items():
            if not value:
                continue
            try:
                secrets.set_secret(name, value)
            except secrets.SecretStoreError:
                not_stored.append(name)
        shadowed = [n for n, v in values.items() if v and n not in not_stored and os.environ.get(n)]
        return not_stored, shadowed

    def _saved(self, not_stored: list[str], shadowed: list[str]) -> SaveReport:
        self._generation += 1
        return SaveReport(tuple(not_stored), tuple(shadowed))

    # -- OVH -------------------------------------------------------------------------

    def ovh_settings(self) -> OvhSettings:
        endpoint, _ = self._value("OVH_ENDPOINT")
        application_key, _ = self._value("OVH_APPLICATION_KEY")
        service, _ = self._value("SMSDESK_OVH_SERVICE")
        return OvhSettings(
            endpoint=endpoint or DEFAULT_OVH_ENDPOINT,
            application_key=application_key,
            service=service,
            rate_per_second=self.rate_per_second("ovh"),
            application_secret=self._secret_source("OVH_APPLICATION_SECRET"),
            consumer_key=self._secret_source("OVH_CONSUMER_KEY"),
            from_environment=self._overridden(secrets.OVH_NAMES),
        )

    def _ovh_values(self, form: OvhForm | None, *, need_service: bool) -> dict[str, str]:
        """Endpoint, keys and account of `form` (empty secrets: the stored ones), or of
        the saved settings. Raises PermanentError naming what is missing."""
        from smsdesk.providers.ovh import resolve_endpoint

        if form is None:
            saved = self.ovh_settings()
            endpoint, application_key, service = (
                saved.endpoint,
                saved.application_key,
                saved.service,
            )
            application_secret = consumer_key = ""
        else:
            endpoint, application_key, service = (
                form.endpoint.strip() or DEFAULT_OVH_ENDPOINT,
                form.application_key.strip(),
                form.service.strip(),
            )
            application_secret, consumer_key = form.application_secret, form.consumer_key
        values = {
            "endpoint": endpoint,
            "application_key": application_key,
            "application_secret": application_secret
            or secrets.get_secret("OVH_APPLICATION_SECRET")
            or "",
            "consumer_key": consumer_key or secrets.get_secret("OVH_CONSUMER_KEY") or "",
            "service": service,
        }
        names = {
            "application_key": "OVH_APPLICATION_KEY",
            "application_secret": "OVH_APPLICATION_SECRET",
            "consumer_key": "OVH_CONSUMER_KEY",
            "service": "SMSDESK_OVH_SERVICE",
        }
        missing = [
            env_name
            for key, env_name in names.items()
            if not values[key] and (need_service or key != "service")
        ]
        if missing:
            raise GatewayRefusal("OVH settings missing: " + ", ".join(missing))
        resolve_endpoint(endpoint)
        return values

    def ovh_config(self, form: OvhForm | None = None, **overrides: Any) -> OvhConfig:
        """The OVH configuration of `form` (empty secrets: the stored ones), or of the
        saved settings. Raises PermanentError naming what is missing."""
        from smsdesk.providers.ovh import OvhConfig

        values = self._ovh_values(form, need_service=True)
        return OvhConfig(
            endpoint=values["endpoint"],
            application_key=values["application_key"],
            application_secret=values["application_secret"],
            consumer_key=values["consumer_key"],
            service=values["service"],
            **overrides,
        )

    def save_ovh(self, form: OvhForm) -> SaveReport:
        from smsdesk.providers.ovh import resolve_endpoint

        endpoint = form.endpoint.strip() or DEFAULT_OVH_ENDPOINT
        try:
            resolve_endpoint(endpoint)
        except PermanentError as exc:
            raise GatewaySettingsError(str(exc)) from None
        if form.rate_per_second is not None and form.rate_per_second < 0:
            raise GatewaySettingsError("the rate limit cannot be negative")
        self._preferences.set(KEY_OVH_ENDPOINT, endpoint)
        self._preferences.set(KEY_OVH_APPLICATION_KEY, form.application_key.strip() or None)
        self._preferences.set(KEY_OVH_SERVICE, form.service.strip() or None)
        self._set_rate("ovh", form.rate_per_second)
        not_stored, shadowed = self._save_secrets(
            {
                "OVH_APPLICATION_SECRET": form.application_secret,
                "OVH_CONSUMER_KEY": form.consumer_key,
            }
        )
        return self._saved(not_stored, shadowed)

    def request_consumer_key(self, form: OvhForm) -> ConsumerKeyRequest:
        """Ask OVH for a consumer key with the SMS rights; the user validates it in a
        browser at `validation_url`. Needs the application key and secret."""
        from smsdesk.providers.ovh import request_consumer_key

        application_secret = form.application_secret or secrets.get_secret("OVH_APPLICATION_SECRET")
        if not form.application_key.strip() or not application_secret:
            raise PermanentError("Enter the application key and secret first")
        url, consumer_key = request_consumer_key(
            form.endpoint.strip() or DEFAULT_OVH_ENDPOINT,
            form.application_key.strip(),
            application_secret,
        )
        return ConsumerKeyRequest(url, consumer_key)

    def ovh_services(self, form: OvhForm) -> list[str]:
        """The SMS accounts the credentials of `form` reach (the service may be empty)."""
        from smsdesk.providers.ovh import list_services

        values = self._ovh_values(form, need_service=False)
        return list_services(
            values["endpoint"],
            values["application_key"],
            values["application_secret"],
            values["consumer_key"],
        )

    def test_ovh(self, form: OvhForm) -> ConnectionReport:
        return self._test_ovh(lambda: self.ovh_config(form))

    def _test_ovh(self, config: Callable[[], OvhConfig]) -> ConnectionReport:
        from smsdesk.providers.ovh import OvhProvider

        return self._test_provider(lambda: OvhProvider(config()))

    # -- SMPP ------------------------------------------------------------------------

    def smpp_settings(self) -> SmppSettings:
        host, _ = self._value("SMSDESK_SMPP_HOST")
        port_text, _ = self._value("SMSDESK_SMPP_PORT")
        system_id, _ = self._value("SMSDESK_SMPP_SYSTEM_ID")
        try:
            port = int(port_text) if port_text else DEFAULT_SMPP_PORT
        except ValueError:
            port = DEFAULT_SMPP_PORT
        return SmppSettings(
            host=host,
            port=port,
            system_id=system_id,
            rate_per_second=self.rate_per_second("smpp"),
            password=self._secret_source("SMSDESK_SMPP_PASSWORD"),
            from_environment=self._overridden(secrets.SMPP_NAMES),
        )

    def smpp_config(self, form: SmppForm | None = None, **overrides: Any) -> SmppConfig:
        from smsdesk.providers.smpp import SmppConfig, require_settings

        if form is None:
            saved = self.smpp_settings()
            host, port, system_id, password = saved.host, saved.port, saved.system_id, ""
        else:
            host, port, system_id = form.host.strip(), form.port, form.system_id.strip()
            password = form.password
        password = password or secrets.get_secret("SMSDESK_SMPP_PASSWORD") or ""
        require_settings(host=host, system_id=system_id, password=password)
        if not 0 < port < 65536:
            raise GatewayRefusal("The SMPP port must be between 1 and 65535")
        return SmppConfig(host=host, port=port, system_id=system_id, password=password, **overrides)

    def save_smpp(self, form: SmppForm) -> SaveReport:
        if not 0 < form.port < 65536:
            raise GatewaySettingsError("the SMPP port must be between 1 and 65535")
        if len(form.system_id.strip()) > 15:
            raise GatewaySettingsError("the SMPP system id is longer than 15 characters")
        if len(form.password) > 8:
            raise GatewaySettingsError("the SMPP password is longer than 8 characters")
        if form.rate_per_second is not None and form.rate_per_second < 0:
            raise GatewaySettingsError("the rate limit cannot be negative")
        self._preferences.set(KEY_SMPP_HOST, form.host.strip() or None)
        self._preferences.set(KEY_SMPP_PORT, str(form.port))
        self._preferences.set(KEY_SMPP_SYSTEM_ID, form.system_id.strip() or None)
        self._set_rate("smpp", form.rate_per_second)
        not_stored, shadowed = self._save_secrets({"SMSDESK_SMPP_PASSWORD": form.password})
        return self._saved(not_stored, shadowed)

    def test_smpp(self, form: SmppForm) -> ConnectionReport:
        return self._test_smpp(lambda: self.smpp_config(form))

    def _test_smpp(self, config: Callable[[], SmppConfig]) -> ConnectionReport:
        from smsdesk.providers.smpp import SmppProvider

        def bound() -> Provider:
            provider = SmppProvider(config())
            try:
                provider.wait_bound(timeout=TEST_TIMEOUT)
            except BaseException:
                provider.close()
                raise
            return provider

        return self._test_provider(bound)

    # -- rate limits -----------------------------------------------------------------

    def save_rate(self, name: str, rate_per_second: float | None) -> None:
        capabilities_of(name)
        self._set_rate(name, rate_per_second)
        self._generation += 1

    def _set_rate(self, name: str, rate: float | None) -> None:
        self._preferences.set(rate_key(name), f"{rate:g}" if rate else None)

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

    def __init__(self, name: str, gateways: GatewayService) -> None:
        self.name = name
        self.capabilities = capabilities_of(name)
        self._gateways = gateways
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
        with self._lock:
            providers = [*self._retired, *([self._current] if self._current else [])]
            self._retired, self._current, self._built_at = [], None, -1
        for provider in providers:
            provider.close()
