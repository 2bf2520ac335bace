"""IonQ's documented limits, in one table, and the checks that enforce them.

Each limit names where IonQ states it. A request over a limit is refused the way IonQ
refuses it: 400 with the error body (``validation.keys`` naming the field), and nothing
is stored. Limits the contract's schema already states (shots 1..1,000,000, at most
5,000 circuits, 10 MB bodies) are enforced by request validation and listed here too,
so the table is complete.

Not enforced, on purpose: the number of controls per gate. IonQ names the failure code
(``TooManyControls``, published ``Failure.code``) but publishes no number, and the
emulator does not invent one; any control count the simulator can run is accepted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from ionq_emulator.catalog import BackendInfo
from ionq_emulator.errors import ApiError

__all__ = [
    "DEBIASING_MIN_SHOTS",
    "LIMITS",
    "MAX_GATES",
    "METADATA_KEYS",
    "METADATA_KEY_CHARS",
    "METADATA_VALUE_CHARS",
    "Limit",
    "check_gates",
    "check_job_settings",
    "check_metadata",
    "check_session_cost",
    "debiasing_of",
    "precheck_gates",
]

_PUBLISHED: Final = "IonQ's published v0.4 document (2026-09-02)"
_CORE_CONCEPTS: Final = "docs.ionq.com/api-reference/v0.3/core-concepts (Metadata)"
_DEBIASING: Final = "docs.ionq.com/sdks/qiskit/error-mitigation-qiskit (Error mitigation defaults)"


@dataclass(frozen=True, slots=True)
class Limit:
    name: str
    value: int | None  # None: set per session
    refused: str  # how IonQ refuses a request over it
    source: str


MAX_GATES: Final = 150_000
METADATA_KEYS: Final = 10
METADATA_KEY_CHARS: Final = 40
METADATA_VALUE_CHARS: Final = 40_000
DEBIASING_MIN_SHOTS: Final = 500

LIMITS: Final = (
    Limit("gates per job (all circuits together)", MAX_GATES, "400",
          f"{_PUBLISHED}, createJob 400 and JsonMultiCircuitInput.circuits"),
    Limit("circuits per multi-circuit job", 5_000, "400 (schema)",
          f"{_PUBLISHED}, JsonMultiCircuitInput.circuits maxItems"),
    Limit("shots per job", 1_000_000, "400 (schema)", f"{_PUBLISHED}, shots maximum"),
    Limit("request body bytes", 10 * 1024 * 1024, "413", f"{_PUBLISHED}, createJob 413"),
    Limit("metadata keys", METADATA_KEYS, "400", _CORE_CONCEPTS),
    Limit("metadata key characters", METADATA_KEY_CHARS, "400", _CORE_CONCEPTS),
    Limit("metadata value characters", METADATA_VALUE_CHARS, "400", _CORE_CONCEPTS),
    Limit("shots for debiasing (at least)", DEBIASING_MIN_SHOTS, "400",
          f"{_DEBIASING}; {_PUBLISHED}, settings.error_mitigation"),
    Limit("a session's jobs (job_count_limit)", None, "400", f"{_PUBLISHED}, SessionSettings"),
    Limit("a session's cost (cost_limit)", None, "400", f"{_PUBLISHED}, SessionSettings"),
)  # fmt: skip


def precheck_gates(body: object) -> None:
    """The gate limit on a create body as read, before the (per-gate) schema validation;
    anything malformed is left to that validation."""
    if not isinstance(body, dict):
        return
    try:
        work = body["input"]
        circuits = work["circuits"] if isinstance(work.get("circuits"), list) else [work]
        total = sum(len(c["circuit"]) for c in circuits if isinstance(c.get("circuit"), list))
    except (TypeError, KeyError, AttributeError):
        return
    _check_total(total)


def check_gates(counts: Iterable[Mapping[str, int]]) -> None:
    _check_total(sum(sum(c.values()) for c in counts))


def _check_total(total: int) -> None:
    if total > MAX_GATES:
        raise ApiError.bad_request(
            f"a job may contain at most {MAX_GATES:,} gates in total across its circuits; "
            f"this one has {total:,}",
            keys=["input"],
            source="body",
        )


def check_metadata(metadata: Mapping[str, Any] | None) -> None:
    if not metadata:
        return
    problem = None
    if len(metadata) > METADATA_KEYS:
        problem = f"at most {METADATA_KEYS} keys, got {len(metadata)}"
    elif long := [k for k in metadata if len(k) > METADATA_KEY_CHARS]:
        problem = f"key names of at most {METADATA_KEY_CHARS} characters ({long[0][:50]!r}...)"
    elif long := [k for k, v in metadata.items() if len(str(v)) > METADATA_VALUE_CHARS]:
        problem = f"values of at most {METADATA_VALUE_CHARS:,} characters (key {long[0]!r})"
    if problem is not None:
        raise ApiError.bad_request(f"metadata may have {problem}", keys=["metadata"], source="body")


def debiasing_of(settings: Mapping[str, Any] | None, shots: int, backend: BackendInfo) -> bool:
    """Whether debiasing runs: as asked, else IonQ's default (on for QPU jobs of 500+ shots)."""
    asked = ((settings or {}).get("error_mitigation") or {}).get("debiasing")
    if asked is not None:
        return bool(asked) and backend.is_qpu
    return backend.is_qpu and shots >= DEBIASING_MIN_SHOTS


def check_job_settings(settings: Mapping[str, Any] | None, shots: int) -> None:
    """Debiasing asked for with fewer than 500 shots is refused (it cannot be enabled)."""
    asked = ((settings or {}).get("error_mitigation") or {}).get("debiasing")
    if asked and shots < DEBIASING_MIN_SHOTS:
        raise ApiError.bad_request(
            f"To turn on debiasing, you must request at least {DEBIASING_MIN_SHOTS} shots "
            f"(got {shots})",
            keys=["settings.error_mitigation.debiasing", "shots"],
            source="body",
        )


def check_session_cost(settings: Mapping[str, Any], session_id: str, spent: float,
                       cost: float) -> None:  # fmt: skip
    """A job whose estimated cost takes the session over its ``cost_limit`` is refused."""
    limit = settings.get("cost_limit")
    if not isinstance(limit, Mapping) or not isinstance(limit.get("value"), int | float):
        return
    if spent + cost > float(limit["value"]):
        unit = limit.get("unit", "usd")
        raise ApiError.bad_request(
            f"session {session_id!r} reached its cost limit ({limit['value']} {unit}): "
            f"{spent:g} spent, this job is estimated at {cost:g}",
            keys=["session_id"],
            source="body",
        )
