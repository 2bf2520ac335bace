"""The clone/move properties as plain check functions, shared by tests and recording.

- `check_override_wire` (property 1): what the façade sends for an override set is
  exactly that set, and the generated model round-trips it.
- `check_clone_move` (property 3): against a server (emulator, cassette or live), the
  new job shows every override given and inherits every other field from its source;
  clone leaves the source as it was, move cancels it and names it in
  `metadata.original_job_id`.
- `recorded_clone_move_property`: property 3 over derandomized examples, so recording
  and replaying draw the very same cases (the cassette holds exactly their requests).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Final, cast
from unittest import mock

import httpx
import pytest
from hypothesis import HealthCheck, Phase, given, settings

from ionq_emulator.limits import DEBIASING_MIN_SHOTS
from ionq_emulator.recording import same_json
from ionq_facade import (
    BadRequestError,
    Circuit,
    Compilation,
    ErrorMitigation,
    IonQ,
    Job,
    JobOptions,
    JobOverrides,
    JobStatus,
    Noise,
    Settings,
)
from tests.stock_client import models

from .stage import Stage
from .strategies import CloneMoveCase, OverrideCase, World, clone_move_cases, facade_kwargs

__all__ = [
    "INHERITED",
    "PROPERTY_EXAMPLES",
    "check_clone_move",
    "check_override_wire",
    "recorded_clone_move_property",
    "sent_override_body",
]

#: Examples of the recorded property 3. Changing it changes the cassette: re-record.
PROPERTY_EXAMPLES: Final = 20


def _override_fields() -> dict[str, str]:
    """Override field -> the Job field showing it, from the generated clone/move keywords
    (the spec's JobOverrides schema, in its order)."""
    names = list(JobOverrides.__annotations__)
    return {name: "parent_job_id" if name == "parent" else name for name in names}


#: Every field clone/move can override, mapped to where the job shows it.
INHERITED: Final = _override_fields()


def sent_override_body(operation: str, kwargs: Mapping[str, Any]) -> Any:
    """The JSON body the façade sends for `jobs.<operation>("job-1", **kwargs)`."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(201, json={"id": "job-2", "status": "submitted"})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    with IonQ(api_key="test-key", base_url="https://api.test/v0.4", http_client=http) as client:
        call = client.jobs.clone if operation == "clone" else client.jobs.move
        call("job-1", **cast(JobOverrides, kwargs))
    http.close()
    assert len(sent) == 1, f"{operation} sent {len(sent)} requests"
    request = sent[0]
    assert request.url.path == f"/v0.4/jobs/job-1/{operation}"
    return json.loads(request.content)


def check_override_wire(operation: str, case: OverrideCase) -> None:
    """Property 1 for one override set."""
    body = sent_override_body(operation, case.kwargs)
    assert same_json(body, case.wire), (
        f"{operation} sent {json.dumps(body, sort_keys=True)}, "
        f"expected exactly {json.dumps(case.wire, sort_keys=True)}"
    )
    again = models().JobOverrides.from_dict(body).to_dict()  # a stock generated client's
    assert same_json(again, body), f"JobOverrides round trip changed {body} into {again}"


# -- property 3 ------------------------------------------------------------------------------

SOURCE_CIRCUIT: Final = Circuit(2, name="source").h(0).cnot(0, 1)


def create_source(client: IonQ, world: World) -> Job:
    """A source job with name, shots, metadata, settings, noise (and a session, when there
    is one) set, so inheriting them is visible."""
    options: JobOptions = {
        "shots": 640,
        "metadata": {"origin": "source"},
        "settings": Settings(
            compilation=Compilation(opt=1), error_mitigation=ErrorMitigation(debiasing=False)
        ),
        "noise": Noise("ideal", seed=11),
    }
    if world.session_ids:
        options["session_id"] = world.session_ids[0]
    return client.jobs.get(client.jobs.create(SOURCE_CIRCUIT, backend="simulator", **options))


def expected_fields(source: Mapping[str, Any], case: CloneMoveCase) -> dict[str, Any]:
    """The new job's overridable fields: given ones from the overrides, the rest inherited."""
    expected = {
        shown: case.wire[name] if name in case.wire else source[shown]
        for name, shown in INHERITED.items()
    }
    if case.operation == "move":
        expected["metadata"] = {**(expected["metadata"] or {}), "original_job_id": source["id"]}
    return expected


def _debiasing_asked(fields: Mapping[str, Any]) -> bool:
    mitigation = (fields.get("settings") or {}).get("error_mitigation") or {}
    return mitigation.get("debiasing") is True


# The workload is inherited too; the job does not show its input, but these follow from it.
_WORKLOAD_STATS: Final = ("qubits", "circuits", "gate_counts")


def check_clone_move(stage: Stage, client: IonQ, world: World, case: CloneMoveCase) -> None:
    """Property 3 for one case."""
    first = create_source(client, world)
    if case.source_status != first.raw_status:
        stage.controls.advance(first, case.source_status)
    source = client.jobs.get(first.id)
    assert source.raw_status == case.source_status
    before = source.to_dict()

    target: str | Job = source if case.pass_snapshot else source.id
    operation = client.jobs.clone if case.operation == "clone" else client.jobs.move
    kwargs = cast(JobOverrides, facade_kwargs(case.wire))
    expected = expected_fields(before, case)
    if _debiasing_asked(expected) and int(expected["shots"]) < DEBIASING_MIN_SHOTS:
        # IonQ refuses debiasing below 500 shots: the request is refused and changes nothing.
        with pytest.raises(BadRequestError, match="debiasing"):
            operation(target, **kwargs)
        assert same_json(client.jobs.get(source.id).to_dict(), before)
        return
    ref = operation(target, **kwargs)
    new = client.jobs.get(ref).to_dict()
    after = client.jobs.get(source.id).to_dict()

    assert new["id"] != source.id
    assert JobStatus(new["status"]) in {JobStatus.SUBMITTED, JobStatus.READY}
    for shown, value in expected.items():
        if shown == "noise" and new["backend"] != "simulator":
            assert shown not in new, "IonQ shows `noise` on simulator jobs only"
            continue
        assert same_json(new[shown], value), (
            f"{case.operation}: new job's {shown} is {new[shown]!r}, expected {value!r}"
        )
    assert new["type"] == before["type"], "job type not inherited"
    for key in _WORKLOAD_STATS:
        assert new["stats"][key] == before["stats"][key], f"stats.{key} not inherited"

    if case.operation == "clone":
        assert same_json(after, before), "clone changed its source"
    else:
        assert after["status"] == "canceled", f"moved source is {after['status']}"
        unchanged = {k: v for k, v in after.items() if k != "status"}
        assert same_json(unchanged, {k: v for k, v in before.items() if k != "status"})


@contextmanager
def project_constants_ignored() -> Iterator[None]:
    """Hypothesis draws without the constants it collects from the project's modules.

    Hypothesis mixes literals found in the loaded local modules into its draws; which
    modules are loaded differs between the recording script and a pytest run, so the
    derandomized examples (and the requests they make) would differ. There is no public
    switch, so the collector is replaced for the duration; an AttributeError here means
    a Hypothesis upgrade moved it.
    """
    from hypothesis.internal.conjecture import providers
    from hypothesis.internal.constants_ast import Constants

    none = Constants()
    providers.CONSTANTS_CACHE.cache.clear()
    try:
        with mock.patch.object(providers, "_get_local_constants", return_value=none):
            yield
    finally:
        providers.CONSTANTS_CACHE.cache.clear()


def recorded_clone_move_property(stage: Stage, client: IonQ, world: World) -> None:
    """Property 3 over `PROPERTY_EXAMPLES` derandomized cases (record and replay alike)."""

    @settings(
        derandomize=True,
        database=None,
        max_examples=PROPERTY_EXAMPLES,
        deadline=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    @given(case=clone_move_cases(world))
    def clone_move_property(case: CloneMoveCase) -> None:
        check_clone_move(stage, client, world, case)

    with project_constants_ignored():
        clone_move_property()
