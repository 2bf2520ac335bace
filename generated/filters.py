"""The filters of the job listings, as keywords: generated from openapi.yaml (each
list operation's query parameters) by scripts/regenerate; never edit by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypedDict

from ionq_facade._generated.lifecycle import JobStatus, StatusName
from ionq_facade._generated.views import Job, JobRef


class JobFilters(TypedDict, total=False):
    """Filters of `listJobs` (list the project's jobs, newest first, a page at a time),
    as keywords; a filter not given is not sent. `target` is a backend or several;
    `limit` is the page size."""

    ids: Iterable[str | Job | JobRef] | None
    parent_job_id: str | None
    status: JobStatus | StatusName | None
    target: str | Sequence[str] | None
    session_id: str | None
    submitter_id: str | None
    limit: int | None


class SessionJobFilters(TypedDict, total=False):
    """Filters of `listSessionJobs` (list the jobs of one session, a page at a time), as
    keywords; a filter not given is not sent. `target` is a backend or several; `limit`
    is the page size."""

    ids: Iterable[str | Job | JobRef] | None
    parent_job_id: str | None
    status: JobStatus | StatusName | None
    target: str | Sequence[str] | None
    submitter_id: str | None
    limit: int | None
