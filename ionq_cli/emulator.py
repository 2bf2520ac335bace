"""The local emulator, from the CLI: `ionq emulator` serves it; the demo embeds it.

`ionq_emulator` (and the `emulator` extra it needs: starlette, uvicorn, numpy) is
imported only here, and only when one of these runs, so every other command starts
without it and works without the extra installed.
"""

from __future__ import annotations

import argparse
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand, TyperOption

from .errors import CliError, ExitCode

if TYPE_CHECKING:
    from ionq_emulator import EmulatorServer

__all__ = ["EmbeddedEmulator", "EmulatorCommand", "emulator"]

MISSING_EXTRA = "the emulator needs the 'emulator' extra: pip install 'ionq-facade[emulator]'"


def _missing(exc: ImportError) -> CliError:
    return CliError(f"{MISSING_EXTRA} ({exc})", ExitCode.USAGE)


def emulator() -> None:
    """Serve the local emulator of the API on loopback; prints its base URL first.

    The same options as the `ionq-emulator` command; serves until interrupted.
    """


def _serve_parser() -> argparse.ArgumentParser:
    try:
        from ionq_emulator.server import build_parser
    except ImportError as exc:
        raise _missing(exc) from None
    return build_parser()


class EmulatorCommand(TyperCommand):
    """`ionq emulator`: its options are those of `ionq-emulator` (declared once, by the
    emulator's own parser), read when the command runs or shows its help, so no other
    command imports the emulator."""

    def get_params(self, ctx: Any) -> list[Any]:
        served = [_option(action) for action in _serve_parser()._actions if action.dest != "help"]
        return [*served, *super().get_params(ctx)]

    def invoke(self, ctx: Any) -> Any:
        from ionq_emulator.server import main as serve

        argv: list[str] = []
        for action in _serve_parser()._actions:
            value = ctx.params.get(action.dest)
            if value is None or value == action.default:
                continue
            if action.nargs == 0:
                argv.append(action.option_strings[-1])
                continue
            for one in value if isinstance(value, (list, tuple)) else [value]:
                argv += [action.option_strings[-1], str(one)]
        raise typer.Exit(serve(argv))


def _sentence(text: str) -> str:
    """argparse's help style (`port (0: any free port)`) in the other commands' style."""
    return f"{text[:1].upper()}{text[1:]}." if text else text


def _option(action: argparse.Action) -> TyperOption:
    """A click option for one of the emulator parser's options: same name, type,
    default, choices and help."""
    repeatable = isinstance(action.default, list)  # action="append", as --fault
    if action.nargs == 0:  # action="store_true", as --allow-remote
        return TyperOption(
            param_decls=[*action.option_strings, action.dest],
            is_flag=True,
            default=False,
            help=_sentence(action.help or ""),
        )
    choices = list(action.choices) if action.choices else None
    metavar = action.metavar if isinstance(action.metavar, str) else action.dest.upper()

    def check(ctx: Any, param: Any, value: Any) -> Any:
        if choices is not None and value is not None and value not in choices:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}")
        return value

    return TyperOption(
        param_decls=[*action.option_strings, action.dest],
        type=action.type or str,
        default=None if repeatable else action.default,
        multiple=repeatable,
        metavar=f"[{'|'.join(choices)}]" if choices else metavar,
        help=_sentence(action.help or ""),
        show_default=action.default not in (None, [], 0) and not repeatable,
        callback=check,
    )


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
