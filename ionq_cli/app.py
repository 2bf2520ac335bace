"""The `ionq` command: global options, the subcommands, and how errors end a command."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ionq_facade import DEFAULT_BASE_URL, IonQError, __version__

from . import account
from .completion import completion
from .context import CliState
from .demo import demo
from .emulator import EmulatorCommand, emulator
from .errors import EXIT_CODES_HELP, CliError, ExitCode, Failure, report
from .jobs import jobs_app
from .options import JSON_FLAG

__all__ = ["app", "main"]


class _OneLineErrors(TyperGroup):
    """Every error ends the command as one line on stderr (a JSON object with --json)
    and its exit code: usage errors (exit 2) as much as the API's or the CLI's own.

    With IONQ_LOG=debug an unexpected error keeps its traceback. The line never shows
    the API key, even if a server echoed it.
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.TyperException, typer.Exit, typer.Abort, BrokenPipeError):
            raise  # usage errors (reported by `main`), exits, and a reader gone (| head)
        except Exception as exc:
            known = isinstance(exc, (IonQError, CliError))
            if not known and os.environ.get("IONQ_LOG", "").strip().lower() == "debug":
                raise
            state = ctx.obj if isinstance(ctx.obj, CliState) else CliState()
            raise Failure.of(exc, state.redact) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        run = (argv, prog_name, complete_var, False, windows_expand_args)
        if not standalone_mode:
            return super().main(*run, **extra)
        try:
            result = super().main(*run, **extra)
        except typer.TyperException as exc:
            # No arguments at all: typer has printed the help, which is the answer.
            if type(exc).__name__ != "NoArgsIsHelpError":
                report(exc, as_json=_wants_json(argv))
            sys.exit(exc.exit_code)
        except typer.Abort:
            report(Failure("aborted", ExitCode.FAILURE, {}), as_json=_wants_json(argv))
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def _wants_json(argv: Sequence[str]) -> bool:
    """--json given (before any `--`): then even a usage error is reported as JSON."""
    options = argv[: argv.index("--")] if "--" in argv else argv
    return JSON_FLAG in options


app = typer.Typer(
    cls=_OneLineErrors,
    name="ionq",
    help=(
        "IonQ Quantum Cloud from the command line: jobs, backends, sessions, and a local "
        "emulator of the API. Tables for people, --json for scripts. Start with "
        "`ionq demo`: a whole job lifecycle against the emulator, no API key needed."
    ),
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    # `ionq completion SHELL` instead of typer's options, which guess the shell.
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ionq (ionq-facade) {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            envvar="IONQ_API_URL",
            metavar="URL",
            help=f"The API's base URL (default: {DEFAULT_BASE_URL}).",
        ),
    ] = None,
    allow_insecure_http: Annotated[
        bool,
        typer.Option(
            "--allow-insecure-http",
            help="Allow a plain http base URL to a host other than this machine "
            "(the API key then travels unencrypted).",
        ),
    ] = False,
    prompt_key: Annotated[
        bool,
        typer.Option(
            "--prompt-key",
            help="Type the API key at a hidden prompt instead of reading IONQ_API_KEY.",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Global options, kept for the subcommand."""
    ctx.obj = CliState(
        base_url=base_url, allow_insecure_http=allow_insecure_http, prompt_key=prompt_key
    )


app.add_typer(jobs_app)
app.command()(account.backends)
app.command()(account.sessions)
app.command()(account.whoami)
app.command(cls=EmulatorCommand)(emulator)
app.command()(demo)
app.command()(completion)


def main() -> None:
    """The `ionq` console script."""
    app(prog_name="ionq")
