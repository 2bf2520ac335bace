"""One checked gate, and the one place gates are made (from builder arguments or JSON).

What each gate takes is the generated table `ionq_facade._generated.gates`, read from the
contract's gate schemas; this module only knows the kinds of parameter it lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from ionq_facade._errors import ArgumentTypeError, InvalidArgumentError
from ionq_facade._generated.gates import (
    CONTROL,
    CONTROLS,
    GATE,
    GATES,
    PARAMS,
    SHAPES,
    TARGET,
    TARGETS,
    GateParams,
    Gateset,
)

from ._checks import brief, paulis, qubit, qubit_list, real, reals, show, unexpected


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
class Gate(GateParams):
    """One checked gate, with the fields IonQ's JSON gives it.

    `targets` always holds the target qubits (one for single-target gates), `controls`
    the control qubits. Parameters not used by the gate are None.
    """

    gate: str
    targets: tuple[int, ...]
    controls: tuple[int, ...] = ()

    @property
    def qubits(self) -> tuple[int, ...]:
        """Every qubit the gate touches: controls, then targets."""
        return self.controls + self.targets

    def to_dict(self) -> dict[str, Any]:
        """The gate as IonQ's JSON, with unused fields omitted."""
        shape = SHAPES[self.gate]
        out: dict[str, Any] = {GATE: self.gate}
        # A gate that requires a control writes a single one as a scalar (cnot's `control`).
        if shape.controls == "required" and len(self.controls) == 1:
            out[CONTROL] = self.controls[0]
        elif self.controls:
            out[CONTROLS] = list(self.controls)
        if shape.arity == 1:
            out[TARGET] = self.targets[0]
        else:
            out[TARGETS] = list(self.targets)
        for key in PARAMS:
            value = getattr(self, key)
            if value is not None:
                out[key] = list(value) if isinstance(value, tuple) else value
        return out

    def __repr__(self) -> str:
        # The builder call that adds this gate.
        shape = SHAPES[self.gate]
        if shape.controls == "required":
            control = self.controls[0] if len(self.controls) == 1 else list(self.controls)
            args = [repr(control), *map(str, self.targets)]
        elif shape.arity is None:
            args = [repr(list(self.targets))]
        else:
            args = [str(t) for t in self.targets]
        for key in PARAMS:
            value = getattr(self, key)
            if value is not None:
                args.append(f"{key}={value!r}")
        if self.controls and shape.controls == "optional":
            args.append(f"{CONTROLS}={list(self.controls)!r}")
        return f"{shape.method}({', '.join(args)})"


def _read(key: str, raw: object, gate: str, width: int) -> Any:
    """A parameter's value, checked by its kind (`width`: the gate's number of targets)."""
    param = PARAMS[key]
    if param.kind in ("real", "positive"):
        return real(raw, key, gate)
    if param.kind == "paulis":
        return paulis(raw, key, width, gate)
    numbers = reals(raw, key, gate)
    if param.length == TARGETS and len(numbers) != width:
        raise InvalidArgumentError(f"{gate}: {key} must be {width} numbers, got {len(numbers)}")
    return numbers


def _relate(key: str, values: Mapping[str, Any], gate: str) -> None:
    """The checks of a parameter that need the others read first."""
    param, value = PARAMS[key], values[key]
    if param.kind == "paulis" and not value:
        raise InvalidArgumentError(f"{gate}: needs at least one term")
    if param.kind == "positive" and value <= 0:
        raise InvalidArgumentError(f"{gate}: {key} must be positive, got {value}")
    paired = param.length
    if paired is not None and paired in values and len(value) != len(values[paired]):
        raise InvalidArgumentError(
            f"{gate}: {len(values[paired])} {paired} but {len(value)} {key}; they must pair up"
        )


def make_gate(
    gateset: Gateset,
    name: str,
    targets: tuple[int, ...],
    controls: tuple[int, ...],
    params: Mapping[str, object],
) -> Gate:
    """Check a gate whose qubit indices are already checked; the one place gates are made."""
    spec = GATES[gateset][name]
    arity, takes = spec.shape.arity, spec.shape.controls
    if arity is not None and len(targets) != arity:
        plural = "" if arity == 1 else "s"
        raise InvalidArgumentError(f"{name}: takes {arity} target{plural}, got {len(targets)}")
    if not targets:
        raise InvalidArgumentError(f"{name}: needs at least one target")
    if takes == "never" and controls:
        raise InvalidArgumentError(f"{name}: takes no controls, got {list(controls)}")
    if takes == "required" and not controls:
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
    for key in spec.params:
        if key in params:
            raw = params[key]
        elif key in spec.defaults:
            raw = spec.defaults[key]
        else:
            raise InvalidArgumentError(f"{name}: missing {key!r}")
        values[key] = _read(key, raw, name, len(targets))
    for key in spec.params:
        _relate(key, values, name)
    return Gate(gate=name, targets=targets, controls=controls, **values)


def gate_from_json(gateset: Gateset, raw: object, qubits: int | None) -> Gate:
    """One gate object of a circuit's JSON, checked as builder arguments are."""
    if not isinstance(raw, Mapping):
        raise ArgumentTypeError(f"a gate must be a JSON object, got {show(raw)}")
    if GATE not in raw:
        raise InvalidArgumentError(f"missing {GATE!r}")
    name = raw[GATE]
    specs = GATES[gateset]
    if not isinstance(name, str):
        raise ArgumentTypeError(f"{GATE!r} must be a string, got {show(name)}")
    if name not in specs:
        raise InvalidArgumentError(
            f"unknown {gateset} gate {brief(name)} (known: {', '.join(sorted(specs))})"
        )
    spec = specs[name]
    allowed = {GATE, TARGET, TARGETS, *spec.params}
    if spec.shape.controls != "never":
        allowed |= {CONTROL, CONTROLS}
    unexpected(raw, allowed, name)
    for one, many in ((TARGET, TARGETS), (CONTROL, CONTROLS)):
        if one in raw and many in raw:
            raise InvalidArgumentError(f"{name}: give {one!r} or {many!r}, not both")
    if TARGET in raw:
        targets: tuple[int, ...] = (qubit(raw[TARGET], TARGET, name, qubits),)
    elif TARGETS in raw:
        targets = qubit_list(raw[TARGETS], TARGETS, name, qubits)
    else:
        raise InvalidArgumentError(f"{name}: missing {TARGET!r}")
    controls: tuple[int, ...] = ()
    if CONTROL in raw:
        controls = (qubit(raw[CONTROL], CONTROL, name, qubits),)
    elif CONTROLS in raw:
        controls = qubit_list(raw[CONTROLS], CONTROLS, name, qubits)
    params = {key: raw[key] for key in spec.params if key in raw}
    return make_gate(gateset, name, targets, controls, params)
