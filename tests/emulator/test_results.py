"""Results come from the statevector simulator, keyed the way IonQ keys them."""

from __future__ import annotations

import math
from typing import Any

import httpx
import pytest

from ionq_emulator.server import EmulatorServer
from ionq_emulator.simulator import MAX_QUBITS
from ionq_emulator.testing import emulator_server

from .helpers import BELL, api_client, create, job_body


def run(client: httpx.Client, server: EmulatorServer, body: dict[str, Any]) -> dict[str, Any]:
    job_id = create(client, body)
    server.emulator.advance(job_id, to="completed")
    job: dict[str, Any] = client.get(f"/jobs/{job_id}").json()
    return job


def probabilities(client: httpx.Client, job: dict[str, Any]) -> dict[str, Any]:
    # Follow the job's own result link, relative to the API host, as clients do.
    url = job["results"]["probabilities"]["url"]
    response = client.get(str(client.base_url.copy_with(path=url)))
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


def test_bell_circuit_gives_half_zero_half_three(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    job = run(client, manual_server, job_body())
    assert job["status"] == "completed"
    assert job["results"]["probabilities"] == {
        "url": f"/v0.4/jobs/{job['id']}/results/probabilities"
    }
    probs = probabilities(client, job)
    assert set(probs) == {"0", "3"}
    assert math.isclose(probs["0"], 0.5, abs_tol=1e-12)
    assert math.isclose(probs["3"], 0.5, abs_tol=1e-12)
    assert job["stats"]["qubits"] == 2
    assert job["stats"]["circuits"] == 1
    assert job["stats"]["gate_counts"] == {"1q": 1, "2q": 1}


def test_keys_are_decimal_with_qubit_0_least_significant(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    circuit = {"gateset": "qis", "qubits": 4, "circuit": [{"gate": "x", "target": 1}]}
    assert probabilities(client, run(client, manual_server, job_body(circuit))) == {"2": 1.0}
    ghz = {
        "gateset": "qis",
        "circuit": [
            {"gate": "h", "targets": [0]},  # `targets` arrays, as qiskit-ionq and cirq send
            {"gate": "cnot", "controls": [0], "targets": [1]},
            {"gate": "x", "target": 2, "controls": [1]},
        ],
    }
    probs = probabilities(client, run(client, manual_server, job_body(ghz)))
    assert probs.keys() == {"0", "7"}
    assert math.isclose(probs["7"], 0.5)


def test_native_gateset(client: httpx.Client, manual_server: EmulatorServer) -> None:
    # A fully entangling MS gate on |00> gives (|00> - i|11>)/sqrt(2).
    ms = {"gate": "ms", "targets": [0, 1], "phases": [0, 0]}
    native = {"gateset": "native", "qubits": 2, "circuit": [ms]}
    probs = probabilities(client, run(client, manual_server, job_body(native)))
    assert probs.keys() == {"0", "3"}
    assert math.isclose(probs["0"], 0.5)
    flip = {"gateset": "native", "circuit": [{"gate": "gpi", "target": 0, "phase": 0}]}
    assert probabilities(client, run(client, manual_server, job_body(flip))) == {"1": 1.0}


def test_multi_circuit_job_has_children_and_per_child_probabilities(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    body = {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "name": "batch",
        "input": {
            "gateset": "native",
            "qubits": 2,
            "circuits": [
                {"name": "bell", "gateset": "qis", "circuit": BELL["circuit"]},
                {"name": "flip", "circuit": [{"gate": "gpi", "target": 1, "phase": 0}]},
            ],
        },
    }
    parent = run(client, manual_server, body)
    assert parent["status"] == "completed"
    assert parent["stats"]["circuits"] == 2
    assert parent["stats"]["gate_counts"] == {"1q": 2, "2q": 1}
    first, second = parent["child_job_ids"]
    probs = probabilities(client, parent)
    assert probs.keys() == {first, second}
    assert probs[first] == pytest.approx({"0": 0.5, "3": 0.5})
    assert probs[second] == {"2": 1.0}
    for child_id, name in ((first, "bell"), (second, "flip")):
        child = client.get(f"/jobs/{child_id}").json()
        assert child["parent_job_id"] == parent["id"]
        assert child["name"] == name
        assert child["status"] == "completed"
        assert probabilities(client, child) == probs[child_id]


def test_noisy_models_are_seeded_and_plausibly_noisy(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    gates = [{"gate": "x", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}] * 20
    deep = {"gateset": "qis", "qubits": 2, "circuit": gates}  # ideal: back to |00>
    noisy = job_body(deep, shots=2000, noise={"model": "aria-1", "seed": 42})
    first = probabilities(client, run(client, manual_server, noisy))
    again = probabilities(client, run(client, manual_server, noisy))
    other = probabilities(
        client, run(client, manual_server, {**noisy, "noise": {"model": "aria-1", "seed": 43}})
    )
    assert first == again
    assert first != other
    assert math.isclose(sum(first.values()), 1.0)
    assert 0.5 < first["0"] < 1.0  # mostly right, not perfect
    assert len(first) > 1
    assert all(abs(p * 2000 - round(p * 2000)) < 1e-6 for p in first.values())  # frequencies
    ideal = probabilities(client, run(client, manual_server, job_body(deep)))
    assert ideal == {"0": pytest.approx(1.0)}


def test_qpu_backends_return_sampled_results(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    job = run(client, manual_server, job_body(backend="qpu.forte-1", shots=500))
    probs = probabilities(client, job)
    assert probs["0"] + probs.get("3", 0) > 0.9
    assert all(abs(p * 500 - round(p * 500)) < 1e-6 for p in probs.values())


def test_qubit_limit_is_a_clear_failure(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    wide = {"gateset": "qis", "qubits": MAX_QUBITS + 1, "circuit": [{"gate": "h", "target": 0}]}
    job = run(client, manual_server, job_body(wide))
    assert job["status"] == "failed"
    assert str(MAX_QUBITS) in job["failure"]["message"]
    assert job["results"] is None
    assert client.get(f"/jobs/{job['id']}/results/probabilities").status_code == 404
    huge = {"gateset": "qis", "qubits": 40, "circuit": []}
    job = run(client, manual_server, job_body(huge))
    assert job["failure"]["code"] == "NotEnoughQubits"
    assert "29" in job["failure"]["message"]  # the simulator backend's size


def test_qasm3_subset(client: httpx.Client, manual_server: EmulatorServer) -> None:
    program = """OPENQASM 3.0;
    include "stdgates.inc";
    qubit[2] q;
    bit[2] c;
    h q[0];
    cx q[0], q[1];   // entangle
    rz(pi/2) q[1];
    c = measure q;
    """
    body = {"type": "ionq.qasm3.v1", "backend": "simulator", "input": {"data": program}}
    probs = probabilities(client, run(client, manual_server, body))
    assert probs == pytest.approx({"0": 0.5, "3": 0.5})
    bad = {**body, "input": {"data": "OPENQASM 3.0; qubit[1] q; frobnicate q[0];"}}
    job = run(client, manual_server, bad)
    assert job["status"] == "failed"
    assert job["failure"]["code"] == "UnsupportedGate"


def test_no_results_before_completion(client: httpx.Client) -> None:
    job_id = create(client)
    response = client.get(f"/jobs/{job_id}/results/probabilities")
    assert response.status_code == 404
    assert response.json()["statusCode"] == 404
    assert client.get(f"/jobs/{job_id}").json()["results"] is None


def test_results_serve_links_and_descriptors_at_once() -> None:
    with (
        emulator_server(mode="manual", validate_responses=True) as server,
        api_client(server) as client,
    ):
        job = run(client, server, job_body())
        fmt = "ionq.result.probabilities.json.v1"
        descriptor = job["results"][fmt]
        assert descriptor["format"] == fmt
        assert descriptor["media_type"] == "application/json"
        artifact = client.get(f"/jobs/{job['id']}/artifacts/{descriptor['id']}")
        assert artifact.json() == probabilities(client, job) == {"0": 0.5, "3": 0.5}
        assert not server.emulator.conformance_errors


def test_huge_phases_are_reduced_modulo_one_turn(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    # 2*pi*1e308 overflows a float; phases are periodic in turns, so 1e308 ~ 0 turns.
    huge = {"gateset": "native", "circuit": [{"gate": "gpi", "target": 0, "phase": 1e308}]}
    job = run(client, manual_server, job_body(huge))
    assert job["status"] == "completed"
    probabilities = client.get(f"/jobs/{job['id']}/results/probabilities").json()
    assert probabilities == {"1": 1.0}
