"""Job listings that follow the `next` cursor lazily, one page in memory at a time; their
filters are generated from the list operations' query parameters (`_generated.filters`)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

from ionq_facade._generated.filters import JobFilters, SessionJobFilters

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._errors import APIResponseValidationError
from ._flow import Call
from ._models import Job, JobPage
from ._transport import call_flow

__all__ = ["AsyncJobPager", "JobFilters", "JobPager", "PageCall", "SessionJobFilters"]


# Builds the request for the page after `cursor` (None: the first page).
PageCall = Callable[[str | None], Call[JobPage]]


class CursorTrail:
    """The cursors followed so far in one listing.

    A server that hands out a cursor it gave before (A -> B -> A ...) would otherwise
    make the listing loop forever; that is a malformed answer, not a reason to hang.
    """

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def follow(self, page: JobPage) -> str | None:
        """The cursor of the page after `page`, or None at the end."""
        cursor = page.next
        if cursor is None:
            return None
        if cursor in self._seen:
            raise APIResponseValidationError(
                f"the server returned page cursor {cursor!r} a second time; stopping",
                body=cursor.encode(),
            )
        self._seen.add(cursor)
        return cursor


class JobPager:
    """Iterate for every `Job` across pages; `pages()` or `first_page()` for pages."""

    __slots__ = ("_api", "_page_call")

    def __init__(self, api: SyncAPIClient, page_call: PageCall) -> None:
        self._api = api
        self._page_call = page_call

    def first_page(self) -> JobPage:
        return self._fetch(None)

    def pages(self) -> Iterator[JobPage]:
        trail = CursorTrail()
        cursor: str | None = None
        while True:
            page = self._fetch(cursor)
            yield page
            cursor = trail.follow(page)
            if cursor is None:
                return

    def __iter__(self) -> Iterator[Job]:
        for page in self.pages():
            yield from page.jobs

    def _fetch(self, cursor: str | None) -> JobPage:
        return self._api.run(call_flow(self._api.options, self._page_call(cursor)))


class AsyncJobPager:
    """`async for` every `Job` across pages; `pages()` or `await first_page()` for pages."""

    __slots__ = ("_api", "_page_call")

    def __init__(self, api: AsyncAPIClient, page_call: PageCall) -> None:
        self._api = api
        self._page_call = page_call

    async def first_page(self) -> JobPage:
        return await self._fetch(None)

    async def pages(self) -> AsyncIterator[JobPage]:
        trail = CursorTrail()
        cursor: str | None = None
        while True:
            page = await self._fetch(cursor)
            yield page
            cursor = trail.follow(page)
            if cursor is None:
                return

    async def __aiter__(self) -> AsyncIterator[Job]:
        async for page in self.pages():
            for job in page.jobs:
                yield job

    async def _fetch(self, cursor: str | None) -> JobPage:
        return await self._api.run(call_flow(self._api.options, self._page_call(cursor)))
