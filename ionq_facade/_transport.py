"""The one place requests are sent from: auth, timeouts, retries, error mapping, logging.

Written as flows (see `_flow`), so the same code serves the sync and the async client.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

import httpx

from ionq_facade._generated.tables import ROUTES, Key

from ._config import ClientOptions, call_deadline, to_timeout
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    InvalidArgumentError,
    JobConflictError,
    JobMayExistError,
    ResponseTooLargeError,
    status_error,
)
from ._flow import Call, Flow, Sleep, TooLarge, due, now, transmit
from ._lifecycle import JobStatus, parse_status
from ._operations import SERVED
from ._retry import IDEMPOTENCY_HEADER, NOT_SENT, may_have_acted, parse_retry_after

__all__ = ["build_request", "call_flow", "creating_operation", "parse_response", "send_flow"]

T = TypeVar("T")

logger = logging.getLogger("ionq_facade")


def build_request(options: ClientOptions, call: Call[Any]) -> httpx.Request:
    """The request for `call`; a creating one gets a fresh Idempotency-Key (sent again,
    unchanged, by every retry, since a retry resends this request)."""
    timeout = options.timeout if call.timeout is None else to_timeout(call.timeout)
    headers = options.headers
    if call.creating:
        headers = {**headers, IDEMPOTENCY_HEADER: str(uuid.uuid4())}
    try:
        return httpx.Request(
            call.method,
            options.base_url + call.path,
            params=cast("list[tuple[str, str | int | float | bool | None]] | None", call.params),
            json=call.json,
            headers=headers,
            extensions={"timeout": timeout},
        )
    except UnicodeEncodeError as exc:
        # A lone surrogate ("\ud800") in a name or a value: text no request can carry.
        raise InvalidArgumentError(
            f"{call.method} {call.path}: the request holds a character that cannot be sent "
            f"({exc.reason} at position {exc.start}): {exc.object[exc.start : exc.end]!r}"
        ) from None


def send_flow(options: ClientOptions, call: Call[Any]) -> Flow[httpx.Response]:
    """Send `call` with retries, all within its deadline; return its 2xx response or
    raise the typed error.

    The deadline is the call's timeout if that is a number, else the client's, and
    earlier if an enclosing flow says so (`within`, e.g. a wait's): it bounds every
    attempt (connect, send, headers, body) and the waits between them.
    """
    request = build_request(options, call)
    key = request.headers.get(IDEMPOTENCY_HEADER) if call.creating else None
    policy = options.retry
    echo = options.key_echo
    started = yield from now()
    budget = (
        options.deadline if call.timeout is None else call_deadline(call.timeout, options.deadline)
    )
    end = started + budget
    outer = yield from due()
    if outer is not None:
        end = min(end, outer)
    sent = _Sent(call, request, key)
    attempt = 0
    while True:
        if (yield from now()) >= end:
            raise sent.failed(_deadline_error(call, request, started, end))
        sent.start()
        outcome = yield from transmit(request, end)
        if isinstance(outcome, httpx.Response):
            echo.observe(key, outcome.headers)
            status = outcome.status_code
            if 200 <= status < 300:
                logger.info("%s %s -> %d", call.method, call.path, status)
                return outcome
            sent.answered(status)
            delay = policy.delay(
                creating=call.creating,
                deduped=echo.seen,
                attempt=attempt,
                status=status,
                headers=outcome.headers,
            )
            if delay is not None and (yield from now()) + delay >= end:
                delay = None  # the retry would come after the deadline
            if delay is None:
                logger.info("%s %s -> %d", call.method, call.path, status)
                error = status_error(
                    outcome, job_ids=call.job_ids, retry_after=parse_retry_after(outcome.headers)
                )
                if isinstance(error, JobConflictError) and error.job_id is not None:
                    error.current_status = yield from _current_status(options, error.job_id, end)
                    settled = call.settles_at
                    if attempt > 0 and settled is not None and settled == error.current_status:
                        logger.info("%s %s: applied by an earlier attempt", call.method, call.path)
                        return _settled(request, error.job_id, settled)
                raise sent.failed(error)
            reason = f"status {status}"
        elif isinstance(outcome, TooLarge):
            sent.unread()
            raise sent.failed(
                ResponseTooLargeError(
                    f"{call.method} {call.path}: {outcome}; the client reads at most "
                    f"max_response_bytes={outcome.limit:,}",
                    request=request,
                    limit=outcome.limit,
                    received=outcome.received,
                )
            )
        else:
            sent.lost(outcome)
            delay = policy.delay(
                creating=call.creating, deduped=echo.seen, attempt=attempt, error=outcome
            )
            if delay is not None and (yield from now()) + delay >= end:
                delay = None
            if delay is None:
                if (yield from now()) >= end:
                    lost: APIError = _deadline_error(call, request, started, end, outcome)
                else:
                    lost = _connection_error(call, request, outcome)
                raise sent.failed(lost) from outcome
            reason = type(outcome).__name__
        attempt += 1
        logger.info(
            "%s %s failed (%s); retry %d of %d in %.2fs",
            call.method,
            call.path,
            reason,
            attempt,
            policy.max_retries,
            delay,
        )
        yield Sleep(delay)


class _Sent:
    """Whether a creating request may have made its job though no answer said so: set by
    an attempt that may have reached the server (a lost answer, a 5xx, an answer too
    large to read). The error that ends such a call becomes `JobMayExistError`."""

    __slots__ = ("at", "call", "key", "maybe", "request")

    def __init__(self, call: Call[Any], request: httpx.Request, key: str | None) -> None:
        self.call = call
        self.request = request
        self.key = key
        self.at: datetime | None = None
        self.maybe = False

    def start(self) -> None:
        if self.at is None:
            self.at = datetime.now(UTC)

    def lost(self, error: httpx.HTTPError) -> None:
        if not isinstance(error, NOT_SENT):
            self.maybe = True

    def answered(self, status: int) -> None:
        if may_have_acted(status):
            self.maybe = True

    def unread(self) -> None:
        self.maybe = True

    def failed(self, error: APIError) -> APIError:
        call = self.call
        if not (call.creating and self.maybe and self.at is not None):
            return error
        operation = creating_operation(call.method, call.path)
        source = call.job_ids[0] if call.job_ids else None
        return JobMayExistError(
            f"{call.method} {call.path}: the {_WHAT.get(operation, 'job')} may have been "
            f"created (the request may have reached the server, sent at "
            f"{self.at.isoformat(timespec='seconds')}; no answer said): {error.message}. "
            "It was not retried; client.jobs.reconcile(error) looks for it",
            request=self.request,
            error=error,
            operation=operation,
            source_job_id=source,
            sent_body=call.json,
            sent_at=self.at,
            idempotency_key=self.key,
        )


_WHAT = {"sessions.create": "session"}


def creating_operation(method: str, path: str) -> str:
    """The name of the creating operation `method path` is: its façade method's, less `jobs.`."""
    for op_id, (verb, template) in ROUTES.items():
        if verb == method and re.fullmatch(re.sub(r"\{[^}]*\}", "[^/]+", template), path):
            return SERVED.get(op_id, "jobs.create").removeprefix("jobs.")
    return "create"


def _settled(request: httpx.Request, job_id: str, status: str) -> httpx.Response:
    """The answer an earlier, applied attempt would have had (see `Call.settles_at`).

    Marked with a header so raw-response users can tell it was not sent by the server.
    """
    return httpx.Response(
        200,
        json={Key.ID: job_id, Key.STATUS: status},
        headers={"x-ionq-facade-settled": "applied-by-earlier-attempt"},
        request=request,
    )


def call_flow(options: ClientOptions, call: Call[T]) -> Flow[T]:
    """Send `call` and parse its answer."""
    response = yield from send_flow(options, call)
    return parse_response(call, response)


def parse_response(call: Call[T], response: httpx.Response) -> T:
    """The parsed 2xx body; a body that is not what the contract says is a typed error."""
    content = response.content
    try:
        return call.parse(json.loads(content))
    # A generated view's refusal; RecursionError: JSON nested deeper than Python's limit.
    except (
        APIResponseValidationError,
        KeyError,
        TypeError,
        ValueError,
        AttributeError,
        IndexError,
        RecursionError,
    ) as exc:
        detail = exc.reason if isinstance(exc, APIResponseValidationError) else exc
        raise APIResponseValidationError(
            f"{call.method} {call.path} -> {response.status_code}: "
            f"the body does not match the API contract ({detail})",
            response=response,
            body=content,
        ) from exc


def _deadline_error(
    call: Call[Any],
    request: httpx.Request,
    started: float,
    end: float,
    error: httpx.HTTPError | None = None,
) -> APITimeoutError:
    cause = f" ({type(error).__name__})" if error is not None else ""
    return APITimeoutError(
        f"{call.method} {call.path} timed out: not done within its deadline of "
        f"{end - started:g}s{cause}",
        request=request,
    )


def _connection_error(
    call: Call[Any], request: httpx.Request, error: httpx.HTTPError
) -> APIConnectionError:
    cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
    what = "timed out" if cls is APITimeoutError else "failed"
    return cls(
        f"{call.method} {call.path} {what}: {type(error).__name__}: {error}", request=request
    )


def _current_status(options: ClientOptions, job_id: str, end: float) -> Flow[JobStatus | None]:
    """Best effort, for a 409: the job's status now (one GET, no retries), or None."""
    from ionq_facade._generated.api.jobs import get_job

    request = build_request(options, Call.of(get_job._get_kwargs(job_id), _job_status))
    outcome = yield from transmit(request, end)
    if not isinstance(outcome, httpx.Response) or not outcome.is_success:
        return None
    try:
        return _job_status(json.loads(outcome.content))
    except (TypeError, ValueError, RecursionError):
        return None


def _job_status(data: object) -> JobStatus:
    status = data.get(Key.STATUS) if isinstance(data, dict) else None
    if not isinstance(status, str):
        raise TypeError("no status")
    return parse_status(status)
