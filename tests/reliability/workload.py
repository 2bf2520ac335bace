"""A seeded workload through the façade against a faulty emulator, and its accounting.

`run_workload` performs `ops` operations (create, get, list, cancel, clone, move, wait)
through one `IonQ` client against an emulator that injects faults, then compares what
the server holds with what the client was told. Time is virtual: the client's `sleep`
and `clock` are a `Stepper`, so retry backoff and Retry-After cost no wall time, and a
wait's sleeps move the waited-for job one lifecycle step (manual mode), which keeps the
run deterministic for a given seed.

Every job the workload creates, clones or moves carries a unique token in its metadata.
That is how the accounting detects duplicates (two server jobs, one token) and ties each
server job to the operation that made it; the façade needs no such token (it sends an
Idempotency-Key, see `ionq_facade._retry`).
"""

from __future__ import annotations

import contextlib
import random
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from ionq_emulator.emulator import Emulator
from ionq_emulator.errors import ApiError
from ionq_emulator.faults import FaultConfig, FaultDecision, FaultRule
from ionq_emulator.lifecycle import LifecycleError
from ionq_facade import (
    Circuit,
    IonQ,
    IonQError,
    JobCanceledError,
    JobConflictError,
    JobMayExistError,
    JobRef,
    JobStatus,
)

__all__ = [
    "FAULT_RATE",
    "TOKEN",
    "CountingFaults",
    "Stepper",
    "Tally",
    "fault_rule",
    "requests_counter",
    "run_workload",
    "server_jobs",
]

TOKEN = "reliability_token"
# The seeded share of API requests that meet a fault, split over the kinds below.
FAULT_RATE = 0.20
BELL = Circuit(2).h(0).cnot(0, 1)
READS = frozenset({"get", "list", "list_all", "wait"})
CREATING = frozenset({"create", "clone", "move"})
# Operation mix (relative weights).
MIX: dict[str, int] = {
    "create": 20,
    "clone": 9,
    "move": 8,
    "cancel": 8,
    "get": 22,
    "list": 15,
    "list_all": 1,
    "wait": 17,
}


def fault_rule(retry_after: int = 3) -> FaultRule:
    """20% of API requests fail: 429 and 503 (with Retry-After), 502, and connections
    dropped before the request is processed or after (the answer is lost); a fifth of
    requests are also delayed."""
    return FaultRule(
        route="*",
        status_429=0.05,
        status_502=0.03,
        status_503=0.04,
        drop=0.04,
        drop_after=0.04,
        latency=0.004,
        latency_rate=0.2,
        retry_after=retry_after,
    )


class CountingFaults(FaultConfig):
    """The emulator's fault injection, counting what it decided, by kind."""

    def __post_init__(self) -> None:
        FaultConfig.__post_init__(self)
        self.injected: Counter[str] = Counter()
        self._count_lock = threading.Lock()

    def decide(self, method: str, path: str) -> FaultDecision:
        decision = super().decide(method, path)
        kind = str(decision.status) if decision.action == "status" else decision.action
        with self._count_lock:
            self.injected["requests"] += 1
            if kind is not None:
                self.injected[kind] += 1
            if decision.delay:
                self.injected["latency"] += 1
        return decision


class Stepper:
    """Virtual time for the client. While `target` is set (during a wait), every sleep
    also moves that job one lifecycle step on the emulator."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self.now = 0.0
        self.sleeps: list[float] = []
        self.target: str | None = None

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        if self.target is not None:
            with contextlib.suppress(ApiError, LifecycleError):  # already at its end
                self.emulator.advance(self.target)


@dataclass
class Tally:
    """What the workload did and what it was told."""

    attempted: Counter[str] = field(default_factory=Counter)
    completed: Counter[str] = field(default_factory=Counter)
    # "op: ErrorClass" -> count, for every typed error that came out.
    errors: Counter[str] = field(default_factory=Counter)
    # Anything not an IonQError, or a read that failed: the targets say none.
    untyped: list[str] = field(default_factory=list)
    read_failures: list[str] = field(default_factory=list)
    # token -> job id, for every create/clone/move the client was told succeeded.
    acknowledged: dict[str, str] = field(default_factory=dict)
    # tokens of creating operations that raised JobMayExistError: the request may have
    # been acted on, and the caller was told so.
    ambiguous: list[str] = field(default_factory=list)
    # ... and the errors themselves, by token, for `jobs.reconcile` after the run.
    may_exist: dict[str, JobMayExistError] = field(default_factory=dict)
    # ... of those, the ones sent before any creating operation had been answered: the
    # client cannot have seen the server echo an Idempotency-Key yet, so it must not
    # retry them (a server that does not dedupe would create twice).
    ambiguous_before_echo: list[str] = field(default_factory=list)
    # cancels answered 409 whose job the server then showed canceled (a retried cancel
    # whose first attempt had been applied, its answer lost).
    late_cancel_acks: int = 0

    @property
    def ops(self) -> int:
        return sum(self.attempted.values())

    @property
    def known(self) -> set[str]:
        return set(self.acknowledged.values())


def server_jobs(emulator: Emulator, project_id: str) -> dict[str, dict[str, str] | None]:
    """Every job of the project on the server (in-process, bypassing faults): id -> metadata."""
    with emulator.store.lock:
        return {
            job.id: dict(job.metadata) if job.metadata is not None else None
            for job in emulator.store.jobs.values()
            if job.project_id == project_id
        }


@dataclass
class _State:
    rng: random.Random
    client: IonQ
    stepper: Stepper
    tally: Tally
    # What the client believes of each job it knows: its last known status.
    belief: dict[str, JobStatus] = field(default_factory=dict)
    serial: int = 0

    def token(self) -> str:
        self.serial += 1
        return f"t{self.serial:06d}"

    def pick(self, active_only: bool = False) -> str | None:
        if active_only:
            pool = [i for i, s in self.belief.items() if not s.is_terminal]
        else:
            pool = list(self.belief)
        return self.rng.choice(pool) if pool else None


def _note_ambiguous(state: _State, token: str, error: IonQError, *, before_echo: bool) -> None:
    """A creating request that failed after it may have reached the server: the client
    says so with `JobMayExistError` (any other error means it certainly made nothing)."""
    if isinstance(error, JobMayExistError):
        state.tally.ambiguous.append(token)
        state.tally.may_exist[token] = error
        if before_echo:
            state.tally.ambiguous_before_echo.append(token)


def _creating(state: _State, send: Callable[[dict[str, str]], JobRef]) -> None:
    """One create, clone or move: `send(metadata)` with a fresh token, accounted for."""
    token = state.token()
    # The emulator echoes the key on every creating answer: none yet, no echo seen.
    before_echo = not state.tally.acknowledged
    try:
        ref = send({TOKEN: token})
    except IonQError as exc:
        _note_ambiguous(state, token, exc, before_echo=before_echo)
        raise
    state.tally.acknowledged[token] = ref.id
    state.belief[ref.id] = JobStatus.SUBMITTED


def _create(state: _State) -> None:
    jobs = state.client.jobs
    _creating(state, lambda meta: jobs.create(BELL, backend="simulator", metadata=meta))


def _clone(state: _State) -> None:
    source = state.pick()
    if source is None:
        return _create(state)
    jobs = state.client.jobs
    _creating(state, lambda meta: jobs.clone(source, metadata=meta))
    return None


def _move(state: _State) -> None:
    source = state.pick(active_only=True)
    if source is None:
        return _create(state)
    jobs = state.client.jobs
    _creating(state, lambda meta: jobs.move(source, metadata=meta))
    state.belief[source] = JobStatus.CANCELED
    return None


def _cancel(state: _State) -> None:
    target = state.pick(active_only=True)
    if target is None:
        return None
    try:
        state.client.jobs.cancel(target)
    except JobConflictError as exc:
        if exc.current_status is JobStatus.CANCELED:
            state.tally.late_cancel_acks += 1
            state.belief[target] = JobStatus.CANCELED
        raise
    state.belief[target] = JobStatus.CANCELED
    return None


def _get(state: _State) -> None:
    target = state.pick()
    if target is not None:
        state.belief[target] = state.client.jobs.get(target).status


def _list(state: _State) -> None:
    page = state.client.jobs.list_page(limit=10)
    for job in page:
        if job.id in state.belief:
            state.belief[job.id] = job.status


def _list_all(state: _State) -> None:
    for job in state.client.jobs.list(limit=100):
        if job.id in state.belief:
            state.belief[job.id] = job.status


def _wait(state: _State) -> None:
    target = state.pick(active_only=True)
    if target is None:
        return None
    state.stepper.target = target
    try:
        job = state.client.jobs.wait(target, timeout=600, poll_interval=0.5)
    except JobCanceledError:
        state.belief[target] = JobStatus.CANCELED
        raise
    finally:
        state.stepper.target = None
    state.belief[target] = job.status
    return None


OPERATIONS: dict[str, Callable[[_State], None]] = {
    "create": _create,
    "clone": _clone,
    "move": _move,
    "cancel": _cancel,
    "get": _get,
    "list": _list,
    "list_all": _list_all,
    "wait": _wait,
}


def run_workload(
    client: IonQ, stepper: Stepper, *, ops: int, seed: int, mix: dict[str, int] | None = None
) -> Tally:
    """Run `ops` operations drawn from `mix` with a generator seeded by `seed`."""
    weights = mix or MIX
    names = list(weights)
    rng = random.Random(seed)
    state = _State(rng, client, stepper, Tally())
    tally = state.tally
    for _ in range(ops):
        name = rng.choices(names, [weights[n] for n in names])[0]
        tally.attempted[name] += 1
        try:
            OPERATIONS[name](state)
        except IonQError as exc:
            tally.errors[f"{name}: {type(exc).__name__}"] += 1
            expected_end = isinstance(exc, (JobCanceledError, JobConflictError))
            if name in READS and not expected_end:
                tally.read_failures.append(f"{name}: {type(exc).__name__}: {exc}")
        except Exception as exc:  # the target: nothing but IonQError comes out
            tally.untyped.append(f"{name}: {type(exc).__name__}: {exc}")
        else:
            tally.completed[name] += 1
    return tally


def requests_counter(*, strip_idempotency_key: bool = False) -> tuple[httpx.Client, Counter[str]]:
    """An httpx.Client counting the requests it sends, by method.

    `strip_idempotency_key` removes the header on the way out, so the emulator acts as a
    server that ignores it (as IonQ's may): no dedupe, no echo.
    """
    sent: Counter[str] = Counter()

    def count(request: httpx.Request) -> None:
        sent[request.method] += 1
        sent["total"] += 1
        if strip_idempotency_key:
            request.headers.pop("Idempotency-Key", None)

    return httpx.Client(event_hooks={"request": [count]}), sent
