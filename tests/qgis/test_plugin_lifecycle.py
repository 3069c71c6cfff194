"""Loading, unloading and reloading the plugin in one QGIS session; missing dependencies."""

from __future__ import annotations

import logging
import sys

from qgis.core import Qgis, QgsApplication

import planmonitor_plugin
from planmonitor_plugin.processing.provider import PROVIDER_ID
from planmonitor_plugin.qgis_adapter.log import ROOT_LOGGER, QgisMessageLogHandler


def plugin_handlers():
    return [h for h in logging.getLogger(ROOT_LOGGER).handlers if isinstance(h, QgisMessageLogHandler)]


def load(iface):
    plugin = planmonitor_plugin.classFactory(iface)
    plugin.initGui()
    return plugin


def test_load_unload_load(qgis_iface, without_provider):
    registry = QgsApplication.processingRegistry()
    for _round in range(2):
        plugin = load(qgis_iface)
        assert registry.providerById(PROVIDER_ID) is not None
        assert registry.algorithmById("planmonitor:ellipsoidalarea") is not None
        assert plugin.review_action in plugin.actions and len(plugin_handlers()) == 1
        plugin.unload()
        assert registry.providerById(PROVIDER_ID) is None
        assert registry.algorithmById("planmonitor:ellipsoidalarea") is None
        assert plugin.actions == [] and plugin_handlers() == []
        assert not plugin.translator.installed


def test_init_processing_twice_registers_once(qgis_iface, without_provider):
    plugin = planmonitor_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()  # QGIS calls both when the plugin has a processing provider
    providers = [p for p in QgsApplication.processingRegistry().providers() if p.id() == PROVIDER_ID]
    assert len(providers) == 1
    plugin.unload()


def test_missing_pandas_gives_one_clear_message_and_no_crash(qgis_iface, without_provider, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    qgis_iface.messageBar().clear_messages()
    plugin = load(qgis_iface)
    messages = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert len(messages) == 1
    assert "pandas" in messages[0] and "pip install" in messages[0]
    assert QgsApplication.processingRegistry().providerById(PROVIDER_ID) is None
    plugin.unload()  # still unloads cleanly
    assert plugin_handlers() == []


def test_log_records_reach_the_planmonitor_tab(qgis_iface, without_provider):
    received = []

    def collect(message, tag, level):
        received.append((message, tag, level))

    QgsApplication.messageLog().messageReceived.connect(collect)
    plugin = load(qgis_iface)
    try:
        logging.getLogger("planmonitor_plugin.test").warning("测试消息")
    finally:
        plugin.unload()
        QgsApplication.messageLog().messageReceived.disconnect(collect)
    assert ("planmonitor_plugin.test: 测试消息", "PlanMonitor", Qgis.MessageLevel.Warning) in received
