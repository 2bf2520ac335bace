"""Simulations off the event loop and outside the store's lock, a bounded number at a time.

A job's simulation is a pure function of its circuit (``runner.run_circuit``). A small
one (estimated under ``INLINE_SECONDS``) runs at once where it is asked for, as it always
did: a job is finished by the step that finishes it, and seeded runs stay reproducible.
A heavy one is handed to a worker process (``python -m ionq_emulator._worker``, which
reads pickled requests on stdin and answers on stdout; our own child, so the pickles are
trusted) and the job stays ``started`` meanwhile:
the step that would finish it finds no outcome yet and leaves it (clock mode retries on
a later request; ``Emulator.advance`` waits for it without holding the lock). One heavy
simulation at a time bounds memory (a 29-qubit statevector is 8 GiB); a process, not a
thread, because numpy's per-gate work holds the GIL often enough to stall the server,
and because a simulation that runs out of memory must kill the worker, not the server.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from ionq_emulator.catalog import BackendInfo
from ionq_emulator.runner import Outcome, circuit_qubits, run_circuit

__all__ = ["INLINE_SECONDS", "Simulations", "estimated_seconds"]

log = logging.getLogger("ionq_emulator")

#: Simulations estimated to take longer than this run in the worker process.
INLINE_SECONDS: Final = 0.025
# The simulator's cost, as measured (tests/reliability): a fixed cost per gate, plus a
# cost per gate and amplitude.
_PER_GATE: Final = 3e-5
_PER_AMPLITUDE_GATE: Final = 1e-8


def estimated_seconds(circuit: Mapping[str, Any]) -> float:
    """A rough bound on the time ``run_circuit`` needs for ``circuit``."""
    if "error" in circuit:
        return 0.0
    gates = circuit.get("circuit")
    count = len(gates) if isinstance(gates, list) else 0
    qubits = min(max(circuit_qubits(circuit), 0), 64)
    return max(count, 1) * (_PER_GATE + _PER_AMPLITUDE_GATE * 2.0**qubits)


class Simulations:
    """Outcomes of job simulations by key (a job id): inline when small, else in a worker."""

    def __init__(self, *, inline_seconds: float = INLINE_SECONDS) -> None:
        self.inline_seconds = inline_seconds
        self._futures: dict[str, cf.Future[Outcome]] = {}
        self._lock = threading.Lock()
        self._worker = _Worker()

    def outcome(
        self,
        key: str,
        circuit: Mapping[str, Any],
        *,
        backend: BackendInfo,
        shots: int,
        noise_model: str,
        seed: int,
    ) -> Outcome | None:
        """The outcome of simulating ``circuit``, or None while the worker computes it."""
        options: dict[str, Any] = {
            "backend": backend, "shots": shots, "noise_model": noise_model, "seed": seed
        }  # fmt: skip
        if estimated_seconds(circuit) <= self.inline_seconds:
            return run_circuit(circuit, **options)
        with self._lock:
            future = self._futures.get(key)
            if future is None:
                future = self._futures[key] = self._worker.submit(dict(circuit), options)
            if not future.done():
                return None
            del self._futures[key]
        return _collect(future)

    def pending(self) -> list[str]:
        """Keys whose simulation was asked for and whose outcome was not taken yet."""
        with self._lock:
            return list(self._futures)

    def wait(self, keys: Iterable[str], timeout: float | None = None) -> None:
        """Block until the simulations of ``keys`` are done (call without the store lock)."""
        with self._lock:
            futures = [f for k in keys if (f := self._futures.get(k)) is not None]
        cf.wait(futures, timeout=timeout)

    def forget(self, wanted: Callable[[str], bool]) -> None:
        """Drop the simulations no job waits for any more (canceled or deleted jobs); a
        queued one is not run, a running one ends when done (its outcome unused)."""
        with self._lock:
            for key in [k for k in self._futures if not wanted(k)]:
                self._futures.pop(key).cancel()

    def close(self) -> None:
        """Stop the worker, abandoning what it was computing."""
        with self._lock:
            futures, self._futures = self._futures, {}
        for future in futures.values():
            future.cancel()
        self._worker.close()


class WorkerDied(RuntimeError):
    """The worker process ended without answering (killed, or out of memory)."""


class _Worker:
    """One child process running one simulation at a time, fed by one thread."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[tuple[cf.Future[Outcome], Any] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, circuit: dict[str, Any], options: dict[str, Any]) -> cf.Future[Outcome]:
        future: cf.Future[Outcome] = cf.Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the emulator was closed")
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._serve, name="ionq-emulator-simulations", daemon=True
                )
                self._thread.start()
        self._queue.put((future, (circuit, options)))
        return future

    def _serve(self) -> None:
        while (item := self._queue.get()) is not None:
            future, request = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self._call(request))
            except BaseException as exc:
                future.set_exception(exc)

    def _call(self, request: Any) -> Outcome:
        process = self._child()
        assert process.stdin is not None
        assert process.stdout is not None
        try:
            pickle.dump(request, process.stdin)
            process.stdin.flush()
            outcome: Outcome = pickle.load(process.stdout)
        except (OSError, EOFError, pickle.UnpicklingError):
            process.kill()
            process.wait()
            raise WorkerDied(
                f"the simulation worker ended (exit status {process.returncode})"
            ) from None
        return outcome

    def _child(self) -> subprocess.Popen[bytes]:
        with self._lock:
            if self._closed:
                raise WorkerDied("the emulator was closed")
            if self._process is None or self._process.poll() is not None:
                # The package's own folder first, so the child runs this very code.
                root = str(Path(__file__).resolve().parents[1])
                path = os.pathsep.join([root, *filter(None, [os.environ.get("PYTHONPATH")])])
                self._process = subprocess.Popen(
                    [sys.executable, "-m", "ionq_emulator._worker"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    env={**os.environ, "PYTHONPATH": path},
                )
            return self._process

    def close(self) -> None:
        with self._lock:
            self._closed = True
            process, self._process = self._process, None
        self._queue.put(None)
        if process is not None:
            # A running simulation may take minutes: end it rather than wait.
            process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()


def _collect(future: cf.Future[Outcome]) -> Outcome:
    try:
        return future.result()
    except WorkerDied as exc:
        return Outcome(
            failure={
                "code": "SimulationError",
                "message": f"{exc}: the circuit may be too large for this machine's memory",
            }
        )
    except Exception as exc:  # a crash must fail the job, not the server
        log.exception("simulation crashed")
        return Outcome(failure={"code": "InternalError", "message": f"simulation crashed: {exc}"})
