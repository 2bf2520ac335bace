"""`Job`: a cheap, immutable snapshot with typed, lazily parsed fields."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ionq_facade import (
    APIResponseValidationError,
    Compilation,
    Job,
    JobFailure,
    JobPage,
    JobRef,
    JobResults,
    JobStatus,
    Noise,
    ResultArtifact,
    Settings,
)

from .conftest import job_json

SEED = Path(__file__).resolve().parents[1] / "data" / "seed_list_jobs.json"


def test_the_documented_example_parses_completely() -> None:
    page = JobPage._parse(json.loads(SEED.read_text()))
    [job] = page.jobs
    assert page.next is None
    assert job.id == "e1a09d90-b2ba-4ea5-9fd7-4bfc14eac524"
    assert job.status is JobStatus.COMPLETED
    assert job.type == "ionq.circuit.v1"
    assert job.backend == "simulator"
    assert job.shots == 1000
    assert job.dry_run is False
    assert job.name is None
    assert job.metadata is None
    assert job.failure is None
    assert job.submitted_at == datetime(2025, 5, 28, 20, 47, 5, 440000, tzinfo=UTC)
    assert job.started_at is None
    assert job.child_job_ids is None
    assert job.noise == Noise("ideal")
    assert job.settings == Settings(compilation=Compilation())
    assert job.stats is not None
    assert job.stats.qubits == 20
    assert job.stats.gate_counts == {"1q": 1028.0, "2q": 110.0}
    assert job.results is not None
    assert job.results.probabilities_url == (
        "/v0.4/jobs/e1a09d90-b2ba-4ea5-9fd7-4bfc14eac524/results/probabilities"
    )
    assert job.output is not None
    assert job.output.compilation is None


def test_artifact_results_shape() -> None:
    fmt = "ionq.result.probabilities.json.v1"
    job = Job.from_dict(
        job_json(results={fmt: {"id": "art-1", "format": fmt, "media_type": "application/json"}})
    )
    assert job.results is not None
    assert job.results.probabilities_url is None
    assert job.results.artifacts == {fmt: ResultArtifact("art-1", fmt, "application/json")}


def test_failure_and_metadata() -> None:
    job = Job.from_dict(
        job_json(
            status="failed",
            failure={"code": "TooManyShots", "message": "m"},
            metadata={"original_job_id": "j-0"},
        )
    )
    assert job.failure == JobFailure("TooManyShots", "m")
    assert job.metadata == {"original_job_id": "j-0"}
    with pytest.raises(TypeError):
        job.metadata["x"] = "y"  # type: ignore[index]


def test_running_is_started_and_unknown_is_kept_raw() -> None:
    assert Job.from_dict(job_json(status="running")).status is JobStatus.STARTED
    odd = Job.from_dict(job_json(status="paused"))
    assert odd.status is JobStatus.UNKNOWN
    assert odd.raw_status == "paused"
    assert "paused" in repr(odd)


def test_jobs_are_immutable() -> None:
    job = Job.from_dict(job_json())
    with pytest.raises(AttributeError):
        job.status = JobStatus.COMPLETED  # type: ignore[misc]
    with pytest.raises(AttributeError):
        job._raw = {}
    with pytest.raises(AttributeError):
        del job.name


def test_from_dict_and_to_dict_copy() -> None:
    source = job_json(metadata={"a": "b"})
    job = Job.from_dict(source)
    source["metadata"]["a"] = "changed"
    assert job.metadata == {"a": "b"}
    out = job.to_dict()
    out["metadata"]["a"] = "changed again"
    assert job.to_dict()["metadata"] == {"a": "b"}


def test_equality_hash_pickle_copy() -> None:
    a = Job.from_dict(job_json(shots=5))
    b = Job.from_dict(job_json(shots=5))
    c = Job.from_dict(job_json(shots=6))
    assert a == b
    assert hash(a) == hash(b)
    assert a != c
    assert len({a, b, c}) == 2
    assert pickle.loads(pickle.dumps(a)) == a
    assert copy.deepcopy(a) == a
    assert copy.copy(a) == a
    assert a != "job-1"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("shots", "1000"),
        ("shots", True),
        ("name", 3),
        ("metadata", {"n": 1}),
        ("metadata", ["a"]),
        ("submitted_at", "yesterday"),
        ("child_job_ids", "a,b"),
        ("noise", {"seed": 1}),
        ("settings", {"compilation": {"opt": "max"}}),
        ("failure", {"code": "X"}),
        ("stats", {"gate_counts": {"1q": "many"}}),
        ("results", {"x": {"id": 1}}),
        ("output", ["not", "an", "object"]),
        ("dry_run", "false"),
    ],
)
def test_malformed_lazy_fields_raise_typed_errors_when_read(field: str, value: object) -> None:
    job = Job.from_dict(job_json(**{field: value}))
    with pytest.raises(APIResponseValidationError) as info:
        getattr(job, field)
    assert field in str(info.value)
    assert job.id in str(info.value)
    assert job.id == "job-1"  # the rest of the job stays readable


def test_lazy_fields_are_parsed_once() -> None:
    job = Job.from_dict(job_json(metadata={"a": "b"}, output={"x": [1, {"y": 2}]}))
    assert job.metadata is job.metadata
    assert job.output is job.output
    assert job.to_dict()["output"] == {"x": [1, {"y": 2}]}  # an unknown key is kept


@given(
    st.fixed_dictionaries(
        {
            "id": st.text(min_size=1),
            "status": st.text(),
            "type": st.text(),
            "backend": st.text(),
        },
        optional={
            "shots": st.integers(),
            "name": st.none() | st.text(),
            "metadata": st.none() | st.dictionaries(st.text(), st.text()),
        },
    )
)
def test_any_well_typed_job_round_trips(data: dict[str, object]) -> None:
    job = Job.from_dict(data)
    assert job.to_dict() == data
    assert job.raw_status == data["status"]
    assert job.shots == data.get("shots")
    assert job.name == data.get("name")


@pytest.mark.parametrize(
    "data", [{}, {"id": "x"}, job_json() | {"status": 1}, ["not", "a", "mapping"]]
)
def test_from_dict_refuses_what_is_not_a_job(data: object) -> None:
    from ionq_facade import ArgumentTypeError

    with pytest.raises(ArgumentTypeError):
        Job.from_dict(data)  # type: ignore[arg-type]


def test_reprs_show_what_the_base_classes_supply() -> None:
    ref = JobRef._parse({"id": "job-1", "status": "submitted"})
    status = "<JobStatus.SUBMITTED: 'submitted'>"
    assert repr(ref) == f"JobRef(id='job-1', status={status}, session_id=None)"
    results = JobResults._parse({
        "probabilities": {"url": "/v0.4/jobs/job-1/results/probabilities"},
        "ionq.result.histogram.json.v1": {
            "id": "a-1", "format": "ionq.result.histogram.json.v1", "media_type": "application/json"
        },
    })  # fmt: skip
    shown = repr(results)
    assert "links={'probabilities': '/v0.4/jobs/job-1/results/probabilities'}" in shown
    assert "artifacts={'ionq.result.histogram.json.v1': ResultArtifact(id='a-1'" in shown
