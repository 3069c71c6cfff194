"""Rule sets: the bundled defaults, user files read over them, and errors naming the bad JSON entry."""

from __future__ import annotations

import json

import pytest

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.validation import RULES, RuleSet, RuleSetError, load_rule_set
from planmonitor_plugin.core.validation.rules import BUNDLED_RULE_SET, parse_rule_set

CONTRACT_RULE_IDS = {
    "crs.missing", "crs.not_cgcs2000", "encoding.suspect", "schema.missing_field", "schema.wrong_type",
    "schema.too_long", "code.unknown", "code.empty", "geometry.null", "geometry.empty", "geometry.invalid",
    "key.duplicate", "topology.overlap", "topology.gap", "conflict.control_lines", "area.mismatch", "area.missing",
}


def write(tmp_path, data, name="rules.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def user_file(rules: dict) -> dict:
    return {"schema_version": 1, "id": "county-370101", "version": "2024.1", "rules": rules}


def test_bundled_rule_set_defines_every_rule_of_the_contract():
    rules = load_rule_set()
    assert isinstance(rules, RuleSet)
    assert set(rules.rules) == set(RULES) == CONTRACT_RULE_IDS
    assert (rules.id, rules.version) == ("planmonitor-default", "1.0.0")
    assert all(rules.is_enabled(rule_id) for rule_id in RULES)
    assert rules.title_zh and rules.title_en


def test_bundled_defaults_match_the_specification():
    rules = load_rule_set()
    assert rules.params("topology.overlap")["min_area_m2"] == 1.0
    assert rules.params("topology.gap")["min_area_m2"] == 1.0
    assert rules.params("area.mismatch")["abs_tol_m2"] == 1.0
    assert rules.params("area.mismatch")["rel_tol"] == 0.001
    assert rules.params("area.mismatch")["fields"]["current_land_use"] == {"field": "TBMJ", "unit": "m2"}
    assert rules.params("area.mismatch")["fields"]["basic_farmland"]["field"] == "YJJBNTTBMJ"
    assert set(map(frozenset, rules.params("conflict.control_lines")["pairs"])) == {
        frozenset({"basic_farmland", "urban_boundary"}), frozenset({"basic_farmland", "ecological_redline"}),
        frozenset({"ecological_redline", "urban_boundary"})}
    assert rules.params("code.unknown")["table_filters"] == {"sandiao_dlbm": "dlbm_value"}
    assert rules.severity("code.empty") == "warning"
    assert rules.severity("encoding.suspect") == "warning"


def test_auto_severity_follows_the_check_unless_overridden():
    rules = load_rule_set()
    assert rules.severity("crs.not_cgcs2000", "warning") == "warning"
    assert rules.severity("crs.not_cgcs2000", "error") == "error"
    forced = rules.with_rule("crs.not_cgcs2000", severity="error")
    assert forced.severity("crs.not_cgcs2000", "warning") == "error"


def test_user_file_is_read_over_the_defaults(tmp_path):
    path = write(tmp_path, user_file({
        "topology.gap": {"params": {"min_area_m2": 10}},
        "area.mismatch": {"enabled": False},
        "code.empty": {"severity": "error"},
        "area.missing": {"params": {}},
    }))
    rules = load_rule_set(path)
    assert (rules.id, rules.version, rules.source) == ("county-370101", "2024.1", str(path))
    assert rules.params("topology.gap")["min_area_m2"] == 10.0
    assert rules.params("topology.overlap")["min_area_m2"] == 1.0  # untouched default
    assert not rules.is_enabled("area.mismatch")
    assert rules.params("area.mismatch")["rel_tol"] == 0.001  # parameters kept when only disabled
    assert rules.severity("code.empty") == "error"
    assert rules.is_enabled("topology.overlap")


def test_area_field_unit_is_configurable(tmp_path):
    path = write(tmp_path, user_file({"area.mismatch": {"params": {"fields": {
        "urban_boundary": {"field": "MJ", "unit": "ha"}, "planning_zones": {"field": "MJ"}}}}}))
    fields = load_rule_set(path).params("area.mismatch")["fields"]
    assert fields == {"urban_boundary": {"field": "MJ", "unit": "ha"}, "planning_zones": {"field": "MJ", "unit": "m2"}}


def test_with_rule_and_only_return_changed_copies():
    rules = load_rule_set()
    changed = rules.with_rule("topology.overlap", enabled=False)
    assert not changed.is_enabled("topology.overlap") and rules.is_enabled("topology.overlap")
    tolerant = rules.with_rule("topology.gap", min_area_m2=50)
    assert tolerant.params("topology.gap")["min_area_m2"] == 50.0
    focused = rules.only("topology.gap", "geometry.invalid")
    assert {r for r in RULES if focused.is_enabled(r)} == {"topology.gap", "geometry.invalid"}
    with pytest.raises(KeyError):
        rules.only("topology.overlapp")


@pytest.mark.parametrize("rules, entry", [
    ({"topology.overlapp": {"enabled": False}}, '$.rules["topology.overlapp"]'),
    ({"topology.overlap": {"severity": "fatal"}}, '$.rules["topology.overlap"].severity'),
    ({"code.unknown": {"severity": "auto"}}, '$.rules["code.unknown"].severity'),
    ({"topology.gap": {"enabled": "yes"}}, '$.rules["topology.gap"].enabled'),
    ({"topology.gap": {"params": {"min_area_m2": -1}}}, '$.rules["topology.gap"].params.min_area_m2'),
    ({"topology.gap": {"params": {"min_area_m2": "1"}}}, '$.rules["topology.gap"].params.min_area_m2'),
    ({"topology.gap": {"params": {"tolerance": 1}}}, '$.rules["topology.gap"].params.tolerance'),
    ({"topology.gap": {"colour": "red"}}, '$.rules["topology.gap"].colour'),
    ({"topology.gap": []}, '$.rules["topology.gap"]'),
    ({"area.mismatch": {"params": {"rel_tol": 2}}}, '$.rules["area.mismatch"].params.rel_tol'),
    ({"area.mismatch": {"params": {"fields": {"urban_boundary": {"field": "MJ", "unit": "acre"}}}}},
     '$.rules["area.mismatch"].params.fields["urban_boundary"].unit'),
    ({"conflict.control_lines": {"params": {"pairs": [["basic_farmland"]]}}},
     '$.rules["conflict.control_lines"].params.pairs[0]'),
])
def test_malformed_entries_raise_with_their_json_path(tmp_path, rules, entry):
    path = write(tmp_path, user_file(rules))
    with pytest.raises(RuleSetError) as caught:
        load_rule_set(path)
    assert caught.value.details["entry"] == entry
    assert entry in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.parametrize("data, entry", [
    ([], "$"),
    ({"schema_version": 2, "id": "x", "version": "1"}, "$.schema_version"),
    ({"schema_version": 1, "version": "1"}, "$.id"),
    ({"schema_version": 1, "id": "x"}, "$.version"),
    ({"schema_version": 1, "id": "x", "version": "1", "rules": []}, "$.rules"),
    ({"schema_version": 1, "id": "x", "version": "1", "extends": "default"}, "$.extends"),
])
def test_malformed_top_level_raises(tmp_path, data, entry):
    with pytest.raises(RuleSetError) as caught:
        load_rule_set(write(tmp_path, data))
    assert caught.value.details["entry"] == entry


def test_invalid_json_names_the_line(tmp_path):
    path = write(tmp_path, '{"schema_version": 1,\n "id": "x",\n "rules": {,}}')
    with pytest.raises(RuleSetError) as caught:
        load_rule_set(path)
    assert caught.value.details["entry"] == "$" and "line 3" in str(caught.value)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as caught:
        load_rule_set(tmp_path / "nope.json")
    assert isinstance(caught.value, RuleSetError) and caught.value.code == "rule_set"


def test_a_base_file_must_define_every_rule():
    data = json.loads(BUNDLED_RULE_SET.read_text(encoding="utf-8"))
    del data["rules"]["topology.gap"]
    with pytest.raises(RuleSetError) as caught:
        parse_rule_set(data, source="base.json", base=None)
    assert caught.value.details["entry"] == '$.rules["topology.gap"]'
    data = json.loads(BUNDLED_RULE_SET.read_text(encoding="utf-8"))
    del data["rules"]["topology.gap"]["params"]["min_area_m2"]
    with pytest.raises(RuleSetError) as caught:
        parse_rule_set(data, source="base.json", base=None)
    assert caught.value.details["entry"] == '$.rules["topology.gap"].params.min_area_m2'
