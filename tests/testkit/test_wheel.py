"""From a wheel, in a fresh virtualenv: a user's suite uses the fixtures with no
pytest_plugins line (the entry point registers the plugin) and no conftest of ours.

Offline: the wheel is built without build isolation, installed with --no-index, and the
new environment finds the third-party dependencies (httpx, starlette, pytest, ...)
through a path entry to this environment's site-packages. That entry does not process
this environment's .pth files, so the editable ionq-facade stays invisible: what is
imported is the wheel's copy, as the test checks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

USER_TESTS = """
import asyncio

import pytest

import ionq_emulator
from ionq_emulator.testing import client, emulator_server
from ionq_facade import Circuit, JobStatus


def test_location():
    print("ionq_emulator from", ionq_emulator.__file__)


def test_submit_wait_results(ionq_client):
    ref = ionq_client.jobs.create(Circuit(2).h(0).cnot(0, 1), backend="simulator", shots=100)
    job = ionq_client.jobs.wait(ref, timeout=10)
    assert job.status is JobStatus.COMPLETED
    assert ionq_client.jobs.probabilities(job) == {0: 0.5, 3: 0.5}


@pytest.mark.ionq_emulator(seed=7)
def test_seeded(ionq_emulator, ionq_client):
    assert ionq_emulator.emulator.config.seed == 7
    first = ionq_client.jobs.create(Circuit(1).x(0), backend="simulator").id
    with emulator_server(seed=7) as again, client(again) as other:
        assert other.jobs.create(Circuit(1).x(0), backend="simulator").id == first


def test_async(ionq_async_client):
    async def run():
        ref = await ionq_async_client.jobs.create(Circuit(1).x(0), backend="simulator")
        job = await ionq_async_client.jobs.wait(ref, timeout=10)
        return await ionq_async_client.jobs.probabilities(job)

    assert asyncio.run(run()) == {1: 1.0}
"""


def _sources(target: Path) -> Path:
    """A copy of the tracked (and new, unignored) files: the build writes nothing here."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    for name in listed:
        source = ROOT / name
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():  # ionq_facade/_generated -> ../generated
            (target / name).symlink_to(source.readlink())
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to list the sources")
def test_a_users_suite_from_the_wheel(tmp_path: Path) -> None:
    source = _sources(tmp_path / "src")
    wheels = tmp_path / "wheels"
    _run(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
        "--no-index", "-w", wheels, source, cwd=tmp_path,
    )  # fmt: skip
    (wheel,) = wheels.glob("ionq_facade-*.whl")
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
        "--no-index", wheel, cwd=tmp_path,
    )  # fmt: skip
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                     cwd=tmp_path).strip())  # fmt: skip
    (site / "zz_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    project = tmp_path / "user_project"
    project.mkdir()
    (project / "test_app.py").write_text(USER_TESTS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("IONQ_", "PYTEST_"))}
    out = _run(python, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", cwd=project, env=env)
    assert "4 passed" in out, out
    assert f"ionq_emulator from {site}" in out, out
