"""Each gate becomes exactly the JSON IonQ documents, and a stock generated client's models
(tests/stock_client.py) agree."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any

import pytest

from ionq_facade._circuits import Circuit, NativeCircuit
from tests.stock_client import NAME, models

QisCall = Callable[[Circuit], Circuit]
NativeCall = Callable[[NativeCircuit], NativeCircuit]

# (builder call on a 3-qubit circuit, the one gate it must produce)
QIS_CASES: list[tuple[QisCall, dict[str, Any]]] = [
    (lambda c: c.x(0), {"gate": "x", "target": 0}),
    (lambda c: c.y(1), {"gate": "y", "target": 1}),
    (lambda c: c.z(2), {"gate": "z", "target": 2}),
    (lambda c: c.h(0), {"gate": "h", "target": 0}),
    (lambda c: c.s(0), {"gate": "s", "target": 0}),
    (lambda c: c.si(0), {"gate": "si", "target": 0}),
    (lambda c: c.v(0), {"gate": "v", "target": 0}),
    (lambda c: c.vi(0), {"gate": "vi", "target": 0}),
    (lambda c: c.t(0), {"gate": "t", "target": 0}),
    (lambda c: c.ti(0), {"gate": "ti", "target": 0}),
    (lambda c: c.not_(0), {"gate": "not", "target": 0}),
    (lambda c: c.rx(0, 1.5708), {"gate": "rx", "target": 0, "rotation": 1.5708}),
    (lambda c: c.ry(1, -0.5), {"gate": "ry", "target": 1, "rotation": -0.5}),
    (lambda c: c.rz(2, 3.0), {"gate": "rz", "target": 2, "rotation": 3.0}),
    (lambda c: c.cnot(0, 1), {"gate": "cnot", "control": 0, "target": 1}),
    (lambda c: c.cx(1, 0), {"gate": "cnot", "control": 1, "target": 0}),
    (lambda c: c.cnot([1, 2], 0), {"gate": "cnot", "controls": [1, 2], "target": 0}),
    (lambda c: c.swap(0, 1), {"gate": "swap", "targets": [0, 1]}),
    (lambda c: c.xx(0, 1, 0.5), {"gate": "xx", "targets": [0, 1], "rotation": 0.5}),
    (lambda c: c.yy(1, 2, 0.25), {"gate": "yy", "targets": [1, 2], "rotation": 0.25}),
    (lambda c: c.zz(2, 0, -1.0), {"gate": "zz", "targets": [2, 0], "rotation": -1.0}),
    (
        lambda c: c.pauliexp([1, 2], ["XX", "YY", "ZZ"], [0.1, 0.2, 0.3], 0.4),
        {
            "gate": "pauliexp",
            "targets": [1, 2],
            "terms": ["XX", "YY", "ZZ"],
            "coefficients": [0.1, 0.2, 0.3],
            "time": 0.4,
        },
    ),
    # Controlled and multi-controlled forms of single-qubit gates.
    (lambda c: c.x(1, controls=[0]), {"gate": "x", "controls": [0], "target": 1}),
    (lambda c: c.x(2, controls=[0, 1]), {"gate": "x", "controls": [0, 1], "target": 2}),
    (lambda c: c.h(1, controls=0), {"gate": "h", "controls": [0], "target": 1}),
    (
        lambda c: c.rx(2, 0.5, controls=[0, 1]),
        {"gate": "rx", "controls": [0, 1], "target": 2, "rotation": 0.5},
    ),
    (lambda c: c.ti(0, controls=(2,)), {"gate": "ti", "controls": [2], "target": 0}),
]

NATIVE_CASES: list[tuple[NativeCall, dict[str, Any]]] = [
    (lambda c: c.gpi(0, 0.25), {"gate": "gpi", "target": 0, "phase": 0.25}),
    (lambda c: c.gpi2(1, 0.75), {"gate": "gpi2", "target": 1, "phase": 0.75}),
    (
        lambda c: c.ms(0, 1, phases=(0, 0.25)),
        {"gate": "ms", "targets": [0, 1], "phases": [0, 0.25], "angle": 0.25},
    ),
    (
        lambda c: c.ms(1, 2, [0.1, 0.2], angle=0.125),
        {"gate": "ms", "targets": [1, 2], "phases": [0.1, 0.2], "angle": 0.125},
    ),
    (lambda c: c.zz(0, 2, 0.1), {"gate": "zz", "targets": [0, 2], "angle": 0.1}),
]


@pytest.mark.parametrize(("call", "expected"), QIS_CASES)
def test_qis_gate_json(call: QisCall, expected: dict[str, Any]) -> None:
    circuit = call(Circuit(3))
    assert circuit.to_dict() == {"gateset": "qis", "qubits": 3, "circuit": [expected]}
    assert models().QisCircuitInput.from_dict(circuit.to_dict()).to_dict() == circuit.to_dict()
    assert circuit.to_input() == circuit.to_dict()


@pytest.mark.parametrize(("call", "expected"), NATIVE_CASES)
def test_native_gate_json(call: NativeCall, expected: dict[str, Any]) -> None:
    circuit = call(NativeCircuit(3))
    assert circuit.to_dict() == {"gateset": "native", "qubits": 3, "circuit": [expected]}
    assert models().NativeCircuitInput.from_dict(circuit.to_dict()).to_dict() == circuit.to_dict()
    assert circuit.to_input() == circuit.to_dict()


def test_every_contract_gate_is_covered() -> None:
    qis = importlib.import_module(f"{NAME}.models.qis_gate_gate").QIS_GATE_GATE_VALUES
    native = importlib.import_module(f"{NAME}.models.native_gate_gate").NATIVE_GATE_GATE_VALUES
    assert {expected["gate"] for _, expected in QIS_CASES} == qis
    assert {expected["gate"] for _, expected in NATIVE_CASES} == native


def test_fields_come_out_in_the_documented_order() -> None:
    (gate,) = Circuit(2).cnot(0, 1).to_dict()["circuit"]
    assert json.dumps(gate) == '{"gate": "cnot", "control": 0, "target": 1}'
    (gate,) = NativeCircuit(2).ms(0, 1, phases=(0, 0.25)).to_dict()["circuit"]
    assert list(gate) == ["gate", "targets", "phases", "angle"]


def test_numbers_are_normalized_to_json_types() -> None:
    import numpy as np  # in the dev install (emulator extra); not needed by the builder

    # The signature says int/float; numpy scalars are accepted at run time all the same.
    circuit = Circuit(2).rx(np.int64(1), np.float32(0.5)).rz(0, 2)  # type: ignore[arg-type]
    rx, rz = circuit.to_dict()["circuit"]
    assert type(rx["target"]) is int
    assert type(rx["rotation"]) is float
    assert type(rz["rotation"]) is float
    assert json.loads(json.dumps(circuit.to_dict())) == circuit.to_dict()


def test_bell_input_model() -> None:
    bell = Circuit(2, name="bell").h(0).cnot(0, 1)
    model = models().QisCircuitInput.from_dict(bell.to_input())
    assert model.gateset == "qis"
    assert model.qubits == 2
    assert [g.gate for g in model.circuit] == ["h", "cnot"]
    assert model.circuit[1].control == 0
    assert model.circuit[1].target == 1


def test_multi_entry_keeps_name_and_gateset() -> None:
    bell = Circuit(2, name="bell").h(0).cnot(0, 1)
    entry = bell.to_multi()
    assert entry == {**bell.to_dict(), "name": "bell"}
    assert models().QisCircuit.from_dict(entry).to_dict() == entry
    native = NativeCircuit(1).gpi(0, 0.5).to_multi()
    assert native == {
        "gateset": "native",
        "qubits": 1,
        "circuit": [{"gate": "gpi", "target": 0, "phase": 0.5}],
    }
    assert models().NativeCircuit.from_dict(native).to_dict() == native


def test_to_multi_is_plain_json() -> None:
    # A public method hands out JSON, not a generated (private) model.
    entries = [Circuit(1, name="a").h(0).to_multi(), NativeCircuit(1).gpi(0, 0).to_multi()]
    assert [type(entry) for entry in entries] == [dict, dict]
    assert json.loads(json.dumps(entries)) == entries


def test_input_has_no_name_field() -> None:
    # QisCircuitInput does not allow `name`; the job carries it instead.
    assert "name" not in Circuit(1, name="n").h(0).to_dict()
