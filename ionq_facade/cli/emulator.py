"""The local emulator, from the CLI: `ionq emulator` serves it; the demo embeds it.

`ionq_emulator` (and the `emulator` extra it needs: starlette, uvicorn, numpy) is
imported only here, and only when one of these runs, so every other command starts
without it and works without the extra installed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING

import typer

from .errors import CliError, ExitCode

if TYPE_CHECKING:
    from ionq_emulator import EmulatorServer

__all__ = ["EmbeddedEmulator", "emulator"]

MISSING_EXTRA = "the emulator needs the 'emulator' extra: pip install 'ionq-facade[emulator]'"


def _missing(exc: ImportError) -> CliError:
    return CliError(f"{MISSING_EXTRA} ({exc})", ExitCode.USAGE)


def emulator(ctx: typer.Context) -> None:
    """Serve the local emulator of the API on loopback; prints its base URL first.

    Every option is the emulator's own: see `ionq emulator --help`.
    """
    try:
        from ionq_emulator.server import main as serve
    except ImportError as exc:
        raise _missing(exc) from None
    raise typer.Exit(serve(ctx.args))


class EmbeddedEmulator:
    """The emulator on a free loopback port of this process, in manual mode.

    Jobs move only when told: `pacing(ids)` moves those jobs one lifecycle step every
    `step_seconds` in the background, so a waiting client watches real state changes,
    and every other job stays where it is (a queued job stays queued) until the walk
    needs it to move. Every answer is checked against the contract.
    """

    def __init__(self, step_seconds: float) -> None:
        try:
            from ionq_emulator import Emulator, EmulatorServer
        except ImportError as exc:
            raise _missing(exc) from None
        self.step_seconds = step_seconds
        self._server: EmulatorServer = EmulatorServer(
            Emulator(mode="manual", validate_responses=True)
        )

    @property
    def base_url(self) -> str:
        return self._server.base_url

    @property
    def conformance_errors(self) -> list[str]:
        """Answers that broke openapi.yaml, as the emulator recorded them."""
        return list(self._server.emulator.conformance_errors)

    @contextmanager
    def pacing(self, job_ids: Sequence[str]) -> Iterator[None]:
        """Meanwhile, step `job_ids` along their lifecycle until each has ended."""
        emulator = self._server.emulator
        stop = threading.Event()
        failures: list[BaseException] = []

        def run() -> None:
            moving = list(job_ids)
            while moving and not stop.wait(self.step_seconds):
                try:
                    moving = [job for job in moving if emulator.advance(job)]
                except BaseException as exc:  # reported in the main thread
                    failures.append(exc)
                    return

        thread = threading.Thread(target=run, name="ionq-demo-pacer", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
        if failures:
            raise CliError(f"the emulator could not move the jobs on: {failures[0]}")

    def __enter__(self) -> EmbeddedEmulator:
        self._server.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.stop()
        self._server.emulator.close()
