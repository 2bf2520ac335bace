"""The job lifecycle: what follows from the ONE transition table.

`JobStatus` and the tables are generated from `JobStatus.x-lifecycle` in openapi.yaml
(`ionq_facade._generated.lifecycle`). A poller can miss intermediate states, so an observed
change is legal when the new state is reachable from the old one; statuses the client does not
know are kept as `JobStatus.UNKNOWN` and are neither legal nor illegal.
"""

from __future__ import annotations

from ionq_facade._generated.lifecycle import (
    ALIASES,
    CANCELABLE,
    INITIAL,
    PENDING,
    TERMINAL,
    TRANSITIONS,
    JobStatus,
    StatusName,
    parse_status,
)

from ._errors import LifecycleViolationError

__all__ = [
    "ALIASES",
    "CANCELABLE",
    "INITIAL",
    "PENDING",
    "TERMINAL",
    "TRANSITIONS",
    "JobStatus",
    "StatusName",
    "check_observed",
    "is_reachable",
    "parse_status",
]

S = JobStatus


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
