"""Bundled code tables (用地用海, 三调 DLBM, planning zones) and their validation.

The tables are CSV files in ``resources/code_tables`` described by ``manifest.json``
(title, source, version, confidence, key and a column spec per table).  A user may
replace a bundled table with an override CSV (UTF-8 or GBK); it is checked against
the same column spec and every problem is reported with the file, the spreadsheet
row number (header = row 1) and the column.

Codes are always text: "0101" never becomes 101.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

import numpy as np
import pandas as pd

from planmonitor_plugin.__about__ import PLUGIN_ROOT
from planmonitor_plugin.core.errors import InputError

MANIFEST_NAME = "manifest.json"
ENCODINGS = ("utf-8-sig", "gbk")
TRUE_WORDS = frozenset({"true", "t", "yes", "y", "1", "是"})
FALSE_WORDS = frozenset({"false", "f", "no", "n", "0", "否"})
_INT_PATTERN = r"[+-]?[0-9]+"
_MAX_PROBLEMS = 100

PathLike = Union[str, os.PathLike]  # not `str | os.PathLike`: QGIS 3.22 on Windows runs Python 3.9


class CodeTableError(InputError):
    """A code table (bundled or user override) cannot be read or is malformed."""

    code = "code_table"


@dataclass(frozen=True)
class _Problem:
    """One validation problem, located as in a spreadsheet (header row = 1)."""

    row: int
    column: str
    problem: str
    text: str
    value: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "problem": self.problem, "value": self.value}


@dataclass(eq=False)
class CodeTable:
    """A loaded, validated code table.

    ``frame`` holds text columns as pandas ``string`` dtype (empty cells are ""),
    int columns as ``Int64`` and bool columns as ``boolean``.
    """

    id: str
    meta: dict[str, Any]
    frame: pd.DataFrame
    source_path: Path

    @property
    def key_column(self) -> str:
        """The (first) key column, e.g. ``code``."""
        return self.meta["key"][0]

    def codes(self) -> frozenset[str]:
        """All values of the key column."""
        return frozenset(self.frame[self.key_column].tolist())

    def contains(self, values: Any) -> np.ndarray:
        """Vectorised membership test: a bool array, False for missing values.

        Values are compared as stripped text; numbers are not re-padded (101 is not "0101").
        """
        text = normalise_codes(values)
        return text.isin(list(self.codes())).fillna(False).to_numpy(dtype=bool)

    def name_of(self, code: str) -> str | None:
        """Name of ``code`` (from the manifest's ``name_column``), or None if unknown."""
        column = self.meta.get("name_column")
        if not column:
            raise CodeTableError(f"Code table '{self.id}' has no name column", table=self.id)
        hits = self.frame.loc[self.frame[self.key_column] == str(code).strip(), column]
        return None if hits.empty else str(hits.iloc[0])


# ----------------------------------------------------------------- public API
def list_code_tables() -> list[dict[str, Any]]:
    """Manifest entries of all bundled tables (copies; safe to modify)."""
    return copy.deepcopy(_read_manifest()["tables"])


def load_code_table(table_id: str, override: PathLike | None = None) -> CodeTable:
    """Load a bundled table, or validate and load ``override`` in its place.

    Raises CodeTableError for an unknown table id, an unreadable file or any
    column/row that does not match the manifest's column spec.
    """
    meta = _table_meta(table_id)
    path = Path(override) if override is not None else _tables_dir() / meta["file"]
    raw = _read_csv(path)
    problems = _validate(raw, meta)
    if problems:
        _raise_problems(path, table_id, problems)
    frame = _convert(raw, meta)
    return CodeTable(id=table_id, meta=meta, frame=frame, source_path=path)


def crosswalk_sandiao_to_ydyh(codes: pd.Series, table: CodeTable | None = None) -> pd.DataFrame:
    """Map 三调 DLBM codes to 2023 用地用海 codes, one output row per input row.

    Columns: sandiao_code, ydyh_code, ydyh_name, needs_subdivision, candidates,
    level1_fallback, status. ``status`` is "mapped", "needs_subdivision", "unknown"
    (code not in the table, nothing guessed) or "empty" (missing value).
    The result keeps the index of ``codes``.
    """
    if table is None:
        table = load_code_table("sandiao_to_ydyh")
    text = normalise_codes(codes)
    columns = ["ydyh_code", "ydyh_name", "needs_subdivision", "candidates", "level1_fallback"]
    lookup = table.frame.set_index("sandiao_code")[columns]
    result = lookup.reindex(text.fillna("").to_numpy())
    result.index = text.index
    for name in ("ydyh_code", "ydyh_name", "candidates"):
        result[name] = result[name].mask(result[name] == "")  # no single target -> <NA>
    result.insert(0, "sandiao_code", text)
    result["status"] = _crosswalk_status(text, result)
    return result


def normalise_codes(values: Any) -> pd.Series:
    """Codes as a stripped ``string`` Series; None/NaN/blank become <NA>."""
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype="object")
    text = series.astype("object").where(series.notna(), None).astype("string").str.strip()
    return text.mask(text == "")


# ------------------------------------------------------------------ locating
def _tables_dir() -> Path:
    """``resources/code_tables`` of the checkout or of the installed plugin."""
    return PLUGIN_ROOT / "resources" / "code_tables"


def _read_manifest() -> dict[str, Any]:
    path = _tables_dir() / MANIFEST_NAME
    if not path.is_file():
        raise CodeTableError(f"Code table manifest not found: '{path}'", file=str(path), problem="not_installed")
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _table_meta(table_id: str) -> dict[str, Any]:
    for entry in list_code_tables():
        if entry["id"] == table_id:
            return entry
    raise CodeTableError(f"Unknown code table '{table_id}'", table=table_id, problem="unknown_table")


# ------------------------------------------------------------------- reading
def _decode(path: Path) -> str:
    """File text, trying UTF-8 (with or without BOM) and then GBK."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CodeTableError(f"Cannot read code table file '{path}': {exc.strerror or exc}",
                             file=str(path), problem="not_found") from exc
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CodeTableError(f"Code table file '{path}' is neither UTF-8 nor GBK text",
                         file=str(path), row=None, column=None, problem="encoding")


def _read_csv(path: Path) -> pd.DataFrame:
    """All cells as stripped text; index = spreadsheet row number; blank rows dropped."""
    records = list(csv.reader(io.StringIO(_decode(path), newline="")))
    if not records:
        raise CodeTableError(f"Code table file '{path}' is empty", file=str(path), row=1, column=None,
                             problem="empty_file")
    header = [cell.strip().lower() for cell in records[0]]
    _check_header(path, header)
    rows, numbers = [], []
    for number, record in enumerate(records[1:], start=2):
        cells = [cell.strip() for cell in record]
        if any(cells):
            rows.append(_fit_record(path, number, cells, len(header)))
            numbers.append(number)
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(numbers, name="row"), dtype="object")
    return frame.drop(columns=[name for name in header if name == ""])


def _check_header(path: Path, header: list[str]) -> None:
    named = [name for name in header if name]
    duplicates = sorted({name for name in named if named.count(name) > 1})
    if duplicates:
        raise CodeTableError(f"Code table file '{path}' row 1, column '{duplicates[0]}': column name repeated",
                             file=str(path), row=1, column=duplicates[0], problem="duplicate_column")


def _fit_record(path: Path, number: int, cells: list[str], width: int) -> list[str]:
    """Pad short records; drop empty trailing cells (spreadsheet export); refuse real extra cells."""
    if len(cells) > width and any(cells[width:]):
        raise CodeTableError(f"Code table file '{path}' row {number}: more cells than header columns",
                             file=str(path), row=number, column=None, problem="too_many_cells")
    return (cells + [""] * width)[:width]


# ---------------------------------------------------------------- validation
def _validate(raw: pd.DataFrame, meta: dict[str, Any]) -> list[_Problem]:
    """All problems of a raw (all-text) frame against the manifest entry ``meta``."""
    missing = _missing_columns(raw, meta)
    if missing:
        return missing
    problems: list[_Problem] = []
    for spec in meta["columns"]:
        if spec["name"] in raw.columns:
            problems += _column_problems(raw, spec, is_key=spec["name"] in meta["key"])
    problems += _duplicate_keys(raw, meta["key"])
    return sorted(problems, key=lambda p: (p.row, _column_order(meta, p.column)))


def _missing_columns(raw: pd.DataFrame, meta: dict[str, Any]) -> list[_Problem]:
    return [_Problem(1, spec["name"], "missing_column", "required column is missing")
            for spec in meta["columns"] if spec["required"] and spec["name"] not in raw.columns]


def _column_problems(raw: pd.DataFrame, spec: dict[str, Any], is_key: bool) -> list[_Problem]:
    values = raw[spec["name"]]
    empty = values == ""
    problems = []
    if spec["required"] or is_key:
        kind, text = ("empty_key", "key value is empty") if is_key else ("empty_value", "required value is empty")
        problems += [_Problem(row, spec["name"], kind, text) for row in values.index[empty]]
    filled = values[~empty]
    for check in (_type_problems, _allowed_problems, _pattern_problems):
        problems += check(filled, spec)
    if spec.get("ref") in raw.columns:
        problems += _reference_problems(filled, spec, set(raw[spec["ref"]]))
    return problems


def _bad(values: pd.Series, mask: pd.Series, spec: dict[str, Any], kind: str, text: str) -> list[_Problem]:
    return [_Problem(row, spec["name"], kind, f"{value!r} {text}", value) for row, value in values[mask].items()]


def _type_problems(values: pd.Series, spec: dict[str, Any]) -> list[_Problem]:
    if spec["type"] == "int":
        return _bad(values, ~values.str.fullmatch(_INT_PATTERN), spec, "bad_int", "is not a whole number")
    if spec["type"] == "bool":
        known = values.str.lower().isin(TRUE_WORDS | FALSE_WORDS)
        return _bad(values, ~known, spec, "bad_bool", "is not true/false (use true/false, yes/no, 1/0 or 是/否)")
    return []


def _allowed_problems(values: pd.Series, spec: dict[str, Any]) -> list[_Problem]:
    allowed = spec.get("allowed")
    if not allowed:
        return []
    if spec["type"] == "int":
        whole = values[values.str.fullmatch(_INT_PATTERN)]
        mask = ~whole.astype(int).isin(allowed)
        return _bad(whole, mask, spec, "not_allowed", f"is not one of {allowed}")
    return _bad(values, ~values.isin(allowed), spec, "not_allowed", f"is not one of {allowed}")


def _pattern_problems(values: pd.Series, spec: dict[str, Any]) -> list[_Problem]:
    pattern = spec.get("pattern")
    if not pattern:
        return []
    mask = ~values.str.fullmatch(pattern)
    text = "does not have the expected form (lost leading zero? keep codes as text)"
    return _bad(values, mask, spec, "bad_pattern", text)


def _reference_problems(values: pd.Series, spec: dict[str, Any], known: set[str]) -> list[_Problem]:
    text = f"is not a value of column '{spec['ref']}'"
    return _bad(values, ~values.isin(known), spec, "unknown_reference", text)


def _duplicate_keys(raw: pd.DataFrame, key: list[str]) -> list[_Problem]:
    first_row: dict[tuple[str, ...], int] = {}
    problems = []
    for row, values in zip(raw.index, zip(*(raw[name] for name in key))):
        if "" in values:
            continue  # reported as an empty key
        if values in first_row:
            shown = "|".join(values)
            problems.append(_Problem(row, key[0], "duplicate_key",
                                     f"duplicate key {shown!r} (first in row {first_row[values]})", shown))
        else:
            first_row[values] = row
    return problems


def _column_order(meta: dict[str, Any], column: str) -> int:
    names = [spec["name"] for spec in meta["columns"]]
    return names.index(column) if column in names else len(names)


def _raise_problems(path: Path, table_id: str, problems: list[_Problem]) -> None:
    first = problems[0]
    message = f"Code table file '{path}' row {first.row}, column '{first.column}': {first.text}"
    if len(problems) > 1:
        message += f" (and {len(problems) - 1} more problem(s))"
    raise CodeTableError(message, file=str(path), table=table_id, row=first.row, column=first.column,
                         problem=first.problem, value=first.value,
                         problems=[p.as_dict() for p in problems[:_MAX_PROBLEMS]])


# ---------------------------------------------------------------- conversion
def _convert(raw: pd.DataFrame, meta: dict[str, Any]) -> pd.DataFrame:
    """Typed frame: spec columns in manifest order, then any extra columns as text."""
    specs = {spec["name"]: spec for spec in meta["columns"]}
    frame = pd.DataFrame(index=pd.RangeIndex(len(raw)))
    for name in list(specs) + [c for c in raw.columns if c not in specs]:
        values = raw[name] if name in raw.columns else pd.Series("", index=raw.index, dtype="object")
        frame[name] = _typed(values.reset_index(drop=True), specs.get(name, {"type": "str"})["type"])
    return frame


def _typed(values: pd.Series, type_name: str) -> pd.Series:
    if type_name == "int":
        return pd.to_numeric(values.mask(values == ""), errors="raise").astype("Int64")
    if type_name == "bool":
        return values.str.lower().isin(TRUE_WORDS).astype("boolean").mask(values == "")
    return values.astype("string")


def _crosswalk_status(text: pd.Series, result: pd.DataFrame) -> pd.Series:
    known = result["level1_fallback"].notna().to_numpy()
    subdivide = result["needs_subdivision"].fillna(False).to_numpy(dtype=bool)
    status = np.select([text.isna().to_numpy(), ~known, subdivide], ["empty", "unknown", "needs_subdivision"],
                       default="mapped")
    return pd.Series(status, index=text.index, dtype="string")
