"""The cassette suite: one scenario per cassette, each a run of real façade calls.

A scenario asserts what it sees, so replaying it is a test of the façade against the
recorded wire. It calls `stage.controls` where the emulator must move (advance a job,
inject a fault); those calls do nothing on replay, where the recorded answers already
show their effect. Parts only the emulator can stage (fault injection, forced states,
a key file) run only when `stage.emulated`.

Scenarios marked `live=True` are also safe to record against api.ionq.co: they use the
free `simulator` backend only.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

import hypothesis
from vcr.errors import CannotOverwriteExistingCassetteException

from ionq_emulator import FaultConfig, FaultRule
from ionq_facade import (
    QASM3,
    AuthenticationError,
    BadRequestError,
    Circuit,
    Compilation,
    InvalidTransitionError,
    JobConflictError,
    JobStatus,
    Noise,
    NotFoundError,
    RateLimitError,
    Settings,
)

from .properties import recorded_clone_move_property
from .stage import OTHER_KEY, RECORDING_KEY, Stage
from .strategies import World

__all__ = ["SCENARIOS", "SEED", "Scenario"]

#: The emulator's seed for every recording: ids, clock and noise start from it.
SEED: Final = 20250616

E = TypeVar("E", bound=BaseException)


def expect(error: type[E], action: Callable[[], object]) -> E:
    """The `error` that `action` raises (AssertionError if it raises nothing)."""
    try:
        action()
    except error as raised:
        return raised
    raise AssertionError(f"expected {error.__name__}")


async def expect_async(error: type[E], action: Awaitable[object]) -> E:
    """The `error` that awaiting `action` raises (AssertionError if it raises nothing)."""
    try:
        await action
    except error as raised:
        return raised
    raise AssertionError(f"expected {error.__name__}")


def bell(name: str | None = None) -> Circuit:
    return Circuit(2, name=name).h(0).cnot(0, 1)


# -- scenarios ------------------------------------------------------------------------------


def account_and_backends(stage: Stage) -> None:
    client = stage.client()
    me = client.whoami()
    assert me.key_id
    raw = client.with_raw_response.whoami()
    assert raw.status_code == 200
    assert raw.parse() == me
    backends = client.backends.list()
    names = {b.name for b in backends}
    assert "simulator" in names
    qpu = next(b for b in backends if b.name.startswith("qpu.") and b.status == "available")
    assert client.backends.get(qpu.name) == qpu
    page = client.characterizations.list(qpu.name, limit=2)
    assert page.characterizations
    first = page.characterizations[0]
    assert client.characterizations.get(qpu.name, first.id) == first


def jobs_lifecycle(stage: Stage) -> None:
    client = stage.client()
    ref = client.jobs.create(
        bell("bell"),
        backend="simulator",
        shots=200,
        metadata={"suite": "cassettes"},
        settings=Settings(compilation=Compilation(opt=1)),
        noise=Noise("ideal", seed=7),
    )
    assert ref.status in {JobStatus.SUBMITTED, JobStatus.READY}
    job = client.jobs.get(ref)
    assert (job.name, job.shots, job.metadata) == ("bell", 200, {"suite": "cassettes"})
    estimate = client.jobs.estimate(
        backend="simulator", qubits=2, shots=200, one_qubit_gates=1, two_qubit_gates=1
    )
    assert estimate.estimated_total_cost >= 0

    done = client.jobs.wait(ref, timeout=600)
    assert done.status is JobStatus.COMPLETED
    probabilities = client.jobs.probabilities(done)
    assert set(probabilities) <= {0, 3}
    assert math.isclose(sum(probabilities.values()), 1.0)
    assert client.jobs.cost(done).dry_run is False

    qasm = client.jobs.create(
        QASM3('OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nh q[0];\n', name="qasm"),
        backend="simulator",
    )
    multi = client.jobs.create(
        [bell("first"), Circuit(1, name="second").x(0)], backend="simulator", shots=100
    )
    finished = client.jobs.wait_many([qasm, multi], timeout=600)
    assert all(j.status is JobStatus.COMPLETED for j in finished.values())
    children = client.jobs.child_probabilities(finished[multi.id])
    # Listed jobs (what wait_many reads) carry no child_job_ids, as IonQ's BaseJob.
    assert set(children) == set(client.jobs.get(multi).child_job_ids or ())

    # Clone inherits what is not given; move also cancels its (queued) source.
    copy = client.jobs.get(client.jobs.clone(done))
    assert (copy.name, copy.shots, copy.metadata) == ("bell", 200, {"suite": "cassettes"})
    moved = client.jobs.get(client.jobs.move(copy, name="moved", shots=50))
    assert (moved.name, moved.shots) == ("moved", 50)
    assert moved.metadata == {"suite": "cassettes", "original_job_id": copy.id}
    assert client.jobs.get(copy).status is JobStatus.CANCELED
    # The façade refuses to move a snapshot it knows is final, without asking.
    expect(InvalidTransitionError, lambda: client.jobs.move(client.jobs.get(copy)))

    one, two, three = (client.jobs.create(bell(), backend="simulator") for _ in range(3))
    assert client.jobs.cancel(one).status is JobStatus.CANCELED
    assert set(client.jobs.cancel_many([two, three])) == {two.id, three.id}
    assert client.jobs.get(two).status is JobStatus.CANCELED
    client.jobs.delete(one)
    assert set(client.jobs.delete_many([two, three])) == {two.id, three.id}
    expect(NotFoundError, lambda: client.jobs.get(one.id))


def results_artifacts(stage: Stage) -> None:
    client = stage.client()
    ref = client.jobs.create(bell(), backend="simulator", shots=100)
    job = client.jobs.wait(ref, timeout=600)
    artifacts = job.results.artifacts if job.results is not None else {}
    if stage.emulated:
        assert artifacts, "the emulator serves artifact descriptors beside the links"
    for descriptor in artifacts.values():
        if descriptor.format != "ionq.result.shots.json.v1":  # a list, read by jobs.shots
            assert client.jobs.artifact(job, descriptor.id)
    # A noisy simulation has per-shot data: its shots give its histogram.
    noisy_ref = client.jobs.create(
        bell(), backend="simulator", shots=100, noise=Noise("aria-1", seed=5)
    )
    noisy = client.jobs.wait(noisy_ref, timeout=600)
    shots = client.jobs.shots(noisy)
    assert len(shots) == 100
    assert shots.histogram() == client.jobs.histogram(noisy)
    if noisy.results is not None and "ionq.result.shots.json.v2" in noisy.results.artifacts:
        per_register = client.jobs.register_shots(noisy)
        assert len(per_register) == 100
        counts = client.jobs.register_histogram(noisy)
        distributions = client.jobs.register_probabilities(noisy)
        for name, register in counts.registers.items():
            assert sum(register.values()) == 100
            assert set(distributions[name]) == set(register)


def compiled_circuits(stage: Stage) -> None:
    """A dry run on a QPU is compiled, not run; its native circuit reads as a typed value."""
    client = stage.client()
    ref = client.jobs.create(bell(), backend="qpu.forte-1", dry_run=True)
    compiled = client.jobs.compiled(client.jobs.wait(ref, timeout=600))
    assert compiled.qubits >= 2
    assert {gate.gate for gate in compiled.gates} <= {"gpi", "gpi2", "ms", "zz"}


def list_pages(stage: Stage) -> None:
    client = stage.client()
    refs = [
        client.jobs.create(bell(f"page-{i}"), backend="simulator", shots=i + 1) for i in range(7)
    ]
    ids = [r.id for r in refs]
    newest_first = list(reversed(ids))
    # ids= keeps the listing to this scenario's jobs, also in a live project.
    pages = list(client.jobs.list(ids=ids, limit=3).pages())
    assert [len(p.jobs) for p in pages] == [3, 3, 1]
    assert [j.id for p in pages for j in p.jobs] == newest_first
    first = client.jobs.list_page(ids=ids, limit=3)
    assert first.next is not None
    second = client.jobs.list_page(ids=ids, limit=3, cursor=first.next)
    assert [j.id for j in second.jobs] == newest_first[3:6]

    # The emulator completes four; live, every job runs on its own, so wait for all.
    finished = refs[:4] if stage.emulated else refs
    for ref in finished:
        stage.controls.advance(ref, "completed")
    client.jobs.wait_many(finished, timeout=600)
    completed = list(client.jobs.list(ids=ids, status=JobStatus.COMPLETED, limit=2))
    assert {j.id for j in completed} == {r.id for r in finished}
    assert all(j.backend == "simulator" for j in client.jobs.list(ids=ids, target="simulator"))
    if stage.emulated:
        # The whole (fresh) project, default page size: exactly these jobs.
        assert [j.id for j in client.jobs.list()] == newest_first


def sessions(stage: Stage) -> None:
    client = stage.client()
    session = client.sessions.create("qpu.aria-1", job_count_limit=5, duration_limit_min=60)
    assert session.status == "created"
    assert client.sessions.get(session.id).id == session.id
    assert session.id in {s.id for s in client.sessions.list(active=True)}
    inside = client.jobs.create(bell("in-session"), backend="qpu.aria-1", session_id=session.id)
    client.jobs.create(bell("outside"), backend="simulator")
    assert [j.id for j in client.sessions.jobs(session)] == [inside.id]
    stage.controls.advance(inside, "started")
    assert client.sessions.get(session).status == "started"
    ended = client.sessions.end(session)
    assert ended.status == "ended"
    assert session.id not in {s.id for s in client.sessions.list(active=True)}


def errors(stage: Stage) -> None:
    client = stage.client()
    # 401: a key the API does not know.
    stranger = stage.client(api_key=OTHER_KEY)
    denied = expect(AuthenticationError, stranger.whoami)
    assert denied.status_code == 401
    # 404: no such job.
    missing = expect(NotFoundError, lambda: client.jobs.get("00000000-0000-4000-8000-000000000000"))
    assert missing.status_code == 404
    # 400: the contract's validation error, naming the field.
    bad = expect(BadRequestError, lambda: client.jobs.create(bell(), backend="qpu.no-such-qpu"))
    assert bad.status_code == 400
    # 409: moving a job that has ended; no job is created, the source's status is read.
    ref = client.jobs.create(bell(), backend="simulator")
    client.jobs.wait(ref, timeout=600)
    before = [j.id for j in client.jobs.list(limit=5)]
    conflict = expect(JobConflictError, lambda: client.jobs.move(ref.id))
    assert (conflict.status_code, conflict.job_id) == (409, ref.id)
    assert conflict.current_status is JobStatus.COMPLETED
    assert [j.id for j in client.jobs.list(limit=5)] == before
    expect(JobConflictError, lambda: client.jobs.cancel(ref.id))
    if stage.emulated:
        _rate_limited(stage, ref.id)


def _rate_limited(stage: Stage, job_id: str) -> None:
    """429 with Retry-After: raised when retries are off, waited out when on."""
    stage.controls.set_faults(
        FaultConfig([FaultRule(route="/jobs/*", methods=("GET",), status_429=1.0, retry_after=3)])
    )
    limited = expect(RateLimitError, lambda: stage.client(max_retries=0).jobs.get(job_id))
    assert (limited.status_code, limited.retry_after) == (429, 3.0)
    # The retry's sleep lifts the fault, so the second attempt is answered.
    stage.on_sleep = lambda: stage.controls.set_faults(None)
    slept = len(stage.sleeps)
    assert stage.client().jobs.get(job_id).id == job_id
    assert stage.sleeps[slept:] == [3.0]
    stage.on_sleep = None


def async_jobs(stage: Stage) -> None:
    """The async client: the same operations, the same wire."""
    asyncio.run(_async_jobs(stage))


async def _async_jobs(stage: Stage) -> None:
    async with stage.async_client() as client:
        ref = await client.jobs.create(bell("async"), backend="simulator", shots=64)
        job = await client.jobs.wait(ref, timeout=600)
        assert job.status is JobStatus.COMPLETED
        assert set(await client.jobs.probabilities(job)) <= {0, 3}
        refs = [await client.jobs.create(bell(f"async-{i}"), backend="simulator") for i in range(3)]
        ids = [r.id for r in refs]
        assert [j.id async for j in client.jobs.list(ids=ids, limit=2)] == ids[::-1]
        copy = await client.jobs.clone(job, shots=32)
        moved = await client.jobs.get(await client.jobs.move(copy, name="async-moved"))
        assert (moved.name, moved.shots) == ("async-moved", 32)
        assert moved.metadata == {"original_job_id": copy.id}
        assert (await client.jobs.cancel(refs[0])).status is JobStatus.CANCELED
        refused = await expect_async(JobConflictError, client.jobs.cancel(refs[0].id))
        assert refused.current_status is JobStatus.CANCELED


def clone_move_property(stage: Stage) -> None:
    """Property 3, derandomized: every case's requests in order (see `properties`)."""
    client = stage.client()
    first = client.sessions.create("simulator")
    second = client.sessions.create("simulator")
    parent = client.jobs.create(bell("parent"), backend="simulator")
    world = World(
        backends=("simulator", "qpu.aria-1", "qpu.forte-1"),
        session_ids=(first.id, second.id),
        parents=(parent.id,),
        noise_models=("ideal", "aria-1", "forte-1"),
    )
    # The examples are Hypothesis's: another version may draw others than were recorded.
    installed = hypothesis.__version__
    recorded = stage.recorded_with("hypothesis", installed)
    try:
        recorded_clone_move_property(stage, client, world)
    except CannotOverwriteExistingCassetteException as exc:
        if recorded in (None, installed):
            raise
        raise AssertionError(
            f"clone_move_property.yaml was recorded with Hypothesis {recorded}; with "
            f"{installed} it draws other examples: re-record it "
            "(scripts/record_cassettes clone_move_property)"
        ) from exc


# -- the registry -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """A cassette: its scenario, the emulator it is recorded against, live-safety."""

    name: str
    run: Callable[[Stage], None]
    #: Emulator options beyond the common ones (manual mode, `SEED`, checked answers).
    emulator: Mapping[str, Any] = field(default_factory=dict)
    #: Safe and meaningful against api.ionq.co (simulator only, no emulator-only setup).
    live: bool = True

    @property
    def cassette(self) -> str:
        return f"{self.name}.yaml"


SCENARIOS: Final = {
    s.name: s
    for s in (
        Scenario("account_backends", account_and_backends),
        Scenario("jobs_lifecycle", jobs_lifecycle),
        Scenario("results_artifacts", results_artifacts),
        # A QPU job (a free dry run, but not simulator only).
        Scenario("compiled_circuits", compiled_circuits, live=False),
        Scenario("list_pages", list_pages),
        Scenario("sessions", sessions, live=False),
        Scenario("errors", errors, {"keys": {RECORDING_KEY: "cassettes"}}),
        Scenario("async_jobs", async_jobs),
        Scenario("clone_move_property", clone_move_property, live=False),
    )
}
