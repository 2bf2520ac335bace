"""Recording a sample application's traffic with the shipped configuration, replaying it
offline, and checking the cassette against the contract (ours, and changed ones)."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from ionq_emulator.cassettes import CassetteViolation, check_cassettes, main
from ionq_emulator.recording import EMULATOR_ORIGIN, REDACTED_AUTHORIZATION, cassette_vcr
from ionq_emulator.spec import SPEC_PATH
from ionq_emulator.testing import TEST_API_KEY, client, emulator_server
from ionq_facade import Circuit, IonQ

from .test_fixtures import run_pytest


def sample_app(ionq: IonQ) -> dict[str, Any]:
    """What a user's code might do: submit, wait, read results, list."""
    circuit = Circuit(2, name="bell").h(0).cnot(0, 1)
    ref = ionq.jobs.create(circuit, backend="simulator", shots=100, metadata={"run": "1"})
    job = ionq.jobs.wait(ref, timeout=10)
    return {
        "id": job.id,
        "probabilities": dict(ionq.jobs.probabilities(job)),
        "listed": [j.id for j in ionq.jobs.list(limit=10)],
    }


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], int]:
    path = tmp_path_factory.mktemp("cassettes") / "sample.yaml"
    with emulator_server(mode="clock", dwell=0.0, seed=5) as server, client(server) as ionq:
        with cassette_vcr(record_mode="all").use_cassette(str(path)):
            result = sample_app(ionq)
        port = server.port
    return path, result, port


def test_the_cassette_holds_no_key_idempotency_key_or_port(
    recorded: tuple[Path, dict[str, Any], int],
) -> None:
    path, _, port = recorded
    text = path.read_text(encoding="utf-8")
    assert TEST_API_KEY not in text
    assert "idempotency" not in text.lower()
    assert f":{port}" not in text
    interactions = yaml.safe_load(text)["interactions"]
    assert len(interactions) >= 4
    for interaction in interactions:
        request = interaction["request"]
        assert request["uri"].startswith(EMULATOR_ORIGIN + "/v0.4/")
        assert request["headers"]["authorization"] == [REDACTED_AUTHORIZATION]


def test_the_cassette_replays_offline_on_another_port(
    recorded: tuple[Path, dict[str, Any], int],
) -> None:
    path, result, port = recorded
    with emulator_server() as elsewhere:
        pass  # a port nothing listens on any more: a request that escaped would fail
    assert elsewhere.port != port
    replaying = cassette_vcr(record_mode="none").use_cassette(
        str(path), allow_playback_repeats=False
    )
    with replaying as cassette, client(elsewhere, max_retries=0) as ionq:
        assert sample_app(ionq) == result
    assert cassette.all_played


def test_the_cassette_conforms(recorded: tuple[Path, dict[str, Any], int]) -> None:
    assert check_cassettes([recorded[0]]) == []
    assert main([str(recorded[0])]) == 0


def _rewrite(source: Path, target: Path, change: Any) -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(data)
    target.write_text(yaml.safe_dump(data), encoding="utf-8")
    return target


def test_a_tampered_cassette_fails_naming_interaction_and_path(
    recorded: tuple[Path, dict[str, Any], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = recorded[0]
    interactions = yaml.safe_load(source.read_text(encoding="utf-8"))["interactions"]
    index = next(  # the first answer that is a job
        i for i, x in enumerate(interactions)
        if x["request"]["method"] == "GET" and x["request"]["uri"].endswith(recorded[1]["id"])
    )  # fmt: skip

    def tamper(data: dict[str, Any]) -> None:
        response = data["interactions"][index]["response"]
        response["body"]["string"] = response["body"]["string"].replace(
            '"shots":100', '"shots":"100"'
        )

    tampered = _rewrite(source, tmp_path / "tampered.yaml", tamper)
    assert tampered.read_text() != source.read_text()
    violations = check_cassettes([tampered])
    assert violations == [
        CassetteViolation(tampered, index, "response", "$.shots", "'100' is not of type 'integer'")
    ]
    assert main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"tampered.yaml: interaction {index}: response $.shots:" in out


def test_a_contract_with_a_removed_field_fails_the_cassette(
    recorded: tuple[Path, dict[str, Any], int], tmp_path: Path
) -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    changed = copy.deepcopy(spec)
    del changed["components"]["schemas"]["CircuitJobCreate"]["properties"]["metadata"]
    other = tmp_path / "openapi.yaml"
    other.write_text(yaml.safe_dump(changed), encoding="utf-8")
    violations = check_cassettes([recorded[0]], other)
    assert [(v.interaction, v.where, v.path) for v in violations] == [(0, "request", "$")]
    assert "'metadata' was unexpected" in violations[0].message
    run = subprocess.run(
        [sys.executable, "-m", "ionq_emulator.cassettes", str(recorded[0]), "--spec", str(other)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert run.returncode == 1
    assert f"{recorded[0]}: interaction 0: request $: " in run.stdout


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([str(tmp_path / "missing.yaml")])
    assert info.value.code == 2
    assert "no such file" in capsys.readouterr().err


def test_recording_with_pytest_recording(tmp_path: Path) -> None:
    """The recipe of the README: record once, replay offline, on a new emulator's port."""
    conftest = """
import pytest

@pytest.fixture(scope="module")
def vcr_config(ionq_vcr_config):
    return ionq_vcr_config
"""
    # One run (one pytest start-up): the first test records, the second replays the same
    # cassette with a new emulator, on another port, that must see nothing.
    test = """
import pytest
from ionq_facade import Circuit

PORTS = []

def app(ionq_client):
    ref = ionq_client.jobs.create(Circuit(1).x(0), backend="simulator", shots=10)
    job = ionq_client.jobs.wait(ref, timeout=10)
    assert ionq_client.jobs.probabilities(job) == {1: 1.0}

@pytest.mark.vcr(record_mode="all")
@pytest.mark.default_cassette("app.yaml")
def test_record(ionq_emulator, ionq_client):
    app(ionq_client)
    assert ionq_emulator.emulator.state()["jobs"] == 1
    PORTS.append(ionq_emulator.port)

@pytest.mark.vcr(record_mode="none", allow_playback_repeats=False)
@pytest.mark.default_cassette("app.yaml")
def test_replay(ionq_emulator, ionq_client):
    assert ionq_emulator.port not in PORTS
    app(ionq_client)
    assert ionq_emulator.emulator.state()["jobs"] == 0  # all from the cassette
"""
    run = run_pytest(tmp_path, {"conftest.py": conftest, "test_app.py": test})
    assert "2 passed" in run.stdout, run.stdout + run.stderr
    cassette = tmp_path / "cassettes" / "test_app" / "app.yaml"
    assert TEST_API_KEY not in cassette.read_text(encoding="utf-8")
    assert check_cassettes([cassette]) == []
