"""scripts/spec_drift, checked with small documents written for the test."""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "spec_drift"


def doc(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas or {}},
    }


def job_schema(status: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string"}, "status": status, **extra},
    }


def ok(ref: str) -> dict[str, Any]:
    return {
        "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": ref}}}}
    }


OURS = doc(
    {
        "/jobs/{UUID}": {
            "get": {
                "parameters": [
                    {"name": "UUID", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "fields", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": ok("#/components/schemas/Job"),
            }
        },
        "/whoami": {"get": {"responses": {"200": {"description": "ok"}}}},
    },
    {
        "Job": job_schema(
            {"type": "string", "x-known-values": ["ready", "running"]},
            {"name": {"type": "string", "nullable": True}},
        )
    },
)
THEIRS = doc(
    {
        "/jobs/{id}": {
            "get": {
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "include", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": ok("#/components/schemas/Job"),
            }
        },
        "/jobs/{id}/cost": {"get": {"responses": {"200": {"description": "ok"}}}},
    },
    {
        "Job": job_schema(
            {"type": "string", "enum": ["ready", "started"]},
            {"name": {"type": "string"}, "shots": {"type": "integer", "default": 100}},
        )
    },
)


def run(
    tmp_path: Path,
    ours: dict[str, Any],
    theirs: str | dict[str, Any],
    allowlist: list[dict[str, str]] | None = None,
) -> tuple[int, dict[str, Any]]:
    (tmp_path / "ours.yaml").write_text(yaml.safe_dump(ours))
    if isinstance(theirs, dict):
        (tmp_path / "theirs.json").write_text(json.dumps(theirs))
        theirs = str(tmp_path / "theirs.json")
    (tmp_path / "allow.yaml").write_text(yaml.safe_dump(allowlist or []))
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            theirs,
            "--ours",
            str(tmp_path / "ours.yaml"),
            "--allowlist",
            str(tmp_path / "allow.yaml"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, json.loads(result.stdout) if result.stdout else {}


def test_reports_each_kind_of_drift(tmp_path: Path) -> None:
    code, out = run(tmp_path, OURS, THEIRS)
    assert code == 1
    new = out["new"]
    assert sorted(new["operation"]) == [
        "GET /jobs/{}/cost: only in theirs",
        "GET /whoami: only in ours",
    ]
    assert sorted(new["parameter"]) == [
        "GET /jobs/{} query.fields: only in ours",
        "GET /jobs/{} query.include: only in theirs",
    ]
    assert "GET /jobs/{} response.200.shots: only in theirs" in new["field"]
    assert "GET /jobs/{} response.200.name nullable: ours True, theirs False" in new["field"]
    assert new["enum"] == [
        "GET /jobs/{} response.200.status: only ours ['running'], only theirs ['started']"
    ]


def test_identical_documents_have_no_drift(tmp_path: Path) -> None:
    assert run(tmp_path, OURS, OURS) == (0, {"new": {}, "deliberate": [], "stale_allowlist": []})


def test_allowlisted_differences_are_reported_apart(tmp_path: Path) -> None:
    allow = [
        {"kind": "operation", "key": "GET /whoami", "reason": "ours only on purpose"},
        {"kind": "enum", "key": "* response.200.status", "reason": "running is the old name"},
        {"kind": "field", "key": "GET /jobs/{} response.200.nope", "reason": "matches nothing"},
    ]
    code, out = run(tmp_path, OURS, THEIRS, allow)
    assert code == 1  # other drift remains
    assert "enum" not in out["new"]
    assert out["new"]["operation"] == ["GET /jobs/{}/cost: only in theirs"]
    reasons = {entry["difference"]: entry["reason"] for entry in out["deliberate"]}
    assert reasons["GET /whoami: only in ours"] == "ours only on purpose"
    assert out["stale_allowlist"] == ["field GET /jobs/{} response.200.nope"]


def test_allowlist_entries_need_a_reason(tmp_path: Path) -> None:
    code, _ = run(tmp_path, OURS, THEIRS, [{"kind": "field", "key": "x", "reason": ""}])
    assert code == 2


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "served").mkdir()
    (tmp_path / "served" / "spec.json").write_text(json.dumps(THEIRS))
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "served")
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/spec.json"
    server.shutdown()


def test_reads_the_published_document_from_a_url(tmp_path: Path, served: str) -> None:
    code, out = run(tmp_path, OURS, served)
    assert code == 1
    assert "GET /jobs/{}/cost: only in theirs" in out["new"]["operation"]


def test_project_allowlist_is_well_formed() -> None:
    entries = yaml.safe_load((ROOT / "scripts" / "spec_drift_allowlist.yaml").read_text())
    assert entries
    for entry in entries:
        assert entry["kind"] in {"operation", "parameter", "field", "enum"}
        assert len(entry["reason"]) > 20, entry
