from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.characterization_fidelity import CharacterizationFidelity
    from ..models.characterization_timing import CharacterizationTiming


T = TypeVar("T", bound="Characterization")


@_attrs_define
class Characterization:
    """
    Attributes:
        id (str):
        backend (str):
        date (str):
        qubits (int):
        connectivity (list[list[int]] | Unset):
        fidelity (CharacterizationFidelity | Unset): Keyed by what was measured.
        timing (CharacterizationTiming | Unset): Seconds, keyed by what was timed.
    """

    id: str
    backend: str
    date: str
    qubits: int
    connectivity: list[list[int]] | Unset = UNSET
    fidelity: CharacterizationFidelity | Unset = UNSET
    timing: CharacterizationTiming | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        backend = self.backend

        date = self.date

        qubits = self.qubits

        connectivity: list[list[int]] | Unset = UNSET
        if not isinstance(self.connectivity, Unset):
            connectivity = []
            for connectivity_item_data in self.connectivity:
                connectivity_item = connectivity_item_data

                connectivity.append(connectivity_item)

        fidelity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fidelity, Unset):
            fidelity = self.fidelity.to_dict()

        timing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.timing, Unset):
            timing = self.timing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "backend": backend,
                "date": date,
                "qubits": qubits,
            }
        )
        if connectivity is not UNSET:
            field_dict["connectivity"] = connectivity
        if fidelity is not UNSET:
            field_dict["fidelity"] = fidelity
        if timing is not UNSET:
            field_dict["timing"] = timing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.characterization_fidelity import CharacterizationFidelity  # noqa: PLC0415
        from ..models.characterization_timing import CharacterizationTiming  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        backend = d.pop("backend")

        date = d.pop("date")

        qubits = d.pop("qubits")

        _connectivity = d.pop("connectivity", UNSET)
        connectivity: list[list[int]] | Unset = UNSET
        if _connectivity is not UNSET:
            connectivity = []
            for connectivity_item_data in _connectivity:
                connectivity_item = cast(list[int], connectivity_item_data)

                connectivity.append(connectivity_item)

        _fidelity = d.pop("fidelity", UNSET)
        fidelity: CharacterizationFidelity | Unset
        if isinstance(_fidelity, Unset):
            fidelity = UNSET
        else:
            fidelity = CharacterizationFidelity.from_dict(_fidelity)

        _timing = d.pop("timing", UNSET)
        timing: CharacterizationTiming | Unset
        if isinstance(_timing, Unset):
            timing = UNSET
        else:
            timing = CharacterizationTiming.from_dict(_timing)

        characterization = cls(
            id=id,
            backend=backend,
            date=date,
            qubits=qubits,
            connectivity=connectivity,
            fidelity=fidelity,
            timing=timing,
        )

        characterization.additional_properties = d
        return characterization

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
