"""Export a field package (外业包): the part of a work package for some pilot areas or a polygon.

The field package is a complete work package of the same task holding the selected
pilot areas, the review items (of those pilot areas and/or intersecting the polygon; both
given = both conditions), all their verdict events, supersede links and photos, and the
indicator snapshots of the selected pilot areas. Both packages record the export
(``exports``) and, per item, the newest event at export time (``export_base``). The file is
built beside the target and moved in place at the end: no half-written field package.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence

import shapely

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage import db, events, gpkg, timestamps
from planmonitor_plugin.core.workpackage.db import PathLike

if TYPE_CHECKING:
    from planmonitor_plugin.core.workpackage.package import WorkPackage

COPIED_INFO = ("task_id", "task_name", "creator", "rule_pack_id", "rule_pack_version", "catalog_version")


@dataclass(frozen=True)
class ExportResult:
    export_id: str
    path: Path
    pilot_areas: int
    items: int
    events: int
    photos: int


def export_subset(source: WorkPackage, target_path: PathLike, pilot_area_ids: Optional[Sequence[str]] = None,
                  polygon: Any = None, overwrite: bool = False) -> ExportResult:
    """Write the field package for ``pilot_area_ids`` and/or ``polygon`` (EPSG:4490) to ``target_path``."""
    from planmonitor_plugin.core.workpackage.package import WorkPackage

    target_path = Path(target_path)
    if target_path.exists() and not overwrite:
        raise InputError(f"{target_path.name}: file exists", file=str(target_path))
    if target_path.resolve() == source.path.resolve():
        raise InputError(f"{target_path.name}: cannot export a package onto itself", file=str(target_path))
    area_ids = _selected_areas(source.connection, pilot_area_ids, polygon)
    item_ids = _selected_items(source.connection, pilot_area_ids, polygon)
    export_id = events.new_uuid()
    base = _newest_events(source.connection, item_ids)
    record = {"export_id": export_id, "created_utc": timestamps.utc_now(), "target_file_name": target_path.name,
              "pilot_area_ids": json.dumps(area_ids, ensure_ascii=False),
              "polygon_wkt": None if polygon is None else shapely.to_wkt(polygon), "item_count": len(item_ids)}
    partial = target_path.with_name(f".{target_path.name}.{export_id}.partial")
    try:
        task = {key: value for key, value in source.info.items() if key in COPIED_INFO}
        with WorkPackage.create(partial, task, source.verdict_types) as target:
            counts = _fill(target.connection, source, area_ids, item_ids, record, base)
        with db.transaction(source.connection):
            _record_export(source.connection, record, base)
        os.replace(partial, target_path)
    finally:
        if partial.exists():
            partial.unlink()
    return ExportResult(export_id, target_path, len(area_ids), len(item_ids), *counts)


def _selected_areas(connection: sqlite3.Connection, pilot_area_ids: Optional[Sequence[str]], polygon: Any) -> list[str]:
    areas = connection.execute("SELECT area_id, geom FROM pilot_areas ORDER BY fid").fetchall()
    if pilot_area_ids is not None:
        known = {row[0] for row in areas}
        unknown = [value for value in pilot_area_ids if value not in known]
        if unknown:
            raise InputError(f"unknown pilot area(s): {', '.join(map(str, unknown))}", pilot_area_ids=unknown)
        return [row[0] for row in areas if row[0] in set(pilot_area_ids)]
    if polygon is not None:
        return [row[0] for row in areas if row[1] is not None and gpkg.decode_geometry(row[1]).intersects(polygon)]
    return [row[0] for row in areas]


def _selected_items(connection: sqlite3.Connection, pilot_area_ids: Optional[Sequence[str]], polygon: Any) -> list[str]:
    rows = connection.execute("SELECT item_id, pilot_area_id, geom FROM review_items ORDER BY fid").fetchall()
    if pilot_area_ids is not None:
        wanted = set(pilot_area_ids)
        rows = [row for row in rows if row[1] in wanted]
    if polygon is not None:
        shapes = [gpkg.decode_geometry(row[2]) for row in rows]
        hits = shapely.intersects(polygon, shapes) if rows else []
        rows = [row for row, hit in zip(rows, hits) if hit]
    return [row[0] for row in rows]


def _newest_events(connection: sqlite3.Connection, item_ids: list[str]) -> dict[str, Optional[str]]:
    """Per item, its current (newest open) event at export time, or None."""
    current = events.current_verdicts(connection)
    newest = dict(zip(current["item_id"], current["event_uuid"]))
    return {item_id: newest.get(item_id) for item_id in item_ids}


def _fill(target: sqlite3.Connection, source: WorkPackage, area_ids: list[str], item_ids: list[str],
          record: dict[str, Any], base: dict[str, Optional[str]]) -> tuple[int, int]:
    """Copy the selection from ``source`` (attached) into the new package; (events, photos) copied."""
    target.execute("ATTACH DATABASE ? AS src", (os.fspath(source.path),))
    try:
        with db.transaction(target):
            target.execute("CREATE TEMP TABLE chosen_items (item_id TEXT PRIMARY KEY)")
            target.executemany("INSERT INTO chosen_items VALUES (?)", [(value,) for value in item_ids])
            target.execute("CREATE TEMP TABLE chosen_areas (area_id TEXT PRIMARY KEY)")
            target.executemany("INSERT INTO chosen_areas VALUES (?)", [(value,) for value in area_ids])
            _copy(target, "pilot_areas", "area_id IN (SELECT area_id FROM chosen_areas)")
            _copy(target, "review_items", "item_id IN (SELECT item_id FROM chosen_items)")
            event_count = _copy(target, "verdict_events", "item_id IN (SELECT item_id FROM chosen_items)")
            _copy(target, "verdict_supersedes", "event_uuid IN (SELECT event_uuid FROM main.verdict_events)",
                  or_ignore=True)
            photo_count = _copy(target, "photos", "item_id IN (SELECT item_id FROM chosen_items)")
            _copy(target, "indicator_snapshots", "unit_code IN (SELECT area_id FROM chosen_areas)")
            target.execute("DELETE FROM sync_outbox")  # queued by the insert triggers: the office's to send
            target.executemany("INSERT OR REPLACE INTO package_info (key, value) VALUES (?, ?)",
                               [("parent_package_id", source.info["package_id"]), ("export_id", record["export_id"])])
            _record_export(target, record, base)
            for table in ("pilot_areas", "review_items", "photos"):
                gpkg.touch(target, table, "geom")
    finally:
        target.execute("DETACH DATABASE src")
    return event_count, photo_count


def _copy(connection: sqlite3.Connection, table: str, where: str, or_ignore: bool = False) -> int:
    """Copy rows of ``src.table`` matching ``where`` (all columns but fid); returns the count."""
    columns = [row[1] for row in connection.execute(f"PRAGMA main.table_info({table})") if row[1] != "fid"]
    names = ", ".join(columns)
    cursor = connection.execute(f"INSERT {'OR IGNORE ' if or_ignore else ''}INTO main.{table} ({names}) "
                                f"SELECT {names} FROM src.{table} WHERE {where} ORDER BY fid")
    return cursor.rowcount


def _record_export(connection: sqlite3.Connection, record: dict[str, Any], base: dict[str, Optional[str]]) -> None:
    columns = list(record)
    connection.execute(f"INSERT INTO exports ({', '.join(columns)}) VALUES ({db.placeholders(len(columns))})",
                       [record[column] for column in columns])
    connection.executemany("INSERT INTO export_base (export_id, item_id, base_event_uuid) VALUES (?, ?, ?)",
                           [(record["export_id"], item_id, event) for item_id, event in base.items()])
