"""The indicator catalog (``resources/indicators/catalog.json``): loading and schema checks.

The catalog is data: adding an indicator of an existing computation kind, or
changing which 三调 DLBM codes a class set holds, is an edit of the JSON only.
Every problem is reported as :class:`CatalogError` naming the JSON path, e.g.
``indicators[3].computation.kind``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Union

from planmonitor_plugin.__about__ import RESOURCES_DIR
from planmonitor_plugin.core.errors import InputError

PathLike = Union[str, os.PathLike]

CATALOG_PATH = RESOURCES_DIR / "indicators" / "catalog.json"
SCHEMA_VERSION = 1
DIMENSIONS = ("安全", "创新", "协调", "绿色", "开放", "共享")
LEVELS = ("basic", "recommended", "unknown")
DIRECTIONS = ("at_least", "at_most", "none")
CONFIDENCES = ("official", "secondary", "practitioner", "provisional")
UNIT_AREA = "unit_area"  #: ratio denominator: area of the administrative unit

#: Required computation keys and allowed units per kind.
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "area_of_classes": (("class_set",), ("公顷", "m²", "亩")),
    "area_of_layer": (("layer",), ("公顷", "m²", "亩")),
    "area_of_classes_in_zone": (("class_set", "zone"), ("公顷", "m²", "亩")),
    "area_of_classes_outside_zone": (("class_set", "zone"), ("公顷", "m²", "亩")),
    "ratio": (("numerator", "denominator"), ("%",)),
    "per_capita": (("numerator", "population"), ("m²/人",)),
    "coverage_within_distance": (("residential", "facilities"), ("%",)),
    "density": (("lines",), ("km/km²",)),
}
AREA_KINDS = frozenset(kind for kind, (_keys, units) in KINDS.items() if "公顷" in units)
#: Optional ``land_use_fields`` keys: deduction_ratio = 扣除系数 (KCXS), the 田坎 share of a parcel.
OPTIONAL_LAND_USE_FIELDS = ("deduction_ratio",)
DEFAULT_DISTANCE_M = 300.0
DEFAULT_ACCESS_M = 50.0  #: from a road to the land beside it, and from a facility to its nearest road
#: straight_line: buffers; network: along the ``roads`` layer (needed); network_when_roads: network when a
#: road layer is given, else straight line (the issue's rule for the walking-coverage indicators)
DISTANCE_TYPES = ("straight_line", "network", "network_when_roads")


class CatalogError(InputError):
    """The indicator catalog is malformed; the message names the JSON path."""

    code = "indicator_catalog"


@dataclass(frozen=True)
class ClassSet:
    """A filter on current land use: DLBM codes/prefixes, optionally CZCSXM values."""

    id: str
    codes: tuple[str, ...]
    prefixes: tuple[str, ...]
    settlement_codes: tuple[str, ...] | None
    provenance: dict[str, Any]


@dataclass(frozen=True)
class Indicator:
    """One catalog indicator (see the module docstring of :mod:`catalog`)."""

    id: str
    name_zh: str
    name_en: str
    dimension: str
    level: str
    unit: str
    direction: str
    decimals: int
    computation: dict[str, Any]
    inputs: tuple[str, ...]
    provenance: dict[str, Any]
    target_codes: tuple[str, ...] = ()
    component: bool = False

    @property
    def kind(self) -> str:
        return self.computation["kind"]

    @property
    def is_area(self) -> bool:
        """True for additive area indicators (county = Σ townships, balanced rounding)."""
        return self.kind in AREA_KINDS


@dataclass(frozen=True)
class Catalog:
    """A validated catalog."""

    version: str
    land_use_fields: dict[str, str]
    population_table: dict[str, Any]
    class_sets: dict[str, ClassSet]
    indicators: tuple[Indicator, ...]
    source: str = ""
    _by_id: dict[str, Indicator] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({indicator.id: indicator for indicator in self.indicators})

    def get(self, indicator_id: str) -> Indicator:
        """The indicator with ``indicator_id`` (KeyError if unknown)."""
        return self._by_id[indicator_id]

    def ids(self) -> list[str]:
        return [indicator.id for indicator in self.indicators]

    def with_facility_layer(self, class_set: str, role: str) -> Catalog:
        """A copy in which coverage indicators whose facilities are the land-use ``class_set``
        take them from the layer ``role`` instead (e.g. a parks-and-squares layer)."""
        indicators = []
        for indicator in self.indicators:
            facilities = indicator.computation.get("facilities")
            if indicator.kind == "coverage_within_distance" and facilities == {"class_set": class_set}:
                indicator = replace(indicator, computation={**indicator.computation, "facilities": {"layer": role}},
                                    inputs=tuple(i for i in indicator.inputs if i != "land_use:DLBM")
                                    + ("land_use:DLBM", f"layer:{role}"))
            indicators.append(indicator)
        return replace(self, indicators=tuple(indicators), _by_id={})

    def lookup_codes(self) -> dict[str, str]:
        """Map of every accepted spelling (id, name_zh, target codes) → indicator id."""
        table: dict[str, str] = {}
        for indicator in self.indicators:
            for key in (indicator.id, indicator.name_zh, *indicator.target_codes):
                table[key] = indicator.id
        return table


# ----------------------------------------------------------------- public API
def load_catalog(path: PathLike | None = None) -> Catalog:
    """Read and validate the bundled catalog, or the JSON file at ``path``."""
    path = Path(path) if path is not None else CATALOG_PATH
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise CatalogError(f"{path.name}: cannot read the indicator catalog ({error})", file=str(path)) from error
    except json.JSONDecodeError as error:
        raise CatalogError(f"{path.name}: not valid JSON (line {error.lineno}, column {error.colno})",
                           file=str(path)) from error
    return parse_catalog(data, source=path.name)


def parse_catalog(data: Any, source: str = "catalog.json") -> Catalog:
    """Validate an already-parsed catalog dictionary."""
    checker = _Checker(source)
    root = checker.mapping(data, "$")
    if root.get("schema_version") != SCHEMA_VERSION:
        checker.fail("schema_version", f"must be {SCHEMA_VERSION}, got {root.get('schema_version')!r}")
    version = checker.text(root.get("version"), "version")
    fields = _land_use_fields(checker, root.get("land_use_fields"))
    population = _population_table(checker, root.get("population_table"))
    class_sets = _class_sets(checker, root.get("class_sets"))
    indicators = _indicators(checker, root.get("indicators"), class_sets, population)
    return Catalog(version, fields, population, class_sets, indicators, source)


# ------------------------------------------------------------------- checking
class _Checker:
    """Small helpers that raise :class:`CatalogError` with the JSON path."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, problem: str) -> None:
        raise CatalogError(f"{self.source}: {path}: {problem}", file=self.source, path=path)

    def mapping(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(path, "must be an object")
        return value

    def text(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, "must be a non-empty string")
        return value

    def texts(self, value: Any, path: str, allow_empty: bool = True) -> tuple[str, ...]:
        if not isinstance(value, list) or (not allow_empty and not value):
            self.fail(path, "must be a list of strings" + ("" if allow_empty else " (not empty)"))
        return tuple(self.text(item, f"{path}[{i}]") for i, item in enumerate(value))

    def choice(self, value: Any, path: str, allowed: tuple[str, ...]) -> str:
        if value not in allowed:
            self.fail(path, f"must be one of {', '.join(allowed)}; got {value!r}")
        return value


def _land_use_fields(checker: _Checker, value: Any) -> dict[str, str]:
    """Field names: class_code and settlement_code are required; deduction_ratio (三调 KCXS 扣除系数) is
    optional — without it parcel areas are not reduced by their 田坎 share."""
    fields = checker.mapping(value, "land_use_fields")
    result = {key: checker.text(fields.get(key), f"land_use_fields.{key}") for key in ("class_code", "settlement_code")}
    for key in OPTIONAL_LAND_USE_FIELDS:
        if key in fields:
            result[key] = checker.text(fields[key], f"land_use_fields.{key}")
    return result


def _population_table(checker: _Checker, value: Any) -> dict[str, Any]:
    table = checker.mapping(value, "population_table")
    result: dict[str, Any] = {key: checker.text(table.get(key), f"population_table.{key}")
                              for key in ("unit_code_column", "year_column")}
    columns = checker.mapping(table.get("columns"), "population_table.columns")
    result["columns"] = {key: checker.text(name, f"population_table.columns.{key}") for key, name in columns.items()}
    return result


def _provenance(checker: _Checker, value: Any, path: str) -> dict[str, Any]:
    provenance = checker.mapping(value, path)
    checker.text(provenance.get("source"), f"{path}.source")
    checker.choice(provenance.get("confidence"), f"{path}.confidence", CONFIDENCES)
    return provenance


def _class_sets(checker: _Checker, value: Any) -> dict[str, ClassSet]:
    raw = checker.mapping(value, "class_sets")
    for set_id, entry in raw.items():
        _check_class_entry(checker, set_id, entry, raw)
    return {set_id: _resolve_class_set(set_id, raw) for set_id in raw}


def _check_class_entry(checker: _Checker, set_id: str, entry: Any, raw: dict[str, Any]) -> None:
    path = f"class_sets.{set_id}"
    entry = checker.mapping(entry, path)
    codes = checker.texts(entry.get("codes", []), f"{path}.codes")
    prefixes = checker.texts(entry.get("prefixes", []), f"{path}.prefixes")
    parent = entry.get("extends")
    if parent is not None and parent not in raw:
        checker.fail(f"{path}.extends", f"unknown class set {parent!r}")
    if not codes and not prefixes and parent is None:
        checker.fail(path, "needs codes, prefixes or extends")
    if "settlement_codes" in entry:
        checker.texts(entry["settlement_codes"], f"{path}.settlement_codes", allow_empty=False)
    _provenance(checker, entry.get("provenance"), f"{path}.provenance")
    seen = {set_id}
    while parent is not None:
        if parent in seen:
            checker.fail(f"{path}.extends", "circular extends")
        seen.add(parent)
        parent = raw[parent].get("extends")


def _resolve_class_set(set_id: str, raw: dict[str, Any]) -> ClassSet:
    entry = raw[set_id]
    codes, prefixes = list(entry.get("codes", [])), list(entry.get("prefixes", []))
    settlement = entry.get("settlement_codes")
    parent = entry.get("extends")
    if parent is not None:
        base = _resolve_class_set(parent, raw)
        codes += base.codes
        prefixes += base.prefixes
        settlement = settlement if settlement is not None else base.settlement_codes
    return ClassSet(set_id, tuple(dict.fromkeys(codes)), tuple(dict.fromkeys(prefixes)),
                    None if settlement is None else tuple(settlement), entry["provenance"])


def _indicators(checker: _Checker, value: Any, class_sets: dict[str, ClassSet],
                population: dict[str, Any]) -> tuple[Indicator, ...]:
    if not isinstance(value, list) or not value:
        checker.fail("indicators", "must be a non-empty list")
    indicators = [_indicator(checker, entry, f"indicators[{i}]") for i, entry in enumerate(value)]
    positions: dict[str, int] = {}
    for i, indicator in enumerate(indicators):
        if indicator.id in positions:
            first = positions[indicator.id]
            checker.fail(f"indicators[{i}].id", f"duplicate id {indicator.id!r} (also indicators[{first}])")
        positions[indicator.id] = i
    kinds = {indicator.id: indicator.kind for indicator in indicators}
    for i, indicator in enumerate(indicators):
        _check_references(checker, f"indicators[{i}].computation", indicator.computation, kinds, class_sets, population)
    return tuple(indicators)


def _indicator(checker: _Checker, entry: Any, path: str) -> Indicator:
    entry = checker.mapping(entry, path)
    computation = checker.mapping(entry.get("computation"), f"{path}.computation")
    kind = checker.choice(computation.get("kind"), f"{path}.computation.kind", tuple(KINDS))
    required, units = KINDS[kind]
    for key in required:
        if key not in computation:
            checker.fail(f"{path}.computation.{key}", f"required for kind {kind!r}")
    unit = checker.choice(entry.get("unit"), f"{path}.unit", units)
    decimals = entry.get("decimals", 2)
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 8:
        checker.fail(f"{path}.decimals", "must be an integer 0…8")
    component = entry.get("component", False)
    if not isinstance(component, bool):
        checker.fail(f"{path}.component", "must be true or false")
    return Indicator(
        id=checker.text(entry.get("id"), f"{path}.id"), name_zh=checker.text(entry.get("name_zh"), f"{path}.name_zh"),
        name_en=checker.text(entry.get("name_en"), f"{path}.name_en"),
        dimension=checker.choice(entry.get("dimension"), f"{path}.dimension", DIMENSIONS),
        level=checker.choice(entry.get("level"), f"{path}.level", LEVELS), unit=unit,
        direction=checker.choice(entry.get("direction"), f"{path}.direction", DIRECTIONS), decimals=decimals,
        computation=dict(computation), inputs=checker.texts(entry.get("inputs"), f"{path}.inputs"),
        provenance=_provenance(checker, entry.get("provenance"), f"{path}.provenance"),
        target_codes=checker.texts(entry.get("target_codes", []), f"{path}.target_codes"), component=component)


def _check_references(checker: _Checker, path: str, computation: dict[str, Any], kinds: dict[str, str],
                      class_sets: dict[str, ClassSet], population: dict[str, Any]) -> None:
    kind = computation["kind"]
    for key in ("class_set", "residential"):
        if key in computation and computation[key] not in class_sets:
            checker.fail(f"{path}.{key}", f"unknown class set {computation[key]!r}")
    for key in ("layer", "zone", "lines", "area_zone"):
        if key in computation:
            checker.text(computation[key], f"{path}.{key}")
    if kind in ("ratio", "per_capita"):
        _check_operand(checker, f"{path}.numerator", computation["numerator"], kinds)
    if kind == "ratio" and computation["denominator"] != UNIT_AREA:
        _check_operand(checker, f"{path}.denominator", computation["denominator"], kinds)
    if kind == "per_capita" and computation["population"] not in population["columns"]:
        checker.fail(f"{path}.population", f"not a key of population_table.columns: {computation['population']!r}")
    if kind == "coverage_within_distance":
        _check_coverage(checker, path, computation, class_sets)


def _check_operand(checker: _Checker, path: str, value: Any, kinds: dict[str, str]) -> None:
    if value not in kinds:
        checker.fail(path, f"unknown indicator {value!r}")
    if kinds[value] not in AREA_KINDS:
        checker.fail(path, f"indicator {value!r} is not an area indicator")


def _check_coverage(checker: _Checker, path: str, computation: dict[str, Any], class_sets: dict[str, ClassSet]) -> None:
    facilities = checker.mapping(computation["facilities"], f"{path}.facilities")
    if ("class_set" in facilities) == ("layer" in facilities):
        checker.fail(f"{path}.facilities", "needs exactly one of class_set or layer")
    if "class_set" in facilities and facilities["class_set"] not in class_sets:
        checker.fail(f"{path}.facilities.class_set", f"unknown class set {facilities['class_set']!r}")
    distance = computation.get("distance_m", DEFAULT_DISTANCE_M)
    if isinstance(distance, bool) or not isinstance(distance, (int, float)) or not distance > 0:
        checker.fail(f"{path}.distance_m", "must be a positive number of metres")
    checker.choice(computation.get("distance_type", "straight_line"), f"{path}.distance_type", DISTANCE_TYPES)
    access = computation.get("access_m", DEFAULT_ACCESS_M)
    if isinstance(access, bool) or not isinstance(access, (int, float)) or not access >= 0:
        checker.fail(f"{path}.access_m", "must be a number of metres ≥ 0")
