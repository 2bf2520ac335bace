from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_cost_limit import SessionCostLimit


T = TypeVar("T", bound="SessionSettings")


@_attrs_define
class SessionSettings:
    """
    Attributes:
        job_count_limit (int | Unset):
        duration_limit_min (int | Unset):
        cost_limit (SessionCostLimit | Unset):
        expires_at (str | Unset):
    """

    job_count_limit: int | Unset = UNSET
    duration_limit_min: int | Unset = UNSET
    cost_limit: SessionCostLimit | Unset = UNSET
    expires_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_count_limit = self.job_count_limit

        duration_limit_min = self.duration_limit_min

        cost_limit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cost_limit, Unset):
            cost_limit = self.cost_limit.to_dict()

        expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if job_count_limit is not UNSET:
            field_dict["job_count_limit"] = job_count_limit
        if duration_limit_min is not UNSET:
            field_dict["duration_limit_min"] = duration_limit_min
        if cost_limit is not UNSET:
            field_dict["cost_limit"] = cost_limit
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_cost_limit import SessionCostLimit  # noqa: PLC0415

        d = dict(src_dict)
        job_count_limit = d.pop("job_count_limit", UNSET)

        duration_limit_min = d.pop("duration_limit_min", UNSET)

        _cost_limit = d.pop("cost_limit", UNSET)
        cost_limit: SessionCostLimit | Unset
        if isinstance(_cost_limit, Unset):
            cost_limit = UNSET
        else:
            cost_limit = SessionCostLimit.from_dict(_cost_limit)

        expires_at = d.pop("expires_at", UNSET)

        session_settings = cls(
            job_count_limit=job_count_limit,
            duration_limit_min=duration_limit_min,
            cost_limit=cost_limit,
            expires_at=expires_at,
        )

        session_settings.additional_properties = d
        return session_settings

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
