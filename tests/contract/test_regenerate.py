"""scripts/regenerate reproduces generated/ exactly and --check catches hand edits."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of the parts of the project the generator reads and writes."""
    for name in ["openapi.yaml", "openapi-python-client.yaml", "pyproject.toml"]:
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "scripts", tmp_path / "scripts")
    # The resource classes are written from ionq_facade/resources/_bindings.py.
    shutil.copytree(
        ROOT / "ionq_facade",
        tmp_path / "ionq_facade",
        ignore=shutil.ignore_patterns("__pycache__"),
        symlinks=True,  # ionq_facade/_generated stays a link to generated/
    )
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copytree(
        ROOT / "generated", tmp_path / "generated", ignore=shutil.ignore_patterns("__pycache__")
    )
    return tmp_path


def run(checkout: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(checkout / "scripts" / "regenerate"), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_committed_tree_is_up_to_date(checkout: Path) -> None:
    result = run(checkout, "--check")
    assert result.returncode == 0, result.stderr


def test_check_names_a_hand_edited_file(checkout: Path) -> None:
    target = checkout / "generated" / "models" / "job_overrides.py"
    target.write_text(target.read_text().replace("UNSET", "None", 1))
    result = run(checkout, "--check")
    assert result.returncode == 1
    assert "models/job_overrides.py (differs)" in result.stderr


def test_check_names_a_hand_edited_resource_class(checkout: Path) -> None:
    target = checkout / "ionq_facade" / "resources" / "jobs.py"
    target.write_text(target.read_text().replace("-> JobRef:", "-> object:", 1))
    result = run(checkout, "--check")
    assert result.returncode == 1
    assert "ionq_facade/resources/jobs.py" in result.stderr


def test_a_binding_becomes_a_method_on_all_four_twins(checkout: Path) -> None:
    table = checkout / "ionq_facade" / "resources" / "_bindings.py"
    line = '            "cost": call(define.cost),\n'
    table.write_text(table.read_text().replace(line, line + line.replace('"cost"', '"price"')))
    assert run(checkout).returncode == 0
    source = (checkout / "ionq_facade" / "resources" / "jobs.py").read_text()
    # Jobs, JobsWithRawResponse, AsyncJobs, AsyncJobsWithRawResponse: each def up to its colon.
    heads = [part.split(":\n", 1)[0] for part in source.split("def price(")[1:]]
    returns = [head.rsplit("->", 1)[1].strip() for head in heads]
    assert returns == ["JobCost", "RawResponse[JobCost]"] * 2
    assert source.count("async def price(") == 2


def test_check_names_added_and_removed_files(checkout: Path) -> None:
    (checkout / "generated" / "models" / "extra.py").write_text("x = 1\n")
    (checkout / "generated" / "py.typed").unlink()
    result = run(checkout, "--check")
    assert result.returncode == 1
    assert "models/extra.py (not produced by the spec)" in result.stderr
    assert "py.typed (missing from generated/)" in result.stderr


def test_check_catches_a_spec_change(checkout: Path) -> None:
    spec = checkout / "openapi.yaml"
    spec.write_text(
        spec.read_text().replace(
            "        parent: {type: string}\n",
            "        parent: {type: string}\n        extra: {type: string}\n",
            1,
        )
    )
    result = run(checkout, "--check")
    assert result.returncode == 1
    assert "job_overrides.py (differs)" in result.stderr


def test_generation_is_deterministic(checkout: Path) -> None:
    shutil.rmtree(checkout / "generated")
    assert run(checkout).returncode == 0
    first = {
        p.relative_to(checkout): p.read_bytes()
        for p in (checkout / "generated").rglob("*")
        if p.is_file()
    }
    assert run(checkout).returncode == 0
    second = {
        p.relative_to(checkout): p.read_bytes()
        for p in (checkout / "generated").rglob("*")
        if p.is_file()
    }
    assert first == second
    committed = {
        p.relative_to(ROOT): p.read_bytes()
        for p in (ROOT / "generated").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert first == committed
