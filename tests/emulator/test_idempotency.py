"""Idempotency-Key: a repeated key gets the first answer again, and nothing is created.

Keys are per project and per operation; the first successful answer is kept with the job
it created (the same SQLite transaction), and echoed, as `Idempotency-Key`, on the first
answer and every repeat. A repeat whose request differs (path or body) is refused with
400 and creates nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from ionq_emulator.emulator import Emulator
from ionq_emulator.faults import FaultConfig, FaultRule
from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import emulator_server

from .helpers import api_client, create, job_body, new_key

HEADER = "Idempotency-Key"


def jobs_of(client: httpx.Client) -> list[str]:
    return [j["id"] for j in client.get("/jobs", params={"limit": 1000}).json()["jobs"]]


def post(client: httpx.Client, path: str, body: Any, key: str | None) -> httpx.Response:
    headers = {HEADER: key} if key is not None else {}
    return client.post(path, json=body, headers=headers)


@contextmanager
def served(db: Path, api_key: str) -> Iterator[httpx.Client]:
    """A client of a fresh manual emulator on the SQLite file ``db`` (a restart when the
    file was used before)."""
    with (
        emulator_server(Emulator(mode="manual", db=db)) as server,
        api_client(server, api_key) as client,
    ):
        yield client


def sessions_of(client: httpx.Client) -> list[str]:
    return [s["id"] for s in client.get("/sessions").json()["sessions"]]


def assert_key_refused(response: httpx.Response) -> None:
    """The contract's 400 for a key reused with a different request."""
    assert response.status_code == 400, response.text
    body = response.json()
    assert body == {
        "error": "Bad Request",
        "message": body["message"],
        "statusCode": 400,
        "validation": {"keys": [HEADER], "source": "headers"},
    }
    assert HEADER in body["message"]
    assert HEADER not in response.headers  # nothing was deduped: no echo


@pytest.mark.parametrize("operation", ["create", "clone", "move"])
def test_a_repeated_key_gets_the_first_answer_and_creates_nothing(
    manual_server: EmulatorServer, operation: str
) -> None:
    with api_client(manual_server) as client:
        source = create(client)
        path, body = (
            ("/jobs", job_body(shots=10))
            if operation == "create"
            else (f"/jobs/{source}/{operation}", {"shots": 10})
        )
        before = jobs_of(client)
        first = post(client, path, body, "key-1")
        again = post(client, path, body, "key-1")
        assert first.status_code == again.status_code == 201, again.text
        assert again.json() == first.json()
        assert first.headers[HEADER] == again.headers[HEADER] == "key-1"
        assert len(jobs_of(client)) == len(before) + 1
        assert first.json()["id"] in jobs_of(client)


def test_a_repeated_move_after_the_source_was_canceled_is_not_a_conflict(
    manual_server: EmulatorServer,
) -> None:
    with api_client(manual_server) as client:
        source = create(client)
        first = post(client, f"/jobs/{source}/move", {}, "move-1")
        assert client.get(f"/jobs/{source}").json()["status"] == "canceled"
        again = post(client, f"/jobs/{source}/move", {}, "move-1")
        assert again.status_code == 201, again.text
        assert again.json() == first.json()
        # Without the key, the same move is refused: the source cannot be canceled now.
        assert post(client, f"/jobs/{source}/move", {}, None).status_code == 409


def test_without_a_key_or_with_another_every_request_creates(
    manual_server: EmulatorServer,
) -> None:
    with api_client(manual_server) as client:
        a = post(client, "/jobs", job_body(), None)
        b = post(client, "/jobs", job_body(), None)
        c = post(client, "/jobs", job_body(), "k-a")
        d = post(client, "/jobs", job_body(), "k-b")
        ids = {r.json()["id"] for r in (a, b, c, d)}
        assert len(ids) == 4
        assert HEADER not in a.headers
        assert d.headers[HEADER] == "k-b"


def test_keys_are_per_project(manual_server: EmulatorServer) -> None:
    with api_client(manual_server) as mine, api_client(manual_server) as theirs:
        first = post(mine, "/jobs", job_body(), "shared")
        other = post(theirs, "/jobs", job_body(), "shared")
        assert other.status_code == 201
        assert other.json()["id"] != first.json()["id"]
        assert jobs_of(theirs) == [other.json()["id"]]


def test_a_refused_request_keeps_no_answer(manual_server: EmulatorServer) -> None:
    with api_client(manual_server) as client:
        bad = post(client, "/jobs", job_body(backend="no-such-backend"), "k-bad")
        assert bad.status_code == 400
        good = post(client, "/jobs", job_body(), "k-bad")
        assert good.status_code == 201
        assert good.headers[HEADER] == "k-bad"


@pytest.mark.parametrize("key", ["", "x" * 256])
def test_a_malformed_key_is_a_400(manual_server: EmulatorServer, key: str) -> None:
    with api_client(manual_server) as client:
        response = post(client, "/jobs", job_body(), key)
        assert response.status_code == 400
        assert response.json()["validation"]["keys"] == [HEADER]
        assert jobs_of(client) == []


def test_sessions_honour_the_key_too(manual_server: EmulatorServer) -> None:
    with api_client(manual_server) as client:
        body = {"backend": "simulator"}
        first = post(client, "/sessions", body, "s-1")
        again = post(client, "/sessions", body, "s-1")
        assert first.status_code == again.status_code == 201, first.text
        assert again.json()["id"] == first.json()["id"]
        assert again.headers[HEADER] == "s-1"
        assert len(client.get("/sessions").json()["sessions"]) == 1


def test_an_answer_lost_after_processing_is_found_by_its_key() -> None:
    """`drop_after` processes the request, then drops the connection: the retry with
    the same key gets the job the first attempt created."""
    emulator = Emulator(mode="manual", seed=3)
    with emulator_server(emulator) as server, api_client(server) as client:
        emulator.set_faults(FaultConfig([FaultRule(route="/jobs", drop_after=1.0)], seed=1))
        with pytest.raises(httpx.RemoteProtocolError):
            post(client, "/jobs", job_body(), "lost-1")
        emulator.set_faults(FaultConfig())
        created = jobs_of(client)
        assert len(created) == 1
        again = post(client, "/jobs", job_body(), "lost-1")
        assert again.json()["id"] == created[0]
        assert jobs_of(client) == created


def test_sqlite_keeps_the_keys_across_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "keys.sqlite"
    key = new_key()
    with served(db, key) as client:
        first = post(client, "/jobs", job_body(), "persisted")
    with served(db, key) as client:
        again = post(client, "/jobs", job_body(), "persisted")
        assert again.status_code == 201
        assert again.json() == first.json()
        assert again.headers[HEADER] == "persisted"
        assert jobs_of(client) == [first.json()["id"]]


def test_reset_forgets_the_keys() -> None:
    emulator = Emulator(mode="manual")
    with emulator_server(emulator) as server, api_client(server) as client:
        first = post(client, "/jobs", job_body(), "r-1")
        emulator.reset()
        again = post(client, "/jobs", job_body(), "r-1")
        assert again.json()["id"] != first.json()["id"]


# -- a key names one request: another operation, path or body is not a retry of it --------


@pytest.mark.parametrize("second", ["session", "clone", "move"])
def test_a_key_used_for_a_job_means_nothing_to_another_operation(
    manual_server: EmulatorServer, second: str
) -> None:
    """Keys are per operation: the job's kept answer is never given for a session, a
    clone or a move, which each create what they are asked for."""
    with api_client(manual_server) as client:
        job = post(client, "/jobs", job_body(shots=10), "shared-op")
        assert job.status_code == 201, job.text
        jobs_before = jobs_of(client)
        if second == "session":
            other = post(client, "/sessions", {"backend": "simulator"}, "shared-op")
            assert other.status_code == 201, other.text
            assert sessions_of(client) == [other.json()["id"]]
            assert client.get(f"/sessions/{other.json()['id']}").json() == other.json()
            assert jobs_of(client) == jobs_before
        else:
            other = post(client, f"/jobs/{job.json()['id']}/{second}", {}, "shared-op")
            assert other.status_code == 201, other.text
            assert other.json()["id"] not in jobs_before
            assert set(jobs_of(client)) == {*jobs_before, other.json()["id"]}
        assert other.headers[HEADER] == "shared-op"
        # The job's own retry still gets the job.
        again = post(client, "/jobs", job_body(shots=10), "shared-op")
        assert again.json() == job.json()


def _differing(source: str, other: str) -> dict[str, tuple[str, Any, Any]]:
    """Per way a repeat can differ: (path of the repeat, first body, repeat body). The
    first request goes to the same path with ``source`` in place of ``other``."""
    return {
        "create: other body": ("/jobs", job_body(shots=10), job_body(shots=20)),
        "clone: other body": (f"/jobs/{source}/clone", {"shots": 10}, {"shots": 20}),
        "clone: other source": (f"/jobs/{other}/clone", {"shots": 10}, {"shots": 10}),
        "move: other source": (f"/jobs/{other}/move", {}, {}),
        "session: other body": ("/sessions", {"backend": "simulator"},
                                {"backend": "simulator", "settings": {"job_count_limit": 2}}),
    }  # fmt: skip


@pytest.mark.parametrize("name", list(_differing("a", "b")))
def test_the_same_key_with_a_different_request_is_refused(
    manual_server: EmulatorServer, name: str
) -> None:
    with api_client(manual_server) as client:
        source, other = create(client), create(client)
        path, first_body, second_body = _differing(source, other)[name]
        first_path = path.replace(other, source)
        first = post(client, first_path, first_body, "k-diff")
        assert first.status_code == 201, (name, first.text)
        jobs, sessions = jobs_of(client), sessions_of(client)
        states = {job_id: client.get(f"/jobs/{job_id}").json()["status"] for job_id in jobs}

        assert_key_refused(post(client, path, second_body, "k-diff"))
        assert jobs_of(client) == jobs, name
        assert sessions_of(client) == sessions, name
        # Not even the move's cancel of its source happened.
        assert {j: client.get(f"/jobs/{j}").json()["status"] for j in jobs} == states, name
        # The key still belongs to the first request.
        again = post(client, first_path, first_body, "k-diff")
        assert again.status_code == 201, again.text
        assert again.json() == first.json()


def test_a_retry_serialized_differently_is_the_same_request(
    manual_server: EmulatorServer,
) -> None:
    with api_client(manual_server) as client:
        body = job_body(shots=10, name="same")
        first = post(client, "/jobs", body, "k-canon")
        reordered = json.dumps(dict(reversed(list(body.items()))), indent=2)
        again = client.post(
            "/jobs",
            content=reordered.encode(),
            headers={HEADER: "k-canon", "Content-Type": "application/json"},
        )
        assert again.status_code == 201, again.text
        assert again.json() == first.json()
        assert jobs_of(client) == [first.json()["id"]]


def test_another_project_may_use_the_same_key_for_another_request(
    manual_server: EmulatorServer,
) -> None:
    with api_client(manual_server) as mine, api_client(manual_server) as theirs:
        first = post(mine, "/jobs", job_body(shots=10), "shared-p")
        other = post(theirs, "/jobs", job_body(shots=99), "shared-p")
        assert other.status_code == 201, other.text
        assert other.json()["id"] != first.json()["id"]
        assert theirs.get(f"/jobs/{other.json()['id']}").json()["shots"] == 99
        # Each project's key still names its own request.
        assert post(mine, "/jobs", job_body(shots=10), "shared-p").json() == first.json()
        assert_key_refused(post(mine, "/jobs", job_body(shots=99), "shared-p"))
        assert jobs_of(mine) == [first.json()["id"]]
        assert jobs_of(theirs) == [other.json()["id"]]


def test_sqlite_keeps_the_request_of_each_key_across_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "keys.sqlite"
    key = new_key()
    with served(db, key) as client:
        job = post(client, "/jobs", job_body(shots=10), "p-1")
        session = post(client, "/sessions", {"backend": "simulator"}, "p-1")
        assert job.status_code == session.status_code == 201
    with served(db, key) as client:
        assert_key_refused(post(client, "/jobs", job_body(shots=20), "p-1"))
        assert_key_refused(post(client, "/sessions", {"backend": "qpu.aria-1"}, "p-1"))
        assert post(client, "/jobs", job_body(shots=10), "p-1").json() == job.json()
        again = post(client, "/sessions", {"backend": "simulator"}, "p-1")
        assert again.json() == session.json()
        assert jobs_of(client) == [job.json()["id"]]
        assert sessions_of(client) == [session.json()["id"]]


def test_a_database_with_the_old_key_table_still_opens(tmp_path: Path) -> None:
    """The first shape, ``answers (project, key, ...)``, cannot say which request a key
    named: it is dropped, and keys are kept in the new shape from then on."""
    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as old:
        old.execute(
            "CREATE TABLE answers (project TEXT NOT NULL, key TEXT NOT NULL,"
            " status INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (project, key))"
        )
        old.execute("INSERT INTO answers VALUES ('p', 'k', 201, '{\"id\": \"x\"}')")
    old.close()
    with served(db, new_key()) as client:
        created = post(client, "/jobs", job_body(), "k")
        assert created.status_code == 201, created.text
    with sqlite3.connect(db) as check:
        tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master")}
        rows = check.execute("SELECT operation, key, status FROM idempotency").fetchall()
    check.close()
    assert "answers" not in tables
    assert rows == [("createJob", "k", 201)]
