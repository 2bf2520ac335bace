"""Requests shaped the way v0.4 client libraries send them are accepted and answered.

The payloads below are the shapes qiskit-ionq and cirq-ionq build (as their code and
tests show); a stock openapi-python-client client of the contract (what IonQ's ionq-core
is; tests/stock_client.py) drives a whole workflow and parses every answer into its models.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ionq_emulator.server import EmulatorServer
from tests.stock_client import endpoint, models, stock_client

from .helpers import new_key

QISKIT_MULTI: dict[str, Any] = {
    "backend": "simulator",
    "shots": 1024,
    "name": "no_reg_map, no_reg_no_map",
    "type": "ionq.multi-circuit.v1",
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuits": [
            {
                "name": "a",
                "circuit": [{"gate": "x", "targets": [0]}],
                "registers": {"meas_mapped": [1, 0]},
            },
            {"name": "b", "circuit": [{"gate": "x", "targets": [0]}]},
        ],
    },
    "metadata": {"shots": "1024", "sampler_seed": "None", "qiskit_header": "H4sI..."},
    "noise": {"model": "ideal", "seed": None},
}
CIRQ_SINGLE: dict[str, Any] = {
    "backend": "simulator",
    "type": "ionq.circuit.v1",
    "lang": "json",
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuit": [
            {"gate": "h", "targets": [0]},
            {"gate": "cnot", "control": 0, "target": 1},
            {"gate": "zz", "targets": [0, 1], "rotation": 0.5},
        ],
    },
    "name": "cirq job",
    "metadata": {"measurements": "[{}]", "shots": "100"},
    "shots": "100",
}


def test_qiskit_ionq_multi_circuit_payload(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    response = client.post("/jobs", json=QISKIT_MULTI)
    assert response.status_code == 201, response.text
    job_id = response.json()["id"]
    manual_server.emulator.advance(job_id, to="completed")
    job = client.get(f"/jobs/{job_id}").json()
    assert job["noise"] == {"model": "ideal"}
    assert job["metadata"]["sampler_seed"] == "None"
    probs = client.get(f"/jobs/{job_id}/results/probabilities").json()
    assert probs == {child: {"1": 1.0} for child in job["child_job_ids"]}


def test_cirq_ionq_payload_and_list_call(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    response = client.post("/jobs", json=CIRQ_SINGLE)
    assert response.status_code == 201, response.text
    job_id = response.json()["id"]
    job = client.get(f"/jobs/{job_id}").json()
    assert job["shots"] == 100  # sent as the string "100"
    assert job["name"] == "cirq job"
    # cirq-ionq sends its page size as a JSON body on GET; the query decides.
    listed = client.request("GET", "/jobs", params={"status": "submitted"}, json={"limit": 1000})
    assert [j["id"] for j in listed.json()["jobs"]] == [job_id]


def test_integral_float_indices_and_top_level_error_mitigation(client: httpx.Client) -> None:
    body = {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "qis", "qubits": 1.0, "circuit": [{"gate": "x", "target": 0.0}]},
        "error_mitigation": {"debiasing": False},
    }
    response = client.post("/jobs", json=body)
    assert response.status_code == 201, response.text
    job = client.get(f"/jobs/{response.json()['id']}").json()
    assert job["settings"] == {"error_mitigation": {"debiasing": False}}


@pytest.fixture
def generated(manual_server: EmulatorServer) -> Iterator[Any]:
    """A stock generated client (its `AuthenticatedClient`) of the manual emulator."""
    with stock_client().AuthenticatedClient(
        base_url=manual_server.base_url, token=new_key(), prefix="apiKey"
    ) as client:
        yield client


def test_generated_client_workflow(generated: Any, manual_server: EmulatorServer) -> None:
    m = models()
    jobs = {
        name: endpoint("jobs", name)
        for name in (
            "cancel_job",
            "clone_job",
            "create_job",
            "estimate_job",
            "get_job",
            "get_job_cost",
            "get_job_probabilities",
            "list_jobs",
            "move_job",
        )
    }
    body = m.CircuitJobCreate(
        type_="ionq.circuit.v1",
        backend="simulator",
        input_=m.QisCircuitInput(
            gateset="qis",
            qubits=2,
            circuit=[
                m.QisGate(gate="h", target=0),
                m.QisGate(gate="cnot", control=0, target=1),
            ],
        ),
        shots=500,
        name="generated",
    )
    created = jobs["create_job"].sync(client=generated, body=body)
    assert isinstance(created, m.JobCreated)
    job = jobs["get_job"].sync(created.id, client=generated)
    assert isinstance(job, m.Job)
    assert job.status == "submitted"
    manual_server.emulator.advance(created.id, to="completed")
    probs = jobs["get_job_probabilities"].sync(created.id, client=generated)
    assert probs is not None
    assert probs.to_dict() == {"0": 0.5, "3": 0.5}
    page = jobs["list_jobs"].sync(client=generated, ids=[created.id], limit=1000)
    assert isinstance(page, m.JobList)
    assert [j.id for j in page.jobs] == [created.id]
    clone = jobs["clone_job"].sync(created.id, client=generated, body=m.JobOverrides(shots=10))
    assert isinstance(clone, m.JobCreated)
    cloned = jobs["get_job"].sync(clone.id, client=generated)
    assert isinstance(cloned, m.Job)
    assert cloned.shots == 10
    assert cloned.name == "generated"
    moved = jobs["move_job"].sync(clone.id, client=generated, body=m.JobOverrides(name="moved"))
    assert isinstance(moved, m.JobCreated)
    refused = jobs["move_job"].sync(created.id, client=generated, body=m.JobOverrides())
    assert isinstance(refused, m.ApiError)
    assert refused.status_code == 409
    canceled = jobs["cancel_job"].sync(moved.id, client=generated)
    assert isinstance(canceled, m.JobCanceled)
    assert canceled.status == "canceled"
    cost = jobs["get_job_cost"].sync(created.id, client=generated)
    assert isinstance(cost, m.JobCost)
    estimate = jobs["estimate_job"].sync(client=generated, backend="qpu.forte-1", shots=100)
    assert isinstance(estimate, m.JobEstimate)
    sessions = endpoint("sessions", "create_session"), endpoint("sessions", "end_session")
    request = m.SessionCreateRequest(backend="simulator")
    session = sessions[0].sync(client=generated, body=request)
    assert isinstance(session, m.Session)
    assert isinstance(sessions[1].sync(session.id, client=generated), m.Session)
    assert isinstance(endpoint("whoami", "get_whoami").sync(client=generated), m.Whoami)
    backends = endpoint("backends", "get_backends").sync(client=generated)
    assert isinstance(backends, list)
    assert all(isinstance(b, m.Backend) for b in backends)
    backend = endpoint("backends", "get_backend").sync("qpu.forte-1", client=generated)
    assert isinstance(backend, m.Backend)
    characterizations = endpoint("characterizations", "get_characterizations")
    chars = characterizations.sync("qpu.forte-1", client=generated, limit=2)
    assert isinstance(chars, m.CharacterizationList)
