"""`ionq demo`: a real job lifecycle in a minute, against the embedded emulator.

Each step says what it does, does it through the façade, and checks that what came
back is what the API promises; the first surprise stops the walk with a one-line
message and exit code 1. With `--live` (and `IONQ_API_KEY`) the same walk runs against
the real API: the jobs go to the free simulator, and the one that is moved waits in a
QPU queue as a dry run, so nothing is billed.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Annotated, Any

import typer
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.text import Text

from ionq_facade import Circuit, IonQ, Job, JobConflictError, JobStatus

from .context import state_of
from .emulator import EmbeddedEmulator
from .errors import CliError, ExitCode, describe
from .output import (
    backends_table,
    bar_chart,
    cell,
    cost_table,
    jobs_table,
    literal,
    new_table,
    status_text,
)
from .progress import StatusDisplay, wait_for
from .results import fetch_results

__all__ = ["DemoCheckError", "Walkthrough", "demo"]

SIMULATOR = "simulator"
# Where the job that gets moved waits: a QPU's queue is long, so it is still queued.
QUEUED_ON = "qpu.forte-1"
SHOTS = 1000
CLONE_SHOTS = 500
# What a clone inherits and a test can see in the job: every field but the shots must match.
CLONED_FIELDS = (
    "type",
    "backend",
    "name",
    "shots",
    "dry_run",
    "noise",
    "settings",
    "metadata",
    "session_id",
    "stats.qubits",
    "stats.circuits",
    "stats.gate_counts",
)
# Pseudo-API key for the embedded emulator: it gives every key its own project.
EMULATOR_KEY = "ionq-demo-local-key"


class DemoCheckError(CliError):
    """A step's result was not what the API promises."""

    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.FAILURE)


Pacing = Callable[[Sequence[str]], AbstractContextManager[None]]


def _no_pacing(job_ids: Sequence[str]) -> AbstractContextManager[None]:
    return nullcontext()  # the real API moves jobs on by itself


@dataclass
class Walkthrough:
    """The demo's steps, in order; `run()` does them all or raises `DemoCheckError`."""

    client: IonQ
    out: Console
    pacing: Pacing = _no_pacing
    poll: float = 1.0
    timeout: float = 300.0
    step_no: int = 0
    job: Job | None = None
    created: list[str] = field(default_factory=list)

    def run(self) -> None:
        steps = (
            self.list_backends,
            self.submit,
            self.wait,
            self.show_results,
            self.show_cost,
            self.clone,
            self.move_queued,
            self.move_completed,
            self.list_filtered,
        )
        for step in steps:
            step()
        self.out.print(Text(f"\nAll {len(steps)} steps went as expected.", style="bold green"))

    # -- narration and checks -----------------------------------------------------------

    @contextmanager
    def _step(self, title: str) -> Iterator[None]:
        self.step_no += 1
        self.out.print(literal(f"\n{self.step_no}. {title}", style="bold"))
        try:
            yield
        except DemoCheckError as exc:
            raise DemoCheckError(f"step {self.step_no} ({title}): {exc}") from None

    def _show(self, renderable: RenderableType) -> None:
        # Padding, not leading spaces: a line too long for the terminal wraps indented.
        self.out.print(Padding(renderable, (0, 0, 0, 3), expand=False))

    def _say(self, text: str | Text) -> None:
        self._show(cell(text))

    def _ok(self, text: str) -> None:
        self._show(Text.assemble(("✓ ", "green"), literal(text)))

    @staticmethod
    def _expect(condition: bool, message: str) -> None:
        if not condition:
            raise DemoCheckError(message)

    def _completed_job(self) -> Job:
        if self.job is None or self.job.status is not JobStatus.COMPLETED:
            raise DemoCheckError("the multi-circuit job has not completed")
        return self.job

    # -- the steps --------------------------------------------------------------------------

    def list_backends(self) -> None:
        with self._step("List the backends"):
            found = self.client.backends.list()
            self._show(backends_table(found))
            names = {b.name: b for b in found}
            self._expect(SIMULATOR in names, f"no {SIMULATOR!r} backend among {sorted(names)}")
            self._expect(
                names[SIMULATOR].status == "available",
                f"the simulator is {names[SIMULATOR].status}, not available",
            )
            self._expect(QUEUED_ON in names, f"no {QUEUED_ON!r} backend")
            self._ok(f"{len(found)} backends; the simulator is available")

    def submit(self) -> None:
        with self._step("Submit a Bell pair and a 3-qubit GHZ state as one multi-circuit job"):
            bell = Circuit(2, name="bell").h(0).cnot(0, 1)
            ghz = Circuit(3, name="ghz").h(0).cnot(0, 1).cnot(1, 2)
            for circuit in (bell, ghz):
                self._say(repr(circuit))
            ref = self.client.jobs.create(
                [bell, ghz], backend=SIMULATOR, shots=SHOTS, name="ionq demo: bell + ghz"
            )
            self.created.append(ref.id)
            self.job = job = self.client.jobs.get(ref.id)
            self._say(
                Text.assemble(literal(f"job {job.id}: "), status_text(job.status, job.raw_status))
            )
            self._expect(
                not job.status.is_terminal, f"a new job is {job.raw_status}, not yet queued"
            )
            children = job.child_job_ids or ()
            self._expect(len(children) == 2, f"expected 2 child jobs, got {len(children)}")
            self.created.extend(children)
            self._ok(f"queued, with one child job per circuit: {', '.join(children)}")

    def wait(self) -> None:
        with self._step("Wait for it, watching its status"):
            ident = self._pending_job().id
            display = StatusDisplay(self.out, live=True, log=True)
            with self.pacing([ident]):
                finished = wait_for(
                    self.client, [ident], display, timeout=self.timeout, poll=self.poll
                )
            self.job = job = finished[ident]
            seen = display.history.get(ident, [])
            self._expect(
                job.status is JobStatus.COMPLETED,
                f"the job ended {job.raw_status}"
                + (f": {job.failure.message}" if job.failure else ""),
            )
            self._ok(f"completed; seen: {' → '.join(seen)} (each change a legal transition)")

    def _pending_job(self) -> Job:
        if self.job is None:
            raise DemoCheckError("no job was submitted")
        return self.job

    def show_results(self) -> None:
        with self._step("Show the probabilities"):
            job = self._completed_job()
            distributions, _ = fetch_results(self.client, job)
            expected = {"bell": {0, 0b11}, "ghz": {0, 0b111}}
            self._expect(
                [d.name for d in distributions] == list(expected),
                f"expected results for {list(expected)}, got {[d.name for d in distributions]}",
            )
            for d in distributions:
                self._show(bar_chart(d.probabilities, d.qubits, title=d.title))
                total = math.fsum(d.probabilities.values())
                self._expect(math.isclose(total, 1.0, abs_tol=1e-9), f"{d.name} sums to {total}")
                measured = {s for s, p in d.probabilities.items() if p > 0}
                allowed = expected[d.name or ""]
                self._expect(
                    measured <= allowed,
                    f"{d.name} measured states {sorted(measured)}, expected only {sorted(allowed)}",
                )
            self._ok("bell measured only |00⟩ and |11⟩, ghz only |000⟩ and |111⟩")

    def show_cost(self) -> None:
        with self._step("Show the cost"):
            cost = self.client.jobs.cost(self._completed_job())
            self._show(cost_table(cost))
            estimated = cost.estimated_cost.value
            self._expect(estimated >= 0, f"a negative estimate: {estimated}")
            self._ok(f"priced in {cost.estimated_cost.unit}; the simulator is free")

    def clone(self) -> None:
        with self._step(f"Clone the job with {CLONE_SHOTS} shots instead of {SHOTS}"):
            source = self._completed_job()
            ref = self.client.jobs.clone(source, shots=CLONE_SHOTS)
            self.created.append(ref.id)
            clone = self.client.jobs.get(ref.id)
            self._say(f"clone: job {clone.id}")
            table = new_table()
            for column in ("FIELD", "SOURCE", "CLONE", ""):
                table.add_column(column, overflow="fold")  # values whole, never cut
            before, after = source.to_dict(), clone.to_dict()
            changed = []
            for name in CLONED_FIELDS:
                old, new = _field(before, name), _field(after, name)
                differs = old != new
                if differs:
                    changed.append(name)
                table.add_row(
                    name,
                    cell(old),
                    cell(new),
                    Text("changed", style="yellow") if differs else Text("same", style="dim"),
                )
            self._show(table)
            self._expect(changed == ["shots"], f"expected only shots to change, got {changed}")
            self._expect(
                after.get("shots") == CLONE_SHOTS,
                f"the clone has {after.get('shots')} shots, not {CLONE_SHOTS}",
            )
            self._ok("only shots changed; the clone inherited everything else")

    def move_queued(self) -> None:
        with self._step(f"Move a queued job from {QUEUED_ON} to the {SIMULATOR}"):
            bell = Circuit(2, name="bell").h(0).cnot(0, 1)
            ref = self.client.jobs.create(
                bell, backend=QUEUED_ON, shots=100, dry_run=True, name="ionq demo: to move"
            )
            self.created.append(ref.id)
            queued = self.client.jobs.get(ref.id)
            self._say(
                Text.assemble(
                    literal(f"job {queued.id} on {QUEUED_ON}: "),
                    status_text(queued.status, queued.raw_status),
                )
            )
            self._expect(queued.status.is_pending, f"the job is {queued.raw_status}, not queued")
            moved_ref = self.client.jobs.move(queued, backend=SIMULATOR, dry_run=False)
            self.created.append(moved_ref.id)
            source = self.client.jobs.get(queued.id)
            moved = self.client.jobs.get(moved_ref.id)
            self._show(jobs_table([source, moved]))
            original = (moved.metadata or {}).get("original_job_id")
            self._say(f"new job's metadata.original_job_id = {original}")
            self._expect(source.status is JobStatus.CANCELED, f"the source is {source.raw_status}")
            self._expect(original == queued.id, f"original_job_id is {original!r}")
            self._expect(moved.backend == SIMULATOR, f"the new job is on {moved.backend}")
            self._ok("the source is canceled and the new job names it as its original")

    def move_completed(self) -> None:
        with self._step("Try to move the completed job"):
            job = self._completed_job()
            try:
                # By id, so the request is sent: the server is the one to refuse.
                # dry_run: should a server ever accept this move, it must not bill a QPU run.
                ref = self.client.jobs.move(job.id, backend=QUEUED_ON, dry_run=True)
            except JobConflictError as exc:
                self._say(Text.assemble(("ionq: error: ", "red"), literal(describe(exc))))
                self._expect(exc.status_code == 409, f"got HTTP {exc.status_code}")
                self._ok("refused with 409 Conflict; `ionq jobs move` exits with code 3")
                return
            self.created.append(ref.id)
            raise DemoCheckError(f"the completed job was moved (new job {ref.id}), not refused")

    def list_filtered(self) -> None:
        with self._step("List this demo's completed jobs, two per page"):
            job = self._completed_job()
            must = {job.id, *(job.child_job_ids or ())}
            pages = list(
                self.client.jobs.list(ids=self.created, status="completed", limit=2).pages()
            )
            listed: list[Job] = []
            for number, page in enumerate(pages, 1):
                self._show(jobs_table(page, title=f"page {number}"))
                listed.extend(page)
            ids = {j.id for j in listed}
            self._expect(
                all(j.status is JobStatus.COMPLETED for j in listed),
                "the status filter let through "
                + ", ".join(f"{j.id} ({j.raw_status})" for j in listed if not j.status.is_terminal),
            )
            self._expect(must <= ids, f"missing from the listing: {sorted(must - ids)}")
            self._expect(
                ids <= set(self.created), f"not this demo's: {sorted(ids - set(self.created))}"
            )
            self._expect(len(pages) >= 2, f"{len(listed)} jobs came in {len(pages)} page(s)")
            self._ok(
                f"{len(listed)} completed jobs of {len(self.created)}, over {len(pages)} pages"
            )


def _field(data: dict[str, Any], dotted: str) -> object:
    value: object = data
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def demo(
    ctx: typer.Context,
    live: Annotated[
        bool,
        typer.Option("--live", help="Run against the real API (needs IONQ_API_KEY)."),
    ] = False,
    pace: Annotated[
        float,
        typer.Option(
            "--pace",
            min=0.0,
            metavar="SECONDS",
            help="Seconds per job status step in the emulator.",
        ),
    ] = 0.3,
    poll: Annotated[
        float | None,
        typer.Option(
            "--poll",
            min=0.001,
            metavar="SECONDS",
            help="Seconds between status polls (then growing).",
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", min=0.001, metavar="SECONDS", help="Give up waiting after this long."
        ),
    ] = 300.0,
) -> None:
    """Walk through a job's life: submit, watch, results, cost, clone, move, 409, listing.

    Runs against an emulator started inside this process (no API key, no network),
    unless --live is given and IONQ_API_KEY is set.
    """
    state = state_of(ctx)
    out = state.out
    if live:
        if not os.environ.get("IONQ_API_KEY"):
            raise CliError("--live needs IONQ_API_KEY set to an API key", ExitCode.USAGE)
        with state.client() as client:
            out.print(literal(f"Using the IonQ API at {client.base_url}"))
            Walkthrough(client, out, poll=poll or 1.0, timeout=timeout).run()
        return
    with EmbeddedEmulator(step_seconds=pace) as emulator:
        out.print(
            literal(
                f"Started the IonQ API emulator at {emulator.base_url} "
                "(in this process; no API key or network needed)"
            )
        )
        with IonQ(api_key=EMULATOR_KEY, base_url=emulator.base_url) as client:
            Walkthrough(
                client, out, pacing=emulator.pacing, poll=poll or 0.1, timeout=timeout
            ).run()
        errors = emulator.conformance_errors
        if errors:
            raise DemoCheckError(f"the emulator broke openapi.yaml: {errors[0]}")
