"""The pytest plugin's fixtures, used as a user's suite uses them: no pytest_plugins line
(the entry point registers the plugin), one fresh emulator per test."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import TEST_API_KEY, client, emulator_server
from ionq_facade import (
    APIConnectionError,
    AsyncIonQ,
    Circuit,
    InternalServerError,
    IonQ,
    JobStatus,
    Probabilities,
)

BELL = Circuit(2, name="bell").h(0).cnot(0, 1)


def test_ionq_client_submits_waits_and_reads(ionq_client: IonQ) -> None:
    ref = ionq_client.jobs.create(BELL, backend="simulator", shots=100)
    # auto mode: the job ends at the next request, so the first poll of wait finds it done.
    job = ionq_client.jobs.wait(ref, timeout=5, poll_interval=30)
    assert job.status is JobStatus.COMPLETED
    assert ionq_client.jobs.probabilities(job) == {0: 0.5, 3: 0.5}
    assert ionq_client.whoami().project_id


@pytest.mark.ionq_emulator(seed=7)
def test_a_marker_seeds_the_emulator(ionq_emulator: EmulatorServer, ionq_client: IonQ) -> None:
    assert ionq_emulator.emulator.config.seed == 7
    first = ionq_client.jobs.create(BELL, backend="simulator").id
    with emulator_server(seed=7) as other, client(other) as again:
        assert again.jobs.create(BELL, backend="simulator").id == first
    with emulator_server(seed=8) as other, client(other) as again:
        assert again.jobs.create(BELL, backend="simulator").id != first


@pytest.mark.ionq_emulator(mode="manual")
def test_manual_mode_moves_jobs_only_when_told(
    ionq_emulator: EmulatorServer, ionq_client: IonQ
) -> None:
    ref = ionq_client.jobs.create(BELL, backend="simulator")
    assert ionq_client.jobs.get(ref).status is JobStatus.SUBMITTED
    ionq_emulator.emulator.advance(ref.id)
    assert ionq_client.jobs.get(ref).status is JobStatus.READY
    ionq_emulator.emulator.complete_all()
    assert ionq_client.jobs.get(ref).status is JobStatus.COMPLETED


@pytest.mark.ionq_emulator(faults=["route=/backends,503=1.0,retry_after=0"])
def test_a_marker_injects_faults(ionq_client: IonQ) -> None:
    with pytest.raises(InternalServerError) as info:
        ionq_client.backends.list()
    assert info.value.status_code == 503
    assert ionq_client.whoami()  # other routes untouched


def test_ionq_async_client_on_several_event_loops(ionq_async_client: AsyncIonQ) -> None:
    async def run() -> Probabilities:
        ref = await ionq_async_client.jobs.create(Circuit(1).x(0), backend="simulator")
        job = await ionq_async_client.jobs.wait(ref, timeout=5)
        return await ionq_async_client.jobs.probabilities(job)

    # Each asyncio.run is a new loop: no connection of the first may be reused by the second.
    assert asyncio.run(run()) == {1: 1.0}
    assert asyncio.run(run()) == {1: 1.0}


def test_ionq_env_points_ionq_at_the_emulator(ionq_env: EmulatorServer) -> None:
    with IonQ() as ionq:  # the application's own client, from the environment
        assert ionq.base_url == ionq_env.base_url
        assert ionq.jobs.create(BELL, backend="simulator").status is JobStatus.SUBMITTED


def test_sync_client_over_the_network_fails_typed_after_the_server_stops() -> None:
    with emulator_server() as server:
        ionq = client(server, max_retries=0)
    with ionq, pytest.raises(APIConnectionError):
        ionq.whoami()


def run_pytest(
    tmp_path: Path, files: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


USER_TEST = """
def test_uses_the_fixture(ionq_client):
    assert ionq_client.whoami().project_id
"""


def test_fixtures_are_documented(tmp_path: Path) -> None:
    run = run_pytest(tmp_path, {"test_it.py": USER_TEST}, "--fixtures")
    section = run.stdout.split("defined from ionq_emulator.pytest_plugin")[1]
    ours = section.split("\n---")[0]  # up to the next plugin's header
    for name in (
        "ionq_emulator", "ionq_client", "ionq_async_client", "ionq_env",
        "ionq_emulator_options", "ionq_vcr_config",
    ):  # fmt: skip
        assert f"\n{name} " in ours, name
    assert "no docstring available" not in ours


def test_options_fixture_overridden_by_a_conftest(tmp_path: Path) -> None:
    # The pytest_plugins line a user may have left: the entry point registered the plugin
    # under the same name, so it is not registered twice.
    conftest = """
import pytest

pytest_plugins = ["ionq_emulator.pytest_plugin"]

@pytest.fixture
def ionq_emulator_options():
    return {"mode": "manual", "seed": 3}
"""
    test = """
import pytest

def test_manual(ionq_emulator):
    assert ionq_emulator.emulator.config.mode == "manual"
    assert ionq_emulator.emulator.config.seed == 3

@pytest.mark.ionq_emulator(seed=4)
def test_marker_wins(ionq_emulator):
    assert ionq_emulator.emulator.config.seed == 4
    assert ionq_emulator.emulator.config.mode == "manual"

@pytest.mark.ionq_emulator("manual")
def test_positional_refused(ionq_emulator):
    pass
"""
    run = run_pytest(tmp_path, {"conftest.py": conftest, "test_it.py": test})
    assert "2 passed, 1 error" in run.stdout, run.stdout
    assert "keyword options only" in run.stdout


def test_the_helpers_need_no_pytest() -> None:
    code = (
        "import sys; sys.modules['pytest'] = None\n"
        "from ionq_emulator.testing import TEST_API_KEY, client, emulator_server\n"
        "with emulator_server() as s, client(s) as c: print(c.whoami().project_id)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip()
    assert TEST_API_KEY not in run.stdout


def test_the_plugin_loads_without_the_emulator_extra() -> None:
    # pytest imports the plugin wherever the package is installed, extra or not.
    code = (
        "import sys\n"
        "for name in ('starlette', 'uvicorn', 'numpy', 'jsonschema', 'yaml'):\n"
        "    sys.modules[name] = None\n"
        "import ionq_emulator.pytest_plugin\n"
        "assert 'ionq_emulator.emulator' not in sys.modules\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0, run.stderr
