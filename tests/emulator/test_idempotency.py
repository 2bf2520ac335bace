"""Idempotency-Key: a repeated key gets the first answer again, and nothing is created.

Keys are per project; the first successful answer is kept with the job it created (the
same SQLite transaction), and echoed, as `Idempotency-Key`, on the first answer and
every repeat.
"""

from __future__ import annotations

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
    with (
        emulator_server(Emulator(mode="manual", db=db)) as server,
        api_client(server, key) as client,
    ):
        first = post(client, "/jobs", job_body(), "persisted")
    with (
        emulator_server(Emulator(mode="manual", db=db)) as server,
        api_client(server, key) as client,
    ):
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
