"""What the CLI prints: consoles, JSON for scripts, tables and bar charts for people.

Colour follows rich's terminal detection, and `NO_COLOR` (any non-empty value) turns
every style off, not only colours, so the output is plain text. Not on a terminal (a
pipe, a file), the output is for tools: tables lose their borders, no line is cut to a
width or ends in spaces.

Data (ids, names, metadata, messages from a server or a user) reaches rich only as
`Text` made by `literal` or `cell`, never as a string: rich reads a string as markup
(`[/]` would crash a listing, `[link=...]` would plant a hyperlink) and emoji codes,
while a `Text` is shown as it is.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import re
import sys
from collections.abc import Iterable
from typing import IO, Any, TypeVar, cast

import typer
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from ionq_facade import (
    Backend,
    Job,
    JobCost,
    JobStatus,
    Probabilities,
    RawResponse,
    Session,
    Whoami,
)

__all__ = [
    "api_json",
    "backends_table",
    "bar_chart",
    "cell",
    "cost_table",
    "emit_json",
    "job_table",
    "jobs_table",
    "literal",
    "make_console",
    "new_table",
    "sessions_table",
    "status_text",
    "whoami_table",
]

_STATUS_STYLE = {
    JobStatus.SUBMITTED: "blue",
    JobStatus.READY: "blue",
    JobStatus.STARTED: "cyan",
    JobStatus.COMPLETED: "green",
    JobStatus.FAILED: "bold red",
    JobStatus.CANCELED: "yellow",
    JobStatus.UNKNOWN: "magenta",
}
_SHORT_TYPES = {
    "ionq.circuit.v1": "circuit",
    "ionq.multi-circuit.v1": "multi-circuit",
    "ionq.qasm3.v1": "qasm3",
}
# Eighths of a block, for bars with sub-character resolution.
_BLOCKS = " ▏▎▍▌▋▊▉█"
BAR_WIDTH = 40
MAX_BARS = 16


# Width when not writing to a terminal (and COLUMNS is unset): no line is ever cut or
# wrapped, however long a job's name or metadata.
PIPE_WIDTH = 1 << 20


def make_console(*, stderr: bool = False) -> Console:
    """A console on stdout (results) or stderr (messages, progress)."""
    plain = os.environ.get("NO_COLOR", "") != ""
    console = Console(
        stderr=stderr,
        color_system=None if plain else "auto",
        no_color=plain,
        highlight=False,
    )
    if not console.is_terminal:
        console.file = cast(IO[str], _TrailingSpacesDropped(sys.stderr if stderr else sys.stdout))
        if not os.environ.get("COLUMNS"):
            console.width = PIPE_WIDTH
    return console


class _TrailingSpacesDropped:
    """A text stream whose lines lose their trailing spaces (rich pads table cells)."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._partial = ""
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        *lines, self._partial = (self._partial + text).split("\n")
        for line in lines:
            self._stream.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        if self._partial:
            self._stream.write(self._partial)
            self._partial = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._stream.fileno()


class _Table(Table):
    """A table with borders on a terminal where they fit, plain columns elsewhere: for
    grep and awk, and on a terminal too narrow for the borders (the lines would be cut)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.box is None:
            return super().__rich_console__(console, options)
        if console.is_terminal:
            boxed = list(super().__rich_console__(console, options))
            lines = Segment.split_lines(s for s in boxed if isinstance(s, Segment))
            if all(Segment.get_line_length(line) <= options.max_width for line in lines):
                return boxed
        plain = copy.copy(self)
        plain.box, plain.pad_edge, plain.padding = None, False, (0, 2, 0, 0)
        if console.is_terminal:
            # Too narrow for borders: one space between columns, and every column but
            # the first (the id) may wrap, the widest first, so none is cut or dropped.
            plain.padding = (0, 1, 0, 0)
            plain.columns = [
                dataclasses.replace(c, no_wrap=False, min_width=None) if i else c
                for i, c in enumerate(self.columns)
            ]
        return Table.__rich_console__(plain, console, options)


def new_table(*, title: str | None = None, **settings: Any) -> Table:
    """A table as every command shows one (see `_Table`), titled left."""
    return _Table(title=_title(title), title_justify="left", **settings)


T = TypeVar("T")


def api_json(raw: RawResponse[T]) -> tuple[T, Any]:
    """The parsed value (so the answer is checked against the contract) and the API's JSON."""
    return raw.parse(), raw.json()


def emit_json(data: Any) -> None:
    """`data` as indented JSON on stdout: the stable form for scripts."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


# C0 and C1 control characters but tab and newline: ESC starts the terminal's own escape
# sequences (colours, hyperlinks, window titles), which a `Text` would pass through.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def literal(value: str, style: str = "") -> Text:
    """`value` shown exactly as it is: no markup, no emoji codes, control characters
    written out (ESC as `\\x1b`)."""
    return Text(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value), style=style)


def status_text(status: JobStatus, raw: str | None = None) -> Text:
    """A job status, coloured by how it stands; an unknown one shown as the server sent it."""
    shown = raw if status is JobStatus.UNKNOWN and raw else status.value
    return literal(shown, style=_STATUS_STYLE[status])


def cell(value: object) -> Text:
    """Any value in a table cell, as it is: compact JSON for objects and lists."""
    if isinstance(value, Text):
        return value
    if value is None:
        return Text()
    if isinstance(value, (dict, list)):
        return literal(json.dumps(value, separators=(",", ":")))
    return literal(str(value))


def _add_row(table: Table, *values: object) -> None:
    """The one way values enter a table: each through `cell`."""
    table.add_row(*map(cell, values))


def _title(title: str | None) -> Text | None:
    # A `Text` title does not get the table's title style by itself.
    return literal(title, style="table.title") if title else None


def jobs_table(jobs: Iterable[Job], *, title: str | None = None) -> Table:
    """One row a job; on a narrow terminal only the name gives way (it wraps)."""
    rows = [
        [
            cell(value)
            for value in (
                job.id,
                status_text(job.status, job.raw_status),
                _SHORT_TYPES.get(job.type, job.type),
                job.backend,
                job.to_dict().get("shots"),
                job.to_dict().get("name"),
            )
        ]
        for job in jobs
    ]
    table = new_table(title=title)
    for i, header in enumerate(("ID", "STATUS", "TYPE", "BACKEND", "SHOTS", "NAME")):
        widest = max([len(header), *(row[i].cell_len for row in rows)])
        table.add_column(
            header,
            no_wrap=header != "NAME",
            overflow="fold",
            justify="right" if header == "SHOTS" else "left",
            min_width=None if header == "NAME" else widest,
        )
    for row in rows:
        table.add_row(*row)
    return table


def job_table(job: Job) -> Table:
    """Every field the server sent for one job, as FIELD | VALUE (nulls left out)."""
    table = new_table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, value in job.to_dict().items():
        if value is None or value == {} or value == []:
            continue
        shown = status_text(job.status, job.raw_status) if key == "status" else value
        _add_row(table, key, shown)
    return table


def backends_table(backends: Iterable[Backend]) -> Table:
    table = new_table()
    table.add_column("BACKEND", no_wrap=True)
    table.add_column("STATUS")
    table.add_column("QUBITS", justify="right")
    table.add_column("AVG QUEUE", justify="right")
    table.add_column("DEGRADED")
    for b in backends:
        style = "green" if b.status == "available" else "yellow"
        _add_row(
            table,
            b.name,
            literal(b.status, style=style),
            str(b.qubits),
            _duration(b.average_queue_time_ms / 1000),
            "" if b.degraded is None else ("yes" if b.degraded else "no"),
        )
    return table


def _duration(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 120:
        return f"{seconds:.1f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def sessions_table(sessions: Iterable[Session]) -> Table:
    table = new_table()
    for name in ("SESSION", "STATUS", "BACKEND", "CREATED", "ENDED"):
        table.add_column(name, no_wrap=name == "SESSION")
    for s in sessions:
        _add_row(
            table,
            s.id,
            s.status,
            s.backend or "",
            s.created_at.isoformat(timespec="seconds") if s.created_at else "",
            s.ended_at.isoformat(timespec="seconds") if s.ended_at else "",
        )
    return table


def cost_table(cost: JobCost) -> Table:
    table = new_table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold")
    table.add_column(justify="right")
    _add_row(table, "estimated", _amount(cost.estimated_cost.value, cost.estimated_cost.unit))
    _add_row(
        table,
        "billed",
        "not yet known" if cost.cost is None else _amount(cost.cost.value, cost.cost.unit),
    )
    if cost.dry_run:
        _add_row(table, "dry run", "yes (not billed)")
    return table


def _amount(value: float, unit: str) -> str:
    return (
        f"{value:,.2f} {unit.upper()}" if unit.isalpha() and len(unit) == 3 else f"{value} {unit}"
    )


def whoami_table(who: Whoami) -> Table:
    table = new_table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold")
    table.add_column()
    _add_row(table, "key", f"{who.key_name} ({who.key_id})")
    _add_row(table, "project", who.project_id)
    return table


def bar_chart(probabilities: Probabilities, qubits: int | None, *, title: str = "") -> Table:
    """One bar per measured basis state (qubit 0 is the rightmost bit), largest last shown.

    At most `MAX_BARS` states, the most probable ones, in basis-state order.
    """
    width = qubits or max(1, max(probabilities, default=0).bit_length())
    shown = sorted(sorted(probabilities, key=lambda s: -probabilities[s])[:MAX_BARS])
    table = new_table(title=title, show_header=False, box=None)
    table.add_column(no_wrap=True, style="bold")
    table.add_column(no_wrap=True, style="cyan")
    table.add_column(justify="right", no_wrap=True)
    for state in shown:
        p = probabilities[state]
        _add_row(
            table, f"|{Probabilities.bitstring(state, width)}⟩", _bar(p, BAR_WIDTH), f"{p:7.2%}"
        )
    hidden = len(probabilities) - len(shown)
    if hidden > 0:
        rest = sum(probabilities[s] for s in probabilities if s not in shown)
        _add_row(table, f"+{hidden} more", _bar(rest, BAR_WIDTH), f"{rest:7.2%}")
    return table


def _bar(fraction: float, width: int) -> str:
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_BLOCKS[part] if part else "")).ljust(width)
