"""Fault injection: off by default; seeded 429/502/503, latency and dropped connections."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from ionq_emulator.app import ConnectionDropped
from ionq_emulator.emulator import Emulator
from ionq_emulator.faults import FaultConfig, FaultRule, parse_fault_spec
from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import emulator_server

from .helpers import api_client, job_body


def outcomes(client: httpx.Client, n: int, path: str = "/backends") -> list[int | str]:
    found: list[int | str] = []
    for _ in range(n):
        try:
            found.append(client.get(path).status_code)
        except httpx.TransportError:
            found.append("dropped")
    return found


def test_off_by_default(client: httpx.Client) -> None:
    assert set(outcomes(client, 50)) == {200}


def test_status_faults_have_the_documented_shape() -> None:
    rule = FaultRule(
        route="/backends", status_429=0.3, status_502=0.3, status_503=0.3, retry_after=7
    )
    with (
        emulator_server(mode="manual", faults=FaultConfig([rule], seed=1)) as server,
        api_client(server) as client,  # checks every answer against openapi.yaml
    ):
        seen: dict[int, httpx.Response] = {}
        for _ in range(60):
            response = client.get("/backends")
            seen.setdefault(response.status_code, response)
        assert set(seen) == {200, 429, 502, 503}
        assert seen[429].headers["Retry-After"] == "7"
        assert seen[503].headers["Retry-After"] == "7"
        assert seen[502].json()["statusCode"] == 502
        # Other routes are not affected by a rule for /backends.
        assert set(outcomes(client, 20, "/jobs")) == {200}


def test_same_seed_same_faults() -> None:
    rule = FaultRule(route="*", status_429=0.2, status_503=0.2, drop=0.1)
    runs = []
    for _ in range(2):
        with (
            emulator_server(mode="manual", faults=FaultConfig([rule], seed=99)) as server,
            api_client(server) as client,
        ):
            runs.append(outcomes(client, 60))
    assert runs[0] == runs[1]
    assert {200, 429, 503, "dropped"} <= set(runs[0])


def test_latency_is_added() -> None:
    rule = FaultRule(route="/backends*", latency=0.2)
    with (
        emulator_server(mode="manual", faults=FaultConfig([rule])) as server,
        api_client(server) as client,
    ):
        start = time.monotonic()
        client.get("/backends/simulator")
        assert time.monotonic() - start >= 0.2
        start = time.monotonic()
        client.get("/whoami")
        assert time.monotonic() - start < 0.2


@pytest.mark.parametrize(
    ("action", "jobs_after"),
    [
        ("drop", 0),  # closed before processing: nothing happened
        # Processed, then closed: the job exists, the client never heard of it (the case
        # retry logic must respect).
        ("drop_after", 1),
    ],
)
def test_dropped_connection_is_a_connection_error(action: str, jobs_after: int) -> None:
    rule = FaultRule.from_json({"route": "/jobs", "methods": ["POST"], action: 1.0})
    with (
        emulator_server(mode="manual", faults=FaultConfig([rule])) as server,
        api_client(server) as client,
    ):
        with pytest.raises(httpx.TransportError):
            client.post("/jobs", json=job_body())
        assert len(client.get("/jobs").json()["jobs"]) == jobs_after


def test_faults_are_configured_over_http(manual_server: EmulatorServer) -> None:
    token = {"Authorization": f"Bearer {manual_server.emulator.control_token}"}
    with (
        api_client(manual_server) as client,
        httpx.Client(base_url=manual_server.url, headers=token) as admin,
    ):
        config = {"seed": 5, "rules": [{"route": "/whoami", "status_503": 1.0, "retry_after": 2}]}
        assert admin.put("/_emulator/faults", json=config).status_code == 200
        try:
            response = client.get("/whoami")
            assert response.status_code == 503
            assert response.headers["Retry-After"] == "2"
            assert admin.get("/_emulator/faults").json()["rules"][0]["status_503"] == 1.0
        finally:
            admin.put("/_emulator/faults", json={"rules": []})
        assert client.get("/whoami").status_code == 200
        bad = admin.put("/_emulator/faults", json={"rules": [{"route": "*", "status_429": 2}]})
        assert bad.status_code == 400


def test_cli_rule_syntax() -> None:
    rule = parse_fault_spec("route=/jobs*,methods=GET|PUT,429=0.1,503=0.05,latency=0.2,drop=0.01")
    assert rule == FaultRule(
        route="/jobs*",
        methods=("GET", "PUT"),
        status_429=0.1,
        status_503=0.05,
        latency=0.2,
        drop=0.01,
    )
    with pytest.raises(ValueError, match="unknown fault option"):
        parse_fault_spec("route=*,teapot=1")
    with pytest.raises(ValueError, match="add up"):
        FaultRule(status_429=0.6, status_503=0.6)


def test_dropped_connection_in_process() -> None:
    emu = Emulator(mode="manual", faults=FaultConfig([FaultRule(drop=1.0)]))

    async def call() -> None:
        transport = httpx.ASGITransport(app=emu.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://emulator") as client:
            await client.get("/v0.4/backends")

    with pytest.raises(ConnectionDropped):
        asyncio.run(call())
