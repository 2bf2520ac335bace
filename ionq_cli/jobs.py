"""`ionq jobs ...`: the job operations of the façade, one subcommand each."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from itertools import islice
from typing import Annotated, Literal

import typer

from ionq_facade import IonQ, Job, JobFilters, JobOptions, JobOverrides, JobStatus

from .context import CliState, state_of
from .errors import CliError, ExitCode
from .inputs import STDIN, ProgramFormat, read_program
from .options import (
    TEXT,
    DryRunOpt,
    JobIdArg,
    JobIdsArg,
    JsonOpt,
    MetadataOpt,
    NameOpt,
    NoiseModelOpt,
    NoiseSeedOpt,
    PollOpt,
    SessionOpt,
    ShotsOpt,
    StatusOpt,
    WaitOpt,
    WaitTimeoutOpt,
    backend_option,
    fill_job_options,
)
from .output import api_json, bar_chart, cost_table, emit_json, job_table, jobs_table, literal
from .progress import StatusDisplay, wait_for
from .results import fetch_results, how_it_ended

__all__ = ["jobs_app"]

jobs_app = typer.Typer(
    name="jobs",
    help="Submit, inspect, wait for, clone, move, cancel and delete jobs.",
    no_args_is_help=True,
)

# The emulator and the API cap a page at 1,000 jobs.
MAX_PAGE = 1000


@jobs_app.command("list")
def list_jobs(
    ctx: typer.Context,
    status: StatusOpt = None,
    backend: Annotated[
        list[str] | None,
        backend_option("Only jobs on this backend (repeatable).", "--target"),
    ] = None,
    session: Annotated[
        str | None, typer.Option("--session", metavar="SESSION_ID", help="Only this session's.")
    ] = None,
    parent: Annotated[
        str | None,
        typer.Option("--parent", metavar="JOB_ID", help="Only the children of this job."),
    ] = None,
    ids: Annotated[
        list[str] | None,
        typer.Option("--id", metavar="JOB_ID", help="Only these jobs (repeatable)."),
    ] = None,
    most: Annotated[
        int,
        typer.Option("--max", min=1, metavar="N", help="Show at most N jobs, newest first."),
    ] = 20,
    page_size: Annotated[
        int | None,
        typer.Option(
            "--page-size",
            min=1,
            max=MAX_PAGE,
            metavar="N",
            help="Jobs per request: the API's and jobs.list()'s `limit` (default: --max, "
            f"up to {MAX_PAGE:,}).",
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """List jobs, newest first, following pages until --max jobs are shown."""
    state = state_of(ctx)
    filters = JobFilters(limit=page_size or min(most, MAX_PAGE))
    if status is not None:
        filters["status"] = JobStatus(status)  # checked against JobStatus already
    if backend:
        filters["target"] = backend
    if session is not None:
        filters["session_id"] = session
    if parent is not None:
        filters["parent_job_id"] = parent
    if ids:
        filters["ids"] = ids
    with state.client() as client:
        jobs = list(islice(client.jobs.list(**filters), most))
    if json_out:
        emit_json([job.to_dict() for job in jobs])
    elif jobs:
        state.out.print(jobs_table(jobs))
    else:
        state.err.print(literal("No jobs."))


@jobs_app.command("get")
def get_job(ctx: typer.Context, job_id: JobIdArg, json_out: JsonOpt = False) -> None:
    """Show one job."""
    state = state_of(ctx)
    with state.client() as client:
        job = client.jobs.get(job_id)
    _show_jobs(state, [job], json_out)


@jobs_app.command("create")
def create_job(
    ctx: typer.Context,
    program: Annotated[
        str,
        typer.Argument(
            metavar="PROGRAM",
            click_type=TEXT,
            help="Circuit JSON or OpenQASM 3 file; '-' or nothing reads stdin.",
        ),
    ] = STDIN,
    backend: Annotated[str, backend_option("Where to run it.", "-b")] = "simulator",
    fmt: Annotated[
        ProgramFormat,
        typer.Option(
            "--format",
            metavar="[auto|json|qasm]",
            help="How to read PROGRAM (auto: OPENQASM header, else JSON).",
        ),
    ] = ProgramFormat.AUTO,
    shots: ShotsOpt = None,
    name: NameOpt = None,
    metadata: MetadataOpt = None,
    session: SessionOpt = None,
    noise_model: NoiseModelOpt = None,
    noise_seed: NoiseSeedOpt = None,
    dry_run: DryRunOpt = None,
    wait: WaitOpt = False,
    timeout: WaitTimeoutOpt = 600.0,
    poll: PollOpt = 1.0,
    json_out: JsonOpt = False,
) -> None:
    """Submit a job: one circuit, several (a multi-circuit job), or an OpenQASM 3 program.

    Circuit JSON is the API's job input: {"gateset": "qis", "qubits": 2, "circuit":
    [{"gate": "h", "target": 0}, ...]}; several circuits as {"circuits": [...]} or a
    list; a whole job body works too (its "input" is used).
    """
    state = state_of(ctx)
    options = JobOptions()
    fill_job_options(
        options,
        shots=shots,
        name=name,
        metadata=metadata,
        session=session,
        noise_model=noise_model,
        noise_seed=noise_seed,
        dry_run=dry_run,
    )
    parsed = read_program(program, fmt)
    with state.client() as client:
        ref, answer = api_json(
            client.jobs.with_raw_response.create(parsed, backend=backend, **options)
        )
        if wait:
            _wait_and_show(state, client, [ref.id], timeout, poll, json_out)
            return
    if json_out:
        emit_json(answer)
    else:
        shown = ref.raw_status or "submitted"
        state.out.print(literal(f"Submitted job {ref.id} to {backend} ({shown})."))


@jobs_app.command("wait")
def wait_jobs(
    ctx: typer.Context,
    job_ids: JobIdsArg,
    timeout: WaitTimeoutOpt = 600.0,
    poll: PollOpt = 1.0,
    json_out: JsonOpt = False,
) -> None:
    """Wait for jobs to end; show each status change on a terminal.

    Exits 0 when all completed, 5 when one failed or was canceled, 4 on timeout.
    """
    state = state_of(ctx)
    with state.client() as client:
        _wait_and_show(state, client, job_ids, timeout, poll, json_out)


def _wait_and_show(
    state: CliState,
    client: IonQ,
    job_ids: Sequence[str],
    timeout: float,
    poll: float,
    json_out: bool,
) -> None:
    # The display goes to stderr, so stdout stays the result alone.
    display = StatusDisplay(state.err, live=True, log=False)
    unique = list(dict.fromkeys(job_ids))
    finished = wait_for(client, unique, display, timeout=timeout, poll=poll)
    _show_jobs(state, list(finished.values()), json_out)
    ended = [job for job in finished.values() if job.status is not JobStatus.COMPLETED]
    if ended:
        raise CliError("; ".join(how_it_ended(job) for job in ended), ExitCode.JOB_ENDED)


def _show_jobs(state: CliState, jobs: Sequence[Job], json_out: bool) -> None:
    """One job as an object (JSON) or a field table; several as a list or a table."""
    if json_out:
        emit_json(jobs[0].to_dict() if len(jobs) == 1 else [job.to_dict() for job in jobs])
    elif len(jobs) == 1:
        state.out.print(job_table(jobs[0]))
    else:
        state.out.print(jobs_table(jobs))


@jobs_app.command("cancel")
def cancel_jobs(ctx: typer.Context, job_ids: JobIdsArg, json_out: JsonOpt = False) -> None:
    """Cancel queued or running jobs (409 if one has already ended)."""
    state = state_of(ctx)
    with state.client() as client:
        raw = client.jobs.with_raw_response
        if len(job_ids) == 1:
            ref, answer = api_json(raw.cancel(job_ids[0]))
            done: tuple[str, ...] = (ref.id,)
        else:
            done, answer = api_json(raw.cancel_many(job_ids))
    if json_out:
        emit_json(answer)
    else:
        state.out.print(literal(f"Canceled {_plural(done)}."))


@jobs_app.command("delete")
def delete_jobs(
    ctx: typer.Context,
    job_ids: JobIdsArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Delete jobs and their results (asks first, unless --yes)."""
    state = state_of(ctx)
    if not yes:
        if not sys.stdin.isatty():
            raise CliError("deleting needs --yes when not run interactively", ExitCode.USAGE)
        typer.confirm(f"Delete {_plural(job_ids)}?", abort=True, err=True)
    with state.client() as client:
        raw = client.jobs.with_raw_response
        if len(job_ids) == 1:
            _, answer = api_json(raw.delete(job_ids[0]))
            done: tuple[str, ...] = tuple(job_ids)
        else:
            done, answer = api_json(raw.delete_many(job_ids))
    if json_out:
        emit_json(answer)
    else:
        state.out.print(literal(f"Deleted {_plural(done)}."))


def _plural(ids: Sequence[str]) -> str:
    return f"job {ids[0]}" if len(ids) == 1 else f"{len(ids)} jobs: {', '.join(ids)}"


@jobs_app.command("cost")
def job_cost(ctx: typer.Context, job_id: JobIdArg, json_out: JsonOpt = False) -> None:
    """Show a job's estimated cost, and what it was billed once known."""
    state = state_of(ctx)
    with state.client() as client:
        cost, answer = api_json(client.jobs.with_raw_response.cost(job_id))
    if json_out:
        emit_json(answer)
    else:
        state.out.print(cost_table(cost))


@jobs_app.command("results")
def job_results(
    ctx: typer.Context,
    job_id: JobIdArg,
    sharpen: Annotated[
        bool | None,
        typer.Option("--sharpen/--no-sharpen", help="Sharpen (error-mitigated) results."),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Show a completed job's probabilities as bar charts (one per circuit)."""
    state = state_of(ctx)
    with state.client() as client:
        distributions, body = fetch_results(client, client.jobs.get(job_id), sharpen=sharpen)
    if json_out:
        emit_json(body)
        return
    multi = len(distributions) > 1
    for d in distributions:
        state.out.print(bar_chart(d.probabilities, d.qubits, title=d.title if multi else ""))


def _override_command(operation: Literal["clone", "move"]) -> Callable[..., None]:
    """The `clone` or `move` command: the same options, one request each."""

    def command(
        ctx: typer.Context,
        job_id: JobIdArg,
        backend: Annotated[str | None, backend_option("Run it here.", "-b")] = None,
        shots: ShotsOpt = None,
        name: NameOpt = None,
        metadata: MetadataOpt = None,
        session: SessionOpt = None,
        noise_model: NoiseModelOpt = None,
        noise_seed: NoiseSeedOpt = None,
        dry_run: DryRunOpt = None,
        wait: WaitOpt = False,
        timeout: WaitTimeoutOpt = 600.0,
        poll: PollOpt = 1.0,
        json_out: JsonOpt = False,
    ) -> None:
        state = state_of(ctx)
        overrides = JobOverrides()
        fill_job_options(
            overrides,
            shots=shots,
            name=name,
            metadata=metadata,
            session=session,
            noise_model=noise_model,
            noise_seed=noise_seed,
            dry_run=dry_run,
        )
        if backend is not None:
            overrides["backend"] = backend
        with state.client() as client:
            raw = client.jobs.with_raw_response
            call = raw.move if operation == "move" else raw.clone
            ref, answer = api_json(call(job_id, **overrides))
            if wait:
                _wait_and_show(state, client, [ref.id], timeout, poll, json_out)
                return
        if json_out:
            emit_json(answer)
        elif operation == "move":
            moved = f"Moved job {job_id} to new job {ref.id}; job {job_id} is canceled."
            state.out.print(literal(moved))
        else:
            state.out.print(literal(f"Cloned job {job_id} as job {ref.id}."))

    command.__name__ = f"{operation}_job"
    return command


jobs_app.command(
    "clone",
    help="Submit a copy of a job; each option given replaces the source's value.",
)(_override_command("clone"))
jobs_app.command(
    "move",
    help="""Move a queued or running job: clone it and cancel it, in one request.

    Options as for clone; the new job's metadata.original_job_id names the source.
    A job that has already ended gets 409 Conflict, and no new job is created.
    """,
)(_override_command("move"))
