"""Type checks of the public API, run by mypy --strict and pyright strict (never executed).

Each `assert_type` proves users get a precise type: no `Any`, no `Unset`, no Optional
where a value is always present.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Coroutine, Iterator, Mapping
from datetime import datetime
from typing import Any, assert_type

import httpx

from ionq_facade import (
    QASM3,
    APIStatusError,
    AsyncIonQ,
    AsyncJobPager,
    Backend,
    Characterization,
    CharacterizationPage,
    Circuit,
    Compilation,
    CostLimit,
    ErrorMitigation,
    Gate,
    GateCircuit,
    GateCounts,
    Histogram,
    IonQ,
    Job,
    JobCost,
    JobEndedError,
    JobEstimate,
    JobFailure,
    JobFilters,
    JobMayExistError,
    JobOptions,
    JobOutput,
    JobOverrides,
    JobPage,
    JobPager,
    JobRef,
    JobResults,
    JobStats,
    JobStatus,
    JSONValue,
    NativeCircuit,
    Noise,
    Probabilities,
    RawResponse,
    Reconciliation,
    RegisterDistributions,
    RegisterShots,
    Session,
    Settings,
    Shots,
    Whoami,
)


def sync_client(client: IonQ) -> None:
    ref = client.jobs.create(
        Circuit(2).h(0).cnot(0, 1),
        backend="simulator",
        shots=1000,
        name="bell",
        metadata={"k": "v"},
        settings=Settings(error_mitigation=ErrorMitigation(debiasing=True)),
        noise=Noise("aria-1", seed=1),
        dry_run=False,
        timeout=30,
    )
    assert_type(ref, JobRef)
    assert_type(ref.id, str)
    assert_type(ref.status, JobStatus | None)
    mixed: list[GateCircuit] = [Circuit(1), NativeCircuit(1)]
    assert_type(client.jobs.create(mixed, backend="simulator"), JobRef)
    assert_type(client.jobs.create([Circuit(1), Circuit(2)], backend="simulator"), JobRef)
    assert_type(client.jobs.create(QASM3("OPENQASM 3.0;"), backend="simulator"), JobRef)

    job = client.jobs.wait(ref.id, timeout=120, on_status=lambda j: print(j.status))
    assert_type(job, Job)
    assert_type(job.status, JobStatus)
    assert_type(job.raw_status, str)
    assert_type(job.id, str)
    assert_type(job.name, str | None)
    assert_type(job.shots, int | None)
    assert_type(job.metadata, Mapping[str, str] | None)
    assert_type(job.submitted_at, datetime | None)
    assert_type(job.child_job_ids, tuple[str, ...] | None)
    assert_type(job.failure, JobFailure | None)
    assert_type(job.settings, Settings | None)
    assert_type(job.noise, Noise | None)
    assert_type(job.stats, JobStats | None)
    assert_type(job.results, JobResults | None)
    assert_type(job.output, JobOutput | None)
    # None is "not given" for every optional keyword (#16).
    assert_type(client.jobs.clone("id", name=None, shots=None), JobRef)
    assert_type(job.dry_run, bool | None)
    assert_type(job.to_dict(), dict[str, Any])
    assert_type(job.status.is_terminal, bool)

    probs = client.jobs.probabilities(job)
    assert_type(probs, Probabilities)
    assert_type(probs[3], float)
    assert_type(client.jobs.child_probabilities(job), Mapping[str, Probabilities])
    assert_type(client.jobs.artifact(job, "a-1"), Mapping[str, JSONValue])

    copy = client.jobs.clone(job.id, shots=500, name="again")
    assert_type(copy, JobRef)
    overrides: JobOverrides = {"shots": 10, "backend": "simulator"}
    assert_type(client.jobs.move(copy, **overrides), JobRef)
    options: JobOptions = {"shots": 10, "dry_run": True}
    assert_type(client.jobs.create(Circuit(1), backend="simulator", **options), JobRef)
    moved = client.jobs.move(
        copy, backend="qpu.forte-1", settings=Settings(compilation=Compilation(opt=1))
    )
    assert_type(moved, JobRef)
    assert_type(client.jobs.cancel(job), JobRef)
    assert_type(client.jobs.cancel_many([job, "id-2"]), tuple[str, ...])
    assert_type(client.jobs.delete(job), None)
    assert_type(client.jobs.delete_many(["a"]), tuple[str, ...])
    assert_type(client.jobs.cost(job), JobCost)
    assert_type(client.jobs.estimate(backend="simulator", shots=10), JobEstimate)
    assert_type(client.jobs.get("id"), Job)
    assert_type(client.jobs.wait_many(["a", job]), Mapping[str, Job])

    pager = client.jobs.list(status=JobStatus.COMPLETED, limit=10)
    assert_type(pager, JobPager)
    for listed in pager:
        assert_type(listed, Job)
    assert_type(pager.pages(), Iterator[JobPage])
    assert_type(pager.first_page(), JobPage)
    assert_type(pager.first_page().next, str | None)
    assert_type(client.jobs.list_page(cursor="c"), JobPage)
    assert_type(client.jobs.list(ids=[job, "id-2"], target=["simulator"]), JobPager)
    filters: JobFilters = {"status": "completed", "limit": 5}
    assert_type(client.jobs.list(**filters), JobPager)

    raw = client.jobs.with_raw_response.get("id")
    assert_type(raw, RawResponse[Job])
    assert_type(raw.parse(), Job)
    assert_type(raw.status_code, int)
    assert_type(raw.request_id, str | None)
    assert_type(raw.headers, httpx.Headers)
    assert_type(client.with_raw_response.whoami(), RawResponse[Whoami])
    assert_type(client.backends.with_raw_response.get("simulator"), RawResponse[Backend])

    # The result readers and reconcile, bound like every other method.
    assert_type(client.jobs.histogram(job), Histogram)
    assert_type(client.jobs.shots(job), Shots)
    assert_type(client.jobs.register_probabilities(job), RegisterDistributions)
    assert_type(client.jobs.register_histogram(job), RegisterDistributions)
    assert_type(client.jobs.register_shots(job), RegisterShots)
    assert_type(Circuit(1).h(0).to_input(), dict[str, object])
    assert_type(QASM3("OPENQASM 3.0;").to_input(), dict[str, object])
    bell = Circuit(2).h(0).cnot(0, 1)
    first: Gate = bell.gates[0]
    assert_type(first.targets, tuple[int, ...])
    assert_type(bell.gate_counts(), GateCounts)
    assert_type(bell.gate_counts().two_qubit, int)


def errors(client: IonQ, status: APIStatusError, ended: JobEndedError) -> None:
    assert_type(status.status_code, int)
    assert_type(status.request_id, str | None)
    assert_type(ended.job_id, str)
    assert_type(ended.job, Job)
    try:
        client.jobs.create(Circuit(1), backend="simulator")
    except JobMayExistError as lost:
        assert_type(client.jobs.reconcile(lost), Reconciliation)

    assert_type(client.whoami(), Whoami)
    assert_type(client.backends.list(), tuple[Backend, ...])
    assert_type(client.backends.get("simulator"), Backend)
    assert_type(client.characterizations.list("simulator"), CharacterizationPage)
    assert_type(client.characterizations.get("simulator", "c"), Characterization)
    session = client.sessions.create("simulator", cost_limit=CostLimit(10.0, "usd"))
    assert_type(session, Session)
    assert_type(client.sessions.list(), tuple[Session, ...])
    assert_type(client.sessions.jobs(session), JobPager)
    assert_type(client.sessions.end(session), Session)


async def async_client(client: AsyncIonQ) -> None:
    ref = await client.jobs.create(Circuit(1).h(0), backend="simulator")
    assert_type(ref, JobRef)
    pending: Coroutine[Any, Any, Job] = client.jobs.get(ref.id)
    job = await pending
    assert_type(await client.jobs.histogram(job), Histogram)
    assert_type(await client.jobs.register_shots(job), RegisterShots)
    assert_type(await client.jobs.with_raw_response.cost(job), RawResponse[JobCost])
    assert_type(await client.with_raw_response.whoami(), RawResponse[Whoami])
    assert_type(client.sessions.jobs("s"), AsyncJobPager)
    assert_type(await client.jobs.wait(job), Job)
    assert_type(await client.jobs.probabilities(job), Probabilities)
    assert_type(await client.jobs.wait_many([job]), Mapping[str, Job])
    pager = client.jobs.list()
    assert_type(pager, AsyncJobPager)
    async for listed in pager:
        assert_type(listed, Job)
    assert_type(pager.pages(), AsyncIterator[JobPage])
    assert_type(await pager.first_page(), JobPage)
    raw = await client.jobs.with_raw_response.move(job, shots=10)
    assert_type(raw, RawResponse[JobRef])
    assert_type(await client.whoami(), Whoami)
    assert_type(await client.backends.list(), tuple[Backend, ...])
    assert_type(await client.sessions.get("s"), Session)


def misuse_is_caught(client: IonQ) -> None:
    client.jobs.create(Circuit(1), shots=10)  # type: ignore[call-arg]
    client.jobs.clone("id", shots="many")  # type: ignore[arg-type]
    client.jobs.clone("id", metadata={"n": 1})  # type: ignore[dict-item]
    client.jobs.move("id", colour="red")  # type: ignore[call-arg]
    client.jobs.create("OPENQASM 3.0;", backend="simulator")  # type: ignore[arg-type]
    client.jobs.get(42)  # type: ignore[arg-type]
    client.jobs.list(colour="red")  # type: ignore[call-arg]
    client.jobs.list(limit="10")  # type: ignore[arg-type]
    client.sessions.jobs("s", session_id="x")  # type: ignore[call-arg]
    client.jobs.create(Circuit(1), backend="simulator", parent="p")  # type: ignore[call-arg]
    bad: JobOptions = {"backend": "simulator"}  # type: ignore[typeddict-unknown-key]
    client.jobs.create(Circuit(1), backend="simulator", **bad)
