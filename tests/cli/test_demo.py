"""`ionq demo`: the whole walkthrough as a user runs it, and its checks biting."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from ionq_emulator.testing import checked_emulator_server

from .conftest import Cli

STEPS = 9


def test_the_demo_runs_end_to_end_and_exits_0() -> None:
    # As the README has it, in a fresh process with no API key in the environment.
    env = {k: v for k, v in os.environ.items() if not k.startswith("IONQ_")}
    env.pop("FORCE_COLOR", None)
    run = subprocess.run(
        [sys.executable, "-m", "ionq_cli", "demo", "--pace", "0.05"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    out = run.stdout
    assert f"All {STEPS} steps went as expected." in out
    headings = re.findall(r"^(\d+)\. ", out, flags=re.MULTILINE)
    assert headings == [str(n) for n in range(1, STEPS + 1)]
    assert out.count("✓ ") == STEPS
    # What the issue asks to be seen.
    assert re.search(r"seen: submitted → (ready → )?(started → )?completed", out)
    assert "|00⟩" in out
    assert "|111⟩" in out
    assert "billed" in out
    assert "only shots changed" in out
    assert "metadata.original_job_id = " in out
    assert "HTTP 409 Conflict" in out
    assert "page 2" in out
    assert run.stderr == ""


def test_a_failed_check_stops_the_demo_with_exit_1(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A clone with the same shots as its source changes nothing: the clone step must say so.
    from ionq_cli import demo

    monkeypatch.setattr(demo, "CLONE_SHOTS", demo.SHOTS)
    result = cli("demo", "--pace", "0.02")
    assert result.exit_code == 1
    assert "5. Show the cost" in result.stdout
    assert "All 9 steps" not in result.stdout
    assert result.stderr == (
        f"ionq: error: step 6 (Clone the job with {demo.SHOTS} shots instead of {demo.SHOTS}): "
        "expected only shots to change, got []\n"
    )


def test_on_a_narrow_terminal_lines_wrap_indented_and_no_value_is_cut(cli: Cli) -> None:
    result = cli("demo", "--pace", "0.02", env={"FORCE_COLOR": "1", "COLUMNS": "80"})
    assert result.exit_code == 0, result.stdout + result.stderr
    # What stays on screen: each line after its last erase-line, less the live status
    # line (redrawn in place, with a timer).
    screen = [
        re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line.split("\x1b[2K")[-1].split("\r")[-1])
        for line in result.stdout.split("\n")
    ]
    lines = [line for line in screen if not re.search(r" \d+:\d\d:\d\d$", line)]
    walk = lines[lines.index("1. List the backends") : lines.index("All 9 steps went as expected.")]
    assert max(len(line) for line in lines) <= 80
    # Under a step every line is indented, the continuation of a wrapped one too.
    assert [line for line in walk if line and not re.match(r"\d\. |   ", line)] == []
    assert "…" not in result.stdout
    headers = [line for line in walk if re.match(r"   \W? ?ID ", line)]
    assert len(headers) == 3  # the moved jobs, two pages
    assert all(line.rstrip(" ┃").endswith("NAME") for line in headers), headers
    assert "ionq.multi-circuit.v" in result.stdout


def test_live_walks_an_api_that_moves_jobs_by_itself() -> None:
    # --live against a server the demo cannot steer: the emulator in clock mode, on a
    # virtual clock that moves 0.02 s per request (so the run is the same every time).
    with checked_emulator_server(mode="clock", seed=7, dwell=0.05, clock_step=0.02) as server:
        cli = Cli(server)
        result = cli("--base-url", server.base_url, "demo", "--live", "--poll", "0.01")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Using the IonQ API at {server.base_url}\n")
    assert f"All {STEPS} steps went as expected." in result.stdout


def test_live_needs_an_api_key(cli: Cli) -> None:
    result = cli("demo", "--live", env={"IONQ_API_KEY": None})
    assert result.exit_code == 2
    assert "--live needs IONQ_API_KEY" in result.stderr
