"""`make bench`: PlanMonitor against QGIS's native algorithms on the large sample county, in one run.

Builds (or reuses) the sample county with --parcels (default 300 000), then times each PlanMonitor
algorithm and the equivalent native QGIS chain on the same inputs, in this one process, and prints
seconds, the ratio and the peak memory of the process. The table is also written to
build/bench/results.md for the README. Timings are measured, not asserted: no test depends on them.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, "/usr/share/qgis/python/plugins")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, function, rows: list) -> object:
    started = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - started
    rows.append((label, seconds, peak_rss_mib()))
    print(f"  {label:<58} {seconds:8.2f} s   peak {peak_rss_mib():7.0f} MiB", flush=True)
    return result


def ensure_county(parcels: int, seed: int) -> Path:
    folder = ROOT / "build" / "bench" / f"county_{parcels}_{seed}"
    if not (folder / "样例县.gpkg").exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_sample_data.py"), "--out", str(folder),
                        "--parcels", str(parcels), "--seed", str(seed), "--variant", "clean"], check=True)
    return folder / "样例县.gpkg"


def start_qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from planmonitor_plugin.processing.provider import PlanMonitorProvider

    provider = PlanMonitorProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def area_benchmarks(dataset: Path, rows: list) -> list[tuple[str, str, str]]:
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsUnitTypes, QgsVectorLayer

    layer = QgsVectorLayer(f"{dataset}|layername=DLTB", "DLTB", "ogr")
    layer.featureCount()

    def context():
        ctx = QgsProcessingContext()
        ctx.setProject(QgsProject.instance())
        ctx.setEllipsoid("EPSG:1024")  # CGCS2000: $area is then ellipsoidal
        ctx.setAreaUnit(QgsUnitTypes.AreaUnit.AreaSquareMeters)
        return ctx

    print(f"Ellipsoidal area of {layer.featureCount()} parcels")
    feedback = QgsProcessingFeedback()
    timed("planmonitor:ellipsoidalarea (m², 公顷, 亩)", lambda: processing.run(
        "planmonitor:ellipsoidalarea", {"INPUT": layer, "OUTPUT": "memory:"}, context=context(), feedback=feedback),
        rows)
    timed("native:fieldcalculator $area (m² only, ellipsoid CGCS2000)", lambda: processing.run(
        "native:fieldcalculator", {"INPUT": layer, "FIELD_NAME": "AREA", "FIELD_TYPE": 0, "FIELD_PRECISION": 6,
                                   "FORMULA": "$area", "OUTPUT": "memory:"}, context=context(), feedback=feedback),
        rows)
    return [("planmonitor:ellipsoidalarea", rows[-2][0], rows[-1][0])]


def validation_benchmarks(dataset: Path, rows: list) -> list[tuple[str, str, str]]:
    import processing
    from qgis.core import QgsProcessingFeedback, QgsVectorLayer

    feedback = QgsProcessingFeedback()
    print("Data-quality check of the whole county")
    timed("planmonitor:validatedata (all layers, all checks)", lambda: processing.run(
        "planmonitor:validatedata", {"DATASET": str(dataset), "OUTPUT_ERRORS": "memory:", "OUTPUT_POINTS": "memory:",
                                     "OUTPUT_SUMMARY": "memory:"}, feedback=feedback), rows)
    layer = QgsVectorLayer(f"{dataset}|layername=DLTB", "DLTB", "ogr")

    def native_chain():
        processing.run("qgis:checkvalidity", {"INPUT_LAYER": layer, "METHOD": 2, "VALID_OUTPUT": "memory:",
                                              "INVALID_OUTPUT": "memory:", "ERROR_OUTPUT": "memory:"},
                       feedback=feedback)
        processing.run("native:intersection", {"INPUT": layer, "OVERLAY": layer, "OUTPUT": "memory:"},
                       feedback=feedback)

    timed("native chain: checkvalidity (GEOS) + self-intersection of DLTB", native_chain, rows)
    return [("planmonitor:validatedata", rows[-2][0], rows[-1][0])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parcels", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument("--native-validation", action="store_true",
                        help="also time a native reference chain for validation (checkvalidity + self-intersection; "
                             "slow)")
    args = parser.parse_args(argv)
    dataset = ensure_county(args.parcels, args.seed)
    _app, _provider = start_qgis()
    rows: list[tuple[str, float, float]] = []
    pairs = area_benchmarks(dataset, rows)
    if args.native_validation:
        pairs += validation_benchmarks(dataset, rows)
    else:
        print("Data-quality check of the whole county")
        import processing

        timed("planmonitor:validatedata (all layers, all checks)", lambda: processing.run(
            "planmonitor:validatedata", {"DATASET": str(dataset), "OUTPUT_ERRORS": "memory:",
                                         "OUTPUT_POINTS": "memory:", "OUTPUT_SUMMARY": "memory:"}), rows)
    write_results(args, rows, pairs)
    return 0


def write_results(args, rows, pairs) -> None:
    seconds = {label: value for label, value, _ in rows}
    machine = f"{platform.node()} · {os.cpu_count()} cores · {platform.processor() or platform.machine()} · " \
              f"Python {platform.python_version()}"
    lines = [f"Sample county: {args.parcels} parcels (seed {args.seed}); {machine}", "",
             "| step | seconds | peak memory (MiB) |", "|---|---:|---:|"]
    lines += [f"| {label} | {value:.2f} | {memory:.0f} |" for label, value, memory in rows]
    lines += ["", "| PlanMonitor | native chain | ratio (native / PlanMonitor) |", "|---|---|---:|"]
    lines += [f"| {ours} | {native} | {seconds[native] / seconds[ours]:.2f}× |" for _name, ours, native in pairs]
    text = "\n".join(lines) + "\n"
    out = ROOT / "build" / "bench" / "results.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print("\n" + text)


if __name__ == "__main__":
    sys.exit(main())
