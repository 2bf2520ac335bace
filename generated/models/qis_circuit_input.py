from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.qis_circuit_input_gateset import (
    QisCircuitInputGateset,
    check_qis_circuit_input_gateset,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.qis_gate import QisGate


T = TypeVar("T", bound="QisCircuitInput")


@_attrs_define
class QisCircuitInput:
    """
    Attributes:
        gateset (QisCircuitInputGateset):
        circuit (list[QisGate]):
        qubits (int | Unset):
    """

    gateset: QisCircuitInputGateset
    circuit: list[QisGate]
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
        from ..models.qis_gate import QisGate  # noqa: PLC0415

        d = dict(src_dict)
        gateset = check_qis_circuit_input_gateset(d.pop("gateset"))

        circuit = []
        _circuit = d.pop("circuit")
        for circuit_item_data in _circuit:
            circuit_item = QisGate.from_dict(circuit_item_data)

            circuit.append(circuit_item)

        qubits = d.pop("qubits", UNSET)

        qis_circuit_input = cls(
            gateset=gateset,
            circuit=circuit,
            qubits=qubits,
        )

        return qis_circuit_input
