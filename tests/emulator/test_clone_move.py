"""Clone inherits every field not given; move is clone + cancel, or 409 and nothing at all."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ionq_emulator.server import EmulatorServer

from .helpers import api_client, create, job_body

SOURCE_FIELDS: dict[str, Any] = {
    "name": "source",
    "metadata": {"team": "a"},
    "shots": 300,
    "noise": {"model": "aria-1", "seed": 7},
    "settings": {"error_mitigation": {"debiasing": False}},
}
# What a clone/move body may override, with a value different from the source's.
OVERRIDES: dict[str, Any] = {
    "name": "copy",
    "metadata": {"team": "b", "run": "2"},
    "shots": 1234,
    "backend": "qpu.forte-1",
    "settings": {"compilation": {"opt": 1}},
    "noise": {"model": "forte-1"},
    "dry_run": True,
}
COMPARED = ("name", "shots", "backend", "settings", "noise", "dry_run", "type")


def job(client: httpx.Client, job_id: str) -> dict[str, Any]:
    found: dict[str, Any] = client.get(f"/jobs/{job_id}").json()
    return found


def job_count(client: httpx.Client) -> int:
    return len(client.get("/jobs", params={"limit": 1000}).json()["jobs"])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(given_fields=st.sets(st.sampled_from(sorted(OVERRIDES))))
def test_clone_inherits_what_is_not_given(
    client: httpx.Client, manual_server: EmulatorServer, given_fields: set[str]
) -> None:
    source_id = create(client, job_body(**SOURCE_FIELDS))
    before = job(client, source_id)
    body = {name: OVERRIDES[name] for name in given_fields}
    response = client.post(f"/jobs/{source_id}/clone", json=body)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["id"] != source_id
    assert created["status"] == "submitted"
    clone = job(client, created["id"])
    for name in COMPARED:
        expected = OVERRIDES[name] if name in given_fields else before[name]
        if name == "noise" and clone["backend"] != "simulator":
            assert name not in clone  # IonQ shows `noise` on simulator jobs only
            continue
        assert clone[name] == expected, name
    expected_meta = OVERRIDES["metadata"] if "metadata" in given_fields else before["metadata"]
    assert clone["metadata"] == expected_meta
    assert job(client, source_id) == before  # the source is left unchanged
    # Same workload: same circuit, so the same results once both have run.
    manual_server.emulator.advance(created["id"], to="completed")
    if (
        not clone["dry_run"]
        and clone["backend"] == "simulator"
        and clone["noise"]["model"] == "ideal"
    ):
        probs = client.get(f"/jobs/{created['id']}/results/probabilities").json()
        assert probs == {"0": 0.5, "3": 0.5}
    assert clone["stats"]["gate_counts"] == before["stats"]["gate_counts"]


def test_move_clones_and_cancels_the_source(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    for state in ("submitted", "ready", "started"):
        source_id = create(client, job_body(**SOURCE_FIELDS))
        manual_server.emulator.advance(source_id, to=state)
        response = client.post(f"/jobs/{source_id}/move", json={"backend": "qpu.forte-1"})
        assert response.status_code == 201, response.text
        moved = job(client, response.json()["id"])
        assert moved["backend"] == "qpu.forte-1"
        assert moved["metadata"] == {"team": "a", "original_job_id": source_id}
        assert moved["shots"] == 300
        assert moved["name"] == "source"
        assert job(client, source_id)["status"] == "canceled"


@pytest.mark.parametrize("state", ["completed", "failed", "canceled"])
def test_move_of_a_job_that_cannot_be_canceled_is_409_and_creates_nothing(
    client: httpx.Client, manual_server: EmulatorServer, state: str
) -> None:
    source_id = create(client)
    manual_server.emulator.advance(source_id, to=state)
    before = job(client, source_id)
    count = job_count(client)
    total = manual_server.emulator.state()["jobs"]
    response = client.post(f"/jobs/{source_id}/move", json={"name": "moved", "shots": 10})
    assert response.status_code == 409
    assert response.json()["statusCode"] == 409
    assert state in response.json()["message"]
    assert job_count(client) == count
    assert manual_server.emulator.state()["jobs"] == total  # not even in another project
    assert job(client, source_id) == before


def test_clone_and_move_of_unknown_jobs_are_404(client: httpx.Client) -> None:
    for verb in ("clone", "move"):
        response = client.post(f"/jobs/00000000-0000-4000-8000-000000000000/{verb}", json={})
        assert response.status_code == 404


def test_clone_of_a_multi_circuit_job_clones_every_circuit(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    body = {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "input": {
            "gateset": "qis",
            "qubits": 1,
            "circuits": [{"circuit": [{"gate": "x", "target": 0}]}, {"circuit": []}],
        },
    }
    source_id = create(client, body)
    clone_id = client.post(f"/jobs/{source_id}/clone", json={"shots": 5}).json()["id"]
    manual_server.emulator.advance(clone_id, to="completed")
    clone = job(client, clone_id)
    assert clone["type"] == "ionq.multi-circuit.v1"
    assert len(clone["child_job_ids"]) == 2
    probs = client.get(f"/jobs/{clone_id}/results/probabilities").json()
    first, second = clone["child_job_ids"]
    assert probs == {first: {"1": 1.0}, second: {"0": 1.0}}


def test_clone_with_a_bad_override_is_400(client: httpx.Client) -> None:
    source_id = create(client)
    for body, key in (
        ({"shots": 0}, "shots"),
        ({"backend": "qpu.nowhere"}, "backend"),
        ({"session_id": "no-such-session"}, "session_id"),
        ({"parent": "no-such-job"}, "parent"),
        ({"colour": "red"}, "colour"),
    ):
        response = client.post(f"/jobs/{source_id}/clone", json=body)
        assert response.status_code == 400, body
        assert response.json()["validation"] == {"keys": [key], "source": "body"}


def test_another_project_cannot_clone_or_move(manual_server: EmulatorServer) -> None:
    with api_client(manual_server) as owner, api_client(manual_server) as other:
        source_id = create(owner)
        total = manual_server.emulator.state()["jobs"]
        for verb in ("clone", "move"):
            assert other.post(f"/jobs/{source_id}/{verb}", json={}).status_code == 404
        assert manual_server.emulator.state()["jobs"] == total
        assert job(owner, source_id)["status"] == "submitted"
