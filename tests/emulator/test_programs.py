"""OpenQASM 3 jobs and qubit limits through the emulator's HTTP API."""

from __future__ import annotations

from typing import Any

import httpx

from ionq_emulator.server import EmulatorServer

from .helpers import create

HEAD = 'OPENQASM 3.0; include "stdgates.inc"; '


def qasm_job(client: httpx.Client, server: EmulatorServer, **body: Any) -> dict[str, Any]:
    job_id = create(client, {"type": "ionq.qasm3.v1", "backend": "simulator", **body})
    server.emulator.advance(job_id, to="completed")
    job: dict[str, Any] = client.get(f"/jobs/{job_id}").json()
    return job


def test_reset_and_mid_circuit_measurement_give_the_right_distribution(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    program = HEAD + "qubit q; bit[2] c; x q; reset q; c[0] = measure q; h q; c[1] = measure q;"
    job = qasm_job(client, manual_server, input={"data": program})
    assert job["status"] == "completed", job["failure"]
    probabilities = client.get(f"/jobs/{job['id']}/results/probabilities").json()
    assert probabilities == {"0": 0.5, "2": 0.5}


def test_input_qubits_beside_data_is_accepted(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    program = HEAD + "qubit[2] q; bit[2] c; h q[0]; cx q[0], q[1]; c = measure q;"
    job = qasm_job(client, manual_server, input={"data": program, "qubits": 2})
    assert job["status"] == "completed", job["failure"]


def test_a_loop_fails_the_job_naming_the_construct(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    program = HEAD + "qubit[2] q; for int i in [0:1] { h q[i]; }"
    job = qasm_job(client, manual_server, input={"data": program})
    assert job["status"] == "failed"
    assert job["failure"]["code"] == "PreflightError"
    assert "'for'" in job["failure"]["message"]


def test_a_noise_model_limits_the_qubits_to_its_qpu(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    circuit = {"gateset": "qis", "qubits": 12, "circuit": [{"gate": "h", "target": 11}]}
    body = {"type": "ionq.circuit.v1", "backend": "simulator", "input": circuit}
    noisy = create(client, {**body, "noise": {"model": "harmony"}})
    ideal = create(client, body)
    for job_id in (noisy, ideal):
        manual_server.emulator.advance(job_id, to="completed")
    failed = client.get(f"/jobs/{noisy}").json()
    assert failed["status"] == "failed"
    assert failed["failure"]["code"] == "NotEnoughQubits"
    assert "qpu.harmony" in failed["failure"]["message"]
    assert client.get(f"/jobs/{ideal}").json()["status"] == "completed"
