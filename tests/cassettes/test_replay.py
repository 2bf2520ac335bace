"""Replaying the cassette suite: no server, no network, every interaction played.

Each scenario's own assertions check the façade against what was recorded; the
replay fails on a request the cassette does not hold (method, path, query, JSON body)
and on a recorded request the façade no longer sends.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from vcr.errors import CannotOverwriteExistingCassetteException

from ionq_emulator.cassettes import check_cassettes
from ionq_emulator.conformance import match_operation
from ionq_emulator.recording import query_lists
from ionq_emulator.spec import load_spec
from ionq_facade import IonQ
from ionq_facade.resources.backends import Backends, Characterizations
from ionq_facade.resources.jobs import Jobs
from ionq_facade.resources.sessions import Sessions

from .paths import CASSETTE_DIR, LIVE_DIR
from .recording import ReplayIncomplete, replay, replaying
from .scenarios import SCENARIOS, Scenario, bell
from .stage import NoControls, Stage, offline_http

# Cassettes recorded live by a maintainer are replayed too, when present.
REPLAYS = [pytest.param(s, CASSETTE_DIR, id=s.name) for s in SCENARIOS.values()] + [
    pytest.param(s, LIVE_DIR, id=f"live-{s.name}")
    for s in SCENARIOS.values()
    if (LIVE_DIR / s.cassette).is_file()
]


def interactions(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = data["interactions"]
    return found


@pytest.mark.parametrize(("scenario", "directory"), REPLAYS)
def test_scenario_replays(scenario: Scenario, directory: Path) -> None:
    replay(scenario, directory)


def _stage() -> Stage:
    return Stage(NoControls(), emulated=True, http=offline_http)


def _send_a_changed_create() -> None:
    stage = _stage()
    with replaying(CASSETTE_DIR / "jobs_lifecycle.yaml"):
        client = stage.client()
        # Recorded: shots=200. One field different in the body is a different request.
        with pytest.raises(CannotOverwriteExistingCassetteException, match="json_body_strict"):
            client.jobs.create(bell("bell"), backend="simulator", shots=201)
    stage.close()


def test_a_request_the_cassette_does_not_hold_fails() -> None:
    # The request is refused; and the recorded one it replaced was never played.
    with pytest.raises(ReplayIncomplete):
        _send_a_changed_create()


def test_a_recorded_request_left_unsent_fails() -> None:
    stage = _stage()
    with (
        pytest.raises(ReplayIncomplete, match="not sent"),
        replaying(CASSETTE_DIR / "account_backends.yaml"),
    ):
        stage.client().whoami()
    stage.close()


def test_replay_cannot_reach_a_network_outside_a_cassette() -> None:
    with offline_http() as http, pytest.raises(AssertionError, match="to the network"):
        http.get("http://127.0.0.1:1/v0.4/whoami")


# -- what the cassettes hold --------------------------------------------------------------------


def recorded() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted(CASSETTE_DIR.glob("*.yaml")):
        for interaction in interactions(path):
            yield path.name, interaction


def test_the_suite_is_exactly_the_scenarios() -> None:
    assert sorted(p.name for p in CASSETTE_DIR.glob("*.yaml")) == sorted(
        s.cassette for s in SCENARIOS.values()
    )


def test_every_operation_of_the_contract_is_recorded() -> None:
    seen = set()
    for _, interaction in recorded():
        request = interaction["request"]
        op = match_operation(request["method"], urlsplit(request["uri"]).path)
        assert op is not None, f"not an operation of the contract: {request['uri']}"
        seen.add(op.operation_id)
    assert seen == set(load_spec().operations)


def test_error_paths_and_pages_are_recorded() -> None:
    errors = interactions(CASSETTE_DIR / "errors.yaml")
    statuses = {i["response"]["status"]["code"] for i in errors}
    assert {400, 401, 404, 409, 429} <= statuses
    assert any(
        i["response"]["status"]["code"] == 409 and i["request"]["uri"].endswith("/move")
        for i in errors
    )
    assert all(
        i["response"]["headers"].get("retry-after")
        for i in errors
        if i["response"]["status"]["code"] == 429
    )
    pages = interactions(CASSETTE_DIR / "list_pages.yaml")
    followed = [i for i in pages if "next" in query_lists_of(i)]
    assert len(followed) >= 2


def query_lists_of(interaction: dict[str, Any]) -> dict[str, list[str]]:
    from vcr.request import Request

    request = interaction["request"]
    return query_lists(Request(request["method"], request["uri"], b"", {}))


# -- every façade operation is exercised by some scenario --------------------------------------

_RESOURCES: tuple[type, ...] = (IonQ, Jobs, Sessions, Backends, Characterizations)


def _is_operation(name: str, value: object) -> bool:
    # The resource methods (generated from resources/_bindings.py) and `whoami`; `close`
    # and the context-manager methods manage the client and send nothing.
    return inspect.isfunction(value) and not name.startswith("_") and name != "close"


# Operations no recording can exercise: reconcile takes a JobMayExistError (an answer
# lost in transit, which a live recording cannot provoke); its requests are job listing
# pages, which the listing scenarios record.
_UNRECORDABLE = frozenset({"Jobs.reconcile"})


def facade_operations() -> set[str]:
    return {
        f"{cls.__name__}.{name}"
        for cls in _RESOURCES
        for name, value in vars(cls).items()
        if _is_operation(name, value) and f"{cls.__name__}.{name}" not in _UNRECORDABLE
    }


class _Spy:
    """Records each call of a bound operation, then makes it."""

    def __init__(self, original: Any, label: str, calls: set[str]) -> None:
        self.original = original
        self.label = label
        self.calls = calls
        self.name = label.rsplit(".", 1)[1]

    def __get__(self, obj: Any, owner: type) -> Callable[..., Any]:
        bound = self.original.__get__(obj, owner)
        vars(obj).pop(self.name, None)  # the original caches itself on the instance

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.add(self.label)
            return bound(*args, **kwargs)

        return call


def test_every_facade_operation_is_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = facade_operations()
    assert len(expected) >= 25
    calls: set[str] = set()
    for cls in _RESOURCES:
        for name, value in list(vars(cls).items()):
            if _is_operation(name, value):
                monkeypatch.setattr(cls, name, _Spy(value, f"{cls.__name__}.{name}", calls))
    for scenario in SCENARIOS.values():
        replay(scenario)
    assert expected - calls == set()


def test_every_recorded_interaction_conforms_to_the_contract() -> None:
    # The shipped checker (ionq-emulator check-cassettes), on the committed cassettes.
    assert [str(v) for v in check_cassettes([CASSETTE_DIR])] == []
