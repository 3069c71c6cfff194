"""The monitoring-indicator (监测评估指标) HTML report, in the user's language, printable, charts as inline SVG."""

from __future__ import annotations

import html
import math
from datetime import datetime
from pathlib import Path
from typing import Optional

import pandas as pd

from planmonitor_plugin.__about__ import __version__
from planmonitor_plugin.core.indicators.charts import CHART_CSS, bar_chart_svg, legend, traffic_light_table
from planmonitor_plugin.core.report import ReportSection, render_report
from planmonitor_plugin.qgis_adapter.i18n import qgis_locale, tr


def _is_chinese() -> bool:
    return qgis_locale().lower().startswith("zh")


def level_names() -> dict[str, str]:
    return {"green": tr("green"), "yellow": tr("yellow"), "red": tr("red"), "no_target": tr("no target"),
            "none": tr("no direction"), "not_computed": tr("not computed")}


def trend_names() -> dict[str, str]:
    return {"up": tr("up"), "down": tr("down"), "flat": tr("flat"), "improving": tr("improving"),
            "worsening": tr("worsening"), "stable": tr("stable"), "none": "", "": ""}


def _format(value, decimals: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.{decimals}f}"


def _decimals(catalog, indicator_id: str) -> int:
    return catalog.get(indicator_id).decimals


def write_indicator_report(path: str, snapshot: pd.DataFrame, catalog, thresholds, year: int,
                           base_year: Optional[int], county_name: str, when: datetime) -> str:
    """Write the report for ``year`` (and the change since ``base_year``); returns ``path``."""
    chinese = _is_chinese()
    name_column = "name_zh" if chinese else "name_en"
    current = snapshot[snapshot["year"] == year]
    units = current.drop_duplicates("unit_code")[["unit_code", "unit_name", "unit_level"]]
    counts = current[current["warning_level"].isin(["red", "yellow", "green"])]["warning_level"].value_counts()
    names = level_names()
    metadata = [
        (tr("Generated"), when.strftime("%Y-%m-%d %H:%M")),
        (tr("County"), county_name),
        (tr("Monitoring year"), str(year) + (f" ({tr('compared with')} {base_year})" if base_year else "")),
        (tr("Warnings"), ", ".join(f"{names[level]} {int(counts.get(level, 0))}" for level in ("red", "yellow",
                                                                                              "green"))),
        (tr("Indicator catalog"), f"{catalog.source} {catalog.version}"),
        (tr("Warning thresholds"), f"{getattr(thresholds, 'source', '')} — {tr('local configuration')}"),
        (tr("Software"), f"PlanMonitor {__version__}"),
    ]
    sections = [_overview(current, units, catalog, name_column),
                _thresholds_note(thresholds, catalog, name_column),
                *_charts(current, catalog, name_column),
                _all_values(current, units, catalog, name_column)]
    if base_year:
        sections.append(_changes(current, catalog, name_column, base_year, year))
    sections.append(_not_computed(current, name_column))
    page = render_report(tr("Monitoring indicators report"), metadata, sections,
                         language="zh" if chinese else "en", extra_style=CHART_CSS)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(page, encoding="utf-8")
    return path


def _targeted(current: pd.DataFrame) -> list[str]:
    """Indicator ids with at least one target, in catalog order of appearance."""
    return list(dict.fromkeys(current.loc[current["target"].notna(), "indicator_id"]))


def _overview(current, units, catalog, name_column) -> ReportSection:
    targeted = _targeted(current)
    if not targeted:
        return ReportSection(tr("Traffic-light overview"),
                             text=tr("No plan targets were given: values are reported without warning levels."))
    cells = []
    by_key = current.set_index(["unit_code", "indicator_id"])
    for code in units["unit_code"]:
        row = []
        for indicator_id in targeted:
            record = by_key.loc[(code, indicator_id)]
            level = record["warning_level"]
            text = _format(record["value"], _decimals(catalog, indicator_id)) if level != "no_target" else "–"
            row.append((text or level_names().get(level, level), level))
        cells.append(row)
    columns = [f"{getattr(catalog.get(i), name_column)} ({catalog.get(i).unit})" for i in targeted]
    names = level_names()
    markup = legend([("green", names["green"] + " — " + tr("target met with a margin")),
                     ("yellow", names["yellow"] + " — " + tr("within the yellow margin of the target")),
                     ("red", names["red"] + " — " + tr("target missed"))])
    markup += traffic_light_table(list(units["unit_name"].astype(str)), columns, cells, tr("Unit"))
    return ReportSection(tr("Traffic-light overview"), html=markup)


def _thresholds_note(thresholds, catalog, name_column) -> ReportSection:
    margin = thresholds.get("*", 0.0) if thresholds is not None else 0.0
    tolerance = getattr(thresholds, "tolerances", {}).get("*", 0.0)
    lines = [tr("These warning thresholds are local configuration: no national early-warning thresholds are "
                "published. Set them for your county in a thresholds file."),
             tr("Caps (at most): above the target → red; within {margin} % below it → yellow; otherwise green. "
                "Floors (at least): below the target → red; within {margin} % above it → yellow; otherwise green.")
             .format(margin=_format(margin * 100, 1)),
             tr("Values within {tolerance} % of the target count as equal to it (planar targets against "
                "ellipsoidal areas).").format(tolerance=_format(tolerance * 100, 3))]
    overrides = [f"{getattr(catalog.get(i), name_column)}: {_format(m * 100, 1)} %"
                 for i, m in (thresholds or {}).items() if i != "*"]
    if overrides:
        lines.append(tr("Indicator-specific yellow margins: {list}.").format(list="; ".join(overrides)))
    markup = '<div class="local">' + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</div>"
    return ReportSection(tr("Warning thresholds (local configuration)"), html=markup)


def _charts(current, catalog, name_column) -> list[ReportSection]:
    sections = []
    for indicator_id in _targeted(current):
        indicator = catalog.get(indicator_id)
        rows = current[(current["indicator_id"] == indicator_id) & (current["unit_level"] == "township")]
        svg = bar_chart_svg(list(rows["unit_name"].astype(str)), list(rows["value"]), list(rows["target"]),
                            list(rows["warning_level"]), indicator.unit, tr("target"), indicator.decimals,
                            tr("not computed"))
        county = current[(current["indicator_id"] == indicator_id) & (current["unit_level"] == "county")]
        text = ""
        if len(county):
            record = county.iloc[0]
            text = tr("County: {value} against the target {target} {unit} ({level}).").format(
                value=_format(record["value"], indicator.decimals), target=_format(record["target"],
                                                                                   indicator.decimals),
                unit=indicator.unit, level=level_names().get(record["warning_level"], record["warning_level"]))
        sections.append(ReportSection(tr("{name}: value against target per township").format(
            name=getattr(indicator, name_column)), text=text, html=svg))
    return sections


def _all_values(current, units, catalog, name_column) -> ReportSection:
    table = pd.DataFrame({tr("Indicator"): [getattr(catalog.get(i), name_column)
                                            for i in dict.fromkeys(current["indicator_id"])]})
    ids = list(dict.fromkeys(current["indicator_id"]))
    table[tr("Unit of measure")] = [catalog.get(i).unit for i in ids]
    by_key = current.set_index(["unit_code", "indicator_id"])
    for code, name in zip(units["unit_code"], units["unit_name"].astype(str)):
        table[name] = [_format(by_key.loc[(code, i), "value"], _decimals(catalog, i)) or tr("not computed")
                       for i in ids]
    return ReportSection(tr("All indicators (county and townships)"), table)


def _changes(current, catalog, name_column, base_year, year) -> ReportSection:
    county = current[(current["unit_level"] == "county") & current["trend"].astype(str).ne("")]
    trends = trend_names()
    table = pd.DataFrame({
        tr("Indicator"): [getattr(catalog.get(i), name_column) for i in county["indicator_id"]],
        tr("Unit of measure"): list(county["unit"]),
        str(year): [_format(v, _decimals(catalog, i)) for v, i in zip(county["value"], county["indicator_id"])],
        tr("Change"): [_format(v, _decimals(catalog, i)) for v, i in zip(county["change"], county["indicator_id"])],
        tr("Trend"): [trends.get(t, t) for t in county["trend"]],
        tr("Assessment"): [trends.get(a, a) for a in county["assessment"]]})
    return ReportSection(tr("Change since {year} (county)").format(year=base_year), table,
                         text="" if len(table) else tr("No indicator was computed in both years."))


def _not_computed(current, name_column) -> ReportSection:
    missing = current[current["status"] == "not_computed"].drop_duplicates(["indicator_id", "reason"])
    if not len(missing):
        return ReportSection(tr("Not computed"), text=tr("Every indicator was computed."))
    table = pd.DataFrame({tr("Indicator"): list(missing[name_column]), tr("Unit"): list(missing["unit_name"]),
                          tr("Reason"): list(missing["reason"])})
    return ReportSection(tr("Not computed"), table,
                         text=tr("These indicators lack an input; they are not reported as zero."))
