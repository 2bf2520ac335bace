"""No cassette holds anything that looks like an API key.

Every cassette file is scanned as text: each `authorization` header must be the
placeholder, no `apiKey <token>` other than the placeholder may appear anywhere, the
keys used while recording (and `IONQ_API_KEY`, when set) must not appear, and no long
key-shaped token may appear at all (ids are UUIDs, which are recognised and allowed).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Final

import httpx
import pytest
import yaml

from .stage import OTHER_KEY, RECORDING_KEY
from .wire import CASSETTE_DIR, REDACTED_AUTHORIZATION, cassette_vcr

CASSETTE_FILES = sorted(CASSETTE_DIR.rglob("*.yaml"))
# Key-shaped: 32+ characters of letters, digits, '-', '_', '+', '='; dotted names
# (`ionq.result.probabilities.json.v1`) and paths are separated at '.' and '/'.
_TOKEN: Final = re.compile(r"[A-Za-z0-9_\-+=]{32,}")
_UUID: Final = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_API_KEY_HEADER: Final = re.compile(r"apiKey\s+([^\s'\",}]+)", re.IGNORECASE)


def known_keys() -> list[str]:
    keys = [RECORDING_KEY, OTHER_KEY]
    live = os.environ.get("IONQ_API_KEY", "").strip()
    return [*keys, live] if live else keys


def key_like(text: str) -> list[str]:
    """Long tokens mixing letters and digits that are not (made of) UUIDs."""
    found = []
    for token in _TOKEN.findall(text):
        rest = _UUID.sub("", token)
        if (
            len(rest) >= 32
            and re.search(r"[A-Za-z]", rest)
            and re.search(r"[0-9]", rest)
        ):
            found.append(token)
    return found


def secret_problems(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    problems = [f"a recording key appears in {path.name}" for key in known_keys() if key in text]
    for match in _API_KEY_HEADER.finditer(text):
        if match.group(1) != "REDACTED":
            problems.append(f"{path.name}: unscrubbed `apiKey {match.group(1)[:4]}...`")
    problems += [f"{path.name}: key-like token {t[:6]}..." for t in key_like(text)]
    data = yaml.safe_load(text)
    for index, interaction in enumerate(data.get("interactions", [])):
        headers = {k.lower(): v for k, v in interaction["request"]["headers"].items()}
        if headers.get("authorization") != [REDACTED_AUTHORIZATION]:
            problems.append(f"{path.name} #{index}: authorization is not the placeholder")
    return problems


@pytest.mark.parametrize("path", CASSETTE_FILES, ids=lambda p: str(p.relative_to(CASSETTE_DIR)))
def test_cassette_holds_no_secret(path: Path) -> None:
    assert secret_problems(path) == []


def test_the_scan_notices_key_like_text() -> None:
    assert key_like("job 38320f79-dcd2-439b-875c-c1917c338fc5 done") == []
    assert key_like("/v0.4/jobs/38320f79-dcd2-439b-875c-c1917c338fc5/results/probabilities") == []
    assert key_like("key: 9fK2mQ7xL4pZ8wR1tY6uV3nB5cD0eG2hJ") != []
    assert key_like(RECORDING_KEY) != []
    assert key_like(OTHER_KEY) != []


def test_recording_scrubs_keys_everywhere(tmp_path: Path) -> None:
    """A server echoing the key (in a body, a header, JSON-escaped): nothing reaches disk."""
    key = "sk/live+7h3K9pQ2wX8vB4nM6tR1yZ5cL0aS=="
    escaped = '"sk\\/live+7h3K9pQ2wX8vB4nM6tR1yZ5cL0aS=="'  # as some JSON encoders write '/'

    def echo(request: httpx.Request) -> httpx.Response:
        body = f'{{"you_sent": "{request.headers["authorization"]}", "again": {escaped}}}'
        return httpx.Response(
            200,
            content=body.encode(),
            headers={
                "content-type": "application/json",
                "x-echo": key,
                "set-cookie": f"session={key}",
            },
        )

    path = tmp_path / "echo.yaml"
    with cassette_vcr(record_mode="all", secrets=[key]).use_cassette(str(path)), httpx.Client(
        transport=httpx.MockTransport(echo)
    ) as http:
        http.post(
            f"http://127.0.0.1:5/v0.4/jobs?token={key}",
            json={"name": key},
            headers={"authorization": f"apiKey {key}", "x-api-key": key},
        )
    text = path.read_text(encoding="utf-8")
    assert "7h3K9pQ2wX8vB4nM6tR1yZ5cL0aS" not in text
    for header in ("x-echo", "set-cookie", "x-api-key"):
        assert header not in text
    assert "http://127.0.0.1:1/v0.4/jobs?token=REDACTED" in text
    assert secret_problems(path) == []


def test_the_scan_notices_an_unscrubbed_cassette(tmp_path: Path) -> None:
    leaked = {
        "version": 1,
        "interactions": [
            {
                "request": {
                    "method": "GET",
                    "uri": "http://127.0.0.1:1/v0.4/whoami",
                    "body": "",
                    "headers": {"authorization": ["apiKey hunter2"]},
                },
                "response": {"status": {"code": 200}, "headers": {}, "body": {"string": "{}"}},
            }
        ],
    }
    path = tmp_path / "leaked.yaml"
    path.write_text(yaml.safe_dump(leaked), encoding="utf-8")
    problems = secret_problems(path)
    assert any("unscrubbed" in p for p in problems)
    assert any("placeholder" in p for p in problems)
