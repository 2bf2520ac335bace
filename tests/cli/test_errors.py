"""Every way a command can fail ends the same way: one line on stderr (a JSON object
with --json), one wording per rule, hints that name what exists, and an exit code."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from ionq_emulator.server import EmulatorServer
from ionq_facade import DEFAULT_BASE_URL, JobStatus

from .conftest import BELL, Cli

KNOWN_STATUSES = [s.value for s in JobStatus if s is not JobStatus.UNKNOWN]


def one_line(text: str) -> str:
    """The single line of an error message (fails when there is not exactly one)."""
    assert text.endswith("\n"), text
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


@pytest.fixture
def requests(server: EmulatorServer) -> Iterator[list[None]]:
    """One entry per request the emulator receives while the test runs."""
    emulator = server.emulator
    original = emulator.before_request
    seen: list[None] = []

    def hook() -> None:
        seen.append(None)
        original()

    emulator.before_request = hook  # type: ignore[method-assign]
    yield seen
    emulator.before_request = original  # type: ignore[method-assign]


@pytest.mark.parametrize(
    "args",
    [
        ("jobs", "list", "--shots", "1"),  # no such option
        ("jobs", "get"),  # missing argument
        ("jobs", "create", "--format", "yaml", "-"),  # not a choice
        ("jobs", "wait", "j", "--timeout", "0"),  # out of range
        ("nope",),  # no such command
        ("emulator", "--mode", "sometimes"),  # the emulator's options too
    ],
)
def test_usage_errors_are_one_line(cli: Cli, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.output
    line = one_line(result.stderr)
    assert line.startswith("ionq: error: "), line
    assert "--help" in line  # where to read more, on the same line
    assert result.stdout == ""


def test_a_misspelt_status_is_refused_naming_the_valid_ones_and_sends_nothing(
    cli: Cli, requests: list[None]
) -> None:
    result = cli("jobs", "list", "--status", "compelted")
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert "'compelted' is not one of " + ", ".join(KNOWN_STATUSES) in line
    assert requests == []


@pytest.mark.parametrize("shots", ["0", "1000000000", "-5"])
def test_every_bad_shot_count_is_worded_the_same_way(
    cli: Cli, requests: list[None], shots: str
) -> None:
    result = cli("jobs", "create", "--shots", shots, input=json.dumps(BELL))
    assert result.exit_code == 2
    assert one_line(result.stderr).startswith("ionq: error: shots must be between 1 and ")
    assert requests == []


def test_json_errors_are_a_json_object_on_stderr(cli: Cli) -> None:
    usage = cli("jobs", "list", "--status", "compelted", "--json")
    assert usage.exit_code == 2
    error = json.loads(one_line(usage.stderr))["error"]
    assert error["exit_code"] == 2
    assert error["kind"] == "usage"
    assert "'compelted' is not one of" in error["message"]
    api = cli("jobs", "get", "f7a1c2e3-0000-4000-8000-000000000000", "--json")
    assert api.exit_code == 3
    assert api.stdout == ""
    error = json.loads(one_line(api.stderr))["error"]
    assert (error["exit_code"], error["kind"], error["http_status"]) == (3, "api", 404)
    assert error["message"].startswith("HTTP 404")
    plain = cli("jobs", "get", "f7a1c2e3-0000-4000-8000-000000000000")
    assert one_line(plain.stderr).startswith("ionq: error: HTTP 404")


def test_plain_http_to_another_host_names_the_flag_that_allows_it(
    cli: Cli, server: EmulatorServer
) -> None:
    # 0.0.0.0 is not loopback to the façade's check, yet reaches this machine.
    url = f"http://0.0.0.0:{server.port}/v0.4"
    refused = cli("--base-url", url, "whoami")
    assert refused.exit_code == 2
    line = one_line(refused.stderr)
    assert "--allow-insecure-http" in line
    assert "allow_insecure_http" not in line
    # With the flag the request is sent: the emulator itself answers, refusing a Host
    # that is not its loopback name (its DNS-rebinding guard).
    allowed = cli("--base-url", url, "--allow-insecure-http", "whoami", "--json")
    assert allowed.exit_code == 3, allowed.output
    error = json.loads(allowed.stderr)["error"]
    assert error["http_status"] == 403
    assert "Host header" in error["message"]


def test_a_base_url_without_the_version_says_so(cli: Cli, server: EmulatorServer) -> None:
    result = cli("--base-url", server.url, "jobs", "list")
    assert result.exit_code == 3
    line = one_line(result.stderr)
    assert line.startswith("ionq: error: HTTP 404")
    assert f"the base URL must end in /v0.4, as {DEFAULT_BASE_URL} does" in line
    # A job that does not exist is not a URL problem.
    missing = cli("jobs", "get", "f7a1c2e3-0000-4000-8000-000000000000")
    assert "base URL" not in missing.stderr


def test_results_of_a_failed_job_do_not_say_to_wait(cli: Cli, server: EmulatorServer) -> None:
    job_id = cli.submit()
    server.emulator.advance(job_id, to="failed")
    result = cli("jobs", "results", job_id)
    assert result.exit_code == 3
    line = one_line(result.stderr)
    assert f"job {job_id} failed" in line
    assert "has no results" in line
    assert "wait" not in line
    queued = cli.submit()
    pending = one_line(cli("jobs", "results", queued).stderr)
    assert f"ionq jobs wait {queued}" in pending  # a queued job will have results
