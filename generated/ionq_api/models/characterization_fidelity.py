from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fidelity import Fidelity


T = TypeVar("T", bound="CharacterizationFidelity")


@_attrs_define
class CharacterizationFidelity:
    """
    Attributes:
        spam (Fidelity | Unset):
        field_1q (Fidelity | Unset):
        field_2q (Fidelity | Unset):
    """

    spam: Fidelity | Unset = UNSET
    field_1q: Fidelity | Unset = UNSET
    field_2q: Fidelity | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        spam: dict[str, Any] | Unset = UNSET
        if not isinstance(self.spam, Unset):
            spam = self.spam.to_dict()

        field_1q: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_1q, Unset):
            field_1q = self.field_1q.to_dict()

        field_2q: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_2q, Unset):
            field_2q = self.field_2q.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if spam is not UNSET:
            field_dict["spam"] = spam
        if field_1q is not UNSET:
            field_dict["1q"] = field_1q
        if field_2q is not UNSET:
            field_dict["2q"] = field_2q

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fidelity import Fidelity  # noqa: PLC0415

        d = dict(src_dict)
        _spam = d.pop("spam", UNSET)
        spam: Fidelity | Unset
        if isinstance(_spam, Unset):
            spam = UNSET
        else:
            spam = Fidelity.from_dict(_spam)

        _field_1q = d.pop("1q", UNSET)
        field_1q: Fidelity | Unset
        if isinstance(_field_1q, Unset):
            field_1q = UNSET
        else:
            field_1q = Fidelity.from_dict(_field_1q)

        _field_2q = d.pop("2q", UNSET)
        field_2q: Fidelity | Unset
        if isinstance(_field_2q, Unset):
            field_2q = UNSET
        else:
            field_2q = Fidelity.from_dict(_field_2q)

        characterization_fidelity = cls(
            spam=spam,
            field_1q=field_1q,
            field_2q=field_2q,
        )

        characterization_fidelity.additional_properties = d
        return characterization_fidelity

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
