"""`make demo`: the monitoring run, headless, with the real qgis_process, on the sample county.

1. generate the sample county (clean and with planted defects) — scripts/make_sample_data.py
2. validate both (planmonitor:validatedata) and write the HTML reports
3. compute ellipsoidal areas of the land-use parcels (planmonitor:ellipsoidalarea) and print a table
4. check the construction sites against the three control lines and the plan (planmonitor:sitecompliance)

Outputs go to build/demo/. Later issues extend this run (compliance → indicators → review package → sync).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from osgeo import ogr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.demo_review import review  # noqa: E402
from scripts.demo_sync import sync_round_trip  # noqa: E402
from scripts.qgisprocess import prepare_profile, run_algorithm  # noqa: E402

OUT = ROOT / "build" / "demo"


def banner(text: str) -> None:
    print(f"\n=== {text} " + "=" * max(0, 70 - len(text)), flush=True)


def generate(parcels: int, seed: int) -> Path:
    data = OUT / "data"
    banner(f"1. Sample county: {parcels} parcels, seed {seed}")
    command = [sys.executable, str(ROOT / "scripts" / "make_sample_data.py"), "--out", str(data),
               "--parcels", str(parcels), "--seed", str(seed), "--variant", "both"]
    subprocess.run(command, check=True)
    return data


def validate(env: dict, dataset: Path, label: str) -> dict:
    report = OUT / "reports" / f"质检报告_{label}.html"
    errors = OUT / f"errors_{label}.gpkg"
    started = time.perf_counter()
    result = run_algorithm("planmonitor:validatedata", {
        "DATASET": str(dataset), "OUTPUT_ERRORS": str(errors), "OUTPUT_POINTS": str(OUT / f"points_{label}.gpkg"),
        "OUTPUT_SUMMARY": str(OUT / f"summary_{label}.gpkg"), "OUTPUT_REPORT": str(report)}, env)["results"]
    seconds = time.perf_counter() - started
    print(f"{label}: {result['ERROR_COUNT']} errors, {result['WARNING_COUNT']} warnings in "
          f"{result['LAYER_COUNT']} layers ({seconds:.1f} s) → {report.relative_to(ROOT)}")
    summary = read_table(OUT / f"summary_{label}.gpkg")
    if len(summary):
        print(summary.pivot_table(index="rule_id", columns="severity", values="count", aggfunc="sum",
                                  fill_value=0).to_string())
    return result


def read_table(path: Path, layer: str | None = None) -> pd.DataFrame:
    """Attributes of a GeoPackage layer as a DataFrame (first layer unless named)."""
    dataset = ogr.Open(str(path))
    source = dataset.GetLayerByName(layer) if layer else dataset.GetLayer(0)
    definition = source.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    rows = [[feature.GetField(name) for name in names] for feature in source]
    return pd.DataFrame(rows, columns=names)


def areas(env: dict, dataset: Path) -> None:
    banner("3. Ellipsoidal areas of the land-use parcels (planmonitor:ellipsoidalarea)")
    output = OUT / "地类图斑_椭球面积.gpkg"
    result = run_algorithm("planmonitor:ellipsoidalarea", {
        "INPUT": f"{dataset}|layername=DLTB", "FIELD_M2": "MJ_PFM", "FIELD_HA": "MJ_GQ", "FIELD_MU": "MJ_MU",
        "OUTPUT": str(output)}, env)["results"]
    table = read_table(output)
    by_class = (table.groupby(["DLBM", "DLMC"])[["MJ_PFM", "MJ_GQ", "MJ_MU"]].sum()
                .sort_values("MJ_GQ", ascending=False).head(12))
    pd.set_option("display.float_format", lambda v: f"{v:,.2f}")
    print(f"{result['FEATURE_COUNT']} parcels, total {result['TOTAL_M2']:,.2f} m² = {result['TOTAL_HA']:,.4f} 公顷"
          f" = {result['TOTAL_MU']:,.2f} 亩")
    print("Largest land classes (地类, m² / 公顷 / 亩):")
    print(by_class.to_string())
    if "TBMJ" in table:
        difference = (table["TBMJ"] - table["MJ_PFM"]).abs().max()
        print(f"Largest difference between the stored TBMJ and the recomputed area: {difference:.4f} m²")


def compliance(env: dict, dataset: Path) -> None:
    banner("4. Construction-site compliance (planmonitor:sitecompliance)")
    layers = {"SITES": "XMYD", "ECOLOGICAL_REDLINE": "STBHHX", "BASIC_FARMLAND": "YJJBNTBHTB",
              "CURRENT_LAND_USE": "DLTB", "URBAN_BOUNDARY": "CZKFBJ", "PLANNED_LAND_USE": "YDYHGHFQ"}
    sites_out, report = OUT / "项目选址_审查.gpkg", OUT / "reports" / "选址合规性审查报告.html"
    result = run_algorithm("planmonitor:sitecompliance", {
        **{k: f"{dataset}|layername={v}" for k, v in layers.items()}, "OUTPUT_SITES": str(sites_out),
        "OUTPUT_CONFLICTS": str(OUT / "选址冲突.gpkg"), "OUTPUT_REPORT": str(report)}, env)["results"]
    print(f"{result['SITE_COUNT']} sites: {result['NON_COMPLIANT_COUNT']} non-compliant, "
          f"{result['NEEDS_JUSTIFICATION_COUNT']} need justification (rule pack {result['RULE_PACK']}) "
          f"→ {report.relative_to(ROOT)}")
    table = read_table(sites_out)[["XMDM", "XMMC", "verdict_zh", "redline_ha", "farmland_ha", "cultivated_ha",
                                   "udb_outside_position", "planned_use_status"]]
    print(table.head(10).to_string(index=False))
    screened = run_algorithm("planmonitor:screenchangepatches", {
        "PATCHES": f"{dataset}|layername=JCTB", **{k: f"{dataset}|layername={v}" for k, v in layers.items()
                                                    if k != "SITES"},
        "OUTPUT_PATCHES": str(OUT / "疑似违法图斑.gpkg"), "OUTPUT_CONFLICTS": str(OUT / "图斑冲突.gpkg")},
        env)["results"]
    print(f"监测图斑筛查 (planmonitor:screenchangepatches): {screened['PATCH_COUNT']} patches, "
          f"{screened['SUSPECTED_COUNT']} suspected violations → build/demo/疑似违法图斑.gpkg")
    converted = run_algorithm("planmonitor:convertlanduse", {
        "INPUT": f"{dataset}|layername=DLTB", "OUTPUT": str(OUT / "基数转换.gpkg")}, env)["results"]
    print(f"基数转换 (planmonitor:convertlanduse): {converted['MAPPED_COUNT']} parcels converted, "
          f"{converted['NEEDS_SUBDIVISION_COUNT']} need subdivision (review queue), "
          f"{converted['UNKNOWN_COUNT']} unknown codes")
    conformity(env, dataset)


def conformity(env: dict, dataset: Path) -> None:
    banner("5. Land-use conformity with the plan (planmonitor:landuseconformity)")
    report = OUT / "reports" / "现状与规划符合性分析报告.html"
    totals_out = OUT / "符合性分乡镇统计.gpkg"
    result = run_algorithm("planmonitor:landuseconformity", {
        "CURRENT_LAND_USE": f"{dataset}|layername=DLTB", "PLANNED_LAND_USE": f"{dataset}|layername=YDYHGHFQ",
        "TOWNSHIPS": f"{dataset}|layername=XZQ", "OUTPUT": str(OUT / "不符合规划图斑.gpkg"),
        "OUTPUT_TOTALS": str(totals_out), "OUTPUT_REPORT": str(report)}, env)["results"]
    print(f"Nonconforming {result['NONCONFORMING_AREA_M2'] / 1e4:.2f} 公顷, of which construction against the plan "
          f"{result['BUILT_AGAINST_PLAN_AREA_M2'] / 1e4:.2f} 公顷; ambiguous (needs subdivision) "
          f"{result['AMBIGUOUS_AREA_M2'] / 1e4:.2f} 公顷; {result['PIECE_COUNT']} pieces → {report.relative_to(ROOT)}")
    totals = read_table(totals_out)
    county = totals[totals["level"] == "county"][["category_zh", "kind_zh", "pieces", "area_ha", "share"]]
    print(county.to_string(index=False))


def indicators(env: dict, dataset: Path) -> None:
    banner("6. Monitoring indicators and early warning (planmonitor:computeindicators)")
    layers = {"LAND_USE": "DLTB", "UNITS": "XZQ", "ECOLOGICAL_REDLINE": "STBHHX", "BASIC_FARMLAND": "YJJBNTBHTB",
              "URBAN_BOUNDARY": "CZKFBJ", "POPULATION": "RKSJ", "TARGETS": "GHMB"}
    snapshot, report = OUT / "监测指标.gpkg", OUT / "reports" / "监测评估指标报告.html"
    result = run_algorithm("planmonitor:computeindicators", {
        **{k: f"{dataset}|layername={v}" for k, v in layers.items()}, "COUNTY_NAME": "样例县",
        "OUTPUT_TABLE": str(snapshot), "OUTPUT_UNITS": str(OUT / "监测指标_乡镇.gpkg"), "OUTPUT_REPORT": str(report)},
        env)["results"]
    print(f"{result['INDICATOR_COUNT']} indicators ({result['CATALOG_VERSION']}): {result['RED_COUNT']} red, "
          f"{result['YELLOW_COUNT']} yellow, {result['GREEN_COUNT']} green; {result['NOT_COMPUTED_COUNT']} values "
          f"not computed → {report.relative_to(ROOT)}, snapshot {snapshot.relative_to(ROOT)}")
    table = read_table(snapshot)
    county = table[(table["unit_level"] == "county") & ~table["component"].astype(bool)]
    county = county.assign(value=county["value"].map(lambda v: "" if pd.isna(v) else f"{v:,.2f}"),
                           target=county["target"].map(lambda v: "" if pd.isna(v) else f"{v:,.2f}"))
    print(county[["name_zh", "value", "unit", "target", "warning_level", "reason"]].to_string(index=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parcels", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    data = generate(args.parcels, args.seed)
    env = prepare_profile(OUT / "qgis")
    clean, defects = data / "样例县.gpkg", data / "样例县_缺陷.gpkg"
    banner("2. Data-quality check (planmonitor:validatedata)")
    validate(env, clean, "clean")
    validate(env, defects, "defects")
    manifest = json.loads((data / "defects_manifest.json").read_text(encoding="utf-8"))
    print(f"Planted defects in the manifest: {len(manifest['defects'])}")
    areas(env, clean)
    compliance(env, clean)
    indicators(env, clean)
    banner("7. Pilot-area review: work package, verdicts, field package round trip")
    review(env, clean, OUT)
    banner("8. Catalog sync: local OGC API catalog, pull, verdicts, push, receipts, exchange folder")
    sync_round_trip(env, OUT)
    banner("Done: outputs in build/demo/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
