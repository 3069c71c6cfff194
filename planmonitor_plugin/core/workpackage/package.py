"""The work package: one GeoPackage per review task (schema in :mod:`.schema`).

Every write method runs in one ``BEGIN IMMEDIATE`` transaction: a crash, a killed QGIS or
a failed validation leaves the package as it was before the call.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence

import numpy as np
import pandas as pd
import shapely

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage import db, events, frames, gpkg, schema, timestamps
from planmonitor_plugin.core.workpackage.db import PathLike
from planmonitor_plugin.core.workpackage.photos import PhotoSource, photo_bytes, photo_row
from planmonitor_plugin.core.workpackage.verdicts import (
    VerdictError,
    VerdictTypes,
    load_verdict_types,
    parse_verdict_types,
)

TASK_KEYS = ("task_id", "task_name", "creator", "rule_pack_id", "rule_pack_version", "catalog_version")
ITEM_TABLE_COLUMNS = ("item_id", "kind", "pilot_area_id", "township_code", "township_name", "JCTBBH", "XMMC",
                      "rule_ids", "status", "check_results", "class_before", "class_after", "class_scheme",
                      "area_m2", "area_ha", "area_mu", "source_layer", "source_fid")
AREA_TABLE_COLUMNS = ("area_id", "name", "township_code", "township_name", "area_m2", "area_ha", "area_mu")


class WorkPackage:
    """An open work package. Use :meth:`create` or :meth:`open`, ideally in a ``with`` block."""

    def __init__(self, connection: sqlite3.Connection, path: Path, verdict_types: VerdictTypes) -> None:
        self.connection = connection
        self.path = path
        self.verdict_types = verdict_types

    # --- lifecycle -------------------------------------------------------------------------

    @classmethod
    def create(cls, path: PathLike, task: Mapping[str, Any], verdict_types: Optional[VerdictTypes] = None,
               overwrite: bool = False) -> WorkPackage:
        """Write a new, empty package (atomically: built beside ``path``, then moved in place)."""
        path = Path(path)
        _check_task(task)
        if path.exists() and not overwrite:
            raise InputError(f"{path.name}: file exists", file=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        types = verdict_types or load_verdict_types()
        partial = path.with_name(f".{path.name}.{events.new_uuid()}.partial")
        try:
            _write_new(partial, task, types)
            os.replace(partial, path)
        finally:
            if partial.exists():
                partial.unlink()
        return cls.open(path, verdict_types)

    @classmethod
    def open(cls, path: PathLike, verdict_types: Optional[VerdictTypes] = None) -> WorkPackage:
        """Open a package, migrating an older schema in one transaction; refuse a newer one."""
        path = Path(path)
        if not path.is_file():
            raise InputError(f"{path.name}: no such work package", file=str(path))
        try:
            connection = db.connect(path)
        except sqlite3.DatabaseError as error:
            raise InputError(f"{path.name}: not a GeoPackage ({error})", file=str(path)) from error
        try:
            _check_is_package(connection, path)
            if schema.stored_version(connection) != schema.current_version():  # no write lock otherwise
                with db.transaction(connection):
                    schema.migrate(connection, path.name)
            stored = connection.execute("SELECT value FROM package_info WHERE key = 'verdict_types'").fetchone()
            types = verdict_types or (parse_verdict_types(stored[0], path.name) if stored and stored[0]
                                      else load_verdict_types())
        except BaseException:
            connection.close()
            raise
        return cls(connection, path, types)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> WorkPackage:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    @property
    def info(self) -> dict[str, str]:
        """package_info as a dict (verdict_types JSON left out)."""
        rows = self.connection.execute("SELECT key, value FROM package_info WHERE key != 'verdict_types'")
        return dict(rows.fetchall())

    @property
    def schema_version(self) -> int:
        return schema.stored_version(self.connection)

    # --- pilot areas and review items ----------------------------------------------------

    def add_pilot_areas(self, frame: pd.DataFrame, geometries: Sequence[Any]) -> int:
        """Insert or update pilot areas by area_id; returns the number of rows written."""
        shapes = frames.multipolygons(geometries, len(frame), "pilot_areas")
        rows = frames.area_rows(frame, shapes)
        with db.transaction(self.connection):
            _upsert(self.connection, "pilot_areas", "area_id", AREA_TABLE_COLUMNS,
                    [{**row, "geom": gpkg.encode_geometry(shape)} for row, shape in zip(rows, shapes)])
            gpkg.touch(self.connection, "pilot_areas", "geom")
        return len(rows)

    def pilot_areas(self) -> pd.DataFrame:
        table = db.frame(self.connection, f"SELECT {', '.join(AREA_TABLE_COLUMNS)}, geom FROM pilot_areas ORDER BY fid")
        return _with_geometry(table)

    def add_review_items(self, frame: pd.DataFrame, geometries: Sequence[Any], kind: Optional[str] = None
                         ) -> dict[str, int]:
        """Add items, idempotent on item_id: {'inserted', 'updated', 'unchanged'} counts.

        Items without pilot_area_id get the pilot area holding the largest part of them.
        Verdicts are never touched: they live in verdict_events.
        """
        shapes = frames.multipolygons(geometries, len(frame), "review_items")
        rows = frames.item_rows(frame, shapes, kind)
        with db.transaction(self.connection):
            _assign_pilot_areas(self.connection, rows, shapes)
            counts = _write_items(self.connection, rows, shapes)
            gpkg.touch(self.connection, "review_items", "geom")
        return counts

    def review_items(self, pilot_area: Optional[str] = None) -> pd.DataFrame:
        where, parameters = ("WHERE pilot_area_id = ?", (pilot_area,)) if pilot_area is not None else ("", ())
        table = db.frame(self.connection, f"SELECT {', '.join(ITEM_TABLE_COLUMNS)}, geom FROM review_items "
                                          f"{where} ORDER BY fid", parameters)
        table["rule_ids"] = [json.loads(value) if value else [] for value in table["rule_ids"]]
        table["check_results"] = [json.loads(value) if value else {} for value in table["check_results"]]
        return _with_geometry(table)

    # --- verdicts -------------------------------------------------------------------------

    def record_verdict(self, item_id: str, verdict: str, reviewer: str, sub_type: Optional[str] = None,
                       note: Optional[str] = None, device: Optional[str] = None,
                       supersedes: Optional[Sequence[str]] = None, moment: Optional[datetime] = None) -> str:
        """Append a verdict event; returns its uuid.

        ``supersedes`` None = the item's open events (the normal case, and what resolves a
        conflict); an explicit list = exactly those events of the same item.
        """
        return self.record_verdicts([dict(item_id=item_id, verdict=verdict, reviewer=reviewer, sub_type=sub_type,
                                          note=note, device=device, supersedes=supersedes, moment=moment)])[0]

    def record_verdicts(self, verdicts: Iterable[Mapping[str, Any]]) -> list[str]:
        """Append several verdicts in one transaction (all or none); returns their uuids."""
        batch = [dict(entry) for entry in verdicts]
        for entry in batch:
            self.verdict_types.validate(entry.get("verdict"), entry.get("sub_type"), reviewer=entry.get("reviewer"),
                                        note=entry.get("note"), device=entry.get("device"))
        with db.transaction(self.connection):
            return [self._append_verdict(entry) for entry in batch]

    def _append_verdict(self, entry: dict[str, Any]) -> str:
        item_id = str(entry["item_id"])
        events.require_item(self.connection, item_id)
        supersedes = entry.get("supersedes")
        if isinstance(supersedes, str):
            supersedes = [supersedes]
        supersedes = events.open_events(self.connection, item_id) if supersedes is None else list(supersedes)
        events.check_supersedes(self.connection, item_id, supersedes)
        moment = entry.get("moment") or timestamps.now()
        event = {key: _clean_text(entry.get(key)) for key in ("verdict", "sub_type", "note", "reviewer", "device")}
        event.update(event_uuid=events.new_uuid(), item_id=item_id, created_utc=timestamps.utc_text(moment),
                     created_local=timestamps.local_text(moment), supersedes=supersedes[0] if supersedes else None,
                     origin="local")
        events.insert_event(self.connection, event, supersedes)  # a trigger queues it in sync_outbox
        return event["event_uuid"]

    def resolve_conflict(self, item_id: str, verdict: str, reviewer: str, **fields: Any) -> str:
        """Record the verdict that supersedes every open event of a conflicted item."""
        conflicted = events.open_conflicts(self.connection)
        if item_id not in set(conflicted["item_id"]):
            raise VerdictError(f"item {item_id!r} has no open conflict", item_id=item_id)
        return self.record_verdict(item_id, verdict, reviewer, supersedes=None, **fields)

    def current_verdicts(self, pilot_area: Optional[str] = None) -> pd.DataFrame:
        return events.current_verdicts(self.connection, pilot_area)

    def history(self, item_id: str) -> pd.DataFrame:
        return events.history(self.connection, item_id)

    def conflicts(self) -> pd.DataFrame:
        return events.open_conflicts(self.connection)

    def progress(self, pilot_area: Optional[str] = None) -> tuple[int, int]:
        return events.progress(self.connection, pilot_area)

    def verdict_events(self, uuids: Optional[Sequence[str]] = None) -> pd.DataFrame:
        """Verdict events (all, or those uuids) as stored, with the full supersedes list."""
        where = f"WHERE event_uuid IN ({db.placeholders(len(uuids))})" if uuids is not None else ""
        table = db.frame(self.connection, f"SELECT {', '.join(events.EVENT_COLUMNS)}, stored_utc FROM "
                                          f"verdict_events {where} ORDER BY fid", tuple(uuids or ()))
        links = db.frame(self.connection, "SELECT event_uuid, superseded_uuid FROM verdict_supersedes ORDER BY fid")
        grouped = links.groupby("event_uuid")["superseded_uuid"].agg(list).to_dict()
        table["supersedes_all"] = [grouped.get(value, []) for value in table["event_uuid"]]
        return table

    # --- photos ---------------------------------------------------------------------------

    def attach_photo(self, item_id: str, source: PhotoSource, file_name: Optional[str] = None,
                     event_uuid: Optional[str] = None, moment: Optional[datetime] = None,
                     photo_uuid: Optional[str] = None, origin: str = "local") -> str:
        """Store a photo (path or bytes) with its sha256 and EXIF; returns its uuid.

        The same bytes attached again to the same item and event return the existing uuid.
        ``photo_uuid`` (e.g. made by a field form) is kept as the photo's uuid; a photo with that
        uuid already here is returned as it is. ``origin`` as in ``verdict_events`` (``package:<id>``).
        """
        if photo_uuid is not None:
            found = self.connection.execute("SELECT photo_uuid FROM photos WHERE photo_uuid = ?",
                                            (photo_uuid,)).fetchone()
            if found:
                return found[0]
        data, name = photo_bytes(source, file_name)
        row = photo_row(data, name)
        with db.transaction(self.connection):
            events.require_item(self.connection, item_id)
            if event_uuid is not None:
                events.check_supersedes(self.connection, item_id, [event_uuid])
            existing = self.connection.execute(
                "SELECT photo_uuid FROM photos WHERE item_id = ? AND sha256 = ? AND event_uuid IS ?",
                (item_id, row["sha256"], event_uuid)).fetchone()
            if existing:
                return existing[0]
            row.update(photo_uuid=photo_uuid or events.new_uuid(), item_id=item_id, event_uuid=event_uuid,
                       added_utc=timestamps.utc_text(moment or timestamps.now()), origin=origin or "local")
            _insert(self.connection, "photos", row)  # a trigger queues it in sync_outbox
            gpkg.touch(self.connection, "photos", "geom")
        return row["photo_uuid"]

    def photos(self, item_id: Optional[str] = None) -> pd.DataFrame:
        """Photo records without their bytes (see :meth:`photo_data`)."""
        where, parameters = ("WHERE item_id = ?", (item_id,)) if item_id is not None else ("", ())
        return db.frame(self.connection, "SELECT photo_uuid, item_id, event_uuid, file_name, mime, size_bytes, "
                                         "sha256, exif_lon, exif_lat, exif_altitude, exif_bearing, exif_taken_at, "
                                         f"added_utc, origin FROM photos {where} ORDER BY fid", parameters)

    def photo_data(self, photo_uuid: str) -> bytes:
        row = self.connection.execute("SELECT data FROM photos WHERE photo_uuid = ?", (photo_uuid,)).fetchone()
        if row is None:
            raise InputError(f"unknown photo {photo_uuid!r}", photo_uuid=photo_uuid)
        return bytes(row[0])

    # --- indicators -----------------------------------------------------------------------

    def add_indicator_snapshots(self, frame: pd.DataFrame, computed_at: Optional[datetime] = None,
                                catalog_version: Optional[str] = None) -> int:
        """Append indicator rows (see :mod:`.frames` for the columns); returns the count."""
        stamp = timestamps.utc_text(computed_at or timestamps.now())
        rows = frames.snapshot_rows(frame, stamp, catalog_version or self.info.get("catalog_version"))
        with db.transaction(self.connection):
            for row in rows:
                _insert(self.connection, "indicator_snapshots", row)
            gpkg.touch(self.connection, "indicator_snapshots")
        return len(rows)

    def indicator_snapshots(self, unit_code: Optional[str] = None, latest: bool = True) -> pd.DataFrame:
        """Snapshots of a unit (or all); ``latest`` keeps the newest per unit × indicator × year."""
        where, parameters = ("WHERE unit_code = ?", (unit_code,)) if unit_code is not None else ("", ())
        table = db.frame(self.connection, f"SELECT * FROM indicator_snapshots {where} ORDER BY fid", parameters)
        if latest and len(table):
            keys = table["unit_code"].map(str) + "|" + table["indicator_id"].map(str) + "|" + table["year"].map(str)
            table = table[~keys.duplicated(keep="last")]
        return table.drop(columns="fid").reset_index(drop=True)

    # --- sync state -----------------------------------------------------------------------

    def outbox(self, include_rejected: bool = True) -> pd.DataFrame:
        """What still waits for the server's acknowledgement, oldest first."""
        where = "" if include_rejected else "WHERE o.rejected = 0"
        table = db.frame(self.connection, f"""
            SELECT o.uuid, o.kind, o.queued_utc, o.rejected, o.last_reason,
                   COALESCE(e.item_id, p.item_id) AS item_id
            FROM sync_outbox o LEFT JOIN verdict_events e ON e.event_uuid = o.uuid
            LEFT JOIN photos p ON p.photo_uuid = o.uuid {where} ORDER BY o.fid""")
        table["rejected"] = table["rejected"].astype(bool)
        return table

    def record_receipt(self, uuid: str, status: str, reason: Optional[str] = None,
                       server_time: Optional[str] = None) -> None:
        self.record_receipts([{"uuid": uuid, "status": status, "reason": reason, "server_time": server_time}])

    def record_receipts(self, receipts: Iterable[Mapping[str, Any]]) -> int:
        """Store server receipts; accepted / duplicate leave the outbox, rejected stay flagged."""
        batch = [dict(receipt) for receipt in receipts]
        for receipt in batch:
            if receipt.get("status") not in schema.RECEIPT_STATUSES:
                raise InputError(f"receipt status {receipt.get('status')!r} is not one of "
                                 f"{', '.join(schema.RECEIPT_STATUSES)}", uuid=receipt.get("uuid"))
        with db.transaction(self.connection):
            for receipt in batch:
                _apply_receipt(self.connection, receipt)
        return len(batch)

    def receipts(self) -> pd.DataFrame:
        return db.frame(self.connection, "SELECT uuid, status, reason, server_time, received_utc FROM sync_receipts "
                                         "ORDER BY fid")

    # --- field packages -------------------------------------------------------------------

    def export_subset(self, target_path: PathLike, pilot_area_ids: Optional[Sequence[str]] = None,
                      polygon: Any = None, overwrite: bool = False):
        from planmonitor_plugin.core.workpackage.export import export_subset
        return export_subset(self, target_path, pilot_area_ids, polygon, overwrite)

    def import_package(self, source_path: PathLike) -> pd.DataFrame:
        from planmonitor_plugin.core.workpackage.merge import import_package
        return import_package(self, source_path)

    def log_import(self, report: pd.DataFrame, source_package_id: Optional[str], file_name: str) -> None:
        """Append report rows (columns :data:`~.merge.REPORT_COLUMNS`) made outside :meth:`import_package`
        (e.g. photos of a field form attached with :meth:`attach_photo`) to ``import_log``."""
        from planmonitor_plugin.core.workpackage.merge import log_report
        rows = [{key: (None if pd.isna(value) else value) for key, value in row.items()}
                for row in report.to_dict("records")]
        with db.transaction(self.connection):
            log_report(self.connection, rows, {"package_id": source_package_id}, file_name)

    def import_log(self) -> pd.DataFrame:
        return db.frame(self.connection, "SELECT * FROM import_log ORDER BY fid").drop(columns="fid")


def _check_task(task: Mapping[str, Any]) -> None:
    missing = [key for key in ("task_id", "task_name") if not str(task.get(key) or "").strip()]
    if missing:
        raise InputError(f"task metadata: missing {', '.join(missing)}", missing=missing)


def _write_new(path: Path, task: Mapping[str, Any], types: VerdictTypes) -> None:
    connection = db.connect(path)
    try:
        with db.transaction(connection):
            schema.create_schema(connection)
            info = {key: frames.text(value) for key, value in task.items() if key != "verdict_types"}
            info.update(package_id=events.new_uuid(), created_utc=timestamps.utc_now(),
                        schema_version=str(schema.current_version()), verdict_types=types.source_json)
            info.setdefault("verdict_types_version", types.version)
            connection.executemany("INSERT INTO package_info (key, value) VALUES (?, ?)", list(info.items()))
    finally:
        connection.close()


def _check_is_package(connection: sqlite3.Connection, path: Path) -> None:
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        has_info = db.table_exists(connection, "package_info")
    except sqlite3.DatabaseError as error:
        raise InputError(f"{path.name}: not a GeoPackage ({error})", file=str(path)) from error
    if application_id != gpkg.APPLICATION_ID or not has_info:
        raise InputError(f"{path.name}: not a PlanMonitor work package", file=str(path))


def _clean_text(value: Any) -> Optional[str]:
    value = frames.text(value)
    return value.strip() if value is not None and value.strip() else None


def _with_geometry(table: pd.DataFrame) -> pd.DataFrame:
    table["geometry"] = [gpkg.decode_geometry(blob) for blob in table.pop("geom")]
    return table


def _insert(connection: sqlite3.Connection, table: str, row: Mapping[str, Any]) -> None:
    columns = list(row)
    connection.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({db.placeholders(len(columns))})",
                       [row[column] for column in columns])


def _upsert(connection: sqlite3.Connection, table: str, key: str, columns: Sequence[str],
            rows: Sequence[Mapping[str, Any]]) -> None:
    names = [*columns, "geom"]
    updates = ", ".join(f"{name} = excluded.{name}" for name in names if name != key)
    connection.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({db.placeholders(len(names))}) "
                           f"ON CONFLICT ({key}) DO UPDATE SET {updates}", [[row[n] for n in names] for row in rows])


def _assign_pilot_areas(connection: sqlite3.Connection, rows: list[dict[str, Any]], shapes: np.ndarray) -> None:
    """Give items without pilot_area_id the pilot area that holds the largest part of them."""
    todo = [i for i, row in enumerate(rows) if not row["pilot_area_id"] and shapes[i] is not None]
    if not todo:
        return
    areas = connection.execute("SELECT area_id, geom FROM pilot_areas WHERE geom IS NOT NULL").fetchall()
    if not areas:
        return
    area_ids = [row[0] for row in areas]
    area_shapes = np.array([gpkg.decode_geometry(row[1]) for row in areas], dtype=object)
    tree = shapely.STRtree(area_shapes)
    item_index, area_index = tree.query(shapes[todo], predicate="intersects")
    overlap = shapely.area(shapely.intersection(shapes[todo][item_index], area_shapes[area_index]))
    best: dict[int, tuple[float, int]] = {}
    for i, a, size in zip(item_index, area_index, overlap):
        if size > best.get(int(i), (-1.0, 0))[0]:
            best[int(i)] = (float(size), int(a))
    for position, (_, area) in best.items():
        rows[todo[position]]["pilot_area_id"] = area_ids[area]


def _write_items(connection: sqlite3.Connection, rows: list[dict[str, Any]], shapes: np.ndarray) -> dict[str, int]:
    stored = {row[0]: row[1:] for row in connection.execute(
        f"SELECT item_id, {', '.join(ITEM_TABLE_COLUMNS[1:])}, geom FROM review_items")}
    stamp = timestamps.utc_now()
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    for row, shape in zip(rows, shapes):
        values = (*[row[column] for column in ITEM_TABLE_COLUMNS[1:]], gpkg.encode_geometry(shape))
        previous = stored.get(row["item_id"])
        if previous is None:
            _insert(connection, "review_items", {**dict(zip((*ITEM_TABLE_COLUMNS, "geom"), (row["item_id"], *values))),
                                                 "added_utc": stamp, "updated_utc": stamp})
            counts["inserted"] += 1
        elif tuple(previous) != values:
            assignments = ", ".join(f"{column} = ?" for column in (*ITEM_TABLE_COLUMNS[1:], "geom", "updated_utc"))
            connection.execute(f"UPDATE review_items SET {assignments} WHERE item_id = ?",
                               (*values, stamp, row["item_id"]))
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def _apply_receipt(connection: sqlite3.Connection, receipt: Mapping[str, Any]) -> None:
    uuid = str(receipt.get("uuid") or "")
    known = connection.execute("SELECT 1 FROM verdict_events WHERE event_uuid = ? UNION ALL "
                               "SELECT 1 FROM photos WHERE photo_uuid = ?", (uuid, uuid)).fetchone()
    if not known:
        raise InputError(f"receipt for unknown event or photo {uuid!r}", uuid=uuid)
    status, reason = receipt["status"], _clean_text(receipt.get("reason"))
    connection.execute("INSERT INTO sync_receipts (uuid, status, reason, server_time, received_utc) "
                       "VALUES (?, ?, ?, ?, ?)", (uuid, status, reason, frames.text(receipt.get("server_time")),
                                                  timestamps.utc_now()))
    if status == "rejected":
        connection.execute("UPDATE sync_outbox SET rejected = 1, last_reason = ? WHERE uuid = ?", (reason, uuid))
    else:
        connection.execute("DELETE FROM sync_outbox WHERE uuid = ?", (uuid,))
