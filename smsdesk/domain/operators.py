"""Mobile operators by MCC-MNC (the `operatorCode` gateways report), for the reports.

Kept by hand: the French networks at least (ARCEP's MNC allocations), and a few of the
neighbours French campaigns reach. A code not listed is shown as itself.
"""

from __future__ import annotations

OPERATOR_NAMES: dict[str, str] = {
    # France (MCC 208)
    "20801": "Orange",
    "20802": "Orange",
    "20810": "SFR",
    "20811": "SFR",
    "20813": "SFR",
    "20815": "Free Mobile",
    "20816": "Free Mobile",
    "20820": "Bouygues Telecom",
    "20821": "Bouygues Telecom",
    "20888": "Bouygues Telecom",
    "20826": "NRJ Mobile",
    "20817": "Legos",
    "20824": "MobiquiThings",
    "20825": "Lycamobile",
    "20822": "Transatel",
    "20827": "Coriolis",
    "20834": "Cellhire",
    # French overseas
    "34001": "Orange Caraïbe",
    "34020": "Digicel",
    "64710": "SFR Réunion",
    "64700": "Orange Réunion",
    # Belgium, Switzerland, Luxembourg, Monaco
    "20601": "Proximus",
    "20610": "Orange Belgium",
    "20620": "Base",
    "22801": "Swisscom",
    "22802": "Sunrise",
    "22803": "Salt",
    "27001": "POST Luxembourg",
    "21210": "Monaco Telecom",
}


def operator_name(code: str | None) -> str:
    """The operator's name for an MCC-MNC code; the code itself when unknown."""
    if not code:
        return ""
    code = code.strip()
    return OPERATOR_NAMES.get(code.replace("-", ""), code)
