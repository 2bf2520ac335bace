from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Noise")


@_attrs_define
class Noise:
    """
    Attributes:
        model (str):
        seed (int | Unset):
    """

    model: str
    seed: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
            }
        )
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = d.pop("model")

        seed = d.pop("seed", UNSET)

        noise = cls(
            model=model,
            seed=seed,
        )

        return noise
