"""The `ionq` command: global options, the subcommands, and how errors end a command."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer
from rich.text import Text
from typer.core import TyperGroup

from ionq_facade import DEFAULT_BASE_URL, __version__

from . import account
from .context import CliState
from .demo import demo
from .emulator import emulator
from .errors import EXIT_CODES_HELP, CliError, describe, exit_code_for
from .jobs import jobs_app
from .output import literal, make_console

__all__ = ["app", "main"]


class _ErrorsToExitCodes(TyperGroup):
    """Every error a command raises becomes one line on stderr and its exit code.

    Usage errors stay typer's (exit 2); with IONQ_LOG=debug an unexpected error keeps
    its traceback. The line never shows the API key, even if a server echoed it.
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.TyperException, typer.Exit, typer.Abort, BrokenPipeError):
            raise  # typer's own handling: usage errors, exits, and a reader gone (| head)
        except Exception as exc:
            from ionq_facade import IonQError

            known = isinstance(exc, (IonQError, CliError))
            if not known and os.environ.get("IONQ_LOG", "").strip().lower() == "debug":
                raise
            state = ctx.obj if isinstance(ctx.obj, CliState) else CliState()
            line = Text.assemble(
                ("ionq: error: ", "bold red"), literal(state.redact(describe(exc)))
            )
            make_console(stderr=True).print(line, soft_wrap=True)
            raise typer.Exit(exit_code_for(exc)) from None


app = typer.Typer(
    cls=_ErrorsToExitCodes,
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
            help=f"The API's base URL (default: {DEFAULT_BASE_URL}).",
        ),
    ] = None,
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
    ctx.obj = CliState(base_url=base_url, prompt_key=prompt_key)


app.add_typer(jobs_app)
app.command()(account.backends)
app.command()(account.sessions)
app.command()(account.whoami)
app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)(emulator)
app.command()(demo)


def main() -> None:
    """The `ionq` console script."""
    app(prog_name="ionq")
