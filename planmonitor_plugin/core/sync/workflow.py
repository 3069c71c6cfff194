"""Sync operations on a work package, over any ``send(request) -> Response`` (QGIS in the plugin, urllib in tests).

* :func:`pull_task_package` — a catalog record's review items into a work package, page by page: resumable
  (items are upserted by id: a re-run skips what is there) and cancellable between pages;
* :func:`push_outbox` — events, then photos, each through :class:`~.retry.IdempotentPush`; every receipt is
  written into the work package at once, and nothing leaves the outbox until the server acknowledged it;
* :func:`pull_events` — events on the server that the package lacks, merged with the work-package merge rules
  (conflicts listed);
* :func:`export_outbox` / :func:`import_exchange` — the same exchange through a folder (air-gapped networks).

Server ids: ``evt-<event uuid>`` and ``photo-<photo uuid>`` (client-generated, so a retry is recognised).
"""

from __future__ import annotations

import json
import re
import time
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import pandas as pd
import shapely
from shapely.geometry import shape

from planmonitor_plugin.__about__ import __version__
from planmonitor_plugin.core.errors import Cancelled, InputError, PlanMonitorError
from planmonitor_plugin.core.sync import exchange
from planmonitor_plugin.core.sync.errors import (
    Forbidden,
    MalformedResponse,
    NotFound,
    SyncError,
    Unauthorized,
    UnsafeName,
    UnsafeValue,
)
from planmonitor_plugin.core.sync.messages import Limits, parse_json, require
from planmonitor_plugin.core.sync.protocol import (
    DEFAULT_LIMITS,
    CatalogEndpoint,
    CatalogRecord,
    FeaturePager,
    parse_record,
    photo_item,
    verdict_event,
)
from planmonitor_plugin.core.sync.retry import IdempotentPush, RetryPolicy, fetch
from planmonitor_plugin.core.sync.validate import check_attachment_name, check_feature, check_id
from planmonitor_plugin.core.workpackage import WorkPackage, db, events, gpkg
from planmonitor_plugin.core.workpackage.photos import photo_row
from planmonitor_plugin.core.workpackage.schema import VERDICT_CODES
from planmonitor_plugin.core.workpackage.timestamps import normalised_utc, utc_now

EVENT_PREFIX, PHOTO_PREFIX = "evt-", "photo-"
DEFAULT_COLLECTIONS = {"items": "review_items", "events": "verdict_events", "photos": "photos"}
#: package_info keys written when a pull creates the package (used by later pushes).
INFO_KEYS = {"items": "items_collection", "events": "events_collection", "photos": "photos_collection"}
#: Refusals that concern the connection, not one item: the push stops, the item is not marked rejected.
CONNECTION_ERRORS = (Unauthorized, Forbidden, NotFound)
DEFAULT_POLICY = RetryPolicy()
_COLLECTION_PATH = re.compile(r"/collections/([A-Za-z0-9][A-Za-z0-9._:-]{0,127})/items/?$")


@dataclass
class Hooks:
    """Progress (fraction 0–1 or None, text), cancellation and an interruptible sleep for the backoff."""

    progress: Optional[Callable[[Optional[float], str], None]] = None
    cancelled: Optional[Callable[[], bool]] = None

    def report(self, fraction: Optional[float], text: str) -> None:
        if self.progress:
            self.progress(fraction, text)

    def check(self) -> None:
        if self.cancelled and self.cancelled():
            raise Cancelled("cancelled by the user")

    def sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.check()
            time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))


# ----------------------------------------------------------------------------------------------------------------
# Catalog records and review items
# ----------------------------------------------------------------------------------------------------------------

def fetch_record(send, endpoint: CatalogEndpoint, record_id: str, policy: RetryPolicy = DEFAULT_POLICY,
                 hooks: Optional[Hooks] = None) -> CatalogRecord:
    """One catalog record by id (task package or dataset)."""
    hooks = hooks or Hooks()
    request = endpoint.get_item(endpoint.catalog_collection, record_id, purpose="catalog record")

    def parse(response):
        document = parse_json(response, endpoint.limits, "catalog record")
        return parse_record(check_feature(document, endpoint.limits, "catalog record"), "catalog record")

    return fetch(send, request, policy, parse=parse, sleep=hooks.sleep)


def record_collections(record: CatalogRecord, endpoint: CatalogEndpoint) -> Dict[str, str]:
    """The record's items / events / photos collections (properties, else its links, else the defaults)."""
    names = dict(DEFAULT_COLLECTIONS)
    for key, prop in INFO_KEYS.items():
        value = record.properties.get(prop)
        if value is not None:
            names[key] = check_id(value, prop)
        elif key == "items":
            for link in record.links_to("item"):
                match = _COLLECTION_PATH.search(endpoint.check_link(link.href).split("?")[0])
                if match:
                    names[key] = match.group(1)
                    break
    return names


def task_metadata(record: CatalogRecord, endpoint: CatalogEndpoint, names: Mapping[str, str]) -> Dict[str, str]:
    """package_info of a work package created from a task record."""
    version = record.properties.get("updated") or record.created
    info = {"task_id": record.id, "task_name": record.title or record.id, "catalog_url": endpoint.base_url,
            "catalog_record": record.id, "catalog_version": str(version or "")}
    info.update({INFO_KEYS[key]: names[key] for key in INFO_KEYS})
    return info


_ITEM_FIELDS = {"JCTBBH": "JCTBBH", "XZQDM": "township_code", "XZQMC": "township_name", "BGQDL": "class_before",
                "BGHDL": "class_after", "XMMC": "XMMC"}


def _scalar_text(value: Any, what: str) -> Optional[str]:
    if value is None:
        return None
    require(isinstance(value, (str, int)) and not isinstance(value, bool), what, "must be text or an integer.")
    return str(value)


def items_frame(features: Sequence[dict], collection: str) -> Tuple[pd.DataFrame, List[Any]]:
    """Review-item rows and shapely geometries from checked GeoJSON features (polygons, lon/lat)."""
    rows, shapes = [], []
    for feature in features:
        identifier, properties = str(feature["id"]), feature["properties"]
        what = f"review item {identifier}"
        geometry = shape(feature["geometry"]) if feature.get("geometry") else None
        require(geometry is None or geometry.geom_type in ("Polygon", "MultiPolygon"), what,
                f"a polygon is needed, got {getattr(geometry, 'geom_type', '')}.")
        row = {"item_id": identifier, "kind": "change_patch", "source_layer": f"catalog:{collection}",
               "class_scheme": "sandiao"}
        for key, column in _ITEM_FIELDS.items():
            row[column] = _scalar_text(properties.get(key), f"{what} {key}")
        row["check_results"] = {"catalog_properties": {k: v for k, v in properties.items() if k not in _ITEM_FIELDS}}
        rows.append(row)
        shapes.append(geometry)
    return pd.DataFrame(rows), shapes


@dataclass
class PullResult:
    path: Path
    record: CatalogRecord
    created: bool
    pages: int = 0
    features: int = 0
    number_matched: Optional[int] = None
    counts: Dict[str, int] = field(default_factory=lambda: {"inserted": 0, "updated": 0, "unchanged": 0})


def pull_task_package(send, endpoint: CatalogEndpoint, package_path, record_id: str,
                      bbox: Optional[Sequence[float]] = None, page_size: int = 100,
                      policy: RetryPolicy = DEFAULT_POLICY, hooks: Optional[Hooks] = None) -> PullResult:
    """Download the task's review items into the work package at ``package_path`` (created when missing)."""
    hooks = hooks or Hooks()
    record = fetch_record(send, endpoint, record_id, policy, hooks)
    names = record_collections(record, endpoint)
    path = Path(package_path)
    created = not path.exists()
    package = (WorkPackage.create(path, task_metadata(record, endpoint, names)) if created
               else WorkPackage.open(path))
    result = PullResult(path, record, created)
    with package:
        pager = FeaturePager(endpoint, names["items"], limit=page_size, bbox=bbox)
        request = pager.first()
        while request is not None:
            hooks.check()
            before = len(pager.features)
            request = fetch(send, request, policy, parse=pager.accept, sleep=hooks.sleep)
            page = pager.features[before:]
            if page:  # one transaction per page: a cancel or a crash keeps the pages already written
                for key, value in package.add_review_items(*items_frame(page, names["items"])).items():
                    result.counts[key] += value
            result.pages, result.features, result.number_matched = pager.pages, len(pager.features), \
                pager.number_matched
            total = pager.number_matched
            hooks.report(min(1.0, len(pager.features) / total) if total else None,
                         f"{len(pager.features)} items downloaded")
    return result


# ----------------------------------------------------------------------------------------------------------------
# Outbox → GeoJSON features
# ----------------------------------------------------------------------------------------------------------------

def _present(value: Any) -> bool:
    return value is not None and value == value and value != "" and value != []


def item_points(package: WorkPackage) -> Dict[str, Tuple[float, float]]:
    """A point on each review item (the push's event geometry; never null: pygeoapi defect 7)."""
    items = package.review_items()
    points = {}
    for item_id, geometry in zip(items["item_id"], items["geometry"]):
        if geometry is not None and not geometry.is_empty:
            point = shapely.point_on_surface(geometry)
            points[item_id] = (round(point.x, 9), round(point.y, 9))
    return points


def event_feature(event: Mapping[str, Any], point: Optional[Tuple[float, float]], task_id: str = "") -> dict:
    """The Part 4 feature of one verdict event (deterministic: a resumed push sends the same item)."""
    if point is None:
        raise InputError(f"review item {event['item_id']!r} has no geometry: its verdict cannot be placed",
                         item_id=event["item_id"])
    supersedes = list(event.get("supersedes_all") or ([event["supersedes"]] if _present(event.get("supersedes"))
                                                      else []))
    extra = {"event_uuid": event["event_uuid"], "sub_type": event.get("sub_type"), "device": event.get("device"),
             "created_local": event.get("created_local"), "supersedes": supersedes, "task_id": task_id}
    extra = {key: value for key, value in extra.items() if _present(value)}
    return verdict_event(EVENT_PREFIX + event["event_uuid"], str(event["item_id"]), event["verdict"], point,
                         event["reviewer"], recorded_at=event["created_utc"], comment=event.get("note") or "",
                         **extra)


def photo_feature(photo: Mapping[str, Any], data: Optional[bytes], point: Optional[Tuple[float, float]],
                  task_id: str = "", href: Optional[str] = None, limits: Limits = DEFAULT_LIMITS) -> dict:
    """The Part 4 feature of one photo: inline bytes (``data``) or a link (``href``), with sha256 and size."""
    lonlat = ((photo["exif_lon"], photo["exif_lat"]) if _present(photo.get("exif_lon"))
              and _present(photo.get("exif_lat")) else point)
    if lonlat is None:
        raise InputError(f"photo {photo['file_name']!r} has no position and its item no geometry",
                         photo_uuid=photo["photo_uuid"])
    event_uuid = photo.get("event_uuid")
    feature = photo_item(PHOTO_PREFIX + photo["photo_uuid"], EVENT_PREFIX + event_uuid if _present(event_uuid)
                         else "none", photo["file_name"], data, lonlat, photo.get("mime") or "application/octet-stream",
                         href=href, sha256=photo["sha256"], size=int(photo["size_bytes"]), limits=limits)
    feature["properties"].update({"photo_uuid": photo["photo_uuid"], "item_id": str(photo["item_id"]),
                                  **({"task_id": task_id} if task_id else {})})
    return feature


# ----------------------------------------------------------------------------------------------------------------
# Push
# ----------------------------------------------------------------------------------------------------------------

@dataclass
class PushResult:
    """One row per outbox entry handled: uuid, kind, item_id, status, reason, attempts."""

    receipts: List[Dict[str, Any]] = field(default_factory=list)
    stopped: str = ""  #: why the push stopped early (server unreachable), else empty

    def count(self, status: str) -> int:
        return sum(1 for row in self.receipts if row["status"] == status)


def collections_of(package: WorkPackage, names: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """Collections to use: given names, else those stored at pull time, else the defaults."""
    info = package.info
    result = {key: info.get(INFO_KEYS[key]) or default for key, default in DEFAULT_COLLECTIONS.items()}
    result.update({key: value for key, value in (names or {}).items() if value})
    return result


def _drive(send, push: IdempotentPush, hooks: Hooks):
    request = push.next_request()
    while request is not None:
        if push.wait:
            hooks.sleep(push.wait)
        try:
            outcome = send(request)
        except SyncError as error:
            outcome = error
        push.feed(outcome)
        request = push.next_request()
    return push.receipt


def _outbox_features(package: WorkPackage, limits: Limits, kinds: Sequence[str] = ("event", "photo")
                     ) -> Iterable[Tuple[Mapping[str, Any], Any]]:
    """(outbox row, feature or the local problem) for events, then photos."""
    outbox = package.outbox(include_rejected=True)
    event_rows = package.verdict_events(list(outbox.loc[outbox["kind"] == "event", "uuid"]))
    by_event = {row["event_uuid"]: row for row in event_rows.to_dict("records")}
    photos = {row["photo_uuid"]: row for row in package.photos().to_dict("records")}
    points, task_id = item_points(package), package.info.get("task_id", "")
    for kind in kinds:
        for row in outbox[outbox["kind"] == kind].to_dict("records"):
            try:
                if kind == "event":
                    event = by_event[row["uuid"]]
                    yield row, event_feature(event, points.get(event["item_id"]), task_id)
                else:
                    photo = photos[row["uuid"]]
                    data = package.photo_data(row["uuid"])
                    yield row, photo_feature(photo, data, points.get(photo["item_id"]), task_id, limits=limits)
            except (InputError, UnsafeValue) as problem:
                yield row, problem


def push_outbox(send, endpoint: CatalogEndpoint, package: WorkPackage, names: Optional[Mapping[str, str]] = None,
                policy: RetryPolicy = DEFAULT_POLICY, hooks: Optional[Hooks] = None,
                include_rejected: bool = False) -> PushResult:
    """Push the outbox; receipts go into the package one by one (a crash loses no acknowledgement)."""
    hooks, result = hooks or Hooks(), PushResult()
    collections = collections_of(package, names)
    outbox = package.outbox(include_rejected=include_rejected)
    total = len(outbox)
    work = ((row, feature) for row, feature in _outbox_features(package, endpoint.limits)  # photos read lazily
            if include_rejected or not row["rejected"])
    for index, (row, feature) in enumerate(work):
        hooks.check()
        entry = {"uuid": row["uuid"], "kind": row["kind"], "item_id": row["item_id"], "attempts": 0}
        if isinstance(feature, PlanMonitorError):
            result.receipts.append({**entry, "status": "skipped", "reason": str(feature)})
            continue
        collection = collections["events" if row["kind"] == "event" else "photos"]
        push = IdempotentPush(endpoint, collection, feature, policy)
        receipt = _drive(send, push, hooks)
        if receipt.status == "rejected" and isinstance(push.last_error, CONNECTION_ERRORS):
            raise push.last_error  # credentials or URL: nothing is wrong with the item itself
        result.receipts.append(_record(package, entry, receipt))
        hooks.report((index + 1) / max(1, total), f"{index + 1}/{total} pushed")
        if receipt.status == "failed":
            result.stopped = receipt.message
            break
    return result


def _record(package: WorkPackage, entry: Dict[str, Any], receipt) -> Dict[str, Any]:
    entry = {**entry, "attempts": receipt.attempts, "location": receipt.location}
    if receipt.status == "accepted":
        status = "duplicate" if receipt.already_stored else "accepted"
        reason = "already on the server (an earlier answer was lost)" if receipt.already_stored else None
        package.record_receipt(entry["uuid"], status, reason)
        return {**entry, "status": status, "reason": reason or ""}
    reason = f"{receipt.code}: {receipt.message}"
    if receipt.status == "rejected":
        package.record_receipt(entry["uuid"], "rejected", reason)
    return {**entry, "status": receipt.status, "reason": reason}  # failed: stays in the outbox, unflagged


# ----------------------------------------------------------------------------------------------------------------
# Incoming events and photos (server or exchange package) → work package, through the merge rules
# ----------------------------------------------------------------------------------------------------------------

def _text_field(properties: Mapping[str, Any], key: str, what: str, required: bool = False) -> Optional[str]:
    value = properties.get(key)
    if value is None or value == "":
        require(not required, what, f"'{key}' is missing.")
        return None
    require(isinstance(value, str), what, f"'{key}' must be text.")
    return value


def event_from_feature(feature: dict, origin: str) -> Dict[str, Any]:
    """A work-package event row from a checked verdict-event feature (types checked, hostile values refused)."""
    properties, what = feature["properties"], f"verdict event {feature['id']}"
    event_uuid = properties.get("event_uuid") or str(feature["id"]).replace(EVENT_PREFIX, "", 1)
    check_id(event_uuid, f"{what} event_uuid")
    item_id = properties.get("item_id")
    require(isinstance(item_id, (str, int)) and not isinstance(item_id, bool), what, "'item_id' must be text.")
    verdict = _text_field(properties, "verdict", what, required=True)
    require(verdict in VERDICT_CODES, what, f"unknown verdict {verdict!r} (expected {', '.join(VERDICT_CODES)}).")
    created = normalised_utc(_text_field(properties, "recorded_at", what, required=True))
    require(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", created or "") is not None, what,
            "'recorded_at' is not an ISO 8601 time.")
    supersedes = properties.get("supersedes") or []
    require(isinstance(supersedes, list) and all(isinstance(s, str) for s in supersedes), what,
            "'supersedes' must be a list of event ids.")
    return {"event_uuid": event_uuid, "item_id": str(item_id), "verdict": verdict,
            "sub_type": _text_field(properties, "sub_type", what), "note": _text_field(properties, "comment", what),
            "reviewer": _text_field(properties, "reviewer", what, required=True),
            "device": _text_field(properties, "device", what), "created_utc": created,
            "created_local": _text_field(properties, "created_local", what),
            "supersedes": supersedes[0] if supersedes else None, "origin": origin, "supersedes_all": supersedes}


def merge_incoming(package: WorkPackage, incoming_events: Sequence[Mapping[str, Any]],
                   incoming_photos: Sequence[Tuple[Mapping[str, Any], bytes]] = ()) -> pd.DataFrame:
    """Merge events (and photos) by the work-package merge rules, through a temporary package beside it."""
    if not incoming_events and not incoming_photos:
        return pd.DataFrame(columns=["kind", "event_uuid", "photo_uuid", "item_id", "outcome", "detail",
                                     "conflicts_with"])
    info = package.info
    temporary = package.path.with_name(f".{package.path.name}.{uuidlib.uuid4().hex[:8]}.incoming.gpkg")
    try:
        with WorkPackage.create(temporary, {"task_id": info["task_id"], "task_name": info.get("task_name") or "-"},
                                package.verdict_types) as staging:
            with db.transaction(staging.connection):
                for event in incoming_events:
                    row = {key: event.get(key) for key in events.EVENT_COLUMNS}
                    events.insert_event(staging.connection, row, event.get("supersedes_all") or ())
                for photo, data in incoming_photos:
                    _insert_photo(staging.connection, photo, data)
        return package.import_package(temporary)
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            if leftover.exists():
                leftover.unlink()


def _insert_photo(connection, photo: Mapping[str, Any], data: bytes) -> None:
    row = photo_row(data, photo["file_name"])
    row.update(photo_uuid=photo["photo_uuid"], item_id=photo["item_id"], event_uuid=photo.get("event_uuid"),
               added_utc=utc_now(), origin=photo.get("origin"))
    columns = list(row)
    connection.execute(f"INSERT INTO photos ({', '.join(columns)}) VALUES ({db.placeholders(len(columns))})",
                       [row[c] for c in columns])
    gpkg.touch(connection, "photos", "geom")


@dataclass
class IncomingResult:
    report: pd.DataFrame  #: the merge report (accepted / duplicate / conflicting / rejected per event)
    refused: List[Dict[str, str]] = field(default_factory=list)  #: incoming entries refused before the merge
    seen: int = 0

    def count(self, outcome: str) -> int:
        return int((self.report["outcome"] == outcome).sum()) if len(self.report) else 0


def pull_events(send, endpoint: CatalogEndpoint, package: WorkPackage, names: Optional[Mapping[str, str]] = None,
                policy: RetryPolicy = DEFAULT_POLICY, hooks: Optional[Hooks] = None) -> IncomingResult:
    """Events on the server (of this task) that the package lacks: merged, conflicts listed.

    They are already on the server, so they get a ``duplicate`` receipt and never re-enter the outbox.
    """
    hooks = hooks or Hooks()
    collection, task_id = collections_of(package, names)["events"], package.info.get("task_id")
    pager = FeaturePager(endpoint, collection, limit=500, filters={"task_id": task_id} if task_id else None)
    request = pager.first()
    while request is not None:
        hooks.check()
        request = fetch(send, request, policy, parse=pager.accept, sleep=hooks.sleep)
        hooks.report(None, f"{len(pager.features)} events read")
    known = set(package.verdict_events()["event_uuid"])
    incoming, refused = [], []
    for feature in pager.features:
        try:
            event = event_from_feature(feature, "server")
        except (MalformedResponse, UnsafeValue) as problem:
            refused.append({"id": str(feature["id"]), "reason": str(problem)})
            continue
        if event["event_uuid"] not in known:
            incoming.append(event)
    report = merge_incoming(package, incoming)
    merged = report[report["outcome"].isin(["accepted", "conflicting"])]["event_uuid"] if len(report) else []
    package.record_receipts([{"uuid": u, "status": "duplicate", "reason": "pulled from the catalog"} for u in merged])
    return IncomingResult(report, refused, len(pager.features))


# ----------------------------------------------------------------------------------------------------------------
# Exchange packages (air-gapped)
# ----------------------------------------------------------------------------------------------------------------

def export_outbox(package: WorkPackage, folder, producer: str = "") -> exchange.Manifest:
    """The outbox (events and photos, not yet acknowledged) as an exchange package in an empty ``folder``."""
    files: Dict[str, bytes] = {}
    for row, feature in _outbox_features(package, Limits(), kinds=("event",)):
        if isinstance(feature, PlanMonitorError):
            raise feature
        files[f"events/{row['uuid']}.json"] = _json_bytes(feature)
    photos = {row["photo_uuid"]: row for row in package.photos().to_dict("records")}
    points, task_id = item_points(package), package.info.get("task_id", "")
    outbox = package.outbox(include_rejected=True)
    for photo_uuid in outbox.loc[outbox["kind"] == "photo", "uuid"]:
        photo = photos[photo_uuid]
        data_path = f"photos/{photo_uuid}/{_safe_name(photo['file_name'], photo_uuid)}"
        files[data_path] = package.photo_data(photo_uuid)
        feature = photo_feature(photo, None, points.get(photo["item_id"]), task_id, href=data_path)
        files[f"photos/{photo_uuid}.json"] = _json_bytes(feature)
    info = package.info
    return exchange.export_package(folder, files, producer or f"PlanMonitor {__version__}", kind="outbox",
                                   extra={"task_id": info.get("task_id"), "source_package_id": info.get("package_id")})


def _safe_name(name: str, fallback: str) -> str:
    from planmonitor_plugin.core.sync.validate import sanitise_attachment_name

    return sanitise_attachment_name(name, f"{fallback}.bin")


def _json_bytes(feature: dict) -> bytes:
    return json.dumps(feature, ensure_ascii=False, allow_nan=False, indent=1).encode("utf-8")


def import_exchange(source, package: WorkPackage, staging=None, limits: Limits = DEFAULT_LIMITS) -> IncomingResult:
    """Verify an exchange package (refused if tampered or partial), copy it beside the work package and merge."""
    staging = Path(staging) if staging is not None else package.path.with_name(package.path.stem + "_exchange")
    task_id = exchange.read_manifest(source).extra.get("task_id")
    if task_id and task_id != package.info.get("task_id"):
        raise InputError(f"the exchange package belongs to task {task_id!r}, not {package.info.get('task_id')!r}",
                         task_id=task_id)
    copied = exchange.import_package(source, staging)  # verify + copy; raises naming every problem
    manifest = exchange.read_manifest(copied)
    incoming_events, incoming_photos, refused = [], [], []
    origin = f"exchange:{manifest.package_id}"
    for entry in manifest.files:
        if not entry.path.endswith(".json") or entry.path.count("/") != 1:
            continue
        try:
            feature = _read_feature(copied, entry.path, limits)
            if entry.path.startswith("events/"):
                incoming_events.append(event_from_feature(feature, origin))
            elif entry.path.startswith("photos/"):
                incoming_photos.append(_photo_from_feature(copied, feature, origin, manifest))
        except (MalformedResponse, UnsafeValue, UnsafeName) as problem:
            refused.append({"id": entry.path, "reason": str(problem)})
    return IncomingResult(merge_incoming(package, incoming_events, incoming_photos), refused,
                          len(incoming_events) + len(incoming_photos))


def _read_feature(folder: Path, relative: str, limits: Limits) -> dict:
    try:
        document = json.loads(folder.joinpath(*relative.split("/")).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as problem:
        raise MalformedResponse(f"{relative}: not valid JSON ({problem})", path=relative) from None
    return check_feature(document, limits, relative, require_geometry=True)


def _photo_from_feature(folder: Path, feature: dict, origin: str, manifest) -> Tuple[Dict[str, Any], bytes]:
    properties, what = feature["properties"], f"photo {feature['id']}"
    name = check_attachment_name(properties.get("name"), f"{what} name")
    href = _text_field(properties, "href", what, required=True)
    listed = {e.path: e for e in manifest.files}
    require(href in listed, what, f"its file {href!r} is not in the package.")
    require(listed[href].sha256 == properties.get("sha256"), what, "its sha256 differs from the manifest.")
    data = folder.joinpath(*exchange.check_package_path(href).split("/")).read_bytes()
    photo_uuid = check_id(properties.get("photo_uuid") or str(feature["id"]).replace(PHOTO_PREFIX, "", 1))
    item_id = properties.get("item_id")
    require(isinstance(item_id, str), what, "'item_id' must be text.")
    event = properties.get("event_id")
    event_uuid = event[len(EVENT_PREFIX):] if isinstance(event, str) and event.startswith(EVENT_PREFIX) else None
    return {"photo_uuid": photo_uuid, "item_id": item_id, "event_uuid": event_uuid, "file_name": name,
            "origin": origin}, data


def exchange_folder_name(package: WorkPackage) -> str:
    """A default folder name for an export: task and time, safe on every file system."""
    stamp = utc_now().replace(":", "").replace("-", "")[:15]
    return f"{Path(package.path).stem}_outbox_{stamp}"


__all__ = ["Hooks", "IncomingResult", "PullResult", "PushResult", "collections_of", "event_feature",
           "event_from_feature", "export_outbox", "fetch_record", "import_exchange", "items_frame", "merge_incoming",
           "photo_feature", "pull_events", "pull_task_package", "push_outbox", "record_collections"]
