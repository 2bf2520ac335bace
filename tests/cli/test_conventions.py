"""What users expect of any CLI: --help everywhere, NO_COLOR, progress only on a terminal,
errors as one line with distinct exit codes, and the API key never shown."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
import typer

from ionq_cli import app
from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import emulator_server

from .conftest import BELL, Cli

ANSI = "\x1b["


def command_paths(command: object, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield prefix
    for name, sub in getattr(command, "commands", {}).items():
        yield from command_paths(sub, (*prefix, name))


def test_help_everywhere(cli: Cli) -> None:
    paths = list(command_paths(typer.main.get_command(app)))
    jobs = ["list", "get", "create", "wait", "cancel", "delete", "cost", "results", "clone", "move"]
    top = ["jobs", "backends", "sessions", "whoami", "emulator", "demo", "completion"]
    assert set(paths) == {(), *((c,) for c in top), *(("jobs", c) for c in jobs)}
    for path in paths:
        result = cli(*path, "--help")
        assert result.exit_code == 0, path
        assert "usage" in result.stdout.lower(), path


def test_top_help_documents_exit_codes_and_the_key(cli: Cli) -> None:
    text = " ".join(cli("--help").stdout.split())
    for code in ("0 ok", "2 usage error", "3 API error", "4 timeout", "5 a waited-for job failed"):
        assert code in text
    assert "IONQ_API_KEY" in text


def test_version(cli: Cli) -> None:
    from ionq_facade import __version__

    assert cli("--version").stdout.strip() == f"ionq (ionq-facade) {__version__}"


def test_colour_on_a_terminal_and_none_with_no_color(cli: Cli) -> None:
    coloured = cli("backends", env={"FORCE_COLOR": "1"})
    assert ANSI in coloured.stdout
    plain = cli("backends", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert ANSI not in plain.stdout
    assert "simulator" in plain.stdout
    error = cli("jobs", "get", "nope", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert error.exit_code == 3
    assert ANSI not in error.stderr
    assert ANSI not in cli("backends").stdout  # not a terminal: plain too


def complete_on_second_poll(server: EmulatorServer) -> None:
    """From now on, the second API request completes every queued job first.

    So a wait sees the job queued on its first poll and completed on its second, however
    slow the machine (a timer would race the first poll).
    """
    emulator = server.emulator
    original = emulator.before_request
    seen = 0

    def hook() -> None:
        nonlocal seen
        seen += 1
        if seen == 2:
            emulator.complete_all()
        original()

    emulator.before_request = hook  # type: ignore[method-assign]


def test_wait_shows_progress_on_a_terminal(cli: Cli, server: EmulatorServer) -> None:
    job_id = cli.submit()
    complete_on_second_poll(server)
    result = cli("jobs", "wait", job_id, "--poll", "0.05", "--json", env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0, result.output
    # The live display is on stderr; stdout stays the result alone.
    assert f"job {job_id}: submitted" in result.stderr
    assert json.loads(result.stdout)["status"] == "completed"


def test_wait_piped_shows_no_progress(cli: Cli, server: EmulatorServer) -> None:
    job_id = cli.submit()
    complete_on_second_poll(server)
    # A real process with its stdout and stderr piped, as in `ionq jobs wait ID | jq`.
    env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "TTY_COMPATIBLE"}}
    env |= {"IONQ_API_KEY": cli.api_key, "IONQ_API_URL": server.base_url}
    run = subprocess.run(
        [sys.executable, "-m", "ionq_cli", "jobs", "wait", job_id, "--poll", "0.05"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert ANSI not in run.stdout
    rows = dict(line.split(maxsplit=1) for line in run.stdout.splitlines() if line.strip())
    assert rows["status"].strip() == "completed"


def test_no_api_key_is_a_usage_error(cli: Cli) -> None:
    result = cli("whoami", env={"IONQ_API_KEY": None})
    assert result.exit_code == 2
    assert "no API key: set IONQ_API_KEY" in result.stderr


def test_key_typed_at_a_hidden_prompt(cli: Cli) -> None:
    expected = cli.json("whoami")["key_id"]
    result = cli(
        "--prompt-key", "whoami", "--json", input=f"{cli.api_key}\n", env={"IONQ_API_KEY": None}
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["key_id"] == expected
    assert "IonQ API key" in result.stderr
    assert cli.api_key not in result.output  # not echoed


def test_a_rejected_key_is_never_shown() -> None:
    secret = "sk-live-DO-NOT-SHOW-4242"
    with emulator_server(mode="manual", keys={"the-only-key": "project"}) as server:
        cli = Cli(server, api_key=secret)
        for args in (("whoami",), ("jobs", "list"), ("jobs", "get", "x1")):
            result = cli(*args)
            assert result.exit_code == 3
            assert "HTTP 401" in result.stderr
            assert "check IONQ_API_KEY" in result.stderr
            assert secret not in result.output


@pytest.mark.parametrize("prompted", [False, True])
def test_a_key_echoed_by_a_server_is_scrubbed_from_the_error_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, prompted: bool
) -> None:
    from ionq_facade import APIError

    def echoing(*_: object) -> None:
        raise APIError(f"server says: Authorization: apiKey {cli.api_key} is bad")

    monkeypatch.setattr("ionq_cli.account.backends_table", echoing)
    if prompted:
        result = cli(
            "--prompt-key", "backends", input=f"{cli.api_key}\n", env={"IONQ_API_KEY": None}
        )
    else:
        result = cli("backends")
    assert result.exit_code == 3
    assert "server says: Authorization: apiKey *** is bad" in result.stderr
    assert cli.api_key not in result.output


def test_an_unreachable_api_is_an_api_error(cli: Cli) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = cli("whoami", env={"IONQ_API_URL": f"http://127.0.0.1:{port}/v0.4"})
    assert result.exit_code == 3
    assert f"cannot reach the API 127.0.0.1:{port}" in result.stderr


def test_an_unexpected_error_exits_1_on_one_line(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr("ionq_cli.account.backends_table", broken)
    result = cli("backends")
    assert result.exit_code == 1
    assert result.stderr == "ionq: error: unexpected error: RuntimeError: boom second line\n"


def test_a_closed_pipe_is_not_an_error_message(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    # As when the output is piped into `head`, which exits early.
    def gone(*_: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("ionq_cli.account.backends_table", gone)
    result = cli("backends")
    assert result.exit_code == 1
    assert "error" not in result.stderr


def test_missing_emulator_extra_is_a_clear_message(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What importing the emulator does when its dependencies are not installed.
    monkeypatch.setitem(sys.modules, "ionq_emulator", None)
    monkeypatch.setitem(sys.modules, "ionq_emulator.server", None)
    for args in (("demo",), ("emulator",)):
        result = cli(*args)
        assert result.exit_code == 2
        assert "pip install 'ionq-facade[emulator]'" in result.stderr


def test_importing_the_facade_loads_neither_the_cli_nor_the_emulator() -> None:
    # (rich itself may be loaded: httpx imports it for its own command line.)
    probe = (
        "import sys, ionq_facade; a = set(sys.modules);"
        "import ionq_cli; b = set(sys.modules);"
        "top = lambda ms: {m.split('.')[0] for m in ms};"
        "print(sorted(top(a) & {'typer', 'ionq_emulator', 'uvicorn', 'starlette', 'numpy'}),"
        "     'ionq_cli' in a);"
        "print(sorted(top(b) & {'ionq_emulator', 'uvicorn', 'starlette', 'numpy'}))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.splitlines() == ["[] False", "[]"]


def test_ionq_emulator_serves_the_api(tmp_path: object) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "ionq_cli", "emulator", "--mode", "manual", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        answer = httpx.get(f"{base_url}/backends", headers={"Authorization": "apiKey k"})
        assert answer.status_code == 200
        assert "simulator" in {b["backend"] for b in answer.json()}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_circuit_on_stdin_through_a_real_pipe(cli: Cli, server: EmulatorServer) -> None:
    env = {**os.environ, "IONQ_API_KEY": cli.api_key, "IONQ_API_URL": server.base_url}
    run = subprocess.run(
        [sys.executable, "-m", "ionq_cli", "jobs", "create", "--json"],
        input=json.dumps(BELL),
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    job_id = json.loads(run.stdout)["id"]
    assert cli.json("jobs", "get", job_id)["type"] == "ionq.circuit.v1"


def test_the_install_stamp_covers_every_package_installed() -> None:
    # scripts/_venv.sh reinstalls (the strict editable link tree shows no file added
    # later) when the file list of the packages changes: all of them, ionq_cli too.
    import re
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    find = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = {p.rstrip("*") for p in find["packages"]["find"]["include"]}
    listed = re.search(r"git ls-files ([\w ]+?) 2>", (root / "scripts" / "_venv.sh").read_text())
    assert listed is not None
    dirs = set(listed.group(1).split())
    folders = {p if (root / p).is_dir() else "generated" for p in packages}
    assert folders <= dirs


def test_without_the_cli_extra_the_command_says_so_in_one_line() -> None:
    # The console script is installed with the package whether the extra is or not.
    code = "import sys; sys.modules['typer'] = None\nfrom ionq_cli import main\nmain()\n"
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 2
    assert run.stderr == (
        "ionq: error: the ionq command needs the 'cli' extra: pip install 'ionq-facade[cli]'"
        " (no module named 'typer')\n"
    )
