"""Retry with backoff, and the idempotent push of one item, as pure logic fed with responses.

Rules (docs/catalog-protocol.md):

* 5xx, time-outs, dropped connections and truncated bodies are retried with exponential backoff and a cap;
* 401/403/404/413 and other 4xx are final, each with a clear message;
* a create whose answer is a 5xx or lost may still have been stored (pygeoapi answers a duplicate id with 500,
  defect 4): the item is then read back by its client id — the same item means *accepted*, a different one an
  id conflict, 404 means send it again.  Nothing is *accepted* until the server has acknowledged it.

:class:`IdempotentPush` is a state machine: ``next_request()`` → send it (after ``wait`` seconds) →
``feed(response or SyncError)`` → … until ``receipt`` is set.  :func:`push_item` and :func:`fetch` drive it
with any ``send(request) -> Response`` function (QGIS's network stack in the plugin, urllib in tests).
"""

from __future__ import annotations

import enum
import math
import time
from dataclasses import dataclass
from typing import Any, Callable, Optional, Union

from planmonitor_plugin.core.sync.errors import (
    IdConflict,
    RetriesExhausted,
    SyncError,
)
from planmonitor_plugin.core.sync.messages import Response, parse_json, status_error
from planmonitor_plugin.core.sync.protocol import CatalogEndpoint, check_status
from planmonitor_plugin.core.sync.validate import check_feature

Outcome = Union[Response, SyncError]
Send = Callable[..., Response]


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff: ``base_delay · factor^(n-1)`` seconds before retry n, at most ``max_delay``."""

    max_attempts: int = 5
    base_delay: float = 1.0
    factor: float = 2.0
    max_delay: float = 30.0

    def delay(self, retry: int) -> float:
        """Seconds to wait before retry number ``retry`` (1, 2, …)."""
        return min(self.max_delay, self.base_delay * self.factor ** max(0, retry - 1))


def error_of(outcome: Outcome, what: str = "") -> Optional[SyncError]:
    """``None`` for a 2xx answer, else the error it stands for."""
    if isinstance(outcome, SyncError):
        return outcome
    if 200 <= outcome.status < 300:
        return None
    return status_error(outcome, what)


def is_retryable(error: SyncError) -> bool:
    return bool(getattr(error, "transient", False))


def fetch(send: Send, request, policy: RetryPolicy = RetryPolicy(), parse: Optional[Callable] = None,
          sleep: Callable[[float], None] = time.sleep) -> Any:
    """Send a read request with retries; returns ``parse(response)`` (or the response). Final errors raise."""
    last: Optional[SyncError] = None
    for attempt in range(1, policy.max_attempts + 1):
        if attempt > 1:
            sleep(policy.delay(attempt - 1))
        try:
            response = send(request)
            check_status(response, request.purpose or "request")
            return parse(response) if parse else response
        except SyncError as error:
            if not is_retryable(error):
                raise
            last = error
    raise RetriesExhausted(f"{request.purpose or 'request'}: still failing after {policy.max_attempts} attempts "
                           f"({last}).", last=getattr(last, "code", ""), attempts=policy.max_attempts,
                           url=request.url) from last


# ----------------------------------------------------------------------------------------------------------------
# Idempotent push
# ----------------------------------------------------------------------------------------------------------------

class PushState(enum.Enum):
    SEND = "send"
    VERIFY = "verify"
    DONE = "done"


@dataclass(frozen=True)
class Receipt:
    """What happened to one pushed item.

    ``status``: ``accepted`` (the server holds it; ``already_stored`` when an earlier, unanswered attempt stored
    it), ``rejected`` (final refusal: keep it and tell the user ``message``) or ``failed`` (transient errors
    until the last attempt: stays in the outbox for a later push).
    """

    item_id: str
    status: str
    code: str = ""
    message: str = ""
    already_stored: bool = False
    attempts: int = 0
    http_status: Optional[int] = None
    location: str = ""

    @property
    def accepted(self) -> bool:
        return self.status == "accepted"


def _flat(value: Any) -> list:
    if isinstance(value, (list, tuple)):
        return [x for item in value for x in _flat(item)]
    return [value]


def _same_geometry(sent: Any, stored: Any) -> bool:
    if sent is None or stored is None:
        return sent is stored
    if not isinstance(stored, dict) or sent.get("type") != stored.get("type"):
        return False
    a, b = _flat(sent.get("coordinates")), _flat(stored.get("coordinates"))
    return len(a) == len(b) and all(isinstance(y, (int, float)) and math.isclose(x, y, abs_tol=1e-9)
                                    for x, y in zip(a, b))


def same_item(sent: dict, stored: dict) -> bool:
    """The stored item is the one we sent: same id, geometry and every property we sent (it may add others)."""
    properties = stored.get("properties") or {}
    return (str(stored.get("id")) == str(sent["id"]) and _same_geometry(sent.get("geometry"), stored.get("geometry"))
            and all(properties.get(k) == v for k, v in (sent.get("properties") or {}).items()))


class IdempotentPush:
    """Push one item with a client id exactly once, whatever the network and the server's 500s do."""

    def __init__(self, endpoint: CatalogEndpoint, collection: str, feature: dict,
                 policy: RetryPolicy = RetryPolicy()) -> None:
        self.endpoint, self.collection, self.feature, self.policy = endpoint, collection, feature, policy
        self.item_id = str(feature["id"])
        self.state = PushState.SEND
        self.sends = self.verifies = 0
        self.wait = 0.0
        self.receipt: Optional[Receipt] = None
        self.last_error: Optional[SyncError] = None
        self._create = endpoint.create_item(collection, feature)

    @property
    def attempts(self) -> int:
        return self.sends + self.verifies

    def next_request(self):
        """The request to send now (after ``wait`` seconds), or ``None`` when the receipt is ready."""
        if self.state is PushState.DONE:
            return None
        if self.state is PushState.SEND:
            return self._create
        return self.endpoint.get_item(self.collection, self.item_id, purpose="verify")

    def feed(self, outcome: Outcome) -> None:
        """Take the answer (or the transport error) to the request from :meth:`next_request`."""
        if self.state is PushState.SEND:
            self.sends += 1
            self._after_send(outcome)
        elif self.state is PushState.VERIFY:
            self.verifies += 1
            self._after_verify(outcome)

    def _after_send(self, outcome: Outcome) -> None:
        error = error_of(outcome, f"push {self.item_id}")
        if error is None:
            self._finish("accepted", http_status=outcome.status, location=outcome.header("Location") or "")
        elif is_retryable(error) or getattr(error, "details", {}).get("status") == 409:
            self._uncertain(error)  # stored or not? ask the server by id
        else:
            self._fail("rejected", error)

    def _after_verify(self, outcome: Outcome) -> None:
        error = error_of(outcome, f"check {self.item_id}")
        if error is None:
            self._compare(outcome)
        elif getattr(error, "details", {}).get("status") == 404:
            self._resend(error)  # the server never stored it
        elif is_retryable(error):
            self._retry(PushState.VERIFY, error)
        else:
            self._fail("rejected", error)

    def _compare(self, response: Response) -> None:
        try:
            stored = check_feature(parse_json(response, self.endpoint.limits, f"check {self.item_id}"),
                                   self.endpoint.limits, f"stored item {self.item_id}")
        except SyncError as error:
            return self._retry(PushState.VERIFY, error) if is_retryable(error) else self._fail("rejected", error)
        if same_item(self.feature, stored):
            return self._finish("accepted", already_stored=True, http_status=response.status)
        conflict = IdConflict(f"The catalog already holds a different item with id {self.item_id}; it was not "
                              "overwritten. Generate a new id for this item and push it again.", id=self.item_id)
        return self._fail("rejected", conflict)

    def _uncertain(self, error: SyncError) -> None:
        self.last_error = error
        self.state, self.wait = PushState.VERIFY, 0.0
        self._check_budget()

    def _resend(self, error: SyncError) -> None:
        self._retry(PushState.SEND, error)

    def _retry(self, state: PushState, error: SyncError) -> None:
        self.last_error = error
        self.state = state
        self.wait = self.policy.delay(max(1, self.sends if state is PushState.SEND else self.verifies))
        self._check_budget()

    def _check_budget(self) -> None:
        if ((self.sends >= self.policy.max_attempts and self.state is PushState.SEND)
                or self.attempts >= 2 * self.policy.max_attempts):
            error = RetriesExhausted(f"push {self.item_id}: no acknowledgement after {self.attempts} requests "
                                     f"({self.last_error}); it stays in the outbox.",
                                     last=getattr(self.last_error, "code", ""), attempts=self.attempts)
            self._fail("failed", error)

    def _fail(self, status: str, error: SyncError) -> None:
        self.last_error = error
        self._finish(status, code=error.code, message=str(error), http_status=error.details.get("status"))

    def _finish(self, status: str, **fields: Any) -> None:
        self.state, self.wait = PushState.DONE, 0.0
        self.receipt = Receipt(self.item_id, status, attempts=self.attempts, **fields)


def push_item(send: Send, endpoint: CatalogEndpoint, collection: str, feature: dict,
              policy: RetryPolicy = RetryPolicy(), sleep: Callable[[float], None] = time.sleep) -> Receipt:
    """Drive :class:`IdempotentPush` with ``send`` (which returns a Response or raises a SyncError)."""
    push = IdempotentPush(endpoint, collection, feature, policy)
    request = push.next_request()
    while request is not None:
        if push.wait:
            sleep(push.wait)
        try:
            outcome: Outcome = send(request)
        except SyncError as error:
            outcome = error
        push.feed(outcome)
        request = push.next_request()
    assert push.receipt is not None
    return push.receipt
