"""schemathesis against the running emulator: no 5xx, no answer that breaks openapi.yaml.

One test per operation of the contract, each a bounded property-based run (requests
generated from the operation's schemas, sent over loopback). The emulator runs in clock
mode with no dwell, so created jobs also run, through the simulator, on the next request.

The contract types backends, job ids and session ids as free strings, so generated
values would almost never name something that exists and the run would stop at 400/404.
``steer`` replaces some of them (chosen by a hash of the generated value, so runs stay
reproducible) with real names and ids; every value stays valid for the schema.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from ionq_emulator.catalog import BACKENDS
from ionq_emulator.server import EmulatorServer
from ionq_emulator.spec import SPEC_PATH
from ionq_emulator.testing import checked_emulator_server

from .helpers import BELL, job_body

KEY = "schemathesis"
schema = schemathesis.openapi.from_path(SPEC_PATH)
schema.config.generation.update(modes=[GenerationMode.POSITIVE], max_examples=25)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
USABLE_BACKENDS = sorted(n for n, b in BACKENDS.items() if b.status == "available")


@dataclass
class Live:
    server: EmulatorServer
    jobs: list[str]
    sessions: list[str]
    characterization: str


def _pick(seed: object, choices: list[str]) -> str | None:
    """One of ``choices`` for two values in three, None for the rest (left as generated)."""
    digest = int(hashlib.sha256(repr(seed).encode()).hexdigest(), 16)
    return None if digest % 3 == 0 else choices[digest % len(choices)]


_KEYS_SENT = itertools.count()


def steer(case: schemathesis.Case[Any], live: Live) -> None:
    headers = case.headers
    if headers is not None and "Idempotency-Key" in headers:
        # Generated keys repeat across cases (derandomized), and a repeated key creates
        # nothing: made unique, so creating operations really create.
        headers["Idempotency-Key"] = f"{next(_KEYS_SENT)}-{headers['Idempotency-Key']}"[:255]
    path = case.path_parameters or {}
    if "backend" in path:
        path["backend"] = _pick(path["backend"], USABLE_BACKENDS) or path["backend"]
    if "UUID" in path:
        choices = [live.characterization] if "backend" in path else live.jobs
        path["UUID"] = _pick(path["UUID"], choices) or path["UUID"]
    if "session_id" in path:
        path["session_id"] = _pick(path["session_id"], live.sessions) or path["session_id"]
    query = case.query or {}
    if "backend" in query:
        query["backend"] = _pick(query["backend"], USABLE_BACKENDS) or query["backend"]
    body: Any = case.body
    if isinstance(body, dict):
        if "backend" in body:
            body["backend"] = _pick(body["backend"], ["simulator"]) or body["backend"]
        if "session_id" in body:
            body["session_id"] = _pick(body["session_id"], live.sessions) or body["session_id"]
        if isinstance(body.get("ids"), list):
            body["ids"] = [_pick(i, live.jobs) or i for i in body["ids"]]


@pytest.fixture(scope="module")
def live() -> Iterator[Live]:
    with checked_emulator_server(mode="clock", dwell=0.0, seed=1) as server:
        headers = {"Authorization": f"apiKey {KEY}"}
        with httpx.Client(base_url=server.base_url, headers=headers) as client:
            multi = {
                "type": "ionq.multi-circuit.v1",
                "backend": "simulator",
                "input": {"gateset": "qis", "circuits": [{"circuit": BELL["circuit"]}] * 2},
            }
            jobs = [client.post("/jobs", json=body).json()["id"] for body in [job_body()] * 8]
            jobs.append(client.post("/jobs", json=multi).json()["id"])
            sessions = [
                client.post("/sessions", json={"backend": "simulator"}).json()["id"]
                for _ in range(3)
            ]
            backend = client.get("/backends/qpu.forte-1").json()
        yield Live(server, jobs, sessions, backend["characterization_id"])
        state = server.emulator.state()
        # The run reached past validation: it created jobs that ran to an end.
        assert state["jobs"] > 50
        assert state["by_status"].get("completed", 0) > 10
        assert state["by_status"].get("failed", 0) > 0


@schema.parametrize()
@settings(
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_operation_conforms(case: schemathesis.Case[Any], live: Live) -> None:
    steer(case, live)
    case.call_and_validate(
        base_url=live.server.base_url,
        headers={"Authorization": f"apiKey {KEY}"},
        checks=CHECKS,
        timeout=30,
    )
