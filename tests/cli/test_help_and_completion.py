"""Help in one style for every command (the emulator's included), metavars that read as
words, and shell completion for bash, zsh and fish."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import typer

from ionq_cli import app
from ionq_emulator.server import build_parser

from .conftest import Cli
from .test_conventions import command_paths

# What typer shows when a metavar is left to it: `<str>`, `<list[str]>`, `[[PROGRAM]]`,
# or a parameter's name in braces.
RAW_METAVAR = re.compile(r"<[a-z][\w\[\] ]*>|\[\[|\{[a-z_]+\}")


def test_every_help_names_its_values_in_words(cli: Cli) -> None:
    for path in command_paths(typer.main.get_command(app)):
        result = cli(*path, "--help", env={"COLUMNS": "200"})
        assert result.exit_code == 0, path
        assert RAW_METAVAR.findall(result.stdout) == [], (path, result.stdout)


def test_emulator_help_is_in_the_same_style_as_the_others(cli: Cli) -> None:
    jobs = cli("jobs", "wait", "--help", env={"COLUMNS": "200"}).stdout
    served = cli("emulator", "--help", env={"COLUMNS": "200"}).stdout
    assert "Usage: ionq emulator [OPTIONS]" in served
    assert "usage: ionq-emulator" not in served  # not argparse's
    # Same frame: the same panel around the options as any other command.
    assert "╭─ Options" in jobs
    assert "╭─ Options" in served
    # Every option of `ionq-emulator` is there, declared once by the emulator's parser.
    flags = {flag for action in build_parser()._actions for flag in action.option_strings}
    assert flags - {"-h", "--help"}
    for flag in flags:
        assert re.search(rf"{re.escape(flag)}\b", served), flag


def test_emulator_options_are_passed_on(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[list[str]] = []

    def serve(argv: list[str]) -> int:
        served.append(argv)
        return 0

    monkeypatch.setattr("ionq_emulator.server.main", serve)
    result = cli(
        "emulator", "--mode", "manual", "--seed", "7", "--fault", "429=0.1", "--fault", "503=0.2"
    )
    assert result.exit_code == 0, result.output
    assert served == [
        ["--mode", "manual", "--seed", "7", "--fault", "429=0.1", "--fault", "503=0.2"]
    ]


def test_ionq_emulator_needs_no_typer() -> None:
    probe = (
        "import sys; sys.modules['typer'] = sys.modules['rich'] = None;"
        "from ionq_emulator.__main__ import main; sys.exit(main(['--help']))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage: ionq-emulator")
    assert "check-cassettes" in run.stdout


def test_ionq_emulator_check_cassettes_goes_to_the_checker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import types

    from ionq_emulator.__main__ import main

    seen: list[list[str]] = []

    def check(argv: list[str]) -> int:
        seen.append(list(argv))
        return 1

    checker = types.ModuleType("ionq_emulator.cassettes")
    checker.main = check  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ionq_emulator.cassettes", checker)
    assert main(["check-cassettes", "a.yaml", "b.yaml", "--spec", "old.yaml"]) == 1
    assert seen == [["a.yaml", "b.yaml", "--spec", "old.yaml"]]


SCRIPT_MARKS = {
    "bash": "complete -o default -F _ionq_completion ionq",
    "zsh": "#compdef ionq",
    "fish": "complete --command ionq",
}


@pytest.mark.parametrize("shell", SCRIPT_MARKS)
def test_completion_prints_each_shells_own_script(cli: Cli, shell: str) -> None:
    result = cli("completion", shell)
    assert result.exit_code == 0, result.output
    assert SCRIPT_MARKS[shell] in result.stdout
    others = [mark for other, mark in SCRIPT_MARKS.items() if other != shell]
    assert not any(mark in result.stdout for mark in others)


def test_completion_of_an_unknown_shell_is_a_usage_error(cli: Cli) -> None:
    result = cli("completion", "tcsh")
    assert result.exit_code == 2
    assert result.stderr.startswith("ionq: error: ")


def complete(cli: Cli, words: str) -> list[str]:
    """What bash's completion function gets back for the command line `words`."""
    parts = words.split(" ")
    env = {
        "_IONQ_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
    }
    result = cli(env=env)
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_completion_offers_statuses_job_ids_and_backends(cli: Cli) -> None:
    assert complete(cli, "ionq jobs list --status c") == ["completed", "canceled"]
    job_id = cli.submit()
    assert job_id in complete(cli, "ionq jobs get ")
    assert complete(cli, f"ionq jobs cancel {job_id[:6]}") == [job_id]
    assert "simulator" in complete(cli, "ionq jobs create --backend ")
    backends = complete(cli, "ionq backends qpu.f")
    assert backends
    assert all(name.startswith("qpu.f") for name in backends)


@pytest.mark.parametrize(
    ("shell", "protocol"),
    [
        ("zsh", {}),
        ("fish", {"_TYPER_COMPLETE_FISH_ACTION": "get-args"}),
    ],
)
def test_zsh_and_fish_get_the_same_candidates(
    cli: Cli, shell: str, protocol: dict[str, str]
) -> None:
    # What each shell's script sends back (see `ionq completion SHELL`).
    env = {
        "_IONQ_COMPLETE": f"complete_{shell}",
        "_TYPER_COMPLETE_ARGS": "ionq jobs list --status c",
        **protocol,
    }
    result = cli(env=env)
    assert result.exit_code == 0, result.output
    assert re.findall(r"\b(?:completed|canceled)\b", result.stdout) == ["completed", "canceled"]
    assert "submitted" not in result.stdout


def test_completion_without_a_key_offers_no_ids_and_asks_nothing(cli: Cli) -> None:
    parts = ["ionq", "jobs", "get", ""]
    env = {
        "_IONQ_COMPLETE": "complete_bash",
        "COMP_WORDS": " ".join(parts),
        "COMP_CWORD": "3",
        "IONQ_API_KEY": None,
    }
    result = cli(env=env)
    assert result.exit_code == 0
    assert result.stdout.split() == []
