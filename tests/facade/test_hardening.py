"""Server data that could steer a request, loop a listing or leak the key is stopped."""

from __future__ import annotations

import math

import httpx
import pytest

from ionq_facade import (
    APIResponseValidationError,
    ArgumentTypeError,
    CostLimit,
    InvalidArgumentError,
    IonQ,
    JobFailedError,
    Noise,
)

from .conftest import API_KEY, FakeAPI, job_json, reply


@pytest.mark.parametrize("evil", ["abc/move?x=", "../sessions/s1/end", "a b", "%2e%2e"])
def test_a_snapshot_id_from_the_server_cannot_steer_the_url(
    api: FakeAPI, client: IonQ, evil: str
) -> None:
    api.on("GET", "/jobs", reply(200, {"jobs": [job_json(evil, "ready")], "next": None}))
    (job,) = list(client.jobs.list())
    sent_before = len(api.requests)
    for act in (client.jobs.clone, client.jobs.cancel, client.jobs.move, client.jobs.get):
        with pytest.raises(InvalidArgumentError):
            act(job)
    assert len(api.requests) == sent_before  # nothing went out


def test_a_cursor_cycle_stops_the_listing(api: FakeAPI, client: IonQ) -> None:
    cursors = {None: "B", "B": "A", "A": "B"}

    def cycling(request: httpx.Request) -> httpx.Response:
        after = cursors[request.url.params.get("next")]
        return reply(200, {"jobs": [job_json(f"j-{after}", "completed")], "next": after})

    api.on("GET", "/jobs", cycling)
    with pytest.raises(APIResponseValidationError, match="a second time"):
        list(client.jobs.list())
    assert len(api.requests) == 3
    api.requests.clear()
    with pytest.raises(APIResponseValidationError, match="a second time"):
        client.jobs.wait_many(["j-1", "j-2"], timeout=1)
    assert len(api.requests) == 3


def test_the_key_is_masked_in_errors_built_from_snapshot_data(api: FakeAPI, client: IonQ) -> None:
    api.on(
        "GET",
        "/jobs/j-1",
        reply(200, job_json("j-1", "completed", metadata={"a": API_KEY, "b": 1})),
    )
    job = client.jobs.get("j-1")
    with pytest.raises(APIResponseValidationError) as caught:
        _ = job.metadata
    assert API_KEY not in str(caught.value)
    assert API_KEY not in repr(caught.value)
    assert "***" in str(caught.value)
    failure = {"code": "InternalError", "message": f"bad key {API_KEY}"}
    api.on("GET", "/jobs/j-2", reply(200, job_json("j-2", "failed", failure=failure)))
    with pytest.raises(JobFailedError) as failed:
        client.jobs.wait("j-2")
    assert API_KEY not in str(failed.value)


@pytest.mark.parametrize(
    ("value", "unit", "error"),
    [
        (math.nan, "usd", InvalidArgumentError),
        (math.inf, "usd", InvalidArgumentError),
        (-1, "usd", InvalidArgumentError),
        ("lots", "usd", ArgumentTypeError),
        (True, "usd", ArgumentTypeError),
        (10, 5, ArgumentTypeError),
        (10, "", ArgumentTypeError),
    ],
)
def test_cost_limits_are_checked_when_made(value: object, unit: object, error: type) -> None:
    with pytest.raises(error):
        CostLimit(value=value, unit=unit)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [2**31, -(2**31) - 1, 2**40])
def test_noise_seeds_fit_the_contracts_int32(seed: int) -> None:
    with pytest.raises(InvalidArgumentError):
        Noise("aria-1", seed=seed)
    assert Noise("aria-1", seed=2**31 - 1).seed == 2**31 - 1
