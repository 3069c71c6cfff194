"""Retry policy and idempotent push (pure): a simulated server stands in for the network."""

from __future__ import annotations

import json

import pytest

from planmonitor_plugin.core.sync.errors import (
    NotFound,
    RequestTimeout,
    RetriesExhausted,
    TransportError,
    TruncatedResponse,
)
from planmonitor_plugin.core.sync.messages import Limits, Response, parse_json
from planmonitor_plugin.core.sync.protocol import CatalogEndpoint, verdict_event
from planmonitor_plugin.core.sync.retry import (
    IdempotentPush,
    PushState,
    RetryPolicy,
    fetch,
    push_item,
    same_item,
)

ENDPOINT = CatalogEndpoint("http://127.0.0.1:5000")
POLICY = RetryPolicy(max_attempts=4, base_delay=1.0, factor=2.0, max_delay=5.0)


def event(verdict: str = "confirmed") -> dict:
    return verdict_event("evt-1", "371525202500001", verdict, (117.2, 36.1), "张工", "2025-07-01T00:00:00Z")


class FakeServer:
    """A pygeoapi-like store with scripted faults: ``faults`` is a list of 'lose', '500', 'timeout', None."""

    def __init__(self, *faults):
        self.items, self.faults, self.log = {}, list(faults), []

    def __call__(self, request):
        fault = self.faults.pop(0) if self.faults else None
        self.log.append((request.method, fault))
        if fault == "timeout":
            raise RequestTimeout("no answer")
        if fault == "500":
            return Response(500, b'{"description": "boom"}')
        answer = self._handle(request)
        if fault == "lose":
            raise TransportError("connection lost")
        return answer

    def _handle(self, request):
        if request.method == "POST":
            item = json.loads(request.body)
            if item["id"] in self.items:
                return Response(500, b'{"description": "generic error (check logs)"}')  # defect 4
            self.items[item["id"]] = item
            return Response(201, b"", {"Location": f"{request.url}/{item['id']}"})
        identifier = request.url.split("/items/")[1].split("?")[0]
        if identifier not in self.items:
            return Response(404, b'{"description": "not found"}')
        return Response(200, json.dumps(dict(self.items[identifier], links=[])).encode())


def push(server, feature=None, policy=POLICY):
    sleeps = []
    receipt = push_item(server, ENDPOINT, "verdict_events", feature or event(), policy, sleep=sleeps.append)
    return receipt, sleeps


def test_backoff_is_exponential_and_capped():
    assert [POLICY.delay(n) for n in range(1, 6)] == [1.0, 2.0, 4.0, 5.0, 5.0]


def test_plain_push_is_accepted_once():
    server = FakeServer()
    receipt, sleeps = push(server)
    assert receipt.accepted and not receipt.already_stored and receipt.attempts == 1 and sleeps == []
    assert receipt.location.endswith("/items/evt-1") and receipt.http_status == 201


def test_lost_answer_after_store_is_recognised_by_reading_back():
    server = FakeServer("lose")
    receipt, _ = push(server)
    assert receipt.accepted and receipt.already_stored
    assert server.log == [("POST", "lose"), ("GET", None)] and len(server.items) == 1


def test_duplicate_500_is_recognised():
    server = FakeServer()
    server.items["evt-1"] = event()
    receipt, _ = push(server)
    assert receipt.accepted and receipt.already_stored and server.log == [("POST", None), ("GET", None)]


def test_500_before_storing_is_resent_after_a_404_check():
    server = FakeServer("500")
    receipt, sleeps = push(server)
    assert receipt.accepted and not receipt.already_stored
    assert [m for m, _ in server.log] == ["POST", "GET", "POST"] and sleeps == [1.0]


def test_check_failing_too_is_retried_with_backoff():
    server = FakeServer("timeout", "500", "timeout", None, None)
    receipt, sleeps = push(server)
    assert receipt.accepted
    assert [m for m, _ in server.log] == ["POST", "GET", "GET", "GET", "POST"]
    assert sleeps == [1.0, 2.0, 1.0]


def test_different_item_under_our_id_is_a_conflict_never_overwritten():
    server = FakeServer()
    server.items["evt-1"] = event("cleared")
    receipt, _ = push(server, event("confirmed"))
    assert receipt.status == "rejected" and receipt.code == "sync.id_conflict" and "different item" in receipt.message
    assert server.items["evt-1"]["properties"]["verdict"] == "cleared"


def test_server_down_gives_up_with_failed_receipt():
    server = FakeServer(*["500"] * 50)
    receipt, sleeps = push(server)
    assert receipt.status == "failed" and receipt.code == RetriesExhausted.code and not receipt.accepted
    assert receipt.attempts <= 2 * POLICY.max_attempts and "outbox" in receipt.message
    assert max(sleeps) <= POLICY.max_delay


@pytest.mark.parametrize("status, code", [(401, "sync.unauthorized"), (403, "sync.forbidden"),
                                          (404, "sync.not_found"), (413, "sync.payload_too_large"),
                                          (400, "sync.rejected")])
def test_final_statuses_are_not_retried(status, code):
    push_ = IdempotentPush(ENDPOINT, "verdict_events", event(), POLICY)
    push_.feed(Response(status, b'{"description": "no"}'))
    assert push_.state is PushState.DONE and push_.next_request() is None
    assert push_.receipt.status == "rejected" and push_.receipt.code == code and push_.receipt.http_status == status


def test_409_conflict_is_checked_like_a_duplicate():
    push_ = IdempotentPush(ENDPOINT, "verdict_events", event(), POLICY)
    push_.feed(Response(409, b"{}"))
    assert push_.state is PushState.VERIFY and push_.next_request().method == "GET"


def test_truncated_check_answer_is_retried():
    push_ = IdempotentPush(ENDPOINT, "verdict_events", event(), POLICY)
    push_.feed(TransportError("lost"))
    stored = json.dumps(event()).encode()
    push_.feed(Response(200, stored[:20], {"Content-Length": str(len(stored))}))
    assert push_.state is PushState.VERIFY and push_.wait == 1.0
    push_.feed(Response(200, stored))
    assert push_.receipt.accepted and push_.receipt.already_stored


def test_same_item_tolerates_added_properties_and_links_but_not_changes():
    sent = event()
    stored = json.loads(json.dumps(sent))
    stored["properties"]["server_added"] = 1
    stored["links"] = [{"rel": "self", "href": "x"}]
    assert same_item(sent, stored)
    stored["geometry"]["coordinates"][0] += 1e-6
    assert not same_item(sent, stored)


def test_fetch_retries_transient_errors_then_raises_retries_exhausted():
    calls = []

    def flaky(request):
        calls.append(request)
        if len(calls) < 3:
            raise RequestTimeout("slow")
        return Response(200, b"{}")

    sleeps = []
    assert fetch(flaky, ENDPOINT.features_page("x"), POLICY, sleep=sleeps.append).status == 200
    assert sleeps == [1.0, 2.0]

    def always_truncated(request):
        return Response(200, b'{"a": ', {"Content-Length": "100"})

    with pytest.raises(RetriesExhausted) as caught:
        fetch(always_truncated, ENDPOINT.features_page("x"), POLICY, parse=lambda r: parse_json(r, Limits(), "x"),
              sleep=sleeps.append)
    assert caught.value.details["attempts"] == 4


def test_fetch_parse_errors_of_a_truncated_body_are_retried():
    answers = [Response(200, b'{"a": ', {}), Response(200, b'{"a": 1}', {})]
    result = fetch(lambda r: answers.pop(0), ENDPOINT.features_page("x"), POLICY,
                   parse=lambda r: parse_json(r, Limits(), "page"), sleep=lambda s: None)
    assert result == {"a": 1}
    with pytest.raises(TruncatedResponse):
        parse_json(Response(200, b'{"a": ', {}), Limits(), "page")


def test_fetch_does_not_retry_final_errors():
    calls = []

    def missing(request):
        calls.append(request)
        return Response(404, b"{}")

    with pytest.raises(NotFound):
        fetch(missing, ENDPOINT.features_page("x"), POLICY, sleep=lambda s: None)
    assert len(calls) == 1
