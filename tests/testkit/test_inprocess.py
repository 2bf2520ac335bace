"""Both clients against an Emulator in-process: no server thread, no socket."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from ionq_emulator import Emulator, FaultConfig, FaultRule, simulator
from ionq_emulator.testing import async_client, client
from ionq_facade import APIConnectionError, ArgumentTypeError, Circuit, IonQ, JobStatus


def test_sync_client_in_process() -> None:
    emulator = Emulator(mode="manual", validate_responses=True)
    threads = set(threading.enumerate())
    with client(emulator) as ionq:
        ref = ionq.jobs.create(Circuit(2).h(0).cnot(0, 1), backend="simulator", shots=10)
        emulator.complete_all()
        job = ionq.jobs.get(ref)
        assert job.status is JobStatus.COMPLETED
        assert ionq.jobs.probabilities(job) == {0: 0.5, 3: 0.5}
    # Each request's loop thread ends (the simulator's worker pool, shared by the whole
    # process, may have grown meanwhile: its threads live on by design). A loop's anyio
    # worker threads stop just after the loop closes: give them a moment.
    pool = set(simulator._workers()._threads)
    for thread in set(threading.enumerate()) - threads - pool:
        thread.join(timeout=5)
    assert set(threading.enumerate()) - threads - pool == set()
    assert emulator.conformance_errors == []


def test_async_client_in_process() -> None:
    emulator = Emulator()  # clock mode: the job moves on by itself

    async def run() -> JobStatus:
        async with async_client(emulator) as ionq:
            ref = await ionq.jobs.create(Circuit(1).x(0), backend="simulator")
            emulator.set_clock(advance=60)
            return (await ionq.jobs.get(ref)).status

    assert asyncio.run(run()) is JobStatus.COMPLETED


def test_a_dropped_connection_is_a_connection_error_in_process() -> None:
    emulator = Emulator(faults=FaultConfig([FaultRule(route="/backends", drop=1.0)]))
    with client(emulator, max_retries=0) as ionq, pytest.raises(APIConnectionError):
        ionq.backends.list()


def test_sync_client_over_an_async_only_transport_is_refused_typed() -> None:
    http = httpx.Client(transport=httpx.ASGITransport(app=Emulator().app))  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match=r"async-only transport.*SyncASGITransport"):
        IonQ(api_key="k", base_url="http://127.0.0.1/v0.4", http_client=http)
