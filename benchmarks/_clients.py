"""The contestants, built alike: the façade, ionq-core, raw httpx; one transport for all.

Each takes an optional `httpx.BaseTransport`: given, every client sends through that
same object (an in-process transport, or a counting wrapper); not given, each uses
httpx's own connection pool, as a user's would.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx

from ionq_facade import IonQ

from ._fixtures import API_KEY

if TYPE_CHECKING:
    from ionq_core.client import AuthenticatedClient

__all__ = ["CountingTransport", "core_client", "facade_client", "raw_client", "replay"]


def replay(body: bytes) -> httpx.MockTransport:
    """An in-process transport answering every request 200 with `body` (JSON)."""
    headers = {"content-type": "application/json", "content-length": str(len(body))}

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers=headers)

    return httpx.MockTransport(answer)


class CountingTransport(httpx.BaseTransport):
    """Passes requests on to `inner`, counting them; `on_request` hears each one."""

    def __init__(
        self, inner: httpx.BaseTransport | None = None, on_request: Callable[[], None] | None = None
    ) -> None:
        self.inner = inner or httpx.HTTPTransport()
        self.on_request = on_request
        self.count = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        if self.on_request is not None:
            self.on_request()
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def facade_client(
    base_url: str,
    transport: httpx.BaseTransport | None = None,
    *,
    api_key: str = API_KEY,
    **options: Any,
) -> IonQ:
    """`IonQ` as a user builds it (defaults: retries, timeouts), on `transport`."""
    http = httpx.Client(transport=transport) if transport is not None else None
    return IonQ(api_key=api_key, base_url=base_url, http_client=http, **options)


def core_client(
    base_url: str, transport: httpx.BaseTransport | None = None, *, api_key: str = API_KEY
) -> AuthenticatedClient:
    """ionq-core's recommended `IonQClient(...)`: its error-raising and retrying transport
    stack kept whole, with `transport` in place of the network at its bottom."""
    from ionq_core import ClientExtension, IonQClient

    def rebase(stack: httpx.BaseTransport) -> httpx.BaseTransport:
        # IonQClient builds ErrorRaisingTransport(RetryTransport(HTTPTransport())).
        if transport is not None:
            retrying = stack._transport  # type: ignore[attr-defined]
            retrying._sync_transport = transport
        return stack

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # plain http to loopback
        return IonQClient(
            api_key=api_key,
            base_url=base_url,
            extension=ClientExtension(transport_wrapper=rebase),
        )


def raw_client(
    base_url: str, transport: httpx.BaseTransport | None = None, *, api_key: str = API_KEY
) -> httpx.Client:
    """The limit: `httpx.Client` with the API key header, nothing else."""
    headers = {"Authorization": f"apiKey {api_key}"}
    if transport is None:
        return httpx.Client(base_url=base_url, headers=headers, timeout=60)
    return httpx.Client(base_url=base_url, headers=headers, timeout=60, transport=transport)
