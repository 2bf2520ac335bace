"""AsyncIonQ: the same operations, awaited, with the same checks and policies."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Coroutine
from typing import Any, TypeVar

import httpx
import pytest

from ionq_facade import (
    AsyncIonQ,
    Circuit,
    InternalServerError,
    InvalidTransitionError,
    IonQ,
    Job,
    JobFailedError,
    JobStatus,
    LifecycleViolationError,
)
from ionq_facade.resources import backends, jobs, sessions

from .conftest import FakeAPI, FakeClock, job_json, make_async_client, paged, reply

T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def test_create_wait_probabilities(api: FakeAPI, clock: FakeClock) -> None:
    api.on("POST", "/jobs", reply(201, {"id": "job-1", "status": "submitted"}))
    api.on(
        "GET",
        "/jobs/job-1",
        reply(200, job_json(status="ready")),
        reply(200, job_json(status="completed")),
    )
    api.on("GET", "/jobs/job-1/results/probabilities", reply(200, {"0": 1.0}))

    async def main() -> tuple[Job, dict[int, float]]:
        async with make_async_client(api, clock) as client:
            ref = await client.jobs.create(Circuit(1).h(0), backend="simulator", shots=10)
            job = await client.jobs.wait(ref.id, timeout=60)
            return job, dict(await client.jobs.probabilities(job))

    job, probs = run(main())
    assert job.status is JobStatus.COMPLETED
    assert probs == {0: 1.0}
    assert clock.sleeps == [1.0]
    assert [r.method for r in api.requests] == ["POST", "GET", "GET", "GET"]


def test_async_for_over_pages(api: FakeAPI, clock: FakeClock) -> None:
    api.on("GET", "/jobs", paged([job_json("a")], [job_json("b")]))

    async def main() -> tuple[list[str], int]:
        client = make_async_client(api, clock)
        ids = [job.id async for job in client.jobs.list(limit=1)]
        pages = [page async for page in client.jobs.list().pages()]
        first = await client.jobs.list().first_page()
        await client.close()
        return ids, len(pages) + len(first.jobs)

    assert run(main()) == (["a", "b"], 3)


def test_async_retries_and_checks(api: FakeAPI, clock: FakeClock) -> None:
    api.on("GET", "/jobs/job-1", reply(503, {}))
    api.on("POST", "/jobs", reply(503, {}))

    async def main() -> None:
        client = make_async_client(api, clock)
        with pytest.raises(InternalServerError):
            await client.jobs.get("job-1")
        assert len(api.requests) == 3  # retried
        with pytest.raises(InternalServerError):
            await client.jobs.create(Circuit(1), backend="simulator")
        assert len(api.sent("POST")) == 1  # a create is never retried after sending
        done = Job.from_dict(job_json(status="completed"))
        with pytest.raises(InvalidTransitionError):
            await client.jobs.move(done, backend="x")
        assert len(api.requests) == 4

    run(main())
    assert len(clock.sleeps) == 2


def test_async_wait_outcomes(api: FakeAPI, clock: FakeClock) -> None:
    api.on(
        "GET", "/jobs/a", reply(200, job_json("a", "started")), reply(200, job_json("a", "ready"))
    )
    api.on(
        "GET", "/jobs/b", reply(200, job_json("b", "failed", failure={"code": "C", "message": "m"}))
    )
    api.on(
        "GET",
        "/jobs",
        reply(
            200, {"jobs": [job_json("a", "completed"), job_json("b", "completed")], "next": None}
        ),
    )

    async def main() -> None:
        client = make_async_client(api, clock)
        with pytest.raises(LifecycleViolationError):
            await client.jobs.wait("a")
        with pytest.raises(JobFailedError):
            await client.jobs.wait("b")
        done = await client.jobs.wait_many(["a", "b"])
        assert list(done) == ["a", "b"]

    run(main())


def test_async_raw_response(api: FakeAPI, clock: FakeClock) -> None:
    api.on("GET", "/whoami", reply(200, {"key_id": "k", "key_name": "n"}, **{"x-request-id": "r"}))

    async def main() -> str | None:
        client = make_async_client(api, clock)
        raw = await client.with_raw_response.whoami()
        assert raw.parse().key_name == "n"
        return raw.request_id

    assert run(main()) == "r"


def test_an_owned_async_client_is_closed() -> None:
    async def main() -> bool:
        client = AsyncIonQ(api_key="k")
        async with client:
            pass
        return client._api.http.is_closed

    assert run(main())


PAIRS = [
    (jobs.Jobs, jobs.AsyncJobs),
    (jobs.JobsWithRawResponse, jobs.AsyncJobsWithRawResponse),
    (backends.Backends, backends.AsyncBackends),
    (backends.Characterizations, backends.AsyncCharacterizations),
    (sessions.Sessions, sessions.AsyncSessions),
    (IonQ, AsyncIonQ),
]


@pytest.mark.parametrize(("sync_cls", "async_cls"), PAIRS)
def test_sync_and_async_have_the_same_methods(sync_cls: type, async_cls: type) -> None:
    def public(cls: type) -> set[str]:
        return {n for n in dir(cls) if not n.startswith("_")}

    assert public(sync_cls) == public(async_cls)
    sync_client = IonQ(api_key="k", http_client=httpx.Client())
    async_client = AsyncIonQ(api_key="k", http_client=httpx.AsyncClient())
    for sync_obj, async_obj in _instances(sync_cls, async_cls, sync_client, async_client):
        for name in public(sync_cls):
            a, b = getattr(sync_obj, name), getattr(async_obj, name)
            if callable(a) and not isinstance(a, type):
                assert _signature(a) == _signature(b), name
                assert inspect.iscoroutinefunction(b) or name in ("list", "jobs"), name


def _signature(method: object) -> inspect.Signature:
    """The method's signature, reading the async pager (`AsyncJobPager`) as its sync twin."""
    sig = inspect.signature(method)  # type: ignore[arg-type]
    returned = sig.return_annotation
    if isinstance(returned, str):
        sig = sig.replace(return_annotation=returned.removeprefix("Async"))
    return sig


def _instances(
    sync_cls: type, async_cls: type, sync_client: IonQ, async_client: AsyncIonQ
) -> list[tuple[object, object]]:
    if sync_cls is IonQ:
        return [(sync_client, async_client)]
    for name in ("jobs", "backends", "characterizations", "sessions"):
        s, a = getattr(sync_client, name), getattr(async_client, name)
        if isinstance(s, sync_cls):
            return [(s, a)]
        if isinstance(s.with_raw_response, sync_cls):
            return [(s.with_raw_response, a.with_raw_response)]
    raise AssertionError(sync_cls)


def test_the_default_async_sleep_works_without_a_fake() -> None:
    from ionq_facade._base_client import _sleep

    run(_sleep(0))
