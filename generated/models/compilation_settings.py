from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompilationSettings")


class CompilationSettings:
    """
    Attributes:
        opt (int | Unset):
        precision (str | Unset):
        gate_basis (str | Unset):
        service_version (str | Unset):
    """

    __slots__ = (
        "opt",
        "precision",
        "gate_basis",
        "service_version",
    )

    def __init__(
        self,
        opt: int | Unset = UNSET,
        precision: str | Unset = UNSET,
        gate_basis: str | Unset = UNSET,
        service_version: str | Unset = UNSET,
    ) -> None:
        self.opt = opt
        self.precision = precision
        self.gate_basis = gate_basis
        self.service_version = service_version

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, CompilationSettings)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.opt,
            self.precision,
            self.gate_basis,
            self.service_version,
        ) == (
            other.opt,
            other.precision,
            other.gate_basis,
            other.service_version,
        )

    def __repr__(self) -> str:
        return f"CompilationSettings(opt={self.opt!r}, precision={self.precision!r}, gate_basis={self.gate_basis!r}, service_version={self.service_version!r})"

    def to_dict(self) -> dict[str, Any]:
        opt = self.opt

        precision = self.precision

        gate_basis = self.gate_basis

        service_version = self.service_version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if opt is not UNSET:
            field_dict["opt"] = opt
        if precision is not UNSET:
            field_dict["precision"] = precision
        if gate_basis is not UNSET:
            field_dict["gate_basis"] = gate_basis
        if service_version is not UNSET:
            field_dict["service_version"] = service_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        opt = d.pop("opt", UNSET)

        precision = d.pop("precision", UNSET)

        gate_basis = d.pop("gate_basis", UNSET)

        service_version = d.pop("service_version", UNSET)

        compilation_settings = cls(
            opt=opt,
            precision=precision,
            gate_basis=gate_basis,
            service_version=service_version,
        )

        return compilation_settings
