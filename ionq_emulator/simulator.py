"""Statevector simulation of IonQ ``qis`` and ``native`` gate-list circuits.

The emulator's results come from here: an exact (ideal) statevector simulation, plus a
cheap, seeded noise model for the hardware noise models (``aria-1``, ``forte-1``, ...).

Conventions (IonQ's): basis states are keyed by a decimal string with qubit 0 as the
least significant bit; native phases and angles are in turns (1 turn = 2*pi radians);
``qis`` rotations are in radians.

Every gate is reduced to one thing -- a unitary on its target qubits, optionally
controlled by other qubits -- and applied with one mechanism: the state is held as a
tensor of shape ``(2,) * n`` and the matrix is contracted with the target axes
(``tensordot``); controls restrict the contraction to the slice where they are all 1.
No ``2**n x 2**n`` matrix is ever built.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final, NoReturn

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "MAX_PAULIEXP_TARGETS",
    "MAX_QUBITS",
    "NOISE_MODELS",
    "NoiseModel",
    "SimulationError",
    "gate_counts",
    "simulate",
    "statevector",
]

Matrix = NDArray[np.complex128]

#: Largest register simulated: 2**20 amplitudes (16 MiB), a few ms per gate.
MAX_QUBITS: Final = 20
#: ``pauliexp`` is exponentiated as a dense matrix on its targets; this bounds its size.
MAX_PAULIEXP_TARGETS: Final = 10
#: Probabilities below this are left out of results (and the rest renormalized).
PROBABILITY_CUTOFF: Final = 1e-12
DEFAULT_SHOTS: Final = 1000


class SimulationError(ValueError):
    """A circuit the simulator cannot run.

    ``code`` is the IonQ failure code a job should report: ``UnsupportedGate`` (a gate
    name the gateset lacks), ``SimulationError`` (more than MAX_QUBITS qubits), or
    ``InvalidInput`` (everything else).
    """

    def __init__(self, message: str, *, code: str = "InvalidInput") -> None:
        super().__init__(message)
        self.code = code


# -- noise ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NoiseModel:
    """Error rates of one hardware noise model (probabilities per gate / per qubit read)."""

    one_qubit_error: float
    two_qubit_error: float
    readout_error: float


# Illustrative rates of the order IonQ publishes for each system; not calibration data.
NOISE_MODELS: Final[Mapping[str, NoiseModel]] = MappingProxyType(
    {
        "harmony": NoiseModel(4e-3, 2.7e-2, 7e-3),
        "aria-1": NoiseModel(6e-4, 1.2e-2, 4e-3),
        "aria-2": NoiseModel(6e-4, 1.2e-2, 4e-3),
        "forte-1": NoiseModel(2e-4, 5e-3, 3e-3),
        "forte-enterprise-1": NoiseModel(2e-4, 5e-3, 3e-3),
    }
)


# -- gate matrices -------------------------------------------------------------------

_I2 = np.eye(2, dtype=np.complex128)
_X = np.array([[0, 1], [1, 0]], dtype=np.complex128)
_Y = np.array([[0, -1j], [1j, 0]], dtype=np.complex128)
_Z = np.array([[1, 0], [0, -1]], dtype=np.complex128)
_PAULI: Final = MappingProxyType({"I": _I2, "X": _X, "Y": _Y, "Z": _Z})
_SQRT_X = np.array([[1 + 1j, 1 - 1j], [1 - 1j, 1 + 1j]], dtype=np.complex128) / 2
_FIXED_1Q: Final[Mapping[str, Matrix]] = MappingProxyType(
    {
        "x": _X,
        "not": _X,
        "y": _Y,
        "z": _Z,
        "h": np.array([[1, 1], [1, -1]], dtype=np.complex128) / math.sqrt(2),
        "s": np.diag([1, 1j]).astype(np.complex128),
        "si": np.diag([1, -1j]).astype(np.complex128),
        "t": np.diag([1, np.exp(1j * math.pi / 4)]).astype(np.complex128),
        "ti": np.diag([1, np.exp(-1j * math.pi / 4)]).astype(np.complex128),
        "v": _SQRT_X,
        "vi": _SQRT_X.conj(),
    }
)
_SWAP = np.eye(4, dtype=np.complex128)[[0, 2, 1, 3]]


def _exp_involution(generator: Matrix, angle: float) -> Matrix:
    """exp(-i * angle * G) for a G with G @ G == I: cos(angle) I - i sin(angle) G."""
    eye = np.eye(generator.shape[0], dtype=np.complex128)
    return math.cos(angle) * eye - 1j * math.sin(angle) * generator


def _phase_pauli(phase_turns: float) -> Matrix:
    """cos(2 pi phi) X + sin(2 pi phi) Y: the GPI matrix, and the MS/GPI2 generator."""
    # Reduce first: the phase is periodic in turns, and 2*pi*1e308 would overflow to inf.
    e = np.exp(2j * math.pi * (phase_turns % 1.0))
    return np.array([[0, e.conjugate()], [e, 0]], dtype=np.complex128)


def _kron(*factors: Matrix) -> Matrix:
    """Tensor product; the first factor acts on targets[0], the most significant bit."""
    out = np.ones((1, 1), dtype=np.complex128)
    for factor in factors:
        out = np.kron(out, factor).astype(np.complex128)
    return out


def _pauli_string(term: str) -> Matrix:
    # Character i of a term acts on targets[i].
    return _kron(*(_PAULI[char] for char in term))


# -- parsing -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Op:
    """A unitary on ``targets`` (targets[0] is the matrix's most significant bit),
    applied only where every qubit in ``controls`` is 1."""

    matrix: Matrix
    targets: tuple[int, ...]
    controls: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Circuit:
    qubits: int
    ops: tuple[_Op, ...]


def _show(value: object) -> str:
    """A short repr of user input for error messages."""
    try:
        text = repr(value)
    except ValueError:  # an int too long to print (sys.get_int_max_str_digits)
        return "<a number too large to print>"
    return text if len(text) <= 60 else text[:57] + "..."


class _Fields:
    """One gate's JSON object; remembers which fields were read so that leftover
    (meaningless) fields are reported rather than silently ignored."""

    def __init__(self, raw: Mapping[Any, Any], where: str) -> None:
        self._raw = raw
        self._read: set[Any] = {"gate"}
        self.where = where

    def fail(self, message: str, code: str = "InvalidInput") -> NoReturn:
        raise SimulationError(f"{self.where}: {message}", code=code)

    def get(self, key: str) -> Any:
        """The field's value, or None when absent (an explicit null counts as absent)."""
        self._read.add(key)
        return self._raw.get(key)

    def require(self, key: str) -> Any:
        value = self.get(key)
        if value is None:
            self.fail(f"missing field {key!r}")
        return value

    def real(self, key: str, default: float | None = None) -> float:
        """A finite number field; ``default`` when absent, or an error if no default."""
        value = self.get(key)
        if value is None:
            if default is None:
                self.fail(f"missing field {key!r}")
            return default
        return self.number(value, key)

    def number(self, value: Any, what: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"{what} must be a number, got {_show(value)}")
        try:
            result = float(value)
        except OverflowError:
            self.fail(f"{what} is too large: {_show(value)}")
        if not math.isfinite(result):
            self.fail(f"{what} must be finite, got {_show(value)}")
        return result

    def qubit(self, value: Any, what: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(f"{what} must be a non-negative integer qubit index, got {_show(value)}")
        return value

    def qubit_list(self, one: str, many: str) -> tuple[int, ...]:
        """Qubits given as ``one`` (an index) or ``many`` (a list); () when neither."""
        single, multiple = self.get(one), self.get(many)
        if single is not None and multiple is not None:
            self.fail(f"give {one!r} or {many!r}, not both")
        if single is not None:
            return (self.qubit(single, one),)
        if multiple is None:
            return ()
        if not isinstance(multiple, list | tuple):
            self.fail(f"{many} must be a list of qubit indices, got {_show(multiple)}")
        qubits = tuple(self.qubit(q, f"{many}[{i}]") for i, q in enumerate(multiple))
        if len(set(qubits)) != len(qubits):
            self.fail(f"{many} repeats a qubit: {_show(list(qubits))}")
        return qubits

    def targets(self, count: int | None) -> tuple[int, ...]:
        """Target qubits; exactly ``count`` of them, or at least one when None."""
        targets = self.qubit_list("target", "targets")
        if not targets:
            self.fail("missing field 'target'" if count == 1 else "missing field 'targets'")
        if count is not None and len(targets) != count:
            self.fail(f"takes {count} target qubit(s), got {len(targets)}")
        return targets

    def check_all_read(self) -> None:
        raw = self._raw
        extra = sorted(str(k) for k, v in raw.items() if k not in self._read and v is not None)
        if extra:
            self.fail(f"unexpected field(s) for this gate: {', '.join(extra)}")


_Reader = Callable[[_Fields], tuple[Matrix, tuple[int, ...]]]


def _fixed(matrix: Matrix) -> _Reader:
    return lambda f: (matrix, f.targets(1))


def _rotation(generator: Matrix, arity: int) -> _Reader:
    # rx, xx, ...: exp(-i * rotation/2 * P), rotation in radians.
    return lambda f: (_exp_involution(generator, f.real("rotation") / 2), f.targets(arity))


def _read_pauliexp(f: _Fields) -> tuple[Matrix, tuple[int, ...]]:
    targets = f.targets(None)
    if len(targets) > MAX_PAULIEXP_TARGETS:
        f.fail(f"pauliexp acts on at most {MAX_PAULIEXP_TARGETS} qubits, got {len(targets)}")
    terms, coefficients = f.require("terms"), f.require("coefficients")
    time = f.real("time")
    if not isinstance(terms, list | tuple) or not terms:
        f.fail(f"terms must be a non-empty list of Pauli strings, got {_show(terms)}")
    if not isinstance(coefficients, list | tuple) or len(coefficients) != len(terms):
        f.fail(f"coefficients must be a list of {len(terms)} numbers, one per term")
    hamiltonian = np.zeros((2 ** len(targets),) * 2, dtype=np.complex128)
    for i, (term, coefficient) in enumerate(zip(terms, coefficients, strict=True)):
        if not isinstance(term, str) or len(term) != len(targets) or set(term) - set(_PAULI):
            f.fail(
                f"terms[{i}] must be a string of {len(targets)} letters from I, X, Y, Z "
                f"(one per target), got {_show(term)}"
            )
        hamiltonian += f.number(coefficient, f"coefficients[{i}]") * _pauli_string(term)
    # exp(-i t H) through the eigendecomposition of the Hermitian H: exact even when
    # the terms do not commute.
    eigenvalues, eigenvectors = np.linalg.eigh(hamiltonian)
    unitary = (eigenvectors * np.exp(-1j * time * eigenvalues)) @ eigenvectors.conj().T
    return unitary.astype(np.complex128), targets


def _read_gpi2(f: _Fields) -> tuple[Matrix, tuple[int, ...]]:
    return _exp_involution(_phase_pauli(f.real("phase")), math.pi / 4), f.targets(1)


def _read_ms(f: _Fields) -> tuple[Matrix, tuple[int, ...]]:
    # MS(phi0, phi1, theta) = exp(-i pi theta  P(phi0) (x) P(phi1)); theta = 0.25 (the
    # default) is fully entangling.
    phases = f.require("phases")
    if not isinstance(phases, list | tuple) or len(phases) != 2:
        f.fail(f"phases must be a list of two numbers (turns), got {_show(phases)}")
    phi0, phi1 = (f.number(p, f"phases[{i}]") for i, p in enumerate(phases))
    generator = _kron(_phase_pauli(phi0), _phase_pauli(phi1))
    return _exp_involution(generator, math.pi * f.real("angle", 0.25)), f.targets(2)


def _read_native_zz(f: _Fields) -> tuple[Matrix, tuple[int, ...]]:
    # ZZ(theta) = exp(-i pi theta Z (x) Z), theta in turns.
    return _exp_involution(_kron(_Z, _Z), math.pi * f.real("angle")), f.targets(2)


_QIS: Final[Mapping[str, _Reader]] = MappingProxyType(
    {
        **{name: _fixed(matrix) for name, matrix in _FIXED_1Q.items()},
        "cnot": _fixed(_X),
        "rx": _rotation(_X, 1),
        "ry": _rotation(_Y, 1),
        "rz": _rotation(_Z, 1),
        "swap": lambda f: (_SWAP, f.targets(2)),
        "xx": _rotation(_kron(_X, _X), 2),
        "yy": _rotation(_kron(_Y, _Y), 2),
        "zz": _rotation(_kron(_Z, _Z), 2),
        "pauliexp": _read_pauliexp,
    }
)
_NATIVE: Final[Mapping[str, _Reader]] = MappingProxyType(
    {
        "gpi": lambda f: (_phase_pauli(f.real("phase")), f.targets(1)),
        "gpi2": _read_gpi2,
        "ms": _read_ms,
        "zz": _read_native_zz,
    }
)
_GATESETS: Final = MappingProxyType({"qis": _QIS, "native": _NATIVE})


def _read_gate(raw: object, where: str, gateset: str) -> _Op:
    if not isinstance(raw, Mapping):
        raise SimulationError(f"{where}: a gate must be a JSON object, got {_show(raw)}")
    f = _Fields(raw, where)
    name = raw.get("gate")
    if not isinstance(name, str):
        f.fail(f"missing or non-string 'gate': {_show(name)}")
    readers = _GATESETS[gateset]
    if name not in readers:
        f.fail(
            f"unknown gate {_show(name)} in the {gateset!r} gateset; "
            f"known: {', '.join(sorted(readers))}",
            code="UnsupportedGate",
        )
    f.where = f"{where} ({name})"
    matrix, targets = readers[name](f)
    # Any qis gate may be controlled (cnot must be); native gates are hardware pulses
    # and take no controls, so there the fields stay unread and are reported below.
    controls = f.qubit_list("control", "controls") if gateset == "qis" else ()
    if name == "cnot" and not controls:
        f.fail("missing field 'control'")
    if set(controls) & set(targets):
        both = sorted(set(controls) & set(targets))
        f.fail(f"qubit(s) {_show(both)} are both control and target")
    f.check_all_read()
    return _Op(matrix, targets, controls)


def _read_qubit_count(value: object, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SimulationError(f"{what} must be a positive integer, got {_show(value)}")
    return value


def _read_circuit(input: object, qubits: int | None) -> _Circuit:
    if not isinstance(input, Mapping):
        raise SimulationError(f"circuit input must be a JSON object, got {_show(input)}")
    if "circuit" not in input:
        if "data" in input:
            raise SimulationError(
                "OpenQASM input is not supported by the simulator; submit a gate list "
                "('gateset' and 'circuit')"
            )
        if "circuits" in input:
            raise SimulationError("multi-circuit input: simulate each of 'circuits' on its own")
        raise SimulationError("circuit input has no 'circuit' (list of gates)")
    gateset = input.get("gateset", "qis")
    if not isinstance(gateset, str) or gateset not in _GATESETS:
        raise SimulationError(f"gateset must be 'qis' or 'native', got {_show(gateset)}")
    gates = input["circuit"]
    if not isinstance(gates, list | tuple):
        raise SimulationError(f"'circuit' must be a list of gates, got {_show(gates)}")
    ops = tuple(_read_gate(g, f"circuit[{i}]", gateset) for i, g in enumerate(gates))

    declared = _read_qubit_count(input.get("qubits"), "'qubits'")
    if declared is None:
        declared = _read_qubit_count(qubits, "qubits")
    used = max((q for op in ops for q in (*op.targets, *op.controls)), default=-1)
    if declared is None:
        declared = used + 1
    elif used >= declared:
        where = next(i for i, op in enumerate(ops) if max((*op.targets, *op.controls)) == used)
        raise SimulationError(
            f"circuit[{where}]: qubit {_show(used)} is out of range for a {declared}-qubit circuit"
        )
    return _Circuit(declared, ops)


# -- simulation ----------------------------------------------------------------------


def _apply(state: NDArray[np.complex128], op: _Op, n: int) -> NDArray[np.complex128]:
    """Apply ``op`` to a state tensor of shape (2,)*n; axis n-1-q holds qubit q."""
    axes = [n - 1 - q for q in op.targets]
    k = len(axes)
    tensor = op.matrix.reshape((2,) * (2 * k))
    if not op.controls:
        out = np.tensordot(tensor, state, axes=(list(range(k, 2 * k)), axes))
        return np.moveaxis(out, list(range(k)), axes)
    # Controlled: act on the slice where every control is 1 (a view), leave the rest.
    index: list[int | slice] = [slice(None)] * n
    for c in op.controls:
        index[n - 1 - c] = 1
    control_axes = [n - 1 - c for c in op.controls]
    sub_axes = [a - sum(c < a for c in control_axes) for a in axes]
    sub = state[tuple(index)]
    out = np.tensordot(tensor, sub, axes=(list(range(k, 2 * k)), sub_axes))
    state[tuple(index)] = np.moveaxis(out, list(range(k)), sub_axes)
    return state


def _run(circuit: _Circuit, initial_state: NDArray[Any] | None) -> NDArray[np.complex128]:
    n = circuit.qubits
    if n > MAX_QUBITS:
        raise SimulationError(
            f"the simulator handles at most {MAX_QUBITS} qubits; this circuit needs {_show(n)}",
            code="SimulationError",  # the backend may have the qubits; the simulator has not
        )
    if initial_state is None:
        flat = np.zeros(2**n, dtype=np.complex128)
        flat[0] = 1
    else:
        try:
            flat = np.array(initial_state, dtype=np.complex128).reshape(-1)
        except (TypeError, ValueError) as exc:
            raise SimulationError(f"initial_state is not an array of amplitudes: {exc}") from None
        if flat.shape != (2**n,) or not np.isclose(np.vdot(flat, flat).real, 1.0):
            raise SimulationError(f"initial_state must be a unit vector of {2**n} amplitudes")
    state = flat.reshape((2,) * n)
    for op in circuit.ops:
        state = _apply(state, op, n)
    # C-order flattening of axes (q_{n-1}, ..., q_0) gives index = sum(bit_q * 2**q).
    return np.ascontiguousarray(state).reshape(-1)


def statevector(
    input: Mapping[str, Any],
    *,
    qubits: int | None = None,
    initial_state: NDArray[Any] | Sequence[complex] | None = None,
) -> NDArray[np.complex128]:
    """Final amplitudes of an ideal run; index = basis state with qubit 0 as the LSB.

    ``initial_state`` (default |0...0>) must be a unit vector of 2**qubits amplitudes.
    """
    start = None if initial_state is None else np.asarray(initial_state)
    return _run(_read_circuit(input, qubits), start)


def _apply_noise(
    probabilities: NDArray[np.float64], n: int, gates: Mapping[str, int], model: NoiseModel
) -> NDArray[np.float64]:
    # Global depolarizing approximation: each gate fails independently with its error
    # rate, and any failure scrambles the register to the uniform distribution.
    survive = (1 - model.one_qubit_error) ** gates["1q"]
    survive *= (1 - model.two_qubit_error) ** gates["2q"]
    p = survive * probabilities + (1 - survive) / probabilities.size
    # Readout: each qubit's bit flips independently with probability readout_error.
    tensor = p.reshape((2,) * n)
    for axis in range(n):
        flipped = np.flip(tensor, axis=axis)
        tensor = (1 - model.readout_error) * tensor + model.readout_error * flipped
    return np.asarray(tensor, dtype=np.float64).reshape(-1)


def _as_result(probabilities: NDArray[np.float64]) -> dict[str, float]:
    (kept,) = np.nonzero(probabilities >= PROBABILITY_CUTOFF)
    values = probabilities[kept]
    values = values / values.sum()
    return dict(zip(map(str, kept.tolist()), values.tolist(), strict=True))


def simulate(
    input: Mapping[str, Any],
    *,
    qubits: int | None = None,
    shots: int | None = None,
    noise_model: str = "ideal",
    seed: int | None = None,
) -> dict[str, float]:
    """Run a gate-list circuit; return probabilities keyed by decimal basis state.

    ``input`` is ``{"gateset": "qis"|"native", "qubits": n, "circuit": [...]}``; the
    register size is ``input["qubits"]``, else ``qubits``, else the highest index + 1.
    The ideal model gives exact probabilities (``shots`` unused). Any other known model
    (see NOISE_MODELS) applies its error rates and returns the frequencies of ``shots``
    samples (default 1000) drawn with ``seed``: the same seed gives the same result.
    Raises SimulationError on anything it cannot run.
    """
    if not isinstance(noise_model, str) or (
        noise_model != "ideal" and noise_model not in NOISE_MODELS
    ):
        known = ", ".join(["ideal", *NOISE_MODELS])
        raise SimulationError(f"unknown noise model {_show(noise_model)}; known: {known}")
    if shots is not None and (isinstance(shots, bool) or not isinstance(shots, int) or shots < 1):
        raise SimulationError(f"shots must be a positive integer, got {_show(shots)}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise SimulationError(f"seed must be an integer, got {_show(seed)}")
    circuit = _read_circuit(input, qubits)
    amplitudes = _run(circuit, None)
    probabilities = (amplitudes.real**2 + amplitudes.imag**2).astype(np.float64)
    if noise_model == "ideal":
        return _as_result(probabilities)

    noisy = _apply_noise(probabilities, circuit.qubits, _count(circuit), NOISE_MODELS[noise_model])
    n_shots = DEFAULT_SHOTS if shots is None else shots
    # numpy seeds must be non-negative; the API's seed is an int32 and may be negative.
    rng = np.random.default_rng(None if seed is None else seed % 2**64)
    # One multinomial draw: the cost depends on the register size, not on the shots.
    counts = rng.multinomial(n_shots, noisy / noisy.sum())
    (outcomes,) = np.nonzero(counts)
    return {
        str(outcome): count / n_shots
        for outcome, count in zip(outcomes.tolist(), counts[outcomes].tolist(), strict=True)
    }


def _count(circuit: _Circuit) -> dict[str, int]:
    # A gate touching two or more qubits (controlled single-qubit gates included) is "2q".
    two = sum(1 for op in circuit.ops if len(op.targets) + len(op.controls) >= 2)
    return {"1q": len(circuit.ops) - two, "2q": two}


def gate_counts(input: Mapping[str, Any]) -> dict[str, int]:
    """``{"1q": n, "2q": m}`` for a gate-list circuit; controlled gates count as 2q."""
    return _count(_read_circuit(input, None))
