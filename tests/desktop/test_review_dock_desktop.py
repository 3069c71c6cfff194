"""The review panel in the real QGIS desktop (Xvfb, zh_CN): the sample county's work package, an item with a
verdict and a photo; screenshot saved to build/screenshots/review_dock_zh_CN.png (an artefact, not committed)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

from scripts.demo_review import build_package, sample_verdicts
from scripts.package import stage
from scripts.qgisprocess import prepare_profile, run_algorithm
from tests.desktop.test_desktop_smoke import SCREENSHOTS, desktop_profile
from tests.qgis.test_validate_data import county  # noqa: F401 (session fixture: the sample county)


@pytest.fixture
def reviewed_package(county, tmp_path):  # noqa: F811
    """The sample county screened and built into a work package with three verdicts and one photo."""
    env = prepare_profile(tmp_path / "qgis")
    dataset = county / "样例县.gpkg"
    screened = tmp_path / "疑似违法图斑.gpkg"
    run_algorithm("planmonitor:screenchangepatches", {
        "PATCHES": f"{dataset}|layername=JCTB", "BASIC_FARMLAND": f"{dataset}|layername=YJJBNTBHTB",
        "ECOLOGICAL_REDLINE": f"{dataset}|layername=STBHHX", "CURRENT_LAND_USE": f"{dataset}|layername=DLTB",
        "URBAN_BOUNDARY": f"{dataset}|layername=CZKFBJ", "PLANNED_LAND_USE": f"{dataset}|layername=YDYHGHFQ",
        "OUTPUT_PATCHES": str(screened), "OUTPUT_CONFLICTS": str(tmp_path / "冲突.gpkg")}, env)
    package = tmp_path / "审查任务" / "审查工作包.gpkg"
    build_package(env, dataset, screened, package)
    return dataset, package, sample_verdicts(package, tmp_path / "现场照片")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run missing: run `make setup`")
def test_review_dock_in_qgis_desktop_zh_cn(tmp_path, reviewed_package):
    dataset, package, verdicts = reviewed_package
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    stage(plugins)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screenshot = SCREENSHOTS / "review_dock_zh_CN.png"
    screenshot.unlink(missing_ok=True)
    result_file = tmp_path / "result.json"
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    env.update({"QGIS_PLUGINPATH": str(plugins), "LANG": "zh_CN.UTF-8",
                "PYTHONPATH": os.pathsep.join([sysconfig.get_paths()["purelib"], str(Path.cwd())]),
                "PM_REVIEW_PACKAGE": str(package), "PM_REVIEW_AREA": verdicts["pilot_area"],
                "PM_REVIEW_ITEM": verdicts["items"][1], "PM_REVIEW_COUNTY": str(dataset),
                "PM_REVIEW_RESULT": str(result_file), "PM_REVIEW_SCREENSHOT": str(screenshot)})
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path",
               str(desktop_profile(tmp_path)), "--profile", "smoke", "--nologo", "--noversioncheck",
               "--code", str(Path(__file__).with_name("review_in_qgis.py"))]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result_file.exists(), f"QGIS did not run the review script:\n{completed.stderr[-3000:]}"
    result = json.loads(result_file.read_text(encoding="utf-8"))
    assert result["errors"] == []
    assert result["opened"] and result["selected"]
    assert result["dock_title"] == "试点审查"
    reviewed, total = verdicts["progress"]
    assert result["progress"] == f"已审查 {reviewed} / {total}"
    assert result["history_rows"] == 1 and result["history_first"][1] == "李明（县执法监察大队）"
    assert "违法" in result["history_first"][2] and "未批先建" in result["history_first"][2]
    assert "违法 · 未批先建" in result["current"] and "李明" in result["current"]
    assert result["photos"] == 1 and result["photo_icon"] is True
    assert result["verdict_labels"][0].startswith("结论")
    assert screenshot.exists() and screenshot.stat().st_size > 50_000
