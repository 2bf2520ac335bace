"""Typed results of every format, read from either results shape (and both at once)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import TEST_API_KEY
from ionq_facade import (
    APIResponseValidationError,
    AsyncIonQ,
    Circuit,
    Histogram,
    InvalidArgumentError,
    IonQ,
    Job,
    Noise,
    RegisterDistributions,
    RegisterShots,
    Shots,
)
from ionq_facade._generated.tables import ResultFormat
from ionq_facade._results import result_call

SHOTS_V1 = ResultFormat.SHOTS_V1

BASE = "http://127.0.0.1:1/v0.4"


def noisy_bell(client: IonQ, server: EmulatorServer, shots: int = 100) -> Job:
    ref = client.jobs.create(
        Circuit(2).h(0).cnot(0, 1), backend="simulator", shots=shots, noise=Noise("aria-1", 11)
    )
    server.emulator.advance(ref.id, to="completed")
    return client.jobs.get(ref)


def test_shots_histogram_and_probabilities_agree(emulated: IonQ, emulator: EmulatorServer) -> None:
    job = noisy_bell(emulated, emulator)
    shots = emulated.jobs.shots(job)
    assert isinstance(shots, Shots)
    assert len(shots) == 100
    histogram = emulated.jobs.histogram(job)
    assert isinstance(histogram, Histogram)
    assert shots.histogram() == histogram
    assert histogram.total == 100
    probabilities = emulated.jobs.probabilities(job)
    assert {s: c / 100 for s, c in histogram.counts.items()} == pytest.approx(dict(probabilities))


def test_per_register_results(emulated: IonQ, emulator: EmulatorServer) -> None:
    job = noisy_bell(emulated, emulator)
    shots = emulated.jobs.shots(job)
    per_register = emulated.jobs.register_shots(job)
    assert isinstance(per_register, RegisterShots)
    bits = per_register.register("output_all")
    assert [b[0] + 2 * b[1] for b in bits] == list(shots.outcomes)
    distributions = emulated.jobs.register_probabilities(job)
    counts = emulated.jobs.register_histogram(job)
    assert isinstance(distributions, RegisterDistributions)
    assert set(distributions["output_all"]) == set(counts["output_all"])
    assert sum(counts["output_all"].values()) == 100


def test_a_job_id_is_read_first_to_find_its_results(
    emulated: IonQ, emulator: EmulatorServer
) -> None:
    job = noisy_bell(emulated, emulator, shots=30)
    assert emulated.jobs.shots(job.id) == emulated.jobs.shots(job)


def test_the_ideal_simulator_has_no_shots(emulated: IonQ, emulator: EmulatorServer) -> None:
    ref = emulated.jobs.create(Circuit(1).x(0), backend="simulator", shots=10)
    emulator.emulator.advance(ref.id, to="completed")
    with pytest.raises(InvalidArgumentError, match=r"no ionq\.result\.shots\.json\.v1 result"):
        emulated.jobs.shots(ref.id)
    assert emulated.jobs.histogram(ref.id).counts == {1: 10.0}


def job_with(results: dict[str, Any]) -> Job:
    return Job.from_dict(
        {"id": "j-1", "status": "completed", "type": "ionq.circuit.v1", "backend": "simulator",
         "results": results}
    )  # fmt: skip


def result_path(job: Job, fmt: str, base_url: str) -> str:
    return result_call(job, fmt, base_url, Shots._from_json).path


def test_either_shape_is_read() -> None:
    link = {"shots": {"url": "/v0.4/jobs/j-1/artifacts/a-9"}}
    descriptor = {SHOTS_V1: {"id": "a-1", "format": SHOTS_V1, "media_type": "application/json"}}
    assert result_path(job_with(link), SHOTS_V1, BASE) == "/jobs/j-1/artifacts/a-9"
    assert result_path(job_with(descriptor), SHOTS_V1, BASE) == "/jobs/j-1/artifacts/a-1"
    both = job_with({**link, **descriptor})
    assert result_path(both, SHOTS_V1, BASE) == "/jobs/j-1/artifacts/a-1"
    assert both.results is not None
    assert both.results.links == {"shots": "/v0.4/jobs/j-1/artifacts/a-9"}
    assert set(both.results.artifacts) == {SHOTS_V1}


def test_a_link_off_the_api_is_never_followed() -> None:
    for url in ("https://elsewhere.example/v0.4/jobs/j-1/x", "/other/jobs/j-1/x"):
        with pytest.raises(InvalidArgumentError, match="not under"):
            result_path(job_with({"shots": {"url": url}}), SHOTS_V1, BASE)


def test_malformed_payloads_are_typed_errors() -> None:
    with pytest.raises(TypeError):
        Shots._from_json({"0": 1})
    with pytest.raises(TypeError, match="expected an integer"):
        Histogram._from_json({"zero": 1})
    with pytest.raises(APIResponseValidationError, match=r"ShotsV2\.shots: expected a list"):
        RegisterShots._from_json({"shots": {"registers": {}}})
    with pytest.raises(TypeError, match="expected a bit"):
        RegisterShots._from_json({"shots": [{"registers": {"c": [2]}}]})
    bits = RegisterShots._from_json({"shots": [{"registers": {"c": [1.0, 0]}}]})
    assert bits.register("c") == ((1, 0),)
    assert type(bits.register("c")[0][0]) is int


def test_async_twin(emulator: EmulatorServer) -> None:
    async def main() -> tuple[Shots, Histogram]:
        async with AsyncIonQ(api_key=TEST_API_KEY, base_url=emulator.base_url) as c:
            ref = await c.jobs.create(
                Circuit(1).h(0), backend="simulator", shots=40, noise=Noise("aria-1", 2)
            )
            emulator.emulator.advance(ref.id, to="completed")
            return await c.jobs.shots(ref.id), await c.jobs.histogram(ref.id)

    shots, histogram = asyncio.run(main())
    assert shots.histogram() == histogram
    assert len(shots) == 40
