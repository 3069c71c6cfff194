"""Indicator catalog: bundled content and schema errors naming the JSON path."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.indicators import CatalogError, load_catalog, parse_catalog
from planmonitor_plugin.core.indicators.catalog import CATALOG_PATH

REQUIRED_NAMES = ["生态保护红线面积", "永久基本农田保护面积", "耕地保有量", "林地保有量", "湿地面积", "建设用地总面积",
                  "城乡建设用地面积", "城镇开发边界范围内城乡建设用地面积", "生态保护红线范围内城乡建设用地面积",
                  "人均城镇建设用地面积", "人均村庄建设用地面积", "森林覆盖率", "河湖水面率",
                  "公园绿地、广场用地步行5分钟覆盖率", "社区卫生服务设施步行15分钟覆盖率", "城区道路网密度"]


def raw() -> dict[str, Any]:
    """The bundled catalog as a fresh dictionary."""
    return json.loads(CATALOG_PATH.read_text(encoding="utf-8"))


def test_bundled_catalog_has_required_indicators():
    names = {indicator.name_zh for indicator in load_catalog().indicators}
    assert set(REQUIRED_NAMES) <= names


def test_only_confirmed_levels():
    """domain.md §4.1 confirms 森林覆盖率 as basic; nothing else in the catalog is confirmed."""
    levels = {i.name_zh: i.level for i in load_catalog().indicators if i.level != "unknown"}
    assert levels == {"森林覆盖率": "basic"}


def test_provisional_class_sets_are_marked():
    sets = load_catalog().class_sets
    for set_id in ("construction", "urban_rural_construction", "forest_land", "river_lake_water"):
        assert sets[set_id].provenance["confidence"] == "provisional", set_id
    assert sets["wetland"].codes == ("0303", "0304", "0306", "0402", "0603", "1105", "1106", "1108")


def test_extends_inherits_codes_and_sets_settlement():
    urban = load_catalog().class_sets["urban_construction"]
    assert "05" in urban.prefixes and "1201" in urban.codes
    assert urban.settlement_codes == ("201", "201A", "202", "202A")


def test_new_indicator_is_a_data_change():
    data = raw()
    data["indicators"].append({**copy.deepcopy(data["indicators"][2]), "id": "paddy_area", "name_zh": "水田面积"})
    data["class_sets"]["paddy"] = {"codes": ["0101"], "provenance": {"source": "test", "confidence": "provisional"}}
    data["indicators"][-1]["computation"] = {"kind": "area_of_classes", "class_set": "paddy"}
    assert parse_catalog(data).get("paddy_area").computation["class_set"] == "paddy"


@pytest.mark.parametrize(("edit", "path"), [
    (lambda d: d["indicators"][0]["computation"].update(kind="volume"), r"indicators\[0\]\.computation\.kind"),
    (lambda d: d["indicators"][2]["computation"].update(class_set="nope"), r"indicators\[2\]\.computation\.class_set"),
    (lambda d: d["indicators"][0]["computation"].pop("layer"), r"indicators\[0\]\.computation\.layer"),
    (lambda d: d["indicators"][0].update(unit="%"), r"indicators\[0\]\.unit"),
    (lambda d: d["indicators"][0].update(level="mandatory"), r"indicators\[0\]\.level"),
    (lambda d: d["indicators"][1].update(id=d["indicators"][0]["id"]), r"indicators\[1\]\.id: duplicate"),
    (lambda d: d["indicators"][0]["provenance"].pop("confidence"), r"indicators\[0\]\.provenance\.confidence"),
    (lambda d: d["class_sets"]["wetland"].update(codes="0303"), r"class_sets\.wetland\.codes"),
    (lambda d: d["class_sets"]["construction"].update(extends="urban_construction"), r"circular extends"),
    (lambda d: d.update(schema_version=9), r"schema_version: must be 1"),
])
def test_malformed_catalog_names_json_path(edit, path):
    data = raw()
    edit(data)
    with pytest.raises(CatalogError, match=path):
        parse_catalog(data)


def test_ratio_of_a_rate_is_rejected():
    data = raw()
    ratio = next(i for i in data["indicators"] if i["id"] == "water_surface_ratio")
    ratio["computation"]["numerator"] = "forest_coverage_rate"
    with pytest.raises(CatalogError, match="numerator: indicator 'forest_coverage_rate' is not an area indicator"):
        parse_catalog(data)


def test_catalog_error_is_input_error(tmp_path):
    bad = tmp_path / "catalog.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="catalog.json: not valid JSON"):
        load_catalog(bad)
