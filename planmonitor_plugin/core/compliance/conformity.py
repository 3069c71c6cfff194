"""Land-use conformity (现状与规划符合性分析): current land use (三调 DLBM) against the planned use (YDYHFLDM).

Every current-use parcel is overlaid with the planned-use polygons. Each piece is judged by
converting the parcel's 三调 class through the 三调→用地用海 crosswalk and comparing it with the
planned code at their common level: a 4-digit current code against a 6-digit planned code
compares the first four digits, a 2-digit planned code only the level-1 class.

Categories of a piece:

* ``conforming`` — the classes agree;
* ``nonconforming`` — they differ, with a ``kind``: ``built_against_plan`` (construction land where the
  plan has non-construction use — the serious case), ``awaiting_construction`` (the plan's
  construction land is not built yet) or ``class_differs`` (any other difference);
* ``ambiguous`` — the 三调 class needs subdivision (e.g. 0204 其他园地 → 0204/0205) and its candidate
  codes do not all give the same outcome: never guessed, left to the technician;
* ``unclassified`` — a code is missing or unknown on either side;
* ``not_planned`` — the part of a parcel that no planned polygon covers.

An ambiguous class whose candidates all give the same outcome (e.g. 1006 农村道路 → 060101/060102
against planned 06) is decided: no choice between the candidates could change it.
Overlapping planned polygons would count a piece once per polygon: the planned layer should
be a clean coverage (``planmonitor:validatedata`` checks it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from planmonitor_plugin.core.area import AreaFunction, polygon_areas
from planmonitor_plugin.core.code_tables import CodeTable, crosswalk_sandiao_to_ydyh, load_code_table, normalise_codes
from planmonitor_plugin.core.compliance.overlay import overlay_pairs
from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.progress import CancelledCallback, ProgressCallback, never_cancelled, no_progress
from planmonitor_plugin.core.units import area_units
from planmonitor_plugin.core.validation.spatial import polygonal

CONFORMING, NONCONFORMING, AMBIGUOUS = "conforming", "nonconforming", "ambiguous"
UNCLASSIFIED, NOT_PLANNED = "unclassified", "not_planned"
CATEGORIES = (CONFORMING, NONCONFORMING, AMBIGUOUS, UNCLASSIFIED, NOT_PLANNED)
CATEGORY_NAMES_ZH = {CONFORMING: "符合规划", NONCONFORMING: "不符合规划", AMBIGUOUS: "地类需细分、无法判定",
                     UNCLASSIFIED: "代码缺失或无法识别", NOT_PLANNED: "规划未覆盖"}
BUILT_AGAINST_PLAN, AWAITING_CONSTRUCTION = "built_against_plan", "awaiting_construction"
CLASS_DIFFERS = "class_differs"
KIND_NAMES_ZH = {BUILT_AGAINST_PLAN: "现状建设用地、规划非建设用地",
                 AWAITING_CONSTRUCTION: "规划建设用地、现状尚未建设",
                 CLASS_DIFFERS: "地类与规划用途不一致", "": ""}
PIECE_COLUMNS = ["parcel_id", "planned_id", "township", "current_code", "current_ydyh", "planned_code",
                 "category", "category_zh", "kind", "kind_zh", "area_m2", "area_ha", "area_mu"]
TOTAL_COLUMNS = ["level", "township", "category", "category_zh", "kind", "kind_zh", "pieces",
                 "area_m2", "area_ha", "area_mu", "share"]


@dataclass
class ConformityResult:
    """``pieces``: every piece that is not conforming, with ``geometry`` aligned; ``totals`` per
    township and for the county (``level``) by category and kind, with the share of the area."""

    pieces: pd.DataFrame
    geometry: np.ndarray
    totals: pd.DataFrame
    crosswalk_version: str


def check_conformity(parcels: pd.DataFrame, parcel_geometry: np.ndarray, planned: pd.DataFrame,
                     planned_geometry: np.ndarray, township=None, current_field: str = "DLBM",
                     planned_field: str = "YDYHFLDM", tolerance_m2: float = 1.0,
                     progress: ProgressCallback = no_progress, cancelled: CancelledCallback = never_cancelled,
                     area_of: AreaFunction = polygon_areas, crosswalk: CodeTable | None = None) -> ConformityResult:
    """Judge every piece of current land use against the plan (see the module docstring).

    ``township`` gives each parcel's township code (None: one county-wide group). Pieces at or
    below ``tolerance_m2`` are slivers and ignored. ``parcel_id``/``planned_id`` are the frames'
    index values (feature ids). Geometries must be valid and in the CRS ``area_of`` expects.
    """
    _require_field(parcels, current_field, "current land use")
    _require_field(planned, planned_field, "planned land use")
    crosswalk = crosswalk or load_code_table("sandiao_to_ydyh")
    parcel_geometry = np.asarray(parcel_geometry, dtype=object)
    township = _township_codes(township, len(parcels))
    pairs, shared = overlay_pairs(parcel_geometry, np.asarray(planned_geometry, dtype=object), tolerance_m2,
                                  lambda p: progress(0.85 * p), cancelled, area_of)
    current = crosswalk_sandiao_to_ydyh(parcels[current_field].reset_index(drop=True), crosswalk)
    planned_codes = normalise_codes(planned[planned_field].reset_index(drop=True))
    judged = judge_pairs(current.iloc[pairs["subject"].to_numpy()].reset_index(drop=True),
                         planned_codes.iloc[pairs["constraint"].to_numpy()].reset_index(drop=True),
                         load_code_table("ydyh_2023").codes())
    pieces = _pieces_frame(pairs, judged, current, planned_codes, parcels.index, planned.index, township)
    gaps, gap_geometry = _not_planned(pairs, shared, parcel_geometry, tolerance_m2, area_of)
    progress(95.0)
    gap_pieces = _gap_frame(gaps, current, parcels.index, township)
    everything = pd.concat([pieces, gap_pieces], ignore_index=True)
    reported = everything["category"].to_numpy() != CONFORMING
    geometry = np.concatenate([shared, gap_geometry])[reported]
    progress(100.0)
    return ConformityResult(everything[reported].reset_index(drop=True)[PIECE_COLUMNS], geometry,
                            conformity_totals(everything), str(crosswalk.meta.get("version", "")))


def _require_field(frame: pd.DataFrame, field: str, layer: str) -> None:
    if field not in frame.columns:
        raise InputError(f"The {layer} layer has no field {field!r}", field=field, layer=layer)


def _township_codes(township, count: int) -> np.ndarray:
    if township is None:
        return np.full(count, "", dtype=object)
    codes = normalise_codes(pd.Series(np.asarray(township, dtype=object)))
    return codes.fillna("").to_numpy(dtype=object)


# --------------------------------------------------------------------------- judging


def judge_pairs(current: pd.DataFrame, planned: pd.Series, planned_vocabulary: frozenset[str]) -> pd.DataFrame:
    """Category and kind of each (crosswalk row, planned code) pair, aligned by position.

    ``current`` holds crosswalk rows (:func:`crosswalk_sandiao_to_ydyh`); ``planned`` the planned
    codes; codes outside ``planned_vocabulary`` are unclassified.
    """
    count = len(planned)
    category = np.full(count, UNCLASSIFIED, dtype=object)
    kind = np.full(count, "", dtype=object)
    planned_ok = planned.isin(list(planned_vocabulary)).fillna(False).to_numpy(dtype=bool)
    status = current["status"].to_numpy(dtype=object)
    mapped = np.flatnonzero(planned_ok & (status == "mapped"))
    category[mapped], kind[mapped] = compare_codes(current["ydyh_code"].to_numpy(dtype=object)[mapped],
                                                   planned.to_numpy(dtype=object)[mapped])
    split = np.flatnonzero(planned_ok & (status == "needs_subdivision"))
    category[split], kind[split] = _judge_candidates(current["candidates"].to_numpy(dtype=object)[split],
                                                     planned.to_numpy(dtype=object)[split])
    return pd.DataFrame({"category": category, "kind": kind})


def compare_codes(current: np.ndarray, planned: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(category, kind) of each pair of valid 用地用海 codes compared at their common level."""
    current = pd.Series(current, dtype="string")
    planned = pd.Series(planned, dtype="string")
    common = np.minimum(current.str.len().to_numpy(), planned.str.len().to_numpy())
    agree = np.zeros(len(current), dtype=bool)
    for length in np.unique(common):
        rows = np.flatnonzero(common == length)
        agree[rows] = (current.iloc[rows].str[:length].to_numpy() == planned.iloc[rows].str[:length].to_numpy())
    built_now = is_construction(current)
    built_planned = is_construction(planned)
    kind = np.select([agree, built_now & ~built_planned, ~built_now & built_planned],
                     ["", BUILT_AGAINST_PLAN, AWAITING_CONSTRUCTION], default=CLASS_DIFFERS).astype(object)
    return np.where(agree, CONFORMING, NONCONFORMING).astype(object), kind


def is_construction(codes: pd.Series) -> np.ndarray:
    """Whether each 用地用海 code's level-1 class is construction land (construction_grouping table)."""
    grouping = load_code_table("construction_grouping").frame
    construction = set(grouping.loc[grouping["group"] == "construction", "code"].tolist())
    return pd.Series(codes, dtype="string").str[:2].isin(construction).fillna(False).to_numpy(dtype=bool)


def _judge_candidates(candidates: np.ndarray, planned: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Outcome when every candidate code gives the same one, else ambiguous."""
    if not len(candidates):
        return np.empty(0, dtype=object), np.empty(0, dtype=object)
    options = pd.DataFrame({"pair": np.arange(len(candidates)), "code": pd.Series(candidates, dtype="string")
                            .fillna("").str.split(";"), "planned": planned}).explode("code")
    options = options[options["code"].str.len() > 0]
    category, kind = compare_codes(options["code"].to_numpy(dtype=object), options["planned"].to_numpy(dtype=object))
    outcomes = pd.DataFrame({"pair": options["pair"].to_numpy(), "outcome": category + "|" + kind})
    distinct = outcomes.groupby("pair")["outcome"].agg(["nunique", "first"]).reindex(np.arange(len(candidates)))
    decided = (distinct["nunique"] == 1).to_numpy()
    split = distinct["first"].fillna(f"{AMBIGUOUS}|").str.split("|", n=1, expand=True)
    category = np.where(decided, split[0].to_numpy(dtype=object), AMBIGUOUS).astype(object)
    return category, np.where(decided, split[1].to_numpy(dtype=object), "").astype(object)


# --------------------------------------------------------------------------- pieces and totals


def _pieces_frame(pairs: pd.DataFrame, judged: pd.DataFrame, current: pd.DataFrame, planned_codes: pd.Series,
                  parcel_ids: pd.Index, planned_ids: pd.Index, township: np.ndarray) -> pd.DataFrame:
    subject, constraint = pairs["subject"].to_numpy(), pairs["constraint"].to_numpy()
    return _frame(parcel_ids.to_numpy()[subject], planned_ids.to_numpy()[constraint], township[subject],
                  current.iloc[subject], planned_codes.iloc[constraint].to_numpy(dtype=object),
                  judged["category"].to_numpy(dtype=object), judged["kind"].to_numpy(dtype=object),
                  pairs["area_m2"].to_numpy())


def _gap_frame(gaps: pd.DataFrame, current: pd.DataFrame, parcel_ids: pd.Index, township: np.ndarray) -> pd.DataFrame:
    subject = gaps["subject"].to_numpy()
    return _frame(parcel_ids.to_numpy()[subject], np.full(len(subject), None, dtype=object), township[subject],
                  current.iloc[subject], np.full(len(subject), None, dtype=object),
                  np.full(len(subject), NOT_PLANNED, dtype=object), np.full(len(subject), "", dtype=object),
                  gaps["area_m2"].to_numpy())


def _frame(parcel_id, planned_id, township, current: pd.DataFrame, planned_code, category, kind,
           area_m2) -> pd.DataFrame:
    converted = current["ydyh_code"].astype(object).where(current["ydyh_code"].notna(),
                                                          current["candidates"].astype(object))
    units = area_units(area_m2)
    return pd.DataFrame({
        "parcel_id": parcel_id, "planned_id": planned_id, "township": township,
        "current_code": current["sandiao_code"].astype(object).to_numpy(),
        "current_ydyh": converted.to_numpy(dtype=object), "planned_code": planned_code,
        "category": category, "category_zh": pd.Series(category, dtype=object).map(CATEGORY_NAMES_ZH).to_numpy(),
        "kind": kind, "kind_zh": pd.Series(kind, dtype=object).map(KIND_NAMES_ZH).to_numpy(),
        "area_m2": units["m2"], "area_ha": units["ha"], "area_mu": units["mu"]}, columns=PIECE_COLUMNS)


def _not_planned(pairs: pd.DataFrame, shared: np.ndarray, parcels: np.ndarray, tolerance_m2: float,
                 area_of: AreaFunction) -> tuple[pd.DataFrame, np.ndarray]:
    """The parts of parcels outside every planned polygon (above the tolerance) and their areas.

    A parcel inside a planned polygon is covered; only the others are measured, and only
    those with uncovered area are differenced against the union of their pieces.
    """
    present = ~(shapely.is_missing(parcels) | shapely.is_empty(parcels))
    covered_whole = np.zeros(len(parcels), dtype=bool)
    covered_whole[pairs.loc[pairs["subject_inside"], "subject"].to_numpy()] = True
    candidates = np.flatnonzero(present & ~covered_whole)
    covered = pairs.groupby("subject")["area_m2"].sum().reindex(candidates, fill_value=0.0).to_numpy()
    gap = np.nan_to_num(area_of(parcels[candidates]), nan=0.0) - covered
    flagged = candidates[gap > tolerance_m2]
    outside = np.empty(len(flagged), dtype=object)
    by_subject = pairs.reset_index(drop=True).groupby("subject").indices
    for n, subject in enumerate(flagged):  # only parcels with uncovered area: few, at the plan's edges
        rows = by_subject.get(subject)
        pieces = shapely.union_all(shared[rows]) if rows is not None else None
        outside[n] = parcels[subject] if pieces is None else shapely.difference(parcels[subject], pieces)
    outside = polygonal(outside) if len(outside) else outside
    areas = np.nan_to_num(area_of(outside), nan=0.0) if len(outside) else np.empty(0)
    keep = areas > tolerance_m2
    return pd.DataFrame({"subject": flagged[keep], "area_m2": areas[keep]}), outside[keep]


def conformity_totals(pieces: pd.DataFrame) -> pd.DataFrame:
    """Area and piece count per township, category and kind, then for the whole county;
    ``share`` is the fraction of the township's (county's) judged area."""
    frames = []
    for level, keys in (("township", ["township"]), ("county", [])):
        grouped = pieces.assign(township=pieces["township"] if keys else "")
        table = grouped.groupby(["township", "category", "kind"], sort=True).agg(
            pieces=("area_m2", "size"), area_m2=("area_m2", "sum")).reset_index()
        whole = table.groupby("township")["area_m2"].transform("sum")
        table["share"] = np.where(whole > 0, table["area_m2"] / whole.where(whole > 0, 1.0), 0.0)
        table.insert(0, "level", level)
        frames.append(table)
    totals = pd.concat(frames, ignore_index=True)
    units = area_units(totals["area_m2"].to_numpy())
    totals["area_ha"], totals["area_mu"] = units["ha"], units["mu"]
    totals["category_zh"] = totals["category"].map(CATEGORY_NAMES_ZH)
    totals["kind_zh"] = totals["kind"].map(KIND_NAMES_ZH)
    totals["pieces"] = totals["pieces"].astype(np.int64)
    return totals[TOTAL_COLUMNS]
