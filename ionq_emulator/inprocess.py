"""The emulator in-process, with no server thread and no socket: transports over its ASGI app.

``httpx.ASGITransport`` is async only; ``SyncASGITransport`` runs the same transport on a
private event loop in a helper thread (an anyio blocking portal, as starlette's
TestClient does), so the sync ``IonQ`` works in-process too. Both map a connection the
emulator's fault injection drops to the ``httpx.RemoteProtocolError`` a socket would give.

    from ionq_emulator import Emulator
    from ionq_emulator.testing import client

    with client(Emulator()) as ionq:   # IonQ over SyncASGITransport
        ionq.whoami()
"""

from __future__ import annotations

from typing import Any, Final

import httpx
from anyio.from_thread import start_blocking_portal

from ionq_emulator.app import ConnectionDropped

__all__ = ["INPROCESS_BASE_URL", "EmulatorASGITransport", "SyncASGITransport"]

#: The base URL in-process clients use: loopback, so no TLS is asked for; never dialled.
INPROCESS_BASE_URL: Final = "http://127.0.0.1/v0.4"


class EmulatorASGITransport(httpx.ASGITransport):
    """``httpx.ASGITransport`` over an emulator's app; a dropped connection is an httpx error."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await super().handle_async_request(request)
        except ConnectionDropped as exc:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            ) from exc


class SyncASGITransport(httpx.BaseTransport):
    """A sync httpx transport over an ASGI app (``httpx.Client(transport=...)``).

    Each request runs on an event loop of its own in a helper thread, where the whole
    answer is read.
    """

    def __init__(self, app: Any) -> None:
        self._inner = EmulatorASGITransport(app=app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        # A fresh request whose stream works in an event loop (the sync one may not).
        inner = httpx.Request(
            request.method, request.url, headers=request.headers, content=body,
            extensions=request.extensions,
        )  # fmt: skip
        # One event loop per request, as starlette's TestClient outside `with`: nothing
        # lingers to close, so a client that does not close its transport leaks nothing.
        with start_blocking_portal() as portal:
            status, headers, content = portal.call(self._send, inner)
        return httpx.Response(status, headers=headers, content=content, request=request)

    async def _send(self, request: httpx.Request) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        response = await self._inner.handle_async_request(request)
        content = await response.aread()
        return response.status_code, response.headers.raw, content
