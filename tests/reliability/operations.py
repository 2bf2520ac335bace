"""Every network operation of the façade, callable by name, and real answers to each.

`OPERATIONS` maps a name to a function of (client, ids) that performs the operation and
returns what it returned, fully read (`consume`): a `Job`'s lazily parsed fields are
read too, so a malformed field cannot hide until later. `capture_answers` runs each
operation once against an in-process emulator and keeps the 2xx body it received: the
well-formed answers that the bad-data properties corrupt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import httpx

from ionq_emulator.testing import emulator_server
from ionq_facade import Circuit, IonQ, Job, JobPage

__all__ = ["OPERATIONS", "Ids", "capture_answers", "consume"]

BELL = Circuit(2).h(0).cnot(0, 1)
LAZY_FIELDS = tuple(name for name in Job._FIELDS if name not in Job._CHECKED)


@dataclass(frozen=True)
class Ids:
    """Ids of real things on the emulator that captured the answers."""

    done: str  # a completed single-circuit job
    multi: str  # a completed multi-circuit job
    artifact: str  # the probabilities artifact of `done`
    active: tuple[str, ...]  # queued jobs: cancel, move, cancel_many, delete use them
    session: str
    characterization: str


def consume(value: object) -> object:
    """Read `value` through: every lazy field of every job, every item of a container."""
    if isinstance(value, Job):
        for name in LAZY_FIELDS:
            getattr(value, name)
        value.to_dict()
    elif isinstance(value, JobPage):
        for job in value.jobs:
            consume(job)
    elif isinstance(value, Mapping):
        for item in value.values():
            consume(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            consume(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            consume(getattr(value, f.name))
    repr(value)
    return value


Operation = Callable[[IonQ, Ids], object]

OPERATIONS: dict[str, Operation] = {
    "whoami": lambda c, i: c.whoami(),
    "jobs.create": lambda c, i: c.jobs.create(BELL, backend="simulator", shots=10),
    "jobs.create multi": lambda c, i: c.jobs.create([BELL, BELL], backend="simulator"),
    "jobs.get": lambda c, i: c.jobs.get(i.done),
    "jobs.get raw": lambda c, i: c.jobs.with_raw_response.get(i.done).parse(),
    "jobs.list": lambda c, i: list(c.jobs.list(limit=3)),
    "jobs.list_page": lambda c, i: c.jobs.list_page(limit=5),
    "jobs.cancel": lambda c, i: c.jobs.cancel(i.active[0]),
    "jobs.cancel_many": lambda c, i: c.jobs.cancel_many([i.active[1]]),
    "jobs.delete": lambda c, i: c.jobs.delete(i.active[2]),
    "jobs.delete_many": lambda c, i: c.jobs.delete_many([i.active[3]]),
    "jobs.cost": lambda c, i: c.jobs.cost(i.done),
    "jobs.estimate": lambda c, i: c.jobs.estimate(backend="qpu.forte-1", qubits=2, shots=100),
    "jobs.probabilities": lambda c, i: c.jobs.probabilities(i.done),
    "jobs.child_probabilities": lambda c, i: c.jobs.child_probabilities(i.multi),
    "jobs.artifact": lambda c, i: c.jobs.artifact(i.done, i.artifact),
    "jobs.clone": lambda c, i: c.jobs.clone(i.done, shots=5),
    "jobs.move": lambda c, i: c.jobs.move(i.active[4], name="moved"),
    "jobs.wait": lambda c, i: c.jobs.wait(i.done, timeout=5, poll_interval=1),
    "jobs.wait_many": lambda c, i: c.jobs.wait_many([i.done], timeout=5, poll_interval=1),
    "backends.list": lambda c, i: c.backends.list(),
    "backends.get": lambda c, i: c.backends.get("simulator"),
    "characterizations.list": lambda c, i: c.characterizations.list("qpu.forte-1", limit=2),
    "characterizations.get": lambda c, i: c.characterizations.get(
        "qpu.forte-1", i.characterization
    ),
    "sessions.create": lambda c, i: c.sessions.create("simulator", job_count_limit=3),
    "sessions.get": lambda c, i: c.sessions.get(i.session),
    "sessions.list": lambda c, i: c.sessions.list(),
    "sessions.end": lambda c, i: c.sessions.end(i.session),
    "sessions.jobs": lambda c, i: list(c.sessions.jobs(i.session)),
}


def _prepare(client: IonQ, complete: Callable[[], object]) -> Ids:
    done = client.jobs.create(BELL, backend="simulator", shots=100).id
    multi = client.jobs.create([BELL, BELL], backend="simulator").id
    complete()
    job = client.jobs.get(done)
    artifacts = job.results.artifacts if job.results is not None else {}
    active = tuple(client.jobs.create(BELL, backend="simulator").id for _ in range(5))
    session = client.sessions.create("simulator")
    client.jobs.create(BELL, backend="simulator", session_id=session.id)
    characterization = client.backends.get("qpu.forte-1").characterization_id
    assert characterization is not None
    return Ids(
        done=done,
        multi=multi,
        artifact=next(iter(artifacts.values())).id,
        active=active,
        session=session.id,
        characterization=characterization,
    )


def capture_answers(
    names: Iterable[str] = OPERATIONS,
    *,
    api_key: str = "capture-key",
    keep_results: list[object] | None = None,
) -> tuple[Ids, dict[str, tuple[int, bytes]]]:
    """Run each operation against a fresh emulator; its last 2xx (status, body) by name.

    `keep_results`, if given, receives what each operation returned."""
    last: list[httpx.Response] = []

    def keep(response: httpx.Response) -> None:
        response.read()
        if response.is_success:
            last.append(response)

    answers: dict[str, tuple[int, bytes]] = {}
    with (
        emulator_server(mode="manual", seed=3) as server,
        httpx.Client(event_hooks={"response": [keep]}) as http,
        IonQ(api_key=api_key, base_url=server.base_url, http_client=http) as client,
    ):
        ids = _prepare(client, server.emulator.complete_all)
        for name in names:
            last.clear()
            result = consume(OPERATIONS[name](client, ids))
            if keep_results is not None:
                keep_results.append(result)
            answers[name] = (last[-1].status_code, last[-1].content)
    return ids, answers
