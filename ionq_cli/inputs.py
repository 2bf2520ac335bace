"""Reading what `ionq jobs create` submits, from a file or stdin, and `key=value` options.

A program is circuit JSON or OpenQASM 3 source. JSON is what the API takes as a job's
`input` (one circuit, `{"gateset", "qubits", "circuit": [...]}`; several,
`{"gateset", "circuits": [...]}` or a list of circuits; OpenQASM as `{"data": "..."}`),
or a whole job body, whose `input` is used. Everything read goes through the same checks
as the façade's builders, so a bad circuit is refused before anything is sent.
"""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from ionq_facade import QASM3, Circuit, GateCircuit, InvalidArgumentError, NativeCircuit

from .errors import CliError, ExitCode

__all__ = ["Program", "ProgramFormat", "parse_pairs", "parse_program", "read_program"]

Program = GateCircuit | QASM3 | list[GateCircuit]

STDIN = "-"
_QASM_SUFFIXES = frozenset({".qasm", ".qasm3"})


class ProgramFormat(enum.StrEnum):
    AUTO = "auto"
    JSON = "json"
    QASM = "qasm"


def read_program(source: str, fmt: ProgramFormat = ProgramFormat.AUTO) -> Program:
    """The program in file `source`, or on stdin when `source` is `-`."""
    if source == STDIN:
        if sys.stdin.isatty():
            raise CliError(
                "no program given: pass a circuit JSON or OpenQASM 3 file, or pipe one in",
                ExitCode.USAGE,
            )
        text, where = sys.stdin.read(), "stdin"
    else:
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"cannot read {source}: {_reason(exc)}", ExitCode.USAGE) from None
        where = source
        if fmt is ProgramFormat.AUTO and path.suffix.lower() in _QASM_SUFFIXES:
            fmt = ProgramFormat.QASM
    return parse_program(text, fmt, where=where)


def _reason(exc: Exception) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def parse_program(text: str, fmt: ProgramFormat, *, where: str) -> Program:
    """Circuit JSON or OpenQASM 3 `text`; `auto` takes source starting `OPENQASM` as QASM."""
    if fmt is ProgramFormat.AUTO:
        fmt = ProgramFormat.QASM if _looks_like_qasm(text) else ProgramFormat.JSON
    try:
        if fmt is ProgramFormat.QASM:
            return QASM3(text)
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InvalidArgumentError(
                f"not circuit JSON ({exc}) nor OpenQASM 3 (no OPENQASM header)"
            ) from None
        return _from_json(data)
    except InvalidArgumentError as exc:
        raise CliError(f"{where}: {exc}", ExitCode.USAGE) from None


def _looks_like_qasm(text: str) -> bool:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("//"):
            return stripped.startswith("OPENQASM")
    return False


def _from_json(data: object) -> Program:
    if isinstance(data, list):
        return _circuits(data, "qis")
    if not isinstance(data, Mapping):
        raise InvalidArgumentError(f"expected a JSON object or list, got {type(data).__name__}")
    if "input" in data:
        return _from_json(data["input"])  # a whole job body
    if "circuits" in data:
        circuits = data["circuits"]
        if not isinstance(circuits, list):
            raise InvalidArgumentError("'circuits' must be a list of circuits")
        gateset = data.get("gateset", "qis")
        return _circuits(circuits, gateset if isinstance(gateset, str) else "qis")
    if "data" in data:
        return QASM3.from_dict(data)
    return _circuit(data, "qis")


def _circuits(items: Sequence[object], gateset: str) -> list[GateCircuit]:
    circuits: list[GateCircuit] = []
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise InvalidArgumentError(f"circuits[{i}] must be a JSON object")
        try:
            circuits.append(_circuit(item, gateset))
        except InvalidArgumentError as exc:
            raise type(exc)(f"circuits[{i}]: {exc}") from None
    if not circuits:
        raise InvalidArgumentError("a multi-circuit job needs at least one circuit")
    return circuits


def _circuit(item: Mapping[str, object], gateset: str) -> GateCircuit:
    """One gate circuit; `gateset` unless it names its own."""
    kind = item.get("gateset", gateset)
    cls: type[GateCircuit] = NativeCircuit if kind == "native" else Circuit
    entry = dict(item)
    entry.setdefault("gateset", cls.gateset)
    return cls.from_dict(entry)


def parse_pairs(pairs: Sequence[str], option: str) -> dict[str, str]:
    """`key=value` strings (as given to a repeatable option) as a dict."""
    result: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise CliError(f"{option} takes key=value, not {pair!r}", ExitCode.USAGE)
        result[key] = value
    return result
