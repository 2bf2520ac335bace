"""Fault injection: seeded, per-route 429/502/503 answers, latency and dropped connections.

Off by default. A FaultConfig holds rules; the first rule whose route pattern (fnmatch,
against the path after ``/v0.4``, e.g. ``/jobs*``) and methods match a request decides,
with one draw from a generator seeded by ``seed``, what happens to it:

- ``latency`` seconds of delay with probability ``latency_rate`` (then the request goes on),
- ``drop``: the connection is closed before the request is processed (nothing happened),
- ``drop_after``: the request is processed, then the connection is closed without an
  answer (the job exists, the client does not know it: the case retries must respect),
- 429 (with ``Retry-After``), 502, 503 (with ``Retry-After``) instead of processing.

The same seed and the same sequence of requests give the same faults.
"""

from __future__ import annotations

import fnmatch
import random
import threading
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Final

__all__ = ["FaultConfig", "FaultDecision", "FaultRule", "parse_fault_spec"]

_RATE_FIELDS: Final = ("drop", "drop_after", "status_429", "status_502", "status_503")


@dataclass(frozen=True, slots=True)
class FaultRule:
    """Fault rates for the requests whose path matches ``route`` (and ``methods``)."""

    route: str = "*"
    methods: tuple[str, ...] = ()
    status_429: float = 0.0
    status_502: float = 0.0
    status_503: float = 0.0
    drop: float = 0.0
    drop_after: float = 0.0
    latency: float = 0.0
    latency_rate: float = 1.0
    retry_after: int = 1

    def __post_init__(self) -> None:
        for name in (*_RATE_FIELDS, "latency_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"fault rate {name} must be within [0, 1], got {value}")
        if sum(getattr(self, name) for name in _RATE_FIELDS) > 1.0 + 1e-9:
            raise ValueError("fault rates of one rule must add up to at most 1")
        if self.latency < 0 or self.retry_after < 0:
            raise ValueError("latency and retry_after must be >= 0")

    def matches(self, method: str, path: str) -> bool:
        if self.methods and method.upper() not in {m.upper() for m in self.methods}:
            return False
        return fnmatch.fnmatchcase(path, self.route)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FaultRule:
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown fault rule fields: {', '.join(sorted(unknown))}")
        values = dict(data)
        if "methods" in values:
            values["methods"] = tuple(str(m) for m in values["methods"])
        return cls(**values)


@dataclass(frozen=True, slots=True)
class FaultDecision:
    """What to do with one request."""

    delay: float = 0.0
    action: str | None = None  # None | "drop" | "drop_after" | "status"
    status: int = 0
    retry_after: int = 0


@dataclass
class FaultConfig:
    """Rules and the seed of their generator. Empty rules: no faults."""

    rules: Sequence[FaultRule] = ()
    seed: int | None = None
    _rng: random.Random = field(init=False, repr=False, compare=False)
    _lock: threading.Lock = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()
        self.rules = tuple(self.rules)

    @property
    def enabled(self) -> bool:
        return bool(self.rules)

    def decide(self, method: str, path: str) -> FaultDecision:
        """The fault (if any) for a request to ``path`` (relative to the API prefix)."""
        rule = next((r for r in self.rules if r.matches(method, path)), None)
        if rule is None:
            return FaultDecision()
        with self._lock:
            slow = self._rng.random() < rule.latency_rate if rule.latency else False
            draw = self._rng.random()
        delay = rule.latency if slow else 0.0
        edge = 0.0
        for name in _RATE_FIELDS:
            edge += getattr(rule, name)
            if draw < edge:
                if name.startswith("status_"):
                    return FaultDecision(delay, "status", int(name[7:]), rule.retry_after)
                return FaultDecision(delay, name)
        return FaultDecision(delay)

    def to_json(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "rules": [{**asdict(r), "methods": list(r.methods)} for r in self.rules],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FaultConfig:
        rules = data.get("rules", [])
        if not isinstance(rules, list) or not all(isinstance(r, Mapping) for r in rules):
            raise ValueError("`rules` must be a list of objects")
        seed = data.get("seed")
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise ValueError("`seed` must be an integer or null")
        return cls([FaultRule.from_json(r) for r in rules], seed)


_ALIASES: Final = {"429": "status_429", "502": "status_502", "503": "status_503"}


def parse_fault_spec(text: str) -> FaultRule:
    """A rule from the CLI form ``route=/jobs*,429=0.1,503=0.05,latency=0.2,drop=0.01``."""
    values: dict[str, Any] = {}
    for part in text.split(","):
        name, sep, raw = part.partition("=")
        name = _ALIASES.get(name.strip(), name.strip())
        if not sep or not name:
            raise ValueError(f"fault option {part!r} is not name=value")
        if name == "route":
            values["route"] = raw.strip()
        elif name == "methods":
            values["methods"] = tuple(m for m in raw.strip().upper().split("|") if m)
        elif name == "retry_after":
            values["retry_after"] = int(raw)
        elif name in FaultRule.__dataclass_fields__:
            values[name] = float(raw)
        else:
            raise ValueError(f"unknown fault option {name!r}")
    return FaultRule(**values)
