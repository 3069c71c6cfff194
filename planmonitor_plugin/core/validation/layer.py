"""A layer ready for checking: resolved role and columns, feature keys and cached geometry facts.

Everything expensive (validity, repaired copies, ellipsoidal areas, spatial
index, coverage faces) is computed on first use and shared by the checks, so a
disabled check costs nothing.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd
import shapely

from planmonitor_plugin.core.area import polygon_areas
from planmonitor_plugin.core.code_tables import normalise_codes
from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.roles import FieldSpec, RoleSpec
from planmonitor_plugin.core.validation import coverage, spatial
from planmonitor_plugin.core.validation.model import FID_PREFIX, LayerInput


class PreparedLayer:
    """A :class:`LayerInput` with its role and lazily computed geometry facts."""

    def __init__(self, source: LayerInput, role: RoleSpec | None) -> None:
        self.source = source
        self.role = role
        self.name = source.name
        self.frame = source.frame
        self.geometry = _geometry_array(source)
        self.fids = _feature_ids(source)
        self._columns = {str(c).upper(): c for c in source.frame.columns}
        self._faces: coverage.CoverageFaces | None = None
        self._faces_done = False

    def __len__(self) -> int:
        return len(self.fids)

    # ------------------------------------------------------------------ attributes

    def column(self, spec: FieldSpec | None) -> str | None:
        """The frame column holding ``spec`` (by name or alias, any case), or None."""
        if spec is None:
            return None
        return next((self._columns[n] for n in spec.all_names if n in self._columns), None)

    def field_spec(self, name: str) -> FieldSpec | None:
        """The role's field called ``name`` (or having it as alias)."""
        return self.role.field(name) if self.role else None

    @cached_property
    def key_spec(self) -> FieldSpec | None:
        """The role's key field (BSM …) if the layer has it."""
        spec = self.field_spec(self.role.key_field) if self.role else None
        return spec if self.column(spec) else None

    @property
    def key_label(self) -> str:
        """Name of the key field as shown in messages (``BSM``), or ``fid``."""
        return self.key_spec.name if self.key_spec else "fid"

    @cached_property
    def key_values(self) -> pd.Series:
        """Key values as stripped text (<NA> where missing); all <NA> without a key field."""
        column = self.column(self.key_spec)
        if column is None:
            return pd.Series(pd.NA, index=self.frame.index, dtype="string")
        return key_texts(self.frame[column])

    @cached_property
    def keys(self) -> np.ndarray:
        """``feature_key`` of each feature: the key value, else ``fid:<id>``."""
        values = self.key_values.astype(object).to_numpy(dtype=object)
        fallback = np.char.add(FID_PREFIX, self.fids.astype(str)).astype(object)
        return np.where(pd.isna(values), fallback, values)

    # ------------------------------------------------------------------ geometry

    @cached_property
    def is_null(self) -> np.ndarray:
        """No geometry at all (NULL)."""
        return shapely.is_missing(self.geometry)

    @cached_property
    def is_empty(self) -> np.ndarray:
        """A geometry without coordinates."""
        return ~self.is_null & shapely.is_empty(self.geometry)

    @cached_property
    def present(self) -> np.ndarray:
        """Geometry present and not empty."""
        return ~(self.is_null | self.is_empty)

    @cached_property
    def is_valid(self) -> np.ndarray:
        """OGC validity; True where there is nothing to test."""
        valid = np.ones(len(self), dtype=bool)
        valid[self.present] = shapely.is_valid(self.geometry[self.present])
        return valid

    @cached_property
    def polygons(self) -> np.ndarray:
        """Valid polygonal copies (``make_valid`` where invalid); None where no area remains."""
        return spatial.repair(self.geometry, self.is_valid)

    @cached_property
    def areas(self) -> np.ndarray:
        """Ellipsoidal areas (m²) of :attr:`polygons`; NaN where there is none."""
        return polygon_areas(self.polygons)

    @cached_property
    def tree(self) -> shapely.STRtree:
        """Spatial index of :attr:`polygons`."""
        return shapely.STRtree(self.polygons)

    def coverage_faces(self, check: coverage.CancelCheck) -> coverage.CoverageFaces | None:
        """Faces of the unbalanced edges, shared by the gap and overlap checks.

        None when the layer's edges are too mismatched (see :func:`coverage.analyse`).
        """
        if not self._faces_done:
            self._faces = coverage.analyse(self.polygons, self.tree, check)
            self._faces_done = True
        return self._faces


def _feature_ids(source: LayerInput) -> np.ndarray:
    """The frame index as int64 feature ids."""
    try:
        return np.asarray(source.frame.index, dtype=np.int64)
    except (TypeError, ValueError) as exc:
        raise InputError(f"Layer {source.name!r}: the attribute index must hold integer feature ids",
                         layer=source.name) from exc


def _geometry_array(source: LayerInput) -> np.ndarray:
    """The layer's geometries as an object array; anything that is not a geometry becomes None."""
    geometry = np.asarray(source.geometry, dtype=object)
    if geometry.ndim != 1 or len(geometry) != len(source.frame):
        raise InputError(f"Layer {source.name!r}: {len(geometry)} geometries for {len(source.frame)} features",
                         layer=source.name)
    geometry = geometry.copy()
    geometry[~shapely.is_geometry(geometry)] = None
    return geometry


def key_texts(values: pd.Series) -> pd.Series:
    """Identifier values as text: integral floats without ``.0`` (BSM read as a number), blanks as <NA>."""
    if pd.api.types.infer_dtype(values, skipna=True) in ("floating", "mixed-integer-float"):
        numbers = pd.to_numeric(values, errors="coerce").astype(float)
        integral = numbers.notna() & (numbers == np.floor(numbers)) & (numbers.abs() < 2**53)
        text = numbers.astype(str).astype(object)
        text[integral] = numbers[integral].astype(np.int64).astype(str)
        text[numbers.isna()] = None
        return normalise_codes(text)
    return normalise_codes(values)
