from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorMitigationSettings")


class ErrorMitigationSettings:
    """
    Attributes:
        debiasing (bool | Unset): Needs at least 500 shots (refused with 400 below). Omitted: on for QPU jobs of 500 or
            more shots, as IonQ defaults; the job then reports `output.error_mitigation`.
        symmetry_verification (bool | Unset):
    """

    __slots__ = (
        "debiasing",
        "symmetry_verification",
    )

    def __init__(
        self,
        debiasing: bool | Unset = UNSET,
        symmetry_verification: bool | Unset = UNSET,
    ) -> None:
        self.debiasing = debiasing
        self.symmetry_verification = symmetry_verification

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, ErrorMitigationSettings)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.debiasing,
            self.symmetry_verification,
        ) == (
            other.debiasing,
            other.symmetry_verification,
        )

    def __repr__(self) -> str:
        return f"ErrorMitigationSettings(debiasing={self.debiasing!r}, symmetry_verification={self.symmetry_verification!r})"

    def to_dict(self) -> dict[str, Any]:
        debiasing = self.debiasing

        symmetry_verification = self.symmetry_verification

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if debiasing is not UNSET:
            field_dict["debiasing"] = debiasing
        if symmetry_verification is not UNSET:
            field_dict["symmetry_verification"] = symmetry_verification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        debiasing = d.pop("debiasing", UNSET)

        symmetry_verification = d.pop("symmetry_verification", UNSET)

        error_mitigation_settings = cls(
            debiasing=debiasing,
            symmetry_verification=symmetry_verification,
        )

        return error_mitigation_settings
