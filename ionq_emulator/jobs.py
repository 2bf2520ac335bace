"""Jobs as the API sees them: create, clone, move, read, list, cancel, delete, results, cost.

Create, clone and move are one mechanism: each builds a complete job request and hands
it to ``_create``. Clone takes the source's workload and every field the body does not
give; move is clone plus canceling the source in the same unit of work (so with SQLite
both are committed together, or neither). A job of another project is indistinguishable
from a job that does not exist: 404.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Final

from ionq_emulator import limits, results
from ionq_emulator.auth import ORGANIZATION_ID, Principal
from ionq_emulator.catalog import BACKENDS, BackendInfo
from ionq_emulator.clock import Clock, isoformat
from ionq_emulator.compiler import compiled_artifact, compiled_circuits
from ionq_emulator.errors import ApiError
from ionq_emulator.lifecycle import lifecycle
from ionq_emulator.pricing import estimate, rate_card_json
from ionq_emulator.progress import Progress
from ionq_emulator.results import ResultData
from ionq_emulator.runner import CIRCUIT, MULTI, QASM3, circuit_qubits, circuits_of, count_gates
from ionq_emulator.spec import API_PREFIX
from ionq_emulator.store import JobRecord, SessionRecord, Store

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "JobService"]

DEFAULT_LIMIT: Final = 25
#: The largest page; larger ``limit`` values are clamped (the contract sets no maximum).
MAX_LIMIT: Final = 1000
DEFAULT_SHOTS: Final = 100
_ARTIFACT_NS: Final = uuid.UUID("a3f0f9d2-55b1-4b5e-8f3e-2f1d6b9a7c10")
_MEDIA_TYPE: Final = "application/json"
#: Debiasing's aggregations, each served as a histogram artifact (IonQ's AggregationsOutput).
_AGGREGATIONS: Final = ("average", "voting")
#: Qubit counts beyond any backend are priced as this many (keeps arithmetic finite).
_QUBITS_CAP: Final = 10**6
_INHERITED: Final = (
    "name", "metadata", "shots", "backend", "session_id", "settings", "noise", "dry_run",
)  # fmt: skip


def _encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"jobs:{seq}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, seq = text.partition(":")
        if prefix != "jobs" or not seq.isdigit():
            raise ValueError(cursor)
        return int(seq)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError.bad_request(
            "`next` is not a cursor this server issued", keys=["next"], source="query"
        ) from None


_Workload = tuple[list[dict[str, Any]], list[dict[str, int]]]


def _read_workload(job_type: str, workload: Mapping[str, Any]) -> _Workload:
    """A job's circuits and their gate counts."""
    circuits = circuits_of(job_type, workload)
    return circuits, [count_gates(c) for c in circuits]


class JobService:
    def __init__(self, store: Store, clock: Clock, progress: Progress) -> None:
        self.store = store
        self.clock = clock
        self.progress = progress

    # -- lookups --------------------------------------------------------------------

    def visible(self, principal: Principal, job_id: str) -> JobRecord:
        job = self.store.jobs.get(job_id)
        if job is None or job.project_id != principal.project_id:
            raise ApiError.not_found(f"No job with id {job_id!r}.")
        return job

    def _backend(self, name: str) -> BackendInfo:
        backend = BACKENDS.get(name)
        if backend is None or backend.status == "retired":
            known = ", ".join(n for n, b in BACKENDS.items() if b.status != "retired")
            raise ApiError.bad_request(
                f"unknown or retired backend {name!r}; available: {known}",
                keys=["backend"],
                source="body",
            )
        return backend

    def _session(self, principal: Principal, session_id: str) -> SessionRecord:
        session = self.store.sessions.get(session_id)
        if session is None or session.project_id != principal.project_id:
            raise ApiError.bad_request(
                f"no session {session_id!r}", keys=["session_id"], source="body"
            )
        if session.status == "ended":
            raise ApiError.bad_request(
                f"session {session_id!r} has ended", keys=["session_id"], source="body"
            )
        limit = session.settings.get("job_count_limit")
        if isinstance(limit, int) and session.job_count >= limit:
            raise ApiError.bad_request(
                f"session {session_id!r} reached its job count limit ({limit})",
                keys=["session_id"],
                source="body",
            )
        return session

    # -- creation: the one mechanism behind create, clone and move ----------------------

    def create(self, principal: Principal, body: Mapping[str, Any]) -> dict[str, Any]:
        limits.check_metadata(body.get("metadata"))
        # Reading a large workload takes long: done before taking the lock (issue 14).
        workload = _read_workload(str(body.get("type")), body.get("input") or {})
        with self.store.unit():
            job = self._create(principal, dict(body), workload=workload)
            return self.created_json(job)

    def clone(
        self, principal: Principal, job_id: str, overrides: Mapping[str, Any]
    ) -> dict[str, Any]:
        with self.store.unit():
            source = self.visible(principal, job_id)
            request = self._cloned_request(principal, source, overrides)
            job = self._create(principal, request, check_session="session_id" in overrides)
            return self.created_json(job)

    def move(
        self, principal: Principal, job_id: str, overrides: Mapping[str, Any]
    ) -> dict[str, Any]:
        with self.store.unit():
            source = self.visible(principal, job_id)
            if not lifecycle().is_cancelable(source.status):
                raise ApiError.conflict(
                    f"Job {job_id!r} is {source.status} and cannot be canceled, so it cannot be "
                    "moved; no job was created."
                )
            request = self._cloned_request(principal, source, overrides)
            request["metadata"] = {**(request.get("metadata") or {}), "original_job_id": source.id}
            job = self._create(principal, request, check_session="session_id" in overrides)
            self.progress.cancel(source)
            return self.created_json(job)

    def _cloned_request(
        self, principal: Principal, source: JobRecord, overrides: Mapping[str, Any]
    ) -> dict[str, Any]:
        limits.check_metadata(overrides.get("metadata"))
        request: dict[str, Any] = {"type": source.type, "input": source.input}
        for name in _INHERITED:
            value = overrides[name] if name in overrides else getattr(source, name)
            if value is not None:
                request[name] = value
        parent = overrides.get("parent", source.parent_job_id)
        if "parent" in overrides:
            try:
                self.visible(principal, str(parent))
            except ApiError:
                raise ApiError.bad_request(
                    f"no job {parent!r} to be the parent", keys=["parent"], source="body"
                ) from None
        request["parent"] = parent
        return request

    def _create(
        self,
        principal: Principal,
        request: dict[str, Any],
        *,
        check_session: bool = True,
        workload: _Workload | None = None,
    ) -> JobRecord:
        """Record a new job (and its children). ``check_session=False`` for an inherited
        session, which is kept even if it has ended since: only a given one is checked."""
        backend = self._backend(str(request["backend"]))
        session_id = request.get("session_id")
        session = None
        if session_id is not None and check_session:
            session = self._session(principal, str(session_id))
        job_type = str(request["type"])
        circuits, counts = workload or _read_workload(job_type, request["input"])
        limits.check_gates(counts)
        one_q = sum(c["1q"] for c in counts)
        two_q = sum(c["2q"] for c in counts)
        qubits = max((circuit_qubits(c) for c in circuits if "error" not in c), default=0)
        shots = int(request.get("shots", DEFAULT_SHOTS))
        settings = request.get("settings")
        settings = settings if isinstance(settings, Mapping) else None
        limits.check_job_settings(settings, shots)
        mitigation = limits.debiasing_of(settings, shots, backend) or bool(
            ((settings or {}).get("error_mitigation") or {}).get("symmetry_verification")
        )
        guess = estimate(
            backend,
            qubits=min(max(qubits, 1), _QUBITS_CAP),
            shots=shots,
            one_qubit_gates=one_q,
            two_qubit_gates=two_q,
            error_mitigation=mitigation,
        )
        dry_run = bool(request.get("dry_run", False))
        if session is not None:
            limits.check_session_cost(
                session.settings, session.id, self._session_spent(session.id),
                0.0 if dry_run else guess.cost,
            )  # fmt: skip
        noise = request.get("noise")
        seed = noise.get("seed") if isinstance(noise, Mapping) else None
        now = self.clock.now()
        job = JobRecord(
            id=self.store.ids.new(),
            seq=self.store.next_seq(),
            project_id=principal.project_id,
            submitter_id=principal.key_id,
            type=job_type,
            backend=backend.name,
            input=request["input"],
            shots=shots,
            dry_run=dry_run,
            status="submitted",
            submitted_at=now,
            entered_at=now,
            name=request.get("name"),
            metadata=dict(request["metadata"]) if request.get("metadata") is not None else None,
            noise=dict(noise) if isinstance(noise, Mapping) else None,
            settings=dict(settings) if isinstance(settings, Mapping) else None,
            session_id=str(session_id) if session_id is not None else None,
            parent_job_id=request.get("parent"),
            stats={
                "qubits": qubits,
                "circuits": len(circuits),
                "gate_counts": {"1q": one_q, "2q": two_q},
            },
            cost_model=guess.rate.cost_model,
            estimated_cost=guess.cost,
            predicted_execution_ms=guess.execution_time_ms,
            predicted_wait_ms=guess.queue_time_ms,
            compute_time_us=guess.compute_time_us,
            noise_seed=int(seed) if isinstance(seed, int) else self.store.ids.int32(),
            error_mitigation=mitigation,
        )
        self.store.add_job(job)
        if job_type == MULTI:
            job.child_job_ids = [
                self._child(job, index, circuit, counts[index], backend).id
                for index, circuit in enumerate(circuits)
            ]
            self.store.touch_job(job)
        if session is not None:
            session.job_count += 1
            self.store.put_session(session)
        return job

    def _session_spent(self, session_id: str) -> float:
        """The estimated cost of the session's jobs so far (children count in their parent)."""
        return sum(
            job.estimated_cost
            for job in self.store.jobs.values()
            if job.session_id == session_id and not job.dry_run and not job.runs_with_parent
        )

    def _child(
        self,
        parent: JobRecord,
        index: int,
        circuit: dict[str, Any],
        counts: dict[str, int],
        backend: BackendInfo,
    ) -> JobRecord:
        qubits = circuit_qubits(circuit)
        guess = estimate(
            backend,
            qubits=min(max(qubits, 1), _QUBITS_CAP),
            shots=parent.shots,
            one_qubit_gates=counts["1q"],
            two_qubit_gates=counts["2q"],
            error_mitigation=parent.error_mitigation,
        )
        child = JobRecord(
            id=self.store.ids.new(),
            seq=self.store.next_seq(),
            project_id=parent.project_id,
            submitter_id=parent.submitter_id,
            type=CIRCUIT,
            backend=parent.backend,
            input={k: v for k, v in circuit.items() if k != "name"},
            shots=parent.shots,
            dry_run=parent.dry_run,
            status=parent.status,
            submitted_at=parent.submitted_at,
            entered_at=parent.entered_at,
            name=circuit.get("name"),
            noise=parent.noise,
            settings=parent.settings,
            session_id=parent.session_id,
            parent_job_id=parent.id,
            stats={"qubits": qubits, "circuits": 1, "gate_counts": dict(counts)},
            cost_model=parent.cost_model,
            estimated_cost=guess.cost,
            predicted_execution_ms=guess.execution_time_ms,
            predicted_wait_ms=parent.predicted_wait_ms,
            compute_time_us=guess.compute_time_us,
            noise_seed=(parent.noise_seed + index + 1) % 2**31,
            error_mitigation=parent.error_mitigation,
            runs_with_parent=True,
        )
        self.store.add_job(child)
        return child

    # -- reading --------------------------------------------------------------------------

    def created_json(self, job: JobRecord) -> dict[str, Any]:
        return {"id": job.id, "status": job.status, "session_id": job.session_id}

    def _has_results(self, job: JobRecord) -> bool:
        if job.status != "completed" or job.dry_run:
            return False
        if job.type == MULTI:
            return any(child in self.store.results for child in job.child_job_ids or [])
        return job.id in self.store.results

    def artifact_id(self, job: JobRecord, name: str) -> str:
        """The id of ``job``'s artifact ``name`` (a result format, or an aggregation)."""
        return str(uuid.uuid5(_ARTIFACT_NS, f"{job.id}/{name}"))

    def _descriptor(self, job: JobRecord, name: str, fmt: str) -> dict[str, str]:
        return {"id": self.artifact_id(job, name), "format": fmt, "media_type": _MEDIA_TYPE}

    def _data(self, job: JobRecord) -> ResultData:
        backend = BACKENDS[job.backend]
        model = (job.noise or {}).get("model", "ideal")
        return ResultData.load(
            self.store.results[job.id],
            qubits=int(job.stats.get("qubits", 0)),
            shots=job.shots,
            sampled=backend.is_qpu or model != "ideal",
            seed=job.noise_seed,
            program=str(job.input.get("data", "")) if job.type == QASM3 else "",
        )

    def _formats(self, job: JobRecord) -> list[str]:
        return [results.AGGREGATE_V1] if job.type == MULTI else self._data(job).formats()

    def _results_json(self, job: JobRecord) -> dict[str, Any] | None:
        """Both shapes at once: descriptors keyed by format, and the short-name links."""
        if not self._has_results(job):
            return None
        formats = self._formats(job)
        found: dict[str, Any] = {fmt: self._descriptor(job, fmt, fmt) for fmt in formats}
        for name, fmt in results.SHORT_NAMES.items():
            if fmt in formats:
                found[name] = {"url": self._link(job, name, fmt)}
        if job.type == MULTI:  # its probabilities endpoint answers with the aggregate
            found["probabilities"] = {"url": self._link(job, "probabilities", "")}
        return found

    def _link(self, job: JobRecord, name: str, fmt: str) -> str:
        if name == "probabilities":
            return f"{API_PREFIX}/jobs/{job.id}/results/probabilities"
        return f"{API_PREFIX}/jobs/{job.id}/artifacts/{self.artifact_id(job, fmt)}"

    def _debiased(self, job: JobRecord) -> bool:
        return limits.debiasing_of(job.settings, job.shots, BACKENDS[job.backend])

    def _output_json(self, job: JobRecord) -> dict[str, Any]:
        """``output.error_mitigation`` of a debiased job that ran (IonQ's ErrorMitigationOutput)."""
        if not (self._debiased(job) and self._has_results(job)) or job.type == MULTI:
            return {}
        runs = results.variants(self._data(job))
        return {
            "error_mitigation": {
                "debiasing": {
                    "variants": [
                        {"variant_id": f"{job.id}-{i}", "qubit_map": None, "shots": len(run)}
                        for i, run in enumerate(runs)
                    ],
                    "aggregation_method": "average",
                },
                "symmetry_verification": None,
                "aggregations": {
                    name: self._descriptor(job, name, results.HISTOGRAM_V2)
                    for name in _AGGREGATIONS
                },
            }
        }

    def _compiled(self, job: JobRecord) -> dict[str, dict[str, str]]:
        # IonQ reports a completed job's compiled circuits, dry runs included.
        if job.status != "completed" or job.type == MULTI:
            return {}
        return compiled_circuits(job.id, job.type, job.input)

    def _output(self, job: JobRecord) -> dict[str, Any]:
        compiled = self._compiled(job)
        found = {"compilation": {"compiled_circuits": compiled}} if compiled else {}
        return {**found, **self._output_json(job)}

    def job_json(self, job: JobRecord, *, listed: bool = False) -> dict[str, Any]:
        """The contract's Job object: every key, null where it does not apply. As IonQ's
        document shapes it: a listed job (``BaseJob``) has no ``child_job_ids``, and only a
        simulator job has ``noise``."""
        stats: dict[str, Any] = {
            **job.stats,
            "predicted_quantum_compute_time_us": job.compute_time_us,
        }
        billed = job.status == "completed" and not job.dry_run
        if billed:
            stats["billed_quantum_compute_time_us"] = job.compute_time_us
        duration = (
            round((job.completed_at - job.started_at) * 1000)
            if job.completed_at is not None and job.started_at is not None
            else None
        )
        found = {
            "id": job.id,
            "status": job.status,
            "type": job.type,
            "backend": job.backend,
            "dry_run": job.dry_run,
            "submitter_id": job.submitter_id,
            "project_id": job.project_id,
            "parent_job_id": job.parent_job_id,
            "session_id": job.session_id,
            "child_job_ids": list(job.child_job_ids) if job.child_job_ids is not None else None,
            "metadata": dict(job.metadata) if job.metadata is not None else None,
            "name": job.name,
            "submitted_at": isoformat(job.submitted_at),
            "started_at": isoformat(job.started_at) if job.started_at is not None else None,
            "completed_at": isoformat(job.completed_at) if job.completed_at is not None else None,
            "predicted_execution_duration_ms": job.predicted_execution_ms,
            "predicted_wait_time_ms": job.predicted_wait_ms,
            "execution_duration_ms": duration,
            "shots": job.shots,
            "noise": dict(job.noise) if job.noise is not None else {"model": "ideal"},
            "failure": dict(job.failure) if job.failure is not None else None,
            "cost_model": job.cost_model,
            "settings": dict(job.settings) if job.settings is not None else {"compilation": {}},
            "stats": stats,
            "output": self._output(job),
            "results": self._results_json(job),
        }
        if listed:
            del found["child_job_ids"]
        if BACKENDS[job.backend].is_qpu:
            del found["noise"]
        return found

    def get(self, principal: Principal, job_id: str) -> dict[str, Any]:
        with self.store.lock:
            return self.job_json(self.visible(principal, job_id))

    def list_jobs(
        self,
        principal: Principal,
        params: Mapping[str, Any],
        *,
        session_id: str | None = None,
    ) -> dict[str, Any]:
        """A page of the project's jobs, newest first, from the cursor on.

        The cursor is the creation sequence number of the last job returned; the next
        page holds strictly older jobs, so jobs created meanwhile (newer) never appear
        mid-iteration and none is skipped or repeated.
        """
        limit = min(int(params.get("limit", DEFAULT_LIMIT)), MAX_LIMIT)
        before = _decode_cursor(params["next"]) if "next" in params else None
        ids = params.get("ids") or None
        status = params.get("status")
        wanted_status = lifecycle().canonical(status) if status is not None else None
        if wanted_status is not None and wanted_status not in lifecycle().states:
            known = ", ".join(sorted(lifecycle().states))
            raise ApiError.bad_request(
                f"`status` must be one of {known}; got {status!r}", keys=["status"], source="query"
            )
        targets = {t.strip() for t in str(params.get("target", "")).split(",") if t.strip()}
        session = session_id if session_id is not None else params.get("session_id")
        with self.store.lock:
            if ids is not None:
                found = [self.store.jobs.get(i) for i in dict.fromkeys(ids)]
                candidates: Any = sorted(
                    (
                        j
                        for j in found
                        if j is not None
                        and j.project_id == principal.project_id
                        and (before is None or j.seq < before)
                    ),
                    key=lambda j: -j.seq,
                )
            else:
                candidates = self.store.project_jobs_before(principal.project_id, before)
            page: list[JobRecord] = []
            more = False
            for job in candidates:
                if (
                    (
                        wanted_status is not None
                        and lifecycle().canonical(job.status) != wanted_status
                    )
                    or (targets and job.backend not in targets)
                    or (session is not None and job.session_id != session)
                    or ("parent_job_id" in params and job.parent_job_id != params["parent_job_id"])
                    or ("submitter_id" in params and job.submitter_id != params["submitter_id"])
                ):
                    continue
                if len(page) == limit:
                    more = True
                    break
                page.append(job)
            return {
                "jobs": [self.job_json(job, listed=True) for job in page],
                "next": _encode_cursor(page[-1].seq) if more and page else None,
            }

    # -- changes ----------------------------------------------------------------------------

    def cancel(self, principal: Principal, job_id: str) -> dict[str, Any]:
        with self.store.unit():
            job = self.visible(principal, job_id)
            self._check_cancelable([job])
            self.progress.cancel(job)
            return {"id": job.id, "status": job.status}

    def cancel_many(self, principal: Principal, ids: list[str]) -> dict[str, Any]:
        """All or nothing: every job must exist (404) and be cancelable (409)."""
        with self.store.unit():
            jobs = [self.visible(principal, job_id) for job_id in dict.fromkeys(ids)]
            self._check_cancelable(jobs)
            for job in jobs:
                if lifecycle().is_cancelable(job.status):  # a child may follow its parent
                    self.progress.cancel(job)
            return {"ids": [job.id for job in jobs], "status": "canceled"}

    def _check_cancelable(self, jobs: list[JobRecord]) -> None:
        refused = [job for job in jobs if not lifecycle().is_cancelable(job.status)]
        if refused:
            named = ", ".join(f"{job.id} ({job.status})" for job in refused)
            raise ApiError.conflict(
                f"Only submitted, ready or started jobs can be canceled: {named}."
            )

    def delete(self, principal: Principal, job_id: str) -> dict[str, Any]:
        with self.store.unit():
            job = self.visible(principal, job_id)
            self._delete(job)
            return {"id": job_id, "status": "deleted"}

    def delete_many(self, principal: Principal, ids: list[str]) -> dict[str, Any]:
        """All or nothing: every job must exist (404)."""
        with self.store.unit():
            jobs = [self.visible(principal, job_id) for job_id in dict.fromkeys(ids)]
            for job in jobs:
                if job.id in self.store.jobs:
                    self._delete(job)
            return {"ids": [job.id for job in jobs], "status": "deleted"}

    def _delete(self, job: JobRecord) -> None:
        for child_id in job.child_job_ids or []:
            child = self.store.jobs.get(child_id)
            if child is not None and child.runs_with_parent:
                self.store.delete_job(child_id)
        parent = self.store.jobs.get(job.parent_job_id or "")
        if parent is not None and parent.child_job_ids and job.id in parent.child_job_ids:
            parent.child_job_ids = [c for c in parent.child_job_ids if c != job.id]
            self.store.touch_job(parent)
        self.store.delete_job(job.id)

    # -- results and money ------------------------------------------------------------------

    def probabilities(
        self, principal: Principal, job_id: str, *, sharpen: bool = False
    ) -> dict[str, Any]:
        """The job's distribution (a multi-circuit job's: per child); with ``sharpen``, a
        debiased job's plurality-voting aggregate (other jobs are not affected)."""
        with self.store.lock:
            job = self.visible(principal, job_id)
            if not self._has_results(job):
                raise ApiError.not_found(f"Job {job_id!r} has no results ({job.status}).")
            if job.type == MULTI:
                return {
                    child.id: self._distribution(child, sharpen)
                    for child_id in job.child_job_ids or []
                    if (child := self.store.jobs.get(child_id)) is not None
                    and child_id in self.store.results
                }
            return self._distribution(job, sharpen)

    def _distribution(self, job: JobRecord, sharpen: bool) -> dict[str, float]:
        data = self._data(job)
        if sharpen and self._debiased(job):
            return results.sharpened(data)
        return dict(data.probabilities)

    def artifact(self, principal: Principal, job_id: str, artifact_id: str) -> Any:
        with self.store.lock:
            job = self.visible(principal, job_id)
            if any(d["id"] == artifact_id for d in self._compiled(job).values()):
                native = BACKENDS[job.backend].native_gates
                payload = compiled_artifact(job.type, job.input, native)
                if payload is not None:
                    return payload
            if self._has_results(job):
                for fmt in self._formats(job):
                    if artifact_id == self.artifact_id(job, fmt):
                        if fmt == results.AGGREGATE_V1:
                            return self.probabilities(principal, job_id)
                        return results.payload(fmt, self._data(job))
                if self._output_json(job):
                    for name in _AGGREGATIONS:
                        if artifact_id == self.artifact_id(job, name):
                            return self._aggregation(job, name)
            raise ApiError.not_found(f"Job {job_id!r} has no artifact {artifact_id!r}.")

    def _aggregation(self, job: JobRecord, name: str) -> dict[str, Any]:
        data = self._data(job)
        dist = results.sharpened(data) if name == "voting" else dict(data.probabilities)
        aggregated = replace(data, probabilities=dist, shot_list=None, register_shots=None,
                             registers=None, sampled=False)  # fmt: skip
        return results.payload(results.HISTOGRAM_V2, aggregated)  # type: ignore[no-any-return]

    def cost(self, principal: Principal, job_id: str) -> dict[str, Any]:
        with self.store.lock:
            job = self.visible(principal, job_id)
            body: dict[str, Any] = {
                "dry_run": job.dry_run,
                "estimated_cost": {"value": job.estimated_cost, "unit": "usd"},
            }
            if lifecycle().is_terminal(job.status):
                billed = (
                    job.estimated_cost if job.status == "completed" and not job.dry_run else 0.0
                )
                body["cost"] = {"value": billed, "unit": "usd"}
            return body

    def estimate(self, principal: Principal, params: Mapping[str, Any]) -> dict[str, Any]:
        backend = BACKENDS.get(str(params["backend"]))
        if backend is None:
            raise ApiError.bad_request(
                f"unknown backend {params['backend']!r}", keys=["backend"], source="query"
            )
        context = {
            "backend": backend.name,
            "type": params.get("type", CIRCUIT),
            "qubits": params.get("qubits", 25),
            "shots": params.get("shots", 1000),
            "1q_gates": params.get("1q_gates", 0),
            "2q_gates": params.get("2q_gates", 0),
            "error_mitigation": params.get("error_mitigation", False),
            "organization": ORGANIZATION_ID,
            "project": principal.project_id,
        }
        guess = estimate(
            backend,
            qubits=context["qubits"],
            shots=context["shots"],
            one_qubit_gates=context["1q_gates"],
            two_qubit_gates=context["2q_gates"],
            error_mitigation=context["error_mitigation"],
        )
        body: dict[str, Any] = {
            "estimate_context": context,
            "estimated_at": isoformat(self.clock.now()),
            "estimated_unit": "usd",
            "rate_card": rate_card_json(guess.rate),
            "estimated_total_cost": guess.cost,
            "estimated_execution_time": guess.execution_time_ms,
            "current_predicted_queue_time": guess.queue_time_ms,
        }
        if guess.rate.unit == "compute_second":
            body["estimated_quantum_compute_time_us"] = guess.compute_time_us
        return body
