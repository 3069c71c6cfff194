"""The review panel (试点审查面板): a QgsDockWidget over one work package.

Open a package, choose a pilot area, filter and search the review items, step to the next
unreviewed item (Ctrl+. / Ctrl+,) with the map zooming to and flashing it, record verdicts
(append-only, through WorkPackage.record_verdict), attach photos (file dialog or drag and drop),
read the item's history and the pilot area's indicators. Field packages go out (the pilot area or
an area drawn on the map) and come back through :mod:`.review_actions`; the Sync tab shows the
outbox and the server receipts; conflicting verdicts are marked in the history and resolved there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import shapely
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsProject,
    QgsSettings,
    QgsSingleSymbolRenderer,
    QgsTask,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QItemSelectionModel, Qt
from qgis.PyQt.QtGui import QKeySequence
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QShortcut,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.core.workpackage import WorkPackage
from planmonitor_plugin.gui.review_actions import FieldPackageActions, SyncPanel, receipt_frame
from planmonitor_plugin.gui.review_model import (
    ReviewFilterProxy,
    ReviewItemsModel,
    distinct,
    kind_names,
    review_state_names,
)
from planmonitor_plugin.gui.review_widgets import (
    HistoryView,
    IndicatorView,
    PhotoStrip,
    VerdictForm,
    conflict_html,
    current_verdict_text,
    details_html,
    rule_names,
    tab_page,
    verdict_names,
)
from planmonitor_plugin.qgis_adapter.i18n import tr

SETTINGS = "planmonitor/review/"
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".tif", ".tiff"}
CGCS2000 = "EPSG:4490"


def load_package_frames(path: str) -> dict:
    """Everything the panel shows for a package, read on its own connection (usable in a QgsTask)."""
    with WorkPackage.open(path) as package:
        return {"items": package.review_items(), "verdicts": package.current_verdicts(),
                "areas": package.pilot_areas(), "info": package.info, "types": package.verdict_types}


LAYER_STYLES = {
    "pilot_areas": {"color": "0,0,0,0", "outline_color": "#1f4e9e", "outline_width": "0.8", "outline_style": "dash"},
    "review_items": {"color": "255,140,0,60", "outline_color": "#d84315", "outline_width": "0.6"},
    "photos": {"name": "circle", "color": "#1565c0", "outline_color": "white", "size": "3"},
}


def _value(value):
    """None for the missing values pandas hands back (NaN, None)."""
    return None if value is None or (isinstance(value, float) and value != value) else value


def style_layer(layer: QgsVectorLayer, table: str) -> None:
    """Outlines for pilot areas and items (the land use stays visible underneath), blue dots for photos."""
    symbol_class = QgsMarkerSymbol if table == "photos" else QgsFillSymbol
    layer.setRenderer(QgsSingleSymbolRenderer(symbol_class.createSimple(LAYER_STYLES[table])))


class ReviewDock(QgsDockWidget):
    """Review items of a work package, one pilot area at a time."""

    def __init__(self, iface, parent=None) -> None:
        super().__init__(tr("Pilot-area review"), parent)
        self.setObjectName("PlanMonitorReviewDock")
        self.iface = iface
        self.package: Optional[WorkPackage] = None
        self.current_item: Optional[str] = None
        self.task: Optional[QgsTask] = None
        self.last_event: Optional[str] = None
        self.last_message = ""
        self.model = ReviewItemsModel(self)
        self.proxy = ReviewFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.field_actions = FieldPackageActions(self)
        self.sync_dialog = None
        self.setAcceptDrops(True)
        self._build()
        self.visibilityChanged.connect(lambda visible: visible or self.field_actions.restore_tool())
        self._restore_settings()

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._package_row())
        layout.addLayout(self._field_row())
        layout.addLayout(self._filter_row())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._table())
        splitter.addWidget(self._tabs())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 420])
        layout.addWidget(splitter)
        self.setWidget(body)
        for keys, step in (("Ctrl+.", 1), ("Ctrl+,", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda step=step: self.go_unreviewed(step))

    def _package_row(self) -> QVBoxLayout:
        self.open_button = QPushButton(tr("Open work package…"))
        self.open_button.clicked.connect(self.choose_package)
        self.layers_button = QPushButton(tr("Add layers to map"))
        self.layers_button.clicked.connect(self.load_layers)
        self.package_label = QLabel(tr("No work package open"))
        self.area_combo = QComboBox()
        self.area_combo.currentIndexChanged.connect(self._area_changed)
        self.progress_bar = QProgressBar()
        self.progress_bar.setFormat(tr("%v of %m reviewed"))
        self.progress_label = QLabel()
        top, middle = QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.layers_button)
        top.addWidget(self.package_label, 1)
        middle.addWidget(QLabel(tr("Pilot area")))
        middle.addWidget(self.area_combo, 1)
        middle.addWidget(self.progress_bar, 1)
        rows = QVBoxLayout()
        rows.addLayout(top)
        rows.addLayout(middle)
        return rows

    def _field_row(self) -> QHBoxLayout:
        self.export_button = QToolButton()
        self.export_button.setText(tr("Export field package…"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.export_button)
        self.export_area_action = menu.addAction(tr("For the chosen pilot area…"))
        self.export_area_action.triggered.connect(self.field_actions.export_pilot_area)
        self.export_drawn_action = menu.addAction(tr("For an area drawn on the map…"))
        self.export_drawn_action.triggered.connect(self.field_actions.start_drawing)
        self.export_button.setMenu(menu)
        self.import_button = QPushButton(tr("Import field package…"))
        self.import_button.clicked.connect(self.field_actions.import_chosen)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        return row

    def _filter_row(self) -> QHBoxLayout:
        self.state_filter, self.kind_filter = QComboBox(), QComboBox()
        self.township_filter, self.rule_filter = QComboBox(), QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search JCTBBH / project name"))
        self.search.setClearButtonEnabled(True)
        row = QHBoxLayout()
        for widget in (self.state_filter, self.kind_filter, self.township_filter, self.rule_filter):
            widget.currentIndexChanged.connect(self.apply_filters)
            row.addWidget(widget)
        self.search.textChanged.connect(self.apply_filters)
        row.addWidget(self.search, 1)
        return row

    def _table(self) -> QWidget:
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.previous_button = QPushButton(tr("◀ Previous unreviewed"))
        self.previous_button.setToolTip("Ctrl+,")
        self.previous_button.clicked.connect(lambda: self.go_unreviewed(-1))
        self.next_button = QPushButton(tr("Next unreviewed ▶"))
        self.next_button.setToolTip("Ctrl+.")
        self.next_button.clicked.connect(lambda: self.go_unreviewed(1))
        self.zoom_button = QPushButton(tr("Zoom to item"))
        self.zoom_button.clicked.connect(lambda: self.zoom_to(self.current_item))
        buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.zoom_button):
            buttons.addWidget(button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        return page

    def _tabs(self) -> QTabWidget:
        self.details = QTextBrowser()
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        self.current_label.setStyleSheet("font-weight: bold")
        self.form = VerdictForm()
        self.form.saveRequested.connect(self.save_verdict)
        self.photos = PhotoStrip()
        self.photos.currentItemChanged.connect(lambda item, _old: self._flash_photo(item))
        self.attach_button = QPushButton(tr("Attach photos…"))
        self.attach_button.clicked.connect(self.choose_photos)
        self.photo_hint = QLabel(tr("Drop photos here to attach them to the selected item."))
        self.history = HistoryView()
        self.history.currentItemChanged.connect(lambda *_: self._update_resolve_button())
        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setTextFormat(Qt.TextFormat.RichText)
        self.conflict_label.setHidden(True)
        self.resolve_button = QPushButton(tr("Resolve with this verdict"))
        self.resolve_button.setToolTip(tr("Records the selected verdict again, as a new event by you that "
                                          "supersedes both sides of the conflict"))
        self.resolve_button.clicked.connect(lambda: self.resolve_with(self.history.selected_uuid()))
        self.conflicting: set = set()
        self.sync_panel = SyncPanel()
        self.sync_panel.refresh_button.clicked.connect(self.refresh_sync)
        self.sync_panel.only_item.toggled.connect(lambda _checked: self.refresh_sync())
        self.sync_panel.sync_button.clicked.connect(self.open_sync_dialog)
        self.indicators = IndicatorView()
        self.tabs = QTabWidget()
        self.tabs.addTab(tab_page(self.current_label, self.form, self.photos, self.attach_button, self.photo_hint),
                         tr("Verdict"))
        self.tabs.addTab(tab_page(self.details), tr("Details"))
        self.tabs.addTab(tab_page(self.conflict_label, self.history, self.resolve_button), tr("History"))
        self.tabs.addTab(tab_page(self.indicators), tr("Pilot-area indicators"))
        self.tabs.addTab(self.sync_panel, tr("Sync"))
        self._update_resolve_button()
        return self.tabs

    def _restore_settings(self) -> None:
        settings = QgsSettings()
        self.form.reviewer.setText(settings.value(SETTINGS + "reviewer", "", type=str))
        self.form.device.setText(settings.value(SETTINGS + "device", "", type=str))

    # --- package ------------------------------------------------------------------------------
    def choose_package(self) -> None:
        folder = QgsSettings().value(SETTINGS + "last_dir", str(Path.home()), type=str)
        path, _ = QFileDialog.getOpenFileName(self, tr("Open work package"), folder, tr("Work package (*.gpkg)"))
        if path:
            QgsSettings().setValue(SETTINGS + "last_dir", str(Path(path).parent))
            self.open_package(path)

    def open_package(self, path: str, background: bool = True) -> bool:
        """Open ``path``; items are read in a QgsTask unless ``background`` is False (tests, small packages)."""
        self.close_package()
        try:
            self.package = WorkPackage.open(path)
        except PlanMonitorError as error:
            self.message(tr("Cannot open the work package: {error}").format(error=error), Qgis.MessageLevel.Critical)
            return False
        self.package_label.setText(tr("Loading {name}…").format(name=Path(path).name))
        if not background:
            self._loaded(load_package_frames(path))
            return True
        self.task = QgsTask.fromFunction(tr("Loading work package"), lambda _task: load_package_frames(path),
                                         on_finished=self._task_finished)
        QgsApplication.taskManager().addTask(self.task)
        return True

    def _task_finished(self, exception, result=None) -> None:
        self.task = None
        if exception is not None or result is None:
            self.message(tr("Cannot read the work package: {error}").format(error=exception),
                         Qgis.MessageLevel.Critical)
            return
        self._loaded(result)

    def _loaded(self, frames: dict) -> None:
        if self.package is None:
            return
        info = frames["info"]
        self.package_label.setText(f"{info.get('task_name', '')} · {self.package.path.name}")
        self.package_label.setToolTip(str(self.package.path))
        self.form.set_types(self.package.verdict_types)
        self.model.set_items(frames["items"], frames["verdicts"], verdict_names(self.package.verdict_types),
                             rule_names())
        self._fill_areas(frames["areas"])
        self._fill_filters()
        self.apply_filters()
        self.table.resizeColumnsToContents()
        self.refresh_sync()

    def close_package(self) -> None:
        if self.package is not None:
            self.package.close()
        self.package = None
        self.current_item = None

    def _fill_areas(self, areas) -> None:
        self.area_combo.blockSignals(True)
        self.area_combo.clear()
        self.area_combo.addItem(tr("All pilot areas"), None)
        for record in areas.to_dict("records"):
            self.area_combo.addItem(f"{record.get('name') or record['area_id']} ({record['area_id']})",
                                    record["area_id"])
        self.area_combo.setCurrentIndex(1 if len(areas) == 1 else 0)
        self.area_combo.blockSignals(False)
        self._show_indicators()

    def _fill_filters(self) -> None:
        frame, names = self.model.frame, rule_names()
        choices = ((self.state_filter, tr("All verdicts"), list(review_state_names().items())),
                   (self.kind_filter, tr("All types"), [(k, kind_names().get(k, k)) for k in distinct(frame, "kind")]),
                   (self.township_filter, tr("All townships"), [(t, t) for t in distinct(frame, "township_name")]),
                   (self.rule_filter, tr("All rules"), [(r, names.get(r, r)) for r in distinct(frame, "rule_ids")]))
        for combo, everything, values in choices:
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for data, text in values:
                combo.addItem(text, data)
            combo.blockSignals(False)

    # --- filters and progress -----------------------------------------------------------------
    @property
    def pilot_area(self) -> Optional[str]:
        return self.area_combo.currentData()

    def _area_changed(self) -> None:
        self.apply_filters()
        self._show_indicators()

    def apply_filters(self) -> None:
        self.proxy.set_filters(area=self.pilot_area, state=self.state_filter.currentData(),
                               kind=self.kind_filter.currentData(), township=self.township_filter.currentData(),
                               rule=self.rule_filter.currentData(),
                               text=self.search.text())
        self.update_progress()

    def update_progress(self) -> tuple[int, int]:
        reviewed, total = self.package.progress(self.pilot_area) if self.package else (0, 0)
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(reviewed)
        self.progress_bar.setFormat(tr("{reviewed} of {total} reviewed").format(reviewed=reviewed, total=total))
        return reviewed, total

    # --- navigation ---------------------------------------------------------------------------
    def go_unreviewed(self, step: int = 1) -> Optional[str]:
        """Select the next (step 1) or previous (-1) unreviewed item in the list's order, wrapping round."""
        count = self.proxy.rowCount()
        if not count:
            return None
        current = self.table.currentIndex().row() if self.table.currentIndex().isValid() else (-1 if step > 0 else 0)
        for offset in range(1, count + 1):
            row = (current + step * offset) % count
            source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            if self.model.is_unreviewed(source):
                self.select_row(row)
                return self.current_item
        self.message(tr("Every item in the list has a verdict."), Qgis.MessageLevel.Success)
        return None

    def select_item(self, item_id: str) -> bool:
        row = self.model.row_of(item_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.select_row(index.row())
        return True

    def select_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        row = self.proxy.mapToSource(current).row()
        self.current_item = self.model.item_id(row)
        self.details.setHtml(details_html(self.model.record(row)))
        self.form.clear_entry()
        self._show_item_extras()
        self.zoom_to(self.current_item)

    def _show_item_extras(self) -> None:
        if self.package is None or self.current_item is None:
            return
        history = self.package.history(self.current_item)
        conflicts = self.package.conflicts()
        conflicts = conflicts[conflicts["item_id"] == self.current_item]
        self.conflicting = set(conflicts["event_uuid"]) | set(conflicts["conflicts_with"])
        latest = receipt_frame(self.package, self.current_item).drop_duplicates("uuid")  # newest first
        self.history.show_history(history, self.package.verdict_types, self.conflicting,
                                  dict(zip(latest["uuid"], latest["status"])))
        self.conflict_label.setText(conflict_html(history, self.conflicting, self.package.verdict_types))
        self.conflict_label.setVisible(bool(self.conflicting))
        self._update_resolve_button()
        self.current_label.setText(current_verdict_text(history, self.package.verdict_types))
        self.photos.show_photos(self.package.photos(self.current_item), self.package.photo_data)
        if self.sync_panel.only_item.isChecked():
            self.refresh_sync()

    # --- map ----------------------------------------------------------------------------------
    def zoom_to(self, item_id: Optional[str]) -> bool:
        """Zoom the canvas to the item (with a margin) and flash it."""
        row = self.model.row_of(item_id) if item_id else None
        shape = self.model.frame["geometry"].iat[row] if row is not None and "geometry" in self.model.frame else None
        if shape is None or shape.is_empty:
            return False
        geometry = QgsGeometry.fromWkt(shapely.to_wkt(shape))
        canvas = self.iface.mapCanvas()
        source = QgsCoordinateReferenceSystem(CGCS2000)
        transform = QgsCoordinateTransform(source, canvas.mapSettings().destinationCrs(), QgsProject.instance())
        extent = transform.transformBoundingBox(geometry.boundingBox())
        extent.scale(3.0)
        canvas.setExtent(extent)
        canvas.refresh()
        canvas.flashGeometries([geometry], source)
        return True

    def _flash_photo(self, item) -> None:
        record = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not record or record.get("exif_lon") is None or record.get("exif_lat") is None:
            return
        point = QgsGeometry.fromWkt(f"POINT({record['exif_lon']} {record['exif_lat']})")
        self.iface.mapCanvas().flashGeometries([point], QgsCoordinateReferenceSystem(CGCS2000))

    def load_layers(self) -> list:
        """Add the package's pilot areas, review items and photo points to the project."""
        if self.package is None:
            return []
        added = []
        for table, name in (("pilot_areas", tr("Pilot areas")), ("review_items", tr("Review items")),
                            ("photos", tr("Photo positions"))):
            layer = QgsVectorLayer(f"{self.package.path}|layername={table}", name, "ogr")
            if layer.isValid():
                style_layer(layer, table)
                QgsProject.instance().addMapLayer(layer)
                added.append(layer)
        return added

    # --- verdicts -----------------------------------------------------------------------------
    def save_verdict(self) -> Optional[str]:
        """Append the form's verdict for the current item; returns the event uuid (None if refused)."""
        if self.package is None or self.current_item is None:
            self.form.message.setText(tr("Select an item first."))
            return None
        if self.form.missing():
            return None
        values = self.form.values()
        try:
            event = self.package.record_verdict(self.current_item, **values)
        except PlanMonitorError as error:
            self.form.message.setText(str(error))
            return None
        settings = QgsSettings()
        settings.setValue(SETTINGS + "reviewer", values["reviewer"])
        settings.setValue(SETTINGS + "device", values["device"] or "")
        self.last_event = event
        self._after_write()
        self.form.clear_entry()
        self.message(tr("Verdict recorded for {item}.").format(item=self.current_item), Qgis.MessageLevel.Success)
        return event

    def _update_resolve_button(self) -> None:
        self.resolve_button.setVisible(bool(self.conflicting))
        self.resolve_button.setEnabled(self.history.selected_uuid() in self.conflicting)

    def resolve_with(self, event_uuid: Optional[str]) -> Optional[str]:
        """Record the verdict of ``event_uuid`` (one side of the item's conflict) again as a new event by the
        reviewer in the form, superseding every open event of the item (both sides); returns its uuid."""
        if self.package is None or self.current_item is None or event_uuid not in self.conflicting:
            self.message(tr("Select one of the conflicting verdicts in the history first."),
                         Qgis.MessageLevel.Warning)
            return None
        reviewer = self.form.reviewer.text().strip()
        if not reviewer:
            self.tabs.setCurrentIndex(0)
            self.form.message.setText(tr("Please fill in: {fields}").format(fields=tr("Reviewer")))
            return None
        history = self.package.history(self.current_item)
        chosen = {key: _value(value) for key, value in history.set_index("event_uuid").loc[event_uuid].items()}
        opened = list(history.loc[history["is_open"], "event_uuid"])
        when = str(chosen["created_local"] or chosen["created_utc"])[:16].replace("T", " ")
        note = tr("Conflict resolved with the verdict of {reviewer} ({when}).").format(reviewer=chosen["reviewer"],
                                                                                   when=when)
        try:
            event = self.package.record_verdict(
                self.current_item, chosen["verdict"], reviewer, sub_type=chosen["sub_type"],
                note=" ".join(part for part in (chosen["note"], note) if part),
                device=self.form.device.text().strip() or None, supersedes=opened)
        except PlanMonitorError as error:
            self.message(str(error), Qgis.MessageLevel.Warning)
            return None
        self.last_event = event
        self._after_write()
        self.message(tr("Conflict on {item} resolved.").format(item=self.current_item), Qgis.MessageLevel.Success)
        return event

    def _after_write(self) -> None:
        self.model.update_verdicts(self.package.current_verdicts())
        self.proxy.refresh()
        self.apply_filters()
        self._show_item_extras()

    # --- photos -------------------------------------------------------------------------------
    def choose_photos(self) -> None:
        folder = QgsSettings().value(SETTINGS + "photo_dir", str(Path.home()), type=str)
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Attach photos"), folder,
                                                tr("Photos (*.jpg *.jpeg *.png *.heic *.tif *.tiff)"))
        if paths:
            QgsSettings().setValue(SETTINGS + "photo_dir", str(Path(paths[0]).parent))
            self.attach_photos(paths)

    def attach_photos(self, paths) -> list[str]:
        """Store the photos with the current item (and its current verdict event); returns their uuids."""
        if self.package is None or self.current_item is None:
            self.message(tr("Select an item before attaching photos."), Qgis.MessageLevel.Warning)
            return []
        history = self.package.history(self.current_item)
        current = history.loc[history["is_current"], "event_uuid"]
        event = current.iat[0] if len(current) else None
        uuids = []
        for path in paths:
            try:
                uuids.append(self.package.attach_photo(self.current_item, str(path), event_uuid=event))
            except (PlanMonitorError, OSError) as error:
                self.message(tr("Photo {name} not attached: {error}").format(name=Path(path).name, error=error),
                             Qgis.MessageLevel.Warning)
        self._show_item_extras()
        return uuids

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if any(Path(url.toLocalFile()).suffix.lower() in PHOTO_SUFFIXES for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls()
                 if Path(url.toLocalFile()).suffix.lower() in PHOTO_SUFFIXES]
        if paths:
            self.attach_photos(paths)
            event.acceptProposedAction()

    # --- indicators ---------------------------------------------------------------------------
    def _show_indicators(self) -> None:
        if self.package is None:
            return
        area = self.pilot_area
        table = self.package.indicator_snapshots(area) if area is not None else self.package.indicator_snapshots()
        if area is None and len(table):
            table = table.iloc[0:0]
        self.indicators.show_indicators(table)

    # --- field packages and sync --------------------------------------------------------------
    def after_import(self, result) -> None:
        """A field package was merged (on another connection): re-read verdicts, history and sync state."""
        if self.package is None:
            return
        self._after_write()
        self.sync_panel.show_import(result.counts, result.html_path)
        self.refresh_sync()

    def refresh_sync(self) -> int:
        """Show the outbox count and the receipts (all, or the selected item's); returns the rows shown."""
        if self.package is None:
            return 0
        if self.sync_panel.only_item.isChecked():
            receipts = receipt_frame(self.package, self.current_item) if self.current_item else receipt_frame(
                self.package).iloc[0:0]
        else:
            receipts = receipt_frame(self.package)
        return self.sync_panel.show_state(self.package.outbox(), receipts)

    def open_sync_dialog(self) -> None:
        """The catalog sync dialog for this package; the Sync tab refreshes after each push."""
        from planmonitor_plugin.gui.sync_dialog import SyncDialog

        if self.sync_dialog is None:
            self.sync_dialog = SyncDialog(self.iface, self)
            self.sync_dialog.pushFinished.connect(self.package_pushed)
        if self.package is not None:
            self.sync_dialog.package_widget.setFilePath(str(self.package.path))
        self.sync_dialog.show()
        self.sync_dialog.raise_()

    def package_pushed(self, path: str) -> None:
        if self.package is not None and Path(path).resolve() == self.package.path.resolve():
            self._after_write()
            self.refresh_sync()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.field_actions.restore_tool()
        super().closeEvent(event)

    # --- messages and cleanup -----------------------------------------------------------------
    def message(self, text: str, level=Qgis.MessageLevel.Info) -> None:
        self.last_message = text
        self.iface.messageBar().pushMessage(tr("Pilot-area review"), text, level, 5)

    def unload(self) -> None:
        """Close the package and cancel a running load (plugin unload)."""
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self.field_actions.unload()
        if self.sync_dialog is not None:
            self.sync_dialog.close()
            self.sync_dialog.deleteLater()
            self.sync_dialog = None
        self.close_package()
