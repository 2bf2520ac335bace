"""Public classes name their public module, and pickle by that path."""

from __future__ import annotations

import pickle

import pytest

import ionq_facade
from ionq_facade import (
    Circuit,
    CostLimit,
    Histogram,
    InvalidArgumentError,
    JobStatus,
    RegisterDistributions,
    RegisterShots,
    Shots,
)


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


def test_result_values_pickle_and_stay_read_only() -> None:
    values = [
        Histogram({0: 500.0, 3: 500.0}),
        Shots((0, 3, 3)),
        RegisterDistributions({"c": {"00": 0.5, "11": 0.5}}),
        RegisterShots(({"c": (1, 1)}, {"c": (0, 0)})),
        Circuit(2).h(0).cnot(0, 1).gates[1],
    ]
    for value in values:
        data = pickle.dumps(value)
        assert b"ionq_facade._results" not in data
        assert pickle.loads(data) == value
    shot = pickle.loads(pickle.dumps(values[3])).shots[0]
    with pytest.raises(TypeError):
        shot["c"] = (0, 1)
