"""Area units used in Chinese land administration.

1 公顷 (hectare) = 10 000 m²; 1 亩 (mu) = 2000/3 m² (666.67 m²); 1 万亩 = 10 000 亩.
"""

from __future__ import annotations

import numpy as np

SQUARE_METRES_PER_HECTARE = 10_000.0
SQUARE_METRES_PER_MU = 2000.0 / 3.0


def square_metres_to_hectares(m2):
    return np.asarray(m2, dtype=float) / SQUARE_METRES_PER_HECTARE


def square_metres_to_mu(m2):
    return np.asarray(m2, dtype=float) / SQUARE_METRES_PER_MU


def area_units(m2) -> dict[str, np.ndarray]:
    """The same areas in m², 公顷 and 亩."""
    m2 = np.asarray(m2, dtype=float)
    return {"m2": m2, "ha": square_metres_to_hectares(m2), "mu": square_metres_to_mu(m2)}
