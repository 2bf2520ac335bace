"""Argument checks shared by the builders and by `from_dict` (whose JSON is untrusted).

Every check raises `ArgumentTypeError` for a wrong type and `InvalidArgumentError` for a
wrong value, naming the gate (or the caller) and the argument.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Final

from ionq_facade._errors import ArgumentTypeError, InvalidArgumentError
from ionq_facade._generated.gates import CONTROL, CONTROLS

_PAULI_LETTERS: Final = frozenset("IXYZ")


def brief(value: object) -> str:
    """A short repr for messages: input can be huge, and repr itself can fail."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"{'-' if value < 0 else ''}<{value.bit_length()}-bit int>"
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not replace our error with its own
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= 40 else text[:37] + "..."


def show(value: object) -> str:
    return f"{brief(value)} ({type(value).__name__})"


def _int(value: object) -> int | None:
    """`value` as an int if it is an integer (numpy's too), but not a bool."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        return None
    return int(value)


def qubit_count(value: object, where: str) -> int:
    count = _int(value)
    if count is None:
        raise ArgumentTypeError(f"{where}: qubits must be an int, got {show(value)}")
    if count < 1:
        raise InvalidArgumentError(f"{where}: qubits must be at least 1, got {brief(count)}")
    return count


def qubit(value: object, what: str, gate: str, qubits: int | None) -> int:
    index = _int(value)
    if index is None:
        raise ArgumentTypeError(f"{gate}: {what} must be an int qubit index, got {show(value)}")
    if index < 0 or (qubits is not None and index >= qubits):
        bound = f"the circuit has {qubits}: 0..{qubits - 1}" if qubits is not None else "0 or more"
        raise InvalidArgumentError(f"{gate}: {what} {brief(index)} is not a qubit ({bound})")
    return index


def sequence(value: object, what: str, gate: str) -> Sequence[object]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ArgumentTypeError(f"{gate}: {what} must be a list, got {show(value)}")
    return value


def qubit_list(value: object, what: str, gate: str, qubits: int | None) -> tuple[int, ...]:
    return tuple(qubit(q, what, gate, qubits) for q in sequence(value, what, gate))


def controls_arg(value: object, gate: str, qubits: int | None) -> tuple[int, ...]:
    """A builder's control argument: one index, or a list of them."""
    if _int(value) is not None:
        return (qubit(value, CONTROL, gate, qubits),)
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ArgumentTypeError(
            f"{gate}: {CONTROLS} must be an int qubit index or a list of them, got {show(value)}"
        )
    return qubit_list(value, CONTROLS, gate, qubits)


def real(value: object, what: str, gate: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ArgumentTypeError(f"{gate}: {what} must be a real number, got {show(value)}")
    try:
        number = float(value)
    except (OverflowError, ValueError) as exc:
        raise InvalidArgumentError(f"{gate}: {what} is not representable: {exc}") from None
    if not math.isfinite(number):
        raise InvalidArgumentError(f"{gate}: {what} must be finite, got {number}")
    return number


def reals(value: object, what: str, gate: str) -> tuple[float, ...]:
    return tuple(real(v, what, gate) for v in sequence(value, what, gate))


def paulis(value: object, what: str, width: int, gate: str) -> tuple[str, ...]:
    """Pauli strings, each one letter of IXYZ per target."""
    terms: list[str] = []
    for term in sequence(value, what, gate):
        if not isinstance(term, str):
            raise ArgumentTypeError(f"{gate}: {what} must be strings, got {show(term)}")
        if len(term) != width or not set(term) <= _PAULI_LETTERS:
            raise InvalidArgumentError(
                f"{gate}: term {brief(term)} must be {width} letters from 'IXYZ' (one per target)"
            )
        terms.append(term)
    return tuple(terms)


def check_name(name: object, where: str) -> str | None:
    if name is not None and not isinstance(name, str):
        raise ArgumentTypeError(f"{where}: name must be a string or None, got {show(name)}")
    return name


def json_object(data: object, where: str) -> Mapping[str, object]:
    if not isinstance(data, Mapping):
        raise ArgumentTypeError(f"{where}: expected a JSON object, got {show(data)}")
    return data


def unexpected(obj: Mapping[str, object], allowed: set[str] | tuple[str, ...], where: str) -> None:
    """Refuse keys outside `allowed`, naming them and the allowed ones."""
    extra = [key for key in obj if key not in allowed]
    if extra:
        raise InvalidArgumentError(
            f"{where}: unexpected field(s) {', '.join(map(brief, extra))} "
            f"(allowed: {', '.join(sorted(allowed))})"
        )
