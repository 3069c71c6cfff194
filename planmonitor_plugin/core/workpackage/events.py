"""Verdict events: append, supersede, and read back the current verdict and the history.

An item's *open* events are those no link in ``verdict_supersedes`` supersedes; its
current verdict is the newest open event (created_utc, then fid). A new local verdict
supersedes all open events of its item unless told otherwise, so the office history is a
chain; two open events with different verdicts reported by an import are a conflict until
an event supersedes both.
"""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any, Mapping, Optional, Sequence

import pandas as pd

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage.db import frame, placeholders
from planmonitor_plugin.core.workpackage.verdicts import VerdictError

EVENT_COLUMNS = ("event_uuid", "item_id", "verdict", "sub_type", "note", "reviewer", "device", "created_utc",
                 "created_local", "supersedes", "origin")
_OPEN = ("NOT EXISTS (SELECT 1 FROM verdict_supersedes s WHERE s.superseded_uuid = e.event_uuid)")


def new_uuid() -> str:
    return str(uuid.uuid4())


def open_events(connection: sqlite3.Connection, item_id: str) -> list[str]:
    """UUIDs of the item's events that nothing supersedes, oldest first."""
    rows = connection.execute(f"SELECT event_uuid FROM verdict_events e WHERE item_id = ? AND {_OPEN} "
                              "ORDER BY created_utc, fid", (item_id,)).fetchall()
    return [row[0] for row in rows]


def check_supersedes(connection: sqlite3.Connection, item_id: str, supersedes: Sequence[str]) -> None:
    """Every superseded event must exist and belong to the same item."""
    if not supersedes:
        return
    rows = dict(connection.execute(
        f"SELECT event_uuid, item_id FROM verdict_events WHERE event_uuid IN ({placeholders(len(supersedes))})",
        tuple(supersedes)).fetchall())
    unknown = [value for value in supersedes if value not in rows]
    foreign = [value for value in supersedes if value in rows and rows[value] != item_id]
    if unknown or foreign:
        raise VerdictError(f"supersedes: unknown event(s) {unknown} or event(s) of another item {foreign}",
                           field="supersedes", unknown=unknown, other_item=foreign, item_id=item_id)


def insert_event(connection: sqlite3.Connection, event: Mapping[str, Any], supersedes: Sequence[str] = (),
                 stored_utc: Optional[str] = None) -> None:
    """Append one event (``event['supersedes']`` = first superseded uuid) and all its links."""
    values = [event.get(column) for column in EVENT_COLUMNS]
    connection.execute(f"INSERT INTO verdict_events ({', '.join(EVENT_COLUMNS)}, stored_utc) "
                       f"VALUES ({placeholders(len(EVENT_COLUMNS))}, "
                       "COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ','now')))", (*values, stored_utc))
    add_links(connection, event["event_uuid"], supersedes)


def add_links(connection: sqlite3.Connection, event_uuid: str, supersedes: Sequence[str]) -> None:
    connection.executemany("INSERT OR IGNORE INTO verdict_supersedes (event_uuid, superseded_uuid) VALUES (?, ?)",
                           [(event_uuid, old) for old in supersedes])


def require_item(connection: sqlite3.Connection, item_id: str) -> None:
    if connection.execute("SELECT 1 FROM review_items WHERE item_id = ?", (item_id,)).fetchone() is None:
        raise InputError(f"unknown review item {item_id!r}", item_id=item_id)


def current_verdicts(connection: sqlite3.Connection, pilot_area: Optional[str] = None) -> pd.DataFrame:
    """One row per reviewed item: its newest open event, how many events are open, and conflict."""
    conditions = "o.rank = 1" + (" AND i.pilot_area_id = ?" if pilot_area is not None else "")
    table = frame(connection, f"""
        WITH open_events AS (
          SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e.item_id ORDER BY e.created_utc DESC, e.fid DESC) AS rank,
                 COUNT(*) OVER (PARTITION BY e.item_id) AS open_events
          FROM verdict_events e WHERE {_OPEN})
        SELECT o.item_id, o.event_uuid, o.verdict, o.sub_type, o.note, o.reviewer, o.device, o.created_utc,
               o.created_local, o.origin, o.open_events, i.pilot_area_id
        FROM open_events o JOIN review_items i ON i.item_id = o.item_id
        WHERE {conditions} ORDER BY i.fid""", () if pilot_area is None else (pilot_area,))
    conflicted = set(open_conflicts(connection)["item_id"])
    table["conflict"] = table["item_id"].isin(conflicted)
    return table


def history(connection: sqlite3.Connection, item_id: str) -> pd.DataFrame:
    """Every event of an item, oldest first, with the events it supersedes and is superseded by."""
    table = frame(connection, f"""
        SELECT e.event_uuid, e.item_id, e.verdict, e.sub_type, e.note, e.reviewer, e.device, e.created_utc,
               e.created_local, e.origin, e.stored_utc,
               (SELECT group_concat(s.superseded_uuid, ',') FROM verdict_supersedes s
                 WHERE s.event_uuid = e.event_uuid) AS supersedes,
               (SELECT group_concat(s.event_uuid, ',') FROM verdict_supersedes s
                 WHERE s.superseded_uuid = e.event_uuid) AS superseded_by,
               {_OPEN} AS is_open
        FROM verdict_events e WHERE e.item_id = ? ORDER BY e.created_utc, e.fid""", (item_id,))
    for column in ("supersedes", "superseded_by"):
        table[column] = [value.split(",") if isinstance(value, str) and value else [] for value in table[column]]
    table["is_open"] = table["is_open"].astype(bool)
    newest_open = table.index[table["is_open"]].max() if table["is_open"].any() else None
    table["is_current"] = table.index == newest_open
    return table


def open_conflicts(connection: sqlite3.Connection) -> pd.DataFrame:
    """Conflicts reported by imports whose two events are both still open (not yet resolved)."""
    return frame(connection, """
        SELECT DISTINCT l.item_id, l.event_uuid, l.conflicts_with,
               a.verdict AS verdict, a.reviewer AS reviewer, a.created_utc AS created_utc,
               b.verdict AS other_verdict, b.reviewer AS other_reviewer, b.created_utc AS other_created_utc
        FROM import_log l
        JOIN verdict_events a ON a.event_uuid = l.event_uuid
        JOIN verdict_events b ON b.event_uuid = l.conflicts_with
        WHERE l.outcome = 'conflicting' AND l.conflicts_with IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM verdict_supersedes s WHERE s.superseded_uuid = l.event_uuid)
          AND NOT EXISTS (SELECT 1 FROM verdict_supersedes s WHERE s.superseded_uuid = l.conflicts_with)
        ORDER BY l.item_id""")


def progress(connection: sqlite3.Connection, pilot_area: Optional[str] = None) -> tuple[int, int]:
    """(items with at least one verdict, all items), optionally of one pilot area."""
    where, parameters = ("WHERE i.pilot_area_id = ?", (pilot_area,)) if pilot_area is not None else ("", ())
    reviewed, total = connection.execute(f"""
        SELECT COALESCE(SUM(EXISTS (SELECT 1 FROM verdict_events e WHERE e.item_id = i.item_id)), 0), COUNT(*)
        FROM review_items i {where}""", parameters).fetchone()
    return int(reviewed), int(total)
