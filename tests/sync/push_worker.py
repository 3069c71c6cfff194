"""A push in its own process (QGIS network stack), so a test can kill it by PID mid-push.

    python -m tests.sync.push_worker WORK_PACKAGE URL

Prints one line per handled item ("1/6 pushed" …) and "done" at the end.
"""

from __future__ import annotations

import sys


def main(path: str, url: str) -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from planmonitor_plugin.core.sync.retry import RetryPolicy
    from planmonitor_plugin.core.workpackage import WorkPackage
    from planmonitor_plugin.qgis_adapter.sync_client import SyncClient

    client = SyncClient(url, timeout=60, policy=RetryPolicy(max_attempts=3, base_delay=0.05),
                        progress=lambda fraction, text: print(text, flush=True))
    with WorkPackage.open(path) as package:
        client.push(package)
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
