from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.compilation_settings import CompilationSettings
    from ..models.error_mitigation_settings import ErrorMitigationSettings


T = TypeVar("T", bound="JobSettings")


class JobSettings:
    """
    Attributes:
        compilation (CompilationSettings | Unset):
        error_mitigation (ErrorMitigationSettings | Unset):
    """

    __slots__ = (
        "compilation",
        "error_mitigation",
    )

    def __init__(
        self,
        compilation: CompilationSettings | Unset = UNSET,
        error_mitigation: ErrorMitigationSettings | Unset = UNSET,
    ) -> None:
        self.compilation = compilation
        self.error_mitigation = error_mitigation

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JobSettings) or other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.compilation,
            self.error_mitigation,
        ) == (
            other.compilation,
            other.error_mitigation,
        )

    def __repr__(self) -> str:
        return f"JobSettings(compilation={self.compilation!r}, error_mitigation={self.error_mitigation!r})"

    def to_dict(self) -> dict[str, Any]:
        compilation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.compilation, Unset):
            compilation = self.compilation.to_dict()

        error_mitigation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error_mitigation, Unset):
            error_mitigation = self.error_mitigation.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if compilation is not UNSET:
            field_dict["compilation"] = compilation
        if error_mitigation is not UNSET:
            field_dict["error_mitigation"] = error_mitigation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.compilation_settings import CompilationSettings  # noqa: PLC0415
        from ..models.error_mitigation_settings import ErrorMitigationSettings  # noqa: PLC0415

        d = dict(src_dict)
        _compilation = d.pop("compilation", UNSET)
        compilation: CompilationSettings | Unset
        if isinstance(_compilation, Unset):
            compilation = UNSET
        else:
            compilation = CompilationSettings.from_dict(_compilation)

        _error_mitigation = d.pop("error_mitigation", UNSET)
        error_mitigation: ErrorMitigationSettings | Unset
        if isinstance(_error_mitigation, Unset):
            error_mitigation = UNSET
        else:
            error_mitigation = ErrorMitigationSettings.from_dict(_error_mitigation)

        job_settings = cls(
            compilation=compilation,
            error_mitigation=error_mitigation,
        )

        return job_settings
