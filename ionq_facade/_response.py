"""Raw access to a response: `client.jobs.with_raw_response.get(...)` and friends."""

from __future__ import annotations

import json
from typing import Generic, TypeVar

import httpx

from ._flow import Call
from ._transport import parse_response

__all__ = ["RawResponse"]

T = TypeVar("T")


class RawResponse(Generic[T]):
    """A 2xx response as received, and `parse()` for the value the plain call returns.

    Non-2xx answers still raise the typed `APIStatusError`, which carries the response.
    """

    __slots__ = ("_call", "_parsed", "http_response")

    http_response: httpx.Response

    def __init__(self, call: Call[T], response: httpx.Response) -> None:
        self._call = call
        self._parsed: tuple[T] | None = None
        self.http_response = response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The server's `x-request-id`, to quote when asking IonQ about a request."""
        request_id: str | None = self.http_response.headers.get("x-request-id")
        return request_id

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    def json(self) -> object:
        """The body decoded as JSON (narrow it before use; `parse()` gives it typed)."""
        return json.loads(self.http_response.content)

    def parse(self) -> T:
        """The typed value (parsed once); `APIResponseValidationError` if it does not parse."""
        if self._parsed is None:
            self._parsed = (parse_response(self._call, self.http_response),)
        return self._parsed[0]

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {self._call.method} {self._call.path}>"
