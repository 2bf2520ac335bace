"""The maintainer's three experiments, on a copy of the project: the spec drives the client.

Add a response field, a request field and an operation to openapi.yaml, run
scripts/regenerate, and change nothing else: the field is a typed attribute of `Job`,
the keyword is accepted by `jobs.create` (type checker included) and sent, and the
operation without a façade method fails the coverage test, naming the file to change.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.project_copy import ROOT, copy_project

BIN = Path(sys.executable).parent

PRIORITY_OPERATION = """\
  /jobs/{UUID}/priority:
    get:
      operationId: getJobPriority
      tags: [jobs]
      summary: A job's priority.
      parameters:
        - $ref: "#/components/parameters/JobUUID"
      responses:
        "200":
          description: The job.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Job"}

"""

CONSUMER = """\
from typing import assert_type

import httpx

from ionq_facade import Circuit, IonQ, Job

sent: list[bytes] = []


def answer(request: httpx.Request) -> httpx.Response:
    sent.append(request.content)
    return httpx.Response(201, json={"id": "j-1", "status": "submitted"})


job = Job.from_dict(
    {"id": "j", "status": "completed", "type": "t", "backend": "b", "priority": "high"}
)
assert_type(job.priority, str | None)
assert job.priority == "high"
client = IonQ(
    api_key="k",
    base_url="http://127.0.0.1:1/v0.4",
    http_client=httpx.Client(transport=httpx.MockTransport(answer)),
)
client.jobs.create(Circuit(1).h(0), backend="simulator", priority="high")
assert b'"priority":"high"' in sent[0].replace(b" ", b""), sent
print("ok")
"""


def _copy(tmp: Path) -> Path:
    copy_project(tmp)
    (tmp / "tests" / "contract").mkdir(parents=True)
    for name in ["tests/__init__.py", "tests/conftest.py", "tests/contract/__init__.py"]:
        shutil.copy(ROOT / name, tmp / name)
    shutil.copy(ROOT / "tests/contract/test_coverage.py", tmp / "tests/contract")
    return tmp


def _edit_spec(spec: Path) -> None:
    text = spec.read_text()
    job_results = '        results: {$ref: "#/components/schemas/JobResults"}\n'
    create_type = "        type: {type: string, enum: [ionq.circuit.v1, ionq.qasm3.v1]}\n"
    field = "        priority: {type: string}\n"
    for anchor in (job_results, create_type):
        assert text.count(anchor) == 1, anchor
        text = text.replace(anchor, anchor + field)
    text = text.replace("  /jobs/{UUID}/cost:\n", PRIORITY_OPERATION + "  /jobs/{UUID}/cost:\n")
    spec.write_text(text)


def test_the_three_experiments(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit_spec(copy / "openapi.yaml")
    env = dict(os.environ, PYTHONPATH=str(copy))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=copy, env=env, capture_output=True, text=True, check=False, timeout=600
        )

    regenerated = run(sys.executable, "scripts/regenerate")
    assert regenerated.returncode == 0, regenerated.stderr
    (copy / "consumer.py").write_text(textwrap.dedent(CONSUMER))

    # 1 and 2: a typed attribute, and a keyword accepted and sent, at run time...
    ran = run(sys.executable, "consumer.py")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "ok"
    # ...and for the type checker (the copy's own mypy settings: strict).
    checked = run(str(BIN / "mypy"), "--no-incremental", "consumer.py")
    assert checked.returncode == 0, checked.stdout

    # 3: the new operation has no façade method; the coverage test says where to add it.
    coverage = run(
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/contract/test_coverage.py",
    )
    assert coverage.returncode == 1, coverage.stdout
    assert "operation getJobPriority (GET /jobs/{UUID}/priority) has no façade method" in (
        coverage.stdout
    )
    assert "ionq_facade/resources/_job_calls.py" in coverage.stdout
    assert coverage.stdout.count("FAILED") == 1, coverage.stdout
