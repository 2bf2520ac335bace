"""Circuit builders: QIS and native gate lists, and OpenQASM 3 programs.

`Circuit` (the abstract `qis` gateset) and `NativeCircuit` (hardware-native gates) are
fluent builders: every method checks its arguments against the circuit before the gate is
added, so a bad circuit fails where it is written rather than as a 400 at submission.
JSON read back with `from_dict` is untrusted and goes through exactly the same checks.
Both produce the generated request models of `ionq_facade._generated`; `QASM3` wraps program source.

Units follow IonQ: qis rotations are in radians, native phases and angles in turns.
"""

from __future__ import annotations

import math
import numbers
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal, NamedTuple, Self, TypeAlias

from ._errors import ArgumentTypeError, InvalidArgumentError

if TYPE_CHECKING:
    # Imported lazily at run time: `ionq_facade._generated` pulls in httpx, and building a circuit
    # should not have to pay for that.
    from ionq_facade._generated import models as api

__all__ = [
    "QASM3",
    "AnyCircuit",
    "Circuit",
    "Gate",
    "GateCircuit",
    "GateCounts",
    "Gateset",
    "NativeCircuit",
    "input_from_dict",
]

Gateset: TypeAlias = Literal["qis", "native"]

_Controls = Literal["never", "optional", "required"]


@dataclass(frozen=True, slots=True)
class _Spec:
    """What one gate takes."""

    arity: int | None  # number of targets; None means one or more (pauliexp)
    controls: _Controls
    params: tuple[str, ...] = ()  # parameter fields, all required unless defaulted
    defaults: Mapping[str, float] = field(default_factory=dict)


_ONE_QUBIT_QIS: Final = ("x", "y", "z", "h", "s", "si", "v", "vi", "t", "ti", "not")

_SPECS: Final[Mapping[Gateset, Mapping[str, _Spec]]] = {
    "qis": {
        **{name: _Spec(1, "optional") for name in _ONE_QUBIT_QIS},
        **{name: _Spec(1, "optional", ("rotation",)) for name in ("rx", "ry", "rz")},
        "cnot": _Spec(1, "required"),
        "swap": _Spec(2, "never"),
        **{name: _Spec(2, "never", ("rotation",)) for name in ("xx", "yy", "zz")},
        "pauliexp": _Spec(None, "never", ("terms", "coefficients", "time")),
    },
    "native": {
        "gpi": _Spec(1, "never", ("phase",)),
        "gpi2": _Spec(1, "never", ("phase",)),
        # IonQ defaults the MS angle to a fully entangling quarter turn.
        "ms": _Spec(2, "never", ("phases", "angle"), {"angle": 0.25}),
        "zz": _Spec(2, "never", ("angle",)),
    },
}

# Gates written with a scalar `target` in JSON (the rest use a `targets` list). A name in
# both gatesets (zz) has the same arity in both, so one set serves both.
_SCALAR_TARGET: Final = frozenset(
    name for specs in _SPECS.values() for name, spec in specs.items() if spec.arity == 1
)
_PARAM_FIELDS: Final = ("rotation", "phase", "phases", "angle", "terms", "coefficients", "time")
_PAULI_LETTERS: Final = frozenset("IXYZ")
# Builder method for a gate whose name is a Python keyword.
_METHOD_NAMES: Final = {"not": "not_"}
_REPR_GATES: Final = 12
_REPR_SOURCE: Final = 60


class GateCounts(NamedTuple):
    """Gates as written (before compilation), split by how many qubits each touches.

    A gate counts as two-qubit when it touches two or more qubits, controls included;
    a multi-controlled gate or a many-qubit `pauliexp` counts once.
    """

    one_qubit: int
    two_qubit: int

    @property
    def total(self) -> int:
        return self.one_qubit + self.two_qubit


@dataclass(frozen=True, slots=True)
class Gate:
    """One checked gate, with the fields IonQ's JSON gives it.

    `targets` always holds the target qubits (one for single-target gates), `controls`
    the control qubits. Parameters not used by the gate are None.
    """

    gate: str
    targets: tuple[int, ...]
    controls: tuple[int, ...] = ()
    rotation: float | None = None
    phase: float | None = None
    phases: tuple[float, float] | None = None
    angle: float | None = None
    terms: tuple[str, ...] | None = None
    coefficients: tuple[float, ...] | None = None
    time: float | None = None

    @property
    def qubits(self) -> tuple[int, ...]:
        """Every qubit the gate touches: controls, then targets."""
        return self.controls + self.targets

    def to_dict(self) -> dict[str, Any]:
        """The gate as IonQ's JSON, with unused fields omitted."""
        out: dict[str, Any] = {"gate": self.gate}
        if self.gate == "cnot" and len(self.controls) == 1:
            out["control"] = self.controls[0]
        elif self.controls:
            out["controls"] = list(self.controls)
        if self.gate in _SCALAR_TARGET:
            out["target"] = self.targets[0]
        else:
            out["targets"] = list(self.targets)
        for name in _PARAM_FIELDS:
            value = getattr(self, name)
            if value is not None:
                out[name] = list(value) if isinstance(value, tuple) else value
        return out

    def __repr__(self) -> str:
        # The builder call that adds this gate.
        if self.gate == "cnot":
            control = self.controls[0] if len(self.controls) == 1 else list(self.controls)
            args = [repr(control), str(self.targets[0])]
        elif self.gate == "pauliexp":
            args = [repr(list(self.targets))]
        else:
            args = [str(t) for t in self.targets]
        for name in _PARAM_FIELDS:
            value = getattr(self, name)
            if value is not None:
                args.append(f"{name}={value!r}")
        if self.controls and self.gate != "cnot":
            args.append(f"controls={list(self.controls)!r}")
        return f"{_METHOD_NAMES.get(self.gate, self.gate)}({', '.join(args)})"


# --- argument checks (shared by the builders and by from_dict) -------------------------


def _brief(value: object) -> str:
    """A short repr for messages: input can be huge, and repr itself can fail."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"{'-' if value < 0 else ''}<{value.bit_length()}-bit int>"
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not replace our error with its own
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= 40 else text[:37] + "..."


def _show(value: object) -> str:
    return f"{_brief(value)} ({type(value).__name__})"


def _int(value: object) -> int | None:
    """`value` as an int if it is an integer (numpy's too), but not a bool."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        return None
    return int(value)


def _qubit_count(value: object, where: str) -> int:
    count = _int(value)
    if count is None:
        raise ArgumentTypeError(f"{where}: qubits must be an int, got {_show(value)}")
    if count < 1:
        raise InvalidArgumentError(f"{where}: qubits must be at least 1, got {_brief(count)}")
    return count


def _qubit(value: object, what: str, gate: str, qubits: int | None) -> int:
    index = _int(value)
    if index is None:
        raise ArgumentTypeError(f"{gate}: {what} must be an int qubit index, got {_show(value)}")
    if index < 0 or (qubits is not None and index >= qubits):
        bound = f"the circuit has {qubits}: 0..{qubits - 1}" if qubits is not None else "0 or more"
        raise InvalidArgumentError(f"{gate}: {what} {_brief(index)} is not a qubit ({bound})")
    return index


def _sequence(value: object, what: str, gate: str) -> Sequence[object]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ArgumentTypeError(f"{gate}: {what} must be a list, got {_show(value)}")
    return value


def _qubit_list(value: object, what: str, gate: str, qubits: int | None) -> tuple[int, ...]:
    return tuple(_qubit(q, what, gate, qubits) for q in _sequence(value, what, gate))


def _controls_arg(value: object, gate: str, qubits: int | None) -> tuple[int, ...]:
    """A builder's control argument: one index, or a list of them."""
    if _int(value) is not None:
        return (_qubit(value, "control", gate, qubits),)
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ArgumentTypeError(
            f"{gate}: controls must be an int qubit index or a list of them, got {_show(value)}"
        )
    return _qubit_list(value, "controls", gate, qubits)


def _real(value: object, what: str, gate: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ArgumentTypeError(f"{gate}: {what} must be a real number, got {_show(value)}")
    try:
        number = float(value)
    except (OverflowError, ValueError) as exc:
        raise InvalidArgumentError(f"{gate}: {what} is not representable: {exc}") from None
    if not math.isfinite(number):
        raise InvalidArgumentError(f"{gate}: {what} must be finite, got {number}")
    return number


def _reals(value: object, what: str, gate: str) -> tuple[float, ...]:
    return tuple(_real(v, what, gate) for v in _sequence(value, what, gate))


def _terms(value: object, width: int, gate: str) -> tuple[str, ...]:
    terms: list[str] = []
    for term in _sequence(value, "terms", gate):
        if not isinstance(term, str):
            raise ArgumentTypeError(f"{gate}: terms must be strings, got {_show(term)}")
        if len(term) != width or not set(term) <= _PAULI_LETTERS:
            raise InvalidArgumentError(
                f"{gate}: term {_brief(term)} must be {width} letters from 'IXYZ' (one per target)"
            )
        terms.append(term)
    return tuple(terms)


def _make_gate(
    gateset: Gateset,
    name: str,
    targets: tuple[int, ...],
    controls: tuple[int, ...],
    params: Mapping[str, object],
) -> Gate:
    """Check a gate whose qubit indices are already checked; the one place gates are made."""
    spec = _SPECS[gateset][name]
    if spec.arity is not None and len(targets) != spec.arity:
        plural = "" if spec.arity == 1 else "s"
        raise InvalidArgumentError(f"{name}: takes {spec.arity} target{plural}, got {len(targets)}")
    if not targets:
        raise InvalidArgumentError(f"{name}: needs at least one target")
    if spec.controls == "never" and controls:
        raise InvalidArgumentError(f"{name}: takes no controls, got {list(controls)}")
    if spec.controls == "required" and not controls:
        raise InvalidArgumentError(f"{name}: needs a control qubit")
    seen: set[int] = set()
    for q in controls + targets:
        if q in seen:
            raise InvalidArgumentError(
                f"{name}: qubit {q} is used twice (controls {list(controls)}, "
                f"targets {list(targets)}); a gate's qubits must be distinct"
            )
        seen.add(q)

    values: dict[str, Any] = {}
    for param in spec.params:
        if param in params:
            raw = params[param]
        elif param in spec.defaults:
            raw = spec.defaults[param]
        else:
            raise InvalidArgumentError(f"{name}: missing {param!r}")
        if param in ("rotation", "phase", "angle", "time"):
            values[param] = _real(raw, param, name)
        elif param == "phases":
            phases = _reals(raw, param, name)
            if len(phases) != 2:
                raise InvalidArgumentError(f"{name}: phases must be 2 numbers, got {len(phases)}")
            values[param] = phases
        elif param == "coefficients":
            values[param] = _reals(raw, param, name)
        else:  # terms
            values[param] = _terms(raw, len(targets), name)
    if name == "pauliexp":
        if not values["terms"]:
            raise InvalidArgumentError(f"{name}: needs at least one term")
        if len(values["coefficients"]) != len(values["terms"]):
            raise InvalidArgumentError(
                f"{name}: {len(values['terms'])} terms but "
                f"{len(values['coefficients'])} coefficients; they must pair up"
            )
        # IonQ's published gate model requires a strictly positive evolution time.
        if values["time"] <= 0:
            raise InvalidArgumentError(f"{name}: time must be positive, got {values['time']}")
    return Gate(gate=name, targets=targets, controls=controls, **values)


def _gate_from_json(gateset: Gateset, raw: object, qubits: int | None) -> Gate:
    if not isinstance(raw, Mapping):
        raise ArgumentTypeError(f"a gate must be a JSON object, got {_show(raw)}")
    if "gate" not in raw:
        raise InvalidArgumentError("missing 'gate'")
    name = raw["gate"]
    specs = _SPECS[gateset]
    if not isinstance(name, str):
        raise ArgumentTypeError(f"'gate' must be a string, got {_show(name)}")
    if name not in specs:
        raise InvalidArgumentError(
            f"unknown {gateset} gate {_brief(name)} (known: {', '.join(sorted(specs))})"
        )
    spec = specs[name]
    allowed = {"gate", "target", "targets", *spec.params}
    if spec.controls != "never":
        allowed |= {"control", "controls"}
    unexpected = [key for key in raw if key not in allowed]
    if unexpected:
        raise InvalidArgumentError(
            f"{name}: unexpected field(s) {', '.join(map(_brief, unexpected))} "
            f"(allowed: {', '.join(sorted(allowed))})"
        )
    for one, many in (("target", "targets"), ("control", "controls")):
        if one in raw and many in raw:
            raise InvalidArgumentError(f"{name}: give {one!r} or {many!r}, not both")
    if "target" in raw:
        targets: tuple[int, ...] = (_qubit(raw["target"], "target", name, qubits),)
    elif "targets" in raw:
        targets = _qubit_list(raw["targets"], "targets", name, qubits)
    else:
        raise InvalidArgumentError(f"{name}: missing 'target'")
    controls: tuple[int, ...] = ()
    if "control" in raw:
        controls = (_qubit(raw["control"], "control", name, qubits),)
    elif "controls" in raw:
        controls = _qubit_list(raw["controls"], "controls", name, qubits)
    params = {key: raw[key] for key in spec.params if key in raw}
    return _make_gate(gateset, name, targets, controls, params)


def _check_name(name: object, where: str) -> str | None:
    if name is not None and not isinstance(name, str):
        raise ArgumentTypeError(f"{where}: name must be a string or None, got {_show(name)}")
    return name


def _json_object(data: object, where: str) -> Mapping[str, object]:
    if not isinstance(data, Mapping):
        raise ArgumentTypeError(f"{where}: expected a JSON object, got {_show(data)}")
    return data


# --- gate-list circuits -------------------------------------------------------------------


class GateCircuit(ABC):
    """A gate-list circuit of either gateset: what `Circuit` and `NativeCircuit` share.

    Annotate with this where either will do (a list mixing both is a `list[GateCircuit]`
    to a type checker).
    """

    gateset: ClassVar[Gateset]
    job_type: ClassVar[str] = "ionq.circuit.v1"

    __slots__ = ("_gates", "_name", "_qubits")

    def __init__(self, qubits: int, *, name: str | None = None) -> None:
        where = type(self).__name__
        self._qubits = _qubit_count(qubits, where)
        self._name = _check_name(name, where)
        self._gates: list[Gate] = []

    @property
    def qubits(self) -> int:
        return self._qubits

    @property
    def name(self) -> str | None:
        return self._name

    @property
    def gates(self) -> tuple[Gate, ...]:
        return tuple(self._gates)

    def __len__(self) -> int:
        return len(self._gates)

    def __iter__(self) -> Iterator[Gate]:
        return iter(tuple(self._gates))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, GateCircuit)
        return (self._qubits, self._name, self._gates) == (
            other._qubits,
            other._name,
            other._gates,
        )

    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # mutable: gates can be added

    def __repr__(self) -> str:
        head = f"{type(self).__name__}({self._qubits}"
        head += f", name={self._name!r})" if self._name is not None else ")"
        shown = "".join(f".{gate!r}" for gate in self._gates[:_REPR_GATES])
        more = len(self._gates) - _REPR_GATES
        return head + shown + (f"... <{more} more gates>" if more > 0 else "")

    def copy(self, *, name: str | None = None) -> Self:
        """An independent copy (renamed if `name` is given)."""
        clone = type(self)(self._qubits, name=self._name if name is None else name)
        clone._gates = list(self._gates)
        return clone

    def gate_counts(self) -> GateCounts:
        """How many gates touch one qubit, and how many touch two or more."""
        two = sum(1 for gate in self._gates if len(gate.qubits) > 1)
        return GateCounts(one_qubit=len(self._gates) - two, two_qubit=two)

    def to_dict(self) -> dict[str, Any]:
        """The JSON the API gets as a job's `input`."""
        return {
            "gateset": self.gateset,
            "qubits": self._qubits,
            "circuit": [gate.to_dict() for gate in self._gates],
        }

    def _multi_dict(self) -> dict[str, Any]:
        """The JSON of this circuit as an entry of a multi-circuit job."""
        entry = self.to_dict()
        if self._name is not None:
            entry["name"] = self._name
        return entry

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Read a circuit back from its JSON (a job `input` or a multi-circuit entry).

        The data is checked like builder arguments; anything wrong raises
        `InvalidArgumentError` (`ArgumentTypeError` for wrong types). A missing `qubits`
        is inferred from the highest index used.
        """
        where = f"{cls.__name__}.from_dict"
        obj = _json_object(data, where)
        unexpected = [key for key in obj if key not in ("gateset", "qubits", "circuit", "name")]
        if unexpected:
            raise InvalidArgumentError(
                f"{where}: unexpected field(s) {', '.join(map(_brief, unexpected))} "
                "(allowed: circuit, gateset, name, qubits)"
            )
        gateset = obj.get("gateset", cls.gateset)
        if gateset != cls.gateset:
            raise InvalidArgumentError(
                f"{where}: gateset is {_brief(gateset)}, expected {cls.gateset!r}"
            )
        if "circuit" not in obj:
            raise InvalidArgumentError(f"{where}: missing 'circuit'")
        name = _check_name(obj.get("name"), where)
        qubits = _qubit_count(obj["qubits"], where) if "qubits" in obj else None
        gates: list[Gate] = []
        for i, raw in enumerate(_sequence(obj["circuit"], "circuit", where)):
            try:
                gates.append(_gate_from_json(cls.gateset, raw, qubits))
            except InvalidArgumentError as exc:
                raise type(exc)(f"{where}: circuit[{i}]: {exc}") from None
        if qubits is None:
            if not gates:
                raise InvalidArgumentError(
                    f"{where}: no 'qubits' and no gates to infer the qubit count from"
                )
            qubits = 1 + max(q for gate in gates for q in gate.qubits)
        circuit = cls(qubits, name=name)
        circuit._gates = gates
        return circuit

    @abstractmethod
    def to_input(self) -> dict[str, object]:
        """A single-circuit job's `input`, as JSON checked against the API's schema."""

    @abstractmethod
    def to_multi(self) -> api.QisCircuit | api.NativeCircuit:
        """The generated model for one entry of a multi-circuit job (keeps `name`)."""

    def _add(
        self,
        name: str,
        targets: tuple[object, ...],
        controls: object = (),
        **params: object,
    ) -> Self:
        what = "target" if len(targets) == 1 else "targets"
        checked = tuple(_qubit(t, what, name, self._qubits) for t in targets)
        self._gates.append(
            _make_gate(
                self.gateset,
                name,
                checked,
                _controls_arg(controls, name, self._qubits),
                params,
            )
        )
        return self


class Circuit(GateCircuit):
    """A circuit in IonQ's abstract `qis` gateset; rotations in radians.

    >>> Circuit(2, name="bell").h(0).cnot(0, 1).to_dict()["circuit"]
    [{'gate': 'h', 'target': 0}, {'gate': 'cnot', 'control': 0, 'target': 1}]

    Single-qubit gates take `controls=` (an index or a list) for their controlled and
    multi-controlled forms, e.g. `x(2, controls=[0, 1])` is a Toffoli.
    """

    gateset: ClassVar[Gateset] = "qis"
    __slots__ = ()

    def x(self, target: int, *, controls: int | Sequence[int] = ()) -> Self:
        return self._add("x", (target,), controls)

    def y(self, target: int, *, controls: int | Sequence[int] = ()) -> Self:
        return self._add("y", (target,), controls)

    def z(self, target: int, *, controls: int | Sequence[int] = ()) -> Self:
        return self._add("z", (target,), controls)

    def h(self, target: int, *, controls: int | Sequence[int] = ()) -> Self:
        return self._add("h", (target,), controls)

    def s(self, target: int, *, controls: int | Sequence[int] = ()) -> Self:
        return self._add("s", (target,), controls)

    def si(self, target: int, *, controls: int | Sequence[int] = ()) -> Self:
        """S dagger."""
        return self._add("si", (target,), controls)

    def v(self, target: int, *, controls: int | Sequence[int] = ()) -> Self:
        """Square root of X."""
        return self._add("v", (target,), controls)

    def vi(self, target: int, *, controls: int | Sequence[int] = ()) -> Self:
        """Inverse square root of X."""
        return self._add("vi", (target,), controls)

    def t(self, target: int, *, controls: int | Sequence[int] = ()) -> Self:
        return self._add("t", (target,), controls)

    def ti(self, target: int, *, controls: int | Sequence[int] = ()) -> Self:
        """T dagger."""
        return self._add("ti", (target,), controls)

    def not_(self, target: int, *, controls: int | Sequence[int] = ()) -> Self:
        """IonQ's `not` gate (an alias of X)."""
        return self._add("not", (target,), controls)

    def rx(self, target: int, rotation: float, *, controls: int | Sequence[int] = ()) -> Self:
        return self._add("rx", (target,), controls, rotation=rotation)

    def ry(self, target: int, rotation: float, *, controls: int | Sequence[int] = ()) -> Self:
        return self._add("ry", (target,), controls, rotation=rotation)

    def rz(self, target: int, rotation: float, *, controls: int | Sequence[int] = ()) -> Self:
        return self._add("rz", (target,), controls, rotation=rotation)

    def cnot(self, control: int | Sequence[int], target: int) -> Self:
        """Controlled NOT; a list of controls makes it multi-controlled."""
        return self._add("cnot", (target,), control)

    cx = cnot

    def swap(self, q0: int, q1: int) -> Self:
        return self._add("swap", (q0, q1))

    def xx(self, q0: int, q1: int, rotation: float) -> Self:
        return self._add("xx", (q0, q1), rotation=rotation)

    def yy(self, q0: int, q1: int, rotation: float) -> Self:
        return self._add("yy", (q0, q1), rotation=rotation)

    def zz(self, q0: int, q1: int, rotation: float) -> Self:
        return self._add("zz", (q0, q1), rotation=rotation)

    def pauliexp(
        self,
        targets: Sequence[int],
        terms: Sequence[str],
        coefficients: Sequence[float],
        time: float,
    ) -> Self:
        """exp(-i * time * sum_k coefficients[k] * terms[k]); `terms[k][i]` acts on `targets[i]`."""
        checked = _qubit_list(targets, "targets", "pauliexp", self._qubits)
        self._gates.append(
            _make_gate(
                "qis",
                "pauliexp",
                checked,
                (),
                {"terms": terms, "coefficients": coefficients, "time": time},
            )
        )
        return self

    def to_input(self) -> dict[str, object]:
        """A single-circuit job's `input`, as JSON checked against the API's schema."""
        from ionq_facade._generated.models import QisCircuitInput

        return QisCircuitInput.from_dict(self.to_dict()).to_dict()

    def to_multi(self) -> api.QisCircuit:
        """The generated model for one entry of a multi-circuit job (keeps `name`)."""
        from ionq_facade._generated.models import QisCircuit

        return QisCircuit.from_dict(self._multi_dict())


class NativeCircuit(GateCircuit):
    """A circuit in IonQ's hardware-native gateset; phases and angles in turns.

    `ms` runs on systems with MS gates (Aria), `zz` on systems with ZZ gates (Forte).
    """

    gateset: ClassVar[Gateset] = "native"
    __slots__ = ()

    def gpi(self, target: int, phase: float) -> Self:
        return self._add("gpi", (target,), phase=phase)

    def gpi2(self, target: int, phase: float) -> Self:
        return self._add("gpi2", (target,), phase=phase)

    def ms(self, q0: int, q1: int, phases: Sequence[float], angle: float = 0.25) -> Self:
        """Mølmer-Sørensen gate; `phases` are the two qubits' phases, `angle` up to 0.25."""
        return self._add("ms", (q0, q1), phases=phases, angle=angle)

    def zz(self, q0: int, q1: int, angle: float) -> Self:
        return self._add("zz", (q0, q1), angle=angle)

    def to_input(self) -> dict[str, object]:
        """A single-circuit job's `input`, as JSON checked against the API's schema."""
        from ionq_facade._generated.models import NativeCircuitInput

        return NativeCircuitInput.from_dict(self.to_dict()).to_dict()

    def to_multi(self) -> api.NativeCircuit:
        """The generated model for one entry of a multi-circuit job (keeps `name`)."""
        from ionq_facade._generated.models import NativeCircuit as NativeCircuitModel

        return NativeCircuitModel.from_dict(self._multi_dict())


# --- OpenQASM 3 -----------------------------------------------------------------------------

_QASM_COMMENT: Final = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
# `qubit[N] q;`, `qubit q;` and the OpenQASM 2 style `qreg q[N];` that QASM 3 still accepts.
_QASM_QUBIT: Final = re.compile(r"\bqubit\s*(?:\[([^\]]*)\])?\s*[A-Za-z_]\w*\s*;")
_QASM_QREG: Final = re.compile(r"\bqreg\s+[A-Za-z_]\w*\s*(?:\[([^\]]*)\])?\s*;")


def _qasm_qubits(source: str) -> int | None:
    """Qubits the program declares, or None when it declares none or not as a literal."""
    code = _QASM_COMMENT.sub(" ", source)
    total = 0
    found = False
    for match in (*_QASM_QUBIT.finditer(code), *_QASM_QREG.finditer(code)):
        found = True
        size = match.group(1)
        if size is None:
            total += 1
        elif size.strip().isdigit():
            total += int(size)
        else:
            return None  # sized by an expression we do not evaluate
    return total if found else None


def _check_source(source: object, where: str) -> str:
    if not isinstance(source, str):
        raise ArgumentTypeError(f"{where}: source must be a string, got {_show(source)}")
    if not source.strip():
        raise InvalidArgumentError(f"{where}: source is empty")
    return source


class QASM3:
    """An OpenQASM 3 program, submitted as-is (`ionq.qasm3.v1`).

    `qubits` is read from the program's declarations (`qubit[N] q;`, `qubit q;`,
    `qreg q[N];`), or None when it has none, or sizes them with an expression.
    """

    job_type: ClassVar[str] = "ionq.qasm3.v1"
    gateset: ClassVar[None] = None

    __slots__ = ("_name", "_qubits", "_source")

    def __init__(self, source: str, *, name: str | None = None) -> None:
        self._source = _check_source(source, "QASM3")
        self._name = _check_name(name, "QASM3")
        self._qubits = _qasm_qubits(source)

    @property
    def source(self) -> str:
        return self._source

    @property
    def name(self) -> str | None:
        return self._name

    @property
    def qubits(self) -> int | None:
        return self._qubits

    def to_dict(self) -> dict[str, Any]:
        """The JSON the API gets as a job's `input`."""
        return {"data": self._source}

    def to_input(self) -> dict[str, object]:
        """The job's `input`, as JSON checked against the API's schema."""
        from ionq_facade._generated.models import Qasm3Input

        return Qasm3Input.from_dict(self.to_dict()).to_dict()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        obj = _json_object(data, "QASM3.from_dict")
        unexpected = [key for key in obj if key != "data"]
        if unexpected:
            raise InvalidArgumentError(
                f"QASM3.from_dict: unexpected field(s) {', '.join(map(_brief, unexpected))} "
                "(allowed: data)"
            )
        if "data" not in obj:
            raise InvalidArgumentError("QASM3.from_dict: missing 'data'")
        return cls(_check_source(obj["data"], "QASM3.from_dict"))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QASM3):
            return NotImplemented
        return (self._source, self._name) == (other._source, other._name)

    def __hash__(self) -> int:
        return hash((self._source, self._name))

    def __repr__(self) -> str:
        first = self._source.strip().replace("\n", " ")
        if len(first) > _REPR_SOURCE:
            first = first[: _REPR_SOURCE - 3] + "..."
        name = f", name={self._name!r}" if self._name is not None else ""
        return f"QASM3({first!r}{name}, qubits={self._qubits})"


AnyCircuit: TypeAlias = Circuit | NativeCircuit | QASM3


def input_from_dict(data: Mapping[str, Any]) -> AnyCircuit:
    """Read any single-circuit job `input` JSON: `data` means QASM3, else by `gateset`."""
    obj = _json_object(data, "input_from_dict")
    if "data" in obj:
        return QASM3.from_dict(obj)
    if obj.get("gateset", "qis") == "native":
        return NativeCircuit.from_dict(obj)
    return Circuit.from_dict(obj)
