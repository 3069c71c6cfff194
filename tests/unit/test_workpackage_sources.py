"""Check outputs → work-package rows (core.workpackage.sources), without QGIS."""

from __future__ import annotations

import pandas as pd
import pytest
from shapely.geometry import box

from planmonitor_plugin.core.compliance.rules import load_rule_pack
from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage import WorkPackage, sources
from tests.unit.workpackage_support import TASK

PATCHES = pd.DataFrame({
    "JCTBBH": ["P-1", "P-2"], "BGQDL": ["0101", "1004"], "BGHDL": ["0201", "0701"], "XZQDM": ["1", "2"],
    "XZQMC": ["城关镇", "东河镇"], "verdict": ["non_compliant", "compliant"], "suspected": [True, False],
    "farmland_verdict": ["non_compliant", "compliant"], "planned_use_verdict": ["needs_justification", "not_checked"],
    "reasons_zh": ["占用永久基本农田", ""]})


def test_patch_items_carry_failed_rules_classes_and_check_results():
    items, keep = sources.patch_items(PATCHES, load_rule_pack())
    assert list(keep) == [True, True]
    first = items.iloc[0]
    assert first["item_id"] == "P-1" and first["kind"] == "change_patch"
    assert first["rule_ids"] == ["site.basic_farmland", "site.planned_use"] and items.iloc[1]["rule_ids"] == []
    assert (first["class_before"], first["class_after"], first["township_name"]) == ("0101", "0201", "城关镇")
    assert first["status"] == "non_compliant" and first["reasons_zh"] == "占用永久基本农田"


def test_only_suspected_and_duplicate_ids_and_missing_keys():
    items, keep = sources.patch_items(PATCHES, only_suspected=True)
    assert list(items["item_id"]) == ["P-1"] and list(keep) == [True, False]
    assert items.iloc[0]["rule_ids"] == ["farmland", "planned_use"]  # without a rule pack: the column names
    sites = sources.site_items(pd.DataFrame({"XMDM": ["P-1"], "XMMC": ["物流园"], "verdict": ["compliant"]}))
    with pytest.raises(InputError, match="P-1"):
        sources.check_unique_ids([items, sites])
    with pytest.raises(InputError, match="JCTBBH"):
        sources.patch_items(pd.DataFrame({"BSM": ["1"]}))
    with pytest.raises(InputError, match="empty"):
        sources.patch_items(pd.DataFrame({"JCTBBH": ["1", None]}))


def test_areas_and_indicators_per_pilot_area(tmp_path):
    areas = sources.township_areas(pd.DataFrame({"XZQDM": ["371525100000"], "XZQMC": ["城关镇"]}))
    assert areas.iloc[0]["area_id"] == "371525100000" and areas.iloc[0]["township_name"] == "城关镇"
    whole, shapes = sources.whole_area([box(117, 30, 117.1, 30.1), None], "任务")
    assert whole.iloc[0]["area_id"] == sources.WHOLE_AREA_ID and shapes[0].contains(box(117, 30, 117.1, 30.1))
    snapshot = pd.DataFrame({"unit_code": ["371525000000", "371525100000", "371525101000"],
                             "unit_level": ["county", "township", "township"], "indicator_id": ["a", "a", "a"],
                             "value": [3.0, 1.0, 2.0]})
    assert list(sources.area_indicators(snapshot, areas)["value"]) == [1.0]
    assert list(sources.area_indicators(snapshot, whole)["value"]) == [3.0]
    with WorkPackage.create(tmp_path / "包.gpkg", TASK) as package:  # a table without a year reads back too
        package.add_indicator_snapshots(sources.area_indicators(snapshot, areas))
        assert list(package.indicator_snapshots("371525100000")["value"]) == [1.0]
