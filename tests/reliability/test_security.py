"""5. Security: the key never leaks; plain http refused; TLS verified; the emulator guards.

- The API key never appears in cassettes, debug logs (every logger, and the `IONQ_LOG=debug`
  handler), reprs, or exception messages and tracebacks: every operation is run with a
  known key against the emulator, against error answers and against dead and silent
  servers, and everything produced is searched for the key and for `apiKey <token>`.
- The façade refuses `http://` to a non-loopback host unless `allow_insecure_http=True`.
- TLS verification is on by default: a server with a self-signed certificate is refused
  (and accepted once its certificate is trusted, so the refusal is the verification).
- The emulator refuses requests without a key where the contract requires one, and
  answers 404 for another project's jobs and sessions, leaving them untouched.
"""

from __future__ import annotations

import http.server
import importlib
import ipaddress
import json
import logging
import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import TEST_API_KEY, emulator_server
from ionq_facade import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncIonQ,
    AuthenticationError,
    Circuit,
    InvalidArgumentError,
    IonQ,
    IonQError,
    JobStatus,
    NotFoundError,
    _config,
)

from .figures import FIGURES
from .operations import OPERATIONS, Ids, capture_answers, consume

ROOT = Path(__file__).resolve().parents[2]
SECRET = "sk-live-RELIABILITY-7Q2w9E4r6T1y3U8i"
BELL = Circuit(2).h(0).cnot(0, 1)
# `apiKey <token>` anywhere; the placeholder and prose such as `apiKey <key>` are fine.
AUTH_VALUE = re.compile(r"(?i)\bapikey\s+([^\s'\"`,;}\]<>]+)")
PLACEHOLDERS = {"REDACTED"}
# Key-shaped: 32+ letters/digits/-_+=/ mixing letters and digits, once UUIDs are removed.
TOKEN = re.compile(r"[A-Za-z0-9_\-+=/]{32,}")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

SCANNED: Counter[str] = Counter()


def known_keys() -> list[str]:
    """Every key the test suites use, and the live key when one is configured."""
    keys = [SECRET, TEST_API_KEY]
    for module, names in (
        ("tests.facade.conftest", ("API_KEY",)),
        ("tests.cassettes.stage", ("RECORDING_KEY", "OTHER_KEY")),
    ):
        try:
            loaded = importlib.import_module(module)
        except ImportError:  # another suite not present in this checkout
            continue
        keys += [getattr(loaded, name) for name in names if hasattr(loaded, name)]
    live = os.environ.get("IONQ_API_KEY", "").strip()
    return [k for k in [*keys, live] if k]


def leaks(text: str, *, key_shaped: bool = False) -> list[str]:
    """What in `text` looks like a key (shown truncated, never in full)."""
    found = [f"known key {k[:4]}..." for k in known_keys() if k in text]
    found += [
        f"apiKey {m.group(1)[:4]}..."
        for m in AUTH_VALUE.finditer(text)
        if m.group(1) not in PLACEHOLDERS
    ]
    if key_shaped:
        for token in TOKEN.findall(text):
            rest = UUID.sub("", token)
            if len(rest) >= 32 and re.search("[A-Za-z]", rest) and re.search("[0-9]", rest):
                found.append(f"key-shaped token {token[:4]}...")
    return found


def test_the_leak_finder_finds_leaks() -> None:
    assert leaks(f"boom {SECRET} boom")
    assert leaks("headers:\n  authorization:\n  - apiKey zzTOPsecret\n")
    assert leaks('{"Authorization": "apiKey abc"}')
    assert leaks("x" * 10 + "Zq8Lr2Vt6Wx0Yb4Nc7Md1Kf5Jg9Hh3Pp9", key_shaped=True)
    assert not leaks("authorization:\n  - apiKey REDACTED\n")
    assert not leaks("send `Authorization: apiKey <key>`; no API key given")
    assert not leaks(
        "/v0.4/jobs/6d4b9adb-ebcd-4f5e-89c1-8070b6d13089/results ionq.result.probabilities",
        key_shaped=True,
    )


# -- cassettes --------------------------------------------------------------------------------


def test_no_key_in_cassettes() -> None:
    files = sorted(p for p in (ROOT / "cassettes").rglob("*") if p.is_file())
    if not files:
        pytest.skip("no cassettes recorded in this checkout")
    problems = {
        str(p.relative_to(ROOT)): found
        for p in files
        if (found := leaks(p.read_text(encoding="utf-8", errors="replace"), key_shaped=True))
    }
    SCANNED["cassette files"] = len(files)
    record_security_figures()
    assert not problems, problems


# -- logs, reprs and exception messages ---------------------------------------------------------


class Texts:
    """Everything the façade produced that a user might print, log or send on."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, kind: str, text: str) -> None:
        self.items.append((kind, text))

    def value(self, value: object) -> None:
        self.add("repr", repr(value))
        self.add("repr", str(value))

    def error(self, error: BaseException) -> None:
        self.add("exception", str(error))
        self.add("exception", repr(error))
        self.add("exception", repr(error.args))
        self.add("exception", "".join(traceback.format_exception(error)))
        request = getattr(error, "request", None)
        if isinstance(request, httpx.Request):
            self.add("repr", repr(request))
            self.add("repr", repr(request.headers))  # httpx masks authorization

    def run(self, action: Callable[[], object]) -> None:
        try:
            self.value(consume(action()))
        except IonQError as exc:
            self.error(exc)


def answering(status: int, body: bytes, **headers: str) -> httpx.MockTransport:
    return httpx.MockTransport(
        lambda request: httpx.Response(status, content=body, headers=headers)
    )


@contextmanager
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    try:
        yield sock.getsockname()[1]
    finally:
        sock.close()


def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port: int = sock.getsockname()[1]
    sock.close()
    return port


def exercise(texts: Texts, ids: Ids) -> None:
    """Error paths: every documented error status and some that are not, retried
    statuses, a dead port, a silent server, bad keys; sync and async."""
    error_body = json.dumps({"error": "Bad", "message": "nope", "statusCode": 400}).encode()
    for status in (400, 401, 403, 404, 409, 413, 418, 429, 500, 502, 503, 520):
        for name in ("jobs.get", "jobs.create", "jobs.move", "jobs.wait", "sessions.create"):
            transport = answering(status, error_body, **{"Retry-After": "0"})
            with IonQ(
                api_key=SECRET,
                base_url="https://api.test/v0.4",
                http_client=httpx.Client(transport=transport),
                sleep=lambda s: None,
            ) as client:
                texts.run(partial(OPERATIONS[name], client, ids))
    # A 2xx the contract does not allow, and a lazily parsed field that does not parse.
    bad_job = json.dumps({"id": "j", "status": "completed", "type": "t", "backend": "b",
                          "metadata": [1], "failure": 3}).encode()  # fmt: skip
    for body in (b"<html>oops</html>", bad_job):
        with IonQ(
            api_key=SECRET,
            base_url="https://api.test/v0.4",
            http_client=httpx.Client(transport=answering(200, body)),
        ) as client:
            texts.run(lambda: client.jobs.get("j"))
    # Nobody listening (retried), and a server that never answers (timeout).
    with IonQ(
        api_key=SECRET, base_url=f"http://127.0.0.1:{closed_port()}/v0.4", sleep=lambda s: None
    ) as client:
        texts.value(client)
        texts.run(client.whoami)
    with silent_server() as port, IonQ(
        api_key=SECRET, base_url=f"http://127.0.0.1:{port}/v0.4", timeout=0.2, max_retries=1,
        sleep=lambda s: None,
    ) as client:  # fmt: skip
        try:
            client.jobs.get("j")
        except APITimeoutError as exc:
            texts.error(exc)
        else:
            pytest.fail("a silent server did not time out")
    # Broken keys are refused without being echoed.
    for broken in (SECRET + "\n", " " + SECRET, SECRET + "\x00"):
        try:
            IonQ(api_key=broken)
        except InvalidArgumentError as exc:
            texts.error(exc)
        else:
            pytest.fail("a key with whitespace or control characters was accepted")


def test_key_never_in_logs_reprs_or_messages(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # IONQ_LOG=debug as a user would set it: the façade's own stderr handler, at DEBUG.
    facade_logger = logging.getLogger("ionq_facade")
    handlers, level = list(facade_logger.handlers), facade_logger.level
    monkeypatch.setenv("IONQ_LOG", "debug")
    monkeypatch.setattr(_config, "_logging_configured", False)
    caplog.set_level(logging.DEBUG)  # and every library's logger (httpx, httpcore, ...)
    texts = Texts()
    try:
        results: list[object] = []
        ids, _ = capture_answers(api_key=SECRET, keep_results=results)
        for result in results:
            texts.value(result)
        exercise(texts, ids)
        monkeypatch.setenv("IONQ_API_KEY", SECRET)
        with IonQ() as client:
            texts.value(client)
            texts.value(client.jobs)
            texts.value(client._options)
            texts.value(client.jobs.list())
        texts.value(AsyncIonQ(api_key=SECRET))
    finally:
        for handler in facade_logger.handlers:
            if handler not in handlers:
                facade_logger.removeHandler(handler)
        facade_logger.setLevel(level)
    stderr = capsys.readouterr().err
    assert "GET /jobs/" in stderr  # the IONQ_LOG=debug handler did write
    log_text = caplog.text + "".join(repr(r.args) for r in caplog.records)
    assert any(r.name.startswith("httpcore") for r in caplog.records)  # debug logs captured
    found = {
        "debug logs": leaks(log_text) + leaks(stderr),
        **{kind: [f for _, t in texts.items if _ == kind for f in leaks(t)]
           for kind in ("repr", "exception")},
    }  # fmt: skip
    kinds = Counter(kind for kind, _ in texts.items)
    SCANNED["log records"] = len(caplog.records)
    SCANNED["reprs"] = kinds["repr"]
    SCANNED["exception messages and tracebacks"] = kinds["exception"]
    SCANNED["leaks"] = sum(len(v) for v in found.values())
    record_security_figures()
    assert kinds["exception"] > 200
    assert not any(found.values()), found


@pytest.mark.parametrize(
    "key", [SECRET, "k3y-42"]
)  # a long key, and one too short to mask globally
@pytest.mark.parametrize(
    "echo_of",
    [
        lambda auth: f"bad header: {auth}",  # the whole Authorization value
        lambda auth: f"unknown key {auth.split(' ', 1)[1]}",  # the bare key
        lambda auth: json.dumps(  # the bare key inside the documented error body
            {"error": "Unauthorized", "message": f"key {auth.split(' ', 1)[1]}", "statusCode": 401}
        ),
    ],
    ids=["header", "bare", "error-body"],
)
def test_key_echoed_by_a_server_is_not_quoted_in_messages(
    key: str, echo_of: Callable[[str], str]
) -> None:
    """A proxy or server may echo request headers in an error page; the façade quotes up
    to 500 bytes of an error body in the exception message, key included. The raw body
    stays on `.body`; the message should not carry the key."""

    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, text=echo_of(request.headers["authorization"]))

    with (
        IonQ(
            api_key=key,
            base_url="https://api.test/v0.4",
            http_client=httpx.Client(transport=httpx.MockTransport(echo)),
        ) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.whoami()
    assert key.encode() in (caught.value.body or b"")  # the server did echo it
    assert key not in str(caught.value)
    assert key not in repr(caught.value)


# -- plain http -------------------------------------------------------------------------------

public_hosts = st.one_of(
    st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z][a-z0-9-]{0,10}){1,3}", fullmatch=True),
    st.ip_addresses(v=4).filter(lambda ip: not ip.is_loopback).map(str),
    st.ip_addresses(v=6).filter(lambda ip: not ip.is_loopback).map(lambda ip: f"[{ip}]"),
    st.sampled_from(
        ["localhost.attacker.example", "127.0.0.1.nip.io", "api.ionq.co", "0.0.0.0", "[::]"]
    ),
).filter(lambda h: h != "localhost")
SHARED = httpx.Client()
loopback_hosts = st.one_of(
    st.just("localhost"),
    st.just("[::1]"),
    st.ip_addresses(network="127.0.0.0/8").map(str),
)


@settings(max_examples=100, deadline=None, database=None, derandomize=True)
@given(host=public_hosts, port=st.integers(1, 65535))
def test_plain_http_to_a_public_host_is_refused(host: str, port: int) -> None:
    url = f"http://{host}:{port}/v0.4"
    with pytest.raises(InvalidArgumentError, match="allow_insecure_http"):
        IonQ(api_key=SECRET, base_url=url)
    with pytest.raises(InvalidArgumentError, match="allow_insecure_http"):
        AsyncIonQ(api_key=SECRET, base_url=url)
    # Explicitly allowed, it is accepted; https always is. (A shared httpx client: making
    # a default one loads the CA bundle, which is slow and beside the point here.)
    allowed = IonQ(api_key=SECRET, base_url=url, allow_insecure_http=True, http_client=SHARED)
    assert allowed.base_url == url
    assert IonQ(api_key=SECRET, base_url=f"https://{host}:{port}/v0.4", http_client=SHARED)
    SCANNED["http hosts refused"] += 1


@settings(max_examples=30, deadline=None, database=None, derandomize=True)
@given(host=loopback_hosts)
def test_plain_http_to_loopback_is_allowed(host: str) -> None:
    address = host.strip("[]")
    assert address == "localhost" or ipaddress.ip_address(address).is_loopback
    assert IonQ(api_key=SECRET, base_url=f"http://{host}:8080/v0.4", http_client=SHARED).base_url


def test_plain_http_from_the_environment_is_refused_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IONQ_API_URL", "http://api.ionq.co/v0.4")
    with pytest.raises(InvalidArgumentError, match="allow_insecure_http"):
        IonQ(api_key=SECRET)


# -- TLS verification ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


@contextmanager
def tls_server(cert: Path, key: Path) -> Iterator[tuple[str, list[str]]]:
    """An HTTPS server on loopback answering /v0.4/whoami; yields its base URL and the
    paths of the requests it received."""
    received: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            received.append(self.path)
            body = b'{"key_id":"k","key_name":"n","project_id":"p"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return None

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/v0.4", received
    finally:
        server.shutdown()
        server.server_close()


def test_tls_is_verified_by_default(self_signed: tuple[Path, Path]) -> None:
    cert, key = self_signed
    with tls_server(cert, key) as (base_url, received):
        with (
            IonQ(api_key=SECRET, base_url=base_url, max_retries=0) as client,
            pytest.raises(APIConnectionError, match="CERTIFICATE_VERIFY_FAILED"),
        ):
            client.whoami()
        assert received == []  # refused during the handshake: not a byte of the request
        # Control: the same server, its certificate trusted, answers.
        trusting = httpx.Client(verify=ssl.create_default_context(cafile=str(cert)))
        with trusting, IonQ(api_key=SECRET, base_url=base_url, http_client=trusting) as client:
            assert client.whoami().project_id == "p"
        assert received == ["/v0.4/whoami"]
    SCANNED["TLS: self-signed refused by default"] = 1


# -- the emulator: authentication and project isolation ---------------------------------------


def required_security() -> dict[tuple[str, str], bool]:
    """(method, path) -> whether openapi.yaml requires a key (global `security`, unless the
    operation overrides it)."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    default = bool(spec.get("security"))
    required: dict[tuple[str, str], bool] = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in {"get", "put", "post", "delete", "patch"}:
                security = op.get("security")
                required[(method.upper(), path)] = default if security is None else bool(security)
    return required


def concrete(path: str, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)


# No header, empty, no key, other schemes, two keys, a bare key; credentials distinctive
# enough that an echo in the answer would be seen.
BAD_AUTHORIZATION = [
    None,
    "",
    "apiKey",
    "Bearer tok-A1b2C3d4",
    "Basic dXNlcjpwYXNzd29yZA==",
    "apiKey sk-first-9f8e sk-second-7d6c",
    "sk-bare-5b4a3c2d",
]
CREDENTIALS = ("tok-A1b2C3d4", "dXNlcjpwYXNzd29yZA==", "sk-first-9f8e", "sk-second-7d6c",
               "sk-bare-5b4a3c2d")  # fmt: skip


def test_emulator_refuses_requests_without_a_key() -> None:
    with emulator_server(mode="manual") as server:
        with IonQ(api_key=SECRET, base_url=server.base_url) as owner:
            job = owner.jobs.create(BELL, backend="simulator").id
            session = owner.sessions.create("simulator").id
        path_ids = {"UUID": job, "session_id": session, "backend": "simulator",
                    "artifactId": "a"}  # fmt: skip
        refused = Counter[str]()
        with httpx.Client(base_url=server.base_url) as raw:
            for (method, path), needs_key in required_security().items():
                url = concrete(path, path_ids)
                for header in BAD_AUTHORIZATION:
                    headers = {} if header is None else {"Authorization": header}
                    response = raw.request(method, url, headers=headers, json={})
                    if needs_key:
                        assert response.status_code == 401, (method, path, header)
                        assert response.json()["statusCode"] == 401
                        # A presented credential is not echoed.
                        assert not any(c in response.text for c in CREDENTIALS)
                        refused[f"{method} {path}"] += 1
                    else:
                        assert response.status_code != 401, (method, path, header)
        # Every operation that needs a key was tried, with every bad header.
        needing = [k for k, v in required_security().items() if v]
        assert len(refused) == len(needing) >= 18
        assert server.emulator.job(job)["status"] == "submitted"
    SCANNED["emulator: keyless/bad-key requests refused"] = sum(refused.values())
    record_security_figures()


def test_emulator_keeps_projects_apart() -> None:
    with emulator_server(mode="manual") as server:
        owner = IonQ(api_key=SECRET, base_url=server.base_url)
        stranger = IonQ(api_key="another-project-key", base_url=server.base_url)
        with owner, stranger:
            job = owner.jobs.create(BELL, backend="simulator", shots=10).id
            session = owner.sessions.create("simulator").id
            server.emulator.complete_all()
            queued = owner.jobs.create(BELL, backend="simulator").id
            assert owner.whoami().project_id != stranger.whoami().project_id
            before = owner.jobs.get(job)
            attempts: dict[str, Callable[[], object]] = {
                "get": lambda: stranger.jobs.get(job),
                "cost": lambda: stranger.jobs.cost(job),
                "probabilities": lambda: stranger.jobs.probabilities(job),
                "cancel": lambda: stranger.jobs.cancel(queued),
                "cancel_many": lambda: stranger.jobs.cancel_many([queued]),
                "clone": lambda: stranger.jobs.clone(job),
                "move": lambda: stranger.jobs.move(queued),
                "delete": lambda: stranger.jobs.delete(job),
                "delete_many": lambda: stranger.jobs.delete_many([job]),
                "wait": lambda: stranger.jobs.wait(job, timeout=1),
                "session get": lambda: stranger.sessions.get(session),
                "session end": lambda: stranger.sessions.end(session),
                "session jobs": lambda: list(stranger.sessions.jobs(session)),
            }
            # Another project's session cannot take a job; refused exactly as a session
            # that does not exist (so the answer does not reveal that it exists).
            refusals = []
            for target in (session, "no-such-session"):
                with pytest.raises(IonQError) as caught:
                    stranger.jobs.create(BELL, backend="simulator", session_id=target)
                assert isinstance(caught.value, APIStatusError)
                refusals.append((type(caught.value), caught.value.error_message))
            assert refusals[0][0] is refusals[1][0]
            assert refusals[0][1] == (refusals[1][1] or "").replace("no-such-session", session)
            outcomes: dict[str, str] = {}
            for name, attempt in attempts.items():
                try:
                    attempt()
                except NotFoundError:
                    outcomes[name] = "404"
                except IonQError as exc:
                    outcomes[name] = type(exc).__name__
                else:
                    outcomes[name] = "allowed"
            # Listing shows nothing of the other project, by any filter; nothing was created.
            assert list(stranger.jobs.list()) == []
            assert list(stranger.jobs.list(ids=[job, queued])) == []
            assert stranger.sessions.list() == ()
            # The owner's things are untouched.
            assert owner.jobs.get(job) == before
            assert owner.jobs.get(queued).status is JobStatus.SUBMITTED
            assert owner.sessions.get(session).status != "ended"
            assert {j.id for j in owner.jobs.list()} == {job, queued}
    assert outcomes == dict.fromkeys(attempts, "404"), outcomes
    SCANNED["emulator: cross-project attempts refused (404)"] = len(outcomes)
    record_security_figures()


def test_emulator_with_a_key_file_refuses_unknown_keys() -> None:
    keys = {"key-alice": "project-a", "key-bob": "project-a", "key-carol": "project-c"}
    with emulator_server(mode="manual", keys=keys) as server:
        with IonQ(api_key="key-alice", base_url=server.base_url) as alice:
            job = alice.jobs.create(BELL, backend="simulator").id
        # Same project: shared. Other project: not found. Unknown key: 401.
        with IonQ(api_key="key-bob", base_url=server.base_url) as bob:
            assert bob.jobs.get(job).id == job
        with (
            IonQ(api_key="key-carol", base_url=server.base_url) as carol,
            pytest.raises(NotFoundError),
        ):
            carol.jobs.get(job)
        with IonQ(api_key="key-mallory", base_url=server.base_url, max_retries=0) as mallory:
            for call in (mallory.whoami, lambda: mallory.jobs.get(job), mallory.sessions.list):
                with pytest.raises(AuthenticationError) as caught:
                    call()
                assert "key-mallory" not in str(caught.value)
                assert b"key-mallory" not in (caught.value.body or b"")
            assert len(mallory.backends.list()) > 0  # public: no key needed


def record_security_figures() -> None:
    FIGURES.record("5. Security", sorted(SCANNED.items()))


# -- the emulator's controls and its network face (issue 14) ------------------------------------

GUARD: dict[str, object] = {}


def record_guard_figures() -> None:
    FIGURES.record("5b. Emulator: controls and network guard", sorted(GUARD.items()))


def test_emulator_reset_is_refused_without_the_control_token(tmp_path: Path) -> None:
    """`POST /_emulator/reset` emptied a `--db` database for any local process; now it
    needs the control token. Nothing is touched by a refused reset."""
    with emulator_server(mode="manual", db=tmp_path / "emulator.sqlite") as server:
        with IonQ(api_key=SECRET, base_url=server.base_url) as owner:
            job = owner.jobs.create(BELL, backend="simulator").id
        reset = f"{server.url}/_emulator/reset"
        attempts = {
            "no credential": {},
            "an API key": {"Authorization": f"apiKey {SECRET}"},
            "a wrong token": {"Authorization": "Bearer guessed-token"},
            "the token as an API key": {"Authorization": f"apiKey {server.emulator.control_token}"},
        }
        refused = {label: httpx.post(reset, headers=h).status_code for label, h in attempts.items()}
        assert refused == {"no credential": 401, "an API key": 403, "a wrong token": 401,
                           "the token as an API key": 403}  # fmt: skip
        assert server.emulator.job(job)["status"] == "submitted"
        token = {"Authorization": f"Bearer {server.emulator.control_token}"}
        assert httpx.post(reset, headers=token).status_code == 200
        assert server.emulator.state()["jobs"] == 0
    GUARD.update({f"reset with {label}": status for label, status in refused.items()})
    GUARD["reset with the control token"] = 200
    record_guard_figures()


def test_emulator_controls_act_on_the_keys_own_project_only() -> None:
    with emulator_server(mode="manual") as server:
        with IonQ(api_key=SECRET, base_url=server.base_url) as owner:
            job = owner.jobs.create(BELL, backend="simulator").id
        stranger = httpx.Client(
            base_url=server.url, headers={"Authorization": "apiKey someone-else"}
        )
        with stranger:
            outcomes = {
                "read the job": stranger.get(f"/_emulator/jobs/{job}").status_code,
                "advance the job": stranger.post(
                    "/_emulator/advance", json={"job_id": job, "to": "failed"}
                ).status_code,
                "complete all": stranger.post("/_emulator/complete_all").json()["transitions"],
                "see the counts": stranger.get("/_emulator/state").json()["jobs"],
                "set faults": stranger.put("/_emulator/faults", json={"rules": []}).status_code,
                "move the clock": stranger.post(
                    "/_emulator/clock", json={"advance": 1}
                ).status_code,
            }
        assert outcomes == {
            "read the job": 404, "advance the job": 404, "complete all": [],
            "see the counts": 0, "set faults": 403, "move the clock": 403,
        }  # fmt: skip
        assert server.emulator.job(job)["status"] == "submitted"
    GUARD["another key's control attempts that touched the job"] = 0
    record_guard_figures()


def raw_request(
    url: str, method: str, path: str, headers: dict[str, str], body: bytes = b""
) -> int:
    """Send one request with exactly these headers (Host included) and return its status."""
    parts = httpx.URL(url)
    with socket.create_connection((parts.host, parts.port), timeout=10) as sock:
        lines = [f"{method} {path} HTTP/1.1", *(f"{k}: {v}" for k, v in headers.items()),
                 f"Content-Length: {len(body)}", "Connection: close", "", ""]  # fmt: skip
        sock.sendall("\r\n".join(lines).encode() + body)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def test_emulator_refuses_dns_rebinding_and_cross_origin_requests() -> None:
    """A web page can reach 127.0.0.1 through DNS rebinding (its own name, rebound), or
    send simple cross-origin requests; both are refused before the app sees them."""
    with emulator_server(mode="manual") as server:
        own = f"127.0.0.1:{server.port}"
        key = {"Authorization": f"apiKey {SECRET}"}
        token = {"Authorization": f"Bearer {server.emulator.control_token}"}
        body = json.dumps({"type": "ionq.circuit.v1", "backend": "simulator",
                           "input": BELL.to_input()}).encode()  # fmt: skip
        cases = {
            "Host: evil.example (API)": ("GET", "/v0.4/jobs", {"Host": "evil.example", **key}),
            "Host: evil.example (reset, with the token)": (
                "POST", "/_emulator/reset", {"Host": f"evil.example:{server.port}", **token}),
            "Origin: http://evil.example": (
                "POST", "/v0.4/jobs", {"Host": own, "Origin": "http://evil.example",
                                       "Content-Type": "application/json", **key}),
            "Origin: null": ("GET", "/v0.4/jobs", {"Host": own, "Origin": "null", **key}),
            "Content-Type: text/plain": (
                "POST", "/v0.4/jobs", {"Host": own, "Content-Type": "text/plain", **key}),
            "Content-Type: form": (
                "POST", "/v0.4/jobs",
                {"Host": own, "Content-Type": "application/x-www-form-urlencoded", **key}),
        }  # fmt: skip
        statuses = {
            label: raw_request(server.url, method, path, headers, body)
            for label, (method, path, headers) in cases.items()
        }
        # Controls: the same request from this origin, or from a client that sends none.
        same_origin = {"Host": own, "Origin": f"http://{own}", "Content-Type": "application/json"}
        allowed = raw_request(server.url, "POST", "/v0.4/jobs", {**same_origin, **key}, body)
        local = raw_request(
            server.url, "GET", "/v0.4/jobs", {"Host": f"localhost:{server.port}", **key}
        )
        with IonQ(api_key=SECRET, base_url=server.base_url) as owner:
            stored = len(list(owner.jobs.list()))
    assert statuses == {
        "Host: evil.example (API)": 403, "Host: evil.example (reset, with the token)": 403,
        "Origin: http://evil.example": 403, "Origin: null": 403,
        "Content-Type: text/plain": 400, "Content-Type: form": 400,
    }  # fmt: skip
    assert (allowed, local) == (201, 200)
    assert stored == 1  # only the same-origin create
    GUARD.update({f"refused: {label}": status for label, status in statuses.items()})
    record_guard_figures()


def test_emulator_binds_beyond_loopback_only_when_told(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ionq_emulator import server as served

    with pytest.raises(SystemExit) as refused:
        served.main(["--host", "0.0.0.0"])
    assert refused.value.code == 2
    assert "--allow-remote" in capsys.readouterr().err
    with pytest.raises(ValueError, match="allow_remote"):
        served.EmulatorServer(host="0.0.0.0")

    class Stop(Exception):
        pass

    def no_bind(host: str, port: int) -> socket.socket:
        raise Stop  # the test listens on loopback only; the warning comes before binding

    monkeypatch.setattr(served, "_bind", no_bind)
    with pytest.raises(Stop):
        served.main(["--host", "0.0.0.0", "--allow-remote"])
    assert "warning: the emulator listens on 0.0.0.0" in capsys.readouterr().err
    GUARD["--host 0.0.0.0 without --allow-remote"] = "refused (exit 2)"
    record_guard_figures()


def test_emulator_drops_slow_and_silent_connections() -> None:
    """A client that drips its headers a byte at a time, or connects and sends nothing,
    is disconnected after the header deadline (uvicorn alone never dropped the first)."""
    timeout = 1.0
    server = EmulatorServer(header_timeout=timeout)
    with server:
        dropped_after: dict[str, float] = {}
        for label, drip in (
            ("silent", b""),
            ("dripping headers", b"GET /v0.4/backends HTTP/1.1\r\n"),
        ):
            with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
                start = time.monotonic()
                closed = False
                for byte in drip * 20:
                    try:
                        sock.sendall(bytes([byte]))
                    except OSError:
                        closed = True
                        break
                    time.sleep(0.1)
                    if time.monotonic() - start > 10:
                        break
                if not closed:
                    sock.settimeout(30)
                    try:
                        closed = sock.recv(1) == b""
                    except OSError:
                        closed = True
                dropped_after[label] = time.monotonic() - start
            assert closed, label
        # A normal request on a fresh connection is still answered.
        assert httpx.get(f"{server.base_url}/backends").status_code == 200
    server.emulator.close()
    for label, after in dropped_after.items():
        assert after < 10, (label, after)  # long before the client would have finished
        GUARD[f"{label} connection dropped after (s, deadline {timeout:g})"] = round(after, 2)
    record_guard_figures()
