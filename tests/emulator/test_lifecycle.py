"""Jobs move through the contract's lifecycle: by the clock, or only when advanced."""

from __future__ import annotations

import itertools
import time

import httpx
import pytest
import yaml

from ionq_emulator.emulator import Emulator
from ionq_emulator.lifecycle import LifecycleError, lifecycle
from ionq_emulator.server import EmulatorServer
from ionq_emulator.spec import SPEC_PATH
from ionq_emulator.testing import emulator_server

from .helpers import api_client, create, job_body, new_key


def status(client: httpx.Client, job_id: str) -> str:
    value: str = client.get(f"/jobs/{job_id}").json()["status"]
    return value


def test_the_table_is_the_contracts() -> None:
    ext = yaml.safe_load(SPEC_PATH.read_text())["components"]["schemas"]["JobStatus"]["x-lifecycle"]
    table = lifecycle()
    assert table.edges == {(t["from"], t["to"]) for t in ext["transitions"]}
    assert table.cancelable == set(ext["cancelable"])
    assert table.terminal == set(ext["terminal"])


def test_manual_mode_moves_only_when_advanced(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    job_id = create(client)
    for _ in range(3):
        assert status(client, job_id) == "submitted"
    emu = manual_server.emulator
    seen = ["submitted"]
    for expected in ("ready", "started", "completed"):
        changes = emu.advance(job_id)
        assert [(c.job_id, c.new) for c in changes] == [(job_id, expected)]
        seen.append(status(client, job_id))
    assert seen == ["submitted", "ready", "started", "completed"]
    for old, new in itertools.pairwise(seen):
        assert (old, new) in lifecycle().edges
    assert emu.advance(job_id) == []  # terminal: nowhere to go


def test_timestamps_follow_the_states(client: httpx.Client, manual_server: EmulatorServer) -> None:
    job_id = create(client)
    job = client.get(f"/jobs/{job_id}").json()
    assert job["submitted_at"]
    assert job["started_at"] is None
    assert job["completed_at"] is None
    assert job["results"] is None
    manual_server.emulator.advance(job_id, to="completed")
    job = client.get(f"/jobs/{job_id}").json()
    assert job["submitted_at"] <= job["started_at"] <= job["completed_at"]
    assert isinstance(job["execution_duration_ms"], int)


def test_advance_to_any_reachable_state(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    emu = manual_server.emulator
    job_id = create(client)
    assert [c.new for c in emu.advance(job_id, to="started")] == ["ready", "started"]
    with pytest.raises(LifecycleError):
        emu.advance(job_id, to="submitted")  # started never goes back to the queue
    failed = create(client)
    emu.advance(failed, to="failed")
    job = client.get(f"/jobs/{failed}").json()
    assert job["status"] == "failed"
    assert job["failure"]["code"] == "QuantumComputerError"
    assert client.get(f"/jobs/{failed}/results/probabilities").status_code == 404
    with pytest.raises(LifecycleError):
        emu.advance(failed, to="completed")


def test_cancel_only_from_cancelable_states(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    emu = manual_server.emulator
    for state in ("submitted", "ready", "started"):
        job_id = create(client)
        emu.advance(job_id, to=state)
        response = client.put(f"/jobs/{job_id}/status/cancel")
        assert response.status_code == 200, response.text
        assert response.json() == {"id": job_id, "status": "canceled"}
        assert status(client, job_id) == "canceled"
    for state in ("completed", "failed"):
        job_id = create(client)
        emu.advance(job_id, to=state)
        response = client.put(f"/jobs/{job_id}/status/cancel")
        assert response.status_code == 409
        assert response.json()["statusCode"] == 409
        assert status(client, job_id) == state
    canceled = create(client)
    client.put(f"/jobs/{canceled}/status/cancel")
    assert client.put(f"/jobs/{canceled}/status/cancel").status_code == 409


def test_bulk_cancel_is_all_or_nothing(client: httpx.Client, manual_server: EmulatorServer) -> None:
    queued = [create(client) for _ in range(3)]
    done = create(client)
    manual_server.emulator.advance(done, to="completed")
    refused = client.put("/jobs/status/cancel", json={"ids": [*queued, done]})
    assert refused.status_code == 409
    assert {status(client, j) for j in queued} == {"submitted"}
    ok = client.put("/jobs/status/cancel", json={"ids": queued})
    assert ok.status_code == 200
    assert ok.json() == {"ids": queued, "status": "canceled"}
    assert {status(client, j) for j in queued} == {"canceled"}


def test_complete_all_ends_every_active_job(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    ids = [create(client) for _ in range(4)]
    bad = create(client, job_body({"gateset": "qis", "circuit": [{"gate": "cnot", "target": 0}]}))
    manual_server.emulator.complete_all()
    assert {status(client, j) for j in ids} == {"completed"}
    job = client.get(f"/jobs/{bad}").json()
    assert job["status"] == "failed"  # the simulator refused it at run time
    assert job["failure"]["code"]
    assert job["failure"]["message"]


def test_clock_mode_moves_jobs_after_their_dwell_time() -> None:
    with (
        emulator_server(mode="clock", dwell=0.05, validate_responses=True) as server,
        api_client(server) as client,
    ):
        job_id = create(client)
        observed = [status(client, job_id)]
        deadline = time.monotonic() + 5
        while observed[-1] != "completed" and time.monotonic() < deadline:
            time.sleep(0.01)
            current = status(client, job_id)
            if current != observed[-1]:
                observed.append(current)
        assert observed[-1] == "completed"
        for old, new in itertools.pairwise(observed):
            assert new in lifecycle().route(old, new) or new == old
        assert client.get(f"/jobs/{job_id}/results/probabilities").json() == {"0": 0.5, "3": 0.5}
        assert not server.emulator.conformance_errors


def test_clock_mode_with_a_virtual_clock_is_deterministic() -> None:
    emu = Emulator(mode="clock", seed=3, dwell=10.0, clock_step=0.01)
    with emulator_server(emu) as server, api_client(server) as client:
        job_id = create(client)
        assert status(client, job_id) == "submitted"
        emu.set_clock(advance=10.0)
        assert status(client, job_id) == "ready"
        emu.set_clock(advance=25.0)  # two more dwell times: started, then completed
        job = client.get(f"/jobs/{job_id}").json()
        assert job["status"] == "completed"
        # Catch-up steps are stamped when they were due, not when they were noticed.
        assert job["started_at"] == "2025-06-16T00:00:20.010Z"
        assert job["completed_at"] == "2025-06-16T00:00:30.010Z"


def test_admin_routes_drive_the_emulator_from_outside(manual_server: EmulatorServer) -> None:
    key = new_key()
    owner = {"Authorization": f"apiKey {key}"}
    with (
        api_client(manual_server, key) as client,
        httpx.Client(base_url=manual_server.url, headers=owner) as admin,
    ):
        job_id = create(client)
        # Another key's project does not see the job; no credential at all is refused.
        stranger = {"Authorization": f"apiKey {new_key()}"}
        for headers, refused in (({}, 401), (stranger, 404)):
            answer = httpx.post(
                f"{manual_server.url}/_emulator/advance", json={"job_id": job_id}, headers=headers
            )
            assert answer.status_code == refused
        assert status(client, job_id) == "submitted"
        moved = admin.post("/_emulator/advance", json={"job_id": job_id}).json()
        assert moved == {"transitions": [{"id": job_id, "from": "submitted", "to": "ready"}]}
        admin.post("/_emulator/advance", json={"job_id": job_id, "to": "completed"})
        assert status(client, job_id) == "completed"
        illegal = admin.post("/_emulator/advance", json={"job_id": job_id, "to": "started"})
        assert illegal.status_code == 409
        assert admin.post("/_emulator/advance", json={"job_id": "nope"}).status_code == 404
        other = create(client)
        admin.post("/_emulator/complete_all")
        assert status(client, other) == "completed"
        state = admin.get("/_emulator/state").json()
        assert state["mode"] == "manual"
        assert state["jobs"] == 2  # this key's project only
        assert admin.get(f"/_emulator/jobs/{job_id}").json()["status"] == "completed"
        # Whole-server controls need the control token, not an API key.
        assert admin.post("/_emulator/reset").status_code == 403
        assert admin.get("/_emulator/faults").status_code == 403
        assert status(client, job_id) == "completed"


def test_reset_forgets_everything() -> None:
    with emulator_server(mode="manual") as server, api_client(server) as client:
        job_id = create(client)
        assert httpx.post(f"{server.url}/_emulator/reset").status_code == 401
        wrong = {"Authorization": "Bearer not-the-token"}
        assert httpx.post(f"{server.url}/_emulator/reset", headers=wrong).status_code == 401
        assert client.get(f"/jobs/{job_id}").status_code == 200
        token = {"Authorization": f"Bearer {server.emulator.control_token}"}
        admin = httpx.post(f"{server.url}/_emulator/reset", headers=token)
        assert admin.status_code == 200
        assert admin.json()["jobs"] == 0
        assert client.get(f"/jobs/{job_id}").status_code == 404
        assert client.get("/jobs").json() == {"jobs": [], "next": None}
