"""The data-quality (规划数据质检) HTML report, in the user's language."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd

from planmonitor_plugin.__about__ import __version__
from planmonitor_plugin.core.report import ReportSection, render_report
from planmonitor_plugin.core.roles import load_roles
from planmonitor_plugin.qgis_adapter.i18n import qgis_locale, tr

MAX_LISTED_FINDINGS = 2000


def rule_labels() -> dict[str, str]:
    """Translated names of the validation rules (rule id → label)."""
    return {
        "crs.missing": tr("No coordinate reference system"),
        "crs.not_cgcs2000": tr("Not a CGCS2000 coordinate system"),
        "encoding.suspect": tr("Text encoding uncertain"),
        "schema.missing_field": tr("Required field missing"),
        "schema.wrong_type": tr("Field of the wrong type"),
        "schema.too_long": tr("Field longer than the standard"),
        "code.unknown": tr("Code not in the code table"),
        "code.empty": tr("Code empty"),
        "geometry.null": tr("No geometry"),
        "geometry.empty": tr("Empty geometry"),
        "geometry.invalid": tr("Invalid geometry"),
        "key.duplicate": tr("Duplicate key"),
        "topology.overlap": tr("Overlap within a layer"),
        "topology.gap": tr("Gap within a layer"),
        "conflict.control_lines": tr("Conflict between control lines (三线冲突)"),
        "area.mismatch": tr("Area field disagrees with the ellipsoidal area"),
        "area.missing": tr("Area field empty"),
    }


def _severity_label(severity: str) -> str:
    return {"error": tr("error"), "warning": tr("warning")}.get(severity, severity)


def _role_label(role_id: str | None, use_chinese: bool) -> str:
    if not role_id:
        return tr("not recognised")
    role = load_roles().get(role_id)
    if role is None:
        return role_id
    return f"{role.name_zh if use_chinese else role.name_en} ({role_id})"


def write_validation_report(path: str, result, layers: list[tuple[str, str | None, str, int]],
                            when: datetime) -> str:
    """Write the report to ``path``; ``layers`` are (name, role id, CRS, feature count)."""
    use_chinese = qgis_locale().lower().startswith("zh")
    labels = rule_labels()
    findings = result.findings
    errors = int((findings["severity"] == "error").sum())
    warnings = int((findings["severity"] == "warning").sum())
    metadata = [
        (tr("Generated"), when.strftime("%Y-%m-%d %H:%M")),
        (tr("Rule set"), f"{result.rule_set_id} {result.rule_set_version}"),
        (tr("Result"), tr("{errors} errors, {warnings} warnings").format(errors=errors, warnings=warnings)),
        (tr("Software"), f"PlanMonitor {__version__}"),
    ]
    layer_table = pd.DataFrame(
        [(name, _role_label(role, use_chinese), crs or tr("none"), count) for name, role, crs, count in layers],
        columns=[tr("Layer"), tr("Role"), tr("CRS"), tr("Features")])
    summary = result.summary.assign(
        rule=lambda f: f["rule_id"].map(lambda r: labels.get(r, r)),
        severity_label=lambda f: f["severity"].map(_severity_label))
    summary_table = summary[["layer", "rule", "rule_id", "severity_label", "count", "severity"]]
    summary_table.columns = [tr("Layer"), tr("Check"), tr("Rule id"), tr("Severity"), tr("Count"), "severity"]
    listed = findings.head(MAX_LISTED_FINDINGS)
    message_column = "message_zh" if use_chinese else "message_en"
    detail = pd.DataFrame({
        tr("Layer"): listed["layer"], tr("Feature"): listed["feature_key"],
        tr("Check"): listed["rule_id"].map(lambda r: labels.get(r, r)),
        tr("Severity"): listed["severity"].map(_severity_label), tr("Message"): listed[message_column],
        "severity": listed["severity"]})
    sections = [
        ReportSection(tr("Layers checked"), layer_table, numeric_columns={tr("Features")}),
        ReportSection(tr("Summary"), summary_table if len(summary_table) else None,
                      text="" if len(summary_table) else tr("No problems found."),
                      numeric_columns={tr("Count")}, class_column="severity" if len(summary_table) else None),
        ReportSection(tr("Findings"), detail if len(detail) else None,
                      text=tr("Showing the first {n} of {total} findings; all are in the error layers.")
                      .format(n=len(listed), total=len(findings)) if len(findings) > len(listed) else "",
                      class_column="severity" if len(detail) else None),
    ]
    page = render_report(tr("Planning data quality report"), metadata, sections,
                         language="zh" if use_chinese else "en")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(page, encoding="utf-8")
    return path
