"""Compute catalog indicators per township and for the county.

All geometries are CGCS2000 lon/lat (EPSG:4490); areas are ellipsoidal
(:func:`planmonitor_plugin.core.area.polygon_areas`) in m², converted to the
catalog unit at the end.

* Each land-use parcel is assigned **whole** to the township holding the largest
  part of it (STRtree + intersection of boundary parcels only), like 三调 parcels
  belong to one 坐落单位; parcels in no township are left out.
* 田坎 deduction: when the catalog names a ``deduction_ratio`` land-use field
  (三调 KCXS 扣除系数) and the layer has it, a parcel's land-class area is its
  area × (1 − KCXS) (三调 TBDLMJ = TBMJ − KCMJ) in every class-area computation
  (``area_of_classes``, in/outside a zone, and the ratios and per-capita values
  built on them); the deducted area × KCXS is 田坎 (三调 1203 → 用地用海 2303) and
  counts for any class set that holds code ``1203`` (by code or prefix), with the
  parcel's CZCSXM.  NULL KCXS is 0; text or a value outside [0, 1) raises
  InputError naming the rows.  Without the field (or the catalog key) whole parcel
  areas are counted, as the cultivated class set's provenance note says.  Coverage
  indicators use whole parcels (they are shares of residential land).
* Every indicator is a numerator (and, for rates, a denominator) per township; the
  county value comes from the sums over townships (county = Σ townships).
* Area indicators are rounded with balanced (largest-remainder) rounding so the
  rounded township values add up to the rounded county value.
* Missing inputs give ``status = not_computed`` with ``reason = "needs …"``,
  never a zero.
* ``coverage_within_distance`` uses straight-line buffers in a local plane, or the
  walking reach along the ``roads`` layer (:mod:`network`) when the catalog's
  ``distance_type`` asks for it (``network``, or ``network_when_roads`` with roads given).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

import numpy as np
import pandas as pd
import shapely

from planmonitor_plugin.core.code_tables import normalise_codes
from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.indicators.catalog import (
    DEFAULT_ACCESS_M,
    DEFAULT_DISTANCE_M,
    UNIT_AREA,
    Catalog,
    ClassSet,
    Indicator,
    load_catalog,
)
from planmonitor_plugin.core.indicators.inputs import (
    LayerInput,
    Units,
    check_population,
    check_units,
    deduction_ratios,
)
from planmonitor_plugin.core.indicators.network import network_reach
from planmonitor_plugin.core.indicators.rounding import balanced_round, round_half_up
from planmonitor_plugin.core.indicators.spatial import (
    LocalPlane,
    assign_to_units,
    clean,
    dissolved_parts,
    ellipsoidal_areas,
    overlap_areas,
    planar_areas,
)
from planmonitor_plugin.core.progress import CancelledCallback, ProgressCallback, Steps, never_cancelled, no_progress
from planmonitor_plugin.core.units import SQUARE_METRES_PER_HECTARE, SQUARE_METRES_PER_MU

RESULT_COLUMNS = ["unit_code", "unit_name", "unit_level", "indicator_id", "name_zh", "name_en", "year", "value",
                  "value_exact", "unit", "status", "reason"]
COMPUTED, NOT_COMPUTED = "computed", "not_computed"
#: 三调 DLBM of 田坎, the class the deducted part (parcel area × KCXS) belongs to (用地用海 2303).
RIDGE_CODE = "1203"
#: Factor from the base quantity (m², m²/m², m²/person, m/m²) to the catalog unit.
UNIT_FACTORS = {"公顷": 1.0 / SQUARE_METRES_PER_HECTARE, "m²": 1.0, "亩": 1.0 / SQUARE_METRES_PER_MU, "%": 100.0,
                "m²/人": 1.0, "km/km²": 1000.0}


@dataclass
class Outcome:
    """Per-township numerator (and denominator for rates) in base units, or why not."""

    numerator: Optional[np.ndarray] = None
    denominator: Optional[np.ndarray] = None
    reason: str = ""
    empty_reason: str = "denominator is zero"
    unit_reasons: dict[int, str] = field(default_factory=dict)

    @classmethod
    def missing(cls, reason: str) -> Outcome:
        return cls(reason=reason)


def compute_indicators(units: LayerInput, land_use: Optional[LayerInput], layers: Mapping[str, LayerInput],
                       population: Optional[pd.DataFrame], catalog: Optional[Catalog] = None, year: int = 0,
                       progress: ProgressCallback = no_progress, cancelled: CancelledCallback = never_cancelled,
                       indicator_ids: Optional[list[str]] = None) -> pd.DataFrame:
    """Long table of indicator values (one row per unit × indicator), county row first.

    ``units``: (frame with unit_code, unit_name, level ∈ {county, township}; lon/lat
    polygons — the county's geometry is not used).  ``land_use``: (DLTB frame,
    parcels).  ``layers``: role id → (frame or None, geometries).  ``population``:
    table described by the catalog's ``population_table`` (or None).
    """
    catalog = catalog or load_catalog()
    selected = [catalog.get(i) for i in indicator_ids] if indicator_ids else list(catalog.indicators)
    steps = Steps(len(selected) + 1, progress, cancelled)
    context = _Context(check_units(units), land_use, layers, population, catalog, int(year))
    steps.advance()
    frames = []
    for indicator in selected:
        frames.append(_rows(context, indicator, context.outcome(indicator)))
        steps.advance()
    return pd.concat(frames, ignore_index=True)[RESULT_COLUMNS]


class _Context:
    """Inputs and cached intermediate results shared by all indicators."""

    def __init__(self, units: Units, land_use: Optional[LayerInput], layers: Mapping[str, LayerInput],
                 population: Optional[pd.DataFrame], catalog: Catalog, year: int) -> None:
        self.units, self.catalog, self.year = units, catalog, year
        self.layers = {role: clean(geometry) for role, (_frame, geometry) in layers.items() if geometry is not None}
        self.land = None if land_use is None else land_use[0].reset_index(drop=True)
        self.parcels = None if land_use is None else clean(land_use[1])
        if self.land is not None and len(self.land) != len(self.parcels):
            raise InputError(f"land use: {len(self.land)} rows but {len(self.parcels)} geometries", table="land_use")
        self.population = None if population is None else \
            check_population(population, catalog.population_table, units, year)
        self.deduction = self._deduction_ratios()
        self._cache: dict[str, Any] = {}
        self._outcomes: dict[str, Outcome] = {}

    def _deduction_ratios(self) -> Optional[np.ndarray]:
        """KCXS per parcel, or None when the catalog or the layer has no deduction field (no deduction)."""
        fields = self.catalog.land_use_fields
        column = fields.get("deduction_ratio")
        if self.land is None or column is None or column not in self.land.columns:
            return None
        keys = [name for name in ("BSM", fields["class_code"]) if name != column]
        return deduction_ratios(self.land, column, keys)

    # -------------------------------------------------------- cached pieces
    def cached(self, key: str, make) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    @property
    def township_count(self) -> int:
        return len(self.units.codes)

    def assignment(self) -> np.ndarray:
        return self.cached("assignment", lambda: assign_to_units(self.parcels, self.units.geometry))

    def parcel_areas(self) -> np.ndarray:
        return self.cached("parcel_areas", lambda: ellipsoidal_areas(self.parcels))

    def unit_areas(self) -> np.ndarray:
        return self.cached("unit_areas", lambda: ellipsoidal_areas(self.units.geometry))

    def zone_parts(self, role: str) -> np.ndarray:
        return self.cached(f"zone:{role}", lambda: dissolved_parts(self.layers[role]))

    def plane(self) -> LocalPlane:
        return self.cached("plane", lambda: LocalPlane.around(self.units.geometry))

    def per_township(self, parcel_mask: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Σ ``weights`` of the parcels in ``parcel_mask`` per assigned township."""
        assignment = self.assignment()
        chosen = parcel_mask & (assignment >= 0)
        return np.bincount(assignment[chosen], weights=weights[chosen], minlength=self.township_count)

    def class_mask(self, class_set: ClassSet) -> np.ndarray | str:
        """Parcels in ``class_set``, or the reason ('needs …') why it cannot be told."""
        if self.land is None:
            return "needs land_use layer"
        fields = self.catalog.land_use_fields
        if fields["class_code"] not in self.land.columns:
            return f"needs land_use field {fields['class_code']}"
        index, codes = self.factorized(fields["class_code"])
        chosen = np.array([_in_class_set(code, class_set) for code in codes], dtype=bool)
        settlement = self.settlement_mask(class_set)
        if isinstance(settlement, str):
            return settlement
        return chosen[index] & settlement

    def settlement_mask(self, class_set: ClassSet) -> np.ndarray | str:
        """Parcels whose CZCSXM fits ``class_set`` (all when it has no settlement codes), or why not."""
        if class_set.settlement_codes is None:
            return np.ones(len(self.land), dtype=bool)
        field_name = self.catalog.land_use_fields["settlement_code"]
        if field_name not in self.land.columns:
            return f"needs land_use field {field_name}"
        index, settlement = self.factorized(field_name)
        return np.isin(settlement, class_set.settlement_codes)[index]

    def class_weights(self, class_set: ClassSet) -> np.ndarray | str:
        """Share of each parcel's area that is land of ``class_set`` (0…1), or why it cannot be told.

        Without deduction: 1 for the parcels of the class set, else 0.  With KCXS: the
        parcel's own class gets 1 − KCXS; a class set holding 田坎 (1203) also gets KCXS
        of every parcel whose CZCSXM fits it.
        """
        def make():
            mask = self.class_mask(class_set)
            if isinstance(mask, str) or self.deduction is None:
                return mask if isinstance(mask, str) else mask.astype(float)
            weights = np.where(mask, 1.0 - self.deduction, 0.0)
            if _in_class_set(RIDGE_CODE, class_set):
                weights = weights + np.where(self.settlement_mask(class_set), self.deduction, 0.0)
            return weights
        return self.cached(f"weights:{class_set.id}", make)

    def factorized(self, field_name: str) -> tuple[np.ndarray, np.ndarray]:
        """(index into the distinct codes, distinct codes) of a land-use field — a few dozen codes, once."""
        def make():
            index, distinct = pd.factorize(normalise_codes(self.land[field_name]).fillna("").astype(object))
            return index, np.asarray(distinct, dtype=object)
        return self.cached(f"codes:{field_name}", make)

    # -------------------------------------------------------- outcomes
    def outcome(self, indicator: Indicator) -> Outcome:
        if indicator.id not in self._outcomes:
            self._outcomes[indicator.id] = _KINDS[indicator.kind](self, indicator.computation)
        return self._outcomes[indicator.id]


def _in_class_set(code: str, class_set: ClassSet) -> bool:
    return code in class_set.codes or code.startswith(class_set.prefixes)


# ------------------------------------------------------------------ kinds
def _area_of_classes(context: _Context, computation: dict[str, Any]) -> Outcome:
    weights = context.class_weights(context.catalog.class_sets[computation["class_set"]])
    if isinstance(weights, str):
        return Outcome.missing(weights)
    return Outcome(context.per_township(weights > 0, context.parcel_areas() * weights))


def _area_of_layer(context: _Context, computation: dict[str, Any]) -> Outcome:
    role = computation["layer"]
    if role not in context.layers:
        return Outcome.missing(f"needs layer {role}")
    return Outcome(overlap_areas(context.units.geometry, context.zone_parts(role), target_areas=context.unit_areas()))


def _area_in_zone(context: _Context, computation: dict[str, Any], inside: bool = True) -> Outcome:
    weights = context.class_weights(context.catalog.class_sets[computation["class_set"]])
    if isinstance(weights, str):
        return Outcome.missing(weights)
    role = computation["zone"]
    if role not in context.layers:
        return Outcome.missing(f"needs layer {role}")
    chosen = (weights > 0) & (context.assignment() >= 0)
    areas = context.parcel_areas()
    in_zone = np.zeros(len(areas))
    in_zone[chosen] = overlap_areas(context.parcels[chosen], context.zone_parts(role), target_areas=areas[chosen])
    part = in_zone if inside else areas - in_zone
    return Outcome(context.per_township(chosen, part * weights))  # 田坎 spread evenly over its parcel


def _area_outside_zone(context: _Context, computation: dict[str, Any]) -> Outcome:
    return _area_in_zone(context, computation, inside=False)


def _ratio(context: _Context, computation: dict[str, Any]) -> Outcome:
    numerator = _operand(context, computation["numerator"])
    if computation["denominator"] == UNIT_AREA:
        denominator = Outcome(context.unit_areas())
    else:
        denominator = _operand(context, computation["denominator"])
    for part in (numerator, denominator):
        if part.reason:
            return Outcome.missing(part.reason)
    return Outcome(numerator.numerator, denominator.numerator, empty_reason="denominator is zero")


def _per_capita(context: _Context, computation: dict[str, Any]) -> Outcome:
    numerator = _operand(context, computation["numerator"])
    if numerator.reason:
        return numerator
    column = context.catalog.population_table["columns"][computation["population"]]
    if context.population is None:
        return Outcome.missing(f"needs population table ({column})")
    if computation["population"] not in context.population:
        return Outcome.missing(f"needs population column {column}")
    people = context.population[computation["population"]]
    reasons = {i: f"needs population {column} for {code} in {context.year}"
               for i, code in enumerate(context.units.codes) if np.isnan(people[i])}
    return Outcome(numerator.numerator, people, empty_reason=f"population {column} is zero", unit_reasons=reasons)


def _operand(context: _Context, indicator_id: str) -> Outcome:
    outcome = context.outcome(context.catalog.get(indicator_id))
    if outcome.reason:
        return Outcome.missing(f"needs {indicator_id} ({outcome.reason})")
    return outcome


def _coverage(context: _Context, computation: dict[str, Any]) -> Outcome:
    residential = context.class_mask(context.catalog.class_sets[computation["residential"]])
    if isinstance(residential, str):
        return Outcome.missing(residential)
    facilities = _facilities(context, computation["facilities"])
    if isinstance(facilities, str):
        return Outcome.missing(facilities)
    plane = context.plane()
    homes = residential & (context.assignment() >= 0)
    home_plane = plane.project(context.parcels[homes])
    distance = float(computation.get("distance_m", DEFAULT_DISTANCE_M))
    distance_type = computation.get("distance_type", "straight_line")
    if distance_type == "network" or (distance_type == "network_when_roads" and "roads" in context.layers):
        if "roads" not in context.layers:
            return Outcome.missing("needs layer roads (network distance)")
        reach = network_reach(plane.project(context.layers["roads"]), plane.project(facilities), distance,
                              float(computation.get("access_m", DEFAULT_ACCESS_M)))
    else:
        reach = dissolved_parts(shapely.buffer(plane.project(facilities), distance, quad_segs=16))
    home_areas = planar_areas(home_plane)
    covered = np.zeros(len(context.parcels))
    covered[homes] = overlap_areas(home_plane, reach, planar_areas, target_areas=home_areas)
    total = np.zeros(len(context.parcels))
    total[homes] = home_areas
    name = computation["residential"]
    return Outcome(context.per_township(homes, covered), context.per_township(homes, total),
                   empty_reason=f"no {name} land in unit")


def _facilities(context: _Context, spec: dict[str, Any]) -> np.ndarray | str:
    """Facility geometries from a class set of the land use or from a layer role."""
    if "layer" in spec:
        if spec["layer"] not in context.layers:
            return f"needs layer {spec['layer']}"
        geometry = context.layers[spec["layer"]]
        return geometry[~shapely.is_missing(geometry)]
    mask = context.class_mask(context.catalog.class_sets[spec["class_set"]])
    return mask if isinstance(mask, str) else context.parcels[mask]


def _density(context: _Context, computation: dict[str, Any]) -> Outcome:
    role, zone = computation["lines"], computation.get("area_zone")
    for needed in (role, zone):
        if needed is not None and needed not in context.layers:
            return Outcome.missing(f"needs layer {needed}")
    regions = context.units.geometry
    if zone is not None:
        regions = shapely.intersection(regions, shapely.union_all(context.zone_parts(zone)))
    lines = context.layers[role]
    lines = lines[~shapely.is_missing(lines)]
    lengths = np.zeros(len(regions))
    if len(lines):
        line_idx, region_idx = shapely.STRtree(lines).query(regions, predicate="intersects")[::-1]
        pieces = shapely.intersection(lines[line_idx], regions[region_idx])
        np.add.at(lengths, region_idx, shapely.length(context.plane().project(pieces)))
    empty = f"no {zone} in unit" if zone else "unit has no area"
    return Outcome(lengths, ellipsoidal_areas(regions), empty_reason=empty)


_KINDS = {"area_of_classes": _area_of_classes, "area_of_layer": _area_of_layer,
          "area_of_classes_in_zone": _area_in_zone, "area_of_classes_outside_zone": _area_outside_zone,
          "ratio": _ratio, "per_capita": _per_capita, "coverage_within_distance": _coverage, "density": _density}


# ------------------------------------------------------------------ result rows
def _rows(context: _Context, indicator: Indicator, outcome: Outcome) -> pd.DataFrame:
    """County row + township rows of one indicator."""
    units = context.units
    count = len(units.codes)
    exact, reasons = _exact_values(indicator, outcome, count)
    values = _rounded(indicator, exact, reasons)
    frame = pd.DataFrame({
        "unit_code": [units.county_code, *units.codes], "unit_name": [units.county_name, *units.names],
        "unit_level": ["county"] + ["township"] * count, "indicator_id": indicator.id,
        "name_zh": indicator.name_zh, "name_en": indicator.name_en, "year": context.year,
        "value": values, "value_exact": exact, "unit": indicator.unit})
    frame["status"] = [NOT_COMPUTED if reason else COMPUTED for reason in reasons]
    frame["reason"] = reasons
    return frame


def _exact_values(indicator: Indicator, outcome: Outcome, count: int) -> tuple[np.ndarray, list[str]]:
    """Unrounded values (county first) in the catalog unit and a reason per row ('' = computed)."""
    if outcome.reason:
        return np.full(count + 1, np.nan), [outcome.reason] * (count + 1)
    factor = UNIT_FACTORS[indicator.unit]
    numerator = np.concatenate([[outcome.numerator.sum()], outcome.numerator])
    reasons = [""] + [outcome.unit_reasons.get(i, "") for i in range(count)]
    if outcome.unit_reasons:
        reasons[0] = "needs values for every township (" + "; ".join(outcome.unit_reasons.values()) + ")"
    if outcome.denominator is None:
        values = numerator * factor
    else:
        denominator = np.concatenate([[np.nansum(outcome.denominator)], outcome.denominator])
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.where(denominator > 0, numerator / denominator * factor, np.nan)
        reasons = [reason or (outcome.empty_reason if not denominator[i] > 0 else "")
                   for i, reason in enumerate(reasons)]
    values = np.where([bool(reason) for reason in reasons], np.nan, values)
    return values, reasons


def _rounded(indicator: Indicator, exact: np.ndarray, reasons: list[str]) -> np.ndarray:
    """Balanced rounding for area indicators, plain half-up rounding otherwise."""
    if indicator.is_area and not any(reasons):
        townships, county = balanced_round(exact[1:], indicator.decimals)
        return np.concatenate([[county], townships])
    return np.array([np.nan if np.isnan(value) else round_half_up(value, indicator.decimals) for value in exact])
