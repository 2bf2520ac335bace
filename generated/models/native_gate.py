from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..models.native_gate_gate import NativeGateGate, check_native_gate_gate
from ..types import UNSET, Unset

T = TypeVar("T", bound="NativeGate")


class NativeGate:
    """
    Attributes:
        gate (NativeGateGate):
        target (int | Unset):
        targets (list[int] | Unset):
        phase (float | Unset): Phase in turns (gpi, gpi2).
        phases (list[float] | Unset): Phases in turns (ms).
        angle (float | Unset): Interaction angle in turns (ms, zz).
    """

    __slots__ = (
        "gate",
        "target",
        "targets",
        "phase",
        "phases",
        "angle",
    )

    def __init__(
        self,
        gate: NativeGateGate,
        target: int | Unset = UNSET,
        targets: list[int] | Unset = UNSET,
        phase: float | Unset = UNSET,
        phases: list[float] | Unset = UNSET,
        angle: float | Unset = UNSET,
    ) -> None:
        self.gate = gate
        self.target = target
        self.targets = targets
        self.phase = phase
        self.phases = phases
        self.angle = angle

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NativeGate) or other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.gate,
            self.target,
            self.targets,
            self.phase,
            self.phases,
            self.angle,
        ) == (
            other.gate,
            other.target,
            other.targets,
            other.phase,
            other.phases,
            other.angle,
        )

    def __repr__(self) -> str:
        return f"NativeGate(gate={self.gate!r}, target={self.target!r}, targets={self.targets!r}, phase={self.phase!r}, phases={self.phases!r}, angle={self.angle!r})"

    def to_dict(self) -> dict[str, Any]:
        gate: str = self.gate

        target = self.target

        targets: list[int] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = self.targets

        phase = self.phase

        phases: list[float] | Unset = UNSET
        if not isinstance(self.phases, Unset):
            phases = self.phases

        angle = self.angle

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
        if phase is not UNSET:
            field_dict["phase"] = phase
        if phases is not UNSET:
            field_dict["phases"] = phases
        if angle is not UNSET:
            field_dict["angle"] = angle

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gate = check_native_gate_gate(d.pop("gate"))

        target = d.pop("target", UNSET)

        targets = cast(list[int], d.pop("targets", UNSET))

        phase = d.pop("phase", UNSET)

        phases = cast(list[float], d.pop("phases", UNSET))

        angle = d.pop("angle", UNSET)

        native_gate = cls(
            gate=gate,
            target=target,
            targets=targets,
            phase=phase,
            phases=phases,
            angle=angle,
        )

        return native_gate
