"""Compliance review of construction project sites (建设项目选址合规性审查, domain.md §1.5).

:func:`check_sites` runs every rule of a :class:`RulePack` against the site
polygons and returns a :class:`ComplianceResult`:

``sites`` — one row per site, in input order:

* ``site_key`` (the ``XMDM`` field, or the frame's index when it is missing),
  ``verdict`` (``compliant`` / ``needs_justification`` / ``non_compliant``, the
  worst over the checked rules) and ``verdict_zh`` (合规 / 需论证 / 不合规);
* per rule, with ``<c>`` its ``column`` in the pack (``redline``, ``farmland`` …):
  ``<c>_m2``, ``<c>_ha``, ``<c>_mu`` — area of the finding (overlap with the
  constraint; for ``outside`` rules the area outside the zone; for
  ``compatible_with`` the overlap with planned polygons whose use is not
  compatible), counted once even where constraint polygons overlap each other;
  ``<c>_verdict`` — that rule's verdict, ``not_checked`` when its layer was not
  given or the site has no geometry;
* ``outside`` rules also give ``<c>_position``: ``inside`` / ``outside`` /
  ``straddling`` (None without geometry);
* ``compatible_with`` rules also give ``<c>_status``: the worst compatibility
  over the planned polygons the site overlaps (``compatible``,
  ``needs_justification``, ``incompatible``), ``not_covered`` (no planned
  polygon), ``no_use_code`` (site without intended-use code; not checked) or
  ``unknown`` (planned polygons without code).

``conflicts`` — one row per finding (a site × constraint-feature pair, or a
site's part outside the zone), aligned with ``conflict_geometry``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd
import shapely

from planmonitor_plugin.core.area import AreaFunction, polygon_areas
from planmonitor_plugin.core.code_tables import normalise_codes
from planmonitor_plugin.core.compliance.overlay import outside_parts, overlay_pairs
from planmonitor_plugin.core.compliance.rules import (
    COMPATIBILITY_RESULTS,
    COMPATIBLE,
    COMPLIANT,
    VERDICT_NAMES_ZH,
    VERDICT_ORDER,
    ComplianceRule,
    RulePack,
)
from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.progress import CancelledCallback, ProgressCallback, Steps, never_cancelled, no_progress
from planmonitor_plugin.core.units import area_units
from planmonitor_plugin.core.validation.spatial import polygonal, repair

NOT_CHECKED = "not_checked"
SITE_KEY_FIELD = "XMDM"
CONSTRAINT_KEY_FIELD = "BSM"
CONFLICT_COLUMNS = ["rule_id", "site", "site_key", "constraint_role", "constraint", "constraint_key",
                    "area_m2", "area_ha", "area_mu", "verdict", "compatibility", "intended_code", "planned_code"]

Layer = tuple[pd.DataFrame, np.ndarray]


@dataclass
class ComplianceResult:
    """Result of :func:`check_sites` (see the module docstring for the columns)."""

    sites: pd.DataFrame
    conflicts: pd.DataFrame
    conflict_geometry: np.ndarray
    pack_id: str
    pack_version: str
    skipped_rules: tuple[str, ...]


@dataclass
class _RuleOutcome:
    """Per-site columns and conflict rows of one rule."""

    columns: dict[str, object]
    conflicts: pd.DataFrame
    geometry: np.ndarray


def check_sites(sites_frame: pd.DataFrame, sites_geometry: np.ndarray, constraints: Mapping[str, Layer],
                pack: RulePack, progress: ProgressCallback = no_progress,
                cancelled: CancelledCallback = never_cancelled, area_of: AreaFunction = polygon_areas,
                key_field: str = SITE_KEY_FIELD, known_valid: bool = False) -> ComplianceResult:
    """Check every site against every rule of ``pack`` whose constraint layer is given.

    ``constraints`` maps a role id (``ecological_redline`` …) to its attribute
    frame and geometry array, all in one CRS: lon/lat with the default ``area_of``,
    or a projected working CRS with ``area_of=areas_via(to_lonlat)`` (what QGIS's own
    overlays do, so long thin sites are cut exactly as they are in QGIS).  Invalid geometries are repaired (copies)
    first, unless ``known_valid`` says the caller has done it.  Rules whose role is missing are skipped (listed in
    ``skipped_rules``, their columns say ``not_checked``).
    """
    geometry = _clean(sites_geometry, known_valid)
    _check_aligned(sites_frame, geometry, "sites")
    site_keys = _keys(sites_frame, key_field)
    steps = Steps(len(pack.rules), progress, cancelled)
    outcomes, skipped = [], []
    for number, rule in enumerate(pack.rules):
        sub_progress = _sub_progress(progress, number, len(pack.rules))
        if rule.constraint_role in constraints:
            outcomes.append(_run_rule(rule, sites_frame, geometry, site_keys, constraints[rule.constraint_role],
                                      pack, sub_progress, cancelled, area_of, known_valid))
        else:
            skipped.append(rule.id)
            outcomes.append(_not_checked(rule, len(geometry), site_keys))
        steps.advance()
    return _assemble(pack, site_keys, geometry, outcomes, tuple(skipped))


def _sub_progress(progress: ProgressCallback, number: int, total: int) -> ProgressCallback:
    """Progress of one rule mapped into its share of the whole job."""
    return lambda percent: progress(100.0 * (number + percent / 100.0) / total)


def _run_rule(rule: ComplianceRule, sites_frame: pd.DataFrame, sites: np.ndarray, site_keys: pd.Series,
              layer: Layer, pack: RulePack, progress: ProgressCallback,
              cancelled: CancelledCallback, area_of: AreaFunction, known_valid: bool = False) -> _RuleOutcome:
    frame, geometry = layer
    geometry = _clean(geometry, known_valid)
    _check_aligned(frame, geometry, rule.constraint_role)
    if rule.class_filter is not None:
        geometry = _filtered(rule, frame, geometry)
    if rule.predicate == "outside":
        return _outside_rule(rule, sites, site_keys, geometry, area_of)
    pairs, shared = overlay_pairs(sites, geometry, rule.tolerance_m2, progress, cancelled, area_of)
    constraint_keys = _keys(frame, CONSTRAINT_KEY_FIELD).to_numpy(dtype=object)
    if rule.predicate == "overlaps":
        return _overlaps_rule(rule, sites, site_keys, pairs, shared, constraint_keys, area_of)
    return _compatibility_rule(rule, sites_frame, sites, site_keys, frame, pairs, shared, constraint_keys, pack,
                               area_of)


# --------------------------------------------------------------------------- the three predicates


def _overlaps_rule(rule: ComplianceRule, sites: np.ndarray, site_keys: pd.Series, pairs: pd.DataFrame,
                   shared: np.ndarray, constraint_keys: np.ndarray, area_of: AreaFunction) -> _RuleOutcome:
    """A finding for every overlapping pair; the rule's verdict wherever there is one."""
    verdicts = np.full(len(pairs), rule.verdict["finding"], dtype=object)
    conflicts = _conflicts(rule, pairs, site_keys, constraint_keys, verdicts)
    columns = _area_columns(rule, pairs["subject"].to_numpy(), shared, verdicts, sites, area_of)
    return _RuleOutcome(columns, conflicts, shared)


def _outside_rule(rule: ComplianceRule, sites: np.ndarray, site_keys: pd.Series,
                  zone: np.ndarray, area_of: AreaFunction) -> _RuleOutcome:
    """Inside / outside / straddling the zone; the outside part above tolerance is a finding."""
    outside_m2, outside = outside_parts(sites, zone, area_of)
    site_m2 = area_of(sites)
    finding = outside_m2 > rule.tolerance_m2
    index = np.flatnonzero(finding)
    pairs = pd.DataFrame({"subject": index, "constraint": np.full(len(index), -1), "area_m2": outside_m2[index]})
    verdicts = np.full(len(index), rule.verdict["finding"], dtype=object)
    conflicts = _conflicts(rule, pairs, site_keys, np.empty(0, dtype=object), verdicts)
    columns = _area_columns(rule, index, outside[index], verdicts, sites, area_of, areas=outside_m2[index])
    columns[f"{rule.column}_position"] = _positions(outside_m2, site_m2, rule.tolerance_m2)
    return _RuleOutcome(columns, conflicts, outside[index])


def _positions(outside_m2: np.ndarray, site_m2: np.ndarray, tolerance_m2: float) -> np.ndarray:
    """``inside`` / ``outside`` / ``straddling`` from the outside and total areas (None without area)."""
    position = np.where(outside_m2 <= tolerance_m2, "inside",
                        np.where(site_m2 - outside_m2 <= tolerance_m2, "outside", "straddling")).astype(object)
    position[np.isnan(outside_m2)] = None
    return position


def _compatibility_rule(rule: ComplianceRule, sites_frame: pd.DataFrame, sites: np.ndarray,
                        site_keys: pd.Series, frame: pd.DataFrame, pairs: pd.DataFrame, shared: np.ndarray,
                        constraint_keys: np.ndarray, pack: RulePack, area_of: AreaFunction) -> _RuleOutcome:
    """Intended use of each site against the planned use of every planned polygon it overlaps."""
    intended = _codes(sites_frame, rule.use_field, len(sites), optional=True)
    planned = _codes(frame, rule.planned_field, len(frame), optional=False)
    site_codes = intended[pairs["subject"].to_numpy()]
    plan_codes = planned[pairs["constraint"].to_numpy()]
    table = pack.compatibility
    results = np.array([table.lookup(a, b) for a, b in zip(site_codes, plan_codes)], dtype=object)
    finding = np.isin(results, [r for r in COMPATIBILITY_RESULTS if r != COMPATIBLE])
    verdicts = np.array([rule.verdict[r] for r in results[finding]], dtype=object)
    found = pairs[finding].reset_index(drop=True)
    conflicts = _conflicts(rule, found, site_keys, constraint_keys, verdicts)
    conflicts["compatibility"] = results[finding]
    conflicts["intended_code"] = site_codes[finding]
    conflicts["planned_code"] = plan_codes[finding]
    columns = _area_columns(rule, found["subject"].to_numpy(), shared[finding], verdicts, sites, area_of)
    columns[f"{rule.column}_status"] = _compatibility_status(len(sites), pairs, results, intended)
    no_code = pd.isna(pd.Series(intended, dtype=object)).to_numpy()
    columns[f"{rule.column}_verdict"][no_code] = NOT_CHECKED
    return _RuleOutcome(columns, conflicts, shared[finding])


def _compatibility_status(count: int, pairs: pd.DataFrame, results: np.ndarray, intended: np.ndarray) -> np.ndarray:
    """Worst compatibility per site, or not_covered / no_use_code / unknown."""
    rank = {r: n for n, r in enumerate(COMPATIBILITY_RESULTS)}
    ranks = np.array([rank.get(r, -1) for r in results], dtype=int)
    worst = np.full(count, -2)
    np.maximum.at(worst, pairs["subject"].to_numpy(), ranks)
    status = np.array(["not_covered"] * count, dtype=object)
    status[worst == -1] = "unknown"
    for result, number in rank.items():
        status[worst == number] = result
    status[pd.isna(pd.Series(intended, dtype=object)).to_numpy()] = "no_use_code"
    return status


# --------------------------------------------------------------------------- shared helpers


def _area_columns(rule: ComplianceRule, subjects: np.ndarray, geometries: np.ndarray, verdicts: np.ndarray,
                  sites: np.ndarray, area_of: AreaFunction, areas: np.ndarray | None = None) -> dict[str, object]:
    """``<c>_m2/_ha/_mu`` (union of the findings per site) and ``<c>_verdict`` (worst finding)."""
    if areas is None:
        m2 = _union_area_per_site(subjects, geometries, len(sites), area_of)
    else:
        m2 = _scatter(subjects, areas, len(sites))
    columns: dict[str, object] = {f"{rule.column}_{unit}": value for unit, value in area_units(m2).items()}
    columns[f"{rule.column}_verdict"] = _worst_per_site(subjects, verdicts, sites)
    return columns


def _scatter(subjects: np.ndarray, values: np.ndarray, count: int) -> np.ndarray:
    result = np.zeros(count)
    result[subjects] = values
    return result


def _union_area_per_site(subjects: np.ndarray, geometries: np.ndarray, count: int,
                         area_of: AreaFunction) -> np.ndarray:
    """Ellipsoidal area of the union of each site's finding geometries (0 without findings).

    Sites with one finding take its area directly; only sites with several are
    unioned, so overlapping constraint polygons are not counted twice.
    """
    result = np.zeros(count)
    if not len(subjects):
        return result
    unique, first, counts = np.unique(subjects, return_index=True, return_counts=True)
    single = counts == 1
    result[unique[single]] = np.nan_to_num(area_of(geometries[first[single]]), nan=0.0)
    multiple = unique[~single]
    if len(multiple):
        unions = np.array([shapely.union_all(geometries[subjects == s]) for s in multiple], dtype=object)
        result[multiple] = np.nan_to_num(area_of(unions), nan=0.0)
    return result


def _worst_per_site(subjects: np.ndarray, verdicts: np.ndarray, sites: np.ndarray) -> np.ndarray:
    """Worst verdict per site; compliant without findings, not_checked without geometry."""
    rank = np.array([VERDICT_ORDER.index(v) for v in verdicts], dtype=int)
    worst = np.zeros(len(sites), dtype=int)
    np.maximum.at(worst, subjects.astype(int), rank)
    result = np.array(VERDICT_ORDER, dtype=object)[worst]
    result[shapely.is_missing(sites)] = NOT_CHECKED
    return result


def _conflicts(rule: ComplianceRule, pairs: pd.DataFrame, site_keys: pd.Series, constraint_keys: np.ndarray,
               verdicts: np.ndarray) -> pd.DataFrame:
    """Conflict rows of one rule (constraint -1 and key None for zone findings)."""
    subject = pairs["subject"].to_numpy(dtype=np.int64)
    constraint = pairs["constraint"].to_numpy(dtype=np.int64)
    units = area_units(pairs["area_m2"].to_numpy(dtype=float))
    keys = np.array([constraint_keys[c] if c >= 0 else None for c in constraint], dtype=object)
    return pd.DataFrame({
        "rule_id": rule.id, "site": subject, "site_key": site_keys.to_numpy(dtype=object)[subject],
        "constraint_role": rule.constraint_role, "constraint": constraint, "constraint_key": keys,
        "area_m2": units["m2"], "area_ha": units["ha"], "area_mu": units["mu"], "verdict": verdicts,
        "compatibility": None, "intended_code": None, "planned_code": None}, columns=CONFLICT_COLUMNS)


def _not_checked(rule: ComplianceRule, count: int, site_keys: pd.Series) -> _RuleOutcome:
    columns: dict[str, object] = {f"{rule.column}_{unit}": np.full(count, np.nan) for unit in ("m2", "ha", "mu")}
    columns[f"{rule.column}_verdict"] = np.full(count, NOT_CHECKED, dtype=object)
    if rule.predicate == "outside":
        columns[f"{rule.column}_position"] = np.full(count, None, dtype=object)
    if rule.predicate == "compatible_with":
        columns[f"{rule.column}_status"] = np.full(count, NOT_CHECKED, dtype=object)
    empty = _conflicts(rule, pd.DataFrame({"subject": [], "constraint": [], "area_m2": []}), site_keys,
                       np.empty(0, dtype=object), np.empty(0, dtype=object))
    return _RuleOutcome(columns, empty, np.empty(0, dtype=object))


def _assemble(pack: RulePack, site_keys: pd.Series, sites: np.ndarray, outcomes: list[_RuleOutcome],
              skipped: tuple[str, ...]) -> ComplianceResult:
    """Site table with the overall verdict, and all conflicts in rule order."""
    table = pd.DataFrame({"site_key": site_keys.to_numpy(dtype=object)})
    for outcome in outcomes:
        for name, values in outcome.columns.items():
            table[name] = values
    verdict_columns = [c for c in table.columns if c.endswith("_verdict")]
    ranks = table[verdict_columns].apply(lambda column: column.map(lambda v: VERDICT_ORDER.index(v)
                                                                   if v in VERDICT_ORDER else 0))
    overall = np.array(VERDICT_ORDER, dtype=object)[ranks.max(axis=1).to_numpy(dtype=int)] if verdict_columns \
        else np.full(len(table), COMPLIANT, dtype=object)
    overall[shapely.is_missing(sites)] = NOT_CHECKED
    table.insert(1, "verdict", overall)
    table.insert(2, "verdict_zh", [VERDICT_NAMES_ZH.get(v) for v in overall])
    conflicts = pd.concat([o.conflicts for o in outcomes], ignore_index=True) if outcomes else None
    geometry = np.concatenate([o.geometry for o in outcomes]) if outcomes else np.empty(0, dtype=object)
    return ComplianceResult(table, conflicts, geometry, pack.id, pack.version, skipped)


def _clean(geometry: np.ndarray, known_valid: bool = False) -> np.ndarray:
    """Valid polygonal copies (None for missing, empty or non-polygonal geometries); ``known_valid`` skips the
    validity test when the caller has already repaired them."""
    geometry = np.asarray(geometry, dtype=object)
    if known_valid:
        return polygonal(geometry)
    return repair(geometry, shapely.is_valid(geometry))


def _check_aligned(frame: pd.DataFrame, geometry: np.ndarray, what: str) -> None:
    if len(frame) != len(geometry):
        raise InputError(f"{what}: {len(frame)} attribute rows but {len(geometry)} geometries",
                         layer=what, rows=len(frame), geometries=len(geometry))


def _keys(frame: pd.DataFrame, field: str) -> pd.Series:
    """The key field's values, or the frame's index when the field is missing."""
    values = frame[field] if field in frame.columns else pd.Series(frame.index, index=frame.index)
    return values.reset_index(drop=True).astype(object)


def _codes(frame: pd.DataFrame, field: str, count: int, optional: bool) -> np.ndarray:
    """Normalised code texts (None where missing) of ``field``."""
    if field not in frame.columns:
        if optional:
            return np.full(count, None, dtype=object)
        raise InputError(f"Field {field} is missing", field=field)
    codes = normalise_codes(frame[field].reset_index(drop=True)).str.upper()
    return codes.astype(object).where(codes.notna(), None).to_numpy(dtype=object)


def _filtered(rule: ComplianceRule, frame: pd.DataFrame, geometry: np.ndarray) -> np.ndarray:
    """The geometry array with features outside the rule's class filter set to None (positions kept)."""
    codes = _codes(frame, rule.class_filter.field, len(frame), optional=False)
    keep = np.array([c in rule.class_filter.codes for c in codes], dtype=bool)
    filtered = geometry.copy()
    filtered[~keep] = None
    return filtered
