from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..models.qis_gate_gate import QisGateGate, check_qis_gate_gate
from ..types import UNSET, Unset

T = TypeVar("T", bound="QisGate")


class QisGate:
    """
    Attributes:
        gate (QisGateGate):
        target (int | Unset):
        targets (list[int] | Unset):
        control (int | Unset):
        controls (list[int] | Unset):
        rotation (float | Unset): Angle in radians.
        terms (list[str] | Unset): Pauli strings of a pauliexp gate.
        coefficients (list[float] | Unset): Coefficients of a pauliexp gate.
        time (float | Unset): Evolution time of a pauliexp gate.
    """

    __slots__ = (
        "gate",
        "target",
        "targets",
        "control",
        "controls",
        "rotation",
        "terms",
        "coefficients",
        "time",
    )

    def __init__(
        self,
        gate: QisGateGate,
        target: int | Unset = UNSET,
        targets: list[int] | Unset = UNSET,
        control: int | Unset = UNSET,
        controls: list[int] | Unset = UNSET,
        rotation: float | Unset = UNSET,
        terms: list[str] | Unset = UNSET,
        coefficients: list[float] | Unset = UNSET,
        time: float | Unset = UNSET,
    ) -> None:
        self.gate = gate
        self.target = target
        self.targets = targets
        self.control = control
        self.controls = controls
        self.rotation = rotation
        self.terms = terms
        self.coefficients = coefficients
        self.time = time

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QisGate) or other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.gate,
            self.target,
            self.targets,
            self.control,
            self.controls,
            self.rotation,
            self.terms,
            self.coefficients,
            self.time,
        ) == (
            other.gate,
            other.target,
            other.targets,
            other.control,
            other.controls,
            other.rotation,
            other.terms,
            other.coefficients,
            other.time,
        )

    def __repr__(self) -> str:
        return f"QisGate(gate={self.gate!r}, target={self.target!r}, targets={self.targets!r}, control={self.control!r}, controls={self.controls!r}, rotation={self.rotation!r}, terms={self.terms!r}, coefficients={self.coefficients!r}, time={self.time!r})"

    def to_dict(self) -> dict[str, Any]:
        gate: str = self.gate

        target = self.target

        targets: list[int] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = self.targets

        control = self.control

        controls: list[int] | Unset = UNSET
        if not isinstance(self.controls, Unset):
            controls = self.controls

        rotation = self.rotation

        terms: list[str] | Unset = UNSET
        if not isinstance(self.terms, Unset):
            terms = self.terms

        coefficients: list[float] | Unset = UNSET
        if not isinstance(self.coefficients, Unset):
            coefficients = self.coefficients

        time = self.time

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gate": gate,
            }
        )
        if target is not UNSET:
            field_dict["target"] = target
        if targets is not UNSET:
            field_dict["targets"] = targets
        if control is not UNSET:
            field_dict["control"] = control
        if controls is not UNSET:
            field_dict["controls"] = controls
        if rotation is not UNSET:
            field_dict["rotation"] = rotation
        if terms is not UNSET:
            field_dict["terms"] = terms
        if coefficients is not UNSET:
            field_dict["coefficients"] = coefficients
        if time is not UNSET:
            field_dict["time"] = time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gate = check_qis_gate_gate(d.pop("gate"))

        target = d.pop("target", UNSET)

        targets = cast(list[int], d.pop("targets", UNSET))

        control = d.pop("control", UNSET)

        controls = cast(list[int], d.pop("controls", UNSET))

        rotation = d.pop("rotation", UNSET)

        terms = cast(list[str], d.pop("terms", UNSET))

        coefficients = cast(list[float], d.pop("coefficients", UNSET))

        time = d.pop("time", UNSET)

        qis_gate = cls(
            gate=gate,
            target=target,
            targets=targets,
            control=control,
            controls=controls,
            rotation=rotation,
            terms=terms,
            coefficients=coefficients,
            time=time,
        )

        return qis_gate
