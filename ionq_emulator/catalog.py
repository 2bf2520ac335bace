"""The backends the emulator offers and their (plausible, generated) characterizations.

Names and qubit counts are those of IonQ's documentation; the performance figures are
illustrative, of the order IonQ publishes, and deterministic: characterization ids and
dates do not change between runs, so recorded cassettes stay valid.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from itertools import combinations
from typing import Any, Final

from ionq_emulator.clock import isoformat

__all__ = [
    "BACKENDS",
    "BackendInfo",
    "backend_json",
    "characterization_json",
    "characterizations",
    "find_backend",
]

_NAMESPACE: Final = uuid.UUID("6f1f3c9e-3c1a-4d7e-9a49-2b2f7c1e0a55")
#: The day the newest characterization of every QPU was taken.
_LATEST: Final = datetime(2025, 6, 16, tzinfo=UTC)
#: How many daily characterizations each QPU has.
_HISTORY_DAYS: Final = 30

QIS_GATES: Final = (
    "x", "y", "z", "rx", "ry", "rz", "h", "not", "cnot", "s", "si", "t", "ti", "v", "vi",
    "xx", "yy", "zz", "swap", "pauliexp",
)  # fmt: skip
NATIVE_GATES: Final = ("gpi", "gpi2", "ms", "zz")


@dataclass(frozen=True, slots=True)
class BackendInfo:
    """One backend: its name, size and the figures the emulator derives timings from."""

    name: str
    qubits: int
    status: str  # available | unavailable | retired
    noise_model: str  # the simulator's noise model for jobs that run on it
    average_queue_time_ms: int
    location: str
    kw: float
    # Fidelities (medians) and gate/readout times in seconds, per characterization.
    spam: float = 0.995
    one_qubit: float = 0.9998
    two_qubit: float = 0.995
    t1: float = 100.0
    t2: float = 1.0
    time_1q: float = 135e-6
    time_2q: float = 600e-6
    readout: float = 300e-6
    reset: float = 20e-6
    native_gates: tuple[str, ...] = ("gpi", "gpi2", "ms")

    @property
    def is_qpu(self) -> bool:
        return self.name.startswith("qpu.")


BACKENDS: Final[Mapping[str, BackendInfo]] = {
    b.name: b
    for b in (
        BackendInfo(
            "simulator", 29, "available", "ideal", 0, "Cloud", 0.0,
            spam=1.0, one_qubit=1.0, two_qubit=1.0, time_1q=0.0, time_2q=0.0,
            readout=0.0, reset=0.0, native_gates=NATIVE_GATES,
        ),
        BackendInfo(
            "qpu.forte-1", 36, "available", "forte-1", 1_181_215, "Seattle, WA, USA",
            4902.81, spam=0.9962, one_qubit=0.9998, two_qubit=0.9952,
            time_1q=63e-6, time_2q=650e-6, native_gates=NATIVE_GATES,
        ),
        BackendInfo(
            "qpu.forte-enterprise-1", 36, "available", "forte-enterprise-1", 842_000,
            "Seattle, WA, USA", 4950.0, spam=0.9965, one_qubit=0.9998, two_qubit=0.9955,
            time_1q=63e-6, time_2q=650e-6, native_gates=NATIVE_GATES,
        ),
        BackendInfo(
            "qpu.aria-1", 25, "available", "aria-1", 2_404_000, "College Park, MD, USA",
            2105.0, spam=0.9939, one_qubit=0.9994, two_qubit=0.9880,
        ),
        BackendInfo(
            "qpu.aria-2", 25, "unavailable", "aria-2", 0, "College Park, MD, USA",
            2105.0, spam=0.9939, one_qubit=0.9994, two_qubit=0.9880,
        ),
        BackendInfo(
            "qpu.harmony", 11, "retired", "harmony", 0, "College Park, MD, USA", 1000.0,
            spam=0.9930, one_qubit=0.996, two_qubit=0.973, time_1q=10e-6, time_2q=210e-6,
        ),
    )
}  # fmt: skip


def find_backend(name: str) -> BackendInfo | None:
    return BACKENDS.get(name)


def _dates(backend: BackendInfo) -> list[datetime]:
    if not backend.is_qpu:
        return []
    return [_LATEST - timedelta(days=day) for day in range(_HISTORY_DAYS)]


def _characterization_id(backend: BackendInfo, date: datetime) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{backend.name}/{date.date().isoformat()}"))


@cache
def _connectivity(qubits: int) -> list[list[int]]:
    # Trapped ions: all-to-all.
    return [[a, b] for a, b in combinations(range(qubits), 2)]


def _characterization(backend: BackendInfo, date: datetime, age: int) -> dict[str, Any]:
    # A small deterministic wobble so the history is not flat.
    wobble = ((age * 7919) % 13 - 6) * 1e-5
    return {
        "id": _characterization_id(backend, date),
        "backend": backend.name,
        "date": isoformat(date.timestamp()),
        "qubits": backend.qubits,
        "connectivity": _connectivity(backend.qubits),
        "fidelity": {
            "spam": {"median": round(backend.spam + wobble, 6), "stderr": None},
            "1q": {"median": round(min(1.0, backend.one_qubit + wobble / 10), 6), "stderr": None},
            "2q": {"median": round(backend.two_qubit + wobble, 6), "stderr": None},
        },
        "timing": {
            "t1": backend.t1,
            "t2": backend.t2,
            "1q": backend.time_1q,
            "2q": backend.time_2q,
            "readout": backend.readout,
            "reset": backend.reset,
        },
    }


def characterizations(backend: BackendInfo) -> list[dict[str, Any]]:
    """Every characterization of ``backend``, newest first."""
    return [_characterization(backend, d, age) for age, d in enumerate(_dates(backend))]


def characterization_json(backend: BackendInfo, characterization_id: str) -> dict[str, Any] | None:
    for age, date in enumerate(_dates(backend)):
        if _characterization_id(backend, date) == characterization_id:
            return _characterization(backend, date, age)
    return None


def backend_json(backend: BackendInfo) -> dict[str, Any]:
    """The Backend object of the contract."""
    body: dict[str, Any] = {
        "backend": backend.name,
        "status": backend.status,
        "qubits": backend.qubits,
        "average_queue_time": backend.average_queue_time_ms,
        "last_updated": isoformat(_LATEST.timestamp()),
        "degraded": False,
    }
    dates = _dates(backend)
    if dates:
        body["characterization_id"] = _characterization_id(backend, dates[0])
    body.update(
        location=backend.location,
        kw=backend.kw,
        supported_gates=list(QIS_GATES),
        supported_native_gates=list(backend.native_gates),
        supported_error_mitigations=["debiasing"] if backend.is_qpu else [],
    )
    return body
