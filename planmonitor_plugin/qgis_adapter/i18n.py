"""Translation: one context for all strings, a translator that follows the QGIS locale.

Strings are marked with :func:`tr` (``scripts/update_translations.py`` extracts
every ``tr("…")`` literal into ``i18n/planmonitor_<locale>.ts``).
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from planmonitor_plugin.__about__ import I18N_DIR

CONTEXT = "PlanMonitor"


def tr(text: str) -> str:
    """Translate ``text`` (an English source string) into the current UI language."""
    return QCoreApplication.translate(CONTEXT, text)


def qgis_locale() -> str:
    """The locale QGIS's user interface uses, e.g. ``zh_CN`` or ``en_US``."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str)
    else:
        locale = QgsApplication.locale() or QLocale().name()
    return (locale or "en_US").replace("-", "_")


def translation_file(locale: str):
    """The compiled .qm for ``locale`` (``zh_CN``, then ``zh``), or None."""
    candidates = [locale, locale.split("_")[0]]
    if locale.lower().startswith("zh") and "zh_CN" not in candidates:
        candidates.insert(1, "zh_CN")  # zh_Hans, zh_SG … use the simplified Chinese file
    for name in candidates:
        path = I18N_DIR / f"planmonitor_{name}.qm"
        if path.exists():
            return path
    return None


class PluginTranslator:
    """Installs the plugin's QTranslator for the QGIS locale and removes it again."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None

    def install(self, locale: str | None = None) -> bool:
        self.remove()
        path = translation_file(locale or qgis_locale())
        if path is None:
            return False
        translator = QTranslator()
        if not translator.load(str(path)):
            return False
        QCoreApplication.installTranslator(translator)
        self._translator = translator
        return True

    def remove(self) -> None:
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None

    @property
    def installed(self) -> bool:
        return self._translator is not None
