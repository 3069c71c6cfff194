"""Plugin facts read from metadata.txt (pure Python: importable without QGIS)."""

from __future__ import annotations

import configparser
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: Folder holding metadata.txt, resources/ and i18n/: the package itself once
#: installed (``make package`` stages them inside it), the repository root in a checkout.
PLUGIN_ROOT = PACKAGE_DIR if (PACKAGE_DIR / "metadata.txt").exists() else PACKAGE_DIR.parent
RESOURCES_DIR = PLUGIN_ROOT / "resources"
I18N_DIR = PLUGIN_ROOT / "i18n"

_METADATA = configparser.ConfigParser(interpolation=None)
_METADATA.read(PLUGIN_ROOT / "metadata.txt", encoding="utf-8")

__title__ = _METADATA.get("general", "name", fallback="PlanMonitor")
__version__ = _METADATA.get("general", "version", fallback="0.0.0")
__qgis_minimum_version__ = _METADATA.get("general", "qgisMinimumVersion", fallback="3.22")

#: Namespace of everything the plugin stores in QgsSettings and logs under.
SETTINGS_PREFIX = "planmonitor"
LOG_TAG = "PlanMonitor"
USER_AGENT = f"QGIS-PlanMonitor/{__version__}"
