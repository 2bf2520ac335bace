"""The two drivers: they own the httpx client and perform what flows ask for.

Everything else (building requests, retries, error mapping, parsing, waiting) is in the
flows and shared; these are the only places that block or await. A request is sent and
its body read here, by the call's deadline and within the size cap.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._config import DEADLINE, ClientOptions
from ._errors import EventLoopError
from ._flow import Due, Flow, Sleep, TooLarge, Transmit

# Imported where first needed, not with the package: asyncio (by the async client only)
# and ._deadline, which brings httpcore (by a client that makes its own httpx client).
if TYPE_CHECKING:
    import asyncio

__all__ = ["AsyncAPIClient", "SyncAPIClient"]

T = TypeVar("T")

Outcome = httpx.Response | httpx.HTTPError | TooLarge


def _prepare(request: httpx.Request, remaining: float) -> None:
    """Bound each phase of `request` by the time its call has left too."""
    timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
    request.extensions = {
        **request.extensions,
        "timeout": {
            phase: remaining if value is None else min(value, remaining)
            for phase, value in timeouts.items()
        },
    }


def _expired(request: httpx.Request) -> httpx.HTTPError:
    """The outcome of a request whose call had no time left: not sent."""
    return httpx.ConnectTimeout("the call's deadline passed before sending", request=request)


class _Body:
    """The body of a response being read: the chunks so far, checked against the size
    cap and the deadline after each."""

    __slots__ = ("chunks", "deadline", "limit", "received", "request")

    def __init__(self, response: httpx.Response, limit: int, deadline: float) -> None:
        self.request = response.request
        self.limit = limit
        self.deadline = deadline
        self.chunks: list[bytes] = []
        self.received = 0

    def too_large(self, response: httpx.Response) -> TooLarge | None:
        """`TooLarge` if the response announces more than the cap (nothing is read)."""
        try:
            announced = int(response.headers.get("content-length", ""))
        except ValueError:
            return None
        return TooLarge(self.limit, announced) if announced > self.limit else None

    def add(self, chunk: bytes) -> TooLarge | None:
        self.received += len(chunk)
        if self.received > self.limit:
            return TooLarge(self.limit, self.received)
        if time.monotonic() >= self.deadline:
            raise httpx.ReadTimeout("the call's deadline passed", request=self.request)
        self.chunks.append(chunk)
        return None

    def finish(self, response: httpx.Response) -> httpx.Response:
        """`response` holding the body read, its stream replaced by those bytes.

        httpx links a response and its stream in a reference cycle, so only the cyclic
        collector frees a response. One kept alive while its body is parsed outlives a
        young collection or two, and then waits for a full one: paging through jobs held
        several 1 MB bodies at a time that way. Without the cycle, it is freed when dropped.
        """
        content = b"".join(self.chunks)
        response._content = content  # what `read()` sets; decoded, as `read()` does
        response.stream = httpx.ByteStream(content)
        return response


class SyncAPIClient:
    """Runs flows with an `httpx.Client`, `time.sleep` and `time.monotonic` (injectable)."""

    def __init__(
        self,
        options: ClientOptions,
        http_client: httpx.Client | None,
        *,
        sleep: Callable[[float], object] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.options: ClientOptions = options
        self.owns_http: bool = http_client is None
        if http_client is None:
            from ._deadline import new_http_client

            http_client = new_http_client()
        self.http: httpx.Client = http_client
        self.sleep: Callable[[float], object] = sleep or time.sleep
        self.clock: Callable[[], float] = clock or time.monotonic

    def run(self, flow: Flow[T]) -> T:
        send = flow.send
        result: Any = None
        try:
            while True:
                try:
                    action = send(result)
                except StopIteration as stop:
                    value: T = stop.value
                    return value
                if type(action) is Transmit:
                    result = self._transmit(action)
                elif type(action) is Sleep:
                    self.sleep(action.seconds)
                    result = None
                elif type(action) is Due:
                    result = None
                else:
                    result = self.clock()
        finally:
            flow.close()  # interrupted mid-flow (e.g. KeyboardInterrupt): finalize it now

    def _transmit(self, action: Transmit) -> Outcome:
        remaining = action.deadline - self.clock()
        if remaining <= 0:
            return _expired(action.request)
        deadline = time.monotonic() + remaining
        token = DEADLINE.set(deadline)
        try:
            _prepare(action.request, remaining)
            response = self.http.send(action.request, stream=True)
            try:
                body = _Body(response, self.options.max_response_bytes, deadline)
                over = body.too_large(response)
                if over is not None:
                    return over
                for chunk in response.iter_bytes():
                    over = body.add(chunk)
                    if over is not None:
                        return over
                return body.finish(response)
            finally:
                response.close()
        except httpx.HTTPError as exc:
            return exc
        finally:
            DEADLINE.reset(token)

    def close(self) -> None:
        if self.owns_http:
            self.http.close()


async def _sleep(seconds: float) -> None:
    """`anyio.sleep` (asyncio or trio, as httpx), imported when first needed."""
    import anyio

    await anyio.sleep(seconds)


class AsyncAPIClient:
    """Runs flows with an `httpx.AsyncClient`, `anyio.sleep` and `time.monotonic`."""

    def __init__(
        self,
        options: ClientOptions,
        http_client: httpx.AsyncClient | None,
        *,
        sleep: Callable[[float], Awaitable[object]] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.options: ClientOptions = options
        self.owns_http: bool = http_client is None
        if http_client is None:
            from ._deadline import new_async_http_client

            http_client = new_async_http_client()
        self.http: httpx.AsyncClient = http_client
        self.sleep: Callable[[float], Awaitable[object]] = sleep or _sleep
        self.clock: Callable[[], float] = clock or time.monotonic
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None
        # Requests under way in their own tasks (see `_transmit`), kept from collection.
        self._inflight: set[asyncio.Task[Outcome]] = set()

    def _bind_loop(self) -> asyncio.AbstractEventLoop | None:
        """The running asyncio loop (None under trio), which this client's connections
        belong to from its first request on.

        A loop that has closed since (one `asyncio.run` after another) took its
        connections with it: an owned httpx client is replaced by a fresh one. Another
        loop still open, or a given `http_client` tied to a closed one, cannot be shared:
        `EventLoopError`.
        """
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return None
        bound = self._loop() if self._loop is not None else None
        if bound is loop:
            return loop
        if self._loop is not None:
            if bound is not None and not bound.is_closed():
                raise EventLoopError(
                    "this AsyncIonQ is in use by another event loop, which its connections "
                    "belong to; create one client per event loop"
                )
            if not self.owns_http:
                raise EventLoopError(
                    "this AsyncIonQ's http_client was used in an event loop that has "
                    "closed, with its connections; give it one made in this loop"
                )
            from ._deadline import new_async_http_client

            self.http = new_async_http_client()
        self._loop = weakref.ref(loop)
        return loop

    async def run(self, flow: Flow[T]) -> T:
        send = flow.send
        result: Any = None
        try:
            while True:
                try:
                    action = send(result)
                except StopIteration as stop:
                    value: T = stop.value
                    return value
                if type(action) is Transmit:
                    result = await self._transmit(action, self._bind_loop())
                elif type(action) is Sleep:
                    await self.sleep(action.seconds)
                    result = None
                elif type(action) is Due:
                    result = None
                else:
                    result = self.clock()
        finally:
            flow.close()  # interrupted mid-flow (e.g. cancelled): finalize it now

    async def _transmit(self, action: Transmit, loop: asyncio.AbstractEventLoop | None) -> Outcome:
        """Under asyncio, the exchange runs in a task of its own that the caller's
        cancellation does not reach: cancelled, the caller stops waiting at once, and the
        exchange ends by its deadline and gives its connection back. Cancelling httpcore
        mid-request can leave a pool slot taken for good (encode/httpcore#1093: after a
        storm of cancelled calls, every later one was a pool timeout)."""
        remaining = action.deadline - self.clock()
        if remaining <= 0:
            return _expired(action.request)
        import asyncio

        token = DEADLINE.set(time.monotonic() + remaining)
        try:
            exchange = self._exchange(action.request, remaining)
            if loop is None:
                return await exchange
            task = loop.create_task(exchange)  # copies the context: DEADLINE with it
            self._inflight.add(task)
            task.add_done_callback(self._settled)
            return await asyncio.shield(task)
        finally:
            DEADLINE.reset(token)

    def _settled(self, task: asyncio.Task[Outcome]) -> None:
        self._inflight.discard(task)
        if not task.cancelled():
            task.exception()  # retrieved: an abandoned exchange's error is not news

    async def _exchange(self, request: httpx.Request, remaining: float) -> Outcome:
        deadline = time.monotonic() + remaining
        try:
            _prepare(request, remaining)
            response = await self.http.send(request, stream=True)
            try:
                body = _Body(response, self.options.max_response_bytes, deadline)
                over = body.too_large(response)
                if over is not None:
                    return over
                async for chunk in response.aiter_bytes():
                    over = body.add(chunk)
                    if over is not None:
                        return over
                return body.finish(response)
            finally:
                await response.aclose()
        except httpx.HTTPError as exc:
            return exc

    async def close(self) -> None:
        if not self.owns_http:
            return
        bound = self._loop() if self._loop is not None else None
        if self._loop is not None and (bound is None or bound.is_closed()):
            return  # its connections closed with their loop; nothing left to close
        self._bind_loop()
        await self.http.aclose()
