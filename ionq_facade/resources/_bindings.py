"""Which definition each resource method binds: the one table the resource classes come from.

`scripts/regenerate` (step `scripts/resources_codegen.py`) writes `jobs.py`, `backends.py`
and `sessions.py` from this table: for each resource the sync class, its async twin and
their raw-response twins, as real methods with the definition's exact signature and
docstring, so type checkers read them and the twins cannot drift apart (`--check`).

To add a method: define it (a function returning a `Call`, a flow taking `ClientOptions`
first, or a `PageCall`), add a line here, run `scripts/regenerate`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, Literal

from ionq_facade._reconcile import reconcile as _reconcile

from . import _backend_calls as backend_define
from . import _job_calls as define
from . import _session_calls as session_define

__all__ = ["RESOURCES", "Bind", "Resource", "call", "flow", "pages"]


@dataclass(frozen=True)
class Bind:
    """How a method runs its definition: one request (`call`, also on the raw-response
    twin), a flow of several (`flow`), or a lazy pager (`pages`)."""

    kind: Literal["call", "flow", "pages"]
    define: Callable[..., object]


def call(define: Callable[..., object]) -> Bind:
    return Bind("call", define)


def flow(define: Callable[..., object]) -> Bind:
    return Bind("flow", define)


def pages(define: Callable[..., object]) -> Bind:
    return Bind("pages", define)


@dataclass(frozen=True)
class Resource:
    """`name` is the sync class; `Async<name>`, `<name>WithRawResponse` follow from it."""

    module: str  # the generated module under ionq_facade/resources/
    name: str
    methods: Mapping[str, Bind]


RESOURCES: Final[tuple[Resource, ...]] = (
    Resource(
        "jobs",
        "Jobs",
        {
            "create": call(define.create),
            "get": call(define.get),
            "list": pages(define.list_jobs),
            "list_page": call(define.list_page),
            "cancel": call(define.cancel),
            "cancel_many": call(define.cancel_many),
            "delete": call(define.delete),
            "delete_many": call(define.delete_many),
            "cost": call(define.cost),
            "estimate": call(define.estimate),
            "probabilities": call(define.probabilities),
            "child_probabilities": call(define.child_probabilities),
            "artifact": call(define.artifact),
            "clone": call(define.clone),
            "move": call(define.move),
            "wait": flow(define.wait),
            "wait_many": flow(define.wait_many),
            "reconcile": flow(_reconcile),  # (bounds: JobMayExistError; not a job call)
            "histogram": flow(define.histogram),
            "shots": flow(define.shots),
            "register_probabilities": flow(define.register_probabilities),
            "register_histogram": flow(define.register_histogram),
            "register_shots": flow(define.register_shots),
            "compiled": flow(define.compiled),
        },
    ),
    Resource(
        "backends",
        "Backends",
        {
            "list": call(backend_define.list_backends),
            "get": call(backend_define.get_backend),
        },
    ),
    Resource(
        "backends",
        "Characterizations",
        {
            "list": call(backend_define.list_characterizations),
            "get": call(backend_define.get_characterization),
        },
    ),
    Resource(
        "sessions",
        "Sessions",
        {
            "create": call(session_define.create_session),
            "get": call(session_define.get_session),
            "list": call(session_define.list_sessions),
            "end": call(session_define.end_session),
            "jobs": pages(session_define.session_jobs),
        },
    ),
)
