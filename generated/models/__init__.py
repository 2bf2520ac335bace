"""Contains all the data models used in inputs/outputs"""

from .api_error import ApiError
from .artifact_descriptor import ArtifactDescriptor
from .backend import Backend
from .bad_request_error import BadRequestError
from .characterization import Characterization
from .characterization_fidelity import CharacterizationFidelity
from .characterization_list import CharacterizationList
from .characterization_timing import CharacterizationTiming
from .child_probabilities import ChildProbabilities
from .circuit_job_create import CircuitJobCreate
from .circuit_job_create_type import CircuitJobCreateType
from .compilation_output import CompilationOutput
from .compilation_output_compiled_circuits import CompilationOutputCompiledCircuits
from .compilation_settings import CompilationSettings
from .cost_amount import CostAmount
from .error_mitigation_settings import ErrorMitigationSettings
from .estimate_context import EstimateContext
from .failure import Failure
from .fidelity import Fidelity
from .job import Job
from .job_canceled import JobCanceled
from .job_cost import JobCost
from .job_created import JobCreated
from .job_deleted import JobDeleted
from .job_estimate import JobEstimate
from .job_ids import JobIds
from .job_list import JobList
from .job_metadata import JobMetadata
from .job_output import JobOutput
from .job_overrides import JobOverrides
from .job_settings import JobSettings
from .job_stats import JobStats
from .jobs_canceled import JobsCanceled
from .jobs_deleted import JobsDeleted
from .json_object import JsonObject
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
from .number_map import NumberMap
from .probabilities import Probabilities
from .qasm_3_input import Qasm3Input
from .qis_circuit import QisCircuit
from .qis_circuit_gateset import QisCircuitGateset
from .qis_circuit_input import QisCircuitInput
from .qis_circuit_input_gateset import QisCircuitInputGateset
from .qis_gate import QisGate
from .qis_gate_gate import QisGateGate
from .rate_card import RateCard
from .rate_card_entry import RateCardEntry
from .registers import Registers
from .request_validation import RequestValidation
from .result_artifacts import ResultArtifacts
from .result_link import ResultLink
from .result_links import ResultLinks
from .session import Session
from .session_cost_limit import SessionCostLimit
from .session_create_request import SessionCreateRequest
from .session_create_request_settings import SessionCreateRequestSettings
from .session_list import SessionList
from .session_settings import SessionSettings
from .whoami import Whoami

__all__ = (
    "ApiError",
    "ArtifactDescriptor",
    "Backend",
    "BadRequestError",
    "Characterization",
    "CharacterizationFidelity",
    "CharacterizationList",
    "CharacterizationTiming",
    "ChildProbabilities",
    "CircuitJobCreate",
    "CircuitJobCreateType",
    "CompilationOutput",
    "CompilationOutputCompiledCircuits",
    "CompilationSettings",
    "CostAmount",
    "ErrorMitigationSettings",
    "EstimateContext",
    "Failure",
    "Fidelity",
    "Job",
    "JobCanceled",
    "JobCost",
    "JobCreated",
    "JobDeleted",
    "JobEstimate",
    "JobIds",
    "JobList",
    "JobMetadata",
    "JobOutput",
    "JobOverrides",
    "JobsCanceled",
    "JobsDeleted",
    "JobSettings",
    "JobStats",
    "JsonObject",
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
    "NumberMap",
    "Probabilities",
    "Qasm3Input",
    "QisCircuit",
    "QisCircuitGateset",
    "QisCircuitInput",
    "QisCircuitInputGateset",
    "QisGate",
    "QisGateGate",
    "RateCard",
    "RateCardEntry",
    "Registers",
    "RequestValidation",
    "ResultArtifacts",
    "ResultLink",
    "ResultLinks",
    "Session",
    "SessionCostLimit",
    "SessionCreateRequest",
    "SessionCreateRequestSettings",
    "SessionList",
    "SessionSettings",
    "Whoami",
)
