"""Per-register v2 results end to end: OpenQASM 3 programs exported by qiskit, submitted
through the façade to the emulator, checked against qiskit (exact) and qiskit-aer."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

import pytest

from ionq_emulator.server import EmulatorServer
from ionq_facade import QASM3, IonQ, Job, Noise

aer = pytest.importorskip("qiskit_aer")

from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, qasm3, transpile  # noqa: E402
from qiskit.quantum_info import Statevector  # noqa: E402

SHOTS = 20_000


def two_registers() -> QuantumCircuit:
    """Unequal amplitudes, and register `a` measuring q[1] into a[0], so bit order shows."""
    q, a, b = QuantumRegister(3, "q"), ClassicalRegister(2, "a"), ClassicalRegister(1, "b")
    qc = QuantumCircuit(q, a, b)
    qc.ry(0.9, 0)
    qc.cx(0, 1)
    qc.ry(0.5, 1)
    qc.h(2)
    qc.cp(0.7, 1, 2)
    qc.rx(1.1, 2)
    qc.measure([1, 0], a)
    qc.measure(2, b[0])
    return qc


def mid_circuit() -> QuantumCircuit:
    """`m` is measured mid-circuit (then the qubit is rotated again and reset); `f` last."""
    q, m, f = QuantumRegister(2, "q"), ClassicalRegister(1, "m"), ClassicalRegister(2, "f")
    qc = QuantumCircuit(q, m, f)
    qc.ry(1.2, 0)
    qc.cx(0, 1)
    qc.measure(0, m[0])
    qc.h(0)
    qc.cry(0.8, 0, 1)
    qc.measure(1, f[1])
    qc.reset(1)
    qc.ry(0.3, 1)
    qc.cx(1, 0)
    qc.measure(0, f[0])
    return qc


def completed(client: IonQ, server: EmulatorServer, qc: QuantumCircuit, **options: object) -> Job:
    ref = client.jobs.create(QASM3(qasm3.dumps(qc)), backend="simulator", **options)  # type: ignore[arg-type]
    server.emulator.advance(ref.id, to="completed")
    return client.jobs.get(ref)


def aer_registers(qc: QuantumCircuit, shots: int = SHOTS) -> dict[str, dict[str, float]]:
    """Per register, bitstring -> frequency, from qiskit-aer's counts ('f m' keys)."""
    simulator = aer.AerSimulator(seed_simulator=5)
    counts = simulator.run(transpile(qc, simulator), shots=shots).result().get_counts()
    out: dict[str, Counter[str]] = {reg.name: Counter() for reg in qc.cregs}
    for key, n in counts.items():
        for reg, bits in zip(reversed(qc.cregs), key.split(), strict=True):
            out[reg.name][bits] += n
    return {name: {k: n / shots for k, n in c.items()} for name, c in out.items()}


def assert_within(exact: Mapping[str, float], sampled: Mapping[str, float], shots: int) -> None:
    for key in set(exact) | set(sampled):
        p = exact.get(key, 0.0)
        bound = 5 * math.sqrt(max(p * (1 - p), 1 / shots) / shots)
        assert abs(sampled.get(key, 0.0) - p) <= bound, (key, dict(exact), dict(sampled))


def test_two_registers_give_qiskits_exact_per_register_distributions(
    emulated: IonQ, emulator: EmulatorServer
) -> None:
    qc = two_registers()
    job = completed(emulated, emulator, qc, shots=1000)
    unmeasured = Statevector(qc.remove_final_measurements(inplace=False))
    # probabilities_dict(qargs) puts qargs[0] rightmost: bit 0 of the register.
    expected = {
        "a": unmeasured.probabilities_dict(qargs=[1, 0]),
        "b": unmeasured.probabilities_dict(qargs=[2]),
    }
    probabilities = emulated.jobs.register_probabilities(job)
    assert set(probabilities.registers) == {"a", "b"}
    for name, exact in expected.items():
        assert dict(probabilities[name]) == pytest.approx(exact, abs=1e-10)
    histogram = emulated.jobs.register_histogram(job)
    for name, exact in expected.items():  # the ideal simulator's counts are expected counts
        assert dict(histogram[name]) == pytest.approx({k: 1000 * p for k, p in exact.items()})


def test_mid_circuit_measurement_per_register_matches_aer(
    emulated: IonQ, emulator: EmulatorServer
) -> None:
    qc = mid_circuit()
    job = completed(emulated, emulator, qc, shots=SHOTS)
    probabilities = emulated.jobs.register_probabilities(job)
    sampled = aer_registers(qc)
    assert set(probabilities.registers) == set(sampled) == {"m", "f"}
    for name, frequencies in sampled.items():
        assert math.isclose(sum(probabilities[name].values()), 1.0)
        assert_within(probabilities[name], frequencies, SHOTS)


def test_noisy_register_shots_histogram_and_probabilities_agree_with_aer(
    emulated: IonQ, emulator: EmulatorServer
) -> None:
    qc, shots = two_registers(), 4000
    job = completed(emulated, emulator, qc, shots=shots, noise=Noise("aria-1", seed=9))
    per_shot = emulated.jobs.register_shots(job)
    assert len(per_shot) == shots
    histogram = emulated.jobs.register_histogram(job)
    probabilities = emulated.jobs.register_probabilities(job)
    ideal = aer_registers(qc, shots)
    for name in ("a", "b"):
        # Bits come as bit i at index i; bitstrings put bit 0 rightmost.
        counted = Counter("".join(map(str, reversed(bits))) for bits in per_shot.register(name))
        assert dict(histogram[name]) == dict(counted)
        assert dict(probabilities[name]) == pytest.approx(
            {k: n / shots for k, n in counted.items()}
        )
        # Aria-1's noise moves little probability; the samples stay near the ideal ones.
        distance = sum(
            abs(probabilities[name].get(k, 0.0) - ideal[name].get(k, 0.0))
            for k in set(ideal[name]) | set(probabilities[name])
        )
        assert distance < 0.15, (name, dict(probabilities[name]), ideal[name])
