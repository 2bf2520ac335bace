"""The emulator's state: jobs, results, sessions, id generator and the answers kept for
Idempotency-Keys; in memory, optionally in SQLite.

All state lives in memory behind one re-entrant lock; every read and write happens
while holding it. Persistence is write-through: a ``unit()`` of work collects what it
changed and, when it ends, writes it to SQLite and commits, before the HTTP answer is
sent. So with ``--db`` a restart loses nothing that was acknowledged. Without ``--db``
the persistence layer does nothing.

What is read back from SQLite is read row by row: a row that cannot be read is left out
(and logged), and a lone surrogate kept from before the API refused them reads as U+FFFD,
so one bad row never breaks the answers that would show it.
"""

from __future__ import annotations

import bisect
import heapq
import json
import logging
import random
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, NamedTuple, Protocol, Self, cast

from ionq_emulator.lifecycle import lifecycle

log = logging.getLogger("ionq_emulator")

__all__ = [
    "IdSource",
    "JobRecord",
    "Loaded",
    "MemoryPersistence",
    "SessionRecord",
    "SqlitePersistence",
    "Store",
    "StoredAnswer",
]

#: (project id, operationId, Idempotency-Key): keys are per project, like every other
#: resource, and per operation, so one operation's answer is never given for another's.
AnswerKey = tuple[str, str, str]


class StoredAnswer(NamedTuple):
    """The first answer to a request with an Idempotency-Key, and which request it was."""

    #: Fingerprint of the request (method, path, canonical JSON body): a repeat of the key
    #: with another fingerprint is a different request, not a retry.
    request: str
    status: int
    body: Any


def _mend(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, list):
        return [_mend(v) for v in value]
    if isinstance(value, dict):
        return {_mend(k): _mend(v) for k, v in value.items()}
    return value


def _read(text: str) -> Any:
    """A stored JSON value, lone surrogates (only a \\uDxxx escape makes one) mended."""
    value = json.loads(text)
    return _mend(value) if "\\ud" in text.lower() else value


def _rows(query: str, rows: Iterator[Any], read: Callable[[Any], Any]) -> Iterator[Any]:
    for row in rows:
        try:
            yield read(row)
        except (ValueError, TypeError, KeyError) as exc:
            log.error("left out an unreadable row of %r (%s: %s)", query, type(exc).__name__, exc)


class _Stored:
    """JSON (de)serialization of a record dataclass, for the SQLite tables."""

    __slots__ = ()

    def to_json(self) -> str:
        return json.dumps(asdict(cast(Any, self)), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Self:
        data = _read(text)
        names = {f.name for f in fields(cast(Any, cls))}
        found: Self = cast(Any, cls)(**{k: v for k, v in data.items() if k in names})
        return found


@dataclass(slots=True)
class JobRecord(_Stored):
    """Everything the emulator knows about one job."""

    id: str
    seq: int
    project_id: str
    submitter_id: str
    type: str
    backend: str
    input: dict[str, Any]
    shots: int
    dry_run: bool
    status: str
    submitted_at: float
    entered_at: float  # when the current status began (clock mode counts dwell from here)
    name: str | None = None
    metadata: dict[str, str] | None = None
    noise: dict[str, Any] | None = None
    settings: dict[str, Any] | None = None
    session_id: str | None = None
    parent_job_id: str | None = None
    child_job_ids: list[str] | None = None
    started_at: float | None = None
    completed_at: float | None = None
    failure: dict[str, str] | None = None
    stats: dict[str, Any] = field(default_factory=dict)
    cost_model: str = "2QGE_operations"
    estimated_cost: float = 0.0
    predicted_execution_ms: int = 0
    predicted_wait_ms: int = 0
    compute_time_us: int = 0
    noise_seed: int = 0  # the sampling seed used for noisy models
    error_mitigation: bool = False
    runs_with_parent: bool = False  # a child of a multi-circuit job


@dataclass(slots=True)
class SessionRecord(_Stored):
    id: str
    seq: int
    project_id: str
    backend: str
    status: str  # created | started | ended
    created_at: float
    creator_id: str
    settings: dict[str, Any] = field(default_factory=dict)
    started_at: float | None = None
    ended_at: float | None = None
    ender_id: str | None = None
    job_count: int = 0


class IdSource:
    """uuid4-shaped ids: random, or from a seeded generator for reproducible runs."""

    def __init__(self, seed: int | None) -> None:
        self._rng: random.Random | None = None if seed is None else random.Random(seed)

    def new(self) -> str:
        if self._rng is None:
            return str(uuid.uuid4())
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def int32(self) -> int:
        """A seed for noisy sampling."""
        source = self._rng if self._rng is not None else random.SystemRandom()
        return source.randrange(2**31)

    def state(self) -> Any:
        return None if self._rng is None else self._rng.getstate()

    def restore(self, state: Any) -> None:
        if self._rng is not None and state is not None:
            version, internal, gauss = state
            self._rng.setstate((version, tuple(internal), gauss))


@dataclass(slots=True)
class _Changes:
    jobs: set[str] = field(default_factory=set)
    results: set[str] = field(default_factory=set)
    sessions: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)
    answers: set[AnswerKey] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.jobs or self.results or self.sessions or self.deleted or self.answers)


@dataclass(slots=True)
class Loaded:
    """Everything a persistence layer holds, as read at start-up."""

    jobs: list[JobRecord] = field(default_factory=list)
    results: dict[str, Any] = field(default_factory=dict)
    sessions: list[SessionRecord] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    answers: dict[AnswerKey, StoredAnswer] = field(default_factory=dict)


class Persistence(Protocol):
    def load(self) -> Loaded: ...

    def save(self, store: Store, changes: _Changes, meta: dict[str, Any]) -> None: ...

    def clear(self) -> None: ...

    def close(self) -> None: ...


class MemoryPersistence:
    """Keeps nothing beyond the process."""

    def load(self) -> Loaded:
        return Loaded()

    def save(self, store: Store, changes: _Changes, meta: dict[str, Any]) -> None:
        return None

    def clear(self) -> None:
        return None

    def close(self) -> None:
        return None


_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- ``answers`` (project, key) was the first shape: its rows name neither the operation nor
-- the request, so no repeat could be checked against them; they are dropped.
DROP TABLE IF EXISTS answers;
CREATE TABLE IF NOT EXISTS idempotency (
    project TEXT NOT NULL, operation TEXT NOT NULL, key TEXT NOT NULL,
    request TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (project, operation, key)
);
"""


class SqlitePersistence:
    """One SQLite file; each unit of work is one committed transaction."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def load(self) -> Loaded:
        def rows(query: str, read: Callable[[Any], Any]) -> Iterator[Any]:
            return _rows(query, self._db.execute(query), read)

        def by_key(row: Any) -> tuple[Any, Any]:
            return row[0], _read(row[1])

        jobs = list(rows("SELECT data FROM jobs ORDER BY seq", lambda r: JobRecord.from_json(r[0])))
        results = dict(rows("SELECT id, data FROM results", by_key))
        sessions = list(
            rows("SELECT data FROM sessions ORDER BY seq", lambda r: SessionRecord.from_json(r[0]))
        )
        meta = dict(rows("SELECT key, value FROM meta", by_key))
        answers = dict(
            rows(
                "SELECT project, operation, key, request, status, body FROM idempotency",
                lambda r: ((r[0], r[1], r[2]), StoredAnswer(r[3], int(r[4]), _read(r[5]))),
            )
        )
        return Loaded(jobs, results, sessions, meta, answers)

    def save(self, store: Store, changes: _Changes, meta: dict[str, Any]) -> None:
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            for job_id in changes.deleted:
                db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
                db.execute("DELETE FROM results WHERE id = ?", (job_id,))
            db.executemany(
                "INSERT OR REPLACE INTO jobs (id, seq, data) VALUES (?, ?, ?)",
                [
                    (job.id, job.seq, job.to_json())
                    for job_id in changes.jobs
                    if (job := store.jobs.get(job_id)) is not None
                ],
            )
            db.executemany(
                "INSERT OR REPLACE INTO results (id, data) VALUES (?, ?)",
                [
                    (job_id, json.dumps(store.results[job_id]))
                    for job_id in changes.results
                    if job_id in store.results
                ],
            )
            db.executemany(
                "INSERT OR REPLACE INTO sessions (id, seq, data) VALUES (?, ?, ?)",
                [
                    (s.id, s.seq, s.to_json())
                    for sid in changes.sessions
                    if (s := store.sessions.get(sid)) is not None
                ],
            )
            db.executemany(
                "INSERT OR REPLACE INTO idempotency"
                " (project, operation, key, request, status, body) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (*answer_key, kept.request, kept.status, json.dumps(kept.body))
                    for answer_key in changes.answers
                    if (kept := store.answers.get(answer_key)) is not None
                ],
            )
            db.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [(key, json.dumps(value)) for key, value in meta.items()],
            )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def clear(self) -> None:
        self._db.executescript(
            "BEGIN; DELETE FROM jobs; DELETE FROM results; DELETE FROM sessions;"
            " DELETE FROM meta; DELETE FROM idempotency; COMMIT;"
        )

    def close(self) -> None:
        self._db.close()


class Store:
    """Jobs, results and sessions by id, plus per-project order of creation."""

    def __init__(self, persistence: Persistence, ids: IdSource) -> None:
        self.lock = threading.RLock()
        self.persistence = persistence
        self.ids = ids
        self.jobs: dict[str, JobRecord] = {}
        self.results: dict[str, Any] = {}
        self.sessions: dict[str, SessionRecord] = {}
        #: The first answer to each creating request that carried an Idempotency-Key.
        self.answers: dict[AnswerKey, StoredAnswer] = {}
        #: Non-terminal jobs without a parent: the ones the lifecycle moves.
        self.active: set[str] = set()
        # Active jobs by status, each a heap of (entered_at, seq, id): the clock finds the
        # jobs whose time is up without looking at the others. Entries of jobs that moved
        # on since are dropped when they come up.
        self._waiting: dict[str, list[tuple[float, int, str]]] = {}
        self._project_seqs: dict[str, list[int]] = {}
        self._by_seq: dict[int, str] = {}
        self._next_seq = 1
        self._changes: _Changes | None = None
        self._depth = 0
        #: Extra persisted values (e.g. the virtual clock), written with every unit.
        self.meta: dict[str, Any] = {}
        self._load()

    # -- persistence -----------------------------------------------------------

    def _load(self) -> None:
        loaded = self.persistence.load()
        jobs, sessions, meta = loaded.jobs, loaded.sessions, loaded.meta
        for job in jobs:
            self._index(job)
        self.results = loaded.results
        self.answers = loaded.answers
        for session in sessions:
            self.sessions[session.id] = session
        self._next_seq = max(
            [meta.get("next_seq", 1), *(j.seq + 1 for j in jobs), *(s.seq + 1 for s in sessions)]
        )
        self.ids.restore(meta.get("ids"))
        self.meta = {k: v for k, v in meta.items() if k not in {"next_seq", "ids"}}

    @contextmanager
    def unit(self) -> Iterator[None]:
        """Hold the lock; on leaving the outermost unit, persist what changed."""
        with self.lock:
            if self._depth == 0:
                self._changes = _Changes()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    changes, self._changes = self._changes, None
                    if changes:
                        meta = {**self.meta, "next_seq": self._next_seq, "ids": self.ids.state()}
                        self.persistence.save(self, changes, meta)

    def _changed(self) -> _Changes:
        if self._changes is None:
            raise RuntimeError("store changed outside a unit of work")
        return self._changes

    def clear(self) -> None:
        with self.lock:
            self.jobs.clear()
            self.results.clear()
            self.sessions.clear()
            self.answers.clear()
            self.active.clear()
            self._waiting.clear()
            self._project_seqs.clear()
            self._by_seq.clear()
            self.meta.clear()
            self.persistence.clear()

    # -- jobs --------------------------------------------------------------------

    def next_seq(self) -> int:
        with self.lock:
            seq = self._next_seq
            self._next_seq += 1
            return seq

    def _index(self, job: JobRecord) -> None:
        self.jobs[job.id] = job
        self._by_seq[job.seq] = job.id
        seqs = self._project_seqs.setdefault(job.project_id, [])
        if seqs and seqs[-1] > job.seq:
            bisect.insort(seqs, job.seq)
        else:
            seqs.append(job.seq)
        self._track(job)

    def _track(self, job: JobRecord) -> None:
        # Children of a multi-circuit job move with their parent, never on their own.
        if not job.runs_with_parent and not lifecycle().is_terminal(job.status):
            self.active.add(job.id)
            heapq.heappush(
                self._waiting.setdefault(job.status, []), (job.entered_at, job.seq, job.id)
            )
        else:
            self.active.discard(job.id)

    def due(self, dwell: Callable[[str], float], now: float) -> list[JobRecord]:
        """Active jobs whose time in their status (``dwell(status)`` seconds) is up at
        ``now``, in order of creation. They leave the index: a job that moves is indexed
        again by its new status; one that cannot move yet goes back with ``requeue``."""
        found: dict[str, JobRecord] = {}
        for status, heap in self._waiting.items():
            wait = dwell(status)
            while heap and heap[0][0] + wait <= now:
                entered_at, _, job_id = heapq.heappop(heap)
                job = self.jobs.get(job_id)
                if (
                    job is not None
                    and job_id in self.active
                    and job.status == status
                    and job.entered_at == entered_at
                ):
                    found[job_id] = job
        return sorted(found.values(), key=lambda job: job.seq)

    def requeue(self, job: JobRecord) -> None:
        """Index ``job`` again as it is (it was due, but could not move yet)."""
        self._track(job)

    def add_job(self, job: JobRecord) -> None:
        self._index(job)
        self._changed().jobs.add(job.id)

    def touch_job(self, job: JobRecord) -> None:
        """Record that ``job`` changed (status, fields)."""
        self._track(job)
        self._changed().jobs.add(job.id)

    def set_results(self, job_id: str, results: Any) -> None:
        self.results[job_id] = results
        self._changed().results.add(job_id)

    def delete_job(self, job_id: str) -> None:
        job = self.jobs.pop(job_id, None)
        if job is None:
            return
        self.results.pop(job_id, None)
        self.active.discard(job_id)
        self._by_seq.pop(job.seq, None)
        seqs = self._project_seqs.get(job.project_id, [])
        index = bisect.bisect_left(seqs, job.seq)
        if index < len(seqs) and seqs[index] == job.seq:
            seqs.pop(index)
        changes = self._changed()
        changes.jobs.discard(job_id)
        changes.deleted.add(job_id)

    def project_jobs_before(self, project_id: str, seq: int | None) -> Iterator[JobRecord]:
        """The project's jobs, newest first, strictly older than ``seq`` (all when None)."""
        seqs = self._project_seqs.get(project_id, [])
        index = len(seqs) if seq is None else bisect.bisect_left(seqs, seq)
        for position in range(index - 1, -1, -1):
            job_id = self._by_seq.get(seqs[position])
            job = self.jobs.get(job_id) if job_id is not None else None
            if job is not None:
                yield job

    def count_jobs(self, project_id: str | None = None) -> int:
        if project_id is None:
            return len(self.jobs)
        return len(self._project_seqs.get(project_id, []))

    # -- sessions ----------------------------------------------------------------

    def put_session(self, session: SessionRecord) -> None:
        self.sessions[session.id] = session
        self._changed().sessions.add(session.id)

    # -- idempotency keys ----------------------------------------------------------

    def answer(self, project_id: str, operation: str, key: str) -> StoredAnswer | None:
        """The answer kept for ``key`` of ``operation`` in the project, if a request
        already used it."""
        return self.answers.get((project_id, operation, key))

    def keep_answer(self, project_id: str, operation: str, key: str, answer: StoredAnswer) -> None:
        """Keep the answer to ``key``'s first request; persisted with the unit's other
        changes (so with the job it created, in one transaction)."""
        self.answers[(project_id, operation, key)] = answer
        self._changed().answers.add((project_id, operation, key))
