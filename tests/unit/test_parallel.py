"""Chunks in threads: every slice once, results as in one thread, the first error re-raised."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from planmonitor_plugin.core.errors import Cancelled
from planmonitor_plugin.core.parallel import for_each_chunk


def test_every_slice_exactly_once_and_same_result_as_serial():
    boxes = shapely.box(np.arange(1000.0), 0, np.arange(1000.0) + 1.5, 1)
    other = shapely.box(np.arange(1000.0) + 0.5, 0, np.arange(1000.0) + 2, 1)
    result = np.zeros(1000)
    seen = np.zeros(1000, dtype=int)

    def work(chunk):
        seen[chunk] += 1
        result[chunk] = shapely.area(shapely.intersection(boxes[chunk], other[chunk]))

    for_each_chunk(work, 1000, 64)
    assert (seen == 1).all()
    assert result == pytest.approx(shapely.area(shapely.intersection(boxes, other)))


def test_first_error_is_raised_and_no_new_chunk_starts_after_it():
    started = []

    def check():
        if len(started) >= 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        for_each_chunk(lambda chunk: started.append(chunk.start), 1000, 1, check)
    assert len(started) < 20
