"""Time as the emulator sees it: the wall clock, or one that starts at a fixed instant.

A seeded emulator starts its clock at ``EPOCH``. In manual mode it is a virtual clock
that moves only when told (``advance``, ``set``) or by a fixed step per API request, so
the same sequence of requests yields the same timestamps. In clock mode it is a seeded
clock on real time: it starts at ``EPOCH`` and follows the caller's real waits, so a
job takes its dwell times to finish (not a number of requests) and ids, noise and the
order of events stay reproducible.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Final, Protocol

__all__ = [
    "EPOCH",
    "Clock",
    "SeededClock",
    "SystemClock",
    "VirtualClock",
    "isoformat",
    "parse_instant",
]

#: Where a virtual clock starts: 2025-06-16T00:00:00Z.
EPOCH: Final = datetime(2025, 6, 16, tzinfo=UTC).timestamp()
_LAST: Final = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp()


class Clock(Protocol):
    """Seconds since the Unix epoch, as a float."""

    def now(self) -> float: ...

    def on_request(self) -> None:
        """Called once per API request (a virtual clock may step)."""

    def set(self, instant: float) -> None: ...

    def advance(self, seconds: float) -> None: ...


class SystemClock:
    """The wall clock; ``set``/``advance`` shift it by an offset (for tests in clock mode)."""

    def __init__(self) -> None:
        self._offset = 0.0

    def now(self) -> float:
        return time.time() + self._offset

    def on_request(self) -> None:
        return None

    def set(self, instant: float) -> None:
        self._offset = instant - time.time()

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock only moves forward")
        self._offset += seconds


class SeededClock(SystemClock):
    """Real time, from a fixed instant: ``start`` when created, then the seconds that pass."""

    def __init__(self, start: float = EPOCH) -> None:
        super().__init__()
        self._offset = start - time.time()


class VirtualClock:
    """A clock that moves only when told, or by ``step`` seconds per API request."""

    def __init__(self, start: float = EPOCH, step: float = 0.001) -> None:
        if step < 0:
            raise ValueError("step must be >= 0")
        self._now = start
        self.step = step
        self._lock = threading.Lock()

    def now(self) -> float:
        return self._now

    def on_request(self) -> None:
        with self._lock:
            self._now += self.step

    def set(self, instant: float) -> None:
        with self._lock:
            if instant < self._now:
                raise ValueError("a clock only moves forward")
            self._now = instant

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock only moves forward")
        with self._lock:
            self._now += seconds


def isoformat(instant: float) -> str:
    """``2025-05-28T20:47:05.440Z`` (milliseconds, UTC), the API's timestamp format."""
    # Out-of-range instants (a session limit of a million years) print as the last one.
    moment = datetime.fromtimestamp(round(min(max(instant, 0.0), _LAST), 3), tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_instant(value: str | float) -> float:
    """An ISO 8601 timestamp (or epoch seconds) -> epoch seconds. ValueError if malformed."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()
