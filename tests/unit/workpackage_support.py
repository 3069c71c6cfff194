"""Test support for the work-package tests: small sample packages (the EXIF/JPEG writer is scripts/exif_jpeg.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from shapely.geometry import box

from planmonitor_plugin.core.workpackage import WorkPackage
from scripts.exif_jpeg import ASCII, LONG, jpeg_with_exif, tiff  # noqa: F401 (re-exported for the tests)

TASK = {"task_id": "T-2026-01", "task_name": "2026年第一批卫片图斑核查", "creator": "县自然资源局",
        "rule_pack_id": "compliance_default", "rule_pack_version": "0.1.0", "catalog_version": "1.0"}
AREAS = pd.DataFrame({"area_id": ["P1", "P2"], "name": ["试点区一", "试点区二"],
                      "township_code": ["341122100", "341122101"], "township_name": ["城关镇", "东山乡"]})
AREA_SHAPES = [box(117.0, 30.0, 117.1, 30.1), box(117.1, 30.0, 117.2, 30.1)]


def items_frame(count: int, prefix: str = "JCTB") -> tuple[pd.DataFrame, list]:
    """``count`` change patches alternating between the two pilot areas (by geometry only)."""
    ids = [f"{prefix}{index:04d}" for index in range(count)]
    shapes = []
    for index in range(count):
        x = 117.0 + (0.1 if index % 2 else 0.0) + 0.001 * (index // 2 % 90) + 0.0005
        shapes.append(box(x, 30.01, x + 0.0004, 30.0104))
    frame = pd.DataFrame({"item_id": ids, "kind": "change_patch", "JCTBBH": ids, "XMMC": None,
                          "rule_ids": ["site.farmland,site.redline"] * count, "status": "suspected",
                          "class_before": "0101", "class_after": "0702", "class_scheme": "sandiao",
                          "source_layer": "JCTB", "source_fid": range(1, count + 1)})
    return frame, shapes


def sample_package(path: Path, items: int = 6) -> WorkPackage:
    """A package with the two pilot areas and ``items`` change patches."""
    package = WorkPackage.create(path, TASK)
    package.add_pilot_areas(AREAS, AREA_SHAPES)
    frame, shapes = items_frame(items)
    package.add_review_items(frame, shapes)
    return package
