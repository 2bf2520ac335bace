"""The two drivers: they own the httpx client and perform what flows ask for.

Everything else (building requests, retries, error mapping, parsing, waiting) is in the
flows and shared; these are the only places that block or await.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx

from ._config import ClientOptions
from ._flow import Flow, Sleep, Transmit

__all__ = ["AsyncAPIClient", "SyncAPIClient"]

T = TypeVar("T")


def _unlinked(response: httpx.Response) -> httpx.Response:
    """`response` (its body read) with its stream replaced by the bytes it read.

    httpx links a response and its stream in a reference cycle, so only the cyclic
    collector frees a response. One kept alive while its body is parsed outlives a young
    collection or two, and then waits for a full one: paging through jobs held several
    1 MB bodies at a time that way. Without the cycle, it is freed when dropped.
    """
    response.stream = httpx.ByteStream(response.content)
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
        self.options = options
        self.owns_http = http_client is None
        self.http = http_client if http_client is not None else httpx.Client()
        self.sleep = sleep or time.sleep
        self.clock = clock or time.monotonic

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
                    try:
                        result = _unlinked(self.http.send(action.request))
                    except httpx.HTTPError as exc:
                        result = exc
                elif type(action) is Sleep:
                    self.sleep(action.seconds)
                    result = None
                else:
                    result = self.clock()
        finally:
            flow.close()  # interrupted mid-flow (e.g. KeyboardInterrupt): finalize it now

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
        self.options = options
        self.owns_http = http_client is None
        self.http = http_client if http_client is not None else httpx.AsyncClient()
        self.sleep = sleep or _sleep
        self.clock = clock or time.monotonic

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
                    try:
                        result = _unlinked(await self.http.send(action.request))
                    except httpx.HTTPError as exc:
                        result = exc
                elif type(action) is Sleep:
                    await self.sleep(action.seconds)
                    result = None
                else:
                    result = self.clock()
        finally:
            flow.close()  # interrupted mid-flow (e.g. cancelled): finalize it now

    async def close(self) -> None:
        if self.owns_http:
            await self.http.aclose()
