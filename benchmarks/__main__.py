"""`python -m benchmarks`: run the cases, print one table.

    .venv/bin/python -m benchmarks                  # everything (a few minutes)
    .venv/bin/python -m benchmarks --quick          # shorter runs, same cases (~1.5 min)
    .venv/bin/python -m benchmarks percall parse    # some cases only
    .venv/bin/python -m benchmarks --markdown       # the table as Markdown (for the README)
    .venv/bin/python -m benchmarks --profile parse  # pyinstrument: where our time goes

Needs the `bench` extra (ionq-core 0.2.0, pyinstrument): `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from functools import cache

from . import (
    case_import,
    case_paginate,
    case_parse,
    case_percall,
    case_simulate,
    case_throughput,
    case_wait,
)
from ._fixtures import Recorded, record
from ._report import Row, render_markdown, render_text

__all__ = ["CASES", "main"]

Case = Callable[[Recorded, bool], list[Row]]

#: Case name -> runner, in the issue's order.
CASES: dict[str, Case] = {
    "percall": case_percall.run,
    "parse": case_parse.run,
    "wait": case_wait.run,
    "paginate": case_paginate.run,
    "import": case_import.run,
    "throughput": case_throughput.run,
    "simulate": case_simulate.run,
}


def machine() -> str:
    """The lines that say where and when the figures were measured."""
    uname = platform.uname()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            f"date:    {now}",
            f"machine: {uname.system} {uname.release} {uname.machine}, "
            f"{os.cpu_count()} CPUs, load average at start {load}",
            f"python:  {platform.python_implementation()} {platform.python_version()}",
        ]
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "cases", nargs="*", metavar="CASE", help=f"cases to run (default: all): {', '.join(CASES)}"
    )
    parser.add_argument("--quick", action="store_true", help="fewer, shorter rounds")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument(
        "--profile",
        choices=["percall", "parse"],
        help="profile the façade's side of a case instead of timing it",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    unknown = [name for name in args.cases if name not in CASES]
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)}; choose from {', '.join(CASES)}")
    recorded = cache(lambda: record(1000))
    if args.profile:
        from ._profile import profile

        print(profile(args.profile, recorded()))
        return 0
    print(machine(), flush=True)
    rows: list[Row] = []
    for name in args.cases or list(CASES):
        start = time.monotonic()
        needs_bodies = name in {"percall", "parse"}
        found = CASES[name](recorded() if needs_bodies else _NO_BODIES, args.quick)
        rows.extend(found)
        print(f"  {name}: {time.monotonic() - start:.0f} s", file=sys.stderr, flush=True)
    print()
    print(render_markdown(rows) if args.markdown else render_text(rows))
    print()
    print("ratio = ours / baseline in cost (time, requests, bytes; a rate as time per request):")
    print("lower is better; the times are medians of interleaved rounds, the ratios medians of")
    print("per-round ratios. " + _summary(rows))
    return 0


# Cases 3-6 make their own jobs; they are handed this and ignore it.
_NO_BODIES = Recorded(job_id="", job=b"", page=b"", page_jobs=0)


def _summary(rows: Sequence[Row]) -> str:
    verdicts = [row.verdict for row in rows]
    return (
        f"Targets: {verdicts.count('pass')} met, {verdicts.count('MISS')} missed "
        f"({verdicts.count('info')} rows without a target)."
    )


if __name__ == "__main__":
    sys.exit(main())
