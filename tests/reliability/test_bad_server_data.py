"""2. Bad server data: whatever a server answers, only typed errors come out.

For every operation of the façade, hypothesis corrupts a real answer of the emulator
(missing fields, wrong types, unknown enum values, nulls, truncation), or replaces it
with non-JSON, an empty body, an HTML error page or a huge body, under any status code
(non-standard ones included), and serves it through an in-process transport. Every
outcome is a value (read through, lazy fields included) or an `IonQError` carrying the
raw body it was about; unknown job statuses are kept, not errors.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ionq_facade import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    IonQ,
    IonQError,
    Job,
    JobConflictError,
    JobEndedError,
    JobMayExistError,
    JobStatus,
    JobTimeoutError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
)

from .figures import FIGURES
from .operations import OPERATIONS, Ids, capture_answers, consume

KNOWN_STATUSES = {s.value for s in JobStatus if s is not JobStatus.UNKNOWN} | {"running"}
BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    429: RateLimitError,
}
CREATING_OPS = {"jobs.create", "jobs.create multi", "jobs.clone", "jobs.move", "sessions.create"}
JOB_OPS_WITH_409 = {"jobs.cancel", "jobs.cancel_many", "jobs.move", "jobs.clone"}

HTML_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
    b"<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
)
# Huge or hostile bodies: deep nesting, an integer past Python's digit limit, a long
# array, a long string. Built once; hypothesis picks among them.
HOSTILE_BODIES: tuple[bytes, ...] = (
    b"[" * 100_000,
    b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    b"9" * 10_000,
    b"[" + b"0," * 300_000 + b"0]",
    b'{"id":"' + b"x" * 3_000_000 + b'"}',
    b'"' + b"\\ud800" * 1000 + b'"',
    b"\xff\xfe\x00{",
    b"null",
    b"NaN",
    b"[]",
    b"{}",
)
ODD_STATUSES = (
    200, 201, 202, 203, 204, 206, 226, 299, 300, 301, 304, 307, 399, 400, 401, 402, 403,
    404, 405, 409, 410, 413, 418, 422, 425, 429, 451, 499, 500, 501, 502, 503, 504, 507,
    520, 522, 524, 529, 598, 599, 600, 700, 999,
)  # fmt: skip
RETRY_AFTER = (None, "0", "-1", "soon", "1e308", "inf", "nan", "Wed, 21 Oct 2015 07:28:00 GMT")
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def captured() -> tuple[Ids, dict[str, tuple[int, bytes]]]:
    return capture_answers()


# -- corrupting a well-formed answer ------------------------------------------------------


Path = tuple[str | int, ...]


def paths(value: object, prefix: Path = ()) -> Iterator[Path]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:4]):
            yield from paths(item, (*prefix, index))


def _type_name(value: object) -> str:
    return "number" if type(value) in (int, float) else type(value).__name__


def other_type(value: object) -> Callable[[object], bool]:
    """A filter keeping JSON values of another type than `value`."""
    name = _type_name(value)
    return lambda candidate: _type_name(candidate) != name


@st.composite
def corrupted(draw: st.DrawFn, doc: object) -> object:
    """`doc` with one to three corruptions, each at a drawn place."""
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(list(paths(doc))))
        kind = draw(st.sampled_from(["delete", "null", "wrong type", "unknown string", "empty"]))
        current: Any = doc
        for step in where:
            current = current[step]
        if kind == "delete" and where:
            parent: Any = doc
            for step in where[:-1]:
                parent = parent[step]
            del parent[where[-1]]
            continue
        if kind == "null":
            new: object = None
        elif kind == "unknown string":
            new = draw(st.text(min_size=1, max_size=12).filter(lambda s: s not in KNOWN_STATUSES))
        elif kind == "empty":
            new = draw(st.sampled_from([{}, [], "", 0]))
        else:
            new = draw(json_values.filter(other_type(current)))
        if not where:
            doc = new
            continue
        parent = doc
        for step in where[:-1]:
            parent = parent[step]
        parent[where[-1]] = new
    return doc


@st.composite
def bad_answers(draw: st.DrawFn, status: int, body: bytes) -> tuple[int, bytes, dict[str, str]]:
    """A status, a body and headers that a broken server or proxy might send."""
    kind = draw(
        st.sampled_from(
            ["corrupted"] * 6 + ["truncated", "not json", "empty", "html", "hostile", "valid"]
        )
    )
    doc = json.loads(body)
    if kind == "corrupted":
        new = json.dumps(draw(corrupted(doc))).encode()
    elif kind == "truncated":
        new = body[: draw(st.integers(0, max(0, len(body) - 1)))]
    elif kind == "not json":
        new = draw(st.binary(max_size=64) | st.text(max_size=64).map(str.encode))
    elif kind == "empty":
        new = b""
    elif kind == "html":
        new = HTML_PAGE
    elif kind == "hostile":
        new = draw(st.sampled_from(HOSTILE_BODIES))
    else:
        new = body
    new_status = draw(
        st.sampled_from([status] * 4 + [200])
        | st.sampled_from(ODD_STATUSES)
        | st.integers(100, 999)
    )
    headers: dict[str, str] = {}
    retry_after = draw(st.sampled_from(RETRY_AFTER))
    if retry_after is not None:
        headers["Retry-After"] = retry_after
    headers["Content-Type"] = draw(
        st.sampled_from(["application/json", "text/html", "application/octet-stream"])
    )
    return new_status, new, headers


# -- checking what came out -----------------------------------------------------------------


def contains(tree: object, value: object) -> bool:
    """Whether `value` occurs in the JSON `tree` (as the whole or a part)."""
    if tree == value:
        return True
    if isinstance(tree, dict):
        return any(contains(v, value) for v in tree.values())
    if isinstance(tree, list):
        return any(contains(v, value) for v in tree)
    return False


def check_error(name: str, exc: IonQError, status: int, body: bytes) -> str:
    """Assert `exc` is the right typed error for the answer and carries its body."""
    if isinstance(exc, JobMayExistError):
        # A creating call answered 5xx may have made its job: said so, around the error.
        assert name in CREATING_OPS, name
        assert status >= 500, (name, status)
        check_error(name, exc.error, status, body)
        return type(exc).__name__
    if isinstance(exc, APIStatusError):
        assert exc.status_code == status, name
        assert exc.body == body, name
        expected = BY_STATUS.get(status) or (
            InternalServerError if status >= 500 else APIStatusError
        )
        if status == 409 and name in JOB_OPS_WITH_409:
            expected = JobConflictError
        assert type(exc) is expected, (name, status, type(exc))
        assert not 200 <= status < 300
    elif isinstance(exc, APIResponseValidationError):
        assert 200 <= status < 300, (name, status)
        assert exc.body is not None
        if exc.response is not None:
            assert exc.body == body, name
        else:  # a lazily parsed field (its JSON), or a repeated page cursor
            field = json.loads(exc.body) if exc.body.startswith((b"{", b"[", b'"')) else None
            assert exc.body in body or contains(json.loads(body), field), (name, exc.body[:80])
    else:
        # A well-formed job that ended badly or never ended: a typed outcome, not bad data.
        assert isinstance(exc, (JobEndedError, JobTimeoutError)), (name, type(exc))
        assert name in ("jobs.wait", "jobs.wait_many")
    return type(exc).__name__


class Served:
    """An in-process transport answering every request with one response."""

    def __init__(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.answer = (status, body, headers)
        self.requests = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        status, body, headers = self.answer
        return httpx.Response(status, content=body, headers=headers)


def run(name: str, ids: Ids, status: int, body: bytes, headers: dict[str, str]) -> str:
    """Serve the answer to operation `name`; the outcome's class name (or "ok")."""
    served = Served(status, body, headers)
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    with IonQ(
        api_key="bad-data-key",
        base_url="https://api.test/v0.4",
        http_client=httpx.Client(transport=httpx.MockTransport(served)),
        sleep=sleep,
        clock=lambda: now[0],
    ) as client:
        try:
            consume(OPERATIONS[name](client, ids))
        except IonQError as exc:
            return check_error(name, exc, status, body)
        except Exception as exc:  # the target: never
            pytest.fail(f"{name}: {status} {body[:60]!r} -> untyped {type(exc).__name__}: {exc}")
    assert served.requests >= 1
    return "ok"


OUTCOMES: Counter[str] = Counter()
EXAMPLES = 40


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_only_typed_errors_come_out(
    name: str, captured: tuple[Ids, dict[str, tuple[int, bytes]]]
) -> None:
    ids, answers = captured
    status, body = answers[name]
    seen: Counter[str] = Counter()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(answer=bad_answers(status, body))
    def prop(answer: tuple[int, bytes, dict[str, str]]) -> None:
        seen[run(name, ids, *answer)] += 1

    prop()
    OUTCOMES.update(seen)
    OUTCOMES["operations"] += 1
    OUTCOMES["answers"] += sum(seen.values())
    # Not vacuous: corrupted answers were refused, and some were still read.
    assert seen["APIResponseValidationError"] > 0 or seen["ok"] > 0
    assert sum(n for k, n in seen.items() if k != "ok") > 0
    FIGURES.record(
        "2. Bad server data",
        [
            ("operations covered", OUTCOMES["operations"]),
            ("malformed answers served", OUTCOMES["answers"]),
            ("read through without error", OUTCOMES["ok"]),
            *(
                (f"typed: {k}", n)
                for k, n in sorted(OUTCOMES.items())
                if k not in ("ok", "operations", "answers", "untyped")
            ),
            ("untyped errors", 0),
        ],
    )


# -- unknown statuses are kept ------------------------------------------------------------

unknown_status = st.text(min_size=1, max_size=20).filter(lambda s: s not in KNOWN_STATUSES)


def job_json(status: str, ident: str = "j-1") -> dict[str, object]:
    return {"id": ident, "status": status, "type": "ionq.circuit.v1", "backend": "simulator"}


def scripted(*bodies: object) -> IonQ:
    answers = [json.dumps(b).encode() for b in bodies]

    def answer(request: httpx.Request) -> httpx.Response:
        body = answers.pop(0) if len(answers) > 1 else answers[0]
        return httpx.Response(200, content=body)

    return IonQ(
        api_key="bad-data-key",
        base_url="https://api.test/v0.4",
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
        sleep=lambda s: None,
    )


def kept(job: Job, raw: str) -> None:
    assert job.status is JobStatus.UNKNOWN
    assert job.raw_status == raw
    assert job.to_dict()["status"] == raw


@settings(max_examples=60, deadline=None, database=None, derandomize=True)
@given(raw=unknown_status)
def test_unknown_statuses_are_kept(raw: str) -> None:
    with scripted(job_json(raw)) as client:
        kept(client.jobs.get("j-1"), raw)
    with scripted({"jobs": [job_json(raw)], "next": None}) as client:
        kept(next(iter(client.jobs.list())), raw)
    with scripted({"id": "j-1", "status": raw}) as client:
        ref = client.jobs.cancel("j-1")
        assert ref.status is JobStatus.UNKNOWN
        assert ref.raw_status == raw
    # A wait keeps polling through a status it does not know, and reports it.
    with scripted(job_json(raw), job_json(raw), job_json("completed")) as client:
        heard: list[str] = []
        done = client.jobs.wait("j-1", timeout=60, on_status=lambda j: heard.append(j.raw_status))
        assert done.status is JobStatus.COMPLETED
        assert heard == [raw, "completed"]
    backend = {
        "backend": "simulator",
        "status": raw,
        "qubits": 29,
        "average_queue_time": 0,
        "last_updated": "2025-06-16T00:00:00Z",
    }
    with scripted(backend) as client:
        assert client.backends.get("simulator").status == raw
    with scripted({"id": "s-1", "status": raw}) as client:
        assert client.sessions.get("s-1").status == raw


def test_a_body_that_cannot_be_decoded_is_a_connection_error() -> None:
    """A Content-Encoding the body does not have fails in httpx, before there is a body
    to keep: the one malformed answer that surfaces as `APIConnectionError` (no body)."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"not gzip", headers={"Content-Encoding": "gzip"})

    with (
        IonQ(
            api_key="bad-data-key",
            base_url="https://api.test/v0.4",
            http_client=httpx.Client(transport=httpx.MockTransport(answer)),
            sleep=lambda s: None,
        ) as client,
        pytest.raises(APIConnectionError, match="DecodingError") as caught,
    ):
        client.jobs.get("j-1")
    assert caught.value.body is None


def deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


@pytest.mark.parametrize(
    ("name", "status", "body"),
    [
        # Too deep for json.loads: a 2xx body, an error body.
        ("jobs.get", 200, deep(100_000)),
        ("jobs.get", 500, deep(100_000)),
        # Decodable, but too deep to freeze: a lazily parsed field, an artifact.
        ("jobs.get", 200, b'{"id":"j","status":"completed","type":"t","backend":"b","output":'
         b'{"a":' + deep(900) + b"}}"),
        ("jobs.artifact", 200, b'{"a":' + deep(900) + b"}"),
        # A 409 makes the client read the job's status: that answer is too deep as well.
        ("jobs.cancel", 409, deep(100_000)),
    ],
)  # fmt: skip
def test_json_nested_too_deep_is_a_typed_error(
    name: str, status: int, body: bytes, captured: tuple[Ids, dict[str, tuple[int, bytes]]]
) -> None:
    """Regression: RecursionError escaped from each of these before the façade caught it."""
    outcome = run(name, captured[0], status, body, {})
    assert outcome != "ok"
