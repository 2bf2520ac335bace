"""Checking answers against the contract: status documented, body valid, headers present.

Used by the emulator itself (``validate_responses=True`` records every violation), by
tests on what a client received over the wire, and by the cassette checker
(``ionq_emulator.cassettes``). One function decides, for all: ``response_problems``
(each with the JSON path it is about), which ``check_response`` renders as lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from ionq_emulator.spec import API_PREFIX, Operation, Spec, load_spec

__all__ = ["check_response", "json_path", "match_operation", "match_route", "response_problems"]


@cache
def _patterns(spec: Spec) -> list[tuple[re.Pattern[str], Operation]]:
    found = []
    for op in spec.operations.values():
        regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(op.path))
        found.append((re.compile(f"^{regex}$"), op))
    # Literal segments win over parameters: /jobs/estimate is not /jobs/{UUID}.
    found.sort(key=lambda item: item[1].path.count("{"))
    return found


def match_route(
    method: str, path: str, spec: Spec | None = None
) -> tuple[Operation, dict[str, str]] | None:
    """The operation serving ``method path`` (with or without the API prefix) and its
    path parameters."""
    spec = spec or load_spec()
    path = path.removeprefix(API_PREFIX) or "/"
    method = "GET" if method.upper() == "HEAD" else method.upper()
    for pattern, op in _patterns(spec):
        found = pattern.match(path) if op.method == method else None
        if found is not None:
            return op, found.groupdict()
    return None


def match_operation(method: str, path: str, spec: Spec | None = None) -> Operation | None:
    """The operation serving ``method path`` (path with or without the API prefix)."""
    route = match_route(method, path, spec)
    return None if route is None else route[0]


def json_path(parts: Iterable[str | int]) -> str:
    """``$.results.probabilities.url``, ``$.jobs[3].id``; ``$`` for the whole value."""
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def response_problems(
    op: Operation, status: int, headers: Mapping[str, str], body: bytes | Any
) -> list[tuple[str, str]]:
    """Every way this answer breaks the contract, as (JSON path, message) pairs; the path
    is ``$`` for what concerns the whole answer (status, headers, not JSON)."""
    if status not in op.responses:
        return [("$", f"status {status} is not documented")]
    problems: list[tuple[str, str]] = []
    lowered = {k.lower(): v for k, v in headers.items()}
    for name in op.response_headers.get(status, ()):
        if name.lower() not in lowered:
            problems.append(("$", f"missing header {name}"))
    validator = op.responses[status]
    if validator is None:
        return problems
    if "application/json" not in lowered.get("content-type", "application/json"):
        problems.append(("$", f"content-type {lowered['content-type']!r} is not JSON"))
    if isinstance(body, bytes | bytearray):
        try:
            body = json.loads(body)
        except ValueError as exc:
            return [*problems, ("$", f"body is not JSON ({exc})")]
    problems.extend((json_path(e.absolute_path), e.message) for e in validator.iter_errors(body))
    return problems


def check_response(
    op: Operation, status: int, headers: Mapping[str, str], body: bytes | Any
) -> list[str]:
    """Every way this answer breaks the contract, one line each (empty when it conforms)."""
    where = f"{op.method} {op.path} -> {status}"
    return [
        f"{where}: {message}" if path == "$" else f"{where}: {path}: {message}"
        for path, message in response_problems(op, status, headers, body)
    ]
