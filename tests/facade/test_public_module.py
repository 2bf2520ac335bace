"""Public classes name their public module, and pickle by that path."""

from __future__ import annotations

import pickle

import ionq_facade
from ionq_facade import CostLimit, InvalidArgumentError, JobStatus


def test_every_public_class_reports_ionq_facade() -> None:
    wrong = [
        f"{name}: {value.__module__}"
        for name in ionq_facade.__all__
        if isinstance(value := getattr(ionq_facade, name), type)
        and value.__module__ != "ionq_facade"
    ]
    assert wrong == []


def test_values_pickle_by_the_public_path() -> None:
    limit = CostLimit(5.0, "usd")
    data = pickle.dumps(limit)
    assert b"ionq_facade" in data
    assert b"ionq_facade._generated" not in data
    assert b"_models" not in data
    assert pickle.loads(data) == limit
    assert pickle.loads(pickle.dumps(JobStatus.READY)) is JobStatus.READY
    assert isinstance(pickle.loads(pickle.dumps(InvalidArgumentError("x"))), InvalidArgumentError)
