"""The job lifecycle, read from openapi.yaml's ``JobStatus.x-lifecycle``.

The table is never retyped here: states, edges, the cancelable and terminal sets come
from the contract. The emulator only chooses *which* legal route a job takes when
nobody intervenes (``PROGRESSION``), and that choice is checked against the table when
it is loaded, so a contract change that breaks it fails at import, not mid-test.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any, Final

from ionq_emulator.spec import load_spec

__all__ = ["PROGRESSION", "Lifecycle", "LifecycleError", "lifecycle"]

#: The route an untouched job takes. The last step may end in ``failed`` instead, when the
#: simulator refuses the circuit.
PROGRESSION: Final = ("submitted", "ready", "started", "completed")
FAILED: Final = "failed"
CANCELED: Final = "canceled"


class LifecycleError(ValueError):
    """A state change the contract's lifecycle does not allow."""


@dataclass(frozen=True, slots=True)
class Lifecycle:
    """States and legal edges of a job."""

    initial: frozenset[str]
    cancelable: frozenset[str]
    terminal: frozenset[str]
    edges: frozenset[tuple[str, str]]
    aliases: Mapping[str, str]

    @classmethod
    def from_extension(cls, ext: Mapping[str, Any]) -> Lifecycle:
        found = cls(
            initial=frozenset(ext["initial"]),
            cancelable=frozenset(ext["cancelable"]),
            terminal=frozenset(ext["terminal"]),
            edges=frozenset((t["from"], t["to"]) for t in ext["transitions"]),
            aliases=dict(ext.get("aliases", {})),
        )
        found._check_progression()
        return found

    def _check_progression(self) -> None:
        if PROGRESSION[0] not in self.initial:
            raise LifecycleError(f"{PROGRESSION[0]!r} is not an initial state of the contract")
        steps = [*pairwise(PROGRESSION), (PROGRESSION[-2], FAILED)]
        steps += [(state, CANCELED) for state in self.cancelable]
        for old, new in steps:
            if (old, new) not in self.edges:
                raise LifecycleError(f"the contract has no transition {old} -> {new}")

    def canonical(self, status: str) -> str:
        """``running`` -> ``started``; other names unchanged."""
        return self.aliases.get(status, status)

    @property
    def states(self) -> frozenset[str]:
        return frozenset(s for edge in self.edges for s in edge)

    def is_terminal(self, status: str) -> bool:
        return status in self.terminal

    def is_cancelable(self, status: str) -> bool:
        return status in self.cancelable

    def check(self, old: str, new: str) -> None:
        """Raise unless ``old -> new`` is an edge of the contract."""
        if (old, new) not in self.edges:
            raise LifecycleError(f"illegal job transition {old} -> {new}")

    def next_step(self, status: str) -> str | None:
        """The state an untouched job moves to next (None when it has nowhere to go)."""
        if status in PROGRESSION[:-1]:
            return PROGRESSION[PROGRESSION.index(status) + 1]
        return None

    def route(self, old: str, new: str) -> list[str]:
        """The states to pass through from ``old`` to ``new`` (excluding ``old``).

        Along ``PROGRESSION`` where possible, else the shortest legal path. Raises
        LifecycleError when ``new`` is unreachable.
        """
        if old == new:
            return []
        if old in PROGRESSION and new in PROGRESSION:
            start, end = PROGRESSION.index(old), PROGRESSION.index(new)
            if start < end:
                return list(PROGRESSION[start + 1 : end + 1])
        previous: dict[str, str] = {}
        queue = deque([old])
        while queue:
            state = queue.popleft()
            for edge_from, edge_to in sorted(self.edges):
                if edge_from != state or edge_to in previous or edge_to == old:
                    continue
                previous[edge_to] = state
                if edge_to == new:
                    path = [new]
                    while path[-1] != old and previous[path[-1]] != old:
                        path.append(previous[path[-1]])
                    return list(reversed(path))
                queue.append(edge_to)
        raise LifecycleError(f"a job cannot go from {old} to {new}")


@cache
def lifecycle() -> Lifecycle:
    """The contract's lifecycle (loaded once)."""
    return Lifecycle.from_extension(load_spec().lifecycle)
