"""3. Bad user input: refused locally, clearly, with nothing sent.

Hypothesis draws invalid arguments for every public method (ids that could walk a URL,
wrong types, out-of-range numbers, bad options, unknown keywords, finished job
snapshots) and calls both the sync and the async client. Target: an `IonQError` that is
also a ValueError/TypeError (or `InvalidTransitionError` for a finished snapshot) whose
message names the argument, and zero requests on the transport.
"""

from __future__ import annotations

import asyncio
import inspect
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ionq_facade import (
    AsyncIonQ,
    Circuit,
    InvalidArgumentError,
    InvalidTransitionError,
    IonQ,
    IonQError,
    Job,
    JobStatus,
    Noise,
    Settings,
)

from .figures import FIGURES

BELL = Circuit(2).h(0).cnot(0, 1)
JOB_OPTIONS = {"shots", "name", "metadata", "session_id", "settings", "noise", "dry_run"}
OVERRIDES = JOB_OPTIONS | {"backend", "parent"}
FILTERS = {"ids", "parent_job_id", "status", "target", "session_id", "submitter_id", "limit"}


class Recorder:
    """An in-process transport that records every request (and answers 500)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(500)


# -- invalid values ---------------------------------------------------------------------------

# Not a str (None excluded: for optional arguments it means "not given").
not_str = st.one_of(
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.binary(min_size=1, max_size=4),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
# Strings that must never be placed in a URL path: separators, escapes, whitespace,
# control and non-ASCII characters; a leading dot (dot segments) or dash; empty; too long.
_SPOILERS = ["/", "?", "#", "%", "&", " ", "\t", "\n", "\\", "\x00", "é", "\u202e"]
bad_token_text = st.one_of(
    st.just(""),
    st.builds(
        lambda head, spoiler, tail: head + spoiler + tail,
        st.text(string.ascii_letters + string.digits, max_size=6),
        st.sampled_from(_SPOILERS),
        st.text(max_size=6),
    ),
    st.builds(lambda s: "." + s, st.text(string.ascii_letters, max_size=6)),
    st.builds(lambda s: "-" + s, st.text(string.ascii_letters, max_size=6)),
    st.text(string.ascii_letters, min_size=129, max_size=300),
)
bad_token = bad_token_text | not_str | st.none()
bad_optional_token = bad_token_text | not_str
bad_int_type = st.one_of(
    st.floats(), st.booleans(), st.text(max_size=4), st.decimals(allow_nan=False).map(str)
)
bad_shots = st.one_of(st.integers(max_value=0), st.integers(min_value=1_000_001), bad_int_type)
bad_bool = st.one_of(
    st.integers(), st.text(max_size=4), st.floats(allow_nan=False), st.lists(st.booleans())
)
bad_timeout = st.one_of(
    st.floats(max_value=0.0),
    st.integers(max_value=0),
    st.just(float("nan")),
    st.booleans(),
    st.text(max_size=4),
)
bad_wait_timeout = bad_timeout | st.just(float("inf"))
bad_metadata = st.one_of(
    st.text(max_size=4),
    st.integers(),
    st.lists(st.tuples(st.text(max_size=3), st.text(max_size=3)), min_size=1, max_size=2),
    st.dictionaries(st.integers() | st.none(), st.text(max_size=3), min_size=1, max_size=2),
    st.dictionaries(
        st.text(max_size=3), st.integers() | st.none() | st.floats(), min_size=1, max_size=2
    ),
)
bad_backend = st.just("") | not_str
bad_program = st.one_of(
    st.text(max_size=20),  # OpenQASM source not wrapped in QASM3(...)
    st.integers(),
    st.none(),
    st.just([]),
    st.lists(st.integers() | st.text(max_size=3), min_size=1, max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just([BELL] * 5001),
)
bad_job_collection = st.one_of(
    st.just([]),
    st.text(string.ascii_letters, min_size=1, max_size=8),  # one id, not a collection
    st.integers(),
    st.lists(bad_token, min_size=1, max_size=3),
)
unknown_keyword = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True)


def finished_job(status: str) -> Job:
    return Job.from_dict(
        {"id": "job-1", "status": status, "type": "ionq.circuit.v1", "backend": "simulator"}
    )


finished = st.sampled_from(["completed", "failed", "canceled"]).map(finished_job)
multi_job = st.just(
    Job.from_dict(
        {"id": "m-1", "status": "completed", "type": "ionq.multi-circuit.v1", "backend": "sim"}
    )
)


def option(name: str, bad: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return bad.map(lambda value: {name: value})


def unknown_option(allowed: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    return unknown_keyword.filter(lambda k: k not in allowed | {"timeout"}).map(lambda k: {k: 1})


job_options = st.one_of(
    option("shots", bad_shots),
    option("name", not_str),
    option("metadata", bad_metadata),
    option("session_id", bad_optional_token),
    option("settings", not_str | st.just(Noise("ideal"))),
    option("noise", not_str | st.just(Settings())),
    option("dry_run", bad_bool),
    option("timeout", bad_timeout),
    unknown_option(JOB_OPTIONS),
)
override_options = st.one_of(
    job_options.filter(lambda o: not (set(o) - JOB_OPTIONS - {"timeout"})),
    option("backend", bad_backend),
    option("parent", bad_optional_token),
    unknown_option(OVERRIDES),
)
filter_options = st.one_of(
    option("ids", bad_job_collection),
    option("parent_job_id", bad_optional_token),
    option("status", st.just("") | st.just(JobStatus.UNKNOWN) | not_str),
    # (A mapping is iterated for its keys, as any iterable: tolerated, so not drawn.)
    option(
        "target",
        bad_backend.filter(lambda t: not isinstance(t, dict)) | st.sampled_from([[], ["a", ""]]),
    ),
    option("session_id", bad_optional_token),
    option("submitter_id", bad_optional_token),
    option("limit", st.integers(max_value=0) | bad_int_type),
    option("timeout", bad_timeout),
    unknown_option(FILTERS),
)


# -- the cases: every public method, each with a strategy of invalid arguments ---------------


@dataclass(frozen=True)
class Case:
    call: Callable[[Any, Any], object]
    bad: st.SearchStrategy[Any]
    # The argument the error message must name (any of these words).
    names: tuple[str, ...]


def _estimate_args() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(
        option("backend", bad_backend),
        option("type", st.just("") | not_str),
        option("qubits", st.integers(max_value=0) | bad_int_type),
        option("one_qubit_gates", st.integers(max_value=-1) | bad_int_type),
        option("two_qubit_gates", st.integers(max_value=-1) | bad_int_type),
        option("shots", bad_shots),
        option("error_mitigation", bad_bool),
        option("timeout", bad_timeout),
    )


CASES: dict[str, Case] = {
    "jobs.create program": Case(
        lambda c, p: c.jobs.create(p, backend="simulator"), bad_program, ("program", "circuit")
    ),
    "jobs.create backend": Case(
        lambda c, b: c.jobs.create(BELL, backend=b), bad_backend, ("backend",)
    ),
    "jobs.create options": Case(
        lambda c, o: c.jobs.create(BELL, backend="simulator", **o), job_options, ()
    ),
    "jobs.get": Case(lambda c, i: c.jobs.get(i), bad_token, ("job id",)),
    "jobs.cancel": Case(lambda c, i: c.jobs.cancel(i), bad_token, ("job id",)),
    "jobs.cancel finished": Case(lambda c, j: c.jobs.cancel(j), finished, ("job-1",)),
    "jobs.cancel_many": Case(lambda c, i: c.jobs.cancel_many(i), bad_job_collection, ("job",)),
    "jobs.cancel_many finished": Case(
        lambda c, j: c.jobs.cancel_many(["job-0", j]), finished, ("job-1",)
    ),
    "jobs.delete": Case(lambda c, i: c.jobs.delete(i), bad_token, ("job id",)),
    "jobs.delete_many": Case(lambda c, i: c.jobs.delete_many(i), bad_job_collection, ("job",)),
    "jobs.cost": Case(lambda c, i: c.jobs.cost(i), bad_token, ("job id",)),
    "jobs.estimate": Case(
        lambda c, a: c.jobs.estimate(**{"backend": "simulator", **a}), _estimate_args(), ()
    ),
    "jobs.probabilities": Case(lambda c, i: c.jobs.probabilities(i), bad_token, ("job id",)),
    "jobs.probabilities multi": Case(
        lambda c, j: c.jobs.probabilities(j), multi_job, ("child_probabilities",)
    ),
    "jobs.probabilities sharpen": Case(
        lambda c, s: c.jobs.probabilities("job-1", sharpen=s), bad_bool, ("sharpen",)
    ),
    "jobs.child_probabilities": Case(
        lambda c, i: c.jobs.child_probabilities(i), bad_token, ("job id",)
    ),
    "jobs.artifact": Case(lambda c, i: c.jobs.artifact("job-1", i), bad_token, ("artifact_id",)),
    "jobs.clone": Case(lambda c, i: c.jobs.clone(i), bad_token, ("job id",)),
    "jobs.clone overrides": Case(lambda c, o: c.jobs.clone("job-1", **o), override_options, ()),
    "jobs.move": Case(lambda c, i: c.jobs.move(i), bad_token, ("job id",)),
    "jobs.move finished": Case(lambda c, j: c.jobs.move(j), finished, ("job-1",)),
    "jobs.move overrides": Case(lambda c, o: c.jobs.move("job-1", **o), override_options, ()),
    # A listing's timeout is checked when the first page is fetched: still nothing sent.
    "jobs.list": Case(lambda c, f: c.jobs.list(**f).first_page(), filter_options, ()),
    "jobs.list_page": Case(lambda c, f: c.jobs.list_page(**f), filter_options, ()),
    "jobs.list_page cursor": Case(lambda c, n: c.jobs.list_page(cursor=n), not_str, ("cursor",)),
    "jobs.wait": Case(lambda c, i: c.jobs.wait(i), bad_token, ("job id",)),
    "jobs.wait timeout": Case(
        lambda c, t: c.jobs.wait("job-1", timeout=t), bad_wait_timeout, ("timeout",)
    ),
    "jobs.wait poll_interval": Case(
        lambda c, t: c.jobs.wait("job-1", poll_interval=t), bad_wait_timeout, ("timeout",)
    ),
    "jobs.wait_many": Case(lambda c, i: c.jobs.wait_many(i), bad_job_collection, ("job",)),
    "jobs.wait_many raise_on_failure": Case(
        lambda c, r: c.jobs.wait_many(["job-1"], raise_on_failure=r),
        bad_bool,
        ("raise_on_failure",),
    ),
    "whoami": Case(lambda c, t: c.whoami(timeout=t), bad_timeout, ("timeout",)),
    "backends.list": Case(lambda c, t: c.backends.list(timeout=t), bad_timeout, ("timeout",)),
    "backends.get": Case(lambda c, b: c.backends.get(b), bad_token, ("backend",)),
    "characterizations.list backend": Case(
        lambda c, b: c.characterizations.list(b), bad_token, ("backend",)
    ),
    "characterizations.list options": Case(
        lambda c, o: c.characterizations.list("qpu.forte-1", **o),
        st.one_of(
            option("limit", st.integers(max_value=0) | bad_int_type),
            option("page", st.integers(max_value=0) | bad_int_type),
            option("start", not_str),
            option("end", not_str),
        ),
        (),
    ),
    "characterizations.get": Case(
        lambda c, i: c.characterizations.get("qpu.forte-1", i), bad_token, ("characterization",)
    ),
    "sessions.create backend": Case(lambda c, b: c.sessions.create(b), bad_token, ("backend",)),
    "sessions.create limits": Case(
        lambda c, o: c.sessions.create("simulator", **o),
        st.one_of(
            option("job_count_limit", st.integers(max_value=0) | bad_int_type),
            option("duration_limit_min", st.integers(max_value=0) | bad_int_type),
            option("cost_limit", not_str | st.just({"value": 1, "unit": "usd"})),
        ),
        (),
    ),
    "sessions.get": Case(lambda c, s: c.sessions.get(s), bad_token, ("session",)),
    "sessions.end": Case(lambda c, s: c.sessions.end(s), bad_token, ("session",)),
    "sessions.list": Case(lambda c, a: c.sessions.list(active=a), bad_bool, ("active",)),
    "sessions.jobs": Case(lambda c, s: c.sessions.jobs(s), bad_token, ("session",)),
    "sessions.jobs filters": Case(
        lambda c, f: c.sessions.jobs("s-1", **f).first_page(),
        filter_options.filter(lambda f: "session_id" not in f) | st.just({"session_id": "s-2"}),
        (),
    ),
}

REFUSED: Counter[str] = Counter()


# Keywords whose errors name them otherwise: the API's parameter, or what the items are.
ALIASES = {"one_qubit_gates": "1q_gates", "two_qubit_gates": "2q_gates", "ids": "job id"}


def _named(error: IonQError, names: tuple[str, ...], arguments: object) -> bool:
    """The message names the argument: one of `names`, or the keyword given."""
    message = str(error)
    words = names or (tuple(arguments) if isinstance(arguments, dict) else ())
    return any(w in message or ALIASES.get(w, "\0") in message for w in words)


def _check_refused(error: IonQError, case: Case, bad: object) -> None:
    if isinstance(error, InvalidTransitionError):
        assert error.status.is_terminal
    else:
        assert isinstance(error, InvalidArgumentError)  # a ValueError (TypeError for types)
        assert isinstance(error, (ValueError, TypeError))
    assert _named(error, case.names, bad), f"{error!s} does not name the argument"


def _call_async(client: AsyncIonQ, case: Case, bad: object) -> None:
    async def go() -> None:
        result = case.call(client, bad)
        if inspect.isawaitable(result):
            await result

    asyncio.run(go())


@pytest.mark.parametrize("name", list(CASES))
def test_invalid_arguments_are_refused_before_sending(name: str) -> None:
    case = CASES[name]
    recorder = Recorder()
    client = IonQ(
        api_key="input-key",
        base_url="https://api.test/v0.4",
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
    )
    aclient = AsyncIonQ(
        api_key="input-key",
        base_url="https://api.test/v0.4",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)),
    )
    examples = [0]

    @settings(
        max_examples=30,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(bad=case.bad)
    def prop(bad: Any) -> None:
        examples[0] += 1
        runs: list[Callable[[], object]] = [
            lambda: case.call(client, bad),
            lambda: _call_async(aclient, case, bad),
        ]
        for run in runs:
            with pytest.raises(IonQError) as caught:
                run()
            _check_refused(caught.value, case, bad)
        assert recorder.requests == []

    prop()
    client.close()
    asyncio.run(aclient.close())
    REFUSED["cases"] += 1
    REFUSED["calls"] += 2 * examples[0]
    REFUSED["sent"] += len(recorder.requests)
    FIGURES.record(
        "3. Bad user input",
        [
            ("method/argument cases driven", REFUSED["cases"]),
            ("invalid calls (sync + async)", REFUSED["calls"]),
            ("refused locally, typed, naming the argument", REFUSED["calls"]),
            ("requests sent for bad input", REFUSED["sent"]),
        ],
    )


# -- the constructor ------------------------------------------------------------------------

bad_keys = st.one_of(
    st.just(""),
    st.builds(lambda k, c: k + c, st.text(string.ascii_letters, min_size=1, max_size=8),
              st.sampled_from(["\n", "\r\n", " ", "\t", "\x00", "\x7f"])),
    st.builds(lambda k: " " + k, st.text(string.ascii_letters, min_size=1, max_size=8)),
    not_str.filter(lambda v: v not in ("", 0, False)),
)  # fmt: skip
bad_urls = st.one_of(
    st.sampled_from(
        [
            "ftp://api.ionq.co/v0.4",
            "api.ionq.co/v0.4",
            "https://",
            "https://user:pw@api.ionq.co/v0.4",
            "https://api.ionq.co/v0.4?x=1",
            "https://api.ionq.co/v0.4#frag",
            "http://api.ionq.co/v0.4",
            "http://10.0.0.1:8000/v0.4",
            "http://localhost.attacker.example/v0.4",
            "http://127.0.0.1.nip.io/v0.4",
            "javascript:alert(1)",
        ]
    ),
    not_str.filter(lambda v: v != ""),
)


@settings(max_examples=60, deadline=None, database=None, derandomize=True)
@given(
    arguments=st.one_of(
        option("api_key", bad_keys),
        option("base_url", bad_urls),
        option("max_retries", st.integers(max_value=-1) | bad_int_type),
        option("timeout", bad_timeout),
        option("default_headers", st.just({"X-A": 1}) | st.just({2: "b"})),
        option("http_client", st.just(httpx.AsyncClient()) | st.text(max_size=3)),
    )
)
def test_constructor_refuses_bad_configuration(arguments: dict[str, Any]) -> None:
    options: dict[str, Any] = {"api_key": "input-key", "base_url": "https://api.test/v0.4"}
    options.update(arguments)
    with pytest.raises(InvalidArgumentError) as caught:
        IonQ(**options)
    message = str(caught.value)
    (name,) = arguments
    assert name in message or (name == "api_key" and "API key" in message), message
    key = arguments.get("api_key")
    if isinstance(key, str) and key.strip():
        assert key.strip() not in message  # never echo a key, even a broken one


# -- once façade gaps, now fixed -----------------------------------------------------------


def test_characterizations_limit_above_ten_is_refused_locally() -> None:
    """openapi.yaml: `limit` of getCharacterizations is 1..10; the façade's docstring
    says so too, but only the lower bound is checked, so limit=11 is sent (the server
    answers 400)."""
    recorder = Recorder()
    with (
        IonQ(
            api_key="input-key",
            base_url="https://api.test/v0.4",
            http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
            max_retries=0,
        ) as client,
        pytest.raises(IonQError) as caught,
    ):
        client.characterizations.list("qpu.forte-1", limit=11)
    assert isinstance(caught.value, InvalidArgumentError)
    assert recorder.requests == []


def test_wait_refuses_an_on_status_that_is_not_callable() -> None:
    """`on_status` is not checked: a wait sends its first poll, then calls it, and a bare
    TypeError ('int' object is not callable) escapes after a request was sent."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=finished_job("completed").to_dict())

    with (
        IonQ(
            api_key="input-key",
            base_url="https://api.test/v0.4",
            http_client=httpx.Client(transport=httpx.MockTransport(answer)),
        ) as client,
        pytest.raises(InvalidArgumentError),
    ):
        client.jobs.wait("job-1", on_status=5)  # type: ignore[arg-type]
    assert sent == []
