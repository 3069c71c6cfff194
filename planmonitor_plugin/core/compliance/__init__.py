"""Compliance review (合规性审查) of construction project sites against the three lines and the plan.

Pure Python (numpy, pandas, shapely 2); geometries are CGCS2000 lon/lat arrays::

    from planmonitor_plugin.core.compliance import check_sites, load_rule_pack
    result = check_sites(sites_frame, sites_geometry,
                         {"ecological_redline": (redline_frame, redline_geometry), …},
                         load_rule_pack(), progress=feedback.setProgress, cancelled=feedback.isCanceled)

Rules and the provisional compatibility table: ``resources/rules/compliance_default.json``.
"""

from planmonitor_plugin.core.compliance.overlay import outside_parts, overlay_pairs
from planmonitor_plugin.core.compliance.patches import PatchScreening, screen_patches
from planmonitor_plugin.core.compliance.rules import (
    ComplianceRule,
    RulePack,
    RulePackError,
    load_rule_pack,
    parse_rule_pack,
)
from planmonitor_plugin.core.compliance.sites import ComplianceResult, check_sites

__all__ = ["ComplianceResult", "ComplianceRule", "PatchScreening", "RulePack", "RulePackError", "check_sites",
           "load_rule_pack", "outside_parts", "overlay_pairs", "parse_rule_pack", "screen_patches"]
