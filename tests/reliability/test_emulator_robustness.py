"""4. Emulator robustness: generated bad and good traffic, and a SIGKILL mid-burst.

schemathesis sends negative cases (requests that break the contract: wrong types,
missing fields, bad formats) and positive ones to every operation of the running
emulator: no 5xx, negative data refused with a 4xx, every answer as the contract says,
and authentication enforced where the contract requires it. Then the emulator is
killed with SIGKILL in the middle of a burst of creates from several threads and
restarted on the same `--db`: every job whose creation was acknowledged is there.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.schemas import OpenApiSchema

from ionq_emulator.server import EmulatorServer
from ionq_emulator.spec import SPEC_PATH
from ionq_emulator.testing import checked_emulator_server
from ionq_facade import Circuit, IonQ, IonQError

from .figures import FIGURES

KEY = "reliability-schemathesis-key"
BELL = Circuit(2).h(0).cnot(0, 1)


def load_schema(phases: list[str], max_examples: int) -> OpenApiSchema:
    loaded = schemathesis.openapi.from_path(SPEC_PATH)
    loaded.config.generation.update(
        modes=[GenerationMode.NEGATIVE, GenerationMode.POSITIVE], max_examples=max_examples
    )
    loaded.config.phases.update(phases=phases)
    # The key as configuration, not as a per-call override, so schemathesis knows the
    # requests it generates without it (negative cases) really go without it.
    loaded.config.update(headers={"Authorization": f"apiKey {KEY}"})
    return loaded


# Default run: hypothesis fuzzing of every operation. Soak: schemathesis' coverage phase
# too (every boundary and every way to break each parameter: ~1,800 requests, ~35 s).
fuzzing = load_schema(["fuzzing"], max_examples=20)
coverage = load_schema(["examples", "coverage", "fuzzing"], max_examples=50)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
    ignored_auth,
]
# Answers by generation mode and status class, per figure title.
STATUSES: dict[str, Counter[str]] = {}


@pytest.fixture(scope="module")
def live() -> Iterator[EmulatorServer]:
    # Clock mode with no dwell: created jobs run to their end on the next request, so
    # reads of results and costs see real data.
    with checked_emulator_server(mode="clock", dwell=0.0, seed=11) as server:
        with httpx.Client(
            base_url=server.base_url, headers={"Authorization": f"apiKey {KEY}"}
        ) as client:
            for _ in range(3):
                body = {
                    "type": "ionq.circuit.v1",
                    "backend": "simulator",
                    "input": BELL.to_input().to_dict(),
                }
                assert client.post("/jobs", json=body).status_code == 201
        yield server


def check(case: schemathesis.Case[Any], live: EmulatorServer, title: str) -> None:
    response = case.call_and_validate(
        base_url=live.base_url,
        checks=CHECKS,
        timeout=30,
    )
    mode = case.meta.generation.mode.value if case.meta is not None else "explicit"
    seen = STATUSES.setdefault(title, Counter())
    seen[f"{mode} {response.status_code // 100}xx"] += 1
    FIGURES.record(
        title,
        [
            ("requests", sum(seen.values())),
            *sorted(seen.items()),
            ("5xx answers", sum(n for k, n in seen.items() if k.endswith("5xx"))),
        ],
    )


HYPOTHESIS = settings(
    deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None
)


@fuzzing.parametrize()
@HYPOTHESIS
def test_generated_traffic(case: schemathesis.Case[Any], live: EmulatorServer) -> None:
    check(case, live, "4a. Emulator under generated traffic (schemathesis, negative + positive)")


@pytest.mark.slow
@coverage.parametrize()
@HYPOTHESIS
def test_generated_traffic_coverage(case: schemathesis.Case[Any], live: EmulatorServer) -> None:
    check(case, live, "4a. Emulator under generated traffic, soak (coverage phase too)")


# -- SIGKILL in the middle of a create burst ---------------------------------------------------


@contextmanager
def emulator_process(db: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`python -m ionq_emulator --port 0 --db DB`; yields the process and its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "ionq_emulator", "--port", "0", "--mode", "manual", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:"), base_url
        yield process, base_url
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def burst_then_kill(
    base_url: str, process: subprocess.Popen[str], *, threads: int, kill_after: int
) -> tuple[list[str], Counter[str]]:
    """Create jobs from `threads` threads; SIGKILL the server once `kill_after` were
    acknowledged. Returns the acknowledged ids and the errors the threads saw."""
    acknowledged: list[str] = []
    errors: Counter[str] = Counter()
    lock = threading.Lock()
    stop = threading.Event()

    def worker(n: int) -> None:
        with IonQ(api_key=KEY, base_url=base_url, max_retries=0, timeout=5.0) as client:
            while not stop.is_set():
                try:
                    ref = client.jobs.create(BELL, backend="simulator", name=f"burst-{n}")
                except IonQError as exc:
                    with lock:
                        errors[type(exc).__name__] += 1
                    return  # the server is gone
                with lock:
                    acknowledged.append(ref.id)

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    deadline = time.monotonic() + 30
    while len(acknowledged) < kill_after and time.monotonic() < deadline:
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)  # mid-burst: requests are in flight
    process.wait(timeout=10)
    stop.set()
    for w in workers:
        w.join(timeout=30)
    with lock:
        return list(acknowledged), errors


def all_jobs(base_url: str) -> set[str]:
    with IonQ(api_key=KEY, base_url=base_url) as client:
        return {job.id for job in client.jobs.list(limit=1000)}


def test_sigkill_mid_burst_loses_no_acknowledged_job(tmp_path: Path) -> None:
    db = tmp_path / "emulator.sqlite"
    acknowledged: list[str] = []
    errors: Counter[str] = Counter()
    rounds = 2
    for _ in range(rounds):
        with emulator_process(db) as (process, base_url):
            acked, seen = burst_then_kill(base_url, process, threads=6, kill_after=80)
            assert process.returncode == -signal.SIGKILL
        acknowledged += acked
        errors += seen
    with emulator_process(db) as (_, base_url):
        on_server = all_jobs(base_url)
    missing = set(acknowledged) - on_server
    FIGURES.record(
        "4b. SIGKILL mid-burst, restart on the same --db",
        [
            ("kill/restart rounds (6 threads each)", rounds),
            ("creates acknowledged", len(acknowledged)),
            ("creates cut off by the kill", sum(errors.values())),
            *((f"  {k}", n) for k, n in sorted(errors.items())),
            ("jobs on server after restart", len(on_server)),
            ("acknowledged but missing", len(missing)),
            ("stored but never acknowledged", len(on_server - set(acknowledged))),
        ],
    )
    assert len(acknowledged) >= rounds * 80
    assert sum(errors.values()) > 0  # the kill did land mid-burst
    assert not missing, f"{len(missing)} acknowledged jobs lost"
    assert len(set(acknowledged)) == len(acknowledged)
