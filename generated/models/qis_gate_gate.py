from typing import Literal

QisGateGate = Literal[
    "cnot",
    "h",
    "not",
    "pauliexp",
    "rx",
    "ry",
    "rz",
    "s",
    "si",
    "swap",
    "t",
    "ti",
    "v",
    "vi",
    "x",
    "xx",
    "y",
    "yy",
    "z",
    "zz",
]

QIS_GATE_GATE_VALUES: set[QisGateGate] = {
    "cnot",
    "h",
    "not",
    "pauliexp",
    "rx",
    "ry",
    "rz",
    "s",
    "si",
    "swap",
    "t",
    "ti",
    "v",
    "vi",
    "x",
    "xx",
    "y",
    "yy",
    "z",
    "zz",
}


def check_qis_gate_gate(value: str) -> QisGateGate:
    if value in QIS_GATE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QIS_GATE_GATE_VALUES!r}"
    )
