"""How interactions are written to and matched against cassettes: one vcrpy setup.

Recording and replaying use the same `cassette_vcr`, so the same hooks run on the way
in (scrubbing, canonical URIs) and the same matchers decide on the way back.

- Secrets: `Authorization` becomes `apiKey REDACTED`; every secret given (the API keys
  used while recording) is replaced by `REDACTED` wherever it appears (URI, headers,
  bodies). Only allowlisted headers are kept, so a header nobody thought of (cookies,
  request ids, dates) never reaches a cassette. `Idempotency-Key` stays out on purpose:
  it is a fresh uuid4 per creating request (and echoed by the emulator), so keeping it
  would make every re-record differ; matching ignores headers anyway.
- Canonical URIs: the emulator's per-run port is rewritten to `EMULATOR_ORIGIN`, so a
  re-record does not differ by port.
- Matching: method, path, query and JSON body; never host, port or headers.
  Query: parameters of different names in any order (HTTP gives that order no
  meaning), but the order of a repeated parameter's values kept (`ids` is a list the
  façade sends in the caller's order; reordering it is a change in what it sends).
  Body: parsed JSON compared with key order ignored but types strict (`true` is not
  `1`, `1` is not `1.0`), so a changed default or type in what the façade sends fails.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import vcr
from vcr.request import Request as VcrRequest

__all__ = [
    "ADMIN_PREFIX",
    "CASSETTE_DIR",
    "EMULATOR_BASE_URL",
    "EMULATOR_ORIGIN",
    "LIVE_BASE_URL",
    "LIVE_DIR",
    "REDACTED",
    "REDACTED_AUTHORIZATION",
    "ROOT",
    "cassette_vcr",
    "json_body_strict",
    "parsed_body",
    "query_in_order",
    "query_lists",
    "request_hook",
    "response_hook",
    "same_json",
    "scrub_text",
]

ROOT: Final = Path(__file__).resolve().parents[2]
CASSETTE_DIR: Final = ROOT / "cassettes"
#: Cassettes recorded against api.ionq.co by `scripts/record_cassettes --live`.
LIVE_DIR: Final = CASSETTE_DIR / "live"

#: Where emulator recordings claim to have gone. Port 1 on loopback: if a replay ever
#: slipped past vcrpy, the request would be refused locally, never reach a network.
EMULATOR_ORIGIN: Final = "http://127.0.0.1:1"
EMULATOR_BASE_URL: Final = EMULATOR_ORIGIN + "/v0.4"
LIVE_BASE_URL: Final = "https://api.ionq.co/v0.4"
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


def request_hook(
    secrets: Sequence[str], origin: str | None
) -> Callable[[VcrRequest], VcrRequest | None]:
    """Applied (by vcrpy, to a copy) before recording and before matching."""

    def hook(request: VcrRequest) -> VcrRequest | None:
        parts = urlsplit(request.uri)
        if parts.path.startswith(ADMIN_PREFIX):
            return None
        if origin is not None:
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


def cassette_vcr(
    *, record_mode: str, secrets: Sequence[str] = (), origin: str | None = EMULATOR_ORIGIN
) -> vcr.VCR:
    """The VCR for recording (`record_mode="all"`) or replaying (`"none"`) a cassette.

    `origin` replaces the scheme/host/port of every URI (None: keep them, for live).
    """
    ordered = sorted({s for s in secrets if s}, key=len, reverse=True)
    recorder = vcr.VCR(
        record_mode=record_mode,
        match_on=("method", "path", "query_in_order", "json_body_strict"),
        before_record_request=request_hook(ordered, origin),
        before_record_response=response_hook(ordered),
        decode_compressed_response=True,
        record_on_exception=True,
    )
    recorder.register_matcher("query_in_order", query_in_order)
    recorder.register_matcher("json_body_strict", json_body_strict)
    return recorder
