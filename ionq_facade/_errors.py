"""The one exception hierarchy of the façade.

Everything the client raises is an `IonQError`. Errors about the caller's arguments are
also `ValueError`/`TypeError` so generic handlers still work; errors about the server or
the network carry what was received (status, raw body, request id) and never the API key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ArgumentTypeError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "InvalidArgumentError",
    "InvalidTransitionError",
    "IonQError",
    "JobConflictError",
    "JobFailedError",
    "JobTimeoutError",
    "LifecycleViolationError",
    "NotFoundError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
]

# How much of a raw body an exception message may quote; the full body stays on `.body`.
_MESSAGE_BODY_LIMIT = 500


class IonQError(Exception):
    """Base of every error raised by ionq_facade."""


class InvalidArgumentError(IonQError, ValueError):
    """An argument was refused before any request was sent."""


class ArgumentTypeError(InvalidArgumentError, TypeError):
    """An argument had the wrong type; refused before any request was sent."""


class InvalidTransitionError(IonQError):
    """The job's known status forbids the operation; nothing was sent."""

    def __init__(self, message: str, *, job_id: str, status: str, operation: str) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.status = status
        self.operation = operation


class LifecycleViolationError(IonQError):
    """The server reported a status change the job lifecycle does not allow."""

    def __init__(self, message: str, *, job_id: str, previous: str, current: str) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.previous = previous
        self.current = current


class JobFailedError(IonQError):
    """A waited-for job ended in `failed`."""

    def __init__(
        self, message: str, *, job_id: str, code: str | None, failure_message: str | None
    ) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.code = code
        self.failure_message = failure_message


class JobTimeoutError(IonQError, TimeoutError):
    """A wait ran out of time; `last_status` is the status last seen (None if never)."""

    def __init__(self, message: str, *, job_id: str, last_status: str | None) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.last_status = last_status


class APIError(IonQError):
    """Something went wrong talking to the API.

    `body` is the raw response body when there was one (bytes, untouched), `request` the
    request that was sent (its Authorization header is never part of any message).
    """

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request | None = None,
        body: bytes | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIConnectionError(APIError):
    """The request could not be completed: DNS, refused connection, reset, TLS."""


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIResponseValidationError(APIError):
    """A 2xx response whose body does not parse as the contract says."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: bytes,
    ) -> None:
        super().__init__(_with_body(message, body), request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """A non-2xx response.

    `error_type`, `error_message` and `error_status` are the fields of the documented
    error body (`{error, message, statusCode}`) when the body had that shape, else None.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: bytes,
        error_type: str | None = None,
        error_message: str | None = None,
        error_status: int | None = None,
    ) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")
        self.error_type = error_type
        self.error_message = error_message
        self.error_status = error_status


class BadRequestError(APIStatusError):
    """400. `validation_keys`/`validation_source` come from the body's `validation`."""

    validation_keys: tuple[str, ...] = ()
    validation_source: str | None = None


class AuthenticationError(APIStatusError):
    """401: the API key is missing or invalid."""


class PermissionDeniedError(APIStatusError):
    """403."""


class NotFoundError(APIStatusError):
    """404: no such resource, or it belongs to another project."""


class ConflictError(APIStatusError):
    """409: the resource's state forbids the operation."""


class JobConflictError(ConflictError):
    """409 on a job operation (cancel, move): `current_status` is the job's status if known."""

    job_id: str | None = None
    current_status: str | None = None


class PayloadTooLargeError(APIStatusError):
    """413: the body is over the API's size limit."""


class RateLimitError(APIStatusError):
    """429. `retry_after` is the server's Retry-After in seconds, if it sent one."""

    retry_after: float | None = None


class InternalServerError(APIStatusError):
    """Any 5xx, including non-standard codes such as 520."""


def _with_body(message: str, body: bytes) -> str:
    text = body[:_MESSAGE_BODY_LIMIT].decode("utf-8", errors="replace")
    more = "..." if len(body) > _MESSAGE_BODY_LIMIT else ""
    return f"{message}: {text!r}{more}" if body else f"{message} (empty body)"
