"""Exit codes, and every error turned into one line on stderr and its code.

Scripts branch on the exit code, people read the line; neither ever sees the API key
(the façade keeps it out of every message, and nothing here adds it).
"""

from __future__ import annotations

import enum

from ionq_facade import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    InvalidArgumentError,
    IonQError,
    JobConflictError,
    JobEndedError,
    JobTimeoutError,
)

__all__ = ["EXIT_CODES_HELP", "CliError", "ExitCode", "describe", "exit_code_for"]


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
    else:
        text = f"unexpected error: {type(exc).__name__}: {exc}"
    return " ".join(text.split())  # one line, whatever the server put in its message


def _status_line(exc: APIStatusError, fallback: str) -> str:
    """`HTTP 409 Conflict: <server message> [request id ...]`, or the façade's message."""
    if exc.error_message is None:
        return str(exc)
    reason = exc.error_type or exc.response.reason_phrase or fallback
    request_id = f" [request id {exc.request_id}]" if exc.request_id else ""
    return f"HTTP {exc.status_code} {reason}: {exc.error_message}{request_id}"
