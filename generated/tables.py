"""The contract's names the hand-written façade reads: generated from openapi.yaml by
scripts/regenerate (scripts/tables_codegen.py); never edit by hand.

Imports nothing of the package: the emulator loads this module too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final


class Key:
    """Every property and parameter name of the contract."""

    ACTIVE: Final = "active"
    ANGLE: Final = "angle"
    ARTIFACT_ID: Final = "artifactId"
    AVERAGE_QUEUE_TIME: Final = "average_queue_time"
    BACKEND: Final = "backend"
    BILLED_QUANTUM_COMPUTE_TIME_US: Final = "billed_quantum_compute_time_us"
    CHARACTERIZATIONS: Final = "characterizations"
    CHARACTERIZATION_ID: Final = "characterization_id"
    CHILD_JOB_IDS: Final = "child_job_ids"
    CIRCUIT: Final = "circuit"
    CIRCUITS: Final = "circuits"
    CODE: Final = "code"
    COEFFICIENTS: Final = "coefficients"
    COMPILATION: Final = "compilation"
    COMPILED_CIRCUITS: Final = "compiled_circuits"
    COMPLETED_AT: Final = "completed_at"
    CONNECTIVITY: Final = "connectivity"
    CONTROL: Final = "control"
    CONTROLS: Final = "controls"
    COST: Final = "cost"
    COST_1Q_GATE: Final = "cost_1q_gate"
    COST_2Q_GATE: Final = "cost_2q_gate"
    COST_LIMIT: Final = "cost_limit"
    COST_MODEL: Final = "cost_model"
    CREATED_AT: Final = "created_at"
    CREATOR_ID: Final = "creator_id"
    CURRENT_PREDICTED_QUEUE_TIME: Final = "current_predicted_queue_time"
    DATA: Final = "data"
    DATE: Final = "date"
    DEBIASING: Final = "debiasing"
    DEGRADED: Final = "degraded"
    DRY_RUN: Final = "dry_run"
    DURATION_LIMIT_MIN: Final = "duration_limit_min"
    END: Final = "end"
    ENDED_AT: Final = "ended_at"
    ENDER_ID: Final = "ender_id"
    ERROR: Final = "error"
    ERROR_MITIGATION: Final = "error_mitigation"
    ESTIMATED_AT: Final = "estimated_at"
    ESTIMATED_COST: Final = "estimated_cost"
    ESTIMATED_EXECUTION_TIME: Final = "estimated_execution_time"
    ESTIMATED_QUANTUM_COMPUTE_TIME_US: Final = "estimated_quantum_compute_time_us"
    ESTIMATED_TOTAL_COST: Final = "estimated_total_cost"
    ESTIMATED_UNIT: Final = "estimated_unit"
    ESTIMATE_CONTEXT: Final = "estimate_context"
    EXECUTION_DURATION_MS: Final = "execution_duration_ms"
    EXPIRES_AT: Final = "expires_at"
    FAILURE: Final = "failure"
    FIDELITY: Final = "fidelity"
    FIELD_1Q_GATES: Final = "1q_gates"
    FIELD_2Q_GATES: Final = "2q_gates"
    FORMAT: Final = "format"
    GATE: Final = "gate"
    GATESET: Final = "gateset"
    GATE_BASIS: Final = "gate_basis"
    GATE_COUNTS: Final = "gate_counts"
    HISTOGRAM: Final = "histogram"
    ID: Final = "id"
    IDEMPOTENCY_KEY: Final = "Idempotency-Key"
    IDS: Final = "ids"
    INPUT: Final = "input"
    JOBS: Final = "jobs"
    JOB_COST_MINIMUM: Final = "job_cost_minimum"
    JOB_COUNT_LIMIT: Final = "job_count_limit"
    KEYS: Final = "keys"
    KEY_ID: Final = "key_id"
    KEY_NAME: Final = "key_name"
    KW: Final = "kw"
    KWH: Final = "kwh"
    LAST_UPDATED: Final = "last_updated"
    LIMIT: Final = "limit"
    LOCATION: Final = "location"
    MEDIAN: Final = "median"
    MEDIA_TYPE: Final = "media_type"
    MESSAGE: Final = "message"
    METADATA: Final = "metadata"
    MODEL: Final = "model"
    NAME: Final = "name"
    NEXT: Final = "next"
    NOISE: Final = "noise"
    OPT: Final = "opt"
    ORGANIZATION: Final = "organization"
    ORGANIZATION_ID: Final = "organization_id"
    OUTPUT: Final = "output"
    PAGE: Final = "page"
    PAGES: Final = "pages"
    PARENT: Final = "parent"
    PARENT_JOB_ID: Final = "parent_job_id"
    PHASE: Final = "phase"
    PHASES: Final = "phases"
    PRECISION: Final = "precision"
    PREDICTED_EXECUTION_DURATION_MS: Final = "predicted_execution_duration_ms"
    PREDICTED_QUANTUM_COMPUTE_TIME_US: Final = "predicted_quantum_compute_time_us"
    PREDICTED_WAIT_TIME_MS: Final = "predicted_wait_time_ms"
    PROBABILITIES: Final = "probabilities"
    PROJECT: Final = "project"
    PROJECT_ID: Final = "project_id"
    QUBITS: Final = "qubits"
    RATES: Final = "rates"
    RATE_CARD: Final = "rate_card"
    REGISTERS: Final = "registers"
    RESULTS: Final = "results"
    ROTATION: Final = "rotation"
    SEED: Final = "seed"
    SERVICE_VERSION: Final = "service_version"
    SESSIONS: Final = "sessions"
    SESSION_ID: Final = "session_id"
    SETTINGS: Final = "settings"
    SHARPEN: Final = "sharpen"
    SHOTS: Final = "shots"
    SKU: Final = "sku"
    SOURCE: Final = "source"
    START: Final = "start"
    STARTED_AT: Final = "started_at"
    STATS: Final = "stats"
    STATUS: Final = "status"
    STATUS_CODE: Final = "statusCode"
    STDERR: Final = "stderr"
    SUBMITTED_AT: Final = "submitted_at"
    SUBMITTER_ID: Final = "submitter_id"
    SUPPORTED_ERROR_MITIGATIONS: Final = "supported_error_mitigations"
    SUPPORTED_GATES: Final = "supported_gates"
    SUPPORTED_NATIVE_GATES: Final = "supported_native_gates"
    SYMMETRY_VERIFICATION: Final = "symmetry_verification"
    TARGET: Final = "target"
    TARGETS: Final = "targets"
    TERMS: Final = "terms"
    TIME: Final = "time"
    TIMING: Final = "timing"
    TYPE: Final = "type"
    UNIT: Final = "unit"
    UNIT_COST: Final = "unit_cost"
    URL: Final = "url"
    UUID: Final = "UUID"
    VALIDATION: Final = "validation"
    VALUE: Final = "value"


class JobType:
    """The job types the contract knows (`Job.type`)."""

    CIRCUIT_V1: Final = "ionq.circuit.v1"
    MULTI_CIRCUIT_V1: Final = "ionq.multi-circuit.v1"
    QASM3_V1: Final = "ionq.qasm3.v1"
    QIR_V1: Final = "ionq.qir.v1"


class ResultFormat:
    """The result formats the contract knows (`ArtifactDescriptor.format`)."""

    HISTOGRAM_V1: Final = "ionq.result.histogram.json.v1"
    HISTOGRAM_V2: Final = "ionq.result.histogram.json.v2"
    PROBABILITIES_AGGREGATE_V1: Final = "ionq.result.probabilities-aggregate.json.v1"
    PROBABILITIES_V1: Final = "ionq.result.probabilities.json.v1"
    PROBABILITIES_V2: Final = "ionq.result.probabilities.json.v2"
    SHOTS_V1: Final = "ionq.result.shots.json.v1"
    SHOTS_V2: Final = "ionq.result.shots.json.v2"


class CircuitFormat:
    """The compiled-circuit formats the contract knows (`CompilationOutput.compiled_circuits`)."""

    NATIVE_V1: Final = "ionq.native.v1"


# The short-name link (`ResultLinks`) that serves each v1 result format.
RESULT_LINKS: Final[Mapping[str, str]] = {
    ResultFormat.PROBABILITIES_V1: Key.PROBABILITIES,
    ResultFormat.HISTOGRAM_V1: Key.HISTOGRAM,
    ResultFormat.SHOTS_V1: Key.SHOTS,
}
# operationId -> (method, path template).
ROUTES: Final[Mapping[str, tuple[str, str]]] = {
    "getWhoami": ("GET", "/whoami"),
    "getBackends": ("GET", "/backends"),
    "getBackend": ("GET", "/backends/{backend}"),
    "getCharacterizations": ("GET", "/backends/{backend}/characterizations"),
    "getCharacterization": ("GET", "/backends/{backend}/characterizations/{UUID}"),
    "createJob": ("POST", "/jobs"),
    "listJobs": ("GET", "/jobs"),
    "deleteJobs": ("DELETE", "/jobs"),
    "cancelJobs": ("PUT", "/jobs/status/cancel"),
    "estimateJob": ("GET", "/jobs/estimate"),
    "getJob": ("GET", "/jobs/{UUID}"),
    "deleteJob": ("DELETE", "/jobs/{UUID}"),
    "cancelJob": ("PUT", "/jobs/{UUID}/status/cancel"),
    "getJobCost": ("GET", "/jobs/{UUID}/cost"),
    "getJobProbabilities": ("GET", "/jobs/{UUID}/results/probabilities"),
    "getJobArtifact": ("GET", "/jobs/{UUID}/artifacts/{artifactId}"),
    "cloneJob": ("POST", "/jobs/{UUID}/clone"),
    "moveJob": ("POST", "/jobs/{UUID}/move"),
    "createSession": ("POST", "/sessions"),
    "listSessions": ("GET", "/sessions"),
    "getSession": ("GET", "/sessions/{session_id}"),
    "endSession": ("POST", "/sessions/{session_id}/end"),
    "listSessionJobs": ("GET", "/sessions/{session_id}/jobs"),
}
