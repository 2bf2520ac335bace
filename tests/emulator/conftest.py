"""Fixtures: emulators served over loopback by uvicorn in a background thread."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import emulator_server

from .helpers import api_client


@pytest.fixture(scope="module")
def manual_server() -> Iterator[EmulatorServer]:
    """One manual-mode emulator per module; tests keep apart by using fresh API keys."""
    with emulator_server(mode="manual", validate_responses=True) as server:
        yield server
        errors = server.emulator.conformance_errors
        assert not errors, "non-conformant answers:\n" + "\n".join(errors)


@pytest.fixture
def client(manual_server: EmulatorServer) -> Iterator[httpx.Client]:
    """A client of the module's manual emulator, with a project of its own."""
    with api_client(manual_server) as c:
        yield c
