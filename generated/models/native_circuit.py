from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.native_circuit_gateset import (
    NativeCircuitGateset,
    check_native_circuit_gateset,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.native_gate import NativeGate
    from ..models.registers import Registers


T = TypeVar("T", bound="NativeCircuit")


class NativeCircuit:
    """
    Attributes:
        circuit (list[NativeGate]):
        name (str | Unset):
        gateset (NativeCircuitGateset | Unset):
        qubits (int | Unset):
        registers (Registers | Unset): Named classical registers, each a list of qubit indices.
    """

    __slots__ = (
        "circuit",
        "name",
        "gateset",
        "qubits",
        "registers",
    )

    def __init__(
        self,
        circuit: list[NativeGate],
        name: str | Unset = UNSET,
        gateset: NativeCircuitGateset | Unset = UNSET,
        qubits: int | Unset = UNSET,
        registers: Registers | Unset = UNSET,
    ) -> None:
        self.circuit = circuit
        self.name = name
        self.gateset = gateset
        self.qubits = qubits
        self.registers = registers

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, NativeCircuit)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.circuit,
            self.name,
            self.gateset,
            self.qubits,
            self.registers,
        ) == (
            other.circuit,
            other.name,
            other.gateset,
            other.qubits,
            other.registers,
        )

    def __repr__(self) -> str:
        return f"NativeCircuit(circuit={self.circuit!r}, name={self.name!r}, gateset={self.gateset!r}, qubits={self.qubits!r}, registers={self.registers!r})"

    def to_dict(self) -> dict[str, Any]:
        circuit = []
        for circuit_item_data in self.circuit:
            circuit_item = circuit_item_data.to_dict()
            circuit.append(circuit_item)

        name = self.name

        gateset: str | Unset = UNSET
        if not isinstance(self.gateset, Unset):
            gateset = self.gateset

        qubits = self.qubits

        registers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.registers, Unset):
            registers = self.registers.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "circuit": circuit,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if gateset is not UNSET:
            field_dict["gateset"] = gateset
        if qubits is not UNSET:
            field_dict["qubits"] = qubits
        if registers is not UNSET:
            field_dict["registers"] = registers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.native_gate import NativeGate  # noqa: PLC0415
        from ..models.registers import Registers  # noqa: PLC0415

        d = dict(src_dict)
        circuit = []
        _circuit = d.pop("circuit")
        for circuit_item_data in _circuit:
            circuit_item = NativeGate.from_dict(circuit_item_data)

            circuit.append(circuit_item)

        name = d.pop("name", UNSET)

        _gateset = d.pop("gateset", UNSET)
        gateset: NativeCircuitGateset | Unset
        if isinstance(_gateset, Unset):
            gateset = UNSET
        else:
            gateset = check_native_circuit_gateset(_gateset)

        qubits = d.pop("qubits", UNSET)

        _registers = d.pop("registers", UNSET)
        registers: Registers | Unset
        if isinstance(_registers, Unset):
            registers = UNSET
        else:
            registers = Registers.from_dict(_registers)

        native_circuit = cls(
            circuit=circuit,
            name=name,
            gateset=gateset,
            qubits=qubits,
            registers=registers,
        )

        return native_circuit
