"""User preferences as a typed dataclass (persisted by qgis_adapter.settings)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PluginSettings:
    """Everything PlanMonitor remembers between sessions (QgsSettings ``planmonitor/…``)."""

    debug_log: bool = False
    area_field_m2: str = "TBMJ"
    area_field_ha: str = "TBMJ_GQ"
    area_field_mu: str = "TBMJ_MU"
    #: Authentication configuration id (QgsAuthManager) of the catalog connection; never a secret.
    catalog_authcfg: str = ""
