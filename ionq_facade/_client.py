"""`IonQ` and `AsyncIonQ`: the clients users construct."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from functools import cached_property
from types import TracebackType

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._config import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    ClientOptions,
    TimeoutTypes,
    resolve_options,
)
from ._flow import Call
from ._models import Whoami
from ._resource import AsyncResource, SyncResource, arun_call, arun_raw, run_call, run_raw
from ._response import RawResponse
from .resources.backends import (
    AsyncBackends,
    AsyncBackendsWithRawResponse,
    AsyncCharacterizations,
    AsyncCharacterizationsWithRawResponse,
    Backends,
    BackendsWithRawResponse,
    Characterizations,
    CharacterizationsWithRawResponse,
)
from .resources.jobs import AsyncJobs, AsyncJobsWithRawResponse, Jobs, JobsWithRawResponse
from .resources.sessions import (
    AsyncSessions,
    AsyncSessionsWithRawResponse,
    Sessions,
    SessionsWithRawResponse,
)

__all__ = ["AsyncIonQ", "IonQ"]


def get_whoami(*, timeout: TimeoutTypes | None = None) -> Call[Whoami]:
    """The API key in use and its project."""
    from ionq_facade._generated.api.whoami import get_whoami as endpoint

    return Call.of(endpoint._get_kwargs(), Whoami._parse, timeout=timeout)


class _ClientBase:
    """What both clients show of themselves; never the API key."""

    _options: ClientOptions

    @property
    def base_url(self) -> str:
        return self._options.base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class IonQ(_ClientBase, SyncResource):
    """A client for the IonQ Quantum Cloud API v0.4.

    `api_key` defaults to `IONQ_API_KEY`; `base_url` to `IONQ_API_URL`, else
    https://api.ionq.co/v0.4 (plain http only to loopback unless `allow_insecure_http`).
    `timeout` (seconds or an `httpx.Timeout`) defaults to 10 s to connect, 60 s to read,
    and 120 s for the whole call; every call also takes its own `timeout=`. A number is a
    deadline: the call (connect, send, headers, body, retries and their waits) ends within
    it, whatever the server does; an `httpx.Timeout` bounds each phase, and the whole call
    then 120 s. Answers over `max_response_bytes` (default 64 MiB) are cut off
    (`ResponseTooLargeError`). `max_retries` (default 2, 0 turns retries
    off) applies to requests that cannot create a job; creating ones carry an
    `Idempotency-Key` and are retried only when they certainly did not reach the server,
    or, once the server has echoed that key (it dedupes), like reads; one that may have
    created its job unanswered raises `JobMayExistError` (see `jobs.reconcile`). `http_client`
    replaces the default `httpx.Client` (and is then not closed by this client). `sleep`
    and `clock` replace `time.sleep` and `time.monotonic` for retries and waits (for
    tests and simulations).
    Use as a context manager, or call `close()`.
    """

    jobs: Jobs
    backends: Backends
    characterizations: Characterizations
    sessions: Sessions

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutTypes | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        allow_insecure_http: bool = False,
        sleep: Callable[[float], object] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        options = resolve_options(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
            http_client=http_client,
            http_client_type=httpx.Client,
        )
        self._options = options
        super().__init__(SyncAPIClient(options, http_client, sleep=sleep, clock=clock))
        self.jobs = Jobs(self._api)
        self.backends = Backends(self._api)
        self.characterizations = Characterizations(self._api)
        self.sessions = Sessions(self._api)

    def whoami(self, *, timeout: TimeoutTypes | None = None) -> Whoami:
        """The API key in use and its project."""
        return run_call(self._api, get_whoami(timeout=timeout))

    @cached_property
    def with_raw_response(self) -> IonQWithRawResponse:
        """Raw-response variants of every single-request call, by namespace."""
        return IonQWithRawResponse(self._api, self)

    def close(self) -> None:
        """Close the HTTP client if this client created it."""
        self._api.close()

    def __enter__(self) -> IonQ:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class IonQWithRawResponse(SyncResource):
    def whoami(self, *, timeout: TimeoutTypes | None = None) -> RawResponse[Whoami]:
        """The API key in use and its project."""
        return run_raw(self._api, get_whoami(timeout=timeout))

    def __init__(self, api: SyncAPIClient, client: IonQ) -> None:
        super().__init__(api)
        self.jobs: JobsWithRawResponse = client.jobs.with_raw_response
        self.backends: BackendsWithRawResponse = client.backends.with_raw_response
        self.characterizations: CharacterizationsWithRawResponse = (
            client.characterizations.with_raw_response
        )
        self.sessions: SessionsWithRawResponse = client.sessions.with_raw_response


class AsyncIonQ(_ClientBase, AsyncResource):
    """The asyncio twin of `IonQ`: the same methods, awaited; `async for` over listings.

    `sleep` is an async callable (default `anyio.sleep`: asyncio or trio, as httpx).
    Use `async with`, or `await close()`.
    """

    jobs: AsyncJobs
    backends: AsyncBackends
    characterizations: AsyncCharacterizations
    sessions: AsyncSessions

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutTypes | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        allow_insecure_http: bool = False,
        sleep: Callable[[float], Awaitable[object]] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        options = resolve_options(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
            http_client=http_client,
            http_client_type=httpx.AsyncClient,
        )
        self._options = options
        super().__init__(AsyncAPIClient(options, http_client, sleep=sleep, clock=clock))
        self.jobs = AsyncJobs(self._api)
        self.backends = AsyncBackends(self._api)
        self.characterizations = AsyncCharacterizations(self._api)
        self.sessions = AsyncSessions(self._api)

    async def whoami(self, *, timeout: TimeoutTypes | None = None) -> Whoami:
        """The API key in use and its project."""
        return await arun_call(self._api, get_whoami(timeout=timeout))

    @cached_property
    def with_raw_response(self) -> AsyncIonQWithRawResponse:
        """Raw-response variants of every single-request call, by namespace."""
        return AsyncIonQWithRawResponse(self._api, self)

    async def close(self) -> None:
        """Close the HTTP client if this client created it."""
        await self._api.close()

    async def __aenter__(self) -> AsyncIonQ:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


class AsyncIonQWithRawResponse(AsyncResource):
    async def whoami(self, *, timeout: TimeoutTypes | None = None) -> RawResponse[Whoami]:
        """The API key in use and its project."""
        return await arun_raw(self._api, get_whoami(timeout=timeout))

    def __init__(self, api: AsyncAPIClient, client: AsyncIonQ) -> None:
        super().__init__(api)
        self.jobs: AsyncJobsWithRawResponse = client.jobs.with_raw_response
        self.backends: AsyncBackendsWithRawResponse = client.backends.with_raw_response
        self.characterizations: AsyncCharacterizationsWithRawResponse = (
            client.characterizations.with_raw_response
        )
        self.sessions: AsyncSessionsWithRawResponse = client.sessions.with_raw_response
