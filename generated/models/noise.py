from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..types import UNSET, Unset

T = TypeVar("T", bound="Noise")


class Noise:
    """
    Attributes:
        model (str):
        seed (int | None | Unset):
    """

    __slots__ = (
        "model",
        "seed",
    )

    def __init__(
        self,
        model: str,
        seed: int | None | Unset = UNSET,
    ) -> None:
        self.model = model
        self.seed = seed

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Noise) or other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.model,
            self.seed,
        ) == (
            other.model,
            other.seed,
        )

    def __repr__(self) -> str:
        return f"Noise(model={self.model!r}, seed={self.seed!r})"

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
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

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        noise = cls(
            model=model,
            seed=seed,
        )

        return noise
