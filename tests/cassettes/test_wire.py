"""How cassettes are written and matched: scrubbing, canonical URIs, strict matching."""

from __future__ import annotations

from typing import Any

import pytest
from vcr.request import Request

from ionq_emulator.recording import (
    EMULATOR_ORIGIN,
    REDACTED_AUTHORIZATION,
    json_body_strict,
    query_in_order,
    request_hook,
    response_hook,
    same_json,
)


def request(uri: str, body: bytes = b"", **headers: str) -> Request:
    return Request("POST", uri, body, headers)


def matches(matcher: Any, a: Request, b: Request) -> bool:
    try:
        matcher(a, b)
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, True),
        ({"a": [1, 2]}, {"a": [2, 1]}, False),
        ({"a": True}, {"a": 1}, False),
        ({"a": 0}, {"a": False}, False),
        ({"a": 1}, {"a": 1.0}, False),
        ({"a": None}, {}, False),
        ({"a": {"b": ""}}, {"a": {"b": ""}}, True),
    ],
)
def test_same_json_is_order_insensitive_and_type_strict(a: Any, b: Any, same: bool) -> None:
    assert same_json(a, b) is same


def test_body_matching() -> None:
    uri = "http://127.0.0.1:1/v0.4/jobs"
    recorded = request(uri, b'{"name":"x","shots":1}')
    assert matches(json_body_strict, request(uri, b'{"shots": 1, "name": "x"}'), recorded)
    assert not matches(json_body_strict, request(uri, b'{"name":"x","shots":1.0}'), recorded)
    assert not matches(json_body_strict, request(uri, b'{"name":"x"}'), recorded)
    assert not matches(json_body_strict, request(uri, b'{"name":"x","shots":1,"a":0}'), recorded)
    assert matches(json_body_strict, request(uri), request(uri))
    assert not matches(json_body_strict, request(uri, b"not json"), request(uri, b"other"))


def test_query_matching_keeps_the_order_of_repeated_values_only() -> None:
    base = "http://127.0.0.1:1/v0.4/jobs"
    recorded = request(f"{base}?ids=a&ids=b&limit=2")
    assert matches(query_in_order, request(f"{base}?limit=2&ids=a&ids=b"), recorded)
    assert not matches(query_in_order, request(f"{base}?ids=b&ids=a&limit=2"), recorded)
    assert not matches(query_in_order, request(f"{base}?ids=a&limit=2"), recorded)
    assert not matches(query_in_order, request(f"{base}?ids=a&ids=b&limit=2&x="), recorded)


def test_requests_are_canonical_and_scrubbed() -> None:
    hook = request_hook(["s3cret-key"], EMULATOR_ORIGIN)
    sent = request(
        "http://127.0.0.1:48213/v0.4/jobs?x=s3cret-key",
        b'{"name":"s3cret-key"}',
        Authorization="apiKey s3cret-key",
        Host="127.0.0.1:48213",
        **{"User-Agent": "ionq-facade/0.1.0 httpx/0.28.1", "Content-Type": "application/json"},
    )
    kept = hook(sent)
    assert kept is not None
    assert kept.uri == "http://127.0.0.1:1/v0.4/jobs?x=REDACTED"
    assert dict(kept.headers) == {
        "authorization": REDACTED_AUTHORIZATION,
        "content-type": "application/json",
    }
    assert kept.body == b'{"name":"REDACTED"}'


def test_emulator_controls_are_never_recorded() -> None:
    hook = request_hook([], EMULATOR_ORIGIN)
    assert hook(request("http://127.0.0.1:48213/_emulator/advance")) is None


def test_live_uris_are_kept() -> None:
    hook = request_hook([], None)
    kept = hook(request("https://api.ionq.co/v0.4/jobs"))
    assert kept is not None
    assert kept.uri == "https://api.ionq.co/v0.4/jobs"


def test_responses_keep_only_what_replay_needs() -> None:
    hook = response_hook(["s3cret-key"])
    response = hook(
        {
            "status": {"code": 429, "message": "Too Many Requests"},
            "headers": {
                "Content-Type": ["application/json"],
                "Retry-After": ["3"],
                "Date": ["Mon, 16 Jun 2025 00:00:00 GMT"],
                "Server": ["uvicorn"],
                "Set-Cookie": ["s=s3cret-key"],
            },
            "body": {"string": b'{"echo":"s3cret-key"}'},
        }
    )
    assert response["headers"] == {"content-type": ["application/json"], "retry-after": ["3"]}
    assert response["body"]["string"] == b'{"echo":"REDACTED"}'
