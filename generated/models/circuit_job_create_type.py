from typing import Literal

CircuitJobCreateType = Literal["ionq.circuit.v1", "ionq.qasm3.v1"]

CIRCUIT_JOB_CREATE_TYPE_VALUES: set[CircuitJobCreateType] = {
    "ionq.circuit.v1",
    "ionq.qasm3.v1",
}


def check_circuit_job_create_type(value: str) -> CircuitJobCreateType:
    if value in CIRCUIT_JOB_CREATE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CIRCUIT_JOB_CREATE_TYPE_VALUES!r}"
    )
