"""Under a zh_CN QGIS the provider and algorithm names come out in Chinese."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsSettings

import planmonitor_plugin
from planmonitor_plugin.__about__ import I18N_DIR
from planmonitor_plugin.processing.provider import PROVIDER_ID
from scripts.qgisprocess import prepare_profile, run_qgis_process


@pytest.fixture
def zh_cn_locale():
    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    yield
    settings.setValue("locale/overrideFlag", saved[0] if saved[0] is not None else False)
    settings.setValue("locale/userLocale", saved[1] if saved[1] is not None else "")


def test_compiled_translation_exists():
    assert (I18N_DIR / "planmonitor_zh_CN.qm").exists(), "run `make transcompile`"


def test_names_in_chinese_in_process(qgis_iface, without_provider, zh_cn_locale):
    registry = QgsApplication.processingRegistry()
    plugin = planmonitor_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.translator.installed
        provider = registry.providerById(PROVIDER_ID)
        assert provider.name() == "规划实施监测"
        algorithm = registry.algorithmById("planmonitor:ellipsoidalarea")
        assert algorithm.displayName() == "椭球面积计算（CGCS2000）"
        assert algorithm.group() == "基础工具"
        assert "椭球面积" in algorithm.shortHelpString()
    finally:
        plugin.unload()
    assert QgsApplication.translate("PlanMonitor", "PlanMonitor") == "PlanMonitor"  # translator removed


def test_names_in_chinese_in_qgis_process(tmp_path):
    env = prepare_profile(tmp_path, locale="zh_CN")
    listing = run_qgis_process(["list"], env)
    assert listing.returncode == 0, listing.stderr
    assert "planmonitor:ellipsoidalarea\t椭球面积计算（CGCS2000）" in listing.stdout
