"""Property 2: every recorded body agrees with the generated code and with openapi.yaml.

For each interaction of each cassette: the request names an operation of the contract;
its JSON body validates against the operation's request schema and round-trips through
the body model of a stock generated client (the façade ships none); the response's status is
documented, its body validates (by the emulator's own conformance check), parses into
the view the façade reads it through with every property the contract gives it read
(the views are generated from openapi.yaml), and round-trips through the model a stock
generated client (tests/stock_client.py: what ionq-core is) parses that status into.

Normalizations: none. Round trips are compared exactly (`same_json`: key order ignored,
types strict); timestamps stay strings in the generated models (the contract gives them
no `format`), so they come back as sent.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import types
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin
from urllib.parse import urlsplit

import httpx
import pytest
import yaml

from ionq_emulator.conformance import check_response
from ionq_emulator.conformance import match_operation as match_in
from ionq_emulator.recording import same_json
from ionq_emulator.spec import Operation, Spec, load_spec
from tests.stock_client import NAME, stock_client

from .paths import CASSETTE_DIR, LIVE_DIR, ROOT
from .test_replay import interactions

CASSETTES = sorted(CASSETTE_DIR.glob("*.yaml")) + sorted(LIVE_DIR.glob("*.yaml"))
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
VIEWS: dict[str, Any] = yaml.safe_load((ROOT / "templates" / "views.yaml").read_text())


def contract() -> Spec:
    """The project's openapi.yaml (loaded once), validators and all."""
    return load_spec(ROOT / "openapi.yaml")


def match_operation(method: str, path: str) -> Operation | None:
    return match_in(method, path, contract())


@cache
def endpoint_modules(package: str) -> dict[str, types.ModuleType]:
    """A generated package's endpoint modules, by operationId in snake case."""
    api = importlib.import_module(f"{package}.api")
    found: dict[str, types.ModuleType] = {}
    for info in pkgutil.walk_packages(api.__path__, f"{api.__name__}."):
        if not info.ispkg:
            module = importlib.import_module(info.name)
            found[info.name.rsplit(".", 1)[1]] = module
    return found


def snake(op: Operation) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", op.operation_id).lower()


def stock_endpoint(op: Operation) -> types.ModuleType:
    """The stock generated client's endpoint module (its `_parse_response`)."""
    stock_client()
    return endpoint_modules(NAME)[snake(op)]


def answer_schema(op: Operation, status: int) -> dict[str, Any]:
    """The JSON schema openapi.yaml documents for the operation's answer with `status`."""
    answer = SPEC["paths"][op.path][op.method.lower()]["responses"][str(status)]
    if "$ref" in answer:
        answer = SPEC["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]]
    schema: dict[str, Any] = answer.get("content", {}).get("application/json", {}).get("schema", {})
    return schema


def view_problems(schema: dict[str, Any], body: object, where: str) -> list[str]:
    """Parse `body` with the view of `schema` (if it has one) and read every property."""
    if schema.get("type") == "array" and isinstance(body, list):
        return [p for item in body for p in view_problems(schema["items"], item, where)]
    name = schema.get("$ref", "").rsplit("/", 1)[-1]
    if name not in VIEWS["classes"]:
        return []  # not an object the façade has a view of (errors, probabilities)
    views = importlib.import_module("ionq_facade._generated.views")
    try:
        read_all(getattr(views, VIEWS["classes"][name]).from_dict(body), name)
    except Exception as exc:
        return [f"{where}: the view {VIEWS['classes'][name]} does not read it: {exc!r}"]
    return []


def read_all(view: object, schema: str) -> None:
    """Read every property the contract gives `schema`, and those of the views inside."""
    for key, prop in SPEC["components"]["schemas"][schema].get("properties", {}).items():
        value = getattr(view, VIEWS.get("renames", {}).get(f"{schema}.{key}", key))
        inner = prop.get("items", prop.get("additionalProperties", prop))
        if isinstance(inner, dict) and "$ref" in inner:
            name = inner["$ref"].rsplit("/", 1)[1]
            if name in VIEWS["classes"] and value is not None:
                nested = value.values() if isinstance(value, Mapping) else value
                for item in nested if isinstance(value, (tuple, Mapping)) else (value,):
                    read_all(item, name)


def to_json(parsed: object) -> object:
    """A generated model (or a list of them) back to JSON."""
    if isinstance(parsed, list):
        return [to_json(item) for item in parsed]
    to_dict = getattr(parsed, "to_dict", None)
    return to_dict() if callable(to_dict) else parsed


def body_models(op: Operation) -> tuple[type, ...]:
    """The generated model(s) of the operation's request body (a union: each member)."""
    annotation = inspect.signature(stock_endpoint(op)._get_kwargs).parameters["body"].annotation
    if get_origin(annotation) in (Union, types.UnionType):
        return tuple(get_args(annotation))
    return (annotation,)


def request_problems(op: Operation, raw: str) -> list[str]:
    where = f"{op.method} {op.path} request"
    if not raw:
        return [f"{where}: no body"] if op.body_required else []
    body = json.loads(raw)
    if op.body_validator is None:
        return [f"{where}: a body the contract does not describe"]
    problems = [f"{where}: {e.message}" for e in op.body_validator.iter_errors(body)]
    round_trips = []
    for model in body_models(op):
        try:
            round_trips.append(to_json(model.from_dict(body)))  # type: ignore[attr-defined]
        except (KeyError, TypeError, ValueError):
            continue
    if not any(same_json(again, body) for again in round_trips):
        problems.append(f"{where}: no generated model round-trips {raw}")
    return problems


def response_problems(op: Operation, response: dict[str, Any]) -> list[str]:
    status = response["status"]["code"]
    content: str = response["body"]["string"]
    headers = {name: values[0] for name, values in response["headers"].items()}
    problems = check_response(op, status, headers, content.encode())
    if problems:
        return problems
    where = f"{op.method} {op.path} -> {status}"
    body = json.loads(content)
    problems = view_problems(answer_schema(op, status), body, where)
    parsed = stock_endpoint(op)._parse_response(
        client=stock_client().Client(base_url="http://unused"),
        response=httpx.Response(status, content=content.encode(), headers=headers),
    )
    if parsed is None:
        return [*problems, f"{where}: the generated client has no model for this status"]
    again = to_json(parsed)
    if not same_json(again, body):
        problems.append(f"{where}: round trip changed {content} into {json.dumps(again)}")
    return problems


def cassette_problems(path: Path) -> list[str]:
    problems: list[str] = []
    for index, interaction in enumerate(interactions(path)):
        request = interaction["request"]
        op = match_operation(request["method"], urlsplit(request["uri"]).path)
        if op is None:
            problems.append(f"#{index}: {request['method']} {request['uri']} is no operation")
            continue
        found = request_problems(op, request["body"] or "")
        found += response_problems(op, interaction["response"])
        problems += [f"#{index}: {p}" for p in found]
    return problems


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: p.name)
def test_recorded_bodies_agree_with_models_and_contract(path: Path) -> None:
    assert cassette_problems(path) == []


def test_the_check_notices_a_body_the_contract_forbids() -> None:
    op = match_operation("POST", "/v0.4/jobs/job-1/clone")
    assert op is not None
    assert request_problems(op, '{"shots": 1}') == []
    assert request_problems(op, '{"shots": 0}') != []
    assert request_problems(op, '{"shotz": 1}') != []
    answer = {
        "status": {"code": 201},
        "headers": {"content-type": ["application/json"]},
        "body": {"string": '{"id": "job-2"}'},
    }
    assert response_problems(op, answer) == []
    answer["body"] = {"string": '{"status": "submitted"}'}
    assert response_problems(op, answer) != []
    answer["status"] = {"code": 418}
    assert response_problems(op, answer) != []


def test_the_check_notices_a_view_that_does_not_read_the_contract() -> None:
    job = {"$ref": "#/components/schemas/Job"}
    page = {"$ref": "#/components/schemas/JobList"}
    fits = {"id": "j", "status": "completed", "type": "ionq.circuit.v1", "backend": "simulator"}
    assert view_problems(job, fits, "here") == []
    # A lazily checked field (read only when asked for) and one inside a nested view.
    wrong = {**fits, "shots": "many"}
    assert "shots" in view_problems(job, wrong, "here")[0]
    assert view_problems(page, {"jobs": [fits], "next": None}, "here") == []
    assert view_problems(page, {"jobs": [wrong], "next": None}, "here") != []
    assert view_problems({"type": "array", "items": job}, [fits, wrong], "here") != []


def test_the_check_notices_a_tampered_cassette(tmp_path: Path) -> None:
    text = (CASSETTE_DIR / "jobs_lifecycle.yaml").read_text(encoding="utf-8")
    assert cassette_problems(CASSETTE_DIR / "jobs_lifecycle.yaml") == []
    # A job whose shots are a string: the contract says integer.
    tampered = tmp_path / "tampered.yaml"
    tampered.write_text(text.replace('"shots":200', '"shots":"200"', 1), encoding="utf-8")
    problems = cassette_problems(tampered)
    assert problems
    assert "shots" in problems[0]
