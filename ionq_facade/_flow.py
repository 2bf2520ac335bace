"""Operations as I/O-free generators, run by a sync or an async driver.

A flow yields actions (send this request, sleep this long, tell me the time) and gets
their results back; it returns the operation's result. Retries, waiting and pagination
are written once as flows; `IonQ` and `AsyncIonQ` differ only in the driver that
performs the actions (`_base_client`), so the twins cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Final, Generic, TypeAlias, TypeVar

import httpx

from ._config import TimeoutTypes

if TYPE_CHECKING:
    from ionq_facade._generated.types import Unset

__all__ = [
    "DUE",
    "NOW",
    "Action",
    "Call",
    "Due",
    "Flow",
    "Now",
    "Sleep",
    "TooLarge",
    "Transmit",
    "given",
    "now",
    "transmit",
    "within",
]

T = TypeVar("T")


class Call(Generic[T]):
    """One API request, fully described: what to send and how to parse the answer.

    `creating` marks requests that create a job or session: they carry an
    Idempotency-Key and are retried only when they certainly did not reach the server,
    or when the server has shown it dedupes them (see `_retry`); `job_ids` names the
    jobs the request acts on, making a 409 a `JobConflictError`. `settles_at` is the
    status the request puts its job in: when a retry gets 409 and the job is in that
    status now, an earlier attempt was applied (its answer lost), and the request
    succeeded.
    """

    __slots__ = (
        "creating",
        "job_ids",
        "json",
        "method",
        "params",
        "parse",
        "path",
        "settles_at",
        "timeout",
    )

    method: str
    path: str
    parse: Callable[[object], T]
    params: list[tuple[str, str]] | None
    json: object
    creating: bool
    timeout: TimeoutTypes | None
    job_ids: tuple[str, ...] | None
    settles_at: str | None

    def __init__(
        self,
        method: str,
        path: str,
        parse: Callable[[object], T],
        *,
        params: list[tuple[str, str]] | None = None,
        json: object = None,
        creating: bool = False,
        timeout: TimeoutTypes | None = None,
        job_ids: tuple[str, ...] | None = None,
        settles_at: str | None = None,
    ) -> None:
        self.method = method
        self.path = path
        self.parse = parse
        self.params = params
        self.json = json
        self.creating = creating
        self.timeout = timeout
        self.job_ids = job_ids
        self.settles_at = settles_at

    @classmethod
    def of(
        cls,
        request: Mapping[str, Any],
        parse: Callable[[object], T],
        *,
        creating: bool = False,
        timeout: TimeoutTypes | None = None,
        job_ids: tuple[str, ...] | None = None,
        settles_at: str | None = None,
    ) -> Call[T]:
        """The call a generated endpoint's `_get_kwargs` describes (its method, URL, query
        and body), sent through the façade's transport rather than the generated client."""
        params = [
            (key, _query_text(item))
            for key, value in request.get("params", {}).items()
            for item in (value if isinstance(value, list) else [value])
        ]
        return cls(
            str(request["method"]).upper(),
            str(request["url"]),
            parse,
            params=params or None,
            json=request.get("json"),
            creating=creating,
            timeout=timeout,
            job_ids=job_ids,
            settles_at=settles_at,
        )

    def __repr__(self) -> str:
        return f"Call({self.method} {self.path})"


def given(value: T | None) -> T | Unset:
    """An optional argument of a generated endpoint: None is not given."""
    from ionq_facade._generated.types import UNSET

    return UNSET if value is None else value


def _query_text(value: object) -> str:
    """A query value as the API spells it (booleans lower-case)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class Transmit:
    """Send `request` and read its answer, all by `deadline` (a time of the flow's clock,
    see `Now`) and at most the client's `max_response_bytes` of it.

    The result is the `httpx.Response` (body read), the `httpx.HTTPError` (a timeout once
    the deadline passes), or `TooLarge`.
    """

    __slots__ = ("deadline", "request")

    def __init__(self, request: httpx.Request, deadline: float) -> None:
        self.request = request
        self.deadline = deadline


class TooLarge(Exception):
    """The result of a `Transmit` whose answer was over the size cap (not raised)."""

    def __init__(self, limit: int, received: int) -> None:
        super().__init__(f"the answer is over {limit:,} bytes ({received:,} read or announced)")
        self.limit = limit
        self.received = received


class Sleep:
    """Pause for `seconds`; the result is None."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


class Now:
    """Read the clock (monotonic seconds); the result is a float."""

    __slots__ = ()


class Due:
    """Ask by when the flow must be done (a time of the flow's clock), or None if no
    enclosing flow set a bound; drivers answer None, `within` its deadline."""

    __slots__ = ()


NOW: Final = Now()
DUE: Final = Due()

Action: TypeAlias = Transmit | Sleep | Now | Due
Flow: TypeAlias = Generator[Action, Any, T]


def now() -> Flow[float]:
    t: float = yield NOW
    return t


def due() -> Flow[float | None]:
    t: float | None = yield DUE
    return t


def within(deadline: float, flow: Flow[T]) -> Flow[T]:
    """`flow`, done by `deadline` (or an earlier one set around this): every request it
    sends, and every wait between its retries, ends by then (see `send_flow`)."""
    result: Any = None
    try:
        while True:
            try:
                action = flow.send(result)
            except StopIteration as stop:
                value: T = stop.value
                return value
            if type(action) is Due:
                outer: float | None = yield action
                result = deadline if outer is None else min(outer, deadline)
            else:
                result = yield action
    finally:
        flow.close()


def transmit(
    request: httpx.Request, deadline: float
) -> Flow[httpx.Response | httpx.HTTPError | TooLarge]:
    outcome: httpx.Response | httpx.HTTPError | TooLarge = yield Transmit(request, deadline)
    return outcome
