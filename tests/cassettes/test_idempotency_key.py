"""The random Idempotency-Key never reaches a cassette, so re-recording stays stable."""

from __future__ import annotations

from vcr.request import Request

from ionq_emulator.recording import request_hook, response_hook

from .paths import CASSETTE_DIR

KEY = "0b6f4c6e-8d7e-4c1a-9a57-3f1f2d9c1e55"


def test_the_key_is_dropped_from_requests_and_responses() -> None:
    sent = Request(
        "POST",
        "http://127.0.0.1:5555/v0.4/jobs",
        b"{}",
        {"Idempotency-Key": KEY, "Content-Type": "application/json"},
    )
    recorded = request_hook([], "http://127.0.0.1:1")(sent)
    assert recorded is not None
    assert recorded.headers == {"content-type": "application/json"}
    answer = {
        "headers": {"Idempotency-Key": [KEY], "Content-Type": ["application/json"]},
        "body": {"string": b"{}"},
    }
    assert response_hook([])(answer)["headers"] == {"content-type": ["application/json"]}


def test_no_cassette_holds_a_key() -> None:
    cassettes = sorted(CASSETTE_DIR.rglob("*.yaml"))
    assert cassettes
    for path in cassettes:
        assert "idempotency-key" not in path.read_text(encoding="utf-8").lower(), path
