"""Import a field package back: verdict events and photos merge by UUID, in one transaction.

Outcome per incoming event (and photo):

* ``duplicate`` — the UUID is already here (re-importing is harmless; nothing is added).
  A photo with the same bytes on the same item and event is a duplicate too.
* ``accepted`` — a new event, appended with its supersede links (origin ``package:<id>``).
* ``conflicting`` — a new event that stays open while this package holds an open event of
  the same item with a different verdict or sub-type that the field package did not know
  (made here after the export, or imported from another field package). Both events are
  kept (append-only) and listed by :meth:`WorkPackage.conflicts` until a verdict
  supersedes both (:meth:`WorkPackage.resolve_conflict`). This covers "both supersede the
  same base" and "neither has a base while the item got a verdict after the export".
  An open event that the field package already held (its base) is not a conflict: a field
  event recorded without a supersede link (a plain form in QGIS/QField) simply becomes the
  newer verdict.
* ``rejected`` — an event or photo for an item this package does not have; it stays in the
  field package, and the report says why.

Each import is logged row by row in ``import_log`` and returned as a DataFrame with columns
:data:`REPORT_COLUMNS`. Accepted and conflicting events and accepted photos are queued for
the server.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import pandas as pd

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage import db, events, gpkg, timestamps
from planmonitor_plugin.core.workpackage.db import PathLike
from planmonitor_plugin.core.workpackage.schema import VERDICT_CODES

if TYPE_CHECKING:
    from planmonitor_plugin.core.workpackage.package import WorkPackage

REPORT_COLUMNS = ["kind", "event_uuid", "photo_uuid", "item_id", "outcome", "detail", "conflicts_with"]
PHOTO_COLUMNS = ("geom", "photo_uuid", "item_id", "event_uuid", "file_name", "mime", "size_bytes", "sha256", "data",
                 "exif_lon", "exif_lat", "exif_altitude", "exif_bearing", "exif_taken_at", "added_utc")


def import_package(target: WorkPackage, source_path: PathLike) -> pd.DataFrame:
    """Merge the events and photos of the package at ``source_path`` into ``target``; the report."""
    source_path = Path(source_path)
    source_info = _source_info(target, source_path)
    connection = target.connection
    connection.execute("ATTACH DATABASE ? AS src", (os.fspath(source_path),))
    try:
        with db.transaction(connection):
            report = _merge_events(connection, source_info) + _merge_photos(connection, source_info)
            log_report(connection, report, source_info, source_path.name)
            gpkg.touch(connection, "photos", "geom")
    finally:
        connection.execute("DETACH DATABASE src")
    return pd.DataFrame(report, columns=REPORT_COLUMNS, dtype=object)


def _source_info(target: WorkPackage, source_path: Path) -> dict[str, str]:
    """The incoming package's metadata (opened once, so an older schema is migrated, a newer refused)."""
    from planmonitor_plugin.core.workpackage.package import WorkPackage

    with WorkPackage.open(source_path) as source:
        info = source.info
    mine = target.info
    if info.get("package_id") == mine.get("package_id"):
        raise InputError(f"{source_path.name}: is this package itself", file=str(source_path))
    if info.get("task_id") != mine.get("task_id"):
        raise InputError(f"{source_path.name}: belongs to task {info.get('task_id')!r}, not {mine.get('task_id')!r}",
                         file=str(source_path), task_id=info.get("task_id"), expected=mine.get("task_id"))
    return info


def _merge_events(connection: sqlite3.Connection, info: dict[str, str]) -> list[dict[str, Any]]:
    incoming = db.frame(connection, f"SELECT {', '.join(events.EVENT_COLUMNS)} FROM src.verdict_events ORDER BY fid")
    links = db.frame(connection, "SELECT event_uuid, superseded_uuid FROM src.verdict_supersedes ORDER BY fid")
    link_map = links.groupby("event_uuid")["superseded_uuid"].agg(list).to_dict()
    present = _existing(connection, "verdict_events", "event_uuid", list(incoming["event_uuid"]))
    items = {row[0] for row in connection.execute("SELECT item_id FROM review_items")}
    stamp = timestamps.utc_now()
    report, added = [], []
    for event in incoming.to_dict("records"):
        row = _event_row(event)
        if event["event_uuid"] in present:
            row.update(outcome="duplicate", detail="already in this package")
        elif event["item_id"] not in items or event["verdict"] not in VERDICT_CODES:
            why = "unknown item" if event["item_id"] not in items else f"unknown verdict {event['verdict']!r}"
            row.update(outcome="rejected", detail=why)
        else:
            _append(connection, event, link_map.get(event["event_uuid"], []), info, stamp)
            row.update(outcome="accepted", detail="")
            added.append(row)
        report.append(row)
    _flag_conflicts(connection, added, set(incoming["event_uuid"]), _export_base(connection, info))
    return report


def _event_row(event: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "event", "event_uuid": event["event_uuid"], "photo_uuid": None, "item_id": event["item_id"],
            "outcome": None, "detail": None, "conflicts_with": None}


def _existing(connection: sqlite3.Connection, table: str, column: str, values: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        found.update(row[0] for row in connection.execute(
            f"SELECT {column} FROM main.{table} WHERE {column} IN ({db.placeholders(len(chunk))})", chunk))
    return found


def _append(connection: sqlite3.Connection, event: dict[str, Any], supersedes: list[str], info: dict[str, str],
            stamp: str) -> None:
    record = {key: (None if pd.isna(value) else value) for key, value in event.items()}
    record["created_utc"] = timestamps.normalised_utc(record["created_utc"]) or stamp
    if record.get("origin") in (None, "", "local"):
        record["origin"] = f"package:{info.get('package_id')}"
    events.insert_event(connection, record, supersedes, stored_utc=stamp)  # queued by the insert trigger


def _export_base(connection: sqlite3.Connection, info: dict[str, str]) -> dict[str, Optional[str]]:
    rows = connection.execute("SELECT item_id, base_event_uuid FROM src.export_base WHERE export_id = ?",
                              (info.get("export_id"),))
    return dict(rows.fetchall())


def _flag_conflicts(connection: sqlite3.Connection, added: list[dict[str, Any]], known: set[str],
                    base: dict[str, Optional[str]]) -> None:
    """Mark new open events that face a different open verdict the field package did not know."""
    new = {row["event_uuid"] for row in added}
    for row in added:
        opened = events.open_events(connection, row["item_id"])
        if row["event_uuid"] not in opened:
            continue
        verdicts = _verdicts(connection, opened)
        mine = verdicts[row["event_uuid"]]
        rivals = [uuid for uuid in reversed(opened)
                  if uuid not in known and uuid not in new and verdicts[uuid][:2] != mine[:2]]
        if rivals:
            other = verdicts[rivals[0]]
            row.update(outcome="conflicting", conflicts_with=rivals[0],
                       detail=f"conflicts with {', '.join(rivals)} ({other[0]}/{other[1] or '-'} by {other[2]} at "
                              f"{other[3]}); base at export: {base.get(row['item_id']) or 'none'}")


def _verdicts(connection: sqlite3.Connection, uuids: list[str]) -> dict[str, tuple]:
    rows = connection.execute("SELECT event_uuid, verdict, sub_type, reviewer, created_utc FROM main.verdict_events "
                              f"WHERE event_uuid IN ({db.placeholders(len(uuids))})", uuids)
    return {row[0]: tuple(row[1:]) for row in rows}


def _merge_photos(connection: sqlite3.Connection, info: dict[str, str]) -> list[dict[str, Any]]:
    incoming = connection.execute("SELECT photo_uuid, item_id, event_uuid, sha256 FROM src.photos "
                                  "ORDER BY fid").fetchall()
    present = _existing(connection, "photos", "photo_uuid", [row[0] for row in incoming])
    items = {row[0] for row in connection.execute("SELECT item_id FROM review_items")}
    origin = f"package:{info.get('package_id')}"
    report = []
    for photo_uuid, item_id, event_uuid, digest in incoming:
        row = {"kind": "photo", "event_uuid": event_uuid, "photo_uuid": photo_uuid, "item_id": item_id,
               "outcome": "accepted", "detail": "", "conflicts_with": None}
        same = connection.execute("SELECT photo_uuid FROM main.photos WHERE item_id = ? AND sha256 = ? "
                                  "AND event_uuid IS ?", (item_id, digest, event_uuid)).fetchone()
        if photo_uuid in present:
            row.update(outcome="duplicate", detail="already in this package")
        elif same:
            row.update(outcome="duplicate", detail=f"same bytes as photo {same[0]}")
        elif item_id not in items:
            row.update(outcome="rejected", detail="unknown item")
        else:
            _copy_photo(connection, photo_uuid, origin)
        report.append(row)
    return report


def _copy_photo(connection: sqlite3.Connection, photo_uuid: str, origin: str) -> None:
    names = ", ".join(PHOTO_COLUMNS)
    connection.execute(f"INSERT INTO main.photos ({names}, origin) SELECT {names}, "
                       "CASE WHEN COALESCE(origin, 'local') IN ('', 'local') THEN ? ELSE origin END "
                       "FROM src.photos WHERE photo_uuid = ?", (origin, photo_uuid))  # queued by the insert trigger


def log_report(connection: sqlite3.Connection, report: list[dict[str, Any]], info: dict[str, Any],
               file_name: str) -> None:
    """Append report rows to ``import_log`` under one new import id (in the caller's transaction)."""
    import_id, stamp = events.new_uuid(), timestamps.utc_now()
    connection.executemany(
        "INSERT INTO import_log (import_id, imported_utc, source_package_id, source_file_name, kind, event_uuid, "
        "photo_uuid, item_id, outcome, detail, conflicts_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(import_id, stamp, info.get("package_id"), file_name, row["kind"], row["event_uuid"], row["photo_uuid"],
          row["item_id"], row["outcome"], row["detail"], row["conflicts_with"]) for row in report])
