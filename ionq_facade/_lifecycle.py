"""The job lifecycle: statuses and the ONE transition table.

The table mirrors `components.schemas.JobStatus.x-lifecycle` in openapi.yaml (a test
compares them). A poller can miss intermediate states, so an observed change is legal
when the new state is reachable from the old one; statuses the client does not know are
kept as `JobStatus.UNKNOWN` and are neither legal nor illegal.
"""

from __future__ import annotations

import enum

from ._errors import LifecycleViolationError

__all__ = [
    "ALIASES",
    "CANCELABLE",
    "INITIAL",
    "PENDING",
    "TERMINAL",
    "TRANSITIONS",
    "JobStatus",
    "check_observed",
    "is_reachable",
    "parse_status",
]


class JobStatus(enum.StrEnum):
    """A job's status. `UNKNOWN` stands for any value this client does not know."""

    SUBMITTED = "submitted"
    READY = "ready"
    STARTED = "started"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELED = "canceled"
    UNKNOWN = "unknown"

    @classmethod
    def _missing_(cls, value: object) -> JobStatus | None:
        """`JobStatus("running")` is STARTED and an unknown string UNKNOWN: never a ValueError."""
        return parse_status(value) if isinstance(value, str) else None

    @property
    def is_terminal(self) -> bool:
        """Completed, failed or canceled: the status never changes again."""
        return self in TERMINAL

    @property
    def is_cancelable(self) -> bool:
        """Cancel and move are allowed from this status."""
        return self in CANCELABLE

    @property
    def is_pending(self) -> bool:
        """Queued: submitted or ready."""
        return self in PENDING


S = JobStatus

# The older API name `running` is the same state as `started`.
ALIASES: dict[str, JobStatus] = {"running": S.STARTED}

INITIAL: frozenset[JobStatus] = frozenset({S.SUBMITTED, S.READY})
PENDING: frozenset[JobStatus] = frozenset({S.SUBMITTED, S.READY})
CANCELABLE: frozenset[JobStatus] = frozenset({S.SUBMITTED, S.READY, S.STARTED})
TERMINAL: frozenset[JobStatus] = frozenset({S.COMPLETED, S.FAILED, S.CANCELED})
TRANSITIONS: frozenset[tuple[JobStatus, JobStatus]] = frozenset(
    {
        (S.SUBMITTED, S.READY),
        (S.READY, S.SUBMITTED),
        (S.SUBMITTED, S.STARTED),
        (S.READY, S.STARTED),
        (S.STARTED, S.COMPLETED),
        (S.STARTED, S.FAILED),
        (S.SUBMITTED, S.CANCELED),
        (S.READY, S.CANCELED),
        (S.STARTED, S.CANCELED),
    }
)


def _closure() -> dict[JobStatus, frozenset[JobStatus]]:
    """Every state reachable in one or more steps, per state."""
    reach: dict[JobStatus, set[JobStatus]] = {s: set() for s in JobStatus}
    for source, target in TRANSITIONS:
        reach[source].add(target)
    changed = True
    while changed:
        changed = False
        for targets in reach.values():
            extra = set().union(*(reach[t] for t in targets)) - targets
            if extra:
                targets |= extra
                changed = True
    return {s: frozenset(t) for s, t in reach.items()}


_REACHABLE = _closure()

# Parsing is on the hot path (1,000 jobs a page): one dict lookup per status.
_BY_NAME: dict[str, JobStatus] = {s.value: s for s in JobStatus if s is not S.UNKNOWN}
_BY_NAME.update(ALIASES)


def parse_status(raw: str) -> JobStatus:
    """The status for an API string; `running` is `STARTED`, anything unknown `UNKNOWN`."""
    return _BY_NAME.get(raw, S.UNKNOWN)


def is_reachable(previous: JobStatus, current: JobStatus) -> bool | None:
    """Whether `current` may follow `previous` (no change is fine); None if either is unknown."""
    if previous is S.UNKNOWN or current is S.UNKNOWN:
        return None
    return previous is current or current in _REACHABLE[previous]


def check_observed(job_id: str, previous: JobStatus, current: JobStatus) -> None:
    """Raise `LifecycleViolationError` when the observed change is impossible."""
    if is_reachable(previous, current) is False:
        raise LifecycleViolationError(
            f"job {job_id} went from {previous.value} to {current.value}, "
            "which the job lifecycle does not allow",
            job_id=job_id,
            previous=previous,
            current=current,
        )
