"""Errors raised by the core, each with a stable machine code.

The adapters turn them into translated, user-facing messages; the core never
formats text for the user interface itself beyond an English default.
"""

from __future__ import annotations


class PlanMonitorError(Exception):
    """Base class: ``code`` identifies the problem, ``details`` hold its facts."""

    code = "error"

    def __init__(self, message: str = "", **details) -> None:
        super().__init__(message or self.code)
        self.details = details


class Cancelled(PlanMonitorError):
    """The user cancelled the operation."""

    code = "cancelled"


class InputError(PlanMonitorError):
    """Input data that cannot be processed as given."""

    code = "input"


class CoordinatesOutOfRange(InputError):
    """Coordinates that do not belong to the coordinate reference system they are declared in."""

    code = "coordinates_out_of_range"
