"""The sync workflow (core, no QGIS) with an in-memory Part 4 server: features, push receipts, incoming checks."""

from __future__ import annotations

import json
from typing import Dict

import pytest

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.sync.errors import MalformedResponse, Unauthorized, UnsafeValue
from planmonitor_plugin.core.sync.messages import Limits, Request, Response
from planmonitor_plugin.core.sync.protocol import CatalogEndpoint
from planmonitor_plugin.core.sync.retry import RetryPolicy
from planmonitor_plugin.core.sync.workflow import (
    event_feature,
    event_from_feature,
    export_outbox,
    item_points,
    items_frame,
    merge_incoming,
    push_outbox,
)
from tests.unit.workpackage_support import jpeg_with_exif, sample_package

FAST = RetryPolicy(max_attempts=3, base_delay=0.0, max_delay=0.0)
ENDPOINT = CatalogEndpoint("http://127.0.0.1:9")


class MemoryServer:
    """POST stores by the client's id (a duplicate answers 500, like pygeoapi), GET …/items/{id} reads back."""

    def __init__(self, post_status: int = 0) -> None:
        self.items: Dict[str, dict] = {}
        self.post_status = post_status
        self.requests = []

    def __call__(self, request: Request) -> Response:
        self.requests.append(request)
        if request.method == "POST":
            if self.post_status:
                return Response(self.post_status, b'{"description": "refused"}', url=request.url)
            feature = json.loads(request.body)
            if feature["id"] in self.items:
                return Response(500, b'{"description": "generic error"}', url=request.url)
            self.items[feature["id"]] = feature
            return Response(201, b"", {"Location": f"{request.url}/{feature['id']}"}, request.url)
        identifier = request.url.split("?")[0].rsplit("/", 1)[1]
        if identifier in self.items:
            return Response(200, json.dumps(self.items[identifier]).encode(), url=request.url)
        return Response(404, b"{}", url=request.url)


@pytest.fixture
def package(tmp_path):
    with sample_package(tmp_path / "任务.gpkg") as opened:
        yield opened


def test_event_features_are_deterministic_and_complete(package):
    first = package.record_verdict("JCTB0000", "legal", "张工", note="已批")
    second = package.record_verdict("JCTB0000", "other", "张工", sub_type="rural_road", note="道路")
    rows = package.verdict_events().set_index("event_uuid")
    points = item_points(package)
    one = event_feature({**rows.loc[second].to_dict(), "event_uuid": second}, points["JCTB0000"], "T-2026-01")
    again = event_feature({**rows.loc[second].to_dict(), "event_uuid": second}, points["JCTB0000"], "T-2026-01")
    assert one == again and one["id"] == f"evt-{second}"
    assert one["properties"]["supersedes"] == [first] and one["properties"]["task_id"] == "T-2026-01"
    assert one["geometry"]["type"] == "Point"
    with pytest.raises(InputError, match="no geometry"):
        event_feature({**rows.loc[first].to_dict(), "event_uuid": first}, None)


def test_push_accepts_then_recognises_a_resent_item(package):
    events = [package.record_verdict(f"JCTB000{i}", "legal", "张工") for i in range(3)]
    server = MemoryServer()
    result = push_outbox(server, ENDPOINT, package, policy=FAST)
    assert [r["status"] for r in result.receipts] == ["accepted"] * 3 and len(package.outbox()) == 0
    # the same events queued again (e.g. a receipt lost in a crash) are recognised, never duplicated
    package.connection.executemany("INSERT INTO sync_outbox (uuid, kind, queued_utc) VALUES (?, 'event', 'x')",
                                   [(e,) for e in events])
    again = push_outbox(server, ENDPOINT, package, policy=FAST)
    assert [r["status"] for r in again.receipts] == ["duplicate"] * 3 and len(server.items) == 3


def test_401_stops_without_flagging_and_400_rejects_the_item(package):
    package.record_verdict("JCTB0001", "legal", "张工")
    with pytest.raises(Unauthorized):
        push_outbox(MemoryServer(post_status=401), ENDPOINT, package, policy=FAST)
    assert not package.outbox()["rejected"].any() and len(package.receipts()) == 0
    result = push_outbox(MemoryServer(post_status=400), ENDPOINT, package, policy=FAST)
    assert result.receipts[0]["status"] == "rejected" and "refused" in result.receipts[0]["reason"]
    assert package.outbox()["rejected"].all() and list(package.receipts()["status"]) == ["rejected"]
    assert push_outbox(MemoryServer(), ENDPOINT, package, policy=FAST).receipts == []  # rejected: not resent
    assert [r["status"] for r in push_outbox(MemoryServer(), ENDPOINT, package, policy=FAST,
                                             include_rejected=True).receipts] == ["accepted"]


def test_photo_above_the_inline_limit_is_not_sent(package):
    event = package.record_verdict("JCTB0002", "legal", "张工")
    package.attach_photo("JCTB0002", jpeg_with_exif(), "大照片.jpg", event_uuid=event)
    endpoint = CatalogEndpoint("http://127.0.0.1:9", limits=Limits(max_inline_photo_bytes=10))
    result = push_outbox(MemoryServer(), endpoint, package, policy=FAST)
    assert [r["status"] for r in result.receipts] == ["accepted", "skipped"]
    assert "inline limit" in result.receipts[1]["reason"] and len(package.outbox()) == 1


def _event(**properties) -> dict:
    base = {"event_uuid": "e-1", "item_id": "JCTB0000", "verdict": "legal", "reviewer": "李工",
            "recorded_at": "2025-07-01T08:00:00Z"}
    return {"type": "Feature", "id": "evt-e-1", "geometry": None, "properties": {**base, **properties}}


@pytest.mark.parametrize("properties, words", [
    ({"verdict": "confirmed"}, "unknown verdict"), ({"verdict": 3}, "must be text"),
    ({"reviewer": ["a"]}, "must be text"), ({"recorded_at": "yesterday"}, "ISO 8601"),
    ({"supersedes": "e-0"}, "list of event ids"), ({"item_id": None}, "'item_id'"),
])
def test_incoming_events_with_wrong_types_are_refused(properties, words):
    with pytest.raises(MalformedResponse, match=words):
        event_from_feature(_event(**properties), "server")
    with pytest.raises(UnsafeValue):
        event_from_feature(_event(event_uuid="../../x"), "server")


def test_items_need_polygons_and_plain_attributes():
    square = {"type": "Polygon", "coordinates": [[[117, 36], [117.1, 36], [117.1, 36.1], [117, 36]]]}
    frame, shapes = items_frame([{"id": "A", "geometry": square, "properties": {"XZQMC": "东河镇", "ND": 2025}}], "c")
    assert frame.loc[0, "township_name"] == "东河镇" and shapes[0].geom_type == "Polygon"
    with pytest.raises(MalformedResponse, match="XZQDM"):
        items_frame([{"id": "A", "geometry": square, "properties": {"XZQDM": [1]}}], "c")
    with pytest.raises(MalformedResponse, match="polygon"):
        items_frame([{"id": "A", "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {}}], "c")


def test_merge_leaves_nothing_beside_the_package(package, tmp_path):
    before = sorted(p.name for p in tmp_path.iterdir())
    report = merge_incoming(package, [event_from_feature(_event(event_uuid="e-9"), "server")])
    assert list(report["outcome"]) == ["accepted"] and sorted(p.name for p in tmp_path.iterdir()) == before
    assert package.verdict_events().set_index("event_uuid").at["e-9", "origin"] == "server"


def test_export_refuses_a_non_empty_folder(package, tmp_path):
    package.record_verdict("JCTB0003", "legal", "张工")
    (tmp_path / "满" / "x").mkdir(parents=True)
    with pytest.raises(Exception, match="not empty"):
        export_outbox(package, tmp_path / "满")
    manifest = export_outbox(package, tmp_path / "空")
    assert [e.path.split("/")[0] for e in manifest.files] == ["events"]


def test_exchange_of_another_task_is_refused_before_copying(package, tmp_path):
    from planmonitor_plugin.core.sync.workflow import import_exchange
    from planmonitor_plugin.core.workpackage import WorkPackage

    package.record_verdict("JCTB0004", "legal", "张工")
    export_outbox(package, tmp_path / "交换")
    with WorkPackage.create(tmp_path / "其他" / "任务.gpkg", {"task_id": "T-other", "task_name": "其他任务"}) as other:
        with pytest.raises(InputError, match="belongs to task"):
            import_exchange(tmp_path / "交换", other)
    assert sorted(p.name for p in (tmp_path / "其他").iterdir()) == ["任务.gpkg"]
