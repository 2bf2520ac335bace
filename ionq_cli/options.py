"""Options several commands share, declared once, and the job options they build.

`jobs create`, `jobs clone` and `jobs move` take the same job options; an option not
given is not sent, so the server's default (create) or the source job's value (clone,
move) applies.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

# typer's own click: the type below has no public name.
from typer._click.types import StringParamType

from ionq_facade import JobOptions, Noise

from .completion import STATUSES, backend_names, job_ids, statuses
from .errors import CliError, ExitCode
from .inputs import parse_pairs

__all__ = [
    "JSON_FLAG",
    "TEXT",
    "DryRunOpt",
    "JobIdArg",
    "JobIdsArg",
    "JsonOpt",
    "MetadataOpt",
    "NameOpt",
    "NoiseModelOpt",
    "NoiseSeedOpt",
    "PollOpt",
    "SessionOpt",
    "ShotsOpt",
    "StatusOpt",
    "WaitOpt",
    "WaitTimeoutOpt",
    "backend_option",
    "fill_job_options",
]

JSON_FLAG = "--json"


class _Text(StringParamType):
    """A string argument whose metavar says what it is: no `<str>` beside it in help."""

    def get_metavar(self, param: Any, ctx: Any) -> str:
        return ""


TEXT = _Text()

JsonOpt = Annotated[
    bool,
    typer.Option(
        JSON_FLAG,
        help="Print JSON (the API's own) for scripts, not a table; errors too, on stderr.",
    ),
]
JobIdArg = Annotated[
    str,
    typer.Argument(metavar="JOB_ID", click_type=TEXT, help="The job's id.", autocompletion=job_ids),
]
JobIdsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="JOB_ID...", click_type=TEXT, help="One or more job ids.", autocompletion=job_ids
    ),
]
# The façade checks the range (as it does for Python callers), so every bad count is
# refused in the same words.
ShotsOpt = Annotated[int | None, typer.Option("--shots", metavar="N", help="Number of shots.")]
NameOpt = Annotated[str | None, typer.Option("--name", metavar="NAME", help="Job name.")]
MetadataOpt = Annotated[
    list[str] | None,
    typer.Option("--metadata", "-m", metavar="KEY=VALUE", help="Job metadata (repeatable)."),
]
SessionOpt = Annotated[
    str | None, typer.Option("--session", metavar="SESSION_ID", help="Run in this session.")
]
NoiseModelOpt = Annotated[
    str | None,
    typer.Option(
        "--noise-model",
        metavar="MODEL",
        help="Simulator noise model: ideal, aria-1, forte-1, ...",
    ),
]
NoiseSeedOpt = Annotated[
    int | None,
    typer.Option("--noise-seed", metavar="SEED", help="Seed of the simulator's noise."),
]
DryRunOpt = Annotated[
    bool | None,
    typer.Option("--dry-run/--no-dry-run", help="Validate and price the job without running it."),
]
WaitOpt = Annotated[bool, typer.Option("--wait", help="Wait for the job to end.")]
WaitTimeoutOpt = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=0.001,
        metavar="SECONDS",
        help="Give up waiting after this many seconds.",
    ),
]
PollOpt = Annotated[
    float,
    typer.Option(
        "--poll",
        min=0.001,
        metavar="SECONDS",
        help="Seconds between the first polls (then growing).",
    ),
]


def _known_status(value: str | None) -> str | None:
    """Refuse a status the API does not have, before anything is sent."""
    if value is not None and value not in STATUSES:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(STATUSES)}")
    return value


StatusOpt = Annotated[
    str | None,
    typer.Option(
        "--status",
        metavar="STATUS",
        callback=_known_status,
        autocompletion=statuses,
        help=f"Only jobs in this status: {', '.join(STATUSES)}.",
    ),
]


def backend_option(help: str, *names: str) -> typer.models.OptionInfo:
    """A --backend option (completing the API's backend names), with its help."""
    option: typer.models.OptionInfo = typer.Option(
        "--backend", *names, metavar="BACKEND", help=help, autocompletion=backend_names
    )
    return option


def fill_job_options(
    options: JobOptions,
    *,
    shots: int | None,
    name: str | None,
    metadata: list[str] | None,
    session: str | None,
    noise_model: str | None,
    noise_seed: int | None,
    dry_run: bool | None,
) -> None:
    """Put the options given into `options`, as the façade's keywords (for create, or
    the overrides of clone and move); the ones not given are left out."""
    if shots is not None:
        options["shots"] = shots
    if name is not None:
        options["name"] = name
    if metadata:
        options["metadata"] = parse_pairs(metadata, "--metadata")
    if session is not None:
        options["session_id"] = session
    if noise_model is not None:
        options["noise"] = Noise(noise_model, noise_seed)
    elif noise_seed is not None:
        raise CliError("--noise-seed needs --noise-model", ExitCode.USAGE)
    if dry_run is not None:
        options["dry_run"] = dry_run
