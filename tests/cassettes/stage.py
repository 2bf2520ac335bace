"""What a scenario runs against: façade clients, plus the emulator's controls.

A scenario makes the same façade calls whether it is being recorded (against a fresh,
seeded emulator, or the live API) or replayed (from its cassette, with no server at
all). What differs is kept here: where requests go, and whether `advance`,
`complete_all`, `set_faults` and the sleep hook act on an emulator (while recording) or
do nothing (on replay, the recorded answers already show their effect; live, the API
moves on its own).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

import httpx
from vcr.cassette import Cassette

from ionq_emulator import FaultConfig
from ionq_emulator.recording import EMULATOR_BASE_URL
from ionq_emulator.server import EmulatorServer
from ionq_facade import AsyncIonQ, IonQ, Job, JobRef

__all__ = [
    "OTHER_KEY",
    "RECORDING_KEY",
    "Controls",
    "EmulatorControls",
    "FakeClock",
    "NoControls",
    "Stage",
    "offline_async_http",
    "offline_http",
]

#: Fake keys, shaped like real ones so the secret scan would notice them if a scrub failed.
RECORDING_KEY: Final = "ionqFakeRecordingKey7f3a9c2e5b1d4f6a8c0e2b4d6f8a1c3e"
OTHER_KEY: Final = "ionqFakeUnknownKey0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b"


class Controls(Protocol):
    """The emulator's test controls, or their stand-ins."""

    def advance(self, job: str | Job | JobRef | None = None, to: str | None = None) -> None:
        """Move one job (or every active job) one lifecycle step, or on to status `to`."""

    def set_faults(self, faults: FaultConfig | None) -> None: ...


class EmulatorControls:
    """Controls acting on a running emulator through its in-process handle (no HTTP)."""

    def __init__(self, server: EmulatorServer) -> None:
        self.server = server

    def advance(self, job: str | Job | JobRef | None = None, to: str | None = None) -> None:
        ident = job.id if isinstance(job, (Job, JobRef)) else job
        self.server.emulator.advance(ident, to)

    def set_faults(self, faults: FaultConfig | None) -> None:
        self.server.emulator.set_faults(faults)


class NoControls:
    """Replay and live: the controls do nothing."""

    def advance(self, job: str | Job | JobRef | None = None, to: str | None = None) -> None:
        return None

    def set_faults(self, faults: FaultConfig | None) -> None:
        return None


class FakeClock:
    """Monotonic time that moves only by the sleeps taken, so waits are reproducible."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def _refuse(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"replay sent a request to the network: {request.method} {request.url}")


def offline_http() -> httpx.Client:
    """An httpx.Client that can only be answered by vcrpy: any request vcrpy lets through
    fails the test instead of reaching a network."""
    return httpx.Client(transport=httpx.MockTransport(_refuse))


def offline_async_http() -> httpx.AsyncClient:
    """The async twin of `offline_http`."""
    return httpx.AsyncClient(transport=httpx.MockTransport(_refuse))


@dataclass
class Stage:
    """Clients and controls for one scenario run.

    `emulated` says whether the interactions are (or were) recorded against the
    emulator; scenarios skip what only the emulator can do when it is False.
    `sleeps` lists every sleep the façade asked for; each one also runs `on_sleep`
    (by default: every active job one step on, so a wait sees its job finish).
    """

    controls: Controls
    emulated: bool
    base_url: str = EMULATOR_BASE_URL
    http: Callable[[], httpx.Client] = offline_http
    async_http: Callable[[], httpx.AsyncClient] = offline_async_http
    api_key: str = RECORDING_KEY
    real_time: bool = False
    sleeps: list[float] = field(default_factory=list)
    on_sleep: Callable[[], None] | None = None
    #: The vcrpy cassette being recorded or replayed (None: neither).
    cassette: Cassette | None = None
    _clock: FakeClock = field(default_factory=FakeClock)
    _clients: list[tuple[IonQ, httpx.Client]] = field(default_factory=list)

    def client(self, *, api_key: str | None = None, **options: Any) -> IonQ:
        """A façade client for this run (closed with the stage)."""
        http = self.http()
        made = IonQ(
            api_key=api_key or self.api_key,
            base_url=self.base_url,
            http_client=http,
            sleep=self._sleep,
            clock=time.monotonic if self.real_time else self._clock,
            **options,
        )
        self._clients.append((made, http))
        return made

    def recorded_with(self, key: str, value: str) -> str | None:
        """`value` as the cassette's metadata `key`: stored while recording, and on replay
        the value stored then (None when there is no cassette)."""
        if self.cassette is None:
            return None
        recorded = self.cassette.get_metadata(key, value)
        return str(recorded)

    @asynccontextmanager
    async def async_client(self, **options: Any) -> AsyncIterator[AsyncIonQ]:
        """An async façade client for this run, closed on leaving."""
        http = self.async_http()

        async def sleep(seconds: float) -> None:
            self._sleep(seconds)

        try:
            async with AsyncIonQ(
                api_key=self.api_key,
                base_url=self.base_url,
                http_client=http,
                sleep=sleep,
                clock=time.monotonic if self.real_time else self._clock,
                **options,
            ) as client:
                yield client
        finally:
            await http.aclose()

    def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        if self.real_time:
            time.sleep(seconds)
        else:
            self._clock.sleep(seconds)
        if self.on_sleep is not None:
            self.on_sleep()
        else:
            self.controls.advance()

    def close(self) -> None:
        for made, http in self._clients:
            made.close()
            http.close()
        self._clients.clear()
