"""Immutable values the façade returns besides jobs: results, costs, backends, sessions.

Each is small, so it is parsed eagerly from decoded JSON with the readers of `_parse`;
optional fields the server omits or sends as null are None, never `Unset`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from . import _parse as p
from ._errors import ArgumentTypeError, InvalidArgumentError

__all__ = [
    "Backend",
    "Characterization",
    "CharacterizationPage",
    "CostAmount",
    "CostLimit",
    "Fidelity",
    "JobCost",
    "JobEstimate",
    "Probabilities",
    "RateCard",
    "RateCardEntry",
    "Session",
    "SessionSettings",
    "Whoami",
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
        data = p.obj(value, what)
        parsed: dict[int, float] = {}
        for key, prob in data.items():
            if not (key.isascii() and key.isdigit()):
                raise ValueError(f"{what}: state {key!r} is not a decimal integer")
            parsed[int(key)] = p.req_float(prob, f"{what}.{key}")
        return cls(parsed)


def parse_child_probabilities(value: object) -> Mapping[str, Probabilities]:
    """A multi-circuit job's answer: child job id -> its distribution."""
    data = p.obj(value, "probabilities")
    return MappingProxyType(
        {k: Probabilities._from_json(v, f"probabilities.{k}") for k, v in data.items()}
    )


@dataclass(frozen=True, slots=True)
class CostAmount:
    """An amount of money or credit: `unit` is a currency code such as `usd`, or `credit`."""

    value: float
    unit: str

    @classmethod
    def _from_json(cls, value: object, what: str) -> CostAmount:
        data = p.obj(value, what)
        return cls(
            value=p.req_float(data.get("value"), f"{what}.value"),
            unit=p.req_str(data.get("unit"), f"{what}.unit"),
        )


@dataclass(frozen=True, slots=True)
class JobCost:
    """A job's estimated cost, and its billed cost once known."""

    dry_run: bool
    estimated_cost: CostAmount
    cost: CostAmount | None

    @classmethod
    def _from_json(cls, value: object) -> JobCost:
        data = p.obj(value, "cost")
        dry_run = p.opt_bool(data.get("dry_run"), "dry_run")
        cost = data.get("cost")
        return cls(
            dry_run=bool(dry_run),
            estimated_cost=CostAmount._from_json(data.get("estimated_cost"), "estimated_cost"),
            cost=None if cost is None else CostAmount._from_json(cost, "cost"),
        )


@dataclass(frozen=True, slots=True)
class RateCardEntry:
    sku: str
    unit: str
    unit_cost: float | None
    cost_1q_gate: float | None
    cost_2q_gate: float | None
    job_cost_minimum: float | None


@dataclass(frozen=True, slots=True)
class RateCard:
    id: str
    rates: tuple[RateCardEntry, ...]

    @classmethod
    def _from_json(cls, value: object, what: str) -> RateCard:
        data = p.obj(value, what)
        rates = data.get("rates")
        if not isinstance(rates, list):
            raise TypeError(f"{what}.rates: expected a list")
        entries = []
        for i, raw in enumerate(rates):
            w = f"{what}.rates[{i}]"
            e = p.obj(raw, w)
            entries.append(
                RateCardEntry(
                    sku=p.req_str(e.get("sku"), f"{w}.sku"),
                    unit=p.req_str(e.get("unit"), f"{w}.unit"),
                    unit_cost=p.opt_float(e.get("unit_cost"), f"{w}.unit_cost"),
                    cost_1q_gate=p.opt_float(e.get("cost_1q_gate"), f"{w}.cost_1q_gate"),
                    cost_2q_gate=p.opt_float(e.get("cost_2q_gate"), f"{w}.cost_2q_gate"),
                    job_cost_minimum=p.opt_float(
                        e.get("job_cost_minimum"), f"{w}.job_cost_minimum"
                    ),
                )
            )
        return cls(id=p.req_str(data.get("id"), f"{what}.id"), rates=tuple(entries))


@dataclass(frozen=True, slots=True)
class JobEstimate:
    """A cost estimate. Times are in milliseconds; `context` echoes what was estimated."""

    estimated_total_cost: float
    estimated_unit: str
    estimated_execution_time_ms: int
    current_predicted_queue_time_ms: int
    estimated_quantum_compute_time_us: int | None
    estimated_at: str
    rate_card: RateCard
    context: Mapping[str, p.JSONValue]

    @classmethod
    def _from_json(cls, value: object) -> JobEstimate:
        data = p.obj(value, "estimate")
        context = p.freeze(p.obj(data.get("estimate_context"), "estimate_context"))
        assert isinstance(context, Mapping)
        return cls(
            estimated_total_cost=p.req_float(
                data.get("estimated_total_cost"), "estimated_total_cost"
            ),
            estimated_unit=p.req_str(data.get("estimated_unit"), "estimated_unit"),
            estimated_execution_time_ms=p.req_int(
                data.get("estimated_execution_time"), "estimated_execution_time"
            ),
            current_predicted_queue_time_ms=p.req_int(
                data.get("current_predicted_queue_time"), "current_predicted_queue_time"
            ),
            estimated_quantum_compute_time_us=p.opt_int(
                data.get("estimated_quantum_compute_time_us"),
                "estimated_quantum_compute_time_us",
            ),
            estimated_at=p.req_str(data.get("estimated_at"), "estimated_at"),
            rate_card=RateCard._from_json(data.get("rate_card"), "rate_card"),
            context=context,
        )


@dataclass(frozen=True, slots=True)
class Whoami:
    """The API key in use: its id and name, and its project."""

    key_id: str
    key_name: str
    project_id: str | None

    @classmethod
    def _from_json(cls, value: object) -> Whoami:
        data = p.obj(value, "whoami")
        return cls(
            key_id=p.req_str(data.get("key_id"), "key_id"),
            key_name=p.req_str(data.get("key_name"), "key_name"),
            project_id=p.opt_str(data.get("project_id"), "project_id"),
        )


@dataclass(frozen=True, slots=True)
class Backend:
    """A backend. `status` is e.g. `available`; `average_queue_time_ms` in milliseconds."""

    name: str
    status: str
    qubits: int
    average_queue_time_ms: float
    last_updated: str
    degraded: bool | None
    characterization_id: str | None
    location: str | None
    kw: float | None
    supported_gates: tuple[str, ...]
    supported_native_gates: tuple[str, ...]
    supported_error_mitigations: tuple[str, ...]

    @classmethod
    def _from_json(cls, value: object) -> Backend:
        d = p.obj(value, "backend")
        return cls(
            name=p.req_str(d.get("backend"), "backend"),
            status=p.req_str(d.get("status"), "status"),
            qubits=p.req_int(d.get("qubits"), "qubits"),
            average_queue_time_ms=p.req_float(d.get("average_queue_time"), "average_queue_time"),
            last_updated=p.req_str(d.get("last_updated"), "last_updated"),
            degraded=p.opt_bool(d.get("degraded"), "degraded"),
            characterization_id=p.opt_str(d.get("characterization_id"), "characterization_id"),
            location=p.opt_str(d.get("location"), "location"),
            kw=p.opt_float(d.get("kw"), "kw"),
            supported_gates=p.opt_str_tuple(d.get("supported_gates"), "supported_gates") or (),
            supported_native_gates=p.opt_str_tuple(
                d.get("supported_native_gates"), "supported_native_gates"
            )
            or (),
            supported_error_mitigations=p.opt_str_tuple(
                d.get("supported_error_mitigations"), "supported_error_mitigations"
            )
            or (),
        )


def parse_backends(value: object) -> tuple[Backend, ...]:
    if not isinstance(value, list):
        raise TypeError(f"backends: expected a list, got {type(value).__name__}")
    return tuple(Backend._from_json(b) for b in value)


@dataclass(frozen=True, slots=True)
class Fidelity:
    median: float
    stderr: float | None


@dataclass(frozen=True, slots=True)
class Characterization:
    """A backend characterization. `fidelity` and `timing` are keyed as the API keys them
    (`spam`, `1q`, `2q`; `t1`, `t2`, `1q`, `2q`, `readout`, `reset`)."""

    id: str
    backend: str
    date: str
    qubits: int
    connectivity: tuple[tuple[int, ...], ...]
    fidelity: Mapping[str, Fidelity]
    timing: Mapping[str, float]

    @classmethod
    def _from_json(cls, value: object, what: str = "characterization") -> Characterization:
        d = p.obj(value, what)
        connectivity = d.get("connectivity") or []
        if not isinstance(connectivity, list):
            raise TypeError(f"{what}.connectivity: expected a list")
        edges = tuple(
            tuple(p.req_int(q, f"{what}.connectivity[{i}]") for q in _list(edge, what))
            for i, edge in enumerate(connectivity)
        )
        fidelity: dict[str, Fidelity] = {}
        for key, raw in p.obj(d.get("fidelity") or {}, f"{what}.fidelity").items():
            f = p.obj(raw, f"{what}.fidelity.{key}")
            fidelity[key] = Fidelity(
                median=p.req_float(f.get("median"), f"{what}.fidelity.{key}.median"),
                stderr=p.opt_float(f.get("stderr"), f"{what}.fidelity.{key}.stderr"),
            )
        timing = {
            key: p.req_float(v, f"{what}.timing.{key}")
            for key, v in p.obj(d.get("timing") or {}, f"{what}.timing").items()
        }
        return cls(
            id=p.req_str(d.get("id"), f"{what}.id"),
            backend=p.req_str(d.get("backend"), f"{what}.backend"),
            date=p.req_str(d.get("date"), f"{what}.date"),
            qubits=p.req_int(d.get("qubits"), f"{what}.qubits"),
            connectivity=edges,
            fidelity=MappingProxyType(fidelity),
            timing=MappingProxyType(timing),
        )


def _list(value: object, what: str) -> list[object]:
    if not isinstance(value, list):
        raise TypeError(f"{what}: expected a list, got {type(value).__name__}")
    return value


@dataclass(frozen=True, slots=True)
class CharacterizationPage:
    """A page of characterizations, newest first; `pages` is how many pages remain."""

    characterizations: tuple[Characterization, ...]
    pages: int | None

    @classmethod
    def _from_json(cls, value: object) -> CharacterizationPage:
        d = p.obj(value, "page")
        items = _list(d.get("characterizations"), "characterizations")
        return cls(
            characterizations=tuple(
                Characterization._from_json(c, f"characterizations[{i}]")
                for i, c in enumerate(items)
            ),
            pages=p.opt_int(d.get("pages"), "pages"),
        )


@dataclass(frozen=True, slots=True)
class CostLimit:
    """A session's spending cap: `value` in `unit` (e.g. `usd`)."""

    value: float
    unit: str

    def __post_init__(self) -> None:
        # Checked here, not at the request: a NaN would only fail inside httpx's encoder.
        if isinstance(self.value, bool) or not isinstance(self.value, (int, float)):
            raise ArgumentTypeError(
                f"CostLimit.value must be a number, not {type(self.value).__name__}"
            )
        if not math.isfinite(self.value) or self.value < 0:
            raise InvalidArgumentError(
                f"CostLimit.value must be finite and >= 0, not {self.value}"
            )
        if not isinstance(self.unit, str) or not self.unit:
            raise ArgumentTypeError("CostLimit.unit must be a non-empty str, such as 'usd'")

    @classmethod
    def _from_json(cls, value: object) -> CostLimit:
        amount = CostAmount._from_json(value, "settings.cost_limit")
        return cls(value=amount.value, unit=amount.unit)


@dataclass(frozen=True, slots=True)
class SessionSettings:
    job_count_limit: int | None
    duration_limit_min: int | None
    cost_limit: CostLimit | None
    expires_at: str | None


@dataclass(frozen=True, slots=True)
class Session:
    """A session. `status` is e.g. `created`, `started` or `ended` (kept as sent)."""

    id: str
    status: str
    active: bool | None
    backend: str | None
    created_at: datetime | None
    started_at: datetime | None
    ended_at: datetime | None
    organization_id: str | None
    project_id: str | None
    creator_id: str | None
    ender_id: str | None
    settings: SessionSettings | None

    @classmethod
    def _from_json(cls, value: object, what: str = "session") -> Session:
        d = p.obj(value, what)
        settings = None
        if d.get("settings") is not None:
            s = p.obj(d["settings"], f"{what}.settings")
            limit = s.get("cost_limit")
            settings = SessionSettings(
                job_count_limit=p.opt_int(s.get("job_count_limit"), "settings.job_count_limit"),
                duration_limit_min=p.opt_int(
                    s.get("duration_limit_min"), "settings.duration_limit_min"
                ),
                cost_limit=None if limit is None else CostLimit._from_json(limit),
                expires_at=p.opt_str(s.get("expires_at"), "settings.expires_at"),
            )
        return cls(
            id=p.req_str(d.get("id"), f"{what}.id"),
            status=p.req_str(d.get("status"), f"{what}.status"),
            active=p.opt_bool(d.get("active"), f"{what}.active"),
            backend=p.opt_str(d.get("backend"), f"{what}.backend"),
            created_at=p.opt_time(d.get("created_at"), f"{what}.created_at"),
            started_at=p.opt_time(d.get("started_at"), f"{what}.started_at"),
            ended_at=p.opt_time(d.get("ended_at"), f"{what}.ended_at"),
            organization_id=p.opt_str(d.get("organization_id"), f"{what}.organization_id"),
            project_id=p.opt_str(d.get("project_id"), f"{what}.project_id"),
            creator_id=p.opt_str(d.get("creator_id"), f"{what}.creator_id"),
            ender_id=p.opt_str(d.get("ender_id"), f"{what}.ender_id"),
            settings=settings,
        )


def parse_sessions(value: object) -> tuple[Session, ...]:
    d = p.obj(value, "sessions")
    items = _list(d.get("sessions"), "sessions")
    return tuple(Session._from_json(s, f"sessions[{i}]") for i, s in enumerate(items))
