"""Run inside the QGIS desktop (``qgis --code``): check the plugin, reload it, take a screenshot.

Results go to the JSON file named by PM_SMOKE_RESULT, the screenshot to PM_SMOKE_SCREENSHOT.
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import active_plugins, iface, loadPlugin, startPlugin, unloadPlugin

PLUGIN = "planmonitor_plugin"
RESULT = os.environ["PM_SMOKE_RESULT"]
SCREENSHOT = os.environ["PM_SMOKE_SCREENSHOT"]


def menu_texts():
    return [action.text() for action in iface.pluginMenu().actions()]


def provider_name():
    provider = QgsApplication.processingRegistry().providerById("planmonitor")
    return provider.name() if provider else None


def check():
    result = {"errors": []}
    try:
        result["active_at_start"] = PLUGIN in active_plugins
        result["provider_at_start"] = provider_name()
        result["menus_at_start"] = menu_texts()
        result["unloaded"] = unloadPlugin(PLUGIN)
        result["provider_after_unload"] = provider_name()
        result["menus_after_unload"] = menu_texts()
        result["reloaded"] = loadPlugin(PLUGIN) and startPlugin(PLUGIN)
        result["provider_after_reload"] = provider_name()
        result["menus_after_reload"] = menu_texts()
        show_something(result)
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        result["errors"].append(traceback.format_exc())
    QTimer.singleShot(2500, lambda: finish(result))


def show_something(result):
    """Load the demo parcels, run the algorithm, open its dialog: what a technician sees."""
    import processing

    data = os.environ.get("PM_SMOKE_DATA")
    if data:
        layer = QgsVectorLayer(data, "地类图斑", "ogr")
        result["layer_valid"] = layer.isValid()
        measured = processing.run("planmonitor:ellipsoidalarea", {"INPUT": layer, "OUTPUT": "memory:椭球面积"})
        QgsProject.instance().addMapLayer(measured["OUTPUT"])
        result["total_mu"] = measured["TOTAL_MU"]
        iface.setActiveLayer(measured["OUTPUT"])
        iface.zoomToActiveLayer()
    dialog = processing.createAlgorithmDialog("planmonitor:ellipsoidalarea", {})
    dialog.show()
    result["dialog_title"] = dialog.windowTitle()


def finish(result):
    try:
        iface.mainWindow().showMaximized()
        QApplication.processEvents()
        QApplication.primaryScreen().grabWindow(0).save(SCREENSHOT)
    except Exception:  # noqa: BLE001
        result["errors"].append(traceback.format_exc())
    with open(RESULT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)
    QgsProject.instance().setDirty(False)
    QgsApplication.exit(0)


QTimer.singleShot(3000, check)
