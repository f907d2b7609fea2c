"""Gateway credentials: environment variables first, then the OS keyring.

A secret is named by its environment variable (`OVH_APPLICATION_SECRET`,
`SMSDESK_SMPP_PASSWORD`, ...); the keyring stores it under service "smsdesk" with the
same name as user name, so the Settings page and a headless server (environment) read
the same names. Values never appear in exceptions or logs from this module.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # keyring is imported when first needed: 30 ms less at every start
    from keyring.backend import KeyringBackend

SERVICE = "smsdesk"

# Names the providers read; listed so that Settings and `redact` know them all.
OVH_NAMES = (
    "OVH_ENDPOINT",
    "OVH_APPLICATION_KEY",
    "OVH_APPLICATION_SECRET",
    "OVH_CONSUMER_KEY",
    "SMSDESK_OVH_SERVICE",
)
SMPP_NAMES = (
    "SMSDESK_SMPP_HOST",
    "SMSDESK_SMPP_PORT",
    "SMSDESK_SMPP_SYSTEM_ID",
    "SMSDESK_SMPP_PASSWORD",
)
# The ones that are secret (the others are settings that merely live beside them).
SECRET_NAMES = frozenset({"OVH_APPLICATION_SECRET", "OVH_CONSUMER_KEY", "SMSDESK_SMPP_PASSWORD"})


class SecretStoreError(Exception):
    """The keyring refused to store or delete a value (the message names no value)."""


def _usable(backend: KeyringBackend) -> bool:
    """False for the fail/null backends, and for a chainer with no usable backend."""
    module = type(backend).__module__
    if module.endswith((".fail", ".null")):
        return False
    children = getattr(backend, "backends", None)
    if children is not None:
        return any(_usable(child) for child in children)
    return True


def keyring_available() -> bool:
    """Whether an OS keyring can hold secrets (else: use environment variables)."""
    import keyring

    try:
        return _usable(keyring.get_keyring())
    except Exception:  # a broken backend must not stop the app; it just has no keyring
        return False


def get_secret(name: str) -> str | None:
    """The value of `name` from the environment, else from the keyring, else None."""
    value = os.environ.get(name)
    if value:
        return value
    if not keyring_available():
        return None
    import keyring

    try:
        stored = keyring.get_password(SERVICE, name)
    except Exception:  # locked or broken keyring: same as not stored
        return None
    return stored or None


def set_secret(name: str, value: str) -> None:
    """Store `value` under `name` in the keyring. Raises SecretStoreError without a keyring."""
    if not keyring_available():
        raise SecretStoreError(
            "No keyring backend: set the environment variable " + name + " instead"
        )
    import keyring.errors

    try:
        keyring.set_password(SERVICE, name, value)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreError(
            f"The keyring refused to store {name}: {type(exc).__name__}"
        ) from None


def delete_secret(name: str) -> None:
    """Remove `name` from the keyring; absent is fine."""
    if not keyring_available():
        return
    import keyring.errors

    try:
        keyring.delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        return
    except keyring.errors.KeyringError as exc:
        raise SecretStoreError(
            f"The keyring refused to delete {name}: {type(exc).__name__}"
        ) from None


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """`text` with every non-trivial secret value replaced by '***'."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return text
