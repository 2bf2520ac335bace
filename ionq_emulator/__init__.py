"""A local, stateful reference server of the IonQ v0.4 API.

    from ionq_emulator import Emulator, EmulatorServer

    with EmulatorServer(Emulator(mode="manual")) as server:
        ...  # point a client at server.base_url (http://127.0.0.1:PORT/v0.4)
        server.emulator.complete_all()

``Emulator(...).app`` is the ASGI app (``ionq_emulator.inprocess`` has transports over it
for both clients); the command line is ``ionq-emulator`` (``python -m ionq_emulator``);
test helpers are in ``ionq_emulator.testing`` and pytest fixtures in the plugin
``ionq_emulator.pytest_plugin`` (active by entry point).

Names are imported on first use, so loading the pytest plugin (which pytest does in every
project where this package is installed) costs nothing and needs no extra.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {
    "Emulator": "emulator",
    "EmulatorConfig": "emulator",
    "EmulatorServer": "server",
    "FaultConfig": "faults",
    "FaultRule": "faults",
    "LifecycleError": "lifecycle",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'ionq_emulator' has no attribute {name!r}")
    value = getattr(import_module(f"ionq_emulator.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
