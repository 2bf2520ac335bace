"""Binding I/O-free operation definitions to the sync and async clients.

An operation is defined once, as a function of its arguments returning a `Call` (one
request) or a flow (several); a resource class declares its methods by binding those
definitions, e.g. `get = sync_call(define.get)` in `Jobs` and `get = async_call(define.get)`
in `AsyncJobs`. The bound method has the definition's exact signature (ParamSpec) and
docstring, so the sync, async and raw-response variants cannot drift apart.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Coroutine
from typing import Any, Concatenate, Generic, ParamSpec, Self, TypeVar, overload

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._config import ClientOptions
from ._flow import Call, Flow
from ._pagination import AsyncJobPager, JobPager, PageCall
from ._response import RawResponse
from ._transport import call_flow, send_flow

__all__ = [
    "AsyncResource",
    "SyncResource",
    "async_call",
    "async_flow",
    "async_pages",
    "async_raw",
    "sync_call",
    "sync_flow",
    "sync_pages",
    "sync_raw",
]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


class SyncResource:
    """A namespace of operations on a sync client (`client.jobs`, ...)."""

    def __init__(self, api: SyncAPIClient) -> None:
        self._api = api


class AsyncResource:
    """A namespace of operations on an async client."""

    def __init__(self, api: AsyncAPIClient) -> None:
        self._api = api


class _Bound(Generic[P, R]):
    """Descriptor: binds the operation to the resource instance on first access."""

    __slots__ = ("_make", "_name")

    def __init__(self, make: Callable[[Any], Callable[P, R]]) -> None:
        self._make = make
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: object, owner: type) -> Callable[P, R]: ...
    def __get__(self, obj: object, owner: type) -> Self | Callable[P, R]:
        if obj is None:
            return self
        bound = self._make(obj)
        obj.__dict__[self._name] = bound  # later lookups skip the descriptor
        return bound


def _like(bound: Callable[..., Any], definition: Callable[..., Any], *, drop: int = 0) -> None:
    """Give `bound` the definition's name and docs, and its signature minus `drop` leading
    parameters and the return annotation (which names the definition's `Call`/flow)."""
    functools.update_wrapper(bound, definition)
    del bound.__wrapped__  # type: ignore[attr-defined]
    sig = inspect.signature(definition)
    bound.__signature__ = sig.replace(  # type: ignore[attr-defined]
        parameters=list(sig.parameters.values())[drop:],
        return_annotation=inspect.Signature.empty,
    )


def sync_call(define: Callable[P, Call[T]]) -> _Bound[P, T]:
    def make(resource: SyncResource) -> Callable[P, T]:
        api = resource._api

        def bound(*args: P.args, **kwargs: P.kwargs) -> T:
            return api.run(call_flow(api.options, define(*args, **kwargs)))

        _like(bound, define)
        return bound

    return _Bound(make)


def async_call(define: Callable[P, Call[T]]) -> _Bound[P, Coroutine[Any, Any, T]]:
    def make(resource: AsyncResource) -> Callable[P, Coroutine[Any, Any, T]]:
        api = resource._api

        async def bound(*args: P.args, **kwargs: P.kwargs) -> T:
            return await api.run(call_flow(api.options, define(*args, **kwargs)))

        _like(bound, define)
        return bound

    return _Bound(make)


def sync_raw(define: Callable[P, Call[T]]) -> _Bound[P, RawResponse[T]]:
    def make(resource: SyncResource) -> Callable[P, RawResponse[T]]:
        api = resource._api

        def bound(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
            call = define(*args, **kwargs)
            return RawResponse(call, api.run(send_flow(api.options, call)))

        _like(bound, define)
        return bound

    return _Bound(make)


def async_raw(
    define: Callable[P, Call[T]],
) -> _Bound[P, Coroutine[Any, Any, RawResponse[T]]]:
    def make(resource: AsyncResource) -> Callable[P, Coroutine[Any, Any, RawResponse[T]]]:
        api = resource._api

        async def bound(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
            call = define(*args, **kwargs)
            return RawResponse(call, await api.run(send_flow(api.options, call)))

        _like(bound, define)
        return bound

    return _Bound(make)


def sync_flow(define: Callable[Concatenate[ClientOptions, P], Flow[T]]) -> _Bound[P, T]:
    def make(resource: SyncResource) -> Callable[P, T]:
        api = resource._api

        def bound(*args: P.args, **kwargs: P.kwargs) -> T:
            return api.run(define(api.options, *args, **kwargs))

        _like(bound, define, drop=1)
        return bound

    return _Bound(make)


def async_flow(
    define: Callable[Concatenate[ClientOptions, P], Flow[T]],
) -> _Bound[P, Coroutine[Any, Any, T]]:
    def make(resource: AsyncResource) -> Callable[P, Coroutine[Any, Any, T]]:
        api = resource._api

        async def bound(*args: P.args, **kwargs: P.kwargs) -> T:
            return await api.run(define(api.options, *args, **kwargs))

        _like(bound, define, drop=1)
        return bound

    return _Bound(make)


def sync_pages(define: Callable[P, PageCall]) -> _Bound[P, JobPager]:
    def make(resource: SyncResource) -> Callable[P, JobPager]:
        api = resource._api

        def bound(*args: P.args, **kwargs: P.kwargs) -> JobPager:
            return JobPager(api, define(*args, **kwargs))

        _like(bound, define)
        return bound

    return _Bound(make)


def async_pages(define: Callable[P, PageCall]) -> _Bound[P, AsyncJobPager]:
    def make(resource: AsyncResource) -> Callable[P, AsyncJobPager]:
        api = resource._api

        def bound(*args: P.args, **kwargs: P.kwargs) -> AsyncJobPager:
            return AsyncJobPager(api, define(*args, **kwargs))

        _like(bound, define)
        return bound

    return _Bound(make)


# What the generated resource methods (resources/jobs.py, ...) run their definitions with.


def run_call(api: SyncAPIClient, call: Call[T]) -> T:
    return api.run(call_flow(api.options, call))


async def arun_call(api: AsyncAPIClient, call: Call[T]) -> T:
    return await api.run(call_flow(api.options, call))


def run_raw(api: SyncAPIClient, call: Call[T]) -> RawResponse[T]:
    return RawResponse(call, api.run(send_flow(api.options, call)))


async def arun_raw(api: AsyncAPIClient, call: Call[T]) -> RawResponse[T]:
    return RawResponse(call, await api.run(send_flow(api.options, call)))
