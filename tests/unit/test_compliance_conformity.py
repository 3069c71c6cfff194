"""Land-use conformity core: hand-made parcels and planned polygons with planar areas (hand-computable)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from planmonitor_plugin.core.compliance.conformity import (
    AMBIGUOUS,
    AWAITING_CONSTRUCTION,
    BUILT_AGAINST_PLAN,
    CLASS_DIFFERS,
    CONFORMING,
    NONCONFORMING,
    NOT_PLANNED,
    UNCLASSIFIED,
    check_conformity,
    compare_codes,
)
from planmonitor_plugin.core.errors import Cancelled, InputError


def planar(geometries):
    return shapely.area(np.asarray(geometries, dtype=object))


def layer(field: str, rows: list[tuple[str, object]], first_id: int = 1) -> tuple[pd.DataFrame, np.ndarray]:
    frame = pd.DataFrame({field: [code for code, _ in rows]}, index=pd.RangeIndex(first_id, first_id + len(rows)))
    return frame, np.array([geometry for _, geometry in rows], dtype=object)


PLANNED = layer("YDYHFLDM", [("0101", box(0, 0, 10, 10)), ("070102", box(10, 0, 20, 10)),
                             ("02", box(0, 10, 10, 20)), ("0204", box(10, 10, 20, 20)),
                             ("XX", box(20, 10, 30, 20))], first_id=100)


def run(rows, township=None, tolerance=1.0, planned=PLANNED, **options):
    parcels, geometry = layer("DLBM", rows)
    return check_conformity(parcels, geometry, planned[0], planned[1], township=township, tolerance_m2=tolerance,
                            area_of=planar, **options)


def piece(result, parcel_id, planned_id=None):
    rows = result.pieces[(result.pieces["parcel_id"] == parcel_id)]
    if planned_id is not None:
        rows = rows[rows["planned_id"] == planned_id]
    assert len(rows) == 1, result.pieces
    return rows.iloc[0]


def test_conforming_parcel_is_not_reported_but_counted():
    result = run([("0101", box(0, 0, 10, 10))])
    assert result.pieces.empty and len(result.geometry) == 0
    county = result.totals[result.totals["level"] == "county"]
    assert county[["category", "area_m2", "share"]].values.tolist() == [[CONFORMING, 100.0, 1.0]]


def test_construction_on_farmland_plan_and_conforming_half():
    result = run([("0701", box(5, 0, 15, 10))])
    bad = piece(result, 1, 100)
    assert (bad["category"], bad["kind"], bad["area_m2"]) == (NONCONFORMING, BUILT_AGAINST_PLAN, 50.0)
    assert bad["current_ydyh"] == "0701" and bad["planned_code"] == "0101"
    assert bad["area_ha"] == pytest.approx(0.005) and bad["area_mu"] == pytest.approx(0.075)
    assert shapely.equals(result.geometry[0], box(5, 0, 10, 10))
    assert len(result.pieces) == 1  # the half inside 070102 conforms (0701 = 0701 at four digits)


def test_planned_construction_not_built_yet():
    bad = piece(run([("0101", box(10, 0, 20, 10))]), 1)
    assert (bad["category"], bad["kind"], bad["area_m2"]) == (NONCONFORMING, AWAITING_CONSTRUCTION, 100.0)


def test_part_outside_every_planned_polygon_is_not_planned():
    result = run([("0101", box(5, 0, 15, 10)), ("0101", box(25, -5, 35, 5))])
    gap = piece(result, 2)
    assert (gap["category"], gap["area_m2"], gap["planned_id"]) == (NOT_PLANNED, 100.0, None)
    assert shapely.equals(result.geometry[list(result.pieces["parcel_id"]).index(2)], box(25, -5, 35, 5))
    awaiting = piece(result, 1, 101)
    assert awaiting["kind"] == AWAITING_CONSTRUCTION and awaiting["area_m2"] == 50.0


def test_part_of_a_parcel_beyond_the_plan_edge():
    result = run([("0101", box(0, -4, 10, 10))])
    gap = piece(result, 1)
    assert gap["category"] == NOT_PLANNED and gap["area_m2"] == pytest.approx(40.0)
    assert shapely.equals(result.geometry[0], box(0, -4, 10, 0))


def test_subdivided_class_is_decided_when_every_candidate_agrees():
    # 0204 其他园地 → 0204 or 0205: both are 02 (园地) at the planned level-1 code
    assert run([("0204", box(0, 10, 10, 20))]).pieces.empty


def test_subdivided_class_is_ambiguous_when_candidates_disagree():
    ambiguous = piece(run([("0204", box(10, 10, 20, 20))]), 1)
    assert (ambiguous["category"], ambiguous["kind"]) == (AMBIGUOUS, "")
    assert ambiguous["current_ydyh"] == "0204;0205"


def test_unknown_codes_on_either_side_are_unclassified():
    result = run([("9999", box(0, 0, 10, 10)), ("0101", box(20, 10, 30, 20)), (None, box(10, 0, 20, 10))])
    assert set(result.pieces["category"]) == {UNCLASSIFIED}
    assert sorted(result.pieces["parcel_id"]) == [1, 2, 3]


def test_slivers_below_tolerance_are_ignored():
    # 0.5 m² reaches into the 070102 polygon: a touch, not a piece; the rest conforms
    result = run([("0101", box(0, 0, 10.05, 10))])
    assert result.pieces.empty
    assert result.totals.loc[result.totals["level"] == "county", "area_m2"].sum() == pytest.approx(100.0)


def test_totals_per_township_add_up_to_the_county():
    rows = [("0701", box(5, 0, 15, 10)), ("0101", box(10, 0, 20, 10)), ("0204", box(10, 10, 20, 20))]
    result = run(rows, township=["371525100000", "371525100000", "371525200000"])
    totals = result.totals
    town = totals[totals["level"] == "township"]
    county = totals[totals["level"] == "county"]
    assert town["area_m2"].sum() == pytest.approx(county["area_m2"].sum()) == pytest.approx(300.0)
    first = town[town["township"] == "371525100000"].set_index(["category", "kind"])
    assert first.loc[(NONCONFORMING, BUILT_AGAINST_PLAN), "area_m2"] == 50.0
    assert first.loc[(NONCONFORMING, AWAITING_CONSTRUCTION), "share"] == pytest.approx(0.5)
    assert county["share"].sum() == pytest.approx(1.0)
    assert set(county["category_zh"]) >= {"不符合规划", "符合规划"}


def test_missing_field_is_a_clear_input_error():
    parcels, geometry = layer("DLMC", [("0101", box(0, 0, 1, 1))])
    with pytest.raises(InputError, match="current land use layer has no field 'DLBM'"):
        check_conformity(parcels, geometry, PLANNED[0], PLANNED[1], area_of=planar)


def test_cancellation():
    with pytest.raises(Cancelled):
        run([("0101", box(0, 0, 10, 10))], cancelled=lambda: True)


def test_compare_codes_at_the_common_level():
    category, kind = compare_codes(np.array(["0701", "0101", "1207", "0101", "0301"], dtype=object),
                                   np.array(["070102", "01", "1401", "1001", "0101"], dtype=object))
    assert list(category) == [CONFORMING, CONFORMING, NONCONFORMING, NONCONFORMING, NONCONFORMING]
    assert list(kind) == ["", "", CLASS_DIFFERS, AWAITING_CONSTRUCTION, CLASS_DIFFERS]


@settings(max_examples=40, deadline=None)
@given(cuts=st.lists(st.integers(1, 19), min_size=1, max_size=4, unique=True),
       parcel_cuts=st.lists(st.integers(1, 19), min_size=1, max_size=4, unique=True),
       codes=st.lists(st.sampled_from(["0101", "0301", "0701", "0204", "1006", "9999"]), min_size=5, max_size=5))
def test_every_square_metre_is_judged_once(cuts, parcel_cuts, codes):
    """Planned strips tiling x ∈ [0, 20] and parcels tiling x ∈ [0, 24]: judged area = parcel area."""
    planned_edges = [0, *sorted(cuts), 20]
    planned_codes = ["0101", "070102", "03", "1006", "06"]
    planned = layer("YDYHFLDM", [(planned_codes[n % 5], box(a, 0, b, 10))
                                 for n, (a, b) in enumerate(zip(planned_edges[:-1], planned_edges[1:]))])
    parcel_edges = [0, *sorted(parcel_cuts), 24]
    rows = [(codes[n % 5], box(a, 0, b, 10)) for n, (a, b) in enumerate(zip(parcel_edges[:-1], parcel_edges[1:]))]
    result = run(rows, planned=planned, tolerance=0.0)
    county = result.totals[result.totals["level"] == "county"]
    assert county["area_m2"].sum() == pytest.approx(240.0)
    assert county.loc[county["category"] == NOT_PLANNED, "area_m2"].sum() == pytest.approx(40.0)
    assert result.pieces["area_m2"].sum() == pytest.approx(planar(result.geometry).sum())
