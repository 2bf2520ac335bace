from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

T = TypeVar("T", bound="JobIds")


class JobIds:
    """
    Attributes:
        ids (list[str]):
    """

    __slots__ = ("ids",)

    def __init__(
        self,
        ids: list[str],
    ) -> None:
        self.ids = ids

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JobIds) or other.__class__ is not self.__class__:
            return NotImplemented
        return (self.ids,) == (other.ids,)

    def __repr__(self) -> str:
        return f"JobIds(ids={self.ids!r})"

    def to_dict(self) -> dict[str, Any]:
        ids = self.ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ids": ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ids = cast(list[str], d.pop("ids"))

        job_ids = cls(
            ids=ids,
        )

        return job_ids
