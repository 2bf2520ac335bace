"""Raw access: any single-request call can give the response as received."""

from __future__ import annotations

import httpx
import pytest

from ionq_facade import APIResponseValidationError, IonQ, Job, NotFoundError, RawResponse

from .conftest import FakeAPI, job_json, reply


def test_raw_get(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs/job-1", reply(200, job_json(), **{"x-request-id": "rq-1", "x-extra": "e"}))
    raw = client.jobs.with_raw_response.get("job-1")
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.request_id == "rq-1"
    assert raw.headers["x-extra"] == "e"
    assert raw.json() == job_json()
    assert raw.content == httpx.Response(200, json=job_json()).content
    assert str(raw.url) == "https://api.test/v0.4/jobs/job-1"
    job = raw.parse()
    assert isinstance(job, Job)
    assert raw.parse() is job


def test_raw_parse_of_a_malformed_body(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs/job-1", httpx.Response(200, content=b"{oops"))
    raw = client.jobs.with_raw_response.get("job-1")
    assert raw.content == b"{oops"  # the raw body is there even though it does not parse
    with pytest.raises(APIResponseValidationError):
        raw.parse()


def test_raw_errors_still_raise(api: FakeAPI, client: IonQ) -> None:
    with pytest.raises(NotFoundError) as info:
        client.jobs.with_raw_response.get("job-1")
    assert info.value.response.status_code == 404


def test_raw_for_every_namespace(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/whoami", reply(200, {"key_id": "k", "key_name": "n"}))
    api.on("GET", "/backends", reply(200, []))
    api.on("GET", "/sessions", reply(200, {"sessions": []}))
    api.on("GET", "/jobs", reply(200, {"jobs": [], "next": None}))
    api.on("GET", "/backends/simulator/characterizations", reply(200, {"characterizations": []}))
    assert client.with_raw_response.whoami().parse().key_id == "k"
    assert client.with_raw_response.backends.list().parse() == ()
    assert client.sessions.with_raw_response.list().parse() == ()
    assert client.jobs.with_raw_response.list_page().parse().jobs == ()
    assert client.characterizations.with_raw_response.list("simulator").parse().pages is None
    assert client.with_raw_response.jobs is client.jobs.with_raw_response
