"""Checking answers against the contract: status documented, body valid, headers present.

Used by the emulator itself (``validate_responses=True`` records every violation) and by
tests on what a client received over the wire. One function decides, for both.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from ionq_emulator.spec import API_PREFIX, Operation, Spec, load_spec

__all__ = ["check_response", "match_operation"]


@cache
def _patterns(spec: Spec) -> list[tuple[re.Pattern[str], Operation]]:
    found = []
    for op in spec.operations.values():
        regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(op.path))
        found.append((re.compile(f"^{regex}$"), op))
    # Literal segments win over parameters: /jobs/estimate is not /jobs/{UUID}.
    found.sort(key=lambda item: item[1].path.count("{"))
    return found


def match_operation(method: str, path: str, spec: Spec | None = None) -> Operation | None:
    """The operation serving ``method path`` (path with or without the API prefix)."""
    spec = spec or load_spec()
    path = path.removeprefix(API_PREFIX) or "/"
    method = "GET" if method.upper() == "HEAD" else method.upper()
    for pattern, op in _patterns(spec):
        if op.method == method and pattern.match(path):
            return op
    return None


def check_response(
    op: Operation, status: int, headers: Mapping[str, str], body: bytes | Any
) -> list[str]:
    """Every way this answer breaks the contract (empty when it conforms)."""
    where = f"{op.method} {op.path} -> {status}"
    if status not in op.responses:
        return [f"{where}: status {status} is not documented"]
    problems: list[str] = []
    lowered = {k.lower(): v for k, v in headers.items()}
    for name in op.response_headers.get(status, ()):
        if name.lower() not in lowered:
            problems.append(f"{where}: missing header {name}")
    validator = op.responses[status]
    if validator is None:
        return problems
    if "application/json" not in lowered.get("content-type", "application/json"):
        problems.append(f"{where}: content-type {lowered['content-type']!r} is not JSON")
    if isinstance(body, bytes | bytearray):
        try:
            body = json.loads(body)
        except ValueError as exc:
            return [*problems, f"{where}: body is not JSON ({exc})"]
    problems.extend(
        f"{where}: {'/'.join(map(str, e.absolute_path)) or 'body'}: {e.message}"
        for e in validator.iter_errors(body)
    )
    return problems
