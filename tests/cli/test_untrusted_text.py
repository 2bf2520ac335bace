"""Names, ids and messages from users and servers are shown as they are.

rich reads a plain string as markup and emoji codes: `[/]` crashed a listing, `[v2]`
vanished, `[link=...]` planted a hyperlink. Each test drives `ionq` against the emulator
with such text in the data and checks the exact text on screen, exit code 0.
"""

from __future__ import annotations

import ast
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

import ionq_cli
from ionq_cli.output import bar_chart, cell, jobs_table, literal
from ionq_emulator import catalog
from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import client_for
from ionq_facade import Probabilities

from .conftest import BELL, Cli, table_rows

NAMES = (
    "ghz [/] run",
    "bell [v2]",
    "[link=https://evil.example]x[/link]",
    "[bold red]x",
    "x :warning: y",
)
ESC = "\x1b"
HYPERLINK = "\x1b]8;"  # the terminal escape that starts a hyperlink
# Where the format is `[plain]` (not a terminal) or `[terminal]` (colours on).
DISPLAYS = {"plain": {}, "terminal": {"FORCE_COLOR": "1", "COLUMNS": "200"}}


def fields(text: str) -> dict[str, str]:
    """The FIELD  VALUE lines of `ionq jobs get`."""
    rows = (line.split(maxsplit=1) for line in text.splitlines() if line.strip())
    return {field: value.strip() for field, value in rows}


def submit_named(cli: Cli, name: str, *options: str) -> str:
    return cli.submit(BELL, "--name", name, *options)


def server_ids(server: EmulatorServer, monkeypatch: pytest.MonkeyPatch, *ids: str) -> None:
    """The emulator hands out `ids`, in order, as the next jobs' and sessions' ids."""
    queue: Iterator[str] = iter(ids)
    monkeypatch.setattr(server.emulator.store.ids, "new", lambda: next(queue))


@pytest.mark.parametrize("display", DISPLAYS)
def test_list_shows_names_as_they_are(cli: Cli, display: str) -> None:
    ids = {submit_named(cli, name): name for name in NAMES}
    result = cli("jobs", "list", env=DISPLAYS[display])
    assert result.exit_code == 0, result.output
    assert HYPERLINK not in result.stdout
    for name in NAMES:
        assert name in result.stdout
    if display == "plain":
        assert {row[0]: row[-1] for row in table_rows(result.stdout)} == ids


@pytest.mark.parametrize("name", NAMES)
def test_get_shows_the_name_and_metadata_as_they_are(cli: Cli, name: str) -> None:
    job_id = submit_named(cli, name, "-m", f"tag={name}")
    result = cli("jobs", "get", job_id)
    assert result.exit_code == 0, result.output
    shown = fields(result.stdout)
    assert shown["name"] == name
    assert shown["metadata"] == json.dumps({"tag": name}, separators=(",", ":"))
    coloured = cli("jobs", "get", job_id, env=DISPLAYS["terminal"])
    assert coloured.exit_code == 0, coloured.output
    assert name in coloured.stdout
    assert HYPERLINK not in coloured.stdout


def test_control_characters_are_written_out(cli: Cli) -> None:
    # A raw hyperlink escape in a name: shown as text, never sent to the terminal.
    name = f"a{ESC}]8;;https://evil.example{ESC}\\b\x9b31m"
    job_id = submit_named(cli, name)
    for args in (("jobs", "list"), ("jobs", "get", job_id)):
        result = cli(*args, env=DISPLAYS["terminal"])
        assert result.exit_code == 0, result.output
        assert HYPERLINK not in result.stdout
        assert "\x9b" not in result.stdout
        assert r"a\x1b]8;;https://evil.example\x1b\b\x9b31m" in result.stdout


def test_create_clone_and_move_print_server_ids_as_they_are(
    cli: Cli, server: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = cli.submit()
    created, cloned, moved = (
        "[bold red]job [/] one",
        "[link=https://evil.example]c[/link]",
        "m [v2]",
    )
    server_ids(server, monkeypatch, created, cloned, moved)
    result = cli("jobs", "create", "--name", "bell [v2]", input=json.dumps(BELL))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Submitted job {created} to simulator (submitted).\n"
    result = cli("jobs", "clone", source, "--name", "[bold red]x")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Cloned job {source} as job {cloned}.\n"
    result = cli("jobs", "move", source)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Moved job {source} to new job {moved}; job {source} is canceled.\n"
    listed = cli("jobs", "list")
    assert listed.exit_code == 0, listed.output
    rows = {row[0]: row[-1] for row in table_rows(listed.stdout)}
    assert rows[created] == "bell [v2]"
    assert rows[cloned] == "[bold red]x"
    assert rows[moved] == ""


def test_clone_keeps_the_name_it_was_given(cli: Cli) -> None:
    source = submit_named(cli, "ghz [/] run")
    clone = cli.json("jobs", "clone", source, "--name", "[link=https://evil.example]x[/link]")
    result = cli("jobs", "get", clone["id"])
    assert result.exit_code == 0, result.output
    assert fields(result.stdout)["name"] == "[link=https://evil.example]x[/link]"


def test_an_error_line_shows_the_id_as_typed(cli: Cli) -> None:
    # The façade refuses such an id before it reaches a URL; the line quotes it.
    result = cli("jobs", "get", "[bold red]nope [v2]", env=DISPLAYS["terminal"])
    assert result.exit_code == 2, result.output
    assert "job id '[bold red]nope [v2]' is not a valid id" in result.stderr


def test_backends_and_sessions_show_names_and_ids_as_they_are(
    cli: Cli, server: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = "sim [/] [bold red]x"
    hostile = dataclasses.replace(catalog.BACKENDS["simulator"], name=backend)
    monkeypatch.setitem(catalog.BACKENDS, backend, hostile)
    result = cli("backends")
    assert result.exit_code == 0, result.output
    assert backend in [row[0] for row in table_rows(result.stdout)]
    server_ids(server, monkeypatch, "s [/] [v2]")
    with client_for(server, cli.api_key) as http:
        http.post("sessions", json={"backend": backend}).raise_for_status()
    result = cli("sessions")
    assert result.exit_code == 0, result.output
    ((session, status, shown_backend, *_),) = table_rows(result.stdout)
    assert (session, status, shown_backend) == ("s [/] [v2]", "created", backend)


def render(renderable: object) -> str:
    """As a console that reads markup and emoji codes (rich's default) shows it."""
    console = Console(width=200, color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


def test_tables_are_literal_on_any_console(cli: Cli) -> None:
    # The demo prints these on a console its caller gives it: they must not rely on ours.
    job_id = submit_named(cli, "x :warning: [/] y")
    from ionq_facade import IonQ

    with IonQ(api_key=cli.api_key, base_url=cli.server.base_url) as client:
        job = client.jobs.get(job_id)
    shown = render(jobs_table([job], title="page [/] 1"))
    assert "page [/] 1" in shown
    assert "x :warning: [/] y" in shown
    chart = render(bar_chart(Probabilities({0: 1.0}), 1, title="bell [v2] (:warning:)"))
    assert chart.startswith("bell [v2] (:warning:)")
    assert render(cell({"k": "[/]"})) == '{"k":"[/]"}\n'
    assert render(literal("[bold]a\x07")) == "[bold]a\\x07\n"


def test_nothing_is_printed_from_a_string() -> None:
    # The one rule, checked where it is easy to break: `console.print` gets a `Text` or
    # a table, never a string literal or an f-string (rich would read it as markup).
    root = Path(ionq_cli.__file__).parent
    offenders = []
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "print"
            ):
                for arg in node.args:
                    if isinstance(arg, (ast.JoinedStr, ast.BinOp)) or (
                        isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    ):
                        offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
