"""Round trips for random valid circuits: builder -> JSON -> builder, and a stock generated
client's models."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]
from openapi_schema_validator import OAS30Validator, validate

from ionq_facade._circuits import Circuit, NativeCircuit
from tests.stock_client import models

from .strategies import native_circuits, no_deadline, qis_circuits

unnamed = st.none()


@no_deadline
@given(qis_circuits(names=unnamed))
def test_qis_from_dict_inverts_to_dict(circuit: Circuit) -> None:
    data = circuit.to_dict()
    assert Circuit.from_dict(data) == circuit
    assert Circuit.from_dict(json.loads(json.dumps(data))) == circuit


@no_deadline
@given(native_circuits(names=unnamed))
def test_native_from_dict_inverts_to_dict(circuit: NativeCircuit) -> None:
    data = circuit.to_dict()
    assert NativeCircuit.from_dict(data) == circuit
    assert NativeCircuit.from_dict(json.loads(json.dumps(data))) == circuit


@no_deadline
@given(qis_circuits())
def test_qis_generated_models_agree(circuit: Circuit) -> None:
    data = circuit.to_dict()
    assert circuit.to_input() == data
    assert models().QisCircuitInput.from_dict(data).to_dict() == data
    entry = circuit.to_multi()
    assert models().QisCircuit.from_dict(entry).to_dict() == entry
    # The job input has no name field; a multi-circuit entry carries it.
    assert Circuit.from_dict(entry) == circuit


@no_deadline
@given(native_circuits())
def test_native_generated_models_agree(circuit: NativeCircuit) -> None:
    data = circuit.to_dict()
    assert circuit.to_input() == data
    assert models().NativeCircuitInput.from_dict(data).to_dict() == data
    entry = circuit.to_multi()
    assert models().NativeCircuit.from_dict(entry).to_dict() == entry
    assert NativeCircuit.from_dict(entry) == circuit


@no_deadline
@given(qis_circuits() | native_circuits())
def test_repr_is_the_builder_expression(circuit: Circuit | NativeCircuit) -> None:
    assert eval(repr(circuit), {"Circuit": Circuit, "NativeCircuit": NativeCircuit}) == circuit


@no_deadline
@given(qis_circuits() | native_circuits())
def test_gate_counts_partition_the_gates(circuit: Circuit | NativeCircuit) -> None:
    counts = circuit.gate_counts()
    assert counts.total == len(circuit) == len(circuit.to_dict()["circuit"])
    assert counts.two_qubit == sum(1 for gate in circuit if len(gate.qubits) >= 2)
    assert all(0 <= q < circuit.qubits for gate in circuit for q in gate.qubits)


@cache
def _components() -> dict[str, Any]:
    spec = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text())
    components: dict[str, Any] = spec["components"]
    return components


def _check(instance: object, schema_name: str) -> None:
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": _components()}
    validate(instance, schema, cls=OAS30Validator)


@settings(no_deadline, max_examples=40)
@given(qis_circuits())
def test_qis_json_satisfies_the_contract(circuit: Circuit) -> None:
    _check(circuit.to_dict(), "QisCircuitInput")
    _check(circuit.to_multi(), "QisCircuit")


@settings(no_deadline, max_examples=40)
@given(native_circuits())
def test_native_json_satisfies_the_contract(circuit: NativeCircuit) -> None:
    _check(circuit.to_dict(), "NativeCircuitInput")
    _check(circuit.to_multi(), "NativeCircuit")


@pytest.mark.parametrize(
    "bad",
    [
        {"name": "inputs have no name"},
        {"circuit": [{"gate": "h", "target": 0, "phase": 0.5}]},
        {"circuit": [{"gate": "gpi", "target": 0}]},
    ],
)
def test_the_contract_check_can_fail(bad: dict[str, Any]) -> None:
    good = Circuit(1).h(0).to_dict()
    _check(good, "QisCircuitInput")
    with pytest.raises(ValidationError):
        _check({**good, **bad}, "QisCircuitInput")
