"""stdlib logging → the "PlanMonitor" tab of QGIS's Log Messages panel."""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

from planmonitor_plugin.__about__ import LOG_TAG

ROOT_LOGGER = "planmonitor_plugin"

_LEVELS = {
    logging.DEBUG: Qgis.MessageLevel.Info,
    logging.INFO: Qgis.MessageLevel.Info,
    logging.WARNING: Qgis.MessageLevel.Warning,
    logging.ERROR: Qgis.MessageLevel.Critical,
    logging.CRITICAL: Qgis.MessageLevel.Critical,
}


class QgisMessageLogHandler(logging.Handler):
    """Forwards log records to QgsMessageLog under the PlanMonitor tag."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level = _LEVELS.get(record.levelno, Qgis.MessageLevel.Critical)
            QgsMessageLog.logMessage(self.format(record), LOG_TAG, level)
        except Exception:  # noqa: BLE001 - a log handler must never raise
            self.handleError(record)


def install_log_handler(debug: bool = False) -> QgisMessageLogHandler:
    """Attach a handler to the plugin's logger; returns it for :func:`remove_log_handler`."""
    handler = QgisMessageLogHandler()
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger = logging.getLogger(ROOT_LOGGER)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    return handler


def remove_log_handler(handler: logging.Handler | None) -> None:
    if handler is not None:
        logging.getLogger(ROOT_LOGGER).removeHandler(handler)
