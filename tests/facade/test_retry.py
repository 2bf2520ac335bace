"""Retries happen where allowed, never for a creating request that may have been sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ionq_facade import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    InternalServerError,
    IonQ,
    RateLimitError,
)
from ionq_facade._retry import RetryPolicy, parse_retry_after

from .conftest import FakeAPI, FakeClock, creating_calls, job_json, make_client, reply

JOB = reply(200, job_json())
REQ = httpx.Request("GET", "https://api.test/v0.4/jobs/job-1")


def _err(status: int, **headers: str) -> httpx.Response:
    return reply(status, {"error": "E", "message": "m", "statusCode": status}, **headers)


# Every way a request can go wrong, and whether a read / a create may retry after it.
FAILURES: list[tuple[str, Callable[[], Any], bool, bool]] = [
    ("connect refused", lambda: httpx.ConnectError("refused", request=REQ), True, True),
    ("connect timeout", lambda: httpx.ConnectTimeout("slow", request=REQ), True, True),
    ("pool timeout", lambda: httpx.PoolTimeout("busy", request=REQ), True, True),
    ("read timeout", lambda: httpx.ReadTimeout("slow", request=REQ), True, False),
    ("write timeout", lambda: httpx.WriteTimeout("slow", request=REQ), True, False),
    ("reset after send", lambda: httpx.ReadError("reset", request=REQ), True, False),
    ("server hung up", lambda: httpx.RemoteProtocolError("eof", request=REQ), True, False),
    ("429", lambda: _err(429), True, True),
    ("502", lambda: _err(502), True, False),
    ("503", lambda: _err(503), True, False),
    ("504", lambda: _err(504), True, False),
    ("520", lambda: _err(520), True, False),
    ("529", lambda: _err(529), True, False),
    ("500", lambda: _err(500), False, False),
    ("501", lambda: _err(501), False, False),
    ("530", lambda: _err(530), False, False),
    ("400", lambda: _err(400), False, False),
    ("404", lambda: _err(404), False, False),
]


@pytest.mark.parametrize(("label", "failure", "read_retries", "create_retries"), FAILURES)
def test_reads_retry_where_allowed(
    api: FakeAPI,
    client: IonQ,
    label: str,
    failure: Callable[[], Any],
    read_retries: bool,
    create_retries: bool,
) -> None:
    api.on("GET", "/jobs/job-1", failure(), JOB)
    if read_retries:
        assert client.jobs.get("job-1").id == "job-1"
        assert len(api.requests) == 2
    else:
        with pytest.raises(APIError) as info:
            client.jobs.get("job-1")
        assert not isinstance(info.value, (httpx.HTTPError,))  # always our typed error
        assert len(api.requests) == 1


@pytest.mark.parametrize(("label", "failure", "read_retries", "create_retries"), FAILURES)
@pytest.mark.parametrize("operation", ["create", "clone", "move", "session"])
def test_creating_requests_retry_only_when_nothing_was_sent(
    api: FakeAPI,
    client: IonQ,
    label: str,
    failure: Callable[[], Any],
    read_retries: bool,
    create_retries: bool,
    operation: str,
) -> None:
    path, body, call = creating_calls(client)[operation]
    api.on("POST", path, failure(), reply(201, body))
    api.on("GET", "/jobs/job-1", JOB)  # a 409 enrichment would read it
    if create_retries:
        call()
        assert len(api.sent("POST")) == 2
    else:
        with pytest.raises(APIError) as info:
            call()
        assert not isinstance(info.value, httpx.HTTPError)
        assert len(api.sent("POST")) == 1, f"{operation} retried after {label}"


def test_connection_errors_become_typed_errors(api: FakeAPI, clock: FakeClock) -> None:
    api.on("GET", "/jobs/job-1", httpx.ReadTimeout("slow", request=REQ))
    with make_client(api, clock, max_retries=1) as client:
        with pytest.raises(APITimeoutError) as timeout:
            client.jobs.get("job-1")
        api.on("GET", "/jobs/job-1", httpx.ConnectError("refused", request=REQ))
        with pytest.raises(APIConnectionError) as refused:
            client.jobs.get("job-1")
    assert type(refused.value) is APIConnectionError
    assert isinstance(timeout.value.__cause__, httpx.ReadTimeout)
    assert len(api.requests) == 4  # one retry each


def test_default_is_two_retries_then_the_error(
    api: FakeAPI, client: IonQ, clock: FakeClock
) -> None:
    api.on("GET", "/jobs/job-1", _err(503))
    with pytest.raises(InternalServerError):
        client.jobs.get("job-1")
    assert len(api.requests) == 3
    assert len(clock.sleeps) == 2


def test_max_retries_zero_turns_retries_off(api: FakeAPI, clock: FakeClock) -> None:
    api.on("GET", "/jobs/job-1", _err(503), JOB)
    with make_client(api, clock, max_retries=0) as client, pytest.raises(InternalServerError):
        client.jobs.get("job-1")
    assert len(api.requests) == 1
    assert clock.sleeps == []


def test_retry_after_is_honoured(api: FakeAPI, client: IonQ, clock: FakeClock) -> None:
    api.on("GET", "/jobs/job-1", _err(429, **{"Retry-After": "3"}), JOB)
    client.jobs.get("job-1")
    assert clock.sleeps == [3.0]


def test_retry_after_beyond_the_bound_is_not_waited_out(
    api: FakeAPI, client: IonQ, clock: FakeClock
) -> None:
    api.on("GET", "/jobs/job-1", _err(429, **{"Retry-After": "3600"}), JOB)
    with pytest.raises(RateLimitError) as info:
        client.jobs.get("job-1")
    assert info.value.retry_after == 3600.0
    assert clock.sleeps == []
    assert len(api.requests) == 1


def test_backoff_grows_with_jitter_and_a_cap() -> None:
    policy = RetryPolicy(max_retries=10, rand=lambda: 0.0)
    delays = [policy.delay(creating=False, attempt=a, status=503) for a in range(8)]
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0, 8.0]
    jittered = RetryPolicy(max_retries=10, rand=lambda: 1.0)
    assert jittered.delay(creating=False, attempt=0, status=503) == pytest.approx(0.375)


@given(
    attempt=st.integers(min_value=0, max_value=50),
    creating=st.booleans(),
    status=st.integers(min_value=100, max_value=599),
    rand=st.floats(min_value=0.0, max_value=1.0),
    max_retries=st.integers(min_value=0, max_value=5),
)
def test_policy_properties(
    attempt: int, creating: bool, status: int, rand: float, max_retries: int
) -> None:
    policy = RetryPolicy(max_retries=max_retries, rand=lambda: rand)
    delay = policy.delay(creating=creating, attempt=attempt, status=status)
    if attempt >= max_retries or status == 500 or 200 <= status < 300:
        assert delay is None
    if creating and status != 429:
        assert delay is None
    if delay is not None:
        assert 0 < delay <= policy.max_delay


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("5", 5.0), ("0", 0.0), ("-3", 0.0), ("1.5", 1.5), ("soon", None), ("nan", None)],
)
def test_parse_retry_after(value: str, seconds: float | None) -> None:
    assert parse_retry_after({"retry-after": value}) == seconds


def test_parse_retry_after_http_date() -> None:
    date = "Wed, 21 Oct 2015 07:28:00 GMT"
    assert parse_retry_after({"retry-after": date}, now=lambda: 1445412470.0) == 10.0
    assert parse_retry_after({}) is None


# -- the call deadline: retries and their waits end by it -----------------------------


def test_a_retry_that_would_end_after_the_deadline_is_not_made(
    api: FakeAPI, clock: FakeClock
) -> None:
    """Each failing attempt takes 4 s of the call's 10: after the third (started before
    the deadline) no time is left for a fourth, so the call stops with the deadline's
    timeout, though 5 retries were allowed."""

    def slow(request: httpx.Request) -> httpx.Response:
        clock.now += 4.0
        raise httpx.ReadTimeout("slow", request=request)

    api.on("GET", "/jobs/job-1", slow)
    with make_client(api, clock, max_retries=5) as client:
        start = clock.now
        with pytest.raises(APITimeoutError) as info:
            client.jobs.get("job-1", timeout=10)
    assert start + 10 < clock.now < start + 10 + 4
    assert len(api.requests) == 3
    assert "within its deadline of 10s" in str(info.value)


def test_a_long_retry_after_is_not_waited_past_the_deadline(api: FakeAPI, clock: FakeClock) -> None:
    api.on("GET", "/jobs/job-1", _err(503, **{"retry-after": "30"}), JOB)
    with make_client(api, clock) as client, pytest.raises(InternalServerError):
        client.jobs.get("job-1", timeout=20)
    assert clock.sleeps == []
    api.on("GET", "/jobs/job-1", _err(503, **{"retry-after": "30"}), JOB)
    with make_client(api, clock) as client:
        assert client.jobs.get("job-1", timeout=60).id == "job-1"
    assert clock.sleeps == [30.0]


def test_each_phase_is_bounded_by_the_time_left(api: FakeAPI, clock: FakeClock) -> None:
    seen: list[dict[str, float]] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return JOB

    api.on("GET", "/jobs/job-1", record)
    with make_client(api, clock) as client:
        client.jobs.get("job-1", timeout=3)
        client.jobs.get("job-1", timeout=httpx.Timeout(30, connect=2))
    assert seen[0] == {"connect": 3.0, "read": 3.0, "write": 3.0, "pool": 3.0}
    assert seen[1] == {"connect": 2.0, "read": 30.0, "write": 30.0, "pool": 30.0}


def test_no_time_left_sends_nothing(api: FakeAPI, clock: FakeClock) -> None:
    """Within an enclosing deadline already passed (a wait's), a call sends nothing."""
    from ionq_facade._flow import Call, within
    from ionq_facade._transport import call_flow

    api.on("GET", "/jobs/job-1", JOB)
    with make_client(api, clock) as client:
        flow = call_flow(client._options, Call("GET", "/jobs/job-1", lambda v: v))
        with pytest.raises(APITimeoutError):
            client._api.run(within(clock.now - 1, flow))
    assert api.requests == []
