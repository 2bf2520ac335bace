"""Test helpers: a running emulator as a context manager, and pytest fixtures.

    from ionq_emulator.testing import emulator_server

    with emulator_server(mode="manual") as server:
        client = httpx.Client(base_url=server.base_url,
                              headers={"Authorization": "apiKey test-key"})
        ...
        server.emulator.complete_all()

In a pytest suite, ``pytest_plugins = ["ionq_emulator.testing"]`` (in conftest.py) gives
the fixtures ``ionq_emulator`` (a started EmulatorServer in manual mode that checks every
answer against openapi.yaml and fails the test on a violation) and
``ionq_emulator_client`` (an httpx.Client for it, with an API key).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from ionq_emulator.emulator import Emulator
from ionq_emulator.server import EmulatorServer

__all__ = [
    "checked_emulator_server",
    "client_for",
    "emulator_server",
    "ionq_emulator",
    "ionq_emulator_client",
]

TEST_API_KEY = "ionq-emulator-test-key"


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


def client_for(server: EmulatorServer, api_key: str = TEST_API_KEY, **kwargs: Any) -> httpx.Client:
    """An httpx.Client on the server's base URL, sending ``Authorization: apiKey <key>``."""
    headers = {"Authorization": f"apiKey {api_key}", **kwargs.pop("headers", {})}
    return httpx.Client(base_url=server.base_url, headers=headers, timeout=10.0, **kwargs)


@contextmanager
def checked_emulator_server(**options: Any) -> Iterator[EmulatorServer]:
    """``emulator_server`` checking every answer against openapi.yaml; on leaving, raises
    AssertionError listing the answers that broke it, if any."""
    with emulator_server(validate_responses=True, **options) as server:
        yield server
        errors = server.emulator.conformance_errors
        if errors:
            raise AssertionError("non-conformant answers:\n" + "\n".join(errors[:50]))


@pytest.fixture
def ionq_emulator() -> Iterator[EmulatorServer]:
    """A started emulator in manual mode; fails the test if any answer broke the contract."""
    with checked_emulator_server(mode="manual") as server:
        yield server


@pytest.fixture
def ionq_emulator_client(ionq_emulator: EmulatorServer) -> Iterator[httpx.Client]:
    with client_for(ionq_emulator) as client:
        yield client
