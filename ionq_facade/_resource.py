"""What the resource classes run their I/O-free operation definitions with.

An operation is defined once, as a function of its arguments returning a `Call` (one
request), a flow (several) or a `PageCall`; `resources/_bindings.py` says which method of
which resource binds it, and `scripts/regenerate` writes the classes (`resources/jobs.py`,
...) as real methods with the definition's exact signature and docstring, calling these.
"""

from __future__ import annotations

from typing import TypeVar

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._flow import Call
from ._response import RawResponse
from ._transport import call_flow, send_flow

__all__ = ["AsyncResource", "SyncResource", "arun_call", "arun_raw", "run_call", "run_raw"]

T = TypeVar("T")


class SyncResource:
    """A namespace of operations on a sync client (`client.jobs`, ...)."""

    def __init__(self, api: SyncAPIClient) -> None:
        self._api = api


class AsyncResource:
    """A namespace of operations on an async client."""

    def __init__(self, api: AsyncAPIClient) -> None:
        self._api = api


def run_call(api: SyncAPIClient, call: Call[T]) -> T:
    return api.run(call_flow(api.options, call))


async def arun_call(api: AsyncAPIClient, call: Call[T]) -> T:
    return await api.run(call_flow(api.options, call))


def run_raw(api: SyncAPIClient, call: Call[T]) -> RawResponse[T]:
    return RawResponse(call, api.run(send_flow(api.options, call)))


async def arun_raw(api: AsyncAPIClient, call: Call[T]) -> RawResponse[T]:
    return RawResponse(call, await api.run(send_flow(api.options, call)))
