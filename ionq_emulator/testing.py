"""Helpers for testing code that talks to IonQ against the emulator; none needs pytest.

    from ionq_emulator.testing import client, emulator_server

    with emulator_server(mode="auto", seed=7) as server, client(server) as ionq:
        job = ionq.jobs.wait(ionq.jobs.create(circuit, backend="simulator"))

    with client(Emulator()) as ionq:    # in-process: no server thread, no socket
        ...

Modes (``emulator_options``): ``auto``, the default of the pytest fixtures, moves every
job on by itself at the next request (clock mode with no dwell unless ``dwell`` is
given), so code that calls ``jobs.wait`` just works; ``manual`` moves jobs only when the
test says (``server.emulator.advance()`` / ``complete_all()``); ``clock`` moves them
after ``dwell`` seconds per state. The pytest plugin (``ionq_emulator.pytest_plugin``,
registered by entry point) builds its fixtures from these.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Final

import httpx

from ionq_emulator.emulator import Emulator
from ionq_emulator.faults import FaultConfig, FaultRule, parse_fault_spec
from ionq_emulator.inprocess import INPROCESS_BASE_URL, EmulatorASGITransport, SyncASGITransport
from ionq_emulator.server import EmulatorServer
from ionq_facade import AsyncIonQ, IonQ

__all__ = [
    "TEST_API_KEY",
    "async_client",
    "checked_emulator_server",
    "client",
    "client_for",
    "emulator_options",
    "emulator_server",
]

#: The API key the helpers and fixtures send; the emulator makes it a project of its own.
TEST_API_KEY: Final = "ionq-emulator-test-key"
#: Seconds per state in ``auto`` mode: none, each job ends at the next request.
AUTO_DWELL: Final = 0.0


def emulator_options(mode: str = "auto", **options: Any) -> dict[str, Any]:
    """``Emulator`` keyword options from the testing kit's: ``mode`` may be ``auto``, and
    ``faults`` may be rule strings (``"route=/jobs*,503=0.5"``) or ``FaultRule``s (seeded
    by ``seed``), or a ``FaultConfig``. Every other option is an ``EmulatorConfig`` field,
    passed as given."""
    if mode == "auto":
        mode = "clock"
        options.setdefault("dwell", AUTO_DWELL)
    faults = options.get("faults")
    if faults is not None and not isinstance(faults, FaultConfig):
        rules: Iterable[str | FaultRule] = (
            [faults] if isinstance(faults, str | FaultRule) else faults
        )
        options["faults"] = FaultConfig(
            [parse_fault_spec(r) if isinstance(r, str) else r for r in rules], options.get("seed")
        )
    return {"mode": mode, **options}


@contextmanager
def emulator_server(emulator: Emulator | None = None, **options: Any) -> Iterator[EmulatorServer]:
    """Serve ``emulator`` (or ``Emulator(**options)``) on a free loopback port meanwhile."""
    if emulator is not None and options:
        raise TypeError("pass an Emulator or options for one, not both")
    server = EmulatorServer(emulator or Emulator(**options))
    server.start()
    try:
        yield server
    finally:
        server.stop()
        server.emulator.close()


@contextmanager
def checked_emulator_server(**options: Any) -> Iterator[EmulatorServer]:
    """``emulator_server`` checking every answer against openapi.yaml; on leaving, raises
    AssertionError listing the answers that broke it, if any."""
    with emulator_server(validate_responses=True, **options) as server:
        yield server
        errors = server.emulator.conformance_errors
        if errors:
            raise AssertionError("non-conformant answers:\n" + "\n".join(errors[:50]))


def client_for(server: EmulatorServer, api_key: str = TEST_API_KEY, **kwargs: Any) -> httpx.Client:
    """A plain httpx.Client on the server's base URL, sending ``Authorization: apiKey <key>``."""
    headers = {"Authorization": f"apiKey {api_key}", **kwargs.pop("headers", {})}
    return httpx.Client(base_url=server.base_url, headers=headers, timeout=10.0, **kwargs)


def client(
    target: EmulatorServer | Emulator, *, api_key: str = TEST_API_KEY, **kwargs: Any
) -> IonQ:
    """An ``IonQ`` for a running server (over loopback HTTP), or for an ``Emulator``
    in-process (``SyncASGITransport``: no thread left running, no socket). Other keyword
    arguments go to ``IonQ``."""
    if isinstance(target, EmulatorServer):
        return IonQ(api_key=api_key, base_url=target.base_url, **kwargs)
    http = httpx.Client(transport=SyncASGITransport(target.app))
    return IonQ(api_key=api_key, base_url=INPROCESS_BASE_URL, http_client=http, **kwargs)


def async_client(
    target: EmulatorServer | Emulator, *, api_key: str = TEST_API_KEY, **kwargs: Any
) -> AsyncIonQ:
    """An ``AsyncIonQ`` for a running server, or for an ``Emulator`` in-process (over
    ``httpx.ASGITransport``, on the caller's event loop). Other keyword arguments go to
    ``AsyncIonQ``."""
    if isinstance(target, EmulatorServer):
        return AsyncIonQ(api_key=api_key, base_url=target.base_url, **kwargs)
    http = httpx.AsyncClient(transport=EmulatorASGITransport(app=target.app))
    return AsyncIonQ(api_key=api_key, base_url=INPROCESS_BASE_URL, http_client=http, **kwargs)
