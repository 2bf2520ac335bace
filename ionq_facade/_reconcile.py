"""Finding the job a `JobMayExistError` request may have made: `client.jobs.reconcile`.

The request got no answer, so its job's id is unknown; what is known is what it sent
and when. The job it made, if any, was submitted after that (give or take the clocks'
skew) and carries what was sent: name, metadata, backend, shots, session; for a move,
`metadata.original_job_id`. The listing is read newest first back to that time. Only
a request that carried something distinctive (a name or metadata; a move's source) can
be told apart from other jobs submitted meanwhile: otherwise, or with several
matches, the answer is "undecidable", with the candidates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from ionq_facade._generated.tables import Key

from ._config import ClientOptions
from ._errors import ArgumentTypeError, JobMayExistError
from ._flow import Call, Flow, given
from ._models import Job, JobPage, Session, SessionList
from ._pagination import CursorTrail
from ._transport import call_flow

__all__ = ["Reconciliation", "reconcile"]

# Seconds the server's clock may be behind ours: jobs submitted up to this long before
# the request was sent are still looked at.
CLOCK_SKEW = 300.0
_PAGE = 1000  # per page asked for (a server may cap it; the cursor is followed anyway)
_MAX_PAGES = 20

Outcome = Literal["found", "not_found", "undecidable"]


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """What `jobs.reconcile` found for a `JobMayExistError`.

    `outcome` is "found" (`job` is the one the request made), "not_found" (nothing the
    request could have made was submitted since it was sent, as far as the listing
    shows now) or "undecidable" (`candidates` holds what matched; `reason` says why
    it cannot be told). For a session create, `job` and `candidates` hold sessions.
    """

    outcome: Outcome
    job: Job | Session | None
    candidates: tuple[Job | Session, ...]
    reason: str


def reconcile(
    options: ClientOptions, error: JobMayExistError, *, clock_skew: float = CLOCK_SKEW
) -> Flow[Reconciliation]:
    """Look for the job (or session) the request behind `error` made, if it made one.

    Reads the job listing newest first back to `error.sent_at - clock_skew` (at most
    20,000 jobs) and matches what the request sent. See `Reconciliation` for the answer.
    """
    if not isinstance(error, JobMayExistError):
        raise ArgumentTypeError(f"reconcile takes a JobMayExistError, not {type(error).__name__}")
    since = error.sent_at - timedelta(seconds=clock_skew)
    if error.operation == "sessions.create":
        return (yield from _sessions(options, error, since))
    sent = error.sent_body if isinstance(error.sent_body, Mapping) else {}
    wanted = _Wanted(sent, error)
    trail = CursorTrail()
    cursor: str | None = None
    from ionq_facade._generated.api.jobs import list_jobs  # lazily, as every endpoint (import time)

    backend = sent.get(Key.BACKEND)
    target = backend if isinstance(backend, str) else None
    candidates: list[Job | Session] = []
    for _ in range(_MAX_PAGES):
        request = list_jobs._get_kwargs(limit=_PAGE, target=given(target), next_=given(cursor))
        page = yield from call_flow(options, Call.of(request, JobPage._parse))
        reached = False
        for job in page.jobs:
            submitted = job.submitted_at
            if submitted is not None and _aware(submitted) < since:
                reached = True
                break
            if wanted.matches(job):
                candidates.append(job)
        cursor = None if reached else trail.follow(page)
        if cursor is None:
            break
    else:
        return Reconciliation(
            "undecidable",
            None,
            tuple(candidates),
            f"the listing did not reach back to {since.isoformat()} within "
            f"{_MAX_PAGES * _PAGE:,} jobs",
        )
    return _decide(candidates, wanted.distinctive, since)


class _Wanted:
    """What the job made by the request must carry."""

    __slots__ = ("distinctive", "error", "fields", "metadata", "source")

    def __init__(self, sent: Mapping[str, object], error: JobMayExistError) -> None:
        self.error = error
        self.source = error.source_job_id
        compared = (Key.NAME, Key.BACKEND, Key.SHOTS, Key.SESSION_ID)
        self.fields = {k: sent[k] for k in compared if k in sent}
        metadata = sent.get(Key.METADATA)
        self.metadata = dict(metadata) if isinstance(metadata, Mapping) else {}
        if error.operation == "move" and self.source is not None:
            self.metadata["original_job_id"] = self.source
        self.distinctive = Key.NAME in self.fields or bool(self.metadata)

    def matches(self, job: Job) -> bool:
        if job.id == self.source:
            return False
        # A Job's attributes are named as its JSON fields.
        if any(getattr(job, k) != v for k, v in self.fields.items()):
            return False
        metadata = job.metadata or {}
        return all(metadata.get(k) == v for k, v in self.metadata.items())


_PLAIN_JOB = "the request carried no name or metadata to tell its job from others"
_PLAIN_SESSION = "a session carries nothing that tells which request made it"


def _decide(
    candidates: Sequence[Job | Session],
    distinctive: bool,
    since: datetime,
    plain: str = _PLAIN_JOB,
) -> Reconciliation:
    found = tuple(candidates)
    if not found:
        return Reconciliation(
            "not_found",
            None,
            (),
            f"nothing the request could have made was submitted since {since.isoformat()}",
        )
    if len(found) == 1 and distinctive:
        return Reconciliation("found", found[0], found, "the one match of what was sent")
    why = f"{len(found)} match what was sent" if distinctive else plain
    return Reconciliation("undecidable", None, found, why)


def _sessions(
    options: ClientOptions, error: JobMayExistError, since: datetime
) -> Flow[Reconciliation]:
    from ionq_facade._generated.api.sessions import list_sessions

    request = list_sessions._get_kwargs()
    sessions = (yield from call_flow(options, Call.of(request, SessionList._parse))).sessions
    sent = error.sent_body if isinstance(error.sent_body, Mapping) else {}
    backend = sent.get(Key.BACKEND)
    candidates = [
        s
        for s in sessions
        if (backend is None or s.backend == backend)
        and (s.created_at is None or _aware(s.created_at) >= since)
    ]
    return _decide(candidates, False, since, _PLAIN_SESSION)


def _aware(when: datetime) -> datetime:
    """`when` as an aware time (a naive one taken as UTC, as the API sends them)."""
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)
