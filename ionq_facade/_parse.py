"""Typed readers for decoded JSON from the server.

The generated `from_dict` methods do not check value types (a `shots: "abc"` passes),
so the façade reads server data through these. Each raises `TypeError`/`ValueError`
with the offending key; the caller turns that into `APIResponseValidationError`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import TypeAlias, TypeVar

__all__ = [
    "JSONValue",
    "field",
    "freeze",
    "obj",
    "opt_bool",
    "opt_float",
    "opt_int",
    "opt_str",
    "opt_str_map",
    "opt_str_tuple",
    "opt_time",
    "req_float",
    "req_int",
    "req_str",
    "thaw",
]

T = TypeVar("T")

# A JSON value as the façade hands it out: frozen containers, never mutable ones.
JSONValue: TypeAlias = (
    "bool | int | float | str | tuple[JSONValue, ...] | Mapping[str, JSONValue] | None"
)


def obj(value: object, what: str) -> dict[str, object]:
    """`value` as a JSON object."""
    if not isinstance(value, dict):
        raise TypeError(f"{what}: expected an object, got {type(value).__name__}")
    return value


def field(data: Mapping[str, object], key: str, read: Callable[[object, str], T]) -> T:
    """Read `data[key]` (absent is None) with `read`, naming the key in errors."""
    return read(data.get(key), key)


def req_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what}: expected a string, got {type(value).__name__}")
    return value


def opt_str(value: object, what: str) -> str | None:
    return None if value is None else req_str(value, what)


def req_int(value: object, what: str) -> int:
    if type(value) is not int:
        raise TypeError(f"{what}: expected an integer, got {type(value).__name__}")
    return value


def opt_int(value: object, what: str) -> int | None:
    return None if value is None else req_int(value, what)


def req_float(value: object, what: str) -> float:
    if type(value) is int:
        return float(value)
    if type(value) is not float or not math.isfinite(value):
        raise TypeError(f"{what}: expected a finite number, got {value!r}")
    return value


def opt_float(value: object, what: str) -> float | None:
    return None if value is None else req_float(value, what)


def opt_bool(value: object, what: str) -> bool | None:
    if value is None or type(value) is bool:
        return value
    raise TypeError(f"{what}: expected a boolean, got {type(value).__name__}")


def opt_time(value: object, what: str) -> datetime | None:
    """An ISO 8601 timestamp (a trailing `Z` is UTC)."""
    text = opt_str(value, what)
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{what}: not an ISO 8601 timestamp: {text!r}") from None


def opt_str_tuple(value: object, what: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise TypeError(f"{what}: expected a list, got {type(value).__name__}")
    return tuple(req_str(v, f"{what}[{i}]") for i, v in enumerate(value))


def opt_str_map(value: object, what: str) -> Mapping[str, str] | None:
    if value is None:
        return None
    data = obj(value, what)
    for k, v in data.items():
        req_str(v, f"{what}.{k}")
    return MappingProxyType(dict(data))  # type: ignore[arg-type]  # values checked above


def freeze(value: object, what: str = "value") -> JSONValue:
    """A deep, immutable copy of a decoded JSON value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return tuple(freeze(v, what) for v in value)
    if isinstance(value, dict):
        return MappingProxyType({str(k): freeze(v, what) for k, v in value.items()})
    raise TypeError(f"{what}: not a JSON value: {type(value).__name__}")


def thaw(value: object) -> object:
    """A deep, mutable copy of a JSON value (frozen or not): dicts and lists."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [thaw(v) for v in value]
    return value
