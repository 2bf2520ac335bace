"""Every result format from one simulation: links and descriptors, per-shot data, registers.

The checks are about agreement between formats (shots counted give the histogram, the
histogram over the shots gives the probabilities, v2 spells v1 per register), never
about hard-coded distributions; the physics itself is checked in test_simulator.py.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import httpx
import pytest

from ionq_emulator import results
from ionq_emulator.results import ResultData, payload, stored
from ionq_emulator.runner import Outcome
from ionq_emulator.server import EmulatorServer

from .helpers import create, job_body

NOISY = {"model": "aria-1", "seed": 42}
FORMATS_WITH_SHOTS = {f for f in results.FORMATS if f != results.AGGREGATE_V1}


def completed(client: httpx.Client, server: EmulatorServer, body: dict[str, Any]) -> dict[str, Any]:
    job_id = create(client, body)
    server.emulator.advance(job_id, to="completed")
    job: dict[str, Any] = client.get(f"/jobs/{job_id}").json()
    assert job["status"] == "completed", job
    return job


def follow(client: httpx.Client, url: str) -> Any:
    """GET a link relative to the API host, as link-reading clients do."""
    response = client.get(str(client.base_url.copy_with(path=url)))
    assert response.status_code == 200, response.text
    return response.json()


def artifact(client: httpx.Client, job: dict[str, Any], fmt: str) -> Any:
    descriptor = job["results"][fmt]
    assert descriptor["format"] == fmt
    assert descriptor["media_type"] == "application/json"
    response = client.get(f"/jobs/{job['id']}/artifacts/{descriptor['id']}")
    assert response.status_code == 200, response.text
    return response.json()


def test_a_noisy_run_of_100_shots_gives_100_outcomes_through_the_link_and_the_descriptor(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    job = completed(client, manual_server, job_body(shots=100, noise=NOISY))
    assert set(job["results"]) == FORMATS_WITH_SHOTS | {"probabilities", "histogram", "shots"}
    by_link = follow(client, job["results"]["shots"]["url"])
    by_descriptor = artifact(client, job, results.SHOTS_V1)
    assert by_link == by_descriptor
    assert len(by_link) == 100
    assert all(isinstance(s, str) and s.isdigit() for s in by_link)  # decimal states
    histogram = artifact(client, job, results.HISTOGRAM_V1)
    assert follow(client, job["results"]["histogram"]["url"]) == histogram
    assert histogram == {k: float(v) for k, v in Counter(by_link).items()}
    probabilities = follow(client, job["results"]["probabilities"]["url"])
    assert probabilities == artifact(client, job, results.PROBABILITIES_V1)
    assert probabilities.keys() == histogram.keys()
    for state, count in histogram.items():
        assert math.isclose(probabilities[state], count / 100)


def test_v2_formats_spell_the_same_shots_per_register(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    job = completed(client, manual_server, job_body(shots=100, noise=NOISY))
    shots = artifact(client, job, results.SHOTS_V1)
    (register,) = artifact(client, job, results.SHOTS_V2)["shots"][0]["registers"]
    per_shot = [s["registers"][register] for s in artifact(client, job, results.SHOTS_V2)["shots"]]
    # Element i of a register's bit array is bit i: qubit 0 is the least significant.
    assert [sum(bit << i for i, bit in enumerate(bits)) for bits in per_shot] == list(
        map(int, shots)
    )
    histogram_v2 = artifact(client, job, results.HISTOGRAM_V2)["histogram"]["registers"]
    probabilities_v2 = artifact(client, job, results.PROBABILITIES_V2)["probabilities"]
    histogram = artifact(client, job, results.HISTOGRAM_V1)
    assert histogram_v2 == {register: {format(int(k), "02b"): v for k, v in histogram.items()}}
    assert set(probabilities_v2["registers"][register]) == set(histogram_v2[register])


def test_the_same_noise_seed_gives_the_same_shots_in_the_same_order(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    first, second = (
        completed(client, manual_server, job_body(shots=200, noise=NOISY)) for _ in "ab"
    )
    other = completed(client, manual_server, job_body(shots=200, noise={**NOISY, "seed": 43}))
    shots = [artifact(client, j, results.SHOTS_V1) for j in (first, second, other)]
    assert shots[0] == shots[1]
    assert shots[0] != shots[2]


def test_the_ideal_simulator_has_no_shots_and_expected_counts(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    job = completed(client, manual_server, job_body(shots=1000))
    assert set(job["results"]) == {
        results.PROBABILITIES_V1, results.PROBABILITIES_V2, results.HISTOGRAM_V1,
        results.HISTOGRAM_V2, "probabilities", "histogram",
    }  # fmt: skip
    probabilities = artifact(client, job, results.PROBABILITIES_V1)
    histogram = artifact(client, job, results.HISTOGRAM_V1)
    assert histogram == pytest.approx({k: 1000 * p for k, p in probabilities.items()})


def test_a_qpu_job_has_shots_and_no_noise_field(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    off = {"error_mitigation": {"debiasing": False}}
    job = completed(client, manual_server, job_body(backend="qpu.aria-1", shots=50, settings=off))
    assert "noise" not in job  # IonQ shows `noise` on simulator jobs only
    assert len(follow(client, job["results"]["shots"]["url"])) == 50
    assert "error_mitigation" not in job["output"]  # not debiased


def test_a_multi_circuit_job_serves_the_aggregate_and_its_children_their_formats(
    client: httpx.Client, manual_server: EmulatorServer
) -> None:
    flip = {"gateset": "qis", "qubits": 1, "circuit": [{"gate": "x", "target": 0}]}
    body = {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "shots": 100,
        "noise": NOISY,
        "input": {"gateset": "qis", "circuits": [job_body()["input"], flip]},
    }
    job = completed(client, manual_server, body)
    assert set(job["results"]) == {results.AGGREGATE_V1, "probabilities"}
    aggregate = artifact(client, job, results.AGGREGATE_V1)
    assert aggregate == follow(client, job["results"]["probabilities"]["url"])
    assert list(aggregate) == job["child_job_ids"]
    for child_id in job["child_job_ids"]:
        child = client.get(f"/jobs/{child_id}").json()
        assert artifact(client, child, results.PROBABILITIES_V1) == aggregate[child_id]
        assert len(artifact(client, child, results.SHOTS_V1)) == 100
    listed = client.get("/jobs", params={"ids": job["id"]}).json()["jobs"]
    assert "child_job_ids" not in listed[0]  # IonQ's BaseJob (list items) has none


def test_unknown_artifacts_are_404(client: httpx.Client, manual_server: EmulatorServer) -> None:
    job = completed(client, manual_server, job_body())
    assert client.get(f"/jobs/{job['id']}/artifacts/other").status_code == 404
    record = manual_server.emulator.store.jobs[job["id"]]
    shots_id = manual_server.emulator.jobs.artifact_id(record, results.SHOTS_V1)
    # The id a shots artifact would have: the ideal simulator has none.
    assert client.get(f"/jobs/{job['id']}/artifacts/{shots_id}").status_code == 404


# -- per register: built from what the simulation reports (runner.Outcome) ----------------

PROGRAM = 'OPENQASM 3.0; include "stdgates.inc"; qubit[3] q; bit[1] flag; bit[2] pair;'


def two_registers(*, sampled: bool) -> ResultData:
    """An outcome with two classical registers, as the simulator reports it."""
    flag = [0, 1, 1, 0]
    pair = [3, 0, 2, 3]
    outcome = Outcome(
        probabilities={"0": 0.25, "3": 0.25, "4": 0.25, "7": 0.25},
        registers={"flag": {"0": 0.5, "1": 0.5}, "pair": {"0": 0.25, "2": 0.25, "3": 0.5}},
        shots=[6, 1, 5, 6],
        register_shots={"flag": flag, "pair": pair},
    )
    return ResultData.load(
        stored(outcome), qubits=3, shots=4, sampled=sampled, seed=1, program=PROGRAM
    )


def test_two_classical_registers_give_per_register_v2_results() -> None:
    data = two_registers(sampled=True)
    assert payload(results.PROBABILITIES_V2, data) == {
        "probabilities": {
            "registers": {
                "flag": {"0": 0.5, "1": 0.5},
                "pair": {"00": 0.25, "10": 0.25, "11": 0.5},  # zero-padded to the width
            }
        }
    }
    assert payload(results.HISTOGRAM_V2, data)["histogram"]["registers"] == {
        "flag": {"0": 2.0, "1": 2.0},
        "pair": {"00": 1.0, "10": 1.0, "11": 2.0},
    }
    shots = payload(results.SHOTS_V2, data)["shots"]
    assert [s["registers"] for s in shots] == [
        {"flag": [0], "pair": [1, 1]},
        {"flag": [1], "pair": [0, 0]},
        {"flag": [1], "pair": [0, 1]},
        {"flag": [0], "pair": [1, 1]},
    ]
    assert payload(results.SHOTS_V1, data) == ["6", "1", "5", "6"]  # the aggregate, in order


def test_without_per_register_shots_no_shots_v2_is_made_up() -> None:
    outcome = Outcome(probabilities={"0": 1.0}, registers={"a": {"0": 1.0}, "b": {"0": 1.0}})
    data = ResultData.load(stored(outcome), qubits=2, shots=10, sampled=True, seed=1)
    assert results.SHOTS_V2 not in data.formats()
    assert results.SHOTS_V1 in data.formats()


def test_register_widths_come_from_the_declarations() -> None:
    program = "OPENQASM 3.0; bit c; bit[3] d; creg e[2]; output bit[4] f;"
    assert results.register_widths(program) == {"c": 1, "d": 3, "e": 2, "f": 4}


def test_fallback_shots_are_the_frequencies_exactly_in_a_seeded_order() -> None:
    probabilities = {"0": 0.37, "3": 0.6, "1": 0.03}
    data = ResultData(probabilities, qubits=2, shots=100, sampled=True, seed=5)
    shots = data.outcomes()
    assert Counter(shots) == {0: 37, 3: 60, 1: 3}
    assert shots == ResultData(probabilities, 2, 100, True, 5).outcomes()
    assert shots != ResultData(probabilities, 2, 100, True, 6).outcomes()
