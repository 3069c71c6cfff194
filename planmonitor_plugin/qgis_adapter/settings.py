"""PluginSettings ⇄ QgsSettings under the ``planmonitor/`` namespace."""

from __future__ import annotations

from dataclasses import fields

from qgis.core import QgsSettings

from planmonitor_plugin.__about__ import SETTINGS_PREFIX
from planmonitor_plugin.core.config import PluginSettings


def _key(name: str) -> str:
    return f"{SETTINGS_PREFIX}/{name}"


def load_settings() -> PluginSettings:
    """Read every field, falling back to the dataclass default."""
    qsettings = QgsSettings()
    defaults = PluginSettings()
    values = {}
    for field in fields(PluginSettings):
        default = getattr(defaults, field.name)
        values[field.name] = qsettings.value(_key(field.name), default, type=type(default))
    return PluginSettings(**values)


def save_settings(settings: PluginSettings) -> None:
    qsettings = QgsSettings()
    for field in fields(PluginSettings):
        qsettings.setValue(_key(field.name), getattr(settings, field.name))
