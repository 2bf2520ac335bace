"""Whatever JSON a server sends, the only error that escapes is the typed one."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ionq_facade import APIResponseValidationError, Circuit, IonQ, Job

from .conftest import FakeAPI, FakeClock, job_json, make_client

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=10,
)
KEYS = [
    "id",
    "status",
    "type",
    "backend",
    "jobs",
    "next",
    "ids",
    "dry_run",
    "estimated_cost",
    "value",
    "unit",
    "0",
    "3",
    "key_id",
    "key_name",
    "sessions",
    "characterizations",
]
# Bodies that look nearly right are the interesting ones: known keys, random values.
near_miss = st.dictionaries(st.sampled_from(KEYS), json_values, max_size=6)

CALLS: dict[str, tuple[str, str, Callable[[IonQ], object]]] = {
    "get": ("GET", "/jobs/j-1", lambda c: c.jobs.get("j-1")),
    "list": ("GET", "/jobs", lambda c: c.jobs.list().first_page()),
    "create": ("POST", "/jobs", lambda c: c.jobs.create(Circuit(1), backend="simulator")),
    "clone": ("POST", "/jobs/j-1/clone", lambda c: c.jobs.clone("j-1")),
    "cancel": ("PUT", "/jobs/j-1/status/cancel", lambda c: c.jobs.cancel("j-1")),
    "cancel_many": ("PUT", "/jobs/status/cancel", lambda c: c.jobs.cancel_many(["j-1"])),
    "delete": ("DELETE", "/jobs/j-1", lambda c: c.jobs.delete("j-1")),
    "cost": ("GET", "/jobs/j-1/cost", lambda c: c.jobs.cost("j-1")),
    "estimate": ("GET", "/jobs/estimate", lambda c: c.jobs.estimate(backend="simulator")),
    "probabilities": (
        "GET",
        "/jobs/j-1/results/probabilities",
        lambda c: c.jobs.probabilities("j-1"),
    ),
    "children": (
        "GET",
        "/jobs/j-1/results/probabilities",
        lambda c: c.jobs.child_probabilities("j-1"),
    ),
    "artifact": ("GET", "/jobs/j-1/artifacts/a-1", lambda c: c.jobs.artifact("j-1", "a-1")),
    "whoami": ("GET", "/whoami", lambda c: c.whoami()),
    "backends": ("GET", "/backends", lambda c: c.backends.list()),
    "backend": ("GET", "/backends/simulator", lambda c: c.backends.get("simulator")),
    "characterizations": (
        "GET",
        "/backends/simulator/characterizations",
        lambda c: c.characterizations.list("simulator"),
    ),
    "sessions": ("GET", "/sessions", lambda c: c.sessions.list()),
    "session": ("GET", "/sessions/s-1", lambda c: c.sessions.get("s-1")),
}


@pytest.mark.parametrize("name", sorted(CALLS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=json_values | near_miss)
def test_any_body_parses_or_raises_the_typed_error(name: str, body: Any) -> None:
    method, path, call = CALLS[name]
    api = FakeAPI().on(method, path, httpx.Response(200, content=json.dumps(body).encode()))
    with make_client(api, FakeClock()) as client:
        error: APIResponseValidationError | None = None
        try:
            call(client)
        except APIResponseValidationError as exc:
            error = exc
    if error is not None:
        assert error.body == json.dumps(body).encode()


LAZY = [
    "name",
    "shots",
    "dry_run",
    "metadata",
    "submitter_id",
    "project_id",
    "parent_job_id",
    "session_id",
    "child_job_ids",
    "submitted_at",
    "started_at",
    "completed_at",
    "predicted_wait_time_ms",
    "predicted_execution_duration_ms",
    "execution_duration_ms",
    "cost_model",
    "noise",
    "settings",
    "failure",
    "stats",
    "results",
    "output",
]


@settings(max_examples=150, deadline=None)
@given(extra=st.dictionaries(st.sampled_from(LAZY), json_values, max_size=6))
def test_every_lazy_field_reads_or_raises_the_typed_error(extra: dict[str, Any]) -> None:
    job = Job.from_dict(job_json("j-1", "completed", **extra))
    for field in LAZY:
        message = field
        try:
            getattr(job, field)
        except APIResponseValidationError as exc:
            message = str(exc)
        assert field in message
