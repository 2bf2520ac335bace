"""What each job operation sends and how its answer is read: no I/O.

Every public job method is defined here once, as a function of its arguments returning a
`Call` (one request) or a flow (several: `wait`, `wait_many`); `jobs.py` binds them to the
sync and async clients. Arguments are checked here, so a bad one raises before anything
is sent, and so do the lifecycle pre-checks on job snapshots.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar, Unpack

from ionq_facade import _validation as v
from ionq_facade._circuits import QASM3, Circuit, GateCircuit, NativeCircuit
from ionq_facade._config import ClientOptions, TimeoutTypes
from ionq_facade._errors import (
    APIStatusError,
    ArgumentTypeError,
    InvalidArgumentError,
    JobTimeoutError,
)
from ionq_facade._flow import Call, Flow, Sleep, given, now
from ionq_facade._generated.tables import CircuitFormat, JobType, Key, ResultFormat
from ionq_facade._lifecycle import JobStatus
from ionq_facade._models import (
    Job,
    JobCost,
    JobDeleted,
    JobEstimate,
    JobOptions,
    JobOverrides,
    JobPage,
    JobRef,
    JobsCanceled,
    JobsDeleted,
    JSONValue,
    Probabilities,
    parse_child_probabilities,
)
from ionq_facade._pagination import CursorTrail, JobFilters, PageCall
from ionq_facade._results import (
    CompiledCircuit,
    Histogram,
    RegisterDistributions,
    RegisterShots,
    Shots,
    compiled_artifact,
    result_call,
)
from ionq_facade._transport import call_flow
from ionq_facade._validation import JobLike
from ionq_facade._wait import DEFAULT_WAIT_TIMEOUT, Backoff, StatusTracker, outcome, poll

__all__ = [
    "MAX_CIRCUITS",
    "WAIT_MANY_BATCH",
    "artifact",
    "cancel",
    "cancel_many",
    "child_probabilities",
    "clone",
    "compiled",
    "cost",
    "create",
    "delete",
    "delete_many",
    "estimate",
    "get",
    "histogram",
    "job_filters",
    "list_jobs",
    "list_page",
    "move",
    "pages",
    "probabilities",
    "register_histogram",
    "register_probabilities",
    "register_shots",
    "shots",
    "wait",
    "wait_many",
]

T = TypeVar("T")

MAX_CIRCUITS = 5000
# Ids per list request in wait_many: a full page (the contract's `limit` cap), so a round
# is one request; ~41 KB of query string at most. A server or proxy that answers 414/431
# (URI or headers too long) gets half as many ids per request for the rest of the wait.
WAIT_MANY_BATCH = 1000
_URL_TOO_LONG = frozenset({414, 431})


def _options_json(
    options: Mapping[str, object], to_json: Callable[[Mapping[str, object]], dict[str, object]]
) -> dict[str, object]:
    """The job options given, checked, as JSON (None counts as not given, so is not sent).

    `to_json` is the generated converter of the body's schema: it checks every type and
    refuses unknown keywords. The checks here are the ones the contract cannot state.
    """
    return to_json(
        {
            key: _CHECKS[key](value, key) if key in _CHECKS else value
            for key, value in options.items()
            if value is not None
        }
    )


# Beyond the converter's type checks: the limits' own messages, ids safe in a path.
_CHECKS: dict[str, Callable[[object, str], object]] = {
    Key.SHOTS: lambda value, key: v.shots(value),
    Key.METADATA: lambda value, key: v.metadata(value),
    Key.SESSION_ID: v.path_token,
    Key.PARENT: v.path_token,
    Key.BACKEND: lambda value, key: _backend(value),
}


def _backend(value: object, name: str = Key.BACKEND) -> str:
    if not isinstance(value, str) or not value:
        raise ArgumentTypeError(f"{name} must be a non-empty str, not {value!r}")
    return value


def create(
    program: GateCircuit | QASM3 | Sequence[GateCircuit],
    *,
    backend: str,
    timeout: TimeoutTypes | None = None,
    **options: Unpack[JobOptions],
) -> Call[JobRef]:
    """Submit a job: one circuit or QASM3 program, or a sequence of circuits.

    `backend` is required (the API needs it, and a default could send work to a paid
    QPU). Options (`shots`, `name`, `metadata`, `session_id`, `settings`, `noise`,
    `dry_run`) not given are not sent, so the server's defaults apply; a single
    program's name is the job's name unless `name` is given. A sequence of circuits is
    a multi-circuit job: its gateset is `native` when all circuits are native, else
    `qis` with each circuit naming its own. Retried once sent only if the
    server dedupes (see `IonQ`).
    """
    from ionq_facade._generated.views import job_options_json

    named = isinstance(program, (GateCircuit, QASM3)) and program.name is not None
    if named and options.get(Key.NAME) is None:
        options = {**options, Key.NAME: program.name}  # type: ignore[union-attr]
    fields = _options_json(options, job_options_json)
    target = _backend(backend)
    body: dict[str, object]
    if isinstance(program, (GateCircuit, QASM3)):
        body = {
            Key.TYPE: JobType.QASM3_V1 if isinstance(program, QASM3) else JobType.CIRCUIT_V1,
            Key.BACKEND: target,
            Key.INPUT: program.to_input(),
            **fields,
        }
    elif isinstance(program, Sequence) and not isinstance(program, (str, bytes)):
        circuits = list(program)
        if not circuits or len(circuits) > MAX_CIRCUITS:
            raise InvalidArgumentError(
                f"a multi-circuit job has 1 to {MAX_CIRCUITS} circuits, not {len(circuits)}"
            )
        for i, circuit in enumerate(circuits):
            if not isinstance(circuit, GateCircuit):
                raise ArgumentTypeError(
                    f"circuit {i} is a {type(circuit).__name__}: a multi-circuit job holds "
                    "Circuit and NativeCircuit only"
                )
        native = all(isinstance(c, NativeCircuit) for c in circuits)
        body = {
            Key.TYPE: JobType.MULTI_CIRCUIT_V1,
            Key.BACKEND: target,
            Key.INPUT: {
                Key.GATESET: NativeCircuit.gateset if native else Circuit.gateset,
                Key.CIRCUITS: [c.to_multi() for c in circuits],
                Key.QUBITS: max(c.qubits for c in circuits),
            },
            **fields,
        }
    else:
        raise ArgumentTypeError(
            "program must be a Circuit, NativeCircuit, QASM3 (wrap OpenQASM source in "
            f"QASM3(...)) or a sequence of circuits, not {type(program).__name__}"
        )
    from ionq_facade._generated.api.jobs import create_job

    request = create_job._get_kwargs(body=body)
    return Call.of(request, JobRef._parse, creating=True, timeout=timeout)


def clone(
    job: JobLike, *, timeout: TimeoutTypes | None = None, **overrides: Unpack[JobOverrides]
) -> Call[JobRef]:
    """A new job from `job`'s circuit and workload. Each keyword given (`name`, `shots`,
    `backend`, `metadata`, `session_id`, `settings`, `noise`, `dry_run`, `parent`)
    overrides the source's value; the rest is inherited, and not sent.

    The source is left unchanged. Retried once sent only if the server
    dedupes (see `IonQ`).
    """
    return _override_call(v.job_id(job), "clone", overrides, timeout)


def move(
    job: JobLike, *, timeout: TimeoutTypes | None = None, **overrides: Unpack[JobOverrides]
) -> Call[JobRef]:
    """Clone `job` and cancel it, in one request (keywords as for `clone`); the new
    job's `metadata.original_job_id` is the source's id.

    Given a snapshot that cannot be canceled, raises `InvalidTransitionError` without
    sending; when the server refuses (409), `JobConflictError` with the job's current
    status if it can be read. Retried once sent only if the server
    dedupes (see `IonQ`).
    """
    return _override_call(v.check_cancelable(job, "move"), "move", overrides, timeout)


def _override_call(
    ident: str, operation: str, overrides: Mapping[str, object], timeout: TimeoutTypes | None
) -> Call[JobRef]:
    from ionq_facade._generated.api.jobs import clone_job, move_job
    from ionq_facade._generated.views import job_overrides_json

    endpoint = clone_job if operation == "clone" else move_job
    body = _options_json(overrides, job_overrides_json)
    return Call.of(
        endpoint._get_kwargs(ident, body=body),
        JobRef._parse,
        creating=True,
        timeout=timeout,
        job_ids=(ident,),
    )


def get(job: JobLike, *, timeout: TimeoutTypes | None = None) -> Call[Job]:
    """The job as it is now."""
    from ionq_facade._generated.api.jobs import get_job

    return Call.of(get_job._get_kwargs(v.job_id(job)), Job._parse, timeout=timeout)


def cancel(job: JobLike, *, timeout: TimeoutTypes | None = None) -> Call[JobRef]:
    """Cancel a submitted, ready or started job.

    Given a snapshot in a final state, raises `InvalidTransitionError` without sending; a
    refusal by the server (409) is `JobConflictError`.
    """
    from ionq_facade._generated.api.jobs import cancel_job

    ident = v.check_cancelable(job, "cancel")
    return Call.of(
        cancel_job._get_kwargs(ident),
        JobRef._parse,
        timeout=timeout,
        job_ids=(ident,),
        settles_at=JobStatus.CANCELED,
    )


def _canceled(value: object) -> tuple[str, ...]:
    return JobsCanceled._parse(value).ids


def _deleted_many(value: object) -> tuple[str, ...]:
    return JobsDeleted._parse(value).ids


def cancel_many(
    jobs: Iterable[JobLike], *, timeout: TimeoutTypes | None = None
) -> Call[tuple[str, ...]]:
    """Cancel several jobs in one request; returns the ids the server canceled.

    Any snapshot in a final state raises `InvalidTransitionError` without sending.
    """
    items = v.job_list(jobs)
    for job in items:
        v.check_cancelable(job, "cancel")
    from ionq_facade._generated.api.jobs import cancel_jobs

    ids = v.job_ids(items)
    return Call.of(
        cancel_jobs._get_kwargs(body={Key.IDS: ids}),
        _canceled,
        timeout=timeout,
        job_ids=tuple(ids),
    )


def _deleted(value: object) -> None:
    JobDeleted._parse(value)


def delete(job: JobLike, *, timeout: TimeoutTypes | None = None) -> Call[None]:
    """Delete a job."""
    from ionq_facade._generated.api.jobs import delete_job

    return Call.of(delete_job._get_kwargs(v.job_id(job)), _deleted, timeout=timeout)


def delete_many(
    jobs: Iterable[JobLike], *, timeout: TimeoutTypes | None = None
) -> Call[tuple[str, ...]]:
    """Delete several jobs in one request; returns the ids the server deleted."""
    from ionq_facade._generated.api.jobs import delete_jobs

    ids = v.job_ids(v.job_list(jobs))
    request = delete_jobs._get_kwargs(body={Key.IDS: ids})
    return Call.of(request, _deleted_many, timeout=timeout)


def cost(job: JobLike, *, timeout: TimeoutTypes | None = None) -> Call[JobCost]:
    """The job's estimated cost, and its billed cost once known."""
    from ionq_facade._generated.api.jobs import get_job_cost

    return Call.of(get_job_cost._get_kwargs(v.job_id(job)), JobCost._parse, timeout=timeout)


def estimate(
    *,
    backend: str,
    type: str | None = None,
    qubits: int | None = None,
    shots: int | None = None,
    one_qubit_gates: int | None = None,
    two_qubit_gates: int | None = None,
    error_mitigation: bool | None = None,
    timeout: TimeoutTypes | None = None,
) -> Call[JobEstimate]:
    """Estimate what a job would cost before submitting it. Omitted values are not sent."""
    from ionq_facade._generated.api.jobs import estimate_job

    def count(value: int | None, key: str, least: int) -> int | None:
        return None if value is None else v.int_at_least(value, key, least)

    request = estimate_job._get_kwargs(
        backend=_backend(backend),
        type_=given(None if type is None else _backend(type, Key.TYPE)),
        qubits=given(count(qubits, Key.QUBITS, 1)),
        shots=given(None if shots is None else v.shots(shots)),
        field_1q_gates=given(count(one_qubit_gates, Key.FIELD_1Q_GATES, 0)),
        field_2q_gates=given(count(two_qubit_gates, Key.FIELD_2Q_GATES, 0)),
        error_mitigation=given(v.optional_bool(error_mitigation, Key.ERROR_MITIGATION)),
    )
    return Call.of(request, JobEstimate._parse, timeout=timeout)


def probabilities(
    job: JobLike, *, sharpen: bool | None = None, timeout: TimeoutTypes | None = None
) -> Call[Probabilities]:
    """A completed job's distribution: basis state (int) -> probability.

    For a multi-circuit job use `child_probabilities`.
    """
    ident = v.job_id(job)
    if isinstance(job, Job) and job.type == JobType.MULTI_CIRCUIT_V1:
        raise InvalidArgumentError(
            f"job {ident} is a multi-circuit job: use jobs.child_probabilities"
        )
    return Call.of(_probabilities(ident, sharpen), _single_distribution, timeout=timeout)


def _single_distribution(value: object) -> Probabilities:
    if isinstance(value, dict) and any(isinstance(p, dict) for p in value.values()):
        raise ValueError("one distribution per child job: use jobs.child_probabilities")
    return Probabilities._from_json(value)


def child_probabilities(
    job: JobLike, *, sharpen: bool | None = None, timeout: TimeoutTypes | None = None
) -> Call[Mapping[str, Probabilities]]:
    """A multi-circuit job's distributions, by child job id."""
    request = _probabilities(v.job_id(job), sharpen)
    return Call.of(request, parse_child_probabilities, timeout=timeout)


def _probabilities(ident: str, sharpen: bool | None) -> dict[str, Any]:
    from ionq_facade._generated.api.jobs import get_job_probabilities

    flag = v.optional_bool(sharpen, Key.SHARPEN)
    return get_job_probabilities._get_kwargs(ident, sharpen=given(flag))


def artifact(
    job: JobLike, artifact_id: str, *, timeout: TimeoutTypes | None = None
) -> Call[Mapping[str, JSONValue]]:
    """One result artifact named by `job.results.artifacts[...]`, as frozen JSON."""
    from ionq_facade._generated.api.jobs import get_job_artifact

    ident = v.path_token(artifact_id, "artifact_id")
    request = get_job_artifact._get_kwargs(v.job_id(job), ident)
    return Call.of(request, _frozen_object, timeout=timeout)


def _frozen_object(value: object) -> Mapping[str, JSONValue]:
    from ionq_facade._generated.views import _json

    return _json(value, "artifact")


# -- typed results of every format: a descriptor when the job has one, else its link --------


def _result(
    options: ClientOptions,
    job: JobLike,
    fmt: str,
    parse: Callable[[object], T],
    timeout: TimeoutTypes | None,
) -> Flow[T]:
    """Download `job`'s result in format `fmt`; a job given by id (or a snapshot without
    results) is read first, to learn where its results are."""
    snapshot = job if isinstance(job, Job) and job.results is not None else None
    if snapshot is None:
        snapshot = yield from call_flow(options, get(job, timeout=timeout))
    request = result_call(snapshot, fmt, options.base_url, parse, timeout)
    return (yield from call_flow(options, request))


def histogram(
    options: ClientOptions, job: JobLike, *, timeout: TimeoutTypes | None = None
) -> Flow[Histogram]:
    """Shots per basis state (`ionq.result.histogram.json.v1`)."""
    return _result(options, job, ResultFormat.HISTOGRAM_V1, Histogram._from_json, timeout)


def shots(
    options: ClientOptions, job: JobLike, *, timeout: TimeoutTypes | None = None
) -> Flow[Shots]:
    """Every shot's basis state, in order (`ionq.result.shots.json.v1`; noisy
    simulations and QPU backends)."""
    return _result(options, job, ResultFormat.SHOTS_V1, Shots._from_json, timeout)


def register_probabilities(
    options: ClientOptions, job: JobLike, *, timeout: TimeoutTypes | None = None
) -> Flow[RegisterDistributions]:
    """Per classical register, bitstring -> probability (`...probabilities.json.v2`)."""
    parse = RegisterDistributions._probabilities_from_json
    return _result(options, job, ResultFormat.PROBABILITIES_V2, parse, timeout)


def register_histogram(
    options: ClientOptions, job: JobLike, *, timeout: TimeoutTypes | None = None
) -> Flow[RegisterDistributions]:
    """Per classical register, bitstring -> shot count (`...histogram.json.v2`)."""
    parse = RegisterDistributions._histogram_from_json
    return _result(options, job, ResultFormat.HISTOGRAM_V2, parse, timeout)


def register_shots(
    options: ClientOptions, job: JobLike, *, timeout: TimeoutTypes | None = None
) -> Flow[RegisterShots]:
    """Per shot, each classical register's bits (`ionq.result.shots.json.v2`)."""
    return _result(options, job, ResultFormat.SHOTS_V2, RegisterShots._from_json, timeout)


# -- the compiled circuit a job reports under output.compilation -----------------------------

_COMPILED_FORMATS: dict[str, Callable[[object], CompiledCircuit]] = {
    CircuitFormat.NATIVE_V1: CompiledCircuit._from_json
}


def compiled(
    options: ClientOptions,
    job: JobLike,
    *,
    format: str = CircuitFormat.NATIVE_V1,
    timeout: TimeoutTypes | None = None,
) -> Flow[CompiledCircuit]:
    """The circuit IonQ compiled `job` to (dry runs included), typed; a job given by id
    (or a snapshot without output) is read first. Raises `NoCompiledCircuitError`
    (listing the formats the job has) when it has none of `format`."""
    from ionq_facade._generated.api.jobs import get_job_artifact

    parse = _COMPILED_FORMATS.get(format)
    if parse is None:
        raise InvalidArgumentError(
            f"format {format!r} is not read as a compiled circuit "
            f"(known: {', '.join(_COMPILED_FORMATS)})"
        )
    snapshot = job if isinstance(job, Job) and job.output is not None else None
    if snapshot is None:
        snapshot = yield from call_flow(options, get(job, timeout=timeout))
    artifact_id = compiled_artifact(snapshot, format)
    request = get_job_artifact._get_kwargs(snapshot.id, artifact_id)
    return (yield from call_flow(options, Call.of(request, parse, timeout=timeout)))


def job_filters(filters: Mapping[str, object], allowed: frozenset[str]) -> dict[str, Any]:
    """Keywords of a listing endpoint: the filters given (None: not given), checked."""
    unknown = set(filters) - allowed
    if unknown:
        raise ArgumentTypeError(f"unexpected keyword argument(s): {', '.join(sorted(unknown))}")
    checked: dict[str, Any] = {}
    for key, value in filters.items():
        if value is None:
            continue
        match key:
            case Key.IDS:
                checked[key] = v.job_ids(v.job_list(value, key))
            case Key.STATUS:
                checked[key] = v.status_filter(value)
            case Key.TARGET:
                targets = [value] if isinstance(value, str) else v.job_list(value, key)
                checked[key] = ",".join(_backend(t, key) for t in targets)
            case Key.LIMIT:
                checked[key] = v.int_at_least(value, key)
            case _:
                checked[key] = v.path_token(value, key)
    return checked


def pages(
    request: Callable[[str | None], dict[str, Any]], timeout: TimeoutTypes | None
) -> PageCall:
    """The page calls of a listing: `request(cursor)` is its generated endpoint's request."""

    def page(cursor: str | None) -> Call[JobPage]:
        return Call.of(request(cursor), JobPage._parse, timeout=timeout)

    return page


def list_jobs(*, timeout: TimeoutTypes | None = None, **filters: Unpack[JobFilters]) -> PageCall:
    """The project's jobs, newest first: iterate for jobs across all pages (fetched as
    needed), or use `.pages()` / `.first_page()`. Filters: `ids`, `parent_job_id`,
    `status`, `target`, `session_id`, `submitter_id`; `limit` is the page size."""
    from ionq_facade._generated.api.jobs import list_jobs as endpoint

    checked = job_filters(filters, JobFilters.__optional_keys__)
    return pages(lambda cursor: endpoint._get_kwargs(**checked, next_=given(cursor)), timeout)


def list_page(
    *,
    cursor: str | None = None,
    timeout: TimeoutTypes | None = None,
    **filters: Unpack[JobFilters],
) -> Call[JobPage]:
    """One page of the job listing (filters as for `list`): the page after `cursor`, a
    previous page's `next`, or the first."""
    page = list_jobs(timeout=timeout, **filters)
    return page(v.optional_str(cursor, "cursor"))


def wait(
    options: ClientOptions,
    job: JobLike,
    *,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_interval: float = 1.0,
    on_status: Callable[[Job], object] | None = None,
) -> Flow[Job]:
    """Poll until the job ends; return it completed.

    Polls start `poll_interval` seconds apart and grow 1.5x up to 10 s. Every observed
    change is checked against the job lifecycle (`LifecycleViolationError`); a status
    the client does not know is kept and waited through. `on_status(job)` hears every
    change. Raises `JobFailedError` (with the failure code and message),
    `JobCanceledError`, or `JobTimeoutError` with the last status after `timeout` seconds.
    A snapshot already in a final state is answered without a request.
    """
    ident = v.job_id(job)
    limit = v.wait_timeout(timeout)
    delays = iter(Backoff(initial=v.wait_timeout(poll_interval)))
    tracker = StatusTracker(on_status)
    if isinstance(job, (Job, JobRef)):
        tracker.seed(job)
        if isinstance(job, Job) and job.status.is_terminal:
            return outcome(job)
    deadline = (yield from now()) + limit

    def timed_out() -> JobTimeoutError:
        status = tracker.last_status(ident)
        return JobTimeoutError(
            f"job {ident} did not finish within {limit:g}s "
            f"(last status: {tracker.last_raw_status(ident)})",
            job_id=ident,
            last_status=status,
        )

    while True:
        current = yield from poll(deadline, call_flow(options, get(ident)), timed_out)
        tracker.observe(current)
        if current.status.is_terminal:
            return outcome(current)
        remaining = deadline - (yield from now())
        if remaining <= 0:
            raise timed_out()
        yield Sleep(min(next(delays), remaining))


def wait_many(
    options: ClientOptions,
    jobs: Iterable[JobLike],
    *,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_interval: float = 1.0,
    on_status: Callable[[Job], object] | None = None,
    raise_on_failure: bool = True,
) -> Flow[Mapping[str, Job]]:
    """Poll many jobs until all end; return them by id, in the order given.

    Each round is one `GET /jobs?ids=...` for the jobs still running (up to 1,000 ids a
    request; fewer if the server answers 414), not one request per job. With
    `raise_on_failure` (the default) the first failed or canceled job raises
    `JobFailedError`/`JobCanceledError` after the round that saw it; without, every
    ended job is returned and the caller checks `status`.
    A job missing from the listing is fetched alone, so a deleted one raises
    `NotFoundError`. `JobTimeoutError.pending`/`.finished` keep what was learned.
    """
    items = v.job_list(jobs)
    ids = v.job_ids(items)
    limit = v.wait_timeout(timeout)
    delays = iter(Backoff(initial=v.wait_timeout(poll_interval)))
    if type(raise_on_failure) is not bool:
        raise ArgumentTypeError("raise_on_failure must be a bool")
    tracker = StatusTracker(on_status)
    finished: dict[str, Job] = {}
    for job in items:
        if isinstance(job, (Job, JobRef)):
            tracker.seed(job)
            if isinstance(job, Job) and job.status.is_terminal:
                finished[job.id] = outcome(job) if raise_on_failure else job
    pending = [i for i in ids if i not in finished]
    deadline = (yield from now()) + limit
    batch_size = WAIT_MANY_BATCH

    def timed_out() -> JobTimeoutError:
        last = {i: tracker.last_status(i) for i in pending}
        return JobTimeoutError(
            f"{len(pending)} of {len(ids)} jobs did not finish within {limit:g}s",
            job_id=pending[0],
            last_status=last[pending[0]],
            pending=last,
            finished=finished,
        )

    while pending:
        round_ = _poll_round(options, pending, batch_size)
        seen, batch_size = yield from poll(deadline, round_, timed_out)
        ended: list[Job] = []
        for ident in pending:
            current = seen[ident]
            tracker.observe(current)
            if current.status.is_terminal:
                finished[ident] = current
                ended.append(current)
        if raise_on_failure:
            for current in ended:
                outcome(current)
        pending = [i for i in pending if i not in finished]
        if not pending:
            break
        remaining = deadline - (yield from now())
        if remaining <= 0:
            raise timed_out()
        yield Sleep(min(next(delays), remaining))
    return {i: finished[i] for i in ids}


def _poll_round(
    options: ClientOptions, pending: list[str], batch_size: int
) -> Flow[tuple[dict[str, Job], int]]:
    """The current snapshot of every pending job, in as few list requests as possible.

    Returns the snapshots and the batch size that worked, for the next round.
    """
    seen: dict[str, Job] = {}
    start = 0
    while start < len(pending):
        batch = pending[start : start + batch_size]
        try:
            listed = yield from _list_ids(options, batch)
        except APIStatusError as exc:
            if exc.status_code not in _URL_TOO_LONG or len(batch) == 1:
                raise
            batch_size = len(batch) // 2
            continue
        seen.update(listed)
        start += len(batch)
    for ident in pending:
        if ident not in seen:
            seen[ident] = yield from call_flow(options, get(ident))
    return seen, batch_size


def _list_ids(options: ClientOptions, batch: list[str]) -> Flow[dict[str, Job]]:
    """The listed jobs among `batch`, following `next` if the server pages anyway."""
    wanted = set(batch)
    page = list_jobs(ids=batch, limit=len(batch))
    seen: dict[str, Job] = {}
    trail = CursorTrail()
    cursor: str | None = None
    while True:
        result = yield from call_flow(options, page(cursor))
        for job in result.jobs:
            if job.id in wanted:
                seen[job.id] = job
        cursor = trail.follow(result)
        if cursor is None:
            return seen
