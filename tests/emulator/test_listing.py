"""Listing: every filter, and a cursor that neither skips nor repeats while jobs are created."""

from __future__ import annotations

import threading
from typing import Any

import httpx

from ionq_emulator.server import EmulatorServer

from .helpers import api_client, create, job_body


def all_pages(client: httpx.Client, **params: Any) -> tuple[list[str], int]:
    """Every job id the list yields, following `next`; and the number of pages."""
    ids: list[str] = []
    pages = 0
    cursor: str | None = None
    while True:
        query = {**params, **({"next": cursor} if cursor else {})}
        page = client.get("/jobs", params=query).json()
        pages += 1
        ids += [job["id"] for job in page["jobs"]]
        cursor = page["next"]
        if cursor is None:
            return ids, pages


def test_paging_over_1000_jobs_while_creating_more_skips_none_repeats_none(
    manual_server: EmulatorServer,
) -> None:
    with api_client(manual_server) as client:
        existing = [create(client, job_body(name=str(i))) for i in range(1050)]
        created_during: list[str] = []
        stop = threading.Event()

        def keep_creating() -> None:
            with httpx.Client(base_url=manual_server.base_url, headers=client.headers) as other:
                while not stop.is_set():
                    created_during.append(create(other))

        writer = threading.Thread(target=keep_creating)
        writer.start()
        try:
            seen, pages = all_pages(client, limit=25)
        finally:
            stop.set()
            writer.join()
        assert created_during, "the writer created jobs during the iteration"
        assert pages >= 42
        assert len(seen) == len(set(seen)), "a job was repeated"
        # Newest first: the jobs created before the first page, then every older job in
        # exact reverse creation order: none skipped.
        assert seen[-len(existing) :] == existing[::-1]
        newer = seen[: -len(existing)]
        assert newer == [j for j in created_during[::-1] if j in set(newer)]
        # A fresh iteration sees everything, newest first.
        again, _ = all_pages(client, limit=1000)
        assert again == [*created_during[::-1], *existing[::-1]]


def test_default_page_size_limit_and_last_page(client: httpx.Client) -> None:
    ids = [create(client) for _ in range(30)]
    first = client.get("/jobs").json()
    assert len(first["jobs"]) == 25
    assert first["next"] is not None
    assert [j["id"] for j in first["jobs"]] == ids[::-1][:25]
    rest = client.get("/jobs", params={"next": first["next"]}).json()
    assert [j["id"] for j in rest["jobs"]] == ids[::-1][25:]
    assert rest["next"] is None
    exact = client.get("/jobs", params={"limit": 30}).json()
    assert len(exact["jobs"]) == 30
    assert exact["next"] is None
    assert len(client.get("/jobs", params={"limit": 5000}).json()["jobs"]) == 30  # clamped


def test_filters(client: httpx.Client, manual_server: EmulatorServer) -> None:
    emu = manual_server.emulator
    sim = create(client)
    forte = create(client, job_body(backend="qpu.forte-1"))
    aria = create(client, job_body(backend="qpu.aria-1"))
    done = create(client)
    emu.advance(done, to="completed")
    running = create(client)
    emu.advance(running, to="started")
    session = client.post("/sessions", json={"backend": "simulator"}).json()["id"]
    in_session = create(client, job_body(session_id=session))
    parent = create(
        client,
        {
            "type": "ionq.multi-circuit.v1",
            "backend": "simulator",
            "input": {"gateset": "qis", "circuits": [{"circuit": []}, {"circuit": []}]},
        },
    )
    children = client.get(f"/jobs/{parent}").json()["child_job_ids"]

    def ids(**params: Any) -> set[str]:
        return {j["id"] for j in client.get("/jobs", params=params).json()["jobs"]}

    assert ids(ids=[sim, aria]) == {sim, aria}  # repeated: ids=a&ids=b
    assert ids(ids=f"{sim},{aria},{forte}") == {sim, aria, forte}  # comma-separated
    assert ids(ids=[f"{sim},{aria}", done]) == {sim, aria, done}
    assert ids(target="qpu.forte-1") == {forte}
    assert ids(target="qpu.forte-1,qpu.aria-1") == {forte, aria}
    assert ids(status="completed") == {done}
    assert ids(status="started") == {running}
    assert ids(status="running") == {running}  # the pre-v0.4 name
    assert ids(session_id=session) == {in_session}
    assert ids(parent_job_id=parent) == set(children)
    me = client.get("/whoami").json()["key_id"]
    assert sim in ids(submitter_id=me)
    assert ids(submitter_id="somebody-else") == set()
    assert ids(ids=sim, status="completed") == set()
    session_jobs = client.get(f"/sessions/{session}/jobs").json()
    assert [j["id"] for j in session_jobs["jobs"]] == [in_session]


def test_wait_many_sized_request_of_1000_ids(client: httpx.Client) -> None:
    ids = [create(client) for _ in range(40)]
    unknown = [f"00000000-0000-4000-8000-{i:012d}" for i in range(960)]
    page = client.get("/jobs", params={"ids": ids + unknown, "limit": 1000}).json()
    assert {j["id"] for j in page["jobs"]} == set(ids)
    assert page["next"] is None


def test_bad_cursor_is_400(client: httpx.Client) -> None:
    response = client.get("/jobs", params={"next": "not-a-cursor"})
    assert response.status_code == 400
    assert response.json()["validation"] == {"keys": ["next"], "source": "query"}
