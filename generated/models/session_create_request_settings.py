from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_cost_limit import SessionCostLimit


T = TypeVar("T", bound="SessionCreateRequestSettings")


class SessionCreateRequestSettings:
    """
    Attributes:
        job_count_limit (int | Unset):
        duration_limit_min (int | Unset):
        cost_limit (SessionCostLimit | Unset):
    """

    __slots__ = (
        "job_count_limit",
        "duration_limit_min",
        "cost_limit",
    )

    def __init__(
        self,
        job_count_limit: int | Unset = UNSET,
        duration_limit_min: int | Unset = UNSET,
        cost_limit: SessionCostLimit | Unset = UNSET,
    ) -> None:
        self.job_count_limit = job_count_limit
        self.duration_limit_min = duration_limit_min
        self.cost_limit = cost_limit

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, SessionCreateRequestSettings)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.job_count_limit,
            self.duration_limit_min,
            self.cost_limit,
        ) == (
            other.job_count_limit,
            other.duration_limit_min,
            other.cost_limit,
        )

    def __repr__(self) -> str:
        return f"SessionCreateRequestSettings(job_count_limit={self.job_count_limit!r}, duration_limit_min={self.duration_limit_min!r}, cost_limit={self.cost_limit!r})"

    def to_dict(self) -> dict[str, Any]:
        job_count_limit = self.job_count_limit

        duration_limit_min = self.duration_limit_min

        cost_limit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cost_limit, Unset):
            cost_limit = self.cost_limit.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if job_count_limit is not UNSET:
            field_dict["job_count_limit"] = job_count_limit
        if duration_limit_min is not UNSET:
            field_dict["duration_limit_min"] = duration_limit_min
        if cost_limit is not UNSET:
            field_dict["cost_limit"] = cost_limit

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

        session_create_request_settings = cls(
            job_count_limit=job_count_limit,
            duration_limit_min=duration_limit_min,
            cost_limit=cost_limit,
        )

        return session_create_request_settings
