"""The job lifecycle: generated from openapi.yaml (`JobStatus.x-lifecycle`) by
scripts/regenerate; never edit by hand.

The job lifecycle, from IonQ's job structure with one correction: a new job comes back
`submitted`, and the two queued states (`submitted`, `ready`) occur in either order. A
poller can miss intermediate states, so an observed change is legal when the new state
is reachable from the old one.
"""

from __future__ import annotations

import enum
from typing import Literal, TypeAlias

# Every status name the contract knows, aliases included (a filter takes these).
StatusName: TypeAlias = Literal[
    "submitted", "ready", "started", "running", "completed", "failed", "canceled"
]


class JobStatus(enum.StrEnum):
    """A job's status. `UNKNOWN` stands for any value this client does not know."""

    __module__ = "ionq_facade"

    SUBMITTED = "submitted"
    READY = "ready"
    STARTED = "started"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELED = "canceled"
    UNKNOWN = "unknown"

    @classmethod
    def _missing_(cls, value: object) -> JobStatus | None:
        """`JobStatus("running")` is its alias's status, an unknown string UNKNOWN."""
        return parse_status(value) if isinstance(value, str) else None

    @property
    def is_terminal(self) -> bool:
        """The status never changes again."""
        return self in TERMINAL

    @property
    def is_cancelable(self) -> bool:
        """Cancel and move are allowed from this status."""
        return self in CANCELABLE

    @property
    def is_pending(self) -> bool:
        """Queued, not yet started."""
        return self in PENDING


S = JobStatus

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

# Parsing is on the hot path (1,000 jobs a page): one dict lookup per status.
_BY_NAME: dict[str, JobStatus] = {s.value: s for s in JobStatus if s is not S.UNKNOWN}
_BY_NAME.update(ALIASES)


def parse_status(raw: str) -> JobStatus:
    """The status an API string names; an alias its status, anything else UNKNOWN."""
    return _BY_NAME.get(raw, S.UNKNOWN)
