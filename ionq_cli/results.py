"""A completed job's probabilities, one distribution per circuit, ready to chart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ionq_facade import IonQ, Job, JobStatus, Probabilities

from .errors import CliError, ExitCode
from .output import api_json

__all__ = ["Distribution", "fetch_results", "how_it_ended"]

MULTI_CIRCUIT = "ionq.multi-circuit.v1"


@dataclass(frozen=True, slots=True)
class Distribution:
    """The results of one circuit: of the job itself, or of a multi-circuit job's child."""

    job_id: str
    name: str | None
    qubits: int | None
    probabilities: Probabilities

    @property
    def title(self) -> str:
        return f"{self.name or 'circuit'} ({self.job_id})"


def fetch_results(
    client: IonQ, job: Job, *, sharpen: bool | None = None
) -> tuple[list[Distribution], Any]:
    """`job`'s distributions (children in the order their circuits were given) and the
    API's JSON; `CliError` if the job has not completed."""
    if job.status is not JobStatus.COMPLETED:
        raise CliError(_no_results(job), ExitCode.API)
    raw = client.jobs.with_raw_response
    if job.type != MULTI_CIRCUIT:
        single, body = api_json(raw.probabilities(job, sharpen=sharpen))
        qubits = job.stats.qubits if job.stats else None
        return [Distribution(job.id, job.name, qubits, single)], body
    children, body = api_json(raw.child_probabilities(job, sharpen=sharpen))
    order = [c for c in (job.child_job_ids or ()) if c in children]
    order += [c for c in children if c not in order]
    # One listing for the children's names and sizes.
    found = {c.id: c for c in client.jobs.list(ids=order, limit=len(order))} if order else {}
    distributions = []
    for child_id in order:
        child = found.get(child_id)
        distributions.append(
            Distribution(
                child_id,
                child.name if child is not None else None,
                child.stats.qubits if child is not None and child.stats else None,
                children[child_id],
            )
        )
    return distributions, body


def _no_results(job: Job) -> str:
    """Why `job` has no results: it has not ended yet, or it never will have any."""
    if not job.status.is_terminal:
        return (
            f"job {job.id} is {job.raw_status}: it has results once it has completed "
            f"(ionq jobs wait {job.id})"
        )
    return f"{how_it_ended(job)}; it has no results"


def how_it_ended(job: Job) -> str:
    """`job failed: CODE: message` or `job was canceled`, for a job that did not complete."""
    if job.status is JobStatus.FAILED:
        failure = job.failure
        detail = f": {failure.code}: {failure.message}" if failure else ""
        return f"job {job.id} failed{detail}"
    return f"job {job.id} was {job.raw_status}"
