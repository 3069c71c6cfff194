"""The site-compliance (建设项目选址合规性审查) HTML report, in the user's language."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd

from planmonitor_plugin.__about__ import __version__
from planmonitor_plugin.core.report import ReportSection, render_report
from planmonitor_plugin.qgis_adapter.i18n import qgis_locale, tr


def verdict_labels() -> dict[str, str]:
    return {"compliant": tr("compliant (合规)"), "non_compliant": tr("non-compliant (不合规)"),
            "needs_justification": tr("needs justification (需论证)"), "not_checked": tr("not checked")}


def write_compliance_report(path: str, result, sites_name: str, when: datetime) -> str:
    """Write the report; returns ``path``."""
    labels = verdict_labels()
    sites = result.sites
    area_columns = [c for c in sites.columns if c.endswith("_ha")]
    table = pd.DataFrame({tr("Site"): sites["site_key"].astype(str),
                          tr("Verdict"): sites["verdict"].map(lambda v: labels.get(v, v)),
                          "verdict": sites["verdict"]})
    for column in area_columns:
        table[f"{column[:-3]} ({tr('ha')})"] = sites[column].round(4)
    conflicts = result.conflicts
    conflict_table = pd.DataFrame({
        tr("Rule"): conflicts["rule_id"], tr("Site"): conflicts["site_key"].astype(str),
        tr("Constraint feature"): conflicts["constraint_key"].astype(str),
        tr("Area (公顷)"): conflicts["area_ha"].round(4), tr("Area (亩)"): conflicts["area_mu"].round(2),
        tr("Verdict"): conflicts["verdict"].map(lambda v: labels.get(v, v)), "verdict": conflicts["verdict"]})
    counts = sites["verdict"].value_counts()
    metadata = [
        (tr("Generated"), when.strftime("%Y-%m-%d %H:%M")),
        (tr("Sites"), f"{sites_name}: {len(sites)}"),
        (tr("Result"), ", ".join(f"{labels.get(v, v)} {n}" for v, n in counts.items())),
        (tr("Rule pack"), f"{result.pack_id} {result.pack_version}"),
        (tr("Software"), f"PlanMonitor {__version__}"),
    ]
    numeric = {c for c in table.columns if c.endswith(f"({tr('ha')})")} | {tr("Area (公顷)"), tr("Area (亩)")}
    sections = [
        ReportSection(tr("Sites"), table, numeric_columns=numeric, class_column="verdict"),
        ReportSection(tr("Conflicts"), conflict_table if len(conflict_table) else None,
                      text="" if len(conflict_table) else tr("No conflicts."), numeric_columns=numeric,
                      class_column="verdict" if len(conflict_table) else None),
    ]
    page = render_report(tr("Construction site compliance report"), metadata, sections,
                         language="zh" if qgis_locale().lower().startswith("zh") else "en")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(page, encoding="utf-8")
    return path
