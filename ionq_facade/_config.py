"""Client configuration: API key, base URL, timeouts and deadline, size cap, headers, logging.

Resolved once when a client is built, from arguments first and the environment second
(`IONQ_API_KEY`, `IONQ_API_URL`, `IONQ_LOG`). The key is kept out of every repr.
"""

from __future__ import annotations

import contextvars
import ipaddress
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, TypeAlias
from urllib.parse import urlsplit

import httpx

from ._errors import ArgumentTypeError, InvalidArgumentError, register_secret
from ._retry import KeyEcho, RetryPolicy
from ._version import __version__

__all__ = [
    "DEADLINE",
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "ClientOptions",
    "TimeoutTypes",
    "call_deadline",
    "resolve_options",
    "to_timeout",
]

DEFAULT_BASE_URL: Final = "https://api.ionq.co/v0.4"
# Connecting should be quick; reading may wait on a busy server.
DEFAULT_TIMEOUT: Final = httpx.Timeout(60.0, connect=10.0)
DEFAULT_MAX_RETRIES: Final = 2
# The whole of a call (connect, send, headers, body, retries and their waits) ends within
# this many seconds, unless its timeout is a number (then that number is its deadline).
DEFAULT_DEADLINE: Final = 120.0
# The largest answer read. The largest legitimate one is a result: a distribution of
# 1,000,000 shots (the contract's maximum) has at most that many entries of ~25 bytes,
# about 25 MB; a 1,000-job page is about 1 MB.
DEFAULT_MAX_RESPONSE_BYTES: Final = 64 * 1024 * 1024

TimeoutTypes: TypeAlias = float | httpx.Timeout

logger = logging.getLogger("ionq_facade")


@dataclass(frozen=True, slots=True)
class ClientOptions:
    """Everything a client needs to send a request; built by `resolve_options`.

    `key_echo` is the one mutable part: what the client learned of its server.
    """

    base_url: str
    timeout: dict[str, float | None]
    retry: RetryPolicy
    headers: Mapping[str, str] = field(repr=False)
    deadline: float = DEFAULT_DEADLINE
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    key_echo: KeyEcho = field(default_factory=KeyEcho, repr=False, compare=False)

    def __repr__(self) -> str:
        return f"ClientOptions(base_url={self.base_url!r}, max_retries={self.retry.max_retries})"


def resolve_options(
    *,
    api_key: str | None,
    base_url: str | None,
    timeout: TimeoutTypes | None,
    max_retries: int,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    default_headers: Mapping[str, str] | None,
    allow_insecure_http: bool,
    http_client: httpx.Client | httpx.AsyncClient | None,
    http_client_type: type[httpx.Client] | type[httpx.AsyncClient],
) -> ClientOptions:
    """Check and combine the constructor arguments with the environment."""
    _setup_logging()
    if http_client is not None and not isinstance(http_client, http_client_type):
        raise ArgumentTypeError(
            f"http_client must be an httpx.{http_client_type.__name__}, "
            f"not {type(http_client).__name__}"
        )
    if isinstance(http_client, httpx.Client) and not isinstance(
        getattr(http_client, "_transport", None), httpx.BaseTransport
    ):
        # Else the first request dies with a bare AttributeError (no handle_request).
        raise ArgumentTypeError(
            "http_client has an async-only transport (such as httpx.ASGITransport): use "
            "AsyncIonQ with an httpx.AsyncClient, or a sync transport over the app "
            "(ionq_emulator.inprocess.SyncASGITransport, starlette's TestClient)"
        )
    key = api_key if api_key is not None else os.environ.get("IONQ_API_KEY")
    if key is None or key == "":
        raise InvalidArgumentError(
            "no API key: pass api_key=... or set the IONQ_API_KEY environment variable"
        )
    if not isinstance(key, str):
        raise ArgumentTypeError(f"api_key must be a str, not {type(key).__name__}")
    if not key.isprintable() or key != key.strip():
        # Never echo the key: it may be a real secret with a stray newline.
        raise InvalidArgumentError("api_key contains whitespace or control characters")
    register_secret(key)
    url = base_url if base_url is not None else os.environ.get("IONQ_API_URL") or DEFAULT_BASE_URL
    url = check_base_url(url, allow_insecure_http=allow_insecure_http)
    if type(max_retries) is not int or max_retries < 0:
        raise InvalidArgumentError(f"max_retries must be an int >= 0, not {max_retries!r}")
    if type(max_response_bytes) is not int or max_response_bytes < 1:
        raise InvalidArgumentError(
            f"max_response_bytes must be an int >= 1, not {max_response_bytes!r}"
        )
    if timeout is None:
        # A given client's own timeout counts only if it was set (not httpx's 5 s default).
        custom = http_client is not None and http_client.timeout != httpx.Timeout(5.0)
        timeout = http_client.timeout if custom and http_client is not None else DEFAULT_TIMEOUT
    # Case-insensitive merge: the http_client's own headers, ours, the caller's, the key.
    headers = httpx.Headers(http_client.headers if http_client is not None else None)
    headers["Accept"] = "application/json"
    headers["User-Agent"] = f"ionq-facade/{__version__} httpx/{httpx.__version__}"
    for name, value in (default_headers or {}).items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise ArgumentTypeError("default_headers must map str to str")
        headers[name] = value
    headers["Authorization"] = f"apiKey {key}"
    return ClientOptions(
        base_url=url,
        timeout=to_timeout(timeout),
        retry=RetryPolicy(max_retries=max_retries),
        headers=dict(headers.items()),
        deadline=call_deadline(timeout, DEFAULT_DEADLINE),
        max_response_bytes=max_response_bytes,
    )


def to_timeout(timeout: TimeoutTypes) -> dict[str, float | None]:
    """A timeout in the form httpx reads from a request's extensions."""
    if isinstance(timeout, httpx.Timeout):
        return timeout.as_dict()
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise InvalidArgumentError(
            f"timeout must be a positive number of seconds or an httpx.Timeout, not {timeout!r}"
        )
    return httpx.Timeout(float(timeout)).as_dict()


# The current call's deadline (an absolute `time.monotonic()`), set by the drivers around
# each request and read at the socket by ._deadline's streams. Here, not there, so that a
# request through a given `http_client` does not import httpcore.
DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "ionq_facade_deadline", default=None
)


def call_deadline(timeout: TimeoutTypes, default: float) -> float:
    """The deadline of a call with this timeout: a number bounds the whole call; an
    `httpx.Timeout` bounds each phase, and the call gets `default`."""
    return default if isinstance(timeout, httpx.Timeout) else float(timeout)


def check_base_url(url: str, *, allow_insecure_http: bool) -> str:
    """`url` without a trailing slash; plain http only to loopback unless allowed."""
    if not isinstance(url, str):
        raise ArgumentTypeError(f"base_url must be a str, not {type(url).__name__}")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidArgumentError(f"base_url must be an http(s) URL, not {url!r}")
    if parts.username or parts.password:
        raise InvalidArgumentError("base_url must not contain credentials")
    if parts.query or parts.fragment:
        raise InvalidArgumentError(f"base_url must not have a query or fragment: {url!r}")
    if parts.scheme == "http" and not allow_insecure_http and not _is_loopback(parts.hostname):
        raise InvalidArgumentError(
            f"refusing plain http to {parts.hostname}: the API key would travel unencrypted; "
            "use https, or pass allow_insecure_http=True"
        )
    return url.rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_logging_configured = False


def _setup_logging() -> None:
    """Honour IONQ_LOG=debug|info once: a stderr handler on the `ionq_facade` logger."""
    global _logging_configured
    if _logging_configured:
        return
    _logging_configured = True
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(
        os.environ.get("IONQ_LOG", "").strip().lower()
    )
    if level is None:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
