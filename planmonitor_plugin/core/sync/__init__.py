"""Sync with the national catalog (国家目录同步): the protocol as pure logic, no network, no QGIS.

* :mod:`.protocol` — OGC API – Records search, Features paging, Part 4 create; defensive parsing;
* :mod:`.retry` — retry/backoff policy and the idempotent push of one item (:class:`~.retry.IdempotentPush`);
* :mod:`.exchange` — air-gapped exchange packages (folder + manifest.json with sha256);
* :mod:`.errors` — the errors, with stable codes for the adapter to translate.

The QGIS adapter sends the :class:`~.messages.Request` s through QGIS's network stack and feeds back
:class:`~.messages.Response` s.  Protocol: docs/catalog-protocol.md.
"""
