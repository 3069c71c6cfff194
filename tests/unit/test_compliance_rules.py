"""Compliance rule packs: the bundled pack, the compatibility table, malformed packs."""

from __future__ import annotations

import copy
import json

import pytest

from planmonitor_plugin.core.compliance.rules import BUNDLED_PACK, RulePackError, load_rule_pack, parse_rule_pack
from planmonitor_plugin.core.errors import InputError


@pytest.fixture
def raw() -> dict:
    """The bundled pack as decoded JSON (a fresh copy per test)."""
    return copy.deepcopy(json.loads(BUNDLED_PACK.read_text(encoding="utf-8")))


def test_bundled_pack_loads_with_the_six_rules():
    pack = load_rule_pack()
    assert pack.schema_version == 1 and pack.version
    assert [r.id for r in pack.rules] == ["site.ecological_redline", "site.basic_farmland", "site.cultivated_land",
                                          "site.urban_boundary", "site.planned_use", "site.nature_reserve"]
    redline = pack.rules[0]
    assert redline.constraint_role == "ecological_redline" and "自然资发〔2022〕142号" in redline.legal_basis
    assert pack.rules[2].class_filter.codes >= {"0101", "0102", "0103", "0101K"}


@pytest.mark.parametrize(("intended", "planned", "expected"), [
    ("0701", "0103", "incompatible"),      # housing on planned cultivated land
    ("1001", "17", "incompatible"),        # industry on planned water
    ("0701", "0702", "compatible"),        # same level-1 class
    ("090101", "09", "compatible"),
    ("1001", "0201", "needs_justification"),  # default
    ("0601", "0101", "needs_justification"),
    (None, "01", None),
])
def test_compatibility_lookup(intended, planned, expected):
    assert load_rule_pack().compatibility.lookup(intended, planned) == expected


def test_more_specific_entry_wins(raw):
    raw["compatibility"]["entries"].append({"intended": ["1001"], "planned": ["0103"], "result": "compatible"})
    table = parse_rule_pack(raw).compatibility
    assert table.lookup("100101", "0103") == "compatible"
    assert table.lookup("1002", "0103") == "incompatible"


def _break(raw: dict, path: list, value) -> dict:
    target = raw
    for step in path[:-1]:
        target = target[step]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return raw


@pytest.mark.parametrize(("path", "value", "entry"), [
    (["schema_version"], 2, "$.schema_version"),
    (["id"], "", "$.id"),
    (["rules"], [], "$.rules"),
    (["rules", 0, "predicate"], "intersects", "$.rules[0].predicate"),
    (["rules", 1, "tolerance_m2"], -1, "$.rules[1].tolerance_m2"),
    (["rules", 1, "tolerance_m2"], True, "$.rules[1].tolerance_m2"),
    (["rules", 0, "severity"], "fatal", "$.rules[0].severity"),
    (["rules", 0, "verdict"], {"finding": "compliant"}, "$.rules[0].verdict.finding"),
    (["rules", 4, "verdict"], {"finding": "non_compliant"}, "$.rules[4].verdict"),
    (["rules", 0, "legal_basis"], "142号", "$.rules[0].legal_basis"),
    (["rules", 0, "name_en"], KeyError, "$.rules[0].name_en"),
    (["rules", 0, "colour"], "red", "$.rules[0].colour"),
    (["rules", 2, "class_filter", "codes"], [], "$.rules[2].class_filter.codes"),
    (["rules", 1, "column"], "redline", "$.rules[1].column"),
    (["rules", 1, "id"], "site.ecological_redline", "$.rules[1].id"),
    (["compatibility", "entries", 0, "planned", 1], "3", "$.compatibility.entries[0].planned[1]"),
    (["compatibility", "entries", 1, "result"], "maybe", "$.compatibility.entries[1].result"),
    (["compatibility", "default"], "ok", "$.compatibility.default"),
    (["compatibility"], KeyError, "$.compatibility"),
])
def test_malformed_pack_names_the_bad_entry(raw, path, value, entry):
    with pytest.raises(RulePackError) as caught:
        parse_rule_pack(_break(raw, path, value), "pack.json")
    assert caught.value.details["entry"] == entry
    assert entry in str(caught.value)
    assert isinstance(caught.value, InputError)


def test_unreadable_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(RulePackError, match="not valid JSON"):
        load_rule_pack(bad)
    with pytest.raises(RulePackError, match="cannot read"):
        load_rule_pack(tmp_path / "missing.json")
