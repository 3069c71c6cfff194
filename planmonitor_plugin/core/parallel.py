"""Run vectorised shapely work on chunks in threads: shapely 2 releases the GIL inside GEOS, so the
chunks of one array operation use every core (the machines here have two to eight)."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

#: At most this many threads; a chunk is never split further than its caller chose.
MAX_WORKERS = max(1, min(4, os.cpu_count() or 1))


def for_each_chunk(function: Callable[[slice], None], total: int, chunk: int,
                   check: Callable[[], None] = lambda: None) -> None:
    """Call ``function(slice)`` for consecutive slices of ``range(total)``, in parallel threads.

    ``function`` writes its results into arrays owned by the caller (disjoint slices, so no
    locking is needed). ``check`` runs before each chunk and may raise (e.g. Cancelled); the
    first exception is re-raised after the running chunks finish.
    """
    slices = [slice(start, start + chunk) for start in range(0, total, chunk)]
    if len(slices) <= 1 or MAX_WORKERS == 1:
        for piece in slices:
            check()
            function(piece)
        return

    failed: list[BaseException] = []

    def run(piece: slice) -> None:
        if failed:  # cancelled or failed: start nothing new
            return
        try:
            check()
            function(piece)
        except BaseException as exc:  # noqa: BLE001 (re-raised in the calling thread)
            failed.append(exc)

    with ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
        for future in [pool.submit(run, piece) for piece in slices]:
            future.result()
    if failed:
        raise failed[0]
