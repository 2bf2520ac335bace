from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T", bound="SessionCostLimit")


class SessionCostLimit:
    """
    Attributes:
        unit (str):
        value (float):
    """

    __slots__ = (
        "unit",
        "value",
        "additional_properties",
    )

    def __init__(
        self,
        unit: str,
        value: float,
    ) -> None:
        self.unit = unit
        self.value = value
        self.additional_properties: dict[str, Any] = {}

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, SessionCostLimit)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.unit,
            self.value,
            self.additional_properties,
        ) == (
            other.unit,
            other.value,
            other.additional_properties,
        )

    def __repr__(self) -> str:
        return f"SessionCostLimit(unit={self.unit!r}, value={self.value!r}, additional_properties={self.additional_properties!r})"

    def to_dict(self) -> dict[str, Any]:
        unit = self.unit

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unit": unit,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit = d.pop("unit")

        value = d.pop("value")

        session_cost_limit = cls(
            unit=unit,
            value=value,
        )

        session_cost_limit.additional_properties = d
        return session_cost_limit

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
