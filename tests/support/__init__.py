"""Test helpers that do not depend on PlanMonitor's QGIS side (fault-injecting proxy, urllib client)."""
