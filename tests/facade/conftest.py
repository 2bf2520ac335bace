"""An in-process stand-in for the API, a fake clock, and clients wired to both.

`FakeAPI` answers from scripted responses per (method, path) and records every request,
so tests assert on exactly what was sent and how many times. Nothing leaves the process.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, TypeAlias

import httpx
import pytest

from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import TEST_API_KEY, emulator_server
from ionq_facade import AsyncIonQ, Circuit, IonQ

API_KEY = "sk-test-5ecr3t-DO-NOT-LEAK"
BASE_URL = "https://api.test/v0.4"
PREFIX = "/v0.4"

Answer: TypeAlias = "httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]"


def job_json(ident: str = "job-1", status: str = "submitted", /, **extra: Any) -> dict[str, Any]:
    """A job as the API sends it (the fields every job has, plus `extra`)."""
    return {"id": ident, "status": status, "type": "ionq.circuit.v1", "backend": "simulator"} | (
        extra
    )


def reply(status: int = 200, body: Any = None, **headers: str) -> httpx.Response:
    """A JSON response (`body` None: an empty object)."""
    return httpx.Response(status, json={} if body is None else body, headers=headers)


def paged(*pages: list[dict[str, Any]]) -> Callable[[httpx.Request], httpx.Response]:
    """A listing route serving `pages` by cursor (`p1`, `p2`, ...), as often as asked."""

    def route(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("next")
        index = int(cursor[1:]) if cursor else 0
        more = f"p{index + 1}" if index + 1 < len(pages) else None
        return reply(200, {"jobs": pages[index], "next": more})

    return route


def creating_calls(client: IonQ) -> dict[str, tuple[str, dict[str, Any], Callable[[], object]]]:
    """Every request that creates something: its path, a 201 body for it, and the call."""
    job = {"id": "job-9", "status": "submitted"}
    bell = Circuit(2).h(0).cnot(0, 1)
    return {
        "create": ("/jobs", job, lambda: client.jobs.create(bell, backend="simulator")),
        "clone": ("/jobs/job-1/clone", job, lambda: client.jobs.clone("job-1", shots=5)),
        "move": ("/jobs/job-1/move", job, lambda: client.jobs.move("job-1", backend="x")),
        "session": (
            "/sessions",
            {"id": "s-1", "status": "created"},
            lambda: client.sessions.create("simulator"),
        ),
    }


class FakeAPI:
    """Scripted answers per route; each route's last answer repeats. Records requests."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Answer]] = {}
        self.requests: list[httpx.Request] = []

    def on(self, method: str, path: str, *answers: Answer) -> FakeAPI:
        self.routes[(method, path)] = list(answers)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path.removeprefix(PREFIX)
        answers = self.routes.get((request.method, path))
        if not answers:
            return reply(
                404, {"error": "NotFound", "message": f"no route {path}", "statusCode": 404}
            )
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(request)
        return answer

    def sent(self, method: str | None = None, path: str | None = None) -> list[httpx.Request]:
        return [
            r
            for r in self.requests
            if (method is None or r.method == method)
            and (path is None or r.url.path.removeprefix(PREFIX) == path)
        ]

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


class FakeClock:
    """Monotonic time that only moves when slept through; records every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


@pytest.fixture
def api() -> FakeAPI:
    return FakeAPI()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_client(api: FakeAPI, clock: FakeClock, **options: Any) -> IonQ:
    http = httpx.Client(transport=httpx.MockTransport(api))
    return IonQ(
        api_key=API_KEY,
        base_url=BASE_URL,
        http_client=http,
        sleep=clock.sleep,
        clock=clock.time,
        **options,
    )


def make_async_client(api: FakeAPI, clock: FakeClock, **options: Any) -> AsyncIonQ:
    http = httpx.AsyncClient(transport=httpx.MockTransport(api))
    return AsyncIonQ(
        api_key=API_KEY,
        base_url=BASE_URL,
        http_client=http,
        sleep=clock.async_sleep,
        clock=clock.time,
        **options,
    )


@pytest.fixture
def client(api: FakeAPI, clock: FakeClock) -> Iterator[IonQ]:
    with make_client(api, clock) as c:
        yield c


@pytest.fixture
def aclient(api: FakeAPI, clock: FakeClock) -> AsyncIonQ:
    return make_async_client(api, clock)


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    """The emulator on loopback in manual mode (one per module), its answers checked."""
    with emulator_server(mode="manual", validate_responses=True) as running:
        yield running
        assert running.emulator.conformance_errors == []


@pytest.fixture
def emulated(emulator: EmulatorServer) -> Iterator[IonQ]:
    """A client of `emulator`."""
    with IonQ(api_key=TEST_API_KEY, base_url=emulator.base_url) as c:
        yield c
