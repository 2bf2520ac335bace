"""A local, stateful reference server of the IonQ v0.4 API.

    from ionq_emulator import Emulator, EmulatorServer

    with EmulatorServer(Emulator(mode="manual")) as server:
        ...  # point a client at server.base_url (http://127.0.0.1:PORT/v0.4)
        server.emulator.complete_all()

``Emulator(...).app`` is the ASGI app (for ``httpx.ASGITransport``); the command line is
``ionq-emulator`` (``python -m ionq_emulator``); pytest fixtures are in
``ionq_emulator.testing``.
"""

from __future__ import annotations

from ionq_emulator.emulator import Emulator, EmulatorConfig
from ionq_emulator.faults import FaultConfig, FaultRule
from ionq_emulator.lifecycle import LifecycleError
from ionq_emulator.server import EmulatorServer

__all__ = [
    "Emulator",
    "EmulatorConfig",
    "EmulatorServer",
    "FaultConfig",
    "FaultRule",
    "LifecycleError",
]
