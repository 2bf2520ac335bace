"""IonQ's documented limits: each refused the way IonQ refuses it, storing nothing."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from ionq_emulator import limits
from ionq_emulator.errors import ApiError
from ionq_emulator.server import EmulatorServer

from .helpers import create, job_body


def job_count(client: httpx.Client) -> int:
    return len(client.get("/jobs", params={"limit": 1000}).json()["jobs"])


def refused(client: httpx.Client, body: dict[str, Any], key: str) -> str:
    """POST /jobs must answer 400 naming `key`, and leave the project's jobs as they were."""
    before = job_count(client)
    response = client.post("/jobs", json=body)
    assert response.status_code == 400, response.text
    error = response.json()
    assert error["statusCode"] == 400
    assert error["error"] == "Bad Request"
    assert key in error["validation"]["keys"]
    assert error["validation"]["source"] == "body"
    assert job_count(client) == before
    message: str = error["message"]
    return message


def gates(n: int) -> dict[str, Any]:
    return {"gateset": "qis", "qubits": 1, "circuit": [{"gate": "x", "target": 0}] * n}


def test_every_limit_names_its_source() -> None:
    assert {limit.name for limit in limits.LIMITS} >= {
        "gates per job (all circuits together)",
        "metadata keys",
        "shots for debiasing (at least)",
        "a session's cost (cost_limit)",
    }
    assert all(limit.source for limit in limits.LIMITS)


def test_150001_gates_are_refused(client: httpx.Client) -> None:
    message = refused(client, job_body(gates(limits.MAX_GATES + 1)), "input")
    assert "150,000" in message


def test_the_gate_limit_is_checked_on_counts_too() -> None:
    limits.check_gates([{"1q": limits.MAX_GATES - 1, "2q": 1}])  # at the limit: accepted
    with pytest.raises(ApiError) as refused_at:
        limits.check_gates([{"1q": limits.MAX_GATES, "2q": 1}])
    assert refused_at.value.status == 400


def test_the_gate_limit_counts_every_circuit_of_a_multi_circuit_job(client: httpx.Client) -> None:
    half = gates(limits.MAX_GATES // 2 + 1)
    body = {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "qis", "circuits": [half, half]},
    }
    refused(client, body, "input")


@pytest.mark.parametrize(
    "metadata",
    [
        {f"k{i}": "v" for i in range(limits.METADATA_KEYS + 1)},
        {"k" * (limits.METADATA_KEY_CHARS + 1): "v"},
        {"k": "v" * (limits.METADATA_VALUE_CHARS + 1)},
    ],
    ids=["keys", "key-length", "value-length"],
)
def test_metadata_over_its_limits_is_refused(
    client: httpx.Client, metadata: dict[str, str]
) -> None:
    refused(client, job_body(metadata=metadata), "metadata")
    source = create(client, job_body())
    response = client.post(f"/jobs/{source}/clone", json={"metadata": metadata})
    assert response.status_code == 400, response.text


def test_metadata_at_its_limits_is_accepted(client: httpx.Client) -> None:
    at_limit = {f"{i}".ljust(limits.METADATA_KEY_CHARS, "k"): "v" for i in range(10)}
    at_limit["0".ljust(limits.METADATA_KEY_CHARS, "k")] = "v" * limits.METADATA_VALUE_CHARS
    create(client, job_body(metadata=at_limit))


def test_debiasing_at_100_shots_is_refused(client: httpx.Client) -> None:
    on = {"error_mitigation": {"debiasing": True}}
    message = refused(client, job_body(backend="qpu.forte-1", shots=100, settings=on), "shots")
    assert "at least 500 shots" in message
    create(client, job_body(backend="qpu.forte-1", shots=500, settings=on))
    # A clone that would take a debiased job below 500 shots is refused too.
    source = create(client, job_body(backend="qpu.forte-1", shots=500, settings=on))
    assert client.post(f"/jobs/{source}/clone", json={"shots": 100}).status_code == 400


def test_a_debiased_job_reports_its_error_mitigation_and_sharpens(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    # Debiasing is on by default for QPU jobs of 500+ shots, as IonQ documents.
    job_id = create(client, job_body(backend="qpu.forte-1", shots=500))
    manual_server.emulator.advance(job_id, to="completed")
    job = client.get(f"/jobs/{job_id}").json()
    mitigation = job["output"]["error_mitigation"]
    variants = mitigation["debiasing"]["variants"]
    assert sum(v["shots"] for v in variants) == 500
    assert mitigation["debiasing"]["aggregation_method"] == "average"
    average = client.get(f"/jobs/{job_id}/results/probabilities").json()
    sharp = client.get(f"/jobs/{job_id}/results/probabilities", params={"sharpen": "true"}).json()
    # Plurality voting keeps the states that win a variant: the noise tail goes.
    assert set(sharp) < set(average)
    assert {"0", "3"} <= set(sharp)
    assert sum(sharp.values()) == pytest.approx(1.0)
    for name, expected in (("average", average), ("voting", sharp)):
        descriptor = mitigation["aggregations"][name]
        assert descriptor["format"] == "ionq.result.histogram.json.v2"
        found = client.get(f"/jobs/{job_id}/artifacts/{descriptor['id']}").json()
        counts = found["histogram"]["registers"]["output_all"]
        assert {str(int(k, 2)) for k in counts} == set(expected)


def test_sharpen_does_not_change_a_job_that_is_not_debiased(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    job_id = create(client, job_body(shots=100, noise={"model": "aria-1", "seed": 3}))
    manual_server.emulator.advance(job_id, to="completed")
    plain = client.get(f"/jobs/{job_id}/results/probabilities").json()
    sharp = client.get(f"/jobs/{job_id}/results/probabilities", params={"sharpen": "true"})
    assert sharp.json() == plain
    assert "error_mitigation" not in client.get(f"/jobs/{job_id}").json()["output"]


def test_an_unknown_status_filter_is_a_400(client: httpx.Client) -> None:
    response = client.get("/jobs", params={"status": "finished"})
    assert response.status_code == 400
    assert response.json()["validation"] == {"keys": ["status"], "source": "query"}
    assert client.get("/jobs", params={"status": "running"}).status_code == 200  # older name


def test_a_session_refuses_a_job_over_its_cost_limit(client: httpx.Client) -> None:
    probe = create(client, job_body(backend="qpu.forte-1", shots=100))
    cost = client.get(f"/jobs/{probe}/cost").json()["estimated_cost"]["value"]
    assert cost > 0
    settings = {"cost_limit": {"unit": "usd", "value": cost * 1.5}}
    session = client.post("/sessions", json={"backend": "qpu.forte-1", "settings": settings})
    session_id = session.json()["id"]
    body = job_body(backend="qpu.forte-1", shots=100, session_id=session_id)
    create(client, body)
    message = refused(client, body, "session_id")
    assert "cost limit" in message
    create(client, {**body, "dry_run": True})  # a dry run costs nothing


def test_whoami_key_id_is_a_uuid(client: httpx.Client) -> None:
    key_id = client.get("/whoami").json()["key_id"]
    assert str(uuid.UUID(key_id)) == key_id
