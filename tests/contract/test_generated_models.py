"""The generated code behaves as the contract promises.

Requests: a clone/move body holds what is given and nothing else (the endpoints take the
JSON the generated keyword builders make; no body model is shipped). Answers: they are read
by the views generated from openapi.yaml, which keep what the contract leaves open and
parse its examples.
"""

from __future__ import annotations

import json
from pathlib import Path

from ionq_facade import (
    ErrorMitigation,
    Job,
    JobPage,
    JobRef,
    JobResults,
    JobStatus,
    Noise,
    Settings,
)
from tests.cassettes.properties import sent_override_body

DATA = Path(__file__).resolve().parents[1] / "data"


def test_clone_body_with_only_name_is_only_name() -> None:
    assert sent_override_body("clone", {"name": "again"}) == {"name": "again"}


def test_override_body_keeps_falsy_values_distinct_from_unset() -> None:
    overrides = {
        "dry_run": False,
        "settings": Settings(error_mitigation=ErrorMitigation(debiasing=False)),
        "noise": Noise(model="aria-1", seed=0),
    }
    assert sent_override_body("move", overrides) == {
        "dry_run": False,
        "settings": {"error_mitigation": {"debiasing": False}},
        "noise": {"model": "aria-1", "seed": 0},
    }


def test_unknown_status_is_kept() -> None:
    job = Job.from_dict(
        {"id": "j1", "status": "paused", "type": "ionq.circuit.v1", "backend": "simulator"}
    )
    assert job.status is JobStatus.UNKNOWN
    assert job.raw_status == "paused"
    assert job.to_dict()["status"] == "paused"


def test_created_response_without_status_parses() -> None:
    created = JobRef.from_dict({"id": "617a1f8b-59d4-435d-aa33-695433d7155e", "session_id": None})
    assert created.id == "617a1f8b-59d4-435d-aa33-695433d7155e"
    assert created.status is None
    assert created.session_id is None


def test_seed_list_example_parses_and_round_trips() -> None:
    raw = json.loads((DATA / "seed_list_jobs.json").read_text())
    page = JobPage.from_dict(raw)
    assert page.next is None
    (job,) = page.jobs
    assert job.status is JobStatus.COMPLETED
    assert job.name is None
    assert job.metadata is None
    assert job.started_at is None
    assert isinstance(job.results, JobResults)
    assert job.results.probabilities_url is not None
    assert job.results.probabilities_url.endswith("/results/probabilities")
    assert job.results.artifacts == {}
    assert page.to_dict() == raw


def test_results_accept_artifact_descriptors() -> None:
    descriptor = {
        "id": "a1",
        "format": "ionq.result.probabilities.json.v1",
        "media_type": "application/json",
    }
    job = Job.from_dict(
        {
            "id": "j",
            "status": "completed",
            "type": "ionq.circuit.v1",
            "backend": "simulator",
            "results": {"ionq.result.probabilities.json.v1": descriptor},
        }
    )
    assert job.results is not None
    assert job.results.links == {}
    assert job.results.artifacts["ionq.result.probabilities.json.v1"].id == "a1"
    nulled = Job.from_dict(
        {
            "id": "j",
            "status": "ready",
            "type": "ionq.circuit.v1",
            "backend": "simulator",
            "results": None,
        }
    )
    assert nulled.results is None
