"""4. Emulator robustness: generated bad and good traffic, a SIGKILL mid-burst, hostile
bodies, and other clients' latency while heavy work runs.

schemathesis sends negative cases (requests that break the contract: wrong types,
missing fields, bad formats) and positive ones to every operation of the running
emulator: no 5xx, negative data refused with a 4xx, every answer as the contract says,
and authentication enforced where the contract requires it. Then the emulator is
killed with SIGKILL in the middle of a burst of creates from several threads and
restarted on the same `--db`: every job whose creation was acknowledged is there.
Bodies no encoder makes (nesting 100,000 deep, 100,000-digit integers, lone surrogates,
NaN) get 400 and store nothing, also fuzzed; a bad row in `--db` breaks no listing. While
a heavy job simulates, or a 9.9 MB body is validated, another client is still answered
(figures: its p99 latency); a request costs the same with 20,000 active jobs as with none.
"""

from __future__ import annotations

import json
import math
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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

from ionq_emulator.emulator import Emulator
from ionq_emulator.server import EmulatorServer
from ionq_emulator.spec import SPEC_PATH
from ionq_emulator.testing import checked_emulator_server, emulator_server
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
                    "input": BELL.to_input(),
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


# -- bad input at the boundary: a 400 that stores nothing, never a 500 ----------------------

JSON = {"Content-Type": "application/json"}
CREATE = {"type": "ionq.circuit.v1", "backend": "simulator", "input": BELL.to_input()}


def create_body(**fields: Any) -> str:
    """A create body as text, with `fields` spliced in raw (JSON the encoder cannot make)."""
    text = json.dumps(CREATE)
    return text[:-1] + "".join(f', "{name}": {raw}' for name, raw in fields.items()) + "}"


BAD_BODIES = {
    "nested 100,000 deep": create_body(metadata="[" * 100_000 + "]" * 100_000),
    "nested 40 deep (parses; validators would recurse)": create_body(
        settings='{"a":' * 40 + "1" + "}" * 40
    ),
    "100,000-digit integer": create_body(shots="9" * 100_000),
    "25-digit integer": create_body(shots="1" + "0" * 24),
    "lone surrogate in the name": create_body(name='"\\ud800"'),
    "lone surrogate in a metadata key": create_body(metadata='{"\\udc00": "x"}'),
    "NaN": create_body(shots="NaN"),
    "Infinity": create_body(settings='{"x": Infinity}'),
    "1e999": create_body(settings='{"x": 1e999}'),
}


def jobs_of(client: httpx.Client) -> list[dict[str, Any]]:
    response = client.get("/jobs", params={"limit": 1000})
    assert response.status_code == 200, response.text
    jobs: list[dict[str, Any]] = response.json()["jobs"]
    return jobs


def test_bad_bodies_are_refused_at_the_boundary() -> None:
    """Each body is refused with the contract's 400 and stores nothing (today: 500s, and a
    stored `"\\ud800"` name that made every listing of the project fail)."""
    seen: dict[str, int] = {}
    with (
        checked_emulator_server(mode="manual") as server,
        httpx.Client(
            base_url=server.base_url, headers={"Authorization": f"apiKey {KEY}-bad"}, timeout=60
        ) as client,
    ):
        for label, body in BAD_BODIES.items():
            answer = client.post("/jobs", content=body.encode(), headers=JSON)
            seen[label] = answer.status_code
            assert answer.status_code == 400, (label, answer.text[:300])
            assert answer.json()["validation"]["source"] == "body"
        assert jobs_of(client) == []
        assert client.post("/jobs", json=CREATE).status_code == 201  # the server is fine
        assert len(jobs_of(client)) == 1
    FIGURES.record("4c. Emulator: bad bodies refused at the boundary (status)", seen.items())


def test_a_bad_row_in_the_database_breaks_no_listing(tmp_path: Path) -> None:
    """A job stored with a lone surrogate (by an emulator from before the boundary refused
    them) and an unreadable row: after a restart on the same --db, listing still works."""
    db = tmp_path / "emulator.sqlite"
    headers = {"Authorization": f"apiKey {KEY}-rows"}
    with (
        emulator_process(db) as (_, base_url),
        httpx.Client(base_url=base_url, headers=headers) as client,
    ):
        ids = [
            client.post("/jobs", json={**CREATE, "name": f"n{i}"}).json()["id"] for i in range(3)
        ]
    with sqlite3.connect(db) as raw:  # what an older emulator could leave behind
        raw.execute(
            "UPDATE jobs SET data = replace(data, '\"name\":\"n0\"', '\"name\":\"\\ud800\"')"
            " WHERE id = ?", (ids[0],)
        )  # fmt: skip
        raw.execute("UPDATE jobs SET data = '{not json' WHERE id = ?", (ids[1],))
    with (
        emulator_process(db) as (_, base_url),
        httpx.Client(base_url=base_url, headers=headers) as client,
    ):
        listed = {job["id"]: job["name"] for job in jobs_of(client)}
        assert listed == {ids[0]: "\ufffd", ids[2]: "n2"}
        assert client.get(f"/jobs/{ids[0]}").status_code == 200


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=12,
)
# Raw JSON fragments no encoder makes: deep nesting, huge numbers, lone surrogates, NaN.
hostile = st.one_of(
    st.integers(30, 3000).map(lambda n: "[" * n + "]" * n),
    st.integers(21, 5000).map(lambda n: "9" * n),
    st.sampled_from(['"\\ud800"', '"a\\udfff"', '{"\\ud834": 1}', "NaN", "-Infinity", "1e400"]),
    json_values.map(lambda v: json.dumps(v, allow_nan=True)),
)
FUZZED: Counter[str] = Counter()


@settings(max_examples=150, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))  # fmt: skip
@given(
    field=st.sampled_from(["name", "shots", "metadata", "settings", "noise", "input", "dry_run"]),
    raw=hostile,
)
def test_fuzzed_bad_bodies_never_get_a_5xx(live: EmulatorServer, field: str, raw: str) -> None:
    body = (
        create_body(**{field: raw})
        if field != "input"
        else json.dumps({**CREATE, "input": {"gateset": "qis", "circuit": []}})[:-2]
        + f', "x": {raw}}}}}'
    )
    key = f"{KEY}-fuzz"
    with httpx.Client(base_url=live.base_url, headers={"Authorization": f"apiKey {key}"}) as client:
        before = len(jobs_of(client))
        answer = client.post("/jobs", content=body.encode(), headers=JSON)
        FUZZED[f"{answer.status_code // 100}xx"] += 1
        assert answer.status_code < 500, answer.text[:300]
        stored = len(jobs_of(client)) - before
        assert stored == (1 if answer.status_code == 201 else 0)
    FIGURES.record(
        "4d. Emulator: fuzzed hostile bodies (hypothesis)",
        [("bodies sent", sum(FUZZED.values())), *sorted(FUZZED.items()),
         ("5xx answers", FUZZED["5xx"])],
    )  # fmt: skip


# -- other clients are served while heavy work runs -----------------------------------------


def heavy_circuit(qubits: int, gates: int) -> dict[str, Any]:
    rng = random.Random(7)
    circuit = [
        {"gate": "cnot", "control": rng.randrange(qubits - 1), "target": qubits - 1}
        if i % 2
        else {"gate": "rx", "target": rng.randrange(qubits), "rotation": rng.random()}
        for i in range(gates)
    ]
    return {"gateset": "qis", "qubits": qubits, "circuit": circuit}


def latencies_while(busy: Callable[[], bool], base_url: str, key: str) -> list[float]:
    """Another client's `GET /backends` and `GET /jobs` latencies (seconds) while `busy()`."""
    seen: list[float] = []
    with httpx.Client(base_url=base_url, headers={"Authorization": f"apiKey {key}"}) as other:
        while busy():
            for path in ("/backends", "/jobs"):
                start = time.perf_counter()
                assert other.get(path).status_code == 200
                seen.append(time.perf_counter() - start)
            time.sleep(0.02)
    return seen


def p99(values: list[float]) -> float:
    return sorted(values)[max(0, math.ceil(len(values) * 0.99) - 1)]


def test_other_clients_are_served_while_a_heavy_job_simulates() -> None:
    """A 20-qubit job simulates in the worker; meanwhile another key's requests are
    answered (today every one waited for the whole simulation: 67 s)."""
    with (
        emulator_server(mode="clock", dwell=0.0) as server,
        httpx.Client(
            base_url=server.base_url, headers={"Authorization": f"apiKey {KEY}-heavy"}, timeout=600
        ) as owner,
    ):
        body = {**CREATE, "input": heavy_circuit(20, 400)}
        job = owner.post("/jobs", json=body).json()["id"]
        began = time.perf_counter()
        states: list[str] = []

        def running() -> bool:
            states.append(owner.get(f"/jobs/{job}").json()["status"])
            return states[-1] not in {"completed", "failed"}

        seen = latencies_while(running, server.base_url, f"{KEY}-other")
        took = time.perf_counter() - began
    assert states[-1] == "completed"
    assert states.count("started") >= 5  # the other client's requests were answered meanwhile
    assert len(seen) >= 10
    FIGURES.record(
        "4e. Emulator: another client while a 20-qubit, 400-gate job simulates",
        [
            ("job submitted to completed (s)", took),
            ("other client's requests", len(seen)),
            ("their p99 latency (ms)", p99(seen) * 1000),
            ("their max latency (ms)", max(seen) * 1000),
        ],
    )


def test_a_large_body_does_not_stall_other_clients() -> None:
    """A 9.9 MB create body is read and validated off the event loop: other clients are
    answered while it is (today all of them waited 6.5 s)."""
    target = 9_900_000
    gate = {"gate": "rx", "target": 1, "rotation": 0.123456789}
    circuit = [gate] * (target // (len(json.dumps(gate)) + 2))
    body = json.dumps({**CREATE, "input": {"gateset": "qis", "qubits": 8, "circuit": circuit}})
    assert 9_000_000 < len(body.encode()) <= 10 * 1024 * 1024
    with emulator_server(mode="manual") as server:
        done = threading.Event()
        answers: list[int] = []
        took: list[float] = []

        def send() -> None:
            with httpx.Client(
                base_url=server.base_url,
                headers={"Authorization": f"apiKey {KEY}-big"},
                timeout=600,
            ) as client:
                start = time.perf_counter()
                sent = client.post("/jobs", content=body.encode(), headers=JSON)
                answers.append(sent.status_code)
                took.append(time.perf_counter() - start)
            done.set()

        sender = threading.Thread(target=send)
        sender.start()
        time.sleep(0.05)
        seen = latencies_while(lambda: not done.is_set(), server.base_url, f"{KEY}-small")
        sender.join()
    assert answers == [201] or answers == [400], answers
    assert len(seen) >= 4  # answered while the big body was being handled
    FIGURES.record(
        "4f. Emulator: another client while a 9.9 MB body is handled",
        [
            ("the large request (s)", took[0]),
            ("its answer", answers[0]),
            ("other client's requests meanwhile", len(seen)),
            ("their p99 latency (ms)", p99(seen) * 1000),
            ("their max latency (ms)", max(seen) * 1000),
        ],
    )


def test_per_request_cost_is_flat_in_the_number_of_active_jobs() -> None:
    """`GET /backends` with no active job and with 20,000 (clock mode: each request looks
    for jobs whose time is up; today it looked at every active job: 1 ms -> 31 ms)."""
    timings: dict[int, float] = {}
    emulator = Emulator(mode="clock", dwell=3600.0)
    principal = emulator.keyring.principal_for_key(KEY)
    with emulator_server(emulator) as server, httpx.Client(base_url=server.base_url) as client:
        for active in (0, 20_000):
            while len(emulator.store.active) < active:
                emulator.jobs.create(principal, CREATE)
            client.get("/backends")
            seen = []
            for _ in range(200):
                start = time.perf_counter()
                assert client.get("/backends").status_code == 200
                seen.append(time.perf_counter() - start)
            timings[active] = statistics.median(seen)
        assert len(emulator.store.active) == 20_000
    FIGURES.record(
        "4g. Emulator: GET /backends by active jobs (clock mode)",
        [(f"{n:,} active jobs (median ms per request)", t * 1000) for n, t in timings.items()],
    )
