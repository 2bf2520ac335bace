"""Case 2: one list page of 1,000 jobs from bytes into typed objects.

Ours is the parse step of `jobs.list_page` (the `Call.parse` the façade applies to the
decoded body) after `json.loads`, with the page's jobs read once: a view checks its
nested objects' JSON when built but builds their views on first read, so without that
read no `Job` would exist. The limit is `json.loads` alone; ionq-core's is what its
`get_jobs` does with a 200 answer, `GetJobsResponse.from_dict(json.loads(...))`.
`Job` parses its less used fields on first read, so a second row reads every field of
every job as well: the cost when a caller does look at everything.
"""

from __future__ import annotations

import json

from ionq_core.models.get_jobs_response import GetJobsResponse

from ionq_facade import Job, JobPage
from ionq_facade.resources._job_calls import list_page

from ._fixtures import Recorded
from ._measure import interleave, paired_ratio
from ._report import Quantity, Row, Target, compare

__all__ = ["read_every_field", "run"]

CASE = "2 parse 1,000-job page"
WITHIN_RAW = Target(1.4)
# Reading everything costs no more than a parse that builds everything up front.
WITHIN_CORE = Target(1.0)

# Every public field of a job, its hand-written bases' (status, raw_status) included.
FIELDS = tuple(
    dict.fromkeys(
        name
        for klass in Job.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, property) and not name.startswith("_")
    )
)


def read_every_field(page: JobPage) -> JobPage:
    """Read every field of every job on `page` (each lazy field parsed once)."""
    for job in page.jobs:
        for name in FIELDS:
            getattr(job, name)
    return page


def run(recorded: Recorded, quick: bool) -> list[Row]:
    body = recorded.page
    parse = list_page(limit=recorded.page_jobs).parse

    def facade() -> JobPage:
        page = parse(json.loads(body))
        page.jobs  # noqa: B018 - the jobs as typed objects (a page builds them on first read)
        return page

    def facade_all_fields() -> object:
        return read_every_field(parse(json.loads(body)))

    def ionq_core() -> GetJobsResponse:
        return GetJobsResponse.from_dict(json.loads(body))

    def limit() -> object:
        return json.loads(body)

    ours, theirs = facade(), ionq_core()
    if len(ours.jobs) != len(theirs.jobs) or len(ours.jobs) != recorded.page_jobs:
        raise RuntimeError("the contestants did not read the same page")
    samples = interleave(
        {"facade": facade, "all": facade_all_fields, "core": ionq_core, "raw": limit},
        number=2 if quick else 4,
        rounds=7 if quick else 15,
    )
    shown = {name: Quantity(found.median, "s") for name, found in samples.items()}
    core_vs_raw = paired_ratio(samples["core"], samples["raw"])
    shown["core"] = Quantity(samples["core"].median, "s", f"{core_vs_raw:.2f}x raw")
    typed, everything = "typed page", "+ every field read"
    return [
        compare(CASE, typed, samples, shown, "facade", "raw", "json.loads", WITHIN_RAW),
        compare(CASE, typed, samples, shown, "facade", "core", "ionq-core models"),
        compare(CASE, everything, samples, shown, "all", "raw", "json.loads"),
        compare(CASE, everything, samples, shown, "all", "core", "ionq-core models", WITHIN_CORE),
    ]
