"""The QGIS sync client (QGIS's network stack) against the REAL pygeoapi 0.21.0 server and the fault proxy."""

from __future__ import annotations

import pytest

from planmonitor_plugin.core.errors import Cancelled
from planmonitor_plugin.core.sync.errors import RequestTimeout, ResponseTooLarge, TransportError, UnsafeValue
from planmonitor_plugin.core.sync.messages import Limits
from planmonitor_plugin.core.sync.retry import RetryPolicy
from planmonitor_plugin.core.workpackage import WorkPackage
from planmonitor_plugin.qgis_adapter.sync_client import (
    CatalogConnection,
    QgisSender,
    SyncClient,
    describe,
    get_connection,
    list_connections,
    remove_connection,
    save_connection,
)
from tests.sync.support import FAST, JPEG, TASK_ID, record_sample_verdicts, seeded_items, server_features, stored_ids

pytestmark = pytest.mark.catalog


def client(url: str, **options) -> SyncClient:
    options.setdefault("policy", FAST)
    options.setdefault("timeout", 5.0)
    return SyncClient(url, **options)


@pytest.fixture
def pulled(qgis_app, catalog_server, tmp_path):
    """A work package freshly pulled from the task package (QGIS network stack, no proxy)."""
    path = tmp_path / "审查任务.gpkg"
    client(catalog_server.url).pull(path, TASK_ID, page_size=25)
    package = WorkPackage.open(path)
    yield package
    package.close()


# ----------------------------------------------------------------------------------------------------------------
# Connections, test, search
# ----------------------------------------------------------------------------------------------------------------

def test_connections_keep_only_name_url_and_authcfg(qgis_app):
    saved = save_connection(CatalogConnection("国家目录 测试", "http://127.0.0.1:9/", "abc1234"))
    try:
        assert saved.url == "http://127.0.0.1:9"
        assert get_connection("国家目录 测试") == saved
        assert saved in list_connections()
        with pytest.raises(UnsafeValue):
            save_connection(CatalogConnection("bad", "http://user:secret@127.0.0.1:9/"))
        assert get_connection("bad") is None
    finally:
        remove_connection("国家目录 测试")
    assert get_connection("国家目录 测试") is None


def test_connection_test_reads_landing_page_and_conformance(qgis_app, catalog_server):
    answer = client(catalog_server.url).test()
    assert answer["create"] and answer["title"]


def test_search_by_text_bbox_and_type(qgis_app, catalog_server):
    found = client(catalog_server.url).search(q="任务包", bbox=(117.0, 35.9, 117.5, 36.3), record_type="task-package")
    assert [record.id for record in found] == [TASK_ID]
    elsewhere = client(catalog_server.url).search(bbox=(100.0, 20.0, 100.1, 20.1), record_type="task-package")
    assert elsewhere == []


def test_refused_connection_is_a_transport_error_with_a_clear_message(qgis_app):
    with pytest.raises(Exception) as caught:
        client("http://127.0.0.1:9", policy=RetryPolicy(max_attempts=1)).test()
    assert isinstance(caught.value.__cause__, TransportError)
    assert "Could not reach the catalog" in describe(caught.value)


# ----------------------------------------------------------------------------------------------------------------
# Pull
# ----------------------------------------------------------------------------------------------------------------

def test_pull_counts_match_the_server_and_a_repull_is_harmless(qgis_app, catalog_server, tmp_path):
    path, expected = tmp_path / "新任务" / "审查任务.gpkg", seeded_items(catalog_server)
    path.parent.mkdir()
    first = client(catalog_server.url).pull(path, TASK_ID, page_size=25)
    assert first.created and first.features == len(expected) and first.pages == 4
    assert first.counts == {"inserted": len(expected), "updated": 0, "unchanged": 0}
    with WorkPackage.open(path) as package:
        items = package.review_items()
        assert sorted(items["item_id"]) == sorted(str(f["id"]) for f in expected)
        assert package.info["task_id"] == TASK_ID and package.info["events_collection"] == "verdict_events"
        one = items.set_index("item_id").loc["371525202500001"]
        assert (one["township_name"], one["class_before"], one["class_after"]) == ("东河镇", "0101", "0201")
    again = client(catalog_server.url).pull(path, TASK_ID, page_size=25)
    assert not again.created and again.counts == {"inserted": 0, "updated": 0, "unchanged": len(expected)}
    with WorkPackage.open(path) as package:
        assert len(package.review_items()) == len(expected) and len(package.outbox()) == 0


def test_pull_with_the_map_extent_as_bbox(qgis_app, catalog_server, tmp_path):
    bbox = (117.0, 36.0, 117.25, 36.3)
    result = client(catalog_server.url).pull(tmp_path / "范围.gpkg", TASK_ID, bbox=bbox)
    on_server = server_features(catalog_server.url, "review_items")
    assert 0 < result.features < len(on_server)


def test_cancelled_pull_keeps_pages_and_resumes(qgis_app, catalog_server, tmp_path):
    path, pages = tmp_path / "中断.gpkg", []
    stop = client(catalog_server.url, progress=lambda f, t: pages.append(t), cancelled=lambda: len(pages) >= 2)
    with pytest.raises(Cancelled):
        stop.pull(path, TASK_ID, page_size=20)
    with WorkPackage.open(path) as package:
        assert len(package.review_items()) == 40
    resumed = client(catalog_server.url).pull(path, TASK_ID, page_size=20)
    assert resumed.counts["inserted"] == resumed.features - 40 and resumed.counts["unchanged"] == 40


# ----------------------------------------------------------------------------------------------------------------
# Push
# ----------------------------------------------------------------------------------------------------------------

def test_push_stores_each_event_and_photo_exactly_once(pulled, catalog_server):
    items = list(pulled.review_items()["item_id"][:4])
    events = record_sample_verdicts(pulled, items)
    photo = pulled.attach_photo(items[0], JPEG, "现场照片 1.jpg", event_uuid=events[0])
    result = client(catalog_server.url).push(pulled)
    assert [(r["uuid"], r["status"]) for r in result.receipts] == [(e, "accepted") for e in events] + [
        (photo, "accepted")]
    stored, photos = stored_ids(catalog_server.url), stored_ids(catalog_server.url, "photos")
    assert all(stored[f"evt-{e}"] == 1 for e in events) and photos[f"photo-{photo}"] == 1
    assert len(pulled.outbox()) == 0
    receipts = pulled.receipts()
    assert set(receipts["uuid"]) == {*events, photo} and set(receipts["status"]) == {"accepted"}
    on_server = {f["id"]: f for f in server_features(catalog_server.url, task_id=TASK_ID)}[f"evt-{events[2]}"]
    assert on_server["properties"]["verdict"] == "other" and on_server["properties"]["sub_type"] == "rural_road"
    assert client(catalog_server.url).push(pulled).receipts == []  # nothing left to push


def test_lost_response_is_recognised_by_reading_back(pulled, catalog_server, fault_proxy):
    event = record_sample_verdicts(pulled, ["371525202500002"])[0]
    fault_proxy.plan("lose_response")
    result = client(fault_proxy.url).push(pulled)
    assert [r["status"] for r in result.receipts] == ["duplicate"]
    seen = [(s.method, s.mode) for s in fault_proxy.seen]
    # Qt itself re-sends a request once when the connection closes before an answer (the server then answers
    # the duplicate id with 500, defect 4); the read-back by id recognises the stored event either way.
    assert seen[0] == ("POST", "lose_response") and seen[-1] == ("GET", "pass"), seen
    assert stored_ids(catalog_server.url)[f"evt-{event}"] == 1
    assert list(pulled.receipts()["status"]) == ["duplicate"] and len(pulled.outbox()) == 0


def test_500s_and_time_outs_are_retried_with_backoff(pulled, catalog_server, fault_proxy):
    events = record_sample_verdicts(pulled, ["371525202500003", "371525202500004"])
    fault_proxy.plan("error_500", "pass", "delay", delay=1.5)  # 2nd item: its answer comes after the time-out
    waits = []
    policy = RetryPolicy(max_attempts=4, base_delay=0.05, max_delay=0.2)
    sync = client(fault_proxy.url, timeout=0.5, policy=policy)
    sync.hooks.sleep = lambda seconds: waits.append(seconds)
    result = sync.push(pulled)
    assert [r["status"] for r in result.receipts] in (["accepted", "duplicate"], ["accepted", "accepted"])
    assert result.receipts[0]["attempts"] >= 2 and waits  # the 500 led to a read-back and a resend
    stored = stored_ids(catalog_server.url)
    assert [stored[f"evt-{e}"] for e in events] == [1, 1]
    assert len(pulled.outbox()) == 0


def test_server_down_keeps_the_outbox_and_stops(pulled, catalog_server, fault_proxy):
    record_sample_verdicts(pulled, ["371525202500005", "371525202500006"])
    fault_proxy.plan(*["error_500"] * 40)
    result = client(fault_proxy.url).push(pulled)
    assert [r["status"] for r in result.receipts] == ["failed"] and result.stopped
    assert len(pulled.outbox()) == 2 and not pulled.outbox()["rejected"].any() and len(pulled.receipts()) == 0


def test_timeout_and_huge_answers_through_qgis(qgis_app, fault_proxy):
    from planmonitor_plugin.core.sync.protocol import CatalogEndpoint

    endpoint = CatalogEndpoint(fault_proxy.url, limits=Limits(max_body_bytes=1024 * 1024))
    fault_proxy.plan("delay", delay=1.0)
    with pytest.raises(RequestTimeout):
        QgisSender(timeout=0.3)(endpoint.search_records())
    fault_proxy.plan("huge")
    with pytest.raises(ResponseTooLarge):
        QgisSender(limits=endpoint.limits)(endpoint.search_records())


# ----------------------------------------------------------------------------------------------------------------
# Incremental pull of other reviewers' events
# ----------------------------------------------------------------------------------------------------------------

def test_other_reviewers_events_are_imported_with_conflicts(qgis_app, catalog_server, tmp_path):
    sync = client(catalog_server.url)
    for name in ("甲.gpkg", "乙.gpkg"):
        sync.pull(tmp_path / name, TASK_ID)
    item = "371525202500080"
    with WorkPackage.open(tmp_path / "甲.gpkg") as first:
        theirs = first.record_verdict(item, "legal", "李工", note="已批准")
        sync.push(first)
    with WorkPackage.open(tmp_path / "乙.gpkg") as second:
        mine = second.record_verdict(item, "illegal", "王工", sub_type="built_without_approval")
        result = sync.pull_events(second)
        row = result.report.set_index("event_uuid").loc[theirs]
        assert row["outcome"] == "conflicting" and row["conflicts_with"] == mine
        assert list(second.conflicts()["item_id"]) == [item]
        assert set(second.outbox()["uuid"]) == {mine}  # theirs is already on the server
        again = sync.pull_events(second)
        assert theirs not in set(again.report.get("event_uuid", []))


def test_map_extent_in_a_projected_crs_becomes_a_lonlat_bbox(qgis_app, catalog_server):
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    from planmonitor_plugin.qgis_adapter.sync_client import extent_bbox

    extent = QgsRectangle(39_480_000, 3_990_000, 39_520_000, 4_030_000)  # CGCS2000 3° zone 39, near 117° E 36° N
    bbox = extent_bbox(extent, QgsCoordinateReferenceSystem("EPSG:4527"))
    assert 116.7 < bbox[0] < bbox[2] < 117.3 and 36.0 < bbox[1] < bbox[3] < 36.5
    assert [r.id for r in client(catalog_server.url).search(bbox=bbox, record_type="task-package")] == [TASK_ID]
    assert extent_bbox(QgsRectangle(), QgsCoordinateReferenceSystem("EPSG:4527")) is None
