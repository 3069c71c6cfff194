"""Processing provider ``planmonitor`` and its algorithms (one per file)."""
