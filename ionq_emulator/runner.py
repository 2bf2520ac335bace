"""What a job computes: its circuits, their size and gate counts, and their results.

A job's workload is one circuit (``ionq.circuit.v1``), an OpenQASM program
(``ionq.qasm3.v1``, translated by qasm.py) or several circuits
(``ionq.multi-circuit.v1``, one child job each). Results come from the statevector
simulator; anything it refuses becomes the job's failure, never an HTTP error.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ionq_emulator.catalog import BackendInfo
from ionq_emulator.qasm import QasmError, translate

__all__ = ["Outcome", "circuit_qubits", "circuits_of", "count_gates", "run_circuit"]

log = logging.getLogger("ionq_emulator")

MULTI: Final = "ionq.multi-circuit.v1"
QASM3: Final = "ionq.qasm3.v1"
CIRCUIT: Final = "ionq.circuit.v1"


@dataclass(frozen=True, slots=True)
class Outcome:
    """Probabilities, or the failure ``{code, message}`` of one circuit."""

    probabilities: dict[str, float] | None = None
    failure: dict[str, str] | None = None
    registers: dict[str, dict[str, float]] | None = None
    shots: list[int] | None = None
    register_shots: dict[str, list[int]] | None = None


def circuits_of(job_type: str, workload: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The workload as gate-list circuits ``{gateset, qubits?, circuit, name?}``.

    Multi-circuit entries inherit the parent's gateset and qubits unless they set their
    own. A QASM program that cannot be translated gives one circuit that carries the
    translation error (``error``), so the job fails when it runs, not when submitted.
    """
    if job_type == MULTI:
        out = []
        for entry in workload.get("circuits", []):
            circuit = {k: v for k, v in entry.items() if k != "name"}
            circuit.setdefault("gateset", workload.get("gateset", "qis"))
            if "qubits" not in circuit and "qubits" in workload:
                circuit["qubits"] = workload["qubits"]
            if "name" in entry:
                circuit["name"] = entry["name"]
            out.append(circuit)
        return out
    if job_type == QASM3 or "data" in workload:
        try:
            return [translate(str(workload.get("data", "")))]
        except QasmError as exc:
            return [{"error": {"code": exc.code, "message": f"OpenQASM: {exc}"}}]
    return [dict(workload)]


def _indices(circuit: Mapping[str, Any]) -> list[int]:
    found: list[int] = []
    for gate in circuit.get("circuit", []):
        if not isinstance(gate, Mapping):
            continue
        for key in ("target", "control"):
            value = gate.get(key)
            if isinstance(value, int) and not isinstance(value, bool):
                found.append(value)
        for key in ("targets", "controls"):
            values = gate.get(key)
            if isinstance(values, list):
                found.extend(v for v in values if isinstance(v, int) and not isinstance(v, bool))
    return found


def circuit_qubits(circuit: Mapping[str, Any]) -> int:
    """The register size: the declared ``qubits``, else the highest index used + 1."""
    declared = circuit.get("qubits")
    if isinstance(declared, int) and not isinstance(declared, bool):
        return declared
    return max(_indices(circuit), default=-1) + 1


def count_gates(circuit: Mapping[str, Any]) -> dict[str, int]:
    """``{"1q", "2q"}`` gate counts (a rough count for circuits the simulator rejects)."""
    from ionq_emulator.simulator import SimulationError, gate_counts

    if "error" in circuit:
        return {"1q": 0, "2q": 0}
    try:
        return dict(gate_counts(circuit))
    except SimulationError:
        gates = [g for g in circuit.get("circuit", []) if isinstance(g, Mapping)]
        two = sum(1 for g in gates if len(_indices({"circuit": [g]})) >= 2)
        return {"1q": len(gates) - two, "2q": two}


def run_circuit(
    circuit: Mapping[str, Any],
    *,
    backend: BackendInfo,
    shots: int,
    noise_model: str,
    seed: int,
) -> Outcome:
    """Simulate one circuit on ``backend``; refusals become failures."""
    from ionq_emulator.simulator import MAX_QUBITS, SimulationError, simulate

    if "error" in circuit:
        return Outcome(failure=dict(circuit["error"]))
    qubits = circuit_qubits(circuit)
    if qubits > backend.qubits:
        return Outcome(
            failure={
                "code": "NotEnoughQubits",
                "message": f"the circuit uses {qubits} qubits; {backend.name} has {backend.qubits}",
            }
        )
    if qubits > MAX_QUBITS:
        return Outcome(
            failure={
                "code": "SimulationError",
                "message": f"the circuit uses {qubits} qubits; the emulator simulates at most "
                f"{MAX_QUBITS}",
            }
        )
    gates = {k: v for k, v in circuit.items() if k not in {"name", "error"}}
    try:
        probabilities = simulate(gates, shots=shots, noise_model=noise_model, seed=seed)
    except SimulationError as exc:
        return Outcome(failure={"code": getattr(exc, "code", "InvalidInput"), "message": str(exc)})
    except Exception as exc:  # a simulator bug must fail the job, not the server
        log.exception("simulation crashed")
        return Outcome(failure={"code": "InternalError", "message": f"simulation crashed: {exc}"})
    total = sum(probabilities.values())
    if (
        not probabilities
        or not all(map(math.isfinite, probabilities.values()))
        or not (abs(total - 1.0) < 1e-6)
    ):
        # Never serve a broken distribution (JSON has no NaN); say so in the job instead.
        return Outcome(
            failure={
                "code": "SimulationError",
                "message": "the simulation produced no valid probability distribution "
                "(non-finite gate angles?)",
            }
        )
    return Outcome(probabilities=probabilities)
