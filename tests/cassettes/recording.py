"""Recording a scenario into its cassette, and replaying it from there.

Recording runs the scenario against a fresh emulator (manual mode, seeded ids and
clock, every answer checked against openapi.yaml), or against the live API, through
`cassette_vcr(record_mode="all")`; the cassette is written to a temporary file and
moved into place only when the scenario passed. Replaying runs the same scenario with
`record_mode="none"`, no server and no network, and requires every recorded
interaction to be played.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from vcr.cassette import Cassette

from ionq_emulator import Emulator
from ionq_emulator.recording import EMULATOR_BASE_URL, EMULATOR_ORIGIN, cassette_vcr
from ionq_emulator.testing import emulator_server
from ionq_facade import DEFAULT_BASE_URL as LIVE_BASE_URL

from .paths import CASSETTE_DIR, LIVE_DIR
from .scenarios import SEED, Scenario
from .stage import OTHER_KEY, RECORDING_KEY, EmulatorControls, NoControls, Stage, offline_http

__all__ = ["ReplayIncomplete", "record", "record_live", "replay", "replaying"]


class ReplayIncomplete(AssertionError):
    """A replay left recorded interactions unplayed: the façade sent fewer requests."""


def _http() -> httpx.Client:
    return httpx.Client(timeout=30.0)


def _async_http() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=30.0)


def _write(
    scenario: Scenario,
    stage: Stage,
    path: Path,
    check: Callable[[], None] = lambda: None,
    **vcr_options: Any,
) -> Path:
    """Run `scenario` recording into `path`; the file is replaced only when the scenario
    and then `check` pass, so a failed re-record leaves the committed cassette alone."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with cassette_vcr(record_mode="all", **vcr_options).use_cassette(
            str(partial), record_on_exception=False
        ) as cassette:
            stage.cassette = cassette
            scenario.run(stage)
        check()
        partial.replace(path)
    finally:
        stage.close()
        partial.unlink(missing_ok=True)
    return path


def record(scenario: Scenario, directory: Path = CASSETTE_DIR) -> Path:
    """Record `scenario` against a fresh seeded emulator into `directory`."""
    emulator = Emulator(mode="manual", seed=SEED, validate_responses=True, **scenario.emulator)
    with emulator_server(emulator) as server:

        def conformant() -> None:
            problems = server.emulator.conformance_errors
            if problems:
                raise AssertionError("the emulator broke the contract:\n" + "\n".join(problems))

        stage = Stage(
            EmulatorControls(server),
            emulated=True,
            base_url=server.base_url,
            http=_http,
            async_http=_async_http,
            api_key=RECORDING_KEY,
        )
        return _write(
            scenario,
            stage,
            directory / scenario.cassette,
            conformant,
            secrets=(RECORDING_KEY, OTHER_KEY),
            origin=EMULATOR_ORIGIN,
        )


def record_live(
    scenario: Scenario, directory: Path, api_key: str, base_url: str = LIVE_BASE_URL
) -> Path:
    """Record `scenario` against api.ionq.co with `api_key` (scrubbed from the cassette):
    real time, no controls, URIs as sent."""
    if not scenario.live:
        raise ValueError(f"scenario {scenario.name} needs the emulator")
    stage = Stage(
        NoControls(),
        emulated=False,
        base_url=base_url,
        http=_http,
        async_http=_async_http,
        api_key=api_key,
        real_time=True,
    )
    return _write(
        scenario, stage, directory / scenario.cassette, secrets=(api_key, OTHER_KEY), origin=None
    )


@contextmanager
def replaying(path: Path) -> Iterator[Cassette]:
    """vcrpy replaying `path`: an unmatched request raises, and on leaving every recorded
    interaction must have been played (else `ReplayIncomplete`)."""
    if not path.is_file():
        raise FileNotFoundError(f"no cassette {path}: record it with scripts/record_cassettes")
    with cassette_vcr(record_mode="none").use_cassette(
        str(path), allow_playback_repeats=False
    ) as cassette:
        yield cassette
    if not cassette.all_played:
        unplayed = [
            f"{r.method} {r.uri}"
            for index, r in enumerate(cassette.requests)
            if not cassette.play_counts[index]
        ]
        raise ReplayIncomplete(
            f"{path.name}: {len(unplayed)} recorded request(s) not sent: {unplayed[:5]}"
        )


def replay(scenario: Scenario, directory: Path = CASSETTE_DIR) -> Stage:
    """Run `scenario` from its cassette in `directory`; returns the stage it ran on."""
    stage = Stage(
        NoControls(),
        emulated=directory.resolve() != LIVE_DIR.resolve(),
        base_url=EMULATOR_BASE_URL,
        http=offline_http,
    )
    try:
        with replaying(directory / scenario.cassette) as cassette:
            stage.cassette = cassette
            scenario.run(stage)
    finally:
        stage.close()
    return stage
