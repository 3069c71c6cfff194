"""Qt models of the review panel: the review items of a work package, filtered and sorted.

The table model holds the items as column lists built once from a DataFrame (no per-row
widgets, no per-row queries), so 10 000 items load and scroll at once; the filter is a
boolean mask computed with pandas and looked up per row.
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
import pandas as pd
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from qgis.PyQt.QtGui import QBrush, QColor

from planmonitor_plugin.qgis_adapter.i18n import tr

UNREVIEWED, CONFLICT = "unreviewed", "conflict"
REVIEW_STATES = (UNREVIEWED, "legal", "illegal", "other", CONFLICT)
STATE_COLOURS = {UNREVIEWED: "#7f7f7f", "legal": "#1a7f37", "illegal": "#c62828", "other": "#b26a00",
                 CONFLICT: "#8e24aa"}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 2


def kind_names() -> dict[str, str]:
    return {"change_patch": tr("Change patch"), "site": tr("Construction site"), "finding": tr("Finding")}


def check_status_names() -> dict[str, str]:
    return {"compliant": tr("Compliant"), "non_compliant": tr("Non-compliant"),
            "needs_justification": tr("Needs justification")}


def review_state_names() -> dict[str, str]:
    return {UNREVIEWED: tr("Unreviewed"), "legal": tr("Legal"), "illegal": tr("Illegal"), "other": tr("Other"),
            CONFLICT: tr("Conflict")}


class ReviewItemsModel(QAbstractTableModel):
    """Review items (one row each) with their current verdict."""

    COLUMNS = ("key", "review", "status", "rules", "township_name", "kind", "area_mu", "XMMC")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.frame = pd.DataFrame(columns=["item_id"])
        self._display: dict[str, list] = {}
        self._row_of: dict[str, int] = {}
        self._verdict_names: dict[str, str] = {}

    # --- loading ----------------------------------------------------------------------------
    def set_items(self, items: pd.DataFrame, verdicts: pd.DataFrame, verdict_names: dict[str, str],
                  rule_names: Optional[dict[str, str]] = None) -> None:
        """Replace every row: ``items`` from WorkPackage.review_items, ``verdicts`` from current_verdicts.

        ``rule_names`` maps rule ids to the names shown (the rule pack's); others show their last part.
        """
        self.beginResetModel()
        frame = items.reset_index(drop=True).copy()
        frame["key"] = [jctbbh if isinstance(jctbbh, str) and jctbbh else item_id
                        for jctbbh, item_id in zip(frame.get("JCTBBH", frame["item_id"]), frame["item_id"])]
        names = rule_names or {}
        frame["rules"] = ["；".join(names.get(rule, rule.split(".")[-1]) for rule in rules)
                          if isinstance(rules, list) else "" for rules in frame.get("rule_ids", [[]] * len(frame))]
        self.frame = frame
        self._verdict_names = verdict_names
        self._row_of = {item_id: row for row, item_id in enumerate(frame["item_id"])}
        self._build_display()
        self._apply_verdicts(verdicts)
        self.endResetModel()

    def update_verdicts(self, verdicts: pd.DataFrame) -> None:
        """New current verdicts (after a record or an import): only the review column changes."""
        self._apply_verdicts(verdicts)
        if self.rowCount():
            column = self.COLUMNS.index("review")
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def _build_display(self) -> None:
        kinds, statuses = kind_names(), check_status_names()
        frame = self.frame
        self._display = {
            "key": [_text(v) for v in frame["key"]], "XMMC": [_text(v) for v in frame.get("XMMC", [None] * len(frame))],
            "kind": [kinds.get(v, _text(v)) for v in frame.get("kind", [None] * len(frame))],
            "township_name": [_text(v) for v in frame.get("township_name", [None] * len(frame))],
            "status": [statuses.get(v, _text(v)) for v in frame.get("status", [None] * len(frame))],
            "rules": list(frame["rules"]),
            "area_mu": [f"{v:,.2f}" if isinstance(v, (int, float)) and not np.isnan(v) else ""
                        for v in frame.get("area_mu", [None] * len(frame))]}

    def _apply_verdicts(self, verdicts: pd.DataFrame) -> None:
        state = np.full(len(self.frame), UNREVIEWED, dtype=object)
        label = [""] * len(self.frame)
        names = review_state_names()
        for record in verdicts.to_dict("records") if len(verdicts) else []:
            row = self._row_of.get(record["item_id"])
            if row is None:
                continue
            state[row] = CONFLICT if record.get("conflict") else record["verdict"]
            sub = self._verdict_names.get(f"{record['verdict']}/{record.get('sub_type')}")
            label[row] = names[state[row]] + (f" · {sub}" if sub else "")
        self.frame["review_state"] = state
        self._display["review"] = [text or names[UNREVIEWED] for text in label]

    # --- access -----------------------------------------------------------------------------
    def item_id(self, row: int) -> str:
        return self.frame["item_id"].iat[row]

    def row_of(self, item_id: str) -> Optional[int]:
        return self._row_of.get(item_id)

    def record(self, row: int) -> dict:
        return self.frame.iloc[row].to_dict()

    def is_unreviewed(self, row: int) -> bool:
        return self.frame["review_state"].iat[row] == UNREVIEWED

    # --- Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {"key": tr("JCTBBH / code"), "XMMC": tr("Project name"), "kind": tr("Type"),
                "township_name": tr("Township"), "status": tr("Check result"), "rules": tr("Rules"),
                "area_mu": tr("Area (mu)"), "review": tr("Verdict")}[self.COLUMNS[section]]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column, row = self.COLUMNS[index.column()], index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display[column][row]
        if role == SORT_ROLE:
            if column == "area_mu":
                value = self.frame["area_mu"].iat[row]
                return float(value) if value is not None and not pd.isna(value) else -1.0
            return self._display[column][row]
        if role == ITEM_ID_ROLE:
            return self.frame["item_id"].iat[row]
        if role == Qt.ItemDataRole.ForegroundRole and column == "review":
            return QBrush(QColor(STATE_COLOURS[self.frame["review_state"].iat[row]]))
        return None


class ReviewFilterProxy(QSortFilterProxyModel):
    """Filters by pilot area, review state, type, township and rule, and searches JCTBBH / XMMC / item id."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._mask: Optional[np.ndarray] = None
        self.setSortRole(SORT_ROLE)
        self.filters: dict[str, Optional[str]] = {}

    def set_filters(self, area: Optional[str] = None, state: Optional[str] = None, kind: Optional[str] = None,
                    township: Optional[str] = None, rule: Optional[str] = None, text: str = "") -> None:
        self.filters = dict(area=area, state=state, kind=kind, township=township, rule=rule, text=text)
        self.refresh()

    def refresh(self) -> None:
        model = self.sourceModel()
        self._mask = None if model is None else filter_mask(model.frame, **self.filters)
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        return self._mask is None or source_row >= len(self._mask) or bool(self._mask[source_row])


def filter_mask(frame: pd.DataFrame, area: Optional[str] = None, state: Optional[str] = None,
                kind: Optional[str] = None, township: Optional[str] = None, rule: Optional[str] = None,
                text: str = "") -> np.ndarray:
    """Rows that pass every filter (None / "" = no filter), computed on whole columns."""
    mask = np.ones(len(frame), dtype=bool)
    if not len(frame):
        return mask
    if area:
        mask &= (frame["pilot_area_id"] == area).to_numpy()
    if state:
        mask &= (frame["review_state"] == state).to_numpy()
    if kind:
        mask &= (frame["kind"] == kind).to_numpy()
    if township:
        mask &= (frame["township_name"].fillna("") == township).to_numpy()
    if rule:
        mask &= np.array([rule in rules if isinstance(rules, list) else False for rules in frame["rule_ids"]])
    if text and text.strip():
        needle = text.strip().lower()
        hay = frame["item_id"].fillna("").astype(str)
        for column in ("JCTBBH", "XMMC"):
            if column in frame:
                hay = hay + "\u0001" + frame[column].fillna("").astype(str)
        mask &= hay.str.lower().str.contains(needle, regex=False).to_numpy()
    return mask


def distinct(frame: pd.DataFrame, column: str) -> list[str]:
    """Sorted distinct non-empty values of a column (a list column is flattened)."""
    if column not in frame or not len(frame):
        return []
    values: Sequence = frame[column]
    flat = {v for value in values for v in (value if isinstance(value, list) else [value])
            if isinstance(v, str) and v}
    return sorted(flat)


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
