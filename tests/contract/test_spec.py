"""openapi.yaml is valid, complete, and its lifecycle extension is coherent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]

EXPECTED_OPERATIONS = {
    ("get", "/whoami"),
    ("get", "/backends"),
    ("get", "/backends/{backend}"),
    ("get", "/backends/{backend}/characterizations"),
    ("get", "/backends/{backend}/characterizations/{UUID}"),
    ("post", "/jobs"),
    ("get", "/jobs"),
    ("delete", "/jobs"),
    ("put", "/jobs/status/cancel"),
    ("get", "/jobs/estimate"),
    ("get", "/jobs/{UUID}"),
    ("delete", "/jobs/{UUID}"),
    ("put", "/jobs/{UUID}/status/cancel"),
    ("get", "/jobs/{UUID}/cost"),
    ("get", "/jobs/{UUID}/results/probabilities"),
    ("get", "/jobs/{UUID}/artifacts/{artifactId}"),
    ("post", "/jobs/{UUID}/clone"),
    ("post", "/jobs/{UUID}/move"),
    ("post", "/sessions"),
    ("get", "/sessions"),
    ("get", "/sessions/{session_id}"),
    ("post", "/sessions/{session_id}/end"),
    ("get", "/sessions/{session_id}/jobs"),
}
PUBLIC = {
    "/backends",
    "/backends/{backend}",
    "/backends/{backend}/characterizations",
    "/backends/{backend}/characterizations/{UUID}",
}
METHODS = {"get", "post", "put", "delete", "patch"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    return loaded


def operations(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method, path): op
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in METHODS
    }


def test_spec_validates(spec: dict[str, Any]) -> None:
    validate(spec)


def test_every_operation_is_present(spec: dict[str, Any]) -> None:
    assert set(operations(spec)) == EXPECTED_OPERATIONS


def test_security_per_operation(spec: dict[str, Any]) -> None:
    assert spec["security"] == [{"apiKeyAuth": []}]
    for (_, path), op in operations(spec).items():
        if path in PUBLIC:
            assert op.get("security") == [], path
        else:
            assert "security" not in op, f"{path} must inherit the API key requirement"


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@pytest.mark.parametrize("status", ["401", "429", "500", "502", "503"])
def test_error_statuses_carry_the_error_body(spec: dict[str, Any], status: str) -> None:
    for key, op in operations(spec).items():
        if status == "401" and key[1] in PUBLIC:
            continue
        response = resolve(spec, op["responses"][status])
        schema = resolve(spec, response["content"]["application/json"]["schema"])
        assert {"error", "message", "statusCode"} <= set(schema["required"]), key


def test_conflict_documented_on_move_and_cancel(spec: dict[str, Any]) -> None:
    ops = operations(spec)
    for key in [("post", "/jobs/{UUID}/move"), ("put", "/jobs/{UUID}/status/cancel")]:
        assert "409" in ops[key]["responses"]
    assert "413" in ops[("post", "/jobs")]["responses"]
    retry_after = resolve(spec, spec["components"]["responses"]["TooManyRequests"])["headers"]
    assert "Retry-After" in retry_after


def test_list_filters(spec: dict[str, Any]) -> None:
    op = operations(spec)[("get", "/jobs")]
    names = {resolve(spec, p)["name"] for p in op["parameters"]}
    assert names == {
        "ids",
        "parent_job_id",
        "status",
        "target",
        "session_id",
        "submitter_id",
        "limit",
        "next",
    }


def _walk_defaults(spec: dict[str, Any], node: Any, seen: set[str]) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        if "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                return found
            seen.add(ref)
            return _walk_defaults(spec, resolve(spec, node), seen)
        if "default" in node:
            found.append(str(node))
        for value in node.values():
            found += _walk_defaults(spec, value, seen)
    elif isinstance(node, list):
        for value in node:
            found += _walk_defaults(spec, value, seen)
    return found


def test_override_bodies_have_no_defaults(spec: dict[str, Any]) -> None:
    ops = operations(spec)
    for key in [("post", "/jobs/{UUID}/clone"), ("post", "/jobs/{UUID}/move")]:
        body = ops[key]["requestBody"]["content"]["application/json"]["schema"]
        assert _walk_defaults(spec, body, set()) == []


def test_job_status_is_open_ended(spec: dict[str, Any]) -> None:
    status = spec["components"]["schemas"]["JobStatus"]
    assert status["type"] == "string"
    assert "enum" not in status
    assert {"submitted", "ready", "started", "completed", "failed", "canceled"} <= set(
        status["x-known-values"]
    )


def test_lifecycle_is_coherent(spec: dict[str, Any]) -> None:
    life = spec["components"]["schemas"]["JobStatus"]["x-lifecycle"]
    states = set(spec["components"]["schemas"]["JobStatus"]["x-known-values"]) - set(
        life["aliases"]
    )
    edges = {(t["from"], t["to"]) for t in life["transitions"]}
    for a, b in edges:
        assert a in states
        assert b in states
    terminal = set(life["terminal"])
    assert terminal == {"completed", "failed", "canceled"}
    assert not any(a in terminal for a, _ in edges), "terminal states never change"
    assert set(life["cancelable"]) == {a for a, b in edges if b == "canceled"}
    # The seeds' correction: both queued states are initial and reach each other.
    assert set(life["initial"]) == {"submitted", "ready"}
    assert {("submitted", "ready"), ("ready", "submitted")} <= edges
    assert life["aliases"] == {"running": "started"}


def test_clone_and_move_status_optional(spec: dict[str, Any]) -> None:
    created = spec["components"]["schemas"]["JobCreated"]
    assert created["required"] == ["id"]
