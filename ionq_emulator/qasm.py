"""A small OpenQASM 3 (and 2) subset, translated to a ``qis`` gate list for the simulator.

Enough for the programs client libraries and tutorials send: qubit/bit declarations,
the standard gates (h x y z s sdg t tdg sx sxdg rx ry rz cx cy cz ch swap ccx rxx ryy
rzz), ``measure``/``barrier`` (ignored: results are the full distribution) and angle
expressions over numbers and ``pi``. Anything else raises QasmError, which fails the
job with code ``UnsupportedGate`` (or ``InvalidInput`` for syntax).
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable
from typing import Any, Final

__all__ = ["QasmError", "translate"]


class QasmError(ValueError):
    def __init__(self, message: str, *, code: str = "InvalidInput") -> None:
        super().__init__(message)
        self.code = code


# name -> (qis gate, number of controls, number of targets, takes an angle)
_GATES: Final[dict[str, tuple[str, int, int, bool]]] = {
    "h": ("h", 0, 1, False),
    "x": ("x", 0, 1, False),
    "y": ("y", 0, 1, False),
    "z": ("z", 0, 1, False),
    "s": ("s", 0, 1, False),
    "sdg": ("si", 0, 1, False),
    "t": ("t", 0, 1, False),
    "tdg": ("ti", 0, 1, False),
    "sx": ("v", 0, 1, False),
    "sxdg": ("vi", 0, 1, False),
    "rx": ("rx", 0, 1, True),
    "ry": ("ry", 0, 1, True),
    "rz": ("rz", 0, 1, True),
    "cx": ("cnot", 1, 1, False),
    "cnot": ("cnot", 1, 1, False),
    "cy": ("y", 1, 1, False),
    "cz": ("z", 1, 1, False),
    "ch": ("h", 1, 1, False),
    "ccx": ("x", 2, 1, False),
    "swap": ("swap", 0, 2, False),
    "rxx": ("xx", 0, 2, True),
    "ryy": ("yy", 0, 2, True),
    "rzz": ("zz", 0, 2, True),
}
_IGNORED: Final = ("OPENQASM", "include", "bit", "creg", "barrier", "measure", "reset")
_DECLARE: Final = re.compile(
    r"^(?:qubit\s*(?:\[\s*(\d+)\s*\])?\s+(\w+)|qreg\s+(\w+)\s*\[\s*(\d+)\s*\])$"
)
_APPLY: Final = re.compile(r"^(\w+)\s*(?:\((.*)\))?\s+(.+)$")
_OPERAND: Final = re.compile(r"^(\w+)\s*(?:\[\s*(\d+)\s*\])?$")
_BINARY: Final[dict[type, Callable[[float, float], float]]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}


def _angle(text: str) -> float:
    """Evaluate a constant angle expression (numbers, pi, + - * / **, parentheses)."""
    try:
        tree = ast.parse(text.replace("π", "pi"), mode="eval")
    except SyntaxError:
        raise QasmError(f"cannot read the angle {text!r}") from None

    def value(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return value(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in {"pi", "PI"}:
            return math.pi
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            inner = value(node.operand)
            return -inner if isinstance(node.op, ast.USub) else inner
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            return _BINARY[type(node.op)](value(node.left), value(node.right))
        raise QasmError(f"cannot read the angle {text!r}")

    try:
        result = value(tree)
    except (ZeroDivisionError, OverflowError):
        raise QasmError(f"cannot read the angle {text!r}") from None
    if not math.isfinite(result):
        raise QasmError(f"the angle {text!r} is not finite")
    return result


def _statements(source: str) -> list[str]:
    source = re.sub(r"/\*.*?\*/", " ", source, flags=re.DOTALL)
    source = re.sub(r"//[^\n]*", " ", source)
    return [" ".join(part.split()) for part in source.split(";") if part.strip()]


def translate(source: str) -> dict[str, Any]:
    """``{"gateset": "qis", "qubits": n, "circuit": [...]}`` for a program of the subset."""
    registers: dict[str, tuple[int, int]] = {}  # name -> (offset, size)
    total = 0
    circuit: list[dict[str, Any]] = []

    def operands(text: str) -> list[list[int]]:
        found: list[list[int]] = []
        for part in text.split(","):
            match = _OPERAND.match(part.strip())
            if match is None or match.group(1) not in registers:
                raise QasmError(f"unknown qubit operand {part.strip()!r}")
            offset, size = registers[match.group(1)]
            if match.group(2) is None:
                found.append([offset + i for i in range(size)])
            else:
                index = int(match.group(2))
                if index >= size:
                    raise QasmError(f"qubit index out of range in {part.strip()!r}")
                found.append([offset + index])
        return found

    for statement in _statements(source):
        first = statement.split(" ", 1)[0].split("[", 1)[0]
        if first in _IGNORED or "measure" in statement:
            continue
        declared = _DECLARE.match(statement)
        if declared is not None:
            size_text, name, reg_name, reg_size = declared.groups()
            name = name or reg_name
            size = int(size_text or reg_size or 1)
            registers[name] = (total, size)
            total += size
            continue
        applied = _APPLY.match(statement)
        if applied is None:
            raise QasmError(f"cannot read the statement {statement!r}")
        name, params, args = applied.groups()
        if name not in _GATES:
            raise QasmError(f"unsupported gate {name!r}", code="UnsupportedGate")
        gate, n_controls, n_targets, takes_angle = _GATES[name]
        if takes_angle != (params is not None):
            raise QasmError(f"wrong parameters for {name!r} in {statement!r}")
        qubits = operands(args)
        if len(qubits) != n_controls + n_targets:
            raise QasmError(f"{name!r} takes {n_controls + n_targets} operands: {statement!r}")
        # A whole register as operand applies the gate once per qubit (single-qubit gates).
        width = max(len(q) for q in qubits)
        if any(len(q) not in (1, width) for q in qubits):
            raise QasmError(f"register sizes differ in {statement!r}")
        for i in range(width):
            picked = [q[i] if len(q) > 1 else q[0] for q in qubits]
            entry: dict[str, Any] = {"gate": gate}
            controls, targets = picked[:n_controls], picked[n_controls:]
            if gate == "cnot":
                entry.update(control=controls[0], target=targets[0])
            elif n_targets == 2:
                entry["targets"] = targets
            else:
                entry["target"] = targets[0]
                if controls:
                    entry["controls"] = controls
            if takes_angle:
                entry["rotation"] = _angle(params)
            circuit.append(entry)
    if total == 0:
        raise QasmError("the program declares no qubits")
    return {"gateset": "qis", "qubits": total, "circuit": circuit}
