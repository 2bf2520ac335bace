"""The emulator: state, clock and services behind the ASGI app, plus the test controls.

>>> emu = Emulator(mode="manual", seed=1)
>>> emu.app            # an ASGI app, e.g. for httpx.ASGITransport
>>> emu.advance()      # every active job one step along submitted -> ready -> started -> completed
>>> emu.complete_all() # every active job to its end (completed, or failed)

Modes: ``clock`` moves jobs after ``dwell`` seconds per state (checked at every request);
``manual`` moves them only on ``advance``/``complete_all`` (or ``POST /_emulator/advance``).
With ``seed`` the ids, noisy samples and faults are reproducible and the clock starts at
2025-06-16T00:00:00Z. In manual mode (or with ``clock_step``) that clock is virtual,
moving ``clock_step`` seconds per request, so the same requests give byte-identical
answers; in clock mode it follows real time from there, so jobs finish after their
dwell times however rarely the caller polls.

Over HTTP the same controls live under ``/_emulator/`` (see app.py): an API key acts on
its own project's jobs; whole-server actions need ``control_token`` (random unless
configured; ``open_controls`` waives it).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ionq_emulator.auth import KeyRing
from ionq_emulator.clock import (
    EPOCH,
    Clock,
    SeededClock,
    SystemClock,
    VirtualClock,
    isoformat,
    parse_instant,
)
from ionq_emulator.errors import ApiError
from ionq_emulator.faults import FaultConfig
from ionq_emulator.jobs import JobService
from ionq_emulator.lifecycle import LifecycleError, lifecycle
from ionq_emulator.progress import DEFAULT_DWELL, Progress, Transition
from ionq_emulator.sessions import SessionService
from ionq_emulator.store import (
    IdSource,
    MemoryPersistence,
    Persistence,
    SqlitePersistence,
    Store,
)
from ionq_emulator.workers import Simulations

__all__ = ["MAX_BODY_BYTES", "Emulator", "EmulatorConfig"]

#: Request bodies larger than this get 413 (10 MiB).
MAX_BODY_BYTES = 10 * 1024 * 1024
_DEFAULT_STEP = 0.01


@dataclass
class EmulatorConfig:
    """How an Emulator behaves. Every field has a default that suits tests."""

    mode: Literal["clock", "manual"] = "clock"
    #: Seconds per non-terminal state in clock mode (one value, or per state name).
    dwell: float | Mapping[str, float] = DEFAULT_DWELL
    seed: int | None = None
    #: SQLite file keeping every job across restarts; None keeps state in memory.
    db: str | Path | None = None
    #: API key -> project (or {project, name}); None: every key is its own project.
    keys: Mapping[str, Any] | None = None
    faults: FaultConfig = field(default_factory=FaultConfig)
    #: Check every answer against openapi.yaml; violations go to ``conformance_errors``.
    validate_responses: bool = False
    max_body_bytes: int = MAX_BODY_BYTES
    #: None: the wall clock unseeded; seeded, a virtual clock in manual mode (or when
    #: ``clock_step`` is given) and a seeded clock on real time in clock mode.
    clock: Clock | None = None
    #: Seconds a virtual clock moves per API request (None: 0.01, and only in manual mode).
    clock_step: float | None = None
    #: The token whole-server controls (reset, clock, faults, every project) need over
    #: HTTP, as ``Authorization: Bearer <token>``; None: a random one (``control_token``).
    control_token: str | None = field(default=None, repr=False)
    #: Whole-server controls over HTTP without the token (trusted setups only).
    open_controls: bool = False


class Emulator:
    """One emulated IonQ API: state, lifecycle, services and the ASGI app serving them."""

    store: Store
    clock: Clock
    faults: FaultConfig
    progress: Progress
    jobs: JobService
    sessions: SessionService

    def __init__(self, config: EmulatorConfig | None = None, **options: Any) -> None:
        if config is not None and options:
            raise TypeError("pass either an EmulatorConfig or keyword options, not both")
        self.config = config or EmulatorConfig(**options)
        if self.config.mode not in {"clock", "manual"}:
            raise ValueError("mode must be 'clock' or 'manual'")
        self.keyring = KeyRing(self.config.keys)
        self.control_token = self.config.control_token or secrets.token_urlsafe(24)
        self.simulations = Simulations()
        self.conformance_errors: list[str] = []
        persistence: Persistence = (
            SqlitePersistence(self.config.db) if self.config.db is not None else MemoryPersistence()
        )
        self._build(persistence)
        self._app: Any = None

    def _build(self, persistence: Persistence) -> None:
        cfg = self.config
        self.store = Store(persistence, IdSource(cfg.seed))
        self.clock: Clock = cfg.clock or self._new_clock(float(self.store.meta.get("clock", EPOCH)))
        self.faults = FaultConfig(cfg.faults.rules, cfg.faults.seed)
        self.progress = Progress(
            self.store,
            self.clock,
            manual=cfg.mode == "manual",
            dwell=cfg.dwell,
            simulations=self.simulations,
        )
        self.jobs = JobService(self.store, self.clock, self.progress)
        self.sessions = SessionService(self.store, self.clock)

    def _new_clock(self, start: float) -> Clock:
        cfg = self.config
        if cfg.seed is None:
            return SystemClock()
        if cfg.mode == "clock" and cfg.clock_step is None:
            return SeededClock(start)
        return VirtualClock(start, _DEFAULT_STEP if cfg.clock_step is None else cfg.clock_step)

    # -- the ASGI app -----------------------------------------------------------------------

    @property
    def app(self) -> Any:
        """The ASGI application (built on first use)."""
        if self._app is None:
            from ionq_emulator.app import build_app

            self._app = build_app(self)
        return self._app

    def before_request(self) -> None:
        """Per API request: step a virtual clock, then apply what the clock made due."""
        self.clock.on_request()
        with self.store.unit():
            if isinstance(self.clock, VirtualClock | SeededClock):
                self.store.meta["clock"] = self.clock.now()
            self.sessions.expire()
            self.progress.tick()
            if self.simulations.pending():
                self.simulations.forget(self._still_running)

    def _still_running(self, job_id: str) -> bool:
        job = self.store.jobs.get(job_id)
        return job is not None and not lifecycle().is_terminal(job.status)

    # -- controls for tests -------------------------------------------------------------------

    def advance(
        self, job_id: str | None = None, to: str | None = None, *, project: str | None = None
    ) -> list[Transition]:
        """Move one job (or every active job) one step, or on to status ``to``; with
        ``project``, only that project's jobs. A job whose simulation is heavy is finished
        once its worker is done: this waits for it, without holding up other requests.

        Raises ApiError(404) for an unknown job and LifecycleError when ``to`` cannot be
        reached from the job's status.
        """
        if to is not None and lifecycle().canonical(to) not in lifecycle().states:
            raise LifecycleError(f"{to!r} is not a job status")
        with self.store.unit():
            if job_id is not None:
                moved = [self._top(self._job(job_id, project))]
                changes = self.progress.advance(moved[0], to)
            elif project is None:
                moved = self._active(None)
                changes = self.progress.advance(None, to)
            else:
                moved = sorted(self._active(project), key=lambda j: j.seq)
                changes = []
                for job in moved:
                    try:
                        changes += self.progress.advance(job, to)
                    except LifecycleError:
                        continue
            waiting = self._waiting_for({job.id for job in moved})
        while waiting:  # the steps those jobs could not take yet, once their outcome is in
            self.simulations.wait(waiting)
            with self.store.unit():
                for job in self._tops(waiting):
                    changes += self.progress.advance(job, to or "completed")
                waiting = [k for k in self._waiting_for({j.id for j in moved}) if k in waiting]
        return changes

    def complete_all(self, *, project: str | None = None) -> list[Transition]:
        """Every active job (of ``project``, if given) to its end: ``completed``, or
        ``failed`` if it cannot run."""
        return self.advance(to="completed", project=project)

    def _job(self, job_id: str, project: str | None) -> Any:
        job = self.store.jobs.get(job_id)
        if job is None or (project is not None and job.project_id != project):
            raise ApiError.not_found(f"No job with id {job_id!r}.")
        return job

    def _active(self, project: str | None) -> list[Any]:
        jobs = (self.store.jobs[job_id] for job_id in self.store.active)
        return [job for job in jobs if project is None or job.project_id == project]

    def _top(self, job: Any) -> Any:
        """The job the lifecycle moves: a multi-circuit child's parent, else itself."""
        while job.runs_with_parent and job.parent_job_id in self.store.jobs:
            job = self.store.jobs[job.parent_job_id]
        return job

    def _tops(self, keys: Iterable[str]) -> list[Any]:
        """The still active jobs that own the simulations ``keys``."""
        found = [self._top(job) for key in keys if (job := self.store.jobs.get(key)) is not None]
        tops = {job.id: job for job in found if not lifecycle().is_terminal(job.status)}
        return sorted(tops.values(), key=lambda j: j.seq)

    def _waiting_for(self, top_ids: set[str]) -> list[str]:
        """The simulations still running for the jobs ``top_ids``."""
        with self.store.lock:
            return [
                k for k in self.simulations.pending() if {j.id for j in self._tops([k])} & top_ids
            ]

    def set_clock(self, instant: str | float | None = None, *, advance: float | None = None) -> str:
        """Set the clock to ``instant`` (ISO 8601 or epoch seconds) and/or move it on.

        In clock mode, jobs whose dwell time has passed move at once.
        """
        if instant is not None:
            self.clock.set(parse_instant(instant))
        if advance is not None:
            self.clock.advance(advance)
        with self.store.unit():
            if isinstance(self.clock, VirtualClock | SeededClock):
                self.store.meta["clock"] = self.clock.now()
            self.sessions.expire()
            self.progress.tick()
        return isoformat(self.clock.now())

    def set_faults(self, faults: FaultConfig | None) -> None:
        """Replace the fault rules (None: no faults). The generator restarts from the seed."""
        faults = faults or FaultConfig()
        self.faults = FaultConfig(faults.rules, faults.seed)

    def reset(self) -> None:
        """Forget every job and session; ids, clock and faults start over from the seed."""
        with self.store.lock:
            self.store.clear()
            # A clock passed in by the caller is kept as it is: it is theirs to manage.
            # Fault rules stay; their generator restarts from its seed.
            faults = self.faults
            self._build(self.store.persistence)
            self.faults = FaultConfig(faults.rules, faults.seed)
            self.conformance_errors.clear()
            self.simulations.forget(lambda key: False)

    def job(self, job_id: str, *, project: str | None = None) -> dict[str, Any]:
        """A job's JSON as the API shows it, whatever its project unless ``project``."""
        with self.store.lock:
            return self.jobs.job_json(self._job(job_id, project))

    def state(self, *, project: str | None = None) -> dict[str, Any]:
        """A summary: mode, clock, counts by status, sessions, faults (of ``project``'s
        jobs and sessions only, if given)."""
        with self.store.lock:
            jobs = [
                j for j in self.store.jobs.values() if project is None or j.project_id == project
            ]
            by_status: dict[str, int] = {}
            for job in jobs:
                by_status[job.status] = by_status.get(job.status, 0) + 1
            return {
                "mode": self.config.mode,
                "now": isoformat(self.clock.now()),
                "jobs": len(jobs),
                "active": len(self._active(project)),
                "by_status": dict(sorted(by_status.items())),
                "sessions": sum(
                    1
                    for s in self.store.sessions.values()
                    if project is None or s.project_id == project
                ),
                "projects": len({j.project_id for j in jobs}),
                "faults": self.faults.to_json(),
                "conformance_errors": len(self.conformance_errors),
            }

    def close(self) -> None:
        """Release the database and the simulation worker (the emulator must not be used
        afterwards)."""
        self.simulations.close()
        with self.store.lock:
            self.store.persistence.close()
