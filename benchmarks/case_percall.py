"""Case 1: per-call overhead of `jobs.get`, in process and over loopback.

In process, every client sends through one `httpx.MockTransport` that answers the same
recorded job, so what differs is only what each client does around the request. Over
loopback the same three talk to an emulator in another process (its time dominates;
the row shows what the client adds to a real round trip).
"""

from __future__ import annotations

import json

from ionq_core.api.default import get_job

from ._clients import core_client, facade_client, raw_client, replay
from ._fixtures import BASE_URL, Recorded
from ._measure import interleave, paired_ratio
from ._report import Quantity, Row, Target, compare
from ._server import emulator_process

__all__ = ["run"]

RAW = "raw httpx + json.loads"
CORE = "ionq-core get_job"
WITHIN_RAW = Target(1.1)
AHEAD_OF_CORE = Target(1.0, strict=True)


def _rows(
    case: str, recorded_id: str, base_url: str, quick: bool, *, in_process: bytes | None
) -> list[Row]:
    transport = replay(in_process) if in_process is not None else None
    ours = facade_client(base_url, transport)
    core = core_client(base_url, transport)
    raw = raw_client(base_url, transport)
    path = f"/jobs/{recorded_id}"

    def facade() -> object:
        return ours.jobs.get(recorded_id)

    def ionq_core() -> object:
        return get_job.sync(uuid=recorded_id, client=core)

    def limit() -> object:
        return json.loads(raw.get(path).content)

    # Every contestant must read the same job, or the comparison means nothing.
    read = {ours.jobs.get(recorded_id).id, json.loads(raw.get(path).content)["id"]}
    read.add(getattr(get_job.sync(uuid=recorded_id, client=core), "id", ""))
    if read != {recorded_id}:
        raise RuntimeError(f"the contestants did not all read job {recorded_id}: {read}")
    number, rounds = (100, 7) if quick else (400, 15)
    if in_process is None:
        number //= 4
    samples = interleave(
        {"facade": facade, "core": ionq_core, "raw": limit}, number=number, rounds=rounds
    )
    ours.close()
    raw.close()
    core.get_httpx_client().close()
    shown = {name: Quantity(found.median, "s") for name, found in samples.items()}
    core_vs_raw = paired_ratio(samples["core"], samples["raw"])
    shown["core"] = Quantity(samples["core"].median, "s", f"{core_vs_raw:.2f}x raw")
    versus_core = AHEAD_OF_CORE if in_process is not None else None
    return [
        compare(case, "jobs.get", samples, shown, "facade", "raw", RAW, WITHIN_RAW),
        compare(case, "jobs.get", samples, shown, "facade", "core", CORE, versus_core),
    ]


def run(recorded: Recorded, quick: bool) -> list[Row]:
    rows = _rows(
        "1 per-call, in process", recorded.job_id, BASE_URL, quick, in_process=recorded.job
    )
    with emulator_process() as server:
        job_id = server.submit_completed()
        rows += _rows("1 per-call, loopback", job_id, server.base_url, quick, in_process=None)
    return rows
