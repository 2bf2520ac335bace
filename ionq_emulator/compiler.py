"""Compilation of a job's circuit to IonQ's native gates (``ionq.native.v1``).

Every gate is lowered exactly to single-qubit unitaries and CNOTs (controlled gates by
the ABC and Barenco et al. constructions, two-qubit rotations and commuting
``pauliexp`` terms by basis change and a CNOT ladder), then to native gates:
single-qubit unitaries as ``Rz Ry Rz`` with every ``Rz`` kept virtual (a per-qubit phase
frame that shifts the phases of later GPI2/MS gates; it commutes with the final
measurement, so it costs no gate), ``Ry(b)`` as ``GPI2(0) Rz(b) GPI2(1/2)``, a CNOT as one
fully entangling MS, and ``zz`` rotations as native ZZ where the backend has it. The
compiled circuit's distribution equals the source's (tests/emulator/test_compiler.py).
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Final

import numpy as np

from ionq_emulator._tables import CircuitFormat
from ionq_emulator.simulator import Matrix, SimulationError, operations

__all__ = [
    "NATIVE_FORMAT", "CompilationError", "compile_native", "compiled_artifact",
    "compiled_circuits",
]  # fmt: skip

NATIVE_FORMAT: Final = CircuitFormat.NATIVE_V1

_I = np.eye(2, dtype=np.complex128)
_X = np.array([[0, 1], [1, 0]], dtype=np.complex128)
_Z = np.diag([1, -1]).astype(np.complex128)
_H = np.array([[1, 1], [1, -1]], dtype=np.complex128) / math.sqrt(2)
_S = np.diag([1, 1j]).astype(np.complex128)
#: U with U Z U^dagger = P, per Pauli letter (basis change to Z).
_TO_Z: Final = {"X": _H, "Y": _S @ _H, "Z": _I}


class CompilationError(ValueError):
    """A circuit the compiler cannot lower exactly (IonQ's code: CompilationError)."""


def _rz(angle: float) -> Matrix:
    return np.diag([np.exp(-0.5j * angle), np.exp(0.5j * angle)]).astype(np.complex128)


def _ry(angle: float) -> Matrix:
    c, s = math.cos(angle / 2), math.sin(angle / 2)
    return np.array([[c, -s], [s, c]], dtype=np.complex128)


def _zyz(u: Matrix) -> tuple[float, float, float, float]:
    """(alpha, a, b, c) with u = exp(i alpha) Rz(a) Ry(b) Rz(c)."""
    alpha = float(np.angle(np.linalg.det(u))) / 2
    v = u * np.exp(-1j * alpha)
    b = 2 * math.atan2(abs(v[1, 0]), abs(v[0, 0]))
    plus = float(np.angle(v[1, 1])) if abs(v[1, 1]) > 1e-12 else 0.0  # (a + c) / 2
    minus = float(np.angle(v[1, 0])) if abs(v[1, 0]) > 1e-12 else 0.0  # (a - c) / 2
    return alpha, plus + minus, b, plus - minus


def _sqrt(u: Matrix) -> Matrix:
    """A unitary square root of a 2x2 unitary (u is normal: eigenvectors orthonormal)."""
    values, vectors = np.linalg.eig(u)
    if abs(values[0] - values[1]) < 1e-12:
        root: Matrix = (np.sqrt(values[0]) * _I).astype(np.complex128)
        return root
    vectors = vectors / np.linalg.norm(vectors, axis=0)
    root = (vectors @ np.diag(np.sqrt(values)) @ vectors.conj().T).astype(np.complex128)
    return root


class _Native:
    """Collects native gates; single-qubit unitaries wait (and merge) per qubit."""

    def __init__(self, qubits: int, zz: bool) -> None:
        self.qubits = qubits
        self.zz = zz
        self.pending = [_I.copy() for _ in range(qubits)]
        self.frame = [0.0] * qubits  # radians: logical = Rz(frame) physical
        self.gates: list[dict[str, Any]] = []

    def turns(self, qubit: int, phase: float) -> float:
        """A logical phase (radians) as the physical phase in turns, through the frame."""
        return round(((phase - self.frame[qubit]) / (2 * math.pi)) % 1.0, 12)

    # -- the lowered vocabulary: 1q unitaries, CNOT, exp(-i theta ZZ) --------------------

    def one(self, qubit: int, u: Matrix) -> None:
        self.pending[qubit] = u @ self.pending[qubit]

    def flush(self, qubit: int) -> None:
        u, self.pending[qubit] = self.pending[qubit], _I.copy()
        _, a, b, c = _zyz(u)
        self.frame[qubit] += c
        if abs(b) > 1e-12:
            self.gates.append({"gate": "gpi2", "target": qubit, "phase": self.turns(qubit, 0.0)})
            self.frame[qubit] += b
            self.gates.append(
                {"gate": "gpi2", "target": qubit, "phase": self.turns(qubit, math.pi)}
            )
        self.frame[qubit] += a

    def xx(self, a: int, b: int, theta: float) -> None:
        """exp(-i theta X X), theta reduced to one MS of angle in [0, 1/4] turn."""
        theta = (theta + math.pi / 2) % math.pi - math.pi / 2
        if abs(theta) > math.pi / 4:  # exp(-i pi/2 XX) = -i X (x) X, local
            self.one(a, _X)
            self.one(b, _X)
            theta -= math.copysign(math.pi / 2, theta)
        if theta < 0:  # Z_a exp(-i t XX) Z_a = exp(i t XX)
            self.one(a, _Z)
        self.flush(a)
        self.flush(b)
        if abs(theta) > 1e-15:
            self.gates.append(
                {
                    "gate": "ms",
                    "targets": [a, b],
                    "phases": [self.turns(a, 0.0), self.turns(b, 0.0)],
                    "angle": round(abs(theta) / math.pi, 15),
                }
            )
        if theta < 0:
            self.one(a, _Z)

    def zz_rotation(self, a: int, b: int, theta: float) -> None:
        """exp(-i theta Z Z)."""
        if self.zz:  # native ZZ(t) = exp(-i pi t ZZ) commutes with the frames
            self.flush(a)
            self.flush(b)
            self.gates.append({"gate": "zz", "targets": [a, b], "angle": theta / math.pi})
            return
        self.one(a, _H)
        self.one(b, _H)
        self.xx(a, b, theta)
        self.one(a, _H)
        self.one(b, _H)

    def cnot(self, control: int, target: int) -> None:
        # CNOT = H_t CZ H_t;  CZ ~ Rz_c(pi/2) Rz_t(pi/2) exp(+i pi/4 ZZ).
        self.one(target, _H)
        self.zz_rotation(control, target, -math.pi / 4)
        self.one(control, _rz(math.pi / 2))
        self.one(target, _rz(math.pi / 2))
        self.one(target, _H)

    # -- controlled single-qubit unitaries --------------------------------------------

    def controlled(self, u: Matrix, target: int, controls: Sequence[int]) -> None:
        if not controls:
            self.one(target, u)
            return
        if len(controls) == 1:
            control = controls[0]
            if np.allclose(u, _X, atol=1e-14):
                self.cnot(control, target)
                return
            # ABC: u = e^{i alpha} A X B X C with A B C = I (Nielsen & Chuang 4.2).
            alpha, a, b, c = _zyz(u)
            self.one(target, _rz((c - a) / 2))
            self.cnot(control, target)
            self.one(target, _ry(-b / 2) @ _rz(-(c + a) / 2))
            self.cnot(control, target)
            self.one(target, _rz(a) @ _ry(b / 2))
            self.one(control, np.diag([1, np.exp(1j * alpha)]).astype(np.complex128))
            return
        # Barenco et al. lemma 7.5: C^k U from C V, C^(k-1) X and C^(k-1) V, V^2 = U.
        v = _sqrt(u)
        *rest, last = controls
        self.controlled(v, target, [last])
        self.controlled(_X, last, rest)
        self.controlled(v.conj().T, target, [last])
        self.controlled(_X, last, rest)
        self.controlled(v, target, rest)

    def pauli_rotation(
        self, term: str, qubits: Sequence[int], theta: float, controls: Sequence[int]
    ) -> None:
        """exp(-i theta P) for a Pauli string P on ``qubits``, under ``controls``."""
        support = [(q, p) for q, p in zip(qubits, term, strict=True) if p != "I"]
        if not support:  # a phase exp(-i theta), which only controls make physical
            if controls:
                *rest, last = controls
                self.controlled(np.diag([1, np.exp(-1j * theta)]), last, rest)
            return
        for q, p in support:
            self.one(q, _TO_Z[p].conj().T)
        chain = [q for q, _ in support]
        if len(chain) == 2 and not controls:
            self.zz_rotation(chain[0], chain[1], theta)
        else:
            for a, b in itertools.pairwise(chain):
                self.cnot(a, b)
            self.controlled(_rz(2 * theta), chain[-1], controls)
            for a, b in reversed(list(itertools.pairwise(chain))):
                self.cnot(a, b)
        for q, p in support:
            self.one(q, _TO_Z[p])

    def finish(self) -> list[dict[str, Any]]:
        for qubit in range(self.qubits):
            self.flush(qubit)
        return self.gates


def _commute(a: str, b: str) -> bool:
    return sum(x != "I" and y != "I" and x != y for x, y in zip(a, b, strict=True)) % 2 == 0


def _lower(native: _Native, gate: Mapping[str, Any], op: Any, gateset: str) -> None:
    name = gate["gate"]
    targets, controls = list(op.targets), list(op.controls)
    if name in {"measure", "reset"}:
        return
    if len(targets) == 1:
        native.controlled(op.matrix, targets[0], controls)
        return
    if name == "swap":
        a, b = targets
        native.cnot(b, a)
        native.controlled(_X, b, [*controls, a])
        native.cnot(b, a)
        return
    if gateset == "native" and name == "ms":
        phases = [float(p) * 2 * math.pi for p in gate["phases"]]
        angle = float(gate.get("angle", 0.25)) * math.pi
        # MS = exp(-i angle P(phi0) P(phi1)); P(phi) = Rz(phi) X Rz(-phi).
        for q, phi in zip(targets, phases, strict=True):
            native.one(q, _rz(-phi))
        native.xx(targets[0], targets[1], angle)
        for q, phi in zip(targets, phases, strict=True):
            native.one(q, _rz(phi))
        return
    if gateset == "native" and name == "zz":
        native.pauli_rotation("ZZ", targets, float(gate["angle"]) * math.pi, controls)
        return
    if name in {"xx", "yy", "zz"}:
        term = name.upper()
        native.pauli_rotation(term, targets, float(gate["rotation"]) / 2, controls)
        return
    if name == "pauliexp":
        terms = [str(t) for t in gate["terms"]]
        if not all(_commute(a, b) for a in terms for b in terms):
            raise CompilationError(
                "pauliexp with non-commuting terms has no exact gate decomposition here"
            )
        time = float(gate["time"])
        for term, coefficient in zip(terms, gate["coefficients"], strict=True):
            native.pauli_rotation(term, targets, time * float(coefficient), controls)
        return
    raise CompilationError(f"cannot compile the gate {name!r}")  # pragma: no cover


def _check_measurements(circuit: Mapping[str, Any]) -> None:
    seen: set[int] = set()
    for gate in circuit.get("circuit", []):
        if not isinstance(gate, Mapping):
            continue
        name = gate.get("gate")
        qubits = {gate.get("target"), gate.get("control")}
        qubits.update(gate.get("targets") or [], gate.get("controls") or [])
        if name == "reset":
            raise CompilationError("a reset has no ionq.native.v1 form")
        if name == "measure":
            seen.add(gate["target"])
        elif seen & qubits:
            raise CompilationError("a mid-circuit measurement has no ionq.native.v1 form")


def compile_native(circuit: Mapping[str, Any], *, native_gates: Sequence[str]) -> dict[str, Any]:
    """The circuit as ``ionq.native.v1`` (``{"qubits", "circuit"}``) for a backend whose
    native gates are ``native_gates``. A translated OpenQASM program may measure its
    qubits only at the end (the native format measures every qubit there) and may not
    reset them; otherwise, and for anything else that cannot be lowered exactly, raises
    CompilationError."""
    try:
        qubits, ops = operations(circuit)
    except SimulationError as exc:
        raise CompilationError(str(exc)) from None
    gates = list(circuit.get("circuit", []))
    _check_measurements(circuit)
    native = _Native(qubits, zz="zz" in native_gates)
    gateset = str(circuit.get("gateset", "qis"))
    for gate, op in zip(gates, ops, strict=True):
        _lower(native, gate, op, gateset)
    return {"qubits": qubits, "circuit": native.finish()}


_ARTIFACTS: Final = uuid.UUID("0b6f4c1e-9d2a-4e57-8a1c-3f5e7d9b2c40")


def _source(job_type: str, workload: Mapping[str, Any]) -> dict[str, Any] | None:
    from ionq_emulator.runner import circuits_of

    (circuit,) = circuits_of(job_type, workload)
    return None if "error" in circuit else circuit


@functools.lru_cache(maxsize=4096)
def _compilable(job_id: str, job_type: str, workload: str) -> bool:
    """Whether the job's circuit compiles, decided once per job (cheaply for gate lists:
    only a non-commuting ``pauliexp`` refuses; a program is translated once)."""
    circuit = _source(job_type, json.loads(workload))
    if circuit is None:
        return False
    if "clbits" not in circuit:
        return all(
            all(_commute(a, b) for a in g.get("terms", []) for b in g.get("terms", []))
            for g in circuit.get("circuit", [])
            if isinstance(g, Mapping) and g.get("gate") == "pauliexp"
        )
    try:
        _check_measurements(circuit)
    except CompilationError:
        return False
    return True


@functools.lru_cache(maxsize=64)
def _payload(job_type: str, workload: str, native_gates: tuple[str, ...]) -> str:
    circuit = _source(job_type, json.loads(workload))
    if circuit is None:
        return ""
    try:
        return json.dumps(compile_native(circuit, native_gates=native_gates))
    except CompilationError:
        return ""


def compiled_circuits(
    job_id: str, job_type: str, workload: Mapping[str, Any]
) -> dict[str, dict[str, str]]:
    """A single-circuit job's compiled-circuit descriptors, by format
    (``output.compilation.compiled_circuits``); empty when it does not compile."""
    if not _compilable(job_id, job_type, json.dumps(workload, sort_keys=True)):
        return {}
    artifact = str(uuid.uuid5(_ARTIFACTS, f"{job_id}/{NATIVE_FORMAT}"))
    return {
        NATIVE_FORMAT: {"id": artifact, "format": NATIVE_FORMAT, "media_type": "application/json"}
    }


def compiled_artifact(
    job_type: str, workload: Mapping[str, Any], native_gates: Sequence[str]
) -> dict[str, Any] | None:
    """The ``ionq.native.v1`` payload of a job's circuit on a backend, or None."""
    payload = _payload(job_type, json.dumps(workload, sort_keys=True), tuple(native_gates))
    return json.loads(payload) if payload else None
