"""Balanced (largest-remainder) rounding: rounded parts add up to the rounded total.

domain.md §7 (S-2DSUM): county = Σ townships, summaries in 公顷 with forced
balancing of the rounding.
"""

from __future__ import annotations

import numpy as np


def round_half_up(value: float, decimals: int) -> float:
    """Round half away from zero (not banker's rounding) to ``decimals`` places."""
    scale = 10.0 ** decimals
    return float(np.sign(value) * np.floor(abs(value) * scale + 0.5) / scale)


def balanced_round(parts: np.ndarray, decimals: int) -> tuple[np.ndarray, float]:
    """Round non-negative ``parts`` so they add up exactly to the rounded total.

    Returns ``(rounded_parts, rounded_total)``.  Each part is first rounded down;
    the units still missing to reach the rounded total go to the parts with the
    largest remainders (ties: the earlier part).
    """
    parts = np.asarray(parts, dtype=float)
    if np.any(parts < 0) or not np.all(np.isfinite(parts)):
        raise ValueError("balanced_round needs finite, non-negative parts")
    scale = 10 ** decimals
    scaled = parts * scale
    floors = np.floor(scaled + 1e-9)
    total = int(np.floor(scaled.sum() + 0.5 + 1e-9))
    missing = int(total - floors.sum())
    remainders = scaled - floors
    order = np.lexsort((np.arange(len(parts)), -remainders))
    units = floors.astype(np.int64)
    units[order[:missing]] += 1
    return units / scale, total / scale
