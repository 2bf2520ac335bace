"""Bad arguments raise a clear ValueError/TypeError subclass before any request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ionq_facade import ArgumentTypeError, InvalidArgumentError, IonQ, IonQError, JobStatus

from .conftest import FakeAPI

BAD_IDS: list[Any] = [
    "",
    " job",
    "job 1",
    "job\n1",
    "../whoami",
    "job/1",
    "job?x=1",
    "job#1",
    "%2e%2e",
    ".hidden",
    "x" * 129,
    "jöb",
]


@pytest.mark.parametrize("bad", BAD_IDS)
@pytest.mark.parametrize(
    "call",
    [
        lambda c, i: c.jobs.get(i),
        lambda c, i: c.jobs.cancel(i),
        lambda c, i: c.jobs.delete(i),
        lambda c, i: c.jobs.cost(i),
        lambda c, i: c.jobs.probabilities(i),
        lambda c, i: c.jobs.clone(i),
        lambda c, i: c.jobs.move(i),
        lambda c, i: c.jobs.wait(i),
        lambda c, i: c.jobs.artifact("job-1", i),
        lambda c, i: c.sessions.get(i),
        lambda c, i: c.backends.get(i),
        lambda c, i: c.characterizations.get("simulator", i),
    ],
)
def test_malformed_ids_never_reach_a_url(
    api: FakeAPI, client: IonQ, bad: str, call: Callable[[IonQ, str], object]
) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        call(client, bad)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, IonQError)
    assert api.requests == []


@given(st.uuids())
def test_uuids_are_accepted(ident: Any) -> None:
    from ionq_facade._validation import job_id

    assert job_id(str(ident)) == str(ident)


@pytest.mark.parametrize("bad", [None, 42, b"job-1", ["job-1"]])
def test_ids_of_the_wrong_type(api: FakeAPI, client: IonQ, bad: Any) -> None:
    with pytest.raises(ArgumentTypeError) as info:
        client.jobs.get(bad)
    assert isinstance(info.value, TypeError)
    assert api.requests == []


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda c: c.jobs.cancel_many([]), InvalidArgumentError),
        (lambda c: c.jobs.delete_many([]), InvalidArgumentError),
        (lambda c: c.jobs.wait_many([]), InvalidArgumentError),
        (lambda c: c.jobs.wait_many(iter([])), InvalidArgumentError),
        (lambda c: c.jobs.cancel_many("job-1"), ArgumentTypeError),
        (lambda c: c.jobs.delete_many("job-1"), ArgumentTypeError),
        (lambda c: c.jobs.wait_many("job-1"), ArgumentTypeError),
        (lambda c: c.jobs.list(ids=[]), InvalidArgumentError),
        (lambda c: c.jobs.list(colour="red"), ArgumentTypeError),
        (lambda c: c.sessions.jobs("s-1", session_id="s-2"), ArgumentTypeError),
        (lambda c: c.jobs.list(target=["simulator", 3]), ArgumentTypeError),
        (lambda c: c.jobs.list(parent_job_id="../x"), InvalidArgumentError),
        (lambda c: c.jobs.list(limit=0), InvalidArgumentError),
        (lambda c: c.jobs.list(limit="10"), ArgumentTypeError),
        (lambda c: c.jobs.list(status=JobStatus.UNKNOWN), InvalidArgumentError),
        (lambda c: c.jobs.list(status=3), ArgumentTypeError),
        (lambda c: c.jobs.list(target=""), ArgumentTypeError),
        (lambda c: c.jobs.estimate(backend="simulator", shots=0), InvalidArgumentError),
        (lambda c: c.jobs.estimate(backend="simulator", qubits=0), InvalidArgumentError),
        (lambda c: c.jobs.estimate(backend="simulator", two_qubit_gates=-1), InvalidArgumentError),
        (lambda c: c.jobs.estimate(backend=None), ArgumentTypeError),
        (lambda c: c.jobs.probabilities("job-1", sharpen="yes"), ArgumentTypeError),
        (lambda c: c.jobs.get("job-1", timeout=-5), InvalidArgumentError),
        (lambda c: c.jobs.get("job-1", timeout="5"), InvalidArgumentError),
        (lambda c: c.sessions.create("simulator", job_count_limit=0), InvalidArgumentError),
        (lambda c: c.sessions.create("simulator", cost_limit=5), ArgumentTypeError),
        (lambda c: c.sessions.list(active="yes"), ArgumentTypeError),
        (lambda c: c.characterizations.list("simulator", limit=0), InvalidArgumentError),
    ],
)
def test_bad_arguments_raise_before_sending(
    api: FakeAPI, client: IonQ, call: Callable[[IonQ], object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        call(client)
    assert api.requests == []


def test_settings_values_are_checked_when_built() -> None:
    from ionq_facade import Compilation, ErrorMitigation, Noise, Settings

    with pytest.raises(ArgumentTypeError):
        Compilation(opt="high")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        Compilation(opt=True)
    with pytest.raises(ArgumentTypeError):
        ErrorMitigation(debiasing=1)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        Settings(compilation={"opt": 1})  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        Noise(model=None)  # type: ignore[arg-type]
