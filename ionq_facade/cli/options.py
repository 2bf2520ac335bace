"""Options several commands share, declared once, and the job options they build.

`jobs create`, `jobs clone` and `jobs move` take the same job options; an option not
given is not sent, so the server's default (create) or the source job's value (clone,
move) applies.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ionq_facade import JobOptions, Noise

from .errors import CliError, ExitCode
from .inputs import parse_pairs

__all__ = [
    "DryRunOpt",
    "JsonOpt",
    "MetadataOpt",
    "NameOpt",
    "NoiseModelOpt",
    "NoiseSeedOpt",
    "PollOpt",
    "SessionOpt",
    "ShotsOpt",
    "WaitTimeoutOpt",
    "fill_job_options",
]

JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print JSON (the API's own) for scripts, not a table.")
]
ShotsOpt = Annotated[int | None, typer.Option("--shots", min=1, help="Number of shots.")]
NameOpt = Annotated[str | None, typer.Option("--name", help="Job name.")]
MetadataOpt = Annotated[
    list[str] | None,
    typer.Option("--metadata", "-m", metavar="KEY=VALUE", help="Job metadata (repeatable)."),
]
SessionOpt = Annotated[str | None, typer.Option("--session", help="Run in this session.")]
NoiseModelOpt = Annotated[
    str | None,
    typer.Option("--noise-model", help="Simulator noise model: ideal, aria-1, forte-1, ..."),
]
NoiseSeedOpt = Annotated[
    int | None, typer.Option("--noise-seed", help="Seed of the simulator's noise.")
]
DryRunOpt = Annotated[
    bool | None,
    typer.Option("--dry-run/--no-dry-run", help="Validate and price the job without running it."),
]
WaitTimeoutOpt = Annotated[
    float,
    typer.Option("--timeout", min=0.001, help="Give up waiting after this many seconds."),
]
PollOpt = Annotated[
    float,
    typer.Option("--poll", min=0.001, help="Seconds between the first polls (then growing)."),
]


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
