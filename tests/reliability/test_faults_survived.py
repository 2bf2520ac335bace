"""1. Faults survived: a seeded workload through the façade against a faulty emulator.

The emulator injects 429 and 503 (with Retry-After), 502, latency and dropped
connections (before and after processing) into 20% of API requests. The client has a
retry budget of 6 (the default of 2 would let ~0.8% of reads fail at this rate).

Targets: every read succeeds within the retry budget; nothing but typed errors comes
out; no create, clone or move produced two jobs; and no job exists that the client was
not told about. The last one holds because the emulator honours `Idempotency-Key`: once
the client has seen it echoed, a create whose answer was lost is retried and gets the
first answer. Only a lost answer before the first echo can still leave an unknown job
(none in the default run; one in the 10,000-op soak, its second create). Against a
server that ignores the key (the same run with the header stripped) the client must not
retry, and such creates leave jobs it was not told about.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

import httpx
import pytest

from ionq_emulator.clock import EPOCH
from ionq_emulator.emulator import Emulator
from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import emulator_server
from ionq_facade import IonQ, JobStatus, Reconciliation

from .figures import FIGURES
from .workload import (
    FAULT_RATE,
    TOKEN,
    CountingFaults,
    Stepper,
    Tally,
    fault_rule,
    requests_counter,
    run_workload,
    server_jobs,
)

KEY = "reliability-workload-key"
MAX_RETRIES = 6
RETRY_AFTER = 3  # no backoff delay is exactly 3 s, so a 3 s sleep is a Retry-After honoured


@dataclass
class Run:
    tally: Tally
    injected: Counter[str]
    sent: Counter[str]
    sleeps: list[float]
    on_server: dict[str, dict[str, str] | None]
    server_dedupes: bool
    # token -> what jobs.reconcile said of its JobMayExistError (after the run, no faults)
    reconciled: dict[str, Reconciliation]


def workload_run(ops: int, seed: int, *, server_dedupes: bool = True) -> Run:
    """`server_dedupes=False`: the Idempotency-Key is stripped before it reaches the
    emulator, which then behaves like a server that ignores it."""
    # (No response validation here: it doubles the run time, and 4a checks conformance.)
    emulator = Emulator(mode="manual", seed=seed)
    faults = CountingFaults([fault_rule(RETRY_AFTER)], seed=seed)
    emulator.faults = faults
    http, sent = requests_counter(strip_idempotency_key=not server_dedupes)
    stepper = Stepper(emulator)
    server: EmulatorServer
    with (
        emulator_server(emulator) as server,
        http,
        IonQ(
            api_key=KEY,
            base_url=server.base_url,
            http_client=http,
            max_retries=MAX_RETRIES,
            # Each phase 10 s; the call's deadline (120 s) holds the 6 retries' waits.
            timeout=httpx.Timeout(10.0),
            sleep=stepper.sleep,
            clock=stepper.clock,
        ) as client,
    ):
        tally = run_workload(client, stepper, ops=ops, seed=seed)
        project = emulator.keyring.principal_for_key(KEY).project_id
        on_server = server_jobs(emulator, project)
        faults.rules = ()
        # The seeded emulator's clock is virtual, from EPOCH: as far behind ours as that.
        skew = time.time() - EPOCH + 3600
        reconciled = {
            token: client.jobs.reconcile(error, clock_skew=skew)
            for token, error in tally.may_exist.items()
        }
        return Run(
            tally=tally,
            injected=Counter(faults.injected),
            sent=sent,
            sleeps=list(stepper.sleeps),
            on_server=on_server,
            server_dedupes=server_dedupes,
            reconciled=reconciled,
        )


def tokens_on_server(run: Run) -> Counter[str]:
    return Counter(
        meta[TOKEN] for meta in run.on_server.values() if meta is not None and TOKEN in meta
    )


def record_figures(title: str, run: Run) -> None:
    t = run.tally
    tokens = tokens_on_server(run)
    known = t.known
    unknown = set(run.on_server) - known
    injected = run.injected
    rows: list[tuple[str, object]] = [
        ("operations", t.ops),
        ("  by kind", ", ".join(f"{k} {v}" for k, v in sorted(t.attempted.items()))),
        ("completed", sum(t.completed.values())),
        ("typed errors surfaced", sum(t.errors.values())),
    ]
    rows += [(f"  {label}", n) for label, n in sorted(t.errors.items())]
    rows += [
        ("untyped errors", len(t.untyped)),
        (f"reads failed (retry budget {MAX_RETRIES})", len(t.read_failures)),
        ("API requests sent", run.sent["total"]),
        (
            "faults injected",
            f"{sum(injected[k] for k in ('429', '502', '503', 'drop', 'drop_after')):,} of "
            f"{injected['requests']:,} requests ({FAULT_RATE:.0%} seeded): "
            + ", ".join(f"{k} {injected[k]:,}" for k in ("429", "502", "503", "drop", "drop_after"))
            + f"; latency {injected['latency']:,}",
        ),
        ("Retry-After waits honoured", sum(1 for s in run.sleeps if s == RETRY_AFTER)),
        ("jobs on server", len(run.on_server)),
        ("jobs the client was told it created", len(known)),
        ("creating ops with ambiguous outcome", len(t.ambiguous)),
    ]
    if run.server_dedupes:
        rows.append(("  of them before the first echo", len(t.ambiguous_before_echo)))
    silent = {i for i in unknown if _token(run, i) not in set(t.ambiguous)}
    rows += [
        ("unknown jobs", len(unknown)),
        ("  of them silent (no JobMayExistError told the caller)", len(silent)),
        (
            "  jobs.reconcile of each JobMayExistError",
            ", ".join(f"{k} {v}" for k, v in sorted(_outcomes(run).items())) or "-",
        ),
        ("duplicate jobs (one token, two jobs)", sum(n - 1 for n in tokens.values() if n > 1)),
        ("cancels answered 409 though applied", t.late_cancel_acks),
    ]
    FIGURES.record(title, rows)


def _outcomes(run: Run) -> Counter[str]:
    return Counter(r.outcome for r in run.reconciled.values())


def _token(run: Run, job_id: str) -> str | None:
    meta = run.on_server.get(job_id)
    return meta.get(TOKEN) if meta is not None else None


def check_targets(run: Run) -> None:
    t = run.tally
    assert t.untyped == [], t.untyped
    assert t.read_failures == [], t.read_failures
    tokens = tokens_on_server(run)
    assert all(n == 1 for n in tokens.values()), "a creating operation produced two jobs"
    # Every acknowledged job is on the server, under the token it was created with.
    for token, job_id in t.acknowledged.items():
        meta = run.on_server.get(job_id)
        assert meta is not None, (token, job_id)
        assert meta.get(TOKEN) == token, (token, job_id)
    # No token on the server that the client never sent.
    assert set(tokens) <= set(t.acknowledged) | set(t.ambiguous)
    # Once the client had seen the key echoed, no creating operation ended ambiguously:
    # each was retried with its key until answered. Before that it may not retry, so a
    # lost answer there is the only way to a job the client was not told about.
    assert t.ambiguous == t.ambiguous_before_echo
    for job_id in set(run.on_server) - t.known:
        meta = run.on_server[job_id]
        assert meta is not None
        assert meta[TOKEN] in t.ambiguous_before_echo
    # The faults really happened, every kind of them, and reads rode them out.
    for kind in ("429", "502", "503", "drop", "drop_after", "latency"):
        assert run.injected[kind] > 0, kind
    rate = sum(run.injected[k] for k in ("429", "502", "503", "drop", "drop_after"))
    assert 0.15 < rate / run.injected["requests"] < 0.25
    assert any(s == RETRY_AFTER for s in run.sleeps)
    assert t.ops == sum(t.completed.values()) + sum(t.errors.values())


@pytest.fixture(scope="module")
def default_run() -> Run:
    return workload_run(ops=1000, seed=20250616)


def test_faults_survived(default_run: Run) -> None:
    record_figures("1. Faults survived (1,000 ops, seed 20250616)", default_run)
    assert default_run.tally.ops >= 1000
    check_targets(default_run)


def test_no_unknown_jobs(default_run: Run) -> None:
    """Every job on the server is one the client was told about: each create, clone or
    move whose answer was lost (dropped after processing, 502/503) was retried with the
    same Idempotency-Key and got the job the first attempt made."""
    run = default_run
    assert run.injected["drop_after"] > 0
    assert run.tally.ambiguous == []  # (no fault hit the first create: see check_targets)
    assert set(run.on_server) == run.tally.known


@pytest.fixture(scope="module")
def no_dedupe_run() -> Run:
    return workload_run(ops=1000, seed=20250616, server_dedupes=False)


def test_without_dedupe_ambiguous_creates_are_not_retried(no_dedupe_run: Run) -> None:
    """The same workload against a server that ignores the key (as IonQ's may): no echo,
    so a creating request is never retried after it may have been sent. A lost answer
    then leaves a job the client did not learn the id of, but never a duplicate, and never
    silently: each such call raised `JobMayExistError`."""
    run = no_dedupe_run
    record_figures("1. Faults survived, server ignoring Idempotency-Key (1,000 ops)", run)
    t = run.tally
    assert t.untyped == []
    assert t.read_failures == []
    tokens = tokens_on_server(run)
    assert all(n == 1 for n in tokens.values()), "a blind retry produced two jobs"
    unknown = set(run.on_server) - t.known
    assert unknown, "no answer was lost: the run does not test the gap"
    # None is silent: the caller got JobMayExistError for each, and reconcile finds
    # exactly those jobs (each request carried a distinctive token).
    assert all(_token(run, job_id) in set(t.ambiguous) for job_id in unknown)
    found = {r.job.id for r in run.reconciled.values() if r.job is not None}
    assert found == unknown
    assert _outcomes(run)["undecidable"] == 0
    # Some ambiguous failures created nothing (dropped before processing, injected 5xx).
    assert len(t.ambiguous) > len(unknown)


def test_a_retried_cancel_that_was_applied_succeeds() -> None:
    """The cancel is applied, its answer lost (connection dropped); the retry gets 409
    because the job is canceled now. The caller asked for a canceled job and has one."""
    answers: list[httpx.Response | Exception] = [
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.Response(409, json={"error": "Conflict", "message": "canceled", "statusCode": 409}),
    ]
    job = {"id": "j-1", "status": "canceled", "type": "ionq.circuit.v1", "backend": "simulator"}

    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, json=job)
        outcome = answers.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    with IonQ(
        api_key=KEY,
        base_url="https://api.test/v0.4",
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
        sleep=lambda s: None,
    ) as client:
        ref = client.jobs.cancel("j-1")
    assert ref.status is JobStatus.CANCELED


@pytest.mark.slow
def test_faults_survived_soak() -> None:
    run = workload_run(ops=10_000, seed=7)
    record_figures("1. Faults survived, soak (10,000 ops, seed 7)", run)
    check_targets(run)
