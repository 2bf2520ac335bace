from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.characterization import Characterization


T = TypeVar("T", bound="CharacterizationList")


@_attrs_define
class CharacterizationList:
    """
    Attributes:
        characterizations (list[Characterization]):
        pages (int | Unset): Pages remaining.
    """

    characterizations: list[Characterization]
    pages: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        characterizations = []
        for characterizations_item_data in self.characterizations:
            characterizations_item = characterizations_item_data.to_dict()
            characterizations.append(characterizations_item)

        pages = self.pages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "characterizations": characterizations,
            }
        )
        if pages is not UNSET:
            field_dict["pages"] = pages

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.characterization import Characterization  # noqa: PLC0415

        d = dict(src_dict)
        characterizations = []
        _characterizations = d.pop("characterizations")
        for characterizations_item_data in _characterizations:
            characterizations_item = Characterization.from_dict(
                characterizations_item_data
            )

            characterizations.append(characterizations_item)

        pages = d.pop("pages", UNSET)

        characterization_list = cls(
            characterizations=characterizations,
            pages=pages,
        )

        characterization_list.additional_properties = d
        return characterization_list

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
