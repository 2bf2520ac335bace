"""Driving `ionq` in-process with typer's CliRunner against a real emulator on loopback.

Each test gets its own API key, so its own project: listings see only its own jobs.
The emulator is in manual mode, so a job moves only when the test says so.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from ionq_cli import app
from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import checked_emulator_server

# Variables that change what the CLI does; every run starts from none of them set.
CLEARED = (
    "IONQ_API_KEY",
    "IONQ_API_URL",
    "IONQ_LOG",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "COLUMNS",
)

BELL = {
    "gateset": "qis",
    "qubits": 2,
    "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}],
}


@dataclass
class Cli:
    """Runs `ionq ARGS` against the emulator with this test's API key."""

    server: EmulatorServer
    api_key: str = field(default_factory=lambda: f"test-{uuid.uuid4().hex}")

    def env(self, **extra: str | None) -> dict[str, str | None]:
        env: dict[str, str | None] = dict.fromkeys(CLEARED)
        env["IONQ_API_KEY"] = self.api_key
        env["IONQ_API_URL"] = self.server.base_url
        env.update(extra)
        return env

    def __call__(
        self, *args: str, input: str | None = None, env: Mapping[str, str | None] | None = None
    ) -> Result:
        return CliRunner().invoke(
            app, list(args), input=input, env=self.env(**(env or {})), prog_name="ionq"
        )

    def json(self, *args: str, input: str | None = None) -> Any:
        """Run with --json, expect success, and parse stdout."""
        result = self(*args, "--json", input=input)
        assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr)
        return json.loads(result.stdout)

    def submit(self, circuit: Mapping[str, Any] = BELL, *options: str) -> str:
        """A queued job's id."""
        return str(self.json("jobs", "create", *options, input=json.dumps(circuit))["id"])


@pytest.fixture(scope="module")
def server() -> Iterator[EmulatorServer]:
    with checked_emulator_server(mode="manual") as running:
        yield running


@pytest.fixture
def cli(server: EmulatorServer) -> Cli:
    return Cli(server)


def table_rows(text: str) -> list[list[str]]:
    """The body rows of a table as printed to a pipe (no borders, first line the header),
    as cell texts: each column runs from its header's first character to the next's."""
    header, *lines = [line for line in text.splitlines() if line.strip()]
    starts = [m.start() for m in re.finditer(r"\S+(?: \S+)*", header)]
    bounds = list(zip(starts, [*starts[1:], None], strict=True))
    return [[line[a:b].strip() for a, b in bounds] for line in lines]
