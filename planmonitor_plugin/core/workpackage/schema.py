"""Schema of a work package (审查工作包), its version and its forward migrations.

A work package is one GeoPackage; every table below is registered in
``gpkg_contents`` (features in EPSG:4490, or ``attributes``) and has an
``fid INTEGER PRIMARY KEY AUTOINCREMENT``. Times ``*_utc`` are ISO 8601 UTC with
milliseconds and ``Z`` (``2026-11-24T06:46:12.123Z``, the GeoPackage DATETIME form);
``created_local`` keeps the reviewer's offset (``2026-11-24T14:46:12.123+08:00``).

``package_info`` (attributes) — key/value: package_id (uuid4 of this file), task_id, task_name,
    created_utc, creator, schema_version, rule_pack_id, rule_pack_version, catalog_version,
    verdict_types (the JSON list in force for this task), and for a field package
    parent_package_id and export_id.
``pilot_areas`` (MULTIPOLYGON) — area_id (unique), name, township_code, township_name,
    area_m2/area_ha/area_mu (ellipsoidal).
``review_items`` (MULTIPOLYGON) — item_id (unique), kind (change_patch / site / finding),
    pilot_area_id, township_code, township_name, JCTBBH, XMMC, rule_ids (JSON list), status
    (summary from the checks), check_results (JSON), class_before / class_after (BGQDL / BGHDL
    for patches; intended / planned use for sites), class_scheme, area_m2 / area_ha / area_mu,
    source_layer, source_fid, added_utc, updated_utc.
``verdict_events`` (attributes, APPEND-ONLY) — event_uuid (uuid4, unique), item_id, verdict
    ('legal' 合法 / 'illegal' 违法 / 'other' 其他), sub_type, note, reviewer, device, created_utc,
    created_local, supersedes (one event_uuid or NULL), origin ('local', 'package:<id>', 'server';
    NULL = local), stored_utc (when the row entered *this* file; NULL when a GIS form added the row,
    as OGR writes NULL rather than the column default).
``verdict_supersedes`` (attributes, APPEND-ONLY) — every "event_uuid supersedes superseded_uuid"
    link. An insert trigger copies ``verdict_events.supersedes`` here, so a row added by a
    plain form (QGIS, QField) is linked too; an event that resolves a conflict supersedes several
    events: the first in its ``supersedes`` column, all of them here.
    Current verdict of an item = its newest event (created_utc, then fid) that no link supersedes.
``photos`` (POINT at the EXIF position, APPEND-ONLY) — photo_uuid (unique), item_id, event_uuid,
    file_name (original, Chinese kept), mime, size_bytes, sha256, data (BLOB), exif_lon, exif_lat,
    exif_altitude, exif_bearing, exif_taken_at, added_utc, origin.
``indicator_snapshots`` (attributes) — unit_code (pilot area id or unit code), unit_name,
    indicator_id, name_zh, name_en, year, value, unit, target, deviation, warning_level, status,
    reason, computed_at, catalog_version, extra (JSON of any other input columns).
``sync_outbox`` (attributes) — uuid (unique), kind ('event' / 'photo'), queued_utc, rejected (0/1),
    last_reason. Insert triggers on verdict_events and photos queue every new row, whoever wrote
    it (this API, a QGIS form, an import); a row leaves only when a receipt says accepted or
    duplicate. A field package starts with an empty outbox (the office sends what it exported).
``sync_receipts`` (attributes, APPEND-ONLY) — uuid, status (accepted / rejected / duplicate),
    reason, server_time, received_utc.
``exports`` / ``export_base`` (attributes) — each field-package export (export_id, created_utc,
    target_file_name, pilot_area_ids JSON, polygon_wkt, item_count) and, per exported item, the
    newest event at export time (base_event_uuid, NULL if none). Written in both packages.
``import_log`` (attributes, APPEND-ONLY) — one row per imported event or photo: import_id,
    imported_utc, source_package_id, source_file_name, kind, event_uuid, photo_uuid, item_id,
    outcome (accepted / duplicate / conflicting / rejected), detail, conflicts_with.

Versions: ``schema_version`` in package_info. :data:`MIGRATIONS` ``[k]`` upgrades version k+1 to
k+2; opening an older package runs the missing ones in the caller's transaction, opening a
newer one raises :class:`PackageVersionError`.
"""

from __future__ import annotations

import sqlite3
from typing import Callable, List

from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.core.workpackage import gpkg

#: Migration functions; ``MIGRATIONS[k]`` upgrades schema version k+1 to k+2 on an open transaction.
MIGRATIONS: List[Callable[[sqlite3.Connection], None]] = []

APPEND_ONLY = ("verdict_events", "verdict_supersedes", "photos", "sync_receipts", "import_log")
FEATURE_TABLES = {"pilot_areas": "MULTIPOLYGON", "review_items": "MULTIPOLYGON", "photos": "POINT"}
ITEM_KINDS = ("change_patch", "site", "finding")
VERDICT_CODES = ("legal", "illegal", "other")
RECEIPT_STATUSES = ("accepted", "rejected", "duplicate")
IMPORT_OUTCOMES = ("accepted", "duplicate", "conflicting", "rejected")

_PK = "fid INTEGER PRIMARY KEY AUTOINCREMENT"


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


TABLES_SQL = f"""
CREATE TABLE package_info ({_PK}, key TEXT NOT NULL UNIQUE, value TEXT);
CREATE TABLE pilot_areas ({_PK}, geom MULTIPOLYGON, area_id TEXT NOT NULL UNIQUE, name TEXT,
  township_code TEXT, township_name TEXT, area_m2 REAL, area_ha REAL, area_mu REAL);
CREATE TABLE review_items ({_PK}, geom MULTIPOLYGON, item_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN {_in(ITEM_KINDS)}), pilot_area_id TEXT, township_code TEXT,
  township_name TEXT, JCTBBH TEXT, XMMC TEXT, rule_ids TEXT, status TEXT, check_results TEXT,
  class_before TEXT, class_after TEXT, class_scheme TEXT, area_m2 REAL, area_ha REAL, area_mu REAL,
  source_layer TEXT, source_fid INTEGER, added_utc DATETIME NOT NULL, updated_utc DATETIME NOT NULL);
CREATE INDEX review_items_pilot_area ON review_items (pilot_area_id);
CREATE TABLE verdict_events ({_PK}, event_uuid TEXT NOT NULL UNIQUE, item_id TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN {_in(VERDICT_CODES)}), sub_type TEXT, note TEXT,
  reviewer TEXT NOT NULL, device TEXT, created_utc DATETIME NOT NULL, created_local TEXT,
  supersedes TEXT, origin TEXT DEFAULT 'local',
  stored_utc DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE INDEX verdict_events_item ON verdict_events (item_id);
CREATE TABLE verdict_supersedes ({_PK}, event_uuid TEXT NOT NULL, superseded_uuid TEXT NOT NULL,
  UNIQUE (event_uuid, superseded_uuid));
CREATE INDEX verdict_supersedes_old ON verdict_supersedes (superseded_uuid);
CREATE TRIGGER verdict_events_link AFTER INSERT ON verdict_events WHEN NEW.supersedes IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO verdict_supersedes (event_uuid, superseded_uuid) VALUES (NEW.event_uuid, NEW.supersedes);
END;
CREATE TRIGGER verdict_events_queue AFTER INSERT ON verdict_events
BEGIN
  INSERT OR IGNORE INTO sync_outbox (uuid, kind, queued_utc)
  VALUES (NEW.event_uuid, 'event', strftime('%Y-%m-%dT%H:%M:%fZ','now'));
END;
CREATE TABLE photos ({_PK}, geom POINT, photo_uuid TEXT NOT NULL UNIQUE, item_id TEXT NOT NULL,
  event_uuid TEXT, file_name TEXT NOT NULL, mime TEXT, size_bytes INTEGER NOT NULL, sha256 TEXT NOT NULL,
  data BLOB NOT NULL, exif_lon REAL, exif_lat REAL, exif_altitude REAL, exif_bearing REAL,
  exif_taken_at TEXT, added_utc DATETIME NOT NULL, origin TEXT DEFAULT 'local');
CREATE INDEX photos_item ON photos (item_id);
CREATE TRIGGER photos_queue AFTER INSERT ON photos
BEGIN
  INSERT OR IGNORE INTO sync_outbox (uuid, kind, queued_utc)
  VALUES (NEW.photo_uuid, 'photo', strftime('%Y-%m-%dT%H:%M:%fZ','now'));
END;
CREATE TABLE indicator_snapshots ({_PK}, unit_code TEXT NOT NULL, unit_name TEXT,
  indicator_id TEXT NOT NULL, name_zh TEXT, name_en TEXT, year INTEGER, value REAL, unit TEXT,
  target REAL, deviation REAL, warning_level TEXT, status TEXT, reason TEXT,
  computed_at DATETIME NOT NULL, catalog_version TEXT, extra TEXT);
CREATE INDEX indicator_snapshots_unit ON indicator_snapshots (unit_code, indicator_id);
CREATE TABLE sync_outbox ({_PK}, uuid TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN ('event', 'photo')),
  queued_utc DATETIME NOT NULL, rejected INTEGER NOT NULL DEFAULT 0, last_reason TEXT);
CREATE TABLE sync_receipts ({_PK}, uuid TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN {_in(RECEIPT_STATUSES)}), reason TEXT, server_time TEXT,
  received_utc DATETIME NOT NULL);
CREATE INDEX sync_receipts_uuid ON sync_receipts (uuid);
CREATE TABLE exports ({_PK}, export_id TEXT NOT NULL UNIQUE, created_utc DATETIME NOT NULL,
  target_file_name TEXT, pilot_area_ids TEXT, polygon_wkt TEXT, item_count INTEGER);
CREATE TABLE export_base ({_PK}, export_id TEXT NOT NULL, item_id TEXT NOT NULL, base_event_uuid TEXT,
  UNIQUE (export_id, item_id));
CREATE TABLE import_log ({_PK}, import_id TEXT NOT NULL, imported_utc DATETIME NOT NULL,
  source_package_id TEXT, source_file_name TEXT, kind TEXT NOT NULL, event_uuid TEXT, photo_uuid TEXT,
  item_id TEXT, outcome TEXT NOT NULL CHECK (outcome IN {_in(IMPORT_OUTCOMES)}), detail TEXT,
  conflicts_with TEXT);
"""

DESCRIPTIONS = {
    "package_info": "Work package metadata 工作包信息", "pilot_areas": "Pilot areas 试点区",
    "review_items": "Review items 审查对象", "verdict_events": "Verdict events, append-only 审查结论（只增不改）",
    "verdict_supersedes": "Which verdict event supersedes which", "photos": "Photos 现场照片",
    "indicator_snapshots": "Indicator snapshots 指标快照", "sync_outbox": "Sync outbox 待上传",
    "sync_receipts": "Server receipts 服务器回执", "exports": "Field package exports 外业包导出",
    "export_base": "Newest event per item at export", "import_log": "Import report 导入报告",
}


class PackageVersionError(PlanMonitorError):
    """The package was written by a newer PlanMonitor than this one."""

    code = "workpackage_too_new"


def current_version() -> int:
    """The schema version this code writes (1 + number of migrations)."""
    return len(MIGRATIONS) + 1


def append_only_triggers(table: str) -> str:
    """Triggers that abort every UPDATE and DELETE on ``table``."""
    return "\n".join(
        f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table}\n"
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {action} refused'); END;"
        for action in ("UPDATE", "DELETE"))


def create_schema(connection: sqlite3.Connection) -> None:
    """GeoPackage container plus every work-package table, at the current version."""
    gpkg.init_geopackage(connection)
    gpkg.run_script(connection, TABLES_SQL)
    for table in APPEND_ONLY:
        gpkg.run_script(connection, append_only_triggers(table))
    for table, description in DESCRIPTIONS.items():
        if table in FEATURE_TABLES:
            gpkg.register_features(connection, table, "geom", FEATURE_TABLES[table], description)
        else:
            gpkg.register_attributes(connection, table, description)


def stored_version(connection: sqlite3.Connection) -> int:
    row = connection.execute("SELECT value FROM package_info WHERE key = 'schema_version'").fetchone()
    if row is None or not str(row[0]).isdigit():
        raise PlanMonitorError("work package has no valid schema_version", value=None if row is None else row[0])
    return int(row[0])


def migrate(connection: sqlite3.Connection, file_name: str = "") -> int:
    """Bring an open package up to :func:`current_version` inside the caller's transaction."""
    found, supported = stored_version(connection), current_version()
    if found > supported:
        raise PackageVersionError(
            f"{file_name}: work package schema version {found} is newer than this PlanMonitor supports "
            f"({supported}); update the plugin to open it", found=found, supported=supported, file=file_name)
    for version in range(found, supported):
        MIGRATIONS[version - 1](connection)
    if found < supported:
        connection.execute("UPDATE package_info SET value = ? WHERE key = 'schema_version'", (str(supported),))
    return found
