from typing import Literal

QisCircuitGateset = Literal["qis"]

QIS_CIRCUIT_GATESET_VALUES: set[QisCircuitGateset] = {
    "qis",
}


def check_qis_circuit_gateset(value: str) -> QisCircuitGateset:
    if value in QIS_CIRCUIT_GATESET_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QIS_CIRCUIT_GATESET_VALUES!r}"
    )
