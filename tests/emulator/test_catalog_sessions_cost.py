"""Backends, characterizations, whoami, sessions, cost and estimates."""

from __future__ import annotations

import math

import httpx
import pytest

from ionq_emulator.catalog import BACKENDS
from ionq_emulator.pricing import RATES
from ionq_emulator.server import EmulatorServer

from .helpers import BELL, create, job_body


def test_backends_named_in_the_docs_with_qubit_counts(client: httpx.Client) -> None:
    backends = {b["backend"]: b for b in client.get("/backends").json()}
    assert backends["simulator"]["qubits"] == 29
    assert backends["qpu.forte-1"]["qubits"] == 36
    assert backends["qpu.forte-enterprise-1"]["qubits"] == 36
    assert backends["qpu.aria-1"]["qubits"] == 25
    assert backends["qpu.harmony"]["status"] == "retired"
    one = client.get("/backends/qpu.forte-1").json()
    assert one == backends["qpu.forte-1"]
    assert client.get("/backends/qpu.nowhere").status_code == 404


def test_characterizations_page_and_match_the_backend(client: httpx.Client) -> None:
    forte = client.get("/backends/qpu.forte-1").json()
    first = client.get("/backends/qpu.forte-1/characterizations", params={"limit": 10}).json()
    assert len(first["characterizations"]) == 10
    newest = first["characterizations"][0]
    assert newest["id"] == forte["characterization_id"]
    assert newest["qubits"] == 36
    assert len(newest["connectivity"]) == 36 * 35 // 2
    assert 0.9 < newest["fidelity"]["2q"]["median"] < 1.0
    dates = [c["date"] for c in first["characterizations"]]
    assert dates == sorted(dates, reverse=True)
    assert first["pages"] == 2
    last = client.get(
        "/backends/qpu.forte-1/characterizations", params={"limit": 10, "page": 3}
    ).json()
    assert last["pages"] == 0
    one = client.get(f"/backends/qpu.forte-1/characterizations/{newest['id']}").json()
    assert one == newest
    assert client.get("/backends/qpu.forte-1/characterizations/nope").status_code == 404
    window = client.get(
        "/backends/qpu.forte-1/characterizations",
        params={"start": "2025-06-10T00:00:00Z", "end": "2025-06-12T00:00:00Z"},
    ).json()
    assert [c["date"][:10] for c in window["characterizations"]] == ["2025-06-11", "2025-06-10"]


def test_sessions(client: httpx.Client, manual_server: EmulatorServer) -> None:
    created = client.post(
        "/sessions", json={"backend": "simulator", "settings": {"job_count_limit": 2}}
    )
    assert created.status_code == 201
    session = created.json()
    assert session["status"] == "created"
    assert session["active"] is True
    job_id = create(client, job_body(session_id=session["id"]))
    assert client.post("/jobs", json=job_body(session_id=session["id"])).status_code == 201
    over = client.post("/jobs", json=job_body(session_id=session["id"]))
    assert over.status_code == 400
    assert over.json()["validation"]["keys"] == ["session_id"]
    manual_server.emulator.advance(job_id, to="started")
    assert client.get(f"/sessions/{session['id']}").json()["status"] == "started"
    listed = client.get("/sessions", params={"active": "true"}).json()
    assert [s["id"] for s in listed["sessions"]] == [session["id"]]
    ended = client.post(f"/sessions/{session['id']}/end")
    assert ended.status_code == 200
    assert ended.json()["status"] == "ended"
    assert ended.json()["active"] is False
    assert client.post(f"/sessions/{session['id']}/end").status_code == 409
    assert client.get("/sessions", params={"active": "true"}).json()["sessions"] == []
    assert (
        client.get("/sessions", params={"active": "false"}).json()["sessions"][0]["id"]
        == (session["id"])
    )
    closed = client.post("/jobs", json=job_body(session_id=session["id"]))
    assert closed.status_code == 400
    assert client.get("/sessions/nope").status_code == 404
    assert client.get("/sessions/nope/jobs").status_code == 404


def test_sessions_expire_after_their_duration(manual_server: EmulatorServer) -> None:
    from ionq_emulator.emulator import Emulator
    from ionq_emulator.testing import emulator_server

    from .helpers import api_client

    emu = Emulator(mode="manual", seed=1)
    with emulator_server(emu) as server, api_client(server) as client:
        session = client.post(
            "/sessions", json={"backend": "simulator", "settings": {"duration_limit_min": 5}}
        ).json()
        assert session["settings"]["expires_at"] == "2025-06-16T00:05:00.010Z"
        emu.set_clock(advance=301)
        assert client.get(f"/sessions/{session['id']}").json()["status"] == "ended"


def test_cost_of_a_job_from_gate_counts_shots_and_the_rate_card(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    rate = RATES["qpu.forte-1"]
    # Debiasing off: IonQ turns it on by default at 500+ shots, with its job minimum.
    off = {"error_mitigation": {"debiasing": False}}
    job_id = create(client, job_body(backend="qpu.forte-1", shots=1000, settings=off))
    before = client.get(f"/jobs/{job_id}/cost").json()
    expected = 1000 * (1 * rate.cost_1q_gate + 1 * rate.cost_2q_gate)
    assert before["dry_run"] is False
    assert math.isclose(before["estimated_cost"]["value"], expected)
    assert before["estimated_cost"]["unit"] == "usd"
    assert "cost" not in before  # not billed yet
    manual_server.emulator.advance(job_id, to="completed")
    after = client.get(f"/jobs/{job_id}/cost").json()
    assert math.isclose(after["cost"]["value"], expected)
    assert client.get(f"/jobs/{job_id}").json()["cost_model"] == "2QGE_operations"


def test_dry_runs_cost_nothing_and_run_nothing(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    job_id = create(client, job_body(backend="qpu.forte-1", dry_run=True))
    manual_server.emulator.advance(job_id, to="completed")
    job = client.get(f"/jobs/{job_id}").json()
    assert job["dry_run"] is True
    assert job["status"] == "completed"
    assert job["results"] is None
    assert "billed_quantum_compute_time_us" not in job["stats"]
    assert client.get(f"/jobs/{job_id}/results/probabilities").status_code == 404
    assert manual_server.emulator.store.results.get(job_id) is None  # no simulation
    cost = client.get(f"/jobs/{job_id}/cost").json()
    assert cost["dry_run"] is True
    assert cost["estimated_cost"]["value"] > 0  # what it would have cost
    assert cost["cost"]["value"] == 0


def test_canceled_jobs_are_not_billed(client: httpx.Client) -> None:
    job_id = create(client, job_body(backend="qpu.forte-1"))
    client.put(f"/jobs/{job_id}/status/cancel")
    assert client.get(f"/jobs/{job_id}/cost").json()["cost"]["value"] == 0


@pytest.mark.parametrize("backend", sorted(b for b in BACKENDS if b != "qpu.harmony"))
def test_estimate_follows_the_rate_card(client: httpx.Client, backend: str) -> None:
    params: dict[str, str | int] = {"backend": backend, "qubits": 2, "shots": 1000}
    params.update({"1q_gates": 10, "2q_gates": 4})
    estimate = client.get("/jobs/estimate", params=params).json()
    rate = RATES[backend]
    assert estimate["rate_card"]["rates"] == [rate.json()]
    assert estimate["estimate_context"]["backend"] == backend
    assert estimate["estimate_context"]["shots"] == 1000
    assert estimate["estimated_unit"] == "usd"
    if rate.unit == "gates":
        expected = 1000 * (10 * rate.cost_1q_gate + 4 * rate.cost_2q_gate)
        assert math.isclose(estimate["estimated_total_cost"], expected)
    else:
        # From the stated timings (pricing.py's docstring), not read back from the answer.
        b = BACKENDS[backend]
        per_shot_s = 10 * b.time_1q + 4 * b.time_2q + 2 * b.readout + b.reset
        compute_us = round(1000 * per_shot_s * 1e6)
        assert estimate["estimated_quantum_compute_time_us"] == compute_us
        assert math.isclose(
            estimate["estimated_total_cost"], rate.unit_cost * compute_us / 1e6, rel_tol=1e-6
        )
    mitigated = client.get("/jobs/estimate", params={**params, "error_mitigation": "true"}).json()
    if rate.job_cost_minimum is not None and rate.cost_2q_gate:
        assert mitigated["estimated_total_cost"] >= rate.job_cost_minimum
    more = client.get("/jobs/estimate", params={**params, "shots": 2000}).json()
    if estimate["estimated_total_cost"] > 0:  # a QPU: twice the shots cost and take more
        assert more["estimated_total_cost"] > estimate["estimated_total_cost"]
        assert more["estimated_execution_time"] > estimate["estimated_execution_time"]
    else:  # the simulator: free, and its time does not depend on shots
        assert more["estimated_total_cost"] == 0
        assert more["estimated_execution_time"] == estimate["estimated_execution_time"]


def test_simulator_is_free(client: httpx.Client) -> None:
    estimate = client.get(
        "/jobs/estimate", params={"backend": "simulator", "1q_gates": 100, "2q_gates": 100}
    ).json()
    assert estimate["estimated_total_cost"] == 0
    job_id = create(client, job_body(BELL))
    assert client.get(f"/jobs/{job_id}/cost").json()["estimated_cost"]["value"] == 0
