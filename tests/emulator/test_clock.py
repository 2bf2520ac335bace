"""Seeded clocks: reproducible starts, and in clock mode the caller's real waits count."""

from __future__ import annotations

import time

import pytest

from ionq_emulator.clock import EPOCH, SeededClock, SystemClock, VirtualClock
from ionq_emulator.emulator import Emulator
from ionq_emulator.testing import emulator_server

from .helpers import api_client, job_body

DWELL = 0.02


def test_each_configuration_gets_its_clock() -> None:
    assert type(Emulator(mode="clock").clock) is SystemClock
    assert type(Emulator(mode="manual").clock) is SystemClock
    assert isinstance(Emulator(mode="clock", seed=1).clock, SeededClock)
    assert isinstance(Emulator(mode="manual", seed=1).clock, VirtualClock)
    stepped = Emulator(mode="clock", seed=1, clock_step=0.5).clock
    assert isinstance(stepped, VirtualClock)
    assert stepped.step == 0.5


def test_a_seeded_clock_starts_at_the_epoch_and_follows_real_time() -> None:
    clock = SeededClock()
    first = clock.now()
    assert EPOCH <= first < EPOCH + 1.0
    time.sleep(0.05)
    assert clock.now() - first >= 0.05
    clock.advance(10.0)
    assert clock.now() - first >= 10.05
    with pytest.raises(ValueError, match="forward"):
        clock.advance(-1.0)


def test_seeded_clock_mode_finishes_a_job_after_its_dwell_times_not_after_many_requests() -> None:
    # Two requests in all: the create, and one read after a real wait of the dwell times.
    ids = []
    for _ in range(2):
        with (
            emulator_server(mode="clock", seed=7, dwell=DWELL) as server,
            api_client(server, key="clock-test") as client,
        ):
            job_id = client.post("/jobs", json=job_body(shots=100)).json()["id"]
            time.sleep(4 * DWELL)
            job = client.get(f"/jobs/{job_id}").json()
        assert job["status"] == "completed"
        assert job["submitted_at"].startswith("2025-06-16T00:00:0")
        ids.append(job_id)
    assert ids[0] == ids[1]  # ids stay reproducible under the seed
