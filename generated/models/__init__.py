"""Contains all the data models used in inputs/outputs"""
# From templates/models_init.py.jinja: each model is imported on first use, so a caller
# importing one request model does not load (and, without bytecode, compile) them all.

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .circuit_job_create import CircuitJobCreate
    from .circuit_job_create_type import CircuitJobCreateType
    from .compilation_settings import CompilationSettings
    from .error_mitigation_settings import ErrorMitigationSettings
    from .job_ids import JobIds
    from .job_metadata import JobMetadata
    from .job_overrides import JobOverrides
    from .job_settings import JobSettings
    from .multi_circuit_input import MultiCircuitInput
    from .multi_circuit_input_gateset import MultiCircuitInputGateset
    from .multi_circuit_job_create import MultiCircuitJobCreate
    from .multi_circuit_job_create_type import MultiCircuitJobCreateType
    from .native_circuit import NativeCircuit
    from .native_circuit_gateset import NativeCircuitGateset
    from .native_circuit_input import NativeCircuitInput
    from .native_circuit_input_gateset import NativeCircuitInputGateset
    from .native_gate import NativeGate
    from .native_gate_gate import NativeGateGate
    from .noise import Noise
    from .qasm_3_input import Qasm3Input
    from .qis_circuit import QisCircuit
    from .qis_circuit_gateset import QisCircuitGateset
    from .qis_circuit_input import QisCircuitInput
    from .qis_circuit_input_gateset import QisCircuitInputGateset
    from .qis_gate import QisGate
    from .qis_gate_gate import QisGateGate
    from .registers import Registers
    from .session_cost_limit import SessionCostLimit
    from .session_create_request import SessionCreateRequest
    from .session_create_request_settings import SessionCreateRequestSettings

__all__ = (
    "CircuitJobCreate",
    "CircuitJobCreateType",
    "CompilationSettings",
    "ErrorMitigationSettings",
    "JobIds",
    "JobMetadata",
    "JobOverrides",
    "JobSettings",
    "MultiCircuitInput",
    "MultiCircuitInputGateset",
    "MultiCircuitJobCreate",
    "MultiCircuitJobCreateType",
    "NativeCircuit",
    "NativeCircuitGateset",
    "NativeCircuitInput",
    "NativeCircuitInputGateset",
    "NativeGate",
    "NativeGateGate",
    "Noise",
    "Qasm3Input",
    "QisCircuit",
    "QisCircuitGateset",
    "QisCircuitInput",
    "QisCircuitInputGateset",
    "QisGate",
    "QisGateGate",
    "Registers",
    "SessionCostLimit",
    "SessionCreateRequest",
    "SessionCreateRequestSettings",
)

# Name -> the module (of this package) defining it.
_HOMES = {
    "CircuitJobCreate": ".circuit_job_create",
    "CircuitJobCreateType": ".circuit_job_create_type",
    "CompilationSettings": ".compilation_settings",
    "ErrorMitigationSettings": ".error_mitigation_settings",
    "JobIds": ".job_ids",
    "JobMetadata": ".job_metadata",
    "JobOverrides": ".job_overrides",
    "JobSettings": ".job_settings",
    "MultiCircuitInput": ".multi_circuit_input",
    "MultiCircuitInputGateset": ".multi_circuit_input_gateset",
    "MultiCircuitJobCreate": ".multi_circuit_job_create",
    "MultiCircuitJobCreateType": ".multi_circuit_job_create_type",
    "NativeCircuit": ".native_circuit",
    "NativeCircuitGateset": ".native_circuit_gateset",
    "NativeCircuitInput": ".native_circuit_input",
    "NativeCircuitInputGateset": ".native_circuit_input_gateset",
    "NativeGate": ".native_gate",
    "NativeGateGate": ".native_gate_gate",
    "Noise": ".noise",
    "Qasm3Input": ".qasm_3_input",
    "QisCircuit": ".qis_circuit",
    "QisCircuitGateset": ".qis_circuit_gateset",
    "QisCircuitInput": ".qis_circuit_input",
    "QisCircuitInputGateset": ".qis_circuit_input_gateset",
    "QisGate": ".qis_gate",
    "QisGateGate": ".qis_gate_gate",
    "Registers": ".registers",
    "SessionCostLimit": ".session_cost_limit",
    "SessionCreateRequest": ".session_create_request",
    "SessionCreateRequestSettings": ".session_create_request_settings",
}

if not TYPE_CHECKING:  # checkers see the imports above, so a misspelt name is an error

    def __getattr__(name: str) -> object:
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(home, __name__), name)
        globals()[name] = value  # found directly from now on
        return value
