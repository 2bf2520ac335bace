"""The emulator's physics against an independent, well-kept simulator (qiskit).

Programs are written out by qiskit's own OpenQASM 3 exporter, as an SDK user's would
be; their exact distributions come from ``qiskit.quantum_info.Statevector``, and runs
with mid-circuit measurement or reset from qiskit-aer's sampling (compared within a
statistical bound).
"""

from __future__ import annotations

import math
import random
from typing import Any

import pytest

qiskit = pytest.importorskip("qiskit")
aer = pytest.importorskip("qiskit_aer")

from qiskit import QuantumCircuit, qasm3, transpile  # noqa: E402
from qiskit.circuit.library import QFTGate  # noqa: E402
from qiskit.quantum_info import Statevector  # noqa: E402

from ionq_emulator import kernels  # noqa: E402
from ionq_emulator.qasm import QasmError, translate  # noqa: E402
from ionq_emulator.simulator import run, simulate, statevector  # noqa: E402

ONE_QUBIT = ["h", "x", "y", "z", "s", "sdg", "t", "tdg", "sx", "sxdg", "id"]
ROTATIONS = ["rx", "ry", "rz", "p"]
TWO_QUBIT = ["cx", "cy", "cz", "ch", "swap", "iswap", "ecr", "dcx"]
TWO_ROTATIONS = ["cp", "crx", "cry", "crz", "rxx", "ryy", "rzz", "rzx"]


def random_circuit(rng: random.Random, n: int, depth: int) -> QuantumCircuit:
    qc = QuantumCircuit(n)
    for _ in range(depth):
        kind = rng.randrange(6)
        qubits = rng.sample(range(n), 3)
        angle = rng.uniform(-math.pi, math.pi)
        if kind == 0:
            getattr(qc, rng.choice(ONE_QUBIT))(qubits[0])
        elif kind == 1:
            getattr(qc, rng.choice(ROTATIONS))(angle, qubits[0])
        elif kind == 2:
            getattr(qc, rng.choice(TWO_QUBIT))(qubits[0], qubits[1])
        elif kind == 3:
            getattr(qc, rng.choice(TWO_ROTATIONS))(angle, qubits[0], qubits[1])
        elif kind == 4:
            qc.u(angle, angle / 3, -angle / 2, qubits[0])
            qc.cu(angle, 0.3, -0.2, 0.7, qubits[1], qubits[2])
        else:
            rng.choice([qc.ccx, qc.cswap])(*qubits)
    return qc


def reference(qc: QuantumCircuit) -> dict[str, float]:
    probabilities = Statevector(qc).probabilities_dict()
    return {str(int(k, 2)): v for k, v in probabilities.items() if v > 1e-12}


def ours(program: str) -> dict[str, float]:
    return simulate(translate(program))


def assert_same(a: dict[str, float], b: dict[str, float], tol: float = 1e-10) -> None:
    keys = set(a) | set(b)
    assert max(abs(a.get(k, 0.0) - b.get(k, 0.0)) for k in keys) < tol, (a, b)


@pytest.mark.parametrize("seed", range(32))
def test_sdk_exported_random_programs_give_the_exact_distribution(seed: int) -> None:
    qc = random_circuit(random.Random(seed), n=4, depth=24)
    assert_same(ours(qasm3.dumps(qc)), reference(qc))


@pytest.mark.parametrize("seed", range(2))
def test_wide_registers_run_tiled_and_threaded_to_the_exact_amplitudes(seed: int) -> None:
    # 18 qubits: each half of a gate spans many kernel tiles, split across threads, with
    # targets and controls on the lowest, highest and middle qubits.
    n = 18
    assert 2 ** (n - 3) >= 4 * kernels.TILE  # even a doubly controlled gate's half
    rng = random.Random(seed)
    qc = QuantumCircuit(n)
    gates: list[dict[str, Any]] = []
    for _ in range(40):
        a, b, c = rng.sample(sorted({0, 1, 5, 12, n - 2, n - 1, *rng.sample(range(n), 3)}), 3)
        angle = rng.uniform(-math.pi, math.pi)
        kind = rng.randrange(5)
        if kind == 0:
            gates.append({"gate": "h", "target": a})
            qc.h(a)
        elif kind == 1:
            gates.append({"gate": "rx", "target": a, "rotation": angle})
            qc.rx(angle, a)
        elif kind == 2:
            gates.append({"gate": "cnot", "control": a, "target": b})
            qc.cx(a, b)
        elif kind == 3:
            gates.append({"gate": "rz", "controls": [a, c], "target": b, "rotation": angle})
            qc.append(qiskit.circuit.library.RZGate(angle).control(2, annotated=False), [a, c, b])
        else:
            gates.append({"gate": "y", "controls": [c], "target": b})
            qc.cy(c, b)
    amplitudes = statevector({"gateset": "qis", "qubits": n, "circuit": gates})
    assert abs(amplitudes - Statevector(qc).data).max() < 1e-12


def test_qft_and_ghz_as_exported() -> None:
    qft = QuantumCircuit(4)
    qft.x(0)
    qft.h(2)
    qft.append(QFTGate(4), range(4))
    assert_same(ours(qasm3.dumps(qft)), reference(qft))
    ghz = QuantumCircuit(5)
    ghz.h(0)
    for q in range(4):
        ghz.cx(q, q + 1)
    assert_same(ours(qasm3.dumps(ghz)), reference(ghz))


def test_modifiers_and_definitions_match_qiskit_loading_the_same_source() -> None:
    source = """OPENQASM 3.0;
include "stdgates.inc";
gate g(a, b) x, y { U(a, b, 2 * a) x; ctrl @ rz(b) x, y; inv @ s y; gphase(a); }
qubit[3] q;
h q;
g(0.3, pi / 2) q[0], q[1];
ctrl @ g(0.7, -0.1) q[2], q[0], q[1];
negctrl @ ry(0.4 * 2 + 1) q[1], q[2];
pow(3) @ t q[0];
inv @ g(1.1, 0.2) q[1], q[2];
"""
    expected = reference(qasm3.loads(source))
    assert_same(ours(source), expected)
    # qiskit's importer has no ``const``; the same program with one is the same run.
    constant = source.replace("qubit[3] q;", "const float half = pi / 2; qubit[3] q;")
    assert_same(ours(constant.replace("g(0.3, pi / 2)", "g(0.3, half)")), expected)


def measured(qc: QuantumCircuit, shots: int) -> dict[str, float]:
    simulator = aer.AerSimulator(seed_simulator=11)
    counts = simulator.run(transpile(qc, simulator), shots=shots).result().get_counts()
    return {str(int(k.replace(" ", ""), 2)): v / shots for k, v in counts.items()}


def close_in_distribution(exact: dict[str, float], sampled: dict[str, float], shots: int) -> None:
    for key in set(exact) | set(sampled):
        p = exact.get(key, 0.0)
        bound = 5 * math.sqrt(max(p * (1 - p), 1 / shots) / shots)
        assert abs(sampled.get(key, 0.0) - p) <= bound, (key, exact, sampled)


@pytest.mark.parametrize("seed", range(8))
def test_mid_circuit_measurement_and_reset_match_aer(seed: int) -> None:
    rng = random.Random(100 + seed)
    qc = QuantumCircuit(3, 5)
    qc.compose(random_circuit(rng, 3, 6), inplace=True)
    qc.measure(0, 0)
    qc.reset(1)
    qc.compose(random_circuit(rng, 3, 6), inplace=True)
    qc.measure(1, 1)
    qc.h(0)
    qc.reset(2)
    qc.rx(0.7, 2)
    qc.compose(random_circuit(rng, 3, 4), inplace=True)
    qc.measure([0, 1, 2], [2, 3, 4])
    shots = 20_000
    close_in_distribution(ours(qasm3.dumps(qc)), measured(qc, shots), shots)


def test_the_issue_programs() -> None:
    head = 'OPENQASM 3.0; include "stdgates.inc"; qubit q; bit[2] c;'
    assert ours(head + "x q; reset q; c[0] = measure q;") == {"0": 1.0}
    assert_same(
        ours(head + "h q; c[0] = measure q; h q; c[1] = measure q;"),
        {"0": 0.25, "1": 0.25, "2": 0.25, "3": 0.25},
    )


def test_per_register_distributions_and_noisy_shots() -> None:
    program = """OPENQASM 3.0; include "stdgates.inc";
qubit[3] q; bit[2] a; bit b;
h q[0]; cx q[0], q[1]; x q[2];
a = measure q[0:1]; b[0] = measure q[2];"""
    ideal = run(translate(program))
    assert ideal.registers == {"a": pytest.approx({"0": 0.5, "3": 0.5}), "b": {"1": 1.0}}
    assert ideal.probabilities == pytest.approx({"4": 0.5, "7": 0.5})
    noisy = run(translate(program), noise_model="aria-1", shots=100, seed=3)
    assert noisy.shots is not None
    assert len(noisy.shots) == 100
    assert noisy.register_shots is not None
    assert [s & 3 for s in noisy.shots] == noisy.register_shots["a"]
    assert [s >> 2 for s in noisy.shots] == noisy.register_shots["b"]
    counts: dict[str, float] = {}
    for s in noisy.shots:
        counts[str(s)] = counts.get(str(s), 0) + 0.01
    assert counts == pytest.approx(noisy.probabilities)


@pytest.mark.parametrize(
    ("body", "construct"),
    [
        ("if (c[0]) x q[0];", "'if'"),
        ("for int i in [0:1] { x q[i]; }", "'for'"),
        ("while (c[0]) { x q[0]; }", "'while'"),
        ("def f(qubit a) { x a; } f(q[0]);", "'def'"),
        ("delay[10ns] q[0];", "'delay'"),
        ('include "other.inc";', "stdgates.inc"),
        ("pow(0.5) @ x q[0];", "pow(0.5)"),
        ("frob q[0];", "unknown gate 'frob'"),
    ],
)
def test_refused_constructs_are_named(body: str, construct: str) -> None:
    source = f'OPENQASM 3.0; include "stdgates.inc"; qubit[2] q; bit[2] c; {body}'
    with pytest.raises(QasmError) as info:
        translate(source)
    assert construct in str(info.value)
    assert info.value.code in {"PreflightError", "UnsupportedGate"}


def test_syntax_errors_are_preflight_errors() -> None:
    with pytest.raises(QasmError) as info:
        translate("OPENQASM 3.0; qubit[2] q; h q[0")
    assert info.value.code == "PreflightError"


def _ghz(n: int) -> dict[str, Any]:
    gates: list[dict[str, Any]] = [{"gate": "h", "target": 0}]
    gates += [{"gate": "cnot", "control": q, "target": q + 1} for q in range(n - 1)]
    return {"gateset": "qis", "circuit": gates}


@pytest.mark.slow
@pytest.mark.timeout(1800)  # minutes per 29-qubit run on a shared 2-core machine
def test_29_qubit_ghz_and_random_circuit_complete() -> None:
    assert simulate(_ghz(29)) == pytest.approx({"0": 0.5, str(2**29 - 1): 0.5})
    rng = random.Random(29)
    gates = [{"gate": "h", "target": q} for q in range(29)]
    for _ in range(10):
        a, b = rng.sample(range(29), 2)
        gates.append({"gate": "cnot", "control": a, "target": b})
        gates.append({"gate": "rz", "target": b, "rotation": rng.uniform(-3, 3)})
        gates.append({"gate": "ry", "target": a, "rotation": rng.uniform(-3, 3)})
    result = simulate({"gateset": "qis", "circuit": gates}, shots=1000, seed=1)
    # 2**29 outcomes have probability: the result is 1000 samples of the exact distribution.
    assert math.isclose(sum(result.values()), 1.0)
    assert all(round(p * 1000) == pytest.approx(p * 1000) for p in result.values())


def test_standard_gates_need_no_include_as_in_ionqs_example() -> None:
    # The published document's ionq.qasm3.v1 example has no include line.
    program = "OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;"
    assert_same(ours(program), {"0": 0.5, "3": 0.5})
