"""Every namespace: what is sent and what comes back, typed."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import parse_qsl

import pytest

from ionq_facade import (
    APIResponseValidationError,
    Backend,
    CostAmount,
    CostLimit,
    InvalidArgumentError,
    IonQ,
    Job,
    Probabilities,
    Whoami,
)

from .conftest import FakeAPI, job_json, reply

BACKEND = {
    "backend": "qpu.forte-1",
    "status": "available",
    "qubits": 36,
    "average_queue_time": 1200,
    "last_updated": "2025-01-01T00:00:00Z",
    "degraded": False,
    "supported_native_gates": ["gpi", "gpi2", "zz"],
}
SESSION = {
    "id": "s-1",
    "status": "started",
    "active": True,
    "backend": "qpu.forte-1",
    "created_at": "2025-01-01T00:00:00Z",
    "started_at": None,
    "settings": {"job_count_limit": 5, "cost_limit": {"unit": "usd", "value": 10}},
}


def query(api: FakeAPI, index: int = -1) -> list[tuple[str, str]]:
    return parse_qsl(api.requests[index].url.query.decode())


def test_probabilities(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs/job-1/results/probabilities", reply(200, {"0": 0.5, "3": 0.5}))
    probs = client.jobs.probabilities("job-1", sharpen=True)
    assert probs == Probabilities({0: 0.5, 3: 0.5})
    assert dict(probs) == {0: 0.5, 3: 0.5}
    assert probs[3] == 0.5
    assert Probabilities.bitstring(3, 2) == "11"
    assert query(api) == [("sharpen", "true")]


def test_probabilities_of_a_multi_circuit_job(api: FakeAPI, client: IonQ) -> None:
    body = {"child-1": {"0": 1.0}, "child-2": {"1": 0.25, "2": 0.75}}
    api.on("GET", "/jobs/job-1/results/probabilities", reply(200, body))
    children = client.jobs.child_probabilities("job-1")
    assert children == {"child-1": {0: 1.0}, "child-2": {1: 0.25, 2: 0.75}}
    with pytest.raises(APIResponseValidationError, match="child_probabilities"):
        client.jobs.probabilities("job-1")
    multi = Job.from_dict(job_json(type="ionq.multi-circuit.v1"))
    with pytest.raises(InvalidArgumentError):
        client.jobs.probabilities(multi)
    assert len(api.requests) == 2


def test_artifact(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs/job-1/artifacts/art-1", reply(200, {"counts": {"0": 3}, "n": [1]}))
    data = client.jobs.artifact("job-1", "art-1")
    assert data == {"counts": {"0": 3}, "n": (1,)}


def test_cost_and_estimate(api: FakeAPI, client: IonQ) -> None:
    api.on(
        "GET",
        "/jobs/job-1/cost",
        reply(200, {"dry_run": False, "estimated_cost": {"value": 1.5, "unit": "usd"}}),
    )
    cost = client.jobs.cost("job-1")
    assert cost.estimated_cost == CostAmount(1.5, "usd")
    assert cost.cost is None
    estimate = {
        "estimate_context": {"backend": "qpu.forte-1", "shots": 100},
        "estimated_at": "2025-01-01T00:00:00Z",
        "estimated_unit": "usd",
        "rate_card": {"id": "rc", "rates": [{"sku": "s", "unit": "gates", "cost_1q_gate": 0.1}]},
        "estimated_total_cost": 12.5,
        "estimated_execution_time": 1000,
        "current_predicted_queue_time": 60000,
    }
    api.on("GET", "/jobs/estimate", reply(200, estimate))
    result = client.jobs.estimate(
        backend="qpu.forte-1",
        shots=100,
        qubits=2,
        one_qubit_gates=0,
        two_qubit_gates=4,
        error_mitigation=False,
    )
    assert result.estimated_total_cost == 12.5
    assert result.rate_card.rates[0].cost_1q_gate == 0.1
    assert result.context.shots == 100
    assert query(api) == [
        ("backend", "qpu.forte-1"),
        ("qubits", "2"),
        ("shots", "100"),
        ("1q_gates", "0"),
        ("2q_gates", "4"),
        ("error_mitigation", "false"),
    ]


def test_bulk_cancel_and_delete(api: FakeAPI, client: IonQ) -> None:
    api.on("PUT", "/jobs/status/cancel", reply(200, {"ids": ["a-1", "b-2"], "status": "canceled"}))
    api.on("DELETE", "/jobs", reply(200, {"ids": ["a-1"], "status": "deleted"}))
    assert client.jobs.cancel_many(["a-1", Job.from_dict(job_json("b-2"))]) == ("a-1", "b-2")
    assert api.body() == {"ids": ["a-1", "b-2"]}
    assert client.jobs.delete_many(("a-1", "a-1")) == ("a-1",)
    assert api.body() == {"ids": ["a-1"]}


def test_backends(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/backends", reply(200, [BACKEND]))
    api.on("GET", "/backends/qpu.forte-1", reply(200, BACKEND))
    [backend] = client.backends.list()
    assert isinstance(backend, Backend)
    assert (backend.name, backend.qubits, backend.average_queue_time_ms) == (
        "qpu.forte-1",
        36,
        1200.0,
    )
    assert backend.supported_gates == ()
    assert backend.location is None
    assert client.backends.get(backend) == backend


def test_characterizations(api: FakeAPI, client: IonQ) -> None:
    char = {
        "id": "c-1",
        "backend": "qpu.forte-1",
        "date": "2025-01-01",
        "qubits": 2,
        "connectivity": [[0, 1]],
        "fidelity": {"spam": {"median": 0.99, "stderr": None}, "2q": {"median": 0.98}},
        "timing": {"t1": 10, "readout": 0.0001},
    }
    api.on(
        "GET",
        "/backends/qpu.forte-1/characterizations",
        reply(200, {"characterizations": [char], "pages": 3}),
    )
    api.on("GET", "/backends/qpu.forte-1/characterizations/c-1", reply(200, char))
    page = client.characterizations.list("qpu.forte-1", start="2025-01-01", limit=1, page=2)
    assert page.pages == 3
    assert page.characterizations[0].connectivity == ((0, 1),)
    assert query(api) == [("start", "2025-01-01"), ("limit", "1"), ("page", "2")]
    one = client.characterizations.get("qpu.forte-1", "c-1")
    assert one.fidelity["2q"].median == 0.98
    assert one.fidelity["spam"].stderr is None
    assert one.timing == {"t1": 10.0, "readout": 0.0001}


def test_sessions(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/sessions", reply(201, SESSION))
    api.on("GET", "/sessions", reply(200, {"sessions": [SESSION]}))
    api.on("GET", "/sessions/s-1", reply(200, SESSION))
    api.on("POST", "/sessions/s-1/end", reply(200, SESSION | {"status": "ended"}))
    session = client.sessions.create(
        "qpu.forte-1", job_count_limit=5, cost_limit=CostLimit(value=10, unit="usd")
    )
    assert api.body() == {
        "backend": "qpu.forte-1",
        "settings": {"job_count_limit": 5, "cost_limit": {"unit": "usd", "value": 10}},
    }
    assert session.created_at == datetime(2025, 1, 1, tzinfo=UTC)
    assert session.settings is not None
    assert session.settings.cost_limit == CostLimit(10.0, "usd")
    assert client.sessions.list(active=True) == (session,)
    assert query(api) == [("active", "true")]
    assert client.sessions.get(session) == session
    assert client.sessions.end("s-1").status == "ended"


def test_session_create_minimal_body(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/sessions", reply(201, SESSION))
    client.sessions.create("simulator")
    assert api.body() == {"backend": "simulator"}


def test_whoami(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/whoami", reply(200, {"key_id": "k-1", "key_name": "ci"}))
    assert client.whoami() == Whoami(key_id="k-1", key_name="ci", project_id=None)
