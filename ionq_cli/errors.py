"""Exit codes, and every error turned into one line on stderr and its code.

Scripts branch on the exit code, people read the line; neither ever sees the API key
(the façade keeps it out of every message, and nothing here adds it).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import typer
from rich.text import Text

from ionq_facade import (
    DEFAULT_BASE_URL,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    InvalidArgumentError,
    IonQError,
    JobConflictError,
    JobEndedError,
    JobTimeoutError,
    NotFoundError,
)

from .output import literal, make_console

__all__ = [
    "EXIT_CODES_HELP",
    "CliError",
    "ExitCode",
    "Failure",
    "describe",
    "exit_code_for",
    "report",
]


class ExitCode(enum.IntEnum):
    OK = 0
    FAILURE = 1  # an unexpected error, or a demo step that did not go as expected
    USAGE = 2  # bad options or input (the code click/typer use for usage errors)
    API = 3  # the API refused or could not be reached, or answered out of contract
    TIMEOUT = 4  # a wait or a request ran out of time
    JOB_ENDED = 5  # a waited-for job failed or was canceled


EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 unexpected error or failed demo check; 2 usage error "
    "(bad options, input or no API key); 3 API error (including 409 conflicts); "
    "4 timeout; 5 a waited-for job failed or was canceled. "
    "The API key is read from IONQ_API_KEY or typed at a hidden prompt, never from a flag."
)


class CliError(Exception):
    """An error the CLI itself reports: its one-line message and exit code."""

    def __init__(self, message: str, code: ExitCode = ExitCode.FAILURE) -> None:
        super().__init__(message)
        self.code = code


class Failure(typer.TyperException):
    """Any error, as `report` shows it: its line (key scrubbed), exit code and details."""

    def __init__(self, message: str, exit_code: int, details: dict[str, Any]) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.details = details

    @classmethod
    def of(cls, exc: BaseException, redact: Callable[[str], str]) -> Failure:
        details: dict[str, Any] = {}
        if isinstance(exc, APIStatusError):
            details = {"http_status": exc.status_code, "request_id": exc.request_id}
        return cls(redact(describe(exc)), exit_code_for(exc), details)


def report(exc: typer.TyperException, *, as_json: bool) -> None:
    """`exc` on stderr: `ionq: error: <one line>`, or with --json a JSON object
    `{"error": {"message", "exit_code", "kind", ...}}` on one line."""
    message = " ".join(exc.format_message().split())
    ctx = getattr(exc, "ctx", None)  # a usage error: say where to read more
    if ctx is not None and not isinstance(exc, Failure):
        message += f" (see '{ctx.command_path} --help')"
    code = exc.exit_code
    if as_json:
        kind = ExitCode(code).name.lower() if code in ExitCode._value2member_map_ else "failure"
        error = {"message": message, "exit_code": code, "kind": kind}
        error.update(getattr(exc, "details", {}))
        typer.echo(json.dumps({"error": error}, ensure_ascii=False), err=True)
        return
    line = Text.assemble(("ionq: error: ", "bold red"), literal(message))
    make_console(stderr=True).print(line, soft_wrap=True)


def exit_code_for(exc: BaseException) -> ExitCode:
    """The exit code an error ends the command with."""
    if isinstance(exc, CliError):
        return exc.code
    if isinstance(exc, (JobTimeoutError, APITimeoutError)):
        return ExitCode.TIMEOUT
    if isinstance(exc, JobEndedError):
        return ExitCode.JOB_ENDED
    if isinstance(exc, InvalidArgumentError):
        return ExitCode.USAGE
    if isinstance(exc, IonQError):
        # API errors, and the server breaking the lifecycle or refusing a transition.
        return ExitCode.API
    return ExitCode.FAILURE


def describe(exc: BaseException) -> str:
    """One line saying what went wrong, for stderr."""
    if isinstance(exc, JobConflictError):
        text = _status_line(exc, "conflict")
        if exc.current_status is not None and exc.current_status.value not in text:
            text += f" (the job is {exc.current_status.value})"
    elif isinstance(exc, AuthenticationError):
        text = _status_line(exc, "unauthorized") + "; check IONQ_API_KEY"
    elif isinstance(exc, NotFoundError) and _off_api(exc):
        # Not a missing job but a missing route: a base URL without the API's version.
        text = (
            f"{_status_line(exc, 'not found')}; the base URL must end in {_API_PATH}, "
            f"as {DEFAULT_BASE_URL} does"
        )
    elif isinstance(exc, APIStatusError):
        text = _status_line(exc, "error")
    elif isinstance(exc, APIConnectionError):
        url = exc.request.url if exc.request is not None else None
        where = "" if url is None else f" {url.host}" + (f":{url.port}" if url.port else "")
        what = "no answer in time from" if isinstance(exc, APITimeoutError) else "cannot reach"
        text = f"{what} the API{where}: {exc}"
    elif isinstance(exc, JobTimeoutError):
        last = ", ".join(
            f"{job} ({status.value if status is not None else 'not seen'})"
            for job, status in exc.pending.items()
        )
        text = f"{exc}; still waiting for {last}"
    elif isinstance(exc, (IonQError, CliError)):
        text = str(exc)
        for python, flag in PYTHON_TO_FLAGS.items():
            text = text.replace(python, flag)
    else:
        text = f"unexpected error: {type(exc).__name__}: {exc}"
    return " ".join(text.split())  # one line, whatever the server put in its message


# The façade's hints name its keywords; on the command line, the flag that sets each.
PYTHON_TO_FLAGS = {"allow_insecure_http=True": "--allow-insecure-http"}
_API_PATH = urlsplit(DEFAULT_BASE_URL).path  # /v0.4


def _off_api(exc: APIStatusError) -> bool:
    """The request's path does not start with the API's version prefix."""
    path = exc.request.url.path if exc.request is not None else ""
    return not path.startswith(_API_PATH + "/")


def _status_line(exc: APIStatusError, fallback: str) -> str:
    """`HTTP 409 Conflict: <server message> [request id ...]`, or the façade's message."""
    if exc.error_message is None:
        return str(exc)
    reason = exc.error_type or exc.response.reason_phrase or fallback
    request_id = f" [request id {exc.request_id}]" if exc.request_id else ""
    return f"HTTP {exc.status_code} {reason}: {exc.error_message}{request_id}"
