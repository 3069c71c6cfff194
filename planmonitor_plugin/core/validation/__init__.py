"""Data-quality validation (数据质检) of planning layers: schema, codes, geometry, topology, 三线冲突, areas.

Pure Python (numpy, pandas, shapely 2).  The QGIS side converts layers into
:class:`LayerInput` (attributes + lon/lat geometries in EPSG:4490), calls
:func:`validate` and turns the :class:`ValidationResult` into an error layer and
a report::

    from planmonitor_plugin.core.validation import LayerInput, load_rule_set, validate
    result = validate([LayerInput("地类图斑", "current_land_use", frame, geoms, fields, "EPSG:4527")],
                      load_rule_set(), progress=feedback.setProgress, cancelled=feedback.isCanceled)

Rule ids, titles and parameter types: :data:`RULES`; defaults:
``resources/rules/validation_default.json``.
"""

from planmonitor_plugin.core.validation.engine import validate
from planmonitor_plugin.core.validation.model import (
    FINDING_COLUMNS,
    SUMMARY_COLUMNS,
    LayerInput,
    ValidationResult,
)
from planmonitor_plugin.core.validation.rules import RULES, RuleSet, RuleSetError, load_rule_set

__all__ = [
    "FINDING_COLUMNS", "RULES", "SUMMARY_COLUMNS", "LayerInput", "RuleSet", "RuleSetError", "ValidationResult",
    "load_rule_set", "validate",
]
