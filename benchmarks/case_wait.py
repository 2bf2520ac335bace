"""Case 3: waiting for 200 jobs that finish one by one, on an emulator in another process.

A completer thread moves the jobs to `completed` in a shuffled order, evenly spread
over `span` seconds (through the emulator's test controls, not counted). Ours is one
`jobs.wait_many(ids)`; ionq-core's way is `wait_for_job` per job, one thread each.
Both start polling `POLL` seconds apart, growing 1.5x, so they see the same schedule.
Requests are counted at the bottom of each client's transport stack.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import httpx
from ionq_core import wait_for_job

from ionq_facade import JobStatus

from ._clients import CountingTransport, core_client, facade_client
from ._fixtures import Recorded
from ._report import Quantity, Row, Target
from ._server import ServerProcess, emulator_process

__all__ = ["run"]

JOBS = 200
POLL = 0.05
ONE_PER_ROUND = Target(1.0)
THREADED = f"ionq-core wait_for_job, {JOBS} threads"


class _Tally(CountingTransport):
    """Counts requests (thread-safe), and per wait round for the façade."""

    def __init__(self) -> None:
        super().__init__(httpx.HTTPTransport())
        self._lock = threading.Lock()
        self.rounds = [0]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.count += 1
            self.rounds[-1] += 1
        return self.inner.handle_request(request)

    def sleep(self, seconds: float) -> None:
        """The façade's sleep between rounds: what follows is the next round."""
        with self._lock:
            self.rounds.append(0)
        time.sleep(seconds)


def _complete_staggered(server: ServerProcess, ids: Sequence[str], span: float) -> threading.Thread:
    order = list(ids)
    random.Random(7).shuffle(order)
    start = time.monotonic()

    def complete() -> None:
        for i, job_id in enumerate(order, start=1):
            delay = start + span * i / len(order) - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            server.advance(job_id, "completed")

    thread = threading.Thread(target=complete, name="completer", daemon=True)
    thread.start()
    return thread


def _timed(server: ServerProcess, span: float, wait: Callable[[list[str]], object]) -> float:
    """Seconds `wait` took for fresh jobs completing over `span` seconds."""
    ids = [server.submit() for _ in range(JOBS)]
    start = time.monotonic()
    completer = _complete_staggered(server, ids, span)
    wait(ids)
    took = time.monotonic() - start
    completer.join()
    return took


def run(recorded: Recorded, quick: bool) -> list[Row]:
    del recorded  # this case makes its own jobs
    span = 1.0 if quick else 3.0
    with emulator_process() as server:
        ours_tally = _Tally()
        ours = facade_client(server.base_url, ours_tally, sleep=ours_tally.sleep)

        def facade_wait(ids: list[str]) -> None:
            done = ours.jobs.wait_many(ids, poll_interval=POLL, timeout=120)
            if any(job.status is not JobStatus.COMPLETED for job in done.values()):
                raise RuntimeError("wait_many returned a job that is not completed")

        core_tally = _Tally()
        core = core_client(server.base_url, core_tally)

        def core_wait(ids: list[str]) -> None:
            with ThreadPoolExecutor(max_workers=len(ids)) as pool:
                jobs = list(
                    pool.map(lambda i: wait_for_job(core, i, poll_interval=POLL, timeout=120), ids)
                )
            if any(job.status != "completed" for job in jobs):
                raise RuntimeError("wait_for_job returned a job that is not completed")

        ours_time = _timed(server, span, facade_wait)
        core_time = _timed(server, span, core_wait)
        ours.close()
        core.get_httpx_client().close()
    rounds = [n for n in ours_tally.rounds if n]
    case = f"3 wait {JOBS} jobs"
    spread = f"jobs done over {span:g} s"
    return [
        Row(
            case,
            "HTTP requests",
            Quantity(ours_tally.count, "count", f"{len(rounds)} rounds"),
            THREADED,
            Quantity(core_tally.count, "count"),
        ),
        Row(
            case,
            "wall time",
            Quantity(ours_time, "s", spread),
            THREADED,
            Quantity(core_time, "s"),
        ),
        Row(
            case,
            "requests per round (most)",
            Quantity(max(rounds), "count"),
            "one request",
            Quantity(1, "count"),
            ONE_PER_ROUND,
        ),
    ]
