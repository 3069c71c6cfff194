"""国家目录同步 Catalog sync dialog: connections, search with the map extent, download and push as QgsTasks."""

from __future__ import annotations

from typing import Callable, Optional

from qgis.core import Qgis, QgsApplication, QgsTask
from qgis.gui import QgsAuthConfigSelect, QgsFileWidget
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.core.workpackage import WorkPackage
from planmonitor_plugin.qgis_adapter.i18n import tr
from planmonitor_plugin.qgis_adapter.sync_client import (
    CatalogConnection,
    SyncClient,
    describe,
    extent_bbox,
    get_connection,
    list_connections,
    receipts_text,
    remove_connection,
    save_connection,
    summary,
)


class SyncTask(QgsTask):
    """Runs ``work(client)`` in QGIS's task manager (cancellable); ``done(result, error)`` in the main thread."""

    def __init__(self, description: str, connection: CatalogConnection, work: Callable, done: Callable) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.connection, self.work, self.done = connection, work, done
        self.result, self.error = None, None

    def run(self) -> bool:
        client = SyncClient.from_connection(self.connection, progress=self._progress, cancelled=self.isCanceled)
        try:
            self.result = self.work(client)
            return True
        except Exception as exc:  # noqa: BLE001 - shown in the dialog instead of a lost traceback in a thread
            self.error = describe(exc) or repr(exc)
            return False

    def _progress(self, fraction: Optional[float], text: str) -> None:
        if fraction is not None:
            self.setProgress(100.0 * fraction)

    def finished(self, ok: bool) -> None:
        self.done(self.result if ok else None, self.error or ("" if ok else tr("Cancelled by the user.")))


class SyncDialog(QDialog):
    """Connections (add / test / remove), catalog search, task-package download, outbox push with receipts.

    ``pushFinished(path)`` is emitted after a push of the work package at ``path`` (the review dock refreshes).
    """

    pushFinished = pyqtSignal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.tasks: list = []  # keep Python task objects alive while QGIS runs them
        self.setWindowTitle(tr("Catalog sync (国家目录同步)"))
        self.connection_box = QComboBox()
        self.status = QLabel()
        self.status.setWordWrap(True)
        tabs = QTabWidget()
        tabs.addTab(self._connections_tab(), tr("Connections"))
        tabs.addTab(self._search_tab(), tr("Search and download"))
        tabs.addTab(self._push_tab(), tr("Push results"))
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Connection")))
        top.addWidget(self.connection_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(tabs)
        layout.addWidget(self.status)
        self._refresh_connections()

    # -- connections ------------------------------------------------------------------------------
    def _connections_tab(self) -> QWidget:
        widget = QWidget()
        self.connection_list = QListWidget()
        self.connection_list.currentTextChanged.connect(self._show_connection)
        self.name_edit, self.url_edit = QLineEdit(), QLineEdit()
        self.url_edit.setPlaceholderText("https://catalog.example.gov.cn/ogcapi")
        self.auth_select = QgsAuthConfigSelect(widget)
        form = QFormLayout()
        form.addRow(tr("Name"), self.name_edit)
        form.addRow(tr("URL"), self.url_edit)
        form.addRow(tr("Authentication"), self.auth_select)
        buttons = QHBoxLayout()
        for text, slot in ((tr("Save"), self._save_connection), (tr("Test"), self._test_connection),
                           (tr("Remove"), self._remove_connection)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QHBoxLayout(widget)
        layout.addWidget(self.connection_list, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addStretch()
        layout.addLayout(right, 2)
        return widget

    def _refresh_connections(self, select: str = "") -> None:
        names = [connection.name for connection in list_connections()]
        current = select or self.connection_box.currentText()
        self.connection_box.clear()
        self.connection_box.addItems(names)
        self.connection_list.clear()
        self.connection_list.addItems(names)
        if current in names:
            self.connection_box.setCurrentText(current)

    def _show_connection(self, name: str) -> None:
        connection = get_connection(name) if name else None
        if connection:
            self.name_edit.setText(connection.name)
            self.url_edit.setText(connection.url)
            self.auth_select.setConfigId(connection.authcfg)
            self.connection_box.setCurrentText(name)

    def _save_connection(self) -> None:
        try:
            saved = save_connection(CatalogConnection(self.name_edit.text(), self.url_edit.text(),
                                                      self.auth_select.configId()))
        except PlanMonitorError as exc:
            return self._say(describe(exc), error=True)
        self._refresh_connections(saved.name)
        self._say(tr("Connection “{name}” saved.").format(name=saved.name))

    def _remove_connection(self) -> None:
        name = self.name_edit.text().strip()
        if name and get_connection(name):
            remove_connection(name)
            self._refresh_connections()
            self._say(tr("Connection “{name}” removed.").format(name=name))

    def _test_connection(self) -> None:
        connection = self._connection()
        if connection is None:
            return
        try:
            answer = SyncClient.from_connection(connection, timeout=15).test()
        except PlanMonitorError as exc:
            return self._say(describe(exc), error=True)
        note = tr("accepts pushed results") if answer["create"] else tr("does not accept pushed results (read-only)")
        self._say(tr("Connected to “{title}”: {note}.").format(title=answer["title"] or connection.url, note=note))

    def _connection(self) -> Optional[CatalogConnection]:
        connection = get_connection(self.connection_box.currentText())
        if connection is None:
            self._say(tr("Add and choose a catalog connection first."), error=True)
        return connection

    # -- search and download ----------------------------------------------------------------------
    def _search_tab(self) -> QWidget:
        widget = QWidget()
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(tr("Keywords, e.g. 监测图斑"))
        self.type_box = QComboBox()
        for label, value in ((tr("Task packages"), "task-package"), (tr("Datasets"), "dataset"), (tr("All"), "")):
            self.type_box.addItem(label, value)
        self.extent_check = QCheckBox(tr("Only in the current map extent"))
        self.extent_check.setChecked(True)
        search = QPushButton(tr("Search"))
        search.clicked.connect(self._search)
        self.results = QTableWidget(0, 4)
        self.results.setHorizontalHeaderLabels([tr("Id"), tr("Type"), tr("Title"), tr("Created")])
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        download = QPushButton(tr("Download task package into a work package…"))
        download.clicked.connect(self._download)
        row = QHBoxLayout()
        for item in (self.query_edit, self.type_box, self.extent_check, search):
            row.addWidget(item)
        layout = QVBoxLayout(widget)
        layout.addLayout(row)
        layout.addWidget(self.results)
        layout.addWidget(download)
        return widget

    def _map_bbox(self):
        canvas = self.iface.mapCanvas() if self.iface else None
        if canvas is None or not self.extent_check.isChecked():
            return None
        return extent_bbox(canvas.extent(), canvas.mapSettings().destinationCrs())

    def _search(self) -> None:
        connection = self._connection()
        if connection is None:
            return
        try:
            records = SyncClient.from_connection(connection, timeout=20).search(
                self.query_edit.text().strip() or None, self._map_bbox(), self.type_box.currentData() or None)
        except PlanMonitorError as exc:
            return self._say(describe(exc), error=True)
        self.results.setRowCount(len(records))
        for index, record in enumerate(records):
            for column, value in enumerate((record.id, record.type, record.title, record.created)):
                self.results.setItem(index, column, QTableWidgetItem(value))
        self.results.resizeColumnsToContents()
        self._say(tr("{count} records found.").format(count=len(records)))

    def _download(self) -> None:
        connection, row = self._connection(), self.results.currentRow()
        if connection is None or row < 0:
            return self._say(tr("Choose a task package in the search results."), error=True) if connection else None
        record_id = self.results.item(row, 0).text()
        path, _ = QFileDialog.getSaveFileName(self, tr("Work package"), f"{record_id}.gpkg", tr("GeoPackage (*.gpkg)"))
        if not path:
            return
        bbox = self._map_bbox()

        def done(result, error: str) -> None:
            if error:
                return self._say(error, error=True)
            self._say(tr("{count} items downloaded: {inserted} added, {unchanged} already there → {path}").format(
                count=result.features, path=path, **result.counts))

        self._run(tr("Download task package {id}").format(id=record_id), connection,
                  lambda client: client.pull(path, record_id, bbox), done)

    # -- push -------------------------------------------------------------------------------------
    def _push_tab(self) -> QWidget:
        widget = QWidget()
        self.package_widget = QgsFileWidget()
        self.package_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        self.pull_check = QCheckBox(tr("Then pull other reviewers' verdicts"))
        push = QPushButton(tr("Push outbox"))
        push.clicked.connect(self._push)
        self.receipts = QPlainTextEdit()
        self.receipts.setReadOnly(True)
        form = QFormLayout()
        form.addRow(tr("Work package"), self.package_widget)
        layout = QVBoxLayout(widget)
        layout.addLayout(form)
        layout.addWidget(self.pull_check)
        layout.addWidget(push)
        layout.addWidget(QLabel(tr("Receipts")))
        layout.addWidget(self.receipts)
        return widget

    def _push(self) -> None:
        connection, path = self._connection(), self.package_widget.filePath()
        if connection is None or not path:
            return self._say(tr("Choose a work package."), error=True) if connection else None
        pull = self.pull_check.isChecked()

        def work(client):
            with WorkPackage.open(path) as package:
                pushed = client.push(package)
                incoming = client.pull_events(package) if pull else None
                return pushed, incoming, len(package.outbox())

        def done(result, error: str) -> None:
            if error:
                self.pushFinished.emit(path)  # receipts of the items sent before the failure are kept
                return self._say(error, error=True)
            pushed, incoming, remaining = result
            text = receipts_text(pushed.receipts) or tr("The outbox was empty.")
            if incoming is not None and len(incoming.report):
                conflicts = incoming.report[incoming.report["outcome"] == "conflicting"]
                text += "\n" + tr("{count} verdicts pulled, {conflicts} conflicting").format(
                    count=len(incoming.report), conflicts=len(conflicts))
            self.receipts.setPlainText(text)
            self._say(summary(pushed) + " · " + tr("{count} still in the outbox").format(count=remaining))
            self.pushFinished.emit(path)

        self._run(tr("Push outbox of {name}").format(name=path), connection, work, done)

    # -- helpers ----------------------------------------------------------------------------------
    def _run(self, description: str, connection: CatalogConnection, work: Callable, done: Callable) -> None:
        def finish(result, error: str) -> None:
            self.tasks.remove(task)  # QGIS deletes the task object after this
            done(result, error)

        task = SyncTask(description, connection, work, finish)
        self.tasks.append(task)
        QgsApplication.taskManager().addTask(task)
        self._say(tr("Started in the task manager: {task}").format(task=description))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        if error and self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Catalog sync"), text, Qgis.MessageLevel.Warning, 8)
