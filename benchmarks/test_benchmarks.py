"""Checks of the benchmark machinery itself (not part of the default test run):

    .venv/bin/python -m pytest benchmarks -q

The table must compare in the stated direction, the fixtures must be what the emulator
answers, and the contestants must read the same data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks._clients import CountingTransport, core_client, facade_client, raw_client, replay
from benchmarks._fixtures import BASE_URL, Recorded, record
from benchmarks._measure import Samples, interleave, paired_ratio
from benchmarks._report import Quantity, Row, Target, render_markdown, render_text
from benchmarks.case_import import bytecode_env, import_seconds
from benchmarks.case_parse import FIELDS, read_every_field


@pytest.fixture(scope="module")
def recorded() -> Recorded:
    return record(60)


def test_ratio_is_ours_over_baseline_in_cost() -> None:
    slower = Row("c", "m", Quantity(3.0, "s"), "b", Quantity(2.0, "s"), Target(1.25))
    assert slower.ratio == pytest.approx(1.5)
    assert slower.verdict == "MISS"
    # A rate is compared as time per request: half the rate is twice the cost.
    rate = Row("c", "m", Quantity(500, "rate"), "b", Quantity(1000, "rate"))
    assert rate.ratio == pytest.approx(2.0)
    assert rate.verdict == "info"


def test_paired_ratio_wins_over_the_quantities_shown() -> None:
    row = Row("c", "m", Quantity(1.0, "s"), "b", Quantity(1.0, "s"), Target(1.0, strict=True), 0.9)
    assert row.ratio == 0.9
    assert row.verdict == "pass"
    assert not Target(1.0, strict=True).met(1.0)
    assert Target(1.0).met(1.0)


def test_paired_ratio_is_the_median_of_round_ratios() -> None:
    ours = Samples((1.0, 2.0, 9.0))
    base = Samples((1.0, 1.0, 1.0))
    assert paired_ratio(ours, base) == 2.0
    with pytest.raises(ValueError, match="same"):
        paired_ratio(ours, Samples((1.0,)))


def test_interleave_times_every_contestant_every_round() -> None:
    calls = {"a": 0, "b": 0}

    def bump(name: str) -> None:
        calls[name] += 1

    samples = interleave(
        {"a": lambda: bump("a"), "b": lambda: bump("b")}, number=3, rounds=4, warmup=1
    )
    assert calls == {"a": 15, "b": 15}
    assert all(len(s.values) == 4 and min(s.values) > 0 for s in samples.values())


def test_tables_show_every_row() -> None:
    rows = [
        Row("1 x", "m", Quantity(2e-4, "s"), "raw", Quantity(1e-4, "s"), Target(1.25)),
        Row("4 y", "peak", Quantity(3 * 2**20, "bytes"), "small", Quantity(2**20, "bytes")),
    ]
    text = render_text(rows).splitlines()
    assert len(text) == 4
    assert "200.0 us" in text[2]
    assert "2.00x" in text[2]
    assert "MISS" in text[2]
    assert "3.0 MiB" in text[3]
    assert "info" in text[3]
    markdown = render_markdown(rows).splitlines()
    assert markdown[1].startswith("| ---")
    assert len(markdown) == 4


def test_recorded_bodies_are_the_emulators(recorded: Recorded) -> None:
    job = json.loads(recorded.job)
    assert job["id"] == recorded.job_id
    assert job["status"] == "completed"
    assert job["results"]
    page = json.loads(recorded.page)
    assert len(page["jobs"]) == recorded.page_jobs == 60
    statuses = {j["status"] for j in page["jobs"]}
    assert {"completed", "failed", "canceled", "submitted", "started"} <= statuses


def test_contestants_read_the_same_job_through_one_transport(recorded: Recorded) -> None:
    counter = CountingTransport(replay(recorded.job))
    ours = facade_client(BASE_URL, counter)
    core = core_client(BASE_URL, counter)
    raw = raw_client(BASE_URL, counter)
    from ionq_core.api.default import get_job

    theirs = get_job.sync(uuid=recorded.job_id, client=core)
    assert ours.jobs.get(recorded.job_id).id == recorded.job_id
    assert getattr(theirs, "id", None) == recorded.job_id
    assert raw.get(f"/jobs/{recorded.job_id}").json()["id"] == recorded.job_id
    assert counter.count == 3


def test_every_field_of_a_job_is_read(recorded: Recorded) -> None:
    from ionq_facade.resources._job_calls import list_page

    assert {"id", "status", "results", "stats", "settings", "submitted_at"} <= set(FIELDS)
    page = read_every_field(list_page(limit=60).parse(json.loads(recorded.page)))
    assert len(page.jobs) == 60


def test_import_time_is_read_from_importtime() -> None:
    seconds = import_seconds("json")
    assert 0 < seconds < 5


def test_import_children_load_bytecode_from_a_private_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = bytecode_env(str(tmp_path))
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["PYTHONPYCACHEPREFIX"] == str(tmp_path)
    import_seconds("json", env)
    assert any(path.suffix == ".pyc" for path in tmp_path.rglob("*"))
