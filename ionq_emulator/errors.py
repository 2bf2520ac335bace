"""The one error type the emulator raises for an HTTP answer, and the body it renders to.

Every non-2xx answer has the contract's error body ``{error, message, statusCode}``;
400 adds ``validation: {keys, source}``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

__all__ = ["ApiError", "error_body"]


def error_body(
    status: int,
    message: str,
    *,
    error: str | None = None,
    validation_keys: Sequence[str] | None = None,
    validation_source: str | None = None,
) -> dict[str, Any]:
    """The contract's error body for ``status``."""
    body: dict[str, Any] = {
        "error": error or _phrase(status),
        "message": message,
        "statusCode": status,
    }
    if validation_keys is not None or validation_source is not None:
        validation: dict[str, Any] = {"keys": list(validation_keys or [])}
        if validation_source is not None:
            validation["source"] = validation_source
        body["validation"] = validation
    return body


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class ApiError(Exception):
    """An HTTP error answer: raised anywhere in request handling, rendered by the app."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        error: str | None = None,
        validation_keys: Sequence[str] | None = None,
        validation_source: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.body = error_body(
            status,
            message,
            error=error,
            validation_keys=validation_keys,
            validation_source=validation_source,
        )
        self.headers: dict[str, str] = dict(headers or {})

    @classmethod
    def bad_request(cls, message: str, *, keys: Sequence[str], source: str) -> ApiError:
        return cls(400, message, validation_keys=keys, validation_source=source)

    @classmethod
    def not_found(cls, message: str) -> ApiError:
        return cls(404, message)

    @classmethod
    def conflict(cls, message: str) -> ApiError:
        return cls(409, message)

    def __repr__(self) -> str:
        return f"ApiError({self.status}, {self.message!r})"
