"""The façade's values: the generated, checked views of the contract, and `Probabilities`.

Every response object is a view generated from openapi.yaml (`ionq_facade._generated.views`, see
scripts/views_codegen.py): typed attributes checked as they are read, unknown keys kept,
immutable, compared by content. Only what the spec cannot say is written here: a
distribution keyed by basis state as an integer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType

from ionq_facade._generated.views import (
    Backend,
    Characterization,
    CharacterizationPage,
    Compilation,
    CompilationOutput,
    CostAmount,
    CostLimit,
    ErrorMitigation,
    EstimateContext,
    Fidelity,
    Job,
    JobCost,
    JobDeleted,
    JobEstimate,
    JobFailure,
    JobOptions,
    JobOutput,
    JobOverrides,
    JobPage,
    JobRef,
    JobResults,
    JobsCanceled,
    JobsDeleted,
    JobStats,
    JSONValue,
    Noise,
    RateCard,
    RateCardEntry,
    ResultArtifact,
    Session,
    SessionList,
    SessionSettings,
    Settings,
    Whoami,
    _float,
    _map,
)

__all__ = [
    "Backend",
    "Characterization",
    "CharacterizationPage",
    "Compilation",
    "CompilationOutput",
    "CostAmount",
    "CostLimit",
    "ErrorMitigation",
    "EstimateContext",
    "Fidelity",
    "JSONValue",
    "Job",
    "JobCost",
    "JobDeleted",
    "JobEstimate",
    "JobFailure",
    "JobOptions",
    "JobOutput",
    "JobOverrides",
    "JobPage",
    "JobRef",
    "JobResults",
    "JobStats",
    "JobsCanceled",
    "JobsDeleted",
    "Noise",
    "Probabilities",
    "RateCard",
    "RateCardEntry",
    "ResultArtifact",
    "Session",
    "SessionList",
    "SessionSettings",
    "Settings",
    "Whoami",
    "parse_child_probabilities",
]


class Probabilities(Mapping[int, float]):
    """A probability distribution: basis state (as an integer) -> probability.

    The API keys states by decimal integer strings ("0", "3"); `bitstring(state, n)`
    spells a state with `n` qubits, qubit 0 being the least significant bit.
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[int, float]) -> None:
        self._data: Mapping[int, float] = MappingProxyType(dict(data))

    def __getitem__(self, state: int) -> float:
        return self._data[state]

    def __iter__(self) -> Iterator[int]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"Probabilities({dict(self._data)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._data) == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    @staticmethod
    def bitstring(state: int, qubits: int) -> str:
        """`state` as `qubits` binary digits, most significant first."""
        return format(state, f"0{qubits}b")

    @classmethod
    def _from_json(cls, value: object, what: str = "probabilities") -> Probabilities:
        parsed: dict[int, float] = {}
        for key, prob in _map(value, what, lambda x: _float(x, f"{what}[]")).items():
            if not (key.isascii() and key.isdigit()):
                raise ValueError(f"{what}: state {key!r} is not a decimal integer")
            parsed[int(key)] = prob
        return cls(parsed)


def parse_child_probabilities(value: object) -> Mapping[str, Probabilities]:
    """A multi-circuit job's answer: child job id -> its distribution."""
    return _map(value, "probabilities", lambda v: Probabilities._from_json(v, "probabilities[]"))
