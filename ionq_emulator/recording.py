"""Recording HTTP traffic to IonQ (the emulator, or the live API) with vcrpy, safely.

One configuration, for vcrpy (``cassette_vcr``) and pytest-recording (``vcr_config``):

- Secrets: ``Authorization`` becomes ``apiKey REDACTED``; every secret given (the API keys
  used while recording; by default the emulator's test key and ``IONQ_API_KEY``) is
  replaced by ``REDACTED`` wherever it appears (URI, headers, bodies). Only allowlisted
  headers are kept, so a header nobody thought of (cookies, request ids, dates) never
  reaches a cassette. ``Idempotency-Key`` stays out on purpose: a fresh uuid4 per
  creating request (echoed by the emulator), it would make every re-record differ, and
  matching ignores headers anyway.
- A port-free origin: a loopback origin (the emulator's per-run port) is recorded as
  ``EMULATOR_ORIGIN``, so a cassette does not depend on the port it was recorded on;
  other origins (https://api.ionq.co) are kept. Controls under ``/_emulator`` are never
  recorded.
- Matching: method, path, query and JSON body; never host, port or headers, so a replay
  works against any port, or none. Query: parameters of different names in any order
  (HTTP gives that order no meaning), but the order of a repeated parameter's values
  kept (``ids`` is a list sent in the caller's order). Body: parsed JSON compared with
  key order ignored but types strict (``true`` is not ``1``, ``1`` is not ``1.0``), so a
  changed default or type in what the code sends fails the replay.

vcrpy is not a dependency of this package: install it (or pytest-recording) to record.
"""

from __future__ import annotations

import ipaddress
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import parse_qsl, urlsplit, urlunsplit

if TYPE_CHECKING:
    import vcr
    from vcr.request import Request as VcrRequest

__all__ = [
    "ADMIN_PREFIX",
    "EMULATOR_BASE_URL",
    "EMULATOR_ORIGIN",
    "MATCHERS",
    "MATCH_ON",
    "REDACTED",
    "REDACTED_AUTHORIZATION",
    "cassette_vcr",
    "default_secrets",
    "json_body_strict",
    "parsed_body",
    "query_in_order",
    "query_lists",
    "register_matchers",
    "request_hook",
    "response_hook",
    "same_json",
    "scrub_text",
    "vcr_config",
]

#: Where loopback recordings claim to have gone. Port 1 on loopback: if a replay ever
#: slipped past vcrpy, the request would be refused locally, never reach a network.
EMULATOR_ORIGIN: Final = "http://127.0.0.1:1"
EMULATOR_BASE_URL: Final = EMULATOR_ORIGIN + "/v0.4"
#: The emulator's test controls: never API traffic, never recorded.
ADMIN_PREFIX: Final = "/_emulator"

REDACTED: Final = "REDACTED"
REDACTED_AUTHORIZATION: Final = "apiKey " + REDACTED
_REQUEST_HEADERS: Final = frozenset({"accept", "content-type", "authorization"})
_RESPONSE_HEADERS: Final = frozenset({"content-type", "retry-after"})


def scrub_text(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret (and its JSON-escaped forms) replaced by `REDACTED`."""
    for secret in secrets:
        for form in {secret, json.dumps(secret)[1:-1], secret.replace("/", "\\/")}:
            text = text.replace(form, REDACTED)
    return text


def _scrub_body(body: bytes | str | None, secrets: Sequence[str]) -> bytes | str | None:
    if isinstance(body, bytes):
        try:
            return scrub_text(body.decode("utf-8"), secrets).encode("utf-8")
        except UnicodeDecodeError:
            return body
    if isinstance(body, str):
        return scrub_text(body, secrets)
    return body


def _is_loopback(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def request_hook(
    secrets: Sequence[str], origin: str | None = EMULATOR_ORIGIN
) -> Callable[[VcrRequest], VcrRequest | None]:
    """Applied (by vcrpy, to a copy) before recording and before matching: drops emulator
    controls, puts ``origin`` in place of a loopback origin (None: keep it), scrubs."""

    def hook(request: VcrRequest) -> VcrRequest | None:
        parts = urlsplit(request.uri)
        if parts.path.startswith(ADMIN_PREFIX):
            return None
        if origin is not None and _is_loopback(parts.hostname):
            canonical = urlsplit(origin)
            parts = parts._replace(scheme=canonical.scheme, netloc=canonical.netloc)
        request.uri = scrub_text(urlunsplit(parts), secrets)
        kept: dict[str, str] = {}
        for name, value in request.headers.items():
            lowered = name.lower()
            if lowered == "authorization":
                kept[lowered] = REDACTED_AUTHORIZATION
            elif lowered in _REQUEST_HEADERS:
                kept[lowered] = scrub_text(str(value), secrets)
        request.headers = kept
        request.body = _scrub_body(request.body, secrets)
        return request

    return hook


def response_hook(secrets: Sequence[str]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def hook(response: dict[str, Any]) -> dict[str, Any]:
        headers: Mapping[str, list[str]] = response["headers"]
        response["headers"] = {
            name.lower(): [scrub_text(v, secrets) for v in values]
            for name, values in headers.items()
            if name.lower() in _RESPONSE_HEADERS
        }
        body = response["body"]
        body["string"] = _scrub_body(body["string"], secrets)
        return response

    return hook


def query_lists(request: VcrRequest) -> dict[str, list[str]]:
    """The query as name -> values, values in the order sent."""
    grouped: dict[str, list[str]] = {}
    for name, value in parse_qsl(urlsplit(request.uri).query, keep_blank_values=True):
        grouped.setdefault(name, []).append(value)
    return grouped


def query_in_order(r1: VcrRequest, r2: VcrRequest) -> None:
    q1, q2 = query_lists(r1), query_lists(r2)
    if q1 != q2:
        raise AssertionError(f"query {q1} != recorded {q2}")


def same_json(a: object, b: object) -> bool:
    """JSON equality with key order ignored and types strict (bool, int, float apart)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    return a == b


_NOT_JSON: Final = object()


def parsed_body(request: VcrRequest) -> object:
    """The request body parsed as JSON; None when empty; `_NOT_JSON` when it is not JSON."""
    body = request.body
    raw = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    if raw is None or raw == "":
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return _NOT_JSON


def json_body_strict(r1: VcrRequest, r2: VcrRequest) -> None:
    b1, b2 = parsed_body(r1), parsed_body(r2)
    if b1 is _NOT_JSON or b2 is _NOT_JSON:
        if r1.body != r2.body:
            raise AssertionError(f"body {r1.body!r} != recorded {r2.body!r}")
        return
    if not same_json(b1, b2):
        sent, recorded = (json.dumps(b, sort_keys=True) for b in (b1, b2))
        raise AssertionError(f"JSON body {sent} != recorded {recorded}")


#: Our matchers, by the names ``MATCH_ON`` uses (vcrpy knows matchers by name only).
MATCHERS: Final[Mapping[str, Callable[[VcrRequest, VcrRequest], None]]] = {
    "ionq_query": query_in_order,
    "ionq_json_body": json_body_strict,
}
MATCH_ON: Final = ("method", "path", "ionq_query", "ionq_json_body")


def default_secrets() -> tuple[str, ...]:
    """The emulator's test key, and ``IONQ_API_KEY`` when set."""
    from ionq_emulator.testing import TEST_API_KEY

    live = os.environ.get("IONQ_API_KEY", "").strip()
    return (TEST_API_KEY, live) if live else (TEST_API_KEY,)


def vcr_config(
    *,
    secrets: Iterable[str] | None = None,
    origin: str | None = EMULATOR_ORIGIN,
    **options: Any,
) -> dict[str, Any]:
    """Keyword arguments for ``vcr.VCR`` (or pytest-recording's ``vcr_config`` fixture).

    ``secrets``: strings scrubbed from everything recorded (default
    ``default_secrets()``); ``origin`` replaces loopback origins (None: keep them).
    ``options`` (``record_mode``, ``cassette_library_dir``, ...) are added as given. The
    matchers ``MATCH_ON`` names must be registered on the VCR: ``register_matchers``
    (the pytest plugin does it for pytest-recording), or use ``cassette_vcr``.
    """
    chosen = default_secrets() if secrets is None else tuple(secrets)
    ordered = sorted({s for s in chosen if s}, key=len, reverse=True)
    return {
        "match_on": MATCH_ON,
        "before_record_request": request_hook(ordered, origin),
        "before_record_response": response_hook(ordered),
        "decode_compressed_response": True,
        **options,
    }


def register_matchers(recorder: vcr.VCR) -> vcr.VCR:
    """Register ``MATCHERS`` on ``recorder`` (what ``vcr_config``'s ``match_on`` names)."""
    for name, matcher in MATCHERS.items():
        recorder.register_matcher(name, matcher)
    return recorder


def cassette_vcr(
    *,
    record_mode: str = "once",
    secrets: Iterable[str] | None = None,
    origin: str | None = EMULATOR_ORIGIN,
    **options: Any,
) -> vcr.VCR:
    """A VCR recording (``record_mode="all"``, or ``"once"``: when the cassette is
    missing) or replaying (``"none"``) with this module's configuration."""
    import vcr

    config = vcr_config(secrets=secrets, origin=origin, record_mode=record_mode, **options)
    return register_matchers(vcr.VCR(**config))
