from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.multi_circuit_input_gateset import (
    MultiCircuitInputGateset,
    check_multi_circuit_input_gateset,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.native_circuit import NativeCircuit
    from ..models.qis_circuit import QisCircuit


T = TypeVar("T", bound="MultiCircuitInput")


class MultiCircuitInput:
    """
    Attributes:
        gateset (MultiCircuitInputGateset):
        circuits (list[NativeCircuit | QisCircuit]):
        qubits (int | Unset):
    """

    __slots__ = (
        "gateset",
        "circuits",
        "qubits",
    )

    def __init__(
        self,
        gateset: MultiCircuitInputGateset,
        circuits: list[NativeCircuit | QisCircuit],
        qubits: int | Unset = UNSET,
    ) -> None:
        self.gateset = gateset
        self.circuits = circuits
        self.qubits = qubits

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, MultiCircuitInput)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.gateset,
            self.circuits,
            self.qubits,
        ) == (
            other.gateset,
            other.circuits,
            other.qubits,
        )

    def __repr__(self) -> str:
        return f"MultiCircuitInput(gateset={self.gateset!r}, circuits={self.circuits!r}, qubits={self.qubits!r})"

    def to_dict(self) -> dict[str, Any]:
        from ..models.qis_circuit import QisCircuit  # noqa: PLC0415

        gateset: str = self.gateset

        circuits = []
        for circuits_item_data in self.circuits:
            circuits_item: dict[str, Any]
            if isinstance(circuits_item_data, QisCircuit):
                circuits_item = circuits_item_data.to_dict()
            else:
                circuits_item = circuits_item_data.to_dict()

            circuits.append(circuits_item)

        qubits = self.qubits

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gateset": gateset,
                "circuits": circuits,
            }
        )
        if qubits is not UNSET:
            field_dict["qubits"] = qubits

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.native_circuit import NativeCircuit  # noqa: PLC0415
        from ..models.qis_circuit import QisCircuit  # noqa: PLC0415

        d = dict(src_dict)
        gateset = check_multi_circuit_input_gateset(d.pop("gateset"))

        circuits = []
        _circuits = d.pop("circuits")
        for circuits_item_data in _circuits:

            def _parse_circuits_item(data: object) -> NativeCircuit | QisCircuit:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    circuits_item_type_0 = QisCircuit.from_dict(data)

                    return circuits_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                circuits_item_type_1 = NativeCircuit.from_dict(data)

                return circuits_item_type_1

            circuits_item = _parse_circuits_item(circuits_item_data)

            circuits.append(circuits_item)

        qubits = d.pop("qubits", UNSET)

        multi_circuit_input = cls(
            gateset=gateset,
            circuits=circuits,
            qubits=qubits,
        )

        return multi_circuit_input
