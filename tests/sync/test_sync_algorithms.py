"""The sync Processing algorithms: pull and push through the real qgis_process, exchange in-process."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProcessingException

from planmonitor_plugin.core.workpackage import WorkPackage
from scripts.qgisprocess import prepare_profile, run_algorithm
from tests.qgis.conftest import register_provider
from tests.sync.support import JPEG, TASK_ID, record_sample_verdicts, seeded_items, stored_ids

pytestmark = [pytest.mark.catalog, pytest.mark.slow]


@pytest.fixture(scope="module")
def qgis_process_env(tmp_path_factory):
    return prepare_profile(tmp_path_factory.mktemp("qgis_process_sync"))


@pytest.fixture
def provider(qgis_app, qgis_processing):
    return QgsApplication.processingRegistry().providerById("planmonitor") or register_provider()


def test_pull_then_push_through_qgis_process(qgis_app, catalog_server, qgis_process_env, tmp_path):
    path = tmp_path / "命令行" / "审查任务.gpkg"
    path.parent.mkdir()
    pulled = run_algorithm("planmonitor:pulltaskpackage", {
        "URL": catalog_server.url, "RECORD_ID": TASK_ID, "WORK_PACKAGE": str(path), "PAGE_SIZE": "30"},
        qgis_process_env)["results"]
    assert pulled["ITEM_COUNT"] == len(seeded_items(catalog_server)) == pulled["INSERTED_COUNT"]
    with WorkPackage.open(path) as package:
        events = record_sample_verdicts(package, ["371525202500040", "371525202500041"])
        photo = package.attach_photo("371525202500040", JPEG, "照片.jpg", event_uuid=events[0])
    pushed = run_algorithm("planmonitor:pushresults", {"URL": catalog_server.url, "WORK_PACKAGE": str(path)},
                           qgis_process_env)["results"]
    assert (pushed["ACCEPTED_COUNT"], pushed["REMAINING_COUNT"], pushed["REJECTED_COUNT"]) == (3, 0, 0)
    stored = stored_ids(catalog_server.url)
    assert [stored[f"evt-{e}"] for e in events] == [1, 1]
    assert stored_ids(catalog_server.url, "photos")[f"photo-{photo}"] == 1
    with WorkPackage.open(path) as package:
        assert set(package.receipts()["uuid"]) == {*events, photo}


def test_exchange_algorithms_round_trip_and_refuse_tampering(provider, catalog_server, tmp_path):
    import processing

    from planmonitor_plugin.qgis_adapter.sync_client import SyncClient

    county, office = tmp_path / "县" / "任务.gpkg", tmp_path / "局" / "任务.gpkg"
    for path in (county, office):
        path.parent.mkdir()
        SyncClient(catalog_server.url).pull(path, TASK_ID)
    with WorkPackage.open(county) as package:
        events = record_sample_verdicts(package, ["371525202500050", "371525202500051"])
    folder = tmp_path / "U盘" / "交换包"
    exported = processing.run("planmonitor:exportexchange", {"WORK_PACKAGE": str(county),
                                                            "OUTPUT_FOLDER": str(folder)})
    assert exported["EVENT_COUNT"] == 2 and (folder / "manifest.json").is_file()
    imported = processing.run("planmonitor:importexchange", {"INPUT_FOLDER": str(folder),
                                                            "WORK_PACKAGE": str(office)})
    assert (imported["ACCEPTED_COUNT"], imported["REFUSED_COUNT"]) == (2, 0)
    with WorkPackage.open(office) as package:
        assert set(package.outbox()["uuid"]) == set(events)
    (folder / "events" / f"{events[0]}.json").write_bytes(b"{}")
    with pytest.raises(QgsProcessingException, match="incomplete|altered"):
        processing.run("planmonitor:importexchange", {"INPUT_FOLDER": str(folder), "WORK_PACKAGE": str(office)})


def test_push_algorithm_reports_a_missing_connection(provider, tmp_path):
    import processing

    path = tmp_path / "任务.gpkg"
    WorkPackage.create(path, {"task_id": TASK_ID, "task_name": "测试"}).close()
    with pytest.raises(QgsProcessingException, match="no saved catalog connection"):
        processing.run("planmonitor:pushresults", {"CONNECTION": "不存在", "WORK_PACKAGE": str(path)})
