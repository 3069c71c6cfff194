"""Run Debian's ``qgis_process`` with PlanMonitor installed in a throw-away profile.

Debian's ``/usr/bin/qgis_process`` wrapper adds ``--noversioncheck``, which
``qgis_process`` itself rejects, so we call ``qgis_process.bin`` directly.
QGIS 3.22's qgis_process loads Python plugins that are enabled in the profile
and declare ``hasProcessingProvider=yes``; we stage the plugin, enable it in a
fresh profile (``QGIS_CUSTOM_CONFIG_PATH``) and put the virtual environment's
packages (shapely 2, pandas) on ``PYTHONPATH``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.package import PLUGIN, stage  # noqa: E402


def qgis_process_binary() -> str:
    for name in ("qgis_process.bin", "qgis_process"):
        found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)
        if found:
            return found
    raise FileNotFoundError("qgis_process not found: run `make setup`")


def prepare_profile(workdir: Path, plugin_dir: Path | None = None, locale: str = "") -> dict[str, str]:
    """Stage the plugin (unless given), enable it in a new profile; return the environment to use."""
    plugins = workdir / "plugins"
    if plugin_dir is None:
        plugins.mkdir(parents=True, exist_ok=True)
        stage(plugins)
    else:
        plugins = plugin_dir
    config = workdir / "config"
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    lines = ["[PythonPlugins]", f"{PLUGIN}=true"]
    if locale:
        lines += ["", "[locale]", "overrideFlag=true", f"userLocale={locale}"]
    ini.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = dict(os.environ)
    site_packages = sysconfig.get_paths()["purelib"]  # the venv running this script
    env.update({
        "QGIS_CUSTOM_CONFIG_PATH": str(config),
        "QGIS_PLUGINPATH": str(plugins),
        "PYTHONPATH": os.pathsep.join([site_packages, "/usr/share/qgis/python/plugins"]),
        "QT_QPA_PLATFORM": "offscreen",
    })
    env.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
    Path(env["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
    return env


def run_qgis_process(args: list[str], env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([qgis_process_binary(), *args], env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def run_algorithm(algorithm: str, parameters: dict[str, str], env: dict[str, str]) -> dict:
    """Run one algorithm with ``--json``; returns the parsed JSON (raises with stderr on failure)."""
    args = ["run", algorithm, "--json"] + [f"--{key}={value}" for key, value in parameters.items()]
    completed = run_qgis_process(args, env)
    if completed.returncode != 0:
        raise RuntimeError(f"qgis_process {algorithm} failed ({completed.returncode}):\n"
                           f"{completed.stderr}\n{completed.stdout}")
    return json.loads(completed.stdout[completed.stdout.index("{"):])
