"""The parts of the review panel below the item list: details, verdict form, photos, history, indicators."""

from __future__ import annotations

import html
from typing import Optional

import pandas as pd
from qgis.PyQt.QtCore import QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QIcon, QPixmap
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planmonitor_plugin.core.workpackage import VerdictTypes
from planmonitor_plugin.gui.review_model import check_status_names, kind_names
from planmonitor_plugin.qgis_adapter.i18n import qgis_locale, tr

WARNING_COLOURS = {"green": "#c8e6c9", "yellow": "#fff59d", "red": "#ef9a9a"}
THUMBNAIL = 96


def chinese_ui() -> bool:
    return qgis_locale().lower().startswith("zh")


def verdict_label(types: VerdictTypes, verdict: str, sub_type: Optional[str] = None) -> str:
    """合法 · 已批准用地 (or the English names), from the package's verdict list."""
    entry = types.verdicts.get(verdict)
    if entry is None:
        return verdict
    zh = chinese_ui()
    text = entry.name_zh if zh else entry.name_en
    sub = entry.sub_types.get(sub_type) if sub_type else None
    return text + (f" · {sub.name_zh if zh else sub.name_en}" if sub else (f" · {sub_type}" if sub_type else ""))


def verdict_names(types: VerdictTypes) -> dict[str, str]:
    """'verdict/sub_type' → sub-type name, for the item list."""
    zh = chinese_ui()
    return {f"{code}/{sub.code}": sub.name_zh if zh else sub.name_en
            for code, entry in types.verdicts.items() for sub in entry.sub_types.values()}


def rule_names() -> dict[str, str]:
    """Rule id → name (Chinese under a zh_CN QGIS) from the bundled rule pack; empty if it cannot be read."""
    from planmonitor_plugin.core.compliance.rules import load_rule_pack
    from planmonitor_plugin.core.errors import PlanMonitorError

    try:
        pack = load_rule_pack()
    except PlanMonitorError:
        return {}
    return {rule.id: rule.name_zh if chinese_ui() else rule.name_en for rule in pack.rules}


def current_verdict_text(history: pd.DataFrame, types: VerdictTypes) -> str:
    """“Current verdict: 违法 · 未批先建 (李明, 2026-11-24 16:01)”, or that the item has none."""
    current = history[history["is_current"]] if len(history) else history
    if not len(current):
        return tr("No verdict yet.")
    record = current.iloc[0]
    when = str(record.get("created_local") or record.get("created_utc") or "")[:16].replace("T", " ")
    text = tr("Current verdict: {verdict} ({reviewer}, {when})").format(
        verdict=verdict_label(types, record["verdict"], record.get("sub_type")), reviewer=record["reviewer"],
        when=when)
    open_count = int(history["is_open"].sum())
    return text + (" " + tr("— {count} open verdicts: conflict to resolve").format(count=open_count)
                   if open_count > 1 else "")


def details_html(record: dict) -> str:
    """The item's identity, classes before/after, areas and check results as HTML."""
    results = record.get("check_results") or {}
    rows = [(tr("Item"), record.get("key") or record.get("item_id")), (tr("Project name"), record.get("XMMC")),
            (tr("Type"), kind_names().get(record.get("kind"), record.get("kind"))),
            (tr("Township"), record.get("township_name")), (tr("Pilot area"), record.get("pilot_area_id")),
            (tr("Check result"), check_status_names().get(record.get("status"), record.get("status"))),
            (tr("Class before"), record.get("class_before")), (tr("Class after"), record.get("class_after")),
            (tr("Area"), _area_text(record)),
            (tr("Reasons"), results.get("reasons_zh" if chinese_ui() else "reasons_en"))]
    body = "".join(f"<tr><th align='left'>{html.escape(label)}</th><td>{html.escape(str(value))}</td></tr>"
                   for label, value in rows if value not in (None, "", []))
    return f"<table cellspacing='2'>{body}</table>{_rule_table(results)}"


def _area_text(record: dict) -> str:
    values = [record.get("area_m2"), record.get("area_ha"), record.get("area_mu")]
    if any(v is None or pd.isna(v) for v in values):
        return ""
    return tr("{m2:,.1f} m² · {ha:,.4f} ha · {mu:,.2f} mu").format(m2=values[0], ha=values[1], mu=values[2])


def _rule_table(results: dict) -> str:
    prefixes = [key[:-len("_verdict")] for key in results if key.endswith("_verdict")]
    if not prefixes:
        return ""
    statuses = check_status_names()
    head = (f"<tr><th align='left'>{html.escape(tr('Rule'))}</th><th>{html.escape(tr('Result'))}</th>"
            f"<th>{html.escape(tr('Area (mu)'))}</th></tr>")
    rows = []
    for prefix in prefixes:
        verdict = results.get(f"{prefix}_verdict")
        mu = results.get(f"{prefix}_mu")
        colour = "#c62828" if verdict == "non_compliant" else "#b26a00" if verdict == "needs_justification" else ""
        rows.append(f"<tr><td>{html.escape(prefix)}</td><td style='color:{colour}'>"
                    f"{html.escape(statuses.get(verdict, str(verdict)))}</td>"
                    f"<td align='right'>{'' if mu is None else f'{mu:,.2f}'}</td></tr>")
    return f"<h4>{html.escape(tr('Check results'))}</h4><table cellspacing='2'>{head}{''.join(rows)}</table>"


class VerdictForm(QWidget):
    """合法 / 违法 / 其他 with sub-types, note, reviewer and device; required fields marked and enforced."""

    saveRequested = pyqtSignal()  # noqa: N815 (Qt signal naming)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.types: Optional[VerdictTypes] = None
        self.verdict = QComboBox()
        self.sub_type = QComboBox()
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(60)
        self.reviewer = QLineEdit()
        self.device = QLineEdit()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        self.save_button = QPushButton(tr("Record verdict"))
        self.save_button.clicked.connect(self.saveRequested)
        self.labels = {name: QLabel(text) for name, text in (
            ("verdict", tr("Verdict")), ("sub_type", tr("Sub-type")), ("note", tr("Note")),
            ("reviewer", tr("Reviewer")), ("device", tr("Device")))}
        layout = QFormLayout(self)
        for name, widget in (("verdict", self.verdict), ("sub_type", self.sub_type), ("note", self.note),
                             ("reviewer", self.reviewer), ("device", self.device)):
            layout.addRow(self.labels[name], widget)
        layout.addRow(self.message)
        layout.addRow(self.save_button)
        self.verdict.currentIndexChanged.connect(self._verdict_changed)
        self.sub_type.currentIndexChanged.connect(self._mark_required)

    def set_types(self, types: VerdictTypes) -> None:
        self.types = types
        self.verdict.blockSignals(True)
        self.verdict.clear()
        self.verdict.addItem(tr("— choose —"), None)  # nothing preselected: a verdict is always a decision
        for code in types.verdicts:
            self.verdict.addItem(verdict_label(types, code), code)
        self.verdict.blockSignals(False)
        self._verdict_changed()

    def _verdict_changed(self) -> None:
        self.sub_type.blockSignals(True)
        self.sub_type.clear()
        self.sub_type.addItem("—", None)
        entry = self.types.verdicts.get(self.verdict.currentData()) if self.types else None
        for sub in (entry.sub_types.values() if entry else []):
            self.sub_type.addItem(sub.name_zh if chinese_ui() else sub.name_en, sub.code)
        self.sub_type.blockSignals(False)
        self._mark_required()

    def required(self) -> list[str]:
        if self.types is None:
            return []
        if self.verdict.currentData() is None:
            return ["verdict", "reviewer"]  # the reviewer is always required
        return self.types.required_fields(self.verdict.currentData(), self.sub_type.currentData())

    def _mark_required(self) -> None:
        required = set(self.required()) | {"verdict"}
        for name, label in self.labels.items():
            text = label.text().rstrip(" *")
            label.setText(text + (" *" if name in required else ""))
        self.message.clear()

    def values(self) -> dict:
        return {"verdict": self.verdict.currentData(), "sub_type": self.sub_type.currentData(),
                "note": self.note.toPlainText().strip() or None, "reviewer": self.reviewer.text().strip() or None,
                "device": self.device.text().strip() or None}

    def missing(self) -> list[str]:
        """Required fields left empty (shown in the message line)."""
        values = self.values()
        missing = [name for name in self.required() if not values.get(name)]
        if missing:
            names = ", ".join(self.labels[name].text().rstrip(" *") for name in missing)
            self.message.setText(tr("Please fill in: {fields}").format(fields=names))
        return missing

    def clear_entry(self) -> None:
        self.verdict.setCurrentIndex(0)  # the next item starts without a verdict chosen
        self.note.clear()
        self.message.clear()


class PhotoStrip(QListWidget):
    """Thumbnails of an item's photos; EXIF position, bearing and time in the text and tooltip."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setWrapping(False)
        self.setFixedHeight(THUMBNAIL + 56)
        self.setWordWrap(True)

    def show_photos(self, photos: pd.DataFrame, data_of) -> None:
        self.clear()
        for record in photos.to_dict("records"):
            pixmap = QPixmap()
            pixmap.loadFromData(data_of(record["photo_uuid"]))
            icon = QIcon(pixmap.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)) if not pixmap.isNull() else QIcon()
            item = QListWidgetItem(icon, exif_text(record))
            item.setToolTip(f"{record['file_name']}\n{exif_text(record, long=True)}")
            item.setData(Qt.ItemDataRole.UserRole, record)
            self.addItem(item)


def exif_text(record: dict, long: bool = False) -> str:
    lon, lat = record.get("exif_lon"), record.get("exif_lat")
    if lon is None or lat is None or pd.isna(lon) or pd.isna(lat):
        position = tr("no GPS position")
    else:
        position = f"{lat:.5f}°N {lon:.5f}°E" if lat >= 0 and lon >= 0 else f"{lat:.5f}, {lon:.5f}"
    if not long:
        return position
    bearing = record.get("exif_bearing")
    parts = [position, tr("bearing {value:.0f}°").format(value=bearing) if bearing is not None and not pd.isna(
        bearing) else "", record.get("exif_taken_at") or ""]
    return "\n".join(part for part in parts if part)


CONFLICT_COLOUR = "#f3e5f5"


class HistoryView(QTreeWidget):
    """Every verdict event of an item, oldest first: when, who, what, note, source, server receipt and conflict;
    superseded ones greyed, conflicting ones marked."""

    UUID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setHeaderLabels([tr("When"), tr("Reviewer"), tr("Verdict"), tr("Note"), tr("Source"), tr("Server"),
                              tr("Conflict")])

    def show_history(self, history: pd.DataFrame, types: VerdictTypes, conflicting: Optional[set] = None,
                     receipts: Optional[dict] = None) -> None:
        """``conflicting``: uuids of events in an open conflict; ``receipts``: uuid → latest receipt status."""
        self.clear()
        conflicting, receipts = conflicting or set(), receipts or {}
        for record in history.to_dict("records"):
            when = str(record.get("created_local") or record.get("created_utc") or "")[:19].replace("T", " ")
            origin = record.get("origin") or "local"
            in_conflict = record["event_uuid"] in conflicting
            row = QTreeWidgetItem([when, record.get("reviewer") or "", verdict_label(
                types, record["verdict"], record.get("sub_type")), record.get("note") or "", _origin_text(origin),
                _receipt_text(receipts.get(record["event_uuid"])), tr("⚠ conflict") if in_conflict else ""])
            row.setData(0, self.UUID_ROLE, record["event_uuid"])
            self._style(row, record, in_conflict)
            self.addTopLevelItem(row)
        for column in range(self.columnCount() - 1):
            self.resizeColumnToContents(column)

    def _style(self, row: QTreeWidgetItem, record: dict, in_conflict: bool) -> None:
        if in_conflict:
            for column in range(self.columnCount()):
                row.setBackground(column, QBrush(QColor(CONFLICT_COLOUR)))
            row.setForeground(6, QBrush(QColor("#6a1b9a")))
            row.setToolTip(6, tr("Open verdict in conflict with another open verdict of this item"))
        elif not record.get("is_open"):
            for column in range(self.columnCount()):
                row.setForeground(column, QBrush(QColor("#9e9e9e")))
            row.setToolTip(2, tr("Superseded by a later verdict"))
        if record.get("is_current") and not in_conflict:
            font = row.font(2)
            font.setBold(True)
            row.setFont(2, font)

    def selected_uuid(self) -> Optional[str]:
        item = self.currentItem()
        return item.data(0, self.UUID_ROLE) if item is not None else None


def _receipt_text(status: Optional[str]) -> str:
    if not status:
        return ""
    return {"accepted": tr("accepted"), "duplicate": tr("already on the server"),
            "rejected": tr("rejected")}.get(status, status)


def conflict_html(history: pd.DataFrame, conflicting: set, types: VerdictTypes) -> str:
    """Both (all) sides of an open conflict: verdict, who, when, where from, note."""
    sides = history[history["event_uuid"].isin(conflicting)].to_dict("records")
    if not sides:
        return ""
    lines = []
    for record in sides:
        when = str(record.get("created_local") or record.get("created_utc") or "")[:16].replace("T", " ")
        note = f" — {record['note']}" if record.get("note") else ""
        lines.append(f"<li><b>{html.escape(verdict_label(types, record['verdict'], record.get('sub_type')))}</b>"
                     f" · {html.escape(record.get('reviewer') or '')} · {html.escape(when)} · "
                     f"{html.escape(_origin_text(record.get('origin') or 'local'))}{html.escape(note)}</li>")
    head = tr("Conflict: these verdicts disagree. Select one in the list and resolve with it, or record a new "
              "verdict in the Verdict tab.")
    return f"<div style='color:#6a1b9a'><b>⚠ {html.escape(head)}</b><ul>{''.join(lines)}</ul></div>"


def _origin_text(origin: str) -> str:
    if origin.startswith("package:"):
        return tr("field package")
    return {"local": tr("this package"), "server": tr("server")}.get(origin, origin)


class IndicatorView(QTableWidget):
    """The pilot area's indicators with their warning colours (green / yellow / red)."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels([tr("Indicator"), tr("Value"), tr("Target"), tr("Warning")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def show_indicators(self, table: pd.DataFrame) -> None:
        self.setRowCount(0)
        levels = {"green": tr("Green"), "yellow": tr("Yellow"), "red": tr("Red")}
        rows = table.to_dict("records") if len(table) else []
        self.setRowCount(len(rows))
        for row, record in enumerate(rows):
            name = record.get("name_zh") if chinese_ui() else record.get("name_en")
            unit = record.get("unit") or ""
            level = record.get("warning_level") or ""
            cells = [name or record["indicator_id"], _number(record.get("value"), unit, record.get("reason")),
                     _number(record.get("target"), unit), levels.get(level, "")]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if level in WARNING_COLOURS:
                    cell.setBackground(QBrush(QColor(WARNING_COLOURS[level])))
                self.setItem(row, column, cell)
        self.resizeColumnsToContents()


def _number(value, unit: str, reason: Optional[str] = None) -> str:
    if value is None or pd.isna(value):
        return tr("not computed") + (f" ({reason})" if reason else "") if reason is not None else ""
    return f"{value:,.2f} {unit}".strip()


def tab_page(*widgets: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(2, 2, 2, 2)
    for widget in widgets:
        layout.addWidget(widget)
    return page
