"""Performance of the validation on a synthetic coverage (Voronoi parcels near 117°E 36°N).

``pytest -m slow`` runs a 30 000-parcel version with a generous time bound; the
300 000-parcel benchmark of the report runs as a script and prints the time of
every step and the peak memory::

    .venv/bin/python -m tests.unit.test_validation_performance 300000 [noise in degrees]

A noise > 0 shifts every parcel by its own random offset (σ = noise), so that no
neighbours share vertices any more: the slow paths of the gap/overlap checks.
"""

from __future__ import annotations

import resource
import sys
import time

import numpy as np
import pandas as pd
import pytest
import shapely

from planmonitor_plugin.core.area import polygon_areas
from planmonitor_plugin.core.progress import Steps
from planmonitor_plugin.core.roles import load_roles
from planmonitor_plugin.core.validation import LayerInput, load_rule_set, validate
from planmonitor_plugin.core.validation.context import CheckContext
from planmonitor_plugin.core.validation.engine import plan_steps
from planmonitor_plugin.core.validation.layer import PreparedLayer

EXTENT = (116.7, 35.7, 117.3, 36.3)  # ~0.6° × 0.6° around 117°E 36°N
FIELDS = [("BSM", "string", 18), ("DLBM", "string", 5), ("TBMJ", "real", None), ("TBDLMJ", "real", None)]
PLANTED = 5  # of each defect kind


def voronoi_coverage(count: int, seed: int = 0) -> np.ndarray:
    """``count`` Voronoi cells of random points, clipped to :data:`EXTENT`: a clean coverage."""
    rng = np.random.default_rng(seed)
    xmin, ymin, xmax, ymax = EXTENT
    points = shapely.multipoints(np.c_[rng.uniform(xmin, xmax, count), rng.uniform(ymin, ymax, count)])
    frame = shapely.box(*EXTENT)
    cells = shapely.get_parts(shapely.voronoi_polygons(points, extend_to=frame))
    return shapely.intersection(cells, frame)


def planted_layer(count: int, seed: int = 0) -> tuple[LayerInput, dict[str, np.ndarray]]:
    """A coverage with :data:`PLANTED` overlaps (grown cells), gaps (shrunk cells), bow-ties and duplicates.

    Returns the layer and the positions of each kind of defect.
    """
    cells = voronoi_coverage(count, seed)
    centre = shapely.centroid(cells)
    inner = np.flatnonzero(shapely.contains(shapely.box(*np.add(EXTENT, (0.05, 0.05, -0.05, -0.05))), centre))
    picked = np.random.default_rng(seed + 1).choice(inner, 3 * PLANTED, replace=False)
    grown, shrunk, twisted = np.split(picked, 3)
    cells[grown] = shapely.buffer(cells[grown], 2e-5)  # ≈ 2 m into every neighbour
    cells[shrunk] = shapely.buffer(cells[shrunk], -2e-5)  # a ring-shaped gap around each
    cells[twisted] = [_bow_tie(c) for c in cells[twisted]]
    duplicates = np.arange(PLANTED) * (count // PLANTED) + 7
    geometry = np.concatenate([cells, cells[duplicates]])
    areas = polygon_areas(geometry)
    frame = pd.DataFrame({
        "BSM": [f"3701{i:014d}" for i in range(len(geometry))],
        "DLBM": np.where(np.arange(len(geometry)) % 10_000 == 3, "9999", "0101"),
        "TBMJ": np.round(areas, 2), "TBDLMJ": np.round(areas, 2),
    })
    frame.loc[frame.index % 20_000 == 11, "TBMJ"] *= 1.01
    defects = {"grown": grown, "shrunk": shrunk, "twisted": twisted, "duplicates": duplicates}
    return LayerInput("地类图斑", "current_land_use", frame, geometry, FIELDS, "EPSG:4527"), defects


def shift_parcels(layer: LayerInput, noise: float, seed: int = 5) -> None:
    """Move every parcel by its own random offset (neighbours stop sharing vertices)."""
    rng = np.random.default_rng(seed)
    _, owner = shapely.get_coordinates(layer.geometry, return_index=True)
    offsets = rng.normal(0.0, noise, (len(layer.geometry), 2))[owner]
    layer.geometry = shapely.transform(layer.geometry, lambda coords: coords + offsets)


def _bow_tie(cell: shapely.Polygon) -> shapely.Polygon:
    """The cell with its first two vertices swapped: a self-intersecting ring."""
    coords = np.asarray(cell.exterior.coords)[:-1]
    coords[[0, 1]] = coords[[1, 0]]
    return shapely.Polygon(coords)


def timed_run(layer: LayerInput) -> list[tuple[str, float, int]]:
    """Run the engine step by step: (step, seconds, findings) per step.

    Shared lazy facts (validity, repaired copies, spatial index, coverage faces)
    are charged to the first step that needs them.
    """
    rules, roles = load_rule_set(), load_roles()
    prepared = [PreparedLayer(layer, roles[layer.role_id])]
    plan = plan_steps(prepared, rules)
    context = CheckContext(rules=rules, roles=roles, check=Steps(len(plan)).check)
    timings = []
    for step in plan:
        start = time.perf_counter()
        batches = step.run(context)
        timings.append((step.label.split(": ")[-1], time.perf_counter() - start, sum(len(b) for b in batches)))
    return timings


@pytest.mark.slow
def test_30k_coverage_is_fast_and_finds_the_planted_defects():
    layer, defects = planted_layer(30_000)
    start = time.perf_counter()
    result = validate([layer])
    elapsed = time.perf_counter() - start
    counts = result.findings["rule_id"].value_counts()
    assert elapsed < 20, elapsed
    assert counts["geometry.invalid"] == PLANTED
    assert counts["topology.gap"] >= PLANTED
    assert counts["code.unknown"] == (layer.frame["DLBM"] == "9999").sum()
    overlapping = set(result.findings.loc[result.findings["rule_id"] == "topology.overlap", "fid"].astype(int))
    overlapping |= set(result.findings.loc[result.findings["rule_id"] == "topology.overlap", "other_key"]
                       .str[4:].astype(int))
    assert set(defects["grown"]) <= overlapping and set(defects["duplicates"]) <= overlapping


def _current_rss() -> float:
    """Resident memory now (MB; Linux /proc, NaN elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration, ValueError):
        return float("nan")


def main(count: int, noise: float = 0.0) -> None:
    """Print the timing table of the report."""
    start = time.perf_counter()
    layer, _ = planted_layer(count)
    if noise:
        shift_parcels(layer, noise)
    built = time.perf_counter() - start
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count} parcels (+{PLANTED} duplicates) built in {built:.1f} s; RSS now {_current_rss():.0f} MB, "
          f"peak so far {base:.0f} MB")
    total = 0.0
    for name, seconds, found in timed_run(layer):
        total += seconds
        print(f"  {name:<10} {seconds:7.2f} s  {found:6d} findings")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  {'total':<10} {total:7.2f} s; peak RSS {peak:.0f} MB")
    start = time.perf_counter()
    result = validate([layer])
    print(f"validate() end to end: {time.perf_counter() - start:.2f} s, {len(result.findings)} findings")
    print(result.summary.to_string(index=False))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300_000, float(sys.argv[2]) if len(sys.argv) > 2 else 0.0)
