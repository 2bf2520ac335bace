"""The builders as Python objects: equality, repr, copies, counts, import cost."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ionq_facade._circuits import Circuit, Gate, GateCircuit, GateCounts, NativeCircuit


def test_bell_interface() -> None:
    bell = Circuit(2, name="bell").h(0).cnot(0, 1)
    assert bell.qubits == 2
    assert bell.name == "bell"
    assert bell.gateset == "qis"
    assert bell.job_type == "ionq.circuit.v1"
    assert len(bell) == 2
    assert bell.gate_counts() == GateCounts(one_qubit=1, two_qubit=1)
    assert bell.gates == (Gate("h", (0,)), Gate("cnot", (1,), controls=(0,)))
    assert list(bell) == list(bell.gates)
    assert NativeCircuit(1).gateset == "native"


def test_builder_methods_return_the_same_circuit() -> None:
    circuit = Circuit(2)
    assert circuit.h(0) is circuit
    assert circuit.cx(0, 1) is circuit
    native = NativeCircuit(2)
    assert native.ms(0, 1, (0, 0)) is native


def test_equality() -> None:
    assert Circuit(2).h(0) == Circuit(2).h(0)
    assert Circuit(2).h(0) != Circuit(2).h(1)
    assert Circuit(2).h(0) != Circuit(3).h(0)
    assert Circuit(2).h(0) != Circuit(2, name="a").h(0)
    assert Circuit(2).cnot(0, 1) == Circuit(2).cx(0, 1)
    assert Circuit(2).x(1) != Circuit(2).not_(1)  # different gate names on the wire
    assert Circuit(2).rx(0, 1) == Circuit(2).rx(0, 1.0)
    # Same qubits and no gates, but a different gateset.
    assert Circuit(1) != NativeCircuit(1)
    assert Circuit(1) != {"gateset": "qis", "qubits": 1, "circuit": []}
    # Builders are mutable, so they are not hashable.
    with pytest.raises(TypeError):
        hash(Circuit(1))


def test_gate_counts_count_controls_as_qubits() -> None:
    circuit = (
        Circuit(4)
        .h(0)
        .rz(1, 0.1)
        .x(1, controls=[0])
        .x(3, controls=[0, 1, 2])
        .pauliexp([0], ["Z"], [1.0], 1.0)
        .pauliexp([0, 1, 2], ["XYZ"], [1.0], 1.0)
        .swap(2, 3)
    )
    assert circuit.gate_counts() == GateCounts(one_qubit=3, two_qubit=4)
    assert circuit.gate_counts().total == 7
    native = NativeCircuit(2).gpi(0, 0).gpi2(1, 0).ms(0, 1, (0, 0)).zz(0, 1, 0.25)
    assert native.gate_counts() == GateCounts(one_qubit=2, two_qubit=2)


def test_repr_reads_as_the_builder_calls() -> None:
    assert (
        repr(Circuit(2, name="bell").h(0).cnot(0, 1)) == "Circuit(2, name='bell').h(0).cnot(0, 1)"
    )
    assert repr(Circuit(3).cnot([0, 1], 2).x(0, controls=[2])) == (
        "Circuit(3).cnot([0, 1], 2).x(0, controls=[2])"
    )
    assert repr(Circuit(1).not_(0).rx(0, rotation=0.5)) == "Circuit(1).not_(0).rx(0, rotation=0.5)"
    assert repr(NativeCircuit(2).ms(0, 1, (0, 0.25))) == (
        "NativeCircuit(2).ms(0, 1, phases=(0.0, 0.25), angle=0.25)"
    )


def test_long_repr_is_truncated() -> None:
    circuit = Circuit(1)
    for _ in range(500):
        circuit.h(0)
    text = repr(circuit)
    assert text.endswith("... <488 more gates>")
    assert text.count(".h(0)") == 12


def test_copy_is_independent() -> None:
    original = Circuit(2, name="a").h(0)
    copy = original.copy()
    copy.x(1)
    assert len(original) == 1
    assert len(copy) == 2
    assert original.copy(name="b").name == "b"
    assert original.copy(name="b").gates == original.gates


def test_gates_view_cannot_change_the_circuit() -> None:
    circuit = Circuit(1).h(0)
    gates = circuit.gates
    assert isinstance(gates, tuple)
    with pytest.raises(AttributeError):
        gates[0].gate = "x"  # type: ignore[misc]


def test_importing_the_builder_pulls_in_no_numpy() -> None:
    code = "import sys, ionq_facade._circuits; print('numpy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_gate_circuit_is_the_common_abstract_type() -> None:
    mixed: list[GateCircuit] = [Circuit(2, name="a").h(0), NativeCircuit(1).gpi(0, 0.5)]
    assert [entry.to_multi()["gateset"] for entry in mixed] == ["qis", "native"]
    assert [entry.to_input()["gateset"] for entry in mixed] == ["qis", "native"]
    with pytest.raises(TypeError, match="abstract"):
        GateCircuit(1)
