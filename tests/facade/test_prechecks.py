"""Lifecycle pre-checks on snapshots send nothing; server refusals become typed errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ionq_facade import (
    ConflictError,
    InvalidTransitionError,
    IonQ,
    Job,
    JobConflictError,
    JobRef,
    JobStatus,
)

from .conftest import FakeAPI, job_json, reply

CONFLICT = reply(409, {"error": "Conflict", "message": "cannot cancel", "statusCode": 409})
OPERATIONS: dict[str, Callable[[IonQ, Any], object]] = {
    "cancel": lambda c, job: c.jobs.cancel(job),
    "move": lambda c, job: c.jobs.move(job, backend="qpu.forte-1"),
    "cancel_many": lambda c, job: c.jobs.cancel_many(["other-1", job]),
}


def snapshot(status: str) -> Job:
    return Job.from_dict(job_json("job-1", status))


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("status", ["completed", "failed", "canceled"])
def test_terminal_snapshot_is_refused_without_a_request(
    api: FakeAPI, client: IonQ, operation: str, status: str
) -> None:
    with pytest.raises(InvalidTransitionError) as info:
        OPERATIONS[operation](client, snapshot(status))
    assert api.requests == []
    err = info.value
    assert (err.job_id, err.status) == ("job-1", JobStatus(status))
    assert err.operation in ("cancel", "move")
    assert status in str(err)
    assert "job-1" in str(err)


def test_terminal_job_ref_is_refused_too(api: FakeAPI, client: IonQ) -> None:
    ref = JobRef(id="job-1", status="completed")
    with pytest.raises(InvalidTransitionError):
        client.jobs.move(ref, backend="simulator")
    assert api.requests == []


@pytest.mark.parametrize("status", ["submitted", "ready", "started", "running", "mystery"])
def test_cancelable_or_unknown_snapshot_is_sent(api: FakeAPI, client: IonQ, status: str) -> None:
    api.on("PUT", "/jobs/job-1/status/cancel", reply(200, {"id": "job-1", "status": "canceled"}))
    api.on("POST", "/jobs/job-1/move", reply(201, {"id": "job-2", "status": "submitted"}))
    ref = client.jobs.cancel(snapshot(status))
    assert (ref.id, ref.status) == ("job-1", JobStatus.CANCELED)
    moved = client.jobs.move(snapshot(status), backend="qpu.forte-1")
    assert moved.id == "job-2"
    assert [r.method for r in api.requests] == ["PUT", "POST"]


def test_clone_and_delete_of_a_terminal_job_are_allowed(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs/job-1/clone", reply(201, {"id": "job-2"}))
    api.on("DELETE", "/jobs/job-1", reply(200, {"id": "job-1", "status": "deleted"}))
    assert client.jobs.clone(snapshot("completed")).id == "job-2"
    client.jobs.delete(snapshot("completed"))  # typed `-> None`: nothing to read
    assert len(api.requests) == 2


@pytest.mark.parametrize("now", ["completed", "canceled", "running"])
def test_move_conflict_carries_the_current_status(api: FakeAPI, client: IonQ, now: str) -> None:
    api.on("POST", "/jobs/job-1/move", CONFLICT)
    api.on("GET", "/jobs/job-1", reply(200, job_json("job-1", now)))
    with pytest.raises(JobConflictError) as info:
        client.jobs.move("job-1", backend="qpu.forte-1")
    assert info.value.status_code == 409
    assert info.value.job_id == "job-1"
    assert info.value.current_status is JobStatus(now if now != "running" else "started")
    assert [(r.method, r.url.path) for r in api.requests] == [
        ("POST", "/v0.4/jobs/job-1/move"),
        ("GET", "/v0.4/jobs/job-1"),
    ]


def test_a_cancel_that_finds_the_job_canceled_on_its_first_try_is_a_conflict(
    api: FakeAPI, client: IonQ
) -> None:
    # Nothing of ours was applied: someone else canceled it, and the caller should know.
    api.on("PUT", "/jobs/job-1/status/cancel", CONFLICT)
    api.on("GET", "/jobs/job-1", reply(200, job_json("job-1", "canceled")))
    with pytest.raises(JobConflictError) as info:
        client.jobs.cancel("job-1")
    assert info.value.current_status is JobStatus.CANCELED


def test_a_retried_cancel_whose_first_try_was_applied_succeeds(
    api: FakeAPI, client: IonQ
) -> None:
    # The first try's answer was a 503 after the server canceled the job; the retry's 409
    # plus the job's status now show the cancel took effect.
    api.on("PUT", "/jobs/job-1/status/cancel", reply(503, {}), CONFLICT)
    api.on("GET", "/jobs/job-1", reply(200, job_json("job-1", "canceled")))
    raw = client.jobs.with_raw_response.cancel("job-1")
    assert raw.headers["x-ionq-facade-settled"] == "applied-by-earlier-attempt"
    ref = raw.parse()
    assert (ref.id, ref.status) == ("job-1", JobStatus.CANCELED)
    # A move retried after a 429 (which applied nothing) and refused is still an error.
    api.on("POST", "/jobs/job-1/move", reply(429, {}), CONFLICT)
    with pytest.raises(JobConflictError):
        client.jobs.move("job-1")


def test_conflict_status_is_none_when_it_cannot_be_read(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs/job-1/move", CONFLICT)
    api.on("GET", "/jobs/job-1", reply(503, {}))
    with pytest.raises(JobConflictError) as info:
        client.jobs.move("job-1")
    assert info.value.current_status is None
    assert len(api.sent("GET")) == 1  # best effort: the lookup is not retried


def test_bulk_conflict_is_a_job_conflict_without_a_single_job(api: FakeAPI, client: IonQ) -> None:
    api.on("PUT", "/jobs/status/cancel", CONFLICT)
    with pytest.raises(JobConflictError) as info:
        client.jobs.cancel_many(["a-1", "b-2"])
    assert info.value.job_ids == ("a-1", "b-2")
    assert info.value.job_id is None
    assert len(api.requests) == 1


def test_session_conflict_is_a_plain_conflict(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/sessions/s-1/end", CONFLICT)
    with pytest.raises(ConflictError) as info:
        client.sessions.end("s-1")
    assert not isinstance(info.value, JobConflictError)
