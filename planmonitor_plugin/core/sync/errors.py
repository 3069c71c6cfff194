"""Errors of the sync core: clear English defaults, stable ``code`` s and structured ``details``.

The adapter translates them by ``code`` (and may use ``details`` such as ``status``, ``url``, ``path``).
"""

from __future__ import annotations

from planmonitor_plugin.core.errors import InputError, PlanMonitorError


class SyncError(PlanMonitorError):
    """Talking to the catalog failed."""

    code = "sync"
    #: Whether trying again later may succeed (time-outs, 5xx); the retry policy decides how often.
    transient = False


class UnsafeValue(InputError):
    """A value the client refuses to send (quotes in a filter, a bad id, a bbox outside lon/lat)."""

    code = "sync.unsafe_value"


class TransportError(SyncError):
    """No complete HTTP answer: connection refused or dropped mid-body."""

    code = "sync.transport"
    transient = True


class RequestTimeout(TransportError):
    """No answer within the time-out."""

    code = "sync.timeout"


class ResponseError(SyncError):
    """An answer arrived but cannot be used."""

    code = "sync.response"


class ResponseTooLarge(ResponseError):
    """The body is above the configured size limit (refused before parsing)."""

    code = "sync.too_large"


class MalformedResponse(ResponseError):
    """Not JSON, truncated, or JSON of the wrong shape or types."""

    code = "sync.malformed"


class TruncatedResponse(MalformedResponse):
    """Fewer bytes than announced, or JSON cut off: the connection was probably dropped."""

    code = "sync.truncated"
    transient = True


class InvalidGeometry(MalformedResponse):
    """A geometry with non-finite or out-of-range coordinates, too many vertices or a bad structure."""

    code = "sync.geometry"


class UnsafeName(ResponseError):
    """An attachment or file name with a path separator, ``..`` or control characters."""

    code = "sync.unsafe_name"


class UnsafeLink(ResponseError):
    """A link to another server than the configured catalog (never followed with our credentials)."""

    code = "sync.unsafe_link"


class HttpError(SyncError):
    """The server answered with an error status."""

    code = "sync.http"


class Unauthorized(HttpError):
    code = "sync.unauthorized"


class Forbidden(HttpError):
    code = "sync.forbidden"


class NotFound(HttpError):
    code = "sync.not_found"


class PayloadTooLarge(HttpError):
    code = "sync.payload_too_large"


class Rejected(HttpError):
    """Another 4xx: the server refused this item (a retry would be refused too)."""

    code = "sync.rejected"


class ServerError(HttpError):
    """5xx: the server failed; retried with backoff."""

    code = "sync.server_error"
    transient = True


class RetriesExhausted(SyncError):
    """Still failing after the last attempt; ``details['last']`` holds the last error."""

    code = "sync.retries_exhausted"


class IdConflict(SyncError):
    """The server holds a different item under the id we generated (never overwritten)."""

    code = "sync.id_conflict"


class ExchangeError(PlanMonitorError):
    """An exchange package (air-gapped transfer) cannot be written or accepted."""

    code = "exchange"


class ExchangeManifestError(ExchangeError):
    """manifest.json is missing, truncated or malformed."""

    code = "exchange.manifest"


class ExchangeIncomplete(ExchangeError):
    """Files listed in the manifest are missing or truncated, or unexpected files are present."""

    code = "exchange.partial"


class ExchangeTampered(ExchangeError):
    """A file's sha256 does not match the manifest."""

    code = "exchange.tampered"


class ExchangeUnsafePath(ExchangeError):
    """A path that would escape the package folder (absolute, ``..``, symbolic link, drive letter)."""

    code = "exchange.unsafe_path"
