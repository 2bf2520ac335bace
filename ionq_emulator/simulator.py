"""Statevector simulation of IonQ ``qis`` and ``native`` gate-list circuits.

The emulator's results come from here: an exact (ideal) statevector simulation, plus a
cheap, seeded noise model for the hardware noise models (``aria-1``, ``forte-1``, ...).

Conventions (IonQ's): basis states are keyed by a decimal string with qubit 0 as the
least significant bit; native phases and angles are in turns (1 turn = 2*pi radians);
``qis`` rotations are in radians.

Every gate is reduced to one thing -- a unitary on its target qubits, optionally
controlled by other qubits. The state is held as a tensor of shape ``(2,) * n``; a gate
on one target (most gates, controlled or not) runs in place in cache-sized tiles
(``kernels``), a gate on several is contracted with the target axes (``tensordot``) on
the slice where the controls are all 1. No ``2**n x 2**n`` matrix is ever built.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final, NoReturn

import numpy as np
from numpy.typing import NDArray

from . import kernels

__all__ = [
    "MAX_PAULIEXP_TARGETS",
    "MAX_QUBITS",
    "NOISE_MODELS",
    "NoiseModel",
    "Run",
    "SimulationError",
    "gate_counts",
    "operations",
    "run",
    "simulate",
    "statevector",
]

Matrix = NDArray[np.complex128]

#: Largest register simulated: IonQ's ideal simulator runs up to 29 qubits (its backend
#: entry; Azure Quantum's IonQ page: "supports up to 29 qubits"); 2**29 complex128
#: amplitudes are 8 GiB.
MAX_QUBITS: Final = 29
#: Gates are applied to slices of at most this many amplitudes, bounding the temporary
#: memory of one gate to 2**22 * 16 B = 64 MiB whatever the register size.
CHUNK_AMPLITUDES: Final = 2**22
#: An exact run with mid-circuit measurements or resets keeps one state per outcome
#: branch; beyond this many amplitudes in all (2 GiB) the job fails rather than guess.
MAX_BRANCH_AMPLITUDES: Final = 2**27
#: Most basis states an exact result lists (a 20-qubit dense distribution). A wider
#: support is reported as the frequencies of ``shots`` samples of the exact distribution,
#: as IonQ's documents allow for a simulator "result" with shots; see ``simulate``.
MAX_RESULT_STATES: Final = 2**20
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
    applied only where every qubit in ``controls`` is 1; or (``kind``) a measurement of
    targets[0] into classical bit ``bit`` (None: kept nowhere), or a reset to |0>."""

    matrix: Matrix
    targets: tuple[int, ...]
    controls: tuple[int, ...]
    kind: str = "unitary"  # unitary | measure | reset
    bit: int | None = None


@dataclass(frozen=True, slots=True)
class _Circuit:
    qubits: int
    ops: tuple[_Op, ...]
    #: Classical registers ``(name, size)`` of an OpenQASM program; None for gate lists.
    clbits: tuple[tuple[str, int], ...] | None = None


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


def _read_gate(raw: object, where: str, gateset: str, program: bool = False) -> _Op:
    if not isinstance(raw, Mapping):
        raise SimulationError(f"{where}: a gate must be a JSON object, got {_show(raw)}")
    f = _Fields(raw, where)
    name = raw.get("gate")
    if not isinstance(name, str):
        f.fail(f"missing or non-string 'gate': {_show(name)}")
    if program and name in {"measure", "reset"}:
        # Steps of a translated OpenQASM program (qasm.py); gate lists have none.
        target = f.targets(1)
        bit = f.get("bit") if name == "measure" else None
        f.check_all_read()
        return _Op(_I2, target, (), kind=name, bit=bit)
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
    raw_clbits = input.get("clbits")
    program = raw_clbits is not None
    ops = tuple(_read_gate(g, f"circuit[{i}]", gateset, program) for i, g in enumerate(gates))
    clbits = None if raw_clbits is None else tuple((str(n), int(k)) for n, k in raw_clbits)

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
    return _Circuit(declared, ops, clbits)


# -- simulation ----------------------------------------------------------------------

Tensor = NDArray[np.complex128]


def _pieces(
    state: Tensor, axes: list[int], controls: list[int]
) -> Iterator[tuple[Tensor, list[int]]]:
    """Disjoint views of ``state`` on which a gate acts alone: the slice where every
    control axis is 1, split along free axes into at most CHUNK_AMPLITUDES each (so that
    no temporary is larger), with the target axes renumbered for each view."""
    if controls:
        index: list[int | slice] = [slice(None)] * state.ndim
        for c in controls:
            index[c] = 1
        shifted = [a - sum(c < a for c in controls) for a in axes]
        yield from _pieces(state[tuple(index)], shifted, [])
        return
    free = next((a for a in range(state.ndim) if a not in axes), None)
    if state.size <= CHUNK_AMPLITUDES or free is None:
        yield state, axes
        return
    shifted = [a if a < free else a - 1 for a in axes]
    for i in (0, 1):
        yield from _pieces(state[(slice(None),) * free + (i,)], shifted, [])


def _act(piece: Tensor, matrix: Matrix, axes: list[int]) -> None:
    k = len(axes)
    tensor = matrix.reshape((2,) * (2 * k))
    out = np.tensordot(tensor, piece, axes=(list(range(k, 2 * k)), axes))
    piece[...] = np.moveaxis(out, list(range(k)), axes)


def _contract(state: Tensor, matrix: Matrix, axes: list[int], controls: list[int]) -> None:
    """Apply ``matrix`` in place on ``axes`` of a state tensor, where every axis in
    ``controls`` is 1."""
    pieces = list(_pieces(state, axes, controls))
    if len(pieces) == 1:
        _act(pieces[0][0], matrix, pieces[0][1])
        return
    for done in kernels.workers().map(lambda p: _act(p[0], matrix, p[1]), pieces):
        del done


def _fused(ops: Sequence[_Op]) -> list[_Op]:
    """The same operations with runs of uncontrolled single-qubit gates on one qubit
    multiplied into one gate (operations on other qubits commute with them)."""
    out: list[_Op] = []
    pending: dict[int, _Op] = {}

    def flush(qubits: Sequence[int]) -> None:
        for q in qubits:
            if q in pending:
                out.append(pending.pop(q))

    for op in ops:
        if op.kind == "unitary" and len(op.targets) == 1 and not op.controls:
            q = op.targets[0]
            before = pending.get(q)
            pending[q] = op if before is None else _Op(op.matrix @ before.matrix, (q,), ())
            continue
        flush([*op.targets, *op.controls])
        out.append(op)
    flush(list(pending))
    return out


def _axis(n: int, qubit: int) -> int:
    return n - 1 - qubit  # axis n-1-q holds qubit q (qubit 0 is the least significant)


def _apply(state: Tensor, op: _Op, n: int) -> None:
    if len(op.targets) == 1 and state.flags.c_contiguous:
        kernels.apply_one_qubit(state.reshape(-1), n, op.matrix, op.targets[0], op.controls)
        return
    _contract(
        state, op.matrix, [_axis(n, q) for q in op.targets], [_axis(n, c) for c in op.controls]
    )


def _norm2(tensor: Tensor) -> float:
    if tensor.size > CHUNK_AMPLITUDES:
        return sum(_norm2(part) for part in tensor)
    flat = tensor.reshape(-1)
    return float(np.vdot(flat, flat).real)


def _inner(a: Tensor, b: Tensor) -> complex:
    if a.size > CHUNK_AMPLITUDES:
        return sum((_inner(x, y) for x, y in zip(a, b, strict=True)), 0j)
    return complex(np.vdot(a.reshape(-1), b.reshape(-1)))


@dataclass(slots=True)
class _Branch:
    """One outcome branch of a run with mid-circuit measurements or resets: its
    probability, its (normalized) state and the classical bits it recorded."""

    weight: float
    state: Tensor
    bits: dict[int, int]


def _halves(state: Tensor, n: int, qubit: int) -> tuple[Tensor, Tensor]:
    # Slices, not indices, so that the halves stay writable views even for one qubit.
    before = (slice(None),) * _axis(n, qubit)
    return state[(*before, slice(0, 1))], state[(*before, slice(1, 2))]


_TINY: Final = 1e-14


def _split_check(n: int, branches: int) -> None:
    """Refuse, before copying, a split past MAX_BRANCH_AMPLITUDES in all."""
    if (branches + 1) * 2**n > MAX_BRANCH_AMPLITUDES:
        raise SimulationError(
            f"the mid-circuit measurements and resets split the run into more than "
            f"{branches} outcome branches of {n} qubits, more than an exact simulation "
            "holds here",
            code="SimulationError",
        )


def _measure(
    branch: _Branch, n: int, qubit: int, bit: int | None, branches: int = 1
) -> list[_Branch]:
    zero, one = _halves(branch.state, n, qubit)
    p0, p1 = _norm2(zero), _norm2(one)
    outcomes: list[_Branch] = []
    if p1 > _TINY:
        if p0 > _TINY:
            _split_check(n, branches)
        state = branch.state if p0 <= _TINY else branch.state.copy()
        _halves(state, n, qubit)[0][...] = 0
        state *= 1 / math.sqrt(p1)
        bits = dict(branch.bits) if bit is None else {**branch.bits, bit: 1}
        outcomes.append(_Branch(branch.weight * p1, state, bits))
    if p0 > _TINY:
        one[...] = 0
        branch.state *= 1 / math.sqrt(p0)
        bits = dict(branch.bits) if bit is None else {**branch.bits, bit: 0}
        outcomes.append(_Branch(branch.weight * p0, branch.state, bits))
    return outcomes


def _reset(branch: _Branch, n: int, qubit: int, branches: int = 1) -> list[_Branch]:
    zero, one = _halves(branch.state, n, qubit)
    p0, p1 = _norm2(zero), _norm2(one)
    if p1 <= _TINY:
        one[...] = 0
    elif p0 <= _TINY:
        zero[...] = one
        one[...] = 0
    elif abs(abs(_inner(zero, one)) ** 2 - p0 * p1) <= 1e-12 * max(p0 * p1, _TINY):
        # The qubit is not entangled: resetting it leaves the rest's pure state.
        zero *= math.sqrt((p0 + p1) / p0)
        one[...] = 0
    else:
        return _flip_one(_measure(branch, n, qubit, None, branches), n, qubit)
    return [branch]


def _flip_one(branches: list[_Branch], n: int, qubit: int) -> list[_Branch]:
    """After an unrecorded measurement, turn the |1> branch of ``qubit`` into |0>."""
    for branch in branches:
        zero, one = _halves(branch.state, n, qubit)
        if _norm2(one) > _TINY:
            zero[...] = one
            one[...] = 0
    return branches


def _deferrable(ops: Sequence[_Op]) -> set[int]:
    """Measurements that may move to the end: nothing later acts on their qubit (other
    than measuring it) and nothing later writes their bit. They need no branching."""
    touched: set[int] = set()
    written: set[int] = set()
    found: set[int] = set()
    for i in range(len(ops) - 1, -1, -1):
        op = ops[i]
        if op.kind == "measure":
            if op.targets[0] not in touched and (op.bit is None or op.bit not in written):
                found.add(i)
            if op.bit is not None:
                written.add(op.bit)
        else:
            touched.update(op.targets)
            touched.update(op.controls)
    return found


def _initial(n: int, initial_state: NDArray[Any] | None) -> Tensor:
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
    return flat.reshape((2,) * n)


def _execute(
    circuit: _Circuit, initial_state: NDArray[Any] | None
) -> tuple[list[_Branch], dict[int, int]]:
    """Every outcome branch, and the deferred measurements ``{bit: qubit}``."""
    n = circuit.qubits
    branches = [_Branch(1.0, _initial(n, initial_state), {})]
    ops = _fused(circuit.ops)
    deferrable = _deferrable(ops)
    deferred: dict[int, int] = {}
    for i, op in enumerate(ops):
        if op.kind == "unitary":
            for branch in branches:
                _apply(branch.state, op, n)
            continue
        qubit = op.targets[0]
        if op.kind == "measure" and i in deferrable:
            if op.bit is not None:
                deferred[op.bit] = qubit
            continue
        split: list[_Branch] = []
        for j, old in enumerate(branches):
            count = len(split) + len(branches) - j  # branches held when this one splits
            if op.kind == "measure":
                split += _measure(old, n, qubit, op.bit, count)
            else:
                split += _reset(old, n, qubit, count)
        branches = split
    return branches, deferred


def _run(circuit: _Circuit, initial_state: NDArray[Any] | None) -> NDArray[np.complex128]:
    if any(op.kind != "unitary" for op in circuit.ops):
        raise SimulationError("a circuit with measurements or resets has no single final state")
    branches, _ = _execute(circuit, initial_state)
    # C-order flattening of axes (q_{n-1}, ..., q_0) gives index = sum(bit_q * 2**q).
    return branches[0].state.reshape(-1)


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


@dataclass(frozen=True, slots=True)
class Run:
    """What one run gives: the distribution over outcomes (decimal keys), and, for
    programs with classical registers, each register's distribution; per-shot outcomes
    when the run was sampled shot by shot (noise models)."""

    probabilities: dict[str, float]
    registers: dict[str, dict[str, float]] | None = None
    shots: list[int] | None = None
    register_shots: dict[str, list[int]] | None = None


class _Outcomes:
    """How basis states of a branch become outcomes: the basis index itself (gate lists,
    and programs that measure nothing), or the classical bits a program wrote."""

    def __init__(self, circuit: _Circuit, deferred: dict[int, int]) -> None:
        measured = {op.bit for op in circuit.ops if op.kind == "measure" and op.bit is not None}
        self.classical = circuit.clbits is not None and any(
            op.kind == "measure" for op in circuit.ops
        )
        self.deferred = deferred
        self.width = (
            sum(size for _, size in circuit.clbits or ()) if self.classical else circuit.qubits
        )
        self.mask = sum(1 << b for b in measured) if self.classical else 2**self.width - 1

    def keys(self, branch: _Branch, indices: NDArray[np.int64]) -> NDArray[np.int64]:
        if not self.classical:
            return indices
        base = sum(v << b for b, v in branch.bits.items() if b not in self.deferred)
        keys = np.full(indices.shape, base, dtype=np.int64)
        for bit, qubit in self.deferred.items():
            keys |= ((indices >> qubit) & 1) << bit
        return keys


#: Amplitudes per slice of a probability pass (1 MiB: the slice stays in cache).
_PROBABILITY_SLICE: Final = 2**16


def _chunks(branches: list[_Branch]) -> Any:
    """(branch, first index, weighted probabilities) over every branch, in slices. The
    probabilities are one reused buffer: read each before taking the next."""
    buffer = np.empty(_PROBABILITY_SLICE, dtype=np.float64)
    scratch = np.empty(_PROBABILITY_SLICE, dtype=np.float64)
    for branch in branches:
        flat = branch.state.reshape(-1)
        for start in range(0, flat.size, _PROBABILITY_SLICE):
            amps = flat[start : start + _PROBABILITY_SLICE]
            probs, imag = buffer[: amps.size], scratch[: amps.size]
            np.square(amps.real, out=probs)
            probs += np.square(amps.imag, out=imag)
            if branch.weight != 1:
                probs *= branch.weight
            yield branch, start, probs


#: A distribution as arrays: outcomes (ascending) and their probabilities.
_Dist = tuple[NDArray[np.int64], NDArray[np.float64]]


def _totals(keys: NDArray[np.int64], weights: NDArray[np.float64]) -> _Dist:
    unique, inverse = np.unique(keys, return_inverse=True)
    sums: NDArray[np.float64] = np.bincount(inverse, weights=weights).astype(np.float64)
    return unique, sums


def _exact(branches: list[_Branch], outcomes: _Outcomes) -> _Dist | None:
    """The exact distribution, or None when its support exceeds MAX_RESULT_STATES."""
    keys: list[NDArray[np.int64]] = []
    values: list[NDArray[np.float64]] = []
    count = 0
    for branch, start, probs in _chunks(branches):
        (kept,) = np.nonzero(probs >= PROBABILITY_CUTOFF)
        count += kept.size
        if count > MAX_RESULT_STATES:
            return None
        keys.append(outcomes.keys(branch, kept.astype(np.int64) + start))
        values.append(probs[kept])
    unique, totals = _totals(np.concatenate(keys), np.concatenate(values))
    return unique, totals / totals.sum()


def _sample(
    branches: list[_Branch], outcomes: _Outcomes, exact: _Dist | None,
    shots: int, rng: np.random.Generator,
) -> NDArray[np.int64]:  # fmt: skip
    """``shots`` outcomes drawn from the exact distribution, in shot order."""
    if exact is not None:
        support, weights = exact
        return support[rng.choice(support.size, size=shots, p=weights / weights.sum())]
    # Too wide to list: draw how many shots fall in each slice, then within each slice.
    masses = np.array([probs.sum() for _, _, probs in _chunks(branches)])
    per_chunk = rng.multinomial(shots, masses / masses.sum())
    drawn: list[NDArray[np.int64]] = []
    for count, (branch, start, probs) in zip(per_chunk, _chunks(branches), strict=True):
        if count:
            picks = rng.choice(probs.size, size=int(count), p=probs / probs.sum())
            drawn.append(outcomes.keys(branch, picks.astype(np.int64) + start))
    samples = np.concatenate(drawn)
    rng.shuffle(samples)
    return samples


def _noisy(
    ideal: NDArray[np.int64], outcomes: _Outcomes, gates: Mapping[str, int], model: NoiseModel,
    rng: np.random.Generator,
) -> NDArray[np.int64]:  # fmt: skip
    # Global depolarizing approximation: each gate fails independently with its error
    # rate, and any failure scrambles the register (every measured bit uniformly random).
    survive = (1 - model.one_qubit_error) ** gates["1q"]
    survive *= (1 - model.two_qubit_error) ** gates["2q"]
    scrambled = rng.random(ideal.size) >= survive
    shots = ideal.copy()
    shots[scrambled] = rng.integers(0, 2**outcomes.width, size=int(scrambled.sum())) & outcomes.mask
    # Readout: each measured bit flips independently with probability readout_error.
    for bit in range(outcomes.width):
        if outcomes.mask >> bit & 1:
            shots ^= (rng.random(shots.size) < model.readout_error).astype(np.int64) << bit
    return shots


def _as_json(distribution: _Dist) -> dict[str, float]:
    keys, values = distribution
    return dict(zip(map(str, keys.tolist()), values.tolist(), strict=True))


def _registers(
    clbits: tuple[tuple[str, int], ...], distribution: _Dist
) -> dict[str, dict[str, float]]:
    keys, values = distribution
    out: dict[str, dict[str, float]] = {}
    offset = 0
    for name, size in clbits:
        out[name] = _as_json(_totals((keys >> offset) & (2**size - 1), values))
        offset += size
    return out


def run(
    input: Mapping[str, Any],
    *,
    qubits: int | None = None,
    shots: int | None = None,
    noise_model: str = "ideal",
    seed: int | None = None,
) -> Run:
    """Run a gate-list circuit (or a translated OpenQASM program, see qasm.py).

    The ideal model gives the exact distribution: mid-circuit measurements and resets
    are followed branch by branch, each weighted by its probability (``shots`` unused),
    unless more than MAX_RESULT_STATES outcomes have probability: then the result is the
    frequencies of ``shots`` (default 1000) samples of that exact distribution. Any other
    known model (see NOISE_MODELS) samples ``shots`` outcomes one by one with ``seed``,
    applies its error rates to each, and gives their frequencies and the shots in order.
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
    branches, deferred = _execute(circuit, None)
    outcomes = _Outcomes(circuit, deferred)
    exact = _exact(branches, outcomes)
    n_shots = DEFAULT_SHOTS if shots is None else shots
    # numpy seeds must be non-negative; the API's seed is an int32 and may be negative.
    rng = np.random.default_rng(None if seed is None else seed % 2**64)
    sampled: NDArray[np.int64] | None = None
    if noise_model != "ideal":
        ideal = _sample(branches, outcomes, exact, n_shots, rng)
        sampled = _noisy(ideal, outcomes, _count(circuit), NOISE_MODELS[noise_model], rng)
    elif exact is None:
        sampled = _sample(branches, outcomes, None, n_shots, rng)
    distribution: _Dist
    if sampled is not None:
        values, counts = np.unique(sampled, return_counts=True)
        distribution = values, counts / sampled.size
    else:
        assert exact is not None
        distribution = exact
    registers = register_shots = None
    if circuit.clbits is not None and outcomes.classical:
        registers = _registers(circuit.clbits, distribution)
        if sampled is not None and noise_model != "ideal":
            register_shots = {}
            offset = 0
            for name, size in circuit.clbits:
                register_shots[name] = ((sampled >> offset) & (2**size - 1)).tolist()
                offset += size
    return Run(
        probabilities=_as_json(distribution),
        registers=registers,
        shots=sampled.tolist() if sampled is not None and noise_model != "ideal" else None,
        register_shots=register_shots,
    )


def simulate(
    input: Mapping[str, Any],
    *,
    qubits: int | None = None,
    shots: int | None = None,
    noise_model: str = "ideal",
    seed: int | None = None,
) -> dict[str, float]:
    """``run(...).probabilities``: probabilities keyed by decimal outcome.

    ``input`` is ``{"gateset": "qis"|"native", "qubits": n, "circuit": [...]}``; the
    register size is ``input["qubits"]``, else ``qubits``, else the highest index + 1.
    The same seed gives the same result.
    """
    return run(input, qubits=qubits, shots=shots, noise_model=noise_model, seed=seed).probabilities


def _count(circuit: _Circuit) -> dict[str, int]:
    # A gate touching two or more qubits (controlled single-qubit gates included) is "2q";
    # measurements and resets are not gates.
    gates = [op for op in circuit.ops if op.kind == "unitary"]
    two = sum(1 for op in gates if len(op.targets) + len(op.controls) >= 2)
    return {"1q": len(gates) - two, "2q": two}


def operations(input: Mapping[str, Any]) -> tuple[int, tuple[_Op, ...]]:
    """The register size and the read operations of a circuit (for the compiler)."""
    circuit = _read_circuit(input, None)
    return circuit.qubits, circuit.ops


def gate_counts(input: Mapping[str, Any]) -> dict[str, int]:
    """``{"1q": n, "2q": m}`` for a gate-list circuit; controlled gates count as 2q."""
    return _count(_read_circuit(input, None))
