"""6. Client bounds: each attack a hostile server (or a caller) can make on the client's
time and memory, reproduced on loopback (`hostile.py`), and the client holding.

Targets: a call's deadline holds within 1 s against a server dripping its answer, sync
and async; `wait(timeout=5)` against polls that hang ends within 6 s with
`JobTimeoutError`; an endless or huge body stops at the size cap with a typed error,
memory bounded; after a storm of cancelled async calls, 100 good calls succeed on the
same client; no 12-character fragment of the key in any message; lone surrogates and
a client reused across event loops give typed errors; every creating call that may
have made a job unanswered says so (`JobMayExistError`), and `jobs.reconcile` finds it.
"""

from __future__ import annotations

import asyncio
import random
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from ionq_emulator.emulator import Emulator
from ionq_emulator.faults import FaultConfig, FaultRule
from ionq_emulator.testing import emulator_server
from ionq_facade import (
    DEFAULT_MAX_RESPONSE_BYTES,
    APITimeoutError,
    AsyncIonQ,
    Circuit,
    EventLoopError,
    InvalidArgumentError,
    IonQ,
    IonQError,
    JobMayExistError,
    JobTimeoutError,
    ResponseTooLargeError,
)

from .figures import FIGURES
from .hostile import hostile_server

KEY = "bounds-key-0123456789abcdefghijklmnopqrstu"  # 40 characters
BELL = Circuit(2).h(0).cnot(0, 1)
ROWS: dict[str, dict[str, object]] = {}


def record(title: str, label: str, value: object) -> None:
    """Add a row to a table of this module's figures (recorded as the tests go)."""
    table = ROWS.setdefault(title, {})
    table[label] = value
    FIGURES.record(title, list(table.items()))


def sync_client(base_url: str, **options: Any) -> IonQ:
    return IonQ(api_key=KEY, base_url=base_url, **options)


def async_client(base_url: str, **options: Any) -> AsyncIonQ:
    return AsyncIonQ(api_key=KEY, base_url=base_url, **options)


def timed(run: Callable[[], object]) -> tuple[float, BaseException | None]:
    start = time.monotonic()
    try:
        run()
    except Exception as exc:
        return time.monotonic() - start, exc
    return time.monotonic() - start, None


def run_async(make: Callable[[], Awaitable[object]]) -> Callable[[], object]:
    return lambda: asyncio.run(make())  # type: ignore[arg-type]


# -- the call deadline -----------------------------------------------------------------

DRIP = "6a. Client bounds: call deadline 3 s against a drip server (1 byte/s), seconds"


@pytest.mark.parametrize("behaviour", ["drip", "drip_headers"])
@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_the_call_deadline_holds_against_a_drip(behaviour: str, flavour: str) -> None:
    """The server answers every read in time (a byte a second) and never finishes: the
    call still ends at its deadline (3 s), retries included, with APITimeoutError."""
    with hostile_server(behaviour) as h:
        if flavour == "sync":

            def call() -> object:
                with sync_client(h.base_url) as client:
                    return client.jobs.get("job-1", timeout=3)
        else:

            async def acall() -> object:
                async with async_client(h.base_url) as client:
                    return await client.jobs.get("job-1", timeout=3)

            call = run_async(acall)
        elapsed, error = timed(call)
    record(DRIP, f"{behaviour}, {flavour}", elapsed)
    assert isinstance(error, APITimeoutError), error
    assert "deadline of 3s" in str(error)
    assert 3.0 <= elapsed < 4.0


def test_the_client_deadline_covers_retries_and_their_waits() -> None:
    """A number as the client's timeout bounds each call whole: a read retried on a
    hanging server (two retries, backoff between) still ends by it."""
    with hostile_server("hang") as h, sync_client(h.base_url, timeout=2, max_retries=5) as c:
        elapsed, error = timed(lambda: c.jobs.get("job-1"))
    record(DRIP, "hang, client timeout 2 s, 5 retries", elapsed)
    assert isinstance(error, APITimeoutError)
    assert 2.0 <= elapsed < 3.0


# -- waits -----------------------------------------------------------------------------

WAIT = "6b. Client bounds: wait(timeout=5) against polls that hang, seconds"


@pytest.mark.parametrize("many", [False, True], ids=["wait", "wait_many"])
@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_wait_ends_at_its_timeout_against_hanging_polls(many: bool, flavour: str) -> None:
    """Each poll is cut off by the time the wait has left; the wait then raises its own
    JobTimeoutError (not the poll's APITimeoutError), within 6 s of a 5 s timeout,
    though the client's default call deadline is 120 s."""
    with hostile_server("hang") as h:
        if flavour == "sync":

            def call() -> object:
                with sync_client(h.base_url) as client:
                    if many:
                        return client.jobs.wait_many(["job-1", "job-2"], timeout=5)
                    return client.jobs.wait("job-1", timeout=5)
        else:

            async def acall() -> object:
                async with async_client(h.base_url) as client:
                    if many:
                        return await client.jobs.wait_many(["job-1", "job-2"], timeout=5)
                    return await client.jobs.wait("job-1", timeout=5)

            call = run_async(acall)
        elapsed, error = timed(call)
    record(WAIT, f"{'wait_many' if many else 'wait'}, {flavour}", elapsed)
    assert isinstance(error, JobTimeoutError), error
    assert isinstance(error.__cause__, APITimeoutError)
    assert elapsed < 6.0


# -- memory ----------------------------------------------------------------------------

MEMORY = "6c. Client bounds: bodies over the size cap (default 64 MiB)"
MiB = 1024 * 1024


@pytest.mark.parametrize("behaviour", ["endless", "huge"])
def test_memory_is_bounded_against_an_endless_or_huge_body(behaviour: str) -> None:
    """An endless chunked body is read up to the cap and no further; a huge announced
    one is refused unread. Peak traced memory stays near the cap, not the body."""
    with hostile_server(behaviour) as h, sync_client(h.base_url) as client:
        tracemalloc.start()
        try:
            elapsed, error = timed(lambda: client.jobs.get("job-1"))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert isinstance(error, ResponseTooLargeError), error
    assert error.limit == DEFAULT_MAX_RESPONSE_BYTES
    record(
        MEMORY,
        f"{behaviour}: ResponseTooLargeError after",
        f"{error.received / MiB:,.1f} MiB read or announced, {elapsed:.2f} s, "
        f"peak traced memory {peak / MiB:,.1f} MiB",
    )
    assert peak < 2.5 * DEFAULT_MAX_RESPONSE_BYTES
    if behaviour == "huge":
        assert peak < 4 * MiB  # refused on its Content-Length, nothing read


def test_the_size_cap_is_configurable_and_holds_async() -> None:
    async def main() -> BaseException | None:
        with hostile_server("endless") as h:
            async with async_client(h.base_url, max_response_bytes=MiB) as client:
                try:
                    await client.jobs.get("job-1")
                except IonQError as exc:
                    return exc
        return None

    error = asyncio.run(main())
    assert isinstance(error, ResponseTooLargeError)
    assert MiB < error.received <= MiB + 65536 * 2
    record(MEMORY, "endless, async, max_response_bytes=1 MiB: stopped at", error.received)


# -- cancellation ----------------------------------------------------------------------

STORM = "6d. Client bounds: AsyncIonQ after a cancellation storm"


async def storm(call: Callable[[], Awaitable[object]], *, tasks: int, seconds: float) -> int:
    """`tasks` tasks, each calling over and over under asyncio.wait_for with a deadline
    drawn from 1..50 ms, for `seconds`; how many calls were cancelled."""
    end = time.monotonic() + seconds
    rng = random.Random(14)
    cancelled = 0

    async def worker() -> None:
        nonlocal cancelled
        while time.monotonic() < end:
            try:
                await asyncio.wait_for(call(), timeout=rng.uniform(0.001, 0.05))
            except TimeoutError:
                cancelled += 1

    await asyncio.gather(*(worker() for _ in range(tasks)))
    return cancelled


def test_the_async_client_survives_a_cancellation_storm() -> None:
    """200 tasks cancelling their calls (asyncio.wait_for, 1..50 ms) for 3 s against a
    server answering in 10 ms, over the default pool of 100 connections: then 100 good
    calls on the same client all succeed."""

    async def main() -> tuple[int, int, float]:
        with hostile_server("ok", delay=0.01) as h:
            async with async_client(h.base_url) as client:
                cancelled = await storm(lambda: client.jobs.get("job-1"), tasks=200, seconds=3)
                start = time.monotonic()
                good = await asyncio.gather(
                    *(client.jobs.get("job-1") for _ in range(100)), return_exceptions=True
                )
                ok = sum(not isinstance(g, BaseException) for g in good)
                return cancelled, ok, time.monotonic() - start

    cancelled, ok, elapsed = asyncio.run(main())
    record(STORM, "calls cancelled in the storm", cancelled)
    record(STORM, "good calls after, of 100, succeeded", ok)
    record(STORM, "  in seconds (the storm's exchanges finishing first)", elapsed)
    assert cancelled > 100
    assert ok == 100


def test_raw_httpx_does_not_survive_the_same_storm() -> None:
    """The defect guarded against is real: the same storm straight through httpx (20
    tasks, 10 connections) leaves its pool's slots taken for good, and every later
    request times out waiting for one (encode/httpcore#1093)."""

    async def main() -> tuple[int, int]:
        with hostile_server("ok", delay=0.01) as h:
            limits = httpx.Limits(max_connections=10)
            async with httpx.AsyncClient(limits=limits, timeout=httpx.Timeout(5, pool=1)) as http:
                url = f"{h.base_url}/jobs/job-1"
                cancelled = await storm(lambda: http.get(url), tasks=20, seconds=3)
                good = await asyncio.gather(
                    *(http.get(url) for _ in range(10)), return_exceptions=True
                )
                return cancelled, sum(isinstance(g, httpx.Response) for g in good)

    cancelled, ok = asyncio.run(main())
    record(STORM, f"raw httpx, {cancelled:,} cancelled: good calls after, of 10", ok)
    assert ok < 10


# -- messages and misuse ---------------------------------------------------------------

MISUSE = "6e. Client bounds: key fragments and misuse"


def fragments(text: str, n: int = 12) -> set[str]:
    return {KEY[i : i + n] for i in range(len(KEY) - n + 1) if KEY[i : i + n] in text}


def test_no_12_character_fragment_of_the_key_in_any_message() -> None:
    """An error body of N characters then the key, for every N around the 500-character
    cut of quoted bodies (the old code cut first, then masked: 39 of 40 shown)."""
    leaks = 0
    checked = 0
    with hostile_server("error_body") as h, sync_client(h.base_url) as client:
        for filler in range(420, 520):
            h.body = b"e" * filler + KEY.encode() + b" tail"
            with pytest.raises(IonQError) as info:
                client.jobs.get("job-1")
            for text in (str(info.value), repr(info.value), info.value.args[0]):
                checked += 1
                leaks += bool(fragments(text))
    record(MISUSE, "messages checked (error bodies cut at 420..519 + the key)", checked)
    record(MISUSE, "  with a 12-character fragment of the key", leaks)
    assert leaks == 0


@pytest.mark.parametrize(
    "options",
    [{"name": "\ud800"}, {"metadata": {"k": "a\udfffb"}}],
    ids=["name", "metadata"],
)
def test_a_lone_surrogate_is_a_typed_error_and_sends_nothing(options: dict[str, Any]) -> None:
    with hostile_server("ok") as h, sync_client(h.base_url) as client:
        with pytest.raises(InvalidArgumentError) as info:
            client.jobs.create(BELL, backend="simulator", **options)
        assert h.requests == []
    assert not isinstance(info.value, UnicodeError)
    record(MISUSE, f"lone surrogate in {next(iter(options))}", type(info.value).__name__)


def test_an_async_client_across_event_loops() -> None:
    """One asyncio.run after another: the first loop's connections closed with it, and
    the client starts afresh. Two loops open at once cannot share it: a typed error."""
    with hostile_server("ok") as h:
        client = async_client(h.base_url)
        asyncio.run(client.jobs.get("job-1"))
        asyncio.run(client.jobs.get("job-1"))  # a new loop, the first one closed
        first, second = asyncio.new_event_loop(), asyncio.new_event_loop()
        try:
            first.run_until_complete(client.jobs.get("job-1"))
            with pytest.raises(EventLoopError) as info:
                second.run_until_complete(client.jobs.get("job-1"))
            first.run_until_complete(client.close())
        finally:
            first.close()
            second.close()
    assert isinstance(info.value, RuntimeError)
    record(MISUSE, "AsyncIonQ after asyncio.run, in the next asyncio.run", "works")
    record(MISUSE, "AsyncIonQ shared by two open event loops", type(info.value).__name__)


# -- creating calls that may have made a job ------------------------------------------

AMBIGUOUS = "6f. Client bounds: creating calls with no answer"


def dropping_emulator(kind: str) -> Emulator:
    """An emulator whose job-creating answers are all lost: `drop_after` creates the job
    then drops the connection, `drop` drops it before creating anything."""
    emulator = Emulator(mode="manual")
    drop = kind == "drop"
    rule = FaultRule(route="*", methods=("POST",), drop=float(drop), drop_after=float(not drop))
    emulator.faults = FaultConfig([rule], seed=1)
    return emulator


def test_a_create_whose_answer_is_lost_says_the_job_may_exist_and_reconcile_finds_it() -> None:
    emulator = dropping_emulator("drop_after")
    with emulator_server(emulator) as server, sync_client(server.base_url) as client:
        before = time.time()
        with pytest.raises(JobMayExistError) as info:
            client.jobs.create(BELL, backend="simulator", name="bell", metadata={"run": "r1"})
        error = info.value
        assert error.operation == "create"
        assert error.sent_body["metadata"] == {"run": "r1"}  # type: ignore[index]
        assert error.sent_at.timestamp() >= before - 1
        assert error.idempotency_key
        emulator.faults = FaultConfig([])
        client.jobs.create(BELL, backend="simulator", name="other")  # another job meanwhile
        found = client.jobs.reconcile(error)
    on_server = [j for j in emulator.store.jobs.values() if j.name == "bell"]
    assert found.outcome == "found"
    assert found.job is not None
    assert found.job.id == on_server[0].id
    record(AMBIGUOUS, "create, answer lost after the job was made", "JobMayExistError")
    record(AMBIGUOUS, "  reconcile (name + metadata sent)", f"{found.outcome}: the job made")


def test_reconcile_says_not_found_or_undecidable() -> None:
    emulator = dropping_emulator("drop")
    with emulator_server(emulator) as server, sync_client(server.base_url) as client:
        with pytest.raises(JobMayExistError) as lost_before:
            client.jobs.create(BELL, backend="simulator", metadata={"run": "r2"})
        emulator.faults = dropping_emulator("drop_after").faults
        with pytest.raises(JobMayExistError) as plain:
            client.jobs.create(BELL, backend="simulator")  # nothing distinctive sent
        emulator.faults = FaultConfig([])
        client.jobs.create(BELL, backend="simulator")
        not_found = client.jobs.reconcile(lost_before.value)
        undecidable = client.jobs.reconcile(plain.value)
    assert not_found.outcome == "not_found"
    assert undecidable.outcome == "undecidable"
    assert len(undecidable.candidates) == 2
    assert "no name or metadata" in undecidable.reason
    record(AMBIGUOUS, "create, dropped before the job was made: reconcile", not_found.outcome)
    record(AMBIGUOUS, "create without name/metadata, another job since: reconcile", "undecidable")


def test_clone_and_move_whose_answers_are_lost_are_reported() -> None:
    emulator = Emulator(mode="manual")
    with emulator_server(emulator) as server, sync_client(server.base_url) as client:
        source = client.jobs.create(BELL, backend="simulator", name="src")
        emulator.faults = dropping_emulator("drop_after").faults
        with pytest.raises(JobMayExistError) as moved:
            client.jobs.move(source.id)
        emulator.faults = FaultConfig([])
        found = client.jobs.reconcile(moved.value)
    assert moved.value.operation == "move"
    assert moved.value.source_job_id == source.id
    assert found.outcome == "found"
    assert found.job is not None
    assert found.job.id != source.id
    record(AMBIGUOUS, "move, answer lost: reconcile (original_job_id)", found.outcome)


def test_a_session_create_whose_answer_is_lost_is_reported_undecidable() -> None:
    """A session has no name or metadata: the one made is among the candidates, but
    reconcile cannot tell it from one another client opened meanwhile, and says so."""
    emulator = dropping_emulator("drop_after")
    with emulator_server(emulator) as server, sync_client(server.base_url) as client:
        with pytest.raises(JobMayExistError) as info:
            client.sessions.create("simulator")
        emulator.faults = FaultConfig([])
        answer = client.jobs.reconcile(info.value)
    assert info.value.operation == "sessions.create"
    assert answer.outcome == "undecidable"
    assert len(answer.candidates) == 1
    assert "session" in answer.reason
    record(AMBIGUOUS, "sessions.create, answer lost: reconcile", answer.outcome)
