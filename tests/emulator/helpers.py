"""Shared pieces of the emulator tests: request bodies and a contract-checking client."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx

from ionq_emulator.conformance import check_response, match_operation
from ionq_emulator.server import EmulatorServer

BELL: dict[str, Any] = {
    "gateset": "qis",
    "qubits": 2,
    "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}],
}


def job_body(circuit: Mapping[str, Any] = BELL, **fields: Any) -> dict[str, Any]:
    """A create body for a single-circuit job on the simulator."""
    return {"type": "ionq.circuit.v1", "backend": "simulator", "input": dict(circuit), **fields}


def new_key() -> str:
    """A fresh API key: every distinct key is its own project, so tests do not mix."""
    return f"key-{uuid.uuid4().hex}"


class Violations(list[str]):
    """Contract violations seen by a client, in answers that came over the wire."""


def _checker(violations: Violations) -> Any:
    def check(response: httpx.Response) -> None:
        op = match_operation(response.request.method, response.request.url.path)
        if op is None:  # unknown routes and /_emulator/ controls are not part of the API
            return
        response.read()
        violations.extend(
            check_response(op, response.status_code, dict(response.headers), response.content)
        )

    return check


@contextmanager
def api_client(
    server: EmulatorServer, key: str | None = None, **kwargs: Any
) -> Iterator[httpx.Client]:
    """A client with an API key (fresh by default) whose every answer must conform."""
    violations = Violations()
    headers = {} if key == "" else {"Authorization": f"apiKey {key or new_key()}"}
    with httpx.Client(
        base_url=server.base_url,
        headers=headers,
        timeout=10.0,
        event_hooks={"response": [_checker(violations)]},
        **kwargs,
    ) as client:
        yield client
    assert not violations, "answers that break openapi.yaml:\n" + "\n".join(violations)


def create(client: httpx.Client, body: Mapping[str, Any] | None = None, **fields: Any) -> str:
    """Create a job; return its id (asserting 201)."""
    response = client.post("/jobs", json=dict(body) if body is not None else job_body(**fields))
    assert response.status_code == 201, response.text
    job_id: str = response.json()["id"]
    return job_id
