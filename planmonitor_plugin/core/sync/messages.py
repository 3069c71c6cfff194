"""HTTP requests and responses as plain data, and defensive reading of response bodies.

The core never opens a socket: it builds :class:`Request` s and reads :class:`Response` s that an adapter
(QGIS's network stack in the plugin, urllib in tests) sends and receives.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Optional, Tuple, Union

from planmonitor_plugin.core.sync.errors import (
    Forbidden,
    HttpError,
    MalformedResponse,
    NotFound,
    PayloadTooLarge,
    Rejected,
    ResponseTooLarge,
    ServerError,
    TruncatedResponse,
    Unauthorized,
)

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What the client accepts from a server (hostile or broken answers are refused, not parsed)."""

    max_body_bytes: int = 32 * MiB
    max_features_per_page: int = 10_000
    max_features: int = 2_000_000
    max_pages: int = 10_000
    max_vertices: int = 250_000  #: per geometry
    max_parts: int = 10_000  #: rings/parts per geometry
    max_property_bytes: int = 1 * MiB  #: one string property
    max_inline_photo_bytes: int = 4 * MiB  #: larger photos are pushed as links


class Headers:
    """Case-insensitive header lookup (waitress answers ``Etag``, others ``ETag``: pygeoapi defect 12)."""

    def __init__(self, items: Union[Mapping[str, str], Iterable[Tuple[str, str]], None] = None) -> None:
        pairs = items.items() if isinstance(items, Mapping) else (items or ())
        self._items: Tuple[Tuple[str, str], ...] = tuple((str(k), str(v)) for k, v in pairs)

    def get(self, name: str, default: Optional[str] = None) -> Optional[str]:
        wanted = name.lower()
        for key, value in self._items:
            if key.lower() == wanted:
                return value.strip()
        return default

    def items(self) -> Tuple[Tuple[str, str], ...]:
        return self._items

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def __repr__(self) -> str:
        return f"Headers({dict(self._items)!r})"


@dataclass(frozen=True)
class Request:
    """One HTTP request to send: ``purpose`` says why (``search``, ``page``, ``create``, ``verify``…)."""

    method: str
    url: str
    headers: Tuple[Tuple[str, str], ...] = ()
    body: bytes = b""
    purpose: str = ""

    def header(self, name: str) -> Optional[str]:
        return Headers(self.headers).get(name)


@dataclass(frozen=True)
class Response:
    """One HTTP answer as received (``body`` may be partial if the adapter saw the connection drop)."""

    status: int
    body: bytes = b""
    headers: Headers = field(default_factory=Headers)
    url: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.headers, Headers):
            object.__setattr__(self, "headers", Headers(self.headers))

    def header(self, name: str) -> Optional[str]:
        return self.headers.get(name)


# ----------------------------------------------------------------------------------------------------------------
# Status codes
# ----------------------------------------------------------------------------------------------------------------

_STATUS_ERRORS = {
    401: (Unauthorized, "The catalog refused the credentials (401 Unauthorized): check the authentication "
                        "configuration of this connection."),
    403: (Forbidden, "The catalog does not allow this account to do that (403 Forbidden): ask the catalog "
                     "administrator for the right."),
    404: (NotFound, "Not found on the catalog (404): check the connection URL and the collection name."),
    413: (PayloadTooLarge, "The catalog refused the item as too large (413 Payload Too Large): push large photos "
                           "as links or through an exchange package."),
}


def server_message(response: Response, limit: int = 300) -> str:
    """The server's own description of an error (OGC exception JSON), printable and short."""
    try:
        data = json.loads(response.body[:64 * 1024].decode("utf-8"))
        text = str(data.get("description") or data.get("detail") or data.get("title") or "")
    except (ValueError, AttributeError):
        text = ""
    text = "".join(c if c.isprintable() else " " for c in text).strip()
    return text[:limit]


def status_error(response: Response, what: str = "") -> HttpError:
    """The error for an unsuccessful status, with a clear message and ``status``/``url``/``server`` details."""
    status = response.status
    cls, message = _STATUS_ERRORS.get(status, (None, ""))
    if cls is None and status >= 500:
        cls, message = ServerError, f"The catalog failed ({status}); it will be retried."
    elif cls is None:
        cls, message = Rejected, f"The catalog rejected the request ({status})."
    details = server_message(response)
    if what:
        message = f"{what}: {message}"
    if details:
        message = f"{message} Server said: {details}"
    return cls(message, status=status, url=response.url, server=details)


# ----------------------------------------------------------------------------------------------------------------
# JSON bodies
# ----------------------------------------------------------------------------------------------------------------

def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def check_size(response: Response, limits: Limits, what: str) -> None:
    """Refuse bodies above the limit, and bodies shorter than their Content-Length (a dropped connection)."""
    declared = response.header("Content-Length")
    size = len(response.body)
    if declared is not None and declared.isdigit() and int(declared) > limits.max_body_bytes:
        raise ResponseTooLarge(f"{what}: the answer is {int(declared)} bytes, above the limit of "
                               f"{limits.max_body_bytes} bytes.", size=int(declared), limit=limits.max_body_bytes)
    if size > limits.max_body_bytes:
        raise ResponseTooLarge(f"{what}: the answer is above the limit of {limits.max_body_bytes} bytes.",
                               size=size, limit=limits.max_body_bytes)
    if declared is not None and declared.isdigit() and size < int(declared):
        raise TruncatedResponse(f"{what}: the answer was cut off ({size} of {int(declared)} bytes).",
                                size=size, declared=int(declared), url=response.url)


def parse_json(response: Response, limits: Limits, what: str) -> Any:
    """The body as JSON, strictly: size-checked, UTF-8, no NaN/Infinity, not truncated."""
    check_size(response, limits, what)
    try:
        text = response.body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedResponse(f"{what}: the answer is not UTF-8 text.", url=response.url,
                                offset=exc.start) from None
    if not text.strip():
        raise TruncatedResponse(f"{what}: the answer is empty.", url=response.url, size=0)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise MalformedResponse(f"{what}: the JSON answer is nested too deeply.", url=response.url) from None
    except ValueError as exc:
        return _json_failure(exc, text, what, response.url)


def _json_failure(exc: ValueError, text: str, what: str, url: str) -> Any:
    position = getattr(exc, "pos", None)
    at_end = position is not None and position >= len(text.rstrip())
    if at_end or str(getattr(exc, "msg", "")).startswith("Unterminated string"):
        raise TruncatedResponse(f"{what}: the JSON answer ends early (truncated at {len(text)} characters).",
                                url=url, size=len(text)) from None
    raise MalformedResponse(f"{what}: the answer is not valid JSON ({exc}).", url=url) from None


def require(condition: bool, what: str, problem: str, **details) -> None:
    """Raise :class:`MalformedResponse` unless ``condition``."""
    if not condition:
        raise MalformedResponse(f"{what}: {problem}", **details)


def is_number(value: Any) -> bool:
    """A real, finite JSON number (``True`` is not a number)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
