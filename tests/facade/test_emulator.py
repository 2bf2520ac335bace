"""The façade against the local emulator: a real HTTP server on loopback, offline.

The emulator runs in manual mode and checks every answer against openapi.yaml; a wait's
sleep advances it one lifecycle step, so waits are deterministic and never sleep.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import TEST_API_KEY, emulator_server
from ionq_facade import (
    AsyncIonQ,
    Circuit,
    InvalidTransitionError,
    IonQ,
    Job,
    JobConflictError,
    JobStatus,
    NativeCircuit,
)


@pytest.fixture(scope="module")
def server() -> Iterator[EmulatorServer]:
    with emulator_server(mode="manual", validate_responses=True) as running:
        yield running
        assert running.emulator.conformance_errors == []


class Counting:
    """An httpx.Client that records (method, path) of every request it sends."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.http = httpx.Client(event_hooks={"request": [self._record]})

    def _record(self, request: httpx.Request) -> None:
        self.sent.append((request.method, request.url.path.removeprefix("/v0.4")))


@pytest.fixture
def counting() -> Iterator[Counting]:
    c = Counting()
    yield c
    c.http.close()


@pytest.fixture
def client(server: EmulatorServer, counting: Counting) -> Iterator[IonQ]:
    def step(_: float) -> None:
        server.emulator.advance()

    with IonQ(
        api_key=TEST_API_KEY, base_url=server.base_url, http_client=counting.http, sleep=step
    ) as c:
        yield c


def test_create_wait_and_read_results(client: IonQ) -> None:
    seen: list[JobStatus] = []
    ref = client.jobs.create(
        Circuit(2, name="bell").h(0).cnot(0, 1), backend="simulator", shots=100
    )
    assert ref.status is JobStatus.SUBMITTED
    job = client.jobs.wait(ref, timeout=60, on_status=lambda j: seen.append(j.status))
    assert job.status is JobStatus.COMPLETED
    assert job.name == "bell"
    assert job.shots == 100
    assert seen[-1] is JobStatus.COMPLETED
    assert client.jobs.probabilities(job) == {0: 0.5, 3: 0.5}


def test_multi_circuit_job(client: IonQ, server: EmulatorServer) -> None:
    ref = client.jobs.create(
        [Circuit(1, name="zero"), NativeCircuit(1, name="flip").gpi(0, 0.0)],
        backend="simulator",
    )
    server.emulator.complete_all()
    job = client.jobs.get(ref.id)
    assert job.type == "ionq.multi-circuit.v1"
    assert job.status is JobStatus.COMPLETED
    children = client.jobs.child_probabilities(job)
    assert sorted(children) == sorted(job.child_job_ids or ())
    assert sorted(sorted(p.items()) for p in children.values()) == [[(0, 1.0)], [(1, 1.0)]]


def test_clone_inherits_and_move_cancels_the_source(client: IonQ) -> None:
    source = client.jobs.create(
        Circuit(1).h(0), backend="simulator", shots=10, name="first", metadata={"team": "q"}
    )
    copy = client.jobs.clone(source, shots=20)
    cloned = client.jobs.get(copy)
    assert (cloned.shots, cloned.name, cloned.metadata) == (20, "first", {"team": "q"})
    moved = client.jobs.move(copy, name="moved")
    assert client.jobs.get(copy).status is JobStatus.CANCELED
    new = client.jobs.get(moved)
    assert new.name == "moved"
    assert new.metadata == {"team": "q", "original_job_id": copy.id}


def test_move_of_a_finished_job(client: IonQ, server: EmulatorServer, counting: Counting) -> None:
    ref = client.jobs.create(Circuit(1).h(0), backend="simulator")
    server.emulator.complete_all()
    with pytest.raises(JobConflictError) as info:
        client.jobs.move(ref.id, backend="simulator")
    assert info.value.current_status is JobStatus.COMPLETED
    done = client.jobs.get(ref.id)
    before = len(counting.sent)
    with pytest.raises(InvalidTransitionError):
        client.jobs.move(done)
    with pytest.raises(InvalidTransitionError):
        client.jobs.cancel(done)
    assert len(counting.sent) == before  # the snapshot said no: nothing was sent


def test_wait_many_makes_one_list_request_per_round(client: IonQ, counting: Counting) -> None:
    refs = [client.jobs.create(Circuit(1).h(0), backend="simulator") for _ in range(20)]
    counting.sent.clear()
    finished = client.jobs.wait_many(refs, timeout=60)
    assert [j.status for j in finished.values()] == [JobStatus.COMPLETED] * 20
    assert counting.sent, "at least one round"
    assert set(counting.sent) == {("GET", "/jobs")}  # never one GET per job
    assert len(counting.sent) <= 5  # submitted -> ready -> started -> completed


def test_listing_pages_through_everything(client: IonQ) -> None:
    made = {client.jobs.create(Circuit(1), backend="simulator", name="page").id for _ in range(5)}
    listed = [j for j in client.jobs.list(limit=2) if j.id in made]
    assert {j.id for j in listed} == made
    assert all(isinstance(j, Job) for j in listed)
    page = client.jobs.list(limit=2).first_page()
    assert len(page.jobs) == 2
    assert page.next is not None


def test_async_client(server: EmulatorServer) -> None:
    async def step(_: float) -> None:
        server.emulator.advance()

    async def main() -> Job:
        async with AsyncIonQ(api_key=TEST_API_KEY, base_url=server.base_url, sleep=step) as c:
            ref = await c.jobs.create(Circuit(1).x(0), backend="simulator")
            job = await c.jobs.wait(ref.id, timeout=60)
            assert await c.jobs.probabilities(job) == {1: 1.0}
            return job

    assert asyncio.run(main()).status is JobStatus.COMPLETED
