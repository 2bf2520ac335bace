"""Bar charts, and how errors map to one line and an exit code."""

from __future__ import annotations

import httpx
import pytest
from rich.console import Console

from ionq_cli.errors import CliError, ExitCode, describe, exit_code_for
from ionq_cli.output import BAR_WIDTH, MAX_BARS, bar_chart
from ionq_facade import (
    APIConnectionError,
    APITimeoutError,
    InvalidArgumentError,
    InvalidTransitionError,
    Job,
    JobCanceledError,
    JobFailedError,
    JobStatus,
    JobTimeoutError,
    LifecycleViolationError,
    Probabilities,
)
from ionq_facade._errors import status_error


def render(probabilities: Probabilities, qubits: int | None) -> list[str]:
    console = Console(width=120, color_system=None)
    with console.capture() as captured:
        console.print(bar_chart(probabilities, qubits))
    return [line.rstrip() for line in captured.get().splitlines()]


def bar_length(line: str) -> float:
    eighths = " ▏▎▍▌▋▊▉"
    bar = line.split()[1]
    return sum(1.0 if c == "█" else eighths.index(c) / 8 for c in bar)


def test_bars_are_proportional_and_labelled_by_bitstring() -> None:
    lines = render(Probabilities({0: 0.25, 5: 0.75}), qubits=3)
    assert [line.split()[0] for line in lines] == ["|000⟩", "|101⟩"]
    assert [line.split()[-1] for line in lines] == ["25.00%", "75.00%"]
    assert bar_length(lines[0]) == pytest.approx(0.25 * BAR_WIDTH, abs=1 / 8)
    assert bar_length(lines[1]) == pytest.approx(0.75 * BAR_WIDTH, abs=1 / 8)


def test_partial_blocks() -> None:
    (line,) = render(Probabilities({1: 0.01}), qubits=1)
    assert bar_length(line) == pytest.approx(0.01 * BAR_WIDTH, abs=1 / 16)


def test_the_most_probable_states_are_shown_and_the_rest_summed() -> None:
    probs = {state: (0.5 if state == 99 else 0.5 / 99) for state in range(100)}
    lines = render(Probabilities(probs), qubits=7)
    assert len(lines) == MAX_BARS + 1
    assert "|1100011⟩" in lines[-2]  # state 99, the most likely, is kept (in state order)
    assert lines[-1].strip().startswith(f"+{100 - MAX_BARS} more")
    assert lines[-1].endswith(f"{(100 - MAX_BARS) * 0.5 / 99:.2%}")


def test_width_without_a_qubit_count() -> None:
    assert render(Probabilities({6: 1.0}), qubits=None)[0].split()[0] == "|110⟩"


def response(status: int, body: bytes, path: str = "/v0.4/jobs/j1/move") -> httpx.Response:
    request = httpx.Request("POST", f"https://api.test{path}")
    return httpx.Response(status, content=body, request=request, headers={"x-request-id": "r-1"})


def job(status: str, **extra: object) -> Job:
    return Job.from_dict({"id": "j1", "status": status, "type": "t", "backend": "b", **extra})


CASES = [
    (CliError("bad input", ExitCode.USAGE), ExitCode.USAGE, "bad input"),
    (InvalidArgumentError("shots must be >= 1"), ExitCode.USAGE, "shots must be >= 1"),
    (
        status_error(
            response(409, b'{"error": "Conflict", "message": "cannot be\\nmoved"}'),
            job_ids=("j1",),
        ),
        ExitCode.API,
        "HTTP 409 Conflict: cannot be moved [request id r-1]",
    ),
    (
        status_error(response(401, b'{"error": "Unauthorized", "message": "Invalid key."}')),
        ExitCode.API,
        "HTTP 401 Unauthorized: Invalid key. [request id r-1]; check IONQ_API_KEY",
    ),
    (
        status_error(response(502, b"<html>bad\ngateway</html>")),
        ExitCode.API,
        "POST /v0.4/jobs/j1/move -> 502: '<html>bad\\ngateway</html>' (request id r-1)",
    ),
    (
        APIConnectionError("GET /jobs failed: refused", request=httpx.Request("GET", "http://h:9")),
        ExitCode.API,
        "cannot reach the API h:9: GET /jobs failed: refused",
    ),
    (
        APITimeoutError("GET /jobs timed out"),
        ExitCode.TIMEOUT,
        "no answer in time from the API: GET /jobs timed out",
    ),
    (
        JobTimeoutError("wait ran out", job_id="j1", last_status=JobStatus.READY),
        ExitCode.TIMEOUT,
        "wait ran out; still waiting for j1 (ready)",
    ),
    (
        JobFailedError("job j1 failed", job=job("failed"), code=None, failure_message=None),
        ExitCode.JOB_ENDED,
        "job j1 failed",
    ),
    (JobCanceledError("job j1 was canceled", job=job("canceled")), ExitCode.JOB_ENDED, None),
    (
        InvalidTransitionError(
            "cannot cancel", job_id="j1", status=JobStatus.COMPLETED, operation="cancel"
        ),
        ExitCode.API,
        "cannot cancel",
    ),
    (
        LifecycleViolationError(
            "went back", job_id="j1", previous=JobStatus.COMPLETED, current=JobStatus.READY
        ),
        ExitCode.API,
        "went back",
    ),
    (KeyError("x"), ExitCode.FAILURE, "unexpected error: KeyError: 'x'"),
]


@pytest.mark.parametrize(("error", "code", "line"), CASES)
def test_errors_map_to_codes_and_one_line(
    error: BaseException, code: ExitCode, line: str | None
) -> None:
    assert exit_code_for(error) is code
    text = describe(error)
    assert "\n" not in text
    if line is not None:
        assert text == line


def test_exit_codes_are_distinct() -> None:
    assert sorted(int(c) for c in ExitCode) == [0, 1, 2, 3, 4, 5]
