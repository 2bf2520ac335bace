"""What a wait shows while it waits.

On an interactive terminal: a live line per job (spinner, status, elapsed time), gone
when the wait ends. Each status change can also be printed as a line that stays, which
is what the demo does whether or not it runs on a terminal; `ionq jobs wait` piped
shows nothing at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import TracebackType

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.text import Text

from ionq_facade import IonQ, Job

from .output import literal, status_text

__all__ = ["StatusDisplay", "wait_for"]


class StatusDisplay:
    """Feeds on `on_status` (the façade's wait callback); a context manager.

    `live`: the spinner lines (only honoured on an interactive console). `log`: print
    each change. `history` keeps every status seen, per job, in order.
    """

    def __init__(self, console: Console, *, live: bool, log: bool) -> None:
        self.console = console
        self.log = log
        self.history: dict[str, list[str]] = {}
        self._progress: Progress | None = None
        if live and console.is_interactive:
            self._progress = Progress(
                SpinnerColumn(finished_text="•"),
                TextColumn("{task.description}", markup=False),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
        self._tasks: dict[str, TaskID] = {}

    def track(self, job_id: str) -> None:
        """Show `job_id` from the start, before the first poll answers."""
        if self._progress is not None and job_id not in self._tasks:
            self._tasks[job_id] = self._progress.add_task(self._describe(job_id, None), total=None)

    def on_status(self, job: Job) -> None:
        seen = self.history.setdefault(job.id, [])
        if seen and seen[-1] == job.raw_status:
            return
        seen.append(job.raw_status)
        if self.log:
            line = Text.assemble(
                "   job ",
                literal(job.id, style="dim"),
                ": ",
                status_text(job.status, job.raw_status),
            )
            self.console.print(line)
        if self._progress is not None:
            if job.id not in self._tasks:
                self.track(job.id)
            task = self._tasks[job.id]
            # refresh: draw every change now; between two frames a short state would vanish.
            self._progress.update(
                task, description=self._describe(job.id, job.raw_status), refresh=True
            )
            if job.status.is_terminal:
                self._progress.update(task, total=1, completed=1)

    @staticmethod
    def _describe(job_id: str, status: str | None) -> str:
        # A plain string, shown as is (the column does not read markup).
        return literal(f"job {job_id}: {status or 'waiting for the first status'}").plain

    def __enter__(self) -> StatusDisplay:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()


def wait_for(
    client: IonQ,
    job_ids: Sequence[str],
    display: StatusDisplay,
    *,
    timeout: float,
    poll: float,
) -> Mapping[str, Job]:
    """Wait until every job ended (completed or not), showing progress on `display`.

    `JobTimeoutError` when time runs out; a job that failed or was canceled is returned,
    for the caller to report.
    """
    with display:
        for job_id in job_ids:
            display.track(job_id)
        return client.jobs.wait_many(
            job_ids,
            timeout=timeout,
            poll_interval=poll,
            on_status=display.on_status,
            raise_on_failure=False,
        )
