"""The real QGIS desktop under Xvfb, zh_CN, with PlanMonitor enabled: load, reload, screenshot.

The screenshot is saved to build/screenshots/desktop_smoke_zh_CN.png (an artefact, not committed).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

from scripts.package import stage

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"


def desktop_profile(tmp_path: Path) -> Path:
    profiles = tmp_path / "profiles-root"
    ini = profiles / "profiles" / "smoke" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nplanmonitor_plugin=true\n\n[locale]\noverrideFlag=true\nuserLocale=zh-Hans\n"
                   "\n[qgis]\ncheckVersion=false\nshowTips=false\n", encoding="utf-8")
    return profiles


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run missing: run `make setup`")
def test_qgis_desktop_loads_reloads_and_shows_planmonitor(tmp_path, demo_parcels):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    stage(plugins)
    profiles = desktop_profile(tmp_path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screenshot = SCREENSHOTS / "desktop_smoke_zh_CN.png"
    screenshot.unlink(missing_ok=True)
    result_file = tmp_path / "result.json"
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real X display this time
    env.update({
        "QGIS_PLUGINPATH": str(plugins),
        # QGIS's own Python plus this virtual environment's packages (shapely 2, pandas)
        "PYTHONPATH": os.pathsep.join([sysconfig.get_paths()["purelib"], str(ROOT)]),
        "PM_SMOKE_RESULT": str(result_file),
        "PM_SMOKE_SCREENSHOT": str(screenshot),
        "PM_SMOKE_DATA": f"{demo_parcels}|layername=DLTB",
        "LANG": "zh_CN.UTF-8",
    })
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(profiles),
               "--profile", "smoke", "--nologo", "--noversioncheck",
               "--code", str(Path(__file__).with_name("smoke_in_qgis.py"))]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result_file.exists(), f"QGIS did not run the smoke script:\n{completed.stderr[-3000:]}"
    result = json.loads(result_file.read_text(encoding="utf-8"))
    assert result["errors"] == []
    assert result["active_at_start"] is True
    assert result["provider_at_start"] == "规划实施监测"
    assert "规划实施监测(&P)" in result["menus_at_start"]
    assert result["unloaded"] is True and result["provider_after_unload"] is None
    assert "规划实施监测(&P)" not in result["menus_after_unload"]
    assert result["reloaded"] is True and result["provider_after_reload"] == "规划实施监测"
    assert result["menus_after_reload"].count("规划实施监测(&P)") == 1
    assert result["layer_valid"] is True and result["total_mu"] > 0
    assert "椭球面积" in result["dialog_title"]
    assert screenshot.exists() and screenshot.stat().st_size > 20_000
