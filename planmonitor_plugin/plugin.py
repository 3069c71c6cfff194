"""PlanMonitorPlugin: what QGIS loads — initProcessing, initGui, unload."""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from planmonitor_plugin.__about__ import RESOURCES_DIR
from planmonitor_plugin.dependencies import geos_mismatch, install_hint, missing_packages
from planmonitor_plugin.qgis_adapter.i18n import PluginTranslator, tr
from planmonitor_plugin.qgis_adapter.log import install_log_handler, remove_log_handler
from planmonitor_plugin.qgis_adapter.network import remove_user_agent
from planmonitor_plugin.qgis_adapter.settings import load_settings

LOGGER = logging.getLogger(__name__)


class PlanMonitorPlugin:
    """Registers the Processing provider and the PlanMonitor menu; removes them on unload."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.actions: list[QAction] = []
        self.menu_name = ""
        self.review_dock = None
        self.review_action = None
        self.translator = PluginTranslator()
        self.translator.install()
        self.log_handler = install_log_handler(debug=load_settings().debug_log)
        self.missing = missing_packages()

    # -- Processing ----------------------------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        """Register the provider (also called headless, e.g. by qgis_process)."""
        if self.missing or self.provider is not None:
            if self.missing:
                LOGGER.error(self.dependency_message())
            return
        from planmonitor_plugin.processing.provider import PlanMonitorProvider

        note = geos_mismatch((Qgis.geosVersionMajor(), Qgis.geosVersionMinor(), Qgis.geosVersionPatch()))
        if note:
            LOGGER.warning(note)
        self.provider = PlanMonitorProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI -----------------------------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        self.initProcessing()
        self.menu_name = tr("&PlanMonitor")
        if self.missing:
            self.iface.messageBar().pushMessage(tr("PlanMonitor"), self.dependency_message(),
                                                Qgis.MessageLevel.Critical, 0)
            return
        self._add_action(tr("Ellipsoidal area (CGCS2000)…"), self._open_ellipsoidal_area)
        self._add_action(tr("Catalog sync…"), self._open_sync_dialog)
        self.review_action = self._add_action(tr("Pilot-area review panel"), self._toggle_review_dock)
        self.review_action.setCheckable(True)
        self.iface.addToolBarIcon(self.review_action)

    def _add_action(self, text: str, callback) -> QAction:
        action = QAction(QIcon(str(RESOURCES_DIR / "icons" / "planmonitor.svg")), text, self.iface.mainWindow())
        action.triggered.connect(callback)
        self.iface.addPluginToMenu(self.menu_name, action)
        self.actions.append(action)
        return action

    def _toggle_review_dock(self, checked: bool = True) -> None:
        """Show or hide the review panel, created on first use."""
        if self.review_dock is None:
            from planmonitor_plugin.gui.review_dock import ReviewDock

            self.review_dock = ReviewDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review_dock)
            self.review_dock.visibilityChanged.connect(self.review_action.setChecked)
        self.review_dock.setVisible(checked)

    def _open_sync_dialog(self) -> None:
        from planmonitor_plugin.gui.sync_dialog import SyncDialog

        if getattr(self, "sync_dialog", None) is None:
            self.sync_dialog = SyncDialog(self.iface, self.iface.mainWindow())
            self.sync_dialog.pushFinished.connect(self._sync_pushed)
        self.sync_dialog.show()
        self.sync_dialog.raise_()

    def _sync_pushed(self, path: str) -> None:
        """A push from the menu's sync dialog: the review panel shows the new receipts."""
        if self.review_dock is not None:
            self.review_dock.package_pushed(path)

    def _open_ellipsoidal_area(self) -> None:
        import processing  # QGIS's own Processing plugin; loaded by QGIS before us

        processing.execAlgorithmDialog("planmonitor:ellipsoidalarea", {})

    def dependency_message(self) -> str:
        names = ", ".join(
            f"{m.name} ≥ {m.minimum_major}" + (f" ({tr('found')} {m.found_version})" if m.found_version else "")
            for m in self.missing)
        return tr("PlanMonitor needs the Python packages {names}; its algorithms are disabled. "
                  "Install them from the OSGeo4W Shell (Windows) or a terminal with: {command} "
                  "and restart QGIS.").format(names=names, command=install_hint(self.missing))

    # -- Unload --------------------------------------------------------------------------------
    def unload(self) -> None:
        """Remove everything initGui/initProcessing added, so the plugin can be loaded again."""
        if self.review_dock is not None:
            self.review_dock.unload()
            self.iface.removeDockWidget(self.review_dock)
            self.review_dock.deleteLater()
            self.review_dock = None
        if self.review_action is not None:
            self.iface.removeToolBarIcon(self.review_action)
            self.review_action = None
        for action in self.actions:
            self.iface.removePluginMenu(self.menu_name, action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if getattr(self, "sync_dialog", None) is not None:
            self.sync_dialog.close()
            self.sync_dialog.deleteLater()
            self.sync_dialog = None
        remove_user_agent()
        self.translator.remove()
        remove_log_handler(self.log_handler)
        self.log_handler = None
