"""Request checking: 400 with `validation`, 413, 401, 404; projects kept apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import emulator_server

from .helpers import api_client, create, job_body

UNKNOWN = "6b1b7d4e-0000-4000-8000-000000000000"


@pytest.mark.parametrize(
    ("body", "keys"),
    [
        ({"backend": "simulator", "input": {"gateset": "qis", "circuit": []}}, ["type"]),
        (job_body(shots=0), ["shots"]),
        (job_body(shots=1_000_001), ["shots"]),
        (job_body(name=3), ["name"]),
        (job_body(metadata={"n": 1}), ["metadata.n"]),
        (job_body(colour="red"), ["colour"]),
        (job_body(noise={"seed": 1}), ["noise.model"]),
        (
            job_body({"gateset": "qis", "circuit": [{"gate": "hh", "target": 0}]}),
            ["input.circuit.0.gate"],
        ),
        (
            job_body({"gateset": "qis", "circuit": [{"gate": "h", "target": -1}]}),
            ["input.circuit.0.target"],
        ),
        (job_body(backend="qpu.nowhere"), ["backend"]),
        (job_body(backend="qpu.harmony"), ["backend"]),  # retired
        (job_body(session_id="no-such-session"), ["session_id"]),
    ],
)
def test_malformed_create_is_400_with_validation(
    client: httpx.Client, body: dict[str, Any], keys: list[str]
) -> None:
    response = client.post("/jobs", json=body)
    assert response.status_code == 400, response.text
    error = response.json()
    assert error["statusCode"] == 400
    assert error["error"] == "Bad Request"
    assert error["message"]
    assert error["validation"] == {"keys": keys, "source": "body"}
    assert client.get("/jobs").json()["jobs"] == []  # nothing was created


def test_body_that_is_not_json_is_400(client: httpx.Client) -> None:
    for content in (b"{not json", b"", b"\xff\xfe"):
        response = client.post("/jobs", content=content)
        assert response.status_code == 400
        assert response.json()["validation"]["source"] == "body"


@pytest.mark.parametrize(
    ("path", "params", "key"),
    [
        ("/jobs", {"limit": "0"}, "limit"),
        ("/jobs", {"limit": "many"}, "limit"),
        ("/jobs/estimate", {"backend": "simulator", "shots": "0"}, "shots"),
        (
            "/jobs/estimate",
            {"backend": "simulator", "error_mitigation": "maybe"},
            "error_mitigation",
        ),
        ("/jobs/estimate", {}, "backend"),
        ("/backends/qpu.forte-1/characterizations", {"limit": "11"}, "limit"),
        ("/backends/qpu.forte-1/characterizations", {"start": "yesterday"}, "start"),
    ],
)
def test_malformed_parameters_are_400(
    client: httpx.Client, path: str, params: dict[str, str], key: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    assert response.json()["validation"] == {"keys": [key], "source": "query"}


def test_bodies_over_10_mb_are_413(client: httpx.Client) -> None:
    gates = [{"gate": "x", "target": 0}] * 500_000  # about 12 MB of JSON
    body = json.dumps(job_body({"gateset": "qis", "circuit": gates})).encode()
    assert len(body) > 10 * 1024 * 1024
    response = client.post("/jobs", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["statusCode"] == 413

    def chunks() -> Any:  # no Content-Length: the limit holds while streaming too
        for start in range(0, len(body), 1 << 20):
            yield body[start : start + (1 << 20)]

    streamed = client.post("/jobs", content=chunks())
    assert streamed.status_code == 413
    assert client.get("/jobs").json()["jobs"] == []


def test_unknown_jobs_are_404(client: httpx.Client) -> None:
    for method, path in (
        ("GET", f"/jobs/{UNKNOWN}"),
        ("DELETE", f"/jobs/{UNKNOWN}"),
        ("PUT", f"/jobs/{UNKNOWN}/status/cancel"),
        ("GET", f"/jobs/{UNKNOWN}/cost"),
        ("GET", f"/jobs/{UNKNOWN}/results/probabilities"),
        ("GET", f"/jobs/{UNKNOWN}/artifacts/x"),
    ):
        response = client.request(method, path)
        assert response.status_code == 404, (method, path)
        assert response.json()["statusCode"] == 404
    assert client.request("DELETE", "/jobs", json={"ids": [UNKNOWN]}).status_code == 404
    assert client.put("/jobs/status/cancel", json={"ids": [UNKNOWN]}).status_code == 404


def test_unknown_route_is_a_404_error_body(client: httpx.Client) -> None:
    response = client.get("/no/such/route")
    assert response.status_code == 404
    assert set(response.json()) == {"error", "message", "statusCode"}


@pytest.mark.parametrize(
    "header",
    [None, "", "apiKey", "Bearer secret-key", "secret-key", "apiKey two words"],
)
def test_missing_or_malformed_key_is_401(manual_server: EmulatorServer, header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    for method, path in (("GET", "/jobs"), ("POST", "/jobs"), ("GET", "/whoami")):
        response = httpx.request(
            method, manual_server.base_url + path, headers=headers, json=job_body()
        )
        assert response.status_code == 401, (header, path)
        body = response.json()
        assert body["statusCode"] == 401
        assert "secret-key" not in response.text
    # Public routes need no key.
    assert httpx.get(manual_server.base_url + "/backends", headers=headers).status_code == 200


def test_a_second_project_cannot_see_or_touch_the_firsts_jobs(
    manual_server: EmulatorServer,
) -> None:
    with api_client(manual_server) as first, api_client(manual_server) as second:
        job_id = create(first)
        done = create(first)
        manual_server.emulator.advance(done, to="completed")
        assert (
            first.get("/whoami").json()["project_id"] != second.get("/whoami").json()["project_id"]
        )
        for method, path, body in (
            ("GET", f"/jobs/{job_id}", None),
            ("PUT", f"/jobs/{job_id}/status/cancel", None),
            ("DELETE", f"/jobs/{job_id}", None),
            ("GET", f"/jobs/{job_id}/cost", None),
            ("GET", f"/jobs/{done}/results/probabilities", None),
            ("POST", f"/jobs/{job_id}/clone", {}),
            ("POST", f"/jobs/{job_id}/move", {}),
            ("PUT", "/jobs/status/cancel", {"ids": [job_id]}),
            ("DELETE", "/jobs", {"ids": [job_id]}),
        ):
            response = second.request(method, path, json=body)
            assert response.status_code == 404, (method, path)
        assert second.get("/jobs").json() == {"jobs": [], "next": None}
        assert second.get("/jobs", params={"ids": [job_id, done]}).json()["jobs"] == []
        # ...and the first project's jobs are untouched.
        assert first.get(f"/jobs/{job_id}").json()["status"] == "submitted"
        assert {j["id"] for j in first.get("/jobs").json()["jobs"]} == {job_id, done}


def test_key_file_maps_keys_to_shared_projects(tmp_path: Path) -> None:
    keys = {"alice-key": "lab", "bob-key": {"project": "lab", "name": "bob"}, "eve-key": "other"}
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(keys))
    from ionq_emulator.auth import load_key_file

    with emulator_server(mode="manual", keys=load_key_file(path)) as server:
        with (
            api_client(server, "alice-key") as alice,
            api_client(server, "bob-key") as bob,
            api_client(server, "eve-key") as eve,
        ):
            job_id = create(alice)
            assert bob.get(f"/jobs/{job_id}").status_code == 200
            assert bob.get("/whoami").json()["key_name"] == "bob"
            assert eve.get(f"/jobs/{job_id}").status_code == 404
            mine = bob.get("/jobs", params={"submitter_id": alice.get("/whoami").json()["key_id"]})
            assert [j["id"] for j in mine.json()["jobs"]] == [job_id]
        unknown = httpx.get(server.base_url + "/jobs", headers={"Authorization": "apiKey mallory"})
        assert unknown.status_code == 401


def test_whoami_never_echoes_the_key(client: httpx.Client) -> None:
    key = client.headers["Authorization"].split(" ", 1)[1]
    response = client.get("/whoami")
    assert response.status_code == 200
    assert key not in response.text
    assert set(response.json()) == {"key_id", "key_name", "project_id"}


def test_delete_one_and_many(client: httpx.Client, manual_server: EmulatorServer) -> None:
    ids = [create(client) for _ in range(3)]
    assert client.delete(f"/jobs/{ids[0]}").json() == {"id": ids[0], "status": "deleted"}
    assert client.get(f"/jobs/{ids[0]}").status_code == 404
    partly_unknown = client.request("DELETE", "/jobs", json={"ids": [ids[1], UNKNOWN]})
    assert partly_unknown.status_code == 404
    assert client.get(f"/jobs/{ids[1]}").status_code == 200  # all or nothing
    both = client.request("DELETE", "/jobs", json={"ids": ids[1:]})
    assert both.json() == {"ids": ids[1:], "status": "deleted"}
    assert client.get("/jobs").json()["jobs"] == []
    assert client.request("DELETE", "/jobs", json={"ids": []}).status_code == 400


def test_malformed_boolean_query_parameters_get_400(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    session = client.post("/sessions", json={"backend": "simulator"}).json()["id"]
    listed = client.get("/sessions", params={"active": "maybe"})
    assert listed.status_code == 400
    assert listed.json()["validation"]["keys"] == ["active"]
    assert [s["id"] for s in client.get("/sessions").json()["sessions"]] == [session]
    job_id = create(client)
    manual_server.emulator.advance(job_id, to="completed")
    for sharpen in ("true", "false"):
        response = client.get(f"/jobs/{job_id}/results/probabilities", params={"sharpen": sharpen})
        assert response.json() == {"0": 0.5, "3": 0.5}
    refused = client.get(f"/jobs/{job_id}/results/probabilities", params={"sharpen": "maybe"})
    assert refused.status_code == 400
    assert refused.json()["validation"]["keys"] == ["sharpen"]
