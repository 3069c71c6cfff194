"""The sync core against the REAL pygeoapi 0.21.0 server, directly and through the fault-injecting proxy."""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest

from planmonitor_plugin.core.sync.errors import (
    IdConflict,
    NotFound,
    RequestTimeout,
    ResponseTooLarge,
    RetriesExhausted,
    ServerError,
    TransportError,
    TruncatedResponse,
)
from planmonitor_plugin.core.sync.messages import Limits, Response
from planmonitor_plugin.core.sync.protocol import (
    CatalogEndpoint,
    FeaturePager,
    check_status,
    new_item_id,
    parse_feature_collection,
    parse_photo,
    parse_records,
    photo_item,
    verdict_event,
)
from planmonitor_plugin.core.sync.retry import IdempotentPush, RetryPolicy, fetch, push_item, same_item
from tests.support.urllib_client import UrllibSender

pytestmark = pytest.mark.catalog

FAST = RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05)
CENTRE = (117.23, 36.12)


def seeded(server, name: str) -> list[dict]:
    data = json.loads((server.directory / f"{name}.json").read_text(encoding="ascii"))
    return list(data["_default"].values())


def search(url: str, **criteria) -> list[str]:
    endpoint = CatalogEndpoint(url)
    records, _ = fetch(UrllibSender(), endpoint.search_records(**criteria), FAST,
                       parse=lambda r: parse_records(r, endpoint.limits))
    return [record.id for record in records]


def download(url: str, collection: str, **options) -> FeaturePager:
    sender, pager = UrllibSender(), FeaturePager(CatalogEndpoint(url), collection, **options)
    request = pager.first()
    while request is not None:
        request = pager.accept(sender(request))
    return pager


def stored_ids(url: str, collection: str = "verdict_events") -> Counter:
    return Counter(str(f["id"]) for f in download(url, collection, limit=100).features)


def event(item_id: str = "371525202500001", verdict: str = "confirmed") -> dict:
    return verdict_event(new_item_id(), item_id, verdict, CENTRE, "张工", comment="现场核查：已建厂房")


# ----------------------------------------------------------------------------------------------------------------
# Plain server
# ----------------------------------------------------------------------------------------------------------------

def test_server_runs_from_its_own_venv_on_loopback(catalog_server):
    assert catalog_server.url.startswith("http://127.0.0.1:")
    command = open(f"/proc/{catalog_server.pid}/cmdline", "rb").read().split(b"\0")
    assert b"--threads" in command and command[command.index(b"--threads") + 1] == b"1"
    assert b"build/catalog-venv" in command[0] or b"catalog" in command[0]
    conformance = UrllibSender()(CatalogEndpoint(catalog_server.url).follow(catalog_server.url + "/conformance"))
    assert any(c.endswith("create-replace-delete") for c in json.loads(conformance.body)["conformsTo"])


def test_records_search_by_text_type_bbox_and_date(catalog_server):
    url, bbox = catalog_server.url, json.loads((catalog_server.directory / "server.json").read_text())["bbox"]
    assert search(url, q="任务包") == ["task-371525-2025-jctb", "task-130123-2024-jctb"]
    assert search(url, q="townships") == ["dataset-371525-xzq"]
    assert sorted(search(url, record_type="dataset")) == ["dataset-371525-jctb-2025", "dataset-371525-xzq"]
    assert "task-130123-2024-jctb" not in search(url, bbox=bbox)
    assert len(search(url, bbox=bbox)) == 3
    assert search(url, record_type="task-package", datetime=("2025-01-01T00:00:00Z", None)) == [
        "task-371525-2025-jctb"]
    assert search(url, sortby="-created") == ["task-371525-2025-jctb", "dataset-371525-jctb-2025",
                                              "dataset-371525-xzq", "task-130123-2024-jctb"]


def test_task_package_record_links_to_its_collections(catalog_server):
    endpoint = CatalogEndpoint(catalog_server.url)
    records, _ = parse_records(UrllibSender()(endpoint.search_records(record_type="task-package", q="review")),
                               endpoint.limits)
    (task,) = records
    assert task.bbox is not None and task.keywords[0] == "任务包"
    (items,) = task.links_to("item")
    assert endpoint.check_link(items.href).endswith("/collections/review_items/items")


def test_paging_counts_features_itself_and_stops_without_next(catalog_server):
    expected = seeded(catalog_server, "review_items")
    pager = download(catalog_server.url, "review_items", limit=25)
    assert len(pager.features) == len(expected) == 80
    assert pager.pages == 4  # 25 + 25 + 25 + 5, the last page without a next link
    assert {f["id"] for f in pager.features} == {f["id"] for f in expected}
    assert pager.features[0]["properties"]["XZQMC"]  # Chinese text survives


def test_paging_with_bbox_returns_exactly_the_intersecting_items(catalog_server):
    x0, y0 = 117.2, 36.0
    box = (x0, y0, x0 + 0.15, y0 + 0.15)

    def inside(feature):
        ring = feature["geometry"]["coordinates"][0]
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return min(xs) <= box[2] and max(xs) >= box[0] and min(ys) <= box[3] and max(ys) >= box[1]

    expected = {f["id"] for f in seeded(catalog_server, "review_items") if inside(f)}
    pager = download(catalog_server.url, "review_items", limit=7, bbox=box)
    assert 0 < len(expected) < 80
    assert {f["id"] for f in pager.features} == expected


def test_create_with_client_id_then_duplicate_is_recognised(catalog_server):
    endpoint, sender, feature = CatalogEndpoint(catalog_server.url), UrllibSender(), event()
    first = sender(endpoint.create_item("verdict_events", feature))
    assert first.status == 201
    assert first.header("location").endswith(f"/collections/verdict_events/items/{feature['id']}")
    duplicate = sender(endpoint.create_item("verdict_events", feature))
    assert duplicate.status == 500  # pygeoapi defect 4: should be 409
    push = IdempotentPush(endpoint, "verdict_events", feature, FAST)
    push.feed(duplicate)
    assert push.next_request().method == "GET"  # read back by id instead of failing
    push.feed(sender(push.next_request()))
    assert push.receipt.accepted and push.receipt.already_stored
    assert stored_ids(catalog_server.url)[feature["id"]] == 1


def test_same_id_with_different_content_is_an_id_conflict(catalog_server):
    endpoint, feature = CatalogEndpoint(catalog_server.url), event()
    assert push_item(UrllibSender(), endpoint, "verdict_events", feature, FAST).accepted
    other = dict(feature, properties=dict(feature["properties"], verdict="cleared"))
    receipt = push_item(UrllibSender(), endpoint, "verdict_events", other, FAST)
    assert receipt.status == "rejected" and receipt.code == IdConflict.code
    stored = json.loads(UrllibSender()(endpoint.get_item("verdict_events", feature["id"])).body)
    assert same_item(feature, stored)  # never overwritten


def test_photo_round_trip_with_sha256(catalog_server):
    endpoint, data = CatalogEndpoint(catalog_server.url), bytes(range(256)) * 40
    owner = event()
    photo = photo_item(new_item_id("photo"), owner["id"], "../../现场照片 1.jpg", data, CENTRE)
    assert photo["properties"]["name"] == "现场照片 1.jpg"
    receipt = push_item(UrllibSender(), endpoint, "photos", photo, FAST)
    assert receipt.accepted and not receipt.already_stored
    answer = UrllibSender()(endpoint.get_item("photos", photo["id"]))
    received = parse_photo(json.loads(answer.body))
    assert received.data == data and received.name == "现场照片 1.jpg"


def test_unknown_collection_is_a_clear_404(catalog_server):
    endpoint = CatalogEndpoint(catalog_server.url)
    with pytest.raises(NotFound, match="404"):
        fetch(UrllibSender(), endpoint.features_page("no_such_collection"), FAST)


def test_headers_are_read_case_insensitively(catalog_server):
    answer = UrllibSender()(CatalogEndpoint(catalog_server.url).features_page("review_items", limit=1))
    assert answer.header("CONTENT-TYPE") == answer.header("content-type") == "application/json"
    assert answer.header("ETag") is None  # defect 1: none offered, none needed


# ----------------------------------------------------------------------------------------------------------------
# Through the fault-injecting proxy
# ----------------------------------------------------------------------------------------------------------------

def test_proxy_passes_through_and_rewrites_links(fault_proxy):
    pager = download(fault_proxy.url, "review_items", limit=30)
    assert len(pager.features) == 80
    assert [s.mode for s in fault_proxy.seen] == ["pass"] * 3


def test_lost_response_after_the_server_stored_the_event(fault_proxy, catalog_server):
    feature = event()
    fault_proxy.plan("lose_response")
    receipt = push_item(UrllibSender(), CatalogEndpoint(fault_proxy.url), "verdict_events", feature, FAST)
    assert receipt.accepted and receipt.already_stored
    assert [(s.method, s.mode, s.forwarded) for s in fault_proxy.seen] == [("POST", "lose_response", True),
                                                                          ("GET", "pass", True)]
    assert stored_ids(catalog_server.url)[feature["id"]] == 1


def test_500_before_the_server_saw_it_is_resent_once(fault_proxy, catalog_server):
    feature = event()
    fault_proxy.plan("error_500")
    receipt = push_item(UrllibSender(), CatalogEndpoint(fault_proxy.url), "verdict_events", feature, FAST)
    assert receipt.accepted and not receipt.already_stored
    assert [(s.method, s.mode) for s in fault_proxy.seen] == [("POST", "error_500"), ("GET", "pass"),
                                                               ("POST", "pass")]
    assert stored_ids(catalog_server.url)[feature["id"]] == 1


def test_push_timing_out_while_the_server_stores_it_later_is_stored_once(fault_proxy, catalog_server):
    feature = event()
    fault_proxy.plan("delay", delay=1.2)
    receipt = push_item(UrllibSender(timeout=0.5), CatalogEndpoint(fault_proxy.url), "verdict_events", feature,
                        RetryPolicy(max_attempts=6, base_delay=0.3, max_delay=1.0))
    assert receipt.accepted
    time.sleep(1.0)  # let the delayed POST reach the server if it has not yet
    assert stored_ids(catalog_server.url)[feature["id"]] == 1


@pytest.mark.parametrize("status, code", [(401, "sync.unauthorized"), (403, "sync.forbidden"),
                                          (413, "sync.payload_too_large")])
def test_final_statuses_are_not_retried(fault_proxy, catalog_server, status, code):
    feature = event()
    fault_proxy.plan(f"status_{status}")
    receipt = push_item(UrllibSender(), CatalogEndpoint(fault_proxy.url), "verdict_events", feature, FAST)
    assert receipt.status == "rejected" and receipt.code == code and receipt.http_status == status
    assert str(status) in receipt.message
    assert len(fault_proxy.seen) == 1
    assert stored_ids(catalog_server.url)[feature["id"]] == 0


def test_server_down_leaves_the_item_failed_not_accepted(fault_proxy, catalog_server):
    feature = event()
    fault_proxy.plan(*["error_500"] * 20)
    receipt = push_item(UrllibSender(), CatalogEndpoint(fault_proxy.url), "verdict_events", feature, FAST)
    assert receipt.status == "failed" and receipt.code == RetriesExhausted.code
    assert stored_ids(catalog_server.url)[feature["id"]] == 0


def test_dropped_connection_mid_body_is_truncation_and_retried(fault_proxy):
    endpoint, sender = CatalogEndpoint(fault_proxy.url), UrllibSender()
    fault_proxy.plan("drop_mid_body")
    with pytest.raises((TruncatedResponse, TransportError)):
        parse_feature_collection(sender(endpoint.features_page("review_items", limit=50)), endpoint.limits)
    fault_proxy.plan("drop_mid_body")
    page = fetch(sender, endpoint.features_page("review_items", limit=50), FAST,
                 parse=lambda r: parse_feature_collection(r, endpoint.limits))
    assert len(page.features) == 50


def test_truncated_json_is_reported_as_truncated(fault_proxy):
    endpoint = CatalogEndpoint(fault_proxy.url)
    fault_proxy.plan("truncate_json")
    answer = UrllibSender()(endpoint.search_records(q="任务包"))
    with pytest.raises(TruncatedResponse, match="ends early"):
        parse_records(answer, endpoint.limits)


def test_delay_past_the_time_out_raises_request_timeout_then_retry_succeeds(fault_proxy):
    endpoint = CatalogEndpoint(fault_proxy.url)
    fault_proxy.plan("delay", delay=1.0)
    with pytest.raises(RequestTimeout):
        UrllibSender(timeout=0.3)(endpoint.features_page("review_items", limit=5))
    fault_proxy.plan("delay", delay=1.0)
    answer = fetch(UrllibSender(timeout=0.3), endpoint.features_page("review_items", limit=5), FAST)
    assert answer.status == 200


def test_server_error_on_read_is_retried_then_reported(fault_proxy):
    endpoint = CatalogEndpoint(fault_proxy.url)
    fault_proxy.plan("error_500")
    assert fetch(UrllibSender(), endpoint.features_page("review_items", limit=5), FAST).status == 200
    fault_proxy.plan(*["error_500"] * 4)
    with pytest.raises(RetriesExhausted) as caught:
        fetch(UrllibSender(), endpoint.features_page("review_items", limit=5), FAST)
    assert isinstance(caught.value.__cause__, ServerError)


def test_huge_answer_is_refused_without_reading_it_all(fault_proxy):
    limits = Limits(max_body_bytes=1024 * 1024)
    endpoint = CatalogEndpoint(fault_proxy.url, limits=limits)
    fault_proxy.plan("huge")
    started = time.monotonic()
    answer = UrllibSender(limits=limits)(endpoint.features_page("review_items"))
    with pytest.raises(ResponseTooLarge):
        parse_feature_collection(answer, limits)
    assert len(answer.body) <= limits.max_body_bytes + 1 and time.monotonic() - started < 10


def test_interrupted_outbox_push_resumes_and_stores_every_event_once(fault_proxy, catalog_server):
    """A client killed mid-push (answers lost, pushes abandoned) resumes from its outbox: each event once."""
    outbox = {f["id"]: f for f in (event(f"3715252025{i:05d}") for i in range(1, 7))}
    endpoint = CatalogEndpoint(fault_proxy.url)
    fault_proxy.plan("pass", "lose_response", "error_500")
    sender = UrllibSender()
    for feature in list(outbox.values())[:3]:  # first session: one POST each, then the client "dies"
        push = IdempotentPush(endpoint, "verdict_events", feature, FAST)
        try:
            push.feed(sender(push.next_request()))
        except TransportError as error:
            push.feed(error)
        if push.receipt and push.receipt.accepted:
            del outbox[feature["id"]]
    assert len(outbox) == 5  # only the acknowledged one left the outbox
    fault_proxy.plan("lose_response", "drop_mid_body", "error_500")
    receipts = [push_item(sender, endpoint, "verdict_events", f, FAST) for f in list(outbox.values())]
    assert all(r.accepted for r in receipts)
    counts = stored_ids(catalog_server.url)
    assert [counts[i] for i in outbox] == [1] * 5


def test_response_object_from_sender_is_core_response(catalog_server):
    answer = UrllibSender()(CatalogEndpoint(catalog_server.url).search_records(limit=1))
    assert isinstance(answer, Response)
    check_status(answer, "search")


# ----------------------------------------------------------------------------------------------------------------
# Server tooling (scripts/catalog_server.py)
# ----------------------------------------------------------------------------------------------------------------

def test_command_line_seed_serve_stop(tmp_path):
    import os
    import subprocess
    import sys
    import urllib.request

    script, directory = ["scripts/catalog_server.py"], tmp_path / "命令行"
    run = [sys.executable, *script]
    subprocess.run([*run, "seed", "--dir", str(directory)], check=True, capture_output=True, text=True)
    served = subprocess.run([*run, "serve", "--dir", str(directory)], check=True, capture_output=True, text=True)
    lines = dict(line.split(" ", 1) for line in served.stdout.splitlines() if line.startswith(("URL", "PID")))
    url, pid = lines["URL"], int(lines["PID"])
    try:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        assert opener.open(url + "/collections/review_items/items?f=json&limit=1", timeout=5).status == 200
        refused = subprocess.run([*run, "stop", "--pid", str(os.getpid())], capture_output=True, text=True)
        assert refused.returncode != 0 and "not a pygeoapi" in refused.stderr
    finally:
        stopped = subprocess.run([*run, "stop", "--pid", str(pid)], check=True, capture_output=True, text=True)
    assert stopped.stdout.strip() == "stopped"
    assert not os.path.exists(f"/proc/{pid}/cmdline") or b"waitress" not in open(f"/proc/{pid}/cmdline", "rb").read()
