"""Case 4: iterating every job of a large project, from an emulator in another process.

The emulator holds two projects (10x apart in size), filled through its store before it
serves. Throughput: iterating the larger one with `for job in client.jobs.list(...)`
against following the cursor by hand with httpx + `json.loads` (the limit) and
ionq-core's `iter_jobs`, pages of 1,000. Memory: tracemalloc's peak while iterating
each project, jobs counted and dropped, as a caller streaming them would; a pager that
kept what it had read would grow 10x between the two.
"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable

from ionq_core import iter_jobs

from ._clients import core_client, facade_client, raw_client
from ._fixtures import Recorded
from ._measure import interleave
from ._report import Quantity, Row, Target, compare
from ._server import emulator_process

__all__ = ["run"]

PAGE = 1000
CONSTANT = Target(1.1)
SMALL_KEY = "bench-small-project"
LARGE_KEY = "bench-large-project"


def _iterators(base_url: str, api_key: str) -> dict[str, Callable[[], int]]:
    ours = facade_client(base_url, api_key=api_key)
    core = core_client(base_url, api_key=api_key)
    raw = raw_client(base_url, api_key=api_key)

    def facade() -> int:
        count = 0
        for _job in ours.jobs.list(limit=PAGE):
            count += 1
        return count

    def ionq_core() -> int:
        count = 0
        for _job in iter_jobs(core, limit=PAGE):
            count += 1
        return count

    def limit() -> int:
        count = 0
        params: dict[str, str | int] = {"limit": PAGE}
        while True:
            page = json.loads(raw.get("/jobs", params=params).content)
            count += len(page["jobs"])
            if not page.get("next"):
                return count
            params["next"] = page["next"]

    return {"facade": facade, "core": ionq_core, "raw": limit}


def _peak(iterate: Callable[[], int]) -> tuple[int, int]:
    """Jobs iterated and the peak of memory allocated meanwhile, in bytes."""
    tracemalloc.start()
    try:
        count = iterate()
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run(recorded: Recorded, quick: bool) -> list[Row]:
    del recorded  # this case makes its own jobs
    small, large = 10_000, (30_000 if quick else 100_000)
    with emulator_process({SMALL_KEY: small, LARGE_KEY: large}) as server:
        little = _iterators(server.base_url, SMALL_KEY)
        counts = {name: iterate() for name, iterate in little.items()}  # warm, and check
        if len(set(counts.values())) != 1:
            raise RuntimeError(f"the contestants iterated different numbers of jobs: {counts}")
        big = _iterators(server.base_url, LARGE_KEY)
        samples = interleave(big, number=1, rounds=3 if quick else 2, warmup=0)
        few, small_peak = _peak(little["facade"])
        total, large_peak = _peak(big["facade"])
        raw_total, raw_peak = _peak(big["raw"])
        if total != raw_total:
            raise RuntimeError(f"the façade iterated {total} jobs, by hand {raw_total}")

    shown = {
        name: Quantity(found.median, "s", f"{total / found.median:,.0f} jobs/s")
        for name, found in samples.items()
    }
    case = f"4 paginate {total:,} jobs"
    by_hand = "httpx + json.loads, by hand"
    peak = Quantity(large_peak, "bytes")
    return [
        compare(case, "iterate all", samples, shown, "facade", "raw", by_hand),
        compare(case, "iterate all", samples, shown, "facade", "core", "ionq-core iter_jobs"),
        Row(
            case,
            "peak memory",
            peak,
            f"ours on {few:,} jobs",
            Quantity(small_peak, "bytes"),
            CONSTANT,
        ),
        Row(case, "peak memory", peak, by_hand, Quantity(raw_peak, "bytes")),
    ]
