"""Sync protocol (pure): request building, paging, defensive parsing of hostile answers."""

from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from planmonitor_plugin.core.sync.errors import (
    Forbidden,
    InvalidGeometry,
    MalformedResponse,
    NotFound,
    PayloadTooLarge,
    Rejected,
    ResponseTooLarge,
    ServerError,
    TruncatedResponse,
    Unauthorized,
    UnsafeLink,
    UnsafeName,
    UnsafeValue,
)
from planmonitor_plugin.core.sync.messages import Headers, Limits, Response, parse_json, status_error
from planmonitor_plugin.core.sync.protocol import (
    CatalogEndpoint,
    EtagCache,
    FeaturePager,
    check_base_url,
    datetime_parameter,
    new_item_id,
    parse_feature_collection,
    parse_photo,
    parse_records,
    photo_item,
    verdict_event,
)

BASE = "http://127.0.0.1:5000"
LIMITS = Limits()


def query(request) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}


def feature(identifier="a1", coordinates=(117.0, 36.0), **properties) -> dict:
    return {"type": "Feature", "id": identifier, "geometry": {"type": "Point", "coordinates": list(coordinates)},
            "properties": properties}


def page(features, next_href=None, **extra) -> Response:
    links = [{"rel": "next", "href": next_href, "type": "application/geo+json"}] if next_href else []
    body = json.dumps({"type": "FeatureCollection", "features": features, "links": links, **extra}).encode()
    return Response(200, body, {"Content-Type": "application/json"}, BASE)


# ----------------------------------------------------------------------------------------------------------------
# Requests
# ----------------------------------------------------------------------------------------------------------------

def test_records_search_carries_every_criterion():
    request = CatalogEndpoint(BASE).search_records(q="监测 图斑", bbox=(117, 36, 117.5, 36.5), record_type="dataset",
                                                   datetime=("2025-01-01", None), limit=20, sortby="-created")
    assert request.method == "GET" and request.url.startswith(f"{BASE}/collections/catalog/items?")
    assert query(request) == {"f": "json", "limit": "20", "q": "监测 图斑", "bbox": "117.0,36.0,117.5,36.5",
                              "type": "dataset", "datetime": "2025-01-01/..", "sortby": "-created"}
    assert request.header("accept").startswith("application/geo+json")
    assert "PlanMonitor" in request.header("User-Agent")


@pytest.mark.parametrize("q", ["a'b", 'say "x"', "back\\slash", "nul\x00", "", "x" * 201, 5])
def test_search_text_that_pygeoapi_would_evaluate_is_refused(q):
    with pytest.raises(UnsafeValue):
        CatalogEndpoint(BASE).search_records(q=q)


@pytest.mark.parametrize("bbox", [(0, 0, 1), (0, 0, float("nan"), 1), (10, 0, 5, 1), (0, -91, 1, 1),
                                  (-181, 0, 1, 1), ("1", 0, 2, 2), (True, 0, 2, 2), "1,2,3,4"])
def test_bad_bboxes_are_refused(bbox):
    with pytest.raises(UnsafeValue):
        CatalogEndpoint(BASE).search_records(bbox=bbox)


def test_datetime_forms():
    import datetime as dt

    assert datetime_parameter("2025-06-01T08:00:00Z") == "2025-06-01T08:00:00Z"
    assert datetime_parameter("2025-01-01/..") == "2025-01-01/.."
    assert datetime_parameter((None, dt.date(2025, 1, 2))) == "../2025-01-02"
    assert datetime_parameter(dt.datetime(2025, 1, 2, 3, 4, 5)) == "2025-01-02T03:04:05Z"
    for bad in ["yesterday", "2025-13", (None, None), "2025-01-01'; drop"]:
        with pytest.raises(UnsafeValue):
            datetime_parameter(bad)


@pytest.mark.parametrize("url", ["ftp://x", "http://user:secret@host/", "https://host/?a=1", "host/path", ""])
def test_base_urls_without_credentials_or_query(url):
    with pytest.raises(UnsafeValue):
        check_base_url(url)


def test_base_url_normalised():
    assert check_base_url("HTTPS://Catalog.Example.cn/oapi/") == "https://catalog.example.cn/oapi"


def test_create_carries_client_id_and_exact_media_type():
    event = verdict_event(new_item_id(), "371525202500001", "confirmed", (117.2, 36.1), "张工", comment="已核查")
    request = CatalogEndpoint(BASE).create_item("verdict_events", event)
    assert request.method == "POST" and request.url == f"{BASE}/collections/verdict_events/items"
    assert request.header("content-type") == "application/geo+json"  # a charset makes pygeoapi read CQL
    body = json.loads(request.body.decode("utf-8"))
    assert body["id"] == event["id"] and body["properties"]["comment"] == "已核查"
    assert body["geometry"] == {"type": "Point", "coordinates": [117.2, 36.1]}


@pytest.mark.parametrize("bad_id", ["../x", "a b", "a'b", "", "a" * 200, None, "x/y", "é"])
def test_item_ids_must_be_safe(bad_id):
    with pytest.raises(UnsafeValue):
        CatalogEndpoint(BASE).get_item("verdict_events", bad_id)


def test_client_ids_are_unique_and_safe():
    ids = {new_item_id() for _ in range(1000)}
    assert len(ids) == 1000 and all(i.startswith("evt-") for i in ids)


def test_get_item_sends_if_none_match_only_with_an_etag():
    endpoint = CatalogEndpoint(BASE)
    assert endpoint.get_item("c", "a1").header("If-None-Match") is None
    assert endpoint.get_item("c", "a1", etag='"v1"').header("if-none-match") == '"v1"'


# ----------------------------------------------------------------------------------------------------------------
# Paging
# ----------------------------------------------------------------------------------------------------------------

def test_pager_follows_next_counts_itself_and_stops_without_next():
    pager = FeaturePager(CatalogEndpoint(BASE), "review_items", limit=2)
    assert query(pager.first()) == {"f": "json", "limit": "2"}
    # numberReturned lies (pygeoapi defect 6): ignored
    request = pager.accept(page([feature("a"), feature("b")], f"{BASE}/collections/review_items/items?offset=2&limit=2",
                                numberReturned=7, numberMatched=3))
    assert query(request) == {"f": "json", "offset": "2", "limit": "2"}  # f=json added (defect 11)
    assert pager.accept(page([feature("c")], numberReturned=2)) is None
    assert [f["id"] for f in pager.features] == ["a", "b", "c"] and pager.pages == 2 and pager.number_matched == 3


def test_pager_stops_on_an_empty_page_even_with_a_next_link():
    pager = FeaturePager(CatalogEndpoint(BASE), "items", limit=2)
    assert pager.accept(page([], f"{BASE}/collections/items/items?offset=2")) is None


def test_pager_refuses_a_looping_server():
    pager = FeaturePager(CatalogEndpoint(BASE), "items", limit=1)
    pager.accept(page([feature("a")], f"{BASE}/collections/items/items?offset=1"))
    with pytest.raises(MalformedResponse, match="already on an earlier page"):
        pager.accept(page([feature("a")], f"{BASE}/collections/items/items?offset=2"))
    pager = FeaturePager(CatalogEndpoint(BASE), "items", limit=1)
    pager.accept(page([feature("a")], f"{BASE}/collections/items/items?offset=1"))
    with pytest.raises(MalformedResponse, match="repeats"):
        pager.accept(page([feature("b")], f"{BASE}/collections/items/items?offset=1"))


def test_pager_never_follows_a_link_to_another_server():
    pager = FeaturePager(CatalogEndpoint(BASE), "items", limit=1)
    with pytest.raises(UnsafeLink):
        pager.accept(page([feature("a")], "http://evil.example/collections/items/items?offset=1"))
    with pytest.raises(UnsafeLink):
        CatalogEndpoint(BASE).follow("http://127.0.0.1:5001/x")


def test_pager_feature_cap():
    pager = FeaturePager(CatalogEndpoint(BASE, limits=Limits(max_features=2)), "items", limit=2)
    with pytest.raises(MalformedResponse, match="more than 2 features"):
        pager.accept(page([feature("a"), feature("b"), feature("c")]))


# ----------------------------------------------------------------------------------------------------------------
# Hostile answers
# ----------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, error", [
    (b"", TruncatedResponse),
    (b'{"type": "FeatureCollection", "features": [{"type": "Feat', TruncatedResponse),
    (b'{"type": "FeatureCollection", "features": [', TruncatedResponse),
    (b"<html>Proxy error</html>", MalformedResponse),
    (b'{"type": "FeatureCollection", "features": [], "x": NaN}', MalformedResponse),
    (b"\xff\xfe not utf-8", MalformedResponse),
    (b"[" * 100_000 + b"]" * 100_000, MalformedResponse),
    (b'["a list"]', MalformedResponse),
    (b'{"type": "Feature"}', MalformedResponse),
    (b'{"type": "FeatureCollection", "features": {"a": 1}}', MalformedResponse),
    (b'{"type": "FeatureCollection", "features": [42]}', MalformedResponse),
    (b'{"type": "FeatureCollection", "features": [], "links": "nope"}', MalformedResponse),
])
def test_malformed_bodies_raise_clear_errors(body, error):
    with pytest.raises(error) as caught:
        parse_feature_collection(Response(200, body, {}, BASE), LIMITS)
    assert str(caught.value) and caught.value.code.startswith("sync.")


def test_body_shorter_than_content_length_is_truncation():
    response = Response(200, b'{"type": "FeatureCollection", "features": []}', {"content-length": "999"})
    with pytest.raises(TruncatedResponse, match="cut off") as caught:
        parse_json(response, LIMITS, "page")
    assert caught.value.details["declared"] == 999 and caught.value.transient


def test_size_limit_applies_to_declared_and_actual_sizes():
    small = Limits(max_body_bytes=100)
    with pytest.raises(ResponseTooLarge):
        parse_json(Response(200, b"{}", {"Content-Length": "101"}), small, "page")
    with pytest.raises(ResponseTooLarge) as caught:
        parse_json(Response(200, b'{"a": "' + b"x" * 200 + b'"}'), small, "page")
    assert caught.value.details["limit"] == 100


@pytest.mark.parametrize("geometry", [
    {"type": "Point", "coordinates": [1e308 * 10, 0]},
    {"type": "Point", "coordinates": [200.0, 36.0]},
    {"type": "Point", "coordinates": [117.0, -95.0]},
    {"type": "Point", "coordinates": ["117", "36"]},
    {"type": "Point", "coordinates": [True, 36.0]},
    {"type": "Point", "coordinates": [117.0]},
    {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1]]]},
    {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]},
    {"type": "LineString", "coordinates": [[0, 0]]},
    {"type": "Polygon", "coordinates": "0 0, 1 1"},
    {"type": "Circle", "coordinates": [0, 0]},
    {"type": "GeometryCollection", "geometries": [{"type": "GeometryCollection", "geometries": []}]},
    "POINT (117 36)",
])
def test_absurd_geometries_are_refused(geometry):
    body = json.dumps({"type": "FeatureCollection", "features": [dict(feature(), geometry=geometry)]})
    body = body.replace("Infinity", "1e400")  # valid JSON that overflows to inf
    with pytest.raises(InvalidGeometry):
        parse_feature_collection(Response(200, body.encode()), LIMITS)


def test_too_many_vertices_are_refused():
    ring = [[117 + i * 1e-6, 36.0] for i in range(2000)] + [[117, 36.001], [117, 36.0]]
    big = {"type": "Polygon", "coordinates": [ring]}
    body = json.dumps({"type": "FeatureCollection", "features": [dict(feature(), geometry=big)]}).encode()
    assert parse_feature_collection(Response(200, body), LIMITS).features
    with pytest.raises(InvalidGeometry, match="more than 1000 vertices"):
        parse_feature_collection(Response(200, body), Limits(max_vertices=1000))


def test_valid_geometries_and_null_geometry_pass():
    geometries = [None, {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]},
                  {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, 2, 3]}]}]
    features = [dict(feature(f"f{i}"), geometry=g) for i, g in enumerate(geometries)]
    assert len(parse_feature_collection(page(features), LIMITS).features) == 3


@pytest.mark.parametrize("bad", [{"id": "../../etc"}, {"id": 1.5}, {"id": None}, {"id": True},
                                 {"type": "Point"}, {"properties": [1, 2]}])
def test_features_with_bad_ids_or_types_are_refused(bad):
    with pytest.raises((MalformedResponse, UnsafeValue)):
        parse_feature_collection(page([dict(feature(), **bad)]), LIMITS)


def test_feature_without_id_is_refused():
    item = feature()
    del item["id"]
    with pytest.raises(MalformedResponse, match="no id"):
        parse_feature_collection(page([item]), LIMITS)


def test_oversized_property_is_refused():
    with pytest.raises(MalformedResponse, match="longer than"):
        parse_feature_collection(page([feature(note="x" * 2000)]), Limits(max_property_bytes=1000))


def test_records_are_parsed_with_links_and_bbox():
    record = {"type": "Feature", "id": "task-1", "geometry": {"type": "Polygon", "coordinates": [
        [[117, 36], [118, 36], [118, 37], [117, 37], [117, 36]]]}, "properties": {
        "type": "task-package", "title": "任务包", "keywords": ["任务包", "review"], "created": "2025-06-01T08:00:00Z"},
        "links": [{"rel": "item", "href": f"{BASE}/collections/review_items/items", "type": "application/json"}]}
    records, next_href = parse_records(page([record]), LIMITS)
    assert next_href is None
    (task,) = records
    assert (task.type, task.title, task.bbox, task.keywords) == ("task-package", "任务包", (117, 36, 118, 37),
                                                                 ("任务包", "review"))
    assert task.links_to("item")[0].href.endswith("review_items/items")


@pytest.mark.parametrize("properties", [{"title": 5}, {"keywords": "a,b"}, {"keywords": [1]}, {"type": ["x"]}])
def test_records_with_wrong_types_are_refused(properties):
    record = {"type": "Feature", "id": "r1", "geometry": None, "properties": properties}
    with pytest.raises(MalformedResponse):
        parse_records(page([record]), LIMITS)


# ----------------------------------------------------------------------------------------------------------------
# Status codes, headers, ETags
# ----------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("status, cls, words", [(401, Unauthorized, "credentials"), (403, Forbidden, "allow"),
                                                (404, NotFound, "URL"), (413, PayloadTooLarge, "too large"),
                                                (400, Rejected, "rejected"), (503, ServerError, "retried")])
def test_status_errors_have_clear_messages(status, cls, words):
    body = json.dumps({"code": "X", "description": "bad thing\x1b[31m"}).encode()
    error = status_error(Response(status, body, {}, f"{BASE}/x"), "push evt-1")
    assert isinstance(error, cls) and words in str(error) and str(status) in str(error)
    assert error.details["status"] == status and error.details["server"] == "bad thing [31m"
    assert error.transient == (status >= 500)


def test_headers_are_case_insensitive():
    headers = Headers([("Etag", '"abc"'), ("Content-Type", "application/json")])
    assert headers.get("ETag") == headers.get("etag") == '"abc"' and "CONTENT-TYPE" in headers
    assert Response(200, b"", {"LOCATION": "x"}).header("Location") == "x"


def test_etag_cache_uses_etags_when_offered_and_works_without():
    cache, endpoint = EtagCache(), CatalogEndpoint(BASE)
    request = endpoint.get_item("c", "a1")
    first = cache.resolve(request, Response(200, b'{"v": 1}', {"Etag": '"v1"'}))  # waitress spelling
    assert first.body == b'{"v": 1}' and cache.etag_for(request.url) == '"v1"'
    again = cache.resolve(request, Response(304, b"", {}))
    assert again.status == 200 and again.body == b'{"v": 1}'
    plain = endpoint.get_item("c", "a2")
    assert cache.resolve(plain, Response(200, b"{}", {})).status == 200 and cache.etag_for(plain.url) is None
    with pytest.raises(MalformedResponse, match="304"):
        cache.resolve(plain, Response(304, b"", {}))


# ----------------------------------------------------------------------------------------------------------------
# Photos
# ----------------------------------------------------------------------------------------------------------------

def test_photo_item_carries_sha256_size_and_a_safe_name():
    data = b"\xff\xd8 jpeg bytes"
    item = photo_item("photo-1", "evt-1", "C:\\相册\\..\\现场.jpg", data, (117.2, 36.1))
    props = item["properties"]
    assert props["name"] == "现场.jpg" and props["size"] == len(data)
    assert base64.b64decode(props["content_base64"]) == data
    assert parse_photo(item).data == data


def test_big_photos_go_as_links():
    with pytest.raises(UnsafeValue, match="link"):
        photo_item("photo-1", "evt-1", "a.jpg", b"x" * 101, (117, 36), limits=Limits(max_inline_photo_bytes=100))
    item = photo_item("photo-1", "evt-1", "a.jpg", None, (117, 36), href=f"{BASE}/files/a.jpg",
                      sha256="0" * 64, size=5)
    assert item["properties"]["href"].endswith("a.jpg") and "content_base64" not in item["properties"]


@pytest.mark.parametrize("name", ["../../.bashrc", "a/b.jpg", "..\\x.jpg", "C:evil.jpg", "nul.jpg", ".hidden",
                                  "bell\x07.jpg", "", None, "x" * 300])
def test_received_photo_names_that_could_escape_are_refused(name):
    item = photo_item("photo-1", "evt-1", "ok.jpg", b"data", (117, 36))
    item["properties"]["name"] = name
    with pytest.raises(UnsafeName):
        parse_photo(item)


def test_received_photo_with_wrong_checksum_is_refused():
    item = photo_item("photo-1", "evt-1", "ok.jpg", b"data", (117, 36))
    item["properties"]["content_base64"] = base64.b64encode(b"DATA").decode()
    with pytest.raises(MalformedResponse, match="sha256"):
        parse_photo(item)
    item["properties"]["content_base64"] = "not base64!!"
    with pytest.raises(MalformedResponse, match="base64"):
        parse_photo(item)
