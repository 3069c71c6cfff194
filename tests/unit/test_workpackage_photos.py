"""Photos inside the work package: bytes, sha256, EXIF, point geometry, no duplicates, Chinese names."""

from __future__ import annotations

import hashlib

import pytest
from shapely.geometry import Point

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage import gpkg
from tests.unit.workpackage_support import jpeg_with_exif, sample_package


@pytest.fixture
def package(tmp_path):
    with sample_package(tmp_path / "审查任务" / "试点区-一.gpkg") as package:
        yield package


def test_photo_from_a_chinese_path_with_its_exif_and_sha256(tmp_path, package):
    data = jpeg_with_exif(lat=30.0102, lon=117.0007, altitude=21.0, bearing=45.0, payload=b"x" * 5000)
    folder = tmp_path / "外业照片" / "城关镇"
    folder.mkdir(parents=True)
    (folder / "JCTB0000_近景_1.jpg").write_bytes(data)
    event = package.record_verdict("JCTB0000", "illegal", "张三", sub_type="built_without_approval")
    photo = package.attach_photo("JCTB0000", folder / "JCTB0000_近景_1.jpg", event_uuid=event)
    row = package.photos("JCTB0000").iloc[0]
    assert row["photo_uuid"] == photo and row["file_name"] == "JCTB0000_近景_1.jpg" and row["event_uuid"] == event
    assert row["sha256"] == hashlib.sha256(data).hexdigest() and row["size_bytes"] == len(data)
    assert row["mime"] == "image/jpeg" and row["exif_bearing"] == pytest.approx(45.0)
    assert (row["exif_lon"], row["exif_lat"]) == pytest.approx((117.0007, 30.0102), abs=1e-6)
    assert row["exif_taken_at"] == "2026-11-24T14:46:12+08:00" and row["added_utc"].endswith("Z")
    assert package.photo_data(photo) == data
    blob = package.connection.execute("SELECT geom FROM photos WHERE photo_uuid = ?", (photo,)).fetchone()[0]
    assert gpkg.decode_geometry(blob).equals_exact(Point(row["exif_lon"], row["exif_lat"]), 1e-12)


def test_the_same_photo_twice_is_stored_once(package):
    data = jpeg_with_exif()
    first = package.attach_photo("JCTB0000", data, "照片.jpg")
    assert package.attach_photo("JCTB0000", data, "照片(1).jpg") == first
    other_item = package.attach_photo("JCTB0001", data, "照片.jpg")
    assert other_item != first and len(package.photos()) == 2 and len(package.outbox()) == 2


def test_photo_without_exif_has_no_position(package):
    photo = package.attach_photo("JCTB0000", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "截图.png")
    row = package.photos().iloc[0]
    assert row["photo_uuid"] == photo and row["mime"] == "image/png" and row["exif_lon"] is None
    assert package.connection.execute("SELECT geom FROM photos").fetchone()[0] is None


def test_bad_photo_requests_write_nothing(tmp_path, package):
    other_event = package.record_verdict("JCTB0001", "legal", "张三")
    with pytest.raises(InputError, match="file name is needed"):
        package.attach_photo("JCTB0000", b"\xff\xd8\xff", None)
    with pytest.raises(InputError, match="unknown review item"):
        package.attach_photo("不存在", b"\xff\xd8\xff", "a.jpg")
    with pytest.raises(InputError, match="another item"):
        package.attach_photo("JCTB0000", b"\xff\xd8\xff", "a.jpg", event_uuid=other_event)
    with pytest.raises(InputError, match="cannot read photo"):
        package.attach_photo("JCTB0000", tmp_path / "没有这张.jpg")
    with pytest.raises(InputError, match="empty photo"):
        package.attach_photo("JCTB0000", b"", "空.jpg")
    assert len(package.photos()) == 0 and package.outbox()["kind"].tolist() == ["event"]


def test_a_photo_with_its_own_uuid_and_origin_is_kept_once(package):
    data = jpeg_with_exif(lat=30.0102, lon=117.0007)
    given = "0b7f5a52-3c9e-4d0c-9d53-6a1f0f6f2b11"
    assert package.attach_photo("JCTB0000", data, "现场.jpg", photo_uuid=given, origin="package:F1") == given
    assert package.attach_photo("JCTB0000", data, "现场.jpg", photo_uuid=given, origin="package:F1") == given
    assert package.attach_photo("JCTB0000", data, "现场(1).jpg") == given  # the same bytes: the same photo
    row = package.photos().iloc[0]
    assert len(package.photos()) == 1 and row["photo_uuid"] == given and row["origin"] == "package:F1"
    assert list(package.outbox()["uuid"]) == [given]


def test_report_rows_made_outside_an_import_go_to_the_import_log(package):
    import pandas as pd

    from planmonitor_plugin.core.workpackage import REPORT_COLUMNS

    report = pd.DataFrame([{"kind": "field_photo", "event_uuid": None, "photo_uuid": "p1", "item_id": "JCTB0000",
                            "outcome": "rejected", "detail": "照片/缺失.jpg: file not found", "conflicts_with": None}],
                          columns=REPORT_COLUMNS, dtype=object)
    package.log_import(report, "F1", "外业包.gpkg")
    log = package.import_log()
    assert list(log["outcome"]) == ["rejected"] and log["detail"].iat[0] == "照片/缺失.jpg: file not found"
    assert log["source_package_id"].iat[0] == "F1" and log["event_uuid"].iat[0] is None
