"""Widgets of the plugin: the review panel (试点审查面板), the catalog sync dialog, and their Qt models."""
