"""Listings follow `next` lazily; every filter is a keyword that reaches the query."""

from __future__ import annotations

from urllib.parse import parse_qsl

import httpx
import pytest

from ionq_facade import APIResponseValidationError, InvalidArgumentError, IonQ, JobStatus

from .conftest import FakeAPI, job_json, paged, reply


def page(ids: list[str], next_cursor: str | None) -> httpx.Response:
    return reply(200, {"jobs": [job_json(i, "completed") for i in ids], "next": next_cursor})


def query(api: FakeAPI, index: int) -> list[tuple[str, str]]:
    return parse_qsl(api.requests[index].url.query.decode())


def test_iterating_follows_next_across_pages(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs", page(["a", "b"], "c1"), page(["c"], "c2"), page([], None))
    assert [j.id for j in client.jobs.list()] == ["a", "b", "c"]
    assert [query(api, i) for i in range(3)] == [[], [("next", "c1")], [("next", "c2")]]


def test_pages_are_fetched_only_when_needed(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs", page(["a", "b"], "c1"), page(["c"], None))
    jobs = iter(client.jobs.list())
    assert api.requests == []  # nothing is sent until iteration starts
    assert next(jobs).id == "a"
    assert next(jobs).id == "b"
    assert len(api.requests) == 1


def test_page_level_access(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs", paged([job_json("a")], [job_json("b")]))
    pager = client.jobs.list(limit=1)
    first = pager.first_page()
    assert [j.id for j in first] == ["a"]
    assert first.next == "p1"
    assert len(first) == 1
    assert [[j.id for j in p.jobs] for p in pager.pages()] == [["a"], ["b"]]
    single = client.jobs.list_page(limit=1, cursor="p1")
    assert single.next is None
    assert query(api, 3) == [("limit", "1"), ("next", "p1")]


def test_every_filter_reaches_the_query(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs", page([], None))
    list(
        client.jobs.list(
            ids=["a-1", "b-2", "a-1"],
            parent_job_id="p-1",
            status=JobStatus.STARTED,
            target=["qpu.forte-1", "simulator"],
            session_id="s-1",
            submitter_id="u-1",
            limit=25,
        )
    )
    assert query(api, 0) == [
        ("ids", "a-1"),
        ("ids", "b-2"),
        ("parent_job_id", "p-1"),
        ("status", "started"),
        ("target", "qpu.forte-1,simulator"),
        ("session_id", "s-1"),
        ("submitter_id", "u-1"),
        ("limit", "25"),
    ]


def test_status_filter_takes_the_known_names_and_refuses_others(
    api: FakeAPI, client: IonQ
) -> None:
    api.on("GET", "/jobs", page([], None))
    client.jobs.list(status="running").first_page()
    assert query(api, 0) == [("status", "running")]
    for wrong in ("compelted", JobStatus.UNKNOWN):
        with pytest.raises(InvalidArgumentError, match="one of submitted, ready, started"):
            client.jobs.list(status=wrong)  # type: ignore[arg-type]
    assert len(api.requests) == 1


def test_a_repeated_cursor_stops_instead_of_looping(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs", page(["a"], "same"), page(["b"], "same"))
    with pytest.raises(APIResponseValidationError):
        list(client.jobs.list())
    assert len(api.requests) == 2


def test_session_jobs_page_the_same_way(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/sessions/s-1/jobs", page(["a"], "n"), page(["b"], None))
    assert [j.id for j in client.sessions.jobs("s-1", status="completed")] == ["a", "b"]
    assert query(api, 0) == [("status", "completed")]


def test_an_unknown_status_in_a_listing_is_kept(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs", reply(200, {"jobs": [job_json("a", "paused")], "next": None}))
    [job] = list(client.jobs.list())
    assert job.status is JobStatus.UNKNOWN
    assert job.raw_status == "paused"
