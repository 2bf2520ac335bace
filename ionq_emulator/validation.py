"""Request validation against the contract: query/path parameters and JSON bodies.

A request that breaks the contract gets 400 with the documented body, whose
``validation`` names the offending keys and where they were (``query``, ``params``,
``body``). Query strings are typed first (the schema says integer, boolean, array),
then checked with the parameter's own schema from openapi.yaml.

JSON bodies are read by ``read_json``, which refuses at the boundary what would fail
later (a 500, or a job that breaks every listing): nesting deeper than ``MAX_DEPTH``,
integers longer than ``MAX_DIGITS``, non-finite numbers, and lone surrogates.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

from jsonschema import ValidationError  # type: ignore[import-untyped]
from jsonschema.exceptions import best_match  # type: ignore[import-untyped]
from jsonschema.protocols import Validator  # type: ignore[import-untyped]

from ionq_emulator.compat import split_csv
from ionq_emulator.errors import ApiError
from ionq_emulator.spec import Operation

__all__ = ["MAX_DEPTH", "MAX_DIGITS", "parse_body", "parse_params", "read_json"]

#: How deeply a JSON body may nest (a job body needs 6 levels).
MAX_DEPTH: Final = 32
#: Digits of the longest integer accepted (a 64-bit integer has at most 19).
MAX_DIGITS: Final = 20

_TRUE: Final = frozenset({"true", "1"})
_FALSE: Final = frozenset({"false", "0"})
_DISCRIMINATORS: Final = (["type"], ["gateset"])


class _Malformed(ValueError):
    pass


def _coerce(raw: list[str], schema: Mapping[str, Any]) -> Any:
    kind = schema.get("type")
    if kind == "array":
        return split_csv(raw)
    value = raw[-1]
    if kind == "integer":
        text = value.strip()
        if not text.lstrip("+-").isdigit():
            raise _Malformed(f"{value!r} is not an integer")
        return int(text)
    if kind == "number":
        try:
            return float(value)
        except ValueError:
            raise _Malformed(f"{value!r} is not a number") from None
    if kind == "boolean":
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise _Malformed(f"{value!r} is not a boolean")
    return value


def parse_params(
    op: Operation, path_params: Mapping[str, str], query: Mapping[str, list[str]]
) -> dict[str, Any]:
    """Typed, validated parameters of ``op`` by name.

    Operations whose contract documents no 400 cannot refuse a malformed optional
    query parameter; for those it is ignored instead.
    """
    can_refuse = 400 in op.responses
    params: dict[str, Any] = {}
    for param in op.parameters:
        if param.location == "path":
            raw = [path_params[param.name]] if param.name in path_params else []
        elif param.location == "query":
            raw = query.get(param.name, [])
        else:
            continue
        source = "params" if param.location == "path" else "query"
        if not raw:
            if param.required:
                raise ApiError.bad_request(
                    f"missing required parameter {param.name!r}", keys=[param.name], source=source
                )
            continue
        try:
            value = _coerce(raw, param.schema)
            error = best_match(param.validator.iter_errors(value))
            if error is not None:
                raise _Malformed(error.message)
        except _Malformed as exc:
            if not can_refuse and not param.required:
                continue
            raise ApiError.bad_request(
                f"invalid parameter {param.name!r}: {exc}", keys=[param.name], source=source
            ) from None
        params[param.name] = value
    return params


def parse_body(op: Operation, raw: bytes, normalize: Any = None) -> Any:
    """The JSON body of ``op``, validated (``normalize`` rewrites it first, see compat)."""
    if op.body_validator is None:
        return None
    if not raw.strip():
        if op.body_required:
            raise ApiError.bad_request("a JSON request body is required", keys=[], source="body")
        return None
    try:
        body = read_json(raw)
    except ValueError as exc:
        raise ApiError.bad_request(f"the request body {exc}", keys=[], source="body") from None
    if normalize is not None:
        body = normalize(body)
    check(op.body_validator, body, source="body")
    return body


# Only an escape (backslash-u D800 to DFFF) makes a lone surrogate: UTF-8 cannot encode one.
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")


class _Refused(ValueError):
    pass


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _Refused(f"has an integer of more than {MAX_DIGITS} digits")
    return int(text)


def _number(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"has a number out of range ({text[:20]})")
    return value


def _constant(text: str) -> Any:
    raise _Refused(f"is not valid JSON: {text} is not a JSON value")


def read_json(raw: bytes | str) -> Any:
    """The JSON value of ``raw``; ValueError (its message completes "the body ...")
    for what is not JSON or is refused at the boundary (see the module's docstring)."""
    try:
        value = json.loads(raw, parse_int=_integer, parse_float=_number, parse_constant=_constant)
    except _Refused:
        raise
    except RecursionError:
        raise _Refused(f"is nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        raise _Refused(f"is not valid JSON: {exc}") from None
    text = raw if isinstance(raw, str) else raw.decode(json.detect_encoding(raw), "replace")
    surrogates = _SURROGATE_ESCAPE.search(text) is not None
    containers: list[tuple[Any, int]] = [(value, 1)]
    while containers:  # iterative: the depth is what is being checked
        item, depth = containers.pop()
        if depth > MAX_DEPTH:
            raise _Refused(f"is nested deeper than {MAX_DEPTH} levels")
        members = list(item.values()) if isinstance(item, dict) else item
        if surrogates:
            _check_text([*item, *members] if isinstance(item, dict) else members)
        containers.extend((m, depth + 1) for m in members if isinstance(m, dict | list))
    return value


def _check_text(values: Iterable[Any]) -> None:
    for value in values:
        if isinstance(value, str) and not value.isascii():
            try:
                value.encode()
            except UnicodeEncodeError:
                raise _Refused("has a string with a lone surrogate (not Unicode text)") from None


def check(validator: Validator, value: Any, *, source: str) -> None:
    """Raise the 400 ApiError naming every offending key of the best-matching schema branch."""
    errors = [leaf for error in validator.iter_errors(value) for leaf in _leaves(error)]
    if not errors:
        return
    keys = sorted({key for error in errors for key in _error_keys(error)})
    message = "; ".join(
        f"{'.'.join(map(str, e.absolute_path)) or 'body'}: {_short(e.message)}" for e in errors[:3]
    )
    raise ApiError.bad_request(message, keys=keys, source=source)


def _leaves(error: ValidationError) -> list[ValidationError]:
    """For anyOf/oneOf, the errors of the branch the value came closest to matching.

    Closest: a branch whose discriminator (``type``, ``gateset``) matches, then the one
    with fewest errors, then the one whose errors lie deepest (it matched more of its
    structure). A gate list that is almost ``native`` is reported against ``native``.
    """
    if error.validator not in {"anyOf", "oneOf"} or not error.context:
        return [error]
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0] if sub.schema_path else None, []).append(sub)
    chosen = min(
        branches.values(),
        key=lambda errs: (
            any(e.validator == "enum" and list(e.path)[-1:] in _DISCRIMINATORS for e in errs),
            len(errs),
            -max(len(e.absolute_path) for e in errs),
        ),
    )
    return [leaf for sub in chosen for leaf in _leaves(sub)]


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _error_keys(error: ValidationError) -> Iterable[str]:
    base = [str(part) for part in error.absolute_path]
    instance = error.instance
    if error.validator == "required" and isinstance(instance, dict):
        required = error.validator_value if isinstance(error.validator_value, list) else []
        missing = [name for name in required if name not in instance]
        return [".".join([*base, str(name)]) for name in missing] or [".".join(base)]
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        schema = error.schema if isinstance(error.schema, dict) else {}
        known = set(schema.get("properties", {}))
        extra = [name for name in instance if name not in known]
        return [".".join([*base, str(name)]) for name in extra] or [".".join(base)]
    return [".".join(base)] if base else []
