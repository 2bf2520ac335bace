"""scripts/regenerate reproduces generated/ exactly, ships only what is used, and --check
catches hand edits."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.project_copy import ROOT, copy_project


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


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
    target = checkout / "generated" / "api" / "jobs" / "clone_job.py"
    target.write_text(target.read_text().replace('"post"', '"put"', 1))
    result = run(checkout, "--check")
    assert result.returncode == 1
    assert "api/jobs/clone_job.py (differs)" in result.stderr


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
    (checkout / "generated" / "api" / "extra.py").write_text("x = 1\n")
    (checkout / "generated" / "py.typed").unlink()
    result = run(checkout, "--check")
    assert result.returncode == 1
    assert "api/extra.py (not produced by the spec)" in result.stderr
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
    assert "views.py (differs)" in result.stderr  # the clone/move keywords


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


def regenerate_module() -> ModuleType:
    """scripts/regenerate (a script without a .py suffix), imported."""
    path = str(ROOT / "scripts" / "regenerate")
    loader = importlib.machinery.SourceFileLoader("regenerate_script", path)
    spec = importlib.util.spec_from_loader("regenerate_script", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_only_what_is_used_is_shipped() -> None:
    shipped = {
        p.relative_to(ROOT / "generated").as_posix() for p in (ROOT / "generated").rglob("*.py")
    }
    # The generator's own client, and the models of answers (views.py reads those).
    for unused in ["client.py", "errors.py", "models/job.py", "models/api_error.py"]:
        assert unused not in shipped
    # Every endpoint is still a request; a JSON body is taken as JSON, so no body model
    # is shipped either (the façade builds bodies checked, with the generated keywords).
    assert "api/jobs/create_job.py" in shipped
    assert not any(name.startswith("models/") for name in shipped)
    assert not (ROOT / "generated" / "models").exists()
    source = (ROOT / "generated" / "api" / "jobs" / "create_job.py").read_text()
    assert "def _get_kwargs(" in source
    assert "body: Mapping[str, Any]," in source
    assert "def sync" not in source
    assert "httpx" not in source


def test_prune_keeps_what_is_imported_and_deletes_the_rest(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "api" / "tag").mkdir(parents=True)
    (package / "models").mkdir()
    (package / "unused").mkdir()
    files = {
        "__init__.py": "",
        "types.py": "UNSET = object()\n",
        "client.py": "from .types import UNSET\n",
        "views.py": "",
        "api/__init__.py": "",
        "api/tag/__init__.py": "",
        "api/tag/op.py": "from ...models.body import Body\nfrom ...types import UNSET\n",
        "models/__init__.py": "from .body import Body\n",
        "models/body.py": "def f():\n    from ..models.part import Part\n",
        "models/part.py": "",
        "models/answer.py": "from .part import Part\n",
        "tables.py": "from .models.listed import Listed\n",  # one of ours, as views.py
        "models/listed.py": "",
        "unused/__init__.py": "from .thing import Thing\n",  # no module of it is needed
        "unused/thing.py": "",
    }
    for name, text in files.items():
        (package / name).write_text(text)
    ours = [package / "views.py", package / "tables.py"]
    removed = regenerate_module().prune(package, ours)
    assert removed == ["client.py", "models/answer.py", "unused/__init__.py", "unused/thing.py"]
    left = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    assert left == set(files) - set(removed)
    assert not (package / "unused").exists()


def test_request_side_keeps_what_requests_reach() -> None:
    spec: dict[str, Any] = {
        "paths": {
            "/a": {
                "parameters": [{"$ref": "#/components/parameters/P"}],
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/In"}}
                        }
                    },
                    "responses": {"200": {"$ref": "#/components/responses/Out"}},
                },
            }
        },
        "components": {
            "parameters": {
                "P": {"name": "p", "in": "query", "schema": {"$ref": "#/components/schemas/Q"}}
            },
            "responses": {
                "Out": {
                    "description": "It.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Out"}}
                    },
                }
            },
            "schemas": {
                "In": {"properties": {"part": {"$ref": "#/components/schemas/Part"}}},
                "Part": {"type": "object"},
                "Q": {"type": "string"},
                "Out": {"properties": {"part": {"$ref": "#/components/schemas/Part"}}},
            },
        },
    }
    given = regenerate_module().request_side(spec)
    assert sorted(given["components"]["schemas"]) == ["In", "Part", "Q"]
    assert "responses" not in given["components"]
    assert given["paths"]["/a"]["post"]["responses"] == {"200": {"description": "It."}}
    assert given["paths"]["/a"]["post"]["requestBody"] == spec["paths"]["/a"]["post"]["requestBody"]


def test_a_response_field_changes_the_views_and_names_only(checkout: Path) -> None:
    spec = checkout / "openapi.yaml"
    anchor = '        results: {$ref: "#/components/schemas/JobResults"}\n'
    text = spec.read_text()
    assert text.count(anchor) == 1
    spec.write_text(text.replace(anchor, anchor + "        priority: {type: string}\n"))
    result = run(checkout, "--check")
    assert result.returncode == 1
    stale = [line.strip() for line in result.stderr.splitlines() if line.startswith("  generated/")]
    # Its view and its name (`Key.PRIORITY`); no response model is generated.
    assert sorted(stale) == ["generated/tables.py (differs)", "generated/views.py (differs)"]


def test_an_optional_json_body_is_an_optional_keyword(checkout: Path) -> None:
    # Every body of the spec is required; the template's other branch, rendered here.
    spec = checkout / "openapi.yaml"
    text = spec.read_text()
    start = text.index("operationId: cloneJob")
    required = "      requestBody:\n        required: true\n"
    at = text.index(required, start)
    optional = required.replace("true", "false")
    spec.write_text(text[:at] + optional + text[at + len(required) :])
    assert run(checkout).returncode == 0
    source = (checkout / "generated" / "api" / "jobs" / "clone_job.py").read_text()
    compile(source, "clone_job.py", "exec")
    assert "body: Mapping[str, Any] | None = None," in source
    assert '    if body is not None:\n        _kwargs["json"] = body\n' in source
    move = (checkout / "generated" / "api" / "jobs" / "move_job.py").read_text()
    assert "body: Mapping[str, Any]," in move  # still required


def test_check_names_a_shipped_client(checkout: Path) -> None:
    (checkout / "generated" / "client.py").write_text("class Client: ...\n")
    result = run(checkout, "--check")
    assert result.returncode == 1
    assert "client.py (not produced by the spec)" in result.stderr
