from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.native_circuit_input_gateset import (
    NativeCircuitInputGateset,
    check_native_circuit_input_gateset,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.native_gate import NativeGate


T = TypeVar("T", bound="NativeCircuitInput")


@_attrs_define
class NativeCircuitInput:
    """
    Attributes:
        gateset (NativeCircuitInputGateset):
        circuit (list[NativeGate]):
        qubits (int | Unset):
    """

    gateset: NativeCircuitInputGateset
    circuit: list[NativeGate]
    qubits: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        gateset: str = self.gateset

        circuit = []
        for circuit_item_data in self.circuit:
            circuit_item = circuit_item_data.to_dict()
            circuit.append(circuit_item)

        qubits = self.qubits

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gateset": gateset,
                "circuit": circuit,
            }
        )
        if qubits is not UNSET:
            field_dict["qubits"] = qubits

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.native_gate import NativeGate  # noqa: PLC0415

        d = dict(src_dict)
        gateset = check_native_circuit_input_gateset(d.pop("gateset"))

        circuit = []
        _circuit = d.pop("circuit")
        for circuit_item_data in _circuit:
            circuit_item = NativeGate.from_dict(circuit_item_data)

            circuit.append(circuit_item)

        qubits = d.pop("qubits", UNSET)

        native_circuit_input = cls(
            gateset=gateset,
            circuit=circuit,
            qubits=qubits,
        )

        return native_circuit_input
