"""Case 6: the emulator's requests per second under concurrent load from another process.

The emulator (`ionq-emulator --mode manual`) and, as the limit, the same uvicorn setup
serving a constant answer (the same job bytes for GET, the same creation answer for
POST) each take load from a separate load-generator process. Rounds alternate between
the servers; a ratio compares time per request within a round (lower is better).
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import httpx

from ._fixtures import API_KEY, Recorded
from ._measure import Samples
from ._report import Quantity, Row, compare
from ._server import _BELL_JOB, ServerProcess, bare_process, emulator_process

__all__ = ["run"]

THREADS = 8


def _load(server: ServerProcess, method: str, path: str, body: str | None, seconds: float) -> float:
    """Requests per second the server answered (2xx only, or an error)."""
    spec = {
        "url": server.base_url + path,
        "method": method,
        "body": body,
        "threads": THREADS,
        "seconds": seconds,
    }
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks._load", json.dumps(spec)],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 120,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    if result["failed"] or not result["requests"]:
        raise RuntimeError(f"{method} {path}: {result['failed']} failed answers: {result}")
    return float(result["requests"]) / float(result["seconds"])


def run(recorded: Recorded, quick: bool) -> list[Row]:
    del recorded
    seconds, rounds = (1.0, 3) if quick else (2.0, 5)
    body = json.dumps(_BELL_JOB)
    with emulator_process() as emulator:
        job_id = emulator.submit_completed()
        headers = {"Authorization": f"apiKey {API_KEY}"}
        job_bytes = httpx.get(f"{emulator.base_url}/jobs/{job_id}", headers=headers).content
        created = httpx.post(f"{emulator.base_url}/jobs", headers=headers, json=_BELL_JOB).content
        with bare_process({"GET": job_bytes, "POST": created}) as bare:
            trials = {
                "emu GET": (emulator, "GET", f"/jobs/{job_id}", None),
                "bare GET": (bare, "GET", f"/jobs/{job_id}", None),
                "emu POST": (emulator, "POST", "/jobs", body),
                "bare POST": (bare, "POST", "/jobs", body),
            }
            per_request: dict[str, list[float]] = {name: [] for name in trials}
            for r in range(rounds):
                names = list(trials)[r % 4 :] + list(trials)[: r % 4]
                for name in names:
                    server, method, path, payload = trials[name]
                    per_request[name].append(1.0 / _load(server, method, path, payload, seconds))
    samples = {name: Samples(tuple(values)) for name, values in per_request.items()}

    shown = {name: Quantity(1.0 / found.median, "rate") for name, found in samples.items()}
    case = f"6 emulator, {THREADS} connections"
    limit = "uvicorn, constant answer"
    return [
        compare(case, "GET /jobs/{id}", samples, shown, "emu GET", "bare GET", limit),
        compare(case, "POST /jobs", samples, shown, "emu POST", "bare POST", limit),
    ]
