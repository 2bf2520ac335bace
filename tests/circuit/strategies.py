"""Shared by the circuit tests: strategies for valid circuits (built through the public
builder methods) and ids for tables of cases."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import settings
from hypothesis import strategies as st

from ionq_facade._circuits import Circuit, NativeCircuit

# These properties do real work per example; a wall-clock deadline only makes a busy CI flaky.
no_deadline = settings(deadline=None)

finite = st.floats(allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=0.0, exclude_min=True, allow_infinity=False)
names = st.none() | st.text(max_size=12)

_ONE_QUBIT = ("x", "y", "z", "h", "s", "si", "v", "vi", "t", "ti", "not_")
_ROTATIONS = ("rx", "ry", "rz")
_TWO_QUBIT = ("swap", "xx", "yy", "zz", "cnot", "cx")


@st.composite
def qis_circuits(
    draw: st.DrawFn, max_gates: int = 12, names: st.SearchStrategy[str | None] = names
) -> Circuit:
    qubits = draw(st.integers(1, 5))
    circuit = Circuit(qubits, name=draw(names))
    gates = _ONE_QUBIT + _ROTATIONS + ("pauliexp",) + (_TWO_QUBIT if qubits > 1 else ())
    for _ in range(draw(st.integers(0, max_gates))):
        gate = draw(st.sampled_from(gates))
        order = draw(st.permutations(range(qubits)))
        if gate in _ONE_QUBIT or gate in _ROTATIONS:
            controls = order[1 : 1 + draw(st.integers(0, qubits - 1))]
            # An index and a one-element list are both valid ways to give one control.
            arg: int | list[int] = (
                controls[0] if len(controls) == 1 and draw(st.booleans()) else controls
            )
            if gate in _ROTATIONS:
                getattr(circuit, gate)(order[0], draw(finite), controls=arg)
            else:
                getattr(circuit, gate)(order[0], controls=arg)
        elif gate in ("cnot", "cx"):
            controls = order[1 : 1 + draw(st.integers(1, qubits - 1))]
            getattr(circuit, gate)(controls[0] if len(controls) == 1 else controls, order[0])
        elif gate == "swap":
            circuit.swap(order[0], order[1])
        elif gate == "pauliexp":
            targets = order[: draw(st.integers(1, qubits))]
            terms = draw(
                st.lists(
                    st.text(alphabet="IXYZ", min_size=len(targets), max_size=len(targets)),
                    min_size=1,
                    max_size=4,
                )
            )
            coefficients = draw(st.lists(finite, min_size=len(terms), max_size=len(terms)))
            circuit.pauliexp(targets, terms, coefficients, draw(positive))
        else:
            getattr(circuit, gate)(order[0], order[1], draw(finite))
    return circuit


@st.composite
def native_circuits(
    draw: st.DrawFn, max_gates: int = 12, names: st.SearchStrategy[str | None] = names
) -> NativeCircuit:
    qubits = draw(st.integers(1, 5))
    circuit = NativeCircuit(qubits, name=draw(names))
    gates = ("gpi", "gpi2") + (("ms", "ms_default", "zz") if qubits > 1 else ())
    for _ in range(draw(st.integers(0, max_gates))):
        gate = draw(st.sampled_from(gates))
        order = draw(st.permutations(range(qubits)))
        if gate in ("gpi", "gpi2"):
            getattr(circuit, gate)(order[0], draw(finite))
        elif gate == "ms":
            circuit.ms(order[0], order[1], phases=(draw(finite), draw(finite)), angle=draw(finite))
        elif gate == "ms_default":
            circuit.ms(order[0], order[1], phases=[draw(finite), draw(finite)])
        else:
            circuit.zz(order[0], order[1], draw(finite))
    return circuit


def case_ids(cases: Sequence[tuple[object, ...]]) -> list[str]:
    """Test ids for a table whose rows start with a description."""
    return [str(case[0]) for case in cases]
