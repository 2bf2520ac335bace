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

from ionq_emulator._tables import JobType
from ionq_emulator.catalog import BackendInfo
from ionq_emulator.qasm import QasmError, translate

__all__ = [
    "Outcome", "circuit_qubits", "circuits_of", "count_gates", "qubit_limit", "run_circuit",
]  # fmt: skip

log = logging.getLogger("ionq_emulator")

MULTI: Final = JobType.MULTI_CIRCUIT_V1
QASM3: Final = JobType.QASM3_V1
CIRCUIT: Final = JobType.CIRCUIT_V1


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one circuit's run gave, or its failure ``{code, message}``.

    ``probabilities``: the aggregate distribution over the whole register (decimal keys,
    qubit 0 the least significant bit). ``registers``: per classical register name, that
    register's value distribution (decimal keys); None for gate-list circuits, which have
    no named registers. ``shots``: the aggregate outcome of each shot in order, when the
    run was sampled shot by shot (noisy models); ``register_shots``: the same per register.
    """

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
            translated = translate(str(workload.get("data", "")))
        except QasmError as exc:
            return [{"error": {"code": exc.code, "message": f"OpenQASM: {exc}"}}]
        declared = workload.get("qubits")
        # SDKs send ``qubits`` beside ``data`` (a contract deviation); it may widen the
        # register but never cut the program's own declarations.
        if isinstance(declared, int) and not isinstance(declared, bool):
            translated["qubits"] = max(translated["qubits"], declared)
        return [translated]
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


def qubit_limit(backend: BackendInfo, noise_model: str) -> tuple[int, str]:
    """The most qubits a run on ``backend`` under ``noise_model`` may use, and why.

    The ideal simulator: its catalog size, 29 qubits (IonQ's backend list; Azure
    Quantum's IonQ provider page: "idealized simulator supports up to 29 qubits"). A
    noisy simulation: the qubits of the QPU its noise model reproduces (docs.ionq.com
    guides, noise models "for IonQ's currently available QPUs"; the live API refuses a
    wider circuit, as recorded in issue #12). A QPU: its own qubits.
    """
    from ionq_emulator.catalog import BACKENDS

    if backend.is_qpu:
        return backend.qubits, f"{backend.name} has {backend.qubits} qubits"
    modelled = next(
        (b for b in BACKENDS.values() if b.is_qpu and b.noise_model == noise_model), None
    )
    if modelled is not None:
        return min(modelled.qubits, backend.qubits), (
            f"the {noise_model} noise model reproduces {modelled.name}, which has "
            f"{modelled.qubits} qubits"
        )
    return backend.qubits, f"{backend.name} has {backend.qubits} qubits"


def run_circuit(
    circuit: Mapping[str, Any],
    *,
    backend: BackendInfo,
    shots: int,
    noise_model: str,
    seed: int,
) -> Outcome:
    """Simulate one circuit on ``backend``; refusals become failures.

    A pure function of its arguments (no shared state), so it may run in a worker.
    """
    from ionq_emulator.simulator import MAX_QUBITS, SimulationError, run

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
    limit, reason = qubit_limit(backend, noise_model)
    if qubits > limit:
        return Outcome(
            failure={
                "code": "NotEnoughQubits",
                "message": f"the circuit uses {qubits} qubits; {reason}",
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
        result = run(gates, shots=shots, noise_model=noise_model, seed=seed)
    except SimulationError as exc:
        return Outcome(failure={"code": getattr(exc, "code", "InvalidInput"), "message": str(exc)})
    except MemoryError:
        return Outcome(
            failure={
                "code": "SimulationError",
                "message": f"not enough memory to simulate {qubits} qubits on this machine",
            }
        )
    except Exception as exc:  # a simulator bug must fail the job, not the server
        log.exception("simulation crashed")
        return Outcome(failure={"code": "InternalError", "message": f"simulation crashed: {exc}"})
    probabilities = result.probabilities
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
    return Outcome(
        probabilities=probabilities,
        registers=result.registers,
        shots=result.shots,
        register_shots=result.register_shots,
    )
