"""What each session operation sends and how its answer is read: no I/O (bound to the
clients by `_bindings.py`)."""

from __future__ import annotations

from typing import Unpack

from ionq_facade import _validation as v
from ionq_facade._config import TimeoutTypes
from ionq_facade._errors import ArgumentTypeError
from ionq_facade._flow import Call, given
from ionq_facade._generated.tables import Key
from ionq_facade._models import CostLimit, Session, SessionList
from ionq_facade._pagination import PageCall, SessionJobFilters

from ._job_calls import job_filters, pages

__all__ = [
    "create_session",
    "end_session",
    "get_session",
    "list_sessions",
    "session_jobs",
]


def _session_id(session: str | Session) -> str:
    ident = session.id if isinstance(session, Session) else session
    return v.path_token(ident, "session id")


def create_session(
    backend: str,
    *,
    job_count_limit: int | None = None,
    duration_limit_min: int | None = None,
    cost_limit: CostLimit | None = None,
    timeout: TimeoutTypes | None = None,
) -> Call[Session]:
    """Open a session on `backend`, optionally capped by job count, minutes or cost.

    Retried once sent only if the server dedupes it (it may be billed; see `IonQ`)."""
    if cost_limit is not None and not isinstance(cost_limit, CostLimit):
        raise ArgumentTypeError("cost_limit must be a CostLimit")
    settings: dict[str, object] = {}
    if job_count_limit is not None:
        settings[Key.JOB_COUNT_LIMIT] = v.int_at_least(job_count_limit, Key.JOB_COUNT_LIMIT)
    if duration_limit_min is not None:
        settings[Key.DURATION_LIMIT_MIN] = v.int_at_least(
            duration_limit_min, Key.DURATION_LIMIT_MIN
        )
    if cost_limit is not None:
        settings[Key.COST_LIMIT] = cost_limit.to_dict()
    body: dict[str, object] = {Key.BACKEND: v.path_token(backend, Key.BACKEND)}
    if settings:
        body[Key.SETTINGS] = settings
    from ionq_facade._generated.api.sessions import create_session as endpoint

    request = endpoint._get_kwargs(body=body)
    return Call.of(request, Session._parse, creating=True, timeout=timeout)


def get_session(session: str | Session, *, timeout: TimeoutTypes | None = None) -> Call[Session]:
    """One session."""
    from ionq_facade._generated.api.sessions import get_session as endpoint

    return Call.of(endpoint._get_kwargs(_session_id(session)), Session._parse, timeout=timeout)


def list_sessions(
    *, active: bool | None = None, timeout: TimeoutTypes | None = None
) -> Call[tuple[Session, ...]]:
    """The project's sessions; `active=True` for open ones only."""
    from ionq_facade._generated.api.sessions import list_sessions as endpoint

    request = endpoint._get_kwargs(active=given(v.optional_bool(active, Key.ACTIVE)))
    return Call.of(request, _sessions, timeout=timeout)


def _sessions(value: object) -> tuple[Session, ...]:
    return SessionList._parse(value).sessions


def end_session(session: str | Session, *, timeout: TimeoutTypes | None = None) -> Call[Session]:
    """End a session; its queued jobs are not affected."""
    from ionq_facade._generated.api.sessions import end_session as endpoint

    return Call.of(endpoint._get_kwargs(_session_id(session)), Session._parse, timeout=timeout)


def session_jobs(
    session: str | Session,
    *,
    timeout: TimeoutTypes | None = None,
    **filters: Unpack[SessionJobFilters],
) -> PageCall:
    """The jobs of one session (filters as for `jobs.list`, but `session_id`): iterate for
    jobs across pages, or `.pages()`."""
    from ionq_facade._generated.api.sessions import list_session_jobs as endpoint

    ident = _session_id(session)
    checked = job_filters(filters, SessionJobFilters.__optional_keys__)
    return pages(
        lambda cursor: endpoint._get_kwargs(ident, **checked, next_=given(cursor)), timeout
    )
