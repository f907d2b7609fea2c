"""The gateways smsdesk knows: one line each. A gateway module ends with `SPEC = GatewaySpec(...)`.

Modules are imported on first use of their spec (OVH and SMPP pull in heavy libraries
that the window's first paint must not wait for).
"""

from __future__ import annotations

import importlib
import threading

from smsdesk.providers.spec import GatewaySpec

# name -> module holding its SPEC, in the order Preferences and the CLI list them
GATEWAY_MODULES: dict[str, str] = {
    "simulator": "smsdesk.providers.simulator",
    "ovh": "smsdesk.providers.ovh",
    "smpp": "smsdesk.providers.smpp",
    "nullgateway": "smsdesk.providers.nullgateway",
}
PROVIDER_NAMES: tuple[str, ...] = tuple(GATEWAY_MODULES)

_loaded: dict[str, GatewaySpec] = {}
_lock = threading.Lock()


class UnknownProviderError(ValueError):
    pass


def spec(name: str) -> GatewaySpec:
    """The spec of gateway `name`; raises UnknownProviderError."""
    with _lock:
        found = _loaded.get(name)
        if found is not None:
            return found
        module_name = GATEWAY_MODULES.get(name)
        if module_name is None:
            raise UnknownProviderError(
                f"unknown provider {name!r} (choose one of: {', '.join(PROVIDER_NAMES)})"
            )
        loaded = importlib.import_module(module_name).SPEC
        if not isinstance(loaded, GatewaySpec) or loaded.name != name:
            raise TypeError(f"{module_name}.SPEC is not the GatewaySpec of {name!r}")
        _loaded[name] = loaded
        return loaded


def specs() -> list[GatewaySpec]:
    """Every gateway, in menu order."""
    return [spec(name) for name in PROVIDER_NAMES]


def spec_texts() -> list[str]:
    """Every translatable source string of every spec (labels, descriptions, tooltips,
    action labels), for the catalogue (context spec.TRANSLATION_CONTEXT): a new gateway's
    words reach the .ts without a list kept by hand."""
    texts: list[str] = []
    for gateway in specs():
        texts += [gateway.label, gateway.description]
        for field in gateway.fields:
            texts += [field.label, field.tooltip]
        for action in gateway.actions:
            texts += [action.label, action.tooltip]
    return list(dict.fromkeys(t for t in texts if t))
