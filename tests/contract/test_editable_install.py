"""An editable install is visible to type checkers in another project, and runs.

Builds the install scripts/_venv.sh makes (setuptools' `strict` editable mode) into a
fresh virtualenv, then imports the package there and type-checks a consumer module with
mypy --strict against that environment. Slow (a venv and a build): --run-slow.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODE = "editable_mode=strict"

CONSUMER = """\
from typing import assert_type

from ionq_facade import Job, JobStatus

job = Job.from_dict({"id": "j", "status": "running", "type": "t", "backend": "b"})
assert_type(job.status, JobStatus)
assert_type(job.shots, int | None)
"""


@pytest.mark.slow
def test_an_editable_install_is_seen_by_mypy_and_runs(tmp_path: Path) -> None:
    assert MODE in (ROOT / "scripts" / "_venv.sh").read_text(), "keep in step with _venv.sh"
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(a) for a in args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    pip: list[str | Path] = [
        python,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    assert run(*pip, "setuptools>=77").returncode == 0
    # --no-deps: the dependencies come from this interpreter (below); only the layout is
    # under test.
    built = run(*pip, "--no-deps", "--no-build-isolation", "--config-settings", MODE, "-e", ROOT)
    assert built.returncode == 0, built.stderr
    (tmp_path / "consumer.py").write_text(CONSUMER)

    site = next(Path(sys.executable).parent.parent.glob("lib/python*/site-packages"))
    ran = subprocess.run(
        [str(python), "-c", f"import sys; sys.path.append({str(site)!r}); import consumer"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stderr
    checked = run(
        Path(sys.executable).parent / "mypy",
        "--strict",
        "--no-incremental",
        "--python-executable",
        python,
        "consumer.py",
    )
    assert checked.returncode == 0, checked.stdout
