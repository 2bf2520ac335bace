"""Fixtures: emulators served over loopback by uvicorn in a background thread."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import checked_emulator_server

from .helpers import api_client


@pytest.fixture(scope="module")
def manual_server() -> Iterator[EmulatorServer]:
    """One manual-mode emulator per module; tests keep apart by using fresh API keys."""
    with checked_emulator_server(mode="manual") as server:
        yield server


@pytest.fixture
def client(manual_server: EmulatorServer) -> Iterator[httpx.Client]:
    """A client of the module's manual emulator, with a project of its own."""
    with api_client(manual_server) as c:
        yield c
