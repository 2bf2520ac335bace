"""Fixtures: the emulator for the properties that run live (not replayed).

Replays need none of this: they run with no server and no network.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import checked_emulator_server

from .stage import RECORDING_KEY, EmulatorControls, Stage


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    """A manual-mode emulator for the module; fails the module on a non-conformant answer."""
    with checked_emulator_server(mode="manual") as server:
        yield server


@pytest.fixture
def live_stage(emulator: EmulatorServer) -> Iterator[Stage]:
    """A stage on the running emulator: controls act, sleeps advance jobs."""
    stage = Stage(
        EmulatorControls(emulator),
        emulated=True,
        base_url=emulator.base_url,
        http=httpx.Client,
        api_key=RECORDING_KEY,
    )
    yield stage
    stage.close()
