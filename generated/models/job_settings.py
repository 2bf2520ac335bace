from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.compilation_settings import CompilationSettings
    from ..models.error_mitigation_settings import ErrorMitigationSettings


T = TypeVar("T", bound="JobSettings")


@_attrs_define
class JobSettings:
    """
    Attributes:
        compilation (CompilationSettings | Unset):
        error_mitigation (ErrorMitigationSettings | Unset):
    """

    compilation: CompilationSettings | Unset = UNSET
    error_mitigation: ErrorMitigationSettings | Unset = UNSET

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
