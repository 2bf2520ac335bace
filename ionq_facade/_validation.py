"""Argument checks, run before anything is sent.

Errors are `InvalidArgumentError` (a ValueError) or `ArgumentTypeError` (also a
TypeError), naming the argument; values that end up in a URL path are restricted to
id-like tokens so they can never walk to another endpoint.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import TypeAlias, get_args

from . import _lifecycle
from ._errors import ArgumentTypeError, InvalidArgumentError, InvalidTransitionError
from ._lifecycle import JobStatus, StatusName
from ._models import Job, JobRef

__all__ = [
    "MAX_SHOTS",
    "JobLike",
    "check_cancelable",
    "int_at_least",
    "job_id",
    "job_ids",
    "job_list",
    "known_status",
    "metadata",
    "optional_bool",
    "optional_str",
    "path_token",
    "shots",
    "status_filter",
    "wait_timeout",
]

# A job, by id or by snapshot.
JobLike: TypeAlias = "str | Job | JobRef"

MAX_SHOTS = 1_000_000
# UUIDs and similar opaque ids; no '/', '?', '%', whitespace or leading dot.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:~-]{0,127}")


def path_token(value: object, name: str) -> str:
    """A value safe to place in a URL path segment as is."""
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a str, not {type(value).__name__}")
    if not _TOKEN.fullmatch(value):
        raise InvalidArgumentError(
            f"{name} {value!r} is not a valid id (letters, digits, '.', '_', ':', '~', '-'; "
            "at most 128 characters)"
        )
    return value


def job_id(job: object) -> str:
    """The id of a job given by id or snapshot.

    A snapshot's id came from a server and is checked like any other: it goes into a URL
    path, where `abc/move?x=` would turn a clone into a move.
    """
    ident = job.id if isinstance(job, (Job, JobRef)) else job
    return path_token(ident, "job id")


def known_status(job: object) -> JobStatus | None:
    """The job's status when the caller gave a snapshot that knows it."""
    status = job.status if isinstance(job, (Job, JobRef)) else None
    return None if status is JobStatus.UNKNOWN else status


def check_cancelable(job: object, operation: str) -> str:
    """The job's id; `InvalidTransitionError` if its snapshot shows it cannot be canceled."""
    ident = job_id(job)
    status = known_status(job)
    # Read from the module each call, so the one table is the one place to change it.
    if status is not None and status not in _lifecycle.CANCELABLE:
        raise InvalidTransitionError(
            f"cannot {operation} job {ident}: it is {status.value}, and only "
            "submitted, ready or started jobs can be",
            job_id=ident,
            status=status,
            operation=operation,
        )
    return ident


def job_list(jobs: object, name: str = "jobs") -> list[object]:
    """A non-empty list of jobs (ids or snapshots), from any iterable but a single value."""
    if isinstance(jobs, (str, bytes, Job, JobRef)) or not isinstance(jobs, Iterable):
        raise ArgumentTypeError(f"{name} must be a sequence of job ids or jobs, not a single value")
    items = list(jobs)
    if not items:
        raise InvalidArgumentError(f"{name} must not be empty")
    return items


def job_ids(jobs: Iterable[object]) -> list[str]:
    """The distinct ids of `jobs` (see `job_list`), in the given order."""
    return list(dict.fromkeys(job_id(j) for j in jobs))


def shots(value: object) -> int:
    if type(value) is not int:
        raise ArgumentTypeError(f"shots must be an int, not {type(value).__name__}")
    if not 1 <= value <= MAX_SHOTS:
        raise InvalidArgumentError(f"shots must be between 1 and {MAX_SHOTS:,}, not {value:,}")
    return value


def int_at_least(value: object, name: str, least: int = 1, most: int | None = None) -> int:
    if type(value) is not int:
        raise ArgumentTypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < least:
        raise InvalidArgumentError(f"{name} must be at least {least}, not {value}")
    if most is not None and value > most:
        raise InvalidArgumentError(f"{name} must be at most {most}, not {value}")
    return value


def metadata(value: object) -> dict[str, str]:
    """Job metadata: a mapping of str to str (the API stores strings only)."""
    if not isinstance(value, Mapping):
        raise ArgumentTypeError(
            f"metadata must be a mapping of str to str, not {type(value).__name__}"
        )
    checked: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise ArgumentTypeError(f"metadata keys must be str, not {type(key).__name__}")
        if not isinstance(item, str):
            raise ArgumentTypeError(
                f"metadata[{key!r}] must be a str, not {type(item).__name__} "
                "(the API stores strings only; convert it first)"
            )
        checked[key] = item
    return checked


def optional_str(value: object, name: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a str, not {type(value).__name__}")
    return value


def optional_bool(value: object, name: str) -> bool | None:
    if value is not None and type(value) is not bool:
        raise ArgumentTypeError(f"{name} must be a bool, not {type(value).__name__}")
    return value


def status_filter(value: object) -> str:
    """A status to filter by, as the API spells it; one the contract does not know is
    refused here (a server answers it with an empty listing, which reads as "no jobs")."""
    if not isinstance(value, str):
        raise ArgumentTypeError(f"status must be a JobStatus or a str, not {value!r}")
    if isinstance(value, JobStatus) and value is not JobStatus.UNKNOWN:
        return value.value
    if value in get_args(StatusName):
        return str(value)
    known = ", ".join(get_args(StatusName))
    raise InvalidArgumentError(f"unknown status {str(value)!r}: one of {known}")


def wait_timeout(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ArgumentTypeError(f"timeout must be a number of seconds, not {type(value).__name__}")
    if not (value > 0 and math.isfinite(value)):
        raise InvalidArgumentError(f"timeout must be a positive, finite number, not {value}")
    return float(value)
