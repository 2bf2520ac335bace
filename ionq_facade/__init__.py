"""Typed client for the IonQ Quantum Cloud API v0.4.

from ionq_facade import IonQ, Circuit

with IonQ() as client:
    ref = client.jobs.create(Circuit(2).h(0).cnot(0, 1), backend="simulator", shots=1000)
    job = client.jobs.wait(ref.id, timeout=120)
    print(client.jobs.probabilities(job))
"""

from ._circuit import QASM3, Circuit, GateCircuit, NativeCircuit
from ._client import AsyncIonQ, IonQ
from ._config import DEFAULT_BASE_URL, DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ArgumentTypeError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    EventLoopError,
    InternalServerError,
    InvalidArgumentError,
    InvalidTransitionError,
    IonQError,
    JobCanceledError,
    JobConflictError,
    JobEndedError,
    JobFailedError,
    JobMayExistError,
    JobTimeoutError,
    LifecycleViolationError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
)
from ._lifecycle import JobStatus
from ._models import (
    Backend,
    Characterization,
    CharacterizationPage,
    Compilation,
    CompilationOutput,
    CostAmount,
    CostLimit,
    ErrorMitigation,
    EstimateContext,
    Fidelity,
    Job,
    JobCost,
    JobEstimate,
    JobFailure,
    JobOptions,
    JobOutput,
    JobOverrides,
    JobPage,
    JobRef,
    JobResults,
    JobStats,
    JSONValue,
    Noise,
    Probabilities,
    RateCard,
    RateCardEntry,
    ResultArtifact,
    Session,
    SessionSettings,
    Settings,
    Whoami,
)
from ._pagination import AsyncJobPager, JobFilters, JobPager, SessionJobFilters
from ._reconcile import Reconciliation
from ._response import RawResponse
from ._results import Histogram, RegisterDistributions, RegisterShots, Shots
from ._version import __version__

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "QASM3",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ArgumentTypeError",
    "AsyncIonQ",
    "AsyncJobPager",
    "AuthenticationError",
    "Backend",
    "BadRequestError",
    "Characterization",
    "CharacterizationPage",
    "Circuit",
    "Compilation",
    "CompilationOutput",
    "ConflictError",
    "CostAmount",
    "CostLimit",
    "ErrorMitigation",
    "EstimateContext",
    "EventLoopError",
    "Fidelity",
    "GateCircuit",
    "Histogram",
    "InternalServerError",
    "InvalidArgumentError",
    "InvalidTransitionError",
    "IonQ",
    "IonQError",
    "JSONValue",
    "Job",
    "JobCanceledError",
    "JobConflictError",
    "JobCost",
    "JobEndedError",
    "JobEstimate",
    "JobFailedError",
    "JobFailure",
    "JobFilters",
    "JobMayExistError",
    "JobOptions",
    "JobOutput",
    "JobOverrides",
    "JobPage",
    "JobPager",
    "JobRef",
    "JobResults",
    "JobStats",
    "JobStatus",
    "JobTimeoutError",
    "LifecycleViolationError",
    "NativeCircuit",
    "Noise",
    "NotFoundError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "Probabilities",
    "RateCard",
    "RateCardEntry",
    "RateLimitError",
    "RawResponse",
    "Reconciliation",
    "RegisterDistributions",
    "RegisterShots",
    "ResponseTooLargeError",
    "ResultArtifact",
    "Session",
    "SessionJobFilters",
    "SessionSettings",
    "Settings",
    "Shots",
    "Whoami",
    "__version__",
]

# Public classes report (and pickle by) their public home, not the private module.
for _name in __all__:
    _value = globals()[_name]
    if isinstance(_value, type):
        _value.__module__ = __name__
del _name, _value
