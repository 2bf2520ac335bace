"""Gate-list circuits: `Circuit` (the abstract `qis` gateset) and `NativeCircuit`.

Their builder methods are generated from the contract's gate schemas (`QisGates`,
`NativeGates` in `ionq_facade._generated.gates`); each checks its arguments against the
circuit before the gate is added, so a bad circuit fails where it is written rather than
as a 400 at submission. JSON read back with `from_dict` goes through the same checks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Final, Self

from ionq_facade._errors import InvalidArgumentError
from ionq_facade._generated.gates import (
    CIRCUIT,
    GATES,
    GATESET,
    NAME,
    QUBITS,
    TARGET,
    TARGETS,
    Gateset,
    NativeGates,
    QisGates,
)
from ionq_facade._generated.tables import JobType

from ._checks import (
    brief,
    check_name,
    controls_arg,
    json_object,
    qubit,
    qubit_count,
    qubit_list,
    sequence,
    unexpected,
)
from ._gate import Gate, GateCounts, gate_from_json, make_gate

_REPR_GATES: Final = 12


class GateCircuit:
    """A gate-list circuit of either gateset: what `Circuit` and `NativeCircuit` share.

    Annotate with this where either will do (a list mixing both is a `list[GateCircuit]`
    to a type checker).
    """

    gateset: ClassVar[Gateset]
    job_type: ClassVar[str] = JobType.CIRCUIT_V1

    __slots__ = ("_gates", "_name", "_qubits")

    def __init__(self, qubits: int, *, name: str | None = None) -> None:
        where = type(self).__name__
        if type(self) is GateCircuit:  # only its subclasses name a gateset
            raise TypeError("GateCircuit is abstract: build a Circuit or a NativeCircuit")
        self._qubits = qubit_count(qubits, where)
        self._name = check_name(name, where)
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
            GATESET: self.gateset,
            QUBITS: self._qubits,
            CIRCUIT: [gate.to_dict() for gate in self._gates],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Read a circuit back from its JSON (a job `input` or a multi-circuit entry).

        The data is checked like builder arguments; anything wrong raises
        `InvalidArgumentError` (`ArgumentTypeError` for wrong types). A missing `qubits`
        is inferred from the highest index used.
        """
        where = f"{cls.__name__}.from_dict"
        obj = json_object(data, where)
        unexpected(obj, (GATESET, QUBITS, CIRCUIT, NAME), where)
        gateset = obj.get(GATESET, cls.gateset)
        if gateset != cls.gateset:
            raise InvalidArgumentError(
                f"{where}: {GATESET} is {brief(gateset)}, expected {cls.gateset!r}"
            )
        if CIRCUIT not in obj:
            raise InvalidArgumentError(f"{where}: missing {CIRCUIT!r}")
        name = check_name(obj.get(NAME), where)
        qubits = qubit_count(obj[QUBITS], where) if QUBITS in obj else None
        gates: list[Gate] = []
        for i, raw in enumerate(sequence(obj[CIRCUIT], CIRCUIT, where)):
            try:
                gates.append(gate_from_json(cls.gateset, raw, qubits))
            except InvalidArgumentError as exc:
                raise type(exc)(f"{where}: {CIRCUIT}[{i}]: {exc}") from None
        if qubits is None:
            if not gates:
                raise InvalidArgumentError(
                    f"{where}: no {QUBITS!r} and no gates to infer the qubit count from"
                )
            qubits = 1 + max(q for gate in gates for q in gate.qubits)
        circuit = cls(qubits, name=name)
        circuit._gates = gates
        return circuit

    def to_input(self) -> dict[str, object]:
        """A single-circuit job's `input`, as JSON (each gate was checked when added,
        against the spec's gate table)."""
        return self.to_dict()

    def to_multi(self) -> dict[str, object]:
        """One entry of a multi-circuit job, as JSON: `to_input` with the `name` kept."""
        entry: dict[str, object] = self.to_dict()
        if self._name is not None:
            entry[NAME] = self._name
        return entry

    def _add(self, gate: str, targets: object, controls: object, /, **params: object) -> Self:
        """Add a gate from builder arguments (what the generated builder methods call)."""
        if GATES[self.gateset][gate].shape.arity is None:
            checked = qubit_list(targets, TARGETS, gate, self._qubits)
        else:
            assert isinstance(targets, tuple)
            what = TARGET if len(targets) == 1 else TARGETS
            checked = tuple(qubit(t, what, gate, self._qubits) for t in targets)
        picked = controls_arg(controls, gate, self._qubits)
        self._gates.append(make_gate(self.gateset, gate, checked, picked, params))
        return self


class Circuit(GateCircuit, QisGates):
    """A circuit in IonQ's abstract `qis` gateset; rotations in radians.

    >>> Circuit(2, name="bell").h(0).cnot(0, 1).to_dict()["circuit"]
    [{'gate': 'h', 'target': 0}, {'gate': 'cnot', 'control': 0, 'target': 1}]

    Single-qubit gates take `controls=` (an index or a list) for their controlled and
    multi-controlled forms, e.g. `x(2, controls=[0, 1])` is a Toffoli.
    """

    __slots__ = ()


class NativeCircuit(GateCircuit, NativeGates):
    """A circuit in IonQ's hardware-native gateset; phases and angles in turns.

    `ms` runs on systems with MS gates (Aria), `zz` on systems with ZZ gates (Forte).
    """

    __slots__ = ()
