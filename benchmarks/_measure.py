"""Timing on a noisy 2-core machine: interleaved rounds, medians, paired ratios.

Every contestant of a comparison runs once per round, in an order that rotates from
round to round, so slow drift of the machine (another process, frequency scaling)
lands on all of them alike. A ratio is the median over rounds of the per-round
ratios (paired), which cancels most of that drift; a time is the median over rounds.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Samples", "interleave", "paired_ratio", "time_batch"]


@dataclass(frozen=True, slots=True)
class Samples:
    """Seconds per operation, one value per round, in round order."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)


def time_batch(operation: Callable[[], object], number: int) -> float:
    """Seconds per call of `operation`, over `number` calls in a row."""
    start = time.perf_counter_ns()
    for _ in range(number):
        operation()
    return (time.perf_counter_ns() - start) / 1e9 / number


def interleave(
    contestants: Mapping[str, Callable[[], object]], *, number: int, rounds: int, warmup: int = 1
) -> dict[str, Samples]:
    """Seconds per call of each contestant: `rounds` batches of `number` calls each.

    Each contestant is called `warmup` batches first (imports, caches, connection
    pools), untimed. Collection runs between batches, not inside them by choice of
    timing: each batch starts from the same heap state.
    """
    names = list(contestants)
    for name in names:
        for _ in range(warmup):
            time_batch(contestants[name], number)
    timings: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            gc.collect()
            timings[name].append(time_batch(contestants[name], number))
    return {name: Samples(tuple(values)) for name, values in timings.items()}


def paired_ratio(ours: Samples, baseline: Samples) -> float:
    """The median over rounds of ours / baseline, round by round."""
    return statistics.median(_ratios(ours.values, baseline.values))


def _ratios(ours: Sequence[float], baseline: Sequence[float]) -> list[float]:
    if len(ours) != len(baseline) or not ours:
        raise ValueError("paired samples need the same, non-zero number of rounds")
    return [a / b for a, b in zip(ours, baseline, strict=True)]
