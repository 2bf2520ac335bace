"""Job snapshots: `Job`, `JobRef`, `JobPage` and the small types a job reports.

A page can hold 1,000 jobs, so `Job` checks only the fields every job has (id, status,
type, backend) when built and parses the rest on first access, from the decoded JSON it
keeps, caching the result. A malformed lazy field raises `APIResponseValidationError`
when read; it never breaks reading the other fields.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Generic, NoReturn, TypeVar, cast, overload

from . import _parse as p
from ._errors import APIResponseValidationError, ArgumentTypeError
from ._lifecycle import JobStatus, parse_status
from ._settings import Noise, Settings

__all__ = [
    "Job",
    "JobFailure",
    "JobPage",
    "JobRef",
    "JobResults",
    "JobStats",
    "ResultArtifact",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class JobFailure:
    """Why a job failed: `code` (e.g. `CompilationError`) and a message."""

    code: str
    message: str

    @classmethod
    def _from_json(cls, value: object, what: str) -> JobFailure | None:
        if value is None:
            return None
        data = p.obj(value, what)
        return cls(
            code=p.req_str(data.get("code"), f"{what}.code"),
            message=p.req_str(data.get("message"), f"{what}.message"),
        )


@dataclass(frozen=True, slots=True)
class JobStats:
    """Execution statistics of a job; absent values are None."""

    qubits: int | None
    circuits: int | None
    gate_counts: Mapping[str, float]
    kwh: float | None
    predicted_quantum_compute_time_us: int | None
    billed_quantum_compute_time_us: int | None

    @classmethod
    def _from_json(cls, value: object, what: str) -> JobStats | None:
        if value is None:
            return None
        data = p.obj(value, what)
        counts = p.obj(data.get("gate_counts") or {}, f"{what}.gate_counts")
        return cls(
            qubits=p.opt_int(data.get("qubits"), f"{what}.qubits"),
            circuits=p.opt_int(data.get("circuits"), f"{what}.circuits"),
            gate_counts=MappingProxyType(
                {k: p.req_float(v, f"{what}.gate_counts.{k}") for k, v in counts.items()}
            ),
            kwh=p.opt_float(data.get("kwh"), f"{what}.kwh"),
            predicted_quantum_compute_time_us=p.opt_int(
                data.get("predicted_quantum_compute_time_us"),
                f"{what}.predicted_quantum_compute_time_us",
            ),
            billed_quantum_compute_time_us=p.opt_int(
                data.get("billed_quantum_compute_time_us"),
                f"{what}.billed_quantum_compute_time_us",
            ),
        )


@dataclass(frozen=True, slots=True)
class ResultArtifact:
    """A downloadable result: pass `id` to `jobs.artifact(job, id)`."""

    id: str
    format: str
    media_type: str


@dataclass(frozen=True, slots=True)
class JobResults:
    """Where a job's results are. The API has served two shapes, also both at once; all
    are read.

    `links` holds the short-name links (`probabilities`, `histogram`, `shots` -> URL path
    relative to the API host), `probabilities_url` the first of them; `artifacts` the
    descriptors keyed by result format (e.g. `ionq.result.probabilities.json.v1`).
    """

    probabilities_url: str | None
    artifacts: Mapping[str, ResultArtifact]
    links: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def _from_json(cls, value: object, what: str) -> JobResults | None:
        if value is None:
            return None
        data = p.obj(value, what)
        links: dict[str, str] = {}
        artifacts: dict[str, ResultArtifact] = {}
        for key, raw in data.items():
            desc = p.obj(raw, f"{what}.{key}")
            if "url" in desc and "id" not in desc:
                links[key] = p.req_str(desc["url"], f"{what}.{key}.url")
                continue
            artifacts[key] = ResultArtifact(
                id=p.req_str(desc.get("id"), f"{what}.{key}.id"),
                format=p.req_str(desc.get("format"), f"{what}.{key}.format"),
                media_type=p.req_str(desc.get("media_type"), f"{what}.{key}.media_type"),
            )
        return cls(
            probabilities_url=links.get("probabilities"),
            artifacts=MappingProxyType(artifacts),
            links=MappingProxyType(links),
        )


class _Lazy(Generic[T]):
    """A `Job` field parsed from the kept JSON on first read, then cached."""

    __slots__ = ("key", "read")

    def __init__(self, key: str, read: Callable[[object, str], T]) -> None:
        self.key = key
        self.read = read

    @overload
    def __get__(self, job: None, owner: type[Job]) -> _Lazy[T]: ...
    @overload
    def __get__(self, job: Job, owner: type[Job]) -> T: ...
    def __get__(self, job: Job | None, owner: type[Job]) -> _Lazy[T] | T:
        if job is None:
            return self
        cache = job._cache
        key = self.key
        if key in cache:
            return cast(T, cache[key])
        raw = job._raw.get(key)
        try:
            value = self.read(raw, key)
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
            raise APIResponseValidationError(
                f"job {job._id}: field {key!r} does not parse ({exc})",
                body=json.dumps(raw).encode(),
            ) from exc
        cache[key] = value
        return value


def _opt_noise(value: object, what: str) -> Noise | None:
    return Noise._from_json(value, what)


def _opt_settings(value: object, what: str) -> Settings | None:
    return Settings._from_json(value, what)


def _opt_output(value: object, what: str) -> Mapping[str, p.JSONValue] | None:
    if value is None:
        return None
    frozen = p.freeze(p.obj(value, what), what)
    assert isinstance(frozen, Mapping)
    return frozen


class Job:
    """An immutable snapshot of a job as the server last reported it.

    `status` is normalized (`running` is `STARTED`; a value the client does not know is
    `UNKNOWN`, with the exact string in `raw_status`). Build one from JSON with
    `Job.from_dict`; `to_dict()` gives the JSON back.
    """

    __slots__ = ("_backend", "_cache", "_id", "_raw", "_raw_status", "_status", "_type")

    _id: str
    _status: JobStatus
    _raw_status: str
    _type: str
    _backend: str
    _raw: dict[str, object]
    _cache: dict[str, object]

    def __init__(self, data: dict[str, object]) -> None:
        """Wrap decoded JSON the caller will not touch again (see `from_dict`)."""
        set_ = object.__setattr__
        get = data.get
        ident = get("id")
        status = get("status")
        kind = get("type")
        backend = get("backend")
        if (
            type(ident) is not str
            or type(status) is not str
            or type(kind) is not str
            or type(backend) is not str
        ):
            _bad_job(data)
        set_(self, "_raw", data)
        set_(self, "_id", ident)
        set_(self, "_raw_status", status)
        set_(self, "_status", parse_status(status))
        set_(self, "_type", kind)
        set_(self, "_backend", backend)
        set_(self, "_cache", {})

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Job:
        """A job from a JSON mapping (copied); `ArgumentTypeError` if it is not one."""
        copied = p.thaw(data)
        try:
            return parse_job(copied)
        except TypeError as exc:
            raise ArgumentTypeError(f"not a job: {exc}") from None

    def to_dict(self) -> dict[str, Any]:
        """The job's JSON, as received (a fresh, mutable deep copy)."""
        copied = p.thaw(self._raw)
        assert isinstance(copied, dict)
        return copied

    @property
    def id(self) -> str:
        return self._id

    @property
    def status(self) -> JobStatus:
        return self._status

    @property
    def raw_status(self) -> str:
        """The status string exactly as the server sent it."""
        return self._raw_status

    @property
    def type(self) -> str:
        """The job type, e.g. `ionq.circuit.v1`."""
        return self._type

    @property
    def backend(self) -> str:
        return self._backend

    name = _Lazy("name", p.opt_str)
    shots = _Lazy("shots", p.opt_int)
    dry_run = _Lazy("dry_run", p.opt_bool)
    metadata = _Lazy("metadata", p.opt_str_map)
    submitter_id = _Lazy("submitter_id", p.opt_str)
    project_id = _Lazy("project_id", p.opt_str)
    parent_job_id = _Lazy("parent_job_id", p.opt_str)
    session_id = _Lazy("session_id", p.opt_str)
    child_job_ids = _Lazy("child_job_ids", p.opt_str_tuple)
    submitted_at = _Lazy("submitted_at", p.opt_time)
    started_at = _Lazy("started_at", p.opt_time)
    completed_at = _Lazy("completed_at", p.opt_time)
    predicted_wait_time_ms = _Lazy("predicted_wait_time_ms", p.opt_int)
    predicted_execution_duration_ms = _Lazy("predicted_execution_duration_ms", p.opt_int)
    execution_duration_ms = _Lazy("execution_duration_ms", p.opt_int)
    cost_model = _Lazy("cost_model", p.opt_str)
    noise = _Lazy("noise", _opt_noise)
    settings = _Lazy("settings", _opt_settings)
    failure = _Lazy("failure", JobFailure._from_json)
    stats = _Lazy("stats", JobStats._from_json)
    results = _Lazy("results", JobResults._from_json)
    output = _Lazy("output", _opt_output)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"Job is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"Job is immutable; cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Job):
            return NotImplemented
        return self._raw == other._raw

    def __hash__(self) -> int:
        return hash((self._id, self._raw_status))

    def __reduce__(self) -> tuple[Callable[[dict[str, object]], Job], tuple[dict[str, object]]]:
        return (Job, (self._raw,))

    def __repr__(self) -> str:
        status = self._status.value if self._status is not JobStatus.UNKNOWN else self._raw_status
        return (
            f"Job(id={self._id!r}, status={status!r}, type={self._type!r}, "
            f"backend={self._backend!r})"
        )


def _bad_job(data: object) -> NoReturn:
    if not isinstance(data, dict):
        raise TypeError(f"job: expected an object, got {type(data).__name__}")
    for key in ("id", "status", "type", "backend"):
        if type(data.get(key)) is not str:
            raise TypeError(f"job.{key}: expected a string, got {data.get(key)!r}")
    raise AssertionError("unreachable")  # pragma: no cover


def parse_job(value: object) -> Job:
    """A `Job` from decoded JSON owned by the caller."""
    if type(value) is not dict:
        _bad_job(value)
    return Job(value)


@dataclass(frozen=True, slots=True)
class JobRef:
    """What create, clone, move and cancel answer: the job's id, its status if sent."""

    id: str
    status: JobStatus | None
    raw_status: str | None
    session_id: str | None

    @classmethod
    def _from_json(cls, value: object) -> JobRef:
        data = p.obj(value, "job")
        raw_status = p.opt_str(data.get("status"), "status")
        return cls(
            id=p.req_str(data.get("id"), "id"),
            status=None if raw_status is None else parse_status(raw_status),
            raw_status=raw_status,
            session_id=p.opt_str(data.get("session_id"), "session_id"),
        )


@dataclass(frozen=True, slots=True)
class JobPage:
    """One page of a job listing; `next` is the cursor of the following page, or None."""

    jobs: tuple[Job, ...]
    next: str | None

    def __iter__(self) -> Iterator[Job]:
        return iter(self.jobs)

    def __len__(self) -> int:
        return len(self.jobs)

    @classmethod
    def _from_json(cls, value: object) -> JobPage:
        data = p.obj(value, "page")
        jobs = data.get("jobs")
        if type(jobs) is not list:
            raise TypeError(f"jobs: expected a list, got {type(jobs).__name__}")
        return cls(
            jobs=tuple([Job(j) if type(j) is dict else _bad_job(j) for j in jobs]),
            next=p.opt_str(data.get("next"), "next") or None,
        )
