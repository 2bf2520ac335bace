from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from ..types import UNSET, Unset

T = TypeVar("T", bound="Qasm3Input")


class Qasm3Input:
    """
    Attributes:
        data (str): OpenQASM 3 program source.
        qubits (int | Unset): Register size sent by SDK clients beside `data` (a deviation, see `x-deviations`).
    """

    __slots__ = (
        "data",
        "qubits",
    )

    def __init__(
        self,
        data: str,
        qubits: int | Unset = UNSET,
    ) -> None:
        self.data = data
        self.qubits = qubits

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Qasm3Input) or other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.data,
            self.qubits,
        ) == (
            other.data,
            other.qubits,
        )

    def __repr__(self) -> str:
        return f"Qasm3Input(data={self.data!r}, qubits={self.qubits!r})"

    def to_dict(self) -> dict[str, Any]:
        data = self.data

        qubits = self.qubits

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
            }
        )
        if qubits is not UNSET:
            field_dict["qubits"] = qubits

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = d.pop("data")

        qubits = d.pop("qubits", UNSET)

        qasm_3_input = cls(
            data=data,
            qubits=qubits,
        )

        return qasm_3_input
