"""Progress and cancellation callbacks, the core's only link to a user interface."""

from __future__ import annotations

from typing import Callable

from planmonitor_plugin.core.errors import Cancelled

ProgressCallback = Callable[[float], None]
CancelledCallback = Callable[[], bool]


def no_progress(_percent: float) -> None:
    """Default progress callback: ignore."""


def never_cancelled() -> bool:
    """Default cancel callback: never."""
    return False


class Steps:
    """Maps the steps of one job onto 0–100 % and checks for cancellation.

    >>> steps = Steps(total=4)
    >>> steps.advance()  # 25 %
    """

    def __init__(self, total: int, progress: ProgressCallback = no_progress,
                 cancelled: CancelledCallback = never_cancelled) -> None:
        self.total = max(int(total), 1)
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancelled():
            raise Cancelled()

    def advance(self, count: int = 1) -> None:
        self.check()
        self.done = min(self.done + count, self.total)
        self._progress(100.0 * self.done / self.total)
