"""Monitoring indicators (TD/T 1063 names): catalog, engine, targets/warnings, two-year trends.

Public API::

    from planmonitor_plugin.core.indicators import (
        load_catalog, compute_indicators, evaluate_targets, load_thresholds, compare_years)
"""

from planmonitor_plugin.core.indicators.catalog import Catalog, CatalogError, Indicator, load_catalog, parse_catalog
from planmonitor_plugin.core.indicators.engine import compute_indicators
from planmonitor_plugin.core.indicators.rounding import balanced_round
from planmonitor_plugin.core.indicators.trends import compare_years
from planmonitor_plugin.core.indicators.warnings import (
    GHMB_COLUMNS,
    evaluate_targets,
    load_thresholds,
    parse_thresholds,
    warning_level,
)

__all__ = ["GHMB_COLUMNS", "Catalog", "CatalogError", "Indicator", "balanced_round", "compare_years",
           "compute_indicators", "evaluate_targets", "load_catalog", "load_thresholds", "parse_catalog",
           "parse_thresholds", "warning_level"]
