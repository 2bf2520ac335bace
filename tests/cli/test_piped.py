"""Output for tools when not on a terminal: no borders, no padding, nothing cut; boxed and
fitted to the width on a terminal."""

from __future__ import annotations

from .conftest import BELL, Cli, table_rows

BOX = set("│┃┏┓┗┛━─┡┩└┘╭╮╰╯")
LONG_NAME = "a long job name " * 20  # 320 characters
TERMINAL = {"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "120"}


def test_piped_tables_are_plain_columns_with_nothing_cut(cli: Cli) -> None:
    job_id = cli.submit(BELL, "--name", LONG_NAME.strip())
    for args in (("jobs", "list"), ("jobs", "get", job_id), ("backends",), ("whoami",)):
        result = cli(*args)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines, args
        assert [line for line in lines if line != line.rstrip()] == [], args
        assert not BOX & set(result.stdout), args
    listed = cli("jobs", "list").stdout
    assert table_rows(listed) == [
        [job_id, "submitted", "circuit", "simulator", "100", LONG_NAME.strip()]
    ]


def test_on_a_terminal_tables_are_boxed_and_fit_the_width(cli: Cli) -> None:
    job_id = cli.submit(BELL, "--name", LONG_NAME.strip())
    result = cli("jobs", "list", env=TERMINAL)
    assert result.exit_code == 0, result.output
    assert BOX & set(result.stdout)
    assert max(len(line) for line in result.stdout.splitlines()) <= 120
    # Only the name gives way: it wraps, and every other column is whole.
    row = next(line for line in result.stdout.splitlines() if job_id in line)
    assert [cell.strip() for cell in row.split("│")[1:6]] == [
        job_id,
        "submitted",
        "circuit",
        "simulator",
        "100",
    ]
    assert LONG_NAME.strip() not in result.stdout
