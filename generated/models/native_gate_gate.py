from typing import Literal

NativeGateGate = Literal["gpi", "gpi2", "ms", "zz"]

NATIVE_GATE_GATE_VALUES: set[NativeGateGate] = {
    "gpi",
    "gpi2",
    "ms",
    "zz",
}


def check_native_gate_gate(value: str) -> NativeGateGate:
    if value in NATIVE_GATE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {NATIVE_GATE_GATE_VALUES!r}"
    )
