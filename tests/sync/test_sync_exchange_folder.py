"""The air-gapped round trip: outbox → exchange folder (Chinese name) → another work package; tampering refused."""

from __future__ import annotations

import json
import shutil

import pytest

from planmonitor_plugin.core.sync import exchange
from planmonitor_plugin.core.sync.errors import ExchangeIncomplete, ExchangeTampered
from planmonitor_plugin.core.sync.workflow import export_outbox, import_exchange
from planmonitor_plugin.core.workpackage import WorkPackage
from planmonitor_plugin.qgis_adapter.sync_client import SyncClient, describe
from tests.sync.support import FAST, JPEG, TASK_ID, record_sample_verdicts

pytestmark = pytest.mark.catalog


@pytest.fixture(scope="module")
def template(qgis_app, catalog_server, tmp_path_factory):
    path = tmp_path_factory.mktemp("exchange") / "任务模板.gpkg"
    SyncClient(catalog_server.url, policy=FAST).pull(path, TASK_ID)
    return path


@pytest.fixture
def two_packages(template, tmp_path):
    """(county side with 3 verdicts and a photo, office side) — two packages of the same task."""
    county, office = tmp_path / "县级" / "审查任务.gpkg", tmp_path / "省级" / "审查任务.gpkg"
    for path in (county, office):
        path.parent.mkdir()
        shutil.copy(template, path)
    with WorkPackage.open(office) as package:  # a copy is the same package: give the office its own identity
        package.connection.execute("UPDATE package_info SET value = 'office-copy' WHERE key = 'package_id'")
    with WorkPackage.open(county) as package:
        events = record_sample_verdicts(package, ["371525202500030", "371525202500031", "371525202500032"])
        photo = package.attach_photo("371525202500030", JPEG, "现场照片 1.jpg", event_uuid=events[0])
    return county, office, events, photo


def test_round_trip_through_a_chinese_folder(two_packages, tmp_path):
    county, office, events, photo = two_packages
    folder = tmp_path / "移动介质" / "交换包 2025"
    with WorkPackage.open(county) as package:
        manifest = export_outbox(package, folder)
        assert len(package.outbox()) == 4  # exporting is not an acknowledgement
    assert (folder / "manifest.json").is_file() and len(manifest.files) == 5  # 3 events, photo json + bytes
    with WorkPackage.open(office) as package:
        result = import_exchange(folder, package)
        assert result.count("accepted") == 4 and result.refused == []
        assert set(package.verdict_events()["event_uuid"]) >= set(events)
        assert package.photo_data(photo) == JPEG and package.photos()["file_name"].tolist() == ["现场照片 1.jpg"]
        assert set(package.outbox()["uuid"]) == {*events, photo}  # the office pushes them on
        again = import_exchange(folder, package)
        assert set(again.report["outcome"]) == {"duplicate"}
    assert (office.parent / "审查任务_exchange" / manifest.package_id / "manifest.json").is_file()


def _exported(two_packages, tmp_path):
    county, office, events, _ = two_packages
    folder = tmp_path / "交换包"
    with WorkPackage.open(county) as package:
        export_outbox(package, folder)
    return folder, office, events


def _unchanged(office) -> None:
    with WorkPackage.open(office) as package:
        assert len(package.verdict_events()) == 0 and len(package.photos()) == 0
    assert not (office.parent / "审查任务_exchange").exists() or not any(
        p for p in (office.parent / "审查任务_exchange").iterdir() if not p.name.startswith("."))


def test_tampered_package_is_refused(two_packages, tmp_path):
    folder, office, events = _exported(two_packages, tmp_path)
    target = folder / "events" / f"{events[1]}.json"
    target.write_bytes(target.read_bytes().replace(b'"illegal"', b'"ILLEGAL"'))  # same size, other verdict
    with WorkPackage.open(office) as package, pytest.raises(ExchangeTampered) as caught:
        import_exchange(folder, package)
    assert events[1] in str(caught.value) and "altered" in describe(caught.value)
    _unchanged(office)


def test_partial_package_is_refused(two_packages, tmp_path):
    folder, office, events = _exported(two_packages, tmp_path)
    (folder / "events" / f"{events[0]}.json").unlink()
    with WorkPackage.open(office) as package, pytest.raises(ExchangeIncomplete) as caught:
        import_exchange(folder, package)
    assert "missing" in str(caught.value) and "incomplete" in describe(caught.value)
    (folder / "manifest.json").unlink()
    with WorkPackage.open(office) as package, pytest.raises(ExchangeIncomplete):
        import_exchange(folder, package)
    _unchanged(office)


def test_attachment_name_with_dotdot_is_refused_and_nothing_escapes(two_packages, tmp_path):
    _, office, _, _ = two_packages
    photo = {"type": "Feature", "id": "photo-x1", "geometry": {"type": "Point", "coordinates": [117.2, 36.1]},
             "properties": {"photo_id": "photo-x1", "photo_uuid": "x1", "event_id": "none", "name": "../../逃逸.jpg",
                            "item_id": "371525202500030", "sha256": exchange.hashlib.sha256(JPEG).hexdigest(),
                            "size": len(JPEG), "href": "photos/x1/a.jpg", "media_type": "image/jpeg"}}
    folder = tmp_path / "恶意交换包"
    exchange.export_package(folder, {"photos/x1.json": json.dumps(photo).encode(), "photos/x1/a.jpg": JPEG},
                            "test", extra={"task_id": TASK_ID})
    with WorkPackage.open(office) as package:
        result = import_exchange(folder, package)
        assert len(result.refused) == 1 and "逃逸" in result.refused[0]["reason"]
        assert len(package.photos()) == 0
    assert not list(tmp_path.rglob("逃逸.jpg"))
