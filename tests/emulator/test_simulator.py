"""The statevector simulator against matrices written out from IonQ's gate definitions.

The references here are built independently of the simulator: every gate matrix is
typed in element by element from the documented definitions, and embedded in the full
register by a plain loop over basis states (not by tensor contraction).
"""

from __future__ import annotations

import cmath
import math
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from ionq_emulator.simulator import (
    MAX_PAULIEXP_TARGETS,
    MAX_QUBITS,
    NOISE_MODELS,
    SimulationError,
    gate_counts,
    simulate,
    statevector,
)

C = NDArray[np.complex128]
PI = math.pi
R2 = 1 / math.sqrt(2)


def m(rows: Sequence[Sequence[complex]]) -> C:
    return np.array(rows, dtype=np.complex128)


def e(x: float) -> complex:
    return cmath.exp(1j * x)


# -- documented matrices (targets[0] is the leftmost ket label / most significant) ----

QIS_FIXED: dict[str, C] = {
    "x": m([[0, 1], [1, 0]]),
    "not": m([[0, 1], [1, 0]]),
    "y": m([[0, -1j], [1j, 0]]),
    "z": m([[1, 0], [0, -1]]),
    "h": m([[R2, R2], [R2, -R2]]),
    "s": m([[1, 0], [0, 1j]]),
    "si": m([[1, 0], [0, -1j]]),
    "t": m([[1, 0], [0, e(PI / 4)]]),
    "ti": m([[1, 0], [0, e(-PI / 4)]]),
    "v": m([[(1 + 1j) / 2, (1 - 1j) / 2], [(1 - 1j) / 2, (1 + 1j) / 2]]),
    "vi": m([[(1 - 1j) / 2, (1 + 1j) / 2], [(1 + 1j) / 2, (1 - 1j) / 2]]),
}


def rx(a: float) -> C:
    c, s = math.cos(a / 2), math.sin(a / 2)
    return m([[c, -1j * s], [-1j * s, c]])


def ry(a: float) -> C:
    c, s = math.cos(a / 2), math.sin(a / 2)
    return m([[c, -s], [s, c]])


def rz(a: float) -> C:
    return m([[e(-a / 2), 0], [0, e(a / 2)]])


def xx(a: float) -> C:
    c, s = math.cos(a / 2), -1j * math.sin(a / 2)
    return m([[c, 0, 0, s], [0, c, s, 0], [0, s, c, 0], [s, 0, 0, c]])


def yy(a: float) -> C:
    c, s = math.cos(a / 2), 1j * math.sin(a / 2)
    return m([[c, 0, 0, s], [0, c, -s, 0], [0, -s, c, 0], [s, 0, 0, c]])


def zz(a: float) -> C:
    return np.diag([e(-a / 2), e(a / 2), e(a / 2), e(-a / 2)]).astype(np.complex128)


SWAP = m([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]])


def gpi(phi: float) -> C:
    return m([[0, e(-2 * PI * phi)], [e(2 * PI * phi), 0]])


def gpi2(phi: float) -> C:
    return R2 * m([[1, -1j * e(-2 * PI * phi)], [-1j * e(2 * PI * phi), 1]])


def ms(phi0: float, phi1: float, theta: float = 0.25) -> C:
    c, s = math.cos(PI * theta), math.sin(PI * theta)
    plus, minus = 2 * PI * (phi0 + phi1), 2 * PI * (phi0 - phi1)
    return m(
        [
            [c, 0, 0, -1j * e(-plus) * s],
            [0, c, -1j * e(-minus) * s, 0],
            [0, -1j * e(minus) * s, c, 0],
            [-1j * e(plus) * s, 0, 0, c],
        ]
    )


def native_zz(theta: float) -> C:
    return np.diag([e(-PI * theta), e(PI * theta), e(PI * theta), e(-PI * theta)]).astype(
        np.complex128
    )


PAULI = {"I": m([[1, 0], [0, 1]]), "X": QIS_FIXED["x"], "Y": QIS_FIXED["y"], "Z": QIS_FIXED["z"]}


def expm(a: C) -> C:
    """Matrix exponential by scaling and squaring a Taylor series (no eigensolver)."""
    squarings = max(0, math.ceil(math.log2(max(np.abs(a).sum(axis=1).max(), 1e-300))) + 1)
    small = a / 2**squarings
    out, term = np.eye(len(a), dtype=np.complex128), np.eye(len(a), dtype=np.complex128)
    for k in range(1, 30):
        term = term @ small / k
        out = out + term
    for _ in range(squarings):
        out = out @ out
    return out


def pauliexp(terms: Sequence[str], coefficients: Sequence[float], t: float) -> C:
    h = sum(
        c * _kron_all([PAULI[ch] for ch in term])
        for term, c in zip(terms, coefficients, strict=True)
    )
    return expm(-1j * t * np.asarray(h, dtype=np.complex128))


def _kron_all(factors: Sequence[C]) -> C:
    out = np.ones((1, 1), dtype=np.complex128)
    for f in factors:
        out = np.kron(out, f).astype(np.complex128)
    return out


def embed(u: C, targets: Sequence[int], controls: Sequence[int], n: int) -> C:
    """The 2**n operator of ``u`` on ``targets``, applied where all ``controls`` are 1.
    Basis index = sum(bit_q * 2**q) (qubit 0 least significant)."""
    k, dim = len(targets), 2**n
    full = np.zeros((dim, dim), dtype=np.complex128)
    for col in range(dim):
        if not all(col >> c & 1 for c in controls):
            full[col, col] = 1
            continue
        sub_in = sum(((col >> t) & 1) << (k - 1 - i) for i, t in enumerate(targets))
        for sub_out in range(2**k):
            row = col
            for i, t in enumerate(targets):
                row = (row & ~(1 << t)) | (((sub_out >> (k - 1 - i)) & 1) << t)
            full[row, col] += u[sub_out, sub_in]
    return full


def random_state(n: int, rng: np.random.Generator) -> C:
    v = rng.normal(size=2**n) + 1j * rng.normal(size=2**n)
    return np.asarray(v / np.linalg.norm(v), dtype=np.complex128)


# -- each gate against its documented matrix --------------------------------------------

_rng = np.random.default_rng(20240601)
_a, _b, _c = (float(x) for x in _rng.uniform(-2 * PI, 2 * PI, size=3))
_p, _q, _r = (float(x) for x in _rng.uniform(-1, 1, size=3))

# (gateset, gate JSON, documented matrix, targets, controls) on a 4-qubit register.
GATE_CASES: list[tuple[str, dict[str, Any], C, tuple[int, ...], tuple[int, ...]]] = [
    *[("qis", {"gate": g, "target": 2}, u, (2,), ()) for g, u in QIS_FIXED.items()],
    ("qis", {"gate": "x", "targets": [3]}, QIS_FIXED["x"], (3,), ()),
    ("qis", {"gate": "rx", "target": 1, "rotation": _a}, rx(_a), (1,), ()),
    ("qis", {"gate": "ry", "target": 0, "rotation": _b}, ry(_b), (0,), ()),
    ("qis", {"gate": "rz", "target": 3, "rotation": _c}, rz(_c), (3,), ()),
    ("qis", {"gate": "cnot", "control": 3, "target": 0}, QIS_FIXED["x"], (0,), (3,)),
    ("qis", {"gate": "cnot", "controls": [0, 2], "target": 1}, QIS_FIXED["x"], (1,), (0, 2)),
    ("qis", {"gate": "swap", "targets": [3, 1]}, SWAP, (3, 1), ()),
    ("qis", {"gate": "xx", "targets": [0, 2], "rotation": _a}, xx(_a), (0, 2), ()),
    ("qis", {"gate": "yy", "targets": [3, 0], "rotation": _b}, yy(_b), (3, 0), ()),
    ("qis", {"gate": "zz", "targets": [1, 2], "rotation": _c}, zz(_c), (1, 2), ()),
    ("qis", {"gate": "h", "target": 0, "control": 2}, QIS_FIXED["h"], (0,), (2,)),
    ("qis", {"gate": "t", "target": 3, "controls": [0, 1, 2]}, QIS_FIXED["t"], (3,), (0, 1, 2)),
    ("qis", {"gate": "ry", "target": 1, "control": 3, "rotation": _b}, ry(_b), (1,), (3,)),
    ("qis", {"gate": "swap", "targets": [0, 3], "controls": [2]}, SWAP, (0, 3), (2,)),
    (
        "qis",
        {"gate": "pauliexp", "targets": [2, 0], "terms": ["XZ"], "coefficients": [0.7], "time": _a},
        pauliexp(["XZ"], [0.7], _a),
        (2, 0),
        (),
    ),
    (  # non-commuting terms: the exponential of the sum, not a product of exponentials
        "qis",
        {
            "gate": "pauliexp",
            "targets": [1, 3, 0],
            "terms": ["XYI", "ZZX", "YIZ"],
            "coefficients": [0.3, -1.1, 0.45],
            "time": 0.9,
        },
        pauliexp(["XYI", "ZZX", "YIZ"], [0.3, -1.1, 0.45], 0.9),
        (1, 3, 0),
        (),
    ),
    ("native", {"gate": "gpi", "target": 1, "phase": _p}, gpi(_p), (1,), ()),
    ("native", {"gate": "gpi2", "target": 3, "phase": _q}, gpi2(_q), (3,), ()),
    ("native", {"gate": "ms", "targets": [0, 2], "phases": [_p, _q]}, ms(_p, _q), (0, 2), ()),
    ("native", {"gate": "ms", "targets": [3, 1], "phases": [_q, _r]}, ms(_q, _r), (3, 1), ()),
    (
        "native",
        {"gate": "ms", "targets": [1, 2], "phases": [_r, _p], "angle": 0.1},
        ms(_r, _p, 0.1),
        (1, 2),
        (),
    ),
    ("native", {"gate": "zz", "targets": [2, 0], "angle": 0.17}, native_zz(0.17), (2, 0), ()),
]


@pytest.mark.parametrize(
    ("gateset", "gate", "matrix", "targets", "controls"),
    GATE_CASES,
    ids=[f"{c[0]}-{c[1]['gate']}-{i}" for i, c in enumerate(GATE_CASES)],
)
def test_gate_matches_documented_matrix(
    gateset: str,
    gate: dict[str, Any],
    matrix: C,
    targets: tuple[int, ...],
    controls: tuple[int, ...],
) -> None:
    n = 4
    rng = np.random.default_rng(len(str(gate)))
    reference = embed(matrix, targets, controls, n)
    assert np.allclose(reference.conj().T @ reference, np.eye(2**n))  # documented = unitary
    for _ in range(3):
        psi = random_state(n, rng)
        got = statevector({"gateset": gateset, "qubits": n, "circuit": [gate]}, initial_state=psi)
        np.testing.assert_allclose(got, reference @ psi, atol=1e-12)


def test_circuit_applies_gates_in_order() -> None:
    n, rng = 3, np.random.default_rng(7)
    psi = random_state(n, rng)
    circuit = [
        {"gate": "h", "target": 0},
        {"gate": "rx", "target": 2, "rotation": 0.4},
        {"gate": "cnot", "control": 0, "target": 2},
        {"gate": "s", "target": 1},
        {"gate": "yy", "targets": [1, 0], "rotation": 1.3},
    ]
    reference = (
        embed(yy(1.3), (1, 0), (), n)
        @ embed(QIS_FIXED["s"], (1,), (), n)
        @ embed(QIS_FIXED["x"], (2,), (0,), n)
        @ embed(rx(0.4), (2,), (), n)
        @ embed(QIS_FIXED["h"], (0,), (), n)
    )
    got = statevector({"gateset": "qis", "circuit": circuit}, initial_state=psi)
    np.testing.assert_allclose(got, reference @ psi, atol=1e-12)


# -- whole circuits --------------------------------------------------------------------

BELL = {
    "gateset": "qis",
    "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}],
}


def test_bell_exact() -> None:
    assert simulate(BELL) == pytest.approx({"0": 0.5, "3": 0.5}, abs=1e-15)


def test_ghz_exact() -> None:
    circuit = [{"gate": "h", "target": 0}] + [
        {"gate": "cnot", "control": 0, "target": t} for t in range(1, 5)
    ]
    assert simulate({"gateset": "qis", "circuit": circuit}) == pytest.approx(
        {"0": 0.5, "31": 0.5}, abs=1e-15
    )


@pytest.mark.parametrize(("qubit", "key"), [(0, "1"), (1, "2"), (2, "4")])
def test_qubit_zero_is_least_significant(qubit: int, key: str) -> None:
    assert simulate(
        {"gateset": "qis", "qubits": 3, "circuit": [{"gate": "x", "target": qubit}]}
    ) == {key: 1.0}


def test_toffoli_flips_target_only_when_both_controls_set() -> None:
    toffoli = {"gate": "cnot", "controls": [1, 2], "target": 0}
    for prepared, expected in [((), "0"), ((1,), "2"), ((2,), "4"), ((1, 2), "7")]:
        prep = [{"gate": "x", "target": q} for q in prepared]
        result = simulate({"gateset": "qis", "qubits": 3, "circuit": [*prep, toffoli]})
        assert result == pytest.approx({expected: 1.0})


def test_probabilities_sum_to_one_and_tiny_entries_are_dropped() -> None:
    # ry by a tiny angle leaves |1> with probability ~1e-14: below the 1e-12 cut-off.
    tiny = simulate({"gateset": "qis", "circuit": [{"gate": "ry", "target": 0, "rotation": 2e-7}]})
    assert tiny == {"0": 1.0}
    rng = np.random.default_rng(3)
    circuit = [
        {"gate": g, "target": int(q), "rotation": float(a)}
        for g, q, a in zip(
            rng.choice(["rx", "ry", "rz"], 30),
            rng.integers(0, 5, 30),
            rng.uniform(0, 6, 30),
            strict=True,
        )
    ] + [{"gate": "cnot", "control": i, "target": i + 1} for i in range(4)]
    result = simulate({"gateset": "qis", "circuit": circuit})
    assert math.isclose(sum(result.values()), 1.0, abs_tol=1e-12)
    assert all(0 <= int(k) < 32 and v >= 1e-12 for k, v in result.items())


def test_register_size_input_then_argument_then_inferred() -> None:
    one_gate: dict[str, Any] = {"gateset": "qis", "circuit": [{"gate": "x", "target": 1}]}
    assert statevector(one_gate).shape == (4,)
    assert statevector(one_gate, qubits=5).shape == (32,)
    assert statevector({**one_gate, "qubits": 3}, qubits=5).shape == (8,)
    assert gate_counts({"gateset": "qis", "circuit": []}) == {"1q": 0, "2q": 0}
    assert simulate({"gateset": "qis", "qubits": 2, "circuit": []}) == {"0": 1.0}


def test_gateset_defaults_to_qis() -> None:
    assert simulate({"circuit": BELL["circuit"]}) == simulate(BELL)


# -- native gates ----------------------------------------------------------------------


def _entanglement_entropy(psi: C) -> float:
    """Entropy (bits) of qubit 0's reduced state in a 2-qubit pure state."""
    schmidt = np.linalg.svd(psi.reshape(2, 2), compute_uv=False) ** 2
    return float(-sum(p * math.log2(p) for p in schmidt if p > 1e-15))


def test_ms_at_quarter_turn_is_fully_entangling() -> None:
    for phases in ([0, 0], [0.1, 0.35], [-0.4, 0.8]):
        gate = {"gate": "ms", "targets": [0, 1], "phases": phases}
        psi = statevector({"gateset": "native", "circuit": [gate]})
        assert _entanglement_entropy(psi) == pytest.approx(1.0)
        assert simulate({"gateset": "native", "circuit": [gate]}) == pytest.approx(
            {"0": 0.5, "3": 0.5}
        )
    partial = {"gate": "ms", "targets": [0, 1], "phases": [0, 0], "angle": 0.1}
    entropy = _entanglement_entropy(statevector({"gateset": "native", "circuit": [partial]}))
    assert 0 < entropy < 1
    identity = {"gate": "ms", "targets": [0, 1], "phases": [0.3, 0.2], "angle": 0}
    assert simulate({"gateset": "native", "circuit": [identity]}) == {"0": 1.0}


# CNOT(control 0, target 1) in native gates, as decomposed in IonQ's Qiskit provider.
NATIVE_CNOT = [
    {"gate": "gpi2", "target": 0, "phase": 0.25},
    {"gate": "ms", "targets": [0, 1], "phases": [0, 0]},
    {"gate": "gpi2", "target": 0, "phase": 0.5},
    {"gate": "gpi2", "target": 1, "phase": 0.5},
    {"gate": "gpi2", "target": 0, "phase": -0.25},
]


def test_native_cnot_decomposition_equals_qis_cnot_up_to_global_phase() -> None:
    rng = np.random.default_rng(11)
    qis = {"gateset": "qis", "qubits": 2, "circuit": [{"gate": "cnot", "control": 0, "target": 1}]}
    native = {"gateset": "native", "qubits": 2, "circuit": NATIVE_CNOT}
    columns = []
    for basis in range(4):
        psi = np.zeros(4, dtype=np.complex128)
        psi[basis] = 1
        a, b = statevector(qis, initial_state=psi), statevector(native, initial_state=psi)
        columns.append((a, b))
        assert abs(np.vdot(a, b)) == pytest.approx(1.0)
    # One global phase for all columns (not a phase per basis state).
    phases = {complex(np.round(np.vdot(a, b), 9)) for a, b in columns}
    assert len(phases) == 1
    psi = random_state(2, rng)
    assert abs(
        np.vdot(statevector(qis, initial_state=psi), statevector(native, initial_state=psi))
    ) == pytest.approx(1.0)


def test_gpi2_twice_is_gpi_up_to_phase_and_gpi_is_an_involution() -> None:
    twice = statevector(
        {"gateset": "native", "circuit": [{"gate": "gpi2", "target": 0, "phase": 0.3}] * 2}
    )
    once = statevector(
        {"gateset": "native", "circuit": [{"gate": "gpi", "target": 0, "phase": 0.3}]}
    )
    assert abs(np.vdot(twice, once)) == pytest.approx(1.0)
    back = statevector(
        {"gateset": "native", "circuit": [{"gate": "gpi", "target": 0, "phase": 0.3}] * 2}
    )
    np.testing.assert_allclose(back, [1, 0], atol=1e-15)


# -- gate counts -----------------------------------------------------------------------


def test_gate_counts() -> None:
    circuit = [
        {"gate": "h", "target": 0},
        {"gate": "rz", "target": 1, "rotation": 0.1},
        {"gate": "cnot", "control": 0, "target": 1},
        {"gate": "x", "controls": [0, 1], "target": 2},
        {"gate": "rx", "control": 2, "target": 0, "rotation": 1.0},
        {"gate": "swap", "targets": [0, 2]},
        {"gate": "pauliexp", "targets": [1], "terms": ["X"], "coefficients": [1], "time": 1},
        {"gate": "pauliexp", "targets": [0, 1], "terms": ["XX"], "coefficients": [1], "time": 1},
    ]
    assert gate_counts({"gateset": "qis", "circuit": circuit}) == {"1q": 3, "2q": 5}
    assert gate_counts({"gateset": "native", "circuit": NATIVE_CNOT}) == {"1q": 4, "2q": 1}


# -- limits and errors -----------------------------------------------------------------


def test_qubit_limit() -> None:
    with pytest.raises(SimulationError, match=f"at most {MAX_QUBITS} qubits") as info:
        simulate({"gateset": "qis", "qubits": MAX_QUBITS + 1, "circuit": []})
    assert info.value.code == "SimulationError"
    with pytest.raises(SimulationError, match=f"at most {MAX_QUBITS} qubits"):
        simulate({"gateset": "qis", "circuit": [{"gate": "x", "target": MAX_QUBITS}]})
    with pytest.raises(SimulationError, match=f"at most {MAX_QUBITS} qubits"):
        simulate({"gateset": "qis", "circuit": [{"gate": "x", "target": 10**30}]})


def test_twenty_qubit_ghz_is_exact() -> None:
    n = 20
    circuit = [{"gate": "h", "target": 0}] + [
        {"gate": "cnot", "control": q, "target": q + 1} for q in range(n - 1)
    ]
    assert simulate({"gateset": "qis", "circuit": circuit}) == pytest.approx(
        {"0": 0.5, str(2**n - 1): 0.5}
    )


def _bad(gateset: str, *gates: Any, **extra: Any) -> dict[str, Any]:
    return {"gateset": gateset, "circuit": list(gates), **extra}


MALFORMED: list[tuple[Any, str]] = [
    ({"data": "OPENQASM 3.0; qubit[1] q; h q[0];"}, "OpenQASM"),
    ({"gateset": "qis", "circuits": [BELL]}, "multi-circuit"),
    ("not an object", "JSON object"),
    ({"gateset": "qis"}, "no 'circuit'"),
    ({"gateset": "qasm", "circuit": []}, "gateset"),
    ({"gateset": "qis", "circuit": "h 0"}, "list of gates"),
    ({"gateset": "qis", "qubits": 0, "circuit": []}, "positive integer"),
    ({"gateset": "qis", "qubits": True, "circuit": []}, "positive integer"),
    (_bad("qis", {"gate": "foo", "target": 0}), "unknown gate 'foo'"),
    (_bad("qis", {"gate": "gpi", "target": 0, "phase": 0}), "unknown gate 'gpi'"),
    (_bad("native", {"gate": "h", "target": 0}), "unknown gate 'h'"),
    (_bad("qis", ["h", 0]), "JSON object"),
    (_bad("qis", {"target": 0}), "'gate'"),
    (_bad("qis", {"gate": "h"}), "missing field 'target'"),
    (_bad("qis", {"gate": "h", "target": -1}), "non-negative integer"),
    (_bad("qis", {"gate": "h", "target": 1.0}), "non-negative integer"),
    (_bad("qis", {"gate": "h", "target": True}), "non-negative integer"),
    (_bad("qis", {"gate": "h", "targets": [0, 1]}), "takes 1 target"),
    (_bad("qis", {"gate": "h", "target": 0, "targets": [0]}), "not both"),
    (_bad("qis", {"gate": "h", "target": 0, "rotation": 1}), "unexpected field"),
    (_bad("qis", {"gate": "h", "target": 0, "colour": "red"}), "unexpected field"),
    (_bad("qis", {"gate": "h", "target": 0, "control": 0}), "both control and target"),
    (_bad("qis", {"gate": "cnot", "target": 0}), "missing field 'control'"),
    (_bad("qis", {"gate": "rx", "target": 0}), "missing field 'rotation'"),
    (_bad("qis", {"gate": "rx", "target": 0, "rotation": "1"}), "must be a number"),
    (_bad("qis", {"gate": "rx", "target": 0, "rotation": float("nan")}), "finite"),
    (_bad("qis", {"gate": "rx", "target": 0, "rotation": 10**400}), "too large"),
    (_bad("qis", {"gate": "swap", "targets": [1, 1]}), "repeats"),
    # Too many digits for str(): the message must still be produced.
    (_bad("qis", {"gate": "swap", "targets": [10**5000, 10**5000]}), "too large to print"),
    (_bad("qis", {"gate": "rz", "target": 0, "rotation": -(10**5000)}), "too large"),
    (_bad("qis", {"gate": "swap", "target": 1}), "takes 2 target"),
    (
        _bad(
            "qis",
            {"gate": "pauliexp", "targets": [0], "terms": ["Q"], "coefficients": [1], "time": 1},
        ),
        "terms[0]",
    ),
    (
        _bad(
            "qis",
            {"gate": "pauliexp", "targets": [0], "terms": ["XX"], "coefficients": [1], "time": 1},
        ),
        "terms[0]",
    ),
    (
        _bad(
            "qis",
            {"gate": "pauliexp", "targets": [0], "terms": ["X"], "coefficients": [], "time": 1},
        ),
        "coefficients",
    ),
    (
        _bad("qis", {"gate": "pauliexp", "targets": [0], "terms": ["X"], "coefficients": [1]}),
        "'time'",
    ),
    (
        _bad(
            "qis",
            {
                "gate": "pauliexp",
                "targets": list(range(MAX_PAULIEXP_TARGETS + 1)),
                "terms": ["X" * (MAX_PAULIEXP_TARGETS + 1)],
                "coefficients": [1],
                "time": 1,
            },
        ),
        "at most",
    ),
    (_bad("native", {"gate": "gpi", "target": 0}), "missing field 'phase'"),
    (_bad("native", {"gate": "ms", "targets": [0, 1], "phases": [0]}), "two numbers"),
    (_bad("native", {"gate": "ms", "targets": [0, 1]}), "'phases'"),
    (_bad("native", {"gate": "zz", "targets": [0, 1]}), "missing field 'angle'"),
    (_bad("native", {"gate": "gpi", "target": 1, "phase": 0, "control": 0}), "unexpected field"),
    (_bad("qis", {"gate": "x", "target": 2}, qubits=2), "out of range for a 2-qubit"),
]


@pytest.mark.parametrize(("input", "message"), MALFORMED, ids=[m for _, m in MALFORMED])
def test_malformed_input_raises_simulation_error(input: Any, message: str) -> None:
    with pytest.raises(SimulationError) as info:
        simulate(input)
    assert message in str(info.value)
    with pytest.raises(SimulationError):
        gate_counts(input)


def test_error_names_the_offending_gate() -> None:
    with pytest.raises(SimulationError, match=r"circuit\[1\] \(rx\)"):
        simulate(_bad("qis", {"gate": "h", "target": 0}, {"gate": "rx", "target": 0}))
    with pytest.raises(SimulationError) as info:
        simulate(_bad("qis", {"gate": "toffoli", "targets": [0, 1, 2]}))
    assert info.value.code == "UnsupportedGate"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"shots": 0},
        {"shots": True},
        {"shots": 1.5},
        {"seed": "x"},
        {"noise_model": "aria-9"},
        {"noise_model": ["aria-1"]},
    ],
)
def test_bad_run_options(kwargs: dict[str, Any]) -> None:
    with pytest.raises(SimulationError):
        simulate(BELL, **{"noise_model": "aria-1", **kwargs})


def test_bad_initial_state() -> None:
    bad_states: list[Any] = [[1, 0, 0], [1, 1], ["a", "b"]]
    for bad in bad_states:
        with pytest.raises(SimulationError, match="initial_state"):
            statevector({"gateset": "qis", "qubits": 1, "circuit": []}, initial_state=bad)


# -- noise -----------------------------------------------------------------------------


def _error_mass(result: dict[str, float], ideal_support: set[str]) -> float:
    return sum(v for k, v in result.items() if k not in ideal_support)


@pytest.mark.parametrize("model", sorted(NOISE_MODELS))
def test_noise_same_seed_same_result_different_seed_differs(model: str) -> None:
    run: Callable[[int], dict[str, float]] = lambda seed: simulate(  # noqa: E731
        BELL, noise_model=model, seed=seed, shots=1000
    )
    assert run(42) == run(42)
    assert run(-7) == run(-7)
    assert run(42) != run(43)
    result = run(42)
    assert math.isclose(sum(result.values()), 1.0)
    assert all(round(v * 1000) == pytest.approx(v * 1000) for v in result.values())


def test_noisy_distribution_is_close_to_ideal_but_not_equal() -> None:
    noisy = simulate(BELL, noise_model="aria-1", seed=1, shots=50_000)
    ideal = simulate(BELL)
    keys = set(noisy) | set(ideal)
    distance = 0.5 * sum(abs(noisy.get(k, 0) - ideal.get(k, 0)) for k in keys)
    assert 0.002 < distance < 0.06
    assert 0.002 < _error_mass(noisy, {"0", "3"}) < 0.05


def test_noisier_hardware_gives_more_errors() -> None:
    circuit = {
        "gateset": "qis",
        "circuit": [{"gate": "h", "target": 0}]
        + [{"gate": "cnot", "control": 0, "target": t} for t in range(1, 4)],
    }
    mass = {
        model: _error_mass(simulate(circuit, noise_model=model, seed=5, shots=50_000), {"0", "15"})
        for model in ("harmony", "aria-1", "forte-1")
    }
    assert mass["harmony"] > mass["aria-1"] > mass["forte-1"] > 0


def test_readout_error_alone_flips_bits_at_the_model_rate() -> None:
    # No gates, so no gate errors: only readout can move weight off |000>.
    shots, n = 200_000, 3
    empty = {"gateset": "qis", "qubits": n, "circuit": []}
    result = simulate(empty, noise_model="harmony", seed=9, shots=shots)
    expected = 1 - (1 - NOISE_MODELS["harmony"].readout_error) ** n
    assert _error_mass(result, {"0"}) == pytest.approx(
        expected, abs=4 * math.sqrt(expected / shots)
    )
    # A single flip (one bit wrong) is far likelier than two.
    assert result.get("1", 0) > 10 * result.get("3", 0)


def test_gate_errors_accumulate_with_depth() -> None:
    # Pairs of cnots are the identity: ideal result |00> whatever the depth.
    def deep(pairs: int) -> dict[str, Any]:
        cnots = [{"gate": "cnot", "control": 0, "target": 1}] * (2 * pairs)
        return {"gateset": "qis", "qubits": 2, "circuit": cnots}

    assert simulate(deep(50)) == {"0": 1.0}
    shallow = _error_mass(simulate(deep(0), noise_model="aria-1", seed=2, shots=50_000), {"0"})
    heavy = _error_mass(simulate(deep(50), noise_model="aria-1", seed=2, shots=50_000), {"0"})
    assert heavy > 0.3 > shallow


def test_noise_default_shots_and_ideal_ignores_shots() -> None:
    result = simulate(BELL, noise_model="forte-1", seed=3)
    assert all(round(v * 1000) == pytest.approx(v * 1000) for v in result.values())
    assert simulate(BELL, shots=10, seed=3) == simulate(BELL)
    # The contract's largest shot count, without a seed, costs no more than a small one.
    start = time.perf_counter()
    many = simulate(BELL, noise_model="forte-1", shots=1_000_000)
    assert time.perf_counter() - start < 2
    assert math.isclose(sum(many.values()), 1.0)
    assert many["0"] == pytest.approx(0.5, abs=0.02)


# -- garbage in, only SimulationError out ------------------------------------------------

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([10**400, -(10**400)])  # too large for a float
    | st.floats()
    | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)
_names = st.sampled_from(
    ["x", "h", "rx", "cnot", "swap", "xx", "zz", "pauliexp", "gpi", "gpi2", "ms", "nop", ""]
) | st.text(max_size=5)
_fields = st.sampled_from(
    [
        "target",
        "targets",
        "control",
        "controls",
        "rotation",
        "phase",
        "phases",
        "angle",
        "terms",
        "coefficients",
        "time",
        "other",
    ]
)
_values = (
    _json
    | st.integers(-1, 4)
    | st.lists(st.integers(-1, 4), max_size=4)
    | st.lists(st.floats(-2, 2), max_size=3)
    | st.lists(st.sampled_from(["X", "YZ", "ZZ", "I", "XQ", "XYZ"]), max_size=3)
)
_random_gates = st.builds(
    lambda name, fields: {"gate": name, **fields},
    _names | _json,
    st.dictionaries(_fields, _values, max_size=5),
)
# Valid gates with a few fields dropped or replaced: these reach the deep checks.
_mutated_gates = st.builds(
    lambda gate, drop, replace: {
        **{k: v for k, v in gate.items() if k not in drop},
        **replace,
    },
    st.sampled_from([case[1] for case in GATE_CASES]),
    st.sets(_fields | st.just("gate"), max_size=2),
    st.dictionaries(_fields, _values, max_size=2),
)
_gates = _mutated_gates | _random_gates


def _check_error(exc: SimulationError) -> None:
    assert str(exc)
    assert exc.code in {"InvalidInput", "UnsupportedGate", "SimulationError"}


def _check_result(result: dict[str, float]) -> None:
    assert all(isinstance(k, str) and k.isdigit() for k in result)
    assert math.isclose(sum(result.values()), 1.0, abs_tol=1e-9)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    gateset=st.sampled_from(["qis", "native"]) | _json,
    gates=st.lists(_gates | _json, max_size=3),
    qubits=st.none() | st.integers(-1, 6) | _json,
)
def test_garbage_gates_only_raise_simulation_error(gateset: Any, gates: Any, qubits: Any) -> None:
    payload: dict[str, Any] = {"gateset": gateset, "circuit": gates}
    if qubits is not None:
        payload["qubits"] = qubits
    calls: list[Callable[[], dict[str, float]]] = [
        lambda: simulate(payload),
        lambda: simulate(payload, noise_model="harmony", seed=1, shots=20),
    ]
    for call in calls:
        try:
            _check_result(call())
        except SimulationError as exc:
            _check_error(exc)
    try:
        counts = gate_counts(payload)
    except SimulationError as exc:
        _check_error(exc)
    else:
        assert set(counts) == {"1q", "2q"}
        assert counts["1q"] + counts["2q"] == len(gates)


@settings(max_examples=100, deadline=None)
@given(payload=_json)
def test_garbage_payload_only_raises_simulation_error(payload: Any) -> None:
    try:
        _check_result(simulate(payload))
    except SimulationError as exc:
        _check_error(exc)
