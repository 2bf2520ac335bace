"""wait and wait_many: backoff, deadlines, outcomes, lifecycle checks, request counts."""

from __future__ import annotations

from urllib.parse import parse_qs

import httpx
import pytest

from ionq_facade import (
    APITimeoutError,
    InvalidArgumentError,
    IonQ,
    Job,
    JobCanceledError,
    JobFailedError,
    JobRef,
    JobStatus,
    JobTimeoutError,
    LifecycleViolationError,
    NotFoundError,
)
from ionq_facade._wait import Backoff

from .conftest import FakeAPI, FakeClock, job_json, make_client, reply


def statuses(api: FakeAPI, ident: str, *names: str, **extra: object) -> None:
    api.on("GET", f"/jobs/{ident}", *(reply(200, job_json(ident, n, **extra)) for n in names))


def test_wait_returns_the_completed_job(api: FakeAPI, client: IonQ, clock: FakeClock) -> None:
    statuses(api, "job-1", "submitted", "ready", "running", "completed")
    job = client.jobs.wait("job-1")
    assert job.status is JobStatus.COMPLETED
    assert len(api.requests) == 4
    assert clock.sleeps == [1.0, 1.5, 2.25]


def test_backoff_starts_near_one_second_and_caps() -> None:
    delays = Backoff()
    it = iter(delays)
    got = [next(it) for _ in range(10)]
    assert got[:4] == [1.0, 1.5, 2.25, 3.375]
    assert max(got) == 10.0
    assert got[-1] == 10.0


def test_wait_times_out_with_the_last_status(api: FakeAPI, client: IonQ, clock: FakeClock) -> None:
    statuses(api, "job-1", "submitted", "running")
    with pytest.raises(JobTimeoutError) as info:
        client.jobs.wait("job-1", timeout=30)
    assert info.value.last_status is JobStatus.STARTED
    assert info.value.job_id == "job-1"
    assert isinstance(info.value, TimeoutError)
    assert sum(clock.sleeps) == pytest.approx(30.0)  # the last sleep is cut to the deadline
    assert max(clock.sleeps) <= 10.0


def test_wait_has_a_default_deadline(api: FakeAPI, client: IonQ, clock: FakeClock) -> None:
    statuses(api, "job-1", "submitted")
    with pytest.raises(JobTimeoutError):
        client.jobs.wait("job-1")
    assert sum(clock.sleeps) == pytest.approx(600.0)


def test_wait_raises_on_failure_with_code_and_message(api: FakeAPI, client: IonQ) -> None:
    failure = {"code": "CompilationError", "message": "gate not supported"}
    statuses(api, "job-1", "running", "failed", failure=failure)
    with pytest.raises(JobFailedError) as info:
        client.jobs.wait("job-1")
    err = info.value
    assert (err.code, err.failure_message) == ("CompilationError", "gate not supported")
    assert err.job.status is JobStatus.FAILED
    assert "CompilationError" in str(err)


def test_wait_raises_on_cancel(api: FakeAPI, client: IonQ) -> None:
    statuses(api, "job-1", "ready", "canceled")
    with pytest.raises(JobCanceledError) as info:
        client.jobs.wait("job-1")
    assert info.value.job_id == "job-1"


@pytest.mark.parametrize(
    ("sequence", "previous", "current"),
    [
        (["running", "submitted"], JobStatus.STARTED, JobStatus.SUBMITTED),
        (["started", "mystery", "ready"], JobStatus.STARTED, JobStatus.READY),
    ],
)
def test_wait_raises_on_an_impossible_transition(
    api: FakeAPI, client: IonQ, sequence: list[str], previous: JobStatus, current: JobStatus
) -> None:
    statuses(api, "job-1", *sequence)
    with pytest.raises(LifecycleViolationError) as info:
        client.jobs.wait("job-1")
    assert (info.value.previous, info.value.current) == (previous, current)
    assert previous.value in str(info.value)
    assert current.value in str(info.value)


def test_completed_then_started_is_a_violation(api: FakeAPI, client: IonQ) -> None:
    # A JobRef seeds the last status without ending the wait (a Job would end it at once).
    seed = JobRef(id="job-1", status="completed")
    statuses(api, "job-1", "started", "completed")
    with pytest.raises(LifecycleViolationError) as info:
        client.jobs.wait(seed)
    assert (info.value.previous, info.value.current) == (JobStatus.COMPLETED, JobStatus.STARTED)
    assert "completed" in str(info.value)
    assert "started" in str(info.value)


def test_unknown_status_is_kept_and_waited_through(api: FakeAPI, client: IonQ) -> None:
    seen: list[tuple[JobStatus, str]] = []
    statuses(api, "job-1", "submitted", "calibrating", "calibrating", "completed")
    job = client.jobs.wait("job-1", on_status=lambda j: seen.append((j.status, j.raw_status)))
    assert job.status is JobStatus.COMPLETED
    assert seen == [
        (JobStatus.SUBMITTED, "submitted"),
        (JobStatus.UNKNOWN, "calibrating"),
        (JobStatus.COMPLETED, "completed"),
    ]


def test_terminal_snapshot_needs_no_request(api: FakeAPI, client: IonQ) -> None:
    done = Job.from_dict(job_json("job-1", "completed"))
    assert client.jobs.wait(done) is done
    failed = Job.from_dict(job_json("job-1", "failed", failure={"code": "X", "message": "y"}))
    with pytest.raises(JobFailedError):
        client.jobs.wait(failed)
    assert api.requests == []


def test_failure_without_details_still_raises(api: FakeAPI, client: IonQ) -> None:
    statuses(api, "job-1", "failed", failure={"code": 5})
    with pytest.raises(JobFailedError) as info:
        client.jobs.wait("job-1")
    assert info.value.code is None


@pytest.mark.parametrize("timeout", [0, -1, float("inf"), float("nan")])
def test_wait_refuses_a_timeout_that_is_not_positive_and_finite(
    api: FakeAPI, client: IonQ, timeout: float
) -> None:
    with pytest.raises(InvalidArgumentError):
        client.jobs.wait("job-1", timeout=timeout)
    assert api.requests == []


class Fleet:
    """A listing endpoint over N jobs that each finish after a few polls."""

    def __init__(self, finish_after: dict[str, list[str]]) -> None:
        self.plans = finish_after
        self.polls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        query = parse_qs(request.url.query.decode())
        ids = query["ids"]
        assert query["limit"] == [str(len(ids))]
        self.polls += 1
        jobs = []
        for ident in ids:
            plan = self.plans[ident]
            status = plan.pop(0) if len(plan) > 1 else plan[0]
            jobs.append(job_json(ident, status))
        return reply(200, {"jobs": jobs, "next": None})


def test_wait_many_makes_one_request_per_round(
    api: FakeAPI, client: IonQ, clock: FakeClock
) -> None:
    n = 50
    ids = [f"job-{i}" for i in range(n)]
    fleet = Fleet(
        {i: ["submitted"] * (k % 4) + ["running", "completed"] for k, i in enumerate(ids)}
    )
    api.on("GET", "/jobs", fleet)
    result = client.jobs.wait_many(ids)
    assert list(result) == ids
    assert all(job.status is JobStatus.COMPLETED for job in result.values())
    rounds = len(clock.sleeps) + 1
    assert len(api.requests) == rounds == 5  # not 50 requests a round
    per_round = [len(parse_qs(r.url.query.decode())["ids"]) for r in api.requests]
    assert per_round[0] == n
    assert per_round == sorted(per_round, reverse=True)


def test_wait_many_asks_for_a_full_page_of_ids_in_one_request(api: FakeAPI, client: IonQ) -> None:
    ids = [f"job-{i}" for i in range(1000)]
    api.on("GET", "/jobs", Fleet({i: ["completed"] for i in ids}))
    assert len(client.jobs.wait_many(ids)) == 1000
    assert len(api.requests) == 1
    ids = [f"job-{i}" for i in range(1001)]
    api.requests.clear()
    api.on("GET", "/jobs", Fleet({i: ["completed"] for i in ids}))
    assert len(client.jobs.wait_many(ids)) == 1001
    assert len(api.requests) == 2


def test_wait_many_halves_its_batches_when_the_url_is_too_long(
    api: FakeAPI, client: IonQ, clock: FakeClock
) -> None:
    ids = [f"{i:08d}-0000-4000-8000-000000000000" for i in range(300)]  # UUID-sized
    fleet = Fleet({i: ["running", "completed"] for i in ids})

    def proxy(request: httpx.Request) -> httpx.Response:
        # Like an nginx in front of the API: refuse request lines over ~8 KB.
        if len(str(request.url)) > 8192:
            return reply(414, {"error": "URI Too Long", "message": "", "statusCode": 414})
        return fleet(request)

    api.on("GET", "/jobs", proxy)
    assert len(client.jobs.wait_many(ids)) == 300
    sizes = [len(parse_qs(r.url.query.decode())["ids"]) for r in api.requests]
    # 300 ids (~12 KB) are refused; 150 a request works and is kept for the second round.
    assert sizes == [300, 150, 150, 150, 150]
    assert len(clock.sleeps) == 1


def test_wait_many_fetches_a_job_missing_from_the_listing(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs", reply(200, {"jobs": [job_json("a-1", "completed")], "next": None}))
    with pytest.raises(NotFoundError):
        client.jobs.wait_many(["a-1", "gone-2"])
    assert [r.url.path for r in api.requests] == ["/v0.4/jobs", "/v0.4/jobs/gone-2"]


def test_wait_many_fail_fast_or_collect(api: FakeAPI, client: IonQ) -> None:
    page = {"jobs": [job_json("a-1", "failed"), job_json("b-2", "running")], "next": None}
    api.on("GET", "/jobs", reply(200, page))
    with pytest.raises(JobFailedError) as info:
        client.jobs.wait_many(["a-1", "b-2"])
    assert info.value.job_id == "a-1"
    api.on(
        "GET",
        "/jobs",
        reply(200, page),
        reply(200, {"jobs": [job_json("b-2", "canceled")], "next": None}),
    )
    result = client.jobs.wait_many(["a-1", "b-2"], raise_on_failure=False)
    assert {k: j.status for k, j in result.items()} == {
        "a-1": JobStatus.FAILED,
        "b-2": JobStatus.CANCELED,
    }


def test_wait_many_timeout_keeps_what_was_learned(api: FakeAPI, client: IonQ) -> None:
    page = {"jobs": [job_json("a-1", "completed"), job_json("b-2", "ready")], "next": None}
    api.on(
        "GET",
        "/jobs",
        reply(200, page),
        reply(200, {"jobs": [job_json("b-2", "ready")], "next": None}),
    )
    with pytest.raises(JobTimeoutError) as info:
        client.jobs.wait_many(["a-1", "b-2"], timeout=5)
    assert info.value.pending == {"b-2": JobStatus.READY}
    assert list(info.value.finished) == ["a-1"]
    assert info.value.job_id == "b-2"
    assert info.value.last_status is JobStatus.READY


def test_wait_many_checks_transitions_too(api: FakeAPI, client: IonQ) -> None:
    seed = Job.from_dict(job_json("a-1", "started"))
    api.on("GET", "/jobs", reply(200, {"jobs": [job_json("a-1", "ready")], "next": None}))
    with pytest.raises(LifecycleViolationError):
        client.jobs.wait_many([seed])


def test_wait_many_follows_next_within_a_round(api: FakeAPI, client: IonQ) -> None:
    api.on(
        "GET",
        "/jobs",
        reply(200, {"jobs": [job_json("a-1", "completed")], "next": "c2"}),
        reply(200, {"jobs": [job_json("b-2", "completed")], "next": None}),
    )
    assert set(client.jobs.wait_many(["a-1", "b-2"])) == {"a-1", "b-2"}
    assert "next=c2" in str(api.requests[1].url)


def test_wait_many_refuses_an_empty_list(api: FakeAPI, client: IonQ) -> None:
    with pytest.raises(InvalidArgumentError):
        client.jobs.wait_many([])
    assert api.requests == []


@pytest.mark.parametrize("many", [False, True], ids=["wait", "wait_many"])
def test_a_poll_cut_off_by_the_wait_deadline_is_the_wait_timeout(
    api: FakeAPI, clock: FakeClock, many: bool
) -> None:
    """A poll that hangs is cut off when the wait's time is up (the socket deadline, here
    simulated by the clock jumping there); the wait raises JobTimeoutError from it."""

    def hang(request: httpx.Request) -> httpx.Response:
        clock.now += 60.0
        raise httpx.ReadTimeout("the call's deadline passed", request=request)

    api.on("GET", "/jobs/job-1", hang)
    api.on("GET", "/jobs", hang)
    with make_client(api, clock) as client:
        wait = client.jobs.wait_many if many else client.jobs.wait
        target = ["job-1"] if many else "job-1"
        with pytest.raises(JobTimeoutError) as info:
            wait(target, timeout=5)  # type: ignore[arg-type]
    assert isinstance(info.value.__cause__, APITimeoutError)
    assert info.value.job_id == "job-1"
    assert len(api.requests) == 1  # not retried: no time left
    assert "within its deadline of 5s" in str(info.value.__cause__)
