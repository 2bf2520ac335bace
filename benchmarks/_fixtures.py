"""Realistic job bodies, produced by the emulator rather than written by hand.

Jobs are submitted through the emulator's HTTP app (in process, over ASGI) with a mix
of what users send: QIS, native-gate and OpenQASM 3 circuits, multi-circuit jobs (whose
children are listed too), noise models, error mitigation, dry runs, names, metadata.
Test controls then move each to a typical end: most complete (with results), some
fail, some are canceled, some are still queued or running. The bodies the benchmarks
replay are the bytes the emulator answers for them.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import httpx

from ionq_emulator import Emulator

__all__ = ["API_KEY", "BASE_URL", "Recorded", "populate", "record", "replicate"]

#: The key every benchmark client sends; in the emulator it names one project.
API_KEY: Final = "bench-0123456789abcdef"
#: The base URL of in-process clients (never contacted: their transport answers).
BASE_URL: Final = "https://api.ionq.co/v0.4"

_BELL: Final = [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}]
_GHZ_NATIVE: Final = [
    {"gate": "gpi2", "target": 0, "phase": 0.25},
    *({"gate": "ms", "targets": [0, q], "phases": [0, 0.25]} for q in range(1, 5)),
    *({"gate": "gpi", "target": q, "phase": 0.5} for q in range(5)),
]
_QASM: Final = """OPENQASM 3.0;
include "stdgates.inc";
qubit[3] q;
bit[3] c;
h q[0];
cx q[0], q[1];
cx q[1], q[2];
rz(pi/4) q[2];
c = measure q;
"""

# (create body, the status the job is then moved to; None: left as submitted)
_TEMPLATES: Final[Sequence[tuple[dict[str, Any], str | None]]] = (
    (
        {
            "type": "ionq.circuit.v1",
            "backend": "simulator",
            "name": "bell",
            "shots": 1000,
            "metadata": {"experiment": "entanglement", "run": "42"},
            "input": {"gateset": "qis", "qubits": 2, "circuit": _BELL},
        },
        "completed",
    ),
    (
        {
            "type": "ionq.circuit.v1",
            "backend": "simulator",
            "name": "ghz-5 native",
            "shots": 2000,
            "noise": {"model": "aria-1", "seed": 7},
            "input": {"gateset": "native", "qubits": 5, "circuit": _GHZ_NATIVE},
        },
        "completed",
    ),
    (
        {
            "type": "ionq.qasm3.v1",
            "backend": "simulator",
            "shots": 500,
            "input": {"data": _QASM},
        },
        "completed",
    ),
    (
        {
            "type": "ionq.multi-circuit.v1",
            "backend": "simulator",
            "name": "sweep",
            "shots": 100,
            "input": {
                "gateset": "qis",
                "qubits": 2,
                "circuits": [
                    {"name": "bell", "circuit": _BELL},
                    {"name": "x", "circuit": [{"gate": "x", "target": 1}]},
                ],
            },
        },
        "completed",
    ),
    (
        {
            "type": "ionq.circuit.v1",
            "backend": "qpu.forte-1",
            "name": "mitigated",
            "shots": 1000,
            "settings": {"error_mitigation": {"debiasing": True}},
            "input": {"gateset": "qis", "qubits": 2, "circuit": _BELL},
        },
        "started",
    ),
    (
        {
            "type": "ionq.circuit.v1",
            "backend": "qpu.aria-1",
            "dry_run": True,
            "shots": 100,
            "input": {"gateset": "qis", "qubits": 2, "circuit": _BELL},
        },
        "completed",
    ),
    (
        {
            "type": "ionq.circuit.v1",
            "backend": "simulator",
            "name": "too wide",
            "input": {"gateset": "qis", "qubits": 40, "circuit": []},
        },
        "completed",  # the simulator refuses it: the job ends failed
    ),
    (
        {
            "type": "ionq.circuit.v1",
            "backend": "simulator",
            "metadata": {"owner": "ci"},
            "input": {"gateset": "qis", "qubits": 2, "circuit": _BELL},
        },
        "canceled",
    ),
    (
        {
            "type": "ionq.circuit.v1",
            "backend": "qpu.forte-1",
            "shots": 1000,
            "input": {"gateset": "qis", "qubits": 2, "circuit": _BELL},
        },
        None,
    ),
)


@dataclass(frozen=True, slots=True)
class Recorded:
    """What the in-process benchmarks replay, as the emulator sent it."""

    job_id: str
    job: bytes  # GET /jobs/{job_id}: a completed job with results, name and metadata
    page: bytes  # GET /jobs?limit=N: N jobs of the mix, newest first
    page_jobs: int


def _headers(api_key: str) -> dict[str, str]:
    return {"Authorization": f"apiKey {api_key}"}


async def _submit(emulator: Emulator, api_key: str, count: int) -> list[str]:
    """Submit `count` jobs cycling through the templates; move each to its end."""
    transport = httpx.ASGITransport(app=emulator.app)
    async with httpx.AsyncClient(
        transport=transport, base_url=BASE_URL, headers=_headers(api_key)
    ) as client:
        ids: list[str] = []
        for i in range(count):
            body, end = _TEMPLATES[i % len(_TEMPLATES)]
            response = await client.post("/jobs", json=body)
            response.raise_for_status()
            job_id = str(response.json()["id"])
            if end is not None:
                emulator.advance(job_id, to=end)
            ids.append(job_id)
        return ids


async def _get(emulator: Emulator, api_key: str, path: str, params: Mapping[str, Any]) -> bytes:
    transport = httpx.ASGITransport(app=emulator.app)
    async with httpx.AsyncClient(
        transport=transport, base_url=BASE_URL, headers=_headers(api_key)
    ) as client:
        response = await client.get(path, params=dict(params))
        response.raise_for_status()
        return response.content


def populate(emulator: Emulator, api_key: str, count: int) -> list[str]:
    """Submit `count` jobs of the mix (multi-circuit ones add children); their ids."""
    return asyncio.run(_submit(emulator, api_key, count))


def record(page_jobs: int = 1000) -> Recorded:
    """A completed job and a page of `page_jobs` jobs, from a fresh seeded emulator."""
    emulator = Emulator(mode="manual", seed=2025)
    try:
        ids = populate(emulator, API_KEY, page_jobs)
        job_id = ids[0]  # the first template: completed, named, with metadata and results
        job = asyncio.run(_get(emulator, API_KEY, f"/jobs/{job_id}", {}))
        page = asyncio.run(_get(emulator, API_KEY, "/jobs", {"limit": page_jobs}))
        return Recorded(job_id=job_id, job=job, page=page, page_jobs=page_jobs)
    finally:
        emulator.close()


def replicate(emulator: Emulator, api_key: str, total: int, templates: int = 90) -> int:
    """Give `api_key`'s project about `total` jobs, quickly: `templates` real ones, then
    copies of their records (new ids, parent/child links kept) straight into the store.

    Returns the number of jobs the project holds.
    """
    populate(emulator, api_key, templates)
    store = emulator.store
    project = emulator.keyring.principal_for_key(api_key).project_id
    with store.unit():
        family = sorted(
            (j for j in store.jobs.values() if j.project_id == project), key=lambda j: j.seq
        )
        count = len(family)
        while count + len(family) <= total:
            renamed = {job.id: store.ids.new() for job in family}
            for job in family:
                copy = dataclasses.replace(
                    job,
                    id=renamed[job.id],
                    seq=store.next_seq(),
                    parent_job_id=renamed.get(job.parent_job_id or "", job.parent_job_id),
                    child_job_ids=(
                        [renamed[c] for c in job.child_job_ids]
                        if job.child_job_ids is not None
                        else None
                    ),
                )
                store.add_job(copy)
                if job.id in store.results:
                    store.set_results(copy.id, store.results[job.id])
            count += len(family)
        return count
