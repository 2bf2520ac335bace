"""Seeded runs are byte-for-byte reproducible; the ASGI app works in-process."""

from __future__ import annotations

import asyncio

import httpx

from ionq_emulator.emulator import Emulator
from ionq_emulator.faults import FaultConfig, FaultRule
from ionq_emulator.testing import emulator_server

from .helpers import job_body


def scripted_session(seed: int) -> list[tuple[int, list[tuple[str, str]], bytes]]:
    """A fixed sequence of requests; every answer recorded with its headers and bytes."""
    emu = Emulator(
        mode="manual",
        seed=seed,
        faults=FaultConfig([FaultRule(route="/backends", status_429=0.5)], seed),
    )
    record: list[tuple[int, list[tuple[str, str]], bytes]] = []
    with emulator_server(emu) as server:
        headers = {"Authorization": "apiKey recorded"}
        with httpx.Client(base_url=server.base_url, headers=headers) as client:

            def call(method: str, path: str, **kwargs: object) -> httpx.Response:
                response = client.request(method, path, **kwargs)  # type: ignore[arg-type]
                record.append(
                    (response.status_code, list(response.headers.items()), response.content)
                )
                return response

            job_id = call("POST", "/jobs", json=job_body(name="a")).json()["id"]
            noisy = call(
                "POST", "/jobs", json=job_body(shots=100, noise={"model": "forte-1"})
            ).json()["id"]
            session = call("POST", "/sessions", json={"backend": "simulator"}).json()["id"]
            call("POST", "/jobs", json=job_body(session_id=session))
            call("GET", f"/jobs/{job_id}")
            emu.advance(job_id)
            emu.complete_all()
            for path in (f"/jobs/{job_id}", f"/jobs/{noisy}/results/probabilities", "/jobs"):
                call("GET", path)
            clone = call("POST", f"/jobs/{job_id}/clone", json={"shots": 9}).json()["id"]
            call("POST", f"/jobs/{clone}/move", json={"name": "moved"})
            call("GET", "/jobs", params={"limit": 2})
            call("GET", "/jobs/estimate", params={"backend": "qpu.forte-1"})
            call("GET", f"/sessions/{session}")
            for _ in range(6):
                call("GET", "/backends")
    return record


def test_same_seed_same_bytes() -> None:
    first = scripted_session(11)
    assert first == scripted_session(11)
    assert first != scripted_session(12)
    assert not any(name.lower() == "date" for _, headers, _ in first for name, _ in headers)
    statuses = [status for status, _, _ in first]
    assert 429 in statuses  # faults are part of what is reproduced
    assert 200 in statuses[-6:]


def test_asgi_app_with_httpx_asgi_transport() -> None:
    emu = Emulator(mode="manual", validate_responses=True)

    async def scenario() -> dict[str, float]:
        transport = httpx.ASGITransport(app=emu.app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://emulator/v0.4",
            headers={"Authorization": "apiKey in-process"},
        ) as client:
            created = await client.post("/jobs", json=job_body())
            assert created.status_code == 201
            job_id = created.json()["id"]
            emu.complete_all()
            job = (await client.get(f"/jobs/{job_id}")).json()
            url = job["results"]["probabilities"]["url"]
            probs: dict[str, float] = (await client.get(f"http://emulator{url}")).json()
            return probs

    assert asyncio.run(scenario()) == {"0": 0.5, "3": 0.5}
    assert emu.conformance_errors == []
