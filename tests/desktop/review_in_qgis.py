"""Run inside the QGIS desktop (``qgis --code``): open a work package in the review panel, take a screenshot.

Inputs from the environment: PM_REVIEW_PACKAGE, PM_REVIEW_AREA, PM_REVIEW_ITEM, PM_REVIEW_COUNTY (GeoPackage
of the sample county, for the background layers); outputs: PM_REVIEW_RESULT (JSON), PM_REVIEW_SCREENSHOT.
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsFillSymbol, QgsProject, QgsSingleSymbolRenderer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

RESULT = os.environ["PM_REVIEW_RESULT"]
SCREENSHOT = os.environ["PM_REVIEW_SCREENSHOT"]
STATE = {"errors": []}


def background_layers():
    county = os.environ.get("PM_REVIEW_COUNTY")
    styles = {"DLTB": {"color": "#f2efe9", "outline_color": "#b0b0b0", "outline_width": "0.2"},
              "YJJBNTBHTB": {"color": "255,230,120,150", "outline_color": "#c9a800", "outline_width": "0.3"}}
    for name, title in (("DLTB", "地类图斑"), ("YJJBNTBHTB", "永久基本农田")):
        layer = QgsVectorLayer(f"{county}|layername={name}", title, "ogr")
        if layer.isValid():
            layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(styles[name])))
            QgsProject.instance().addMapLayer(layer)


def open_dock():
    try:
        window = iface.mainWindow()
        window.setGeometry(QApplication.primaryScreen().availableGeometry())  # no window manager under Xvfb
        background_layers()
        plugin = plugins["planmonitor_plugin"]
        plugin.review_action.trigger()
        dock = plugin.review_dock
        window.resizeDocks([dock], [680], Qt.Orientation.Horizontal)
        STATE["dock"] = dock
        STATE["opened"] = dock.open_package(os.environ["PM_REVIEW_PACKAGE"], background=False)
        dock.area_combo.setCurrentIndex(dock.area_combo.findData(os.environ["PM_REVIEW_AREA"]))
        dock.load_layers()
        QTimer.singleShot(1500, select_item)
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        STATE["errors"].append(traceback.format_exc())
        QTimer.singleShot(500, finish)


def select_item():
    try:
        dock = STATE["dock"]
        STATE["selected"] = dock.select_item(os.environ["PM_REVIEW_ITEM"])
        dock.tabs.setCurrentIndex(0)
        dock.form.reviewer.setText("李明（县执法监察大队）")
        STATE["dock_title"] = dock.windowTitle()
        STATE["progress"] = dock.progress_bar.text()
        STATE["history_rows"] = dock.history.topLevelItemCount()
        STATE["history_first"] = [dock.history.topLevelItem(0).text(c) for c in range(5)] if STATE[
            "history_rows"] else []
        STATE["current"] = dock.current_label.text()
        STATE["photos"] = dock.photos.count()
        STATE["photo_icon"] = dock.photos.count() > 0 and not dock.photos.item(0).icon().isNull()
        STATE["table_rows"] = dock.proxy.rowCount()
        STATE["verdict_labels"] = [dock.form.labels[n].text() for n in ("verdict", "sub_type", "note")]
    except Exception:  # noqa: BLE001
        STATE["errors"].append(traceback.format_exc())
    QTimer.singleShot(2500, finish)


def finish():
    try:
        QApplication.processEvents()
        QApplication.primaryScreen().grabWindow(0).save(SCREENSHOT)
    except Exception:  # noqa: BLE001
        STATE["errors"].append(traceback.format_exc())
    result = {key: value for key, value in STATE.items() if key != "dock"}
    with open(RESULT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)
    QgsProject.instance().setDirty(False)
    QgsApplication.exit(0)


QTimer.singleShot(3000, open_dock)
