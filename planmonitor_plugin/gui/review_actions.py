"""The review panel's field-package and sync actions: export (pilot area or an area drawn on the map) and
import of field packages as QgsTasks, the sync state (outbox and server receipts) and its panel."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Callable, Optional

import pandas as pd
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeatureRequest,
    QgsProject,
    QgsSettings,
    QgsTask,
    QgsVectorLayer,
)
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QObject, Qt, QUrl
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planmonitor_plugin.gui.map_tools import PolygonMapTool, to_cgcs2000
from planmonitor_plugin.qgis_adapter.field_package import (
    OUTCOMES,
    export_field_data,
    finish_field_package,
    import_field_package,
    outcome_names,
)
from planmonitor_plugin.qgis_adapter.i18n import tr

SETTINGS = "planmonitor/review/"
RECEIPT_COLOURS = {"accepted": "#c8e6c9", "duplicate": "#eeeeee", "rejected": "#ef9a9a"}
RECEIPT_COLUMNS = ["item_id", "kind", "uuid", "status", "reason", "server_time", "received_utc"]


# --- sync state ----------------------------------------------------------------------------------
def receipt_frame(package, item_id: Optional[str] = None) -> pd.DataFrame:
    """The package's server receipts (all, or those of one item's events and photos), newest first, with
    the item and kind (event / photo) of each uuid."""
    receipts = package.receipts()
    if not len(receipts):
        return pd.DataFrame(columns=RECEIPT_COLUMNS)
    events = package.history(item_id) if item_id is not None else package.verdict_events()
    owners = pd.concat([events[["event_uuid", "item_id"]].rename(columns={"event_uuid": "uuid"}).assign(kind="event"),
                        package.photos(item_id)[["photo_uuid", "item_id"]].rename(columns={"photo_uuid": "uuid"})
                        .assign(kind="photo")], ignore_index=True)
    table = receipts.merge(owners, on="uuid", how="inner" if item_id is not None else "left")
    return table.iloc[::-1][RECEIPT_COLUMNS].reset_index(drop=True)


def receipt_names() -> dict[str, str]:
    return {"accepted": tr("accepted"), "duplicate": tr("already on the server"), "rejected": tr("rejected")}


class SyncPanel(QWidget):
    """Outbox count, the server receipts kept in the work package (all, or the selected item's), last import."""

    HEADERS = ("Item", "Kind", "Status", "Reason", "Server time", "Received")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.outbox_label = QLabel()
        self.outbox_label.setWordWrap(True)
        self.only_item = QCheckBox(tr("Only the selected item"))
        self.refresh_button = QPushButton(tr("Refresh"))
        self.sync_button = QPushButton(tr("Catalog sync…"))
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([tr("Item"), tr("Kind"), tr("Status"), tr("Reason"), tr("Server time"),
                                              tr("Received")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.import_label = QLabel()
        self.import_label.setWordWrap(True)
        self.import_label.setTextFormat(Qt.TextFormat.RichText)
        self.import_label.setOpenExternalLinks(True)
        row = QHBoxLayout()
        for widget in (self.only_item, self.refresh_button, self.sync_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.outbox_label)
        layout.addLayout(row)
        layout.addWidget(QLabel(tr("Server receipts")))
        layout.addWidget(self.table)
        layout.addWidget(self.import_label)

    def show_state(self, outbox: pd.DataFrame, receipts: pd.DataFrame) -> int:
        """Fill the outbox line and the receipts table; returns the number of receipt rows shown."""
        rejected = int(outbox["rejected"].sum()) if len(outbox) else 0
        self.outbox_label.setText(tr("Outbox: {count} waiting for the server ({rejected} rejected, to correct)")
                                  .format(count=len(outbox), rejected=rejected))
        self._fill(receipts)
        return len(receipts)

    def _fill(self, receipts: pd.DataFrame) -> None:
        names, kinds = receipt_names(), {"event": tr("verdict"), "photo": tr("photo")}
        rows = receipts.to_dict("records")
        self.table.setRowCount(len(rows))
        for index, record in enumerate(rows):
            cells = [record.get("item_id"), kinds.get(record.get("kind"), record.get("kind")),
                     names.get(record["status"], record["status"]), record.get("reason"),
                     record.get("server_time"), str(record.get("received_utc") or "")[:19].replace("T", " ")]
            for column, value in enumerate(cells):
                cell = QTableWidgetItem("" if value is None or (isinstance(value, float) and pd.isna(value))
                                        else str(value))
                cell.setToolTip(str(record["uuid"]))
                cell.setBackground(QBrush(QColor(RECEIPT_COLOURS.get(record["status"], "#ffffff"))))
                self.table.setItem(index, column, cell)
        self.table.resizeColumnsToContents()

    def show_import(self, counts: dict, html_path: Path) -> None:
        names = outcome_names()
        summary = " · ".join(f"{names[o]}: {counts[o]}" for o in OUTCOMES)
        link = QUrl.fromLocalFile(str(html_path)).toString()
        self.import_label.setText(f"<b>{html.escape(tr('Last field-package import'))}</b>: {html.escape(summary)} "
                                  f"— <a href='{html.escape(link)}'>{html.escape(tr('open the report'))}</a>")


# --- field packages ------------------------------------------------------------------------------
def layer_specs(layers) -> list:
    """Reference layers in a form a QgsTask may open in its own thread (memory layers copied here)."""
    specs = []
    for layer in layers:
        if layer.providerType() == "memory":
            copy = layer.materialize(QgsFeatureRequest())
            copy.setName(layer.name())
            specs.append(copy)
        else:
            specs.append((layer.source(), layer.name(), layer.providerType()))
    return specs


def open_specs(specs) -> list:
    return [QgsVectorLayer(*spec) if isinstance(spec, tuple) else spec for spec in specs]


class FieldPackageActions(QObject):
    """Export / import of field packages for the review dock, and the polygon tool for a drawn area."""

    def __init__(self, dock) -> None:
        super().__init__(dock)
        self.dock = dock
        self.tool: Optional[PolygonMapTool] = None
        self.previous_tool = None
        self.tasks: list = []  # keep the Python task objects alive while QGIS runs them
        self.last_export = None
        self.last_import = None
        self.last_polygon = None

    # -- choosing -------------------------------------------------------------------------------
    def choose_folder(self) -> str:
        folder = QgsSettings().value(SETTINGS + "field_dir", str(Path.home()), type=str)
        chosen = QFileDialog.getExistingDirectory(self.dock, tr("Folder for the field package"), folder)
        if chosen:
            QgsSettings().setValue(SETTINGS + "field_dir", chosen)
        return chosen

    def choose_field_package(self) -> str:
        folder = QgsSettings().value(SETTINGS + "field_dir", str(Path.home()), type=str)
        path, _ = QFileDialog.getOpenFileName(self.dock, tr("Import field package"), folder,
                                              tr("Field package (*.gpkg)"))
        return path

    def reference_layers(self) -> list:
        """The vector layers selected in the Layers panel, except the work package's own layers."""
        view = self.dock.iface.layerTreeView() if hasattr(self.dock.iface, "layerTreeView") else None
        try:
            layers = list(view.selectedLayers()) if view is not None else []
        except TypeError:
            layers = []
        own = str(self.dock.package.path) if self.dock.package else ""
        return [layer for layer in layers if isinstance(layer, QgsVectorLayer) and layer.isSpatial()
                and not (own and layer.source().startswith(own))]

    # -- export ---------------------------------------------------------------------------------
    def export_pilot_area(self) -> Optional[QgsTask]:
        if not self._has_package():
            return None
        folder = self.choose_folder()
        area = self.dock.pilot_area
        return self.start_export(folder, [area] if area else None) if folder else None

    def start_drawing(self) -> Optional[PolygonMapTool]:
        """Put the polygon tool on the canvas; the export starts when the polygon is finished."""
        if not self._has_package():
            return None
        canvas = self.dock.iface.mapCanvas()
        if self.tool is None:
            self.tool = PolygonMapTool(canvas)
            self.tool.polygonDrawn.connect(self._drawn)
            self.tool.cancelled.connect(self.restore_tool)
        if canvas.mapTool() is not self.tool:
            self.previous_tool = canvas.mapTool()
        canvas.setMapTool(self.tool)
        self.dock.message(tr("Draw the area on the map: click the corners, right click or double click to finish, "
                             "Esc to cancel."))
        return self.tool

    def _drawn(self, geometry) -> None:
        canvas = self.dock.iface.mapCanvas()
        self.last_polygon = to_cgcs2000(geometry, canvas.mapSettings().destinationCrs())
        self.restore_tool()
        folder = self.choose_folder()
        if folder:
            self.start_export(folder, None, self.last_polygon)

    def restore_tool(self) -> None:
        """Give the canvas back the tool it had before drawing (and take the polygon tool off)."""
        if self.tool is None:
            return
        canvas = self.dock.iface.mapCanvas()
        if canvas.mapTool() is self.tool:
            if self.previous_tool is not None:
                canvas.setMapTool(self.previous_tool)
            else:
                canvas.unsetMapTool(self.tool)
        self.previous_tool = None
        self.tool.reset()

    def start_export(self, folder: str, area_ids, polygon=None) -> QgsTask:
        package = str(self.dock.package.path)
        specs = layer_specs(self.reference_layers())
        context = QgsProject.instance().transformContext()
        reviewer = self.dock.form.reviewer.text().strip()

        def work(_task):
            return export_field_data(package, folder, area_ids, open_specs(specs), context, polygon=polygon)

        def done(result) -> None:
            self.last_export = finish_field_package(result, reviewer)
            export = self.last_export.export
            self.dock.message(tr("Field package written: {items} items, {events} verdicts, {photos} photos → {path}")
                              .format(items=export.items, events=export.events, photos=export.photos,
                                      path=self.last_export.folder), Qgis.MessageLevel.Success)

        return self._run(tr("Export field package"), work, done)

    # -- import ---------------------------------------------------------------------------------
    def import_chosen(self) -> Optional[QgsTask]:
        if not self._has_package():
            return None
        path = self.choose_field_package()
        return self.start_import(path) if path else None

    def start_import(self, path: str) -> QgsTask:
        package = str(self.dock.package.path)

        def done(result) -> None:
            self.last_import = result
            self.dock.after_import(result)
            self.show_import_message(result)

        return self._run(tr("Import field package"), lambda _task: import_field_package(package, path), done)

    def show_import_message(self, result) -> None:
        names = outcome_names()
        text = " · ".join(f"{names[o]}: {result.counts[o]}" for o in OUTCOMES)
        level = Qgis.MessageLevel.Warning if result.counts["conflicting"] or result.counts["rejected"] \
            else Qgis.MessageLevel.Success
        self.dock.last_message = text
        widget = QgsMessageBar.createMessage(tr("Field package imported"), text)
        button = QPushButton(tr("Open report"), widget)
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.html_path))))
        widget.layout().addWidget(button)
        self.dock.iface.messageBar().pushWidget(widget, level, 0 if level == Qgis.MessageLevel.Warning else 10)

    # -- helpers --------------------------------------------------------------------------------
    def _has_package(self) -> bool:
        if self.dock.package is None:
            self.dock.message(tr("Open a work package first."), Qgis.MessageLevel.Warning)
            return False
        return True

    def _run(self, description: str, work: Callable, done: Callable) -> QgsTask:
        def finished(exception, result=None) -> None:
            if task in self.tasks:
                self.tasks.remove(task)
            if exception is None and result is None:
                self.dock.message(tr("{task}: cancelled.").format(task=description), Qgis.MessageLevel.Warning)
                return
            if exception is not None:
                self.dock.message(tr("{task} failed: {error}").format(task=description, error=exception),
                                  Qgis.MessageLevel.Critical)
                return
            try:
                done(result)
            except Exception as error:  # noqa: BLE001 - reported in the message bar, not lost in a slot
                self.dock.message(tr("{task} failed: {error}").format(task=description, error=error),
                                  Qgis.MessageLevel.Critical)

        task = QgsTask.fromFunction(description, work, on_finished=finished)
        self.tasks.append(task)
        QgsApplication.taskManager().addTask(task)
        return task

    @property
    def busy(self) -> bool:
        return bool(self.tasks)

    def unload(self) -> None:
        """Take the polygon tool and its rubber band off the canvas; cancel running tasks."""
        self.restore_tool()
        if self.tool is not None:
            self.tool.remove_band()
            self.tool.deleteLater()
            self.tool = None
        for task in list(self.tasks):
            task.cancel()
        self.tasks = []
