"""The engine and the result contract: columns, geometry alignment, summary, rule switches, progress, cancel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

from planmonitor_plugin.core.errors import Cancelled, InputError
from planmonitor_plugin.core.parallel import MAX_WORKERS
from planmonitor_plugin.core.validation import (
    FINDING_COLUMNS,
    SUMMARY_COLUMNS,
    LayerInput,
    ValidationResult,
    load_rule_set,
    spatial,
    validate,
)
from tests.unit.test_validation_support import bow_tie, cell, farmland, findings_of, grid, land_use, run, urban_boundary

ROOT = Path(__file__).resolve().parents[2]


def defective_layers() -> list[LayerInput]:
    """A coverage with an overlap, a gap, an invalid parcel, a bad code and a duplicate key + a conflict."""
    shapes = grid(4, 3)
    shapes[5] = None  # gap where cell (1, 1) was + geometry.null
    shapes[2] = cell(1.5, 0, 1.5, 1)  # overlaps B001
    shapes[10] = bow_tie(2, 2)
    dltb = land_use(shapes, dlbm=["0101"] * 11 + ["0000"], bsm=[f"B{i:03d}" for i in range(11)] + ["B000"])
    return [dltb, farmland([cell(10, 0, 2, 2)]), urban_boundary([cell(11, 1, 2, 2)])]


def test_result_follows_the_contract():
    result = validate(defective_layers())
    assert isinstance(result, ValidationResult)
    assert tuple(result.findings.columns) == FINDING_COLUMNS
    assert str(result.findings["fid"].dtype) == "Int64" and result.findings["value"].dtype == float
    assert list(result.findings.index) == list(range(len(result.findings)))
    assert isinstance(result.geometry, np.ndarray) and len(result.geometry) == len(result.findings)
    assert set(result.findings.severity) <= {"error", "warning"}
    assert (result.rule_set_id, result.rule_set_version) == ("planmonitor-default", "1.0.0")
    assert result.layers_checked == ["地类图斑", "永久基本农田", "城镇开发边界"]
    for column in ("feature_key", "other_layer", "other_key", "value_unit", "message_zh", "message_en"):
        assert result.findings[column].map(type).eq(str).all(), column
    assert {"topology.overlap", "topology.gap", "geometry.invalid", "geometry.null", "code.unknown",
            "key.duplicate", "conflict.control_lines", "area.mismatch"} <= set(result.findings.rule_id)


def test_geometry_is_aligned_with_the_rows():
    result = validate(defective_layers())
    kinds = {rule: {None if g is None else g.geom_type for g in result.geometry[result.findings.rule_id == rule]}
             for rule in set(result.findings.rule_id)}
    assert kinds["geometry.invalid"] == {"Point"}
    assert kinds["geometry.null"] == {None}
    assert kinds["topology.gap"] <= {"Polygon", "MultiPolygon"}
    assert kinds["topology.overlap"] <= {"Polygon", "MultiPolygon"}
    assert kinds["code.unknown"] == {"Polygon"}
    assert kinds["conflict.control_lines"] == {"Polygon"}


def test_summary_counts_per_layer_rule_and_severity():
    result = validate(defective_layers())
    assert tuple(result.summary.columns) == SUMMARY_COLUMNS
    expected = result.findings.groupby(["layer", "rule_id", "severity"]).size()
    actual = result.summary.set_index(["layer", "rule_id", "severity"])["count"]
    assert actual.sort_index().equals(expected.sort_index())
    assert result.error_count + result.warning_count == len(result.findings) == result.summary["count"].sum()


def test_disabling_a_rule_removes_its_findings():
    rules = load_rule_set()
    full = validate(defective_layers(), rules)
    for rule_id in ("topology.overlap", "topology.gap", "conflict.control_lines", "key.duplicate"):
        assert (full.findings.rule_id == rule_id).any()
        reduced = validate(defective_layers(), rules.with_rule(rule_id, enabled=False))
        assert not (reduced.findings.rule_id == rule_id).any()
        assert len(reduced.findings) == len(full.findings) - (full.findings.rule_id == rule_id).sum()


def test_severity_override_changes_rows_and_summary():
    rules = load_rule_set().with_rule("topology.overlap", severity="warning")
    result = validate(defective_layers(), rules)
    rows, _ = findings_of(result, "topology.overlap")
    assert set(rows.severity) == {"warning"}
    summary = result.summary[result.summary.rule_id == "topology.overlap"]
    assert list(summary.severity) == ["warning"]


def test_layers_without_a_role_get_the_role_free_checks():
    layer = land_use([cell(0, 0), bow_tie(1, 0), cell(0.5, 0)], dlbm=["xx"] * 3, bsm=["A"] * 3, crs="")
    layer.role_id = None
    result = validate([layer])
    assert set(result.findings.rule_id) == {"crs.missing", "geometry.invalid"}
    assert set(result.findings.feature_key) == {"", "fid:1"}


def test_empty_layer_and_chinese_names():
    empty = land_use([], name="样例县.gpkg|DLTB")
    result = validate([empty])
    assert result.findings.empty and result.layers_checked == ["样例县.gpkg|DLTB"]
    assert tuple(result.findings.columns) == FINDING_COLUMNS and tuple(result.summary.columns) == SUMMARY_COLUMNS


def test_input_errors():
    layer = land_use(grid(2, 1))
    layer.role_id = "dltb_typo"
    with pytest.raises(InputError, match="dltb_typo"):
        validate([layer])
    misaligned = land_use(grid(2, 1))
    misaligned.geometry = misaligned.geometry[:1]
    with pytest.raises(InputError, match="1 geometries for 2 features"):
        validate([misaligned])
    named = land_use(grid(2, 1))
    named.frame.index = ["a", "b"]
    with pytest.raises(InputError, match="integer feature ids"):
        validate([named])


def test_non_geometry_values_count_as_null():
    layer = land_use(grid(2, 1))
    layer.geometry = np.array([layer.geometry[0], np.nan], dtype=object)
    rows, geometry = findings_of(run(layer, "geometry.null"), "geometry.null")
    assert list(rows.feature_key) == ["B001"] and geometry[0] is None


def test_progress_runs_to_100_percent():
    seen: list[float] = []
    validate(defective_layers(), progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(100.0) and len(seen) > 5


def test_cancellation_raises_cancelled():
    with pytest.raises(Cancelled):
        validate(defective_layers(), cancelled=lambda: True)
    seen: list[float] = []
    with pytest.raises(Cancelled):
        validate(defective_layers(), progress=seen.append, cancelled=lambda: bool(seen))
    assert len(seen) == 1  # stopped right after the first step


def test_long_steps_check_for_cancellation_between_chunks(monkeypatch):
    monkeypatch.setattr(spatial, "PAIR_CHUNK", 2)
    calls = []

    def check():
        calls.append(1)
        if len(calls) > 3:
            raise Cancelled()

    polygons = np.array(grid(4, 4), dtype=object)
    with pytest.raises(Cancelled):
        spatial.interior_pairs(polygons, check=check)
    chunks = -(-len(spatial._envelope_pairs(polygons, polygons, same=True, subset=None)[0]) // 2)
    assert 4 <= len(calls) <= 3 + MAX_WORKERS < chunks  # chunks already running in other threads may finish


def test_validation_package_imports_no_qgis():
    code = ("import sys, planmonitor_plugin.core.validation as v\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in {'qgis', 'PyQt5', 'sip', 'osgeo'}]\n"
            "assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_frame_with_pandas_missing_values_and_custom_index():
    frame = pd.DataFrame({"BSM": pd.array(["A", pd.NA], dtype="string"), "DLBM": ["0101", np.nan],
                          "TBMJ": [np.nan, 1.0], "TBDLMJ": [1.0, 1.0]}, index=[1001, 1002])
    layer = LayerInput("dltb", "current_land_use", frame, np.array([cell(0, 0), cell(1, 0)], dtype=object),
                       [("BSM", "string", 18), ("DLBM", "string", 5), ("TBMJ", "real", None),
                        ("TBDLMJ", "real", None)], "EPSG:4490")
    result = validate([layer])
    assert set(zip(result.findings.rule_id, result.findings.feature_key)) == {
        ("code.empty", "fid:1002"), ("area.missing", "A"), ("area.mismatch", "fid:1002")}
    assert set(result.findings.fid) == {1001, 1002}
    assert shapely.equals(result.geometry[list(result.findings.rule_id).index("area.missing")], cell(0, 0))
