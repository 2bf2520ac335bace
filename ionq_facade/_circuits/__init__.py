"""Circuits: QIS and native gate lists (`Circuit`, `NativeCircuit`), and OpenQASM 3
programs (`QASM3`). Public from `ionq_facade`; the modules here are private.

What each gate takes is generated from the contract's gate schemas
(`ionq_facade._generated.gates`, see scripts/gates_codegen.py). Importing this package
does not load httpx.
Units follow IonQ: qis rotations are in radians, native phases and angles in turns.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

from ionq_facade._generated.gates import DATA, GATESET, Gateset

from ._checks import json_object
from ._gate import Gate, GateCounts
from ._gatelist import Circuit, GateCircuit, NativeCircuit
from ._qasm3 import QASM3

__all__ = [
    "QASM3",
    "AnyCircuit",
    "Circuit",
    "Gate",
    "GateCircuit",
    "GateCounts",
    "Gateset",
    "NativeCircuit",
    "input_from_dict",
]

AnyCircuit: TypeAlias = Circuit | NativeCircuit | QASM3


def input_from_dict(data: Mapping[str, Any]) -> AnyCircuit:
    """Read any single-circuit job `input` JSON: a program source means QASM3, else the
    gateset picks the circuit (the `qis` one when absent)."""
    obj = json_object(data, "input_from_dict")
    if DATA in obj:
        return QASM3.from_dict(obj)
    if obj.get(GATESET) == NativeCircuit.gateset:
        return NativeCircuit.from_dict(obj)
    return Circuit.from_dict(obj)
