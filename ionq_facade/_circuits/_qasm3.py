"""OpenQASM 3 programs, submitted as-is; the qubit count is read from the declarations."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, Final, Self

from ionq_facade._errors import ArgumentTypeError, InvalidArgumentError
from ionq_facade._generated.gates import DATA
from ionq_facade._generated.tables import JobType

from ._checks import check_name, json_object, show, unexpected

_REPR_SOURCE: Final = 60
_QASM_COMMENT: Final = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
# `qubit[N] q;`, `qubit q;` and the OpenQASM 2 style `qreg q[N];` that QASM 3 still accepts.
_QASM_QUBIT: Final = re.compile(r"\bqubit\s*(?:\[([^\]]*)\])?\s*[A-Za-z_]\w*\s*;")
_QASM_QREG: Final = re.compile(r"\bqreg\s+[A-Za-z_]\w*\s*(?:\[([^\]]*)\])?\s*;")


def _qasm_qubits(source: str) -> int | None:
    """Qubits the program declares, or None when it declares none or not as a literal."""
    code = _QASM_COMMENT.sub(" ", source)
    total = 0
    found = False
    for match in (*_QASM_QUBIT.finditer(code), *_QASM_QREG.finditer(code)):
        found = True
        size = match.group(1)
        if size is None:
            total += 1
        elif size.strip().isdigit():
            total += int(size)
        else:
            return None  # sized by an expression we do not evaluate
    return total if found else None


def _check_source(source: object, where: str) -> str:
    if not isinstance(source, str):
        raise ArgumentTypeError(f"{where}: source must be a string, got {show(source)}")
    if not source.strip():
        raise InvalidArgumentError(f"{where}: source is empty")
    return source


class QASM3:
    """An OpenQASM 3 program, submitted as-is (`ionq.qasm3.v1`).

    `qubits` is read from the program's declarations (`qubit[N] q;`, `qubit q;`,
    `qreg q[N];`), or None when it has none, or sizes them with an expression.
    """

    job_type: ClassVar[str] = JobType.QASM3_V1
    gateset: ClassVar[None] = None

    __slots__ = ("_name", "_qubits", "_source")

    def __init__(self, source: str, *, name: str | None = None) -> None:
        self._source = _check_source(source, "QASM3")
        self._name = check_name(name, "QASM3")
        self._qubits = _qasm_qubits(source)

    @property
    def source(self) -> str:
        return self._source

    @property
    def name(self) -> str | None:
        return self._name

    @property
    def qubits(self) -> int | None:
        return self._qubits

    def to_dict(self) -> dict[str, Any]:
        """The JSON the API gets as a job's `input`."""
        return {DATA: self._source}

    def to_input(self) -> dict[str, object]:
        """The job's `input`, as JSON."""
        return self.to_dict()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        where = "QASM3.from_dict"
        obj = json_object(data, where)
        unexpected(obj, (DATA,), where)
        if DATA not in obj:
            raise InvalidArgumentError(f"{where}: missing {DATA!r}")
        return cls(_check_source(obj[DATA], where))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QASM3):
            return NotImplemented
        return (self._source, self._name) == (other._source, other._name)

    def __hash__(self) -> int:
        return hash((self._source, self._name))

    def __repr__(self) -> str:
        first = self._source.strip().replace("\n", " ")
        if len(first) > _REPR_SOURCE:
            first = first[: _REPR_SOURCE - 3] + "..."
        name = f", name={self._name!r}" if self._name is not None else ""
        return f"QASM3({first!r}{name}, qubits={self._qubits})"
