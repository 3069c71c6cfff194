"""Tests for the bundled code tables and their loader.

Expected counts and codes are taken from /work/shared/domain.md §2.2-2.7 and §3.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from planmonitor_plugin.core.code_tables import (
    CodeTable,
    CodeTableError,
    crosswalk_sandiao_to_ydyh,
    list_code_tables,
    load_code_table,
)
from planmonitor_plugin.core.errors import InputError

REPO = Path(__file__).resolve().parents[2]
TABLES_DIR = REPO / "resources" / "code_tables"
TABLE_IDS = ["ydyh_2020", "ydyh_2023", "ydyh_2020_to_2023", "sandiao_dlbm", "sandiao_to_ydyh",
             "construction_grouping", "planning_zones"]
LEVEL1 = [f"{i:02d}" for i in range(1, 25)]
WETLAND_GROUP = {"0303", "0304", "0306", "0402", "0603", "1105", "1106", "1108"}


@pytest.fixture(scope="module")
def tables() -> dict[str, CodeTable]:
    return {table_id: load_code_table(table_id) for table_id in TABLE_IDS}


def level_counts(table: CodeTable) -> dict[int, int]:
    return table.frame["level"].value_counts().sort_index().to_dict()


def codes_at(table: CodeTable, level: int) -> set[str]:
    frame = table.frame
    return set(frame.loc[frame["level"] == level, "code"])


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# ------------------------------------------------------------------ manifest
def test_manifest_lists_every_table_with_metadata():
    manifest = json.loads((TABLES_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert isinstance(manifest["schema_version"], int)
    assert [entry["id"] for entry in manifest["tables"]] == TABLE_IDS
    for entry in manifest["tables"]:
        for field in ("file", "title_zh", "title_en", "version", "description"):
            assert entry[field].strip(), (entry["id"], field)
        assert entry["source"] and all(s.strip() for s in entry["source"])
        assert entry["confidence"] in {"official", "practitioner", "provisional"}
        names = [c["name"] for c in entry["columns"]]
        assert all(c["type"] in {"str", "int", "bool"} for c in entry["columns"])
        assert set(entry["key"]) <= {c["name"] for c in entry["columns"] if c["required"]}
        assert entry["name_column"] in names


def test_every_csv_is_in_the_manifest_and_headers_match():
    entries = {entry["file"]: entry for entry in list_code_tables()}
    assert set(entries) == {path.name for path in TABLES_DIR.glob("*.csv")}
    for name, entry in entries.items():
        data = (TABLES_DIR / name).read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), f"{name} has a BOM"
        header = data.decode("utf-8").splitlines()[0].split(",")
        assert header == [c["name"] for c in entry["columns"]], name


def test_confidence_follows_domain_labels():
    confidence = {entry["id"]: entry["confidence"] for entry in list_code_tables()}
    assert confidence["planning_zones"] == "provisional"
    assert confidence["ydyh_2020"] == confidence["construction_grouping"] == "practitioner"
    zones = next(e for e in list_code_tables() if e["id"] == "planning_zones")
    assert "2023 自然资发〔2023〕234号" in next(e for e in list_code_tables() if e["id"] == "ydyh_2023")["version"]
    assert zones["title_en"].endswith("(Zhejiang-style)")


def test_list_code_tables_returns_copies():
    list_code_tables()[0]["id"] = "changed"
    assert list_code_tables()[0]["id"] == "ydyh_2020"


# ---------------------------------------------------------- 用地用海 lists
def test_ydyh_2023_counts_match_cctool(tables):
    assert level_counts(tables["ydyh_2023"]) == {1: 24, 2: 111, 3: 40}


def test_ydyh_2020_counts_match_official_trial_counts(tables):
    assert level_counts(tables["ydyh_2020"]) == {1: 24, 2: 106, 3: 39}


@pytest.mark.parametrize("table_id", ["ydyh_2020", "ydyh_2023"])
def test_ydyh_level1_codes_and_tree(tables, table_id):
    frame = tables[table_id].frame
    assert sorted(codes_at(tables[table_id], 1)) == LEVEL1
    by_code = dict(zip(frame["code"], frame["level"]))
    for code, level, parent in zip(frame["code"], frame["level"], frame["parent"]):
        assert len(code) == 2 * level, code
        if level == 1:
            assert parent == ""
        else:
            assert by_code[parent] == level - 1 and code.startswith(parent), code
    parents = set(frame["parent"])
    assert "16" not in parents and "24" not in parents


@pytest.mark.parametrize("code, name", [("0101", "水田"), ("0204", "油料园地"), ("0505", "沿海滩涂"),
                                        ("060102", "田间道"), ("1207", "城镇村道路用地"), ("1311", "水工设施用地"),
                                        ("2302", "后备耕地"), ("2102", "文体休闲娱乐用海"), ("16", "留白用地")])
def test_ydyh_2023_names(tables, code, name):
    assert tables["ydyh_2023"].name_of(code) == name


@pytest.mark.parametrize("code, name", [("0203", "橡胶园"), ("0204", "其他园地"), ("0601", "乡村道路用地"),
                                        ("060102", "村庄内部道路用地"), ("0602", "种植设施建设用地"),
                                        ("090302", "康体用地"), ("1207", "城镇道路用地"), ("1311", "干渠"),
                                        ("1313", "其他公用设施用地"), ("2202", "其他特殊用海"), ("2303", "田间道")])
def test_ydyh_2020_names(tables, code, name):
    assert tables["ydyh_2020"].name_of(code) == name


def test_ydyh_2020_lacks_codes_new_in_2023(tables):
    new_in_2023 = {"0205", "060201", "1804", "2004", "2005", "2203", "2204", "2205", "2206"}
    assert not new_in_2023 & tables["ydyh_2020"].codes()
    assert new_in_2023 <= tables["ydyh_2023"].codes()


def test_english_names_only_for_level1(tables):
    frame = tables["ydyh_2023"].frame
    assert (frame.loc[frame["level"] == 1, "name_en"] != "").all()
    assert (frame.loc[frame["level"] > 1, "name_en"] == "").all()
    assert tables["ydyh_2023"].frame.set_index("code").loc["17", "name_en"] == "Inland water"


# ---------------------------------------------------------- 2020 -> 2023
def test_crosswalk_2020_covers_every_2020_code_and_hits_2023(tables):
    frame = tables["ydyh_2020_to_2023"].frame
    assert set(frame["code_2020"]) == tables["ydyh_2020"].codes()
    assert set(frame["code_2023"]) <= tables["ydyh_2023"].codes()
    levels_2020 = dict(zip(tables["ydyh_2020"].frame["code"], tables["ydyh_2020"].frame["level"]))
    assert all(levels_2020[c] == lv for c, lv in zip(frame["code_2020"], frame["level_2020"]))


@pytest.mark.parametrize("old, new, change", [
    ("0101", "0101", "unchanged"), ("0203", "0203", "renamed"), ("0204", "0205", "recoded"),
    ("060101", "060101", "unchanged"), ("060102", "1207", "moved"), ("0602", "060201", "moved"),
    ("0603", "060202", "moved"), ("0604", "060203", "moved"), ("090301", "0903", "level_dropped"),
    ("090302", "0903", "level_dropped"), ("1207", "1207", "renamed"), ("1311", "1311", "merged"),
    ("1312", "1311", "recoded"), ("1313", "1312", "recoded"), ("2202", "2206", "recoded"),
    ("2302", "2303", "recoded"), ("2303", "060102", "moved"), ("16", "16", "unchanged"),
])
def test_crosswalk_2020_rows_from_domain_table(tables, old, new, change):
    row = tables["ydyh_2020_to_2023"].frame.set_index("code_2020").loc[old]
    assert (row["code_2023"], row["change"]) == (new, change)


def test_crosswalk_2020_unchanged_rows_keep_names(tables):
    frame = tables["ydyh_2020_to_2023"].frame
    same = frame[frame["change"] == "unchanged"]
    assert (same["code_2020"] == same["code_2023"]).all()
    assert (same["name_2020"] == same["name_2023"]).all()
    assert len(same) == 169 - 17


def test_only_new_2023_codes_are_unreached(tables):
    reached = set(tables["ydyh_2020_to_2023"].frame["code_2023"])
    unreached = tables["ydyh_2023"].codes() - reached
    assert unreached == {"0204", "0602", "1804", "2004", "2005", "2202", "2203", "2204", "2205", "2302"}


def test_code_reused_flag(tables):
    frame = tables["ydyh_2020_to_2023"].frame
    expected = frame["code_2020"].isin(tables["ydyh_2023"].codes()) & (frame["code_2020"] != frame["code_2023"])
    assert (frame["code_reused_2023"] == expected).all()
    reused = set(frame.loc[frame["code_reused_2023"], "code_2020"])
    assert reused == {"0204", "0602", "060102", "1312", "2202", "2302", "2303"}


# ------------------------------------------------------------------- 三调
def test_sandiao_level1_and_wetland_group(tables):
    table = tables["sandiao_dlbm"]
    assert sorted(codes_at(table, 1)) == [f"{i:02d}" for i in range(13)]
    frame = table.frame
    wetland = set(frame.loc[(frame["group"] == "wetland") & (frame["level"] > 1), "code"])
    assert wetland == WETLAND_GROUP
    assert set(frame.loc[frame["parent"] == "00", "code"]) == WETLAND_GROUP
    assert table.name_of("02") == "种植园用地"


def test_sandiao_special_codes_present(tables):
    codes = tables["sandiao_dlbm"].codes()
    merged = {"05H1", "0508", "08H1", "08H2", "08H2A", "0809", "0810", "0810A", "09"}
    adjustable = {"0201K", "0301K", "0302K", "0307K", "0403K", "1104K"}
    assert merged | adjustable | {"1104A", "1107A"} <= codes
    frame = tables["sandiao_dlbm"].frame
    assert set(frame.loc[frame["is_adjustable"], "code"]) == adjustable
    assert frame["code"].str.len().max() == 5


def test_sandiao_tree_references(tables):
    frame = tables["sandiao_dlbm"].frame.set_index("code")
    for code, row in frame.iterrows():
        if row["level"] > 1:
            assert frame.loc[row["parent"], "level"] == row["level"] - 1, code
        if row["is_adjustable"]:
            base = frame.loc[row["base_code"]]
            assert code == row["base_code"][:4] + "K"
            assert (base["level"], base["parent"]) == (row["level"], row["parent"])


def test_sandiao_gbt_only_codes_are_not_dlbm_values(tables):
    frame = tables["sandiao_dlbm"].frame.set_index("code")
    for code in ["0501", "0507", "0604", "0906", "00", "01", "12"]:
        assert not frame.loc[code, "dlbm_value"], code
    for code in ["09", "0101", "05H1", "0201K", "1107A"]:
        assert frame.loc[code, "dlbm_value"], code


# ----------------------------------------------------------- 三调 -> 2023
def test_sandiao_crosswalk_covers_exactly_the_dlbm_values(tables):
    dlbm = tables["sandiao_dlbm"].frame
    assert set(tables["sandiao_to_ydyh"].frame["sandiao_code"]) == set(dlbm.loc[dlbm["dlbm_value"], "code"])


def test_sandiao_crosswalk_targets_exist_in_2023(tables):
    frame = tables["sandiao_to_ydyh"].frame
    codes_2023 = tables["ydyh_2023"].codes()
    candidates = {c for cell in frame["candidates"] if cell for c in cell.split(";")}
    assert set(frame.loc[frame["ydyh_code"] != "", "ydyh_code"]) <= codes_2023
    assert candidates <= codes_2023
    assert set(frame["level1_fallback"]) <= set(LEVEL1)


def test_subdivision_rows_are_consistent(tables):
    frame = tables["sandiao_to_ydyh"].frame
    sub = frame[frame["needs_subdivision"]]
    assert set(sub["sandiao_code"]) == {"0204", "08H2", "0809", "09", "1005", "1006", "1202", "05H1"}
    assert (sub["ydyh_code"] == "").all() and (sub["candidates"] != "").all()
    for fallback, cell in zip(sub["level1_fallback"], sub["candidates"]):
        assert all(code[:2] == fallback for code in cell.split(";"))
    direct = frame[~frame["needs_subdivision"]]
    assert (direct["candidates"] == "").all()
    assert (direct["ydyh_code"].str[:2] == direct["level1_fallback"]).all()


@pytest.mark.parametrize("sandiao, ydyh", [
    ("0305", "0303"), ("0307", "0304"), ("0403", "0402"), ("0404", "0403"), ("0303", "0507"), ("0304", "0501"),
    ("1108", "0504"), ("0603", "1003"), ("0508", "1101"), ("0702", "0703"), ("08H1", "0801"), ("0810A", "1403"),
    ("1002", "1206"), ("1003", "1202"), ("1104A", "1704"), ("1107A", "1311"), ("1109", "1311"), ("1203", "2303"),
])
def test_sandiao_one_to_one_rows(tables, sandiao, ydyh):
    assert tables["sandiao_to_ydyh"].frame.set_index("sandiao_code").loc[sandiao, "ydyh_code"] == ydyh


def test_k_codes_map_like_their_base(tables):
    dlbm = tables["sandiao_dlbm"].frame
    cross = tables["sandiao_to_ydyh"].frame.set_index("sandiao_code")
    columns = ["ydyh_code", "needs_subdivision", "candidates", "level1_fallback"]
    k_rows = dlbm[dlbm["is_adjustable"]]
    assert len(k_rows) == 6
    for code, base in zip(k_rows["code"], k_rows["base_code"]):
        assert cross.loc[code, columns].tolist() == cross.loc[base, columns].tolist(), code


# ----------------------------------------------------- grouping and zones
def test_construction_grouping(tables):
    frame = tables["construction_grouping"].frame
    assert list(frame["code"]) == LEVEL1
    construction = set(frame.loc[frame["group"] == "construction", "code"])
    assert construction == {f"{i:02d}" for i in range(6, 17)}
    names_2023 = dict(zip(tables["ydyh_2023"].frame["code"], tables["ydyh_2023"].frame["name_zh"]))
    assert all(names_2023[c] == n for c, n in zip(frame["code"], frame["name_zh"]))


def test_planning_zones(tables):
    table = tables["planning_zones"]
    frame = table.frame.set_index("code")
    assert sorted(codes_at(table, 1)) == [f"{i}00" for i in range(1, 8)]
    assert len(frame) == 39
    for code, row in frame.iterrows():
        if row["level"] > 1:
            assert frame.loc[row["parent"], "level"] == row["level"] - 1, code
    assert set(frame["scheme"]) == {"provincial example (Zhejiang-style)"}
    assert frame.loc["420", "udb_subzone"] == "城镇弹性发展区"
    assert set(frame.loc[frame["udb_subzone"] == "城镇集中建设区"].index) == {"410"} | {f"41{i}" for i in range(1, 9)}
    assert table.name_of("740") == "特殊用地集中区"


# -------------------------------------------------------------- loader API
def test_codes_keep_leading_zeros(tables):
    table = tables["ydyh_2023"]
    assert pd.api.types.is_string_dtype(table.frame["code"])
    assert "0101" in table.codes() and "101" not in table.codes()
    assert table.frame["code"].iloc[0] == "01"


def test_contains_is_vectorised_and_handles_missing(tables):
    values = pd.Series(["0101", None, np.nan, " 0102 ", 101, "", "9999", "060102"])
    result = tables["ydyh_2023"].contains(values)
    assert isinstance(result, np.ndarray) and result.dtype == bool
    assert result.tolist() == [True, False, False, True, False, False, False, True]
    assert tables["ydyh_2023"].contains(["24", "25"]).tolist() == [True, False]


def test_name_of_unknown_is_none(tables):
    assert tables["ydyh_2023"].name_of("9999") is None
    assert tables["ydyh_2020_to_2023"].name_of("2303") == "田间道"


def test_crosswalk_function_keeps_index_and_never_guesses(tables):
    codes = pd.Series(["0101", "0201K", "1006", None, "0999", " 0307 ", "0201k"], index=list("abcdefg"))
    result = crosswalk_sandiao_to_ydyh(codes)
    assert list(result.index) == list("abcdefg")
    assert result["status"].tolist() == ["mapped", "mapped", "needs_subdivision", "empty", "unknown", "mapped",
                                         "unknown"]
    assert result.loc["b", "ydyh_code"] == "0201" and result.loc["f", "ydyh_code"] == "0304"
    assert pd.isna(result.loc["c", "ydyh_code"]) and result.loc["c", "candidates"] == "060101;060102"
    assert result.loc["c", "level1_fallback"] == "06"
    assert result.loc[["e", "g"], "ydyh_code"].isna().all()


def test_crosswalk_function_accepts_an_override_table(tmp_path):
    path = write_csv(tmp_path / "x.csv", "sandiao_code,sandiao_name,needs_subdivision,level1_fallback,confidence\n"
                                         "0202K,可调整茶园,true,02,provisional\n")
    table = load_code_table("sandiao_to_ydyh", override=path)
    result = crosswalk_sandiao_to_ydyh(pd.Series(["0202K", "0101"]), table=table)
    assert result["status"].tolist() == ["needs_subdivision", "unknown"]


# ---------------------------------------------------------------- overrides
ZONES_CSV = ("code,name_zh,level,parent,scheme\n"
             "010,生态保护区,1,,县级方案\n"
             "011,生态保护红线区,2,010,县级方案\n"
             "020,城镇发展区,1,,县级方案\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_override_in_utf8_and_gbk(tmp_path, encoding):
    path = write_csv(tmp_path / "zones.csv", ZONES_CSV, encoding)
    if encoding == "gbk":
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")
    table = load_code_table("planning_zones", override=path)
    assert table.source_path == path
    assert table.codes() == {"010", "011", "020"}
    assert table.name_of("011") == "生态保护红线区"
    assert table.frame["udb_subzone"].tolist() == ["", "", ""]
    assert table.frame["level"].tolist() == [1, 2, 1]


def test_override_tolerates_spreadsheet_export_quirks(tmp_path):
    text = (" Code ,NAME_ZH,level,parent,scheme,extra,\n"
            "010, 生态保护区 ,1,,县级方案,x,\n"
            ",,,,,,\n"
            "\n"
            "011,生态保护红线区,2,010,县级方案,y,\n")
    table = load_code_table("planning_zones", override=write_csv(tmp_path / "z.csv", text))
    assert table.codes() == {"010", "011"}
    assert table.name_of("010") == "生态保护区"
    assert table.frame["extra"].tolist() == ["x", "y"]


def test_bool_words_are_parsed(tmp_path):
    text = ("sandiao_code,sandiao_name,ydyh_code,needs_subdivision,candidates,level1_fallback,confidence\n"
            "0101,水田,0101,否,,01,practitioner\n"
            "1006,农村道路,,YES,060101;060102,06,practitioner\n")
    table = load_code_table("sandiao_to_ydyh", override=write_csv(tmp_path / "b.csv", text))
    assert table.frame["needs_subdivision"].tolist() == [False, True]


def error_for(tmp_path: Path, table_id: str, text: str, encoding: str = "utf-8") -> CodeTableError:
    path = write_csv(tmp_path / "bad.csv", text, encoding)
    with pytest.raises(CodeTableError) as info:
        load_code_table(table_id, override=path)
    error = info.value
    assert isinstance(error, InputError)
    assert error.details["file"] == str(path) and str(path) in str(error)
    return error


def assert_located(error: CodeTableError, row: int, column: str, problem: str) -> None:
    assert (error.details["row"], error.details["column"], error.details["problem"]) == (row, column, problem)
    assert f"row {row}, column '{column}'" in str(error)


def test_missing_required_column(tmp_path):
    error = error_for(tmp_path, "planning_zones", "code,name_zh,scheme\n010,生态保护区,县级方案\n")
    assert_located(error, 1, "level", "missing_column")


def test_empty_key(tmp_path):
    error = error_for(tmp_path, "planning_zones", ZONES_CSV + ",无代码区,1,,县级方案\n")
    assert_located(error, 5, "code", "empty_key")


def test_duplicate_key(tmp_path):
    error = error_for(tmp_path, "planning_zones", ZONES_CSV + "011,重复,2,010,县级方案\n")
    assert_located(error, 5, "code", "duplicate_key")
    assert "first in row 3" in str(error)


def test_bad_bool(tmp_path):
    text = ("sandiao_code,sandiao_name,needs_subdivision,level1_fallback,confidence\n"
            "0101,水田,false,01,practitioner\n"
            "0102,水浇地,maybe,01,practitioner\n")
    assert_located(error_for(tmp_path, "sandiao_to_ydyh", text), 3, "needs_subdivision", "bad_bool")


@pytest.mark.parametrize("level, problem", [("4", "not_allowed"), ("二", "bad_int"), ("1.5", "bad_int")])
def test_wrong_level(tmp_path, level, problem):
    text = ZONES_CSV.replace("020,城镇发展区,1,", f"020,城镇发展区,{level},")
    assert_located(error_for(tmp_path, "planning_zones", text), 4, "level", problem)


def test_empty_required_value_in_gbk_file(tmp_path):
    text = "code,name_zh,level,parent\n01,耕地,1,\n0101,,2,01\n"
    error = error_for(tmp_path, "ydyh_2023", text, encoding="gbk")
    assert_located(error, 3, "name_zh", "empty_value")


def test_lost_leading_zero_is_reported(tmp_path):
    text = "code,name_zh,level,parent\n01,耕地,1,\n101,水田,2,01\n"
    assert_located(error_for(tmp_path, "ydyh_2023", text), 3, "code", "bad_pattern")


def test_unknown_parent_is_reported(tmp_path):
    text = "code,name_zh,level,parent\n01,耕地,1,\n0201,果园,2,02\n"
    assert_located(error_for(tmp_path, "ydyh_2023", text), 3, "parent", "unknown_reference")


def test_value_outside_allowed_list(tmp_path):
    text = "code,name_zh,group\n01,耕地,farmland\n"
    assert_located(error_for(tmp_path, "construction_grouping", text), 2, "group", "not_allowed")


def test_all_problems_are_collected_in_row_order(tmp_path):
    text = "code,name_zh,level,parent,scheme\n010,A,9,,s\n,B,1,,s\n010,C,x,,s\n"
    error = error_for(tmp_path, "planning_zones", text)
    found = [(p["row"], p["column"], p["problem"]) for p in error.details["problems"]]
    assert found == [(2, "level", "not_allowed"), (3, "code", "empty_key"), (4, "code", "duplicate_key"),
                     (4, "level", "bad_int")]
    assert "3 more problem(s)" in str(error)


def test_extra_cells_beyond_header(tmp_path):
    error = error_for(tmp_path, "construction_grouping", "code,name_zh,group\n01,耕地,construction,oops\n")
    assert (error.details["row"], error.details["problem"]) == (2, "too_many_cells")


def test_undecodable_file(tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(b"code,name_zh,group\n\xff\xfe\x80\n")
    with pytest.raises(CodeTableError) as info:
        load_code_table("construction_grouping", override=path)
    assert info.value.details["problem"] == "encoding"


def test_missing_override_file(tmp_path):
    with pytest.raises(CodeTableError) as info:
        load_code_table("construction_grouping", override=tmp_path / "nope.csv")
    assert info.value.details["problem"] == "not_found"


def test_unknown_table_id():
    with pytest.raises(CodeTableError, match="Unknown code table 'ydyh_1999'"):
        load_code_table("ydyh_1999")
