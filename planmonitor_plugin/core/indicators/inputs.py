"""Checking the engine's tabular inputs (units, population) with row-naming errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
import shapely

from planmonitor_plugin.core.code_tables import normalise_codes
from planmonitor_plugin.core.errors import InputError

#: (attribute frame or None, shapely geometry array) — one layer.
LayerInput = Tuple[Optional[pd.DataFrame], Any]
UNIT_COLUMNS = ("unit_code", "unit_name", "level")
LEVELS = ("county", "township")
_MAX_LISTED = 10


@dataclass(frozen=True)
class Units:
    """The county and its townships (township geometries are lon/lat polygons)."""

    county_code: str
    county_name: str
    codes: np.ndarray
    names: np.ndarray
    geometry: np.ndarray


def describe_rows(frame: pd.DataFrame, mask: Any, columns: Sequence[str]) -> str:
    """'row 2 (XZQDM='9'), row 5 (…)' for the rows in ``mask`` (1-based positions)."""
    positions = np.flatnonzero(np.asarray(mask, dtype=bool))
    parts = []
    for position in positions[:_MAX_LISTED]:
        cells = ", ".join(f"{column}={frame.iloc[position][column]!r}" for column in columns if column in frame)
        parts.append(f"row {position + 1} ({cells})")
    more = len(positions) - _MAX_LISTED
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


def text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    """A code column as stripped text, missing → ''."""
    return normalise_codes(frame[column]).fillna("").astype(object)


def numeric_column(frame: pd.DataFrame, column: str, table: str, key_columns: Sequence[str]) -> pd.Series:
    """``column`` as floats; text that is not a number raises InputError naming the rows."""
    raw = frame[column]
    values = pd.to_numeric(raw.astype(object).where(raw.notna(), np.nan), errors="coerce")
    bad = values.isna() & raw.notna() & (raw.astype(str).str.strip() != "")
    if bad.any():
        raise InputError(f"{table}: column {column} holds values that are not numbers: "
                         f"{describe_rows(frame, bad, [*key_columns, column])}", table=table, column=column)
    return values.astype(float)


def deduction_ratios(frame: pd.DataFrame, column: str, key_columns: Sequence[str]) -> np.ndarray:
    """扣除系数 (KCXS) of every land-use row as floats in [0, 1); NULL or empty → 0.

    Text that is not a number, or a value outside [0, 1) (a parcel cannot be all
    田坎; a percentage such as 10 instead of 0.10 is caught here), raises InputError
    naming the rows.
    """
    values = numeric_column(frame, column, "land_use", key_columns).fillna(0.0)
    bad = ~((values >= 0.0) & (values < 1.0))
    if bad.any():
        raise InputError(f"land_use: column {column} (扣除系数, the 田坎 share of a parcel) must be a number from 0 to "
                         f"below 1: {describe_rows(frame, bad, [*key_columns, column])}", table="land_use",
                         column=column)
    return values.to_numpy(dtype=float)


def check_units(units: LayerInput) -> Units:
    """Validate the units input: one county row, townships with unique codes and polygons."""
    frame, geometry = units
    if frame is None:
        raise InputError("units: the administrative units table is missing", table="units")
    missing = [column for column in UNIT_COLUMNS if column not in frame.columns]
    if missing:
        raise InputError(f"units: missing column(s) {', '.join(missing)}", table="units", columns=missing)
    frame = frame.reset_index(drop=True)
    geometry = np.asarray(geometry, dtype=object)
    if len(geometry) != len(frame):
        raise InputError(f"units: {len(frame)} rows but {len(geometry)} geometries", table="units")
    level = text_column(frame, "level").str.lower()
    bad = ~level.isin(LEVELS)
    if bad.any():
        raise InputError("units: level must be county or township: "
                         f"{describe_rows(frame, bad, UNIT_COLUMNS)}", table="units")
    county = (level == "county").to_numpy()
    if county.sum() != 1:
        raise InputError(f"units: need exactly one county row, found {int(county.sum())}", table="units")
    codes = text_column(frame, "unit_code")
    duplicated = codes.duplicated(keep=False) | (codes == "")
    if duplicated.any():
        raise InputError(f"units: unit codes must be unique and non-empty: "
                         f"{describe_rows(frame, duplicated, UNIT_COLUMNS)}", table="units")
    township = ~county
    no_shape = township & (shapely.is_missing(geometry) | shapely.is_empty(geometry))
    if not township.any() or no_shape.any():
        detail = describe_rows(frame, no_shape, UNIT_COLUMNS) if no_shape.any() else "no township rows"
        raise InputError(f"units: every township needs a polygon: {detail}", table="units")
    names = frame["unit_name"].astype(object).to_numpy()
    return Units(str(codes[county].iloc[0]), str(names[county][0]), codes[township].to_numpy(),
                 names[township], geometry[township])


def check_population(population: pd.DataFrame, spec: dict[str, Any], units: Units,
                     year: int) -> dict[str, np.ndarray]:
    """Population per township for ``year``: {column key → values (NaN where no row)}.

    Rows of the county itself are accepted and ignored (county = Σ townships);
    any other unknown unit code, text in a number column or a duplicate
    (unit, year) row raises InputError naming the rows.
    """
    code_column, year_column = spec["unit_code_column"], spec["year_column"]
    missing = [column for column in (code_column, year_column) if column not in population.columns]
    if missing:
        raise InputError(f"population: missing column(s) {', '.join(missing)}", table="population")
    frame = population.reset_index(drop=True)
    codes = text_column(frame, code_column)
    known = set(units.codes) | {units.county_code}
    unknown = ~codes.isin(known)
    if unknown.any():
        raise InputError("population: unit codes that match no township of the units layer: "
                         f"{describe_rows(frame, unknown, [code_column, year_column])}", table="population")
    years = numeric_column(frame, year_column, "population", [code_column])
    chosen = (years == year) & (codes != units.county_code)
    duplicated = chosen & codes.where(chosen).duplicated(keep=False)
    if duplicated.any():
        raise InputError(f"population: more than one row per township for {year}: "
                         f"{describe_rows(frame, duplicated, [code_column, year_column])}", table="population")
    position = {code: i for i, code in enumerate(units.codes)}
    rows = np.array([position[code] for code in codes[chosen]], dtype=np.int64)
    result: dict[str, np.ndarray] = {}
    for key, column in spec["columns"].items():
        if column not in frame.columns:
            continue
        values = numeric_column(frame, column, "population", [code_column, year_column])
        negative = values < 0
        if negative.any():
            raise InputError(f"population: negative values in {column}: "
                             f"{describe_rows(frame, negative, [code_column, year_column, column])}",
                             table="population", column=column)
        per_unit = np.full(len(units.codes), np.nan)
        per_unit[rows] = values[chosen].to_numpy()
        result[key] = per_unit
    return result


def county_code_from(township_codes: Sequence[str]) -> str:
    """The county's 12-digit XZQDM from its townships' codes: the shared 6-digit county part + ``000000``.

    Township XZQDM are 9 or 12 digits whose first 6 are the county's code (GB/T 2260),
    so 371525100000 and 371525201000 give 371525000000 — the code plan-target and
    population tables use for the county row.  Raises InputError when the townships
    do not share one county code (give the county code explicitly then).
    """
    codes = [str(code).strip() for code in township_codes]
    prefixes = sorted({code[:6] for code in codes})
    if len(prefixes) != 1 or not prefixes[0].isdigit() or len(prefixes[0]) != 6:
        shown = ", ".join(prefixes[:5])
        raise InputError(f"units: the township codes do not share one 6-digit county code ({shown}); "
                         "give the county code", table="units")
    return prefixes[0] + "000000"


def units_from_layer(codes: Sequence[Any], names: Sequence[Any], geometry: Any, county_code: str = "",
                     county_name: str = "") -> LayerInput:
    """The engine's units input from an administrative layer (XZQ) of townships.

    A feature whose code equals the county code is the county itself (its polygon is
    not used); otherwise a county row without geometry is added — county = Σ townships.
    ``county_code`` '' derives it with :func:`county_code_from`; ``county_name`` '' uses
    the county feature's name, else the code.
    """
    frame = pd.DataFrame({"unit_code": text_column(pd.DataFrame({"c": list(codes)}), "c"),
                          "unit_name": pd.Series(list(names), dtype=object)})
    frame["unit_name"] = frame["unit_name"].where(frame["unit_name"].notna(), frame["unit_code"]).astype(str)
    geometry = np.asarray(geometry, dtype=object)
    county_code = str(county_code or "").strip()
    is_county = (frame["unit_code"] == county_code).to_numpy() if county_code else np.zeros(len(frame), bool)
    if not county_code:
        county_code = county_code_from(frame["unit_code"][frame["unit_code"] != ""])
        is_county = (frame["unit_code"] == county_code).to_numpy()
    frame["level"] = np.where(is_county, "county", "township")
    if not is_county.any():
        frame = pd.concat([pd.DataFrame({"unit_code": [county_code], "unit_name": [county_name or county_code],
                                         "level": ["county"]}), frame], ignore_index=True)
        geometry = np.concatenate([np.array([None], dtype=object), geometry])
    elif county_name:
        frame.loc[is_county, "unit_name"] = county_name
    return frame, geometry
