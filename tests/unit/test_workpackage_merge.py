"""Field packages: export a subset, import it back (accepted / duplicate / conflicting / rejected)."""

from __future__ import annotations

import sqlite3

import pytest
from shapely.geometry import box

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage import REPORT_COLUMNS, WorkPackage
from tests.unit.workpackage_support import TASK, jpeg_with_exif, sample_package


@pytest.fixture
def office(tmp_path):
    with sample_package(tmp_path / "审查任务" / "县级审查.gpkg") as package:
        yield package


def field_path(office: WorkPackage):
    return office.path.parent / "外业包" / "试点区-一.gpkg"


def counts(package: WorkPackage) -> dict[str, int]:
    tables = ("verdict_events", "verdict_supersedes", "photos", "sync_outbox", "review_items")
    return {t: package.connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def test_export_by_pilot_area_copies_items_events_photos_and_records_the_base(office):
    reviewed = office.record_verdict("JCTB0000", "legal", "张三")
    office.attach_photo("JCTB0000", jpeg_with_exif(), "近景.jpg", event_uuid=reviewed)
    office.record_verdict("JCTB0001", "legal", "张三")  # P2: not exported
    (field_path(office).parent).mkdir()
    result = office.export_subset(field_path(office), ["P1"])
    assert (result.pilot_areas, result.items, result.events, result.photos) == (1, 3, 1, 1)
    with WorkPackage.open(result.path) as field:
        assert field.info["task_id"] == TASK["task_id"] and field.info["export_id"] == result.export_id
        assert field.info["parent_package_id"] == office.info["package_id"]
        assert field.info["package_id"] != office.info["package_id"]
        assert field.review_items()["item_id"].tolist() == ["JCTB0000", "JCTB0002", "JCTB0004"]
        assert field.pilot_areas()["area_id"].tolist() == ["P1"]
        assert field.current_verdicts()["event_uuid"].tolist() == [reviewed]
        assert field.photo_data(field.photos()["photo_uuid"].iloc[0]) == jpeg_with_exif()
        assert len(field.outbox()) == 0  # the office's events are the office's to send
        assert field.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        field_base = field.connection.execute("SELECT item_id, base_event_uuid FROM export_base").fetchall()
    office_base = office.connection.execute("SELECT item_id, base_event_uuid FROM export_base").fetchall()
    assert office_base == field_base == [("JCTB0000", reviewed), ("JCTB0002", None), ("JCTB0004", None)]
    assert office.connection.execute("SELECT target_file_name, item_count FROM exports").fetchall() == [
        ("试点区-一.gpkg", 3)]


def test_export_by_polygon_and_by_both(office):
    polygon = box(117.0, 30.0, 117.0019, 30.1).union(box(117.1, 30.0, 117.1019, 30.1))
    result = office.export_subset(office.path.parent / "画的范围.gpkg", polygon=polygon)
    with WorkPackage.open(result.path) as field:
        assert field.review_items()["item_id"].tolist() == ["JCTB0000", "JCTB0001", "JCTB0002", "JCTB0003"]
        assert field.pilot_areas()["area_id"].tolist() == ["P1", "P2"]
    result = office.export_subset(office.path.parent / "两者.gpkg", ["P2"], polygon)
    with WorkPackage.open(result.path) as field:
        assert field.review_items()["item_id"].tolist() == ["JCTB0001", "JCTB0003"]


def test_export_refusals(office):
    with pytest.raises(InputError, match="unknown pilot area"):
        office.export_subset(office.path.parent / "x.gpkg", ["P9"])
    office.export_subset(office.path.parent / "x.gpkg", ["P1"])
    with pytest.raises(InputError, match="file exists"):
        office.export_subset(office.path.parent / "x.gpkg", ["P1"])
    assert [p.name for p in office.path.parent.iterdir() if p.name.startswith(".")] == []


def test_round_trip_accepts_field_verdicts_and_reimport_is_harmless(office):
    base = office.record_verdict("JCTB0000", "illegal", "张三", sub_type="built_without_approval")
    result = office.export_subset(field_path(office), ["P1"])
    with WorkPackage.open(result.path) as field:
        changed = field.record_verdict("JCTB0000", "other", "李四", sub_type="false_change", note="实地为伪变化",
                                       device="外业平板-03")
        fresh = field.record_verdict("JCTB0002", "legal", "李四", sub_type="approved_land")
        photo = field.attach_photo("JCTB0002", jpeg_with_exif(bearing=90.0), "现场照片-全景.jpg", event_uuid=fresh)
        field_id = field.info["package_id"]
    report = office.import_package(result.path)
    assert list(report.columns) == REPORT_COLUMNS
    outcomes = dict(zip(report["event_uuid"].where(report["kind"] == "event", report["photo_uuid"]), report["outcome"]))
    assert outcomes == {base: "duplicate", changed: "accepted", fresh: "accepted", photo: "accepted"}
    current = office.current_verdicts().set_index("item_id")
    assert current.loc["JCTB0000", "event_uuid"] == changed and current.loc["JCTB0002", "event_uuid"] == fresh
    assert current.loc["JCTB0000", "origin"] == f"package:{field_id}"
    assert office.photos("JCTB0002")["file_name"].tolist() == ["现场照片-全景.jpg"]
    assert set(office.outbox()["uuid"]) == {base, changed, fresh, photo}
    before = counts(office)
    again = office.import_package(result.path)
    assert set(again["outcome"]) == {"duplicate"} and len(again) == 4
    assert counts(office) == before and office.conflicts().empty
    log = office.import_log()
    assert len(log) == 8 and log["source_file_name"].unique().tolist() == ["试点区-一.gpkg"]


def test_two_verdicts_on_the_same_base_are_a_conflict_until_resolved(office):
    base = office.record_verdict("JCTB0000", "illegal", "张三", sub_type="built_without_approval")
    result = office.export_subset(field_path(office), ["P1"])
    with WorkPackage.open(result.path) as field:
        field_event = field.record_verdict("JCTB0000", "other", "李四", sub_type="rural_road", note="村道")
    office_event = office.record_verdict("JCTB0000", "legal", "王五", sub_type="approved_land")
    report = office.import_package(result.path).set_index("event_uuid")
    assert report.loc[field_event, "outcome"] == "conflicting"
    assert report.loc[field_event, "conflicts_with"] == office_event
    assert base in report.loc[field_event, "detail"] and office_event in report.loc[field_event, "detail"]
    history = office.history("JCTB0000")
    assert history["event_uuid"].tolist() == [base, field_event, office_event]  # both kept
    assert history["supersedes"].tolist() == [[], [base], [base]]
    conflicts = office.conflicts()
    assert conflicts[["item_id", "event_uuid", "conflicts_with"]].values.tolist() == [
        ["JCTB0000", field_event, office_event]]
    assert office.current_verdicts().set_index("item_id").loc["JCTB0000", "conflict"]
    resolution = office.resolve_conflict("JCTB0000", "other", "赵六", sub_type="rural_road", note="复核为农村道路")
    assert set(office.verdict_events([resolution]).iloc[0]["supersedes_all"]) == {field_event, office_event}
    assert office.conflicts().empty
    current = office.current_verdicts().set_index("item_id").loc["JCTB0000"]
    assert current["event_uuid"] == resolution and not current["conflict"] and current["open_events"] == 1
    with pytest.raises(InputError, match="no open conflict"):
        office.resolve_conflict("JCTB0000", "legal", "赵六")


def test_no_base_on_either_side_is_a_conflict(office):
    result = office.export_subset(field_path(office), ["P1"])
    with WorkPackage.open(result.path) as field:
        field_event = field.record_verdict("JCTB0002", "legal", "李四")
    office_event = office.record_verdict("JCTB0002", "illegal", "王五", sub_type="occupies_farmland")
    report = office.import_package(result.path).set_index("event_uuid")
    assert report.loc[field_event, "outcome"] == "conflicting" and "base at export: none" in report.loc[
        field_event, "detail"]
    assert report.loc[field_event, "conflicts_with"] == office_event


def test_the_same_verdict_on_both_sides_is_not_a_conflict(office):
    result = office.export_subset(field_path(office), ["P1"])
    with WorkPackage.open(result.path) as field:
        field_event = field.record_verdict("JCTB0002", "legal", "李四", sub_type="approved_land")
    office.record_verdict("JCTB0002", "legal", "王五", sub_type="approved_land")
    report = office.import_package(result.path).set_index("event_uuid")
    assert report.loc[field_event, "outcome"] == "accepted" and office.conflicts().empty


def test_a_field_form_row_without_supersedes_follows_its_base(office):
    """A verdict typed into the layer's form (QGIS/QField) has no link: it is newer, not a conflict."""
    base = office.record_verdict("JCTB0000", "illegal", "张三", sub_type="beyond_approval")
    result = office.export_subset(field_path(office), ["P1"])
    connection = sqlite3.connect(result.path)
    with connection:
        connection.execute("INSERT INTO verdict_events (event_uuid, item_id, verdict, reviewer, created_utc, origin) "
                           "VALUES ('form-0001', 'JCTB0000', 'legal', '李四', '2099-01-01T08:00:00+08:00', 'local')")
    connection.close()
    report = office.import_package(result.path).set_index("event_uuid")
    assert report.loc["form-0001", "outcome"] == "accepted" and report.loc[base, "outcome"] == "duplicate"
    row = office.verdict_events(["form-0001"]).iloc[0]
    assert row["created_utc"] == "2099-01-01T00:00:00.000Z"  # normalised to UTC
    assert office.current_verdicts().set_index("item_id").loc["JCTB0000", "event_uuid"] == "form-0001"


def test_events_for_unknown_items_are_rejected_and_reported(office):
    result = office.export_subset(field_path(office), ["P1"])
    connection = sqlite3.connect(result.path)
    with connection:
        connection.execute("INSERT INTO verdict_events (event_uuid, item_id, verdict, reviewer, created_utc) "
                           "VALUES ('orphan-1', '外业新增-1', 'illegal', '李四', '2026-11-24T00:00:00.000Z')")
    connection.close()
    report = office.import_package(result.path)
    assert report[["event_uuid", "outcome", "detail"]].values.tolist() == [["orphan-1", "rejected", "unknown item"]]
    assert counts(office)["verdict_events"] == 0


def test_importing_another_task_or_itself_is_refused(tmp_path, office):
    with WorkPackage.create(tmp_path / "另一个任务.gpkg", {**TASK, "task_id": "T-OTHER"}):
        pass
    with pytest.raises(InputError, match="belongs to task 'T-OTHER'"):
        office.import_package(tmp_path / "另一个任务.gpkg")
    with pytest.raises(InputError, match="this package itself"):
        office.import_package(office.path)
    assert office.import_log().empty


def test_two_field_packages_of_one_export_conflict_with_each_other(office):
    first = office.export_subset(office.path.parent / "组一.gpkg", ["P1"])
    second = office.export_subset(office.path.parent / "组二.gpkg", ["P1"])
    with WorkPackage.open(first.path) as field:
        one = field.record_verdict("JCTB0004", "legal", "甲")
    with WorkPackage.open(second.path) as field:
        two = field.record_verdict("JCTB0004", "illegal", "乙", sub_type="beyond_approval")
    assert office.import_package(first.path)["outcome"].tolist() == ["accepted"]
    report = office.import_package(second.path)
    assert report[["event_uuid", "outcome", "conflicts_with"]].values.tolist() == [[two, "conflicting", one]]
