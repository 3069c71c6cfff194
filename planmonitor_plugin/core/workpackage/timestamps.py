"""Timestamps as stored in a work package: UTC ``…Z`` with milliseconds, local with offset."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional


def utc_text(moment: datetime) -> str:
    """``2026-11-24T06:46:12.123Z`` (the GeoPackage DATETIME form)."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def local_text(moment: datetime) -> str:
    """``2026-11-24T14:46:12.123+08:00``: the moment in the machine's (or the moment's) offset."""
    aware = moment if moment.tzinfo is not None else moment.astimezone()
    return aware.isoformat(timespec="milliseconds")


def now() -> datetime:
    """The current moment with the machine's UTC offset."""
    return datetime.now(timezone.utc).astimezone()


def utc_now() -> str:
    return utc_text(now())


def normalised_utc(text: Optional[str]) -> Optional[str]:
    """An ISO 8601 time from elsewhere (offset, ``Z`` or naive = UTC) in the stored UTC form.

    Text that is not ISO 8601 is returned unchanged: an imported event is never dropped for its clock.
    """
    if text is None:
        return None
    value = str(text).strip()
    try:
        moment = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return utc_text(moment)
