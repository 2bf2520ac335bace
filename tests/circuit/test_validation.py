"""Every check: bad builder arguments and bad JSON raise typed errors naming the problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from ionq_facade._circuits import Circuit, NativeCircuit
from ionq_facade._errors import ArgumentTypeError, InvalidArgumentError

from .strategies import case_ids

NAN = float("nan")
INF = float("inf")

Bad = Callable[[], object]
# The bad calls pass wrong types on purpose, so the tables see the builders untyped.
Loose = Callable[[Any], object]
LooseCircuit: Any = Circuit
LooseNative: Any = NativeCircuit

# (what is wrong, the call, the error type, a fragment the message must contain)
CONSTRUCTION: list[tuple[str, Bad, type[Exception], str]] = [
    ("zero qubits", lambda: LooseCircuit(0), InvalidArgumentError, "qubits must be at least 1"),
    ("negative qubits", lambda: LooseNative(-2), InvalidArgumentError, "at least 1, got -2"),
    ("float qubits", lambda: LooseCircuit(2.0), ArgumentTypeError, "qubits must be an int"),
    ("bool qubits", lambda: LooseCircuit(True), ArgumentTypeError, "qubits must be an int"),
    ("str qubits", lambda: LooseCircuit("2"), ArgumentTypeError, "qubits"),
    ("int name", lambda: LooseCircuit(1, name=3), ArgumentTypeError, "name must be a string"),
]

# (what is wrong, the call on a 2-qubit qis circuit, error type, message fragment)
QIS_BAD: list[tuple[str, Loose, type[Exception], str]] = [
    ("target past the end", lambda c: c.h(2), InvalidArgumentError, "h: target 2 is not a qubit"),
    ("negative target", lambda c: c.x(-1), InvalidArgumentError, "x: target -1"),
    ("bool target", lambda c: c.h(True), ArgumentTypeError, "h: target must be an int"),
    ("float target", lambda c: c.y(1.0), ArgumentTypeError, "y: target must be an int"),
    ("str target", lambda c: c.z("0"), ArgumentTypeError, "z: target must be an int"),
    (
        "cnot on one qubit",
        lambda c: c.cnot(0, 0),
        InvalidArgumentError,
        "cnot: qubit 0 is used twice",
    ),
    ("cx on one qubit", lambda c: c.cx(1, 1), InvalidArgumentError, "cnot: qubit 1 is used twice"),
    ("control past the end", lambda c: c.cnot(5, 0), InvalidArgumentError, "cnot: control 5"),
    ("repeated controls", lambda c: Circuit(3).cnot([0, 0], 1), InvalidArgumentError, "used twice"),
    ("no controls", lambda c: c.cnot([], 1), InvalidArgumentError, "cnot: needs a control"),
    (
        "bool control",
        lambda c: c.cnot(False, 1),
        ArgumentTypeError,
        "cnot: controls must be an int qubit index or a list",
    ),
    ("control is target", lambda c: c.x(0, controls=[0]), InvalidArgumentError, "x: qubit 0"),
    (
        "controls as str",
        lambda c: c.x(0, controls="1"),
        ArgumentTypeError,
        "x: controls must be an int qubit index or a list",
    ),
    (
        "bool in controls",
        lambda c: c.h(0, controls=[True]),
        ArgumentTypeError,
        "h: controls must be an int",
    ),
    (
        "control out of range",
        lambda c: c.rz(0, 1.0, controls=2),
        InvalidArgumentError,
        "rz: control 2",
    ),
    ("swap one qubit", lambda c: c.swap(1, 1), InvalidArgumentError, "swap: qubit 1 is used twice"),
    ("swap out of range", lambda c: c.swap(0, 2), InvalidArgumentError, "swap: targets 2"),
    ("nan rotation", lambda c: c.rx(0, NAN), InvalidArgumentError, "rx: rotation must be finite"),
    ("inf rotation", lambda c: c.ry(0, INF), InvalidArgumentError, "ry: rotation must be finite"),
    ("-inf rotation", lambda c: c.rz(0, -INF), InvalidArgumentError, "rz: rotation must be finite"),
    ("bool rotation", lambda c: c.rx(0, True), ArgumentTypeError, "rx: rotation must be a real"),
    ("str rotation", lambda c: c.rx(0, "1.0"), ArgumentTypeError, "rx: rotation must be a real"),
    ("None rotation", lambda c: c.rx(0, None), ArgumentTypeError, "rx: rotation must be a real"),
    ("complex rotation", lambda c: c.rx(0, 1j), ArgumentTypeError, "rx: rotation"),
    (
        "huge int rotation",
        lambda c: c.rx(0, 10**400),
        InvalidArgumentError,
        "rx: rotation is not representable",
    ),
    ("nan xx", lambda c: c.xx(0, 1, NAN), InvalidArgumentError, "xx: rotation must be finite"),
    ("yy one qubit", lambda c: c.yy(0, 0, 1.0), InvalidArgumentError, "yy: qubit 0 is used twice"),
    ("zz bad type", lambda c: c.zz(0, 1, "x"), ArgumentTypeError, "zz: rotation"),
    (
        "pauliexp repeated target",
        lambda c: c.pauliexp([0, 0], ["XX"], [1.0], 1.0),
        InvalidArgumentError,
        "pauliexp: qubit 0 is used twice",
    ),
    (
        "pauliexp no targets",
        lambda c: c.pauliexp([], [""], [1.0], 1.0),
        InvalidArgumentError,
        "pauliexp: needs at least one target",
    ),
    (
        "pauliexp int targets",
        lambda c: c.pauliexp(0, ["X"], [1.0], 1.0),
        ArgumentTypeError,
        "pauliexp: targets must be a list",
    ),
    (
        "pauliexp target out of range",
        lambda c: c.pauliexp([0, 3], ["XX"], [1.0], 1.0),
        InvalidArgumentError,
        "pauliexp: targets 3",
    ),
    (
        "pauliexp bad letter",
        lambda c: c.pauliexp([0, 1], ["XA"], [1.0], 1.0),
        InvalidArgumentError,
        "pauliexp: term 'XA' must be 2 letters from 'IXYZ'",
    ),
    (
        "pauliexp lowercase",
        lambda c: c.pauliexp([0], ["x"], [1.0], 1.0),
        InvalidArgumentError,
        "'IXYZ'",
    ),
    (
        "pauliexp short term",
        lambda c: c.pauliexp([0, 1], ["X"], [1.0], 1.0),
        InvalidArgumentError,
        "term 'X' must be 2 letters",
    ),
    (
        "pauliexp long term",
        lambda c: c.pauliexp([0], ["XZ"], [1.0], 1.0),
        InvalidArgumentError,
        "must be 1 letters",
    ),
    (
        "pauliexp terms as str",
        lambda c: c.pauliexp([0, 1], "XX", [1.0], 1.0),
        ArgumentTypeError,
        "pauliexp: terms must be a list",
    ),
    (
        "pauliexp non-str term",
        lambda c: c.pauliexp([0], [1], [1.0], 1.0),
        ArgumentTypeError,
        "pauliexp: terms must be strings",
    ),
    (
        "pauliexp unpaired",
        lambda c: c.pauliexp([0], ["X", "Z"], [1.0], 1.0),
        InvalidArgumentError,
        "pauliexp: 2 terms but 1 coefficients",
    ),
    (
        "pauliexp no terms",
        lambda c: c.pauliexp([0], [], [], 1.0),
        InvalidArgumentError,
        "pauliexp: needs at least one term",
    ),
    (
        "pauliexp nan coefficient",
        lambda c: c.pauliexp([0], ["X"], [NAN], 1.0),
        InvalidArgumentError,
        "pauliexp: coefficients must be finite",
    ),
    (
        "pauliexp coefficients not a list",
        lambda c: c.pauliexp([0], ["X"], 1.0, 1.0),
        ArgumentTypeError,
        "pauliexp: coefficients must be a list",
    ),
    (
        "pauliexp zero time",
        lambda c: c.pauliexp([0], ["X"], [1.0], 0.0),
        InvalidArgumentError,
        "pauliexp: time must be positive",
    ),
    (
        "pauliexp negative time",
        lambda c: c.pauliexp([0], ["X"], [1.0], -1),
        InvalidArgumentError,
        "time must be positive",
    ),
    (
        "pauliexp inf time",
        lambda c: c.pauliexp([0], ["X"], [1.0], INF),
        InvalidArgumentError,
        "pauliexp: time must be finite",
    ),
]

NATIVE_BAD: list[tuple[str, Loose, type[Exception], str]] = [
    (
        "gpi out of range",
        lambda c: c.gpi(2, 0.1),
        InvalidArgumentError,
        "gpi: target 2 is not a qubit",
    ),
    ("gpi nan phase", lambda c: c.gpi(0, NAN), InvalidArgumentError, "gpi: phase must be finite"),
    ("gpi2 str phase", lambda c: c.gpi2(0, "a"), ArgumentTypeError, "gpi2: phase must be a real"),
    (
        "gpi2 bool target",
        lambda c: c.gpi2(False, 0.1),
        ArgumentTypeError,
        "gpi2: target must be an int",
    ),
    (
        "ms one qubit",
        lambda c: c.ms(0, 0, (0, 0)),
        InvalidArgumentError,
        "ms: qubit 0 is used twice",
    ),
    (
        "ms one phase",
        lambda c: c.ms(0, 1, phases=(0.1,)),
        InvalidArgumentError,
        "ms: phases must be 2 numbers, got 1",
    ),
    ("ms three phases", lambda c: c.ms(0, 1, phases=(0, 0, 0)), InvalidArgumentError, "got 3"),
    (
        "ms nan phase",
        lambda c: c.ms(0, 1, phases=(0, NAN)),
        InvalidArgumentError,
        "ms: phases must be finite",
    ),
    (
        "ms phases not a list",
        lambda c: c.ms(0, 1, phases=0.1),
        ArgumentTypeError,
        "ms: phases must be a list",
    ),
    (
        "ms inf angle",
        lambda c: c.ms(0, 1, (0, 0), angle=INF),
        InvalidArgumentError,
        "ms: angle must be finite",
    ),
    ("zz nan angle", lambda c: c.zz(0, 1, NAN), InvalidArgumentError, "zz: angle must be finite"),
    ("zz one qubit", lambda c: c.zz(1, 1, 0.1), InvalidArgumentError, "zz: qubit 1 is used twice"),
]


@pytest.mark.parametrize(
    ("_what", "call", "error", "fragment"), CONSTRUCTION, ids=case_ids(CONSTRUCTION)
)
def test_construction_is_checked(
    _what: str, call: Bad, error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=re.escape(fragment)):
        call()


@pytest.mark.parametrize(("_what", "call", "error", "fragment"), QIS_BAD, ids=case_ids(QIS_BAD))
def test_bad_qis_gate_is_refused_before_it_is_added(
    _what: str, call: Loose, error: type[Exception], fragment: str
) -> None:
    circuit = Circuit(2).h(0)
    before = circuit.to_dict()
    with pytest.raises(error, match=re.escape(fragment)):
        call(circuit)
    assert circuit.to_dict() == before


@pytest.mark.parametrize(
    ("_what", "call", "error", "fragment"), NATIVE_BAD, ids=case_ids(NATIVE_BAD)
)
def test_bad_native_gate_is_refused_before_it_is_added(
    _what: str, call: Loose, error: type[Exception], fragment: str
) -> None:
    circuit = NativeCircuit(2).gpi(0, 0.5)
    before = circuit.to_dict()
    with pytest.raises(error, match=re.escape(fragment)):
        call(circuit)
    assert circuit.to_dict() == before


def test_type_errors_are_also_value_errors_and_type_errors() -> None:
    # Generic handlers keep working: ArgumentTypeError is both.
    with pytest.raises(TypeError):
        LooseCircuit(2).h("0")
    with pytest.raises(ValueError, match="finite"):
        Circuit(2).rx(0, NAN)


def test_message_does_not_dump_huge_values() -> None:
    with pytest.raises(ArgumentTypeError) as info:
        LooseCircuit(2).rx(0, "x" * 10_000)
    assert len(str(info.value)) < 200


class _HostileRepr:
    def __repr__(self) -> str:
        raise RuntimeError("repr exploded")


HUGE = 10**5000  # str() of this raises ValueError in Python 3.11+


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: LooseCircuit(2).h(HUGE), InvalidArgumentError),
        (lambda: LooseCircuit(-HUGE), InvalidArgumentError),
        (lambda: LooseCircuit(1).pauliexp([0], [HUGE], [1.0], 1.0), ArgumentTypeError),
        (lambda: LooseCircuit(1).rx(0, _HostileRepr()), ArgumentTypeError),
        (lambda: LooseCircuit(1).pauliexp([0], ["Q" * 100_000], [1.0], 1.0), InvalidArgumentError),
        (lambda: Circuit.from_dict({"circuit": [{"gate": "g" * 100_000}]}), InvalidArgumentError),
        (
            lambda: Circuit.from_dict({"gateset": ["q"] * 100_000, "circuit": []}),
            InvalidArgumentError,
        ),
        (lambda: Circuit.from_dict({"k" * 100_000: 1, "circuit": []}), InvalidArgumentError),
    ],
)
def test_messages_stay_short_whatever_the_input(call: Bad, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        call()
    assert len(str(info.value)) < 300
