from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.compilation_output_compiled_circuits import (
        CompilationOutputCompiledCircuits,
    )


T = TypeVar("T", bound="CompilationOutput")


@_attrs_define
class CompilationOutput:
    """
    Attributes:
        compiled_circuits (CompilationOutputCompiledCircuits | Unset): Compiled-circuit artifacts keyed by circuit
            format (`ionq.native.v1`).
    """

    compiled_circuits: CompilationOutputCompiledCircuits | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        compiled_circuits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.compiled_circuits, Unset):
            compiled_circuits = self.compiled_circuits.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if compiled_circuits is not UNSET:
            field_dict["compiled_circuits"] = compiled_circuits

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.compilation_output_compiled_circuits import (
            CompilationOutputCompiledCircuits,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _compiled_circuits = d.pop("compiled_circuits", UNSET)
        compiled_circuits: CompilationOutputCompiledCircuits | Unset
        if isinstance(_compiled_circuits, Unset):
            compiled_circuits = UNSET
        else:
            compiled_circuits = CompilationOutputCompiledCircuits.from_dict(
                _compiled_circuits
            )

        compilation_output = cls(
            compiled_circuits=compiled_circuits,
        )

        compilation_output.additional_properties = d
        return compilation_output

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
