"""Waiting for jobs, without I/O: the poll schedule, the status tracker, the outcome.

The wait flows in `resources/_jobs_api.py` drive these; tests drive them directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from ._errors import (
    APIResponseValidationError,
    APITimeoutError,
    ArgumentTypeError,
    JobCanceledError,
    JobFailedError,
    JobTimeoutError,
)
from ._flow import Flow, now, within
from ._lifecycle import JobStatus, check_observed
from ._models import Job, JobRef

__all__ = ["DEFAULT_WAIT_TIMEOUT", "Backoff", "StatusTracker", "outcome", "poll"]

T = TypeVar("T")

# A wait always has a deadline: ten minutes unless the caller says otherwise.
DEFAULT_WAIT_TIMEOUT = 600.0


@dataclass(frozen=True, slots=True)
class Backoff:
    """Poll delays: `initial` seconds, growing by `factor`, never above `cap`."""

    initial: float = 1.0
    factor: float = 1.5
    cap: float = 10.0

    def __iter__(self) -> Iterator[float]:
        delay = self.initial
        cap = max(self.cap, self.initial)
        while True:
            yield delay
            delay = min(cap, delay * self.factor)


class StatusTracker:
    """The last status seen of each job; checks every observed change, reports it.

    Changes are checked against the last *known* status, so an unknown status in between
    neither hides nor causes a violation. `on_status` hears every change of the raw status
    (including the first sighting), not snapshots given by the caller.
    """

    __slots__ = ("_known", "_last", "_on_status", "_raw")

    def __init__(self, on_status: Callable[[Job], object] | None = None) -> None:
        if on_status is not None and not callable(on_status):
            raise ArgumentTypeError(
                f"on_status must be a callable or None, not {type(on_status).__name__}"
            )
        self._on_status = on_status
        self._known: dict[str, JobStatus] = {}
        self._last: dict[str, JobStatus] = {}
        self._raw: dict[str, str] = {}

    def seed(self, job: Job | JobRef) -> None:
        """Start from a snapshot the caller gave (no callback)."""
        if job.raw_status is None or job.status is None:
            return
        self._raw[job.id] = job.raw_status
        self._last[job.id] = job.status
        if job.status is not JobStatus.UNKNOWN:
            self._known[job.id] = job.status

    def observe(self, job: Job) -> None:
        """Record `job`; `LifecycleViolationError` if its status cannot follow the last."""
        ident = job.id
        status = job.status
        if status is not JobStatus.UNKNOWN:
            previous = self._known.get(ident)
            if previous is not None:
                check_observed(ident, previous, status)
            self._known[ident] = status
        self._last[ident] = status
        if self._raw.get(ident) != job.raw_status:
            self._raw[ident] = job.raw_status
            if self._on_status is not None:
                self._on_status(job)

    def last_status(self, job_id: str) -> JobStatus | None:
        """The status last seen (UNKNOWN if it was one the client does not know)."""
        return self._last.get(job_id)

    def last_raw_status(self, job_id: str) -> str | None:
        """The status last seen, as the server sent it."""
        return self._raw.get(job_id)


def outcome(job: Job) -> Job:
    """`job` if it completed; `JobFailedError`/`JobCanceledError` if it ended otherwise."""
    if job.status is JobStatus.FAILED:
        try:
            failure = job.failure
        except APIResponseValidationError:
            failure = None  # the failure is still reported, without its details
        code = failure.code if failure else None
        message = failure.message if failure else None
        detail = f": {code}: {message}" if failure else " (no failure details)"
        raise JobFailedError(
            f"job {job.id} failed{detail}", job=job, code=code, failure_message=message
        )
    if job.status is JobStatus.CANCELED:
        raise JobCanceledError(f"job {job.id} was canceled", job=job)
    return job


def poll(deadline: float, flow: Flow[T], timed_out: Callable[[], JobTimeoutError]) -> Flow[T]:
    """One poll of a wait: `flow`, done by the wait's `deadline` (each request it sends is
    cut off there, see `within`). A timeout once the deadline has passed is the wait's:
    `timed_out()` is raised, not the request's `APITimeoutError`."""
    try:
        return (yield from within(deadline, flow))
    except APITimeoutError as exc:
        if (yield from now()) < deadline:
            raise
        raise timed_out() from exc
