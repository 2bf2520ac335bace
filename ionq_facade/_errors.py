"""The one exception hierarchy of the façade, and the mapping of HTTP statuses onto it.

Everything the client raises is an `IonQError`. Errors about the caller's arguments are
also `ValueError`/`TypeError` so generic handlers still work; errors about the server or
the network carry what was received (status, raw body, request id) and never the API key.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from ionq_facade._generated.tables import Key

if TYPE_CHECKING:
    import httpx

    from ._lifecycle import JobStatus
    from ._models import Job

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
    "EventLoopError",
    "InternalServerError",
    "InvalidArgumentError",
    "InvalidTransitionError",
    "IonQError",
    "JobCanceledError",
    "JobConflictError",
    "JobEndedError",
    "JobFailedError",
    "JobMayExistError",
    "JobTimeoutError",
    "LifecycleViolationError",
    "NotFoundError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
]

# How much of a raw body an exception message may quote; the full body stays on `.body`.
_MESSAGE_BODY_LIMIT = 500


class IonQError(Exception):
    """Base of every error raised by ionq_facade.

    Its message never carries an API key a client was given, even when the text comes
    from server data (a failure message, a lazily parsed field that echoes the key).
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(_mask(arg) if isinstance(arg, str) else arg for arg in args))


class InvalidArgumentError(IonQError, ValueError):
    """An argument was refused before any request was sent."""


class ArgumentTypeError(InvalidArgumentError, TypeError):
    """An argument had the wrong type; refused before any request was sent."""


class EventLoopError(IonQError, RuntimeError):
    """An `AsyncIonQ` was used in an event loop other than the one it first ran in.

    Its connections belong to that loop; make one client per event loop.
    """


class InvalidTransitionError(IonQError):
    """The job's known status forbids the operation; nothing was sent."""

    def __init__(self, message: str, *, job_id: str, status: JobStatus, operation: str) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.status = status
        self.operation = operation


class LifecycleViolationError(IonQError):
    """The server reported a status change the job lifecycle does not allow."""

    def __init__(
        self, message: str, *, job_id: str, previous: JobStatus, current: JobStatus
    ) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.previous = previous
        self.current = current


class JobEndedError(IonQError):
    """A waited-for job ended without completing; `job` is its final snapshot."""

    def __init__(self, message: str, *, job: Job) -> None:
        super().__init__(message)
        self.job: Job = job
        self.job_id: str = job.id


class JobFailedError(JobEndedError):
    """A waited-for job ended in `failed`; `code`/`failure_message` are the job's `failure`."""

    def __init__(
        self, message: str, *, job: Job, code: str | None, failure_message: str | None
    ) -> None:
        super().__init__(message, job=job)
        self.code = code
        self.failure_message = failure_message


class JobCanceledError(JobEndedError):
    """A waited-for job ended in `canceled`."""


class JobTimeoutError(IonQError, TimeoutError):
    """A wait ran out of time.

    `job_id`/`last_status` name the first job still unfinished and the status last seen
    (None if never seen). For `wait_many`, `pending` maps every unfinished job to its last
    status and `finished` holds the jobs that did end, so no result is lost.
    """

    def __init__(
        self,
        message: str,
        *,
        job_id: str,
        last_status: JobStatus | None,
        pending: Mapping[str, JobStatus | None] | None = None,
        finished: Mapping[str, Job] | None = None,
    ) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.last_status = last_status
        self.pending: Mapping[str, JobStatus | None] = (
            dict(pending) if pending is not None else {job_id: last_status}
        )
        self.finished: Mapping[str, Job] = dict(finished) if finished is not None else {}


class APIError(IonQError):
    """Something went wrong talking to the API.

    `body` is the raw response body when there was one (bytes, untouched), `request` the
    request that was sent (httpx masks its Authorization header in every repr). The
    message never carries the API key, even when a server echoes it back.
    """

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request | None = None,
        body: bytes | None = None,
    ) -> None:
        super().__init__(_redact(message, request))
        self.message: str = self.args[0]
        self.request = request
        self.body = body


class APIConnectionError(APIError):
    """The request could not be completed: DNS, refused connection, reset, TLS."""


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class ResponseTooLargeError(APIError):
    """The answer was bigger than the client's `max_response_bytes`; reading stopped there.

    `limit` is the cap, `received` how many bytes had been read (or announced by
    Content-Length) when it stopped.
    """

    def __init__(
        self, message: str, *, request: httpx.Request | None, limit: int, received: int
    ) -> None:
        super().__init__(message, request=request)
        self.limit = limit
        self.received = received


class JobMayExistError(APIError):
    """A request that creates (a job by create, clone or move, or a session) may have
    reached the server, and no answer said whether it did: the job may exist, unknown.

    It was not retried (that could create and bill a second one). `error` is what went
    wrong (a timeout, a dropped connection, a 5xx); `operation` is "create", "clone",
    "move" or "sessions.create"; `sent_body` the JSON sent, `sent_at` when it was first
    sent (UTC), `idempotency_key` its key. `client.jobs.reconcile(error)` looks for the
    job it made and says whether that can be decided.
    """

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request,
        error: APIError,
        operation: str,
        source_job_id: str | None,
        sent_body: object,
        sent_at: datetime,
        idempotency_key: str | None,
    ) -> None:
        super().__init__(message, request=request, body=error.body)
        self.error = error
        self.operation = operation
        self.source_job_id = source_job_id
        self.sent_body = sent_body
        self.sent_at = sent_at
        self.idempotency_key = idempotency_key


class APIResponseValidationError(APIError):
    """A 2xx response whose body does not parse as the contract says.

    `response` is None when the problem surfaced later, reading a lazily parsed field of a
    snapshot (then `body` holds that field's JSON). `reason` is the message without the body.
    """

    def __init__(
        self,
        message: str,
        *,
        body: bytes,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(
            _with_body(message, body),
            request=response.request if response is not None else None,
            body=body,
        )
        self.reason = message
        self.response = response
        self.status_code: int | None = response.status_code if response is not None else None


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
        self.status_code: int = response.status_code
        self.request_id: str | None = response.headers.get("x-request-id")
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
    """409 on a job operation (cancel, move).

    `job_ids` are the jobs the request acted on; for a single job, `job_id` names it and
    `current_status` is its status now if the client could read it (else None).
    """

    job_ids: tuple[str, ...] = ()
    job_id: str | None = None
    current_status: JobStatus | None = None


class PayloadTooLargeError(APIStatusError):
    """413: the body is over the API's size limit."""


class RateLimitError(APIStatusError):
    """429. `retry_after` is the server's Retry-After in seconds, if it sent one."""

    retry_after: float | None = None


class InternalServerError(APIStatusError):
    """Any 5xx, including non-standard codes such as 520."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    429: RateLimitError,
}


def status_error(
    response: httpx.Response,
    *,
    job_ids: tuple[str, ...] | None = None,
    retry_after: float | None = None,
) -> APIStatusError:
    """The typed error for a non-2xx `response` (any code, documented or not).

    `job_ids` names the jobs the request acted on: a 409 then becomes `JobConflictError`.
    """
    status = response.status_code
    cls = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    if cls is ConflictError and job_ids:
        cls = JobConflictError
    body = response.content
    fields = _error_fields(body)
    error_type = _str_or_none(fields.get(Key.ERROR))
    error_message = _str_or_none(fields.get(Key.MESSAGE))
    error_status = fields.get(Key.STATUS_CODE)
    request = response.request
    parts = [f"{request.method} {request.url.path} -> {status}"]
    if error_type or error_message:
        parts.append(": " + ", ".join(p for p in (error_type, error_message) if p))
    elif body:
        parts.append(": " + _quote(body))
    request_id = response.headers.get("x-request-id")
    if request_id:
        parts.append(f" (request id {request_id})")
    err = cls(
        "".join(parts),
        response=response,
        body=body,
        error_type=error_type,
        error_message=error_message,
        error_status=error_status if type(error_status) is int else None,
    )
    if isinstance(err, BadRequestError):
        validation = fields.get(Key.VALIDATION)
        if isinstance(validation, dict):
            keys = validation.get(Key.KEYS)
            if isinstance(keys, list):
                err.validation_keys = tuple(str(k) for k in keys)
            err.validation_source = _str_or_none(validation.get(Key.SOURCE))
    elif isinstance(err, RateLimitError):
        err.retry_after = retry_after
    elif isinstance(err, JobConflictError) and job_ids:
        err.job_ids = job_ids
        err.job_id = job_ids[0] if len(job_ids) == 1 else None
    return err


def _error_fields(body: bytes) -> dict[str, object]:
    """The documented error body's fields, or {} when the body is not that shape."""
    try:
        parsed = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or nested too deep to decode
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _quote(body: bytes) -> str:
    """The start of `body` for a message: masked first, then cut (cutting first could
    leave most of a key that straddled the cut, unrecognised)."""
    window = body[: _MESSAGE_BODY_LIMIT * 4].decode("utf-8", errors="replace")
    text = _mask(window)[:_MESSAGE_BODY_LIMIT]
    more = "..." if len(body) > _MESSAGE_BODY_LIMIT else ""
    return f"{text!r}{more}"


# The API keys clients were given, masked in every IonQError message. Short strings are
# left alone: masking a common word everywhere would garble messages and hide nothing.
_SECRETS: set[str] = set()
_MIN_SECRET = 8
# A run of this many characters of a key is masked wherever it appears (a key cut by a
# truncation, or quoted in pieces); a shorter run is too likely to be ordinary text.
_FRAGMENT = 12


def register_secret(key: str) -> None:
    """Mask `key` in the message of every IonQError raised from now on."""
    if len(key) >= _MIN_SECRET:
        _SECRETS.add(key)


def _mask(text: str) -> str:
    for secret in _SECRETS:
        if secret in text:
            text = text.replace(secret, "***")
        if len(secret) > _FRAGMENT:
            text = _mask_fragments(text, secret)
    return text


def _mask_fragments(text: str, secret: str) -> str:
    """`text` with every run of `_FRAGMENT` or more characters of `secret` masked."""
    grams = {secret[i : i + _FRAGMENT] for i in range(len(secret) - _FRAGMENT + 1)}
    hidden = [False] * len(text)
    found = False
    for i in range(len(text) - _FRAGMENT + 1):
        if text[i : i + _FRAGMENT] in grams:
            hidden[i : i + _FRAGMENT] = [True] * _FRAGMENT
            found = True
    if not found:
        return text
    out: list[str] = []
    for i, char in enumerate(text):
        if not hidden[i]:
            out.append(char)
        elif i == 0 or not hidden[i - 1]:
            out.append("***")
    return "".join(out)


def _redact(text: str, request: httpx.Request | None) -> str:
    """`text` with the request's API key (and its whole Authorization value) masked."""
    auth = request.headers.get("authorization") if request is not None else None
    if not auth:
        return text
    for secret in (auth, auth.split(" ", 1)[-1]):
        if len(secret) >= 4:  # never mask a fragment so short it could be anything
            text = text.replace(secret, "***")
    return text


def _with_body(message: str, body: bytes) -> str:
    return f"{message}: {_quote(body)}" if body else f"{message} (empty body)"
