"""PlanMonitor's Processing algorithms."""
