from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T", bound="JobMetadata")


class JobMetadata:
    """Free-form string metadata: at most 10 keys, names of at most 40 characters, values of at most 40,000 characters
    (IonQ's documented limits; more is refused with 400).

    """

    __slots__ = ("additional_properties",)

    def __init__(
        self,
    ) -> None:
        self.additional_properties: dict[str, str] = {}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JobMetadata) or other.__class__ is not self.__class__:
            return NotImplemented
        return (self.additional_properties,) == (other.additional_properties,)

    def __repr__(self) -> str:
        return f"JobMetadata(additional_properties={self.additional_properties!r})"

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job_metadata = cls()

        job_metadata.additional_properties = d
        return job_metadata

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
