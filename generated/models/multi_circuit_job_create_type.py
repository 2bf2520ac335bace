from typing import Literal

MultiCircuitJobCreateType = Literal["ionq.multi-circuit.v1"]

MULTI_CIRCUIT_JOB_CREATE_TYPE_VALUES: set[MultiCircuitJobCreateType] = {
    "ionq.multi-circuit.v1",
}


def check_multi_circuit_job_create_type(value: str) -> MultiCircuitJobCreateType:
    if value in MULTI_CIRCUIT_JOB_CREATE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MULTI_CIRCUIT_JOB_CREATE_TYPE_VALUES!r}"
    )
