"""Screening of monitoring change patches (监测图斑) for suspected violations (疑似违法).

A patch is screened like a construction site (:func:`check_sites`): its land class after
the change (BGHDL, 三调 code) is converted to a 用地用海 code through the crosswalk and
checked against the planned use; overlaps with the red line, farmland and cultivated land
and its position against the urban development boundary are measured. A patch whose
verdict is not compliant is a suspected violation unless approved land (批准用地) covers it.
Rules on the urban development boundary (``outside`` rules) apply only to patches whose class
after the change is construction land (construction_grouping code table): outside the boundary
it is new construction that must be justified, not a field turned into an orchard (§1.4),
whereas farmland and red-line overlaps count for every change (§1.3).
Reasons are listed per patch, in Chinese and English, with the area of every rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from planmonitor_plugin.core.area import AreaFunction, polygon_areas
from planmonitor_plugin.core.code_tables import crosswalk_sandiao_to_ydyh, load_code_table
from planmonitor_plugin.core.compliance.overlay import outside_parts
from planmonitor_plugin.core.compliance.rules import COMPLIANT, VERDICT_NAMES_ZH, VERDICT_ORDER, RulePack
from planmonitor_plugin.core.compliance.sites import NOT_CHECKED, ComplianceResult, Layer, check_sites
from planmonitor_plugin.core.progress import CancelledCallback, ProgressCallback, never_cancelled, no_progress
from planmonitor_plugin.core.units import area_units

PATCH_KEY_FIELD = "JCTBBH"
AFTER_CLASS_FIELD = "BGHDL"
APPROVAL_TOLERANCE_M2 = 1.0


@dataclass
class PatchScreening:
    """``result.sites`` holds one row per patch with the screening columns added."""

    result: ComplianceResult


def intended_use_from_after_class(frame: pd.DataFrame, field: str = AFTER_CLASS_FIELD) -> pd.Series:
    """用地用海 code of each patch's class after the change: the mapped code, else the shared level-1 class."""
    if field not in frame.columns:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    converted = crosswalk_sandiao_to_ydyh(frame[field])
    return converted["ydyh_code"].astype(object).where(converted["ydyh_code"].notna(),
                                                       converted["level1_fallback"].astype(object))


def screen_patches(frame: pd.DataFrame, geometry: np.ndarray, constraints: Mapping[str, Layer], pack: RulePack,
                   approved: np.ndarray | None = None, progress: ProgressCallback = no_progress,
                   cancelled: CancelledCallback = never_cancelled,
                   area_of: AreaFunction = polygon_areas, known_valid: bool = False) -> PatchScreening:
    """Suspected-violation flag, reasons and per-rule areas for every patch."""
    checked = frame.copy()
    use_field = next((rule.use_field for rule in pack.rules if rule.predicate == "compatible_with"), "YDYHFLDM")
    intended = intended_use_from_after_class(frame)
    checked[use_field] = intended.to_numpy()
    result = check_sites(checked.reset_index(drop=True), geometry, constraints, pack, progress, cancelled,
                         area_of=area_of, key_field=PATCH_KEY_FIELD, known_valid=known_valid)
    sites = result.sites
    _outside_rules_only_for_construction(sites, pack, is_construction(intended).to_numpy())
    unapproved = _unapproved_area(geometry, approved, area_of)
    approved_flag = unapproved <= APPROVAL_TOLERANCE_M2 if approved is not None else np.zeros(len(sites), bool)
    for unit, values in area_units(unapproved).items():
        sites[f"unapproved_{unit}"] = values
    sites["approved"] = approved_flag
    flagged = sites["verdict"].isin(["non_compliant", "needs_justification"]).to_numpy() & ~approved_flag
    sites["suspected"] = flagged
    sites["reasons_zh"], sites["reasons_en"] = _reasons(sites, pack, flagged)
    return PatchScreening(result)


def is_construction(ydyh_codes: pd.Series) -> pd.Series:
    """True where a 用地用海 code belongs to a construction level-1 class (construction_grouping table)."""
    grouping = load_code_table("construction_grouping").frame.set_index("code")["group"]
    level1 = ydyh_codes.astype(object).map(lambda code: str(code)[:2] if isinstance(code, str) else None)
    return level1.map(grouping).eq("construction").fillna(False).astype(bool)


def _outside_rules_only_for_construction(sites: pd.DataFrame, pack: RulePack, construction: np.ndarray) -> None:
    """Clear ``outside`` findings of non-construction patches and recompute the overall verdict."""
    for rule in pack.rules:
        if rule.predicate == "outside":
            column = f"{rule.column}_verdict"
            sites.loc[~construction & (sites[column] != NOT_CHECKED), column] = COMPLIANT
    rank = {verdict: number for number, verdict in enumerate(VERDICT_ORDER)}
    columns = [f"{rule.column}_verdict" for rule in pack.rules]
    ranks = sites[columns].apply(lambda column: column.map(rank).fillna(-1)).to_numpy(dtype=int)
    worst = ranks.max(axis=1)
    checked = worst >= 0
    sites.loc[checked, "verdict"] = np.array(VERDICT_ORDER, dtype=object)[worst[checked]]
    sites["verdict_zh"] = sites["verdict"].map(lambda v: VERDICT_NAMES_ZH.get(v, v))


def _unapproved_area(geometry: np.ndarray, approved: np.ndarray | None, area_of: AreaFunction) -> np.ndarray:
    """Area (m²) of each patch outside the approved land (the whole patch without an approval layer)."""
    if approved is None or not len(approved):
        return np.nan_to_num(area_of(geometry), nan=0.0)
    outside_m2, _parts = outside_parts(geometry, approved, area_of)
    return np.nan_to_num(outside_m2, nan=0.0)


def _reasons(sites: pd.DataFrame, pack: RulePack, flagged: np.ndarray) -> tuple[list[str], list[str]]:
    """Names of the rules that make each flagged patch suspect (empty for the others)."""
    zh: list[list[str]] = [[] for _ in range(len(sites))]
    en: list[list[str]] = [[] for _ in range(len(sites))]
    for rule in pack.rules:
        verdicts = sites[f"{rule.column}_verdict"].to_numpy()
        hit = flagged & ~np.isin(verdicts, [COMPLIANT, NOT_CHECKED])
        for index in np.flatnonzero(hit):
            zh[index].append(rule.name_zh)
            en[index].append(rule.name_en)
    return ["；".join(r) for r in zh], ["; ".join(r) for r in en]
