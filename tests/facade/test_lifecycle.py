"""The one lifecycle table (generated from the spec's x-lifecycle) and what follows from it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from ionq_facade import JobStatus, LifecycleViolationError
from ionq_facade._lifecycle import (
    TERMINAL,
    TRANSITIONS,
    check_observed,
    is_reachable,
    parse_status,
)

ROOT = Path(__file__).resolve().parents[2]
S = JobStatus
KNOWN = [s for s in JobStatus if s is not S.UNKNOWN]


def _status(name: str) -> JobStatus:
    return parse_status(name)


def test_every_known_status_of_the_spec_parses() -> None:
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    for name in spec["components"]["schemas"]["JobStatus"]["x-known-values"]:
        assert parse_status(name) is not S.UNKNOWN


def test_running_is_started_and_unknown_is_kept() -> None:
    assert parse_status("running") is S.STARTED
    assert parse_status("started") is S.STARTED
    assert parse_status("paused-for-calibration") is S.UNKNOWN
    assert parse_status("") is S.UNKNOWN
    assert parse_status("COMPLETED") is S.UNKNOWN  # statuses are case-sensitive


def test_constructing_a_status_never_raises_for_a_string() -> None:
    assert JobStatus("running") is S.STARTED
    assert JobStatus("queued-somewhere") is S.UNKNOWN
    with pytest.raises(ValueError, match="3"):
        JobStatus(3)  # type: ignore[arg-type]


def test_terminal_states_lead_nowhere() -> None:
    for terminal in TERMINAL:
        for other in KNOWN:
            assert is_reachable(terminal, other) is (other is terminal)


@pytest.mark.parametrize(
    ("previous", "current", "legal"),
    [
        (S.SUBMITTED, S.COMPLETED, True),  # a poller may miss ready and started
        (S.READY, S.SUBMITTED, True),
        (S.READY, S.FAILED, True),
        (S.STARTED, S.CANCELED, True),
        (S.STARTED, S.STARTED, True),
        (S.COMPLETED, S.STARTED, False),
        (S.STARTED, S.SUBMITTED, False),
        (S.STARTED, S.READY, False),
        (S.CANCELED, S.COMPLETED, False),
        (S.FAILED, S.SUBMITTED, False),
    ],
)
def test_reachability(previous: JobStatus, current: JobStatus, legal: bool) -> None:
    assert is_reachable(previous, current) is legal


@given(st.sampled_from(list(JobStatus)), st.sampled_from(list(JobStatus)))
def test_check_observed_raises_exactly_on_unreachable(a: JobStatus, b: JobStatus) -> None:
    verdict = is_reachable(a, b)
    if verdict is False:
        with pytest.raises(LifecycleViolationError) as info:
            check_observed("job-1", a, b)
        assert (info.value.previous, info.value.current) == (a, b)
        assert a.value in str(info.value)
        assert b.value in str(info.value)
    else:
        check_observed("job-1", a, b)  # unknown statuses are neither legal nor illegal
        assert verdict is None or a is b or (a, b) in TRANSITIONS or not a.is_terminal


def test_status_properties() -> None:
    assert [s for s in JobStatus if s.is_terminal] == [S.COMPLETED, S.FAILED, S.CANCELED]
    assert [s for s in JobStatus if s.is_cancelable] == [S.SUBMITTED, S.READY, S.STARTED]
    assert not S.UNKNOWN.is_terminal
    assert not S.UNKNOWN.is_cancelable
    assert isinstance(S.COMPLETED, str)
    assert str(S.COMPLETED) == "completed"  # a str, usable wherever the API wants the string
