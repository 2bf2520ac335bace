from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cost_amount import CostAmount


T = TypeVar("T", bound="JobCost")


@_attrs_define
class JobCost:
    """
    Attributes:
        dry_run (bool):
        estimated_cost (CostAmount):
        cost (CostAmount | Unset):
    """

    dry_run: bool
    estimated_cost: CostAmount
    cost: CostAmount | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        estimated_cost = self.estimated_cost.to_dict()

        cost: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cost, Unset):
            cost = self.cost.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dry_run": dry_run,
                "estimated_cost": estimated_cost,
            }
        )
        if cost is not UNSET:
            field_dict["cost"] = cost

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cost_amount import CostAmount  # noqa: PLC0415

        d = dict(src_dict)
        dry_run = d.pop("dry_run")

        estimated_cost = CostAmount.from_dict(d.pop("estimated_cost"))

        _cost = d.pop("cost", UNSET)
        cost: CostAmount | Unset
        if isinstance(_cost, Unset):
            cost = UNSET
        else:
            cost = CostAmount.from_dict(_cost)

        job_cost = cls(
            dry_run=dry_run,
            estimated_cost=estimated_cost,
            cost=cost,
        )

        job_cost.additional_properties = d
        return job_cost

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
