"""The emulator's rate card and the cost and time estimates derived from it.

The rates are the emulator's own statement, of the order IonQ publishes; they are not a
quote. Two pricing units exist, as in the API:

- ``gates`` (cost model ``2QGE_operations``): ``shots * (n1q * cost_1q_gate + n2q *
  cost_2q_gate)``; with error mitigation the job costs at least ``job_cost_minimum``.
- ``compute_second`` (cost model ``QCT``): ``unit_cost`` per second of predicted quantum
  compute time.

Predicted compute time per shot is ``n1q * t1q + n2q * t2q + qubits * readout + reset``
with the backend's timings (catalog.py). The simulator is free. Dry runs cost nothing:
their estimate is what the job would cost, their billed cost is zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from ionq_emulator.catalog import BackendInfo

__all__ = [
    "RATES",
    "RATE_CARD_ID",
    "Estimate",
    "Rate",
    "estimate",
    "rate_card_json",
]

RATE_CARD_ID: Final = "ionq-emulator-2025-06"
CURRENCY: Final = "usd"
#: Fixed per-job overhead (compilation, loading) added to every predicted execution time.
_OVERHEAD_MS: Final = 10


@dataclass(frozen=True, slots=True)
class Rate:
    sku: str
    unit: str  # "gates" | "compute_second"
    cost_1q_gate: float = 0.0
    cost_2q_gate: float = 0.0
    job_cost_minimum: float | None = None
    unit_cost: float = 0.0

    @property
    def cost_model(self) -> str:
        return "QCT" if self.unit == "compute_second" else "2QGE_operations"

    def json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"sku": self.sku, "unit": self.unit}
        if self.unit == "compute_second":
            body["unit_cost"] = self.unit_cost
        else:
            body["cost_1q_gate"] = self.cost_1q_gate
            body["cost_2q_gate"] = self.cost_2q_gate
            if self.job_cost_minimum is not None:
                body["job_cost_minimum"] = self.job_cost_minimum
        return body


RATES: Final = {
    "simulator": Rate("simulator", "gates"),
    "qpu.harmony": Rate("qpu-harmony", "gates", 0.00003, 0.0003, 1.0),
    "qpu.aria-1": Rate("qpu-aria", "gates", 0.00022, 0.000975, 97.5),
    "qpu.aria-2": Rate("qpu-aria", "gates", 0.00022, 0.000975, 97.5),
    "qpu.forte-1": Rate("qpu-forte", "gates", 0.0003, 0.0025, 97.5),
    "qpu.forte-enterprise-1": Rate("qpu-forte-enterprise", "compute_second", unit_cost=2.5),
}


@dataclass(frozen=True, slots=True)
class Estimate:
    cost: float
    execution_time_ms: int
    compute_time_us: int
    queue_time_ms: int
    rate: Rate


def rate_for(backend: BackendInfo) -> Rate:
    return RATES.get(backend.name, RATES["simulator"])


def estimate(
    backend: BackendInfo,
    *,
    qubits: int,
    shots: int,
    one_qubit_gates: int,
    two_qubit_gates: int,
    error_mitigation: bool,
) -> Estimate:
    """Cost and time of running a workload of this size on ``backend``."""
    rate = rate_for(backend)
    per_shot_s = (
        one_qubit_gates * backend.time_1q
        + two_qubit_gates * backend.time_2q
        + qubits * backend.readout
        + backend.reset
    )
    compute_us = round(shots * per_shot_s * 1e6)
    if rate.unit == "compute_second":
        cost = rate.unit_cost * compute_us / 1e6
    else:
        cost = shots * (one_qubit_gates * rate.cost_1q_gate + two_qubit_gates * rate.cost_2q_gate)
        if error_mitigation and rate.job_cost_minimum is not None and cost > 0:
            cost = max(cost, rate.job_cost_minimum)
    return Estimate(
        cost=round(cost, 6),
        execution_time_ms=_OVERHEAD_MS + compute_us // 1000,
        compute_time_us=compute_us,
        queue_time_ms=backend.average_queue_time_ms,
        rate=rate,
    )


def rate_card_json(rate: Rate) -> dict[str, Any]:
    return {"id": RATE_CARD_ID, "rates": [rate.json()]}
