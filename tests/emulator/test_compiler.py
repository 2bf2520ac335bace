"""The native compilation: every compiled circuit simulates, in qiskit, to its source's
distribution; jobs report it under ``output.compilation`` as a downloadable artifact."""

from __future__ import annotations

import math
import random
from typing import Any

import httpx
import numpy as np
import pytest

from ionq_emulator.compiler import NATIVE_FORMAT, CompilationError, compile_native
from ionq_emulator.server import EmulatorServer

from .helpers import create, job_body

qiskit = pytest.importorskip("qiskit")

from qiskit import QuantumCircuit  # noqa: E402
from qiskit.circuit.library import UnitaryGate  # noqa: E402
from qiskit.quantum_info import Statevector  # noqa: E402

NATIVE_GATES = ("gpi", "gpi2", "ms")
GATES: dict[str, Any] = {
    name: getattr(qiskit.circuit.library, cls)
    for name, cls in {
        "x": "XGate", "y": "YGate", "z": "ZGate", "h": "HGate", "s": "SGate",
        "sdg": "SdgGate", "t": "TGate", "tdg": "TdgGate", "sx": "SXGate",
        "sxdg": "SXdgGate", "rx": "RXGate", "ry": "RYGate", "rz": "RZGate",
    }.items()
}  # fmt: skip
ONE = ["x", "y", "z", "h", "s", "si", "t", "ti", "v", "vi", "not"]


def qiskit_native(native: dict[str, Any]) -> dict[str, float]:
    """Simulate an ``ionq.native.v1`` circuit in qiskit from IonQ's documented matrices."""
    qc = QuantumCircuit(native["qubits"])

    def gpi(phi: float) -> np.ndarray[Any, Any]:
        e = np.exp(2j * math.pi * phi)
        return np.array([[0, np.conj(e)], [e, 0]])

    def gpi2(phi: float) -> np.ndarray[Any, Any]:
        e = np.exp(2j * math.pi * phi)
        return np.array([[1, -1j * np.conj(e)], [-1j * e, 1]]) / math.sqrt(2)

    for g in native["circuit"]:
        if g["gate"] == "gpi":
            qc.append(UnitaryGate(gpi(g["phase"])), [g["target"]])
        elif g["gate"] == "gpi2":
            qc.append(UnitaryGate(gpi2(g["phase"])), [g["target"]])
        elif g["gate"] == "ms":
            a, b = g["targets"]
            p0, p1 = (2 * math.pi * p for p in g["phases"])
            t = math.pi * g.get("angle", 0.25)
            c, s = math.cos(t), math.sin(t)
            m = np.array(
                [
                    [c, 0, 0, -1j * s * np.exp(-1j * (p0 + p1))],
                    [0, c, -1j * s * np.exp(-1j * (p0 - p1)), 0],
                    [0, -1j * s * np.exp(1j * (p0 - p1)), c, 0],
                    [-1j * s * np.exp(1j * (p0 + p1)), 0, 0, c],
                ]
            )
            # qiskit's matrices take the first qubit as the least significant.
            qc.append(UnitaryGate(m), [b, a])
        else:
            qc.rzz(2 * math.pi * g["angle"], *g["targets"])
    probabilities = Statevector(qc).probabilities_dict()
    return {str(int(k, 2)): v for k, v in probabilities.items() if v > 1e-12}


def qiskit_source(circuit: dict[str, Any]) -> dict[str, float]:
    qc = QuantumCircuit(circuit["qubits"])
    for g in circuit["circuit"]:
        controls = g.get("controls", [g["control"]] if "control" in g else [])
        name = {"not": "x", "cnot": "x", "si": "sdg", "ti": "tdg", "v": "sx", "vi": "sxdg"}.get(
            g["gate"], g["gate"]
        )
        if name in {"xx", "yy", "zz"}:
            qc.append(getattr(qiskit.circuit.library, f"R{name.upper()}Gate")(g["rotation"]),
                      g["targets"])  # fmt: skip
            continue
        if name == "swap":
            gate: Any = qiskit.circuit.library.SwapGate()
            qubits = g["targets"]
        else:
            cls = GATES[name]
            gate = cls(g["rotation"]) if "rotation" in g else cls()
            qubits = [g["target"]]
        if controls:
            gate = gate.control(len(controls))
        qc.append(gate, [*controls, *qubits])
    probabilities = Statevector(qc).probabilities_dict()
    return {str(int(k, 2)): v for k, v in probabilities.items() if v > 1e-12}


def random_qis(rng: random.Random, n: int) -> dict[str, Any]:
    gates: list[dict[str, Any]] = []
    for _ in range(20):
        q = rng.sample(range(n), n)
        kind = rng.randrange(6)
        if kind == 0:
            gates.append({"gate": rng.choice(ONE), "target": q[0]})
        elif kind == 1:
            gates.append({"gate": rng.choice(["rx", "ry", "rz"]), "target": q[0],
                          "rotation": rng.uniform(-7, 7)})  # fmt: skip
        elif kind == 2:
            gates.append({"gate": "cnot", "control": q[1], "target": q[0]})
        elif kind == 3:
            gates.append({"gate": rng.choice(["xx", "yy", "zz"]), "targets": q[:2],
                          "rotation": rng.uniform(-7, 7)})  # fmt: skip
        elif kind == 4:
            gates.append({"gate": rng.choice([*ONE, "ry"]), "target": q[0],
                          "controls": q[1 : 1 + rng.randrange(1, n)]})  # fmt: skip
            if gates[-1]["gate"] == "ry":
                gates[-1]["rotation"] = rng.uniform(-3, 3)
        else:
            gates.append({"gate": "swap", "targets": q[:2], "controls": q[2:3]})
    return {"gateset": "qis", "qubits": n, "circuit": gates}


def same(a: dict[str, float], b: dict[str, float]) -> bool:
    return max(abs(a.get(k, 0) - b.get(k, 0)) for k in set(a) | set(b)) < 1e-9


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("zz", [False, True])
def test_compiled_native_circuit_matches_its_source_in_qiskit(seed: int, zz: bool) -> None:
    circuit = random_qis(random.Random(seed), n=4)
    native = compile_native(circuit, native_gates=(*NATIVE_GATES, *(("zz",) if zz else ())))
    assert {g["gate"] for g in native["circuit"]} <= {"gpi", "gpi2", "ms", "zz"}
    assert zz or all(g["gate"] != "zz" for g in native["circuit"])
    assert same(qiskit_native(native), qiskit_source(circuit))


def test_mid_circuit_measurement_has_no_native_form() -> None:
    from ionq_emulator.qasm import translate

    program = translate('OPENQASM 3.0; include "stdgates.inc"; qubit q; bit[2] c; '
                        "h q; c[0] = measure q; h q; c[1] = measure q;")  # fmt: skip
    with pytest.raises(CompilationError, match="mid-circuit"):
        compile_native(program, native_gates=NATIVE_GATES)


def test_dry_run_on_a_qpu_reports_a_native_circuit_that_simulates_to_the_source(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    circuit = random_qis(random.Random(7), n=3)
    job_id = create(client, job_body(circuit, backend="qpu.forte-1", dry_run=True))
    manual_server.emulator.advance(job_id, to="completed")
    job = client.get(f"/jobs/{job_id}").json()
    descriptor = job["output"]["compilation"]["compiled_circuits"][NATIVE_FORMAT]
    assert descriptor["format"] == NATIVE_FORMAT
    assert descriptor["media_type"] == "application/json"
    response = client.get(f"/jobs/{job_id}/artifacts/{descriptor['id']}")
    assert response.status_code == 200, response.text
    assert same(qiskit_native(response.json()), qiskit_source(circuit))
