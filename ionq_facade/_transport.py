"""The one place requests are sent from: auth, timeouts, retries, error mapping, logging.

Written as flows (see `_flow`), so the same code serves the sync and the async client.
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any, TypeVar, cast

import httpx

from ._config import ClientOptions, to_timeout
from ._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    JobConflictError,
    status_error,
)
from ._flow import Call, Flow, Sleep, transmit
from ._lifecycle import JobStatus, parse_status
from ._retry import IDEMPOTENCY_HEADER, parse_retry_after

__all__ = ["build_request", "call_flow", "parse_response", "send_flow"]

T = TypeVar("T")

logger = logging.getLogger("ionq_facade")


def build_request(options: ClientOptions, call: Call[Any]) -> httpx.Request:
    """The request for `call`; a creating one gets a fresh Idempotency-Key (sent again,
    unchanged, by every retry, since a retry resends this request)."""
    timeout = options.timeout if call.timeout is None else to_timeout(call.timeout)
    headers = options.headers
    if call.creating:
        headers = {**headers, IDEMPOTENCY_HEADER: str(uuid.uuid4())}
    return httpx.Request(
        call.method,
        options.base_url + call.path,
        params=cast("list[tuple[str, str | int | float | bool | None]] | None", call.params),
        json=call.json,
        headers=headers,
        extensions={"timeout": timeout},
    )


def send_flow(options: ClientOptions, call: Call[Any]) -> Flow[httpx.Response]:
    """Send `call` with retries; return its 2xx response or raise the typed error."""
    request = build_request(options, call)
    key = request.headers.get(IDEMPOTENCY_HEADER) if call.creating else None
    policy = options.retry
    echo = options.key_echo
    attempt = 0
    while True:
        outcome = yield from transmit(request)
        if isinstance(outcome, httpx.Response):
            echo.observe(key, outcome.headers)
            status = outcome.status_code
            if 200 <= status < 300:
                logger.info("%s %s -> %d", call.method, call.path, status)
                return outcome
            delay = policy.delay(
                creating=call.creating,
                deduped=echo.seen,
                attempt=attempt,
                status=status,
                headers=outcome.headers,
            )
            if delay is None:
                logger.info("%s %s -> %d", call.method, call.path, status)
                error = status_error(
                    outcome, job_ids=call.job_ids, retry_after=parse_retry_after(outcome.headers)
                )
                if isinstance(error, JobConflictError) and error.job_id is not None:
                    error.current_status = yield from _current_status(options, error.job_id)
                    settled = call.settles_at
                    if attempt > 0 and settled is not None and settled == error.current_status:
                        logger.info("%s %s: applied by an earlier attempt", call.method, call.path)
                        return _settled(request, error.job_id, settled)
                raise error
            reason = f"status {status}"
        else:
            delay = policy.delay(
                creating=call.creating, deduped=echo.seen, attempt=attempt, error=outcome
            )
            if delay is None:
                raise _connection_error(call, request, outcome) from outcome
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


def _settled(request: httpx.Request, job_id: str, status: str) -> httpx.Response:
    """The answer an earlier, applied attempt would have had (see `Call.settles_at`).

    Marked with a header so raw-response users can tell it was not sent by the server.
    """
    return httpx.Response(
        200,
        json={"id": job_id, "status": status},
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
        raise APIResponseValidationError(
            f"{call.method} {call.path} -> {response.status_code}: "
            f"the body does not match the API contract ({exc})",
            response=response,
            body=content,
        ) from exc


def _connection_error(
    call: Call[Any], request: httpx.Request, error: httpx.HTTPError
) -> APIConnectionError:
    cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
    what = "timed out" if cls is APITimeoutError else "failed"
    return cls(
        f"{call.method} {call.path} {what}: {type(error).__name__}: {error}", request=request
    )


def _current_status(options: ClientOptions, job_id: str) -> Flow[JobStatus | None]:
    """Best effort, for a 409: the job's status now (one GET, no retries), or None."""
    from ionq_api.api.jobs import get_job

    request = build_request(options, Call.of(get_job._get_kwargs(job_id), _job_status))
    outcome = yield from transmit(request)
    if not isinstance(outcome, httpx.Response) or not outcome.is_success:
        return None
    try:
        return _job_status(json.loads(outcome.content))
    except (TypeError, ValueError, RecursionError):
        return None


def _job_status(data: object) -> JobStatus:
    status = data.get("status") if isinstance(data, dict) else None
    if not isinstance(status, str):
        raise TypeError("no status")
    return parse_status(status)
