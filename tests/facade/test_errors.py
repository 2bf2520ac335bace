"""Every status code maps to its typed error; a bad 2xx body is a validation error."""

from __future__ import annotations

import httpx
import pytest

from ionq_facade import (
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    IonQ,
    IonQError,
    Job,
    JobConflictError,
    JobStatus,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
)

from .conftest import API_KEY, FakeAPI, FakeClock, job_json, make_client, reply


def _error_body(status: int) -> dict[str, object]:
    return {"error": "Some Error", "message": f"went wrong with {status}", "statusCode": status}


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (413, PayloadTooLargeError),
        (429, RateLimitError),
        (500, InternalServerError),
        (501, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (520, InternalServerError),
        (599, InternalServerError),
        (418, APIStatusError),
        (422, APIStatusError),
        (302, APIStatusError),
    ],
)
def test_status_maps_to_its_error(
    api: FakeAPI, client: IonQ, status: int, cls: type[APIStatusError]
) -> None:
    api.on("GET", "/jobs/job-1", reply(status, _error_body(status), **{"x-request-id": "rq-7"}))
    with pytest.raises(APIStatusError) as info:
        client.jobs.get("job-1")
    err = info.value
    assert type(err) is cls
    assert err.status_code == status
    assert err.error_type == "Some Error"
    assert err.error_message == f"went wrong with {status}"
    assert err.error_status == status
    assert err.request_id == "rq-7"
    assert err.body == httpx.Response(200, json=_error_body(status)).content
    assert "rq-7" in str(err)
    assert str(status) in str(err)
    assert API_KEY not in str(err)
    assert API_KEY not in repr(err)


def test_a_body_that_is_not_the_error_shape_still_maps(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs/job-1", httpx.Response(500, content=b"<html>upstream down</html>"))
    with pytest.raises(InternalServerError) as info:
        client.jobs.get("job-1")
    assert info.value.error_type is None
    assert info.value.error_message is None
    assert info.value.body == b"<html>upstream down</html>"
    assert "upstream down" in str(info.value)


def test_bad_request_carries_validation_details(api: FakeAPI, client: IonQ) -> None:
    body = {
        "error": "Bad Request",
        "message": "invalid",
        "statusCode": 400,
        "validation": {"keys": ["shots"], "source": "body"},
    }
    api.on("GET", "/jobs/job-1", reply(400, body))
    with pytest.raises(BadRequestError) as info:
        client.jobs.get("job-1")
    assert info.value.validation_keys == ("shots",)
    assert info.value.validation_source == "body"


def test_rate_limit_carries_retry_after(api: FakeAPI, clock: object) -> None:
    from .conftest import FakeClock, make_client

    assert isinstance(clock, FakeClock)
    api.on("GET", "/whoami", reply(429, _error_body(429), **{"Retry-After": "7"}))
    with make_client(api, clock, max_retries=0) as client, pytest.raises(RateLimitError) as info:
        client.whoami()
    assert info.value.retry_after == 7.0


def test_conflict_on_a_job_operation_is_a_job_conflict(api: FakeAPI, client: IonQ) -> None:
    api.on("PUT", "/jobs/job-1/status/cancel", reply(409, _error_body(409)))
    api.on("GET", "/jobs/job-1", reply(200, job_json("job-1", "completed")))
    with pytest.raises(JobConflictError) as info:
        client.jobs.cancel("job-1")
    assert info.value.job_id == "job-1"
    assert info.value.current_status is JobStatus.COMPLETED


def test_every_error_is_an_ionq_error() -> None:
    import ionq_facade

    for name in ionq_facade.__all__:
        obj = getattr(ionq_facade, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, IonQError), name


@pytest.mark.parametrize(
    "body",
    [
        b"not json at all",
        b"",
        b"[1, 2, 3]",
        b'{"id": "job-1"}',  # required fields missing
        b'{"id": 7, "status": "completed", "type": "ionq.circuit.v1", "backend": "simulator"}',
        b'{"id": "job-1", "status": null, "type": "ionq.circuit.v1", "backend": "simulator"}',
        b'{"id": "job-1", "status": "completed", "type": ["x"], "backend": "simulator"}',
        b"\xff\xfe garbage",
    ],
)
def test_malformed_2xx_body_is_a_validation_error(api: FakeAPI, client: IonQ, body: bytes) -> None:
    api.on("GET", "/jobs/job-1", httpx.Response(200, content=body))
    with pytest.raises(APIResponseValidationError) as info:
        client.jobs.get("job-1")
    assert info.value.body == body
    assert info.value.status_code == 200
    assert info.value.response is not None


@pytest.mark.parametrize(
    ("path", "call", "body"),
    [
        ("/jobs", lambda c: c.jobs.list().first_page(), {"jobs": "nope", "next": None}),
        ("/jobs", lambda c: c.jobs.list().first_page(), {"jobs": [{"id": "x"}], "next": None}),
        ("/jobs", lambda c: c.jobs.list().first_page(), {"jobs": [], "next": 3}),
        ("/jobs/job-1/cost", lambda c: c.jobs.cost("job-1"), {"dry_run": False}),
        (
            "/jobs/job-1/results/probabilities",
            lambda c: c.jobs.probabilities("job-1"),
            {"0": "half"},
        ),
        (
            "/jobs/job-1/results/probabilities",
            lambda c: c.jobs.probabilities("job-1"),
            {"zero": 0.5},
        ),
        ("/backends", lambda c: c.backends.list(), {"backend": "simulator"}),
        ("/whoami", lambda c: c.whoami(), {"key_id": 1, "key_name": "k"}),
        ("/sessions", lambda c: c.sessions.list(), {"sessions": [{"id": "s"}]}),
    ],
)
def test_malformed_bodies_of_every_kind(
    api: FakeAPI, client: IonQ, path: str, call: object, body: object
) -> None:
    api.on("GET", path, reply(200, body))
    assert callable(call)
    with pytest.raises(APIResponseValidationError):
        call(client)


def test_a_malformed_optional_field_fails_only_when_read(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs/job-1", reply(200, job_json(shots="many", name="ok")))
    job = client.jobs.get("job-1")
    assert isinstance(job, Job)
    assert job.name == "ok"
    with pytest.raises(APIResponseValidationError) as info:
        _ = job.shots
    assert "shots" in str(info.value)
    assert info.value.body == b'"many"'


# -- the key never shows, whole or in part; oversized answers -------------------------

KEY40 = "kF3x9QpLm2ZtR7vWb1Yc8NdHs4JgE6uAo0TiXyMe"


@pytest.mark.parametrize("cut", [1, 11, 12, 20, 39])
def test_a_long_fragment_of_the_key_is_masked_wherever_it_is_cut(cut: int) -> None:
    from ionq_facade._errors import _FRAGMENT, register_secret

    register_secret(KEY40)
    text = str(IonQError(f"head {KEY40[:cut]}|{KEY40[-cut:]} tail"))
    shown = [KEY40[i : i + _FRAGMENT] for i in range(len(KEY40) - _FRAGMENT + 1)]
    assert not any(fragment in text for fragment in shown)
    if cut < _FRAGMENT:
        assert KEY40[:cut] in text  # too short to tell from ordinary text: kept


def test_a_key_straddling_the_quoted_body_cut_is_masked(api: FakeAPI, client: IonQ) -> None:
    from ionq_facade._errors import register_secret

    register_secret(KEY40)
    body = b"x" * 480 + KEY40.encode()
    api.on("GET", "/jobs/job-1", httpx.Response(418, content=body))
    with pytest.raises(APIStatusError) as info:
        client.jobs.get("job-1")
    assert KEY40[:12] not in str(info.value)
    assert "***" in str(info.value)
    assert info.value.body == body  # the raw body itself is kept as received


def test_an_answer_over_the_cap_is_a_typed_error(api: FakeAPI, clock: FakeClock) -> None:
    api.on("GET", "/jobs/job-1", reply(200, job_json(name="n" * 2000)))
    with (
        make_client(api, clock, max_response_bytes=1000) as small,
        pytest.raises(ResponseTooLargeError) as info,
    ):
        small.jobs.get("job-1")
    assert info.value.limit == 1000
    assert info.value.received > 1000
    with make_client(api, clock) as default:
        assert default.jobs.get("job-1").name == "n" * 2000
