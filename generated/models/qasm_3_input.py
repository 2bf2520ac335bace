from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Qasm3Input")


@_attrs_define
class Qasm3Input:
    """
    Attributes:
        data (str): OpenQASM 3 program source.
        qubits (int | Unset): Register size sent by SDK clients beside `data` (a deviation, see `x-deviations`).
    """

    data: str
    qubits: int | Unset = UNSET

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
