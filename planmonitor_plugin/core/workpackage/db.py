"""sqlite3 plumbing: connections, one-transaction writes, query results as DataFrames."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from typing import Any, Iterator, Sequence, Union

import pandas as pd

PathLike = Union[str, os.PathLike]
BUSY_TIMEOUT_S = 30.0


def connect(path: PathLike) -> sqlite3.Connection:
    """A connection in autocommit mode: writes go through :func:`transaction` only.

    Rollback journal (no WAL: the package stays one file to copy) with full sync, so a
    killed process leaves either the whole transaction or none of it.
    """
    connection = sqlite3.connect(os.fspath(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    connection.execute("PRAGMA synchronous = FULL")
    return connection


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; any exception rolls everything back and propagates."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def frame(connection: sqlite3.Connection, sql: str, parameters: Sequence[Any] = ()) -> pd.DataFrame:
    """The rows of a query as a DataFrame (columns named as in the query, even when empty)."""
    cursor = connection.execute(sql, tuple(parameters))
    columns = [description[0] for description in cursor.description]
    table = pd.DataFrame(cursor.fetchall(), columns=columns)
    for column in columns:  # text columns keep None (not NaN) for missing values
        if not pd.api.types.is_numeric_dtype(table[column]):
            table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table


def table_exists(connection: sqlite3.Connection, table: str) -> bool:
    return connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                              (table,)).fetchone() is not None


def placeholders(count: int) -> str:
    return ", ".join("?" * count)
