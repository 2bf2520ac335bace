"""Configuration: key and URL from arguments or the environment, TLS-only by default,
timeouts, headers, client ownership, and the key kept out of reprs and logs."""

from __future__ import annotations

import logging

import httpx
import pytest

from ionq_facade import DEFAULT_BASE_URL, ArgumentTypeError, InvalidArgumentError, IonQ

from .conftest import API_KEY, FakeAPI, FakeClock, job_json, make_client, reply


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("IONQ_API_KEY", "IONQ_API_URL", "IONQ_LOG"):
        monkeypatch.delenv(name, raising=False)


def test_key_and_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[httpx.Request] = []
    monkeypatch.setenv("IONQ_API_KEY", "env-key")
    monkeypatch.setenv("IONQ_API_URL", "https://ionq.example/v0.4/")

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return reply(200, {"key_id": "k", "key_name": "n"})

    transport = httpx.MockTransport(answer)
    with IonQ(http_client=httpx.Client(transport=transport)) as client:
        assert client.base_url == "https://ionq.example/v0.4"
        client.whoami()
    assert seen[0].headers["authorization"] == "apiKey env-key"
    assert str(seen[0].url) == "https://ionq.example/v0.4/whoami"


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IONQ_API_URL", "https://other.example")
    with IonQ(api_key="k", base_url="https://api.ionq.co/v0.4") as client:
        assert client.base_url == DEFAULT_BASE_URL


def test_default_base_url() -> None:
    with IonQ(api_key="k") as client:
        assert client.base_url == "https://api.ionq.co/v0.4"


def test_a_missing_key_is_a_clear_error() -> None:
    with pytest.raises(InvalidArgumentError, match="IONQ_API_KEY"):
        IonQ()


@pytest.mark.parametrize("key", ["", " padded", "line\nbreak", "tab\tkey"])
def test_a_malformed_key_is_refused_without_echoing_it(key: str) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        IonQ(api_key=key)
    if key.strip():
        assert key.strip() not in str(info.value)


@pytest.mark.parametrize(
    "url",
    ["http://api.ionq.co/v0.4", "http://10.0.0.5:8000", "http://example.com"],
)
def test_plain_http_is_refused_off_loopback(url: str) -> None:
    with pytest.raises(InvalidArgumentError, match="allow_insecure_http"):
        IonQ(api_key="k", base_url=url)
    with IonQ(api_key="k", base_url=url, allow_insecure_http=True) as client:
        assert client.base_url == url


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000/v0.4", "http://localhost:9000", "http://[::1]:8000"]
)
def test_plain_http_to_loopback_is_fine(url: str) -> None:
    with IonQ(api_key="k", base_url=url) as client:
        assert client.base_url == url


@pytest.mark.parametrize(
    "url", ["ftp://api.ionq.co", "api.ionq.co", "https://user:pw@api.ionq.co", "https://h/x?y=1"]
)
def test_malformed_base_urls(url: str) -> None:
    with pytest.raises(InvalidArgumentError):
        IonQ(api_key="k", base_url=url)


def test_the_key_never_shows_in_reprs(api: FakeAPI, client: IonQ) -> None:
    api.on("GET", "/jobs/job-1", reply(200, job_json()))
    raw = client.jobs.with_raw_response.get("job-1")
    texts = [
        repr(client),
        str(client),
        repr(client._api.options),
        repr(raw),
        repr(raw.http_response.request),
        repr(raw.http_response.request.headers),
        repr(client.jobs),
    ]
    assert all(API_KEY not in t for t in texts)


def test_logs_show_requests_but_never_the_key(
    api: FakeAPI, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    api.on("GET", "/jobs/job-1", reply(503, {}), reply(200, job_json()))
    caplog.set_level(logging.DEBUG, logger="ionq_facade")
    with make_client(api, clock) as client:
        client.jobs.get("job-1")
    messages = [r.getMessage() for r in caplog.records]
    assert any("GET /jobs/job-1 -> 200" in m for m in messages)
    assert any("retry 1 of 2" in m for m in messages)
    assert all(r.name == "ionq_facade" for r in caplog.records)
    assert all(API_KEY not in m for m in messages)


def test_ionq_log_switches_logging_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from ionq_facade import _config

    logger = logging.getLogger("ionq_facade")
    monkeypatch.setattr(_config, "_logging_configured", False)
    monkeypatch.setenv("IONQ_LOG", "debug")
    before = list(logger.handlers)
    try:
        IonQ(api_key="k").close()
        assert logger.level == logging.DEBUG
        assert len(logger.handlers) == len(before) + 1
    finally:
        logger.handlers[:] = before
        logger.setLevel(logging.NOTSET)


def test_default_and_per_call_timeouts(api: FakeAPI, clock: FakeClock) -> None:
    api.on("GET", "/jobs/job-1", reply(200, job_json()))
    with make_client(api, clock) as client:
        client.jobs.get("job-1")
        client.jobs.get("job-1", timeout=5)
    with make_client(api, clock, timeout=httpx.Timeout(3.0, connect=1.0)) as client:
        client.jobs.get("job-1")
    http = httpx.Client(transport=httpx.MockTransport(api), timeout=7.0)
    with IonQ(api_key="k", base_url="https://api.test/v0.4", http_client=http) as client:
        client.jobs.get("job-1")
    timeouts = [r.extensions["timeout"] for r in api.requests]
    assert timeouts[0] == {"connect": 10.0, "read": 60.0, "write": 60.0, "pool": 60.0}
    assert timeouts[1] == {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0}
    assert timeouts[2] == {"connect": 1.0, "read": 3.0, "write": 3.0, "pool": 3.0}
    assert timeouts[3] == {"connect": 7.0, "read": 7.0, "write": 7.0, "pool": 7.0}


def test_default_headers_and_http_client_headers(api: FakeAPI) -> None:
    http = httpx.Client(transport=httpx.MockTransport(api), headers={"X-Trace": "t1"})
    api.on("GET", "/whoami", reply(200, {"key_id": "k", "key_name": "n"}))
    with IonQ(
        api_key="k",
        http_client=http,
        default_headers={"X-Team": "q", "Authorization": "ignored"},
    ) as client:
        client.whoami()
    headers = api.requests[0].headers
    assert headers["x-trace"] == "t1"
    assert headers["x-team"] == "q"
    assert headers["authorization"] == "apiKey k"
    assert headers["user-agent"].startswith("ionq-facade/")
    assert "python-httpx" not in headers["user-agent"]


def test_a_given_http_client_is_not_closed(api: FakeAPI) -> None:
    http = httpx.Client(transport=httpx.MockTransport(api))
    with IonQ(api_key="k", http_client=http):
        pass
    assert not http.is_closed
    client = IonQ(api_key="k")
    owned = client._api.http
    with client:
        pass
    assert owned.is_closed


def test_the_wrong_kind_of_http_client_is_refused() -> None:
    from ionq_facade import AsyncIonQ

    with pytest.raises(ArgumentTypeError):
        IonQ(api_key="k", http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        AsyncIonQ(api_key="k", http_client=httpx.Client())  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [-1, 1.5, True])
def test_max_retries_must_be_a_non_negative_int(bad: object) -> None:
    with pytest.raises(InvalidArgumentError):
        IonQ(api_key="k", max_retries=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "64"])
def test_max_response_bytes_is_a_positive_int(bad: object) -> None:
    with pytest.raises(InvalidArgumentError):
        IonQ(api_key=API_KEY, max_response_bytes=bad)  # type: ignore[arg-type]


def test_a_number_as_timeout_is_the_call_deadline() -> None:
    from ionq_facade import DEFAULT_DEADLINE

    with IonQ(api_key=API_KEY) as default, IonQ(api_key=API_KEY, timeout=7) as seven:
        assert default._options.deadline == DEFAULT_DEADLINE
        assert seven._options.deadline == 7.0
    with IonQ(api_key=API_KEY, timeout=httpx.Timeout(300)) as phases:
        assert phases._options.deadline == DEFAULT_DEADLINE
