"""The land-use conformity (现状与规划符合性分析) HTML report, in the user's language."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd

from planmonitor_plugin.__about__ import __version__
from planmonitor_plugin.core.report import ReportSection, render_report
from planmonitor_plugin.qgis_adapter.i18n import qgis_locale, tr


def category_labels() -> dict[str, str]:
    return {"conforming": tr("conforming (符合规划)"), "nonconforming": tr("nonconforming (不符合规划)"),
            "ambiguous": tr("ambiguous: class needs subdivision (需细分)"),
            "unclassified": tr("unclassified: missing or unknown code"),
            "not_planned": tr("not covered by the plan (规划未覆盖)")}


def kind_labels() -> dict[str, str]:
    return {"built_against_plan": tr("construction where the plan has non-construction use"),
            "awaiting_construction": tr("planned construction not built yet"),
            "class_differs": tr("other class difference"), "": ""}


def write_conformity_report(path: str, result, layers: tuple[str, str], options: list[tuple[str, str]],
                            township_names: dict[str, str], when: datetime) -> str:
    """Write the report; returns ``path``. ``layers`` = (current, planned) layer names."""
    totals = result.totals
    county = _labelled(totals[totals["level"] == "county"])
    towns = totals[totals["level"] == "township"].copy()
    towns["township"] = towns["township"].map(lambda code: _township(code, township_names))
    pivot = towns.pivot_table(index="township", columns="category", values="area_ha", aggfunc="sum", fill_value=0.0)
    pivot = pivot.rename(columns=lambda c: f"{category_labels().get(c, c)} ({tr('ha')})").reset_index()
    pivot = pivot.rename(columns={"township": tr("Township")})
    metadata = [(tr("Generated"), when.strftime("%Y-%m-%d %H:%M")),
                (tr("Current land use"), layers[0]), (tr("Planned land use"), layers[1]),
                (tr("Crosswalk"),
                 tr("三调 → 用地用海 2023, version {version}").format(version=result.crosswalk_version)),
                *options, (tr("Software"), f"PlanMonitor {__version__}")]
    numeric = {tr("Area (公顷)"), tr("Area (亩)"), tr("Share (%)"), tr("Pieces")} | {
        c for c in pivot.columns if c != tr("Township")}
    sections = [
        ReportSection(tr("County totals"), county, numeric_columns=numeric, class_column="category"),
        ReportSection(tr("By township"), pivot if len(pivot) else None, numeric_columns=numeric,
                      text="" if len(pivot) else tr("No township codes: see the county totals.")),
        ReportSection(tr("How pieces are judged"), text=tr(
            "Each parcel is cut by the planned-use polygons. Its 三调 class is converted through the crosswalk "
            "and compared with the planned code at their common level (a four-digit class against a six-digit "
            "planned code compares four digits). Classes that need subdivision are decided only when every "
            "candidate code gives the same outcome; otherwise they are listed as ambiguous, never guessed. "
            "Areas are ellipsoidal (CGCS2000).")),
    ]
    page = render_report(tr("Land-use conformity report"), metadata, sections,
                         language="zh" if qgis_locale().lower().startswith("zh") else "en")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(page, encoding="utf-8")
    return path


def _labelled(totals: pd.DataFrame) -> pd.DataFrame:
    categories, kinds = category_labels(), kind_labels()
    return pd.DataFrame({
        tr("Category"): totals["category"].map(lambda c: categories.get(c, c)).to_numpy(),
        tr("Kind"): totals["kind"].map(lambda k: kinds.get(k, k)).to_numpy(),
        tr("Pieces"): totals["pieces"].to_numpy(),
        tr("Area (公顷)"): totals["area_ha"].round(4).to_numpy(),
        tr("Area (亩)"): totals["area_mu"].round(2).to_numpy(),
        tr("Share (%)"): (100.0 * totals["share"]).round(2).to_numpy(),
        "category": totals["category"].map({"conforming": "compliant", "nonconforming": "non_compliant",
                                            "ambiguous": "needs_justification"}).fillna("").to_numpy()})


def _township(code: str, names: dict[str, str]) -> str:
    if not code:
        return tr("(no township code)")
    return f"{names[code]} ({code})" if code in names else code
