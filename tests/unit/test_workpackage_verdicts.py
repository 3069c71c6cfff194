"""Work package: append-only verdict events, validation, current verdict, history, progress, sync state."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage import VerdictError, WorkPackage, load_verdict_types, parse_verdict_types
from planmonitor_plugin.core.workpackage.verdicts import BUNDLED_VERDICT_TYPES
from tests.unit.workpackage_support import TASK, jpeg_with_exif, sample_package

BEIJING = timezone(timedelta(hours=8))


@pytest.fixture
def package(tmp_path):
    with sample_package(tmp_path / "审查任务" / "试点区-一.gpkg") as package:
        yield package


def count(package: WorkPackage, table: str) -> int:
    return package.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize("statement", [
    "UPDATE verdict_events SET verdict = 'legal'", "DELETE FROM verdict_events",
    "UPDATE verdict_supersedes SET superseded_uuid = 'x'", "DELETE FROM verdict_supersedes",
    "UPDATE photos SET file_name = 'x'", "DELETE FROM photos",
    "UPDATE sync_receipts SET status = 'accepted'", "DELETE FROM sync_receipts",
])
def test_append_only_tables_refuse_update_and_delete(package, statement):
    event = package.record_verdict("JCTB0000", "illegal", "张三", sub_type="beyond_approval")
    package.record_verdict("JCTB0000", "legal", "李四")
    package.attach_photo("JCTB0000", jpeg_with_exif(), "现场.jpg", event_uuid=event)
    package.record_receipt(event, "rejected", "schema mismatch")
    before = {table: count(package, table) for table in ("verdict_events", "verdict_supersedes", "photos",
                                                          "sync_receipts")}
    connection = sqlite3.connect(package.path)  # any client, not only this API
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        with connection:
            connection.execute(statement)
    connection.close()
    assert {table: count(package, table) for table in before} == before
    assert package.history("JCTB0000")["verdict"].tolist() == ["illegal", "legal"]


def test_import_log_is_append_only(package):
    package.connection.execute("INSERT INTO import_log (import_id, imported_utc, kind, outcome) "
                               "VALUES ('i', '2026-01-01T00:00:00.000Z', 'event', 'accepted')")
    for statement in ("UPDATE import_log SET outcome = 'duplicate'", "DELETE FROM import_log"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            package.connection.execute(statement)


@pytest.mark.parametrize(("fields", "message"), [
    ({"verdict": "合法"}, "unknown verdict code"),
    ({"verdict": "violation"}, "unknown verdict code"),
    ({"verdict": "other", "sub_type": "rural_road"}, "missing: note"),
    ({"verdict": "other", "note": "农村道路"}, "missing: sub_type"),
    ({"verdict": "illegal"}, "missing: sub_type"),
    ({"verdict": "illegal", "sub_type": "rural_road"}, "unknown sub-type"),
    ({"verdict": "illegal", "sub_type": "other_illegal"}, "missing: note"),
    ({"verdict": "legal", "reviewer": "  "}, "missing: reviewer"),
    ({"verdict": "other", "sub_type": "rural_road", "note": "   "}, "missing: note"),
])
def test_invalid_verdicts_are_refused_and_nothing_is_written(package, fields, message):
    entry = {"item_id": "JCTB0000", "reviewer": "张三", **fields}
    with pytest.raises(VerdictError, match=message):
        package.record_verdicts([{"item_id": "JCTB0001", "verdict": "legal", "reviewer": "张三"}, entry])
    assert count(package, "verdict_events") == 0 and count(package, "sync_outbox") == 0


def test_verdict_errors_carry_structured_details(package):
    with pytest.raises(VerdictError) as error:
        package.record_verdict("JCTB0000", "other", "张三")
    assert error.value.details["missing"] == ["note", "sub_type"] and error.value.code == "verdict_invalid"
    with pytest.raises(InputError, match="unknown review item"):
        package.record_verdicts([{"item_id": "JCTB0000", "verdict": "legal", "reviewer": "张三"},
                                 {"item_id": "不存在", "verdict": "legal", "reviewer": "张三"}])
    assert count(package, "verdict_events") == 0  # the valid first one was rolled back too


def test_event_fields_and_timestamps(package):
    moment = datetime(2026, 11, 24, 14, 46, 12, 345000, tzinfo=BEIJING)
    event = package.record_verdict("JCTB0000", "other", "张三", sub_type="rural_road", note="村道硬化",
                                   device="外业平板-01", moment=moment)
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", event)
    row = package.verdict_events([event]).iloc[0]
    assert row["created_utc"] == "2026-11-24T06:46:12.345Z" and row["created_local"] == "2026-11-24T14:46:12.345+08:00"
    assert (row["verdict"], row["sub_type"], row["note"], row["reviewer"], row["device"], row["origin"]) == (
        "other", "rural_road", "村道硬化", "张三", "外业平板-01", "local")
    assert row["supersedes"] is None and row["supersedes_all"] == []


def test_new_verdicts_supersede_the_current_one_and_history_keeps_all(package):
    first = package.record_verdict("JCTB0000", "illegal", "张三", sub_type="built_without_approval")
    second = package.record_verdict("JCTB0000", "legal", "李四", sub_type="approved_land")
    package.record_verdict("JCTB0001", "legal", "李四")
    history = package.history("JCTB0000")
    assert history["event_uuid"].tolist() == [first, second]
    assert history["supersedes"].tolist() == [[], [first]] and history["superseded_by"].tolist() == [[second], []]
    assert history["is_current"].tolist() == [False, True] and history["is_open"].tolist() == [False, True]
    current = package.current_verdicts().set_index("item_id")
    assert current.loc["JCTB0000", "event_uuid"] == second and current.loc["JCTB0000", "verdict"] == "legal"
    assert current.loc["JCTB0000", "open_events"] == 1 and not current["conflict"].any()
    assert package.current_verdicts("P2")["item_id"].tolist() == ["JCTB0001"]
    assert package.progress() == (2, 6) and package.progress("P1") == (1, 3) and package.progress("P2") == (1, 3)


def test_explicit_supersedes_must_be_events_of_the_same_item(package):
    first = package.record_verdict("JCTB0000", "legal", "张三")
    other_item = package.record_verdict("JCTB0001", "legal", "张三")
    with pytest.raises(VerdictError, match="another item"):
        package.record_verdict("JCTB0000", "legal", "李四", supersedes=[other_item])
    with pytest.raises(VerdictError, match="unknown event"):
        package.record_verdict("JCTB0000", "legal", "李四", supersedes=["not-a-uuid"])
    parallel = package.record_verdict("JCTB0000", "illegal", "李四", sub_type="beyond_approval", supersedes=[])
    assert package.history("JCTB0000")["is_open"].tolist() == [True, True]
    current = package.current_verdicts().set_index("item_id").loc["JCTB0000"]
    assert current["event_uuid"] == parallel and current["open_events"] == 2  # the newest open event
    both = package.record_verdict("JCTB0000", "legal", "王五", supersedes=[first, parallel])
    assert package.verdict_events([both]).iloc[0]["supersedes_all"] == [first, parallel]
    assert package.history("JCTB0000")["is_open"].tolist() == [False, False, True]


def test_newest_by_time_not_by_insertion(package):
    late = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
    package.record_verdict("JCTB0000", "legal", "张三", moment=late, supersedes=[])
    early = package.record_verdict("JCTB0000", "illegal", "李四", sub_type="beyond_approval",
                                   moment=late - timedelta(hours=1), supersedes=[])
    history = package.history("JCTB0000")
    assert history["event_uuid"].iloc[0] == early and history["verdict"].tolist() == ["illegal", "legal"]
    assert package.current_verdicts().iloc[0]["verdict"] == "legal"


def test_outbox_until_acknowledged(package):
    events = package.record_verdicts([{"item_id": f"JCTB000{i}", "verdict": "legal", "reviewer": "张三"}
                                      for i in range(4)])
    photo = package.attach_photo("JCTB0000", jpeg_with_exif(), "照片.jpg")
    outbox = package.outbox()
    assert outbox["uuid"].tolist() == [*events, photo] and outbox["kind"].tolist() == ["event"] * 4 + ["photo"]
    assert outbox["item_id"].tolist() == ["JCTB0000", "JCTB0001", "JCTB0002", "JCTB0003", "JCTB0000"]
    package.record_receipts([{"uuid": events[0], "status": "accepted", "server_time": "2026-11-24T07:00:00Z"},
                             {"uuid": events[1], "status": "duplicate"},
                             {"uuid": events[2], "status": "rejected", "reason": "审查对象不存在 unknown item"}])
    outbox = package.outbox()
    assert outbox["uuid"].tolist() == [events[2], events[3], photo]
    assert outbox["rejected"].tolist() == [True, False, False]
    assert outbox["last_reason"].iloc[0] == "审查对象不存在 unknown item"
    assert package.outbox(include_rejected=False)["uuid"].tolist() == [events[3], photo]
    receipts = package.receipts()
    assert receipts["status"].tolist() == ["accepted", "duplicate", "rejected"]
    assert receipts["server_time"].iloc[0] == "2026-11-24T07:00:00Z"
    package.record_receipt(events[2], "accepted")  # a retry that went through
    assert package.outbox()["uuid"].tolist() == [events[3], photo] and len(package.receipts()) == 4


def test_rows_added_by_any_client_are_queued_and_linked(package):
    """A verdict typed into the layer's attribute form (plain INSERT, no API) is queued and supersedes."""
    first = package.record_verdict("JCTB0000", "legal", "张三")
    connection = sqlite3.connect(package.path)
    with connection:
        connection.execute("INSERT INTO verdict_events (event_uuid, item_id, verdict, reviewer, created_utc, "
                           "supersedes) VALUES ('form-1', 'JCTB0000', 'illegal', '李四', ?, ?)",
                           ("2099-01-01T00:00:00.000Z", first))
    connection.close()
    assert package.outbox()["uuid"].tolist() == [first, "form-1"]
    assert package.history("JCTB0000")["superseded_by"].tolist() == [["form-1"], []]
    assert package.current_verdicts()["event_uuid"].tolist() == ["form-1"]


def test_bad_receipts_change_nothing(package):
    event = package.record_verdict("JCTB0000", "legal", "张三")
    with pytest.raises(InputError, match="unknown event or photo"):
        package.record_receipts([{"uuid": event, "status": "accepted"}, {"uuid": "nope", "status": "accepted"}])
    with pytest.raises(InputError, match="receipt status"):
        package.record_receipt(event, "ok")
    assert package.outbox()["uuid"].tolist() == [event] and len(package.receipts()) == 0


def test_bundled_verdict_types_have_zh_and_en_names():
    types = load_verdict_types()
    assert [(v.code, v.name_zh) for v in types.verdicts.values()] == [("legal", "合法"), ("illegal", "违法"),
                                                                     ("other", "其他")]
    assert {"false_change", "rural_road", "temporary_land"} <= set(types.verdicts["other"].sub_types)
    for verdict in types.verdicts.values():
        assert all(sub.name_zh and sub.name_en for sub in verdict.sub_types.values())
    assert types.required_fields("other", "rural_road") == ["reviewer", "note", "sub_type"]


def test_custom_verdict_types_are_stored_in_the_package(tmp_path):
    data = json.loads(BUNDLED_VERDICT_TYPES.read_text(encoding="utf-8"))
    data["verdicts"][0]["required"] = ["sub_type", "device"]
    types = parse_verdict_types(json.dumps(data, ensure_ascii=False))
    with WorkPackage.create(tmp_path / "定制.gpkg", TASK, verdict_types=types) as package:
        package.add_review_items(*_one_item())
    with WorkPackage.open(tmp_path / "定制.gpkg") as package:  # the package's own list applies
        with pytest.raises(VerdictError, match="sub_type, device"):
            package.record_verdict("A", "legal", "张三")
        package.record_verdict("A", "legal", "张三", sub_type="approved_land", device="平板")


def _one_item():
    import pandas as pd
    from shapely.geometry import box
    return pd.DataFrame({"item_id": ["A"], "kind": ["site"]}), [box(117, 30, 117.01, 30.01)]


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["verdicts"].pop(), "verdict code\\(s\\) missing: other"),
    (lambda d: d["verdicts"][0].update(code="ok"), r"\$.verdicts\[0\].code"),
    (lambda d: d["verdicts"][1]["sub_types"][0].update(name_en=""), r"\$.verdicts\[1\].sub_types\[0\].name_en"),
    (lambda d: d["verdicts"][2].update(required=["colour"]), r"\$.verdicts\[2\].required"),
])
def test_malformed_verdict_types_name_the_entry(mutate, message):
    data = json.loads(BUNDLED_VERDICT_TYPES.read_text(encoding="utf-8"))
    mutate(data)
    with pytest.raises(InputError, match=message):
        parse_verdict_types(json.dumps(data))
