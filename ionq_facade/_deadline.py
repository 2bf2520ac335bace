"""The call deadline at the socket: every connect, TLS handshake, write and read of a
request is bounded by the time its call has left, not only by its own timeout.

httpx bounds each socket operation; a server that drips one byte a second answers
every read in time and never finishes. The drivers set `DEADLINE` (an absolute
`time.monotonic()`) around each request; the network streams of the clients this
package creates read it and shrink each operation's timeout to what is left, raising
the phase's timeout once nothing is. Outside a call (`DEADLINE` unset) they behave as
httpcore's own.
"""

from __future__ import annotations

import ssl
import time
import typing
from collections.abc import Iterable

import httpcore
import httpx

from ._config import DEADLINE

__all__ = ["DEADLINE", "left", "new_async_http_client", "new_http_client"]


_SocketOption = typing.Any  # httpcore's SOCKET_OPTION union, passed through untouched


def left() -> float | None:
    """Seconds the current call has left (None outside a call), never below 0."""
    deadline = DEADLINE.get()
    return None if deadline is None else max(0.0, deadline - time.monotonic())


def _bound(timeout: float | None, expired: type[Exception]) -> float | None:
    remaining = left()
    if remaining is None:
        return timeout
    if remaining <= 0:
        raise expired("the call's deadline passed")
    return remaining if timeout is None else min(timeout, remaining)


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bound(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bound(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        bound = _bound(timeout, httpcore.ConnectTimeout)
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, bound))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[_SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        bound = _bound(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_tcp(host, port, bound, local_address, socket_options))

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[_SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        bound = _bound(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_unix_socket(path, bound, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, _bound(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, _bound(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        bound = _bound(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._stream.start_tls(ssl_context, server_hostname, bound))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[_SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        bound = _bound(timeout, httpcore.ConnectTimeout)
        stream = await self._backend.connect_tcp(host, port, bound, local_address, socket_options)
        return _AsyncStream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[_SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        bound = _bound(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._backend.connect_unix_socket(path, bound, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def _wrap_pools(client: httpx.Client | httpx.AsyncClient) -> None:
    """Put the deadline under every connection pool of `client` (its transport and the
    proxy mounts httpx made from the environment).

    httpx has no public hook for a network backend, so this sets the pool's: pinned by
    `httpx<1`, and checked by the reliability tests (the drip server). Connections a pool
    makes from then on use the wrapped backend.
    """
    mounts = getattr(client, "_mounts", {})
    for transport in (getattr(client, "_transport", None), *mounts.values()):
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend):
            pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
        elif isinstance(backend, httpcore.AsyncNetworkBackend):
            pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]


def new_http_client() -> httpx.Client:
    """The `httpx.Client` an `IonQ` makes for itself: httpx's defaults, deadline-bounded."""
    client = httpx.Client()
    _wrap_pools(client)
    return client


def new_async_http_client() -> httpx.AsyncClient:
    """The `httpx.AsyncClient` an `AsyncIonQ` makes for itself."""
    client = httpx.AsyncClient()
    _wrap_pools(client)
    return client
