"""When to retry a request and how long to wait first: policy only, no I/O.

Money safety: a request that creates a job (create, clone, move, sessions.create) is
retried only when it certainly never reached the server (the connection could not be
opened, or a 429 refused it). A read timeout or a 5xx after sending might mean the job
exists already, and retrying would create (and bill) a duplicate.

Unless the server dedupes: every creating request carries an `Idempotency-Key`, the same
on each of its retries. A server that honours it echoes it, and answers a repeated key
with the first answer instead of creating again. Once a client has seen that echo
(`KeyEcho`), its creating requests are retried like reads (never on a 500, which may
be a failure the server did not record). IonQ does not document the header: against a
server that ignores it, there is no echo and nothing changes.
"""

from __future__ import annotations

import email.utils
import math
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

import httpx

from ionq_facade._generated.tables import Key

__all__ = [
    "IDEMPOTENCY_HEADER",
    "NOT_SENT",
    "KeyEcho",
    "RetryPolicy",
    "may_have_acted",
    "parse_retry_after",
]

IDEMPOTENCY_HEADER: Final = Key.IDEMPOTENCY_KEY

# Statuses that say "try again" without having done anything.
_RETRY_STATUSES = frozenset({429, 502, 503, 504, *range(520, 530)})
# Failures after which nothing can have reached the server.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Server errors that say the request was not acted on (not implemented, unavailable,
# unsupported version); any other 5xx may come after the server did what was asked.
_REFUSED_5XX = frozenset({501, 503, 505})
# Failures worth retrying for a request that creates nothing.
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def may_have_acted(status: int) -> bool:
    """Whether an answer with this status leaves it open that the request was acted on."""
    return status >= 500 and status not in _REFUSED_5XX


@dataclass(slots=True)
class KeyEcho:
    """Per client: whether its server has echoed an `Idempotency-Key` on an answer to a
    creating request, i.e. dedupes repeated keys. Learned once, kept for the client's life.
    """

    seen: bool = False

    def observe(self, sent_key: str | None, response_headers: Mapping[str, str]) -> None:
        if sent_key is not None and response_headers.get(IDEMPOTENCY_HEADER) == sent_key:
            self.seen = True


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter, capped; Retry-After honoured up to a bound.

    `delay` answers "retry after this many seconds" or None (do not retry).
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    # A Retry-After beyond this is not waited out: the error goes to the caller.
    max_retry_after: float = 60.0
    jitter: float = 0.25
    rand: Callable[[], float] = random.random

    def delay(
        self,
        *,
        creating: bool,
        attempt: int,
        deduped: bool = False,
        error: BaseException | None = None,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> float | None:
        """The wait before retry number `attempt + 1`, or None.

        Give either the transport `error` or the response `status` (with its headers).
        `deduped`: the server dedupes this creating request by its Idempotency-Key, so
        repeating it cannot create a second job.
        """
        if attempt >= self.max_retries:
            return None
        risky = creating and not deduped
        if error is not None:
            retryable = isinstance(error, NOT_SENT if risky else _TRANSIENT)
        else:
            retryable = status == 429 if risky else status in _RETRY_STATUSES
        if not retryable:
            return None
        retry_after = parse_retry_after(headers) if headers is not None else None
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        backoff = min(self.max_delay, self.initial_delay * 2.0**attempt)
        return backoff * (1.0 - self.jitter * self.rand())


def parse_retry_after(
    headers: Mapping[str, str], now: Callable[[], float] = time.time
) -> float | None:
    """Retry-After in seconds (delta-seconds or an HTTP date), or None if absent or bad."""
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        seconds = when.timestamp() - now()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)
