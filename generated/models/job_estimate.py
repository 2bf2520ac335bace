from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.estimate_context import EstimateContext
    from ..models.rate_card import RateCard


T = TypeVar("T", bound="JobEstimate")


@_attrs_define
class JobEstimate:
    """
    Attributes:
        estimate_context (EstimateContext):
        estimated_at (str):
        estimated_unit (str):
        rate_card (RateCard):
        estimated_total_cost (float):
        estimated_execution_time (int): Milliseconds.
        current_predicted_queue_time (int): Milliseconds.
        estimated_quantum_compute_time_us (int | Unset):
    """

    estimate_context: EstimateContext
    estimated_at: str
    estimated_unit: str
    rate_card: RateCard
    estimated_total_cost: float
    estimated_execution_time: int
    current_predicted_queue_time: int
    estimated_quantum_compute_time_us: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        estimate_context = self.estimate_context.to_dict()

        estimated_at = self.estimated_at

        estimated_unit = self.estimated_unit

        rate_card = self.rate_card.to_dict()

        estimated_total_cost = self.estimated_total_cost

        estimated_execution_time = self.estimated_execution_time

        current_predicted_queue_time = self.current_predicted_queue_time

        estimated_quantum_compute_time_us = self.estimated_quantum_compute_time_us

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "estimate_context": estimate_context,
                "estimated_at": estimated_at,
                "estimated_unit": estimated_unit,
                "rate_card": rate_card,
                "estimated_total_cost": estimated_total_cost,
                "estimated_execution_time": estimated_execution_time,
                "current_predicted_queue_time": current_predicted_queue_time,
            }
        )
        if estimated_quantum_compute_time_us is not UNSET:
            field_dict["estimated_quantum_compute_time_us"] = (
                estimated_quantum_compute_time_us
            )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.estimate_context import EstimateContext  # noqa: PLC0415
        from ..models.rate_card import RateCard  # noqa: PLC0415

        d = dict(src_dict)
        estimate_context = EstimateContext.from_dict(d.pop("estimate_context"))

        estimated_at = d.pop("estimated_at")

        estimated_unit = d.pop("estimated_unit")

        rate_card = RateCard.from_dict(d.pop("rate_card"))

        estimated_total_cost = d.pop("estimated_total_cost")

        estimated_execution_time = d.pop("estimated_execution_time")

        current_predicted_queue_time = d.pop("current_predicted_queue_time")

        estimated_quantum_compute_time_us = d.pop(
            "estimated_quantum_compute_time_us", UNSET
        )

        job_estimate = cls(
            estimate_context=estimate_context,
            estimated_at=estimated_at,
            estimated_unit=estimated_unit,
            rate_card=rate_card,
            estimated_total_cost=estimated_total_cost,
            estimated_execution_time=estimated_execution_time,
            current_predicted_queue_time=current_predicted_queue_time,
            estimated_quantum_compute_time_us=estimated_quantum_compute_time_us,
        )

        job_estimate.additional_properties = d
        return job_estimate

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
