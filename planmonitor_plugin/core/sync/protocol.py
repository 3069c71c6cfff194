"""OGC API requests and answers of the catalog protocol (docs/catalog-protocol.md), without any network.

* :meth:`CatalogEndpoint.search_records` — OGC API – Records search (``q``, ``bbox``, ``type``, ``datetime``…);
* :class:`FeaturePager` — OGC API – Features download page by page, counting features itself;
* :meth:`CatalogEndpoint.create_item` — Part 4 create of a verdict event or photo carrying a client id;
* :meth:`CatalogEndpoint.get_item` — read one item back (with ``If-None-Match`` when an ETag is known).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from planmonitor_plugin.__about__ import USER_AGENT
from planmonitor_plugin.core.sync.errors import MalformedResponse, UnsafeLink, UnsafeValue
from planmonitor_plugin.core.sync.messages import (
    Limits,
    Request,
    Response,
    is_number,
    parse_json,
    require,
    status_error,
)
from planmonitor_plugin.core.sync.validate import (
    check_attachment_name,
    check_feature,
    check_id,
    sanitise_attachment_name,
)

JSON = "application/json"
GEOJSON = "application/geo+json"
ACCEPT = f"{GEOJSON}, {JSON};q=0.9"
_SORT_PATTERN = re.compile(r"^[+-]?[A-Za-z_][A-Za-z0-9_.-]{0,63}$")
_FORBIDDEN_IN_VALUES = ("'", '"', "\\", "\x00")  # pygeoapi's TinyDB backend evaluates them (defect 10)
DEFAULT_LIMITS = Limits()
DateLike = Union[str, dt.date, dt.datetime, None]


# ----------------------------------------------------------------------------------------------------------------
# Values
# ----------------------------------------------------------------------------------------------------------------

def check_text(value: Any, what: str, max_length: int = 200) -> str:
    """A query value safe to send: text without quotes, backslashes or controls, not too long."""
    if not isinstance(value, str) or not value.strip() or len(value) > max_length:
        raise UnsafeValue(f"{what} must be non-empty text of at most {max_length} characters.", value=str(value)[:80])
    if any(c in value for c in _FORBIDDEN_IN_VALUES) or not value.isprintable():
        raise UnsafeValue(f"{what} {value[:80]!r} contains quotes, backslashes or control characters, which the "
                          "catalog cannot search for.", value=value[:80])
    return value.strip()


def check_bbox(bbox: Sequence[float]) -> Tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat), finite and within range."""
    values = tuple(bbox) if isinstance(bbox, (list, tuple)) else ()
    if len(values) != 4 or not all(is_number(v) for v in values):
        raise UnsafeValue("bbox must be four finite numbers: min lon, min lat, max lon, max lat.", bbox=str(bbox)[:80])
    x0, y0, x1, y1 = (float(v) for v in values)
    if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
        raise UnsafeValue(f"bbox {values} is not a longitude/latitude box (min ≤ max, within ±180/±90).",
                          bbox=list(values))
    return x0, y0, x1, y1


def _instant(value: DateLike) -> str:
    if value is None or value == "..":
        return ".."
    if isinstance(value, dt.datetime):
        value = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = check_text(value, "datetime", 40)
    if not re.match(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$", text):
        raise UnsafeValue(f"datetime {text!r} is not an ISO 8601 date or date-time.", value=text)
    return text


def datetime_parameter(value: Union[DateLike, Tuple[DateLike, DateLike]]) -> str:
    """An instant, or an interval ``start/end`` with ``..`` for an open end."""
    if isinstance(value, tuple):
        start, end = (_instant(v) for v in value)
        if start == end == "..":
            raise UnsafeValue("a datetime interval needs at least one end.")
        return f"{start}/{end}"
    if isinstance(value, str) and "/" in value:
        return datetime_parameter(tuple(value.split("/", 1)))
    return _instant(value)


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_item_id(prefix: str = "evt") -> str:
    """A client-generated id (pygeoapi keeps the client's id: defect 4 makes a retry detectable)."""
    return check_id(f"{prefix}-{uuid.uuid4().hex}")


# ----------------------------------------------------------------------------------------------------------------
# Endpoint
# ----------------------------------------------------------------------------------------------------------------

def check_base_url(url: str) -> str:
    """The catalog's landing page URL: http(s), a host, no credentials, no query; without trailing slash."""
    parts = urlsplit(str(url).strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeValue(f"catalog URL {str(url)[:100]!r} must start with http:// or https:// and name a host.")
    if parts.username or parts.password:
        raise UnsafeValue("catalog URL must not contain a user name or password: use an authentication "
                          "configuration instead.")
    if parts.query or parts.fragment:
        raise UnsafeValue("catalog URL must not have a query or fragment.")
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path.rstrip("/"), "", ""))


def _origin(url: str) -> Tuple[str, str, Optional[int]]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


@dataclass(frozen=True)
class CatalogEndpoint:
    """One catalog connection: builds every request the protocol needs."""

    base_url: str
    user_agent: str = USER_AGENT
    limits: Limits = field(default_factory=Limits)
    catalog_collection: str = "catalog"

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", check_base_url(self.base_url))

    def headers(self, accept: str = ACCEPT, **extra: str) -> Tuple[Tuple[str, str], ...]:
        pairs = [("Accept", accept), ("User-Agent", self.user_agent)]
        pairs += [(k.replace("_", "-"), v) for k, v in extra.items() if v]
        return tuple(pairs)

    def items_url(self, collection: str, item_id: Optional[str] = None, query: Optional[List] = None) -> str:
        path = f"{self.base_url}/collections/{quote(check_id(collection, 'collection'))}/items"
        if item_id is not None:
            path += "/" + quote(check_id(item_id, "item id"))
        return path + ("?" + urlencode(query) if query else "")

    def check_link(self, href: Any) -> str:
        """A link is followed only to the same origin as the catalog (credentials never go elsewhere)."""
        if not isinstance(href, str) or _origin(href) != _origin(self.base_url):
            raise UnsafeLink(f"link {str(href)[:100]!r} leads away from the catalog {self.base_url}; not followed.",
                             href=str(href)[:200])
        return href

    # -- requests -------------------------------------------------------------------------------------------------

    def search_records(self, q: Optional[str] = None, bbox: Optional[Sequence[float]] = None,
                       record_type: Optional[str] = None, datetime: Any = None, limit: int = 50,
                       sortby: Optional[str] = None, offset: int = 0) -> Request:
        """OGC API – Records search on the catalog collection."""
        query: List[Tuple[str, str]] = [("f", "json"), ("limit", str(_positive(limit, "limit")))]
        if offset:
            query.append(("offset", str(_positive(offset, "offset", zero=True))))
        if q is not None:
            query.append(("q", check_text(q, "search text")))
        if bbox is not None:
            query.append(("bbox", ",".join(repr(v) for v in check_bbox(bbox))))
        if record_type is not None:
            query.append(("type", check_text(record_type, "record type", 64)))
        if datetime is not None:
            query.append(("datetime", datetime_parameter(datetime)))
        if sortby is not None:
            if not _SORT_PATTERN.match(str(sortby)):
                raise UnsafeValue(f"sortby {str(sortby)[:40]!r} is not a property name with an optional +/-.")
            query.append(("sortby", sortby))
        return Request("GET", self.items_url(self.catalog_collection, query=query), self.headers(), purpose="search")

    def features_page(self, collection: str, limit: int = 500, offset: int = 0,
                      bbox: Optional[Sequence[float]] = None, filters: Optional[Dict[str, str]] = None) -> Request:
        """The first page of an OGC API – Features download."""
        query = [("f", "json"), ("limit", str(_positive(limit, "limit")))]
        if offset:
            query.append(("offset", str(_positive(offset, "offset", zero=True))))
        if bbox is not None:
            query.append(("bbox", ",".join(repr(v) for v in check_bbox(bbox))))
        for name, value in (filters or {}).items():
            query.append((check_id(name, "filter property"), check_text(value, f"filter {name}")))
        return Request("GET", self.items_url(collection, query=query), self.headers(), purpose="page")

    def follow(self, href: str, purpose: str = "page") -> Request:
        """GET a ``next`` link: same origin only, ``f=json`` added when missing (defect 11)."""
        parts = urlsplit(self.check_link(href))
        query = parse_qsl(parts.query, keep_blank_values=True)
        if not any(k == "f" for k, _ in query):
            query.insert(0, ("f", "json"))
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
        return Request("GET", url, self.headers(), purpose=purpose)

    def create_item(self, collection: str, feature: dict) -> Request:
        """Part 4 create: POST the feature with its client-generated id in the body."""
        check_id(feature.get("id"), "item id")
        body = json.dumps(feature, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
        # exactly this media type: pygeoapi treats "application/geo+json; charset=utf-8" as a CQL query (400)
        headers = self.headers(accept=JSON, Content_Type=GEOJSON)
        return Request("POST", self.items_url(collection), headers, body, purpose="create")

    def get_item(self, collection: str, item_id: str, etag: Optional[str] = None, purpose: str = "get") -> Request:
        """GET one item; ``If-None-Match`` only when an earlier answer offered an ETag."""
        headers = self.headers(If_None_Match=etag or "")
        url = self.items_url(collection, check_id(item_id, "item id"), [("f", "json")])
        return Request("GET", url, headers, purpose=purpose)


def _positive(value: Any, what: str, zero: bool = False) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < (0 if zero else 1) or value > 100_000:
        raise UnsafeValue(f"{what} must be an integer between {0 if zero else 1} and 100000.", value=repr(value))
    return value


# ----------------------------------------------------------------------------------------------------------------
# Answers
# ----------------------------------------------------------------------------------------------------------------

def check_status(response: Response, what: str, ok: Sequence[int] = (200,)) -> None:
    if response.status not in ok:
        raise status_error(response, what)


def next_link(document: dict, what: str) -> Optional[str]:
    """The ``next`` link of a collection document, if any (JSON flavour preferred)."""
    links = document.get("links", [])
    require(isinstance(links, list), what, "'links' must be a list.")
    candidates = [link for link in links if isinstance(link, dict) and link.get("rel") == "next"]
    for link in sorted(candidates, key=lambda link: link.get("type") not in (JSON, GEOJSON, None)):
        href = link.get("href")
        require(isinstance(href, str), what, "a 'next' link has no href.")
        return href
    return None


@dataclass
class FeaturePage:
    features: List[dict]
    next_href: Optional[str]
    number_matched: Optional[int]


def parse_feature_collection(response: Response, limits: Limits, what: str = "feature page",
                             require_geometry: bool = False) -> FeaturePage:
    """A FeatureCollection page: every feature checked; ``numberReturned`` ignored (defect 6)."""
    check_status(response, what)
    document = parse_json(response, limits, what)
    require(isinstance(document, dict), what, "the answer is not a JSON object.")
    require(document.get("type") == "FeatureCollection", what, "the answer is not a FeatureCollection.")
    features = document.get("features")
    require(isinstance(features, list), what, "'features' must be a list.")
    require(len(features) <= limits.max_features_per_page, what,
            f"more than {limits.max_features_per_page} features on one page.")
    for index, feature in enumerate(features):
        check_feature(feature, limits, f"{what} feature #{index}", require_geometry)
    matched = document.get("numberMatched")
    matched = matched if isinstance(matched, int) and not isinstance(matched, bool) and matched >= 0 else None
    return FeaturePage(features, next_link(document, what), matched)


class FeaturePager:
    """Download a collection page by page: count features itself, stop on an empty page or no ``next``.

    ``request = pager.first()``; then ``request = pager.accept(response)`` until it returns ``None``;
    the features are in ``pager.features``.  Repeated ids or a ``next`` link seen before stop it with
    :class:`MalformedResponse` (a server looping on the same page).
    """

    def __init__(self, endpoint: CatalogEndpoint, collection: str, limit: int = 500,
                 bbox: Optional[Sequence[float]] = None, filters: Optional[Dict[str, str]] = None) -> None:
        self.endpoint, self.collection = endpoint, collection
        self._first = endpoint.features_page(collection, limit, 0, bbox, filters)
        self.features: List[dict] = []
        self.pages = 0
        self.number_matched: Optional[int] = None
        self._ids: set = set()
        self._seen_urls = {self._first.url}

    def first(self) -> Request:
        return self._first

    def accept(self, response: Response) -> Optional[Request]:
        """Take one page; the next request, or ``None`` when the download is complete."""
        limits, what = self.endpoint.limits, f"{self.collection} page {self.pages + 1}"
        page = parse_feature_collection(response, limits, what)
        self.pages += 1
        if self.number_matched is None:
            self.number_matched = page.number_matched
        self._add(page.features, what)
        if not page.features or page.next_href is None:
            return None
        request = self.endpoint.follow(page.next_href)
        require(request.url not in self._seen_urls, what, "the server's 'next' link repeats an earlier page.")
        require(self.pages < limits.max_pages, what, f"more than {limits.max_pages} pages.")
        self._seen_urls.add(request.url)
        return request

    def _add(self, features: List[dict], what: str) -> None:
        for feature in features:
            identifier = str(feature["id"])
            require(identifier not in self._ids, what, f"feature {identifier} was already on an earlier page.",
                    id=identifier)
            self._ids.add(identifier)
        self.features.extend(features)
        require(len(self.features) <= self.endpoint.limits.max_features, what,
                f"more than {self.endpoint.limits.max_features} features.")


# ----------------------------------------------------------------------------------------------------------------
# Catalog records
# ----------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Link:
    rel: str
    href: str
    type: str = ""
    title: str = ""


@dataclass(frozen=True)
class CatalogRecord:
    """One search hit: a task package or a dataset."""

    id: str
    type: str
    title: str
    description: str = ""
    keywords: Tuple[str, ...] = ()
    created: str = ""
    bbox: Optional[Tuple[float, float, float, float]] = None
    links: Tuple[Link, ...] = ()
    properties: Dict[str, Any] = field(default_factory=dict, compare=False)

    def links_to(self, rel: str) -> List[Link]:
        return [link for link in self.links if link.rel == rel]


def _text(value: Any, what: str, name: str, default: str = "") -> str:
    if value is None:
        return default
    require(isinstance(value, str), what, f"'{name}' must be text.")
    return value


def _links(raw: Any, what: str) -> Tuple[Link, ...]:
    require(isinstance(raw, list), what, "'links' must be a list.")
    links = []
    for item in raw:
        require(isinstance(item, dict) and isinstance(item.get("href"), str), what, "a link without href.")
        links.append(Link(_text(item.get("rel"), what, "rel"), item["href"], _text(item.get("type"), what, "type"),
                          _text(item.get("title"), what, "title")))
    return tuple(links)


def _geometry_bbox(geometry: Optional[dict]) -> Optional[Tuple[float, float, float, float]]:
    if geometry is None:
        return None
    xs, ys = [], []

    def walk(node: Any) -> None:
        if node and is_number(node[0]):
            xs.append(node[0])
            ys.append(node[1])
        else:
            for item in node:
                walk(item)

    for part in geometry.get("geometries", [geometry]):
        walk(part.get("coordinates", []))
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def parse_record(feature: dict, what: str) -> CatalogRecord:
    """A checked record feature (see :func:`check_feature`) as a :class:`CatalogRecord`."""
    properties = feature["properties"]
    label = f"{what} {feature['id']}"
    keywords = properties.get("keywords") or []
    require(isinstance(keywords, list) and all(isinstance(k, str) for k in keywords), label,
            "'keywords' must be a list of text.")
    return CatalogRecord(
        str(feature["id"]), _text(properties.get("type"), label, "type"),
        _text(properties.get("title"), label, "title"),
        _text(properties.get("description"), label, "description"), tuple(keywords),
        _text(properties.get("created"), label, "created"), _geometry_bbox(feature.get("geometry")),
        _links(feature.get("links", []), label), properties)


def parse_records(response: Response, limits: Limits) -> Tuple[List[CatalogRecord], Optional[str]]:
    """A Records search answer: the records and the ``next`` link (if any)."""
    page = parse_feature_collection(response, limits, "catalog search")
    return [parse_record(f, "catalog record") for f in page.features], page.next_href


# ----------------------------------------------------------------------------------------------------------------
# Verdict events and photos (pushed with Part 4 create)
# ----------------------------------------------------------------------------------------------------------------

def _point(lonlat: Sequence[float]) -> dict:
    x, y = check_bbox((lonlat[0], lonlat[1], lonlat[0], lonlat[1]))[:2]
    return {"type": "Point", "coordinates": [x, y]}


def verdict_event(event_id: str, item_id: str, verdict: str, lonlat: Sequence[float], reviewer: str,
                  recorded_at: Optional[str] = None, comment: str = "", **extra: Any) -> dict:
    """An append-only verdict event; the point keeps bbox queries working (defect 7: no null geometries)."""
    properties = {"event_id": check_id(event_id, "event id"), "item_id": check_id(item_id, "item id"),
                  "verdict": check_id(verdict, "verdict"), "reviewer": str(reviewer),
                  "recorded_at": recorded_at or now_utc(), "comment": str(comment), **extra}
    return {"type": "Feature", "id": event_id, "geometry": _point(lonlat), "properties": properties}


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def photo_item(photo_id: str, event_id: str, name: str, data: Optional[bytes], lonlat: Sequence[float],
               media_type: str = "image/jpeg", href: Optional[str] = None, sha256: Optional[str] = None,
               size: Optional[int] = None, limits: Limits = DEFAULT_LIMITS) -> dict:
    """A photo: inline base64 (up to ``limits.max_inline_photo_bytes``) or a link, always with sha256 and size."""
    if data is not None:
        if len(data) > limits.max_inline_photo_bytes:
            raise UnsafeValue(f"photo {name!r} is {len(data)} bytes, above the inline limit of "
                              f"{limits.max_inline_photo_bytes}; push it as a link.", size=len(data))
        sha256, size = sha256_hex(data), len(data)
    elif href is None or not re.fullmatch(r"[0-9a-f]{64}", str(sha256)) or not isinstance(size, int):
        raise UnsafeValue("a photo needs its bytes, or a link with its sha256 and size.")
    properties = {"photo_id": check_id(photo_id, "photo id"), "event_id": check_id(event_id, "event id"),
                  "name": sanitise_attachment_name(name, f"{photo_id}.jpg"), "media_type": check_text(media_type,
                  "media type", 100), "sha256": sha256, "size": size}
    if data is not None:
        properties["content_base64"] = base64.b64encode(data).decode("ascii")
    else:
        properties["href"] = href
    return {"type": "Feature", "id": photo_id, "geometry": _point(lonlat), "properties": properties}


@dataclass(frozen=True)
class Photo:
    id: str
    event_id: str
    name: str
    sha256: str
    size: int
    data: Optional[bytes] = None
    href: Optional[str] = None


def parse_photo(feature: dict, limits: Limits = DEFAULT_LIMITS) -> Photo:
    """A received photo item: safe name, sha256 verified for inline content."""
    check_feature(feature, limits, "photo")
    props, what = feature["properties"], f"photo {feature['id']}"
    name = check_attachment_name(props.get("name"), f"{what} name")
    sha256, size = props.get("sha256"), props.get("size")
    require(isinstance(sha256, str) and re.fullmatch(r"[0-9a-f]{64}", sha256) is not None, what,
            "'sha256' must be 64 lower-case hexadecimal digits.")
    require(isinstance(size, int) and not isinstance(size, bool) and 0 <= size <= limits.max_body_bytes, what,
            "'size' must be a non-negative integer within the size limit.")
    data = _photo_bytes(props.get("content_base64"), what, sha256, size)
    href = props.get("href")
    require(data is not None or isinstance(href, str), what, "neither inline content nor a link.")
    return Photo(str(feature["id"]), str(props.get("event_id", "")), name, sha256, size, data, href)


def _photo_bytes(encoded: Any, what: str, sha256: str, size: int) -> Optional[bytes]:
    if encoded is None:
        return None
    require(isinstance(encoded, str), what, "'content_base64' must be text.")
    try:
        data = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise MalformedResponse(f"{what}: 'content_base64' is not valid base64.") from None
    require(len(data) == size and sha256_hex(data) == sha256, what,
            "the photo's bytes do not match its sha256 and size.", sha256=sha256)
    return data


# ----------------------------------------------------------------------------------------------------------------
# ETags (used when offered, never required: pygeoapi 0.21.0 sends none, defect 1)
# ----------------------------------------------------------------------------------------------------------------

class EtagCache:
    """Remembers ETag + body per URL; :meth:`resolve` turns a 304 into the cached body."""

    def __init__(self, max_entries: int = 256) -> None:
        self._entries: Dict[str, Tuple[str, bytes]] = {}
        self.max_entries = max_entries

    def etag_for(self, url: str) -> Optional[str]:
        entry = self._entries.get(url)
        return entry[0] if entry else None

    def resolve(self, request: Request, response: Response) -> Response:
        """The usable answer: a 304 becomes the cached 200; a 200 with an ETag is remembered."""
        if response.status == 304:
            entry = self._entries.get(request.url)
            if entry is None:
                raise MalformedResponse("the server answered 304 Not Modified to a request without a cached copy.",
                                        url=request.url)
            return Response(200, entry[1], response.headers, request.url)
        etag = response.header("ETag")
        if response.status == 200 and etag and (request.url in self._entries or len(self._entries) < self.max_entries):
            self._entries[request.url] = (etag, response.body)
        return response
