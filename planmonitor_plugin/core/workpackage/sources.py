"""From check outputs to work-package rows: screened patches, site results, pilot areas, indicators.

Pure pandas/shapely. The inputs are the attribute tables of
``planmonitor:screenchangepatches`` (JCTBBH, BGQDL, BGHDL, XZQDM, XZQMC, verdict,
suspected, reasons_zh/en, ``<rule column>_verdict`` …), ``planmonitor:sitecompliance``
(XMDM, XMMC, YDYHFLDM, verdict …) and ``planmonitor:computeindicators`` (the long table of
:mod:`planmonitor_plugin.core.indicators.snapshot`). Every other column travels into the
item's ``check_results`` (see :mod:`.frames`).
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
import pandas as pd
import shapely

from planmonitor_plugin.core.compliance.rules import RulePack
from planmonitor_plugin.core.errors import InputError

PASSING = {"compliant", "not_checked", "none", ""}
WHOLE_AREA_ID = "ALL"


def failed_rules(frame: pd.DataFrame, rule_pack: Optional[RulePack] = None) -> list[list[str]]:
    """Per row, the ids of the rules whose ``<column>_verdict`` is not compliant (column name without a pack)."""
    columns = [name[:-len("_verdict")] for name in frame.columns if name.endswith("_verdict")]
    ids = {rule.column: rule.id for rule in rule_pack.rules} if rule_pack else {}
    result: list[list[str]] = [[] for _ in range(len(frame))]
    for column in columns:
        values = frame[f"{column}_verdict"].fillna("").astype(str).str.strip().str.lower()
        for row in np.flatnonzero(~values.isin(PASSING).to_numpy()):
            result[row].append(ids.get(column, column))
    return result


def patch_items(frame: pd.DataFrame, rule_pack: Optional[RulePack] = None, only_suspected: bool = False
                ) -> tuple[pd.DataFrame, np.ndarray]:
    """Review-item rows of screened change patches, and the boolean mask of the rows kept."""
    _require(frame, ["JCTBBH"], "change patches")
    keep = np.ones(len(frame), dtype=bool)
    if only_suspected and "suspected" in frame:
        keep = frame["suspected"].fillna(False).astype(bool).to_numpy()
    items = _common(frame, "JCTBBH", rule_pack)
    items["kind"] = "change_patch"
    items["class_before"] = _column(frame, "BGQDL")
    items["class_after"] = _column(frame, "BGHDL")
    items["class_scheme"] = "sandiao"
    return items[keep].reset_index(drop=True), keep


def site_items(frame: pd.DataFrame, rule_pack: Optional[RulePack] = None) -> pd.DataFrame:
    """Review-item rows of construction sites checked by planmonitor:sitecompliance."""
    _require(frame, ["XMDM"], "construction sites")
    items = _common(frame, "XMDM", rule_pack)
    items["kind"] = "site"
    items["class_before"] = _column(frame, "YDYHFLDM")
    items["class_after"] = _column(frame, "planned_use_code") if "planned_use_code" in frame else None
    items["class_scheme"] = "ydyh"
    return items


def _common(frame: pd.DataFrame, key: str, rule_pack: Optional[RulePack]) -> pd.DataFrame:
    ids = frame[key].astype(object).where(frame[key].notna(), None)
    empty = [index for index, value in enumerate(ids) if value is None or not str(value).strip()]
    if empty:
        raise InputError(f"{key} is empty in row(s) {empty[:10]}: every review item needs its key",
                         column=key, rows=empty)
    dropped = ("fid", "kind", "item_id", "status", "rule_ids")
    items = frame.drop(columns=[c for c in dropped if c in frame.columns]).copy()
    items.insert(0, "item_id", [str(value).strip() for value in ids])
    items["status"] = _column(frame, "verdict")
    items["rule_ids"] = failed_rules(frame, rule_pack)
    items["township_code"] = _column(frame, "XZQDM")
    items["township_name"] = _column(frame, "XZQMC")
    return items.reset_index(drop=True)


def check_unique_ids(parts: Sequence[pd.DataFrame]) -> int:
    """Total item count of patches and sites; an item id used twice is an error naming it."""
    ids = pd.Series([value for part in parts for value in part["item_id"]], dtype=object)
    duplicated = sorted(set(ids[ids.duplicated()]))
    if duplicated:
        raise InputError(f"item id(s) used twice (JCTBBH / XMDM): {', '.join(duplicated[:10])}", values=duplicated)
    return len(ids)


def township_areas(frame: pd.DataFrame) -> pd.DataFrame:
    """One pilot area per township (XZQDM, XZQMC): area_id = XZQDM."""
    _require(frame, ["XZQDM"], "townships")
    codes = frame["XZQDM"].astype(str).str.strip()
    names = _column(frame, "XZQMC") if "XZQMC" in frame else codes
    return pd.DataFrame({"area_id": codes.to_numpy(), "name": list(names), "township_code": codes.to_numpy(),
                         "township_name": list(names)})


def layer_areas(frame: pd.DataFrame) -> pd.DataFrame:
    """Pilot areas from a polygon layer: area_id (or SDQBH / BSM, else P1, P2 …), name, township."""
    key = next((name for name in ("area_id", "SDQBH", "BSM") if name in frame.columns), None)
    ids = (frame[key].astype(str).str.strip().tolist() if key else [f"P{index + 1}" for index in range(len(frame))])
    name_column = next((name for name in ("name", "SDQMC", "MC", "XZQMC") if name in frame.columns), None)
    names = frame[name_column].astype(object).where(frame[name_column].notna(), None).tolist() if name_column else ids
    return pd.DataFrame({"area_id": ids, "name": [n if n else i for n, i in zip(names, ids)],
                         "township_code": _column(frame, "XZQDM"), "township_name": _column(frame, "XZQMC")})


def whole_area(geometries: Sequence, name: str, margin_deg: float = 0.0005):
    """One pilot area covering every item (their bounding box, with a small margin), or None."""
    present = [geometry for geometry in geometries if geometry is not None and not geometry.is_empty]
    if not present:
        return None, None
    min_x, min_y, max_x, max_y = shapely.total_bounds(present)
    frame = pd.DataFrame({"area_id": [WHOLE_AREA_ID], "name": [name], "township_code": [None],
                          "township_name": [None]})
    return frame, [shapely.box(min_x - margin_deg, min_y - margin_deg, max_x + margin_deg, max_y + margin_deg)]


def area_indicators(snapshot: pd.DataFrame, areas: pd.DataFrame) -> pd.DataFrame:
    """The rows of an indicator long table that belong to the pilot areas, unit_code = area_id.

    A township pilot area takes its township's rows (unit_code = township_code); the whole-extent
    area takes the county rows (unit_level = county).
    """
    _require(snapshot, ["unit_code", "indicator_id", "value"], "indicator table")
    parts = []
    codes = snapshot["unit_code"].astype(str).str.strip()
    for area in areas.to_dict("records"):
        if area["area_id"] == WHOLE_AREA_ID and "unit_level" in snapshot:
            rows = snapshot[snapshot["unit_level"].astype(str) == "county"]
        else:
            wanted = {str(value) for value in (area.get("township_code"), area["area_id"]) if value}
            rows = snapshot[codes.isin(wanted)]
        if len(rows):
            parts.append(rows.assign(unit_code=area["area_id"], unit_name=area.get("name") or area["area_id"]))
    return pd.concat(parts, ignore_index=True) if parts else snapshot.iloc[0:0]


def _column(frame: pd.DataFrame, name: str) -> list:
    if name not in frame.columns:
        return [None] * len(frame)
    return [None if pd.isna(value) else str(value) for value in frame[name]]


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise InputError(f"{what}: missing field(s) {', '.join(missing)}", table=what, columns=list(missing))
