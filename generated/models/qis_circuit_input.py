from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.qis_circuit_input_gateset import (
    QisCircuitInputGateset,
    check_qis_circuit_input_gateset,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.qis_gate import QisGate


T = TypeVar("T", bound="QisCircuitInput")


class QisCircuitInput:
    """
    Attributes:
        gateset (QisCircuitInputGateset):
        circuit (list[QisGate]):
        qubits (int | Unset):
    """

    __slots__ = (
        "gateset",
        "circuit",
        "qubits",
    )

    def __init__(
        self,
        gateset: QisCircuitInputGateset,
        circuit: list[QisGate],
        qubits: int | Unset = UNSET,
    ) -> None:
        self.gateset = gateset
        self.circuit = circuit
        self.qubits = qubits

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, QisCircuitInput)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.gateset,
            self.circuit,
            self.qubits,
        ) == (
            other.gateset,
            other.circuit,
            other.qubits,
        )

    def __repr__(self) -> str:
        return f"QisCircuitInput(gateset={self.gateset!r}, circuit={self.circuit!r}, qubits={self.qubits!r})"

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
