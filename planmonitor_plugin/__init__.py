"""PlanMonitor QGIS plugin: QGIS calls classFactory(); nothing heavy is imported here."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """Create the plugin instance (imports are deferred until QGIS asks)."""
    from planmonitor_plugin.plugin import PlanMonitorPlugin

    return PlanMonitorPlugin(iface)
