"""Typed values for IonQ's result formats, and where a job's results are read from.

One class per format (the flat v1 probabilities are `Probabilities`, in `_models`):

- `Histogram` (`ionq.result.histogram.json.v1`): basis state (int) -> shot count.
- `Shots` (`ionq.result.shots.json.v1`): each shot's basis state, in the order they ran.
- `RegisterDistributions` (`...probabilities.json.v2` and `...histogram.json.v2`): per
  classical register, bitstring -> probability (or count).
- `RegisterShots` (`...shots.json.v2`): per shot, each register's bits (bit i at index i).
- `CompiledCircuit` (`ionq.native.v1`, under `output.compilation`): the circuit IonQ
  compiled the job to, in native gates.

A job's `results` may hold artifact descriptors keyed by format, short-name links
(`probabilities`, `histogram`, `shots`), or both; `result_call` picks the descriptor
when there is one, else the link, so either shape is read.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar, cast
from urllib.parse import urlsplit

from ionq_facade._generated.tables import RESULT_LINKS, CircuitFormat, Key, ResultFormat
from ionq_facade._generated.views import HistogramV2, ProbabilitiesV2, ShotsV2

from ._circuits import Gate, NativeCircuit
from ._config import TimeoutTypes
from ._errors import InvalidArgumentError
from ._flow import Call
from ._models import Job

__all__ = [
    "CompiledCircuit",
    "Histogram",
    "NoCompiledCircuitError",
    "RegisterDistributions",
    "RegisterShots",
    "Shots",
    "compiled_artifact",
    "result_call",
]

T = TypeVar("T")


def _frozen_counts(data: Mapping[int, float]) -> Mapping[int, float]:
    return MappingProxyType(dict(data))


def _frozen_registers(data: Mapping[str, Mapping[str, float]]) -> Mapping[str, Mapping[str, float]]:
    return MappingProxyType({name: MappingProxyType(dict(d)) for name, d in data.items()})


def _state(value: object, what: str) -> int:
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return _int(value, what)


# dataclasses, not attrs: httpx already imports dataclasses, and attrs would add about 9 ms
# to `import ionq_facade` (benchmarks, case 5). Each __post_init__ stores a read-only copy,
# which pickles through __reduce__ as plain dicts.
@dataclass(frozen=True, slots=True)
class Histogram:
    """Shots per basis state (qubit 0 the least significant bit). On IonQ's ideal
    simulator, which does not sample, the counts are expected counts (may be fractional)."""

    counts: Mapping[int, float]

    def __post_init__(self) -> None:
        object.__setattr__(self, "counts", _frozen_counts(self.counts))

    def __reduce__(self) -> tuple[type[Histogram], tuple[object]]:
        return Histogram, (dict(self.counts),)  # a mappingproxy does not pickle

    @property
    def total(self) -> float:
        return sum(self.counts.values())

    @classmethod
    def _from_json(cls, value: object) -> Histogram:
        what = ResultFormat.HISTOGRAM_V1
        data = _obj(value, what)
        return cls({_state(k, f"{what} key {k!r}"): _float(v, f"{what}[{k!r}]")
                    for k, v in data.items()})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Shots:
    """Every shot's basis state as an integer, in the order the shots ran."""

    outcomes: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.outcomes)

    def histogram(self) -> Histogram:
        counts: dict[int, float] = {}
        for state in self.outcomes:
            counts[state] = counts.get(state, 0.0) + 1.0
        return Histogram(counts)

    @classmethod
    def _from_json(cls, value: object) -> Shots:
        what = ResultFormat.SHOTS_V1
        if not isinstance(value, list):
            raise TypeError(f"{what}: expected a list, got {type(value).__name__}")
        return cls(tuple(_state(s, f"{what}[{i}]") for i, s in enumerate(value)))


@dataclass(frozen=True, slots=True)
class RegisterDistributions:
    """Per classical register: zero-padded bitstring (bit 0 rightmost) -> probability, or
    shot count for a histogram."""

    registers: Mapping[str, Mapping[str, float]]

    def __post_init__(self) -> None:
        object.__setattr__(self, "registers", _frozen_registers(self.registers))

    def __reduce__(self) -> tuple[type[RegisterDistributions], tuple[object]]:
        return RegisterDistributions, ({n: dict(d) for n, d in self.registers.items()},)

    def __getitem__(self, register: str) -> Mapping[str, float]:
        return self.registers[register]

    @classmethod
    def _probabilities_from_json(cls, value: object) -> RegisterDistributions:
        return cls(ProbabilitiesV2._parse(value).probabilities.registers)

    @classmethod
    def _histogram_from_json(cls, value: object) -> RegisterDistributions:
        return cls(HistogramV2._parse(value).histogram.registers)


@dataclass(frozen=True, slots=True)
class RegisterShots:
    """Per shot, in order: each register's measured bits (element i is bit i)."""

    shots: tuple[Mapping[str, tuple[int, ...]], ...]

    def __post_init__(self) -> None:
        frozen = tuple(MappingProxyType(dict(shot)) for shot in self.shots)
        object.__setattr__(self, "shots", frozen)

    def __reduce__(self) -> tuple[type[RegisterShots], tuple[object]]:
        return RegisterShots, (tuple(dict(shot) for shot in self.shots),)

    def __len__(self) -> int:
        return len(self.shots)

    def register(self, name: str) -> tuple[tuple[int, ...], ...]:
        """One register's bits, shot by shot."""
        return tuple(shot[name] for shot in self.shots)

    @classmethod
    def _from_json(cls, value: object) -> RegisterShots:
        return cls(tuple(
            {
                name: tuple(_bit(b, f"{ResultFormat.SHOTS_V2} shot {i}, {name}") for b in bits)
                for name, bits in shot.registers.items()
            }
            for i, shot in enumerate(ShotsV2._parse(value).shots)
        ))  # fmt: skip


@dataclass(frozen=True, slots=True)
class CompiledCircuit:
    """A job's circuit as IonQ compiled it (`ionq.native.v1`): native gates (GPI, GPI2,
    MS, ZZ; phases and angles in turns) over `qubits` qubits, in the order they run."""

    qubits: int
    gates: tuple[Gate, ...]

    def to_circuit(self) -> NativeCircuit:
        """The same gates as a `NativeCircuit`, e.g. to submit or simulate it."""
        gates = [gate.to_dict() for gate in self.gates]
        return NativeCircuit.from_dict({Key.QUBITS: self.qubits, Key.CIRCUIT: gates})

    @classmethod
    def _from_json(cls, value: object) -> CompiledCircuit:
        data = _obj(value, CircuitFormat.NATIVE_V1)
        unexpected = sorted(set(data) - {Key.QUBITS, Key.CIRCUIT})
        if unexpected or Key.QUBITS not in data:
            raise TypeError(
                f"{CircuitFormat.NATIVE_V1}: expected {{qubits, circuit}}, got keys {sorted(data)}"
            )
        try:  # the gates are checked as a submitted native circuit's are
            circuit = NativeCircuit.from_dict(data)
        except InvalidArgumentError as exc:
            raise TypeError(f"{CircuitFormat.NATIVE_V1}: {exc}") from None
        return cls(circuit.qubits, circuit.gates)


class NoCompiledCircuitError(InvalidArgumentError):
    """The job has no compiled circuit of the format asked for; `formats` are those it has."""

    formats: tuple[str, ...]

    def __init__(self, job_id: str, fmt: str, formats: Sequence[str]) -> None:
        self.formats = tuple(formats)
        super().__init__(
            f"job {job_id} has no {fmt} compiled circuit "
            f"(it has: {', '.join(self.formats) or 'none'})"
        )


def compiled_artifact(job: Job, fmt: str) -> str:
    """The artifact id of `job`'s compiled circuit in format `fmt`."""
    compilation = job.output.compilation if job.output is not None else None
    circuits = compilation.compiled_circuits if compilation is not None else {}
    descriptor = circuits.get(fmt)
    if descriptor is None:
        raise NoCompiledCircuitError(job.id, fmt, sorted(circuits))
    return descriptor.id


# Type errors here become APIResponseValidationError (with the body) in the transport.
def _int(value: object, what: str) -> int:
    if type(value) is not int:
        raise TypeError(f"{what}: expected an integer, got {value!r}")
    return value


def _bit(value: float, what: str) -> int:
    # IonQ types a bit as a number (ShotRegisters): 1 and 1.0 are both bit 1.
    if value not in (0, 1):
        raise TypeError(f"{what}: expected a bit (0 or 1), got {value!r}")
    return int(value)


def _float(value: object, what: str) -> float:
    if type(value) not in (int, float) or not math.isfinite(cast(float, value)):
        raise TypeError(f"{what}: expected a finite number, got {value!r}")
    return float(cast(float, value))


def _obj(value: object, what: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise TypeError(f"{what}: expected an object, got {type(value).__name__}")
    return value


def result_call(
    job: Job,
    fmt: str,
    base_url: str,
    parse: Callable[[object], T],
    timeout: TimeoutTypes | None = None,
) -> Call[T]:
    """The request of `job`'s result in format `fmt`, read with `parse`."""
    results = job.results
    if results is None:
        raise InvalidArgumentError(f"job {job.id} has no results ({job.raw_status})")
    descriptor = results.artifacts.get(fmt)
    if descriptor is not None:
        from ionq_facade._generated.api.jobs import get_job_artifact

        request = get_job_artifact._get_kwargs(job.id, descriptor.id)
        return Call.of(request, parse, timeout=timeout)
    link = results.links.get(RESULT_LINKS.get(fmt, ""))
    if link is None:
        available = sorted({*results.artifacts, *results.links})
        raise InvalidArgumentError(
            f"job {job.id} has no {fmt} result (it has: {', '.join(available) or 'none'})"
        )
    prefix = urlsplit(base_url).path.rstrip("/")
    path = urlsplit(link).path
    if urlsplit(link).netloc or not path.startswith(prefix + "/"):
        # A link is relative to the API host; one elsewhere would get the API key.
        raise InvalidArgumentError(f"job {job.id}'s {fmt} link {link!r} is not under {base_url}")
    return Call("GET", path.removeprefix(prefix), parse, timeout=timeout)
