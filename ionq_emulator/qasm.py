"""OpenQASM 3 programs, parsed by the reference ``openqasm3`` parser and translated exactly
to a ``qis`` gate list with ``measure`` and ``reset`` steps for the simulator.

What is accepted is IonQ's documented subset (docs.ionq.com, api-reference/v0.4/openqasm3):
qubit and bit declarations (``qubit``/``qreg``, ``bit``/``creg``), ``include
"stdgates.inc"``, the built-in ``U`` and ``gphase``, ``gate`` definitions, the modifiers
``ctrl``/``negctrl``/``inv``/``pow`` (integer powers), constant parameter expressions
(``pi``/``tau``/``euler``, arithmetic, ``sin``... ``sqrt``), ``barrier``, ``reset`` and
``measure`` anywhere. Loops, branches and every other construct fail the job with
``PreflightError`` and a message naming the construct, as IonQ does ("rejected, with an
error naming the construct"; "loops and branches ... not supported on any target").

Every standard gate's matrix, global phase included, equals its ``qis`` counterpart, so a
controlled gate is the ``qis`` gate with ``controls``; ``U`` becomes ``rz ry rz`` and a
controlled global phase becomes controlled ``rz`` rotations on the controls, exactly.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

import openqasm3
from openqasm3 import ast

__all__ = ["PREFLIGHT", "QasmError", "translate"]

#: IonQ's failure code for a program its preflight checks refuse (docs: error codes).
PREFLIGHT: Final = "PreflightError"


class QasmError(ValueError):
    def __init__(self, message: str, *, code: str = PREFLIGHT) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class _Step:
    """One elementary operation: a ``qis`` gate (``U``/``gphase`` before lowering) on
    ``targets``, applied where every qubit of ``controls`` is 1."""

    name: str
    params: tuple[float, ...]
    targets: tuple[int, ...]
    controls: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Definition:
    params: tuple[str, ...]
    qubits: tuple[str, ...]
    body: tuple[ast.QuantumStatement, ...]


# OpenQASM standard gate -> (qis name, number of angles, number of qubits, controls)
_STD: Final[Mapping[str, tuple[str, int, int, int]]] = {
    "x": ("x", 0, 1, 0), "y": ("y", 0, 1, 0), "z": ("z", 0, 1, 0), "h": ("h", 0, 1, 0),
    "s": ("s", 0, 1, 0), "sdg": ("si", 0, 1, 0), "t": ("t", 0, 1, 0), "tdg": ("ti", 0, 1, 0),
    "sx": ("v", 0, 1, 0), "rx": ("rx", 1, 1, 0), "ry": ("ry", 1, 1, 0), "rz": ("rz", 1, 1, 0),
    "cx": ("x", 0, 2, 1), "CX": ("x", 0, 2, 1), "cy": ("y", 0, 2, 1), "cz": ("z", 0, 2, 1),
    "ch": ("h", 0, 2, 1), "crx": ("rx", 1, 2, 1), "cry": ("ry", 1, 2, 1),
    "crz": ("rz", 1, 2, 1), "swap": ("swap", 0, 2, 0), "ccx": ("x", 0, 3, 2),
    "cswap": ("swap", 0, 3, 1), "p": ("p", 1, 1, 0), "phase": ("p", 1, 1, 0),
    "cp": ("p", 1, 2, 1), "cphase": ("p", 1, 2, 1), "u1": ("p", 1, 1, 0),
    "u2": ("u2", 2, 1, 0), "u3": ("U", 3, 1, 0), "U": ("U", 3, 1, 0), "id": ("id", 0, 1, 0),
    "cu": ("cu", 4, 2, 1),
}  # fmt: skip
_BUILTIN: Final = frozenset({"U"})
_INVERSE_NAME: Final = {"s": "si", "si": "s", "t": "ti", "ti": "t", "v": "vi", "vi": "v"}
_CONSTANTS: Final = {"pi": math.pi, "π": math.pi, "tau": math.tau, "τ": math.tau,
                     "euler": math.e, "ℇ": math.e}  # fmt: skip
_FUNCTIONS: Final[Mapping[str, Callable[[float], float]]] = {
    "sin": math.sin, "cos": math.cos, "tan": math.tan, "arcsin": math.asin,
    "arccos": math.acos, "arctan": math.atan, "exp": math.exp, "log": math.log,
    "sqrt": math.sqrt,
}  # fmt: skip
_BINARY: Final[Mapping[str, Callable[[float, float], float]]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "**": lambda a, b: a**b, "%": math.fmod,
}  # fmt: skip
# Statement types IonQ refuses, by the name its documentation and the language give them.
_REFUSED: Final[Mapping[type, str]] = {
    ast.BranchingStatement: "'if' (a branch)",
    ast.ForInLoop: "'for' (a loop)",
    ast.WhileLoop: "'while' (a loop)",
    ast.SwitchStatement: "'switch' (a branch)",
    ast.BreakStatement: "'break'",
    ast.ContinueStatement: "'continue'",
    ast.EndStatement: "'end'",
    ast.ReturnStatement: "'return'",
    ast.SubroutineDefinition: "'def' (a subroutine)",
    ast.ExternDeclaration: "'extern'",
    ast.IODeclaration: "'input'/'output' declarations",
    ast.DelayInstruction: "'delay'",
    ast.Box: "'box'",
    ast.AliasStatement: "'let' (an alias)",
    ast.ClassicalAssignment: "classical assignment",
    ast.CalibrationStatement: "'cal' (a calibration)",
    ast.CalibrationDefinition: "'defcal' (a calibration)",
    ast.CalibrationGrammarDeclaration: "'defcalgrammar'",
    ast.ExpressionStatement: "an expression statement",
}


def _line(node: ast.QASMNode) -> str:
    return f"line {node.span.start_line}: " if node.span is not None else ""


class _Translator:
    def __init__(self) -> None:
        self.qubits: dict[str, tuple[int, int]] = {}  # register -> (offset, size)
        self.bits: dict[str, tuple[int, int]] = {}
        self.clbits: list[list[Any]] = []  # [name, size] in declaration order
        self.n_qubits = 0
        self.n_bits = 0
        self.constants: dict[str, float] = {}
        self.gates: dict[str, _Definition] = {}
        self.stdgates = False
        self.out: list[dict[str, Any]] = []

    # -- expressions ------------------------------------------------------------------

    def value(self, node: ast.Expression, scope: Mapping[str, float]) -> float:
        try:
            result = self._value(node, scope)
        except (ZeroDivisionError, OverflowError, ValueError) as exc:
            raise QasmError(f"{_line(node)}cannot evaluate the expression: {exc}") from None
        if not math.isfinite(result):
            raise QasmError(f"{_line(node)}the expression is not finite")
        return result

    def _value(self, node: ast.Expression, scope: Mapping[str, float]) -> float:
        if isinstance(node, ast.IntegerLiteral | ast.FloatLiteral):
            return float(node.value)
        if isinstance(node, ast.Identifier):
            for table in (scope, self.constants, _CONSTANTS):
                if node.name in table:
                    return table[node.name]
            raise QasmError(f"{_line(node)}unknown identifier {node.name!r}")
        if isinstance(node, ast.UnaryExpression) and node.op.name == "-":
            return -self._value(node.expression, scope)
        if isinstance(node, ast.BinaryExpression) and node.op.name in _BINARY:
            left, right = self._value(node.lhs, scope), self._value(node.rhs, scope)
            return _BINARY[node.op.name](left, right)
        if isinstance(node, ast.FunctionCall) and node.name.name in _FUNCTIONS:
            if len(node.arguments) != 1:
                raise QasmError(f"{_line(node)}{node.name.name} takes one argument")
            return _FUNCTIONS[node.name.name](self._value(node.arguments[0], scope))
        if isinstance(node, ast.Cast):
            return self._value(node.argument, scope)
        raise QasmError(f"{_line(node)}unsupported expression {type(node).__name__}")

    def integer(self, node: ast.Expression) -> int:
        number = self.value(node, {})
        if number != int(number):
            raise QasmError(f"{_line(node)}expected an integer, got {number}")
        return int(number)

    # -- operands ---------------------------------------------------------------------

    def _select(self, node: ast.QASMNode, size: int, indices: Sequence[Any]) -> list[int]:
        picked = list(range(size))
        for index in indices:
            items = index.values if isinstance(index, ast.DiscreteSet) else index
            chosen: list[int] = []
            for item in items:
                if isinstance(item, ast.RangeDefinition):
                    start = 0 if item.start is None else self.integer(item.start)
                    step = 1 if item.step is None else self.integer(item.step)
                    end = len(picked) - 1 if item.end is None else self.integer(item.end)
                    if step == 0:
                        raise QasmError(f"{_line(node)}a range step of 0")
                    positions = list(range(start, end + (1 if step > 0 else -1), step))
                else:
                    positions = [self.integer(item)]
                for position in positions:
                    if not -len(picked) <= position < len(picked):
                        raise QasmError(f"{_line(node)}index {position} is out of range")
                    chosen.append(picked[position])
            picked = chosen
        return picked

    def operand(
        self, node: ast.Expression | ast.IndexedIdentifier | ast.Identifier,
        table: Mapping[str, tuple[int, int]], kind: str,
    ) -> list[int]:  # fmt: skip
        if isinstance(node, ast.Identifier):
            name, indices = node.name, []
        elif isinstance(node, ast.IndexedIdentifier):
            name, indices = node.name.name, node.indices
        else:
            raise QasmError(f"{_line(node)}unsupported {kind} operand ({type(node).__name__})")
        if name not in table:
            raise QasmError(f"{_line(node)}unknown {kind} {name!r}")
        offset, size = table[name]
        return [offset + i for i in self._select(node, size, indices)]

    # -- statements -------------------------------------------------------------------

    def declare(self, node: ast.QASMNode, name: str, size_node: ast.Expression | None,
                kind: str) -> None:  # fmt: skip
        if name in self.qubits or name in self.bits or name in self.constants:
            raise QasmError(f"{_line(node)}{name!r} is declared twice")
        size = 1 if size_node is None else self.integer(size_node)
        if size < 1:
            raise QasmError(f"{_line(node)}register {name!r} has size {size}")
        if kind == "qubit":
            self.qubits[name] = (self.n_qubits, size)
            self.n_qubits += size
        else:
            self.bits[name] = (self.n_bits, size)
            self.clbits.append([name, size])
            self.n_bits += size

    def statement(self, node: ast.Statement | ast.Pragma) -> None:
        if isinstance(node, ast.Include):
            if node.filename != "stdgates.inc":
                raise QasmError(f"{_line(node)}only 'stdgates.inc' may be included, "
                                f"not {node.filename!r}")  # fmt: skip
            self.stdgates = True
        elif isinstance(node, ast.QubitDeclaration):
            self.declare(node, node.qubit.name, node.size, "qubit")
        elif isinstance(node, ast.ClassicalDeclaration) and isinstance(node.type, ast.BitType):
            if node.init_expression is not None:
                raise QasmError(f"{_line(node)}bit initializers are not supported")
            self.declare(node, node.identifier.name, node.type.size, "bit")
        elif isinstance(node, ast.ConstantDeclaration | ast.ClassicalDeclaration) and isinstance(
            node.type, ast.IntType | ast.UintType | ast.FloatType | ast.AngleType
        ):
            init = node.init_expression
            if not isinstance(init, ast.Expression):
                raise QasmError(f"{_line(node)}{node.identifier.name!r} has no constant value")
            self.constants[node.identifier.name] = self.value(init, {})
        elif isinstance(node, ast.QuantumGateDefinition):
            name = node.name.name
            if name in self.gates or (self.stdgates and name in _STD) or name in _BUILTIN:
                raise QasmError(f"{_line(node)}gate {name!r} is already defined")
            self.gates[name] = _Definition(
                tuple(a.name for a in node.arguments),
                tuple(q.name for q in node.qubits),
                tuple(node.body),
            )
        elif isinstance(node, ast.QuantumGate | ast.QuantumPhase):
            table = self.qubits
            operands = [self.operand(q, table, "qubit") for q in node.qubits]
            for qubits in _broadcast(node, operands):
                for step in self.apply(node, qubits, {}, {}):
                    self.emit(step)
        elif isinstance(node, ast.QuantumMeasurementStatement):
            qubits = self.operand(node.measure.qubit, self.qubits, "qubit")
            bits: list[int | None] = [None] * len(qubits)
            if node.target is not None:
                bits = list(self.operand(node.target, self.bits, "bit"))
                if len(bits) != len(qubits):
                    raise QasmError(f"{_line(node)}measures {len(qubits)} qubits into "
                                    f"{len(bits)} bits")  # fmt: skip
            for qubit, bit in zip(qubits, bits, strict=True):
                self.out.append({"gate": "measure", "target": qubit, "bit": bit})
        elif isinstance(node, ast.QuantumReset):
            for qubit in self.operand(node.qubits, self.qubits, "qubit"):
                self.out.append({"gate": "reset", "target": qubit})
        elif isinstance(node, ast.QuantumBarrier):
            for q in node.qubits:  # checked, then nothing to simulate
                self.operand(q, self.qubits, "qubit")
        elif isinstance(node, ast.Pragma):
            pass  # directives for other tools; nothing to run
        else:
            construct = next(
                (label for kind, label in _REFUSED.items() if isinstance(node, kind)),
                type(node).__name__,
            )
            raise QasmError(
                f"{_line(node)}{construct} is not supported: IonQ accepts no dynamic "
                "circuits (loops, branches) and only its documented OpenQASM 3 subset"
            )

    # -- gates ------------------------------------------------------------------------

    def apply(
        self, node: ast.QuantumGate | ast.QuantumPhase, qubits: Sequence[int],
        scope: Mapping[str, float], names: Mapping[str, int],
    ) -> list[_Step]:  # fmt: skip
        """The elementary steps of one gate application, modifiers included."""
        where = _line(node)
        controls: list[tuple[int, bool]] = []  # (count, negated) outermost first
        inverse, power = False, 1
        for modifier in node.modifiers:
            kind = modifier.modifier.name
            if kind in {"ctrl", "negctrl"}:
                count = 1 if modifier.argument is None else self.integer(modifier.argument)
                if count < 1:
                    raise QasmError(f"{where}{kind}({count})")
                controls.append((count, kind == "negctrl"))
            elif kind == "inv":
                inverse = not inverse
            else:
                assert modifier.argument is not None
                exponent = self.value(modifier.argument, scope)
                if exponent != int(exponent):
                    raise QasmError(f"{where}pow({exponent}) @ is not supported: only "
                                    "integer powers")  # fmt: skip
                power *= int(exponent)
        n_controls = sum(count for count, _ in controls)
        if len(set(qubits)) != len(qubits):
            raise QasmError(f"{where}a gate's qubits must be distinct")
        control_qubits, gate_qubits = list(qubits[:n_controls]), list(qubits[n_controls:])
        if isinstance(node, ast.QuantumPhase):
            if gate_qubits:
                raise QasmError(f"{where}gphase takes no qubits besides its controls")
            steps = [_Step("gphase", (self.value(node.argument, scope),), ())]
        else:
            arguments = [self.value(a, scope) for a in node.arguments]
            steps = self.body(node, node.name.name, arguments, gate_qubits)
        if inverse != (power < 0):
            steps = [_invert(s) for s in reversed(steps)]
        steps = steps * abs(power)
        negated = []
        position = 0
        for count, negative in controls:
            if negative:
                negated.extend(control_qubits[position : position + count])
            position += count
        flips = [_Step("x", (), (q,)) for q in negated]
        return flips + [
            replace(s, controls=(*control_qubits, *s.controls)) for s in steps
        ] + flips  # fmt: skip

    def body(self, node: ast.QASMNode, name: str, arguments: list[float],
             qubits: list[int]) -> list[_Step]:  # fmt: skip
        where = _line(node)
        if name in self.gates:
            definition = self.gates[name]
            if len(arguments) != len(definition.params) or len(qubits) != len(definition.qubits):
                raise QasmError(f"{where}gate {name!r} takes {len(definition.params)} "
                                f"parameter(s) and {len(definition.qubits)} qubit(s)")  # fmt: skip
            scope = dict(zip(definition.params, arguments, strict=True))
            local = dict(zip(definition.qubits, qubits, strict=True))
            steps: list[_Step] = []
            for statement in definition.body:
                if isinstance(statement, ast.QuantumBarrier):
                    continue
                if not isinstance(statement, ast.QuantumGate | ast.QuantumPhase):
                    raise QasmError(f"{_line(statement)}{type(statement).__name__} inside "
                                    f"gate {name!r} is not supported")  # fmt: skip
                inner = []
                for q in statement.qubits:
                    if not isinstance(q, ast.Identifier) or q.name not in local:
                        raise QasmError(f"{_line(statement)}gate bodies use the gate's own "
                                        "qubit names")  # fmt: skip
                    inner.append(local[q.name])
                steps += self.apply(statement, inner, scope, local)
            return steps
        # The standard gates are there without the include, as in IonQ's own examples
        # (the published document's `ionq.qasm3.v1` example has no include line).
        if name not in _STD:
            raise QasmError(f"{where}unknown gate {name!r}", code="UnsupportedGate")
        qis, n_params, n_qubits, n_controls = _STD[name]
        if len(arguments) != n_params or len(qubits) != n_qubits:
            raise QasmError(
                f"{where}{name!r} takes {n_params} parameter(s) and {n_qubits} qubit(s)"
            )
        controls, targets = tuple(qubits[:n_controls]), tuple(qubits[n_controls:])
        if qis == "id":
            return []
        if qis == "p":
            return [_Step("U", (0.0, 0.0, arguments[0]), targets, controls)]
        if qis == "u2":
            return [_Step("U", (math.pi / 2, *arguments), targets, controls)]
        if qis == "cu":  # stdgates.inc: p(gamma) c; ctrl @ U(theta, phi, lambda) c, t;
            theta, phi, lam, gamma = arguments
            return [_Step("U", (0.0, 0.0, gamma), controls),
                    _Step("U", (theta, phi, lam), targets, controls)]  # fmt: skip
        return [_Step(qis, tuple(arguments), targets, controls)]

    # -- lowering to qis ---------------------------------------------------------------

    def emit(self, step: _Step) -> None:
        for low in _lower(step):
            entry: dict[str, Any] = {"gate": low.name}
            if low.name == "swap":
                entry["targets"] = list(low.targets)
            else:
                entry["target"] = low.targets[0]
            if low.controls:
                entry["controls"] = list(low.controls)
            if low.params:
                entry["rotation"] = low.params[0]
            self.out.append(entry)


def _broadcast(node: ast.QASMNode, operands: list[list[int]]) -> Iterator[list[int]]:
    """Registers as operands apply the gate once per index (OpenQASM broadcasting)."""
    width = max((len(o) for o in operands), default=1)
    if any(len(o) not in (1, width) for o in operands):
        raise QasmError(f"{_line(node)}register operands of different sizes")
    for i in range(width):
        yield [o[i] if len(o) > 1 else o[0] for o in operands]


def _invert(step: _Step) -> _Step:
    if step.name in _INVERSE_NAME:
        return replace(step, name=_INVERSE_NAME[step.name])
    if step.name in {"rx", "ry", "rz", "gphase"}:
        return replace(step, params=(-step.params[0],))
    if step.name == "U":
        theta, phi, lam = step.params
        return replace(step, params=(-theta, -lam, -phi))
    return step  # x y z h swap: self-inverse


def _phase(angle: float, qubits: tuple[int, ...]) -> list[_Step]:
    """exp(i angle) where every qubit of ``qubits`` is 1, as controlled rz rotations:
    P(a) = exp(i a/2) Rz(a), so C_R P(a) on t = C_R Rz(a) on t, then C_R' P(a/2) on R."""
    steps: list[_Step] = []
    while qubits and angle != 0.0:
        *rest, last = qubits
        steps.append(_Step("rz", (angle,), (last,), tuple(rest)))
        qubits, angle = tuple(rest), angle / 2
    return steps


def _lower(step: _Step) -> list[_Step]:
    if step.name == "gphase":
        return _phase(step.params[0], step.controls)
    if step.name != "U":
        return [step]
    # U(theta, phi, lambda) = exp(i (phi + lambda) / 2) Rz(phi) Ry(theta) Rz(lambda)
    theta, phi, lam = step.params
    target, controls = step.targets, step.controls
    if theta == 0.0:
        rotations = [_Step("rz", (phi + lam,), target, controls)]
    else:
        rotations = [_Step("rz", (lam,), target, controls),
                     _Step("ry", (theta,), target, controls),
                     _Step("rz", (phi,), target, controls)]  # fmt: skip
    return rotations + _phase((phi + lam) / 2, controls)


def translate(source: str) -> dict[str, Any]:
    """``{"gateset": "qis", "qubits": n, "circuit": [...], "clbits": [[name, size], ...]}``.

    ``circuit`` holds ``qis`` gates and ``{"gate": "measure", "target": q, "bit": b}`` /
    ``{"gate": "reset", "target": q}`` steps in program order (``bit`` is the index over
    all classical bits in declaration order, None for a measurement kept nowhere).
    Raises QasmError (code ``PreflightError``, or ``UnsupportedGate``).
    """
    try:
        program = openqasm3.parse(source)
    except Exception as exc:  # the parser raises its own and antlr's errors
        raise QasmError(f"the program does not parse: {exc}") from None
    translator = _Translator()
    for statement in program.statements:
        translator.statement(statement)
    if translator.n_qubits == 0:
        raise QasmError("the program declares no qubits")
    return {
        "gateset": "qis",
        "qubits": translator.n_qubits,
        "circuit": translator.out,
        "clbits": translator.clbits,
    }
