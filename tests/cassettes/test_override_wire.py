"""Property 1: the clone/move body is exactly the overrides given, and round-trips.

Plus the demonstration the issue asks for: a façade that leaks a default `shots` into
the body fails this property and fails the cassette replay.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from vcr.errors import CannotOverwriteExistingCassetteException

from ionq_facade import _flow
from ionq_facade.resources import _job_calls

from .properties import check_override_wire, sent_override_body
from .recording import replay
from .scenarios import SCENARIOS
from .strategies import OverrideCase, facade_kwargs, override_cases

OPERATIONS = st.sampled_from(("clone", "move"))

# Falsy values are values: each must be sent as given, never dropped or defaulted.
FALSY: dict[str, Any] = {
    "name": "",
    "metadata": {},
    "dry_run": False,
    "settings": {"compilation": {"opt": 0}, "error_mitigation": {"debiasing": False}},
    "noise": {"model": "", "seed": 0},
}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operation=OPERATIONS, case=override_cases())
@example(operation="clone", case=OverrideCase(wire={}, kwargs={}))
@example(operation="move", case=OverrideCase(wire=FALSY, kwargs=facade_kwargs(FALSY)))
@example(
    operation="clone",
    case=OverrideCase(wire={"settings": {}}, kwargs=facade_kwargs({"settings": {}}, ["shots"])),
)
def test_override_body_is_exactly_the_overrides(operation: str, case: OverrideCase) -> None:
    check_override_wire(operation, case)


def test_none_means_not_given() -> None:
    body = sent_override_body("clone", {"shots": None, "name": None, "noise": None})
    assert body == {}


@pytest.fixture
def leaky_facade(monkeypatch: pytest.MonkeyPatch) -> None:
    """The façade broken as the issue describes: every override body gets `shots: 100`."""
    original = _job_calls._override_call

    def leaky(
        ident: str, operation: str, overrides: Any, timeout: Any
    ) -> _flow.Call[Any]:
        call = original(ident, operation, overrides, timeout)
        assert isinstance(call.json, dict)
        call.json = {"shots": 100, **call.json}
        return call

    monkeypatch.setattr(_job_calls, "_override_call", leaky)


@pytest.mark.usefixtures("leaky_facade")
def test_a_default_shots_fails_property_1() -> None:
    with pytest.raises(AssertionError, match="expected exactly"):
        check_override_wire("clone", OverrideCase(wire={"name": "x"}, kwargs={"name": "x"}))
    # And the property itself finds it, from its own examples.
    with pytest.raises(AssertionError):
        test_override_body_is_exactly_the_overrides()


@pytest.mark.usefixtures("leaky_facade")
@pytest.mark.parametrize("name", ["jobs_lifecycle", "clone_move_property"])
def test_a_default_shots_fails_the_replay(name: str) -> None:
    with pytest.raises(CannotOverwriteExistingCassetteException, match="shots"):
        replay(SCENARIOS[name])
