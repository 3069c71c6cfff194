"""The only bridge between PlanMonitor's pure core and QGIS/Qt."""
