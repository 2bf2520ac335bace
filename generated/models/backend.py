from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Backend")


@_attrs_define
class Backend:
    """
    Attributes:
        backend (str):
        status (str):
        qubits (int):
        average_queue_time (float): Milliseconds.
        last_updated (str):
        degraded (bool | Unset):
        characterization_id (str | Unset):
        location (str | Unset):
        kw (float | Unset):
        supported_gates (list[str] | Unset):
        supported_native_gates (list[str] | Unset):
        supported_error_mitigations (list[str] | Unset):
    """

    backend: str
    status: str
    qubits: int
    average_queue_time: float
    last_updated: str
    degraded: bool | Unset = UNSET
    characterization_id: str | Unset = UNSET
    location: str | Unset = UNSET
    kw: float | Unset = UNSET
    supported_gates: list[str] | Unset = UNSET
    supported_native_gates: list[str] | Unset = UNSET
    supported_error_mitigations: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backend = self.backend

        status = self.status

        qubits = self.qubits

        average_queue_time = self.average_queue_time

        last_updated = self.last_updated

        degraded = self.degraded

        characterization_id = self.characterization_id

        location = self.location

        kw = self.kw

        supported_gates: list[str] | Unset = UNSET
        if not isinstance(self.supported_gates, Unset):
            supported_gates = self.supported_gates

        supported_native_gates: list[str] | Unset = UNSET
        if not isinstance(self.supported_native_gates, Unset):
            supported_native_gates = self.supported_native_gates

        supported_error_mitigations: list[str] | Unset = UNSET
        if not isinstance(self.supported_error_mitigations, Unset):
            supported_error_mitigations = self.supported_error_mitigations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backend": backend,
                "status": status,
                "qubits": qubits,
                "average_queue_time": average_queue_time,
                "last_updated": last_updated,
            }
        )
        if degraded is not UNSET:
            field_dict["degraded"] = degraded
        if characterization_id is not UNSET:
            field_dict["characterization_id"] = characterization_id
        if location is not UNSET:
            field_dict["location"] = location
        if kw is not UNSET:
            field_dict["kw"] = kw
        if supported_gates is not UNSET:
            field_dict["supported_gates"] = supported_gates
        if supported_native_gates is not UNSET:
            field_dict["supported_native_gates"] = supported_native_gates
        if supported_error_mitigations is not UNSET:
            field_dict["supported_error_mitigations"] = supported_error_mitigations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        backend = d.pop("backend")

        status = d.pop("status")

        qubits = d.pop("qubits")

        average_queue_time = d.pop("average_queue_time")

        last_updated = d.pop("last_updated")

        degraded = d.pop("degraded", UNSET)

        characterization_id = d.pop("characterization_id", UNSET)

        location = d.pop("location", UNSET)

        kw = d.pop("kw", UNSET)

        supported_gates = cast(list[str], d.pop("supported_gates", UNSET))

        supported_native_gates = cast(list[str], d.pop("supported_native_gates", UNSET))

        supported_error_mitigations = cast(
            list[str], d.pop("supported_error_mitigations", UNSET)
        )

        backend = cls(
            backend=backend,
            status=status,
            qubits=qubits,
            average_queue_time=average_queue_time,
            last_updated=last_updated,
            degraded=degraded,
            characterization_id=characterization_id,
            location=location,
            kw=kw,
            supported_gates=supported_gates,
            supported_native_gates=supported_native_gates,
            supported_error_mitigations=supported_error_mitigations,
        )

        backend.additional_properties = d
        return backend

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
