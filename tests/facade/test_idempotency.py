"""Idempotency-Key: sent on every creating request, the same on each retry of it; an
ambiguous failure is retried only once the server has echoed a key (it dedupes)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from ionq_facade import APIError, Circuit, IonQ, JobMayExistError
from ionq_facade._retry import KeyEcho, RetryPolicy

from .conftest import (
    FakeAPI,
    FakeClock,
    creating_calls,
    job_json,
    make_async_client,
    make_client,
    reply,
)
from .test_retry import FAILURES, REQ, _err

HEADER = "Idempotency-Key"
BELL = Circuit(2).h(0).cnot(0, 1)
CREATED = {"id": "job-9", "status": "submitted"}


def echoing(body: dict[str, Any], status: int = 201) -> Callable[[httpx.Request], httpx.Response]:
    """An answer that echoes the request's key, as a deduping server does."""

    def answer(request: httpx.Request) -> httpx.Response:
        return reply(status, body, **{HEADER: request.headers[HEADER]})

    return answer


@pytest.mark.parametrize("operation", ["create", "clone", "move", "session"])
def test_every_creating_request_sends_a_fresh_key(
    api: FakeAPI, client: IonQ, operation: str
) -> None:
    path, body, call = creating_calls(client)[operation]
    api.on("POST", path, reply(201, body))
    call()
    call()
    first, second = (r.headers[HEADER] for r in api.sent("POST", path))
    assert uuid.UUID(first).version == 4
    assert first != second


def test_requests_that_create_nothing_send_no_key(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs/job-1", reply(200, job_json()))
    api.on("PUT", "/jobs/job-1/status/cancel", reply(200, {"id": "job-1", "status": "canceled"}))
    api.on("DELETE", "/jobs/job-1", reply(200, {"id": "job-1", "status": "deleted"}))
    client.jobs.get("job-1")
    client.jobs.cancel("job-1")
    client.jobs.delete("job-1")
    assert all(HEADER not in r.headers for r in api.requests)


def test_a_retry_sends_the_same_key(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs", _err(429), _err(429), reply(201, CREATED))
    client.jobs.create(BELL, backend="simulator")
    keys = [r.headers[HEADER] for r in api.sent("POST")]
    assert len(keys) == 3
    assert len(set(keys)) == 1


AMBIGUOUS = [f for f in FAILURES if f[2] and not f[3]]  # reads retry, creates did not


@pytest.mark.parametrize(("label", "failure", "read_retries", "create_retries"), AMBIGUOUS)
def test_without_an_echo_an_ambiguous_failure_is_not_retried(
    api: FakeAPI,
    client: IonQ,
    label: str,
    failure: Callable[[], Any],
    read_retries: bool,
    create_retries: bool,
) -> None:
    # The server answers, but never echoes the key (as one that ignores it).
    api.on("POST", "/jobs", reply(201, CREATED), failure(), reply(201, CREATED))
    client.jobs.create(BELL, backend="simulator")
    with pytest.raises(APIError):
        client.jobs.create(BELL, backend="simulator")
    assert len(api.sent("POST")) == 2, f"retried after {label} with no echo seen"


@pytest.mark.parametrize(("label", "failure", "read_retries", "create_retries"), FAILURES)
@pytest.mark.parametrize("operation", ["create", "clone", "move", "session"])
def test_once_the_key_was_echoed_creating_requests_retry_like_reads(
    api: FakeAPI,
    client: IonQ,
    label: str,
    failure: Callable[[], Any],
    read_retries: bool,
    create_retries: bool,
    operation: str,
) -> None:
    path, body, call = creating_calls(client)[operation]
    api.on("POST", path, echoing(body), failure(), echoing(body))
    api.on("GET", "/jobs/job-1", reply(200, job_json()))  # a 409 enrichment would read it
    call()
    if read_retries:
        call()
        assert len(api.sent("POST")) == 3
    else:
        with pytest.raises(APIError):
            call()
        assert len(api.sent("POST")) == 2, f"{operation} retried after {label}"


def test_an_echo_of_another_key_does_not_count(api: FakeAPI, client: IonQ) -> None:
    """A proxy that sets the header to something else is not a server that dedupes."""
    api.on(
        "POST",
        "/jobs",
        reply(201, CREATED, **{HEADER: "not-the-key-sent"}),
        httpx.ReadTimeout("slow", request=REQ),
    )
    client.jobs.create(BELL, backend="simulator")
    with pytest.raises(APIError):
        client.jobs.create(BELL, backend="simulator")
    assert len(api.sent("POST")) == 2


def test_the_echo_is_remembered_per_client(api: FakeAPI, clock: FakeClock) -> None:
    api.on("POST", "/jobs", echoing(CREATED), httpx.ReadTimeout("slow", request=REQ))
    with make_client(api, clock) as taught:
        taught.jobs.create(BELL, backend="simulator")
    with make_client(api, clock) as fresh, pytest.raises(APIError):
        fresh.jobs.create(BELL, backend="simulator")
    assert len(api.sent("POST")) == 2


class DedupingServer:
    """Creates a job per new key; a repeated key gets the first answer. The first
    attempt of each key is processed, then its answer is lost (a read timeout)."""

    def __init__(self) -> None:
        self.jobs: dict[str, str] = {}  # key -> job id
        self.lost: set[str] = set()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        key = request.headers[HEADER]
        if key not in self.jobs:
            self.jobs[key] = f"job-{len(self.jobs) + 1}"
        if key not in self.lost and len(self.jobs) > 1:  # the first create goes through
            self.lost.add(key)
            raise httpx.ReadTimeout("answer lost", request=request)
        return reply(201, {"id": self.jobs[key], "status": "submitted"}, **{HEADER: key})


def test_a_lost_answer_is_retried_and_the_dedupe_yields_one_job(api: FakeAPI, client: IonQ) -> None:
    server = DedupingServer()
    api.on("POST", "/jobs", server)
    first = client.jobs.create(BELL, backend="simulator")
    second = client.jobs.create(BELL, backend="simulator")
    assert (first.id, second.id) == ("job-1", "job-2")
    assert len(server.jobs) == 2  # the retry created nothing
    assert len(api.sent("POST")) == 3


def test_async_client_shares_the_policy(api: FakeAPI, clock: FakeClock) -> None:
    server = DedupingServer()
    api.on("POST", "/jobs", server)

    async def run() -> str:
        async with make_async_client(api, clock) as client:
            await client.jobs.create(BELL, backend="simulator")
            second = await client.jobs.create(BELL, backend="simulator")
        return second.id

    assert asyncio.run(run()) == "job-2"
    assert len(server.jobs) == 2
    keys = [r.headers[HEADER] for r in api.sent("POST")]
    assert keys[1] == keys[2] != keys[0]


def test_a_500_is_not_retried_even_when_the_server_dedupes() -> None:
    policy = RetryPolicy(rand=lambda: 0.0)
    assert policy.delay(creating=True, deduped=True, attempt=0, status=500) is None
    assert policy.delay(creating=True, deduped=True, attempt=0, status=503) is not None
    assert policy.delay(creating=True, deduped=False, attempt=0, status=503) is None


def test_key_echo_learns_only_from_the_key_sent() -> None:
    echo = KeyEcho()
    echo.observe(None, {HEADER: "k"})
    echo.observe("k", {})
    echo.observe("k", {HEADER: "other"})
    assert not echo.seen
    echo.observe("k", httpx.Headers({"idempotency-key": "k"}))
    assert echo.seen


# -- the caller is told when a creating request may have made its job -----------------


@pytest.mark.parametrize("operation", ["create", "clone", "move", "session"])
@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("lost", request=REQ),
        httpx.RemoteProtocolError("dropped", request=REQ),
        reply(500, {}),
        reply(504, {}),
    ],
    ids=["read timeout", "dropped", "500", "504"],
)
def test_a_creating_call_that_may_have_acted_raises_job_may_exist(
    api: FakeAPI, client: IonQ, operation: str, failure: httpx.Response | Exception
) -> None:
    path, _body, call = creating_calls(client)[operation]
    api.on("POST", path, failure)
    with pytest.raises(JobMayExistError) as info:
        call()
    error = info.value
    assert len(api.requests) == 1  # not retried
    assert error.operation == ("sessions.create" if operation == "session" else operation)
    assert error.idempotency_key == api.requests[0].headers[HEADER]
    assert error.sent_body == api.body(0)
    assert error.sent_at.tzinfo is not None
    assert isinstance(error.error, APIError)
    assert "may have been created" in str(error)
    assert (error.source_job_id is not None) == (operation in ("clone", "move"))


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused", request=REQ),
        reply(503, {}),
        reply(400, {"error": "Bad", "message": "no", "statusCode": 400}),
    ],
    ids=["connect refused", "503", "400"],
)
def test_a_creating_call_that_certainly_made_nothing_raises_the_plain_error(
    api: FakeAPI, clock: FakeClock, failure: httpx.Response | Exception
) -> None:
    api.on("POST", "/jobs", failure)
    with make_client(api, clock, max_retries=0) as client, pytest.raises(APIError) as info:
        client.jobs.create(BELL, backend="simulator")
    assert not isinstance(info.value, JobMayExistError)


def test_a_refusal_after_an_ambiguous_attempt_still_says_the_job_may_exist(
    api: FakeAPI, client: IonQ
) -> None:
    """Once the server echoed a key, a lost answer is retried; a retry refused (429 with a
    Retry-After too long to wait) leaves the first attempt's job possibly made."""
    api.on("POST", "/jobs", echoing(CREATED))
    client.jobs.create(BELL, backend="simulator")
    api.on(
        "POST",
        "/jobs",
        httpx.RemoteProtocolError("dropped", request=REQ),
        reply(429, {}, **{"retry-after": "3600"}),
    )
    with pytest.raises(JobMayExistError) as info:
        client.jobs.create(BELL, backend="simulator")
    assert info.value.error.__class__.__name__ == "RateLimitError"
