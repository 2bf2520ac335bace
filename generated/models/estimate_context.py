from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EstimateContext")


@_attrs_define
class EstimateContext:
    """
    Attributes:
        backend (str):
        type_ (str | Unset):
        qubits (int | Unset):
        shots (int | Unset):
        field_1q_gates (int | Unset):
        field_2q_gates (int | Unset):
        error_mitigation (bool | Unset):
        organization (None | str | Unset):
        project (None | str | Unset):
    """

    backend: str
    type_: str | Unset = UNSET
    qubits: int | Unset = UNSET
    shots: int | Unset = UNSET
    field_1q_gates: int | Unset = UNSET
    field_2q_gates: int | Unset = UNSET
    error_mitigation: bool | Unset = UNSET
    organization: None | str | Unset = UNSET
    project: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backend = self.backend

        type_ = self.type_

        qubits = self.qubits

        shots = self.shots

        field_1q_gates = self.field_1q_gates

        field_2q_gates = self.field_2q_gates

        error_mitigation = self.error_mitigation

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        else:
            organization = self.organization

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backend": backend,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if qubits is not UNSET:
            field_dict["qubits"] = qubits
        if shots is not UNSET:
            field_dict["shots"] = shots
        if field_1q_gates is not UNSET:
            field_dict["1q_gates"] = field_1q_gates
        if field_2q_gates is not UNSET:
            field_dict["2q_gates"] = field_2q_gates
        if error_mitigation is not UNSET:
            field_dict["error_mitigation"] = error_mitigation
        if organization is not UNSET:
            field_dict["organization"] = organization
        if project is not UNSET:
            field_dict["project"] = project

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        backend = d.pop("backend")

        type_ = d.pop("type", UNSET)

        qubits = d.pop("qubits", UNSET)

        shots = d.pop("shots", UNSET)

        field_1q_gates = d.pop("1q_gates", UNSET)

        field_2q_gates = d.pop("2q_gates", UNSET)

        error_mitigation = d.pop("error_mitigation", UNSET)

        def _parse_organization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        estimate_context = cls(
            backend=backend,
            type_=type_,
            qubits=qubits,
            shots=shots,
            field_1q_gates=field_1q_gates,
            field_2q_gates=field_2q_gates,
            error_mitigation=error_mitigation,
            organization=organization,
            project=project,
        )

        estimate_context.additional_properties = d
        return estimate_context

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
