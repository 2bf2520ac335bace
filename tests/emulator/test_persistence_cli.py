"""`ionq-emulator` on the command line, and `--db`: a restart loses nothing acknowledged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from ionq_emulator.emulator import Emulator
from ionq_emulator.testing import emulator_server

from .helpers import BELL, api_client, create, job_body


@contextmanager
def cli(*args: str, kill: bool = False) -> Iterator[str]:
    """Run `python -m ionq_emulator ARGS`; yield the base URL it prints."""
    process = subprocess.Popen(
        [sys.executable, "-m", "ionq_emulator", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        assert line.startswith("http://127.0.0.1:"), (
            line,
            process.stderr and process.stderr.read(),
        )
        assert line.endswith("/v0.4")
        yield line
    finally:
        process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
        if process.stderr is not None:
            process.stderr.close()


def snapshot(client: httpx.Client) -> dict[str, Any]:
    """Every job of the project, and the results of those that have some."""
    jobs = client.get("/jobs", params={"limit": 1000}).json()["jobs"]
    return {
        "jobs": jobs,
        "results": {
            j["id"]: client.get(f"/jobs/{j['id']}/results/probabilities").json()
            for j in jobs
            if j["results"] is not None
        },
    }


def test_cli_prints_the_base_url_and_serves_the_api() -> None:
    with cli("--mode", "manual") as base_url:
        headers = {"Authorization": "apiKey cli-key"}
        with httpx.Client(base_url=base_url, headers=headers) as client:
            job_id = create(client)
            root = base_url.removesuffix("/v0.4")
            advance = {"job_id": job_id, "to": "completed"}
            httpx.post(f"{root}/_emulator/advance", json=advance, headers=headers)
            result = client.get(f"/jobs/{job_id}/results/probabilities").json()
            assert result == {"0": 0.5, "3": 0.5}


def test_restart_with_db_keeps_every_job(tmp_path: Path) -> None:
    db = tmp_path / "emulator.sqlite"
    key = "persistent-key"
    with cli("--mode", "manual", "--db", str(db)) as base_url:
        root = base_url.removesuffix("/v0.4")
        with httpx.Client(base_url=base_url, headers={"Authorization": f"apiKey {key}"}) as client:
            done = create(client)
            client.post(f"{root}/_emulator/advance", json={"job_id": done, "to": "completed"})
            queued = [create(client, job_body(name=f"q{i}")) for i in range(5)]
            client.put(f"/jobs/{queued[0]}/status/cancel")
            client.post(f"/jobs/{done}/clone", json={"shots": 7})
            multi = {
                "type": "ionq.multi-circuit.v1",
                "backend": "simulator",
                "input": {"gateset": "qis", "circuits": [{"circuit": BELL["circuit"]}]},
            }
            parent = create(client, multi)
            client.post(f"{root}/_emulator/advance", json={"job_id": parent, "to": "completed"})
            session = client.post("/sessions", json={"backend": "simulator"}).json()
            before = snapshot(client)
    assert len(before["jobs"]) == 9  # 1 + 5 + clone + parent + child
    with (
        cli("--mode", "manual", "--db", str(db)) as base_url,
        httpx.Client(base_url=base_url, headers={"Authorization": f"apiKey {key}"}) as client,
    ):
        assert snapshot(client) == before
        assert client.get(f"/sessions/{session['id']}").json() == session
        # New jobs do not reuse sequence numbers: they list first.
        newest = create(client)
        assert client.get("/jobs").json()["jobs"][0]["id"] == newest


def test_acknowledged_writes_survive_a_kill(tmp_path: Path) -> None:
    db = tmp_path / "emulator.sqlite"
    headers = {"Authorization": "apiKey killed-key"}
    with (
        cli("--db", str(db), "--mode", "manual", kill=True) as base_url,
        httpx.Client(base_url=base_url, headers=headers) as client,
    ):
        ids = [create(client) for _ in range(20)]
    with (
        cli("--db", str(db), "--mode", "manual") as base_url,
        httpx.Client(base_url=base_url, headers=headers) as client,
    ):
        listed = [j["id"] for j in client.get("/jobs", params={"limit": 100}).json()["jobs"]]
    assert listed == ids[::-1]


def test_seeded_restart_continues_ids_and_clock(tmp_path: Path) -> None:
    db = tmp_path / "seeded.sqlite"
    first = Emulator(mode="manual", seed=5, db=db)
    with emulator_server(first) as server, api_client(server, "k") as client:
        before = [create(client) for _ in range(3)]
        last = client.get(f"/jobs/{before[-1]}").json()["submitted_at"]
    second = Emulator(mode="manual", seed=5, db=db)
    with emulator_server(second) as server, api_client(server, "k") as client:
        after = create(client)
        assert after not in before
        assert client.get(f"/jobs/{after}").json()["submitted_at"] > last


def test_cli_rejects_a_bad_key_file(tmp_path: Path) -> None:
    bad = tmp_path / "keys.yaml"
    bad.write_text("- just\n- a list\n")
    result = subprocess.run(
        [sys.executable, "-m", "ionq_emulator", "--keys", str(bad)],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ},
    )
    assert result.returncode == 2
    assert "mapping" in result.stderr
