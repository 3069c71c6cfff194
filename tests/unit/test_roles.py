"""Unit tests for planmonitor_plugin.core.roles: role file, detection and field checks."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.roles import (
    FieldProblem,
    RoleFileError,
    bundled_roles_path,
    check_fields,
    detect_role,
    load_roles,
    normalise_layer_name,
    parse_roles,
)

ALL_ROLE_IDS = [
    "current_land_use", "basic_farmland", "ecological_redline", "urban_boundary", "planning_zones",
    "planned_land_use", "admin_units", "change_patches", "project_sites",
]

# Field lists of real deliveries as given in domain.md §5.3 / §6.2 (S-DDL, S-TWM, S-WP2).
DLTB_MANDATORY = [  # 统一调查监测 表5-13
    ("BSM", "string", 18), ("YSDM", "string", 10), ("TBBH", "string", 8), ("DLBM", "string", 5),
    ("DLMC", "string", 60), ("QSXZ", "string", 2), ("QSDWDM", "string", 19), ("QSDWMC", "string", 255),
    ("ZLDWDM", "string", 19), ("ZLDWMC", "string", 255), ("TBMJ", "real", 0), ("TBDLMJ", "real", 0),
    ("SJNF", "integer", 0), ("MSSM", "string", 2),
]
PBF_DELIVERED = [
    ("BSM", "string", 18), ("YSDM", "string", 10), ("XZQDM", "string", 12), ("XZQMC", "string", 100),
    ("YJJBNTTBBH", "string", 20), ("TBBH", "string", 8), ("DLBM", "string", 5), ("DLMC", "string", 60),
    ("QSXZ", "string", 2), ("YJJBNTTBMJ", "real", 0), ("KCXS", "real", 0), ("YJJBNTMJ", "real", 0),
    ("ZRRMC", "string", 50), ("LXDH", "string", 20),
]
CZKFBJ_DELIVERED = [
    ("BSM", "string", 18), ("YSDM", "string", 10), ("XZQDM", "string", 12), ("XZQMC", "string", 100),
    ("GHFQDM", "string", 3), ("GHFQMC", "string", 50), ("MJ", "real", 0), ("BZ", "string", 255),
]
STBHHX_4490_VARIANT = [
    ("XZQDM", "string", 12), ("XZQMC", "string", 100), ("SHENG", "string", 50), ("SHI", "string", 50),
    ("XIAN", "string", 50), ("HXBM", "string", 30), ("HXMC", "string", 100), ("HXLX", "string", 10),
    ("LXBM", "string", 10), ("MJ", "real", 0), ("GKCS", "string", 254),
]
CHANGE_PATCH_FIELDS = ["JCTBBH", "TBLX", "JCMJ"]


@pytest.fixture(scope="module")
def roles():
    return load_roles()


@pytest.fixture()
def role_data() -> dict:
    """A deep copy of the bundled role file, to break in malformed-file tests."""
    return json.loads(bundled_roles_path().read_text(encoding="utf-8"))


def field_names(fields: list[tuple[str, str, int]]) -> list[str]:
    return [name for name, _type, _length in fields]


def rule_ids(problems: list[FieldProblem]) -> list[tuple[str, str]]:
    return [(p.rule_id, p.field) for p in problems]


# --------------------------------------------------------------------------- the bundled file


def test_bundled_file_has_all_roles_in_order(roles):
    assert list(roles) == ALL_ROLE_IDS


def test_every_role_is_a_polygon_with_both_names(roles):
    for role in roles.values():
        assert role.geometry == "polygon"
        assert role.name_zh and role.name_en
        assert role.field(role.key_field) is not None


def test_only_land_use_and_admin_units_are_coverages(roles):
    assert {r.id for r in roles.values() if r.coverage} == {"current_land_use", "admin_units"}
    assert all(r.no_overlaps for r in roles.values() if r.coverage)
    assert not roles["change_patches"].no_overlaps
    assert not roles["project_sites"].no_overlaps


@pytest.mark.parametrize("role_id, key", [
    ("current_land_use", "BSM"), ("basic_farmland", "BSM"), ("change_patches", "JCTBBH"),
    ("project_sites", "XMDM"), ("admin_units", "XZQDM"),
])
def test_key_fields(roles, role_id, key):
    assert roles[role_id].key_field == key


def test_land_use_field_specs(roles):
    land_use = roles["current_land_use"]
    dlbm, bsm, tbmj = land_use.field("DLBM"), land_use.field("bsm"), land_use.field("TBMJ")
    assert (dlbm.type, dlbm.length, dlbm.code_table, dlbm.required) == ("string", 5, "sandiao_dlbm", True)
    assert (bsm.type, bsm.length) == ("string", 18)
    assert tbmj.type == "real" and tbmj.positive
    assert land_use.field("NOT_A_FIELD") is None


def test_admin_code_length_is_twelve(roles):
    assert roles["admin_units"].field("XZQDM").length == 12


def test_code_tables(roles):
    assert roles["current_land_use"].code_fields["DLBM"] == "sandiao_dlbm"
    assert roles["planned_land_use"].code_fields == {"YDYHFLDM": "ydyh_2023"}
    assert roles["planning_zones"].code_fields == {"GHFQDM": "planning_zones"}
    assert roles["project_sites"].field("YTDM").code_table == "ydyh_2023"


def test_required_land_use_fields_are_within_the_standard_mandatory_set(roles):
    required = {f.name for f in roles["current_land_use"].required_fields}
    assert required <= set(field_names(DLTB_MANDATORY))


@pytest.mark.parametrize("role_id, fields", [
    ("current_land_use", DLTB_MANDATORY), ("basic_farmland", PBF_DELIVERED),
    ("urban_boundary", CZKFBJ_DELIVERED), ("ecological_redline", STBHHX_4490_VARIANT),
])
def test_real_deliveries_pass_the_field_check(roles, role_id, fields):
    assert check_fields(roles[role_id], fields) == []


def test_load_roles_returns_a_fresh_dict(roles):
    first = load_roles()
    first.pop("current_land_use")
    assert "current_land_use" in load_roles()


def test_load_roles_from_a_user_file(tmp_path, role_data):
    role_data["roles"] = role_data["roles"][:1]
    path = tmp_path / "my_roles.json"
    path.write_text(json.dumps(role_data, ensure_ascii=False), encoding="utf-8")
    assert list(load_roles(path)) == ["current_land_use"]
    assert list(load_roles(str(path))) == ["current_land_use"]


def test_bundled_path_source_layout():
    assert bundled_roles_path().is_file()
    assert bundled_roles_path().parent.name == "resources"


def test_bundled_path_installed_layout(tmp_path):
    plugin = tmp_path / "plugins" / "planmonitor_plugin"
    (plugin / "core").mkdir(parents=True)
    (plugin / "resources").mkdir()
    (plugin / "resources" / "layer_roles.json").write_text("{}", encoding="utf-8")
    module = plugin / "core" / "roles.py"
    assert bundled_roles_path(module) == plugin / "resources" / "layer_roles.json"


# --------------------------------------------------------------------------- malformed role files


def _break(role_data: dict, where: str, value) -> dict:
    """Set ``role_data[where]`` where ``where`` is a dotted path of keys and list indexes."""
    broken = copy.deepcopy(role_data)
    *parents, last = where.split(".")
    target = broken
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is _DELETE:
        del target[int(last) if last.isdigit() else last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return broken


_DELETE = object()


@pytest.mark.parametrize("where, value, expected_in_message", [
    ("schema_version", _DELETE, "schema_version"),
    ("schema_version", 2, "unsupported schema_version 2"),
    ("roles", [], "roles"),
    ("roles.1.id", "current_land_use", "duplicate role id 'current_land_use'"),
    ("roles.1.id", "Basic Farmland", "roles[1]"),
    ("roles.0.required_fields.1.type", "text", "roles[0] (current_land_use).required_fields[1] (DLBM)"),
    ("roles.0.required_fields.1.length", -5, "length -5"),
    ("roles.0.required_fields.1.code_table", "sandiao_dlbm_typo", "code_table 'sandiao_dlbm_typo'"),
    ("roles.0.required_fields.1.name", "BSM", "'BSM' appears twice"),
    ("roles.0.required_fields.1.requried", True, "unknown keys ['requried']"),
    ("roles.0.requried_fields", [], "unknown keys ['requried_fields']"),
    ("roles.0.required_fields", _DELETE, "required_fields: must be a list"),
    ("roles.0.geometry", "polyline", "geometry"),
    ("roles.0.coverage", "yes", "coverage must be true or false"),
    ("roles.0.key_field", "NOPE", "key_field 'NOPE'"),
    ("roles.0.name_patterns", ["dltb_2023"], "'dltb_2023'"),
    ("roles.0.name_zh", "", "name_zh"),
    ("roles.2.optional_fields.2.aliases", ["XJ-XZQDM"], "invalid alias"),
    ("roles.7.optional_fields.6.accept_types", ["text"], "accept_types"),
])
def test_malformed_role_data_names_the_bad_entry(role_data, where, value, expected_in_message):
    with pytest.raises(RoleFileError) as caught:
        parse_roles(_break(role_data, where, value), source="test.json")
    assert expected_in_message in str(caught.value)
    assert caught.value.details["path"] == "test.json"
    assert caught.value.details["entry"]


def test_role_file_error_is_an_input_error():
    assert issubclass(RoleFileError, InputError)
    assert RoleFileError.code == "role_file"


def test_not_json(tmp_path):
    path = tmp_path / "roles.json"
    path.write_text('{"schema_version": 1, "roles": [', encoding="utf-8")
    with pytest.raises(RoleFileError, match="not valid JSON"):
        load_roles(path)


def test_missing_file(tmp_path):
    with pytest.raises(RoleFileError, match="Cannot read"):
        load_roles(tmp_path / "absent.json")


def test_top_level_must_be_an_object():
    with pytest.raises(RoleFileError, match="top level"):
        parse_roles([1, 2, 3])


# --------------------------------------------------------------------------- name normalisation


@pytest.mark.parametrize("raw, expected", [
    ("DLTB", "dltb"),
    ("永久基本农田.shp", "永久基本农田"),
    (r"D:\data\三调\DLTB.shp", "dltb"),
    ("/data/county.gdb/STBHHX", "stbhhx"),
    ("/data/plan.gpkg|layername=CZKFBJ", "czkfbj"),
    ("xzq.shp|layerid=0", "xzq"),
    ("dltb.shp.zip", "dltb"),
    ("ＤＬＴＢ", "dltb"),
    ("DLTB.2023", "dltb.2023"),
])
def test_normalise_layer_name(raw, expected):
    assert normalise_layer_name(raw) == expected


# --------------------------------------------------------------------------- detection by name


@pytest.mark.parametrize("layer_name, expected", [
    ("DLTB", "current_land_use"),
    ("dltb_2023", "current_land_use"),
    ("DLTB2023", "current_land_use"),
    ("XZQ_DLTB", "current_land_use"),
    ("330102DLTB", "current_land_use"),
    ("2023年地类图斑", "current_land_use"),
    ("某县2023年度变更调查地类图斑.shp", "current_land_use"),
    (r"E:\三调成果\DLTB.shp", "current_land_use"),
    ("永久基本农田.shp", "basic_farmland"),
    ("永久基本农田保护图斑", "basic_farmland"),
    ("YJJBNTBHTB", "basic_farmland"),
    ("YJJBNT", "basic_farmland"),
    ("YJJBNTTB_2022", "basic_farmland"),
    ("STBHHX_4490", "ecological_redline"),
    ("生态保护红线", "ecological_redline"),
    ("330102生态红线", "ecological_redline"),
    ("CZKFBJ", "urban_boundary"),
    ("城镇开发边界", "urban_boundary"),
    ("GHFQ", "planning_zones"),
    ("ZXCQGHFQ", "planning_zones"),
    ("县域规划分区", "planning_zones"),
    ("ZXCQGHYDYH", "planned_land_use"),
    ("YDYHGHFQ", "planned_land_use"),
    ("中心城区规划用地用海", "planned_land_use"),
    ("用地用海规划", "planned_land_use"),
    ("XZQ", "admin_units"),
    ("行政区", "admin_units"),
    ("乡镇行政区划", "admin_units"),
    ("监测图斑", "change_patches"),
    ("2024年第3批变化图斑", "change_patches"),
    ("卫片图斑", "change_patches"),
    ("JCTB_202405", "change_patches"),
    ("YGYSXZJSYDTB", "change_patches"),
    ("建设项目", "project_sites"),
    ("XX公路项目选址", "project_sites"),
    ("XS_XMKJFW", "project_sites"),
])
def test_detect_by_name(roles, layer_name, expected):
    match = detect_role(layer_name, [], roles)
    assert match is not None, layer_name
    assert match.role_id == expected
    assert match.matched_pattern


@pytest.mark.parametrize("layer_name, fields", [
    ("roads", ["NAME", "TYPE", "WIDTH"]),
    ("POI", ["NAME", "LON", "LAT"]),
    ("layer1", []),
    ("", []),
    ("XZQJX", ["JXLX", "JXXZ", "JXSM"]),
    ("行政区界线", []),
    ("GDBHMB", []),
    ("耕地保护目标", []),
    ("YJJBNTCBQ", []),
    ("永久基本农田储备区", []),
    ("现状用地用海", ["YDYHFLDM", "YDYHFLMC"]),
    ("XZQHJX", []),  # 行政区划界线 (lines): XZQ is too short to match inside a longer letter run
])
def test_no_detection_for_unrelated_layers(roles, layer_name, fields):
    assert detect_role(layer_name, fields, roles) is None


def test_affix_match_scores_lower_than_exact(roles):
    exact, affix = detect_role("DLTB", [], roles), detect_role("330102XZDLTB", [], roles)
    assert affix.role_id == "current_land_use"
    assert affix.name_score < exact.name_score


def test_detect_uses_bundled_roles_by_default():
    assert detect_role("DLTB", []).role_id == "current_land_use"


# --------------------------------------------------------------------------- ambiguities


def test_yjjbnt_variants_are_farmland_not_change_patches(roles):
    for name in ("YJJBNT", "YJJBNTTB", "YJJBNTBHTB", "JBNTBHTB"):
        match = detect_role(name, [], roles)
        assert match.role_id == "basic_farmland", name
        assert "change_patches" not in dict(match.alternatives)


def test_yjjbntbhtb_is_matched_by_its_full_pattern(roles):
    assert detect_role("YJJBNTBHTB", [], roles).matched_pattern == "YJJBNTBHTB"


def test_ghfq_is_planning_zones_and_ydyhghfq_with_ydyhfldm_is_planned_land_use(roles):
    zones = detect_role("GHFQ", ["BSM", "GHFQDM", "GHFQMC", "MJ"], roles)
    planned = detect_role("YDYHGHFQ", ["BSM", "YDYHFLDM", "YDYHFLMC", "MJ"], roles)
    assert zones.role_id == "planning_zones"
    assert planned.role_id == "planned_land_use"
    assert planned.score > dict(planned.alternatives)["planning_zones"]


def test_ydyhghfq_with_zone_codes_only_is_planning_zones(roles):
    """domain.md §5.2: the maintenance tool compares YDYHGHFQ on GHFQDM."""
    match = detect_role("YDYHGHFQ", ["BSM", "GHFQDM", "GHFQMC", "MJ"], roles)
    assert match.role_id == "planning_zones"
    assert "planned_land_use" in dict(match.alternatives)


def test_zxcqghydyh_is_planned_land_use_even_with_zone_fields(roles):
    match = detect_role("ZXCQGHYDYH", ["YDYHFLDM", "YDYHFLMC", "TBMJ", "TBDLMJ"], roles)
    assert match.role_id == "planned_land_use"
    assert match.score == pytest.approx(1.0)


def test_gdbhmb_is_not_current_land_use(roles):
    gdbhmb_fields = field_names(DLTB_MANDATORY) + ["SFWHTD"]
    assert detect_role("GDBHMB", gdbhmb_fields, roles) is None
    assert detect_role("layer", gdbhmb_fields, roles) is None
    assert detect_role("DLTB", field_names(DLTB_MANDATORY), roles).role_id == "current_land_use"


def test_prefix_role_is_an_alternative_only(roles):
    match = detect_role("XZQ_DLTB", [], roles)
    assert match.role_id == "current_land_use"
    assert dict(match.alternatives)["admin_units"] < match.score


def test_name_beats_fields_of_another_role(roles):
    match = detect_role("CZKFBJ", CHANGE_PATCH_FIELDS, roles)
    assert match.role_id == "urban_boundary"


# --------------------------------------------------------------------------- detection by fields


def test_field_only_change_patches(roles):
    match = detect_role("layer1", CHANGE_PATCH_FIELDS + ["XZQDM", "BGQDL", "BGHDL"], roles)
    assert match.role_id == "change_patches"
    assert match.name_score == 0 and match.matched_pattern is None
    assert set(match.matched_fields) == set(CHANGE_PATCH_FIELDS)
    assert "fields only" in match.reason and "JCTBBH" in match.reason
    assert "仅根据字段识别" in match.reason_zh


def test_field_only_is_case_insensitive(roles):
    assert detect_role("layer1", ["jctbbh", "Tblx", "jcmj"], roles).role_id == "change_patches"


def test_field_only_tolerates_one_missing_field_of_three(roles):
    match = detect_role("新建图层", ["JCTBBH", "JCMJ"], roles)
    assert match.role_id == "change_patches"
    assert match.missing_fields == ("TBLX",)


@pytest.mark.parametrize("fields, expected", [
    (field_names(DLTB_MANDATORY), "current_land_use"),
    (field_names(PBF_DELIVERED), "basic_farmland"),
    (["XMDM", "XMMC", "YDYHFLDM"], "project_sites"),
    (["xmdm", "xmmc", "ytdm"], "project_sites"),
])
def test_field_only_other_roles(roles, fields, expected):
    assert detect_role("export_01", fields, roles).role_id == expected


@pytest.mark.parametrize("fields", [
    ["BSM"],
    ["BSM", "YSDM", "XZQDM", "XZQMC"],  # generic fields shared by most roles
    ["JCTBBH"],  # a single field is not enough
    ["XZQDM", "XZQMC"],
    field_names(STBHHX_4490_VARIANT),  # the red line is recognised by name only
])
def test_field_only_needs_distinctive_fields(roles, fields):
    assert detect_role("layer1", fields, roles) is None


def test_fields_improve_the_score(roles):
    bare = detect_role("DLTB", [], roles)
    full = detect_role("DLTB", field_names(DLTB_MANDATORY), roles)
    assert full.score > bare.score
    assert full.missing_fields == () and bare.missing_fields == ("BSM", "DLBM", "TBMJ", "TBDLMJ")
    assert "4/4 required fields" in full.reason


def test_detect_with_custom_roles(role_data):
    role_data["roles"] = [r for r in role_data["roles"] if r["id"] == "change_patches"]
    custom = parse_roles(role_data)
    assert detect_role("DLTB", [], custom) is None
    assert detect_role("监测图斑", [], custom).role_id == "change_patches"


# --------------------------------------------------------------------------- field checks


def test_check_complete_land_use_layer(roles):
    assert check_fields(roles["current_land_use"], DLTB_MANDATORY) == []


def test_check_missing_required_field(roles):
    fields = [f for f in DLTB_MANDATORY if f[0] != "DLBM"]
    problems = check_fields(roles["current_land_use"], fields)
    assert rule_ids(problems) == [("schema.missing_field", "DLBM")]
    problem = problems[0]
    assert problem.severity == "error" and problem.layer_field is None
    assert "DLBM" in problem.message_en and "missing" in problem.message_en
    assert "缺少必填字段" in problem.message_zh and "地类编码" in problem.message_zh


def test_missing_optional_field_is_not_a_problem(roles):
    fields = [f for f in DLTB_MANDATORY if f[0] != "DLMC"]
    assert check_fields(roles["current_land_use"], fields) == []


def test_check_code_stored_as_real(roles):
    fields = [("DLBM", "real", 0) if f[0] == "DLBM" else f for f in DLTB_MANDATORY]
    problems = check_fields(roles["current_land_use"], fields)
    assert rule_ids(problems) == [("schema.wrong_type", "DLBM")]
    assert problems[0].severity == "error"
    assert (problems[0].expected, problems[0].actual) == ("string", "real")
    assert "string" in problems[0].message_en and "real" in problems[0].message_en
    assert "文本型" in problems[0].message_zh and "浮点型" in problems[0].message_zh


def test_code_stored_as_integer_is_wrong_too(roles):
    problems = check_fields(roles["project_sites"], [("XMDM", "integer", 10), ("XMMC", "string", 100)])
    assert rule_ids(problems) == [("schema.wrong_type", "XMDM")]


def test_integer_area_is_acceptable(roles):
    fields = [("TBMJ", "integer", 10) if f[0] == "TBMJ" else f for f in DLTB_MANDATORY]
    assert check_fields(roles["current_land_use"], fields) == []


def test_area_stored_as_text_is_wrong(roles):
    fields = [("TBMJ", "string", 20) if f[0] == "TBMJ" else f for f in DLTB_MANDATORY]
    assert rule_ids(check_fields(roles["current_land_use"], fields)) == [("schema.wrong_type", "TBMJ")]


def test_unknown_reported_type_counts_as_other(roles):
    problems = check_fields(roles["project_sites"], [("XMDM", "blob", 0), ("XMMC", "string", 100)])
    assert problems[0].actual == "other" and "其他类型" in problems[0].message_zh


def test_check_too_long(roles):
    fields = [("DLBM", "string", 10) if f[0] == "DLBM" else f for f in DLTB_MANDATORY]
    problems = check_fields(roles["current_land_use"], fields)
    assert rule_ids(problems) == [("schema.too_long", "DLBM")]
    problem = problems[0]
    assert problem.severity == "warning"
    assert (problem.expected, problem.actual) == ("5", "10")
    assert "10" in problem.message_en and "5" in problem.message_en
    assert "超过标准规定的最大长度 5" in problem.message_zh


@pytest.mark.parametrize("length", [0, None, 5, 3])
def test_unknown_or_fitting_length_is_fine(roles, length):
    fields = [("DLBM", "string", length) if f[0] == "DLBM" else f for f in DLTB_MANDATORY]
    assert check_fields(roles["current_land_use"], fields) == []


def test_check_is_case_insensitive(roles):
    lower = [(name.lower(), type_name, length) for name, type_name, length in DLTB_MANDATORY]
    assert check_fields(roles["current_land_use"], lower) == []
    lower[3] = ("dlbm", "real", 0)
    problems = check_fields(roles["current_land_use"], lower)
    assert rule_ids(problems) == [("schema.wrong_type", "DLBM")]
    assert problems[0].layer_field == "dlbm"


def test_type_names_are_case_insensitive(roles):
    assert check_fields(roles["project_sites"], [("XMDM", "String", 20), ("XMMC", "STRING", 100)]) == []


def test_alias_satisfies_a_field(roles):
    fields = [("XMDM", "string", 30), ("XMMC", "string", 100), ("YTDM", "real", 0)]
    problems = check_fields(roles["project_sites"], fields)
    assert rule_ids(problems) == [("schema.wrong_type", "YDYHFLDM")]
    assert problems[0].layer_field == "YTDM"


def test_wrong_type_of_optional_field_is_a_warning(roles):
    fields = DLTB_MANDATORY + [("CZCSXM", "integer", 0)]
    problems = check_fields(roles["current_land_use"], fields)
    assert [(p.rule_id, p.severity) for p in problems] == [("schema.wrong_type", "warning")]


def test_dates_delivered_as_text_are_accepted(roles):
    fields = [("JCTBBH", "string", 30), ("TBLX", "string", 10), ("JCMJ", "real", 0),
              ("JCSDQ", "string", 10), ("JCSDH", "date", 0)]
    assert check_fields(roles["change_patches"], fields) == []
    fields[3] = ("JCSDQ", "real", 0)
    assert rule_ids(check_fields(roles["change_patches"], fields)) == [("schema.wrong_type", "JCSDQ")]


def test_all_problems_are_reported_in_role_order(roles):
    fields = [("DLBM", "string", 8), ("TBMJ", "string", 20)]
    problems = check_fields(roles["current_land_use"], fields)
    assert rule_ids(problems) == [
        ("schema.missing_field", "BSM"), ("schema.too_long", "DLBM"),
        ("schema.wrong_type", "TBMJ"), ("schema.missing_field", "TBDLMJ"),
    ]
    assert all(p.message_en and p.message_zh for p in problems)


def test_role_without_required_fields_never_reports_missing(roles):
    assert check_fields(roles["ecological_redline"], []) == []


def test_field_problem_messages_mention_aliases(roles):
    role = parse_roles(_break(json.loads(Path(bundled_roles_path()).read_text(encoding="utf-8")),
                              "roles.8.required_fields.1.aliases", ["XMMC2"]))["project_sites"]
    problems = check_fields(role, [("XMDM", "string", 20)])
    assert "XMMC (project name) (or XMMC2)" in problems[0].message_en
    assert "XMMC（项目名称）（或 XMMC2）" in problems[0].message_zh
