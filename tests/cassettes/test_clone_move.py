"""Property 3: clone/move semantics.

Replayed: `clone_move_property.yaml` holds the derandomized examples' requests and is
replayed by test_replay. Live: the same check, against a running emulator with fresh
random examples every run, so it explores beyond what was recorded.
"""

from __future__ import annotations

from pathlib import Path

import hypothesis
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ionq_emulator import jobs as emulator_jobs
from ionq_facade import IonQ

from .paths import CASSETTE_DIR
from .properties import INHERITED, check_clone_move
from .recording import replay
from .scenarios import SCENARIOS, bell
from .stage import Stage
from .strategies import CloneMoveCase, World, clone_move_cases


@pytest.fixture
def world(live_stage: Stage) -> tuple[IonQ, World]:
    client = live_stage.client()
    sessions = [client.sessions.create("simulator").id for _ in range(2)]
    parent = client.jobs.create(bell("parent"), backend="simulator").id
    return client, World(
        backends=("simulator", "qpu.aria-1", "qpu.forte-1", "qpu.forte-enterprise-1"),
        session_ids=tuple(sessions),
        parents=(parent,),
        noise_models=("ideal", "aria-1", "aria-2", "forte-1"),
    )


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_clone_move_semantics_live(
    live_stage: Stage, world: tuple[IonQ, World], data: st.DataObject
) -> None:
    client, known = world
    case = data.draw(clone_move_cases(known), label="case")
    check_clone_move(live_stage, client, known, case)


def test_every_overridable_field_is_covered() -> None:
    assert set(INHERITED) == {
        "name", "shots", "backend", "metadata", "session_id", "parent", "settings", "noise",
        "dry_run",
    }  # fmt: skip


def test_the_property_fails_when_a_field_is_not_inherited(
    live_stage: Stage, world: tuple[IonQ, World], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, known = world
    case = CloneMoveCase(operation="clone", source_status="ready", pass_snapshot=True, wire={})
    check_clone_move(live_stage, client, known, case)
    # An emulator whose clone forgets to inherit the name: the property notices.
    monkeypatch.setattr(
        emulator_jobs, "_INHERITED", tuple(f for f in emulator_jobs._INHERITED if f != "name")
    )
    with pytest.raises(AssertionError, match="name"):
        check_clone_move(live_stage, client, known, case)


def test_a_replay_by_another_hypothesis_says_to_re_record(tmp_path: Path) -> None:
    name = SCENARIOS["clone_move_property"].cassette
    text = (CASSETTE_DIR / name).read_text(encoding="utf-8")
    installed = f"hypothesis: {hypothesis.__version__}"
    assert installed in text
    # As if recorded by another version, which drew other examples than this one.
    other = text.replace(installed, "hypothesis: 0.0.1").replace("/clone\n", "/clone-other\n", 1)
    (tmp_path / name).write_text(other, encoding="utf-8")
    with pytest.raises(AssertionError, match=r"recorded with Hypothesis 0\.0\.1"):
        replay(SCENARIOS["clone_move_property"], tmp_path)
