"""The results table: one row per (case, baseline), with the ratio and the verdict.

A ratio is always ours / baseline *in cost* (time, requests, bytes): lower is better,
below 1 means ours is cheaper. A rate (requests per second) is shown as a rate but
compared as time per request, so the direction stays the same in every row.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ._measure import Samples, paired_ratio

__all__ = ["Quantity", "Row", "Target", "compare", "render_markdown", "render_text"]

Unit = Literal["s", "count", "bytes", "rate"]
Verdict = Literal["pass", "MISS", "info"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A measured value; `note` is shown after it (e.g. a derived throughput)."""

    value: float
    unit: Unit
    note: str = ""

    @property
    def cost(self) -> float:
        """The value as a cost (lower is better): a rate becomes time per item."""
        return 1.0 / self.value if self.unit == "rate" else self.value

    def __str__(self) -> str:
        text = _format(self.value, self.unit)
        return f"{text} ({self.note})" if self.note else text


@dataclass(frozen=True, slots=True)
class Target:
    """A bound on the ratio: `ratio <= limit` passes (`strict`: `ratio < limit`)."""

    limit: float
    strict: bool = False

    def met(self, ratio: float) -> bool:
        return ratio < self.limit if self.strict else ratio <= self.limit

    def __str__(self) -> str:
        return f"{'<' if self.strict else '<='} {self.limit:g}x"


@dataclass(frozen=True, slots=True)
class Row:
    """One comparison. Without a target the row is information only."""

    case: str
    measure: str
    ours: Quantity
    baseline: str
    theirs: Quantity
    target: Target | None = None
    paired: float | None = None  # the ratio, when measured round by round

    @property
    def ratio(self) -> float:
        if self.paired is not None:
            return self.paired
        if self.theirs.cost == 0:
            return math.inf
        return self.ours.cost / self.theirs.cost

    @property
    def verdict(self) -> Verdict:
        if self.target is None:
            return "info"
        return "pass" if self.target.met(self.ratio) else "MISS"


def compare(
    case: str,
    measure: str,
    samples: Mapping[str, Samples],
    shown: Mapping[str, Quantity],
    ours: str,
    baseline: str,
    label: str,
    target: Target | None = None,
) -> Row:
    """A row comparing two contestants of an interleaved run, by their paired ratio."""
    return Row(
        case,
        measure,
        shown[ours],
        label,
        shown[baseline],
        target,
        paired_ratio(samples[ours], samples[baseline]),
    )


HEADER = ("case", "measure", "ours", "baseline", "baseline's", "ratio", "target", "")


def _cells(row: Row) -> tuple[str, ...]:
    return (
        row.case,
        row.measure,
        str(row.ours),
        row.baseline,
        str(row.theirs),
        f"{row.ratio:.2f}x",
        str(row.target) if row.target else "-",
        row.verdict,
    )


def render_text(rows: Sequence[Row]) -> str:
    """An aligned plain-text table."""
    table = [HEADER, *(_cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) for line in table
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def render_markdown(rows: Sequence[Row]) -> str:
    """A GitHub-flavoured Markdown table."""

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    out = [line(HEADER), line(["---"] * len(HEADER))]
    out.extend(line(_cells(r)) for r in rows)
    return "\n".join(out)


def _format(value: float, unit: Unit) -> str:
    formats: dict[Unit, Callable[[float], str]] = {
        "s": _seconds,
        "count": lambda v: f"{v:,.0f}",
        "bytes": _bytes,
        "rate": lambda v: f"{v:,.0f}/s",
    }
    return formats[unit](value)


def _seconds(value: float) -> str:
    if value < 1e-3:
        return f"{value * 1e6:.1f} us"
    if value < 1:
        return f"{value * 1e3:.2f} ms"
    return f"{value:.2f} s"


def _bytes(value: float) -> str:
    if value < 1024 * 1024:
        return f"{value / 1024:.0f} KiB"
    return f"{value / (1024 * 1024):.1f} MiB"
