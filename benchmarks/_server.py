"""Servers in another process, so the client being measured has the interpreter to itself.

`emulator_process()` runs the `ionq-emulator` command line (manual mode: jobs move only
when told); `emulator_process(seed_jobs={key: n})` runs `python -m benchmarks._serve`,
which fills those projects through the emulator's store before serving; and
`bare_process()` runs uvicorn with a constant-answer app, the limit of the stack.
Each prints its base URL as its first line of output.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import httpx

from ._fixtures import API_KEY

__all__ = ["ServerProcess", "bare_process", "emulator_process"]

# The first template of the fixture mix: a completed Bell job with name and metadata.
_BELL_JOB: dict[str, Any] = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "name": "bell",
    "shots": 1000,
    "metadata": {"experiment": "entanglement", "run": "42"},
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}],
    },
}


class ServerProcess:
    """A running server: its base URL (…/v0.4), and the emulator's test controls."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.root = base_url.rsplit("/", 1)[0]
        self._http = httpx.Client(
            base_url=base_url, headers={"Authorization": f"apiKey {API_KEY}"}, timeout=60
        )

    def submit(self, body: Mapping[str, Any] = _BELL_JOB) -> str:
        response = self._http.post("/jobs", json=dict(body))
        response.raise_for_status()
        return str(response.json()["id"])

    def advance(self, job_id: str, to: str) -> None:
        response = self._http.post(
            f"{self.root}/_emulator/advance", json={"job_id": job_id, "to": to}
        )
        response.raise_for_status()

    def submit_completed(self) -> str:
        job_id = self.submit()
        self.advance(job_id, "completed")
        return job_id

    def close(self) -> None:
        self._http.close()


@contextmanager
def _process(command: Sequence[str], timeout: float = 300) -> Iterator[ServerProcess]:
    with tempfile.TemporaryFile("w+") as errors:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True)
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline().strip()
            if not line.startswith("http://"):
                proc.wait(timeout=timeout)
                errors.seek(0)
                raise RuntimeError(f"{' '.join(command)} did not start:\n{errors.read()[-2000:]}")
            server = ServerProcess(line)
            try:
                yield server
            finally:
                server.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextmanager
def emulator_process(seed_jobs: Mapping[str, int] | None = None) -> Iterator[ServerProcess]:
    """An emulator in manual mode on a free loopback port, in a child process."""
    if seed_jobs:
        command = [sys.executable, "-m", "benchmarks._serve", "emulator", json.dumps(seed_jobs)]
    else:
        command = [sys.executable, "-m", "ionq_emulator", "--port", "0", "--mode", "manual"]
    with _process(command) as server:
        yield server


@contextmanager
def bare_process(answers: Mapping[str, bytes]) -> Iterator[ServerProcess]:
    """uvicorn serving a constant answer per method (`{"GET": b"...", "POST": b"..."}`)."""
    spec = {method: body.decode() for method, body in answers.items()}
    command = [sys.executable, "-m", "benchmarks._serve", "bare", json.dumps(spec)]
    with _process(command) as server:
        yield server
