"""Case 7: the ideal simulator, time per circuit at 12, 20, 25 and 29 qubits.

Ours is what a job on the ideal simulator computes (`ionq_emulator.simulator.simulate`:
the exact distribution); the reference is qiskit-aer's statevector method computing the
exact probabilities of the same circuit (`save_probabilities_dict`). The circuit is a
mirror circuit (12 random cnot/ry/rz gates, then their inverses in reverse order) on
qubits spread over the register: every gate touches the whole statevector, as in any
circuit, while the result is one basis state, so neither side pays for a wide result.
"""

from __future__ import annotations

import random
from typing import Any

from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator

from ionq_emulator.simulator import simulate

from ._fixtures import Recorded
from ._measure import interleave
from ._report import Quantity, Row, Target, compare

__all__ = ["mirror", "run"]

CASE = "7 simulate (ideal)"
SIZES = (12, 20, 25, 29)
WITHIN_AER = Target(2.0)


def mirror(n: int, forward: int = 12, seed: int = 7) -> list[dict[str, Any]]:
    """``forward`` random gates on ``n`` qubits, then each one's inverse, in reverse."""
    rng = random.Random(seed)
    gates: list[dict[str, Any]] = []
    for _ in range(forward // 3):
        a, b = rng.sample(range(n), 2)
        gates.append({"gate": "cnot", "control": a, "target": b})
        gates.append({"gate": "ry", "target": a, "rotation": rng.uniform(-3, 3)})
        gates.append({"gate": "rz", "target": b, "rotation": rng.uniform(-3, 3)})
    inverse = [
        {**g, "rotation": -g["rotation"]} if "rotation" in g else dict(g) for g in reversed(gates)
    ]
    return gates + inverse


def as_qiskit(n: int, gates: list[dict[str, Any]]) -> QuantumCircuit:
    qc = QuantumCircuit(n)
    for g in gates:
        if g["gate"] == "cnot":
            qc.cx(g["control"], g["target"])
        else:
            getattr(qc, g["gate"])(g["rotation"], g["target"])
    qc.save_probabilities_dict()
    return qc


def run(recorded: Recorded, quick: bool) -> list[Row]:
    del recorded
    aer = AerSimulator(method="statevector", precision="double")
    rows: list[Row] = []
    for n in SIZES:
        gates = mirror(n)
        circuit = {"gateset": "qis", "qubits": n, "circuit": gates}
        qc = as_qiskit(n, gates)

        def ours(circuit: dict[str, Any] = circuit) -> object:
            return simulate(circuit)

        def reference(qc: QuantumCircuit = qc) -> object:
            return aer.run(qc).result().data()["probabilities"]

        if simulate(circuit).keys() != {"0"}:
            raise RuntimeError("the mirror circuit did not return to |0...0>")
        big = n >= 25
        samples = interleave(
            {"ours": ours, "aer": reference},
            number=1,
            rounds=1 if big or quick else 5,
            warmup=0 if big else 1,
        )
        shown = {name: Quantity(found.median, "s") for name, found in samples.items()}
        measure = f"{n} qubits, {len(gates)} gates"
        rows.append(compare(CASE, measure, samples, shown, "ours", "aer", "qiskit-aer", WITHIN_AER))
    return rows
