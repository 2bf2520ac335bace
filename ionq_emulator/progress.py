"""Moving jobs through the lifecycle: by the clock, or only when a test says so.

Every status change goes through ``Progress.transition``, which refuses anything that
is not an edge of the contract's ``x-lifecycle``. Untouched jobs follow
``lifecycle.PROGRESSION`` (submitted, ready, started, completed); entering the last
step runs the simulation, and a circuit the simulator refuses ends ``failed``. A heavy
simulation runs in a worker (see workers.py): until its outcome is there, the job stays
``started`` and the step that would finish it changes nothing.

Children of a multi-circuit job move with their parent: the parent is what the clock
(or ``advance``) moves, and each step is applied to its children that can follow.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ionq_emulator.catalog import BACKENDS
from ionq_emulator.clock import Clock
from ionq_emulator.lifecycle import CANCELED, FAILED, LifecycleError, lifecycle
from ionq_emulator.results import stored
from ionq_emulator.runner import MULTI, Outcome, circuits_of
from ionq_emulator.store import JobRecord, SessionRecord, Store
from ionq_emulator.workers import Simulations

__all__ = ["DEFAULT_DWELL", "Progress", "Transition"]

#: Seconds a job spends in each non-terminal state in clock mode.
DEFAULT_DWELL: Final = 0.05
COMPLETED: Final = "completed"
STARTED: Final = "started"
_FORCED_FAILURE: Final = {
    "code": "QuantumComputerError",
    "message": "failure injected by the emulator (advance to failed)",
}


@dataclass(frozen=True, slots=True)
class Transition:
    job_id: str
    old: str
    new: str


class Progress:
    """Applies lifecycle steps to jobs in a Store."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        manual: bool,
        dwell: float | Mapping[str, float] = DEFAULT_DWELL,
        simulations: Simulations | None = None,
    ) -> None:
        self.store = store
        self.simulations = simulations or Simulations()
        self.clock = clock
        self.manual = manual
        self.dwell: dict[str, float] = (
            {s: float(dwell) for s in lifecycle().states}
            if isinstance(dwell, int | float)
            else {s: float(dwell.get(s, DEFAULT_DWELL)) for s in lifecycle().states}
        )
        if any(value < 0 for value in self.dwell.values()):
            raise ValueError("dwell times must be >= 0")

    # -- the one place a status changes -------------------------------------------

    def transition(self, job: JobRecord, new: str, at: float | None = None) -> list[Transition]:
        """Move ``job`` (and the children following it) to ``new``, if the contract allows."""
        lifecycle().check(job.status, new)
        when = self.clock.now() if at is None else at
        changes = [Transition(job.id, job.status, new)]
        job.status = new
        job.entered_at = when
        if new == STARTED:
            job.started_at = when
            self._start_session(job, when)
        if new in {COMPLETED, FAILED}:
            job.completed_at = when
        self.store.touch_job(job)
        if not lifecycle().is_terminal(new):
            # Children follow the queue steps; their endings are decided one by one.
            for child in self._children(job):
                if (child.status, new) in lifecycle().edges:
                    changes += self.transition(child, new, when)
        return changes

    def _children(self, job: JobRecord) -> list[JobRecord]:
        return [
            child
            for child_id in job.child_job_ids or []
            if (child := self.store.jobs.get(child_id)) is not None and child.runs_with_parent
        ]

    def _start_session(self, job: JobRecord, when: float) -> None:
        session = self.store.sessions.get(job.session_id or "")
        if isinstance(session, SessionRecord) and session.status == "created":
            session.status = STARTED
            session.started_at = when
            self.store.put_session(session)

    # -- finishing: where results come from ----------------------------------------

    def _run(self, job: JobRecord, circuit: Mapping[str, Any]) -> Outcome | None:
        """The job's outcome; None while a worker is still computing it."""
        backend = BACKENDS[job.backend]
        model = (
            (job.noise or {}).get("model", "ideal") if not backend.is_qpu else backend.noise_model
        )
        return self.simulations.outcome(
            job.id, circuit, backend=backend, shots=job.shots, noise_model=str(model),
            seed=job.noise_seed,
        )  # fmt: skip

    def _finish(self, job: JobRecord, at: float, forced_failure: bool) -> list[Transition]:
        """started -> completed or failed, with results."""
        changes: list[Transition] = []
        if forced_failure:
            for child in self._children(job):
                if not lifecycle().is_terminal(child.status):
                    child.failure = dict(_FORCED_FAILURE)
                    changes += self.transition(child, FAILED, at)
            job.failure = dict(_FORCED_FAILURE)
            return changes + self.transition(job, FAILED, at)
        if job.dry_run:
            for child in self._children(job):
                if not lifecycle().is_terminal(child.status):
                    changes += self.transition(child, COMPLETED, at)
            return changes + self.transition(job, COMPLETED, at)
        if job.type == MULTI:
            running = [c for c in self._children(job) if not lifecycle().is_terminal(c.status)]
            outcomes = [self._run(child, child.input) for child in running]
            if None in outcomes:
                return []  # still simulating
            failures: list[str] = []
            for child, outcome in zip(running, outcomes, strict=True):
                assert outcome is not None
                changes += self._finish_one(child, outcome, at)
                if child.failure is not None:
                    failures.append(f"{child.id}: {child.failure['message']}")
            if failures:
                job.failure = {
                    "code": "SimulationError",
                    "message": f"{len(failures)} circuit(s) failed; first: {failures[0]}",
                }
                return changes + self.transition(job, FAILED, at)
            return changes + self.transition(job, COMPLETED, at)
        outcome = self._run(job, circuits_of(job.type, job.input)[0])
        return [] if outcome is None else changes + self._finish_one(job, outcome, at)

    def _finish_one(self, job: JobRecord, outcome: Outcome, at: float) -> list[Transition]:
        if outcome.failure is not None:
            job.failure = outcome.failure
            return self.transition(job, FAILED, at)
        self.store.set_results(job.id, stored(outcome))
        return self.transition(job, COMPLETED, at)

    # -- steps ---------------------------------------------------------------------------

    def step(
        self, job: JobRecord, target: str | None = None, at: float | None = None
    ) -> list[Transition]:
        """One step along the progression, or the whole route to ``target``."""
        when = self.clock.now() if at is None else at
        if target is None:
            nxt = lifecycle().next_step(job.status)
            route = [] if nxt is None else [nxt]
        else:
            route = lifecycle().route(job.status, lifecycle().canonical(target))
        changes: list[Transition] = []
        for state in route:
            if lifecycle().is_terminal(job.status):
                break
            if state == CANCELED:
                changes += self.cancel(job)
            elif state in {COMPLETED, FAILED}:
                changes += self._finish(job, when, forced_failure=state == FAILED)
            else:
                changes += self.transition(job, state, when)
        return changes

    def cancel(self, job: JobRecord) -> list[Transition]:
        changes: list[Transition] = []
        for child in self._children(job):
            if lifecycle().is_cancelable(child.status):
                changes += self.transition(child, CANCELED)
        return changes + self.transition(job, CANCELED)

    def tick(self) -> list[Transition]:
        """Clock mode: apply every step whose dwell time has passed."""
        if self.manual:
            return []
        now = self.clock.now()
        changes: list[Transition] = []
        # Only the jobs whose time is up: a request costs the same however many are active.
        for job in self.store.due(lambda status: self.dwell.get(status, DEFAULT_DWELL), now):
            stuck = True
            while not lifecycle().is_terminal(job.status):
                due = job.entered_at + self.dwell.get(job.status, DEFAULT_DWELL)
                if due > now:
                    break
                moved = self.step(job, at=due)
                if not moved:
                    break
                stuck = False
                changes += moved
            if stuck:
                self.store.requeue(job)  # its simulation is still running
        return changes

    def advance(self, job: JobRecord | None, to: str | None) -> list[Transition]:
        """Manual control: one job (or every active job) one step, or on to ``to``."""
        if job is not None:
            while job.runs_with_parent and job.parent_job_id in self.store.jobs:
                job = self.store.jobs[job.parent_job_id]
            if to is not None:
                lifecycle().route(job.status, lifecycle().canonical(to))  # raises if unreachable
            return self.step(job, to)
        changes: list[Transition] = []
        for job_id in sorted(self.store.active, key=lambda i: self.store.jobs[i].seq):
            candidate = self.store.jobs[job_id]
            try:
                changes += self.step(candidate, to)
            except LifecycleError:
                continue
        return changes
