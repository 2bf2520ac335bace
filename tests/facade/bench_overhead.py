"""Overhead of the façade on an in-process transport (run by hand, not by pytest).

    .venv/bin/python -m tests.facade.bench_overhead

Prints, best of several runs: `jobs.get` against `httpx.Client.get` + `json.loads`, and
parsing a 1,000-job page into `Job`s against `json.loads` alone.
"""

from __future__ import annotations

import json
import timeit
from typing import Any

import httpx

from ionq_facade import IonQ, JobPage

from .conftest import job_json

SEED = {
    "dry_run": False,
    "submitter_id": "64b03577072d45001c85e9c4",
    "project_id": "1333d459-cf47-4a5e-acc1-8d4eb4f7b025",
    "parent_job_id": None,
    "session_id": None,
    "metadata": None,
    "name": None,
    "submitted_at": "2025-05-28T20:47:05.440Z",
    "started_at": None,
    "completed_at": None,
    "shots": 1000,
    "noise": {"model": "ideal"},
    "failure": None,
    "settings": {"compilation": {}},
    "stats": {"qubits": 20, "circuits": 1, "gate_counts": {"1q": 1028, "2q": 110}},
    "results": {"probabilities": {"url": "/v0.4/jobs/x/results/probabilities"}},
    "output": {},
}
JOB_ID = "e1a09d90-b2ba-4ea5-9fd7-4bfc14eac524"


def best(stmt: Any, number: int, repeat: int = 7) -> float:
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number


def main() -> None:
    body = json.dumps(job_json(JOB_ID, "completed", **SEED)).encode()
    transport = httpx.MockTransport(
        lambda r: httpx.Response(200, content=body, headers={"content-type": "application/json"})
    )
    raw = httpx.Client(transport=transport, headers={"Authorization": "apiKey k"})
    url = f"https://api.ionq.co/v0.4/jobs/{JOB_ID}"
    client = IonQ(api_key="k", http_client=httpx.Client(transport=transport))
    client.jobs.get(JOB_ID)
    baseline = best(lambda: json.loads(raw.get(url).content), 2000)
    facade = best(lambda: client.jobs.get(JOB_ID), 2000)
    print(
        f"jobs.get: {facade * 1e6:.0f} us vs httpx get + json.loads {baseline * 1e6:.0f} us "
        f"= {facade / baseline:.2f}x"
    )

    page = json.dumps(
        {"jobs": [job_json(f"job-{i}", "completed", **SEED) for i in range(1000)], "next": None}
    )
    loads = best(lambda: json.loads(page), 20)
    parsed = best(lambda: JobPage._parse(json.loads(page)), 20)
    print(
        f"1,000-job page: {parsed * 1e3:.2f} ms vs json.loads {loads * 1e3:.2f} ms "
        f"= {parsed / loads:.2f}x"
    )


if __name__ == "__main__":
    main()
