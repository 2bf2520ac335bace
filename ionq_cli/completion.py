"""Shell completion: `ionq completion SHELL` prints the script; the completers below
offer job ids, statuses and backends as they are typed.

Statuses come from the façade's `JobStatus`; job ids and backends from the API itself
(one short request, when IONQ_API_KEY is set), and nothing at all if it does not answer.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Annotated

import typer

# Typer's own scripts, and the protocol they speak (not click's), installed below.
from typer._completion_classes import completion_init
from typer._completion_shared import get_completion_script

from ionq_facade import IonQ, JobStatus

__all__ = ["STATUSES", "Shell", "backend_names", "completion", "job_ids", "statuses"]

# What a status filter accepts: every status but the client's stand-in for unknown ones.
STATUSES = tuple(status.value for status in JobStatus if status is not JobStatus.UNKNOWN)
# Completion asks the API at most this long, and lists at most this many recent jobs.
ASK_TIMEOUT = 2.0
RECENT_JOBS = 50

completion_init()


class Shell(enum.StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


def completion(
    ctx: typer.Context,
    shell: Annotated[Shell, typer.Argument(metavar="SHELL", help="bash, zsh or fish.")],
) -> None:
    """Print the shell completion script for SHELL.

    bash: `eval "$(ionq completion bash)"` in ~/.bashrc; zsh: `ionq completion zsh >
    ~/.zfunc/_ionq` (with ~/.zfunc on fpath); fish: `ionq completion fish >
    ~/.config/fish/completions/ionq.fish`.
    """
    prog = ctx.find_root().info_name or "ionq"
    var = "_{}_COMPLETE".format(prog.replace("-", "_").upper())
    typer.echo(get_completion_script(prog_name=prog, complete_var=var, shell=shell))


def statuses(incomplete: str) -> list[str]:
    return [s for s in STATUSES if s.startswith(incomplete)]


def job_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """The most recent jobs' ids."""
    return _ask(
        ctx,
        incomplete,
        lambda client: (j.id for j in islice(client.jobs.list(limit=RECENT_JOBS), RECENT_JOBS)),
    )


def backend_names(ctx: typer.Context, incomplete: str) -> list[str]:
    return _ask(ctx, incomplete, lambda c: (b.name for b in c.backends.list()))


def _ask(ctx: typer.Context, incomplete: str, fetch: Callable[[IonQ], Iterable[str]]) -> list[str]:
    key = os.environ.get("IONQ_API_KEY")
    if not key:
        return []  # never a prompt while completing
    given = ctx.find_root().params
    try:
        with IonQ(
            api_key=key,
            base_url=given.get("base_url"),
            allow_insecure_http=bool(given.get("allow_insecure_http")),
            timeout=ASK_TIMEOUT,
            max_retries=0,
        ) as client:
            return [name for name in fetch(client) if name.startswith(incomplete)]
    except Exception:  # completion offers what it can, never an error
        return []
